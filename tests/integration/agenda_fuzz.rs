//! No input, however broken, panics the agenda loader; every syntax error points
//! inside the text it was given.

use proptest::prelude::*;
use samla::agenda::{AgendaError, BUNDLED, parse_agenda};

/// Asserts that a reported position lies within `bytes` (or just after its end).
fn assert_position_inside(bytes: &[u8], result: &Result<samla::agenda::Agenda, AgendaError>) {
    if let Err(AgendaError::Syntax { line, column, .. }) = result {
        let text = String::from_utf8_lossy(bytes);
        let lines: Vec<&str> = text.split('\n').collect();
        assert!(
            *line >= 1 && *line <= lines.len(),
            "line {line} of {}",
            lines.len()
        );
        let width = lines[line - 1].chars().count();
        assert!(
            *column >= 1 && *column <= width + 1,
            "column {column} of {width}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_bytes_never_panic_the_loader(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let result = parse_agenda("fuzz.ron", &bytes);
        prop_assert!(result.is_err() || !bytes.is_empty());
        assert_position_inside(&bytes, &result);
    }

    #[test]
    fn arbitrary_text_never_panics_the_loader(text in "\\PC{0,400}") {
        let result = parse_agenda("fuzz.ron", text.as_bytes());
        assert_position_inside(text.as_bytes(), &result);
    }

    #[test]
    fn edits_of_bundled_agendas_never_panic_the_loader(
        which in 0..BUNDLED.len(),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), 0..4u8, any::<char>()), 1..6),
    ) {
        let mut text: Vec<char> = BUNDLED[which].1.chars().collect();
        for (at, how, ch) in edits {
            let index = at.index(text.len() + 1);
            match how {
                0 if index < text.len() => { text.remove(index); }
                1 => text.insert(index, ch),
                2 if index < text.len() => text[index] = ch,
                _ => text.truncate(index),
            }
        }
        let text: String = text.into_iter().collect();
        let result = parse_agenda("edited.ron", text.as_bytes());
        assert_position_inside(text.as_bytes(), &result);
    }
}
