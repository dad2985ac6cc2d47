//! The server's HTTP surface, through the real router and a real SQLite file (no network needed).

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use server::{AppState, db::Db, http};
use tower::ServiceExt;

struct Fixture {
    router: axum::Router,
    _data: tempfile::TempDir,
    _dist: tempfile::TempDir,
}

async fn fixture(demo: bool) -> Fixture {
    let data = tempfile::tempdir().unwrap();
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(
        dist.path().join("index.html"),
        "<!doctype html><title>Palier</title>",
    )
    .unwrap();
    std::fs::write(dist.path().join("app-0123456789abcdef_bg.wasm"), b"\0asm").unwrap();
    let db = Db::open_in(data.path()).await.unwrap();
    if demo {
        db.seed_demo().await.unwrap();
        db.seed_demo().await.unwrap(); // twice: a restart must not fail nor duplicate
    }
    Fixture {
        router: http::router(AppState { db }, dist.path()),
        _data: data,
        _dist: dist,
    }
}

async fn get(router: &axum::Router, uri: &str) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let response = router
        .clone()
        .oneshot(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = response
        .into_body()
        .collect()
        .await
        .unwrap()
        .to_bytes()
        .to_vec();
    (status, headers, body)
}

#[tokio::test]
async fn health_answers_ok_with_the_storage_in_use() {
    let f = fixture(false).await;
    let (status, headers, body) = get(&f.router, "/api/v1/health").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CACHE_CONTROL], "no-store");
    let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(json["status"], "ok");
    assert_eq!(json["storage"], "sqlite");
    assert_eq!(json["schema_version"], 2);
}

#[tokio::test]
async fn the_demo_campaign_is_listed_once() {
    let f = fixture(true).await;
    let (status, _, body) = get(&f.router, "/api/v1/campaigns").await;
    assert_eq!(status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 1);
    assert_eq!(json[0]["id"], "demo");
    assert_eq!(json[0]["retention_days"], 1095);

    let empty = fixture(false).await;
    let (_, _, body) = get(&empty.router, "/api/v1/campaigns").await;
    assert_eq!(body, b"[]");
}

#[tokio::test]
async fn unknown_api_paths_are_json_404s() {
    let f = fixture(false).await;
    let (status, _, body) = get(&f.router, "/api/v1/nothing").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(json["code"], "not_found");
    assert!(json["message"].as_str().is_some_and(|m| !m.is_empty()));
}

#[tokio::test]
async fn app_routes_get_the_page_and_missing_files_a_404() {
    let f = fixture(false).await;
    for route in ["/", "/terrain", "/borne/merci"] {
        let (status, headers, body) = get(&f.router, route).await;
        assert_eq!(status, StatusCode::OK, "{route}");
        assert!(body.starts_with(b"<!doctype html>"), "{route}");
        assert_eq!(headers[header::CACHE_CONTROL], "no-cache", "{route}");
    }
    let (status, _, _) = get(&f.router, "/app-ffffffffffffffff_bg.wasm").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, headers, _) = get(&f.router, "/app-0123456789abcdef_bg.wasm").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers[header::CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let f = fixture(false).await;
    for uri in ["/", "/api/v1/health", "/api/v1/nothing", "/missing.js"] {
        let (_, headers, _) = get(&f.router, uri).await;
        let csp = headers["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("script-src 'self' 'wasm-unsafe-eval'"),
            "{uri}"
        );
        assert_eq!(headers["x-content-type-options"], "nosniff", "{uri}");
        assert_eq!(headers["referrer-policy"], "no-referrer", "{uri}");
        assert_eq!(headers["x-frame-options"], "DENY", "{uri}");
    }
}
