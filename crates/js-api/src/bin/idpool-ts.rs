//! Prints the package's TypeScript declarations of the API (`idpool-api.d.ts`), generated
//! from the Rust types (see `idpool_js::typescript`). `cargo xtask js` runs it.

fn main() {
    print!("{}", idpool_js::typescript::declarations());
}
