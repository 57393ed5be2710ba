//! samla.exe, the Windows build, run under Debian's wine. wine 8 lacks
//! `ProcessPrng` of bcryptprimitives.dll, which Rust's standard library
//! asks for random bytes; a stand-in compiled here from
//! tests/wine/bcryptprimitives.c sits beside a copy of samla.exe. It is for
//! these tests only and is never shipped.
//!
//! samla.exe is built beforehand (`cargo build --target
//! x86_64-pc-windows-gnu`, as `.ci/run` does). Without it, wine or
//! mingw-w64 a test says it was skipped; with `CI` set it fails instead.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use portable_pty::CommandBuilder;

use super::Run;
use super::programs::available;
use super::pty::PtyApp;

const WINDOWS_TARGET: &str = "x86_64-pc-windows-gnu";

/// Where Debian's wine64 package puts its loader.
const WINE: &str = "/usr/lib/wine/wine64";

/// samla.exe beside the stand-in, and the wine prefix it runs in.
pub struct Windows {
    exe: PathBuf,
    prefix: PathBuf,
    folder: PathBuf,
}

/// The Windows build, ready to run; `None` when this machine cannot (and
/// not in CI).
pub fn windows() -> Option<&'static Windows> {
    static WINDOWS: OnceLock<Option<Windows>> = OnceLock::new();
    WINDOWS.get_or_init(Windows::prepare).as_ref()
}

/// `path` as a Windows program names it: on wine's drive Z:, the Unix root.
pub fn windows_path(path: &Path) -> String {
    format!("Z:{}", path.display()).replace('/', "\\")
}

impl Windows {
    fn prepare() -> Option<Self> {
        let built = built_exe()?;
        if !available(WINE, "--version", "wine64")
            || !available(
                "x86_64-w64-mingw32-gcc",
                "--version",
                "gcc-mingw-w64-x86-64",
            )
        {
            return None;
        }
        let folder = Path::new(env!("CARGO_TARGET_TMPDIR")).join("wine");
        let bin = ready_bin(&folder, &built);
        let windows = Self {
            exe: bin.join("samla.exe"),
            prefix: folder.join("prefix"),
            folder,
        };
        // The first run makes the prefix; later ones, in parallel, find it.
        let first = windows.run(&windows.folder, &["--version"]);
        assert_eq!(
            first.code,
            Some(0),
            "samla.exe runs under wine: {}",
            first.stderr
        );
        let native = super::samla(&["--version"]);
        assert_eq!(
            first.stdout, native.stdout,
            "samla.exe is from another build than the tests; build it again with \
             cargo build --target {WINDOWS_TARGET}"
        );
        Some(windows)
    }

    /// What every wine here runs with: the prefix, quiet logs, and no Mono
    /// or Gecko installers when the prefix is made.
    fn environment(&self) -> [(&'static str, &OsStr); 3] {
        [
            ("WINEPREFIX", self.prefix.as_os_str()),
            ("WINEDEBUG", OsStr::new("-all")),
            ("WINEDLLOVERRIDES", OsStr::new("mscoree,mshtml=")),
        ]
    }

    /// The wine that runs `program` (a Windows program) with the prefix
    /// and quiet logs.
    fn wine(&self, program: &Path) -> Command {
        let mut command = Command::new(WINE);
        command
            .arg(program)
            .envs(self.environment())
            .current_dir(env!("CARGO_MANIFEST_DIR"));
        command
    }

    /// Runs `samla.exe ARGS` with `SAMLA_HOME` at `home`, in English, its
    /// output piped.
    pub fn run(&self, home: &Path, args: &[&str]) -> Run {
        self.wine(&self.exe)
            .args(args)
            .env("SAMLA_HOME", windows_path(home))
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .stdin(Stdio::null())
            .output()
            .expect("wine runs")
            .into()
    }

    /// Starts `samla.exe ARGS` in a pseudo-terminal, as wine's console
    /// carries it.
    pub fn pty(&self, home: &Path, args: &[&str]) -> PtyApp {
        let mut command = CommandBuilder::new(WINE);
        command.arg(&self.exe);
        command.args(args);
        for (name, value) in self.environment() {
            command.env(name, value);
        }
        let home = windows_path(home);
        PtyApp::spawn_command(command, Path::new(&home), 120, 40, &[])
    }

    /// Starts hold.exe on `file`: it holds the file open as a reading
    /// Windows program does, until a line is written to its input.
    pub fn hold(&self, file: &Path) -> std::process::Child {
        let hold = self.exe.with_file_name("hold.exe");
        self.wine(&hold)
            .arg(windows_path(file))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("hold.exe starts")
    }
}

/// A folder with a copy of `built`, the stand-in DLL and hold.exe, made
/// once for each build of samla.exe: made aside and renamed into place, so
/// test processes running at once (as nextest runs them) share it safely.
fn ready_bin(folder: &Path, built: &Path) -> PathBuf {
    let stamp = std::fs::metadata(built)
        .and_then(|meta| meta.modified())
        .ok()
        .and_then(|modified| modified.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |since| since.as_nanos());
    let bin = folder.join(format!("bin-{stamp}"));
    if bin.is_dir() {
        return bin;
    }
    let aside = folder.join(format!("bin-{stamp}.{}", std::process::id()));
    std::fs::create_dir_all(&aside).expect("a folder for samla.exe");
    std::fs::copy(built, aside.join("samla.exe")).expect("samla.exe copied");
    compile(
        &["-shared"],
        "bcryptprimitives.c",
        &aside.join("bcryptprimitives.dll"),
        &["-ladvapi32"],
    );
    compile(&["-municode"], "hold.c", &aside.join("hold.exe"), &[]);
    if std::fs::rename(&aside, &bin).is_err() {
        // Another process was first; its folder is the same.
        let _ = std::fs::remove_dir_all(&aside);
    }
    bin
}

/// samla.exe as Cargo built it for Windows, beside the tests' own build.
fn built_exe() -> Option<PathBuf> {
    let found = Path::new(env!("CARGO_BIN_EXE_samla"))
        .ancestors()
        .map(|folder| folder.join(WINDOWS_TARGET).join("debug/samla.exe"))
        .find(|exe| exe.is_file());
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "samla.exe is required in CI (cargo build --target {WINDOWS_TARGET}, as .ci/run does)"
        );
        eprintln!("skipped: samla.exe is not built (cargo build --target {WINDOWS_TARGET})");
    }
    found
}

/// Compiles tests/wine/`source` with mingw-w64 into `output`.
fn compile(before: &[&str], source: &str, output: &Path, after: &[&str]) {
    let source = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/wine")
        .join(source);
    let status = Command::new("x86_64-w64-mingw32-gcc")
        .args(before)
        .args(["-O2", "-o"])
        .arg(output)
        .arg(&source)
        .args(after.iter().map(OsStr::new))
        .status()
        .expect("mingw-w64 runs");
    assert!(status.success(), "{} compiles", source.display());
}
