//! When to knock again at a door where nobody opened. People are home at different times (work,
//! school runs, night shifts), so trying the same part of the day again mostly finds the same
//! empty flat: the suggestion moves to the part of the day tried least.

use crate::calendar::{LocalDate, PartOfDay};
use crate::canvass::words;
use crate::i18n::Locale;

/// The next attempt: a day and a part of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Suggestion {
    pub on: LocalDate,
    pub part: PartOfDay,
}

/// Which part of the day to prefer when the history does not decide: the evening finds most
/// working people home, the late afternoon families back from school, the morning retired people
/// and night workers.
const PREFERENCE: [PartOfDay; 3] = [PartOfDay::Evening, PartOfDay::Afternoon, PartOfDay::Morning];

/// From the absent attempts so far (date and part of day, any order), the next one to try.
///
/// The part of the day: the one with the fewest absent attempts; among equals, the one tried
/// longest ago (never tried counts as longest ago); then [`PREFERENCE`]. So absent twice in the
/// morning gives the evening, and after one try at each part the oldest comes round again.
///
/// The day: today, unless the door was already tried today at that part of the day or later, in
/// which case tomorrow (this morning's absent door can be tried this evening; this evening's
/// must wait for tomorrow).
pub fn suggest_next_attempt(history: &[(LocalDate, PartOfDay)], today: LocalDate) -> Suggestion {
    let part = PREFERENCE
        .into_iter()
        .enumerate()
        .min_by_key(|(preference, part)| {
            let tries = history.iter().filter(|(_, p)| p == part);
            let count = tries.clone().count();
            let latest = tries.map(|(date, _)| *date).max();
            (count, latest, *preference)
        })
        .map(|(_, part)| part)
        .unwrap_or(PartOfDay::Evening);
    let latest_today = history
        .iter()
        .filter(|(date, _)| *date == today)
        .map(|(_, p)| words::rank(*p))
        .max();
    let on = match latest_today {
        Some(latest) if latest >= words::rank(part) => today.plus_days(1),
        _ => today,
    };
    Suggestion { on, part }
}

impl Suggestion {
    /// "Essayez demain, en soirée."
    pub fn text(&self, locale: Locale, today: LocalDate) -> String {
        let day = words::day_from(self.on, today, locale);
        let during = words::during(self.part, locale);
        match locale {
            Locale::Fr => format!("Essayez {day}, {during}."),
            Locale::En => format!("Try {day}, {during}."),
            Locale::Ar => format!("حاول {day}، {during}."),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PartOfDay::{Afternoon, Evening, Morning};
    use proptest::prelude::*;

    fn day(d: u8) -> LocalDate {
        LocalDate::new(2026, 11, d).unwrap()
    }

    #[test]
    fn absent_twice_in_the_morning_try_the_evening() {
        let s = suggest_next_attempt(&[(day(23), Morning), (day(24), Morning)], day(25));
        assert_eq!(
            s,
            Suggestion {
                on: day(25),
                part: Evening
            }
        );
        assert_eq!(
            s.text(Locale::Fr, day(25)),
            "Essayez aujourd'hui, en soirée."
        );
    }

    #[test]
    fn this_morning_can_be_tried_again_this_evening_but_not_this_evening() {
        let s = suggest_next_attempt(&[(day(25), Morning)], day(25));
        assert_eq!(
            s,
            Suggestion {
                on: day(25),
                part: Evening
            }
        );
        let s = suggest_next_attempt(&[(day(25), Evening)], day(25));
        assert_eq!(
            s,
            Suggestion {
                on: day(26),
                part: Afternoon
            }
        );
        assert_eq!(s.text(Locale::Fr, day(25)), "Essayez demain, l'après-midi.");
        assert_eq!(
            s.text(Locale::En, day(25)),
            "Try tomorrow, in the afternoon."
        );
    }

    #[test]
    fn after_one_try_at_each_part_the_oldest_comes_round_again() {
        let history = [(day(20), Afternoon), (day(21), Evening), (day(22), Morning)];
        assert_eq!(suggest_next_attempt(&history, day(25)).part, Afternoon);
    }

    #[test]
    fn with_no_history_the_evening() {
        assert_eq!(
            suggest_next_attempt(&[], day(25)),
            Suggestion {
                on: day(25),
                part: Evening
            }
        );
    }

    #[test]
    fn later_days_are_named() {
        let s = Suggestion {
            on: day(27),
            part: Morning,
        };
        assert_eq!(
            s.text(Locale::Fr, day(25)),
            "Essayez vendredi 27/11, le matin."
        );
        assert_eq!(s.text(Locale::Ar, day(25)), "حاول الجمعة 27/11، في الصباح.");
    }

    fn any_part() -> impl Strategy<Value = PartOfDay> {
        prop_oneof![Just(Morning), Just(Afternoon), Just(Evening)]
    }

    proptest! {
        #[test]
        fn the_suggestion_is_never_a_part_tried_more_than_another(
            history in prop::collection::vec((20u8..=25, any_part()), 0..12),
        ) {
            let history: Vec<_> = history.into_iter().map(|(d, p)| (day(d), p)).collect();
            let s = suggest_next_attempt(&history, day(25));
            let count = |part| history.iter().filter(|(_, p)| *p == part).count();
            for other in [Morning, Afternoon, Evening] {
                prop_assert!(count(s.part) <= count(other));
            }
            prop_assert!(s.on == day(25) || s.on == day(26));
            let mut reversed = history.clone();
            reversed.reverse();
            prop_assert_eq!(suggest_next_attempt(&reversed, day(25)), s);
        }
    }
}
