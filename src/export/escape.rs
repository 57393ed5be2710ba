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

/// One line of card text, escaped so it shows literally wherever it stands.
pub fn line(text: &str) -> String {
    let trimmed = text.trim();
    let mut escaped = String::with_capacity(trimmed.len() + 8);
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
    text.lines()
        .map(line)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(&format!("\\\n{indent}"))
}

/// Card text for a table cell: one line, with line breaks as spaces.
pub fn cell(text: &str) -> String {
    text.lines()
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
    fn several_lines_become_hard_breaks() {
        assert_eq!(lines("ett\n\n# två", "  "), "ett\\\n  \\# två");
        assert_eq!(cell("ett\ntvå|tre"), "ett två\\|tre");
    }
}
