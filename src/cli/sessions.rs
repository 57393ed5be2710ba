//! `samla sessions`: the saved sessions, newest change last.

use std::process::ExitCode;

use chrono::{DateTime, Local, Utc};

use super::Context;
use crate::store::SessionSummary;

/// Lists the sessions in the data folder, as a table or as JSON.
pub fn list(json: bool, context: &mut Context) -> anyhow::Result<ExitCode> {
    let data = context.data_dir()?;
    let found = data.sessions();
    if json {
        let summaries: Vec<&SessionSummary> =
            found.iter().filter_map(|s| s.as_ref().ok()).collect();
        serde_json::to_writer_pretty(&mut *context.out, &summaries)?;
        writeln!(context.out)?;
    } else if found.is_empty() {
        writeln!(
            context.out,
            "No saved sessions in {}.",
            data.sessions_dir().display()
        )?;
    } else {
        writeln!(
            context.out,
            "{:<32} {:<16} {:<16} {:>5}  {:<8}  TITLE",
            "ID", "STARTED", "LAST CHANGE", "CARDS", "STATE"
        )?;
        for summary in found.iter().filter_map(|s| s.as_ref().ok()) {
            writeln!(
                context.out,
                "{:<32} {:<16} {:<16} {:>5}  {:<8}  {}",
                summary.id,
                summary.started.map(local).unwrap_or_else(|| "-".to_owned()),
                local(summary.last_change),
                summary.cards,
                if summary.finished { "finished" } else { "open" },
                summary.title
            )?;
        }
    }
    for error in found.iter().filter_map(|s| s.as_ref().err()) {
        writeln!(context.err, "samla: {error}")?;
    }
    Ok(ExitCode::SUCCESS)
}

fn local(time: DateTime<Utc>) -> String {
    time.with_timezone(&Local)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}
