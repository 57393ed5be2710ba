//! The summary's own words in Swedish and English.

use super::labels::capitalised;
use crate::agenda::Language;

/// Headings and labels of the summary.
pub struct Words {
    pub date: &'static str,
    pub place: &'static str,
    pub experts: &'static str,
    pub groups: &'static str,
    pub preparation: &'static str,
    pub questions: &'static str,
    pub whole_room: &'static str,
    pub group: &'static str,
    pub by_theme: &'static str,
    pub assignment: &'static str,
    pub time_log: &'static str,
    pub segment: &'static str,
    pub planned: &'static str,
    pub actual: &'static str,
    pub started: &'static str,
    pub total: &'static str,
    pub minutes: &'static str,
    pub on_time: &'static str,
    pub skipped: &'static str,
    pub private_notes: &'static str,
    /// The report's list of cards their phones removed, and its columns.
    pub removed_heading: &'static str,
    pub card: &'static str,
    pub removed_when: &'static str,
    pub phone: &'static str,
    pub present: &'static str,
    pub groups_over_series: &'static str,
    pub members: &'static str,
    pub action_plans: &'static str,
    pub statement: &'static str,
    pub dont_know: &'static str,
    pub mean: &'static str,
    pub lower: &'static str,
    pub higher: &'static str,
    pub count: &'static str,
    pub polls: &'static str,
    /// The series' polls, when there are more than two.
    pub polls_over_time: &'static str,
    /// The questions asked in more than one session, each as a trend.
    pub trends: &'static str,
    /// One of them: "Mätning 2".
    pub measurement: &'static str,
    pub higher_share: &'static str,
    pub facilitator: &'static str,
    pub planned_start: &'static str,
    pub scale: &'static str,
    pub cards_per_column: &'static str,
    /// What a segment's group set is introduced with.
    pub group_set: &'static str,
    /// The heading of a group's chosen priorities.
    pub priorities: &'static str,
    /// Above the room's ranking of a segment that votes across the room.
    pub room_ranking: &'static str,
    /// The ranking's columns: place, card, group, dots.
    pub ranking_heads: [&'static str; 4],
    /// The columns of an action plan's table.
    pub action_columns: [&'static str; 4],
    /// The heading of the work to do before the next session.
    pub between: &'static str,
    /// The heading of the work the session before gave to do until now.
    pub since_last: &'static str,
    /// Before a task's date: "senast 2027-03-31".
    pub by: &'static str,
    /// The heading of the action plans' items over the series' follow-ups.
    pub plan_over_time: &'static str,
    /// The columns of a follow-up's table.
    pub follow_up_columns: [&'static str; 6],
    /// Before the name of who coordinates an action beside its owner.
    pub coordinator: &'static str,
    /// After a date that has passed with the action not done.
    pub overdue: &'static str,
    pub ros: &'static str,
    pub months: [&'static str; 12],
    pub removed: &'static str,
    /// One survey form, numbered: "formulär 3".
    pub form: &'static str,
    pub take_home: &'static str,
    pub lines_to_fix: &'static str,
    /// Under a breakdown that hides columns; `{n}` is the fewest shown.
    pub few_hidden: &'static str,
    /// After it, where one more column is hidden with them.
    pub hidden_with_them: &'static str,
    /// The column of those who did not say, in a breakdown.
    pub not_given: &'static str,
    /// The heading of a theme's table broken down by a question's answers:
    /// `{theme}` and `{question}` stand for them.
    pub broken_down_by: &'static str,
    /// The head of a choice's options.
    pub option: &'static str,
    /// Before a segment's speaker: "Föreläsare: Malin Gren Landell".
    pub speaker: &'static str,
    /// Above the cards people wrote alone or in pairs.
    pub written: &'static str,
    /// The report's first line: internal, and why.
    pub internal: &'static str,
    /// Before the title in the report's e-mail subject.
    pub report_subject: &'static str,
    /// The workbook's sheet of cards.
    pub cards_sheet: &'static str,
    /// After a survey's name: the sheet of its forms.
    pub forms_sheet: &'static str,
    /// The heads of the forms' first columns: number, how it came, sector.
    pub form_heads: [&'static str; 3],
    /// A form that came on paper.
    pub paper: &'static str,
    /// The heads of a scale's table: its values and what each means.
    pub scale_heads: [&'static str; 2],
}

const SV: Words = Words {
    date: "Datum",
    place: "Plats",
    experts: "Medverkande expert",
    groups: "Grupper",
    preparation: "Förberedelser",
    questions: "Frågor",
    whole_room: "Helgrupp",
    group: "Grupp",
    by_theme: "Per tema",
    assignment: "Till nästa gång",
    time_log: "Tidslogg",
    segment: "Pass",
    planned: "Planerat",
    actual: "Faktiskt",
    started: "Start",
    total: "Totalt",
    minutes: "min",
    on_time: "i tid",
    skipped: "hoppades över",
    private_notes: "Privata anteckningar",
    removed_heading: "Kort som togs bort från telefonerna",
    card: "Kort",
    removed_when: "Borttaget",
    phone: "telefon",
    present: "Närvarande",
    groups_over_series: "Gruppernas arbete genom serien",
    members: "Deltagare",
    action_plans: "Handlingsplanerna sida vid sida",
    statement: "Påstående",
    dont_know: "Vet ej",
    mean: "Medel",
    lower: "I lägre grad",
    higher: "I högre grad",
    count: "antal",
    polls: "Enkäterna före och efter",
    polls_over_time: "Enkäterna över tid",
    trends: "Frågorna över tid",
    measurement: "Mätning",
    higher_share: "i högre grad",
    facilitator: "Processledare",
    planned_start: "Planerad start",
    scale: "Skala",
    cards_per_column: "Antal kort per grupp och kolumn:",
    priorities: "Prioriterat",
    room_ranking: "Rummets prioritering",
    ranking_heads: ["Plats", "Kort", "Grupp", "Prickar"],
    group_set: "Gruppindelning",
    action_columns: ["Åtgärd", "Ansvarig", "Klart senast", "Följs upp"],
    follow_up_columns: [
        "Åtgärd",
        "Ansvarig",
        "Klart senast",
        "Följs upp",
        "Status",
        "Kommentar",
    ],
    coordinator: "samordnare",
    overdue: "passerat",
    plan_over_time: "Handlingsplanens status över tid",
    between: "Att göra till nästa gång",
    since_last: "Att göra sedan förra gången",
    by: "senast",
    ros: "Taggarna följer ROS: regelverk, organisation och synsätt.",
    removed: "[borttaget]",
    form: "formulär",
    take_home: "Att ta med hem",
    lines_to_fix: "Rader som väntar på att rättas (inte räknade)",
    few_hidden: "Färre än {n} svarande visas som < {n}.",
    hidden_with_them: "Ett – döljer ytterligare en grupp, så att de inte kan räknas fram ur totalen.",
    not_given: "Ej angivet",
    broken_down_by: "{theme} efter svaren på ”{question}”",
    option: "Svar",
    speaker: "Föreläsare",
    written: "Det som skrevs",
    internal: "Internt: processledarens rapport. Den visar små antal per sektor som sammanfattningen till deltagarna döljer, så skicka den inte vidare.",
    report_subject: "Processledarens rapport",
    cards_sheet: "Kort",
    forms_sheet: "formulär",
    form_heads: ["Nr", "Lämnat via", "Sektor"],
    paper: "papper",
    scale_heads: ["Värde", "Betydelse"],
    months: [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ],
};

const EN: Words = Words {
    date: "Date",
    place: "Place",
    experts: "Contributing expert",
    groups: "Groups",
    preparation: "Preparation",
    questions: "Questions",
    whole_room: "Whole room",
    group: "Group",
    by_theme: "By theme",
    assignment: "Until next time",
    time_log: "Time log",
    segment: "Segment",
    planned: "Planned",
    actual: "Actual",
    started: "Started",
    total: "Total",
    minutes: "min",
    on_time: "on time",
    skipped: "skipped",
    private_notes: "Private notes",
    removed_heading: "Cards removed from the phones",
    card: "Card",
    removed_when: "Removed",
    phone: "phone",
    present: "Present",
    groups_over_series: "The groups' work through the series",
    members: "Members",
    action_plans: "The action plans side by side",
    statement: "Statement",
    dont_know: "Don't know",
    mean: "Mean",
    lower: "To a lower degree",
    higher: "To a higher degree",
    count: "count",
    polls: "The surveys before and after",
    polls_over_time: "The surveys over time",
    trends: "The questions over time",
    measurement: "Measurement",
    higher_share: "to a higher degree",
    facilitator: "Facilitator",
    planned_start: "Planned start",
    scale: "Scale",
    cards_per_column: "Cards per group and column:",
    priorities: "Priorities",
    room_ranking: "The room's priorities",
    ranking_heads: ["Place", "Card", "Group", "Dots"],
    group_set: "Groups",
    action_columns: ["Action", "Owner", "Due", "Follow-up"],
    follow_up_columns: ["Action", "Owner", "Due", "Follow-up", "Status", "Comment"],
    coordinator: "coordinator",
    overdue: "overdue",
    plan_over_time: "The action plan's status over time",
    between: "To do before next time",
    since_last: "To do since last time",
    by: "by",
    ros: "The tags follow ROS: rules (regelverk), organisation and outlook (synsätt).",
    removed: "[removed]",
    form: "form",
    take_home: "To take home",
    lines_to_fix: "Lines waiting to be fixed (not counted)",
    few_hidden: "Fewer than {n} respondents are shown as < {n}.",
    hidden_with_them: "A – hides one more group, so that they cannot be worked out from the total.",
    not_given: "Not given",
    broken_down_by: "{theme} by the answers to “{question}”",
    option: "Answer",
    speaker: "Speaker",
    written: "What was written",
    internal: "Internal: the facilitator's report. It shows small counts per sector that the participants' summary hides, so do not pass it on.",
    report_subject: "Facilitator's report",
    cards_sheet: "Cards",
    forms_sheet: "forms",
    form_heads: ["No.", "Given on", "Sector"],
    paper: "paper",
    scale_heads: ["Value", "Meaning"],
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
};

/// What the documents and screens call the event, in the forms they need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventWords {
    /// "Seminarium", as in "Seminarium 3".
    pub label: String,
    /// In running text, definite: "seminariet", "the workshop".
    pub in_text: String,
    /// The series summary's heading of its events: "Seminarier".
    pub events: String,
    pub participants: String,
    pub roles: String,
    pub assignments: String,
    /// What the screens and the room's page say once the last segment has ended.
    pub over: String,
}

/// The words for `agenda`'s event in `language`: its own word where it
/// gives one in that language, else its kind's.
pub fn event_words(agenda: &crate::agenda::Agenda, language: Language) -> EventWords {
    event_named(&agenda.event_name(language), language)
}

/// The words for an event called `name`, in `language`.
pub fn event_named(name: &crate::agenda::EventName, language: Language) -> EventWords {
    let singular = &name.singular;
    let plural = &name.plural;
    match language {
        Language::Sv => {
            let definite = name.definite.clone().unwrap_or_else(|| singular.clone());
            let definite_plural = name
                .definite_plural
                .clone()
                .unwrap_or_else(|| plural.clone());
            // "mötet är avslutat", "temadagen är avslutad": the definite
            // article's -t or -n says which.
            let ended = match definite.ends_with('t') {
                true => "avslutat",
                false => "avslutad",
            };
            EventWords {
                label: capitalised(singular),
                over: format!("{} är {ended}", capitalised(&definite)),
                in_text: definite,
                events: capitalised(plural),
                participants: format!("Deltagare per {singular}"),
                roles: format!("Roller per {singular}"),
                assignments: format!("Uppdrag mellan {definite_plural}"),
            }
        }
        Language::En => {
            let definite = name
                .definite
                .clone()
                .unwrap_or_else(|| format!("the {singular}"));
            EventWords {
                label: capitalised(singular),
                over: format!("{} is over", capitalised(&definite)),
                in_text: definite,
                events: capitalised(plural),
                participants: format!("Participants per {singular}"),
                roles: format!("Roles per {singular}"),
                assignments: format!("Assignments between {plural}"),
            }
        }
    }
}

/// The words of `language`.
pub fn words(language: Language) -> &'static Words {
    match language {
        Language::Sv => &SV,
        Language::En => &EN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agenda::{Event, EventName};

    fn named(forms: [&str; 4]) -> EventName {
        EventName {
            singular: forms[0].to_owned(),
            plural: forms[1].to_owned(),
            definite: Some(forms[2].to_owned()),
            definite_plural: Some(forms[3].to_owned()),
        }
    }

    #[test]
    fn an_events_own_word_ends_as_its_definite_form_says() {
        let day = event_named(
            &named(["temadag", "temadagar", "temadagen", "temadagarna"]),
            Language::Sv,
        );
        assert_eq!(day.over, "Temadagen är avslutad");
        assert_eq!(day.label, "Temadag");
        assert_eq!(day.assignments, "Uppdrag mellan temadagarna");
        let meeting = event_named(
            &named([
                "uppföljningsmöte",
                "uppföljningsmöten",
                "uppföljningsmötet",
                "uppföljningsmötena",
            ]),
            Language::Sv,
        );
        assert_eq!(meeting.over, "Uppföljningsmötet är avslutat");
        assert_eq!(meeting.in_text, "uppföljningsmötet");
    }

    #[test]
    fn english_derives_the_definite_forms() {
        let name = EventName {
            singular: "theme day".to_owned(),
            plural: "theme days".to_owned(),
            definite: None,
            definite_plural: None,
        };
        let words = event_named(&name, Language::En);
        assert_eq!(words.in_text, "the theme day");
        assert_eq!(words.over, "The theme day is over");
        assert_eq!(words.events, "Theme days");
        assert_eq!(words.assignments, "Assignments between theme days");
    }

    #[test]
    fn the_kinds_own_words_read_as_they_always_have() {
        let seminar = event_named(&Event::Seminar.name(Language::Sv), Language::Sv);
        assert_eq!(seminar.over, "Seminariet är avslutat");
        assert_eq!(seminar.events, "Seminarier");
        assert_eq!(seminar.participants, "Deltagare per seminarium");
        let workshop = event_named(&Event::Workshop.name(Language::Sv), Language::Sv);
        assert_eq!(workshop.over, "Workshoppen är avslutad");
        assert_eq!(workshop.assignments, "Uppdrag mellan workshopparna");
        let dialogue = event_named(&Event::Dialogue.name(Language::En), Language::En);
        assert_eq!(dialogue.over, "The dialogue meeting is over");
        assert_eq!(dialogue.label, "Dialogue meeting");
    }
}
