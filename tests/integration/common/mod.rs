//! Runs the real `samla` binary, isolated from the user's own data folder.

#![allow(dead_code)] // each test crate uses a different part of this module

pub mod board;
pub mod crash;
pub mod fixture;
pub mod in_process;
pub mod markdown;
pub mod programs;
pub mod pty;
pub mod room;
pub mod small_disk;
pub mod survey;
pub mod wine;
pub mod workbook;
pub mod workshop;

use std::path::Path;
use std::process::{Command, Output};

/// Output of one run, with text decoded.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(output: Output) -> Self {
        Self {
            code: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

/// Runs `samla ARGS` in `cwd` with `SAMLA_HOME` set to `home`.
pub fn samla_in(cwd: &Path, home: &Path, args: &[&str]) -> Run {
    Command::new(env!("CARGO_BIN_EXE_samla"))
        .args(args)
        .current_dir(cwd)
        .env("SAMLA_HOME", home)
        .env("NO_COLOR", "1")
        // The command line speaks the system's language; these tests read English.
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("the samla binary runs")
        .into()
}

/// Runs `samla ARGS` from the repository root with an empty, private `SAMLA_HOME`.
pub fn samla(args: &[&str]) -> Run {
    let home = tempfile::tempdir().expect("temp dir");
    samla_in(Path::new(env!("CARGO_MANIFEST_DIR")), home.path(), args)
}
