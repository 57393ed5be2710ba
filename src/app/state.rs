//! The run screen's state and how actions change it. No terminal, no clock: the
//! time comes in with each call, so every rule is testable without either.

use chrono::{DateTime, Duration, FixedOffset, Utc};

use crate::agenda::Language;
use crate::session::{Proposal, Session, SessionAction, TimerState, propose_rebalance};
use crate::ui::{self, Overlay, Theme, Tone, View, i18n};

/// What the screen is showing on top of the session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// The run screen itself.
    Normal,
    /// The help overlay.
    Help,
    /// A rebalance proposal waiting for `y`.
    Rebalance(Proposal),
}

/// What a key asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// A change to the schedule.
    Session(SessionAction),
    /// Select a group (0-based), or the whole room.
    SelectGroup(Option<usize>),
    /// Show or hide the help.
    ToggleHelp,
    /// Propose a rebalanced plan.
    ProposeRebalance,
    /// Apply the proposal on screen.
    ApplyRebalance,
    /// Close whatever overlay is open.
    Dismiss,
    /// Remind how to quit (Ctrl+C must not end a seminar by accident).
    QuitHint,
    /// Leave samla.
    Quit,
}

/// Everything the run screen knows.
pub struct AppState {
    /// The session being run.
    pub session: Session,
    /// Language of the app's own words.
    pub language: Language,
    /// Colours or monochrome.
    pub theme: Theme,
    /// The selected group; `None` for the whole room.
    pub selected_group: Option<usize>,
    /// What is shown on top.
    pub mode: Mode,
    /// A message until the next key.
    pub notice: Option<&'static str>,
    /// Whether to ring the terminal bell when a countdown reaches zero.
    pub bell: bool,
    /// The segment whose zero has been rung for, so the bell rings once.
    bell_rung_for: Option<usize>,
    /// Set when the user asked to quit.
    pub quit: bool,
}

impl AppState {
    /// The state for running `session`; a countdown already past zero (after a
    /// restart) does not ring again.
    pub fn new(
        session: Session,
        language: Language,
        theme: Theme,
        bell: bool,
        now: DateTime<Utc>,
    ) -> Self {
        let mut state = Self {
            session,
            language,
            theme,
            selected_group: None,
            mode: Mode::Normal,
            notice: None,
            bell,
            bell_rung_for: None,
            quit: false,
        };
        if state.countdown_at_zero(now) {
            state.bell_rung_for = Some(state.session.current);
        }
        state
    }

    /// Applies `action` at `now`.
    pub fn update(&mut self, action: Action, now: DateTime<Utc>) {
        self.notice = None;
        match action {
            Action::Session(change) => self.session.apply(change, now),
            Action::SelectGroup(group) => {
                if group.is_none_or(|index| index < self.session.groups.len()) {
                    self.selected_group = group;
                }
            }
            Action::ToggleHelp => {
                self.mode = if self.mode == Mode::Help {
                    Mode::Normal
                } else {
                    Mode::Help
                };
            }
            Action::ProposeRebalance => match propose_rebalance(&self.session, now) {
                Some(proposal) => self.mode = Mode::Rebalance(proposal),
                None => self.notice = Some(i18n::strings(self.language).not_late),
            },
            Action::ApplyRebalance => {
                if let Mode::Rebalance(proposal) = std::mem::replace(&mut self.mode, Mode::Normal) {
                    self.session.apply(SessionAction::Rebalance(proposal), now);
                }
            }
            Action::Dismiss => self.mode = Mode::Normal,
            Action::QuitHint => self.notice = Some(i18n::strings(self.language).quit_hint),
            Action::Quit => self.quit = true,
        }
    }

    /// Whether the running countdown shows zero or an overrun: the moment it turns red.
    fn countdown_at_zero(&self, now: DateTime<Utc>) -> bool {
        self.session.current_timing().state() == TimerState::Running
            && ui::tone(&self.session, now) == Tone::Overrun
    }

    /// Whether the bell should ring now: once, when the running countdown reaches zero.
    pub fn take_bell(&mut self, now: DateTime<Utc>) -> bool {
        if !self.countdown_at_zero(now) || self.bell_rung_for == Some(self.session.current) {
            return false;
        }
        self.bell_rung_for = Some(self.session.current);
        self.bell
    }

    /// How long the screen may sleep before what it shows changes: until the
    /// countdown's next whole second while it runs, else until the clock's next minute.
    pub fn until_next_change(&self, now: DateTime<Utc>) -> Duration {
        let next_minute = 60_000 - now.timestamp_millis().rem_euclid(60_000);
        let wait = if self.session.current_timing().state() == TimerState::Running {
            let remaining = self.session.current_remaining(now).num_milliseconds();
            match remaining.rem_euclid(1000) {
                0 => 1000,
                part => part,
            }
            .min(next_minute)
        } else {
            next_minute
        };
        Duration::milliseconds(wait)
    }

    /// The view a frame at `now` draws.
    pub fn view(&self, now: DateTime<Utc>, offset: FixedOffset) -> View<'_> {
        View {
            session: &self.session,
            now,
            offset,
            language: self.language,
            theme: self.theme,
            selected_group: self.selected_group,
            overlay: match &self.mode {
                Mode::Normal => Overlay::None,
                Mode::Help => Overlay::Help,
                Mode::Rebalance(proposal) => Overlay::Rebalance(proposal),
            },
            notice: self.notice,
        }
    }
}
