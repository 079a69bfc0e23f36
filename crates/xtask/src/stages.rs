//! The stages of `cargo xtask test`, each one command a developer can also run alone.

use std::time::{SystemTime, UNIX_EPOCH};

use crate::browser;
use crate::bundle;
use crate::install;
use crate::js_package;
use crate::process::{command, probe, run, Result};
use crate::project::Project;
use crate::static_server::StaticServer;
use crate::versions;

/// What a stage gets: the project and the arguments meant for the e2e runner.
pub struct Context {
    /// Paths and environment.
    pub project: Project,
    /// Passed through to `tests/e2e/run.mjs` (spec filters).
    pub e2e_args: Vec<String>,
}

/// One step of the test command.
pub struct Stage {
    /// Its name on the command line and in the summary.
    pub name: &'static str,
    /// One line for `cargo xtask help`.
    pub about: &'static str,
    /// Stages whose failure makes this one pointless (it is then skipped).
    pub needs: &'static [&'static str],
    /// The work.
    pub run: fn(&Context) -> Result,
}

/// Every stage, in the order `cargo xtask test` runs them.
pub const STAGES: &[Stage] = &[
    Stage { name: "tools", about: "install what is missing (wasm target, trunk, wasm-bindgen, wasm-opt, chromium, npm packages), fetch crates", needs: &[], run: tools },
    Stage { name: "fmt", about: "cargo fmt --all --check", needs: &["tools"], run: fmt },
    Stage { name: "clippy", about: "cargo clippy --workspace --all-targets -- -D warnings", needs: &["tools"], run: clippy },
    Stage { name: "native", about: "cargo test --workspace (unit and corpus tests)", needs: &["tools"], run: native },
    Stage { name: "wasm", about: "wasm-bindgen-test in headless Chromium (tests/*.rs of crates with a wasm-bindgen-test dev-dependency)", needs: &["tools"], run: wasm },
    Stage { name: "js", about: "cargo xtask js, then node --test tests/js/*.test.mjs against target/js/node", needs: &["tools"], run: js_package::stage },
    Stage { name: "build", about: "trunk build --release into dist/ (with the lazy API module and the Content-Security-Policy meta)", needs: &["tools"], run: build },
    Stage { name: "size", about: "bundle size: the full page's initial bundle (with index.html), the lazy API module, the workshop module, the second module (Permissions panel, pool column, dialogs, share encoder), the widget page and the workshop page, raw and gzipped, each against its limit in bundle.rs", needs: &["build"], run: size },
    Stage { name: "e2e", about: "serve dist/ on 127.0.0.1 and run the Playwright specs in tests/e2e/specs", needs: &["build"], run: e2e },
];

fn tools(context: &Context) -> Result {
    install::test_tools(&context.project)?;
    install::fetch_crates(&context.project)
}

fn fmt(context: &Context) -> Result {
    run(command("cargo", &["fmt", "--all", "--check"]).current_dir(&context.project.root))
}

fn clippy(context: &Context) -> Result {
    let args = [
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ];
    run(command("cargo", &args).current_dir(&context.project.root))
}

fn native(context: &Context) -> Result {
    run(command("cargo", &["test", "--workspace"]).current_dir(&context.project.root))
}

fn wasm(context: &Context) -> Result {
    let project = &context.project;
    let suites = browser_test_suites(project)?;
    let profile = fresh_dir(project, "chromium-profile")?;
    let webdriver_json = project.scratch().join("webdriver.json");
    browser::write_webdriver_json(&webdriver_json, &profile)?;
    let chromedriver = browser::chromedriver()?;
    let mut result = Ok(());
    for (package, tests) in &suites {
        let mut args = vec![
            "test",
            "--target",
            versions::WASM_TARGET,
            "-p",
            package.as_str(),
        ];
        for test in tests {
            args.extend(["--test", test.as_str()]);
        }
        let outcome = run(command("cargo", &args)
            .current_dir(&project.root)
            .env(
                "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
                "wasm-bindgen-test-runner",
            )
            .env("CHROMEDRIVER", &chromedriver)
            .env("WASM_BINDGEN_TEST_WEBDRIVER_JSON", &webdriver_json)
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120"));
        // Run every suite, report the first failure.
        result = result.and(outcome);
    }
    let _ = std::fs::remove_dir_all(&profile);
    result
}

/// The browser test suites: the integration tests (`tests/*.rs`) of every workspace
/// member with a `wasm-bindgen-test` dev-dependency, as (package, test targets). Unit
/// tests in `src/` stay native (they may use crates, such as proptest, that do not
/// build for wasm32). A crate joins by adding the dependency and a `tests/` file.
fn browser_test_suites(project: &Project) -> Result<Vec<(String, Vec<String>)>> {
    let metadata = probe(
        command(
            "cargo",
            &[
                "metadata",
                "--format-version",
                "1",
                "--no-deps",
                "--offline",
            ],
        )
        .current_dir(&project.root),
    )
    .ok_or("`cargo metadata` failed")?;
    let metadata: serde_json::Value = serde_json::from_str(&metadata)
        .map_err(|error| format!("cannot read cargo metadata: {error}"))?;
    let packages = metadata
        .get("packages")
        .and_then(|p| p.as_array())
        .cloned()
        .unwrap_or_default();
    let suites: Vec<(String, Vec<String>)> = packages
        .iter()
        .filter(|package| has_dev_dependency(package, "wasm-bindgen-test"))
        .filter_map(|package| {
            let name = package.get("name")?.as_str()?.to_owned();
            let tests = integration_tests(package);
            (!tests.is_empty()).then_some((name, tests))
        })
        .collect();
    if suites.is_empty() {
        return Err("no workspace crate has browser tests (a wasm-bindgen-test dev-dependency and tests/*.rs)".to_owned());
    }
    Ok(suites)
}

fn has_dev_dependency(package: &serde_json::Value, wanted: &str) -> bool {
    let dependencies = package.get("dependencies").and_then(|d| d.as_array());
    dependencies.into_iter().flatten().any(|dependency| {
        dependency.get("name").and_then(|n| n.as_str()) == Some(wanted)
            && dependency.get("kind").and_then(|k| k.as_str()) == Some("dev")
    })
}

fn integration_tests(package: &serde_json::Value) -> Vec<String> {
    let targets = package.get("targets").and_then(|t| t.as_array());
    targets
        .into_iter()
        .flatten()
        .filter(|target| {
            let kinds = target.get("kind").and_then(|k| k.as_array());
            kinds
                .into_iter()
                .flatten()
                .any(|kind| kind.as_str() == Some("test"))
        })
        .filter_map(|target| {
            target
                .get("name")
                .and_then(|n| n.as_str())
                .map(str::to_owned)
        })
        .collect()
}

fn build(context: &Context) -> Result {
    build_release(&context.project, None)
}

/// `trunk build --release` into `dist/`, with the Content-Security-Policy check. Without
/// `public_url` the build uses Trunk.toml's `./`: every asset URL is relative, so `dist/`
/// works unchanged under any sub-path; `Some("/tools/idpool/")` makes them absolute.
pub fn build_release(project: &Project, public_url: Option<&str>) -> Result {
    install::fetch_crates(project)?;
    let mut trunk = command("trunk", &["build", "--release"]);
    if let Some(url) = public_url {
        trunk.args(["--public-url", url]);
    }
    trunk.current_dir(&project.root).envs(project.trunk_env());
    run(&mut trunk)?;
    crate::csp::check(&project.dist().join("index.html"))?;
    crate::pages::check_all(&project.dist())?;
    crate::lazy_api::check(&project.dist())
}

fn size(context: &Context) -> Result {
    bundle::report(&context.project.dist())
}

fn e2e(context: &Context) -> Result {
    let project = &context.project;
    if !project.dist().join("index.html").is_file() {
        return Err("no dist/index.html: build first (`cargo xtask test build e2e`)".to_owned());
    }
    let server = StaticServer::start(project.dist())?;
    println!("serving {} at {}", project.dist().display(), server.url());
    let e2e_dir = project.e2e_dir();
    let mut node = command("node", &["run.mjs"]);
    node.args(&context.e2e_args)
        .current_dir(&e2e_dir)
        .env("E2E_BASE_URL", server.url())
        .env("E2E_ARTIFACTS", e2e_dir.join("artifacts"))
        .env("E2E_REPO_ROOT", &project.root)
        .env("E2E_CHROMIUM", browser::chromium()?)
        .env("E2E_CHROMIUM_ARGS", browser::args_json());
    let result = run(&mut node);
    server.stop();
    result
}

/// A new empty folder under the scratch space, unique to this run.
fn fresh_dir(project: &Project, prefix: &str) -> Result<std::path::PathBuf> {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let dir = project
        .scratch()
        .join(format!("{prefix}-{}-{nanos}", std::process::id()));
    std::fs::create_dir_all(&dir)
        .map_err(|error| format!("cannot create `{}`: {error}", dir.display()))?;
    Ok(dir)
}
