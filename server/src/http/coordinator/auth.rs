//! Who is asking: the coordinator whose session cookie comes with the request ([`Coordinator`]),
//! and, for anything that changes something, proof that the request comes from Palier's own page
//! ([`CoordinatorWrite`]).
//!
//! The cookie is `SameSite=Strict`, so browsers do not send it with requests other sites start;
//! two more checks stand behind that, for older browsers and for a sibling site on the same
//! domain: the `X-CSRF-Token` header must carry the session's token (another site cannot read it,
//! and cannot set a custom header without a CORS preflight the server never grants), and an
//! `Origin` header, when there is one, must be the public URL's.

use crate::AppState;
use crate::accounts::{self, Lookup, Session};
use crate::db::now_ms;
use crate::http::error::ApiError;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, header};
use domain::accounts::{CSRF_HEADER, Secret, csrf_matches, session_from_cookies};

/// A signed-in coordinator: enough to read.
pub struct Coordinator(pub Session);

/// A signed-in coordinator on Palier's own page: enough to change something.
pub struct CoordinatorWrite(pub Session);

pub fn not_signed_in() -> ApiError {
    ApiError::unauthorized(
        "not_signed_in",
        "Sign in with your coordinator account to do this.",
    )
}

fn session_expired() -> ApiError {
    ApiError::unauthorized(
        "session_expired",
        "Your session has ended (unused for 12 hours, or a week old); sign in again.",
    )
}

pub fn csrf_failed(why: &str) -> ApiError {
    ApiError::new(
        StatusCode::FORBIDDEN,
        "csrf_failed",
        format!("{why} Reload the coordination page and try again."),
    )
}

/// The session id in the request's cookies, if one is well-formed.
pub fn cookie_secret(headers: &HeaderMap) -> Option<Secret> {
    session_from_cookies(
        headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok()),
    )
}

/// Refuses a request a browser says comes from another origin than the public URL. Requests
/// without `Origin` (scripts, `curl`, some same-origin GETs) pass: they are judged by the
/// CSRF token.
pub fn check_origin(headers: &HeaderMap, state: &AppState) -> Result<(), ApiError> {
    match headers.get(header::ORIGIN) {
        None => Ok(()),
        Some(origin) => match origin.to_str() {
            Ok(origin) if state.public_url.allows_origin(origin) => Ok(()),
            _ => Err(csrf_failed(
                "This request comes from another site than Palier's own page.",
            )),
        },
    }
}

/// Refuses a change to `session` whose request lacks the session's CSRF token.
pub fn check_csrf(headers: &HeaderMap, session: &Session) -> Result<(), ApiError> {
    let sent = headers
        .get(CSRF_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if csrf_matches(&session.csrf_token, sent.trim()) {
        Ok(())
    } else if sent.is_empty() {
        Err(csrf_failed("This request lacks the X-CSRF-Token header."))
    } else {
        Err(csrf_failed(
            "This request's X-CSRF-Token is not the one of your session.",
        ))
    }
}

/// The session the request's cookie opens, if any.
pub async fn lookup(headers: &HeaderMap, state: &AppState) -> Result<Lookup, ApiError> {
    match cookie_secret(headers) {
        Some(secret) => Ok(accounts::session(&state.db, &secret, now_ms()).await?),
        None => Ok(Lookup::Unknown),
    }
}

impl FromRequestParts<AppState> for Coordinator {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        match lookup(&parts.headers, state).await? {
            Lookup::Active(session) => Ok(Coordinator(session)),
            Lookup::Expired => Err(session_expired()),
            Lookup::Unknown => Err(not_signed_in()),
        }
    }
}

impl FromRequestParts<AppState> for CoordinatorWrite {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        // Before the session lookup: another site's request never reaches the database.
        check_origin(&parts.headers, state)?;
        let Coordinator(session) = Coordinator::from_request_parts(parts, state).await?;
        check_csrf(&parts.headers, &session)?;
        Ok(CoordinatorWrite(session))
    }
}
