//! The coordinator's import of a campaign's log through the real router and database: pages in
//! position order with a cursor to go on from, every event with its personal details, only the
//! campaign asked for, the page size clamped, and the errors (not signed in, unknown campaign,
//! a bad cursor).

mod common;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use common::{Answer, App, TestDb, test_db};
use domain::event::{Actor, EventBody, EventEnvelope, Recorder};
use domain::ids::{CampaignId, DeviceId};
use domain::sync::PullResponse;

const EMAIL: &str = "awa.diallo@bailleur.fr";
const PASSWORD: &str = "quatre chats gris au balcon";

struct Fixture {
    app: App,
    db: TestDb,
    cookie: String,
}

/// A server with the demo campaign, a second campaign, and a signed-in coordinator.
async fn fixture() -> Fixture {
    let db = test_db().await;
    db.db.seed_demo().await.unwrap();
    server::accounts::create_account(&db.db, EMAIL, "Awa Diallo", PASSWORD)
        .await
        .unwrap();
    let url = match &db.postgres_url {
        Some(url) => url.clone(),
        None => format!("sqlite://{}", db.data_dir().join("palier.sqlite").display()),
    };
    let raw = sqlx::AnyPool::connect(&url).await.unwrap();
    sqlx::query("INSERT INTO campaigns (id, name) VALUES ('quartier-nord', 'Quartier nord')")
        .execute(&raw)
        .await
        .unwrap();
    raw.close().await;
    let app = common::app(&db.db);
    let (cookie, _) = app.sign_in(EMAIL, PASSWORD).await;
    Fixture { app, db, cookie }
}

impl Fixture {
    async fn read(&self, uri: &str) -> Answer {
        let request = Request::builder()
            .method(Method::GET)
            .uri(uri)
            .header("cookie", &self.cookie)
            .body(Body::empty())
            .unwrap();
        self.app.send(request).await
    }

    async fn page(&self, uri: &str) -> PullResponse {
        let answer = self.read(uri).await;
        assert_eq!(answer.status, StatusCode::OK, "{:?}", answer.json());
        serde_json::from_slice(&answer.body).unwrap()
    }

    /// Stores `events` as a push would.
    async fn store(&self, events: &[EventEnvelope]) {
        let refs: Vec<&EventEnvelope> = events.iter().collect();
        let stored = self.db.db.store_events(&refs).await.unwrap();
        assert_eq!(stored.new.len(), events.len());
    }
}

fn note(recorder: &mut Recorder, campaign: &str, text: &str) -> EventEnvelope {
    recorder.record(
        server::db::now_ms(),
        common::random(),
        Actor::Volunteer {
            name: "Inès".into(),
        },
        CampaignId::parse(campaign).unwrap(),
        EventBody::FieldNoteRecorded { text: text.into() },
    )
}

fn error_code(answer: &Answer) -> String {
    answer.json()["code"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn the_whole_log_comes_page_by_page_with_personal_details_and_only_its_campaign() {
    let f = fixture().await;
    let mut tablet = Recorder::new(DeviceId::from_random(common::random()));
    let mut other = Recorder::new(DeviceId::from_random(common::random()));
    let mut demo = Vec::new();
    for i in 0..12 {
        demo.push(note(&mut tablet, "demo", &format!("Mme Martin, note {i}")));
        // Interleaved: another campaign's events sit between the demo's positions.
        f.store(&[note(&mut other, "quartier-nord", "ailleurs")])
            .await;
        f.store(&demo[i..=i]).await;
    }

    let mut got = Vec::new();
    let mut uri = "/api/v1/campaigns/demo/events?limit=5".to_owned();
    let mut pages = Vec::new();
    loop {
        let page = f.page(&uri).await;
        pages.push((page.events.len(), page.more));
        got.extend(page.events);
        if !page.more {
            // Asking again from the last cursor: nothing new, the same cursor.
            let again = f
                .page(&format!(
                    "/api/v1/campaigns/demo/events?after={}&limit=5",
                    page.next_cursor
                ))
                .await;
            assert!(again.events.is_empty() && !again.more);
            assert_eq!(again.next_cursor, page.next_cursor);
            break;
        }
        uri = format!(
            "/api/v1/campaigns/demo/events?after={}&limit=5",
            page.next_cursor
        );
    }
    assert_eq!(pages, vec![(5, true), (5, true), (2, false)]);
    // Every event as the device recorded it, notes included (a device's pull never gets them).
    assert_eq!(got, demo);

    // Asked for, the count of what follows the cursor (this page included), so that the
    // browser makes room for the whole log at once; only this campaign's events count.
    let first = f
        .read("/api/v1/campaigns/demo/events?limit=5&count=true")
        .await;
    assert_eq!(first.json()["remaining"], 12);
    let after_five = f.page("/api/v1/campaigns/demo/events?limit=5").await;
    let rest = f
        .read(&format!(
            "/api/v1/campaigns/demo/events?after={}&limit=5&count=true",
            after_five.next_cursor
        ))
        .await;
    assert_eq!(rest.json()["remaining"], 7);
    let uncounted = f.read("/api/v1/campaigns/demo/events?limit=5").await;
    assert!(uncounted.json().get("remaining").is_none());

    let nord = f.page("/api/v1/campaigns/quartier-nord/events").await;
    assert_eq!(nord.events.len(), 12);
    assert!(
        nord.events
            .iter()
            .all(|e| e.campaign.as_str() == "quartier-nord")
    );
}

#[tokio::test]
async fn a_page_holds_at_most_five_thousand_events_and_at_least_one() {
    let f = fixture().await;
    let mut tablet = Recorder::new(DeviceId::from_random(common::random()));
    let events: Vec<_> = (0..5_003)
        .map(|i| note(&mut tablet, "demo", &format!("n{i}")))
        .collect();
    for chunk in events.chunks(1_000) {
        f.store(chunk).await;
    }
    let big = f.page("/api/v1/campaigns/demo/events?limit=100000").await;
    assert_eq!(big.events.len(), 5_000);
    assert!(big.more);
    let rest = f
        .page(&format!(
            "/api/v1/campaigns/demo/events?after={}",
            big.next_cursor
        ))
        .await;
    assert_eq!(rest.events.len(), 3);
    assert!(!rest.more);
    let one = f.page("/api/v1/campaigns/demo/events?limit=0").await;
    assert_eq!(one.events.len(), 1);
    assert!(one.more);
    let default = f.page("/api/v1/campaigns/demo/events").await;
    assert_eq!(default.events.len(), 1_000);
}

#[tokio::test]
async fn only_a_signed_in_coordinator_reads_a_campaign_that_exists() {
    let f = fixture().await;
    let anonymous = f.app.get("/api/v1/campaigns/demo/events").await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    assert_eq!(error_code(&anonymous), "not_signed_in");

    for uri in [
        "/api/v1/campaigns/nulle-part/events",
        "/api/v1/campaigns/NOT%20AN%20ID/events",
    ] {
        let answer = f.read(uri).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{uri}");
        assert_eq!(error_code(&answer), "campaign_not_found");
    }

    for uri in [
        "/api/v1/campaigns/demo/events?after=007",
        "/api/v1/campaigns/demo/events?after=-1",
        "/api/v1/campaigns/demo/events?limit=beaucoup",
    ] {
        let answer = f.read(uri).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{uri}");
    }
    let empty = f.page("/api/v1/campaigns/demo/events?after=0").await;
    assert!(empty.events.is_empty() && !empty.more);
    assert_eq!(empty.next_cursor.to_string(), "0");
}
