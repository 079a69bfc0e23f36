//! Entry point of the widget page (`embed.html`): the embedded widget alone, so a
//! documentation page loads a smaller wasm than the full playground's.

fn main() {
    playground::start_embed();
}
