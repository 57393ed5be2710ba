//! The summary as an e-mail draft (`.eml`): RFC 5322 with MIME
//! `multipart/alternative`, plain text and the HTML as the rich part,
//! marked `X-Unsent: 1` so a mail program opens it ready to send. Built with
//! mail-builder, which does the encodings (RFC 2047 subject, quoted-printable).

use mail_builder::MessageBuilder;
use mail_builder::headers::address::Address;
use mail_builder::headers::content_type::ContentType;
use mail_builder::headers::raw::Raw;
use mail_builder::mime::MimePart;

use super::Recipient;
use super::html::page;
use super::letter::letter;
use super::markdown::render;
use super::series::{SeriesSummary, series_markdown};
use super::summary::Summary;
use super::text::text;

/// The e-mail draft of the summary, to `recipients` (none: the user fills
/// them in). Dated when the session last changed, and the same bytes for the
/// same session and recipients.
pub fn eml(summary: &Summary, recipients: &[Recipient]) -> std::io::Result<Vec<u8>> {
    let agenda = &summary.session.agenda;
    let mut subject = match agenda.number {
        Some(number) => format!(
            "{} {number}: {}",
            crate::i18n::event_words(agenda, agenda.language).label,
            agenda.title
        ),
        None => agenda.title.clone(),
    };
    // The report cannot be taken for the summary in an inbox.
    if summary.report {
        let words = crate::i18n::words(agenda.language);
        subject = format!("{}: {subject}", words.report_subject);
    }
    // One letter for both parts: plain text, and the page made from its Markdown.
    let letter = letter(summary);
    let parts = Parts {
        subject,
        page: page(&agenda.title, agenda.language, &render(&letter)),
        text: text(&letter),
        date: summary.as_of.timestamp(),
    };
    draft(&parts, recipients)
}

/// The series summary as an e-mail draft, with the series' name as subject.
pub fn series_eml(summary: &SeriesSummary, recipients: &[Recipient]) -> std::io::Result<Vec<u8>> {
    let text = series_markdown(summary);
    let parts = Parts {
        subject: summary.name.to_owned(),
        page: page(summary.name, summary.language(), &text),
        text,
        date: summary.as_of.timestamp(),
    };
    draft(&parts, recipients)
}

/// What a draft holds.
struct Parts {
    subject: String,
    text: String,
    page: String,
    date: i64,
}

fn draft(parts: &Parts, recipients: &[Recipient]) -> std::io::Result<Vec<u8>> {
    let Parts {
        subject,
        text,
        page,
        date,
    } = parts;
    // The boundary only has to differ from every line of the parts; one made
    // from their hash does, and keeps the draft the same each time.
    let boundary = format!("samla-{:016x}", fnv1a(&[text, page]));
    let parts = MimePart::new(
        ContentType::new("multipart/alternative").attribute("boundary", boundary.clone()),
        vec![
            MimePart::new("text/plain", text.as_str()),
            MimePart::new("text/html", page.as_str()),
        ],
    );
    let mut message = MessageBuilder::new()
        .subject(super::escape::one_line(subject))
        .date(*date)
        .message_id(format!("{boundary}@samla.invalid"))
        .header("X-Unsent", Raw::new("1"))
        .body(parts);
    if !recipients.is_empty() {
        message = message.to(Address::new_list(
            recipients
                .iter()
                .map(|to| Address::new_address(to.name.as_deref(), to.address.as_str()))
                .collect(),
        ));
    }
    message.write_to_vec()
}

/// The 64-bit FNV-1a hash of `texts`: stable across builds, unlike std's hasher.
fn fnv1a(texts: &[&str]) -> u64 {
    texts
        .iter()
        .flat_map(|text| text.bytes())
        .fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        })
}
