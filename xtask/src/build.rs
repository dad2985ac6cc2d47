//! Builds the app (Trunk, release, offline, pinned tools) and the server, and runs the server.

use crate::dist;
use crate::project::{self, run, step};
use crate::tools::ToolEnv;
use std::path::Path;

pub fn app(env: &ToolEnv) -> anyhow::Result<()> {
    step("Building the app (Trunk, release)");
    run(env
        .command("trunk")
        .args(["--config", "trunk.toml", "build", "--release"]))?;
    crate::split::split_modes(env, &project::dist_dir())?;
    let sheets = crate::css::shrink(&project::dist_dir())?;
    let sheets: Vec<&str> = sheets.iter().map(String::as_str).collect();
    crate::split::update_integrity(&project::dist_dir(), &sheets)?;
    finish(&project::dist_dir())
}

/// Post-build steps on a Trunk output folder; returns the build hash.
pub fn finish(dist: &Path) -> anyhow::Result<()> {
    let template = std::fs::read_to_string(project::root().join("sw/sw.js"))?;
    let build = dist::finish(dist, &template)?;
    eprintln!("    build {build} ready in {}", dist.display());
    Ok(())
}

pub fn server(env: &ToolEnv) -> anyhow::Result<()> {
    step("Building the server");
    run(env
        .command("cargo")
        .args(["build", "--profile", "server-release", "-p", "server"]))
}

pub fn server_binary() -> std::path::PathBuf {
    project::root().join("target/server-release/server")
}

pub fn run_server(env: &ToolEnv) -> anyhow::Result<()> {
    step("Palier on http://127.0.0.1:8080 (Ctrl-C stops it; data in data/)");
    run(env
        .command(server_binary().to_str().unwrap_or("server"))
        .args([
            "--addr",
            "127.0.0.1:8080",
            "--dist",
            "dist",
            "--data-dir",
            "data",
            "--demo",
        ]))
}
