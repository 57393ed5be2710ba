//! What the room's pages do: joining, the groups' pages and their cards.
//! A handler checks only what HTTP carries (a joined device, its form check,
//! its rate) and hands the change to the loop, where `rules` decides (the
//! room open, the segment, the card's owner, blank text, the limits) and
//! which alone changes the session.

use std::borrow::Cow;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use axum::Form;
use axum::extract::{ConnectInfo, FromRequestParts, Path, Query, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use maud::Markup;
use serde::Deserialize;
use tokio::sync::watch;

use super::book::form_check;
use super::devices::{self, Devices, JoinRefusal};
use super::limits::{self, Limit};
use super::pages::{self, Writer};
use super::snapshot::Snapshot;
use super::{Refusal, RoomAction, RoomReply, RoomRequest};
use crate::agenda::Language;
use crate::i18n::room_words;
use crate::session::CardId;

/// The cookie that holds a device's token.
const DEVICE_COOKIE: &str = "samla_device";
/// Largest request body: a card's longest text of four-byte characters,
/// percent-encoded, with room to spare, so that whatever the text box takes
/// reaches the loop, which counts characters as the box does.
pub const BODY_LIMIT: usize = 32 * 1024;

/// Sends a request into the event loop; false when the loop is gone.
pub type SendToLoop = Arc<dyn Fn(RoomRequest) -> bool + Send + Sync>;

/// What every handler reaches.
#[derive(Clone)]
pub struct Shared {
    /// The devices of the run.
    pub devices: Arc<Mutex<Devices>>,
    /// What the loop last published.
    pub snapshots: watch::Receiver<Arc<Snapshot>>,
    /// Into the loop.
    pub send: SendToLoop,
    /// The live streams each device holds.
    pub streams: Arc<super::streams::Streams>,
    /// The connections no joined device has used yet.
    pub lobby: Arc<super::lobby::Lobby>,
    /// How long a handler waits for the loop's answer.
    pub reply_limit: Duration,
}

impl Shared {
    pub(super) fn snapshot(&self) -> Arc<Snapshot> {
        Arc::clone(&self.snapshots.borrow())
    }

    fn devices(&self) -> MutexGuard<'_, Devices> {
        // A handler that panicked holding the lock left the table whole: every
        // change to it is one insert or push.
        self.devices
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// A device that joined: its token's entry, read from its cookie.
pub(super) struct Joined {
    pub(super) device: u32,
    form_check: String,
    token: String,
}

impl Joined {
    pub(super) fn writer(&self) -> Writer<'_> {
        Writer {
            device: self.device,
            form_check: &self.form_check,
        }
    }
}

impl FromRequestParts<Shared> for Joined {
    type Rejection = Redirect;

    async fn from_request_parts(parts: &mut Parts, shared: &Shared) -> Result<Self, Redirect> {
        let jar = CookieJar::from_headers(&parts.headers);
        let token = jar
            .get(DEVICE_COOKIE)
            .map(|cookie| cookie.value().to_owned())
            .ok_or_else(|| Redirect::to("/"))?;
        let from = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map_or(std::net::IpAddr::from([0, 0, 0, 0]), |info| info.0.ip());
        let device = shared
            .devices()
            .heard_from(&token, from, Instant::now())
            .ok_or_else(|| Redirect::to("/"))?;
        // A joined device's connection is never shed for lack of room.
        if let Some(connection) = parts.extensions.get::<super::lobby::ConnectionId>() {
            shared.lobby.leave(*connection);
        }
        Ok(Joined {
            device,
            form_check: form_check(&token),
            token,
        })
    }
}

pub(super) fn html(status: StatusCode, markup: Markup) -> Response {
    (status, axum::response::Html(markup.into_string())).into_response()
}

pub(super) async fn home(State(shared): State<Shared>, jar: CookieJar) -> Response {
    if known_device(&shared.devices(), &jar) {
        return Redirect::to("/groups").into_response();
    }
    html(StatusCode::OK, pages::join(&shared.snapshot(), None))
}

/// Whether `jar` holds the token of a device that joined.
fn known_device(devices: &Devices, jar: &CookieJar) -> bool {
    jar.get(DEVICE_COOKIE)
        .is_some_and(|cookie| devices.device(cookie.value()).is_some())
}

#[derive(Deserialize)]
pub(super) struct JoinForm {
    #[serde(default)]
    code: String,
}

pub(super) async fn join_form(
    State(shared): State<Shared>,
    ConnectInfo(from): ConnectInfo<SocketAddr>,
    jar: CookieJar,
    Form(form): Form<JoinForm>,
) -> Response {
    join(&shared, from, jar, &form.code, "/groups").await
}

pub(super) async fn join_link(
    State(shared): State<Shared>,
    ConnectInfo(from): ConnectInfo<SocketAddr>,
    jar: CookieJar,
    Path(code): Path<String>,
) -> Response {
    join(&shared, from, jar, &code, "/groups").await
}

pub(super) async fn join_group_link(
    State(shared): State<Shared>,
    ConnectInfo(from): ConnectInfo<SocketAddr>,
    jar: CookieJar,
    Path((code, group)): Path<(String, usize)>,
) -> Response {
    join(&shared, from, jar, &code, &format!("/g/{group}")).await
}

/// Lets the device in with `code` and sends it on to `then` once the
/// session has written it down; a device that joined already keeps its token.
async fn join(
    shared: &Shared,
    from: SocketAddr,
    jar: CookieJar,
    code: &str,
    then: &str,
) -> Response {
    let snapshot = shared.snapshot();
    let words = room_words(snapshot.language);
    let joining = {
        let mut devices = shared.devices();
        if known_device(&devices, &jar) {
            return Redirect::to(then).into_response();
        }
        devices.join(from.ip(), code, Instant::now())
    };
    let joining = match joining {
        Ok(joining) => joining,
        Err(refusal) => {
            let (status, problem) = match refusal {
                JoinRefusal::WrongCode => (StatusCode::FORBIDDEN, words.wrong_code),
                JoinRefusal::TooManyAttempts => {
                    (StatusCode::TOO_MANY_REQUESTS, words.too_many_attempts)
                }
                JoinRefusal::Full => (StatusCode::SERVICE_UNAVAILABLE, words.room_full),
                JoinRefusal::AddressFull => (StatusCode::SERVICE_UNAVAILABLE, words.address_full),
            };
            if matches!(refusal, JoinRefusal::Full | JoinRefusal::AddressFull) {
                // The facilitator hears of it on the run screen; no answer is awaited.
                let (reply, _) = tokio::sync::oneshot::channel();
                let action = RoomAction::TurnedAway {
                    room_full: refusal == JoinRefusal::Full,
                };
                let _ = (shared.send)(RoomRequest { action, reply });
            }
            return html(status, pages::join(&snapshot, Some(problem)));
        }
    };
    let action = RoomAction::Join {
        device: joining.number,
        token_hash: joining.token_hash,
    };
    match ask(shared, action).await {
        Ok(RoomReply::Joined) => {
            let cookie = Cookie::build((DEVICE_COOKIE, joining.token))
                .path("/")
                .http_only(true)
                .same_site(SameSite::Strict)
                .build();
            (jar.add(cookie), Redirect::to(then)).into_response()
        }
        Ok(RoomReply::Refused(refusal)) => refused_for(&snapshot, refusal, "", "/"),
        Ok(_) | Err(Unanswered::Gone) => refused_for(&snapshot, Refusal::Closed, "", "/"),
        Err(Unanswered::Late) => {
            let page = pages::message(&snapshot, words.refused_heading, words.no_answer, None, "/");
            html(StatusCode::GATEWAY_TIMEOUT, page)
        }
    }
}

/// Why the loop gave no answer.
enum Unanswered {
    /// The loop is gone: the screen ended.
    Gone,
    /// Not within the reply's time limit.
    Late,
}

/// Hands `action` to the loop and waits for its answer.
async fn ask(shared: &Shared, action: RoomAction) -> Result<RoomReply, Unanswered> {
    let (reply, answer) = tokio::sync::oneshot::channel();
    if !(shared.send)(RoomRequest { action, reply }) {
        return Err(Unanswered::Gone);
    }
    match tokio::time::timeout(shared.reply_limit, answer).await {
        Ok(Ok(reply)) => Ok(reply),
        Ok(Err(_)) => Err(Unanswered::Gone),
        Err(_) => Err(Unanswered::Late),
    }
}

pub(super) async fn groups(State(shared): State<Shared>, _joined: Joined) -> Response {
    html(StatusCode::OK, pages::groups(&shared.snapshot()))
}

/// What a group page's address says beside the group's number: the group
/// set it belongs to, and the column and row of the last card posted from it.
#[derive(Debug, Default, Deserialize, serde::Serialize)]
pub(super) struct GroupQuery {
    #[serde(default)]
    set: Option<String>,
    #[serde(default)]
    column: Option<String>,
    #[serde(default)]
    row: Option<String>,
}

impl GroupQuery {
    /// Whether the address's group is one of the current segment's groups:
    /// a group of another set (or of the day's, when the segment regroups)
    /// is a different group under the same number.
    fn in_current_set(&self, snapshot: &Snapshot) -> bool {
        snapshot.personal || self.set == snapshot.group_set
    }
}

pub(super) async fn group_page(
    State(shared): State<Shared>,
    joined: Joined,
    Path(number): Path<usize>,
    Query(query): Query<GroupQuery>,
) -> Response {
    let snapshot = shared.snapshot();
    if !query.in_current_set(&snapshot) {
        // The room has been split another way: the phone picks its group anew.
        return html(StatusCode::OK, pages::groups(&snapshot));
    }
    let chosen = pages::Chosen {
        column: query.column.as_deref(),
        row: query.row.as_deref(),
    };
    match snapshot.lane_of(number) {
        Some(lane) => html(
            StatusCode::OK,
            pages::group_page(&snapshot, lane, joined.writer(), chosen, chrono::Utc::now()),
        ),
        None => not_found_page(&snapshot),
    }
}

#[derive(Deserialize)]
pub(super) struct PostForm {
    #[serde(default)]
    check: String,
    #[serde(default)]
    segment: Option<usize>,
    #[serde(default)]
    text: String,
    #[serde(default)]
    column: Option<String>,
    #[serde(default)]
    row: Option<String>,
}

pub(super) async fn post_card(
    State(shared): State<Shared>,
    joined: Joined,
    Path(number): Path<usize>,
    Query(query): Query<GroupQuery>,
    Form(form): Form<PostForm>,
) -> Response {
    let snapshot = shared.snapshot();
    if !query.in_current_set(&snapshot) {
        // Written for a group of a segment that has ended.
        return refused_for(&snapshot, Refusal::NotPosting, &form.text, "/groups");
    }
    let Some(lane) = snapshot.lane_of(number) else {
        return not_found_page(&snapshot);
    };
    // Back to the page with the column and row kept for the next card.
    let kept = GroupQuery {
        set: snapshot.group_set.clone(),
        column: form.column.clone(),
        row: form.row.clone(),
    };
    let back = match serde_urlencoded::to_string(&kept) {
        Ok(query) if !query.is_empty() => format!("/g/{number}?{query}"),
        _ => format!("/g/{number}"),
    };
    let action = RoomAction::Post {
        device: joined.device,
        segment: form.segment,
        lane,
        text: as_typed(&form.text),
        column: form.column,
        row: form.row,
    };
    change(&shared, &joined, &form.check, action, &form.text, &back).await
}

#[derive(Deserialize)]
pub(super) struct EditForm {
    #[serde(default)]
    check: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    revision: Option<u32>,
}

pub(super) async fn edit_form(
    State(shared): State<Shared>,
    joined: Joined,
    Path(card): Path<CardId>,
) -> Response {
    own_card_page(&shared, &joined, card, pages::edit_page)
}

/// The question before a card is removed: one tap never removes it.
pub(super) async fn remove_form(
    State(shared): State<Shared>,
    joined: Joined,
    Path(card): Path<CardId>,
) -> Response {
    own_card_page(&shared, &joined, card, pages::remove_page)
}

/// The page `page` draws of card `card` if it is the device's own.
fn own_card_page(
    shared: &Shared,
    joined: &Joined,
    card: CardId,
    page: fn(&Snapshot, &super::snapshot::SnapshotCard, Writer) -> Markup,
) -> Response {
    let snapshot = shared.snapshot();
    let words = room_words(snapshot.language);
    match snapshot.card(card) {
        Some(card) if card.device == Some(joined.device) => {
            html(StatusCode::OK, page(&snapshot, card, joined.writer()))
        }
        _ => refused(
            &snapshot,
            StatusCode::FORBIDDEN,
            words.not_yours,
            None,
            "/groups",
        ),
    }
}

pub(super) async fn edit_card(
    State(shared): State<Shared>,
    joined: Joined,
    Path(card): Path<CardId>,
    Form(form): Form<EditForm>,
) -> Response {
    let back = back_to_group(&shared.snapshot(), card);
    let Some(revision) = form.revision else {
        let snapshot = shared.snapshot();
        let words = room_words(snapshot.language);
        return refused(
            &snapshot,
            StatusCode::BAD_REQUEST,
            words.bad_form,
            Some(&form.text),
            &back,
        );
    };
    let action = RoomAction::Edit {
        device: joined.device,
        card,
        text: as_typed(&form.text),
        revision,
    };
    change(&shared, &joined, &form.check, action, &form.text, &back).await
}

#[derive(Deserialize)]
pub(super) struct CheckForm {
    #[serde(default)]
    check: String,
}

pub(super) async fn delete_card(
    State(shared): State<Shared>,
    joined: Joined,
    Path(card): Path<CardId>,
    Form(form): Form<CheckForm>,
) -> Response {
    let back = back_to_group(&shared.snapshot(), card);
    let action = RoomAction::Delete {
        device: joined.device,
        card,
    };
    change(&shared, &joined, &form.check, action, "", &back).await
}

/// Marks one of the group's cards as a priority, or takes the mark off,
/// while the facilitator lets the room mark them.
pub(super) async fn toggle_priority(
    State(shared): State<Shared>,
    joined: Joined,
    Path(card): Path<CardId>,
    Form(form): Form<CheckForm>,
) -> Response {
    let back = back_to_group(&shared.snapshot(), card);
    let action = RoomAction::TogglePriority { card };
    change(&shared, &joined, &form.check, action, "", &back).await
}

/// Gives a card of any group the device's dot, or takes it back, while the
/// room votes across its groups.
pub(super) async fn toggle_dot(
    State(shared): State<Shared>,
    joined: Joined,
    Path(card): Path<CardId>,
    Form(form): Form<CheckForm>,
) -> Response {
    let action = RoomAction::ToggleDot {
        device: joined.device,
        card,
    };
    change(&shared, &joined, &form.check, action, "", "/dots").await
}

/// A text as the phone's box held it: a form sends its line breaks as
/// CR LF, the box and the session count and keep them as one.
fn as_typed(text: &str) -> String {
    text.replace("\r\n", "\n")
}

/// The page of the group a card belongs to, for after a change to it.
fn back_to_group(snapshot: &Snapshot, card: CardId) -> String {
    snapshot.card(card).map_or_else(
        || "/groups".to_owned(),
        |card| snapshot.group_address(super::snapshot::lane_number(card.lane), ""),
    )
}

/// Checks the form and the rate, hands `action` to the loop and turns its
/// answer into a redirect to `back`, or a page that gives `text` back.
pub(super) async fn change(
    shared: &Shared,
    joined: &Joined,
    check: &str,
    action: RoomAction,
    text: &str,
    back: &str,
) -> Response {
    let snapshot = shared.snapshot();
    let words = room_words(snapshot.language);
    if !devices::checks(&joined.token, check) {
        return refused(
            &snapshot,
            StatusCode::FORBIDDEN,
            words.bad_form,
            Some(text),
            back,
        );
    }
    if !snapshot.open {
        return refused_for(&snapshot, Refusal::Closed, text, back);
    }
    if !shared.devices().take_post(&joined.token, Instant::now()) {
        let status = StatusCode::TOO_MANY_REQUESTS;
        return refused(&snapshot, status, words.too_fast, Some(text), back);
    }
    let edited = match &action {
        RoomAction::Edit { card, .. } => Some(*card),
        _ => None,
    };
    match ask(shared, action).await {
        Ok(RoomReply::Done(_) | RoomReply::Answered | RoomReply::Joined) => {
            Redirect::to(back).into_response()
        }
        Ok(RoomReply::Refused(Refusal::Stale)) => {
            let now = shared.snapshot();
            let card = edited.and_then(|card| now.card(card));
            let current = card.map_or("", |card| card.text.as_str());
            html(
                StatusCode::CONFLICT,
                pages::stale(&now, current, text, back),
            )
        }
        Ok(RoomReply::Refused(refusal)) => refused_for(&snapshot, refusal, text, back),
        // The loop ended without an answer: it closed with the room.
        Err(Unanswered::Gone) => refused_for(&snapshot, Refusal::Closed, text, back),
        Err(Unanswered::Late) => {
            let page = pages::message(
                &snapshot,
                words.refused_heading,
                words.no_answer,
                Some(text),
                back,
            );
            html(StatusCode::GATEWAY_TIMEOUT, page)
        }
    }
}

fn refused_for(snapshot: &Snapshot, refusal: Refusal, text: &str, back: &str) -> Response {
    let words = room_words(snapshot.language);
    let (status, why) = refusal_text(refusal, snapshot.language);
    let heading = match refusal {
        Refusal::Closed => Some(words.closed_heading),
        Refusal::NotSaved => Some(words.not_saved_heading),
        _ => None,
    };
    if let Some(heading) = heading {
        return html(
            status,
            pages::message(snapshot, heading, &why, Some(text), back),
        );
    }
    refused(snapshot, status, &why, Some(text), back)
}

fn refusal_text(refusal: Refusal, language: Language) -> (StatusCode, Cow<'static, str>) {
    let words = room_words(language);
    let (status, why) = match refusal {
        Refusal::Closed => (StatusCode::FORBIDDEN, words.closed_text),
        Refusal::NotPosting => (StatusCode::CONFLICT, words.segment_over),
        Refusal::Empty => (StatusCode::BAD_REQUEST, words.empty_text),
        Refusal::NotYours => (StatusCode::FORBIDDEN, words.not_yours),
        Refusal::InUse => (StatusCode::CONFLICT, words.in_use),
        Refusal::PollClosed => (StatusCode::FORBIDDEN, words.poll_closed),
        Refusal::NotAnAnswer => (StatusCode::BAD_REQUEST, words.bad_form),
        Refusal::NotVoting => (StatusCode::CONFLICT, words.not_voting),
        Refusal::PrioritiesFull => (StatusCode::CONFLICT, words.priorities_full),
        Refusal::DotsUsed => (StatusCode::CONFLICT, words.dots_used),
        Refusal::NotSaved => (StatusCode::SERVICE_UNAVAILABLE, words.not_saved),
        Refusal::Stale => (StatusCode::CONFLICT, words.stale),
        Refusal::Limit(limit) => {
            let (why, max) = match limit {
                Limit::TextLength => (words.too_long, limits::TEXT_MAX_CHARS),
                Limit::DeviceCards => (words.device_full, limits::CARDS_PER_DEVICE),
                Limit::Room => (words.room_text_full, limits::ROOM_CARDS),
            };
            let why = why.replace("{max}", &crate::i18n::whole_number(max, language));
            return (StatusCode::PAYLOAD_TOO_LARGE, Cow::Owned(why));
        }
    };
    (status, Cow::Borrowed(why))
}

pub(super) fn refused(
    snapshot: &Snapshot,
    status: StatusCode,
    why: &str,
    kept: Option<&str>,
    back: &str,
) -> Response {
    let words = room_words(snapshot.language);
    let page = pages::message(snapshot, words.refused_heading, why, kept, back);
    html(status, page)
}

pub(super) fn not_found_page(snapshot: &Snapshot) -> Response {
    let words = room_words(snapshot.language);
    refused(snapshot, StatusCode::NOT_FOUND, words.not_found, None, "/")
}
