//! The summary as one self-contained HTML page: the Markdown rendered by
//! pulldown-cmark, inline CSS that lays cards out like a Padlet board, nothing
//! fetched from elsewhere. Readable on a phone and printable.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

use super::series::SeriesSummary;
use super::summary::Summary;
use crate::agenda::Language;

/// The page's style: cards as notes on a board, tables that scroll on a phone.
const STYLE: &str = r#"
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --card: #fff7c2; --line: #d0d7de; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
       max-width: 72rem; margin: 0 auto; padding: 1rem; background: #f6f8fa; }
h1 { font-size: 1.7rem; margin: .5rem 0; }
h2 { font-size: 1.35rem; margin-top: 2.2rem; border-bottom: 2px solid var(--line); padding-bottom: .2rem; }
h3 { font-size: 1.1rem; margin: 1.4rem 0 .5rem; }
h4 { font-size: 1rem; margin: 1rem 0 .4rem; color: var(--muted); }
h3 + ul, h4 + ul { display: flex; flex-wrap: wrap; gap: .75rem; list-style: none; padding: 0; margin: 0; }
h3 + ul > li, h4 + ul > li { flex: 1 1 15rem; max-width: 24rem; background: var(--card); border-radius: 10px;
       padding: .7rem .9rem; box-shadow: 0 1px 3px rgba(0,0,0,.18); overflow-wrap: anywhere; }
blockquote { margin: 0; padding-left: .7rem; border-left: 4px solid #d4a72c; font-style: italic; }
em { color: var(--muted); }
table { border-collapse: collapse; width: 100%; display: block; overflow-x: auto; background: #fff; }
th, td { border: 1px solid var(--line); padding: .45rem .6rem; text-align: left; vertical-align: top; }
th { background: #eef1f4; }
.date { white-space: nowrap; }
figure.chart { margin: .6rem 0 1.2rem; }
figure.chart svg { display: block; max-width: 100%; height: auto; font-family: inherit; }
@media print {
  @page { size: A4; margin: 15mm 14mm; }
  body { background: #fff; max-width: none; padding: 0; font-size: 10.5pt; line-height: 1.35; }
  h1 { font-size: 17pt; }
  h2 { font-size: 13.5pt; margin: 1.1rem 0 .4rem; }
  h3 { font-size: 11.5pt; margin: .7rem 0 .25rem; }
  h4 { font-size: 10.5pt; margin: .4rem 0 .15rem; }
  p { margin: .3rem 0; }
  /* On paper the cards read top to bottom, one under the other, never split. */
  h3 + ul, h4 + ul { display: block; }
  h3 + ul > li, h4 + ul > li { max-width: none; margin: 0 0 .2rem; padding: .1rem .5rem;
       box-shadow: none; border-radius: 0; background: none; border-left: 3px solid #d4a72c; }
  li, tr, blockquote, figure.chart { break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
  /* The text column takes the width its words need; the numbers' columns
     stay as narrow as their numbers, and no word is broken. */
  table { display: table; table-layout: auto; width: 100%; }
  thead { display: table-header-group; }
  th, td { overflow-wrap: break-word; hyphens: manual; }
  th[style*="right"], td[style*="right"] { white-space: nowrap; width: 1%; }
}
"#;

/// The summary as an HTML page, its surveys' results drawn as well as tabled.
pub fn html(summary: &Summary) -> String {
    let agenda = &summary.session.agenda;
    let (text, charts) = super::markdown::render_page(&super::letter::letter(summary));
    page_with_charts(&agenda.title, agenda.language, &text, &charts)
}

/// The series summary as an HTML page.
pub fn series_html(summary: &SeriesSummary) -> String {
    let (text, charts) = super::series::series_page(summary);
    page_with_charts(summary.name, summary.language(), &text, &charts)
}

/// `text` with each date ("2027-03-31") in a span that is never broken
/// across lines: a narrow column would otherwise split it at its hyphens.
fn dates_kept_whole(text: CowStr<'_>) -> Vec<Event<'_>> {
    let is_date = |candidate: &[u8]| {
        candidate.len() == 10
            && candidate.iter().enumerate().all(|(at, byte)| match at {
                4 | 7 => *byte == b'-',
                _ => byte.is_ascii_digit(),
            })
    };
    let bytes = text.as_bytes();
    let mut events = Vec::new();
    let mut from = 0;
    let mut at = 0;
    while at + 10 <= bytes.len() {
        if is_date(&bytes[at..at + 10]) {
            if from < at {
                events.push(Event::Text(CowStr::from(text[from..at].to_owned())));
            }
            events.push(Event::InlineHtml(CowStr::from("<span class=\"date\">")));
            events.push(Event::Text(CowStr::from(text[at..at + 10].to_owned())));
            events.push(Event::InlineHtml(CowStr::from("</span>")));
            at += 10;
            from = at;
        } else {
            at += 1;
        }
    }
    if from == 0 {
        return vec![Event::Text(text)];
    }
    if from < bytes.len() {
        events.push(Event::Text(CowStr::from(text[from..].to_owned())));
    }
    events
}

/// `text` (Markdown) as a page titled `title`.
pub(super) fn page(title: &str, language: Language, text: &str) -> String {
    page_with_charts(title, language, text, &[])
}

/// The page of `text` with each chart in `charts` in place of the paragraph
/// that starts where it says.
fn page_with_charts(
    title: &str,
    language: Language,
    text: &str,
    charts: &[(usize, String)],
) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut in_chart = false;
    // Card text is escaped in the Markdown already; should raw HTML still reach
    // the parser, it is shown as text, never passed through. Only the
    // charts, made here, are markup.
    let events = Parser::new_ext(text, options)
        .into_offset_iter()
        .filter_map(move |(event, range)| match event {
            Event::Start(Tag::Paragraph) => {
                let chart = charts.iter().find(|(at, _)| *at == range.start);
                in_chart = chart.is_some();
                Some(match chart {
                    Some((_, svg)) => Event::Html(CowStr::from(svg.clone())),
                    None => Event::Start(Tag::Paragraph),
                })
            }
            Event::End(TagEnd::Paragraph) if in_chart => {
                in_chart = false;
                None
            }
            _ if in_chart => None,
            Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
            other => Some(other),
        })
        .flat_map(|event| match event {
            Event::Text(text) => dates_kept_whole(text),
            other => vec![other],
        });
    let mut body = String::with_capacity(text.len() * 2);
    html::push_html(&mut body, events);
    let language = match language {
        Language::Sv => "sv",
        Language::En => "en",
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{language}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        escaped(&super::escape::one_line(title))
    )
}

/// `text` escaped for HTML.
fn escaped(text: &str) -> String {
    let mut out = String::new();
    html::push_html(&mut out, std::iter::once(Event::Text(text.into())));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_is_kept_whole_and_raw_html_still_shows_as_text() {
        let page = page(
            "T",
            Language::Sv,
            "| Åtgärd | Klart senast |\n|---|---|\n| Rutin <b>nu</b> | 2027-03-31 (passerat) |\n",
        );
        assert!(
            page.contains("<span class=\"date\">2027-03-31</span> (passerat)"),
            "{page}"
        );
        assert!(page.contains("Rutin &lt;b&gt;nu&lt;/b&gt;"), "{page}");
    }
}
