//! The coordinator's screens' decisions: what a sign-in form lacks, what a server answer means for
//! the person at the screen, how an enrollment code's expiry is shown.

use crate::i18n::{Locale, Text};
use crate::rate_limit::retry_after_seconds;

/// Why a coordinator action did not go through, in the words the screen shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CoordProblem {
    FillBoth,
    /// No answer at all: offline, or the server is down.
    Network,
    InvalidCredentials,
    TooManyTries {
        seconds: u64,
    },
    /// The session ended (expired, signed out elsewhere): sign in again.
    SessionExpired,
    /// Anything else the server refused or failed at; nothing was recorded.
    Server,
}

impl CoordProblem {
    /// From an HTTP answer that was not a success: its status, the JSON `code` if the body had
    /// one, and the `Retry-After` header.
    pub fn from_answer(status: u16, code: Option<&str>, retry_after: Option<&str>) -> CoordProblem {
        match (status, code) {
            (401, Some("invalid_credentials")) => CoordProblem::InvalidCredentials,
            (401, _) | (403, Some("csrf_failed")) => CoordProblem::SessionExpired,
            (429, _) => CoordProblem::TooManyTries {
                seconds: retry_after
                    .and_then(|s| s.trim().parse::<u64>().ok())
                    .unwrap_or_else(|| retry_after_seconds(0))
                    .max(1),
            },
            _ => CoordProblem::Server,
        }
    }

    pub fn text(&self, locale: Locale) -> String {
        match self {
            CoordProblem::FillBoth => locale.text(Text::CoordFillBoth).to_owned(),
            CoordProblem::Network => locale.text(Text::CoordNeedsNetwork).to_owned(),
            CoordProblem::InvalidCredentials => {
                locale.text(Text::CoordInvalidCredentials).to_owned()
            }
            CoordProblem::TooManyTries { seconds } => locale.fill(
                Text::CoordTooManyTries,
                &[("seconds", seconds.to_string().as_str())],
            ),
            CoordProblem::SessionExpired => locale.text(Text::CoordSessionExpired).to_owned(),
            CoordProblem::Server => locale.text(Text::CoordServerProblem).to_owned(),
        }
    }
}

/// The sign-in form before it is sent: both fields are needed; the email is trimmed (a space
/// typed by the tablet's keyboard after the address is not the coordinator's mistake), the
/// password is sent exactly as typed.
pub fn check_sign_in(email: &str, password: &str) -> Result<String, CoordProblem> {
    let email = email.trim();
    if email.is_empty() || password.is_empty() {
        return Err(CoordProblem::FillBoth);
    }
    Ok(email.to_owned())
}

/// "22:41": the local time of `unix_ms` for a screen whose clock is `offset_minutes` ahead of UTC
/// (JavaScript's `-getTimezoneOffset()`).
pub fn clock_time(unix_ms: u64, offset_minutes: i32) -> String {
    let minutes = (unix_ms / 60_000) as i64 + i64::from(offset_minutes);
    let in_day = minutes.rem_euclid(24 * 60);
    format!("{:02}:{:02}", in_day / 60, in_day % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_become_what_the_coordinator_can_do_about_them() {
        assert_eq!(
            CoordProblem::from_answer(401, Some("invalid_credentials"), None),
            CoordProblem::InvalidCredentials
        );
        assert_eq!(
            CoordProblem::from_answer(401, Some("not_signed_in"), None),
            CoordProblem::SessionExpired
        );
        assert_eq!(
            CoordProblem::from_answer(403, Some("csrf_failed"), None),
            CoordProblem::SessionExpired
        );
        assert_eq!(
            CoordProblem::from_answer(429, Some("rate_limited"), Some("20")),
            CoordProblem::TooManyTries { seconds: 20 }
        );
        assert_eq!(
            CoordProblem::from_answer(429, None, Some("soon")),
            CoordProblem::TooManyTries { seconds: 1 }
        );
        assert_eq!(
            CoordProblem::from_answer(503, Some("storage_unavailable"), Some("5")),
            CoordProblem::Server
        );
        assert_eq!(
            CoordProblem::from_answer(400, None, None),
            CoordProblem::Server
        );
    }

    #[test]
    fn every_problem_reads_in_every_language() {
        let problems = [
            CoordProblem::FillBoth,
            CoordProblem::Network,
            CoordProblem::InvalidCredentials,
            CoordProblem::TooManyTries { seconds: 20 },
            CoordProblem::SessionExpired,
            CoordProblem::Server,
        ];
        for locale in Locale::ALL {
            for problem in &problems {
                let text = problem.text(locale);
                assert!(!text.is_empty() && !text.contains('{'), "{locale:?} {text}");
            }
        }
        assert!(
            CoordProblem::TooManyTries { seconds: 20 }
                .text(Locale::Fr)
                .contains("20 secondes")
        );
    }

    #[test]
    fn the_sign_in_form_needs_both_fields() {
        assert_eq!(
            check_sign_in(" awa@bailleur.fr ", "x"),
            Ok("awa@bailleur.fr".into())
        );
        assert_eq!(check_sign_in("  ", "secret"), Err(CoordProblem::FillBoth));
        assert_eq!(check_sign_in("a@b.fr", ""), Err(CoordProblem::FillBoth));
    }

    #[test]
    fn expiry_times_are_local_hours_and_minutes() {
        // 2026-11-25 21:41:30 UTC.
        let ms = 1_795_642_890_000;
        assert_eq!(clock_time(ms, 0), "21:41");
        assert_eq!(clock_time(ms, 60), "22:41");
        assert_eq!(clock_time(ms, 180), "00:41");
        assert_eq!(clock_time(ms, -600), "11:41");
    }
}
