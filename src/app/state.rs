//! The run screen's state, and the view a frame draws of it. No terminal, no
//! clock: the time comes in with each call, so every rule is testable without
//! either. How actions change the state is in `update.rs`.

use std::io::ErrorKind;

use chrono::{DateTime, Duration, FixedOffset, Utc};

use super::editor::Editor;
use super::modes::{Mode, Modes};
use super::saving::SaveSchedule;
use crate::agenda::Language;
use crate::i18n::Notice;
use crate::session::{CardId, Draft, DraftTarget, Lane, Session, TimerState, Tone};
use crate::ui::{EditorPurpose, EditorView, Overlay, Theme, View};

/// Everything the run screen knows.
pub struct AppState {
    /// The session being run.
    pub session: Session,
    /// Language of the app's own words.
    pub language: Language,
    /// Colours or monochrome.
    pub theme: Theme,
    /// The selected group; `None` for the whole room.
    pub selected_lane: Lane,
    /// The selected card of the selected group in the current segment.
    pub selected_card: Option<CardId>,
    /// What is shown on top of the board.
    pub(super) modes: Modes,
    /// A message until the next key.
    pub notice: Option<Notice>,
    /// Whether to ring the terminal bell when a countdown reaches zero.
    pub bell: bool,
    /// The segment whose zero has been rung for, so the bell rings once.
    pub(super) bell_rung_for: Option<usize>,
    /// Why the session cannot be saved, while that lasts.
    pub save_problem: Option<ErrorKind>,
    /// How many changes from the room's phones wait in memory for the disk,
    /// as the last refused write left them.
    pub room_waiting: usize,
    /// When the session was last handed to the saver, and whether typing since waits.
    pub(super) saves: SaveSchedule,
    /// Where the room is reached, while it is open.
    pub room: Option<crate::room::Door>,
    /// The room's join code and the devices that joined, kept across restarts.
    pub devices: crate::room::DeviceBook,
    /// The wall is open: the room's page shows every group's cards.
    pub wall: bool,
    /// The segment whose priorities the room's page may mark (`P`), if any;
    /// another segment on screen ends it.
    pub room_votes: Option<usize>,
    /// The selected column (0-based) of a board with columns: `a` adds there.
    pub column: usize,
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
            selected_lane: Lane::Room,
            selected_card: None,
            modes: Modes::default(),
            notice: None,
            bell,
            bell_rung_for: None,
            save_problem: None,
            room_waiting: 0,
            saves: SaveSchedule::default(),
            room: None,
            devices: crate::room::DeviceBook::default(),
            wall: false,
            room_votes: None,
            column: 0,
        };
        if state.countdown_at_zero(now) {
            state.bell_rung_for = Some(state.session.current);
        }
        state
    }

    /// What is shown on top.
    pub fn mode(&self) -> &Mode {
        self.modes.top()
    }

    /// The text of the open editor, to keep on disk until it is saved.
    pub fn draft(&self) -> Option<Draft> {
        self.modes.editor().map(Editor::draft)
    }

    /// Reopens the editor on a draft kept from before a restart.
    pub fn restore_draft(&mut self, draft: &Draft) {
        self.modes.push(Mode::Editor(Box::new(Editor::new(
            draft.target,
            &draft.text,
        ))));
    }

    /// Whether the running countdown shows zero or an overrun: the moment it turns red.
    pub(super) fn countdown_at_zero(&self, now: DateTime<Utc>) -> bool {
        self.session.current_timing().state() == TimerState::Running
            && self.session.tone(now) == Tone::Overrun
    }

    /// How long the screen may sleep before what it shows changes, or a save
    /// held back while typing is due.
    pub fn until_next_change(&self, now: DateTime<Utc>) -> Duration {
        let screen = until_next_change(&self.session, now);
        match self.saves.due(now) {
            Some(due) => screen.min(due),
            None => screen,
        }
    }

    /// The lane cards are written in and selected from: the selected group's,
    /// or the room's where people write alone or in pairs.
    pub fn writing_lane(&self) -> Lane {
        if self.session.current_segment().kind.is_personal() {
            Lane::Room
        } else {
            self.selected_lane
        }
    }

    /// The view a frame at `now` draws.
    pub fn view(&self, now: DateTime<Utc>, offset: FixedOffset) -> View<'_> {
        View {
            session: &self.session,
            now,
            offset,
            language: self.language,
            theme: self.theme,
            selected_lane: self.writing_lane(),
            selected_card: self.selected_card,
            editor: self.editor_view(),
            overlay: self.overlay(),
            notice: self.notice.as_ref(),
            save_problem: self.save_problem,
            room_waiting: self.room_waiting,
            projector: false,
            room: self.room.as_ref(),
            selected_column: self.selected_column(),
            tally: match self.mode() {
                Mode::Tally { statement, .. } => Some(*statement),
                _ => None,
            },
        }
    }

    fn editor_view(&self) -> Option<EditorView<'_>> {
        let Mode::Editor(editor) = self.mode() else {
            return None;
        };
        let purpose = match editor.target {
            DraftTarget::NewCard { group, .. } => EditorPurpose::NewCard(group),
            DraftTarget::Card(id) => {
                EditorPurpose::EditCard(self.session.card(id).map_or(Lane::Room, |card| card.group))
            }
            DraftTarget::PrivateNote(_) => EditorPurpose::PrivateNote,
            DraftTarget::Comment(_) => EditorPurpose::Comment,
            DraftTarget::NewMember(_) | DraftTarget::MemberName(_) => EditorPurpose::MemberName,
            DraftTarget::GroupName(_) => EditorPurpose::GroupName,
            DraftTarget::PollLine(segment) => EditorPurpose::PollLine(
                self.session
                    .poll(segment)
                    .map_or(0, |answers| answers.respondents.len())
                    + 1,
            ),
        };
        Some(EditorView {
            textarea: editor.textarea(),
            purpose,
        })
    }

    fn overlay(&self) -> Overlay<'_> {
        match self.mode() {
            Mode::Help => Overlay::Help,
            Mode::Rebalance(proposal) => Overlay::Rebalance(proposal),
            Mode::ConfirmDelete(id) => self
                .session
                .card(*id)
                .map_or(Overlay::None, Overlay::ConfirmDelete),
            Mode::ConfirmQuit => Overlay::ConfirmQuit,
            Mode::Roster(cursor) => Overlay::Roster(*cursor),
            Mode::ConfirmRemoveMember(id) => self
                .session
                .roster
                .member(*id)
                .map_or(Overlay::None, Overlay::ConfirmRemoveMember),
            Mode::RoomDoor => self.room.as_ref().map_or(Overlay::None, Overlay::RoomDoor),
            Mode::Tally { .. } | Mode::Normal | Mode::Editor(_) | Mode::MoveCard(_) => {
                Overlay::None
            }
        }
    }
}

/// How long a screen of `session` may sleep before what it shows changes: until
/// the countdown's next whole second while it runs, else until the clock's next
/// minute.
pub fn until_next_change(session: &Session, now: DateTime<Utc>) -> Duration {
    let next_minute = 60_000 - now.timestamp_millis().rem_euclid(60_000);
    let wait = if session.current_timing().state() == TimerState::Running {
        let remaining = session.current_remaining(now).num_milliseconds();
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
