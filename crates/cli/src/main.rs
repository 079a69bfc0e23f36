//! `idpool`: a thin command line over the shared request/answer API.

fn main() {
    println!("idpool {}", env!("CARGO_PKG_VERSION"));
}
