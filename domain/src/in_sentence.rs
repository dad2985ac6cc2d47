//! A value the landlord typed (a phone number, an e-mail, "Mme Diallo, 06 12 34 56 78") placed
//! inside one of Palier's sentences: a number stays on one line, and in an Arabic sentence it
//! keeps its left-to-right order.
//!
//! Without this, "01 23 45 67 89" in the Arabic sign-up notice or a kiosk answer prints its digit
//! pairs in reverse ("89 67 45 23 01": the spaces between them take the paragraph's direction),
//! and in any language a narrow screen may cut it across two lines.

pub(crate) const LEFT_TO_RIGHT_ISOLATE: char = '\u{2066}';
pub(crate) const FIRST_STRONG_ISOLATE: char = '\u{2068}';
pub(crate) const POP_DIRECTIONAL_ISOLATE: char = '\u{2069}';
const NO_BREAK_SPACE: char = '\u{a0}';

/// `value` ready to go into a sentence written right to left (`rtl`) or not: the spaces between
/// the digit groups of a number become no-break spaces; in a right-to-left sentence each such
/// number is isolated left to right, and the whole value takes the direction of its own first
/// letter (a Latin e-mail stays whole beside Arabic words). Left-to-right sentences get no
/// invisible characters.
pub fn in_sentence(value: &str, rtl: bool) -> String {
    let mut out = String::with_capacity(value.len() + 16);
    if rtl && !value.is_empty() {
        out.push(FIRST_STRONG_ISOLATE);
    }
    let chars: Vec<char> = value.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        match number_end(&chars, i) {
            Some(end) => {
                if rtl {
                    out.push(LEFT_TO_RIGHT_ISOLATE);
                }
                out.extend(chars[i..end].iter().map(|&c| match c {
                    ' ' => NO_BREAK_SPACE,
                    c => c,
                }));
                if rtl {
                    out.push(POP_DIRECTIONAL_ISOLATE);
                }
                i = end;
            }
            None => {
                out.push(chars[i]);
                i += 1;
            }
        }
    }
    if rtl && !value.is_empty() {
        out.push(POP_DIRECTIONAL_ISOLATE);
    }
    out
}

/// Where a number in groups starting at `start` ends ("+33 1 23 45 67 89", "01 23 45 67 89",
/// "01.23.45.67.89"): an optional "+", digits, then groups of digits each after one space, dot or
/// hyphen. `None` when no number with at least two groups starts there (a lone "9" in "9 h" needs
/// no care), or when `start` is inside a word or a number already.
fn number_end(chars: &[char], start: usize) -> Option<usize> {
    if start > 0 && chars[start - 1].is_alphanumeric() {
        return None;
    }
    let mut i = start;
    if chars.get(i) == Some(&'+') {
        i += 1;
    }
    let digits = |mut i: usize| {
        while chars.get(i).is_some_and(char::is_ascii_digit) {
            i += 1;
        }
        i
    };
    let first = digits(i);
    if first == i {
        return None;
    }
    let (mut end, mut groups) = (first, 1);
    while matches!(chars.get(end), Some(' ' | '.' | '-')) {
        let next = digits(end + 1);
        if next == end + 1 {
            break;
        }
        (end, groups) = (next, groups + 1);
    }
    (groups >= 2 && !chars.get(end).is_some_and(|c| c.is_alphanumeric())).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_in_groups_stays_on_one_line() {
        assert_eq!(
            in_sentence("contact@bailleur.example, 01 23 45 67 89", false),
            "contact@bailleur.example, 01\u{a0}23\u{a0}45\u{a0}67\u{a0}89"
        );
        assert_eq!(
            in_sentence("+33 1 23 45 67 89", false),
            "+33\u{a0}1\u{a0}23\u{a0}45\u{a0}67\u{a0}89"
        );
    }

    #[test]
    fn in_arabic_each_number_reads_left_to_right_inside_its_own_isolate() {
        assert_eq!(
            in_sentence("الحارس: 06 12 34 56 78", true),
            "\u{2068}الحارس: \u{2066}06\u{a0}12\u{a0}34\u{a0}56\u{a0}78\u{2069}\u{2069}"
        );
        assert_eq!(
            in_sentence("01.23.45.67.89 (9 h – 17 h)", true),
            "\u{2068}\u{2066}01.23.45.67.89\u{2069} (9 h – 17 h)\u{2069}"
        );
    }

    #[test]
    fn words_and_lone_numbers_are_left_as_typed() {
        for text in [
            "",
            "9 h – 17 h",
            "Bâtiment B2 3e étage",
            "ouvert du lundi au vendredi",
            "A4 12",
        ] {
            assert_eq!(in_sentence(text, false), text);
        }
        assert_eq!(in_sentence("", true), "");
        // A space before a letter ends the number: "12 rue" is an address, not two groups.
        assert_eq!(
            in_sentence("12 rue Jean Jaurès", false),
            "12 rue Jean Jaurès"
        );
    }

    #[test]
    fn numbers_keep_every_digit_and_separator() {
        for text in [
            "0123456789",
            "01-23-45-67-89",
            "tél. 01 23 45 67 89, poste 12",
        ] {
            let shown = in_sentence(text, true);
            let visible: String = shown
                .chars()
                .filter(|c| !matches!(c, '\u{2066}' | '\u{2068}' | '\u{2069}'))
                .map(|c| if c == NO_BREAK_SPACE { ' ' } else { c })
                .collect();
            assert_eq!(visible, text);
        }
    }
}
