//! `samla validate FILE...`: every file checked, every problem reported.

use std::path::PathBuf;
use std::process::ExitCode;

use super::Context;
use crate::agenda::load_agenda_file;
use crate::i18n::Say;

/// Checks each file; reports every problem on standard error as `FILE:LINE:COL: …`
/// or `FILE: segment N "Title": …`, and exits 1 if any file is invalid.
pub fn check(files: &[PathBuf], context: &mut Context) -> anyhow::Result<ExitCode> {
    let mut all_valid = true;
    for file in files {
        match load_agenda_file(file) {
            Ok(agenda) => {
                let valid = context.say(Say::ValidAgenda {
                    file: file.display().to_string(),
                    segments: agenda.segments.len(),
                    minutes: agenda.total_minutes(),
                });
                writeln!(context.out, "{valid}")?;
                // A series that keeps sectors of its own overrides the agenda's.
                let data = context.data_dir().ok();
                let over =
                    agenda
                        .series
                        .as_deref()
                        .zip(data.as_ref())
                        .and_then(|(series, data)| {
                            let sectors = data.series_sectors_over(series, &agenda)?;
                            Some(Say::SeriesSectors {
                                series: series.to_owned(),
                                names: sectors.into_iter().map(|def| def.name).collect(),
                            })
                        });
                if let Some(over) = over {
                    let note = context.say(over);
                    writeln!(context.out, "{note}")?;
                }
            }
            Err(error) => {
                all_valid = false;
                let error = Say::from(&error).text(context.language);
                writeln!(context.err, "{error}")?;
            }
        }
    }
    Ok(if all_valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
