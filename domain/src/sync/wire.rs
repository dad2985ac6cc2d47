//! The messages of sync protocol version 1, exactly as they travel in JSON, and their limits.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::event::EventEnvelope;
use crate::ids::{DeviceId, EventId};

/// The protocol version this build speaks. Raise it when a message changes meaning; the server
/// then answers older devices in their version or refuses them with `unsupported_version`.
pub const PROTOCOL_VERSION: u32 = 1;

/// The most events one push may carry: 500.
///
/// An event is at most a few kilobytes (a sign-up with its consents is the largest), so a full
/// batch stays around a megabyte: small enough to go through a weak 3G link before it drops, and
/// for the server to store in one short transaction (the ingest benchmark uses batches of 500),
/// large enough that 10,000 events need only 20 round trips. A device with more simply sends
/// several batches.
pub const MAX_PUSH_EVENTS: usize = 500;

/// The most events one pull page carries: 1,000.
///
/// Pulled events are lighter than pushed ones (door outcomes without residents' details), and the
/// device saves a page and its cursor in one IndexedDB transaction: a page lost when the network
/// drops costs at most this many events to download again. A larger `limit` is lowered to this.
pub const MAX_PULL_EVENTS: u32 = 1_000;

/// A batch of outbox events, sent by the device that recorded them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PushRequest {
    /// [`PROTOCOL_VERSION`]; checked by the server before anything else.
    pub version: u32,
    /// The pushing device; must be the one the token authenticates.
    pub device: DeviceId,
    /// In `seq` order; at most [`MAX_PUSH_EVENTS`].
    pub events: Vec<EventEnvelope>,
}

impl PushRequest {
    /// A request in this build's protocol version.
    pub fn new(device: DeviceId, events: Vec<EventEnvelope>) -> PushRequest {
        PushRequest {
            version: PROTOCOL_VERSION,
            device,
            events,
        }
    }
}

/// The server's answer to a push: one result per event of the request, in the same order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushResponse {
    pub results: Vec<PushResult>,
}

/// What became of one pushed event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushResult {
    pub event_id: EventId,
    #[serde(flatten)]
    pub outcome: PushOutcome,
}

/// Accepted and duplicate both mean "the server holds it": the device may delete it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum PushOutcome {
    /// Newly stored.
    Accepted,
    /// Already stored by an earlier push or import of the same event.
    Duplicate,
    /// Refused; the device keeps it in its "À vérifier" list.
    Rejected {
        /// A stable machine code ([`super::RejectCode::as_str`]). A string rather than the enum,
        /// so a device can show a code that a newer server added.
        code: String,
        /// Plain English for the coordinator; never quotes residents' details.
        message: String,
    },
}

/// Asks for the events after `cursor` that this device may see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PullRequest {
    /// [`PROTOCOL_VERSION`]; checked by the server before anything else.
    pub version: u32,
    /// The pulling device; must be the one the token authenticates.
    pub device: DeviceId,
    /// The `next_cursor` of the last page saved; `None` on the first pull.
    pub cursor: Option<Cursor>,
    /// How many events the device wants; the server gives at most [`MAX_PULL_EVENTS`].
    pub limit: u32,
}

impl PullRequest {
    /// A request in this build's protocol version.
    pub fn new(device: DeviceId, cursor: Option<Cursor>, limit: u32) -> PullRequest {
        PullRequest {
            version: PROTOCOL_VERSION,
            device,
            cursor,
            limit,
        }
    }
}

/// One page of events, oldest position first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PullResponse {
    pub events: Vec<EventEnvelope>,
    /// Where the next pull starts; saved with the events. Equal to the request's cursor when
    /// nothing new was there.
    pub next_cursor: Cursor,
    /// More events wait after `next_cursor`: pull again right away.
    pub more: bool,
    /// The version of the territory attached to the device's campaign
    /// (`crate::campaign_territory`), on a round's last page only (`more` false) and absent
    /// while nothing is attached. An addition to v1: a device that does not know it ignores it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub territory: Option<String>,
}

/// An opaque, monotonic position in the server's log. Devices store it and send it back; only the
/// server reads the number. Travels as a decimal string (`"42"`), because a JSON number above
/// 2^53 would lose precision in a browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Cursor(u64);

/// Why a string is not a cursor.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{input:?} is not a sync cursor (decimal digits, no leading zero)")]
pub struct CursorError {
    pub input: String,
}

impl Cursor {
    /// Before every row: what a first pull starts from.
    pub const START: Cursor = Cursor(0);

    /// For the server, from its log position.
    pub fn from_position(position: u64) -> Cursor {
        Cursor(position)
    }

    /// For the server: the log position to read after.
    pub fn position(self) -> u64 {
        self.0
    }

    /// Reads the canonical form only (`"0"`, `"42"`; not `"042"`, `"+4"` or `" 4"`), so each cursor
    /// has exactly one spelling.
    pub fn parse(input: &str) -> Result<Cursor, CursorError> {
        let bad = || CursorError {
            input: input.to_owned(),
        };
        let canonical = !input.is_empty()
            && input.bytes().all(|b| b.is_ascii_digit())
            && (input == "0" || !input.starts_with('0'));
        if !canonical {
            return Err(bad());
        }
        input.parse().map(Cursor).map_err(|_| bad())
    }
}

impl fmt::Display for Cursor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl TryFrom<String> for Cursor {
    type Error = CursorError;
    fn try_from(value: String) -> Result<Cursor, CursorError> {
        Cursor::parse(&value)
    }
}

impl From<Cursor> for String {
    fn from(cursor: Cursor) -> String {
        cursor.to_string()
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::event::{Actor, EventBody, Recorder};
    use crate::ids::CampaignId;
    use proptest::prelude::*;

    pub const NOW: u64 = 1_700_000_000_000;

    pub fn device(n: u8) -> DeviceId {
        DeviceId::from_random([n; 16])
    }

    /// `count` valid field notes recorded by device `n`, seq 1, 2, 3…
    pub fn events(n: u8, count: usize) -> Vec<EventEnvelope> {
        let mut recorder = Recorder::new(device(n));
        (0..count)
            .map(|i| {
                recorder.record(
                    NOW + i as u64,
                    [i as u8; 10],
                    Actor::Device,
                    CampaignId::demo(),
                    EventBody::FieldNoteRecorded { text: "RAS".into() },
                )
            })
            .collect()
    }

    #[test]
    fn the_wire_shape_of_a_push_does_not_change_by_accident() {
        let event = events(1, 1).remove(0);
        let event_json = serde_json::to_string(&event).unwrap();
        let request = PushRequest::new(device(1), vec![event.clone()]);
        let golden = format!(
            r#"{{"version":1,"device":"01010101-0101-4101-8101-010101010101","events":[{event_json}]}}"#
        );
        assert_eq!(serde_json::to_string(&request).unwrap(), golden);
        assert_eq!(
            serde_json::from_str::<PushRequest>(&golden).unwrap(),
            request
        );

        let response = PushResponse {
            results: vec![
                PushResult {
                    event_id: event.id.clone(),
                    outcome: PushOutcome::Accepted,
                },
                PushResult {
                    event_id: event.id.clone(),
                    outcome: PushOutcome::Duplicate,
                },
                PushResult {
                    event_id: event.id.clone(),
                    outcome: PushOutcome::Rejected {
                        code: "unknown_campaign".into(),
                        message: "no such campaign".into(),
                    },
                },
            ],
        };
        let id = "018bcfe5-6800-7000-8000-000000000000";
        let golden = format!(
            r#"{{"results":[{{"event_id":"{id}","outcome":"accepted"}},{{"event_id":"{id}","outcome":"duplicate"}},{{"event_id":"{id}","outcome":"rejected","code":"unknown_campaign","message":"no such campaign"}}]}}"#
        );
        assert_eq!(serde_json::to_string(&response).unwrap(), golden);
        assert_eq!(
            serde_json::from_str::<PushResponse>(&golden).unwrap(),
            response
        );
    }

    #[test]
    fn the_wire_shape_of_a_pull_does_not_change_by_accident() {
        let request = PullRequest::new(device(2), Some(Cursor::from_position(42)), 1000);
        let golden = r#"{"version":1,"device":"02020202-0202-4202-8202-020202020202","cursor":"42","limit":1000}"#;
        assert_eq!(serde_json::to_string(&request).unwrap(), golden);
        assert_eq!(
            serde_json::from_str::<PullRequest>(golden).unwrap(),
            request
        );
        let first = r#"{"version":1,"device":"02020202-0202-4202-8202-020202020202","cursor":null,"limit":10}"#;
        assert_eq!(
            serde_json::from_str::<PullRequest>(first).unwrap().cursor,
            None
        );

        let event = events(1, 1).remove(0);
        let event_json = serde_json::to_string(&event).unwrap();
        let response = PullResponse {
            events: vec![event],
            next_cursor: Cursor::from_position(9_007_199_254_740_993),
            more: true,
            territory: None,
        };
        let golden =
            format!(r#"{{"events":[{event_json}],"next_cursor":"9007199254740993","more":true}}"#);
        assert_eq!(serde_json::to_string(&response).unwrap(), golden);
        assert_eq!(
            serde_json::from_str::<PullResponse>(&golden).unwrap(),
            response
        );
    }

    #[test]
    fn requests_refuse_unknown_fields_and_responses_tolerate_them() {
        let push = r#"{"version":1,"device":"01010101-0101-4101-8101-010101010101","events":[],"force":true}"#;
        assert!(serde_json::from_str::<PushRequest>(push).is_err());
        let pull = r#"{"version":1,"device":"01010101-0101-4101-8101-010101010101","cursor":null,"limit":1,"all":true}"#;
        assert!(serde_json::from_str::<PullRequest>(pull).is_err());
        let response = r#"{"events":[],"next_cursor":"7","more":false,"server_time":1}"#;
        assert!(serde_json::from_str::<PullResponse>(response).is_ok());
    }

    #[test]
    fn cursors_have_one_spelling() {
        assert_eq!(Cursor::parse("0"), Ok(Cursor::START));
        assert_eq!(Cursor::parse("42"), Ok(Cursor::from_position(42)));
        for bad in [
            "",
            "042",
            "+4",
            " 4",
            "-1",
            "4.0",
            "18446744073709551616",
            "x",
        ] {
            assert!(Cursor::parse(bad).is_err(), "{bad:?} accepted");
        }
        assert!(serde_json::from_str::<Cursor>("42").is_err());
    }

    proptest! {
        #[test]
        fn any_cursor_round_trips_and_sorts_like_its_position(a in any::<u64>(), b in any::<u64>()) {
            let (ca, cb) = (Cursor::from_position(a), Cursor::from_position(b));
            let json = serde_json::to_string(&ca).unwrap();
            prop_assert_eq!(serde_json::from_str::<Cursor>(&json).unwrap(), ca);
            prop_assert_eq!(ca.cmp(&cb), a.cmp(&b));
        }
    }
}
