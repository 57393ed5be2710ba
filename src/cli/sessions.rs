//! `samla sessions`: the saved sessions, newest change last.

use std::process::ExitCode;

use chrono::{DateTime, Local, Utc};

use super::Context;
use crate::i18n::Say;
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
        let none = context.say(Say::NoSessions {
            folder: data.sessions_dir(),
        });
        writeln!(context.out, "{none}")?;
    } else {
        let saved: Vec<&SessionSummary> = found.iter().filter_map(|s| s.as_ref().ok()).collect();
        // The id column as wide as the longest id, so every row lines up.
        let id_width = saved
            .iter()
            .map(|summary| summary.id.chars().count())
            .chain([2])
            .max()
            .unwrap_or(2);
        let header = context.say(Say::SessionsHeader { id_width });
        writeln!(context.out, "{header}")?;
        for summary in saved {
            let state = context.say(Say::SessionState {
                state: summary.state(),
            });
            writeln!(
                context.out,
                "{:<id_width$} {:<16} {:<16} {:>5}  {:<10}  {}",
                summary.id,
                summary.started.map(local).unwrap_or_else(|| "-".to_owned()),
                local(summary.last_change),
                summary.cards,
                state,
                summary.title
            )?;
        }
    }
    for error in found.iter().filter_map(|s| s.as_ref().err()) {
        let error = error.say().text(context.language);
        writeln!(context.err, "samla: {error}")?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `time` on the local clock, to the minute.
pub(super) fn local(time: DateTime<Utc>) -> String {
    time.with_timezone(&Local)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}
