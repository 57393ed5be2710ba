//! Asks before a card is deleted, showing which card, and before quitting
//! while the session cannot be saved.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

use super::{View, card_text, centered, overlay_block};
use crate::i18n;
use crate::session::{Card, Member};

/// Lines of the card shown in the question.
const SHOWN_LINES: usize = 4;

/// Draws the question over `area`.
pub fn render(frame: &mut Frame, area: Rect, view: &View, card: &Card) {
    let strings = i18n::strings(view.language);
    let window = centered(area, 60, SHOWN_LINES as u16 + 2);
    let lines: Vec<Line> = card_text::fit(
        &card.text,
        usize::from(window.width.saturating_sub(4)),
        SHOWN_LINES,
    )
    .into_iter()
    .map(Line::from)
    .collect();
    let block = overlay_block(view, strings.delete_title, strings.delete_confirm);
    frame.render_widget(Clear, window);
    frame.render_widget(Paragraph::new(lines).block(block), window);
}

/// Draws the question whether to quit unsaved over `area`.
pub fn render_quit(frame: &mut Frame, area: Rect, view: &View) {
    let strings = i18n::strings(view.language);
    let window = centered(area, 70, 7);
    let width = usize::from(window.width.saturating_sub(4));
    let text = format!(
        "{} ({})",
        strings.quit_unsaved,
        view.save_problem
            .map(|kind| i18n::io_problem(kind, view.language))
            .unwrap_or_default()
    );
    let lines: Vec<Line> = card_text::fit(&text, width, 5)
        .into_iter()
        .map(Line::from)
        .collect();
    let block = overlay_block(
        view,
        strings.quit_unsaved_title,
        strings.quit_unsaved_confirm,
    );
    frame.render_widget(Clear, window);
    frame.render_widget(Paragraph::new(lines).block(block), window);
}

/// Draws the question whether to remove `member` over `area`.
pub fn render_member(frame: &mut Frame, area: Rect, view: &View, member: &Member) {
    let strings = i18n::strings(view.language);
    let window = centered(area, 60, 3);
    let width = usize::from(window.width.saturating_sub(4));
    let block = overlay_block(
        view,
        strings.remove_member_title,
        strings.remove_member_confirm,
    );
    frame.render_widget(Clear, window);
    frame.render_widget(
        Paragraph::new(card_text::one_line(&member.name, width)).block(block),
        window,
    );
}
