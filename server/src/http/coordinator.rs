//! The coordinator's side of the API: signing in and out, campaigns and their settings,
//! enrollment codes, the list of devices and their revocation, importing a device's outbox file,
//! and reading a campaign's whole log.
//! Every endpoint but the sign-in needs a session cookie; every one that changes something also
//! needs the session's CSRF token (see [`auth`]).

pub mod auth;
pub mod callbacks;
pub mod campaigns;
pub mod devices;
pub mod erasures;
pub mod events;
pub mod import;
pub mod session;

use crate::AppState;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};

/// The coordinator endpoints whose bodies are small JSON (the API's usual limit applies).
pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/session",
            get(session::current)
                .post(session::sign_in)
                .delete(session::sign_out),
        )
        .route("/campaigns", post(campaigns::create))
        .route(
            "/campaigns/{id}/settings",
            get(campaigns::settings).post(campaigns::change_settings),
        )
        .route(
            "/campaigns/{id}/enrollment-codes",
            post(devices::issue_enrollment_code),
        )
        .route("/campaigns/{id}/events", get(events::page))
        .route("/campaigns/{id}/erasures", post(erasures::record))
        .route("/campaigns/{id}/callbacks", get(callbacks::list))
        .route(
            "/campaigns/{id}/callbacks/{event}/handled",
            post(callbacks::handled),
        )
        .route("/devices", get(devices::list))
        .route("/devices/{id}/revoke", post(devices::revoke))
        .route(
            "/devices/{id}/allow-recovery",
            post(devices::allow_recovery),
        )
}

/// The outbox import, whose body is a whole exported outbox: weeks of a device's work.
pub fn import_router() -> Router<AppState> {
    Router::new().route(
        "/imports/outbox",
        post(import::outbox).layer(DefaultBodyLimit::max(import::MAX_IMPORT_BYTES)),
    )
}
