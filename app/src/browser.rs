//! Adapters to browser APIs the screens use: remembered preferences, network status, storage
//! persistence and the service worker. They carry out; they don't decide.

pub mod clock;
pub mod crypto;
pub mod network;
pub mod preferences;
pub mod storage;
pub mod updates;
pub mod wipe;
