//! Ideas for the common room: the ideas proposed so far with their votes (`domain::kiosk::tally`
//! over the event log), a box to propose one (`check_idea`, a twin offered as a vote instead),
//! and one vote per idea per turn (`Ballot`, dropped with the turn). Rooms are not campaign
//! content yet: the first résidence's "salle commune" stands for the room open to ideas. Nothing
//! is proposed or voted before the device's log is read: until then the résidence is not known
//! and an idea would be filed under none, then vanish from the list.

use super::{TopBar, use_turn};
use crate::field_data::{use_field_data, use_store};
use domain::event::{Actor, EventBody};
use domain::i18n::Text;
use domain::kiosk::{
    Ballot, IdeaId, IdeaProposed, IdeaVoted, KioskText, MAX_IDEA_CHARS, already_proposed,
    check_idea, personal_hint, tally,
};
use domain::territory::ResidenceId;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The room's key in events until rooms are set by the coordinators.
const ROOM: &str = "salle-commune";

#[component]
pub fn KioskIdeas() -> impl IntoView {
    let turn = use_turn();
    let data = use_field_data();
    let ballot = RwSignal::new(Ballot::default());
    let typed = RwSignal::new(String::new());
    let message = RwSignal::new(None::<(bool, String)>);
    let residence = Memo::new(move |_| {
        data.territory.with(|t| {
            t.residences
                .first()
                .map(|r| r.id.clone())
                .unwrap_or_else(|| ResidenceId("residence".into()))
        })
    });
    let ideas = Memo::new(move |_| data.events.with(|e| tally(e, &residence.get(), ROOM)));

    let not_read = move || !data.loaded.get();
    let vote = move |idea: IdeaId| {
        if !data.loaded.get_untracked() {
            return;
        }
        let lang = turn.lang.get_untracked();
        if !ballot.try_update(|b| b.vote(&idea)).unwrap_or(false) {
            message.set(Some((true, KioskText::AlreadyVoted.says(lang).to_owned())));
            return;
        }
        // Voting for the idea the resident was about to propose again: the box is done with.
        if ideas
            .with_untracked(|list| already_proposed(&typed.get_untracked(), list) == Some(&idea))
        {
            typed.set(String::new());
        }
        let Some(store) = use_store() else { return };
        let body = EventBody::IdeaVoted(IdeaVoted {
            idea,
            residence: residence.get_untracked(),
            room: ROOM.into(),
        });
        spawn_local(async move {
            if let Ok(event) = store.record(Actor::Kiosk, body).await {
                data.recorded([event]);
                message.set(Some((true, KioskText::Voted.says(lang).to_owned())));
            }
        });
    };

    let propose = move || {
        if !data.loaded.get_untracked() {
            return;
        }
        let lang = turn.lang.get_untracked();
        let text = match check_idea(&typed.get_untracked()) {
            Ok(text) => text,
            Err(problem) => return message.set(Some((false, problem.text(lang)))),
        };
        if ideas.with_untracked(|list| already_proposed(&text, list).is_some()) {
            return message.set(Some((
                false,
                KioskText::AlreadyProposed.says(lang).to_owned(),
            )));
        }
        let Some(store) = use_store() else { return };
        let mut random = [0u8; 16];
        crate::store::fill_random(&mut random);
        let idea = IdeaId::from_random(random);
        let body = EventBody::IdeaProposed(IdeaProposed {
            idea: idea.clone(),
            residence: residence.get_untracked(),
            room: ROOM.into(),
            text,
            language: lang,
        });
        spawn_local(async move {
            if let Ok(event) = store.record(Actor::Kiosk, body).await {
                data.recorded([event]);
                typed.set(String::new());
                message.set(Some((true, KioskText::IdeaAdded.says(lang).to_owned())));
            }
        });
    };

    let room = move || turn.t(Text::KioskCommonRoom)();
    view! {
        <section class="kiosk-ideas">
            <TopBar heading=Signal::derive(move || KioskText::IdeasFor.fill(turn.lang.get(), &[("room", room())]))/>
            <form class="kiosk-idea-form" autocomplete="off" novalidate on:submit=move |ev| { ev.prevent_default(); propose(); }>
                <label for="kiosk-idea">{turn.says(KioskText::ProposeIdea)}</label>
                <p class="hint" id="kiosk-idea-hint">{turn.says(KioskText::DoNotName)}</p>
                <div class="kiosk-ask-row">
                    <input id="kiosk-idea" type="text" autocomplete="off" spellcheck="false"
                        maxlength=(MAX_IDEA_CHARS + 20).to_string() aria-describedby="kiosk-idea-hint"
                        prop:value=move || typed.get()
                        on:input=move |ev| { typed.set(event_target_value(&ev)); message.set(None); }/>
                    <button type="submit" class="kiosk-big" disabled=not_read>{turn.says(KioskText::ProposeIdea)}</button>
                </div>
                <p class="hint">{move || typed.with(|t| personal_hint(t)).map(|h| h.text(turn.lang.get()))}</p>
            </form>
            <p role="status" class=move || match message.get() { Some((true, _)) => "ok", _ => "error" }>
                {move || message.get().map(|(_, m)| m)}
            </p>
            <ul class="kiosk-idea-list">
                {move || ideas.get().into_iter().map(|idea| {
                    let id = idea.idea.clone();
                    let voted_id = id.clone();
                    let voted = Memo::new(move |_| ballot.with(|b| b.has_voted(&voted_id)));
                    let lang = idea.language;
                    view! {
                        <li class="kiosk-idea card">
                            <p class="kiosk-idea-text" lang=lang.html_lang() dir=lang.direction().html_value()>{idea.text.clone()}</p>
                            <p class="kiosk-idea-votes">{move || KioskText::Votes.fill(turn.lang.get(), &[("count", &idea.votes.to_string())])}</p>
                            <button type="button" class="kiosk-big" aria-pressed=move || voted.get().to_string() disabled=not_read
                                on:click=move |_| vote(id.clone())>
                                {move || if voted.get() { KioskText::Voted.says(turn.lang.get()) } else { KioskText::VoteFor.says(turn.lang.get()) }}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
