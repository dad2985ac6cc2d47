//! What a device keeps about its sync, besides the outbox: its link to a campaign (the token), how
//! the last rounds went, and the events the server refused. Stored by the app in IndexedDB as the
//! JSON of these types; what changes them is decided here.

use serde::{Deserialize, Serialize};

use crate::event::OutboxEntry;
use crate::ids::{CampaignId, EventId};

use super::push_plan::NeedsAttention;

/// The device's link to a campaign, from a successful enrollment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enrollment {
    /// The device token, sent as `Authorization: Bearer`. Never shown on screen.
    pub token: String,
    pub campaign: CampaignId,
    pub campaign_name: String,
    /// The name the device gave itself ("Tablette de Samia").
    pub label: String,
    pub enrolled_at_ms: u64,
    /// The server answered 401: the coordinator removed the device (or forgot it). The link is kept
    /// so the screens can still say which campaign the events belong to, but nothing is sent until
    /// the device is enrolled again.
    #[serde(default)]
    pub revoked: bool,
}

impl Enrollment {
    /// The campaign new events are recorded under: the enrolled one, revoked or not (the work goes
    /// on in the same campaign while the coordinator sorts the device out), else the demo one.
    pub fn campaign_for_new_events(enrollment: Option<&Enrollment>) -> CampaignId {
        enrollment.map_or_else(CampaignId::demo, |e| e.campaign.clone())
    }

    /// Whether a sync round may start: enrolled and not revoked.
    pub fn may_sync(enrollment: Option<&Enrollment>) -> bool {
        enrollment.is_some_and(|e| !e.revoked)
    }
}

/// Why the last round stopped, in a form the status bar can word in every language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SyncProblem {
    /// No answer at all: no network, or the server is off.
    Offline,
    /// 5xx, `storage_unavailable`: the server is there but cannot store right now.
    ServerUnavailable,
    /// 429: the server asks to wait.
    RateLimited,
    /// 401: the token is no longer valid (`device_revoked`, `device_unknown`, `token_missing`).
    Revoked { code: String },
    /// `unsupported_version`: this build is too old (or too new) for the server.
    AppTooOld,
    /// Any other refusal of a whole request, with the server's code and message.
    Refused { code: String, message: String },
    /// A 200 whose body is not the expected JSON.
    UnreadableAnswer,
    /// The device could not read or write its own storage.
    Storage { detail: String },
}

/// How the rounds went, kept across restarts so the status bar can say "synchronisé il y a 3 min"
/// after a reload.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncRecord {
    pub last_success_ms: Option<u64>,
    /// Cleared by the next success: an old problem is not news once things work again.
    pub last_problem: Option<SyncProblem>,
    pub last_problem_ms: Option<u64>,
}

impl SyncRecord {
    pub fn succeeded(&mut self, now_ms: u64) {
        self.last_success_ms = Some(now_ms);
        self.last_problem = None;
        self.last_problem_ms = None;
    }

    pub fn failed(&mut self, problem: SyncProblem, now_ms: u64) {
        self.last_problem = Some(problem);
        self.last_problem_ms = Some(now_ms);
    }
}

/// One entry of the "À vérifier" list: a refused event, with everything needed to put it back in
/// the outbox as it was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttentionEntry {
    pub event_id: EventId,
    pub seq: u64,
    pub queued_at_ms: u64,
    pub attempts: u32,
    /// The server's code ([`super::RejectCode`], or one made on the device such as
    /// [`TOO_LARGE`]).
    pub code: String,
    /// The server's words, shown as they are under the plain reason.
    pub message: String,
    pub set_aside_at_ms: u64,
}

/// The device's own code for an event too large to travel in any request (refused with 413 even
/// alone): it can only leave in an exported file.
pub const TOO_LARGE: &str = "too_large";

/// The device's own code for an outbox entry whose event is missing from the log (a damaged
/// store): it cannot be sent, and says so instead of vanishing.
pub const EVENT_MISSING: &str = "event_missing";

impl AttentionEntry {
    /// Moves an outbox entry to the list, with the server's reason; the push counts as an attempt.
    pub fn set_aside(entry: &OutboxEntry, reason: &NeedsAttention, now_ms: u64) -> AttentionEntry {
        AttentionEntry {
            event_id: entry.event_id.clone(),
            seq: entry.seq,
            queued_at_ms: entry.queued_at_ms,
            attempts: entry.attempts.saturating_add(1),
            code: reason.code.clone(),
            message: reason.message.clone(),
            set_aside_at_ms: now_ms,
        }
    }

    /// "Réessayer": back to the outbox, keeping its place (`seq`) and its history, with the
    /// reason it was refused as its last error.
    pub fn back_to_outbox(&self) -> OutboxEntry {
        OutboxEntry {
            event_id: self.event_id.clone(),
            seq: self.seq,
            queued_at_ms: self.queued_at_ms,
            attempts: self.attempts,
            last_error: Some(format!("{}: {}", self.code, self.message)),
        }
    }
}

/// An outbox entry the last push did not mention: one more attempt, and why it is still there.
pub fn still_waiting(entry: &OutboxEntry, why: &str) -> OutboxEntry {
    OutboxEntry {
        attempts: entry.attempts.saturating_add(1),
        last_error: Some(why.to_owned()),
        ..entry.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::wire::tests::{NOW, events};

    fn enrollment(revoked: bool) -> Enrollment {
        Enrollment {
            token: "t".repeat(64),
            campaign: CampaignId::parse("tilleuls-2026").unwrap(),
            campaign_name: "Les Tilleuls, automne 2026".into(),
            label: "Tablette de Samia".into(),
            enrolled_at_ms: NOW,
            revoked,
        }
    }

    #[test]
    fn new_events_go_to_the_enrolled_campaign_even_when_revoked_and_to_demo_otherwise() {
        assert_eq!(
            Enrollment::campaign_for_new_events(None),
            CampaignId::demo()
        );
        for revoked in [false, true] {
            assert_eq!(
                Enrollment::campaign_for_new_events(Some(&enrollment(revoked))).as_str(),
                "tilleuls-2026"
            );
        }
    }

    #[test]
    fn only_a_live_enrollment_syncs() {
        assert!(!Enrollment::may_sync(None));
        assert!(Enrollment::may_sync(Some(&enrollment(false))));
        assert!(!Enrollment::may_sync(Some(&enrollment(true))));
    }

    #[test]
    fn an_enrollment_stored_before_revocation_existed_reads_as_live() {
        let json = r#"{"token":"t","campaign":"demo","campaign_name":"Démo","label":"A","enrolled_at_ms":1}"#;
        let read: Enrollment = serde_json::from_str(json).unwrap();
        assert!(!read.revoked);
    }

    #[test]
    fn a_success_clears_the_last_problem() {
        let mut record = SyncRecord::default();
        record.failed(SyncProblem::Offline, NOW);
        assert_eq!(record.last_problem, Some(SyncProblem::Offline));
        assert_eq!(record.last_success_ms, None);
        record.succeeded(NOW + 5);
        assert_eq!(
            record,
            SyncRecord {
                last_success_ms: Some(NOW + 5),
                last_problem: None,
                last_problem_ms: None
            }
        );
        let json = serde_json::to_string(&SyncProblem::Refused {
            code: "bad_request".into(),
            message: "m".into(),
        })
        .unwrap();
        assert_eq!(
            json,
            r#"{"kind":"refused","code":"bad_request","message":"m"}"#
        );
    }

    #[test]
    fn an_entry_set_aside_and_retried_comes_back_in_its_place() {
        let event = events(1, 3).remove(2);
        let entry = OutboxEntry::for_event(&event, NOW);
        let reason = NeedsAttention {
            event_id: event.id.clone(),
            code: "clock_too_far_ahead".into(),
            message: "check the date".into(),
        };
        let aside = AttentionEntry::set_aside(&entry, &reason, NOW + 10);
        assert_eq!((aside.seq, aside.attempts), (3, 1));
        assert_eq!(aside.set_aside_at_ms, NOW + 10);
        let back = aside.back_to_outbox();
        assert_eq!(back.event_id, event.id);
        assert_eq!((back.seq, back.queued_at_ms, back.attempts), (3, NOW, 1));
        assert_eq!(
            back.last_error.as_deref(),
            Some("clock_too_far_ahead: check the date")
        );
        let waiting = still_waiting(&back, "not in the answer");
        assert_eq!(waiting.attempts, 2);
        assert_eq!(waiting.last_error.as_deref(), Some("not in the answer"));
    }
}
