//! The survey and the wall on the room's page, over loopback: one answer per
//! device that it may change until the poll closes, results as bars only when
//! shown, phones and paper in one tally, and the wall of every group's cards.

use samla::session::Answer;
use scraper::{Html, Selector};

use crate::common::pty::{status_line_drawn, wait_for_file};
use crate::common::room::OpenRoom;

fn count(page: &str, selector: &str) -> usize {
    Html::parse_document(page)
        .select(&Selector::parse(selector).expect("a selector"))
        .count()
}

/// A dialogue meeting whose survey asks for the meeting's own sectors.
const OWN_SECTORS: &str = r#"Agenda(
    title: "Dialogmöte om närvaro",
    sectors: [
        (id: "fritid", name: "Fritid", code: "fr"),
        (id: "vardnadshavare", name: "Vårdnadshavare", code: "vh"),
    ],
    segments: [
        (kind: Poll, title: "Enkät", minutes: 10, statements: [(text: "Vi vet vem som gör vad", theme: "Samsyn")]),
    ],
)"#;

#[test]
fn the_survey_offers_the_agendas_own_sectors_and_keeps_the_one_picked() {
    let room = OpenRoom::start_on_own("dialog", OWN_SECTORS, 2);
    let mut phone = room.joined_device();
    let (_, page) = phone.get("/poll");
    assert!(
        page.contains("Fritid") && page.contains("Vårdnadshavare"),
        "{page}"
    );
    assert!(
        !page.contains("socialtjänst"),
        "the built-in sectors give way: {page}"
    );
    assert_eq!(
        count(&page, "input[name=sector]"),
        3,
        "two sectors and \"not given\""
    );
    let (status, _) = phone.answer_poll("vh", &["4"]);
    assert_eq!(status, 303);
    assert_eq!(
        room.only_respondent().sector,
        Some(samla::agenda::Sector::new("vardnadshavare"))
    );
}

#[test]
fn a_stem_stands_once_above_the_statements_that_share_it() {
    let agenda = r#"Agenda(
        title: "Förväntningar",
        segments: [
            (kind: Poll, title: "Enkät", minutes: 10, by_sector: false, statements: [
                (text: "Jag vet vad seminarierna ska ge"),
                (text: "4a. främja skolnärvaro", stem: "4. Jag har förväntningar på att seminarieserien kan öka:"),
                (text: "4b. förebygga frånvaro", stem: "4. Jag har förväntningar på att seminarieserien kan öka:"),
            ]),
        ],
    )"#;
    let room = OpenRoom::start_on_own("forvantningar", agenda, 1);
    let mut phone = room.joined_device();
    let (_, page) = phone.get("/poll");
    let document = Html::parse_document(&page);
    let in_order: Vec<String> = document
        .select(&Selector::parse("p.stem, legend").expect("a selector"))
        .map(|element| element.text().collect::<String>())
        .collect();
    assert_eq!(
        in_order,
        [
            "Jag vet vad seminarierna ska ge",
            "4. Jag har förväntningar på att seminarieserien kan öka:",
            "4a. främja skolnärvaro",
            "4b. förebygga frånvaro",
        ],
        "{page}"
    );
}

#[test]
fn writing_beside_annat_chooses_it_and_the_text_is_kept_with_the_answer() {
    let agenda = r#"Agenda(
        title: "Utvärdering",
        segments: [
            (kind: Poll, title: "Enkät", minutes: 10, by_sector: false, statements: [
                (text: "Var arbetar du?", kind: OneOf(["Skola", "Socialtjänst", "Annat, ange vad"]), other: true),
                (text: "Vi litar på varandra"),
            ]),
        ],
    )"#;
    let room = OpenRoom::start_on_own("utvardering", agenda, 1);
    let mut phone = room.joined_device();
    let (_, page) = phone.get("/poll");
    assert_eq!(
        count(
            &page,
            "input.other[name=s0-other][placeholder='Annat, ange vad']"
        ),
        1,
        "{page}"
    );
    // No option ticked, a text written: "Annat" was meant.
    let (check, segment) = phone.form_of("/poll");
    let fields = [
        ("check", check.as_str()),
        ("segment", segment.as_str()),
        ("s0-other", "Fritidsgården"),
        ("s1", "4"),
    ];
    let (status, _) = phone.post("/poll", &fields);
    assert_eq!(status, 303);
    let respondent = room.only_respondent();
    assert_eq!(respondent.answers[0], Answer::Choice(2));
    assert_eq!(
        respondent.other.get(&0).map(String::as_str),
        Some("Fritidsgården")
    );
    // The page gives the text back, to change.
    let (_, page) = phone.get("/poll");
    assert_eq!(
        count(&page, "input.other[value=Fritidsgården]"),
        1,
        "{page}"
    );
}

#[test]
fn a_device_answers_once_changes_its_answer_and_is_refused_once_the_poll_closes() {
    let mut room = OpenRoom::start("seminarium-1", 2);
    let mut phone = room.joined_device();
    let (_, page) = phone.get("/poll");
    // The sector first, then six statements of 1–5 with "vet ej".
    assert_eq!(count(&page, "fieldset.question"), 7);
    assert_eq!(count(&page, "input[type=radio]"), 5 + 6 * 6);
    assert!(page.contains("Stämmer inte alls") && page.contains("Vet ej"));
    let (status, to) = phone.answer_poll("sk", &["4", "4", "5", "3", "x", "-"]);
    assert_eq!((status, to.as_str()), (303, "/poll"));
    // The statement left blank is named, so that a skip is a choice.
    let (_, page) = phone.get("/poll");
    let skipped = scraper::Html::parse_document(&page);
    let items: Vec<String> = skipped
        .select(&scraper::Selector::parse(".skipped li").expect("a selector"))
        .map(|item| item.text().collect())
        .collect();
    assert_eq!(items.len(), 1, "{page}");
    assert!(items[0].starts_with("4f."), "{items:?}");
    let (status, _) = phone.answer_poll("so", &["2", "2", "2", "2", "2", "2"]);
    assert_eq!(status, 303);
    let file = wait_for_file(room.home(), "the changed answer", |file| {
        file.session
            .polls
            .get(&samla::session::SegmentIx(0))
            .is_some_and(|poll| {
                poll.respondents.len() == 1 && poll.respondents[0].answers[0] == Answer::Value(2)
            })
    });
    let respondent = &file.session.polls[&samla::session::SegmentIx(0)].respondents[0];
    assert_eq!(respondent.sector, Some(samla::agenda::Sector::SOCIALTJANST));
    assert!(respondent.from_room.is_some());
    let (_, page) = phone.get("/poll");
    assert!(
        page.contains("Ändra svaren"),
        "its answers are shown to change"
    );
    assert_eq!(count(&page, "input[checked]"), 7);
    let (check, segment) = phone.form_of("/poll");
    room.app.send(b"c");
    room.app.wait_for_text("stängd för mobiler");
    let mut late = room.joined_device();
    let (_, page) = late.get("/poll");
    assert!(page.contains("Enkäten är stängd"));
    assert_eq!(count(&page, "form[action='/poll']"), 0);
    let fields = [
        ("check", check.as_str()),
        ("segment", segment.as_str()),
        ("sector", "sk"),
        ("s0", "5"),
    ];
    let (status, page) = phone.post("/poll", &fields);
    assert_eq!(status, 403);
    assert!(page.contains("Enkäten är stängd"), "{page}");
    let file = wait_for_file(room.home(), "the closed poll", |file| {
        file.session
            .polls
            .get(&samla::session::SegmentIx(0))
            .is_some_and(|poll| poll.closed)
    });
    assert_eq!(
        file.session.polls[&samla::session::SegmentIx(0)].respondents[0].answers[0],
        Answer::Value(2)
    );
    room.app.wait_for("the run screen", status_line_drawn);
    assert!(room.app.quit().success());
}

#[test]
fn phones_and_paper_count_together_and_the_room_sees_bars_only_when_shown() {
    let mut room = OpenRoom::start("seminarium-1", 2);
    let mut phones: Vec<_> = (0..3).map(|_| room.joined_device()).collect();
    for (phone, first) in phones.iter_mut().zip(["5", "4", "x"]) {
        assert_eq!(
            phone.answer_poll("sk", &[first, "3", "3", "3", "3", "3"]).0,
            303
        );
    }
    // Two paper forms typed on the run screen.
    room.app.send(b"i");
    room.app.wait_for_text("Enkätsvar, rad");
    room.app.send(b"so533333\r");
    room.app.send(b"hs133333\r");
    room.app.send(b"\x1b");
    let file = wait_for_file(room.home(), "five respondents", |file| {
        file.session
            .polls
            .get(&samla::session::SegmentIx(0))
            .is_some_and(|poll| poll.respondents.len() == 5)
    });
    let results = file.session.statement_results(samla::session::SegmentIx(0));
    assert_eq!(results[0].counts, [1, 0, 0, 1, 2]);
    assert_eq!(results[0].dont_know, 1);
    room.app.wait_for_text("(3 från mobiler, 2 på papper)");
    let (_, page) = phones[0].get("/poll");
    assert_eq!(count(&page, "meter"), 0, "no results before they are shown");
    room.app.send(b"o");
    room.app.wait_for_text("resultaten visas för rummet");
    let (_, page) = phones[1].get("/poll");
    assert_eq!(count(&page, ".result"), 6);
    assert_eq!(count(&page, "meter"), 6 * 6);
    assert!(page.contains("4 svar · medelvärde 3,8"), "{page}");
    assert!(room.app.quit().success());
}

#[test]
fn the_wall_shows_every_groups_cards_but_never_a_hidden_card_or_a_private_note() {
    let mut room = OpenRoom::start("seminarium-3", 2);
    room.go_to("Handlingsplan");
    let mut phone = room.joined_device();
    assert_eq!(phone.post_card(2, "Olämpligt", None).0, 303);
    assert_eq!(phone.post_card(2, "Närvaroteam", None).0, 303);
    room.app.send(b"1a");
    room.app.wait_for_text("Nytt kort");
    room.app.send(b"Skrivet av antecknaren");
    room.app.send(b"\x1b");
    // Esc and the next key at once read as Alt+key: wait for the editor to close.
    wait_for_file(room.home(), "the typed card", |file| {
        file.session.cards.len() == 3
    });
    room.app.send(b"f");
    room.app.wait_for_text("Privat anteckning");
    room.app.send(b"Hemlig anteckning");
    room.app.send(b"\x1b");
    wait_for_file(room.home(), "the note", |file| {
        !file.session.private_notes.is_empty()
    });
    room.app.send(b"2");
    room.app.send(b"d");
    wait_for_file(room.home(), "the hidden card and the note", |file| {
        file.session.cards.iter().any(|card| card.hidden) && !file.session.private_notes.is_empty()
    });
    let (_, page) = phone.get("/wall");
    assert!(page.contains("Väggen är inte öppen"), "{page}");
    room.app.send(b"W");
    room.app.wait_for_text("Väggen är öppen");
    let (_, page) = phone.get("/wall");
    let texts: Vec<String> = Html::parse_document(&page)
        .select(&Selector::parse(".lane .card .text").expect("a selector"))
        .map(|card| card.text().collect())
        .collect();
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert!(texts.contains(&"Skrivet av antecknaren".to_owned()));
    assert!(
        texts
            .iter()
            .any(|text| text == "Närvaroteam" || text == "Olämpligt")
    );
    let hidden = wait_for_file(room.home(), "the hidden card", |_| true)
        .session
        .cards
        .iter()
        .find(|card| card.hidden)
        .map(|card| card.text.clone())
        .expect("a hidden card");
    assert!(!page.contains(&hidden));
    assert!(!page.contains("Hemlig anteckning"));
    assert!(page.contains("Grupp 1") && page.contains("Grupp 2"));
    let (_, group_page) = phone.get("/g/1");
    assert!(
        group_page.contains("/wall"),
        "the group's page leads to the wall"
    );
    room.app.send(b"W");
    room.app.wait_for_text("Väggen är stängd");
    let (_, page) = phone.get("/wall");
    assert!(page.contains("Väggen är inte öppen"));
    assert!(room.app.quit().success());
}

#[test]
fn every_live_page_names_an_event_stream_that_answers() {
    let mut room = OpenRoom::start("seminarium-3", 2);
    room.app.send(b"W");
    room.app.wait_for_text("Väggen är öppen");
    let mut phone = room.joined_device();
    for path in ["/g/1", "/poll", "/wall"] {
        let (status, page) = phone.get(path);
        assert_eq!(status, 200, "{path}");
        let html = Html::parse_document(&page);
        let events = html
            .select(&Selector::parse("body").expect("a selector"))
            .next()
            .and_then(|body| body.value().attr("data-events"))
            .unwrap_or_else(|| panic!("{path} names no events"))
            .to_owned();
        let (status, kind) = phone.head(&events);
        assert_eq!(status, 200, "{path}: {events}");
        assert!(kind.starts_with("text/event-stream"), "{path}: {kind}");
    }
    assert!(room.app.quit().success());
}

#[test]
fn three_hundred_phones_answering_at_once_lose_no_answer() {
    let mut room = OpenRoom::start("seminarium-1", 2);
    let phones = crate::common::room::phones_answering(&room, 300);
    let taken = phones
        .into_iter()
        .map(|phone| phone.join().expect("a phone's thread"))
        .filter(|taken| *taken)
        .count();
    assert_eq!(taken, 300);
    let file = wait_for_file(room.home(), "300 answers on disk", |file| {
        file.session
            .polls
            .get(&samla::session::SegmentIx(0))
            .is_some_and(|poll| poll.respondents.len() == 300)
    });
    for result in file.session.statement_results(samla::session::SegmentIx(0)) {
        assert_eq!(result.counts, [60; 5], "the tally is exact");
    }
    room.app
        .wait_for_text("300 svar (300 från mobiler, 0 på papper)");
    assert!(room.app.quit().success());
}

#[test]
fn a_phone_answers_every_kind_of_question_into_the_same_tallies() {
    let room = OpenRoom::start_on_file("blandad", crate::common::survey::AGENDA);
    let mut phone = room.joined_device();
    let (_, page) = phone.get("/poll");
    // The sector, three ratings, yes/no, a group, channels, a wish.
    assert_eq!(count(&page, "fieldset.question"), 8);
    assert_eq!(
        count(&page, "input[name=s0][type=radio]"),
        4,
        "1–4, no \"vet ej\""
    );
    assert!(page.contains("I ganska hög grad"), "every step named");
    assert_eq!(
        count(&page, "input[name=s3][type=radio]"),
        3,
        "ja, nej, vet ej"
    );
    assert!(page.contains(">Ja<") && page.contains(">Nej<"));
    assert_eq!(count(&page, "input[name=s4][type=radio]"), 2);
    assert_eq!(
        count(&page, "input[name=s5][type=checkbox]"),
        4,
        "three options and \"Inget av dessa\""
    );
    assert!(page.contains(">Inget av dessa<"), "{page}");
    assert_eq!(count(&page, "input[name=s6][type=text]"), 1);
    let legends: Vec<String> = Html::parse_document(&page)
        .select(&Selector::parse("fieldset.question legend").expect("a selector"))
        .map(|legend| legend.text().collect())
        .collect();
    assert_eq!(
        legends[1], "Vilken grupp ingår du i?",
        "what the results are broken down by comes first, after the sector"
    );
    let (check, segment) = phone.form_of("/poll");
    let fields = [
        ("check", check.as_str()),
        ("segment", segment.as_str()),
        ("sector", "hs"),
        ("s0", "3"),
        ("s1", "4"),
        ("s2", "2"),
        ("s3", "x"),
        ("s4", "1"),
        ("s5", "0"),
        ("s5", "2"),
        ("s6", "Ett gemensamt forum"),
    ];
    let (status, _) = phone.post("/poll", &fields);
    assert_eq!(status, 303);
    assert_eq!(
        room.only_respondent().answers,
        [
            Answer::Value(3),
            Answer::Value(4),
            Answer::Value(2),
            Answer::DontKnow,
            Answer::Choice(1),
            Answer::Choices(vec![0, 2]),
            Answer::Text("Ett gemensamt forum".to_owned()),
        ]
    );
    // The page shows the device its own answers again, checked.
    let (_, page) = phone.get("/poll");
    assert_eq!(count(&page, "input[name=s5][checked]"), 2);
    assert!(page.contains("value=\"Ett gemensamt forum\""), "{page}");
    // An option the question lacks is no answer the poll takes.
    let (check, segment) = phone.form_of("/poll");
    let wrong = [
        ("check", check.as_str()),
        ("segment", segment.as_str()),
        ("sector", "hs"),
        ("s4", "7"),
    ];
    let (status, _) = phone.post("/poll", &wrong);
    assert!((400..500).contains(&status), "{status}");
}
