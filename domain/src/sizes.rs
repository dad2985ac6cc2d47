//! Storage sizes in the units each language's readers know: octets in French (Ko, Mo, Go),
//! bytes in English; French writes the decimal separator as a comma.

use crate::i18n::Locale;

pub fn human_bytes(bytes: f64, locale: Locale) -> String {
    let units: [&str; 4] = match locale {
        Locale::Fr => ["o", "Ko", "Mo", "Go"],
        Locale::En => ["B", "KB", "MB", "GB"],
        Locale::Ar => ["بايت", "ك.ب", "م.ب", "ج.ب"],
    };
    // Whole bytes and integer arithmetic: formatting a float with a precision would bring the
    // float printer (about 10 KB) into the app's first download for this one line.
    let bytes = (bytes.max(0.0) + 0.5) as u64;
    let mut unit = 0;
    let mut scale = 1u64;
    while bytes >= scale * 1000 && unit < units.len() - 1 {
        scale *= 1000;
        unit += 1;
    }
    // One decimal is enough to see a change; whole numbers for bytes and for large values.
    let text = if unit == 0 || bytes >= scale * 100 {
        format!("{}", (bytes + scale / 2) / scale)
    } else {
        let tenths = (bytes * 10 + scale / 2) / scale;
        let separator = match locale {
            Locale::Fr => ',',
            Locale::En | Locale::Ar => '.',
        };
        format!("{}{separator}{}", tenths / 10, tenths % 10)
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
    fn rounding_carries_into_the_next_digit() {
        assert_eq!(human_bytes(1_960.0, Locale::En), "2.0 KB");
        assert_eq!(human_bytes(99_960.0, Locale::Fr), "100,0 Ko");
        assert_eq!(human_bytes(123_456_789.0, Locale::En), "123 MB");
    }

    #[test]
    fn negative_sizes_read_as_zero() {
        assert_eq!(human_bytes(-5.0, Locale::En), "0 B");
    }
}
