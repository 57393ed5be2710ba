use std::io::Write;
use std::process::ExitCode;

use samla::cli::{self, Cli, Context, Printable};

fn main() -> ExitCode {
    // `COMPLETE=bash samla` and the shell's calls back: agenda and session ids
    // completed from the data folder; nothing else runs then.
    clap_complete::CompleteEnv::with_factory(<Cli as clap::CommandFactory>::command).complete();
    // Nothing from a file or an argument reaches the terminal as a control sequence.
    let mut out = Printable::new(std::io::stdout());
    let mut err = Printable::new(std::io::stderr());
    // The help speaks the language the screen would: `--lang`, else the system's.
    let language = cli::help_language(std::env::args_os(), |name| std::env::var_os(name));
    let parsed = cli::command(language)
        .try_get_matches()
        .and_then(|matches| <Cli as clap::FromArgMatches>::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(error) => {
            let text = error.render().to_string();
            let stream: &mut dyn Write = if error.use_stderr() {
                &mut err
            } else {
                &mut out
            };
            let _ = stream.write_all(text.as_bytes());
            let _ = stream.flush();
            return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2));
        }
    };
    let mut context = Context {
        samla_home: std::env::var_os("SAMLA_HOME"),
        out: &mut out,
        err: &mut err,
        no_color: std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty()),
        asked_language: None,
        language: cli::system_language(|name| std::env::var_os(name)),
        room: Default::default(),
        given_screen: None,
    };
    let code = match cli::run(cli, &mut context) {
        Ok(code) => code,
        Err(error) => {
            let _ = writeln!(
                context.err,
                "samla: {}",
                cli::worded(&error, context.language)
            );
            ExitCode::FAILURE
        }
    };
    let _ = out.flush();
    let _ = err.flush();
    code
}
