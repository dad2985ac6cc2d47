//! The coordinator's exports: tables of the campaign's data (visits, the consent register) as
//! CSV for French Excel or as JSON Lines, written a chunk at a time so that 100,000 rows never
//! make one big string (the app turns each chunk into a part of a `Blob`), and a pseudonymised
//! variant without names, phone numbers, emails or free text, for anything that leaves the team.
//!
//! A table is a [`Sheet`]: its columns, and its rows as an iterator of typed [`Cell`]s, which
//! each format writes its own way (a date is `25/11/2026` for a spreadsheet, `2026-11-25` for a
//! program). The data-protection views (the consent register, everything held about one resident)
//! are in [`register`] and [`access`].

pub mod access;
mod cells;
pub mod csv;
pub mod jsonl;
pub mod pseudonym;
pub mod register;
pub mod visits;
pub mod words;

#[cfg(test)]
mod tests;

use std::borrow::Cow;

use crate::calendar::LocalDate;
use crate::ids::CampaignId;

pub use pseudonym::{Kind, Pseudonymiser, SecretTooShort};

/// One value of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell<'a> {
    Empty,
    Text(Cow<'a, str>),
    Date(LocalDate),
    Integer(i64),
    /// A value from a fixed list: `code` for programs (snake_case), `words` for people.
    Coded {
        code: &'static str,
        words: &'static str,
    },
    /// Yes or no: `true`/`false` for programs, `words` ("oui", "non") for people.
    Flag {
        value: bool,
        words: &'static str,
    },
    /// A moment in milliseconds since 1970 (UTC), such as an event's clock time.
    Instant(u64),
}

impl<'a> Cell<'a> {
    pub fn text(text: &'a str) -> Cell<'a> {
        Cell::Text(Cow::Borrowed(text))
    }

    pub fn owned(text: String) -> Cell<'a> {
        Cell::Text(Cow::Owned(text))
    }

    pub fn optional(text: Option<&'a str>) -> Cell<'a> {
        text.map_or(Cell::Empty, Cell::text)
    }
}

/// A column: its key for programs (JSON), its heading for people (the CSV's first line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub key: &'static str,
    pub heading: &'static str,
}

pub type Row<'a> = Vec<Cell<'a>>;

/// A table ready to be written: its columns, and rows made only as they are written.
pub struct Sheet<'a> {
    pub columns: Vec<Column>,
    rows: Box<dyn Iterator<Item = Row<'a>> + 'a>,
}

impl<'a> Sheet<'a> {
    pub fn new(columns: Vec<Column>, rows: impl Iterator<Item = Row<'a>> + 'a) -> Sheet<'a> {
        Sheet {
            columns,
            rows: Box::new(rows),
        }
    }

    /// The rows, for a screen that shows them instead of writing a file.
    pub fn into_rows(self) -> impl Iterator<Item = Row<'a>> + 'a {
        self.rows
    }

    /// The file, in pieces of about `CHUNK_BYTES` (at least one whole row each).
    pub fn write(self, format: Format) -> Chunks<'a> {
        Chunks {
            sheet: self,
            format,
            started: false,
            done: false,
        }
    }
}

/// The file formats offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// What French Excel opens with a double click: `;`, UTF-8 with BOM, CRLF, dd/mm/yyyy.
    CsvExcelFr,
    /// One JSON object per line, for programs: ISO dates, codes, numbers as numbers.
    JsonLines,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::CsvExcelFr => "csv",
            Format::JsonLines => "jsonl",
        }
    }

    pub fn media_type(self) -> &'static str {
        match self {
            Format::CsvExcelFr => "text/csv;charset=utf-8",
            Format::JsonLines => "application/jsonl",
        }
    }
}

/// Chunks of this size make a few hundred `Blob` parts for 100,000 rows: few enough calls into
/// JavaScript, small enough that no single string weighs on the wasm heap.
pub const CHUNK_BYTES: usize = 64 * 1024;

/// The file, chunk by chunk. Concatenated, the chunks are the whole file.
pub struct Chunks<'a> {
    sheet: Sheet<'a>,
    format: Format,
    started: bool,
    done: bool,
}

impl Iterator for Chunks<'_> {
    type Item = String;

    fn next(&mut self) -> Option<String> {
        if self.done {
            return None;
        }
        let mut out = String::with_capacity(CHUNK_BYTES + 1024);
        if !self.started {
            self.started = true;
            if self.format == Format::CsvExcelFr {
                csv::write_start(&mut out, &self.sheet.columns);
            }
        }
        while out.len() < CHUNK_BYTES {
            let Some(row) = self.sheet.rows.next() else {
                self.done = true;
                break;
            };
            match self.format {
                Format::CsvExcelFr => csv::write_row(&mut out, &row),
                Format::JsonLines => jsonl::write_row(&mut out, &self.sheet.columns, &row),
            }
        }
        (!out.is_empty()).then_some(out)
    }
}

/// Whether names and contact details may appear.
#[derive(Debug, Clone, Copy)]
pub enum Privacy<'p> {
    /// Everything the team holds: for the team itself and for data-protection requests.
    Named,
    /// No names, phone numbers, emails, apartment numbers or free text; residents, volunteers
    /// and doors as pseudonyms.
    Pseudonymised(&'p Pseudonymiser),
}

/// "palier-demo-passages-2026-12-02.csv": the campaign, the table, the day, the format.
pub fn file_name(campaign: &CampaignId, table: &str, on: LocalDate, format: Format) -> String {
    format!(
        "palier-{campaign}-{table}-{on}.{}",
        format.extension(),
        campaign = campaign.as_str()
    )
}

/// The UTC date and time of an instant: (date, hours, minutes, seconds, milliseconds).
pub(crate) fn utc(ms: u64) -> (LocalDate, u64, u64, u64, u64) {
    const DAY_MS: u64 = 86_400_000;
    let date = LocalDate::from_days_since_epoch((ms / DAY_MS) as i64);
    let in_day = ms % DAY_MS;
    let seconds = in_day / 1000;
    (
        date,
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60,
        in_day % 1000,
    )
}
