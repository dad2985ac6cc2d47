//! The device's wall clock corrected by the server's, for stamping events: learned from the
//! `Date` header of every sync answer (the rule is `domain::clock::server_time`), kept in
//! localStorage so that every tab of the app stamps with the same correction, even offline.

use crate::store::now_ms;
use domain::clock::{ServerTime, clock_offset, corrected_now};

/// The offset in ms, as a decimal string. localStorage rather than IndexedDB: it is read on every
/// event recorded, synchronously, and losing it only means learning it again at the next sync.
const OFFSET_KEY: &str = "palier.clock_offset_ms";

use crate::browser::preferences::local_storage as storage;

/// What to add to the device's clock, 0 until a server answer said otherwise.
pub fn offset_ms() -> i64 {
    storage()
        .and_then(|s| s.get_item(OFFSET_KEY).ok().flatten())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// The time to stamp events with: the device's clock, corrected by the server's.
pub fn stamping_now_ms() -> u64 {
    corrected_now(now_ms(), offset_ms())
}

/// Learns from one answer's timing; returns the new offset, or `None` when this answer says
/// nothing reliable (the offset learned before stays).
pub fn learn(seen: ServerTime) -> Option<i64> {
    let offset = clock_offset(&seen)?;
    if let Some(storage) = storage() {
        let _ = storage.set_item(OFFSET_KEY, &offset.to_string());
    }
    Some(offset)
}
