//! Identifiers: which device wrote something (`DeviceId`), which event it is (`EventId`, a UUIDv7),
//! and which campaign it belongs to (`CampaignId`).
//!
//! Randomness and time come in as arguments, so this module never touches an RNG or a clock.
//! Every identifier is validated where it enters: `parse`, and serde through `try_from`, so a
//! malformed id in a pushed batch or a stored record fails loudly instead of spreading.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Why a string was refused as an identifier.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    #[error(
        "{input:?} is not a UUID in canonical form (32 lowercase hex digits grouped 8-4-4-4-12)"
    )]
    NotAUuid { input: String },
    #[error("{input:?} is a UUID but not a version 7 one, so it cannot be an event id")]
    NotAnEventId { input: String },
    #[error("a campaign id cannot be empty")]
    CampaignEmpty,
    #[error("a campaign id has at most {max} characters; this one has {len}")]
    CampaignTooLong { len: usize, max: usize },
    #[error("a campaign id uses only a-z, 0-9 and '-'; {input:?} contains {found:?}")]
    CampaignBadCharacter { input: String, found: char },
}

/// What the three ids share: shown and stored as their string, and parsed (validated) on the way in.
macro_rules! string_id {
    ($name:ident) => {
        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl TryFrom<String> for $name {
            type Error = IdError;
            fn try_from(value: String) -> Result<Self, IdError> {
                $name::parse(&value)
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }
    };
}

/// Positions of the hyphens in the canonical 36-character form.
const HYPHENS: [usize; 4] = [8, 13, 18, 23];

fn format_uuid(bytes: [u8; 16]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(36);
    for (i, byte) in bytes.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            out.push('-');
        }
        out.push(HEX[usize::from(byte >> 4)] as char);
        out.push(HEX[usize::from(byte & 0x0f)] as char);
    }
    out
}

/// Reads the canonical lowercase form only: ids are compared and sorted as strings, so an
/// uppercase or brace-wrapped spelling of the same UUID would be a different key.
fn parse_uuid(input: &str) -> Result<[u8; 16], IdError> {
    let bad = || IdError::NotAUuid {
        input: input.to_owned(),
    };
    let raw = input.as_bytes();
    if raw.len() != 36 {
        return Err(bad());
    }
    let mut digits = Vec::with_capacity(32);
    for (i, &c) in raw.iter().enumerate() {
        if HYPHENS.contains(&i) {
            if c != b'-' {
                return Err(bad());
            }
            continue;
        }
        match c {
            b'0'..=b'9' => digits.push(c - b'0'),
            b'a'..=b'f' => digits.push(c - b'a' + 10),
            _ => return Err(bad()),
        }
    }
    let mut bytes = [0u8; 16];
    for (byte, pair) in bytes.iter_mut().zip(digits.chunks_exact(2)) {
        *byte = (pair[0] << 4) | pair[1];
    }
    Ok(bytes)
}

/// One installed copy of the app (a volunteer's tablet, a lobby kiosk). Chosen once at random on
/// first start and kept in IndexedDB; it breaks HLC ties, so it must never change for a device.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DeviceId(String);

impl DeviceId {
    /// A UUIDv4-shaped id from 16 random bytes (the caller owns the RNG).
    pub fn from_random(mut bytes: [u8; 16]) -> DeviceId {
        bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
        bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
        DeviceId(format_uuid(bytes))
    }

    /// A UUIDv8-shaped id derived from a name's hash: the same name always gives the same id
    /// (a writer that is not a device, such as a campaign's settings on the server).
    pub fn derived(mut bytes: [u8; 16]) -> DeviceId {
        bytes[6] = (bytes[6] & 0x0f) | 0x80; // version 8
        bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
        DeviceId(format_uuid(bytes))
    }

    /// Any canonical lowercase UUID is accepted, whatever its version: the id only has to be
    /// unique and fixed-width (the HLC string form relies on the width).
    pub fn parse(input: &str) -> Result<DeviceId, IdError> {
        parse_uuid(input).map(|_| DeviceId(input.to_owned()))
    }
}

string_id!(DeviceId);

/// The largest millisecond count a UUIDv7 can hold (48 bits, around the year 10889).
pub const MAX_EVENT_ID_MS: u64 = (1 << 48) - 1;

/// The counter of [`EventId::ascending_randomness`] starts below 2^55 and so stays within its seven
/// bytes (2^56) for any count a `usize` holds on 32 bits, and for 2^55 ids on 64.
const COUNTER_START_MASK: u64 = (1 << 55) - 1;

/// The unique id of one event. A UUIDv7: it starts with the creation time, so ids written by one
/// device sort roughly by time and make compact keys in IndexedDB and the server's index. The
/// string form is fixed-width lowercase hex, so string order is the same as time order.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct EventId(String);

impl EventId {
    /// Times past [`MAX_EVENT_ID_MS`] are saturated rather than wrapped, so a wildly wrong clock
    /// never makes a later id sort before an earlier one.
    pub fn new_v7(unix_ms: u64, random: [u8; 10]) -> EventId {
        let ms = unix_ms.min(MAX_EVENT_ID_MS).to_be_bytes();
        let mut bytes = [0u8; 16];
        bytes[..6].copy_from_slice(&ms[2..]);
        bytes[6] = 0x70 | (random[0] & 0x0f); // version 7
        bytes[7] = random[1];
        bytes[8] = 0x80 | (random[2] & 0x3f); // variant 10
        bytes[9..].copy_from_slice(&random[3..]);
        EventId(format_uuid(bytes))
    }

    /// The random parts of `count` ids made in one millisecond by one batch, from ONE draw,
    /// `start`: the last seven bytes count up from `start`'s, whose top bit is cleared so that no
    /// carry ever leaves them (RFC 9562, 6.2, "monotonic random"). The batch's ids then ascend in
    /// the order they are made, and a batch whose keys ascend went into IndexedDB 8 to 20 % faster
    /// than the same batch with its keys in random order (BENCHMARKS.md, history). Two devices'
    /// batches of the same millisecond still differ in 73 random bits of their starts.
    pub fn ascending_randomness(start: [u8; 10], count: usize) -> Vec<u8> {
        let mut counter = [0u8; 8];
        counter[1..].copy_from_slice(&start[3..]);
        let first = u64::from_be_bytes(counter) & COUNTER_START_MASK;
        let mut random = Vec::with_capacity(count * 10);
        for n in 0..count as u64 {
            random.extend_from_slice(&start[..3]);
            random.extend_from_slice(&(first + n).to_be_bytes()[1..]);
        }
        random
    }

    pub fn parse(input: &str) -> Result<EventId, IdError> {
        let bytes = parse_uuid(input)?;
        if bytes[6] >> 4 != 7 || bytes[8] >> 6 != 0b10 {
            return Err(IdError::NotAnEventId {
                input: input.to_owned(),
            });
        }
        Ok(EventId(input.to_owned()))
    }

    /// When the event was created, by the clock of the device that wrote it.
    pub fn timestamp_ms(&self) -> u64 {
        // The first 12 hex digits, around the hyphen at index 8; the string was validated on entry.
        self.0[..13]
            .chars()
            .filter_map(|c| c.to_digit(16))
            .fold(0, |ms, digit| (ms << 4) | u64::from(digit))
    }
}

string_id!(EventId);

/// Long enough for "quartier-nord-2025-printemps"; short enough to sit in URLs, file names of
/// outbox exports and every event envelope.
pub const CAMPAIGN_ID_MAX_LEN: usize = 64;

/// A coordinator's campaign (which residences, which doors, which period), as a slug.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CampaignId(String);

impl CampaignId {
    pub fn parse(input: &str) -> Result<CampaignId, IdError> {
        if input.is_empty() {
            return Err(IdError::CampaignEmpty);
        }
        let len = input.chars().count();
        if len > CAMPAIGN_ID_MAX_LEN {
            return Err(IdError::CampaignTooLong {
                len,
                max: CAMPAIGN_ID_MAX_LEN,
            });
        }
        if let Some(found) = input
            .chars()
            .find(|c| !matches!(c, 'a'..='z' | '0'..='9' | '-'))
        {
            return Err(IdError::CampaignBadCharacter {
                input: input.to_owned(),
                found,
            });
        }
        Ok(CampaignId(input.to_owned()))
    }

    /// The campaign a device uses before it is enrolled, so the app can be tried out of the box.
    pub fn demo() -> CampaignId {
        CampaignId("demo".to_owned())
    }
}

string_id!(CampaignId);

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn device_id_has_version_4_and_the_rfc_variant() {
        let id = DeviceId::from_random([0xff; 16]);
        assert_eq!(id.as_str(), "ffffffff-ffff-4fff-bfff-ffffffffffff");
        let id = DeviceId::from_random([0; 16]);
        assert_eq!(id.as_str(), "00000000-0000-4000-8000-000000000000");
    }

    #[test]
    fn event_id_has_version_7_variant_10_and_the_time_first() {
        let id = EventId::new_v7(0x0123_4567_89ab, [0xff; 10]);
        assert_eq!(id.as_str(), "01234567-89ab-7fff-bfff-ffffffffffff");
        let id = EventId::new_v7(1_700_000_000_000, [0; 10]);
        assert_eq!(id.as_str(), "018bcfe5-6800-7000-8000-000000000000");
        assert_eq!(id.timestamp_ms(), 1_700_000_000_000);
    }

    #[test]
    fn event_id_saturates_instead_of_wrapping_past_48_bits() {
        let id = EventId::new_v7(u64::MAX, [0; 10]);
        assert_eq!(id.timestamp_ms(), MAX_EVENT_ID_MS);
        assert!(id > EventId::new_v7(MAX_EVENT_ID_MS - 1, [0xff; 10]));
    }

    fn batch_ids(start: [u8; 10], count: usize) -> Vec<EventId> {
        let random = EventId::ascending_randomness(start, count);
        assert_eq!(random.len(), count * 10);
        random
            .chunks_exact(10)
            .map(|r| EventId::new_v7(1_764_100_000_000, r.try_into().unwrap()))
            .collect()
    }

    #[test]
    fn a_batch_ids_ascend_from_its_one_draw_even_from_the_highest_start() {
        for start in [[0xff; 10], [0; 10], [0x5a; 10]] {
            let ids = batch_ids(start, 1_000);
            assert!(ids.windows(2).all(|pair| pair[0] < pair[1]), "{start:?}");
            assert!(ids.iter().all(|id| EventId::parse(id.as_str()).is_ok()));
            assert!(ids.iter().all(|id| id.timestamp_ms() == 1_764_100_000_000));
        }
        // The draw's first three bytes and its last seven (top bit cleared) make the first id.
        let ids = batch_ids([0xff; 10], 2);
        assert_eq!(ids[0].as_str(), "019abc8d-c900-7fff-bf7f-ffffffffffff");
        assert_eq!(ids[1].as_str(), "019abc8d-c900-7fff-bf80-000000000000");
        assert_eq!(EventId::ascending_randomness([1; 10], 0), Vec::<u8>::new());
    }

    #[test]
    fn parse_rejects_what_is_not_a_canonical_id() {
        for bad in [
            "",
            "not-a-uuid",
            "018BCFE5-6800-7000-8000-000000000000", // uppercase would sort differently
            "{018bcfe5-6800-7000-8000-000000000000}",
            "018bcfe568007000800000000000000000000",
            "018bcfe5-6800-7000-8000-00000000000g",
            "018bcfe5-6800-7000-8000-0000000000000",
        ] {
            assert!(DeviceId::parse(bad).is_err(), "{bad:?} accepted");
            assert!(EventId::parse(bad).is_err(), "{bad:?} accepted");
        }
        let v4 = "00000000-0000-4000-8000-000000000000";
        assert!(DeviceId::parse(v4).is_ok());
        assert!(matches!(
            EventId::parse(v4),
            Err(IdError::NotAnEventId { .. })
        ));
        let wrong_variant = "018bcfe5-6800-7000-c000-000000000000";
        assert!(EventId::parse(wrong_variant).is_err());
    }

    #[test]
    fn campaign_ids_are_short_lowercase_slugs() {
        assert_eq!(CampaignId::demo().as_str(), "demo");
        assert!(CampaignId::parse("quartier-nord-2025").is_ok());
        assert_eq!(CampaignId::parse(""), Err(IdError::CampaignEmpty));
        assert_eq!(
            CampaignId::parse(&"a".repeat(65)),
            Err(IdError::CampaignTooLong { len: 65, max: 64 })
        );
        assert!(CampaignId::parse(&"a".repeat(64)).is_ok());
        for bad in ["Nord", "les tilleuls", "cité_2", "été"] {
            assert!(matches!(
                CampaignId::parse(bad),
                Err(IdError::CampaignBadCharacter { .. })
            ));
        }
    }

    #[test]
    fn serde_refuses_malformed_ids() {
        assert!(serde_json::from_str::<EventId>("\"nope\"").is_err());
        assert!(serde_json::from_str::<CampaignId>("\"Nope\"").is_err());
        let id = EventId::new_v7(5, [7; 10]);
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(json, format!("\"{id}\""));
        assert_eq!(serde_json::from_str::<EventId>(&json).unwrap(), id);
    }

    proptest! {
        #[test]
        fn any_device_id_parses_back(bytes in any::<[u8; 16]>()) {
            let id = DeviceId::from_random(bytes);
            prop_assert_eq!(DeviceId::parse(id.as_str()), Ok(id));
        }

        #[test]
        fn any_event_id_parses_back_with_its_time(
            ms in 0..=MAX_EVENT_ID_MS,
            random in any::<[u8; 10]>(),
        ) {
            let id = EventId::new_v7(ms, random);
            prop_assert_eq!(id.timestamp_ms(), ms);
            prop_assert_eq!(EventId::parse(id.as_str()), Ok(id));
        }

        #[test]
        fn event_ids_sort_by_time(
            a in 0..=MAX_EVENT_ID_MS,
            b in 0..=MAX_EVENT_ID_MS,
            ra in any::<[u8; 10]>(),
            rb in any::<[u8; 10]>(),
        ) {
            prop_assume!(a != b);
            let (ia, ib) = (EventId::new_v7(a, ra), EventId::new_v7(b, rb));
            prop_assert_eq!(ia.cmp(&ib), a.cmp(&b));
        }

        #[test]
        fn any_draw_gives_a_batch_of_distinct_ascending_ids(
            start in any::<[u8; 10]>(),
            count in 0usize..300,
        ) {
            let ids = batch_ids(start, count);
            prop_assert!(ids.windows(2).all(|pair| pair[0] < pair[1]));
            // Two draws that differ in their random bits give different first ids.
            let mut other = start;
            other[9] ^= 1;
            prop_assert_ne!(batch_ids(start, 1), batch_ids(other, 1));
        }

        #[test]
        fn campaign_slugs_parse_back(slug in "[a-z0-9-]{1,64}") {
            let id = CampaignId::parse(&slug).unwrap();
            prop_assert_eq!(id.as_str(), slug.as_str());
        }
    }
}
