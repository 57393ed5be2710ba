//! `samla present [SESSION]`: the projector, following a session.

use std::process::ExitCode;

use super::input::watch_session;
use super::screen::enter_terminal;
use super::{Context, session_path_or};
use crate::app::{self, Inputs, Present};
use crate::clock::SystemClock;
use crate::i18n::Say;
use crate::store::{DataDir, SessionFile};
use crate::ui::Theme;

/// Follows the named session, or the one running now.
pub fn present(name: Option<&str>, context: &mut Context) -> anyhow::Result<ExitCode> {
    let data = context.data_dir()?;
    let path = session_path_or(&data, name, DataDir::running_session, Say::NothingRunning)?;
    // Watched before it is read: a write between the two would otherwise go
    // unseen, and the projector would show the older session until the next.
    let inputs = Inputs::new();
    let _watcher = watch_session(&path, inputs.sender())?;
    let stamp = app::file_stamp(&path);
    let file = SessionFile::load(&path)?;
    let shown = Present::new(file, stamp, Theme::new(context.no_color));
    let mut screen = enter_terminal("present", &inputs)?;
    app::present(shown, &path, &SystemClock, &inputs, &mut screen);
    Ok(ExitCode::SUCCESS)
}
