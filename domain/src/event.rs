//! The event envelope: what every recorded fact carries (who, where, when, in which order), the
//! bodies known so far, the `Recorder` that stamps new events on a device, and the outbox entry
//! that waits for sync. Events are immutable once recorded; the current state is a fold of them.

use serde::{Deserialize, Serialize};

use crate::calendar::{LocalDate, PartOfDay};
use crate::canvass::{DoorOutcome, Wellbeing};
use crate::clock::{Hlc, HlcClock};
use crate::consent::{ConsentAnswer, Purpose};
use crate::contact;
use crate::field_note::{self, MAX_NOTE_CHARS, NoteProblem};
use crate::ids::{CampaignId, DeviceId, EventId};
use crate::kiosk::{
    CallbackRequested, IdeaHidden, IdeaProposed, IdeaVoted, KioskRecordProblem, QuestionUnanswered,
};
use crate::partners::{
    ContactProblem, PartnerContact, PartnerEdit, PartnerProblem, ReferralMade, ReferralUpdate,
    TransitionError,
};
use crate::signup::{self, MAX_NAME_CHARS, ResidentId};
use crate::territory::{DoorId, ResidenceId};

/// The envelope and body layout this build writes. Readers accept `1..=SCHEMA_VERSION`; raise it
/// (and teach older layouts to the readers) when a change would make old events mean something else.
pub const SCHEMA_VERSION: u16 = 1;

/// Who did what the event records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "role", rename_all = "snake_case")]
pub enum Actor {
    /// A volunteer at the doors (service civique, habitant relais), by first name.
    Volunteer { name: String },
    /// A resident at the lobby kiosk: deliberately anonymous in the envelope.
    Kiosk,
    /// Someone of the landlord's team.
    Coordinator { name: String },
    /// The app itself (start-up, housekeeping), when no person acted.
    Device,
}

/// What happened. Each variant's wire name is spelt out with `rename` so that renaming a Rust
/// variant can never change stored or synced events. To add one: add the variant with its
/// `rename`, its arm in `kind`, its checks in `EventEnvelope::validate` and a sample in the tests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum EventBody {
    /// A volunteer's free note in the field journal.
    #[serde(rename = "FieldNoteRecorded")]
    FieldNoteRecorded { text: String },
    /// The app started on this device; which version it was helps read the log afterwards.
    #[serde(rename = "DeviceStarted")]
    DeviceStarted { app_version: String },
    /// A volunteer knocked at a door and recorded what happened. The date and part of the day
    /// are the device's own at the visit: follow-ups and the day's summary are in local time.
    #[serde(rename = "DoorVisited")]
    DoorVisited {
        door: DoorId,
        outcome: DoorOutcome,
        /// Checked like a field note when present.
        note: Option<String>,
        /// The five-faces answer, when the resident gave one.
        wellbeing: Option<Wellbeing>,
        local_date: LocalDate,
        part_of_day: PartOfDay,
    },
    /// A resident gave their details and answered each purpose. Recorded only when at least one
    /// purpose was granted (details kept for no purpose would break data minimisation); the
    /// door's outcome is recorded apart, as a `DoorVisited`.
    #[serde(rename = "ResidentSignedUp")]
    ResidentSignedUp {
        /// `None` when met elsewhere than at their door (in the hall, at an event).
        door: Option<DoorId>,
        resident: ResidentId,
        first_name: String,
        last_name: Option<String>,
        /// Normalised: "+33612345678".
        phone: Option<String>,
        /// Checked and lowercased.
        email: Option<String>,
        /// BCP 47 tag of the language they prefer to be contacted in.
        language: String,
        /// One explicit answer per purpose.
        consents: Vec<ConsentAnswer>,
        /// Which notice was shown (`consent::NOTICE_VERSION`), so it can be shown again.
        notice_version: String,
        local_date: LocalDate,
    },
    /// The neighbourhood app was presented (slides, QR code), at a door or in a résidence.
    #[serde(rename = "AppPresented")]
    AppPresented {
        door: Option<DoorId>,
        residence: Option<ResidenceId>,
        local_date: LocalDate,
    },
    /// A partner of the directory created or changed: only the fields that changed, merged
    /// field by field (`partners::Directory`).
    #[serde(rename = "PartnerEdited")]
    PartnerEdited(PartnerEdit),
    /// A contact with a partner: who met whom, how, what came of it, the next step.
    #[serde(rename = "PartnerContactLogged")]
    PartnerContactLogged(PartnerContact),
    /// A resident referred to a partner for a theme, with their consent for that purpose.
    #[serde(rename = "ReferralMade")]
    ReferralMade(ReferralMade),
    /// Whoever learnt what became of a referral moved its status on.
    #[serde(rename = "ReferralStatusChanged")]
    ReferralStatusChanged(ReferralUpdate),
    /// A question the lobby kiosk could not answer, anonymous (`kiosk::QuestionUnanswered`).
    #[serde(rename = "KioskQuestionUnanswered")]
    KioskQuestionUnanswered(QuestionUnanswered),
    /// A resident asked at the kiosk to be called back; who to call is sealed.
    #[serde(rename = "KioskCallbackRequested")]
    KioskCallbackRequested(CallbackRequested),
    /// An idea for a shared room of a résidence, from the kiosk or a coordinator.
    #[serde(rename = "IdeaProposed")]
    IdeaProposed(IdeaProposed),
    /// One anonymous vote for an idea.
    #[serde(rename = "IdeaVoted")]
    IdeaVoted(IdeaVoted),
    /// A coordinator took an idea off the list.
    #[serde(rename = "IdeaHidden")]
    IdeaHidden(IdeaHidden),
    /// The volunteer checked that a signed-up resident got their invitation and joined the
    /// neighbourhood app: the sign-up leaves the "to confirm" list. Names nobody: the sign-up
    /// it refers to holds the details.
    #[serde(rename = "SignupConfirmed")]
    SignupConfirmed {
        resident: ResidentId,
        local_date: LocalDate,
    },
    /// A resident's wellbeing face at the kiosk, anonymous (`kiosk::KioskWellbeing`).
    #[serde(rename = "KioskWellbeingGiven")]
    KioskWellbeingGiven(crate::kiosk::KioskWellbeing),
    /// A kiosk sign-up sealed with the campaign's public key (`sealed`): what the kiosk records
    /// and pushes. The server opens it and stores the sign-up instead, under the same envelope.
    #[serde(rename = "KioskSealed")]
    KioskSealed(crate::sealed::SealedRecord),
    /// A kiosk callback request as the server opened it: who to call, for the coordinators.
    /// Stored on the server only; no device records or pulls it.
    #[serde(rename = "KioskCallbackOpened")]
    KioskCallbackOpened(crate::kiosk::CallbackRequest),
    /// A resident's personal details are to be erased wherever the log is held (their request,
    /// or the retention period): names the resident by id only (`privacy::erasure`).
    #[serde(rename = "ResidentErased")]
    ResidentErased(crate::privacy::ResidentErased),
    /// A coordinator changed campaign settings (presentation, kiosk, retention): only the
    /// fields that changed, merged field by field (`campaign::campaign_settings`).
    #[serde(rename = "CampaignSettingsChanged")]
    CampaignSettingsChanged(crate::campaign::SettingsChange),
    // kiosk-results (#5): a coordinator dealt with a kiosk callback request.
    /// A coordinator called back (or otherwise dealt with) a kiosk callback request; recorded by
    /// the server for the coordinator who pressed "traitée" (the actor). Server only, like the
    /// request it names (`kiosk::callbacks`).
    #[serde(rename = "KioskCallbackHandled")]
    KioskCallbackHandled(crate::kiosk::CallbackHandled),
}

impl EventBody {
    /// The wire name, the same string as the body's `"type"` field.
    pub fn kind(&self) -> &'static str {
        match self {
            EventBody::FieldNoteRecorded { .. } => "FieldNoteRecorded",
            EventBody::DeviceStarted { .. } => "DeviceStarted",
            EventBody::DoorVisited { .. } => "DoorVisited",
            EventBody::ResidentSignedUp { .. } => "ResidentSignedUp",
            EventBody::AppPresented { .. } => "AppPresented",
            EventBody::PartnerEdited(_) => "PartnerEdited",
            EventBody::PartnerContactLogged(_) => "PartnerContactLogged",
            EventBody::ReferralMade(_) => "ReferralMade",
            EventBody::ReferralStatusChanged(_) => "ReferralStatusChanged",
            EventBody::KioskQuestionUnanswered(_) => "KioskQuestionUnanswered",
            EventBody::KioskCallbackRequested(_) => "KioskCallbackRequested",
            EventBody::IdeaProposed(_) => "IdeaProposed",
            EventBody::IdeaVoted(_) => "IdeaVoted",
            EventBody::IdeaHidden(_) => "IdeaHidden",
            EventBody::CampaignSettingsChanged(_) => "CampaignSettingsChanged",
            EventBody::ResidentErased(_) => "ResidentErased",
            EventBody::SignupConfirmed { .. } => "SignupConfirmed",
            EventBody::KioskWellbeingGiven(_) => "KioskWellbeingGiven",
            EventBody::KioskSealed(_) => "KioskSealed",
            EventBody::KioskCallbackOpened(_) => "KioskCallbackOpened",
            EventBody::KioskCallbackHandled(_) => "KioskCallbackHandled",
        }
    }
}

/// One recorded fact and everything needed to store, order, sync and merge it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventEnvelope {
    /// Unique across all devices; the server stores each id once, which makes pushes idempotent.
    pub id: EventId,
    pub device: DeviceId,
    /// 1, 2, 3… per device, without gaps: the push reads the outbox in this order, and a gap seen by
    /// the server means a lost event.
    pub seq: u64,
    /// Orders events across devices and decides last-writer-wins.
    pub hlc: Hlc,
    pub actor: Actor,
    pub campaign: CampaignId,
    /// The layout version this event was written with.
    pub schema: u16,
    pub body: EventBody,
}

/// Why an event was refused where it entered (a push, an import, a local write).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EventError {
    #[error("sequence numbers start at 1; this event has 0")]
    SeqZero,
    #[error("schema version {found} is not supported (this build reads 1 to {SCHEMA_VERSION})")]
    UnsupportedSchema { found: u16 },
    #[error("the event id says {id_ms} ms, later than its clock timestamp ({hlc_ms} ms)")]
    IdAfterClock { id_ms: u64, hlc_ms: u64 },
    #[error("the clock timestamp was issued by device {hlc_device}, not by the event's device")]
    ClockFromAnotherDevice { hlc_device: DeviceId },
    #[error("a field note cannot be empty")]
    FieldNoteEmpty,
    #[error("a field note has at most {MAX_NOTE_CHARS} characters; this one has {chars}")]
    FieldNoteTooLong { chars: usize },
    #[error("a visit's note, when there is one, cannot be empty")]
    VisitNoteEmpty,
    #[error("a visit's note has at most {MAX_NOTE_CHARS} characters; this one has {chars}")]
    VisitNoteTooLong { chars: usize },
    #[error("\"do not disturb\" needs its reason, of at most {MAX_NOTE_CHARS} characters")]
    DoNotDisturbReason,
    #[error("a visit cannot plan to come back on {on}, before the visit itself ({visit})")]
    ComeBackBeforeVisit { on: LocalDate, visit: LocalDate },
    // The sign-up errors below never quote the resident's details: rejection reasons are
    // logged and shown to coordinators.
    #[error("a sign-up needs a tidy first name of 1 to {MAX_NAME_CHARS} characters")]
    SignupFirstName,
    #[error(
        "a sign-up's last name, when there is one, is tidy and 1 to {MAX_NAME_CHARS} characters"
    )]
    SignupLastName,
    #[error("a sign-up needs a phone number or an email address")]
    SignupNoWayToContact,
    #[error("a sign-up's phone number is not in its stored form (\"+\" and digits)")]
    SignupPhone,
    #[error("a sign-up's email address is not in its stored form (checked, lowercased)")]
    SignupEmail,
    #[error("a sign-up's language is not a BCP 47 language tag")]
    SignupLanguage,
    #[error("a sign-up answers each purpose exactly once; {purpose:?} is answered {count} times")]
    SignupConsents { purpose: Purpose, count: usize },
    #[error("a sign-up where no purpose was granted keeps no details and is not recorded")]
    SignupNothingGranted,
    #[error("a sign-up must say which version of the notice was shown")]
    SignupNoNotice,
    #[error(
        "partners, contacts and referrals are recorded by volunteers and coordinators, not at the kiosk"
    )]
    PartnerWorkAtKiosk,
    #[error("a partner edit is refused: {0}")]
    PartnerEdit(PartnerProblem),
    #[error("a contact with a partner is refused: {0}")]
    PartnerContact(ContactProblem),
    #[error("a referral's status change is refused: {0}")]
    ReferralUpdate(TransitionError),
    #[error("a kiosk record is refused: {0}")]
    Kiosk(KioskRecordProblem),
    #[error("a campaign settings change is refused: {0}")]
    CampaignSettings(crate::campaign::SettingProblem),
    #[error("an erasure is refused: {0}")]
    Erasure(crate::privacy::ErasureProblem),
    #[error("a sealed kiosk record is refused: {0}")]
    Sealed(Box<crate::sealed::SealedProblem>),
}

impl EventEnvelope {
    /// Checks what must hold for any event, whoever wrote it.
    ///
    /// Time: the recorder takes the id's time and the HLC from the same `now_ms`, and an HLC never
    /// runs behind the clock it is given, so an id later than its HLC's wall time can only come from
    /// a forged or corrupted envelope. The other way round is legitimate (a tablet whose clock was
    /// reset to an earlier date keeps a later HLC), so it is not checked.
    pub fn validate(&self) -> Result<(), EventError> {
        if self.seq == 0 {
            return Err(EventError::SeqZero);
        }
        if !(1..=SCHEMA_VERSION).contains(&self.schema) {
            return Err(EventError::UnsupportedSchema { found: self.schema });
        }
        if self.hlc.device != self.device {
            return Err(EventError::ClockFromAnotherDevice {
                hlc_device: self.hlc.device.clone(),
            });
        }
        let id_ms = self.id.timestamp_ms();
        if id_ms > self.hlc.wall_ms {
            return Err(EventError::IdAfterClock {
                id_ms,
                hlc_ms: self.hlc.wall_ms,
            });
        }
        let partner_work = matches!(
            self.body,
            EventBody::PartnerEdited(_)
                | EventBody::PartnerContactLogged(_)
                | EventBody::ReferralMade(_)
                | EventBody::ReferralStatusChanged(_)
        );
        if partner_work && self.actor == Actor::Kiosk {
            return Err(EventError::PartnerWorkAtKiosk);
        }
        match &self.body {
            EventBody::KioskSealed(record) => crate::sealed::check_sealed_record(record)
                .map_err(|p| EventError::Sealed(Box::new(p)))?,
            // An erasure blanks a callback request in place, like a sign-up.
            EventBody::KioskCallbackOpened(request)
                if crate::kiosk::is_erased_callback(request) => {}
            EventBody::KioskCallbackOpened(request) => crate::sealed::check_callback(request)
                .map_err(|p| EventError::Sealed(Box::new(p)))?,
            EventBody::KioskCallbackHandled(_) => {
                crate::kiosk::check_kiosk_event(&self.body, &self.actor)
                    .map_err(EventError::Kiosk)?
            }
            // The same rule as the note form, so the server refuses what a device should not send.
            EventBody::FieldNoteRecorded { text } => match field_note::check_note(text) {
                Ok(_) => {}
                Err(NoteProblem::Empty) => return Err(EventError::FieldNoteEmpty),
                Err(NoteProblem::TooLong) => {
                    let chars = text.trim().chars().count();
                    return Err(EventError::FieldNoteTooLong { chars });
                }
            },
            EventBody::DeviceStarted { .. }
            | EventBody::AppPresented { .. }
            | EventBody::SignupConfirmed { .. }
            | EventBody::ReferralMade(_) => {}
            EventBody::PartnerEdited(edit) => edit.check().map_err(EventError::PartnerEdit)?,
            EventBody::PartnerContactLogged(contact) => {
                contact.check().map_err(EventError::PartnerContact)?
            }
            EventBody::ReferralStatusChanged(update) => {
                update.check().map_err(EventError::ReferralUpdate)?
            }
            EventBody::KioskQuestionUnanswered(_)
            | EventBody::KioskCallbackRequested(_)
            | EventBody::IdeaProposed(_)
            | EventBody::IdeaVoted(_)
            | EventBody::IdeaHidden(_)
            | EventBody::KioskWellbeingGiven(_) => {
                crate::kiosk::check_kiosk_event(&self.body, &self.actor)
                    .map_err(EventError::Kiosk)?
            }
            // Who may write one is the fold's rule (`campaign::settings`): the campaign's writer.
            EventBody::CampaignSettingsChanged(change) => {
                change.check().map_err(EventError::CampaignSettings)?
            }
            EventBody::DoorVisited {
                outcome,
                note,
                local_date,
                ..
            } => check_visit(outcome, note.as_deref(), *local_date)?,
            // An erasure blanks a sign-up's details in place; it stays the proof of consent.
            _ if crate::privacy::is_erased_sign_up(&self.body) => {}
            EventBody::ResidentErased(erased) => erased.check().map_err(EventError::Erasure)?,
            EventBody::ResidentSignedUp {
                first_name,
                last_name,
                phone,
                email,
                language,
                consents,
                notice_version,
                ..
            } => check_sign_up(SignUpFields {
                first_name,
                last_name: last_name.as_deref(),
                phone: phone.as_deref(),
                email: email.as_deref(),
                language,
                consents,
                notice_version,
            })?,
        }
        Ok(())
    }
}

/// The rules of the visit form, again where events enter.
fn check_visit(
    outcome: &DoorOutcome,
    note: Option<&str>,
    visit: LocalDate,
) -> Result<(), EventError> {
    if let Some(note) = note {
        match field_note::check_note(note) {
            Ok(_) => {}
            Err(NoteProblem::Empty) => return Err(EventError::VisitNoteEmpty),
            Err(NoteProblem::TooLong) => {
                let chars = note.trim().chars().count();
                return Err(EventError::VisitNoteTooLong { chars });
            }
        }
    }
    match outcome {
        DoorOutcome::DoNotDisturb { reason } if field_note::check_note(reason).is_err() => {
            Err(EventError::DoNotDisturbReason)
        }
        DoorOutcome::ComeBack { on, .. } if *on < visit => {
            Err(EventError::ComeBackBeforeVisit { on: *on, visit })
        }
        _ => Ok(()),
    }
}

struct SignUpFields<'a> {
    first_name: &'a str,
    last_name: Option<&'a str>,
    phone: Option<&'a str>,
    email: Option<&'a str>,
    language: &'a str,
    consents: &'a [ConsentAnswer],
    notice_version: &'a str,
}

/// What `signup::validate` guarantees, checked on the stored form: a device running another
/// version, or a forged push, must not slip in a sign-up the form would have refused.
fn check_sign_up(s: SignUpFields<'_>) -> Result<(), EventError> {
    let tidy_and_short = |name: &str| {
        !name.is_empty()
            && signup::tidy_name(name) == name
            && name.chars().count() <= MAX_NAME_CHARS
    };
    if !tidy_and_short(s.first_name) {
        return Err(EventError::SignupFirstName);
    }
    if s.last_name.is_some_and(|n| !tidy_and_short(n)) {
        return Err(EventError::SignupLastName);
    }
    if s.phone.is_none() && s.email.is_none() {
        return Err(EventError::SignupNoWayToContact);
    }
    // Stored forms are fixed points of the normalisers (a property test in `contact` holds them
    // to it), so "normalises to itself" is exactly "is in stored form".
    if s.phone
        .is_some_and(|p| contact::normalise_phone(p).as_deref() != Ok(p))
    {
        return Err(EventError::SignupPhone);
    }
    if s.email
        .is_some_and(|e| contact::normalise_email(e).as_deref() != Ok(e))
    {
        return Err(EventError::SignupEmail);
    }
    if !signup::is_language_tag(s.language) {
        return Err(EventError::SignupLanguage);
    }
    for purpose in Purpose::ALL {
        let count = s.consents.iter().filter(|a| a.purpose == purpose).count();
        if count != 1 {
            return Err(EventError::SignupConsents { purpose, count });
        }
    }
    if !s.consents.iter().any(|a| a.granted) {
        return Err(EventError::SignupNothingGranted);
    }
    if s.notice_version.trim().is_empty() {
        return Err(EventError::SignupNoNotice);
    }
    Ok(())
}

/// The device's event-writing state, persisted in IndexedDB's `meta` store and saved in the same
/// transaction as the event it just stamped, so a sequence number is never handed out twice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recorder {
    pub device: DeviceId,
    /// The sequence number the next event gets.
    pub next_seq: u64,
    pub clock: HlcClock,
}

impl Recorder {
    pub fn new(device: DeviceId) -> Recorder {
        Recorder {
            clock: HlcClock::new(device.clone()),
            device,
            next_seq: 1,
        }
    }

    /// Stamps a new event. `random` feeds the id and must come from a secure RNG in the shell.
    pub fn record(
        &mut self,
        now_ms: u64,
        random: [u8; 10],
        actor: Actor,
        campaign: CampaignId,
        body: EventBody,
    ) -> EventEnvelope {
        let seq = self.next_seq;
        self.next_seq += 1;
        EventEnvelope {
            id: EventId::new_v7(now_ms, random),
            device: self.device.clone(),
            seq,
            hlc: self.clock.tick(now_ms),
            actor,
            campaign,
            schema: SCHEMA_VERSION,
            body,
        }
    }
}

/// An event waiting to be pushed. Written in the same IndexedDB transaction as the event, deleted
/// only once the server acknowledges it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxEntry {
    pub event_id: EventId,
    /// Copied from the event so the push can read the outbox in order without opening each event.
    pub seq: u64,
    pub queued_at_ms: u64,
    /// Push attempts so far, for backoff and for the "needs attention" list.
    pub attempts: u32,
    /// The last failure in words a coordinator can act on (a rejection reason, a network error).
    pub last_error: Option<String>,
}

impl OutboxEntry {
    pub fn for_event(event: &EventEnvelope, now_ms: u64) -> OutboxEntry {
        OutboxEntry {
            event_id: event.id.clone(),
            seq: event.seq,
            queued_at_ms: now_ms,
            attempts: 0,
            last_error: None,
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;

    const NOW: u64 = 1_700_000_000_000;

    fn recorder() -> Recorder {
        Recorder::new(DeviceId::from_random([1; 16]))
    }

    fn note(text: &str) -> EventBody {
        EventBody::FieldNoteRecorded { text: text.into() }
    }

    fn ines() -> Actor {
        Actor::Volunteer {
            name: "Inès".into(),
        }
    }

    fn day() -> LocalDate {
        LocalDate::new(2026, 11, 25).unwrap()
    }

    fn door() -> DoorId {
        DoorId("tilleuls-a-1-3-12".into())
    }

    fn visit(outcome: DoorOutcome) -> EventBody {
        EventBody::DoorVisited {
            door: door(),
            outcome,
            note: Some("Interphone en panne.".into()),
            wellbeing: Wellbeing::new(4),
            local_date: day(),
            part_of_day: PartOfDay::Evening,
        }
    }

    fn sign_up() -> EventBody {
        EventBody::ResidentSignedUp {
            door: Some(door()),
            resident: ResidentId::from_random([4; 16]),
            first_name: "Awa".into(),
            last_name: None,
            phone: Some("+33612345678".into()),
            email: Some("awa@exemple.fr".into()),
            language: "fr".into(),
            consents: Purpose::ALL
                .into_iter()
                .map(|purpose| ConsentAnswer {
                    purpose,
                    granted: purpose == Purpose::AppContact,
                })
                .collect(),
            notice_version: crate::consent::NOTICE_VERSION.into(),
            local_date: day(),
        }
    }

    /// One of each body. The exhaustive `match` stops compiling when a variant is added, as a
    /// reminder to add its sample here.
    pub(crate) fn samples() -> Vec<EventBody> {
        let mut all = vec![
            note("Gardien absent, repasser jeudi."),
            EventBody::DeviceStarted {
                app_version: "0.1.0".into(),
            },
            visit(DoorOutcome::ComeBack {
                on: day().plus_days(1),
                part: Some(PartOfDay::Morning),
            }),
            sign_up(),
            EventBody::AppPresented {
                door: Some(door()),
                residence: Some(ResidenceId("tilleuls".into())),
                local_date: day(),
            },
            EventBody::SignupConfirmed {
                resident: ResidentId::from_random([7; 16]),
                local_date: day(),
            },
        ];
        all.extend(crate::partners::tests::event_samples());
        all.extend(crate::kiosk::event_samples());
        all.push(crate::campaign::tests::event_sample());
        all.push(EventBody::ResidentErased(crate::privacy::erasure::sample()));
        all.extend(crate::sealed::tests::event_samples());
        for body in &all {
            match body {
                EventBody::KioskSealed(_)
                | EventBody::KioskCallbackOpened(_)
                | EventBody::KioskCallbackHandled(_) => {}
                EventBody::FieldNoteRecorded { .. }
                | EventBody::DeviceStarted { .. }
                | EventBody::DoorVisited { .. }
                | EventBody::ResidentSignedUp { .. }
                | EventBody::ResidentErased(_)
                | EventBody::AppPresented { .. }
                | EventBody::SignupConfirmed { .. }
                | EventBody::PartnerEdited(_)
                | EventBody::PartnerContactLogged(_)
                | EventBody::ReferralMade(_)
                | EventBody::ReferralStatusChanged(_)
                | EventBody::KioskQuestionUnanswered(_)
                | EventBody::KioskCallbackRequested(_)
                | EventBody::IdeaProposed(_)
                | EventBody::IdeaVoted(_)
                | EventBody::IdeaHidden(_)
                | EventBody::KioskWellbeingGiven(_)
                | EventBody::CampaignSettingsChanged(_) => {}
            }
        }
        all
    }

    #[test]
    fn the_wire_shape_of_an_event_does_not_change_by_accident() {
        let event = recorder().record(NOW, [0; 10], ines(), CampaignId::demo(), note("RAS"));
        let golden = r#"{"id":"018bcfe5-6800-7000-8000-000000000000","device":"01010101-0101-4101-8101-010101010101","seq":1,"hlc":"001700000000000-00000000-01010101-0101-4101-8101-010101010101","actor":{"role":"volunteer","name":"Inès"},"campaign":"demo","schema":1,"body":{"type":"FieldNoteRecorded","text":"RAS"}}"#;
        assert_eq!(serde_json::to_string(&event).unwrap(), golden);
        assert_eq!(
            serde_json::from_str::<EventEnvelope>(golden).unwrap(),
            event
        );
    }

    #[test]
    fn every_body_and_actor_round_trips_and_kind_matches_the_wire_type() {
        let actors = [
            ines(),
            Actor::Kiosk,
            Actor::Coordinator {
                name: "Mme Diallo".into(),
            },
            Actor::Device,
        ];
        let mut rec = recorder();
        for (body, actor) in samples().into_iter().zip(actors.iter().cycle()) {
            let json = serde_json::to_value(&body).unwrap();
            assert_eq!(json["type"], body.kind());
            let event = rec.record(NOW, [9; 10], actor.clone(), CampaignId::demo(), body);
            let text = serde_json::to_string(&event).unwrap();
            assert_eq!(serde_json::from_str::<EventEnvelope>(&text).unwrap(), event);
        }
        for actor in actors {
            let text = serde_json::to_string(&actor).unwrap();
            assert_eq!(serde_json::from_str::<Actor>(&text).unwrap(), actor);
        }
    }

    #[test]
    fn recorded_events_are_valid() {
        let mut rec = recorder();
        for body in samples() {
            let event = rec.record(NOW, [3; 10], Actor::Device, CampaignId::demo(), body);
            assert_eq!(event.validate(), Ok(()));
        }
    }

    #[test]
    fn validation_explains_what_is_wrong() {
        let mut rec = recorder();
        let good = rec.record(NOW, [0; 10], ines(), CampaignId::demo(), note("ok"));
        let with = |change: &dyn Fn(&mut EventEnvelope)| {
            let mut event = good.clone();
            change(&mut event);
            event.validate()
        };
        assert_eq!(with(&|e| e.seq = 0), Err(EventError::SeqZero));
        assert_eq!(
            with(&|e| e.schema = 0),
            Err(EventError::UnsupportedSchema { found: 0 })
        );
        assert_eq!(
            with(&|e| e.schema = SCHEMA_VERSION + 1),
            Err(EventError::UnsupportedSchema {
                found: SCHEMA_VERSION + 1
            })
        );
        assert_eq!(
            with(&|e| e.id = EventId::new_v7(NOW + 1, [0; 10])),
            Err(EventError::IdAfterClock {
                id_ms: NOW + 1,
                hlc_ms: NOW
            })
        );
        let other = DeviceId::from_random([2; 16]);
        assert_eq!(
            with(&|e| e.hlc.device = other.clone()),
            Err(EventError::ClockFromAnotherDevice {
                hlc_device: other.clone()
            })
        );
        assert_eq!(
            with(&|e| e.body = note(" \n ")),
            Err(EventError::FieldNoteEmpty)
        );
        let long = "é".repeat(MAX_NOTE_CHARS + 1);
        assert_eq!(
            with(&|e| e.body = note(&long)),
            Err(EventError::FieldNoteTooLong { chars: 2001 })
        );
        let longest = "é".repeat(MAX_NOTE_CHARS);
        assert_eq!(with(&|e| e.body = note(&longest)), Ok(()));
    }

    #[test]
    fn the_wire_shape_of_a_visit_is_spelt_out() {
        let json = serde_json::to_value(visit(DoorOutcome::ComeBack {
            on: day(),
            part: None,
        }))
        .unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "type": "DoorVisited",
                "door": "tilleuls-a-1-3-12",
                "outcome": {"kind": "come_back", "on": "2026-11-25", "part": null},
                "note": "Interphone en panne.",
                "wellbeing": 4,
                "local_date": "2026-11-25",
                "part_of_day": "evening",
            })
        );
    }

    #[test]
    fn visits_are_checked_like_the_visit_form() {
        let mut rec = recorder();
        let mut check = |body: EventBody| {
            rec.record(NOW, [0; 10], ines(), CampaignId::demo(), body)
                .validate()
        };
        let with_note = |text: &str| {
            let mut body = visit(DoorOutcome::Absent);
            if let EventBody::DoorVisited { note, .. } = &mut body {
                *note = Some(text.into());
            }
            body
        };
        assert_eq!(check(with_note("  ")), Err(EventError::VisitNoteEmpty));
        assert_eq!(
            check(with_note(&"x".repeat(MAX_NOTE_CHARS + 1))),
            Err(EventError::VisitNoteTooLong { chars: 2001 })
        );
        let mut no_note = visit(DoorOutcome::Absent);
        if let EventBody::DoorVisited {
            note, wellbeing, ..
        } = &mut no_note
        {
            *note = None;
            *wellbeing = None;
        }
        assert_eq!(check(no_note), Ok(()));
        assert_eq!(
            check(visit(DoorOutcome::DoNotDisturb { reason: " ".into() })),
            Err(EventError::DoNotDisturbReason)
        );
        assert_eq!(
            check(visit(DoorOutcome::DoNotDisturb {
                reason: "Personne âgée, ne souhaite pas de visite.".into()
            })),
            Ok(())
        );
        assert_eq!(
            check(visit(DoorOutcome::ComeBack {
                on: day().plus_days(-1),
                part: None
            })),
            Err(EventError::ComeBackBeforeVisit {
                on: day().plus_days(-1),
                visit: day()
            })
        );
        assert_eq!(
            check(visit(DoorOutcome::ComeBack {
                on: day(),
                part: Some(PartOfDay::Evening)
            })),
            Ok(())
        );
        assert!(
            serde_json::from_str::<EventBody>(
                r#"{"type":"DoorVisited","door":"d","outcome":{"kind":"absent"},"note":null,"wellbeing":6,"local_date":"2026-11-25","part_of_day":"morning"}"#
            )
            .is_err(),
            "a sixth face does not exist"
        );
    }

    #[test]
    fn sign_ups_are_checked_like_the_sign_up_form() {
        let mut rec = recorder();
        let mut check = |change: &dyn Fn(&mut EventBody)| {
            let mut body = sign_up();
            change(&mut body);
            rec.record(NOW, [0; 10], ines(), CampaignId::demo(), body)
                .validate()
        };
        fn fields(body: &mut EventBody) -> SignUpMut<'_> {
            let EventBody::ResidentSignedUp {
                first_name,
                last_name,
                phone,
                email,
                language,
                consents,
                notice_version,
                ..
            } = body
            else {
                unreachable!()
            };
            SignUpMut {
                first_name,
                last_name,
                phone,
                email,
                language,
                consents,
                notice_version,
            }
        }
        assert_eq!(check(&|_| {}), Ok(()));
        assert_eq!(
            check(&|b| *fields(b).first_name = " Awa".into()),
            Err(EventError::SignupFirstName)
        );
        assert_eq!(
            check(&|b| *fields(b).first_name = String::new()),
            Err(EventError::SignupFirstName)
        );
        assert_eq!(
            check(&|b| *fields(b).last_name = Some("a".repeat(MAX_NAME_CHARS + 1))),
            Err(EventError::SignupLastName)
        );
        assert_eq!(
            check(&|b| {
                let f = fields(b);
                *f.phone = None;
                *f.email = None;
            }),
            Err(EventError::SignupNoWayToContact)
        );
        assert_eq!(
            check(&|b| *fields(b).phone = Some("06 12 34 56 78".into())),
            Err(EventError::SignupPhone)
        );
        assert_eq!(
            check(&|b| *fields(b).email = Some("Awa@Exemple.fr".into())),
            Err(EventError::SignupEmail)
        );
        assert_eq!(
            check(&|b| *fields(b).language = "français".into()),
            Err(EventError::SignupLanguage)
        );
        assert_eq!(
            check(&|b| {
                fields(b).consents.pop();
            }),
            Err(EventError::SignupConsents {
                purpose: Purpose::PartnerReferral,
                count: 0
            })
        );
        assert_eq!(
            check(&|b| {
                let consents = fields(b).consents;
                consents.push(consents[0]);
            }),
            Err(EventError::SignupConsents {
                purpose: Purpose::AppContact,
                count: 2
            })
        );
        assert_eq!(
            check(&|b| fields(b)
                .consents
                .iter_mut()
                .for_each(|a| a.granted = false)),
            Err(EventError::SignupNothingGranted)
        );
        assert_eq!(
            check(&|b| *fields(b).notice_version = " ".into()),
            Err(EventError::SignupNoNotice)
        );
        // The messages never quote the resident's details.
        let message = EventError::SignupPhone.to_string();
        assert!(!message.contains("612345678"));
    }

    struct SignUpMut<'a> {
        first_name: &'a mut String,
        last_name: &'a mut Option<String>,
        phone: &'a mut Option<String>,
        email: &'a mut Option<String>,
        language: &'a mut String,
        consents: &'a mut Vec<ConsentAnswer>,
        notice_version: &'a mut String,
    }

    #[test]
    fn an_outbox_entry_starts_untried() {
        let event = recorder().record(NOW, [0; 10], Actor::Kiosk, CampaignId::demo(), note("x"));
        let entry = OutboxEntry::for_event(&event, NOW + 5);
        assert_eq!(
            entry,
            OutboxEntry {
                event_id: event.id.clone(),
                seq: 1,
                queued_at_ms: NOW + 5,
                attempts: 0,
                last_error: None,
            }
        );
        let text = serde_json::to_string(&entry).unwrap();
        assert_eq!(serde_json::from_str::<OutboxEntry>(&text).unwrap(), entry);
    }

    proptest! {
        #[test]
        fn sequence_numbers_go_up_by_one_and_clocks_strictly_increase(
            times in prop::collection::vec(NOW - 5_000..NOW + 5_000, 1..100),
        ) {
            let mut rec = recorder();
            let mut last: Option<EventEnvelope> = None;
            for (i, now) in times.into_iter().enumerate() {
                let random = [i as u8; 10];
                let event = rec.record(now, random, Actor::Device, CampaignId::demo(), note("n"));
                prop_assert_eq!(event.validate(), Ok(()));
                match &last {
                    None => prop_assert_eq!(event.seq, 1),
                    Some(last) => {
                        prop_assert_eq!(event.seq, last.seq + 1);
                        prop_assert!(event.hlc > last.hlc);
                    }
                }
                last = Some(event);
            }
            // The saved state carries on where it stopped.
            let text = serde_json::to_string(&rec).unwrap();
            let saved: Recorder = serde_json::from_str(&text).unwrap();
            prop_assert_eq!(saved, rec);
        }
    }
}
