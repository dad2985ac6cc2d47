//! Which column of the file says what: the fields Palier reads from a dwelling file, the header
//! names it recognises (RPLS 2017–2019, RPLS 2023+ with `_CODE`/`_LIBELLE`, and the usual names
//! of landlords' own exports), and what a mapping needs before any door can be built.
//!
//! Header names are compared without case, accents, spaces, dots, underscores or dashes, so
//! "N° appartement", "NUM_APPT" and "num.appt" all meet their entry below.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::words::compact_key;
use crate::i18n::Locale;

/// What Palier reads from a dwelling file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// The landlord's own dwelling reference (absent from the public RPLS file).
    LandlordRef,
    /// Groupe / programme / résidence name.
    ResidenceName,
    /// NUMVOIE.
    StreetNumber,
    /// INDREP: bis, ter…
    RepetitionIndex,
    /// TYPVOIE: rue, avenue…
    StreetType,
    /// NOMVOIE.
    StreetName,
    /// A single column holding the whole street address.
    FullAddress,
    /// LIEUDIT: the address of dwellings that have no street.
    Locality,
    Postcode,
    /// LIBCOM / DEPCOM_LIBELLE.
    Commune,
    /// DEPCOM / DEPCOM_CODE: INSEE code.
    CommuneCode,
    /// QPV (1 in, 2 out) or QPV_CODE (a code when in).
    Qpv,
    /// BAT.
    Building,
    /// IMMEU: used as the building when BAT says nothing.
    Immeuble,
    /// ENTREE.
    Entrance,
    /// ESC.
    Staircase,
    /// ETAGE.
    Floor,
    /// NUMAPPT / porte.
    Apartment,
    /// NBPIECE / typologie.
    Rooms,
}

impl Field {
    /// In the order of the mapping screen: who, where, then the door itself.
    pub const ALL: [Field; 19] = [
        Field::ResidenceName,
        Field::StreetNumber,
        Field::RepetitionIndex,
        Field::StreetType,
        Field::StreetName,
        Field::FullAddress,
        Field::Locality,
        Field::Postcode,
        Field::Commune,
        Field::CommuneCode,
        Field::Qpv,
        Field::Building,
        Field::Immeuble,
        Field::Entrance,
        Field::Staircase,
        Field::Floor,
        Field::Apartment,
        Field::LandlordRef,
        Field::Rooms,
    ];

    /// The field's name on the mapping screen.
    pub fn label(self, locale: Locale) -> &'static str {
        let [fr, en, ar] = match self {
            Field::LandlordRef => ["Référence du logement", "Dwelling reference", "مرجع المسكن"],
            Field::ResidenceName => [
                "Résidence (groupe, programme)",
                "Residence (group, programme)",
                "الإقامة (المجموعة)",
            ],
            Field::StreetNumber => [
                "Numéro dans la rue",
                "Street number",
                "رقم المبنى في الشارع",
            ],
            Field::RepetitionIndex => ["Bis, ter", "Bis, ter", "مكرر (bis، ter)"],
            Field::StreetType => [
                "Type de voie (rue, avenue…)",
                "Street type (rue, avenue…)",
                "نوع الطريق (شارع، جادة…)",
            ],
            Field::StreetName => ["Nom de la rue", "Street name", "اسم الشارع"],
            Field::FullAddress => ["Adresse complète", "Full address", "العنوان الكامل"],
            Field::Locality => ["Lieu-dit", "Locality (lieu-dit)", "اسم المكان"],
            Field::Postcode => ["Code postal", "Postcode", "الرمز البريدي"],
            Field::Commune => ["Commune", "Town (commune)", "البلدية"],
            Field::CommuneCode => [
                "Code de la commune (INSEE)",
                "Commune code (INSEE)",
                "رمز البلدية (INSEE)",
            ],
            Field::Qpv => [
                "Quartier prioritaire (QPV)",
                "Priority neighbourhood (QPV)",
                "حي ذو أولوية (QPV)",
            ],
            Field::Building => ["Bâtiment", "Building", "المبنى"],
            Field::Immeuble => ["Immeuble", "Block (immeuble)", "العمارة"],
            Field::Entrance => ["Entrée", "Entrance", "المدخل"],
            Field::Staircase => ["Escalier", "Staircase", "الدرج"],
            Field::Floor => ["Étage", "Floor", "الطابق"],
            Field::Apartment => ["Numéro de l'appartement", "Apartment number", "رقم الشقة"],
            Field::Rooms => [
                "Nombre de pièces (T1, T2…)",
                "Number of rooms (T1, T2…)",
                "عدد الغرف (T1، T2…)",
            ],
        };
        match locale {
            Locale::Fr => fr,
            Locale::En => en,
            Locale::Ar => ar,
        }
    }

    /// Header names for this field, compared as [`compact_key`]s, best first: when two columns
    /// could serve, the one whose name comes earlier here wins.
    fn header_names(self) -> &'static [&'static str] {
        match self {
            Field::LandlordRef => &[
                "reflogement",
                "referencelogement",
                "referencedulogement",
                "codelogement",
                "idlogement",
                "identifiantlogement",
                "numlogement",
                "nlogement",
                "nologement",
                "numerologement",
                "numerodelogement",
                "reflgt",
                "codelgt",
                "numlgt",
                "reference",
                "ref",
                "refbailleur",
            ],
            Field::ResidenceName => &[
                "residence",
                "nomresidence",
                "libelleresidence",
                "groupe",
                "nomgroupe",
                "libellegroupe",
                "programme",
                "nomprogramme",
                "libelleprogramme",
                "ensembleimmobilier",
                "codegroupe",
                "codeprogramme",
                "numgroupe",
            ],
            Field::StreetNumber => &[
                "numvoie",
                "numerovoie",
                "numerodevoie",
                "nvoie",
                "novoie",
                "numrue",
                "numerorue",
            ],
            Field::RepetitionIndex => &[
                "indrep",
                "indicerepetition",
                "indicederepetition",
                "btq",
                "bister",
            ],
            Field::StreetType => &["typvoie", "typevoie", "typedevoie", "naturevoie"],
            Field::StreetName => &[
                "nomvoie",
                "nomdevoie",
                "libellevoie",
                "libvoie",
                "nomrue",
                "voie",
                "rue",
            ],
            Field::FullAddress => &[
                "adresse",
                "adressecomplete",
                "adresselogement",
                "adressepostale",
                "adresse1",
                "adresseligne1",
                "adr",
            ],
            Field::Locality => &["lieudit"],
            Field::Postcode => &["codepostal", "cp", "cpostal"],
            Field::Commune => &[
                "libcom",
                "depcomlibelle",
                "commune",
                "nomcommune",
                "libellecommune",
                "ville",
                "localite",
            ],
            Field::CommuneCode => &[
                "depcom",
                "depcomcode",
                "codecommune",
                "codeinsee",
                "codeinseecommune",
                "insee",
                "comcode",
            ],
            Field::Qpv => &["qpv", "qpvcode", "codeqpv", "quartierprioritaire"],
            Field::Building => &[
                "bat",
                "batiment",
                "nombatiment",
                "codebatiment",
                "numbatiment",
                "libellebatiment",
            ],
            Field::Immeuble => &["immeu", "immeuble", "codeimmeuble", "numimmeuble"],
            Field::Entrance => &[
                "entree",
                "numentree",
                "codeentree",
                "cage",
                "numcage",
                "cagedescalier",
            ],
            Field::Staircase => &["esc", "escalier", "numescalier"],
            Field::Floor => &["etage", "numetage", "niveau", "etg"],
            Field::Apartment => &[
                "numappt",
                "numapt",
                "numappart",
                "numeroappartement",
                "numerodappartement",
                "nappartement",
                "noappartement",
                "nappt",
                "noappt",
                "appartement",
                "appt",
                "porte",
                "numporte",
                "nporte",
                "numerodeporte",
                "numeroporte",
            ],
            Field::Rooms => &[
                "nbpiece",
                "nbpieces",
                "nombrepieces",
                "nombredepieces",
                "pieces",
                "typologie",
                "typo",
                "typelogement",
                "typedelogement",
            ],
        }
    }
}

/// What a mapping must give before any door can be built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequiredColumn {
    /// A street name, a full address or a lieu-dit: where the door is.
    Address,
    /// A floor, an apartment number or the landlord's reference: which door it is.
    FloorOrDoor,
}

impl RequiredColumn {
    pub fn text(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (RequiredColumn::Address, Locale::Fr) => {
                "une colonne d'adresse (nom de la rue, NOMVOIE, ou adresse complète)"
            }
            (RequiredColumn::Address, Locale::En) => {
                "an address column (street name, NOMVOIE, or full address)"
            }
            (RequiredColumn::Address, Locale::Ar) => {
                "عمود للعنوان (اسم الشارع NOMVOIE أو العنوان الكامل)"
            }
            (RequiredColumn::FloorOrDoor, Locale::Fr) => {
                "une colonne pour l'étage (ETAGE), le numéro de l'appartement ou la référence du logement"
            }
            (RequiredColumn::FloorOrDoor, Locale::En) => {
                "a column for the floor (ETAGE), the apartment number or the dwelling reference"
            }
            (RequiredColumn::FloorOrDoor, Locale::Ar) => {
                "عمود للطابق (ETAGE) أو رقم الشقة أو مرجع المسكن"
            }
        }
    }
}

/// Which column (0-based) holds each field. A field absent from the map is not read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mapping {
    columns: BTreeMap<Field, usize>,
}

impl Mapping {
    pub fn column(&self, field: Field) -> Option<usize> {
        self.columns.get(&field).copied()
    }

    /// The field read from `column`, for a mapping screen laid out column by column.
    pub fn field_of(&self, column: usize) -> Option<Field> {
        self.columns
            .iter()
            .find(|&(_, &c)| c == column)
            .map(|(&f, _)| f)
    }

    /// Reads `field` from `column`, or stops reading it.
    pub fn set(&mut self, field: Field, column: Option<usize>) {
        match column {
            Some(column) => self.columns.insert(field, column),
            None => self.columns.remove(&field),
        };
    }

    /// Makes `column` say `field` and nothing else: what choosing in a column's drop-down means.
    pub fn assign(&mut self, column: usize, field: Option<Field>) {
        self.columns.retain(|_, c| *c != column);
        if let Some(field) = field {
            self.columns.insert(field, column);
        }
    }

    pub fn fields(&self) -> impl Iterator<Item = (Field, usize)> + '_ {
        self.columns.iter().map(|(&f, &c)| (f, c))
    }

    pub fn missing_required(&self) -> Vec<RequiredColumn> {
        let has = |fields: &[Field]| fields.iter().any(|&f| self.column(f).is_some());
        let mut missing = Vec::new();
        if !has(&[Field::StreetName, Field::FullAddress, Field::Locality]) {
            missing.push(RequiredColumn::Address);
        }
        if !has(&[Field::Floor, Field::Apartment, Field::LandlordRef]) {
            missing.push(RequiredColumn::FloorOrDoor);
        }
        missing
    }

    pub fn is_usable(&self) -> bool {
        self.missing_required().is_empty()
    }
}

/// Recognises the columns of a header. Each field goes to the column whose name ranks best for
/// it; on equal names (a duplicated column) the first one wins and [`duplicate_columns`] says so.
pub fn suggest_mapping(header: &[String]) -> Mapping {
    let keys: Vec<String> = header.iter().map(|h| compact_key(h)).collect();
    let mut mapping = Mapping::default();
    for field in Field::ALL {
        let names = field.header_names();
        let best = keys
            .iter()
            .enumerate()
            .filter_map(|(column, key)| {
                let rank = names.iter().position(|name| name == key)?;
                Some((rank, column))
            })
            .min();
        if let Some((_, column)) = best {
            mapping.set(field, Some(column));
        }
    }
    mapping
}

/// A header name that appears more than once (ignoring case and accents).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuplicateColumn {
    /// As written in the first of them.
    pub name: String,
    /// 0-based columns, in order.
    pub columns: Vec<usize>,
}

pub fn duplicate_columns(header: &[String]) -> Vec<DuplicateColumn> {
    let mut by_key: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (column, name) in header.iter().enumerate() {
        let key = compact_key(name);
        if !key.is_empty() {
            by_key.entry(key).or_default().push(column);
        }
    }
    let mut duplicates: Vec<DuplicateColumn> = by_key
        .into_values()
        .filter(|columns| columns.len() > 1)
        .map(|columns| DuplicateColumn {
            name: header[columns[0]].trim().to_owned(),
            columns,
        })
        .collect();
    duplicates.sort_by_key(|d| d.columns[0]);
    duplicates
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(names: &str) -> Vec<String> {
        names.split(';').map(str::to_owned).collect()
    }

    const OLD_RPLS: &str = "DROIT;DEPCOM;CODEPOSTAL;LIBCOM;NUMVOIE;INDREP;TYPVOIE;NOMVOIE;NUMAPPT;NUMBOITE;ESC;COULOIR;ETAGE;COMPLIDENT;ENTREE;BAT;IMMEU;COMPLGEO;LIEUDIT;QPV;TYPECONST;NBPIECE;SURFHAB;CONSTRUCT;LOCAT;PATRIMOINE;ORIGINE;FINAN;FINANAUTRE;CONV;NUMCONV;DATCONV;NEWLOGT;CUS;DPEDATE;DPEENERGIE;DPESERRE;SRU_EXPIR;SRU_ALINEA;CODSEGPATRIM;LIBSEGPATRIM";

    #[test]
    fn the_2017_2019_rpls_header_is_recognised() {
        let mapping = suggest_mapping(&header(OLD_RPLS));
        let expect = [
            (Field::CommuneCode, 1),
            (Field::Postcode, 2),
            (Field::Commune, 3),
            (Field::StreetNumber, 4),
            (Field::RepetitionIndex, 5),
            (Field::StreetType, 6),
            (Field::StreetName, 7),
            (Field::Apartment, 8),
            (Field::Staircase, 10),
            (Field::Floor, 12),
            (Field::Entrance, 14),
            (Field::Building, 15),
            (Field::Immeuble, 16),
            (Field::Locality, 18),
            (Field::Qpv, 19),
            (Field::Rooms, 21),
        ];
        for (field, column) in expect {
            assert_eq!(mapping.column(field), Some(column), "{field:?}");
        }
        assert_eq!(mapping.column(Field::LandlordRef), None);
        assert!(mapping.is_usable());
    }

    #[test]
    fn the_recent_rpls_header_is_recognised_in_any_case() {
        let names = "reg_code;reg_libelle;dep_code;depcom_code;depcom_libelle;codepostal;numvoie;indrep;typvoie;nomvoie;complgeo;lieudit;etage;qpv_code;qpv_libelle;nbpiece;surfhab;x;y;plg_qp";
        let mapping = suggest_mapping(&header(names));
        assert_eq!(mapping.column(Field::CommuneCode), Some(3));
        assert_eq!(mapping.column(Field::Commune), Some(4));
        assert_eq!(mapping.column(Field::StreetName), Some(9));
        assert_eq!(mapping.column(Field::Floor), Some(12));
        assert_eq!(mapping.column(Field::Qpv), Some(13));
        assert_eq!(mapping.column(Field::Rooms), Some(15));
        assert!(mapping.is_usable());
        // From 2025 the commune code column is plain DEPCOM again.
        let from_2025 = suggest_mapping(&header("DEPCOM;DEPCOM_LIBELLE;NOMVOIE;ETAGE"));
        assert_eq!(from_2025.column(Field::CommuneCode), Some(0));
        assert_eq!(from_2025.column(Field::Commune), Some(1));
    }

    #[test]
    fn a_landlords_own_export_is_recognised() {
        let names = "Réf. logement;Groupe;Adresse;Code postal;Ville;Bâtiment;Cage;Escalier;Étage;N° appartement;Typologie";
        let mapping = suggest_mapping(&header(names));
        let expect = [
            (Field::LandlordRef, 0),
            (Field::ResidenceName, 1),
            (Field::FullAddress, 2),
            (Field::Postcode, 3),
            (Field::Commune, 4),
            (Field::Building, 5),
            (Field::Entrance, 6),
            (Field::Staircase, 7),
            (Field::Floor, 8),
            (Field::Apartment, 9),
            (Field::Rooms, 10),
        ];
        for (field, column) in expect {
            assert_eq!(mapping.column(field), Some(column), "{field:?}");
        }
        let other = suggest_mapping(&header("Code logement;Programme;N° voie;Nom de voie;Porte"));
        assert_eq!(other.column(Field::LandlordRef), Some(0));
        assert_eq!(other.column(Field::ResidenceName), Some(1));
        assert_eq!(other.column(Field::StreetNumber), Some(2));
        assert_eq!(other.column(Field::StreetName), Some(3));
        assert_eq!(other.column(Field::Apartment), Some(4));
    }

    #[test]
    fn the_better_name_wins_when_two_columns_could_serve() {
        // "Résidence" outranks "Code groupe" for the résidence's name, wherever it stands.
        let mapping = suggest_mapping(&header("Code groupe;Résidence;NOMVOIE;ETAGE"));
        assert_eq!(mapping.column(Field::ResidenceName), Some(1));
    }

    #[test]
    fn missing_columns_are_named() {
        let mapping = suggest_mapping(&header("NUMVOIE;NBPIECE"));
        assert!(!mapping.is_usable());
        assert_eq!(
            mapping.missing_required(),
            [RequiredColumn::Address, RequiredColumn::FloorOrDoor]
        );
        let with_ref = suggest_mapping(&header("adresse;référence"));
        assert!(with_ref.is_usable());
        let street_only = suggest_mapping(&header("NOMVOIE"));
        assert_eq!(
            street_only.missing_required(),
            [RequiredColumn::FloorOrDoor]
        );
    }

    #[test]
    fn duplicate_column_names_are_reported_and_the_first_is_used() {
        let names = header("NOMVOIE;ETAGE;Étage;BAT;etage");
        let duplicates = duplicate_columns(&names);
        assert_eq!(
            duplicates,
            [DuplicateColumn {
                name: "ETAGE".into(),
                columns: vec![1, 2, 4]
            }]
        );
        assert_eq!(suggest_mapping(&names).column(Field::Floor), Some(1));
        assert!(duplicate_columns(&header("A;B;;")).is_empty());
    }

    #[test]
    fn a_mapping_screen_can_change_columns() {
        let mut mapping = suggest_mapping(&header("NOMVOIE;ETAGE;Porte"));
        mapping.assign(2, Some(Field::LandlordRef));
        assert_eq!(mapping.field_of(2), Some(Field::LandlordRef));
        assert_eq!(mapping.column(Field::Apartment), None);
        mapping.assign(1, None);
        assert_eq!(mapping.column(Field::Floor), None);
        mapping.set(Field::Floor, Some(1));
        assert_eq!(mapping.field_of(1), Some(Field::Floor));
        assert_eq!(mapping.fields().count(), 3);
    }

    #[test]
    fn every_field_has_a_label_in_every_language() {
        for field in Field::ALL {
            for locale in Locale::ALL {
                assert!(!field.label(locale).is_empty(), "{field:?} {locale:?}");
            }
        }
    }
}
