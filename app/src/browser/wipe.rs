//! "Effacer cet appareil", carried out: every IndexedDB database of this origin (the event log,
//! the outbox, the enrollment, drafts, keys), then localStorage and sessionStorage. Whether it
//! may run is `domain::device_storage::may_wipe`'s decision, checked by the caller just before.
//!
//! The service worker and its cache stay: they hold only the app's build (never a record), and
//! keep Palier opening offline on a tablet handed to the next volunteer.

use crate::store::idb;
use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The names of this origin's IndexedDB databases (`indexedDB.databases()`).
async fn database_names() -> Result<Vec<String>, String> {
    let window = web_sys::window().ok_or("no window")?;
    let factory = window
        .indexed_db()
        .map_err(|e| format!("{e:?}"))?
        .ok_or("IndexedDB unavailable")?;
    let list: Function = Reflect::get(&factory, &"databases".into())
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|_| "indexedDB.databases() unavailable")?;
    let promise: Promise = list
        .call0(&factory)
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|_| "indexedDB.databases() gave no promise")?;
    let found: Array = JsFuture::from(promise)
        .await
        .map_err(|e| format!("{e:?}"))?
        .unchecked_into();
    Ok(found
        .iter()
        .filter_map(|d| Reflect::get(&d, &"name".into()).ok()?.as_string())
        .collect())
}

/// Deletes every database (open connections close themselves on `versionchange`, see
/// `idb::open`), then the web storages. Stops at the first failure and says which.
pub async fn wipe_device() -> Result<(), String> {
    for name in database_names().await? {
        idb::delete_database(&name)
            .await
            .map_err(|e| format!("{name}: {}", e.detail()))?;
    }
    // The data key held in memory belonged to the deleted database: no key may outlive it.
    crate::store::vault::forget();
    let window = web_sys::window().ok_or("no window")?;
    for storage in [window.local_storage(), window.session_storage()] {
        if let Ok(Some(storage)) = storage {
            storage.clear().map_err(|e: JsValue| format!("{e:?}"))?;
        }
    }
    Ok(())
}
