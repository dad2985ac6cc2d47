//! Storage sizes in the units each language's readers know: octets in French (Ko, Mo, Go),
//! bytes in English; French writes the decimal separator as a comma.

use crate::i18n::Locale;

pub fn human_bytes(bytes: f64, locale: Locale) -> String {
    let units: [&str; 4] = match locale {
        Locale::Fr => ["o", "Ko", "Mo", "Go"],
        Locale::En => ["B", "KB", "MB", "GB"],
        Locale::Ar => ["بايت", "ك.ب", "م.ب", "ج.ب"],
    };
    let mut value = bytes.max(0.0);
    let mut unit = 0;
    while value >= 1000.0 && unit < units.len() - 1 {
        value /= 1000.0;
        unit += 1;
    }
    // One decimal is enough to see a change; whole numbers for bytes and for large values.
    let text = if unit == 0 || value >= 100.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    };
    let text = match locale {
        Locale::Fr => text.replace('.', ","),
        Locale::En | Locale::Ar => text,
    };
    format!("{text} {}", units[unit])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_uses_octets_and_a_decimal_comma() {
        assert_eq!(human_bytes(0.0, Locale::Fr), "0 o");
        assert_eq!(human_bytes(999.0, Locale::Fr), "999 o");
        assert_eq!(human_bytes(1_500_000.0, Locale::Fr), "1,5 Mo");
        assert_eq!(human_bytes(250_000_000_000.0, Locale::Fr), "250 Go");
    }

    #[test]
    fn english_uses_bytes_and_a_decimal_point() {
        assert_eq!(human_bytes(1_500.0, Locale::En), "1.5 KB");
        assert_eq!(human_bytes(3_000_000_000_000.0, Locale::En), "3000 GB");
    }

    #[test]
    fn negative_sizes_read_as_zero() {
        assert_eq!(human_bytes(-5.0, Locale::En), "0 B");
    }
}
