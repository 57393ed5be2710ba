//! Where in an agenda's text a broken rule sits: the line and column of the
//! field it names, else of the segment, so `samla validate` can point at it
//! as it points at a syntax error.

use super::diagnostic::Rule;
use super::error::Place;

/// A 1-based line and column (in characters).
pub type Position = (usize, usize);

/// The position of `rule`'s field within `place` in `text`: the field's name,
/// or the start of its segment (or of the agenda) when the field is not
/// written there, e.g. a kind whose required list is left out.
pub fn locate(text: &str, place: &Place, rule: &Rule) -> Option<Position> {
    let tokens = tokens(text);
    let (start, end, depth) = match place {
        Place::Agenda => (0, tokens.len(), 1),
        Place::Segment { number, .. } => segment_span(&tokens, *number)?,
    };
    // "event_name.definite" is found at `event_name`, the field that holds it.
    let field = rule.field().and_then(|field| field.split('.').next());
    let named = tokens[start..end].windows(2).find(|pair| {
        pair[0].depth == depth
            && pair[1].text == ":"
            && field.is_some_and(|field| pair[0].text == field)
    });
    Some(named.map_or(tokens.get(start)?.at, |pair| pair[0].at))
}

/// The tokens of segment `number` (1-based), from its first to the comma
/// or bracket after it, and the depth of its own fields.
fn segment_span(tokens: &[Token], number: usize) -> Option<(usize, usize, usize)> {
    let key = tokens
        .windows(2)
        .position(|pair| pair[0].depth == 1 && pair[0].text == "segments" && pair[1].text == ":")?;
    let open = key + tokens[key..].iter().position(|token| token.text == "[")?;
    // The list's items sit one level below its bracket, their fields two.
    let items = tokens[open].depth + 1;
    let mut seen = 0;
    let mut index = open + 1;
    while tokens.get(index)?.depth >= items {
        if tokens[index].depth == items && tokens[index].text == "," {
            index += 1;
            continue;
        }
        let start = index;
        while tokens
            .get(index)
            .is_some_and(|token| token.depth > items || (token.depth == items && token.text != ","))
        {
            index += 1;
        }
        seen += 1;
        if seen == number {
            return Some((start, index, items + 1));
        }
    }
    None
}

/// A word, a number or one punctuation mark, outside strings and comments,
/// with where it starts and how deep in brackets it sits.
struct Token<'a> {
    text: &'a str,
    at: Position,
    depth: usize,
}

fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    let (mut line, mut column) = (1, 1);
    let mut depth = 0usize;
    // Moves past one character, keeping the line and column.
    let step = |c: char, line: &mut usize, column: &mut usize| {
        if c == '\n' {
            *line += 1;
            *column = 1;
        } else {
            *column += 1;
        }
    };
    while let Some((offset, c)) = chars.next() {
        let at = (line, column);
        step(c, &mut line, &mut column);
        match c {
            '"' => {
                let mut escaped = false;
                for (_, c) in chars.by_ref() {
                    step(c, &mut line, &mut column);
                    match c {
                        '\\' if !escaped => escaped = true,
                        '"' if !escaped => break,
                        _ => escaped = false,
                    }
                }
                tokens.push(Token {
                    text: "\"",
                    at,
                    depth,
                });
            }
            '/' if chars.peek().is_some_and(|(_, next)| *next == '/') => {
                for (_, c) in chars.by_ref() {
                    step(c, &mut line, &mut column);
                    if c == '\n' {
                        break;
                    }
                }
            }
            '/' if chars.peek().is_some_and(|(_, next)| *next == '*') => {
                let mut previous = ' ';
                for (_, c) in chars.by_ref() {
                    step(c, &mut line, &mut column);
                    if previous == '*' && c == '/' {
                        break;
                    }
                    previous = c;
                }
            }
            c if c.is_whitespace() => {}
            c if c.is_alphanumeric() || c == '_' => {
                let mut end = offset + c.len_utf8();
                while let Some(&(next_offset, next)) = chars.peek() {
                    if !(next.is_alphanumeric() || next == '_') {
                        break;
                    }
                    step(next, &mut line, &mut column);
                    end = next_offset + next.len_utf8();
                    chars.next();
                }
                tokens.push(Token {
                    text: &text[offset..end],
                    at,
                    depth,
                });
            }
            '(' | '[' | '{' => {
                tokens.push(Token {
                    text: &text[offset..offset + 1],
                    at,
                    depth,
                });
                depth += 1;
            }
            ')' | ']' | '}' => {
                depth = depth.saturating_sub(1);
                tokens.push(Token {
                    text: &text[offset..offset + 1],
                    at,
                    depth,
                });
            }
            _ => tokens.push(Token {
                text: &text[offset..offset + c.len_utf8()],
                at,
                depth,
            }),
        }
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    const AGENDA: &str = r#"// A comment with segments: [ (
Agenda(
    title: "Dag (ett)",
    segments: [
        (kind: Break, title: "Paus", minutes: 15),
        Segment(
            kind: GroupDiscussion,
            title: "Samtal, om \"det\"",
            minutes: 0,
        ),
    ],
)"#;

    fn segment(number: usize) -> Place {
        Place::Segment {
            number,
            title: String::new(),
        }
    }

    #[test]
    fn a_field_of_a_segment_is_found_past_strings_comments_and_brackets() {
        assert_eq!(
            locate(AGENDA, &segment(2), &Rule::ZeroMinutes),
            Some((9, 13))
        );
        assert_eq!(
            locate(AGENDA, &segment(1), &Rule::ZeroMinutes),
            Some((5, 38))
        );
    }

    #[test]
    fn a_field_left_out_points_at_its_segment_and_a_missing_segment_at_nothing() {
        assert_eq!(
            locate(AGENDA, &segment(2), &Rule::NoStatements),
            Some((6, 9))
        );
        assert_eq!(locate(AGENDA, &segment(3), &Rule::ZeroMinutes), None);
    }

    #[test]
    fn an_agenda_field_is_found_at_the_top_level_only() {
        assert_eq!(
            locate(AGENDA, &Place::Agenda, &Rule::EmptyTitle),
            Some((3, 5))
        );
        assert_eq!(
            locate(AGENDA, &Place::Agenda, &Rule::NumberZero),
            Some((2, 1))
        );
    }
}
