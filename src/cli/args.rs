//! The command-line contract, as the product brief states it.

use std::path::PathBuf;

use crate::export::{Recipient, parse_recipients};
use clap::{Args, Parser, Subcommand, ValueEnum};
use clap_complete::ArgValueCandidates;

const EXAMPLES: &str = "\
Examples:
  samla                                   run the default agenda (seminarium-1)
  samla run seminarium-3 --groups 6       run a bundled agenda with six groups
  samla run mitt-seminarium.ron           run an agenda file of your own
  samla validate agendas/*.ron            check agenda files, errors as file:line:col
  samla agendas                           list bundled and your own agendas
  samla resume                            continue the latest unfinished session
  samla export --format eml --to a@b.se   e-mail draft of the summary

Files live in $SAMLA_HOME (or the platform's data folder). NO_COLOR is honoured.";

/// samla runs a live workshop from a terminal: the agenda and its timers on
/// screen, every group's output captured as cards, and a summary to send.
#[derive(Debug, Parser)]
#[command(
    name = "samla",
    version = env!("SAMLA_VERSION"),
    about,
    after_help = EXAMPLES
)]
pub struct Cli {
    /// What to do; `run` on the default agenda when left out.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Language of the screen and of these messages: the agenda's, else the
    /// system's (LANG), else English.
    #[arg(long, value_enum, global = true)]
    pub lang: Option<Lang>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run a seminar on screen (the default).
    #[command(
        after_help = "Examples:\n  samla run seminarium-1 --groups 5\n  samla run seminarium-3 --group Norr --group Söder --series närvaro\n  samla run mitt-seminarium.ron --no-bell\n  samla run seminarium-3 --room"
    )]
    Run(RunArgs),
    /// Continue a saved session; the latest unfinished one if none is named.
    #[command(
        after_help = "Examples:\n  samla resume\n  samla resume 2026-03-12-seminarium-3\n  samla resume 2026-03-12-seminarium-3 --backup"
    )]
    Resume {
        /// A session id from `samla sessions`, or a path.
        #[arg(add = ArgValueCandidates::new(super::complete::sessions))]
        session: Option<String>,
        /// Open the previous good version (`.bak`) instead, e.g. when the
        /// session file is damaged.
        #[arg(long)]
        backup: bool,
        /// The room's page, where groups post from their phones.
        #[command(flatten)]
        room: RoomArgs,
    },
    /// List saved sessions: id, agenda, started, last change, cards, finished.
    #[command(after_help = "Examples:\n  samla sessions\n  samla sessions --json")]
    Sessions {
        /// One JSON array, for scripts.
        #[arg(long)]
        json: bool,
    },
    /// List the bundled agendas and your own, with ids, minutes and titles.
    #[command(
        after_help = "Examples:\n  samla agendas\n  samla agendas new min-workshop --from seminarium-1"
    )]
    Agendas {
        /// Make an agenda of your own.
        #[command(subcommand)]
        action: Option<AgendasCommand>,
    },
    /// Check agenda files; exit 0 when all are valid, 1 otherwise.
    #[command(
        after_help = "Examples:\n  samla validate mitt-seminarium.ron\n  samla validate ~/.local/share/samla/agendas/*.ron"
    )]
    Validate {
        /// Agenda files to check.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Write the summary of a session.
    #[command(
        after_help = "Examples:\n  samla export\n  samla export --format eml --to \"Maria Berg <maria@kommun.se>\"\n  samla export --report --private --format html -o rapport.html"
    )]
    Export(ExportArgs),
    /// Read-only big-screen view that follows a live session.
    #[command(after_help = "Examples:\n  samla present\n  samla present 2026-03-12-seminarium-3")]
    Present {
        /// A session id or path; the running session if none is named.
        #[arg(add = ArgValueCandidates::new(super::complete::sessions))]
        session: Option<String>,
    },
    /// Seminar series: their groups, members and sessions.
    #[command(
        after_help = "Examples:\n  samla series\n  samla series närvaro groups add \"Anna Åberg\" --group 1 --sector skola\n  samla export --series närvaro --format eml"
    )]
    Series {
        /// The series to show; all of them if none is named.
        name: Option<String>,
        /// What to do with the series.
        #[command(subcommand)]
        action: Option<SeriesCommand>,
    },
    /// Serves a copied text until another program takes the clipboard (started
    /// by `--copy`; not for typing).
    #[command(name = "__serve-clipboard", hide = true)]
    ServeClipboard,
    /// Rating answers (polls).
    #[command(subcommand)]
    #[command(
        after_help = "Examples:\n  samla poll import enkät.txt\n  samla poll import enkät.csv\n  samla poll import 2026-03-12-seminarium-3 --poll eftermatning svar.txt"
    )]
    Poll(PollCommand),
    /// Shell completions (bash, zsh, fish, powershell, elvish) on standard
    /// output, e.g. `samla completions bash > ~/.local/share/bash-completion/completions/samla`.
    #[command(
        after_help = "Examples:\n  samla completions bash > ~/.local/share/bash-completion/completions/samla\n  samla completions zsh > ~/.zfunc/_samla"
    )]
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Check this computer before a seminar: the terminal, the data folder,
    /// the clipboard, the room's port and your own agendas. Exits 1 when
    /// something would spoil the day.
    #[command(after_help = "Examples:\n  samla doctor\n  samla doctor --port 8080")]
    Doctor {
        /// Try the room on this address only, as `samla run --room --bind` would.
        #[arg(long, value_name = "ADDR")]
        bind: Option<std::net::IpAddr>,
        /// Try the room on this port, as `samla run --room --port` would.
        #[arg(long, value_name = "PORT")]
        port: Option<u16>,
    },
    /// The manual page, samla.1: written to the current folder, or to `-o PATH`
    /// (`-` for standard output).
    #[command(after_help = "Examples:\n  samla man\n  samla man -o - | man -l -")]
    Man {
        /// Where to write it.
        #[arg(short, long, value_name = "PATH")]
        output: Option<PathBuf>,
    },
}

/// What `samla agendas` does beyond listing.
#[derive(Debug, Subcommand)]
pub enum AgendasCommand {
    /// Write a new agenda of your own into $SAMLA_HOME/agendas/ID.ron (a copy
    /// of a bundled one, or the template), open it in $VISUAL or $EDITOR, and
    /// check it when the editor closes.
    #[command(
        after_help = "Examples:\n  samla agendas new min-workshop\n  samla agendas new kommunmote --from seminarium-3\n  samla agendas new nulage --from workshop-mall"
    )]
    New {
        /// The new agenda's id: letters, digits and dashes, e.g. `min-workshop`.
        id: String,
        /// The bundled agenda to start from, or `workshop-mall` for the
        /// development workshop's template; the template when left out.
        #[arg(long, value_name = "AGENDA")]
        from: Option<String>,
    },
}

/// What `samla run` takes.
#[derive(Debug, Default, Args)]
pub struct RunArgs {
    /// An agenda id (see `samla agendas`) or a path to a .ron file.
    #[arg(add = ArgValueCandidates::new(super::complete::agendas))]
    pub agenda: Option<String>,
    /// Number of groups (1–30).
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=30), conflicts_with = "group")]
    pub groups: Option<u32>,
    /// A group's name; repeat for each group.
    #[arg(long = "group", value_name = "NAME")]
    pub group: Vec<String>,
    /// No terminal bell when a countdown reaches zero.
    #[arg(long)]
    pub no_bell: bool,
    /// Attach the session to this series (created on first use): it starts
    /// with the series' groups and members.
    #[arg(long, value_name = "NAME")]
    pub series: Option<String>,
    /// The room's page, where groups post from their phones.
    #[command(flatten)]
    pub room: RoomArgs,
}

/// How the room's page is served (`--room`, `w` on the run screen).
#[derive(Debug, Clone, Default, Args)]
pub struct RoomArgs {
    /// Open the room as the screen starts: groups post their cards from
    /// their phones through a page this computer serves on the local network.
    #[arg(long)]
    pub room: bool,
    /// Listen on this address only (e.g. 127.0.0.1, or the hotspot's
    /// address); every interface by default.
    #[arg(long, value_name = "ADDR")]
    pub bind: Option<std::net::IpAddr>,
    /// Listen on this port; 8765, or any free one, by default (0: any free one).
    #[arg(long, value_name = "PORT")]
    pub port: Option<u16>,
    /// How many phones may join from one address (4 by default; more for a
    /// venue that puts everyone behind one router)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub devices_per_address: Option<u16>,
    /// How long the room waits for a client's request, and answers after
    /// it was closed, in milliseconds (10 s by default). Not shown in the
    /// help: the default is what a room needs; tests of it set it short.
    #[arg(long, value_name = "MS", hide = true)]
    pub time_limits_ms: Option<u64>,
}

impl RoomArgs {
    /// Where the room listens.
    pub fn config(&self) -> crate::room::RoomConfig {
        let default = crate::room::RoomConfig::default();
        crate::room::RoomConfig {
            bind: self.bind.unwrap_or(default.bind),
            port: self.port,
            devices_per_address: self
                .devices_per_address
                .map_or(default.devices_per_address, usize::from),
            time_limits: self.time_limits_ms.map_or(default.time_limits, |limit| {
                crate::room::TimeLimits::for_clients(std::time::Duration::from_millis(limit))
            }),
        }
    }
}

/// The UI languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// Swedish.
    Sv,
    /// English.
    En,
}

/// What `samla export` takes.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// A session id or path; the latest session if none is named.
    #[arg(add = ArgValueCandidates::new(super::complete::sessions))]
    pub session: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "md")]
    pub format: Format,
    /// With `--format csv`: `sv` (`;` between fields, Swedish headings) or
    /// `en` (`,` and English headings); the session's language's if left out.
    #[arg(long, value_enum, value_name = "DIALECT")]
    pub csv_dialect: Option<Lang>,
    /// Where to write; `-` for standard output.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<String>,
    /// Recipient of the e-mail draft (`Name <a@b.se>`, or several separated
    /// by commas); repeatable.
    #[arg(long, value_name = "ADDR", value_parser = parse_recipients)]
    pub to: Vec<Vec<Recipient>>,
    /// Also copy the result to the clipboard.
    #[arg(long)]
    pub copy: bool,
    /// Open the written file with the system's default program.
    #[arg(long)]
    pub open: bool,
    /// Include the facilitator's private notes.
    #[arg(long)]
    pub private: bool,
    /// The facilitator's report: the summary with the time log and the
    /// survey's raw distributions.
    #[arg(long)]
    pub report: bool,
    /// Replace personal identity numbers, e-mail addresses and phone numbers in
    /// cards and notes with "[borttaget]".
    #[arg(long)]
    pub redact: bool,
    /// A plain-text file whose text opens the summary instead of the agenda's intro.
    #[arg(long, value_name = "FILE")]
    pub intro: Option<std::path::PathBuf>,
    /// Include members' names (a series summary counts them by sector otherwise).
    #[arg(long)]
    pub names: bool,
    /// Compile a whole series instead of one session.
    #[arg(long, value_name = "NAME")]
    pub series: Option<String>,
}

/// Export formats, as `--format` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Markdown (CommonMark).
    Md,
    /// Self-contained HTML.
    Html,
    /// E-mail draft.
    Eml,
    /// Spreadsheet rows.
    Csv,
    /// Workbook for Excel.
    Xlsx,
}

/// `samla poll …`.
#[derive(Debug, Subcommand)]
pub enum PollCommand {
    /// Import rating answers typed up from paper forms.
    Import(PollImportArgs),
}

/// What `samla poll import [SESSION] FILE` takes.
#[derive(Debug, Args)]
pub struct PollImportArgs {
    /// The poll segment's id, when the agenda has more than one poll.
    #[arg(long, value_name = "SEGMENT_ID")]
    pub poll: Option<String>,
    /// An optional session (id or path; the latest session if left out), then the
    /// file with one respondent per line, or a .csv with a column per statement.
    #[arg(required = true, num_args = 1..=2, value_name = "[SESSION] FILE")]
    pub paths: Vec<String>,
}

impl PollImportArgs {
    /// The session named before the file, if any.
    pub fn session(&self) -> Option<&str> {
        match self.paths.as_slice() {
            [session, _file] => Some(session),
            _ => None,
        }
    }

    /// The file of answers: always the last path.
    pub fn file(&self) -> PathBuf {
        PathBuf::from(self.paths.last().map(String::as_str).unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn poll_import_takes_an_optional_session_before_the_file() {
        let parse = |args: &[&str]| match Cli::try_parse_from(args).map(|cli| cli.command) {
            Ok(Some(Command::Poll(PollCommand::Import(import)))) => import,
            other => panic!("not a poll import: {other:?}"),
        };
        let only_file = parse(&["samla", "poll", "import", "svar.txt"]);
        assert_eq!(
            (only_file.session(), only_file.file()),
            (None, PathBuf::from("svar.txt"))
        );
        let both = parse(&[
            "samla",
            "poll",
            "import",
            "2026-03-12-s1",
            "--poll",
            "fore",
            "svar.txt",
        ]);
        assert_eq!(both.session(), Some("2026-03-12-s1"));
        assert_eq!(both.file(), PathBuf::from("svar.txt"));
        assert_eq!(both.poll.as_deref(), Some("fore"));
        assert!(Cli::try_parse_from(["samla", "poll", "import", "a", "b", "c"]).is_err());
    }
}

/// `samla series NAME …`.
#[derive(Debug, Subcommand)]
pub enum SeriesCommand {
    /// The groups and their members; add, move and remove members.
    Groups {
        #[command(subcommand)]
        change: Option<GroupChange>,
    },
}

/// A change to a series' groups.
#[derive(Debug, Subcommand)]
pub enum GroupChange {
    /// Add a member to a group.
    Add {
        /// The member's name.
        member: String,
        /// The group's number (1, 2, …).
        #[arg(long)]
        group: usize,
        /// The sector the member works in, by id, code or name (skola,
        /// socialtjanst, halsovard, annan, or the series' own); the first
        /// sector when left out.
        #[arg(long)]
        sector: Option<String>,
        /// The category of the member's role.
        #[arg(long, value_enum)]
        role: Option<RoleArg>,
    },
    /// Move a member to another group.
    Move {
        /// The member's id (see `samla series NAME groups`).
        id: u64,
        /// The group's number (1, 2, …).
        #[arg(long)]
        group: usize,
    },
    /// Remove a member.
    Remove {
        /// The member's id (see `samla series NAME groups`).
        id: u64,
    },
}

/// Role categories on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RoleArg {
    /// Chefer och ledning.
    Ledning,
    /// Strateger och samordnare.
    Samordnare,
    /// Professioner som möter barn och familjer.
    MoterBarn,
    /// Medicinsk elevhälsa.
    Elevhalsa,
    /// Sjukvård.
    Sjukvard,
}

impl ExportArgs {
    /// The format asked for, a CSV in the dialect asked for.
    pub fn export_format(&self) -> crate::export::Format {
        use crate::export::{CsvDialect, Format as Export};
        match self.format {
            Format::Md => Export::Md,
            Format::Html => Export::Html,
            Format::Eml => Export::Eml,
            Format::Csv => Export::Csv(
                self.csv_dialect
                    .map(|lang| CsvDialect::of(crate::agenda::Language::from(lang))),
            ),
            Format::Xlsx => Export::Xlsx,
        }
    }
}

impl From<Lang> for crate::agenda::Language {
    fn from(lang: Lang) -> Self {
        match lang {
            Lang::Sv => Self::Sv,
            Lang::En => Self::En,
        }
    }
}
