//! "Inscriptions à confirmer": residents signed up on this device who asked to be contacted
//! about the neighbourhood app or to join their résidence's group, until the volunteer checks
//! (at the next pass or by phone) that the invitation reached them and records it. A sign-up
//! that granted neither purpose has nothing to confirm.

use std::collections::BTreeSet;

use crate::calendar::LocalDate;
use crate::event::{EventBody, EventEnvelope};
use crate::i18n::{Locale, Text};
use crate::signup::ResidentId;
use crate::territory::DoorId;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignupToConfirm {
    pub resident: ResidentId,
    pub first_name: String,
    pub door: Option<DoorId>,
    pub signed_up_on: LocalDate,
}

impl SignupToConfirm {
    /// Days since the sign-up: after a week an invitation not acted on is usually lost.
    pub fn waiting_days(&self, today: LocalDate) -> i64 {
        today.days_since_epoch() - self.signed_up_on.days_since_epoch()
    }

    /// "inscrit aujourd'hui", "inscrit hier", "inscrit il y a 3 jours" (never "il y a 0 j").
    pub fn waited(&self, today: LocalDate, locale: Locale) -> String {
        match self.waiting_days(today).max(0) {
            0 => locale.text(Text::ToConfirmToday).to_owned(),
            1 => locale.text(Text::ToConfirmYesterday).to_owned(),
            days => locale.fill(Text::ToConfirmWaiting, &[("days", &days.to_string())]),
        }
    }
}

/// The sign-ups still to confirm, oldest first (they have waited longest). A confirmation
/// counts whatever order the events arrive in, and a sign-up recorded twice is listed once.
pub fn signups_to_confirm<'a>(
    events: impl IntoIterator<Item = &'a EventEnvelope>,
) -> Vec<SignupToConfirm> {
    let mut confirmed = BTreeSet::new();
    let mut signed = Vec::new();
    let mut seen = BTreeSet::new();
    for event in events {
        // Erased details leave nobody to contact.
        if crate::privacy::is_erased_sign_up(&event.body) {
            continue;
        }
        match &event.body {
            EventBody::SignupConfirmed { resident, .. } => {
                confirmed.insert(resident.clone());
            }
            EventBody::ResidentSignedUp {
                door,
                resident,
                first_name,
                consents,
                local_date,
                ..
            } if crate::signup::joins_the_app(consents) && seen.insert(resident.clone()) => {
                signed.push(SignupToConfirm {
                    resident: resident.clone(),
                    first_name: first_name.clone(),
                    door: door.clone(),
                    signed_up_on: *local_date,
                });
            }
            _ => {}
        }
    }
    signed.retain(|s| !confirmed.contains(&s.resident));
    signed.sort_by(|a, b| (a.signed_up_on, &a.resident).cmp(&(b.signed_up_on, &b.resident)));
    signed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consent::{ConsentAnswer, Purpose};
    use crate::event::{Actor, Recorder};
    use crate::ids::{CampaignId, DeviceId};

    fn day(d: u8) -> LocalDate {
        LocalDate::new(2026, 11, d).unwrap()
    }

    fn sign_up(who: u8, name: &str, on: LocalDate, granted: &[Purpose]) -> EventBody {
        EventBody::ResidentSignedUp {
            door: Some(DoorId(format!("door-{who}"))),
            resident: ResidentId::from_random([who; 16]),
            first_name: name.into(),
            last_name: None,
            phone: Some("+33612345678".into()),
            email: None,
            language: "fr".into(),
            consents: Purpose::ALL
                .iter()
                .map(|p| ConsentAnswer {
                    purpose: *p,
                    granted: granted.contains(p),
                })
                .collect(),
            notice_version: crate::consent::NOTICE_VERSION.into(),
            local_date: on,
        }
    }

    fn confirm(who: u8) -> EventBody {
        EventBody::SignupConfirmed {
            resident: ResidentId::from_random([who; 16]),
            local_date: day(20),
        }
    }

    fn events(bodies: Vec<EventBody>) -> Vec<EventEnvelope> {
        let mut rec = Recorder::new(DeviceId::from_random([1; 16]));
        bodies
            .into_iter()
            .enumerate()
            .map(|(i, body)| {
                let actor = Actor::Volunteer {
                    name: "Inès".into(),
                };
                rec.record(
                    1_700_000_000_000 + i as u64,
                    [i as u8; 10],
                    actor,
                    CampaignId::demo(),
                    body,
                )
            })
            .collect()
    }

    #[test]
    fn sign_ups_wanting_contact_or_the_group_wait_oldest_first_until_confirmed() {
        let log = events(vec![
            sign_up(1, "Amina", day(12), &[Purpose::AppContact]),
            sign_up(2, "Bakary", day(10), &[Purpose::ResidenceGroup]),
            // Only a referral was wanted: nothing for the volunteer to confirm.
            sign_up(3, "Chloé", day(11), &[Purpose::PartnerReferral]),
            sign_up(
                4,
                "Dalila",
                day(9),
                &[Purpose::AppContact, Purpose::ResidenceGroup],
            ),
            confirm(4),
        ]);
        let names: Vec<_> = signups_to_confirm(&log)
            .into_iter()
            .map(|s| s.first_name)
            .collect();
        assert_eq!(names, ["Bakary", "Amina"]);
    }

    #[test]
    fn how_long_a_sign_up_has_waited_reads_as_people_say_it() {
        let amina = signups_to_confirm(&events(vec![sign_up(
            1,
            "Amina",
            day(12),
            &[Purpose::AppContact],
        )]))
        .remove(0);
        let said = |today: u8, locale| amina.waited(day(today), locale);
        assert_eq!(said(12, Locale::Fr), "inscrit aujourd'hui");
        assert_eq!(said(13, Locale::Fr), "inscrit hier");
        assert_eq!(said(15, Locale::Fr), "inscrit il y a 3 jours");
        assert_eq!(said(15, Locale::En), "signed up 3 days ago");
        assert_eq!(said(12, Locale::Ar), "سُجّل اليوم");
        assert_eq!(said(15, Locale::Ar), "أيام منذ التسجيل: 3");
        // A device clock set back shows "today", not a negative count.
        assert_eq!(said(10, Locale::Fr), "inscrit aujourd'hui");
    }

    #[test]
    fn a_sign_up_erased_at_the_residents_request_leaves_the_list() {
        let mut erased = sign_up(5, "", day(8), &[Purpose::AppContact]);
        if let EventBody::ResidentSignedUp { phone, .. } = &mut erased {
            *phone = None;
        }
        let log = events(vec![
            erased,
            sign_up(6, "Farid", day(9), &[Purpose::AppContact]),
        ]);
        let names: Vec<_> = signups_to_confirm(&log)
            .into_iter()
            .map(|s| s.first_name)
            .collect();
        assert_eq!(names, ["Farid"]);
    }

    #[test]
    fn a_confirmation_counts_in_any_order_and_a_repeated_sign_up_once() {
        let mut log = events(vec![
            confirm(1),
            sign_up(1, "Amina", day(12), &[Purpose::AppContact]),
            sign_up(2, "Bakary", day(10), &[Purpose::AppContact]),
        ]);
        log.push(log[2].clone());
        let left = signups_to_confirm(&log);
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].first_name, "Bakary");
        assert_eq!(left[0].waiting_days(day(17)), 7);
    }
}
