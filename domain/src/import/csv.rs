//! Reading the separated text of a dwelling file: `;` as RPLS and French spreadsheets write it (or
//! `,` / tab when the header clearly uses them), double-quoted fields with `""` for a quote and
//! separators or line breaks inside, CRLF or LF. Each record keeps the line it starts on, because
//! that is the number the coordinator will look for in the spreadsheet.
//!
//! Fields borrow from the text unless they had `""` escapes: a 50,000-line file costs one vector
//! per line, not one string per cell.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Separator {
    Semicolon,
    Comma,
    Tab,
}

impl Separator {
    pub fn as_char(self) -> char {
        match self {
            Separator::Semicolon => ';',
            Separator::Comma => ',',
            Separator::Tab => '\t',
        }
    }

    fn byte(self) -> u8 {
        self.as_char() as u8
    }
}

/// The separator the header line uses most, outside quotes; `;` unless another one clearly wins
/// (ties go to `;`, the French default), and `;` for a one-column file.
pub fn detect_separator(text: &str) -> Separator {
    let header = text.trim_start_matches(['\r', '\n']);
    let (mut semicolons, mut commas, mut tabs) = (0usize, 0usize, 0usize);
    let mut in_quotes = false;
    for c in header.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            '\n' | '\r' if !in_quotes => break,
            ';' if !in_quotes => semicolons += 1,
            ',' if !in_quotes => commas += 1,
            '\t' if !in_quotes => tabs += 1,
            _ => {}
        }
    }
    if semicolons >= commas && semicolons >= tabs {
        Separator::Semicolon
    } else if tabs >= commas {
        Separator::Tab
    } else {
        Separator::Comma
    }
}

/// One line of the file (or several, when a quoted field holds line breaks).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record<'a> {
    /// 1-based line of the file where the record starts.
    pub line: usize,
    pub fields: Vec<Cow<'a, str>>,
    /// A quote opened and never closed: the record swallowed the rest of the file.
    pub unclosed_quote: bool,
}

impl Record<'_> {
    /// A line of separators only (";;;;"), as spreadsheets leave at the end of an export.
    pub fn is_blank(&self) -> bool {
        self.fields.iter().all(|f| f.trim().is_empty())
    }
}

/// The records of `text`, skipping empty lines.
pub fn records(text: &str, separator: Separator) -> Records<'_> {
    Records {
        text,
        pos: 0,
        line: 1,
        separator: separator.byte(),
        width_hint: 0,
    }
}

pub struct Records<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
    separator: u8,
    /// The previous record's width, so each vector is allocated once at the right size.
    width_hint: usize,
}

impl<'a> Iterator for Records<'a> {
    type Item = Record<'a>;

    fn next(&mut self) -> Option<Record<'a>> {
        let bytes = self.text.as_bytes();
        while let Some(&b) = bytes.get(self.pos) {
            if b != b'\n' && b != b'\r' {
                break;
            }
            self.end_of_line();
        }
        if self.pos >= bytes.len() {
            return None;
        }
        let line = self.line;
        let mut fields = Vec::with_capacity(self.width_hint);
        let mut unclosed_quote = false;
        loop {
            if bytes.get(self.pos) == Some(&b'"') {
                let (field, closed) = self.quoted_field();
                fields.push(field);
                unclosed_quote |= !closed;
            } else {
                let start = self.pos;
                self.skip_to_field_end();
                fields.push(Cow::Borrowed(&self.text[start..self.pos]));
            }
            match bytes.get(self.pos) {
                None => break,
                Some(&b) if b == self.separator => self.pos += 1,
                Some(_) => {
                    self.end_of_line();
                    break;
                }
            }
        }
        self.width_hint = fields.len();
        Some(Record {
            line,
            fields,
            unclosed_quote,
        })
    }
}

impl<'a> Records<'a> {
    /// Steps over one line break (CRLF, LF, or a lone CR from old Macs).
    fn end_of_line(&mut self) {
        let bytes = self.text.as_bytes();
        if bytes.get(self.pos) == Some(&b'\r') {
            self.pos += 1;
        }
        if bytes.get(self.pos) == Some(&b'\n') {
            self.pos += 1;
        }
        self.line += 1;
    }

    fn skip_to_field_end(&mut self) {
        let bytes = self.text.as_bytes();
        while let Some(&b) = bytes.get(self.pos) {
            if b == self.separator || b == b'\n' || b == b'\r' {
                break;
            }
            self.pos += 1;
        }
    }

    /// A field starting with a quote; returns it and whether its quote was closed. Text between
    /// the closing quote and the next separator (`"12"bis`) is kept as written rather than lost.
    fn quoted_field(&mut self) -> (Cow<'a, str>, bool) {
        let text = self.text;
        let bytes = text.as_bytes();
        self.pos += 1;
        let mut piece_start = self.pos;
        let mut unescaped: Option<String> = None;
        loop {
            match bytes.get(self.pos) {
                None => {
                    let field = join(unescaped, &text[piece_start..]);
                    return (field, false);
                }
                Some(b'"') if bytes.get(self.pos + 1) == Some(&b'"') => {
                    // Keep the first quote of the pair, skip the second.
                    unescaped
                        .get_or_insert_with(String::new)
                        .push_str(&text[piece_start..=self.pos]);
                    self.pos += 2;
                    piece_start = self.pos;
                }
                Some(b'"') => {
                    let mut field = join(unescaped, &text[piece_start..self.pos]);
                    self.pos += 1;
                    let trailing = self.pos;
                    self.skip_to_field_end();
                    if self.pos > trailing {
                        field.to_mut().push_str(&text[trailing..self.pos]);
                    }
                    return (field, true);
                }
                Some(b'\n') => {
                    self.line += 1;
                    self.pos += 1;
                }
                Some(b'\r') => {
                    if bytes.get(self.pos + 1) != Some(&b'\n') {
                        self.line += 1;
                    }
                    self.pos += 1;
                }
                Some(_) => self.pos += 1,
            }
        }
    }
}

fn join<'a>(unescaped: Option<String>, last: &'a str) -> Cow<'a, str> {
    match unescaped {
        None => Cow::Borrowed(last),
        Some(mut s) => {
            s.push_str(last);
            Cow::Owned(s)
        }
    }
}

/// One record as a spreadsheet would write it, for tests that build files.
#[cfg(test)]
pub(crate) fn write_record(fields: &[&str], separator: Separator) -> String {
    let sep = separator.as_char();
    let needs_quotes =
        |f: &str| f.contains([sep, '"', '\n', '\r']) || (fields.len() == 1 && f.is_empty());
    let written: Vec<String> = fields
        .iter()
        .map(|f| {
            if needs_quotes(f) {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                (*f).to_owned()
            }
        })
        .collect();
    written.join(&sep.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn read(text: &str) -> Vec<(usize, Vec<String>)> {
        records(text, detect_separator(text))
            .map(|r| (r.line, r.fields.iter().map(|f| f.to_string()).collect()))
            .collect()
    }

    #[test]
    fn semicolons_with_crlf_and_trailing_blank_lines() {
        let rows = read("A;B;C\r\n1;2;3\r\n4;;6\r\n\r\n\r\n");
        assert_eq!(
            rows,
            [
                (1, vec!["A".into(), "B".into(), "C".into()]),
                (2, vec!["1".into(), "2".into(), "3".into()]),
                (3, vec!["4".into(), "".into(), "6".into()]),
            ]
        );
    }

    #[test]
    fn last_line_without_line_break_and_trailing_separator() {
        let rows = read("A;B\n1;");
        assert_eq!(rows[1], (2, vec!["1".into(), "".into()]));
    }

    #[test]
    fn quotes_hold_separators_line_breaks_and_quotes() {
        let text = "NOM;NOTE;ETAGE\n\"Les Tilleuls; bât. A\";\"dit \"\"le grand\"\"\nsur deux lignes\";3\nX;Y;4\n";
        let rows = read(text);
        assert_eq!(rows[1].0, 2);
        assert_eq!(rows[1].1[0], "Les Tilleuls; bât. A");
        assert_eq!(rows[1].1[1], "dit \"le grand\"\nsur deux lignes");
        assert_eq!(rows[1].1[2], "3");
        // The quoted line break moves the next record to line 4.
        assert_eq!(rows[2], (4, vec!["X".into(), "Y".into(), "4".into()]));
    }

    #[test]
    fn an_unclosed_quote_is_flagged() {
        let all: Vec<Record> = records("A;B\n1;\"oops\n2;3\n", Separator::Semicolon).collect();
        assert_eq!(all.len(), 2);
        assert!(all[1].unclosed_quote);
        assert_eq!(all[1].fields[1], "oops\n2;3\n");
    }

    #[test]
    fn text_after_a_closing_quote_is_kept() {
        let rows = read("A;B\n\"12\"bis;x\n");
        assert_eq!(rows[1].1, ["12bis", "x"]);
    }

    #[test]
    fn the_separator_comes_from_the_header() {
        assert_eq!(detect_separator("A;B;C\n1,5;2;3"), Separator::Semicolon);
        assert_eq!(detect_separator("A,B,C\n1;2;3"), Separator::Comma);
        assert_eq!(detect_separator("A\tB\tC"), Separator::Tab);
        assert_eq!(detect_separator("\"N°; porte\",B,C"), Separator::Comma);
        assert_eq!(detect_separator("A;B,C"), Separator::Semicolon);
        assert_eq!(detect_separator("ADRESSE"), Separator::Semicolon);
        assert_eq!(detect_separator("\r\nA,B"), Separator::Comma);
    }

    #[test]
    fn blank_lines_of_separators_are_recognised() {
        let all: Vec<Record> = records("A;B\n;\n ; \n", Separator::Semicolon).collect();
        assert!(!all[0].is_blank());
        assert!(all[1].is_blank());
        assert!(all[2].is_blank());
    }

    fn any_field() -> impl Strategy<Value = String> {
        proptest::string::string_regex("[a-zé ;,\"\t\r\n]{0,8}").unwrap()
    }

    proptest! {
        #[test]
        fn quoting_round_trips(
            rows in proptest::collection::vec(proptest::collection::vec(any_field(), 1..5), 1..6),
            crlf in any::<bool>(),
        ) {
            let newline = if crlf { "\r\n" } else { "\n" };
            let text: String = rows
                .iter()
                .map(|row| {
                    let fields: Vec<&str> = row.iter().map(String::as_str).collect();
                    write_record(&fields, Separator::Semicolon) + newline
                })
                .collect();
            let back: Vec<Vec<String>> = records(&text, Separator::Semicolon)
                .map(|r| {
                    prop_assert!(!r.unclosed_quote);
                    Ok(r.fields.iter().map(|f| f.to_string()).collect())
                })
                .collect::<Result<_, TestCaseError>>()?;
            prop_assert_eq!(back, rows);
        }

        #[test]
        fn any_text_reads_without_panicking(text in "\\PC{0,60}") {
            for record in records(&text, detect_separator(&text)) {
                prop_assert!(record.line >= 1);
            }
        }
    }
}
