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

/// Every find in `text`, in order.
pub fn finds(text: &str) -> Vec<Find> {
    let mut found: Vec<Find> = number_runs(text)
        .into_iter()
        .filter_map(|range| {
            let run = &text[range.clone()];
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
    found.extend(emails(text));
    found.sort_by_key(|find| find.range.start);
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

/// Runs of digits that may hold single spaces, dashes or a leading or inner
/// plus, standing apart from letters and other digits: "900101-0017",
/// "070-123 45 67", "+46 70 123 45 67".
fn number_runs(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut runs = Vec::new();
    let mut index = 0;
    while index < bytes.len() {
        let starts = bytes[index].is_ascii_digit()
            || (bytes[index] == b'+' && bytes.get(index + 1).is_some_and(u8::is_ascii_digit));
        let apart = index == 0 || !bytes[index - 1].is_ascii_alphanumeric();
        if !(starts && apart) {
            index += 1;
            continue;
        }
        let start = index;
        let mut end = index;
        let mut cursor = index;
        while cursor < bytes.len() {
            match bytes[cursor] {
                b'0'..=b'9' => {
                    cursor += 1;
                    end = cursor;
                }
                // A separator counts only between digits.
                b' ' | b'-' | b'+' if bytes.get(cursor + 1).is_some_and(u8::is_ascii_digit) => {
                    cursor += 1;
                }
                _ => break,
            }
        }
        let followed_by_letter = bytes.get(end).is_some_and(u8::is_ascii_alphabetic);
        if !followed_by_letter {
            runs.push(start..end);
        }
        index = end.max(start + 1);
    }
    runs
}

/// A personnummer or samordningsnummer: ten or twelve digits, the last four
/// after an optional "-" or "+", with a real date and a valid check digit.
fn is_id_number(run: &str) -> bool {
    let digits = run.chars().filter(char::is_ascii_digit).count();
    let shaped = match run.find(['-', '+']) {
        None => !run.contains(' '),
        Some(at) => run.len() - at == 5 && run[..at].chars().all(|c| c.is_ascii_digit()),
    };
    if !shaped || !matches!(digits, 10 | 12) {
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
/// (or its own country's, given with +).
fn is_phone(run: &str) -> bool {
    let digits = run.chars().filter(char::is_ascii_digit).count();
    (run.starts_with('0') || run.starts_with('+'))
        && (7..=15).contains(&digits)
        && phonenumber::parse(Some(phonenumber::country::Id::SE), run)
            .is_ok_and(|number| phonenumber::is_valid(&number))
}

/// E-mail addresses: words holding "@" that are valid addresses, with the
/// punctuation around them left out.
fn emails(text: &str) -> Vec<Find> {
    let mut found = Vec::new();
    let mut offset = 0;
    for word in text.split_inclusive(|c: char| c.is_whitespace() || "<>()[]\"',;".contains(c)) {
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
}
