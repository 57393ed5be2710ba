//! Whatever a note-taker types comes back literally: for random card text (any
//! Unicode, Markdown and HTML syntax, pipes, backslashes, line breaks), every
//! line of the card is found, as typed, in the Markdown as pulldown-cmark reads
//! it, in the page as an HTML parser (scraper, on html5ever) reads it, and in
//! the e-mail's text part as mail-parser reads it.

use crate::common;

use common::fixture::{saved_at, seminar_3, summary};
use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser};
use samla::export::{eml, html, markdown};
use samla::session::{CardAction, Lane, SessionAction};

/// Card text as typed: Markdown's and HTML's own characters, pipes,
/// backslashes, emoji, accents and CJK, spaces and line breaks.
fn card_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            "[#>*_`~|\\\\\\[\\]()!<>&=+-.0-9]{1,3}",
            "[a-zåäöA-ZÅÄÖ]{1,8}",
            Just("🙂".to_owned()),
            Just("漢字".to_owned()),
            Just("e\u{301}".to_owned()),
            Just(" ".to_owned()),
            Just("\n".to_owned()),
            Just("<script>".to_owned()),
            Just("1. ".to_owned()),
            Just("- ".to_owned()),
        ],
        1..12,
    )
    .prop_map(|parts| parts.concat())
}

/// The lines of `text` a reader should find: without the space at their ends,
/// blank ones left out.
fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| line.trim().to_owned())
        .filter(|line| !line.is_empty())
        .collect()
}

/// The text a Markdown reader sees, each block on a line of its own, with
/// no-break spaces (kept indents) as spaces.
fn markdown_text(text: &str) -> String {
    let mut shown = String::new();
    for event in Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Text(text) | Event::Code(text) | Event::Html(text) | Event::InlineHtml(text) => {
                shown.push_str(&text.replace('\u{a0}', " "));
            }
            Event::SoftBreak | Event::HardBreak | Event::End(_) => shown.push('\n'),
            _ => {}
        }
    }
    shown
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_line_of_a_card_comes_back_literally(text in card_text()) {
        let mut session = seminar_3();
        session.cards.clear();
        session.apply(
            SessionAction::Card(CardAction::Add {
                segment: samla::session::SegmentIx(1),
                group: Lane::Group(0),
                text: text.clone(),
            }),
            saved_at(),
        );
        let summary = summary(&session);
        let shown = markdown_text(&markdown(&summary));
        let page = scraper::Html::parse_document(&html(&summary));
        let selector = scraper::Selector::parse("li").expect("a selector");
        let items: Vec<String> = page
            .select(&selector)
            .map(|item| item.text().collect::<String>().replace('\u{a0}', " "))
            .collect();
        let bytes = eml(&summary, &[]).expect("an e-mail");
        let message = mail_parser::MessageParser::default().parse(&bytes).expect("parses");
        let plain = message.body_text(0).expect("a text part").replace("\r\n", "\n");
        for line in lines(&text) {
            prop_assert!(shown.contains(&line), "{line:?} not in the Markdown as read:\n{shown}");
            prop_assert!(plain.contains(&line), "{line:?} not in the text part:\n{plain}");
            prop_assert!(
                items.iter().any(|item| item.contains(&line)),
                "{line:?} in no list item of the page: {items:#?}"
            );
        }
    }
}
