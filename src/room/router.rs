//! The room's addresses: which handler answers each, with the limits and
//! checks every request passes first (its body's size, the Host it names)
//! and the framework's own refusals turned into the room's page.

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use super::live;
use super::pages;
use super::routes::{
    BODY_LIMIT, Shared, delete_card, edit_card, edit_form, group_page, groups, home, join_form,
    join_group_link, join_link, not_found_page, post_card, refused, remove_form, toggle_dot,
    toggle_priority,
};
use crate::i18n::room_words;

/// The room's routes, with their limits.
pub fn router(shared: Shared) -> Router {
    Router::new()
        .route("/", get(home))
        .route("/join", post(join_form))
        .route("/J/{code}", get(join_link))
        .route("/J/{code}/{group}", get(join_group_link))
        .route("/groups", get(groups))
        .route("/g/{group}", get(group_page))
        .route("/g/{group}/cards", post(post_card))
        .route("/c/{card}/edit", get(edit_form).post(edit_card))
        .route("/c/{card}/delete", get(remove_form).post(delete_card))
        .route("/c/{card}/priority", post(toggle_priority))
        .route("/c/{card}/dot", post(toggle_dot))
        .route("/dots", get(live::dots_page))
        .route("/poll", get(live::poll_page).post(live::answer_poll))
        .route("/wall", get(live::wall_page))
        .route("/events", get(live::events))
        .route("/room.css", get(style))
        .route("/room.js", get(script))
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(middleware::map_response_with_state(
            shared.clone(),
            in_the_rooms_words,
        ))
        .layer(middleware::from_fn_with_state(
            shared.clone(),
            only_by_address,
        ))
        .with_state(shared)
}

/// Answers only requests that name the room by its address (an IP address,
/// or `localhost`), as the join screen and its QR code do: a page elsewhere
/// that points a name of its own at this laptop (DNS rebinding) gets nothing.
async fn only_by_address(State(shared): State<Shared>, request: Request, next: Next) -> Response {
    let named = request
        .headers()
        .get(header::HOST)
        .and_then(|host| host.to_str().ok())
        .and_then(|host| host.parse::<axum::http::uri::Authority>().ok());
    let by_address = named.is_some_and(|authority| {
        let host = authority
            .host()
            .trim_start_matches('[')
            .trim_end_matches(']');
        host.eq_ignore_ascii_case("localhost") || host.parse::<std::net::IpAddr>().is_ok()
    });
    if by_address {
        return next.run(request).await;
    }
    let snapshot = shared.snapshot();
    let words = room_words(snapshot.language);
    refused(
        &snapshot,
        StatusCode::MISDIRECTED_REQUEST,
        words.other_address,
        None,
        "/",
    )
}

/// The framework's own refusals (a body over the limit, a form that does not
/// parse, a path that is not a number) in the room's words and on its page,
/// never as English plain text.
async fn in_the_rooms_words(State(shared): State<Shared>, response: Response) -> Response {
    let status = response.status();
    let plain = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_none_or(|kind| !kind.as_bytes().starts_with(b"text/html"));
    if !(status.is_client_error() && plain) {
        return response;
    }
    let snapshot = shared.snapshot();
    let words = room_words(snapshot.language);
    refused(&snapshot, status, words.bad_form, None, "/groups")
}

async fn style() -> Response {
    static_file("text/css; charset=utf-8", pages::STYLE)
}

async fn script() -> Response {
    static_file("text/javascript; charset=utf-8", pages::SCRIPT)
}

fn static_file(kind: &'static str, body: &'static str) -> Response {
    (
        [(header::CONTENT_TYPE, HeaderValue::from_static(kind))],
        body,
    )
        .into_response()
}

async fn not_found(State(shared): State<Shared>) -> Response {
    not_found_page(&shared.snapshot())
}
