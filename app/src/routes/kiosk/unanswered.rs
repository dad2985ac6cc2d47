//! Questions the kiosk could not answer, recorded anonymously for the coordinators
//! (`KioskQuestionUnanswered`) and judged with the campaign's own questions. One asked before
//! the campaign's settings are read (just after the kiosk starts) waits here, at the kiosk page's
//! level: going back to the menu or the end of the turn no longer drops it before it is judged.

use crate::field_data::{FieldData, use_field_data, use_store};
use domain::campaign::CampaignSettings;
use domain::event::{Actor, EventBody};
use domain::kiosk::{AnswerValues, KioskLanguage, Matcher, QuestionUnanswered, default_knowledge};
use domain::presentation::default_presentation;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The shipped knowledge base with the coordinator's edits.
pub fn matcher_for(settings: &CampaignSettings) -> Matcher {
    Matcher::new(settings.knowledge_base(&default_knowledge()))
}

/// The campaign's app name and landlord contacts, filled into answers when shown.
pub fn values_for(settings: &CampaignSettings) -> AnswerValues {
    AnswerValues {
        app_name: settings.presentation(default_presentation()).app_name,
        contacts: settings.kiosk.contacts.clone(),
        ..AnswerValues::default()
    }
}

/// Records `question` if `matcher` cannot answer it.
pub fn record_if_unanswered(
    data: FieldData,
    question: &str,
    lang: KioskLanguage,
    matcher: &Matcher,
    values: &AnswerValues,
) {
    let reply = matcher.reply(question, lang, values);
    if let Some(record) =
        QuestionUnanswered::from_reply(question, lang, &reply, matcher.knowledge().revision)
        && let Some(store) = use_store()
    {
        spawn_local(async move {
            if let Ok(event) = store
                .record(Actor::Kiosk, EventBody::KioskQuestionUnanswered(record))
                .await
            {
                data.recorded([event]);
            }
        });
    }
}

/// The questions waiting for the settings, shared by every turn of the kiosk page.
#[derive(Clone, Copy)]
pub struct WaitingQuestions(RwSignal<Vec<(String, KioskLanguage)>>);

impl WaitingQuestions {
    /// Keeps `question` until the settings are read.
    pub fn wait(self, question: String, lang: KioskLanguage) {
        self.0.update(|waiting| waiting.push((question, lang)));
    }
}

/// Made by the kiosk page: judges the waiting questions once the settings are read, with the
/// matcher of that moment (built only when a question waits).
pub fn provide_waiting_questions() {
    let waiting = RwSignal::new(Vec::<(String, KioskLanguage)>::new());
    let data = use_field_data();
    let settings = crate::campaign_settings::use_campaign_settings();
    let read = crate::campaign_settings::use_settings_read();
    Effect::new(move |_| {
        // The "read" flag only while a question waits: reading it asks for the whole log to be
        // folded (campaign_settings.rs), which nothing else of this page may need yet.
        if waiting.with(Vec::is_empty) || !read.get() {
            return;
        }
        let questions = waiting.try_update(std::mem::take).unwrap_or_default();
        let (matcher, values) = settings.with_untracked(|s| (matcher_for(s), values_for(s)));
        for (question, lang) in questions {
            record_if_unanswered(data, &question, lang, &matcher, &values);
        }
    });
    provide_context(WaitingQuestions(waiting));
}

pub fn use_waiting_questions() -> WaitingQuestions {
    expect_context::<WaitingQuestions>()
}
