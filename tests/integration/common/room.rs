//! The room's page as tests reach it: the run screen with its room open on
//! 127.0.0.1 (in this process, or the real binary in a pseudo-terminal where
//! a test kills it or starves it), and devices that talk HTTP to it over
//! loopback, each with its own cookie, as separate phones would.

use portable_pty::ExitStatus;
use std::path::Path;
use std::time::Duration;

use samla::room::Door;
use tempfile::TempDir;
use ureq::Agent;

use super::in_process::{Ended, InProcessApp};
use super::pty::{PtyApp, status_line_drawn, wait_for_file};

/// The run screen of a room: in this process, or in a pseudo-terminal.
pub enum RunScreen {
    /// The loop on a test buffer in this process.
    InProcess(InProcessApp),
    /// The binary in a pseudo-terminal.
    Pty(PtyApp),
}

/// How a run screen ended.
pub enum Exit {
    /// The process's status.
    Process(ExitStatus),
    /// The in-process run's outcome.
    InProcess(Ended),
}

impl Exit {
    /// Whether it ended with exit code 0.
    pub fn success(&self) -> bool {
        match self {
            Exit::Process(status) => status.success(),
            Exit::InProcess(ended) => ended.success(),
        }
    }
}

impl RunScreen {
    /// Types `keys` as the terminal sends them.
    pub fn send(&mut self, keys: &[u8]) {
        match self {
            RunScreen::InProcess(app) => app.send(keys),
            RunScreen::Pty(app) => app.send(keys),
        }
    }

    /// Waits until the screen satisfies `ready`, and returns it.
    pub fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        match self {
            RunScreen::InProcess(app) => app.wait_for(what, ready),
            RunScreen::Pty(app) => app.wait_for(what, ready),
        }
    }

    /// Waits until the screen shows `text`.
    pub fn wait_for_text(&self, text: &str) -> String {
        self.wait_for(text, |screen| screen.contains(text))
    }

    /// The screen as it is.
    pub fn screen(&self) -> String {
        match self {
            RunScreen::InProcess(app) => app.screen(),
            RunScreen::Pty(app) => app.screen(),
        }
    }

    /// Quits with Ctrl+Q and waits for the end.
    pub fn quit(&mut self) -> Exit {
        match self {
            RunScreen::InProcess(app) => Exit::InProcess(app.quit()),
            RunScreen::Pty(app) => Exit::Process(app.quit()),
        }
    }

    /// The binary in its pseudo-terminal, for what only a process has.
    fn process(&mut self) -> &mut PtyApp {
        match self {
            RunScreen::Pty(app) => app,
            RunScreen::InProcess(_) => {
                panic!("only a room started with OpenRoom::start_in_terminal is a process")
            }
        }
    }

    /// Kills the process with SIGKILL and reaps it.
    pub fn kill9(&mut self) {
        self.process().kill9();
    }

    /// The process's id.
    pub fn pid(&mut self) -> u32 {
        self.process().pid()
    }

    /// Waits up to `limit` for the process to exit.
    pub fn wait_exit(&mut self, limit: Duration) -> Option<ExitStatus> {
        self.process().wait_exit(limit)
    }

    /// Stops reading the terminal's output, as a frozen window does.
    pub fn hold_output(&mut self) {
        self.process().hold_output();
    }

    /// Reads the terminal's output again.
    pub fn release_output(&mut self) {
        self.process().release_output();
    }

    /// Resizes the terminal.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.process().resize(cols, rows);
    }
}

/// A run screen with its room open, listening on loopback only.
pub struct OpenRoom {
    /// The run screen.
    pub app: RunScreen,
    /// Its data folder.
    pub home: TempDir,
    /// Where the room is reached.
    pub door: Door,
}

impl OpenRoom {
    /// `samla run AGENDA --room` with `groups` groups in a 120×40 terminal, its
    /// join screen dismissed; only 127.0.0.1 is listened on, on any free port.
    /// Every phone of a test comes from 127.0.0.1, as from behind one venue
    /// router, so the room takes up to 1,000 devices from one address.
    pub fn start(agenda: &str, groups: u32) -> Self {
        Self::start_in(
            tempfile::tempdir().expect("a temporary folder"),
            agenda,
            groups,
        )
    }

    /// Like [`OpenRoom::start`], on an agenda of the home's own: `text`
    /// saved as `agendas/ID.ron`.
    pub fn start_on_own(id: &str, text: &str, groups: u32) -> Self {
        let home = tempfile::tempdir().expect("a temporary folder");
        let agendas = home.path().join("agendas");
        std::fs::create_dir_all(&agendas).expect("the agendas folder");
        std::fs::write(agendas.join(format!("{id}.ron")), text).expect("the agenda");
        Self::start_in(home, id, groups)
    }

    /// Like [`OpenRoom::start`] with one group, on the agenda file at `path`
    /// (from the crate's folder), as the home's own agenda `id`.
    pub fn start_on_file(id: &str, path: &str) -> Self {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
        let text = std::fs::read_to_string(path).expect("the agenda file");
        Self::start_on_own(id, &text, 1)
    }

    /// The first poll's only respondent, once the session file has them.
    pub fn only_respondent(&self) -> samla::session::Respondent {
        let file = wait_for_file(self.home(), "the answer", |file| {
            file.session
                .polls
                .get(&samla::session::SegmentIx(0))
                .is_some_and(|poll| poll.respondents.len() == 1)
        });
        file.session.polls[&samla::session::SegmentIx(0)].respondents[0].clone()
    }

    /// Like [`OpenRoom::start`], in a home prepared beforehand (e.g. with
    /// agendas of its own).
    pub fn start_in(home: tempfile::TempDir, agenda: &str, groups: u32) -> Self {
        Self::start_with(
            home,
            agenda,
            groups,
            &["--devices-per-address", "1000"],
            Where::InProcess,
        )
    }

    /// Like [`OpenRoom::start`], with the room's time limits for clients
    /// (headers, request, answering after closing) `limit_ms` long, so that
    /// a test of them waits a moment rather than the room's 10 s.
    pub fn start_with_time_limits(agenda: &str, groups: u32, limit_ms: u64) -> Self {
        let home = tempfile::tempdir().expect("a temporary folder");
        let limit = limit_ms.to_string();
        let extra = ["--devices-per-address", "1000", "--time-limits-ms", &limit];
        Self::start_with(home, agenda, groups, &extra, Where::InProcess)
    }

    /// Like [`OpenRoom::start`], the binary in a pseudo-terminal: for a test
    /// that kills it, counts its sockets or limits its files.
    pub fn start_in_terminal(agenda: &str, groups: u32) -> Self {
        let home = tempfile::tempdir().expect("a temporary folder");
        Self::start_in_terminal_at(home, agenda, groups)
    }

    /// Like [`OpenRoom::start_in_terminal`], in a home prepared beforehand.
    pub fn start_in_terminal_at(home: tempfile::TempDir, agenda: &str, groups: u32) -> Self {
        let extra = ["--devices-per-address", "1000"];
        Self::start_with(home, agenda, groups, &extra, Where::Pty)
    }

    /// `samla run AGENDA --room` as a facilitator starts it, with the room's
    /// limits of devices per address as they are by default.
    pub fn start_as_it_comes(agenda: &str, groups: u32) -> Self {
        let home = tempfile::tempdir().expect("a temporary folder");
        Self::start_with(home, agenda, groups, &[], Where::Pty)
    }

    /// Like [`OpenRoom::start_in`] with `extra` arguments.
    fn start_with(
        home: tempfile::TempDir,
        agenda: &str,
        groups: u32,
        extra: &[&str],
        place: Where,
    ) -> Self {
        let groups = groups.to_string();
        let mut args = vec![
            "run",
            agenda,
            "--groups",
            &groups,
            "--room",
            "--bind",
            "127.0.0.1",
            "--port",
            "0",
        ];
        args.extend_from_slice(extra);
        let (app, door) = open_in(home.path(), &args, None, place);
        Self { app, home, door }
    }

    /// Starts the room's session again after the run screen ended (quit, or
    /// killed): `samla resume --room` on loopback, its join screen dismissed.
    pub fn resume(&mut self) {
        let args = [
            "resume",
            "--room",
            "--bind",
            "127.0.0.1",
            "--port",
            "0",
            "--devices-per-address",
            "1000",
        ];
        let place = match self.app {
            RunScreen::InProcess(_) => Where::InProcess,
            RunScreen::Pty(_) => Where::Pty,
        };
        let (app, door) = open_in(self.home.path(), &args, Some(&self.door), place);
        self.app = app;
        self.door = door;
    }

    /// The first device of the room, as `device` was, now at the room's
    /// address after a restart (the same cookie).
    pub fn moved(&self, mut device: Device) -> Device {
        device.base.clone_from(&self.door.url);
        device
    }

    /// Presses `n` until the run screen shows the segment titled `title`.
    pub fn go_to(&mut self, title: &str) {
        for _ in 0..20 {
            if super::pty::session_files(self.home.path())
                .first()
                .and_then(|path| samla::store::SessionFile::load(path).ok())
                .is_some_and(|file| file.session.current_segment().title == title)
            {
                return;
            }
            let before = self.current();
            self.app.send(b"n");
            wait_for_file(self.home.path(), "the next segment", |file| {
                file.session.current != before
            });
        }
        panic!("no segment titled {title}");
    }

    fn current(&self) -> samla::session::SegmentIx {
        wait_for_file(self.home.path(), "the session", |_| true)
            .session
            .current
    }

    /// A new device (a phone) that has not joined.
    pub fn device(&self) -> Device {
        Device::new(&self.door.url)
    }

    /// A device that joined with the right code.
    pub fn joined_device(&self) -> Device {
        let mut device = self.device();
        let (status, _) = device.join(&self.door.code);
        assert_eq!(status, 303, "the right code lets a device in");
        device
    }

    /// The data folder.
    pub fn home(&self) -> &Path {
        self.home.path()
    }
}

/// Where a room's run screen runs.
#[derive(Clone, Copy)]
enum Where {
    InProcess,
    Pty,
}

/// `samla ARGS` in `home` with its room open on loopback (at another
/// address than `before`, where it opened before), its join screen dismissed.
fn open_in(home: &Path, args: &[&str], before: Option<&Door>, place: Where) -> (RunScreen, Door) {
    let app = match place {
        Where::InProcess => RunScreen::InProcess(InProcessApp::spawn(args, home, 120, 40)),
        Where::Pty => RunScreen::Pty(PtyApp::spawn(args, home, 120, 40)),
    };
    let file = wait_for_file(home, "the room's door", |file| {
        file.room
            .as_ref()
            .is_some_and(|door| before.is_none_or(|before| door.url != before.url))
    });
    let door = file.room.expect("the door");
    assert!(
        door.url.starts_with("http://127.0.0.1:"),
        "tests reach the room over loopback only: {}",
        door.url
    );
    app.wait_for_text(&door.code);
    let mut app = app;
    app.send(b"\x1b");
    app.wait_for("the join screen to close", |screen| {
        status_line_drawn(screen) && !screen.contains("w stänger rummet")
    });
    (app, door)
}

/// One phone: an HTTP client with its own cookie, that never follows redirects.
pub struct Device {
    agent: Agent,
    base: String,
    cookie: Option<String>,
}

/// What a response came to: its status and its body (or where it redirects).
pub type Answer = (u16, String);

impl Device {
    pub fn new(base: &str) -> Self {
        let agent: Agent = Agent::config_builder()
            .max_redirects(0)
            .http_status_as_error(false)
            .timeout_global(Some(std::time::Duration::from_secs(15)))
            // The room closes a connection that waits 10 s for its next
            // request; a phone whose last request is older opens a new one,
            // as a browser does, rather than send into one being closed.
            .max_idle_age(std::time::Duration::from_secs(5))
            .build()
            .into();
        Self {
            agent,
            base: base.to_owned(),
            cookie: None,
        }
    }

    fn answer(
        &mut self,
        response: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
    ) -> Answer {
        let mut response = response.expect("the room answers");
        let status = response.status().as_u16();
        if let Some(cookie) = response.headers().get("set-cookie") {
            let cookie = cookie.to_str().expect("an ASCII cookie");
            self.cookie = cookie.split(';').next().map(str::to_owned);
        }
        let location = response
            .headers()
            .get("location")
            .and_then(|location| location.to_str().ok())
            .map(str::to_owned);
        let body = response.body_mut().read_to_string().unwrap_or_default();
        (status, location.unwrap_or(body))
    }

    /// The cookie the room gave it, as its requests carry it.
    pub fn cookie(&self) -> Option<&str> {
        self.cookie.as_deref()
    }

    /// GET `path`.
    pub fn get(&mut self, path: &str) -> Answer {
        let mut request = self.agent.get(format!("{}{path}", self.base));
        if let Some(cookie) = &self.cookie {
            request = request.header("Cookie", cookie);
        }
        let response = request.call();
        self.answer(response)
    }

    /// GET `path` for its status and content type only, without reading the
    /// body (an event stream never ends).
    pub fn head(&mut self, path: &str) -> Answer {
        let mut request = self.agent.get(format!("{}{path}", self.base));
        if let Some(cookie) = &self.cookie {
            request = request.header("Cookie", cookie);
        }
        let response = request.call().expect("the room answers");
        let kind = response
            .headers()
            .get("content-type")
            .and_then(|kind| kind.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        (response.status().as_u16(), kind)
    }

    /// POST the form `fields` to `path`.
    pub fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Answer {
        let mut request = self.agent.post(format!("{}{path}", self.base));
        if let Some(cookie) = &self.cookie {
            request = request.header("Cookie", cookie);
        }
        let response = request.send_form(fields.iter().copied());
        self.answer(response)
    }

    /// POST the form `fields` to `path`: the status, or `None` when no
    /// answer came (the server was killed).
    pub fn try_post(&mut self, path: &str, fields: &[(&str, &str)]) -> Option<u16> {
        let mut request = self.agent.post(format!("{}{path}", self.base));
        if let Some(cookie) = &self.cookie {
            request = request.header("Cookie", cookie);
        }
        let mut response = request.send_form(fields.iter().copied()).ok()?;
        // A page that stops half-way was cut off too.
        response.body_mut().read_to_string().ok()?;
        Some(response.status().as_u16())
    }

    /// Joins with `code`.
    pub fn join(&mut self, code: &str) -> Answer {
        self.post("/join", &[("code", code)])
    }

    /// The form check and the segment of group `group`'s page (1-based).
    pub fn form(&mut self, group: usize) -> (String, String) {
        self.form_of(&format!("/g/{group}"))
    }

    /// Answers the survey: `sector` as a paper line's code (`sk`, or `-`),
    /// then a value per statement (`4`, `x` for "vet ej", `-` for blank).
    pub fn answer_poll(&mut self, sector: &str, values: &[&str]) -> Answer {
        let (check, segment) = self.form_of("/poll");
        let names: Vec<String> = (0..values.len()).map(|index| format!("s{index}")).collect();
        let mut fields = vec![
            ("check", check.as_str()),
            ("segment", segment.as_str()),
            ("sector", sector),
        ];
        for (name, value) in names.iter().zip(values) {
            if *value != "-" {
                fields.push((name.as_str(), *value));
            }
        }
        self.post("/poll", &fields)
    }

    /// The form check and the segment of the form on the page at `path`.
    pub fn form_of(&mut self, path: &str) -> (String, String) {
        let (status, page) = self.get(path);
        assert_eq!(status, 200, "{page}");
        let html = scraper::Html::parse_document(&page);
        let value = |name: &str| {
            let selector =
                scraper::Selector::parse(&format!("input[name={name}]")).expect("a selector");
            html.select(&selector)
                .next()
                .and_then(|input| input.value().attr("value"))
                .unwrap_or_else(|| panic!("no {name} on the page:\n{page}"))
                .to_owned()
        };
        (value("check"), value("segment"))
    }

    /// Posts `text` as a card of group `group` (1-based), in `column` if given.
    pub fn post_card(&mut self, group: usize, text: &str, column: Option<&str>) -> Answer {
        let (check, segment) = self.form(group);
        let mut fields = vec![
            ("check", check.as_str()),
            ("segment", segment.as_str()),
            ("text", text),
        ];
        if let Some(column) = column {
            fields.push(("column", column));
        }
        self.post(&format!("/g/{group}/cards"), &fields)
    }
}

/// `devices` phones, joined, that start at once to do `work` (given the
/// phone's number and the phone); each thread returns what its work came to.
pub fn phones_at_once<T: Send + 'static>(
    room: &OpenRoom,
    devices: usize,
    work: impl Fn(usize, &mut Device) -> T + Clone + Send + 'static,
) -> Vec<std::thread::JoinHandle<T>> {
    let start = std::sync::Arc::new(std::sync::Barrier::new(devices + 1));
    let phones = (0..devices)
        .map(|number| {
            let mut device = room.joined_device();
            let start = std::sync::Arc::clone(&start);
            let work = work.clone();
            std::thread::spawn(move || {
                start.wait();
                work(number, &mut device)
            })
        })
        .collect();
    start.wait();
    phones
}

/// `devices` phones that start at once to post `each` cards apiece (phone N
/// into group N mod 12 + 1 of the room's 12); each returns how many were taken.
pub fn phones_posting(
    room: &OpenRoom,
    devices: usize,
    each: usize,
) -> Vec<std::thread::JoinHandle<usize>> {
    phones_at_once(room, devices, move |number, device| {
        let group = number % 12 + 1;
        (0..each)
            .filter(|card| {
                let text = format!("Telefon {number}, kort {card}");
                device.post_card(group, &text, None).0 == 303
            })
            .count()
    })
}

/// `devices` phones that start at once to answer the six-statement survey on
/// screen, phone N with the value N mod 5 + 1 to every statement; each
/// returns whether its answer was taken.
pub fn phones_answering(room: &OpenRoom, devices: usize) -> Vec<std::thread::JoinHandle<bool>> {
    phones_at_once(room, devices, |number, device| {
        let value = (number % 5 + 1).to_string();
        device.answer_poll("sk", &[value.as_str(); 6]).0 == 303
    })
}
