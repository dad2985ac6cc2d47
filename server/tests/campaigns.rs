//! Campaigns through the real router and database: a coordinator creates one and changes its
//! settings; anyone else is refused; bad input gets a 4xx `{code, message}` that says what is
//! wrong; and a device of the campaign pulls the change and folds the same settings.

mod common;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use common::Answer;
use domain::campaign::{CampaignSettings, campaign_settings, settings_writer};
use domain::event::{Actor, EventBody};
use domain::ids::{CampaignId, DeviceId};
use domain::sync::{PullRequest, PullResponse};
use domain::territory::ResidenceId;
use serde_json::{Value, json};

const EMAIL: &str = "awa.diallo@bailleur.fr";
const PASSWORD: &str = "quatre chats gris au balcon";

type Fixture = common::Coordinator;

async fn fixture() -> Fixture {
    common::coordinator(EMAIL, "Awa Diallo", PASSWORD).await
}

impl Fixture {
    async fn send(&self, method: Method, uri: &str, body: Value, csrf: bool) -> Answer {
        let mut request = Request::builder()
            .method(method)
            .uri(uri)
            .header("cookie", &self.cookie)
            .header("content-type", "application/json");
        if csrf {
            request = request.header("x-csrf-token", &self.csrf);
        }
        self.app
            .send(request.body(Body::from(body.to_string())).unwrap())
            .await
    }

    async fn create(&self, name: &str, territory: &str) -> Answer {
        let body = json!({"name": name, "territory": territory});
        self.send(Method::POST, "/api/v1/campaigns", body, true)
            .await
    }

    async fn change(&self, campaign: &str, edits: Value) -> Answer {
        let uri = format!("/api/v1/campaigns/{campaign}/settings");
        self.send(Method::POST, &uri, json!({ "edits": edits }), true)
            .await
    }
}

fn settings_of(answer: &Answer) -> CampaignSettings {
    assert_eq!(answer.status, StatusCode::OK, "{:?}", answer.json());
    serde_json::from_slice(&answer.body).unwrap()
}

fn pin() -> Value {
    json!({"salt": "0f".repeat(16), "iterations": 600_000, "hash": "a1".repeat(32)})
}

#[tokio::test]
async fn a_coordinator_creates_a_campaign_and_changes_its_settings() {
    let f = fixture().await;
    let created = f
        .create("Les Tilleuls, automne 2026", "Quartier Nord")
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{:?}", created.json());
    let id = created.json()["id"].as_str().unwrap().to_owned();
    assert!(id.starts_with("les-tilleuls-automne-2026-"), "{id}");
    assert_eq!(created.json()["retention_days"], 1095);
    let listed = f.app.get("/api/v1/campaigns").await.json();
    assert!(
        listed
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["id"] == id.as_str() && c["name"] == "Les Tilleuls, automne 2026")
    );

    let uri = format!("/api/v1/campaigns/{id}/settings");
    let first = settings_of(&f.send(Method::GET, &uri, Value::Null, false).await);
    assert_eq!(first.name.as_deref(), Some("Les Tilleuls, automne 2026"));
    assert_eq!(first.territory, "Quartier Nord");

    let changed = settings_of(
        &f.change(
            &id,
            json!([
                {"field": "app_name", "value": "Voisins Solidaires"},
                {"field": "join_link", "residence": "tilleuls", "link": "https://voisins.example/t"},
                {"field": "kiosk_idle", "seconds": 90},
                {"field": "kiosk_pin", "pin": pin()},
                {"field": "retention_months", "months": 24},
                {"field": "knowledge_text", "entry": "local-velos", "language": "fr",
                 "question": "Où ranger mon vélo ?", "answer": "Au local vélos, voyez {caretaker}."},
            ]),
        )
        .await,
    );
    assert_eq!(changed.app_name.as_deref(), Some("Voisins Solidaires"));
    assert_eq!(
        changed.join_link(&ResidenceId("tilleuls".into()), None),
        Some("https://voisins.example/t")
    );
    assert_eq!(changed.kiosk.idle_s, 90);
    assert_eq!(changed.kiosk_pin.unwrap().iterations, 600_000);
    assert_eq!(changed.retention_months, 24);
    assert!(changed.knowledge.contains_key("local-velos"));
    assert_eq!(
        changed.last_change.unwrap().1,
        Actor::Coordinator {
            name: "Awa Diallo".into()
        }
    );
    // The campaigns table follows, for the retention job.
    let row = f.db.db.campaign(&id).await.unwrap().unwrap();
    assert_eq!(row.retention_days, 730);

    // A later change of the same field wins; the others stay.
    let again = settings_of(
        &f.change(
            &id,
            json!([{"field": "join_link", "residence": "tilleuls", "link": "https://voisins.example/t2"}]),
        )
        .await,
    );
    assert_eq!(
        again.join_link(&ResidenceId("tilleuls".into()), None),
        Some("https://voisins.example/t2")
    );
    assert_eq!(again.kiosk.idle_s, 90);
    // The changes are events of the campaign's log, written by its writer device in order.
    let campaign = CampaignId::parse(&id).unwrap();
    let events = f.db.db.settings_events(&campaign).await.unwrap();
    assert_eq!(events.len(), 3, "creation and two changes");
    let seqs: Vec<u64> = events.iter().map(|e| e.seq).collect();
    assert_eq!(seqs, [1, 2, 3]);
    assert!(events.windows(2).all(|w| w[0].hlc < w[1].hlc));
    for event in &events {
        assert_eq!(event.device, settings_writer(&campaign));
        event.validate().unwrap();
    }
}

#[tokio::test]
async fn only_a_signed_in_coordinator_on_palier_changes_anything() {
    let f = fixture().await;
    let body = json!({"name": "Pirate"}).to_string();
    let anonymous = f.app.post("/api/v1/campaigns", None, body).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    let no_csrf = f
        .send(
            Method::POST,
            "/api/v1/campaigns",
            json!({"name": "Pirate"}),
            false,
        )
        .await;
    assert_eq!(no_csrf.status, StatusCode::FORBIDDEN);
    assert_eq!(no_csrf.json()["code"], "csrf_failed");
    let edits = json!({"edits": [{"field": "kiosk_idle", "seconds": 90}]}).to_string();
    let anonymous = f
        .app
        .post("/api/v1/campaigns/demo/settings", None, edits.clone())
        .await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    // A device's token is not a coordinator's session either.
    let device = f
        .app
        .post(
            "/api/v1/campaigns/demo/settings",
            Some(&"a".repeat(64)),
            edits,
        )
        .await;
    assert_eq!(device.status, StatusCode::UNAUTHORIZED);
    let read = f.app.get("/api/v1/campaigns/demo/settings").await;
    assert_eq!(read.status, StatusCode::UNAUTHORIZED);
    let campaigns = f.app.get("/api/v1/campaigns").await.json();
    assert_eq!(
        campaigns.as_array().unwrap().len(),
        1,
        "nothing was created"
    );
}

#[tokio::test]
async fn bad_input_is_refused_with_what_is_wrong() {
    let f = fixture().await;
    let cases = [
        (json!([]), "no_edits"),
        (
            json!([{"field": "join_link", "residence": "tilleuls", "link": "http://voisins.example"}]),
            "join_link_not_https",
        ),
        (
            json!([{"field": "kiosk_idle", "seconds": 5}]),
            "idle_out_of_range",
        ),
        (
            json!([{"field": "retention_months", "months": 121}]),
            "retention_out_of_range",
        ),
        (
            json!([{"field": "kiosk_pin", "pin": {"salt": "00", "iterations": 1, "hash": "00"}}]),
            "pin_record_malformed",
        ),
        (
            json!([{"field": "knowledge_text", "entry": "velo", "language": "fr",
                    "question": "Où ?", "answer": "Appelez {landlord_phon}."}]),
            "unknown_placeholder",
        ),
        (json!([{"field": "name", "value": "  "}]), "name_empty"),
    ];
    for (edits, code) in cases {
        let answer = f.change("demo", edits.clone()).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{edits}");
        assert_eq!(answer.json()["code"], code, "{edits}");
        assert!(
            !answer.json()["message"].as_str().unwrap().is_empty(),
            "{edits}"
        );
    }
    // A knowledge base the kiosk could not use: the same question as a shipped entry.
    let shipped = domain::kiosk::default_knowledge();
    let question = &shipped.entries[0].texts[&domain::kiosk::KioskLanguage::Fr].question;
    let twice = f
        .change(
            "demo",
            json!([{"field": "knowledge_text", "entry": "copie", "language": "fr",
                    "question": question, "answer": "Une autre réponse."}]),
        )
        .await;
    assert_eq!(twice.status, StatusCode::BAD_REQUEST);
    assert_eq!(twice.json()["code"], "knowledge_invalid");
    // Not an edit at all, and an unknown campaign.
    let unknown_field = f.change("demo", json!([{"field": "kiosk_theme"}])).await;
    assert!(unknown_field.status.is_client_error());
    assert!(unknown_field.json()["code"].is_string());
    let missing = f
        .change(
            "nulle-part",
            json!([{"field": "kiosk_idle", "seconds": 90}]),
        )
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(missing.json()["code"], "campaign_not_found");
    let nameless = f.create(" ", "").await;
    assert_eq!(nameless.status, StatusCode::BAD_REQUEST);
    assert_eq!(nameless.json()["code"], "name_empty");
    // Nothing refused was stored.
    let stored = f.db.db.settings_events(&CampaignId::demo()).await.unwrap();
    assert!(stored.is_empty());
}

#[tokio::test]
async fn a_device_of_the_campaign_pulls_the_settings() {
    let f = fixture().await;
    let created = f.create("Les Lilas", "").await;
    let id = created.json()["id"].as_str().unwrap().to_owned();
    let campaign = CampaignId::parse(&id).unwrap();
    let code = format!("/api/v1/campaigns/{id}/enrollment-codes");
    let issued = f.send(Method::POST, &code, json!({}), true).await;
    assert_eq!(issued.status, StatusCode::OK, "{:?}", issued.json());
    let device = DeviceId::from_random(common::random());
    let enrolled = f
        .app
        .post(
            "/api/v1/devices/enroll",
            None,
            json!({"version": 1, "code": issued.json()["code"], "device": device,
                   "label": "Borne du hall"})
            .to_string(),
        )
        .await;
    assert_eq!(enrolled.status, StatusCode::OK, "{:?}", enrolled.json());
    let token = enrolled.json()["token"].as_str().unwrap().to_owned();
    settings_of(
        &f.change(
            &id,
            json!([
                {"field": "join_link", "residence": "lilas", "link": "https://voisins.example/lilas"},
                {"field": "kiosk_pin", "pin": pin()},
            ]),
        )
        .await,
    );
    let request = PullRequest::new(device.clone(), None, 100);
    let pulled = f
        .app
        .post(
            "/api/v1/sync/pull",
            Some(&token),
            serde_json::to_string(&request).unwrap(),
        )
        .await;
    assert_eq!(pulled.status, StatusCode::OK, "{:?}", pulled.json());
    let page: PullResponse = serde_json::from_slice(&pulled.body).unwrap();
    assert!(
        page.events
            .iter()
            .all(|e| matches!(e.body, EventBody::CampaignSettingsChanged(_)))
    );
    let settings = campaign_settings(&campaign, &page.events);
    assert_eq!(settings.name.as_deref(), Some("Les Lilas"));
    assert_eq!(
        settings.join_link(&ResidenceId("lilas".into()), None),
        Some("https://voisins.example/lilas")
    );
    assert_eq!(settings.kiosk_pin.unwrap().hash, "a1".repeat(32));
}
