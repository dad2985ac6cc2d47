//! Recording many events at once: every event with its outbox entry, and the recorder's new state,
//! in ONE IndexedDB transaction — all of them durable together, or none (an import, a session
//! typed in at the office, the event-store benchmarks). `EventStore::record` is a batch of one.

use super::idb::{self, IdbError, IdbResult, WriteTx};
use super::idb_records;
use super::sync;
use super::vault::{self, AtRest};
use super::{EventStore, fill_random, outbox_record, read_recorder, recorder_record};
use domain::event::{Actor, EventBody, EventEnvelope, OutboxEntry};
use domain::ids::CampaignId;
use domain::storage_schema::{EVENTS, META, OUTBOX};
use domain::sync::Enrollment;

/// Random bytes in one event id.
const ID_RANDOM: usize = 10;
/// `getRandomValues` fills at most 65,536 bytes a call: the largest multiple of an id's share.
const RANDOM_CHUNK: usize = 65_536 / ID_RANDOM * ID_RANDOM;

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

    pub(super) async fn record_batch_under(
        &self,
        actor: Actor,
        campaign: Option<CampaignId>,
        bodies: Vec<EventBody>,
    ) -> IdbResult<Vec<EventEnvelope>> {
        // As in `record`: residents' details are sealed before the transaction opens (awaiting
        // WebCrypto inside it would let IndexedDB commit it half-written).
        let mut at_rest: Vec<AtRest> = Vec::with_capacity(bodies.len());
        for body in &bodies {
            at_rest.push(self.prepare(body, false).await?);
        }
        let tx = WriteTx::begin(self.database(), &[EVENTS, OUTBOX, META])?;
        // As in `record`: the recorder is read inside the transaction that writes its next state,
        // so two tabs can never hand out the same sequence numbers. The enrollment is read with
        // it, in the same round trip.
        let read = async {
            let (recorder, enrollment) = match campaign {
                Some(c) => (read_recorder(&tx).await, Ok(Some(c))),
                None => {
                    let (recorder, enrollment) =
                        idb::both(read_recorder(&tx), sync::read_enrollment(&tx)).await;
                    let campaign =
                        enrollment.map(|e| Some(Enrollment::campaign_for_new_events(e.as_ref())));
                    (recorder, campaign)
                }
            };
            Ok::<_, IdbError>((recorder?, enrollment?.unwrap_or_else(CampaignId::demo)))
        };
        let (mut recorder, campaign) = match read.await {
            Ok(r) => r,
            Err(e) => {
                tx.abort();
                return Err(e);
            }
        };
        let now = crate::sync::clock::stamping_now_ms();
        let mut events = Vec::with_capacity(bodies.len());
        // Every id's randomness drawn at once: one call to WebCrypto per 6,553 events, not one each.
        let mut random = vec![0u8; ID_RANDOM * bodies.len()];
        random.chunks_mut(RANDOM_CHUNK).for_each(fill_random);
        let written = (|| -> IdbResult<()> {
            // The two stores once, not per request: with 100,000 events the lookups would show.
            let event_store = tx.store(EVENTS)?;
            let outbox_store = tx.store(OUTBOX)?;
            let mut packed = idb_records::Packed::default();
            for ((body, at_rest), random) in bodies
                .into_iter()
                .zip(&at_rest)
                .zip(random.chunks_exact(ID_RANDOM))
            {
                let random: [u8; ID_RANDOM] = random.try_into().expect("chunks of ID_RANDOM");
                let event = recorder.record(now, random, actor.clone(), campaign.clone(), body);
                let outbox = OutboxEntry::for_event(&event, now);
                match at_rest {
                    // Most events: packed, and added many at a time by one call into JS.
                    AtRest::Plain => packed.push(&event_store, &outbox_store, &event, &outbox)?,
                    _ => {
                        // In order: what is packed goes first.
                        packed.flush(&event_store, &outbox_store)?;
                        event_store
                            .add(&vault::stored_record(&event, at_rest)?)
                            .map_err(|e| IdbError::from_js(&e))?;
                        // As in the packed path: the event's `add` already guards the id.
                        outbox_store
                            .put(&outbox_record(&outbox)?)
                            .map_err(|e| IdbError::from_js(&e))?;
                    }
                }
                vault::note_plain_details(&tx, &event, at_rest)?;
                events.push(event);
            }
            packed.flush(&event_store, &outbox_store)?;
            tx.put(META, &recorder_record(&recorder)?)?;
            Ok(())
        })();
        match written {
            Ok(()) => tx.committed().await.map(|()| events),
            Err(e) => {
                tx.abort();
                Err(e)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::idb;
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
        let refused = store
            .record_batch(Actor::Device, (1..=50).map(visit).collect())
            .await;
        assert!(refused.is_err(), "a colliding batch was accepted");
        assert_eq!(store.events().await.expect("events").len(), 1);
        assert_eq!(store.outbox_len().await.expect("outbox"), 1);
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
