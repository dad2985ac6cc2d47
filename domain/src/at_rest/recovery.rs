//! A forgotten PIN: the device's data key also travels sealed to the campaign's public key (the
//! kiosk's sealing, `crate::sealed`) in the key ring, so that when every volunteer who had a code
//! on the tablet forgot it, what waits to be sent is not lost. The server opens that copy only
//! for the device it belongs to, once, within [`RECOVERY_WINDOW_MS`] of a coordinator allowing it;
//! the volunteer then wraps the same data key under a new PIN.
//!
//! The tablet alone can never open its copy (the campaign's private key stays on the server), so
//! whoever picks up a locked tablet learns nothing from it without a coordinator.

use serde::{Deserialize, Serialize};

use crate::device_storage::write_failure::WriteFailure;
use crate::i18n::Locale;
use crate::ids::{CampaignId, DeviceId};
use crate::sealed::{SealedEnvelope, base64url_decode};
use crate::sync::{ApiError, Failed};

use super::DATA_KEY_BYTES;
use super::words::Word;

/// How long a coordinator's permission lasts: time to hand the tablet back and type a new code.
pub const RECOVERY_WINDOW_MS: u64 = 15 * 60_000;

/// The device's data key sealed to its campaign's public key, as the key ring keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecoveryCopy {
    pub campaign: CampaignId,
    pub sealed: SealedEnvelope,
}

/// Additional data of the sealing: the copy opens only as this device's data key in this
/// campaign (not as a kiosk record, whose additional data has three lines, nor for another
/// device that got hold of it).
pub fn recovery_aad(campaign: &CampaignId, device: &DeviceId) -> Vec<u8> {
    format!(
        "palier-sealed-v1\n{}\ndevice-data-key\n{device}",
        campaign.as_str()
    )
    .into_bytes()
}

/// `POST /api/v1/devices/recover`, with the device's token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecoveryRequest {
    pub copy: RecoveryCopy,
}

/// The server's answer: the data key, base64url.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecoveryAnswer {
    pub data_key: String,
}

impl RecoveryAnswer {
    /// The key's bytes, if the answer holds a key of the right size.
    pub fn key_bytes(&self) -> Option<Vec<u8>> {
        base64url_decode(&self.data_key).filter(|k| k.len() == DATA_KEY_BYTES)
    }
}

/// `POST /api/v1/coordinator/devices/{id}/allow-recovery`'s answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecoveryAllowed {
    pub device: String,
    pub allowed_until_ms: u64,
}

/// Why the server will not open a device's copy now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RecoveryRefused {
    #[error("no coordinator allowed a new code for this device")]
    NotAllowed,
    #[error("the coordinator's permission for a new code has expired")]
    Expired,
}

impl RecoveryRefused {
    /// The API's error code.
    pub fn code(self) -> &'static str {
        match self {
            RecoveryRefused::NotAllowed => "recovery_not_allowed",
            RecoveryRefused::Expired => "recovery_expired",
        }
    }
}

/// Whether a copy may be opened at `now_ms`, for a device a coordinator allowed at
/// `allowed_at_ms` (`None`: never, or already used). A clock that went back since counts as
/// within the window: the permission was given moments ago by the server's own clock.
pub fn may_recover(allowed_at_ms: Option<u64>, now_ms: u64) -> Result<(), RecoveryRefused> {
    match allowed_at_ms {
        None => Err(RecoveryRefused::NotAllowed),
        Some(at) if now_ms.saturating_sub(at) > RECOVERY_WINDOW_MS => Err(RecoveryRefused::Expired),
        Some(_) => Ok(()),
    }
}

/// Until when a device's permission stays open, while it does (the coordinator's "until" line).
pub fn open_until(allowed_at_ms: Option<u64>, now_ms: u64) -> Option<u64> {
    let at = allowed_at_ms?;
    may_recover(Some(at), now_ms).ok()?;
    Some(at + RECOVERY_WINDOW_MS)
}

/// How often the coordinator's devices list is read again while a permission is open: the
/// volunteer may have used it on the tablet meanwhile.
pub const OPEN_PERMISSION_LOOK_MS: u64 = 30_000;

/// In how many milliseconds the devices list should be read again, given each device's
/// permission: every [`OPEN_PERMISSION_LOOK_MS`] while one is open, and just after the soonest
/// one ends, so that no "until" line outlives its permission; never when none is open.
pub fn next_look_ms(
    allowed_at_ms: impl IntoIterator<Item = Option<u64>>,
    now_ms: u64,
) -> Option<u64> {
    allowed_at_ms
        .into_iter()
        .filter_map(|at| open_until(at, now_ms))
        .map(|until| (until.saturating_sub(now_ms) + 1).min(OPEN_PERMISSION_LOOK_MS))
        .min()
}

/// When the key ring must get a (new) copy: none yet, or one for an earlier campaign (the device
/// was linked to another one since; the old campaign's key no longer serves it).
pub fn needs_copy(copy: Option<&RecoveryCopy>, campaign: &CampaignId) -> bool {
    copy.is_none_or(|c| &c.campaign != campaign)
}

/// What went wrong asking for a new code, as the volunteer is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecoveryProblem {
    /// The key ring holds no copy (never unlocked while linked, or no campaign key yet).
    NoCopy,
    /// The device is not linked to a campaign, or its link was revoked.
    NotLinked,
    NotAllowed,
    Expired,
    Offline,
    /// The server refused the copy or answered something else; `detail` for the coordinator.
    Refused {
        detail: String,
    },
}

/// What a failed `POST …/recover` means.
pub fn recovery_problem(failed: Failed<'_>) -> RecoveryProblem {
    match failed {
        Failed::Network => RecoveryProblem::Offline,
        Failed::Status { status, body, .. } => {
            let code = ApiError::read(body).map(|e| e.code).unwrap_or_default();
            match (status, code.as_str()) {
                (_, "recovery_not_allowed") => RecoveryProblem::NotAllowed,
                (_, "recovery_expired") => RecoveryProblem::Expired,
                (401, _) => RecoveryProblem::NotLinked,
                // A proxy or a server starting up: as good as no network for the volunteer.
                (502..=504, _) => RecoveryProblem::Offline,
                (status, "") => RecoveryProblem::Refused {
                    detail: status.to_string(),
                },
                (_, code) => RecoveryProblem::Refused {
                    detail: code.to_owned(),
                },
            }
        }
    }
}

/// What the volunteer reads when the server gave the key back but the new PIN could not be
/// stored (`detail`: the storage adapter's line): the tablet stays unlocked over that key for now.
/// A full device — the likely cause — is said in plain words, anything else with its detail.
pub fn new_pin_not_saved(detail: &str, locale: Locale) -> String {
    match WriteFailure::from_detail(detail) {
        WriteFailure::DeviceFull => Word::RecoveryNotSavedFull.text(locale).to_owned(),
        _ => Word::RecoveryNotSaved.fill(locale, &[("detail", detail)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_pin_a_full_device_could_not_store_is_said_in_plain_words() {
        for locale in Locale::ALL {
            let full = new_pin_not_saved("QuotaExceededError", locale);
            assert_eq!(full, Word::RecoveryNotSavedFull.text(locale));
            assert!(!full.contains("QuotaExceeded"), "{full}");
            let other = new_pin_not_saved("UnknownError: the disk went away", locale);
            assert!(
                other.contains("UnknownError: the disk went away"),
                "{other}"
            );
            assert!(!other.contains("{detail}"), "{other}");
        }
        assert!(
            new_pin_not_saved("QuotaExceededError", Locale::Fr)
                .contains("ne rechargez pas l'application")
        );
        // It points to the device page by the name its link shows (the sync bar's "Cet appareil").
        for locale in Locale::ALL {
            let link = locale.text(crate::i18n::Text::DeviceHeading);
            let full = new_pin_not_saved("QuotaExceededError", locale);
            assert!(full.contains(link), "{locale:?}: {full}");
        }
    }

    #[test]
    fn a_copy_opens_only_within_the_window_after_a_coordinator_allowed_it() {
        let at = 1_700_000_000_000;
        assert_eq!(may_recover(None, at), Err(RecoveryRefused::NotAllowed));
        assert_eq!(may_recover(Some(at), at), Ok(()));
        assert_eq!(may_recover(Some(at), at + RECOVERY_WINDOW_MS), Ok(()));
        assert_eq!(
            may_recover(Some(at), at + RECOVERY_WINDOW_MS + 1),
            Err(RecoveryRefused::Expired)
        );
        // The server's clock set back a little since the permission.
        assert_eq!(may_recover(Some(at), at - 5_000), Ok(()));
    }

    #[test]
    fn the_coordinators_list_looks_again_while_a_permission_is_open_and_when_it_ends() {
        let at = 1_700_000_000_000;
        assert_eq!(open_until(None, at), None);
        assert_eq!(
            open_until(Some(at), at + 60_000),
            Some(at + RECOVERY_WINDOW_MS)
        );
        assert_eq!(open_until(Some(at), at + RECOVERY_WINDOW_MS + 1), None);
        // Nothing open: no reading again.
        assert_eq!(next_look_ms([None, None], at), None);
        assert_eq!(next_look_ms([Some(at)], at + RECOVERY_WINDOW_MS + 1), None);
        // Open: again in 30 s, or just after the end when it comes sooner.
        assert_eq!(
            next_look_ms([None, Some(at)], at),
            Some(OPEN_PERMISSION_LOOK_MS)
        );
        let near_end = at + RECOVERY_WINDOW_MS - 10_000;
        assert_eq!(next_look_ms([Some(at)], near_end), Some(10_001));
        // The soonest of several, an expired one ignored.
        let later = at + 5 * 60_000;
        assert_eq!(
            next_look_ms(
                [Some(later), Some(at), Some(at - RECOVERY_WINDOW_MS - 1)],
                near_end
            ),
            Some(10_001)
        );
    }

    #[test]
    fn refusals_have_stable_codes_the_app_reads_back() {
        for refused in [RecoveryRefused::NotAllowed, RecoveryRefused::Expired] {
            let body = format!(r#"{{"code":"{}","message":"{refused}"}}"#, refused.code());
            let failed = Failed::Status {
                status: 403,
                body: &body,
                retry_after: None,
            };
            let expected = match refused {
                RecoveryRefused::NotAllowed => RecoveryProblem::NotAllowed,
                RecoveryRefused::Expired => RecoveryProblem::Expired,
            };
            assert_eq!(recovery_problem(failed), expected);
        }
    }

    #[test]
    fn other_answers_say_offline_unlinked_or_refused() {
        assert_eq!(recovery_problem(Failed::Network), RecoveryProblem::Offline);
        let status = |status, body| Failed::Status {
            status,
            body,
            retry_after: None,
        };
        assert_eq!(
            recovery_problem(status(401, r#"{"code":"device_revoked"}"#)),
            RecoveryProblem::NotLinked
        );
        assert_eq!(
            recovery_problem(status(503, "<html>")),
            RecoveryProblem::Offline
        );
        assert_eq!(
            recovery_problem(status(422, r#"{"code":"sealed_unopenable"}"#)),
            RecoveryProblem::Refused {
                detail: "sealed_unopenable".into()
            }
        );
        assert_eq!(
            recovery_problem(status(500, "oops")),
            RecoveryProblem::Refused {
                detail: "500".into()
            }
        );
    }

    #[test]
    fn the_sealing_is_bound_to_the_device_and_apart_from_kiosk_records() {
        let campaign = CampaignId::demo();
        let one = DeviceId::from_random([1; 16]);
        let other = DeviceId::from_random([2; 16]);
        assert_ne!(
            recovery_aad(&campaign, &one),
            recovery_aad(&campaign, &other)
        );
        for kind in [
            crate::sealed::SealedKind::ResidentSignedUp,
            crate::sealed::SealedKind::KioskCallbackRequested,
        ] {
            let kiosk = crate::sealed::additional_data(&campaign, kind);
            assert_ne!(kiosk, recovery_aad(&campaign, &one));
        }
    }

    #[test]
    fn a_copy_is_made_again_for_a_new_campaign() {
        let demo = CampaignId::demo();
        let other = CampaignId::parse("c-0123456789abcdef").unwrap();
        assert!(needs_copy(None, &demo));
        let copy = RecoveryCopy {
            campaign: demo.clone(),
            sealed: SealedEnvelope::from_parts(&[4; 65], &[0; 12], &[0; 48]),
        };
        assert!(!needs_copy(Some(&copy), &demo));
        assert!(needs_copy(Some(&copy), &other));
    }

    #[test]
    fn key_rings_stored_before_the_copy_existed_still_read_and_a_copy_is_kept() {
        let old = r#"{"salt":"AAAAAAAAAAAAAAAAAAAAAA","iterations":600000,"volunteers":[]}"#;
        let ring: super::super::Keyring = serde_json::from_str(old).unwrap();
        assert_eq!(ring.recovery, None);
        assert!(!serde_json::to_string(&ring).unwrap().contains("recovery"));
        let with_copy = super::super::Keyring {
            recovery: Some(RecoveryCopy {
                campaign: CampaignId::demo(),
                sealed: SealedEnvelope::from_parts(&[4; 65], &[0; 12], &[0; 48]),
            }),
            ..ring
        };
        let json = serde_json::to_string(&with_copy).unwrap();
        assert_eq!(
            serde_json::from_str::<super::super::Keyring>(&json).unwrap(),
            with_copy
        );
    }

    #[test]
    fn an_answer_gives_a_key_only_of_the_right_size() {
        let good = RecoveryAnswer {
            data_key: crate::sealed::base64url_encode(&[7; DATA_KEY_BYTES]),
        };
        assert_eq!(good.key_bytes(), Some(vec![7; DATA_KEY_BYTES]));
        let short = RecoveryAnswer {
            data_key: crate::sealed::base64url_encode(&[7; 16]),
        };
        assert_eq!(short.key_bytes(), None);
        let junk = RecoveryAnswer {
            data_key: "not base64!".into(),
        };
        assert_eq!(junk.key_bytes(), None);
    }
}
