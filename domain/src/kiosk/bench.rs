//! The matcher's benchmark ("an answer in ≤ 5 ms with a 500-entry knowledge base", issue #5): a
//! knowledge base grown to a given size with made-up entries in the likeness of the default ones,
//! and the time each question takes. Run by `cargo xtask bench kiosk` through
//! `domain/examples/kiosk_answer_bench.rs`; the figures go to BENCHMARKS.md, never into a test.

use std::time::Instant;

use super::{
    AnswerValues, Entry, EntryText, KioskLanguage, KnowledgeBase, Matcher, Topic, default_knowledge,
};

/// Questions as residents type them: typos, Darija, a long one, one without an answer.
pub const BENCH_QUESTIONS: [&str; 8] = [
    "c koi lappli",
    "combien ca coute",
    "le gardein est la quand",
    "ascenseur en panne depuis 3 jours",
    "شكون كيشوف المعلومات ديالي",
    "I have a problem with my heating and nobody answers the phone",
    "reparasion du chauffage urjent svp",
    "je veux adopter un chat",
];

/// The default knowledge base and made-up entries up to `size`, built from the default entries'
/// own words so that words repeat across entries as they do in real content. Deterministic.
pub fn made_up_knowledge(size: usize) -> KnowledgeBase {
    let mut kb = default_knowledge();
    let words: Vec<String> = kb
        .entries
        .iter()
        .flat_map(|e| e.texts.values())
        .flat_map(|t| t.sentences().map(str::to_owned).collect::<Vec<_>>())
        .flat_map(|s| s.split_whitespace().map(str::to_owned).collect::<Vec<_>>())
        .collect();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut pick = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let mut sentence = |len: usize| {
        (0..len)
            .map(|_| words[pick(words.len())].clone())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut i = 0;
    while kb.entries.len() < size {
        let text = EntryText {
            question: sentence(7),
            phrasings: (0..4).map(|_| sentence(8)).collect(),
            keywords: vec![sentence(1), sentence(1)],
            answer: sentence(40),
        };
        kb.entries.push(Entry {
            id: format!("made_up_{i}"),
            topic: Topic::LocalPartners,
            texts: [(KioskLanguage::Fr, text.clone()), (KioskLanguage::Ar, text)].into(),
        });
        i += 1;
    }
    kb
}

/// What one run measured, in milliseconds per question.
#[derive(Clone, Debug, PartialEq)]
pub struct AnswerTimes {
    pub entries: usize,
    pub questions: usize,
    pub mean_ms: f64,
    pub p95_ms: f64,
    pub max_ms: f64,
    /// Building the matcher (once per page, before the first question).
    pub build_ms: f64,
}

/// Times `rounds` passes over [`BENCH_QUESTIONS`] against a knowledge base of `size` entries.
pub fn time_answers(size: usize, rounds: usize) -> AnswerTimes {
    let kb = made_up_knowledge(size);
    let entries = kb.entries.len();
    let start = Instant::now();
    let m = Matcher::new(kb);
    let build_ms = start.elapsed().as_secs_f64() * 1000.0;
    let values = AnswerValues::default();
    let mut times = Vec::with_capacity(rounds * BENCH_QUESTIONS.len());
    for _ in 0..rounds {
        for q in BENCH_QUESTIONS {
            let start = Instant::now();
            std::hint::black_box(m.reply(q, KioskLanguage::Fr, &values));
            times.push(start.elapsed().as_secs_f64() * 1000.0);
        }
    }
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() as f64 * q) as usize).min(times.len() - 1)];
    AnswerTimes {
        entries,
        questions: times.len(),
        mean_ms: times.iter().sum::<f64>() / times.len() as f64,
        p95_ms: at(0.95),
        max_ms: at(1.0),
        build_ms,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_made_up_knowledge_base_has_the_size_asked_and_is_valid() {
        let kb = made_up_knowledge(500);
        assert_eq!(kb.entries.len(), 500);
        assert_eq!(kb, made_up_knowledge(500), "the same every run");
        assert!(
            kb.entries.iter().any(|e| e.id == "app_cost"),
            "the default entries stay"
        );
        let times = time_answers(30, 1);
        assert_eq!(times.questions, BENCH_QUESTIONS.len());
        assert!(times.max_ms >= times.p95_ms && times.p95_ms >= 0.0);
    }
}
