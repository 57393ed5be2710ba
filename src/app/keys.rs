//! Keys to actions, depending on what is on screen. The only place a terminal's
//! key event is read: past here, the app knows actions, never key codes.

use std::collections::VecDeque;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui_textarea::{Input, Key};

use super::action::{Action, BoardAction, EditorAction, RosterKey, TallyAction};
use super::events::AppEvent;
use super::modes::Mode;
use super::state::AppState;
use crate::agenda::Language;
use crate::session::{DraftTarget, Lane, SessionAction};

/// The action of `key`, the first of a burst whose `rest` waits behind it.
/// Esc and the next key in one read look like Alt+key: where that means
/// nothing, they are the two keys, and the second goes back to the burst.
/// Letters typed into the editor in a row go in as one text, taken from the
/// burst: a key at a time, a long card would cost its whole length per key.
pub fn take(state: &AppState, key: KeyEvent, rest: &mut VecDeque<AppEvent>) -> Option<Action> {
    let key = match split_escape(state, key) {
        Some((escape, then)) => {
            rest.push_front(AppEvent::Key(then));
            escape
        }
        None => key,
    };
    #[cfg(debug_assertions)]
    panic_if_asked(&key);
    let action = action_for(state, key)?;
    let Some(letter) = typed_letter(&action) else {
        return Some(action);
    };
    // Typing changes nothing of what keys mean, so the letters behind it
    // mean what they would one at a time.
    let mut text = String::from(letter);
    while let Some(AppEvent::Key(next)) = rest.front()
        && split_escape(state, *next).is_none()
        && let Some(letter) = action_for(state, *next).as_ref().and_then(typed_letter)
    {
        text.push(letter);
        rest.pop_front();
    }
    Some(Action::Editor(EditorAction::Type(text)))
}

/// The letter `action` types into the editor, if it is one (no Ctrl or Alt).
fn typed_letter(action: &Action) -> Option<char> {
    match action {
        Action::Editor(EditorAction::Input(Input {
            key: Key::Char(letter),
            ctrl: false,
            alt: false,
            ..
        })) => Some(*letter),
        _ => None,
    }
}

/// Test hook of debug builds only: with `SAMLA_TEST_PANIC_KEY` set, `!` panics,
/// so a test can see that a panic restores the terminal.
#[cfg(debug_assertions)]
fn panic_if_asked(key: &KeyEvent) {
    if key.code == KeyCode::Char('!') && std::env::var_os("SAMLA_TEST_PANIC_KEY").is_some() {
        panic!("panic asked for by SAMLA_TEST_PANIC_KEY");
    }
}

/// The action `key` stands for in what `state` shows, if any.
pub fn action_for(state: &AppState, key: KeyEvent) -> Option<Action> {
    let mode = state.mode();
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl {
        match key.code {
            KeyCode::Char('q') => return Some(Action::Quit),
            KeyCode::Char('c') => return Some(Action::QuitHint),
            _ => {}
        }
    }
    match mode {
        Mode::Editor(editor) => Some(Action::Editor(editor_action(
            key,
            matches!(editor.target, DraftTarget::PollLine(_)),
        ))),
        Mode::Tally { .. } => tally_action(key.code),
        _ if ctrl => None,
        Mode::Normal => match new_card_in_column(state, key) {
            Some(column) => Some(Action::Board(BoardAction::NewCardIn(column))),
            None => normal_action(key.code),
        },
        Mode::Help => Some(Action::Dismiss),
        Mode::Rebalance(_)
        | Mode::ConfirmDelete(_)
        | Mode::ConfirmQuit
        | Mode::ConfirmRemoveMember(_) => Some(confirmed(key.code, state.language)),
        Mode::Roster(_) => roster_action(key.code),
        Mode::MoveCard(_) => Some(match key.code {
            KeyCode::Char(digit @ '0'..='9') => Action::Board(BoardAction::MoveTo(lane_of(digit))),
            _ => Action::Cancel,
        }),
        Mode::RoomDoor => Some(match key.code {
            KeyCode::Char('w') => Action::Room,
            KeyCode::Char('n') => Action::NewCode,
            _ => Action::Dismiss,
        }),
    }
}

/// Alt+key that the editor's text area gives a meaning of its own (word
/// motions and deletions, top and bottom, paragraphs, page up).
const EDITOR_ALT_KEYS: [char; 11] = ['h', 'd', '<', '>', 'f', 'b', ']', 'n', '[', 'p', 'v'];
/// Ctrl+Alt+key that the editor's text area gives a meaning (top, bottom).
const EDITOR_CTRL_ALT_KEYS: [char; 2] = ['p', 'n'];

/// Esc and `key` as two keys, when `key` is an Alt+key that means nothing where
/// `state` is: a slow link (SSH, a weak Wi-Fi) delivers Esc and the key after it
/// in one read, which a terminal reads as Alt+key (Esc then Ctrl+Q as
/// Ctrl+Alt+Q). The Mac's Option key types å, ä, ö and @ as characters,
/// without Alt, so it never comes here.
pub fn split_escape(state: &AppState, key: KeyEvent) -> Option<(KeyEvent, KeyEvent)> {
    let kept = key.modifiers & (KeyModifiers::SHIFT | KeyModifiers::CONTROL);
    if key.modifiers - kept != KeyModifiers::ALT || key.kind == KeyEventKind::Release {
        return None;
    }
    let in_editor = matches!(state.mode(), Mode::Editor(_));
    let editor_keys: &[char] = if kept.contains(KeyModifiers::CONTROL) {
        &EDITOR_CTRL_ALT_KEYS
    } else {
        &EDITOR_ALT_KEYS
    };
    match key.code {
        KeyCode::Char(letter) if in_editor && editor_keys.contains(&letter) => return None,
        KeyCode::Char(_) | KeyCode::Enter | KeyCode::Tab => {}
        _ => return None,
    }
    if new_card_in_column(state, key).is_some() {
        return None;
    }
    let escape = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    Some((escape, KeyEvent::new(key.code, kept)))
}

/// Keys of the editor: Esc saves, Ctrl+Z undoes and Ctrl+Y redoes as in most
/// editors, Enter enters a respondent line and ↑ brings back one to fix, as
/// a shell brings back a command; everything else is text.
fn editor_action(key: KeyEvent, poll_line: bool) -> EditorAction {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Esc => EditorAction::Close,
        KeyCode::Char('g') if ctrl => EditorAction::Cancel,
        KeyCode::Char('z') if ctrl => EditorAction::Undo,
        KeyCode::Char('y') if ctrl => EditorAction::Redo,
        // A respondent line is entered with Enter, as on a paper form's row.
        KeyCode::Enter if poll_line => EditorAction::SubmitLine,
        KeyCode::Up if poll_line => EditorAction::RecallLine,
        _ => EditorAction::Input(key.into()),
    }
}

/// Yes for `y` (and `j` in Swedish, where yes is "ja"), no for `n`; any
/// other key cancels, and says so.
fn confirmed(code: KeyCode, language: Language) -> Action {
    match (code, language) {
        (KeyCode::Char('y' | 'Y'), _) | (KeyCode::Char('j' | 'J'), Language::Sv) => Action::Confirm,
        (KeyCode::Char('n' | 'N'), _) => Action::Dismiss,
        _ => Action::Cancel,
    }
}

fn normal_action(code: KeyCode) -> Option<Action> {
    let session = |action| Some(Action::Session(action));
    let board = |action| Some(Action::Board(action));
    match code {
        KeyCode::Char(' ') => session(SessionAction::ToggleTimer),
        KeyCode::Char('n') => session(SessionAction::Next),
        KeyCode::Char('p') => session(SessionAction::Previous),
        KeyCode::Char('+') => session(SessionAction::AddMinute),
        KeyCode::Char('-') => session(SessionAction::RemoveMinute),
        KeyCode::Char('r') => Some(Action::ProposeRebalance),
        KeyCode::Char('?') => Some(Action::ToggleHelp),
        KeyCode::Char('x') => Some(Action::Export),
        KeyCode::Char('w') => Some(Action::Room),
        KeyCode::Char('W') => Some(Action::ToggleWall),
        KeyCode::Char('P') => Some(Action::ToggleRoomVotes),
        KeyCode::Char('c') => board(BoardAction::ClosePoll),
        KeyCode::Char('o') => board(BoardAction::RevealPoll),
        KeyCode::Char('F') => board(BoardAction::TextsToCards),
        KeyCode::Char('0') => board(BoardAction::SelectGroup(Lane::Plenary)),
        KeyCode::Char(digit @ '1'..='9') => board(BoardAction::SelectGroup(lane_of(digit))),
        KeyCode::Tab => board(BoardAction::StepColumn(1)),
        KeyCode::BackTab => board(BoardAction::StepColumn(-1)),
        KeyCode::Left => board(BoardAction::StepGroup(-1)),
        KeyCode::Right => board(BoardAction::StepGroup(1)),
        KeyCode::Up => board(BoardAction::StepCard(-1)),
        KeyCode::Down => board(BoardAction::StepCard(1)),
        KeyCode::Char('a') => board(BoardAction::NewCard),
        KeyCode::Enter => board(BoardAction::EditCard),
        KeyCode::Char('f') => board(BoardAction::EditPrivateNote),
        KeyCode::Char('t') => board(BoardAction::CycleTag),
        KeyCode::Char('q') => board(BoardAction::ToggleQuote),
        KeyCode::Char('*') => board(BoardAction::TogglePriority),
        KeyCode::Char('.') => board(BoardAction::CountDot(1)),
        KeyCode::Char(':') => board(BoardAction::CountDot(-1)),
        KeyCode::Char('s') => board(BoardAction::CycleStatus),
        KeyCode::Char('k') => board(BoardAction::EditComment),
        KeyCode::Char('h') => board(BoardAction::NextColumn),
        KeyCode::Char('H') => board(BoardAction::PreviousColumn),
        KeyCode::Char('m') => board(BoardAction::AskMove),
        KeyCode::Char('N') => board(BoardAction::RenameGroup),
        KeyCode::Char('K') => board(BoardAction::MoveCardWithin(-1)),
        KeyCode::Char('J') => board(BoardAction::MoveCardWithin(1)),
        KeyCode::Char('d') => board(BoardAction::AskDelete),
        KeyCode::Char('g') => board(BoardAction::OpenRoster),
        KeyCode::Char('i') => board(BoardAction::OpenPollLine),
        KeyCode::Char('v') => board(BoardAction::OpenTally),
        _ => None,
    }
}

/// Alt+1–9 on a board with columns: a new card straight into that column
/// (0-based here). A slow link's Esc and a digit read the same on the board,
/// where Esc means nothing.
fn new_card_in_column(state: &AppState, key: KeyEvent) -> Option<usize> {
    if !state.modes.on_board() || key.modifiers != KeyModifiers::ALT {
        return None;
    }
    let KeyCode::Char(digit @ '1'..='9') = key.code else {
        return None;
    };
    let columns = state.session.cells(state.session.current)?.len();
    let column = digit.to_digit(10)? as usize - 1;
    (column < columns).then_some(column)
}

/// The group a digit names: 1–9 the groups, 0 the whole room.
fn lane_of(digit: char) -> Lane {
    match digit.to_digit(10) {
        Some(number @ 1..=9) => Lane::Group(number as usize - 1),
        _ => Lane::Plenary,
    }
}

/// Keys of the roster: the cursor, attendance and the member's details.
fn roster_action(code: KeyCode) -> Option<Action> {
    let key = match code {
        KeyCode::Up => RosterKey::Step(-1),
        KeyCode::Down => RosterKey::Step(1),
        KeyCode::Char(' ') => RosterKey::TogglePresent,
        KeyCode::Char('a') => RosterKey::Add,
        KeyCode::Enter => RosterKey::Rename,
        KeyCode::Char('s') => RosterKey::CycleSector,
        KeyCode::Char('r') => RosterKey::CycleRole,
        KeyCode::Char('m') => RosterKey::Move,
        KeyCode::Char('d') => RosterKey::Remove,
        // Not `q`: on the board it marks a quote.
        KeyCode::Esc | KeyCode::Char('g') => return Some(Action::Dismiss),
        _ => return None,
    };
    Some(Action::Roster(key))
}

/// Keys of hand counting: the statement, one hand per value, undo.
fn tally_action(code: KeyCode) -> Option<Action> {
    let key = match code {
        KeyCode::Up => TallyAction::Step(-1),
        KeyCode::Down | KeyCode::Enter => TallyAction::Step(1),
        KeyCode::Char('u') | KeyCode::Backspace => TallyAction::Undo,
        KeyCode::Esc | KeyCode::Char('v') => return Some(Action::Dismiss),
        KeyCode::Char(key) if key.is_ascii_alphanumeric() => TallyAction::Hand(key),
        _ => return None,
    };
    Some(Action::Tally(key))
}
