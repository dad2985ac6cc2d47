//! The device's key ring: one random data key per device (AES-256-GCM) encrypts every personal
//! part; it is stored only wrapped, once per volunteer, under a key derived from that
//! volunteer's PIN (PBKDF2-SHA-256, [`PIN_ITERATIONS`], a random salt drawn once per device).
//! A wrong PIN fails the wrapped key's authentication tag, so no hash of the PIN is kept at all.
//!
//! Also here: when the app locks itself (a device setting, 5 minutes without use by default).

use serde::{Deserialize, Serialize};

use super::recovery::RecoveryCopy;
use crate::kiosk::PIN_ITERATIONS;
use crate::sealed::{base64url_decode, base64url_encode};

pub const SALT_BYTES: usize = 16;
pub const IV_BYTES: usize = 12;
pub const DATA_KEY_BYTES: usize = 32;
/// Additional data of every personal part's encryption: binds the ciphertext to its purpose.
pub const PERSONAL_AAD: &[u8] = b"palier/at-rest/personal/v1";

/// The data key wrapped under one volunteer's PIN.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WrappedKey {
    /// The volunteer's first name as the volunteer card keeps it.
    pub volunteer: String,
    /// base64url, [`IV_BYTES`].
    pub iv: String,
    /// base64url of AES-GCM(PIN key, data key), tag included.
    pub wrapped: String,
}

/// What the device stores (in its IndexedDB meta store): never a PIN nor the data key in clear.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Keyring {
    /// base64url, [`SALT_BYTES`], drawn once per device.
    pub salt: String,
    pub iterations: u32,
    pub volunteers: Vec<WrappedKey>,
    /// The data key sealed to the campaign's public key, for a forgotten PIN
    /// ([`super::recovery`]); absent on rings made before the device was linked (or before this
    /// copy existed), added at the next unlock once it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recovery: Option<RecoveryCopy>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum KeyringProblem {
    #[error("the key ring's salt is not {SALT_BYTES} bytes of base64url")]
    Salt,
    #[error("the key ring asks for fewer than {PIN_ITERATIONS} PBKDF2 iterations")]
    TooFewIterations,
    #[error("a wrapped key is not base64url of the right size")]
    Wrapped,
}

impl Keyring {
    /// A new ring for a device, with its salt and no volunteer yet.
    pub fn new(salt: [u8; SALT_BYTES]) -> Keyring {
        Keyring {
            salt: base64url_encode(&salt),
            iterations: PIN_ITERATIONS,
            volunteers: Vec::new(),
            recovery: None,
        }
    }

    /// The salt's bytes, after checking the ring is one this app may trust (a ring edited to ask
    /// for few iterations would make PINs quick to try).
    pub fn salt_bytes(&self) -> Result<Vec<u8>, KeyringProblem> {
        if self.iterations < PIN_ITERATIONS {
            return Err(KeyringProblem::TooFewIterations);
        }
        base64url_decode(&self.salt)
            .filter(|s| s.len() == SALT_BYTES)
            .ok_or(KeyringProblem::Salt)
    }

    pub fn entry(&self, volunteer: &str) -> Option<&WrappedKey> {
        self.volunteers.iter().find(|w| w.volunteer == volunteer)
    }

    /// Adds a volunteer's wrapped key, replacing theirs if they had one (a new PIN).
    pub fn with(mut self, key: WrappedKey) -> Keyring {
        self.volunteers.retain(|w| w.volunteer != key.volunteer);
        self.volunteers.push(key);
        self
    }

    /// The volunteers who can unlock this device, in the order they set their PIN.
    pub fn names(&self) -> Vec<&str> {
        self.volunteers
            .iter()
            .map(|w| w.volunteer.as_str())
            .collect()
    }
}

impl WrappedKey {
    /// Additional data of the wrapping: a wrapped key copied under another volunteer's name
    /// does not open.
    pub fn aad(volunteer: &str) -> Vec<u8> {
        format!("palier/at-rest/key/v1/{volunteer}").into_bytes()
    }

    pub fn parts(&self) -> Result<(Vec<u8>, Vec<u8>), KeyringProblem> {
        let iv = base64url_decode(&self.iv).filter(|v| v.len() == IV_BYTES);
        // The data key plus the 16-byte tag.
        let wrapped = base64url_decode(&self.wrapped).filter(|w| w.len() == DATA_KEY_BYTES + 16);
        iv.zip(wrapped).ok_or(KeyringProblem::Wrapped)
    }
}

/// The lengths of time the device setting offers, in minutes.
pub const AUTO_LOCK_CHOICES: [u32; 5] = [1, 2, 5, 10, 15];
pub const DEFAULT_AUTO_LOCK_MINUTES: u32 = 5;

/// The setting as stored on the device; anything else than one of the choices is the default.
pub fn auto_lock_minutes(stored: Option<&str>) -> u32 {
    stored
        .and_then(|s| s.trim().parse().ok())
        .filter(|m| AUTO_LOCK_CHOICES.contains(m))
        .unwrap_or(DEFAULT_AUTO_LOCK_MINUTES)
}

/// Whether the app, last used at `last_use_ms`, must lock at `now_ms`. A clock set back counts
/// as use (it never locks someone out early).
pub fn is_idle_too_long(last_use_ms: u64, now_ms: u64, minutes: u32) -> bool {
    now_ms.saturating_sub(last_use_ms) >= u64::from(minutes) * 60_000
}

/// Whether the lock in the header reads the key ring and what waits for the unlock again when
/// the outbox's count goes from `before` to `now` (`None`: not counted yet). A push that shrank
/// the outbox may have sent what waited; a visit recorded while locked is one more waiting. A
/// visit recorded while unlocked changes neither: reading then was one more transaction on the
/// device's database after every visit, beside the next visit's write.
pub fn lock_reads_again(before: Option<u32>, now: Option<u32>, locked: bool) -> bool {
    match (before, now) {
        (Some(before), Some(now)) => now < before || (now > before && locked),
        (None, None) => false,
        _ => true,
    }
}
