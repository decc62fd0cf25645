//! The Leptos user interface (wasm32 only). Thin: it holds signals, calls the
//! engine and draws.

use leptos::prelude::*;

/// Mounts the app on `<body>`.
pub fn mount() {
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    view! { <h1>"EventLens"</h1> }
}
