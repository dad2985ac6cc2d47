//! Coordinator accounts and their browser sessions: what a password, a name and an email must be,
//! how long a session lives, what the session cookie looks like, and the two checks that keep
//! another site from acting with a signed-in coordinator's cookie (the CSRF token and the
//! `Origin` header). The server hashes, stores and answers; every rule it applies is here.
//!
//! A session is a random secret in an `HttpOnly; SameSite=Strict` cookie, of which the server
//! keeps only a hash, plus a second random value, the CSRF token, that the page receives in the
//! sign-in answer and sends back in the `X-CSRF-Token` header of every request that changes
//! something. Another site can make the browser send the cookie, but cannot read the token.
//!
//! The messages of the coordinator API (sign-in, enrollment codes, outbox imports) are here too,
//! so that the coordination screen and the server read and write one shape.

use serde::{Deserialize, Serialize};

use crate::contact::{EmailProblem, MAX_EMAIL_CHARS, normalise_email};
use crate::ids::{CampaignId, DeviceId};
use crate::sync::{PushOutcome, PushResult};

/// The shortest password accepted: 12 characters. Length is what makes a password hard to guess,
/// far more than a mix of symbols (NIST SP 800-63B, ANSSI's recommendations); no other
/// composition rule, so a passphrase like "quatre chats gris au balcon" is fine.
pub const MIN_PASSWORD_CHARS: usize = 12;

/// The longest password accepted at creation: long enough for any passphrase or manager, short
/// enough that nobody stores a novel to make every sign-in hash megabytes.
pub const MAX_PASSWORD_CHARS: usize = 256;

/// The longest name shown in the coordination screen ("Awa Diallo").
pub const MAX_NAME_CHARS: usize = 80;

/// A session unused for 12 hours ends: a coordinator's working day, lunch break included, without
/// signing in again; the shared office computer left signed in overnight is not.
pub const SESSION_IDLE_MS: u64 = 12 * 60 * 60 * 1000;

/// However active, a session ends 7 days after sign-in, so a stolen cookie cannot live for ever.
pub const SESSION_MAX_MS: u64 = 7 * 24 * 60 * 60 * 1000;

/// A session's "last used" time is written at most this often: every request writing it would
/// turn each page load into a database write, and 5 minutes is nothing against 12 hours.
pub const SESSION_TOUCH_EVERY_MS: u64 = 5 * 60 * 1000;

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "palier_session";

/// The header carrying the CSRF token (HTTP header names are case-insensitive).
pub const CSRF_HEADER: &str = "x-csrf-token";

/// Why a new password was refused; said plainly to whoever creates the account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PasswordProblem {
    #[error(
        "the password must have at least {MIN_PASSWORD_CHARS} characters (it has {found}); \
         a short sentence is easy to remember and hard to guess"
    )]
    TooShort { found: usize },
    #[error("the password must have at most {MAX_PASSWORD_CHARS} characters (it has {found})")]
    TooLong { found: usize },
}

/// Whether `password` may become a coordinator's password. Characters, not bytes: "é" is one.
pub fn check_new_password(password: &str) -> Result<(), PasswordProblem> {
    let found = password.chars().count();
    if found < MIN_PASSWORD_CHARS {
        return Err(PasswordProblem::TooShort { found });
    }
    if found > MAX_PASSWORD_CHARS {
        return Err(PasswordProblem::TooLong { found });
    }
    Ok(())
}

/// Why a coordinator's name was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NameProblem {
    #[error("the name is empty")]
    Empty,
    #[error("the name must have at most {MAX_NAME_CHARS} characters (it has {found})")]
    TooLong { found: usize },
}

/// A coordinator's name as stored: trimmed, inner runs of spaces folded, control characters
/// dropped (a name is shown in lists and logs, where a newline would forge a line).
pub fn tidy_name(typed: &str) -> Result<String, NameProblem> {
    let name: String = typed
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .filter(|c| !c.is_control())
        .collect();
    let found = name.chars().count();
    if found == 0 {
        return Err(NameProblem::Empty);
    }
    if found > MAX_NAME_CHARS {
        return Err(NameProblem::TooLong { found });
    }
    Ok(name)
}

/// A coordinator's email as stored and compared: trimmed and lower-cased, so that
/// `Awa.Diallo@Bailleur.fr` signs in to the account created as `awa.diallo@bailleur.fr`.
pub fn coordinator_email(typed: &str) -> Result<String, EmailProblem> {
    normalise_email(typed)
}

/// The key a sign-in attempt is counted under for the rate limit: the email as it would be stored,
/// even when it is not a valid address (a wrong spelling must be limited too), cut short so that
/// a huge typed value cannot grow the server's memory.
pub fn sign_in_key(typed_email: &str) -> String {
    typed_email
        .trim()
        .to_lowercase()
        .chars()
        .take(MAX_EMAIL_CHARS + 1)
        .collect()
}

/// A random secret of 32 bytes as 64 lower-case hex digits: a session id or a CSRF token.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn from_random(bytes: [u8; 32]) -> Secret {
        Secret(bytes.iter().map(|b| format!("{b:02x}")).collect())
    }

    /// Reads a secret as a browser sends it back; `None` when it cannot be one of ours, so that
    /// anything else is refused before it reaches the database.
    pub fn parse(sent: &str) -> Option<Secret> {
        let ok = sent.len() == 64 && sent.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        ok.then(|| Secret(sent.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Never printed: a session id in a log line would let anyone reading the log act as the
/// coordinator.
impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

/// When a stored session was made and last used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionTimes {
    pub created_at_ms: u64,
    pub last_seen_ms: u64,
}

/// What to do with a session presented at `now_ms`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionCheck {
    /// Still valid; `touch` says to write `now_ms` as its last use.
    Valid { touch: bool },
    /// Unused for [`SESSION_IDLE_MS`], or older than [`SESSION_MAX_MS`]: sign in again.
    Expired,
}

pub fn check_session(times: SessionTimes, now_ms: u64) -> SessionCheck {
    let idle = now_ms.saturating_sub(times.last_seen_ms);
    let age = now_ms.saturating_sub(times.created_at_ms);
    if idle >= SESSION_IDLE_MS || age >= SESSION_MAX_MS {
        return SessionCheck::Expired;
    }
    SessionCheck::Valid {
        touch: idle >= SESSION_TOUCH_EVERY_MS,
    }
}

/// Sessions last used before this time, or made before the second one, are expired: the server
/// deletes them in one statement.
pub fn expired_before(now_ms: u64) -> (u64, u64) {
    (
        now_ms.saturating_sub(SESSION_IDLE_MS),
        now_ms.saturating_sub(SESSION_MAX_MS),
    )
}

/// The `Set-Cookie` value that signs a browser in. The cookie lives as long as a session can
/// ([`SESSION_MAX_MS`]); the server ends it sooner when it goes unused.
///
/// - `HttpOnly`: the page's scripts never see it (an injected script cannot steal it).
/// - `SameSite=Strict`: the browser sends it only with requests made from Palier's own pages.
/// - `Path=/`, no `Domain`: this host only, not its subdomains.
/// - `Secure` when the server is reached over HTTPS: never sent in clear. Over plain http (the
///   loopback development server) a `Secure` cookie would simply not be stored.
pub fn session_cookie(session: &Secret, secure: bool) -> String {
    format!(
        "{SESSION_COOKIE}={}; HttpOnly; SameSite=Strict; Path=/; Max-Age={}{}",
        session.as_str(),
        SESSION_MAX_MS / 1000,
        if secure { "; Secure" } else { "" }
    )
}

/// The `Set-Cookie` value that makes the browser forget the session cookie (sign-out).
pub fn cleared_session_cookie(secure: bool) -> String {
    format!(
        "{SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0{}",
        if secure { "; Secure" } else { "" }
    )
}

/// The session id among the `Cookie` header values a browser sent, if one is well-formed.
pub fn session_from_cookies<'a>(headers: impl IntoIterator<Item = &'a str>) -> Option<Secret> {
    headers
        .into_iter()
        .flat_map(|header| header.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .filter(|(name, _)| *name == SESSION_COOKIE)
        .find_map(|(_, value)| Secret::parse(value.trim().trim_matches('"')))
}

/// Whether the token a request carries is the session's, compared in constant time so that the
/// time of a refusal says nothing about how many leading characters were right. Tokens have a
/// fixed, public length, so comparing lengths first leaks nothing.
pub fn csrf_matches(expected: &Secret, sent: &str) -> bool {
    let (expected, sent) = (expected.as_str().as_bytes(), sent.as_bytes());
    if expected.len() != sent.len() {
        return false;
    }
    let difference = expected
        .iter()
        .zip(sent)
        .fold(0u8, |acc, (a, b)| acc | (a ^ b));
    // Keeps the compiler from turning the fold into an early-exit comparison.
    std::hint::black_box(difference) == 0
}

/// The longest public URL accepted: it goes into every enrollment QR code.
pub const MAX_PUBLIC_URL_CHARS: usize = 200;

/// The address people open Palier at (`https://palier.bailleur.fr`), as given to the server: the
/// origin of enrollment links, whether cookies are `Secure`, and the only origin allowed to make
/// a coordinator's browser change something.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicUrl {
    https: bool,
    /// Lower-case host name, IPv4 address, or IPv6 address in brackets.
    host: String,
    port: u16,
}

/// Why a public URL was refused at start-up.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PublicUrlProblem {
    #[error("the public URL must start with https:// (or http:// on this computer only)")]
    Scheme,
    #[error("the public URL has no host name")]
    NoHost,
    #[error("{found:?} is not a host name")]
    BadHost { found: String },
    #[error("{found:?} is not a port number")]
    BadPort { found: String },
    #[error(
        "the public URL is the server's origin only (like https://palier.bailleur.fr): no path, \
         query or user name"
    )]
    NotAnOrigin,
    #[error("the public URL is longer than {MAX_PUBLIC_URL_CHARS} characters")]
    TooLong,
}

impl PublicUrl {
    /// Reads `https://host[:port]` or `http://host[:port]`, with or without a final `/`.
    pub fn parse(typed: &str) -> Result<PublicUrl, PublicUrlProblem> {
        let typed = typed.trim();
        if typed.chars().count() > MAX_PUBLIC_URL_CHARS {
            return Err(PublicUrlProblem::TooLong);
        }
        let lower = typed.to_ascii_lowercase();
        let (https, rest) = if let Some(rest) = lower.strip_prefix("https://") {
            (true, rest)
        } else if let Some(rest) = lower.strip_prefix("http://") {
            (false, rest)
        } else {
            return Err(PublicUrlProblem::Scheme);
        };
        let authority = rest.strip_suffix('/').unwrap_or(rest);
        if authority.contains(['/', '?', '#', '@']) {
            return Err(PublicUrlProblem::NotAnOrigin);
        }
        let (host, port) = split_host_port(authority)?;
        Ok(PublicUrl {
            https,
            host,
            port: port.unwrap_or(if https { 443 } else { 80 }),
        })
    }

    pub fn is_https(&self) -> bool {
        self.https
    }

    /// `https://palier.bailleur.fr` or `http://127.0.0.1:8080`: the default port is left out, as
    /// browsers write it in the `Origin` header.
    pub fn origin(&self) -> String {
        origin_text(self.https, &self.host, self.port)
    }

    /// Whether a request whose `Origin` header says `sent` comes from Palier's own pages. On a
    /// loopback public URL, `localhost`, `127.0.0.1` and `[::1]` with the same port are one
    /// server: a developer typing either must not be locked out. `null` (a sandboxed frame, a
    /// redirect across sites) and any other origin are refused.
    pub fn allows_origin(&self, sent: &str) -> bool {
        let Ok(sent) = PublicUrl::parse(sent) else {
            return false;
        };
        if sent.https != self.https || sent.port != self.port {
            return false;
        }
        sent.host == self.host || (is_loopback(&self.host) && is_loopback(&sent.host))
    }
}

impl std::fmt::Display for PublicUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.origin())
    }
}

fn origin_text(https: bool, host: &str, port: u16) -> String {
    let (scheme, default_port) = if https { ("https", 443) } else { ("http", 80) };
    if port == default_port {
        format!("{scheme}://{host}")
    } else {
        format!("{scheme}://{host}:{port}")
    }
}

fn is_loopback(host: &str) -> bool {
    matches!(host, "localhost" | "127.0.0.1" | "[::1]")
}

fn split_host_port(authority: &str) -> Result<(String, Option<u16>), PublicUrlProblem> {
    let (host, port) = if let Some(after_bracket) = authority.strip_prefix('[') {
        let (inside, after) =
            after_bracket
                .split_once(']')
                .ok_or_else(|| PublicUrlProblem::BadHost {
                    found: authority.to_owned(),
                })?;
        if inside.is_empty() || !inside.bytes().all(|b| b.is_ascii_hexdigit() || b == b':') {
            return Err(PublicUrlProblem::BadHost {
                found: authority.to_owned(),
            });
        }
        let port = match after {
            "" => None,
            _ => Some(
                after
                    .strip_prefix(':')
                    .ok_or(PublicUrlProblem::NotAnOrigin)?,
            ),
        };
        (format!("[{inside}]"), port)
    } else {
        match authority.split_once(':') {
            Some((host, port)) => (host.to_owned(), Some(port)),
            None => (authority.to_owned(), None),
        }
    };
    if host.is_empty() {
        return Err(PublicUrlProblem::NoHost);
    }
    let label_ok = |label: &str| {
        !label.is_empty()
            && label.len() <= 63
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    };
    if !host.starts_with('[') && !host.split('.').all(label_ok) {
        return Err(PublicUrlProblem::BadHost { found: host });
    }
    let port = match port {
        None => None,
        Some(text) => Some(
            text.parse::<u16>()
                .ok()
                .filter(|p| *p != 0)
                .ok_or_else(|| PublicUrlProblem::BadPort {
                    found: text.to_owned(),
                })?,
        ),
    };
    Ok((host, port))
}

/// `POST /api/v1/session`: a coordinator signs in.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignInRequest {
    pub email: String,
    pub password: String,
}

/// Never printed: the password would end up in a log.
impl std::fmt::Debug for SignInRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignInRequest")
            .field("email", &self.email)
            .finish_non_exhaustive()
    }
}

/// Who is signed in, and the token the page sends back in `X-CSRF-Token` with every change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionInfo {
    pub email: String,
    pub name: String,
    pub csrf_token: String,
}

/// A fresh enrollment code, as the coordination screen shows it: the short code to type, the
/// link the QR code holds, and the QR code itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedEnrollmentCode {
    /// Display form, `K7P2-9XQM`.
    pub code: String,
    /// `<public URL>/appareil?code=K7P2-9XQM`.
    pub url: String,
    /// After this (Unix milliseconds), the code no longer enrolls anything.
    pub expires_at_ms: u64,
    /// The link as a standalone SVG ([`crate::qr::qr_svg`]).
    pub qr_svg: String,
    pub campaign: CampaignId,
}

/// What an outbox-file import did: one result per event of the file, in the file's order, exactly
/// as a push answers, and the totals the coordinator reads first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    pub device: DeviceId,
    pub accepted: usize,
    pub duplicate: usize,
    pub rejected: usize,
    pub results: Vec<PushResult>,
}

impl ImportReport {
    pub fn new(device: DeviceId, results: Vec<PushResult>) -> ImportReport {
        let count = |wanted: fn(&PushOutcome) -> bool| {
            results.iter().filter(|r| wanted(&r.outcome)).count()
        };
        ImportReport {
            device,
            accepted: count(|o| matches!(o, PushOutcome::Accepted)),
            duplicate: count(|o| matches!(o, PushOutcome::Duplicate)),
            rejected: count(|o| matches!(o, PushOutcome::Rejected { .. })),
            results,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_password_needs_twelve_characters_not_bytes() {
        assert_eq!(
            check_new_password("court"),
            Err(PasswordProblem::TooShort { found: 5 })
        );
        assert_eq!(
            check_new_password("ééééééééééé"),
            Err(PasswordProblem::TooShort { found: 11 })
        );
        assert_eq!(check_new_password("éééééééééééé"), Ok(()));
        assert_eq!(check_new_password("quatre chats gris au balcon"), Ok(()));
        assert_eq!(
            check_new_password(&"x".repeat(MAX_PASSWORD_CHARS + 1)),
            Err(PasswordProblem::TooLong { found: 257 })
        );
        let message = PasswordProblem::TooShort { found: 8 }.to_string();
        assert!(message.contains("at least 12") && message.contains("it has 8"));
    }

    #[test]
    fn names_are_tidied_and_bounded() {
        assert_eq!(tidy_name("  Awa \n  Diallo "), Ok("Awa Diallo".to_owned()));
        assert_eq!(tidy_name("\u{7}"), Err(NameProblem::Empty));
        assert_eq!(tidy_name("   "), Err(NameProblem::Empty));
        assert_eq!(
            tidy_name(&"a".repeat(81)),
            Err(NameProblem::TooLong { found: 81 })
        );
    }

    #[test]
    fn emails_compare_whatever_their_case() {
        assert_eq!(
            coordinator_email(" Awa.Diallo@Bailleur.FR "),
            coordinator_email("awa.diallo@bailleur.fr")
        );
        assert_eq!(coordinator_email("awa"), Err(EmailProblem::NoAt));
        assert_eq!(sign_in_key(" AWA@x.fr"), "awa@x.fr");
        assert_eq!(
            sign_in_key(&"a".repeat(10_000)).len(),
            MAX_EMAIL_CHARS + 1,
            "a huge value is cut"
        );
    }

    #[test]
    fn secrets_are_64_hex_digits_and_never_printed() {
        let secret = Secret::from_random([0xab; 32]);
        assert_eq!(secret.as_str().len(), 64);
        assert_eq!(Secret::parse(secret.as_str()), Some(secret.clone()));
        assert!(!format!("{secret:?}").contains("ab"));
        assert_eq!(Secret::parse(&secret.as_str().to_uppercase()), None);
        assert_eq!(Secret::parse("ab"), None);
    }

    const T0: u64 = 1_800_000_000_000;

    fn times(created: u64, last_seen: u64) -> SessionTimes {
        SessionTimes {
            created_at_ms: created,
            last_seen_ms: last_seen,
        }
    }

    #[test]
    fn a_session_ends_after_twelve_idle_hours_or_seven_days() {
        let fresh = times(T0, T0);
        assert_eq!(
            check_session(fresh, T0),
            SessionCheck::Valid { touch: false }
        );
        assert_eq!(
            check_session(fresh, T0 + SESSION_TOUCH_EVERY_MS),
            SessionCheck::Valid { touch: true }
        );
        assert_eq!(
            check_session(fresh, T0 + SESSION_IDLE_MS - 1),
            SessionCheck::Valid { touch: true }
        );
        assert_eq!(
            check_session(fresh, T0 + SESSION_IDLE_MS),
            SessionCheck::Expired
        );
        // Used an hour ago, but signed in a week ago.
        let old = times(T0, T0 + SESSION_MAX_MS - 3_600_000);
        assert_eq!(
            check_session(old, T0 + SESSION_MAX_MS),
            SessionCheck::Expired
        );
        // A clock that went back does not end a session, nor keep a dead one alive.
        assert_eq!(
            check_session(fresh, T0 - 1000),
            SessionCheck::Valid { touch: false }
        );
        let (idle, max) = expired_before(T0 + SESSION_MAX_MS);
        assert_eq!((idle, max), (T0 + SESSION_MAX_MS - SESSION_IDLE_MS, T0));
    }

    #[test]
    fn the_cookie_is_http_only_strict_and_secure_over_https() {
        let secret = Secret::from_random([1; 32]);
        let plain = session_cookie(&secret, false);
        assert_eq!(
            plain,
            format!(
                "palier_session={}; HttpOnly; SameSite=Strict; Path=/; Max-Age=604800",
                secret.as_str()
            )
        );
        assert!(session_cookie(&secret, true).ends_with("; Secure"));
        assert!(cleared_session_cookie(false).contains("palier_session=;"));
        assert!(cleared_session_cookie(false).contains("Max-Age=0"));
    }

    #[test]
    fn the_session_is_found_among_other_cookies() {
        let secret = Secret::from_random([7; 32]);
        let header = format!("theme=dark; palier_session={}; lang=fr", secret.as_str());
        assert_eq!(
            session_from_cookies([header.as_str()]),
            Some(secret.clone())
        );
        let second = format!("palier_session={}", secret.as_str());
        assert_eq!(
            session_from_cookies(["palier_session=forged", second.as_str()]),
            Some(secret)
        );
        assert_eq!(session_from_cookies(["palier_session="]), None);
        assert_eq!(session_from_cookies(["other=1"]), None);
        assert_eq!(session_from_cookies([]), None);
    }

    #[test]
    fn csrf_tokens_match_only_exactly() {
        let token = Secret::from_random([0xab; 32]);
        assert!(csrf_matches(&token, token.as_str()));
        assert!(!csrf_matches(&token, ""));
        assert!(!csrf_matches(&token, &token.as_str()[..63]));
        let mut wrong = token.as_str().to_owned();
        wrong.replace_range(63.., "0");
        assert!(!csrf_matches(&token, &wrong));
        assert!(!csrf_matches(&token, &token.as_str().to_uppercase()));
    }

    #[test]
    fn public_urls_are_origins() {
        let url = PublicUrl::parse("https://Palier.Bailleur.fr/").unwrap();
        assert!(url.is_https());
        assert_eq!(url.origin(), "https://palier.bailleur.fr");
        assert_eq!(
            PublicUrl::parse("https://palier.bailleur.fr:443")
                .unwrap()
                .origin(),
            "https://palier.bailleur.fr"
        );
        let local = PublicUrl::parse("http://127.0.0.1:8080").unwrap();
        assert!(!local.is_https());
        assert_eq!(local.to_string(), "http://127.0.0.1:8080");
        assert_eq!(
            PublicUrl::parse("http://[::1]:8080").unwrap().origin(),
            "http://[::1]:8080"
        );
        for (typed, problem) in [
            ("palier.fr", PublicUrlProblem::Scheme),
            ("ftp://palier.fr", PublicUrlProblem::Scheme),
            ("https://", PublicUrlProblem::NoHost),
            ("https://palier.fr/app", PublicUrlProblem::NotAnOrigin),
            ("https://palier.fr?x=1", PublicUrlProblem::NotAnOrigin),
            ("https://awa@palier.fr", PublicUrlProblem::NotAnOrigin),
            (
                "https://palier.fr:99999",
                PublicUrlProblem::BadPort {
                    found: "99999".into(),
                },
            ),
            (
                "https://pal ier.fr",
                PublicUrlProblem::BadHost {
                    found: "pal ier.fr".into(),
                },
            ),
        ] {
            assert_eq!(PublicUrl::parse(typed), Err(problem), "{typed}");
        }
    }

    #[test]
    fn only_palier_own_origin_may_change_things() {
        let url = PublicUrl::parse("https://palier.bailleur.fr").unwrap();
        assert!(url.allows_origin("https://palier.bailleur.fr"));
        assert!(url.allows_origin("https://PALIER.bailleur.fr:443"));
        for other in [
            "http://palier.bailleur.fr",
            "https://palier.bailleur.fr:8443",
            "https://evil.example",
            "https://palier.bailleur.fr.evil.example",
            "null",
            "",
        ] {
            assert!(!url.allows_origin(other), "{other}");
        }
        let local = PublicUrl::parse("http://127.0.0.1:8080").unwrap();
        assert!(local.allows_origin("http://localhost:8080"));
        assert!(local.allows_origin("http://[::1]:8080"));
        assert!(!local.allows_origin("http://localhost:8081"));
        assert!(!local.allows_origin("http://192.168.1.20:8080"));
    }

    #[test]
    fn an_import_report_counts_each_outcome() {
        use crate::ids::EventId;
        let result = |outcome| PushResult {
            event_id: EventId::new_v7(T0, [1; 10]),
            outcome,
        };
        let report = ImportReport::new(
            DeviceId::from_random([1; 16]),
            vec![
                result(PushOutcome::Accepted),
                result(PushOutcome::Duplicate),
                result(PushOutcome::Duplicate),
                result(PushOutcome::Rejected {
                    code: "invalid_event".into(),
                    message: "x".into(),
                }),
            ],
        );
        assert_eq!(
            (report.accepted, report.duplicate, report.rejected),
            (1, 2, 1)
        );
        assert_eq!(report.results.len(), 4);
    }

    #[test]
    fn a_sign_in_request_never_prints_its_password() {
        let request: SignInRequest =
            serde_json::from_str(r#"{"email":"awa@bailleur.fr","password":"quatre chats gris"}"#)
                .unwrap();
        let printed = format!("{request:?}");
        assert!(printed.contains("awa@bailleur.fr") && !printed.contains("chats"));
        assert!(
            serde_json::from_str::<SignInRequest>(r#"{"email":"a","password":"b","x":1}"#).is_err()
        );
    }

    proptest! {
        #[test]
        fn reading_never_panics(typed in ".{0,80}") {
            let _ = PublicUrl::parse(&typed);
            let _ = session_from_cookies([typed.as_str()]);
            let _ = tidy_name(&typed);
            let _ = Secret::parse(&typed);
        }

        #[test]
        fn a_parsed_origin_reads_back_to_itself(
            https in any::<bool>(),
            host in "[a-z][a-z0-9-]{0,10}(\\.[a-z0-9]{1,6}){0,2}",
            port in 1u16..,
        ) {
            let scheme = if https { "https" } else { "http" };
            let url = PublicUrl::parse(&format!("{scheme}://{host}:{port}")).unwrap();
            prop_assert_eq!(PublicUrl::parse(&url.origin()).unwrap(), url.clone());
            prop_assert!(url.allows_origin(&url.origin()));
        }
    }
}
