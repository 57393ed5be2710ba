//! A post-survey typed in through the run screen (its loop in this process), one
//! paper form a line, built to match the follow-up study's table "Ökad
//! kunskap" (skola 32 lower / 66 higher, socialtjänst 4 / 11); the exported
//! summary must show exactly that table's counts and percentages.

use crate::common;

use common::in_process::InProcessApp;
use common::markdown::tables;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The forms: knowledge (4a, 4b) averaging 3 is "lower", 3.5 or more
/// "higher"; "vet ej" and blanks elsewhere show they are left out.
fn forms() -> Vec<String> {
    let mut lines = Vec::new();
    for (sector, lower, higher) in [("sk", 32, 66), ("so", 4, 11)] {
        for n in 0..lower {
            lines.push(if n % 5 == 0 {
                format!("{sector}3x4444")
            } else {
                format!("{sector}243x45")
            });
        }
        for n in 0..higher {
            lines.push(if n % 4 == 0 {
                format!("{sector}4x-555")
            } else {
                format!("{sector}345544")
            });
        }
    }
    lines
}

/// The rows of the first table under the heading `theme` in the section
/// `section` (the section's own first table when `theme` is the section).
pub(crate) fn theme_table(markdown: &str, section: &str, theme: &str) -> Vec<Vec<String>> {
    tables(under(markdown, section, theme))
        .into_iter()
        .next()
        .unwrap_or_default()
}

/// The Markdown under the heading `heading` of the section `section`, up to
/// the next heading; empty when there is none.
fn under<'a>(markdown: &'a str, section: &str, heading: &str) -> &'a str {
    let mut in_section = false;
    let mut text = String::new();
    let mut start = None;
    for (event, range) in Parser::new_ext(markdown, Options::ENABLE_TABLES).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                if let Some(start) = start {
                    return &markdown[start..range.start];
                }
                text.clear();
            }
            Event::Text(part) if start.is_none() => text.push_str(&part),
            Event::End(TagEnd::Heading(level)) => {
                if level as u8 == 2 {
                    in_section = text == section;
                }
                if in_section && text == heading {
                    start = Some(range.end);
                }
            }
            _ => {}
        }
    }
    start.map_or("", |start| &markdown[start..])
}

/// The items of the first list of `markdown`.
fn list_items(markdown: &str) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Item) => items.push(String::new()),
            Event::Text(text) => {
                if let Some(item) = items.last_mut() {
                    item.push_str(&text);
                }
            }
            Event::End(TagEnd::List(_)) => break,
            _ => {}
        }
    }
    items
}

#[test]
fn a_post_survey_typed_line_by_line_gives_the_studys_table() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut app = InProcessApp::spawn(&["run", "seminarium-3"], home.path(), 140, 40);
    app.wait_for_text("Välkommen och inledning");
    app.send(b"nnnnnn");
    app.wait_for_text("Eftermätning");
    app.send(b"i");
    app.wait_for_text("Enkätsvar, rad 1");

    // A wrong line is kept for fixing, and does not count.
    app.send(b"sk44\r");
    app.wait_for_text("2 svar (det ska vara 6");
    app.send(b"\x7f\x7f\x7f\x7f"); // four Backspaces clear it
    let lines = forms();
    let mut keystrokes = 0;
    for (number, line) in lines.iter().enumerate() {
        assert_eq!(line.chars().count(), 8, "a sector and six answers");
        app.send(line.as_bytes());
        app.send(b"\r");
        keystrokes += line.chars().count() + 1;
        if number % 20 == 19 {
            app.wait_for_text(&format!("Enkätsvar, rad {}", number + 2));
        }
    }
    app.wait_for_text(&format!("Enkätsvar, rad {}", lines.len() + 1));
    assert_eq!(
        keystrokes,
        lines.len() * (8 + 1),
        "the answers and one Enter a line"
    );
    app.send(b"\x1b");
    let counted = format!("{} svar", lines.len());
    app.wait_for("the editor closed on every line counted", |screen| {
        !screen.contains("Enkätsvar") && screen.contains(&counted)
    });
    assert!(app.quit().success());

    let export = common::samla_in(home.path(), home.path(), &["export", "-o", "-"]);
    assert_eq!(export.code, Some(0), "{}", export.stderr);
    let table = theme_table(&export.stdout, "Eftermätning", "Ökad kunskap");
    assert_eq!(
        table,
        [
            vec!["", "Skola", "Socialtjänst", "Totalt"],
            vec!["I lägre grad (1–3), antal", "32", "4", "36"],
            vec!["I lägre grad (1–3), %", "32,7 %", "26,7 %", "31,9 %"],
            vec!["I högre grad (3,5–5), antal", "66", "11", "77"],
            vec!["I högre grad (3,5–5), %", "67,3 %", "73,3 %", "68,1 %"],
            vec!["Totalt, antal", "98", "15", "113"],
        ],
        "{}",
        export.stdout
    );
}

#[test]
fn thirty_forms_of_a_mixed_survey_typed_in_give_its_tables() {
    use common::survey::{AGENDA, FORMS, lines};
    let home = tempfile::tempdir().expect("temp dir");
    let agenda = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(AGENDA);
    let agenda = agenda.to_str().expect("a UTF-8 path");
    let mut app = InProcessApp::spawn(&["run", agenda], home.path(), 140, 40);
    app.wait_for_text("Uppföljningsenkät");
    app.send(b"i");
    app.wait_for_text("Enkätsvar, rad 1");
    // A letter that is no option is kept for fixing, and does not count.
    app.send(b"sk 4 3 4 j c a\r");
    app.wait_for_text("\"c\" är inget alternativ (a–b");
    app.send(&[0x7f; 14]);
    let lines = lines();
    assert_eq!(lines.len(), 30);
    for (number, line) in lines.iter().enumerate() {
        app.send(line.as_bytes());
        app.send(b"\r");
        if number % 10 == 9 {
            app.wait_for_text(&format!("Enkätsvar, rad {}", number + 2));
        }
    }
    app.send(b"\x1b");
    app.wait_for("the editor closed on every form counted", |screen| {
        !screen.contains("Enkätsvar") && screen.contains("30 svar")
    });
    assert!(app.quit().success());

    let export = common::samla_in(home.path(), home.path(), &["export", "-o", "-"]);
    assert_eq!(export.code, Some(0), "{}", export.stderr);
    let summary = &export.stdout;
    let section = "Uppföljningsenkät";
    let rows = |heading: &str| theme_table(summary, section, heading);
    // The ratings' table is the section's first: (4·10 + 2·8 + 3·7 + 1·3 +
    // 4·2) / 30 = 2,93…; (3·10 + 2·8 + 3·7 + 2·3 + 4·2) / 30 = 2,7; (4·10 +
    // 1·8 + 2·7 + 3·3 + 4·2) / 30 = 2,63…
    assert_eq!(
        rows(section),
        [
            vec!["Påstående", "n", "Medel"],
            vec!["Vi har en gemensam bild av frånvaron", "30", "2,9"],
            vec!["Vi vet vem som gör vad", "30", "2,7"],
            vec!["Vi litar på varandras bedömningar", "30", "2,6"],
        ]
    );
    assert_eq!(
        rows("Har ni en gemensam rutin för uppföljning?"),
        [
            vec!["Svar", "antal", "%"],
            vec!["Ja", "13", "56,5 %"],
            vec!["Nej", "10", "43,5 %"],
            vec!["Vet ej", "7", ""],
            vec!["n", "23", ""],
        ]
    );
    assert_eq!(
        rows("Hur når ni varandra?"),
        [
            vec!["Svar", "antal", "%"],
            vec!["Telefon", "17", "60,7 %"],
            vec!["Mejl", "15", "53,6 %"],
            vec!["Möten", "20", "71,4 %"],
            vec!["n", "28", ""],
        ],
        "several may be chosen: the shares add up to more than all"
    );
    assert_eq!(
        rows("Samsyn efter svaren på ”Vilken grupp ingår du i?”"),
        [
            vec!["", "Styrgrupp", "Projektgrupp", "Ej angivet", "Totalt"],
            vec!["I lägre grad (1–2), antal", "0", "8", "3", "11"],
            vec![
                "I lägre grad (1–2), %",
                "0,0 %",
                "53,3 %",
                "100,0 %",
                "36,7 %"
            ],
            vec!["I högre grad (3–4), antal", "12", "7", "0", "19"],
            vec![
                "I högre grad (3–4), %",
                "100,0 %",
                "46,7 %",
                "0,0 %",
                "63,3 %"
            ],
            vec!["Totalt, antal", "12", "15", "3", "30"],
        ]
    );
    assert_eq!(
        rows("Tillit")[5],
        ["Totalt, antal", "17", "10", "3", "30"],
        "by sector: school 10 + 7, social services 8 + 2, healthcare 3"
    );
    let wishes = list_items(under(summary, section, "Vad behöver ni mer av?"));
    let written: usize = FORMS
        .iter()
        .filter(|(_, line)| line.contains('|'))
        .map(|(count, _)| count)
        .sum();
    assert_eq!(wishes.len(), written);
    assert_eq!(
        wishes
            .iter()
            .filter(|w| *w == "Ett gemensamt forum")
            .count(),
        3
    );
}
