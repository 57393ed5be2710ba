//! No session or series file, however edited or damaged, panics samla: each is
//! refused with a message, or loaded and then drawn, resumed, shown to the room
//! and exported without a panic. Numbers are the likeliest edits to point past
//! what exists, so they are changed most.

use crate::common;
use samla::session::Lane;

use chrono::FixedOffset;
use common::fixture::{saved_at, seminar_3};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use samla::agenda::Language;
use samla::app::{AppState, present_view};
use samla::export::{Summary, csv, html, markdown};
use samla::session::{
    Answer, Draft, DraftTarget, PollAction, Respondent, RosterAction, SessionAction,
};
use samla::store::{SeriesFile, SessionFile, VERSION};
use samla::ui::{self, Theme};

/// A session with something in every part of the file: cards, a poll's forms
/// and hands, members, notes and an open draft; made once for every case.
fn base_text() -> &'static str {
    static TEXT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TEXT.get_or_init(made_text)
}

fn made_text() -> String {
    let mut session = seminar_3();
    let at = saved_at();
    let poll = session
        .agenda
        .segments
        .iter()
        .position(|segment| segment.kind == samla::agenda::SegmentKind::Poll)
        .expect("seminarium-3 closes with a survey");
    let statements = session.agenda.segments[poll].statements.len();
    session.apply(
        SessionAction::Poll(PollAction::AddRespondent {
            segment: samla::session::SegmentIx(poll),
            respondent: Respondent {
                sector: None,
                answers: vec![Answer::Value(4); statements],
                other: Default::default(),
                from_room: None,
            },
        }),
        at,
    );
    session.apply(
        SessionAction::Poll(PollAction::Tally {
            segment: samla::session::SegmentIx(poll),
            statement: 1,
            answer: Answer::DontKnow,
            delta: 1,
        }),
        at,
    );
    session.apply(
        SessionAction::Roster(RosterAction::Add {
            group: 2,
            name: "Anna".to_owned(),
        }),
        at,
    );
    SessionFile {
        version: VERSION,
        agenda_id: "seminarium-3".to_owned(),
        saved: at,
        language: Language::Sv,
        session: session.into(),
        draft: Some(Draft {
            target: DraftTarget::NewCard {
                segment: samla::session::SegmentIx(3),
                group: Lane::Group(4),
                column: None,
            },
            text: "halvfärdig".to_owned(),
        }),
        room: None,
        devices: Default::default(),
    }
    .to_text()
}

/// Everything samla does with a loaded session, none of which may panic.
fn use_everywhere(file: &SessionFile) {
    let now = saved_at();
    let offset = FixedOffset::east_opt(3600).expect("an offset");
    let mut state = AppState::new(
        file.session.clone(),
        file.language,
        Theme::new(false),
        false,
        now,
    );
    if let Some(draft) = &file.draft {
        state.restore_draft(draft);
    }
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("a terminal");
    terminal
        .draw(|frame| ui::render(frame, &state.view(now, offset)))
        .expect("drawn");
    terminal
        .draw(|frame| {
            let cache = samla::ui::DrawCache::default();
            let view = ui::PresentView {
                board: true,
                ..present_view(file, Theme::new(false), now, offset, &cache)
            };
            ui::render_present(frame, &view)
        })
        .expect("drawn");
    let summary = Summary {
        session: &file.session,
        as_of: now,
        offset,
        private: true,
        names: true,
        report: false,
        intro: None,
        removed: &[],
    };
    markdown(&summary);
    html(&summary);
    csv(&summary, samla::export::CsvDialect::Sv).expect("csv");
}

/// `text` with the `which`-th number in it replaced by `value`.
fn with_number(text: &str, which: usize, value: u64) -> String {
    let mut numbers = Vec::new();
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at].is_ascii_digit() {
            let start = at;
            while at < bytes.len() && bytes[at].is_ascii_digit() {
                at += 1;
            }
            numbers.push((start, at));
        } else {
            at += 1;
        }
    }
    if numbers.is_empty() {
        return text.to_owned();
    }
    let (start, end) = numbers[which % numbers.len()];
    format!("{}{value}{}", &text[..start], &text[end..])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn a_session_file_with_any_number_changed_is_refused_or_works(
        which in any::<usize>(),
        value in prop_oneof![0..20u64, Just(255), Just(u64::from(u32::MAX)), Just(99_999)],
    ) {
        let text = with_number(base_text(), which, value);
        if let Ok(file) = SessionFile::parse("fuzz.ron", &text) {
            use_everywhere(&file);
        }
    }

    #[test]
    fn a_session_file_with_any_edit_is_refused_or_works(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), 0..4u8, any::<char>()), 1..4),
    ) {
        let mut text: Vec<char> = base_text().chars().collect();
        for (at, how, ch) in edits {
            let index = at.index(text.len() + 1);
            match how {
                0 if index < text.len() => { text.remove(index); }
                1 => text.insert(index, ch),
                2 if index < text.len() => text[index] = ch,
                _ => text.truncate(index),
            }
        }
        let text: String = text.into_iter().collect();
        if let Ok(file) = SessionFile::parse("fuzz.ron", &text) {
            use_everywhere(&file);
        }
    }

    #[test]
    fn a_series_file_with_any_number_changed_is_refused_or_consistent(
        which in any::<usize>(),
        value in prop_oneof![0..20u64, Just(u64::from(u32::MAX))],
    ) {
        let folder = tempfile::tempdir().expect("temp dir");
        let mut series = SeriesFile::new("Fuzz", vec!["A".into(), "B".into(), "C".into()]);
        series.roster.add(1, "Anna", samla::agenda::Sector::SKOLA, None);
        series.roster.add(2, "Bo", samla::agenda::Sector::ANNAN, None);
        let path = folder.path().join("fuzz.ron");
        series.save(&path).expect("saved");
        let text = with_number(&std::fs::read_to_string(&path).expect("read"), which, value);
        std::fs::write(&path, text).expect("written");
        if let Ok(loaded) = SeriesFile::load(&path) {
            for member in &loaded.roster.members {
                prop_assert!(member.group < loaded.groups.len());
            }
        }
    }
}
