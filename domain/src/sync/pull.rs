//! Both sides of a pull: the server checking the request and building the page, the device merging
//! the page into what it already holds.

use std::collections::HashSet;

use crate::event::EventEnvelope;
use crate::ids::{DeviceId, EventId};

use super::wire::{Cursor, MAX_PULL_EVENTS, PROTOCOL_VERSION, PullRequest, PullResponse};

/// Why a whole pull was refused; answered as `{code, message}` with a 4xx status.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PullError {
    #[error(
        "this app speaks sync protocol version {found}; the server speaks version \
         {PROTOCOL_VERSION}: update the app"
    )]
    UnsupportedVersion { found: u32 },
    #[error(
        "the pull says it comes from device {claimed}, but it was sent with another device's key"
    )]
    NotThisDevice { claimed: DeviceId },
}

impl PullError {
    /// The stable machine code of the JSON error.
    pub fn code(&self) -> &'static str {
        match self {
            PullError::UnsupportedVersion { .. } => "unsupported_version",
            PullError::NotThisDevice { .. } => "device_mismatch",
        }
    }
}

/// What the server reads for a checked pull: positions strictly after `after`, at most `limit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PullPage {
    pub after: Cursor,
    /// Within 1..=[`MAX_PULL_EVENTS`].
    pub limit: u32,
}

/// Checks a pull from `pulling_device` (the device its token authenticates). A `limit` of 0 or
/// above [`MAX_PULL_EVENTS`] is brought within bounds rather than refused: asking for too much is
/// not a mistake worth failing a sync over, and a page of zero would never move the cursor.
pub fn check_pull(request: &PullRequest, pulling_device: &DeviceId) -> Result<PullPage, PullError> {
    if request.version != PROTOCOL_VERSION {
        return Err(PullError::UnsupportedVersion {
            found: request.version,
        });
    }
    if request.device != *pulling_device {
        return Err(PullError::NotThisDevice {
            claimed: request.device.clone(),
        });
    }
    Ok(PullPage {
        after: request.cursor.unwrap_or(Cursor::START),
        limit: request.limit.clamp(1, MAX_PULL_EVENTS),
    })
}

impl PullResponse {
    /// Whether more events wait after a page for which storage read `rows_read` rows: storage
    /// reads `limit + 1` rows so that the extra one, left out of the page, tells.
    pub fn more_after(page: PullPage, rows_read: usize) -> bool {
        rows_read > page.limit as usize
    }

    /// Builds the page from the rows storage read for `page`: `(position, event)` in increasing
    /// position, all after `page.after` (see [`PullResponse::more_after`]). `territory` is the
    /// campaign's territory version, which a page with more after it never carries: devices
    /// follow it once, after their last page.
    pub fn from_rows(
        page: PullPage,
        mut rows: Vec<(Cursor, EventEnvelope)>,
        territory: Option<&str>,
    ) -> PullResponse {
        let more = Self::more_after(page, rows.len());
        rows.truncate(page.limit as usize);
        let next_cursor = rows.last().map_or(page.after, |(position, _)| *position);
        PullResponse {
            events: rows.into_iter().map(|(_, event)| event).collect(),
            next_cursor,
            more,
            territory: territory.filter(|_| !more).map(str::to_owned),
        }
    }

    /// The same page as [`PullResponse::from_rows`], written straight as its JSON text from rows
    /// that hold each event's JSON already (the server stores every team view as text at push
    /// time): byte for byte what serialising the page would give, without parsing an event.
    pub fn json_from_rows(
        page: PullPage,
        rows: &[(Cursor, String)],
        territory: Option<&str>,
    ) -> String {
        let more = Self::more_after(page, rows.len());
        let rows = &rows[..rows.len().min(page.limit as usize)];
        let next_cursor = rows.last().map_or(page.after, |(position, _)| *position);
        let size: usize = rows.iter().map(|(_, json)| json.len() + 1).sum();
        let mut out = String::with_capacity(size + 128);
        out.push_str("{\"events\":[");
        for (i, (_, json)) in rows.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(json);
        }
        // A cursor is decimal digits: nothing in it needs escaping.
        out.push_str("],\"next_cursor\":\"");
        out.push_str(&next_cursor.to_string());
        out.push_str("\",\"more\":");
        out.push_str(if more { "true" } else { "false" });
        if let Some(version) = territory.filter(|_| !more) {
            out.push_str(",\"territory\":");
            // Escaped as serde would, whatever the stored version holds.
            out.push_str(&serde_json::Value::from(version).to_string());
        }
        out.push('}');
        out
    }
}

/// What a pulled page brings to the device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PullOutcome {
    /// Events the device did not hold, in the page's order: store them.
    pub new_events: Vec<EventEnvelope>,
    /// Events it already held (its own, or a page pulled twice): nothing to do.
    pub already_known: Vec<EventId>,
    /// Save it with the new events, in the same transaction.
    pub next_cursor: Cursor,
}

impl PullOutcome {
    /// The cursor to save given the one saved before: never moves backwards, so a stale or
    /// replayed answer cannot make the device download everything again.
    pub fn cursor_to_save(&self, saved: Option<Cursor>) -> Cursor {
        saved.map_or(self.next_cursor, |saved| saved.max(self.next_cursor))
    }

    /// The cursor to write, `None` when the saved one stays: a page that brings nothing new
    /// writes nothing, so a sync round still ends well on a full device.
    pub fn cursor_change(&self, saved: Option<Cursor>) -> Option<Cursor> {
        let to_save = self.cursor_to_save(saved);
        (saved != Some(to_save)).then_some(to_save)
    }
}

/// Sorts a page into what is new and what the device already holds (`known`, the ids of its log).
/// An event repeated within the page is new once. Merging the same page again, after storing its
/// new events, adds nothing.
pub fn merge_pulled(known: &HashSet<EventId>, response: &PullResponse) -> PullOutcome {
    let mut seen_here = HashSet::new();
    let mut new_events = Vec::new();
    let mut already_known = Vec::new();
    for event in &response.events {
        if known.contains(&event.id) || !seen_here.insert(&event.id) {
            already_known.push(event.id.clone());
        } else {
            new_events.push(event.clone());
        }
    }
    PullOutcome {
        new_events,
        already_known,
        next_cursor: response.next_cursor,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::wire::tests::{device, events};
    use proptest::prelude::*;

    fn page(events: Vec<EventEnvelope>, next: u64) -> PullResponse {
        PullResponse {
            events,
            next_cursor: Cursor::from_position(next),
            more: false,
            territory: None,
        }
    }

    #[test]
    fn a_pull_is_checked_and_its_limit_held_in_bounds() {
        let first = PullRequest::new(device(1), None, 0);
        assert_eq!(
            check_pull(&first, &device(1)),
            Ok(PullPage {
                after: Cursor::START,
                limit: 1
            })
        );
        let greedy = PullRequest::new(device(1), Some(Cursor::from_position(9)), u32::MAX);
        assert_eq!(
            check_pull(&greedy, &device(1)),
            Ok(PullPage {
                after: Cursor::from_position(9),
                limit: MAX_PULL_EVENTS
            })
        );
        let error = check_pull(&first, &device(2)).unwrap_err();
        assert_eq!(error.code(), "device_mismatch");
        let mut old = first.clone();
        old.version = 0;
        let error = check_pull(&old, &device(1)).unwrap_err();
        assert_eq!(error, PullError::UnsupportedVersion { found: 0 });
        assert_eq!(error.code(), "unsupported_version");
    }

    #[test]
    fn a_page_says_where_to_go_on_and_whether_more_wait() {
        let page_of_two = PullPage {
            after: Cursor::from_position(10),
            limit: 2,
        };
        let rows: Vec<_> = events(2, 3)
            .into_iter()
            .zip([11, 14, 20])
            .map(|(e, p)| (Cursor::from_position(p), e))
            .collect();
        let response = PullResponse::from_rows(page_of_two, rows.clone(), Some("v1"));
        assert_eq!(response.events.len(), 2);
        assert_eq!(response.next_cursor, Cursor::from_position(14));
        assert!(response.more);
        assert_eq!(response.territory, None, "only the last page names it");
        let last = PullResponse::from_rows(page_of_two, rows[2..].to_vec(), Some("v1"));
        assert_eq!(last.next_cursor, Cursor::from_position(20));
        assert!(!last.more);
        assert_eq!(last.territory.as_deref(), Some("v1"));
        let nothing = PullResponse::from_rows(page_of_two, vec![], None);
        assert_eq!(nothing, page(vec![], 10));
    }

    #[test]
    fn a_page_written_from_stored_json_is_the_serialised_page() {
        let rows: Vec<_> = events(2, 3)
            .into_iter()
            .zip([11, 14, 20])
            .map(|(e, p)| (Cursor::from_position(p), e))
            .collect();
        let stored: Vec<_> = rows
            .iter()
            .map(|(p, e)| (*p, serde_json::to_string(e).unwrap()))
            .collect();
        for (after, limit, take) in [(10, 2, 3), (10, 5, 3), (10, 2, 0), (20, 1, 1)] {
            let page = PullPage {
                after: Cursor::from_position(after),
                limit,
            };
            for territory in [None, Some("3f9c\"\u{e9}")] {
                let built = PullResponse::from_rows(page, rows[..take].to_vec(), territory);
                let expected = serde_json::to_string(&built).unwrap();
                assert_eq!(
                    PullResponse::json_from_rows(page, &stored[..take], territory),
                    expected
                );
                // Only the last page of a round names the territory.
                assert_eq!(
                    built.territory.is_some(),
                    territory.is_some() && !built.more
                );
            }
        }
    }

    #[test]
    fn the_saved_cursor_never_moves_back() {
        let outcome = merge_pulled(&HashSet::new(), &page(vec![], 5));
        assert_eq!(outcome.cursor_to_save(None), Cursor::from_position(5));
        let saved = Some(Cursor::from_position(8));
        assert_eq!(outcome.cursor_to_save(saved), Cursor::from_position(8));
        // Written only when it moves.
        assert_eq!(outcome.cursor_change(saved), None);
        assert_eq!(outcome.cursor_change(Some(Cursor::from_position(5))), None);
        assert_eq!(
            outcome.cursor_change(Some(Cursor::from_position(3))),
            Some(Cursor::from_position(5))
        );
        assert_eq!(outcome.cursor_change(None), Some(Cursor::from_position(5)));
    }

    #[test]
    fn an_event_repeated_in_a_page_is_new_once() {
        let event = events(2, 1).remove(0);
        let outcome = merge_pulled(
            &HashSet::new(),
            &page(vec![event.clone(), event.clone()], 1),
        );
        assert_eq!(outcome.new_events, std::slice::from_ref(&event));
        assert_eq!(outcome.already_known, [event.id]);
    }

    proptest! {
        #[test]
        fn merging_the_same_page_twice_adds_nothing(
            known_mask in prop::collection::vec(any::<bool>(), 12),
            picks in prop::collection::vec(0usize..12, 0..20),
            next in any::<u64>(),
        ) {
            let pool = events(3, 12);
            let mut known: HashSet<EventId> = pool
                .iter()
                .zip(&known_mask)
                .filter(|(_, k)| **k)
                .map(|(e, _)| e.id.clone())
                .collect();
            let response = page(picks.iter().map(|i| pool[*i].clone()).collect(), next);

            let first = merge_pulled(&known, &response);
            prop_assert_eq!(
                first.new_events.len() + first.already_known.len(),
                response.events.len()
            );
            for event in &first.new_events {
                prop_assert!(!known.contains(&event.id));
            }
            let before = known.len();
            known.extend(first.new_events.iter().map(|e| e.id.clone()));
            prop_assert_eq!(known.len(), before + first.new_events.len());

            let second = merge_pulled(&known, &response);
            prop_assert!(second.new_events.is_empty());
            prop_assert_eq!(second.already_known.len(), response.events.len());
            prop_assert_eq!(second.next_cursor, first.next_cursor);
        }
    }
}
