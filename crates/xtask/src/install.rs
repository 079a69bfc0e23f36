//! Installing the pinned toolchain. Every step first checks what is there and does
//! nothing when the right version is already installed, so a warm run costs a few
//! `--version` calls.

use std::path::Path;

use crate::process::{command, on_path, probe, run, tool_version, Result};
use crate::project::Project;
use crate::versions;

/// What `cargo xtask serve` needs: the wasm target, Trunk, wasm-bindgen, wasm-opt.
pub fn build_tools(project: &Project) -> Result {
    wasm_target()?;
    lockfile_pins_wasm_bindgen(project)?;
    cargo_tool("trunk", &["trunk"], versions::TRUNK, Lock::Required)?;
    cargo_tool(
        "wasm-bindgen-cli",
        &["wasm-bindgen", "wasm-bindgen-test-runner"],
        versions::WASM_BINDGEN,
        Lock::Preferred,
    )?;
    node()?;
    binaryen(project)
}

/// Everything `cargo xtask test` needs on top of [`build_tools`].
pub fn test_tools(project: &Project) -> Result {
    rust_components()?;
    build_tools(project)?;
    browser()?;
    typescript(project)?;
    e2e_packages(project)
}

/// Downloads every crate the lockfile names, for every target. Trunk in offline mode
/// runs `cargo build --offline`, which cannot fetch a crate on its own.
pub fn fetch_crates(project: &Project) -> Result {
    run(command("cargo", &["fetch", "--quiet"]).current_dir(&project.root))
}

fn wasm_target() -> Result {
    let installed = probe(&mut command("rustup", &["target", "list", "--installed"]));
    match installed {
        Some(list)
            if list
                .lines()
                .any(|line| line.trim() == versions::WASM_TARGET) =>
        {
            Ok(())
        }
        Some(_) => run(&mut command(
            "rustup",
            &["target", "add", versions::WASM_TARGET],
        )),
        None => sysroot_has_wasm_target(),
    }
}

/// Without rustup (a distribution's rustc), the target must already be in the sysroot.
fn sysroot_has_wasm_target() -> Result {
    let sysroot = probe(&mut command("rustc", &["--print", "sysroot"]))
        .ok_or("cannot run `rustc --print sysroot`")?;
    let lib = Path::new(&sysroot)
        .join("lib")
        .join("rustlib")
        .join(versions::WASM_TARGET);
    if lib.is_dir() {
        Ok(())
    } else {
        Err(format!(
            "the `{}` target is missing and rustup is not available to add it",
            versions::WASM_TARGET
        ))
    }
}

fn rust_components() -> Result {
    let present = probe(&mut command("cargo", &["fmt", "--version"])).is_some()
        && probe(&mut command("cargo", &["clippy", "--version"])).is_some();
    if present {
        return Ok(());
    }
    let mut args = vec!["component", "add"];
    args.extend_from_slice(versions::RUST_COMPONENTS);
    run(&mut command("rustup", &args))
}

/// Trunk uses a system wasm-bindgen only when it equals the lockfile's version, so the
/// lockfile and [`versions::WASM_BINDGEN`] must agree before anything is installed.
fn lockfile_pins_wasm_bindgen(project: &Project) -> Result {
    let lock = read(&project.root.join("Cargo.lock"))?;
    let found = lockfile_versions(&lock, "wasm-bindgen");
    if found
        .iter()
        .all(|version| version == versions::WASM_BINDGEN)
        && !found.is_empty()
    {
        Ok(())
    } else {
        Err(format!(
            "Cargo.lock has wasm-bindgen {found:?} but crates/xtask/src/versions.rs pins `{}`; \
             keep `wasm-bindgen = \"={}\"` in the root Cargo.toml",
            versions::WASM_BINDGEN,
            versions::WASM_BINDGEN
        ))
    }
}

/// The versions of package `name` in a `Cargo.lock` text.
pub fn lockfile_versions(lock: &str, name: &str) -> Vec<String> {
    let wanted = format!("name = \"{name}\"");
    let mut lines = lock.lines();
    let mut found = Vec::new();
    while let Some(line) = lines.next() {
        if line.trim() != wanted {
            continue;
        }
        if let Some(version) = lines
            .next()
            .and_then(|next| next.trim().strip_prefix("version = \""))
            .and_then(|rest| rest.strip_suffix('"'))
        {
            found.push(version.to_owned());
        }
    }
    found
}

/// Whether `cargo install` uses the crate's own lockfile.
enum Lock {
    /// `--locked`: the versions the tool was released with.
    Required,
    /// `--locked`, retried without it if resolution fails (see [`versions::WASM_BINDGEN`]:
    /// its lockfile names a release the reachable index does not have).
    Preferred,
}

/// Installs crate `krate` at `version` unless every binary in `bins` reports it.
fn cargo_tool(krate: &str, bins: &[&str], version: &str, lock: Lock) -> Result {
    let installed = bins
        .iter()
        .all(|bin| tool_version(bin).as_deref() == Some(version));
    if installed {
        return Ok(());
    }
    println!("installing {krate} {version} (one-time, several minutes)");
    let locked = run(&mut command(
        "cargo",
        &["install", krate, "--version", version, "--locked"],
    ));
    match (locked, lock) {
        (Err(error), Lock::Preferred) => {
            println!("{error}; retrying without --locked (dependencies resolved afresh)");
            run(&mut command(
                "cargo",
                &["install", krate, "--version", version],
            ))
        }
        (result, _) => result,
    }
}

fn node() -> Result {
    if on_path("node") && on_path("npm") {
        return Ok(());
    }
    apt_install(versions::APT_NODE_PACKAGES)
}

/// npm's binaryen in `.tools/binaryen` (ignored by git), for Trunk's wasm-opt step.
fn binaryen(project: &Project) -> Result {
    npm_tool(
        &project.binaryen_dir,
        "binaryen",
        versions::BINARYEN_NPM,
        "wasm-opt for Trunk",
    )
}

/// npm's TypeScript in `.tools/typescript` (ignored by git), for the `js` stage's type check.
fn typescript(project: &Project) -> Result {
    npm_tool(
        &project.typescript_dir(),
        "typescript",
        versions::TYPESCRIPT_NPM,
        "tsc for the JavaScript package's type check",
    )
}

/// npm package `name` at exactly `version` in its own folder `dir`, unless already there.
fn npm_tool(dir: &Path, name: &str, version: &str, purpose: &str) -> Result {
    let manifest = dir.join("node_modules").join(name).join("package.json");
    if npm_package_version(&manifest).as_deref() == Some(version) {
        return Ok(());
    }
    std::fs::create_dir_all(dir)
        .map_err(|error| format!("cannot create `{}`: {error}", dir.display()))?;
    let package = serde_json::json!({
        "private": true,
        "description": format!("{purpose}, installed by cargo xtask"),
    });
    write(&dir.join("package.json"), &format!("{package}\n"))?;
    let spec = format!("{name}@{version}");
    run(command(
        "npm",
        &["install", "--no-audit", "--no-fund", "--save-exact", &spec],
    )
    .current_dir(dir))
}

/// Chromium and chromedriver from Debian, installed only when missing.
fn browser() -> Result {
    if on_path("chromium") && on_path("chromedriver") {
        return Ok(());
    }
    apt_install(versions::APT_BROWSER_PACKAGES)
}

/// `npm ci` of the e2e harness, unless `node_modules` already matches the lockfile.
fn e2e_packages(project: &Project) -> Result {
    node_is_recent_enough()?;
    let dir = project.e2e_dir();
    let lock = dir.join("package-lock.json");
    let installed = dir.join("node_modules").join(".package-lock.json");
    let pinned = read_json(&lock)
        .and_then(|lock| {
            lock.pointer("/packages/node_modules~1playwright-core/version")
                .cloned()
        })
        .and_then(|version| version.as_str().map(str::to_owned));
    if pinned.as_deref() != Some(versions::PLAYWRIGHT_CORE) {
        return Err(format!(
            "tests/e2e/package-lock.json has playwright-core {pinned:?} but crates/xtask/src/versions.rs pins `{}`",
            versions::PLAYWRIGHT_CORE
        ));
    }
    if lock_is_installed(&lock, &installed) {
        return Ok(());
    }
    run(command("npm", &["ci", "--no-audit", "--no-fund"])
        .current_dir(&dir)
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"))
}

/// playwright-core needs Node.js 20 or later (Debian 12's own `nodejs` is 18).
fn node_is_recent_enough() -> Result {
    let version = probe(&mut command("node", &["--version"])).unwrap_or_default();
    let major = version
        .trim_start_matches('v')
        .split('.')
        .next()
        .and_then(|m| m.parse::<u32>().ok());
    match major {
        Some(major) if major >= versions::NODE_MAJOR_MIN => Ok(()),
        _ => Err(format!(
            "the e2e tests need Node.js {}+ (playwright-core {}), found `{version}`",
            versions::NODE_MAJOR_MIN,
            versions::PLAYWRIGHT_CORE
        )),
    }
}

/// Whether npm's record of what it installed (`node_modules/.package-lock.json`) lists
/// every package of the committed lockfile at the same version.
fn lock_is_installed(lock: &Path, installed: &Path) -> bool {
    let (Some(wanted), Some(have)) = (read_json(lock), read_json(installed)) else {
        return false;
    };
    let (Some(wanted), Some(have)) = (
        wanted.get("packages").and_then(|p| p.as_object()),
        have.get("packages").and_then(|p| p.as_object()),
    ) else {
        return false;
    };
    wanted
        .iter()
        .filter(|(path, _)| !path.is_empty())
        .all(|(path, entry)| have.get(path).and_then(|e| e.get("version")) == entry.get("version"))
}

fn apt_install(packages: &[&str]) -> Result {
    let root = probe(&mut command("id", &["-u"])).as_deref() == Some("0");
    let sudo = if root { None } else { Some("sudo") };
    let apt = |args: &[&str]| {
        let mut cmd = match sudo {
            Some(sudo) => {
                let mut cmd = command(sudo, &["apt-get"]);
                cmd.args(args);
                cmd
            }
            None => command("apt-get", args),
        };
        cmd.env("DEBIAN_FRONTEND", "noninteractive");
        cmd
    };
    // A fresh machine may still be running its own apt jobs: wait for the lock.
    let lock_wait = "DPkg::Lock::Timeout=600";
    run(&mut apt(&["-o", lock_wait, "update", "-q"]))?;
    let mut args = vec![
        "-o",
        lock_wait,
        "install",
        "-y",
        "-q",
        "--no-install-recommends",
    ];
    args.extend_from_slice(packages);
    run(&mut apt(&args))
}

fn npm_package_version(manifest: &Path) -> Option<String> {
    read_json(manifest)?
        .get("version")?
        .as_str()
        .map(str::to_owned)
}

fn read_json(path: &Path) -> Option<serde_json::Value> {
    serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()
}

/// Reads a text file, naming it in the error.
pub fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path)
        .map_err(|error| format!("cannot read `{}`: {error}", path.display()))
}

/// Writes a text file, naming it in the error.
pub fn write(path: &Path, text: &str) -> Result {
    std::fs::write(path, text)
        .map_err(|error| format!("cannot write `{}`: {error}", path.display()))
}
