//! What the server's integration tests share: a fresh database (SQLite in a temporary folder, or a
//! fresh PostgreSQL database when `PALIER_TEST_DATABASE_URL` is set, as `cargo xtask test` does),
//! the real router, and JSON requests through it.
#![allow(dead_code)] // each test file uses its own part of this module

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use http_body_util::BodyExt;
use server::db::Db;
use server::{AppState, http};
use sqlx::Connection;
use tower::ServiceExt;

/// A database for one test, dropped with it (a PostgreSQL database stays in the throwaway cluster
/// until `cargo xtask test` removes the cluster).
pub struct TestDb {
    pub db: Db,
    /// The PostgreSQL database's URL, `None` on SQLite (then the file is in `data_dir()`).
    pub postgres_url: Option<String>,
    _folder: tempfile::TempDir,
}

impl TestDb {
    /// The folder holding `palier.sqlite` (on SQLite).
    pub fn data_dir(&self) -> &std::path::Path {
        self._folder.path()
    }

    /// A connection of its own to the same database, to read or change rows behind the
    /// server's back; close it when done.
    pub async fn raw_pool(&self) -> sqlx::AnyPool {
        let url = match &self.postgres_url {
            Some(url) => url.clone(),
            None => format!(
                "sqlite://{}",
                self.data_dir().join("palier.sqlite").display()
            ),
        };
        sqlx::AnyPool::connect(&url).await.unwrap()
    }
}

/// `Some(url)` when the tests run on PostgreSQL.
pub fn postgres_url() -> Option<String> {
    std::env::var("PALIER_TEST_DATABASE_URL")
        .ok()
        .filter(|url| !url.is_empty())
}

pub async fn test_db() -> TestDb {
    let folder = tempfile::tempdir().unwrap();
    let mut url = None;
    let db = match postgres_url() {
        None => Db::open_in(folder.path()).await.unwrap(),
        Some(base) => {
            let name = format!("palier_t_{}", hex(&random::<8>()));
            let mut admin = sqlx::PgConnection::connect(&base).await.unwrap();
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&mut admin)
                .await
                .unwrap();
            admin.close().await.unwrap();
            let (prefix, _) = base.rsplit_once('/').unwrap();
            let this = format!("{prefix}/{name}");
            let db = Db::connect_postgres(&this).await.unwrap();
            url = Some(this);
            db
        }
    };
    TestDb {
        db,
        postgres_url: url,
        _folder: folder,
    }
}

/// The storage name the health check must report in this run.
pub fn expected_storage() -> &'static str {
    if postgres_url().is_some() {
        "postgresql"
    } else {
        "sqlite"
    }
}

pub fn random<const N: usize>() -> [u8; N] {
    server::db::devices::random_bytes()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The real router over `db`, serving a tiny fake `dist` folder.
pub struct App {
    pub router: axum::Router,
    pub state: AppState,
    _dist: tempfile::TempDir,
}

pub fn app(db: &Db) -> App {
    app_with(db, server::limits::Limits::default())
}

/// The router with other rate limits than the server's (a test hammering the API on purpose).
pub fn app_with(db: &Db, limits: server::limits::Limits) -> App {
    app_at(db, limits, "http://127.0.0.1:8080")
}

/// The router of a server whose `--public-url` is `public_url`.
pub fn app_at(db: &Db, limits: server::limits::Limits, public_url: &str) -> App {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(
        dist.path().join("index.html"),
        "<!doctype html><title>Palier</title>",
    )
    .unwrap();
    std::fs::write(dist.path().join("app-0123456789abcdef_bg.wasm"), b"\0asm").unwrap();
    let state = AppState {
        db: db.clone(),
        limits: std::sync::Arc::new(limits),
        public_url: std::sync::Arc::new(domain::accounts::PublicUrl::parse(public_url).unwrap()),
    };
    App {
        router: http::router(state.clone(), dist.path()),
        state,
        _dist: dist,
    }
}

pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
}

impl App {
    pub async fn send(&self, request: Request<Body>) -> Answer {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = response
            .into_body()
            .collect()
            .await
            .unwrap()
            .to_bytes()
            .to_vec();
        Answer {
            status,
            headers,
            body,
        }
    }

    pub async fn get(&self, uri: &str) -> Answer {
        self.send(Request::get(uri).body(Body::empty()).unwrap())
            .await
    }

    /// Signs a coordinator in; returns the session cookie (`name=value`) and the CSRF token.
    pub async fn sign_in(&self, email: &str, password: &str) -> (String, String) {
        let body = serde_json::json!({"email": email, "password": password}).to_string();
        let answer = self.post("/api/v1/session", None, body).await;
        assert_eq!(answer.status, StatusCode::OK, "sign-in refused");
        let cookie = answer.headers["set-cookie"]
            .to_str()
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_owned();
        let csrf = answer.json()["csrf_token"].as_str().unwrap().to_owned();
        (cookie, csrf)
    }

    /// POSTs `body` as JSON, with `token` as the device's bearer token when given.
    pub async fn post(&self, uri: &str, token: Option<&str>, body: impl Into<Body>) -> Answer {
        let mut request = Request::post(uri).header(header::CONTENT_TYPE, "application/json");
        if let Some(token) = token {
            request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
        }
        self.send(request.body(body.into()).unwrap()).await
    }
}

/// A server with the demo campaign and a coordinator signed in: what the coordinator-side tests
/// start from. Each test file adds its own methods (`impl Coordinator` in that file).
pub struct Coordinator {
    pub app: App,
    pub db: TestDb,
    pub cookie: String,
    pub csrf: String,
}

pub async fn coordinator(email: &str, name: &str, password: &str) -> Coordinator {
    let db = test_db().await;
    db.db.seed_demo().await.unwrap();
    server::accounts::create_account(&db.db, email, name, password)
        .await
        .unwrap();
    let app = app(&db.db);
    let (cookie, csrf) = app.sign_in(email, password).await;
    Coordinator {
        app,
        db,
        cookie,
        csrf,
    }
}

/// A device linked to a campaign through the real enrollment route.
pub struct Linked {
    pub id: domain::ids::DeviceId,
    pub token: String,
    /// The campaign's public key, as the enrollment answer gives it.
    pub sealing_key: String,
}

/// Links a new device named `label` to the demo campaign with a fresh one-time code.
pub async fn link_device(app: &App, db: &Db, label: &str) -> Linked {
    let id = domain::ids::DeviceId::from_random(random());
    link_device_as(app, db, id, &domain::ids::CampaignId::demo(), label).await
}

/// Links device `id` (new, or linked before) to `campaign` with a fresh one-time code.
pub async fn link_device_as(
    app: &App,
    db: &Db,
    id: domain::ids::DeviceId,
    campaign: &domain::ids::CampaignId,
    label: &str,
) -> Linked {
    let (code, _) = db.create_enrollment_code(campaign).await.unwrap();
    let body = serde_json::json!({
        "version": 1, "code": code.display(), "device": id, "label": label
    });
    let answer = app
        .post("/api/v1/devices/enroll", None, body.to_string())
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{:?}", answer.json());
    let json = answer.json();
    Linked {
        id,
        token: json["token"].as_str().unwrap().to_owned(),
        sealing_key: json["sealing_key"].as_str().unwrap().to_owned(),
    }
}
