//! Any unknown address: say so and offer the way home.

use crate::i18n::use_language;
use domain::i18n::Text;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    let language = use_language();
    view! {
        <h1>{language.t(Text::PageNotFound)}</h1>
        <p><A href="/" attr:class="button">{language.t(Text::BackHome)}</A></p>
    }
}
