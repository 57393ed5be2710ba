//! A survey's answers as a spreadsheet or a web form exports them: a header
//! row, then one respondent a row, one column per statement. Each row becomes
//! the respondent line a note-taker would type, so paper, phones and files are
//! checked by the same rules.

use crate::agenda::{Sectors, Segment};

/// What a CSV file of answers lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvProblem {
    /// Not readable as CSV at this line.
    Unreadable { line: u64 },
    /// A row's sector that is no sector of the session.
    UnknownSector { line: u64, given: String },
}

/// The respondent lines of `text` for `poll`, each with its line in the file.
///
/// - The delimiter is `;` when the header has more of them than of `,` (a
///   Swedish spreadsheet's export), else `,`.
/// - A column headed `sektor` or `sector` holds each row's sector, by id,
///   code or name; blank for none.
/// - A column headed by a statement's text or number (1, 2, …) holds its
///   answers; without such headers, the columns after the sector's are the
///   statements in order. Other columns (a timestamp) are left out.
/// - A cell holds a value of the scale, `x` or "vet ej" for don't know, or
///   nothing.
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
            given => match sectors.find(given) {
                Some(sector) => sectors.code(&sector),
                None => {
                    return Err(CsvProblem::UnknownSector {
                        line,
                        given: given.to_owned(),
                    });
                }
            },
        };
        let answers: Vec<String> = columns
            .iter()
            .map(|column| {
                let cell = column.and_then(|at| record.get(at)).unwrap_or_default();
                match cell.to_lowercase().as_str() {
                    "" => "-".to_owned(),
                    "vet ej" | "x" | "don't know" => "x".to_owned(),
                    _ => cell.to_owned(),
                }
            })
            .collect();
        lines.push((line, format!("{sector} {}", answers.join(" "))));
    }
    Ok(lines)
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
}
