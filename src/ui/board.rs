//! The board of a discussion round, like a Padlet shelf: one column per group,
//! the cards stacked in boxes under it. With more groups than fit, the columns
//! scroll sideways so the selected group always shows.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph};

use std::rc::Rc;

use super::{DrawCache, View, group_label};
use crate::i18n;
use crate::session::{Card, Lane, PRIORITY_MARK};

/// Narrowest a column gets before the board scrolls sideways.
const MIN_COLUMN_WIDTH: u16 = 24;
/// On the projector, where nothing is selected and the room wants every
/// group at once, columns get narrower before they scroll.
pub(super) const MIN_PROJECTOR_COLUMN_WIDTH: u16 = 20;
/// Most lines of text a card shows on the board.
const MAX_CARD_LINES: usize = 6;
/// The mark of a quote card.
pub const QUOTE_MARK: &str = "❝";
/// The mark of a card its group chose as a priority.
/// The mark of a card posted from a phone in the room.
pub const ROOM_MARK: &str = "☏";
/// The mark of a card that holds personal data.
pub const PERSONAL_DATA_MARK: &str = "⚠";

/// The board's lanes: every group, then the whole room when it has cards, is
/// selected (on the run screen), or the segment is a whole-room conversation.
pub fn lanes(view: &View) -> Vec<Lane> {
    let session = view.session;
    // Alone or in pairs, cards are the room's: its lane, and a group's only
    // where a card was moved there.
    if session.current_segment().kind.is_personal() {
        let mut lanes: Vec<Lane> = (0..session.group_count_in(session.current))
            .map(Lane::Group)
            .filter(|lane| !session.cards_in(session.current, *lane).is_empty())
            .collect();
        lanes.push(Lane::Plenary);
        return lanes;
    }
    // The projector shows a whole-room conversation's cards across the
    // screen, not beside empty group columns.
    let plenary = session.current_segment().kind == crate::agenda::SegmentKind::Plenary;
    let mut lanes: Vec<Lane> = (0..session.group_count_in(session.current))
        .map(Lane::Group)
        .filter(|lane| !(view.projector && plenary && super::shown_cards(view, *lane).is_empty()))
        .collect();
    let room_has_cards = !session.cards_in(session.current, Lane::Plenary).is_empty();
    if room_has_cards || (view.selected_lane == Lane::Plenary && !view.projector) || plenary {
        lanes.push(Lane::Plenary);
    }
    lanes
}

/// The first of `count` lanes to show when `shown` fit, so `selected` is among them.
pub fn first_shown(selected: usize, shown: usize, count: usize) -> usize {
    let shown = shown.max(1);
    selected
        .saturating_sub(shown - 1)
        .min(count.saturating_sub(shown))
}

/// Draws the shelf of the current segment in `area`.
pub fn render(frame: &mut Frame, area: Rect, view: &View) {
    let lanes = lanes(view);
    let selected = lanes
        .iter()
        .position(|lane| *lane == view.selected_lane)
        .unwrap_or(0);
    let narrowest = if view.projector {
        MIN_PROJECTOR_COLUMN_WIDTH
    } else {
        MIN_COLUMN_WIDTH
    };
    let shown = usize::from((area.width / narrowest).max(1)).min(lanes.len());
    let first = first_shown(selected, shown, lanes.len());
    let columns = Layout::horizontal(vec![Constraint::Fill(1); shown]).split(area);
    for (offset, column) in columns.iter().enumerate() {
        let index = first + offset;
        let hidden_left = (offset == 0).then_some(first).filter(|n| *n > 0);
        let hidden_right = (offset + 1 == shown)
            .then_some(lanes.len() - first - shown)
            .filter(|n| *n > 0);
        render_lane(
            frame,
            *column,
            view,
            lanes[index],
            (hidden_left, hidden_right),
        );
    }
}

fn render_lane(
    frame: &mut Frame,
    area: Rect,
    view: &View,
    lane: Lane,
    hidden: (Option<usize>, Option<usize>),
) {
    let cards = super::shown_cards(view, lane);
    let is_selected = view.selected_lane == lane && !view.projector;
    let [header, body] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    let mut title = vec![];
    // Groups out of sight: how many, and on which side.
    let out_of_sight = |count: usize| i18n::groups_count(count, view.language);
    if let Some(count) = hidden.0 {
        title.push(Span::styled(
            format!("◀ {} ", out_of_sight(count)),
            view.theme.warning(),
        ));
    }
    let name = format!(" {} ({}) ", group_label(view, lane), cards.len());
    title.push(Span::styled(
        name,
        if is_selected {
            view.theme.current()
        } else {
            view.theme.heading()
        },
    ));
    // The right side's count keeps to the right edge, clear of the name.
    let right = hidden.1.map_or_else(
        || Span::raw(""),
        |count| Span::styled(format!(" {} ▶", out_of_sight(count)), view.theme.warning()),
    );
    let [left_area, right_area] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(right.width() as u16),
    ])
    .areas(header);
    frame.render_widget(Paragraph::new(Line::from(title)), left_area);
    frame.render_widget(Paragraph::new(right), right_area);
    let inner = Rect {
        x: body.x,
        width: body.width.saturating_sub(1),
        ..body
    };
    render_stack(frame, inner, view, &cards, is_selected);
}

/// Card texts fitted to the column, wrapped only when asked: a lane of forty
/// long cards wraps just the few that show.
struct Fitted<'c> {
    cards: &'c [&'c Card],
    width: usize,
    cache: &'c DrawCache,
    /// The summary's words, for a follow-up's items.
    words: &'static i18n::Words,
    lines: Vec<Option<Rc<Vec<String>>>>,
}

impl<'c> Fitted<'c> {
    fn new(
        cards: &'c [&'c Card],
        width: usize,
        cache: &'c DrawCache,
        words: &'static i18n::Words,
    ) -> Self {
        Self {
            cards,
            width,
            cache,
            words,
            lines: vec![None; cards.len()],
        }
    }

    fn lines(&mut self, index: usize) -> &[String] {
        let (card, width, cache) = (self.cards[index], self.width, self.cache);
        let words = self.words;
        self.lines[index].get_or_insert_with(|| {
            // A follow-up's item in words: who, by when, not the fields' marks.
            let text = match card.brought() {
                Some(brought) => {
                    let item = crate::session::ActionItem::parse(&card.text, brought.date);
                    cache.fit(&i18n::action_item_line(&item, words), width, MAX_CARD_LINES)
                }
                None => cache.fit(&card.text, width, MAX_CARD_LINES),
            };
            // A follow-up's comment under the item, set apart by a dash.
            match card.comment() {
                Some(comment) => {
                    let comment = cache.fit(&format!("– {comment}"), width, MAX_CARD_LINES);
                    Rc::new(text.iter().chain(comment.iter()).cloned().collect())
                }
                None => text,
            }
        })
    }

    /// Rows of card `index`'s box: its lines and two borders.
    fn height(&mut self, index: usize) -> u16 {
        self.lines(index).len() as u16 + 2
    }

    /// The first card to draw so that card `selected` ends inside `height` rows.
    fn first_fitting(&mut self, selected: Option<usize>, height: u16) -> usize {
        let Some(selected) = selected else {
            return 0;
        };
        let mut used = 0u16;
        let mut first = selected;
        for index in (0..=selected).rev() {
            used = used.saturating_add(self.height(index));
            if used > height {
                break;
            }
            first = index;
        }
        first
    }
}

/// Stacks `cards` in `area`, starting late enough that the selected one shows.
fn render_stack(frame: &mut Frame, area: Rect, view: &View, cards: &[&Card], lane_selected: bool) {
    if cards.is_empty() && lane_selected {
        let hint = Line::styled(i18n::strings(view.language).add_card_hint, view.theme.dim());
        frame.render_widget(Paragraph::new(hint), area);
        return;
    }
    let width = usize::from(area.width.saturating_sub(2));
    let mut fitted = Fitted::new(cards, width, view.cache, i18n::words(view.language));
    let selected = cards
        .iter()
        .position(|card| lane_selected && Some(card.id) == view.selected_card);
    let first = fitted.first_fitting(selected, area.height);
    let mut y = area.y;
    let bottom = area.y + area.height;
    for (index, card) in cards.iter().enumerate().skip(first) {
        let height = fitted.height(index);
        if y + height > bottom {
            let rest = cards.len() - index;
            let more = Line::styled(
                format!("↓ {rest} {}", i18n::strings(view.language).more),
                view.theme.dim(),
            );
            if y < bottom {
                let row = Rect {
                    y: bottom - 1,
                    height: 1,
                    ..area
                };
                frame.render_widget(Paragraph::new(more), row);
            }
            break;
        }
        let box_area = Rect { y, height, ..area };
        let lines: Vec<Line> = fitted
            .lines(index)
            .iter()
            .map(|line| Line::raw(line.clone()))
            .collect();
        let paragraph =
            Paragraph::new(lines).block(card_block(view, card, Some(index) == selected));
        frame.render_widget(paragraph, box_area);
        y += height;
    }
    if first > 0 {
        frame.render_widget(
            Paragraph::new(Line::styled(format!("↑ {first}"), view.theme.dim()).right_aligned()),
            Rect { height: 1, ..area },
        );
    }
}

/// The room's dots on a card: "● 3".
pub(super) fn dots_label(dots: u32) -> String {
    format!("{DOT_MARK} {dots}")
}

/// What marks the dots the room gave a card.
pub const DOT_MARK: &str = "●";

/// The box of a card: rounded, its tag on top, the quote mark at the right; a
/// heavy coloured border when selected.
fn card_block<'a>(view: &View, card: &'a Card, selected: bool) -> Block<'a> {
    let (border_type, border_style) = if selected {
        (BorderType::Thick, view.theme.current())
    } else {
        (BorderType::Rounded, view.theme.border())
    };
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_type(border_type)
        .border_style(border_style);
    if let Some(status) = card.status() {
        let label = format!(" {} ", i18n::status_label(status, view.language));
        block = block.title(Span::styled(label, view.theme.status(status)));
    }
    if card.priority {
        block = block.title(Span::styled(
            format!(" {PRIORITY_MARK} "),
            view.theme.current(),
        ));
    }
    if let Some(tag) = &card.tag {
        block = block.title(Span::styled(format!(" {tag} "), view.theme.tag()));
    }
    if card.dot_count() > 0 {
        let dots = format!(" {} ", dots_label(card.dot_count()));
        block = block.title(Span::styled(dots, view.theme.current()));
    }
    if card.quote {
        block = block.title(
            Line::from(Span::styled(
                format!(" {QUOTE_MARK} "),
                view.theme.heading(),
            ))
            .right_aligned(),
        );
    }
    if card.from_room.is_some() && !view.projector {
        let words = i18n::door_words(view.language);
        let mark = if card.hidden {
            format!(" {ROOM_MARK} {} ", words.hidden)
        } else {
            format!(" {ROOM_MARK} ")
        };
        block = block.title_bottom(Line::from(Span::styled(mark, view.theme.dim())));
    }
    if flagged(view, card) {
        block = block.title_bottom(
            Line::from(Span::styled(
                format!(" {PERSONAL_DATA_MARK} "),
                view.theme.warning(),
            ))
            .right_aligned(),
        );
    }
    block
}

/// Whether the run screen marks `card` as holding personal data (a
/// personnummer, an e-mail address, a phone number), so the note-taker can
/// change it before it is sent; the projector never shows the mark.
pub fn flagged(view: &View, card: &Card) -> bool {
    !view.projector && view.cache.holds_personal_data(&card.text)
}
