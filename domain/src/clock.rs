//! The hybrid logical clock (HLC): the timestamp every event carries, and the rule that orders
//! writes across devices whose wall clocks disagree.
//!
//! An `Hlc` is (wall time in ms, counter, device). The wall part stays close to real time, so people
//! can read it; the counter keeps a device's own timestamps strictly increasing when its clock
//! stalls or goes backwards (a tablet whose battery died, a kiosk resynced by NTP); the device id
//! breaks the remaining ties, so two devices can never produce equal timestamps and every replica
//! picks the same last writer.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::ids::DeviceId;

mod server_time;
pub use server_time::{
    CLOCK_TOLERANCE_MS, EARLIEST_SERVER_MS, MAX_ROUND_TRIP_MS, ServerTime, clock_offset,
    corrected_now,
};

/// How far ahead of our own clock a remote timestamp may be before we refuse it: 24 hours.
///
/// An HLC adopts the largest wall time it has seen. Without a bound, one tablet whose date was
/// set to next year would drag every device it syncs with into next year, and from then on writes
/// made at the right time would lose every last-writer-wins race against it. A day is generous
/// enough for a tablet left in the wrong time zone (at most 14 h off) or a slow drift over weeks
/// offline, and small enough that such a device gets noticed instead of silently winning.
pub const MAX_DRIFT_MS: u64 = 24 * 60 * 60 * 1000;

/// The largest wall time an `Hlc` carries (15 decimal digits, around the year 33658). The string
/// form pads the wall time to 15 digits so that strings sort like timestamps; clocks clamp to this.
pub const MAX_WALL_MS: u64 = 999_999_999_999_999;

/// One timestamp. The derived order compares wall time, then counter, then device: the device
/// comparison is the documented tie-break rule for last-writer-wins.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Hlc {
    pub wall_ms: u64,
    pub counter: u32,
    pub device: DeviceId,
}

/// Why a string is not an `Hlc`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{input:?} is not a clock timestamp (15 digits, '-', 8 hex digits, '-', a device id)")]
pub struct HlcParseError {
    pub input: String,
}

impl Hlc {
    /// Reads the form written by `Display`: `{wall_ms:015}-{counter:08x}-{device}`. Only that exact
    /// form is accepted, because another spelling of the same value would sort differently.
    pub fn parse(input: &str) -> Result<Hlc, HlcParseError> {
        let bad = || HlcParseError {
            input: input.to_owned(),
        };
        let (wall, rest) = input.split_once('-').ok_or_else(bad)?;
        let (counter, device) = rest.split_once('-').ok_or_else(bad)?;
        let is_lower_hex = |c: char| c.is_ascii_digit() || ('a'..='f').contains(&c);
        if wall.len() != 15 || !wall.chars().all(|c| c.is_ascii_digit()) {
            return Err(bad());
        }
        if counter.len() != 8 || !counter.chars().all(is_lower_hex) {
            return Err(bad());
        }
        Ok(Hlc {
            wall_ms: wall.parse().map_err(|_| bad())?,
            counter: u32::from_str_radix(counter, 16).map_err(|_| bad())?,
            device: DeviceId::parse(device).map_err(|_| bad())?,
        })
    }
}

impl fmt::Display for Hlc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:015}-{:08x}-{}",
            self.wall_ms, self.counter, self.device
        )
    }
}

impl TryFrom<String> for Hlc {
    type Error = HlcParseError;
    fn try_from(value: String) -> Result<Self, HlcParseError> {
        Hlc::parse(&value)
    }
}

impl From<Hlc> for String {
    fn from(hlc: Hlc) -> String {
        hlc.to_string()
    }
}

/// Why a remote timestamp was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClockError {
    #[error(
        "a timestamp from device {device} is {ahead_ms} ms ahead of this device's clock \
         (at most {MAX_DRIFT_MS} ms is accepted); one of the two clocks is wrong"
    )]
    TooFarAhead { device: DeviceId, ahead_ms: u64 },
}

/// A device's clock state, persisted in IndexedDB's `meta` store so that timestamps keep
/// increasing across restarts even if the wall clock went backwards in between.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HlcClock {
    /// The wall part of the last timestamp issued or observed.
    pub last_wall_ms: u64,
    /// The counter of that timestamp.
    pub last_counter: u32,
    pub device: DeviceId,
}

impl HlcClock {
    pub fn new(device: DeviceId) -> HlcClock {
        HlcClock {
            last_wall_ms: 0,
            last_counter: 0,
            device,
        }
    }

    /// A timestamp for a local event (the HLC send rule). Strictly greater than anything this clock
    /// issued or observed before, even when `now_ms` went backwards.
    pub fn tick(&mut self, now_ms: u64) -> Hlc {
        let now = now_ms.min(MAX_WALL_MS);
        if now > self.last_wall_ms {
            self.set(now, 0)
        } else {
            self.bump(self.last_wall_ms, self.last_counter)
        }
    }

    /// Takes in a timestamp received from another device (the HLC receive rule) and returns a local
    /// timestamp greater than both it and anything issued before. A remote time more than
    /// [`MAX_DRIFT_MS`] ahead of `now_ms` is refused and leaves the clock unchanged.
    pub fn observe(&mut self, remote: &Hlc, now_ms: u64) -> Result<Hlc, ClockError> {
        if remote.wall_ms > now_ms.saturating_add(MAX_DRIFT_MS) {
            return Err(ClockError::TooFarAhead {
                device: remote.device.clone(),
                ahead_ms: remote.wall_ms - now_ms,
            });
        }
        let now = now_ms.min(MAX_WALL_MS);
        let wall = now.max(self.last_wall_ms).max(remote.wall_ms);
        let local = (wall == self.last_wall_ms).then_some(self.last_counter);
        let seen = (wall == remote.wall_ms).then_some(remote.counter);
        Ok(match local.max(seen) {
            Some(counter) => self.bump(wall, counter),
            None => self.set(wall, 0),
        })
    }

    /// The next counter after `counter` at `wall_ms`. When the counter is exhausted (4 billion
    /// events in one millisecond, so only after a corrupt or hostile timestamp), the wall part moves
    /// one millisecond forward instead: a tiny lie about the time beats a repeated timestamp.
    fn bump(&mut self, wall_ms: u64, counter: u32) -> Hlc {
        match counter.checked_add(1) {
            Some(next) => self.set(wall_ms, next),
            None => self.set(wall_ms.saturating_add(1), 0),
        }
    }

    fn set(&mut self, wall_ms: u64, counter: u32) -> Hlc {
        self.last_wall_ms = wall_ms;
        self.last_counter = counter;
        Hlc {
            wall_ms,
            counter,
            device: self.device.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn device(n: u8) -> DeviceId {
        DeviceId::from_random([n; 16])
    }

    fn hlc(wall_ms: u64, counter: u32, n: u8) -> Hlc {
        Hlc {
            wall_ms,
            counter,
            device: device(n),
        }
    }

    #[test]
    fn string_form_is_fixed_width_and_round_trips() {
        let t = hlc(1_700_000_000_000, 255, 1);
        let s = t.to_string();
        assert_eq!(s, format!("001700000000000-000000ff-{}", device(1)));
        assert_eq!(Hlc::parse(&s), Ok(t.clone()));
        assert_eq!(serde_json::to_string(&t).unwrap(), format!("\"{s}\""));
    }

    #[test]
    fn parse_refuses_other_spellings() {
        let d = device(0xab);
        for bad in [
            format!("1700000000000-000000ff-{d}"),
            format!("001700000000000-000000FF-{d}"),
            format!("001700000000000-ff-{d}"),
            format!("001700000000000-000000ff-{}", d.as_str().to_uppercase()),
            "001700000000000-000000ff".to_owned(),
            String::new(),
        ] {
            assert!(Hlc::parse(&bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn equal_time_and_counter_are_ordered_by_device() {
        assert!(hlc(5, 0, 1) < hlc(5, 0, 2));
        assert!(hlc(5, 1, 1) > hlc(5, 0, 2));
    }

    #[test]
    fn a_clock_going_backwards_still_moves_forward() {
        let mut clock = HlcClock::new(device(1));
        assert_eq!(clock.tick(1000), hlc(1000, 0, 1));
        assert_eq!(clock.tick(400), hlc(1000, 1, 1));
        assert_eq!(clock.tick(1000), hlc(1000, 2, 1));
        assert_eq!(clock.tick(1001), hlc(1001, 0, 1));
    }

    #[test]
    fn observing_a_later_device_moves_past_it() {
        let mut clock = HlcClock::new(device(1));
        clock.tick(1000);
        assert_eq!(clock.observe(&hlc(2000, 7, 2), 1500), Ok(hlc(2000, 8, 1)));
        assert_eq!(clock.tick(1600), hlc(2000, 9, 1));
    }

    #[test]
    fn a_remote_clock_a_year_ahead_is_refused_and_changes_nothing() {
        let mut clock = HlcClock::new(device(1));
        clock.tick(1000);
        let before = clock.clone();
        let remote = hlc(1000 + MAX_DRIFT_MS + 1, 0, 2);
        assert_eq!(
            clock.observe(&remote, 1000),
            Err(ClockError::TooFarAhead {
                device: device(2),
                ahead_ms: MAX_DRIFT_MS + 1
            })
        );
        assert_eq!(clock, before);
        assert!(clock.observe(&hlc(1000 + MAX_DRIFT_MS, 0, 2), 1000).is_ok());
    }

    #[test]
    fn an_exhausted_counter_moves_the_wall_time_one_millisecond() {
        let mut clock = HlcClock::new(device(1));
        let seen = clock.observe(&hlc(1000, u32::MAX, 2), 1000);
        assert_eq!(seen, Ok(hlc(1001, 0, 1)));
        assert_eq!(clock.tick(1000), hlc(1001, 1, 1));
    }

    #[derive(Debug, Clone)]
    enum Step {
        Tick { now_ms: u64 },
        Observe { remote: Hlc, now_ms: u64 },
    }

    fn any_hlc() -> impl Strategy<Value = Hlc> {
        (0..=MAX_WALL_MS, any::<u32>(), any::<[u8; 16]>()).prop_map(|(wall_ms, counter, bytes)| {
            Hlc {
                wall_ms,
                counter,
                device: DeviceId::from_random(bytes),
            }
        })
    }

    fn any_step() -> impl Strategy<Value = Step> {
        // Times in a narrow window so that ticks, skewed clocks and remotes collide often.
        let now = 1_000_000u64..1_000_200;
        prop_oneof![
            now.clone().prop_map(|now_ms| Step::Tick { now_ms }),
            (now, 999_900u64..1_000_300, 0u32..4, 0u8..4).prop_map(|(now_ms, w, c, d)| {
                Step::Observe {
                    remote: hlc(w, c, d),
                    now_ms,
                }
            }),
        ]
    }

    proptest! {
        #[test]
        fn every_timestamp_is_greater_than_the_previous_one(
            steps in prop::collection::vec(any_step(), 1..200),
        ) {
            let mut clock = HlcClock::new(device(1));
            let mut previous: Option<Hlc> = None;
            for step in steps {
                let next = match step {
                    Step::Tick { now_ms } => clock.tick(now_ms),
                    Step::Observe { remote, now_ms } => {
                        let next = clock.observe(&remote, now_ms).unwrap();
                        prop_assert!(next > remote);
                        next
                    }
                };
                if let Some(previous) = &previous {
                    prop_assert!(next > *previous, "{next} after {previous}");
                }
                previous = Some(next);
            }
        }

        #[test]
        fn string_form_sorts_like_timestamps(a in any_hlc(), b in any_hlc()) {
            prop_assert_eq!(a.to_string().cmp(&b.to_string()), a.cmp(&b));
        }

        #[test]
        fn string_form_parses_back(t in any_hlc()) {
            prop_assert_eq!(Hlc::parse(&t.to_string()), Ok(t));
        }

        #[test]
        fn the_clock_state_survives_a_save_and_reload(
            wall in 0..=MAX_WALL_MS, counter in any::<u32>(), now in 0..=MAX_WALL_MS,
        ) {
            let mut clock =
                HlcClock { last_wall_ms: wall, last_counter: counter, device: device(3) };
            let saved = serde_json::to_string(&clock).unwrap();
            let mut reloaded: HlcClock = serde_json::from_str(&saved).unwrap();
            prop_assert_eq!(reloaded.tick(now), clock.tick(now));
        }
    }
}
