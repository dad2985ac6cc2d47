//! The server's time as a correction of the device's wall clock: a tablet whose date was set days
//! ahead (or reset to 2000 by a flat battery) stamps its events with the server's time instead,
//! from the first answer it gets.
//!
//! The device reads the HTTP `Date` header of each sync answer (RFC 9110: every server answer
//! carries one, whole seconds, UTC) and the times it sent the request and got the answer. The
//! offset is then added to its own clock when it stamps events ([`corrected_now`]); the server's
//! wire format does not change.

use super::{HlcClock, MAX_DRIFT_MS, MAX_WALL_MS};

/// A clock this close to the server's is left alone: `Date` has whole seconds and the network
/// adds its delay, so a smaller correction would be noise, and the device's own clock (usually
/// kept by NTP) is finer.
pub const CLOCK_TOLERANCE_MS: u64 = 10_000;

/// An answer that took longer than this says too little about when the server read its clock.
pub const MAX_ROUND_TRIP_MS: u64 = 30_000;

/// A server date before 2025-01-01 is not believed: a server (or a proxy) with a broken clock
/// must not drag every device back to 1970.
pub const EARLIEST_SERVER_MS: u64 = 1_735_689_600_000;

/// One answer's timing, as the device saw it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServerTime {
    /// The answer's `Date` header, in ms since 1970 (a multiple of 1,000).
    pub server_ms: u64,
    /// The device's wall clock when it sent the request, and when the answer arrived.
    pub sent_ms: u64,
    pub received_ms: u64,
}

/// The offset to add to the device's wall clock, in ms (negative when the device is ahead);
/// `Some(0)` when the device is within [`CLOCK_TOLERANCE_MS`] of the server; `None` when this
/// answer says nothing reliable (absurd date, a clock that jumped during the request, a round
/// trip longer than [`MAX_ROUND_TRIP_MS`]): keep the offset learned before.
pub fn clock_offset(seen: &ServerTime) -> Option<i64> {
    if seen.server_ms < EARLIEST_SERVER_MS || seen.server_ms > MAX_WALL_MS {
        return None;
    }
    let round_trip = seen.received_ms.checked_sub(seen.sent_ms)?;
    if round_trip > MAX_ROUND_TRIP_MS {
        return None;
    }
    // The server read its clock somewhere during the round trip, and `Date` drops the
    // milliseconds: the middle of both is the best guess.
    let device_then = seen.sent_ms + round_trip / 2;
    let server_then = seen.server_ms + 500;
    let offset = server_then as i128 - device_then as i128;
    if offset.unsigned_abs() <= u128::from(CLOCK_TOLERANCE_MS + round_trip / 2) {
        return Some(0);
    }
    i64::try_from(offset).ok()
}

/// The time to stamp events with: the device's wall clock moved by the learned offset, held
/// within what an HLC carries.
pub fn corrected_now(device_ms: u64, offset_ms: i64) -> u64 {
    let corrected = i128::from(device_ms) + i128::from(offset_ms);
    corrected.clamp(0, i128::from(MAX_WALL_MS)) as u64
}

impl HlcClock {
    /// Brings a clock that ran into the future back to the server's time `server_now_ms`, when
    /// it is more than [`MAX_DRIFT_MS`] ahead; returns whether it did.
    ///
    /// An HLC never goes back on its own, so a tablet that stamped events three days ahead would
    /// go on stamping three days ahead until real time caught up. Those stamps are ones the server
    /// refuses (`clock_too_far_ahead`), so no other device holds them and no shared order depends
    /// on them: forgetting them is safe. A clock less than a day ahead is kept as it is: its
    /// stamps were accepted, and the team's order must never see this device go backwards.
    pub fn leave_the_future(&mut self, server_now_ms: u64) -> bool {
        if self.last_wall_ms <= server_now_ms.saturating_add(MAX_DRIFT_MS) {
            return false;
        }
        self.last_wall_ms = server_now_ms.min(MAX_WALL_MS);
        self.last_counter = 0;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::DeviceId;

    /// 2026-11-26 01:00:00 UTC, a whole second as `Date` gives it.
    const SERVER: u64 = 1_795_654_800_000;
    const DAY: u64 = 24 * 60 * 60 * 1000;

    fn seen(server_ms: u64, sent_ms: u64, round_trip: u64) -> ServerTime {
        ServerTime {
            server_ms,
            sent_ms,
            received_ms: sent_ms + round_trip,
        }
    }

    #[test]
    fn a_tablet_days_ahead_learns_to_stamp_with_the_servers_time() {
        let device_now = SERVER + 3 * DAY;
        let offset = clock_offset(&seen(SERVER, device_now - 100, 200)).unwrap();
        assert_eq!(offset, -(3 * DAY as i64) + 500);
        let stamped = corrected_now(device_now + 60_000, offset);
        assert_eq!(stamped, SERVER + 60_500);
    }

    #[test]
    fn a_tablet_behind_is_moved_forward() {
        // Reset to 2000 by a flat battery.
        let device_now = 946_684_800_000;
        let offset = clock_offset(&seen(SERVER, device_now, 1_000)).unwrap();
        assert!(offset > 0);
        assert_eq!(corrected_now(device_now + 500, offset), SERVER + 500);
    }

    #[test]
    fn a_clock_within_the_tolerance_is_left_alone() {
        assert_eq!(clock_offset(&seen(SERVER, SERVER, 40)), Some(0));
        assert_eq!(clock_offset(&seen(SERVER, SERVER + 9_000, 40)), Some(0));
        assert_eq!(clock_offset(&seen(SERVER, SERVER - 9_000, 40)), Some(0));
        assert_eq!(corrected_now(SERVER, 0), SERVER);
        assert_ne!(clock_offset(&seen(SERVER, SERVER + 20_000, 40)), Some(0));
    }

    #[test]
    fn absurd_answers_teach_nothing() {
        // A server (or proxy) in 1970, or beyond what an HLC can carry.
        assert_eq!(clock_offset(&seen(0, SERVER, 40)), None);
        assert_eq!(
            clock_offset(&seen(EARLIEST_SERVER_MS - 1_000, SERVER, 40)),
            None
        );
        assert_eq!(clock_offset(&seen(u64::MAX, SERVER, 40)), None);
        // The device's clock jumped back during the request.
        let jumped = ServerTime {
            server_ms: SERVER,
            sent_ms: SERVER + 5_000,
            received_ms: SERVER,
        };
        assert_eq!(clock_offset(&jumped), None);
        // An answer that took a minute.
        assert_eq!(clock_offset(&seen(SERVER, SERVER + DAY, 60_000)), None);
        // Offsets never push a stamp outside what an HLC carries.
        assert_eq!(corrected_now(5, -1_000), 0);
        assert_eq!(corrected_now(MAX_WALL_MS, i64::MAX), MAX_WALL_MS);
    }

    #[test]
    fn a_clock_that_ran_days_ahead_comes_back_and_one_a_few_hours_ahead_does_not() {
        let device = DeviceId::from_random([4; 16]);
        let mut clock = HlcClock::new(device.clone());
        clock.tick(SERVER + 3 * DAY);
        assert!(clock.leave_the_future(SERVER));
        let next = clock.tick(SERVER + 1_000);
        assert_eq!(next.wall_ms, SERVER + 1_000);

        let mut slightly = HlcClock::new(device);
        let ahead = slightly.tick(SERVER + 5 * 60 * 60 * 1000);
        assert!(!slightly.leave_the_future(SERVER));
        let next = slightly.tick(SERVER + 1_000);
        assert!(
            next > ahead,
            "a shared order never sees this device go back"
        );
    }
}
