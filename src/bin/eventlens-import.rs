//! The web app's importer for the files users open: a second WebAssembly
//! module that the page starts in a Web Worker for each CSV file, so a
//! large export is read without holding up the page (see
//! `ui::import_worker`).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    eventlens::ui::serve_import_worker();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "This is the web app's importer and runs in a browser; on the command line, `eventlens-cli` reads files."
    );
}
