//! Headers on every response: a strict Content-Security-Policy and friends, and the caching
//! rule that keeps hashed build files forever while the page and the service worker are always
//! checked for a new version.
//!
//! The policy headers (CSP, framing, opener, permissions) act on what a browser runs as a
//! document or a worker: the page, the service worker, an SVG or an answer opened on its own.
//! A wasm file, a module script, a style sheet or a picture runs under the page's policy, so it
//! gets only `nosniff` and the referrer rule: about 0.5 KB less on each of the first load's
//! responses (BENCHMARKS.md's first-load figure counts headers).

use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

/// No inline script (the build moves Trunk's loader into a file), no eval beyond compiling
/// WebAssembly, nothing from any other origin, no framing.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; \
     script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self'; \
     img-src 'self' data:; \
     connect-src 'self'; \
     worker-src 'self'; \
     manifest-src 'self'; \
     object-src 'none'; \
     base-uri 'none'; \
     form-action 'self'; \
     frame-ancestors 'none'";

/// On every response: a style sheet's own referrer rule also governs what it fetches.
const EVERY_RESPONSE: [(&str, &str); 2] = [
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "no-referrer"),
];

/// On documents and workers ([`runs_as_document`]).
const DOCUMENT_HEADERS: [(&str, &str); 4] = [
    ("content-security-policy", CONTENT_SECURITY_POLICY),
    ("x-frame-options", "DENY"),
    ("cross-origin-opener-policy", "same-origin"),
    // The app needs none of these; a kiosk in a public hall should not be able to ask for them.
    (
        "permissions-policy",
        "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    ),
];

pub async fn security_and_cache(req: Request, next: Next) -> Response {
    let path = req.uri().path().to_owned();
    let mut response = next.run(req).await;
    let document = runs_as_document(
        &path,
        response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok()),
    );
    let headers = response.headers_mut();
    let policy = if document { &DOCUMENT_HEADERS[..] } else { &[] };
    for &(name, value) in EVERY_RESPONSE.iter().chain(policy) {
        headers.insert(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        );
    }
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(cache_control_for(&path)),
    );
    response
}

/// Whether a response may run as a document or a worker, and so needs its own policy: anything
/// but the kinds a page only ever loads into itself (a response without a type included, to be
/// safe). The service worker is a script that runs on its own.
pub fn runs_as_document(path: &str, content_type: Option<&str>) -> bool {
    if path == "/sw.js" {
        return true;
    }
    let Some(content_type) = content_type else {
        return true;
    };
    let essence = media_type(content_type);
    let subresource = matches!(
        essence.as_str(),
        "application/wasm"
            | "text/javascript"
            | "application/javascript"
            | "text/css"
            | "application/manifest+json"
            | "image/png"
            | "image/jpeg"
            | "image/webp"
            | "image/avif"
            | "image/gif"
            | "image/x-icon"
            | "image/vnd.microsoft.icon"
    ) || essence.starts_with("font/");
    !subresource
}

/// A Content-Type without its parameters, lowercased: `text/html; charset=utf-8` → `text/html`.
pub fn media_type(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// How long a browser may keep a response without asking again.
pub fn cache_control_for(path: &str) -> &'static str {
    if path.starts_with("/api/") {
        // Sync answers are per device and change constantly.
        "no-store"
    } else if has_build_hash(path) {
        // Trunk names these by their content: a new build has new names.
        "public, max-age=31536000, immutable"
    } else {
        // index.html, sw.js, the manifest, icons: always revalidate, or updates would stall.
        "no-cache"
    }
}

/// Hashed names end in `-<hex digits>` before the extension (and `_bg` for wasm): 16 or 15
/// from Trunk (it drops a leading zero), 8 from `cargo xtask build`'s own pieces.
pub(crate) fn has_build_hash(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or("");
    let stem = file.split('.').next().unwrap_or("");
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    match stem.rsplit_once('-') {
        Some((_, hash)) => {
            (8..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_hexdigit())
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_build_files_are_immutable() {
        for path in [
            "/app-1a2b3c4d5e6f7a8b_bg.wasm",
            "/app-1a2b3c4d5e6f7a8b.js",
            "/style-00112233445566ff.css",
            // Trunk's hash with its leading zero dropped, and a piece of `cargo xtask build`.
            "/style-74070f14ace6c55.css",
            "/chunk_15-87dded13.wasm",
            "/__wasm_split-527b6909.js",
        ] {
            assert_eq!(
                cache_control_for(path),
                "public, max-age=31536000, immutable",
                "{path}"
            );
        }
    }

    #[test]
    fn the_page_the_worker_and_unhashed_files_are_revalidated() {
        for path in [
            "/",
            "/index.html",
            "/sw.js",
            "/manifest.webmanifest",
            "/icons/icon-192.png",
            "/terrain",
            "/boot-abc.js",
            "/boot-abcdef1.js",
        ] {
            assert_eq!(cache_control_for(path), "no-cache", "{path}");
        }
    }

    #[test]
    fn documents_workers_and_anything_unknown_get_the_policy_and_subresources_do_not() {
        for (path, kind) in [
            ("/", Some("text/html; charset=utf-8")),
            ("/sw.js", Some("text/javascript")),
            ("/icons/icon.svg", Some("image/svg+xml")),
            ("/api/v1/health", Some("application/json")),
            ("/missing", Some("text/plain; charset=utf-8")),
            ("/odd", None),
        ] {
            assert!(runs_as_document(path, kind), "{path}");
        }
        for (path, kind) in [
            ("/app-0123456789abcdef_bg.wasm", "application/wasm"),
            ("/app-0123456789abcdef.js", "text/javascript; charset=utf-8"),
            ("/style-0123456789abcdef.css", "text/css"),
            ("/manifest.webmanifest", "application/manifest+json"),
            ("/icons/icon-192.png", "image/png"),
        ] {
            assert!(!runs_as_document(path, Some(kind)), "{path}");
        }
    }

    #[test]
    fn api_answers_are_never_stored() {
        assert_eq!(cache_control_for("/api/v1/health"), "no-store");
    }

    #[test]
    fn the_policy_forbids_inline_scripts_and_other_origins() {
        let script_src = CONTENT_SECURITY_POLICY
            .split(';')
            .map(str::trim)
            .find(|d| d.starts_with("script-src"))
            .expect("a script-src directive");
        assert!(!script_src.contains("unsafe-inline"));
        assert!(!script_src.contains("'unsafe-eval'"));
        assert!(
            !CONTENT_SECURITY_POLICY.contains("http"),
            "no other origin is allowed"
        );
    }
}
