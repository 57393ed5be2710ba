//! The run screen's state, and the view a frame draws of it. No terminal, no
//! clock: the time comes in with each call, so every rule is testable without
//! either. How actions change the state is in `update.rs`.

use std::io::ErrorKind;
use std::sync::Arc;

use chrono::{DateTime, Duration, FixedOffset, Utc};

use super::editor::Editor;
use super::modes::{Mode, Modes};
use super::saving::SaveSchedule;
use crate::agenda::Language;
use crate::i18n::Notice;
use crate::room::{DeviceBook, Door};
use crate::session::{CardId, Draft, DraftTarget, Lane, Session, TimerState, Tone};
use crate::ui::{DrawCache, EditorPurpose, EditorView, Overlay, Theme, View};

/// Everything the run screen knows. The fields are the loop's own: the
/// rest of samla reads them through the methods below and changes them
/// only through `update`.
pub struct AppState {
    /// The session being run, shared with the snapshots handed to the
    /// saver: a change copies it only while a write still holds it.
    pub(super) session: Arc<Session>,
    /// Language of the app's own words.
    pub(super) language: Language,
    /// Colours or monochrome.
    pub(super) theme: Theme,
    /// Which group, card and column the card keys work on.
    pub(super) board: Selection,
    /// What is shown on top of the board.
    pub(super) modes: Modes,
    /// A message until the next key.
    pub(super) notice: Option<Notice>,
    /// The bell at a countdown's zero.
    pub(super) bell: Bell,
    /// How saving goes.
    pub(super) disk: Disk,
    /// The room's side: its door, devices, wall and votes.
    pub(super) room: RoomSide,
    /// What was drawn before, so a frame redoes only what changed.
    pub(super) draw_cache: DrawCache,
    /// Counts the changes to anything on screen but the editor's text: the
    /// screen beneath the editor is drawn again only when it moves.
    pub(super) shown: u64,
}

/// The board's selection.
#[derive(Debug, Clone, Copy)]
pub(super) struct Selection {
    /// The selected group, or the whole room.
    pub lane: Lane,
    /// The selected card of the selected group in the current segment.
    pub card: Option<CardId>,
    /// The selected column (0-based) of a board with columns: `a` adds there.
    pub column: usize,
}

/// The bell at a countdown's zero.
#[derive(Debug, Clone, Copy)]
pub(super) struct Bell {
    /// Whether to ring the terminal bell when a countdown reaches zero.
    pub on: bool,
    /// The segment whose zero has been rung for, so the bell rings once.
    pub rung_for: Option<usize>,
}

/// How saving goes.
#[derive(Debug, Default)]
pub(super) struct Disk {
    /// Why the session cannot be saved, while that lasts.
    pub problem: Option<ErrorKind>,
    /// How many changes from the room's phones wait in memory for the disk,
    /// as the last refused write left them.
    pub room_waiting: usize,
    /// When the session was last handed to the saver, and whether typing since waits.
    pub saves: SaveSchedule,
}

/// The room's side of the run screen.
#[derive(Debug, Default)]
pub(super) struct RoomSide {
    /// Where the room is reached, while it is open.
    pub door: Option<Door>,
    /// The room's join code and the devices that joined, kept across restarts.
    pub devices: DeviceBook,
    /// The wall is open: the room's page shows every group's cards.
    pub wall: bool,
    /// The segment whose priorities the room's page may mark (`P`), if any;
    /// another segment on screen ends it.
    pub votes: Option<usize>,
}

impl AppState {
    /// The state for running `session`; a countdown already past zero (after a
    /// restart) does not ring again.
    pub fn new(
        session: impl Into<Arc<Session>>,
        language: Language,
        theme: Theme,
        bell: bool,
        now: DateTime<Utc>,
    ) -> Self {
        let mut state = Self {
            session: session.into(),
            language,
            theme,
            board: Selection {
                lane: Lane::Plenary,
                card: None,
                column: 0,
            },
            modes: Modes::default(),
            notice: None,
            bell: Bell {
                on: bell,
                rung_for: None,
            },
            disk: Disk::default(),
            room: RoomSide::default(),
            draw_cache: DrawCache::default(),
            shown: 0,
        };
        if state.countdown_at_zero(now) {
            state.bell.rung_for = Some(state.session.current.0);
        }
        state
    }

    /// Goes on with the room's devices and code as `devices` kept them, and
    /// says `notice` first.
    pub fn resumed(mut self, devices: DeviceBook, notice: Option<Notice>) -> Self {
        self.room.devices = devices;
        self.notice = notice;
        self
    }

    /// Says `notice` first.
    pub fn telling(mut self, notice: Notice) -> Self {
        self.notice = Some(notice);
        self
    }

    /// The session being run.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The same state with its agenda changed by `change`: a screen with
    /// settings no bundled agenda has, for a test or a snapshot.
    pub fn with_agenda(mut self, change: impl FnOnce(&mut crate::agenda::Agenda)) -> Self {
        change(&mut Arc::make_mut(&mut self.session).agenda);
        self
    }

    /// The language of the screen's own words.
    pub fn language(&self) -> Language {
        self.language
    }

    /// Speaks `language` from here on.
    pub fn speak(&mut self, language: Language) {
        self.language = language;
    }

    /// Colours or monochrome.
    pub fn theme(&self) -> Theme {
        self.theme
    }

    /// The selected group, or the whole room.
    pub fn selected_lane(&self) -> Lane {
        self.board.lane
    }

    /// The selected card.
    pub fn selected_card(&self) -> Option<CardId> {
        self.board.card
    }

    /// Selects `card` of `lane`, as the arrows would.
    pub fn select(&mut self, lane: Lane, card: Option<CardId>) {
        self.board.lane = lane;
        self.board.card = card;
    }

    /// The message shown until the next key.
    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    /// Where the room is reached, while it is open.
    pub fn door(&self) -> Option<&Door> {
        self.room.door.as_ref()
    }

    /// The room's join code and its devices.
    pub fn devices(&self) -> &DeviceBook {
        &self.room.devices
    }

    /// Why the session cannot be saved, while that lasts.
    pub fn save_problem(&self) -> Option<ErrorKind> {
        self.disk.problem
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
        match self.disk.saves.due(now) {
            Some(due) => screen.min(due),
            None => screen,
        }
    }

    /// The lane cards are written in and selected from: the selected group's,
    /// or the room's where people write alone or in pairs.
    pub fn writing_lane(&self) -> Lane {
        if self.session.current_segment().kind.is_personal() {
            Lane::Plenary
        } else {
            self.board.lane
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
            selected_card: self.board.card,
            editor: self.editor_view(),
            overlay: self.overlay(),
            notice: self.notice.as_ref(),
            save_problem: self.disk.problem,
            room_waiting: self.disk.room_waiting,
            projector: false,
            room: self.room.door.as_ref(),
            selected_column: self.selected_column(),
            tally: match self.mode() {
                Mode::Tally { statement, .. } => Some(*statement),
                _ => None,
            },
            cache: &self.draw_cache,
            shown: self.shown,
        }
    }

    fn editor_view(&self) -> Option<EditorView<'_>> {
        let Mode::Editor(editor) = self.mode() else {
            return None;
        };
        let purpose = match editor.target {
            DraftTarget::NewCard { group, .. } => EditorPurpose::NewCard(group),
            DraftTarget::Card(id) => EditorPurpose::EditCard(
                self.session
                    .card(id)
                    .map_or(Lane::Plenary, |card| card.group),
            ),
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
            Mode::RoomDoor => self
                .room
                .door
                .as_ref()
                .map_or(Overlay::None, Overlay::RoomDoor),
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
