//! Where things are, and running commands loudly.

use anyhow::{Context, bail};
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

/// Project-local tool installs (npm packages such as binaryen); ignored by git.
pub fn tools_dir() -> PathBuf {
    root().join(".tools")
}

pub fn dist_dir() -> PathBuf {
    root().join("dist")
}

pub fn step(title: &str) {
    eprintln!("\n==> {title}");
}

/// Runs a command to completion, failing with the command line if it fails.
pub fn run(cmd: &mut Command) -> anyhow::Result<()> {
    let shown = format!("{cmd:?}");
    let status = cmd
        .status()
        .with_context(|| format!("cannot start {shown}"))?;
    if !status.success() {
        bail!("command failed ({status}): {shown}");
    }
    Ok(())
}

/// A command's standard output, or None if it cannot run or fails (used to probe versions).
pub fn output_of(cmd: &mut Command) -> Option<String> {
    let out = cmd.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}
