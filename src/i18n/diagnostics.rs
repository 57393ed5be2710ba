//! What is wrong in a file, worded for the person who edits it: the agenda
//! format's rules and the parser's findings, with what was expected.

use std::fmt;

use super::{Language, pick};
use crate::agenda::{MAX_OPTIONS, Rule, Syntax};
use crate::input_file::Unreadable;
use crate::session::Mismatch;

impl Rule {
    /// The broken rule in `language`, with what was expected.
    pub fn text(&self, language: Language) -> String {
        let l = |sv: String, en: String| pick(language, sv, en);
        match self {
            Rule::EmptyTitle => l(
                "titeln är tom (det ska vara seminariets namn)".into(),
                "the title is empty (expected the seminar's name)".into(),
            ),
            Rule::EventNameDefinite => l(
                "event_name saknar bestämd form (det ska finnas definite och definite_plural, t.ex. definite: \"temadagen\", definite_plural: \"temadagarna\")".into(),
                "event_name lacks its definite forms (expected definite and definite_plural, e.g. definite: \"temadagen\", definite_plural: \"temadagarna\")".into(),
            ),
            Rule::NumberZero => l(
                "number är 0 (det ska vara seminariets plats i serien: 1, 2, 3 …)".into(),
                "number is 0 (expected the seminar's place in its series: 1, 2, 3 …)".into(),
            ),
            Rule::Groups { groups, max } => l(
                format!("groups är {groups} (det ska vara 1 till {max})"),
                format!("groups is {groups} (expected 1 to {max})"),
            ),
            Rule::GroupsAndNames { groups, named } => l(
                format!(
                    "groups är {groups} men group_names har {named} namn (det ska vara lika många, eller bara det ena av dem)"
                ),
                format!(
                    "groups is {groups} but group_names names {named} (expected the same number, or only one of the two)"
                ),
            ),
            Rule::AgendaWarning { minutes, max } => l(
                format!("warning_minutes är {minutes} (det ska vara högst {max})"),
                format!("warning_minutes is {minutes} (expected at most {max})"),
            ),
            Rule::NoSegments => l(
                "det finns inga pass (det ska finnas minst ett i `segments: [ … ]`)".into(),
                "there are no segments (expected at least one in `segments: [ … ]`)".into(),
            ),
            Rule::TooLong { total, max } => l(
                format!(
                    "passen blir sammanlagt {total} minuter (det ska vara högst {max}, ett dygn)"
                ),
                format!("the segments add up to {total} minutes (expected at most {max}, one day)"),
            ),
            Rule::EmptySegmentTitle => l(
                "titeln är tom (det ska vara en rubrik för skärmen)".into(),
                "the title is empty (expected a heading for the screen)".into(),
            ),
            Rule::ZeroMinutes => l(
                "minutes är 0 (det ska vara minst 1)".into(),
                "minutes is 0 (expected at least 1)".into(),
            ),
            Rule::TooManyMinutes { minutes, max } => l(
                format!("minutes är {minutes} (det ska vara högst {max})"),
                format!("minutes is {minutes} (expected at most {max})"),
            ),
            Rule::Minimum { minimum, minutes } => l(
                format!("min_minutes är {minimum} (det ska vara 1 till passets {minutes} minuter)"),
                format!("min_minutes is {minimum} (expected 1 to the segment's {minutes} minutes)"),
            ),
            Rule::SegmentWarning { warning, minutes } => l(
                format!(
                    "warning_minutes är {warning} (det ska vara högst passets {minutes} minuter)"
                ),
                format!(
                    "warning_minutes is {warning} (expected at most the segment's {minutes} minutes)"
                ),
            ),
            Rule::BadId { id, .. } => l(
                format!("id `{id}` har andra tecken än a-z, 0-9 och - (t.ex. `gruppsamtal-1`)"),
                format!(
                    "id `{id}` has other characters than a-z, 0-9 and - (expected e.g. `gruppsamtal-1`)"
                ),
            ),
            Rule::IdTwice { id } => l(
                format!("id `{id}` används två gånger (varje id ska finnas en gång)"),
                format!("id `{id}` is used twice (expected every id once)"),
            ),
            // The kinds as the file writes them (`kind: ActionPlan`).
            Rule::OnlyFor { field, owner, kind } => l(
                format!(
                    "`{field}` hör bara till {owner:?}-pass (inget `{field}` i det här {kind:?})"
                ),
                format!(
                    "`{field}` is only for {owner:?} segments (expected no `{field}` in this {kind:?})"
                ),
            ),
            Rule::OnlyForWriting { field, kind } => {
                // Alone or in pairs nobody works in a group, so no group set.
                let (sv, en, kinds) = match *field {
                    "group_set" => (
                        "pass där grupper skriver kort",
                        "segments where groups write cards",
                        "GroupDiscussion, Plenary, Vision, ActionPlan",
                    ),
                    _ => (
                        "pass där kort skrivs",
                        "segments where cards are written",
                        "GroupDiscussion, Individual, Pairs, Plenary, Vision, ActionPlan",
                    ),
                };
                l(
                    format!(
                        "`{field}` hör bara till {sv}: {kinds} (inget `{field}` i det här {kind:?})"
                    ),
                    format!(
                        "`{field}` is only for {en}: {kinds} (expected no `{field}` in this {kind:?})"
                    ),
                )
            }
            Rule::ColumnsTwice { other } => l(
                format!("både `columns` och `{other}` (det ska vara det ena av dem)"),
                format!("both `columns` and `{other}` (expected one of them)"),
            ),
            Rule::RowsWithoutColumns => l(
                "`rows` utan kolumner (det ska finnas `columns: [ … ]` som raderna korsar)".into(),
                "`rows` without columns (expected `columns: [ … ]` for the rows to cross)".into(),
            ),
            Rule::Dots { dots, max } => l(
                format!("dots är {dots} (det ska vara 1 till {max})"),
                format!("dots is {dots} (expected 1 to {max})"),
            ),
            Rule::Priorities { priorities, max } => l(
                format!("priorities är {priorities} (det ska vara 1 till {max})"),
                format!("priorities is {priorities} (expected 1 to {max})"),
            ),
            Rule::UnknownGroupSet { id } => l(
                format!(
                    "gruppindelningen `{id}` finns inte (det ska vara ett id i agendans `group_sets`)"
                ),
                format!(
                    "there is no group set `{id}` (expected an id of the agenda's `group_sets`)"
                ),
            ),
            Rule::GroupSetShape { id } => l(
                format!("gruppindelningen `{id}` ska ha antingen `groups: [ … ]` eller `count: N`"),
                format!(
                    "group set `{id}` has both or neither of `groups` and `count` (expected one of them)"
                ),
            ),
            Rule::SectorCode { code } => l(
                format!(
                    "sektorns kod `{code}` går inte att skriva först på en svarsrad (det ska vara bokstäver, t.ex. `code: \"fr\"`)"
                ),
                format!(
                    "the sector's code `{code}` cannot start an answer line (expected letters, e.g. `code: \"fr\"`)"
                ),
            ),
            Rule::UnknownSector { field, id } => l(
                format!(
                    "`{field}` nämner sektorn `{id}`, som agendan inte har (det ska vara ett id i `sectors`)"
                ),
                format!(
                    "`{field}` names the sector `{id}`, which the agenda lacks (expected an id of `sectors`)"
                ),
            ),
            Rule::Blank { field } => l(
                format!("`{field}` är tom (det ska vara en text)"),
                format!("`{field}` is blank (expected text)"),
            ),
            Rule::NoFollows => l(
                "uppföljningen säger inte vad den följer upp (det ska finnas `follows: \"id\"`, handlingsplanens id)".into(),
                "a follow-up names nothing to follow (expected `follows: \"id\"`, the action plan's id)".into(),
            ),
            Rule::NoStatements => l(
                "enkäten har inga påståenden (det ska finnas `statements: [ … ]`)".into(),
                "a poll has no statements (expected `statements: [ … ]`)".into(),
            ),
            Rule::EmptyStatement { number } => l(
                format!("påstående {number} är tomt (det ska ha en text)"),
                format!("statement {number} is empty (expected its text)"),
            ),
            Rule::QuestionOptions { number, options } => l(
                format!(
                    "fråga {number} har {options} alternativ (det ska vara 2 till {MAX_OPTIONS}, ett per bokstav a–t)"
                ),
                format!(
                    "question {number} has {options} options (expected 2 to {MAX_OPTIONS}, one per letter a–t)"
                ),
            ),
            Rule::BadOption { number, option } => l(
                format!("fråga {number} har alternativet \"{option}\" tomt eller två gånger (det ska finnas en gång)"),
                format!("question {number} has the option \"{option}\" blank or twice (expected once)"),
            ),
            Rule::BreakdownNotChoice { number } => l(
                format!(
                    "fråga {number} har `breakdown` men inte ett svar av några få (det ska vara `kind: YesNo`, `OneOf([…])` eller `Role`)"
                ),
                format!(
                    "question {number} has `breakdown` but not one answer of a few (expected `kind: YesNo`, `OneOf([…])` or `Role`)"
                ),
            ),
            Rule::OtherNotChoice { number } => l(
                format!(
                    "fråga {number} har `other` men inga egna alternativ (det ska vara `kind: OneOf([…])` eller `AnyOf([…])`, vars sista alternativ är \"Annat\")"
                ),
                format!(
                    "question {number} has `other` but no options of its own (expected `kind: OneOf([…])` or `AnyOf([…])`, whose last option is \"Other\")"
                ),
            ),
            Rule::ThemeNotRating { number } => l(
                format!(
                    "fråga {number} har ett tema men besvaras inte på skalan (ett tema är ett medelvärde av påståenden på skalan)"
                ),
                format!(
                    "question {number} has a theme but is not rated on the scale (a theme is a mean of rated statements)"
                ),
            ),
            Rule::ScaleLabels { steps, labels } => l(
                format!(
                    "skalan har {labels} etiketter (det ska vara en för vart och ett av dess {steps} steg, eller bara `min_label` och `max_label`)"
                ),
                format!(
                    "the scale has {labels} labels (expected one for each of its {steps} steps, or only `min_label` and `max_label`)"
                ),
            ),
            Rule::UnknownTheme { theme } => l(
                format!("ingen fråga har temat \"{theme}\" (det ska vara ett `theme` hos någon av `statements`)"),
                format!("no statement has the theme \"{theme}\" (expected the `theme` of one of the `statements`)"),
            ),
            Rule::SplitOutside { higher_from, min, max } => l(
                format!(
                    "`higher_from` är {higher_from} (det ska vara över skalans lägsta värde {min} och högst dess högsta {max})"
                ),
                format!(
                    "`higher_from` is {higher_from} (expected above the scale's lowest value {min} and at most its highest {max})"
                ),
            ),
            Rule::Scale { min, max } => l(
                format!(
                    "skalan går från {min} till {max} (det lägsta värdet ska vara under det högsta, högst 10 steg isär, t.ex. 1 till 5)"
                ),
                format!(
                    "the scale runs from {min} to {max} (expected a lowest value below the highest, at most 10 steps apart, e.g. 1 to 5)"
                ),
            ),
            Rule::ListEmpty { field, min } => l(
                format!("`{field}` är tom (det ska finnas minst {min})"),
                format!("`{field}` is empty (expected at least {min})"),
            ),
            Rule::ListTooLong { field, items, max } => l(
                format!("`{field}` har {items} poster (det ska vara högst {max})"),
                format!("`{field}` has {items} items (expected at most {max})"),
            ),
            Rule::EmptyItem { field, number } => l(
                format!("post {number} i `{field}` är tom (det ska vara en text)"),
                format!("item {number} of `{field}` is empty (expected text)"),
            ),
            Rule::ItemTwice { field, item } => l(
                format!("`{field}` har \"{item}\" två gånger (varje ska finnas en gång)"),
                format!("`{field}` has \"{item}\" twice (expected each once)"),
            ),
        }
    }
}

impl Syntax {
    /// What the parser found, in `language`, with what was expected.
    pub fn text(&self, language: Language) -> String {
        let l = |sv: String, en: String| pick(language, sv, en);
        match self {
            Syntax::Empty => l(
                "filen är tom (det ska vara en agenda: `(title: \"…\", segments: [ … ])`)".into(),
                "the file is empty (expected an agenda: `(title: \"…\", segments: [ … ])`)".into(),
            ),
            Syntax::NotText => Unreadable::NotText.text(language),
            Syntax::EndsEarly => l(
                "filen tar slut för tidigt (resten saknas, t.ex. en avslutande `)` eller `]`)".into(),
                "the file ends too early (expected the rest of the agenda, e.g. a closing `)` or `]`)".into(),
            ),
            Syntax::Comma => l(
                "ett kommatecken saknas (det ska stå `,` mellan två poster)".into(),
                "missing comma (expected `,` between two items)".into(),
            ),
            Syntax::Text => l(
                "det här är ingen text (det ska vara en text inom citattecken)".into(),
                "this is not text (expected a string in double quotes)".into(),
            ),
            Syntax::TextEnd => l(
                "texten avslutas inte (det ska stå ett avslutande `\"`)".into(),
                "unterminated text (expected a closing `\"`)".into(),
            ),
            Syntax::Integer => l(
                "inget heltal (det ska vara t.ex. `15`)".into(),
                "not a whole number (expected e.g. `15`)".into(),
            ),
            Syntax::Boolean => l(
                "inget ja/nej-värde (det ska vara `true` eller `false`)".into(),
                "not a yes/no value (expected `true` or `false`)".into(),
            ),
            Syntax::List => l(
                "ingen lista (det ska stå `[` i början av en lista)".into(),
                "not a list (expected `[` to start a list)".into(),
            ),
            Syntax::ListEnd => l(
                "listan avslutas inte (det ska stå `]`)".into(),
                "the list is not closed (expected `]`)".into(),
            ),
            Syntax::Fields => l(
                "ingen grupp av fält (det ska stå `(` i början av en)".into(),
                "not a group of fields (expected `(` to start one)".into(),
            ),
            Syntax::FieldsEnd => l(
                "det här avslutas inte (det ska stå `)`)".into(),
                "this is not closed (expected `)`)".into(),
            ),
            Syntax::Colon => l(
                "ett kolon saknas (det ska stå `:` efter fältets namn)".into(),
                "missing colon (expected `:` after the field name)".into(),
            ),
            Syntax::FieldName => l(
                "här ska det stå ett fältnamn, t.ex. `title`".into(),
                "expected a field name, e.g. `title`".into(),
            ),
            Syntax::OutOfRange => l(
                "talet är utanför gränserna (det ska vara ett heltal från 0 och uppåt, av rimlig storlek)".into(),
                "the number is out of range (expected a whole number from 0 up, of sensible size)".into(),
            ),
            Syntax::Comment => l(
                "kommentaren avslutas aldrig (det ska stå `*/` i slutet)".into(),
                "the comment is never closed (expected `*/` to end it)".into(),
            ),
            Syntax::Named(name) => l(
                format!("det ska stå `(` i början av {name}"),
                format!("expected `(` to start a {name}"),
            ),
            Syntax::Unexpected(found) => l(
                format!("oväntat tecken {found:?} (det ska vara ett värde, ett fält eller skiljetecken)"),
                format!("unexpected character {found:?} (expected a value, a field or punctuation)"),
            ),
            Syntax::Trailing => l(
                "mer text efter agendans avslutande `)` (inget ska stå efter slutet)".into(),
                "more text after the agenda's closing `)` (expected nothing after the end)".into(),
            ),
            Syntax::Nesting { limit } => l(
                format!("för djupt inbäddat (högst {limit} nivåer av parenteser)"),
                format!("nested too deeply (expected at most {limit} levels of brackets)"),
            ),
            Syntax::UnknownField { found, expected } => l(
                format!("okänt fält `{found}` (det ska vara något av: {})", expected.join(", ")),
                format!("unknown field `{found}` (expected one of: {})", expected.join(", ")),
            ),
            Syntax::MissingField { field, outer } => {
                let (sv_in, en_in) = match outer {
                    Some(outer) => (format!(" i {outer}"), format!(" in {outer}")),
                    None => (String::new(), String::new()),
                };
                l(
                    format!("fältet `{field}` saknas{sv_in} (det ska stå `{field}: …`)"),
                    format!("required field `{field}` is missing{en_in} (expected `{field}: …`)"),
                )
            }
            Syntax::FieldTwice(field) => l(
                format!("fältet `{field}` står två gånger (det ska stå en gång)"),
                format!("field `{field}` is given twice (expected it once)"),
            ),
            Syntax::UnknownValue { found, expected } => l(
                format!("okänt värde `{found}` (det ska vara något av: {})", expected.join(", ")),
                format!("unknown value `{found}` (expected one of: {})", expected.join(", ")),
            ),
            Syntax::WrongType { found, expected } => l(
                format!("här står {found} (det ska vara {expected})"),
                format!("found {found} (expected {expected})"),
            ),
            Syntax::WrongName { found, expected } => l(
                format!("här står `{found}` (det ska vara `{expected}(` eller bara `(`)"),
                format!("found `{found}` (expected `{expected}(` or just `(`)"),
            ),
            Syntax::ClockTime(text) => l(
                format!("\"{text}\" är ingen klocktid (det ska vara \"TT:MM\", t.ex. \"13:00\")"),
                format!("\"{text}\" is not a clock time (expected \"HH:MM\", e.g. \"13:00\")"),
            ),
            Syntax::Date(text) => l(
                format!("\"{text}\" är inget datum (det ska vara \"ÅÅÅÅ-MM-DD\", t.ex. \"2026-03-12\")"),
                format!("\"{text}\" is not a date (expected \"YYYY-MM-DD\", e.g. \"2026-03-12\")"),
            ),
            Syntax::Other(said) => l(
                format!("filen går inte att läsa här (tolken säger: {said})"),
                said.clone(),
            ),
        }
    }
}

impl Mismatch {
    /// What a field of a kept file gets wrong, in `language`.
    pub fn text(&self, language: Language) -> String {
        let l = |sv: String, en: String| pick(language, sv, en);
        match self {
            Mismatch::Agenda(rule) => rule.text(language),
            Mismatch::NoSegment { index, last } => l(
                format!("pass {index} finns inte (det ska vara 0 till {last})"),
                format!("segment {index} does not exist (expected 0 to {last})"),
            ),
            Mismatch::NoGroup { group, last } => l(
                format!("grupp {group} finns inte (det ska vara 0 till {last})"),
                format!("group {group} does not exist (expected 0 to {last})"),
            ),
            Mismatch::Groups { groups, max } => l(
                format!("{groups} grupper (det ska vara 1 till {max})"),
                format!("{groups} groups (expected 1 to {max})"),
            ),
            Mismatch::NoGroupSet { id } => l(
                format!("agendan har ingen gruppindelning `{id}` (det ska vara en i `group_sets`)"),
                format!("the agenda has no group set `{id}` (expected one in `group_sets`)"),
            ),
            Mismatch::SetGroups { groups, planned } => l(
                format!("{groups} grupper (det ska vara agendans {planned})"),
                format!("{groups} groups (expected the agenda's {planned})"),
            ),
            Mismatch::Timings { found, segments } => l(
                format!("{found} tider (det ska vara en per pass: {segments})"),
                format!("{found} timings (expected one per segment: {segments})"),
            ),
            Mismatch::IdTwice { id } => l(
                format!("id {id} används två gånger eller är inte under nästa lediga id"),
                format!("id {id} is used twice or not below the next free id"),
            ),
            Mismatch::NotAPoll => l(
                "svar till ett pass som inte är en enkät".into(),
                "answers for a segment that is no poll".into(),
            ),
            Mismatch::Answers { found, statements } => l(
                format!("{found} svar (det ska vara ett per påstående: {statements})"),
                format!("{found} answers (expected one per statement: {statements})"),
            ),
            Mismatch::OffScale { min, max } => l(
                format!("ett svar utanför skalan (det ska vara {min} till {max})"),
                format!("an answer off the scale (expected {min} to {max})"),
            ),
            Mismatch::NotItsAnswer { statement } => l(
                format!(
                    "svaret på fråga {statement} är inget som frågan tar emot (det ska vara ett av dess alternativ, ja/nej eller en text, efter vad den frågar)"
                ),
                format!(
                    "the answer to question {statement} is none its question takes (expected one of its options, yes/no or a text, as it asks)"
                ),
            ),
            Mismatch::Tallies {
                statements,
                values,
                max,
            } => l(
                format!(
                    "räknade händer utanför påståendena eller skalan (högst {statements} listor med {values}, var och en högst {max})"
                ),
                format!(
                    "hands counted outside the statements or the scale (expected at most {statements} lists of {values}, each at most {max})"
                ),
            ),
            Mismatch::FarDate { year } => l(
                format!(
                    "år {year} är ingen tid för ett seminarium (det ska vara ett år mellan 1970 och 9999)"
                ),
                format!(
                    "the year {year} is no time for a seminar (expected a year from 1970 to 9999)"
                ),
            ),
            Mismatch::NoCard { id } => l(
                format!("kort {id} finns inte"),
                format!("card {id} does not exist"),
            ),
            Mismatch::NoMember { id } => l(
                format!("deltagare {id} finns inte"),
                format!("member {id} does not exist"),
            ),
        }
    }
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Language::En))
    }
}

impl Unreadable {
    /// The reason in `language`.
    pub fn text(&self, language: Language) -> String {
        let l = |sv: String, en: String| pick(language, sv, en);
        match self {
            Unreadable::Io(kind) => super::io_problem(*kind, language).to_owned(),
            Unreadable::NotAFile => l(
                "ingen vanlig fil (det ska vara en fil, inte en mapp, enhet eller pipe)".into(),
                "not a regular file (expected a file, not a folder, device or pipe)".into(),
            ),
            Unreadable::TooLarge { megabytes } => l(
                format!(
                    "filen är större än {megabytes} MB (det ska vara en fil på några kilobyte)"
                ),
                format!(
                    "the file is larger than {megabytes} MB (expected a file of a few kilobytes)"
                ),
            ),
            Unreadable::NotText => l(
                "det är ingen text (det ska vara UTF-8, som varje textredigerare sparar)".into(),
                "this is not text (expected UTF-8, as saved by any text editor)".into(),
            ),
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Language::En))
    }
}

impl fmt::Display for Syntax {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Language::En))
    }
}

impl fmt::Display for Unreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Language::En))
    }
}
