//! English texts.

use super::Text;

pub(super) fn text(key: Text) -> &'static str {
    match key {
        Text::AppName => "Palier",
        Text::KioskSealedUnavailable => {
            "This kiosk cannot take sign-ups yet: it is not linked to the campaign yet. Nothing you would type would be kept here."
        }
        Text::KioskSealedUnavailableContact => {
            "To sign up, please contact your landlord (the front desk or the caretaker) or a volunteer when they come by."
        }
        Text::KioskSealedUnavailableAsk => "Ask a question",
        Text::ToConfirmHeading => "Sign-ups to confirm",
        Text::ToConfirmNone => "No sign-up to confirm.",
        Text::ToConfirmHint => {
            "At the next visit or by phone, check that the resident got their invitation and joined the app."
        }
        Text::ToConfirmWaiting => "signed up {days} days ago",
        Text::ToConfirmToday => "signed up today",
        Text::ToConfirmYesterday => "signed up yesterday",
        Text::ToConfirmButton => "Confirm {name}'s sign-up",
        Text::ToConfirmDone => "Confirmed",
        Text::VolunteerWho => "Who is using this tablet?",
        Text::VolunteerWhy => {
            "Your first name appears on your visits, contacts and door hangers, so the team knows who knocked at which door."
        }
        Text::VolunteerSave => "That's me",
        Text::VolunteerIs => "Volunteer: {name}",
        Text::VolunteerChange => "Change volunteer",
        Text::VolunteerNameEmpty => "Write your first name.",
        Text::VolunteerNameTooLong => "This first name is too long (40 characters at most).",
        Text::VolunteerNameNotAName => {
            "Write a first name only, without digits or an email address."
        }
        Text::PartSearchLabel => "Search (name, theme, area…)",
        Text::PartResultCount => "{count} {count|partner|partners}",
        Text::PartAllThemes => "All themes",
        Text::PartNone => "No partner matches.",
        Text::PartLoading => "Loading the directory…",
        Text::PartAdd => "Add a partner",
        Text::PartEdit => "Edit the details",
        Text::PartSave => "Save the partner",
        Text::PartCancel => "Cancel",
        Text::PartNewHeading => "New partner",
        Text::PartFollowUpsHeading => "To follow up",
        Text::PartFollowUpsNone => "No follow-up due today.",
        Text::PartFollowUpOn => "due {day}",
        Text::PartOverdue => "overdue",
        Text::PartNotFound => "This partner is not in this device's directory.",
        Text::PartBackToList => "All partners",
        Text::PartContactsHeading => "Contact log",
        Text::PartNoContacts => "No contact logged yet.",
        Text::PartLogContact => "Log a contact",
        Text::PartContactSave => "Save the contact",
        Text::PartContactLine => "{by} with {with}",
        Text::PartNextStep => "Next step: {what}, {day}",
        Text::PartReferralsHeading => "Referrals",
        Text::PartNoReferrals => "No referral to this partner.",
        Text::PartReferHeading => "Refer a resident",
        Text::PartResident => "Resident",
        Text::PartTheme => "Theme",
        Text::PartChoose => "Choose…",
        Text::PartRefer => "Refer",
        Text::PartNoResidents => "No resident signed up on this device.",
        Text::PartWithoutConsent => "Cannot be referred:",
        Text::PartReferralMadeOn => "proposed on {day}",
        Text::PartStatusSince => "{status} since {day}",
        Text::PartMoveTo => "Mark as “{status}”",
        Text::PartHistoryHeading => "History of the record",
        Text::PartChangedBy => "Changed by {who} {when}: {fields}",
        Text::PartThisDevice => "this device",
        Text::PartAnotherDevice => "another device",
        Text::PartDemoDirectory => "the demo directory",
        Text::PartUnknownResident => "resident signed up on another device",
        Text::PartHasProblems => "{count} {count|thing|things} to fix.",
        Text::PartSaved => "Saved on the device.",
        Text::PartPersonName => "Name",
        Text::PartPersonRole => "Role",
        Text::PartNothingToSave => "Nothing changed.",
        Text::PartCreatedBy => "Created by {who} {when}",
        Text::IndLogHeading => "Campaign log",
        Text::IndLogIntro => {
            "Fetches from the server everything the tablets sent, to compute the indicators and the exports in this browser."
        }
        Text::IndLogImport => "Import the campaign log",
        Text::IndLogProgress => "{count} {count|event|events} received…",
        Text::IndLogDone => "{total} {total|event|events} in memory, {new} of them new.",
        Text::IndLogInterrupted => "The import stopped: press again to resume where it was.",
        Text::IndHeading => "Indicators",
        Text::IndReportFor => "Campaign: {campaign} · {date}",
        Text::IndNeedLog => "Import the campaign log first.",
        Text::IndFilter => "Filter",
        Text::IndFrom => "From",
        Text::IndTo => "To",
        Text::IndResidence => "Residence",
        Text::IndBuilding => "Building",
        Text::IndEntrance => "Entrance",
        Text::IndVolunteer => "Volunteer",
        Text::IndAll => "All",
        Text::IndContactRate => "Contact rate",
        Text::IndSignUpRate => "Sign-up rate",
        Text::IndRefusals => "Refusals",
        Text::IndAbsentAfter => "Absent after {n} {n|attempt|attempts}",
        Text::IndRevisits => "To see again",
        Text::IndRevisitsOverdue => "{n} of them overdue",
        Text::IndPresentations => "App presentations",
        Text::IndRateOf => "{part} of {whole}",
        Text::IndOutsideTerritory => {
            "{n} {n|visit at a door outside the known territory is|visits at doors outside the known territory are} not counted."
        }
        Text::IndChartEmpty => "Nothing to show for this filter.",
        Text::IndTableSummary => "The chart's figures",
        Text::IndPrint => "Print the impact report",
        Text::ExpHeading => "Exports",
        Text::ExpIntro => {
            "The visit log, with the indicators' filter. The pseudonymised version has no names, phone numbers, emails or notes: share that one outside the team."
        }
        Text::ExpCsvNamed => "CSV for Excel, with names",
        Text::ExpCsvPseudo => "CSV for Excel, pseudonymised",
        Text::ExpJsonNamed => "JSON Lines, with names",
        Text::ExpJsonPseudo => "JSON Lines, pseudonymised",
        Text::ExpReady => "File ready: {file}",
        Text::KioskStep => "Question {n} of {total}",
        Text::KioskSignupThanks => "Thank you! You are signed up. The team will contact you soon.",
        Text::KioskCommonRoom => "the common room",
        Text::KioskConsentAsk => "Do you agree? Tap Yes or No.",
        Text::CoordSignInHeading => "Coordination",
        Text::CoordSignInIntro => {
            "Sign in with the coordination account your organisation gave you."
        }
        Text::CoordEmail => "Email address",
        Text::CoordPassword => "Password",
        Text::CoordSignIn => "Sign in",
        Text::CoordSignOut => "Sign out",
        Text::CoordSignedInAs => "Signed in: {name}",
        Text::CoordNeedsNetwork => {
            "The coordination space needs the network: reconnect this device and try again."
        }
        Text::CoordInvalidCredentials => "Wrong email address or password.",
        Text::CoordTooManyTries => "Too many attempts. Try again in {seconds} seconds.",
        Text::CoordFillBoth => "Enter the email address and the password.",
        Text::CoordSessionExpired => "Your session has expired: sign in again.",
        Text::CoordServerProblem => {
            "The server could not answer. Try again in a moment; nothing was lost."
        }
        Text::CoordEnrollHeading => "Enroll a tablet",
        Text::CoordEnrollIntro => {
            "Choose the campaign and create a code. On the tablet, scan the QR code with the camera, or tap “Link this device” and type the code."
        }
        Text::CoordCampaign => "Campaign",
        Text::CoordCreateCode => "Create a code",
        Text::CoordCodeValidUntil => "For one tablet only, valid until {time}.",
        Text::CoordCodeQrLabel => "QR code to enroll a tablet",
        Text::CoordDevicesHeading => "Enrolled devices",
        Text::CoordNoDevices => "No device enrolled yet.",
        Text::CoordDeviceName => "Device",
        Text::CoordDeviceState => "Status",
        Text::CoordLastSeen => "Last sync",
        Text::CoordDeviceActive => "Active",
        Text::CoordDeviceRevoked => "Removed",
        Text::CoordNeverSeen => "Never",
        Text::CoordRevoke => "Remove",
        Text::CoordRevokeConfirm => {
            "Remove “{label}” from the campaign? It will no longer send or receive data. What it already sent stays."
        }
        Text::CoordImportHeading => "Import a tablet's file",
        Text::CoordImportIntro => {
            "When a tablet cannot connect, it saves its records to a file. Import it here: nothing is counted twice."
        }
        Text::CoordImportChoose => "Choose the file",
        Text::CoordImportResult => "{new} new, {duplicate} already received, {rejected} refused.",
        Text::CoordImportNotAFile => "This file is not a Palier tablet export.",
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
        Text::StorageReading => "Checking this device's storage…",
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
        Text::DoorsRemaining => "{remaining} {remaining|door|doors} left of {doors}",
        Text::FollowUpsHeading => "To revisit",
        Text::FollowUpsNone => "Nothing to revisit for now.",
        Text::DaySummaryHeading => "My day",
        Text::DaySummaryLine => {
            "{knocked} {knocked|door|doors} knocked · {opened} opened · {signups} {signups|sign-up|sign-ups} · {presentations} {presentations|presentation|presentations}"
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
            "{residences} {residences|residence|residences}, {buildings} {buildings|building|buildings}, {entrances} {entrances|entrance|entrances}, {doors} {doors|door|doors}"
        }
        Text::ImportProblemsHeading => "Lines with an error: {count}",
        Text::ImportMissingColumns => "Essential columns are missing: choose them above.",
        Text::ImportAll => "Import everything",
        Text::ImportValidOnly => "Import only {count|the valid line|the {count} valid lines}",
        Text::ImportDone => "Import done: {doors} {doors|door|doors} on the device.",
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
        Text::DaySummaryWellbeing => "Wellbeing: {total} {total|answer|answers}",
        Text::SyncNotEnrolled => "Device not linked: nothing is sent",
        Text::SyncLinkDevice => "Link this device",
        Text::SyncRevoked => {
            "This device was removed from the campaign. Everything recorded stays on the device; nothing is sent until it is linked again."
        }
        Text::SyncLinkAgain => "Link again",
        Text::SyncAllSent => "Everything is sent",
        Text::SyncRunning => "Syncing…",
        Text::SyncDoneAgo => "Synced {ago} ago",
        Text::SyncDoneJustNow => "Synced just now",
        Text::SyncLastDoneAgo => "Last successful sync {ago} ago",
        Text::SyncLastDoneJustNow => "Last successful sync just now",
        Text::SyncNever => "Never synced",
        Text::SyncNow => "Sync now",
        Text::SyncAttentionLink => "To check: {count}",
        Text::ProblemOffline => {
            "The server cannot be reached (no network?). Everything stays on the device; it will try again by itself."
        }
        Text::ProblemServerUnavailable => {
            "The server cannot store anything right now. It will try again by itself."
        }
        Text::ProblemRateLimited => "The server asks to wait. It will try again by itself.",
        Text::ProblemAppTooOld => {
            "The server no longer accepts this version of the app: reload it as soon as an update is offered. Nothing is lost."
        }
        Text::ProblemRefused => {
            "The server refused the upload ({code}). Nothing is lost; tell your coordinator if it goes on."
        }
        Text::ProblemUnreadable => {
            "The server's answer could not be read. It will try again by itself."
        }
        Text::DeviceHeading => "This device",
        Text::DeviceIdLabel => "Device ID",
        Text::DeviceCampaignLabel => "Campaign",
        Text::DeviceNameLabel => "Device name",
        Text::DeviceNotLinkedHint => {
            "Until the device is linked to a campaign, everything stays recorded here and nothing is sent. Ask your coordinator for a link code, or scan their QR code."
        }
        Text::DeviceSyncHeading => "Sending to the server",
        Text::EnrollHeading => "Link to a campaign",
        Text::EnrollOtherCampaign => "Link to another campaign",
        Text::EnrollCodeLabel => "Link code",
        Text::EnrollCodeHint => "8 letters or digits, for example K7P2-9XQM",
        Text::EnrollNameHint => {
            "A name your coordinator will recognise, for example “Samia's tablet”"
        }
        Text::EnrollRunning => "Linking…",
        Text::EnrollDone => "Device linked to the campaign “{campaign}”.",
        Text::EnrollMalformed => {
            "This code is not in the right form: it has 8 letters or digits, like K7P2-9XQM."
        }
        Text::EnrollUnknown => "This code does not exist. Check the letters or ask for a new code.",
        Text::EnrollExpired => "This code has expired. Ask your coordinator for a new one.",
        Text::EnrollUsed => "This code was already used by another device. Ask for a new code.",
        Text::EnrollRateLimited => "Too many tries. Wait a minute before trying again.",
        Text::EnrollOffline => "The server cannot be reached: check the network and try again.",
        Text::EnrollFailed => "Linking did not work ({code}). Try again later.",
        Text::ExportHeading => "No network for a long time?",
        Text::ExportHint => {
            "Save what has not been sent yet in a file and give it to your coordinator, who will import it on the server. Nothing is deleted from the device, and sending something twice does no harm. The file holds the contact details of the residents signed up: hand it over in person, do not send it by email or chat."
        }
        Text::ExportButton => "Export what is waiting to be sent ({count})",
        Text::ExportNothing => "Nothing to export: everything is sent.",
        Text::ExportDone => "File saved: {file}",
        Text::AttentionHeading => "To check",
        Text::AttentionHint => {
            "The server refused these records. They stay on the device. Read the reason, fix what can be fixed (the tablet's date, for example), then try again, or export them for your coordinator."
        }
        Text::AttentionNone => "Nothing to check.",
        Text::AttentionRetry => "Try again",
        Text::AttentionRetryAll => "Try all again",
        Text::AttentionRecorded => "Recorded {when}",
        Text::AttentionServerSaid => "Server's message: {message}",
        Text::KindFieldNote => "Field note",
        Text::KindDeviceStarted => "Device start",
        Text::KindDoorVisit => "Door visit",
        Text::KindSignup => "Resident sign-up",
        Text::KindPresentation => "App presentation",
        Text::KindUnreadable => "Record not found on the device",
        Text::RejectClock => {
            "The tablet was set to a date ahead. Correct its date and time in the settings; this record will be accepted once that date has passed (try again then, or export it)."
        }
        Text::RejectCampaign => "The server does not know this record's campaign.",
        Text::RejectInvalid => "The record is incomplete or malformed.",
        Text::RejectSchema => "The record comes from a newer version of the app than the server's.",
        Text::RejectDevice => "The server says the record does not come from this device.",
        Text::RejectTooLarge => "Too large to be sent: export it in a file.",
        Text::RejectMissing => {
            "The record is missing from the device's storage: it cannot be sent."
        }
        Text::RejectOther => "Refused by the server ({code}).",
        Text::InsecureContext => {
            "Insecure address: open Palier through an https:// address (or http://127.0.0.1 on this device). Here, offline recording and updates do not work."
        }
        Text::RejectSequence => {
            "The server already holds another record of this device under the same number. Tell your coordinator."
        }
        Text::SyncRefused => "Refused by the server: {count}",
        Text::AttentionAttempts => "Send attempts: {count}",
    }
}
