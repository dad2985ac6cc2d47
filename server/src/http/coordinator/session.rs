//! `/api/v1/session`: sign in (`POST`), who is signed in (`GET`), sign out (`DELETE`).

use super::auth::{check_csrf, check_origin, cookie_secret, lookup};
use crate::AppState;
use crate::accounts::{self, Lookup, Session, SignInError};
use crate::db::now_ms;
use crate::http::error::ApiError;
use crate::http::json::ApiJson;
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use domain::accounts::{SessionInfo, SignInRequest, cleared_session_cookie, session_cookie};

fn info(session: &Session) -> SessionInfo {
    SessionInfo {
        email: session.account.email.clone(),
        name: session.account.name.clone(),
        csrf_token: session.csrf_token.as_str().to_owned(),
    }
}

fn with_cookie(mut response: Response, cookie: String) -> Response {
    // The cookie is made of hex digits and fixed attributes: always a valid header value.
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

pub async fn sign_in(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(request): ApiJson<SignInRequest>,
) -> Result<Response, ApiError> {
    // A sign-in needs no CSRF token (there is no session yet), but another site must not sign a
    // browser in to an account of its choosing either.
    check_origin(&headers, &state)?;
    let now = now_ms();
    // Per email first: hammering one account does not use up everyone's allowance.
    let key = domain::accounts::sign_in_key(&request.email);
    state
        .limits
        .sign_in
        .check(&key, now)
        .map_err(ApiError::rate_limited)?;
    state
        .limits
        .sign_in_all
        .check("all", now)
        .map_err(ApiError::rate_limited)?;
    let signed_in = match accounts::sign_in(&state.db, &request.email, &request.password, now).await
    {
        Ok(signed_in) => signed_in,
        Err(SignInError::Storage(e)) => return Err(e.into()),
        Err(SignInError::InvalidCredentials) => {
            return Err(ApiError::unauthorized(
                "invalid_credentials",
                "This email and password do not match a coordinator account.",
            ));
        }
    };
    // A browser signing in again replaces its session instead of keeping two.
    if let Some(previous) = cookie_secret(&headers) {
        accounts::forget(&state.db, &previous).await?;
    }
    tracing::info!("coordinator #{} signed in", signed_in.session.account.id);
    let cookie = session_cookie(&signed_in.cookie_secret, state.public_url.is_https());
    Ok(with_cookie(
        Json(info(&signed_in.session)).into_response(),
        cookie,
    ))
}

/// Who is signed in on this browser: the session, or `null` for nobody (never signed in, signed
/// out, expired). A question, not a guarded resource, so "nobody" is an answer rather than a 401:
/// the coordination screen asks it on every load, and a refusal there would read as an error.
pub async fn current(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Json<Option<SessionInfo>>, ApiError> {
    Ok(Json(match lookup(&headers, &state).await? {
        Lookup::Active(session) => Some(info(&session)),
        Lookup::Expired | Lookup::Unknown => None,
    }))
}

/// Ends the session. Signing out without a live session succeeds too (the browser forgets its
/// cookie either way); with one, it is a change like any other and needs the CSRF token, so that
/// another site cannot sign a coordinator out in the middle of their work.
pub async fn sign_out(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    check_origin(&headers, &state)?;
    if let Lookup::Active(session) = lookup(&headers, &state).await? {
        check_csrf(&headers, &session)?;
        accounts::sign_out(&state.db, &session).await?;
        tracing::info!("coordinator #{} signed out", session.account.id);
    }
    Ok(with_cookie(
        StatusCode::NO_CONTENT.into_response(),
        cleared_session_cookie(state.public_url.is_https()),
    ))
}
