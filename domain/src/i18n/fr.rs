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
        Text::FieldResidencesHeading => "Résidences",
        Text::FieldNoTerritory => {
            "Aucune liste de logements sur cet appareil. Importez un fichier pour commencer."
        }
        Text::FieldImportLink => "Importer une liste de logements",
        Text::DoorsRemaining => "{remaining} portes restantes sur {doors}",
        Text::FollowUpsHeading => "À revoir",
        Text::FollowUpsNone => "Rien à revoir pour le moment.",
        Text::DaySummaryHeading => "Ma journée",
        Text::DaySummaryLine => {
            "{knocked} portes frappées · {opened} ouvertes · {signups} inscriptions · {presentations} présentations"
        }
        Text::RemainingOnly => "Portes restantes seulement",
        Text::AccessNotes => "Accès",
        Text::FloorGround => "RDC",
        Text::FloorFirst => "1er étage",
        Text::FloorNth => "{n}e étage",
        Text::FloorBasement => "Sous-sol {n}",
        Text::DoorNumber => "Porte {number}",
        Text::DoorWithoutNumber => "Porte sans numéro",
        Text::WellbeingQuestion => "Comment vous sentez-vous dans votre résidence ?",
        Text::Wellbeing1 => "Très mal",
        Text::Wellbeing2 => "Mal",
        Text::Wellbeing3 => "Moyen",
        Text::Wellbeing4 => "Bien",
        Text::Wellbeing5 => "Très bien",
        Text::WellbeingSkip => "Passer la question",
        Text::VisitNoteLabel => "Note (facultatif)",
        Text::OutcomeHeading => "Que s'est-il passé ?",
        Text::OutcomeAbsent => "Absent",
        Text::OutcomeRefused => "Refus",
        Text::OutcomeInterested => "Intéressé",
        Text::OutcomeSignUp => "Inscrire",
        Text::OutcomeComeBack => "À revoir",
        Text::OutcomeDoNotDisturb => "Ne pas déranger",
        Text::OutcomeInaccessible => "Inaccessible",
        Text::ComeBackWhen => "Quand revenir ?",
        Text::ComeBackDate => "Date",
        Text::PartMorning => "Matin",
        Text::PartAfternoon => "Après-midi",
        Text::PartEvening => "Soirée",
        Text::ComeBackConfirm => "Enregistrer « à revoir »",
        Text::ComeBackDateMissing => "Choisissez une date valide pour revenir.",
        Text::DoNotDisturbReason => "Raison",
        Text::DoNotDisturbConfirm => "Ne plus déranger cette porte",
        Text::DoNotDisturbReasonMissing => "Indiquez la raison pour ne plus déranger cette porte.",
        Text::VisitRecorded => "Visite enregistrée : {outcome}",
        Text::Close => "Fermer",
        Text::Back => "Retour",
        Text::SignupHeading => "Inscription d'un habitant",
        Text::FirstName => "Prénom",
        Text::LastName => "Nom (facultatif)",
        Text::Phone => "Téléphone",
        Text::Email => "E-mail",
        Text::ContactHint => "Au moins un moyen de contact : téléphone ou e-mail.",
        Text::PreferredLanguage => "Langue préférée",
        Text::ConsentHeading => "Ce que la personne accepte",
        Text::ConsentHint => "Demandez pour chaque ligne. Rien n'est coché d'avance.",
        Text::Yes => "Oui",
        Text::No => "Non",
        Text::NoticeHeading => "Informations sur les données",
        Text::SignupSave => "Enregistrer l'inscription",
        Text::SignupSaved => "Inscription enregistrée.",
        Text::SignupHasProblems => "À corriger : {count}",
        Text::DraftKept => "Brouillon gardé sur l'appareil.",
        Text::ImportHeading => "Importer une liste de logements",
        Text::ImportFileLabel => "Fichier de logements (CSV, format RPLS ou export du bailleur)",
        Text::ImportDetected => "Encodage : {encoding} · séparateur : {separator}",
        Text::ImportMappingHeading => "Colonnes du fichier",
        Text::ImportNotMapped => "— absente —",
        Text::ImportPreviewHeading => "Premières lignes",
        Text::ImportSummary => {
            "{residences} résidences, {buildings} bâtiments, {entrances} entrées, {doors} portes"
        }
        Text::ImportProblemsHeading => "Lignes avec une erreur : {count}",
        Text::ImportMissingColumns => {
            "Il manque des colonnes indispensables : choisissez-les ci-dessus."
        }
        Text::ImportAll => "Tout importer",
        Text::ImportValidOnly => "Importer seulement les {count} lignes valides",
        Text::ImportDone => "Import terminé : {doors} portes sur l'appareil.",
        Text::ImportEmptyFile => "Ce fichier est vide.",
        Text::PresentApp => "Présenter l'application du quartier",
        Text::PresentationLanguage => "Langue de la présentation",
        Text::SlidePosition => "{n} sur {total}",
        Text::Previous => "Précédent",
        Text::Next => "Suivant",
        Text::ShowQr => "Montrer le QR code",
        Text::QrCaption => "Scannez avec votre téléphone pour rejoindre l'application.",
        Text::QrCodeOf => "QR code du lien : {link}",
        Text::NoJoinLink => "Pas encore de lien pour rejoindre l'application dans cette résidence.",
        Text::PresentationDone => "Présentation terminée",
        Text::PresentationRecorded => "Présentation enregistrée.",
        Text::DoorHangersLink => "Avis de passage à imprimer",
        Text::DoorHangersHeading => "Avis de passage",
        Text::DoorHangersHint => "Un avis par porte absente de cette entrée, au format A6.",
        Text::VolunteerFirstName => "Votre prénom",
        Text::ContactPhone => "Numéro à appeler",
        Text::HangerLanguage => "Langue des avis",
        Text::Print => "Imprimer",
        Text::DoorHangersNone => "Aucune porte absente dans cette entrée.",
        Text::DaySummaryWellbeing => "Bien-être : {total} réponses",
    }
}
