//! Properties of the matcher whatever the question: case and accents change nothing, no input
//! makes it panic, nonsense is never answered; and how fast it answers on a large base.

use proptest::prelude::*;

use super::{
    AnswerValues, KioskLanguage, KnowledgeBase, Matcher, Reply, SuggestionKind, default_knowledge,
};

fn matcher() -> &'static Matcher {
    static MATCHER: std::sync::OnceLock<Matcher> = std::sync::OnceLock::new();
    MATCHER.get_or_init(|| Matcher::new(default_knowledge()))
}

/// Every question and phrasing of the default content, in all its languages.
fn sentences() -> Vec<String> {
    default_knowledge()
        .entries
        .iter()
        .flat_map(|e| e.texts.values())
        .flat_map(|t| t.sentences().map(str::to_owned).collect::<Vec<_>>())
        .collect()
}

/// The same letters written otherwise: upper case, or without their accent, as residents type
/// on a keyboard without accents.
fn retype(text: &str, changes: &[u8]) -> String {
    text.chars()
        .zip(changes.iter().cycle())
        .map(|(c, &change)| {
            let plain = match c {
                'é' | 'è' | 'ê' | 'ë' => 'e',
                'à' | 'â' | 'ä' => 'a',
                'î' | 'ï' => 'i',
                'ô' | 'ö' => 'o',
                'ù' | 'û' | 'ü' => 'u',
                'ç' => 'c',
                'أ' | 'إ' | 'آ' => 'ا',
                'ة' => 'ه',
                other => other,
            };
            match change % 3 {
                0 => c.to_string(),
                1 => c.to_uppercase().collect(),
                _ => plain.to_uppercase().collect(),
            }
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn case_and_accents_never_change_the_reply(
        index in 0usize..10_000,
        changes in prop::collection::vec(any::<u8>(), 1..40),
        lang in prop::sample::select(KioskLanguage::ALL.to_vec()),
    ) {
        let all = sentences();
        let original = &all[index % all.len()];
        let retyped = retype(original, &changes);
        let values = AnswerValues::default();
        prop_assert_eq!(
            matcher().reply(original, lang, &values),
            matcher().reply(&retyped, lang, &values),
            "{:?} / {:?}", original, retyped
        );
    }

    #[test]
    fn no_input_makes_it_panic(question in any::<String>(), lang in 0usize..7) {
        let reply = matcher().reply(&question, KioskLanguage::ALL[lang], &AnswerValues::default());
        prop_assert!((0.0..=1.0).contains(&reply.confidence()));
        let ranking = matcher().ranking(&question);
        prop_assert!(ranking.windows(2).all(|w| w[0].1 >= w[1].1));
    }

    #[test]
    fn odd_text_does_not_make_it_panic(question in "[\\PC\u{300}-\u{36f}\u{64b}-\u{65f} ]{0,400}") {
        let _ = matcher().reply(&question, KioskLanguage::Ar, &AnswerValues::default());
    }

    #[test]
    fn nonsense_and_empty_questions_are_never_answered(
        words in prop::collection::vec("[qxzwkjvh]{5,10}", 0..5),
        noise in "[ ?!.,;:0-9\t\n]{0,20}",
    ) {
        let question = format!("{}{noise}", words.join(" "));
        let reply = matcher().reply(&question, KioskLanguage::Fr, &AnswerValues::default());
        prop_assert!(
            matches!(reply, Reply::NotSure { kind: SuggestionKind::Popular, .. }),
            "{:?} → {:?}", question, reply
        );
    }
}

#[test]
fn the_same_question_always_gets_the_same_reply_even_from_a_rebuilt_matcher() {
    let again = Matcher::new(default_knowledge());
    let values = AnswerValues::default();
    for sentence in sentences() {
        assert_eq!(
            matcher().reply(&sentence, KioskLanguage::Fr, &values),
            again.reply(&sentence, KioskLanguage::Fr, &values)
        );
    }
}

#[test]
fn an_empty_knowledge_base_answers_nothing() {
    let empty = Matcher::new(KnowledgeBase {
        entries: vec![],
        synonyms: vec![],
        ..default_knowledge()
    });
    let reply = empty.reply(
        "combien ça coûte",
        KioskLanguage::Fr,
        &AnswerValues::default(),
    );
    assert_eq!(
        reply,
        Reply::NotSure {
            confidence: 0.0,
            suggestions: vec![],
            kind: SuggestionKind::Popular
        }
    );
}

#[test]
fn every_question_of_the_knowledge_base_finds_its_own_entry() {
    // Not a test of understanding (these are the very sentences indexed), but a guard against a
    // new entry shadowing an old one.
    let kb = default_knowledge();
    let mut lost = Vec::new();
    for entry in &kb.entries {
        for (lang, text) in &entry.texts {
            let reply = matcher().reply(&text.question, *lang, &AnswerValues::default());
            if reply.entry() != Some(entry.id.as_str()) {
                lost.push(format!(
                    "{} {lang:?}: {:?}",
                    entry.id,
                    matcher().ranking(&text.question).first()
                ));
            }
        }
    }
    assert!(lost.is_empty(), "{lost:#?}");
}
