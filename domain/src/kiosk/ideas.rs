//! Shared-space ideas ("coloration"): for a room of a résidence whose use is not decided yet,
//! residents propose ideas at the kiosk and vote for those they like, anonymously, one vote per
//! idea per kiosk session. Ideas are shown to everyone who comes next, so their text is checked:
//! short, and without contact details. The tally is a fold of the events, in any order.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::language::KioskLanguage;
use super::privacy::has_contact_details;
use crate::event::{EventBody, EventEnvelope};
use crate::ids::DeviceId;
use crate::territory::ResidenceId;

/// "Jeux" is an idea; fewer letters is a slip of the finger.
pub const MIN_IDEA_CHARS: usize = 3;
/// An idea fits on a card in the list: a line or two, not a letter.
pub const MAX_IDEA_CHARS: usize = 140;

/// One idea across events (proposed, voted for, hidden). Random, chosen by the kiosk.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct IdeaId(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not an idea id (a lowercase UUID)")]
pub struct IdeaIdError(pub String);

impl IdeaId {
    /// From 16 bytes of a secure RNG, which the shell owns.
    pub fn from_random(bytes: [u8; 16]) -> IdeaId {
        IdeaId(DeviceId::from_random(bytes).into())
    }

    pub fn parse(input: &str) -> Result<IdeaId, IdeaIdError> {
        DeviceId::parse(input)
            .map(|_| IdeaId(input.to_owned()))
            .map_err(|_| IdeaIdError(input.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for IdeaId {
    type Error = IdeaIdError;
    fn try_from(value: String) -> Result<IdeaId, IdeaIdError> {
        IdeaId::parse(&value)
    }
}

impl From<IdeaId> for String {
    fn from(id: IdeaId) -> String {
        id.0
    }
}

/// A room whose use is still open to ideas: campaign content the coordinator sets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedRoom {
    pub residence: ResidenceId,
    /// Stable name of the room within its résidence ("salle-rdc-b").
    pub key: String,
    /// As residents know it: "la salle du rez-de-chaussée, bâtiment B".
    pub name: String,
    /// Closed once the decision is taken: the ideas stay visible, proposals and votes stop.
    pub open: bool,
}

impl SharedRoom {
    pub fn validate(&self) -> Result<(), IdeaProblem> {
        if !is_room_key(&self.key) {
            return Err(IdeaProblem::BadRoom);
        }
        if self.name.trim().is_empty() {
            return Err(IdeaProblem::Empty);
        }
        Ok(())
    }
}

/// Lowercase letters, digits, `-` and `_`: it names the room in events and URLs.
pub fn is_room_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 64
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// Why an idea (or a room) cannot be recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum IdeaProblem {
    #[error("the idea is empty")]
    Empty,
    #[error("the idea is shorter than {MIN_IDEA_CHARS} characters")]
    TooShort,
    #[error("the idea is longer than {MAX_IDEA_CHARS} characters")]
    TooLong,
    /// Shown to everyone: a phone number or an e-mail address has no place in it.
    #[error("the idea contains a phone number or an e-mail address")]
    ContactDetails,
    #[error("the room's key is not a plain name")]
    BadRoom,
}

/// The idea as it will be recorded (blanks tidied), or why it cannot be. A name or a door number
/// is not refused but warned about: see `privacy::personal_hint`.
pub fn check_idea(raw: &str) -> Result<String, IdeaProblem> {
    let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let chars = text.chars().count();
    if chars == 0 {
        Err(IdeaProblem::Empty)
    } else if chars < MIN_IDEA_CHARS {
        Err(IdeaProblem::TooShort)
    } else if chars > MAX_IDEA_CHARS {
        Err(IdeaProblem::TooLong)
    } else if has_contact_details(&text) {
        Err(IdeaProblem::ContactDetails)
    } else {
        Ok(text)
    }
}

/// A resident proposed an idea for a room (the `IdeaProposed` event). A coordinator may record
/// one too, to start the list with the ideas heard at the doors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdeaProposed {
    pub idea: IdeaId,
    pub residence: ResidenceId,
    pub room: String,
    /// As [`check_idea`] returns it.
    pub text: String,
    /// The language it is written in, for the card's `lang` and `dir`.
    pub language: KioskLanguage,
}

impl IdeaProposed {
    pub fn check(&self) -> Result<(), IdeaProblem> {
        if !is_room_key(&self.room) {
            return Err(IdeaProblem::BadRoom);
        }
        if check_idea(&self.text)? != self.text {
            // Not in its recorded form: a device that skipped the form's rule.
            return Err(IdeaProblem::Empty);
        }
        Ok(())
    }
}

/// One vote, anonymous: no session, no device in the body (the envelope's device is the kiosk).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdeaVoted {
    pub idea: IdeaId,
    pub residence: ResidenceId,
    pub room: String,
}

/// A coordinator took an idea off the list (offensive, naming someone, a duplicate).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdeaHidden {
    pub idea: IdeaId,
}

/// This kiosk session's votes, so that each idea gets at most one from the same resident. Part
/// of what the session wipe clears: the next resident votes afresh.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ballot {
    voted: BTreeSet<IdeaId>,
}

impl Ballot {
    /// Whether this vote counts: `false` when this session already voted for the idea.
    pub fn vote(&mut self, idea: &IdeaId) -> bool {
        self.voted.insert(idea.clone())
    }

    pub fn has_voted(&self, idea: &IdeaId) -> bool {
        self.voted.contains(idea)
    }
}

/// One idea on the list, with its votes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdeaCount {
    pub idea: IdeaId,
    pub text: String,
    pub language: KioskLanguage,
    pub votes: u32,
}

/// The ideas of a room, most voted first (then oldest first), hidden ones left out. Votes for an
/// idea not yet known (its proposal still on its way) are kept until it arrives; a re-synced copy
/// of an event counts once.
pub fn tally(events: &[EventEnvelope], residence: &ResidenceId, room: &str) -> Vec<IdeaCount> {
    let mut proposed: BTreeMap<&IdeaId, (&crate::clock::Hlc, &IdeaProposed)> = BTreeMap::new();
    let mut votes: BTreeMap<&IdeaId, BTreeSet<&crate::ids::EventId>> = BTreeMap::new();
    let mut hidden: BTreeSet<&IdeaId> = BTreeSet::new();
    for event in events {
        match &event.body {
            EventBody::IdeaProposed(p) if p.residence == *residence && p.room == room => {
                let earliest = proposed.entry(&p.idea).or_insert((&event.hlc, p));
                if event.hlc < *earliest.0 {
                    *earliest = (&event.hlc, p);
                }
            }
            EventBody::IdeaVoted(v) if v.residence == *residence && v.room == room => {
                votes.entry(&v.idea).or_default().insert(&event.id);
            }
            EventBody::IdeaHidden(h) => {
                hidden.insert(&h.idea);
            }
            _ => {}
        }
    }
    let mut list: Vec<(&crate::clock::Hlc, IdeaCount)> = proposed
        .into_iter()
        .filter(|(idea, _)| !hidden.contains(idea))
        .map(|(idea, (hlc, p))| {
            let count = votes.get(idea).map_or(0, BTreeSet::len);
            (
                hlc,
                IdeaCount {
                    idea: idea.clone(),
                    text: p.text.clone(),
                    language: p.language,
                    votes: u32::try_from(count).unwrap_or(u32::MAX),
                },
            )
        })
        .collect();
    list.sort_by(|a, b| b.1.votes.cmp(&a.1.votes).then(a.0.cmp(b.0)));
    list.into_iter().map(|(_, count)| count).collect()
}

/// An idea already on the list that says the same thing (case, accents and blanks aside), so the
/// kiosk can offer to vote for it instead of adding a twin.
pub fn already_proposed<'a>(text: &str, ideas: &'a [IdeaCount]) -> Option<&'a IdeaId> {
    let key = super::normalise::words(text).collect::<Vec<_>>();
    if key.is_empty() {
        return None;
    }
    ideas
        .iter()
        .find(|i| super::normalise::words(&i.text).collect::<Vec<_>>() == key)
        .map(|i| &i.idea)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::{Actor, Recorder};
    use crate::ids::CampaignId;
    use proptest::prelude::*;

    fn residence() -> ResidenceId {
        ResidenceId("tilleuls".into())
    }

    fn idea(n: u8) -> IdeaId {
        IdeaId::from_random([n; 16])
    }

    fn propose(n: u8, text: &str) -> EventBody {
        EventBody::IdeaProposed(IdeaProposed {
            idea: idea(n),
            residence: residence(),
            room: "salle-rdc".into(),
            text: text.into(),
            language: KioskLanguage::Fr,
        })
    }

    fn vote(n: u8) -> EventBody {
        EventBody::IdeaVoted(IdeaVoted {
            idea: idea(n),
            residence: residence(),
            room: "salle-rdc".into(),
        })
    }

    fn record(bodies: Vec<EventBody>) -> Vec<EventEnvelope> {
        let mut rec = Recorder::new(DeviceId::from_random([9; 16]));
        bodies
            .into_iter()
            .enumerate()
            .map(|(i, body)| {
                rec.record(
                    1_700_000_000_000 + i as u64,
                    [i as u8; 10],
                    Actor::Kiosk,
                    CampaignId::demo(),
                    body,
                )
            })
            .collect()
    }

    #[test]
    fn ideas_are_checked_before_everyone_sees_them() {
        assert_eq!(
            check_idea("  Un   atelier vélo \n"),
            Ok("Un atelier vélo".into())
        );
        assert_eq!(check_idea(" "), Err(IdeaProblem::Empty));
        assert_eq!(check_idea("ok"), Err(IdeaProblem::TooShort));
        assert_eq!(check_idea("Jeux"), Ok("Jeux".into()));
        assert_eq!(
            check_idea(&"é".repeat(MAX_IDEA_CHARS + 1)),
            Err(IdeaProblem::TooLong)
        );
        assert_eq!(
            check_idea(&"ب".repeat(MAX_IDEA_CHARS)).map(|t| t.chars().count()),
            Ok(MAX_IDEA_CHARS)
        );
        assert_eq!(
            check_idea("Cours de yoga, appelez-moi au 06 12 34 56 78"),
            Err(IdeaProblem::ContactDetails)
        );
    }

    #[test]
    fn the_tally_counts_votes_most_first_and_leaves_hidden_ideas_out() {
        let events = record(vec![
            propose(1, "Salle de sport"),
            propose(2, "Ludothèque"),
            propose(3, "Insulte"),
            vote(2),
            vote(2),
            vote(1),
            vote(3),
            EventBody::IdeaHidden(IdeaHidden { idea: idea(3) }),
        ]);
        let list = tally(&events, &residence(), "salle-rdc");
        let shown: Vec<_> = list.iter().map(|i| (i.text.as_str(), i.votes)).collect();
        assert_eq!(shown, [("Ludothèque", 2), ("Salle de sport", 1)]);
        assert!(tally(&events, &residence(), "autre-salle").is_empty());
        assert!(tally(&events, &ResidenceId("autre".into()), "salle-rdc").is_empty());
    }

    #[test]
    fn a_session_votes_once_per_idea() {
        let mut ballot = Ballot::default();
        assert!(ballot.vote(&idea(1)));
        assert!(!ballot.vote(&idea(1)));
        assert!(ballot.vote(&idea(2)));
        assert!(ballot.has_voted(&idea(1)));
        assert!(
            !Ballot::default().has_voted(&idea(1)),
            "a new session starts empty"
        );
    }

    #[test]
    fn the_same_idea_twice_is_offered_as_a_vote() {
        let events = record(vec![propose(1, "Salle de sport")]);
        let list = tally(&events, &residence(), "salle-rdc");
        assert_eq!(already_proposed("  salle de SPORT ", &list), Some(&idea(1)));
        assert_eq!(already_proposed("Ludothèque", &list), None);
        assert_eq!(already_proposed("", &list), None);
    }

    #[test]
    fn proposals_and_rooms_are_checked_where_events_enter() {
        let good = IdeaProposed {
            idea: idea(1),
            residence: residence(),
            room: "salle-rdc".into(),
            text: "Salle de sport".into(),
            language: KioskLanguage::Fr,
        };
        assert_eq!(good.check(), Ok(()));
        assert_eq!(
            IdeaProposed {
                room: "Salle RDC".into(),
                ..good.clone()
            }
            .check(),
            Err(IdeaProblem::BadRoom)
        );
        assert!(
            IdeaProposed {
                text: " Salle  de sport".into(),
                ..good.clone()
            }
            .check()
            .is_err()
        );
        let room = SharedRoom {
            residence: residence(),
            key: "salle-rdc".into(),
            name: "La salle du rez-de-chaussée".into(),
            open: true,
        };
        assert_eq!(room.validate(), Ok(()));
        assert_eq!(
            SharedRoom {
                key: "../x".into(),
                ..room
            }
            .validate(),
            Err(IdeaProblem::BadRoom)
        );
        assert!(IdeaId::parse("not-a-uuid").is_err());
        let json = serde_json::to_string(&idea(1)).unwrap();
        assert_eq!(serde_json::from_str::<IdeaId>(&json).unwrap(), idea(1));
    }

    proptest! {
        /// Devices receive events in any order, some twice: every kiosk shows the same list.
        #[test]
        fn the_tally_does_not_depend_on_order_or_duplicates(
            votes in prop::collection::vec(0u8..4, 0..30),
            order in prop::collection::vec(any::<prop::sample::Index>(), 0..60),
        ) {
            let mut bodies = vec![propose(0, "Jeux"), propose(1, "Sport"), propose(2, "Cuisine")];
            bodies.extend(votes.iter().map(|n| vote(*n)));
            let events = record(bodies);
            let expected = tally(&events, &residence(), "salle-rdc");
            let mut shuffled = events.clone();
            for (i, index) in order.iter().enumerate() {
                let len = shuffled.len();
                shuffled.swap(i % len, index.index(len));
            }
            shuffled.extend(events.iter().take(5).cloned());
            prop_assert_eq!(tally(&shuffled, &residence(), "salle-rdc"), expected);
        }
    }
}
