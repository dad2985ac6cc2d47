//! The server's HTTP surface, through the real router and a real database (no network needed).

mod common;

use axum::http::{StatusCode, header};
use common::{App, TestDb, app, test_db};

struct Fixture {
    app: App,
    _db: TestDb,
}

async fn fixture(demo: bool) -> Fixture {
    let db = test_db().await;
    if demo {
        db.db.seed_demo().await.unwrap();
        db.db.seed_demo().await.unwrap(); // twice: a restart must not fail nor duplicate
    }
    Fixture {
        app: app(&db.db),
        _db: db,
    }
}

async fn get(app: &App, uri: &str) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let answer = app.get(uri).await;
    (answer.status, answer.headers, answer.body)
}

#[tokio::test]
async fn health_answers_ok_with_the_storage_in_use() {
    let f = fixture(false).await;
    let (status, headers, body) = get(&f.app, "/api/v1/health").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CACHE_CONTROL], "no-store");
    let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(json["status"], "ok");
    assert_eq!(json["storage"], common::expected_storage());
    // The newest migration, whichever helper added it last.
    let newest = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations/sqlite"))
        .unwrap()
        .filter_map(|f| f.ok()?.file_name().to_str()?.get(..4)?.parse::<i64>().ok())
        .max()
        .unwrap();
    assert_eq!(json["schema_version"], newest);
    assert_eq!(json["events"], 0);
}

#[tokio::test]
async fn the_demo_campaign_is_listed_once() {
    let f = fixture(true).await;
    let (status, _, body) = get(&f.app, "/api/v1/campaigns").await;
    assert_eq!(status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 1);
    assert_eq!(json[0]["id"], "demo");
    assert_eq!(json[0]["retention_days"], 1095);

    let empty = fixture(false).await;
    let (_, _, body) = get(&empty.app, "/api/v1/campaigns").await;
    assert_eq!(body, b"[]");
}

#[tokio::test]
async fn unknown_api_paths_are_json_404s() {
    let f = fixture(false).await;
    let (status, _, body) = get(&f.app, "/api/v1/nothing").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(json["code"], "not_found");
    assert!(json["message"].as_str().is_some_and(|m| !m.is_empty()));
}

#[tokio::test]
async fn app_routes_get_the_page_and_missing_files_a_404() {
    let f = fixture(false).await;
    for route in ["/", "/terrain", "/borne/merci"] {
        let (status, headers, body) = get(&f.app, route).await;
        assert_eq!(status, StatusCode::OK, "{route}");
        assert!(body.starts_with(b"<!doctype html>"), "{route}");
        assert_eq!(headers[header::CACHE_CONTROL], "no-cache", "{route}");
    }
    let (status, _, _) = get(&f.app, "/app-ffffffffffffffff_bg.wasm").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, headers, _) = get(&f.app, "/app-0123456789abcdef_bg.wasm").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers[header::CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
}

#[tokio::test]
async fn documents_carry_the_security_policy_and_every_response_nosniff() {
    let f = fixture(false).await;
    for uri in ["/", "/api/v1/health", "/api/v1/nothing", "/missing.js"] {
        let (_, headers, _) = get(&f.app, uri).await;
        let csp = headers["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("script-src 'self' 'wasm-unsafe-eval'"),
            "{uri}"
        );
        assert_eq!(headers["x-content-type-options"], "nosniff", "{uri}");
        assert_eq!(headers["referrer-policy"], "no-referrer", "{uri}");
        assert_eq!(headers["x-frame-options"], "DENY", "{uri}");
    }
    // The wasm runs under the page's policy: no second copy of it on the wire.
    let (status, headers, _) = get(&f.app, "/app-0123456789abcdef_bg.wasm").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["referrer-policy"], "no-referrer");
    assert!(!headers.contains_key("content-security-policy"));
    assert!(!headers.contains_key("x-frame-options"));
}
