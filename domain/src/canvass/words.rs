//! How dates and parts of the day are said on the field screens, in each language: "jeudi 26/11",
//! "en soirée". Short forms, for a label on a door button or a line of a follow-up list.

use crate::calendar::{LocalDate, PartOfDay};
use crate::i18n::Locale;

/// Morning, afternoon, evening: the order of the day, for sorting and "later today".
pub fn rank(part: PartOfDay) -> u8 {
    match part {
        PartOfDay::Morning => 0,
        PartOfDay::Afternoon => 1,
        PartOfDay::Evening => 2,
    }
}

/// The part of the day as a noun: "matin", "morning".
pub fn part_of_day(part: PartOfDay, locale: Locale) -> &'static str {
    match (part, locale) {
        (PartOfDay::Morning, Locale::Fr) => "matin",
        (PartOfDay::Afternoon, Locale::Fr) => "après-midi",
        (PartOfDay::Evening, Locale::Fr) => "soir",
        (PartOfDay::Morning, Locale::En) => "morning",
        (PartOfDay::Afternoon, Locale::En) => "afternoon",
        (PartOfDay::Evening, Locale::En) => "evening",
        (PartOfDay::Morning, Locale::Ar) => "صباحًا",
        (PartOfDay::Afternoon, Locale::Ar) => "بعد الظهر",
        (PartOfDay::Evening, Locale::Ar) => "مساءً",
    }
}

/// The part of the day as "when": "en soirée", "in the evening".
pub fn during(part: PartOfDay, locale: Locale) -> &'static str {
    match (part, locale) {
        (PartOfDay::Morning, Locale::Fr) => "le matin",
        (PartOfDay::Afternoon, Locale::Fr) => "l'après-midi",
        (PartOfDay::Evening, Locale::Fr) => "en soirée",
        (PartOfDay::Morning, Locale::En) => "in the morning",
        (PartOfDay::Afternoon, Locale::En) => "in the afternoon",
        (PartOfDay::Evening, Locale::En) => "in the evening",
        (PartOfDay::Morning, Locale::Ar) => "في الصباح",
        (PartOfDay::Afternoon, Locale::Ar) => "بعد الظهر",
        (PartOfDay::Evening, Locale::Ar) => "في المساء",
    }
}

pub fn weekday(date: LocalDate, locale: Locale) -> &'static str {
    const FR: [&str; 7] = [
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ];
    const EN: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    const AR: [&str; 7] = [
        "الاثنين",
        "الثلاثاء",
        "الأربعاء",
        "الخميس",
        "الجمعة",
        "السبت",
        "الأحد",
    ];
    let names = match locale {
        Locale::Fr => FR,
        Locale::En => EN,
        Locale::Ar => AR,
    };
    names[usize::from(date.weekday())]
}

/// "jeudi 26/11": day first, as in France; no year, follow-ups are days or weeks away.
pub fn day(date: LocalDate, locale: Locale) -> String {
    format!("{} {}/{}", weekday(date, locale), date.day, date.month)
}

/// "aujourd'hui", "demain", or the day itself.
pub fn day_from(date: LocalDate, today: LocalDate, locale: Locale) -> String {
    let offset = date.days_since_epoch() - today.days_since_epoch();
    match (offset, locale) {
        (0, Locale::Fr) => "aujourd'hui".into(),
        (0, Locale::En) => "today".into(),
        (0, Locale::Ar) => "اليوم".into(),
        (1, Locale::Fr) => "demain".into(),
        (1, Locale::En) => "tomorrow".into(),
        (1, Locale::Ar) => "غدًا".into(),
        _ => day(date, locale),
    }
}

/// When a follow-up is due: "demain, en soirée", "غدًا، في المساء" (Arabic's own comma), or the
/// day alone when no part of the day was chosen.
pub fn due(on: LocalDate, part: Option<PartOfDay>, today: LocalDate, locale: Locale) -> String {
    let day = day_from(on, today, locale);
    match part {
        None => day,
        Some(part) => {
            let comma = if locale == Locale::Ar {
                "\u{60c} "
            } else {
                ", "
            };
            format!("{day}{comma}{}", during(part, locale))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_due_day_and_its_part_are_joined_with_each_language_s_comma() {
        let today = LocalDate::new(2026, 11, 26).unwrap();
        let tomorrow = today.plus_days(1);
        assert_eq!(
            due(tomorrow, Some(PartOfDay::Evening), today, Locale::Ar),
            "غدًا، في المساء"
        );
        assert!(due(tomorrow, Some(PartOfDay::Evening), today, Locale::Fr).starts_with("demain, "));
        assert_eq!(due(today, None, today, Locale::En), "today");
    }

    #[test]
    fn days_read_the_french_way() {
        let thursday = LocalDate::new(2026, 11, 26).unwrap();
        assert_eq!(day(thursday, Locale::Fr), "jeudi 26/11");
        assert_eq!(day(thursday, Locale::En), "Thursday 26/11");
        assert_eq!(day(thursday, Locale::Ar), "الخميس 26/11");
        let wednesday = thursday.plus_days(-1);
        assert_eq!(day_from(thursday, wednesday, Locale::Fr), "demain");
        assert_eq!(day_from(wednesday, wednesday, Locale::En), "today");
        assert_eq!(
            day_from(thursday.plus_days(1), wednesday, Locale::Fr),
            "vendredi 27/11"
        );
    }

    #[test]
    fn parts_of_the_day_are_in_order() {
        assert!(rank(PartOfDay::Morning) < rank(PartOfDay::Afternoon));
        assert!(rank(PartOfDay::Afternoon) < rank(PartOfDay::Evening));
        assert_eq!(during(PartOfDay::Evening, Locale::Fr), "en soirée");
        assert_eq!(part_of_day(PartOfDay::Morning, Locale::En), "morning");
    }
}
