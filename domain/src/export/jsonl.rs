//! JSON Lines: one object per row, keyed by the columns' keys, one row per line (`\n`). Values
//! as a program wants them: ISO 8601 dates and times, codes rather than words, numbers and
//! booleans as such, `null` for an empty cell. Escaping is written out here so that a row costs
//! no allocation beyond the output itself.

use std::fmt::Write;

use super::{Cell, Column, utc};

pub fn write_row(out: &mut String, columns: &[Column], cells: &[Cell<'_>]) {
    out.push('{');
    for (i, (column, cell)) in columns.iter().zip(cells).enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_string(out, column.key);
        out.push(':');
        write_cell(out, cell);
    }
    out.push_str("}\n");
}

fn write_cell(out: &mut String, cell: &Cell<'_>) {
    // Writing to a String cannot fail.
    match cell {
        Cell::Empty => out.push_str("null"),
        Cell::Text(text) => write_string(out, text),
        Cell::Date(date) => {
            let _ = write!(out, "\"{date}\"");
        }
        Cell::Integer(n) => {
            let _ = write!(out, "{n}");
        }
        Cell::Coded { code, .. } => write_string(out, code),
        Cell::Flag { value, .. } => out.push_str(if *value { "true" } else { "false" }),
        Cell::Instant(ms) => {
            let (date, h, m, s, milli) = utc(*ms);
            let _ = write!(out, "\"{date}T{h:02}:{m:02}:{s:02}.{milli:03}Z\"");
        }
    }
}

/// A JSON string: quotes, backslashes and control characters escaped (RFC 8259), the rest as is.
pub fn write_string(out: &mut String, text: &str) {
    out.push('"');
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let escape = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            c if u32::from(c) < 0x20 => "",
            _ => continue,
        };
        out.push_str(&text[start..i]);
        if escape.is_empty() {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push_str(escape);
        }
        start = i + c.len_utf8();
    }
    out.push_str(&text[start..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::LocalDate;

    #[test]
    fn rows_are_json_that_serde_reads_back() {
        let columns = [
            Column {
                key: "text",
                heading: "Texte",
            },
            Column {
                key: "date",
                heading: "Date",
            },
            Column {
                key: "n",
                heading: "N",
            },
            Column {
                key: "coded",
                heading: "Codé",
            },
            Column {
                key: "flag",
                heading: "Oui/non",
            },
            Column {
                key: "at",
                heading: "À",
            },
            Column {
                key: "none",
                heading: "Rien",
            },
        ];
        let tricky = "« Élodie » dit \"non\"; \\ \n\r\t\u{1} fin";
        let mut out = String::new();
        write_row(
            &mut out,
            &columns,
            &[
                Cell::text(tricky),
                Cell::Date(LocalDate::new(2026, 11, 25).unwrap()),
                Cell::Integer(-1),
                Cell::Coded {
                    code: "refused",
                    words: "Refus",
                },
                Cell::Flag {
                    value: true,
                    words: "oui",
                },
                Cell::Instant(1_764_075_792_345),
                Cell::Empty,
            ],
        );
        assert!(out.ends_with("}\n") && out.matches('\n').count() == 1);
        let value: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(
            value,
            serde_json::json!({
                "text": tricky,
                "date": "2026-11-25",
                "n": -1,
                "coded": "refused",
                "flag": true,
                "at": "2025-11-25T13:03:12.345Z",
                "none": null,
            })
        );
    }
}
