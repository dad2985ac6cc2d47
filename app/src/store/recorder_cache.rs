//! The device's recorder and enrollment as this tab last wrote or read them, so that recording a
//! visit needs no read before its writes: the read was a second round trip to the browser's
//! database inside every visit's transaction, and about half of the write's slowest times
//! (BENCHMARKS.md, event store).
//!
//! A stale copy can never hand out a sequence number twice: every event is written with the
//! unique `by_device_seq` index, so a write from an outdated recorder (another tab or a second
//! write of this one got there first) fails as a whole with `ConstraintError`, and the write is
//! made again from what is stored (`batch.rs`). What a sequence number cannot reveal — the clock
//! moved by a pull or brought back from the future, a new enrollment, a deleted database — is
//! written only inside [`while_changing`] (or [`change_begins`] … [`change_ends`] for a pulled
//! page), which also tells the other tabs through a `BroadcastChannel`.

use std::cell::RefCell;
use std::collections::HashMap;

use domain::event::Recorder;
use domain::sync::Enrollment;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::{BroadcastChannel, MessageEvent};

/// What a write needs besides its events, as stored after this tab's last write.
#[derive(Clone)]
pub(crate) struct Known {
    pub recorder: Recorder,
    pub enrollment: Option<Enrollment>,
}

/// This tab's copy, and how many times it was dropped: a write keeps what it stored only when
/// no other change began meanwhile (a pull that moved the clock while the visit was written).
#[derive(Default)]
struct Copy {
    known: Option<Known>,
    generation: u64,
}

const CHANNEL_NAME: &str = "palier-recorder";

thread_local! {
    /// By database name: tests open stores of their own beside the device's.
    static COPIES: RefCell<HashMap<String, Copy>> = RefCell::new(HashMap::new());
    /// Opened on first use; `None` where the browser has no BroadcastChannel (then another tab's
    /// change is noticed only through the sequence numbers).
    static CHANNEL: Option<BroadcastChannel> = open_channel();
}

fn open_channel() -> Option<BroadcastChannel> {
    let channel = BroadcastChannel::new(CHANNEL_NAME).ok()?;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        if let Some(database) = event.data().as_string() {
            drop_local(&database);
        }
    });
    channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // Lives as long as the tab: one listener per page.
    on_message.forget();
    Some(channel)
}

fn with_copy<T>(database: &str, f: impl FnOnce(&mut Copy) -> T) -> T {
    COPIES.with(|c| f(c.borrow_mut().entry(database.to_owned()).or_default()))
}

/// The copy, with the generation to hand back to [`keep`].
pub(crate) fn get(database: &str) -> (Option<Known>, u64) {
    with_copy(database, |c| (c.known.clone(), c.generation))
}

/// Keeps what a committed write stored, unless a change began since the write read the copy
/// (`generation` from [`get`]); starts listening to the other tabs.
pub(crate) fn keep(database: &str, known: Known, generation: u64) {
    CHANNEL.with(|_| ());
    with_copy(database, |c| {
        if c.generation == generation {
            c.known = Some(known);
        }
    });
}

/// Drops this tab's copy: a write failed, or another tab changed what it holds.
pub(crate) fn drop_local(database: &str) {
    with_copy(database, |c| {
        c.known = None;
        c.generation += 1;
    });
}

/// Before a change of the recorder's clock or of the enrollment other than by recording (a
/// pulled page, a new enrollment): writes starting from now read what is stored, and writes
/// under way do not keep their copy. Returns the copy as it was.
pub(crate) fn change_begins(database: &str) -> Option<Known> {
    let before = with_copy(database, |c| c.known.take());
    drop_local(database);
    before
}

/// Runs `change` (a new enrollment, the clock brought back, a deleted database: anything but a
/// recording or a pulled page) between [`change_begins`] and [`change_ends`]; whether it
/// committed or not, every tab reads the stored recorder and enrollment at its next write.
pub(crate) async fn while_changing<T>(
    database: &str,
    change: impl std::future::Future<Output = T>,
) -> T {
    change_begins(database);
    let done = change.await;
    change_ends(database, None);
    done
}

/// After that change, committed or not: this tab keeps `now` when it knows it whole (a pulled
/// page knows the recorder it wrote and left the enrollment alone), and every other tab drops
/// its copy.
pub(crate) fn change_ends(database: &str, now: Option<Known>) {
    if let Some(known) = now {
        let generation = get(database).1;
        keep(database, known, generation);
    }
    CHANNEL.with(|channel| {
        if let Some(channel) = channel {
            let _ = channel.post_message(&database.into());
        }
    });
}
