//! Entry point of the web app. On `wasm32` it mounts the Leptos UI; a native
//! build of this binary only points at the command-line tool.

#[cfg(target_arch = "wasm32")]
fn main() {
    eventlens::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "The web app runs in a browser (see README.md); for the command line use `eventlens-cli`."
    );
}
