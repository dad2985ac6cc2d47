//! Recording many events at once: every event with its outbox entry, and the recorder's new state,
//! in ONE IndexedDB transaction — all of them durable together, or none (an import, a session
//! typed in at the office, the event-store benchmarks). `EventStore::record` is a batch of one.

use super::idb::{self, IdbError, IdbResult, WriteTx};
use super::idb_records;
use super::recorder_cache;
use super::sync::ENROLLMENT_KEY;
use super::vault::{self, AtRest};
use super::{
    EventStore, RECORDER_KEY, fill_random, from_json, outbox_record, recorder_from, recorder_record,
};
use domain::event::{Actor, EventBody, EventEnvelope, OutboxEntry, Recorder};
use domain::ids::{CampaignId, EventId};
use domain::storage_schema::{EVENTS, META, OUTBOX};
use domain::sync::Enrollment;
use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue};

/// Random bytes in one event id.
const ID_RANDOM: usize = 10;

impl EventStore {
    /// Records `bodies` in order, each with its outbox entry, under the campaign the device is
    /// enrolled in, in a single transaction waited until `complete`. Returns the events written.
    pub async fn record_batch(
        &self,
        actor: Actor,
        bodies: Vec<EventBody>,
    ) -> IdbResult<Vec<EventEnvelope>> {
        self.record_batch_under(actor, None, bodies).await
    }

    /// The same under a given campaign, whatever the enrollment (tests, benchmarks).
    pub async fn record_batch_in(
        &self,
        actor: Actor,
        campaign: CampaignId,
        bodies: Vec<EventBody>,
    ) -> IdbResult<Vec<EventEnvelope>> {
        self.record_batch_under(actor, Some(campaign), bodies).await
    }

    /// Under `campaign`, or (`None`) the campaign of the device's enrollment, read with the
    /// recorder in the write's own transaction.
    pub(crate) async fn record_batch_under(
        &self,
        actor: Actor,
        campaign: Option<CampaignId>,
        bodies: Vec<EventBody>,
    ) -> IdbResult<Vec<EventEnvelope>> {
        // The clock and every id's randomness before the transaction opens, so that a batch's ids
        // are known in time to be checked in the same round trip as the recorder's read. One draw
        // for the whole batch, its ids counting up from it: they ascend as they are written,
        // which IndexedDB took 8 % (10,000 events) to 20 % (100,000) faster than the same batch
        // with its keys in random order (BENCHMARKS.md, history).
        let now = crate::sync::clock::stamping_now_ms();
        let mut start = [0u8; ID_RANDOM];
        fill_random(&mut start);
        let random = EventId::ascending_randomness(start, bodies.len());
        self.record_drawn(actor, campaign, bodies, now, &random)
            .await
    }

    /// The batch write with its clock reading and ids' randomness given (`ID_RANDOM` bytes per
    /// body): tests give ids that collide on purpose.
    pub(super) async fn record_drawn(
        &self,
        actor: Actor,
        campaign: Option<CampaignId>,
        bodies: Vec<EventBody>,
        now: u64,
        random: &[u8],
    ) -> IdbResult<Vec<EventEnvelope>> {
        // As in `record`: residents' details are sealed before the transaction opens (awaiting
        // WebCrypto inside it would let IndexedDB commit it half-written).
        let mut at_rest: Vec<AtRest> = Vec::with_capacity(bodies.len());
        for body in &bodies {
            at_rest.push(self.prepare(body, false).await?);
        }
        let database = self.database().name();
        if let (Some(known), generation) = recorder_cache::get(&database) {
            let from_copy = self
                .write_drawn(
                    (Some(known), generation),
                    &actor,
                    &campaign,
                    bodies.clone(),
                    &at_rest,
                    now,
                    random,
                )
                .await;
            match from_copy {
                // A sequence number already taken: the copy was behind what is stored (another
                // tab, or a second write of this one, recorded first). Nothing was written; the
                // same events are made again from the stored recorder.
                Err(IdbError::Failed { name, .. }) if name == "ConstraintError" => {}
                done => return done,
            }
        }
        let generation = recorder_cache::get(&database).1;
        self.write_drawn(
            (None, generation),
            &actor,
            &campaign,
            bodies,
            &at_rest,
            now,
            random,
        )
        .await
    }

    /// One transaction of the batch write, from the recorder and enrollment this tab knows, or
    /// (`None`) from those it reads in the transaction; `generation` as the copy was taken.
    #[allow(clippy::too_many_arguments)]
    async fn write_drawn(
        &self,
        (known, generation): (Option<recorder_cache::Known>, u64),
        actor: &Actor,
        campaign: &Option<CampaignId>,
        bodies: Vec<EventBody>,
        at_rest: &[AtRest],
        now: u64,
        random: &[u8],
    ) -> IdbResult<Vec<EventEnvelope>> {
        let database = self.database().name();
        let tx = WriteTx::begin(self.database(), &[EVENTS, OUTBOX, META])?;
        // Without a copy, the recorder is read inside the transaction that writes its next
        // state, with the enrollment, by one request; for a batch of several events, how many
        // stored ids share its millisecond too: all answered in the same round trip.
        let read = async {
            match known {
                Some(known) => Ok(known),
                None => {
                    let (recorder, enrollment) = read_recorder_and_enrollment(&tx).await?;
                    Ok::<_, IdbError>(recorder_cache::Known {
                        recorder,
                        enrollment,
                    })
                }
            }
        };
        let none_stored = async {
            match bodies.len() {
                0 | 1 => Ok(false),
                _ => none_stored_in_millisecond(&tx, now).await,
            }
        };
        let (known, none_stored) = match idb::both(read, none_stored).await {
            (Ok(read), Ok(none_stored)) => (read, none_stored),
            (Err(e), _) | (_, Err(e)) => {
                tx.abort();
                return Err(e);
            }
        };
        let recorder_cache::Known {
            mut recorder,
            enrollment,
        } = known;
        let campaign = campaign
            .clone()
            .unwrap_or_else(|| Enrollment::campaign_for_new_events(enrollment.as_ref()));
        let events: Vec<EventEnvelope> = bodies
            .into_iter()
            .zip(random.chunks_exact(ID_RANDOM))
            .map(|(body, random)| {
                let random: [u8; ID_RANDOM] = random.try_into().expect("chunks of ID_RANDOM");
                recorder.record(now, random, actor.clone(), campaign.clone(), body)
            })
            .collect();
        // Events are added with `add`, which refuses an id already stored (one more read in the
        // browser's database per event). A batch whose millisecond holds no stored id and whose
        // own ids are all different cannot hit one: its events are `put`, with the same outcome.
        let put_events = none_stored && ids_all_different(&events);
        let written = (|| -> IdbResult<()> {
            // The two stores once, not per request: with 100,000 events the lookups would show.
            let event_store = tx.store(EVENTS)?;
            let outbox_store = tx.store(OUTBOX)?;
            let mut packed = match put_events {
                true => idb_records::Packed::putting_events(),
                false => idb_records::Packed::default(),
            };
            for (event, at_rest) in events.iter().zip(at_rest) {
                let outbox = OutboxEntry::for_event(event, now);
                match at_rest {
                    // Most events: packed, and added many at a time by one call into JS.
                    AtRest::Plain => packed.push(&event_store, event, &outbox)?,
                    _ => {
                        // In order: what is packed goes first.
                        packed.flush(&event_store)?;
                        let record = vault::stored_record(event, at_rest)?;
                        match put_events {
                            true => event_store.put(&record),
                            false => event_store.add(&record),
                        }
                        .map_err(|e| IdbError::from_js(&e))?;
                        // As in the packed path: the event's `add` (or the batch's check
                        // above) already guards the id.
                        outbox_store
                            .put(&outbox_record(&outbox)?)
                            .map_err(|e| IdbError::from_js(&e))?;
                    }
                }
                vault::note_plain_details(&tx, event, at_rest)?;
            }
            packed.finish(&event_store, &outbox_store)?;
            tx.put(META, &recorder_record(&recorder)?)?;
            Ok(())
        })();
        let done = match written {
            Ok(()) => tx.committed().await.map(|()| events),
            Err(e) => {
                tx.abort();
                Err(e)
            }
        };
        match &done {
            Ok(_) => recorder_cache::keep(
                &database,
                recorder_cache::Known {
                    recorder,
                    enrollment,
                },
                generation,
            ),
            Err(_) => recorder_cache::drop_local(&database),
        }
        done
    }
}

/// The recorder and the enrollment, read by ONE request: every meta record whose key lies between
/// "enrollment" and "recorder" (besides them, today, "keyring" and "pull_cursor", a few hundred
/// bytes). Two `get`s cost the single write a second answer to wait for: 0.1 ms at the median
/// and more in the tail on a busy machine (BENCHMARKS.md, event store).
async fn read_recorder_and_enrollment(tx: &WriteTx) -> IdbResult<(Recorder, Option<Enrollment>)> {
    let request = idb_records::get_all_between(&tx.store(META)?, ENROLLMENT_KEY, RECORDER_KEY)
        .map_err(|e| IdbError::from_js(&e))?;
    let records: Array = idb::request(&request).await?.unchecked_into();
    let (mut recorder, mut enrollment) = (JsValue::UNDEFINED, None);
    for record in records.iter() {
        match idb::field_string(&record, "key").as_deref() {
            Some(RECORDER_KEY) => recorder = record,
            Some(ENROLLMENT_KEY) => enrollment = Some(from_json(&record)?),
            _ => {}
        }
    }
    Ok((recorder_from(&recorder)?, enrollment))
}

/// True when no stored event's id starts with the millisecond `now`: every id of a batch made at
/// `now` (a UUIDv7: the millisecond, then random bits) lies between the lowest and the highest id
/// of that millisecond, so one count tells that none of them is stored yet.
async fn none_stored_in_millisecond(tx: &WriteTx, now: u64) -> IdbResult<bool> {
    let lowest = EventId::new_v7(now, [0x00; ID_RANDOM]);
    let highest = EventId::new_v7(now, [0xff; ID_RANDOM]);
    let request =
        idb_records::count_keys_between(&tx.store(EVENTS)?, lowest.as_str(), highest.as_str())
            .map_err(|e| IdbError::from_js(&e))?;
    Ok(idb::request(&request).await?.as_f64() == Some(0.0))
}

/// True when no two events of the batch share an id (the check `add` made within the batch).
fn ids_all_different(events: &[EventEnvelope]) -> bool {
    // A batch's ids ascend as made (`EventId::ascending_randomness`): one pass, no sort.
    if events.windows(2).all(|pair| pair[0].id < pair[1].id) {
        return true;
    }
    let mut ids: Vec<&str> = events.iter().map(|e| e.id.as_str()).collect();
    ids.sort_unstable();
    ids.windows(2).all(|pair| pair[0] != pair[1])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{idb, read_recorder};
    use domain::calendar::{LocalDate, PartOfDay};
    use domain::canvass::DoorOutcome;
    use domain::storage_schema::{self, EVENTS};
    use domain::territory::DoorId;
    use wasm_bindgen_test::*;

    fn visit(n: u64) -> EventBody {
        EventBody::DoorVisited {
            door: DoorId(format!("door-{n}")),
            outcome: DoorOutcome::Absent,
            note: None,
            wellbeing: None,
            local_date: LocalDate::new(2026, 11, 26).expect("date"),
            part_of_day: PartOfDay::Morning,
        }
    }

    async fn fresh() -> (EventStore, String) {
        let name = format!("palier-batch-{}", js_sys::Math::random());
        let store = EventStore::open_named(&name, storage_schema::current_version())
            .await
            .expect("open");
        (store, name)
    }

    #[wasm_bindgen_test]
    async fn a_batch_lands_whole_with_its_outbox_and_continues_the_sequence() {
        let (store, name) = fresh().await;
        let single = store.record(Actor::Device, visit(0)).await.expect("one");
        let batch = store
            .record_batch(Actor::Device, (1..=250).map(visit).collect())
            .await
            .expect("batch");
        assert_eq!(batch.len(), 250);
        // One recorder: the batch follows the single write without a gap, and the next single
        // write follows the batch.
        let seqs: Vec<u64> = batch.iter().map(|e| e.seq).collect();
        assert_eq!(
            seqs,
            ((single.seq + 1)..=(single.seq + 250)).collect::<Vec<_>>()
        );
        // Its ids ascend as made (one draw counted up), so its records go in in key order.
        assert!(batch.windows(2).all(|pair| pair[0].id < pair[1].id));
        let after = store
            .record(Actor::Device, visit(999))
            .await
            .expect("after");
        assert_eq!(after.seq, single.seq + 251);
        let stored = store.events().await.expect("events");
        assert_eq!(stored.len(), 252);
        assert!(stored.iter().any(|e| e == &batch[249]));
        let outbox = store.outbox().await.expect("outbox");
        assert_eq!(outbox.len(), 252);
        assert_eq!(outbox[125].event_id, batch[124].id);
        store.close();
        idb::delete_database(&name).await.expect("cleanup");
    }

    /// The record as the store wrote it before records were built in JS: field by field.
    fn record_built_field_by_field(event: &EventEnvelope) -> String {
        let record = idb::record(&[
            ("id", event.id.as_str().into()),
            ("seq", wasm_bindgen::JsValue::from_f64(event.seq as f64)),
            (
                "device_seq",
                storage_schema::device_seq(event.device.as_str(), event.seq).into(),
            ),
            ("hlc", event.hlc.to_string().into()),
            ("json", crate::store::to_json(event).expect("json").into()),
        ]);
        String::from(js_sys::JSON::stringify(&record).expect("text"))
    }

    #[wasm_bindgen_test]
    async fn a_large_batch_stores_every_record_in_the_shape_devices_already_hold() {
        let (store, name) = fresh().await;
        // More than one packed text (flushed at each megabyte; a visit packs to over 400 bytes),
        // and a visit with a note in the middle: on a device without a PIN it is packed too.
        let mut bodies: Vec<EventBody> = (0..2_500).map(visit).collect();
        if let EventBody::DoorVisited { note, .. } = &mut bodies[1_234] {
            *note = Some("Repasser \"après\" 18 h\n\u{0}ou demain".into());
        }
        let batch = store
            .record_batch(Actor::Device, bodies)
            .await
            .expect("batch");
        let mut stored: Vec<String> = idb::get_all(store.database(), EVENTS, Some("by_device_seq"))
            .await
            .expect("raw")
            .iter()
            .map(|r| String::from(js_sys::JSON::stringify(&r).expect("text")))
            .collect();
        stored.sort();
        let mut expected: Vec<String> = batch.iter().map(record_built_field_by_field).collect();
        expected.sort();
        assert_eq!(stored.len(), 2_500);
        assert!(
            stored == expected,
            "a record differs from the field-by-field shape"
        );
        assert_eq!(
            crate::store::event_record(&batch[7])
                .map(|r| String::from(js_sys::JSON::stringify(&r).expect("text")))
                .expect("record"),
            record_built_field_by_field(&batch[7])
        );
        let outbox = store.outbox().await.expect("outbox");
        assert_eq!(outbox.len(), 2_500);
        assert_eq!(outbox[2_499].event_id, batch[2_499].id);
        // Read back whole, the note with its quote, line break and NUL included.
        let events = store.events().await.expect("events");
        assert!(events.iter().any(|e| e == &batch[1_234]));
        store.close();
        idb::delete_database(&name).await.expect("cleanup");
    }

    #[wasm_bindgen_test]
    async fn a_batch_that_cannot_be_written_leaves_nothing_behind() {
        let (store, name) = fresh().await;
        // Another device's event already holds the key of the batch's first event: IndexedDB
        // refuses the `add` and the whole transaction, earlier events of the batch included.
        let first = store.record(Actor::Device, visit(0)).await.expect("one");
        let tx = WriteTx::begin(store.database(), &[META]).expect("tx");
        let mut recorder = read_recorder(&tx).await.expect("recorder");
        tx.abort();
        // Wind the stored recorder back so that the batch hands out `first`'s sequence again:
        // its `device_seq` collides on the unique index.
        recorder.next_seq = first.seq;
        let tx = WriteTx::begin(store.database(), &[META]).expect("tx");
        tx.put(META, &recorder_record(&recorder).expect("rec"))
            .expect("put");
        tx.committed().await.expect("rewind");
        // As every change of the recorder other than a recording does: this tab's copy goes.
        recorder_cache::while_changing(&name, async {}).await;
        let refused = store
            .record_batch(Actor::Device, (1..=50).map(visit).collect())
            .await;
        assert!(refused.is_err(), "a colliding batch was accepted");
        assert_eq!(store.events().await.expect("events").len(), 1);
        assert_eq!(store.outbox_len().await.expect("outbox"), 1);
        store.close();
        idb::delete_database(&name).await.expect("cleanup");
    }

    /// Each id's randomness from one seed byte: equal seeds make equal ids in one millisecond.
    fn drawn(seeds: &[u8]) -> Vec<u8> {
        seeds.iter().flat_map(|&seed| [seed; ID_RANDOM]).collect()
    }

    const MOMENT: u64 = 1_764_200_000_000;

    #[wasm_bindgen_test]
    async fn a_batch_holding_an_id_already_stored_is_refused_whole() {
        let (store, name) = fresh().await;
        let first = store
            .record_drawn(
                Actor::Device,
                None,
                vec![visit(0), visit(1)],
                MOMENT,
                &drawn(&[1, 2]),
            )
            .await
            .expect("first batch");
        // The same millisecond and seed 2 again: the second event's id is already stored. A `put`
        // would overwrite that event silently; the batch must be refused, and nothing of it kept.
        let refused = store
            .record_drawn(
                Actor::Device,
                None,
                (3..6).map(visit).collect(),
                MOMENT,
                &drawn(&[3, 2, 4]),
            )
            .await;
        assert!(refused.is_err(), "a batch reusing a stored id was accepted");
        assert_eq!(store.events().await.expect("events"), first);
        assert_eq!(store.outbox_len().await.expect("outbox"), 2);
        // The same millisecond with ids of its own is written (each event checked by `add`).
        let same_moment = store
            .record_drawn(
                Actor::Device,
                None,
                (3..6).map(visit).collect(),
                MOMENT,
                &drawn(&[3, 5, 4]),
            )
            .await
            .expect("same millisecond, new ids");
        assert_eq!(same_moment[0].seq, first[1].seq + 1);
        assert_eq!(store.events().await.expect("events").len(), 5);
        assert_eq!(store.outbox_len().await.expect("outbox"), 5);
        store.close();
        idb::delete_database(&name).await.expect("cleanup");
    }

    #[wasm_bindgen_test]
    async fn a_batch_repeating_one_of_its_own_ids_is_refused_whole() {
        let (store, name) = fresh().await;
        // A millisecond no stored event has: the only clash is inside the batch itself.
        let refused = store
            .record_drawn(
                Actor::Device,
                None,
                (0..4).map(visit).collect(),
                MOMENT,
                &drawn(&[7, 8, 9, 7]),
            )
            .await;
        assert!(refused.is_err(), "a batch with one id twice was accepted");
        assert!(store.events().await.expect("events").is_empty());
        assert_eq!(store.outbox_len().await.expect("outbox"), 0);
        // Distinct ids in that millisecond go in whole (the `put` path).
        let written = store
            .record_drawn(
                Actor::Device,
                None,
                (0..4).map(visit).collect(),
                MOMENT,
                &drawn(&[7, 8, 9, 10]),
            )
            .await
            .expect("distinct ids");
        let mut stored = store.events().await.expect("events");
        stored.sort_by_key(|e| e.seq);
        assert_eq!(stored, written);
        assert_eq!(store.outbox_len().await.expect("outbox"), 4);
        store.close();
        idb::delete_database(&name).await.expect("cleanup");
    }

    #[wasm_bindgen_test]
    async fn a_visit_is_recorded_under_the_enrolled_campaign_whatever_else_the_device_keeps() {
        let (store, name) = fresh().await;
        let before = store.record(Actor::Device, visit(0)).await.expect("demo");
        assert_eq!(before.campaign, CampaignId::demo());
        // Meta records whose keys sort between "enrollment" and "recorder", read by the same
        // request as those two: the PIN's key ring and the pull cursor.
        store.set_pin("Samia", "480913").await.expect("pin");
        store
            .save_enrollment(&Enrollment {
                token: "a".repeat(64),
                campaign: CampaignId::parse("tilleuls-2026").expect("campaign"),
                campaign_name: "Les Tilleuls".into(),
                label: "Tablette de Samia".into(),
                enrolled_at_ms: 1,
                revoked: false,
            })
            .await
            .expect("enroll");
        let tx = WriteTx::begin(store.database(), &[META]).expect("tx");
        let cursor = idb::record(&[("key", "pull_cursor".into()), ("json", "\"9\"".into())]);
        tx.put(META, &cursor).expect("cursor");
        tx.committed().await.expect("cursor");
        assert_eq!(
            store
                .pull_cursor()
                .await
                .expect("read")
                .map(|c| c.position()),
            Some(9)
        );
        let after = store
            .record(Actor::Device, visit(1))
            .await
            .expect("enrolled");
        assert_eq!(after.campaign.as_str(), "tilleuls-2026");
        assert_eq!(after.seq, before.seq + 1, "the same recorder, read back");
        assert_eq!(after.device, before.device);
        super::super::vault::lock();
        store.close();
        idb::delete_database(&name).await.expect("cleanup");
    }

    #[wasm_bindgen_test]
    async fn a_batch_seals_residents_details_like_a_single_write() {
        use domain::consent::{ConsentAnswer, Purpose};
        use domain::signup::ResidentId;
        let (store, name) = fresh().await;
        store.set_pin("Samia", "480913").await.expect("pin");
        let sign_up = |n: u8, last: &str| EventBody::ResidentSignedUp {
            door: None,
            resident: ResidentId::from_random([n; 16]),
            first_name: format!("Awa{n}"),
            last_name: Some(last.into()),
            phone: Some("+33698765432".into()),
            email: None,
            language: "fr".into(),
            consents: Purpose::ALL
                .into_iter()
                .map(|purpose| ConsentAnswer {
                    purpose,
                    granted: true,
                })
                .collect(),
            notice_version: domain::consent::NOTICE_VERSION.into(),
            local_date: LocalDate::new(2026, 11, 26).expect("date"),
        };
        store
            .record_batch(
                Actor::Device,
                vec![sign_up(1, "Diallo"), visit(1), sign_up(2, "Marchetti")],
            )
            .await
            .expect("batch");
        let stored: Vec<String> = idb::get_all(store.database(), EVENTS, None)
            .await
            .expect("raw")
            .iter()
            .map(|r| String::from(js_sys::JSON::stringify(&r).expect("text")))
            .collect();
        let stored = stored.join("\n");
        for secret in ["Diallo", "Marchetti", "Awa1", "698765432"] {
            assert!(
                !stored.contains(secret),
                "the batch stored {secret} in clear"
            );
        }
        let names: Vec<String> = store
            .events()
            .await
            .expect("events")
            .into_iter()
            .filter_map(|e| match e.body {
                EventBody::ResidentSignedUp { last_name, .. } => last_name,
                _ => None,
            })
            .collect();
        assert_eq!(names, ["Diallo", "Marchetti"], "unlocked: read back whole");
        store.close();
        idb::delete_database(&name).await.expect("cleanup");
    }
}
