//! The coordinator's side through the real router and database: accounts made by the command line,
//! signing in and out, the session cookie, wrong passwords, the sign-in rate limit, CSRF and
//! origin checks, expiry, enrollment codes, the device list, revocation, and outbox-file imports.

mod common;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use common::{Answer, App, TestDb, app, test_db};
use domain::event::{Actor, EventBody, EventEnvelope, Recorder};
use domain::ids::{CampaignId, DeviceId};
use domain::sync::{MAX_PUSH_EVENTS, OutboxFile, PushRequest};
use std::time::{Duration, Instant};

const EMAIL: &str = "awa.diallo@bailleur.fr";
const NAME: &str = "Awa Diallo";
const PASSWORD: &str = "quatre chats gris au balcon";

struct Fixture {
    app: App,
    db: TestDb,
}

/// A server with the demo campaign and one coordinator account, with the server's own limits.
async fn fixture() -> Fixture {
    fixture_with(server::limits::Limits::default(), "http://127.0.0.1:8080").await
}

async fn fixture_with(limits: server::limits::Limits, public_url: &str) -> Fixture {
    let db = test_db().await;
    db.db.seed_demo().await.unwrap();
    server::accounts::create_account(&db.db, EMAIL, NAME, PASSWORD)
        .await
        .unwrap();
    Fixture {
        app: common::app_at(&db.db, limits, public_url),
        db,
    }
}

fn unlimited() -> server::limits::Limits {
    let unlimited = || server::limits::RateLimiter::new(u32::MAX, 1e9);
    server::limits::Limits {
        device_sync: unlimited(),
        enrollment: unlimited(),
        sign_in: unlimited(),
        sign_in_all: unlimited(),
    }
}

/// A signed-in browser: its cookie (`palier_session=…`) and the CSRF token its page holds.
struct Browser {
    cookie: String,
    csrf: String,
}

impl Fixture {
    async fn send(
        &self,
        method: Method,
        uri: &str,
        headers: &[(&str, &str)],
        body: impl Into<Body>,
    ) -> Answer {
        let mut request = Request::builder().method(method).uri(uri);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.app.send(request.body(body.into()).unwrap()).await
    }

    async fn sign_in(&self, email: &str, password: &str) -> Answer {
        let body = serde_json::json!({"email": email, "password": password}).to_string();
        self.send(
            Method::POST,
            "/api/v1/session",
            &[("content-type", "application/json")],
            body,
        )
        .await
    }

    async fn signed_in(&self) -> Browser {
        let answer = self.sign_in(EMAIL, PASSWORD).await;
        assert_eq!(answer.status, StatusCode::OK, "{:?}", answer.json());
        Browser {
            cookie: cookie_pair(&answer),
            csrf: answer.json()["csrf_token"].as_str().unwrap().to_owned(),
        }
    }

    /// A request from Palier's own page: cookie, CSRF token, JSON.
    async fn write(&self, method: Method, uri: &str, browser: &Browser, body: &str) -> Answer {
        self.send(
            method,
            uri,
            &[
                ("cookie", &browser.cookie),
                ("x-csrf-token", &browser.csrf),
                ("content-type", "application/json"),
            ],
            body.to_owned(),
        )
        .await
    }

    async fn read(&self, uri: &str, browser: &Browser) -> Answer {
        self.send(Method::GET, uri, &[("cookie", &browser.cookie)], "")
            .await
    }

    async fn enroll(&self, code: &str, device: &DeviceId) -> Answer {
        let body = serde_json::json!({
            "version": 1, "code": code, "device": device, "label": "Tablette de Samia"
        });
        self.app
            .post("/api/v1/devices/enroll", None, body.to_string())
            .await
    }

    async fn push(&self, token: &str, device: &DeviceId, events: Vec<EventEnvelope>) -> Answer {
        let request = PushRequest::new(device.clone(), events);
        self.app
            .post(
                "/api/v1/sync/push",
                Some(token),
                serde_json::to_string(&request).unwrap(),
            )
            .await
    }

    async fn import(&self, browser: &Browser, file: &OutboxFile) -> Answer {
        self.write(
            Method::POST,
            "/api/v1/imports/outbox",
            browser,
            &file.to_json(),
        )
        .await
    }

    /// The same database through a pool of its own, to move a session's clock.
    async fn raw(&self) -> sqlx::AnyPool {
        let url = match &self.db.postgres_url {
            Some(url) => url.clone(),
            None => format!(
                "sqlite://{}",
                self.db.data_dir().join("palier.sqlite").display()
            ),
        };
        sqlx::AnyPool::connect(&url).await.unwrap()
    }
}

/// `palier_session=<id>` from the answer's `Set-Cookie`.
fn cookie_pair(answer: &Answer) -> String {
    set_cookie(answer).split(';').next().unwrap().to_owned()
}

fn set_cookie(answer: &Answer) -> String {
    answer.headers[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .to_owned()
}

fn error_code(answer: &Answer) -> String {
    answer.json()["code"].as_str().unwrap().to_owned()
}

fn note(recorder: &mut Recorder, campaign: &str, text: &str) -> EventEnvelope {
    recorder.record(
        server::db::now_ms(),
        common::random(),
        Actor::Device,
        CampaignId::parse(campaign).unwrap(),
        EventBody::FieldNoteRecorded { text: text.into() },
    )
}

#[tokio::test]
async fn a_coordinator_signs_in_whatever_the_case_of_their_email_and_gets_a_strict_cookie() {
    let f = fixture().await;
    let answer = f.sign_in("  Awa.DIALLO@Bailleur.fr", PASSWORD).await;
    assert_eq!(answer.status, StatusCode::OK, "{:?}", answer.json());
    assert_eq!(answer.headers[header::CACHE_CONTROL], "no-store");
    let json = answer.json();
    assert_eq!(json["email"], EMAIL);
    assert_eq!(json["name"], NAME);
    let csrf = json["csrf_token"].as_str().unwrap();
    assert_eq!(csrf.len(), 64);

    let cookie = set_cookie(&answer);
    let (pair, attributes) = cookie.split_once("; ").unwrap();
    let session_id = pair.strip_prefix("palier_session=").unwrap();
    assert!(session_id.len() == 64 && session_id.bytes().all(|b| b.is_ascii_hexdigit()));
    assert_eq!(
        attributes, "HttpOnly; SameSite=Strict; Path=/; Max-Age=604800",
        "no Secure over plain http: the browser would drop the cookie"
    );

    let browser = Browser {
        cookie: pair.to_owned(),
        csrf: csrf.to_owned(),
    };
    let who = f.read("/api/v1/session", &browser).await;
    assert_eq!(who.status, StatusCode::OK);
    assert_eq!(who.json(), json);

    // Neither the session id nor the password is stored as such.
    let raw = f.raw().await;
    let stored: Vec<String> = sqlx::query_scalar("SELECT id_hash FROM coordinator_sessions")
        .fetch_all(&raw)
        .await
        .unwrap();
    assert_eq!(stored.len(), 1);
    assert_ne!(stored[0], session_id);
    let hash: String = sqlx::query_scalar("SELECT password_hash FROM coordinators")
        .fetch_one(&raw)
        .await
        .unwrap();
    assert!(hash.starts_with("$argon2id$") && !hash.contains(PASSWORD));
    raw.close().await;
}

#[tokio::test]
async fn over_https_the_cookie_is_secure_and_only_the_public_origin_may_sign_in() {
    let f = fixture_with(
        server::limits::Limits::default(),
        "https://palier.bailleur.fr",
    )
    .await;
    let body = serde_json::json!({"email": EMAIL, "password": PASSWORD}).to_string();
    let elsewhere = f
        .send(
            Method::POST,
            "/api/v1/session",
            &[
                ("content-type", "application/json"),
                ("origin", "https://evil.example"),
            ],
            body.clone(),
        )
        .await;
    assert_eq!(elsewhere.status, StatusCode::FORBIDDEN);
    assert_eq!(error_code(&elsewhere), "csrf_failed");
    assert!(!elsewhere.headers.contains_key(header::SET_COOKIE));

    let answer = f
        .send(
            Method::POST,
            "/api/v1/session",
            &[
                ("content-type", "application/json"),
                ("origin", "https://palier.bailleur.fr"),
            ],
            body,
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(
        set_cookie(&answer).ends_with("; Secure"),
        "{}",
        set_cookie(&answer)
    );

    let browser = Browser {
        cookie: cookie_pair(&answer),
        csrf: answer.json()["csrf_token"].as_str().unwrap().to_owned(),
    };
    let code = f
        .write(
            Method::POST,
            "/api/v1/campaigns/demo/enrollment-codes",
            &browser,
            "",
        )
        .await;
    assert_eq!(code.status, StatusCode::OK);
    let url = code.json()["url"].as_str().unwrap().to_owned();
    assert!(
        url.starts_with("https://palier.bailleur.fr/appareil?code="),
        "{url}"
    );
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_email_get_the_same_answer_in_the_same_time() {
    let f = fixture().await;
    let wrong_password = f.sign_in(EMAIL, "quatre chats gris au salon").await;
    let started = Instant::now();
    let unknown_email = f.sign_in("personne@bailleur.fr", PASSWORD).await;
    let unknown_took = started.elapsed();
    let not_an_email = f.sign_in("awa", PASSWORD).await;
    for answer in [&wrong_password, &unknown_email, &not_an_email] {
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
        assert_eq!(answer.body, wrong_password.body);
        assert_eq!(error_code(answer), "invalid_credentials");
        assert!(!answer.headers.contains_key(header::SET_COOKIE));
    }
    // Looking up an email takes a millisecond; an argon2 hash takes tens. An unknown email must
    // cost a hash too, or its speed would say that the account does not exist.
    assert!(
        unknown_took >= Duration::from_millis(10),
        "an unknown email answered in {unknown_took:?}: no password was hashed"
    );
    let nobody = f.send(Method::GET, "/api/v1/session", &[], "").await;
    assert_eq!(nobody.status, StatusCode::OK);
    assert_eq!(nobody.body, b"null", "nobody is signed in");
}

#[tokio::test]
async fn five_wrong_passwords_then_the_email_waits_and_is_told_how_long() {
    let f = fixture().await;
    for _ in 0..5 {
        let answer = f.sign_in(EMAIL, "pas le bon mot de passe").await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
    }
    // Even the right password, in another case: the limit is per account, not per spelling.
    let limited = f.sign_in(&EMAIL.to_uppercase(), PASSWORD).await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(error_code(&limited), "rate_limited");
    let seconds: u64 = limited.headers[header::RETRY_AFTER]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=20).contains(&seconds), "Retry-After: {seconds}");
    // Another email is not held back by this one's tries.
    let other = f.sign_in("samia@bailleur.fr", PASSWORD).await;
    assert_eq!(other.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn sign_ins_of_all_emails_together_have_a_ceiling() {
    let limits = server::limits::Limits {
        sign_in_all: server::limits::RateLimiter::new(3, 0.01),
        ..server::limits::Limits::default()
    };
    let f = fixture_with(limits, "http://127.0.0.1:8080").await;
    for i in 0..3 {
        let answer = f.sign_in(&format!("n{i}@bailleur.fr"), PASSWORD).await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
    }
    let sprayed = f.sign_in("n9@bailleur.fr", PASSWORD).await;
    assert_eq!(sprayed.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(sprayed.headers.contains_key(header::RETRY_AFTER));
}

#[tokio::test]
async fn changes_need_the_session_csrf_token_and_palier_own_origin() {
    let f = fixture().await;
    let browser = f.signed_in().await;
    let uri = "/api/v1/campaigns/demo/enrollment-codes";

    let without_session = f
        .send(Method::POST, uri, &[("x-csrf-token", &browser.csrf)], "")
        .await;
    assert_eq!(without_session.status, StatusCode::UNAUTHORIZED);
    assert_eq!(error_code(&without_session), "not_signed_in");

    let without_token = f
        .send(Method::POST, uri, &[("cookie", &browser.cookie)], "")
        .await;
    assert_eq!(without_token.status, StatusCode::FORBIDDEN);
    assert_eq!(error_code(&without_token), "csrf_failed");

    let other_session = f.signed_in().await;
    let wrong_token = f
        .send(
            Method::POST,
            uri,
            &[
                ("cookie", &browser.cookie),
                ("x-csrf-token", &other_session.csrf),
            ],
            "",
        )
        .await;
    assert_eq!(wrong_token.status, StatusCode::FORBIDDEN);
    assert_eq!(error_code(&wrong_token), "csrf_failed");

    let from_elsewhere = f
        .send(
            Method::POST,
            uri,
            &[
                ("cookie", &browser.cookie),
                ("x-csrf-token", &browser.csrf),
                ("origin", "http://evil.example"),
            ],
            "",
        )
        .await;
    assert_eq!(from_elsewhere.status, StatusCode::FORBIDDEN);
    assert_eq!(error_code(&from_elsewhere), "csrf_failed");

    let revoke = f
        .send(
            Method::POST,
            "/api/v1/devices/01010101-0101-4101-8101-010101010101/revoke",
            &[("cookie", &browser.cookie)],
            "",
        )
        .await;
    assert_eq!(revoke.status, StatusCode::FORBIDDEN);
    let import = f
        .send(
            Method::POST,
            "/api/v1/imports/outbox",
            &[
                ("cookie", &browser.cookie),
                ("content-type", "application/json"),
            ],
            "{}",
        )
        .await;
    assert_eq!(import.status, StatusCode::FORBIDDEN);

    // From the page itself (the origin the browser names, loopback spelled either way): fine.
    let from_the_page = f
        .send(
            Method::POST,
            uri,
            &[
                ("cookie", &browser.cookie),
                ("x-csrf-token", &browser.csrf),
                ("origin", "http://localhost:8080"),
            ],
            "",
        )
        .await;
    assert_eq!(from_the_page.status, StatusCode::OK);
    // Reading needs no token.
    assert_eq!(
        f.read("/api/v1/devices", &browser).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn signing_out_ends_the_session_at_once() {
    let f = fixture().await;
    let browser = f.signed_in().await;
    let without_token = f
        .send(
            Method::DELETE,
            "/api/v1/session",
            &[("cookie", &browser.cookie)],
            "",
        )
        .await;
    assert_eq!(without_token.status, StatusCode::FORBIDDEN);
    assert_eq!(
        f.read("/api/v1/session", &browser).await.status,
        StatusCode::OK
    );

    let out = f
        .write(Method::DELETE, "/api/v1/session", &browser, "")
        .await;
    assert_eq!(out.status, StatusCode::NO_CONTENT);
    let cleared = set_cookie(&out);
    assert!(
        cleared.starts_with("palier_session=;") && cleared.contains("Max-Age=0"),
        "{cleared}"
    );
    let after = f.read("/api/v1/session", &browser).await;
    assert_eq!(after.body, b"null", "signed out");
    let devices = f.read("/api/v1/devices", &browser).await;
    assert_eq!(error_code(&devices), "not_signed_in");
    let code = f
        .write(
            Method::POST,
            "/api/v1/campaigns/demo/enrollment-codes",
            &browser,
            "",
        )
        .await;
    assert_eq!(code.status, StatusCode::UNAUTHORIZED);
    // Signing out again is harmless.
    let again = f
        .write(Method::DELETE, "/api/v1/session", &browser, "")
        .await;
    assert_eq!(again.status, StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn signing_in_again_replaces_the_browser_session() {
    let f = fixture().await;
    let first = f.signed_in().await;
    let body = serde_json::json!({"email": EMAIL, "password": PASSWORD}).to_string();
    let again = f
        .send(
            Method::POST,
            "/api/v1/session",
            &[
                ("content-type", "application/json"),
                ("cookie", &first.cookie),
            ],
            body,
        )
        .await;
    assert_eq!(again.status, StatusCode::OK);
    assert_ne!(cookie_pair(&again), first.cookie);
    assert_eq!(
        f.read("/api/v1/devices", &first).await.status,
        StatusCode::UNAUTHORIZED,
        "the old session is gone"
    );
}

#[tokio::test]
async fn a_session_unused_for_twelve_hours_must_sign_in_again() {
    let f = fixture().await;
    let browser = f.signed_in().await;
    let raw = f.raw().await;
    let thirteen_hours_ago = (server::db::now_ms() - 13 * 3_600_000) as i64;
    sqlx::query("UPDATE coordinator_sessions SET last_seen_ms = $1, created_at_ms = $1")
        .bind(thirteen_hours_ago)
        .execute(&raw)
        .await
        .unwrap();
    raw.close().await;
    let expired = f.read("/api/v1/devices", &browser).await;
    assert_eq!(expired.status, StatusCode::UNAUTHORIZED);
    assert_eq!(error_code(&expired), "session_expired");
    assert_eq!(f.read("/api/v1/session", &browser).await.body, b"null");
    let gone = f.read("/api/v1/devices", &browser).await;
    assert_eq!(
        error_code(&gone),
        "not_signed_in",
        "an expired session is deleted"
    );
}

#[tokio::test]
async fn a_code_from_the_coordination_screen_enrolls_a_device_that_can_then_be_revoked() {
    let f = fixture().await;
    let browser = f.signed_in().await;
    let before = server::db::now_ms();
    let answer = f
        .write(
            Method::POST,
            "/api/v1/campaigns/demo/enrollment-codes",
            &browser,
            "",
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{:?}", answer.json());
    let issued: domain::accounts::IssuedEnrollmentCode =
        serde_json::from_slice(&answer.body).unwrap();
    assert_eq!(issued.code.len(), 9);
    assert_eq!(
        issued.url,
        format!("http://127.0.0.1:8080/appareil?code={}", issued.code)
    );
    assert!(issued.qr_svg.starts_with("<svg") && issued.qr_svg.contains("viewBox"));
    assert_eq!(issued.campaign, CampaignId::demo());
    let ttl = domain::enrollment::ENROLLMENT_CODE_TTL_MS;
    assert!(
        (before + ttl..=server::db::now_ms() + ttl).contains(&issued.expires_at_ms),
        "valid 15 minutes"
    );

    let device = DeviceId::from_random(common::random());
    let enrolled = f.enroll(&issued.code, &device).await;
    assert_eq!(enrolled.status, StatusCode::OK, "{:?}", enrolled.json());
    let token = enrolled.json()["token"].as_str().unwrap().to_owned();

    let list = f.read("/api/v1/devices", &browser).await;
    assert_eq!(list.status, StatusCode::OK);
    let devices = list.json();
    assert_eq!(devices.as_array().unwrap().len(), 1);
    assert_eq!(devices[0]["id"], device.as_str());
    assert_eq!(devices[0]["label"], "Tablette de Samia");
    assert_eq!(devices[0]["campaign"], "demo");
    assert!(devices[0]["revoked_at_ms"].is_null());

    let mut recorder = Recorder::new(device.clone());
    let first = note(&mut recorder, "demo", "avant");
    assert_eq!(
        f.push(&token, &device, vec![first]).await.status,
        StatusCode::OK
    );

    let revoke_uri = format!("/api/v1/devices/{device}/revoke");
    let revoked = f.write(Method::POST, &revoke_uri, &browser, "").await;
    assert_eq!(revoked.status, StatusCode::NO_CONTENT);
    let refused = f
        .push(&token, &device, vec![note(&mut recorder, "demo", "après")])
        .await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    assert_eq!(error_code(&refused), "device_revoked");
    assert_eq!(
        f.db.db.event_count().await.unwrap(),
        1,
        "what it sent stays"
    );
    let listed = f.read("/api/v1/devices", &browser).await.json();
    assert!(listed[0]["revoked_at_ms"].is_i64());
    // Revoking twice is harmless; an unknown device is a 404.
    let twice = f.write(Method::POST, &revoke_uri, &browser, "").await;
    assert_eq!(twice.status, StatusCode::NO_CONTENT);
    let unknown = f
        .write(
            Method::POST,
            "/api/v1/devices/02020202-0202-4202-8202-020202020202/revoke",
            &browser,
            "",
        )
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(error_code(&unknown), "device_not_found");
}

#[tokio::test]
async fn a_code_for_a_campaign_that_does_not_exist_is_a_404() {
    let f = fixture().await;
    let browser = f.signed_in().await;
    for campaign in ["quartier-nord", "Pas%20un%20id", "%FF"] {
        let answer = f
            .write(
                Method::POST,
                &format!("/api/v1/campaigns/{campaign}/enrollment-codes"),
                &browser,
                "",
            )
            .await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{campaign}");
        assert_eq!(error_code(&answer), "campaign_not_found");
    }
}

#[tokio::test]
async fn an_outbox_file_is_imported_like_its_pushes_and_twice_stores_nothing_twice() {
    let f = fixture().await;
    let browser = f.signed_in().await;
    let (code, _) =
        f.db.db
            .create_enrollment_code(&CampaignId::demo())
            .await
            .unwrap();
    let device = DeviceId::from_random(common::random());
    let token = f.enroll(&code.display(), &device).await.json()["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut recorder = Recorder::new(device.clone());
    // More than one push's worth, the first few already pushed before the network went away.
    let events: Vec<_> = (0..MAX_PUSH_EVENTS + 3)
        .map(|i| note(&mut recorder, "demo", &format!("note {i}")))
        .collect();
    let pushed = f.push(&token, &device, events[..2].to_vec()).await;
    assert_eq!(pushed.status, StatusCode::OK);
    let file = OutboxFile::new(device.clone(), server::db::now_ms(), events.clone());

    let first = f.import(&browser, &file).await;
    assert_eq!(first.status, StatusCode::OK, "{:?}", first.json());
    let report: domain::accounts::ImportReport = serde_json::from_slice(&first.body).unwrap();
    assert_eq!(report.device, device);
    assert_eq!(
        (report.accepted, report.duplicate, report.rejected),
        (MAX_PUSH_EVENTS + 1, 2, 0)
    );
    let ids: Vec<_> = report.results.iter().map(|r| r.event_id.clone()).collect();
    let expected: Vec<_> = events.iter().map(|e| e.id.clone()).collect();
    assert_eq!(ids, expected, "one result per event, in the file's order");
    let count = f.db.db.event_count().await.unwrap();
    assert_eq!(count, (MAX_PUSH_EVENTS + 3) as i64);

    let second = f.import(&browser, &file).await;
    let report: domain::accounts::ImportReport = serde_json::from_slice(&second.body).unwrap();
    assert_eq!(
        (report.accepted, report.duplicate, report.rejected),
        (0, MAX_PUSH_EVENTS + 3, 0)
    );
    assert_eq!(f.db.db.event_count().await.unwrap(), count);

    // The device's own campaign only, exactly as its push would be checked.
    let elsewhere = note(&mut recorder, "quartier-nord", "autre campagne");
    let mut foreign = note(
        &mut Recorder::new(DeviceId::from_random([9; 16])),
        "demo",
        "x",
    );
    foreign.seq = elsewhere.seq + 1;
    let mixed = OutboxFile::new(
        device.clone(),
        server::db::now_ms(),
        vec![elsewhere, foreign],
    );
    let answer = f.import(&browser, &mixed).await.json();
    assert_eq!(answer["rejected"], 2);
    assert_eq!(answer["results"][0]["code"], "unknown_campaign");
    assert_eq!(answer["results"][1]["code"], "not_this_device");
}

#[tokio::test]
async fn a_file_from_a_device_this_server_never_enrolled_may_name_any_of_its_campaigns() {
    let f = fixture().await;
    let browser = f.signed_in().await;
    let device = DeviceId::from_random(common::random());
    let mut recorder = Recorder::new(device.clone());
    let events = vec![
        note(&mut recorder, "demo", "dans la démo"),
        note(&mut recorder, "quartier-nord", "campagne inconnue ici"),
    ];
    let file = OutboxFile::new(device, server::db::now_ms(), events);
    let answer = f.import(&browser, &file).await;
    assert_eq!(answer.status, StatusCode::OK);
    let json = answer.json();
    assert_eq!(
        (json["accepted"].clone(), json["rejected"].clone()),
        (1.into(), 1.into())
    );
    assert_eq!(json["results"][0]["outcome"], "accepted");
    assert_eq!(json["results"][1]["code"], "unknown_campaign");
}

#[tokio::test]
async fn files_that_are_not_outbox_files_say_what_they_are() {
    let f = fixture().await;
    let browser = f.signed_in().await;
    let import = |body: Vec<u8>, content_type: &'static str| {
        let browser = &browser;
        let f = &f;
        async move {
            f.send(
                Method::POST,
                "/api/v1/imports/outbox",
                &[
                    ("cookie", &browser.cookie),
                    ("x-csrf-token", &browser.csrf),
                    ("content-type", content_type),
                ],
                body,
            )
            .await
        }
    };
    let garbage = import(b"PK\x03\x04 not json".to_vec(), "application/json").await;
    assert_eq!(garbage.status, StatusCode::BAD_REQUEST);
    assert_eq!(error_code(&garbage), "not_an_outbox_file");
    let other_json = import(br#"{"results":[]}"#.to_vec(), "application/json").await;
    assert_eq!(error_code(&other_json), "not_an_outbox_file");
    let newer = import(
        br#"{"format":"palier-outbox","version":2}"#.to_vec(),
        "application/json",
    )
    .await;
    assert_eq!(error_code(&newer), "outbox_file_version_unsupported");
    let not_text = import(vec![0xff, 0xfe, 0x00], "application/json").await;
    assert_eq!(error_code(&not_text), "not_an_outbox_file");
    let untyped = import(b"{}".to_vec(), "text/plain").await;
    assert_eq!(untyped.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(error_code(&untyped), "json_expected");

    // Larger than any other request may be (2 MiB), yet a file: accepted.
    let device = DeviceId::from_random(common::random());
    let mut recorder = Recorder::new(device.clone());
    let file = OutboxFile::new(
        device,
        server::db::now_ms(),
        vec![note(&mut recorder, "demo", "ok")],
    );
    let mut padded = file.to_json().into_bytes();
    padded.extend(std::iter::repeat_n(b' ', 3 * 1024 * 1024));
    let big = import(padded, "application/json").await;
    assert_eq!(big.status, StatusCode::OK, "{:?}", big.json());
    assert_eq!(big.json()["accepted"], 1);
    let too_big = import(vec![b' '; 21 * 1024 * 1024], "application/json").await;
    assert_eq!(too_big.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(error_code(&too_big), "body_too_large");
    // Browsers announce the size: the refusal is still `{code, message}`, not a proxy's text.
    let announced = (21 * 1024 * 1024).to_string();
    let too_big = f
        .send(
            Method::POST,
            "/api/v1/imports/outbox",
            &[
                ("cookie", &browser.cookie),
                ("x-csrf-token", &browser.csrf),
                ("content-type", "application/json"),
                ("content-length", &announced),
            ],
            vec![b' '; 21 * 1024 * 1024],
        )
        .await;
    assert_eq!(too_big.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(error_code(&too_big), "body_too_large");
    // Other coordinator requests keep the usual limit.
    let announced = (3 * 1024 * 1024).to_string();
    let huge_sign_in = f
        .send(
            Method::POST,
            "/api/v1/session",
            &[
                ("content-type", "application/json"),
                ("content-length", &announced),
            ],
            vec![b' '; 3 * 1024 * 1024],
        )
        .await;
    assert_eq!(huge_sign_in.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(error_code(&huge_sign_in), "body_too_large");
}

/// The command line makes the first account, reading the password from standard input; the
/// server then signs it in over the same storage.
#[tokio::test]
async fn the_command_line_creates_the_first_account() {
    let db = test_db().await;
    let run = |email: &str, password: &str| {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_server"));
        for (name, _) in std::env::vars() {
            if name.starts_with("PALIER_") {
                command.env_remove(name);
            }
        }
        command.arg("--data-dir").arg(db.data_dir());
        if let Some(url) = &db.postgres_url {
            command.args(["--database-url", url]);
        }
        command
            .args(["admin", "create", "--email", email, "--name", "Awa  Diallo"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        let mut child = command.spawn().unwrap();
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(format!("{password}\n").as_bytes())
            .unwrap();
        let output = child.wait_with_output().unwrap();
        (
            output.status.success(),
            String::from_utf8_lossy(&output.stdout).into_owned()
                + &String::from_utf8_lossy(&output.stderr),
        )
    };

    let (ok, said) = run(EMAIL, "trop court");
    assert!(!ok);
    assert!(said.contains("at least 12 characters"), "{said}");

    let (ok, said) = run("Awa.Diallo@Bailleur.fr", PASSWORD);
    assert!(ok, "{said}");
    assert!(
        said.contains("Awa Diallo") && said.contains(EMAIL),
        "{said}"
    );

    let (ok, said) = run(EMAIL, PASSWORD);
    assert!(!ok);
    assert!(said.contains("exists already"), "{said}");

    let f = Fixture {
        app: app(&db.db),
        db,
    };
    let answer = f.sign_in(EMAIL, PASSWORD).await;
    assert_eq!(answer.status, StatusCode::OK, "{:?}", answer.json());
    assert_eq!(answer.json()["name"], "Awa Diallo");
}

/// Whatever bytes come to the sign-in or the import, the answer is a 2xx or a 4xx with a JSON
/// `{code, message}`: never a 5xx, never a panic. Bodies are random bytes, random JSON values,
/// and valid requests with bytes flipped.
#[test]
fn no_sign_in_or_import_body_makes_the_server_fail() {
    use proptest::prelude::*;
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let (f, browser, valid_file) = runtime.block_on(async {
        let f = fixture_with(unlimited(), "http://127.0.0.1:8080").await;
        let browser = f.signed_in().await;
        let device = DeviceId::from_random(common::random());
        let mut recorder = Recorder::new(device.clone());
        let events = vec![
            note(&mut recorder, "demo", "ok"),
            note(&mut recorder, "demo", "encore"),
        ];
        let file = OutboxFile::new(device, server::db::now_ms(), events);
        (f, browser, file.to_json().into_bytes())
    });
    let valid_sign_in =
        serde_json::to_vec(&serde_json::json!({"email": EMAIL, "password": PASSWORD})).unwrap();
    let json_value = any::<String>().prop_map(|s| {
        serde_json::json!({
            "email": s, "password": s, "format": "palier-outbox", "version": 1, "device": s,
            "events": [s]
        })
    });
    let flipped = |valid: Vec<u8>| {
        proptest::collection::vec((0..valid.len(), any::<u8>()), 1..6).prop_map(move |flips| {
            let mut bytes = valid.clone();
            for (at, byte) in flips {
                bytes[at] = byte;
            }
            bytes
        })
    };
    let body = prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..300),
        json_value.prop_map(|v| v.to_string().into_bytes()),
        flipped(valid_sign_in),
        flipped(valid_file),
    ];
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(96));
    runner
        .run(&(body, any::<bool>()), |(body, to_sign_in)| {
            let answer = runtime.block_on(async {
                if to_sign_in {
                    f.send(
                        Method::POST,
                        "/api/v1/session",
                        &[("content-type", "application/json")],
                        body,
                    )
                    .await
                } else {
                    f.send(
                        Method::POST,
                        "/api/v1/imports/outbox",
                        &[
                            ("cookie", &browser.cookie),
                            ("x-csrf-token", &browser.csrf),
                            ("content-type", "application/json"),
                        ],
                        body,
                    )
                    .await
                }
            });
            prop_assert!(
                answer.status.is_success() || answer.status.is_client_error(),
                "{}",
                answer.status
            );
            if !answer.status.is_success() {
                let json = answer.json();
                prop_assert!(json["code"].is_string() && json["message"].is_string());
            }
            Ok(())
        })
        .unwrap();
}
