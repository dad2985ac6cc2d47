//! What makes a field note acceptable: some words, not a novel. The volunteer sees the reason in
//! their language (the `Text` it maps to), and the same rule guards events arriving at the server.

use crate::i18n::Text;

/// Long enough for a few sentences about a stairwell; short enough to stay a note, not a file on
/// a person (sensitive details have no place here, see the warning shown above the field).
pub const MAX_NOTE_CHARS: usize = 2000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoteProblem {
    Empty,
    TooLong,
}

impl NoteProblem {
    pub fn text(self) -> Text {
        match self {
            NoteProblem::Empty => Text::FieldNoteEmpty,
            NoteProblem::TooLong => Text::FieldNoteTooLong,
        }
    }
}

/// The note as it will be recorded (surrounding blanks removed), or why it can't be.
pub fn check_note(raw: &str) -> Result<String, NoteProblem> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(NoteProblem::Empty);
    }
    if text.chars().count() > MAX_NOTE_CHARS {
        return Err(NoteProblem::TooLong);
    }
    Ok(text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_notes_are_refused() {
        assert_eq!(check_note(""), Err(NoteProblem::Empty));
        assert_eq!(check_note(" \n\t "), Err(NoteProblem::Empty));
    }

    #[test]
    fn notes_are_trimmed() {
        assert_eq!(
            check_note("  Interphone en panne, bât. B  \n").as_deref(),
            Ok("Interphone en panne, bât. B")
        );
    }

    #[test]
    fn the_limit_counts_characters_not_bytes() {
        let arabic = "ب".repeat(MAX_NOTE_CHARS);
        assert!(
            check_note(&arabic).is_ok(),
            "2000 two-byte characters are within the limit"
        );
        assert_eq!(check_note(&format!("{arabic}ب")), Err(NoteProblem::TooLong));
    }

    #[test]
    fn each_problem_has_its_own_message() {
        assert_ne!(NoteProblem::Empty.text(), NoteProblem::TooLong.text());
    }
}
