//! Counts that agree with their noun: "1 porte", "2 portes", "1 door", "0 doors". A text names
//! both forms beside its count as `{doors|porte|portes}`; the language's rule picks one.
//!
//! Arabic nouns take six forms after a number (one, two, three to ten, eleven to ninety-nine…):
//! rather than risk a wrong one, the Arabic texts put the count after a label ("الأبواب: 3"),
//! as its designers usually do, and need no choice.

use super::Locale;

/// Which counts take a language's singular form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plural {
    /// French and Portuguese: zero and one ("0 porte frappée", as their grammars teach).
    ZeroAndOne,
    /// English, Spanish: one only.
    OnlyOne,
}

impl Plural {
    fn is_one(self, count: u64) -> bool {
        match self {
            Plural::ZeroAndOne => count <= 1,
            Plural::OnlyOne => count == 1,
        }
    }
}

impl Locale {
    /// This interface language's rule (Arabic texts need none, see above).
    pub fn plural(self) -> Plural {
        match self {
            Locale::Fr => Plural::ZeroAndOne,
            Locale::En | Locale::Ar => Plural::OnlyOne,
        }
    }
}

/// Replaces each `{name|one|other}` of `template` by the form its count `name` (from `values`)
/// takes under `rule`. A form may hold other placeholders (`{count|la ligne|les {count} lignes}`):
/// they are filled afterwards. A choice whose count is missing or not a number is left as written,
/// so that the mistake shows on screen.
pub fn choose(rule: Plural, template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        let Some(end) = closing(after) else {
            out.push_str(after);
            return out;
        };
        let inner = &after[1..end];
        match pick(rule, inner, values) {
            Some(form) => out.push_str(form),
            None => out.push_str(&after[..=end]),
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The position of the `}` that closes the `{` at the start of `text`, nested braces counted.
fn closing(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// The chosen form of a choice `name|one|other`, or `None` for a plain placeholder or a choice
/// that cannot be made.
fn pick<'t>(rule: Plural, inner: &'t str, values: &[(&str, &str)]) -> Option<&'t str> {
    let (name, forms) = inner.split_once('|')?;
    let (one, other) = split_forms(forms)?;
    let value = values.iter().find(|(n, _)| *n == name)?.1;
    // Counts arrive written for display: "12 500" or "12 500" with spaces between thousands.
    let digits: String = value.chars().filter(|c| !c.is_whitespace()).collect();
    let count: u64 = digits.parse().ok()?;
    Some(if rule.is_one(count) { one } else { other })
}

/// `one|other` split at the `|` outside nested placeholders.
fn split_forms(forms: &str) -> Option<(&str, &str)> {
    let mut depth = 0usize;
    for (i, c) in forms.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            '|' if depth == 0 => return Some((&forms[..i], &forms[i + 1..])),
            _ => {}
        }
    }
    None
}

/// The name of each placeholder of `template`, a choice counted under its count's name: what
/// every translation of a text must keep.
#[cfg(test)]
pub(crate) fn names(template: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open..];
        let Some(end) = closing(after) else { break };
        let inner = &after[1..end];
        match inner.split_once('|') {
            Some((name, forms)) => {
                found.push(name);
                if let Some((one, other)) = split_forms(forms) {
                    found.extend(names(one));
                    found.extend(names(other));
                }
            }
            None => found.push(inner),
        }
        rest = &after[end + 1..];
    }
    found.sort_unstable();
    found.dedup();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOORS: &str = "{doors} {doors|porte frappée|portes frappées}";

    #[test]
    fn french_takes_the_singular_for_zero_and_one() {
        for (count, said) in [
            ("0", "0 porte frappée"),
            ("1", "1 porte frappée"),
            ("2", "2 portes frappées"),
            ("12 500", "12 500 portes frappées"),
        ] {
            let chosen = choose(Plural::ZeroAndOne, DOORS, &[("doors", count)]);
            assert_eq!(super::super::fill(&chosen, &[("doors", count)]), said);
        }
    }

    #[test]
    fn english_takes_the_singular_for_one_only() {
        let template = "{n} {n|door|doors}";
        for (count, said) in [("0", "0 doors"), ("1", "1 door"), ("21", "21 doors")] {
            let chosen = choose(Plural::OnlyOne, template, &[("n", count)]);
            assert_eq!(super::super::fill(&chosen, &[("n", count)]), said);
        }
    }

    #[test]
    fn a_form_may_hold_the_count_and_plain_placeholders_stay_for_filling() {
        let template = "Importer {count|la ligne valide|les {count} lignes valides} de {file}";
        assert_eq!(
            choose(Plural::ZeroAndOne, template, &[("count", "3")]),
            "Importer les {count} lignes valides de {file}"
        );
        assert_eq!(
            choose(Plural::ZeroAndOne, template, &[("count", "1")]),
            "Importer la ligne valide de {file}"
        );
    }

    #[test]
    fn a_choice_without_a_number_stays_visible() {
        assert_eq!(choose(Plural::ZeroAndOne, DOORS, &[]), DOORS);
        assert_eq!(
            choose(Plural::ZeroAndOne, DOORS, &[("doors", "beaucoup")]),
            DOORS.to_owned()
        );
        assert_eq!(choose(Plural::ZeroAndOne, "ouvert {", &[]), "ouvert {");
    }

    #[test]
    fn names_count_a_choice_once_under_its_count() {
        assert_eq!(names(DOORS), vec!["doors"]);
        assert_eq!(
            names("{count|la ligne|les {count} lignes} de {file}"),
            vec!["count", "file"]
        );
    }
}
