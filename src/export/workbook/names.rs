//! Sheet names as Excel takes them: at most 31 characters, none of
//! `[ ] : * ? / \`, no `'` at either end, and each once, compared without
//! case ("History" is Excel's own).

/// The most characters in a sheet's name.
const LONGEST: usize = 31;

/// The names taken so far in one workbook.
#[derive(Debug, Default)]
pub struct SheetNames {
    taken: Vec<String>,
}

impl SheetNames {
    /// A name of `base` then `suffix` that Excel takes and no other sheet
    /// of the workbook has: `base` cut short (with "…") where both would be
    /// too long, " (2)" and on added where the name is taken.
    pub fn take(&mut self, base: &str, suffix: &str) -> String {
        let base = allowed(base);
        let suffix = allowed(suffix);
        let name = (1..)
            .map(|copy| {
                let tail = match copy {
                    1 => suffix.clone(),
                    _ => format!("{suffix} ({copy})"),
                };
                let name = format!("{}{tail}", shortened(&base, LONGEST - tail.chars().count()));
                match name.trim_matches('\'').trim() {
                    "" => format!("{copy}"),
                    trimmed => trimmed.to_owned(),
                }
            })
            .find(|name| !self.is_taken(name))
            .unwrap_or_default();
        self.taken.push(name.to_lowercase());
        name
    }

    fn is_taken(&self, name: &str) -> bool {
        let name = name.to_lowercase();
        name == "history" || self.taken.contains(&name)
    }
}

/// `name` with the characters Excel refuses as spaces, and one space
/// between words.
fn allowed(name: &str) -> String {
    let spaced: String = name
        .chars()
        .map(|c| match c {
            '[' | ']' | ':' | '*' | '?' | '/' | '\\' => ' ',
            c => c,
        })
        .collect();
    let words: Vec<&str> = spaced.split_whitespace().collect();
    let joined = words.join(" ");
    // A suffix keeps the space it starts with.
    match name.starts_with(' ') && !joined.is_empty() {
        true => format!(" {joined}"),
        false => joined,
    }
}

/// `text` in at most `room` characters, cut with "…".
fn shortened(text: &str, room: usize) -> String {
    match text.chars().count() <= room {
        true => text.to_owned(),
        false => {
            let kept: String = text.chars().take(room.saturating_sub(1)).collect();
            format!("{}…", kept.trim_end())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_short_enough_allowed_and_taken_once() {
        let mut names = SheetNames::default();
        assert_eq!(names.take("Kort", ""), "Kort");
        assert_eq!(names.take("kort", ""), "kort (2)", "compared without case");
        assert_eq!(names.take("Före/efter: vad? [1]", ""), "Före efter vad 1");
        let long = "Förväntningar på seminarieserien och skolnärvaron";
        let forms = names.take(long, " – formulär");
        assert_eq!(forms, "Förväntningar på se… – formulär");
        assert_eq!(forms.chars().count(), LONGEST);
        let again = names.take(long, " – formulär");
        assert_eq!(again, "Förväntningar p… – formulär (2)");
        assert!(again.chars().count() <= LONGEST);
        assert_eq!(names.take("History", ""), "History (2)", "Excel's own");
        assert_eq!(names.take("'''", ""), "1");
    }
}
