//! The device's local calendar date and part of the day (its time zone, its clock): visits are
//! planned and summed up in the volunteer's own day, not in UTC.

use domain::calendar::{LocalDate, PartOfDay};

pub fn today() -> LocalDate {
    let now = js_sys::Date::new_0();
    LocalDate::new(
        now.get_full_year() as i32,
        now.get_month() as u8 + 1,
        now.get_date() as u8,
    )
    // A browser always gives a real date; 1970 would only ever show a broken clock.
    .unwrap_or_else(|_| LocalDate::from_days_since_epoch(0))
}

pub fn part_of_day() -> PartOfDay {
    PartOfDay::at_hour(js_sys::Date::new_0().get_hours() as u8)
}
