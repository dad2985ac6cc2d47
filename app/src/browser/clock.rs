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

/// The device's local date, hour and minute at `unix_ms` (when an event was recorded).
pub fn local_date_time(unix_ms: u64) -> (LocalDate, u8, u8) {
    let at = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(unix_ms as f64));
    let date = LocalDate::new(
        at.get_full_year() as i32,
        at.get_month() as u8 + 1,
        at.get_date() as u8,
    )
    .unwrap_or_else(|_| LocalDate::from_days_since_epoch(0));
    (date, at.get_hours() as u8, at.get_minutes() as u8)
}

/// The current time as a signal that moves every `every` (for "il y a 3 min" to stay true).
pub fn ticking_now(every: std::time::Duration) -> leptos::prelude::ReadSignal<u64> {
    use leptos::prelude::*;
    let (now, set_now) = signal(crate::store::now_ms());
    if let Ok(handle) = set_interval_with_handle(move || set_now.set(crate::store::now_ms()), every)
    {
        on_cleanup(move || handle.clear());
    }
    now
}
