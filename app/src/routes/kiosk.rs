//! The lobby kiosk (`/borne`): a tablet in the entrance hall used by residents one after another.
//! A turn starts on the attract screen (seven language buttons), goes through the menu to sign
//! up, discover the app, ask a question or share an idea, and ends with "J'ai fini" or after a
//! while without a touch (`domain::kiosk::KioskSession`): then the whole turn — every signal of
//! its screens — is dropped and rebuilt empty, and the attract screen returns. Screens are not
//! routes, so the browser's history never holds an earlier resident's steps.

mod ask;
mod callback;
mod discover;
mod ideas;
pub mod lock;
mod signup;
mod unanswered;
mod wellbeing;

use crate::components::focus;
use domain::i18n::Text;
use domain::kiosk::{Change, KioskLanguage, KioskSession, KioskSettings, KioskText, Screen};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;

/// Where a resident is within their turn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Attract,
    Menu,
    SignUp,
    Discover,
    Ask,
    Ideas,
    Wellbeing,
}

/// What every kiosk screen shares: the chosen language, where the resident is, and how to end
/// the turn.
#[derive(Clone, Copy)]
pub struct KioskTurn {
    pub lang: RwSignal<KioskLanguage>,
    pub step: RwSignal<Step>,
    pub finish: Callback<()>,
}

impl KioskTurn {
    /// A kiosk text in the chosen language, reactive.
    pub fn says(self, text: KioskText) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || text.says(self.lang.get())
    }

    /// An interface text for the words the kiosk does not carry itself, in the nearest of the
    /// app's three languages.
    pub fn t(self, text: Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.lang.get().interface_locale().text(text)
    }
}

pub fn use_turn() -> KioskTurn {
    expect_context::<KioskTurn>()
}

fn now_ms() -> u64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(crate::store::now_ms, |p| p.now() as u64)
}

#[component]
pub fn KioskPage() -> impl IntoView {
    let navigate = use_navigate();
    let session = StoredValue::new(KioskSession::new(&KioskSettings::default()));
    let screen = RwSignal::new(Screen::Attract);
    let generation = RwSignal::new(0u32);
    let lang = RwSignal::new(KioskLanguage::Fr);
    let step = RwSignal::new(Step::Attract);
    // The coordinator's idle delay, once the campaign's settings are read (or synced): taken
    // between residents only, never in the middle of someone's turn.
    let settings = crate::campaign_settings::use_campaign_settings();
    Effect::new(move |_| {
        let kiosk = settings.with(|s| s.kiosk.clone());
        if screen.get_untracked() == Screen::Attract {
            session.set_value(KioskSession::new(&kiosk));
        }
    });

    // Everything of the turn lives under `generation`: bumping it drops every screen's signals.
    let wipe = move || {
        step.set(Step::Attract);
        lang.set(KioskLanguage::Fr);
        generation.update(|g| *g += 1);
        if let Some(window) = web_sys::window() {
            if let Some(active) = window
                .document()
                .and_then(|d| d.active_element())
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = active.blur();
            }
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
        navigate(
            "/borne",
            NavigateOptions {
                replace: true,
                scroll: true,
                ..Default::default()
            },
        );
        session.update_value(KioskSession::wiped);
        screen.set(Screen::Attract);
    };
    let wipe = StoredValue::new_local(wipe);
    // `try_` throughout: a timer already queued may still fire once the kiosk screen is gone
    // (CI caught a panic from the 1-second tick after the screen was disposed).
    let act = move |change: Change| {
        if change == Change::Wipe {
            wipe.try_with_value(|w| w());
        }
        if let Some(next) = session.try_with_value(|s| s.screen(now_ms())) {
            screen.try_set(next);
        }
    };
    let finish = Callback::new(move |()| {
        act(session
            .try_update_value(|s| s.finish())
            .unwrap_or(Change::Nothing))
    });
    provide_context(KioskTurn { lang, step, finish });
    unanswered::provide_waiting_questions();

    let tick = move || {
        act(session
            .try_update_value(|s| s.tick(now_ms()))
            .unwrap_or(Change::Nothing))
    };
    if let Ok(handle) = set_interval_with_handle(tick, std::time::Duration::from_secs(1)) {
        on_cleanup(move || handle.clear());
    }
    let touch = move || {
        act(session
            .try_update_value(|s| s.touch(now_ms()))
            .unwrap_or(Change::Nothing))
    };

    // The kiosk takes the whole screen: no header, no way into the rest of the app.
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let Some(root) = &root {
        let _ = root.class_list().add_1("kiosk-mode");
    }
    on_cleanup(move || {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.class_list().remove_1("kiosk-mode");
        }
    });

    // The warning takes the focus (its "Continuer" button) and, if the turn goes on, gives it
    // back to where the resident was.
    let before_warning = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::new(move |was_warning: Option<bool>| {
        let warning = matches!(screen.get(), Screen::Warning { .. });
        if warning && was_warning != Some(true) {
            before_warning.set_value(focus::focused_now());
            focus::focus_soon(".kiosk-warning button");
        } else if !warning && was_warning == Some(true) {
            if let Some(element) = before_warning.get_value().filter(|e| e.is_connected()) {
                let _ = element.focus();
            }
            before_warning.set_value(None);
        }
        warning
    });

    let is_attract = move || step.get() == Step::Attract;
    view! {
        <div
            class="kiosk"
            lang=move || if is_attract() { "fr" } else { lang.get().html_lang() }
            dir=move || if is_attract() { "ltr" } else { lang.get().direction().html_value() }
            on:pointerdown=move |_| touch()
            on:keydown=move |_| touch()
            on:input=move |_| touch()
        >
            {move || {
                let _ = generation.get();
                view! { <KioskScreens/> }
            }}
            {move || match screen.get() {
                Screen::Warning { remaining_s } => Some(view! {
                    <div class="kiosk-warning" role="alertdialog" aria-modal="true"
                        aria-labelledby="kiosk-warning-title" aria-describedby="kiosk-warning-count">
                        <h2 id="kiosk-warning-title">{move || KioskText::StillThere.says(lang.get())}</h2>
                        <p id="kiosk-warning-count" class="kiosk-countdown">
                            {move || KioskText::Countdown.fill(lang.get(), &[("seconds", &remaining_s.to_string())])}
                        </p>
                        <button type="button" class="kiosk-big" autofocus on:click=move |_| touch()>
                            {move || KioskText::Continue.says(lang.get())}
                        </button>
                    </div>
                }),
                _ => None,
            }}
        </div>
    }
}

/// The screens of one turn, built afresh for each resident.
#[component]
fn KioskScreens() -> impl IntoView {
    let turn = use_turn();
    Effect::new(move |previous: Option<Step>| {
        let step = turn.step.get();
        if previous.is_some_and(|p| p != step) && step != Step::Attract {
            focus_screen();
        }
        step
    });
    move || match turn.step.get() {
        Step::Attract => view! { <Attract/> }.into_any(),
        Step::Menu => view! { <Menu/> }.into_any(),
        Step::SignUp => view! { <signup::KioskSignup/> }.into_any(),
        Step::Discover => view! { <discover::KioskDiscover/> }.into_any(),
        Step::Ask => view! { <ask::KioskAsk/> }.into_any(),
        Step::Ideas => view! { <ideas::KioskIdeas/> }.into_any(),
        Step::Wellbeing => view! { <wellbeing::KioskWellbeing/> }.into_any(),
    }
}

/// Puts the focus on the new screen: its own starting point (`data-focus-here`, such as the
/// field of a sign-up question) or else its heading, so nobody is sent back to the top.
pub fn focus_screen() {
    focus::focus_first_soon(&[".kiosk [data-focus-here]", ".kiosk-top h1"]);
}

#[component]
fn Attract() -> impl IntoView {
    let turn = use_turn();
    view! {
        <section class="kiosk-attract">
            <h1 class="kiosk-welcome">{KioskText::Welcome.says(KioskLanguage::Fr)}</h1>
            <div class="kiosk-languages" role="group" aria-label="Langue · Language · اللغة">
                {KioskLanguage::ALL.into_iter().map(|l| view! {
                    <button type="button" class="kiosk-language" lang=l.html_lang()
                        dir=l.direction().html_value()
                        on:click=move |_| {
                            turn.lang.set(l);
                            turn.step.set(Step::Menu);
                        }>
                        <span class="kiosk-language-name">{l.own_name()}</span>
                        <span class="kiosk-language-welcome">{KioskText::Welcome.says(l).lines().next().unwrap_or_default()}</span>
                    </button>
                }).collect_view()}
            </div>
            <lock::ExitPad/>
        </section>
    }
}

#[component]
fn Menu() -> impl IntoView {
    let turn = use_turn();
    let item = move |text: KioskText, step: Step, icon: &'static str| {
        view! {
            <button type="button" class="kiosk-menu-item" on:click=move |_| turn.step.set(step)>
                <span class="kiosk-icon" aria-hidden="true">{icon}</span>
                <span>{turn.says(text)}</span>
            </button>
        }
    };
    view! {
        <section class="kiosk-menu">
            <TopBar title=Text::AppName/>
            <div class="kiosk-menu-grid">
                {item(KioskText::SignUp, Step::SignUp, "✍")}
                {item(KioskText::Discover, Step::Discover, "▶")}
                {item(KioskText::Ask, Step::Ask, "?")}
                {item(KioskText::ShareIdea, Step::Ideas, "★")}
                {item(KioskText::Wellbeing, Step::Wellbeing, "☺")}
            </div>
        </section>
    }
}

/// The bar at the top of every screen after the attract one: back to the menu (or to the
/// languages from the menu) and "J'ai fini".
#[component]
pub fn TopBar(
    #[prop(optional)] title: Option<Text>,
    #[prop(optional, into)] heading: Option<Signal<String>>,
) -> impl IntoView {
    let turn = use_turn();
    let back = move |_| {
        if turn.step.get_untracked() == Step::Menu {
            turn.step.set(Step::Attract);
        } else {
            turn.step.set(Step::Menu);
        }
    };
    view! {
        <div class="kiosk-top">
            <button type="button" class="secondary kiosk-back" on:click=back>
                <span aria-hidden="true" class="kiosk-arrow">"←"</span>
                {move || if turn.step.get() == Step::Menu { turn.lang.get().own_name() } else { turn.t(Text::Back)() }}
            </button>
            <h1 tabindex="-1">{move || heading.map(|h| h.get()).or_else(|| title.map(|t| turn.t(t)().to_owned())).unwrap_or_default()}</h1>
            <button type="button" class="secondary kiosk-finish" on:click=move |_| turn.finish.run(())>{turn.says(KioskText::Finish)}</button>
        </div>
    }
}
