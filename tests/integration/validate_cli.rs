//! `samla validate` on good and malformed agendas, through the real binary.

use crate::common;

use std::path::{Path, PathBuf};

use common::{Run, samla};

/// Every malformed agenda in `tests/fixtures/invalid/` and what its one error line
/// must say after `FILE:` (position and message, or the segment it names).
const CORPUS: &[(&str, &str)] = &[
    ("01-missing-comma.ron", "3:5: missing comma (expected `,`"),
    ("02-unclosed-string.ron", "3:40: missing comma"),
    (
        "03-unclosed-paren.ron",
        "3:66: the file ends too early (expected",
    ),
    (
        "04-unknown-agenda-field.ron",
        "3:5: unknown field `speaker` (expected one of: title,",
    ),
    (
        "05-unknown-segment-field.ron",
        "4:58: unknown field `duration` (expected one of: id, kind,",
    ),
    (
        "06-missing-title.ron",
        "3:1: required field `title` is missing in Agenda",
    ),
    (
        "07-missing-segments.ron",
        "3:1: required field `segments` is missing",
    ),
    (
        "08-missing-minutes.ron",
        "4:43: required field `minutes` is missing in Segment",
    ),
    (
        "09-minutes-as-text.ron",
        "4:53: not a whole number (expected",
    ),
    (
        "10-negative-minutes.ron",
        "4:55: the number is out of range (expected",
    ),
    (
        "11-unknown-kind.ron",
        "4:16: unknown value `Workshop` (expected one of: Welcome,",
    ),
    (
        "12-title-as-number.ron",
        "2:11: this is not text (expected a string",
    ),
    (
        "13-questions-not-a-list.ron",
        "4:73: not a list (expected `[`",
    ),
    (
        "14-bad-start-time.ron",
        "3:13: \"kvart över ett\" is not a clock time (expected \"HH:MM\"",
    ),
    (
        "15-bad-date.ron",
        "3:12: \"2026-13-40\" is not a date (expected \"YYYY-MM-DD\"",
    ),
    (
        "16-unknown-language.ron",
        "3:15: unknown value `Fi` (expected one of: Sv, En)",
    ),
    (
        "17-trailing-text.ron",
        "4:2: more text after the agenda's closing `)`",
    ),
    (
        "18-duplicate-field.ron",
        "3:5: field `title` is given twice",
    ),
    (
        "19-wrong-struct-name.ron",
        "1:1: found `Seminar` (expected `Agenda(`",
    ),
    (
        "20-fixed-not-bool.ron",
        "4:57: not a yes/no value (expected `true` or `false`)",
    ),
    (
        "21-unclosed-comment.ron",
        "3:7: the comment is never closed (expected `*/`",
    ),
    (
        "22-zero-minutes.ron",
        "5:55: segment 2 \"Gruppsamtal\": minutes is 0 (expected at least 1)",
    ),
    (
        "23-no-segments.ron",
        "3:5: there are no segments (expected at least one",
    ),
    (
        "24-empty-horizons.ron",
        "4:65: segment 1 \"Handlingsplan\": `horizons` is empty",
    ),
    (
        "25-too-many-groups.ron",
        "3:5: groups is 31 (expected 1 to 30)",
    ),
    ("26-zero-groups.ron", "3:5: groups is 0 (expected 1 to 30)"),
    (
        "27-min-above-minutes.ron",
        "4:68: segment 1 \"Gruppsamtal\": min_minutes is 40",
    ),
    (
        "28-horizons-on-discussion.ron",
        "4:68: segment 1 \"Gruppsamtal\": `horizons` is only for ActionPlan",
    ),
    (
        "29-poll-without-statements.ron",
        "4:9: segment 1 \"Enkät före\": a poll has no statements",
    ),
    (
        "30-duplicate-ids.ron",
        "5:10: segment 2 \"Andra samtalet\": id `samtal` is used twice",
    ),
    ("31-empty-title.ron", "2:5: the title is empty"),
    (
        "32-group-names-mismatch.ron",
        "4:5: groups is 3 but group_names names 2",
    ),
    (
        "33-duplicate-tags.ron",
        "3:5: `tags` has \"Regelverk\" twice",
    ),
    (
        "34-warning-longer-than-segment.ron",
        "4:67: segment 1 \"Samtal med experten\": warning_minutes is 10",
    ),
    (
        "35-bad-scale.ron",
        "4:91: segment 1 \"Enkät\": the scale runs from 5 to 1",
    ),
    (
        "36-minutes-too-large.ron",
        "4:56: the number is out of range",
    ),
    (
        "37-deep-nesting.ron",
        "3:16: expected `(` to start a Segment",
    ),
    (
        "38-not-ron-at-all.ron",
        "1:1: found `title` (expected `Agenda(`",
    ),
    (
        "39-invalid-id.ron",
        "4:10: segment 1 \"Gruppsamtal\": id `Första Samtalet` has other characters",
    ),
    (
        "40-columns-on-break.ron",
        "4:51: segment 1 \"Paus\": `columns` is only for segments where cards are written",
    ),
    (
        "41-columns-and-horizons.ron",
        "4:83: segment 1 \"Handlingsplan\": both `columns` and `horizons`",
    ),
    (
        "42-rows-without-columns.ron",
        "4:70: segment 1 \"Nulägesanalys\": `rows` without columns",
    ),
    (
        "43-too-many-segment-tags.ron",
        "8:13: segment 1 \"Samtal\": `tags` has 10 items (expected at most 9)",
    ),
    (
        "44-priorities-zero.ron",
        "4:69: segment 1 \"Prioritering\": priorities is 0 (expected 1 to 9)",
    ),
    (
        "45-blank-exercise.ron",
        "4:63: segment 1 \"Samtal\": `exercise` is blank",
    ),
    (
        "46-sector-code-with-digits.ron",
        "3:5: the sector's code `e1` cannot start an answer line",
    ),
    (
        "47-breakdown-unknown-sector.ron",
        "5:103: segment 1 \"Enkät\": `breakdown` names the sector `Halsovard`, which the agenda lacks",
    ),
    ("48-sector-twice.ron", "3:5: `sectors` has \"fritid\" twice"),
    (
        "49-group-set-alone.ron",
        "5:59: segment 1 \"Enskilt\": `group_set` is only for segments where groups write cards: GroupDiscussion, Plenary, Vision, ActionPlan",
    ),
    (
        "50-follows-bad-id.ron",
        "5:10: segment 1 \"Uppföljning\": id `Handlings Plan` has other characters",
    ),
    (
        "51-scale-labels-count.ron",
        "5:10: segment 1 \"Enkät\": the scale has 3 labels (expected one for each of its 4 steps",
    ),
    (
        "52-split-outside-scale.ron",
        "6:10: segment 1 \"Enkät\": `higher_from` is 4.5 (expected above the scale's lowest value 1",
    ),
    (
        "53-choice-of-one.ron",
        "4:51: segment 1 \"Enkät\": question 1 has 1 options (expected 2 to 20",
    ),
    (
        "54-breakdown-by-text.ron",
        "4:51: segment 1 \"Enkät\": question 2 has `breakdown` but not one answer of a few",
    ),
    (
        "55-theme-on-yes-no.ron",
        "4:51: segment 1 \"Enkät\": question 1 has a theme but is not rated on the scale",
    ),
    (
        "56-event-name-without-definite.ron",
        "3:5: event_name lacks its definite forms (expected definite and definite_plural",
    ),
    (
        "57-other-on-a-rating.ron",
        "4:51: segment 1 \"Enkät\": question 1 has `other` but no options of its own",
    ),
    (
        "58-dots-on-a-break.ron",
        "4:51: segment 1 \"Fika\": `dots` is only for segments where cards are written",
    ),
];

fn fixture(name: &str) -> String {
    format!("tests/fixtures/invalid/{name}")
}

fn assert_rejected(run: &Run, file: &str, expected: &str) {
    assert_eq!(
        run.code,
        Some(1),
        "{file}: exit code; stderr: {}",
        run.stderr
    );
    let wanted = format!("{file}:{expected}");
    assert!(
        run.stderr.lines().any(|line| line.starts_with(&wanted)),
        "{file}: expected a line starting with\n  {wanted}\ngot\n  {}",
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{file}: {}", run.stderr);
}

#[test]
fn every_malformed_agenda_in_the_corpus_is_rejected_with_its_position() {
    for (name, expected) in CORPUS {
        let file = fixture(name);
        assert_rejected(&samla(&["validate", &file]), &file, expected);
    }
}

#[test]
fn the_corpus_table_covers_every_fixture_file() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
    let mut on_disk: Vec<String> = std::fs::read_dir(dir)
        .expect("fixtures folder")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    on_disk.sort();
    let listed: Vec<String> = CORPUS.iter().map(|(name, _)| (*name).to_owned()).collect();
    assert_eq!(on_disk, listed);
    assert!(listed.len() >= 25);
}

#[test]
fn every_bundled_agenda_file_is_valid() {
    let files: Vec<String> = bundled_files()
        .iter()
        .map(|path| path.to_string_lossy().into_owned())
        .collect();
    let mut args = vec!["validate"];
    args.extend(files.iter().map(String::as_str));
    let run = samla(&args);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    for file in &files {
        assert!(
            run.stdout.contains(&format!("{file}: ok (")),
            "{}",
            run.stdout
        );
    }
}

fn bundled_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("agendas"))
            .expect("agendas folder")
            .map(|entry| Path::new("agendas").join(entry.expect("entry").file_name()))
            .collect();
    files.sort();
    files
}

#[test]
fn several_files_are_all_reported_and_one_bad_file_fails_the_run() {
    let first = fixture("01-missing-comma.ron");
    let second = fixture("22-zero-minutes.ron");
    let run = samla(&["validate", &first, "agendas/seminarium-1.ron", &second]);
    assert_rejected(&run, &first, "3:5: missing comma");
    assert_rejected(&run, &second, "5:55: segment 2 \"Gruppsamtal\"");
    assert!(
        run.stdout
            .contains("agendas/seminarium-1.ron: ok (9 segments, 180 min)")
    );
}

#[test]
fn every_broken_rule_of_one_file_is_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("many.ron");
    std::fs::write(
        &file,
        r#"Agenda(title: "", groups: 40, segments: [
            (kind: Break, title: "Paus", minutes: 0),
            (kind: Vision, title: "Vision", minutes: 30, horizons: ["Nu"]),
        ])"#,
    )
    .expect("write");
    let file = file.to_string_lossy().into_owned();
    let run = samla(&["validate", &file]);
    // Each at its field: the line and column of the name before the colon.
    assert_rejected(&run, &file, "1:8: the title is empty");
    assert_rejected(&run, &file, "1:19: groups is 40");
    assert_rejected(&run, &file, "2:42: segment 1 \"Paus\": minutes is 0");
    assert_rejected(
        &run,
        &file,
        "3:58: segment 2 \"Vision\": `horizons` is only for ActionPlan",
    );
}

/// Writes `bytes` to a fresh file and validates it.
fn validate_bytes(name: &str, bytes: &[u8]) -> (tempfile::TempDir, String, Run) {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join(name);
    std::fs::write(&file, bytes).expect("write");
    let file = file.to_string_lossy().into_owned();
    let run = samla(&["validate", &file]);
    (dir, file, run)
}

#[test]
fn an_empty_file_is_rejected() {
    let (_dir, file, run) = validate_bytes("empty.ron", b"");
    assert_rejected(&run, &file, "1:1: the file is empty (expected an agenda");
    let (_dir, file, run) = validate_bytes("blank.ron", b"  \n\t\n");
    assert_rejected(&run, &file, "1:1: the file is empty");
}

#[test]
fn binary_garbage_is_rejected_at_the_first_bad_byte() {
    let mut bytes = b"Agenda(\n  title: \"Bra\xC3\xA5".to_vec();
    bytes.extend([0xFF, 0xFE, 0x00, 0x9F, 0x92, 0x00]);
    let (_dir, file, run) = validate_bytes("garbage.ron", &bytes);
    assert_rejected(&run, &file, "2:15: this is not text (expected UTF-8");
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(b"(title: \"Med BOM\", segments: [(kind: Welcome, title: \"Hej\", minutes: 5)])");
    let (_dir, _file, run) = validate_bytes("bom.ron", &bytes);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}

#[test]
fn a_ten_megabyte_file_is_read_and_its_error_found_at_the_end() {
    let long_question = "å".repeat(5 * 1024 * 1024);
    let text = format!(
        "Agenda(\n  title: \"Stor\",\n  segments: [(kind: GroupDiscussion, title: \"Lång\", minutes: 10,\n    questions: [\"{long_question}\"])],\n  oops: 1,\n)\n"
    );
    assert!(text.len() >= 10 * 1024 * 1024);
    let (_dir, file, run) = validate_bytes("large.ron", text.as_bytes());
    assert_rejected(&run, &file, "5:3: unknown field `oops`");
}

#[test]
fn a_file_over_the_size_limit_is_refused_unread() {
    let (_dir, file, run) = validate_bytes("huge.ron", &vec![b' '; 17 * 1024 * 1024]);
    assert_rejected(
        &run,
        &file,
        " cannot read the file: the file is larger than 16 MB",
    );
}

#[test]
fn a_missing_file_and_a_folder_are_reported() {
    let run = samla(&["validate", "no/such/agenda.ron"]);
    assert_rejected(&run, "no/such/agenda.ron", " cannot read the file:");
    let run = samla(&["validate", "agendas"]);
    assert_rejected(&run, "agendas", " cannot read the file:");
}

#[test]
fn validate_without_files_is_a_usage_error() {
    let run = samla(&["validate"]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("<FILE>"), "{}", run.stderr);
}

#[test]
fn one_segment_is_one_segment_and_a_segment_may_have_no_tags() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("kort.ron");
    std::fs::write(
        &file,
        r#"Agenda(title: "Kort möte", segments: [
            (kind: GroupDiscussion, title: "Samtal", minutes: 20, tags: []),
        ])"#,
    )
    .expect("written");
    let path = file.to_string_lossy().into_owned();
    let run = samla(&["validate", &path]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stdout.contains("ok (1 segment, 20 min)"),
        "{}",
        run.stdout
    );
}
