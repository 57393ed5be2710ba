//! A paper form as one typed line: the sector, an answer per question, the
//! free texts after `|`; and one answer from its keys.

use crate::agenda::{Language, QuestionKind, Scale, Sectors, Statement};

use super::model::{Answer, Respondent};

/// What a typed form says for "none of the options" where several may be
/// chosen: an answer, unlike `-`, a question left blank.
pub const NONE_CHOSEN: &str = "0";

/// Parses a respondent line: a sector code (`sk`, `so`, `hs`, `an`, the
/// codes of the agenda's own sectors, or `-` when not given), then one answer
/// per question but free text: a value on the scale, `j` (or `y`) and `n`
/// for yes and no, a letter for an option (`a` the first), the letters of
/// all chosen where several may be (`0` for none chosen), `x` for "vet ej",
/// `-` for blank. Where
/// every answer is one character they may be typed without spaces
/// (`sk455445`). Texts follow, each after a `|`, in the questions' order:
/// the free texts, and the text of an option that asks for one ("Annat,
/// ange vad") where it was chosen; the last one keeps any `|` it holds.
pub fn parse_line(
    line: &str,
    questions: &[Statement],
    scale: &Scale,
    sectors: Sectors<'_>,
) -> Result<Respondent, LineProblem> {
    let (line, texts) = line.split_once('|').unwrap_or((line, ""));
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
    let is_open = |question: &&Statement| question.kind == QuestionKind::Text;
    let closed = questions.len() - questions.iter().filter(is_open).count();
    if tokens.len() != closed {
        return Err(LineProblem::AnswerCount {
            found: tokens.len(),
            expected: closed,
        });
    }
    let mut tokens = tokens.iter();
    let mut answers = questions
        .iter()
        .map(|question| match &question.kind {
            QuestionKind::Text => Ok(Answer::Missing),
            _ => parse_answer(tokens.next().map_or("-", String::as_str), question, scale),
        })
        .collect::<Result<Vec<Answer>, LineProblem>>()?;
    // Where a text goes: each free text, and each option chosen that asks for one.
    let slots: Vec<(usize, bool)> = questions
        .iter()
        .zip(&answers)
        .enumerate()
        .filter_map(
            |(index, (question, answer))| match question.other_option() {
                _ if question.kind == QuestionKind::Text => Some((index, false)),
                Some(option) if answer.chose(option) => Some((index, true)),
                _ => None,
            },
        )
        .collect();
    // The last text keeps any further bar as typed.
    let texts: Vec<&str> = match texts.trim() {
        "" => Vec::new(),
        _ => texts
            .splitn(slots.len().max(1), '|')
            .map(str::trim)
            .collect(),
    };
    if texts.len() > slots.len() {
        return Err(LineProblem::TextCount {
            found: texts.len(),
            expected: slots.len(),
        });
    }
    let mut other = std::collections::BTreeMap::new();
    for ((index, beside_option), text) in slots.into_iter().zip(texts) {
        match (beside_option, crate::session::is_blank(text)) {
            (_, true) => {}
            (true, false) => {
                other.insert(index, text.to_owned());
            }
            (false, false) => answers[index] = Answer::Text(text.to_owned()),
        }
    }
    Ok(Respondent {
        sector,
        answers,
        other,
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
        // `0`: none chosen, an answer; `-` is a question left blank.
        QuestionKind::AnyOf(_) if token == NONE_CHOSEN => Ok(Answer::Choices(Vec::new())),
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
