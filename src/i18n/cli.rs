//! What the command line says: its output, its questions and its errors. A
//! command names the message and its values; the words are here, in both
//! languages, checked complete by the `match`.

use std::io::ErrorKind;
use std::path::PathBuf;

use super::notice::io_problem;
use super::{Language, pick, whole_number};
use crate::agenda::{AgendaError, Place, Problem, Syntax};
pub use crate::input_file::Unreadable;
use crate::session::Mismatch;
use crate::session::personal::Kind;

/// One thing the command line says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Say {
    // The data folder and its sessions.
    /// No data folder can be found.
    NoDataFolder,
    /// `SAMLA_HOME` names something that is no folder.
    DataFolderNotAFolder { path: PathBuf },
    /// No session has that id or path.
    NoSuchSession { name: String },
    /// `samla resume` without a session to resume.
    NothingToResume,
    /// `samla export` without a session.
    NothingToExport,
    /// `samla present` without a running session.
    NothingRunning,
    /// `samla poll import` without a session.
    NothingToImport,
    /// The screen ended with a card being typed: it is a draft.
    DraftKept,
    /// Messages one after the other, as one.
    Joined(Vec<Say>),
    /// The hint after a damaged session file: its backup.
    TryBackup { id: String },
    /// `samla sessions` with none.
    NoSessions { folder: PathBuf },
    /// The header of `samla sessions`, its id column `id_width` wide.
    SessionsHeader { id_width: usize },
    /// A session's state in `samla sessions`.
    SessionState { state: crate::session::SessionState },
    /// The series an agenda belongs to keeps sectors of its own, which its
    /// sessions use in place of the agenda's.
    SeriesSectors { series: String, names: Vec<String> },
    /// `samla resume` where several unfinished sessions hold something:
    /// above the list to choose from.
    SeveralToResume,
    /// One of them: its number, id, title, cards, forms and last change.
    ResumeChoice {
        number: usize,
        id: String,
        title: String,
        cards: usize,
        answers: usize,
        changed: String,
    },
    /// The question after the list; Enter takes the first.
    WhichToResume { count: usize },
    /// `samla resume` with several to choose from and no terminal to ask in.
    NameOneToResume { ids: Vec<String> },
    // Agendas.
    /// The header of `samla agendas`.
    AgendasHeader,
    /// Before the user's own agendas.
    OwnAgendas { folder: PathBuf },
    /// `samla agendas new` with an id that is no file name.
    BadAgendaId { id: String },
    /// `samla agendas new` where the agenda exists already.
    AgendaExists { path: PathBuf },
    /// The editor for a new agenda could not be started.
    NoEditor { editor: String },
    /// One of your own agendas takes the place of the bundled one of that id.
    Shadows,
    /// An agenda that does not load, in the list.
    InvalidAgenda { first_line: String },
    /// `samla validate` on a good file.
    ValidAgenda {
        file: String,
        segments: usize,
        minutes: u32,
    },
    // The run screen.
    /// The terminal cannot show the screen.
    NoTerminal { command: &'static str },
    /// The data folder refused the session; a copy was written elsewhere.
    EmergencyCopy {
        path: PathBuf,
        kind: ErrorKind,
        copy: PathBuf,
    },
    /// Neither the data folder nor the emergency copy could be written.
    NothingWritten {
        path: PathBuf,
        kind: ErrorKind,
        copy: PathBuf,
        copy_kind: ErrorKind,
    },
    // Locks.
    /// Another samla has the session open.
    SessionHeld { id: String, pid: Option<u32> },
    /// A running screen has a session of the series open.
    SeriesHeld { name: String, pid: Option<u32> },
    /// A lock could not be taken at all.
    CannotLock { what: Locked, kind: ErrorKind },
    /// The lock file is a symbolic link, which samla never follows.
    LockIsLink { path: PathBuf },
    // Series.
    /// A name with no letter or digit.
    BadSeriesName { name: String },
    /// No series of that name.
    NoSuchSeries { name: String },
    /// `samla series` with none.
    NoSeries,
    /// A series in the list.
    SeriesLine {
        name: String,
        groups: usize,
        members: usize,
        sessions: usize,
    },
    /// Heading of a series' sessions.
    SessionsHeading,
    /// One session of a series.
    SeriesSession {
        number: usize,
        id: String,
        title: String,
        cards: usize,
        present: usize,
    },
    /// A session of a series whose file is gone.
    SeriesSessionMissing { number: usize, id: String },
    /// Heading of a series' groups.
    GroupsHeading,
    /// A group of a series, with its members by sector.
    SeriesGroup {
        group: String,
        members: usize,
        sectors: String,
    },
    /// A group number out of range.
    NoSuchGroup { group: usize, groups: usize },
    /// A member added without a name.
    MemberNeedsName,
    /// No member with that id.
    NoSuchMember { id: u64 },
    /// A CSV file of answers that cannot be read at a line.
    CsvUnreadable { file: String, line: u64 },
    /// An import of more forms than one import takes.
    TooManyForms {
        file: String,
        forms: usize,
        max: usize,
    },
    /// A CSV row whose sector is none of the session's.
    CsvSector {
        file: String,
        line: u64,
        given: String,
    },
    /// A CSV cell that names none of its question's options.
    CsvOption {
        file: String,
        line: u64,
        question: usize,
        given: String,
        options: String,
    },
    /// `--sector` names no sector of the series.
    NoSuchSector { given: String, known: String },
    /// A session of the series left out of its summary.
    SeriesSessionLeftOut { id: String },
    // Export.
    /// Texts about to be sent that hold personal data: where each stands, and
    /// what it holds.
    PersonalData { flags: Vec<(String, Vec<Kind>)> },
    /// `--redact` replaced personal data in this many texts.
    Redacted { texts: usize },
    /// `--format csv` with `--series`.
    NoSeriesCsv,
    /// An export that could not be written.
    CannotWrite { path: PathBuf, kind: ErrorKind },
    /// The export is on the system clipboard.
    CopiedToClipboard,
    /// The export went to the terminal's clipboard.
    CopiedThroughTerminal,
    /// The copy failed; the file stands.
    NotCopied { file: Option<PathBuf> },
    /// `--open` could not open the file.
    CannotOpen { path: PathBuf },
    /// `--open` with `-o -`.
    OpenNeedsFile,
    /// `--copy` with `--format xlsx`.
    WorkbookNotCopied,
    // Polls.
    /// `--poll` names no poll.
    NoSuchPoll { id: String },
    /// The agenda has no poll.
    NoPoll,
    /// The agenda has several polls.
    WhichPoll { polls: usize },
    /// Bad lines in an answer file.
    BadLines { count: usize, file: String },
    /// Respondents imported.
    Imported {
        count: usize,
        title: String,
        path: PathBuf,
    },
    // Files that are read.
    /// A file that could not be read.
    CannotRead { file: String, reason: Unreadable },
    /// A session or series file that could not be read.
    FileUnreadable {
        file: String,
        kind: FileWord,
        reason: Unreadable,
    },
    /// A session or series file whose text is broken at a place.
    FileDamaged {
        file: String,
        kind: FileWord,
        line: usize,
        column: usize,
        detail: Syntax,
    },
    /// A session or series file with nothing in it.
    FileEmpty { file: String, kind: FileWord },
    /// A session or series file whose field points at nothing.
    FileInconsistent {
        file: String,
        kind: FileWord,
        field: String,
        detail: Mismatch,
    },
    /// A session or series file from a newer samla.
    FileTooNew {
        file: String,
        kind: FileWord,
        found: u32,
        supported: u32,
    },
    /// No agenda of that id or path.
    NoSuchAgenda {
        name: String,
        known: Vec<String>,
        closest: Option<String>,
    },
    /// An agenda whose text is broken at a place.
    AgendaSyntax {
        file: String,
        line: usize,
        column: usize,
        detail: Syntax,
    },
    /// An agenda that breaks rules: each with its segment (number, title), if any.
    AgendaInvalid {
        file: String,
        problems: Vec<Problem>,
    },
}

/// The kinds of file samla keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileWord {
    /// A session file.
    Session,
    /// A series file.
    Series,
}

impl FileWord {
    fn text(self, language: Language) -> &'static str {
        match (self, language) {
            (FileWord::Session, Language::Sv) => "sessionsfilen",
            (FileWord::Series, Language::Sv) => "seriefilen",
            (FileWord::Session, Language::En) => "the session file",
            (FileWord::Series, Language::En) => "the series file",
        }
    }
}

/// What a lock is for, as the user knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Locked {
    /// A session, by id.
    Session(String),
    /// A series, by name.
    Series(String),
}

/// Who holds a lock: "process" is the word in both languages.
fn holder(pid: Option<u32>) -> String {
    pid.map(|pid| format!(" (process {pid})"))
        .unwrap_or_default()
}

impl Say {
    /// The message in `language`.
    pub fn text(&self, language: Language) -> String {
        let sv = language == Language::Sv;
        let l = |sv_text: String, en_text: String| pick(language, sv_text, en_text);
        match self {
            Say::NoDataFolder => l(
                "hittar ingen datamapp: sätt SAMLA_HOME till en mapp som samla får använda".into(),
                "cannot find a data folder: set SAMLA_HOME to a folder samla may use".into(),
            ),
            Say::DataFolderNotAFolder { path } => l(
                format!("datamappen {} är ingen mapp (SAMLA_HOME ska vara en mapp som samla får använda)", path.display()),
                format!("the data folder {} is not a folder (expected SAMLA_HOME to name a folder samla may use)", path.display()),
            ),
            Say::NoSuchSession { name } => l(
                format!("ingen session {name:?}; `samla sessions` visar de sparade"),
                format!("no session {name:?}; `samla sessions` lists the saved ones"),
            ),
            Say::NothingToResume => l(
                "ingen påbörjad session att fortsätta; `samla sessions` visar de sparade".into(),
                "no unfinished session to resume; `samla sessions` lists the saved ones".into(),
            ),
            Say::NothingToExport => l(
                "ingen sparad session att exportera; kör ett seminarium först".into(),
                "no saved session to export; run a seminar first".into(),
            ),
            Say::NothingRunning => l(
                "ingen session pågår; starta en med `samla run`, eller ange en sparad: `samla present ID` (`samla sessions` visar dem)".into(),
                "no session is running; start one with `samla run`, or name a saved one: `samla present ID` (`samla sessions` lists them)".into(),
            ),
            Say::NothingToImport => l(
                "ingen sparad session att läsa in svaren i".into(),
                "no saved session to import into".into(),
            ),
            Say::DraftKept => l(
                "Kortet du skrev på finns kvar som utkast; `samla resume` öppnar det igen.".into(),
                "The card being typed is kept as a draft; `samla resume` opens it again.".into(),
            ),
            Say::Joined(parts) => parts.iter().map(|part| part.text(language)).collect(),
            Say::TryBackup { id } => l(
                format!("; `samla resume {id} --backup` öppnar versionen före den senaste ändringen"),
                format!("; `samla resume {id} --backup` opens the version before the last change"),
            ),
            Say::NoSessions { folder } => l(
                format!("Inga sparade sessioner i {}.", folder.display()),
                format!("No saved sessions in {}.", folder.display()),
            ),
            Say::SessionsHeader { id_width } => {
                let (started, changed, cards, state, title) = if sv {
                    ("START", "SENAST ÄNDRAD", "KORT", "LÄGE", "TITEL")
                } else {
                    ("STARTED", "LAST CHANGE", "CARDS", "STATE", "TITLE")
                };
                format!("{:<id_width$} {started:<16} {changed:<16} {cards:>5}  {state:<10}  {title}", "ID")
            }
            Say::SessionState { state } => {
                use crate::session::SessionState as State;
                let (sv_text, en_text) = match state {
                    State::Empty => ("tom", "empty"),
                    State::Running => ("öppen nu", "open now"),
                    State::Unfinished => ("pågår", "unfinished"),
                    State::Finished => ("klar", "finished"),
                };
                l(sv_text.into(), en_text.into())
            }
            Say::SeriesSectors { series, names } => l(
                format!(
                    "obs: serien ”{series}” har egna sektorer ({}), som gäller i stället för agendans",
                    names.join(", ")
                ),
                format!(
                    "note: the series “{series}” keeps sectors of its own ({}), which apply instead of the agenda's",
                    names.join(", ")
                ),
            ),
            Say::SeveralToResume => l(
                "Flera påbörjade sessioner finns:".into(),
                "Several unfinished sessions hold work:".into(),
            ),
            Say::ResumeChoice {
                number,
                id,
                title,
                cards,
                answers,
                changed,
            } => {
                let forms = match (answers, sv) {
                    (0, _) => String::new(),
                    (_, true) => format!(", {answers} enkätsvar"),
                    (_, false) => format!(", {answers} survey forms"),
                };
                l(
                    format!("  {number}) {id}: {title} ({cards} kort{forms}, ändrad {changed})"),
                    format!("  {number}) {id}: {title} ({cards} cards{forms}, changed {changed})"),
                )
            }
            Say::WhichToResume { count } => l(
                format!("Vilken vill du fortsätta? (1–{count}, Enter tar 1)"),
                format!("Which one do you want to resume? (1–{count}, Enter takes 1)"),
            ),
            Say::NameOneToResume { ids } => l(
                format!("flera påbörjade sessioner finns ({}); välj en med `samla resume ID`", ids.join(", ")),
                format!("several unfinished sessions hold work ({}); pick one with `samla resume ID`", ids.join(", ")),
            ),
            Say::AgendasHeader => {
                let (minutes, title) = if sv { ("MINUTER", "TITEL") } else { ("MINUTES", "TITLE") };
                format!("{:<22} {minutes:>7}  {title}", "ID")
            }
            Say::OwnAgendas { folder } => l(
                format!("\nDina egna, i {}:", folder.display()),
                format!("\nYour own, in {}:", folder.display()),
            ),
            Say::BadAgendaId { id } => l(
                format!("{id:?} duger inte som id: använd bokstäver a–z, siffror och bindestreck, t.ex. min-workshop"),
                format!("{id:?} is no id: use letters a–z, digits and dashes, e.g. my-workshop"),
            ),
            Say::AgendaExists { path } => l(
                format!("{} finns redan; välj ett annat id eller redigera den", path.display()),
                format!("{} exists already; pick another id or edit it", path.display()),
            ),
            Say::NoEditor { editor } => l(
                format!("kunde inte starta redigeraren {editor:?}; öppna filen själv och kontrollera den med samla validate"),
                format!("could not start the editor {editor:?}; open the file yourself and check it with samla validate"),
            ),
            Say::Shadows => l(
                "(ersätter den medföljande)".into(),
                "(in place of the bundled one)".into(),
            ),
            Say::InvalidAgenda { first_line } => l(
                format!("ogiltig: {first_line}"),
                format!("invalid: {first_line}"),
            ),
            Say::ValidAgenda { file, segments, minutes } => l(
                format!("{file}: ok ({segments} pass, {minutes} min)"),
                match segments {
                    1 => format!("{file}: ok (1 segment, {minutes} min)"),
                    _ => format!("{file}: ok ({segments} segments, {minutes} min)"),
                },
            ),
            Say::NoTerminal { command } => l(
                format!("det här är ingen terminal som går att rita i; `samla {command}` behöver en interaktiv terminal"),
                format!("this is no terminal to draw on; `samla {command}` needs an interactive terminal"),
            ),
            Say::EmergencyCopy { path, kind, copy } => l(
                format!(
                    "kunde inte spara {} ({}); en nödkopia finns i {} (`samla resume {}` öppnar den)",
                    path.display(), io_problem(*kind, language), copy.display(), copy.display()
                ),
                format!(
                    "could not save {} ({}); an emergency copy is in {} (`samla resume {}` opens it)",
                    path.display(), io_problem(*kind, language), copy.display(), copy.display()
                ),
            ),
            Say::NothingWritten { path, kind, copy, copy_kind } => l(
                format!(
                    "kunde inte spara {} ({}), inte heller en nödkopia i {} ({})",
                    path.display(), io_problem(*kind, language), copy.display(), io_problem(*copy_kind, language)
                ),
                format!(
                    "could not save {} ({}) nor an emergency copy in {} ({})",
                    path.display(), io_problem(*kind, language), copy.display(), io_problem(*copy_kind, language)
                ),
            ),
            Say::SessionHeld { id, pid } => l(
                format!("sessionen {id} är redan öppen i en annan samla{}; stäng den först, eller följ den med `samla present`", holder(*pid)),
                format!("session {id} is already open in another samla{}; close that one first, or use `samla present` to follow it", holder(*pid)),
            ),
            Say::SeriesHeld { name, pid } => l(
                format!("serien {name:?} är redan öppen i en annan samla{}; ändra grupperna i den skärmens grupplista (g), eller när dess session är slut", holder(*pid)),
                format!("series {name:?} is already open in another samla{}; change its groups on that screen's roster (g), or once its session has ended", holder(*pid)),
            ),
            Say::LockIsLink { path } => l(
                format!(
                    "{}: låsfilen är en symbolisk länk, och samla följer aldrig en sådan (ta bort länken och försök igen)",
                    path.display()
                ),
                format!(
                    "{}: the lock file is a symbolic link, which samla never follows (remove the link and try again)",
                    path.display()
                ),
            ),
            Say::CannotLock { what, kind } => {
                let problem = io_problem(*kind, language);
                match what {
                    Locked::Session(id) => l(
                        format!("kan inte låsa sessionen {id}: {problem}"),
                        format!("cannot lock session {id}: {problem}"),
                    ),
                    Locked::Series(name) => l(
                        format!("kan inte låsa serien {name:?}: {problem}"),
                        format!("cannot lock series {name:?}: {problem}"),
                    ),
                }
            }
            Say::BadSeriesName { name } => l(
                format!("{name:?} kan inte vara namnet på en serie (det ska innehålla bokstäver eller siffror)"),
                format!("{name:?} cannot name a series (expected letters or digits)"),
            ),
            Say::NoSuchSeries { name } => l(
                format!("ingen serie {name:?}; starta en med `samla run AGENDA --series {name:?}` (`samla series` visar dem)"),
                format!("no series {name:?}; start one with `samla run AGENDA --series {name:?}` (`samla series` lists them)"),
            ),
            Say::NoSeries => l(
                "Inga serier ännu; `samla run AGENDA --series NAMN` startar en.".into(),
                "No series yet; `samla run AGENDA --series NAME` starts one.".into(),
            ),
            Say::SeriesLine { name, groups, members, sessions } => l(
                format!("{name}: {groups} grupper, {members} deltagare, {sessions} sessioner"),
                format!("{name}: {groups} groups, {members} members, {sessions} sessions"),
            ),
            Say::SessionsHeading => l("\nSessioner:".into(), "\nSessions:".into()),
            Say::SeriesSession { number, id, title, cards, present } => l(
                format!("{number}. {id}  {title}  ({cards} kort, {present} närvarande)"),
                format!("{number}. {id}  {title}  ({cards} cards, {present} present)"),
            ),
            Say::SeriesSessionMissing { number, id } => l(
                format!("{number}. {id}  (filen saknas)"),
                format!("{number}. {id}  (file missing)"),
            ),
            Say::GroupsHeading => l("\nGrupper:".into(), "\nGroups:".into()),
            Say::SeriesGroup { group, members, sectors } => l(
                format!("  {group}: {members} deltagare ({sectors})"),
                format!("  {group}: {members} members ({sectors})"),
            ),
            Say::NoSuchGroup { group, groups } => l(
                format!("ingen grupp {group} (det ska vara 1 till {groups})"),
                format!("no group {group} (expected 1 to {groups})"),
            ),
            Say::MemberNeedsName => l(
                "en deltagare behöver ett namn".into(),
                "a member needs a name".into(),
            ),
            Say::NoSuchMember { id } => l(
                format!("ingen deltagare #{id}"),
                format!("no member #{id}"),
            ),
            Say::TooManyForms { file, forms, max } => l(
                format!(
                    "{file}: {} svarande, men en import tar högst {} (dela upp filen och importera delarna var för sig)",
                    whole_number(*forms, Language::Sv),
                    whole_number(*max, Language::Sv)
                ),
                format!(
                    "{file}: {} respondents, but one import takes at most {} (split the file and import the parts one by one)",
                    whole_number(*forms, Language::En),
                    whole_number(*max, Language::En)
                ),
            ),
            Say::CsvUnreadable { file, line } => l(
                format!("{file}:{line}: raden går inte att läsa som CSV (det ska vara en rubrikrad och sedan en svarande per rad)"),
                format!("{file}:{line}: the row cannot be read as CSV (expected a header row, then one respondent a row)"),
            ),
            Say::CsvSector { file, line, given } => l(
                format!("{file}:{line}: ingen sektor heter \"{given}\" (det ska vara en sektors namn, id eller kod, eller tomt)"),
                format!("{file}:{line}: no sector is called \"{given}\" (expected a sector's name, id or code, or nothing)"),
            ),
            Say::CsvOption {
                file,
                line,
                question,
                given,
                options,
            } => l(
                format!("{file}:{line}: fråga {question} har inget alternativ \"{given}\" (det ska vara ett av: {options}, eller tomt)"),
                format!("{file}:{line}: question {question} has no option \"{given}\" (expected one of: {options}, or nothing)"),
            ),
            Say::NoSuchSector { given, known } => l(
                format!("ingen sektor heter \"{given}\"; välj bland: {known}"),
                format!("no sector is called \"{given}\"; choose from: {known}"),
            ),
            Say::PersonalData { flags } => {
                let lines: Vec<String> = flags
                    .iter()
                    .map(|(place, kinds)| {
                        let kinds: Vec<&str> = kinds
                            .iter()
                            .map(|kind| super::personal_data_label(*kind, language))
                            .collect();
                        format!("\n  {place}: {}", kinds.join(", "))
                    })
                    .collect();
                let (sv_texts, en_texts) = match flags.len() {
                    1 => ("1 text".to_owned(), "1 text".to_owned()),
                    n => (format!("{n} texter"), format!("{n} texts")),
                };
                l(
                    format!(
                        "varning: {sv_texts} kan innehålla personuppgifter och skickas som de är (--redact tar bort dem):{}",
                        lines.concat()
                    ),
                    format!(
                        "warning: {en_texts} may hold personal data and go out as they are (--redact removes it):{}",
                        lines.concat()
                    ),
                )
            }
            Say::Redacted { texts } => l(
                format!("personuppgifter borttagna ur {texts} texter"),
                format!("personal data removed from {texts} texts"),
            ),
            Say::SeriesSessionLeftOut { id } => l(
                format!("sessionen {id} i serien saknas; den utelämnas"),
                format!("session {id} of the series is missing; left out"),
            ),
            Say::NoSeriesCsv => l(
                "en serie har ingen egen CSV; `--format xlsx` ger alla sessioners kort i ett blad, eller exportera varje sessions med `samla export SESSION --format csv`".into(),
                "a series has no CSV of its own; `--format xlsx` gives every session's cards in one sheet, or export each session's with `samla export SESSION --format csv`".into(),
            ),
            Say::CannotWrite { path, kind } => l(
                format!("kan inte skriva {}: {}", path.display(), io_problem(*kind, language)),
                format!("cannot write {}: {}", path.display(), io_problem(*kind, language)),
            ),
            Say::CopiedToClipboard => l("kopierad till urklipp".into(), "copied to the clipboard".into()),
            Say::CopiedThroughTerminal => l(
                "kopierad till urklipp, om terminalen tillåter det".into(),
                "copied to the clipboard, if the terminal allows it".into(),
            ),
            Say::NotCopied { file } => match file {
                Some(file) => l(
                    format!("kunde inte kopieras; sammanfattningen finns i {}", file.display()),
                    format!("could not copy; the summary is in {}", file.display()),
                ),
                None => l("kunde inte kopieras".into(), "could not copy".into()),
            },
            Say::CannotOpen { path } => l(
                format!("kan inte öppna {}", path.display()),
                format!("cannot open {}", path.display()),
            ),
            Say::OpenNeedsFile => l(
                "`--open` behöver en fil att öppna, inte `-o -`".into(),
                "`--open` needs a file to open, not `-o -`".into(),
            ),
            Say::WorkbookNotCopied => l(
                "en arbetsbok kan inte kopieras som text; skriv den till en fil och öppna den med `--open`".into(),
                "a workbook cannot be copied as text; write it to a file and open it with `--open`".into(),
            ),
            Say::NoSuchPoll { id } => l(
                format!("inget enkätpass med id {id:?} i den här sessionen"),
                format!("no poll segment with id {id:?} in this session"),
            ),
            Say::NoPoll => l(
                "den här sessionens agenda har ingen enkät".into(),
                "this session's agenda has no poll".into(),
            ),
            Say::WhichPoll { polls } => l(
                format!("den här sessionens agenda har {polls} enkäter; välj en med `--poll SEGMENT_ID`"),
                format!("this session's agenda has {polls} polls; name one with `--poll SEGMENT_ID`"),
            ),
            Say::BadLines { count, file } => l(
                format!("{count} felaktiga rader i {file}; inget lästes in"),
                format!("{count} bad lines in {file}; nothing was imported"),
            ),
            Say::Imported { count, title, path } => l(
                format!("{count} svarande inlästa i \"{title}\" i {}", path.display()),
                format!("{count} respondents imported into \"{title}\" of {}", path.display()),
            ),
            Say::CannotRead { file, reason } => l(
                format!("{file}: kan inte läsa filen: {}", reason.text(language)),
                format!("{file}: cannot read the file: {}", reason.text(language)),
            ),
            Say::FileUnreadable { file, kind, reason } => l(
                format!("{file}: kan inte läsa {}: {}", kind.text(language), reason.text(language)),
                format!("{file}: cannot read {}: {}", kind.text(language), reason.text(language)),
            ),
            Say::FileDamaged { file, kind, line, column, detail } => l(
                format!("{file}:{line}:{column}: {} är skadad: {}", kind.text(language), detail.text(language)),
                format!("{file}:{line}:{column}: {} is damaged: {}", kind.text(language), detail.text(language)),
            ),
            Say::FileEmpty { file, kind } => l(
                format!("{file}: {} är tom", kind.text(language)),
                format!("{file}: {} is empty", kind.text(language)),
            ),
            Say::FileInconsistent { file, kind, field, detail } => l(
                format!("{file}: {} är skadad: {field}: {}", kind.text(language), detail.text(language)),
                format!("{file}: {} is damaged: {field}: {}", kind.text(language), detail.text(language)),
            ),
            Say::FileTooNew { file, kind, found, supported } => {
                let (sv_kind, en_kind) = match kind {
                    FileWord::Session => ("sessions", "session"),
                    FileWord::Series => ("serie", "series"),
                };
                l(
                    format!("{file}: skriven av en nyare samla ({sv_kind}format {found}, den här läser upp till {supported})"),
                    format!("{file}: written by a newer samla ({en_kind} format {found}, this one reads up to {supported})"),
                )
            }
            Say::NoSuchAgenda {
                name,
                closest: Some(closest),
                ..
            } => l(
                format!("{name}: ingen sådan agenda – menade du {closest}?"),
                format!("{name}: no such agenda – did you mean {closest}?"),
            ),
            Say::NoSuchAgenda { name, known, closest: None } => l(
                format!("{name}: ingen sådan agenda (det ska vara en sökväg till en .ron-fil eller något av: {})", known.join(", ")),
                format!("{name}: no such agenda (expected a path to a .ron file or one of: {})", known.join(", ")),
            ),
            Say::AgendaSyntax { file, line, column, detail } => {
                format!("{file}:{line}:{column}: {}", detail.text(language))
            }
            Say::AgendaInvalid { file, problems } => problems
                .iter()
                .map(|Problem { at, place, rule }| {
                    let detail = rule;
                    let file = match at {
                        Some((line, column)) => format!("{file}:{line}:{column}"),
                        None => file.clone(),
                    };
                    match place {
                        Place::Segment { number, title } => l(
                            format!("{file}: pass {number} \"{title}\": {}", detail.text(language)),
                            format!("{file}: segment {number} \"{title}\": {}", detail.text(language)),
                        ),
                        Place::Agenda => format!("{file}: {}", detail.text(language)),
                    }
                })
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }
}

/// A message as an error the command line reports in its language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said(pub Say);

impl std::fmt::Display for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.text(Language::En))
    }
}

impl std::error::Error for Said {}

impl From<Say> for Said {
    fn from(say: Say) -> Self {
        Said(say)
    }
}

impl From<&AgendaError> for Say {
    fn from(error: &AgendaError) -> Self {
        match error.clone() {
            AgendaError::Read { file, reason } => Say::CannotRead { file, reason },
            AgendaError::Unknown {
                name,
                known,
                closest,
            } => Say::NoSuchAgenda {
                name,
                known,
                closest,
            },
            AgendaError::Syntax {
                file,
                line,
                column,
                problem,
            } => Say::AgendaSyntax {
                file,
                line,
                column,
                detail: problem,
            },
            AgendaError::Invalid { file, problems } => Say::AgendaInvalid { file, problems },
        }
    }
}
