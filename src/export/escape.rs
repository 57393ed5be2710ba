//! Card text as literal Markdown: whatever a participant said, it shows as
//! typed and never becomes a heading, a list, a quote, a table cell, a link,
//! code or HTML.

/// Characters that mean something inside a CommonMark line (with tables and
/// strikethrough): always escaped. `!` only makes an image before `[`, and `&`
/// only an entity before a letter or `#`; see [`line`].
const INLINE: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>', '|', '~'];

/// Characters that mean something at the start of a line: headings, quotes,
/// list bullets, setext underlines, thematic breaks.
const LINE_START: &[char] = &['#', '>', '-', '+', '=', '*'];

/// `text` with no control characters but newline and tab: CR LF and a lone CR
/// become newlines, escape sequences and NUL go. Every text from a file or a
/// card passes through this (or [`line`]) on its way into a document.
pub fn plain(text: &str) -> String {
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    unified
        .chars()
        .filter(|c| matches!(c, '\n' | '\t') || !c.is_control())
        .collect()
}

/// `text` as one line of plain text: line breaks as spaces, no control
/// characters, trimmed. For headers and titles outside Markdown.
pub fn one_line(text: &str) -> String {
    plain(text).replace('\n', " ").trim().to_owned()
}

/// The whitespace a line starts with, as no-break spaces: Markdown drops
/// leading spaces, but in a card they indent on purpose. A tab counts four.
fn kept_indent(text: &str) -> (String, &str) {
    let rest = text.trim_start_matches([' ', '\t']);
    let indent = text[..text.len() - rest.len()]
        .chars()
        .map(|c| {
            if c == '\t' {
                "\u{a0}\u{a0}\u{a0}\u{a0}"
            } else {
                "\u{a0}"
            }
        })
        .collect();
    (indent, rest)
}

/// One line of card text, escaped so it shows literally wherever it stands.
pub fn line(text: &str) -> String {
    let flat = plain(text).replace('\n', " ");
    let (indent, trimmed) = kept_indent(flat.trim_end());
    let mut escaped = String::with_capacity(trimmed.len() + indent.len() + 8);
    escaped.push_str(&indent);
    let mut chars = trimmed.chars().peekable();
    if let Some(&first) = chars.peek()
        && LINE_START.contains(&first)
        && !INLINE.contains(&first)
    {
        escaped.push('\\');
    }
    // A number followed by `.` or `)` starts an ordered list.
    let digits: String = trimmed.chars().take_while(char::is_ascii_digit).collect();
    let after_digits = trimmed[digits.len()..].chars().next();
    let ordered_marker = !digits.is_empty() && matches!(after_digits, Some('.' | ')'));
    let mut position = 0;
    while let Some(c) = chars.next() {
        if ordered_marker && position == digits.len() {
            escaped.push('\\');
        }
        let entity = c == '&'
            && chars
                .peek()
                .is_some_and(|next| next.is_ascii_alphabetic() || *next == '#');
        if INLINE.contains(&c) || entity {
            escaped.push('\\');
        }
        escaped.push(c);
        position += c.len_utf8();
    }
    escaped
}

/// Card text of one or more lines, as Markdown lines of one paragraph joined by
/// hard line breaks; blank lines inside are dropped so the paragraph holds.
pub fn lines(text: &str, indent: &str) -> String {
    plain(text)
        .lines()
        .map(line)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(&format!("\\\n{indent}"))
}

/// Card text for a table cell: one line, with line breaks as spaces.
pub fn cell(text: &str) -> String {
    plain(text)
        .lines()
        .map(line)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_swedish_stays_readable() {
        assert_eq!(
            line("Vi vill öka närvaron. Tack!"),
            "Vi vill öka närvaron. Tack!"
        );
        assert_eq!(line("skola & vård"), "skola & vård");
    }

    #[test]
    fn line_starts_are_escaped() {
        assert_eq!(line("# rubrik"), "\\# rubrik");
        assert_eq!(line("> citat"), "\\> citat");
        assert_eq!(line("- punkt"), "\\- punkt");
        assert_eq!(line("+ punkt"), "\\+ punkt");
        assert_eq!(line("1. första"), "1\\. första");
        assert_eq!(line("12) tolfte"), "12\\) tolfte");
        assert_eq!(line("==="), "\\===");
    }

    #[test]
    fn inline_syntax_is_escaped() {
        assert_eq!(
            line("[länk](http://x) <b>fet</b> `kod` a|b *x* _y_ ~z~ &amp;"),
            "\\[länk\\](http://x) \\<b\\>fet\\</b\\> \\`kod\\` a\\|b \\*x\\* \\_y\\_ \\~z\\~ \\&amp;"
        );
    }

    #[test]
    fn numbers_inside_a_line_are_left_alone() {
        assert_eq!(line("Åk 7. Sedan 2024."), "Åk 7. Sedan 2024.");
    }

    #[test]
    fn control_characters_never_reach_a_document() {
        let hostile = "Titel\x1b]52;c;cHduZWQ=\x07\x1b[2J\0\u{9b}1m slut";
        assert_eq!(line(hostile), "Titel\\]52;c;cHduZWQ=\\[2J1m slut");
        assert_eq!(plain("a\r\nb\rc\td\x1b"), "a\nb\nc\td");
        assert_eq!(
            one_line(" Rubrik\r\nmed radbrytning "),
            "Rubrik med radbrytning"
        );
    }

    #[test]
    fn a_line_break_in_a_title_stays_inside_its_heading() {
        assert_eq!(line("Del 1\r\n# Del 2"), "Del 1 # Del 2");
    }

    #[test]
    fn leading_spaces_and_tabs_indent_with_no_break_spaces() {
        assert_eq!(line("  - inte en lista"), "\u{a0}\u{a0}\\- inte en lista");
        assert_eq!(line("\tindrag"), "\u{a0}\u{a0}\u{a0}\u{a0}indrag");
        assert_eq!(
            lines("rubrik\n   indraget", ""),
            "rubrik\\\n\u{a0}\u{a0}\u{a0}indraget"
        );
    }

    #[test]
    fn several_lines_become_hard_breaks() {
        assert_eq!(lines("ett\n\n# två", "  "), "ett\\\n  \\# två");
        assert_eq!(cell("ett\ntvå|tre"), "ett två\\|tre");
    }
}
