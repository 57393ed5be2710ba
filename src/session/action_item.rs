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
    /// Who coordinates it beside the owner (`+Name`).
    pub coordinator: Option<String>,
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
            coordinator: None,
            due: None,
            follow_up: None,
        };
        let mut words = Vec::new();
        let (mut owner, mut coordinator): (Option<Vec<&str>>, Option<Vec<&str>>) = (None, None);
        // A name runs on to the next field: "@Anna Berg +Bo Ek !31/3".
        #[derive(PartialEq)]
        enum Name {
            None,
            Owner,
            Coordinator,
        }
        let mut in_name = Name::None;
        for word in last.split_whitespace() {
            let date = |marker: char| word.strip_prefix(marker).and_then(|d| date(d, today));
            let name = |marker: char| word.strip_prefix(marker).filter(|name| !name.is_empty());
            if let Some(due) = date('!') {
                item.due = Some(due);
                in_name = Name::None;
            } else if let Some(follow_up) = date('?') {
                item.follow_up = Some(follow_up);
                in_name = Name::None;
            } else if let Some(name) = name('@') {
                owner = Some(vec![name]);
                in_name = Name::Owner;
            } else if let Some(name) = name('+') {
                coordinator = Some(vec![name]);
                in_name = Name::Coordinator;
            } else if let (Name::Owner, Some(owner)) = (&in_name, owner.as_mut()) {
                owner.push(word);
            } else if let (Name::Coordinator, Some(coordinator)) = (&in_name, coordinator.as_mut())
            {
                coordinator.push(word);
            } else {
                words.push(word);
            }
        }
        item.owner = owner.map(|owner| owner.join(" "));
        item.coordinator = coordinator.map(|coordinator| coordinator.join(" "));
        let last_words = words.join(" ");
        item.what = match (before, item.has_fields()) {
            (_, false) => text.trim_end().to_owned(),
            (Some(before), true) if last_words.is_empty() => before.trim_end().to_owned(),
            (Some(before), true) => format!("{before}\n{last_words}"),
            (None, true) => last_words,
        };
        item
    }

    /// The action with who owns it after it, as a list reads it:
    /// "Närvaroteam (Rektorerna)". The dates have their own columns where it
    /// matters.
    pub fn with_owner(&self, coordinator: &str) -> String {
        match self.owners(coordinator) {
            owners if owners.is_empty() => self.what.clone(),
            owners => format!("{} ({owners})", self.what),
        }
    }

    /// The owner and the coordinator: "Rektorerna; samordnare Anna Berg",
    /// with `coordinator` the language's word; empty when neither is named.
    pub fn owners(&self, coordinator: &str) -> String {
        match (&self.owner, &self.coordinator) {
            (Some(owner), Some(by)) => format!("{owner}; {coordinator} {by}"),
            (Some(owner), None) => owner.clone(),
            (None, Some(by)) => format!("{coordinator} {by}"),
            (None, None) => String::new(),
        }
    }

    /// Whether the card names an owner, a coordinator or a date.
    pub fn has_fields(&self) -> bool {
        self.owner.is_some()
            || self.coordinator.is_some()
            || self.due.is_some()
            || self.follow_up.is_some()
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
    fn a_coordinator_stands_beside_the_owner() {
        let item = ActionItem::parse("Gemensam rutin @Rektorsgruppen +Anna Berg !31/1", today());
        assert_eq!(item.what, "Gemensam rutin");
        assert_eq!(item.owner.as_deref(), Some("Rektorsgruppen"));
        assert_eq!(item.coordinator.as_deref(), Some("Anna Berg"));
        assert_eq!(
            item.owners("samordnare"),
            "Rektorsgruppen; samordnare Anna Berg"
        );
        assert_eq!(
            item.with_owner("samordnare"),
            "Gemensam rutin (Rektorsgruppen; samordnare Anna Berg)"
        );
        assert!(!ActionItem::parse("3 + 4 = 7", today()).has_fields());
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
