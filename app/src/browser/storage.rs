//! Persistent storage and the storage estimate (`navigator.storage`): browsers evict the data
//! of sites that are not "persisted" when space runs low, which would lose unsent visits.

use js_sys::{Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StorageState {
    pub persisted: bool,
    pub used_bytes: Option<f64>,
    pub quota_bytes: Option<f64>,
}

fn manager() -> Option<web_sys::StorageManager> {
    Some(web_sys::window()?.navigator().storage())
}

async fn bool_of(promise: Result<Promise, JsValue>) -> bool {
    match promise {
        Ok(p) => JsFuture::from(p)
            .await
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false),
        Err(_) => false,
    }
}

/// Asks the browser to keep this site's data; returns whether it is persisted now.
pub async fn request_persistence() -> bool {
    match manager() {
        Some(m) => bool_of(m.persist()).await,
        None => false,
    }
}

pub async fn state() -> StorageState {
    let Some(m) = manager() else {
        return StorageState {
            persisted: false,
            used_bytes: None,
            quota_bytes: None,
        };
    };
    let persisted = bool_of(m.persisted()).await;
    let estimate = match m.estimate() {
        Ok(p) => JsFuture::from(p).await.ok(),
        Err(_) => None,
    };
    let number = |name: &str| {
        estimate
            .as_ref()
            .and_then(|e| Reflect::get(e.unchecked_ref(), &JsValue::from_str(name)).ok())
            .and_then(|v| v.as_f64())
    };
    StorageState {
        persisted,
        used_bytes: number("usage"),
        quota_bytes: number("quota"),
    }
}
