//! This tab's sync engine: when to run a round (start, `online`, the tab becoming visible, a
//! timer, something recorded, the "Synchroniser" button), one round at a time and one tab at a
//! time, and what the screens show of it. The round itself is in `round.rs`; every decision
//! (what an answer means, how long to wait, what to say) comes from `domain::sync`.

pub mod clock;
pub mod download;
pub mod enroll;
pub mod export;
pub mod http;
pub mod lock;
pub mod protected_export;
pub mod recovery;
mod round;
mod territory;

use crate::browser::network::browser_online;
use crate::field_data::{FieldData, StoreResource};
use crate::store::{EventStore, now_ms};
use domain::sync::reachability::{RoundAsked, round_starts};
use domain::sync::{
    Backoff, Enrollment, ROUND_AFTER_RECORD_MS, ROUND_EVERY_MS, SYNC_LOCK_NAME, SyncProblem,
    SyncRecord, Then,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use round::RoundEnd;
use std::time::Duration;

/// What the screens read, and the engine's own state.
#[derive(Clone, Copy)]
pub struct SyncEngine {
    pub enrollment: RwSignal<Option<Enrollment>>,
    pub record: RwSignal<SyncRecord>,
    /// Events in the "À vérifier" list.
    pub attention_len: RwSignal<u32>,
    /// A round is under way in this tab.
    pub running: RwSignal<bool>,
    /// False until the enrollment and the record were read: the bar says nothing rather than
    /// "not linked" for the first instant.
    pub loaded: RwSignal<bool>,
    timer: StoredValue<Timer>,
    store: StoreResource,
    data: FieldData,
}

#[derive(Default)]
struct Timer {
    handle: Option<TimeoutHandle>,
    due_ms: u64,
    backoff: Backoff,
    /// Someone asked for a round while one was running: run another right after.
    again: bool,
}

pub fn provide_sync(store: StoreResource, data: FieldData) -> SyncEngine {
    let engine = SyncEngine {
        enrollment: RwSignal::new(None),
        record: RwSignal::new(SyncRecord::default()),
        attention_len: RwSignal::new(0),
        running: RwSignal::new(false),
        loaded: RwSignal::new(false),
        timer: StoredValue::new(Timer::default()),
        store,
        data,
    };
    provide_context(engine);
    Effect::new(move |_| {
        if let Some(Ok(store)) = store.get() {
            spawn_local(async move {
                engine.reload(&store).await;
                engine.loaded.set(true);
                engine.request(RoundAsked::OnItsOwn);
            });
        }
    });
    let online = window_event_listener(leptos::ev::online, move |_| {
        engine.request(RoundAsked::OnItsOwn)
    });
    // `visibilitychange` is fired at the document and reaches the window as it bubbles.
    let visible = window_event_listener_untyped("visibilitychange", move |_| {
        let hidden = document().hidden();
        if !hidden {
            engine.request(RoundAsked::OnItsOwn);
        }
    });
    on_cleanup(move || {
        online.remove();
        visible.remove();
    });
    // Something recorded: send it soon, without a request per tap.
    Effect::new(move |previous: Option<u32>| {
        let pending = data.outbox_len.get();
        if previous.is_some_and(|p| pending > p) {
            engine.schedule(ROUND_AFTER_RECORD_MS);
        }
        pending
    });
    engine
}

/// One round under the tabs' lock, then what its end changes (the saved record, the next round,
/// a revoked link). The round's code (HTTP, the wire format, merging what was pulled) and this
/// aftermath serve only an enrolled device: with the `split` feature they are fetched on the
/// first round, not with the page (routes/on_demand.rs).
#[cfg_attr(feature = "split", leptos::lazy)]
async fn locked_round(store: EventStore, engine: SyncEngine) {
    let ended = lock::if_available(SYNC_LOCK_NAME, round::perform(store.clone(), engine)).await;
    engine.running.set(false);
    engine.round_ended(store, ended).await;
}

pub fn use_sync() -> SyncEngine {
    expect_context::<SyncEngine>()
}

impl SyncEngine {
    /// Runs a round now (the button, `online`, the tab shown); if one is running, runs another
    /// once it ends, so that what was recorded meanwhile is not left waiting for the timer.
    /// Without any network only a round asked for by hand starts (`domain::sync::reachability`).
    pub fn request(self, asked: RoundAsked) {
        if !round_starts(asked, browser_online()) {
            return;
        }
        if self.running.get_untracked() {
            self.timer.update_value(|t| t.again = true);
            return;
        }
        spawn_local(self.run());
    }

    /// Runs a round in `delay_ms`, unless one is already due sooner.
    fn schedule(self, delay_ms: u64) {
        let due = now_ms().saturating_add(delay_ms);
        let sooner = self
            .timer
            .with_value(|t| t.handle.is_some() && t.due_ms <= due);
        if sooner {
            return;
        }
        let handle = set_timeout_with_handle(
            move || {
                self.timer.update_value(|t| t.handle = None);
                if self.running.get_untracked() {
                    // The round under way may have read the outbox before what this timer is
                    // for: look again shortly after, rather than at once.
                    self.schedule(ROUND_AFTER_RECORD_MS);
                } else {
                    self.request(RoundAsked::OnItsOwn);
                }
            },
            Duration::from_millis(delay_ms),
        )
        .ok();
        self.timer.update_value(|t| {
            if let Some(old) = t.handle.take() {
                old.clear();
            }
            t.handle = handle;
            t.due_ms = due;
        });
    }

    async fn run(self) {
        let Some(Ok(store)) = self.store.get_untracked() else {
            return;
        };
        if !Enrollment::may_sync(self.enrollment.get_untracked().as_ref()) {
            return;
        }
        self.running.set(true);
        locked_round(store, self).await;
        let again = self
            .timer
            .try_update_value(|t| std::mem::take(&mut t.again));
        if again == Some(true) {
            self.request(RoundAsked::OnItsOwn);
        }
    }

    async fn round_ended(self, store: EventStore, ended: Option<RoundEnd>) {
        match ended {
            // Another tab holds the lock and does the work; show what it changed, look again later.
            None => {
                self.reload(&store).await;
                self.schedule(ROUND_EVERY_MS);
            }
            Some(RoundEnd::NotEnrolled) => {}
            Some(RoundEnd::Done(next_in_ms)) => {
                self.timer.update_value(|t| t.backoff.succeeded());
                self.save_record(&store, |r| r.succeeded(now_ms())).await;
                self.schedule(next_in_ms);
            }
            Some(RoundEnd::Failed(failure)) => {
                let then = failure.then.clone();
                self.save_record(&store, |r| r.failed(failure.problem, now_ms()))
                    .await;
                match then {
                    Then::StopUntilEnrolled => {
                        // Keep everything; stop until someone enrolls the device again.
                        if let Ok(Some(revoked)) = store.mark_revoked().await {
                            self.enrollment.set(Some(revoked));
                        }
                    }
                    Then::RetryLater { at_least_ms } => self.retry_later(at_least_ms),
                    // Handled inside the round; should one escape, it is one more failure.
                    Then::SplitBatch => self.retry_later(0),
                }
            }
        }
    }

    fn retry_later(self, at_least_ms: u64) {
        let delay = self.timer.try_update_value(|t| {
            t.backoff.failed();
            t.backoff.next_delay_ms(js_sys::Math::random())
        });
        self.schedule(delay.unwrap_or(0).max(at_least_ms));
    }

    async fn save_record(self, store: &EventStore, change: impl FnOnce(&mut SyncRecord)) {
        let mut record = self.record.get_untracked();
        change(&mut record);
        // Failing to save how the round went costs only the bar's words after a reload.
        let _ = store.save_sync_record(&record).await;
        self.record.set(record);
    }

    /// A new enrollment: forget the old link's problem and sync at once.
    pub async fn enrolled(self, store: &EventStore, enrollment: Enrollment) {
        // The walk list depends on the campaign (`domain::demo_territory::walk_list`).
        self.field_data().campaign.set(enrollment.campaign.clone());
        self.enrollment.set(Some(enrollment));
        self.timer.update_value(|t| t.backoff.succeeded());
        self.save_record(store, |r| {
            r.last_problem = None;
            r.last_problem_ms = None;
        })
        .await;
        self.request(RoundAsked::ByHand);
    }

    /// Re-reads what the store holds about sync (at start, and after another tab synced).
    pub async fn reload(self, store: &EventStore) {
        match async {
            let enrollment = store.enrollment().await?;
            let record = store.sync_record().await?;
            let attention = store.attention_len().await?;
            let pending = store.outbox_len().await?;
            Ok::<_, crate::store::idb::IdbError>((enrollment, record, attention, pending))
        }
        .await
        {
            Ok((enrollment, record, attention, pending)) => {
                self.enrollment.set(enrollment);
                self.record.set(record);
                self.attention_len.set(attention);
                self.data.outbox_len.set(pending);
            }
            Err(e) => self
                .record
                .update(|r| r.failed(SyncProblem::Storage { detail: e.detail() }, now_ms())),
        }
    }

    /// The outbox and "À vérifier" counts after a change, from the store itself.
    pub async fn refresh_counts(self, store: &EventStore) {
        if let Ok(n) = store.outbox_len().await {
            self.data.outbox_len.set(n);
        }
        if let Ok(n) = store.attention_len().await {
            self.attention_len.set(n);
        }
    }

    pub fn field_data(self) -> FieldData {
        self.data
    }
}
