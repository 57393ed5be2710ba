//! `samla present [SESSION]`: the room's view, following a session.

use std::process::ExitCode;

use super::{Context, session_path_or};
use crate::app;
use crate::clock::SystemClock;
use crate::i18n::Say;
use crate::store::DataDir;
use crate::ui::Theme;

/// Follows the named session, or the one running now.
pub fn present(name: Option<&str>, context: &mut Context) -> anyhow::Result<ExitCode> {
    let data = context.data_dir()?;
    let path = session_path_or(&data, name, DataDir::running_session, Say::NothingRunning)?;
    app::show_room(&path, Theme::new(context.no_color), &SystemClock)?;
    Ok(ExitCode::SUCCESS)
}
