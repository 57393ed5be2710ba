//! The question kinds of a survey: a 1–4 scale, yes/no, one or several
//! choices and free text, as respondent lines type them, as hands count them
//! and as their results and breakdowns add up.

use chrono::{TimeZone, Utc};

use super::*;
use crate::agenda::{QuestionKind, Scale, Sector, Sectors, SegmentKind, Statement, load_bundled};
use crate::session::SegmentIx;

fn question(text: &str, kind: QuestionKind) -> Statement {
    Statement {
        text: text.to_owned(),
        kind,
        ..Statement::default()
    }
}

/// Two statements on trust (1–4, no "vet ej"), steering or project group
/// (a breakdown), yes/no with "vet ej", several of three channels, free text.
fn questions() -> Vec<Statement> {
    let options = |names: &[&str]| names.iter().map(|n| (*n).to_owned()).collect();
    vec![
        Statement {
            theme: Some("Tillit".to_owned()),
            ..question("Vi litar på varandra", QuestionKind::Rating)
        },
        Statement {
            theme: Some("Tillit".to_owned()),
            ..question("Vi delar information", QuestionKind::Rating)
        },
        Statement {
            breakdown: true,
            ..question(
                "Grupp",
                QuestionKind::OneOf(options(&["Styrgrupp", "Projektgrupp"])),
            )
        },
        Statement {
            dont_know: Some(true),
            ..question("Har ni en gemensam rutin?", QuestionKind::YesNo)
        },
        question(
            "Hur når ni varandra?",
            QuestionKind::AnyOf(options(&["Telefon", "Mejl", "Möte"])),
        ),
        question("Vad behöver ni mer?", QuestionKind::Text),
    ]
}

fn one_to_four() -> Scale {
    Scale {
        min: 1,
        max: 4,
        min_label: None,
        max_label: None,
        labels: Vec::new(),
        dont_know: false,
    }
}

fn parse(line: &str) -> Result<Respondent, LineProblem> {
    parse_line(line, &questions(), &one_to_four(), Sectors::new(&[]))
}

fn survey() -> (Session, usize) {
    let mut agenda = load_bundled("seminarium-3").unwrap().unwrap();
    let mut poll = agenda.segments[0].clone();
    poll.kind = SegmentKind::Poll;
    poll.statements = questions();
    poll.scale = Some(one_to_four());
    agenda.segments.push(poll);
    let index = agenda.segments.len() - 1;
    let session = Session::new(agenda, vec!["Alla".to_owned()], at());
    (session, index)
}

fn at() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 12, 12, 0, 0).unwrap()
}

fn respond(session: &mut Session, segment: SegmentIx, line: &str) {
    let respondent = parse(line).unwrap();
    session.apply(
        SessionAction::Poll(PollAction::AddRespondent {
            segment,
            respondent,
        }),
        at(),
    );
}

#[test]
fn a_line_types_each_kind_in_its_own_way() {
    let spaced = parse("sk 3 4 b j ac | Mer tid").unwrap();
    assert_eq!(
        spaced.answers,
        [
            Answer::Value(3),
            Answer::Value(4),
            Answer::Choice(1),
            Answer::YES,
            Answer::Choices(vec![0, 2]),
            Answer::Text("Mer tid".to_owned())
        ]
    );
    let compact = parse("so34Anc").unwrap();
    assert_eq!(
        compact.answers,
        [
            Answer::Value(3),
            Answer::Value(4),
            Answer::Choice(0),
            Answer::NO,
            Answer::Choices(vec![2]),
            Answer::Missing
        ],
        "one character each without spaces; no text, a blank"
    );
    let english_yes = parse("- 1 1 a y - |").unwrap();
    assert_eq!(english_yes.answers[3], Answer::YES);
    assert_eq!(english_yes.answers[4], Answer::Missing);
    assert_eq!(english_yes.answers[5], Answer::Missing, "an empty text");
    assert_eq!(parse("- 1 1 a x ca").unwrap().answers[3], Answer::DontKnow);
    assert_eq!(
        parse("- 1 1 a j cca").unwrap().answers[4],
        Answer::Choices(vec![0, 2]),
        "each option once, in order"
    );
}

#[test]
fn a_wrong_answer_says_what_the_question_takes() {
    let error = |line| parse(line).unwrap_err();
    assert_eq!(
        error("sk 3 4 c j a"),
        LineProblem::NotAChoice {
            token: "c".into(),
            last: 'b'
        }
    );
    assert_eq!(
        error("sk 3 4 a ja a"),
        LineProblem::NotYesNo { token: "ja".into() }
    );
    assert_eq!(
        error("sk 3 4 a j ad"),
        LineProblem::NotAChoice {
            token: "ad".into(),
            last: 'c'
        }
    );
    assert_eq!(
        error("sk 5 4 a j a"),
        LineProblem::NotAnAnswer {
            token: "5".into(),
            min: 1,
            max: 4
        }
    );
    assert_eq!(error("sk x 4 a j a"), LineProblem::DontKnowNotAllowed);
    assert_eq!(
        parse("sk 3 4 a j a | ett | två").unwrap().answers[5],
        Answer::Text("ett | två".to_owned()),
        "the last free text keeps its bar"
    );
    let ratings = [question("Tillit", QuestionKind::Rating)];
    assert_eq!(
        parse_line("sk 3 | ett", &ratings, &one_to_four(), Sectors::new(&[])).unwrap_err(),
        LineProblem::TextCount {
            found: 1,
            expected: 0
        }
    );
    assert_eq!(
        error("sk 3 4 a j"),
        LineProblem::AnswerCount {
            found: 4,
            expected: 5
        },
        "free text is not counted among the answers"
    );
}

#[test]
fn none_chosen_of_several_is_an_answer_and_a_dash_is_a_blank() {
    assert_eq!(
        parse("sk 3 4 b j 0").unwrap().answers[4],
        Answer::Choices(Vec::new())
    );
    assert_eq!(
        parse("sk34bj0").unwrap().answers[4],
        Answer::Choices(Vec::new())
    );
    assert_eq!(parse("sk 3 4 b j -").unwrap().answers[4], Answer::Missing);
    let (mut session, poll) = survey();
    respond(&mut session, SegmentIx(poll), "sk 3 4 a j ac");
    respond(&mut session, SegmentIx(poll), "sk 2 2 b n 0");
    respond(&mut session, SegmentIx(poll), "so 4 4 b j -");
    let results = session.statement_results(SegmentIx(poll));
    assert_eq!(results[4].counts, [1, 0, 1]);
    assert_eq!(
        results[4].n, 2,
        "who ticked nothing counts; a blank does not"
    );
}

#[test]
fn results_count_options_and_only_a_rating_has_a_mean() {
    let (mut session, poll) = survey();
    respond(&mut session, SegmentIx(poll), "sk 3 4 a j ac | Mer tid");
    respond(&mut session, SegmentIx(poll), "sk 2 2 b n b | Ett forum");
    respond(&mut session, SegmentIx(poll), "so 4 4 b x abc");
    let results = session.statement_results(SegmentIx(poll));
    assert_eq!(results[0].counts, [0, 1, 1, 1]);
    assert_eq!(results[0].mean, Some(3.0));
    assert_eq!(results[2].counts, [1, 2]);
    assert_eq!(results[2].mean, None);
    assert_eq!(
        (results[3].counts.clone(), results[3].dont_know),
        (vec![1, 1], 1)
    );
    assert_eq!(results[3].n, 2, "\"vet ej\" is not in n");
    assert_eq!(results[4].counts, [2, 2, 2]);
    assert_eq!(results[4].n, 3, "n counts people, not ticks");
    assert_eq!(results[5].n, 2);
    assert_eq!(
        session.texts_of(SegmentIx(poll), 5),
        ["Mer tid", "Ett forum"]
    );
    assert!(
        session.texts_of(SegmentIx(poll), 0).is_empty(),
        "a rating has no texts"
    );
}

#[test]
fn hands_count_options_and_a_rating_off_the_scale_is_refused() {
    let (mut session, poll) = survey();
    let hand = |session: &mut Session, statement, answer| {
        session.apply(
            SessionAction::Poll(PollAction::Tally {
                segment: SegmentIx(poll),
                statement,
                answer,
                delta: 1,
            }),
            at(),
        )
    };
    hand(&mut session, 2, Answer::Choice(1));
    hand(&mut session, 2, Answer::Choice(1));
    hand(&mut session, 2, Answer::Choice(2)); // no third option
    hand(&mut session, 3, Answer::DontKnow);
    hand(&mut session, 4, Answer::Choice(0));
    hand(&mut session, 4, Answer::Choice(2));
    hand(&mut session, 4, Answer::Choice(2));
    hand(&mut session, 0, Answer::Value(5)); // off the 1–4 scale
    hand(&mut session, 0, Answer::Choice(0)); // no option of a rating
    hand(&mut session, 1, Answer::DontKnow); // not on this scale
    let results = session.statement_results(SegmentIx(poll));
    assert_eq!((results[2].counts.clone(), results[2].n), (vec![0, 2], 2));
    assert_eq!(results[3].dont_know, 1);
    assert_eq!(
        (results[4].counts.clone(), results[4].n),
        (vec![1, 0, 2], 2),
        "the largest hand is n"
    );
    assert_eq!(results[0].n, 0);
    assert_eq!(results[1].dont_know, 0);
}

#[test]
fn a_breakdown_question_splits_the_themes_and_its_columns_add_up() {
    let (mut session, poll) = survey();
    respond(&mut session, SegmentIx(poll), "sk 4 4 a j a"); // styrgrupp, higher (halfway 3)
    respond(&mut session, SegmentIx(poll), "sk 1 2 a j a"); // styrgrupp, lower
    respond(&mut session, SegmentIx(poll), "so 3 3 b j a"); // projektgrupp, higher
    respond(&mut session, SegmentIx(poll), "hs 2 2 - j a"); // not given, lower
    let tables = session.breakdown_tables(SegmentIx(poll));
    assert_eq!(tables.len(), 1);
    let table = &tables[0];
    assert_eq!((table.theme.as_str(), table.by), ("Tillit", Some(2)));
    assert_eq!(table.higher_from, 3.0, "halfway up 1–4");
    assert_eq!(
        table.columns,
        [
            (Cohort::Option(0), 1, 1),
            (Cohort::Option(1), 0, 1),
            (Cohort::NotGiven, 1, 0)
        ]
    );
    assert_eq!(table.total, (2, 2));
    let sectors = &session.theme_tables(SegmentIx(poll))[0];
    assert_eq!(sectors.by, None);
    assert_eq!(
        sectors.columns[0],
        (Cohort::Sector(Sector::SKOLA), 1, 1),
        "the sectors' table stays"
    );
}

#[test]
fn a_form_fits_a_poll_only_with_answers_its_questions_take() {
    let (mut session, poll) = survey();
    let mut wrong = parse("sk 3 4 a j a").unwrap();
    wrong.answers[2] = Answer::Value(1);
    session.apply(
        SessionAction::Poll(PollAction::AddRespondent {
            segment: SegmentIx(poll),
            respondent: wrong,
        }),
        at(),
    );
    assert!(
        session
            .poll(SegmentIx(poll))
            .is_none_or(|a| a.respondents.is_empty())
    );
    let yes_no = question("Ja?", QuestionKind::YesNo);
    assert!(Answer::YES.fits(&yes_no, &one_to_four()));
    assert!(!Answer::Choice(2).fits(&yes_no, &one_to_four()));
    assert!(
        !Answer::DontKnow.fits(&yes_no, &one_to_four()),
        "no \"vet ej\" unless it says"
    );
    let text = question("Vad?", QuestionKind::Text);
    assert!(!Answer::Text("  ".into()).fits(&text, &one_to_four()));
    assert!(Answer::Text("Tid".into()).fits(&text, &one_to_four()));
}

#[test]
fn a_later_session_of_the_series_keeps_what_the_earlier_ones_measured() {
    let (mut first, poll) = survey();
    respond(&mut first, SegmentIx(poll), "sk 4 2 a j a");
    respond(&mut first, SegmentIx(poll), "sk 3 2 b j a");
    let (mut second, _) = survey();
    second.bring_in(&[&first]);
    assert_eq!(second.earlier_means_of("Vi litar på varandra"), [3.5]);
    assert_eq!(second.earlier_means_of("Vi delar information"), [2.0]);
    assert!(
        second.earlier_means_of("Grupp").is_empty(),
        "a choice has no mean"
    );
    assert_eq!(second.earlier_means[0].date, first.day());
    assert_eq!(second.earlier_means[0].n, 2);
}

#[test]
fn a_saved_poll_is_checked_per_question_kind() {
    let (mut session, poll) = survey();
    // The poll is a copy of the agenda's first segment: not its id too.
    session.agenda.segments[poll].id = None;
    assert_eq!(session.check(), Ok(()));
    let seven: Vec<String> = (1..=7).map(|n| format!("Kommun {n}")).collect();
    session.agenda.segments[poll].statements[2].kind = QuestionKind::OneOf(seven);
    session.apply(
        SessionAction::Poll(PollAction::Tally {
            segment: SegmentIx(poll),
            statement: 2,
            answer: Answer::Choice(6),
            delta: 1,
        }),
        at(),
    );
    assert_eq!(
        session.poll(SegmentIx(poll)).unwrap().tallies[2].len(),
        8,
        "seven options and \"vet ej\", more than the 1–4 scale's slots"
    );
    assert_eq!(session.check(), Ok(()), "hands for the seventh option fit");
    respond(&mut session, SegmentIx(poll), "sk 3 4 b j a");
    assert_eq!(session.check(), Ok(()));
    session.polls.get_mut(&SegmentIx(poll)).unwrap().respondents[0].answers[3] = Answer::Choice(2);
    let wrong = session.check().unwrap_err();
    assert_eq!(wrong.mismatch, Mismatch::NotItsAnswer { statement: 4 });
    assert_eq!(wrong.field, format!("session.polls[{poll}].respondents[0]"));
}

/// Where one works, "Annat, ange vad" last; channels, "Annat" last; a wish.
fn with_other() -> Vec<Statement> {
    let options = |names: &[&str]| names.iter().map(|n| (*n).to_owned()).collect();
    vec![
        Statement {
            other: true,
            ..question(
                "Var arbetar du?",
                QuestionKind::OneOf(options(&["Skola", "Socialtjänst", "Annat, ange vad"])),
            )
        },
        Statement {
            other: true,
            ..question(
                "Hur når ni varandra?",
                QuestionKind::AnyOf(options(&["Telefon", "Mejl", "Annat"])),
            )
        },
        question("Vad behöver ni mer?", QuestionKind::Text),
    ]
}

#[test]
fn a_text_beside_annat_follows_the_bar_only_where_annat_was_chosen() {
    let questions = with_other();
    let parse = |line| parse_line(line, &questions, &one_to_four(), Sectors::new(&[]));
    // In the questions' order: where one works, the channel, the wish.
    let chosen = parse("sk c ac | Fritidsgården | Teams | Mer tid").unwrap();
    assert_eq!(chosen.answers[0], Answer::Choice(2));
    assert_eq!(chosen.answers[2], Answer::Text("Mer tid".to_owned()));
    assert_eq!(
        chosen.other,
        [(0, "Fritidsgården".to_owned()), (1, "Teams".to_owned())].into()
    );
    // Without "Annat", the only text is the free one.
    let plain = parse("sk a b | Mer tid").unwrap();
    assert!(plain.other.is_empty());
    assert_eq!(plain.answers[2], Answer::Text("Mer tid".to_owned()));
    // "Annat" chosen with nothing written beside it, the wish left blank.
    let bare = parse("sk c a").unwrap();
    assert_eq!(bare.answers[0], Answer::Choice(2));
    assert!(bare.other.is_empty());
    // Where "Annat" was not chosen, a further bar belongs to the last text.
    assert_eq!(
        parse("sk a b | Mer tid | Teams").unwrap().answers[2],
        Answer::Text("Mer tid | Teams".to_owned())
    );
}

#[test]
fn a_text_beside_an_option_not_chosen_is_no_answer_the_poll_takes() {
    let questions = with_other();
    let mut respondent =
        parse_line("sk a b", &questions, &one_to_four(), Sectors::new(&[])).unwrap();
    assert!(respondent.others_fit(&questions));
    respondent.other.insert(0, "Fritidsgården".to_owned());
    assert!(!respondent.others_fit(&questions), "Skola was chosen");
    respondent.answers[0] = Answer::Choice(2);
    assert!(respondent.others_fit(&questions));
    respondent.other.insert(2, "Mer tid".to_owned());
    assert!(
        !respondent.others_fit(&questions),
        "a free text has no option"
    );
}
