//! Serves the built app: precompressed files when the browser accepts them, `index.html` for
//! app routes (so that /terrain opens on a reload), and a plain 404 for missing files.
//!
//! Files without a content hash in their name (the page, the service worker) are always sent
//! whole: the file server's only validator is the file's date, and a date says nothing about
//! which build a file belongs to. A deploy that gives the new `sw.js` an older date than the one
//! a browser holds (a rollback, a copy that keeps dates, a build made earlier) was answered
//! "304 Not Modified", and devices never learnt of the new version.

use axum::body::Body;
use axum::http::header::IF_MODIFIED_SINCE;
use axum::http::{Request, StatusCode};
use axum::response::{IntoResponse, Response};
use std::convert::Infallible;
use std::path::{Path, PathBuf};
use tower::ServiceExt;
use tower::service_fn;
use tower::util::BoxCloneSyncService;
use tower_http::services::{ServeDir, ServeFile};

pub type StaticService = BoxCloneSyncService<Request<Body>, Response, Infallible>;

pub fn service(dist: &Path) -> StaticService {
    let index = dist.join("index.html");
    let files = ServeDir::new(dist)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(service_fn(move |req: Request<Body>| {
            app_route_or_404(index.clone(), req)
        }));
    BoxCloneSyncService::new(
        files
            .map_request(|mut req: Request<Body>| {
                if !super::headers::has_build_hash(req.uri().path()) {
                    req.headers_mut().remove(IF_MODIFIED_SINCE);
                }
                req
            })
            .map_response(IntoResponse::into_response),
    )
}

async fn app_route_or_404(index: PathBuf, req: Request<Body>) -> Result<Response, Infallible> {
    if is_app_route(req.uri().path()) {
        let served = ServeFile::new(index)
            .precompressed_gzip()
            .oneshot(req)
            .await;
        return Ok(match served {
            Ok(response) => response.into_response(),
            Err(never) => match never {},
        });
    }
    Ok((StatusCode::NOT_FOUND, "Not found").into_response())
}

/// App routes are paths whose last segment has no file extension: `/terrain`, `/borne/merci`.
/// A missing `/app-1234.wasm` must stay a 404, or the browser would parse HTML as wasm.
pub fn is_app_route(path: &str) -> bool {
    !path.starts_with("/api/") && !path.rsplit('/').next().unwrap_or("").contains('.')
}

#[cfg(test)]
mod tests {
    use super::{is_app_route, service};
    use axum::body::Body;
    use axum::http::header::IF_MODIFIED_SINCE;
    use axum::http::{Request, StatusCode};
    use tower::ServiceExt;

    async fn get(dist: &std::path::Path, path: &str, since: Option<&str>) -> (StatusCode, usize) {
        let mut req = Request::get(path);
        if let Some(since) = since {
            req = req.header(IF_MODIFIED_SINCE, since);
        }
        let response = service(dist)
            .oneshot(req.body(Body::empty()).expect("request"))
            .await
            .expect("infallible");
        let status = response.status();
        let body = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .expect("body");
        (status, body.len())
    }

    #[tokio::test]
    async fn a_new_service_worker_with_an_older_date_is_still_sent() {
        let dist = std::env::temp_dir().join(format!("palier-static-{}", std::process::id()));
        std::fs::create_dir_all(&dist).expect("dist");
        std::fs::write(dist.join("sw.js"), "const BUILD = 'next';").expect("sw");
        std::fs::write(dist.join("index.html"), "<!doctype html>").expect("page");
        std::fs::write(dist.join("app-0123456789abcdef.js"), "export {};").expect("app");
        // The browser holds a copy dated later than the file now served (a rollback).
        let later = "Fri, 01 Jan 2100 00:00:00 GMT";
        assert_eq!(
            get(&dist, "/sw.js", Some(later)).await,
            (StatusCode::OK, 21),
            "the worker is sent whole whatever the date"
        );
        assert_eq!(
            get(&dist, "/terrain", Some(later)).await,
            (StatusCode::OK, 15),
            "the page of an app route too"
        );
        assert_eq!(
            get(&dist, "/index.html", Some(later)).await,
            (StatusCode::OK, 15)
        );
        // A hashed file is its content: the date check still saves sending it again.
        assert_eq!(
            get(&dist, "/app-0123456789abcdef.js", Some(later)).await.0,
            StatusCode::NOT_MODIFIED
        );
        let (status, _) = get(&dist, "/sw.js", None).await;
        assert_eq!(status, StatusCode::OK);
        std::fs::remove_dir_all(&dist).expect("cleanup");
    }

    #[test]
    fn routes_without_extension_are_app_routes() {
        assert!(is_app_route("/"));
        assert!(is_app_route("/terrain"));
        assert!(is_app_route("/borne/merci"));
    }

    #[test]
    fn files_and_api_paths_are_not() {
        assert!(!is_app_route("/app-0123456789abcdef_bg.wasm"));
        assert!(!is_app_route("/icons/icon.svg"));
        assert!(!is_app_route("/api/v1/nothing"));
    }
}
