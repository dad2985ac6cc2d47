//! The wellbeing faces, 1 (deep frown) to 5 (wide smile), drawn as SVG rather than emoji so that
//! they look the same on every tablet whatever fonts it has: the field visit and the kiosk.

use leptos::prelude::*;

fn mouth(value: u8) -> &'static str {
    match value {
        1 => "M10 25 Q18 16 26 25",
        2 => "M11 24 Q18 20 25 24",
        3 => "M11 23 L25 23",
        4 => "M11 22 Q18 27 25 22",
        _ => "M10 21 Q18 31 26 21",
    }
}

/// Face `value` (1 to 5), `size` pixels wide; decorative: its button says the words.
#[component]
pub fn Face(value: u8, size: u32) -> impl IntoView {
    view! {
        <svg viewBox="0 0 36 36" width=size height=size aria-hidden="true">
            <circle cx="18" cy="18" r="16" class="face-head"/>
            <circle cx="12.5" cy="14" r="2.2" class="face-feature"/>
            <circle cx="23.5" cy="14" r="2.2" class="face-feature"/>
            <path d=mouth(value) class="face-mouth"/>
        </svg>
    }
}
