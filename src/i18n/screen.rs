//! The app's own words in Swedish and English.

use super::pick;
use crate::agenda::Language;

/// Every text the screens show that is not from the agenda.
pub struct Strings {
    pub agenda: &'static str,
    pub questions: &'static str,
    pub not_started: &'static str,
    /// The projector's word for a segment not yet started: no instruction
    /// meant for the facilitator.
    pub starting_soon: &'static str,
    /// The projector's time left of a running segment, in whole minutes
    /// rounded up: "50 min kvar".
    pub minutes_left: fn(i64) -> String,
    /// The projector's word once a segment's time has run out.
    pub time_up: &'static str,
    pub paused: &'static str,
    pub done: &'static str,
    pub skipped: &'static str,
    pub ended_at: &'static str,
    pub export_next: &'static str,
    pub break_until: &'static str,
    pub now: &'static str,
    pub planned_end: &'static str,
    pub projected_end: &'static str,
    pub starts_at: &'static str,
    pub starts_in: &'static str,
    pub on_time: &'static str,
    /// After minutes behind the plan: "3 min sent".
    pub late: &'static str,
    /// After minutes ahead of it: "2 min tidigt".
    pub early: &'static str,
    pub group: &'static str,
    pub whole_room: &'static str,
    pub hint: &'static str,
    pub hint_long: &'static str,
    pub too_small: &'static str,
    pub help_title: &'static str,
    pub help_close: &'static str,
    pub keys: &'static [(&'static str, &'static str)],
    /// The projector's keys (`samla present`).
    pub present_keys: &'static [(&'static str, &'static str)],
    pub rebalance_title: &'static str,
    pub rebalance_before: &'static str,
    pub rebalance_after: &'static str,
    pub rebalance_lands: &'static str,
    pub rebalance_still_late: &'static str,
    pub rebalance_confirm: &'static str,
    pub rebalance_nothing_to_cut: &'static str,
    pub not_late: &'static str,
    pub quit_hint: &'static str,
    pub minutes_short: &'static str,
    pub segment_of: &'static str,
    pub new_card: &'static str,
    pub edit_card: &'static str,
    pub private_note: &'static str,
    pub editor_hint: &'static str,
    /// Above the work the last session gave to do until now.
    pub since_last: &'static str,
    /// The editor's title on an item's comment in a follow-up.
    pub comment: &'static str,
    /// How an action plan's card names its owner and dates.
    pub action_fields: &'static str,
    pub delete_title: &'static str,
    pub delete_confirm: &'static str,
    pub no_card: &'static str,
    pub no_columns: &'static str,
    pub nothing_saved: &'static str,
    pub more: &'static str,
    pub groups_above: &'static str,
    pub groups_below: &'static str,
    pub add_card_hint: &'static str,
    pub saved_to: &'static str,
    pub not_saved: &'static str,
    /// What follows [`Strings::not_saved`] and the reason.
    pub not_saved_detail: &'static str,
    /// Changes from the room's phones that wait for the disk: "{n} …".
    pub room_waiting: fn(usize) -> String,
    pub resume_offer: &'static str,
    pub resume_question: &'static str,
    pub cards_word: &'static str,
    pub quit_unsaved_title: &'static str,
    pub quit_unsaved: &'static str,
    pub quit_unsaved_confirm: &'static str,
    pub summary_in: &'static str,
    pub summary_failed: &'static str,
    pub copied: &'static str,
    pub not_copied: &'static str,
    pub next: &'static str,
    pub member_name: &'static str,
    pub group_name: &'static str,
    pub roster_title: &'static str,
    pub roster_hint: &'static str,
    pub roster_empty: &'static str,
    pub present_today: &'static str,
    pub here: &'static str,
    pub lacks: &'static str,
    pub remove_member_title: &'static str,
    pub remove_member_confirm: &'static str,
    pub poll_line: &'static str,
    pub poll_line_hint: &'static str,
    pub line_undone: &'static str,
    pub not_a_poll: &'static str,
    pub answers: &'static str,
    pub mean: &'static str,
    pub dont_know_short: &'static str,
    pub to_fix: &'static str,
}

const SV: Strings = Strings {
    agenda: "Agenda",
    questions: "Frågor",
    not_started: "Inte startad – tryck Mellanslag",
    starting_soon: "Börjar snart",
    minutes_left: |minutes| format!("{minutes} min kvar"),
    time_up: "Tiden är ute",
    paused: "Pausad",
    done: "Klar",
    skipped: "överhoppat",
    ended_at: "Slutade",
    export_next: "x skriver sammanfattningen och kopierar den",
    break_until: "Paus till",
    now: "Nu",
    planned_end: "planerat slut",
    projected_end: "beräknat slut",
    starts_at: "start",
    starts_in: "om",
    on_time: "i tid",
    late: "sent",
    early: "tidigt",
    group: "Grupp",
    whole_room: "Helgrupp",
    hint: "? hjälp",
    hint_long: "Mellanslag start/paus · n/p pass · +/- minut · a kort · ? hjälp",
    too_small: "Terminalen är för liten",
    help_title: "Tangenter",
    present_keys: &[
        ("b", "visa eller dölj gruppernas kort"),
        ("w", "visa eller dölj QR-koden"),
        (
            "Esc / Ctrl+Q",
            "lämna projektorvyn (inget kan gå förlorat här)",
        ),
        ("?", "visa eller dölj hjälpen"),
    ],
    help_close: "Valfri tangent stänger",
    keys: &[
        ("Mellanslag", "starta, pausa eller fortsätt passets timer"),
        ("n / p", "nästa / föregående pass"),
        ("+ / -", "en minut mer / mindre för passet"),
        (
            "r",
            "föreslå en ny tidsplan så att vi slutar i tid (j verkställer)",
        ),
        ("1–9 / 0", "välj grupp 1–9 / helgrupp; ←/→ byter grupp"),
        (
            "a / Alt+1–9",
            "nytt kort för vald grupp, i vald kolumn / i kolumn 1–9",
        ),
        ("Enter", "redigera valt kort; ↑/↓ väljer kort"),
        (
            "Esc / Ctrl+G",
            "i editorn: spara och stäng / avbryt utan att spara",
        ),
        ("Ctrl+Z / Y", "i editorn: ångra / gör om"),
        (
            "t q * . :",
            "etikett, citat, gruppens prioritering, prick + / −",
        ),
        (
            "h / H · Tab",
            "kort en kolumn fram / bak · välj kolumn (Shift+Tab bak)",
        ),
        (
            "m · J / K",
            "kortet till annan grupp (1–9 / 0) · ner / upp i kolumnen",
        ),
        (
            "N · s / k",
            "byt gruppnamn · uppföljning: status / kommentar",
        ),
        ("d", "ta bort valt kort (j/n); ☏-kort från rummet döljs"),
        ("f", "privat anteckning för passet (exporteras inte)"),
        ("x", "skriv sammanfattningen (Markdown) och kopiera den"),
        (
            "w / W / P",
            "rummet: mobilerna skriver / väggen / prioriterar",
        ),
        (
            "c / o / F",
            "enkät: stäng / visa resultaten / fritext blir kort",
        ),
        ("g", "grupper och närvaro: deltagare, sektor, roll"),
        (
            "i / v",
            "enkät: skriv in svarsrader (sk455445) / räkna händer",
        ),
        ("?", "visa eller dölj hjälpen"),
        ("Ctrl+Q", "avsluta"),
    ],
    rebalance_title: "Förslag: kortare pass",
    rebalance_before: "nu",
    rebalance_after: "förslag",
    rebalance_lands: "Med förslaget slutar vi",
    rebalance_still_late: "fortfarande {} min sent",
    rebalance_confirm: "j verkställer · n eller annan tangent avbryter",
    rebalance_nothing_to_cut: "Inga flexibla pass kvar att korta.",
    not_late: "Ingen försening att ta igen",
    quit_hint: "Ctrl+Q avslutar",
    minutes_short: "min",
    segment_of: "av",
    new_card: "Nytt kort",
    edit_card: "Redigera kort",
    private_note: "Privat anteckning",
    editor_hint: "Esc sparar · Ctrl+G avbryter · Ctrl+Z ångra · Ctrl+Y gör om",
    action_fields: "@ansvarig · +samordnare · !31/3 klart · ?15/6 följs upp",
    comment: "Kommentar",
    since_last: "Att göra sedan förra gången:",
    delete_title: "Ta bort kortet?",
    delete_confirm: "j tar bort · n eller annan tangent avbryter",
    no_card: "Inget kort valt – a lägger till ett",
    no_columns: "h flyttar kort mellan kolumner, där passet har sådana",
    nothing_saved: "Tomt kort – inget sparat",
    more: "till",
    groups_above: "ovanför",
    groups_below: "nedanför",
    add_card_hint: " a – nytt kort",
    saved_to: "Sparat i",
    resume_offer: "En påbörjad session av samma agenda finns från i dag:",
    resume_question: "Fortsätta den? [J/n]",
    cards_word: "kort",
    quit_unsaved_title: "Sessionen är inte sparad",
    quit_unsaved: "Datamappen tar inte emot sessionen. Avslutar du skrivs en nödkopia i din hemmapp och sökvägen visas.",
    quit_unsaved_confirm: "j avslutar med nödkopia · n eller annan tangent stannar",
    summary_in: "Sammanfattning i",
    summary_failed: "Kunde inte skriva sammanfattningen",
    copied: "kopierad till urklipp",
    not_copied: "kunde inte kopieras",
    next: "Nästa:",
    member_name: "Deltagarens namn",
    group_name: "Gruppens namn",
    roster_title: "Grupper och närvaro",
    roster_hint: "↑/↓ välj · Mellanslag här · a ny · Enter namn · s sektor · r roll · m flytta · d ta bort · Esc stäng",
    roster_empty: "Inga deltagare ännu – a lägger till en",
    present_today: "Närvaro i dag",
    here: "här",
    lacks: "saknar",
    remove_member_title: "Ta bort deltagaren?",
    remove_member_confirm: "j tar bort · n eller annan tangent avbryter",
    poll_line: "Enkätsvar, rad",
    poll_line_hint: "t.ex. sk455445 · Enter sparar raden · ↑ tar fram en rad att rätta · Ctrl+Z på tom rad ångrar förra · Esc stänger",
    line_undone: "Förra raden ångrad",
    not_a_poll: "i och v gäller enkätpass",
    answers: "svar",
    mean: "medelvärde",
    dont_know_short: "vet ej",
    to_fix: "att rätta (↑ i raden)",
    not_saved: "KAN INTE SPARA",
    not_saved_detail: "anteckningarna finns kvar i minnet, nytt försök varje sekund",
    room_waiting: |n| match n {
        1 => "1 inlägg från rummet väntar".to_owned(),
        n => format!("{n} inlägg från rummet väntar"),
    },
};

const EN: Strings = Strings {
    agenda: "Agenda",
    questions: "Questions",
    not_started: "Not started – press Space",
    starting_soon: "Starting soon",
    minutes_left: |minutes| format!("{minutes} min left"),
    time_up: "Time is up",
    paused: "Paused",
    done: "Done",
    skipped: "skipped",
    ended_at: "Ended",
    export_next: "x writes the summary and copies it",
    break_until: "Break until",
    now: "Now",
    planned_end: "planned end",
    projected_end: "expected end",
    starts_at: "starts",
    starts_in: "in",
    on_time: "on time",
    late: "late",
    early: "early",
    group: "Group",
    whole_room: "Whole room",
    hint: "? help",
    hint_long: "Space start/pause · n/p segment · +/- minute · a card · ? help",
    too_small: "Terminal too small",
    help_title: "Keys",
    present_keys: &[
        ("b", "show or hide the groups' cards"),
        ("w", "show or hide the QR code"),
        (
            "Esc / Ctrl+Q",
            "leave the projector (nothing can be lost here)",
        ),
        ("?", "show or hide this help"),
    ],
    help_close: "Any key closes",
    keys: &[
        ("Space", "start, pause or resume the segment's timer"),
        ("n / p", "next / previous segment"),
        ("+ / -", "one minute more / less for the segment"),
        (
            "r",
            "propose a rebalanced plan that ends on time (y applies)",
        ),
        ("1–9 / 0", "select group 1–9 / the whole room; ←/→ step"),
        (
            "a / Alt+1–9",
            "new card for the selected group, selected column / column 1–9",
        ),
        ("Enter", "edit the selected card; ↑/↓ select cards"),
        (
            "Esc / Ctrl+G",
            "in the editor: save and close / cancel, nothing saved",
        ),
        ("Ctrl+Z / Y", "in the editor: undo / redo"),
        ("t q * . :", "tag, quote, the group's priority, a dot + / −"),
        (
            "h / H · Tab",
            "card a column on / back · next column (Shift+Tab back)",
        ),
        (
            "m · J / K",
            "card to group 1–9 / 0 · down / up in its column",
        ),
        (
            "N · s / k",
            "rename the group · follow-up: status / comment",
        ),
        ("d", "delete the selected card (y/n); hides a ☏ room card"),
        ("f", "private note for this segment (not exported)"),
        ("x", "write the summary (Markdown) and copy it"),
        (
            "w / W / P",
            "the room: phones post / the wall / mark priorities",
        ),
        (
            "c / o / F",
            "poll: close / show the results / free text to cards",
        ),
        ("g", "groups and attendance: participants, sector, role"),
        ("i / v", "poll: type answer lines (sk455445) / count hands"),
        ("?", "show or hide this help"),
        ("Ctrl+Q", "quit"),
    ],
    rebalance_title: "Proposal: shorter segments",
    rebalance_before: "now",
    rebalance_after: "proposed",
    rebalance_lands: "With this plan we end at",
    rebalance_still_late: "still {} min late",
    rebalance_confirm: "y applies · n or any other key cancels",
    rebalance_nothing_to_cut: "No flexible segments left to shorten.",
    not_late: "Not running late: nothing to rebalance",
    quit_hint: "Ctrl+Q quits",
    minutes_short: "min",
    segment_of: "of",
    new_card: "New card",
    edit_card: "Edit card",
    private_note: "Private note",
    editor_hint: "Esc saves · Ctrl+G cancels · Ctrl+Z undo · Ctrl+Y redo",
    action_fields: "@owner · +coordinator · !31/3 due · ?15/6 follow-up",
    comment: "Comment",
    since_last: "To do since last time:",
    delete_title: "Delete this card?",
    delete_confirm: "y deletes · n or any other key cancels",
    no_card: "No card selected – a adds one",
    no_columns: "h moves cards between columns, where the segment has them",
    nothing_saved: "Empty card – nothing saved",
    more: "more",
    groups_above: "above",
    groups_below: "below",
    add_card_hint: " a – new card",
    saved_to: "Saved to",
    resume_offer: "An unfinished session of this agenda exists from today:",
    resume_question: "Continue it? [Y/n]",
    cards_word: "cards",
    quit_unsaved_title: "The session is not saved",
    quit_unsaved: "The data folder refuses the session. If you quit, an emergency copy is written to your home folder and its path shown.",
    quit_unsaved_confirm: "y quits with an emergency copy · n or any other key stays",
    summary_in: "Summary in",
    summary_failed: "Could not write the summary",
    copied: "copied to the clipboard",
    not_copied: "could not be copied",
    next: "Next:",
    member_name: "Participant's name",
    group_name: "The group's name",
    roster_title: "Groups and attendance",
    roster_hint: "↑/↓ select · Space here · a new · Enter name · s sector · r role · m move · d remove · Esc close",
    roster_empty: "No participants yet – a adds one",
    present_today: "Here today",
    here: "here",
    lacks: "lacks",
    remove_member_title: "Remove this participant?",
    remove_member_confirm: "y removes · n or any other key cancels",
    poll_line: "Poll answers, line",
    poll_line_hint: "e.g. sk455445 · Enter saves the line · ↑ brings back a line to fix · Ctrl+Z on an empty line undoes the last · Esc closes",
    line_undone: "Last line undone",
    not_a_poll: "i and v are for poll segments",
    answers: "answers",
    mean: "mean",
    dont_know_short: "don't know",
    to_fix: "to fix (↑ on the line)",
    not_saved: "CANNOT SAVE",
    not_saved_detail: "notes are kept in memory, retrying every second",
    room_waiting: |n| match n {
        1 => "1 post from the room waits".to_owned(),
        n => format!("{n} posts from the room wait"),
    },
};

/// The strings of `language`.
pub fn strings(language: Language) -> &'static Strings {
    match language {
        Language::Sv => &SV,
        Language::En => &EN,
    }
}

/// The keys of counting hands for `question` on `scale`: a digit per value
/// (and `t` for 10, "tio", "ten", on a scale that reaches it), `j`/`n`, or
/// an option's letter.
pub fn tally_hint(
    language: Language,
    scale: &crate::agenda::Scale,
    question: &crate::agenda::Statement,
) -> String {
    use crate::agenda::QuestionKind;
    let keys = match (&question.kind, scale.max) {
        (QuestionKind::Rating, 10..) => pick(language, "0–9, t för 10", "0–9, t for 10").to_owned(),
        (QuestionKind::Rating, max) => format!("{}–{max}", scale.min),
        (QuestionKind::YesNo, _) => {
            let key = |option| crate::session::option_key(&question.kind, option, language);
            format!("{}/{}", key(0), key(1))
        }
        (QuestionKind::Text, _) => String::new(),
        (kind, _) => {
            let last = crate::session::option_letter(kind.options().unwrap_or(1).saturating_sub(1));
            format!("a–{last}")
        }
    };
    let values = match keys.is_empty() {
        true => pick(language, "fritext: inga händer", "free text: no hands").to_owned(),
        false => format!("{keys} {}", pick(language, "en hand", "one hand")),
    };
    let dont_know = match (question.allows_dont_know(scale), language) {
        (false, _) => "",
        (true, Language::Sv) => " · x vet ej",
        (true, Language::En) => " · x don't know",
    };
    pick(
        language,
        format!("Handuppräckning: ↑/↓ fråga · {values}{dont_know} · u ångra · Esc klar"),
        format!("Show of hands: ↑/↓ question · {values}{dont_know} · u undo · Esc done"),
    )
}

#[cfg(test)]
mod tally_hint_tests {
    use super::*;
    use crate::agenda::{QuestionKind, Scale, Statement};

    fn hint(kind: QuestionKind, scale: &Scale, language: Language) -> String {
        let question = Statement {
            kind,
            ..Statement::default()
        };
        tally_hint(language, scale, &question)
    }

    #[test]
    fn the_hands_hint_names_the_keys_of_the_question_counted() {
        let five = Scale {
            min: 1,
            max: 5,
            min_label: None,
            max_label: None,
            labels: Vec::new(),
            dont_know: true,
        };
        let ten = Scale {
            min: 0,
            max: 10,
            ..five.clone()
        };
        let sv = Language::Sv;
        assert!(hint(QuestionKind::Rating, &five, sv).contains("· 1–5 en hand · x vet ej ·"));
        assert!(hint(QuestionKind::Rating, &ten, sv).contains("· 0–9, t för 10 en hand"));
        assert!(hint(QuestionKind::YesNo, &five, sv).contains("· j/n en hand · u ångra"));
        assert!(hint(QuestionKind::YesNo, &five, Language::En).contains("· y/n one hand · u undo"));
        let three = QuestionKind::AnyOf(vec!["a".into(), "b".into(), "c".into()]);
        assert!(hint(three, &five, sv).contains("· a–c en hand ·"));
        let text = hint(QuestionKind::Text, &five, sv);
        assert!(text.contains("· fritext: inga händer · u ångra"), "{text}");
    }
}
