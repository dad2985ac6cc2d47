//! Whether the header says "En ligne": the browser's own flag only knows that a network is
//! there, not that the server answers (a stairwell Wi-Fi with no uplink, the server stopped).
//! An enrolled device knows better from its last sync round. And whether a round starts at all
//! while the browser has no network.

use super::device_state::{SyncProblem, SyncRecord};
use super::status::Link;

/// Online when the browser has a network and, for an enrolled device, the last round did not
/// end without any answer since the last success.
pub fn reachable(browser_online: bool, link: Link, record: &SyncRecord) -> bool {
    if !browser_online {
        return false;
    }
    if link != Link::Enrolled {
        return true;
    }
    match (
        &record.last_problem,
        record.last_problem_ms,
        record.last_success_ms,
    ) {
        (Some(SyncProblem::Offline), Some(failed), success) => success.is_some_and(|s| s > failed),
        _ => true,
    }
}

/// Who asked for a sync round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoundAsked {
    /// Someone pressed "Synchroniser" (or sent a set-aside event again): they want an answer now.
    ByHand,
    /// The app on its own: at start, a timer, something recorded, the tab shown, the network back.
    OnItsOwn,
}

/// Whether a round asked for this way starts now. With no network at all (the browser's flag is
/// false, which it never is wrongly) a round the app starts on its own is skipped: it would read
/// the outbox and up to a batch of events from the device's database only to fail, 5 s after each
/// visit recorded in a stairwell, beside the next visit's write. The browser's `online` event
/// starts one as soon as the network is back. A round asked for by hand always starts, so that the
/// volunteer is told at once that the server is out of reach.
pub fn round_starts(asked: RoundAsked, browser_online: bool) -> bool {
    browser_online || asked == RoundAsked::ByHand
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(
        problem: Option<SyncProblem>,
        failed: Option<u64>,
        success: Option<u64>,
    ) -> SyncRecord {
        SyncRecord {
            last_success_ms: success,
            last_problem: problem,
            last_problem_ms: failed,
        }
    }

    #[test]
    fn no_network_is_offline_whatever_the_record() {
        assert!(!reachable(false, Link::Enrolled, &SyncRecord::default()));
        assert!(!reachable(false, Link::NotEnrolled, &SyncRecord::default()));
    }

    #[test]
    fn an_unanswered_round_means_offline_until_the_next_success() {
        let unanswered = record(Some(SyncProblem::Offline), Some(2_000), Some(1_000));
        assert!(!reachable(true, Link::Enrolled, &unanswered));
        let answered_since = record(Some(SyncProblem::Offline), Some(2_000), Some(3_000));
        assert!(reachable(true, Link::Enrolled, &answered_since));
    }

    #[test]
    fn a_server_that_answers_with_a_problem_is_still_reachable() {
        let busy = record(Some(SyncProblem::RateLimited), Some(2_000), None);
        assert!(reachable(true, Link::Enrolled, &busy));
        assert!(reachable(true, Link::Enrolled, &SyncRecord::default()));
    }

    #[test]
    fn a_device_that_never_syncs_trusts_the_browser() {
        let old = record(Some(SyncProblem::Offline), Some(2_000), None);
        assert!(reachable(true, Link::NotEnrolled, &old));
        assert!(reachable(true, Link::Revoked, &old));
    }

    #[test]
    fn without_network_only_a_round_asked_for_by_hand_starts() {
        assert!(!round_starts(RoundAsked::OnItsOwn, false));
        assert!(round_starts(RoundAsked::ByHand, false));
    }

    #[test]
    fn with_a_network_every_round_starts() {
        assert!(round_starts(RoundAsked::OnItsOwn, true));
        assert!(round_starts(RoundAsked::ByHand, true));
    }
}
