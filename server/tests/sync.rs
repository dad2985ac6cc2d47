//! Sync protocol v1 through the real router and database: enrollment, push verdicts, idempotence,
//! pull pages and what they hide, revocation, refusals as `{code, message}`, and a cursor that
//! never skips a row while many devices push at once.

mod common;

use axum::http::StatusCode;
use common::{App, TestDb, app, test_db};
use domain::calendar::{LocalDate, PartOfDay};
use domain::canvass::DoorOutcome;
use domain::event::{Actor, EventBody, EventEnvelope, Recorder};
use domain::ids::{CampaignId, DeviceId};
use domain::sync::{Cursor, PullRequest, PullResponse, PushRequest, PushResponse};
use domain::territory::DoorId;
use std::collections::HashSet;
use std::time::Duration;

struct Fixture {
    app: App,
    db: TestDb,
}

async fn fixture() -> Fixture {
    let db = test_db().await;
    db.db.seed_demo().await.unwrap();
    Fixture {
        app: app(&db.db),
        db,
    }
}

/// A server that never rate-limits, for a reader polling as fast as it can.
async fn fixture_without_limits() -> Fixture {
    let db = test_db().await;
    db.db.seed_demo().await.unwrap();
    let unlimited = server::limits::RateLimiter::new(u32::MAX, 1e9);
    let limits = server::limits::Limits {
        device_sync: unlimited,
        enrollment: server::limits::RateLimiter::new(u32::MAX, 1e9),
        ..server::limits::Limits::default()
    };
    Fixture {
        app: common::app_with(&db.db, limits),
        db,
    }
}

/// An enrolled device: its id, token and recorder.
struct Device {
    id: DeviceId,
    token: String,
    recorder: Recorder,
}

impl Fixture {
    async fn code(&self) -> String {
        let (code, _) = self
            .db
            .db
            .create_enrollment_code(&CampaignId::demo())
            .await
            .unwrap();
        code.display()
    }

    async fn enroll(&self) -> Device {
        let id = DeviceId::from_random(common::random());
        let code = self.code().await;
        let answer = self.enroll_with(&code, &id).await;
        assert_eq!(answer.status, StatusCode::OK, "{:?}", answer.json());
        let json = answer.json();
        assert_eq!(json["campaign"]["id"], "demo");
        Device {
            token: json["token"].as_str().unwrap().to_owned(),
            recorder: Recorder::new(id.clone()),
            id,
        }
    }

    async fn enroll_with(&self, code: &str, device: &DeviceId) -> common::Answer {
        let body = serde_json::json!({
            "version": 1, "code": code, "device": device, "label": "Tablette de test"
        });
        self.app
            .post("/api/v1/devices/enroll", None, body.to_string())
            .await
    }

    async fn push(&self, device: &Device, events: Vec<EventEnvelope>) -> common::Answer {
        let request = PushRequest::new(device.id.clone(), events);
        self.app
            .post(
                "/api/v1/sync/push",
                Some(&device.token),
                serde_json::to_string(&request).unwrap(),
            )
            .await
    }

    async fn pull(&self, device: &Device, cursor: Option<Cursor>, limit: u32) -> PullResponse {
        let request = PullRequest::new(device.id.clone(), cursor, limit);
        let answer = self
            .app
            .post(
                "/api/v1/sync/pull",
                Some(&device.token),
                serde_json::to_string(&request).unwrap(),
            )
            .await;
        assert_eq!(answer.status, StatusCode::OK, "{:?}", answer.json());
        serde_json::from_slice(&answer.body).unwrap()
    }
}

fn now() -> u64 {
    server::db::now_ms()
}

fn note(device: &mut Device, text: &str) -> EventEnvelope {
    device.recorder.record(
        now(),
        common::random(),
        Actor::Device,
        CampaignId::demo(),
        EventBody::FieldNoteRecorded { text: text.into() },
    )
}

fn visit(device: &mut Device, door: &str) -> EventEnvelope {
    device.recorder.record(
        now(),
        common::random(),
        Actor::Volunteer {
            name: "Inès".into(),
        },
        CampaignId::demo(),
        EventBody::DoorVisited {
            door: DoorId(door.into()),
            outcome: DoorOutcome::Interested,
            note: Some("Mme Martin, très gentille".into()),
            wellbeing: None,
            local_date: LocalDate::new(2026, 11, 25).unwrap(),
            part_of_day: PartOfDay::Evening,
        },
    )
}

fn outcomes(answer: &common::Answer) -> Vec<String> {
    assert_eq!(answer.status, StatusCode::OK, "{:?}", answer.json());
    let response: PushResponse = serde_json::from_slice(&answer.body).unwrap();
    response
        .results
        .iter()
        .map(|r| {
            serde_json::to_value(r).unwrap()["outcome"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect()
}

#[tokio::test]
async fn a_push_is_stored_once_however_often_it_is_sent() {
    let f = fixture().await;
    let mut device = f.enroll().await;
    let events: Vec<_> = (0..3)
        .map(|i| note(&mut device, &format!("note {i}")))
        .collect();
    let first = f.push(&device, events.clone()).await;
    assert_eq!(outcomes(&first), ["accepted", "accepted", "accepted"]);
    let again = f.push(&device, events.clone()).await;
    assert_eq!(outcomes(&again), ["duplicate", "duplicate", "duplicate"]);
    // The same event twice in one request is stored once.
    let twice = f
        .push(&device, vec![events[0].clone(), events[0].clone()])
        .await;
    assert_eq!(outcomes(&twice), ["duplicate", "duplicate"]);
    assert_eq!(f.db.db.event_count().await.unwrap(), 3);
    let health = f.app.get("/api/v1/health").await.json();
    assert_eq!(health["events"], 3);
}

#[tokio::test]
async fn one_bad_event_never_blocks_the_others() {
    let f = fixture().await;
    let mut device = f.enroll().await;
    let mut other = f.enroll().await;
    let good = note(&mut device, "ok");
    let foreign = note(&mut other, "pas à moi");
    let mut blank = note(&mut device, "x");
    blank.body = EventBody::FieldNoteRecorded { text: " ".into() };
    let mut elsewhere = note(&mut device, "autre campagne");
    elsewhere.campaign = CampaignId::parse("quartier-nord").unwrap();
    let answer = f
        .push(&device, vec![good.clone(), foreign, blank, elsewhere])
        .await;
    assert_eq!(
        outcomes(&answer),
        ["accepted", "rejected", "rejected", "rejected"]
    );
    let json = answer.json();
    let codes: Vec<_> = json["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].clone())
        .collect();
    assert_eq!(
        codes,
        [
            serde_json::Value::Null,
            "not_this_device".into(),
            "invalid_event".into(),
            "unknown_campaign".into()
        ]
    );
    assert_eq!(f.db.db.event_count().await.unwrap(), 1);
}

#[tokio::test]
async fn a_sequence_number_reused_with_another_id_is_rejected_not_lost_silently() {
    let f = fixture().await;
    let mut device = f.enroll().await;
    let first = note(&mut device, "un");
    let mut forged = first.clone();
    // Another id of the same millisecond: an id later than the event's clock is refused as
    // invalid before its sequence number is looked at (a millisecond passing made this test fail).
    forged.id = domain::ids::EventId::new_v7(first.id.timestamp_ms(), common::random());
    assert_eq!(outcomes(&f.push(&device, vec![first]).await), ["accepted"]);
    let answer = f.push(&device, vec![forged]).await;
    assert_eq!(outcomes(&answer), ["rejected"]);
    assert_eq!(answer.json()["results"][0]["code"], "sequence_taken");
}

#[tokio::test]
async fn pulls_bring_the_team_outcomes_without_personal_details_page_by_page() {
    let f = fixture().await;
    let mut alice = f.enroll().await;
    let mut bob = f.enroll().await;
    let visits: Vec<_> = (0..5)
        .map(|i| visit(&mut alice, &format!("porte-{i}")))
        .collect();
    let mut pushed = visits.clone();
    pushed.push(note(&mut alice, "note perso"));
    f.push(&alice, pushed).await;
    let bobs_own = visit(&mut bob, "porte-bob");
    f.push(&bob, vec![bobs_own]).await;

    let mut cursor = None;
    let mut seen = Vec::new();
    let mut pages = 0;
    loop {
        let page = f.pull(&bob, cursor, 2).await;
        pages += 1;
        assert!(page.events.len() <= 2);
        seen.extend(page.events);
        cursor = Some(page.next_cursor);
        if !page.more {
            break;
        }
    }
    assert_eq!(pages, 3);
    let ids: Vec<_> = seen.iter().map(|e| e.id.clone()).collect();
    let expected: Vec<_> = visits.iter().map(|e| e.id.clone()).collect();
    assert_eq!(
        ids, expected,
        "Alice's visits, in order; not Bob's own, not notes"
    );
    for event in &seen {
        let EventBody::DoorVisited { note, .. } = &event.body else {
            panic!("only visits")
        };
        assert_eq!(*note, None, "a volunteer's note never leaves the server");
    }
    // Nothing new: the same cursor comes back.
    let again = f.pull(&bob, cursor, 2).await;
    assert!(again.events.is_empty() && !again.more);
    assert_eq!(Some(again.next_cursor), cursor);
}

#[tokio::test]
async fn enrollment_codes_work_once_and_bad_ones_say_why() {
    let f = fixture().await;
    let device = DeviceId::from_random(common::random());
    let code = f.code().await;
    let typed = code.to_lowercase().replace('-', " ");
    assert_eq!(f.enroll_with(&typed, &device).await.status, StatusCode::OK);
    let second = f
        .enroll_with(&code, &DeviceId::from_random(common::random()))
        .await;
    assert_eq!(second.status, StatusCode::GONE);
    assert_eq!(second.json()["code"], "enrollment_code_used");
    let unknown = f.enroll_with("ZZZZ-ZZZZ", &device).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(unknown.json()["code"], "enrollment_code_unknown");
    let malformed = f.enroll_with("ABC", &device).await;
    assert_eq!(malformed.status, StatusCode::BAD_REQUEST);
    assert_eq!(malformed.json()["code"], "enrollment_code_invalid");
}

#[tokio::test]
async fn a_revoked_device_gets_401_and_can_be_enrolled_again() {
    let f = fixture().await;
    let mut device = f.enroll().await;
    let event = note(&mut device, "avant");
    assert_eq!(outcomes(&f.push(&device, vec![event]).await), ["accepted"]);
    assert!(f.db.db.revoke_device(device.id.as_str()).await.unwrap());
    let after = note(&mut device, "après");
    let refused = f.push(&device, vec![after]).await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    assert_eq!(refused.json()["code"], "device_revoked");
    assert_eq!(
        f.db.db.event_count().await.unwrap(),
        1,
        "what it pushed stays"
    );

    let code = f.code().await;
    let again = f.enroll_with(&code, &device.id).await;
    assert_eq!(again.status, StatusCode::OK);
    device.token = again.json()["token"].as_str().unwrap().to_owned();
    let pending = note(&mut device, "de retour");
    assert_eq!(
        outcomes(&f.push(&device, vec![pending]).await),
        ["accepted"]
    );
}

#[tokio::test]
async fn requests_without_a_valid_token_are_refused_with_a_code() {
    let f = fixture().await;
    let mut device = f.enroll().await;
    let body = serde_json::to_string(&PushRequest::new(
        device.id.clone(),
        vec![note(&mut device, "x")],
    ))
    .unwrap();
    let missing = f.app.post("/api/v1/sync/push", None, body.clone()).await;
    assert_eq!(missing.status, StatusCode::UNAUTHORIZED);
    assert_eq!(missing.json()["code"], "token_missing");
    let forged = "0".repeat(64);
    let unknown = f
        .app
        .post("/api/v1/sync/push", Some(&forged), body.clone())
        .await;
    assert_eq!(unknown.json()["code"], "device_unknown");
    let garbage = f
        .app
        .post("/api/v1/sync/pull", Some("not a token"), "{}")
        .await;
    assert_eq!(garbage.status, StatusCode::UNAUTHORIZED);
    // Pushing as another device with one's own token.
    let other = f.enroll().await;
    let as_other = f
        .app
        .post("/api/v1/sync/push", Some(&other.token), body)
        .await;
    assert_eq!(as_other.status, StatusCode::BAD_REQUEST);
    assert_eq!(as_other.json()["code"], "device_mismatch");
}

#[tokio::test]
async fn malformed_and_oversized_requests_get_json_errors() {
    let f = fixture().await;
    let mut device = f.enroll().await;
    let bad = f
        .app
        .post("/api/v1/sync/push", Some(&device.token), "{\"version\":")
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_eq!(bad.json()["code"], "bad_request");
    let too_many: Vec<_> = (0..501)
        .map(|i| note(&mut device, &format!("{i}")))
        .collect();
    let big = f.push(&device, too_many).await;
    assert_eq!(big.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(big.json()["code"], "batch_too_large");
    let huge = format!("{{\"pad\":\"{}\"}}", "x".repeat(3 * 1024 * 1024));
    let answer = f
        .app
        .post("/api/v1/sync/push", Some(&device.token), huge)
        .await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    let mut old = PushRequest::new(device.id.clone(), vec![]);
    old.version = 0;
    let answer = f
        .app
        .post(
            "/api/v1/sync/push",
            Some(&device.token),
            serde_json::to_string(&old).unwrap(),
        )
        .await;
    assert_eq!(answer.json()["code"], "unsupported_version");
}

/// Many devices push at once while another pulls as fast as it can: every event pushed is pulled
/// exactly once. On PostgreSQL this is what the push lock is for (identity values commit out of
/// order without it, and a cursor would step over a row committed late).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_cursor_never_skips_a_row_while_devices_push_concurrently() {
    // Many small pushes make many commits, each a chance for a late commit below the cursor.
    const WRITERS: usize = 24;
    const BATCHES: usize = 40;
    const PER_BATCH: usize = 3;
    let f = fixture_without_limits().await;
    let reader = f.enroll().await;
    let mut writers = Vec::new();
    for _ in 0..WRITERS {
        writers.push(f.enroll().await);
    }
    let app = std::sync::Arc::new(f);
    let mut expected = HashSet::new();
    let mut tasks = Vec::new();
    for mut writer in writers {
        let batches: Vec<Vec<EventEnvelope>> = (0..BATCHES)
            .map(|b| {
                (0..PER_BATCH)
                    .map(|i| visit(&mut writer, &format!("p{b}-{i}")))
                    .collect()
            })
            .collect();
        expected.extend(batches.iter().flatten().map(|e| e.id.clone()));
        let app = app.clone();
        tasks.push(tokio::spawn(async move {
            for batch in batches {
                let answer = app.push(&writer, batch).await;
                assert_eq!(answer.status, StatusCode::OK);
            }
        }));
    }
    let pushing = futures_done(tasks);
    let app2 = app.clone();
    let pulling = tokio::spawn(async move {
        let mut cursor = None;
        let mut seen = Vec::new();
        let mut idle_rounds_after_done = 0;
        loop {
            let page = app2.pull(&reader, cursor, 1000).await;
            seen.extend(page.events.iter().map(|e| e.id.clone()));
            cursor = Some(page.next_cursor);
            let total = (WRITERS * BATCHES * PER_BATCH) as i64;
            if app2.db.db.event_count().await.unwrap() == total && !page.more {
                idle_rounds_after_done += 1;
                if idle_rounds_after_done > 1 {
                    return seen;
                }
            }
        }
    });
    pushing.await;
    let seen = pulling.await.unwrap();
    assert_eq!(seen.len(), expected.len(), "each event pulled exactly once");
    assert_eq!(seen.into_iter().collect::<HashSet<_>>(), expected);
}

async fn futures_done(tasks: Vec<tokio::task::JoinHandle<()>>) {
    for task in tasks {
        task.await.unwrap();
    }
}

#[tokio::test]
async fn a_device_syncing_too_often_is_told_when_to_come_back() {
    let f = fixture().await;
    let device = f.enroll().await;
    let body = serde_json::to_string(&PullRequest::new(device.id.clone(), None, 10)).unwrap();
    let mut limited = None;
    for _ in 0..200 {
        let answer = f
            .app
            .post("/api/v1/sync/pull", Some(&device.token), body.clone())
            .await;
        if answer.status == StatusCode::TOO_MANY_REQUESTS {
            limited = Some(answer);
            break;
        }
        assert_eq!(answer.status, StatusCode::OK);
    }
    let answer = limited.expect("the limit applies");
    assert_eq!(answer.json()["code"], "rate_limited");
    let seconds: u64 = answer.headers["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&seconds));
    tokio::time::sleep(Duration::from_millis(seconds * 1000)).await;
    let after = f
        .app
        .post("/api/v1/sync/pull", Some(&device.token), body)
        .await;
    assert_eq!(
        after.status,
        StatusCode::OK,
        "allowed again after Retry-After"
    );
}

/// Whatever bytes arrive, the answer is a 2xx or a 4xx with a JSON `{code, message}`: never a 5xx,
/// never a panic. Bodies are random bytes, random JSON values, and valid requests with bytes
/// flipped.
#[test]
fn no_body_makes_the_server_fail() {
    use proptest::prelude::*;
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let (f, token, valid) = runtime.block_on(async {
        let f = fixture_without_limits().await;
        let mut device = f.enroll().await;
        let events = vec![visit(&mut device, "porte-1"), note(&mut device, "ok")];
        let valid = serde_json::to_vec(&PushRequest::new(device.id.clone(), events)).unwrap();
        (f, device.token, valid)
    });
    let json_value = proptest::arbitrary::any::<String>()
        .prop_map(|s| serde_json::json!({"version": 1, "device": s, "events": [s], "cursor": s}));
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(96));
    let flips = proptest::collection::vec((0..valid.len(), any::<u8>()), 1..6);
    let body = prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..300),
        json_value.prop_map(|v| v.to_string().into_bytes()),
        flips.prop_map(move |flips| {
            let mut bytes = valid.clone();
            for (at, byte) in flips {
                bytes[at] = byte;
            }
            bytes
        }),
    ];
    runner
        .run(
            &(body, 0..3usize, proptest::bool::ANY),
            |(body, endpoint, with_token)| {
                let uri = [
                    "/api/v1/sync/push",
                    "/api/v1/sync/pull",
                    "/api/v1/devices/enroll",
                ][endpoint];
                let token = with_token.then_some(token.as_str());
                let answer = runtime.block_on(f.app.post(uri, token, body));
                prop_assert!(
                    answer.status.is_success() || answer.status.is_client_error(),
                    "{uri}: {}",
                    answer.status
                );
                if !answer.status.is_success() {
                    let json = answer.json();
                    prop_assert!(json["code"].is_string() && json["message"].is_string());
                }
                Ok(())
            },
        )
        .unwrap();
}

#[tokio::test]
async fn partner_records_reach_the_other_devices() {
    let f = fixture().await;
    let mut alice = f.enroll().await;
    let bob = f.enroll().await;
    let edits: Vec<_> = domain::partners::demo::events()
        .into_iter()
        .take(3)
        .map(|demo| {
            alice.recorder.record(
                now(),
                common::random(),
                Actor::Device,
                CampaignId::demo(),
                demo.body,
            )
        })
        .collect();
    assert_eq!(
        outcomes(&f.push(&alice, edits.clone()).await),
        ["accepted", "accepted", "accepted"]
    );
    let page = f.pull(&bob, None, 100).await;
    let pulled: Vec<_> = page.events.iter().map(|e| e.id.clone()).collect();
    let expected: Vec<_> = edits.iter().map(|e| e.id.clone()).collect();
    assert_eq!(pulled, expected);
}

/// Two tablets edit the same partner while offline, then sync: each ends with the same record,
/// field by field (last writer by clock wins a field both changed; fields only one changed keep
/// that change).
#[tokio::test]
async fn two_devices_editing_one_partner_offline_converge_after_syncing() {
    use domain::partners::{Directory, PartnerEdit, PartnerFields};
    let f = fixture().await;
    let mut alice = f.enroll().await;
    let mut bob = f.enroll().await;
    let creation = domain::partners::demo::events().remove(0);
    let EventBody::PartnerEdited(created) = &creation.body else {
        panic!("the demo directory starts with a partner's creation")
    };
    let partner = created.partner.clone();
    let mut alice_log = vec![alice.recorder.record(
        now(),
        common::random(),
        Actor::Device,
        CampaignId::demo(),
        creation.body.clone(),
    )];
    f.push(&alice, alice_log.clone()).await;
    let mut bob_log: Vec<EventEnvelope> = f.pull(&bob, None, 100).await.events;
    assert_eq!(bob_log.len(), 1);

    let edit = |device: &mut Device, fields: PartnerFields| {
        device.recorder.record(
            now(),
            common::random(),
            Actor::Device,
            CampaignId::demo(),
            EventBody::PartnerEdited(PartnerEdit {
                partner: partner.clone(),
                fields,
            }),
        )
    };
    // Offline on both sides: nothing is pushed until both have edited.
    let by_alice = edit(
        &mut alice,
        PartnerFields {
            name: Some("Centre social (Alice)".into()),
            hours: Some("Lundi au vendredi, 9 h – 18 h".into()),
            ..PartnerFields::default()
        },
    );
    let by_bob = edit(
        &mut bob,
        PartnerFields {
            name: Some("Centre social (Bob)".into()),
            phone: Some("+33478000000".into()),
            ..PartnerFields::default()
        },
    );
    alice_log.push(by_alice.clone());
    bob_log.push(by_bob.clone());
    assert_eq!(
        outcomes(&f.push(&bob, vec![by_bob.clone()]).await),
        ["accepted"]
    );
    assert_eq!(
        outcomes(&f.push(&alice, vec![by_alice.clone()]).await),
        ["accepted"]
    );
    alice_log.extend(f.pull(&alice, None, 100).await.events);
    bob_log.extend(f.pull(&bob, None, 100).await.events);

    let on_alice = Directory::from_events(&alice_log)
        .partner(&partner)
        .unwrap();
    let on_bob = Directory::from_events(&bob_log).partner(&partner).unwrap();
    assert_eq!(on_alice, on_bob, "both tablets hold the same record");
    let later = if by_alice.hlc > by_bob.hlc {
        "Alice"
    } else {
        "Bob"
    };
    assert_eq!(on_alice.name, format!("Centre social ({later})"));
    assert_eq!(on_alice.hours, "Lundi au vendredi, 9 h – 18 h");
    assert_eq!(on_alice.phone, "+33478000000");
}

/// Events stored before migration 0005 have no team view yet: opening the database writes it, and
/// the pull then hands out exactly what it did when it stripped each envelope on the fly.
#[tokio::test]
async fn events_stored_before_team_views_existed_are_pulled_the_same() {
    use sqlx::Connection;
    let f = fixture().await;
    let mut alice = f.enroll().await;
    let bob = f.enroll().await;
    let visits: Vec<_> = (0..3)
        .map(|i| visit(&mut alice, &format!("porte-{i}")))
        .collect();
    let mut pushed = visits.clone();
    pushed.push(note(&mut alice, "note perso"));
    f.push(&alice, pushed).await;
    let before = f.pull(&bob, None, 100).await;
    let expected: Vec<_> = visits
        .iter()
        .map(|v| domain::sync::team_view(v).unwrap())
        .collect();
    assert_eq!(before.events, expected);

    // Back to how a server stored them before 0005: no team view anywhere.
    let forget = "UPDATE events SET team_json = NULL";
    let sqlite_url = format!(
        "sqlite://{}",
        f.db.data_dir().join("palier.sqlite").display()
    );
    match &f.db.postgres_url {
        Some(url) => {
            let mut conn = sqlx::PgConnection::connect(url).await.unwrap();
            sqlx::query(forget).execute(&mut conn).await.unwrap();
            conn.close().await.unwrap();
        }
        None => {
            let mut conn = sqlx::SqliteConnection::connect(&sqlite_url).await.unwrap();
            sqlx::query(forget).execute(&mut conn).await.unwrap();
            conn.close().await.unwrap();
        }
    }
    let emptied = f.pull(&bob, None, 100).await;
    assert!(
        emptied.events.is_empty(),
        "without its team view a row is not pulled"
    );
    // The server starting again fills them.
    let reopened = match &f.db.postgres_url {
        Some(url) => server::db::Db::connect_postgres(url).await.unwrap(),
        None => server::db::Db::open_in(f.db.data_dir()).await.unwrap(),
    };
    let request = PullRequest::new(bob.id.clone(), None, 100);
    let after = app(&reopened)
        .post(
            "/api/v1/sync/pull",
            Some(&bob.token),
            serde_json::to_string(&request).unwrap(),
        )
        .await;
    assert_eq!(after.status, StatusCode::OK);
    assert_eq!(
        String::from_utf8(after.body).unwrap(),
        serde_json::to_string(&before).unwrap(),
        "the same bytes as the page stripped on the fly"
    );
    assert_eq!(reopened.fill_team_views().await.unwrap(), 0, "all filled");
    reopened.close().await;
}
