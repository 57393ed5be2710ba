//! `samla present [SESSION]`: the room's view, following a session.

use std::process::ExitCode;

use super::Context;
use crate::app;
use crate::clock::SystemClock;
use crate::ui::Theme;

/// Follows the named session, or the one running now.
pub fn present(name: Option<&str>, context: &mut Context) -> anyhow::Result<ExitCode> {
    let data = context.data_dir()?;
    let path = match name {
        Some(name) => data.session_path(name).ok_or_else(|| {
            anyhow::anyhow!("no session {name:?}; `samla sessions` lists the saved ones")
        })?,
        None => {
            data.running_session()
                .ok_or_else(|| {
                    anyhow::anyhow!(
                        "no session is running; start one with `samla run`, or name a saved one: `samla present ID` (`samla sessions` lists them)"
                    )
                })?
                .path
        }
    };
    app::present(&path, Theme::new(context.no_color), &SystemClock)?;
    Ok(ExitCode::SUCCESS)
}
