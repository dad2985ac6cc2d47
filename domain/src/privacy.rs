//! Data-protection requests carried out on the log (GDPR arts. 17 and 5(1)(e)): a resident's
//! erasure, recorded as a [`ResidentErased`] event that names the resident by id only, and the
//! rule every holder of the log applies to it (server, devices, the coordinator's browser), and
//! the retention rule that says whose details have outlived the campaign's period.
//!
//! The log is immutable except here: erasing means rewriting the events that hold the named
//! details, in place, wherever they are stored. The rewrite keeps every event (same id, clock,
//! kind), so counts and outcomes do not change; only the personal fields become blank. The
//! consent register keeps the erased sign-up as the proof of what was agreed, without details.

pub mod callbacks;
pub mod erasure;
pub mod retention;
pub mod words;

#[cfg(test)]
mod tests;

pub use callbacks::{blank_callbacks, callbacks_due, callbacks_of};
pub use erasure::{
    ErasedField, ErasureProblem, ErasureReason, Erasures, ResidentErased, apply_erasures,
    is_erased_sign_up,
};
pub use retention::{
    DEFAULT_RETENTION_MONTHS, Due, RetentionSummary, due_for_purge, months_from_days,
};
