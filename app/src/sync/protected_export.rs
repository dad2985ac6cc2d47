//! The encrypted export (`domain::device_storage::protected_export`) carried out with WebCrypto:
//! the device locks what it has not sent with a passphrase; the coordinator's browser opens it
//! with the same passphrase before importing it like a plain export. The ids exported are kept
//! for this tab's life, so that "Effacer cet appareil" knows what a saved file already holds.

use super::download::save_text_file;
use crate::browser::clock;
use crate::browser::crypto;
use crate::store::{EventStore, now_ms};
use domain::device_storage::protected_export::{NONCE_BYTES, SALT_BYTES};
use domain::device_storage::{ProtectedExport, ProtectedExportProblem};
use domain::ids::EventId;
use domain::sync::OutboxFile;
use std::cell::RefCell;
use std::collections::BTreeSet;

thread_local! {
    /// The events in the encrypted export saved in this session (this tab, since it was opened).
    static EXPORTED: RefCell<Option<BTreeSet<EventId>>> = const { RefCell::new(None) };
}

/// What the encrypted export saved in this session holds, if one was saved.
pub fn exported_this_session() -> Option<BTreeSet<EventId>> {
    EXPORTED.with(|e| e.borrow().clone())
}

fn random<const N: usize>() -> Result<[u8; N], String> {
    let mut bytes = [0u8; N];
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or("no WebCrypto in this browser")?;
    crypto
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|e| format!("{e:?}"))?;
    Ok(bytes)
}

/// Encrypts the outbox and the "À vérifier" list under `passphrase` (checked by the caller with
/// `check_passphrase`) and saves the file; returns its name and how many records it holds.
pub async fn export_protected(
    store: &EventStore,
    passphrase: &str,
) -> Result<(String, usize), String> {
    let device = store.device().await.map_err(|e| e.detail())?;
    let (events, _missing) = store.unsent_events().await.map_err(|e| e.detail())?;
    let file = OutboxFile::new(device, now_ms(), events);
    let header = ProtectedExport::header(&file, random::<SALT_BYTES>()?, random::<NONCE_BYTES>()?);
    let bits = crypto::pbkdf2_bits(passphrase, &header.salt_bytes(), header.iterations)
        .await
        .map_err(|e| e.0)?;
    let key = crypto::aes_key(&bits, false).await.map_err(|e| e.0)?;
    let sealed = crypto::encrypt(
        &key,
        &header.nonce_bytes(),
        &header.additional_data(),
        &ProtectedExport::plaintext(&file),
    )
    .await
    .map_err(|e| e.0)?;
    let protected = header.sealed(&sealed);
    let name = protected.file_name(clock::today());
    save_text_file(&name, "application/json", &protected.to_json())?;
    let ids: BTreeSet<EventId> = file.events.iter().map(|e| e.id.clone()).collect();
    let count = ids.len();
    EXPORTED.with(|e| *e.borrow_mut() = Some(ids));
    Ok((name, count))
}

/// Opens an encrypted export with `passphrase`: the outbox file inside, or why not (a wrong
/// passphrase and a changed file read the same: the tag check failed).
pub async fn open_protected(
    text: &str,
    passphrase: &str,
) -> Result<OutboxFile, ProtectedExportProblem> {
    let file = ProtectedExport::parse(text)?;
    let damaged = |e: crypto::CryptoError| ProtectedExportProblem::Damaged { reason: e.0 };
    let bits = crypto::pbkdf2_bits(passphrase, &file.salt_bytes(), file.iterations)
        .await
        .map_err(damaged)?;
    let key = crypto::aes_key(&bits, false).await.map_err(damaged)?;
    let plain = crypto::decrypt(
        &key,
        &file.nonce_bytes(),
        &file.additional_data(),
        &file.ciphertext_bytes(),
    )
    .await
    .ok();
    file.open(plain.as_deref())
}
