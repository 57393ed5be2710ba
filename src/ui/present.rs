//! The projector (`samla present`): the segment's title, a very large
//! countdown, the questions in large wrapped type, the next segment in small
//! type; on request the board. Never the facilitator's private notes.

use chrono::{DateTime, FixedOffset, Utc};
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{
    MIN_HEIGHT, MIN_WIDTH, Overlay, Theme, View, format, i18n, render_cards, render_too_small,
    timer_pane,
};
use crate::agenda::{Language, SegmentKind};
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

/// Draws the projector's frame.
pub fn render_present(frame: &mut Frame, present: &PresentView) {
    let show_board = present.board;
    let view = &present.parts();
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        render_too_small(frame, area, view);
        return;
    }
    let title = title(view);
    let title_height = (title.line_count(area.width) as u16).min(3);
    let [top, body, next] = Layout::vertical([
        Constraint::Length(title_height + 1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(title, top);
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
    } else if show_board {
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
    frame.render_widget(next_segment(view), next);
    if let Some(door) = view.room {
        super::join_screen::corner(frame, area, view, door);
    }
    if let super::Overlay::Help = view.overlay {
        super::help::render(frame, area, view);
    }
}

fn title<'a>(view: &'a View) -> Paragraph<'a> {
    let segment = view.session.current_segment();
    let kind = super::kind_above_title(segment, view.language);
    let kind = kind.map(|kind| Line::styled(kind, view.theme.dim()));
    Paragraph::new(
        kind.into_iter()
            .chain([Line::styled(segment.title.as_str(), view.theme.heading())])
            .collect::<Vec<_>>(),
    )
    .alignment(Alignment::Center)
    .wrap(Wrap { trim: true })
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
                strings.break_resumes,
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
fn next_segment<'a>(view: &'a View) -> Paragraph<'a> {
    let strings = i18n::strings(view.language);
    let session = view.session;
    let Some(next) = session.agenda.segments.get(session.current.0 + 1) else {
        return Paragraph::new("");
    };
    let starts = session.schedule(view.now)[session.current.0 + 1].starts;
    Paragraph::new(Line::from(vec![
        Span::styled(format!("{} ", strings.next), view.theme.dim()),
        Span::styled(format::clock(starts, view.offset), view.theme.dim()),
        Span::styled(format!(" {}", next.title), view.theme.dim()),
    ]))
    .alignment(Alignment::Center)
}
