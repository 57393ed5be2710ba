//! A poll's answers as kept: each respondent's answers, the tallies of
//! shows of hands, and what may happen to them.

use serde::{Deserialize, Serialize};

use crate::agenda::{QuestionKind, Scale, Sector, Statement};
use crate::session::SegmentIx;
use crate::session::Session;

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

    /// Whether it chose `option`, alone or among others.
    pub fn chose(&self, option: u8) -> bool {
        match self {
            Answer::Choice(choice) => *choice == option,
            Answer::Choices(chosen) => chosen.contains(&option),
            _ => false,
        }
    }

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
            Answer::Text(text) => {
                question.kind == QuestionKind::Text && !crate::session::is_blank(text)
            }
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
    /// What was written beside an option that asks for it ("Annat, ange
    /// vad"), by question from 0.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub other: std::collections::BTreeMap<usize, String>,
    /// The device that answered on the room's page (a number counted within
    /// the session, nothing that tells who); `None` for a paper form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_room: Option<u32>,
}

impl Respondent {
    /// Whether every text beside an option is one `questions` ask for: the
    /// option asks for a text, was chosen, and the text is not blank.
    pub fn others_fit(&self, questions: &[Statement]) -> bool {
        self.other.iter().all(|(&question, text)| {
            let chosen = questions
                .get(question)
                .and_then(Statement::other_option)
                .zip(self.answers.get(question))
                .is_some_and(|(option, answer)| answer.chose(option));
            chosen && !crate::session::is_blank(text)
        })
    }
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
        segment: SegmentIx,
        respondent: Respondent,
    },
    /// Takes back the last paper form (a phone's answer is the phone's to change).
    RemoveLastRespondent { segment: SegmentIx },
    /// A device's answer from the room's page: it takes the place of the
    /// device's earlier answer, if it gave one.
    FromRoom {
        segment: SegmentIx,
        device: u32,
        respondent: Respondent,
    },
    /// Closes the poll to the room's page, or opens it again.
    ToggleClosed { segment: SegmentIx },
    /// Shows the results to the room, or hides them again.
    ToggleRevealed { segment: SegmentIx },
    /// Keeps a line that was not entered, to be fixed later.
    SetAside { segment: SegmentIx, line: String },
    /// Takes the oldest line to fix off the list, to be typed again.
    TakeToFix { segment: SegmentIx },
    /// The free-text answers not yet turned into cards become cards of the
    /// whole room in writing segment `into`.
    TextsToCards { segment: SegmentIx, into: SegmentIx },
    /// One hand more (or, with `delta` -1, less) for an answer to a statement.
    Tally {
        segment: SegmentIx,
        statement: usize,
        answer: Answer,
        delta: i32,
    },
}

impl PollAction {
    /// The poll segment it changes.
    pub fn segment(&self) -> SegmentIx {
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

impl Session {
    /// The answers gathered in segment `index`.
    pub fn poll(&self, index: SegmentIx) -> Option<&PollAnswers> {
        self.polls.get(&index)
    }
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
