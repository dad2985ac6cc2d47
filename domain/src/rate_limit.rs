//! Token buckets: how often a device may sync, or anyone may try an enrollment code or a password,
//! before the server answers "too many requests, retry in N seconds". Time comes in as an argument.

/// A bucket holding up to `capacity` tokens, refilled continuously at `per_second`. Each request
/// takes one; an empty bucket refuses and says when the next token arrives.
#[derive(Debug, Clone, PartialEq)]
pub struct TokenBucket {
    capacity: f64,
    per_second: f64,
    tokens: f64,
    updated_ms: u64,
}

impl TokenBucket {
    /// A full bucket at `now_ms`. `per_second` must be above zero.
    pub fn new(capacity: u32, per_second: f64, now_ms: u64) -> TokenBucket {
        TokenBucket {
            capacity: f64::from(capacity.max(1)),
            per_second: per_second.max(f64::MIN_POSITIVE),
            tokens: f64::from(capacity.max(1)),
            updated_ms: now_ms,
        }
    }

    /// Takes a token, or says after how many milliseconds one will be there. A clock that went
    /// back (`now_ms` before the last call) refills nothing rather than panicking.
    pub fn try_take(&mut self, now_ms: u64) -> Result<(), u64> {
        let elapsed_s = now_ms.saturating_sub(self.updated_ms) as f64 / 1000.0;
        self.tokens = (self.tokens + elapsed_s * self.per_second).min(self.capacity);
        self.updated_ms = self.updated_ms.max(now_ms);
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            Ok(())
        } else {
            let missing = 1.0 - self.tokens;
            Err(((missing / self.per_second) * 1000.0).ceil() as u64)
        }
    }

    /// Full again: the bucket can be forgotten without changing any answer.
    pub fn is_full(&self, now_ms: u64) -> bool {
        let elapsed_s = now_ms.saturating_sub(self.updated_ms) as f64 / 1000.0;
        self.tokens + elapsed_s * self.per_second >= self.capacity
    }
}

/// Seconds for a `Retry-After` header: at least 1, rounded up.
pub fn retry_after_seconds(wait_ms: u64) -> u64 {
    wait_ms.div_ceil(1000).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_burst_up_to_the_capacity_passes_then_waits_for_the_refill() {
        let mut bucket = TokenBucket::new(3, 1.0, 0);
        assert_eq!(bucket.try_take(0), Ok(()));
        assert_eq!(bucket.try_take(0), Ok(()));
        assert_eq!(bucket.try_take(0), Ok(()));
        assert_eq!(bucket.try_take(0), Err(1000));
        assert_eq!(bucket.try_take(400), Err(600));
        assert_eq!(bucket.try_take(1000), Ok(()));
        assert!(!bucket.is_full(1000));
        assert!(bucket.is_full(4000));
    }

    #[test]
    fn a_clock_going_back_refills_nothing() {
        let mut bucket = TokenBucket::new(1, 1.0, 10_000);
        assert_eq!(bucket.try_take(10_000), Ok(()));
        assert!(bucket.try_take(5_000).is_err());
        assert!(bucket.try_take(10_500).is_err());
        assert_eq!(bucket.try_take(11_000), Ok(()));
    }

    #[test]
    fn retry_after_is_whole_seconds_and_never_zero() {
        assert_eq!(retry_after_seconds(0), 1);
        assert_eq!(retry_after_seconds(1), 1);
        assert_eq!(retry_after_seconds(1000), 1);
        assert_eq!(retry_after_seconds(1001), 2);
    }

    proptest! {
        #[test]
        fn never_more_than_capacity_plus_refill_pass(
            capacity in 1u32..50,
            per_second in 0.1f64..20.0,
            steps in proptest::collection::vec(0u64..500, 1..200),
        ) {
            let mut bucket = TokenBucket::new(capacity, per_second, 0);
            let mut now = 0;
            let mut passed = 0u64;
            for step in steps {
                now += step;
                if bucket.try_take(now).is_ok() {
                    passed += 1;
                }
            }
            let allowed = f64::from(capacity) + per_second * now as f64 / 1000.0;
            prop_assert!(passed as f64 <= allowed + 1e-9);
        }
    }
}
