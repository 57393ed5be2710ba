//! Personal data in what a summary is about to send: which cards (and, when
//! they go too, which private notes) hold any, and the session with every
//! find replaced, for `--redact`.

use super::summary::Summary;
use crate::i18n::words;
use crate::session::SegmentIx;
use crate::session::personal::{Kind, finds, redacted};
use crate::session::{Answer, Session};

/// How much of a flagged card a warning quotes, so the note-taker finds it.
const OPENING_CHARS: usize = 40;

/// A text about to be sent that holds personal data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flag {
    /// Where it stands: "Grupp 2, Vision: samverkan om tio år: "Ring Anna…"".
    pub place: String,
    /// What was found in it, each kind once.
    pub kinds: Vec<Kind>,
}

/// Every card (and private note, when they are included) of `summary` that
/// holds personal data, in the session's order.
pub fn flags(summary: &Summary) -> Vec<Flag> {
    let session = summary.session;
    let words = words(session.agenda.language);
    let title = |segment: SegmentIx| {
        session
            .agenda
            .segments
            .get(segment.0)
            .map(|segment| segment.title.clone())
            .unwrap_or_default()
    };
    let mut flags: Vec<Flag> = session
        .cards
        .iter()
        .filter_map(|card| {
            let kinds = kinds(&card.text)?;
            let text = crate::export::escape::one_line(&card.text);
            let mut opening: String = text.chars().take(OPENING_CHARS).collect();
            if opening.len() < text.len() {
                opening.push('…');
            }
            Some(Flag {
                place: format!(
                    "{}, {}: \u{201d}{opening}\u{201d}",
                    summary.group_name(card.segment, card.group),
                    title(card.segment),
                ),
                kinds,
            })
        })
        .collect();
    if summary.private {
        flags.extend(session.private_notes.iter().filter_map(|(segment, note)| {
            Some(Flag {
                place: format!("{}, {}", words.private_notes, title(*segment)),
                kinds: kinds(note)?,
            })
        }));
    }
    // A survey's texts, from phones and from paper, go out too: the free
    // ones and those beside "Annat, ange vad".
    for (segment, poll) in &session.polls {
        for (form, respondent) in poll.respondents.iter().enumerate() {
            let free = respondent.answers.iter().filter_map(|answer| match answer {
                Answer::Text(text) => Some(text),
                _ => None,
            });
            flags.extend(free.chain(respondent.other.values()).filter_map(|text| {
                Some(Flag {
                    place: format!("{}, {} {}", title(*segment), words.form, form + 1),
                    kinds: kinds(text)?,
                })
            }));
        }
    }
    // So do the groups' names.
    let names = session
        .groups
        .iter()
        .chain(session.set_groups.values().flatten());
    flags.extend(names.filter_map(|name| {
        Some(Flag {
            place: format!("{}: \u{201d}{name}\u{201d}", words.group),
            kinds: kinds(name)?,
        })
    }));
    flags
}

/// The kinds found in `text`, each once; `None` when there is none.
fn kinds(text: &str) -> Option<Vec<Kind>> {
    let mut kinds: Vec<Kind> = finds(text).into_iter().map(|find| find.kind).collect();
    kinds.sort();
    kinds.dedup();
    (!kinds.is_empty()).then_some(kinds)
}

/// `session` with every find in its cards and private notes replaced by
/// "[borttaget]" ("[removed]").
pub fn redact(session: &Session) -> Session {
    let with = words(session.agenda.language).removed;
    let mut session = session.clone();
    for card in &mut session.cards {
        card.text = redacted(&card.text, with);
    }
    for note in session.private_notes.values_mut() {
        *note = redacted(note, with);
    }
    for respondent in session
        .polls
        .values_mut()
        .flat_map(|poll| &mut poll.respondents)
    {
        for answer in &mut respondent.answers {
            if let Answer::Text(text) = answer {
                *text = redacted(text, with);
            }
        }
        for text in respondent.other.values_mut() {
            *text = redacted(text, with);
        }
    }
    let names = session
        .groups
        .iter_mut()
        .chain(session.set_groups.values_mut().flatten());
    for name in names {
        *name = redacted(name, with);
    }
    session
}
