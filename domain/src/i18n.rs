//! Interface languages and every text the app shows. A missing translation is a compile error:
//! each language is one exhaustive `match` over [`Text`].

mod ar;
mod en;
mod fr;
pub mod on_demand;
mod plural;

#[cfg(test)]
pub(crate) use plural::names as placeholder_names;

/// Where a French text lets a line break before ! ? ; : or » or after « (a plain space there):
/// French sets a space before them that must be a no-break space (U+00A0), or the browser may put
/// the mark alone at the start of the next line ("C'est gratuit" / "!" on a printed door hanger).
/// Each fault is the text around it.
#[cfg(test)]
pub(crate) fn french_spacing_faults(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len())
        .filter(|&i| {
            chars[i] == ' '
                && (chars.get(i + 1).is_some_and(|c| "!?;:»".contains(*c))
                    || (i > 0 && chars[i - 1] == '«'))
        })
        .map(|i| {
            chars[i.saturating_sub(12)..(i + 3).min(chars.len())]
                .iter()
                .collect()
        })
        .collect()
}
pub use plural::{Plural, choose};

use serde::{Deserialize, Serialize};

/// The languages the interface speaks. French first: it is the language of the landlords, the
/// volunteers and the legal notices; the others are for residents and volunteers who read them better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    Fr,
    En,
    Ar,
}

/// Writing direction, for `<html dir>`: Arabic mirrors the whole layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    LeftToRight,
    RightToLeft,
}

impl Direction {
    pub fn html_value(self) -> &'static str {
        match self {
            Direction::LeftToRight => "ltr",
            Direction::RightToLeft => "rtl",
        }
    }
}

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::Fr, Locale::En, Locale::Ar];

    /// BCP 47 tag, for `<html lang>` and for storing the choice.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Fr => "fr",
            Locale::En => "en",
            Locale::Ar => "ar",
        }
    }

    pub fn direction(self) -> Direction {
        match self {
            Locale::Ar => Direction::RightToLeft,
            Locale::Fr | Locale::En => Direction::LeftToRight,
        }
    }

    pub fn is_rtl(self) -> bool {
        self.direction() == Direction::RightToLeft
    }

    /// The language's name written in that language: a resident who does not read French must
    /// still recognise the button for their own language.
    pub fn own_name(self) -> &'static str {
        match self {
            Locale::Fr => "Français",
            Locale::En => "English",
            Locale::Ar => "العربية",
        }
    }

    /// Reads a stored or browser tag ("ar", "ar-MA", "EN_gb"); `None` for a language we don't speak.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Locale::ALL.into_iter().find(|l| l.tag() == primary)
    }

    /// The language to start in: the one the user chose on this device, else French. The
    /// browser's language is deliberately not used: kiosks and shared tablets are set up in
    /// French by the landlord, and each person then picks their own language on screen.
    pub fn at_start(stored_choice: Option<&str>) -> Locale {
        stored_choice.and_then(Locale::from_tag).unwrap_or_default()
    }

    pub fn text(self, key: Text) -> &'static str {
        match self {
            Locale::Fr => fr::text(key),
            #[cfg(not(feature = "texts_on_demand"))]
            Locale::En => en::text(key),
            #[cfg(not(feature = "texts_on_demand"))]
            Locale::Ar => ar::text(key),
            // English and Arabic arrive on demand in the app's release build (on_demand.rs).
            #[cfg(feature = "texts_on_demand")]
            Locale::En | Locale::Ar => on_demand::text(self, key),
        }
    }

    /// A floor as people say it: "RDC", "1er étage", "3e étage", "Sous-sol 1".
    pub fn floor_label(self, floor: i32) -> String {
        match floor {
            0 => self.text(Text::FloorGround).to_owned(),
            1 => self.text(Text::FloorFirst).to_owned(),
            n if n > 1 => self.fill(Text::FloorNth, &[("n", &n.to_string())]),
            n => self.fill(Text::FloorBasement, &[("n", &(-n).to_string())]),
        }
    }

    /// What goes between a label and its value: French sets a thin space before the colon
    /// ("Accès : code 1234"), English and Arabic none ("Access: …", "الدخول: …").
    pub fn label_colon(self) -> &'static str {
        match self {
            Locale::Fr => "\u{202f}: ",
            Locale::En | Locale::Ar => ": ",
        }
    }

    /// A door by its apartment number, or a plain "door without number".
    pub fn door_label(self, apartment: Option<&str>) -> String {
        match apartment.map(str::trim).filter(|a| !a.is_empty()) {
            Some(number) => self.fill(Text::DoorNumber, &[("number", number)]),
            None => self.text(Text::DoorWithoutNumber).to_owned(),
        }
    }

    /// A text with `{name}` placeholders filled in, and each count's noun in the form the count
    /// takes (`{doors|porte|portes}`, see `plural.rs`).
    pub fn fill(self, key: Text, values: &[(&str, &str)]) -> String {
        self.fill_text(self.text(key), values)
    }

    /// [`Locale::fill`] for a text of this language kept outside [`Text`] (a module's own words).
    pub fn fill_text(self, template: &str, values: &[(&str, &str)]) -> String {
        fill(&choose(self.plural(), template, values), values)
    }
}

/// Replaces each `{name}` by its value; unknown placeholders are left visible so that a mistake
/// shows on screen instead of silently dropping words.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// Every text of the interface, named after what it says or where it stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Text {
    AppName,
    KioskSealedUnavailable,
    KioskSealedUnavailableContact,
    KioskSealedUnavailableAsk,
    ToConfirmHeading,
    ToConfirmNone,
    ToConfirmHint,
    /// `{days}`: 2 or more (today and yesterday have their own words).
    ToConfirmWaiting,
    ToConfirmToday,
    ToConfirmYesterday,
    ToConfirmButton,
    ToConfirmDone,
    VolunteerWho,
    VolunteerWhy,
    VolunteerSave,
    VolunteerIs,
    VolunteerChange,
    VolunteerNameEmpty,
    VolunteerNameTooLong,
    VolunteerNameNotAName,
    PartSearchLabel,
    PartResultCount,
    PartAllThemes,
    PartNone,
    PartLoading,
    PartAdd,
    PartEdit,
    PartSave,
    PartCancel,
    PartNewHeading,
    PartFollowUpsHeading,
    PartFollowUpsNone,
    PartFollowUpOn,
    PartOverdue,
    PartNotFound,
    PartBackToList,
    PartContactsHeading,
    PartNoContacts,
    PartLogContact,
    PartContactSave,
    PartContactLine,
    PartNextStep,
    PartReferralsHeading,
    PartNoReferrals,
    PartReferHeading,
    PartResident,
    PartTheme,
    PartChoose,
    PartRefer,
    PartNoResidents,
    PartWithoutConsent,
    PartReferralMadeOn,
    PartStatusSince,
    PartMoveTo,
    PartHistoryHeading,
    PartChangedBy,
    PartThisDevice,
    PartAnotherDevice,
    PartDemoDirectory,
    PartUnknownResident,
    PartHasProblems,
    PartSaved,
    PartPersonName,
    PartPersonRole,
    PartNothingToSave,
    PartCreatedBy,
    IndLogHeading,
    IndLogIntro,
    IndLogImport,
    IndLogProgress,
    IndLogDone,
    IndLogInterrupted,
    IndHeading,
    /// `{campaign}`, `{date}`: which campaign and which day a printed report is about.
    IndReportFor,
    IndNeedLog,
    IndFilter,
    IndFrom,
    IndTo,
    IndResidence,
    IndBuilding,
    IndEntrance,
    IndVolunteer,
    IndAll,
    IndContactRate,
    IndSignUpRate,
    IndRefusals,
    IndAbsentAfter,
    IndRevisits,
    IndRevisitsOverdue,
    IndPresentations,
    IndRateOf,
    IndOutsideTerritory,
    IndChartEmpty,
    IndTableSummary,
    IndPrint,
    ExpHeading,
    ExpIntro,
    ExpCsvNamed,
    ExpCsvPseudo,
    ExpJsonNamed,
    ExpJsonPseudo,
    ExpReady,
    KioskStep,
    KioskSignupThanks,
    KioskCommonRoom,
    KioskConsentAsk,
    CoordSignInHeading,
    CoordSignInIntro,
    CoordEmail,
    CoordPassword,
    CoordSignIn,
    CoordSignOut,
    CoordSignedInAs,
    CoordNeedsNetwork,
    CoordInvalidCredentials,
    CoordTooManyTries,
    CoordFillBoth,
    CoordSessionExpired,
    CoordServerProblem,
    CoordEnrollHeading,
    CoordEnrollIntro,
    CoordCampaign,
    CoordCreateCode,
    CoordCodeValidUntil,
    CoordCodeQrLabel,
    CoordDevicesHeading,
    CoordNoDevices,
    CoordDeviceName,
    CoordDeviceState,
    CoordLastSeen,
    CoordDeviceActive,
    CoordDeviceRevoked,
    CoordNeverSeen,
    CoordRevoke,
    CoordRevokeConfirm,
    CoordImportHeading,
    CoordImportIntro,
    CoordImportChoose,
    CoordImportResult,
    CoordImportNotAFile,
    SkipToContent,
    LanguageLabel,
    BackHome,
    HomeHeading,
    HomeIntro,
    ModeField,
    ModeFieldHint,
    ModeKiosk,
    ModeKioskHint,
    ModePartners,
    ModePartnersHint,
    ModeCoordination,
    ModeCoordinationHint,
    Online,
    Offline,
    UpdateAvailable,
    UpdateReload,
    FieldNoteHeading,
    FieldNoteLabel,
    FieldNoteSensitiveWarning,
    FieldNoteSave,
    FieldNoteSaved,
    FieldNoteEmpty,
    FieldNoteTooLong,
    FieldNotesRecorded,
    FieldNotesNone,
    /// `{count}`: how many events wait to be sent.
    OutboxPending,
    OutboxEmpty,
    StorageHeading,
    StoragePersistent,
    StorageNotPersistent,
    StorageAskPersistent,
    /// `{used}` and `{quota}`: sizes already formatted.
    StorageUsage,
    StorageUnknown,
    /// Until the browser answers how much space is used and whether it is protected.
    StorageReading,
    /// `{reason}`: the browser's own message.
    StorageWriteFailed,
    StorageUnavailable,
    PageNotFound,
    FieldResidencesHeading,
    FieldNoTerritory,
    FieldImportLink,
    DoorsRemaining,
    FollowUpsHeading,
    FollowUpsNone,
    DaySummaryHeading,
    DaySummaryLine,
    RemainingOnly,
    AccessNotes,
    FloorGround,
    FloorFirst,
    FloorNth,
    FloorBasement,
    DoorNumber,
    DoorWithoutNumber,
    WellbeingQuestion,
    Wellbeing1,
    Wellbeing2,
    Wellbeing3,
    Wellbeing4,
    Wellbeing5,
    WellbeingSkip,
    VisitNoteLabel,
    OutcomeHeading,
    OutcomeAbsent,
    OutcomeRefused,
    OutcomeInterested,
    OutcomeSignUp,
    OutcomeComeBack,
    OutcomeDoNotDisturb,
    OutcomeInaccessible,
    ComeBackWhen,
    ComeBackDate,
    PartMorning,
    PartAfternoon,
    PartEvening,
    ComeBackConfirm,
    ComeBackDateMissing,
    DoNotDisturbReason,
    DoNotDisturbConfirm,
    DoNotDisturbReasonMissing,
    VisitRecorded,
    Close,
    Back,
    SignupHeading,
    FirstName,
    LastName,
    Phone,
    Email,
    ContactHint,
    PreferredLanguage,
    ConsentHeading,
    ConsentHint,
    Yes,
    No,
    NoticeHeading,
    SignupSave,
    SignupSaved,
    SignupHasProblems,
    DraftKept,
    ImportHeading,
    ImportFileLabel,
    ImportDetected,
    ImportMappingHeading,
    ImportNotMapped,
    ImportPreviewHeading,
    ImportSummary,
    ImportProblemsHeading,
    ImportMissingColumns,
    ImportAll,
    ImportValidOnly,
    ImportDone,
    ImportEmptyFile,
    PresentApp,
    PresentationLanguage,
    SlidePosition,
    Previous,
    Next,
    ShowQr,
    QrCaption,
    QrCodeOf,
    NoJoinLink,
    PresentationDone,
    PresentationRecorded,
    DoorHangersLink,
    DoorHangersHeading,
    DoorHangersHint,
    VolunteerFirstName,
    ContactPhone,
    HangerLanguage,
    Print,
    DoorHangersNone,
    DaySummaryWellbeing,
    SyncNotEnrolled,
    SyncLinkDevice,
    SyncRevoked,
    SyncLinkAgain,
    SyncAllSent,
    SyncRunning,
    /// `{ago}`: how long ago, already worded ("3 min").
    SyncDoneAgo,
    SyncDoneJustNow,
    /// The same beside a problem or a round under way: the last round that went through, so
    /// that "synced just now" never sits next to "server unreachable" as if both were now.
    /// `{ago}` as above.
    SyncLastDoneAgo,
    SyncLastDoneJustNow,
    SyncNever,
    SyncNow,
    /// `{count}`: refused events waiting in the "À vérifier" list.
    SyncAttentionLink,
    ProblemOffline,
    ProblemServerUnavailable,
    ProblemRateLimited,
    ProblemAppTooOld,
    /// `{code}`: the server's error code.
    ProblemRefused,
    ProblemUnreadable,
    DeviceHeading,
    DeviceIdLabel,
    DeviceCampaignLabel,
    DeviceNameLabel,
    DeviceNotLinkedHint,
    DeviceSyncHeading,
    EnrollHeading,
    EnrollOtherCampaign,
    EnrollCodeLabel,
    EnrollCodeHint,
    EnrollNameHint,
    EnrollRunning,
    /// `{campaign}`: the campaign's name.
    EnrollDone,
    EnrollMalformed,
    EnrollUnknown,
    EnrollExpired,
    EnrollUsed,
    EnrollRateLimited,
    EnrollOffline,
    /// `{code}`: the server's error code.
    EnrollFailed,
    ExportHeading,
    ExportHint,
    /// `{count}`: events not sent yet (outbox and "À vérifier").
    ExportButton,
    ExportNothing,
    /// `{file}`: the file's name.
    ExportDone,
    AttentionHeading,
    AttentionHint,
    AttentionNone,
    AttentionRetry,
    AttentionRetryAll,
    /// `{when}`: day and time, already worded ("jeudi 26/11 à 14:05").
    AttentionRecorded,
    /// `{message}`: the server's own words (English).
    AttentionServerSaid,
    KindFieldNote,
    KindDeviceStarted,
    KindDoorVisit,
    KindSignup,
    KindPresentation,
    KindUnreadable,
    RejectClock,
    RejectCampaign,
    RejectInvalid,
    RejectSchema,
    RejectDevice,
    RejectTooLarge,
    RejectMissing,
    /// `{code}`: the server's code for the refusal.
    RejectOther,
    InsecureContext,
    RejectSequence,
    /// `{count}`: events the server refused, waiting in "À vérifier".
    SyncRefused,
    /// `{count}`: how many times the event was sent.
    AttentionAttempts,
}

/// Every key, in one list: the tests walk all texts with it, and [`on_demand`] builds the
/// English and Arabic tables from it. Kept in step with `Text` by the exhaustive match in the
/// test `every_key_is_listed`.
pub const ALL_KEYS: &[Text] = &[
    Text::AppName,
    Text::KioskSealedUnavailable,
    Text::KioskSealedUnavailableContact,
    Text::KioskSealedUnavailableAsk,
    Text::ToConfirmHeading,
    Text::ToConfirmNone,
    Text::ToConfirmHint,
    Text::ToConfirmWaiting,
    Text::ToConfirmToday,
    Text::ToConfirmYesterday,
    Text::ToConfirmButton,
    Text::ToConfirmDone,
    Text::VolunteerWho,
    Text::VolunteerWhy,
    Text::VolunteerSave,
    Text::VolunteerIs,
    Text::VolunteerChange,
    Text::VolunteerNameEmpty,
    Text::VolunteerNameTooLong,
    Text::VolunteerNameNotAName,
    Text::PartSearchLabel,
    Text::PartResultCount,
    Text::PartAllThemes,
    Text::PartNone,
    Text::PartLoading,
    Text::PartAdd,
    Text::PartEdit,
    Text::PartSave,
    Text::PartCancel,
    Text::PartNewHeading,
    Text::PartFollowUpsHeading,
    Text::PartFollowUpsNone,
    Text::PartFollowUpOn,
    Text::PartOverdue,
    Text::PartNotFound,
    Text::PartBackToList,
    Text::PartContactsHeading,
    Text::PartNoContacts,
    Text::PartLogContact,
    Text::PartContactSave,
    Text::PartContactLine,
    Text::PartNextStep,
    Text::PartReferralsHeading,
    Text::PartNoReferrals,
    Text::PartReferHeading,
    Text::PartResident,
    Text::PartTheme,
    Text::PartChoose,
    Text::PartRefer,
    Text::PartNoResidents,
    Text::PartWithoutConsent,
    Text::PartReferralMadeOn,
    Text::PartStatusSince,
    Text::PartMoveTo,
    Text::PartHistoryHeading,
    Text::PartChangedBy,
    Text::PartThisDevice,
    Text::PartAnotherDevice,
    Text::PartDemoDirectory,
    Text::PartUnknownResident,
    Text::PartHasProblems,
    Text::PartSaved,
    Text::PartPersonName,
    Text::PartPersonRole,
    Text::PartNothingToSave,
    Text::PartCreatedBy,
    Text::IndLogHeading,
    Text::IndLogIntro,
    Text::IndLogImport,
    Text::IndLogProgress,
    Text::IndLogDone,
    Text::IndLogInterrupted,
    Text::IndHeading,
    Text::IndReportFor,
    Text::IndNeedLog,
    Text::IndFilter,
    Text::IndFrom,
    Text::IndTo,
    Text::IndResidence,
    Text::IndBuilding,
    Text::IndEntrance,
    Text::IndVolunteer,
    Text::IndAll,
    Text::IndContactRate,
    Text::IndSignUpRate,
    Text::IndRefusals,
    Text::IndAbsentAfter,
    Text::IndRevisits,
    Text::IndRevisitsOverdue,
    Text::IndPresentations,
    Text::IndRateOf,
    Text::IndOutsideTerritory,
    Text::IndChartEmpty,
    Text::IndTableSummary,
    Text::IndPrint,
    Text::ExpHeading,
    Text::ExpIntro,
    Text::ExpCsvNamed,
    Text::ExpCsvPseudo,
    Text::ExpJsonNamed,
    Text::ExpJsonPseudo,
    Text::ExpReady,
    Text::KioskStep,
    Text::KioskSignupThanks,
    Text::KioskCommonRoom,
    Text::KioskConsentAsk,
    Text::CoordSignInHeading,
    Text::CoordSignInIntro,
    Text::CoordEmail,
    Text::CoordPassword,
    Text::CoordSignIn,
    Text::CoordSignOut,
    Text::CoordSignedInAs,
    Text::CoordNeedsNetwork,
    Text::CoordInvalidCredentials,
    Text::CoordTooManyTries,
    Text::CoordFillBoth,
    Text::CoordSessionExpired,
    Text::CoordServerProblem,
    Text::CoordEnrollHeading,
    Text::CoordEnrollIntro,
    Text::CoordCampaign,
    Text::CoordCreateCode,
    Text::CoordCodeValidUntil,
    Text::CoordCodeQrLabel,
    Text::CoordDevicesHeading,
    Text::CoordNoDevices,
    Text::CoordDeviceName,
    Text::CoordDeviceState,
    Text::CoordLastSeen,
    Text::CoordDeviceActive,
    Text::CoordDeviceRevoked,
    Text::CoordNeverSeen,
    Text::CoordRevoke,
    Text::CoordRevokeConfirm,
    Text::CoordImportHeading,
    Text::CoordImportIntro,
    Text::CoordImportChoose,
    Text::CoordImportResult,
    Text::CoordImportNotAFile,
    Text::SkipToContent,
    Text::LanguageLabel,
    Text::BackHome,
    Text::HomeHeading,
    Text::HomeIntro,
    Text::ModeField,
    Text::ModeFieldHint,
    Text::ModeKiosk,
    Text::ModeKioskHint,
    Text::ModePartners,
    Text::ModePartnersHint,
    Text::ModeCoordination,
    Text::ModeCoordinationHint,
    Text::Online,
    Text::Offline,
    Text::UpdateAvailable,
    Text::UpdateReload,
    Text::FieldNoteHeading,
    Text::FieldNoteLabel,
    Text::FieldNoteSensitiveWarning,
    Text::FieldNoteSave,
    Text::FieldNoteSaved,
    Text::FieldNoteEmpty,
    Text::FieldNoteTooLong,
    Text::FieldNotesRecorded,
    Text::FieldNotesNone,
    Text::OutboxPending,
    Text::OutboxEmpty,
    Text::StorageHeading,
    Text::StoragePersistent,
    Text::StorageNotPersistent,
    Text::StorageAskPersistent,
    Text::StorageUsage,
    Text::StorageUnknown,
    Text::StorageReading,
    Text::StorageWriteFailed,
    Text::StorageUnavailable,
    Text::PageNotFound,
    Text::FieldResidencesHeading,
    Text::FieldNoTerritory,
    Text::FieldImportLink,
    Text::DoorsRemaining,
    Text::FollowUpsHeading,
    Text::FollowUpsNone,
    Text::DaySummaryHeading,
    Text::DaySummaryLine,
    Text::RemainingOnly,
    Text::AccessNotes,
    Text::FloorGround,
    Text::FloorFirst,
    Text::FloorNth,
    Text::FloorBasement,
    Text::DoorNumber,
    Text::DoorWithoutNumber,
    Text::WellbeingQuestion,
    Text::Wellbeing1,
    Text::Wellbeing2,
    Text::Wellbeing3,
    Text::Wellbeing4,
    Text::Wellbeing5,
    Text::WellbeingSkip,
    Text::VisitNoteLabel,
    Text::OutcomeHeading,
    Text::OutcomeAbsent,
    Text::OutcomeRefused,
    Text::OutcomeInterested,
    Text::OutcomeSignUp,
    Text::OutcomeComeBack,
    Text::OutcomeDoNotDisturb,
    Text::OutcomeInaccessible,
    Text::ComeBackWhen,
    Text::ComeBackDate,
    Text::PartMorning,
    Text::PartAfternoon,
    Text::PartEvening,
    Text::ComeBackConfirm,
    Text::ComeBackDateMissing,
    Text::DoNotDisturbReason,
    Text::DoNotDisturbConfirm,
    Text::DoNotDisturbReasonMissing,
    Text::VisitRecorded,
    Text::Close,
    Text::Back,
    Text::SignupHeading,
    Text::FirstName,
    Text::LastName,
    Text::Phone,
    Text::Email,
    Text::ContactHint,
    Text::PreferredLanguage,
    Text::ConsentHeading,
    Text::ConsentHint,
    Text::Yes,
    Text::No,
    Text::NoticeHeading,
    Text::SignupSave,
    Text::SignupSaved,
    Text::SignupHasProblems,
    Text::DraftKept,
    Text::ImportHeading,
    Text::ImportFileLabel,
    Text::ImportDetected,
    Text::ImportMappingHeading,
    Text::ImportNotMapped,
    Text::ImportPreviewHeading,
    Text::ImportSummary,
    Text::ImportProblemsHeading,
    Text::ImportMissingColumns,
    Text::ImportAll,
    Text::ImportValidOnly,
    Text::ImportDone,
    Text::ImportEmptyFile,
    Text::PresentApp,
    Text::PresentationLanguage,
    Text::SlidePosition,
    Text::Previous,
    Text::Next,
    Text::ShowQr,
    Text::QrCaption,
    Text::QrCodeOf,
    Text::NoJoinLink,
    Text::PresentationDone,
    Text::PresentationRecorded,
    Text::DoorHangersLink,
    Text::DoorHangersHeading,
    Text::DoorHangersHint,
    Text::VolunteerFirstName,
    Text::ContactPhone,
    Text::HangerLanguage,
    Text::Print,
    Text::DoorHangersNone,
    Text::DaySummaryWellbeing,
    Text::SyncNotEnrolled,
    Text::SyncLinkDevice,
    Text::SyncRevoked,
    Text::SyncLinkAgain,
    Text::SyncAllSent,
    Text::SyncRunning,
    Text::SyncDoneAgo,
    Text::SyncDoneJustNow,
    Text::SyncLastDoneAgo,
    Text::SyncLastDoneJustNow,
    Text::SyncNever,
    Text::SyncNow,
    Text::SyncAttentionLink,
    Text::ProblemOffline,
    Text::ProblemServerUnavailable,
    Text::ProblemRateLimited,
    Text::ProblemAppTooOld,
    Text::ProblemRefused,
    Text::ProblemUnreadable,
    Text::DeviceHeading,
    Text::DeviceIdLabel,
    Text::DeviceCampaignLabel,
    Text::DeviceNameLabel,
    Text::DeviceNotLinkedHint,
    Text::DeviceSyncHeading,
    Text::EnrollHeading,
    Text::EnrollOtherCampaign,
    Text::EnrollCodeLabel,
    Text::EnrollCodeHint,
    Text::EnrollNameHint,
    Text::EnrollRunning,
    Text::EnrollDone,
    Text::EnrollMalformed,
    Text::EnrollUnknown,
    Text::EnrollExpired,
    Text::EnrollUsed,
    Text::EnrollRateLimited,
    Text::EnrollOffline,
    Text::EnrollFailed,
    Text::ExportHeading,
    Text::ExportHint,
    Text::ExportButton,
    Text::ExportNothing,
    Text::ExportDone,
    Text::AttentionHeading,
    Text::AttentionHint,
    Text::AttentionNone,
    Text::AttentionRetry,
    Text::AttentionRetryAll,
    Text::AttentionRecorded,
    Text::AttentionServerSaid,
    Text::KindFieldNote,
    Text::KindDeviceStarted,
    Text::KindDoorVisit,
    Text::KindSignup,
    Text::KindPresentation,
    Text::KindUnreadable,
    Text::RejectClock,
    Text::RejectCampaign,
    Text::RejectInvalid,
    Text::RejectSchema,
    Text::RejectDevice,
    Text::RejectTooLarge,
    Text::RejectMissing,
    Text::RejectOther,
    Text::InsecureContext,
    Text::RejectSequence,
    Text::SyncRefused,
    Text::AttentionAttempts,
];

/// Whether every error detail an Arabic text takes (`{detail}`, `{reason}`: the browser's own
/// words, often in Latin letters) sits between FSI and PDI, so that it keeps its place in a
/// right-to-left line instead of carrying the brackets and the sentence around it off.
#[cfg(test)]
pub(crate) fn details_isolated(text: &str) -> bool {
    ["{detail}", "{reason}"]
        .iter()
        .all(|p| !text.contains(p) || text.contains(&format!("\u{2068}{p}\u{2069}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_details_keep_their_place_in_arabic_lines() {
        for key in ALL_KEYS {
            let ar = Locale::Ar.text(*key);
            assert!(details_isolated(ar), "{key:?}: {ar}");
        }
        assert!(!details_isolated("التفاصيل: {reason}"));
    }

    #[test]
    fn the_coordinator_names_the_tablet_s_link_as_an_unlinked_tablet_shows_it() {
        for locale in Locale::ALL {
            let intro = locale.text(Text::CoordEnrollIntro);
            let link = locale.text(Text::SyncLinkDevice);
            assert!(intro.contains(link), "{locale:?}: {intro}");
        }
    }

    #[test]
    fn every_key_is_listed() {
        // Adding a `Text` variant breaks this match until the key is added to ALL_KEYS too.
        for key in ALL_KEYS {
            match key {
                Text::AppName
                | Text::KioskSealedUnavailable
                | Text::KioskSealedUnavailableContact
                | Text::KioskSealedUnavailableAsk
                | Text::ToConfirmHeading
                | Text::ToConfirmNone
                | Text::ToConfirmHint
                | Text::ToConfirmWaiting
                | Text::ToConfirmToday
                | Text::ToConfirmYesterday
                | Text::ToConfirmButton
                | Text::ToConfirmDone
                | Text::VolunteerWho
                | Text::VolunteerWhy
                | Text::VolunteerSave
                | Text::VolunteerIs
                | Text::VolunteerChange
                | Text::VolunteerNameEmpty
                | Text::VolunteerNameTooLong
                | Text::VolunteerNameNotAName
                | Text::PartSearchLabel
                | Text::PartResultCount
                | Text::PartAllThemes
                | Text::PartNone
                | Text::PartLoading
                | Text::PartAdd
                | Text::PartEdit
                | Text::PartSave
                | Text::PartCancel
                | Text::PartNewHeading
                | Text::PartFollowUpsHeading
                | Text::PartFollowUpsNone
                | Text::PartFollowUpOn
                | Text::PartOverdue
                | Text::PartNotFound
                | Text::PartBackToList
                | Text::PartContactsHeading
                | Text::PartNoContacts
                | Text::PartLogContact
                | Text::PartContactSave
                | Text::PartContactLine
                | Text::PartNextStep
                | Text::PartReferralsHeading
                | Text::PartNoReferrals
                | Text::PartReferHeading
                | Text::PartResident
                | Text::PartTheme
                | Text::PartChoose
                | Text::PartRefer
                | Text::PartNoResidents
                | Text::PartWithoutConsent
                | Text::PartReferralMadeOn
                | Text::PartStatusSince
                | Text::PartMoveTo
                | Text::PartHistoryHeading
                | Text::PartChangedBy
                | Text::PartThisDevice
                | Text::PartAnotherDevice
                | Text::PartDemoDirectory
                | Text::PartUnknownResident
                | Text::PartHasProblems
                | Text::PartSaved
                | Text::PartPersonName
                | Text::PartPersonRole
                | Text::PartNothingToSave
                | Text::PartCreatedBy
                | Text::IndLogHeading
                | Text::IndLogIntro
                | Text::IndLogImport
                | Text::IndLogProgress
                | Text::IndLogDone
                | Text::IndLogInterrupted
                | Text::IndHeading
                | Text::IndReportFor
                | Text::IndNeedLog
                | Text::IndFilter
                | Text::IndFrom
                | Text::IndTo
                | Text::IndResidence
                | Text::IndBuilding
                | Text::IndEntrance
                | Text::IndVolunteer
                | Text::IndAll
                | Text::IndContactRate
                | Text::IndSignUpRate
                | Text::IndRefusals
                | Text::IndAbsentAfter
                | Text::IndRevisits
                | Text::IndRevisitsOverdue
                | Text::IndPresentations
                | Text::IndRateOf
                | Text::IndOutsideTerritory
                | Text::IndChartEmpty
                | Text::IndTableSummary
                | Text::IndPrint
                | Text::ExpHeading
                | Text::ExpIntro
                | Text::ExpCsvNamed
                | Text::ExpCsvPseudo
                | Text::ExpJsonNamed
                | Text::ExpJsonPseudo
                | Text::ExpReady
                | Text::KioskStep
                | Text::KioskSignupThanks
                | Text::KioskCommonRoom
                | Text::KioskConsentAsk
                | Text::CoordSignInHeading
                | Text::CoordSignInIntro
                | Text::CoordEmail
                | Text::CoordPassword
                | Text::CoordSignIn
                | Text::CoordSignOut
                | Text::CoordSignedInAs
                | Text::CoordNeedsNetwork
                | Text::CoordInvalidCredentials
                | Text::CoordTooManyTries
                | Text::CoordFillBoth
                | Text::CoordSessionExpired
                | Text::CoordServerProblem
                | Text::CoordEnrollHeading
                | Text::CoordEnrollIntro
                | Text::CoordCampaign
                | Text::CoordCreateCode
                | Text::CoordCodeValidUntil
                | Text::CoordCodeQrLabel
                | Text::CoordDevicesHeading
                | Text::CoordNoDevices
                | Text::CoordDeviceName
                | Text::CoordDeviceState
                | Text::CoordLastSeen
                | Text::CoordDeviceActive
                | Text::CoordDeviceRevoked
                | Text::CoordNeverSeen
                | Text::CoordRevoke
                | Text::CoordRevokeConfirm
                | Text::CoordImportHeading
                | Text::CoordImportIntro
                | Text::CoordImportChoose
                | Text::CoordImportResult
                | Text::CoordImportNotAFile
                | Text::SkipToContent
                | Text::LanguageLabel
                | Text::BackHome
                | Text::HomeHeading
                | Text::HomeIntro
                | Text::ModeField
                | Text::ModeFieldHint
                | Text::ModeKiosk
                | Text::ModeKioskHint
                | Text::ModePartners
                | Text::ModePartnersHint
                | Text::ModeCoordination
                | Text::ModeCoordinationHint
                | Text::Online
                | Text::Offline
                | Text::UpdateAvailable
                | Text::UpdateReload
                | Text::FieldNoteHeading
                | Text::FieldNoteLabel
                | Text::FieldNoteSensitiveWarning
                | Text::FieldNoteSave
                | Text::FieldNoteSaved
                | Text::FieldNoteEmpty
                | Text::FieldNoteTooLong
                | Text::FieldNotesRecorded
                | Text::FieldNotesNone
                | Text::OutboxPending
                | Text::OutboxEmpty
                | Text::StorageHeading
                | Text::StoragePersistent
                | Text::StorageNotPersistent
                | Text::StorageAskPersistent
                | Text::StorageUsage
                | Text::StorageUnknown
                | Text::StorageReading
                | Text::StorageWriteFailed
                | Text::StorageUnavailable
                | Text::PageNotFound
                | Text::FieldResidencesHeading
                | Text::FieldNoTerritory
                | Text::FieldImportLink
                | Text::DoorsRemaining
                | Text::FollowUpsHeading
                | Text::FollowUpsNone
                | Text::DaySummaryHeading
                | Text::DaySummaryLine
                | Text::RemainingOnly
                | Text::AccessNotes
                | Text::FloorGround
                | Text::FloorFirst
                | Text::FloorNth
                | Text::FloorBasement
                | Text::DoorNumber
                | Text::DoorWithoutNumber
                | Text::WellbeingQuestion
                | Text::Wellbeing1
                | Text::Wellbeing2
                | Text::Wellbeing3
                | Text::Wellbeing4
                | Text::Wellbeing5
                | Text::WellbeingSkip
                | Text::VisitNoteLabel
                | Text::OutcomeHeading
                | Text::OutcomeAbsent
                | Text::OutcomeRefused
                | Text::OutcomeInterested
                | Text::OutcomeSignUp
                | Text::OutcomeComeBack
                | Text::OutcomeDoNotDisturb
                | Text::OutcomeInaccessible
                | Text::ComeBackWhen
                | Text::ComeBackDate
                | Text::PartMorning
                | Text::PartAfternoon
                | Text::PartEvening
                | Text::ComeBackConfirm
                | Text::ComeBackDateMissing
                | Text::DoNotDisturbReason
                | Text::DoNotDisturbConfirm
                | Text::DoNotDisturbReasonMissing
                | Text::VisitRecorded
                | Text::Close
                | Text::Back
                | Text::SignupHeading
                | Text::FirstName
                | Text::LastName
                | Text::Phone
                | Text::Email
                | Text::ContactHint
                | Text::PreferredLanguage
                | Text::ConsentHeading
                | Text::ConsentHint
                | Text::Yes
                | Text::No
                | Text::NoticeHeading
                | Text::SignupSave
                | Text::SignupSaved
                | Text::SignupHasProblems
                | Text::DraftKept
                | Text::ImportHeading
                | Text::ImportFileLabel
                | Text::ImportDetected
                | Text::ImportMappingHeading
                | Text::ImportNotMapped
                | Text::ImportPreviewHeading
                | Text::ImportSummary
                | Text::ImportProblemsHeading
                | Text::ImportMissingColumns
                | Text::ImportAll
                | Text::ImportValidOnly
                | Text::ImportDone
                | Text::ImportEmptyFile
                | Text::PresentApp
                | Text::PresentationLanguage
                | Text::SlidePosition
                | Text::Previous
                | Text::Next
                | Text::ShowQr
                | Text::QrCaption
                | Text::QrCodeOf
                | Text::NoJoinLink
                | Text::PresentationDone
                | Text::PresentationRecorded
                | Text::DoorHangersLink
                | Text::DoorHangersHeading
                | Text::DoorHangersHint
                | Text::VolunteerFirstName
                | Text::ContactPhone
                | Text::HangerLanguage
                | Text::Print
                | Text::DoorHangersNone
                | Text::DaySummaryWellbeing
                | Text::SyncNotEnrolled
                | Text::SyncLinkDevice
                | Text::SyncRevoked
                | Text::SyncLinkAgain
                | Text::SyncAllSent
                | Text::SyncRunning
                | Text::SyncDoneAgo
                | Text::SyncDoneJustNow
                | Text::SyncLastDoneAgo
                | Text::SyncLastDoneJustNow
                | Text::SyncNever
                | Text::SyncNow
                | Text::SyncAttentionLink
                | Text::ProblemOffline
                | Text::ProblemServerUnavailable
                | Text::ProblemRateLimited
                | Text::ProblemAppTooOld
                | Text::ProblemRefused
                | Text::ProblemUnreadable
                | Text::DeviceHeading
                | Text::DeviceIdLabel
                | Text::DeviceCampaignLabel
                | Text::DeviceNameLabel
                | Text::DeviceNotLinkedHint
                | Text::DeviceSyncHeading
                | Text::EnrollHeading
                | Text::EnrollOtherCampaign
                | Text::EnrollCodeLabel
                | Text::EnrollCodeHint
                | Text::EnrollNameHint
                | Text::EnrollRunning
                | Text::EnrollDone
                | Text::EnrollMalformed
                | Text::EnrollUnknown
                | Text::EnrollExpired
                | Text::EnrollUsed
                | Text::EnrollRateLimited
                | Text::EnrollOffline
                | Text::EnrollFailed
                | Text::ExportHeading
                | Text::ExportHint
                | Text::ExportButton
                | Text::ExportNothing
                | Text::ExportDone
                | Text::AttentionHeading
                | Text::AttentionHint
                | Text::AttentionNone
                | Text::AttentionRetry
                | Text::AttentionRetryAll
                | Text::AttentionRecorded
                | Text::AttentionServerSaid
                | Text::KindFieldNote
                | Text::KindDeviceStarted
                | Text::KindDoorVisit
                | Text::KindSignup
                | Text::KindPresentation
                | Text::KindUnreadable
                | Text::RejectClock
                | Text::RejectCampaign
                | Text::RejectInvalid
                | Text::RejectSchema
                | Text::RejectDevice
                | Text::RejectTooLarge
                | Text::RejectMissing
                | Text::RejectOther
                | Text::InsecureContext
                | Text::RejectSequence
                | Text::SyncRefused
                | Text::AttentionAttempts => {}
            }
        }
        let unique: std::collections::HashSet<_> = ALL_KEYS.iter().collect();
        assert_eq!(unique.len(), ALL_KEYS.len(), "a key is listed twice");
    }

    fn placeholders(s: &str) -> Vec<&str> {
        super::plural::names(s)
    }

    #[test]
    fn every_language_has_a_non_empty_text_for_every_key() {
        for locale in Locale::ALL {
            for &key in ALL_KEYS {
                assert!(
                    !locale.text(key).trim().is_empty(),
                    "{locale:?} {key:?} is empty"
                );
            }
        }
    }

    #[test]
    fn french_texts_keep_their_marks_with_the_word_before() {
        for &key in ALL_KEYS {
            let faults = super::french_spacing_faults(Locale::Fr.text(key));
            assert!(faults.is_empty(), "{key:?}: {faults:?}");
        }
        // The check itself: both ways a plain space can leave a mark alone on a line.
        assert_eq!(
            super::french_spacing_faults("C'est gratuit ! « Voisins »").len(),
            3
        );
        assert!(super::french_spacing_faults("Bonjour\u{a0}! 9 h, c'est ça.").is_empty());
    }

    #[test]
    fn translations_keep_the_same_placeholders_as_french() {
        for &key in ALL_KEYS {
            let french = placeholders(Locale::Fr.text(key));
            for locale in [Locale::En, Locale::Ar] {
                assert_eq!(placeholders(locale.text(key)), french, "{locale:?} {key:?}");
            }
        }
    }

    #[test]
    fn every_count_agrees_with_its_noun_once_filled() {
        for locale in Locale::ALL {
            for &key in ALL_KEYS {
                for count in ["0", "1", "2", "1 000"] {
                    let template = locale.text(key);
                    let values: Vec<(&str, &str)> = placeholders(template)
                        .into_iter()
                        .map(|n| (n, count))
                        .collect();
                    let said = locale.fill(key, &values);
                    assert!(
                        !said.contains('{') && !said.contains('|'),
                        "{locale:?} {key:?}: {said}"
                    );
                }
            }
        }
        let counts = [
            ("residences", "1"),
            ("buildings", "1"),
            ("entrances", "2"),
            ("doors", "0"),
        ];
        assert_eq!(
            Locale::Fr.fill(Text::ImportSummary, &counts),
            "1 résidence, 1 bâtiment, 2 entrées, 0 porte"
        );
        assert_eq!(
            Locale::En.fill(Text::ImportSummary, &counts),
            "1 residence, 1 building, 2 entrances, 0 doors"
        );
        assert_eq!(
            Locale::Fr.fill(Text::ImportValidOnly, &[("count", "1")]),
            "Importer seulement la ligne valide"
        );
    }

    #[test]
    fn translations_are_not_french_left_untranslated() {
        // Names shared on purpose across languages (the product, mode names kept in French as
        // vocabulary of the field) are the only texts allowed to be identical.
        let shared = [Text::AppName];
        for &key in ALL_KEYS.iter().filter(|k| !shared.contains(k)) {
            assert_ne!(Locale::Ar.text(key), Locale::Fr.text(key), "Arabic {key:?}");
        }
    }

    #[test]
    fn arabic_is_right_to_left_and_the_others_left_to_right() {
        assert_eq!(Locale::Ar.direction().html_value(), "rtl");
        assert_eq!(Locale::Fr.direction().html_value(), "ltr");
        assert_eq!(Locale::En.direction().html_value(), "ltr");
    }

    #[test]
    fn start_language_is_the_stored_choice_or_french() {
        assert_eq!(Locale::at_start(None), Locale::Fr);
        assert_eq!(Locale::at_start(Some("ar")), Locale::Ar);
        assert_eq!(Locale::at_start(Some("en-GB")), Locale::En);
        assert_eq!(Locale::at_start(Some("AR_ma")), Locale::Ar);
        assert_eq!(Locale::at_start(Some("klingon")), Locale::Fr);
        assert_eq!(Locale::at_start(Some("")), Locale::Fr);
    }

    #[test]
    fn floors_read_as_the_french_say_them() {
        assert_eq!(Locale::Fr.floor_label(0), "RDC");
        assert_eq!(Locale::Fr.floor_label(1), "1er étage");
        assert_eq!(Locale::Fr.floor_label(7), "7e étage");
        assert_eq!(Locale::Fr.floor_label(-2), "Sous-sol 2");
        assert_eq!(Locale::En.floor_label(3), "Floor 3");
    }

    #[test]
    fn a_label_and_its_value_are_set_as_each_language_sets_them() {
        let line = |l: Locale| format!("{}{}code 1234", l.text(Text::AccessNotes), l.label_colon());
        assert!(line(Locale::Fr).ends_with("\u{202f}: code 1234"));
        assert!(line(Locale::Ar).ends_with(": code 1234"));
        assert!(
            !line(Locale::Ar).contains(" :"),
            "no French space before an Arabic colon"
        );
        assert!(!line(Locale::En).contains(" :"));
    }

    #[test]
    fn doors_without_a_number_say_so() {
        assert_eq!(Locale::Fr.door_label(Some("A12")), "Porte A12");
        assert_eq!(Locale::Fr.door_label(Some("  ")), "Porte sans numéro");
        assert_eq!(Locale::Fr.door_label(None), "Porte sans numéro");
    }

    #[test]
    fn tags_round_trip() {
        for locale in Locale::ALL {
            assert_eq!(Locale::from_tag(locale.tag()), Some(locale));
        }
    }

    #[test]
    fn fill_replaces_named_placeholders_and_leaves_unknown_ones_visible() {
        assert_eq!(
            Locale::Fr.fill(Text::OutboxPending, &[("count", "3")]),
            "3 en attente d'envoi"
        );
        assert_eq!(fill("{a} et {b}", &[("a", "1")]), "1 et {b}");
    }
}
