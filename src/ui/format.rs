//! Times as the screen shows them.

use chrono::{DateTime, Duration, FixedOffset, Utc};

/// A countdown: `mm:ss` while time is left, `+mm:ss` once over. Seconds are
/// rounded up while counting down, so `00:00` shows exactly at the end.
pub fn countdown(remaining: Duration) -> String {
    let seconds = crate::session::countdown_seconds(remaining);
    let (sign, seconds) = if seconds < 0 {
        ("+", -seconds)
    } else {
        ("", seconds)
    };
    format!("{sign}{:02}:{:02}", seconds / 60, seconds % 60)
}

/// A wall-clock time in the local zone, `HH:MM`.
pub fn clock(time: DateTime<Utc>, offset: FixedOffset) -> String {
    time.with_timezone(&offset).format("%H:%M").to_string()
}

/// Drift in words: "7 min sent", "3 min tidigt", or "i tid".
pub fn drift(minutes: i64, strings: &crate::i18n::Strings) -> String {
    let unit = strings.minutes_short;
    match minutes {
        0 => strings.on_time.to_owned(),
        late if late > 0 => format!("{late} {unit} {}", strings.late),
        early => format!("{} {unit} {}", -early, strings.early),
    }
}

/// A wait as "2 h 25 min", "25 min", or "1 min" at the least, rounded up so
/// it never reads as over before it is.
pub fn wait(until: Duration, unit: &str) -> String {
    let minutes = (until.num_seconds().max(1) + 59) / 60;
    match (minutes / 60, minutes % 60) {
        (0, minutes) => format!("{minutes} {unit}"),
        (hours, 0) => format!("{hours} h"),
        (hours, minutes) => format!("{hours} h {minutes} {unit}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn countdowns_round_up_and_overruns_count_up() {
        assert_eq!(countdown(Duration::minutes(10)), "10:00");
        assert_eq!(countdown(Duration::milliseconds(599_001)), "10:00");
        assert_eq!(countdown(Duration::milliseconds(599_000)), "09:59");
        assert_eq!(countdown(Duration::zero()), "00:00");
        assert_eq!(countdown(Duration::milliseconds(-1)), "00:00");
        assert_eq!(countdown(Duration::seconds(-83)), "+01:23");
        assert_eq!(countdown(Duration::minutes(125)), "125:00");
    }

    #[test]
    fn clock_times_are_local() {
        let time = Utc.with_ymd_and_hms(2026, 3, 12, 12, 5, 59).unwrap();
        let stockholm = FixedOffset::east_opt(3600).unwrap();
        assert_eq!(clock(time, stockholm), "13:05");
    }

    #[test]
    fn waits_read_in_hours_and_minutes_rounded_up() {
        assert_eq!(wait(Duration::minutes(145), "min"), "2 h 25 min");
        assert_eq!(wait(Duration::minutes(120), "min"), "2 h");
        assert_eq!(wait(Duration::seconds(61), "min"), "2 min");
        assert_eq!(wait(Duration::zero(), "min"), "1 min");
    }

    #[test]
    fn drift_reads_as_minutes_late_or_early() {
        let swedish = crate::i18n::strings(crate::agenda::Language::Sv);
        let english = crate::i18n::strings(crate::agenda::Language::En);
        assert_eq!(drift(7, swedish), "7 min sent");
        assert_eq!(drift(-3, english), "3 min early");
        assert_eq!(drift(0, swedish), "i tid");
    }
}
