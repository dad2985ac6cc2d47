//! Trading a coordinator's one-time code for this device's token, and keeping the link.

use super::http::post_json;
use crate::store::sealed::SealingKey;
use crate::store::{EventStore, now_ms};
use domain::enrollment::{EnrollRequest, EnrollResponse, EnrollmentCode, tidy_label};
use domain::sync::{EnrollProblem, Enrollment, PROTOCOL_VERSION, enroll_failure};

const ENROLL_PATH: &str = "/api/v1/devices/enroll";

/// Enrolls the device in the campaign of `code` under the name `label`, and saves the link (which
/// also resets the pull cursor). Events recorded before keep their campaign; the ones after get
/// the new one.
pub async fn enroll(
    store: &EventStore,
    code: &EnrollmentCode,
    label: &str,
) -> Result<Enrollment, EnrollProblem> {
    let storage = |e: crate::store::idb::IdbError| EnrollProblem::Other { code: e.detail() };
    let label = tidy_label(label);
    let request = EnrollRequest {
        version: PROTOCOL_VERSION,
        code: code.display(),
        device: store.device().await.map_err(storage)?,
        label: label.clone(),
    };
    let body = post_json(ENROLL_PATH, None, &request)
        .await
        .map_err(|failed| enroll_failure(failed.as_failed()))?;
    let answer: EnrollResponse = serde_json::from_str(&body).map_err(|_| EnrollProblem::Other {
        code: "unreadable_answer".into(),
    })?;
    let enrollment = Enrollment {
        token: answer.token,
        campaign: answer.campaign.id,
        campaign_name: answer.campaign.name,
        label,
        enrolled_at_ms: now_ms(),
        revoked: false,
    };
    store.save_enrollment(&enrollment).await.map_err(storage)?;
    // The campaign's key for sealed kiosk records; a server without one leaves the kiosk unable
    // to take sign-ups, never recording them in the clear.
    if let Some(public_key) = answer.sealing_key {
        let key = SealingKey {
            campaign: enrollment.campaign.clone(),
            public_key,
        };
        store.save_sealing_key(&key).await.map_err(storage)?;
    }
    Ok(enrollment)
}

/// Asks the server for the campaign's sealing key (a device enrolled before keys existed) and
/// keeps it; `None` when not enrolled, offline or refused.
pub async fn fetch_sealing_key(store: &EventStore) -> Option<SealingKey> {
    let enrollment = store.enrollment().await.ok()??;
    if enrollment.revoked {
        return None;
    }
    let path = format!(
        "/api/v1/campaigns/{}/sealing-key",
        js_sys::encode_uri_component(enrollment.campaign.as_str())
    );
    let text = super::http::get(&path, Some(&enrollment.token))
        .await
        .ok()?;
    let answer: serde_json::Value = serde_json::from_str(&text).ok()?;
    let key = SealingKey {
        campaign: enrollment.campaign,
        public_key: answer["public_key"].as_str()?.to_owned(),
    };
    store.save_sealing_key(&key).await.ok()?;
    Some(key)
}
