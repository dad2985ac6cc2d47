//! A new PIN when every volunteer of the tablet forgot theirs: the key ring's copy of the data
//! key, sealed to the campaign's key, goes to the server, which opens it only if a coordinator
//! allowed it minutes ago (`domain::at_rest::recovery`); the key that comes back is wrapped under
//! the new PIN.

use super::http::post_json;
use crate::store::EventStore;
use crate::store::vault::VaultFailure;
use domain::at_rest::recovery::{
    RecoveryAnswer, RecoveryProblem, RecoveryRequest, recovery_problem,
};

const RECOVER_PATH: &str = "/api/v1/devices/recover";

/// Why no new PIN could be set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecoveryFailure {
    Problem(RecoveryProblem),
    Vault(VaultFailure),
}

impl From<VaultFailure> for RecoveryFailure {
    fn from(f: VaultFailure) -> Self {
        RecoveryFailure::Vault(f)
    }
}

fn storage(e: crate::store::idb::IdbError) -> RecoveryFailure {
    RecoveryFailure::Vault(VaultFailure::Storage(e))
}

/// Sets `volunteer`'s new `pin` (already checked) over the data key the server opens from the
/// key ring's recovery copy; the device is unlocked after.
pub async fn set_new_pin(
    store: &EventStore,
    volunteer: &str,
    pin: &str,
) -> Result<(), RecoveryFailure> {
    let problem = RecoveryFailure::Problem;
    let enrollment = store
        .enrollment()
        .await
        .map_err(storage)?
        .filter(|e| !e.revoked)
        .ok_or(problem(RecoveryProblem::NotLinked))?;
    let copy = store
        .recovery_copy()
        .await
        .map_err(storage)?
        .ok_or(problem(RecoveryProblem::NoCopy))?;
    let body = post_json(
        RECOVER_PATH,
        Some(&enrollment.token),
        &RecoveryRequest { copy },
    )
    .await
    .map_err(|failed| problem(recovery_problem(failed.as_failed())))?;
    let unreadable = || {
        problem(RecoveryProblem::Refused {
            detail: "unreadable_answer".into(),
        })
    };
    let raw = serde_json::from_str::<RecoveryAnswer>(&body)
        .ok()
        .and_then(|a| a.key_bytes())
        .ok_or_else(unreadable)?;
    store
        .set_pin_over_recovered_key(volunteer, pin, raw)
        .await?;
    Ok(())
}

/// Makes the key ring's copy once the device is linked and unlocked. A tablet linked before the
/// server handed out campaign keys has none stored: it asks for it first (online only; the next
/// unlock tries again).
pub async fn keep_copy(store: &EventStore) -> Result<(), VaultFailure> {
    let missing = matches!(store.sealing_key().await, Ok(None));
    if missing {
        super::enroll::fetch_sealing_key(store).await;
    }
    store.keep_recovery_copy().await
}
