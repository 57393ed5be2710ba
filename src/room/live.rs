//! What the room's pages follow live: the survey and its answers, the wall,
//! and the server-sent events that tell a page what changed.

use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::WatchStream;

use super::RoomAction;
use super::pages;
use super::routes::{Joined, Shared, change, html};
use super::snapshot::{PollResults, Snapshot, SnapshotCard};

pub(super) async fn poll_page(State(shared): State<Shared>, joined: Joined) -> Response {
    let snapshot = shared.snapshot();
    let page = super::survey::poll_page(&snapshot, joined.writer(), chrono::Utc::now());
    html(StatusCode::OK, page)
}

/// The values a form posted under `name`: one, or one per box ticked where a
/// question takes several answers.
fn values<'a>(fields: &'a [(String, String)], name: &str) -> impl Iterator<Item = &'a str> {
    fields
        .iter()
        .filter(move |(key, _)| key == name)
        .map(|(_, value)| value.as_str())
}

/// The survey's form: `check`, `segment`, `sector` and `s0`, `s1` … per statement.
pub(super) async fn answer_poll(
    State(shared): State<Shared>,
    joined: Joined,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let field = |name: &str| values(&fields, name).next();
    let snapshot = shared.snapshot();
    let questions = snapshot
        .poll
        .as_ref()
        .map_or(&[][..], |poll| poll.statements.as_slice());
    // Each question's answer, and the text written beside an option that
    // asks for one.
    let mut answers = Vec::with_capacity(questions.len());
    let mut other = std::collections::BTreeMap::new();
    for (statement, question) in questions.iter().enumerate() {
        let name = format!("s{statement}");
        let mut answer =
            super::survey::answer_of(question, &values(&fields, &name).collect::<Vec<_>>());
        let written = field(&format!("{name}-other"));
        if let Some(text) = super::survey::other_of(question, &mut answer, written) {
            other.insert(statement, text);
        }
        answers.push(answer);
    }
    let action = RoomAction::Answer {
        device: joined.device,
        segment: field("segment").and_then(|segment| segment.parse().ok()),
        sector: snapshot
            .poll
            .as_ref()
            .zip(field("sector"))
            .and_then(|(poll, code)| super::survey::sector_of(poll, code)),
        answers,
        other,
    };
    let check = field("check").unwrap_or_default().to_owned();
    change(&shared, &joined, &check, action, "", "/poll").await
}

pub(super) async fn dots_page(State(shared): State<Shared>, joined: Joined) -> Response {
    let page = super::dots::dots_page(&shared.snapshot(), joined.writer(), chrono::Utc::now());
    html(StatusCode::OK, page)
}

pub(super) async fn wall_page(State(shared): State<Shared>, _joined: Joined) -> Response {
    let page = super::wall::wall_page(&shared.snapshot(), chrono::Utc::now());
    html(StatusCode::OK, page)
}

/// What a live page follows: a group's cards, the wall, or the survey.
#[derive(Deserialize)]
pub(super) struct EventsQuery {
    #[serde(default)]
    group: Option<usize>,
    #[serde(default)]
    wall: bool,
    #[serde(default)]
    poll: bool,
}

impl EventsQuery {
    /// What of `snapshot` the page shows beyond the segment and the room's stage.
    fn shown(&self, snapshot: &Snapshot) -> (Vec<SnapshotCard>, Option<PollResults>) {
        let lane = self.group.and_then(|number| snapshot.lane_of(number));
        let cards = match (self.wall, lane) {
            (true, _) => snapshot.cards.clone(),
            (false, Some(lane)) => snapshot.cards_of(lane).cloned().collect(),
            (false, None) => Vec::new(),
        };
        let results = self
            .poll
            .then(|| snapshot.poll.as_ref().and_then(|poll| poll.results.clone()))
            .flatten();
        (cards, results)
    }
}

/// Server-sent events for a live page: one each time the segment, the room's
/// stage or what the page shows (a group's cards, the wall, the results)
/// changes. A device keeps a few; the oldest ends when one more opens.
pub(super) async fn events(
    State(shared): State<Shared>,
    joined: Joined,
    Query(query): Query<EventsQuery>,
) -> Response {
    let (ticket, closed) = shared.streams.open(joined.device);
    let mut last = None;
    let stream = WatchStream::new(shared.snapshots.clone()).filter_map(move |snapshot| {
        // Held for as long as the stream lives.
        let _ticket = &ticket;
        let key = (pages::stage_mark(&snapshot), query.shown(&snapshot));
        if last.as_ref() == Some(&key) {
            return None;
        }
        let first = last.is_none();
        last = Some(key);
        // The first is what the page was drawn from: nothing to fetch.
        (!first).then(|| {
            Ok::<_, std::convert::Infallible>(Event::default().data(pages::stage_mark(&snapshot)))
        })
    });
    let stream = futures_util::StreamExt::take_until(stream, closed);
    Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response()
}
