//! `samla doctor`: what a facilitator checks the evening before, on the
//! laptop and in the terminal of the day. Each check looks at the real thing
//! (the terminal answers, a file is synced, the port is listened on), says
//! what it found in the UI language, and the command exits 1 when something
//! would spoil the day.

use std::io::{IsTerminal, Write};
use std::net::IpAddr;
use std::path::Path;
use std::process::ExitCode;

use crossterm::{cursor, terminal};

use super::Context;
use crate::agenda::{Language, load_agenda_file};
use crate::i18n::{
    COMFORTABLE, Finding, Hint, LEAST_FREE, Say, Verdict, doctor_heading, doctor_verdict,
    verdict_word,
};
use crate::store::DataDir;

/// Where `samla doctor` tries the room, as `samla run --room` would open it.
#[derive(Debug, Clone, Copy, Default)]
pub struct RoomPlace {
    /// `--bind`: every interface by default.
    pub bind: Option<IpAddr>,
    /// `--port`: the usual port, or any free one, by default.
    pub port: Option<u16>,
}

/// Characters whose width the terminal must agree on: the Swedish letters
/// and the box-drawing characters the screen is made of.
const SAMPLE: &str = "åäöÅÄÖ┌─┐│└┘";

/// Runs every check and prints what it found, each under its verdict.
pub fn doctor(place: RoomPlace, context: &mut Context) -> anyhow::Result<ExitCode> {
    let language = context.language;
    let data = DataDir::locate(context.samla_home.clone());
    let mut found: Vec<(Finding, Vec<Hint>)> = Vec::new();
    found.extend(terminal_findings(context.no_color).into_iter().map(alone));
    found.push(alone(data_folder(data.as_ref())));
    found.push(alone(clipboard()));
    found.push(room(place));
    if let Some(data) = &data {
        found.extend(own_agendas(data, language).into_iter().map(alone));
    }

    let width = usize::from(terminal::size().map_or(100, |(columns, _)| columns)).clamp(40, 100);
    writeln!(context.out, "{}\n", doctor_heading(language))?;
    for (finding, hints) in &found {
        let word = verdict_word(finding.verdict(), language);
        write_wrapped(
            context.out,
            &format!("{word:<6}"),
            &finding.text(language),
            width,
        )?;
        for hint in hints {
            write_wrapped(context.out, &" ".repeat(6), hint.text(language), width)?;
        }
    }
    let count = |verdict| found.iter().filter(|(f, _)| f.verdict() == verdict).count();
    let problems = count(Verdict::Problem);
    writeln!(
        context.out,
        "\n{}",
        doctor_verdict(problems, count(Verdict::Note), language)
    )?;
    Ok(if problems == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn alone(finding: Finding) -> (Finding, Vec<Hint>) {
    (finding, Vec::new())
}

/// `text` wrapped to `width`, its first line after `first` and the rest
/// indented as far.
fn write_wrapped(
    out: &mut dyn Write,
    first: &str,
    text: &str,
    width: usize,
) -> std::io::Result<()> {
    let indent = " ".repeat(first.chars().count());
    let options = textwrap::Options::new(width)
        .initial_indent(first)
        .subsequent_indent(&indent)
        .break_words(false);
    for line in textwrap::wrap(text, options) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// The terminal's size, colours and character widths, when standard output
/// is a terminal.
fn terminal_findings(no_color: bool) -> Vec<Finding> {
    if !std::io::stdout().is_terminal() {
        return vec![Finding::NotATerminal];
    }
    let mut found = Vec::new();
    if let Ok((columns, rows)) = terminal::size() {
        found.push(Finding::Size {
            columns,
            rows,
            verdict: size_verdict(columns, rows),
        });
    }
    found.push(Finding::Colours {
        count: crossterm::style::available_color_count(),
        off: no_color,
    });
    found.push(widths());
    found
}

/// Too small to draw in spoils the day; smaller than the comfortable size
/// is worth knowing.
fn size_verdict(columns: u16, rows: u16) -> Verdict {
    if columns < crate::ui::MIN_WIDTH || rows < crate::ui::MIN_HEIGHT {
        Verdict::Problem
    } else if columns < COMFORTABLE.0 || rows < COMFORTABLE.1 {
        Verdict::Note
    } else {
        Verdict::Ok
    }
}

/// Prints [`SAMPLE`] at the start of the line and asks the terminal where
/// the cursor went, then wipes the line.
fn widths() -> Finding {
    let expected = u16::try_from(ratatui::text::Span::raw(SAMPLE).width()).unwrap_or(u16::MAX);
    if terminal::enable_raw_mode().is_err() {
        return Finding::WidthsUnknown;
    }
    let measured = measure(SAMPLE);
    let _ = terminal::disable_raw_mode();
    match measured {
        Ok(measured) => Finding::Widths { expected, measured },
        Err(_) => Finding::WidthsUnknown,
    }
}

fn measure(sample: &str) -> std::io::Result<u16> {
    let mut out = std::io::stdout();
    write!(out, "\r")?;
    out.flush()?;
    let (start, _) = cursor::position()?;
    write!(out, "{sample}")?;
    out.flush()?;
    let (end, _) = cursor::position()?;
    crossterm::execute!(
        out,
        cursor::MoveToColumn(0),
        terminal::Clear(terminal::ClearType::UntilNewLine)
    )?;
    Ok(end.saturating_sub(start))
}

/// Whether the data folder takes a synced file, and its free space.
fn data_folder(data: Option<&DataDir>) -> Finding {
    let Some(data) = data else {
        return Finding::NoDataFolder;
    };
    let path = data.root().to_path_buf();
    if let Err(error) = std::fs::create_dir_all(&path).and_then(|()| write_and_sync(&path)) {
        return Finding::DataFolderRefused {
            path,
            kind: error.kind(),
        };
    }
    let free = fs4::available_space(&path).ok();
    let verdict = match free {
        Some(free) if free < LEAST_FREE => Verdict::Problem,
        _ => Verdict::Ok,
    };
    Finding::DataFolder {
        path,
        free,
        verdict,
    }
}

/// Writes a small file in `folder`, syncs it to disk and removes it.
fn write_and_sync(folder: &Path) -> std::io::Result<()> {
    let mut file = tempfile::Builder::new()
        .prefix(".samla-doctor-")
        .tempfile_in(folder)?;
    file.write_all(b"samla")?;
    file.as_file().sync_all()?;
    file.close()
}

fn clipboard() -> Finding {
    if crate::clipboard::system_within_reach() {
        Finding::ClipboardSystem
    } else {
        Finding::ClipboardTerminal
    }
}

/// Listens where the room would, and says where phones would find it, with
/// the hints for the venue's network and, on Windows, its firewall.
fn room(place: RoomPlace) -> (Finding, Vec<Hint>) {
    let default = crate::room::RoomConfig::default();
    let config = crate::room::RoomConfig {
        bind: place.bind.unwrap_or(default.bind),
        port: place.port,
        ..default
    };
    let mut hints = vec![Hint::Network];
    if cfg!(windows) {
        hints.push(Hint::Firewall);
    }
    match crate::room::try_listening(config) {
        Ok(trial) if trial.on_network => (
            Finding::Room {
                url: trial.url,
                others: trial.other_urls,
                usual: trial.usual,
            },
            hints,
        ),
        Ok(trial) => (Finding::RoomNoNetwork { port: trial.port }, hints),
        Err(error) => {
            let address = match place.port {
                Some(port) => std::net::SocketAddr::new(config.bind, port).to_string(),
                None => config.bind.to_string(),
            };
            (
                Finding::RoomRefused {
                    address,
                    kind: error.kind(),
                },
                hints,
            )
        }
    }
}

/// Every agenda of the user's own that does not load, or that all do.
fn own_agendas(data: &DataDir, language: Language) -> Vec<Finding> {
    let paths = data.user_agendas();
    let invalid: Vec<Finding> = paths
        .iter()
        .filter_map(|path| load_agenda_file(path).err())
        .map(|error| Finding::AgendaInvalid {
            message: Say::from(&error).text(language),
        })
        .collect();
    if invalid.is_empty() {
        vec![Finding::Agendas {
            count: paths.len(),
            folder: data.agendas_dir(),
        }]
    } else {
        invalid
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_small_to_draw_spoils_the_day_and_below_comfortable_is_a_note() {
        assert_eq!(size_verdict(39, 30), Verdict::Problem);
        assert_eq!(size_verdict(120, 11), Verdict::Problem);
        assert_eq!(size_verdict(80, 24), Verdict::Note);
        assert_eq!(size_verdict(100, 30), Verdict::Ok);
    }

    #[test]
    fn the_sample_is_one_column_a_character_by_samla_s_count() {
        let width = ratatui::text::Span::raw(SAMPLE).width();
        assert_eq!(width, SAMPLE.chars().count());
    }
}
