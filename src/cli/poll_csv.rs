//! A survey's answers as a spreadsheet or a web form exports them: a header
//! row, then one respondent a row, one column per statement. Each row becomes
//! the respondent line a note-taker would type, so paper, phones and files are
//! checked by the same rules.

use crate::agenda::{Language, QuestionKind, Sectors, Segment, Statement};
use crate::i18n::option_labels;
use crate::session::{option_key, option_letter};

/// What a CSV file of answers lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvProblem {
    /// Not readable as CSV at this line.
    Unreadable { line: u64 },
    /// A row's sector that is no sector of the session.
    UnknownSector { line: u64, given: String },
    /// A cell that names none of its question's options.
    UnknownOption {
        line: u64,
        question: usize,
        given: String,
    },
}

/// The respondent lines of `text` for `poll`, each with its line in the file.
///
/// - The delimiter is `;` when the header has more of them than of `,` (a
///   Swedish spreadsheet's export), else `,`.
/// - A column headed `sektor` or `sector` holds each row's sector, by id,
///   code or name (a built-in one's in Swedish or English); blank for none.
/// - A column headed by a statement's text or number (1, 2, …) holds its
///   answers; without such headers, the columns after the sector's are the
///   statements in order. Other columns (a timestamp) are left out.
/// - A cell holds a value of the scale, `x` or "vet ej" for don't know, or
///   nothing; for yes/no "ja", "nej", "yes", "no" (or their first letter);
///   for a choice an option's name or letter, and where several may be
///   chosen their names split by `,` or `;`; for free text the text.
pub fn respondent_lines(
    text: &str,
    poll: &Segment,
    sectors: Sectors<'_>,
) -> Result<Vec<(u64, String)>, CsvProblem> {
    let header = text.lines().next().unwrap_or_default();
    let delimiter = if header.matches(';').count() > header.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let heads: Vec<String> = reader
        .headers()
        .map_err(|_| CsvProblem::Unreadable { line: 1 })?
        .iter()
        .map(|head| head.to_lowercase())
        .collect();
    let sector_column = heads
        .iter()
        .position(|head| head == "sektor" || head == "sector");
    let columns = statement_columns(&heads, poll, sector_column);
    let mut lines = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|error| CsvProblem::Unreadable {
            line: error.position().map_or(0, |at| at.line()),
        })?;
        let line = record.position().map_or(0, |at| at.line());
        if record.iter().all(str::is_empty) {
            continue;
        }
        let sector = match sector_column
            .and_then(|at| record.get(at))
            .unwrap_or_default()
        {
            "" => "-".to_owned(),
            given => match crate::i18n::sector_named(sectors, given) {
                Some(sector) => sectors.code(&sector),
                None => {
                    return Err(CsvProblem::UnknownSector {
                        line,
                        given: given.to_owned(),
                    });
                }
            },
        };
        let mut answers = Vec::new();
        let mut texts = Vec::new();
        for (number, (question, column)) in poll.statements.iter().zip(&columns).enumerate() {
            let cell = column.and_then(|at| record.get(at)).unwrap_or_default();
            if question.kind == QuestionKind::Text {
                // A bar would end the text on the line it becomes.
                texts.push(cell.replace('|', "/"));
                continue;
            }
            let (answer, other) =
                token(cell, question).map_err(|()| CsvProblem::UnknownOption {
                    line,
                    question: number + 1,
                    given: cell.to_owned(),
                })?;
            answers.push(answer);
            // "Annat" chosen: its text (or none) takes its place among the texts.
            if let Some(text) = other {
                texts.push(text.replace('|', "/"));
            }
        }
        let answers = answers.join(" ");
        let line_text = match texts.iter().all(String::is_empty) {
            true => format!("{sector} {answers}"),
            false => format!("{sector} {answers} | {}", texts.join(" | ")),
        };
        lines.push((line, line_text));
    }
    Ok(lines)
}

/// The token of a respondent line a cell stands for: `-` for nothing, `x`
/// for don't know, an option's letter (each chosen one's where several may
/// be), `j`/`n`, else the cell as it is for the line to judge; `Err` for a
/// choice that names none of its options. Where the last option asks for a
/// text ("Annat, ange vad"), what names no option chooses it and is its
/// text, the second part: `Some` whenever that option is chosen.
fn token(cell: &str, question: &Statement) -> Result<(String, Option<String>), ()> {
    let lower = cell.to_lowercase();
    match lower.as_str() {
        "" => return Ok(("-".to_owned(), None)),
        "vet ej" | "x" | "don't know" => return Ok(("x".to_owned(), None)),
        _ => {}
    }
    let options: Vec<(usize, String)> = [Language::Sv, Language::En]
        .into_iter()
        .flat_map(|language| option_labels(question, language).into_iter().enumerate())
        .map(|(index, label)| (index, label.to_lowercase()))
        .collect();
    let other = question.other_option().map(usize::from);
    let mut written = Vec::new();
    let mut letter = |given: &str, as_typed: &str| -> Result<char, ()> {
        let found = options
            .iter()
            .find(|(index, label)| label == given || option_letter(*index).to_string() == given);
        match (found, &question.kind, other) {
            (Some((index, _)), kind, _) => Ok(option_key(kind, *index, Language::Sv)),
            (None, QuestionKind::YesNo, _) => match given {
                "j" | "y" => Ok('j'),
                "n" => Ok('n'),
                _ => Err(()),
            },
            (None, _, Some(other)) => {
                written.push(as_typed.to_owned());
                Ok(option_letter(other))
            }
            (None, _, None) => Err(()),
        }
    };
    let token: String = match &question.kind {
        QuestionKind::Rating | QuestionKind::Text => cell.to_owned(),
        QuestionKind::AnyOf(_) if ["0", "inget", "none"].contains(&lower.as_str()) => {
            crate::session::NONE_CHOSEN.to_owned()
        }
        QuestionKind::AnyOf(_) => {
            let mut letters = cell
                .split([',', ';'])
                .map(str::trim)
                .filter(|given| !given.is_empty())
                .map(|given| letter(&given.to_lowercase(), given))
                .collect::<Result<Vec<char>, ()>>()?;
            letters.sort_unstable();
            letters.dedup();
            letters.into_iter().collect()
        }
        _ => letter(&lower, cell.trim())?.to_string(),
    };
    let chose_other = other.is_some_and(|other| token.contains(option_letter(other)));
    Ok((token, chose_other.then(|| written.join(", "))))
}

/// The column of each statement: by its text or number in the header, else
/// in order after the sector's column.
fn statement_columns(
    heads: &[String],
    poll: &Segment,
    sector: Option<usize>,
) -> Vec<Option<usize>> {
    let named: Vec<Option<usize>> = poll
        .statements
        .iter()
        .enumerate()
        .map(|(index, statement)| {
            let text = statement.text.trim().to_lowercase();
            let number = (index + 1).to_string();
            heads
                .iter()
                .position(|head| *head == text || *head == number)
        })
        .collect();
    if named.iter().any(Option::is_some) {
        return named;
    }
    let mut in_order = (0..heads.len()).filter(|at| Some(*at) != sector);
    poll.statements.iter().map(|_| in_order.next()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agenda::load_bundled;

    fn poll() -> Segment {
        let agenda = load_bundled("seminarium-1").unwrap().unwrap();
        agenda
            .segments
            .into_iter()
            .find(|segment| !segment.statements.is_empty())
            .expect("a poll")
    }

    #[test]
    fn a_swedish_spreadsheet_and_a_web_form_become_respondent_lines() {
        let spreadsheet =
            "Sektor;1;2;3;4;5;6\nSkola;4;4;5;3;vet ej;\nsocialtjanst;2;2;2;2;2;2\n;1;1;1;1;1;1\n";
        let lines = respondent_lines(spreadsheet, &poll(), Sectors::new(&[])).unwrap();
        assert_eq!(
            lines,
            [
                (2, "sk 4 4 5 3 x -".to_owned()),
                (3, "so 2 2 2 2 2 2".to_owned()),
                (4, "- 1 1 1 1 1 1".to_owned())
            ]
        );
        let texts: Vec<String> = poll()
            .statements
            .iter()
            .map(|s| format!("\"{}\"", s.text))
            .collect();
        let form = format!(
            "Tidstämpel,{},Sector\n2026-03-12 10:01,5,4,3,2,1,x,hs\n",
            texts.join(",")
        );
        let lines = respondent_lines(&form, &poll(), Sectors::new(&[])).unwrap();
        assert_eq!(lines, [(2, "hs 5 4 3 2 1 x".to_owned())]);
    }

    #[test]
    fn an_unknown_sector_names_its_line() {
        let text = "sektor,1,2,3,4,5,6\nskola,1,1,1,1,1,1\nkyrkan,1,1,1,1,1,1\n";
        assert_eq!(
            respondent_lines(text, &poll(), Sectors::new(&[])),
            Err(CsvProblem::UnknownSector {
                line: 3,
                given: "kyrkan".into()
            })
        );
    }

    #[test]
    fn choices_yes_no_and_free_text_become_letters_and_texts() {
        let poll: Segment = crate::agenda::parse_agenda(
            "enkat.ron",
            r#"Agenda(title: "Enkät", segments: [(kind: Poll, title: "Enkät", minutes: 5,
                scale: (min: 1, max: 4, dont_know: false), statements: [
                (text: "Tillit"),
                (text: "Grupp", kind: OneOf(["Styrgrupp", "Projektgrupp"])),
                (text: "Rutin", kind: YesNo),
                (text: "Kanaler", kind: AnyOf(["Telefon", "Mejl", "Möte"])),
                (text: "Behov", kind: Text)])])"#
                .as_bytes(),
        )
        .expect("valid")
        .segments
        .remove(0);
        let form = "Sektor;Tillit;Grupp;Rutin;Kanaler;Behov\n\
            Skola;3;projektgrupp;Ja;Telefon, Möte;Mer tid | och ro\n\
            ;4;A;no;mejl;\n\
            ;2;b;j;Inget;\n";
        assert_eq!(
            respondent_lines(form, &poll, Sectors::new(&[])).unwrap(),
            [
                (2, "sk 3 b j ac | Mer tid / och ro".to_owned()),
                (3, "- 4 a n b".to_owned()),
                (4, "- 2 b j 0".to_owned())
            ]
        );
        let wrong = "Sektor;Tillit;Grupp;Rutin;Kanaler;Behov\nSkola;3;Ledningsgrupp;Ja;;\n";
        assert_eq!(
            respondent_lines(wrong, &poll, Sectors::new(&[])),
            Err(CsvProblem::UnknownOption {
                line: 2,
                question: 2,
                given: "Ledningsgrupp".into()
            })
        );
        let lines = respondent_lines(form, &poll, Sectors::new(&[])).unwrap();
        let scale = poll.scale_or_default(Language::Sv);
        for (_, line) in lines {
            crate::session::parse_line(&line, &poll.statements, &scale, Sectors::new(&[]))
                .expect("a line the poll takes");
        }
    }

    #[test]
    fn a_cell_that_names_no_option_is_annat_with_its_text() {
        let poll: Segment = crate::agenda::parse_agenda(
            "enkat.ron",
            r#"Agenda(title: "Enkät", segments: [(kind: Poll, title: "Enkät", minutes: 5,
                by_sector: false, statements: [
                (text: "Var", kind: OneOf(["Skola", "Socialtjänst", "Annat, ange vad"]), other: true),
                (text: "Kanaler", kind: AnyOf(["Telefon", "Mejl", "Annat"]), other: true),
                (text: "Behov", kind: Text)])])"#
                .as_bytes(),
        )
        .expect("valid")
        .segments
        .remove(0);
        let form = "Var;Kanaler;Behov\n\
            Fritidsgården;Telefon, Teams;Mer tid\n\
            Skola;Mejl;\n\
            Annat, ange vad;Telefon;Samtal\n";
        let lines = respondent_lines(form, &poll, Sectors::new(&[])).unwrap();
        assert_eq!(
            lines,
            [
                (2, "- c ac | Fritidsgården | Teams | Mer tid".to_owned()),
                (3, "- a b".to_owned()),
                (4, "- c a |  | Samtal".to_owned()),
            ]
        );
        // Each line is one the typed form reads back with its texts in place.
        let scale = poll.scale_or_default(crate::agenda::Language::Sv);
        let read = |line: &str| {
            crate::session::parse_line(line, &poll.statements, &scale, Sectors::new(&[])).unwrap()
        };
        let first = read(&lines[0].1);
        assert_eq!(
            first.other.get(&0).map(String::as_str),
            Some("Fritidsgården")
        );
        assert_eq!(first.other.get(&1).map(String::as_str), Some("Teams"));
        let third = read(&lines[2].1);
        assert!(third.other.is_empty());
        assert_eq!(
            third.answers[2],
            crate::session::Answer::Text("Samtal".to_owned())
        );
    }
}
