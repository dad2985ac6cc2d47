//! Dates written out in full, for printed pages: "jeudi 26 novembre 2026", "mardi 1er décembre
//! 2026". A paper left on a door may be read days later, so it carries the year and no
//! abbreviation (the field screens use the short "jeudi 26/11" of `canvass::words`).

use crate::calendar::LocalDate;
use crate::canvass::words::weekday;
use crate::presentation::ContentLanguage;

/// The month's name, lowercase in French as French writes it. `month` goes from 1 to 12, as in a
/// `LocalDate`; anything else is clamped rather than panicking in the middle of a print run.
pub fn month_name(month: u8, lang: ContentLanguage) -> &'static str {
    const FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    // The names taken from the Latin months (يناير، فبراير…), read across the Arabic-speaking
    // world; the Levant's Syriac names (كانون الثاني…) would puzzle most residents from the
    // Maghreb, who are the many.
    const AR: [&str; 12] = [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ];
    let names = match lang {
        ContentLanguage::Fr | ContentLanguage::FrEasy => FR,
        ContentLanguage::En => EN,
        ContentLanguage::Ar => AR,
    };
    names[usize::from(month.clamp(1, 12) - 1)]
}

/// "jeudi 26 novembre 2026", "Thursday 26 November 2026", "الخميس 26 نوفمبر 2026".
pub fn long_date(date: LocalDate, lang: ContentLanguage) -> String {
    let day = match (lang, date.day) {
        // French says "le 1er" for the first of the month, and plain numbers after.
        (ContentLanguage::Fr | ContentLanguage::FrEasy, 1) => "1er".to_owned(),
        (_, day) => day.to_string(),
    };
    format!(
        "{} {day} {} {}",
        weekday(date, lang.interface_locale()),
        month_name(date.month, lang),
        date.year
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_in_full() {
        let thursday = LocalDate::new(2026, 11, 26).unwrap();
        assert_eq!(
            long_date(thursday, ContentLanguage::Fr),
            "jeudi 26 novembre 2026"
        );
        assert_eq!(
            long_date(thursday, ContentLanguage::FrEasy),
            "jeudi 26 novembre 2026"
        );
        assert_eq!(
            long_date(thursday, ContentLanguage::En),
            "Thursday 26 November 2026"
        );
        assert_eq!(
            long_date(thursday, ContentLanguage::Ar),
            "الخميس 26 نوفمبر 2026"
        );
    }

    #[test]
    fn the_first_of_the_month_is_1er_in_french_only() {
        let first = LocalDate::new(2026, 12, 1).unwrap();
        assert_eq!(
            long_date(first, ContentLanguage::Fr),
            "mardi 1er décembre 2026"
        );
        assert_eq!(
            long_date(first, ContentLanguage::En),
            "Tuesday 1 December 2026"
        );
    }

    #[test]
    fn twelve_months_in_each_language() {
        for lang in ContentLanguage::ALL {
            let names: std::collections::HashSet<&str> =
                (1..=12).map(|m| month_name(m, lang)).collect();
            assert_eq!(names.len(), 12, "{lang:?}");
        }
        assert_eq!(month_name(8, ContentLanguage::Fr), "août");
    }
}
