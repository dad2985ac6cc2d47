//! Sealed kiosk records through the real router and database: the campaign's public key reaches
//! enrolled devices, a sealed sign-up is stored opened (and nothing sealed is kept), a tampered or
//! misdirected one is refused with its own code and stored in no form, the same sealed event
//! twice is a duplicate, and a sealed callback request is opened for the coordinators.

mod common;

use axum::http::StatusCode;
use common::{App, TestDb, app, test_db};
use domain::calendar::LocalDate;
use domain::consent::{ConsentAnswer, Purpose};
use domain::event::{Actor, EventBody, EventEnvelope, Recorder};
use domain::ids::{CampaignId, DeviceId};
use domain::kiosk::{CallbackRequest, CallbackRequested, KioskLanguage, Topic};
use domain::sealed::{
    SealedEnvelope, SealedKind, SealedRecord, additional_data, base64url_decode, base64url_encode,
};
use domain::signup::ResidentId;
use domain::sync::{Cursor, PushRequest, PushResponse};

struct Fixture {
    app: App,
    db: TestDb,
}

struct Kiosk {
    id: DeviceId,
    token: String,
    key: String,
    recorder: Recorder,
}

async fn fixture() -> Fixture {
    let db = test_db().await;
    db.db.seed_demo().await.unwrap();
    Fixture {
        app: app(&db.db),
        db,
    }
}

impl Fixture {
    async fn enroll(&self) -> Kiosk {
        let linked = common::link_device(&self.app, &self.db.db, "Borne hall A").await;
        Kiosk {
            token: linked.token,
            key: linked.sealing_key,
            recorder: Recorder::new(linked.id.clone()),
            id: linked.id,
        }
    }

    async fn push(&self, kiosk: &Kiosk, events: Vec<EventEnvelope>) -> Vec<serde_json::Value> {
        let request = PushRequest::new(kiosk.id.clone(), events);
        let answer = self
            .app
            .post(
                "/api/v1/sync/push",
                Some(&kiosk.token),
                serde_json::to_string(&request).unwrap(),
            )
            .await;
        assert_eq!(answer.status, StatusCode::OK, "{:?}", answer.json());
        let response: PushResponse = serde_json::from_slice(&answer.body).unwrap();
        response
            .results
            .iter()
            .map(|r| serde_json::to_value(r).unwrap())
            .collect()
    }

    /// Every stored envelope of the demo campaign, as JSON text.
    async fn stored(&self) -> Vec<String> {
        self.db
            .db
            .campaign_events(&CampaignId::demo(), Cursor::from_position(0), 1000)
            .await
            .unwrap()
            .into_iter()
            .map(|(_, json)| json)
            .collect()
    }
}

fn sign_up() -> EventBody {
    EventBody::ResidentSignedUp {
        door: None,
        resident: ResidentId::from_random([4; 16]),
        first_name: "Awa".into(),
        last_name: Some("Diallo".into()),
        phone: Some("+33612345678".into()),
        email: Some("awa@exemple.fr".into()),
        language: "ar".into(),
        consents: Purpose::ALL
            .into_iter()
            .map(|purpose| ConsentAnswer {
                purpose,
                granted: true,
            })
            .collect(),
        notice_version: domain::consent::NOTICE_VERSION.into(),
        local_date: LocalDate::new(2026, 11, 26).unwrap(),
    }
}

fn seal(key: &str, kind: SealedKind, plaintext: &[u8]) -> SealedEnvelope {
    server::sealing::seal(
        key,
        &additional_data(&CampaignId::demo(), kind),
        plaintext,
        common::random(),
        common::random(),
    )
    .unwrap()
}

fn sealed_sign_up(kiosk: &mut Kiosk, body: &EventBody) -> EventEnvelope {
    let sealed = seal(
        &kiosk.key,
        SealedKind::ResidentSignedUp,
        serde_json::to_string(body).unwrap().as_bytes(),
    );
    kiosk.recorder.record(
        server::db::now_ms(),
        common::random(),
        Actor::Kiosk,
        CampaignId::demo(),
        EventBody::KioskSealed(SealedRecord {
            of: SealedKind::ResidentSignedUp,
            sealed,
        }),
    )
}

fn outcome(result: &serde_json::Value) -> (&str, &str) {
    (
        result["outcome"].as_str().unwrap(),
        result["code"].as_str().unwrap_or(""),
    )
}

#[tokio::test]
async fn enrolled_devices_get_the_campaigns_public_key_and_only_theirs() {
    let f = fixture().await;
    let kiosk = f.enroll().await;
    let other = f.enroll().await;
    assert_eq!(kiosk.key, other.key, "one key per campaign");
    let point = base64url_decode(&kiosk.key).unwrap();
    assert_eq!((point.len(), point[0]), (65, 4));
    let mut request = axum::http::Request::get("/api/v1/campaigns/demo/sealing-key");
    request = request.header("authorization", format!("Bearer {}", kiosk.token));
    let answer = f
        .app
        .send(request.body(axum::body::Body::empty()).unwrap())
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    let json = answer.json();
    assert_eq!(json["public_key"], kiosk.key.as_str());
    assert_eq!(json["alg"], "ECDH-P256+HKDF-SHA256+A256GCM");
    assert_eq!(json["campaign"], "demo");
    let anonymous = f.app.get("/api/v1/campaigns/demo/sealing-key").await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    let mut request = axum::http::Request::get("/api/v1/campaigns/quartier-nord/sealing-key");
    request = request.header("authorization", format!("Bearer {}", kiosk.token));
    let elsewhere = f
        .app
        .send(request.body(axum::body::Body::empty()).unwrap())
        .await;
    assert_eq!(elsewhere.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_sealed_sign_up_is_stored_opened_and_twice_is_a_duplicate() {
    let f = fixture().await;
    let mut kiosk = f.enroll().await;
    let body = sign_up();
    let event = sealed_sign_up(&mut kiosk, &body);
    let wire = serde_json::to_string(&event).unwrap();
    assert!(!wire.contains("Awa") && !wire.contains("612345678"));
    let first = f.push(&kiosk, vec![event.clone()]).await;
    assert_eq!(outcome(&first[0]), ("accepted", ""));
    let stored = f.stored().await;
    assert_eq!(stored.len(), 1);
    let opened: EventEnvelope = serde_json::from_str(&stored[0]).unwrap();
    assert_eq!(opened.body, body, "the coordinators get the sign-up itself");
    assert_eq!((opened.id, opened.actor), (event.id.clone(), Actor::Kiosk));
    assert!(!stored[0].contains("KioskSealed"), "nothing sealed is kept");
    let again = f.push(&kiosk, vec![event.clone()]).await;
    assert_eq!(outcome(&again[0]), ("duplicate", ""));
    assert_eq!(f.stored().await.len(), 1);
}

#[tokio::test]
async fn a_tampered_or_misdirected_sealed_record_is_refused_and_stored_in_no_form() {
    let f = fixture().await;
    let mut kiosk = f.enroll().await;
    let good = sealed_sign_up(&mut kiosk, &sign_up());
    let mut tampered = sealed_sign_up(&mut kiosk, &sign_up());
    if let EventBody::KioskSealed(record) = &mut tampered.body {
        let mut ct = base64url_decode(&record.sealed.ct).unwrap();
        ct[0] ^= 0x80;
        record.sealed.ct = base64url_encode(&ct);
    }
    // Sealed with a key that is not the campaign's (a kiosk of another server, a forgery).
    let mut stranger = sealed_sign_up(&mut kiosk, &sign_up());
    if let EventBody::KioskSealed(record) = &mut stranger.body {
        let foreign_key = base64url_encode(
            &base64url_decode(&seal(&kiosk.key, SealedKind::ResidentSignedUp, b"x").epk).unwrap(),
        );
        record.sealed = seal(
            &foreign_key,
            SealedKind::ResidentSignedUp,
            serde_json::to_string(&sign_up()).unwrap().as_bytes(),
        );
    }
    // Opens, but what it holds is not a valid sign-up.
    let mut invalid_inside = sign_up();
    if let EventBody::ResidentSignedUp { phone, .. } = &mut invalid_inside {
        *phone = Some("06 12 34 56 78".into());
    }
    let invalid = sealed_sign_up(&mut kiosk, &invalid_inside);
    let results = f
        .push(
            &kiosk,
            vec![good.clone(), tampered, stranger, invalid.clone()],
        )
        .await;
    let outcomes: Vec<_> = results.iter().map(outcome).collect();
    assert_eq!(
        outcomes,
        [
            ("accepted", ""),
            ("rejected", "sealed_unopenable"),
            ("rejected", "sealed_unopenable"),
            ("rejected", "sealed_contents_invalid"),
        ]
    );
    let message = results[3]["message"].as_str().unwrap();
    assert!(!message.contains("06 12"), "{message}");
    let stored = f.stored().await;
    assert_eq!(stored.len(), 1, "only the good one, opened");
    assert!(stored[0].contains(good.id.as_str()));
}

#[tokio::test]
async fn a_sealed_callback_request_is_opened_for_the_coordinators() {
    let f = fixture().await;
    let mut kiosk = f.enroll().await;
    let request = CallbackRequest {
        first_name: "Awa".into(),
        phone: Some("+33612345678".into()),
        email: None,
        language: KioskLanguage::Ar,
        topic: Some(Topic::LandlordServices),
        question: None,
    };
    let sealed = seal(
        &kiosk.key,
        SealedKind::KioskCallbackRequested,
        serde_json::to_string(&request).unwrap().as_bytes(),
    );
    let event = kiosk.recorder.record(
        server::db::now_ms(),
        common::random(),
        Actor::Kiosk,
        CampaignId::demo(),
        EventBody::KioskCallbackRequested(CallbackRequested {
            language: KioskLanguage::Ar,
            topic: Some(Topic::LandlordServices),
            sealed: sealed.to_compact(),
        }),
    );
    let not_sealed = kiosk.recorder.record(
        server::db::now_ms(),
        common::random(),
        Actor::Kiosk,
        CampaignId::demo(),
        EventBody::KioskCallbackRequested(CallbackRequested {
            language: KioskLanguage::Ar,
            topic: None,
            sealed: "c2VhbGVk".into(),
        }),
    );
    let results = f.push(&kiosk, vec![event.clone(), not_sealed]).await;
    assert_eq!(outcome(&results[0]), ("accepted", ""));
    assert_eq!(outcome(&results[1]), ("rejected", "sealed_malformed"));
    let stored = f.stored().await;
    assert_eq!(stored.len(), 1);
    let opened: EventEnvelope = serde_json::from_str(&stored[0]).unwrap();
    assert_eq!(opened.body, EventBody::KioskCallbackOpened(request));
    assert_eq!(opened.id, event.id);
}
