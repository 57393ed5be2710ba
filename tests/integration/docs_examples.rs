//! The examples in docs/examples/ are what samla writes today, and the golden
//! files of both documents in every format: the participants' summary and the
//! facilitator's report of seminarium 3 with five groups and its closing
//! survey (seven forms, one of them healthcare's, hidden from participants), as Markdown, HTML, an e-mail draft and (the cards) CSV. When the
//! summary changes, regenerate them with
//! `SAMLA_UPDATE_EXAMPLES=1 cargo test --test integration docs_examples` and
//! read the difference.

use std::path::Path;

use crate::common;

use common::fixture::{seminar_3_as_sent as example, summary};
use samla::export::{Document, Format, Summary, render};
use samla::session::Session;

fn document(session: &Session, report: bool, format: Format) -> String {
    let bytes = render(
        Document::Session(&Summary {
            report,
            ..summary(session)
        }),
        format,
        &[],
    )
    .expect("rendered");
    String::from_utf8(bytes).expect("UTF-8")
}

fn matches_file(name: &str, text: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs/examples")
        .join(name);
    if std::env::var_os("SAMLA_UPDATE_EXAMPLES").is_some() {
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("the folder");
        std::fs::write(&path, text).expect("the example written");
        return;
    }
    let kept = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        kept == text,
        "docs/examples/{name} is not what samla writes today; regenerate it with \
         SAMLA_UPDATE_EXAMPLES=1 cargo test --test integration docs_examples"
    );
}

#[test]
fn the_documented_examples_are_what_samla_writes() {
    let session = example();
    for format in [Format::Md, Format::Html, Format::Eml] {
        let extension = format.extension();
        matches_file(
            &format!("participants-summary.{extension}"),
            &document(&session, false, format),
        );
        matches_file(
            &format!("facilitator-report.{extension}"),
            &document(&session, true, format),
        );
    }
    matches_file("cards.csv", &document(&session, false, Format::Csv(None)));
}

/// What a workshop's document looks like, as its summary saves it at the
/// end of its day.
fn workshop_document(session: &Session, report: bool, format: Format) -> String {
    let end = session.planned_start + chrono::Duration::hours(8);
    let summary = Summary {
        report,
        as_of: end,
        ..summary(session)
    };
    let bytes = render(Document::Session(&summary), format, &[]).expect("rendered");
    String::from_utf8(bytes).expect("UTF-8")
}

#[test]
fn the_workshops_and_the_mixed_surveys_golden_summaries_are_what_samla_writes_in_every_format() {
    use common::workshop::{nulagesanalys, uppfoljning};
    let first = nulagesanalys();
    let second = uppfoljning(&first);
    for (name, session) in [
        ("workshop-nulagesanalys", &first),
        ("workshop-uppfoljning", &second),
    ] {
        for format in [Format::Md, Format::Html, Format::Eml] {
            let extension = format.extension();
            matches_file(
                &format!("{name}-summary.{extension}"),
                &workshop_document(session, false, format),
            );
        }
        matches_file(
            &format!("{name}-report.md"),
            &workshop_document(session, true, Format::Md),
        );
        matches_file(
            &format!("{name}-cards.csv"),
            &workshop_document(session, false, Format::Csv(None)),
        );
    }
    let survey = common::survey::answered();
    for format in [Format::Md, Format::Html, Format::Eml] {
        let extension = format.extension();
        matches_file(
            &format!("survey-summary.{extension}"),
            &workshop_document(&survey, false, format),
        );
    }
    matches_file(
        "survey-report.md",
        &workshop_document(&survey, true, Format::Md),
    );
    let sessions = [&first, &second];
    let series = samla::export::SeriesSummary {
        name: "Utvecklingsarbete för ökad skolnärvaro",
        groups: &first.groups,
        sessions: &sessions,
        as_of: second.planned_start + chrono::Duration::hours(8),
        offset: chrono::FixedOffset::east_opt(3600).expect("an offset"),
        names: false,
    };
    let bytes = render(Document::Series(&series), Format::Md, &[]).expect("rendered");
    matches_file(
        "workshop-series.md",
        &String::from_utf8(bytes).expect("UTF-8"),
    );
}

#[test]
fn the_dialogue_meetings_and_the_theme_days_golden_summaries_are_what_samla_writes() {
    use crate::bundled_fidelity::{dialogue_meeting, theme_day};
    for (name, session) in [("dialogmote", dialogue_meeting()), ("temadag", theme_day())] {
        for format in [Format::Md, Format::Html] {
            let extension = format.extension();
            matches_file(
                &format!("{name}-summary.{extension}"),
                &workshop_document(&session, false, format),
            );
        }
    }
}
