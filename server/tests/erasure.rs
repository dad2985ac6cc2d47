//! A resident's erasure through the real router and database (SQLite, or PostgreSQL when
//! `PALIER_TEST_DATABASE_URL` is set): the erasure event is stored and handed to the team's
//! devices, the stored rows and the coordinator's export of the campaign no longer hold the
//! resident's details, other residents keep theirs, a sign-up pushed late is purged by the next
//! run, the retention run erases those past the period, and bad requests get JSON errors.

mod common;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use common::Answer;
use domain::calendar::{LocalDate, PartOfDay};
use domain::canvass::DoorOutcome;
use domain::consent::{ConsentAnswer, NOTICE_VERSION, Purpose};
use domain::event::{Actor, EventBody, EventEnvelope, Recorder};
use domain::ids::{CampaignId, DeviceId};
use domain::signup::ResidentId;
use domain::sync::{Cursor, PullPage, PullResponse};
use domain::territory::DoorId;

const EMAIL: &str = "claire.roux@bailleur.fr";
const PASSWORD: &str = "quatre chats gris au balcon";

type Fixture = common::Coordinator;

async fn fixture() -> Fixture {
    common::coordinator(EMAIL, "Claire Roux", PASSWORD).await
}

impl Fixture {
    async fn erase(&self, campaign: &str, body: serde_json::Value) -> Answer {
        let request = Request::builder()
            .method(Method::POST)
            .uri(format!("/api/v1/campaigns/{campaign}/erasures"))
            .header("cookie", &self.cookie)
            .header("x-csrf-token", &self.csrf)
            .header("content-type", "application/json")
            .body(Body::from(body.to_string()))
            .unwrap();
        self.app.send(request).await
    }

    async fn export(&self) -> String {
        let request = Request::builder()
            .method(Method::GET)
            .uri("/api/v1/campaigns/demo/events?limit=5000")
            .header("cookie", &self.cookie)
            .body(Body::empty())
            .unwrap();
        let answer = self.app.send(request).await;
        assert_eq!(answer.status, StatusCode::OK);
        String::from_utf8(answer.body).unwrap()
    }

    /// Every stored column of every row, as text.
    async fn raw_rows(&self) -> String {
        let raw = self.db.raw_pool().await;
        let rows: Vec<(String, String, String)> =
            sqlx::query_as("SELECT id, kind, envelope FROM events ORDER BY position")
                .fetch_all(&raw)
                .await
                .unwrap();
        raw.close().await;
        format!("{rows:?}")
    }

    async fn store(&self, events: &[EventEnvelope]) {
        let refs: Vec<&EventEnvelope> = events.iter().collect();
        let stored = self.db.db.store_events(&refs).await.unwrap();
        assert_eq!(stored.new.len(), events.len());
    }
}

fn day(y: i32, m: u8, d: u8) -> LocalDate {
    LocalDate::new(y, m, d).unwrap()
}

fn awa() -> ResidentId {
    ResidentId::from_random([0xa1; 16])
}

fn bob() -> ResidentId {
    ResidentId::from_random([0xb0; 16])
}

fn sign_up(resident: ResidentId, name: &str, phone: &str, door: &str, on: LocalDate) -> EventBody {
    EventBody::ResidentSignedUp {
        door: Some(DoorId(door.into())),
        resident,
        first_name: name.into(),
        last_name: Some("Kanté".into()),
        phone: Some(phone.into()),
        email: Some(format!("{}@exemple.fr", name.to_lowercase())),
        language: "fr".into(),
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

fn visit(door: &str, note: &str, on: LocalDate) -> EventBody {
    EventBody::DoorVisited {
        door: DoorId(door.into()),
        outcome: DoorOutcome::SignedUp,
        note: Some(note.into()),
        wellbeing: None,
        local_date: on,
        part_of_day: PartOfDay::Morning,
    }
}

fn record(recorder: &mut Recorder, n: u64, body: EventBody) -> EventEnvelope {
    let now = 1_764_000_000_000 + n * 1000;
    let actor = Actor::Volunteer {
        name: "Inès".into(),
    };
    recorder.record(now, [n as u8; 10], actor, CampaignId::demo(), body)
}

fn tablet(n: u8) -> Recorder {
    Recorder::new(DeviceId::from_random([n; 16]))
}

#[tokio::test]
async fn an_erasure_purges_the_stored_rows_and_the_export_and_reaches_every_device() {
    let f = fixture().await;
    let mut inès = tablet(1);
    let today = server::db::erasure::today();
    let events = vec![
        record(
            &mut inès,
            1,
            sign_up(awa(), "Awa", "+33612345678", "d-1", today),
        ),
        record(
            &mut inès,
            2,
            visit("d-1", "Awa, aide pour les papiers", today),
        ),
        record(
            &mut inès,
            3,
            sign_up(bob(), "Bob", "+33699887766", "d-2", today),
        ),
        record(&mut inès, 4, visit("d-2", "Bob veut le groupe", today)),
    ];
    f.store(&events).await;
    assert!(f.export().await.contains("+33612345678"));

    let answer = f
        .erase(
            "demo",
            serde_json::json!({"resident": awa().as_str(), "reference": "DPO-2026-014"}),
        )
        .await;
    assert_eq!(answer.status, StatusCode::CREATED, "{:?}", answer.json());
    assert_eq!(answer.json()["rewritten"], 2);

    let export = f.export().await;
    let rows = f.raw_rows().await;
    for personal in [
        "Awa",
        "awa@exemple.fr",
        "612345678",
        "aide pour les papiers",
    ] {
        assert!(!export.contains(personal), "{personal} in the export");
        assert!(!rows.contains(personal), "{personal} in the stored rows");
    }
    for kept in ["Bob", "+33699887766", "Bob veut le groupe"] {
        assert!(export.contains(kept), "{kept} should stay");
    }
    // Every row is still there and still reads as a valid event.
    let page: PullResponse = serde_json::from_str(&export).unwrap();
    assert_eq!(page.events.len(), 5);
    for event in &page.events {
        assert_eq!(event.validate(), Ok(()));
    }
    // SQLite: not even the database files hold the details any more.
    if f.db.postgres_url.is_none() {
        for file in ["palier.sqlite", "palier.sqlite-wal"] {
            let bytes = std::fs::read(f.db.data_dir().join(file)).unwrap_or_default();
            let text = String::from_utf8_lossy(&bytes);
            assert!(!text.contains("612345678"), "{file} still holds the phone");
            assert!(
                !text.contains("awa@exemple.fr"),
                "{file} still holds the email"
            );
        }
    }

    // Another tablet of the campaign pulls the erasure, and only its resident id.
    let other = DeviceId::from_random([9; 16]);
    let page = PullPage {
        after: Cursor::START,
        limit: 100,
    };
    let rows =
        f.db.db
            .pull_page_rows(&CampaignId::demo(), &other, page)
            .await
            .unwrap();
    let pulled: PullResponse =
        serde_json::from_str(&PullResponse::json_from_rows(page, &rows, None)).unwrap();
    let erasure = pulled
        .events
        .iter()
        .find(|e| e.body.kind() == "ResidentErased")
        .expect("the erasure is shared with the team");
    let EventBody::ResidentErased(erased) = &erasure.body else {
        unreachable!()
    };
    assert_eq!(erased.resident, awa());
    assert_eq!(erased.reference, "DPO-2026-014");

    // A sign-up pushed late (a tablet offline for weeks) is purged by the next run.
    let mut late = tablet(2);
    f.store(&[record(
        &mut late,
        50,
        sign_up(awa(), "Awa", "+33612345678", "d-1", today),
    )])
    .await;
    assert!(f.raw_rows().await.contains("612345678"));
    assert_eq!(
        f.db.db.apply_erasures(&CampaignId::demo()).await.unwrap(),
        1
    );
    assert!(!f.raw_rows().await.contains("612345678"));
    // And erasing again rewrites nothing.
    assert_eq!(
        f.db.db.apply_erasures(&CampaignId::demo()).await.unwrap(),
        0
    );
}

#[tokio::test]
async fn bad_erasure_requests_get_json_errors() {
    let f = fixture().await;
    let mut inès = tablet(1);
    f.store(&[record(
        &mut inès,
        1,
        sign_up(awa(), "Awa", "+33612345678", "d-1", day(2026, 11, 2)),
    )])
    .await;
    let cases = [
        (
            "demo",
            serde_json::json!({"resident": "awa", "reference": "R1"}),
            400,
            "bad_resident",
        ),
        (
            "demo",
            serde_json::json!({"resident": awa().as_str(), "reference": "0612345678"}),
            400,
            "bad_reference",
        ),
        (
            "demo",
            serde_json::json!({"resident": awa().as_str(), "reference": "R1", "fields": []}),
            400,
            "bad_fields",
        ),
        (
            "demo",
            serde_json::json!({"resident": bob().as_str(), "reference": "R1"}),
            404,
            "resident_not_found",
        ),
        (
            "nowhere",
            serde_json::json!({"resident": awa().as_str(), "reference": "R1"}),
            404,
            "campaign_not_found",
        ),
        (
            "NOT%20AN%20ID",
            serde_json::json!({"resident": awa().as_str(), "reference": "R1"}),
            404,
            "campaign_not_found",
        ),
        (
            "demo",
            serde_json::json!({"reference": "R1"}),
            400,
            "bad_request",
        ),
    ];
    for (campaign, body, status, code) in cases {
        let answer = f.erase(campaign, body.clone()).await;
        assert_eq!(answer.status.as_u16(), status, "{body}");
        assert_eq!(answer.json()["code"], code, "{body}");
    }
    // Nothing was recorded by any of them.
    assert!(!f.export().await.contains("ResidentErased"));
    // Without the CSRF token, refused.
    let request = Request::builder()
        .method(Method::POST)
        .uri("/api/v1/campaigns/demo/erasures")
        .header("cookie", &f.cookie)
        .header("content-type", "application/json")
        .body(Body::from(
            serde_json::json!({"resident": awa().as_str(), "reference": "R1"}).to_string(),
        ))
        .unwrap();
    let answer = f.app.send(request).await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    assert_eq!(answer.json()["code"], "csrf_failed");
}

#[tokio::test]
async fn the_retention_run_erases_those_past_the_period_and_says_so() {
    let f = fixture().await;
    let mut inès = tablet(1);
    let today = day(2026, 12, 1);
    f.store(&[
        record(
            &mut inès,
            1,
            sign_up(awa(), "Awa", "+33612345678", "d-1", day(2023, 11, 30)),
        ),
        record(
            &mut inès,
            2,
            sign_up(bob(), "Bob", "+33699887766", "d-2", day(2023, 12, 2)),
        ),
    ])
    .await;
    let campaign = CampaignId::demo();
    let dry = f.db.db.run_retention(&campaign, today, true).await.unwrap();
    assert_eq!(dry.purged, 1);
    assert!(
        f.raw_rows().await.contains("612345678"),
        "a dry run erases nothing"
    );
    let done =
        f.db.db
            .run_retention(&campaign, today, false)
            .await
            .unwrap();
    assert_eq!(
        done.text(domain::i18n::Locale::Fr),
        "1 résident\u{a0}: coordonnées effacées, dernier contact le 30/11/2023."
    );
    let rows = f.raw_rows().await;
    assert!(!rows.contains("612345678"));
    assert!(
        rows.contains("+33699887766"),
        "Bob's last contact is within 3 years"
    );
    assert!(rows.contains("retention_period"));
    let again =
        f.db.db
            .run_retention(&campaign, today, false)
            .await
            .unwrap();
    assert_eq!(again.purged, 0);
}
