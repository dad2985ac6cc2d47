//! The indicators over 100,000 events, timed natively. Ignored by default (a timing is not a
//! test); run it in release:
//! `cargo test -p domain --release indicators::bench -- --ignored --nocapture`.

use std::time::Instant;

use super::fixture::{big_estate, big_log, today};
use super::*;
use crate::ids::CampaignId;
use crate::territory::ResidenceId;

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut best = f64::MAX;
    let mut last = None;
    for _ in 0..runs {
        let start = Instant::now();
        let out = f();
        best = best.min(start.elapsed().as_secs_f64() * 1000.0);
        last = Some(out);
    }
    (best, last.expect("at least one run"))
}

#[test]
#[ignore = "a timing, run on demand in release"]
fn indicators_over_100k_events() {
    // 10 résidences × 1,200 doors: 12,000 doors, a large campaign.
    let territory = big_estate(10);
    let events = big_log(&territory, 100_000);
    let query = |filter| Query {
        campaign: CampaignId::demo(),
        filter,
        absent_attempts: 3,
        today: today(),
    };
    let everything = query(Filter::default());
    let (ms, ind) = time(10, || compute(&events, &territory, &everything));
    println!(
        "100k events, in order, no filter: {ms:.1} ms (best of 10); knocked {}, sign-ups {}",
        ind.knocked, ind.sign_ups
    );
    let one = query(Filter {
        residence: Some(ResidenceId("r3".into())),
        volunteer: Some("Karim".into()),
        ..Filter::default()
    });
    let (ms, _) = time(10, || compute(&events, &territory, &one));
    println!("100k events, in order, résidence + volunteer: {ms:.1} ms (best of 10)");
    let mut shuffled = events.clone();
    shuffled.reverse();
    shuffled.swap(10, 50_000);
    let (ms, other) = time(10, || compute(&shuffled, &territory, &everything));
    println!("100k events, out of order (sorted first): {ms:.1} ms (best of 10)");
    assert_eq!(other, ind);
    let (ms, _) = time(10, || charts::charts(&ind));
    println!("charts from the indicators: {ms:.3} ms");
}
