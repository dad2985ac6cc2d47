//! A thin promise-shaped adapter over the browser's IndexedDB: open with the schema's migrations,
//! run one read-write transaction that commits every put or none, read whole stores back.
//!
//! Written over `web-sys` directly rather than a wrapper crate so that the transaction's life is
//! explicit: requests are awaited through promise callbacks (microtasks), which run before the
//! browser decides the transaction has nothing left to do, and `committed()` waits for the
//! transaction's `complete` event — the only moment a write is durable.

use domain::storage_schema::{self, Step};
use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DomException, IdbDatabase, IdbIndexParameters, IdbObjectStore, IdbObjectStoreParameters,
    IdbOpenDbRequest, IdbRequest, IdbTransaction, IdbTransactionMode, IdbVersionChangeEvent,
};

/// Why the browser refused a storage operation, in words the UI can turn into a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IdbError {
    /// No IndexedDB at all (some private modes, very old browsers).
    Unavailable,
    /// The device is out of space for this site; nothing of the transaction was written.
    QuotaExceeded,
    /// Anything else, with the browser's name and message for the log and the detail line.
    Failed { name: String, message: String },
}

impl IdbError {
    pub fn from_js(value: &JsValue) -> IdbError {
        if let Some(e) = value.dyn_ref::<DomException>() {
            return match e.name().as_str() {
                "QuotaExceededError" => IdbError::QuotaExceeded,
                name => IdbError::Failed {
                    name: name.to_owned(),
                    message: e.message(),
                },
            };
        }
        // An `error` event: the exception is on its target request or transaction.
        if let Some(target) = value.dyn_ref::<web_sys::Event>().and_then(|e| e.target()) {
            if let Some(req) = target.dyn_ref::<IdbRequest>()
                && let Ok(Some(e)) = req.error()
            {
                return IdbError::from_js(&e);
            }
            if let Some(tx) = target.dyn_ref::<IdbTransaction>()
                && let Some(e) = tx.error()
            {
                return IdbError::from_js(&e);
            }
        }
        IdbError::Failed {
            name: "Error".into(),
            message: format!("{value:?}"),
        }
    }

    pub fn detail(&self) -> String {
        match self {
            IdbError::Unavailable => "IndexedDB unavailable".into(),
            IdbError::QuotaExceeded => "QuotaExceededError".into(),
            IdbError::Failed { name, message } => format!("{name}: {message}"),
        }
    }
}

pub type IdbResult<T> = Result<T, IdbError>;

fn js_err(value: JsValue) -> IdbError {
    IdbError::from_js(&value)
}

/// Resolves when the request succeeds, with its result; rejects with its error.
pub async fn request(req: &IdbRequest) -> IdbResult<JsValue> {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        req.set_onsuccess(Some(&resolve));
        req.set_onerror(Some(&reject));
    });
    JsFuture::from(promise).await.map_err(js_err)?;
    req.result().map_err(js_err)
}

/// Opens (creating or upgrading) a database up to `version`, performing the schema steps that
/// `domain::storage_schema` lists for the versions it crosses.
pub async fn open(name: &str, version: u32) -> IdbResult<IdbDatabase> {
    let window = web_sys::window().ok_or(IdbError::Unavailable)?;
    let factory = window
        .indexed_db()
        .map_err(js_err)?
        .ok_or(IdbError::Unavailable)?;
    let open_req: IdbOpenDbRequest = factory.open_with_u32(name, version).map_err(js_err)?;

    // Upgrades must happen synchronously inside `upgradeneeded`, on its version-change transaction.
    let upgrade =
        Closure::<dyn FnMut(IdbVersionChangeEvent)>::new(move |event: IdbVersionChangeEvent| {
            let result = (|| -> Result<(), JsValue> {
                let req: IdbOpenDbRequest = event.target().ok_or("no target")?.unchecked_into();
                let db: IdbDatabase = req.result()?.unchecked_into();
                let tx = req.transaction().ok_or("no version-change transaction")?;
                let old = event.old_version() as u32;
                let new = event.new_version().unwrap_or(old as f64) as u32;
                let steps = storage_schema::steps_for_upgrade(old, new)
                    .map_err(|e| JsValue::from_str(&e.to_string()))?;
                for step in steps {
                    apply_step(&db, &tx, step)?;
                }
                Ok(())
            })();
            if let Err(e) = result {
                // Aborting the version change leaves the database exactly as it was.
                web_sys::console::error_2(&"Palier: schema upgrade failed".into(), &e);
                if let Some(target) = event.target()
                    && let Some(tx) = target.unchecked_into::<IdbOpenDbRequest>().transaction()
                {
                    let _ = tx.abort();
                }
            }
        });
    open_req.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let result = request(&open_req).await;
    open_req.set_onupgradeneeded(None);
    drop(upgrade);
    let db: IdbDatabase = result?.unchecked_into();
    // Another tab opening a newer version asks us to step aside; closing lets its upgrade run
    // (the user then reloads into the new version, and nothing written is lost).
    let db_for_close = db.clone();
    let on_version_change = Closure::<dyn FnMut()>::new(move || db_for_close.close());
    db.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
    on_version_change.forget();
    Ok(db)
}

fn apply_step(db: &IdbDatabase, tx: &IdbTransaction, step: &Step) -> Result<(), JsValue> {
    match *step {
        Step::CreateStore { name, key_path } => {
            let params = IdbObjectStoreParameters::new();
            params.set_key_path(&JsValue::from_str(key_path));
            db.create_object_store_with_optional_parameters(name, &params)?;
        }
        Step::CreateIndex {
            store,
            name,
            key_path,
            unique,
        } => {
            let params = IdbIndexParameters::new();
            params.set_unique(unique);
            tx.object_store(store)?
                .create_index_with_str_and_optional_parameters(name, key_path, &params)?;
        }
        Step::DeleteIndex { store, name } => tx.object_store(store)?.delete_index(name)?,
    }
    Ok(())
}

/// A read-write transaction over several stores: all its writes land together or not at all.
pub struct WriteTx {
    tx: IdbTransaction,
    done: JsFuture,
}

impl WriteTx {
    pub fn begin(db: &IdbDatabase, stores: &[&str]) -> IdbResult<WriteTx> {
        let names: Array = stores.iter().map(|s| JsValue::from_str(s)).collect();
        let tx = db
            .transaction_with_str_sequence_and_mode(&names, IdbTransactionMode::Readwrite)
            .map_err(js_err)?;
        // Listen before anything can finish, so that `complete` can never be missed.
        let tx_for_promise = tx.clone();
        let done = JsFuture::from(Promise::new(&mut |resolve: Function, reject: Function| {
            tx_for_promise.set_oncomplete(Some(&resolve));
            tx_for_promise.set_onerror(Some(&reject));
            tx_for_promise.set_onabort(Some(&reject));
        }));
        Ok(WriteTx { tx, done })
    }

    pub fn store(&self, name: &str) -> IdbResult<IdbObjectStore> {
        self.tx.object_store(name).map_err(js_err)
    }

    /// Inserts a record that must not exist yet (a duplicate id aborts the whole transaction).
    pub fn add(&self, store: &str, value: &JsValue) -> IdbResult<()> {
        self.store(store)?.add(value).map_err(js_err)?;
        Ok(())
    }

    pub fn put(&self, store: &str, value: &JsValue) -> IdbResult<()> {
        self.store(store)?.put(value).map_err(js_err)?;
        Ok(())
    }

    pub async fn get(&self, store: &str, key: &JsValue) -> IdbResult<JsValue> {
        request(&self.store(store)?.get(key).map_err(js_err)?).await
    }

    pub fn delete(&self, store: &str, key: &JsValue) -> IdbResult<()> {
        self.store(store)?.delete(key).map_err(js_err)?;
        Ok(())
    }

    /// Waits until the browser reports the transaction complete: only then is the write durable.
    pub async fn committed(self) -> IdbResult<()> {
        // `commit()` only tells the browser not to wait for more requests (a faster durable
        // write); web-sys marks it deprecated for lack of support in old browsers, where the
        // transaction still commits on its own once idle.
        #[allow(deprecated)]
        let _ = self.tx.commit();
        self.done.await.map(|_| ()).map_err(|e| {
            // On abort the event carries no error of its own: the transaction does.
            match self.tx.error() {
                Some(err) => IdbError::from_js(&err),
                None => IdbError::from_js(&e),
            }
        })
    }

    /// Gives up: nothing written through this transaction remains.
    pub fn abort(self) {
        let _ = self.tx.abort();
    }
}

/// Runs two reads of one transaction together: both requests are queued before either is awaited,
/// so the browser answers them in one round trip instead of two (a batch write reads the recorder
/// and the enrollment and counts the stored ids of its millisecond; one round trip is about 0.2 ms
/// of a single visit write's time).
pub async fn both<A: Future, B: Future>(a: A, b: B) -> (A::Output, B::Output) {
    let (mut a, mut b) = (std::pin::pin!(a), std::pin::pin!(b));
    let (mut first, mut second) = (None, None);
    std::future::poll_fn(|cx| {
        if first.is_none()
            && let std::task::Poll::Ready(v) = a.as_mut().poll(cx)
        {
            first = Some(v);
        }
        if second.is_none()
            && let std::task::Poll::Ready(v) = b.as_mut().poll(cx)
        {
            second = Some(v);
        }
        match (first.take(), second.take()) {
            (Some(x), Some(y)) => std::task::Poll::Ready((x, y)),
            (x, y) => {
                (first, second) = (x, y);
                std::task::Poll::Pending
            }
        }
    })
    .await
}

/// Every record of a store, optionally in the order of one of its indexes.
pub async fn get_all(db: &IdbDatabase, store: &str, index: Option<&str>) -> IdbResult<Array> {
    let tx = db.transaction_with_str(store).map_err(js_err)?;
    let object_store = tx.object_store(store).map_err(js_err)?;
    let req = match index {
        Some(index) => object_store
            .index(index)
            .map_err(js_err)?
            .get_all()
            .map_err(js_err)?,
        None => object_store.get_all().map_err(js_err)?,
    };
    Ok(request(&req).await?.unchecked_into())
}

/// The records of `keys` (`undefined` where there is none), read in one transaction: every request
/// is queued before the first is awaited, so they all see the same state of the store.
pub async fn get_many(db: &IdbDatabase, store: &str, keys: &[JsValue]) -> IdbResult<Vec<JsValue>> {
    let tx = db.transaction_with_str(store).map_err(js_err)?;
    let object_store = tx.object_store(store).map_err(js_err)?;
    let requests = keys
        .iter()
        .map(|key| object_store.get(key).map_err(js_err))
        .collect::<IdbResult<Vec<_>>>()?;
    let mut records = Vec::with_capacity(requests.len());
    for req in &requests {
        records.push(request(req).await?);
    }
    Ok(records)
}

pub async fn count(db: &IdbDatabase, store: &str) -> IdbResult<u32> {
    let tx = db.transaction_with_str(store).map_err(js_err)?;
    let req = tx
        .object_store(store)
        .map_err(js_err)?
        .count()
        .map_err(js_err)?;
    Ok(request(&req).await?.as_f64().unwrap_or(0.0) as u32)
}

/// Builds a plain JS object from string fields and one number field set; used for records whose
/// indexed fields must be visible to IndexedDB while the payload stays one JSON text.
pub fn record(fields: &[(&str, JsValue)]) -> JsValue {
    let obj = Object::new();
    for (name, value) in fields {
        let _ = Reflect::set(&obj, &JsValue::from_str(name), value);
    }
    obj.into()
}

pub fn field_string(record: &JsValue, name: &str) -> Option<String> {
    Reflect::get(record, &JsValue::from_str(name))
        .ok()?
        .as_string()
}

pub async fn delete_database(name: &str) -> IdbResult<()> {
    let window = web_sys::window().ok_or(IdbError::Unavailable)?;
    let factory = window
        .indexed_db()
        .map_err(js_err)?
        .ok_or(IdbError::Unavailable)?;
    // The recorder goes with the database: no tab may write from its copy afterwards.
    super::recorder_cache::while_changing(name, async {
        let req = factory.delete_database(name).map_err(js_err)?;
        request(&req).await.map(|_| ())
    })
    .await
}
