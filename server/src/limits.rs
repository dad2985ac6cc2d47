//! The server's rate limits, one token bucket per key (a device id, an IP address, an email),
//! kept in memory: a restart forgets them, which only ever lets a few more requests through.

use domain::rate_limit::{TokenBucket, retry_after_seconds};
use std::collections::HashMap;
use std::sync::Mutex;

/// Buckets of one kind of request, all with the same capacity and refill.
pub struct RateLimiter {
    capacity: u32,
    per_second: f64,
    buckets: Mutex<HashMap<String, TokenBucket>>,
}

/// Past this many keys, full buckets are forgotten so memory stays bounded.
const SWEEP_ABOVE: usize = 10_000;

impl RateLimiter {
    pub fn new(capacity: u32, per_second: f64) -> RateLimiter {
        RateLimiter {
            capacity,
            per_second,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// `Ok` when `key` may go on; else the seconds to put in `Retry-After`.
    pub fn check(&self, key: &str, now_ms: u64) -> Result<(), u64> {
        let mut buckets = self
            .buckets
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if buckets.len() > SWEEP_ABOVE {
            buckets.retain(|_, bucket| !bucket.is_full(now_ms));
        }
        buckets
            .entry(key.to_owned())
            .or_insert_with(|| TokenBucket::new(self.capacity, self.per_second, now_ms))
            .try_take(now_ms)
            .map_err(retry_after_seconds)
    }
}

/// Every limit the server applies.
pub struct Limits {
    /// Sync requests per device: a burst of 60 (a device with 30,000 events pushes 60 batches),
    /// then 10 per second; a healthy device never meets it.
    pub device_sync: RateLimiter,
    /// Enrollment attempts, all devices together: codes are 40 bits and valid 15 minutes, and this
    /// keeps guessing hopeless while a training session enrolling 30 tablets at once goes through.
    pub enrollment: RateLimiter,
    /// Sign-in attempts per email (as typed, lower-cased): 5, then one every 20 s. Guessing a
    /// 12-character password at 4,300 tries a day is hopeless; a coordinator who mistypes five
    /// times waits 20 seconds.
    pub sign_in: RateLimiter,
    /// Sign-in attempts, all emails together: 20, then 2 per second. Each attempt costs a 19 MiB
    /// password hash, so this bounds the memory and CPU that spraying many emails can take; a
    /// whole team signing in at 9 o'clock stays far below it.
    pub sign_in_all: RateLimiter,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            device_sync: RateLimiter::new(60, 10.0),
            enrollment: RateLimiter::new(60, 1.0),
            sign_in: RateLimiter::new(5, 1.0 / 20.0),
            sign_in_all: RateLimiter::new(20, 2.0),
        }
    }
}
