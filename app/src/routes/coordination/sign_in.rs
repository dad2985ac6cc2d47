//! The coordinator's sign-in form.

use super::use_workspace;
use crate::coordination_api as api;
use crate::i18n::use_language;
use domain::coordination::check_sign_in;
use domain::i18n::Text;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn SignIn() -> impl IntoView {
    let language = use_language();
    let workspace = use_workspace();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = match check_sign_in(&email.get_untracked(), &password.get_untracked()) {
            Ok(email) => email,
            Err(problem) => return workspace.problem.set(Some(problem)),
        };
        busy.set(true);
        spawn_local(async move {
            match api::sign_in(&typed, &password.get_untracked()).await {
                Ok(session) => {
                    password.set(String::new());
                    workspace.problem.set(None);
                    workspace.session.set(Some(session));
                }
                Err(problem) => workspace.problem.set(Some(problem)),
            }
            busy.set(false);
        });
    };
    view! {
        <form class="card sign-in" on:submit=submit>
            <p class="hint">{language.t(Text::CoordSignInIntro)}</p>
            <label for="coord-email">{language.t(Text::CoordEmail)}</label>
            <input id="coord-email" type="email" autocomplete="username" dir="ltr"
                prop:value=email on:input=move |ev| email.set(event_target_value(&ev))/>
            <label for="coord-password">{language.t(Text::CoordPassword)}</label>
            <input id="coord-password" type="password" autocomplete="current-password" dir="ltr"
                prop:value=password on:input=move |ev| password.set(event_target_value(&ev))/>
            <button type="submit" disabled=busy>{language.t(Text::CoordSignIn)}</button>
        </form>
    }
}
