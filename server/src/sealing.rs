//! Sealed kiosk records on the server: each campaign's P-256 key pair (made on first need, the
//! private half never leaves the database), the public key handed to enrolled devices, and the
//! opening of sealed records at ingest, so that what is stored is the sign-up or callback request
//! the kiosk sealed (the format and the rules are `domain::sealed`).

use crate::AppState;
use crate::db::{Db, now_ms};
use crate::http::device_auth::AuthenticatedDevice;
use crate::http::error::ApiError;
use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use axum::extract::{Path, State};
use axum::routing::get;
use axum::{Json, Router};
use domain::ids::{CampaignId, EventId};
use domain::sealed::{
    HKDF_INFO, IV_BYTES, SEALED_ALG, SealedEnvelope, SealedProblem, additional_data,
    base64url_decode, base64url_encode, opened_event, sealed_in,
};
use domain::sync::{PushOutcome, PushRequest, PushResult, RejectCode, Verdict};
use hkdf::Hkdf;
use p256::elliptic_curve::sec1::ToEncodedPoint;
use p256::{PublicKey, SecretKey};
use serde::Serialize;
use sha2::Sha256;
use std::borrow::Cow;
use std::collections::HashMap;

/// `GET /api/v1/campaigns/{id}/sealing-key`, for a device of that campaign.
pub fn router() -> Router<AppState> {
    Router::new().route("/campaigns/{id}/sealing-key", get(sealing_key))
}

/// What a kiosk needs to seal for a campaign.
#[derive(Debug, Serialize)]
pub struct SealingKeyAnswer {
    pub campaign: CampaignId,
    pub alg: &'static str,
    /// base64url of the raw (uncompressed, 65-byte) P-256 point.
    pub public_key: String,
}

async fn sealing_key(
    State(state): State<AppState>,
    device: AuthenticatedDevice,
    Path(id): Path<String>,
) -> Result<Json<SealingKeyAnswer>, ApiError> {
    // Only the campaign the device belongs to: the key itself is public, but which campaigns
    // exist is not for any device to list.
    if id != device.0.campaign.as_str() {
        return Err(ApiError::not_found());
    }
    let public_key = public_key(&state.db, &device.0.campaign).await?;
    Ok(Json(SealingKeyAnswer {
        campaign: device.0.campaign,
        alg: SEALED_ALG,
        public_key,
    }))
}

/// The campaign's public key, base64url of the raw point; the pair is made on first need.
pub async fn public_key(db: &Db, campaign: &CampaignId) -> Result<String, sqlx::Error> {
    let secret = key_pair(db, campaign).await?;
    Ok(base64url_encode(
        secret.public_key().to_encoded_point(false).as_bytes(),
    ))
}

pub(crate) async fn stored_key(
    db: &Db,
    campaign: &CampaignId,
) -> Result<Option<SecretKey>, sqlx::Error> {
    let stored: Option<String> =
        sqlx::query_scalar("SELECT private_key FROM sealing_keys WHERE campaign = $1")
            .bind(campaign.as_str().to_owned())
            .fetch_optional(db.pool())
            .await?;
    stored
        .map(|text| {
            base64url_decode(&text)
                .and_then(|bytes| SecretKey::from_slice(&bytes).ok())
                .ok_or_else(|| {
                    sqlx::Error::Decode("a sealing key in the database is damaged".into())
                })
        })
        .transpose()
}

async fn key_pair(db: &Db, campaign: &CampaignId) -> Result<SecretKey, sqlx::Error> {
    if let Some(secret) = stored_key(db, campaign).await? {
        return Ok(secret);
    }
    let secret = new_secret();
    // Two requests racing to make the first key: the first insert wins and both read it back.
    sqlx::query(
        "INSERT INTO sealing_keys (campaign, public_key, private_key, created_at_ms) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (campaign) DO NOTHING",
    )
    .bind(campaign.as_str().to_owned())
    .bind(base64url_encode(
        secret.public_key().to_encoded_point(false).as_bytes(),
    ))
    .bind(base64url_encode(&secret.to_bytes()))
    .bind(now_ms() as i64)
    .execute(db.pool())
    .await?;
    stored_key(db, campaign)
        .await?
        .ok_or_else(|| sqlx::Error::RowNotFound)
}

fn new_secret() -> SecretKey {
    loop {
        let bytes = crate::db::devices::random_bytes::<32>();
        // Out of range (zero or past the group order) about once in 2^32 draws: draw again.
        if let Ok(secret) = SecretKey::from_slice(&bytes) {
            return secret;
        }
    }
}

fn aes_key(own: &SecretKey, other: &PublicKey, epk: &[u8]) -> Aes256Gcm {
    let shared = p256::ecdh::diffie_hellman(own.to_nonzero_scalar(), other.as_affine());
    let mut key = [0u8; 32];
    Hkdf::<Sha256>::new(Some(epk), shared.raw_secret_bytes())
        .expand(HKDF_INFO, &mut key)
        .expect("32 bytes is a valid HKDF-SHA256 length");
    Aes256Gcm::new_from_slice(&key).expect("a 256-bit key")
}

/// Opens `sealed` with the campaign's private key; `aad` is [`additional_data`].
pub fn open(
    secret: &SecretKey,
    sealed: &SealedEnvelope,
    aad: &[u8],
) -> Result<Vec<u8>, SealedProblem> {
    let parts = sealed.parse()?;
    let epk = PublicKey::from_sec1_bytes(&parts.epk).map_err(|_| SealedProblem::NotAPoint)?;
    aes_key(secret, &epk, &parts.epk)
        .decrypt(
            Nonce::from_slice(&parts.iv),
            Payload {
                msg: &parts.ct,
                aad,
            },
        )
        .map_err(|_| SealedProblem::Unopenable)
}

/// Seals as a kiosk does, for tests and the load generator: `ephemeral` and `iv` should be
/// random (a kiosk draws them with WebCrypto).
pub fn seal(
    public_key: &str,
    aad: &[u8],
    plaintext: &[u8],
    ephemeral: [u8; 32],
    iv: [u8; IV_BYTES],
) -> Result<SealedEnvelope, SealedProblem> {
    let point = domain::sealed::parse_public_key(public_key)?;
    let campaign = PublicKey::from_sec1_bytes(&point).map_err(|_| SealedProblem::NotAPoint)?;
    let ephemeral = SecretKey::from_slice(&ephemeral).map_err(|_| SealedProblem::NotAPoint)?;
    let epk = ephemeral.public_key().to_encoded_point(false);
    let ct = aes_key(&ephemeral, &campaign, epk.as_bytes())
        .encrypt(
            Nonce::from_slice(&iv),
            Payload {
                msg: plaintext,
                aad,
            },
        )
        .map_err(|_| SealedProblem::TooLarge)?;
    Ok(SealedEnvelope::from_parts(epk.as_bytes(), &iv, &ct))
}

/// The answers for sealed records that could not be opened, by event id.
#[derive(Debug, Default)]
pub struct Refused(HashMap<EventId, PushResult>);

impl Refused {
    /// The push answer with the refused sealed records answered with their own codes
    /// (`domain::sealed::REJECT_CODES`) instead of the placeholder verdict's.
    pub fn answer(&self, results: Vec<PushResult>) -> Vec<PushResult> {
        results
            .into_iter()
            .map(|r| self.0.get(&r.event_id).cloned().unwrap_or(r))
            .collect()
    }
}

/// Opens every sealed record that [`domain::sync::check_push`] let through, and returns the
/// request to store (the opened events in place of the sealed ones, under the same ids: a second
/// push of a sealed event is a duplicate), the verdicts and the refusals. A record that cannot be
/// opened, or whose contents break the usual rules, is refused and stored neither sealed nor
/// opened. A push without sealed records is passed through untouched (no copy).
pub async fn open_sealed<'a>(
    db: &Db,
    request: &'a PushRequest,
    mut verdicts: Vec<Verdict>,
) -> Result<(Cow<'a, PushRequest>, Vec<Verdict>, Refused), sqlx::Error> {
    let sealed: Vec<usize> = request
        .events
        .iter()
        .zip(&verdicts)
        .enumerate()
        .filter(|(_, (event, verdict))| {
            matches!(verdict, Verdict::Store { .. }) && sealed_in(event).is_some()
        })
        .map(|(i, _)| i)
        .collect();
    if sealed.is_empty() {
        return Ok((Cow::Borrowed(request), verdicts, Refused::default()));
    }
    let mut request = request.clone();
    let mut refused = Refused::default();
    let mut keys: HashMap<CampaignId, Option<SecretKey>> = HashMap::new();
    for i in sealed {
        let event = &mut request.events[i];
        let Some(found) = sealed_in(event) else {
            continue;
        };
        if !keys.contains_key(&event.campaign) {
            let key = stored_key(db, &event.campaign).await?;
            keys.insert(event.campaign.clone(), key);
        }
        let opened = found.and_then(|(kind, sealed)| {
            let secret = keys[&event.campaign].as_ref().ok_or(SealedProblem::NoKey)?;
            let plaintext = open(secret, &sealed, &additional_data(&event.campaign, kind))?;
            opened_event(event, kind, &plaintext)
        });
        match opened {
            Ok(opened) => *event = opened,
            Err(problem) => {
                tracing::warn!("sealed event {} refused: {problem}", event.id);
                refused
                    .0
                    .insert(event.id.clone(), refusal(&event.id, &problem));
                // Not stored; the answer is replaced by the refusal above.
                verdicts[i] = Verdict::Reject {
                    event_id: event.id.clone(),
                    code: RejectCode::InvalidEvent,
                    message: problem.to_string(),
                };
            }
        }
    }
    Ok((Cow::Owned(request), verdicts, refused))
}

fn refusal(event_id: &EventId, problem: &SealedProblem) -> PushResult {
    PushResult {
        event_id: event_id.clone(),
        outcome: PushOutcome::Rejected {
            code: problem.code().to_owned(),
            message: problem.to_string(),
        },
    }
}
