//! Pseudonyms for the exports that leave the landlord's team (a board report, a partner, a
//! researcher): residents, volunteers and doors are replaced by a keyed hash (HMAC-SHA-256) of
//! their id. With the same secret, the same id gives the same pseudonym, so rows about one
//! resident stay linked inside an export; without the secret, nobody can go back from the
//! pseudonym to the id, not even by trying every door of the estate (the door ids themselves
//! are derived from addresses, so a plain hash would be reversible).
//!
//! The secret comes from the caller: a fresh random one per export (the app draws it from
//! `crypto.getRandomValues` and forgets it), or one kept by the coordinator to link two exports.

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Shortest secret accepted: 128 bits, the strength of the hash's output that is kept.
pub const MIN_SECRET_BYTES: usize = 16;

/// What a pseudonym stands for. Each kind is hashed apart and says what it is ("hab-…").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Resident,
    Volunteer,
    Door,
}

impl Kind {
    fn prefix(self) -> &'static str {
        match self {
            Kind::Resident => "hab",
            Kind::Volunteer => "bnv",
            Kind::Door => "porte",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a pseudonymisation secret has at least {MIN_SECRET_BYTES} bytes; this one has {0}")]
pub struct SecretTooShort(pub usize);

#[derive(Clone)]
pub struct Pseudonymiser {
    /// Keyed once; each pseudonym starts from a copy of this state.
    hmac: Hmac<Sha256>,
}

impl std::fmt::Debug for Pseudonymiser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print anything derived from the secret.
        f.write_str("Pseudonymiser(..)")
    }
}

impl Pseudonymiser {
    pub fn new(secret: &[u8]) -> Result<Pseudonymiser, SecretTooShort> {
        if secret.len() < MIN_SECRET_BYTES {
            return Err(SecretTooShort(secret.len()));
        }
        Ok(Pseudonymiser {
            // HMAC takes keys of any length; the minimum above is our own rule.
            hmac: Hmac::new_from_slice(secret).map_err(|_| SecretTooShort(secret.len()))?,
        })
    }

    /// "hab-3f9a0c…": the kind, then 80 bits of the tag in hex (twenty digits). Among a million
    /// residents, two sharing a pseudonym has a chance under one in a billion.
    pub fn pseudonym(&self, kind: Kind, id: &str) -> String {
        let prefix = kind.prefix();
        // The kind and a separator go into the message, so that a door and a resident with the
        // same id string never share a pseudonym.
        let mut mac = self.hmac.clone();
        mac.update(prefix.as_bytes());
        mac.update(b"\0");
        mac.update(id.as_bytes());
        let tag = mac.finalize().into_bytes();
        let mut out = String::with_capacity(prefix.len() + 21);
        out.push_str(prefix);
        out.push('-');
        for byte in &tag[..10] {
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0x0f)]));
        }
        out
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_secret_same_pseudonym_and_nothing_else_in_common() {
        let one = Pseudonymiser::new(&[7; 32]).unwrap();
        let other = Pseudonymiser::new(&[8; 32]).unwrap();
        let id = "0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b";
        let p = one.pseudonym(Kind::Resident, id);
        assert_eq!(p, one.pseudonym(Kind::Resident, id));
        assert!(p.starts_with("hab-") && p.len() == 24, "{p}");
        assert!(!p.contains("0b0b"));
        assert_ne!(p, other.pseudonym(Kind::Resident, id));
        assert_ne!(
            one.pseudonym(Kind::Door, id)[6..],
            one.pseudonym(Kind::Resident, id)[4..]
        );
        assert_eq!(Pseudonymiser::new(&[1; 15]).err(), Some(SecretTooShort(15)));
        assert_eq!(format!("{one:?}"), "Pseudonymiser(..)");
    }
}
