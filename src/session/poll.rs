//! Rating statements: answers typed from paper forms one respondent a line, or
//! tallied from a show of hands; their distribution, mean, and the themes'
//! indices as the follow-up study of the series computes them (seed 001).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Session;
use crate::agenda::{Scale, Sector, Sectors, Segment};

/// One answer to one statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Answer {
    /// A value on the scale.
    Value(u8),
    /// "Vet ej".
    DontKnow,
    /// Left blank.
    Missing,
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
    /// One hand more (or, with `delta` -1, less) for an answer to a statement.
    Tally {
        segment: usize,
        statement: usize,
        answer: Answer,
        delta: i32,
    },
}

/// Parses a respondent line: a sector code (`sk`, `so`, `hs`, `an`, the
/// codes of the agenda's own sectors, or `-` when not given), then one answer per statement: a value on the scale, `x`
/// for "vet ej", `-` for blank. With single-digit scales the answers may be
/// typed without spaces (`sk455445`).
pub fn parse_line(
    line: &str,
    statements: usize,
    scale: &Scale,
    sectors: Sectors<'_>,
) -> Result<Respondent, LineProblem> {
    let line = line.trim();
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
    let answers = tokens
        .iter()
        .map(|token| answer(token, scale))
        .collect::<Result<Vec<Answer>, LineProblem>>()?;
    if answers.len() != statements {
        return Err(LineProblem::AnswerCount {
            found: answers.len(),
            expected: statements,
        });
    }
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
    /// Not one answer per statement.
    AnswerCount { found: usize, expected: usize },
    /// `x` where the poll has no "vet ej".
    DontKnowNotAllowed,
    /// A token that is no value of the scale.
    NotAnAnswer { token: String, min: u8, max: u8 },
}

fn answer(token: &str, scale: &Scale) -> Result<Answer, LineProblem> {
    match token {
        "x" | "X" if scale.dont_know => Ok(Answer::DontKnow),
        "x" | "X" => Err(LineProblem::DontKnowNotAllowed),
        "-" => Ok(Answer::Missing),
        _ => match token.parse::<u8>() {
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

/// A theme's index table: respondents at each level, per sector and in total.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeTable {
    /// The theme's name.
    pub theme: String,
    /// The lowest index that counts as higher.
    pub higher_from: f64,
    /// Per sector shown (in breakdown order): (lower, higher).
    pub by_sector: Vec<(Sector, u32, u32)>,
    /// Everyone with an index, whatever their sector: (lower, higher).
    pub total: (u32, u32),
}

impl Session {
    /// The answers gathered in segment `index`.
    pub fn poll(&self, index: usize) -> Option<&PollAnswers> {
        self.polls.get(&index)
    }

    /// Results per statement of poll segment `index`: forms and tallies together.
    pub fn statement_results(&self, index: usize) -> Vec<StatementResult> {
        let Some(segment) = self.agenda.segments.get(index) else {
            return Vec::new();
        };
        let scale = segment.scale_or_default(self.agenda.language);
        let values = usize::from(scale.max - scale.min) + 1;
        let answers = self.polls.get(&index);
        (0..segment.statements.len())
            .map(|statement| {
                let mut counts = vec![0u32; values];
                let mut dont_know = 0;
                for respondent in answers.iter().flat_map(|a| &a.respondents) {
                    match respondent.answers.get(statement) {
                        Some(Answer::Value(value)) => {
                            counts[usize::from(value - scale.min)] += 1;
                        }
                        Some(Answer::DontKnow) => dont_know += 1,
                        _ => {}
                    }
                }
                if let Some(tally) = answers.and_then(|a| a.tallies.get(statement)) {
                    for (slot, count) in tally.iter().enumerate() {
                        match counts.get_mut(slot) {
                            Some(total) => *total += count,
                            None => dont_know += count,
                        }
                    }
                }
                let n: u32 = counts.iter().sum();
                let sum: f64 = counts
                    .iter()
                    .enumerate()
                    .map(|(slot, count)| (f64::from(scale.min) + slot as f64) * f64::from(*count))
                    .sum();
                StatementResult {
                    counts,
                    dont_know,
                    n,
                    mean: (n > 0).then(|| sum / f64::from(n)),
                }
            })
            .collect()
    }

    /// The index tables of poll segment `index`, one per theme that splits,
    /// in the order the themes first appear; from typed forms only (tallies have no
    /// respondents).
    pub fn theme_tables(&self, index: usize) -> Vec<ThemeTable> {
        let (Some(segment), Some(answers)) =
            (self.agenda.segments.get(index), self.polls.get(&index))
        else {
            return Vec::new();
        };
        let sectors = breakdown(segment, self.sectors(), &answers.respondents);
        let scale = segment.scale_or_default(self.agenda.language);
        themes(segment)
            .into_iter()
            .filter_map(|(theme, indices)| {
                // A theme the agenda does not split has no table, only its means.
                let higher_from = segment.split_of(&theme, &scale)?;
                let mut by_sector: BTreeMap<Sector, (u32, u32)> = BTreeMap::new();
                let mut total = (0, 0);
                for respondent in &answers.respondents {
                    let Some(value) = super::poll::index(respondent, &indices) else {
                        continue;
                    };
                    let slot = |counts: &mut (u32, u32)| match level(value, higher_from) {
                        Level::Lower => counts.0 += 1,
                        Level::Higher => counts.1 += 1,
                    };
                    slot(&mut total);
                    if let Some(sector) = respondent.sector.as_ref().filter(|s| sectors.contains(s))
                    {
                        slot(by_sector.entry(sector.clone()).or_default());
                    }
                }
                Some(ThemeTable {
                    theme,
                    higher_from,
                    by_sector: sectors
                        .iter()
                        .map(|sector| {
                            let (lower, higher) =
                                by_sector.get(sector).copied().unwrap_or_default();
                            (sector.clone(), lower, higher)
                        })
                        .collect(),
                    total,
                })
            })
            .collect()
    }

    /// Whether `respondent` answers every statement of the poll in `segment`.
    fn fits_poll(&self, segment: usize, respondent: &Respondent) -> bool {
        self.agenda
            .segments
            .get(segment)
            .is_some_and(|poll| poll.statements.len() == respondent.answers.len())
    }

    pub(super) fn apply_poll(&mut self, action: PollAction) {
        match action {
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
                let slots = usize::from(scale.max - scale.min) + 2;
                let slot = match answer {
                    Answer::Value(value) if (scale.min..=scale.max).contains(&value) => {
                        usize::from(value - scale.min)
                    }
                    Answer::DontKnow if scale.dont_know => slots - 1,
                    _ => return,
                };
                if statement >= poll.statements.len() {
                    return;
                }
                let answers = self.polls.entry(segment).or_default();
                answers.tallies.resize(poll.statements.len(), Vec::new());
                let tally = &mut answers.tallies[statement];
                tally.resize(slots, 0);
                tally[slot] = tally[slot].saturating_add_signed(delta);
            }
        }
    }
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
