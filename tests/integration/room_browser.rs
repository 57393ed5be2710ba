//! The room's page in a real browser: headless Chromium at phone size, driven
//! over WebDriver (Debian's chromium-driver), against the real run screen's
//! room on 127.0.0.1. It joins, picks a group, posts in a column, edits the
//! card and sees the segment change live, while the run screen and the
//! session file show the card where it belongs.

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

/// chromedriver on a free loopback port, stopped when dropped.
struct Driver {
    child: Child,
    url: String,
}

impl Driver {
    fn start() -> Self {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .expect("a free port")
            .port();
        let child = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .arg("--allowed-ips=127.0.0.1")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let deadline = Instant::now() + BROWSER_PATIENCE;
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "chromedriver does not listen");
            std::thread::sleep(Duration::from_millis(50));
        }
        Self {
            child,
            url: format!("http://127.0.0.1:{port}"),
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A browser with its own profile in `profile`, its viewport a phone's 390×844.
async fn phone(driver: &Driver, profile: &Path) -> Client {
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": "/usr/bin/chromium",
            "args": [
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                format!("--user-data-dir={}", profile.display()),
            ],
            "mobileEmulation": {
                "deviceMetrics": { "width": 390, "height": 844, "pixelRatio": 2.0 },
            },
        }),
    );
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

#[test]
fn a_phone_joins_posts_in_a_column_edits_and_sees_the_segment_change_live() {
    if !available("chromedriver", "--version", "chromium-driver")
        || !available("chromium", "--version", "chromium")
    {
        return;
    }
    let mut room = OpenRoom::start("seminarium-3", 2);
    room.go_to("Handlingsplan");
    let driver = Driver::start();
    let profile = tempfile::tempdir().expect("a profile folder");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let url = room.door.url.clone();
    let code = room.door.code.clone();
    let browser = runtime.block_on(async {
        let browser = phone(&driver, profile.path()).await;
        browser.goto(&url).await.expect("the join page");
        keep_screenshot(&browser, "room-join.png").await;
        let field = browser.find(Locator::Css("#code")).await.expect("the code field");
        field.send_keys(&code.to_lowercase()).await.expect("typed");
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
            .for_element(Locator::LinkText("Grupp 2"))
            .await
            .expect("the groups")
            .click()
            .await
            .expect("group 2 picked");
        let text = browser
            .wait()
            .at_most(BROWSER_PATIENCE)
            .for_element(Locator::Css("#text"))
            .await
            .expect("the card field");
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
        browser
            .find(Locator::LinkText("Ändra"))
            .await
            .expect("the edit link")
            .click()
            .await
            .expect("editing");
        let text = browser
            .wait()
            .at_most(BROWSER_PATIENCE)
            .for_element(Locator::Css("#text"))
            .await
            .expect("the edit field");
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
