//! The territory a coordinator attaches to a campaign once, at the office, for every enrolled
//! tablet: the résidences of one or more dwelling files (read by [`crate::import`]) merged into
//! the campaign's one territory document, its version, and how a tablet knows it must fetch it.
//!
//! The territory is campaign content, not events: one document per campaign on the server, with
//! a version (a hash of its content). A pull answer names the current version; a tablet whose
//! last fetched version differs fetches the document and merges it into its own résidences with
//! [`Territory::merge_import`] — the same merge as a file imported on the tablet, so doors a
//! tablet already had from the same file are not doubled and its own imports keep working.

pub mod words;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::HashSet;

use crate::import::MergeSummary;
use crate::territory::{Residence, ResidenceId, Territory};

/// The most doors a campaign's territory may hold: a large landlord's whole estate in one
/// campaign (a 50,000-door RPLS file fits twice).
pub const MAX_DOORS: usize = 100_000;

/// The largest attach request the server reads. A door weighs about 150 bytes of JSON, so a
/// 50,000-door file is about 8 MB; the whole of [`MAX_DOORS`] fits.
pub const MAX_ATTACH_BYTES: usize = 32 * 1024 * 1024;

/// The longest id or text of a résidence, bâtiment, entrée or door: ids are derived from
/// addresses and references, never free text.
pub const MAX_TEXT_CHARS: usize = 400;

/// What the coordinator's screen sends: the territory read from the file, valid lines only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachRequest {
    pub residences: Vec<Residence>,
}

/// What a tablet fetches: the campaign's whole territory and its version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignTerritory {
    pub campaign: String,
    pub version: String,
    pub residences: Vec<Residence>,
}

/// How many of each, in the field's words.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub residences: usize,
    pub buildings: usize,
    pub entrances: usize,
    pub doors: usize,
}

impl Counts {
    pub fn of(territory: &Territory) -> Counts {
        Counts {
            residences: territory.residences.len(),
            buildings: territory.building_count(),
            entrances: territory.entrance_count(),
            doors: territory.door_count(),
        }
    }
}

/// One attached résidence, as the coordinator's screen lists it (and the join links beside it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachedResidence {
    pub id: ResidenceId,
    pub name: String,
    pub address: String,
    pub doors: usize,
}

/// What is attached to a campaign: counts, résidences, when and by whom it last changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attached {
    /// `None` while nothing is attached.
    pub version: Option<String>,
    pub counts: Counts,
    pub residences: Vec<AttachedResidence>,
    pub updated_at_ms: Option<i64>,
    pub updated_by: Option<String>,
}

impl Attached {
    pub fn of(territory: &Territory, version: Option<String>) -> Attached {
        Attached {
            version,
            counts: Counts::of(territory),
            residences: territory
                .residences
                .iter()
                .map(|r| AttachedResidence {
                    id: r.id.clone(),
                    name: r.name.clone(),
                    address: r.address.clone(),
                    doors: r.door_count(),
                })
                .collect(),
            updated_at_ms: None,
            updated_by: None,
        }
    }
}

/// The server's answer to an attach: what is attached now, and what this file added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachResponse {
    pub attached: Attached,
    pub added: MergeSummary,
}

/// Why a territory is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TerritoryProblem {
    /// No door at all (a file whose lines were all left out).
    Empty,
    /// The campaign would hold more than [`MAX_DOORS`] doors.
    TooLarge { doors: usize },
    /// An empty id, a text over [`MAX_TEXT_CHARS`], or a door listed twice: not what the
    /// import makes, so not from Palier's import screen.
    Malformed { detail: String },
}

impl TerritoryProblem {
    /// The API's stable code.
    pub fn code(&self) -> &'static str {
        match self {
            TerritoryProblem::Empty => "territory_empty",
            TerritoryProblem::TooLarge { .. } => "territory_too_large",
            TerritoryProblem::Malformed { .. } => "territory_invalid",
        }
    }

    /// Whether the API answers 413 rather than 400.
    pub fn is_too_large(&self) -> bool {
        matches!(self, TerritoryProblem::TooLarge { .. })
    }
}

impl std::fmt::Display for TerritoryProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TerritoryProblem::Empty => f.write_str("the territory holds no door"),
            TerritoryProblem::TooLarge { doors } => write!(
                f,
                "the campaign's territory would hold {doors} doors; at most {MAX_DOORS}"
            ),
            TerritoryProblem::Malformed { detail } => write!(f, "not a valid territory: {detail}"),
        }
    }
}

fn malformed(detail: impl Into<String>) -> TerritoryProblem {
    TerritoryProblem::Malformed {
        detail: detail.into(),
    }
}

fn check_text(what: &str, text: &str, may_be_empty: bool) -> Result<(), TerritoryProblem> {
    if !may_be_empty && text.trim().is_empty() {
        return Err(malformed(format!("{what} is empty")));
    }
    if text.chars().count() > MAX_TEXT_CHARS {
        return Err(malformed(format!(
            "{what} is longer than {MAX_TEXT_CHARS} characters"
        )));
    }
    Ok(())
}

/// Checks a territory sent for attaching: ids present, texts of a sane length, each door once,
/// at least one door.
pub fn check(territory: &Territory) -> Result<(), TerritoryProblem> {
    let mut doors = HashSet::new();
    for residence in &territory.residences {
        check_text("a résidence id", residence.id.as_str(), false)?;
        for (what, text) in [
            ("a résidence name", &residence.name),
            ("an address", &residence.address),
            ("a postcode", &residence.postcode),
            ("a commune", &residence.commune),
            ("a commune code", &residence.commune_code),
        ] {
            check_text(what, text, true)?;
        }
        if let Some(link) = &residence.join_link {
            check_text("a join link", link, true)?;
        }
        for building in &residence.buildings {
            check_text("a bâtiment id", building.id.as_str(), false)?;
            check_text("a bâtiment name", &building.name, true)?;
            for entrance in &building.entrances {
                check_text("an entrée id", entrance.id.as_str(), false)?;
                check_text("an entrée name", &entrance.name, true)?;
                check_text("access notes", &entrance.access_notes, true)?;
                for door in &entrance.doors {
                    check_text("a door id", door.id.as_str(), false)?;
                    for text in [&door.apartment, &door.landlord_ref].into_iter().flatten() {
                        check_text("a door's number", text, true)?;
                    }
                    if !doors.insert(door.id.as_str()) {
                        return Err(malformed(format!("door {} is listed twice", door.id)));
                    }
                    if doors.len() > MAX_DOORS {
                        return Err(TerritoryProblem::TooLarge { doors: doors.len() });
                    }
                }
            }
        }
    }
    if doors.is_empty() {
        return Err(TerritoryProblem::Empty);
    }
    Ok(())
}

/// Adds a file's territory to what the campaign has: checked, merged by door id (a file
/// attached again adds nothing), and the whole kept within [`MAX_DOORS`].
pub fn attach(
    mut current: Territory,
    incoming: Territory,
) -> Result<(Territory, MergeSummary), TerritoryProblem> {
    check(&incoming)?;
    let added = current.merge_import(incoming);
    let doors = current.door_count();
    if doors > MAX_DOORS {
        return Err(TerritoryProblem::TooLarge { doors });
    }
    Ok((current, added))
}

/// The version of a territory: the first 16 bytes of the SHA-256 of its JSON, in hex. Equal
/// territories have equal versions; a file attached again leaves it as it was.
pub fn version(territory: &Territory) -> String {
    let json = serde_json::to_vec(territory).unwrap_or_default();
    let digest = Sha256::digest(&json);
    digest[..16].iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether a tablet must fetch the campaign's territory: the server offers a version and it is
/// not the one the tablet merged last.
pub fn needs_fetch(merged: Option<&str>, offered: Option<&str>) -> bool {
    offered.is_some_and(|offered| merged != Some(offered))
}

/// What a tablet does with a fetched territory: merges it into its own résidences (those of its
/// own imports and earlier fetches), as an import of the same doors would.
pub fn receive(local: &mut Territory, campaign: CampaignTerritory) -> MergeSummary {
    local.merge_import(Territory {
        residences: campaign.residences,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::preview;

    const HEADER: &str =
        "DEPCOM;CODEPOSTAL;LIBCOM;NUMVOIE;TYPVOIE;NOMVOIE;BAT;ESC;ETAGE;NUMAPPT;NBPIECE";

    fn file(lines: &[&str]) -> Territory {
        let text = [&[HEADER][..], lines].concat().join("\n");
        let preview = preview(text.as_bytes(), None);
        assert_eq!(preview.problems, []);
        preview.territory
    }

    const TILLEULS: [&str; 3] = [
        "69256;69120;VAULX;12;RUE;DES TILLEULS;A;1;0;01;3",
        "69256;69120;VAULX;12;RUE;DES TILLEULS;A;1;1;11;3",
        "69256;69120;VAULX;12;RUE;DES TILLEULS;A;2;1;12;2",
    ];
    const ERABLES: [&str; 2] = [
        "93031;93800;EPINAY;4;ALL;DES ERABLES;;;2;21;4",
        "93031;93800;EPINAY;4;ALL;DES ERABLES;;;3;31;4",
    ];

    #[test]
    fn attaching_the_same_file_twice_adds_nothing_and_keeps_the_version() {
        let (first, added) = attach(Territory::default(), file(&TILLEULS)).expect("attached");
        assert_eq!(added.doors_added, 3);
        assert_eq!(Counts::of(&first).entrances, 2);
        let (again, added_again) = attach(first.clone(), file(&TILLEULS)).expect("attached");
        assert_eq!(added_again.doors_added, 0);
        assert_eq!(added_again.doors_already_known, 3);
        assert_eq!(again, first);
        assert_eq!(version(&again), version(&first));
    }

    #[test]
    fn a_second_file_adds_to_the_territory_and_changes_the_version() {
        let (first, _) = attach(Territory::default(), file(&TILLEULS)).expect("attached");
        let (both, added) = attach(first.clone(), file(&ERABLES)).expect("attached");
        assert_eq!(added.residences_added, 1);
        assert_eq!(added.doors_added, 2);
        assert_eq!(Counts::of(&both).residences, 2);
        assert_eq!(Counts::of(&both).doors, 5);
        assert_ne!(version(&both), version(&first));
        assert_eq!(version(&both).len(), 32);
    }

    #[test]
    fn an_empty_or_malformed_territory_is_refused_with_its_code() {
        assert_eq!(
            attach(Territory::default(), Territory::default()).unwrap_err(),
            TerritoryProblem::Empty
        );
        let mut twice = file(&TILLEULS);
        let door = twice.residences[0].buildings[0].entrances[0].doors[0].clone();
        twice.residences[0].buildings[0].entrances[0]
            .doors
            .push(door);
        assert_eq!(check(&twice).unwrap_err().code(), "territory_invalid");
        let mut long = file(&TILLEULS);
        long.residences[0].name = "x".repeat(MAX_TEXT_CHARS + 1);
        assert_eq!(check(&long).unwrap_err().code(), "territory_invalid");
        let mut no_id = file(&TILLEULS);
        no_id.residences[0].id = ResidenceId(" ".into());
        assert_eq!(check(&no_id).unwrap_err().code(), "territory_invalid");
    }

    #[test]
    fn a_territory_over_the_door_limit_is_too_large() {
        let mut big = file(&TILLEULS[..1]);
        let template = big.residences[0].buildings[0].entrances[0].doors[0].clone();
        let doors = &mut big.residences[0].buildings[0].entrances[0].doors;
        doors.clear();
        for n in 0..=MAX_DOORS {
            let mut door = template.clone();
            door.id = crate::territory::DoorId(format!("door-{n}"));
            doors.push(door);
        }
        let problem = attach(Territory::default(), big).unwrap_err();
        assert!(problem.is_too_large());
        assert_eq!(problem.code(), "territory_too_large");
    }

    #[test]
    fn fifty_thousand_doors_fit_in_the_request_limit() {
        let lines: Vec<String> = (0..50_000)
            .map(|n| {
                format!(
                    "69256;69120;VAULX-EN-VELIN;{};RUE;DES TILLEULS;{};{};{};{};3",
                    n / 1000,
                    (n / 100) % 10,
                    (n / 20) % 5,
                    (n / 4) % 5,
                    n
                )
            })
            .collect();
        let text = [vec![HEADER.to_owned()], lines].concat().join("\n");
        let territory = preview(text.as_bytes(), None).territory;
        assert_eq!(territory.door_count(), 50_000);
        let body = serde_json::to_vec(&AttachRequest {
            residences: territory.residences.clone(),
        })
        .expect("json");
        assert!(
            body.len() < MAX_ATTACH_BYTES,
            "{} bytes for 50,000 doors",
            body.len()
        );
        assert!(attach(Territory::default(), territory).is_ok());
    }

    #[test]
    fn a_tablet_fetches_only_a_version_it_has_not_merged() {
        assert!(!needs_fetch(None, None));
        assert!(!needs_fetch(Some("a"), None));
        assert!(needs_fetch(None, Some("a")));
        assert!(needs_fetch(Some("a"), Some("b")));
        assert!(!needs_fetch(Some("b"), Some("b")));
    }

    #[test]
    fn a_tablet_that_imported_the_same_file_ends_without_duplicates() {
        let mut tablet = crate::demo_territory::territory();
        let demo_doors = tablet.door_count();
        tablet.merge_import(file(&TILLEULS));
        let (campaign, _) = attach(Territory::default(), file(&TILLEULS)).expect("attached");
        let (campaign, _) = attach(campaign, file(&ERABLES)).expect("attached");
        let fetched = CampaignTerritory {
            campaign: "quartier-nord".into(),
            version: version(&campaign),
            residences: campaign.residences,
        };
        let added = receive(&mut tablet, fetched.clone());
        assert_eq!(added.doors_added, 2);
        assert_eq!(added.doors_already_known, 3);
        assert_eq!(tablet.door_count(), demo_doors + 5);
        let again = receive(&mut tablet, fetched);
        assert_eq!(again.doors_added, 0);
        assert_eq!(tablet.door_count(), demo_doors + 5);
    }

    #[test]
    fn the_attached_summary_lists_each_residence_with_its_doors() {
        let (territory, _) = attach(Territory::default(), file(&TILLEULS)).expect("attached");
        let attached = Attached::of(&territory, Some(version(&territory)));
        assert_eq!(attached.residences.len(), 1);
        assert_eq!(attached.residences[0].doors, 3);
        assert_eq!(attached.counts.doors, 3);
        assert_eq!(attached.version, Some(version(&territory)));
    }

    #[test]
    fn the_last_pull_page_names_the_version_and_older_devices_still_read_it() {
        let page = crate::sync::PullResponse {
            events: Vec::new(),
            next_cursor: crate::sync::Cursor::from_position(7),
            more: false,
            territory: Some("0a1b".into()),
        };
        let body = serde_json::to_string(&page).expect("json");
        assert_eq!(
            body,
            r#"{"events":[],"next_cursor":"7","more":false,"territory":"0a1b"}"#
        );
        // A device built before the member reads the page as before, ignoring it.
        #[derive(serde::Deserialize)]
        struct V1Page {
            more: bool,
        }
        assert!(
            !serde_json::from_str::<V1Page>(&body)
                .expect("a v1 page")
                .more
        );
        let unattached = crate::sync::PullResponse {
            territory: None,
            ..page
        };
        let body = serde_json::to_string(&unattached).expect("json");
        assert!(!body.contains("territory"), "{body}");
        let read: crate::sync::PullResponse = serde_json::from_str(&body).expect("a page");
        assert_eq!(read.territory, None);
    }
}
