//! What drawing costs once, kept for the next frame: a card's text wrapped
//! to a width, whether it holds personal data, and the screen beneath the
//! editor. A key typed into one card changes no other card's text, so a
//! frame of 360 cards wraps and searches only what changed. Cards are kept by
//! their text (hashed with the width), so an edit, a resize or another card
//! never meets a stale entry; the screen beneath the editor by the version
//! of what it shows, the second and the size.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::rc::Rc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::card_text;
use super::timer_pane::TimerLayout;

/// What the screen beneath the editor was drawn for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BaseKey {
    /// The version of what it shows but the editor's text.
    pub shown: u64,
    /// The minute on the clock.
    pub minute: i64,
    /// The screen's size.
    pub area: Rect,
    /// The countdown's width in characters, which sets the panes' sizes.
    pub countdown: usize,
    /// The countdown's whole minutes, which the times of the plan and an
    /// overrun are told in.
    pub minutes_left: i64,
}

/// Where, on the screen beneath the editor, the parts drawn over it go.
#[derive(Debug, Clone, Copy, Default)]
pub struct Places {
    /// The editor's place: the board's.
    pub editor: Option<Rect>,
    /// The countdown's, and how it is drawn there.
    pub timer: Option<(Rect, TimerLayout)>,
}

/// Most entries kept of each kind: more than a board shows at once; past it
/// the cache starts over rather than grow without end.
const MOST_KEPT: usize = 4096;

/// Wrapped texts and personal-data marks of the cards drawn lately, and the
/// last screen beneath the editor.
#[derive(Debug, Default)]
pub struct DrawCache {
    fitted: RefCell<HashMap<u64, Rc<Vec<String>>>>,
    flagged: RefCell<HashMap<u64, bool>>,
    base: RefCell<Option<Base>>,
}

/// The screen beneath the editor, as last drawn.
#[derive(Debug)]
struct Base {
    key: BaseKey,
    buffer: Buffer,
    places: Places,
    /// The second its countdown shows.
    second: i64,
}

impl DrawCache {
    /// Copies the screen beneath the editor drawn for `key` into `frame`;
    /// the places drawn over it, or `None` when none was drawn for `key`.
    pub fn restore_base(&self, key: BaseKey, frame: &mut Buffer) -> Option<Places> {
        let base = self.base.borrow();
        let base = base.as_ref()?;
        if base.key != key || base.buffer.area != frame.area {
            return None;
        }
        frame.content.clone_from(&base.buffer.content);
        Some(base.places)
    }

    /// Keeps `buffer`, the screen beneath the editor drawn for `key`, its
    /// countdown showing `second`.
    pub fn keep_base(&self, key: BaseKey, second: i64, buffer: &Buffer, places: Places) {
        *self.base.borrow_mut() = Some(Base {
            key,
            buffer: buffer.clone(),
            places,
            second,
        });
    }

    /// The second the kept screen's countdown shows.
    pub fn countdown_second(&self) -> Option<i64> {
        self.base.borrow().as_ref().map(|base| base.second)
    }

    /// Keeps the countdown in `area` of `buffer`, showing `second`, in the
    /// kept screen.
    pub fn keep_countdown(&self, second: i64, buffer: &Buffer, area: Rect) {
        let mut base = self.base.borrow_mut();
        let Some(base) = base.as_mut() else {
            return;
        };
        if base.buffer.area != buffer.area {
            return;
        }
        for y in area.top()..area.bottom() {
            for x in area.left()..area.right() {
                base.buffer[(x, y)].clone_from(&buffer[(x, y)]);
            }
        }
        base.second = second;
    }

    /// `text` wrapped to `width` cells in at most `max_lines` lines, as
    /// [`card_text::fit`] wraps it.
    pub fn fit(&self, text: &str, width: usize, max_lines: usize) -> Rc<Vec<String>> {
        let key = key(&(text, width, max_lines));
        let mut fitted = self.fitted.borrow_mut();
        if let Some(lines) = fitted.get(&key) {
            return Rc::clone(lines);
        }
        if fitted.len() >= MOST_KEPT {
            fitted.clear();
        }
        let lines = Rc::new(card_text::fit(text, width, max_lines));
        fitted.insert(key, Rc::clone(&lines));
        lines
    }

    /// Whether `text` holds a personal identity number, an e-mail address or
    /// a phone number.
    pub fn holds_personal_data(&self, text: &str) -> bool {
        let key = key(&text);
        let mut flagged = self.flagged.borrow_mut();
        if let Some(found) = flagged.get(&key) {
            return *found;
        }
        if flagged.len() >= MOST_KEPT {
            flagged.clear();
        }
        let found = !crate::session::personal::finds(text).is_empty();
        flagged.insert(key, found);
        found
    }
}

fn key(value: &impl Hash) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cached_card_reads_as_wrapping_it_again_and_a_changed_text_is_wrapped_anew() {
        let cache = DrawCache::default();
        let text = "Närvaro är allas ansvar – skola, socialtjänst och vård möts tidigt.";
        let first = cache.fit(text, 20, 6);
        assert_eq!(*first, card_text::fit(text, 20, 6));
        assert!(Rc::ptr_eq(&first, &cache.fit(text, 20, 6)), "kept");
        let wider = cache.fit(text, 30, 6);
        assert_eq!(*wider, card_text::fit(text, 30, 6));
        let edited = format!("{text} Och elevhälsan.");
        assert_eq!(*cache.fit(&edited, 20, 6), card_text::fit(&edited, 20, 6));
        assert!(cache.holds_personal_data("Ring 070-123 45 67"));
        assert!(!cache.holds_personal_data(text));
        assert!(cache.holds_personal_data("Ring 070-123 45 67"), "kept");
    }
}
