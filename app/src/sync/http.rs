//! POST a JSON body to (or GET from) the API and read the answer as text: the network calls sync
//! and enrollment make, each with a time limit. What an answer means is decided by
//! `domain::sync::after_failure`.

use domain::clock::ServerTime;
use domain::sync::{Failed, REQUEST_TIMEOUT_MS};
use js_sys::Promise;
use serde::Serialize;
use std::cell::Cell;
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

thread_local! {
    /// The timing of the last request's answer, when it carried a readable `Date` header.
    static LAST_SERVER_TIME: Cell<Option<ServerTime>> = const { Cell::new(None) };
}

/// The timing of the last request's answer, once: what the device learns the server's time from
/// (`super::clock::learn`).
pub fn take_server_time() -> Option<ServerTime> {
    LAST_SERVER_TIME.with(Cell::take)
}

/// Notes when the server says it answered (`Date`, whole seconds), against the device's clock.
fn note_server_time(response: &Response, sent_ms: u64) {
    let received_ms = crate::store::now_ms();
    let date = response.headers().get("Date").ok().flatten();
    // Date.parse reads RFC 9110's IMF-fixdate; NaN (or a negative time) for anything else.
    let server_ms = date.map(|d| js_sys::Date::parse(&d)).unwrap_or(f64::NAN);
    if server_ms.is_finite() && server_ms >= 0.0 {
        LAST_SERVER_TIME.with(|last| {
            last.set(Some(ServerTime {
                server_ms: server_ms as u64,
                sent_ms,
                received_ms,
            }))
        });
    }
}

/// POSTs `body` as JSON to `path` (same origin), with the device token when there is one; returns
/// the body of a 2xx answer. No answer within `REQUEST_TIMEOUT_MS` counts as a network failure.
pub async fn post_json(
    path: &str,
    token: Option<&str>,
    body: &impl Serialize,
) -> Result<String, HttpFailure> {
    let json = serde_json::to_string(body).map_err(|_| HttpFailure::Network)?;
    send("POST", path, token, Some(&json)).await
}

/// GETs `path` (same origin) with the same token, time limit and reading of the answer.
pub async fn get(path: &str, token: Option<&str>) -> Result<String, HttpFailure> {
    send("GET", path, token, None).await
}

async fn send(
    method: &str,
    path: &str,
    token: Option<&str>,
    json: Option<&str>,
) -> Result<String, HttpFailure> {
    let window = web_sys::window().ok_or(HttpFailure::Network)?;
    let headers = Headers::new().map_err(|_| HttpFailure::Network)?;
    if json.is_some() {
        let _ = headers.set("Content-Type", "application/json");
    }
    if let Some(token) = token {
        let _ = headers.set("Authorization", &format!("Bearer {token}"));
    }
    let init = RequestInit::new();
    init.set_method(method);
    init.set_headers(&headers);
    if let Some(json) = json {
        init.set_body(&JsValue::from_str(json));
    }
    // AbortController and a timer rather than AbortSignal.timeout(), which older tablets lack.
    let controller = AbortController::new().ok();
    // Cleared when this future ends *or is dropped* (a screen unmounted mid-request): a timer
    // left behind would call the closure after it was freed.
    let _timer = controller.clone().map(|c| AbortTimer::start(&window, c));
    init.set_signal(controller.as_ref().map(|c| c.signal()).as_ref());
    // What the caller takes afterwards is this request's answer or nothing.
    LAST_SERVER_TIME.with(|last| last.set(None));
    let sent_ms = crate::store::now_ms();
    async {
        let response: Response = JsFuture::from(window.fetch_with_str_and_init(path, &init))
            .await
            .map_err(|_| HttpFailure::Network)?
            .unchecked_into();
        note_server_time(&response, sent_ms);
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
    .await
}

/// The request's time limit: aborts the fetch after `REQUEST_TIMEOUT_MS`, and clears its timer
/// before its closure is freed.
///
/// The timer's id is kept as the browser gave it, not as web-sys's `i32`: an id is any number
/// (Playwright's fake clock starts them at 10^12), and a cut-down id clears nothing, leaving the
/// timer to call this closure after it was freed ("closure invoked recursively or after being
/// dropped").
struct AbortTimer {
    window: web_sys::Window,
    handle: Option<JsValue>,
    _abort: Closure<dyn FnMut()>,
}

impl AbortTimer {
    fn start(window: &web_sys::Window, controller: AbortController) -> AbortTimer {
        let abort = Closure::once(move || controller.abort());
        let handle = window_function(window, "setTimeout").and_then(|set| {
            set.call2(
                window,
                abort.as_ref(),
                &JsValue::from_f64(REQUEST_TIMEOUT_MS as f64),
            )
            .ok()
        });
        AbortTimer {
            window: window.clone(),
            handle,
            _abort: abort,
        }
    }
}

impl Drop for AbortTimer {
    fn drop(&mut self) {
        if let (Some(handle), Some(clear)) = (
            self.handle.take(),
            window_function(&self.window, "clearTimeout"),
        ) {
            let _ = clear.call1(&self.window, &handle);
        }
    }
}

/// `window[name]` as a function, looked up at each call (a fake clock replaces it).
fn window_function(window: &web_sys::Window, name: &str) -> Option<js_sys::Function> {
    js_sys::Reflect::get(window, &JsValue::from_str(name))
        .ok()?
        .dyn_into()
        .ok()
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
