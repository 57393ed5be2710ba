//! Card text fitted to a width: wrapped by display width (wide characters take
//! two cells, combining marks none), cut to a number of lines with an ellipsis.

use textwrap::core::display_width;
use textwrap::{Options, WrapAlgorithm};

/// A tab shown on the board: the editor turns typed tabs into spaces too.
const TAB: &str = "    ";

/// What the screen may show of typed or pasted text: no control characters,
/// which a terminal would act on instead of drawing.
pub fn printable(text: &str) -> String {
    let mut shown = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\t' => shown.push_str(TAB),
            c if c.is_control() => {}
            c => shown.push(c),
        }
    }
    shown
}

/// `text` wrapped to `width` cells in at most `max_lines` lines; the last line
/// ends in "…" when text was left out. Only as much text is read as can show,
/// so a 100 KB card costs no more than a short one.
pub fn fit(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let width = width.max(1);
    let options = Options::new(width).wrap_algorithm(WrapAlgorithm::FirstFit);
    // No line of output holds more than `width` characters, so this many suffice.
    let budget = width * max_lines + 1;
    let mut lines = Vec::new();
    let mut truncated = false;
    for paragraph in text.split('\n') {
        if lines.len() == max_lines {
            truncated = true;
            break;
        }
        let head = prefix_chars(paragraph, budget);
        let shown = printable(head);
        let wrapped = textwrap::wrap(&shown, &options);
        if head.len() < paragraph.len() {
            truncated = true;
        }
        for line in wrapped {
            if lines.len() == max_lines {
                truncated = true;
                break;
            }
            lines.push(line.into_owned());
        }
    }
    if truncated && let Some(last) = lines.last_mut() {
        *last = with_ellipsis(last, width);
    }
    lines
}

/// The first `count` characters of `text`.
fn prefix_chars(text: &str, count: usize) -> &str {
    match text.char_indices().nth(count) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}

/// `line` cut so that it and a trailing "…" fit in `width` cells: between
/// words where that keeps at least half the width, so no word is half shown.
fn with_ellipsis(line: &str, width: usize) -> String {
    let mut kept = String::new();
    let mut used = 0;
    let mut cut_in_word = false;
    for c in line.chars() {
        let cells = display_width(c.encode_utf8(&mut [0; 4]));
        if used + cells + 1 > width {
            cut_in_word = !c.is_whitespace();
            break;
        }
        used += cells;
        kept.push(c);
    }
    if cut_in_word
        && let Some(space) = kept.rfind(' ')
        && display_width(&kept[..space]) * 2 >= width
    {
        kept.truncate(space);
    }
    kept.truncate(kept.trim_end().len());
    kept.push('…');
    kept
}

/// `text` on one line of at most `width` cells, with "…" if cut.
pub fn one_line(text: &str, width: usize) -> String {
    fit(text, width, 1).into_iter().next().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn widths(lines: &[String]) -> Vec<usize> {
        lines.iter().map(|line| display_width(line)).collect()
    }

    #[test]
    fn swedish_text_wraps_at_spaces() {
        assert_eq!(
            fit("Vi vill öka närvaron i åk 7", 12, 5),
            ["Vi vill öka", "närvaron i", "åk 7"]
        );
    }

    #[test]
    fn wide_characters_never_pass_the_width() {
        let lines = fit("漢字漢字漢字漢字漢字 🙂🙂🙂🙂🙂🙂", 7, 10);
        assert!(widths(&lines).iter().all(|width| *width <= 7), "{lines:?}");
        assert_eq!(
            lines.concat().replace(' ', ""),
            "漢字漢字漢字漢字漢字🙂🙂🙂🙂🙂🙂"
        );
    }

    #[test]
    fn combining_marks_take_no_cell() {
        assert_eq!(widths(&fit("e\u{301}e\u{301}e\u{301}", 3, 1)), [3]);
    }

    #[test]
    fn text_past_the_last_line_ends_in_an_ellipsis() {
        let lines = fit("ett två tre fyra fem sex sju åtta", 9, 2);
        assert_eq!(lines, ["ett två", "tre fyra…"]);
        let lines = fit("rad ett\nrad två\nrad tre", 20, 2);
        assert_eq!(lines, ["rad ett", "rad två…"]);
    }

    #[test]
    fn an_ellipsis_after_wide_characters_still_fits() {
        let lines = fit("漢字漢字漢字漢字", 5, 1);
        assert_eq!(lines, ["漢字…"]);
    }

    #[test]
    fn a_long_paste_is_cut_without_reading_it_all() {
        let text = "ord ".repeat(25_000);
        let lines = fit(&text, 30, 3);
        assert_eq!(lines.len(), 3);
        assert!(lines[2].ends_with('…'));
    }

    #[test]
    fn control_characters_are_not_drawn_and_tabs_become_spaces() {
        assert_eq!(printable("a\u{1b}[2Jb\tc\u{7}"), "a[2Jb    c");
    }

    #[test]
    fn one_line_cuts_with_an_ellipsis() {
        assert_eq!(one_line("Fråga Helena om statistiken", 10), "Fråga…");
        assert_eq!(one_line("kort", 10), "kort");
    }
}
