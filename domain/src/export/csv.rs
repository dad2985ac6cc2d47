//! CSV in the dialect French Excel opens with a double click: `;` between values (the comma is
//! the decimal mark), UTF-8 with a byte-order mark (without it Excel reads accents as
//! Windows-1252), CRLF line ends, dates dd/mm/yyyy, values holding `;`, quotes or line breaks
//! between double quotes with inner quotes doubled.
//!
//! Against formula injection (a resident's "name" typed as `=HYPERLINK(…)` runs when the
//! coordinator opens the file), a text starting with `=`, `+`, `-`, `@`, a tab or a carriage
//! return gets a leading `'`, which spreadsheets read as "this is text" (OWASP's advice). Numbers
//! the export writes itself (a floor of -1) are left alone.

use std::fmt::Write;

use super::{Cell, Column, utc};
use crate::indicators::words::write_date;

pub const BOM: char = '\u{feff}';
pub const SEPARATOR: char = ';';
pub const LINE_END: &str = "\r\n";

/// The byte-order mark and the heading line.
pub fn write_start(out: &mut String, columns: &[Column]) {
    out.push(BOM);
    for (i, column) in columns.iter().enumerate() {
        if i > 0 {
            out.push(SEPARATOR);
        }
        write_text(out, column.heading);
    }
    out.push_str(LINE_END);
}

pub fn write_row(out: &mut String, cells: &[Cell<'_>]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(SEPARATOR);
        }
        write_cell(out, cell);
    }
    out.push_str(LINE_END);
}

fn write_cell(out: &mut String, cell: &Cell<'_>) {
    // Writing to a String cannot fail.
    match cell {
        Cell::Empty => {}
        Cell::Text(text) => write_text(out, text),
        Cell::Date(date) => write_date(out, *date),
        Cell::Integer(n) => {
            let _ = write!(out, "{n}");
        }
        Cell::Coded { words, .. } | Cell::Flag { words, .. } => write_text(out, words),
        Cell::Instant(ms) => {
            // "25/11/2026 13:03:12": Excel reads it as a date and time; the column says UTC.
            let (date, h, m, s, _) = utc(*ms);
            write_date(out, date);
            let _ = write!(out, " {h:02}:{m:02}:{s:02}");
        }
    }
}

/// Whether a spreadsheet would take this text for a formula.
pub fn looks_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// One text value, guarded and quoted as needed.
pub fn write_text(out: &mut String, text: &str) {
    write_value(out, text, looks_like_formula(text));
}

/// One value, quoted when it holds a separator, a quote or a line break, with a leading `'` when
/// `guard` (the caller decides what a spreadsheet must not read as a formula).
pub fn write_value(out: &mut String, text: &str, guard: bool) {
    let quote = text.contains([SEPARATOR, '"', '\n', '\r']);
    if quote {
        out.push('"');
    }
    if guard {
        out.push('\'');
    }
    if quote {
        for (i, piece) in text.split('"').enumerate() {
            if i > 0 {
                out.push_str("\"\"");
            }
            out.push_str(piece);
        }
        out.push('"');
    } else {
        out.push_str(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(value: &str) -> String {
        let mut out = String::new();
        write_text(&mut out, value);
        out
    }

    #[test]
    fn values_are_quoted_only_when_they_need_it() {
        assert_eq!(text("Résidence Les Tilleuls"), "Résidence Les Tilleuls");
        assert_eq!(text("A; B"), "\"A; B\"");
        assert_eq!(text("dit \"bonjour\""), "\"dit \"\"bonjour\"\"\"");
        assert_eq!(text("ligne 1\r\nligne 2"), "\"ligne 1\r\nligne 2\"");
        assert_eq!(text(""), "");
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(text("=1+1"), "'=1+1");
        assert_eq!(text("+33612345678"), "'+33612345678");
        assert_eq!(text("-2"), "'-2");
        assert_eq!(text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(text("\t=1"), "'\t=1");
        assert_eq!(
            text("=HYPERLINK(\"http://x\";\"clic\")"),
            "\"'=HYPERLINK(\"\"http://x\"\";\"\"clic\"\")\""
        );
        assert_eq!(text("a=1"), "a=1", "only a leading sign is a formula");
        let mut out = String::new();
        write_row(
            &mut out,
            &[Cell::Integer(-1), Cell::Instant(1_764_075_792_000)],
        );
        assert_eq!(out, "-1;25/11/2025 13:03:12\r\n");
    }
}
