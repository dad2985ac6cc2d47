//! Who is using the tablet: the volunteer's first name, checked once when they say who they are,
//! then carried by every event they record (`Actor::Volunteer`). Coordinators filter indicators
//! by it, partners' histories and door hangers show it, and a shared tablet's day summary counts
//! each volunteer's own doors.

use crate::event::Actor;

/// Long enough for "Marie-Françoise" or "Abdelrahmane", short enough to fit a door hanger line.
pub const MAX_CHARS: usize = 40;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameProblem {
    Empty,
    TooLong,
    /// Digits, "@" and the like: a first name, not a phone number or an email, since the name
    /// travels with every event to the whole team.
    NotAName,
}

/// The first name as typed, tidied: outer spaces trimmed and inner runs of spaces made one, so
/// that "  Karim " and "Karim" are the same volunteer in the indicators.
pub fn check_first_name(typed: &str) -> Result<String, NameProblem> {
    let name = crate::signup::tidy_name(typed);
    if name.is_empty() {
        return Err(NameProblem::Empty);
    }
    if name.chars().count() > MAX_CHARS {
        return Err(NameProblem::TooLong);
    }
    // Letters of any script (Arabic, accented Latin…), and what names join with.
    let fits = name
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’' | '.'));
    if !fits || !name.chars().any(char::is_alphabetic) {
        return Err(NameProblem::NotAName);
    }
    Ok(name)
}

/// The actor of what is recorded now: the volunteer who said who they are, else the device
/// itself (before anyone did, the events still count; they are just nobody's).
pub fn actor_for(first_name: Option<&str>) -> Actor {
    match first_name.and_then(|typed| check_first_name(typed).ok()) {
        Some(name) => Actor::Volunteer { name },
        None => Actor::Device,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_tidied_so_one_volunteer_counts_once() {
        assert_eq!(check_first_name("  Karim  ").as_deref(), Ok("Karim"));
        assert_eq!(
            check_first_name("Marie   Françoise").as_deref(),
            Ok("Marie Françoise")
        );
        assert_eq!(check_first_name("Aïcha").as_deref(), Ok("Aïcha"));
        assert_eq!(check_first_name("يوسف").as_deref(), Ok("يوسف"));
        assert_eq!(check_first_name("N'Dèye").as_deref(), Ok("N'Dèye"));
    }

    #[test]
    fn what_is_not_a_first_name_is_refused_with_its_reason() {
        assert_eq!(check_first_name("   "), Err(NameProblem::Empty));
        assert_eq!(check_first_name("0612345678"), Err(NameProblem::NotAName));
        assert_eq!(
            check_first_name("karim@mail.fr"),
            Err(NameProblem::NotAName)
        );
        assert_eq!(check_first_name("--"), Err(NameProblem::NotAName));
        assert_eq!(
            check_first_name(&"a".repeat(MAX_CHARS + 1)),
            Err(NameProblem::TooLong)
        );
        assert!(check_first_name(&"é".repeat(MAX_CHARS)).is_ok());
    }

    #[test]
    fn events_belong_to_the_volunteer_once_named() {
        assert_eq!(
            actor_for(Some(" Inès ")),
            Actor::Volunteer {
                name: "Inès".into()
            }
        );
        assert_eq!(actor_for(None), Actor::Device);
        // A stored value that no longer passes the rule is not put on events.
        assert_eq!(actor_for(Some("06 12")), Actor::Device);
    }
}
