//! The sync protocol, version 1: how a device's outbox reaches the server exactly once, and how
//! what the team needs comes back down. Plain data and pure functions; the HTTP handlers, the
//! IndexedDB transactions and the SQL live in `server/` and `app/` and call the steps below.
//!
//! # Push: device → server
//!
//! 1. The device reads its outbox in `seq` order and cuts it into batches of at most
//!    [`MAX_PUSH_EVENTS`] ([`PushPlan::from_outbox`]).
//! 2. For each batch it sends a [`PushRequest`] (`version: 1`, its own device id, the events).
//! 3. The server authenticates the device token, then [`check_push`] decides, per event, whether it
//!    may be stored ([`Verdict::Store`]) or is refused ([`Verdict::Reject`], with a stable
//!    [`RejectCode`] and a plain message). A whole request is refused ([`PushError`]) only when the
//!    request itself is wrong: an unknown protocol version, too many events, or a device id other
//!    than the authenticated one. One bad event never blocks the others.
//! 4. The server stores the accepted events in one transaction, `INSERT … ON CONFLICT (id) DO
//!    NOTHING`, and answers one [`PushResult`] per event: `accepted` (newly stored), `duplicate`
//!    (that id was already stored) or `rejected`.
//! 5. The device applies the answer with [`apply_push_response`]: accepted and duplicate entries
//!    are deleted from the outbox; rejected ones go to the "À vérifier" list with their reason;
//!    entries the answer does not mention stay and are retried. Nothing leaves the outbox without
//!    the server having said so.
//!
//! # Idempotence
//!
//! Every event has a unique id chosen by its device ([`crate::ids::EventId`], a UUIDv7) and the
//! server stores each id once. So pushing the same batch twice — because the answer was lost when
//! the network dropped or the server was killed after committing — stores nothing new and answers
//! `duplicate`, which the device treats exactly like `accepted`. Importing an exported outbox file
//! is the same operation as a push. Pulling the same page twice is harmless too:
//! [`merge_pulled`] keeps only events the device does not already hold.
//!
//! # Pull: server → device
//!
//! 1. The device sends a [`PullRequest`] with the last [`Cursor`] it saved (`None` the first time)
//!    and how many events it wants.
//! 2. The server checks it ([`check_pull`]), reads the events the device may see whose position is
//!    after the cursor, at most [`MAX_PULL_EVENTS`] of them, and answers a [`PullResponse`]
//!    ([`PullResponse::from_rows`]): the events, the cursor to ask from next, and whether more wait.
//! 3. The device merges the page ([`merge_pulled`]) and saves the events and `next_cursor` in the
//!    same IndexedDB transaction, then asks again while `more` is true. A page lost halfway is
//!    simply asked for again from the saved cursor.
//!
//! # The cursor
//!
//! A [`Cursor`] is an opaque server position: the device never computes with it, only stores it
//! and sends it back. It is monotonic: every row the server hands out has a position greater than
//! any cursor handed out before the row was readable. On SQLite there is one writer at a time, so
//! insertion order is commit order. On PostgreSQL, sequence values are taken before commit and can
//! commit out of order, so the server must only hand out positions below the oldest position still
//! being written (otherwise a row committed late, with a smaller position, would be skipped for ever).
//! The cursor travels as a decimal string, because JSON numbers above 2^53 lose precision in a
//! browser.
//!
//! # When
//!
//! The app syncs on start, on the browser's `online` event, when the tab becomes visible, when the
//! coordinator presses "Synchroniser", [`ROUND_AFTER_RECORD_MS`] after something is recorded,
//! every [`ROUND_EVERY_MS`] while all goes well, and on a timer after a failure, waiting
//! [`Backoff::next_delay_ms`] (exponential from 2 s, capped at 5 min, full jitter; back to the start
//! after a success) and at least the server's `Retry-After`. One tab syncs at a time (the Web Lock
//! [`SYNC_LOCK_NAME`]). A round is the [`Round`] state machine; what a failed answer means is
//! [`after_failure`]; what the status bar says is [`status::describe`].
//!
//! # Without any network
//!
//! A device exports what it has not had acknowledged (outbox and "À vérifier") as an
//! [`OutboxFile`]; importing it is [`OutboxFile::push_requests`], each checked and stored like a
//! push, so an import and a later push of the same events store each once.
//!
//! # Versions
//!
//! Requests carry `version` ([`PROTOCOL_VERSION`]) and the server checks it before anything else;
//! requests refuse unknown fields, so a typo or a newer client's field is an error rather than
//! silently ignored. Responses accept unknown fields, so a server may add information without
//! breaking devices still running an older build.

mod answer;
mod backoff;
mod device_state;
mod outbox_file;
mod pull;
mod push_check;
mod push_plan;
pub mod reachability;
mod round;
pub mod status;
mod team_view;
mod wire;
pub mod words;

pub use backoff::{BACKOFF_BASE_MS, BACKOFF_CAP_MS, Backoff};
pub use pull::{PullError, PullOutcome, PullPage, check_pull, merge_pulled};
pub use push_check::{PushError, RejectCode, Verdict, check_push, sequence_taken};
pub use push_plan::{
    NeedsAttention, OutboxUpdate, PushPlan, apply_push_response, is_practice, keep_practice_home,
};
pub use team_view::{TEAM_KINDS, team_json, team_view};
pub use wire::{
    Cursor, CursorError, MAX_PULL_EVENTS, MAX_PUSH_EVENTS, PROTOCOL_VERSION, PullRequest,
    PullResponse, PushOutcome, PushRequest, PushResponse, PushResult,
};

// The device's side of a round: what it keeps, what it makes of a failure, the round itself, and
// the file it exports when there is no network at all.
pub use answer::{
    AfterFailure, ApiError, EnrollProblem, Failed, MAX_RETRY_AFTER_MS, REQUEST_TIMEOUT_MS, Then,
    after_failure, enroll_failure, retry_after_ms,
};
pub use device_state::{
    AttentionEntry, EVENT_MISSING, Enrollment, SyncProblem, SyncRecord, TOO_LARGE, still_waiting,
};
pub use outbox_file::{OUTBOX_FILE_FORMAT, OUTBOX_FILE_VERSION, OutboxFile, OutboxFileError};
pub use round::{
    Action, MAX_PULL_PAGES_PER_ROUND, ROUND_AFTER_RECORD_MS, ROUND_EVERY_MS, Round, SYNC_LOCK_NAME,
};
