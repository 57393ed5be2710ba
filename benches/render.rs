//! Time to draw one frame of the run screen, as the event loop does once a second.
//! Run with `cargo bench --bench render`.

mod common;

use chrono::Duration;
use common::{one_pm, stockholm};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use samla::agenda::{Language, load_bundled};
use samla::app::{Action, AppState};
use samla::session::{Session, SessionAction};
use samla::ui::{self, Theme};

fn main() {
    divan::main();
}

/// Seminarium 1, a few minutes into its first group discussion.
fn running_state() -> AppState {
    let agenda = load_bundled("seminarium-1")
        .expect("bundled")
        .expect("valid");
    let groups = (1..=12).map(|n| format!("Grupp {n}")).collect();
    let session = Session::new(agenda, groups, one_pm());
    let mut state = AppState::new(session, Language::Sv, Theme::new(false), true, one_pm());
    let _ = state.update(Action::Session(SessionAction::ToggleTimer), one_pm());
    // Past the opening survey (5 minutes) and the welcome (10).
    let _ = state.update(
        Action::Session(SessionAction::Next),
        one_pm() + Duration::minutes(5),
    );
    let _ = state.update(
        Action::Session(SessionAction::Next),
        one_pm() + Duration::minutes(15),
    );
    state
}

/// A frame whose countdown differs from the last one, as on every tick.
#[divan::bench(args = [(80, 24), (160, 48), (200, 50)])]
fn run_screen_frame(bencher: divan::Bencher, (width, height): (u16, u16)) {
    let state = running_state();
    let offset = stockholm();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a terminal");
    let mut second = 0;
    bencher.bench_local(|| {
        second += 1;
        let now = one_pm() + Duration::minutes(17) + Duration::seconds(second % 600);
        terminal
            .draw(|frame| ui::render(frame, &state.view(now, offset)))
            .expect("drawn");
    });
}
