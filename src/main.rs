use std::process::ExitCode;

use clap::Parser;
use samla::cli::{self, Cli, Context};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut out = std::io::stdout();
    let mut err = std::io::stderr();
    let mut context = Context {
        samla_home: std::env::var_os("SAMLA_HOME"),
        out: &mut out,
        err: &mut err,
        no_color: std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty()),
    };
    match cli::run(cli, &mut context) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("samla: {error:#}");
            ExitCode::FAILURE
        }
    }
}
