//! Keys to actions, depending on what is on screen.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::state::{Action, Mode};
use crate::session::{Answer, DraftTarget, SessionAction};

/// The action `key` stands for in `mode`, if any.
pub fn action_for(mode: &Mode, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        match key.code {
            KeyCode::Char('q') => return Some(Action::Quit),
            KeyCode::Char('c') => return Some(Action::QuitHint),
            _ => {}
        }
    }
    match mode {
        Mode::Editor(editor) => Some(match key.code {
            KeyCode::Esc => Action::CloseEditor,
            // A respondent line is entered with Enter, as on a paper form's row.
            KeyCode::Enter if matches!(editor.target, DraftTarget::PollLine(_)) => {
                Action::SubmitPollLine
            }
            _ => Action::EditorKey(key),
        }),
        Mode::Tally { .. } => tally_action(key.code),
        _ if key.modifiers.contains(KeyModifiers::CONTROL) => None,
        Mode::Normal => normal_action(key.code),
        Mode::Help => Some(Action::Dismiss),
        Mode::Rebalance(_) => Some(confirmed(key.code, Action::ApplyRebalance)),
        Mode::ConfirmDelete(_) => Some(confirmed(key.code, Action::ConfirmDelete)),
        Mode::ConfirmQuit => Some(confirmed(key.code, Action::QuitAnyway)),
        Mode::ConfirmRemoveMember(_) => Some(confirmed(key.code, Action::ConfirmRemoveMember)),
        Mode::Roster(_) => roster_action(key.code),
    }
}

/// `yes` for `y`; any other key cancels.
fn confirmed(code: KeyCode, yes: Action) -> Action {
    match code {
        KeyCode::Char('y' | 'Y') => yes,
        _ => Action::Dismiss,
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
        KeyCode::Left => Some(Action::StepGroup(-1)),
        KeyCode::Right => Some(Action::StepGroup(1)),
        KeyCode::Up => Some(Action::StepCard(-1)),
        KeyCode::Down => Some(Action::StepCard(1)),
        KeyCode::Char('a') => Some(Action::NewCard),
        KeyCode::Enter => Some(Action::EditCard),
        KeyCode::Char('f') => Some(Action::EditPrivateNote),
        KeyCode::Char('t') => Some(Action::CycleTag),
        KeyCode::Char('q') => Some(Action::ToggleQuote),
        KeyCode::Char('h') => Some(Action::NextHorizon),
        KeyCode::Char('d') => Some(Action::AskDelete),
        KeyCode::Char('x') => Some(Action::Export),
        KeyCode::Char('g') => Some(Action::OpenRoster),
        KeyCode::Char('i') => Some(Action::OpenPollLine),
        KeyCode::Char('v') => Some(Action::OpenTally),
        _ => None,
    }
}

/// Keys of the roster: the cursor, attendance and the member's details.
fn roster_action(code: KeyCode) -> Option<Action> {
    Some(match code {
        KeyCode::Up => Action::RosterStep(-1),
        KeyCode::Down => Action::RosterStep(1),
        KeyCode::Char(' ') => Action::RosterTogglePresent,
        KeyCode::Char('a') => Action::RosterAdd,
        KeyCode::Enter => Action::RosterRename,
        KeyCode::Char('s') => Action::RosterCycleSector,
        KeyCode::Char('r') => Action::RosterCycleRole,
        KeyCode::Char('m') => Action::RosterMove,
        KeyCode::Char('d') => Action::RosterRemove,
        KeyCode::Esc | KeyCode::Char('g' | 'q') => Action::Dismiss,
        _ => return None,
    })
}

/// Keys of hand counting: the statement, one hand per value, undo.
fn tally_action(code: KeyCode) -> Option<Action> {
    Some(match code {
        KeyCode::Up => Action::TallyStep(-1),
        KeyCode::Down | KeyCode::Enter => Action::TallyStep(1),
        KeyCode::Char(digit @ '0'..='9') => {
            Action::TallyAdd(Answer::Value(digit.to_digit(10).map_or(0, |d| d as u8)))
        }
        KeyCode::Char('x') => Action::TallyAdd(Answer::DontKnow),
        KeyCode::Char('u') | KeyCode::Backspace => Action::TallyUndo,
        KeyCode::Esc | KeyCode::Char('v' | 'q') => Action::Dismiss,
        _ => return None,
    })
}
