//! Enrolling a device in a campaign: the one-time code a coordinator shows (QR code and short code
//! to type), the token the device gets in exchange, and the rules for redeeming a code.
//!
//! The short code is 8 symbols of Crockford's base 32 (no I, L, O or U), shown as `K7P2-9XQM`. It
//! is read back forgivingly, because it is typed on a tablet by someone standing in a stairwell:
//! case, spaces and dashes do not matter, and the letters people confuse with digits (O, I, L)
//! read as the digits. 40 random bits, valid for [`ENROLLMENT_CODE_TTL_MS`] and once only, behind
//! a rate limit: guessing one is hopeless.

use serde::{Deserialize, Serialize};

use crate::ids::{CampaignId, DeviceId};

/// Symbols of a short code, in value order (Crockford's base 32).
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Symbols in a short code.
pub const ENROLLMENT_CODE_LEN: usize = 8;

/// How long a code can be redeemed after it was made: 15 minutes, long enough to hand the tablets
/// round a training session, short enough that a photo of the screen is soon worthless.
pub const ENROLLMENT_CODE_TTL_MS: u64 = 15 * 60 * 1000;

/// The longest device label kept ("Tablette de Samia", "Borne hall B").
pub const DEVICE_LABEL_MAX_CHARS: usize = 60;

/// A short enrollment code in its canonical form: 8 upper-case base-32 symbols, no dash.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EnrollmentCode(String);

/// Why what was typed is not an enrollment code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EnrollmentCodeError {
    #[error("an enrollment code has {ENROLLMENT_CODE_LEN} letters and digits; {found} were typed")]
    WrongLength { found: usize },
    #[error("{found:?} cannot be part of an enrollment code")]
    BadSymbol { found: char },
}

impl EnrollmentCode {
    /// A fresh code from 5 random bytes (40 bits, exactly 8 symbols).
    pub fn from_random(bytes: [u8; 5]) -> EnrollmentCode {
        let mut bits: u64 = 0;
        for b in bytes {
            bits = (bits << 8) | u64::from(b);
        }
        let code = (0..ENROLLMENT_CODE_LEN)
            .rev()
            .map(|i| ALPHABET[((bits >> (i * 5)) & 31) as usize] as char)
            .collect();
        EnrollmentCode(code)
    }

    /// Reads a typed or scanned code: `k7p2 9xqm`, `K7P2-9XQM` and `K7P29XQM` are the same code.
    pub fn parse(typed: &str) -> Result<EnrollmentCode, EnrollmentCodeError> {
        let mut code = String::with_capacity(ENROLLMENT_CODE_LEN);
        for c in typed.chars() {
            if c.is_whitespace() || matches!(c, '-' | '‐' | '‑' | '–' | '—') {
                continue;
            }
            let symbol = match c.to_ascii_uppercase() {
                'O' => '0',
                'I' | 'L' => '1',
                other if other.is_ascii() && ALPHABET.contains(&(other as u8)) => other,
                _ => return Err(EnrollmentCodeError::BadSymbol { found: c }),
            };
            code.push(symbol);
        }
        let found = code.chars().count();
        if found != ENROLLMENT_CODE_LEN {
            return Err(EnrollmentCodeError::WrongLength { found });
        }
        Ok(EnrollmentCode(code))
    }

    /// The canonical form, as stored by the server.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// As shown to people: two groups of four, `K7P2-9XQM`.
    pub fn display(&self) -> String {
        format!("{}-{}", &self.0[..4], &self.0[4..])
    }

    /// What the QR code holds: the app's own enrollment screen on this server, with the code, so
    /// that scanning it with the tablet's camera opens the right place on the right server.
    pub fn url(&self, origin: &str) -> String {
        format!(
            "{}/appareil?code={}",
            origin.trim_end_matches('/'),
            self.display()
        )
    }
}

/// A device's secret for the sync API: 32 random bytes as 64 hex digits. The server keeps only
/// its hash; the device keeps it in its own storage and sends it as `Authorization: Bearer`.
#[derive(Clone, PartialEq, Eq)]
pub struct DeviceToken(String);

impl DeviceToken {
    pub fn from_random(bytes: [u8; 32]) -> DeviceToken {
        DeviceToken(bytes.iter().map(|b| format!("{b:02x}")).collect())
    }

    /// Reads a token as sent by a device; `None` when it cannot be one of ours.
    pub fn parse(sent: &str) -> Option<DeviceToken> {
        let ok = sent.len() == 64 && sent.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        ok.then(|| DeviceToken(sent.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Never printed: a token in a log line would let anyone reading the log push as the device.
impl std::fmt::Debug for DeviceToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DeviceToken(…)")
    }
}

/// What the server knows of a code when a device tries to redeem it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuedCode {
    pub campaign: CampaignId,
    pub created_at_ms: u64,
    /// `Some` once a device redeemed it.
    pub used_at_ms: Option<u64>,
}

/// Why a code cannot be redeemed; each is a distinct message for the person holding the tablet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RedeemError {
    #[error("this enrollment code does not exist; check the letters or ask for a new one")]
    Unknown,
    #[error("this enrollment code has expired; ask the coordinator for a new one")]
    Expired,
    #[error("this enrollment code was already used by another device; ask for a new one")]
    Used,
}

impl RedeemError {
    /// The stable machine code of the JSON error.
    pub fn code(self) -> &'static str {
        match self {
            RedeemError::Unknown => "enrollment_code_unknown",
            RedeemError::Expired => "enrollment_code_expired",
            RedeemError::Used => "enrollment_code_used",
        }
    }
}

/// Whether `issued` (the server's row for the code, `None` when there is none) may be redeemed at
/// `now_ms`. A used code stays refused even inside its validity, so a code seen over a shoulder
/// cannot enroll a second device.
pub fn check_redeem(issued: Option<&IssuedCode>, now_ms: u64) -> Result<CampaignId, RedeemError> {
    let issued = issued.ok_or(RedeemError::Unknown)?;
    if issued.used_at_ms.is_some() {
        return Err(RedeemError::Used);
    }
    if now_ms >= issued.created_at_ms.saturating_add(ENROLLMENT_CODE_TTL_MS) {
        return Err(RedeemError::Expired);
    }
    Ok(issued.campaign.clone())
}

/// Tidies the label a device gives itself: trimmed, inner runs of spaces folded, control
/// characters dropped, cut at [`DEVICE_LABEL_MAX_CHARS`]; an empty label becomes "Appareil".
pub fn tidy_label(typed: &str) -> String {
    let words: Vec<&str> = typed.split_whitespace().collect();
    let label: String = words
        .join(" ")
        .chars()
        .filter(|c| !c.is_control())
        .take(DEVICE_LABEL_MAX_CHARS)
        .collect();
    if label.is_empty() {
        "Appareil".to_owned()
    } else {
        label
    }
}

/// A device asks to join the campaign of `code`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnrollRequest {
    /// [`crate::sync::PROTOCOL_VERSION`].
    pub version: u32,
    /// As typed or scanned; the server reads it with [`EnrollmentCode::parse`].
    pub code: String,
    /// The device's own id, made on its first start; its events already carry it.
    pub device: DeviceId,
    /// A name people recognise in the coordinator's list of devices.
    pub label: String,
}

/// The campaign a device belongs to, as the device shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignSummary {
    pub id: CampaignId,
    pub name: String,
}

/// The server's answer to a successful enrollment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrollResponse {
    /// [`DeviceToken`] as text: shown once, never again.
    pub token: String,
    pub campaign: CampaignSummary,
    /// The campaign's public key for sealed kiosk records (`crate::sealed`), base64url of the raw
    /// P-256 point. Absent from older servers' answers: a kiosk without it takes no sign-ups.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sealing_key: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_code_is_shown_in_two_groups_and_read_back_however_it_is_typed() {
        let code = EnrollmentCode::from_random([0x9d, 0x3c, 0x81, 0x42, 0xff]);
        assert_eq!(code.as_str().len(), 8);
        let shown = code.display();
        assert_eq!(shown.len(), 9);
        assert_eq!(&shown[4..5], "-");
        for typed in [
            shown.clone(),
            shown.to_lowercase(),
            code.as_str().to_owned(),
            format!("  {} {}  ", &shown[..4], &shown[5..]),
        ] {
            assert_eq!(EnrollmentCode::parse(&typed), Ok(code.clone()), "{typed:?}");
        }
    }

    #[test]
    fn letters_that_look_like_digits_read_as_the_digits() {
        assert_eq!(
            EnrollmentCode::parse("O1lI-2345").unwrap().as_str(),
            "01112345"
        );
    }

    #[test]
    fn wrong_codes_say_what_is_wrong() {
        assert_eq!(
            EnrollmentCode::parse("K7P2-9XQ"),
            Err(EnrollmentCodeError::WrongLength { found: 7 })
        );
        assert_eq!(
            EnrollmentCode::parse(""),
            Err(EnrollmentCodeError::WrongLength { found: 0 })
        );
        assert_eq!(
            EnrollmentCode::parse("K7P2-9XQU"),
            Err(EnrollmentCodeError::BadSymbol { found: 'U' })
        );
        assert_eq!(
            EnrollmentCode::parse("K7P2-9XQé"),
            Err(EnrollmentCodeError::BadSymbol { found: 'é' })
        );
    }

    #[test]
    fn the_qr_code_opens_the_enrollment_screen_of_this_server() {
        let code = EnrollmentCode::parse("K7P29XQM").unwrap();
        assert_eq!(
            code.url("https://palier.example.fr/"),
            "https://palier.example.fr/appareil?code=K7P2-9XQM"
        );
    }

    #[test]
    fn tokens_are_64_hex_digits_and_never_printed() {
        let token = DeviceToken::from_random([0xab; 32]);
        assert_eq!(token.as_str().len(), 64);
        assert_eq!(DeviceToken::parse(token.as_str()), Some(token.clone()));
        assert!(!format!("{token:?}").contains("ab"));
        assert_eq!(DeviceToken::parse("AB"), None);
        assert_eq!(DeviceToken::parse(&"G".repeat(64)), None);
        assert_eq!(DeviceToken::parse(&token.as_str().to_uppercase()), None);
    }

    fn issued(used: Option<u64>) -> IssuedCode {
        IssuedCode {
            campaign: CampaignId::demo(),
            created_at_ms: 1_000,
            used_at_ms: used,
        }
    }

    #[test]
    fn a_code_is_redeemed_once_and_only_while_fresh() {
        assert_eq!(check_redeem(None, 1_000), Err(RedeemError::Unknown));
        assert_eq!(
            check_redeem(Some(&issued(None)), 1_000),
            Ok(CampaignId::demo())
        );
        let last_ms = 1_000 + ENROLLMENT_CODE_TTL_MS - 1;
        assert!(check_redeem(Some(&issued(None)), last_ms).is_ok());
        assert_eq!(
            check_redeem(Some(&issued(None)), last_ms + 1),
            Err(RedeemError::Expired)
        );
        assert_eq!(
            check_redeem(Some(&issued(Some(2_000))), 2_000),
            Err(RedeemError::Used)
        );
    }

    #[test]
    fn labels_are_tidied() {
        assert_eq!(tidy_label("  Tablette   de\tSamia "), "Tablette de Samia");
        assert_eq!(tidy_label(" \u{7} "), "Appareil");
        assert_eq!(tidy_label(&"é".repeat(100)).chars().count(), 60);
    }

    #[test]
    fn the_wire_shape_of_an_enrollment_does_not_change_by_accident() {
        let golden = r#"{"version":1,"code":"K7P2-9XQM","device":"01010101-0101-4101-8101-010101010101","label":"Tablette 3"}"#;
        let request: EnrollRequest = serde_json::from_str(golden).unwrap();
        assert_eq!(serde_json::to_string(&request).unwrap(), golden);
        let response = EnrollResponse {
            token: "ab".repeat(32),
            campaign: CampaignSummary {
                id: CampaignId::demo(),
                name: "Démo".into(),
            },
            sealing_key: None,
        };
        let json = serde_json::to_string(&response).unwrap();
        assert_eq!(
            json,
            format!(
                r#"{{"token":"{}","campaign":{{"id":"demo","name":"Démo"}}}}"#,
                "ab".repeat(32)
            )
        );
        assert!(serde_json::from_str::<EnrollRequest>(&golden.replace('}', r#","x":1}"#)).is_err());
        // The sealing key is an addition to protocol v1: answers without it still read, and the
        // app reads it when present.
        assert_eq!(
            serde_json::from_str::<EnrollResponse>(&json).unwrap(),
            response
        );
        let with_key = EnrollResponse {
            sealing_key: Some("BAQE".into()),
            ..response
        };
        assert!(
            serde_json::to_string(&with_key)
                .unwrap()
                .ends_with(r#","sealing_key":"BAQE"}"#)
        );
    }

    proptest! {
        #[test]
        fn every_random_code_parses_back_to_itself(bytes in any::<[u8; 5]>()) {
            let code = EnrollmentCode::from_random(bytes);
            prop_assert_eq!(EnrollmentCode::parse(&code.display()), Ok(code.clone()));
            prop_assert_eq!(EnrollmentCode::parse(&code.display().to_lowercase()), Ok(code));
        }

        #[test]
        fn parsing_never_panics(typed in ".{0,40}") {
            let _ = EnrollmentCode::parse(&typed);
        }
    }
}
