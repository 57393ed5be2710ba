//! The run screen's short messages, and the problems they report, worded in
//! the UI language. `update` says which notice to show; the view words it.

use std::io::ErrorKind;
use std::path::PathBuf;

use super::{Language, pick};
use crate::session::LineProblem;

/// A message in the status line until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// `r` while on time.
    NotLate,
    /// Ctrl+C: how to quit.
    QuitHint,
    /// A card key with no card selected.
    NoCard,
    /// `h` where the board has no columns.
    NoColumns,
    /// `s` or `k` outside a follow-up.
    NotAFollowUp,
    /// `t` in a segment whose agenda says `tags: []`.
    NoTags,
    /// Groups asked for on the command line that the series' own replace.
    SeriesGroups { series: String, groups: usize },
    /// The series keeps sectors of its own, used in place of the agenda's.
    SeriesSectors { series: String, names: Vec<String> },
    /// `*` in a segment that asks for no priorities.
    NoPriorities,
    /// `.` or `:` in a segment that gives no dots across the room.
    NoDots,
    /// `*` on a card of a group that has marked all it may.
    PrioritiesFull(u32),
    /// An empty card was dropped.
    NothingSaved,
    /// Ctrl+Z on an empty respondent line took back the one before.
    LineUndone,
    /// `i` or `v` outside a poll.
    NotAPoll,
    /// `F` turned `cards` free-text answers into cards of the segment titled
    /// `into`; none when there were none to turn, or no segment takes cards.
    TextsToCards { cards: usize, into: Option<String> },
    /// A question on screen answered neither yes nor no.
    Cancelled,
    /// Continuing with `asked` groups from the command line: `now` there are.
    Regrouped { asked: usize, now: usize },
    /// The day began this long before the agenda's time; the plan follows it.
    PlanMoved { minutes_early: i64 },
    /// A respondent line that was not entered, and why; it was set aside.
    PollLine(LineProblem),
    /// `x` wrote the summary to `path` and copied it (or not).
    Exported {
        path: PathBuf,
        copied: CopyNote,
        flagged: usize,
    },
    /// `x` could not write the summary.
    ExportFailed(ErrorKind),
    /// The room was closed.
    RoomClosed,
    /// A phone was turned away at the room's door.
    TurnedAway { room_full: bool },
    /// The room has a new join code (or could not get one, and why).
    NewCode(Result<String, ErrorKind>),
    /// The room's server could not start.
    RoomFailed(ErrorKind),
    /// `d` took a room card down (`true`) or put it back (`false`).
    CardHidden(bool),
    /// Ctrl+G left the editor without saving.
    EditCancelled,
    /// `m`: which group the card moves to.
    MoveTo,
    /// `N` with the whole room selected: only a group has a name to change.
    NoGroup,
    /// `W` opened the wall (`true`) or closed it.
    Wall(bool),
    /// `P` let the room's page mark priorities, at most this many per group,
    /// or stopped it (`None`).
    RoomVotes(Option<u32>),
    /// `P` let the room's page give its dots across the groups (how many
    /// each), or stopped it.
    RoomDots(Option<u32>),
    /// `c` closed the poll to the room's page (`true`) or opened it again.
    PollClosed(bool),
    /// `o` showed the poll's results to the room (`true`) or hid them.
    PollRevealed(bool),
}

/// Where a copied text went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyNote {
    /// The system clipboard, or the terminal's (OSC 52): to the user both
    /// are the clipboard.
    Copied,
    /// Nowhere.
    Failed,
}

impl Notice {
    /// The notice in `language`.
    pub fn text(&self, language: Language) -> String {
        let strings = super::strings(language);
        match self {
            Notice::NotLate => strings.not_late.to_owned(),
            Notice::QuitHint => strings.quit_hint.to_owned(),
            Notice::NoCard => strings.no_card.to_owned(),
            Notice::NoColumns => strings.no_columns.to_owned(),
            Notice::SeriesSectors { series, names } => crate::i18n::Say::SeriesSectors {
                series: series.clone(),
                names: names.clone(),
            }
            .text(language),
            Notice::SeriesGroups { series, groups } => pick(
                language,
                format!("serien ”{series}” har sina {groups} grupper, som gäller i stället för de angivna"),
                format!("the series “{series}” has its {groups} groups, which apply instead of those asked for"),
            ),
            Notice::NoTags => pick(
                language,
                "passet har inga taggar",
                "this segment has no tags",
            )
            .to_owned(),
            Notice::NotAFollowUp => pick(
                language,
                "s (status) och k (kommentar) gäller uppföljningens åtgärder",
                "s (status) and k (comment) are for a follow-up's items",
            )
            .to_owned(),
            Notice::NoDots => pick(
                language,
                ". och : räknar prickar i pass som ber om dem",
                ". and : count dots in segments that ask for them",
            )
            .to_owned(),
            Notice::NoPriorities => pick(
                language,
                "* markerar prioriteringar i pass som ber om dem",
                "* marks priorities in segments that ask for them",
            )
            .to_owned(),
            Notice::PrioritiesFull(allowed) => match language {
                Language::Sv => format!(
                    "Gruppen har redan valt sina {allowed} · * på en av dem tar bort markeringen"
                ),
                Language::En => format!(
                    "The group has chosen its {allowed} already · * on one of them takes the mark off"
                ),
            },
            Notice::NothingSaved => strings.nothing_saved.to_owned(),
            Notice::LineUndone => strings.line_undone.to_owned(),
            Notice::NotAPoll => strings.not_a_poll.to_owned(),
            Notice::TextsToCards { cards, into } => match (cards, into) {
                (_, None) => pick(
                    language,
                    "Inget pass i dagordningen tar emot kort",
                    "No segment of the agenda takes cards",
                )
                .to_owned(),
                (0, Some(_)) => pick(
                    language,
                    "Inga nya fritextsvar att göra kort av",
                    "No new free-text answers to make cards of",
                )
                .to_owned(),
                (cards, Some(into)) => pick(
                    language,
                    format!("{cards} fritextsvar blev kort i «{into}»"),
                    format!("{cards} free-text answers became cards in “{into}”"),
                ),
            },
            Notice::Cancelled => pick(language, "avbrutet", "cancelled").to_owned(),
            Notice::RoomClosed => pick(
                language,
                "Rummet är stängt: inga nya kort tas emot · w öppnar det igen",
                "The room is closed: no new cards are taken · w opens it again",
            )
            .to_owned(),
            Notice::TurnedAway { room_full: true } => pick(
                language,
                "En mobil kom inte in: rummet är fullt",
                "A phone was turned away: the room is full",
            )
            .to_owned(),
            Notice::TurnedAway { room_full: false } => pick(
                language,
                "En mobil kom inte in: dess uppkoppling har så många mobiler som rummet tar (--devices-per-address)",
                "A phone was turned away: its connection has as many phones as the room takes (--devices-per-address)",
            )
            .to_owned(),
            Notice::NewCode(Ok(code)) => format!(
                "{} {code} · {}",
                pick(language, "Ny kod:", "New code:"),
                pick(
                    language,
                    "mobiler som redan är med fortsätter som förut",
                    "phones already in carry on as before"
                )
            ),
            Notice::NewCode(Err(kind)) => format!(
                "{} ({})",
                pick(
                    language,
                    "Rummet fick ingen ny kod",
                    "The room got no new code"
                ),
                io_problem(*kind, language)
            ),
            Notice::RoomFailed(kind) => format!(
                "{} ({})",
                pick(
                    language,
                    "Rummet gick inte att öppna",
                    "The room could not be opened"
                ),
                io_problem(*kind, language)
            ),
            Notice::CardHidden(true) => pick(
                language,
                "Kortet är dolt för rummet och sammanställningen · d visar det igen",
                "The card is hidden from the room and the summary · d shows it again",
            )
            .to_owned(),
            Notice::NoGroup => pick(
                language,
                "Välj en grupp (1–9) för att byta dess namn",
                "Select a group (1–9) to rename it",
            )
            .to_owned(),
            Notice::MoveTo => pick(
                language,
                "Flytta kortet till grupp: 1–9, 0 helgrupp · annan tangent avbryter",
                "Move the card to group: 1–9, 0 the whole room · any other key cancels",
            )
            .to_owned(),
            Notice::EditCancelled => pick(
                language,
                "Avbrutet: inget sparades",
                "Cancelled: nothing saved",
            )
            .to_owned(),
            Notice::RoomVotes(Some(allowed)) => match language {
                Language::Sv => format!(
                    "Rummets sida markerar prioriteringar, högst {allowed} per grupp · P slutar"
                ),
                Language::En => format!(
                    "The room's page marks priorities, at most {allowed} per group · P stops it"
                ),
            },
            Notice::RoomDots(Some(dots)) => match language {
                Language::Sv => format!(
                    "Rummets sida tar emot prickar, {dots} per deltagare, på alla gruppers kort · P slutar"
                ),
                Language::En => format!(
                    "The room's page takes dots, {dots} per participant, on every group's cards · P stops it"
                ),
            },
            Notice::RoomDots(None) => pick(
                language,
                "Rummets sida tar inte längre emot prickar",
                "The room's page no longer takes dots",
            )
            .to_owned(),
            Notice::RoomVotes(None) => pick(
                language,
                "Rummets sida markerar inte längre prioriteringar",
                "The room's page no longer marks priorities",
            )
            .to_owned(),
            Notice::Wall(true) => pick(
                language,
                "Väggen är öppen: rummets sida visar alla gruppers kort · W stänger den",
                "The wall is open: the room's page shows every group's cards · W closes it",
            )
            .to_owned(),
            Notice::Wall(false) => pick(
                language,
                "Väggen är stängd: varje grupp ser sina egna kort",
                "The wall is closed: each group sees its own cards",
            )
            .to_owned(),
            Notice::PollClosed(true) => pick(
                language,
                "Enkäten är stängd för mobilerna · c öppnar den igen",
                "The survey is closed to phones · c opens it again",
            )
            .to_owned(),
            Notice::PollClosed(false) => pick(
                language,
                "Enkäten tar emot svar från mobilerna igen",
                "The survey takes answers from phones again",
            )
            .to_owned(),
            Notice::PollRevealed(true) => pick(
                language,
                "Resultaten visas för rummet (staplar, inga enskilda svar) · o döljer dem",
                "The results are shown to the room (bars, no one's answers) · o hides them",
            )
            .to_owned(),
            Notice::PollRevealed(false) => pick(
                language,
                "Resultaten är dolda för rummet",
                "The results are hidden from the room",
            )
            .to_owned(),
            Notice::CardHidden(false) => {
                pick(language, "Kortet visas igen", "The card is shown again").to_owned()
            }
            Notice::Regrouped { asked, now } if asked == now => pick(
                language,
                format!("Nu {now} grupper"),
                format!("Now {now} groups"),
            ),
            Notice::Regrouped { asked, now } => pick(
                language,
                format!("{now} grupper kvar: grupperna efter {asked} har kort eller deltagare"),
                format!("{now} groups kept: the groups after {asked} have cards or members"),
            ),
            Notice::PlanMoved { minutes_early } => pick(
                language,
                format!("Vi började {minutes_early} min före agendans tid: planen följer starten"),
                format!("Started {minutes_early} min before the agenda's time: the plan follows"),
            ),
            Notice::PollLine(problem) => format!(
                "{} · {}",
                line_problem(problem, language),
                pick(
                    language,
                    "raden väntar på att rättas (↑)",
                    "the line waits to be fixed (↑)"
                )
            ),
            Notice::Exported {
                path,
                copied,
                flagged,
            } => {
                let copied = match copied {
                    CopyNote::Copied => strings.copied,
                    CopyNote::Failed => strings.not_copied,
                };
                // The warning first: it is what must not be missed.
                let warning = match flagged {
                    0 => String::new(),
                    1 => pick(
                        language,
                        "⚠ 1 kort kan innehålla personuppgifter (⚠ på tavlan) · ".to_owned(),
                        "⚠ 1 card may hold personal data (⚠ on the board) · ".to_owned(),
                    ),
                    n => pick(
                        language,
                        format!("⚠ {n} kort kan innehålla personuppgifter (⚠ på tavlan) · "),
                        format!("⚠ {n} cards may hold personal data (⚠ on the board) · "),
                    ),
                };
                format!(
                    "{warning}{} {} · {copied}",
                    strings.summary_in,
                    short_path(path)
                )
            }
            Notice::ExportFailed(kind) => {
                format!(
                    "{} ({})",
                    strings.summary_failed,
                    io_problem(*kind, language)
                )
            }
        }
    }
}

/// A path short enough for a status line: its last two parts after `…/`
/// when the whole is long (`…/exports/2026-03-12-seminarium-3.md`).
fn short_path(path: &std::path::Path) -> String {
    let whole = path.display().to_string();
    if whole.chars().count() <= 40 {
        return whole;
    }
    let parts: Vec<_> = path.iter().collect();
    let last_two = parts[parts.len().saturating_sub(2)..]
        .iter()
        .map(|part| part.to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    format!("…/{last_two}")
}

/// What is wrong with a respondent line, with what was expected.
pub fn line_problem(problem: &LineProblem, language: Language) -> String {
    match problem {
        LineProblem::NoSector => pick(
            language,
            "sektor saknas först på raden (sk, so, hs, an, eller - om den inte anges)".to_owned(),
            "expected a sector first (sk, so, hs, an, or - if not given)".to_owned(),
        ),
        LineProblem::UnknownSector(code) => pick(
            language,
            format!("okänd sektor {code:?} (sk, so, hs, an, eller - om den inte anges)"),
            format!("unknown sector {code:?} (expected sk, so, hs, an, or - if not given)"),
        ),
        LineProblem::AnswerCount { found, expected } => pick(
            language,
            format!("{found} svar (det ska vara {expected}, ett per påstående)"),
            format!("{found} answers (expected {expected}, one per statement)"),
        ),
        LineProblem::DontKnowNotAllowed => pick(
            language,
            "\"vet ej\" är inte tillåtet i den här enkäten".to_owned(),
            "\"vet ej\" (don't know) is not allowed in this poll".to_owned(),
        ),
        LineProblem::TextCount { found, expected } => pick(
            language,
            format!("{found} fritextsvar efter | (det finns {expected} fritextfrågor)"),
            format!("{found} free-text answers after | (expected at most {expected})"),
        ),
        LineProblem::NotYesNo { token } => pick(
            language,
            format!("{token:?} är inget svar (j för ja, n för nej, - för tomt)"),
            format!("{token:?} is not an answer (expected y for yes, n for no or - for blank)"),
        ),
        LineProblem::NotAChoice { token, last } => pick(
            language,
            format!("{token:?} är inget alternativ (a–{last}, - för tomt)"),
            format!("{token:?} is not an option (expected a–{last} or - for blank)"),
        ),
        LineProblem::NotAnAnswer { token, min, max } => pick(
            language,
            format!("{token:?} är inget svar ({min}–{max}, x för vet ej eller - för tomt)"),
            format!(
                "{token:?} is not an answer (expected {min}–{max}, x for don't know or - for blank)"
            ),
        ),
    }
}

/// A file operation's failure in plain words; the system's own text is
/// English on most machines, so it is never shown as it is.
pub fn io_problem(kind: ErrorKind, language: Language) -> &'static str {
    use ErrorKind as K;
    match kind {
        K::NotFound => pick(
            language,
            "mappen eller filen finns inte",
            "no such file or folder",
        ),
        K::PermissionDenied => pick(language, "åtkomst nekad", "permission denied"),
        K::StorageFull => pick(language, "disken är full", "the disk is full"),
        K::ReadOnlyFilesystem => pick(language, "disken är skrivskyddad", "the disk is read-only"),
        K::NotADirectory => pick(
            language,
            "en del av sökvägen är ingen mapp",
            "part of the path is not a folder",
        ),
        K::IsADirectory => pick(language, "det är en mapp", "it is a folder"),
        K::AlreadyExists => pick(language, "finns redan", "already exists"),
        K::WouldBlock => pick(
            language,
            "används av ett annat program",
            "in use by another program",
        ),
        K::InvalidData | K::InvalidInput => pick(language, "ogiltigt innehåll", "invalid content"),
        K::TimedOut => pick(language, "tog för lång tid", "took too long"),
        K::AddrInUse => pick(
            language,
            "porten används redan",
            "the port is already in use",
        ),
        K::AddrNotAvailable => pick(
            language,
            "adressen finns inte på datorn",
            "the address is not this computer's",
        ),
        _ => pick(
            language,
            "oväntat fel från systemet",
            "unexpected error from the system",
        ),
    }
}
