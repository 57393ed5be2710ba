//! A card of an action plan read as an action item: what to do, and, written
//! last on its last line, who owns it (`@Rektorerna`), by when (`!31/3`) and
//! when it is followed up (`?15/6`). The card keeps the text as typed, so
//! nothing is lost and an edit changes the fields as it changes the words.

use chrono::{Datelike, NaiveDate};

/// What an action-plan card says, with its fields apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionItem {
    /// The action, without the fields.
    pub what: String,
    /// Who does it: a role or a name.
    pub owner: Option<String>,
    /// When it is to be done.
    pub due: Option<NaiveDate>,
    /// When it is followed up.
    pub follow_up: Option<NaiveDate>,
}

impl ActionItem {
    /// Reads `text`; a day written without its year (`31/3`) is the next such
    /// day from `today`.
    pub fn parse(text: &str, today: NaiveDate) -> Self {
        let (before, last) = match text.trim_end().rsplit_once('\n') {
            Some((before, last)) => (Some(before), last),
            None => (None, text.trim_end()),
        };
        let mut item = ActionItem {
            what: String::new(),
            owner: None,
            due: None,
            follow_up: None,
        };
        let mut words = Vec::new();
        let mut owner: Option<Vec<&str>> = None;
        // An owner's name runs on to the next field: "@Anna Berg !31/3".
        let mut in_owner = false;
        for word in last.split_whitespace() {
            let date = |marker: char| word.strip_prefix(marker).and_then(|d| date(d, today));
            if let Some(due) = date('!') {
                item.due = Some(due);
                in_owner = false;
            } else if let Some(follow_up) = date('?') {
                item.follow_up = Some(follow_up);
                in_owner = false;
            } else if let Some(name) = word.strip_prefix('@').filter(|name| !name.is_empty()) {
                owner = Some(vec![name]);
                in_owner = true;
            } else if let Some(owner) = owner.as_mut().filter(|_| in_owner) {
                owner.push(word);
            } else {
                words.push(word);
            }
        }
        item.owner = owner.map(|owner| owner.join(" "));
        let last_words = words.join(" ");
        item.what = match (before, item.has_fields()) {
            (_, false) => text.trim_end().to_owned(),
            (Some(before), true) if last_words.is_empty() => before.trim_end().to_owned(),
            (Some(before), true) => format!("{before}\n{last_words}"),
            (None, true) => last_words,
        };
        item
    }

    /// The action with its owner after it, as a list reads it: "Närvaroteam
    /// (Rektorerna)". The dates have their own columns where it matters.
    pub fn with_owner(&self) -> String {
        match &self.owner {
            Some(owner) => format!("{} ({owner})", self.what),
            None => self.what.clone(),
        }
    }

    /// Whether the card names an owner or a date.
    pub fn has_fields(&self) -> bool {
        self.owner.is_some() || self.due.is_some() || self.follow_up.is_some()
    }
}

/// `2027-03-31`, or `31/3` as the next 31 March from `today`.
fn date(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Some(date);
    }
    let (day, month) = text.split_once('/')?;
    let (day, month) = (day.parse().ok()?, month.parse().ok()?);
    let this_year = NaiveDate::from_ymd_opt(today.year(), month, day)?;
    if this_year >= today {
        Some(this_year)
    } else {
        NaiveDate::from_ymd_opt(today.year() + 1, month, day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
    }

    fn day(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, month, day)
    }

    #[test]
    fn owner_due_and_follow_up_come_off_the_last_line() {
        let item = ActionItem::parse(
            "Kartlägga frånvaron\nper skola @Anna Berg, rektor !31/3 ?2027-06-15",
            today(),
        );
        assert_eq!(item.what, "Kartlägga frånvaron\nper skola");
        assert_eq!(item.owner.as_deref(), Some("Anna Berg, rektor"));
        // 31 March has passed this year: the next one.
        assert_eq!(item.due, day(2027, 3, 31));
        assert_eq!(item.follow_up, day(2027, 6, 15));
        let soon = ActionItem::parse("Möte !15/12", today());
        assert_eq!((soon.what.as_str(), soon.due), ("Möte", day(2026, 12, 15)));
    }

    #[test]
    fn words_that_only_look_like_fields_stay_text() {
        for text in [
            "Mejla anna@skola.se om 3/4 av eleverna",
            "Vad gör vi? !senare",
            "Ett möte 31/2 !31/2",
            "@ ensam",
        ] {
            let item = ActionItem::parse(text, today());
            assert_eq!(item.what, text);
            assert!(!item.has_fields(), "{text}: {item:?}");
        }
    }

    #[test]
    fn a_card_of_fields_only_keeps_the_lines_before() {
        let item = ActionItem::parse("Närvaroteam\n@Elevhälsan", today());
        assert_eq!(item.what, "Närvaroteam");
        assert_eq!(item.owner.as_deref(), Some("Elevhälsan"));
    }
}
