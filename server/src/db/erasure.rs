//! Erasure on the server: recording a `ResidentErased` event and rewriting the stored events that
//! hold the erased details (`domain::privacy`), and the retention run that erases the details of
//! residents not contacted for the campaign's period.
//!
//! The log is append-only everywhere else; this is the one place that rewrites rows, for a legal
//! duty. A rewritten row keeps its position, id, device, seq, hlc, campaign and kind; only
//! `envelope` changes. The stored team view (`team_json`, when present) needs no rewrite: the
//! team never receives the fields an erasure blanks (the domain test
//! `counts_outcomes_and_the_consent_proof_stay` checks that the views are equal).
//!
//! Databases keep old versions of a row in freed space, in pages split earlier, and in their WAL
//! until overwritten, so a rewrite ends with a `VACUUM` (and, on SQLite, a checkpoint that
//! truncates the WAL): on SQLite the database files themselves no longer hold the details (the
//! server test reads them); on PostgreSQL the dead versions' space is marked reusable, and base
//! backups or a WAL archive keep them until they roll over (say so in the register of
//! processing). Erasures are rare, so the cost of rebuilding the file is acceptable.
//!
//! Kiosk callback requests (`KioskCallbackOpened`) are rewritten the same way: those an erasure
//! lists (the server finds them when it records the erasure, `domain::privacy::callbacks_of`),
//! and those past the retention period (`db::callbacks`).
//!
//! A sign-up pushed after its resident's erasure (a tablet offline for weeks) is blanked by the
//! next run of [`Db::apply_erasures`]: at every erasure, every retention run and at start-up.

use super::{Backend, Db, now_ms};
use domain::calendar::LocalDate;
use domain::event::{Actor, EventBody, EventEnvelope, Recorder};
use domain::ids::{CampaignId, DeviceId};
use domain::privacy::{Erasures, ResidentErased, RetentionSummary, callbacks_of, due_for_purge};
use domain::signup::ResidentId;

/// The kinds an erasure may rewrite, and the erasures themselves: the only rows worth reading.
const KINDS: [&str; 4] = [
    "ResidentSignedUp",
    "DoorVisited",
    "ReferralMade",
    "ResidentErased",
];

/// What recording an erasure did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErasureOutcome {
    pub event: EventEnvelope,
    /// Stored events rewritten by it.
    pub rewritten: usize,
}

/// The server's day (UTC), for the request date and the retention period.
pub fn today() -> LocalDate {
    LocalDate::from_days_since_epoch((now_ms() / 86_400_000) as i64)
}

impl Db {
    /// Whether the campaign's log holds a sign-up of `resident`.
    pub async fn resident_known(
        &self,
        campaign: &CampaignId,
        resident: &ResidentId,
    ) -> Result<bool, sqlx::Error> {
        // The id is a UUID: matching it in the JSON text is exact, and cheaper than parsing.
        let pattern = format!("%\"resident\":\"{}\"%", resident.as_str());
        let found: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM events WHERE campaign = $1 AND kind = 'ResidentSignedUp' \
             AND envelope LIKE $2",
        )
        .bind(campaign.as_str().to_owned())
        .bind(pattern)
        .fetch_one(self.pool())
        .await?;
        Ok(found > 0)
    }

    /// Stores `erased` as an event of `campaign` by `actor`, then rewrites what it names.
    ///
    /// The server is not an enrolled device: each event it records gets a device id of its own,
    /// drawn at random, with sequence 1, so it never collides with a tablet's sequence and needs
    /// no counter.
    pub async fn record_erasure(
        &self,
        campaign: &CampaignId,
        actor: Actor,
        mut erased: ResidentErased,
    ) -> Result<ErasureOutcome, sqlx::Error> {
        // The callback requests that gave the resident's phone or e-mail, while the sign-up still
        // holds them: listed in the event, they stay reachable once it is blank.
        if erased.callbacks.is_empty() {
            let events = self.erasable_events(campaign).await?;
            erased.callbacks = callbacks_of(&events, &erased.resident);
        }
        let random = super::devices::random_bytes::<10>();
        let mut recorder = Recorder::new(DeviceId::from_random(super::devices::random_bytes()));
        let event = recorder.record(
            now_ms(),
            random,
            actor,
            campaign.clone(),
            EventBody::ResidentErased(erased),
        );
        self.store_events(&[&event]).await?;
        let rewritten = self.apply_erasures(campaign).await?;
        Ok(ErasureOutcome { event, rewritten })
    }

    /// Applies every erasure of `campaign` to its stored events; returns how many rows changed.
    pub async fn apply_erasures(&self, campaign: &CampaignId) -> Result<usize, sqlx::Error> {
        let events = self.erasable_events(campaign).await?;
        let erasures = Erasures::from_events(&events);
        if erasures.is_empty() {
            return Ok(0);
        }
        let blanked: Vec<EventEnvelope> = events.iter().filter_map(|e| erasures.blank(e)).collect();
        if blanked.is_empty() {
            return Ok(0);
        }
        self.rewrite_in_place(&blanked).await?;
        tracing::info!(
            "erasure: {} stored event(s) of campaign {campaign} rewritten",
            blanked.len()
        );
        Ok(blanked.len())
    }

    /// Writes `blanked` over the stored rows of the same ids, then leaves no old version of them
    /// in the database files (see the module's documentation).
    pub(super) async fn rewrite_in_place(
        &self,
        blanked: &[EventEnvelope],
    ) -> Result<(), sqlx::Error> {
        let mut conn = self.pool().acquire().await?;
        if self.backend() == Backend::Sqlite {
            // Freed and overwritten cells are zeroed instead of left in the file.
            sqlx::query("PRAGMA secure_delete = ON")
                .execute(&mut *conn)
                .await?;
        }
        let mut tx = sqlx::Connection::begin(&mut *conn).await?;
        for event in blanked {
            let envelope =
                serde_json::to_string(event).map_err(|e| sqlx::Error::Encode(e.into()))?;
            sqlx::query("UPDATE events SET envelope = $1 WHERE id = $2")
                .bind(envelope)
                .bind(event.id.to_string())
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        // The old versions of the rows may still sit in freed space, in pages split before the
        // erasure, or (SQLite) in the WAL: rebuilding the table's storage leaves none of them.
        match self.backend() {
            Backend::Sqlite => {
                sqlx::query("VACUUM").execute(&mut *conn).await?;
                sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
                    .execute(&mut *conn)
                    .await?;
            }
            // Plain VACUUM (not FULL) does not stop pushes; it makes the dead row versions'
            // space reusable. Backups and the WAL archive keep them until they roll over.
            Backend::Postgres => {
                if let Err(e) = sqlx::query("VACUUM events").execute(&mut *conn).await {
                    tracing::warn!("erasure: VACUUM events failed: {e}");
                }
            }
        }
        Ok(())
    }

    /// The retention run for `campaign`: erases (or, dry, only counts) the details of the residents
    /// whose last contact is older than the campaign's period, as erasure events so that every
    /// device purges them too.
    pub async fn run_retention(
        &self,
        campaign: &CampaignId,
        today: LocalDate,
        dry_run: bool,
    ) -> anyhow::Result<RetentionSummary> {
        let Some(found) = self.campaign(campaign.as_str()).await? else {
            anyhow::bail!("there is no campaign {:?}", campaign.as_str());
        };
        let months = domain::privacy::months_from_days(found.retention_days);
        let events = self.erasable_events(campaign).await?;
        let due = due_for_purge(&events, months, today);
        let summary = RetentionSummary::of(&due);
        if dry_run {
            return Ok(summary);
        }
        for resident in &due {
            self.record_erasure(campaign, Actor::Device, resident.erasure(today))
                .await?;
        }
        // Late arrivals of residents erased before.
        self.apply_erasures(campaign).await?;
        self.purge_callbacks(campaign, months, today, false).await?;
        Ok(summary)
    }

    /// The events an erasure may concern, plus the presentations and referral updates that
    /// count as contacts for the retention period.
    async fn erasable_events(
        &self,
        campaign: &CampaignId,
    ) -> Result<Vec<EventEnvelope>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT envelope FROM events WHERE campaign = $1 \
             AND kind IN ($2, $3, $4, $5, $6, $7, $8) ORDER BY position",
        )
        .bind(campaign.as_str().to_owned())
        .bind(KINDS[0])
        .bind(KINDS[1])
        .bind(KINDS[2])
        .bind(KINDS[3])
        .bind("AppPresented")
        .bind("ReferralStatusChanged")
        .bind("KioskCallbackOpened")
        .fetch_all(self.pool())
        .await?;
        super::envelopes(&rows)
    }

    /// Every campaign's erasures re-applied and its retention run: at start-up, then daily.
    pub async fn privacy_housekeeping(&self) -> anyhow::Result<()> {
        let today = today();
        for campaign in self.campaigns().await? {
            let Ok(id) = CampaignId::parse(&campaign.id) else {
                continue;
            };
            self.apply_erasures(&id).await?;
            let summary = self.run_retention(&id, today, false).await?;
            if summary.purged > 0 {
                tracing::info!(
                    "retention, campaign {id}: {}",
                    summary.text(domain::i18n::Locale::En)
                );
            }
        }
        Ok(())
    }
}
