//! English texts.

use super::Text;

pub(super) fn text(key: Text) -> &'static str {
    match key {
        Text::AppName => "Palier",
        Text::SkipToContent => "Skip to content",
        Text::LanguageLabel => "Language",
        Text::BackHome => "Home",
        Text::HomeHeading => "What are you doing today?",
        Text::HomeIntro => {
            "Everything works without a network. What you record stays on this device and goes to the server as soon as there is a network."
        }
        Text::ModeField => "Door to door (field)",
        Text::ModeFieldHint => "Knock on doors, sign residents up, present the neighbourhood app.",
        Text::ModeKiosk => "Kiosk (lobby)",
        Text::ModeKioskHint => {
            "The lobby tablet: residents sign up, ask their questions, give their view."
        }
        Text::ModePartners => "Partners",
        Text::ModePartnersHint => {
            "Community centres, neighbourhood trusts, associations: the directory and contacts."
        }
        Text::ModeCoordination => "Coordination",
        Text::ModeCoordinationHint => {
            "Prepare campaigns, follow indicators, export, answer data-protection requests."
        }
        Text::ComingSoon => "This space is coming soon.",
        Text::FieldComingSoon => {
            "Door lists and resident sign-up are coming soon. You can already note what you see in the field."
        }
        Text::KioskComingSoon => "The self-service kiosk is coming soon.",
        Text::PartnersComingSoon => "The partner directory is coming soon.",
        Text::CoordinationComingSoon => "The coordination space is coming soon.",
        Text::Online => "Online",
        Text::Offline => "Offline: everything is saved on this device",
        Text::UpdateAvailable => "New version available",
        Text::UpdateReload => "Reload",
        Text::FieldNoteHeading => "Field note",
        Text::FieldNoteLabel => "Your note",
        Text::FieldNoteSensitiveWarning => {
            "Do not write anything about a person's health or social difficulties."
        }
        Text::FieldNoteSave => "Save the note",
        Text::FieldNoteSaved => "Note saved on the device.",
        Text::FieldNoteEmpty => "The note is empty: write a few words before saving.",
        Text::FieldNoteTooLong => "The note is too long: 2000 characters at most.",
        Text::FieldNotesRecorded => "Saved notes",
        Text::FieldNotesNone => "No notes yet.",
        Text::OutboxPending => "{count} waiting to be sent",
        Text::OutboxEmpty => "Nothing waiting to be sent.",
        Text::StorageHeading => "Device storage",
        Text::StoragePersistent => "Protected storage: the browser will not erase it on its own.",
        Text::StorageNotPersistent => {
            "Unprotected storage: the browser may erase it when space runs out."
        }
        Text::StorageAskPersistent => "Protect storage",
        Text::StorageUsage => "Space used: {used} of {quota}",
        Text::StorageUnknown => "Space used: unknown",
        Text::StorageWriteFailed => {
            "Could not save on this device. Nothing was lost. Detail: {reason}"
        }
        Text::StorageUnavailable => {
            "This device's storage is unavailable (private browsing?). Nothing can be saved."
        }
        Text::PageNotFound => "This page does not exist.",
        Text::FieldResidencesHeading => "Residences",
        Text::FieldNoTerritory => "No dwelling list on this device. Import a file to start.",
        Text::FieldImportLink => "Import a dwelling list",
        Text::DoorsRemaining => "{remaining} doors left of {doors}",
        Text::FollowUpsHeading => "To revisit",
        Text::FollowUpsNone => "Nothing to revisit for now.",
        Text::DaySummaryHeading => "My day",
        Text::DaySummaryLine => {
            "{knocked} doors knocked · {opened} opened · {signups} sign-ups · {presentations} presentations"
        }
        Text::RemainingOnly => "Remaining doors only",
        Text::AccessNotes => "Access",
        Text::FloorGround => "Ground floor",
        Text::FloorFirst => "1st floor",
        Text::FloorNth => "Floor {n}",
        Text::FloorBasement => "Basement {n}",
        Text::DoorNumber => "Door {number}",
        Text::DoorWithoutNumber => "Door without number",
        Text::WellbeingQuestion => "How do you feel in your residence?",
        Text::Wellbeing1 => "Very bad",
        Text::Wellbeing2 => "Bad",
        Text::Wellbeing3 => "So-so",
        Text::Wellbeing4 => "Good",
        Text::Wellbeing5 => "Very good",
        Text::WellbeingSkip => "Skip the question",
        Text::VisitNoteLabel => "Note (optional)",
        Text::OutcomeHeading => "What happened?",
        Text::OutcomeAbsent => "Not in",
        Text::OutcomeRefused => "Refused",
        Text::OutcomeInterested => "Interested",
        Text::OutcomeSignUp => "Sign up",
        Text::OutcomeComeBack => "Come back",
        Text::OutcomeDoNotDisturb => "Do not disturb",
        Text::OutcomeInaccessible => "Unreachable",
        Text::ComeBackWhen => "When to come back?",
        Text::ComeBackDate => "Date",
        Text::PartMorning => "Morning",
        Text::PartAfternoon => "Afternoon",
        Text::PartEvening => "Evening",
        Text::ComeBackConfirm => "Save “come back”",
        Text::ComeBackDateMissing => "Choose a valid date to come back.",
        Text::DoNotDisturbReason => "Reason",
        Text::DoNotDisturbConfirm => "Never disturb this door again",
        Text::DoNotDisturbReasonMissing => "Give the reason for not disturbing this door again.",
        Text::VisitRecorded => "Visit saved: {outcome}",
        Text::Close => "Close",
        Text::Back => "Back",
        Text::SignupHeading => "Sign a resident up",
        Text::FirstName => "First name",
        Text::LastName => "Last name (optional)",
        Text::Phone => "Phone",
        Text::Email => "Email",
        Text::ContactHint => "At least one way to be contacted: phone or email.",
        Text::PreferredLanguage => "Preferred language",
        Text::ConsentHeading => "What the person agrees to",
        Text::ConsentHint => "Ask for each line. Nothing is ticked in advance.",
        Text::Yes => "Yes",
        Text::No => "No",
        Text::NoticeHeading => "About the data",
        Text::SignupSave => "Save the sign-up",
        Text::SignupSaved => "Sign-up saved.",
        Text::SignupHasProblems => "To fix: {count}",
        Text::DraftKept => "Draft kept on the device.",
        Text::ImportHeading => "Import a dwelling list",
        Text::ImportFileLabel => "Dwelling file (CSV, RPLS layout or the landlord's export)",
        Text::ImportDetected => "Encoding: {encoding} · separator: {separator}",
        Text::ImportMappingHeading => "File columns",
        Text::ImportNotMapped => "— none —",
        Text::ImportPreviewHeading => "First lines",
        Text::ImportSummary => {
            "{residences} residences, {buildings} buildings, {entrances} entrances, {doors} doors"
        }
        Text::ImportProblemsHeading => "Lines with an error: {count}",
        Text::ImportMissingColumns => "Essential columns are missing: choose them above.",
        Text::ImportAll => "Import everything",
        Text::ImportValidOnly => "Import only the {count} valid lines",
        Text::ImportDone => "Import done: {doors} doors on the device.",
        Text::ImportEmptyFile => "This file is empty.",
        Text::PresentApp => "Present the neighbourhood app",
        Text::PresentationLanguage => "Presentation language",
        Text::SlidePosition => "{n} of {total}",
        Text::Previous => "Previous",
        Text::Next => "Next",
        Text::ShowQr => "Show the QR code",
        Text::QrCaption => "Scan with your phone to join the app.",
        Text::QrCodeOf => "QR code of the link: {link}",
        Text::NoJoinLink => "No link to join the app in this residence yet.",
        Text::PresentationDone => "Presentation finished",
        Text::PresentationRecorded => "Presentation saved.",
        Text::DoorHangersLink => "Door hangers to print",
        Text::DoorHangersHeading => "Door hangers",
        Text::DoorHangersHint => "One hanger per absent door of this entrance, A6 size.",
        Text::VolunteerFirstName => "Your first name",
        Text::ContactPhone => "Number to call",
        Text::HangerLanguage => "Language of the hangers",
        Text::Print => "Print",
        Text::DoorHangersNone => "No absent door in this entrance.",
        Text::DaySummaryWellbeing => "Wellbeing: {total} answers",
    }
}
