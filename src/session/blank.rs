//! Blank means blank: text of only spaces, line breaks and characters that
//! draw nothing (zero-width spaces and joiners, the word joiner, a byte-order
//! mark, a soft hyphen, direction marks, a blank Hangul filler or Braille
//! cell) is empty, so it never becomes an empty box on a board.

/// Whether `character` shows nothing: white space, or one of Unicode's
/// default-ignorable code points and the few letters that draw as nothing.
fn draws_nothing(character: char) -> bool {
    character.is_whitespace()
        || matches!(
            character,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{2800}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF0}'..='\u{FFF8}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0000}'..='\u{E0FFF}'
        )
}

/// Whether `text` shows nothing at all.
pub fn is_blank(text: &str) -> bool {
    text.chars().all(draws_nothing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_of_only_invisible_characters_is_blank_and_a_letter_is_not() {
        for blank in [
            "",
            " \n\t",
            "\u{200B}",
            "\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF}",
            "\u{00A0}\u{3000}",
            "\u{00AD}\u{2800}\u{3164}",
            "\u{202E}\u{200F}",
        ] {
            assert!(is_blank(blank), "{blank:?}");
        }
        for text in ["a", "\u{200B}a", "🙂", "å", "–", "e\u{301}"] {
            assert!(!is_blank(text), "{text:?}");
        }
    }
}
