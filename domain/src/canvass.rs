//! Door-to-door vocabulary: what can happen at a door, the wellbeing question's answers. The
//! rules over them (a door's state, counters, next attempts, the day's summary) live in the
//! submodules.

pub mod counts;
pub mod follow_up;
pub mod next_attempt;
pub mod status;
pub mod summary;
pub mod to_confirm;
pub mod words;

use crate::calendar::{LocalDate, PartOfDay};
use serde::{Deserialize, Serialize};

/// What the volunteer records at a door, in the words of the field. On the wire:
/// `{"kind": "come_back", "on": "2026-11-26", "part": "morning"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DoorOutcome {
    /// Nobody opened.
    Absent,
    /// Someone opened and did not want to talk or sign up.
    Refused,
    /// Someone listened and is interested, without signing up (yet).
    Interested,
    /// A resident signed up (the `ResidentSignedUp` event holds the details).
    SignedUp,
    /// Come back later, when the resident said.
    ComeBack {
        on: LocalDate,
        part: Option<PartOfDay>,
    },
    /// Never knock again; the reason is kept so nobody asks twice.
    DoNotDisturb { reason: String },
    /// The door could not be reached (no access to the floor, door missing…).
    Inaccessible,
}

impl DoorOutcome {
    /// Whether someone opened and talked. "Ne pas déranger" is left out: its reason often comes
    /// from the gardien, a neighbour or a sign on the door, and counting it would inflate the
    /// share of doors that opened.
    pub fn someone_opened(&self) -> bool {
        matches!(
            self,
            DoorOutcome::Refused
                | DoorOutcome::Interested
                | DoorOutcome::SignedUp
                | DoorOutcome::ComeBack { .. }
        )
    }
}

/// "Comment vous sentez-vous dans votre résidence ?" — five faces, from very bad to very good.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Wellbeing(u8);

impl Wellbeing {
    pub const SCALE: std::ops::RangeInclusive<u8> = 1..=5;

    pub fn new(value: u8) -> Option<Wellbeing> {
        Wellbeing::SCALE
            .contains(&value)
            .then_some(Wellbeing(value))
    }

    pub fn value(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for Wellbeing {
    type Error = String;
    fn try_from(v: u8) -> Result<Wellbeing, String> {
        Wellbeing::new(v).ok_or_else(|| format!("wellbeing answers go from 1 to 5, not {v}"))
    }
}

impl From<Wellbeing> for u8 {
    fn from(w: Wellbeing) -> u8 {
        w.0
    }
}
