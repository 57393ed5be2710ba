//! The HTML summary: a golden file, self-contained, card text escaped.

use crate::common;

use common::fixture::{seminar_3, summary};
use samla::export::{Summary, html};

fn page() -> String {
    html(&summary(&seminar_3()))
}

#[test]
fn the_html_summary_matches_its_golden_file() {
    insta::assert_snapshot!("seminar_3_summary_html", page());
    let report = html(&Summary {
        report: true,
        ..summary(&seminar_3())
    });
    insta::assert_snapshot!("seminar_3_report_html", report);
}

#[test]
fn the_page_fetches_nothing_and_declares_its_language_and_encoding() {
    let page = page();
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"sv\">"));
    assert!(page.contains("<meta charset=\"utf-8\">"));
    assert!(page.contains("<meta name=\"viewport\""));
    for external in [
        "<link", "<script", "<img", "src=", "href=", "@import", "url(",
    ] {
        assert!(!page.contains(external), "{external} in the page");
    }
}

#[test]
fn raw_html_and_links_in_cards_are_shown_as_text() {
    let page = page();
    assert!(page.contains("&lt;script&gt;alert('x')&lt;/script&gt; &lt;b&gt;fet&lt;/b&gt;"));
    assert!(page.contains("[länk](https://example.com) och ![bild](x.png)"));
    assert!(page.contains("# Inte en rubrik"));
}

#[test]
fn cards_groups_and_the_action_plan_are_all_there() {
    let page = page();
    assert!(page.contains("<h3>Grupp 6</h3>"));
    assert!(page.contains("<h4>Vision om tio år</h4>"));
    assert!(page.contains("<h4>Vad kan vi göra på längre sikt?</h4>"));
    // Each card of an action plan's cell is an item of its own.
    assert!(page.contains("<li>Kartlägg frånvaron varje månad</li>\n<li>Ännu ett direkt-kort"));
    assert!(page.contains("漢字 och e\u{301}"));
    assert!(page.contains("<blockquote>"));
}

#[test]
fn read_by_an_html_parser_the_page_holds_every_card_and_no_markup_from_one() {
    let session = seminar_3();
    let page = scraper::Html::parse_document(&page());
    let select = |css: &str| scraper::Selector::parse(css).expect("a selector");
    assert_eq!(
        page.select(&select("script, img, a, b")).count(),
        0,
        "a card's markup became markup"
    );
    let items: Vec<String> = page
        .select(&select("li"))
        .map(|item| item.text().collect::<String>().replace('\u{a0}', " "))
        .collect();
    for card in &session.cards {
        for line in card
            .text
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
        {
            assert!(
                items.iter().any(|item| item.contains(line)),
                "{line:?} in no list item"
            );
        }
    }
    let sections: Vec<String> = page
        .select(&select("h2"))
        .map(|heading| heading.text().collect())
        .collect();
    assert_eq!(
        sections.first().map(String::as_str),
        Some("Välkommen och inledning"),
        "after the day, no preparation unless the agenda asks"
    );
    assert_eq!(sections.last().map(String::as_str), Some("Att ta med hem"));
}
