//! French texts: the reference language of Palier.

use super::Text;

pub(super) fn text(key: Text) -> &'static str {
    match key {
        Text::AppName => "Palier",
        Text::SkipToContent => "Aller au contenu",
        Text::LanguageLabel => "Langue",
        Text::BackHome => "Accueil",
        Text::HomeHeading => "Que faites-vous aujourd'hui ?",
        Text::HomeIntro => {
            "Tout fonctionne sans réseau. Ce que vous enregistrez reste sur cet appareil et part au serveur dès qu'il y a du réseau."
        }
        Text::ModeField => "Porte-à-porte (terrain)",
        Text::ModeFieldHint => {
            "Frapper aux portes, inscrire les habitants, présenter l'application du quartier."
        }
        Text::ModeKiosk => "Borne (kiosque)",
        Text::ModeKioskHint => {
            "La tablette du hall : les habitants s'inscrivent, posent leurs questions, donnent leur avis."
        }
        Text::ModePartners => "Partenaires",
        Text::ModePartnersHint => {
            "Centres sociaux, régies de quartier, associations : l'annuaire et les contacts."
        }
        Text::ModeCoordination => "Coordination",
        Text::ModeCoordinationHint => {
            "Préparer les campagnes, suivre les indicateurs, exporter, répondre aux demandes RGPD."
        }
        Text::ComingSoon => "Cet espace arrive bientôt.",
        Text::FieldComingSoon => {
            "Les listes de portes et l'inscription des habitants arrivent bientôt. Vous pouvez déjà noter ce que vous voyez sur le terrain."
        }
        Text::KioskComingSoon => "La borne en libre-service arrive bientôt.",
        Text::PartnersComingSoon => "L'annuaire des partenaires arrive bientôt.",
        Text::CoordinationComingSoon => "L'espace de coordination arrive bientôt.",
        Text::Online => "En ligne",
        Text::Offline => "Hors ligne : tout est enregistré sur cet appareil",
        Text::UpdateAvailable => "Nouvelle version disponible",
        Text::UpdateReload => "Recharger",
        Text::FieldNoteHeading => "Note de terrain",
        Text::FieldNoteLabel => "Votre note",
        Text::FieldNoteSensitiveWarning => {
            "N'écrivez pas d'information sur la santé ou les difficultés sociales d'une personne."
        }
        Text::FieldNoteSave => "Enregistrer la note",
        Text::FieldNoteSaved => "Note enregistrée sur l'appareil.",
        Text::FieldNoteEmpty => "La note est vide : écrivez quelques mots avant d'enregistrer.",
        Text::FieldNoteTooLong => "La note est trop longue : 2000 caractères au plus.",
        Text::FieldNotesRecorded => "Notes enregistrées",
        Text::FieldNotesNone => "Aucune note pour l'instant.",
        Text::OutboxPending => "{count} en attente d'envoi",
        Text::OutboxEmpty => "Rien en attente d'envoi.",
        Text::StorageHeading => "Stockage de l'appareil",
        Text::StoragePersistent => {
            "Stockage protégé : le navigateur ne l'effacera pas de lui-même."
        }
        Text::StorageNotPersistent => {
            "Stockage non protégé : le navigateur peut l'effacer s'il manque de place."
        }
        Text::StorageAskPersistent => "Protéger le stockage",
        Text::StorageUsage => "Espace utilisé : {used} sur {quota}",
        Text::StorageUnknown => "Espace utilisé : inconnu",
        Text::StorageWriteFailed => {
            "Impossible d'enregistrer sur cet appareil. Rien n'a été perdu. Détail : {reason}"
        }
        Text::StorageUnavailable => {
            "Le stockage de cet appareil n'est pas disponible (navigation privée ?). Rien ne peut être enregistré."
        }
        Text::PageNotFound => "Cette page n'existe pas.",
    }
}
