//! May "Effacer cet appareil" run now? Never while something recorded here has not reached the
//! server — the outbox or the "À vérifier" list — unless every one of those records is in an
//! encrypted export file saved on this visit to the page: wiping must never lose a visit.

use std::collections::BTreeSet;

use crate::ids::EventId;

/// The answer, with what the screen needs to say why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WipeDecision {
    /// Nothing waits: every record reached the server.
    NothingWaiting,
    /// Records wait, but all of them are in the encrypted export saved earlier.
    CoveredByExport { waiting: usize },
    /// Records wait that no saved export holds (none was saved, or some were recorded since).
    Refused { not_exported: usize },
}

impl WipeDecision {
    pub fn allowed(&self) -> bool {
        !matches!(self, WipeDecision::Refused { .. })
    }
}

/// `waiting`: the ids of the events not yet acknowledged (outbox and "À vérifier");
/// `exported`: the ids in the encrypted export saved in this session, if one was.
pub fn may_wipe(waiting: &[EventId], exported: Option<&BTreeSet<EventId>>) -> WipeDecision {
    if waiting.is_empty() {
        return WipeDecision::NothingWaiting;
    }
    let not_exported = match exported {
        None => waiting.len(),
        Some(saved) => waiting.iter().filter(|id| !saved.contains(id)).count(),
    };
    if not_exported == 0 {
        WipeDecision::CoveredByExport {
            waiting: waiting.len(),
        }
    } else {
        WipeDecision::Refused { not_exported }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u8) -> EventId {
        EventId::new_v7(1_700_000_000_000, [n; 10])
    }

    #[test]
    fn a_device_with_nothing_waiting_may_be_wiped() {
        assert_eq!(may_wipe(&[], None), WipeDecision::NothingWaiting);
        assert!(may_wipe(&[], None).allowed());
    }

    #[test]
    fn unsent_records_refuse_the_wipe_until_an_export_holds_them_all() {
        let waiting = [id(1), id(2)];
        assert_eq!(
            may_wipe(&waiting, None),
            WipeDecision::Refused { not_exported: 2 }
        );
        let saved: BTreeSet<EventId> = waiting.iter().cloned().collect();
        let decision = may_wipe(&waiting, Some(&saved));
        assert_eq!(decision, WipeDecision::CoveredByExport { waiting: 2 });
        assert!(decision.allowed());
    }

    #[test]
    fn a_record_made_after_the_export_refuses_the_wipe_again() {
        let saved: BTreeSet<EventId> = [id(1)].into_iter().collect();
        let decision = may_wipe(&[id(1), id(3)], Some(&saved));
        assert_eq!(decision, WipeDecision::Refused { not_exported: 1 });
        assert!(!decision.allowed());
    }

    #[test]
    fn an_export_of_records_sent_since_is_no_obstacle() {
        let saved: BTreeSet<EventId> = [id(1), id(2)].into_iter().collect();
        assert_eq!(
            may_wipe(&[id(2)], Some(&saved)),
            WipeDecision::CoveredByExport { waiting: 1 }
        );
    }
}
