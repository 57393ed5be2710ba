//! What `samla doctor` says: a line per finding, the hints beneath, and the
//! verdict at the end, in both languages.

use std::io::ErrorKind;
use std::path::PathBuf;

use super::notice::io_problem;
use super::{Language, decimal, pick};

/// How a finding bears on the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    /// As samla needs it.
    Ok,
    /// Worth knowing; the day goes well without it.
    Note,
    /// Would spoil the day unless fixed.
    Problem,
}

/// One thing `samla doctor` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// Standard output is no terminal, so the terminal was not looked at.
    NotATerminal,
    /// The terminal's size, in characters.
    Size {
        columns: u16,
        rows: u16,
        verdict: Verdict,
    },
    /// How many colours the terminal says it shows; `off` when NO_COLOR asks for none.
    Colours { count: u16, off: bool },
    /// Whether å, ä, ö and box-drawing characters took one column each.
    Widths { expected: u16, measured: u16 },
    /// The terminal did not say where its cursor was.
    WidthsUnknown,
    /// No data folder can be found.
    NoDataFolder,
    /// The data folder took a synced file; `free` bytes are left for it,
    /// if the system said.
    DataFolder {
        path: PathBuf,
        free: Option<u64>,
        verdict: Verdict,
    },
    /// The data folder did not take a file.
    DataFolderRefused { path: PathBuf, kind: ErrorKind },
    /// Copies reach the system clipboard.
    ClipboardSystem,
    /// Copies go by the terminal's own clipboard (OSC 52).
    ClipboardTerminal,
    /// The room could listen; phones reach it at `url`, or at one of
    /// `others` from the computer's other networks. `usual` is false when
    /// samla's usual port was taken and another was free.
    Room {
        url: String,
        others: Vec<String>,
        usual: bool,
    },
    /// The room could listen, but the laptop is on no network phones could share.
    RoomNoNetwork { port: u16 },
    /// The room could not listen.
    RoomRefused { address: String, kind: ErrorKind },
    /// The user's own agendas, all valid (`count` may be 0).
    Agendas { count: usize, folder: PathBuf },
    /// One of the user's agendas does not load: what `validate` says of it.
    AgendaInvalid { message: String },
}

/// Advice printed under the room's line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    /// Guest networks keep devices apart; a hotspot does not.
    Network,
    /// Windows asks the first time samla listens: doctor's own try, or the room.
    Firewall,
}

/// The word that starts a finding's line.
pub fn verdict_word(verdict: Verdict, language: Language) -> &'static str {
    match verdict {
        Verdict::Ok => "ok",
        Verdict::Note => pick(language, "obs", "note"),
        Verdict::Problem => pick(language, "fel", "fail"),
    }
}

/// The heading over the findings.
pub fn doctor_heading(language: Language) -> &'static str {
    pick(
        language,
        "samla doctor: kontroll inför seminariet",
        "samla doctor: checks before the seminar",
    )
}

/// The last line: all well, or how many things need fixing.
pub fn doctor_verdict(problems: usize, notes: usize, language: Language) -> String {
    match (problems, language) {
        (0, Language::Sv) if notes == 0 => "Allt är klart inför seminariet.".into(),
        (0, Language::En) if notes == 0 => "All is ready for the seminar.".into(),
        (0, Language::Sv) => "Inget hindrar seminariet; läs det som är markerat obs.".into(),
        (0, Language::En) => {
            "Nothing stands in the seminar's way; read what is marked note.".into()
        }
        (1, Language::Sv) => "En sak behöver åtgärdas före seminariet (markerad fel).".into(),
        (1, Language::En) => "One thing needs fixing before the seminar (marked fail).".into(),
        (n, Language::Sv) => format!("{n} saker behöver åtgärdas före seminariet (markerade fel)."),
        (n, Language::En) => format!("{n} things need fixing before the seminar (marked fail)."),
    }
}

/// `bytes` in gigabytes or megabytes, in the language's way.
fn space(bytes: u64, language: Language) -> String {
    const MB: u64 = 1_000_000;
    const GB: u64 = 1_000 * MB;
    let gigabytes = bytes as f64 / GB as f64;
    if bytes >= GB {
        format!("{} GB", decimal(gigabytes, language))
    } else {
        format!("{} MB", bytes / MB)
    }
}

/// The room's addresses on the computer's other networks, after the one the
/// room shows; nothing when it is on one network.
fn other_networks(others: &[String], language: Language) -> String {
    if others.is_empty() {
        return String::new();
    }
    let list = others.join(", ");
    pick(
        language,
        format!(", eller på datorns andra nätverk {list}"),
        format!(", or on the computer's other networks {list}"),
    )
}

/// What the terminal's colour count means for the screen.
fn colours(count: u16, off: bool, language: Language) -> String {
    if off {
        return pick(
            language,
            "Färger: `NO_COLOR` är satt, så samla ritar i svartvitt".into(),
            "Colours: `NO_COLOR` is set, so samla draws in black and white".into(),
        );
    }
    match (count, language) {
        (u16::MAX, Language::Sv) => "Färger: miljontals, som samla vill ha".into(),
        (u16::MAX, Language::En) => "Colours: millions, as samla likes them".into(),
        (count, Language::Sv) if count >= 256 => format!("Färger: {count}, det räcker gott"),
        (count, Language::En) if count >= 256 => format!("Colours: {count}, plenty"),
        (count, Language::Sv) => format!(
            "Färger: terminalen säger att den visar {count}; samla fungerar men ser blekare ut. Windows Terminal eller en terminal med 256 färger ger de rätta"
        ),
        (count, Language::En) => format!(
            "Colours: the terminal says it shows {count}; samla works but looks paler. Windows Terminal, or a terminal with 256 colours, shows the right ones"
        ),
    }
}

impl Finding {
    /// How the finding bears on the day.
    pub fn verdict(&self) -> Verdict {
        match self {
            Finding::Size { verdict, .. } | Finding::DataFolder { verdict, .. } => *verdict,
            Finding::Colours { count, off } if *off || *count < 256 => Verdict::Note,
            Finding::Widths { expected, measured } if expected != measured => Verdict::Problem,
            Finding::Colours { .. }
            | Finding::Widths { .. }
            | Finding::ClipboardSystem
            | Finding::Agendas { .. } => Verdict::Ok,
            Finding::Room { usual, .. } if *usual => Verdict::Ok,
            Finding::NotATerminal
            | Finding::WidthsUnknown
            | Finding::ClipboardTerminal
            | Finding::Room { .. }
            | Finding::RoomNoNetwork { .. } => Verdict::Note,
            Finding::NoDataFolder
            | Finding::DataFolderRefused { .. }
            | Finding::RoomRefused { .. }
            | Finding::AgendaInvalid { .. } => Verdict::Problem,
        }
    }

    /// The finding in `language`, on one line.
    pub fn text(&self, language: Language) -> String {
        let l = |sv: String, en: String| pick(language, sv, en);
        match self {
            Finding::NotATerminal => l(
                "Terminalen: utdata går inte till en terminal, så storlek, färger och tecken kontrollerades inte. Kör `samla doctor` i terminalfönstret du ska använda".into(),
                "Terminal: output goes to no terminal, so size, colours and characters were not checked. Run `samla doctor` in the terminal window you will use".into(),
            ),
            Finding::Size { columns, rows, verdict: Verdict::Problem } => l(
                format!("Terminalen: {columns} × {rows} tecken är för litet för samla (minst {} × {}). Gör fönstret större eller texten mindre (Ctrl och minus)", crate::ui::MIN_WIDTH, crate::ui::MIN_HEIGHT),
                format!("Terminal: {columns} × {rows} characters is too small for samla (at least {} × {}). Make the window larger or the text smaller (Ctrl and minus)", crate::ui::MIN_WIDTH, crate::ui::MIN_HEIGHT),
            ),
            Finding::Size { columns, rows, verdict: Verdict::Note } => l(
                format!("Terminalen: {columns} × {rows} tecken räcker, men från {} × {} visas dagordningen bredvid passet", COMFORTABLE.0, COMFORTABLE.1),
                format!("Terminal: {columns} × {rows} characters will do, but from {} × {} the agenda is shown beside the segment", COMFORTABLE.0, COMFORTABLE.1),
            ),
            Finding::Size { columns, rows, verdict: Verdict::Ok } => l(
                format!("Terminalen: {columns} × {rows} tecken"),
                format!("Terminal: {columns} × {rows} characters"),
            ),
            Finding::Colours { count, off } => colours(*count, *off, language),
            Finding::Widths { expected, measured } if expected == measured => l(
                "Tecken: å, ä, ö och ramtecken tar en kolumn var, som samla räknar med".into(),
                "Characters: å, ä, ö and box-drawing characters take one column each, as samla counts them".into(),
            ),
            Finding::Widths { expected, measured } => l(
                format!("Tecken: å, ä, ö och ramtecken tog {measured} kolumner där samla räknar med {expected}, så rutorna hamnar snett. Välj ett typsnitt med ramtecken (Cascadia Mono, Consolas) och teckenkodning UTF-8"),
                format!("Characters: å, ä, ö and box-drawing characters took {measured} columns where samla counts {expected}, so boxes will be misdrawn. Choose a font with box-drawing characters (Cascadia Mono, Consolas) and the UTF-8 encoding"),
            ),
            Finding::WidthsUnknown => l(
                "Tecken: terminalen svarade inte på var markören stod, så teckenbredden kontrollerades inte".into(),
                "Characters: the terminal did not say where its cursor was, so the characters' width was not checked".into(),
            ),
            Finding::NoDataFolder => l(
                "Datamappen: hittar ingen; sätt SAMLA_HOME till en mapp som samla får använda".into(),
                "Data folder: none found; set SAMLA_HOME to a folder samla may use".into(),
            ),
            Finding::DataFolder { path, free: Some(free), verdict: Verdict::Problem } => l(
                format!("Datamappen: {} tar emot filer, men bara {} är ledigt; samla behöver minst {} för en dags sessioner och kopior. Frigör utrymme", path.display(), space(*free, language), space(LEAST_FREE, language)),
                format!("Data folder: {} takes files, but only {} is free; samla needs at least {} for a day's sessions and copies. Free some space", path.display(), space(*free, language), space(LEAST_FREE, language)),
            ),
            Finding::DataFolder { path, free: Some(free), .. } => l(
                format!("Datamappen: {} tar emot filer, {} ledigt", path.display(), space(*free, language)),
                format!("Data folder: {} takes files, {} free", path.display(), space(*free, language)),
            ),
            Finding::DataFolder { path, free: None, .. } => l(
                format!("Datamappen: {} tar emot filer", path.display()),
                format!("Data folder: {} takes files", path.display()),
            ),
            Finding::DataFolderRefused { path, kind } => l(
                format!("Datamappen: {} tar inte emot filer ({}); samla kan inte spara där. Sätt SAMLA_HOME till en mapp du får skriva i", path.display(), io_problem(*kind, language)),
                format!("Data folder: {} takes no files ({}); samla cannot save there. Set SAMLA_HOME to a folder you may write to", path.display(), io_problem(*kind, language)),
            ),
            Finding::ClipboardSystem => l(
                "Urklipp: samla når datorns urklipp".into(),
                "Clipboard: samla reaches the computer's clipboard".into(),
            ),
            Finding::ClipboardTerminal => l(
                "Urklipp: datorns urklipp går inte att nå härifrån, så kopior går via terminalen (de flesta terminaler tar emot dem). Spara annars sammanfattningen som fil med `samla export`".into(),
                "Clipboard: the computer's clipboard is out of reach here, so copies go through the terminal (most terminals take them). Otherwise save the summary as a file with `samla export`".into(),
            ),
            Finding::Room { url, others, usual: true } => l(
                format!("Rummet: porten är ledig; telefonerna går till {url}{}", other_networks(others, language)),
                format!("Room: the port is free; phones go to {url}{}", other_networks(others, language)),
            ),
            Finding::Room { url, others, usual: false } => l(
                format!("Rummet: samlas vanliga port är upptagen av ett annat program, så rummet tar en annan; telefonerna går till {url}{} (adressen och QR-koden visas när rummet öppnas)", other_networks(others, language)),
                format!("Room: samla's usual port is taken by another program, so the room takes another; phones go to {url}{} (the address and QR code are shown when the room opens)", other_networks(others, language)),
            ),
            Finding::RoomNoNetwork { port } => l(
                format!("Rummet: port {port} är ledig, men datorn är inte ansluten till något nätverk som telefonerna kan dela. Anslut till lokalens nätverk eller en mobil surfzon före seminariet"),
                format!("Room: port {port} is free, but the computer is on no network phones could share. Join the venue's network or a phone's hotspot before the seminar"),
            ),
            Finding::RoomRefused { address, kind } => l(
                format!("Rummet: kan inte lyssna på {address} ({}); telefonerna kommer inte fram. Välj en annan port med --port", io_problem(*kind, language)),
                format!("Room: cannot listen on {address} ({}); phones will not get through. Choose another port with --port", io_problem(*kind, language)),
            ),
            Finding::Agendas { count: 0, folder } => l(
                format!("Egna agendor: inga i {} ännu; de inbyggda är klara", folder.display()),
                format!("Own agendas: none in {} yet; the bundled ones are ready", folder.display()),
            ),
            Finding::Agendas { count, folder } => l(
                format!("Egna agendor: alla {count} i {} är giltiga", folder.display()),
                format!("Own agendas: all {count} in {} are valid", folder.display()),
            ),
            Finding::AgendaInvalid { message } => l(
                format!("Egen agenda: {message}"),
                format!("Own agenda: {message}"),
            ),
        }
    }
}

impl Hint {
    /// The hint in `language`.
    pub fn text(self, language: Language) -> &'static str {
        match self {
            Hint::Network => pick(
                language,
                "Gästnätverk (gäst-wifi) låter ofta inte enheterna nå varandra. Prova rummet med en telefon i förväg; går det inte, låt datorn och telefonerna använda en mobil surfzon",
                "Guest networks (guest Wi-Fi) often keep devices from reaching each other. Try the room with one phone beforehand; if it fails, put the computer and the phones on a phone's hotspot",
            ),
            Hint::Firewall => pick(
                language,
                "Windows brandvägg frågar första gången samla lyssnar, alltså nu eller när rummet öppnas: tillåt samla på privata nätverk. Är frågan spärrad på en jobbdator, be IT öppna porten",
                "Windows Firewall asks the first time samla listens, so now or when the room opens: allow samla on private networks. Where a work laptop blocks the question, ask IT to open the port",
            ),
        }
    }
}

/// Below this much free space the data folder spoils the day: a day's
/// session files, their backups and its documents fit many times over.
pub const LEAST_FREE: u64 = 100_000_000;

/// From this size the run screen shows the agenda beside the segment.
pub const COMFORTABLE: (u16, u16) = (100, 30);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn space_is_shown_in_gigabytes_to_a_tenth_and_megabytes_below() {
        assert_eq!(space(41_300_000_000, Language::Sv), "41,3 GB");
        assert_eq!(space(41_300_000_000, Language::En), "41.3 GB");
        assert_eq!(space(99_000_000, Language::Sv), "99 MB");
    }

    #[test]
    fn the_room_names_its_addresses_on_the_other_networks() {
        let room = Finding::Room {
            url: "http://192.168.1.23:8765".into(),
            others: vec![
                "http://10.0.0.5:8765".into(),
                "http://172.20.10.2:8765".into(),
            ],
            usual: true,
        };
        let text = room.text(Language::En);
        assert!(
            text.ends_with("http://192.168.1.23:8765, or on the computer's other networks http://10.0.0.5:8765, http://172.20.10.2:8765"),
            "{text}"
        );
        let alone = Finding::Room {
            url: "http://192.168.1.23:8765".into(),
            others: Vec::new(),
            usual: true,
        };
        assert!(
            alone
                .text(Language::Sv)
                .ends_with("går till http://192.168.1.23:8765")
        );
    }

    #[test]
    fn the_verdict_counts_problems_and_notes() {
        assert_eq!(
            doctor_verdict(0, 0, Language::En),
            "All is ready for the seminar."
        );
        assert!(doctor_verdict(0, 2, Language::Sv).contains("obs"));
        assert!(doctor_verdict(2, 0, Language::Sv).starts_with("2 saker"));
        assert!(doctor_verdict(1, 0, Language::En).starts_with("One thing"));
    }

    #[test]
    fn wrong_widths_and_refusals_spoil_the_day_and_the_clipboard_does_not() {
        let widths = Finding::Widths {
            expected: 12,
            measured: 18,
        };
        assert_eq!(widths.verdict(), Verdict::Problem);
        assert_eq!(
            Finding::Widths {
                expected: 12,
                measured: 12
            }
            .verdict(),
            Verdict::Ok
        );
        assert_eq!(Finding::ClipboardTerminal.verdict(), Verdict::Note);
        let refused = Finding::RoomRefused {
            address: "0.0.0.0:80".into(),
            kind: ErrorKind::PermissionDenied,
        };
        assert_eq!(refused.verdict(), Verdict::Problem);
        assert_eq!(
            Finding::Colours {
                count: 8,
                off: false
            }
            .verdict(),
            Verdict::Note
        );
        assert_eq!(
            Finding::Colours {
                count: 256,
                off: false
            }
            .verdict(),
            Verdict::Ok
        );
    }
}
