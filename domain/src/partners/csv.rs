//! The directory as a spreadsheet file, both ways, in the dialect French Excel reads and writes
//! without an import dialog: `;` between values, UTF-8 with a byte-order mark (without it Excel
//! reads accents as Windows-1252), CRLF line ends, values holding `;`, quotes or line breaks
//! between double quotes with inner quotes doubled.
//!
//! [`export`] writes every partner still in the directory; [`read`] reads a file back line by
//! line, keeping what it can and saying what it could not in plain words with the line number;
//! [`plan`] turns what was read into the edits to record, so that re-importing a file changes
//! only what someone changed in the spreadsheet.

mod columns;
mod export;
mod import;
mod plan;
mod problem;

#[cfg(test)]
mod tests;

pub use columns::{Column, PersonDetail};
pub use export::export;
pub use import::{ImportedLine, Reading, read};
pub use plan::{ImportPlan, plan};
pub use problem::{FileProblem, LineProblem, LineProblemKind};

use crate::calendar::LocalDate;

/// The exported file's name, dated so that successive exports sit side by side in a folder and
/// sort by day: `partenaires-2026-11-26.csv`.
pub fn file_name(day: LocalDate) -> String {
    format!("partenaires-{day}.csv")
}
