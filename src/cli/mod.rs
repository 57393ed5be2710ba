//! The command line: parsing with clap, and the commands that need no screen.

mod agendas;
mod args;
mod complete;
mod doctor;
mod export;
mod help_sv;
mod input;
mod manual;
mod pipe;
mod poll;
mod poll_csv;
mod present;
mod printable;
mod resume;
mod run;
mod screen;
mod series;
mod sessions;
mod terminal;
mod validate;

use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

pub use args::{
    AgendasCommand, Cli, Command, ExportArgs, Format, GroupChange, Lang, PollCommand,
    PollImportArgs, RoleArg, RoomArgs, RunArgs, SeriesCommand,
};

use std::path::PathBuf;

pub use poll::MAX_IMPORT_FORMS;
pub use printable::{Printable, printable};

use crate::agenda::{AgendaError, Language};
use crate::i18n::{Said, Say};
use crate::store::{DataDir, LockError, SessionFileError, SessionSummary};

/// What a command needs from the outside world, passed in so tests can supply it.
pub struct Context<'a> {
    /// `SAMLA_HOME`, if set.
    pub samla_home: Option<OsString>,
    /// Where results go.
    pub out: &'a mut dyn Write,
    /// Where problems go.
    pub err: &'a mut dyn Write,
    /// Whether `NO_COLOR` is set (to anything but the empty string).
    pub no_color: bool,
    /// The language `--lang` asked for, if it did.
    pub asked_language: Option<Language>,
    /// The language of the command line's words: `--lang`, else the system's.
    pub language: Language,
    /// How the run screen serves the room's page.
    pub room: RoomArgs,
    /// Where the run screen is shown and takes its keys, when not on the
    /// terminal: an in-process screen, for tests.
    pub given_screen: Option<GivenScreen>,
}

/// A screen and its inputs given from outside, in place of the terminal.
pub struct GivenScreen {
    /// Where frames are drawn.
    pub screen: Box<dyn crate::app::Screen>,
    /// The loop's channel; whoever gave it keeps a sender for the keys.
    pub inputs: crate::app::Inputs,
}

/// The command line in `language`: its help and headings in Swedish when
/// that is the language.
pub fn command(language: Language) -> clap::Command {
    let command = <Cli as clap::CommandFactory>::command();
    match language {
        Language::Sv => help_sv::swedish(command),
        Language::En => command,
    }
}

/// The language of the help: `--lang sv|en` among `args` (read before they
/// are parsed, since the help is part of parsing), else the system's.
pub fn help_language(
    args: impl IntoIterator<Item = OsString>,
    variable: impl Fn(&str) -> Option<OsString>,
) -> Language {
    let args: Vec<String> = args
        .into_iter()
        .map(|arg| arg.to_string_lossy().into_owned())
        .collect();
    let asked = args
        .iter()
        .enumerate()
        .find_map(|(index, arg)| match arg.strip_prefix("--lang") {
            Some("") => args.get(index + 1).map(String::as_str),
            Some(value) => value.strip_prefix('='),
            None => None,
        });
    match asked {
        Some("sv") => Language::Sv,
        Some("en") => Language::En,
        _ => system_language(variable),
    }
}

/// The system's language from the locale variables (LC_ALL, LC_MESSAGES,
/// LANG, as POSIX orders them): Swedish for `sv…`, otherwise English.
pub fn system_language(variable: impl Fn(&str) -> Option<OsString>) -> Language {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(variable)
        .map(|value| value.to_string_lossy().into_owned())
        .find(|value| !value.is_empty());
    match locale {
        Some(locale) if locale.to_lowercase().starts_with("sv") => Language::Sv,
        _ => Language::En,
    }
}

/// The file of session `name` (an id or a path) or, without a name, of the
/// session `default` picks; `missing` says why there is none then.
fn session_path_or(
    data: &DataDir,
    name: Option<&str>,
    default: impl FnOnce(&DataDir) -> Option<SessionSummary>,
    missing: Say,
) -> anyhow::Result<PathBuf> {
    match name {
        Some(name) => data.session_path(name).ok_or_else(|| {
            fail(Say::NoSuchSession {
                name: name.to_owned(),
            })
        }),
        None => default(data)
            .map(|summary| summary.path)
            .ok_or_else(|| fail(missing)),
    }
}

impl Context<'_> {
    fn data_dir(&self) -> anyhow::Result<DataDir> {
        let data =
            DataDir::locate(self.samla_home.clone()).ok_or_else(|| fail(Say::NoDataFolder))?;
        if data.root().exists() && !data.root().is_dir() {
            return Err(fail(Say::DataFolderNotAFolder {
                path: data.root().to_path_buf(),
            }));
        }
        Ok(data)
    }
}

/// Runs a parsed command line; `Err` carries the one-line reason for exit code 1.
pub fn run(cli: Cli, context: &mut Context) -> anyhow::Result<ExitCode> {
    if let Some(lang) = cli.lang {
        context.asked_language = Some(lang.into());
        context.language = lang.into();
    }
    match cli.command {
        Some(Command::Agendas { action: None }) => agendas::list(context),
        Some(Command::Agendas {
            action: Some(AgendasCommand::New { id, from }),
        }) => agendas::new(&id, from.as_deref(), context),
        Some(Command::Validate { files }) => validate::check(&files, context),
        Some(Command::Run(args)) => {
            context.room = args.room.clone();
            run::run(&args, context)
        }
        None => run::run(&RunArgs::default(), context),
        Some(Command::Resume {
            session,
            backup,
            room,
        }) => {
            context.room = room;
            resume::resume(session.as_deref(), backup, context)
        }
        Some(Command::Sessions { json }) => sessions::list(json, context),
        Some(Command::Export(args)) => export::export(&args, context),
        Some(Command::ServeClipboard) => {
            crate::clipboard::serve()?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Present { session }) => present::present(session.as_deref(), context),
        Some(Command::Series { name, action }) => series::series(name.as_deref(), action, context),
        Some(Command::Poll(command)) => poll::poll(&command, context),
        Some(Command::Completions { shell }) => manual::completions(shell, context),
        Some(Command::Man { output }) => manual::man(output.as_deref(), context),
        Some(Command::Doctor { bind, port }) => {
            doctor::doctor(doctor::RoomPlace { bind, port }, context)
        }
    }
}

/// An error the command line reports as `message` says, in its language.
fn fail(message: Say) -> anyhow::Error {
    anyhow::Error::new(Said(message))
}

/// `error` in `language`: samla's own errors in the message catalogue's words,
/// anything else (a system error with no message of ours) as it reads.
pub fn worded(error: &anyhow::Error, language: Language) -> String {
    if let Some(Said(message)) = error.downcast_ref::<Said>() {
        return message.text(language);
    }
    if let Some(error) = error.downcast_ref::<LockError>() {
        return error.say().text(language);
    }
    if let Some(error) = error.downcast_ref::<SessionFileError>() {
        return error.say().text(language);
    }
    if let Some(error) = error.downcast_ref::<AgendaError>() {
        return Say::from(error).text(language);
    }
    format!("{error:#}")
}

impl Context<'_> {
    /// From here on, speak the language of the agenda at hand, unless
    /// `--lang` chose one.
    fn speak(&mut self, agenda: Language) {
        if self.asked_language.is_none() {
            self.language = agenda;
        }
    }

    /// `message` in the command line's language.
    fn say(&self, message: Say) -> String {
        message.text(self.language)
    }
}
