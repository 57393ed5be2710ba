//! Programs some tests need that a fresh machine may lack: a test without
//! them says it was skipped and why; with `CI` set (as `.ci/run` sets it)
//! they are required, and a missing one fails the test.

use std::process::{Command, Stdio};

/// Whether `program` runs here (asked with `argument`, e.g. `--version`);
/// with `CI` set, a missing one fails the test, naming the Debian `package`.
pub fn available(program: &str, argument: &str, package: &str) -> bool {
    let found = Command::new(program)
        .arg(argument)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok();
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "{program} is required in CI (apt-get install {package}, as .ci/run does)"
        );
        eprintln!("skipped: {program} is not installed (apt-get install {package})");
    }
    found
}
