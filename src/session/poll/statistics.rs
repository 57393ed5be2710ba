//! What a poll's answers come to: each question's distribution and mean,
//! and the themes' indices as the follow-up study of the series computes
//! them (seed 001), by sector and by any question that breaks them down.

use crate::agenda::{QuestionKind, Scale, Sector, Sectors, Segment};
use crate::session::SegmentIx;
use crate::session::Session;

use super::model::{Answer, Respondent};

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
    /// Results per question of poll segment `index`: forms and tallies
    /// together. A show of hands for a question of several answers counts
    /// its largest hand as n, not knowing who raised more than one.
    pub fn statement_results(&self, index: SegmentIx) -> Vec<StatementResult> {
        let Some(segment) = self.agenda.segments.get(index.0) else {
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
    pub fn texts_of(&self, index: SegmentIx, statement: usize) -> Vec<&str> {
        let respondents = self.polls.get(&index).map_or(&[][..], |a| &a.respondents);
        respondents
            .iter()
            .filter_map(|respondent| match respondent.answers.get(statement) {
                Some(Answer::Text(text)) => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }

    /// What was written beside statement `statement`'s option that asks for
    /// a text ("Annat, ange vad") in poll segment `index`, form by form.
    pub fn others_of(&self, index: SegmentIx, statement: usize) -> Vec<&str> {
        let respondents = self.polls.get(&index).map_or(&[][..], |a| &a.respondents);
        respondents
            .iter()
            .filter_map(|respondent| respondent.other.get(&statement))
            .map(String::as_str)
            .collect()
    }

    /// The index tables of poll segment `index` by sector, one per theme that
    /// splits, in the order the themes first appear; from typed forms only
    /// (tallies have no respondents).
    pub fn theme_tables(&self, index: SegmentIx) -> Vec<ThemeTable> {
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
    pub fn breakdown_tables(&self, index: SegmentIx) -> Vec<ThemeTable> {
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
    fn answered_poll(&self, index: SegmentIx) -> Option<(&Segment, &[Respondent])> {
        let segment = self.agenda.segments.get(index.0)?;
        let answers = self.polls.get(&index)?;
        Some((segment, &answers.respondents))
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
                match level(value, higher_from) {
                    Level::Lower => total.0 += 1,
                    Level::Higher => total.1 += 1,
                }
                // Nothing to break down by: the total alone, with no column
                // of "Ej angivet" that would only repeat it.
                if cohorts.is_empty() {
                    continue;
                }
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
                match level(value, higher_from) {
                    Level::Lower => *lower += 1,
                    Level::Higher => *higher += 1,
                }
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
    // Switched off: no sector columns at all.
    if !segment.by_sector {
        return Vec::new();
    }
    // The agenda's sectors first, then any other that answered: a respondent
    // never counts only in the total.
    let first = segment.breakdown.len();
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
    sectors[first..].sort_by_key(rank);
    sectors
}
