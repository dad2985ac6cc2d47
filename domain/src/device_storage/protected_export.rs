//! The encrypted export file: the outbox file ([`OutboxFile`]) locked with a passphrase, so that a
//! tablet with unsent records can be wiped, and the file carried to the coordinator, without
//! residents' details lying readable on a USB key or in a mailbox.
//!
//! The device encrypts with WebCrypto and the coordinator's browser decrypts with WebCrypto; both
//! follow this file:
//!
//! 1. a 256-bit AES key from the passphrase (UTF-8, as typed) with PBKDF2-HMAC-SHA256, a random
//!    16-byte salt and [`ITERATIONS`] rounds (a file asking fewer than [`MIN_ITERATIONS`] is
//!    refused: it would be cheap to guess);
//! 2. AES-256-GCM over the outbox file's JSON with a random 12-byte nonce and
//!    [`ProtectedExport::additional_data`] (the header in the clear) as associated data: a header
//!    changed by hand, or a passphrase that is not the one typed, fails the tag check, and both
//!    read as "wrong passphrase or changed file" — nothing is imported.
//!
//! In the clear stay only the device id, the time of the export and how many records it holds:
//! what the coordinator needs to know which tablet it came from, nothing personal.

use serde::{Deserialize, Serialize};

use crate::ids::DeviceId;
use crate::sealed::{base64url_decode, base64url_encode};
use crate::sync::{OutboxFile, OutboxFileError};

/// The `format` field's value: tells an encrypted export from the plain one at a glance.
pub const PROTECTED_FORMAT: &str = "palier-outbox-protected";
/// The version of the file's shape this build writes and reads.
pub const PROTECTED_VERSION: u32 = 1;
pub const KDF: &str = "PBKDF2-SHA256";
pub const CIPHER: &str = "AES-256-GCM";
/// What this build asks of PBKDF2 (OWASP's 2023 figure for PBKDF2-HMAC-SHA256).
pub const ITERATIONS: u32 = 600_000;
/// The fewest rounds a file may ask for and still be opened.
pub const MIN_ITERATIONS: u32 = 600_000;
/// A file asking more than this is not ours (and would freeze the coordinator's browser).
pub const MAX_ITERATIONS: u32 = 10_000_000;
pub const SALT_BYTES: usize = 16;
pub const NONCE_BYTES: usize = 12;
/// AES-GCM's tag, at the end of the ciphertext (as WebCrypto returns it).
pub const TAG_BYTES: usize = 16;
/// The shortest passphrase accepted: long enough that PBKDF2's cost means something.
pub const MIN_PASSPHRASE_CHARS: usize = 10;

/// An encrypted export as written to the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProtectedExport {
    /// Always [`PROTECTED_FORMAT`].
    pub format: String,
    /// [`PROTECTED_VERSION`].
    pub version: u32,
    pub device: DeviceId,
    /// When the file was made, Unix milliseconds (the device's clock).
    pub exported_at: u64,
    /// How many records it holds (checked against the content once opened).
    pub events: usize,
    /// Always [`KDF`].
    pub kdf: String,
    pub iterations: u32,
    /// base64url, [`SALT_BYTES`].
    pub salt: String,
    /// Always [`CIPHER`].
    pub cipher: String,
    /// base64url, [`NONCE_BYTES`].
    pub nonce: String,
    /// base64url: the outbox file's JSON encrypted, then the tag.
    pub ciphertext: String,
}

/// Why an encrypted export cannot be made or opened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProtectedExportProblem {
    #[error("not an encrypted Palier export")]
    NotProtected,
    #[error("encrypted export in version {found}, this build reads version {PROTECTED_VERSION}")]
    UnsupportedVersion { found: u32 },
    #[error("the encrypted export is damaged: {reason}")]
    Damaged { reason: String },
    #[error("the encrypted export asks {found} PBKDF2 rounds, fewer than {MIN_ITERATIONS}")]
    WeakKey { found: u32 },
    #[error("wrong passphrase, or the file was changed")]
    WrongPassphrase,
    #[error("the passphrase is shorter than {MIN_PASSPHRASE_CHARS} characters")]
    PassphraseTooShort,
    #[error("the two passphrases differ")]
    PassphrasesDiffer,
}

type Problem = ProtectedExportProblem;

/// The passphrase typed twice: refused when too short or when the two differ. Taken as typed
/// (no trimming): what the coordinator types must be exactly the same.
pub fn check_passphrase(first: &str, second: &str) -> Result<(), Problem> {
    if first.trim().chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(Problem::PassphraseTooShort);
    }
    if first != second {
        return Err(Problem::PassphrasesDiffer);
    }
    Ok(())
}

/// Whether a file's text is an encrypted export (the importer asks the passphrase then), without
/// reading more than its head.
pub fn is_protected(text: &str) -> bool {
    #[derive(Deserialize)]
    struct Head {
        format: Option<String>,
    }
    serde_json::from_str::<Head>(text)
        .ok()
        .and_then(|h| h.format)
        .is_some_and(|f| f == PROTECTED_FORMAT)
}

impl ProtectedExport {
    /// The header for an export of `file`, before encryption: its salt and nonce are the random
    /// bytes the caller drew; `ciphertext` is filled by [`ProtectedExport::sealed`].
    pub fn header(file: &OutboxFile, salt: [u8; SALT_BYTES], nonce: [u8; NONCE_BYTES]) -> Self {
        ProtectedExport {
            format: PROTECTED_FORMAT.to_owned(),
            version: PROTECTED_VERSION,
            device: file.device.clone(),
            exported_at: file.exported_at,
            events: file.events.len(),
            kdf: KDF.to_owned(),
            iterations: ITERATIONS,
            salt: base64url_encode(&salt),
            cipher: CIPHER.to_owned(),
            nonce: base64url_encode(&nonce),
            ciphertext: String::new(),
        }
    }

    /// The header with its ciphertext (and tag) in place.
    pub fn sealed(mut self, ciphertext: &[u8]) -> Self {
        self.ciphertext = base64url_encode(ciphertext);
        self
    }

    /// What is encrypted: the outbox file as it would be exported in the clear.
    pub fn plaintext(file: &OutboxFile) -> Vec<u8> {
        file.to_json().into_bytes()
    }

    /// AES-GCM's associated data: the header in the clear, so that none of it can be changed
    /// without the tag check failing.
    pub fn additional_data(&self) -> Vec<u8> {
        format!(
            "{} v{} {} {} {} {} {} {}",
            self.format,
            self.version,
            self.device.as_str(),
            self.exported_at,
            self.events,
            self.kdf,
            self.iterations,
            self.cipher
        )
        .into_bytes()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// `palier-envois-chiffres-01010101-2026-11-26.json`: like the plain export's name, and says
    /// it is the encrypted one.
    pub fn file_name(&self, local_date: crate::calendar::LocalDate) -> String {
        let short = self.device.as_str().split('-').next().unwrap_or("appareil");
        format!("palier-envois-chiffres-{short}-{local_date}.json")
    }

    /// Reads a file, checking what it is before what it holds; every binary field is decoded and
    /// sized here so that the decryption step has nothing left to doubt but the passphrase.
    pub fn parse(text: &str) -> Result<ProtectedExport, Problem> {
        #[derive(Deserialize)]
        struct Head {
            format: Option<String>,
            version: Option<u32>,
        }
        let damaged = |reason: String| Problem::Damaged { reason };
        let head: Head = serde_json::from_str(text).map_err(|_| Problem::NotProtected)?;
        if head.format.as_deref() != Some(PROTECTED_FORMAT) {
            return Err(Problem::NotProtected);
        }
        match head.version {
            Some(PROTECTED_VERSION) => {}
            Some(found) => return Err(Problem::UnsupportedVersion { found }),
            None => return Err(damaged("no version".into())),
        }
        let file: ProtectedExport =
            serde_json::from_str(text).map_err(|e| damaged(e.to_string()))?;
        if file.kdf != KDF || file.cipher != CIPHER {
            return Err(damaged(format!("{} / {}", file.kdf, file.cipher)));
        }
        if file.iterations < MIN_ITERATIONS {
            return Err(Problem::WeakKey {
                found: file.iterations,
            });
        }
        if file.iterations > MAX_ITERATIONS {
            return Err(damaged(format!("{} rounds", file.iterations)));
        }
        let sized = |field: &str, value: &str, len: Option<usize>| {
            let bytes = base64url_decode(value).ok_or_else(|| damaged(field.to_owned()))?;
            match len {
                Some(n) if bytes.len() != n => Err(damaged(format!("{field} length"))),
                None if bytes.len() <= TAG_BYTES => Err(damaged(format!("{field} length"))),
                _ => Ok(()),
            }
        };
        sized("salt", &file.salt, Some(SALT_BYTES))?;
        sized("nonce", &file.nonce, Some(NONCE_BYTES))?;
        sized("ciphertext", &file.ciphertext, None)?;
        Ok(file)
    }

    pub fn salt_bytes(&self) -> Vec<u8> {
        base64url_decode(&self.salt).unwrap_or_default()
    }

    pub fn nonce_bytes(&self) -> Vec<u8> {
        base64url_decode(&self.nonce).unwrap_or_default()
    }

    pub fn ciphertext_bytes(&self) -> Vec<u8> {
        base64url_decode(&self.ciphertext).unwrap_or_default()
    }

    /// The outbox file inside, from the decrypted bytes; `None` (the tag check failed) is a wrong
    /// passphrase or a changed file. The content must be the header's device and count.
    pub fn open(&self, decrypted: Option<&[u8]>) -> Result<OutboxFile, Problem> {
        let plain = decrypted.ok_or(Problem::WrongPassphrase)?;
        let text = std::str::from_utf8(plain).map_err(|_| Problem::WrongPassphrase)?;
        let file = OutboxFile::parse(text).map_err(|e: OutboxFileError| Problem::Damaged {
            reason: e.to_string(),
        })?;
        if file.device != self.device || file.events.len() != self.events {
            return Err(Problem::Damaged {
                reason: "content differs from header".into(),
            });
        }
        Ok(file)
    }
}

#[cfg(test)]
#[path = "protected_export_tests.rs"]
mod tests;
