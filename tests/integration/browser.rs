//! The room's page in a real browser: headless Chromium at phone size, driven
//! over WebDriver (Debian's chromium-driver), against the real run screen's
//! room on 127.0.0.1. It joins, picks a group, posts in a column, edits the
//! card and sees the segment change live, while the run screen and the
//! session file show the card where it belongs; alone it writes on a page of
//! its own, and a group marks its priority once the facilitator lets it.

use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use samla::session::Lane;
use serde_json::json;

use crate::common::programs::available;
use crate::common::pty::wait_for_file;
use crate::common::room::OpenRoom;

const IN_A_YEAR: &str = "Vad kan vi göra inom ett år?";
/// How long the browser may take to show what the server sent.
const BROWSER_PATIENCE: Duration = Duration::from_secs(15);

/// chromedriver for every browser test of the run, started by the first:
/// its address, and the shell that stops it once the test process has ended.
static DRIVER: std::sync::OnceLock<(String, Child)> = std::sync::OnceLock::new();

/// The one chromedriver.
struct Driver {
    url: String,
}

impl Driver {
    fn start() -> Self {
        Self {
            url: DRIVER.get_or_init(start_driver).0.clone(),
        }
    }
}

/// Starts chromedriver on a free loopback port under a shell that waits
/// for the end of its input, a pipe from this process: when the test
/// process ends, the pipe closes and the shell stops chromedriver, so none
/// is left behind.
fn start_driver() -> (String, Child) {
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port();
    let script = format!(
        "chromedriver --port={port} --allowed-ips=127.0.0.1 >/dev/null 2>&1 & \
         driver=$!; cat >/dev/null; kill $driver"
    );
    let shell = Command::new("sh")
        .args(["-c", &script])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let deadline = Instant::now() + BROWSER_PATIENCE;
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "chromedriver does not listen");
        std::thread::sleep(Duration::from_millis(50));
    }
    (format!("http://127.0.0.1:{port}"), shell)
}

/// A browser with its own profile in `profile`, its viewport a phone's 390×844.
async fn phone(driver: &Driver, profile: &Path) -> Client {
    let emulation = json!({ "deviceMetrics": { "width": 390, "height": 844, "pixelRatio": 2.0 } });
    browser(driver, profile, Some(emulation), "390,844").await
}

/// A phone's browser that has joined the room at `url` with `code`.
async fn joined_phone(driver: &Driver, profile: &Path, url: &str, code: &str) -> Client {
    let browser = phone(driver, profile).await;
    join(&browser, url, code).await;
    browser
}

/// A browser with its own profile in `profile`, a laptop's 1280×800 window.
async fn laptop(driver: &Driver, profile: &Path) -> Client {
    browser(driver, profile, None, "1280,800").await
}

async fn browser(
    driver: &Driver,
    profile: &Path,
    mobile: Option<serde_json::Value>,
    window: &str,
) -> Client {
    let mut options = json!({
        "binary": "/usr/bin/chromium",
        "args": [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            // Nothing but the room's page: no lookups of Google's hosts,
            // which a closed network refuses, at every start.
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            format!("--window-size={window}"),
            format!("--user-data-dir={}", profile.display()),
        ],
    });
    if let Some(mobile) = mobile {
        options["mobileEmulation"] = mobile;
    }
    let mut capabilities = serde_json::Map::new();
    capabilities.insert("goog:chromeOptions".into(), options);
    ClientBuilder::new(HttpConnector::new())
        .capabilities(capabilities)
        .connect(&driver.url)
        .await
        .expect("a browser session")
}

/// Waits until `script` returns `true` in the page.
async fn until(browser: &Client, what: &str, script: &str) {
    let deadline = Instant::now() + BROWSER_PATIENCE;
    loop {
        let ready = browser.execute(script, vec![]).await.ok();
        if ready == Some(json!(true)) {
            return;
        }
        if Instant::now() > deadline {
            let source = browser.source().await.unwrap_or_default();
            panic!("waited for {what}; the page is:\n{source}");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Joins the room at `url` with `code` in `browser`, landing on the groups.
async fn join(browser: &Client, url: &str, code: &str) {
    browser.goto(url).await.expect("the join page");
    let field = browser
        .find(Locator::Css("#code"))
        .await
        .expect("the code field");
    field.send_keys(code).await.expect("typed");
    browser
        .find(Locator::Css("form button"))
        .await
        .expect("the join button")
        .click()
        .await
        .expect("joined");
    browser
        .wait()
        .at_most(BROWSER_PATIENCE)
        .for_element(Locator::Css("ul.groups"))
        .await
        .expect("the groups");
}

/// Follows the link reading `text`, then waits for the field `css` of the page it leads to.
async fn follow_to_field(browser: &Client, text: &str, css: &str) -> fantoccini::elements::Element {
    browser
        .find(Locator::LinkText(text))
        .await
        .unwrap_or_else(|_| panic!("the link {text}"))
        .click()
        .await
        .unwrap_or_else(|_| panic!("{text} followed"));
    browser
        .wait()
        .at_most(BROWSER_PATIENCE)
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|_| panic!("{css} after {text}"))
}

/// Clicks the element `css` finds.
async fn click(browser: &Client, css: &str) {
    browser
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|_| panic!("{css} on the page"))
        .click()
        .await
        .unwrap_or_else(|_| panic!("{css} clicked"));
}

/// Chromium's network switched off or on, as DevTools' "Offline" does it
/// (chromedriver's network conditions).
#[derive(Debug)]
struct Network {
    offline: bool,
}

impl fantoccini::wd::WebDriverCompatibleCommand for Network {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        let session = session_id.unwrap_or_default();
        base_url.join(&format!("session/{session}/chromium/network_conditions"))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        if !self.offline {
            return (http::Method::DELETE, None);
        }
        let conditions = json!({ "network_conditions": {
            "offline": true, "latency": 0, "download_throughput": 1_000_000, "upload_throughput": 1_000_000,
        }});
        (http::Method::POST, Some(conditions.to_string()))
    }
}

/// Whether Chromium and chromedriver are here (required with `CI` set).
fn browser_here() -> bool {
    available("chromedriver", "--version", "chromium-driver")
        && available("chromium", "--version", "chromium")
}

/// The runtime a test drives the browser from.
fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime")
}

/// Writes a screenshot to docs/ when examples are being regenerated.
async fn keep_screenshot(browser: &Client, name: &str) {
    if std::env::var_os("SAMLA_UPDATE_EXAMPLES").is_none() {
        return;
    }
    let png = browser.screenshot().await.expect("a screenshot");
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs")
        .join(name);
    std::fs::write(path, png).expect("the screenshot is written");
}

fn a_phone_joins_posts_in_a_column_edits_and_sees_the_segment_change_live(driver: &Driver) {
    let mut room = OpenRoom::start("seminarium-3", 2);
    room.go_to("Handlingsplan");
    let profile = tempfile::tempdir().expect("a profile folder");
    let runtime = runtime();
    let url = room.door.url.clone();
    let code = room.door.code.clone();
    let browser = runtime.block_on(async {
        let browser = phone(driver, profile.path()).await;
        browser.goto(&url).await.expect("the join page");
        keep_screenshot(&browser, "room-join.png").await;
        join(&browser, &url, &code.to_lowercase()).await;
        let text = follow_to_field(&browser, "Grupp 2", "#text").await;
        text.send_keys("Gemensam rutin för frånvaroanmälan")
            .await
            .expect("typed");
        browser
            .find(Locator::XPath(&format!(
                "//label[span[text()='{IN_A_YEAR}']]"
            )))
            .await
            .expect("the column")
            .click()
            .await
            .expect("column chosen");
        let fits = browser
            .execute(
                "return document.documentElement.scrollWidth <= window.innerWidth",
                vec![],
            )
            .await
            .expect("measured");
        assert_eq!(fits, json!(true), "the page scrolls sideways at 390 px");
        keep_screenshot(&browser, "room-write.png").await;
        browser
            .find(Locator::Css("#write form button"))
            .await
            .expect("the post button")
            .click()
            .await
            .expect("posted");
        until(
            &browser,
            "the card on the page",
            "return [...document.querySelectorAll('.card .text')].some(c => c.textContent === 'Gemensam rutin för frånvaroanmälan')",
        )
        .await;
        browser
    });
    room.app.wait_for_text("frånvaroanmälan");
    let file = wait_for_file(room.home(), "the card", |file| {
        file.session.cards.len() == 1
    });
    let card = &file.session.cards[0];
    assert_eq!(card.group, Lane::Group(1));
    assert_eq!(card.horizon.as_deref(), Some(IN_A_YEAR));
    runtime.block_on(async {
        let text = follow_to_field(&browser, "Ändra", "#text").await;
        text.clear().await.expect("cleared");
        text.send_keys("Gemensam rutin för frånvaroanmälan, före jul")
            .await
            .expect("typed");
        browser
            .find(Locator::Css("form button"))
            .await
            .expect("the save button")
            .click()
            .await
            .expect("saved");
        until(
            &browser,
            "the edited card",
            "return [...document.querySelectorAll('.card .text')].some(c => c.textContent.endsWith('före jul'))",
        )
        .await;
        // A mark that a reload would wipe: the change below must come live.
        browser
            .execute("window.samlaStayed = true; return true", vec![])
            .await
            .expect("marked");
    });
    wait_for_file(room.home(), "the edit", |file| {
        file.session.cards[0].text.ends_with("före jul")
    });
    room.app.send(b"n");
    runtime.block_on(async {
        until(
            &browser,
            "the next segment, live",
            "return document.querySelector('h1').textContent.startsWith('Avslutning') && window.samlaStayed === true",
        )
        .await;
        browser.close().await.expect("the browser closes");
    });
}

/// A phone's answers to seminarium-1's opening survey: a sector code, then
/// a value per statement (`x` for "vet ej").
type Form = (&'static str, [&'static str; 6]);

/// Answers the survey in `browser`: the sector, a choice per statement, send.
async fn answer_survey(browser: &Client, (sector, values): Form) {
    browser
        .goto(&format!(
            "{}/poll",
            browser
                .current_url()
                .await
                .expect("a page")
                .origin()
                .ascii_serialization()
        ))
        .await
        .expect("the survey");
    click(browser, &format!("label[for=sector-{sector}]")).await;
    for (statement, value) in values.iter().enumerate() {
        click(browser, &format!("label[for=s{statement}-{value}]")).await;
    }
    // A mark the page loses when the answer has been sent and the page comes back.
    browser
        .execute("window.samlaSending = true; return true", vec![])
        .await
        .expect("marked");
    click(browser, "#write form button").await;
    until(
        browser,
        "the thanks",
        "return window.samlaSending === undefined && document.body.textContent.includes('Tack! Dina svar är med')",
    )
    .await;
}

fn three_phones_answer_the_survey_a_fourth_changes_its_answer_and_paper_lines_join_the_tally(
    driver: &Driver,
) {
    let mut room = OpenRoom::start("seminarium-1", 2);
    let runtime = runtime();
    let phones: [Form; 3] = [
        ("sk", ["5", "4", "4", "3", "x", "2"]),
        ("so", ["4", "4", "3", "3", "2", "2"]),
        ("hs", ["3", "5", "5", "x", "4", "1"]),
    ];
    let first: Form = ("sk", ["1", "1", "1", "1", "1", "1"]);
    let changed: Form = ("an", ["2", "3", "4", "5", "x", "1"]);
    let paper = ["sk455445", "so344332", "sk5x5544", "hs111111", "an-22222"];
    let profile = tempfile::tempdir().expect("a profile");
    let (url, code) = (room.door.url.clone(), room.door.code.clone());
    runtime.block_on(async {
        // One browser, a new device each time its cookies go: a phone is
        // its cookie to the room, and a browser takes seconds to start.
        let browser = phone(driver, profile.path()).await;
        for (index, form) in phones.iter().enumerate() {
            browser.delete_all_cookies().await.expect("cookies gone");
            join(&browser, &url, &code).await;
            click(&browser, "a.button[href='/poll']").await;
            if index == 0 {
                until(
                    &browser,
                    "the survey",
                    "return document.querySelectorAll('fieldset.question').length === 7",
                )
                .await;
                keep_screenshot(&browser, "room-survey.png").await;
                // "Vet ej" sits on one line, as high as the values beside it.
                until(
                    &browser,
                    "\"Vet ej\" on one line",
                    "const one = document.querySelector('label[for=s0-1]'); \
                     const dont = document.querySelector('label[for=s0-x]'); \
                     return dont.offsetHeight === one.offsetHeight && dont.offsetTop === one.offsetTop",
                )
                .await;
            }
            answer_survey(&browser, *form).await;
        }
        browser.delete_all_cookies().await.expect("cookies gone");
        join(&browser, &url, &code).await;
        answer_survey(&browser, first).await;
        answer_survey(&browser, changed).await;
        browser.close().await.expect("closed");
    });
    room.app.send(b"i");
    room.app.wait_for_text("Enkätsvar, rad");
    for line in paper {
        room.app.send(format!("{line}\r").as_bytes());
    }
    room.app.send(b"\x1b");
    room.app
        .wait_for_text("9 svar (4 från mobiler, 5 på papper)");
    // What was sent, counted here: per statement, each value 1–5 and "vet ej".
    let mut expected = [[0u32; 6]; 6];
    let sent: Vec<[&str; 6]> = phones
        .iter()
        .map(|(_, values)| *values)
        .chain([changed.1])
        .collect();
    let typed: Vec<Vec<String>> = paper
        .iter()
        .map(|line| line[2..].chars().map(String::from).collect())
        .collect();
    let every = sent
        .iter()
        .map(|values| {
            values
                .iter()
                .map(|value| value.to_string())
                .collect::<Vec<_>>()
        })
        .chain(typed);
    for values in every {
        for (statement, value) in values.iter().enumerate() {
            match value.as_str() {
                "x" => expected[statement][5] += 1,
                "-" => {}
                digit => expected[statement][digit.parse::<usize>().expect("a digit") - 1] += 1,
            }
        }
    }
    let file = wait_for_file(room.home(), "nine respondents", |file| {
        file.session
            .polls
            .get(&samla::session::SegmentIx(0))
            .is_some_and(|poll| poll.respondents.len() == 9)
    });
    let results = file.session.statement_results(samla::session::SegmentIx(0));
    for (statement, result) in results.iter().enumerate() {
        let mut counted = result.counts.clone();
        counted.push(result.dont_know);
        assert_eq!(counted, expected[statement], "statement {statement}");
    }
    assert!(room.app.quit().success());
    let report =
        crate::common::samla_in(room.home(), room.home(), &["export", "--report", "-o", "-"]);
    let tables = crate::common::markdown::tables(&report.stdout);
    let distribution = tables
        .iter()
        .find(|table| {
            table
                .first()
                .is_some_and(|head| head.first().is_some_and(|cell| cell == "Påstående"))
        })
        .expect("the distribution table");
    for (statement, row) in distribution[1..].iter().enumerate() {
        let cells: Vec<u32> = row[1..7]
            .iter()
            .map(|cell| cell.parse().expect("a count"))
            .collect();
        assert_eq!(cells, expected[statement], "the summary's row {statement}");
    }
}

fn a_card_typed_on_the_run_screen_reaches_an_open_wall_live(driver: &Driver) {
    let mut room = OpenRoom::start("seminarium-3", 3);
    room.go_to("Handlingsplan");
    room.app.send(b"W");
    room.app.wait_for_text("Väggen är öppen");
    let profile = tempfile::tempdir().expect("a profile folder");
    let runtime = runtime();
    let (url, code) = (room.door.url.clone(), room.door.code.clone());
    let browser = runtime.block_on(async {
        let browser = joined_phone(driver, profile.path(), &url, &code).await;
        click(&browser, "a[href='/wall']").await;
        until(
            &browser,
            "the wall",
            "return document.querySelectorAll('.lane').length === 3",
        )
        .await;
        // A mark a reload would wipe: the card must come by itself.
        browser
            .execute("window.samlaStayed = true; return true", vec![])
            .await
            .expect("marked");
        browser
    });
    room.app.send(b"3a");
    room.app.wait_for_text("Nytt kort");
    room.app
        .send("Skolan ringer hem första frånvarodagen".as_bytes());
    room.app.send(b"\x1b");
    wait_for_file(room.home(), "the card on disk", |file| {
        file.session.cards.len() == 1
    });
    // That it comes live, with no reload; how soon depends on the machine's
    // load, which a test must not (it waited for one second once, and a busy
    // suite missed it).
    runtime.block_on(async {
        until(
            &browser,
            "the card on the wall, live",
            "return [...document.querySelectorAll('.lane')][2].textContent.includes('första frånvarodagen') && window.samlaStayed === true",
        )
        .await;
    });
    let laptop_profile = tempfile::tempdir().expect("a profile folder");
    runtime.block_on(async {
        // On a phone the groups stack; on a laptop they stand side by side.
        let top = "return [...document.querySelectorAll('.lane')].map(l => l.getBoundingClientRect().top)";
        let tops = browser.execute(top, vec![]).await.expect("measured");
        assert!(tops[0].as_f64() < tops[1].as_f64(), "stacked on a phone: {tops}");
        browser.close().await.expect("closed");
        let wide = laptop(driver, laptop_profile.path()).await;
        join(&wide, &url, &code).await;
        wide.goto(&format!("{url}/wall")).await.expect("the wall");
        until(&wide, "the wall", "return document.querySelectorAll('.lane').length === 3").await;
        let tops = wide.execute(top, vec![]).await.expect("measured");
        assert_eq!(tops[0], tops[2], "side by side on a laptop: {tops}");
        keep_screenshot(&wide, "room-wall.png").await;
        wide.close().await.expect("closed");
    });
}

fn a_phone_writes_alone_on_its_own_page_then_marks_its_groups_priority_live(driver: &Driver) {
    let mut room = OpenRoom::start("nulagesanalys", 3);
    let profile = tempfile::tempdir().expect("a profile folder");
    let runtime = runtime();
    let (url, code) = (room.door.url.clone(), room.door.code.clone());
    let browser = runtime.block_on(joined_phone(driver, profile.path(), &url, &code));
    room.go_to("Vad fungerar i dag?");
    runtime.block_on(async {
        browser.goto(&format!("{url}/groups")).await.expect("the groups");
        let text = follow_to_field(&browser, "Skriv dina egna kort", "#text").await;
        text.send_keys("Mentorerna ringer hem").await.expect("typed");
        click(&browser, "#write form button").await;
        until(
            &browser,
            "the card among the phone's own",
            "return [...document.querySelectorAll('.card .text')].some(c => c.textContent === 'Mentorerna ringer hem')",
        )
        .await;
        let fits = browser
            .execute("return document.documentElement.scrollWidth <= window.innerWidth", vec![])
            .await
            .expect("measured");
        assert_eq!(fits, json!(true), "the page scrolls sideways at 390 px");
    });
    let file = wait_for_file(room.home(), "the card alone", |file| {
        file.session.cards.len() == 1
    });
    assert_eq!(file.session.cards[0].group, Lane::Plenary);
    room.go_to("Analys: var ligger hindren?");
    room.app.send(b"1a");
    room.app.wait_for_text("Nytt kort");
    room.app.send("Ingen äger frågan".as_bytes());
    room.app.send(b"\x1b");
    wait_for_file(room.home(), "the matrix card", |file| {
        file.session.cards.len() == 2
    });
    runtime.block_on(async {
        browser
            .goto(&format!("{url}/g/1?set=blandade"))
            .await
            .expect("the group's page");
        until(
            &browser,
            "the group's card",
            "return document.querySelectorAll('.card').length === 1",
        )
        .await;
    });
    room.app.send(b"P");
    room.app.wait_for_text("markerar prioriteringar");
    runtime.block_on(async {
        until(
            &browser,
            "the mark button, live",
            "return document.querySelector(\"form[action$='/priority'] button\") !== null",
        )
        .await;
        click(&browser, "form[action$='/priority'] button").await;
        until(
            &browser,
            "the card marked",
            "return document.querySelector('.card.priority .mark') !== null && document.querySelector('.voting').textContent.endsWith('(1/3)')",
        )
        .await;
        browser.close().await.expect("closed");
    });
    let file = wait_for_file(room.home(), "the priority", |file| {
        file.session.cards.iter().any(|card| card.priority)
    });
    assert!(
        file.session
            .cards
            .iter()
            .any(|card| card.priority && card.text == "Ingen äger frågan")
    );
}

fn a_phone_answers_a_mixed_survey_with_boxes_and_words_and_it_fits_the_screen(driver: &Driver) {
    let room = OpenRoom::start_on_file("blandad", crate::common::survey::AGENDA);
    let runtime = runtime();
    let profile = tempfile::tempdir().expect("a profile folder");
    let (url, code) = (room.door.url.clone(), room.door.code.clone());
    runtime.block_on(async {
        let browser = joined_phone(driver, profile.path(), &url, &code).await;
        click(&browser, "a.button[href='/poll']").await;
        until(
            &browser,
            "the survey",
            "return document.querySelectorAll('fieldset.question').length === 8",
        )
        .await;
        for label in [
            "sector-so",
            "s0-4",
            "s1-3",
            "s2-3",
            "s3-0",
            "s4-0",
            "s5-1",
            "s5-2",
        ] {
            click(&browser, &format!("label[for={label}]")).await;
        }
        browser
            .find(Locator::Css("input[name=s6]"))
            .await
            .expect("the free text")
            .send_keys("Fler gemensamma möten")
            .await
            .expect("typed");
        let fits = browser
            .execute(
                "return document.documentElement.scrollWidth <= window.innerWidth",
                vec![],
            )
            .await
            .expect("measured");
        assert_eq!(
            fits,
            json!(true),
            "the survey scrolls sideways at phone width"
        );
        keep_screenshot(&browser, "room-survey-kinds.png").await;
        click(&browser, "#write form button").await;
        until(
            &browser,
            "the thanks",
            "return document.body.textContent.includes('Tack! Dina svar är med')",
        )
        .await;
        browser.close().await.expect("closed");
    });
    use samla::session::Answer;
    assert_eq!(
        room.only_respondent().answers,
        [
            Answer::Value(4),
            Answer::Value(3),
            Answer::Value(3),
            Answer::YES,
            Answer::Choice(0),
            Answer::Choices(vec![1, 2]),
            Answer::Text("Fler gemensamma möten".to_owned()),
        ]
    );
}

fn writing_beside_annat_ticks_it_before_the_answers_are_sent(driver: &Driver) {
    let mut room = OpenRoom::start("temadag", 4);
    room.go_to("Utvärdering av dagen");
    let runtime = runtime();
    let profile = tempfile::tempdir().expect("a profile folder");
    let (url, code) = (room.door.url.clone(), room.door.code.clone());
    runtime.block_on(async {
        let browser = joined_phone(driver, profile.path(), &url, &code).await;
        click(&browser, "a.button[href='/poll']").await;
        until(
            &browser,
            "the stem above its statements",
            "return document.querySelector('p.stem') !== null",
        )
        .await;
        browser
            .find(Locator::Css("input[name=s0-other]"))
            .await
            .expect("the line beside Annat")
            .send_keys("Fritidsgården")
            .await
            .expect("typed");
        until(
            &browser,
            "Annat ticked by writing",
            "return document.getElementById('s0-3').checked",
        )
        .await;
        click(&browser, "label[for=s1-4]").await;
        click(&browser, "#write form button").await;
        until(
            &browser,
            "the thanks",
            "return document.body.textContent.includes('Tack! Dina svar är med')",
        )
        .await;
        browser.close().await.expect("closed");
    });
    let file = wait_for_file(room.home(), "the answer", |file| {
        file.session
            .polls
            .values()
            .any(|poll| poll.respondents.len() == 1)
    });
    let respondent = &file
        .session
        .polls
        .values()
        .find(|poll| poll.respondents.len() == 1)
        .expect("the poll")
        .respondents[0];
    assert_eq!(respondent.answers[0], samla::session::Answer::Choice(3));
    assert_eq!(
        respondent.other.get(&0).map(String::as_str),
        Some("Fritidsgården")
    );
}

fn a_phone_gives_its_dots_across_the_groups_and_sees_what_it_has_left(driver: &Driver) {
    let mut room = OpenRoom::start("dialogmote", 4);
    room.go_to("Var finns hindren?");
    for (group, text) in [("1", "Ingen ringer hem"), ("2", "Sekretessen stoppar")] {
        let before = wait_for_file(room.home(), "the session", |_| true)
            .session
            .cards
            .len();
        room.app.send(format!("{group}a").as_bytes());
        room.app.wait_for_text("Nytt kort");
        room.app.send(text.as_bytes());
        room.app.send(b"\x1b");
        wait_for_file(room.home(), "the card", |file| {
            file.session.cards.len() == before + 1
        });
    }
    room.app.send(b"P");
    room.app.wait_for_text("tar emot prickar");
    let runtime = runtime();
    let profile = tempfile::tempdir().expect("a profile folder");
    let (url, code) = (room.door.url.clone(), room.door.code.clone());
    runtime.block_on(async {
        let browser = joined_phone(driver, profile.path(), &url, &code).await;
        click(&browser, "a.button[href='/dots']").await;
        until(
            &browser,
            "both groups' cards, each with its button",
            "return document.querySelectorAll(\"form[action$='/dot'] button\").length === 2",
        )
        .await;
        click(&browser, "form[action$='/dot'] button").await;
        until(
            &browser,
            "the dot given and two left",
            "return document.querySelectorAll('.card.dotted').length === 1 \
             && document.querySelector('.voting').textContent.startsWith('Du har 2 av 3')",
        )
        .await;
        let fits = browser
            .execute(
                "return document.documentElement.scrollWidth <= window.innerWidth",
                vec![],
            )
            .await
            .expect("measured");
        assert_eq!(fits, json!(true), "the dots scroll sideways at 390 px");
        browser.close().await.expect("closed");
    });
    let file = wait_for_file(room.home(), "the dot", |file| {
        file.session
            .cards
            .iter()
            .any(|card| !card.dotted_by.is_empty())
    });
    let dotted: Vec<&str> = file
        .session
        .cards
        .iter()
        .filter(|card| card.dot_count() == 1)
        .map(|card| card.text.as_str())
        .collect();
    assert_eq!(dotted, ["Ingen ringer hem"]);
}

fn a_phone_names_its_group_catches_up_after_being_offline_picks_anew_and_keeps_its_column(
    driver: &Driver,
) {
    let mut room = OpenRoom::start("nulagesanalys", 3);
    room.go_to("Nuläget i vår kommun");
    let profile = tempfile::tempdir().expect("a profile folder");
    let runtime = runtime();
    let (url, code) = (room.door.url.clone(), room.door.code.clone());
    let browser = runtime.block_on(async {
        let browser = joined_phone(driver, profile.path(), &url, &code).await;
        follow_to_field(&browser, "Grupp 2", "#text").await;
        until(
            &browser,
            "the group's name on its page",
            "return document.querySelector('.group').textContent === 'Din grupp: Grupp 2'",
        )
        .await;
        browser
            .execute("window.samlaStayed = true; return true", vec![])
            .await
            .expect("marked");
        browser
            .issue_cmd(Network { offline: true })
            .await
            .expect("offline");
        browser
    });
    // The break begins while the phone is offline: it cannot hear of it.
    room.go_to("Paus");
    runtime.block_on(async {
        let still = browser
            .execute("return document.querySelector('h1').textContent", vec![])
            .await
            .expect("read");
        assert_eq!(still, json!("Nuläget i vår kommun"), "offline, nothing came");
        browser
            .issue_cmd(Network { offline: false })
            .await
            .expect("online");
        until(
            &browser,
            "the break, caught up without a reload",
            "return document.querySelector('h1').textContent === 'Paus' && window.samlaStayed === true",
        )
        .await;
    });
    // The analysis splits the room in mixed groups: the phone picks its own.
    room.go_to("Analys: var ligger hindren?");
    runtime.block_on(async {
        until(
            &browser,
            "the new groups to pick from",
            "return document.querySelector('h1').textContent.startsWith('Nya grupper')",
        )
        .await;
        follow_to_field(&browser, "Blandad grupp 2", "#text").await;
        let page = browser.source().await.expect("the page");
        assert!(page.contains("Din grupp: <strong>Blandad grupp 2</strong>"), "{page}");
        assert!(page.contains("Vårt fokus: den första frånvarodagen."), "{page}");
        assert!(!page.contains("Vårt fokus: övergångar"), "another group's question: {page}");
        let text = browser.find(Locator::Css("#text")).await.expect("the field");
        text.send_keys("Rektorn ringer hem första dagen").await.expect("typed");
        click(&browser, "input[name=column][value=Skola]").await;
        click(&browser, "#write form button").await;
        until(
            &browser,
            "the card, and the column still chosen",
            "return document.querySelectorAll('.card').length === 1 && document.querySelector('input[name=column]:checked').value === 'Skola'",
        )
        .await;
        browser.close().await.expect("closed");
    });
    let file = wait_for_file(room.home(), "the mixed group's card", |file| {
        file.session.cards.len() == 1
    });
    let card = &file.session.cards[0];
    assert_eq!(card.group, Lane::Group(1), "Blandad grupp 2");
    assert_eq!(card.horizon.as_deref(), Some("Skola"));
}

/// Every scenario in one browser after another, as one test: the other
/// tests run beside it instead of holding threads while they wait in line
/// for Chromium (several Chromiums at once on two cores answer slowly).
#[test]
fn the_rooms_page_in_a_real_browser() {
    if !browser_here() {
        return;
    }
    let driver = Driver::start();
    a_phone_joins_posts_in_a_column_edits_and_sees_the_segment_change_live(&driver);
    three_phones_answer_the_survey_a_fourth_changes_its_answer_and_paper_lines_join_the_tally(
        &driver,
    );
    a_card_typed_on_the_run_screen_reaches_an_open_wall_live(&driver);
    a_phone_writes_alone_on_its_own_page_then_marks_its_groups_priority_live(&driver);
    a_phone_answers_a_mixed_survey_with_boxes_and_words_and_it_fits_the_screen(&driver);
    writing_beside_annat_ticks_it_before_the_answers_are_sent(&driver);
    a_phone_gives_its_dots_across_the_groups_and_sees_what_it_has_left(&driver);
    a_phone_names_its_group_catches_up_after_being_offline_picks_anew_and_keeps_its_column(&driver);
}
