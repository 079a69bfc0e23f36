//! Where things are: the repository, the tool folders, and the environment every
//! child process gets.

use std::path::{Path, PathBuf};

use crate::process::Result;
use crate::versions;

/// Paths of the checkout and of the installed tools.
pub struct Project {
    /// The repository root (holds `Cargo.toml`, `Trunk.toml`, `index.html`).
    pub root: PathBuf,
    /// `$CARGO_HOME/bin`, where `cargo install` puts trunk and wasm-bindgen.
    pub cargo_bin: PathBuf,
    /// The ignored folder holding npm's binaryen (`.tools/binaryen`).
    pub binaryen_dir: PathBuf,
}

impl Project {
    /// Locates the project from this crate's manifest directory and puts the tool
    /// folders first on `PATH`, so this process, Trunk and the test runners all see
    /// the pinned tools rather than whatever else is installed.
    pub fn locate() -> Result<Self> {
        let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
        let root = manifest_dir
            .ancestors()
            .nth(2)
            .ok_or_else(|| {
                format!(
                    "cannot find the repository root above `{}`",
                    manifest_dir.display()
                )
            })?
            .to_path_buf();
        let cargo_home = std::env::var_os("CARGO_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
            .ok_or("neither CARGO_HOME nor HOME is set")?;
        let project = Self {
            cargo_bin: cargo_home.join("bin"),
            binaryen_dir: root.join(".tools").join("binaryen"),
            root,
        };
        project.prepend_path()?;
        if std::env::var_os("CI").is_some() {
            // CI builds everything once from a clean clone: incremental caches and full
            // debug info only cost time and disk there. Line tables keep backtraces useful.
            std::env::set_var("CARGO_INCREMENTAL", "0");
            std::env::set_var("CARGO_PROFILE_DEV_DEBUG", "line-tables-only");
        }
        Ok(project)
    }

    /// Where npm's TypeScript is installed (`.tools/typescript`, ignored by git).
    pub fn typescript_dir(&self) -> PathBuf {
        self.root.join(".tools").join("typescript")
    }

    /// The folder holding npm's `wasm-opt` launcher.
    pub fn binaryen_bin(&self) -> PathBuf {
        self.binaryen_dir.join("node_modules").join(".bin")
    }

    /// The release build Trunk writes and the tests serve.
    pub fn dist(&self) -> PathBuf {
        self.root.join("dist")
    }

    /// The browser end-to-end harness.
    pub fn e2e_dir(&self) -> PathBuf {
        self.root.join("tests").join("e2e")
    }

    /// Scratch space for generated files (inside the ignored `target/`).
    pub fn scratch(&self) -> PathBuf {
        self.root.join("target").join("xtask")
    }

    /// The environment that keeps Trunk from ever downloading: offline mode and the
    /// exact tool versions, which it then only looks for on `PATH`.
    pub fn trunk_env(&self) -> [(&'static str, &'static str); 4] {
        [
            ("TRUNK_OFFLINE", "true"),
            ("TRUNK_SKIP_VERSION_CHECK", "true"),
            ("TRUNK_TOOLS_WASM_BINDGEN", versions::WASM_BINDGEN),
            ("TRUNK_TOOLS_WASM_OPT", versions::WASM_OPT_FOR_TRUNK),
        ]
    }

    fn prepend_path(&self) -> Result {
        let mut dirs = vec![self.binaryen_bin(), self.cargo_bin.clone()];
        if let Some(current) = std::env::var_os("PATH") {
            dirs.extend(std::env::split_paths(&current));
        }
        let joined =
            std::env::join_paths(dirs).map_err(|error| format!("cannot build PATH: {error}"))?;
        // Set once, before any thread or child process starts.
        std::env::set_var("PATH", joined);
        Ok(())
    }
}
