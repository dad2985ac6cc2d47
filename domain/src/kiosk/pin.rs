//! The PIN that lets a coordinator (and nobody else) leave kiosk mode. The coordinator chooses it;
//! the kiosk keeps only a salted, slow hash of it (PBKDF2 in WebCrypto, done by the app), so the
//! PIN cannot be read from the device. Wrong tries make the next one wait longer, so that trying
//! every PIN would take months, while a coordinator who mistypes twice waits nothing.

use serde::{Deserialize, Serialize};

/// Six digits at least: four would be found in days even with the waits below.
pub const PIN_LENGTH: std::ops::RangeInclusive<usize> = 6..=12;
/// PBKDF2-HMAC-SHA-256 iterations for new PINs (OWASP's 2023 figure): about a second on a cheap
/// tablet, once per try.
pub const PIN_ITERATIONS: u32 = 600_000;
/// Tries allowed before any wait.
const FREE_TRIES: u32 = 3;
const FIRST_WAIT_MS: u64 = 30_000;
/// Waits stop growing here, so that a child playing with the screen cannot lock the coordinator
/// out for the day.
const LONGEST_WAIT_MS: u64 = 15 * 60_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PinProblem {
    Empty,
    /// Letters, spaces or signs: the kiosk's PIN pad has digits only.
    NotDigits,
    TooShort,
    TooLong,
    /// "000000", "123456", "121212"…: the first ones anyone tries.
    TooEasy,
}

/// The PIN as the coordinator typed it, checked; the app then hashes it with a fresh salt.
pub fn check_new_pin(typed: &str) -> Result<String, PinProblem> {
    let pin = typed.trim();
    if pin.is_empty() {
        return Err(PinProblem::Empty);
    }
    if !pin.chars().all(|c| c.is_ascii_digit()) {
        return Err(PinProblem::NotDigits);
    }
    if pin.len() < *PIN_LENGTH.start() {
        return Err(PinProblem::TooShort);
    }
    if pin.len() > *PIN_LENGTH.end() {
        return Err(PinProblem::TooLong);
    }
    if is_easy(pin.as_bytes()) {
        return Err(PinProblem::TooEasy);
    }
    Ok(pin.to_owned())
}

/// One digit repeated, a run up or down, or two digits taking turns.
fn is_easy(digits: &[u8]) -> bool {
    let steps: Vec<i16> = digits
        .windows(2)
        .map(|w| i16::from(w[1]) - i16::from(w[0]))
        .collect();
    let constant_step = steps.windows(2).all(|w| w[0] == w[1]) && steps[0].abs() <= 1;
    let two_digits = digits.iter().enumerate().all(|(i, d)| *d == digits[i % 2]);
    constant_step || two_digits
}

/// What the kiosk stores: never the PIN itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PinRecord {
    /// 16 random bytes, hex.
    pub salt: String,
    pub iterations: u32,
    /// PBKDF2-HMAC-SHA-256 of the PIN with `salt` and `iterations`, 32 bytes, hex.
    pub hash: String,
}

impl PinRecord {
    /// Whether the hash the app derived from a typed PIN (with this record's salt and
    /// iterations) is this one. Every byte is compared, whatever the first difference, so the
    /// time taken says nothing about how close the try was.
    pub fn matches(&self, derived_hash_hex: &str) -> bool {
        let (a, b) = (self.hash.as_bytes(), derived_hash_hex.trim().as_bytes());
        if a.len() != b.len() || a.is_empty() {
            return false;
        }
        a.iter().zip(b).fold(0u8, |diff, (x, y)| {
            diff | (x.to_ascii_lowercase() ^ y.to_ascii_lowercase())
        }) == 0
    }
}

/// Wrong tries so far and when the last one was: kept in the kiosk's storage, so that reloading
/// the page does not reset the waits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PinGuard {
    pub failures: u32,
    pub last_failure_ms: Option<u64>,
}

impl PinGuard {
    /// How long to wait after `failures` wrong tries: nothing for the first three, then 30 s,
    /// doubling up to 15 min.
    pub fn wait_after(failures: u32) -> u64 {
        if failures < FREE_TRIES {
            return 0;
        }
        let doublings = (failures - FREE_TRIES).min(16);
        (FIRST_WAIT_MS << doublings).min(LONGEST_WAIT_MS)
    }

    /// Milliseconds before the next try is allowed; 0 when it is allowed now. A clock set back
    /// does not lengthen the wait beyond the longest one.
    pub fn wait_ms(&self, now_ms: u64) -> u64 {
        let Some(last) = self.last_failure_ms else {
            return 0;
        };
        let wait = PinGuard::wait_after(self.failures);
        let elapsed = now_ms.saturating_sub(last);
        wait.saturating_sub(elapsed)
    }

    /// When the next try may happen.
    pub fn next_try_at(&self, now_ms: u64) -> u64 {
        now_ms + self.wait_ms(now_ms)
    }

    pub fn failed(&mut self, now_ms: u64) {
        self.failures = self.failures.saturating_add(1);
        self.last_failure_ms = Some(now_ms);
    }

    pub fn succeeded(&mut self) {
        *self = PinGuard::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_new_pin_is_six_to_twelve_digits_and_not_the_first_one_tried() {
        assert_eq!(check_new_pin(" 480913 "), Ok("480913".into()));
        assert_eq!(check_new_pin(""), Err(PinProblem::Empty));
        assert_eq!(check_new_pin("48 09 13"), Err(PinProblem::NotDigits));
        assert_eq!(check_new_pin("4809"), Err(PinProblem::TooShort));
        assert_eq!(check_new_pin(&"4".repeat(13)), Err(PinProblem::TooLong));
        for easy in [
            "000000",
            "123456",
            "987654",
            "121212",
            "909090",
            "0123456789",
        ] {
            assert_eq!(check_new_pin(easy), Err(PinProblem::TooEasy), "{easy}");
        }
        assert_eq!(check_new_pin("135790"), Ok("135790".into()));
    }

    #[test]
    fn the_waits_grow_after_three_wrong_tries_and_stop_at_fifteen_minutes() {
        let waits: Vec<u64> = (0..10).map(PinGuard::wait_after).collect();
        assert_eq!(
            waits,
            [
                0, 0, 0, 30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000
            ]
        );
        assert_eq!(PinGuard::wait_after(u32::MAX), 900_000);
    }

    #[test]
    fn a_guard_says_when_the_next_try_may_happen() {
        let mut guard = PinGuard::default();
        assert_eq!(guard.wait_ms(0), 0);
        for t in [1_000, 2_000, 3_000] {
            guard.failed(t);
        }
        assert_eq!(guard.wait_ms(3_000), 30_000);
        assert_eq!(guard.next_try_at(13_000), 33_000);
        assert_eq!(guard.wait_ms(33_000), 0);
        assert_eq!(
            guard.wait_ms(0),
            30_000,
            "a clock set back waits no longer than the wait"
        );
        guard.succeeded();
        assert_eq!(guard, PinGuard::default());
        let json = serde_json::to_string(&guard).unwrap();
        assert_eq!(serde_json::from_str::<PinGuard>(&json).unwrap(), guard);
    }

    #[test]
    fn a_record_matches_its_own_hash_only() {
        let record = PinRecord {
            salt: "00".repeat(16),
            iterations: PIN_ITERATIONS,
            hash: "ab".repeat(32),
        };
        assert!(record.matches(&"AB".repeat(32)));
        assert!(!record.matches(&"ab".repeat(31)));
        assert!(!record.matches(&format!("{}ac", "ab".repeat(31))));
        assert!(
            !PinRecord {
                hash: String::new(),
                ..record
            }
            .matches("")
        );
    }

    proptest! {
        #[test]
        fn waits_never_shrink_as_failures_grow(failures in 0u32..1_000) {
            prop_assert!(PinGuard::wait_after(failures + 1) >= PinGuard::wait_after(failures));
        }
    }

    /// The sum of the waits over a million wrong tries.
    #[test]
    fn trying_every_six_digit_pin_takes_months() {
        let total_ms: u64 = (0..1_000_000u32).map(PinGuard::wait_after).sum();
        let days = total_ms / (24 * 3600 * 1000);
        assert!(days > 300, "{days} days");
    }
}
