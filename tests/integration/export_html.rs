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

/// Every chart of `page` parsed as XML: the SVG a browser reads.
fn charts(page: &str) -> Vec<String> {
    page.split("<svg ")
        .skip(1)
        .map(|rest| {
            format!(
                "<svg {}</svg>",
                &rest[..rest.find("</svg>").expect("its end")]
            )
        })
        .collect()
}

/// The bars' widths and counts in `group`, in order.
fn bars(group: roxmltree::Node) -> Vec<(f64, u32)> {
    group
        .children()
        .filter(|node| node.has_tag_name("rect"))
        .map(|rect| {
            let number = |name| {
                rect.attribute(name)
                    .expect(name)
                    .parse::<f64>()
                    .expect(name)
            };
            (number("width"), number("data-count") as u32)
        })
        .collect()
}

#[test]
fn the_surveys_results_are_drawn_bar_for_count_and_said_in_words() {
    let session = crate::bundled_fidelity::theme_day();
    let page = html(&summary(&session));
    let charts = charts(&page);
    assert_eq!(
        charts.len(),
        3,
        "the stem's statements, where one works, yes/no"
    );
    let ratings = roxmltree::Document::parse(&charts[0]).expect("well-formed SVG");
    let root = ratings.root_element();
    let title = root.children().find(|node| node.has_tag_name("title"));
    assert_eq!(
        title.and_then(|node| node.text()),
        Some("Dagen har gett mig:")
    );
    let desc = root
        .children()
        .find(|node| node.has_tag_name("desc"))
        .and_then(|node| node.text())
        .expect("a description");
    // Forms: a 4 5 3, b 3 4 4, d 5 5 2, a 2 3 5.
    assert!(
        desc.contains("a) ny kunskap om varför elever är frånvarande: 1 Stämmer inte alls: 0, 2: 1, 3: 1, 4: 1, 5 Stämmer helt: 1, vet ej: 0, n = 4, medelvärde 3,5"),
        "{desc}"
    );
    let rows: Vec<Vec<(f64, u32)>> = root
        .descendants()
        .filter(|node| node.attribute("class") == Some("statement"))
        .map(bars)
        .collect();
    assert_eq!(rows.len(), 3);
    let full: f64 = rows[0].iter().map(|(width, _)| width).sum();
    for row in &rows {
        let n: u32 = row.iter().map(|(_, count)| count).sum();
        for (width, count) in row {
            let share = f64::from(*count) / f64::from(n);
            assert!((width / full - share).abs() < 0.001, "{row:?}");
        }
    }
    let choices = roxmltree::Document::parse(&charts[1]).expect("well-formed SVG");
    let widths: Vec<(f64, u32)> = choices
        .descendants()
        .filter(|node| node.attribute("class") == Some("option"))
        .flat_map(bars)
        .collect();
    assert_eq!(
        widths.iter().map(|(_, count)| *count).collect::<Vec<_>>(),
        [2, 1, 0, 1]
    );
    assert!((widths[0].0 - 2.0 * widths[1].0).abs() < 0.01, "{widths:?}");
    let said = choices
        .descendants()
        .find(|node| node.has_tag_name("desc"))
        .and_then(|node| node.text())
        .expect("a description");
    assert_eq!(
        said,
        "Skola: 2 (50,0 %), Socialtjänst: 1 (25,0 %), Hälso- och sjukvård: 0 (0,0 %), Annat, ange vad: 1 (25,0 %), n = 4"
    );
    // The Markdown and the e-mail keep their tables, and draw nothing.
    assert!(!samla::export::markdown(&summary(&session)).contains("svg"));
    let mail = samla::export::eml(&summary(&session), &[]).expect("an e-mail");
    assert!(!String::from_utf8_lossy(&mail).contains("<svg"));
}

#[test]
fn a_card_that_reads_like_the_charts_place_stays_a_card() {
    let mut session = crate::bundled_fidelity::theme_day();
    let samtal = session
        .agenda
        .segments
        .iter()
        .position(|segment| segment.kind == samla::agenda::SegmentKind::GroupDiscussion)
        .expect("a group discussion");
    session.apply(
        samla::session::SessionAction::Card(samla::session::CardAction::Add {
            segment: samla::session::SegmentIx(samtal),
            group: samla::session::Lane::Group(0),
            text: "chart".to_owned(),
        }),
        common::fixture::saved_at(),
    );
    let page = html(&summary(&session));
    assert_eq!(charts(&page).len(), 3);
    assert!(page.contains("<li>chart</li>"), "the card as typed");
}

#[test]
fn a_series_draws_each_repeated_statements_means_over_its_measurements() {
    let first = common::fixture::seminar_3_as_sent();
    let mut second = first.clone();
    second.agenda.date = chrono::NaiveDate::from_ymd_opt(2026, 5, 20);
    second.agenda.number = Some(4);
    let sessions = [&first, &second];
    let page = samla::export::series_html(&samla::export::SeriesSummary {
        name: "Serien",
        groups: &first.groups,
        sessions: &sessions,
        as_of: common::fixture::saved_at(),
        offset: chrono::FixedOffset::east_opt(3600).expect("an offset"),
        names: false,
    });
    let poll = common::fixture::segment_of(&first, samla::agenda::SegmentKind::Poll);
    let results = first.statement_results(poll);
    let statements = &first.agenda.segments[poll.0].statements;
    let trends: Vec<String> = charts(&page)
        .into_iter()
        .filter(|svg| svg.contains("class=\"measurement\""))
        .collect();
    assert_eq!(trends.len(), statements.len(), "a trend per statement");
    for ((svg, statement), result) in trends.iter().zip(statements).zip(&results) {
        let document = roxmltree::Document::parse(svg).expect("well-formed SVG");
        let title = document
            .root_element()
            .children()
            .find(|node| node.has_tag_name("title"))
            .and_then(|node| node.text());
        assert_eq!(title, Some(statement.text.as_str()));
        let means: Vec<f64> = document
            .descendants()
            .filter(|node| node.attribute("class") == Some("measurement"))
            .map(|node| {
                node.attribute("data-mean")
                    .expect("a mean")
                    .parse()
                    .expect("a number")
            })
            .collect();
        let mean = result.mean.expect("a mean");
        assert_eq!(means, [mean, mean], "both measurements, in order");
        let desc = document
            .descendants()
            .find(|node| node.has_tag_name("desc"))
            .and_then(|node| node.text())
            .expect("a description");
        assert!(
            desc.contains("2026-03-12") && desc.contains("2026-05-20"),
            "{desc}"
        );
    }
}
