//! Each campaign's attached territory (migration 0008): one JSON document per campaign, its
//! version, its counts, and who attached the last file when. Attaching reads the document,
//! merges the file in (`domain::campaign_territory::attach`) and writes it back only if nobody
//! changed it meanwhile, so two coordinators attaching at once both land.

use super::{Db, now_ms};
use domain::campaign_territory::{self as rules, Attached, Counts, TerritoryProblem};
use domain::ids::CampaignId;
use domain::import::MergeSummary;
use domain::territory::Territory;

/// Why an attach was not stored.
#[derive(Debug)]
pub enum AttachError {
    Storage(sqlx::Error),
    Refused(TerritoryProblem),
    /// Other attaches changed the document three times while this one merged.
    Busy,
}

impl From<sqlx::Error> for AttachError {
    fn from(e: sqlx::Error) -> AttachError {
        AttachError::Storage(e)
    }
}

type Row = (String, String, i64, String);

impl Db {
    /// The version of the campaign's territory, for pull answers; `None` while nothing is attached.
    pub async fn territory_version(
        &self,
        campaign: &CampaignId,
    ) -> Result<Option<String>, sqlx::Error> {
        sqlx::query_scalar("SELECT version FROM campaign_territories WHERE campaign = $1")
            .bind(campaign.as_str().to_owned())
            .fetch_optional(self.pool())
            .await
    }

    /// The document as stored (the JSON of a `Territory`) and its version, as devices fetch it.
    pub async fn territory_document(
        &self,
        campaign: &CampaignId,
    ) -> Result<Option<(String, String)>, sqlx::Error> {
        sqlx::query_as("SELECT version, document FROM campaign_territories WHERE campaign = $1")
            .bind(campaign.as_str().to_owned())
            .fetch_optional(self.pool())
            .await
    }

    async fn territory_row(&self, campaign: &CampaignId) -> Result<Option<Row>, sqlx::Error> {
        sqlx::query_as(
            "SELECT version, document, updated_at_ms, updated_by FROM campaign_territories \
             WHERE campaign = $1",
        )
        .bind(campaign.as_str().to_owned())
        .fetch_optional(self.pool())
        .await
    }

    /// What the coordinator's screen shows: counts, résidences, last change.
    pub async fn attached_territory(&self, campaign: &CampaignId) -> Result<Attached, sqlx::Error> {
        let Some((version, document, at, by)) = self.territory_row(campaign).await? else {
            return Ok(Attached::default());
        };
        let territory = read(&document)?;
        Ok(Attached {
            updated_at_ms: Some(at),
            updated_by: Some(by),
            ..Attached::of(&territory, Some(version))
        })
    }

    /// Merges `incoming` into the campaign's territory as `by` (a coordinator's name).
    pub async fn attach_territory(
        &self,
        campaign: &CampaignId,
        incoming: Territory,
        by: &str,
    ) -> Result<(Attached, MergeSummary), AttachError> {
        rules::check(&incoming).map_err(AttachError::Refused)?;
        for _ in 0..3 {
            let row = self.territory_row(campaign).await?;
            let (known_version, current) = match &row {
                Some((version, document, ..)) => (Some(version.clone()), read(document)?),
                None => (None, Territory::default()),
            };
            let (merged, added) =
                rules::attach(current, incoming.clone()).map_err(AttachError::Refused)?;
            let version = rules::version(&merged);
            let at = i64::try_from(now_ms()).unwrap_or(i64::MAX);
            if known_version.as_deref() == Some(version.as_str()) {
                // The same file again: nothing to store, nothing for the tablets to fetch.
                let (_, _, at, by) = row.expect("a version comes from a row");
                return Ok((
                    Attached {
                        updated_at_ms: Some(at),
                        updated_by: Some(by),
                        ..Attached::of(&merged, Some(version))
                    },
                    added,
                ));
            }
            let document = serde_json::to_string(&merged)
                .map_err(|e| AttachError::Storage(sqlx::Error::Decode(Box::new(e))))?;
            let counts = Counts::of(&merged);
            let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
            let query = match known_version {
                None => sqlx::query(
                    "INSERT INTO campaign_territories (version, document, residences, buildings, \
                     entrances, doors, updated_at_ms, updated_by, campaign) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (campaign) DO NOTHING",
                ),
                Some(_) => sqlx::query(
                    "UPDATE campaign_territories SET version = $1, document = $2, residences = $3, \
                     buildings = $4, entrances = $5, doors = $6, updated_at_ms = $7, \
                     updated_by = $8 WHERE campaign = $9 AND version = $10",
                ),
            };
            let query = query
                .bind(version.clone())
                .bind(document)
                .bind(count(counts.residences))
                .bind(count(counts.buildings))
                .bind(count(counts.entrances))
                .bind(count(counts.doors))
                .bind(at)
                .bind(by.to_owned())
                .bind(campaign.as_str().to_owned());
            let query = match &row {
                Some((old, ..)) => query.bind(old.clone()),
                None => query,
            };
            if query.execute(self.pool()).await?.rows_affected() == 1 {
                return Ok((
                    Attached {
                        updated_at_ms: Some(at),
                        updated_by: Some(by.to_owned()),
                        ..Attached::of(&merged, Some(version))
                    },
                    added,
                ));
            }
        }
        Err(AttachError::Busy)
    }
}

fn read(document: &str) -> Result<Territory, sqlx::Error> {
    serde_json::from_str(document).map_err(|e| sqlx::Error::Decode(Box::new(e)))
}
