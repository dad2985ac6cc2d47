//! Serves the built app: precompressed files when the browser accepts them, `index.html` for
//! app routes (so that /terrain opens on a reload), and a plain 404 for missing files.

use axum::body::Body;
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
    BoxCloneSyncService::new(files.map_response(IntoResponse::into_response))
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
    use super::is_app_route;

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
