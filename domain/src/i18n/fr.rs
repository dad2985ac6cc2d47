//! French texts: the reference language of Palier.

use super::Text;

pub(super) fn text(key: Text) -> &'static str {
    match key {
        Text::AppName => "Palier",
        Text::KioskSealedUnavailable => {
            "Cette borne ne peut pas encore prendre d'inscriptions : elle n'est pas encore reliée à la campagne. Rien de ce que vous écririez ne serait gardé ici."
        }
        Text::KioskSealedUnavailableContact => {
            "Pour vous inscrire, adressez-vous à votre bailleur (l'accueil ou le gardien) ou à un volontaire lors de son passage."
        }
        Text::KioskSealedUnavailableAsk => "Poser une question",
        Text::ToConfirmHeading => "Inscriptions à confirmer",
        Text::ToConfirmNone => "Aucune inscription à confirmer.",
        Text::ToConfirmHint => {
            "Au prochain passage ou par téléphone, vérifiez que l'habitant a reçu son invitation et rejoint l'application."
        }
        Text::ToConfirmWaiting => "inscrit il y a {days} jours",
        Text::ToConfirmToday => "inscrit aujourd'hui",
        Text::ToConfirmYesterday => "inscrit hier",
        Text::ToConfirmButton => "Confirmer l'inscription de {name}",
        Text::ToConfirmDone => "Confirmée",
        Text::VolunteerWho => "Qui utilise cette tablette ?",
        Text::VolunteerWhy => {
            "Votre prénom apparaît sur vos visites, vos contacts et vos avis de passage : l'équipe sait qui a frappé à quelle porte."
        }
        Text::VolunteerSave => "C'est moi",
        Text::VolunteerIs => "Bénévole : {name}",
        Text::VolunteerChange => "Changer de bénévole",
        Text::VolunteerNameEmpty => "Écrivez votre prénom.",
        Text::VolunteerNameTooLong => "Ce prénom est trop long (40 caractères au plus).",
        Text::VolunteerNameNotAName => {
            "Écrivez seulement un prénom, sans chiffres ni adresse e-mail."
        }
        Text::PartSearchLabel => "Rechercher (nom, thème, quartier…)",
        Text::PartResultCount => "{count} {count|partenaire|partenaires}",
        Text::PartAllThemes => "Tous les thèmes",
        Text::PartNone => "Aucun partenaire ne correspond.",
        Text::PartLoading => "Chargement de l'annuaire…",
        Text::PartAdd => "Ajouter un partenaire",
        Text::PartEdit => "Modifier la fiche",
        Text::PartSave => "Enregistrer le partenaire",
        Text::PartCancel => "Annuler",
        Text::PartNewHeading => "Nouveau partenaire",
        Text::PartFollowUpsHeading => "À relancer",
        Text::PartFollowUpsNone => "Aucune relance prévue pour aujourd'hui.",
        Text::PartFollowUpOn => "prévue {day}",
        Text::PartOverdue => "en retard",
        Text::PartNotFound => "Ce partenaire n'est pas dans l'annuaire de cet appareil.",
        Text::PartBackToList => "Tous les partenaires",
        Text::PartContactsHeading => "Journal des contacts",
        Text::PartNoContacts => "Aucun contact noté pour l'instant.",
        Text::PartLogContact => "Noter un contact",
        Text::PartContactSave => "Enregistrer le contact",
        Text::PartContactLine => "{by} avec {with}",
        Text::PartNextStep => "Prochaine étape : {what}, {day}",
        Text::PartReferralsHeading => "Orientations",
        Text::PartNoReferrals => "Aucune orientation vers ce partenaire.",
        Text::PartReferHeading => "Orienter un habitant",
        Text::PartResident => "Habitant",
        Text::PartTheme => "Thème",
        Text::PartChoose => "Choisir…",
        Text::PartRefer => "Orienter",
        Text::PartNoResidents => "Aucun habitant inscrit sur cet appareil.",
        Text::PartWithoutConsent => "Ne peuvent pas être orientés :",
        Text::PartReferralMadeOn => "proposée le {day}",
        Text::PartStatusSince => "{status} depuis {day}",
        Text::PartMoveTo => "Passer à « {status} »",
        Text::PartHistoryHeading => "Historique de la fiche",
        Text::PartChangedBy => "Modifiée par {who} {when} : {fields}",
        Text::PartThisDevice => "cet appareil",
        Text::PartAnotherDevice => "un autre appareil",
        Text::PartDemoDirectory => "l'annuaire de démonstration",
        Text::PartUnknownResident => "habitant inscrit sur un autre appareil",
        Text::PartHasProblems => "{count} {count|point|points} à corriger.",
        Text::PartSaved => "Enregistré sur l'appareil.",
        Text::PartPersonName => "Nom",
        Text::PartPersonRole => "Rôle",
        Text::PartNothingToSave => "Rien n'a changé.",
        Text::PartCreatedBy => "Créée par {who} {when}",
        Text::IndLogHeading => "Journal de la campagne",
        Text::IndLogIntro => {
            "Récupère sur le serveur tout ce que les tablettes ont envoyé, pour calculer les indicateurs et les exports dans ce navigateur."
        }
        Text::IndLogImport => "Importer le journal de la campagne",
        Text::IndLogProgress => "{count} {count|évènement reçu|évènements reçus}…",
        Text::IndLogDone => {
            "{total} {total|évènement|évènements} en mémoire, dont {new} {new|nouveau|nouveaux}."
        }
        Text::IndLogInterrupted => {
            "L'import s'est arrêté : appuyez à nouveau pour reprendre là où il en était."
        }
        Text::IndHeading => "Indicateurs",
        Text::IndReportFor => "Campagne : {campaign} · {date}",
        Text::IndNeedLog => "Importez d'abord le journal de la campagne.",
        Text::IndFilter => "Filtrer",
        Text::IndFrom => "Du",
        Text::IndTo => "Au",
        Text::IndResidence => "Résidence",
        Text::IndBuilding => "Bâtiment",
        Text::IndEntrance => "Entrée",
        Text::IndVolunteer => "Bénévole",
        Text::IndAll => "Tous",
        Text::IndContactRate => "Taux de contact",
        Text::IndSignUpRate => "Taux d'inscription",
        Text::IndRefusals => "Refus",
        Text::IndAbsentAfter => "Absents après {n} {n|passage|passages}",
        Text::IndRevisits => "À revoir",
        Text::IndRevisitsOverdue => "dont {n} en retard",
        Text::IndPresentations => "Présentations de l'application",
        Text::IndRateOf => "{part} sur {whole}",
        Text::IndOutsideTerritory => {
            "{n} {n|passage à une porte hors du territoire connu n'est pas compté|passages à des portes hors du territoire connu ne sont pas comptés}."
        }
        Text::IndChartEmpty => "Rien à montrer pour ce filtre.",
        Text::IndTableSummary => "Les chiffres du graphique",
        Text::IndPrint => "Imprimer le rapport d'impact",
        Text::ExpHeading => "Exports",
        Text::ExpIntro => {
            "Le journal des passages, avec le filtre des indicateurs. La version pseudonymisée n'a ni noms, ni téléphones, ni e-mails, ni notes : c'est celle à partager hors de l'équipe."
        }
        Text::ExpCsvNamed => "CSV pour Excel, nominatif",
        Text::ExpCsvPseudo => "CSV pour Excel, pseudonymisé",
        Text::ExpJsonNamed => "JSON Lines, nominatif",
        Text::ExpJsonPseudo => "JSON Lines, pseudonymisé",
        Text::ExpReady => "Fichier prêt : {file}",
        Text::KioskStep => "Question {n} sur {total}",
        Text::KioskSignupThanks => {
            "Merci ! Votre inscription est enregistrée. L'équipe vous contactera bientôt."
        }
        Text::KioskCommonRoom => "la salle commune",
        Text::KioskConsentAsk => "Êtes-vous d'accord ? Touchez Oui ou Non.",
        Text::CoordSignInHeading => "Espace coordination",
        Text::CoordSignInIntro => {
            "Connectez-vous avec le compte de coordination que votre organisme vous a donné."
        }
        Text::CoordEmail => "Adresse e-mail",
        Text::CoordPassword => "Mot de passe",
        Text::CoordSignIn => "Se connecter",
        Text::CoordSignOut => "Se déconnecter",
        Text::CoordSignedInAs => "Connecté·e : {name}",
        Text::CoordNeedsNetwork => {
            "L'espace coordination a besoin du réseau : reconnectez l'appareil puis réessayez."
        }
        Text::CoordInvalidCredentials => "Adresse e-mail ou mot de passe incorrect.",
        Text::CoordTooManyTries => "Trop d'essais. Réessayez dans {seconds} secondes.",
        Text::CoordFillBoth => "Indiquez l'adresse e-mail et le mot de passe.",
        Text::CoordSessionExpired => "Votre session a expiré : reconnectez-vous.",
        Text::CoordServerProblem => {
            "Le serveur n'a pas pu répondre. Réessayez dans un moment ; rien n'a été perdu."
        }
        Text::CoordEnrollHeading => "Relier une tablette",
        Text::CoordEnrollIntro => {
            "Choisissez la campagne et créez un code. Sur la tablette, scannez le QR code avec l'appareil photo, ou touchez « Relier cet appareil » et tapez le code."
        }
        Text::CoordCampaign => "Campagne",
        Text::CoordCreateCode => "Créer un code",
        Text::CoordCodeValidUntil => "Pour une seule tablette, valable jusqu'à {time}.",
        Text::CoordCodeQrLabel => "QR code pour relier une tablette",
        Text::CoordDevicesHeading => "Appareils reliés",
        Text::CoordNoDevices => "Aucun appareil relié pour l'instant.",
        Text::CoordDeviceName => "Appareil",
        Text::CoordDeviceState => "État",
        Text::CoordLastSeen => "Dernière synchronisation",
        Text::CoordDeviceActive => "Actif",
        Text::CoordDeviceRevoked => "Retiré",
        Text::CoordNeverSeen => "Jamais",
        Text::CoordRevoke => "Retirer",
        Text::CoordRevokeConfirm => {
            "Retirer « {label} » de la campagne ? Il ne pourra plus envoyer ni recevoir de données. Ce qu'il a déjà envoyé reste."
        }
        Text::CoordImportHeading => "Importer le fichier d'une tablette",
        Text::CoordImportIntro => {
            "Quand une tablette ne peut pas se connecter, elle enregistre ses données dans un fichier. Importez-le ici : rien n'est compté deux fois."
        }
        Text::CoordImportChoose => "Choisir le fichier",
        Text::CoordImportResult => {
            "{new} {new|nouveau|nouveaux}, {duplicate} déjà {duplicate|reçu|reçus}, {rejected} {rejected|refusé|refusés}."
        }
        Text::CoordImportNotAFile => "Ce fichier n'est pas un export de tablette Palier.",
        Text::SkipToContent => "Aller au contenu",
        Text::LanguageLabel => "Langue",
        Text::BackHome => "Accueil",
        Text::HomeHeading => "Que faites-vous aujourd'hui ?",
        Text::HomeIntro => {
            "Tout fonctionne sans réseau. Ce que vous enregistrez reste sur cet appareil et part au serveur dès qu'il y a du réseau."
        }
        Text::ModeField => "Porte-à-porte (terrain)",
        Text::ModeFieldHint => {
            "Frapper aux portes, inscrire les habitants, présenter l'application du quartier."
        }
        Text::ModeKiosk => "Borne (kiosque)",
        Text::ModeKioskHint => {
            "La tablette du hall : les habitants s'inscrivent, posent leurs questions, donnent leur avis."
        }
        Text::ModePartners => "Partenaires",
        Text::ModePartnersHint => {
            "Centres sociaux, régies de quartier, associations : l'annuaire et les contacts."
        }
        Text::ModeCoordination => "Coordination",
        Text::ModeCoordinationHint => {
            "Préparer les campagnes, suivre les indicateurs, exporter, répondre aux demandes RGPD."
        }
        Text::Online => "En ligne",
        Text::Offline => "Hors ligne : tout est enregistré sur cet appareil",
        Text::UpdateAvailable => "Nouvelle version disponible",
        Text::UpdateReload => "Recharger",
        Text::FieldNoteHeading => "Note de terrain",
        Text::FieldNoteLabel => "Votre note",
        Text::FieldNoteSensitiveWarning => {
            "N'écrivez pas d'information sur la santé ou les difficultés sociales d'une personne."
        }
        Text::FieldNoteSave => "Enregistrer la note",
        Text::FieldNoteSaved => "Note enregistrée sur l'appareil.",
        Text::FieldNoteEmpty => "La note est vide : écrivez quelques mots avant d'enregistrer.",
        Text::FieldNoteTooLong => "La note est trop longue : 2000 caractères au plus.",
        Text::FieldNotesRecorded => "Notes enregistrées",
        Text::FieldNotesNone => "Aucune note pour l'instant.",
        Text::OutboxPending => "{count} en attente d'envoi",
        Text::OutboxEmpty => "Rien en attente d'envoi.",
        Text::StorageHeading => "Stockage de l'appareil",
        Text::StoragePersistent => {
            "Stockage protégé : le navigateur ne l'effacera pas de lui-même."
        }
        Text::StorageNotPersistent => {
            "Stockage non protégé : le navigateur peut l'effacer s'il manque de place."
        }
        Text::StorageAskPersistent => "Protéger le stockage",
        Text::StorageUsage => "Espace utilisé : {used} sur {quota}",
        Text::StorageUnknown => "Espace utilisé : inconnu",
        Text::StorageReading => "Lecture de l'état du stockage…",
        Text::StorageWriteFailed => {
            "Impossible d'enregistrer sur cet appareil. Rien n'a été perdu. Détail : {reason}"
        }
        Text::StorageUnavailable => {
            "Le stockage de cet appareil n'est pas disponible (navigation privée ?). Rien ne peut être enregistré."
        }
        Text::PageNotFound => "Cette page n'existe pas.",
        Text::FieldResidencesHeading => "Résidences",
        Text::FieldNoTerritory => {
            "Aucune liste de logements sur cet appareil. Importez un fichier pour commencer."
        }
        Text::FieldImportLink => "Importer une liste de logements",
        Text::DoorsRemaining => {
            "{remaining} {remaining|porte restante|portes restantes} sur {doors}"
        }
        Text::FollowUpsHeading => "À revoir",
        Text::FollowUpsNone => "Rien à revoir pour le moment.",
        Text::DaySummaryHeading => "Ma journée",
        Text::DaySummaryLine => {
            "{knocked} {knocked|porte frappée|portes frappées} · {opened} {opened|ouverte|ouvertes} · {signups} {signups|inscription|inscriptions} · {presentations} {presentations|présentation|présentations}"
        }
        Text::RemainingOnly => "Portes restantes seulement",
        Text::AccessNotes => "Accès",
        Text::FloorGround => "RDC",
        Text::FloorFirst => "1er étage",
        Text::FloorNth => "{n}e étage",
        Text::FloorBasement => "Sous-sol {n}",
        Text::DoorNumber => "Porte {number}",
        Text::DoorWithoutNumber => "Porte sans numéro",
        Text::WellbeingQuestion => "Comment vous sentez-vous dans votre résidence ?",
        Text::Wellbeing1 => "Très mal",
        Text::Wellbeing2 => "Mal",
        Text::Wellbeing3 => "Moyen",
        Text::Wellbeing4 => "Bien",
        Text::Wellbeing5 => "Très bien",
        Text::WellbeingSkip => "Passer la question",
        Text::VisitNoteLabel => "Note (facultatif)",
        Text::OutcomeHeading => "Que s'est-il passé ?",
        Text::OutcomeAbsent => "Absent",
        Text::OutcomeRefused => "Refus",
        Text::OutcomeInterested => "Intéressé",
        Text::OutcomeSignUp => "Inscrire",
        Text::OutcomeComeBack => "À revoir",
        Text::OutcomeDoNotDisturb => "Ne pas déranger",
        Text::OutcomeInaccessible => "Inaccessible",
        Text::ComeBackWhen => "Quand revenir ?",
        Text::ComeBackDate => "Date",
        Text::PartMorning => "Matin",
        Text::PartAfternoon => "Après-midi",
        Text::PartEvening => "Soirée",
        Text::ComeBackConfirm => "Enregistrer « à revoir »",
        Text::ComeBackDateMissing => "Choisissez une date valide pour revenir.",
        Text::DoNotDisturbReason => "Raison",
        Text::DoNotDisturbConfirm => "Ne plus déranger cette porte",
        Text::DoNotDisturbReasonMissing => "Indiquez la raison pour ne plus déranger cette porte.",
        Text::VisitRecorded => "Visite enregistrée : {outcome}",
        Text::Close => "Fermer",
        Text::Back => "Retour",
        Text::SignupHeading => "Inscription d'un habitant",
        Text::FirstName => "Prénom",
        Text::LastName => "Nom (facultatif)",
        Text::Phone => "Téléphone",
        Text::Email => "E-mail",
        Text::ContactHint => "Au moins un moyen de contact : téléphone ou e-mail.",
        Text::PreferredLanguage => "Langue préférée",
        Text::ConsentHeading => "Ce que la personne accepte",
        Text::ConsentHint => "Demandez pour chaque ligne. Rien n'est coché d'avance.",
        Text::Yes => "Oui",
        Text::No => "Non",
        Text::NoticeHeading => "Informations sur les données",
        Text::SignupSave => "Enregistrer l'inscription",
        Text::SignupSaved => "Inscription enregistrée.",
        Text::SignupHasProblems => "À corriger : {count}",
        Text::DraftKept => "Brouillon gardé sur l'appareil.",
        Text::ImportHeading => "Importer une liste de logements",
        Text::ImportFileLabel => "Fichier de logements (CSV, format RPLS ou export du bailleur)",
        Text::ImportDetected => "Encodage : {encoding} · séparateur : {separator}",
        Text::ImportMappingHeading => "Colonnes du fichier",
        Text::ImportNotMapped => "— absente —",
        Text::ImportPreviewHeading => "Premières lignes",
        Text::ImportSummary => {
            "{residences} {residences|résidence|résidences}, {buildings} {buildings|bâtiment|bâtiments}, {entrances} {entrances|entrée|entrées}, {doors} {doors|porte|portes}"
        }
        Text::ImportProblemsHeading => "Lignes avec une erreur : {count}",
        Text::ImportMissingColumns => {
            "Il manque des colonnes indispensables : choisissez-les ci-dessus."
        }
        Text::ImportAll => "Tout importer",
        Text::ImportValidOnly => {
            "Importer seulement {count|la ligne valide|les {count} lignes valides}"
        }
        Text::ImportDone => "Import terminé : {doors} {doors|porte|portes} sur l'appareil.",
        Text::ImportEmptyFile => "Ce fichier est vide.",
        Text::PresentApp => "Présenter l'application du quartier",
        Text::PresentationLanguage => "Langue de la présentation",
        Text::SlidePosition => "{n} sur {total}",
        Text::Previous => "Précédent",
        Text::Next => "Suivant",
        Text::ShowQr => "Montrer le QR code",
        Text::QrCaption => "Scannez avec votre téléphone pour rejoindre l'application.",
        Text::QrCodeOf => "QR code du lien : {link}",
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
        Text::DaySummaryWellbeing => "Bien-être : {total} {total|réponse|réponses}",
        Text::SyncNotEnrolled => "Appareil non relié : rien n'est envoyé",
        Text::SyncLinkDevice => "Relier cet appareil",
        Text::SyncRevoked => {
            "Cet appareil a été retiré de la campagne. Tout ce qui est enregistré reste sur l'appareil ; rien n'est envoyé tant qu'il n'est pas relié à nouveau."
        }
        Text::SyncLinkAgain => "Relier à nouveau",
        Text::SyncAllSent => "Tout est envoyé",
        Text::SyncRunning => "Synchronisation en cours…",
        Text::SyncDoneAgo => "Synchronisé il y a {ago}",
        Text::SyncDoneJustNow => "Synchronisé à l'instant",
        Text::SyncLastDoneAgo => "Dernière synchronisation réussie il y a {ago}",
        Text::SyncLastDoneJustNow => "Dernière synchronisation réussie à l'instant",
        Text::SyncNever => "Jamais synchronisé",
        Text::SyncNow => "Synchroniser",
        Text::SyncAttentionLink => "À vérifier : {count}",
        Text::ProblemOffline => {
            "Serveur injoignable (pas de réseau ?). Tout reste sur l'appareil ; nouvel essai automatique."
        }
        Text::ProblemServerUnavailable => {
            "Le serveur ne peut pas enregistrer pour le moment. Nouvel essai automatique."
        }
        Text::ProblemRateLimited => "Le serveur demande de patienter. Nouvel essai automatique.",
        Text::ProblemAppTooOld => {
            "Le serveur n'accepte plus cette version de l'application : rechargez-la dès qu'une mise à jour est proposée. Rien n'est perdu."
        }
        Text::ProblemRefused => {
            "Le serveur a refusé l'envoi ({code}). Rien n'est perdu ; prévenez votre coordinateur si cela dure."
        }
        Text::ProblemUnreadable => "Réponse du serveur illisible. Nouvel essai automatique.",
        Text::DeviceHeading => "Cet appareil",
        Text::DeviceIdLabel => "Identifiant de l'appareil",
        Text::DeviceCampaignLabel => "Campagne",
        Text::DeviceNameLabel => "Nom de l'appareil",
        Text::DeviceNotLinkedHint => {
            "Tant que l'appareil n'est pas relié à une campagne, tout reste enregistré ici et rien n'est envoyé. Demandez un code de liaison à votre coordinateur, ou scannez son QR code."
        }
        Text::DeviceSyncHeading => "Envoi au serveur",
        Text::EnrollHeading => "Relier à une campagne",
        Text::EnrollOtherCampaign => "Relier à une autre campagne",
        Text::EnrollCodeLabel => "Code de liaison",
        Text::EnrollCodeHint => "8 lettres ou chiffres, par exemple K7P2-9XQM",
        Text::EnrollNameHint => {
            "Un nom que votre coordinateur reconnaîtra, par exemple « Tablette de Samia »"
        }
        Text::EnrollRunning => "Liaison en cours…",
        Text::EnrollDone => "Appareil relié à la campagne « {campaign} ».",
        Text::EnrollMalformed => {
            "Ce code n'a pas la bonne forme : il a 8 lettres ou chiffres, comme K7P2-9XQM."
        }
        Text::EnrollUnknown => {
            "Ce code n'existe pas. Vérifiez les lettres ou demandez un nouveau code."
        }
        Text::EnrollExpired => "Ce code a expiré. Demandez un nouveau code à votre coordinateur.",
        Text::EnrollUsed => {
            "Ce code a déjà servi pour un autre appareil. Demandez un nouveau code."
        }
        Text::EnrollRateLimited => "Trop d'essais. Attendez une minute avant de réessayer.",
        Text::EnrollOffline => "Serveur injoignable : vérifiez le réseau et réessayez.",
        Text::EnrollFailed => "La liaison n'a pas abouti ({code}). Réessayez plus tard.",
        Text::ExportHeading => "Pas de réseau depuis longtemps ?",
        Text::ExportHint => {
            "Enregistrez dans un fichier ce qui n'est pas encore envoyé et remettez-le à votre coordinateur : il l'importera sur le serveur. Rien n'est effacé de l'appareil, et un envoi en double est sans risque. Le fichier contient les coordonnées des habitants inscrits : remettez-le en main propre, ne l'envoyez pas par messagerie."
        }
        Text::ExportButton => "Exporter les envois en attente ({count})",
        Text::ExportNothing => "Rien à exporter : tout est envoyé.",
        Text::ExportDone => "Fichier enregistré : {file}",
        Text::AttentionHeading => "À vérifier",
        Text::AttentionHint => {
            "Le serveur a refusé ces enregistrements. Ils restent sur l'appareil. Lisez la raison, corrigez ce qui peut l'être (la date de la tablette, par exemple), puis réessayez, ou exportez-les pour votre coordinateur."
        }
        Text::AttentionNone => "Rien à vérifier.",
        Text::AttentionRetry => "Réessayer",
        Text::AttentionRetryAll => "Tout réessayer",
        Text::AttentionRecorded => "Enregistré {when}",
        Text::AttentionServerSaid => "Message du serveur : {message}",
        Text::KindFieldNote => "Note de terrain",
        Text::KindDeviceStarted => "Démarrage de l'appareil",
        Text::KindDoorVisit => "Visite de porte",
        Text::KindSignup => "Inscription d'un habitant",
        Text::KindPresentation => "Présentation de l'application",
        Text::KindUnreadable => "Enregistrement introuvable sur l'appareil",
        Text::RejectClock => {
            "La tablette était réglée à une date en avance. Corrigez sa date et son heure dans les réglages ; cet enregistrement sera accepté une fois cette date passée (réessayez alors, ou exportez-le)."
        }
        Text::RejectCampaign => "Le serveur ne connaît pas la campagne de cet enregistrement.",
        Text::RejectInvalid => "L'enregistrement est incomplet ou mal formé.",
        Text::RejectSchema => {
            "L'enregistrement vient d'une version de l'application plus récente que le serveur."
        }
        Text::RejectDevice => "Le serveur dit que l'enregistrement ne vient pas de cet appareil.",
        Text::RejectTooLarge => "Trop volumineux pour être envoyé : exportez-le dans un fichier.",
        Text::RejectMissing => {
            "L'enregistrement manque dans la mémoire de l'appareil : il ne peut pas être envoyé."
        }
        Text::RejectOther => "Refusé par le serveur ({code}).",
        Text::InsecureContext => {
            "Adresse non sécurisée : ouvrez Palier par une adresse en https:// (ou http://127.0.0.1 sur cet appareil). Ici, l'enregistrement hors ligne et les mises à jour ne fonctionnent pas."
        }
        Text::RejectSequence => {
            "Le serveur a déjà un autre enregistrement de cet appareil sous le même numéro. Prévenez votre coordinateur."
        }
        Text::SyncRefused => "Refusés par le serveur : {count}",
        Text::AttentionAttempts => "Essais d'envoi : {count}",
    }
}
