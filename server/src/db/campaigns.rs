//! Campaigns: the demo one added at start-up, lookups for the API and push checks, creating one,
//! and the coordinator's settings changes, written as events of the campaign's log.

use super::{Db, now_ms};
use domain::campaign::{
    CampaignSettings, SettingEdit, SettingsChange, campaign_settings, retention_days,
    settings_writer,
};
use domain::clock::{Hlc, HlcClock};
use domain::event::{Actor, EventBody, EventEnvelope, Recorder};
use domain::ids::CampaignId;

/// The wire name of settings changes, to read them without parsing the rest of the log.
const SETTINGS_KIND: &str = "CampaignSettingsChanged";

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, sqlx::FromRow)]
pub struct Campaign {
    pub id: String,
    pub name: String,
    pub retention_days: i64,
}

impl Db {
    /// Adds the demo campaign unless it is already there (a restart keeps its data as it is).
    pub async fn seed_demo(&self) -> Result<(), sqlx::Error> {
        let demo = domain::demo::campaign();
        sqlx::query(
            "INSERT INTO campaigns (id, name, retention_days) VALUES ($1, $2, $3) \
             ON CONFLICT (id) DO NOTHING",
        )
        .bind(demo.id.as_str().to_owned())
        .bind(demo.name.to_owned())
        .bind(i64::from(demo.retention_days))
        .execute(self.pool())
        .await
        .map(|_| ())
    }

    pub async fn campaigns(&self) -> Result<Vec<Campaign>, sqlx::Error> {
        sqlx::query_as("SELECT id, name, retention_days FROM campaigns ORDER BY created_at, id")
            .fetch_all(self.pool())
            .await
    }

    pub async fn campaign(&self, id: &str) -> Result<Option<Campaign>, sqlx::Error> {
        sqlx::query_as("SELECT id, name, retention_days FROM campaigns WHERE id = $1")
            .bind(id.to_owned())
            .fetch_optional(self.pool())
            .await
    }
}

/// Why a settings change was not stored.
#[derive(Debug)]
pub enum SettingsWriteError {
    Storage(sqlx::Error),
    /// Another change took the writer's next sequence number at the same moment, three times.
    Busy,
}

impl From<sqlx::Error> for SettingsWriteError {
    fn from(e: sqlx::Error) -> SettingsWriteError {
        SettingsWriteError::Storage(e)
    }
}

impl Db {
    /// Adds a campaign; `false` when its id is taken.
    pub async fn create_campaign(
        &self,
        id: &CampaignId,
        name: &str,
        retention_days: u32,
    ) -> Result<bool, sqlx::Error> {
        let done = sqlx::query(
            "INSERT INTO campaigns (id, name, retention_days) VALUES ($1, $2, $3) \
             ON CONFLICT (id) DO NOTHING",
        )
        .bind(id.as_str().to_owned())
        .bind(name.trim().to_owned())
        .bind(i64::from(retention_days))
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// The campaign's settings changes, as stored: written by its writer device only.
    pub async fn settings_events(
        &self,
        campaign: &CampaignId,
    ) -> Result<Vec<EventEnvelope>, sqlx::Error> {
        let rows: Vec<String> = sqlx::query_scalar(
            "SELECT envelope FROM events WHERE campaign = $1 AND device = $2 AND kind = $3 \
             ORDER BY position",
        )
        .bind(campaign.as_str().to_owned())
        .bind(settings_writer(campaign).to_string())
        .bind(SETTINGS_KIND)
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .iter()
            .filter_map(|text| serde_json::from_str(text).ok())
            .collect())
    }

    /// The campaign's current settings.
    pub async fn campaign_settings(
        &self,
        campaign: &CampaignId,
    ) -> Result<CampaignSettings, sqlx::Error> {
        Ok(campaign_settings(
            campaign,
            &self.settings_events(campaign).await?,
        ))
    }

    /// Records a coordinator's settings change as an event of the campaign's writer device
    /// (`domain::campaign::settings_writer`): the next sequence number after the writer's last,
    /// and a clock after its last timestamp, so the newest change always wins the merge. The
    /// campaigns table follows the name and retention period, for the lists and the retention job.
    pub async fn write_settings(
        &self,
        campaign: &CampaignId,
        actor: Actor,
        edits: &[SettingEdit],
    ) -> Result<EventEnvelope, SettingsWriteError> {
        let writer = settings_writer(campaign);
        let change = SettingsChange::from_edits(edits);
        for _ in 0..3 {
            let last: Option<(i64, String)> = sqlx::query_as(
                "SELECT seq, hlc FROM events WHERE device = $1 ORDER BY seq DESC LIMIT 1",
            )
            .bind(writer.to_string())
            .fetch_optional(self.pool())
            .await?;
            let mut recorder = Recorder::new(writer.clone());
            let now = now_ms();
            if let Some((seq, hlc)) = &last {
                recorder.next_seq = (*seq).max(0) as u64 + 1;
                if let Ok(hlc) = Hlc::parse(hlc) {
                    // A stored clock ahead of this server's (another server's clock, restored
                    // from a backup) is followed rather than refused: the change must be later.
                    let mut clock = HlcClock::new(writer.clone());
                    clock.last_wall_ms = hlc.wall_ms;
                    clock.last_counter = hlc.counter;
                    recorder.clock = clock;
                }
            }
            let random = super::devices::random_bytes::<10>();
            let event = recorder.record(
                now,
                random,
                actor.clone(),
                campaign.clone(),
                EventBody::CampaignSettingsChanged(change.clone()),
            );
            let stored = self.store_events(&[&event]).await?;
            if stored.new.contains(&event.id) {
                self.follow_settings(campaign, edits).await?;
                return Ok(event);
            }
        }
        Err(SettingsWriteError::Busy)
    }

    async fn follow_settings(
        &self,
        campaign: &CampaignId,
        edits: &[SettingEdit],
    ) -> Result<(), sqlx::Error> {
        for edit in edits {
            match edit {
                SettingEdit::Name { value } => {
                    sqlx::query("UPDATE campaigns SET name = $1 WHERE id = $2")
                        .bind(value.trim().to_owned())
                        .bind(campaign.as_str().to_owned())
                        .execute(self.pool())
                        .await?;
                }
                SettingEdit::RetentionMonths { months } => {
                    sqlx::query("UPDATE campaigns SET retention_days = $1 WHERE id = $2")
                        .bind(i64::from(retention_days(*months)))
                        .bind(campaign.as_str().to_owned())
                        .execute(self.pool())
                        .await?;
                }
                _ => {}
            }
        }
        Ok(())
    }
}
