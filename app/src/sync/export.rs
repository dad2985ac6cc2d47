//! "Exporter les envois en attente": the outbox and the "À vérifier" list as an `OutboxFile`,
//! saved on the device for a coordinator to import. Nothing is deleted: the events leave the
//! outbox only when a push (or the import, seen by the next push as duplicates) is acknowledged.

use super::download::save_text_file;
use crate::browser::clock;
use crate::store::{EventStore, now_ms};
use domain::sync::OutboxFile;

/// Writes the file; returns its name and how many events it holds.
pub async fn export_unsent(store: &EventStore) -> Result<(String, usize), String> {
    let device = store.device().await.map_err(|e| e.detail())?;
    // Entries whose event is missing cannot be exported; the next round lists them "À vérifier".
    let (events, _missing) = store.unsent_events().await.map_err(|e| e.detail())?;
    let count = events.len();
    let file = OutboxFile::new(device, now_ms(), events);
    let name = file.file_name(clock::today());
    save_text_file(&name, "application/json", &file.to_json())?;
    Ok((name, count))
}
