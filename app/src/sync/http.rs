//! POST a JSON body to the API and read the answer as text: the one network call sync and
//! enrollment make. What an answer means is decided by `domain::sync::after_failure`.

use domain::sync::{Failed, REQUEST_TIMEOUT_MS};
use js_sys::Promise;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Headers, RequestInit, Response};

/// An answer other than 2xx, owned, so it can outlive the response it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HttpFailure {
    Network,
    Status {
        status: u16,
        body: String,
        retry_after: Option<String>,
    },
}

impl HttpFailure {
    pub fn as_failed(&self) -> Failed<'_> {
        match self {
            HttpFailure::Network => Failed::Network,
            HttpFailure::Status {
                status,
                body,
                retry_after,
            } => Failed::Status {
                status: *status,
                body,
                retry_after: retry_after.as_deref(),
            },
        }
    }
}

/// POSTs `body` as JSON to `path` (same origin), with the device token when there is one; returns
/// the body of a 2xx answer. No answer within `REQUEST_TIMEOUT_MS` counts as a network failure.
pub async fn post_json(
    path: &str,
    token: Option<&str>,
    body: &impl Serialize,
) -> Result<String, HttpFailure> {
    let window = web_sys::window().ok_or(HttpFailure::Network)?;
    let json = serde_json::to_string(body).map_err(|_| HttpFailure::Network)?;
    let headers = Headers::new().map_err(|_| HttpFailure::Network)?;
    let _ = headers.set("Content-Type", "application/json");
    if let Some(token) = token {
        let _ = headers.set("Authorization", &format!("Bearer {token}"));
    }
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_headers(&headers);
    init.set_body(&JsValue::from_str(&json));
    // AbortController and a timer rather than AbortSignal.timeout(), which older tablets lack.
    let controller = AbortController::new().ok();
    let abort = controller.clone().map(|c| Closure::once(move || c.abort()));
    let timer = abort.as_ref().and_then(|abort| {
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                abort.as_ref().unchecked_ref(),
                REQUEST_TIMEOUT_MS as i32,
            )
            .ok()
    });
    init.set_signal(controller.as_ref().map(|c| c.signal()).as_ref());
    let answer = async {
        let response: Response = JsFuture::from(window.fetch_with_str_and_init(path, &init))
            .await
            .map_err(|_| HttpFailure::Network)?
            .unchecked_into();
        let text = text_of(&response).await?;
        if response.ok() {
            Ok(text)
        } else {
            Err(HttpFailure::Status {
                status: response.status(),
                body: text,
                retry_after: response.headers().get("Retry-After").ok().flatten(),
            })
        }
    }
    .await;
    if let Some(timer) = timer {
        window.clear_timeout_with_handle(timer);
    }
    drop(abort);
    answer
}

async fn text_of(response: &Response) -> Result<String, HttpFailure> {
    let promise: Promise = response.text().map_err(|_| HttpFailure::Network)?;
    // A body cut off by the network is a network failure, whatever the status said.
    JsFuture::from(promise)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or(HttpFailure::Network)
}
