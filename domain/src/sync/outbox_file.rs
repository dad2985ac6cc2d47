//! The file a device without network for weeks exports, and a coordinator imports: the events it
//! has not had acknowledged yet, in a versioned JSON shape. Importing it is the same operation as
//! a push (one [`PushRequest`] per [`MAX_PUSH_EVENTS`]), so importing twice, or importing events
//! that were pushed meanwhile, stores nothing twice.

use serde::{Deserialize, Serialize};

use crate::event::EventEnvelope;
use crate::ids::DeviceId;

use super::wire::{MAX_PUSH_EVENTS, PushRequest};

/// The `format` field's value: tells a Palier outbox file from any other JSON at a glance.
pub const OUTBOX_FILE_FORMAT: &str = "palier-outbox";

/// The version of the file's shape this build writes and reads.
pub const OUTBOX_FILE_VERSION: u32 = 1;

/// An exported outbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutboxFile {
    /// Always [`OUTBOX_FILE_FORMAT`].
    pub format: String,
    /// [`OUTBOX_FILE_VERSION`].
    pub version: u32,
    /// The device that recorded the events (they all carry it too).
    pub device: DeviceId,
    /// When the file was made, Unix milliseconds (the device's clock).
    pub exported_at: u64,
    /// In `seq` order: the outbox and the "À vérifier" list together.
    pub events: Vec<EventEnvelope>,
}

/// Why a file cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OutboxFileError {
    #[error("this file is not JSON, or not a Palier outbox file: {reason}")]
    NotAnOutboxFile { reason: String },
    #[error("this is not a Palier outbox file (format {found:?})")]
    WrongFormat { found: String },
    #[error(
        "this outbox file is in version {found}; this server reads version \
         {OUTBOX_FILE_VERSION}: update the server"
    )]
    UnsupportedVersion { found: u32 },
}

impl OutboxFile {
    /// The file for `events` (any order; written in `seq` order, each id once).
    pub fn new(device: DeviceId, exported_at: u64, mut events: Vec<EventEnvelope>) -> OutboxFile {
        events.sort_by(|a, b| (a.seq, &a.id).cmp(&(b.seq, &b.id)));
        events.dedup_by(|a, b| a.id == b.id);
        OutboxFile {
            format: OUTBOX_FILE_FORMAT.to_owned(),
            version: OUTBOX_FILE_VERSION,
            device,
            exported_at,
            events,
        }
    }

    /// Reads a file, checking what it is before what it holds: a wrong format or version says so
    /// rather than failing on a field deep inside.
    pub fn parse(text: &str) -> Result<OutboxFile, OutboxFileError> {
        #[derive(Deserialize)]
        struct Head {
            format: Option<String>,
            version: Option<u32>,
        }
        let not_outbox = |e: serde_json::Error| OutboxFileError::NotAnOutboxFile {
            reason: e.to_string(),
        };
        let head: Head = serde_json::from_str(text).map_err(not_outbox)?;
        let format = head.format.unwrap_or_default();
        if format != OUTBOX_FILE_FORMAT {
            return Err(OutboxFileError::WrongFormat { found: format });
        }
        match head.version {
            Some(OUTBOX_FILE_VERSION) => serde_json::from_str(text).map_err(not_outbox),
            found => Err(OutboxFileError::UnsupportedVersion {
                found: found.unwrap_or(0),
            }),
        }
    }

    pub fn to_json(&self) -> String {
        // Serialising plain data with string keys cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The pushes the import performs, each checked and stored exactly like a device's push.
    pub fn push_requests(&self) -> Vec<PushRequest> {
        self.events
            .chunks(MAX_PUSH_EVENTS)
            .map(|chunk| PushRequest::new(self.device.clone(), chunk.to_vec()))
            .collect()
    }

    /// A file name that says what and whose: `palier-envois-01010101-2026-11-26.json` (the device
    /// id's first group and the local date of the export).
    pub fn file_name(&self, local_date: crate::calendar::LocalDate) -> String {
        let short = self.device.as_str().split('-').next().unwrap_or("appareil");
        format!("palier-envois-{short}-{local_date}.json")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::LocalDate;
    use crate::sync::wire::tests::{NOW, device, events};

    #[test]
    fn a_file_round_trips_in_seq_order_with_each_event_once() {
        let mut all = events(1, 4);
        all.reverse();
        all.push(all[0].clone());
        let file = OutboxFile::new(device(1), NOW, all);
        assert_eq!(
            file.events.iter().map(|e| e.seq).collect::<Vec<_>>(),
            [1, 2, 3, 4]
        );
        let json = file.to_json();
        assert!(json.contains(r#""format": "palier-outbox""#));
        assert!(json.contains(r#""version": 1"#));
        assert_eq!(OutboxFile::parse(&json), Ok(file.clone()));
        assert_eq!(
            file.file_name(LocalDate::new(2026, 11, 26).unwrap()),
            "palier-envois-01010101-2026-11-26.json"
        );
    }

    #[test]
    fn the_file_shape_does_not_change_by_accident() {
        let file = OutboxFile::new(device(2), 7, vec![]);
        assert_eq!(
            serde_json::to_string(&file).unwrap(),
            r#"{"format":"palier-outbox","version":1,"device":"02020202-0202-4202-8202-020202020202","exported_at":7,"events":[]}"#
        );
    }

    #[test]
    fn other_files_are_named_for_what_they_are() {
        assert!(matches!(
            OutboxFile::parse("not json"),
            Err(OutboxFileError::NotAnOutboxFile { .. })
        ));
        assert_eq!(
            OutboxFile::parse(r#"{"results":[]}"#),
            Err(OutboxFileError::WrongFormat {
                found: String::new()
            })
        );
        let newer = r#"{"format":"palier-outbox","version":2,"device":"x","events":[],"extra":1}"#;
        assert_eq!(
            OutboxFile::parse(newer),
            Err(OutboxFileError::UnsupportedVersion { found: 2 })
        );
        let broken =
            r#"{"format":"palier-outbox","version":1,"device":"x","exported_at":1,"events":[]}"#;
        assert!(matches!(
            OutboxFile::parse(broken),
            Err(OutboxFileError::NotAnOutboxFile { .. })
        ));
    }

    #[test]
    fn an_import_is_pushes_of_at_most_the_push_limit() {
        let file = OutboxFile::new(device(1), NOW, events(1, MAX_PUSH_EVENTS + 3));
        let pushes = file.push_requests();
        assert_eq!(
            pushes.iter().map(|p| p.events.len()).collect::<Vec<_>>(),
            [MAX_PUSH_EVENTS, 3]
        );
        assert!(pushes.iter().all(|p| p.device == device(1)));
        assert!(
            OutboxFile::new(device(1), NOW, vec![])
                .push_requests()
                .is_empty()
        );
    }
}
