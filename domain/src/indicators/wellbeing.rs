//! The wellbeing answers over time: per week (Monday to Sunday, as French calendars have it),
//! how many residents chose each face. Weeks without answers between the first and the last are
//! kept, at zero, so that a chart's time axis has no hidden gaps.

use std::collections::BTreeMap;

use crate::calendar::LocalDate;
use crate::canvass::Wellbeing;
use crate::canvass::summary::WellbeingAnswers;

/// One week's answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekAnswers {
    /// The Monday the week starts on.
    pub week_of: LocalDate,
    pub answers: WellbeingAnswers,
}

/// Beyond this many weeks (ten years, only a forged date gets there) the gaps are not filled:
/// one stray date must not make a vector of half a million empty weeks.
const MAX_FILLED_WEEKS: i64 = 520;

/// Collects answers in any date order. Events mostly come in date order, so the week of the
/// previous answer is kept at hand and the map is searched only when the week changes.
#[derive(Debug, Default)]
pub struct WeeksBuilder {
    weeks: BTreeMap<i64, WellbeingAnswers>,
    current: Option<(i64, WellbeingAnswers)>,
}

/// Days since 1970-01-01 of the Monday starting `date`'s week.
fn monday(date: LocalDate) -> i64 {
    date.days_since_epoch() - i64::from(date.weekday())
}

impl WeeksBuilder {
    pub fn add(&mut self, date: LocalDate, answer: Wellbeing) {
        let week = monday(date);
        match &mut self.current {
            Some((current, answers)) if *current == week => answers.add(answer),
            _ => {
                self.flush();
                let mut answers = self.weeks.remove(&week).unwrap_or_default();
                answers.add(answer);
                self.current = Some((week, answers));
            }
        }
    }

    fn flush(&mut self) {
        if let Some((week, answers)) = self.current.take() {
            self.weeks.insert(week, answers);
        }
    }

    pub fn finish(mut self) -> Vec<WeekAnswers> {
        self.flush();
        let (Some(&first), Some(&last)) = (self.weeks.keys().next(), self.weeks.keys().last())
        else {
            return Vec::new();
        };
        let week = |days: i64, answers| WeekAnswers {
            week_of: LocalDate::from_days_since_epoch(days),
            answers,
        };
        if (last - first) / 7 > MAX_FILLED_WEEKS {
            return self.weeks.into_iter().map(|(d, a)| week(d, a)).collect();
        }
        (first..=last)
            .step_by(7)
            .map(|days| week(days, self.weeks.get(&days).copied().unwrap_or_default()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(month: u8, day: u8) -> LocalDate {
        LocalDate::new(2026, month, day).unwrap()
    }

    fn face(n: u8) -> Wellbeing {
        Wellbeing::new(n).unwrap()
    }

    #[test]
    fn answers_fall_in_their_monday_to_sunday_week_and_gaps_show_as_empty_weeks() {
        let mut weeks = WeeksBuilder::default();
        // Wednesday 25 and Sunday 29 November are one week (Monday 23); Monday 30 starts the next.
        weeks.add(d(11, 25), face(4));
        weeks.add(d(12, 14), face(1));
        weeks.add(d(11, 29), face(4));
        weeks.add(d(11, 30), face(5));
        let weeks = weeks.finish();
        let seen: Vec<_> = weeks
            .iter()
            .map(|w| (w.week_of, w.answers.by_face))
            .collect();
        assert_eq!(
            seen,
            [
                (d(11, 23), [0, 0, 0, 2, 0]),
                (d(11, 30), [0, 0, 0, 0, 1]),
                (d(12, 7), [0, 0, 0, 0, 0]),
                (d(12, 14), [1, 0, 0, 0, 0]),
            ]
        );
        assert!(WeeksBuilder::default().finish().is_empty());
    }

    #[test]
    fn a_stray_date_does_not_fill_centuries() {
        let mut weeks = WeeksBuilder::default();
        weeks.add(LocalDate::new(1, 1, 1).unwrap(), face(3));
        weeks.add(d(11, 25), face(3));
        assert_eq!(weeks.finish().len(), 2);
    }
}
