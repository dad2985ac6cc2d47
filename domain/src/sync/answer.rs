//! What the device does with an answer that is not a success: the HTTP status, the `{code,
//! message}` body and `Retry-After` in; what went wrong and what to do next out. The app only
//! performs the fetch and carries the decision out.

use serde::Deserialize;

use super::device_state::SyncProblem;

/// The most a `Retry-After` is obeyed: one hour. A longer wait (a misconfigured proxy) would
/// leave a tablet silent all day; the button and the `online` event still try at once anyway.
pub const MAX_RETRY_AFTER_MS: u64 = 60 * 60 * 1_000;

/// How long the device waits for an answer before it counts the request as a network failure:
/// 60 s. A full push batch (about a megabyte) crosses a weak 3G link in 20 s or so; beyond a
/// minute the link is as good as gone, and a request hanging for ever would hold the sync lock.
pub const REQUEST_TIMEOUT_MS: u64 = 60_000;

/// An answer other than a success, as the fetch saw it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failed<'a> {
    /// No HTTP answer at all (no network, server off, connection reset).
    Network,
    /// An HTTP answer with a status outside 2xx.
    Status {
        status: u16,
        /// The body as text; the API's errors are `{"code", "message"}`, a proxy's may be HTML.
        body: &'a str,
        /// The `Retry-After` header, when there was one.
        retry_after: Option<&'a str>,
    },
}

/// The API's error body.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ApiError {
    pub code: String,
    #[serde(default)]
    pub message: String,
}

impl ApiError {
    /// Reads an error body; `None` when it is not the API's JSON (a proxy's page, an empty body).
    pub fn read(body: &str) -> Option<ApiError> {
        serde_json::from_str(body).ok()
    }
}

/// What to do after a failed push or pull.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Then {
    /// Stop this round; try again after [`super::Backoff`], and not before `at_least_ms`.
    RetryLater { at_least_ms: u64 },
    /// The token is refused: stop syncing, keep every event, until the device is enrolled again.
    StopUntilEnrolled,
    /// The batch was too big for the server: send it again in smaller pieces, at once.
    SplitBatch,
}

/// A failure's meaning: what to show and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AfterFailure {
    pub problem: SyncProblem,
    pub then: Then,
}

/// Reads a push's or a pull's failure.
///
/// - 401 whatever its code: the device no longer belongs to the campaign.
/// - 413, or 400 `batch_too_large`: the batch is split (a single event too large is set aside by
///   [`super::Round::batch_too_large`]).
/// - 429 and 503: wait for the server's `Retry-After` (in seconds) if it gave one.
/// - 400 `unsupported_version`: this build must be updated; retried later, since the update may
///   arrive meanwhile.
/// - Anything else, including a network failure and 5xx: retried with backoff.
pub fn after_failure(failed: Failed<'_>) -> AfterFailure {
    let (status, body, retry_after) = match failed {
        Failed::Network => {
            return retry(SyncProblem::Offline, 0);
        }
        Failed::Status {
            status,
            body,
            retry_after,
        } => (status, body, retry_after),
    };
    let error = ApiError::read(body);
    let code = error.as_ref().map_or("", |e| e.code.as_str());
    let wait_ms = retry_after.and_then(retry_after_ms).unwrap_or(0);
    match (status, code) {
        (401, _) => AfterFailure {
            problem: SyncProblem::Revoked {
                code: if code.is_empty() {
                    "unauthorized".to_owned()
                } else {
                    code.to_owned()
                },
            },
            then: Then::StopUntilEnrolled,
        },
        (413, _) | (400, "batch_too_large") => AfterFailure {
            problem: SyncProblem::Refused {
                code: if code.is_empty() {
                    "body_too_large".to_owned()
                } else {
                    code.to_owned()
                },
                message: error.map(|e| e.message).unwrap_or_default(),
            },
            then: Then::SplitBatch,
        },
        (429, _) => retry(SyncProblem::RateLimited, wait_ms),
        (400, "unsupported_version") => retry(SyncProblem::AppTooOld, 0),
        (500..=599, _) => retry(SyncProblem::ServerUnavailable, wait_ms),
        _ => retry(
            SyncProblem::Refused {
                code: if code.is_empty() {
                    format!("http_{status}")
                } else {
                    code.to_owned()
                },
                message: error.map(|e| e.message).unwrap_or_default(),
            },
            wait_ms,
        ),
    }
}

fn retry(problem: SyncProblem, at_least_ms: u64) -> AfterFailure {
    AfterFailure {
        problem,
        then: Then::RetryLater { at_least_ms },
    }
}

/// `Retry-After` in its seconds form ("120"), capped at [`MAX_RETRY_AFTER_MS`]. The HTTP-date form
/// is not read: the API never sends it, and a device's clock may be wrong anyway.
pub fn retry_after_ms(header: &str) -> Option<u64> {
    let seconds: u64 = header.trim().parse().ok()?;
    Some(seconds.saturating_mul(1_000).min(MAX_RETRY_AFTER_MS))
}

/// Why an enrollment failed, for the person holding the tablet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EnrollProblem {
    /// What was typed is not a code (checked on the device, or 400 `enrollment_code_invalid`).
    Malformed,
    Unknown,
    Expired,
    Used,
    RateLimited,
    Offline,
    /// Anything else, with the server's code for the coordinator.
    Other {
        code: String,
    },
}

/// Reads an enrollment's failure.
pub fn enroll_failure(failed: Failed<'_>) -> EnrollProblem {
    let (status, body) = match failed {
        Failed::Network => return EnrollProblem::Offline,
        Failed::Status { status, body, .. } => (status, body),
    };
    let code = ApiError::read(body).map(|e| e.code).unwrap_or_default();
    match (status, code.as_str()) {
        (_, "enrollment_code_invalid") => EnrollProblem::Malformed,
        (_, "enrollment_code_unknown") => EnrollProblem::Unknown,
        (_, "enrollment_code_expired") => EnrollProblem::Expired,
        (_, "enrollment_code_used") => EnrollProblem::Used,
        (429, _) => EnrollProblem::RateLimited,
        (_, "") => EnrollProblem::Other {
            code: format!("http_{status}"),
        },
        (_, code) => EnrollProblem::Other {
            code: code.to_owned(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(status: u16, code: &str) -> AfterFailure {
        let body = format!(r#"{{"code":"{code}","message":"words"}}"#);
        after_failure(Failed::Status {
            status,
            body: &body,
            retry_after: None,
        })
    }

    #[test]
    fn a_refused_token_stops_syncing_whatever_its_code() {
        for code in ["device_revoked", "device_unknown", "token_missing"] {
            let verdict = status(401, code);
            assert_eq!(verdict.then, Then::StopUntilEnrolled);
            assert_eq!(
                verdict.problem,
                SyncProblem::Revoked {
                    code: code.to_owned()
                }
            );
        }
        let bare = after_failure(Failed::Status {
            status: 401,
            body: "",
            retry_after: None,
        });
        assert_eq!(bare.then, Then::StopUntilEnrolled);
    }

    #[test]
    fn a_batch_too_large_is_split() {
        assert_eq!(status(413, "body_too_large").then, Then::SplitBatch);
        assert_eq!(status(400, "batch_too_large").then, Then::SplitBatch);
        // A proxy's 413 has no JSON body.
        let proxy = after_failure(Failed::Status {
            status: 413,
            body: "<html>Request Entity Too Large</html>",
            retry_after: None,
        });
        assert_eq!(proxy.then, Then::SplitBatch);
    }

    #[test]
    fn waits_follow_retry_after_within_an_hour() {
        let limited = after_failure(Failed::Status {
            status: 429,
            body: r#"{"code":"rate_limited","message":"slow down"}"#,
            retry_after: Some("30"),
        });
        assert_eq!(limited.problem, SyncProblem::RateLimited);
        assert_eq!(
            limited.then,
            Then::RetryLater {
                at_least_ms: 30_000
            }
        );
        let busy = after_failure(Failed::Status {
            status: 503,
            body: r#"{"code":"storage_unavailable","message":"db"}"#,
            retry_after: Some("86400"),
        });
        assert_eq!(busy.problem, SyncProblem::ServerUnavailable);
        assert_eq!(
            busy.then,
            Then::RetryLater {
                at_least_ms: MAX_RETRY_AFTER_MS
            }
        );
        assert_eq!(retry_after_ms(" 2 "), Some(2_000));
        assert_eq!(retry_after_ms("Wed, 21 Oct 2026 07:28:00 GMT"), None);
        assert_eq!(retry_after_ms("-1"), None);
    }

    #[test]
    fn everything_else_is_retried_later_and_says_what_happened() {
        let verdict = after_failure(Failed::Network);
        assert_eq!(verdict.problem, SyncProblem::Offline);
        assert_eq!(verdict.then, Then::RetryLater { at_least_ms: 0 });
        assert_eq!(status(502, "").problem, SyncProblem::ServerUnavailable);
        assert_eq!(
            status(400, "unsupported_version").problem,
            SyncProblem::AppTooOld
        );
        assert_eq!(
            status(400, "device_mismatch").problem,
            SyncProblem::Refused {
                code: "device_mismatch".into(),
                message: "words".into()
            }
        );
        let html = after_failure(Failed::Status {
            status: 404,
            body: "<h1>Not Found</h1>",
            retry_after: None,
        });
        assert_eq!(
            html.problem,
            SyncProblem::Refused {
                code: "http_404".into(),
                message: String::new()
            }
        );
        assert!(matches!(html.then, Then::RetryLater { .. }));
    }

    #[test]
    fn enrollment_failures_each_have_their_own_meaning() {
        let failed = |status, code: &str| {
            let body = format!(r#"{{"code":"{code}","message":"m"}}"#);
            enroll_failure(Failed::Status {
                status,
                body: &body,
                retry_after: None,
            })
        };
        assert_eq!(
            failed(400, "enrollment_code_invalid"),
            EnrollProblem::Malformed
        );
        assert_eq!(
            failed(404, "enrollment_code_unknown"),
            EnrollProblem::Unknown
        );
        assert_eq!(
            failed(410, "enrollment_code_expired"),
            EnrollProblem::Expired
        );
        assert_eq!(failed(410, "enrollment_code_used"), EnrollProblem::Used);
        assert_eq!(failed(429, "rate_limited"), EnrollProblem::RateLimited);
        assert_eq!(
            failed(503, "storage_unavailable"),
            EnrollProblem::Other {
                code: "storage_unavailable".into()
            }
        );
        assert_eq!(enroll_failure(Failed::Network), EnrollProblem::Offline);
        assert_eq!(
            enroll_failure(Failed::Status {
                status: 502,
                body: "",
                retry_after: None
            }),
            EnrollProblem::Other {
                code: "http_502".into()
            }
        );
    }
}
