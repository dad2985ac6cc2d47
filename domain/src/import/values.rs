//! Reading one cell: floors as landlords write them ("RDC", "00", "1er", "SS1"), rooms ("3", "T3",
//! "F3") and the priority-neighbourhood flag (old "1"/"2", or a QPV code in recent files). Each
//! reader says `Ok(None)` for an empty cell and `Err(Unreadable)` for a value it cannot read, so
//! the caller decides whether that costs the line or only the value.

use crate::territory::Floor;

use super::words::{compact_key, folded};

/// A cell whose value could not be read; the caller knows which cell and says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unreadable;

/// Floors further than this from the street are typing mistakes, not buildings (the tallest
/// French housing towers have about 50 floors).
const HIGHEST_FLOOR: Floor = 150;
const DEEPEST_FLOOR: Floor = -10;

/// "RDC" → 0, "1er" → 1, "02" → 2, "-1" / "SS1" / "S1" (sous-sol) → -1.
pub fn parse_floor(raw: &str) -> Result<Option<Floor>, Unreadable> {
    // Spaces go, dashes and dots stay: "-1" is a basement but "1-2" and "2.5" are not floors.
    let word: String = folded(raw).chars().filter(|c| !c.is_whitespace()).collect();
    if word.is_empty() {
        return Ok(None);
    }
    let floor = match word.as_str() {
        "rdc" | "r.d.c" | "rc" | "r" | "rdch" | "rch" | "rez" | "rezdechaussee"
        | "rez-de-chaussee" | "rdj" | "rezdejardin" | "rez-de-jardin" => 0,
        "ss" | "s-sol" | "soussol" | "sous-sol" => -1,
        _ => match basement(&word) {
            Some(level) => level,
            None => numbered_floor(&word).ok_or(Unreadable)?,
        },
    };
    if (DEEPEST_FLOOR..=HIGHEST_FLOOR).contains(&floor) {
        Ok(Some(floor))
    } else {
        Err(Unreadable)
    }
}

/// "ss2", "s1", "sous-sol-2" → -2, -1, -2.
fn basement(word: &str) -> Option<Floor> {
    let rest = ["sous-sol", "soussol", "ss", "s"]
        .iter()
        .find_map(|prefix| word.strip_prefix(prefix))?;
    let digits = rest.strip_prefix('-').unwrap_or(rest);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse::<Floor>().ok().map(|level| -level)
}

/// "2", "-1", "02", "1er", "2ème", "étage 3".
fn numbered_floor(word: &str) -> Option<Floor> {
    let (negative, unsigned) = match word.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, word.strip_prefix('+').unwrap_or(word)),
    };
    let number = ["etage", "niveau", "niv", "et"]
        .iter()
        .find_map(|prefix| unsigned.strip_prefix(prefix))
        .unwrap_or(unsigned);
    let digits_end = number
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(number.len());
    let (digits, suffix) = number.split_at(digits_end);
    // Ordinals as written in French: 1er, 1re, 1ère, 2e, 2ème, 2nd…
    let ordinal = matches!(
        suffix,
        "" | "er" | "ere" | "re" | "e" | "eme" | "em" | "me" | "ieme" | "nd" | "nde"
    );
    if digits.is_empty() || digits.len() > 3 || !ordinal {
        return None;
    }
    let level: Floor = digits.parse().ok()?;
    Some(if negative { -level } else { level })
}

/// "3" → 3, "T3" / "F3" / "T3 bis" / "3 pièces" → 3, "studio" → 1.
pub fn parse_rooms(raw: &str) -> Result<Option<u8>, Unreadable> {
    let word = compact_key(raw);
    if word.is_empty() {
        return Ok(None);
    }
    if word == "studio" || word == "chambre" {
        return Ok(Some(1));
    }
    let without_type = ["type", "t", "f"]
        .iter()
        .find_map(|prefix| word.strip_prefix(prefix))
        .unwrap_or(&word);
    let digits_end = without_type
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(without_type.len());
    let (digits, rest) = without_type.split_at(digits_end);
    if digits.is_empty() || digits.len() > 2 || rest.contains(|c: char| c.is_ascii_digit()) {
        return Err(Unreadable);
    }
    match digits.parse::<u8>() {
        Ok(rooms @ 1..=20) => Ok(Some(rooms)),
        _ => Err(Unreadable),
    }
}

/// How a file says whether a dwelling is in a quartier prioritaire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QpvStyle {
    /// RPLS 2017–2019 `QPV`: 1 in, 2 out; empty means the file does not say.
    Flag,
    /// RPLS 2023+ `QPV_CODE`: the neighbourhood's code when in, empty when out.
    Code,
}

impl QpvStyle {
    /// Recent files name the column after the code they hold.
    pub fn of_header(name: &str) -> QpvStyle {
        if compact_key(name).contains("code") {
            QpvStyle::Code
        } else {
            QpvStyle::Flag
        }
    }
}

pub fn parse_qpv(raw: &str, style: QpvStyle) -> Result<Option<bool>, Unreadable> {
    let word = compact_key(raw);
    match word.as_str() {
        "" => Ok(match style {
            QpvStyle::Flag => None,
            QpvStyle::Code => Some(false),
        }),
        "1" | "oui" | "o" | "yes" | "y" | "vrai" | "true" | "x" => Ok(Some(true)),
        "2" | "0" | "non" | "n" | "no" | "faux" | "false" => Ok(Some(false)),
        // QPV codes: "QP069012" (2015 list), "QN06912M" (2024 list).
        code if code.starts_with("qp") || code.starts_with("qn") => Ok(Some(true)),
        _ => match style {
            QpvStyle::Code => Ok(Some(true)),
            QpvStyle::Flag => Err(Unreadable),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn floors_as_landlords_write_them() {
        let cases = [
            ("RDC", 0),
            ("rdc", 0),
            ("Rez-de-chaussée", 0),
            ("0", 0),
            ("00", 0),
            ("-0", 0),
            ("-1", -1),
            ("-01", -1),
            ("SS1", -1),
            ("S1", -1),
            ("ss-2", -2),
            ("Sous-sol", -1),
            ("1er", 1),
            ("1ER", 1),
            ("1ère", 1),
            ("2e", 2),
            ("2ème", 2),
            ("02", 2),
            (" 7 ", 7),
            ("12", 12),
            ("Étage 3", 3),
        ];
        for (raw, floor) in cases {
            assert_eq!(parse_floor(raw), Ok(Some(floor)), "{raw:?}");
        }
        assert_eq!(parse_floor(""), Ok(None));
        assert_eq!(parse_floor("  "), Ok(None));
    }

    #[test]
    fn unreadable_floors_are_refused() {
        for raw in ["3B", "B", "premier", "1-2", "999", "-40", "2.5", "S", "x1"] {
            assert_eq!(parse_floor(raw), Err(Unreadable), "{raw:?}");
        }
    }

    #[test]
    fn rooms_from_counts_and_typologies() {
        let cases = [
            ("3", 3),
            ("T3", 3),
            ("t3", 3),
            ("F3", 3),
            ("T3 bis", 3),
            ("T1'", 1),
            ("Type 4", 4),
            ("5 pièces", 5),
            ("Studio", 1),
            ("T10", 10),
        ];
        for (raw, rooms) in cases {
            assert_eq!(parse_rooms(raw), Ok(Some(rooms)), "{raw:?}");
        }
        assert_eq!(parse_rooms(""), Ok(None));
        for raw in ["0", "T", "NC", "T3/T4", "300"] {
            assert_eq!(parse_rooms(raw), Err(Unreadable), "{raw:?}");
        }
    }

    #[test]
    fn the_old_qpv_flag() {
        assert_eq!(parse_qpv("1", QpvStyle::Flag), Ok(Some(true)));
        assert_eq!(parse_qpv("2", QpvStyle::Flag), Ok(Some(false)));
        assert_eq!(parse_qpv("", QpvStyle::Flag), Ok(None));
        assert_eq!(parse_qpv("peut-être", QpvStyle::Flag), Err(Unreadable));
        assert_eq!(QpvStyle::of_header("QPV"), QpvStyle::Flag);
    }

    #[test]
    fn the_recent_qpv_code() {
        assert_eq!(QpvStyle::of_header("QPV_CODE"), QpvStyle::Code);
        assert_eq!(parse_qpv("QN06912M", QpvStyle::Code), Ok(Some(true)));
        assert_eq!(parse_qpv("QP069012", QpvStyle::Flag), Ok(Some(true)));
        assert_eq!(parse_qpv("", QpvStyle::Code), Ok(Some(false)));
        assert_eq!(parse_qpv(" ", QpvStyle::Code), Ok(Some(false)));
    }

    proptest! {
        #[test]
        fn floor_parsing_never_panics(raw in "\\PC{0,12}") {
            if let Ok(Some(floor)) = parse_floor(&raw) {
                prop_assert!((DEEPEST_FLOOR..=HIGHEST_FLOOR).contains(&floor));
            }
        }

        #[test]
        fn written_floors_read_back(floor in DEEPEST_FLOOR..=HIGHEST_FLOOR) {
            prop_assert_eq!(parse_floor(&floor.to_string()), Ok(Some(floor)));
            prop_assert_eq!(parse_floor(&format!("{floor:02}")), Ok(Some(floor)));
        }

        #[test]
        fn rooms_parsing_never_panics(raw in "\\PC{0,12}") {
            if let Ok(Some(rooms)) = parse_rooms(&raw) {
                prop_assert!((1..=20).contains(&rooms));
            }
        }
    }
}
