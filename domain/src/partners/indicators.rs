//! The partners' counts in the coordinators' indicators: contacts with partners by theme, and
//! referrals by status, through the `indicators` module's hook. The keys are wire names
//! (`Theme::wire_name`, `ReferralStatus::wire_name`); `from_wire_name` and `label` say them.

use super::directory::Directory;
use super::referral::ReferralStatus;
use crate::event::{EventBody, EventEnvelope};
use crate::indicators::{Activity, Hook, hooks::Place};

/// Plugs the partner events into `indicators::compute`. It learns the directory from every
/// `PartnerEdited` (whatever the filter), so that a contact counts under its partner's themes.
#[derive(Debug, Clone, Default)]
pub struct PartnersHook {
    directory: Directory,
}

const KINDS: [&str; 4] = [
    "PartnerEdited",
    "PartnerContactLogged",
    "ReferralMade",
    "ReferralStatusChanged",
];

impl Hook for PartnersHook {
    fn kinds(&self) -> &[&'static str] {
        &KINDS
    }

    /// Dated by when it happened; placed nowhere, since a partner serves more than one door, so
    /// these counts show only when no résidence, bâtiment or entrée is chosen.
    fn place<'a>(&self, body: &'a EventBody) -> Place<'a> {
        let date = match body {
            EventBody::PartnerContactLogged(contact) => Some(contact.local_date),
            EventBody::ReferralMade(made) => Some(made.local_date),
            EventBody::ReferralStatusChanged(update) => Some(update.local_date),
            _ => None,
        };
        Place {
            date,
            door: None,
            residence: None,
        }
    }

    fn learn(&mut self, event: &EventEnvelope) {
        self.directory.apply(event);
    }

    fn count(&mut self, event: &EventEnvelope, activity: &mut Activity) {
        match &event.body {
            // A partner without a theme yet adds to no theme: the chart is by theme.
            EventBody::PartnerContactLogged(contact) => {
                if let Some(partner) = self.directory.partner(&contact.partner) {
                    for theme in &partner.themes {
                        Activity::bump(&mut activity.partner_contacts_by_theme, theme.wire_name());
                    }
                }
            }
            EventBody::ReferralMade(made) => {
                furthest(activity, made.referral.as_str(), ReferralStatus::Proposed);
            }
            EventBody::ReferralStatusChanged(update) => {
                furthest(activity, update.referral.as_str(), update.status);
            }
            _ => {}
        }
    }
}

/// The referrals' own merge rule (`referral`): the furthest step wins, and between equal steps
/// the later one, which is this one since the indicators read the log in clock order.
fn furthest(activity: &mut Activity, referral: &str, status: ReferralStatus) {
    let kept = activity
        .referral_status
        .get(referral)
        .and_then(|name| ReferralStatus::from_wire_name(name));
    if kept.is_none_or(|kept| status.step() >= kept.step()) {
        activity
            .referral_status
            .insert(referral.to_owned(), status.wire_name());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::LocalDate;
    use crate::indicators::{Filter, Query, compute_with_hooks};
    use crate::partners::flow_tests::mixed_log;
    use crate::partners::tests::{NOW, device, record};
    use crate::partners::{ReferralId, ReferralUpdate, Theme};

    fn query(filter: Filter) -> Query {
        Query {
            campaign: crate::ids::CampaignId::demo(),
            filter,
            absent_attempts: 3,
            today: LocalDate::new(2026, 12, 31).unwrap(),
        }
    }

    #[test]
    fn contacts_count_by_theme_and_referrals_by_their_furthest_status() {
        let mut events = mixed_log();
        // The referral is closed; then a tablet that had not heard of it says "acceptée" again.
        let mut rec = crate::event::Recorder::new(device(9));
        for (later, status, day) in [
            (100, ReferralStatus::NoFollowUp, 20),
            (200, ReferralStatus::Accepted, 21),
        ] {
            events.push(record(
                &mut rec,
                NOW + later,
                EventBody::ReferralStatusChanged(ReferralUpdate {
                    referral: ReferralId::from_random([1; 16]),
                    status,
                    local_date: LocalDate::new(2026, 12, day).unwrap(),
                }),
            ));
        }
        let territory = crate::demo_territory::territory();
        let mut hook = PartnersHook::default();
        let all = compute_with_hooks(
            &events,
            &territory,
            &query(Filter::default()),
            &mut [&mut hook],
        );
        // The contact is with the centre social: one count under each of its six themes.
        let by_theme = &all.activity.partner_contacts_by_theme;
        assert_eq!(by_theme.len(), 6);
        assert_eq!(by_theme[Theme::Numerique.wire_name()], 1);
        assert_eq!(
            all.activity.referrals_by_status(),
            [("sans_suite", 1)].into_iter().collect()
        );

        // Over the first days of December only: the referral was accepted then.
        let early = Filter {
            to: Some(LocalDate::new(2026, 12, 10).unwrap()),
            ..Filter::default()
        };
        let mut hook = PartnersHook::default();
        let december = compute_with_hooks(&events, &territory, &query(early), &mut [&mut hook]);
        assert_eq!(
            december.activity.referrals_by_status(),
            [("acceptee", 1)].into_iter().collect()
        );
        // The directory was learnt even though its events carry no date.
        assert_eq!(december.activity.partner_contacts_by_theme.len(), 6);
        for key in december.activity.referrals_by_status().keys() {
            assert!(ReferralStatus::from_wire_name(key).is_some());
        }
    }
}
