//! Rendering: a pure function of an immutable view of the state and the time,
//! one file per pane. Nothing here reads the clock, the disk or the terminal.

mod agenda_pane;
mod board;
mod card_text;
mod confirm;
mod draw_cache;
mod editor;
mod format;
mod grid;
mod help;
mod join_screen;
mod poll;
mod present;
mod qr;
mod rebalance;
mod roster;
mod segment_pane;
mod status_bar;
pub mod theme;
mod timer_pane;

pub use board::lanes;
pub use card_text::printable;
pub use draw_cache::DrawCache;
use draw_cache::{BaseKey, Places};
pub use editor::{EditorPurpose, EditorView};
pub use format::{clock, countdown};
pub use present::{PresentView, render_present};
pub use theme::Theme;

use chrono::{DateTime, FixedOffset, Utc};
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Padding, Paragraph, Wrap};

use crate::agenda::{Language, SegmentKind};
use crate::i18n::{self, Notice};
use crate::session::{Card, CardId, Lane, Member, MemberId, Proposal, Session};

/// Smallest terminal the run screen draws in; below it says so instead.
pub const MIN_WIDTH: u16 = 40;
/// See [`MIN_WIDTH`].
pub const MIN_HEIGHT: u16 = 12;
/// From this width the agenda is shown beside the current segment.
const AGENDA_PANE_MIN_WIDTH: u16 = 100;

/// Everything a frame of the run screen shows.
pub struct View<'a> {
    /// The session on screen.
    pub session: &'a Session,
    /// The time the frame shows.
    pub now: DateTime<Utc>,
    /// The local time zone's offset, for clock times.
    pub offset: FixedOffset,
    /// The language of the app's own words.
    pub language: Language,
    /// Colours or monochrome.
    pub theme: Theme,
    /// The selected group (0-based); `None` for the whole room.
    pub selected_lane: Lane,
    /// The selected card, if any.
    pub selected_card: Option<CardId>,
    /// The open editor, if any.
    pub editor: Option<EditorView<'a>>,
    /// A window over the screen, if any.
    pub overlay: Overlay<'a>,
    /// A short message in the status line, if any.
    pub notice: Option<&'a Notice>,
    /// Why the session cannot be saved, while that lasts.
    pub save_problem: Option<std::io::ErrorKind>,
    /// How many changes from the room's phones wait for the disk meanwhile.
    pub room_waiting: usize,
    /// Drawn for the projector (`samla present`): no selection is shown.
    pub projector: bool,
    /// Where the room is reached, while it is open.
    pub room: Option<&'a crate::room::Door>,
    /// The column `a` adds to, in a board with columns on the run screen.
    pub selected_column: Option<usize>,
    /// The statement hands are being counted for, if any.
    pub tally: Option<usize>,
    /// What was drawn before: cards' wrapped texts and personal-data
    /// marks, and the screen beneath the editor.
    pub cache: &'a DrawCache,
    /// Changes whenever anything but the editor's text may look different.
    pub shown: u64,
}

/// Windows drawn over the run screen.
#[derive(Debug, Clone, Copy)]
pub enum Overlay<'a> {
    /// None.
    None,
    /// Every key, in the UI language.
    Help,
    /// A rebalanced plan waiting for `y`.
    Rebalance(&'a Proposal),
    /// A card waiting for `y` to be deleted.
    ConfirmDelete(&'a Card),
    /// Quitting while the session cannot be saved.
    ConfirmQuit,
    /// The groups' members and attendance, with the member under the cursor.
    Roster(Option<MemberId>),
    /// A member waiting for `y` to be removed.
    ConfirmRemoveMember(&'a Member),
    /// The room's join screen.
    RoomDoor(&'a crate::room::Door),
}

/// Draws the run screen. While a card is typed and nothing else changed
/// (the same `view.shown` version, the same minute on the clock and on the
/// countdown, the same size), the screen beneath the editor is the last one
/// drawn: only the countdown and the editor are drawn again, so a key costs
/// what it changes.
pub fn render(frame: &mut Frame, view: &View) {
    let Some(editor) = view.editor.as_ref() else {
        render_base(frame, view);
        return;
    };
    let key = BaseKey {
        shown: view.shown,
        minute: view.now.timestamp().div_euclid(60),
        area: frame.area(),
        countdown: timer_pane::countdown_text(view).chars().count(),
        minutes_left: view
            .session
            .current_remaining(view.now)
            .num_seconds()
            .div_euclid(60),
    };
    let places = match view.cache.restore_base(key, frame.buffer_mut()) {
        Some(places) => {
            // The seconds move on: the countdown is drawn anew where it was,
            // and kept with the rest until the next second.
            if let Some((timer, layout)) = places.timer
                && view.cache.countdown_second() != Some(view.now.timestamp())
            {
                frame.render_widget(Clear, timer);
                timer_pane::render(frame, timer, view, layout);
                view.cache
                    .keep_countdown(view.now.timestamp(), frame.buffer_mut(), timer);
            }
            places
        }
        None => {
            let places = render_base(frame, view);
            view.cache
                .keep_base(key, view.now.timestamp(), frame.buffer_mut(), places);
            places
        }
    };
    if let Some(board) = places.editor {
        editor::render(frame, board, view, editor);
    }
}

/// Draws the run screen but the editor; where the editor and the countdown go.
fn render_base(frame: &mut Frame, view: &View) -> Places {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        render_too_small(frame, area, view);
        return Places::default();
    }
    let people = status_bar::people_line(view);
    let [header, body, people_area, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(u16::from(people.is_some())),
        Constraint::Length(1),
    ])
    .areas(area);
    if let Some(people) = people {
        frame.render_widget(Paragraph::new(people), people_area);
    }
    render_header(frame, header, view);
    let main = if area.width >= AGENDA_PANE_MIN_WIDTH {
        let [agenda, main] =
            Layout::horizontal([Constraint::Percentage(34), Constraint::Fill(1)]).areas(body);
        agenda_pane::render(frame, agenda, view);
        main
    } else {
        body
    };
    let mut places = Places::default();
    if shows_board(view) {
        places = render_with_board(frame, main, view);
    } else {
        let timer_layout = timer_pane::plan(main, view);
        let [segment, timer] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(timer_layout.height)])
                .areas(main);
        segment_pane::render(frame, segment, view, false);
        timer_pane::render(frame, timer, view, timer_layout);
    }
    status_bar::render(frame, status, view);
    match view.overlay {
        Overlay::None => {}
        Overlay::Help => help::render(frame, area, view),
        Overlay::Rebalance(proposal) => rebalance::render(frame, area, view, proposal),
        Overlay::ConfirmDelete(card) => confirm::render(frame, area, view, card),
        Overlay::ConfirmQuit => confirm::render_quit(frame, area, view),
        Overlay::Roster(cursor) => roster::render(frame, area, view, cursor),
        Overlay::ConfirmRemoveMember(member) => confirm::render_member(frame, area, view, member),
        Overlay::RoomDoor(door) => join_screen::render(frame, area, view, door),
    }
    places
}

/// Whether the segment's cards take the middle of the screen: in the rounds
/// where groups talk, whenever there are cards, and while one is typed.
fn shows_board(view: &View) -> bool {
    let session = view.session;
    let kind = session.current_segment().kind;
    kind.is_writing()
        || kind == SegmentKind::Poll
        || session.has_cards(session.current)
        || view.editor.is_some()
}

/// The segment and its questions on top, the board in the middle, a smaller
/// countdown below; the board's place, where the editor goes over its lower
/// part, and the countdown's.
fn render_with_board(frame: &mut Frame, main: Rect, view: &View) -> Places {
    let timer_layout = timer_pane::plan(
        Rect {
            height: main.height / 3,
            ..main
        },
        view,
    );
    // Up to two fifths: at 80×24 the kind, title, instruction, three questions
    // and the private note all keep a line.
    let segment_height = segment_pane::compact_height(view, main.width, main.height * 2 / 5);
    let [segment, board, timer] = Layout::vertical([
        Constraint::Length(segment_height),
        Constraint::Fill(1),
        Constraint::Length(timer_layout.height),
    ])
    .areas(main);
    segment_pane::render(frame, segment, view, true);
    let board = Rect {
        x: board.x + 1,
        width: board.width.saturating_sub(1),
        ..board
    };
    let session = view.session;
    if session.current_segment().kind != SegmentKind::Poll {
        render_cards(frame, board, view);
    } else if session.has_cards(session.current) {
        // A poll's results, and below them any cards typed in it.
        let [results, cards] =
            Layout::vertical([Constraint::Fill(3), Constraint::Fill(2)]).areas(board);
        poll::render(frame, results, view);
        render_cards(frame, cards, view);
    } else {
        poll::render(frame, board, view);
    }
    timer_pane::render(frame, timer, view, timer_layout);
    Places {
        editor: Some(board),
        timer: Some((timer, timer_layout)),
    }
}

/// The cards of the current segment: a table of groups × columns in the vision
/// and action-plan exercises, else the shelf.
fn render_cards(frame: &mut Frame, area: Rect, view: &View) {
    match view.session.columns(view.session.current) {
        Some(columns) => grid::render(frame, area, view, &columns),
        None => board::render(frame, area, view),
    }
}

/// The segment's kind to show above its title, unless the title already says
/// it ("Paus" above "Paus" says nothing).
fn kind_above_title(segment: &crate::agenda::Segment, language: Language) -> Option<&str> {
    let kind = i18n::exercise_label(segment, language);
    (kind.to_lowercase() != segment.title.trim().to_lowercase()).then_some(kind)
}

/// The cards of `lane` in the current segment as this screen shows them: the
/// projector leaves out the cards taken down.
fn shown_cards<'a>(view: &View<'a>, lane: Lane) -> Vec<&'a Card> {
    let session = view.session;
    let mut cards = session.cards_in(session.current, lane);
    if view.projector {
        cards.retain(|card| !card.hidden);
    }
    cards
}

/// The name of `group` (0-based), or of the whole room for `None`.
fn group_label(view: &View, group: Lane) -> String {
    let strings = i18n::strings(view.language);
    let session = view.session;
    session.group_name_in(session.current, group, strings.group, strings.whole_room)
}

fn render_header(frame: &mut Frame, area: Rect, view: &View) {
    let strings = i18n::strings(view.language);
    if let Some(problem) = view.save_problem {
        let problem = i18n::io_problem(problem, view.language);
        let mut warning = format!(" {} ({problem})", strings.not_saved);
        if view.room_waiting > 0 {
            warning.push_str(&format!(" · {}", (strings.room_waiting)(view.room_waiting)));
        }
        warning.push_str(&format!(" – {}", strings.not_saved_detail));
        frame.render_widget(
            Paragraph::new(Span::styled(warning, view.theme.overrun())),
            area,
        );
        return;
    }
    let session = view.session;
    let position = format!(
        " {} {} {} ",
        session.current.number(),
        strings.segment_of,
        session.timings.len()
    );
    let [title, counter] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(position.chars().count() as u16),
    ])
    .areas(area);
    let title_line = Line::from(vec![
        Span::raw(" "),
        Span::styled(session.agenda.title.as_str(), view.theme.heading()),
    ]);
    frame.render_widget(Paragraph::new(title_line), title);
    frame.render_widget(
        Paragraph::new(Span::styled(position, view.theme.dim())),
        counter,
    );
}

/// Says the terminal is too small, and what would do.
fn render_too_small(frame: &mut Frame, area: Rect, view: &View) {
    let strings = i18n::strings(view.language);
    let text = vec![
        Line::from(strings.too_small),
        Line::from(format!("{MIN_WIDTH}×{MIN_HEIGHT}")),
    ];
    let top = area.height.saturating_sub(2) / 2;
    let [_, middle] = Layout::vertical([Constraint::Length(top), Constraint::Fill(1)]).areas(area);
    frame.render_widget(
        Paragraph::new(text)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        middle,
    );
}

/// The frame of a window drawn over the screen: a title on top, a hint below.
fn overlay_block<'a>(view: &View, title: &'a str, footer: &'a str) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(view.theme.border())
        .padding(Padding::horizontal(1))
        .title(Span::styled(format!(" {title} "), view.theme.heading()))
        .title_bottom(Line::styled(format!(" {footer} "), view.theme.dim()))
}

/// A rectangle of at most `width`×`height` in the middle of `area`.
fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}
