//! Trading a coordinator's one-time code for this device's token, and keeping the link.

use super::http::post_json;
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
    Ok(enrollment)
}
