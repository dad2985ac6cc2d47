//! Every indicator on the hand-worked estate of `fixture`, unfiltered and through each filter.

use super::fixture::{self, INES, KARIM, dec, estate, log, nov, today};
use super::hooks::Place;
use super::*;
use crate::canvass::summary::WellbeingAnswers;
use crate::event::EventBody;
use crate::ids::CampaignId;
use crate::territory::{BuildingId, EntranceId, ResidenceId};

fn query(filter: Filter) -> Query {
    Query {
        campaign: CampaignId::demo(),
        filter,
        absent_attempts: 2,
        today: today(),
    }
}

fn run(filter: Filter) -> Indicators {
    compute(&log(), &estate(), &query(filter))
}

fn faces(by_face: [u32; 5]) -> WellbeingAnswers {
    WellbeingAnswers { by_face }
}

#[test]
fn every_indicator_of_the_whole_campaign() {
    let ind = run(Filter::default());
    // Twelve doors; visited: a1-1..4, a2-1, a2-2, b1-1, b1-2, c1-1, c1-2 (b1-3 and c1-3 never).
    assert_eq!(ind.doors_in_scope, 12);
    assert_eq!(ind.doors.visited, 10);
    // a2-2 was only ever "inaccessible": not knocked. The other nine were.
    assert_eq!(ind.knocked, 9);
    // Opened: a1-2 refusal, a1-3 sign-up, a1-4 come back, a2-1 interested, c1-1 come back,
    // c1-2 sign-up. Do-not-disturb (b1-1) is not an opening.
    assert_eq!(ind.opened, 6);
    assert_eq!(ind.contact_rate, Rate { part: 6, whole: 9 });
    assert_eq!(ind.contact_rate.whole_percent(), Some(67));
    // Sign-ups: Awa (app contact), Chloé (résidence group), Dounia (in the hall, no door).
    // Bilal only wants a partner: a referral, not a sign-up.
    assert_eq!(ind.sign_ups, 3);
    assert_eq!(ind.sign_up_rate, Rate { part: 3, whole: 6 });
    // a1-2 stays a refusal: the "signed up" on it belongs to another campaign.
    assert_eq!(ind.refusals, 1);
    // Absent twice or more: a1-1 (3 tries) and b1-2 (2 tries).
    assert_eq!(ind.absent_after_attempts, 2);
    // À revoir: a1-4 (Thursday 26, past on 2 December) and c1-1 (3 December, not yet).
    assert_eq!(ind.revisits_pending, 2);
    assert_eq!(ind.revisits_overdue, 1);
    // At a1-3, and to Le Parc as a whole.
    assert_eq!(ind.presentations, 2);
    assert_eq!(
        ind.doors,
        Counts {
            doors: 12,
            visited: 10,
            opened: 6,
            absent: 2,
            refused: 1,
            interested: 1,
            signed_up: 2,
            come_back: 2,
            do_not_disturb: 1,
            inaccessible: 1,
            // Never visited 2, absent 2, a1-4 due (26 ≤ 2 Dec); c1-1 not due until the 3rd.
            remaining: 5,
        }
    );
    // Week of 23 Nov: faces 2 (the refusal, received twice, counted once), 5, 4, 4.
    // Week of 30 Nov: 3 (c1-1) and 5 (c1-2).
    assert_eq!(
        ind.wellbeing,
        [
            WeekAnswers {
                week_of: nov(23),
                answers: faces([0, 1, 0, 2, 1]),
            },
            WeekAnswers {
                week_of: nov(30),
                answers: faces([0, 0, 1, 0, 1]),
            },
        ]
    );
    assert_eq!(ind.activity, Activity::default(), "no hooked kind yet");
    assert_eq!(ind.visits_outside_territory, 1, "the door \"ailleurs\"");
}

#[test]
fn the_volunteer_list_of_the_filter() {
    assert_eq!(
        scope::volunteers(&log(), &CampaignId::demo()),
        [INES, KARIM]
    );
    let other = CampaignId::parse("autre").unwrap();
    assert_eq!(scope::volunteers(&log(), &other), [KARIM]);
}

#[test]
fn the_absent_threshold_is_the_coordinators() {
    let mut q = query(Filter::default());
    q.absent_attempts = 3;
    assert_eq!(compute(&log(), &estate(), &q).absent_after_attempts, 1);
    q.absent_attempts = 1;
    assert_eq!(compute(&log(), &estate(), &q).absent_after_attempts, 2);
}

#[test]
fn a_volunteer_sees_what_they_recorded() {
    let ines = run(Filter {
        volunteer: Some(INES.into()),
        ..Filter::default()
    });
    // Inès: a1-1 (absent ×3), a1-2, a1-3, c1-1, c1-2; the doors in scope do not change.
    assert_eq!(ines.doors_in_scope, 12);
    assert_eq!(ines.knocked, 5);
    assert_eq!(ines.opened, 4);
    assert_eq!(ines.sign_ups, 3);
    assert_eq!(ines.presentations, 2);
    assert_eq!(ines.refusals, 1);
    assert_eq!(ines.absent_after_attempts, 1);
    assert_eq!(ines.revisits_pending, 1);
    assert_eq!(ines.revisits_overdue, 0);
    assert_eq!(ines.visits_outside_territory, 0, "that visit was Karim's");

    let karim = run(Filter {
        volunteer: Some(KARIM.into()),
        ..Filter::default()
    });
    // Karim: a1-4, a2-1, b1-1, b1-2 knocked (a2-2 out of reach); a1-4 and a2-1 opened.
    assert_eq!((karim.knocked, karim.opened), (4, 2));
    assert_eq!(karim.sign_ups, 0);
    assert_eq!(karim.sign_up_rate.whole_percent(), Some(0));
    assert_eq!(karim.visits_outside_territory, 1);

    let nobody = run(Filter {
        volunteer: Some("Personne".into()),
        ..Filter::default()
    });
    assert_eq!(nobody.knocked, 0);
    assert_eq!(nobody.contact_rate.percent(), None);
}

#[test]
fn a_residence_counts_its_own_doors_and_events() {
    let ind = run(Filter {
        residence: Some(ResidenceId("tilleuls".into())),
        ..Filter::default()
    });
    assert_eq!(ind.doors_in_scope, 9);
    // All Tilleuls visits but a2-2 (inaccessible): a1-1..4, a2-1, b1-1, b1-2.
    assert_eq!(ind.knocked, 7);
    assert_eq!(ind.opened, 4);
    // Awa only: Chloé is at Le Parc, Dounia was met without a door.
    assert_eq!(ind.sign_ups, 1);
    // At a1-3; the one to Le Parc is elsewhere.
    assert_eq!(ind.presentations, 1);
    // With a place chosen, an unknown door is simply elsewhere.
    assert_eq!(ind.visits_outside_territory, 0);

    let parc = run(Filter {
        residence: Some(ResidenceId("parc".into())),
        ..Filter::default()
    });
    assert_eq!((parc.doors_in_scope, parc.knocked, parc.opened), (3, 2, 2));
    // Chloé; the presentation named Le Parc without a door, which is enough for a résidence.
    assert_eq!((parc.sign_ups, parc.presentations), (1, 1));
}

#[test]
fn a_building_and_an_entrance_narrow_further() {
    let b = run(Filter {
        building: Some(BuildingId("bat-b".into())),
        ..Filter::default()
    });
    // b1-1 (do not disturb) and b1-2 (absent twice) knocked, nobody opened.
    assert_eq!((b.doors_in_scope, b.knocked, b.opened), (3, 2, 0));
    assert_eq!(b.contact_rate.whole_percent(), Some(0));
    assert_eq!(
        b.sign_up_rate.percent(),
        None,
        "no door opened: no rate, no NaN"
    );
    assert_eq!(b.doors.do_not_disturb, 1);
    assert_eq!(b.absent_after_attempts, 1);

    let a2 = run(Filter {
        entrance: Some(EntranceId("a2".into())),
        ..Filter::default()
    });
    assert_eq!((a2.doors_in_scope, a2.knocked, a2.opened), (2, 1, 1));
    assert_eq!(a2.doors.inaccessible, 1);
    assert_eq!(a2.sign_ups, 0, "Bilal's yes is to a partner only");

    // A bâtiment of another résidence than the one chosen: nothing, not an error.
    let none = run(Filter {
        residence: Some(ResidenceId("parc".into())),
        building: Some(BuildingId("bat-a".into())),
        ..Filter::default()
    });
    assert_eq!(none.doors_in_scope, 0);
    assert_eq!(none.presentations, 0);
    assert_eq!(none.contact_rate.percent(), None);
}

#[test]
fn a_period_keeps_its_own_days() {
    let first_week = run(Filter {
        from: Some(nov(23)),
        to: Some(nov(29)),
        ..Filter::default()
    });
    // Visits of 23–25 Nov: a1-1 (×3), a1-2, a1-3, a1-4, a2-1, a2-2 (inaccessible).
    assert_eq!((first_week.knocked, first_week.opened), (5, 4));
    assert_eq!(first_week.sign_ups, 1);
    assert_eq!(first_week.presentations, 1);
    assert_eq!(first_week.absent_after_attempts, 1);
    assert_eq!(first_week.revisits_pending, 1);
    assert_eq!(
        first_week.visits_outside_territory, 0,
        "that was on the 30th"
    );
    assert_eq!(first_week.wellbeing.len(), 1);
    assert_eq!(first_week.wellbeing[0].answers, faces([0, 1, 0, 2, 1]));

    // Entrée C1 from 1 December: c1-2's sign-up only (c1-1 was visited on 30 November).
    let c1 = run(Filter {
        from: Some(dec(1)),
        to: Some(dec(2)),
        entrance: Some(EntranceId("c1".into())),
        ..Filter::default()
    });
    assert_eq!((c1.doors_in_scope, c1.knocked, c1.opened), (3, 1, 1));
    assert_eq!(c1.sign_ups, 1);
    assert_eq!(c1.sign_up_rate.whole_percent(), Some(100));
    // The presentation to Le Parc names no door: too coarse for an entrée.
    assert_eq!(c1.presentations, 0);
    assert_eq!(c1.revisits_pending, 0);
    assert_eq!(c1.wellbeing[0].answers, faces([0, 0, 0, 0, 1]));

    // b1-2 absent on 30 Nov and 1 Dec: within 1–2 Dec, one try only.
    let december = run(Filter {
        from: Some(dec(1)),
        ..Filter::default()
    });
    assert_eq!(december.absent_after_attempts, 0);
    assert_eq!(december.doors.absent, 1);
}

#[test]
fn arrival_order_and_duplicates_change_nothing() {
    let events = log();
    let expected = compute(&events, &estate(), &query(Filter::default()));
    let mut reversed = events.clone();
    reversed.reverse();
    assert_eq!(
        compute(&reversed, &estate(), &query(Filter::default())),
        expected
    );
    let mut twice = events.clone();
    twice.extend(events.iter().cloned());
    twice.rotate_left(7);
    assert_eq!(
        compute(&twice, &estate(), &query(Filter::default())),
        expected
    );
}

#[test]
fn an_empty_log_gives_zeros_and_no_rate() {
    let ind = compute(&[], &estate(), &query(Filter::default()));
    assert_eq!(ind.doors_in_scope, 12);
    assert_eq!((ind.knocked, ind.opened, ind.sign_ups), (0, 0, 0));
    for rate in [ind.contact_rate, ind.sign_up_rate] {
        assert_eq!(rate.percent(), None);
        assert_eq!(rate.whole_percent(), None);
    }
    assert!(ind.wellbeing.is_empty());
    let nothing = compute(&[], &Territory::default(), &query(Filter::default()));
    assert_eq!(nothing.doors_in_scope, 0);
}

#[test]
fn rates_round_half_up_and_never_divide_by_zero() {
    let rate = |part, whole| Rate { part, whole };
    assert_eq!(rate(2, 3).whole_percent(), Some(67));
    assert_eq!(rate(1, 8).whole_percent(), Some(13), "12.5 rounds up");
    assert_eq!(rate(1, 3).whole_percent(), Some(33));
    assert_eq!(rate(5, 4).whole_percent(), Some(125));
    assert_eq!(rate(u32::MAX, 1).whole_percent(), Some(u32::MAX));
    assert_eq!(rate(0, 0).percent(), None);
    assert_eq!(rate(3, 0).whole_percent(), None);
    assert!((rate(1, 4).percent().unwrap() - 25.0).abs() < 1e-9);
}

/// A stand-in for the kinds being written elsewhere: field notes, dated by their text
/// ("2026-11-25 …"), placed at Les Tilleuls, counted as ideas; a note "done" moves referral
/// "ref-1" on. It also remembers every note it learnt, filter or not, as a partner hook would
/// learn the directory.
#[derive(Default)]
struct NoteHook {
    learnt: Vec<String>,
}

fn tilleuls() -> &'static ResidenceId {
    static TILLEULS: std::sync::OnceLock<ResidenceId> = std::sync::OnceLock::new();
    TILLEULS.get_or_init(|| ResidenceId("tilleuls".into()))
}

impl Hook for NoteHook {
    fn kinds(&self) -> &[&'static str] {
        &["FieldNoteRecorded"]
    }

    fn place<'a>(&self, body: &'a EventBody) -> Place<'a> {
        let EventBody::FieldNoteRecorded { text } = body else {
            return Place::default();
        };
        let date = text
            .get(..10)
            .and_then(|d| crate::calendar::LocalDate::try_from(d.to_owned()).ok());
        Place {
            date,
            door: None,
            residence: Some(tilleuls()),
        }
    }

    fn learn(&mut self, event: &crate::event::EventEnvelope) {
        if let EventBody::FieldNoteRecorded { text } = &event.body {
            self.learnt.push(text.clone());
        }
    }

    fn count(&mut self, event: &crate::event::EventEnvelope, activity: &mut Activity) {
        activity.ideas += 1;
        if let EventBody::FieldNoteRecorded { text } = &event.body {
            let status = if text.contains("done") {
                "done"
            } else {
                "sent"
            };
            activity.referral_status.insert("ref-1".into(), status);
            Activity::bump(&mut activity.partner_contacts_by_theme, "numerique");
        }
    }
}

fn with_note_hook(
    events: &[crate::event::EventEnvelope],
    filter: Filter,
) -> (Indicators, NoteHook) {
    let mut hook = NoteHook::default();
    let ind = compute_with_hooks(events, &estate(), &query(filter), &mut [&mut hook]);
    (ind, hook)
}

#[test]
fn other_kinds_plug_in_through_a_hook() {
    let note = |wall, who, text: &str| {
        fixture::event(
            wall,
            who,
            EventBody::FieldNoteRecorded { text: text.into() },
        )
    };
    let mut events = log();
    events.push(note(30, INES, "2026-11-25 sent"));
    events.push(note(31, KARIM, "2026-12-01 done"));
    events.push(note(31, KARIM, "2026-12-01 done"));

    let (all, hook) = with_note_hook(&events, Filter::default());
    assert_eq!(all.activity.ideas, 2, "the copy counts once");
    assert_eq!(hook.learnt.len(), 2);
    assert_eq!(
        all.activity.referrals_by_status(),
        [("done", 1)].into_iter().collect()
    );
    assert_eq!(all.activity.partner_contacts_by_theme["numerique"], 2);

    let (november, hook) = with_note_hook(
        &events,
        Filter {
            to: Some(nov(30)),
            ..Filter::default()
        },
    );
    assert_eq!(november.activity.ideas, 1);
    assert_eq!(hook.learnt.len(), 2, "a hook learns whatever the période");
    let (parc, _) = with_note_hook(
        &events,
        Filter {
            residence: Some(ResidenceId("parc".into())),
            ..Filter::default()
        },
    );
    assert_eq!(
        parc.activity.ideas, 0,
        "the notes are placed at Les Tilleuls"
    );
    let (karim, hook) = with_note_hook(
        &events,
        Filter {
            volunteer: Some(KARIM.into()),
            ..Filter::default()
        },
    );
    assert_eq!(karim.activity.ideas, 1, "Karim's note only");
    assert_eq!(
        hook.learnt,
        ["2026-11-25 sent", "2026-12-01 done"],
        "and whoever wrote it"
    );

    // Without the hook, the same log counts no idea and nothing else changes.
    let plain = compute(&events, &estate(), &query(Filter::default()));
    assert_eq!(plain.activity, Activity::default());
    assert_eq!(plain.knocked, all.knocked);
}

#[test]
fn each_chart_has_a_title_series_and_a_table_alternative() {
    use super::charts::{ChartId, Label, Shape, State, TableRow, charts};
    use crate::i18n::Locale;
    let ind = run(Filter::default());
    let all = charts(&ind);
    assert_eq!(all.iter().map(|c| c.id).collect::<Vec<_>>(), ChartId::ALL);

    let funnel = all[0].table();
    assert_eq!(funnel.columns, [Label::What, Label::Count]);
    let rows: Vec<_> = funnel.rows.iter().map(|r| (r.head, r.cells[0])).collect();
    assert_eq!(
        rows,
        [
            (Label::DoorsInScope, 12),
            (Label::Knocked, 9),
            (Label::Opened, 6),
            (Label::SignUps, 3)
        ]
    );

    // Every door once: 2 never visited + the ten visited ones by state.
    let states = &all[1];
    assert_eq!(states.series[0].values, [2, 2, 1, 1, 2, 2, 1, 1]);
    assert_eq!(states.series[0].values.iter().sum::<u32>(), 12);
    assert_eq!(states.categories[0], Label::State(State::NotVisited));

    // Wellbeing: one stacked bar per week, one segment per face.
    let wellbeing = &all[2];
    assert_eq!(wellbeing.shape, Shape::StackedBars);
    assert_eq!(wellbeing.series.len(), 5);
    assert_eq!(
        wellbeing.max_bar(),
        4,
        "four answers in the week of 23 November"
    );
    let table = wellbeing.table();
    assert_eq!(table.columns.len(), 6, "the week, then five faces");
    assert_eq!(
        table.rows[1],
        TableRow {
            head: Label::WeekOf(nov(30)),
            cells: vec![0, 0, 1, 0, 1]
        }
    );
    assert_eq!(
        Label::WeekOf(nov(30)).text(Locale::Fr),
        "Semaine du 30/11/2026"
    );

    // Nothing hooked yet: the three activity charts say so instead of drawing empty axes.
    assert!(all[3].is_empty() && all[4].is_empty() && all[5].is_empty());
    assert!(all[3].table().rows.is_empty());
    assert!(!all[0].is_empty());

    for locale in Locale::ALL {
        for chart in &all {
            assert!(!chart.id.title(locale).is_empty());
            for label in chart.table().columns {
                assert!(!label.text(locale).is_empty());
            }
            for label in &chart.categories {
                assert!(!label.text(locale).is_empty());
            }
        }
    }
}
