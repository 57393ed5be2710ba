//! The keys README's table and the help (`?`) list are the run screen's own:
//! every key the board answers to is in README's key column and in the help
//! of both languages, so neither can drift from the key map.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use samla::agenda::{Language, SegmentKind};
use samla::app::action_for;

use crate::common::board::state_at;

/// Every key the board (nothing open over it) answers to, by the name the
/// key tables give it.
fn board_keys(space: &str) -> Vec<String> {
    let state = state_at("seminarium-3", 4, SegmentKind::ActionPlan);
    let named = [
        (KeyCode::Enter, "Enter"),
        (KeyCode::Tab, "Tab"),
        (KeyCode::BackTab, "Shift+Tab"),
        (KeyCode::Left, "←"),
        (KeyCode::Right, "→"),
        (KeyCode::Up, "↑"),
        (KeyCode::Down, "↓"),
        (KeyCode::Esc, "Esc"),
    ];
    let printable = (' '..='~').map(|letter| {
        let name = match letter {
            ' ' => space.to_owned(),
            '1'..='9' => "1–9".to_owned(),
            letter => letter.to_string(),
        };
        (KeyCode::Char(letter), name)
    });
    let mut keys: Vec<String> = printable
        .chain(named.map(|(code, name)| (code, name.to_owned())))
        .filter(|(code, _)| action_for(&state, KeyEvent::new(*code, KeyModifiers::NONE)).is_some())
        .map(|(_, name)| name)
        .collect();
    keys.dedup();
    keys
}

/// The names in a key column: "n / p", "h / H · Tab", "←/→ step" …
fn names(column: &str) -> Vec<&str> {
    column
        .split(|c: char| c.is_whitespace() || c == '/' || c == '·' || c == ',' || c == ';')
        .filter(|name| !name.is_empty())
        .collect()
}

/// Each key of `keys` that no row of `table` names: in its key column, or,
/// for an arrow or a key with a modifier, in what the row says (the help's
/// key column is narrow: "←/→ step", "Shift+Tab back").
fn missing<'a>(keys: &'a [String], table: &[(String, String)]) -> Vec<&'a str> {
    keys.iter()
        .filter(|key| {
            let told_in_the_row = ["←", "→", "↑", "↓"].contains(&key.as_str()) || key.contains('+');
            !table.iter().any(|(column, action)| {
                names(column).contains(&key.as_str())
                    || (told_in_the_row && action.contains(key.as_str()))
            })
        })
        .map(String::as_str)
        .collect()
}

/// README's table of the run screen's keys.
fn readme_table() -> Vec<(String, String)> {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README");
    let start = readme.find("| key | action |").expect("README's key table");
    readme[start..]
        .lines()
        .skip(2)
        .take_while(|line| line.starts_with('|'))
        .map(|line| {
            let cells: Vec<&str> = line.trim_matches('|').splitn(2, " | ").collect();
            let key = cells[0].trim().to_owned();
            (key, cells.get(1).unwrap_or(&"").to_owned().to_owned())
        })
        .collect()
}

#[test]
fn readme_names_every_key_of_the_board() {
    let keys = board_keys("Space");
    assert!(keys.len() > 30, "{keys:?}");
    assert_eq!(missing(&keys, &readme_table()), Vec::<&str>::new());
}

#[test]
fn the_help_names_every_key_of_the_board_in_both_languages() {
    for (language, space) in [(Language::En, "Space"), (Language::Sv, "Mellanslag")] {
        let keys = board_keys(space);
        let help: Vec<(String, String)> = samla::i18n::strings(language)
            .keys
            .iter()
            .map(|(key, action)| ((*key).to_owned(), (*action).to_owned()))
            .collect();
        assert_eq!(missing(&keys, &help), Vec::<&str>::new(), "{language:?}");
    }
}
