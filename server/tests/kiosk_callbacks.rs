//! Kiosk callback requests for the coordinators, through the real router and database (SQLite,
//! or PostgreSQL when `PALIER_TEST_DATABASE_URL` is set): the lists "à rappeler" / "traitées",
//! marking one handled (session and CSRF token needed, unknown campaign or request refused), the
//! handling kept off the team's devices, and data protection: a resident's erasure blanks their
//! kiosk sign-up and the callback requests that gave their contact, and the retention run
//! blanks requests past the period.

mod common;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use common::Answer;
use domain::calendar::LocalDate;
use domain::consent::{ConsentAnswer, NOTICE_VERSION, Purpose};
use domain::event::{Actor, EventBody, EventEnvelope, Recorder};
use domain::ids::{CampaignId, DeviceId};
use domain::kiosk::{CallbackRequest, KioskLanguage, Topic};
use domain::signup::ResidentId;
use domain::sync::{Cursor, PullPage, PullResponse};

const EMAIL: &str = "claire.roux@bailleur.fr";
const PASSWORD: &str = "quatre chats gris au balcon";

type Fixture = common::Coordinator;

async fn fixture() -> Fixture {
    common::coordinator(EMAIL, "Claire Roux", PASSWORD).await
}

impl Fixture {
    async fn call(&self, method: Method, uri: &str, csrf: bool, body: Option<String>) -> Answer {
        let mut request = Request::builder()
            .method(method)
            .uri(uri)
            .header("cookie", &self.cookie);
        if csrf {
            request = request.header("x-csrf-token", &self.csrf);
        }
        let body = match body {
            Some(text) => {
                request = request.header("content-type", "application/json");
                Body::from(text)
            }
            None => Body::empty(),
        };
        self.app.send(request.body(body).unwrap()).await
    }

    async fn list(&self) -> serde_json::Value {
        let answer = self
            .call(Method::GET, "/api/v1/campaigns/demo/callbacks", false, None)
            .await;
        assert_eq!(answer.status, StatusCode::OK);
        answer.json()
    }

    async fn store(&self, events: &[EventEnvelope]) {
        let refs: Vec<&EventEnvelope> = events.iter().collect();
        let stored = self.db.db.store_events(&refs).await.unwrap();
        assert_eq!(stored.new.len(), events.len());
    }

    /// Every stored envelope, as text.
    async fn raw_rows(&self) -> String {
        let raw = self.db.raw_pool().await;
        let rows: Vec<(String,)> = sqlx::query_as("SELECT envelope FROM events ORDER BY position")
            .fetch_all(&raw)
            .await
            .unwrap();
        raw.close().await;
        format!("{rows:?}")
    }
}

fn awa() -> ResidentId {
    ResidentId::from_random([0xa1; 16])
}

/// A sign-up as the server opens it from a kiosk: no door.
fn kiosk_sign_up(resident: ResidentId, name: &str, phone: &str, on: LocalDate) -> EventBody {
    EventBody::ResidentSignedUp {
        door: None,
        resident,
        first_name: name.into(),
        last_name: None,
        phone: Some(phone.into()),
        email: None,
        language: "ar".into(),
        consents: Purpose::ALL
            .into_iter()
            .map(|purpose| ConsentAnswer {
                purpose,
                granted: true,
            })
            .collect(),
        notice_version: NOTICE_VERSION.into(),
        local_date: on,
    }
}

fn callback(name: &str, phone: &str, question: &str) -> EventBody {
    EventBody::KioskCallbackOpened(CallbackRequest {
        first_name: name.into(),
        phone: Some(phone.into()),
        email: None,
        language: KioskLanguage::Ar,
        topic: Some(Topic::LandlordServices),
        question: Some(question.into()),
    })
}

/// Each event by the kiosk, `minutes` after `start_ms`.
fn at_kiosk(kiosk: &mut Recorder, start_ms: u64, minutes: u64, body: EventBody) -> EventEnvelope {
    kiosk.record(
        start_ms + minutes * 60_000,
        [minutes as u8; 10],
        Actor::Kiosk,
        CampaignId::demo(),
        body,
    )
}

fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as u64
}

#[tokio::test]
async fn coordinators_list_callback_requests_and_mark_them_handled() {
    let f = fixture().await;
    let mut kiosk = Recorder::new(DeviceId::from_random([0x33; 16]));
    let start = now_ms() - 3_600_000;
    let events = vec![
        at_kiosk(
            &mut kiosk,
            start,
            1,
            callback("Awa", "+33612345678", "Qui appeler pour une fuite ?"),
        ),
        at_kiosk(
            &mut kiosk,
            start,
            2,
            callback("Bilal", "+33698765432", "Le chauffage ne marche pas"),
        ),
    ];
    f.store(&events).await;
    let list = f.list().await;
    let to_call = list["to_call"].as_array().unwrap();
    assert_eq!(to_call.len(), 2);
    assert_eq!(to_call[0]["request"]["first_name"], "Bilal", "newest first");
    assert_eq!(to_call[1]["request"]["phone"], "+33612345678");
    assert_eq!(
        to_call[1]["request"]["question"],
        "Qui appeler pour une fuite ?"
    );
    assert_eq!(to_call[1]["request"]["language"], "ar");
    assert_eq!(to_call[1]["requested_at_ms"], start + 60_000);
    assert_eq!(list["handled"], serde_json::json!([]));

    let awa_id = events[0].id.to_string();
    let uri = format!("/api/v1/campaigns/demo/callbacks/{awa_id}/handled");
    // A change needs the session's CSRF token.
    let refused = f.call(Method::POST, &uri, false, None).await;
    assert_eq!(
        refused.status,
        StatusCode::FORBIDDEN,
        "{:?}",
        refused.json()
    );
    let answer = f.call(Method::POST, &uri, true, None).await;
    assert_eq!(answer.status, StatusCode::OK, "{:?}", answer.json());
    let list = answer.json();
    assert_eq!(list["to_call"].as_array().unwrap().len(), 1);
    let handled = &list["handled"][0];
    assert_eq!(handled["id"], awa_id.as_str());
    assert_eq!(handled["handled"]["by"], "Claire Roux");
    assert_eq!(f.list().await, list, "the server kept it");
    // Pressing again (another coordinator, a second tab) changes nothing.
    let again = f.call(Method::POST, &uri, true, None).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.json(), list);
    let stored_handlings = f.raw_rows().await.matches("KioskCallbackHandled").count();
    assert_eq!(stored_handlings, 1);

    // Unknown campaign, unknown request, not signed in: plain JSON errors.
    let unknown = format!(
        "/api/v1/campaigns/demo/callbacks/{}/handled",
        events[0].device
    );
    let answer = f.call(Method::POST, &unknown, true, None).await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert_eq!(answer.json()["code"], "callback_not_found");
    let answer = f
        .call(
            Method::GET,
            "/api/v1/campaigns/nulle-part/callbacks",
            false,
            None,
        )
        .await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert_eq!(answer.json()["code"], "campaign_not_found");
    let answer = f.app.get("/api/v1/campaigns/demo/callbacks").await;
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED);

    // No tablet of the campaign pulls the requests or their handling.
    let page = PullPage {
        after: Cursor::START,
        limit: 100,
    };
    let rows =
        f.db.db
            .pull_page_rows(&CampaignId::demo(), &DeviceId::from_random([9; 16]), page)
            .await
            .unwrap();
    let pulled: PullResponse =
        serde_json::from_str(&PullResponse::json_from_rows(page, &rows, None)).unwrap();
    assert!(
        pulled
            .events
            .iter()
            .all(|e| !e.body.kind().starts_with("KioskCallback")),
        "{pulled:?}"
    );
}

#[tokio::test]
async fn an_erasure_and_the_retention_run_blank_kiosk_sign_ups_and_callback_requests() {
    let f = fixture().await;
    let mut kiosk = Recorder::new(DeviceId::from_random([0x34; 16]));
    let today = server::db::erasure::today();
    let start = now_ms() - 3_600_000;
    // Four years ago: past the default three-year period.
    let long_ago = now_ms() - 4 * 366 * 86_400_000;
    let mut old_kiosk = Recorder::new(DeviceId::from_random([0x35; 16]));
    let events = vec![
        at_kiosk(
            &mut kiosk,
            start,
            1,
            kiosk_sign_up(awa(), "Awa", "+33612345678", today),
        ),
        at_kiosk(
            &mut kiosk,
            start,
            2,
            callback("Awa", "+33612345678", "Awa : fuite au 3e"),
        ),
        at_kiosk(
            &mut kiosk,
            start,
            3,
            callback("Bilal", "+33698765432", "Bilal : chauffage"),
        ),
        at_kiosk(
            &mut old_kiosk,
            long_ago,
            0,
            callback("Zoé", "+33611223344", "Zoé : ascenseur"),
        ),
    ];
    f.store(&events).await;

    let answer = f
        .call(
            Method::POST,
            "/api/v1/campaigns/demo/erasures",
            true,
            Some(
                serde_json::json!({"resident": awa().as_str(), "reference": "DPO-2026-015"})
                    .to_string(),
            ),
        )
        .await;
    assert_eq!(answer.status, StatusCode::CREATED, "{:?}", answer.json());
    // Her kiosk sign-up and her callback request.
    assert_eq!(answer.json()["rewritten"], 2);
    assert_eq!(
        answer.json()["event"]["body"]["callbacks"],
        serde_json::json!([events[1].id.to_string()]),
        "the erasure names the request it reaches"
    );
    let rows = f.raw_rows().await;
    for gone in ["\\\"Awa\\\"", "612345678", "Awa : fuite"] {
        assert!(!rows.contains(gone), "{gone} still stored");
    }
    for kept in ["Bilal : chauffage", "+33698765432", "Zoé : ascenseur"] {
        assert!(rows.contains(kept), "{kept} should stay");
    }
    let list = f.list().await;
    assert_eq!(list["to_call"].as_array().unwrap().len(), 2, "Bilal, Zoé");
    assert_eq!(list["handled"][0]["erased"], true);
    assert_eq!(list["handled"][0]["request"]["topic"], "landlord_services");

    // The retention run: Zoé's request is past the period, Bilal's is not.
    f.db.db
        .run_retention(&CampaignId::demo(), today, false)
        .await
        .unwrap();
    let rows = f.raw_rows().await;
    assert!(!rows.contains("Zoé") && !rows.contains("+33611223344"));
    assert!(rows.contains("Bilal : chauffage"));
    let list = f.list().await;
    assert_eq!(list["to_call"].as_array().unwrap().len(), 1, "Bilal only");
    if f.db.postgres_url.is_none() {
        for file in ["palier.sqlite", "palier.sqlite-wal"] {
            let bytes = std::fs::read(f.db.data_dir().join(file)).unwrap_or_default();
            let text = String::from_utf8_lossy(&bytes);
            assert!(!text.contains("Awa : fuite"), "{file} holds the question");
            assert!(!text.contains("Zoé : ascenseur"), "{file} holds Zoé's");
        }
    }
}
