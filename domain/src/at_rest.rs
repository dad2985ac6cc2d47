//! Residents' personal details at rest on a device: which fields of an event are personal and
//! are kept encrypted under the device's data key (`split` / `join`), the key ring that wraps that
//! key under each volunteer's PIN (and its copy for a forgotten PIN, `recovery`), when the app
//! locks itself, and when a synced event's personal part leaves the device for good (`purge`).
//!
//! The app carries these out with WebCrypto (AES-256-GCM, PBKDF2-SHA-256); nothing here touches
//! a browser, so every rule is tested natively.

pub mod keyring;
pub mod purge;
pub mod recovery;
pub mod split;
pub mod words;

#[cfg(test)]
mod tests;

pub use keyring::{
    AUTO_LOCK_CHOICES, DATA_KEY_BYTES, DEFAULT_AUTO_LOCK_MINUTES, IV_BYTES, Keyring,
    KeyringProblem, PERSONAL_AAD, SALT_BYTES, WrappedKey, auto_lock_minutes, is_idle_too_long,
    lock_reads_again,
};
pub use purge::{DEFAULT_DEVICE_WINDOW_DAYS, device_window_days, is_due_for_purge, purged};
pub use split::{
    LOCKED, Personal, SplitProblem, hide_personal, join, may_hold_personal, shown_or_locked, split,
};
