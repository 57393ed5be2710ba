//! What an agenda means where it leaves a field out.

use super::model::{Language, Scale};

/// Minutes before the end at which a countdown warns.
pub fn warning_minutes() -> u32 {
    2
}

/// Serde default for flags that are on unless switched off.
pub fn yes() -> bool {
    true
}

fn owned(items: &[&str]) -> Vec<String> {
    items.iter().map(|item| (*item).to_owned()).collect()
}

/// The ROS categories (Regelverk, Organisation, Synsätt) used to sort what
/// participants take home.
pub fn tags(language: Language) -> Vec<String> {
    match language {
        Language::Sv => owned(&["Regelverk", "Organisation", "Synsätt"]),
        Language::En => owned(&["Regulations", "Organisation", "Attitudes"]),
    }
}

/// The three horizons of the action-plan exercise.
pub fn horizons(language: Language) -> Vec<String> {
    match language {
        Language::Sv => owned(&[
            "Vad bör vi göra direkt?",
            "Vad kan vi göra inom ett år?",
            "Vad kan vi göra på längre sikt?",
        ]),
        Language::En => owned(&[
            "What should we do right away?",
            "What can we do within a year?",
            "What can we do in the longer term?",
        ]),
    }
}

/// The headings of the vision exercise.
pub fn vision_headings(language: Language) -> Vec<String> {
    match language {
        Language::Sv => owned(&["Styrkor i dag", "Utvecklingsbehov", "Vision om tio år"]),
        Language::En => owned(&[
            "Strengths today",
            "Development needs",
            "Vision in ten years",
        ]),
    }
}

/// The fewest respondents a breakdown's cell shows to participants.
pub fn min_cell() -> u32 {
    3
}

/// The 1–5 scale of the follow-up surveys, with "vet ej".
pub fn scale(language: Language) -> Scale {
    let (min_label, max_label) = match language {
        Language::Sv => ("Stämmer inte alls", "Stämmer helt"),
        Language::En => ("Strongly disagree", "Strongly agree"),
    };
    Scale {
        min: 1,
        max: 5,
        min_label: Some(min_label.to_owned()),
        max_label: Some(max_label.to_owned()),
        labels: Vec::new(),
        dont_know: true,
    }
}
