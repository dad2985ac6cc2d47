//! How typed text becomes comparable words: lowercase, accents off, Arabic letter variants merged,
//! split into words, filler words dropped, plurals and Arabic affixes trimmed. The matcher applies
//! the very same steps to the knowledge base and to a resident's question, so "Coût", "cout" and
//! "COUT" are one word, and so are "البيانات" and "بياناتي".

/// Lowercase without accents nor Arabic diacritics (see [`crate::letters`]); other characters
/// are kept as they are.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    text.chars()
        .for_each(|c| crate::letters::push_plain(&mut out, c));
    out
}

/// The words of a text, folded; anything that is not a letter or a digit separates words
/// (apostrophes too: "l'appli" is "l" and "appli").
pub fn words(text: &str) -> impl Iterator<Item = String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect::<Vec<_>>()
        .into_iter()
}

/// The words worth comparing: filler words, single letters and numbers dropped, each word
/// trimmed to its stem. Numbers go because a door number or a year says nothing about which
/// answer is wanted.
pub fn meaningful_words(text: &str) -> Vec<String> {
    words(text)
        .filter(|w| w.chars().count() > 1 && !w.chars().all(|c| c.is_ascii_digit()))
        .filter(|w| !is_filler(w))
        .map(|w| stem(&w))
        .filter(|w| !is_filler(w))
        .collect()
}

/// One comparable form per word: Latin plurals lose their "s"; Arabic words lose the article
/// and a possessive or plural ending ("بياناتي" → "بيان"). Crude on purpose: the same cut is made
/// on both sides of a comparison, and typos are forgiven later anyway.
pub fn stem(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    if chars.first().is_some_and(|c| is_arabic(*c)) {
        return arabic_stem(word);
    }
    if chars.len() >= 4 && word.ends_with('s') && !word.ends_with("ss") {
        return chars[..chars.len() - 1].iter().collect();
    }
    word.to_owned()
}

fn is_arabic(c: char) -> bool {
    ('\u{600}'..='\u{6ff}').contains(&c)
}

fn arabic_stem(word: &str) -> String {
    const PREFIXES: [&str; 6] = ["وال", "بال", "فال", "كال", "لل", "ال"];
    const ENDINGS: [&str; 7] = ["ها", "هم", "كم", "نا", "ي", "ك", "ه"];
    const PLURALS: [&str; 3] = ["ات", "ون", "ين"];
    let long_enough = |rest: &str| rest.chars().count() >= 3;
    let mut stem = word;
    if let Some(rest) = PREFIXES
        .iter()
        .find_map(|p| stem.strip_prefix(p))
        .filter(|r| long_enough(r))
    {
        stem = rest;
    }
    if let Some(rest) = ENDINGS
        .iter()
        .find_map(|e| stem.strip_suffix(e))
        .filter(|r| long_enough(r))
    {
        stem = rest;
    }
    if let Some(rest) = PLURALS
        .iter()
        .find_map(|e| stem.strip_suffix(e))
        .filter(|r| long_enough(r))
    {
        stem = rest;
    }
    stem.to_owned()
}

/// Words that carry no question of their own in the kiosk's languages: articles, pronouns,
/// greetings, "je voudrais savoir"… Question words (how, who, what, where) are kept: they are
/// what tells "how do I join?" from "who sees my data?". Written folded, as [`fold`] leaves them;
/// checked before and after stemming ("الحال" is "حال").
fn is_filler(word: &str) -> bool {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| FILLER.split_whitespace().collect())
        .contains(word)
}

/// Separated by spaces; looked up through a set built once.
const FILLER: &str = "\
    about al alors am an and any are as at au aussi aux avec avez avoir avons be been bien bjr \
    bonjour bonsoir but by ca can ce ceci cela ces cest cet cette could da dans das de deja \
    del depuis des dire do does dos du el elle elles em en encore es est esta estoy et etre eu \
    faire fait faut for from get got gracias has have hay hello hi hola ici il ils in is it \
    its jai je jsp just ke kel la las le les leur leurs lo los lutfen ma madame mais me merci \
    merhaba mes meu meus mi minha minhas mis mme moi mon monsieur mr mu my na nao ne need no \
    nos nous obrigada obrigado of ola on ont or os ou our para pas peut peux please pls plus \
    plz pode por posso pour pouvez puede puedo puis qu que quel quelle quelles quels quero \
    quiero sa saber sais salut savoir se ses si slt so son sont souhaite stp suis sur svp ta \
    tes thank thanks the their them there they this to ton toujours tres tu un una une uno us \
    var ve veux vos votre voudrai voudrais want was we will with would ya yo you your ابي اريد \
    التي الذي الذين السلام الي ان انا انت او بدي بزاف بغيت به بي ثم جدا حال حاله ديال ديالي \
    راه شكرا شي عايز علي عليكم عن عندي فضلك في فيه فيها كاين كثير لا له لها لو لي ليس ما مرحبا \
    مع من هاد هادي هذا هذه هل هو هي واش";

/// Damerau–Levenshtein distance (optimal string alignment: an adjacent swap counts as one typo),
/// or `None` as soon as it is certain to exceed `max`: comparing a typo against thousands of
/// known words must stay cheap.
pub fn distance_within(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let width = b.len() + 1;
    let mut before: Vec<usize> = vec![0; width];
    let mut previous: Vec<usize> = (0..width).collect();
    let mut current: Vec<usize> = vec![0; width];
    for i in 1..=a.len() {
        current[0] = i;
        let mut row_min = current[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            current[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    Some(previous[b.len()]).filter(|d| *d <= max)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn the_filler_list_is_written_folded() {
        for word in FILLER.split_whitespace() {
            assert_eq!(fold(word), word, "write {word:?} folded");
        }
    }

    #[test]
    fn case_accents_and_arabic_variants_fold_away() {
        assert_eq!(fold("Coût GRATUIT Élève"), "cout gratuit eleve");
        assert_eq!(fold("ŒUVRE Straße"), "oeuvre strasse");
        assert_eq!(fold("Türkçe İŞ ağ"), "turkce is ag");
        assert_eq!(fold("e\u{301}te\u{301}"), "ete", "decomposed accents");
        assert_eq!(fold("أَهْلاً"), "اهلا");
        assert_eq!(fold("إيجار مدرسة مستشفى"), "ايجار مدرسه مستشفي");
        assert_eq!(fold("١٢٣"), "123");
    }

    #[test]
    fn words_split_on_apostrophes_and_punctuation() {
        let w: Vec<_> = words("C'est quoi l'appli ?! (svp)").collect();
        assert_eq!(w, ["c", "est", "quoi", "l", "appli", "svp"]);
        assert_eq!(
            meaningful_words("C'est quoi l'appli ?! svp"),
            ["quoi", "appli"]
        );
        assert_eq!(
            meaningful_words("Bonjour je voudrais savoir pour les 3 réparations"),
            ["reparation"]
        );
        assert_eq!(meaningful_words("من يرى بياناتي؟"), ["يري", "بيان"]);
        assert_eq!(meaningful_words("البيانات"), ["بيان"]);
    }

    #[test]
    fn stems_are_the_same_on_both_sides() {
        assert_eq!(stem("donnees"), stem("donnee"));
        assert_eq!(stem("class"), "class");
        assert_eq!(stem("bus"), "bus", "too short to be a plural");
        assert_eq!(stem("والتطبيق"), "تطبيق");
        assert_eq!(stem("حقوقي"), "حقوق");
    }

    #[test]
    fn typos_are_counted_with_swaps_as_one() {
        assert_eq!(
            distance_within(&chars("gardien"), &chars("gardein"), 2),
            Some(1)
        );
        assert_eq!(
            distance_within(&chars("loyer"), &chars("loyer"), 0),
            Some(0)
        );
        assert_eq!(
            distance_within(&chars("reparation"), &chars("reparasion"), 1),
            Some(1)
        );
        assert_eq!(
            distance_within(&chars("application"), &chars("aplicasion"), 2),
            Some(2)
        );
        assert_eq!(distance_within(&chars("gardien"), &chars("loyer"), 2), None);
        assert_eq!(distance_within(&chars(""), &chars("ab"), 2), Some(2));
        assert_eq!(distance_within(&chars("abcdef"), &chars("a"), 2), None);
    }
}
