//! What the kiosk records for the coordinators besides ideas: a question it could not answer
//! (anonymous: the text, masked, and nothing about who or which session), and a callback request,
//! whose contact details travel sealed like a kiosk sign-up so that the kiosk cannot read them
//! back. Both stay on the server: no other device pulls them.

use serde::{Deserialize, Serialize};

use super::ideas::IdeaProblem;
use super::knowledge::Topic;
use super::language::KioskLanguage;
use super::matcher::{MAX_QUESTION_CHARS, Reply};
use super::privacy::{has_contact_details, mask_contact_details};
use crate::contact::{self, EmailProblem, PhoneProblem};
use crate::event::{Actor, EventBody};
use crate::signup::{MAX_NAME_CHARS, tidy_name};

/// A question the kiosk said "not sure" to (the `KioskQuestionUnanswered` event), for the
/// coordinators to improve the knowledge base.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionUnanswered {
    /// As typed, cut to [`MAX_QUESTION_CHARS`], phone numbers and e-mails masked.
    pub text: String,
    /// The kiosk language chosen: the question may be in another.
    pub language: KioskLanguage,
    /// The entries offered instead, if any came close: tells an editor which entry lacks a
    /// phrasing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suggested: Vec<String>,
    /// The knowledge base revision that did not know.
    pub revision: u32,
}

impl QuestionUnanswered {
    /// The record for a reply, or `None` when there is nothing to record: the question was
    /// answered, or blank.
    pub fn from_reply(
        question: &str,
        language: KioskLanguage,
        reply: &Reply,
        revision: u32,
    ) -> Option<QuestionUnanswered> {
        let Reply::NotSure {
            suggestions, kind, ..
        } = reply
        else {
            return None;
        };
        let cut: String = question.chars().take(MAX_QUESTION_CHARS).collect();
        let text = mask_contact_details(&tidy_name(&cut));
        if text.is_empty() {
            return None;
        }
        let close = *kind == super::matcher::SuggestionKind::Close;
        Some(QuestionUnanswered {
            text,
            language,
            suggested: if close {
                suggestions.iter().map(|s| s.entry.clone()).collect()
            } else {
                Vec::new()
            },
            revision,
        })
    }

    pub fn check(&self) -> Result<(), KioskRecordProblem> {
        if self.text.trim().is_empty() {
            return Err(KioskRecordProblem::EmptyQuestion);
        }
        if self.text.chars().count() > MAX_QUESTION_CHARS + MASK_ROOM {
            return Err(KioskRecordProblem::QuestionTooLong);
        }
        if has_contact_details(&self.text) {
            return Err(KioskRecordProblem::QuestionNotMasked);
        }
        if self.suggested.len() > 5 {
            return Err(KioskRecordProblem::TooManySuggestions);
        }
        Ok(())
    }
}

/// "[numéro]" is longer than a short number it replaces: room for a few of them.
const MASK_ROOM: usize = 40;

/// A resident asked to be called back (the `KioskCallbackRequested` event). Only what is needed
/// to route the request is readable; who to call is sealed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallbackRequested {
    pub language: KioskLanguage,
    /// What it is about, when the resident came from an answer.
    pub topic: Option<Topic>,
    /// A [`CallbackRequest`] as JSON, sealed with the campaign's public key by the same code
    /// that seals kiosk sign-ups, base64url-encoded. Only the server can open it.
    pub sealed: String,
}

/// Large enough for a sealed request with a question; a bigger blob is not one.
pub const MAX_SEALED_CHARS: usize = 8 * 1024;

impl CallbackRequested {
    pub fn check(&self) -> Result<(), KioskRecordProblem> {
        let base64url = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '=');
        if self.sealed.is_empty()
            || self.sealed.len() > MAX_SEALED_CHARS
            || !self.sealed.chars().all(base64url)
        {
            return Err(KioskRecordProblem::NotSealed);
        }
        Ok(())
    }
}

/// What a callback request says, before it is sealed: who to call and about what. The same
/// minimum as a sign-up: a first name and one way to be reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallbackRequest {
    pub first_name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// The language to call back in.
    pub language: KioskLanguage,
    pub topic: Option<Topic>,
    /// The question asked, if the resident agreed to send it along.
    pub question: Option<String>,
}

/// The callback form as typed at the kiosk; wiped with the session.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CallbackDraft {
    pub first_name: String,
    pub phone: String,
    pub email: String,
    pub question: String,
}

/// Why the callback form cannot be sent yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallbackProblem {
    FirstNameMissing,
    FirstNameTooLong,
    NoWayToContact,
    Phone(PhoneProblem),
    Email(EmailProblem),
    QuestionTooLong,
}

impl CallbackDraft {
    /// Every problem at once, as the sign-up form does.
    pub fn validate(
        &self,
        language: KioskLanguage,
        topic: Option<Topic>,
    ) -> Result<CallbackRequest, Vec<CallbackProblem>> {
        let mut problems = Vec::new();
        let first_name = tidy_name(&self.first_name);
        if first_name.is_empty() {
            problems.push(CallbackProblem::FirstNameMissing);
        } else if first_name.chars().count() > MAX_NAME_CHARS {
            problems.push(CallbackProblem::FirstNameTooLong);
        }
        let given = |t: &str| !t.trim().is_empty();
        let phone = given(&self.phone)
            .then(|| contact::normalise_phone(&self.phone))
            .transpose()
            .map_err(|p| problems.push(CallbackProblem::Phone(p)))
            .ok()
            .flatten();
        let email = given(&self.email)
            .then(|| contact::normalise_email(&self.email))
            .transpose()
            .map_err(|p| problems.push(CallbackProblem::Email(p)))
            .ok()
            .flatten();
        if !given(&self.phone) && !given(&self.email) {
            problems.push(CallbackProblem::NoWayToContact);
        }
        let question = Some(tidy_name(&self.question)).filter(|q| !q.is_empty());
        if question
            .as_ref()
            .is_some_and(|q| q.chars().count() > MAX_QUESTION_CHARS)
        {
            problems.push(CallbackProblem::QuestionTooLong);
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(CallbackRequest {
            first_name,
            phone,
            email,
            language,
            topic,
            question,
        })
    }
}

/// Why a kiosk record is refused where it enters (a push, an import). The messages never quote
/// what the resident wrote: rejection reasons are logged and shown.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KioskRecordProblem {
    #[error("an unanswered question cannot be empty")]
    EmptyQuestion,
    #[error("an unanswered question has at most {MAX_QUESTION_CHARS} characters")]
    QuestionTooLong,
    #[error("an unanswered question must have its phone numbers and e-mails masked")]
    QuestionNotMasked,
    #[error("an unanswered question lists at most 5 suggestions")]
    TooManySuggestions,
    #[error(
        "a callback request carries its contact details sealed, in base64url, at most \
         {MAX_SEALED_CHARS} characters"
    )]
    NotSealed,
    #[error("an idea is refused: {0}")]
    Idea(IdeaProblem),
    #[error("ideas are hidden by coordinators, never at the kiosk")]
    HiddenAtKiosk,
    #[error("a kiosk wellbeing answer comes from the kiosk; at a door it is part of the visit")]
    WellbeingNotAtKiosk,
    #[error("a callback request is marked handled by a coordinator, never at a kiosk or a door")]
    HandledNotByCoordinator,
}

/// The checks of the kiosk's event bodies, for `EventEnvelope::validate`; other bodies pass.
pub fn check_kiosk_event(body: &EventBody, actor: &Actor) -> Result<(), KioskRecordProblem> {
    match body {
        EventBody::KioskQuestionUnanswered(q) => q.check(),
        EventBody::KioskCallbackRequested(c) => c.check(),
        EventBody::IdeaProposed(p) => p.check().map_err(KioskRecordProblem::Idea),
        EventBody::IdeaVoted(v) if !super::ideas::is_room_key(&v.room) => {
            Err(KioskRecordProblem::Idea(IdeaProblem::BadRoom))
        }
        EventBody::IdeaHidden(_) if *actor == Actor::Kiosk => {
            Err(KioskRecordProblem::HiddenAtKiosk)
        }
        // A person's face at a door belongs to the visit (`DoorVisited`), never counted as the
        // kiosk's.
        EventBody::KioskWellbeingGiven(_)
            if matches!(actor, Actor::Volunteer { .. } | Actor::Coordinator { .. }) =>
        {
            Err(KioskRecordProblem::WellbeingNotAtKiosk)
        }
        EventBody::KioskCallbackHandled(_)
            if matches!(actor, Actor::Kiosk | Actor::Volunteer { .. }) =>
        {
            Err(KioskRecordProblem::HandledNotByCoordinator)
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kiosk::{AnswerValues, Matcher, default_knowledge};

    fn unanswered(question: &str) -> Option<QuestionUnanswered> {
        let m = Matcher::new(default_knowledge());
        let reply = m.reply(question, KioskLanguage::Fr, &AnswerValues::default());
        QuestionUnanswered::from_reply(question, KioskLanguage::Fr, &reply, 7)
    }

    #[test]
    fn an_unanswered_question_is_recorded_masked_and_without_anything_else() {
        let q = unanswered("je veux  adopter un chat, 06 12 34 56 78").unwrap();
        assert_eq!(q.text, "je veux adopter un chat, [numéro]");
        assert_eq!((q.language, q.revision), (KioskLanguage::Fr, 7));
        assert!(
            q.suggested.is_empty(),
            "popular questions say nothing about this one"
        );
        assert_eq!(q.check(), Ok(()));
        let json = serde_json::to_value(&q).unwrap();
        let keys: Vec<_> = json.as_object().unwrap().keys().cloned().collect();
        assert_eq!(
            keys,
            ["language", "revision", "text"],
            "no session, no device, no time"
        );
        assert_eq!(
            unanswered("combien ça coûte l'application ?"),
            None,
            "answered"
        );
        assert_eq!(unanswered("  \n "), None);
        let close = unanswered("aide").unwrap();
        assert!(
            close.suggested.contains(&"partners_help".to_owned()),
            "{close:?}"
        );
    }

    #[test]
    fn records_are_checked_where_they_enter() {
        let q = QuestionUnanswered {
            text: "appelez le 0612345678".into(),
            language: KioskLanguage::Fr,
            suggested: vec![],
            revision: 1,
        };
        assert_eq!(q.check(), Err(KioskRecordProblem::QuestionNotMasked));
        assert_eq!(
            QuestionUnanswered {
                text: " ".into(),
                ..q.clone()
            }
            .check(),
            Err(KioskRecordProblem::EmptyQuestion)
        );
        let sealed = CallbackRequested {
            language: KioskLanguage::Ar,
            topic: Some(Topic::LandlordServices),
            sealed: "eyJhbGciOiJFQ0RILUVTIn0".into(),
        };
        assert_eq!(sealed.check(), Ok(()));
        assert_eq!(
            CallbackRequested {
                sealed: "{\"phone\":\"+33612345678\"}".into(),
                ..sealed.clone()
            }
            .check(),
            Err(KioskRecordProblem::NotSealed),
            "plain JSON is not sealed"
        );
        assert!(!KioskRecordProblem::NotSealed.to_string().contains("+33"));
    }

    #[test]
    fn a_callback_needs_a_first_name_and_one_way_to_call() {
        let draft = CallbackDraft {
            first_name: "  Awa ".into(),
            phone: "06 12 34 56 78".into(),
            ..CallbackDraft::default()
        };
        let request = draft
            .validate(KioskLanguage::Ar, Some(Topic::LandlordServices))
            .unwrap();
        assert_eq!(request.first_name, "Awa");
        assert_eq!(request.phone.as_deref(), Some("+33612345678"));
        assert_eq!((request.email, request.question), (None, None));
        assert_eq!(
            CallbackDraft::default().validate(KioskLanguage::Fr, None),
            Err(vec![
                CallbackProblem::FirstNameMissing,
                CallbackProblem::NoWayToContact
            ])
        );
        let bad = CallbackDraft {
            first_name: "Awa".into(),
            phone: "06 12".into(),
            email: "awa@".into(),
            question: "x".repeat(MAX_QUESTION_CHARS + 1),
        };
        let problems = bad.validate(KioskLanguage::Fr, None).unwrap_err();
        assert!(matches!(problems[0], CallbackProblem::Phone(_)));
        assert!(matches!(problems[1], CallbackProblem::Email(_)));
        assert_eq!(problems[2], CallbackProblem::QuestionTooLong);
    }
}
