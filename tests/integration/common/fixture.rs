//! A fixed session of `seminarium-3` with 6 groups: cards in every kind of
//! segment, Swedish letters, emoji, and every character that could break a
//! summary's structure. The same session every time, for golden files.

use chrono::{DateTime, Duration, TimeZone, Utc};
use samla::agenda::{SegmentKind, load_bundled};
use samla::session::{CardAction, Lane, PollAction, Session, SessionAction, parse_line};

/// 13:00 in Stockholm.
pub fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 12, 12, 0, 0)
        .single()
        .expect("a valid time")
}

/// Card texts that would be Markdown, HTML or table syntax if not escaped.
pub const HOSTILE: [&str; 9] = [
    "# Inte en rubrik",
    "> inte ett citat",
    "- inte en punkt",
    "1. inte en numrerad lista",
    "a | b | c i en tabell",
    "`kod` och ```block```",
    "<script>alert('x')</script> <b>fet</b>",
    "[länk](https://example.com) och ![bild](x.png)",
    "*stjärnor* _understreck_ ~streck~ &amp; \\ slut\\",
];

fn act(session: &mut Session, action: CardAction, at: DateTime<Utc>) {
    session.apply(SessionAction::Card(action), at);
}

fn add(
    session: &mut Session,
    segment: usize,
    group: Option<usize>,
    text: &str,
    at: DateTime<Utc>,
) -> samla::session::CardId {
    let id = session.next_card_id;
    act(
        session,
        CardAction::Add {
            segment: samla::session::SegmentIx(segment),
            group: group.into(),
            text: text.to_owned(),
        },
        at,
    );
    id
}

/// The fixed session, run through to its end at 16:07.
pub fn seminar_3() -> Session {
    let agenda = load_bundled("seminarium-3")
        .expect("bundled")
        .expect("valid");
    let groups = (1..=6).map(|n| format!("Grupp {n}")).collect();
    let mut session = Session::new(agenda, groups, start());
    let mut at = start();
    session.apply(SessionAction::ToggleTimer, at);
    // Segments: 0 welcome, 1 vision, 2 break, 3 action plan, 4 the closing
    // conversation with the expert.
    let minutes = [12, 52, 15, 50, 58];
    for (segment, length) in minutes.iter().enumerate() {
        let minute = |n: i64| at + Duration::minutes(n);
        match segment {
            0 => {
                add(
                    &mut session,
                    0,
                    None,
                    "Välkomna! Förväntningar: ”lära av varandra” 🙂",
                    minute(5),
                );
            }
            1 => {
                for group in 0..6 {
                    let strong = add(
                        &mut session,
                        1,
                        Some(group),
                        &format!("Grupp {}: elevhälsan når ut tidigt", group + 1),
                        minute(10),
                    );
                    let need = add(
                        &mut session,
                        1,
                        Some(group),
                        "Vi saknar en gemensam bild av frånvaron",
                        minute(20),
                    );
                    act(
                        &mut session,
                        CardAction::NextHorizon { id: need },
                        minute(21),
                    );
                    let vision = add(
                        &mut session,
                        1,
                        Some(group),
                        "Om tio år: ett team runt varje elev – skola, socialtjänst och vård",
                        minute(30),
                    );
                    act(
                        &mut session,
                        CardAction::NextHorizon { id: vision },
                        minute(31),
                    );
                    act(
                        &mut session,
                        CardAction::NextHorizon { id: vision },
                        minute(31),
                    );
                    if group == 0 {
                        act(
                            &mut session,
                            CardAction::CycleTag { id: strong },
                            minute(11),
                        );
                    }
                }
                let hostile: Vec<samla::session::CardId> = HOSTILE
                    .iter()
                    .map(|text| add(&mut session, 1, Some(5), text, minute(40)))
                    .collect();
                act(
                    &mut session,
                    CardAction::ToggleQuote { id: hostile[1] },
                    minute(41),
                );
            }
            2 => {}
            3 => {
                for group in 0..6 {
                    add(
                        &mut session,
                        3,
                        Some(group),
                        "Kartlägg frånvaron varje månad",
                        minute(10),
                    );
                    let year = add(
                        &mut session,
                        3,
                        Some(group),
                        "Gemensam rutin för skola och socialtjänst",
                        minute(20),
                    );
                    act(
                        &mut session,
                        CardAction::NextHorizon { id: year },
                        minute(21),
                    );
                    act(&mut session, CardAction::CycleTag { id: year }, minute(21));
                    act(&mut session, CardAction::CycleTag { id: year }, minute(21));
                    let long = add(
                        &mut session,
                        3,
                        Some(group),
                        "Samlokaliserat stöd\nmed vården | på sikt",
                        minute(30),
                    );
                    act(
                        &mut session,
                        CardAction::NextHorizon { id: long },
                        minute(31),
                    );
                    act(
                        &mut session,
                        CardAction::NextHorizon { id: long },
                        minute(31),
                    );
                }
                add(
                    &mut session,
                    3,
                    Some(2),
                    "Ännu ett direkt-kort: 漢字 och e\u{301}",
                    minute(35),
                );
            }
            4 => {
                let quote = add(
                    &mut session,
                    4,
                    None,
                    "”Det är relationen som bär” – Malin",
                    minute(10),
                );
                act(
                    &mut session,
                    CardAction::ToggleQuote { id: quote },
                    minute(11),
                );
                act(&mut session, CardAction::CycleTag { id: quote }, minute(11));
                act(&mut session, CardAction::CycleTag { id: quote }, minute(11));
                act(&mut session, CardAction::CycleTag { id: quote }, minute(11));
                add(
                    &mut session,
                    4,
                    Some(3),
                    "Fråga: hur delar vi information lagligt?",
                    minute(20),
                );
                add(
                    &mut session,
                    4,
                    None,
                    "Nästa steg: träffas i maj",
                    minute(48),
                );
            }
            _ => {}
        }
        at += Duration::minutes(*length);
        session.apply(SessionAction::Next, at);
    }
    act(
        &mut session,
        CardAction::SetPrivateNote {
            segment: samla::session::SegmentIx(4),
            text: "Privat: Grupp 4 behöver stöd".to_owned(),
        },
        at,
    );
    session
}

/// When the fixed session was last changed.
pub fn saved_at() -> DateTime<Utc> {
    start() + Duration::minutes(187)
}

/// The participants' summary of `session` as saved at [`saved_at`], in
/// Stockholm's winter time; change a field with `Summary { report: true, ..summary(s) }`.
pub fn summary(session: &Session) -> samla::export::Summary<'_> {
    samla::export::Summary {
        session,
        as_of: saved_at(),
        offset: chrono::FixedOffset::east_opt(3600).expect("an offset"),
        private: false,
        names: false,
        report: false,
        intro: None,
        removed: &[],
    }
}

/// `session` saved in a fresh data folder as seminarium-3's session of
/// 12 March, as `samla run` would.
pub fn saved_home(session: Session) -> tempfile::TempDir {
    let home = tempfile::tempdir().expect("temp dir");
    let folder = home.path().join("sessions");
    std::fs::create_dir(&folder).expect("sessions folder");
    let file = samla::store::SessionFile {
        version: samla::store::VERSION,
        agenda_id: "seminarium-3".to_owned(),
        saved: saved_at(),
        language: samla::agenda::Language::Sv,
        session: session.into(),
        draft: None,
        room: None,
        devices: Default::default(),
    };
    samla::store::write_atomic(
        &folder.join("2026-03-12-seminarium-3.ron"),
        file.to_text().as_bytes(),
    )
    .expect("saved");
    home
}

/// The fixture as a facilitator would send it: five municipalities' groups,
/// no hostile texts, the facilitator and the contact named, the closing
/// survey answered.
pub fn seminar_3_as_sent() -> Session {
    let mut session = seminar_3();
    session.groups = ["Norrtälje", "Vallentuna", "Täby", "Österåker", "Vaxholm"]
        .map(str::to_owned)
        .to_vec();
    session
        .cards
        .retain(|card| !HOSTILE.contains(&card.text.as_str()) && card.group != Lane::Group(5));
    session.agenda.facilitator = Some("Eva Ek, Ifous".to_owned());
    session.agenda.contact = Some("eva.ek@ifous.example".to_owned());
    let poll = session
        .agenda
        .segments
        .iter()
        .position(|segment| segment.kind == SegmentKind::Poll)
        .expect("seminarium-3 closes with a survey");
    let segment = &session.agenda.segments[poll];
    let scale = segment.scale_or_default(session.agenda.language);
    let statements = segment.statements.clone();
    // Three from school and three from social services; the one from
    // healthcare is too few to show in the participants' summary.
    for line in [
        "sk455445", "sk344334", "sk233443", "so555445", "so3x4434", "so444344", "hs444555",
    ] {
        let respondent =
            parse_line(line, &statements, &scale, session.sectors()).expect("a valid line");
        session.apply(
            SessionAction::Poll(PollAction::AddRespondent {
                segment: samla::session::SegmentIx(poll),
                respondent,
            }),
            saved_at(),
        );
    }
    session
}

/// The first segment of `kind` in `session`'s agenda.
pub fn segment_of(
    session: &Session,
    kind: samla::agenda::SegmentKind,
) -> samla::session::SegmentIx {
    let found = session
        .agenda
        .segments
        .iter()
        .position(|segment| segment.kind == kind)
        .expect("a segment of that kind");
    samla::session::SegmentIx(found)
}
