//! The screen of a mode whose work arrives with its own issue: its title and what will be there.

use crate::i18n::use_language;
use domain::i18n::Text;
use leptos::prelude::*;

#[component]
pub fn ComingSoon(title: Text, body: Text) -> impl IntoView {
    let language = use_language();
    view! {
        <h1>{language.t(title)}</h1>
        <p class="lead">{language.t(body)}</p>
    }
}
