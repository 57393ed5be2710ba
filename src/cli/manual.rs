//! Shell completions and the manual page, generated from the same clap
//! definitions the command line parses with, so they never drift from it.

use std::path::Path;
use std::process::ExitCode;

use clap::CommandFactory;

use super::{Cli, Context, fail};
use crate::i18n::Say;

/// Writes the completion script for `shell` to standard output.
pub fn completions(shell: clap_complete::Shell, context: &mut Context) -> anyhow::Result<ExitCode> {
    // Made in memory first: clap_complete panics when its writer fails, as
    // standard output does when a pager closes early.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "samla", &mut script);
    context.out.write_all(&script)?;
    Ok(ExitCode::SUCCESS)
}

/// Writes samla.1 to `output` (`-` is standard output), else to the current
/// folder, and says where.
pub fn man(output: Option<&Path>, context: &mut Context) -> anyhow::Result<ExitCode> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    let path = match output {
        Some(path) if path == Path::new("-") => {
            context.out.write_all(&page)?;
            return Ok(ExitCode::SUCCESS);
        }
        Some(path) => path.to_path_buf(),
        None => Path::new("samla.1").to_path_buf(),
    };
    crate::store::write_document(&path, &page).map_err(|error| {
        fail(Say::CannotWrite {
            path: path.clone(),
            kind: error.kind(),
        })
    })?;
    writeln!(context.out, "{}", path.display())?;
    Ok(ExitCode::SUCCESS)
}
