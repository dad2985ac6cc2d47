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
    }
}
