//! Entry point of workshop mode's page (`workshop.html`): the playground with the workshop
//! panel, so the full page's wasm carries none of the panel's host and bridge.

fn main() {
    playground::start_workshop();
}
