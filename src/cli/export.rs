//! `samla export`: the summary of a session, to a file, standard output or the
//! clipboard.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{Context, ExportArgs, session_path_or};
use crate::app::export::{Destination, ExportRequest, deliver};
use crate::clipboard::{self, Copied};
use crate::clock::local_offset;
use crate::export::{Document, RenderError, SeriesSummary, Summary, render};
use crate::session::Session;
use crate::store::{DataDir, SeriesFile, SessionFile, series_stem, session_id};

/// Writes the summary of the named (or latest) session, or of a series.
pub fn export(args: &ExportArgs, context: &mut Context) -> anyhow::Result<ExitCode> {
    let data = context.data_dir()?;
    let format = crate::export::Format::from(args.format);
    let to = args.to.concat();
    if let Some(name) = &args.series {
        let (files, series) = series_files(&data, name, context)?;
        let sessions: Vec<&Session> = files.iter().map(|file| &file.session).collect();
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
        "no saved session to export; run a seminar first",
    )?;
    let file = SessionFile::load(&path)?;
    let summary = Summary {
        session: &file.session,
        as_of: file.saved,
        offset: local_offset(file.session.planned_start),
        private: args.private,
        names: args.names,
    };
    let bytes = rendered(render(Document::Session(&summary), format, &to))?;
    let default = data
        .exports_dir()
        .join(format!("{}.{}", session_id(&path), format.extension()));
    send(&bytes, default, args, context)
}

/// The series named `name` and its sessions' files; a missing one is left out
/// with a word on standard error.
fn series_files(
    data: &DataDir,
    name: &str,
    context: &mut Context,
) -> anyhow::Result<(Vec<SessionFile>, SeriesFile)> {
    let series = data
        .load_series(name)
        .ok_or_else(|| anyhow::anyhow!("no series {name:?}; `samla series` lists them"))??;
    let mut files = Vec::new();
    for id in &series.sessions {
        match data.session_path(id) {
            Some(path) => files.push(SessionFile::load(&path)?),
            None => writeln!(
                context.err,
                "samla: session {id} of the series is missing; left out"
            )?,
        }
    }
    Ok((files, series))
}

fn rendered(bytes: Result<Vec<u8>, RenderError>) -> anyhow::Result<Vec<u8>> {
    bytes.map_err(|error| match error {
        RenderError::NoSeriesCsv => anyhow::anyhow!(
            "a series has no CSV of its own; export each session's with `samla export SESSION --format csv`"
        ),
        RenderError::Text(error) => anyhow::anyhow!("cannot make the summary: {error}"),
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
        format: args.format.into(),
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
        anyhow::anyhow!("cannot write {}: {}", failed.path.display(), failed.error)
    })?;
    if let Some(written) = &delivered.path {
        writeln!(context.out, "{}", written.display())?;
    }
    if let Some(copied) = delivered.copied {
        let message = match (copied, &delivered.path) {
            (Ok(Copied::System), _) => "copied to the clipboard".to_owned(),
            (Ok(Copied::Terminal), _) => {
                "copied through the terminal (OSC 52; the terminal must allow it)".to_owned()
            }
            (Err(error), Some(file)) => {
                format!(
                    "could not copy ({error}); the summary is in {}",
                    file.display()
                )
            }
            (Err(error), None) => format!("could not copy ({error})"),
        };
        writeln!(context.err, "samla: {message}")?;
    }
    if args.open {
        match &delivered.path {
            Some(file) => open::that_detached(file)
                .map_err(|error| anyhow::anyhow!("cannot open {}: {error}", file.display()))?,
            None => anyhow::bail!("--open needs a file to open, not `-o -`"),
        }
    }
    Ok(ExitCode::SUCCESS)
}
