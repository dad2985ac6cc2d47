//! Kiosk callback requests on the server: the coordinators' lists (`domain::kiosk::callbacks`),
//! recording that one was handled, and the retention purge of their details
//! (`domain::privacy::callbacks`). The requests are opened at ingest (`sealing`); no device
//! pulls them or their handling.

use super::{Db, now_ms};
use domain::calendar::LocalDate;
use domain::event::{Actor, EventBody, EventEnvelope, Recorder};
use domain::ids::{CampaignId, DeviceId, EventId};
use domain::kiosk::{CallbackHandled, CallbackList, callback_list};
use domain::privacy::{blank_callbacks, callbacks_due};

impl Db {
    /// The campaign's opened callback requests and their handlings, in storage order.
    pub async fn callback_events(
        &self,
        campaign: &CampaignId,
    ) -> Result<Vec<EventEnvelope>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT envelope FROM events WHERE campaign = $1 AND kind IN ($2, $3) \
             ORDER BY position",
        )
        .bind(campaign.as_str().to_owned())
        .bind("KioskCallbackOpened")
        .bind("KioskCallbackHandled")
        .fetch_all(self.pool())
        .await?;
        super::envelopes(&rows)
    }

    /// "À rappeler" and "traitées" for the coordinators.
    pub async fn callbacks(&self, campaign: &CampaignId) -> Result<CallbackList, sqlx::Error> {
        Ok(callback_list(&self.callback_events(campaign).await?))
    }

    /// Records that `actor` (a coordinator) handled the request `callback`. Like an erasure, the
    /// server records it under a device id of its own, drawn at random, with sequence 1.
    pub async fn record_callback_handled(
        &self,
        campaign: &CampaignId,
        actor: Actor,
        callback: EventId,
    ) -> Result<EventEnvelope, sqlx::Error> {
        let mut recorder = Recorder::new(DeviceId::from_random(super::devices::random_bytes()));
        let event = recorder.record(
            now_ms(),
            super::devices::random_bytes::<10>(),
            actor,
            campaign.clone(),
            EventBody::KioskCallbackHandled(CallbackHandled { callback }),
        );
        self.store_events(&[&event]).await?;
        Ok(event)
    }

    /// Blanks the details of the campaign's callback requests whose last contact is `months`
    /// or more before `today` (or, dry, only counts them); returns how many.
    pub async fn purge_callbacks(
        &self,
        campaign: &CampaignId,
        months: u32,
        today: LocalDate,
        dry_run: bool,
    ) -> Result<usize, sqlx::Error> {
        let events = self.callback_events(campaign).await?;
        let due = callbacks_due(&events, months, today);
        if dry_run || due.is_empty() {
            return Ok(due.len());
        }
        let blanked = blank_callbacks(&events, &due);
        self.rewrite_in_place(&blanked).await?;
        tracing::info!(
            "retention, campaign {campaign}: {} callback request(s) blanked",
            blanked.len()
        );
        Ok(blanked.len())
    }
}
