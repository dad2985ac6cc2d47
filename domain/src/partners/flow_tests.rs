//! Referrals from consent to closing, and the contact log's follow-ups, as the screens use them.

use super::tests::{NOW, device, record};
use super::*;
use crate::calendar::LocalDate;
use crate::consent::{ConsentAnswer, Purpose};
use crate::event::{EventBody, EventEnvelope, Recorder};
use crate::i18n::Locale;
use crate::signup::ResidentId;

fn day(d: u8) -> LocalDate {
    LocalDate::new(2026, 12, d).unwrap()
}

fn awa() -> ResidentId {
    ResidentId::from_random([0xaa; 16])
}

fn sign_up(resident: ResidentId, referral_ok: bool) -> EventBody {
    EventBody::ResidentSignedUp {
        door: None,
        resident,
        first_name: "Awa".into(),
        last_name: None,
        phone: Some("+33612345678".into()),
        email: None,
        language: "fr".into(),
        consents: Purpose::ALL
            .into_iter()
            .map(|purpose| ConsentAnswer {
                purpose,
                granted: purpose == Purpose::AppContact
                    || (referral_ok && purpose == Purpose::PartnerReferral),
            })
            .collect(),
        notice_version: crate::consent::NOTICE_VERSION.into(),
        local_date: day(1),
    }
}

fn glycines() -> Partner {
    demo::directory().remove(0)
}

#[test]
fn the_status_moves_forward_only_and_closed_referrals_stay_closed() {
    use ReferralStatus::*;
    let allowed = |from, to| {
        matches!(
            (from, to),
            (Proposed, Accepted | InProgress | Done | NoFollowUp)
                | (Accepted, InProgress | Done | NoFollowUp)
                | (InProgress, Done | NoFollowUp)
        )
    };
    for from in ReferralStatus::ALL {
        for to in ReferralStatus::ALL {
            assert_eq!(
                from.check_move(to).is_ok(),
                allowed(from, to),
                "{from:?} → {to:?}"
            );
        }
        let choices = from.next_choices();
        assert!(choices.iter().all(|to| allowed(from, *to)));
    }
    assert_eq!(
        Proposed.next_choices(),
        [Accepted, InProgress, Done, NoFollowUp]
    );
    assert!(Done.next_choices().is_empty());
    assert_eq!(
        Done.check_move(InProgress),
        Err(TransitionError {
            from: Done,
            to: InProgress,
            why: Refusal::Closed
        })
    );
}

#[test]
fn an_invalid_transition_says_why_in_plain_words() {
    use ReferralStatus::*;
    let text = |from: ReferralStatus, to, locale| from.check_move(to).unwrap_err().text(locale);
    assert_eq!(
        text(InProgress, Accepted, Locale::Fr),
        "Cette orientation est « en cours » : elle ne peut pas revenir à « acceptée »."
    );
    assert_eq!(
        text(Done, NoFollowUp, Locale::Fr),
        "Cette orientation est « réalisée » : elle est terminée et ne peut plus changer. \
         Pour une nouvelle démarche, faites une nouvelle orientation."
    );
    assert_eq!(
        text(Accepted, Accepted, Locale::En),
        "This referral is already “accepted”."
    );
    assert_eq!(
        text(NoFollowUp, Done, Locale::Ar),
        "هذا التوجيه «بلا متابعة»: لقد انتهى ولا يمكن تغييره. لمحاولة جديدة، قم بتوجيه جديد."
    );
    assert_eq!(
        TransitionError {
            from: InProgress,
            to: Proposed,
            why: Refusal::Backwards
        }
        .to_string(),
        "This referral is “in progress”: it cannot go back to “proposed”."
    );
}

#[test]
fn a_referral_needs_the_residents_consent_for_that_purpose() {
    let mut recorder = Recorder::new(device(1));
    let bob = ResidentId::from_random([0xbb; 16]);
    let log = vec![
        record(&mut recorder, NOW, sign_up(awa(), true)),
        record(&mut recorder, NOW + 1, sign_up(bob.clone(), false)),
    ];
    assert_eq!(referral_consent(&log, &awa()), Some(true));
    assert_eq!(referral_consent(&log, &bob), Some(false));
    let nobody = ResidentId::from_random([0xcc; 16]);
    assert_eq!(referral_consent(&log, &nobody), None);

    let id = ReferralId::from_random([1; 16]);
    let partner = glycines();
    let propose_to = |resident: &ResidentId, partner: &Partner| {
        propose(
            id.clone(),
            resident,
            referral_consent(&log, resident),
            partner,
            Theme::Numerique,
            day(2),
        )
    };
    let made = propose_to(&awa(), &partner).unwrap();
    assert_eq!(made.resident, Some(awa()));
    assert_eq!(made.partner, partner.id);
    assert_eq!(propose_to(&bob, &partner), Err(ReferralProblem::NoConsent));
    assert_eq!(
        propose_to(&nobody, &partner),
        Err(ReferralProblem::UnknownResident)
    );
    let closed = Partner {
        archived: true,
        ..partner
    };
    assert_eq!(
        propose_to(&awa(), &closed),
        Err(ReferralProblem::PartnerArchived)
    );
    // The latest sign-up decides: a resident who said yes on a second visit can be referred.
    let mut later = log.clone();
    later.push(record(&mut recorder, NOW + 2, sign_up(bob.clone(), true)));
    assert_eq!(referral_consent(&later, &bob), Some(true));
    for problem in [
        ReferralProblem::UnknownResident,
        ReferralProblem::NoConsent,
        ReferralProblem::PartnerArchived,
    ] {
        for locale in Locale::ALL {
            assert!(!problem.text(locale).is_empty());
        }
    }
}

fn made(id: u8, theme: Theme, on: LocalDate) -> EventBody {
    EventBody::ReferralMade(ReferralMade {
        referral: ReferralId::from_random([id; 16]),
        resident: Some(awa()),
        partner: glycines().id,
        theme,
        local_date: on,
    })
}

fn update(id: u8, status: ReferralStatus, on: LocalDate) -> EventBody {
    EventBody::ReferralStatusChanged(ReferralUpdate {
        referral: ReferralId::from_random([id; 16]),
        status,
        local_date: on,
    })
}

#[test]
fn the_status_is_the_furthest_step_any_device_recorded() {
    use ReferralStatus::*;
    let (mut here, mut there) = (Recorder::new(device(1)), Recorder::new(device(2)));
    let events = vec![
        record(&mut here, NOW, made(1, Theme::Numerique, day(2))),
        record(&mut here, NOW + 10, update(1, InProgress, day(5))),
        // A tablet that had not heard of "en cours" records "acceptée" later: it does not undo it.
        record(&mut there, NOW + 20, update(1, Accepted, day(4))),
        record(&mut here, NOW + 30, made(2, Theme::Emploi, day(3))),
        record(&mut here, NOW + 40, update(2, Done, day(9))),
        // Both closings, concurrently: the later clock decides, on every device.
        record(&mut there, NOW + 50, update(2, NoFollowUp, day(9))),
        record(&mut there, NOW + 60, made(3, Theme::Numerique, day(6))),
        // An update whose referral has not arrived: it waits, and counts nothing.
        record(&mut there, NOW + 70, update(4, Accepted, day(6))),
    ];
    let referrals = Referrals::from_events(&events);
    let one = referrals.get(&ReferralId::from_random([1; 16])).unwrap();
    assert_eq!(one.status, InProgress);
    assert_eq!(one.status_on, day(5));
    assert_eq!(one.made_on(), day(2));
    assert_eq!(
        one.history.iter().map(|s| s.status).collect::<Vec<_>>(),
        [Proposed, InProgress, Accepted]
    );
    let two = referrals.get(&ReferralId::from_random([2; 16])).unwrap();
    assert_eq!(two.status, NoFollowUp);
    assert!(referrals.get(&ReferralId::from_random([4; 16])).is_none());

    let counts = referrals.counts();
    assert_eq!(
        counts,
        StatusCounts {
            proposed: 1,
            accepted: 0,
            in_progress: 1,
            done: 0,
            no_follow_up: 1
        }
    );
    assert_eq!(counts.total(), 3);
    assert_eq!(counts.open(), 2);
    let by_theme = referrals.counts_by_theme();
    assert_eq!(by_theme[&Theme::Numerique].total(), 2);
    assert_eq!(by_theme[&Theme::Emploi].no_follow_up, 1);
    assert_eq!(referrals.counts_by_partner()[&glycines().id].total(), 3);
    assert_eq!(referrals.of_resident(&awa()).len(), 3);
    // Newest proposal first.
    assert_eq!(referrals.all()[0].id, ReferralId::from_random([3; 16]));

    // The update screen: from "en cours", "réalisée" is offered, "acceptée" is refused.
    assert_eq!(
        change_status(&one, Done, day(12)),
        Ok(ReferralUpdate {
            referral: one.id.clone(),
            status: Done,
            local_date: day(12)
        })
    );
    assert!(change_status(&one, Accepted, day(12)).is_err());
    // The referral arrives after its update: the update counts from then on.
    let mut late = referrals.clone();
    late.apply(&record(&mut here, NOW + 80, made(4, Theme::Sante, day(6))));
    assert_eq!(
        late.get(&ReferralId::from_random([4; 16])).unwrap().status,
        Accepted
    );
}

fn contact(partner: &Partner, on: LocalDate, next: Option<(&str, LocalDate)>) -> EventBody {
    EventBody::PartnerContactLogged(PartnerContact {
        partner: partner.id.clone(),
        local_date: on,
        met_by: "Inès".into(),
        met_with: "L'accueil".into(),
        channel: Channel::Telephone,
        subject: "Point d'étape".into(),
        outcome: String::new(),
        next_step: next.map(|(what, on)| NextStep {
            what: what.into(),
            on,
        }),
    })
}

#[test]
fn follow_ups_due_come_from_the_latest_contact_with_each_partner() {
    let partners = demo::directory();
    let (glycines, regie, panier, clic) = (&partners[0], &partners[1], &partners[2], &partners[3]);
    let mut events = demo::events();
    let mut rec = Recorder::new(device(1));
    let mut log = |body| events.push(record(&mut rec, NOW, body));
    log(contact(glycines, day(1), Some(("Rappeler", day(5)))));
    // Logged later but dated earlier: the contact of the 1st stays the latest.
    log(contact(
        glycines,
        day(1).plus_days(-3),
        Some(("Vieux", day(2))),
    ));
    log(contact(regie, day(2), Some(("Envoyer la liste", day(3)))));
    log(contact(regie, day(4), Some(("Réunion de bilan", day(20)))));
    log(contact(
        panier,
        day(2),
        Some(("Visite de l'épicerie", day(5))),
    ));
    log(contact(clic, day(2), None));
    log(EventBody::PartnerEdited(PartnerEdit {
        partner: panier.id.clone(),
        fields: PartnerFields {
            archived: Some(true),
            ..PartnerFields::default()
        },
    }));
    let all = Partners::from_events(&events);
    let due = all.contacts.follow_ups_due(&all.directory, day(5));
    assert_eq!(due.len(), 1, "{due:?}");
    assert_eq!(due[0].partner_name, "Centre social Les Glycines");
    assert_eq!(due[0].what, "Rappeler");
    assert!(!due[0].overdue);
    let later = all.contacts.follow_ups_due(&all.directory, day(21));
    assert_eq!(
        later
            .iter()
            .map(|d| (d.partner_name.as_str(), d.overdue))
            .collect::<Vec<_>>(),
        [
            ("Centre social Les Glycines", true),
            ("Régie de quartier Rives de l'Est", true)
        ]
    );
    let history: Vec<LocalDate> = all
        .contacts
        .of_partner(&glycines.id)
        .map(|e| e.contact.local_date)
        .collect();
    assert_eq!(history, [day(1), day(1).plus_days(-3)]);
    assert_eq!(all.contacts.newest_first().count(), 6);
}

#[test]
fn every_problem_and_label_has_words_in_every_language() {
    let problems = [
        PartnerProblem::NothingChanged,
        PartnerProblem::NameMissing,
        PartnerProblem::TooLong {
            field: PartnerField::Hours,
            max: 500,
        },
        PartnerProblem::Website,
        PartnerProblem::TooManyContacts,
        PartnerProblem::ContactNameMissing { contact: 2 },
        PartnerProblem::ContactTooLong { contact: 2 },
        PartnerProblem::ContactPhone {
            contact: 1,
            problem: crate::contact::PhoneProblem::NoPrefix,
        },
        PartnerProblem::ContactEmail {
            contact: 1,
            problem: crate::contact::EmailProblem::NoAt,
        },
        PartnerProblem::NotStoredForm {
            field: PartnerField::Phone,
        },
    ];
    for locale in Locale::ALL {
        for problem in &problems {
            let text = problem.text(locale);
            assert!(!text.is_empty() && !text.contains('{'), "{text}");
        }
        for field in PartnerField::ALL {
            assert!(!field.label(locale).is_empty());
        }
        for theme in Theme::ALL {
            assert!(!theme.label(locale).is_empty());
        }
        for channel in Channel::ALL {
            assert!(!channel.label(locale).is_empty());
        }
        for kind in PartnerKind::ALL {
            assert!(!kind.label(locale).is_empty());
        }
    }
    assert_eq!(
        PartnerProblem::TooLong {
            field: PartnerField::Hours,
            max: 500
        }
        .text(Locale::Fr),
        "« Horaires » est trop long : 500 caractères au plus."
    );
    assert_eq!(
        ContactProblem::FollowUpBeforeContact {
            on: day(2),
            contact: day(3)
        }
        .text(Locale::Fr),
        "La relance (mercredi 2/12) ne peut pas être avant le contact (jeudi 3/12)."
    );
}

/// Events of every partner kind for the convergence tests.
pub(crate) fn mixed_log() -> Vec<EventEnvelope> {
    let mut rec = Recorder::new(device(3));
    let mut events = demo::events();
    events.push(record(&mut rec, NOW, made(1, Theme::Numerique, day(2))));
    events.push(record(
        &mut rec,
        NOW + 1,
        update(1, ReferralStatus::Accepted, day(3)),
    ));
    events.push(record(
        &mut rec,
        NOW + 2,
        contact(&glycines(), day(2), Some(("Rappeler", day(9)))),
    ));
    events
}
