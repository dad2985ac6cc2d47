//! The kiosk's results in the indicators, worked out by hand: its anonymous wellbeing answers and
//! the shared-space ideas with their votes, on the estate of `fixture`, unfiltered and through
//! each filter.

use super::charts::{ChartId, Label, TableRow, charts};
use super::fixture::{self, INES, dec, estate, nov, today};
use super::*;
use crate::canvass::Wellbeing;
use crate::canvass::summary::WellbeingAnswers;
use crate::event::{Actor, EventBody, EventEnvelope};
use crate::ids::CampaignId;
use crate::kiosk::{IdeaHidden, IdeaId, IdeaProposed, IdeaVoted, KioskLanguage, KioskWellbeing};
use crate::territory::ResidenceId;

const T: u64 = 1_795_000_000_000;

fn at_kiosk(n: u64, body: EventBody) -> EventEnvelope {
    let mut e = fixture::event(T + n * 1_000, "borne", body);
    e.actor = Actor::Kiosk;
    e
}

fn idea(n: u8) -> IdeaId {
    IdeaId::from_random([n; 16])
}

fn proposed(n: u8, residence: &str, text: &str) -> EventBody {
    EventBody::IdeaProposed(IdeaProposed {
        idea: idea(n),
        residence: ResidenceId(residence.into()),
        room: "salle-rdc".into(),
        text: text.into(),
        language: KioskLanguage::Fr,
    })
}

fn voted(n: u8, residence: &str) -> EventBody {
    EventBody::IdeaVoted(IdeaVoted {
        idea: idea(n),
        residence: ResidenceId(residence.into()),
        room: "salle-rdc".into(),
    })
}

fn face(n: u8, residence: &str, on: crate::calendar::LocalDate) -> EventBody {
    EventBody::KioskWellbeingGiven(KioskWellbeing {
        face: Wellbeing::new(n).unwrap(),
        local_date: on,
        residence: Some(ResidenceId(residence.into())),
    })
}

/// The fixture's door log plus, at the kiosks:
/// - faces 5 (Tilleuls, 24/11), 4 (Tilleuls, 25/11), 4 (Le Parc, 26/11), 1 (Tilleuls, 01/12);
/// - ideas: 1 "Une ludothèque" and 2 "Un atelier vélo" at Les Tilleuls, 3 "Un jardin partagé" at
///   Le Parc, 4 "Idée retirée" at Les Tilleuls, hidden after its two votes;
/// - votes: idea 1 ×2, idea 2 ×3 (one received twice), idea 3 ×2, idea 4 ×2, and one for an idea 5
///   of Les Tilleuls whose proposal has not arrived. Votes cast: 10.
fn log() -> Vec<EventEnvelope> {
    let mut events = fixture::log();
    let kiosk = vec![
        face(5, "tilleuls", nov(24)),
        face(4, "tilleuls", nov(25)),
        face(4, "parc", nov(26)),
        face(1, "tilleuls", dec(1)),
        proposed(1, "tilleuls", "Une ludothèque"),
        proposed(2, "tilleuls", "Un atelier vélo"),
        proposed(3, "parc", "Un jardin partagé"),
        proposed(4, "tilleuls", "Idée retirée"),
        voted(1, "tilleuls"),
        voted(2, "tilleuls"),
        voted(2, "tilleuls"),
        voted(3, "parc"),
        voted(1, "tilleuls"),
        voted(2, "tilleuls"),
        voted(3, "parc"),
        voted(4, "tilleuls"),
        voted(4, "tilleuls"),
        voted(5, "tilleuls"),
    ];
    for (n, body) in kiosk.into_iter().enumerate() {
        events.push(at_kiosk(n as u64, body));
    }
    // A vote received twice (a re-sent push) counts once.
    let copy = events
        .iter()
        .rev()
        .find(|e| e.body == voted(2, "tilleuls"))
        .cloned();
    events.extend(copy);
    // The coordinator hides idea 4 after its votes.
    let mut hidden = fixture::event(
        T + 60_000,
        "Claire",
        EventBody::IdeaHidden(IdeaHidden { idea: idea(4) }),
    );
    hidden.actor = Actor::Coordinator {
        name: "Claire".into(),
    };
    events.push(hidden);
    events
}

fn run(filter: Filter) -> Indicators {
    compute(
        &log(),
        &estate(),
        &Query {
            campaign: CampaignId::demo(),
            filter,
            absent_attempts: 2,
            today: today(),
        },
    )
}

fn row(n: u8, text: &str, residence: &str, votes: u32) -> IdeaVotes {
    IdeaVotes {
        idea: idea(n).as_str().to_owned(),
        text: text.into(),
        residence: residence.into(),
        votes,
    }
}

fn faces(by_face: [u32; 5]) -> WellbeingAnswers {
    WellbeingAnswers { by_face }
}

#[test]
fn the_kiosk_results_of_the_whole_campaign() {
    let ind = run(Filter::default());
    assert_eq!(ind.activity.kiosk_wellbeing, faces([1, 0, 0, 2, 1]));
    // Four proposals (the hidden one was proposed too), ten votes cast.
    assert_eq!((ind.activity.ideas, ind.activity.votes), (4, 10));
    // Idea 2 first (3); ideas 3 and 1 tie at 2: Le Parc ("parc") before Les Tilleuls. Idea 4 is
    // hidden; idea 5 has no proposal yet.
    assert_eq!(
        ind.activity.idea_votes,
        [
            row(2, "Un atelier vélo", "tilleuls", 3),
            row(3, "Un jardin partagé", "parc", 2),
            row(1, "Une ludothèque", "tilleuls", 2),
        ]
    );
    // The doors' figures and their wellbeing do not take the kiosk's.
    assert_eq!((ind.sign_ups, ind.knocked), (3, 9));
    let doors_faces: u32 = ind
        .wellbeing
        .iter()
        .map(|w| w.answers.by_face.iter().sum::<u32>())
        .sum();
    assert_eq!(doors_faces, 6, "the fixture's six door answers only");
}

#[test]
fn a_residence_keeps_its_own_ideas_and_faces() {
    let ind = run(Filter {
        residence: Some(ResidenceId("tilleuls".into())),
        ..Filter::default()
    });
    assert_eq!(ind.activity.kiosk_wellbeing, faces([1, 0, 0, 1, 1]));
    // Ideas 1, 2, 4; votes 2 + 3 + 2 + 1 (idea 5).
    assert_eq!((ind.activity.ideas, ind.activity.votes), (3, 8));
    assert_eq!(
        ind.activity.idea_votes,
        [
            row(2, "Un atelier vélo", "tilleuls", 3),
            row(1, "Une ludothèque", "tilleuls", 2),
        ]
    );
}

#[test]
fn a_period_keeps_the_dated_faces_and_no_undated_vote() {
    let ind = run(Filter {
        from: Some(nov(23)),
        to: Some(nov(29)),
        ..Filter::default()
    });
    assert_eq!(ind.activity.kiosk_wellbeing, faces([0, 0, 0, 2, 1]));
    assert_eq!((ind.activity.ideas, ind.activity.votes), (0, 0));
    assert!(ind.activity.idea_votes.is_empty());
}

#[test]
fn a_volunteer_cast_no_kiosk_answer() {
    let ind = run(Filter {
        volunteer: Some(INES.into()),
        ..Filter::default()
    });
    assert_eq!(ind.activity.kiosk_wellbeing, WellbeingAnswers::default());
    assert!(ind.activity.idea_votes.is_empty());
}

#[test]
fn the_kiosk_wellbeing_chart_and_its_table() {
    let ind = run(Filter::default());
    let all = charts(&ind);
    let kiosk = all
        .iter()
        .find(|c| c.id == ChartId::KioskWellbeing)
        .unwrap();
    let table = kiosk.table();
    assert_eq!(table.columns, [Label::Feeling, Label::Answers]);
    assert_eq!(
        table.rows,
        (1..=5u8)
            .zip([1, 0, 0, 2, 1])
            .map(|(f, n)| TableRow {
                head: Label::Face(f),
                cells: vec![n]
            })
            .collect::<Vec<_>>()
    );
    let shared = all
        .iter()
        .find(|c| c.id == ChartId::KioskAndSharedSpace)
        .unwrap();
    assert_eq!(shared.series[0].values, [0, 0, 4, 10]);
    for locale in crate::i18n::Locale::ALL {
        assert!(
            ChartId::KioskWellbeing
                .title(locale)
                .contains(match locale {
                    crate::i18n::Locale::Fr => "borne",
                    crate::i18n::Locale::En => "kiosk",
                    crate::i18n::Locale::Ar => "شاشة",
                })
        );
        for l in [Label::Feeling, Label::Idea, Label::Residence] {
            assert!(!l.text(locale).is_empty());
        }
        assert!(!words::idea_votes_title(locale).is_empty());
        assert!(!words::no_ideas(locale).is_empty());
    }
    // Without kiosk answers the chart says so instead of drawing.
    let plain = compute(
        &fixture::log(),
        &estate(),
        &Query {
            campaign: CampaignId::demo(),
            filter: Filter::default(),
            absent_attempts: 2,
            today: today(),
        },
    );
    assert!(charts(&plain)[6].is_empty());
}
