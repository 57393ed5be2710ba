//! `samla export`: the summary of a session, to a file, standard output or the
//! clipboard.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{Context, ExportArgs, fail, session_path_or};
use crate::app::export::{Destination, ExportRequest, deliver};
use crate::clipboard::{self, Copied};
use crate::clock::local_offset;
use crate::export::{Audience, Composition, Document, RenderError, SeriesSummary, compose, render};
use crate::i18n::Say;
use crate::session::Session;
use crate::store::{DataDir, SeriesFile, SessionFile, series_stem, session_id};

/// Writes the summary of the named (or latest) session, or of a series.
pub fn export(args: &ExportArgs, context: &mut Context) -> anyhow::Result<ExitCode> {
    let data = context.data_dir()?;
    let format = args.export_format();
    let to = args.to.concat();
    if let Some(name) = &args.series {
        let (files, series) = series_files(&data, name, context)?;
        copyable(args)?;
        let shown: Vec<_> = files
            .iter()
            .map(|file| file.session.without_hidden())
            .collect();
        let sessions: Vec<&Session> = shown.iter().map(AsRef::as_ref).collect();
        let summary = SeriesSummary {
            name: &series.name,
            groups: &series.groups,
            sessions: &sessions,
            as_of: files
                .iter()
                .map(|file| file.saved)
                .max()
                .unwrap_or_default(),
            offset: local_offset(
                files
                    .first()
                    .map(|f| f.session.planned_start)
                    .unwrap_or_default(),
            ),
            names: args.names,
        };
        let bytes = rendered(render(Document::Series(&summary), format, &to))?;
        let stem = format!("series-{}", series_stem(&series.name));
        let default = data
            .exports_dir()
            .join(format!("{stem}.{}", format.extension()));
        return send(&bytes, default, args, context);
    }
    let path = session_path_or(
        &data,
        args.session.as_deref(),
        DataDir::latest_session,
        Say::NothingToExport,
    )?;
    let file = SessionFile::load(&path)?;
    context.speak(file.session.agenda.language);
    copyable(args)?;
    let intro = match &args.intro {
        Some(intro) => Some(crate::input_file::read_text(intro).map_err(|error| {
            fail(Say::CannotRead {
                file: intro.display().to_string(),
                reason: error.reason(),
            })
        })?),
        None => None,
    };
    let composition = Composition {
        audience: if args.report {
            Audience::Report
        } else {
            Audience::Participants
        },
        private_notes: args.private,
        names: args.names,
        redact: args.redact,
        intro: intro.as_deref(),
        as_of: file.saved,
        offset: local_offset(file.session.planned_start),
    };
    let composed = rendered(compose(&file.session, &composition, format, &to))?;
    if !composed.flags.is_empty() {
        let said = context.say(if args.redact {
            Say::Redacted {
                texts: composed.flags.len(),
            }
        } else {
            Say::PersonalData {
                flags: composed
                    .flags
                    .into_iter()
                    .map(|flag| (flag.place, flag.kinds))
                    .collect(),
            }
        });
        writeln!(context.err, "samla: {said}")?;
    }
    let bytes = composed.bytes;
    let default = data
        .exports_dir()
        .join(format!("{}.{}", session_id(&path), format.extension()));
    send(&bytes, default, args, context)
}

/// A workbook is no text for the clipboard: refused before anything is written.
fn copyable(args: &ExportArgs) -> anyhow::Result<()> {
    match args.copy && !args.export_format().is_text() {
        true => Err(fail(Say::WorkbookNotCopied)),
        false => Ok(()),
    }
}

/// The series named `name` and its sessions' files; a missing one is left out
/// with a word on standard error.
fn series_files(
    data: &DataDir,
    name: &str,
    context: &mut Context,
) -> anyhow::Result<(Vec<SessionFile>, SeriesFile)> {
    let series = data.load_series(name).ok_or_else(|| {
        fail(Say::NoSuchSeries {
            name: name.to_owned(),
        })
    })??;
    let mut files: Vec<SessionFile> = Vec::new();
    for id in &series.sessions {
        match data.session_path(id) {
            Some(path) => files.push(SessionFile::load(&path)?),
            None => {
                let left_out = context.say(Say::SeriesSessionLeftOut { id: id.clone() });
                writeln!(context.err, "samla: {left_out}")?;
            }
        }
    }
    let offset = local_offset(chrono::Utc::now());
    files.sort_by_key(|file| crate::export::held(&file.session, offset));
    Ok((files, series))
}

fn rendered<T>(made: Result<T, RenderError>) -> anyhow::Result<T> {
    made.map_err(|error| match error {
        RenderError::NoSeriesCsv => fail(Say::NoSeriesCsv),
        RenderError::Text(error) => anyhow::Error::new(error),
    })
}

/// Delivers `bytes` as the arguments ask, through the export service the run
/// screen's `x` uses too; says where they went.
fn send(
    bytes: &[u8],
    default: PathBuf,
    args: &ExportArgs,
    context: &mut Context,
) -> anyhow::Result<ExitCode> {
    let request = ExportRequest {
        format: args.export_format(),
        destination: match args.output.as_deref() {
            Some("-") => Destination::Stdout,
            Some(output) => Destination::Path(PathBuf::from(output)),
            None => Destination::ExportsFolder,
        },
        copy: args.copy,
    };
    let delivered = deliver(
        bytes,
        &request,
        default,
        context.out,
        clipboard::copy_and_leave,
    )
    .map_err(|failed| {
        fail(Say::CannotWrite {
            path: failed.path,
            kind: failed.error.kind(),
        })
    })?;
    if let Some(written) = &delivered.path {
        writeln!(context.out, "{}", written.display())?;
    }
    if let Some(copied) = delivered.copied {
        let message = context.say(match copied {
            Ok(Copied::System) => Say::CopiedToClipboard,
            Ok(Copied::Terminal) => Say::CopiedThroughTerminal,
            Err(_) => Say::NotCopied {
                file: delivered.path.clone(),
            },
        });
        writeln!(context.err, "samla: {message}")?;
    }
    if args.open {
        match &delivered.path {
            Some(file) => open::that_detached(file)
                .map_err(|_| fail(Say::CannotOpen { path: file.clone() }))?,
            None => return Err(fail(Say::OpenNeedsFile)),
        }
    }
    Ok(ExitCode::SUCCESS)
}
