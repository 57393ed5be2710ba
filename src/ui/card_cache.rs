//! What drawing a card costs once, kept for the next frame: its text
//! wrapped to a width, and whether it holds personal data. A key typed into
//! one card changes no other card's text, so a frame of 360 cards wraps and
//! searches only what changed. Kept by the text itself (hashed with the
//! width), so an edit, a resize or another card never meets a stale entry.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::rc::Rc;

use super::card_text;

/// Most entries kept of each kind: more than a board shows at once; past it
/// the cache starts over rather than grow without end.
const MOST_KEPT: usize = 4096;

/// Wrapped texts and personal-data marks of the cards drawn lately.
#[derive(Debug, Default)]
pub struct CardCache {
    fitted: RefCell<HashMap<u64, Rc<Vec<String>>>>,
    flagged: RefCell<HashMap<u64, bool>>,
}

impl CardCache {
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
        let cache = CardCache::default();
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
