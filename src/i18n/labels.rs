//! Names of the things samla counts and shows: segment kinds, sectors, role
//! categories, and numbers written the language's way.

use crate::agenda::{
    Language, QuestionKind, Role, Sector, Sectors, Segment, SegmentKind, Statement, Task,
};
use crate::session::ItemStatus;
use crate::session::personal::Kind;

/// A sector's name: the one its agenda or series gave it, else the built-in
/// sector's name in `language`, else its id.
pub fn sector_label<'a>(sectors: Sectors<'a>, sector: &'a Sector, language: Language) -> &'a str {
    if let Some(name) = sectors.own_name(sector) {
        return name;
    }
    let built_in = [
        (Sector::SKOLA, "skola", "school"),
        (Sector::SOCIALTJANST, "socialtjänst", "social services"),
        (Sector::HALSOVARD, "hälso- och sjukvård", "healthcare"),
        (Sector::ANNAN, "annan", "other"),
    ];
    match built_in.into_iter().find(|(known, _, _)| known == sector) {
        Some((_, sv, en)) => match language {
            Language::Sv => sv,
            Language::En => en,
        },
        None => sector.id(),
    }
}

/// A sector as a choice or a column's head: its name with a capital, as
/// "Skola", "Hälso- och sjukvård"; in running text it is "skola".
pub fn sector_heading(sectors: Sectors<'_>, sector: &Sector, language: Language) -> String {
    capitalised(sector_label(sectors, sector, language))
}

/// `text` with its first letter in upper case.
pub(super) fn capitalised(text: &str) -> String {
    let mut letters = text.chars();
    letters.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(letters).collect()
    })
}

/// The sector `given` names: by id, code or own name, or by a built-in
/// sector's name as samla writes it in either language ("Socialtjänst",
/// "healthcare"), in any case.
pub fn sector_named(sectors: Sectors<'_>, given: &str) -> Option<Sector> {
    sectors.find(given).or_else(|| {
        let given = given.trim().to_lowercase();
        sectors.all().into_iter().find(|sector| {
            [Language::Sv, Language::En]
                .into_iter()
                .any(|language| sector_label(sectors, sector, language).to_lowercase() == given)
        })
    })
}

/// "skola 3, socialtjänst 2": how many come from each sector.
pub fn sector_counts(
    sectors: Sectors<'_>,
    counts: &[(Sector, usize)],
    language: Language,
) -> String {
    counts
        .iter()
        .map(|(sector, count)| format!("{} {count}", sector_label(sectors, sector, language)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "1 grupp", "3 grupper": a number of groups.
pub fn groups_count(count: usize, language: Language) -> String {
    match (language, count) {
        (Language::Sv, 1) => "1 grupp".to_owned(),
        (Language::Sv, n) => format!("{n} grupper"),
        (Language::En, 1) => "1 group".to_owned(),
        (Language::En, n) => format!("{n} groups"),
    }
}

/// How far an action-plan item has come, with its mark.
pub fn status_label(status: ItemStatus, language: Language) -> &'static str {
    match (language, status) {
        (Language::Sv, ItemStatus::Done) => "✓ Klar",
        (Language::Sv, ItemStatus::UnderWay) => "◐ Pågår",
        (Language::Sv, ItemStatus::NotStarted) => "○ Inte påbörjad",
        (Language::En, ItemStatus::Done) => "✓ Done",
        (Language::En, ItemStatus::UnderWay) => "◐ Under way",
        (Language::En, ItemStatus::NotStarted) => "○ Not started",
    }
}

/// A task between sessions as a checklist's line: "☐ Samla in statistiken
/// — Rektorerna, senast 2027-03-31".
pub fn task_line(task: &Task, by: &str) -> String {
    let mut after = Vec::new();
    if let Some(who) = &task.who {
        after.push(who.clone());
    }
    if let Some(date) = task.by {
        after.push(format!("{by} {}", date.format("%Y-%m-%d")));
    }
    match after.is_empty() {
        true => format!("☐ {}", task.what),
        false => format!("☐ {} — {}", task.what, after.join(", ")),
    }
}

/// "1 rad", "3 rader": rows of a matrix out of sight.
pub fn rows_count(count: usize, language: Language) -> String {
    match (language, count) {
        (Language::Sv, 1) => "1 rad".to_owned(),
        (Language::Sv, n) => format!("{n} rader"),
        (Language::En, 1) => "1 row".to_owned(),
        (Language::En, n) => format!("{n} rows"),
    }
}

/// An action item in running text: "Gemensam rutin (Rektorsgruppen) – klart
/// senast 2027-01-31, följs upp 2027-03-15"; a card without fields as written.
pub fn action_item_line(item: &crate::session::ActionItem, words: &super::Words) -> String {
    let [_, _, due, follow_up] = words.action_columns;
    let dates: Vec<String> = [(due, item.due), (follow_up, item.follow_up)]
        .into_iter()
        .filter_map(|(label, date)| {
            Some(format!(
                "{} {}",
                label.to_lowercase(),
                date?.format("%Y-%m-%d")
            ))
        })
        .collect();
    let what = item.with_owner(words.coordinator);
    match dates.is_empty() {
        true => what,
        false => format!("{what} – {}", dates.join(", ")),
    }
}

/// A count in running text: in words up to twelve, as style guides in both
/// languages have it ("fem grupper", "five groups"), in digits above. A
/// Swedish one is "en", as for "grupp".
pub fn count_in_words(count: usize, language: Language) -> String {
    const SV: [&str; 13] = [
        "noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva",
        "tolv",
    ];
    const EN: [&str; 13] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    let words = match language {
        Language::Sv => &SV,
        Language::En => &EN,
    };
    words
        .get(count)
        .map_or_else(|| whole_number(count, language), |word| (*word).to_owned())
}

/// A kind of personal data, as a warning names it.
pub fn personal_data_label(kind: Kind, language: Language) -> &'static str {
    match (language, kind) {
        (Language::Sv, Kind::IdNumber) => "personnummer",
        (Language::Sv, Kind::Email) => "e-postadress",
        (Language::Sv, Kind::Phone) => "telefonnummer",
        (Language::En, Kind::IdNumber) => "personal identity number",
        (Language::En, Kind::Email) => "e-mail address",
        (Language::En, Kind::Phone) => "phone number",
    }
}

/// The options a question offers, in order: yes and no, the role
/// categories, or its own; none for a rating or free text.
pub fn option_labels(question: &Statement, language: Language) -> Vec<String> {
    match &question.kind {
        QuestionKind::YesNo => match language {
            Language::Sv => vec!["Ja".to_owned(), "Nej".to_owned()],
            Language::En => vec!["Yes".to_owned(), "No".to_owned()],
        },
        QuestionKind::OneOf(options) | QuestionKind::AnyOf(options) => options.clone(),
        QuestionKind::Role => Role::ALL
            .iter()
            .map(|role| role_label(*role, language).to_owned())
            .collect(),
        QuestionKind::Rating | QuestionKind::Text => Vec::new(),
    }
}

/// The name of the option that asks for a text of its own ("Annat, ange
/// vad"), where the question has one.
pub fn other_label(question: &Statement, language: Language) -> Option<String> {
    let option = usize::from(question.other_option()?);
    option_labels(question, language).into_iter().nth(option)
}

/// A role category's name.
pub fn role_label(role: Role, language: Language) -> &'static str {
    match (language, role) {
        (Language::Sv, Role::Ledning) => "chefer/ledning",
        (Language::Sv, Role::Samordnare) => "strateger/samordnare",
        (Language::Sv, Role::MoterBarn) => "möter barn/familj",
        (Language::Sv, Role::Elevhalsa) => "medicinsk elevhälsa",
        (Language::Sv, Role::Sjukvard) => "sjukvård",
        (Language::En, Role::Ledning) => "managers",
        (Language::En, Role::Samordnare) => "strategists/coordinators",
        (Language::En, Role::MoterBarn) => "meets children/families",
        (Language::En, Role::Elevhalsa) => "school health",
        (Language::En, Role::Sjukvard) => "healthcare staff",
    }
}

/// What a segment is called above its title: the exercise's own name when
/// the agenda gives one, else its kind's.
pub fn exercise_label(segment: &Segment, language: Language) -> &str {
    segment
        .exercise
        .as_deref()
        .unwrap_or_else(|| kind_label(segment.kind, language))
}

/// The name of a segment kind, as shown above its title.
pub fn kind_label(kind: SegmentKind, language: Language) -> &'static str {
    use SegmentKind as K;
    match (language, kind) {
        (Language::Sv, K::Welcome) => "Välkommen",
        (Language::Sv, K::Lecture) => "Föreläsning",
        (Language::Sv, K::GroupDiscussion) => "Gruppsamtal",
        (Language::Sv, K::Individual) => "Enskild reflektion",
        (Language::Sv, K::Pairs) => "Samtal i par",
        (Language::Sv, K::Plenary) => "Samtal i helgrupp",
        (Language::Sv, K::Break) => "Paus",
        (Language::Sv, K::Vision) => "Visionsövning",
        (Language::Sv, K::ActionPlan) => "Handlingsplan",
        (Language::Sv, K::Poll) => "Enkät",
        (Language::Sv, K::FollowUp) => "Uppföljning",
        (Language::Sv, K::Closing) => "Avslutning",
        (Language::En, K::Welcome) => "Welcome",
        (Language::En, K::Lecture) => "Lecture",
        (Language::En, K::GroupDiscussion) => "Group discussion",
        (Language::En, K::Individual) => "Individual reflection",
        (Language::En, K::Pairs) => "Pair conversation",
        (Language::En, K::Plenary) => "Whole-room conversation",
        (Language::En, K::Break) => "Break",
        (Language::En, K::Vision) => "Vision exercise",
        (Language::En, K::ActionPlan) => "Action plan",
        (Language::En, K::Poll) => "Poll",
        (Language::En, K::FollowUp) => "Follow-up",
        (Language::En, K::Closing) => "Closing",
    }
}

/// A number with one decimal, in the language's way ("4,2" / "4.2").
pub fn decimal(value: f64, language: Language) -> String {
    // Half away from zero, as a spreadsheet's ROUND does: 26/8 = 3,25 → 3,3.
    // The nudge lifts a half that binary fractions leave a hair below it
    // (2,65 is 2,6499…); a mean or a share of whole counts is never that
    // close to a half without being one.
    let tenths = (value * 10.0 + value.signum() * 1e-9).round();
    let text = format!("{:.1}", tenths / 10.0 + 0.0);
    match language {
        Language::Sv => text.replace('.', ","),
        Language::En => text,
    }
}

/// A whole number with its thousands marked in the language's way: a space
/// that does not break ("50 000"), or a comma ("50,000").
pub fn whole_number(count: usize, language: Language) -> String {
    let mark = match language {
        Language::Sv => '\u{a0}',
        Language::En => ',',
    };
    let digits = count.to_string();
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(mark);
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agenda::SectorDef;

    #[test]
    fn a_half_rounds_away_from_zero_as_a_spreadsheets_round_does() {
        let sv = |value| decimal(value, Language::Sv);
        assert_eq!(sv(26.0 / 8.0), "3,3", "3,25 of eight respondents");
        assert_eq!(sv(2.65), "2,7", "2,65 is 2,6499… in binary");
        assert_eq!(sv(5.0 * 100.0 / 8.0), "62,5");
        assert_eq!(sv(1.0 * 100.0 / 16.0), "6,3", "6,25 %");
        assert_eq!(sv(5.0 * 100.0 / 7.0), "71,4");
        assert_eq!(sv(0.04), "0,0");
        assert_eq!(decimal(15.0 / 4.0, Language::En), "3.8");
        // Not a half: as before.
        assert_eq!(sv(3.249), "3,2");
        assert_eq!(sv(2.0 / 3.0), "0,7");
    }

    #[test]
    fn count_in_words_up_to_twelve_then_digits() {
        assert_eq!(count_in_words(5, Language::Sv), "fem");
        assert_eq!(count_in_words(12, Language::En), "twelve");
        assert_eq!(count_in_words(13, Language::Sv), "13");
    }

    #[test]
    fn thousands_are_marked_as_each_language_marks_them() {
        assert_eq!(whole_number(200, Language::Sv), "200");
        assert_eq!(whole_number(2000, Language::Sv), "2\u{a0}000");
        assert_eq!(whole_number(2_000_000, Language::En), "2,000,000");
    }

    #[test]
    fn a_sector_is_found_by_its_name_in_either_language_as_well_as_by_id_and_code() {
        let built_in = Sectors::new(&[]);
        for given in ["Socialtjänst", "social services", "so", "Socialtjanst"] {
            assert_eq!(
                sector_named(built_in, given),
                Some(Sector::SOCIALTJANST),
                "{given}"
            );
        }
        assert_eq!(
            sector_named(built_in, "Hälso- och sjukvård"),
            Some(Sector::HALSOVARD)
        );
        assert_eq!(sector_named(built_in, "kyrkan"), None);
        let own = [SectorDef {
            id: Sector::new("fritid"),
            name: "Fritidsgården".to_owned(),
            code: Some("fr".to_owned()),
        }];
        let own = Sectors::new(&own);
        assert_eq!(
            sector_named(own, "fritidsgården"),
            Some(Sector::new("fritid"))
        );
        assert_eq!(
            sector_named(own, "skola"),
            None,
            "a list of its own leaves the built-in school out"
        );
    }
}
