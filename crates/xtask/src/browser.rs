//! How the tests start headless Chromium: the same flags for wasm-bindgen-test (through
//! chromedriver) and for the Playwright end-to-end suite.

use std::path::{Path, PathBuf};

use crate::install::write;
use crate::process::{find_on_path, Result};

/// Flags for a headless Chromium run as root on a machine without a display or
/// network: no sandbox (root), no GPU, no /dev/shm reliance, and no background traffic
/// (component updates, sync, QUIC probes) that would leave the machine.
pub const CHROMIUM_ARGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
];

/// The browser binary (Debian's `/usr/bin/chromium` wrapper).
pub fn chromium() -> Result<PathBuf> {
    find_on_path("chromium").ok_or_else(|| "chromium is not installed".to_owned())
}

/// chromedriver, which wasm-bindgen-test-runner drives.
pub fn chromedriver() -> Result<PathBuf> {
    find_on_path("chromedriver").ok_or_else(|| "chromedriver is not installed".to_owned())
}

/// `CHROMIUM_ARGS` as a JSON array, for the e2e runner.
pub fn args_json() -> String {
    serde_json::Value::from(CHROMIUM_ARGS.to_vec()).to_string()
}

/// Writes the `webdriver.json` that wasm-bindgen-test-runner merges into its
/// chromedriver session: our binary, our flags, and a fresh profile in `profile`.
pub fn write_webdriver_json(path: &Path, profile: &Path) -> Result {
    let mut args: Vec<String> = CHROMIUM_ARGS.iter().map(|arg| (*arg).to_owned()).collect();
    args.push(format!("--user-data-dir={}", profile.display()));
    let config = serde_json::json!({
        "goog:chromeOptions": {
            "binary": chromium()?.display().to_string(),
            "args": args,
        }
    });
    write(path, &config.to_string())
}
