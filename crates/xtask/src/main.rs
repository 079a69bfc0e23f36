//! `cargo xtask`: install the pinned toolchain, serve the playground, run every test.
//!
//! ```text
//! cargo xtask serve [--port N]          build and serve the playground on 127.0.0.1
//! cargo xtask test [STAGE...] [-- ARGS] run the test stages (all by default)
//! cargo xtask js                        build the JavaScript package into target/js/
//! cargo xtask install                   install the toolchain only
//! cargo xtask csp [FILE]                put the Content-Security-Policy into a built page
//! cargo xtask post-build                Trunk's hook: the lazy modules, the widget page, the early wasm compile, then the CSP
//! cargo xtask catalog                   regenerate the AWS action catalog from its npm package
//! ```

mod browser;
mod bundle;
mod catalog;
mod csp;
mod early_wasm;
mod install;
mod js_package;
mod lazy_api;
mod pages;
mod process;
mod project;
mod serve;
mod sha256;
mod stages;
mod static_server;
mod styles;
mod versions;

use std::process::ExitCode;
use std::time::{Duration, Instant};

use process::Result;
use project::Project;
use stages::{Context, Stage, STAGES};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (task, rest) = match args.split_first() {
        Some((task, rest)) => (task.as_str(), rest),
        None => ("help", &[][..]),
    };
    let outcome = match task {
        "serve" => port(rest)
            .and_then(|port| Project::locate().and_then(|project| serve::serve(&project, port))),
        "test" => return test(rest),
        "build" => public_url(rest).and_then(|url| {
            Project::locate().and_then(|project| stages::build_release(&project, url.as_deref()))
        }),
        "js" => Project::locate().and_then(|project| js_package::build(&project)),
        "install" => Project::locate().and_then(|project| install::test_tools(&project)),
        "csp" => Project::locate().and_then(|project| csp::run(rest, &project.dist())),
        "post-build" => Project::locate().and_then(|project| post_build(&project)),
        "catalog" => Project::locate().and_then(|project| catalog::generate(&project)),
        "help" | "--help" | "-h" => {
            help();
            Ok(())
        }
        other => Err(format!("unknown task `{other}`; see `cargo xtask help`")),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

fn help() {
    println!("cargo xtask serve [--port N]      build and serve the playground on 127.0.0.1 (default port {})", serve::DEFAULT_PORT);
    println!("cargo xtask test [STAGE...] [-- E2E_ARGS...]");
    println!("                                  run the test stages, all by default; `tools` always runs first");
    println!("                                  E2E_ARGS filter the spec files of tests/e2e/specs by name");
    println!("cargo xtask build [--public-url URL]");
    println!("                                  release build into dist/; asset URLs are relative (./) unless URL is given");
    println!("cargo xtask js                    build the JavaScript package into target/js/web and target/js/node");
    println!("cargo xtask install               install the toolchain only");
    println!("cargo xtask csp [FILE]            write the Content-Security-Policy meta into a built index.html");
    println!("                                  (Trunk's post_build hook runs it on every build)");
    println!("cargo xtask post-build            Trunk's post_build hook: build the lazily loaded modules (API, workshop) into");
    println!("                                  the staging folder, name them in index.html, write the widget page embed.html");
    println!(
        "                                  with its own wasm, then write the CSP of both pages"
    );
    println!("cargo xtask catalog               regenerate crates/aws-catalog/data/catalog.tsv from the pinned npm package");
    println!("stages:");
    for stage in STAGES {
        println!("  {:<8} {}", stage.name, stage.about);
    }
}

/// Trunk's `post_build` hook: the lazy modules (API, workshop) next to the page, the widget
/// page (`embed.html`, its own wasm), then each page's Content-Security-Policy (last, since it
/// hashes the final page).
fn post_build(project: &Project) -> Result {
    let staging = std::env::var_os("TRUNK_STAGING_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| project.dist());
    lazy_api::run_all(project, &staging)?;
    // From the page as Trunk wrote it (with the modules' metas), before the early wasm
    // step rewrites its loader.
    pages::run_all(project, &staging)?;
    // Then the full page drops the style sheets only the other pages use.
    let index = staging.join("index.html");
    let html = std::fs::read_to_string(&index)
        .map_err(|error| format!("cannot read `{}`: {error}", index.display()))?;
    install::write(&index, &styles::keep_for(&html, styles::FULL_PAGE))?;
    // Before the CSP, which hashes every inline script, the early one included.
    let redirects: Vec<(&str, &str)> = pages::PAGES
        .iter()
        .map(|page| (page.parameter, page.file))
        .collect();
    early_wasm::run(&staging.join("index.html"), &redirects)?;
    csp::run(&[], &project.dist())?;
    for page in pages::PAGES {
        let file = staging.join(page.file);
        early_wasm::run(&file, &[])?;
        csp::run(&[file.to_string_lossy().into_owned()], &project.dist())?;
    }
    Ok(())
}

fn port(args: &[String]) -> Result<u16> {
    match args {
        [] => Ok(serve::DEFAULT_PORT),
        [flag, value] if flag == "--port" => value
            .parse()
            .map_err(|_| format!("`{value}` is not a port number")),
        _ => Err(format!(
            "unexpected arguments {args:?}; usage: cargo xtask serve [--port N]"
        )),
    }
}

fn public_url(args: &[String]) -> Result<Option<String>> {
    match args {
        [] => Ok(None),
        [flag, value] if flag == "--public-url" => Ok(Some(value.clone())),
        _ => Err(format!(
            "unexpected arguments {args:?}; usage: cargo xtask build [--public-url URL]"
        )),
    }
}

/// How a stage ended.
enum Outcome {
    Passed,
    Failed(String),
    Skipped(String),
}

fn test(args: &[String]) -> ExitCode {
    let (names, e2e_args) = match args.iter().position(|arg| arg == "--") {
        Some(split) => (
            args.get(..split).unwrap_or(&[]),
            args.get(split + 1..).unwrap_or(&[]),
        ),
        None => (args, &[][..]),
    };
    if let Some(unknown) = names
        .iter()
        .find(|name| !STAGES.iter().any(|stage| stage.name == name.as_str()))
    {
        eprintln!("error: unknown stage `{unknown}`; see `cargo xtask help`");
        return ExitCode::FAILURE;
    }
    let project = match Project::locate() {
        Ok(project) => project,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    let context = Context {
        project,
        e2e_args: e2e_args.to_vec(),
    };
    let selected = |stage: &Stage| {
        names.is_empty() || stage.name == "tools" || names.iter().any(|n| n == stage.name)
    };
    let started = Instant::now();
    let mut results: Vec<(&Stage, Outcome, Duration)> = Vec::new();
    for stage in STAGES.iter().filter(|stage| selected(stage)) {
        let blocked = results.iter().find(|(done, outcome, _)| {
            stage.needs.contains(&done.name) && !matches!(outcome, Outcome::Passed)
        });
        if let Some((done, _, _)) = blocked {
            results.push((
                stage,
                Outcome::Skipped(format!("`{}` did not pass", done.name)),
                Duration::ZERO,
            ));
            continue;
        }
        println!("\n==> {}: {}", stage.name, stage.about);
        let stage_started = Instant::now();
        let outcome = match (stage.run)(&context) {
            Ok(()) => Outcome::Passed,
            Err(error) => Outcome::Failed(error),
        };
        let elapsed = stage_started.elapsed();
        match &outcome {
            Outcome::Passed => {
                println!("<== {} passed in {:.1}s", stage.name, elapsed.as_secs_f64())
            }
            Outcome::Failed(error) => println!(
                "<== {} FAILED in {:.1}s: {error}",
                stage.name,
                elapsed.as_secs_f64()
            ),
            Outcome::Skipped(_) => {}
        }
        results.push((stage, outcome, elapsed));
    }
    summarize(&results, started.elapsed())
}

fn summarize(results: &[(&Stage, Outcome, Duration)], total: Duration) -> ExitCode {
    println!("\n==> summary ({:.1}s)", total.as_secs_f64());
    let (mut passed, mut failed, mut skipped) = (0, 0, 0);
    for (stage, outcome, elapsed) in results {
        let seconds = elapsed.as_secs_f64();
        match outcome {
            Outcome::Passed => {
                passed += 1;
                println!("  pass  {:<8} {seconds:>7.1}s", stage.name);
            }
            Outcome::Failed(error) => {
                failed += 1;
                println!("  FAIL  {:<8} {seconds:>7.1}s  {error}", stage.name);
            }
            Outcome::Skipped(why) => {
                skipped += 1;
                println!("  skip  {:<8}           {why}", stage.name);
            }
        }
    }
    if skipped > 0 {
        println!("{passed} passed, {failed} failed, {skipped} skipped");
    } else {
        println!("{passed} passed, {failed} failed");
    }
    if failed == 0 && skipped == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::install::lockfile_versions;
    use crate::versions;

    fn repo_file(relative: &str) -> String {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        std::fs::read_to_string(root.join(relative)).unwrap()
    }

    #[test]
    fn lockfile_pins_the_installed_wasm_bindgen() {
        assert_eq!(
            lockfile_versions(&repo_file("Cargo.lock"), "wasm-bindgen"),
            vec![versions::WASM_BINDGEN]
        );
        let pin = format!("wasm-bindgen = \"={}\"", versions::WASM_BINDGEN);
        assert!(
            repo_file("Cargo.toml").contains(&pin),
            "root Cargo.toml must say {pin}"
        );
    }

    #[test]
    fn e2e_package_pins_playwright_core() {
        let package: serde_json::Value =
            serde_json::from_str(&repo_file("tests/e2e/package.json")).unwrap();
        assert_eq!(
            package["dependencies"]["playwright-core"],
            versions::PLAYWRIGHT_CORE
        );
        let lock: serde_json::Value =
            serde_json::from_str(&repo_file("tests/e2e/package-lock.json")).unwrap();
        assert_eq!(
            lock["packages"]["node_modules/playwright-core"]["version"],
            versions::PLAYWRIGHT_CORE
        );
    }

    #[test]
    fn trunk_wasm_opt_name_matches_binaryen() {
        let major = versions::BINARYEN_NPM.split('.').next().unwrap();
        assert_eq!(versions::WASM_OPT_FOR_TRUNK, format!("version_{major}"));
    }

    #[test]
    fn stage_names_are_unique_and_needs_come_first() {
        for (index, stage) in crate::STAGES.iter().enumerate() {
            for need in stage.needs {
                let position = crate::STAGES.iter().position(|s| s.name == *need).unwrap();
                assert!(
                    position < index,
                    "{} needs {need}, which runs later",
                    stage.name
                );
            }
            assert_eq!(
                crate::STAGES
                    .iter()
                    .filter(|s| s.name == stage.name)
                    .count(),
                1
            );
        }
    }
}
