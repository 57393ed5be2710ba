//! One way to make a session's document, for `x` on the run screen and for
//! `samla export` alike: who it is for decides what goes in, so the two
//! cannot drift apart.

use chrono::{DateTime, FixedOffset, Utc};

use super::personal::{Flag, flags, redact};
use super::{Document, Format, Recipient, RenderError, Summary, render};
use crate::session::{Card, Session};

/// Who a session's document is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// The participants' summary: what the room produced.
    Participants,
    /// The facilitator's report: that, the time log, the surveys' whole
    /// distributions and the cards the phones removed.
    Report,
}

/// What a session's document holds beyond its audience.
#[derive(Debug, Clone, Copy)]
pub struct Composition<'a> {
    /// Who it is for.
    pub audience: Audience,
    /// The facilitator's private notes go in.
    pub private_notes: bool,
    /// Members' names go in (otherwise only counts).
    pub names: bool,
    /// Personal identity numbers, e-mail addresses and phone numbers are
    /// replaced by "[borttaget]".
    pub redact: bool,
    /// An opening that replaces the agenda's.
    pub intro: Option<&'a str>,
    /// When the session was last changed: "now" for segments still running.
    pub as_of: DateTime<Utc>,
    /// The offset of the local time the seminar ran in.
    pub offset: FixedOffset,
}

impl Composition<'_> {
    /// The participants' summary as `x` writes it: nothing private, no names.
    pub fn participants(as_of: DateTime<Utc>, offset: FixedOffset) -> Self {
        Self {
            audience: Audience::Participants,
            private_notes: false,
            names: false,
            redact: false,
            intro: None,
            as_of,
            offset,
        }
    }
}

/// A document made, and what in it looks like personal data (in the text as
/// written, before any redaction).
#[derive(Debug)]
pub struct Composed {
    /// The document in its format.
    pub bytes: Vec<u8>,
    /// Texts that look like personal data, where they are.
    pub flags: Vec<Flag>,
}

/// The document of `session` as `composition` says, in `format`, addressed
/// to `to` where the format has addresses. Cards taken down on the run
/// screen are left out; cards the phones removed are listed in the report
/// only.
pub fn compose(
    session: &Session,
    composition: &Composition,
    format: Format,
    to: &[Recipient],
) -> Result<Composed, RenderError> {
    let shown = session.without_hidden();
    let redacted = composition.redact.then(|| redact(&shown));
    let report = composition.audience == Audience::Report;
    let removed: Vec<Card> = match (report, composition.redact) {
        (false, _) => Vec::new(),
        (true, false) => session.removed_cards().cloned().collect(),
        (true, true) => redact(session).removed_cards().cloned().collect(),
    };
    let summary = Summary {
        session: redacted.as_ref().unwrap_or(&shown),
        as_of: composition.as_of,
        offset: composition.offset,
        private: composition.private_notes,
        names: composition.names,
        report,
        intro: composition.intro,
        removed: &removed,
    };
    let flags = flags(&Summary {
        session: &shown,
        ..summary
    });
    let bytes = render(Document::Session(&summary), format, to)?;
    Ok(Composed { bytes, flags })
}
