//! `samla poll import [SESSION] [--poll SEGMENT_ID] FILE`: answers typed up
//! from paper forms, one respondent a line, or a spreadsheet's CSV, all or
//! nothing.

use std::process::ExitCode;

use super::poll_csv::CsvProblem;
use super::{Context, PollCommand, PollImportArgs, fail, session_path_or};
use crate::agenda::SegmentKind;
use crate::i18n::Say;
use crate::session::SegmentIx;
use crate::session::{PollAction, SessionAction, parse_line};
use crate::store::{DataDir, SessionFile, write_atomic};

/// Most forms one import takes: a municipality's survey is thousands, and
/// with free text of a few kilobytes each the session stays readable
/// (docs/SESSION.md, "Limits").
pub const MAX_IMPORT_FORMS: usize = 50_000;

/// Runs a `samla poll` command.
pub fn poll(command: &PollCommand, context: &mut Context) -> anyhow::Result<ExitCode> {
    match command {
        PollCommand::Import(args) => import(args, context),
    }
}

fn import(args: &PollImportArgs, context: &mut Context) -> anyhow::Result<ExitCode> {
    let data = context.data_dir()?;
    let path = session_path_or(
        &data,
        args.session(),
        DataDir::latest_session,
        Say::NothingToImport,
    )?;
    // Nobody else may write the session meanwhile: a running screen would
    // overwrite the import.
    let _lock = data.lock_session(&path)?;
    let mut file = SessionFile::load(&path)?;
    context.speak(file.session.agenda.language);
    let segments = &file.session.agenda.segments;
    let polls: Vec<usize> = (0..segments.len())
        .filter(|index| segments[*index].kind == SegmentKind::Poll)
        .collect();
    let segment = match &args.poll {
        Some(id) => *polls
            .iter()
            .find(|index| segments[**index].id.as_deref() == Some(id.as_str()))
            .ok_or_else(|| fail(Say::NoSuchPoll { id: id.clone() }))?,
        None => match polls.as_slice() {
            [only] => *only,
            [] => return Err(fail(Say::NoPoll)),
            _ => {
                return Err(fail(Say::WhichPoll { polls: polls.len() }));
            }
        },
    };
    let poll = segments[segment].clone();
    let scale = poll.scale_or_default(file.session.agenda.language);
    let answers_file = args.file();
    let name = answers_file.display().to_string();
    let text = crate::input_file::read_text(&answers_file).map_err(|error| {
        fail(Say::CannotRead {
            file: name.clone(),
            reason: error.reason(),
        })
    })?;
    // A spreadsheet's rows become the lines a note-taker would type.
    let is_csv = answers_file
        .extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("csv"));
    let lines: Vec<(u64, String)> = if is_csv {
        super::poll_csv::respondent_lines(&text, &poll, file.session.sectors()).map_err(
            |problem| match problem {
                CsvProblem::Unreadable { line } => fail(Say::CsvUnreadable {
                    file: name.clone(),
                    line,
                }),
                CsvProblem::UnknownSector { line, given } => fail(Say::CsvSector {
                    file: name.clone(),
                    line,
                    given,
                }),
                CsvProblem::UnknownOption {
                    line,
                    question,
                    given,
                } => fail(Say::CsvOption {
                    file: name.clone(),
                    line,
                    question,
                    given,
                    options: crate::i18n::option_labels(
                        &poll.statements[question - 1],
                        file.session.agenda.language,
                    )
                    .join(", "),
                }),
            },
        )?
    } else {
        text.lines()
            .zip(1..)
            .map(|(line, number)| (number, line.trim().to_owned()))
            .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'))
            .collect()
    };
    if lines.len() > MAX_IMPORT_FORMS {
        return Err(fail(Say::TooManyForms {
            file: name,
            forms: lines.len(),
            max: MAX_IMPORT_FORMS,
        }));
    }
    let mut respondents = Vec::new();
    let mut problems = Vec::new();
    for (number, line) in lines {
        match parse_line(&line, &poll.statements, &scale, file.session.sectors()) {
            Ok(respondent) => respondents.push(respondent),
            Err(problem) => problems.push(format!(
                "{name}:{number}: {}",
                crate::i18n::line_problem(&problem, context.language)
            )),
        }
    }
    if !problems.is_empty() {
        for problem in &problems {
            writeln!(context.err, "{problem}")?;
        }
        return Err(fail(Say::BadLines {
            count: problems.len(),
            file: name,
        }));
    }
    let count = respondents.len();
    for respondent in respondents {
        std::sync::Arc::make_mut(&mut file.session).apply(
            SessionAction::Poll(PollAction::AddRespondent {
                segment: SegmentIx(segment),
                respondent,
            }),
            file.saved,
        );
    }
    write_atomic(&path, file.to_text().as_bytes())?;
    let imported = context.say(Say::Imported {
        count,
        title: poll.title.clone(),
        path: path.clone(),
    });
    writeln!(context.out, "{imported}")?;
    Ok(ExitCode::SUCCESS)
}
