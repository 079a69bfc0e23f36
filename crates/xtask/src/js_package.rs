//! `cargo xtask js`: the JavaScript package of the engine (crate `idpool-js`), built for
//! the browser (`target/js/web/`, an ES module) and for Node.js (`target/js/node/`,
//! CommonJS), and the `js` test stage that runs `tests/js/*.test.mjs` against it.

use std::path::{Path, PathBuf};

use crate::bundle::{grouped, gzip_len};
use crate::install::write;
use crate::process::{command, find_on_path, run, tool_version, Result};
use crate::project::Project;
use crate::stages::Context;
use crate::versions;

/// The crate wrapped by the package, and the wasm file cargo writes for it.
const CRATE: &str = "idpool-js";
const CRATE_WASM: &str = "idpool_js.wasm";

/// The npm package name; the generated files are `idpool.js`, `idpool.d.ts` and
/// `idpool_bg.wasm`.
const PACKAGE: &str = "idpool";

/// The API's request and answer types, generated from the Rust types by the crate's
/// `idpool-ts` binary; `idpool.d.ts` re-exports them and types its functions with them.
const API_TYPES: &str = "idpool-api.d.ts";

/// One flavour of the package: wasm-bindgen's target and where it goes.
struct Flavour {
    /// `--target` of wasm-bindgen, and the folder name under `target/js/`.
    target: &'static str,
    /// `"module"` for the browser's ES module, `"commonjs"` for Node's `require`.
    module_type: &'static str,
    /// How to load it, for the package's README.
    usage: &'static str,
}

const FLAVOURS: &[Flavour] = &[
    Flavour {
        target: "web",
        module_type: "module",
        usage: "```js\nimport init, { simulate } from \"./idpool.js\";\n\nawait init(); // fetches idpool_bg.wasm next to idpool.js\nconst answer = simulate(scenarioText);\n```\n",
    },
    Flavour {
        target: "nodejs",
        module_type: "commonjs",
        usage: "```js\nconst { simulate } = require(\"./idpool.js\"); // loads idpool_bg.wasm synchronously\n\nconst answer = simulate(scenarioText);\n```\n",
    },
];

/// Builds both flavours and prints their files with raw and gzipped sizes.
pub fn build(project: &Project) -> Result {
    let wasm = compile(project)?;
    let declarations = api_declarations(project)?;
    let bindgen = wasm_bindgen()?;
    let wasm_opt = find_on_path("wasm-opt");
    for flavour in FLAVOURS {
        let out = out_dir(project, flavour);
        if out.exists() {
            std::fs::remove_dir_all(&out)
                .map_err(|error| format!("cannot clear `{}`: {error}", out.display()))?;
        }
        run_bindgen(&bindgen, &wasm, flavour.target, &out)?;
        let bg = out.join(format!("{PACKAGE}_bg.wasm"));
        match &wasm_opt {
            Some(wasm_opt) => optimize(wasm_opt, &bg)?,
            None => println!(
                "wasm-opt not found (run `cargo xtask install`): {} is unoptimized",
                bg.display()
            ),
        }
        write(&out.join(API_TYPES), &declarations)?;
        write(&out.join("package.json"), &package_json(flavour)?)?;
        write(&out.join("README.md"), &readme(flavour))?;
    }
    report(project)
}

/// The `js` test stage: builds the package, then runs every `tests/js/*.test.mjs` with
/// Node's test runner against `target/js/node/` and the debug `idpool` CLI it compares with.
pub fn stage(context: &Context) -> Result {
    let project = &context.project;
    build(project)?;
    type_check(project)?;
    run(command("cargo", &["build", "-p", "idpool"]).current_dir(&project.root))?;
    let dir = project.root.join("tests").join("js");
    let mut tests: Vec<String> = std::fs::read_dir(&dir)
        .map_err(|error| format!("cannot list `{}`: {error}", dir.display()))?
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.to_string_lossy().ends_with(".test.mjs"))
        .map(|path| path.to_string_lossy().into_owned())
        .collect();
    if tests.is_empty() {
        return Err(format!("no *.test.mjs file in `{}`", dir.display()));
    }
    // Named explicitly: how `node --test DIR` treats a folder differs across Node versions.
    tests.sort();
    let mut node = command("node", &["--test"]);
    node.args(&tests)
        .current_dir(&project.root)
        .env("IDPOOL_JS_NODE", out_dir(project, node_flavour()?))
        .env(
            "IDPOOL_BIN",
            project.root.join("target").join("debug").join("idpool"),
        );
    run(&mut node)
}

/// The TypeScript declarations of the API, printed by `idpool-ts` from the Rust types.
fn api_declarations(project: &Project) -> Result<String> {
    let args = [
        "build",
        "-p",
        CRATE,
        "--features",
        "schema",
        "--bin",
        "idpool-ts",
    ];
    run(command("cargo", &args).current_dir(&project.root))?;
    let bin = project.root.join("target").join("debug").join("idpool-ts");
    let shown = bin.display().to_string();
    let output = command(&bin, &[])
        .output()
        .map_err(|error| format!("cannot start `{shown}`: {error}"))?;
    if !output.status.success() {
        return Err(format!(
            "`{shown}` failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    String::from_utf8(output.stdout).map_err(|error| format!("`{shown}` printed no text: {error}"))
}

/// `tsc --noEmit` over `tests/js/types/`: a small consumer written against the package's
/// declarations, so a change of the API's shape that breaks its users fails here.
fn type_check(project: &Project) -> Result {
    let tsc = project
        .typescript_dir()
        .join("node_modules")
        .join("typescript")
        .join("bin")
        .join("tsc");
    let config = project
        .root
        .join("tests")
        .join("js")
        .join("types")
        .join("tsconfig.json");
    let (tsc, config) = (tsc.to_string_lossy(), config.to_string_lossy());
    run(command("node", &[&tsc, "--noEmit", "-p", &config]).current_dir(&project.root))
}

/// wasm-bindgen's output for `wasm` into `out` as `<name>.js` and `<name>_bg.wasm`.
pub fn bindgen_named(wasm: &Path, target: &str, out: &Path, name: &str) -> Result {
    run_bindgen_named(&wasm_bindgen()?, wasm, target, out, name)
}

fn run_bindgen(bindgen: &Path, wasm: &Path, target: &str, out: &Path) -> Result {
    run_bindgen_named(bindgen, wasm, target, out, PACKAGE)
}

fn run_bindgen_named(bindgen: &Path, wasm: &Path, target: &str, out: &Path, name: &str) -> Result {
    let out_text = out.to_string_lossy();
    let wasm_text = wasm.to_string_lossy();
    let args = [
        "--target",
        target,
        "--out-dir",
        &out_text,
        "--out-name",
        name,
        &wasm_text,
    ];
    run(&mut command(bindgen, &args))
}

/// Compiles the crate for wasm32 in release and returns its `.wasm`.
pub fn compile(project: &Project) -> Result<PathBuf> {
    compile_crate(project, CRATE, CRATE_WASM)
}

/// Compiles `krate` (a `cdylib`) for wasm32 in release and returns its `.wasm`, `wasm_file`.
pub fn compile_crate(project: &Project, krate: &str, wasm_file: &str) -> Result<PathBuf> {
    let args = [
        "build",
        "--release",
        "--target",
        versions::WASM_TARGET,
        "-p",
        krate,
    ];
    run(command("cargo", &args).current_dir(&project.root))?;
    let wasm = project
        .root
        .join("target")
        .join(versions::WASM_TARGET)
        .join("release")
        .join(wasm_file);
    if !wasm.is_file() {
        return Err(format!("cargo did not write `{}`", wasm.display()));
    }
    Ok(wasm)
}

/// The pinned `wasm-bindgen`: another version would not match the crate's `wasm-bindgen`.
fn wasm_bindgen() -> Result<PathBuf> {
    let found = tool_version("wasm-bindgen");
    if found.as_deref() != Some(versions::WASM_BINDGEN) {
        return Err(format!(
            "wasm-bindgen {} is needed, found {}: run `cargo xtask install`",
            versions::WASM_BINDGEN,
            found.as_deref().unwrap_or("none")
        ));
    }
    find_on_path("wasm-bindgen").ok_or_else(|| "wasm-bindgen is not on PATH".to_owned())
}

/// Shrinks `wasm` in place for size, allowing the features rustc's wasm32 output uses.
pub fn optimize(wasm_opt: &Path, wasm: &Path) -> Result {
    let file = wasm.to_string_lossy();
    let args = [
        "-Oz",
        "--enable-bulk-memory",
        "--enable-nontrapping-float-to-int",
        "--enable-sign-ext",
        "--enable-mutable-globals",
        "--enable-reference-types",
        "--enable-multivalue",
        &file,
        "-o",
        &file,
    ];
    run(&mut command(wasm_opt, &args))
}

fn out_dir(project: &Project, flavour: &Flavour) -> PathBuf {
    let folder = if flavour.target == "nodejs" {
        "node"
    } else {
        flavour.target
    };
    project.root.join("target").join("js").join(folder)
}

fn node_flavour() -> Result<&'static Flavour> {
    FLAVOURS
        .iter()
        .find(|flavour| flavour.target == "nodejs")
        .ok_or_else(|| "no Node.js flavour".to_owned())
}

fn package_json(flavour: &Flavour) -> Result<String> {
    let package = serde_json::json!({
        "name": PACKAGE,
        "version": env!("CARGO_PKG_VERSION"),
        "description": "Identity Pool Playground engine: IAM policy evaluation and Amazon Cognito identity-pool simulation, as WebAssembly",
        "license": env!("CARGO_PKG_LICENSE"),
        "type": flavour.module_type,
        "main": format!("{PACKAGE}.js"),
        "types": format!("{PACKAGE}.d.ts"),
        "files": [
            format!("{PACKAGE}.js"),
            format!("{PACKAGE}.d.ts"),
            API_TYPES,
            format!("{PACKAGE}_bg.wasm"),
            format!("{PACKAGE}_bg.wasm.d.ts"),
        ],
        "sideEffects": false,
    });
    serde_json::to_string_pretty(&package)
        .map(|text| text + "\n")
        .map_err(|error| format!("cannot write package.json: {error}"))
}

fn readme(flavour: &Flavour) -> String {
    format!(
        "# {PACKAGE} ({target})\n\n\
         The Identity Pool Playground engine, built by `cargo xtask js` with wasm-bindgen \
         `--target {target}`. It gives the same answers as the `idpool` command line.\n\n\
         {usage}\n\
         Functions: `simulate(scenario)`, `check(scenario)`, `evaluate(case, explain)`, \
         `parsePolicy(text, kind)`, `formatPolicy(text)`, `answer(request)`, \
         `answerJson(text)`, `engineVersion()`, `apiVersion()`. Each returns a plain \
         object `{{apiVersion, op, ...}}`; a request that cannot be read answers \
         `{{op: \"error\", message}}` instead of throwing. Types are in `{PACKAGE}.d.ts`.\n",
        target = flavour.target,
        usage = flavour.usage,
    )
}

/// Prints every `.wasm` and `.js` file of the package, raw and gzipped.
fn report(project: &Project) -> Result {
    for flavour in FLAVOURS {
        let out = out_dir(project, flavour);
        println!("{}", out.display());
        for name in [format!("{PACKAGE}_bg.wasm"), format!("{PACKAGE}.js")] {
            let path = out.join(&name);
            let bytes = std::fs::read(&path)
                .map_err(|error| format!("cannot read `{}`: {error}", path.display()))?;
            let raw = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
            println!(
                "  {name:<16} {:>10} B raw {:>10} B gzip",
                grouped(raw),
                grouped(gzip_len(&bytes)?)
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn package_json_names_the_package_its_version_and_types() {
        for flavour in FLAVOURS {
            let package: serde_json::Value =
                serde_json::from_str(&package_json(flavour).unwrap()).unwrap();
            assert_eq!(package["name"], "idpool");
            assert_eq!(package["version"], env!("CARGO_PKG_VERSION"));
            assert_eq!(package["types"], "idpool.d.ts");
            assert_eq!(package["type"], flavour.module_type);
        }
    }

    #[test]
    fn flavours_go_to_web_and_node() {
        let project = Project {
            root: PathBuf::from("/repo"),
            cargo_bin: PathBuf::new(),
            binaryen_dir: PathBuf::new(),
        };
        let dirs: Vec<PathBuf> = FLAVOURS.iter().map(|f| out_dir(&project, f)).collect();
        assert_eq!(
            dirs,
            [
                PathBuf::from("/repo/target/js/web"),
                PathBuf::from("/repo/target/js/node")
            ]
        );
        assert_eq!(node_flavour().unwrap().target, "nodejs");
    }
}
