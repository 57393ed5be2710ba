//! Personal data that must not leave the room in a summary: Swedish personal
//! identity and coordination numbers (with a valid check digit), e-mail
//! addresses and phone numbers. Candidates are found by their shape; the
//! email_address and phonenumber crates decide on theirs. The identity number
//! is checked here: the one crate for it (personnummer 3.1) computes a
//! coordination number's check digit from the birth day instead of day + 60.

use std::ops::Range;

use chrono::NaiveDate;
use email_address::EmailAddress;

/// What kind of personal data was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// A personnummer or samordningsnummer.
    IdNumber,
    /// An e-mail address.
    Email,
    /// A phone number.
    Phone,
}

/// One find: its kind and where it stands in the text (byte offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Find {
    pub kind: Kind,
    pub range: Range<usize>,
}

/// Every find in `text`, in order, however it is spelt: full-width digits
/// and at signs, dashes and minus signs, no-break spaces and line breaks
/// inside a number, parentheses, slashes and dots in a phone number.
pub fn finds(text: &str) -> Vec<Find> {
    let plain = Plain::of(text);
    let mut found: Vec<Find> = number_runs(&plain.text)
        .into_iter()
        .filter_map(|range| {
            let run = &plain.text[range.clone()];
            let kind = if is_id_number(run) {
                Kind::IdNumber
            } else if is_phone(run) {
                Kind::Phone
            } else {
                return None;
            };
            Some(Find { kind, range })
        })
        .collect();
    found.extend(emails(&plain.text));
    found.sort_by_key(|find| find.range.start);
    for find in &mut found {
        find.range = plain.original(&find.range);
    }
    found
}

/// `text` with every find replaced by `with`.
pub fn redacted(text: &str, with: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for find in finds(text) {
        if find.range.start < at {
            continue;
        }
        out.push_str(&text[at..find.range.start]);
        out.push_str(with);
        at = find.range.end;
    }
    out.push_str(&text[at..]);
    out
}

/// A text spelt plainly for the search, and where each of its bytes came
/// from, so that a find names its place in the text as written.
struct Plain {
    text: String,
    /// For each byte of `text`, the original character's bytes.
    from: Vec<Range<usize>>,
}

impl Plain {
    fn of(text: &str) -> Self {
        let mut plain = Self {
            text: String::with_capacity(text.len()),
            from: Vec::with_capacity(text.len()),
        };
        for (at, character) in text.char_indices() {
            let Some(spelt) = plainly(character) else {
                continue;
            };
            plain.text.push(spelt);
            let original = at..at + character.len_utf8();
            plain
                .from
                .extend(std::iter::repeat_n(original, spelt.len_utf8()));
        }
        plain
    }

    /// Where `range` of the plain text stands in the original.
    fn original(&self, range: &Range<usize>) -> Range<usize> {
        let start = self.from.get(range.start).map_or(0, |from| from.start);
        let end = range
            .end
            .checked_sub(1)
            .and_then(|last| self.from.get(last))
            .map_or(start, |from| from.end);
        start..end
    }
}

/// `character` as the search reads it: full-width forms as ASCII, every
/// dash and minus as "-", every space and line break as " "; nothing for a
/// character that shows nothing.
fn plainly(character: char) -> Option<char> {
    Some(match character {
        '\u{FF01}'..='\u{FF5E}' => {
            char::from_u32(u32::from(character) - 0xFF01 + 0x21).unwrap_or(character)
        }
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' => '-',
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => return None,
        character if character.is_whitespace() => ' ',
        character => character,
    })
}

/// Characters that may stand between the digits of a number as people
/// write them.
const SEPARATORS: &[u8] = b" -+/.()";

/// Runs of digits, with at most three separators between digits (" - "), that may
/// open with "+" or "(", standing apart from letters and other digits:
/// "900101-0017", "070-123 45 67", "+46 (0)70-123 45 67", "(070) 123 45 67".
fn number_runs(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let digit_at = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_digit);
    let mut runs = Vec::new();
    let mut index = 0;
    while index < bytes.len() {
        let opens = digit_at(index) || (matches!(bytes[index], b'+' | b'(') && digit_at(index + 1));
        let apart = index == 0 || !bytes[index - 1].is_ascii_alphanumeric();
        if !(opens && apart) {
            index += 1;
            continue;
        }
        let start = index;
        let mut end = index;
        let mut cursor = index;
        while cursor < bytes.len() {
            if bytes[cursor].is_ascii_digit() {
                cursor += 1;
                end = cursor;
                continue;
            }
            // Up to three separators count, and only with a digit after them.
            let gap = bytes[cursor..]
                .iter()
                .take(4)
                .take_while(|byte| SEPARATORS.contains(byte))
                .count();
            if (1..=3).contains(&gap) && digit_at(cursor + gap) || cursor == start {
                cursor += gap.max(1);
            } else {
                break;
            }
        }
        let followed_by_letter = bytes.get(end).is_some_and(u8::is_ascii_alphabetic);
        if !followed_by_letter && end > start {
            runs.push(start..end);
        }
        index = end.max(start + 1);
    }
    runs
}

/// A personnummer or samordningsnummer: ten or twelve digits, whole or
/// with the last four apart ("-", "+" or a space), or the date's parts apart
/// too ("1981-12-18-9876"), with a real date and a valid check digit.
fn is_id_number(run: &str) -> bool {
    if run.contains(['/', '.', '(', ')']) || run.starts_with('+') {
        return false;
    }
    let groups: Vec<usize> = run
        .split([' ', '-', '+'])
        .filter(|group| !group.is_empty())
        .map(str::len)
        .collect();
    let shaped = matches!(
        groups.as_slice(),
        [10] | [12] | [6, 4] | [8, 4] | [4, 2, 2, 4] | [2, 2, 2, 4]
    );
    if !shaped {
        return false;
    }
    let digits: Vec<u32> = run.chars().filter_map(|c| c.to_digit(10)).collect();
    // The check digit covers the last ten: YYMMDDNNNC.
    let ten = &digits[digits.len() - 10..];
    let number = |from: usize| ten[from] * 10 + ten[from + 1];
    let (month, day) = (number(2), number(4));
    // A coordination number adds 60 to the day; the year's century is unknown
    // in the short form, so a leap day is allowed.
    let day_of_month = if day > 60 { day - 60 } else { day };
    let real_date = NaiveDate::from_ymd_opt(2000, month, day_of_month).is_some();
    let serial = ten[6] * 100 + ten[7] * 10 + ten[8];
    real_date && serial > 0 && luhn(&ten[..9]) == ten[9]
}

/// The Luhn check digit of `digits`: every other digit doubled from the first.
fn luhn(digits: &[u32]) -> u32 {
    let sum: u32 = digits
        .iter()
        .enumerate()
        .map(|(index, digit)| {
            let weighted = if index % 2 == 0 { digit * 2 } else { *digit };
            weighted / 10 + weighted % 10
        })
        .sum();
    (10 - sum % 10) % 10
}

/// A phone number: from 0 or +, seven digits or more, valid in Sweden's plan
/// (or its own country's, given with +). Dots count only as a number's
/// dots ("070.123.45.67"), never a time's ("08.30-10.00"); "(0)" after a
/// country code is the trunk prefix written out.
fn is_phone(run: &str) -> bool {
    let run = run.trim_end_matches(')');
    if run.matches('.').count() == 1 || run.matches('.').count() == 2 {
        return false;
    }
    let dialled: String = run
        .replace("(0)", "")
        .chars()
        .filter(|c| !matches!(c, '(' | ')' | '/' | '.'))
        .collect();
    let dialled = dialled.trim();
    let digits = dialled.chars().filter(char::is_ascii_digit).count();
    (dialled.starts_with('0') || dialled.starts_with('+'))
        && (7..=15).contains(&digits)
        && phonenumber::parse(Some(phonenumber::country::Id::SE), dialled)
            .is_ok_and(|number| phonenumber::is_valid(&number))
}

/// E-mail addresses: words holding "@" that are valid addresses, with the
/// punctuation around them left out.
fn emails(text: &str) -> Vec<Find> {
    let mut found = Vec::new();
    let mut offset = 0;
    for word in text.split_inclusive(|c: char| c.is_whitespace() || "<>()[]\"',;:".contains(c)) {
        let start = offset;
        offset += word.len();
        let trimmed =
            word.trim_end_matches(|c: char| c.is_whitespace() || "<>()[]\"',;.:!?".contains(c));
        if trimmed.contains('@') && EmailAddress::is_valid(trimmed) {
            found.push(Find {
                kind: Kind::Email,
                range: start..start + trimmed.len(),
            });
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Kind> {
        finds(text).into_iter().map(|find| find.kind).collect()
    }

    #[test]
    fn personal_identity_numbers_with_a_valid_check_digit_are_found() {
        for text in [
            "Eleven 811218-9876 har hög frånvaro",
            "pnr 8112189876.",
            "19811218-9876",
            "198112189876",
            "Samordningsnummer 701063-2391",
        ] {
            assert_eq!(kinds(text), [Kind::IdNumber], "{text}");
        }
    }

    #[test]
    fn a_wrong_check_digit_or_date_is_not_flagged() {
        for text in [
            "811218-9875",
            "811318-9876",
            "Frånvaro 2026-03-12 kl 13.00",
            "Vi var 40 deltagare från 11 kommuner",
            "åk 7-9",
            "12 345 kr",
        ] {
            assert_eq!(kinds(text), [], "{text}");
        }
    }

    #[test]
    fn e_mail_addresses_and_phone_numbers_are_found() {
        assert_eq!(
            kinds("Mejla anna.berg@skola.se eller ring 070-123 45 67"),
            [Kind::Email, Kind::Phone]
        );
        assert_eq!(kinds("Ring +46 8 123 456 78, tack"), [Kind::Phone]);
        assert_eq!(kinds("(kontakt: <rektor@kommun.se>)"), [Kind::Email]);
        assert_eq!(kinds("ingen@ adress och @här"), []);
    }

    #[test]
    fn redaction_replaces_each_find_and_keeps_the_rest() {
        assert_eq!(
            redacted(
                "Eleven 811218-9876 (anna@skola.se) ringer 070-123 45 67.",
                "[borttaget]"
            ),
            "Eleven [borttaget] ([borttaget]) ringer [borttaget]."
        );
        assert_eq!(redacted("Inget här", "[x]"), "Inget här");
    }

    #[test]
    fn the_spellings_people_write_are_found_and_redacted_where_they_stand() {
        for (text, kind) in [
            ("811218 9876", Kind::IdNumber),
            ("811218\u{2013}9876", Kind::IdNumber),
            ("811218\u{2212}9876", Kind::IdNumber),
            (
                "\u{FF18}\u{FF11}\u{FF11}\u{FF12}\u{FF11}\u{FF18}-\u{FF19}\u{FF18}\u{FF17}\u{FF16}",
                Kind::IdNumber,
            ),
            ("811218\u{00A0}9876", Kind::IdNumber),
            ("811218-\n9876", Kind::IdNumber),
            ("1981-12-18-9876", Kind::IdNumber),
            ("(070) 123 45 67", Kind::Phone),
            ("+46 (0)70-123 45 67", Kind::Phone),
            ("070/123 45 67", Kind::Phone),
            ("070.123.45.67", Kind::Phone),
            ("mailto:anna.svensson@skolan.se", Kind::Email),
            ("anna\u{FF20}skolan.se", Kind::Email),
            ("anna.svensson@skolan.se.", Kind::Email),
        ] {
            assert_eq!(kinds(text), [kind], "{text:?}");
        }
        assert_eq!(
            redacted("Ring (070) 123 45 67 eller ＠: anna＠skolan.se!", "[x]"),
            "Ring [x] eller ＠: [x]!"
        );
        assert_eq!(
            redacted("pnr ８１１２１８−９８７６ i ärendet", "[x]"),
            "pnr [x] i ärendet"
        );
    }

    #[test]
    fn times_ranges_and_references_are_no_phone_numbers() {
        for text in [
            "kl. 08.30-10.00",
            "08:45",
            "SFS 2010:800",
            "2025/2026",
            "0,5 tjänst",
            "v. 35–38",
        ] {
            assert_eq!(kinds(text), [], "{text:?}");
        }
    }
}
