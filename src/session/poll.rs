//! A poll's answers: ratings, yes/no, choices and free text, typed from paper
//! forms one respondent a line, given on phones, or tallied from a show of
//! hands; their distribution, mean, and the themes' indices as the follow-up
//! study of the series computes them (seed 001), by sector and by any
//! question that breaks them down.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::Session;
use crate::agenda::{Language, QuestionKind, Scale, Sector, Sectors, Segment, Statement};

/// One answer to one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Answer {
    /// A value on the scale.
    Value(u8),
    /// "Vet ej".
    DontKnow,
    /// Left blank.
    Missing,
    /// The option chosen, from the first (for yes/no: yes first).
    Choice(u8),
    /// The options chosen, from the first, in order.
    Choices(Vec<u8>),
    /// Free text.
    Text(String),
}

impl Answer {
    /// Yes, to a yes/no question.
    pub const YES: Answer = Answer::Choice(0);
    /// No, to a yes/no question.
    pub const NO: Answer = Answer::Choice(1);

    /// Whether it is an answer `question` takes, on `scale`.
    pub fn fits(&self, question: &Statement, scale: &Scale) -> bool {
        let options = question.kind.options().unwrap_or(0);
        let option = |choice: &u8| usize::from(*choice) < options;
        match self {
            Answer::Missing => true,
            Answer::DontKnow => question.allows_dont_know(scale),
            Answer::Value(value) => {
                question.kind.is_rating() && (scale.min..=scale.max).contains(value)
            }
            Answer::Choice(choice) => question.kind.is_single_choice() && option(choice),
            Answer::Choices(choices) => {
                matches!(question.kind, QuestionKind::AnyOf(_)) && choices.iter().all(option)
            }
            Answer::Text(text) => question.kind == QuestionKind::Text && !super::is_blank(text),
        }
    }
}

/// One paper form: the respondent's sector and an answer per statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Respondent {
    /// Where they work; `None` when not given.
    pub sector: Option<Sector>,
    /// One answer per statement, in the agenda's order.
    pub answers: Vec<Answer>,
    /// The device that answered on the room's page (a number counted within
    /// the session, nothing that tells who); `None` for a paper form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_room: Option<u32>,
}

/// What a poll segment has gathered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PollAnswers {
    /// Forms typed line by line, in order.
    #[serde(default)]
    pub respondents: Vec<Respondent>,
    /// Hands counted per statement: per scale value from the lowest, then
    /// "vet ej" last.
    #[serde(default)]
    pub tallies: Vec<Vec<u32>>,
    /// Lines typed but not entered, because they were not valid (or the
    /// editor was closed on them): kept to be fixed, counted in nothing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub to_fix: Vec<String>,
    /// Closed with `c`: the room's page takes no more answers.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub closed: bool,
    /// Shown to the room with `o`: the room's page and view show the results.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub revealed: bool,
    /// How many respondents, from the first, have had their free-text
    /// answers turned into cards with `F`: the next `F` turns only the rest.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub carded: usize,
}

fn is_zero(count: &usize) -> bool {
    *count == 0
}

/// A change to a poll's answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum PollAction {
    /// One more form.
    AddRespondent {
        segment: usize,
        respondent: Respondent,
    },
    /// Takes back the last paper form (a phone's answer is the phone's to change).
    RemoveLastRespondent { segment: usize },
    /// A device's answer from the room's page: it takes the place of the
    /// device's earlier answer, if it gave one.
    FromRoom {
        segment: usize,
        device: u32,
        respondent: Respondent,
    },
    /// Closes the poll to the room's page, or opens it again.
    ToggleClosed { segment: usize },
    /// Shows the results to the room, or hides them again.
    ToggleRevealed { segment: usize },
    /// Keeps a line that was not entered, to be fixed later.
    SetAside { segment: usize, line: String },
    /// Takes the oldest line to fix off the list, to be typed again.
    TakeToFix { segment: usize },
    /// The free-text answers not yet turned into cards become cards of the
    /// whole room in writing segment `into`.
    TextsToCards { segment: usize, into: usize },
    /// One hand more (or, with `delta` -1, less) for an answer to a statement.
    Tally {
        segment: usize,
        statement: usize,
        answer: Answer,
        delta: i32,
    },
}

impl PollAction {
    /// The poll segment it changes.
    pub fn segment(&self) -> usize {
        match self {
            Self::AddRespondent { segment, .. }
            | Self::RemoveLastRespondent { segment }
            | Self::FromRoom { segment, .. }
            | Self::ToggleClosed { segment }
            | Self::ToggleRevealed { segment }
            | Self::SetAside { segment, .. }
            | Self::TakeToFix { segment }
            | Self::TextsToCards { segment, .. }
            | Self::Tally { segment, .. } => *segment,
        }
    }
}

/// Parses a respondent line: a sector code (`sk`, `so`, `hs`, `an`, the
/// codes of the agenda's own sectors, or `-` when not given), then one answer
/// per question but free text: a value on the scale, `j` (or `y`) and `n`
/// for yes and no, a letter for an option (`a` the first), the letters of
/// all chosen where several may be, `x` for "vet ej", `-` for blank. Where
/// every answer is one character they may be typed without spaces
/// (`sk455445`). Free-text answers follow, each after a `|`, in the
/// questions' order; the last one keeps any `|` it holds.
pub fn parse_line(
    line: &str,
    questions: &[Statement],
    scale: &Scale,
    sectors: Sectors<'_>,
) -> Result<Respondent, LineProblem> {
    let open = questions
        .iter()
        .filter(|question| question.kind == QuestionKind::Text)
        .count();
    // The last free text keeps any further bar as typed.
    let (line, texts): (&str, Vec<&str>) = match line.split_once('|') {
        Some((line, texts)) => (
            line.trim(),
            texts.splitn(open.max(1), '|').map(str::trim).collect(),
        ),
        None => (line.trim(), Vec::new()),
    };
    let (sector, rest) = match line.strip_prefix('-') {
        Some(rest) => (None, rest),
        None => {
            let code_end = line
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(line.len());
            let (code, rest) = line.split_at(code_end);
            let code = code.to_lowercase();
            match sectors.by_code(&code) {
                Some(sector) => (Some(sector), rest),
                None if code.is_empty() => return Err(LineProblem::NoSector),
                None => return Err(LineProblem::UnknownSector(code)),
            }
        }
    };
    let tokens: Vec<String> = if rest.contains(char::is_whitespace) || scale.max >= 10 {
        rest.split_whitespace().map(str::to_owned).collect()
    } else {
        rest.chars().map(String::from).collect()
    };
    let closed = questions.len() - open;
    if tokens.len() != closed {
        return Err(LineProblem::AnswerCount {
            found: tokens.len(),
            expected: closed,
        });
    }
    if texts.len() > open {
        return Err(LineProblem::TextCount {
            found: texts.len(),
            expected: open,
        });
    }
    let mut tokens = tokens.iter();
    let mut texts = texts.into_iter();
    let answers = questions
        .iter()
        .map(|question| match &question.kind {
            QuestionKind::Text => Ok(match texts.next() {
                Some(text) if !super::is_blank(text) => Answer::Text(text.to_owned()),
                _ => Answer::Missing,
            }),
            _ => parse_answer(tokens.next().map_or("-", String::as_str), question, scale),
        })
        .collect::<Result<Vec<Answer>, LineProblem>>()?;
    Ok(Respondent {
        sector,
        answers,
        from_room: None,
    })
}

/// What is wrong with a respondent line; the message catalogue words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineProblem {
    /// The line does not start with a sector code.
    NoSector,
    /// The line starts with letters that are no sector code.
    UnknownSector(String),
    /// Not one answer per question (free text aside).
    AnswerCount { found: usize, expected: usize },
    /// More free texts than free-text questions.
    TextCount { found: usize, expected: usize },
    /// `x` where the question has no "vet ej".
    DontKnowNotAllowed,
    /// A token that is no value of the scale.
    NotAnAnswer { token: String, min: u8, max: u8 },
    /// A token that is neither yes nor no.
    NotYesNo { token: String },
    /// A token that is no option's letter; `last` is the last option's.
    NotAChoice { token: String, last: char },
}

/// The letter of option `index`: `a` for the first.
pub fn option_letter(index: usize) -> char {
    u8::try_from(index)
        .ok()
        .and_then(|index| b'a'.checked_add(index))
        .map_or('?', char::from)
}

/// The key that gives `option` of a question of `kind` on a respondent line
/// or in a show of hands: `j` (in English `y`) for yes and `n` for no, else
/// the option's letter.
pub fn option_key(kind: &QuestionKind, option: usize, language: Language) -> char {
    match (kind, option, language) {
        (QuestionKind::YesNo, 0, Language::Sv) => 'j',
        (QuestionKind::YesNo, 0, Language::En) => 'y',
        (QuestionKind::YesNo, _, _) => 'n',
        _ => option_letter(option),
    }
}

/// Reads one answer to `question` on `scale`, as a respondent line types it.
pub fn parse_answer(
    token: &str,
    question: &Statement,
    scale: &Scale,
) -> Result<Answer, LineProblem> {
    let options = question.kind.options().unwrap_or(0);
    let option = |letter: char| {
        let index = u32::from(letter.to_ascii_lowercase()).checked_sub(u32::from('a'))?;
        u8::try_from(index)
            .ok()
            .filter(|index| usize::from(*index) < options)
    };
    let not_a_choice = || LineProblem::NotAChoice {
        token: token.to_owned(),
        last: option_letter(options.saturating_sub(1)),
    };
    match token {
        "x" | "X" if question.allows_dont_know(scale) => return Ok(Answer::DontKnow),
        "x" | "X" => return Err(LineProblem::DontKnowNotAllowed),
        "-" => return Ok(Answer::Missing),
        _ => {}
    }
    match &question.kind {
        QuestionKind::YesNo => match token {
            "j" | "J" | "y" | "Y" => Ok(Answer::YES),
            "n" | "N" => Ok(Answer::NO),
            _ => Err(LineProblem::NotYesNo {
                token: token.to_owned(),
            }),
        },
        QuestionKind::OneOf(_) | QuestionKind::Role => {
            let mut letters = token.chars();
            match (letters.next().and_then(option), letters.next()) {
                (Some(choice), None) => Ok(Answer::Choice(choice)),
                _ => Err(not_a_choice()),
            }
        }
        QuestionKind::AnyOf(_) => {
            let mut chosen = token
                .chars()
                .map(option)
                .collect::<Option<Vec<u8>>>()
                .ok_or_else(not_a_choice)?;
            chosen.sort_unstable();
            chosen.dedup();
            Ok(Answer::Choices(chosen))
        }
        QuestionKind::Rating | QuestionKind::Text => match token.parse::<u8>() {
            Ok(value) if (scale.min..=scale.max).contains(&value) => Ok(Answer::Value(value)),
            _ => Err(LineProblem::NotAnAnswer {
                token: token.to_owned(),
                min: scale.min,
                max: scale.max,
            }),
        },
    }
}

/// One statement's results.
#[derive(Debug, Clone, PartialEq)]
pub struct StatementResult {
    /// How many chose each value, from the lowest.
    pub counts: Vec<u32>,
    /// How many said "vet ej".
    pub dont_know: u32,
    /// How many gave a value.
    pub n: u32,
    /// The mean of the values, if any.
    pub mean: Option<f64>,
}

/// Where a respondent's index for a theme falls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Up to 3: the statements held "to a lower degree" (below 3.5 counts here).
    Lower,
    /// 3.5 and above: "to a higher degree".
    Higher,
}

/// The mean of a respondent's values for the statements at `indices`, "vet ej"
/// and blanks left out; `None` when no valid answer is left.
pub fn index(respondent: &Respondent, indices: &[usize]) -> Option<f64> {
    let values: Vec<f64> = indices
        .iter()
        .filter_map(|index| match respondent.answers.get(*index) {
            Some(Answer::Value(value)) => Some(f64::from(*value)),
            _ => None,
        })
        .collect();
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// The level of an index: higher from `higher_from` (3.5 on the follow-up
/// study's 1–5 scale, seed 001), else lower.
pub fn level(index: f64, higher_from: f64) -> Level {
    if index >= higher_from {
        Level::Higher
    } else {
        Level::Lower
    }
}

/// A column of a breakdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cohort {
    /// Those of a sector.
    Sector(Sector),
    /// Those who chose an option of the breakdown's question.
    Option(u8),
    /// Those who did not say: so that the columns add up to the total.
    NotGiven,
}

/// A theme's index table: respondents at each level, per column of a
/// breakdown and in total.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeTable {
    /// The theme's name.
    pub theme: String,
    /// The lowest index that counts as higher.
    pub higher_from: f64,
    /// The question whose answers the columns are; `None` for sectors.
    pub by: Option<usize>,
    /// Per column (in breakdown order): (lower, higher).
    pub columns: Vec<(Cohort, u32, u32)>,
    /// Everyone with an index: (lower, higher).
    pub total: (u32, u32),
}

impl Session {
    /// The answers gathered in segment `index`.
    pub fn poll(&self, index: usize) -> Option<&PollAnswers> {
        self.polls.get(&index)
    }

    /// Results per question of poll segment `index`: forms and tallies
    /// together. A show of hands for a question of several answers counts
    /// its largest hand as n, not knowing who raised more than one.
    pub fn statement_results(&self, index: usize) -> Vec<StatementResult> {
        let Some(segment) = self.agenda.segments.get(index) else {
            return Vec::new();
        };
        let scale = segment.scale_or_default(self.agenda.language);
        let answers = self.polls.get(&index);
        segment
            .statements
            .iter()
            .enumerate()
            .map(|(statement, question)| {
                let mut counts = vec![0u32; question.slots(&scale)];
                let mut count = |slot: usize| {
                    if let Some(total) = counts.get_mut(slot) {
                        *total += 1;
                    }
                };
                let (mut dont_know, mut n) = (0, 0);
                for respondent in answers.iter().flat_map(|a| &a.respondents) {
                    match respondent.answers.get(statement) {
                        Some(Answer::Value(value)) => {
                            count(usize::from(value.saturating_sub(scale.min)));
                            n += 1;
                        }
                        Some(Answer::Choice(choice)) => {
                            count(usize::from(*choice));
                            n += 1;
                        }
                        Some(Answer::Choices(choices)) => {
                            choices
                                .iter()
                                .for_each(|choice| count(usize::from(*choice)));
                            n += 1;
                        }
                        Some(Answer::Text(_)) => n += 1,
                        Some(Answer::DontKnow) => dont_know += 1,
                        Some(Answer::Missing) | None => {}
                    }
                }
                if let Some(tally) = answers.and_then(|a| a.tallies.get(statement)) {
                    let hands = tally.get(..counts.len()).unwrap_or(tally);
                    for (total, hands) in counts.iter_mut().zip(hands) {
                        *total += hands;
                    }
                    n += match question.kind {
                        QuestionKind::AnyOf(_) => hands.iter().copied().max().unwrap_or(0),
                        _ => hands.iter().sum(),
                    };
                    dont_know += tally
                        .get(counts.len()..)
                        .unwrap_or_default()
                        .iter()
                        .sum::<u32>();
                }
                let sum: f64 = counts
                    .iter()
                    .enumerate()
                    .map(|(slot, count)| (f64::from(scale.min) + slot as f64) * f64::from(*count))
                    .sum();
                let mean = (question.kind.is_rating() && n > 0).then(|| sum / f64::from(n));
                StatementResult {
                    counts,
                    dont_know,
                    n,
                    mean,
                }
            })
            .collect()
    }

    /// What each respondent wrote to question `statement` of poll segment
    /// `index`, in the order they came; nothing for a question of another kind.
    pub fn texts_of(&self, index: usize, statement: usize) -> Vec<&str> {
        let respondents = self.polls.get(&index).map_or(&[][..], |a| &a.respondents);
        respondents
            .iter()
            .filter_map(|respondent| match respondent.answers.get(statement) {
                Some(Answer::Text(text)) => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }

    /// The index tables of poll segment `index` by sector, one per theme that
    /// splits, in the order the themes first appear; from typed forms only
    /// (tallies have no respondents).
    pub fn theme_tables(&self, index: usize) -> Vec<ThemeTable> {
        let Some((segment, respondents)) = self.answered_poll(index) else {
            return Vec::new();
        };
        let cohorts = breakdown(segment, self.sectors(), respondents)
            .into_iter()
            .map(Cohort::Sector)
            .collect();
        let cohort_of = |respondent: &Respondent| respondent.sector.clone().map(Cohort::Sector);
        let scale = segment.scale_or_default(self.agenda.language);
        split_tables(segment, &scale, respondents, None, cohorts, &cohort_of)
    }

    /// The index tables of poll segment `index` by each of its breakdown
    /// questions, in the questions' order: per question, a table per theme
    /// that splits.
    pub fn breakdown_tables(&self, index: usize) -> Vec<ThemeTable> {
        let Some((segment, respondents)) = self.answered_poll(index) else {
            return Vec::new();
        };
        let scale = segment.scale_or_default(self.agenda.language);
        let mut tables = Vec::new();
        for (by, question) in segment.statements.iter().enumerate() {
            let Some(options) = question.kind.options().filter(|_| question.breakdown) else {
                continue;
            };
            let cohorts = (0..options)
                .filter_map(|option| u8::try_from(option).ok())
                .map(Cohort::Option)
                .collect();
            let cohort_of = |respondent: &Respondent| match respondent.answers.get(by) {
                Some(Answer::Choice(choice)) => Some(Cohort::Option(*choice)),
                _ => None,
            };
            tables.extend(split_tables(
                segment,
                &scale,
                respondents,
                Some(by),
                cohorts,
                &cohort_of,
            ));
        }
        tables
    }

    /// Segment `index` and the forms it has gathered, if it has any.
    fn answered_poll(&self, index: usize) -> Option<(&Segment, &[Respondent])> {
        let segment = self.agenda.segments.get(index)?;
        let answers = self.polls.get(&index)?;
        Some((segment, &answers.respondents))
    }

    /// Whether `respondent` answers every question of the poll in `segment`,
    /// each with an answer it takes.
    fn fits_poll(&self, segment: usize, respondent: &Respondent) -> bool {
        self.agenda.segments.get(segment).is_some_and(|poll| {
            let scale = poll.scale_or_default(self.agenda.language);
            poll.statements.len() == respondent.answers.len()
                && poll
                    .statements
                    .iter()
                    .zip(&respondent.answers)
                    .all(|(question, answer)| answer.fits(question, &scale))
        })
    }

    pub(super) fn apply_poll(&mut self, action: PollAction, now: DateTime<Utc>) {
        match action {
            PollAction::TextsToCards { segment, into } => {
                let (Some(answers), Some(target)) =
                    (self.polls.get(&segment), self.agenda.segments.get(into))
                else {
                    return;
                };
                if !target.is_writing() {
                    return;
                }
                let texts: Vec<String> = answers.texts_to_card().cloned().collect();
                let carded = answers.respondents.len();
                for text in texts {
                    self.apply_card(
                        super::CardAction::Add {
                            segment: into,
                            group: super::Lane::Plenary,
                            text,
                        },
                        now,
                    );
                }
                if let Some(answers) = self.polls.get_mut(&segment) {
                    answers.carded = carded;
                }
            }
            PollAction::AddRespondent {
                segment,
                respondent,
            } => {
                if self.fits_poll(segment, &respondent) {
                    self.polls
                        .entry(segment)
                        .or_default()
                        .respondents
                        .push(respondent);
                }
            }
            PollAction::RemoveLastRespondent { segment } => {
                if let Some(answers) = self.polls.get_mut(&segment)
                    && let Some(last) = answers
                        .respondents
                        .iter()
                        .rposition(|respondent| respondent.from_room.is_none())
                {
                    answers.respondents.remove(last);
                }
            }
            PollAction::FromRoom {
                segment,
                device,
                mut respondent,
            } => {
                if !self.fits_poll(segment, &respondent) {
                    return;
                }
                respondent.from_room = Some(device);
                let respondents = &mut self.polls.entry(segment).or_default().respondents;
                match respondents
                    .iter_mut()
                    .find(|earlier| earlier.from_room == Some(device))
                {
                    Some(earlier) => *earlier = respondent,
                    None => respondents.push(respondent),
                }
            }
            PollAction::ToggleClosed { segment } => {
                if segment < self.agenda.segments.len() {
                    let answers = self.polls.entry(segment).or_default();
                    answers.closed = !answers.closed;
                }
            }
            PollAction::ToggleRevealed { segment } => {
                if segment < self.agenda.segments.len() {
                    let answers = self.polls.entry(segment).or_default();
                    answers.revealed = !answers.revealed;
                }
            }
            PollAction::SetAside { segment, line } => {
                if segment < self.agenda.segments.len() && !line.trim().is_empty() {
                    self.polls.entry(segment).or_default().to_fix.push(line);
                }
            }
            PollAction::TakeToFix { segment } => {
                if let Some(answers) = self.polls.get_mut(&segment)
                    && !answers.to_fix.is_empty()
                {
                    answers.to_fix.remove(0);
                }
            }
            PollAction::Tally {
                segment,
                statement,
                answer,
                delta,
            } => {
                let Some(poll) = self.agenda.segments.get(segment) else {
                    return;
                };
                let scale = poll.scale_or_default(self.agenda.language);
                let Some(question) = poll.statements.get(statement) else {
                    return;
                };
                let slots = question.slots(&scale) + 1;
                let slot = match answer {
                    Answer::Value(value)
                        if question.kind.is_rating()
                            && (scale.min..=scale.max).contains(&value) =>
                    {
                        usize::from(value - scale.min)
                    }
                    Answer::Choice(choice)
                        if question
                            .kind
                            .options()
                            .is_some_and(|o| usize::from(choice) < o) =>
                    {
                        usize::from(choice)
                    }
                    Answer::DontKnow if question.allows_dont_know(&scale) => slots - 1,
                    _ => return,
                };
                let answers = self.polls.entry(segment).or_default();
                answers.tallies.resize(poll.statements.len(), Vec::new());
                let tally = &mut answers.tallies[statement];
                tally.resize(slots, 0);
                tally[slot] = tally[slot].saturating_add_signed(delta);
            }
        }
    }
}

/// A table per theme of `segment` that splits, from `respondents`: a column
/// per cohort (questions `by` answers, or sectors), and "not given" for
/// those `cohort_of` places in none of them, if any.
fn split_tables(
    segment: &Segment,
    scale: &Scale,
    respondents: &[Respondent],
    by: Option<usize>,
    cohorts: Vec<Cohort>,
    cohort_of: &dyn Fn(&Respondent) -> Option<Cohort>,
) -> Vec<ThemeTable> {
    themes(segment)
        .into_iter()
        .filter_map(|(theme, indices)| {
            // A theme the agenda does not split has no table, only its means.
            let higher_from = segment.split_of(&theme, scale)?;
            let mut columns: Vec<(Cohort, u32, u32)> = cohorts
                .iter()
                .map(|cohort| (cohort.clone(), 0, 0))
                .collect();
            let mut total = (0, 0);
            for respondent in respondents {
                let Some(value) = index(respondent, &indices) else {
                    continue;
                };
                let cohort = cohort_of(respondent)
                    .filter(|cohort| cohorts.contains(cohort))
                    .unwrap_or(Cohort::NotGiven);
                let at = match columns.iter().position(|(c, _, _)| *c == cohort) {
                    Some(at) => at,
                    None => {
                        columns.push((cohort, 0, 0));
                        columns.len() - 1
                    }
                };
                let (_, lower, higher) = &mut columns[at];
                let (level_total, level_column) = match level(value, higher_from) {
                    Level::Lower => (&mut total.0, lower),
                    Level::Higher => (&mut total.1, higher),
                };
                *level_total += 1;
                *level_column += 1;
            }
            Some(ThemeTable {
                theme,
                higher_from,
                by,
                columns,
                total,
            })
        })
        .collect()
}

/// The themes of a poll, in the order they first appear, with their
/// statements' positions; statements without a theme are left out.
pub fn themes(segment: &Segment) -> Vec<(String, Vec<usize>)> {
    let mut found: Vec<(String, Vec<usize>)> = Vec::new();
    for (position, statement) in segment.statements.iter().enumerate() {
        let Some(theme) = &statement.theme else {
            continue;
        };
        match found.iter_mut().find(|(name, _)| name == theme) {
            Some((_, positions)) => positions.push(position),
            None => found.push((theme.clone(), vec![position])),
        }
    }
    found
}

/// The sectors a poll's tables show: the agenda's breakdown and every
/// sector that answered, in the usual order.
fn breakdown(segment: &Segment, known: Sectors<'_>, respondents: &[Respondent]) -> Vec<Sector> {
    // The agenda's sectors first, then any other that answered: a respondent
    // never counts only in the total.
    let mut sectors = segment.breakdown.clone();
    for respondent in respondents {
        if let Some(sector) = &respondent.sector
            && !sectors.contains(sector)
        {
            sectors.push(sector.clone());
        }
    }
    let order = known.all();
    let rank = |sector: &Sector| {
        order
            .iter()
            .position(|s| s == sector)
            .unwrap_or(order.len())
    };
    sectors[segment.breakdown.len()..].sort_by_key(rank);
    sectors
}

impl PollAnswers {
    /// The free-text answers `F` has still to turn into cards, in order.
    pub fn texts_to_card(&self) -> impl Iterator<Item = &String> {
        self.respondents
            .iter()
            .skip(self.carded)
            .flat_map(|respondent| &respondent.answers)
            .filter_map(|answer| match answer {
                Answer::Text(text) => Some(text),
                _ => None,
            })
    }
}
