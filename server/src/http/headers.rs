//! Headers on every response: a strict Content-Security-Policy and friends, and the caching
//! rule that keeps hashed build files forever while the page and the service worker are always
//! checked for a new version.

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

const SECURITY_HEADERS: [(&str, &str); 6] = [
    ("content-security-policy", CONTENT_SECURITY_POLICY),
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "no-referrer"),
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
    let headers = response.headers_mut();
    for (name, value) in SECURITY_HEADERS {
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

/// Trunk's hashed names end in `-<16 hex digits>` before the extension (and `_bg` for wasm).
fn has_build_hash(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or("");
    let stem = file.split('.').next().unwrap_or("");
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    match stem.rsplit_once('-') {
        Some((_, hash)) => hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()),
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
        ] {
            assert_eq!(cache_control_for(path), "no-cache", "{path}");
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
