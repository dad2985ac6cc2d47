//! Residents' details encrypted at rest (`domain::at_rest`): the device's data key, held in
//! memory only while the device is unlocked, and the store's records written as a readable part
//! (`json`, with [`LOCKED`] where a personal value was) plus the sealed personal part (`sealed`:
//! base64url IV, a dot, base64url AES-256-GCM ciphertext).
//!
//! WebCrypto is asynchronous and an IndexedDB transaction commits as soon as it waits on anything
//! else, so the personal part is always encrypted BEFORE the transaction opens; the record, its
//! outbox entry and the recorder then land in one transaction as before.
//!
//! Events recorded before any PIN existed are sealed when the first PIN is set
//! ([`EventStore::seal_plain_events`], again at each unlock in case a write raced it).

use super::idb::{self, IdbError, IdbResult, WriteTx};
use super::meta::{finish, meta_record};
use super::{EventStore, decoded_on_demand, event_record, fill_random, from_json, to_json};
use crate::browser::crypto::{self, CryptoError};
use domain::at_rest::recovery::{self, RecoveryCopy};
use domain::at_rest::{
    self, DATA_KEY_BYTES, IV_BYTES, Keyring, LOCKED, PERSONAL_AAD, Personal, SALT_BYTES, WrappedKey,
};
use domain::event::{EventBody, EventEnvelope};
use domain::sealed::{base64url_decode, base64url_encode};
use domain::storage_schema::{DRAFTS, EVENTS, META, NEEDS_ATTENTION, OUTBOX};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use wasm_bindgen::JsValue;

const KEYRING_KEY: &str = "keyring";
/// The name an `IdbError` carries when a write needs the data key and the device is locked.
pub const LOCKED_ERROR: &str = domain::device_storage::write_failure::DEVICE_LOCKED;

/// One database's entry: the data key while unlocked, whether it has a key ring (`None` until
/// read).
type Entry = (Option<JsValue>, Option<bool>);

thread_local! {
    /// Per database (the device's, and the tests' own): the data key (a WebCrypto `CryptoKey`)
    /// while unlocked, and whether the database has a key ring (`None` until read).
    static VAULT: RefCell<HashMap<String, Entry>> = RefCell::new(HashMap::new());
    /// Per database: a data key held in memory that no PIN stored on the device wraps (a new
    /// PIN after a forgotten one could not be stored), with the storage's detail. Locking would
    /// lose it, and a new coordinator's permission would be needed: it is never locked away.
    static NOT_STORED: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

/// Why the device's data key is held in memory only, if it is (see `NOT_STORED`).
pub fn key_not_stored() -> Option<String> {
    key_not_stored_of(domain::storage_schema::DB_NAME)
}

pub fn key_not_stored_of(db: &str) -> Option<String> {
    NOT_STORED.with(|n| n.borrow().get(db).cloned())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockState {
    /// The key ring not read yet: whether a PIN exists is not known (just after a reload).
    NotRead,
    /// No volunteer set a PIN on this device yet: details are stored as before.
    NoPin,
    Locked,
    Unlocked,
}

/// The device store's state, for the screens.
pub fn lock_state() -> LockState {
    lock_state_of(domain::storage_schema::DB_NAME)
}

pub fn lock_state_of(db: &str) -> LockState {
    VAULT.with(|v| match v.borrow().get(db) {
        Some((Some(_), _)) => LockState::Unlocked,
        Some((None, Some(true))) => LockState::Locked,
        Some((None, Some(false))) => LockState::NoPin,
        Some((None, None)) | None => LockState::NotRead,
    })
}

/// Forgets every data key that a stored PIN wraps: from now on only the readable parts can be
/// read. A key held in memory only stays (see `NOT_STORED`).
pub fn lock() {
    NOT_STORED.with(|n| {
        let kept = n.borrow();
        VAULT.with(|v| {
            v.borrow_mut()
                .iter_mut()
                .filter(|(db, _)| !kept.contains_key(*db))
                .for_each(|(_, e)| e.0 = None)
        });
    });
}

/// Forgets keys and what was known of key rings ("Effacer cet appareil" deleted the databases).
pub fn forget() {
    VAULT.with(|v| v.borrow_mut().clear());
    NOT_STORED.with(|n| n.borrow_mut().clear());
}

fn data_key(db: &str) -> Option<JsValue> {
    VAULT.with(|v| v.borrow().get(db).and_then(|e| e.0.clone()))
}

fn remember(db: &str, key: JsValue) {
    VAULT.with(|v| {
        v.borrow_mut()
            .insert(db.to_owned(), (Some(key), Some(true)))
    });
}

fn known_keyring(db: &str) -> Option<bool> {
    VAULT.with(|v| v.borrow().get(db).and_then(|e| e.1))
}

fn set_keyring_known(db: &str, present: bool) {
    VAULT.with(|v| v.borrow_mut().entry(db.to_owned()).or_default().1 = Some(present));
}

/// Why a PIN could not be set or did not unlock.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VaultFailure {
    WrongPin,
    /// This volunteer has no PIN here and nobody unlocked the device to let them add one.
    OtherVolunteerFirst,
    Crypto(String),
    Storage(IdbError),
    /// A forgotten PIN's replacement could not be stored: the tablet is unlocked for now only.
    NewPinNotSaved(Box<VaultFailure>),
}

impl VaultFailure {
    pub fn detail(&self) -> String {
        match self {
            VaultFailure::WrongPin => "wrong PIN".into(),
            VaultFailure::OtherVolunteerFirst => "locked by another volunteer".into(),
            VaultFailure::Crypto(d) => d.clone(),
            VaultFailure::Storage(e) => e.detail(),
            VaultFailure::NewPinNotSaved(f) => f.detail(),
        }
    }
}

impl From<CryptoError> for VaultFailure {
    fn from(e: CryptoError) -> Self {
        VaultFailure::Crypto(e.0)
    }
}

impl From<IdbError> for VaultFailure {
    fn from(e: IdbError) -> Self {
        VaultFailure::Storage(e)
    }
}

fn locked_error() -> IdbError {
    IdbError::Failed {
        name: LOCKED_ERROR.into(),
        message: "unlock the device to record residents' details".into(),
    }
}

fn crypto_error(e: CryptoError) -> IdbError {
    IdbError::Failed {
        name: "CryptoError".into(),
        message: e.0,
    }
}

/// `ring` with `copy`, unless the ring already holds one for that campaign (another tab made
/// it meanwhile).
fn with_copy(mut ring: Keyring, copy: Option<RecoveryCopy>) -> Keyring {
    if let Some(copy) = copy
        && recovery::needs_copy(ring.recovery.as_ref(), &copy.campaign)
    {
        ring.recovery = Some(copy);
    }
    ring
}

/// How one event's personal part is stored.
pub(crate) enum AtRest {
    /// Nothing personal, or a device without a PIN: the whole event in `json`.
    Plain,
    /// The personal part sealed under the data key.
    Sealed(String),
    /// Locked while receiving the team's events: their details stay on the server only.
    Dropped,
}

/// Seals `personal` under the data key; called before any transaction opens.
async fn seal(key: &JsValue, personal: &Personal) -> Result<String, CryptoError> {
    let plain = serde_json::to_vec(personal).map_err(|e| CryptoError(e.to_string()))?;
    seal_bytes(key, &plain).await
}

/// `plain` under the data key with a fresh IV, as `iv.ciphertext` in base64url (what
/// [`sealed_parts`] reads back).
async fn seal_bytes(key: &JsValue, plain: &[u8]) -> Result<String, CryptoError> {
    let mut iv = [0u8; IV_BYTES];
    fill_random(&mut iv);
    let ct = crypto::encrypt(key, &iv, PERSONAL_AAD, plain).await?;
    Ok(format!(
        "{}.{}",
        base64url_encode(&iv),
        base64url_encode(&ct)
    ))
}

fn sealed_parts(sealed: &str) -> Option<(Vec<u8>, Vec<u8>)> {
    let (iv, ct) = sealed.split_once('.')?;
    Some((base64url_decode(iv)?, base64url_decode(ct)?))
}

/// The key that wraps the data key for one volunteer: PBKDF2-SHA-256 of the PIN with the
/// device's salt and the ring's iteration count.
async fn key_from_pin(ring: &Keyring, pin: &str) -> Result<JsValue, VaultFailure> {
    let salt = ring
        .salt_bytes()
        .map_err(|e| VaultFailure::Crypto(e.to_string()))?;
    Ok(crypto::aes_key(
        &crypto::pbkdf2_bits(pin, &salt, ring.iterations).await?,
        false,
    )
    .await?)
}

/// The meta record saying that residents' details were stored in clear since the last pass of
/// [`EventStore::seal_plain_events`] over the whole log. Its value is the id of the event that
/// wrote it, or [`WHOLE_LOG`] from a first PIN, so that a pass removes only the note it read.
const SEAL_OWED_KEY: &str = "seal_owed";

/// The note a first PIN stores with its key ring: its pass over the whole log removes it, and if
/// that pass fails (a device that filled up meanwhile, a closed tab), the next unlock reads the
/// whole log again.
const WHOLE_LOG: &str = "whole log";

/// Notes, in the writing transaction (which must include `meta`), that `event`'s details go in
/// clear: the next unlock then seals them (a write that raced the first PIN). Without a key ring
/// the note waits for the first PIN, whose pass seals everything anyway. Unlocks skip the pass
/// over the log when no note is there: with 100,000 events stored, reading them all took 1.3 s.
/// The note holds the event's id, so that a pass removes only the note it read: one written
/// while it ran is left for the next unlock.
pub(crate) fn note_plain_details(
    tx: &WriteTx,
    event: &EventEnvelope,
    at_rest: &AtRest,
) -> IdbResult<()> {
    if matches!(at_rest, AtRest::Plain) && at_rest::split(&event.body).1.is_some() {
        put_seal_owed(tx, event.id.as_str())?;
    }
    Ok(())
}

fn put_seal_owed(tx: &WriteTx, value: &str) -> IdbResult<()> {
    tx.put(
        META,
        &idb::record(&[("key", SEAL_OWED_KEY.into()), ("json", value.into())]),
    )
}

/// The sealing note as stored, if any.
fn seal_owed_in(stored: &JsValue) -> Option<String> {
    (!stored.is_undefined()).then(|| idb::field_string(stored, "json").unwrap_or_default())
}

/// The record of `event` stored as `at_rest` says.
pub(crate) fn stored_record(event: &EventEnvelope, at_rest: &AtRest) -> IdbResult<JsValue> {
    let readable = |body: EventBody| EventEnvelope {
        body,
        ..event.clone()
    };
    match at_rest {
        AtRest::Plain => event_record(event),
        AtRest::Sealed(sealed) => {
            let record = event_record(&readable(at_rest::split(&event.body).0))?;
            let _ = js_sys::Reflect::set(&record, &"sealed".into(), &sealed.as_str().into());
            Ok(record)
        }
        AtRest::Dropped => event_record(
            &at_rest::purged(&event.body)
                .map(readable)
                .unwrap_or_else(|| event.clone()),
        ),
    }
}

impl EventStore {
    /// The device's key ring, if a PIN was ever set here.
    pub async fn keyring(&self) -> IdbResult<Option<Keyring>> {
        let Some(stored) = self.meta_get(KEYRING_KEY).await? else {
            set_keyring_known(&self.database().name(), false);
            return Ok(None);
        };
        let ring = decoded_on_demand::decode_keyring(stored).await?;
        set_keyring_known(&self.database().name(), true);
        Ok(Some(ring))
    }

    async fn has_keyring(&self) -> IdbResult<bool> {
        match known_keyring(&self.database().name()) {
            Some(known) => Ok(known),
            None => Ok(self.keyring().await?.is_some()),
        }
    }

    /// How `body`'s personal part is to be stored, worked out before any transaction opens.
    pub(crate) async fn prepare(&self, body: &EventBody, received: bool) -> IdbResult<AtRest> {
        let Some(personal) = at_rest::split(body).1 else {
            return Ok(AtRest::Plain);
        };
        if !self.has_keyring().await? {
            return Ok(AtRest::Plain);
        }
        match data_key(&self.database().name()) {
            Some(key) => seal(&key, &personal)
                .await
                .map(AtRest::Sealed)
                .map_err(crypto_error),
            None if received => Ok(AtRest::Dropped),
            None => Err(locked_error()),
        }
    }

    /// Sets `volunteer`'s PIN (already checked with `kiosk::check_new_pin`). The first PIN of a
    /// device draws its salt and data key and seals every detail recorded so far; a later one
    /// needs the device unlocked, and wraps the same data key.
    pub async fn set_pin(&self, volunteer: &str, pin: &str) -> Result<(), VaultFailure> {
        let ring = self.keyring().await?;
        let (ring, raw) = match (ring, data_key(&self.database().name())) {
            (None, _) => {
                let mut salt = [0u8; SALT_BYTES];
                fill_random(&mut salt);
                let mut raw = vec![0u8; DATA_KEY_BYTES];
                fill_random(&mut raw);
                (Keyring::new(salt), raw)
            }
            (Some(ring), Some(key)) => (ring, crypto::export_raw(&key).await?),
            (Some(_), None) => return Err(VaultFailure::OtherVolunteerFirst),
        };
        self.keep_wrapped(ring, raw, volunteer, pin).await?;
        self.seal_now_or_at_next_unlock(true).await;
        Ok(())
    }

    /// A new PIN for `volunteer` over the data key `raw` the server gave back from the key
    /// ring's recovery copy (every volunteer here forgot theirs, `domain::at_rest::recovery`).
    /// The same data key: everything recorded opens again, nothing is sealed anew.
    pub async fn set_pin_over_recovered_key(
        &self,
        volunteer: &str,
        pin: &str,
        raw: Vec<u8>,
    ) -> Result<(), VaultFailure> {
        let ring = self
            .keyring()
            .await?
            .ok_or_else(|| VaultFailure::Crypto("this device has no key ring to recover".into()))?;
        let salt = ring.salt.clone();
        let key = crypto::aes_key(&raw, true).await?;
        match self.keep_wrapped(ring, raw, volunteer, pin).await {
            Ok(()) => {}
            // The server opened the copy once, for this permission: if the new PIN cannot be
            // stored (a full device), the key stays in memory, so the tablet is unlocked for now
            // and what waits can be sent. Safe, unlike a first PIN, only while the stored ring is
            // the one the key came from (same salt): its other PINs and copy wrap this very key.
            Err(VaultFailure::Storage(e))
                if self
                    .keyring()
                    .await
                    .ok()
                    .flatten()
                    .is_some_and(|stored| stored.salt == salt) =>
            {
                let db = self.database().name();
                remember(&db, key);
                NOT_STORED.with(|n| n.borrow_mut().insert(db, e.detail()));
                return Err(VaultFailure::NewPinNotSaved(Box::new(
                    VaultFailure::Storage(e),
                )));
            }
            Err(other) => return Err(other),
        }
        self.seal_now_or_at_next_unlock(false).await;
        Ok(())
    }

    /// Wraps `raw` under `volunteer`'s `pin` into `ring` (with a recovery copy if it lacks one),
    /// stores the ring and keeps the data key in memory: the device is unlocked.
    async fn keep_wrapped(
        &self,
        ring: Keyring,
        raw: Vec<u8>,
        volunteer: &str,
        pin: &str,
    ) -> Result<(), VaultFailure> {
        let kek = key_from_pin(&ring, pin).await?;
        let mut iv = [0u8; IV_BYTES];
        fill_random(&mut iv);
        let wrapped = crypto::encrypt(&kek, &iv, &WrappedKey::aad(volunteer), &raw).await?;
        let wrapped = WrappedKey {
            volunteer: volunteer.to_owned(),
            iv: base64url_encode(&iv),
            wrapped: base64url_encode(&wrapped),
        };
        let copy = self.new_recovery_copy(ring.recovery.as_ref(), &raw).await;
        let key = crypto::aes_key(&raw, true).await?;
        self.save_keyring_change(&ring, |stored| with_copy(stored.with(wrapped), copy))
            .await?;
        let db = self.database().name();
        remember(&db, key);
        // A PIN now wraps the key: it may be locked away again.
        NOT_STORED.with(|n| n.borrow_mut().remove(&db));
        Ok(())
    }

    /// Stores `change` applied to the key ring as it is stored NOW, read again just before the
    /// write: a PIN another tab added meanwhile (a PBKDF2 takes about a second) is kept.
    /// `made_from` is the ring the change was worked out from; if the stored one has another
    /// salt, another tab set the first PIN with another data key, and nothing is written.
    async fn save_keyring_change(
        &self,
        made_from: &Keyring,
        change: impl FnOnce(Keyring) -> Keyring,
    ) -> Result<(), VaultFailure> {
        // A first PIN: no ring stored, and the one worked out wraps no PIN yet.
        let (base, first) = match self.keyring().await? {
            Some(stored) if stored.salt == made_from.salt => (stored, false),
            Some(_) => return Err(VaultFailure::OtherVolunteerFirst),
            None => (made_from.clone(), made_from.names().is_empty()),
        };
        // The first ring comes with the note that the whole log is to be sealed, in the same
        // transaction: whatever stops the pass that follows, the next unlock does it.
        let tx = WriteTx::begin(self.database(), &[META])?;
        let queued = to_json(&change(base))
            .and_then(|json| tx.put(META, &meta_record(KEYRING_KEY, &json)))
            .and_then(|()| match first {
                true => put_seal_owed(&tx, WHOLE_LOG),
                false => Ok(()),
            });
        finish(tx, queued).await?;
        Ok(())
    }

    /// The data key `raw` sealed to the campaign's public key for this device, when the device
    /// is linked, holds its campaign's key, and `current` is no copy or one for another campaign;
    /// `None` otherwise (no need, not linked yet, or sealing failed: the next unlock tries again).
    async fn new_recovery_copy(
        &self,
        current: Option<&RecoveryCopy>,
        raw: &[u8],
    ) -> Option<RecoveryCopy> {
        let key = self.sealing_key().await.ok()??;
        if !recovery::needs_copy(current, &key.campaign) {
            return None;
        }
        let device = self.device().await.ok()?;
        let aad = recovery::recovery_aad(&key.campaign, &device);
        match super::sealed::seal(&key, &aad, raw).await {
            Ok(sealed) => Some(RecoveryCopy {
                campaign: key.campaign,
                sealed,
            }),
            Err(e) => {
                web_sys::console::warn_1(
                    &format!("no recovery copy of the data key: {}", e.detail()).into(),
                );
                None
            }
        }
    }

    /// Adds the recovery copy to the key ring if it lacks one for the device's campaign, while
    /// unlocked (the device just linked, or its campaign's key just fetched). Locked or without a
    /// PIN: nothing to do.
    pub async fn keep_recovery_copy(&self) -> Result<(), VaultFailure> {
        let Some(key) = data_key(&self.database().name()) else {
            return Ok(());
        };
        let Some(ring) = self.keyring().await? else {
            return Ok(());
        };
        let raw = crypto::export_raw(&key).await?;
        if let Some(copy) = self.new_recovery_copy(ring.recovery.as_ref(), &raw).await {
            self.save_keyring_change(&ring, |stored| with_copy(stored, Some(copy)))
                .await?;
        }
        Ok(())
    }

    /// The key ring's recovery copy, whichever campaign it was sealed for (the server opens a
    /// copy of an earlier campaign too, for this device only).
    pub async fn recovery_copy(&self) -> IdbResult<Option<RecoveryCopy>> {
        Ok(self.keyring().await?.and_then(|r| r.recovery))
    }

    /// Unlocks with `volunteer`'s PIN: the data key comes back into memory.
    pub async fn unlock(&self, volunteer: &str, pin: &str) -> Result<(), VaultFailure> {
        let ring = self.keyring().await?.ok_or(VaultFailure::WrongPin)?;
        let entry = ring
            .entry(volunteer)
            .ok_or(VaultFailure::OtherVolunteerFirst)?;
        let (iv, wrapped) = entry
            .parts()
            .map_err(|e| VaultFailure::Crypto(e.to_string()))?;
        let kek = key_from_pin(&ring, pin).await?;
        // A wrong PIN gives another key, whose decryption fails the tag.
        let raw = crypto::decrypt(&kek, &iv, &WrappedKey::aad(volunteer), &wrapped)
            .await
            .map_err(|_| VaultFailure::WrongPin)?;
        remember(&self.database().name(), crypto::aes_key(&raw, true).await?);
        // A ring made before the device was linked (or before copies existed, or for an earlier
        // campaign) gets its copy now. A spare: the unlock never fails for want of it.
        if let Some(copy) = self.new_recovery_copy(ring.recovery.as_ref(), &raw).await
            && let Err(e) = self
                .save_keyring_change(&ring, |stored| with_copy(stored, Some(copy)))
                .await
        {
            web_sys::console::warn_1(&format!("recovery copy not kept: {}", e.detail()).into());
        }
        self.seal_now_or_at_next_unlock(false).await;
        Ok(())
    }

    /// The sealing pass after the key came into memory. The PIN is stored and the device
    /// unlocked by then, so a failed pass (a full device refusing the rewrites) does not undo
    /// that nor say it failed: its note stays (a first PIN stored one with its ring) and the
    /// next unlock tries again.
    async fn seal_now_or_at_next_unlock(&self, whole_log: bool) {
        if let Err(failure) = self.seal_plain_events(whole_log).await {
            web_sys::console::warn_1(
                &format!("details not sealed yet: {}", failure.detail()).into(),
            );
        }
    }

    /// Seals the details still stored in clear (recorded before the first PIN); returns how many.
    /// Each record is rewritten only if it did not change meanwhile.
    /// The log is read only when `whole_log` (the first PIN) or when a write noted details in
    /// clear since the last pass ([`note_plain_details`]); drafts, few, are always looked at.
    pub async fn seal_plain_events(&self, whole_log: bool) -> Result<usize, VaultFailure> {
        let Some(key) = data_key(&self.database().name()) else {
            return Ok(0);
        };
        // The note is taken away in the transaction that seals, and only if it is still the one
        // read here: a write landing after the read notes again (another id), and the next
        // unlock looks again; a pass that fails leaves it.
        let owed = idb::get_many(self.database(), META, &[SEAL_OWED_KEY.into()])
            .await?
            .first()
            .and_then(seal_owed_in);
        let records = if whole_log || owed.is_some() {
            idb::get_all(self.database(), EVENTS, None).await?
        } else {
            js_sys::Array::new()
        };
        let mut sealed = Vec::new();
        for record in records.iter() {
            if idb::field_string(&record, "sealed").is_some() {
                continue;
            }
            // Most of a log is visits without a note: skip them without parsing (an unlock with
            // 100,000 events stored took 1.6 s parsing them all).
            let json = idb::field_string(&record, "json").unwrap_or_default();
            if !at_rest::may_hold_personal(&json) {
                continue;
            }
            // A record that cannot be read is left as it is: failing the pass for it would keep
            // every other detail in clear at every unlock.
            let event: EventEnvelope = match from_json(&record) {
                Ok(event) => event,
                Err(e) => {
                    web_sys::console::warn_1(&format!("not sealed: {}", e.detail()).into());
                    continue;
                }
            };
            let Some(personal) = at_rest::split(&event.body).1 else {
                continue;
            };
            sealed.push((json, event.clone(), seal(&key, &personal).await?));
        }
        // Unfinished forms kept in clear before the PIN (a sign-up half typed) are sealed too.
        let mut drafts = Vec::new();
        for record in idb::get_all(self.database(), DRAFTS, None).await?.iter() {
            if let (Some(key_name), Some(json)) = (
                idb::field_string(&record, "key"),
                idb::field_string(&record, "json"),
            ) && let DraftAtRest::Sealed(s) = self.prepare_draft(&json).await?
            {
                drafts.push((key_name, json, s));
            }
        }
        if sealed.is_empty() && drafts.is_empty() && owed.is_none() {
            return Ok(0);
        }
        let tx = WriteTx::begin(self.database(), &[EVENTS, DRAFTS, META])?;
        let result = async {
            let mut done = 0;
            if owed.is_some() && seal_owed_in(&tx.get(META, &SEAL_OWED_KEY.into()).await?) == owed {
                tx.delete(META, &SEAL_OWED_KEY.into())?;
            }
            for (key_name, json, ciphertext) in &drafts {
                let now = tx.get(DRAFTS, &key_name.as_str().into()).await?;
                if idb::field_string(&now, "json").as_deref() == Some(json.as_str()) {
                    tx.put(
                        DRAFTS,
                        &idb::record(&[
                            ("key", key_name.as_str().into()),
                            ("sealed", ciphertext.as_str().into()),
                        ]),
                    )?;
                }
            }
            for (json, event, ciphertext) in &sealed {
                let now = tx.get(EVENTS, &event.id.as_str().into()).await?;
                if idb::field_string(&now, "json").as_deref() == Some(json.as_str()) {
                    tx.put(
                        EVENTS,
                        &stored_record(event, &AtRest::Sealed(ciphertext.clone()))?,
                    )?;
                    done += 1;
                }
            }
            Ok::<_, IdbError>(done)
        }
        .await;
        match result {
            Ok(done) => {
                tx.committed().await?;
                Ok(done)
            }
            Err(e) => {
                tx.abort();
                Err(e.into())
            }
        }
    }

    /// Purge after sync: every event the server acknowledged (in neither the outbox nor "À
    /// vérifier") and older than `window_days` loses its personal part, in one transaction;
    /// returns how many. Works locked or not: it needs only the readable parts.
    pub async fn purge_synced(&self, now_ms: u64, window_days: u32) -> IdbResult<usize> {
        let records = idb::get_all(self.database(), EVENTS, None).await?;
        let mut waiting: HashSet<String> = HashSet::new();
        for store in [OUTBOX, NEEDS_ATTENTION] {
            for record in idb::get_all(self.database(), store, None).await?.iter() {
                waiting.extend(idb::field_string(&record, "event_id"));
            }
        }
        let mut due = Vec::new();
        for record in records.iter() {
            // The same quick test as the sealing pass: most events hold nothing to purge.
            let json = idb::field_string(&record, "json").unwrap_or_default();
            if !at_rest::may_hold_personal(&json) {
                continue;
            }
            let event: EventEnvelope = from_json(&record)?;
            let acknowledged = !waiting.contains(event.id.as_str());
            if at_rest::is_due_for_purge(&event, acknowledged, now_ms, window_days) {
                due.push((json, event));
            }
        }
        if due.is_empty() {
            return Ok(0);
        }
        let tx = WriteTx::begin(self.database(), &[EVENTS])?;
        let result = async {
            let mut done = 0;
            for (json, event) in &due {
                let now = tx.get(EVENTS, &event.id.as_str().into()).await?;
                if idb::field_string(&now, "json").as_deref() == Some(json.as_str()) {
                    tx.put(EVENTS, &stored_record(event, &AtRest::Dropped)?)?;
                    done += 1;
                }
            }
            Ok::<_, IdbError>(done)
        }
        .await;
        match result {
            Ok(done) => tx.committed().await.map(|()| done),
            Err(e) => {
                tx.abort();
                Err(e)
            }
        }
    }
}

/// Decodes `records` (an `undefined` one, a missing event, gives `None`) and, while unlocked,
/// joins each sealed personal part back into its event.
pub(crate) async fn open_records(
    db: &str,
    records: &[JsValue],
) -> IdbResult<Vec<Option<EventEnvelope>>> {
    let mut events = Vec::with_capacity(records.len());
    let mut sealed = Vec::new();
    for (i, record) in records.iter().enumerate() {
        if record.is_undefined() {
            events.push(None);
            continue;
        }
        let event: EventEnvelope = from_json(record)?;
        if let Some(parts) = idb::field_string(record, "sealed").and_then(|s| sealed_parts(&s)) {
            sealed.push((i, parts));
        }
        events.push(Some(event));
    }
    for (i, personal) in opened_parts(db, &sealed).await? {
        if let Some(event) = events[i].as_mut() {
            join_into(event, &personal);
        }
    }
    Ok(events)
}

/// The same for a whole log, straight into one vector: with 100,000 events, an intermediate
/// vector of options and its flattened copy cost the field screen some 40 MB of wasm memory.
pub(crate) async fn open_all(db: &str, records: &[JsValue]) -> IdbResult<Vec<EventEnvelope>> {
    let mut events = Vec::with_capacity(records.len());
    let mut sealed = Vec::new();
    for record in records.iter().filter(|r| !r.is_undefined()) {
        let event: EventEnvelope = from_json(record)?;
        if let Some(parts) = idb::field_string(record, "sealed").and_then(|s| sealed_parts(&s)) {
            sealed.push((events.len(), parts));
        }
        events.push(event);
    }
    for (i, personal) in opened_parts(db, &sealed).await? {
        join_into(&mut events[i], &personal);
    }
    Ok(events)
}

/// A sealed personal part read from its record: the IV and the ciphertext.
type SealedParts = (Vec<u8>, Vec<u8>);

/// Opens the sealed parts (index, (iv, ciphertext)) with the data key when the device is
/// unlocked; none while it is locked.
async fn opened_parts(
    db: &str,
    sealed: &[(usize, SealedParts)],
) -> IdbResult<Vec<(usize, Personal)>> {
    let Some(key) = data_key(db).filter(|_| !sealed.is_empty()) else {
        return Ok(Vec::new());
    };
    let items: Vec<(Vec<u8>, Vec<u8>)> = sealed.iter().map(|(_, p)| p.clone()).collect();
    let opened = crypto::decrypt_all(&key, &items, PERSONAL_AAD)
        .await
        .map_err(crypto_error)?;
    Ok(sealed
        .iter()
        .zip(opened)
        .filter_map(|((i, _), plain)| {
            let personal: Personal = serde_json::from_slice(&plain?).ok()?;
            Some((*i, personal))
        })
        .collect())
}

fn join_into(event: &mut EventEnvelope, personal: &Personal) {
    if let Ok(body) = at_rest::join(&event.body, personal) {
        event.body = body;
    }
}

/// Whether an event read back still holds a locked value (the device was locked).
pub fn is_locked(event: &EventEnvelope) -> bool {
    at_rest::split(&event.body).1.is_some_and(|p| {
        [&p.first_name, &p.last_name, &p.phone, &p.email, &p.note]
            .into_iter()
            .flatten()
            .any(|v| v == LOCKED)
    })
}

/// How a form's draft may be kept: sealed when a PIN exists and the device is unlocked, in clear
/// on a device without a PIN, not at all while locked (the form keeps it in memory; writing it in
/// clear would undo the lock).
pub(crate) enum DraftAtRest {
    Plain,
    Sealed(String),
    NotKept,
}

impl EventStore {
    pub(crate) async fn prepare_draft(&self, json: &str) -> IdbResult<DraftAtRest> {
        if !self.has_keyring().await? {
            return Ok(DraftAtRest::Plain);
        }
        let Some(key) = data_key(&self.database().name()) else {
            return Ok(DraftAtRest::NotKept);
        };
        seal_bytes(&key, json.as_bytes())
            .await
            .map(DraftAtRest::Sealed)
            .map_err(crypto_error)
    }
}

/// A sealed draft's JSON, when the device is unlocked and it opens.
pub(crate) async fn open_draft(db: &str, sealed: &str) -> Option<String> {
    let key = data_key(db)?;
    let (iv, ct) = sealed_parts(sealed)?;
    let plain = crypto::decrypt(&key, &iv, PERSONAL_AAD, &ct).await.ok()?;
    String::from_utf8(plain).ok()
}
