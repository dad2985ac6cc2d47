//! Saves a text as a file on the device through a Blob and a temporary link: the browser's own
//! download, so it works offline and needs no permission.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

pub fn save_text_file(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    save_parts(
        file_name,
        mime,
        &js_sys::Array::of1(&JsValue::from_str(text)),
    )
}

/// The same with the text in several parts (a large export streamed chunk by chunk), joined by
/// the browser without one big string in memory.
pub fn save_parts(file_name: &str, mime: &str, parts: &js_sys::Array) -> Result<(), String> {
    let fail = |e: JsValue| format!("{e:?}");
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(parts, &options).map_err(fail)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let link: HtmlAnchorElement = document.create_element("a").map_err(fail)?.unchecked_into();
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    // Revoking at once can cancel the download in some browsers: leave the URL a minute.
    let _ = leptos::prelude::set_timeout_with_handle(
        move || {
            let _ = Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
    Ok(())
}
