//! The Markdown summary of a fixed session: a golden file, and the same text
//! read back with a real CommonMark parser (pulldown-cmark): the heading tree,
//! the action-plan table, and every hostile card shown literally.

use crate::common;

use chrono::FixedOffset;
use common::fixture::{HOSTILE, saved_at, seminar_3, summary};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use samla::export::{Summary, markdown};
use samla::session::{Lane, Session};

fn summary_of(session: &Session, private: bool) -> String {
    markdown(&Summary {
        session,
        as_of: saved_at(),
        offset: FixedOffset::east_opt(3600).expect("an offset"),
        private,
        names: false,
        report: false,
        intro: None,
        removed: &[],
    })
}

/// The facilitator's report of `session`.
fn report_of(session: &Session) -> String {
    markdown(&Summary {
        session,
        as_of: saved_at(),
        offset: FixedOffset::east_opt(3600).expect("an offset"),
        private: false,
        names: false,
        report: true,
        intro: None,
        removed: &[],
    })
}

use crate::common::markdown::{next_after, outline, tables};

fn events(text: &str) -> Vec<Event<'_>> {
    Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH).collect()
}

/// Every heading as (level, text).
fn headings(text: &str) -> Vec<(u8, String)> {
    let mut found = Vec::new();
    let mut current: Option<(u8, String)> = None;
    for event in events(text) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                let level = match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    HeadingLevel::H3 => 3,
                    _ => 4,
                };
                current = Some((level, String::new()));
            }
            Event::Text(text) => {
                if let Some((_, heading)) = current.as_mut() {
                    heading.push_str(&text);
                }
            }
            Event::End(TagEnd::Heading(_)) => found.extend(current.take()),
            _ => {}
        }
    }
    found
}

/// The text of every paragraph, list item (tight lists have no paragraphs) and
/// table cell, soft and hard breaks as `\n`, as a reader sees it.
fn texts(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut current: Option<String> = None;
    for event in events(text) {
        match event {
            Event::Start(Tag::Paragraph | Tag::TableCell | Tag::Item) => {
                current.get_or_insert_with(String::new);
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some(paragraph) = current.as_mut() {
                    paragraph.push_str(&text);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(paragraph) = current.as_mut() {
                    paragraph.push('\n');
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                panic!("raw HTML reached the Markdown: {html}")
            }
            Event::End(TagEnd::Paragraph | TagEnd::TableCell | TagEnd::Item) => {
                found.extend(current.take())
            }
            _ => {}
        }
    }
    found
}

#[test]
fn the_markdown_summary_matches_its_golden_file() {
    insta::assert_snapshot!("seminar_3_summary_md", summary_of(&seminar_3(), false));
    insta::assert_snapshot!("seminar_3_report_md", report_of(&seminar_3()));
}

#[test]
fn the_same_session_gives_the_same_bytes() {
    assert_eq!(
        summary_of(&seminar_3(), false),
        summary_of(&seminar_3(), false)
    );
}

#[test]
fn the_heading_tree_follows_the_agenda() {
    let text = summary_of(&seminar_3(), false);
    let tree = headings(&text);
    let top: Vec<&str> = tree
        .iter()
        .filter(|(level, _)| *level <= 2)
        .map(|(_, text)| text.as_str())
        .collect();
    assert_eq!(
        top,
        [
            "Samverkan och samordnat stöd vid närvaroproblem i förskola och skola",
            "Välkommen och inledning",
            "Vision: samverkan om tio år",
            "Handlingsplan",
            "Avslutning: samtal med Malin Gren Landell om utkasten till handlingsplaner",
            "Per tema",
            "Att ta med hem",
        ],
        "no time log in the participants' summary, and no next time after the last seminar: {tree:#?}"
    );
    let mut not_last = seminar_3();
    not_last.agenda.last_in_series = false;
    assert!(
        headings(&summary_of(&not_last, false))
            .iter()
            .any(|(level, text)| *level == 2 && text == "Till nästa gång"),
        "a seminar with a next time says so"
    );
    let report = headings(&report_of(&seminar_3()));
    assert_eq!(
        report.last().map(|(_, text)| text.as_str()),
        Some("Tidslogg"),
        "the report ends in the time log"
    );
    let vision_groups: Vec<&str> = tree
        .iter()
        .skip_while(|(_, text)| text != "Vision: samverkan om tio år")
        .skip(1)
        .take_while(|(level, _)| *level > 2)
        .filter(|(level, _)| *level == 3)
        .map(|(_, text)| text.as_str())
        .collect();
    assert_eq!(
        vision_groups,
        [
            "Grupp 1", "Grupp 2", "Grupp 3", "Grupp 4", "Grupp 5", "Grupp 6"
        ]
    );
    for heading in ["Styrkor i dag", "Utvecklingsbehov", "Vision om tio år"] {
        assert!(
            tree.iter()
                .any(|(level, text)| *level == 4 && text == heading),
            "{heading}"
        );
    }
    let themes: Vec<&str> = tree
        .iter()
        .skip_while(|(_, text)| text != "Per tema")
        .skip(1)
        .take_while(|(level, _)| *level == 3)
        .map(|(_, text)| text.as_str())
        .collect();
    assert_eq!(themes, ["Regelverk", "Organisation", "Synsätt"]);
}

#[test]
fn each_groups_action_plan_lists_its_horizons_and_cards_stay_apart() {
    let text = summary_of(&seminar_3(), false);
    let plan = &text[text.find("## Handlingsplan").expect("the action plan")..];
    let plan = &plan[..plan[3..].find("\n## ").expect("the next section") + 3];
    let group_3 = &plan[plan.find("### Grupp 3").expect("group 3")..];
    let group_3 = &group_3[..group_3.find("\n### Grupp 4").expect("group 4")];
    // Two cards under one horizon: two list items, never run together.
    let items: Vec<String> = texts(group_3)
        .into_iter()
        .filter(|text| text.starts_with("Kartlägg") || text.starts_with("Ännu"))
        .collect();
    assert_eq!(
        items,
        [
            "Kartlägg frånvaron varje månad",
            "Ännu ett direkt-kort: 漢字 och e\u{301}"
        ]
    );
    let list_items = events(group_3)
        .iter()
        .filter(|event| matches!(event, Event::Start(Tag::Item)))
        .count();
    assert_eq!(list_items, 4, "one item a card: {group_3}");
    // The counts per group side by side read as a ranking: only the report
    // has them, for the vision and the action plan alike.
    assert!(tables(&text).is_empty(), "{text}");
    let report = report_of(&seminar_3());
    let all = tables(&report);
    assert_eq!(
        all[0][0],
        [
            "Grupp",
            "Styrkor i dag",
            "Utvecklingsbehov",
            "Vision om tio år"
        ]
    );
    let overview = &all[1];
    assert_eq!(
        overview[0],
        [
            "Grupp",
            "Vad bör vi göra direkt?",
            "Vad kan vi göra inom ett år?",
            "Vad kan vi göra på längre sikt?"
        ]
    );
    assert_eq!(overview.len(), 7, "a header and six groups: {overview:#?}");
    assert_eq!(overview[3], ["Grupp 3", "2", "1", "1"]);
    let log = tables(&report_of(&seminar_3()));
    let log = log.last().expect("the time log");
    assert_eq!(
        log[0],
        ["Pass", "Planerad start", "Start", "Planerat", "Faktiskt"]
    );
    assert_eq!(
        log[2],
        [
            "Vision: samverkan om tio år",
            "13:10",
            "13:12",
            "50 min",
            "52 min"
        ]
    );
    assert_eq!(log.last().expect("a total")[4], "187 min (+7 min)");
}

#[test]
fn hostile_cards_show_literally_and_never_as_structure() {
    let text = summary_of(&seminar_3(), false);
    let shown = texts(&text);
    for hostile in HOSTILE {
        assert!(
            shown.iter().any(|text| text == hostile),
            "{hostile:?} not shown literally"
        );
    }
    let tree = headings(&text);
    assert!(
        tree.iter()
            .all(|(_, heading)| !heading.contains("Inte en rubrik"))
    );
    assert!(!events(&text).iter().any(|event| matches!(
        event,
        Event::Start(Tag::Link { .. } | Tag::Image { .. } | Tag::CodeBlock(_) | Tag::Strikethrough)
            | Event::Code(_)
    )));
}

#[test]
fn quotes_are_block_quotes_and_emoji_and_accents_survive() {
    let text = summary_of(&seminar_3(), false);
    let quotes = events(&text)
        .iter()
        .filter(|event| matches!(event, Event::Start(Tag::BlockQuote(_))))
        .count();
    assert_eq!(
        quotes, 3,
        "the room's quote and the hostile one marked as a quote, and the room's again under its tag"
    );
    let shown = texts(&text);
    for literal in [
        "Välkomna! Förväntningar: ”lära av varandra” 🙂",
        "”Det är relationen som bär” – Malin (Synsätt)",
    ] {
        assert!(shown.iter().any(|text| text == literal), "{literal}");
    }
}

#[test]
fn private_notes_only_when_asked_for() {
    let session = seminar_3();
    assert!(!summary_of(&session, false).contains("Grupp 4 behöver stöd"));
    let with = summary_of(&session, true);
    assert!(
        headings(&with)
            .iter()
            .any(|(_, text)| text == "Privata anteckningar")
    );
    assert!(
        texts(&with)
            .iter()
            .any(|text| text == "Privat: Grupp 4 behöver stöd")
    );
}

/// The fixed session saved in a fresh data folder, as `samla run` would.
fn saved_home() -> tempfile::TempDir {
    common::fixture::saved_home(seminar_3())
}

fn samla_utc(home: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_samla"))
        .args(args)
        .env("SAMLA_HOME", home)
        .env("TZ", "UTC")
        .output()
        .expect("samla runs")
}

fn in_utc(session: &Session) -> String {
    markdown(&Summary {
        session,
        as_of: saved_at(),
        offset: FixedOffset::east_opt(0).expect("an offset"),
        private: false,
        names: false,
        report: false,
        intro: None,
        removed: &[],
    })
}

#[test]
fn samla_export_writes_the_summary_to_stdout_a_path_or_the_exports_folder() {
    let home = saved_home();
    let expected = in_utc(&seminar_3());
    let stdout = samla_utc(
        home.path(),
        &["export", "2026-03-12-seminarium-3", "-o", "-"],
    );
    assert!(
        stdout.status.success(),
        "{}",
        String::from_utf8_lossy(&stdout.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&stdout.stdout), expected);

    let latest = samla_utc(home.path(), &["export"]);
    assert!(latest.status.success());
    let written = home
        .path()
        .join("exports")
        .join("2026-03-12-seminarium-3.md");
    assert_eq!(
        String::from_utf8_lossy(&latest.stdout).trim(),
        written.display().to_string()
    );
    assert_eq!(
        std::fs::read_to_string(&written).expect("written"),
        expected
    );

    let chosen = home.path().join("summary.md");
    let to_path = samla_utc(
        home.path(),
        &[
            "export",
            "--private",
            "-o",
            chosen.to_str().expect("a path"),
        ],
    );
    assert!(to_path.status.success());
    assert!(
        std::fs::read_to_string(&chosen)
            .expect("written")
            .contains("Grupp 4 behöver stöd")
    );
}

#[test]
fn exporting_without_sessions_says_so() {
    let home = tempfile::tempdir().expect("temp dir");
    let run = samla_utc(home.path(), &["export"]);
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("no saved session"));
}

#[test]
fn every_format_comes_from_the_command_line_into_the_exports_folder() {
    let home = saved_home();
    for (format, extension, starts) in [
        ("md", "md", "# Samverkan".as_bytes()),
        ("html", "html", b"<!DOCTYPE html>".as_slice()),
        ("eml", "eml", b"Subject: =?utf-8?".as_slice()),
        ("csv", "csv", "\u{feff}seminarium;datum".as_bytes()),
        // A workbook is a zip.
        ("xlsx", "xlsx", b"PK\x03\x04".as_slice()),
    ] {
        let run = samla_utc(
            home.path(),
            &["export", "--format", format, "--to", "deltagare@kommun.se"],
        );
        assert!(
            run.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&run.stderr)
        );
        let path = home
            .path()
            .join("exports")
            .join(format!("2026-03-12-seminarium-3.{extension}"));
        let bytes = std::fs::read(&path).expect("written");
        assert!(bytes.starts_with(starts), "{format}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path)
                .expect("metadata")
                .permissions()
                .mode();
            // A document's ordinary permissions: what the umask makes of a new file.
            let probe = home.path().join("probe");
            std::fs::File::create(&probe).expect("a new file");
            let ordinary = std::fs::metadata(&probe)
                .expect("metadata")
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, ordinary & 0o777, "{format}");
        }
    }
    // The dialect asked for on the command line, in place of the session's.
    let english = samla_utc(
        home.path(),
        &[
            "export",
            "--format",
            "csv",
            "--csv-dialect",
            "en",
            "-o",
            "-",
        ],
    );
    assert!(
        english
            .stdout
            .starts_with("\u{feff}seminar,date,".as_bytes()),
        "{}",
        String::from_utf8_lossy(&english.stdout)
    );
}

#[test]
fn a_workbook_is_not_copied_as_text() {
    let home = saved_home();
    let run = samla_utc(home.path(), &["export", "--format", "xlsx", "--copy"]);
    assert_eq!(run.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&run.stderr).contains("en arbetsbok kan inte kopieras som text"),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(
        !home.path().join("exports").exists(),
        "refused before anything is written"
    );
}

#[test]
fn open_needs_a_file() {
    let home = saved_home();
    let run = samla_utc(home.path(), &["export", "-o", "-", "--open"]);
    assert_eq!(run.status.code(), Some(1));
    // In the session's language, Swedish.
    assert!(String::from_utf8_lossy(&run.stderr).contains("`--open` behöver en fil att öppna"));
}

/// Anna Åberg and Bo Berg in group 1, Cia Ceder in group 2, all here today,
/// each in the first sector.
fn three_present(session: &mut Session) {
    use samla::session::{RosterAction, SessionAction};
    for (group, name) in [(0, "Anna Åberg"), (0, "Bo Berg"), (1, "Cia Ceder")] {
        let id = session.roster.next_id;
        let add = RosterAction::Add {
            group,
            name: name.to_owned(),
        };
        session.apply(SessionAction::Roster(add), saved_at());
        let here = RosterAction::TogglePresent { id };
        session.apply(SessionAction::Roster(here), saved_at());
    }
}

#[test]
fn attendance_is_counted_by_sector_and_role_and_names_need_asking() {
    use samla::session::{RosterAction, SessionAction};
    let mut session = seminar_3();
    let at = saved_at();
    three_present(&mut session);
    session.apply(
        SessionAction::Roster(RosterAction::CycleSector { id: 1 }),
        at,
    );
    session.apply(SessionAction::Roster(RosterAction::CycleRole { id: 2 }), at);
    let counted = summary_of(&session, false);
    assert!(
        counted.contains("- **Närvarande:** 3 (skola 2, socialtjänst 1); chefer/ledning 1\n"),
        "{counted}"
    );
    for name in ["Anna", "Bo Berg", "Cia"] {
        assert!(!counted.contains(name), "{name}");
    }
    let named = markdown(&Summary {
        names: true,
        ..summary(&session)
    });
    assert!(
        named.contains("| Grupp 1 | Anna Åberg (skola), Bo Berg (socialtjänst) |"),
        "{named}"
    );
}

#[test]
fn the_agendas_own_sectors_count_attendance_under_their_names() {
    use samla::session::{RosterAction, SessionAction};
    let mut session = seminar_3();
    session.agenda.sectors_in_every_group = Vec::new();
    session.agenda.sectors = [("fritid", "fritid"), ("vh", "vårdnadshavare")]
        .map(|(id, name)| samla::agenda::SectorDef {
            id: samla::agenda::Sector::new(id),
            name: name.to_owned(),
            code: None,
        })
        .to_vec();
    let at = saved_at();
    three_present(&mut session);
    session.apply(
        SessionAction::Roster(RosterAction::CycleSector { id: 2 }),
        at,
    );
    let counted = summary_of(&session, false);
    assert!(
        counted.contains("- **Närvarande:** 3 (fritid 2, vårdnadshavare 1)\n"),
        "{counted}"
    );
    let named = markdown(&Summary {
        names: true,
        ..summary(&session)
    });
    assert!(
        named.contains("| Grupp 2 | Cia Ceder (vårdnadshavare) |"),
        "{named}"
    );
}

#[test]
fn a_skipped_segment_is_marked_in_the_time_log_with_no_minutes() {
    let mut session = seminar_3();
    let start = session.planned_start;
    // The welcome's card says the room was there: take it away to skip it.
    let welcome_card = session
        .cards
        .iter()
        .position(|card| card.segment == samla::session::SegmentIx(0))
        .expect("the welcome's card");
    let welcome_card = session.cards.remove(welcome_card);
    session.current = samla::session::SegmentIx(0);
    session.timings = vec![Default::default(); session.agenda.segments.len()];
    // Passed over with `n` before anything started, then the second run for 12 minutes.
    session.apply(samla::session::SessionAction::Next, start);
    session.apply(samla::session::SessionAction::ToggleTimer, start);
    session.apply(
        samla::session::SessionAction::Next,
        start + chrono::Duration::minutes(12),
    );
    // The time log's row of the segment titled `title`, in UTC.
    let row_of = |session: &samla::session::Session, title: &str| -> String {
        let text = markdown(&Summary {
            session,
            as_of: saved_at(),
            offset: FixedOffset::east_opt(0).expect("an offset"),
            private: false,
            names: false,
            report: true,
            intro: None,
            removed: &[],
        });
        text.lines()
            .find(|line| line.starts_with(&format!("| {title} |")))
            .unwrap_or_else(|| panic!("the row of {title}"))
            .to_owned()
    };
    let first = session.agenda.segments[0].title.clone();
    let row = row_of(&session, &first);
    assert!(row.ends_with("| – | 10 min | hoppades över |"), "{row}");
    let ran = row_of(&session, &session.agenda.segments[1].title);
    assert!(ran.ends_with("| 12 min |"), "{ran}");
    // A segment that has cards was not skipped, however quickly it passed.
    session.cards.push(welcome_card);
    let row = row_of(&session, &first);
    assert!(!row.contains("hoppades över"), "{row}");
}

#[test]
fn every_segment_the_room_worked_in_is_there_with_its_instruction_even_without_cards() {
    let mut session = seminar_3();
    session.cards.clear();
    let text = summary_of(&session, false);
    let tree = headings(&text);
    let sections: Vec<&str> = tree
        .iter()
        .filter(|(level, _)| *level == 2)
        .map(|(_, text)| text.as_str())
        .collect();
    assert!(
        sections.contains(&"Vision: samverkan om tio år"),
        "{sections:?}"
    );
    assert!(sections.contains(&"Handlingsplan"), "{sections:?}");
    assert!(
        !sections.contains(&"Paus"),
        "no group work in a break: {sections:?}"
    );
    assert!(
        texts(&text)
            .iter()
            .any(|text| text.starts_with("Upprätta i gruppen en vision")),
        "{text}"
    );
}

#[test]
fn the_opening_is_the_exports_the_agendas_or_a_neutral_line() {
    let mut session = seminar_3();
    let neutral = summary_of(&session, false);
    assert!(
        neutral.contains(
            "Här är en sammanfattning av seminariet *Samverkan och samordnat stöd vid närvaroproblem i förskola och skola* den 12 mars 2026, med det som de sex grupperna kom fram till."
        ),
        "{neutral}"
    );
    session.agenda.intro = Some("Tack för en givande eftermiddag!".to_owned());
    session.agenda.facilitator = Some("Eva Processledare".to_owned());
    session.agenda.contact = Some("eva@example.se".to_owned());
    let own = summary_of(&session, false);
    assert!(own.contains("Tack för en givande eftermiddag!\n"), "{own}");
    assert!(
        own.contains("- **Processledare:** Eva Processledare (eva@example.se)\n"),
        "{own}"
    );
    let given = markdown(&Summary {
        intro: Some("Hej alla!\n"),
        ..summary(&session)
    });
    assert!(given.contains("\n\nHej alla!\n\n"), "{given}");
    assert!(!given.contains("Tack för en givande"), "{given}");
}

#[test]
fn samla_export_report_and_intro_from_the_command_line() {
    let home = saved_home();
    let intro = home.path().join("intro.txt");
    std::fs::write(&intro, "Varmt tack till alla kommuner!").expect("an intro");
    let participants = samla_utc(
        home.path(),
        &["export", "2026-03-12-seminarium-3", "-o", "-"],
    );
    let participants = String::from_utf8_lossy(&participants.stdout);
    assert!(!participants.contains("## Tidslogg"), "{participants}");
    let report = samla_utc(
        home.path(),
        &[
            "export",
            "2026-03-12-seminarium-3",
            "--report",
            "--intro",
            intro.to_str().expect("a path"),
            "-o",
            "-",
        ],
    );
    assert_eq!(report.status.code(), Some(0), "{report:?}");
    let report = String::from_utf8_lossy(&report.stdout);
    assert!(report.contains("## Tidslogg"), "{report}");
    assert!(
        report.contains("Varmt tack till alla kommuner!"),
        "{report}"
    );
    let missing = samla_utc(
        home.path(),
        &["export", "--intro", "/no/such/intro.txt", "-o", "-"],
    );
    assert_eq!(missing.status.code(), Some(1));
    let said = String::from_utf8_lossy(&missing.stderr);
    assert!(said.contains("/no/such/intro.txt"), "{said}");
}

#[test]
fn the_series_summary_gives_no_heading_to_a_group_with_nothing_to_show() {
    // Group 6 typed nothing in either seminar.
    let mut first = seminar_3();
    first.cards.retain(|card| card.group != Lane::Group(5));
    let second = first.clone();
    let sessions = [&first, &second];
    let text = series_of("Serien", &sessions);
    let section = &text[text
        .find("## Gruppernas arbete genom serien")
        .expect("the groups' section")..];
    assert!(section.contains("### Grupp 5\n"), "{section}");
    assert!(!section.contains("### Grupp 6\n"), "{section}");
}

#[test]
fn a_workshop_is_called_a_workshop_never_a_seminar() {
    let mut session = seminar_3();
    session.agenda.event = samla::agenda::Event::Workshop;
    let text = summary_of(&session, false);
    assert!(text.contains(" · Workshop 3*"), "{text}");
    assert!(!text.contains("Seminarium"), "{text}");
    let subject = subject_of(&session);
    assert!(subject.starts_with("Workshop 3: "), "{subject}");
}

#[test]
fn a_series_of_workshops_counts_workshops_not_seminars() {
    let mut first = seminar_3();
    first.agenda.event = samla::agenda::Event::Workshop;
    let second = first.clone();
    let sessions = [&first, &second];
    let text = series_of("Utvecklingsarbetet", &sessions);
    assert!(text.contains("*Workshoppar: 2*"), "{text}");
    assert!(text.contains("## Deltagare per workshop"), "{text}");
    assert!(text.contains("## Uppdrag mellan workshopparna"), "{text}");
    for seminar_word in ["Seminarier", "per seminarium", "seminarierna", "Seminarium"] {
        assert!(!text.contains(seminar_word), "{seminar_word}: {text}");
    }
}

/// "erfarenhetsutbyte": an event's own word, in Swedish's four forms.
fn exchange_of_experience() -> samla::agenda::EventName {
    samla::agenda::EventName {
        singular: "erfarenhetsutbyte".to_owned(),
        plural: "erfarenhetsutbyten".to_owned(),
        definite: Some("erfarenhetsutbytet".to_owned()),
        definite_plural: Some("erfarenhetsutbytena".to_owned()),
    }
}

#[test]
fn the_events_own_word_names_it_in_the_subtitle_opening_subject_and_series() {
    let mut first = seminar_3();
    first.agenda.event_name = Some(exchange_of_experience());
    let text = summary_of(&first, false);
    assert!(text.contains(" · Erfarenhetsutbyte 3*"), "{text}");
    assert!(
        text.contains("Här är en sammanfattning av erfarenhetsutbytet *"),
        "{text}"
    );
    assert!(!text.contains("Seminarium"), "{text}");
    let subject = subject_of(&first);
    assert!(subject.starts_with("Erfarenhetsutbyte 3: "), "{subject}");
    let second = first.clone();
    let sessions = [&first, &second];
    let series = series_of("Erfarenhetsutbyten om närvaro", &sessions);
    assert!(series.contains("*Erfarenhetsutbyten: 2*"), "{series}");
    assert!(
        series.contains("## Deltagare per erfarenhetsutbyte"),
        "{series}"
    );
    assert!(series.contains("| Erfarenhetsutbyte | Datum |"), "{series}");
    assert!(
        series.contains("## Uppdrag mellan erfarenhetsutbytena"),
        "{series}"
    );
    // In English, the word written in Swedish gives way to the kind's.
    let words = samla::i18n::event_words(&first.agenda, samla::agenda::Language::En);
    assert_eq!(words.label, "Seminar");
}

/// The subject of `session`'s e-mail draft, read back with a MIME parser.
fn subject_of(session: &Session) -> String {
    let bytes = samla::export::eml(&summary(session), &[]).expect("an e-mail");
    let message = mail_parser::MessageParser::default()
        .parse(&bytes)
        .expect("parses");
    message.subject().expect("a subject").to_owned()
}

/// The series summary of `sessions` named `name`, with the first's groups.
fn series_of(name: &str, sessions: &[&Session]) -> String {
    samla::export::series_markdown(&samla::export::SeriesSummary {
        name,
        groups: &sessions[0].groups,
        sessions,
        as_of: saved_at(),
        offset: FixedOffset::east_opt(3600).expect("an offset"),
        names: false,
    })
}

/// Seminarium 3's closing survey: its segment.
fn survey_of(session: &Session) -> usize {
    common::fixture::segment_of(session, samla::agenda::SegmentKind::Poll).0
}

/// Enters `lines` as typed forms into the survey `poll`.
fn forms(session: &mut Session, poll: usize, lines: &[&str]) {
    let segment = &session.agenda.segments[poll];
    let (statements, scale) = (
        segment.statements.clone(),
        segment.scale_or_default(session.agenda.language),
    );
    for line in lines {
        let respondent = samla::session::parse_line(line, &statements, &scale, session.sectors())
            .expect("valid");
        let add = samla::session::PollAction::AddRespondent {
            segment: samla::session::SegmentIx(poll),
            respondent,
        };
        session.apply(samla::session::SessionAction::Poll(add), saved_at());
    }
}

#[test]
fn a_four_step_scale_names_every_step_and_splits_where_its_themes_say() {
    use samla::agenda::{Scale, ThemeSplit};
    let mut session = seminar_3();
    let poll = survey_of(&session);
    let four = Scale {
        min: 1,
        max: 4,
        min_label: None,
        max_label: None,
        labels: [
            "Inte alls",
            "I liten grad",
            "I ganska hög grad",
            "I hög grad",
        ]
        .map(str::to_owned)
        .to_vec(),
        dont_know: false,
    };
    let segment = &mut session.agenda.segments[poll];
    segment.scale = Some(four.clone());
    segment.splits = vec![
        ThemeSplit {
            theme: "Ökad samsyn".into(),
            higher_from: None,
        },
        ThemeSplit {
            theme: "Ökad förmåga att utveckla samverkansarbete".into(),
            higher_from: Some(4.0),
        },
    ];
    forms(
        &mut session,
        poll,
        &["sk 4 4 3 3 2 2", "so 1 2 4 4 1 1", "sk 3 2 1 1 4 4"],
    );
    let text = summary_of(&session, false);
    assert!(
        text.contains(
            "Skala: 1 = Inte alls, 2 = I liten grad, 3 = I ganska hög grad, 4 = I hög grad."
        ),
        "{text}"
    );
    // Halfway up a 1–4 scale: 3 and over is higher; 2,5 (sk 3 2) is lower.
    // The labels name the scale's steps: "(1–2)", and one step alone "(4)".
    let knowledge = &text[text.find("### Ökad kunskap").expect("the theme")..];
    assert!(knowledge.contains("I lägre grad (1–2)"), "{knowledge}");
    let ability = &text[text.find("### Ökad förmåga").expect("the theme")..];
    assert!(ability.contains("I lägre grad (1–3), antal"), "{ability}");
    assert!(ability.contains("I högre grad (4), antal"), "{ability}");
    assert!(!text.contains("4–4") && !text.contains("3,5)"), "{text}");
    let tables = tables(&text);
    let knowledge = tables
        .iter()
        .find(|table| {
            table
                .iter()
                .any(|row| row[0].starts_with("I högre grad (3–4)"))
        })
        .expect("the theme's table on the 1–4 scale");
    let higher = knowledge
        .iter()
        .find(|row| row[0] == "I högre grad (3–4), antal")
        .expect("the higher count");
    assert_eq!(
        higher.last().map(String::as_str),
        Some("1"),
        "{knowledge:?}"
    );
    assert!(
        !text.contains("### Ökad samsyn"),
        "a theme without a split has no table: {text}"
    );
    assert!(!text.contains("3,5–5"), "{text}");
}

#[test]
fn a_lone_respondents_answers_are_hidden_from_participants_and_counted_in_the_report() {
    let mut session = seminar_3();
    let poll = survey_of(&session);
    forms(
        &mut session,
        poll,
        &[
            "sk455445", "sk344334", "sk233443", "so555445", "so344344", "so444344", "hs111111",
        ],
    );
    let row = |text: &str, label: &str| -> Vec<String> {
        let knowledge = &text[text.find("### Ökad kunskap").expect("the theme")..];
        tables(knowledge)[0]
            .iter()
            .find(|row| row[0] == label)
            .unwrap_or_else(|| panic!("{label} in {knowledge}"))
            .clone()
    };
    let summary = summary_of(&session, false);
    let lower = row(&summary, "I lägre grad (1–3), antal");
    assert_eq!(lower[1..], ["–", "0", "< 3", "2"], "{summary}");
    assert!(
        summary.contains("Färre än 3 svarande visas som \\< 3."),
        "{summary}"
    );
    let report = report_of(&session);
    let lower = row(&report, "I lägre grad (1–3), antal");
    assert_eq!(lower[1..], ["1", "0", "1", "2"], "{report}");
    assert!(!report.contains("Färre än 3"), "{report}");
    // An agenda may show every count to participants too.
    session.agenda.min_cell = 1;
    let lower = row(&summary_of(&session, false), "I lägre grad (1–3), antal");
    assert_eq!(lower[1..], ["1", "0", "1", "2"]);
}

#[test]
fn lines_still_to_fix_are_listed_in_the_report_only() {
    let mut session = seminar_3();
    let poll = survey_of(&session);
    forms(&mut session, poll, &["sk455445"]);
    let aside = samla::session::PollAction::SetAside {
        segment: samla::session::SegmentIx(poll),
        line: "sk4554".to_owned(),
    };
    session.apply(samla::session::SessionAction::Poll(aside), saved_at());
    let report = report_of(&session);
    assert!(
        report.contains("*Rader som väntar på att rättas (inte räknade):*\n\n- sk4554\n"),
        "{report}"
    );
    assert!(!summary_of(&session, false).contains("sk4554"));
}

#[test]
fn an_action_plan_with_owners_and_dates_is_a_table_of_its_fields() {
    use samla::session::{CardAction, SessionAction};
    let mut session = seminar_3();
    let at = saved_at();
    session.apply(
        SessionAction::Card(CardAction::Add {
            segment: samla::session::SegmentIx(3),
            group: Lane::Group(0),
            text: "Närvaroteam på varje skola\n@Rektorerna !2027-03-31 ?2027-06-15".into(),
        }),
        at,
    );
    let id = samla::session::CardId(session.next_card_id.0 - 1);
    session.apply(SessionAction::Card(CardAction::TogglePriority { id }), at);
    let text = summary_of(&session, false);
    let group_1 = &text[text.find("## Handlingsplan").expect("the plan")..];
    let group_1 = &group_1[..group_1.find("### Grupp 2").expect("group 2")];
    let plan = tables(group_1);
    assert_eq!(
        plan[0],
        [
            vec!["Åtgärd", "Ansvarig", "Klart senast", "Följs upp"],
            vec!["Kartlägg frånvaron varje månad", "", "", ""],
            vec![
                "Närvaroteam på varje skola",
                "Rektorerna",
                "2027-03-31",
                "2027-06-15"
            ],
        ]
    );
    // Priorities were not asked for here: the card is no priority.
    assert!(!group_1.contains('★'), "{group_1}");
    let csv = samla::export::csv(&summary(&session), samla::export::CsvDialect::En);
    let csv = String::from_utf8(csv.expect("csv")).expect("utf-8");
    assert!(
        csv.contains(",0,0,Rektorerna,,2027-03-31,2027-06-15,,,0\r\n"),
        "{csv}"
    );
}

#[test]
fn three_measurements_of_the_same_question_show_as_a_trend_with_their_dates() {
    let sessions = common::survey::trust_measured_three_times();
    let borrowed: Vec<&Session> = sessions.iter().collect();
    let text = series_of("Sandviken", &borrowed);
    let trends = &text[text.find("## Frågorna över tid").expect("the trends")..];
    let trust = &trends[trends
        .find("### Vi har tillit till varandras kompetens")
        .expect("the trust question")..];
    let rows = &tables(trust)[0];
    assert_eq!(
        rows[0][..5],
        ["Mätning", "Datum", "n", "Medel", "i högre grad"]
    );
    let means: Vec<(&str, &str, &str)> = rows[1..]
        .iter()
        .map(|row| (row[0].as_str(), row[1].as_str(), row[3].as_str()))
        .collect();
    assert_eq!(
        means,
        [
            ("Mätning 1", "2023-09-14", "3,2"),
            ("Mätning 2", "2024-09-12", "3,8"),
            ("Mätning 3", "2025-06-05", "4,1"),
        ]
    );
    // Halfway up 1–5, from 4: 2, 8 and 10 of the ten.
    let shares: Vec<&str> = rows[1..].iter().map(|row| row[4].as_str()).collect();
    assert_eq!(shares, ["20,0 %", "80,0 %", "100,0 %"]);
    assert!(
        rows[1][5].starts_with("██████"),
        "a bar of the mean: {rows:?}"
    );
    assert!(
        text.contains("## Enkäterna över tid"),
        "three surveys are no before and after"
    );
    assert!(!text.contains("före och efter"), "{text}");
}

#[test]
fn a_small_answer_of_a_breakdown_question_is_hidden_from_participants_too() {
    use crate::common::survey::{FORMS, answered_with};
    // Without the ten from school in the steering group: two are left in
    // it, too few to show, and the three who gave no group are hidden with
    // them, so that the two cannot be worked out from the total.
    let lines: Vec<&str> = FORMS[1..]
        .iter()
        .flat_map(|(count, line)| std::iter::repeat_n(*line, *count))
        .collect();
    let session = answered_with(&lines);
    let row = |text: &str| -> Vec<String> {
        let heading = "### Samsyn efter svaren på ”Vilken grupp ingår du i?”";
        let table = &text[text.find(heading).expect("the breakdown")..];
        tables(table)[0]
            .iter()
            .find(|row| row[0] == "Totalt, antal")
            .expect("the counts")
            .clone()
    };
    let summary = summary_of(&session, false);
    assert_eq!(row(&summary)[1..], ["< 3", "15", "–", "20"], "{summary}");
    assert!(summary.contains("Ett – döljer ytterligare en grupp"));
    let report = report_of(&session);
    assert_eq!(row(&report)[1..], ["2", "15", "3", "20"], "{report}");
}

#[test]
fn x_on_the_run_screen_and_samla_export_write_the_same_summary() {
    use crate::common::in_process::InProcessApp;
    let home = tempfile::tempdir().expect("temp dir");
    let mut app = InProcessApp::spawn(&["run", "seminarium-1"], home.path(), 160, 40);
    app.wait_for_text("Förmätning");
    app.send(b"n");
    app.wait_for_text("Processledaren presenterar seminarieserien");
    for (group, text) in [("1", "Ring 070-1234567"), ("2", "Tidiga signaler")] {
        app.send(group.as_bytes());
        app.send(b"a");
        app.wait_for_text("Nytt kort");
        app.send(text.as_bytes());
        app.send(b"\x1b");
        app.wait_for_text(text);
    }
    app.send(b"x");
    app.wait_for_text("Sammanfattning i");
    assert!(app.quit().success());
    let exports = home.path().join("exports");
    let from_screen: Vec<_> = std::fs::read_dir(&exports)
        .expect("an exports folder")
        .map(|entry| entry.expect("an entry").path())
        .collect();
    let from_screen = std::fs::read(&from_screen[0]).expect("the summary of x");
    let written = home.path().join("export.md");
    let run = common::samla_in(
        home.path(),
        home.path(),
        &["export", "-o", written.to_str().expect("a path")],
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stderr.contains("Grupp 1"),
        "the phone number is flagged: {}",
        run.stderr
    );
    let from_command = std::fs::read(&written).expect("the summary of samla export");
    assert_eq!(
        String::from_utf8_lossy(&from_screen),
        String::from_utf8_lossy(&from_command),
        "one way to compose a document"
    );
}

#[test]
fn the_opening_names_the_event_counts_in_words_and_lists_named_groups() {
    let mut session = seminar_3();
    let summary = summary_of(&session, false);
    assert!(
        summary.contains("- **Grupper:** 6\n"),
        "numbered groups are counted: {summary}"
    );
    session.groups = ["Norrtälje", "Vallentuna", "Täby"]
        .map(str::to_owned)
        .to_vec();
    let named = summary_of(&session, false);
    assert!(
        named.contains("med det som de tre grupperna kom fram till."),
        "{named}"
    );
    assert!(
        named.contains("- **Grupper:** Norrtälje, Vallentuna, Täby\n"),
        "{named}"
    );
    session.groups = (1..=13).map(|n| format!("Grupp {n}")).collect();
    assert!(summary_of(&session, false).contains("med det som de 13 grupperna kom fram till."));
    session.groups = vec!["Grupp 1".to_owned()];
    assert!(
        summary_of(&session, false).contains("den 12 mars 2026, med det som ni kom fram till.")
    );
    session.agenda.language = samla::agenda::Language::En;
    session.agenda.event = samla::agenda::Event::Workshop;
    session.groups = (1..=4).map(|n| format!("Group {n}")).collect();
    let english = summary_of(&session, false);
    assert!(
        english.contains(
            "Here is a summary of the workshop *Samverkan och samordnat stöd vid närvaroproblem i förskola och skola* on 12 March 2026, with what the four groups arrived at."
        ),
        "{english}"
    );
}

#[test]
fn the_summary_holds_what_participants_need_and_the_report_the_rest() {
    let mut session = seminar_3();
    let closing_script = "Utkasten till handlingsplaner ligger till grund för samtalspasset.";
    let welcome_script = "Processledaren presenterar dagens upplägg";
    let summary = summary_of(&session, false);
    let report = report_of(&session);
    // The facilitator's script of a plenary without questions, and of the
    // welcome, are the report's.
    for script in [closing_script, welcome_script] {
        assert!(!summary.contains(script), "{script} in the summary");
        assert!(report.contains(script), "{script} not in the report");
    }
    // An exercise's instruction is the room's task: in both.
    assert!(summary.contains("Upprätta i gruppen en vision"));
    // After the day the preparation is history, unless the agenda asks.
    assert!(!summary.contains("## Förberedelser"));
    session.agenda.preparation_in_summary = true;
    assert!(summary_of(&session, false).contains("## Förberedelser"));
    session.agenda.preparation_in_summary = false;
    session.timings = vec![Default::default(); session.agenda.segments.len()];
    assert!(
        summary_of(&session, false).contains("## Förberedelser"),
        "a summary made before the day has it"
    );
}

#[test]
fn cards_written_alone_stand_apart_from_the_questions_and_a_lecture_names_its_speaker() {
    let agenda = samla::agenda::load_bundled("nulagesanalys")
        .expect("bundled")
        .expect("valid");
    let mut session = Session::new(agenda, vec!["Täby".to_owned()], saved_at());
    let alone = session
        .agenda
        .segments
        .iter()
        .position(|segment| segment.kind == samla::agenda::SegmentKind::Individual)
        .expect("individual reflection");
    for text in ["Trygga vuxna", "Snabb kontakt med hemmet"] {
        session.apply(
            samla::session::SessionAction::Card(samla::session::CardAction::Add {
                segment: samla::session::SegmentIx(alone),
                group: Lane::Plenary,
                text: text.to_owned(),
            }),
            saved_at(),
        );
    }
    let text = summary_of(&session, false);
    let section = &text[text.find("## Vad fungerar i dag?").expect("the section")..];
    let section = &section[..section[3..]
        .find("\n## ")
        .map_or(section.len(), |end| end + 3)];
    // The question and the cards are two lists, with a heading between them.
    let lists = Parser::new(section)
        .filter(|event| matches!(event, Event::Start(Tag::List(_))))
        .count();
    assert_eq!(lists, 2, "{section}");
    assert!(
        section
            .find("### Det som skrevs")
            .expect("the cards' heading")
            < section.find("Trygga vuxna").expect("a card"),
        "{section}"
    );

    let agenda = samla::agenda::load_bundled("erfarenhetsutbyte")
        .expect("bundled")
        .expect("valid");
    let session = Session::new(agenda, vec!["Grupp 1".to_owned()], saved_at());
    let text = summary_of(&session, false);
    let lecture = &text[text
        .find("## Skolnärvaro – från 2022 och framåt")
        .expect("the lecture, without cards")..];
    assert!(
        lecture.contains("Föreläsare: Malin Gren Landell"),
        "{lecture}"
    );
}

#[test]
fn a_survey_alone_opens_as_a_survey_names_no_groups_and_may_leave_out_the_sectors() {
    let session = survey_answered(
        r#"Agenda(title: "Tillit och samsyn 2024", segments: [
            (kind: Poll, title: "Enkäten", minutes: 10, by_sector: false,
             statements: [(text: "Vi litar på varandra", theme: "Tillit")]),
        ])"#,
        &["sk 4", "so 2", "- 5"],
    );
    let text = summary_of(&session, false);
    assert!(
        text.contains(
            "Här är en sammanfattning av enkäten *Tillit och samsyn 2024* den 12 mars 2026, med svaren från tre svarande."
        ),
        "{text}"
    );
    assert!(!text.contains("**Grupper:**"), "{text}");
    let tables = tables(&text);
    let theme = tables.last().expect("the theme's table");
    assert_eq!(theme[0], ["", "Totalt"], "no sector columns: {text}");
}

/// A session of `agenda`, a survey alone, with the typed `lines` entered
/// into it and two groups that wrote nothing.
fn survey_answered(agenda: &str, lines: &[&str]) -> Session {
    let agenda = samla::agenda::parse_agenda("enkat.ron", agenda.as_bytes()).expect("valid");
    let groups = vec!["Grupp 1".to_owned(), "Grupp 2".to_owned()];
    let mut session = Session::new(agenda, groups, saved_at());
    forms(&mut session, 0, lines);
    session
}

/// A survey whose last two statements share a stem, with three forms.
fn survey_with_a_stem() -> Session {
    survey_answered(
        r#"Agenda(title: "Förväntningar", segments: [
            (kind: Poll, title: "Enkäten", minutes: 10, by_sector: false,
             statements: [
                (text: "Jag vet vad seminarierna ska ge"),
                (text: "4a. främja skolnärvaro", stem: "4. Jag har förväntningar på att seminarieserien kan öka:"),
                (text: "4b. förebygga frånvaro", stem: "4. Jag har förväntningar på att seminarieserien kan öka:"),
             ]),
        ])"#,
        &["- 4 5 3", "- 3 4 4", "- 5 5 2"],
    )
}

#[test]
fn a_stem_stands_once_above_the_table_of_its_statements() {
    let session = survey_with_a_stem();
    let text = summary_of(&session, false);
    let stem = "4. Jag har förväntningar på att seminarieserien kan öka:";
    assert_eq!(next_after(&text, stem), "[table]");
    let tables = tables(&text);
    let firsts = |table: &Vec<Vec<String>>| -> Vec<String> {
        table.iter().skip(1).map(|row| row[0].clone()).collect()
    };
    assert_eq!(firsts(&tables[0]), ["Jag vet vad seminarierna ska ge"]);
    assert_eq!(
        firsts(&tables[1]),
        ["4a. främja skolnärvaro", "4b. förebygga frånvaro"]
    );
    // In a series, the stem stands above its statements' trends.
    let again = session.clone();
    let sessions = [&session, &again];
    let series = series_of("Förväntningar", &sessions);
    assert_eq!(next_after(&series, stem), "### 4a. främja skolnärvaro");
    // A measurement after the series asks the same statements under another
    // stem: both stand above them.
    let mut after = session.clone();
    for statement in &mut after.agenda.segments[0].statements[1..] {
        statement.stem = Some("Jag upplever att seminarieserien har ökat:".to_owned());
    }
    let sessions = [&session, &after];
    let series = series_of("Förväntningar", &sessions);
    let both = format!("{stem} / Jag upplever att seminarieserien har ökat:");
    assert!(outline(&series).contains(&both), "{series}");
}

#[test]
fn what_was_written_beside_annat_is_listed_under_its_count() {
    let session = survey_answered(
        r#"Agenda(title: "Utvärdering", segments: [
            (kind: Poll, title: "Enkäten", minutes: 10, by_sector: false,
             statements: [
                (text: "Var arbetar du?", kind: OneOf(["Skola", "Socialtjänst", "Annat, ange vad"]), other: true),
             ]),
        ])"#,
        &["- c | Fritidsgården", "- a", "- c | Öppna förskolan", "- c"],
    );
    let text = summary_of(&session, false);
    let tables = tables(&text);
    assert_eq!(tables[0][3], ["Annat, ange vad", "3", "75,0 %"], "{text}");
    assert!(!text.contains("Skala:"), "no statement is rated: {text}");
    let shown = outline(&text);
    let at = shown
        .iter()
        .position(|block| block == "Annat, ange vad:")
        .expect("the option's texts");
    assert_eq!(shown[at - 1], "[table]", "{text}");
    assert_eq!(
        shown[at + 1..at + 3],
        ["- Fritidsgården", "- Öppna förskolan"],
        "{text}"
    );
}

#[test]
fn the_rooms_ranking_stands_in_its_segment_most_dots_first() {
    let mut session = seminar_3();
    let vision = session
        .agenda
        .segments
        .iter()
        .position(|segment| segment.kind == samla::agenda::SegmentKind::Vision)
        .expect("a vision");
    session.agenda.segments[vision].dots = Some(3);
    let cards: Vec<(samla::session::CardId, Lane)> = session
        .cards
        .iter()
        .filter(|card| card.segment.0 == vision)
        .map(|card| (card.id, card.group))
        .take(3)
        .collect();
    for ((id, _), dots) in cards.iter().zip([2, 4, 2]) {
        for _ in 0..dots {
            session.apply(
                samla::session::SessionAction::Card(samla::session::CardAction::AddDot { id: *id }),
                saved_at(),
            );
        }
    }
    let text = summary_of(&session, false);
    assert_eq!(next_after(&text, "### Rummets prioritering"), "[table]");
    let ranking = tables(&text)
        .into_iter()
        .find(|table| table[0] == ["Plats", "Kort", "Grupp", "Prickar"])
        .expect("the ranking's table");
    let text_of = |id: samla::session::CardId| session.card(id).expect("a card").text.clone();
    let group_of = |lane: Lane| session.groups[lane.group().expect("a group")].clone();
    let row = |place: &str, (id, lane): (samla::session::CardId, Lane), dots: &str| {
        vec![
            place.to_owned(),
            text_of(id),
            group_of(lane),
            dots.to_owned(),
        ]
    };
    assert_eq!(
        ranking[1..],
        [
            row("1", cards[1], "4"),
            row("2", cards[0], "2"),
            row("2", cards[2], "2"),
        ]
    );
}

#[test]
fn a_series_keeps_each_agendas_number_and_date_and_is_ordered_by_them() {
    // Sandviken's measurements of 2022, 2023 and 2024, entered afterwards in
    // another order: each keeps its own date and number.
    let measured = |year: i32, number: u32| {
        let mut session = seminar_3();
        session.agenda.date = chrono::NaiveDate::from_ymd_opt(year, 3, 1);
        session.agenda.number = Some(number);
        session.agenda.title = format!("Mätning {year}");
        session
    };
    let (late, early, middle) = (measured(2024, 3), measured(2022, 1), measured(2023, 2));
    let offset = FixedOffset::east_opt(3600).expect("an offset");
    let mut sessions = [&late, &early, &middle];
    sessions.sort_by_key(|session| samla::export::held(session, offset));
    let text = samla::export::series_markdown(&samla::export::SeriesSummary {
        name: "Tillit över tid",
        groups: &late.groups,
        sessions: &sessions,
        as_of: saved_at(),
        offset,
        names: false,
    });
    let rows: Vec<&str> = text
        .lines()
        .filter(|line| {
            line.starts_with("| 1. ") || line.starts_with("| 2. ") || line.starts_with("| 3. ")
        })
        .take(3)
        .collect();
    assert_eq!(rows.len(), 3, "{text}");
    assert!(
        rows[0].starts_with("| 1. Mätning 2022 | 2022-03-01 |"),
        "{rows:?}"
    );
    assert!(
        rows[1].starts_with("| 2. Mätning 2023 | 2023-03-01 |"),
        "{rows:?}"
    );
    assert!(
        rows[2].starts_with("| 3. Mätning 2024 | 2024-03-01 |"),
        "{rows:?}"
    );
}
