//! The fixed lists of the partner screens: kinds of structure, themes, contact channels. Each
//! value's wire name is spelt out with `rename`, so renaming a Rust variant never changes stored
//! events or exported files. Labels in each language are in `words`.

use serde::{Deserialize, Serialize};

/// What kind of structure a partner is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum PartnerKind {
    /// Approved by the CAF around a "projet social".
    #[serde(rename = "centre_social")]
    CentreSocial,
    /// Residents, local authorities and landlords maintaining the neighbourhood together.
    #[serde(rename = "regie_de_quartier")]
    RegieDeQuartier,
    #[serde(rename = "association")]
    Association,
    /// Mairie annexe, CCAS, youth or seniors service…
    #[serde(rename = "service_municipal")]
    ServiceMunicipal,
    /// Anything else: a health centre, a library, a sports club…
    #[serde(rename = "autre")]
    Autre,
}

impl PartnerKind {
    /// In the order the form lists them.
    pub const ALL: [PartnerKind; 5] = [
        PartnerKind::CentreSocial,
        PartnerKind::RegieDeQuartier,
        PartnerKind::Association,
        PartnerKind::ServiceMunicipal,
        PartnerKind::Autre,
    ];

    pub fn wire_name(self) -> &'static str {
        match self {
            PartnerKind::CentreSocial => "centre_social",
            PartnerKind::RegieDeQuartier => "regie_de_quartier",
            PartnerKind::Association => "association",
            PartnerKind::ServiceMunicipal => "service_municipal",
            PartnerKind::Autre => "autre",
        }
    }

    pub fn from_wire_name(name: &str) -> Option<PartnerKind> {
        PartnerKind::ALL.into_iter().find(|k| k.wire_name() == name)
    }

    /// Other words people use for this kind, searched and accepted on import.
    pub fn keywords(self) -> &'static [&'static str] {
        match self {
            PartnerKind::CentreSocial => &["cs", "maison de quartier", "espace de vie sociale"],
            PartnerKind::RegieDeQuartier => &["regie"],
            PartnerKind::Association => &["asso"],
            PartnerKind::ServiceMunicipal => &["mairie", "ville", "ccas", "commune"],
            PartnerKind::Autre => &[],
        }
    }
}

/// What a partner helps with. The list is fixed (issue #6) so that indicators add up across
/// campaigns; the wire names never change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Theme {
    #[serde(rename = "acces_aux_droits")]
    AccesAuxDroits,
    #[serde(rename = "numerique")]
    Numerique,
    #[serde(rename = "emploi")]
    Emploi,
    #[serde(rename = "alimentation")]
    Alimentation,
    #[serde(rename = "sante")]
    Sante,
    #[serde(rename = "jeunesse")]
    Jeunesse,
    #[serde(rename = "seniors")]
    Seniors,
    /// Français langue étrangère, ateliers sociolinguistiques.
    #[serde(rename = "fle_asl")]
    FleAsl,
    #[serde(rename = "parentalite")]
    Parentalite,
    #[serde(rename = "culture_loisirs")]
    CultureLoisirs,
    #[serde(rename = "logement")]
    Logement,
    /// Peace and safety in the residence: mediation, neighbour disputes, night patrols.
    #[serde(rename = "tranquillite")]
    Tranquillite,
}

impl Theme {
    /// In the order the issue lists them, which is the order of the chips on screen.
    pub const ALL: [Theme; 12] = [
        Theme::AccesAuxDroits,
        Theme::Numerique,
        Theme::Emploi,
        Theme::Alimentation,
        Theme::Sante,
        Theme::Jeunesse,
        Theme::Seniors,
        Theme::FleAsl,
        Theme::Parentalite,
        Theme::CultureLoisirs,
        Theme::Logement,
        Theme::Tranquillite,
    ];

    pub fn wire_name(self) -> &'static str {
        match self {
            Theme::AccesAuxDroits => "acces_aux_droits",
            Theme::Numerique => "numerique",
            Theme::Emploi => "emploi",
            Theme::Alimentation => "alimentation",
            Theme::Sante => "sante",
            Theme::Jeunesse => "jeunesse",
            Theme::Seniors => "seniors",
            Theme::FleAsl => "fle_asl",
            Theme::Parentalite => "parentalite",
            Theme::CultureLoisirs => "culture_loisirs",
            Theme::Logement => "logement",
            Theme::Tranquillite => "tranquillite",
        }
    }

    /// The theme an indicator's key names (`Activity::partner_contacts_by_theme`).
    pub fn from_wire_name(name: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.wire_name() == name)
    }

    /// The words a volunteer types when looking for this theme without knowing its name: "colis"
    /// finds food aid, "papiers" access to rights. French, since the field speaks French.
    pub fn keywords(self) -> &'static [&'static str] {
        match self {
            Theme::AccesAuxDroits => &[
                "droits",
                "papiers",
                "démarches",
                "administratif",
                "caf",
                "aides",
                "juridique",
            ],
            Theme::Numerique => &["informatique", "ordinateur", "internet", "smartphone"],
            Theme::Emploi => &["travail", "insertion", "formation", "cv", "chantier"],
            Theme::Alimentation => &["colis", "épicerie", "repas", "aide alimentaire"],
            Theme::Sante => &["médecin", "soins", "prévention", "psychologue"],
            Theme::Jeunesse => &["jeunes", "ados", "devoirs", "enfants"],
            Theme::Seniors => &["âgées", "retraités", "isolement"],
            Theme::FleAsl => &["français", "langue", "alphabétisation", "fle", "asl"],
            Theme::Parentalite => &["parents", "famille", "enfants"],
            Theme::CultureLoisirs => &["sport", "sorties", "loisirs", "culture", "fête"],
            Theme::Logement => &["loyer", "impayés", "énergie", "budget", "déménagement"],
            Theme::Tranquillite => &["médiation", "voisinage", "sécurité", "nuisances"],
        }
    }
}

/// How a contact with a partner happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Channel {
    #[serde(rename = "visite")]
    Visite,
    #[serde(rename = "telephone")]
    Telephone,
    #[serde(rename = "email")]
    Email,
    #[serde(rename = "reunion")]
    Reunion,
    #[serde(rename = "evenement")]
    Evenement,
}

impl Channel {
    pub const ALL: [Channel; 5] = [
        Channel::Visite,
        Channel::Telephone,
        Channel::Email,
        Channel::Reunion,
        Channel::Evenement,
    ];

    pub fn wire_name(self) -> &'static str {
        match self {
            Channel::Visite => "visite",
            Channel::Telephone => "telephone",
            Channel::Email => "email",
            Channel::Reunion => "reunion",
            Channel::Evenement => "evenement",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_names_are_the_serde_names() {
        for kind in PartnerKind::ALL {
            let json = serde_json::to_value(kind).unwrap();
            assert_eq!(json, kind.wire_name());
        }
        for theme in Theme::ALL {
            let json = serde_json::to_value(theme).unwrap();
            assert_eq!(json, theme.wire_name());
            assert_eq!(serde_json::from_value::<Theme>(json).unwrap(), theme);
            assert_eq!(Theme::from_wire_name(theme.wire_name()), Some(theme));
        }
        for kind in PartnerKind::ALL {
            assert_eq!(PartnerKind::from_wire_name(kind.wire_name()), Some(kind));
        }
        let channels: Vec<String> = Channel::ALL
            .iter()
            .map(|c| {
                serde_json::to_value(c)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect();
        assert_eq!(
            channels,
            ["visite", "telephone", "email", "reunion", "evenement"]
        );
    }
}
