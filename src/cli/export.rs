//! `samla export`: the summary of a session, to a file, standard output or the
//! clipboard.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{Context, ExportArgs, Format};
use crate::app::local_offset;
use crate::clipboard::{self, Copied};
use crate::export::{Summary, csv, eml, html, markdown};
use crate::store::{DataDir, SessionFile, create_private_dir, session_id, write_atomic};

/// Writes the summary of the named (or latest) session.
pub fn export(args: &ExportArgs, context: &mut Context) -> anyhow::Result<ExitCode> {
    if args.series.is_some() {
        anyhow::bail!("`samla export --series` is not yet available in this version");
    }
    let data = context.data_dir()?;
    let path = match &args.session {
        Some(name) => data.session_path(name).ok_or_else(|| {
            anyhow::anyhow!("no session {name:?}; `samla sessions` lists the saved ones")
        })?,
        None => {
            data.latest_session()
                .ok_or_else(|| anyhow::anyhow!("no saved session to export; run a seminar first"))?
                .path
        }
    };
    let file = SessionFile::load(&path)?;
    let summary = Summary {
        session: &file.session,
        as_of: file.saved,
        offset: local_offset(file.session.planned_start),
        private: args.private,
    };
    let bytes = match args.format {
        Format::Md => markdown(&summary).into_bytes(),
        Format::Html => html(&summary).into_bytes(),
        Format::Eml => eml(&summary, &args.to)?,
        Format::Csv => csv(&summary)?,
    };
    let written = match args.output.as_deref() {
        Some("-") => {
            context.out.write_all(&bytes)?;
            None
        }
        Some(output) => Some(PathBuf::from(output)),
        None => {
            create_private_dir(&data.exports_dir())?;
            Some(default_path(&data, &path, args.format))
        }
    };
    if let Some(written) = &written {
        write_atomic(written, &bytes)
            .map_err(|error| anyhow::anyhow!("cannot write {}: {error}", written.display()))?;
        writeln!(context.out, "{}", written.display())?;
    }
    if args.copy {
        // The export stands whatever happens to the copy.
        let text = String::from_utf8_lossy(&bytes);
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
    let extension = match format {
        Format::Md => "md",
        Format::Html => "html",
        Format::Eml => "eml",
        Format::Csv => "csv",
    };
    data.exports_dir()
        .join(format!("{}.{extension}", session_id(session)))
}
