//! Personal data stays out of what is sent: the real binary warns on stderr,
//! naming the cards, and `--redact` takes the finds out; the run screen marks
//! such a card on the board (never on the projector) and `x` says so.

use crate::common;

use common::board::{add_card, draw, select_group, state_at};
use common::fixture::{saved_at, seminar_3, summary};
use samla::agenda::SegmentKind;
use samla::session::{CardAction, Lane, Session, SessionAction};

/// A valid personnummer, a wrong check digit, an address and a phone number.
const FLAGGED: &str = "Eleven 811218-9876 ringer mamma 070-123 45 67";
const MAILED: &str = "Skicka till anna.berg@skola.se";
const CLEAN: &str = "Fel kontrollsiffra: 811218-9875";

fn with_personal_data() -> Session {
    let mut session = seminar_3();
    for (group, text) in [(0, FLAGGED), (1, MAILED), (2, CLEAN)] {
        session.apply(
            SessionAction::Card(CardAction::Add {
                segment: samla::session::SegmentIx(1),
                group: Lane::Group(group),
                text: text.to_owned(),
            }),
            saved_at(),
        );
    }
    session
}

fn export(home: &std::path::Path, extra: &[&str]) -> (String, String) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_samla"))
        .args(["export", "-o", "-"])
        .args(extra)
        .env("SAMLA_HOME", home)
        .env("LANG", "sv_SE.UTF-8")
        .output()
        .expect("samla runs");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn an_export_warns_naming_the_cards_and_redact_takes_the_finds_out() {
    let home = common::fixture::saved_home(with_personal_data());
    let (text, warned) = export(home.path(), &[]);
    assert!(
        text.contains("811218-9876"),
        "sent as it is without --redact"
    );
    assert!(
        warned.contains("varning: 2 texter kan innehålla personuppgifter"),
        "{warned}"
    );
    assert!(
        warned.contains("Grupp 1, Vision: samverkan om tio år: ”Eleven 811218-9876 ringer mamma 070-123 …”: personnummer, telefonnummer"),
        "{warned}"
    );
    assert!(
        warned.contains("Grupp 2, Vision: samverkan om tio år"),
        "{warned}"
    );
    assert!(warned.contains(": e-postadress"), "{warned}");
    assert!(
        !warned.contains("Grupp 3, Vision"),
        "a wrong check digit is no find: {warned}"
    );

    let (redacted, said) = export(home.path(), &["--redact", "--format", "eml"]);
    assert!(
        said.contains("personuppgifter borttagna ur 2 texter"),
        "{said}"
    );
    let message = mail_parser::MessageParser::default()
        .parse(redacted.as_bytes())
        .expect("an e-mail");
    let body = message.body_text(0).expect("a text part");
    for gone in ["811218-9876", "070-123 45 67", "anna.berg@skola.se"] {
        assert!(
            !redacted.contains(gone) && !body.contains(gone),
            "{gone} still there"
        );
    }
    assert!(
        body.contains("Eleven [borttaget] ringer mamma [borttaget]"),
        "{body}"
    );
    assert!(body.contains(CLEAN), "{body}");
}

#[test]
fn the_run_screen_marks_the_card_and_x_says_how_many() {
    let mut state = state_at("seminarium-3", 4, SegmentKind::Vision);
    select_group(&mut state, 1);
    add_card(&mut state, FLAGGED);
    select_group(&mut state, 2);
    add_card(&mut state, CLEAN);
    let screen = draw(&state, 120, 40).backend().to_string();
    let marked: Vec<&str> = screen.lines().filter(|line| line.contains('⚠')).collect();
    assert_eq!(marked.len(), 1, "one card marked: {screen}");
    assert!(marked[0].contains("Eleven"), "{screen}");
    let mut room = Terminal::new(TestBackend::new(120, 40)).expect("a terminal");
    let file = samla::app::snapshot(&state, "seminarium-3", common::board::one_pm());
    room.draw(|frame| {
        // As `samla present` draws it.
        let cache = samla::ui::DrawCache::default();
        let view = samla::ui::PresentView {
            board: true,
            ..samla::app::present_view(
                &file,
                state.theme(),
                common::board::one_pm(),
                common::board::stockholm(),
                &cache,
            )
        };
        samla::ui::render_present(frame, &view)
    })
    .expect("drawn");
    let room = room.backend().to_string();
    assert!(room.contains("Eleven") && !room.contains('⚠'), "{room}");

    let summary = summary(state.session());
    let flagged = samla::export::personal::flags(&summary).len();
    let _ = state.update(
        samla::app::Action::Exported(Ok(samla::app::Exported {
            path: "/data/exports/s.md".into(),
            copied: None,
            flagged,
        })),
        saved_at(),
    );
    let notice = common::board::notice(&state).expect("a notice");
    assert!(
        notice.starts_with("⚠ 1 kort kan innehålla personuppgifter (⚠ på tavlan)"),
        "{notice}"
    );
}

use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[test]
fn survey_free_text_and_group_names_are_warned_of_and_redacted_too() {
    use samla::agenda::QuestionKind;
    use samla::session::{Answer, PollAction, Respondent};
    let mut session = seminar_3();
    let poll = session
        .agenda
        .segments
        .iter()
        .position(|segment| segment.kind == SegmentKind::Poll)
        .expect("seminarium-3 closes with a survey");
    let mut free = session.agenda.segments[poll].statements[0].clone();
    free.text = "Något mer?".to_owned();
    free.kind = QuestionKind::Text;
    free.theme = None;
    session.agenda.segments[poll].statements.push(free.clone());
    // "Annat, ange vad" carries a text of its own, which goes out too.
    let mut where_from = free;
    where_from.text = "Var arbetar du?".to_owned();
    where_from.kind = QuestionKind::OneOf(vec!["Skola".to_owned(), "Annat".to_owned()]);
    where_from.other = true;
    session.agenda.segments[poll].statements.push(where_from);
    let statements = session.agenda.segments[poll].statements.len();
    let mut answers = vec![Answer::Missing; statements];
    answers[statements - 2] = Answer::Text(
        "Ring mig: 070-123 45 67, anna.svensson@skolan.se, pnr 811218-9876".to_owned(),
    );
    answers[statements - 1] = Answer::Choice(1);
    let other = [(statements - 1, "Fritids, lisa.berg@kommun.se".to_owned())].into();
    session.apply(
        SessionAction::Poll(PollAction::AddRespondent {
            segment: samla::session::SegmentIx(poll),
            respondent: Respondent {
                sector: None,
                answers,
                other,
                from_room: None,
            },
        }),
        saved_at(),
    );
    session.groups[0] = "Annas grupp (070) 765 43 21".to_owned();
    let home = common::fixture::saved_home(session);
    let (_, warned) = export(home.path(), &["--report"]);
    assert!(
        warned.contains("formulär 1: personnummer, e-postadress, telefonnummer"),
        "{warned}"
    );
    assert!(
        warned.contains("Grupp: ”Annas grupp (070) 765 43 21”: telefonnummer"),
        "{warned}"
    );
    let (text, _) = export(home.path(), &["--report", "--redact"]);
    for personal in [
        "070-123 45 67",
        "anna.svensson@skolan.se",
        "811218-9876",
        "765 43 21",
        "lisa.berg@kommun.se",
    ] {
        assert!(!text.contains(personal), "{personal} went out: {text}");
    }
    assert!(text.contains("Annas grupp \\[borttaget\\]"), "{text}");
}
