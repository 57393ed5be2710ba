//! Keys to actions, depending on what is on screen.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::state::{Action, Mode};
use crate::session::SessionAction;

/// The action `key` stands for in `mode`, if any.
pub fn action_for(mode: &Mode, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return match key.code {
            KeyCode::Char('q') => Some(Action::Quit),
            KeyCode::Char('c') => Some(Action::QuitHint),
            _ => None,
        };
    }
    match mode {
        Mode::Normal => normal_action(key.code),
        Mode::Help => Some(Action::Dismiss),
        Mode::Rebalance(_) => match key.code {
            KeyCode::Char('y') => Some(Action::ApplyRebalance),
            _ => Some(Action::Dismiss),
        },
    }
}

fn normal_action(code: KeyCode) -> Option<Action> {
    let session = |action| Some(Action::Session(action));
    match code {
        KeyCode::Char(' ') => session(SessionAction::ToggleTimer),
        KeyCode::Char('n') => session(SessionAction::Next),
        KeyCode::Char('p') => session(SessionAction::Previous),
        KeyCode::Char('+') => session(SessionAction::AddMinute),
        KeyCode::Char('-') => session(SessionAction::RemoveMinute),
        KeyCode::Char('r') => Some(Action::ProposeRebalance),
        KeyCode::Char('?') => Some(Action::ToggleHelp),
        KeyCode::Char('0') => Some(Action::SelectGroup(None)),
        KeyCode::Char(digit @ '1'..='9') => Some(Action::SelectGroup(
            digit.to_digit(10).map(|d| d as usize - 1),
        )),
        _ => None,
    }
}
