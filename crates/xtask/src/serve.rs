//! `cargo xtask serve`: install what is missing, build, and serve with live rebuilds.

use crate::install;
use crate::process::{command, Result};
use crate::project::Project;

/// The port used when none is given.
pub const DEFAULT_PORT: u16 = 8080;

/// Runs `trunk serve` on 127.0.0.1 until interrupted. Its build goes to
/// `target/serve-dist`, not `dist/`, so serving never replaces the build under test.
/// Autoreload is off: Trunk rewrites its inline script while serving, after the
/// Content-Security-Policy hook has hashed the page, so the policy would block it. Trunk
/// still rebuilds on every change; reload the page to see it.
pub fn serve(project: &Project, port: u16) -> Result {
    install::build_tools(project)?;
    install::fetch_crates(project)?;
    let port_text = port.to_string();
    let dist = project.root.join("target").join("serve-dist");
    let dist_text = dist.display().to_string();
    println!("the playground will be at http://127.0.0.1:{port}/ once built (Ctrl-C stops it; reload the page after a rebuild)");
    let args = [
        "serve",
        "--release",
        "--address",
        "127.0.0.1",
        "--port",
        &port_text,
        // Without it Trunk also lists every hostname of the machine, which we do not serve to.
        "--disable-address-lookup",
        "--no-autoreload=true",
        "--dist",
        &dist_text,
    ];
    let mut trunk = command("trunk", &args);
    trunk.current_dir(&project.root).envs(project.trunk_env());
    crate::process::run(&mut trunk)
}
