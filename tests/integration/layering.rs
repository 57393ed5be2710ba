//! The layers stay apart: what is planned, what happened, the summaries, the
//! words and the drawing know nothing of files, the event loop or the terminal.

use std::path::{Path, PathBuf};

/// The layers that must stay pure, and what they may never reach.
const PURE: [&str; 4] = ["ui", "session", "export", "i18n"];
const FORBIDDEN: [&str; 4] = ["crate::store", "crate::app", "crate::cli", "crossterm"];

fn rust_files(folder: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(folder).expect("a source folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
    files
}

/// Every line of `file` that names a forbidden layer, outside comments.
fn reaches(file: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(file).expect("readable");
    text.lines()
        .map(str::trim)
        .filter(|line| !line.starts_with("//"))
        .filter(|line| {
            FORBIDDEN.iter().any(|layer| {
                line.contains(&format!("{layer}::"))
                    || line.contains(&format!("use {layer}"))
                    || line.contains(&format!("{layer};"))
            })
        })
        .map(|line| format!("{}: {line}", file.display()))
        .collect()
}

#[test]
fn ui_session_export_and_the_words_reach_no_store_loop_or_terminal() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    for layer in PURE {
        let files = rust_files(&src.join(layer));
        assert!(!files.is_empty(), "no files in src/{layer}");
        for file in files {
            found.extend(reaches(&file));
        }
    }
    assert!(found.is_empty(), "layers crossed:\n{}", found.join("\n"));
}

#[test]
fn the_check_sees_a_crossing() {
    let folder = tempfile::tempdir().expect("temp dir");
    let file = folder.path().join("pane.rs");
    std::fs::write(
        &file,
        "// crate::store:: in a comment is fine\nuse crate::store::Saver;\nuse crossterm::event::KeyEvent;\n",
    )
    .expect("written");
    assert_eq!(reaches(&file).len(), 2);
}
