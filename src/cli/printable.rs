//! What the command line prints passes through here: text from files and cards
//! (an agenda's title, a file name, a card) may hold escape sequences that would
//! retitle the window, clear the screen or write the clipboard. Control
//! characters are dropped, but for tab, newline and the CR of a CR LF (the line
//! ends of CSV and e-mail written with `-o -`).

use std::io::{self, Write};

/// A writer that passes on only printable text; see the module's comment.
pub struct Printable<W: Write> {
    inner: W,
    /// Bytes not passed on yet: the start of a UTF-8 character cut by the end
    /// of a write, or a CR waiting to see whether LF follows.
    pending: Vec<u8>,
}

impl<W: Write> Printable<W> {
    /// Filters what is written to `inner`.
    pub fn new(inner: W) -> Self {
        Self {
            inner,
            pending: Vec::new(),
        }
    }

    /// Passes on what can be decided now; `at_end` decides the rest too.
    fn pass_on(&mut self, at_end: bool) -> io::Result<()> {
        let mut shown = String::with_capacity(self.pending.len());
        let mut start = 0;
        while start < self.pending.len() {
            match std::str::from_utf8(&self.pending[start..]) {
                Ok(text) => {
                    shown.push_str(text);
                    start = self.pending.len();
                }
                Err(error) => {
                    let valid = start + error.valid_up_to();
                    shown.push_str(&String::from_utf8_lossy(&self.pending[start..valid]));
                    match error.error_len() {
                        Some(invalid) => {
                            shown.push(char::REPLACEMENT_CHARACTER);
                            start = valid + invalid;
                        }
                        None if at_end => {
                            shown.push(char::REPLACEMENT_CHARACTER);
                            start = self.pending.len();
                        }
                        None => {
                            start = valid;
                            break;
                        }
                    }
                }
            }
        }
        let mut kept = self.pending.split_off(start);
        if !at_end && kept.is_empty() && shown.ends_with('\r') {
            shown.pop();
            kept.push(b'\r');
        }
        self.pending = kept;
        self.inner.write_all(printable(&shown).as_bytes())
    }
}

/// `text` without control characters but tab, newline and the CR of CR LF.
pub fn printable(text: &str) -> String {
    let mut chars = text.chars().peekable();
    let mut kept = String::with_capacity(text.len());
    while let Some(c) = chars.next() {
        let keep = match c {
            '\t' | '\n' => true,
            '\r' => chars.peek() == Some(&'\n'),
            c => !c.is_control(),
        };
        if keep {
            kept.push(c);
        }
    }
    kept
}

impl<W: Write> Write for Printable<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        self.pass_on(false)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.pass_on(true)?;
        self.inner.flush()
    }
}

impl<W: Write> Drop for Printable<W> {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(chunks: &[&[u8]]) -> Vec<u8> {
        let mut out = Vec::new();
        {
            let mut printable = Printable::new(&mut out);
            for chunk in chunks {
                printable.write_all(chunk).unwrap();
            }
            printable.flush().unwrap();
        }
        out
    }

    #[test]
    fn escape_sequences_and_control_characters_are_dropped() {
        let hostile = "Titel\x1b]0;pwned\x07\x1b[2J slut\u{9b}31m\u{7f}\0";
        assert_eq!(through(&[hostile.as_bytes()]), b"Titel]0;pwned[2J slut31m");
    }

    #[test]
    fn tabs_newlines_and_cr_lf_stay_and_a_lone_cr_goes() {
        assert_eq!(through(&[b"a\tb\r\nc\rd\n"]), b"a\tb\r\ncd\n");
    }

    #[test]
    fn characters_and_cr_lf_cut_between_writes_are_whole() {
        let text = "åäö 😀\r\n";
        let bytes = text.as_bytes();
        for cut in 0..=bytes.len() {
            let (first, second) = bytes.split_at(cut);
            assert_eq!(through(&[first, second]), bytes, "cut at {cut}");
        }
    }

    #[test]
    fn invalid_utf8_becomes_a_replacement_character() {
        assert_eq!(
            through(&[b"a\xffb", b"\xe5"]),
            "a\u{fffd}b\u{fffd}".as_bytes()
        );
    }
}
