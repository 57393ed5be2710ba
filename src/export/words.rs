//! The summary's own words in Swedish and English.

use crate::agenda::Language;

/// Headings and labels of the summary.
pub struct Words {
    pub seminar: &'static str,
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
    pub private_notes: &'static str,
}

const SV: Words = Words {
    seminar: "Seminarium",
    date: "Datum",
    place: "Plats",
    experts: "Expert",
    groups: "Grupper",
    preparation: "Förberedelse",
    questions: "Frågor",
    whole_room: "Helgrupp",
    group: "Grupp",
    by_theme: "Efter tema",
    assignment: "Till nästa gång",
    time_log: "Tidslogg",
    segment: "Pass",
    planned: "Planerat",
    actual: "Faktiskt",
    started: "Start",
    total: "Totalt",
    minutes: "min",
    on_time: "i tid",
    private_notes: "Privata anteckningar",
};

const EN: Words = Words {
    seminar: "Seminar",
    date: "Date",
    place: "Place",
    experts: "Expert",
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
    private_notes: "Private notes",
};

/// The words of `language`.
pub fn words(language: Language) -> &'static Words {
    match language {
        Language::Sv => &SV,
        Language::En => &EN,
    }
}
