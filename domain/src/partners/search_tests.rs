//! Search over the demo directory, and the property that accents and case never matter.

use proptest::prelude::*;

use super::search::{Filter, SearchIndex, fold};
use super::*;
use crate::territory::ResidenceId;

fn demo_index() -> SearchIndex {
    SearchIndex::new(demo::directory())
}

fn names(index: &SearchIndex, query: &str) -> Vec<String> {
    index
        .search(query, &Filter::default())
        .into_iter()
        .map(|hit| hit.partner.name.clone())
        .collect()
}

#[test]
fn folding_drops_case_accents_and_punctuation() {
    assert_eq!(fold("Épicerie SOLIDAIRE"), "epicerie solidaire");
    assert_eq!(fold("Œuvre  d’Entraide"), "oeuvre d entraide");
    assert_eq!(fold("Garçons, Maïs & Noël!"), "garcons mais noel");
    assert_eq!(fold("STRAẞE Ærø"), "strasse aero");
    assert_eq!(fold("e\u{301}te\u{301}"), "ete", "decomposed accents");
    assert_eq!(fold("  -- "), "");
    assert_eq!(fold("الْمَـرْكَز أحمد"), "المركز احمد");
}

#[test]
fn results_come_as_you_type_from_the_start_of_words() {
    let index = demo_index();
    assert_eq!(names(&index, "glyc")[0], "Centre social Les Glycines");
    // The épicerie's description mentions a "centre social": found, but after the name.
    assert_eq!(
        names(&index, "centre soc"),
        ["Centre social Les Glycines", "Le Panier Solidaire"]
    );
    assert_eq!(names(&index, "ludo"), ["Ludothèque Pirouette"]);
    // Not the middle of a word.
    assert!(names(&index, "thèque").is_empty());
    // Typed without accents, or with the wrong ones.
    assert_eq!(names(&index, "regie"), names(&index, "Régie"));
    assert_eq!(
        names(&index, "RÉGIE")[0],
        "Régie de quartier Rives de l'Est"
    );
    assert_eq!(names(&index, "mediation")[0], "Trait d'Union Médiation");
}

#[test]
fn themes_are_found_by_their_label_or_everyday_words() {
    let index = demo_index();
    let food = names(&index, "alimentation");
    assert_eq!(food, ["Le Panier Solidaire"]);
    assert_eq!(names(&index, "colis"), food);
    assert_eq!(names(&index, "food"), food, "English labels too");
    // "français" is a word of the FLE / ASL theme, "cours" is in the description.
    assert_eq!(names(&index, "cours de francais"), ["Parlons Ensemble"]);
    let asl = names(&index, "fle");
    assert!(asl.contains(&"Parlons Ensemble".to_owned()));
    assert!(asl.contains(&"Centre social Les Glycines".to_owned()));
}

#[test]
fn names_rank_before_themes_before_the_rest() {
    let index = demo_index();
    let hits = index.search("numérique", &Filter::default());
    // The themes match for both; the name does for neither, so the order is by name.
    let found: Vec<&str> = hits.iter().map(|h| h.partner.name.as_str()).collect();
    assert_eq!(found, ["Centre social Les Glycines", "Clic & Lien"]);
    // "emploi" is a theme of two partners and in the name of one: the name wins.
    let hits = index.search("emploi", &Filter::default());
    assert_eq!(hits[0].partner.name, "Tremplin Emploi Est Lyonnais");
    assert!(hits[0].score > hits[1].score);
    // A name that starts with what was typed beats a word further in.
    let hits = index.search("le", &Filter::default());
    assert_eq!(hits[0].partner.name, "Le Panier Solidaire");
}

#[test]
fn small_words_may_match_nothing_but_a_query_of_them_alone_must() {
    let index = demo_index();
    assert_eq!(names(&index, "épicerie de la"), names(&index, "épicerie"));
    assert!(!names(&index, "de").is_empty());
    assert!(names(&index, "xyz").is_empty());
}

#[test]
fn filters_narrow_before_words_match() {
    let index = demo_index();
    let everyone = index.search("", &Filter::default());
    assert_eq!(everyone.len(), 12);
    let sorted: Vec<String> = everyone.iter().map(|h| fold(&h.partner.name)).collect();
    let mut expected = sorted.clone();
    expected.sort();
    assert_eq!(sorted, expected, "an empty query lists by name");
    let health = Filter {
        theme: Some(Theme::Sante),
        ..Filter::default()
    };
    assert_eq!(index.search("", &health).len(), 2);
    let municipal = Filter {
        kind: Some(PartnerKind::ServiceMunicipal),
        ..Filter::default()
    };
    assert_eq!(index.search("", &municipal).len(), 2);
    let nowhere = Filter {
        residence: Some(ResidenceId("ailleurs".into())),
        ..Filter::default()
    };
    assert!(index.search("", &nowhere).is_empty());
}

#[test]
fn archived_partners_are_found_only_when_asked() {
    let mut partners = demo::directory();
    partners[2].archived = true;
    let index = SearchIndex::new(partners);
    assert!(index.search("panier", &Filter::default()).is_empty());
    let all = Filter {
        include_archived: true,
        ..Filter::default()
    };
    assert_eq!(index.search("panier", &all).len(), 1);
}

/// A letter, possibly accented or in capitals, that folds back to `plain`.
fn dress(plain: char) -> BoxedStrategy<String> {
    let variants: &[&str] = match plain {
        'a' => &["a", "A", "à", "â", "ä", "á", "À", "Â", "Ä"],
        'c' => &["c", "C", "ç", "Ç"],
        'e' => &["e", "E", "é", "è", "ê", "ë", "É", "È", "Ê", "Ë", "e\u{301}"],
        'i' => &["i", "I", "î", "ï", "Î", "Ï", "í"],
        'n' => &["n", "N", "ñ", "Ñ"],
        'o' => &["o", "O", "ô", "ö", "Ô", "Ö", "ó"],
        'u' => &["u", "U", "ù", "û", "ü", "Ù", "Û", "Ü"],
        'y' => &["y", "Y", "ÿ", "ý", "Ÿ"],
        other if other.is_ascii_alphabetic() => {
            return prop_oneof![
                Just(other.to_string()),
                Just(other.to_ascii_uppercase().to_string())
            ]
            .boxed();
        }
        other => return Just(other.to_string()).boxed(),
    };
    prop::sample::select(variants.to_vec())
        .prop_map(str::to_owned)
        .boxed()
}

/// `text` with every letter dressed up, and "oe" / "ae" sometimes written as one letter.
fn dressed(text: String) -> BoxedStrategy<String> {
    let text = text.replace("oe", "\u{1}").replace("ae", "\u{2}");
    let parts: Vec<BoxedStrategy<String>> = text
        .chars()
        .map(|c| match c {
            '\u{1}' => prop::sample::select(vec!["oe", "œ", "Œ", "OE"])
                .prop_map(str::to_owned)
                .boxed(),
            '\u{2}' => prop::sample::select(vec!["ae", "æ", "Æ"])
                .prop_map(str::to_owned)
                .boxed(),
            c => dress(c),
        })
        .collect();
    parts.prop_map(|p| p.concat()).boxed()
}

/// Queries a volunteer might type: starts of words of the demo directory, and some noise.
fn plain_query() -> impl Strategy<Value = String> {
    let words = vec![
        "centre",
        "soc",
        "glycines",
        "regie",
        "quartier",
        "epicerie",
        "numerique",
        "emploi",
        "jeunes",
        "seniors",
        "sante",
        "oeuvre",
        "caf",
        "de",
        "la",
        "le",
        "mediation",
        "logement",
        "fle",
        "parents",
        "tilleuls",
        "ludo",
        "a",
        "pir",
        "clic",
        "lien",
        "maison",
        "xyz",
    ];
    prop::collection::vec(prop::sample::select(words), 1..4).prop_map(|w| w.join(" "))
}

proptest! {
    #[test]
    fn accents_and_capitals_never_change_the_results(
        (plain, fancy) in plain_query().prop_flat_map(|q| (Just(q.clone()), dressed(q))),
    ) {
        let index = demo_index();
        prop_assert_eq!(fold(&fancy), fold(&plain));
        let ids = |query: &str| -> Vec<(String, u32)> {
            index
                .search(query, &Filter::default())
                .into_iter()
                .map(|h| (h.partner.id.to_string(), h.score))
                .collect()
        };
        prop_assert_eq!(ids(&fancy), ids(&plain));
    }

    #[test]
    fn accents_and_capitals_in_the_directory_do_not_matter_either(
        (plain, fancy) in "[a-z]{1,8}( [a-z]{1,8}){0,3}"
            .prop_flat_map(|name| (Just(name.clone()), dressed(name))),
        query in "[a-z]{1,3}",
    ) {
        let make = |name: &str| {
            SearchIndex::new([Partner {
                name: name.to_owned(),
                ..Partner::empty(PartnerId::from_random([1; 16]))
            }])
        };
        let (a, b) = (make(&plain), make(&fancy));
        let scores = |index: &SearchIndex| -> Vec<u32> {
            index.search(&query, &Filter::default()).iter().map(|h| h.score).collect()
        };
        prop_assert_eq!(scores(&a), scores(&b));
    }

    #[test]
    fn folding_is_its_own_fixed_point(text in "\\PC{0,40}") {
        let once = fold(&text);
        prop_assert_eq!(fold(&once), once.clone());
        prop_assert!(!once.starts_with(' ') && !once.ends_with(' ') && !once.contains("  "));
    }
}
