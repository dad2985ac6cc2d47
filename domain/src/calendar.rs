//! Local dates and parts of the day, as the device's clock gives them (the app passes them in):
//! enough calendar for "à revoir jeudi après-midi" without a date library.

use serde::{Deserialize, Serialize};

/// A calendar date in the device's time zone, written `YYYY-MM-DD` on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct LocalDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// When people are home differs: an absent door is best tried again at another part of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartOfDay {
    /// Before 12:00.
    Morning,
    /// 12:00 to 17:59.
    Afternoon,
    /// From 18:00.
    Evening,
}

impl PartOfDay {
    pub fn at_hour(hour: u8) -> PartOfDay {
        match hour {
            0..=11 => PartOfDay::Morning,
            12..=17 => PartOfDay::Afternoon,
            _ => PartOfDay::Evening,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a date in the YYYY-MM-DD form: {0:?}")]
pub struct DateError(pub String);

impl LocalDate {
    pub fn new(year: i32, month: u8, day: u8) -> Result<LocalDate, DateError> {
        // Four-digit years only: the text form is fixed-width, and no campaign lives elsewhere.
        let valid = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        if valid {
            Ok(LocalDate { year, month, day })
        } else {
            Err(DateError(format!("{year:04}-{month:02}-{day:02}")))
        }
    }

    /// Days since 1970-01-01 (negative before), after Howard Hinnant's `days_from_civil`.
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn from_days_since_epoch(days: i64) -> LocalDate {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        LocalDate { year, month, day }
    }

    pub fn plus_days(self, days: i64) -> LocalDate {
        LocalDate::from_days_since_epoch(self.days_since_epoch() + days)
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        (self.days_since_epoch() + 3).rem_euclid(7) as u8
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl std::fmt::Display for LocalDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl From<LocalDate> for String {
    fn from(d: LocalDate) -> String {
        d.to_string()
    }
}

impl TryFrom<String> for LocalDate {
    type Error = DateError;
    fn try_from(s: String) -> Result<LocalDate, DateError> {
        let parts: Vec<&str> = s.split('-').collect();
        let [y, m, d] = parts.as_slice() else {
            return Err(DateError(s));
        };
        let (Ok(y), Ok(m), Ok(d)) = (y.parse(), m.parse(), d.parse()) else {
            return Err(DateError(s));
        };
        LocalDate::new(y, m, d).map_err(|_| DateError(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_dates() {
        assert_eq!(LocalDate::new(1970, 1, 1).unwrap().days_since_epoch(), 0);
        let d = LocalDate::new(2026, 11, 25).unwrap();
        assert_eq!(d.weekday(), 2, "25 November 2026 is a Wednesday");
        assert_eq!(d.plus_days(7), LocalDate::new(2026, 12, 2).unwrap());
        assert_eq!(
            LocalDate::new(2028, 2, 28).unwrap().plus_days(1),
            LocalDate::new(2028, 2, 29).unwrap()
        );
    }

    #[test]
    fn impossible_dates_are_refused() {
        assert!(LocalDate::new(2026, 2, 29).is_err());
        assert!(LocalDate::new(2026, 13, 1).is_err());
        assert!(LocalDate::try_from("2026-11".to_owned()).is_err());
        assert!(LocalDate::try_from("hier".to_owned()).is_err());
    }

    #[test]
    fn parts_of_day() {
        assert_eq!(PartOfDay::at_hour(9), PartOfDay::Morning);
        assert_eq!(PartOfDay::at_hour(12), PartOfDay::Afternoon);
        assert_eq!(PartOfDay::at_hour(18), PartOfDay::Evening);
    }

    proptest! {
        #[test]
        fn days_round_trip(days in -719_162i64..2_932_897) {
            let date = LocalDate::from_days_since_epoch(days);
            prop_assert_eq!(date.days_since_epoch(), days);
            prop_assert_eq!(LocalDate::try_from(date.to_string()).unwrap(), date);
        }
    }
}
