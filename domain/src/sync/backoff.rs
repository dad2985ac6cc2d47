//! How long the device waits before trying again after a failed sync.

/// The first wait's upper bound: 2 s. Long enough not to hammer a server that has just restarted,
/// short enough that a blip (a lift, a stairwell) is forgotten before the volunteer notices.
pub const BACKOFF_BASE_MS: u64 = 2_000;

/// The longest wait: 5 min. Weeks offline would otherwise push the next try out by hours; the
/// `online` event, the tab becoming visible and the "Synchroniser" button all try at once anyway.
pub const BACKOFF_CAP_MS: u64 = 5 * 60 * 1_000;

/// Exponential backoff with full jitter: after `attempt` failures in a row, wait a uniformly random
/// time between 0 and `min(BACKOFF_CAP_MS, BACKOFF_BASE_MS × 2^attempt)`.
///
/// The jitter is "full" (the whole range, not a few percent around the bound) so that the 200
/// tablets of a team that all lost the network in the same basement do not all come back in the
/// same second. Kept only in memory: a restart syncs at once and starts again from 2 s.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Backoff {
    /// Failed attempts in a row since the last success.
    pub attempt: u32,
}

impl Backoff {
    pub fn new() -> Backoff {
        Backoff { attempt: 0 }
    }

    /// The upper bound of the next wait.
    pub fn ceiling_ms(&self) -> u64 {
        // 2 s × 2^8 already passes the cap; the check also keeps the shift from overflowing.
        if self.attempt >= 8 {
            BACKOFF_CAP_MS
        } else {
            (BACKOFF_BASE_MS << self.attempt).min(BACKOFF_CAP_MS)
        }
    }

    /// The next wait, from `random`, a uniform number in `0..1` from the shell's RNG (values
    /// outside are clamped, NaN counts as 0).
    pub fn next_delay_ms(&self, random: f64) -> u64 {
        let random = if random.is_nan() {
            0.0
        } else {
            random.clamp(0.0, 1.0)
        };
        let ceiling = self.ceiling_ms();
        ((ceiling as f64 * random) as u64).min(ceiling)
    }

    /// A sync failed (network error, 5xx, refused request): the next wait may be longer.
    pub fn failed(&mut self) {
        self.attempt = self.attempt.saturating_add(1);
    }

    /// A sync succeeded: the next failure starts again from the shortest wait.
    pub fn succeeded(&mut self) {
        self.attempt = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn waits_double_from_two_seconds_up_to_five_minutes() {
        let mut backoff = Backoff::new();
        let mut ceilings = vec![];
        for _ in 0..10 {
            ceilings.push(backoff.ceiling_ms() / 1_000);
            backoff.failed();
        }
        assert_eq!(ceilings, [2, 4, 8, 16, 32, 64, 128, 256, 300, 300]);
        assert_eq!(backoff.next_delay_ms(1.0), BACKOFF_CAP_MS);
        assert_eq!(backoff.next_delay_ms(0.0), 0);
        assert_eq!(backoff.next_delay_ms(0.5), BACKOFF_CAP_MS / 2);
        backoff.succeeded();
        assert_eq!(backoff, Backoff::new());
        assert_eq!(backoff.ceiling_ms(), BACKOFF_BASE_MS);
    }

    #[test]
    fn odd_random_values_stay_in_bounds() {
        let backoff = Backoff { attempt: 3 };
        assert_eq!(backoff.next_delay_ms(f64::NAN), 0);
        assert_eq!(backoff.next_delay_ms(-1.0), 0);
        assert_eq!(backoff.next_delay_ms(f64::INFINITY), 16_000);
        assert_eq!(Backoff { attempt: u32::MAX }.ceiling_ms(), BACKOFF_CAP_MS);
    }

    proptest! {
        #[test]
        fn every_wait_is_within_its_bounds(attempt in any::<u32>(), random in 0.0f64..1.0) {
            let backoff = Backoff { attempt };
            let delay = backoff.next_delay_ms(random);
            prop_assert!(delay <= backoff.ceiling_ms());
            prop_assert!(backoff.ceiling_ms() <= BACKOFF_CAP_MS);
            prop_assert!(backoff.ceiling_ms() >= BACKOFF_BASE_MS);
            let mut next = backoff;
            next.failed();
            prop_assert!(next.ceiling_ms() >= backoff.ceiling_ms());
        }
    }
}
