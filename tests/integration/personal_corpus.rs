//! A corpus of realistic sentences, like the seminars' own, for the search
//! for personal data: every one with a personal identity number, a phone
//! number or an e-mail address in any common spelling is found, and at most
//! 2 % of those with only ordinary numbers (dates, times, sums, counts,
//! school years, statute references) raise a false alarm.

use std::path::Path;

use samla::session::personal::finds;

/// The sentences of `file` under tests/fixtures/personal, a line each ("\n"
/// written out stands for a line break inside the sentence).
fn sentences(file: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/personal")
        .join(file);
    std::fs::read_to_string(path)
        .expect("the corpus")
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| line.replace("\\n", "\n"))
        .collect()
}

#[test]
fn every_spelling_of_personal_data_is_found_and_ordinary_numbers_rarely_alarm() {
    let with = sentences("personal-data.txt");
    let without = sentences("no-personal-data.txt");
    assert!(with.len() >= 100 && without.len() >= 100);
    let missed: Vec<&String> = with.iter().filter(|text| finds(text).is_empty()).collect();
    let alarms: Vec<&String> = without
        .iter()
        .filter(|text| !finds(text).is_empty())
        .collect();
    println!(
        "personal data: {} of {} found; {} false alarms in {} ({:.1} %)",
        with.len() - missed.len(),
        with.len(),
        alarms.len(),
        without.len(),
        100.0 * alarms.len() as f64 / without.len() as f64
    );
    assert!(missed.is_empty(), "missed: {missed:#?}");
    assert!(
        alarms.len() * 50 <= without.len(),
        "more than 2 % false alarms: {alarms:#?}"
    );
}
