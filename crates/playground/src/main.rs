//! Entry point of the playground page.

fn main() {
    playground::start();
}
