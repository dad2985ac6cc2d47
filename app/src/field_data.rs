//! What the field screens share: the territory and the event log as signals, loaded once from the
//! device's store and refreshed after each write, so that every screen shows the same truth.

use crate::store::EventStore;
use crate::store::idb::IdbError;
use domain::canvass::status::{DoorState, door_states};
use domain::demo_territory::{is_at_demo_estate, walk_list};
use domain::event::{EventBody, EventEnvelope};
use domain::ids::{CampaignId, DeviceId};
use domain::sync::Enrollment;
use domain::territory::{DoorId, Territory};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeMap;

#[derive(Clone, Copy)]
pub struct FieldData {
    /// The résidences this device walks: what the store holds, without the demo estate once a
    /// real campaign brought résidences of its own (`domain::demo_territory::walk_list`),
    /// derived here only, so that every way the territory or the link changes goes through it.
    pub territory: Memo<Territory>,
    /// Every résidence the store holds (the demo estate included): set after a read, an import
    /// or a territory fetched from the campaign.
    pub stored_territory: RwSignal<Territory>,
    /// The campaign this device records in (the demo one until it is linked).
    pub campaign: RwSignal<CampaignId>,
    pub events: RwSignal<Vec<EventEnvelope>>,
    pub outbox_len: RwSignal<u32>,
    /// This device's id: the log also holds the team's events, pulled from the server, and "my
    /// day" counts only what was recorded here.
    pub device: RwSignal<Option<DeviceId>>,
    /// Each door's state, folded once per change of the log and shared by every field screen.
    pub door_states: Memo<BTreeMap<DoorId, DoorState>>,
    /// False until the first load finished: screens say "loading" rather than "empty".
    pub loaded: RwSignal<bool>,
    /// Set by the first screen that reads the log: the home screen and the status bar never do,
    /// so a device that only opens them neither reads the log nor downloads the code to read it.
    wanted: RwSignal<bool>,
    pub problem: RwSignal<Option<IdbError>>,
    /// Bumped by every change written to the store while the screens run (a visit, a pull, a
    /// territory): a count of the outbox that saw one happen under it is taken again.
    changes: StoredValue<u64>,
    /// The reads of the log under way and what arrived under each (see [`Reads`]).
    reads: StoredValue<Reads>,
}

/// Reads of the whole log under way, by ticket, with what arrived in the store under each: a read
/// that ends shows what it read with what arrived (`domain::log_read`) instead of reading again.
#[derive(Default)]
struct Reads {
    next_ticket: u64,
    /// The newest read shown: an older read that ends later would show an older log.
    shown: Option<u64>,
    under_way: BTreeMap<u64, Arrived>,
}

impl Reads {
    /// A read starts: its ticket, with nothing arrived under it yet.
    fn begin(&mut self) -> u64 {
        let ticket = self.next_ticket;
        self.next_ticket += 1;
        self.under_way.insert(ticket, Arrived::default());
        ticket
    }

    /// The read `ticket` ended: what arrived under it.
    fn end(&mut self, ticket: u64) -> Arrived {
        self.under_way.remove(&ticket).unwrap_or_default()
    }

    /// Whether the read `ticket` may be shown (no later read is on screen); marks it shown.
    fn show(&mut self, ticket: u64) -> bool {
        let newest = self.shown.is_none_or(|shown| shown < ticket);
        if newest {
            self.shown = Some(ticket);
        }
        newest
    }
}

/// What reached the store while one read of the log was under way.
#[derive(Default)]
struct Arrived {
    events: Vec<EventEnvelope>,
    /// A territory saved and shown meanwhile: newer than the one the read found.
    territory: bool,
    /// Everything deleted meanwhile: what the read found may be gone.
    wiped: bool,
    /// The device was locked meanwhile: the read may have found residents' details in clear,
    /// which must not come back on screen; how to hide them (see [`FieldData::hide_personal`]).
    locked: Option<HidePersonal>,
}

pub type StoreResource = LocalResource<Result<EventStore, IdbError>>;

/// Replaces every resident's detail held by these events (`domain::at_rest::hide_personal`).
pub type HidePersonal = fn(&mut [EventEnvelope]);

pub fn provide_field_data(store: StoreResource) -> FieldData {
    let data = FieldData::new();
    provide_context(data);
    Effect::new(move |_| {
        if !data.wanted.get() {
            return;
        }
        match store.get() {
            Some(Ok(store)) => data.reload(store),
            Some(Err(e)) => data.problem.set(Some(e)),
            None => {}
        }
    });
    data
}

impl FieldData {
    /// Nothing read yet: the demo campaign, no territory, no event.
    fn new() -> Self {
        let events = RwSignal::new(Vec::<EventEnvelope>::new());
        let stored_territory = RwSignal::new(Territory::default());
        let campaign = RwSignal::new(CampaignId::demo());
        FieldData {
            territory: Memo::new(move |_| {
                stored_territory.with(|t| campaign.with(|c| walk_list(t.clone(), c)))
            }),
            stored_territory,
            campaign,
            events,
            door_states: Memo::new(move |_| events.with(|events| door_states(events))),
            outbox_len: RwSignal::new(0),
            device: RwSignal::new(None),
            loaded: RwSignal::new(false),
            problem: RwSignal::new(None),
            wanted: RwSignal::new(false),
            changes: StoredValue::new(0),
            reads: StoredValue::new(Reads::default()),
        }
    }
}

/// The territory and the log, read from the store the first time a screen asks.
pub fn use_field_data() -> FieldData {
    let data = use_field_counts();
    data.want();
    data
}

/// The same signals without asking for the log: for the status bar, which shows only the count
/// of what waits to be sent (kept up to date by the sync engine).
pub fn use_field_counts() -> FieldData {
    expect_context::<FieldData>()
}

pub fn use_store() -> Option<EventStore> {
    expect_context::<StoreResource>().get().and_then(Result::ok)
}

impl FieldData {
    /// Adds events just recorded on this device without re-reading the whole log: after a visit
    /// the screens update at once, whatever the size of the log.
    pub fn recorded(self, events: impl IntoIterator<Item = EventEnvelope>) {
        self.changed();
        let events: Vec<EventEnvelope> = events.into_iter().collect();
        self.arrived(|arrived| arrived.events.extend(events.iter().cloned()));
        let added = events.len() as u32;
        self.events.update(|all| all.extend(events));
        self.outbox_len.update(|n| *n += added);
    }

    /// Adds events pulled from the rest of the team (never counted as waiting to be sent), in
    /// clock order among the others, so that door states fold them where they belong.
    pub fn received(self, events: Vec<EventEnvelope>) {
        self.changed();
        self.arrived(|arrived| arrived.events.extend(events.iter().cloned()));
        self.events.update(|all| {
            all.extend(events);
            all.sort_by(|a, b| a.hlc.cmp(&b.hlc));
        });
    }

    /// Asks for the log to be read, once: for signals made before anyone reads them (the
    /// campaign settings the kiosk gate holds for every screen, campaign_settings.rs).
    pub fn want(self) {
        if !self.wanted.get_untracked() {
            self.wanted.set(true);
        }
    }

    /// The résidences the store holds now (after an import or a fetched campaign territory).
    pub fn store_territory(self, territory: Territory) {
        self.changed();
        self.arrived(|arrived| arrived.territory = true);
        self.stored_territory.set(territory);
    }

    /// Nothing is left on the device: the screens show an empty log and the demo campaign.
    pub fn wiped(self) {
        self.changed();
        self.arrived(|arrived| arrived.wiped = true);
        self.events.set(Vec::new());
        self.outbox_len.set(0);
        self.stored_territory.set(Territory::default());
        self.campaign.set(CampaignId::demo());
        DEMO_NOT_STORED.set(false);
    }

    /// The device was just locked: residents' details leave the screens now, and a read of the
    /// log begun before the lock shows none when it ends (the lock's own read comes after it).
    /// `hide` is `domain::at_rest::hide_personal`, given by the lock: named here, its code would
    /// join the first load, which never locks anything.
    pub fn hide_personal(self, hide: HidePersonal) {
        self.arrived(|arrived| arrived.locked = Some(hide));
        self.events.update(|events| hide(events));
    }

    fn changed(self) {
        self.changes.update_value(|n| *n += 1);
    }

    /// Notes a change in what arrived under every read of the log under way.
    fn arrived(self, note: impl Fn(&mut Arrived)) {
        self.reads
            .update_value(|reads| reads.under_way.values_mut().for_each(&note));
    }

    pub fn reload(self, store: EventStore) {
        spawn_local(async move {
            let (ticket, result, arrived) = loop {
                let ticket = self
                    .reads
                    .try_update_value(Reads::begin)
                    .unwrap_or_default();
                let result = read_log(store.clone(), self.loaded.get_untracked()).await;
                let arrived = self
                    .reads
                    .try_update_value(|r| r.end(ticket))
                    .unwrap_or_default();
                // Wiped under the read: what it found may be gone, and the store is empty now.
                if result.is_err() || !arrived.wiped {
                    break (ticket, result, arrived);
                }
            };
            // A later read already on screen (a second reload overtook this one).
            // (Or the screens are gone.)
            if !self
                .reads
                .try_update_value(|r| r.show(ticket))
                .unwrap_or(false)
            {
                return;
            }
            match result {
                Ok((territory, campaign, events, outbox, device)) => {
                    // Shown before anything else is awaited: what arrives from now on is added
                    // to the screens' copy by `recorded` and `received` themselves.
                    let recount = !arrived.events.is_empty();
                    self.device.set(Some(device));
                    self.campaign.set(campaign);
                    if !arrived.territory {
                        self.stored_territory.set(territory);
                    }
                    let mut events = domain::log_read::with_arrived(events, arrived.events);
                    if let Some(hide) = arrived.locked {
                        hide(&mut events);
                    }
                    self.events.set(events);
                    let outbox = match recount {
                        // The read's count may have missed what was recorded under it.
                        true => self.count_outbox(&store).await,
                        false => Ok(outbox),
                    };
                    match outbox {
                        Ok(outbox) => {
                            self.outbox_len.set(outbox);
                            self.problem.set(None);
                        }
                        Err(e) => self.problem.set(Some(e)),
                    }
                }
                Err(e) => self.problem.set(Some(e)),
            }
            self.loaded.set(true);
        });
    }

    /// What waits to be sent, counted when nothing was recorded during the count: a count is
    /// one request, so counting again is cheap where reading the log again was not.
    async fn count_outbox(self, store: &EventStore) -> Result<u32, IdbError> {
        loop {
            let before = self.changes.get_value();
            let count = store.outbox_len().await?;
            if self.changes.get_value() == before {
                return Ok(count);
            }
        }
    }
}

/// Records what a volunteer did at a door or in a résidence, in one transaction: in the demo
/// campaign when it was done at the demo estate (practice, never sent:
/// `domain::demo_territory::campaign_for`), under the device's campaign otherwise.
///
/// Only the field screens call it, so the demo estate's door list it consults is cut out of the
/// shell with them (wasm-split): the store's own write path does not know about the demo estate.
pub async fn record_in_place(
    store: &EventStore,
    bodies: Vec<EventBody>,
) -> Result<Vec<EventEnvelope>, IdbError> {
    let campaign = campaign_in_place(&bodies);
    store
        .record_batch_under(crate::volunteer::current_actor(), campaign, bodies)
        .await
}

/// The same for one event.
pub async fn record_one_in_place(
    store: &EventStore,
    body: EventBody,
) -> Result<EventEnvelope, IdbError> {
    let campaign = campaign_in_place(std::slice::from_ref(&body));
    store
        .record_under(crate::volunteer::current_actor(), campaign, body)
        .await
}

/// The demo campaign for what was done at the demo estate; `None` (the device's campaign) else.
fn campaign_in_place(bodies: &[EventBody]) -> Option<CampaignId> {
    bodies.iter().any(is_at_demo_estate).then(CampaignId::demo)
}

thread_local! {
    /// The demo estate is on screen but could not be stored yet (a full device at the first
    /// start): each read of the log shows it and tries again.
    static DEMO_NOT_STORED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Reading and decoding the whole log is a good part of the app's code: with the `split` feature
/// it arrives on demand like the screens that need it (routes/on_demand.rs).
#[cfg_attr(feature = "split", leptos::lazy)]
async fn read_log(store: EventStore, loaded_before: bool) -> Result<LoadedLog, IdbError> {
    let mut territory = store.territory().await?;
    if !territory.residences.is_empty() {
        DEMO_NOT_STORED.set(false);
    } else if !loaded_before || DEMO_NOT_STORED.get() {
        // First start on this device: the demo estate, so the walk list is never empty. Shown
        // even when it cannot be stored (a full device), and tried again at each read until it
        // is, so that a later read (after a lock, a sync round) does not empty the walk list.
        let demo = domain::demo_territory::territory();
        let stored = store.save_residences(&demo.residences).await;
        if let Err(e) = &stored {
            web_sys::console::warn_1(&format!("demo estate not stored: {}", e.detail()).into());
        }
        DEMO_NOT_STORED.set(stored.is_err());
        territory = demo;
    }
    let events = store.events().await?;
    let outbox = store.outbox_len().await?;
    let device = store.device().await?;
    let enrollment = store.enrollment().await?;
    let campaign = Enrollment::campaign_for_new_events(enrollment.as_ref());
    Ok((territory, campaign, events, outbox, device))
}

type LoadedLog = (Territory, CampaignId, Vec<EventEnvelope>, u32, DeviceId);

#[cfg(all(test, target_arch = "wasm32"))]
mod reload_tests;
