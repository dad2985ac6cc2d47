//! Password hashing: argon2id with the crate's default parameters (m=19456 KiB, t=2, p=1, the
//! OWASP recommendation), a 16-byte salt from the operating system, stored as a PHC string
//! (`$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`) so the parameters travel with each hash and
//! can be raised later without breaking existing accounts.
//!
//! Hashing costs tens of milliseconds and 19 MiB on purpose; callers run it off the async
//! threads ([`tokio::task::spawn_blocking`]) so that a sign-in never stalls a device's sync.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use std::sync::OnceLock;

/// The PHC string of `password` under a fresh random salt.
pub fn hash(password: &str) -> String {
    let salt = SaltString::encode_b64(&crate::db::devices::random_bytes::<16>())
        .expect("16 bytes always make a valid salt");
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .expect("the default argon2 parameters accept any password")
        .to_string()
}

/// Whether `password` is the one `stored` was made from. A stored value that does not read as a
/// PHC string (a corrupted row) never matches.
pub fn verify(password: &str, stored: &str) -> bool {
    match PasswordHash::new(stored) {
        Ok(parsed) => Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// Spends the same time as [`verify`] against a real account, for an email nobody has: without
/// it, "unknown email" would answer in a millisecond and "wrong password" in fifty, which tells
/// an attacker which coordinators exist.
pub fn verify_nobody(password: &str) {
    static DUMMY: OnceLock<String> = OnceLock::new();
    let dummy = DUMMY.get_or_init(|| hash("not anyone's password, only spends the time"));
    let _ = verify(password, dummy);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_password_only_and_is_salted() {
        let stored = hash("quatre chats gris au balcon");
        assert!(
            stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{stored}"
        );
        assert!(verify("quatre chats gris au balcon", &stored));
        assert!(!verify("quatre chats gris au balcon ", &stored));
        assert!(!verify("", &stored));
        assert_ne!(
            hash("quatre chats gris au balcon"),
            stored,
            "a fresh salt each time"
        );
        assert!(!verify("x", "not a PHC string"));
        verify_nobody("x");
    }
}
