//! Sealed kiosk records: the envelope a kiosk writes so that what a resident typed (a sign-up, a
//! callback request) can be read by the server only, never by the kiosk itself nor by whoever
//! picks the tablet up afterwards.
//!
//! The kiosk seals with WebCrypto, the server opens with RustCrypto; both follow this file:
//!
//! 1. an ephemeral P-256 key pair per record; ECDH with the campaign's public key gives a 32-byte
//!    shared secret (the x coordinate, what WebCrypto's `deriveBits` returns);
//! 2. HKDF-SHA256 with the ephemeral public key (raw, 65 bytes) as salt and [`HKDF_INFO`] as info
//!    gives a 256-bit AES key;
//! 3. AES-256-GCM with a random 12-byte IV, and [`additional_data`] (the campaign and the kind of
//!    record) as associated data: a sealed record cannot be moved to another campaign or passed
//!    off as another kind without the server noticing.
//!
//! The kiosk forgets the ephemeral private key at once, so it cannot open what it sealed. In the
//! clear stay only the campaign (in the event's envelope) and the kind of record: nothing
//! personal. The private key never leaves the server.

use serde::{Deserialize, Serialize};

use crate::event::{Actor, EventBody, EventEnvelope, EventError};
use crate::ids::CampaignId;
use crate::kiosk::{CallbackRequest, CallbackRequested, MAX_QUESTION_CHARS};
use crate::signup::{MAX_NAME_CHARS, tidy_name};

/// The envelope layout this build writes and reads.
pub const SEALED_VERSION: u8 = 1;
/// The one algorithm of version 1, spelt out so that a later one is told apart, not guessed.
pub const SEALED_ALG: &str = "ECDH-P256+HKDF-SHA256+A256GCM";
/// HKDF's `info`: ties the derived key to this use and version.
pub const HKDF_INFO: &[u8] = b"palier sealed kiosk record v1";
/// An uncompressed P-256 point (0x04, x, y): WebCrypto's "raw" public key.
pub const PUBLIC_KEY_BYTES: usize = 65;
pub const IV_BYTES: usize = 12;
/// AES-GCM's tag, at the end of `ct` (as WebCrypto returns it).
pub const TAG_BYTES: usize = 16;
/// The longest plaintext sealed: a sign-up or a callback with its question is well under 2 KiB;
/// anything much larger is not one of ours.
pub const MAX_PLAINTEXT_BYTES: usize = 4 * 1024;

/// What a kiosk seals: the wire name of what the server stores once it opened it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SealedKind {
    /// The plaintext is a `ResidentSignedUp` event body (with its `"type"`).
    #[serde(rename = "ResidentSignedUp")]
    ResidentSignedUp,
    /// The plaintext is a [`CallbackRequest`]; it travels in `KioskCallbackRequested.sealed`.
    #[serde(rename = "KioskCallbackRequested")]
    KioskCallbackRequested,
}

impl SealedKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SealedKind::ResidentSignedUp => "ResidentSignedUp",
            SealedKind::KioskCallbackRequested => "KioskCallbackRequested",
        }
    }
}

/// The sealed envelope, as JSON: `{v, alg, epk, iv, ct}`, binary fields in base64url without
/// padding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealedEnvelope {
    pub v: u8,
    pub alg: String,
    /// The ephemeral public key, raw (65 bytes).
    pub epk: String,
    pub iv: String,
    /// Ciphertext followed by the 16-byte tag.
    pub ct: String,
}

/// The body of a `KioskSealed` event: what the kiosk records instead of a sign-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealedRecord {
    pub of: SealedKind,
    pub sealed: SealedEnvelope,
}

/// The binary parts of a well-formed envelope, for the code that opens it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealedParts {
    pub epk: [u8; PUBLIC_KEY_BYTES],
    pub iv: [u8; IV_BYTES],
    pub ct: Vec<u8>,
}

/// Why a sealed record cannot be taken. The messages never quote what was sealed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SealedProblem {
    #[error("sealed envelope version {found} is not known (this build reads {SEALED_VERSION})")]
    UnknownVersion { found: u8 },
    #[error("sealed with an unknown algorithm; this build knows {SEALED_ALG}")]
    UnknownAlgorithm,
    #[error("the sealed envelope's {field} is not base64url")]
    NotBase64 { field: &'static str },
    #[error("the sealed envelope's {field} has {found} bytes instead of {expected}")]
    WrongLength {
        field: &'static str,
        found: usize,
        expected: usize,
    },
    #[error("the sealed envelope's ephemeral key is not an uncompressed P-256 point")]
    NotAPoint,
    #[error("the sealed ciphertext is shorter than its authentication tag")]
    TooShort,
    #[error("the sealed ciphertext is larger than {MAX_PLAINTEXT_BYTES} bytes of plaintext allow")]
    TooLarge,
    #[error("the sealed text is not a sealed envelope")]
    NotAnEnvelope,
    #[error(
        "the sealed record cannot be opened with this campaign's key: sealed for another \
         campaign or key, or altered on the way"
    )]
    Unopenable,
    #[error("the server has no sealing key for this campaign")]
    NoKey,
    #[error("the opened record is not a {expected}")]
    WrongContents { expected: &'static str },
    #[error("only the kiosk seals records")]
    NotFromKiosk,
    #[error("the opened record is refused: {0}")]
    Invalid(EventError),
    #[error("the opened callback request is refused: {0}")]
    InvalidCallback(&'static str),
}

impl SealedProblem {
    /// The stable reject code of the push answer.
    pub fn code(&self) -> &'static str {
        match self {
            SealedProblem::Unopenable | SealedProblem::NoKey => "sealed_unopenable",
            SealedProblem::WrongContents { .. }
            | SealedProblem::Invalid(_)
            | SealedProblem::InvalidCallback(_) => "sealed_contents_invalid",
            _ => "sealed_malformed",
        }
    }
}

/// Every reject code a sealed record may get, for the API documentation and the device's words.
pub const REJECT_CODES: [&str; 3] = [
    "sealed_malformed",
    "sealed_unopenable",
    "sealed_contents_invalid",
];

impl SealedEnvelope {
    pub fn from_parts(epk: &[u8], iv: &[u8], ct: &[u8]) -> SealedEnvelope {
        SealedEnvelope {
            v: SEALED_VERSION,
            alg: SEALED_ALG.to_owned(),
            epk: base64url_encode(epk),
            iv: base64url_encode(iv),
            ct: base64url_encode(ct),
        }
    }

    /// Checks the layout (not the cryptography: that needs the private key) and decodes it.
    pub fn parse(&self) -> Result<SealedParts, SealedProblem> {
        if self.v != SEALED_VERSION {
            return Err(SealedProblem::UnknownVersion { found: self.v });
        }
        if self.alg != SEALED_ALG {
            return Err(SealedProblem::UnknownAlgorithm);
        }
        let decode = |field: &'static str, text: &str| {
            base64url_decode(text).ok_or(SealedProblem::NotBase64 { field })
        };
        let fixed = |field: &'static str, bytes: Vec<u8>, expected: usize| {
            if bytes.len() == expected {
                Ok(bytes)
            } else {
                Err(SealedProblem::WrongLength {
                    field,
                    found: bytes.len(),
                    expected,
                })
            }
        };
        // The sizes first, from the text alone: an oversize blob is refused before decoding.
        if self.ct.len() > (MAX_PLAINTEXT_BYTES + TAG_BYTES).div_ceil(3) * 4 {
            return Err(SealedProblem::TooLarge);
        }
        let epk = fixed("epk", decode("epk", &self.epk)?, PUBLIC_KEY_BYTES)?;
        let iv = fixed("iv", decode("iv", &self.iv)?, IV_BYTES)?;
        let ct = decode("ct", &self.ct)?;
        if ct.len() < TAG_BYTES {
            return Err(SealedProblem::TooShort);
        }
        if ct.len() > MAX_PLAINTEXT_BYTES + TAG_BYTES {
            return Err(SealedProblem::TooLarge);
        }
        if epk[0] != 0x04 {
            return Err(SealedProblem::NotAPoint);
        }
        Ok(SealedParts {
            epk: epk.try_into().expect("length checked"),
            iv: iv.try_into().expect("length checked"),
            ct,
        })
    }

    /// One base64url string (of the envelope's JSON), for a field that holds text: the `sealed`
    /// of a callback request.
    pub fn to_compact(&self) -> String {
        base64url_encode(
            serde_json::to_string(self)
                .expect("an envelope is plain strings")
                .as_bytes(),
        )
    }

    pub fn from_compact(text: &str) -> Result<SealedEnvelope, SealedProblem> {
        let json = base64url_decode(text).ok_or(SealedProblem::NotAnEnvelope)?;
        serde_json::from_slice(&json).map_err(|_| SealedProblem::NotAnEnvelope)
    }
}

/// Checks a campaign's public key as the server hands it out (base64url of the raw point).
pub fn parse_public_key(text: &str) -> Result<[u8; PUBLIC_KEY_BYTES], SealedProblem> {
    let bytes = base64url_decode(text).ok_or(SealedProblem::NotBase64 { field: "key" })?;
    let point: [u8; PUBLIC_KEY_BYTES] =
        bytes
            .clone()
            .try_into()
            .map_err(|_| SealedProblem::WrongLength {
                field: "key",
                found: bytes.len(),
                expected: PUBLIC_KEY_BYTES,
            })?;
    if point[0] != 0x04 {
        return Err(SealedProblem::NotAPoint);
    }
    Ok(point)
}

/// AES-GCM's associated data: the campaign and the kind, authenticated but not secret.
pub fn additional_data(campaign: &CampaignId, kind: SealedKind) -> Vec<u8> {
    format!("palier-sealed-v1\n{}\n{}", campaign.as_str(), kind.as_str()).into_bytes()
}

/// Where a pushed event carries something sealed, and for which kind of record.
pub fn sealed_in(
    event: &EventEnvelope,
) -> Option<Result<(SealedKind, SealedEnvelope), SealedProblem>> {
    match &event.body {
        EventBody::KioskSealed(record) => Some(Ok((record.of, record.sealed.clone()))),
        EventBody::KioskCallbackRequested(request) => Some(
            SealedEnvelope::from_compact(&request.sealed)
                .map(|e| (SealedKind::KioskCallbackRequested, e)),
        ),
        _ => None,
    }
}

/// The event the server stores once it opened `event`'s sealed part into `plaintext`: the same
/// envelope (id, device, seq, clock: a second push is a duplicate) with the opened body, checked
/// like any event.
pub fn opened_event(
    event: &EventEnvelope,
    kind: SealedKind,
    plaintext: &[u8],
) -> Result<EventEnvelope, SealedProblem> {
    if event.actor != Actor::Kiosk {
        return Err(SealedProblem::NotFromKiosk);
    }
    let body = match kind {
        SealedKind::ResidentSignedUp => match serde_json::from_slice::<EventBody>(plaintext) {
            Ok(body @ EventBody::ResidentSignedUp { .. }) => body,
            _ => {
                return Err(SealedProblem::WrongContents {
                    expected: "sign-up",
                });
            }
        },
        SealedKind::KioskCallbackRequested => {
            let request: CallbackRequest =
                serde_json::from_slice(plaintext).map_err(|_| SealedProblem::WrongContents {
                    expected: "callback request",
                })?;
            check_callback(&request)?;
            // The clear routing fields must say what the sealed request says.
            if let EventBody::KioskCallbackRequested(CallbackRequested {
                language, topic, ..
            }) = &event.body
                && (*language != request.language || *topic != request.topic)
            {
                return Err(SealedProblem::InvalidCallback(
                    "its language or topic differs from the sealed request",
                ));
            }
            EventBody::KioskCallbackOpened(request)
        }
    };
    let opened = EventEnvelope {
        body,
        ..event.clone()
    };
    opened.validate().map_err(SealedProblem::Invalid)?;
    Ok(opened)
}

/// What `CallbackDraft::validate` guarantees, again on the opened request.
pub fn check_callback(request: &CallbackRequest) -> Result<(), SealedProblem> {
    let name = &request.first_name;
    if name.is_empty() || tidy_name(name) != *name || name.chars().count() > MAX_NAME_CHARS {
        return Err(SealedProblem::InvalidCallback(
            "its first name is missing or untidy",
        ));
    }
    if request.phone.is_none() && request.email.is_none() {
        return Err(SealedProblem::InvalidCallback(
            "it gives no way to call back",
        ));
    }
    if request
        .phone
        .as_deref()
        .is_some_and(|p| crate::contact::normalise_phone(p).as_deref() != Ok(p))
    {
        return Err(SealedProblem::InvalidCallback(
            "its phone number is not in stored form",
        ));
    }
    if request
        .email
        .as_deref()
        .is_some_and(|e| crate::contact::normalise_email(e).as_deref() != Ok(e))
    {
        return Err(SealedProblem::InvalidCallback(
            "its e-mail is not in stored form",
        ));
    }
    if request
        .question
        .as_deref()
        .is_some_and(|q| q.is_empty() || q.chars().count() > MAX_QUESTION_CHARS)
    {
        return Err(SealedProblem::InvalidCallback(
            "its question is empty or too long",
        ));
    }
    Ok(())
}

/// The checks of a `KioskSealed` body where events enter (`EventEnvelope::validate`): the
/// layout only; whether it opens is the server's to find out.
pub fn check_sealed_record(record: &SealedRecord) -> Result<(), SealedProblem> {
    if record.of != SealedKind::ResidentSignedUp {
        // Callback requests travel in their own event, with their routing fields in the clear.
        return Err(SealedProblem::WrongContents {
            expected: "sign-up",
        });
    }
    record.sealed.parse().map(|_| ())
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url without padding (RFC 4648 §5).
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// Reads base64url, with or without padding; `None` for anything else (standard base64's `+`
/// and `/`, spaces, a length no encoder makes, stray bits).
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            let value = ALPHABET.iter().position(|a| a == c)? as u32;
            n |= value << (18 - 6 * i);
        }
        let bytes = chunk.len() - 1;
        // Bits below the last whole byte must be zero: one text per byte string.
        if n & ((1 << (24 - 8 * bytes)) - 1) != 0 && bytes < 3 {
            return None;
        }
        out.extend((0..bytes).map(|i| (n >> (16 - 8 * i)) as u8));
    }
    Some(out)
}

#[cfg(test)]
#[path = "sealed_tests.rs"]
pub(crate) mod tests;
