//! The retention rule: a resident's personal details are kept for the campaign's period after
//! the last contact with them (three years by default, the CNIL's reference for people contacted
//! who went no further), then erased like an erasure request, so the purge reaches every device.
//!
//! The last contact is the latest date among: their sign-ups, the visits and presentations at the
//! doors where they signed up, the referrals made for them and the status changes of those.

use std::collections::{BTreeMap, BTreeSet};

use crate::calendar::LocalDate;
use crate::event::{EventBody, EventEnvelope};
use crate::i18n::Locale;
use crate::partners::ReferralId;
use crate::signup::ResidentId;
use crate::territory::DoorId;

use super::erasure::{
    ErasedField, ErasureReason, Erasures, RETENTION_REFERENCE, ResidentErased, is_erased_sign_up,
};

/// Three years.
pub const DEFAULT_RETENTION_MONTHS: u32 = crate::campaign::DEFAULT_RETENTION_MONTHS as u32;

/// A period stored in days (the server's `retention_days`) in whole months: 1095 days are 36.
pub fn months_from_days(days: i64) -> u32 {
    // 365 days make 12 months; rounded to the nearest month.
    ((days.max(0) * 12 + 182) / 365) as u32
}

/// The same day `months` later; the 29th to the 31st become the month's last day when the
/// month is shorter (31/01 + 1 month = 28/02 or 29/02).
pub fn add_months(date: LocalDate, months: u32) -> LocalDate {
    let total = date.year as i64 * 12 + i64::from(date.month - 1) + i64::from(months);
    let year = (total / 12) as i32;
    let month = (total % 12) as u8 + 1;
    let mut day = date.day;
    loop {
        if let Ok(d) = LocalDate::new(year, month, day) {
            return d;
        }
        day -= 1;
    }
}

/// One resident whose details are due for purge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    pub resident: ResidentId,
    pub last_contact: LocalDate,
}

impl Due {
    /// The erasure that carries out the purge.
    pub fn erasure(&self, today: LocalDate) -> ResidentErased {
        ResidentErased {
            resident: self.resident.clone(),
            fields: ErasedField::ALL.to_vec(),
            reason: ErasureReason::RetentionPeriod,
            requested_on: today,
            reference: RETENTION_REFERENCE.to_owned(),
            callbacks: Vec::new(),
        }
    }
}

/// The residents of `events` whose last contact is `months` or more before `today` and whose
/// details are still held, oldest contact first. A resident whose details were already erased is
/// not listed again.
pub fn due_for_purge<'a>(
    events: impl IntoIterator<Item = &'a EventEnvelope>,
    months: u32,
    today: LocalDate,
) -> Vec<Due> {
    let events: Vec<&EventEnvelope> = events.into_iter().collect();
    let erasures = Erasures::from_events(events.iter().copied());
    let mut last: BTreeMap<&ResidentId, LocalDate> = BTreeMap::new();
    let mut held: BTreeSet<&ResidentId> = BTreeSet::new();
    let mut doors: BTreeMap<&DoorId, Vec<&ResidentId>> = BTreeMap::new();
    let mut referrals: BTreeMap<&ReferralId, &ResidentId> = BTreeMap::new();
    let touch = |last: &mut BTreeMap<&'a ResidentId, LocalDate>, who: &'a ResidentId, on| {
        let entry = last.entry(who).or_insert(on);
        *entry = (*entry).max(on);
    };
    // First the people and what points to them, then the contacts at their doors.
    for &event in &events {
        match &event.body {
            EventBody::ResidentSignedUp {
                resident,
                door,
                local_date,
                ..
            } => {
                touch(&mut last, resident, *local_date);
                let details_erased = erasures
                    .of(resident)
                    .is_some_and(|f| f.contains(&ErasedField::Details));
                if !is_erased_sign_up(&event.body) && !details_erased {
                    held.insert(resident);
                }
                if let Some(door) = door {
                    doors.entry(door).or_default().push(resident);
                }
            }
            EventBody::ReferralMade(made) => {
                if let Some(resident) = &made.resident {
                    touch(&mut last, resident, made.local_date);
                    referrals.insert(&made.referral, resident);
                }
            }
            _ => {}
        }
    }
    for &event in &events {
        let (door, on) = match &event.body {
            EventBody::DoorVisited {
                door, local_date, ..
            } => (Some(door), *local_date),
            EventBody::AppPresented {
                door: Some(door),
                local_date,
                ..
            } => (Some(door), *local_date),
            EventBody::ReferralStatusChanged(update) => {
                if let Some(resident) = referrals.get(&update.referral) {
                    touch(&mut last, resident, update.local_date);
                }
                (None, update.local_date)
            }
            _ => (None, today),
        };
        for resident in door.and_then(|d| doors.get(d)).into_iter().flatten() {
            touch(&mut last, resident, on);
        }
    }
    let mut due: Vec<Due> = last
        .into_iter()
        .filter(|(resident, _)| held.contains(resident))
        .filter(|(_, last_contact)| add_months(*last_contact, months) <= today)
        .map(|(resident, last_contact)| Due {
            resident: resident.clone(),
            last_contact,
        })
        .collect();
    due.sort_by(|a, b| (a.last_contact, &a.resident).cmp(&(b.last_contact, &b.resident)));
    due
}

/// What a retention run did (or, dry, would do): how many residents' details, and the oldest
/// last contact among them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetentionSummary {
    pub purged: usize,
    pub oldest_contact: Option<LocalDate>,
}

impl RetentionSummary {
    pub fn of(due: &[Due]) -> RetentionSummary {
        RetentionSummary {
            purged: due.len(),
            oldest_contact: due.iter().map(|d| d.last_contact).min(),
        }
    }

    /// "2 résidents : coordonnées effacées, plus ancien contact le 02/12/2023".
    pub fn text(&self, locale: Locale) -> String {
        super::words::retention_summary(self.purged, self.oldest_contact, locale)
    }
}
