//! The projector (`samla present`): the segment's title, a very large
//! countdown, the questions in large wrapped type, the next segment in small
//! type; on request the board. Never the facilitator's private notes.

use chrono::{DateTime, FixedOffset, Utc};
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use tui_big_text::{BigText, PixelSize};

use super::board::MIN_PROJECTOR_COLUMN_WIDTH;
use super::qr::{Qr, Scale};
use super::{
    MIN_HEIGHT, MIN_WIDTH, Overlay, Theme, View, format, i18n, join_screen, render_cards,
    render_too_small, status_bar, timer_pane,
};
use crate::agenda::{Language, SegmentKind};
use crate::i18n::door_words;
use crate::session::{Lane, Session};

/// What the projector shows of a session, at a moment.
#[derive(Debug, Clone, Copy)]
pub struct PresentView<'a> {
    /// The session as last saved.
    pub session: &'a Session,
    /// The time the frame shows.
    pub now: DateTime<Utc>,
    /// The local time zone's offset, for clock times.
    pub offset: FixedOffset,
    /// The session's language.
    pub language: Language,
    /// Colours or monochrome.
    pub theme: Theme,
    /// Where the room is reached, while it is open.
    pub door: Option<&'a crate::room::Door>,
    /// The room was open in this session and is closed now.
    pub room_closed: bool,
    /// The QR code is shown (`w` hides it).
    pub qr: bool,
    /// The board of cards where the questions are.
    pub board: bool,
    /// The keys, over everything.
    pub help: bool,
    /// Cards as drawn before.
    pub cache: &'a super::DrawCache,
}

impl<'a> PresentView<'a> {
    /// The run screen's parts, as the room sees them: no selection, no
    /// editor, no notices and no warnings meant for the facilitator.
    fn parts(&self) -> View<'a> {
        View {
            session: self.session,
            now: self.now,
            offset: self.offset,
            language: self.language,
            theme: self.theme,
            selected_lane: Lane::Plenary,
            selected_card: None,
            editor: None,
            overlay: if self.help {
                Overlay::Help
            } else {
                Overlay::None
            },
            notice: None,
            save_problem: None,
            room_waiting: 0,
            projector: true,
            room: self.door,
            selected_column: None,
            tally: None,
            cache: self.cache,
            shown: 0,
        }
    }
}

/// Where the way into the room stands on the projector.
#[derive(Debug, Clone, Copy)]
enum WayIn<'a> {
    /// The session has no room.
    Nowhere,
    /// The room was open and has closed: said in the footer, so that no one
    /// scans a code that leads nowhere.
    Closed,
    /// The address and the code at the footer's right end.
    Footer(&'a crate::room::Door),
    /// The QR code in a column of its own at the right, `width` cells wide.
    Corner(&'a crate::room::Door, u16),
    /// The join slide fills the screen while the room gathers.
    Slide(&'a crate::room::Door),
}

/// The narrowest the segment's part gets beside the corner's QR code.
const BESIDE_CORNER: u16 = 80;

/// Where the way in goes in `body`: large before the day begins, in its own
/// column after, in the footer when hidden, when the screen is small, or
/// when the board's groups would not all fit beside it.
fn way_in<'a>(present: &PresentView<'a>, view: &View, qr: Option<&Qr>, body: Rect) -> WayIn<'a> {
    let Some(door) = present.door else {
        return if present.room_closed {
            WayIn::Closed
        } else {
            WayIn::Nowhere
        };
    };
    let Some((width, height)) = qr.filter(|_| present.qr).map(join_screen::corner_size) else {
        return WayIn::Footer(door);
    };
    if !present.session.has_begun() && body.width >= width + 20 && body.height >= height {
        return WayIn::Slide(door);
    }
    let beside = if shows_board(view, present.board) {
        (super::lanes(view).len() as u16 * MIN_PROJECTOR_COLUMN_WIDTH).max(BESIDE_CORNER)
    } else {
        BESIDE_CORNER
    };
    if body.width >= width + 2 + beside && body.height >= height {
        WayIn::Corner(door, width + 2)
    } else {
        WayIn::Footer(door)
    }
}

/// Draws the projector's frame.
pub fn render_present(frame: &mut Frame, present: &PresentView) {
    let view = &present.parts();
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        render_too_small(frame, area, view);
        return;
    }
    let title = Title::of(view, area);
    let rows = |footer: u16| {
        Layout::vertical([
            Constraint::Length(title.height() + 1),
            Constraint::Fill(1),
            Constraint::Length(footer),
        ])
        .areas::<3>(area)
    };
    // Encoded once a frame, for every place that draws it.
    let qr = present.door.and_then(|door| Qr::of(&door.join_link()));
    let way_in = way_in(present, view, qr.as_ref(), rows(1)[1]);
    let footer = Footer::of(view, way_in, area.width);
    let [top, body, footer_area] = rows(footer.height(area.width));
    title.render(frame, top, view);
    let body = match way_in {
        WayIn::Slide(door) => {
            render_slide(frame, body, view, door, qr.as_ref());
            None
        }
        WayIn::Corner(door, width) => {
            let [body, _, corner] = Layout::horizontal([
                Constraint::Fill(1),
                Constraint::Length(1),
                Constraint::Length(width - 1),
            ])
            .areas(body);
            if let Some(qr) = &qr {
                join_screen::corner(frame, corner, view, door, qr);
            }
            Some(body)
        }
        _ => Some(body),
    };
    if let Some(body) = body {
        render_body(frame, body, view, present.board);
    }
    footer.render(frame, footer_area, view);
    if let super::Overlay::Help = view.overlay {
        super::help::render(frame, area, view);
    }
}

/// The join slide: the way in as large as it fits, and that the day starts soon.
fn render_slide(
    frame: &mut Frame,
    body: Rect,
    view: &View,
    door: &crate::room::Door,
    qr: Option<&Qr>,
) {
    let strings = i18n::strings(view.language);
    let [way, _, soon] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(body);
    let way = Rect {
        x: way.x + 2,
        width: way.width.saturating_sub(4),
        ..way
    };
    join_screen::way_in(frame, way, view, door, qr, Scale::Large);
    frame.render_widget(
        Paragraph::new(Line::styled(strings.starting_soon, view.theme.heading()))
            .alignment(Alignment::Center),
        soon,
    );
}

/// Whether the board of cards is shown: asked for (`b`), and not over a
/// break or after the day.
fn shows_board(view: &View, board: bool) -> bool {
    board && view.session.current_segment().kind != SegmentKind::Break && !view.session.is_over()
}

/// The segment: the results shown, the board, or the countdown and the questions.
fn render_body(frame: &mut Frame, body: Rect, view: &View, board: bool) {
    let revealed = view
        .session
        .poll(view.session.current)
        .is_some_and(|answers| answers.revealed);
    if revealed && view.session.current_segment().kind == SegmentKind::Poll {
        // The results the facilitator shows: bars per statement, no one's answers.
        let body = Rect {
            x: body.x + 1,
            width: body.width.saturating_sub(2),
            ..body
        };
        super::poll::render(frame, body, view);
    } else if shows_board(view, board) {
        let timer_layout = timer_pane::plan(
            Rect {
                height: body.height / 3,
                ..body
            },
            view,
        );
        let [timer, cards] =
            Layout::vertical([Constraint::Length(timer_layout.height), Constraint::Fill(1)])
                .areas(body);
        timer_pane::render(frame, timer, view, timer_layout);
        let cards = Rect {
            x: cards.x + 1,
            width: cards.width.saturating_sub(2),
            ..cards
        };
        render_cards(frame, cards, view);
    } else {
        let prompts = prompts(view);
        let wanted = prompts.line_count(body.width.saturating_sub(4)) as u16;
        let timer_layout = timer_pane::plan(
            Rect {
                height: body.height.saturating_sub(wanted.min(body.height / 2)),
                ..body
            },
            view,
        );
        // Countdown and questions as one block, in the middle of the screen.
        let text_height = wanted.min(body.height.saturating_sub(timer_layout.height + 1));
        let [_, timer, _, text, _] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(timer_layout.height),
            Constraint::Length(1),
            Constraint::Length(text_height),
            Constraint::Fill(1),
        ])
        .areas(body);
        timer_pane::render(frame, timer, view, timer_layout);
        let text = Rect {
            x: text.x + 2,
            width: text.width.saturating_sub(4),
            ..text
        };
        frame.render_widget(prompts, text);
    }
}

/// The next segment in the middle; at the right, the way in when it is
/// not in a place of its own, or that the room has closed. When both do not
/// fit on one line, the way in takes a line above.
struct Footer<'a> {
    next: Line<'a>,
    door: String,
}

impl<'a> Footer<'a> {
    fn of(view: &'a View, way_in: WayIn, width: u16) -> Self {
        let door = match way_in {
            WayIn::Footer(door) => {
                status_bar::door_text(door, view.language, usize::from(width / 2))
            }
            WayIn::Closed => door_words(view.language).closed.to_owned(),
            WayIn::Nowhere | WayIn::Corner(..) | WayIn::Slide(_) => String::new(),
        };
        Self {
            next: next_segment(view),
            door,
        }
    }

    fn door_width(&self) -> u16 {
        self.door.chars().count() as u16
    }

    fn height(&self, width: u16) -> u16 {
        let side_by_side = self.next.width() as u16 + 2 * (self.door_width() + 2) <= width;
        if self.door.is_empty() || side_by_side {
            1
        } else {
            2
        }
    }

    fn render(self, frame: &mut Frame, area: Rect, view: &View) {
        let door_width = self.door_width();
        let margin = u16::from(door_width > 0);
        let (next, door) = if area.height > 1 {
            let [door, next] =
                Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(area);
            (next, door)
        } else {
            let [_, next, _] = Layout::horizontal([
                Constraint::Length(door_width + margin),
                Constraint::Fill(1),
                Constraint::Length(door_width + margin),
            ])
            .areas(area);
            (next, area)
        };
        let [_, door, _] = Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Length(door_width),
            Constraint::Length(margin),
        ])
        .areas(door);
        frame.render_widget(Paragraph::new(self.next).alignment(Alignment::Center), next);
        frame.render_widget(
            Paragraph::new(Line::styled(self.door, view.theme.heading())),
            door,
        );
    }
}

/// The segment's title, in large letters where it fits on one line, with
/// the kind of exercise above it.
struct Title<'a> {
    kind: Option<&'a str>,
    text: &'a str,
    /// Drawn in large letters.
    large: bool,
    /// Rows of the title in plain type, as wrapped.
    plain_rows: u16,
}

/// Large letters are four cells wide and four high.
const LARGE_LETTER: u16 = 4;

/// The least height of screen that has room for a large title.
const LARGE_TITLE_FROM_HEIGHT: u16 = 40;

impl<'a> Title<'a> {
    fn of(view: &'a View, area: Rect) -> Self {
        let segment = view.session.current_segment();
        let text = segment.title.as_str();
        let large = area.height >= LARGE_TITLE_FROM_HEIGHT
            && (text.chars().count() as u16 + 2) * LARGE_LETTER <= area.width;
        let plain_rows = Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .line_count(area.width)
            .min(3) as u16;
        Self {
            kind: super::kind_above_title(segment, view.language),
            text,
            large,
            plain_rows,
        }
    }

    fn height(&self) -> u16 {
        let title = if self.large {
            LARGE_LETTER
        } else {
            self.plain_rows
        };
        u16::from(self.kind.is_some()) + title
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View) {
        let [kind_area, title] = Layout::vertical([
            Constraint::Length(u16::from(self.kind.is_some())),
            Constraint::Fill(1),
        ])
        .areas(area);
        if let Some(kind) = self.kind {
            frame.render_widget(
                Paragraph::new(Line::styled(kind, view.theme.dim())).alignment(Alignment::Center),
                kind_area,
            );
        }
        if self.large {
            let big = BigText::builder()
                .pixel_size(PixelSize::Quadrant)
                .style(view.theme.heading())
                .lines(vec![Line::from(self.text)])
                .centered()
                .build();
            frame.render_widget(big, title);
        } else {
            frame.render_widget(
                Paragraph::new(Line::styled(self.text, view.theme.heading()))
                    .alignment(Alignment::Center)
                    .wrap(Wrap { trim: true }),
                title,
            );
        }
    }
}

/// What the room works on: a break's end, the questions, an action plan's
/// horizons, a poll's statements.
fn prompts<'a>(view: &'a View) -> Paragraph<'a> {
    let strings = i18n::strings(view.language);
    let session = view.session;
    let segment = session.current_segment();
    let mut lines: Vec<Line> = Vec::new();
    if segment.kind == SegmentKind::Break {
        let ends = session.schedule(view.now)[session.current].ends;
        lines.push(Line::styled(
            format!(
                "{} {}",
                strings.break_until,
                format::clock(ends, view.offset)
            ),
            view.theme.heading(),
        ));
    }
    // The room reads what it is to do above what it is to answer.
    if let Some(instruction) = segment
        .instruction
        .as_ref()
        .filter(|_| segment.kind != SegmentKind::Break)
    {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::from(instruction.as_str()));
    }
    let horizons = match segment.kind {
        SegmentKind::ActionPlan => session.columns(session.current).unwrap_or_default(),
        _ if segment.columns.is_some() => session.columns(session.current).unwrap_or_default(),
        SegmentKind::Poll => segment.statements.iter().map(|s| s.text.clone()).collect(),
        _ => Vec::new(),
    };
    for prompt in segment.questions.iter().chain(&horizons) {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::styled(prompt.clone(), view.theme.heading()));
    }
    Paragraph::new(lines)
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true })
}

/// "Nästa: 14:20 Föreläsning …", at the time it will start at this pace.
fn next_segment<'a>(view: &'a View) -> Line<'a> {
    let strings = i18n::strings(view.language);
    let session = view.session;
    let Some(next) = session.agenda.segments.get(session.current.0 + 1) else {
        return Line::default();
    };
    let starts = session.schedule(view.now)[session.current.0 + 1].starts;
    Line::from(vec![
        Span::styled(format!("{} ", strings.next), view.theme.dim()),
        Span::styled(format::clock(starts, view.offset), view.theme.dim()),
        Span::styled(format!(" {}", next.title), view.theme.dim()),
    ])
}
