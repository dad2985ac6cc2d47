//! Enrollment codes and enrolled devices: making a code, trading it for a device token, finding
//! the device a token belongs to, revoking it, and a coordinator's one-time permission to open a
//! device's sealed data key (a forgotten PIN, `domain::at_rest::recovery`).

use super::{Db, now_ms};
use domain::enrollment::{
    DeviceToken, EnrollmentCode, IssuedCode, RedeemError, check_redeem, tidy_label,
};
use domain::ids::{CampaignId, DeviceId};
use sha2::{Digest, Sha256};
use sqlx::Row;

/// The device a valid token belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Device {
    pub id: DeviceId,
    pub campaign: CampaignId,
    pub label: String,
    /// `Some` once a coordinator revoked it: it gets 401 until enrolled again.
    pub revoked_at_ms: Option<i64>,
}

/// A device as the coordinator's list shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DeviceListing {
    pub id: String,
    pub campaign: String,
    pub label: String,
    pub enrolled_at_ms: i64,
    pub revoked_at_ms: Option<i64>,
    pub last_seen_ms: Option<i64>,
    /// When a coordinator last allowed a new PIN on it, if not used since.
    pub recovery_allowed_at_ms: Option<i64>,
}

/// What came of a coordinator allowing a device a new PIN.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AllowRecovery {
    Allowed {
        at_ms: u64,
    },
    /// Its token no longer works: it must be linked again first.
    Revoked,
    NoSuchDevice,
}

/// Why an enrollment failed.
#[derive(Debug)]
pub enum EnrollError {
    Refused(RedeemError),
    Storage(sqlx::Error),
}

impl From<sqlx::Error> for EnrollError {
    fn from(e: sqlx::Error) -> Self {
        EnrollError::Storage(e)
    }
}

/// What is stored of a token: its SHA-256 in hex. Tokens carry 256 random bits, so a plain hash
/// is enough (no salt or slow hash needed, unlike passwords) and lookups stay one index probe.
pub fn token_hash(token: &DeviceToken) -> String {
    Sha256::digest(token.as_str().as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Fills `bytes` from the operating system's random source.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    getrandom::getrandom(&mut bytes).expect("the operating system's random source failed");
    bytes
}

impl Db {
    /// Makes a fresh one-time code for `campaign`, valid from now for
    /// [`domain::enrollment::ENROLLMENT_CODE_TTL_MS`].
    pub async fn create_enrollment_code(
        &self,
        campaign: &CampaignId,
    ) -> Result<(EnrollmentCode, u64), sqlx::Error> {
        let now = now_ms();
        loop {
            let code = EnrollmentCode::from_random(random_bytes());
            // A clash with an earlier code (1 in 2^40 per code) is simply drawn again.
            let inserted = sqlx::query(
                "INSERT INTO enrollment_codes (code, campaign, created_at_ms) VALUES ($1, $2, $3) \
                 ON CONFLICT (code) DO NOTHING",
            )
            .bind(code.as_str().to_owned())
            .bind(campaign.as_str().to_owned())
            .bind(now as i64)
            .execute(self.pool())
            .await?
            .rows_affected();
            if inserted == 1 {
                return Ok((code, now));
            }
        }
    }

    /// Trades `code` for a new token for `device`. The code is marked used in the same transaction
    /// that stores the token, so two devices racing with one code cannot both win.
    pub async fn enroll(
        &self,
        code: &EnrollmentCode,
        device: &DeviceId,
        label: &str,
    ) -> Result<(DeviceToken, CampaignId), EnrollError> {
        let now = now_ms();
        let mut tx = self.pool().begin().await?;
        let row = sqlx::query(
            "SELECT campaign, created_at_ms, used_at_ms FROM enrollment_codes WHERE code = $1",
        )
        .bind(code.as_str().to_owned())
        .fetch_optional(&mut *tx)
        .await?;
        let issued = match row {
            Some(row) => Some(IssuedCode {
                campaign: CampaignId::parse(row.try_get::<String, _>(0)?.as_str())
                    .map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
                created_at_ms: row.try_get::<i64, _>(1)? as u64,
                used_at_ms: row.try_get::<Option<i64>, _>(2)?.map(|v| v as u64),
            }),
            None => None,
        };
        let campaign = check_redeem(issued.as_ref(), now).map_err(EnrollError::Refused)?;
        let claimed = sqlx::query(
            "UPDATE enrollment_codes SET used_at_ms = $1, used_by = $2 \
             WHERE code = $3 AND used_at_ms IS NULL",
        )
        .bind(now as i64)
        .bind(device.to_string())
        .bind(code.as_str().to_owned())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if claimed != 1 {
            return Err(EnrollError::Refused(RedeemError::Used));
        }
        let token = DeviceToken::from_random(random_bytes());
        sqlx::query(
            "INSERT INTO devices (id, campaign, label, token_hash, enrolled_at_ms) \
             VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (id) DO UPDATE SET campaign = excluded.campaign, label = excluded.label, \
             token_hash = excluded.token_hash, enrolled_at_ms = excluded.enrolled_at_ms, \
             revoked_at_ms = NULL, recovery_allowed_at_ms = NULL",
        )
        .bind(device.to_string())
        .bind(campaign.as_str().to_owned())
        .bind(tidy_label(label))
        .bind(token_hash(&token))
        .bind(now as i64)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok((token, campaign))
    }

    /// The device `token` belongs to, revoked or not; `None` for a token nobody holds.
    pub async fn device_for_token(
        &self,
        token: &DeviceToken,
    ) -> Result<Option<Device>, sqlx::Error> {
        let row = sqlx::query(
            "SELECT id, campaign, label, revoked_at_ms FROM devices WHERE token_hash = $1",
        )
        .bind(token_hash(token))
        .fetch_optional(self.pool())
        .await?;
        let Some(row) = row else { return Ok(None) };
        let decode = |e: domain::ids::IdError| sqlx::Error::Decode(Box::new(e));
        Ok(Some(Device {
            id: DeviceId::parse(row.try_get::<String, _>(0)?.as_str()).map_err(decode)?,
            campaign: CampaignId::parse(row.try_get::<String, _>(1)?.as_str()).map_err(decode)?,
            label: row.try_get(2)?,
            revoked_at_ms: row.try_get(3)?,
        }))
    }

    /// Notes when a device last reached the server, for the coordinator's list. To the minute:
    /// rewriting the row on every batch of a long push cost a third of the ingest rate, and the
    /// list shows minutes anyway.
    pub async fn device_seen(&self, device: &DeviceId) -> Result<(), sqlx::Error> {
        let now = now_ms() as i64;
        sqlx::query(
            "UPDATE devices SET last_seen_ms = $1 WHERE id = $2 \
             AND (last_seen_ms IS NULL OR last_seen_ms < $3)",
        )
        .bind(now)
        .bind(device.to_string())
        .bind(now - 60_000)
        .execute(self.pool())
        .await
        .map(|_| ())
    }

    /// Revokes `device`: its token stops working at once; what it already pushed stays.
    /// `false` when there is no such device.
    pub async fn revoke_device(&self, device: &str) -> Result<bool, sqlx::Error> {
        let changed = sqlx::query(
            "UPDATE devices SET revoked_at_ms = $1 WHERE id = $2 AND revoked_at_ms IS NULL",
        )
        .bind(now_ms() as i64)
        .bind(device.to_owned())
        .execute(self.pool())
        .await?
        .rows_affected();
        if changed == 1 {
            return Ok(true);
        }
        let exists: Option<i64> = sqlx::query_scalar("SELECT 1 FROM devices WHERE id = $1")
            .bind(device.to_owned())
            .fetch_optional(self.pool())
            .await?;
        Ok(exists.is_some())
    }

    /// Lets `device` open its sealed data key once, from now for
    /// [`domain::at_rest::recovery::RECOVERY_WINDOW_MS`].
    pub async fn allow_recovery(&self, device: &str) -> Result<AllowRecovery, sqlx::Error> {
        let now = now_ms();
        let changed = sqlx::query(
            "UPDATE devices SET recovery_allowed_at_ms = $1 \
             WHERE id = $2 AND revoked_at_ms IS NULL",
        )
        .bind(now as i64)
        .bind(device.to_owned())
        .execute(self.pool())
        .await?
        .rows_affected();
        if changed == 1 {
            return Ok(AllowRecovery::Allowed { at_ms: now });
        }
        let exists: Option<i64> = sqlx::query_scalar("SELECT 1 FROM devices WHERE id = $1")
            .bind(device.to_owned())
            .fetch_optional(self.pool())
            .await?;
        Ok(match exists {
            Some(_) => AllowRecovery::Revoked,
            None => AllowRecovery::NoSuchDevice,
        })
    }

    /// When a coordinator allowed `device` a new PIN, if that permission is still unused.
    pub async fn recovery_allowed_at(&self, device: &DeviceId) -> Result<Option<u64>, sqlx::Error> {
        let at: Option<Option<i64>> =
            sqlx::query_scalar("SELECT recovery_allowed_at_ms FROM devices WHERE id = $1")
                .bind(device.to_string())
                .fetch_optional(self.pool())
                .await?;
        Ok(at.flatten().map(|v| v as u64))
    }

    /// Uses up the permission given at `allowed_at_ms`; `false` when it was already used (two
    /// requests racing with one permission: only one opens the copy).
    pub async fn use_recovery(
        &self,
        device: &DeviceId,
        allowed_at_ms: u64,
    ) -> Result<bool, sqlx::Error> {
        let changed = sqlx::query(
            "UPDATE devices SET recovery_allowed_at_ms = NULL \
             WHERE id = $1 AND recovery_allowed_at_ms = $2",
        )
        .bind(device.to_string())
        .bind(allowed_at_ms as i64)
        .execute(self.pool())
        .await?
        .rows_affected();
        Ok(changed == 1)
    }

    pub async fn devices(&self) -> Result<Vec<DeviceListing>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT id, campaign, label, enrolled_at_ms, revoked_at_ms, last_seen_ms, \
             recovery_allowed_at_ms FROM devices ORDER BY enrolled_at_ms, id",
        )
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| {
                Ok(DeviceListing {
                    id: row.try_get(0)?,
                    campaign: row.try_get(1)?,
                    label: row.try_get(2)?,
                    enrolled_at_ms: row.try_get(3)?,
                    revoked_at_ms: row.try_get(4)?,
                    last_seen_ms: row.try_get(5)?,
                    recovery_allowed_at_ms: row.try_get(6)?,
                })
            })
            .collect()
    }
}
