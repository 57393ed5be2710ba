//! The run screen's state and how actions change it. No terminal, no clock: the
//! time comes in with each call, so every rule is testable without either.

use chrono::{DateTime, Duration, FixedOffset, Utc};

use crossterm::event::KeyEvent;

use super::editor::Editor;
use crate::agenda::{Language, SegmentKind};
use crate::session::{
    Answer, CardAction, CardId, Draft, DraftTarget, MemberId, PollAction, Proposal, RosterAction,
    Session, SessionAction, TimerState, parse_line, propose_rebalance,
};
use crate::ui::{self, EditorPurpose, EditorView, Overlay, Theme, Tone, View, i18n};

/// What the screen is showing on top of the session.
#[derive(Debug, Clone)]
pub enum Mode {
    /// The run screen itself.
    Normal,
    /// The help overlay.
    Help,
    /// A rebalance proposal waiting for `y`.
    Rebalance(Proposal),
    /// Text being typed; every key but Esc and Ctrl+Q goes to the editor.
    Editor(Box<Editor>),
    /// A card waiting for `y` to be deleted.
    ConfirmDelete(CardId),
    /// Quitting while saving fails, waiting for `y`.
    ConfirmQuit,
    /// The groups' members and today's attendance, with the member under the cursor.
    Roster(Option<MemberId>),
    /// A member waiting for `y` to be removed from the roster.
    ConfirmRemoveMember(MemberId),
    /// Counting hands for the poll's statement `statement`; `counted` lists
    /// what was added, for undo.
    Tally {
        statement: usize,
        counted: Vec<(usize, Answer)>,
    },
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
    /// Select the group before (-1) or after (+1) the selected one.
    StepGroup(i8),
    /// Select the card above (-1) or below (+1) the selected one.
    StepCard(i8),
    /// Open the editor for a new card of the selected group.
    NewCard,
    /// Open the editor on the selected card.
    EditCard,
    /// Open the editor on the segment's private note.
    EditPrivateNote,
    /// A key typed into the editor.
    EditorKey(KeyEvent),
    /// Text pasted: into the editor, or into a new card.
    Paste(String),
    /// Save what the editor holds and close it.
    CloseEditor,
    /// Cycle the selected card's tag.
    CycleTag,
    /// Mark the selected card as a quote, or unmark it.
    ToggleQuote,
    /// Move the selected card to the next horizon.
    NextHorizon,
    /// Ask whether to delete the selected card.
    AskDelete,
    /// Delete the card asked about.
    ConfirmDelete,
    /// Remind how to quit (Ctrl+C must not end a seminar by accident).
    QuitHint,
    /// Write the summary and copy it to the clipboard.
    Export,
    /// Open the roster.
    OpenRoster,
    /// Move the roster's cursor up (-1) or down (+1).
    RosterStep(i8),
    /// Mark the member under the cursor present, or not.
    RosterTogglePresent,
    /// Add a member to the cursor's group.
    RosterAdd,
    /// Rename the member under the cursor.
    RosterRename,
    /// The next sector for the member under the cursor.
    RosterCycleSector,
    /// The next role category for the member under the cursor.
    RosterCycleRole,
    /// Move the member under the cursor to the next group.
    RosterMove,
    /// Ask whether to remove the member under the cursor.
    RosterRemove,
    /// Remove the member asked about.
    ConfirmRemoveMember,
    /// Type respondent lines into the current poll.
    OpenPollLine,
    /// Enter the typed respondent line.
    SubmitPollLine,
    /// Count hands for the current poll.
    OpenTally,
    /// The statement above (-1) or below (+1).
    TallyStep(i8),
    /// One hand more for an answer to the selected statement.
    TallyAdd(Answer),
    /// Take back the last hand counted.
    TallyUndo,
    /// Leave samla.
    Quit,
    /// Leave samla although the session cannot be saved.
    QuitAnyway,
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
    /// The selected card of the selected group in the current segment.
    pub selected_card: Option<CardId>,
    /// What is shown on top.
    pub mode: Mode,
    /// A message until the next key.
    pub notice: Option<String>,
    /// Whether to ring the terminal bell when a countdown reaches zero.
    pub bell: bool,
    /// The segment whose zero has been rung for, so the bell rings once.
    bell_rung_for: Option<usize>,
    /// Set when the user asked to quit.
    pub quit: bool,
    /// Why the session cannot be saved, while that lasts.
    pub save_problem: Option<String>,
    /// Set by `x` until the event loop has written the summary.
    export_requested: bool,
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
            selected_card: None,
            mode: Mode::Normal,
            notice: None,
            bell,
            bell_rung_for: None,
            quit: false,
            save_problem: None,
            export_requested: false,
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
            Action::StepGroup(step) => self.step_group(step),
            Action::StepCard(step) => self.step_card(step),
            Action::ToggleHelp => {
                self.mode = match self.mode {
                    Mode::Help => Mode::Normal,
                    _ => Mode::Help,
                };
            }
            Action::ProposeRebalance => match propose_rebalance(&self.session, now) {
                Some(proposal) => self.mode = Mode::Rebalance(proposal),
                None => self.notice = Some(self.strings().not_late.to_owned()),
            },
            Action::ApplyRebalance => {
                if let Mode::Rebalance(proposal) = std::mem::replace(&mut self.mode, Mode::Normal) {
                    self.session.apply(SessionAction::Rebalance(proposal), now);
                }
            }
            Action::Dismiss => {
                self.mode = match self.mode {
                    Mode::ConfirmRemoveMember(id) => Mode::Roster(Some(id)),
                    _ => Mode::Normal,
                }
            }
            Action::NewCard => self.open_new_card(""),
            Action::EditCard => {
                if let Some(card) = self.card_or_hint() {
                    let editor = Editor::new(DraftTarget::Card(card.id), &card.text);
                    self.mode = Mode::Editor(Box::new(editor));
                }
            }
            Action::EditPrivateNote => {
                let current = self.session.current;
                let note = self.session.private_note(current).unwrap_or_default();
                let editor = Editor::new(DraftTarget::PrivateNote(current), note);
                self.mode = Mode::Editor(Box::new(editor));
            }
            Action::EditorKey(key) => {
                if let Mode::Editor(editor) = &mut self.mode {
                    let undo = key.code == crossterm::event::KeyCode::Char('z')
                        && key
                            .modifiers
                            .contains(crossterm::event::KeyModifiers::CONTROL);
                    match editor.target {
                        // Ctrl+Z on an empty line takes back the line before.
                        DraftTarget::PollLine(segment) if undo && editor.is_empty() => {
                            self.session.apply(
                                SessionAction::Poll(PollAction::RemoveLastRespondent { segment }),
                                now,
                            );
                            self.notice = Some(self.strings().line_undone.to_owned());
                        }
                        _ => editor.handle_key(key),
                    }
                }
            }
            Action::OpenPollLine => {
                if self.current_is_poll() {
                    let target = DraftTarget::PollLine(self.session.current);
                    self.mode = Mode::Editor(Box::new(Editor::new(target, "")));
                }
            }
            Action::SubmitPollLine => self.submit_poll_line(now),
            Action::OpenTally => {
                if self.current_is_poll() {
                    self.mode = Mode::Tally {
                        statement: 0,
                        counted: Vec::new(),
                    };
                }
            }
            Action::TallyStep(step) => {
                let statements = self.session.current_segment().statements.len();
                if let Mode::Tally { statement, .. } = &mut self.mode {
                    *statement = statement
                        .saturating_add_signed(isize::from(step))
                        .min(statements.saturating_sub(1));
                }
            }
            Action::TallyAdd(answer) => {
                let segment = self.session.current;
                if let Mode::Tally { statement, counted } = &mut self.mode {
                    let statement = *statement;
                    let before = self.session.poll(segment).cloned();
                    self.session.apply(
                        SessionAction::Poll(PollAction::Tally {
                            segment,
                            statement,
                            answer,
                            delta: 1,
                        }),
                        now,
                    );
                    if self.session.poll(segment).cloned() != before {
                        counted.push((statement, answer));
                    }
                }
            }
            Action::TallyUndo => {
                let segment = self.session.current;
                if let Mode::Tally { counted, .. } = &mut self.mode
                    && let Some((statement, answer)) = counted.pop()
                {
                    self.session.apply(
                        SessionAction::Poll(PollAction::Tally {
                            segment,
                            statement,
                            answer,
                            delta: -1,
                        }),
                        now,
                    );
                }
            }
            Action::Paste(text) => match &mut self.mode {
                Mode::Editor(editor) => editor.paste(&text),
                Mode::Normal => self.open_new_card(&text),
                _ => {}
            },
            Action::CloseEditor => self.close_editor(now),
            Action::CycleTag => self.change_card(|id| CardAction::CycleTag { id }, now),
            Action::ToggleQuote => self.change_card(|id| CardAction::ToggleQuote { id }, now),
            Action::NextHorizon => {
                if self.session.columns(self.session.current).is_some() {
                    self.change_card(|id| CardAction::NextHorizon { id }, now);
                } else {
                    self.notice = Some(self.strings().no_columns.to_owned());
                }
            }
            Action::AskDelete => {
                if let Some(card) = self.card_or_hint() {
                    self.mode = Mode::ConfirmDelete(card.id);
                }
            }
            Action::ConfirmDelete => {
                if let Mode::ConfirmDelete(id) = std::mem::replace(&mut self.mode, Mode::Normal) {
                    let neighbours = self.cards_of_selection();
                    let position = neighbours.iter().position(|card| *card == id);
                    self.session
                        .apply(SessionAction::Card(CardAction::Delete { id }), now);
                    self.selected_card = position.and_then(|position| {
                        let left = self.cards_of_selection();
                        left.get(position.min(left.len().saturating_sub(1)))
                            .copied()
                    });
                }
            }
            Action::QuitHint => self.notice = Some(self.strings().quit_hint.to_owned()),
            Action::Quit => {
                self.close_editor(now);
                if self.save_problem.is_some() {
                    self.mode = Mode::ConfirmQuit;
                } else {
                    self.quit = true;
                }
            }
            Action::QuitAnyway => self.quit = true,
            Action::Export => self.export_requested = true,
            Action::OpenRoster => self.mode = Mode::Roster(self.first_member()),
            Action::ConfirmRemoveMember => {
                if let Mode::ConfirmRemoveMember(id) = self.mode {
                    self.session
                        .apply(SessionAction::Roster(RosterAction::Remove { id }), now);
                    self.mode = Mode::Roster(self.first_member());
                }
            }
            roster @ (Action::RosterStep(_)
            | Action::RosterTogglePresent
            | Action::RosterAdd
            | Action::RosterRename
            | Action::RosterCycleSector
            | Action::RosterCycleRole
            | Action::RosterMove
            | Action::RosterRemove) => {
                if let Mode::Roster(cursor) = self.mode {
                    self.roster_action(roster, cursor, now);
                }
            }
        }
        self.keep_selection_in_view();
    }

    fn strings(&self) -> &'static i18n::Strings {
        i18n::strings(self.language)
    }

    fn open_new_card(&mut self, text: &str) {
        let target = DraftTarget::NewCard {
            segment: self.session.current,
            group: self.selected_group,
        };
        let mut editor = Editor::new(target, "");
        editor.paste(text);
        self.mode = Mode::Editor(Box::new(editor));
    }

    /// Whether `x` asked for the summary; asking again needs another `x`.
    pub fn take_export_request(&mut self) -> bool {
        std::mem::take(&mut self.export_requested)
    }

    /// Whether the current segment is a poll; says what `i` and `v` are for if not.
    fn current_is_poll(&mut self) -> bool {
        let poll = self.session.current_segment().kind == SegmentKind::Poll;
        if !poll {
            self.notice = Some(self.strings().not_a_poll.to_owned());
        }
        poll
    }

    /// Enters the typed respondent line if it is valid, and clears it for the
    /// next; otherwise says what is wrong and keeps it for fixing.
    fn submit_poll_line(&mut self, now: DateTime<Utc>) {
        let Mode::Editor(editor) = &mut self.mode else {
            return;
        };
        let DraftTarget::PollLine(segment) = editor.target else {
            return;
        };
        let Some(poll) = self.session.agenda.segments.get(segment) else {
            return;
        };
        let scale = poll.scale_or_default(self.session.agenda.language);
        match parse_line(&editor.text(), poll.statements.len(), &scale) {
            Ok(respondent) => {
                self.session.apply(
                    SessionAction::Poll(PollAction::AddRespondent {
                        segment,
                        respondent,
                    }),
                    now,
                );
                **editor = Editor::new(DraftTarget::PollLine(segment), "");
            }
            Err(problem) => self.notice = Some(problem),
        }
    }

    /// The text of the open editor, to keep on disk until it is saved.
    pub fn draft(&self) -> Option<Draft> {
        match &self.mode {
            Mode::Editor(editor) => Some(editor.draft()),
            _ => None,
        }
    }

    /// Reopens the editor on a draft kept from before a restart.
    pub fn restore_draft(&mut self, draft: &Draft) {
        self.mode = Mode::Editor(Box::new(Editor::new(draft.target, &draft.text)));
    }

    /// Saves what the editor holds, if one is open, and closes it.
    pub fn close_editor(&mut self, now: DateTime<Utc>) {
        let Mode::Editor(editor) = std::mem::replace(&mut self.mode, Mode::Normal) else {
            return;
        };
        let new_card = self.session.next_card_id;
        let new_member = self.session.roster.next_id;
        if let Some(change) = editor.save() {
            self.session.apply(change, now);
        }
        match editor.target {
            DraftTarget::NewCard { .. } => {
                if self.session.card(new_card).is_some() {
                    self.selected_card = Some(new_card);
                } else {
                    self.notice = Some(self.strings().nothing_saved.to_owned());
                }
            }
            // Back to the roster the name was typed from.
            DraftTarget::NewMember(_) => {
                let added = self
                    .session
                    .roster
                    .member(new_member)
                    .map(|member| member.id);
                self.mode = Mode::Roster(added.or(self.first_member()));
            }
            DraftTarget::MemberName(id) => self.mode = Mode::Roster(Some(id)),
            DraftTarget::Card(_) | DraftTarget::PrivateNote(_) | DraftTarget::PollLine(_) => {}
        }
    }

    /// The members in the roster's order on screen: by group, then as added.
    pub fn roster_order(&self) -> Vec<MemberId> {
        let roster = &self.session.roster;
        (0..self.session.groups.len())
            .flat_map(|group| roster.of_group(group).map(|member| member.id))
            .collect()
    }

    fn first_member(&self) -> Option<MemberId> {
        self.roster_order().first().copied()
    }

    fn roster_action(&mut self, action: Action, cursor: Option<MemberId>, now: DateTime<Utc>) {
        let change = |change: fn(MemberId) -> RosterAction| cursor.map(change);
        let roster_change = match action {
            Action::RosterStep(step) => {
                let order = self.roster_order();
                let position = cursor.and_then(|id| order.iter().position(|m| *m == id));
                let next = match position {
                    Some(position) => position
                        .saturating_add_signed(isize::from(step))
                        .min(order.len().saturating_sub(1)),
                    None => 0,
                };
                self.mode = Mode::Roster(order.get(next).copied());
                None
            }
            Action::RosterAdd => {
                let group = cursor
                    .and_then(|id| self.session.roster.member(id))
                    .map(|member| member.group)
                    .or(self.selected_group)
                    .unwrap_or(0);
                self.mode = Mode::Editor(Box::new(Editor::new(DraftTarget::NewMember(group), "")));
                None
            }
            Action::RosterRename => {
                if let Some(member) = cursor.and_then(|id| self.session.roster.member(id)) {
                    let editor = Editor::new(DraftTarget::MemberName(member.id), &member.name);
                    self.mode = Mode::Editor(Box::new(editor));
                }
                None
            }
            Action::RosterRemove => {
                if let Some(id) = cursor {
                    self.mode = Mode::ConfirmRemoveMember(id);
                }
                None
            }
            Action::RosterTogglePresent => change(|id| RosterAction::TogglePresent { id }),
            Action::RosterCycleSector => change(|id| RosterAction::CycleSector { id }),
            Action::RosterCycleRole => change(|id| RosterAction::CycleRole { id }),
            Action::RosterMove => change(|id| RosterAction::MoveToNextGroup { id }),
            _ => None,
        };
        if let Some(roster_change) = roster_change {
            self.session
                .apply(SessionAction::Roster(roster_change), now);
        }
    }

    /// The selected card, or a hint that there is none.
    fn card_or_hint(&mut self) -> Option<crate::session::Card> {
        let card = self
            .selected_card
            .and_then(|id| self.session.card(id))
            .cloned();
        if card.is_none() {
            self.notice = Some(self.strings().no_card.to_owned());
        }
        card
    }

    fn change_card(&mut self, change: impl Fn(CardId) -> CardAction, now: DateTime<Utc>) {
        if let Some(card) = self.card_or_hint() {
            self.session
                .apply(SessionAction::Card(change(card.id)), now);
        }
    }

    /// The ids of the selected group's cards in the current segment, in board order.
    fn cards_of_selection(&self) -> Vec<CardId> {
        self.session
            .cards_in(self.session.current, self.selected_group)
            .iter()
            .map(|card| card.id)
            .collect()
    }

    fn step_card(&mut self, step: i8) {
        let cards = self.cards_of_selection();
        let position = self
            .selected_card
            .and_then(|id| cards.iter().position(|card| *card == id));
        let next = match position {
            Some(position) => position
                .saturating_add_signed(isize::from(step))
                .min(cards.len().saturating_sub(1)),
            None if step < 0 => cards.len().saturating_sub(1),
            None => 0,
        };
        self.selected_card = cards.get(next).copied();
    }

    fn step_group(&mut self, step: i8) {
        let lanes: Vec<Option<usize>> = (0..self.session.groups.len())
            .map(Some)
            .chain([None])
            .collect();
        let position = lanes
            .iter()
            .position(|lane| *lane == self.selected_group)
            .unwrap_or(0);
        let next = (position as isize + isize::from(step)).rem_euclid(lanes.len() as isize);
        self.selected_group = lanes[next as usize];
    }

    /// After a change of group, segment or cards: the selected card stays if it
    /// is on the selected group's board, else the group's latest card is selected.
    fn keep_selection_in_view(&mut self) {
        let cards = self.cards_of_selection();
        if self.selected_card.is_some_and(|id| cards.contains(&id)) {
            return;
        }
        self.selected_card = cards.iter().max().copied();
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

    /// How long the screen may sleep before what it shows changes.
    pub fn until_next_change(&self, now: DateTime<Utc>) -> Duration {
        until_next_change(&self.session, now)
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
            selected_card: self.selected_card,
            editor: match &self.mode {
                Mode::Editor(editor) => Some(EditorView {
                    textarea: editor.textarea(),
                    purpose: match editor.target {
                        DraftTarget::NewCard { group, .. } => EditorPurpose::NewCard(group),
                        DraftTarget::Card(id) => EditorPurpose::EditCard(
                            self.session.card(id).and_then(|card| card.group),
                        ),
                        DraftTarget::PrivateNote(_) => EditorPurpose::PrivateNote,
                        DraftTarget::NewMember(_) | DraftTarget::MemberName(_) => {
                            EditorPurpose::MemberName
                        }
                        DraftTarget::PollLine(segment) => EditorPurpose::PollLine(
                            self.session
                                .poll(segment)
                                .map_or(0, |answers| answers.respondents.len())
                                + 1,
                        ),
                    },
                }),
                _ => None,
            },
            overlay: match &self.mode {
                Mode::Help => Overlay::Help,
                Mode::Rebalance(proposal) => Overlay::Rebalance(proposal),
                Mode::ConfirmDelete(id) => match self.session.card(*id) {
                    Some(card) => Overlay::ConfirmDelete(card),
                    None => Overlay::None,
                },
                Mode::ConfirmQuit => Overlay::ConfirmQuit,
                Mode::Roster(cursor) => Overlay::Roster(*cursor),
                Mode::Tally { .. } => Overlay::None,
                Mode::ConfirmRemoveMember(id) => match self.session.roster.member(*id) {
                    Some(member) => Overlay::ConfirmRemoveMember(member),
                    None => Overlay::None,
                },
                Mode::Normal | Mode::Editor(_) => Overlay::None,
            },
            notice: self.notice.as_deref(),
            save_problem: self.save_problem.as_deref(),
            presenting: false,
            tally: match &self.mode {
                Mode::Tally { statement, .. } => Some(*statement),
                _ => None,
            },
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
