//! Sessions with cards on the board, built through the same actions the keys
//! produce, for the board's snapshot tests and benchmarks' checks.

use chrono::{DateTime, Duration, FixedOffset, TimeZone, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use samla::agenda::{Language, SegmentKind, load_bundled};
use samla::app::{Action, AppState, Effects, action_for};
use samla::session::{Session, SessionAction};
use samla::ui::{self, Theme};

/// 13:00 in Stockholm.
pub fn one_pm() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 12, 12, 0, 0)
        .single()
        .expect("a valid time")
}

pub fn stockholm() -> FixedOffset {
    FixedOffset::east_opt(3600).expect("a valid offset")
}

/// A state of `agenda` with `groups` groups, started at 13:00 and moved on to
/// the first segment of `kind`.
pub fn state_at(agenda: &str, groups: usize, kind: SegmentKind) -> AppState {
    let agenda = load_bundled(agenda).expect("bundled").expect("valid");
    let target = agenda
        .segments
        .iter()
        .position(|segment| segment.kind == kind)
        .expect("a segment of that kind");
    let word = match agenda.language {
        Language::Sv => "Grupp",
        Language::En => "Group",
    };
    let language = agenda.language;
    let names = (1..=groups).map(|n| format!("{word} {n}")).collect();
    let session = Session::new(agenda, names, one_pm());
    let mut state = AppState::new(session, language, Theme::new(false), true, one_pm());
    let _ = state.update(Action::Session(SessionAction::ToggleTimer), one_pm());
    for _ in 0..target {
        let _ = state.update(Action::Session(SessionAction::Next), one_pm());
    }
    state
}

/// Presses `key` as the run screen would.
pub fn press(state: &mut AppState, key: KeyEvent) {
    let _ = press_for_effects(state, key);
}

/// Presses `key` as the run screen would; returns the effects asked for.
pub fn press_for_effects(state: &mut AppState, key: KeyEvent) -> Effects {
    match action_for(state, key) {
        Some(action) => state.update(action, one_pm() + Duration::minutes(5)),
        None => Effects::none(),
    }
}

/// The notice on screen, in the screen's language.
pub fn notice(state: &AppState) -> Option<String> {
    state
        .notice()
        .as_ref()
        .map(|notice| notice.text(state.language()))
}

pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

pub fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// Types `text` key by key; `\n` is Enter.
pub fn type_text(state: &mut AppState, text: &str) {
    for c in text.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            c => KeyCode::Char(c),
        };
        press(state, key(code));
    }
}

/// Adds a card for the selected group: `a`, the text, Esc.
pub fn add_card(state: &mut AppState, text: &str) {
    press(state, key(KeyCode::Char('a')));
    type_text(state, text);
    press(state, key(KeyCode::Esc));
}

/// Selects group `n` (1-based) with its digit key.
pub fn select_group(state: &mut AppState, n: usize) {
    let digit = char::from_digit(n as u32, 10).expect("a digit");
    press(state, key(KeyCode::Char(digit)));
}

/// Draws the state at 13:05 on a `width`×`height` test terminal.
pub fn draw(state: &AppState, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|frame| {
            ui::render(
                frame,
                &state.view(one_pm() + Duration::minutes(5), stockholm()),
            )
        })
        .expect("drawn");
    terminal
}

/// Sample sentences of the kind groups report, in Swedish.
pub const SAYINGS: [&str; 8] = [
    "Vi behöver en gemensam rutin för att följa upp frånvaro tidigt.",
    "Elevhälsan och socialtjänsten pratar för sällan med varandra.",
    "”Det är relationen som bär” – en lärare i gruppen",
    "Kartlägg orsakerna innan insatserna väljs 🙂",
    "Vårdnadshavare måste få veta mer, och tidigare.",
    "漢字 och e\u{301} ska synas rätt.",
    "Närvaroteam på varje skola.",
    "Kort.",
];

/// How the projector is shown in a test: the board on or off, the QR code
/// shown or hidden.
#[derive(Debug, Clone, Copy)]
pub struct Projector {
    pub board: bool,
    pub qr: bool,
}

/// `samla present`'s frame of `file` at `now` (Stockholm's clock), in
/// monochrome at `width`×`height`.
pub fn draw_present(
    file: &samla::store::SessionFile,
    now: DateTime<Utc>,
    (width, height): (u16, u16),
    shown: Projector,
) -> Terminal<TestBackend> {
    let cache = ui::DrawCache::default();
    let view = ui::PresentView {
        board: shown.board,
        qr: shown.qr,
        ..samla::app::present_view(file, Theme::new(false), now, stockholm(), &cache)
    };
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a terminal");
    terminal
        .draw(|frame| ui::render_present(frame, &view))
        .expect("drawn");
    terminal
}
