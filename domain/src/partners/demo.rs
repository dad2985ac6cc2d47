//! The demo directory that ships with the demo campaign: a dozen structures around Résidence
//! Les Tilleuls (Vaulx-en-Velin), so that search, referrals and the contact log can be tried out
//! of the box. Names, addresses and people are invented; phone numbers are in the 04 65 71 range
//! ARCEP sets aside for fiction; e-mail and web addresses use the reserved example.org domain.
//!
//! It comes as events written once and for all by a demo device at the very start of time: they
//! are the same on every device (the same ids, so never duplicated), and any real edit, made
//! later by any clock, wins over them field by field.

use std::collections::BTreeSet;

use super::ids::PartnerId;
use super::partner::{ContactPerson, Partner, PartnerEdit};
use super::vocabulary::{PartnerKind, Theme};
use crate::event::{Actor, EventBody, EventEnvelope, Recorder};
use crate::ids::{CampaignId, DeviceId};
use crate::territory::ResidenceId;

/// The demo device: never a real one (real ids are random; this one is all 0xd5).
pub fn demo_device() -> DeviceId {
    DeviceId::from_random([0xd5; 16])
}

/// One second after the epoch: earlier than any real clock, so every real edit wins.
const DEMO_WALL_MS: u64 = 1_000;

/// The demo directory as `PartnerEdited` events, in order (seq 1, 2, 3…). The app stores them
/// like pulled events (never in the outbox: every device has them already).
pub fn events() -> Vec<EventEnvelope> {
    let mut recorder = Recorder::new(demo_device());
    directory()
        .into_iter()
        .enumerate()
        .map(|(i, partner)| {
            let body = EventBody::PartnerEdited(PartnerEdit {
                partner: partner.id.clone(),
                fields: partner.all_fields(),
            });
            let random = [i as u8; 10];
            recorder.record(
                DEMO_WALL_MS,
                random,
                Actor::Device,
                CampaignId::demo(),
                body,
            )
        })
        .collect()
}

struct Demo {
    name: &'static str,
    kind: PartnerKind,
    themes: &'static [Theme],
    address: &'static str,
    /// The last four digits after 04 65 71.
    phone: &'static str,
    /// The part before ".example.org", for the e-mail and the website.
    domain: &'static str,
    website: bool,
    hours: &'static str,
    /// Name, role, last four digits of a direct line (or "").
    people: &'static [(&'static str, &'static str, &'static str)],
    /// Whether it works with the demo résidence (the others serve the whole commune).
    near: bool,
    description: &'static str,
}

/// The demo partners, in the order they are recorded.
pub fn directory() -> Vec<Partner> {
    let residence = crate::demo_territory::territory().residences[0].id.clone();
    DEMO.iter()
        .enumerate()
        .map(|(i, demo)| partner(i, demo, &residence))
        .collect()
}

fn partner(index: usize, demo: &Demo, residence: &ResidenceId) -> Partner {
    let mut id = [0xd5; 16];
    id[15] = index as u8;
    let phone = |digits: &str| {
        if digits.is_empty() {
            String::new()
        } else {
            format!("+3346571{digits}")
        }
    };
    let email_of = |name: &str| {
        let mut parts = name.split(' ');
        let first = parts.next().unwrap_or_default();
        let last = parts.next_back().unwrap_or_default();
        let initial: String = super::search::fold(first).chars().take(1).collect();
        format!(
            "{initial}.{}@{}.example.org",
            super::search::fold(last).replace(' ', "-"),
            demo.domain
        )
    };
    Partner {
        name: demo.name.into(),
        kind: demo.kind,
        themes: demo.themes.iter().copied().collect(),
        address: format!("{}, 69120 Vaulx-en-Velin", demo.address),
        phone: phone(demo.phone),
        email: format!("accueil@{}.example.org", demo.domain),
        website: if demo.website {
            format!("https://{}.example.org", demo.domain)
        } else {
            String::new()
        },
        hours: demo.hours.into(),
        contacts: demo
            .people
            .iter()
            .map(|(name, role, line)| ContactPerson {
                name: (*name).into(),
                role: (*role).into(),
                phone: phone(line),
                email: email_of(name),
            })
            .collect(),
        residences: if demo.near {
            [residence.clone()].into()
        } else {
            BTreeSet::new()
        },
        description: demo.description.into(),
        ..Partner::empty(PartnerId::from_random(id))
    }
}

const DEMO: [Demo; 12] = [
    Demo {
        name: "Centre social Les Glycines",
        kind: PartnerKind::CentreSocial,
        themes: &[
            Theme::AccesAuxDroits,
            Theme::Numerique,
            Theme::Jeunesse,
            Theme::FleAsl,
            Theme::Parentalite,
            Theme::Seniors,
        ],
        address: "3 place de la Fraternité",
        phone: "0001",
        domain: "cs-glycines",
        website: true,
        hours: "Lundi au vendredi : 9 h – 12 h 30 et 13 h 30 – 18 h\nSamedi : 9 h – 12 h (permanence accès aux droits)",
        people: &[
            ("Samira Benali", "Référente familles", "0002"),
            ("Julien Moreau", "Animateur numérique", ""),
        ],
        near: true,
        description: "Accueil, écoute et orientation. Aide aux démarches (CAF, impôts, santé), ateliers numériques, accompagnement à la scolarité, sorties en famille. Ateliers sociolinguistiques le mardi et le jeudi matin.",
    },
    Demo {
        name: "Régie de quartier Rives de l'Est",
        kind: PartnerKind::RegieDeQuartier,
        themes: &[Theme::Emploi, Theme::Tranquillite, Theme::Logement],
        address: "18 allée des Artisans",
        phone: "0010",
        domain: "regie-rives",
        website: true,
        hours: "Lundi au jeudi : 8 h 30 – 12 h et 14 h – 17 h\nVendredi : 8 h 30 – 12 h",
        people: &[
            ("Karim Haddad", "Encadrant technique", "0011"),
            ("Nathalie Perrin", "Chargée d'insertion", "0012"),
        ],
        near: true,
        description: "Entretien des espaces communs, petits travaux dans les logements, médiation de proximité. Recrute des habitants du quartier en contrat d'insertion.",
    },
    Demo {
        name: "Le Panier Solidaire",
        kind: PartnerKind::Association,
        themes: &[Theme::Alimentation],
        address: "7 rue des Tisserands",
        phone: "0020",
        domain: "panier-solidaire",
        website: false,
        hours: "Mardi et vendredi : 14 h – 18 h",
        people: &[("Fatou Diop", "Coordinatrice", "")],
        near: true,
        description: "Épicerie solidaire : produits à 10 à 30 % de leur prix, sur orientation d'un travailleur social (CCAS, centre social, assistante sociale). Atelier cuisine le mercredi après-midi.",
    },
    Demo {
        name: "Clic & Lien",
        kind: PartnerKind::Association,
        themes: &[Theme::Numerique, Theme::AccesAuxDroits, Theme::Seniors],
        address: "Local associatif, 12 rue des Tilleuls (bâtiment C)",
        phone: "0030",
        domain: "clic-et-lien",
        website: true,
        hours: "Mercredi : 9 h – 12 h\nJeudi : 14 h – 17 h, sans rendez-vous",
        people: &[("Paul Nguyen", "Conseiller numérique", "0031")],
        near: true,
        description: "Aide aux démarches en ligne (CAF, ANTS, Ameli, France Travail), prêt de tablettes, ateliers « premiers pas » pour les seniors.",
    },
    Demo {
        name: "Parlons Ensemble",
        kind: PartnerKind::Association,
        themes: &[Theme::FleAsl, Theme::Parentalite],
        address: "5 rue Olympe-de-Gouges",
        phone: "0040",
        domain: "parlons-ensemble",
        website: false,
        hours: "Lundi, mardi et jeudi : 9 h – 11 h 30\nInscriptions en septembre et en janvier",
        people: &[("Leïla Mansouri", "Formatrice", "")],
        near: true,
        description: "Ateliers sociolinguistiques pour adultes, de l'oral débutant à la préparation du DELF. Garde d'enfants pendant les cours.",
    },
    Demo {
        name: "Tremplin Emploi Est Lyonnais",
        kind: PartnerKind::Association,
        themes: &[Theme::Emploi, Theme::Jeunesse],
        address: "27 avenue des Métiers",
        phone: "0050",
        domain: "tremplin-emploi",
        website: true,
        hours: "Lundi au vendredi : 9 h – 17 h, sur rendez-vous",
        people: &[
            ("Aïcha Traoré", "Conseillère emploi 16–25 ans", "0051"),
            ("Éric Lambert", "Chargé de relations entreprises", ""),
        ],
        near: false,
        description: "Accompagnement vers l'emploi des jeunes de 16 à 25 ans et des adultes : CV, simulations d'entretien, rencontres avec les entreprises du secteur.",
    },
    Demo {
        name: "Mairie annexe des Glycines",
        kind: PartnerKind::ServiceMunicipal,
        themes: &[Theme::AccesAuxDroits, Theme::Logement],
        address: "1 place de la Fraternité",
        phone: "0060",
        domain: "mairie-annexe-glycines",
        website: false,
        hours: "Lundi au vendredi : 8 h 30 – 12 h et 13 h 30 – 17 h\nJeudi : jusqu'à 19 h",
        people: &[("Sophie Marchand", "Responsable de l'accueil", "0061")],
        near: true,
        description: "Demandes de logement social, état civil, point d'accès au droit : permanences d'un avocat et d'un conciliateur de justice le premier mardi du mois.",
    },
    Demo {
        name: "Espace seniors Les Tilleuls d'Argent",
        kind: PartnerKind::ServiceMunicipal,
        themes: &[Theme::Seniors, Theme::CultureLoisirs, Theme::Sante],
        address: "14 rue des Tilleuls",
        phone: "0070",
        domain: "tilleuls-argent",
        website: false,
        hours: "Lundi au vendredi : 13 h 30 – 17 h 30\nRepas partagé le jeudi midi",
        people: &[("Chantal Roux", "Animatrice", "")],
        near: true,
        description: "Activités, repas partagés et sorties pour les plus de 60 ans. Visites de convivialité aux personnes isolées ; inscription au registre canicule.",
    },
    Demo {
        name: "Maison de santé des Rives",
        kind: PartnerKind::Autre,
        themes: &[Theme::Sante],
        address: "9 boulevard des Rives",
        phone: "0080",
        domain: "msp-rives",
        website: true,
        hours: "Lundi au vendredi : 8 h – 20 h\nSamedi : 8 h – 12 h",
        people: &[("Hélène Vidal", "Coordinatrice", "")],
        near: false,
        description: "Médecins généralistes, infirmiers, sage-femme, permanence d'une psychologue. Consultations sans rendez-vous le matin.",
    },
    Demo {
        name: "Ludothèque Pirouette",
        kind: PartnerKind::Association,
        themes: &[Theme::CultureLoisirs, Theme::Parentalite, Theme::Jeunesse],
        address: "2 rue des Glycines",
        phone: "0090",
        domain: "pirouette",
        website: true,
        hours: "Mercredi et samedi : 10 h – 12 h et 14 h – 18 h\nSoirée jeux en famille un vendredi par mois",
        people: &[("Yanis Cherif", "Ludothécaire", "")],
        near: true,
        description: "Jeux sur place et prêt de jeux. Animations en pied d'immeuble l'été, avec les gardiens.",
    },
    Demo {
        name: "Trait d'Union Médiation",
        kind: PartnerKind::Association,
        themes: &[Theme::Tranquillite, Theme::Jeunesse],
        address: "22 allée des Artisans",
        phone: "0100",
        domain: "trait-d-union",
        website: false,
        hours: "Médiateurs présents du mardi au samedi, 17 h – 23 h",
        people: &[("Mehdi Bouzid", "Chef d'équipe", "0101")],
        near: true,
        description: "Médiation de soirée : conflits de voisinage, présence dans les halls, lien avec les gardiens et le bailleur.",
    },
    Demo {
        name: "Budget & Logement Solidaires",
        kind: PartnerKind::Association,
        themes: &[Theme::Logement, Theme::AccesAuxDroits],
        address: "4 rue des Tisserands",
        phone: "0110",
        domain: "budget-logement",
        website: true,
        hours: "Mardi et jeudi : 9 h – 12 h, sur rendez-vous",
        people: &[(
            "Marie-Claire Fontaine",
            "Conseillère en économie sociale et familiale",
            "0111",
        )],
        near: true,
        description: "Point conseil budget : impayés de loyer ou d'énergie, dossier de surendettement, chèque énergie.",
    },
];
