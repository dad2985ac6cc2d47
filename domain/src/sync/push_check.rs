//! The server's side of a push: which events of a batch it may store, decided before any storage.

use std::fmt;

use crate::clock::{HlcClock, MAX_DRIFT_MS};
use crate::event::{EventBody, EventEnvelope, EventError};
use crate::ids::{CampaignId, DeviceId, EventId};

use super::wire::{MAX_PUSH_EVENTS, PROTOCOL_VERSION, PushOutcome, PushRequest, PushResult};

/// Why a whole push was refused. The server answers it as `{code, message}` with a 4xx status;
/// the device keeps every event of the batch and tells the coordinator.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PushError {
    #[error(
        "this app speaks sync protocol version {found}; the server speaks version \
         {PROTOCOL_VERSION}: update the app"
    )]
    UnsupportedVersion { found: u32 },
    #[error("a push carries at most {MAX_PUSH_EVENTS} events; this one carries {count}")]
    TooManyEvents { count: usize },
    #[error(
        "the push says it comes from device {claimed}, but it was sent with another device's key"
    )]
    NotThisDevice { claimed: DeviceId },
}

impl PushError {
    /// The stable machine code of the JSON error.
    pub fn code(&self) -> &'static str {
        match self {
            PushError::UnsupportedVersion { .. } => "unsupported_version",
            PushError::TooManyEvents { .. } => "batch_too_large",
            PushError::NotThisDevice { .. } => "device_mismatch",
        }
    }
}

/// Why one event was refused; its wire spelling ([`RejectCode::as_str`]) never changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RejectCode {
    /// The envelope names another device than the one pushing: a device pushes only its own events.
    NotThisDevice,
    /// The clock timestamp was issued by another device than the one pushing.
    ClockNotThisDevice,
    /// The event was written in a schema version this server does not read.
    UnsupportedSchema,
    /// The event breaks a rule of its envelope or body (`EventEnvelope::validate`).
    InvalidEvent,
    /// The campaign is not one the server knows.
    UnknownCampaign,
    /// The clock timestamp is more than [`MAX_DRIFT_MS`] ahead of the server's clock.
    ClockTooFarAhead,
    /// Another event of the same device already holds this `seq` (found by storage, not by
    /// [`check_push`]): a device never reuses one, so its outbox is corrupt or the event forged.
    SequenceTaken,
}

impl RejectCode {
    pub const ALL: [RejectCode; 7] = [
        RejectCode::NotThisDevice,
        RejectCode::ClockNotThisDevice,
        RejectCode::UnsupportedSchema,
        RejectCode::InvalidEvent,
        RejectCode::UnknownCampaign,
        RejectCode::ClockTooFarAhead,
        RejectCode::SequenceTaken,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RejectCode::NotThisDevice => "not_this_device",
            RejectCode::ClockNotThisDevice => "clock_not_this_device",
            RejectCode::UnsupportedSchema => "unsupported_schema",
            RejectCode::InvalidEvent => "invalid_event",
            RejectCode::UnknownCampaign => "unknown_campaign",
            RejectCode::ClockTooFarAhead => "clock_too_far_ahead",
            RejectCode::SequenceTaken => "sequence_taken",
        }
    }
}

impl fmt::Display for RejectCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the server does with one pushed event. `check_push` returns one per event, in the
/// request's order, so `request.events.iter().zip(verdicts)` pairs each event with its verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Store it, idempotently by id, then answer `accepted` or `duplicate`
    /// ([`Verdict::into_result`]).
    Store { event_id: EventId },
    /// Answer `rejected`; store nothing.
    Reject {
        event_id: EventId,
        code: RejectCode,
        message: String,
    },
}

impl Verdict {
    pub fn event_id(&self) -> &EventId {
        match self {
            Verdict::Store { event_id } | Verdict::Reject { event_id, .. } => event_id,
        }
    }

    /// The answer for this event once storage has run; `newly_stored` says whether the insert
    /// added a row (false: that id was already there). It does not matter for a rejection.
    pub fn into_result(self, newly_stored: bool) -> PushResult {
        match self {
            Verdict::Store { event_id } => PushResult {
                event_id,
                outcome: if newly_stored {
                    PushOutcome::Accepted
                } else {
                    PushOutcome::Duplicate
                },
            },
            Verdict::Reject {
                event_id,
                code,
                message,
            } => PushResult {
                event_id,
                outcome: PushOutcome::Rejected {
                    code: code.as_str().to_owned(),
                    message,
                },
            },
        }
    }
}

/// The answer for an event storage refused because its device's `seq` is already taken by
/// another event id ([`RejectCode::SequenceTaken`]).
pub fn sequence_taken(event_id: EventId) -> PushResult {
    PushResult {
        event_id,
        outcome: PushOutcome::Rejected {
            code: RejectCode::SequenceTaken.as_str().to_owned(),
            message: "another event of this device already holds this sequence number; the \
                      device's outbox needs checking"
                .to_owned(),
        },
    }
}

/// Decides what to do with each event of a push from `pushing_device` (the device its token
/// authenticates), at the server's time `now_ms`.
///
/// The request as a whole is refused only for what concerns the request itself (protocol version,
/// batch size, claimed device); everything about one event concerns that event alone, so one bad
/// event never blocks the others. Duplicates cannot be seen here: storage reports them.
pub fn check_push(
    request: &PushRequest,
    pushing_device: &DeviceId,
    known_campaigns: &impl Fn(&CampaignId) -> bool,
    now_ms: u64,
) -> Result<Vec<Verdict>, PushError> {
    if request.version != PROTOCOL_VERSION {
        return Err(PushError::UnsupportedVersion {
            found: request.version,
        });
    }
    if request.events.len() > MAX_PUSH_EVENTS {
        return Err(PushError::TooManyEvents {
            count: request.events.len(),
        });
    }
    if request.device != *pushing_device {
        return Err(PushError::NotThisDevice {
            claimed: request.device.clone(),
        });
    }
    Ok(request
        .events
        .iter()
        .map(
            |event| match check_event(event, pushing_device, known_campaigns, now_ms) {
                Ok(()) => Verdict::Store {
                    event_id: event.id.clone(),
                },
                Err((code, message)) => Verdict::Reject {
                    event_id: event.id.clone(),
                    code,
                    message,
                },
            },
        )
        .collect())
}

/// The checks of one event, cheapest and most telling first: who sent it, then what it says.
fn check_event(
    event: &EventEnvelope,
    pushing_device: &DeviceId,
    known_campaigns: &impl Fn(&CampaignId) -> bool,
    now_ms: u64,
) -> Result<(), (RejectCode, String)> {
    if event.device != *pushing_device {
        return Err((
            RejectCode::NotThisDevice,
            format!(
                "this event was recorded by device {}, not by the device that sent it; a device \
                 sends only its own events",
                event.device
            ),
        ));
    }
    if event.hlc.device != *pushing_device {
        return Err((
            RejectCode::ClockNotThisDevice,
            format!(
                "this event's clock timestamp was issued by device {}, not by the device that \
                 sent it",
                event.hlc.device
            ),
        ));
    }
    if let Err(error) = event.validate() {
        let code = match error {
            EventError::UnsupportedSchema { .. } => RejectCode::UnsupportedSchema,
            _ => RejectCode::InvalidEvent,
        };
        return Err((code, error.to_string()));
    }
    if written_by_the_server_only(&event.body) {
        return Err((
            RejectCode::InvalidEvent,
            format!(
                "a {} event is written by the server only (for a coordinator or from a sealed \
                 record); a device never sends one",
                event.body.kind()
            ),
        ));
    }
    if !known_campaigns(&event.campaign) {
        return Err((
            RejectCode::UnknownCampaign,
            format!(
                "campaign {:?} does not exist on this server (it may have been deleted)",
                event.campaign.as_str()
            ),
        ));
    }
    // The same rule a device applies when it observes a remote timestamp: a scratch clock's
    // receive rule, so the two can never disagree.
    if HlcClock::new(pushing_device.clone())
        .observe(&event.hlc, now_ms)
        .is_err()
    {
        let ahead_ms = event.hlc.wall_ms.saturating_sub(now_ms);
        return Err((
            RejectCode::ClockTooFarAhead,
            format!(
                "this event's clock is {} hours ahead of the server's (at most {} hours is \
                 accepted): check the date and time of the tablet",
                ahead_ms / 3_600_000,
                MAX_DRIFT_MS / 3_600_000
            ),
        ));
    }
    Ok(())
}

/// Kinds only the server records: a device sending one is forging a coordinator's act (the actor
/// of an event is what its device says) or a record the server opens from a sealed one.
fn written_by_the_server_only(body: &EventBody) -> bool {
    matches!(
        body,
        EventBody::KioskCallbackOpened(_)
            | EventBody::KioskCallbackHandled(_)
            | EventBody::ResidentErased(_)
            | EventBody::CampaignSettingsChanged(_)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::SCHEMA_VERSION;
    use crate::sync::wire::tests::{NOW, device, events};

    fn demo_only(campaign: &CampaignId) -> bool {
        *campaign == CampaignId::demo()
    }

    fn check(request: &PushRequest) -> Result<Vec<Verdict>, PushError> {
        check_push(request, &device(1), &demo_only, NOW)
    }

    fn reject_code(verdict: &Verdict) -> Option<RejectCode> {
        match verdict {
            Verdict::Store { .. } => None,
            Verdict::Reject { code, .. } => Some(*code),
        }
    }

    /// One event broken in the way that yields `code`.
    fn broken(code: RejectCode) -> EventEnvelope {
        let mut event = events(1, 1).remove(0);
        match code {
            RejectCode::NotThisDevice => {
                event = events(2, 1).remove(0);
            }
            RejectCode::ClockNotThisDevice => event.hlc.device = device(2),
            RejectCode::UnsupportedSchema => event.schema = SCHEMA_VERSION + 1,
            RejectCode::InvalidEvent => {
                event.body = EventBody::FieldNoteRecorded { text: " ".into() }
            }
            RejectCode::UnknownCampaign => {
                event.campaign = CampaignId::parse("quartier-nord").unwrap()
            }
            RejectCode::ClockTooFarAhead => event.hlc.wall_ms = NOW + MAX_DRIFT_MS + 1,
            // Only storage can see a taken seq: check_push stores such an event.
            RejectCode::SequenceTaken => {}
        }
        event
    }

    #[test]
    fn good_events_are_stored() {
        let request = PushRequest::new(device(1), events(1, 3));
        let verdicts = check(&request).unwrap();
        assert_eq!(verdicts.len(), 3);
        for (event, verdict) in request.events.iter().zip(&verdicts) {
            assert_eq!(
                *verdict,
                Verdict::Store {
                    event_id: event.id.clone()
                }
            );
        }
        assert_eq!(check(&PushRequest::new(device(1), vec![])), Ok(vec![]));
    }

    #[test]
    fn every_rejection_code_has_its_cause_and_a_stable_spelling() {
        let spellings: Vec<_> = RejectCode::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(
            spellings,
            [
                "not_this_device",
                "clock_not_this_device",
                "unsupported_schema",
                "invalid_event",
                "unknown_campaign",
                "clock_too_far_ahead",
                "sequence_taken"
            ]
        );
        let found_by_storage = [RejectCode::SequenceTaken];
        for code in RejectCode::ALL
            .into_iter()
            .filter(|c| !found_by_storage.contains(c))
        {
            let request = PushRequest::new(device(1), vec![broken(code)]);
            let verdicts = check(&request).unwrap();
            assert_eq!(reject_code(&verdicts[0]), Some(code), "{code}");
            let Verdict::Reject { message, .. } = &verdicts[0] else {
                unreachable!()
            };
            assert!(!message.is_empty());
        }
    }

    #[test]
    fn kinds_only_the_server_writes_are_refused_from_a_device() {
        let mut server_only = Vec::new();
        for body in crate::event::tests::samples() {
            let mut event = events(1, 1).remove(0);
            event.body = body.clone();
            let verdicts = check(&PushRequest::new(device(1), vec![event])).unwrap();
            if written_by_the_server_only(&body) {
                assert_eq!(reject_code(&verdicts[0]), Some(RejectCode::InvalidEvent));
                server_only.push(body.kind());
            }
        }
        server_only.sort_unstable();
        assert_eq!(
            server_only,
            [
                "CampaignSettingsChanged",
                "KioskCallbackHandled",
                "KioskCallbackOpened",
                "ResidentErased"
            ]
        );
        // What devices do record still goes through.
        let visit = events(1, 1).remove(0);
        let verdicts = check(&PushRequest::new(device(1), vec![visit])).unwrap();
        assert_eq!(reject_code(&verdicts[0]), None);
    }

    #[test]
    fn a_clock_exactly_at_the_drift_limit_is_accepted() {
        let mut event = events(1, 1).remove(0);
        event.hlc.wall_ms = NOW + MAX_DRIFT_MS;
        let verdicts = check(&PushRequest::new(device(1), vec![event])).unwrap();
        assert_eq!(reject_code(&verdicts[0]), None);
    }

    #[test]
    fn one_bad_event_does_not_block_the_others() {
        let mut batch = events(1, 5);
        batch[2].campaign = CampaignId::parse("ailleurs").unwrap();
        let request = PushRequest::new(device(1), batch);
        let codes: Vec<_> = check(&request).unwrap().iter().map(reject_code).collect();
        assert_eq!(
            codes,
            [None, None, Some(RejectCode::UnknownCampaign), None, None]
        );
    }

    #[test]
    fn a_wrong_request_is_refused_whole() {
        let mut request = PushRequest::new(device(1), events(1, 1));
        request.version = 2;
        let error = check(&request).unwrap_err();
        assert_eq!(error, PushError::UnsupportedVersion { found: 2 });
        assert_eq!(error.code(), "unsupported_version");

        let request = PushRequest::new(device(2), events(2, 1));
        let error = check(&request).unwrap_err();
        assert_eq!(error.code(), "device_mismatch");

        let event = events(1, 1).remove(0);
        let request = PushRequest::new(device(1), vec![event; MAX_PUSH_EVENTS + 1]);
        let error = check(&request).unwrap_err();
        assert_eq!(
            error,
            PushError::TooManyEvents {
                count: MAX_PUSH_EVENTS + 1
            }
        );
        assert_eq!(error.code(), "batch_too_large");
        let full = PushRequest::new(device(1), request.events[..MAX_PUSH_EVENTS].to_vec());
        assert!(check(&full).is_ok());
    }

    #[test]
    fn verdicts_become_the_answers_storage_reports() {
        let id = events(1, 1).remove(0).id;
        let store = Verdict::Store {
            event_id: id.clone(),
        };
        assert_eq!(
            store.clone().into_result(true).outcome,
            PushOutcome::Accepted
        );
        assert_eq!(store.into_result(false).outcome, PushOutcome::Duplicate);
        let reject = Verdict::Reject {
            event_id: id,
            code: RejectCode::UnknownCampaign,
            message: "m".into(),
        };
        assert_eq!(
            reject.into_result(true).outcome,
            PushOutcome::Rejected {
                code: "unknown_campaign".into(),
                message: "m".into()
            }
        );
    }
}
