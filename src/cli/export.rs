//! `samla export`: the summary of a session, to a file, standard output or the
//! clipboard.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{Context, ExportArgs, Format, session_path_or};
use crate::app::local_offset;
use crate::clipboard::{self, Copied};
use crate::export::{
    SeriesSummary, Summary, csv, eml, html, markdown, series_eml, series_html, series_markdown,
};
use crate::session::Session;
use crate::store::{
    DataDir, SessionFile, create_private_dir, series_stem, session_id, write_document,
};

/// Writes the summary of the named (or latest) session.
pub fn export(args: &ExportArgs, context: &mut Context) -> anyhow::Result<ExitCode> {
    let data = context.data_dir()?;
    if let Some(name) = &args.series {
        let (bytes, stem) = series_bytes(&data, name, args, context)?;
        let default = data
            .exports_dir()
            .join(format!("{stem}.{}", extension(args.format)));
        return deliver(&data, &bytes, default, args, context);
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
    let bytes = match args.format {
        Format::Md => markdown(&summary).into_bytes(),
        Format::Html => html(&summary).into_bytes(),
        Format::Eml => eml(&summary, &args.to.concat())?,
        Format::Csv => csv(&summary)?,
    };
    let default = default_path(&data, &path, args.format);
    deliver(&data, &bytes, default, args, context)
}

/// The series summary in the asked format, and the file stem for it.
fn series_bytes(
    data: &DataDir,
    name: &str,
    args: &ExportArgs,
    context: &mut Context,
) -> anyhow::Result<(Vec<u8>, String)> {
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
    let bytes = match args.format {
        Format::Md => series_markdown(&summary).into_bytes(),
        Format::Html => series_html(&summary).into_bytes(),
        Format::Eml => series_eml(&summary, &args.to.concat())?,
        Format::Csv => anyhow::bail!(
            "a series has no CSV of its own; export each session's with `samla export SESSION --format csv`"
        ),
    };
    Ok((bytes, format!("series-{}", series_stem(&series.name))))
}

/// Writes `bytes` where asked (or to `default`), copies and opens them if asked.
fn deliver(
    data: &DataDir,
    bytes: &[u8],
    default: PathBuf,
    args: &ExportArgs,
    context: &mut Context,
) -> anyhow::Result<ExitCode> {
    let written = match args.output.as_deref() {
        Some("-") => {
            context.out.write_all(bytes)?;
            None
        }
        Some(output) => Some(PathBuf::from(output)),
        None => {
            create_private_dir(&data.exports_dir())?;
            Some(default)
        }
    };
    if let Some(written) = &written {
        write_document(written, bytes)
            .map_err(|error| anyhow::anyhow!("cannot write {}: {error}", written.display()))?;
        writeln!(context.out, "{}", written.display())?;
    }
    if args.copy {
        // The export stands whatever happens to the copy.
        let text = String::from_utf8_lossy(bytes);
        let message = match (clipboard::copy_and_leave(&text), &written) {
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
        match &written {
            Some(file) => open::that_detached(file)
                .map_err(|error| anyhow::anyhow!("cannot open {}: {error}", file.display()))?,
            None => anyhow::bail!("--open needs a file to open, not `-o -`"),
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `exports/SESSION-ID.EXT`.
pub fn default_path(data: &DataDir, session: &Path, format: Format) -> PathBuf {
    data.exports_dir()
        .join(format!("{}.{}", session_id(session), extension(format)))
}

fn extension(format: Format) -> &'static str {
    match format {
        Format::Md => "md",
        Format::Html => "html",
        Format::Eml => "eml",
        Format::Csv => "csv",
    }
}
