//! The web app's Excel reader: a second WebAssembly module that the page
//! starts in a Web Worker only when a workbook (.xlsx) is opened, so the
//! page's own download does not carry the reader (see `ui::workbook`).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    eventlens::ui::serve_workbook_reader();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "This is the web app's Excel reader and runs in a browser; on the command line, `eventlens-cli` reads workbooks."
    );
}
