//! One letter without what makes typing it uncertain: accents, ligatures, Arabic letter variants
//! and Eastern Arabic digits. Every search and matching key in Palier (kiosk questions, partner
//! search, import column and address keys) folds letters through here, so they agree.

/// Combining marks that belong to the letter before them: accents typed or pasted in decomposed
/// form, what lowercasing "İ" leaves, Arabic short vowels, shadda, sukun, dagger alif, tatweel.
pub fn is_dropped_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036f}' | '\u{064b}'..='\u{065f}' | '\u{0670}' | '\u{0640}')
}

/// The plain spelling of a lowercase letter or digit that has one ("é" → "e", "œ" → "oe",
/// "أ" → "ا", "٣" → "3"); `None` when the letter is already plain.
pub fn plain(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĳ' => "ij",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        'ﬅ' | 'ﬆ' => "st",
        // People type hamza forms and final letters every which way, Persian keyboards give
        // their own kaf and yeh: one spelling each.
        'أ' | 'إ' | 'آ' | 'ٱ' => "ا",
        'ى' | 'ئ' | 'ی' => "ي",
        'ة' => "ه",
        'ؤ' => "و",
        'ک' => "ك",
        '٠' | '۰' => "0",
        '١' | '۱' => "1",
        '٢' | '۲' => "2",
        '٣' | '۳' => "3",
        '٤' | '۴' => "4",
        '٥' | '۵' => "5",
        '٦' | '۶' => "6",
        '٧' | '۷' => "7",
        '٨' | '۸' => "8",
        '٩' | '۹' => "9",
        _ => return None,
    })
}

/// Pushes `c` lowercased and plain, without its marks.
pub fn push_plain(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    for lower in c.to_lowercase() {
        if is_dropped_mark(lower) {
            continue;
        }
        match plain(lower) {
            Some(p) => out.push_str(p),
            None => out.push(lower),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> String {
        let mut out = String::new();
        text.chars().for_each(|c| push_plain(&mut out, c));
        out
    }

    #[test]
    fn french_accents_and_ligatures_are_spelt_plainly() {
        assert_eq!(folded("Épicerie Œuvre Cœur"), "epicerie oeuvre coeur");
        assert_eq!(folded("DÉCOMPOSÉE"), "decomposee");
        // "é" typed as e + combining acute.
        assert_eq!(folded("e\u{301}te\u{301}"), "ete");
    }

    #[test]
    fn arabic_variants_and_digits_become_one_spelling() {
        assert_eq!(folded("أحمد"), folded("احمد"));
        assert_eq!(folded("مدرسة"), folded("مدرسه"));
        assert_eq!(folded("البَيَانَات"), folded("البيانات"));
        assert_eq!(folded("٣٤"), "34");
        assert_eq!(folded("۳۴"), "34");
    }

    #[test]
    fn turkish_dotted_capital_i_leaves_no_mark() {
        assert_eq!(folded("İstanbul"), "istanbul");
    }
}
