//! The HTML summary printed as a browser prints it: headless Chromium (Debian's
//! package) saves it as an A4 PDF, and pdftotext (poppler-utils) reads it back.
//! Every card is there, in the summary's order, on a reasonable number of pages.
//! Without the programs the test says it was skipped; with `CI` set they are
//! required.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common;
use common::programs::available;

use common::fixture::{seminar_3, summary};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use samla::export::{html, markdown};

/// Longest a print may take before the test gives up on it.
const PRINT_LIMIT: Duration = Duration::from_secs(90);

/// Prints `page` to an A4 PDF with headless Chromium, waiting at most PRINT_LIMIT.
fn print(page: &Path, pdf: &Path, profile: &Path) {
    let mut chromium = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let deadline = Instant::now() + PRINT_LIMIT;
    loop {
        if let Some(status) = chromium.try_wait().expect("chromium's status") {
            assert!(status.success(), "chromium failed: {status:?}");
            break;
        }
        if Instant::now() > deadline {
            let _ = chromium.kill();
            panic!("chromium did not print within {PRINT_LIMIT:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The PDF's text, or with `page` that page's only.
fn pdf_text(pdf: &Path, page: Option<usize>) -> String {
    let mut pdftotext = Command::new("pdftotext");
    if let Some(page) = page {
        let page = page.to_string();
        pdftotext.args(["-f", &page, "-l", &page]);
    }
    let output = pdftotext
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn pages(pdf: &Path) -> usize {
    let output = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo runs");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .and_then(|count| count.trim().parse().ok())
        .expect("a page count")
}

/// Whether the printing programs are here (required with `CI` set).
fn printers_here() -> bool {
    available("chromium", "--version", "chromium") && available("pdftotext", "-v", "poppler-utils")
}

/// `summary`'s page printed to a PDF in `folder`, and where the PDF is.
fn printed(summary: &samla::export::Summary, folder: &Path) -> std::path::PathBuf {
    let page = folder.join("summary.html");
    std::fs::write(&page, html(summary)).expect("the page");
    let pdf = folder.join("summary.pdf");
    print(&page, &pdf, &folder.join("profile"));
    pdf
}

/// Whether `words` stand in `text` in this order.
fn in_order(text: &str, words: &[&str]) -> bool {
    let mut from = 0;
    words.iter().all(|word| match text[from..].find(word) {
        Some(found) => {
            from += found + word.len();
            true
        }
        None => false,
    })
}

/// A word the PDF can be searched for: no character the machine may have no
/// font for (an emoji, CJK) and no combining accent (the PDF holds it composed).
fn readable(word: &&str) -> bool {
    word.chars()
        .all(|c| c.is_ascii() || ('\u{a0}'..='\u{24f}').contains(&c) || "–”’".contains(c))
}

/// Text with every run of whitespace as one space, for comparing across line breaks.
fn squeezed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of every list item before the summary by theme, in order.
fn items_in_order(markdown: &str) -> Vec<String> {
    let end = markdown.find("## Per tema").unwrap_or(markdown.len());
    let mut items = Vec::new();
    let mut item: Option<String> = None;
    for event in Parser::new(&markdown[..end]) {
        match event {
            Event::Start(Tag::Item) => item = Some(String::new()),
            Event::Text(text) | Event::Code(text) => {
                if let Some(item) = item.as_mut() {
                    item.push_str(&text);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(item) = item.as_mut() {
                    item.push(' ');
                }
            }
            Event::End(TagEnd::Item) => items.extend(item.take()),
            _ => {}
        }
    }
    items
}

#[test]
fn the_printed_page_holds_every_card_in_order_on_few_pages() {
    if !printers_here() {
        return;
    }
    let session = seminar_3();
    let summary = summary(&session);
    let folder = tempfile::tempdir().expect("a folder");
    let pdf = printed(&summary, folder.path());
    let text = squeezed(&pdf_text(&pdf, None));
    let pages = pages(&pdf);
    let page_texts: Vec<String> = (1..=pages)
        .map(|page| squeezed(&pdf_text(&pdf, Some(page))))
        .collect();
    let mut from = 0;
    for item in items_in_order(&markdown(&summary)) {
        // Word by word, in order through the document...
        let words: Vec<&str> = item.split_whitespace().filter(readable).collect();
        for word in &words {
            let found = text[from..].find(word).unwrap_or_else(|| {
                panic!("{word:?} of {item:?} not in the PDF after byte {from}:\n{text}")
            });
            from += found + word.len();
        }
        // ...and each card whole on one page.
        assert!(
            page_texts.iter().any(|page| in_order(page, &words)),
            "{item:?} is split across pages"
        );
    }
    assert!(
        (2..=6).contains(&pages),
        "{pages} pages for a summary of {} cards",
        session.cards.len()
    );
}

#[test]
fn the_printed_report_keeps_every_statements_words_whole() {
    if !printers_here() {
        return;
    }
    let session = crate::common::fixture::seminar_3_as_sent();
    let report = samla::export::Summary {
        report: true,
        ..summary(&session)
    };
    let folder = tempfile::tempdir().expect("a folder");
    let pdf = printed(&report, folder.path());
    let text = squeezed(&pdf_text(&pdf, None));
    let statements: Vec<String> = session
        .agenda
        .segments
        .iter()
        .flat_map(|segment| {
            segment
                .statements
                .iter()
                .map(|statement| statement.text.clone())
        })
        .collect();
    assert!(!statements.is_empty(), "seminarium-3 closes with a survey");
    // Each word stands whole in the statement's cell: none broken inside,
    // as "Påstå/ende" or "samver/kan" would be in too narrow a column.
    for statement in &statements {
        for word in statement.split_whitespace().filter(readable) {
            assert!(
                text.split(' ')
                    .any(|found| found.trim_matches(|c: char| !c.is_alphanumeric())
                        == word.trim_matches(|c: char| !c.is_alphanumeric())),
                "{word:?} of {statement:?} is not whole in the printed report:\n{text}"
            );
        }
    }
    assert!(text.split(' ').any(|word| word == "Påstående"), "{text}");
    // The survey's chart is printed too: each statement's n and mean beside
    // its bar, and the scale's ends in its legend.
    let poll = crate::common::fixture::segment_of(&session, samla::agenda::SegmentKind::Poll);
    for result in session.statement_results(poll) {
        let mean = result.mean.expect("a mean");
        let beside = format!(
            "n = {} · {}",
            result.n,
            samla::i18n::decimal(mean, samla::agenda::Language::Sv)
        );
        assert!(
            text.contains(&beside),
            "{beside:?} in the printed chart:\n{text}"
        );
    }
    assert!(
        text.contains("5 Stämmer helt"),
        "the chart's legend:\n{text}"
    );
}

/// Every text of the Markdown (headings, items, table cells), in order.
fn every_text(markdown: &str) -> Vec<String> {
    let mut texts = Vec::new();
    for event in Parser::new_ext(markdown, pulldown_cmark::Options::ENABLE_TABLES) {
        if let Event::Text(text) = event {
            texts.push(text.into_string());
        }
    }
    texts
}

#[test]
fn a_printed_workshop_holds_its_matrices_action_items_and_follow_up_statuses() {
    if !printers_here() {
        return;
    }
    use common::workshop::{nulagesanalys, uppfoljning};
    let first = nulagesanalys();
    let second = uppfoljning(&first);
    for session in [&first, &second] {
        let summary = summary(session);
        let folder = tempfile::tempdir().expect("a folder");
        let pdf = printed(&summary, folder.path());
        let text = squeezed(&pdf_text(&pdf, None));
        // Every word of every heading, item and table cell is on paper (a
        // table's cells may be read in another order than they are written).
        for written in every_text(&markdown(&summary)) {
            for word in written.split_whitespace().filter(readable) {
                assert!(
                    text.contains(word),
                    "{word:?} of {written:?} not in the PDF:\n{text}"
                );
            }
        }
        let mut from = 0;
        for item in items_in_order(&markdown(&summary)) {
            let words: Vec<&str> = item.split_whitespace().filter(readable).collect();
            assert!(
                in_order(&text[from..], &words),
                "{item:?} out of order:\n{text}"
            );
            from += text[from..].find(words[0]).unwrap_or_default();
        }
        assert!((1..=4).contains(&pages(&pdf)), "{} pages", pages(&pdf));
    }
}
