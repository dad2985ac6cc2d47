//! Carries one round out: asks `domain::sync::Round` what to do, sends it, applies the answer to
//! the store in one transaction, and reports back. Nothing here decides what an answer means.

use super::SyncEngine;
use super::clock;
use super::http::{HttpFailure, post_json, take_server_time};
use crate::store::idb::IdbError;
use crate::store::sync::Sendable;
use crate::store::{EventStore, now_ms};
use domain::event::OutboxEntry;
use domain::ids::{DeviceId, EventId};
use domain::sync::{
    Action, AfterFailure, EVENT_MISSING, Enrollment, MAX_PULL_EVENTS, MAX_PUSH_EVENTS, PullRequest,
    PullResponse, PushPlan, PushRequest, PushResponse, Round, SyncProblem, TOO_LARGE, Then,
    after_failure, apply_push_response, is_practice, keep_practice_home,
};
use std::collections::HashMap;

const PUSH_PATH: &str = "/api/v1/sync/push";
const PULL_PATH: &str = "/api/v1/sync/pull";

pub(super) enum RoundEnd {
    /// Went well; the next round is due in this many milliseconds (`Round::next_round_in_ms`).
    Done(u64),
    NotEnrolled,
    Failed(AfterFailure),
}

/// One round: every batch of the outbox pushed, then pages pulled until the server has no more.
pub(super) async fn perform(store: EventStore, engine: SyncEngine) -> RoundEnd {
    match steps(&store, engine).await {
        Ok(end) => end,
        Err(failure) => RoundEnd::Failed(failure),
    }
}

async fn steps(store: &EventStore, engine: SyncEngine) -> Result<RoundEnd, AfterFailure> {
    // Read again under the lock: another tab may have enrolled or been revoked meanwhile.
    let enrollment = store.enrollment().await.map_err(storage)?;
    let Some(enrollment) = enrollment.filter(|e| Enrollment::may_sync(Some(e))) else {
        return Ok(RoundEnd::NotEnrolled);
    };
    let device = store.device().await.map_err(storage)?;
    if set_practice_aside(store, &enrollment).await? {
        engine.refresh_counts(store).await;
    }
    let outbox = store.outbox().await.map_err(storage)?;
    let entries: HashMap<EventId, OutboxEntry> = outbox
        .iter()
        .map(|e| (e.event_id.clone(), e.clone()))
        .collect();
    let mut round = Round::new(PushPlan::from_outbox(&outbox, MAX_PUSH_EVENTS));
    loop {
        match round.next() {
            Action::Push(ids) => {
                match push(store, &enrollment, &device, &entries, &ids).await? {
                    Pushed::Answered => round.pushed(),
                    Pushed::TooLarge(failure) => {
                        if let Some(alone) = round.batch_too_large() {
                            let message = match &failure.problem {
                                SyncProblem::Refused { message, .. } => message.clone(),
                                _ => String::new(),
                            };
                            store
                                .set_aside(&alone, TOO_LARGE, &message, now_ms())
                                .await
                                .map_err(storage)?;
                        }
                    }
                }
                engine.refresh_counts(store).await;
            }
            Action::Pull => {
                let more = pull(store, &enrollment, &device, engine).await?;
                round.pulled(more);
            }
            Action::Done => return Ok(RoundEnd::Done(round.next_round_in_ms())),
        }
    }
}

enum Pushed {
    Answered,
    TooLarge(AfterFailure),
}

async fn push(
    store: &EventStore,
    enrollment: &Enrollment,
    device: &DeviceId,
    entries: &HashMap<EventId, OutboxEntry>,
    ids: &[EventId],
) -> Result<Pushed, AfterFailure> {
    let found = store.events_to_send(ids).await.map_err(storage)?;
    let mut events = Vec::with_capacity(ids.len());
    for (id, event) in ids.iter().zip(found) {
        match event {
            Sendable::Ready(event) => events.push(event),
            // Sealed details and a locked device: the entry stays in the outbox until the unlock
            // (store::vault); the lock bar says how many wait.
            Sendable::WaitsForUnlock => {}
            // An outbox entry without its event cannot be sent: it goes where people look,
            // rather than blocking every round or vanishing.
            Sendable::Missing => store
                .set_aside(
                    id,
                    EVENT_MISSING,
                    "the outbox lists this event but the log does not hold it",
                    now_ms(),
                )
                .await
                .map_err(storage)?,
        }
    }
    // Practice from the demo campaign never leaves the device (domain::sync::is_practice).
    let (events, practice) = keep_practice_home(events, &enrollment.campaign);
    if !practice.practice.is_empty() {
        store
            .apply_push_update(&practice, now_ms())
            .await
            .map_err(storage)?;
    }
    if events.is_empty() {
        return Ok(Pushed::Answered);
    }
    let sent: Vec<OutboxEntry> = events
        .iter()
        .filter_map(|e| entries.get(&e.id).cloned())
        .collect();
    let request = PushRequest::new(device.clone(), events);
    let answer = post_json(PUSH_PATH, Some(&enrollment.token), &request).await;
    learn_server_time(store).await?;
    let body = match answer {
        Ok(body) => body,
        Err(failed) => {
            let failure = failure_of(&failed);
            return match failure.then {
                Then::SplitBatch => Ok(Pushed::TooLarge(failure)),
                _ => Err(failure),
            };
        }
    };
    let response: PushResponse = serde_json::from_str(&body).map_err(|_| unreadable())?;
    let update = apply_push_response(&sent, &response);
    store
        .apply_push_update(&update, now_ms())
        .await
        .map_err(storage)?;
    Ok(Pushed::Answered)
}

/// Pulls one page and saves it with its cursor; returns whether more wait.
async fn pull(
    store: &EventStore,
    enrollment: &Enrollment,
    device: &DeviceId,
    engine: SyncEngine,
) -> Result<bool, AfterFailure> {
    let cursor = store.pull_cursor().await.map_err(storage)?;
    let request = PullRequest::new(device.clone(), cursor, MAX_PULL_EVENTS);
    let answer = post_json(PULL_PATH, Some(&enrollment.token), &request).await;
    learn_server_time(store).await?;
    let body = answer.map_err(|f| failure_of(&f))?;
    let page: PullResponse = serde_json::from_str(&body).map_err(|_| unreadable())?;
    // territory (#7): after the last page, the campaign's attached territory if it changed.
    if !page.more {
        super::territory::follow(store, engine, enrollment, page.territory.as_deref()).await?;
    }
    let added = store
        .save_pulled_page(&page, clock::stamping_now_ms())
        .await
        .map_err(storage)?;
    if crate::store::erasure::brings_erasure(&added) {
        // Events already on screen were rewritten in the store: read the log again.
        engine.field_data().reload(store.clone());
    } else if !added.is_empty() {
        engine.field_data().received(added);
    }
    Ok(page.more)
}

/// Takes the practice events ([`is_practice`]) out of the "À vérifier" list, where a device
/// enrolled before this rule put them (the server refused them as `unknown_campaign`); returns
/// whether there were any.
async fn set_practice_aside(
    store: &EventStore,
    enrollment: &Enrollment,
) -> Result<bool, AfterFailure> {
    let waiting = store.attention().await.map_err(storage)?;
    let ids: Vec<EventId> = waiting.into_iter().map(|e| e.event_id).collect();
    let events = store.events_by_id(&ids).await.map_err(storage)?;
    let practice: Vec<_> = events
        .into_iter()
        .flatten()
        .filter(|e| is_practice(e, &enrollment.campaign))
        .collect();
    if practice.is_empty() {
        return Ok(false);
    }
    let (_, update) = keep_practice_home(practice, &enrollment.campaign);
    store
        .apply_push_update(&update, now_ms())
        .await
        .map_err(storage)?;
    Ok(true)
}

/// Learns the server's time from the answer just read (its `Date` header), and brings the
/// device's clock back from the future when it ran days ahead (domain::clock::server_time).
async fn learn_server_time(store: &EventStore) -> Result<(), AfterFailure> {
    if let Some(seen) = take_server_time()
        && clock::learn(seen).is_some()
    {
        store
            .leave_the_future(clock::stamping_now_ms())
            .await
            .map_err(storage)?;
    }
    Ok(())
}

pub(super) fn failure_of(failed: &HttpFailure) -> AfterFailure {
    after_failure(failed.as_failed())
}

pub(super) fn unreadable() -> AfterFailure {
    AfterFailure {
        problem: SyncProblem::UnreadableAnswer,
        then: Then::RetryLater { at_least_ms: 0 },
    }
}

pub(super) fn storage(e: IdbError) -> AfterFailure {
    AfterFailure {
        problem: SyncProblem::Storage { detail: e.detail() },
        then: Then::RetryLater { at_least_ms: 0 },
    }
}
