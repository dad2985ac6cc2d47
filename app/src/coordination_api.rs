//! The coordinator's calls to the server: same-origin `fetch` with the session cookie, the CSRF
//! header on every change, and answers read into the domain's `CoordProblem` when they fail.

use domain::coordination::CoordProblem;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Headers, RequestCredentials, RequestInit, Response};

/// Who is signed in, and the token their changes must carry.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Session {
    pub email: String,
    pub name: String,
    pub csrf_token: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct CampaignRow {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct DeviceRow {
    pub id: String,
    pub campaign: String,
    pub label: String,
    pub enrolled_at_ms: i64,
    pub revoked_at_ms: Option<i64>,
    pub last_seen_ms: Option<i64>,
    /// When a coordinator allowed a new PIN on it, if not used since.
    #[serde(default)]
    pub recovery_allowed_at_ms: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct NewCode {
    /// As shown: `K7P2-9XQM`.
    pub code: String,
    pub url: String,
    pub expires_at_ms: u64,
}

#[derive(Debug, Default, Clone, PartialEq, Eq, Deserialize)]
pub struct ImportTotals {
    pub accepted: u64,
    pub duplicate: u64,
    pub rejected: u64,
}

#[derive(Deserialize)]
struct ErrorBody {
    code: Option<String>,
}

/// One request; `csrf` is sent on changes. A 2xx answer's body comes back as text.
async fn call(
    method: &str,
    path: &str,
    body: Option<String>,
    csrf: Option<&str>,
) -> Result<String, CoordProblem> {
    call_coded(method, path, body, csrf)
        .await
        .map_err(|refused| refused.problem)
}

/// A call that did not succeed, with what the server said: its status (`None` without an
/// answer) and its `code`, for screens that word each refusal themselves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub problem: CoordProblem,
    pub status: Option<u16>,
    pub code: Option<String>,
}

impl From<CoordProblem> for Refused {
    fn from(problem: CoordProblem) -> Refused {
        Refused {
            problem,
            status: None,
            code: None,
        }
    }
}

/// [`call`], keeping the refusal's status and code.
async fn call_coded(
    method: &str,
    path: &str,
    body: Option<String>,
    csrf: Option<&str>,
) -> Result<String, Refused> {
    let window = web_sys::window().ok_or(CoordProblem::Network)?;
    let headers = Headers::new().map_err(|_| CoordProblem::Network)?;
    if body.is_some() {
        let _ = headers.set("Content-Type", "application/json");
    }
    if let Some(token) = csrf {
        let _ = headers.set("X-CSRF-Token", token);
    }
    let init = RequestInit::new();
    init.set_method(method);
    init.set_headers(&headers);
    init.set_credentials(RequestCredentials::SameOrigin);
    if let Some(body) = &body {
        init.set_body(&JsValue::from_str(body));
    }
    let response: Response = JsFuture::from(window.fetch_with_str_and_init(path, &init))
        .await
        .map_err(|_| CoordProblem::Network)?
        .unchecked_into();
    let text = match response.text() {
        Ok(promise) => JsFuture::from(promise)
            .await
            .ok()
            .and_then(|t| t.as_string())
            .ok_or(CoordProblem::Network)?,
        Err(_) => return Err(CoordProblem::Network.into()),
    };
    if response.ok() {
        return Ok(text);
    }
    let code = serde_json::from_str::<ErrorBody>(&text)
        .ok()
        .and_then(|b| b.code);
    let retry_after = response.headers().get("Retry-After").ok().flatten();
    Err(Refused {
        problem: CoordProblem::from_answer(
            response.status(),
            code.as_deref(),
            retry_after.as_deref(),
        ),
        status: Some(response.status()),
        code,
    })
}

fn read<T: DeserializeOwned>(text: &str) -> Result<T, CoordProblem> {
    serde_json::from_str(text).map_err(|_| CoordProblem::Server)
}

/// The current session, `None` when nobody is signed in on this browser.
pub async fn session() -> Result<Option<Session>, CoordProblem> {
    read(&call("GET", "/api/v1/session", None, None).await?)
}

pub async fn sign_in(email: &str, password: &str) -> Result<Session, CoordProblem> {
    let body = serde_json::json!({ "email": email, "password": password }).to_string();
    read(&call("POST", "/api/v1/session", Some(body), None).await?)
}

pub async fn sign_out(session: &Session) -> Result<(), CoordProblem> {
    call("DELETE", "/api/v1/session", None, Some(&session.csrf_token))
        .await
        .map(|_| ())
}

pub async fn campaigns() -> Result<Vec<CampaignRow>, CoordProblem> {
    read(&call("GET", "/api/v1/campaigns", None, None).await?)
}

pub async fn devices() -> Result<Vec<DeviceRow>, CoordProblem> {
    read(&call("GET", "/api/v1/devices", None, None).await?)
}

pub async fn create_code(session: &Session, campaign: &str) -> Result<NewCode, CoordProblem> {
    let path = format!("/api/v1/campaigns/{campaign}/enrollment-codes");
    read(&call("POST", &path, Some("{}".into()), Some(&session.csrf_token)).await?)
}

pub async fn revoke(session: &Session, device: &str) -> Result<(), CoordProblem> {
    let path = format!("/api/v1/devices/{device}/revoke");
    call("POST", &path, Some("{}".into()), Some(&session.csrf_token))
        .await
        .map(|_| ())
}

/// Lets the device choose a new PIN for a few minutes (its volunteers forgot theirs).
pub async fn allow_recovery(session: &Session, device: &str) -> Result<(), CoordProblem> {
    let path = format!("/api/v1/devices/{device}/allow-recovery");
    call("POST", &path, Some("{}".into()), Some(&session.csrf_token))
        .await
        .map(|_| ())
}

/// Sends a tablet's export file as it was read; the server checks it like a push.
pub async fn import_outbox(session: &Session, file: String) -> Result<ImportTotals, CoordProblem> {
    // The answer also lists each event; the screen shows the totals.
    read(
        &call(
            "POST",
            "/api/v1/imports/outbox",
            Some(file),
            Some(&session.csrf_token),
        )
        .await?,
    )
}

/// One page of a campaign's whole log: `{events, next_cursor, more}` like a device's pull, and
/// on request how many events follow the cursor.
#[derive(Deserialize)]
pub struct CampaignPage {
    pub events: Vec<domain::event::EventEnvelope>,
    pub next_cursor: domain::sync::Cursor,
    pub more: bool,
    /// Events after the page's starting cursor, this page's included (`count=true`).
    #[serde(default)]
    pub remaining: Option<u64>,
}

/// One page of a campaign's whole log, after `after` (the start when `None`): every event,
/// personal details included. `count` asks the server how many follow, to make room once.
pub async fn campaign_events(
    campaign: &str,
    after: Option<domain::sync::Cursor>,
    limit: u32,
    count: bool,
) -> Result<CampaignPage, CoordProblem> {
    let after = after.map(|c| format!("&after={c}")).unwrap_or_default();
    let count = if count { "&count=true" } else { "" };
    let path = format!("/api/v1/campaigns/{campaign}/events?limit={limit}{after}{count}");
    read(&call("GET", &path, None, None).await?)
}

/// Creates a campaign; the server makes its id from the name.
pub async fn create_campaign(
    session: &Session,
    name: &str,
    territory: &str,
) -> Result<CampaignRow, CoordProblem> {
    let body = serde_json::json!({ "name": name, "territory": territory }).to_string();
    read(
        &call(
            "POST",
            "/api/v1/campaigns",
            Some(body),
            Some(&session.csrf_token),
        )
        .await?,
    )
}

/// The campaign's settings as the server folds them.
pub async fn campaign_settings(
    campaign: &str,
) -> Result<domain::campaign::CampaignSettings, CoordProblem> {
    let path = format!("/api/v1/campaigns/{campaign}/settings");
    read(&call("GET", &path, None, None).await?)
}

/// Records one change of the campaign's settings; answers the settings as they now are.
pub async fn change_settings(
    session: &Session,
    campaign: &str,
    edits: &[domain::campaign::SettingEdit],
) -> Result<domain::campaign::CampaignSettings, CoordProblem> {
    let path = format!("/api/v1/campaigns/{campaign}/settings");
    let body = serde_json::json!({ "edits": edits }).to_string();
    read(&call("POST", &path, Some(body), Some(&session.csrf_token)).await?)
}

#[derive(Deserialize)]
struct ErasureRecorded {
    event: domain::event::EventEnvelope,
}

/// Records a resident's erasure; answers the `ResidentErased` event the server stored, which
/// the page applies to the log it holds.
pub async fn erase(
    session: &Session,
    campaign: &str,
    resident: &str,
    reference: &str,
) -> Result<domain::event::EventEnvelope, CoordProblem> {
    let path = format!("/api/v1/campaigns/{campaign}/erasures");
    let body = serde_json::json!({ "resident": resident, "reference": reference }).to_string();
    let answer: ErasureRecorded =
        read(&call("POST", &path, Some(body), Some(&session.csrf_token)).await?)?;
    Ok(answer.event)
}

// kiosk-results (#5): the kiosk's callback requests.
/// A campaign's kiosk callback requests: "à rappeler" and "traitées".
pub async fn callbacks(campaign: &str) -> Result<domain::kiosk::CallbackList, CoordProblem> {
    let path = format!("/api/v1/campaigns/{campaign}/callbacks");
    read(&call("GET", &path, None, None).await?)
}

/// Marks a callback request handled by the signed-in coordinator; answers the lists as they now
/// are.
pub async fn callback_handled(
    session: &Session,
    campaign: &str,
    callback: &str,
) -> Result<domain::kiosk::CallbackList, CoordProblem> {
    let path = format!("/api/v1/campaigns/{campaign}/callbacks/{callback}/handled");
    read(&call("POST", &path, Some("{}".into()), Some(&session.csrf_token)).await?)
}

// territory (#7): the campaign's attached territory.
/// What is attached to a campaign.
pub async fn attached_territory(
    campaign: &str,
) -> Result<domain::campaign_territory::Attached, Refused> {
    let path = format!("/api/v1/campaigns/{campaign}/territory");
    read(&call_coded("GET", &path, None, None).await?).map_err(Refused::from)
}

/// Attaches a file's territory (valid lines only) to a campaign.
pub async fn attach_territory(
    session: &Session,
    campaign: &str,
    territory: domain::territory::Territory,
) -> Result<domain::campaign_territory::AttachResponse, Refused> {
    let path = format!("/api/v1/campaigns/{campaign}/territory");
    let request = domain::campaign_territory::AttachRequest {
        residences: territory.residences,
    };
    let body = serde_json::to_string(&request).map_err(|_| Refused::from(CoordProblem::Server))?;
    read(&call_coded("POST", &path, Some(body), Some(&session.csrf_token)).await?)
        .map_err(Refused::from)
}
