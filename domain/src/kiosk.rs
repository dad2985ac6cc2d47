//! The lobby kiosk's decisions: its seven languages, the "Posez votre question" knowledge base
//! and its matcher, the session that wipes itself after a resident leaves, shared-room ideas and
//! votes, and the PIN that keeps residents inside the kiosk. The screens live in `app/`.

pub mod bench;
pub mod callback_words;
mod callbacks;
mod default_knowledge;
mod default_synonyms;
mod ideas;
mod ideas_hook;
mod knowledge;
mod language;
mod lock;
mod matcher;
mod normalise;
mod pin;
mod privacy;
mod records;
mod session;
mod settings;
mod thanks;
mod wellbeing;
mod words;

#[cfg(test)]
mod matcher_tests;
#[cfg(test)]
mod question_tests;

pub use callbacks::{
    CallbackHandled, CallbackList, CallbackRow, Handling, blank_callback, callback_list,
    find_callback, is_erased_callback,
};
pub use default_knowledge::default_knowledge;
pub use ideas::{
    Ballot, IdeaCount, IdeaHidden, IdeaId, IdeaIdError, IdeaProblem, IdeaProposed, IdeaVoted,
    MAX_IDEA_CHARS, MIN_IDEA_CHARS, SharedRoom, already_proposed, check_idea, is_room_key, tally,
};
pub use ideas_hook::IdeasHook;
pub use knowledge::{
    Entry, EntryText, KNOWLEDGE_FORMAT, KnowledgeBase, KnowledgeError, MAX_ANSWER_CHARS,
    PLACEHOLDERS, Topic,
};
pub use language::KioskLanguage;
pub use lock::{
    DetailsKey, EnterProblem, ExitStep, KnownPin, LockText, PinEntry, exit_step, may_enter,
    wait_words,
};
pub use matcher::{
    ANSWER_AT, MARGIN, MAX_QUESTION_CHARS, Matcher, Reply, SUGGEST_AT, ShownAnswer, Suggestion,
    SuggestionKind,
};
pub use normalise::fold;
pub use pin::{PIN_ITERATIONS, PIN_LENGTH, PinGuard, PinProblem, PinRecord, check_new_pin};
pub use privacy::{PersonalHint, has_contact_details, mask_contact_details, personal_hint};
pub use records::{
    CallbackDraft, CallbackProblem, CallbackRequest, CallbackRequested, KioskRecordProblem,
    MAX_SEALED_CHARS, QuestionUnanswered, check_kiosk_event,
};
pub use session::{Change, KioskSession, KioskState, Screen};
pub use settings::{
    AnswerValues, DEFAULT_IDLE_S, DEFAULT_WARNING_S, KioskSettings, LandlordContacts, MIN_WARNING_S,
};
pub use thanks::SignupThanks;
pub use wellbeing::{KIOSK_WELLBEING_KIND, KioskWellbeing, KioskWellbeingHook};
pub use words::KioskText;

/// One of each kiosk event body, for the event module's tests.
#[cfg(test)]
pub(crate) fn event_samples() -> Vec<crate::event::EventBody> {
    use crate::event::EventBody;
    use crate::territory::ResidenceId;
    let idea = IdeaId::from_random([5; 16]);
    let residence = ResidenceId("tilleuls".into());
    vec![
        EventBody::KioskQuestionUnanswered(QuestionUnanswered {
            text: "Où jeter les encombrants ?".into(),
            language: KioskLanguage::Fr,
            suggested: vec!["caretaker".into()],
            revision: 1,
        }),
        EventBody::KioskCallbackRequested(CallbackRequested {
            language: KioskLanguage::Ar,
            topic: Some(Topic::LandlordServices),
            sealed: "c2VhbGVk".into(),
        }),
        EventBody::IdeaProposed(IdeaProposed {
            idea: idea.clone(),
            residence: residence.clone(),
            room: "salle-rdc".into(),
            text: "Une ludothèque".into(),
            language: KioskLanguage::Fr,
        }),
        EventBody::IdeaVoted(IdeaVoted {
            idea: idea.clone(),
            residence,
            room: "salle-rdc".into(),
        }),
        EventBody::IdeaHidden(IdeaHidden { idea }),
        EventBody::KioskWellbeingGiven(KioskWellbeing {
            face: crate::canvass::Wellbeing::new(4).unwrap(),
            local_date: crate::calendar::LocalDate::new(2026, 11, 26).unwrap(),
            residence: Some(ResidenceId("tilleuls".into())),
        }),
        EventBody::KioskCallbackHandled(CallbackHandled {
            callback: crate::ids::EventId::new_v7(1_790_000_000_000, [6; 10]),
        }),
    ]
}
