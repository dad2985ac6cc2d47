//! Installs, once, the tools the build and the tests need, pinned as TOOLCHAIN.md says, from the
//! package registries only; skips whatever is already there at the right version.

use crate::project::{self, output_of, run, step};
use anyhow::{Context, bail};
use std::path::PathBuf;
use std::process::Command;

pub const TRUNK_VERSION: &str = "0.21.14";
/// Must equal the `wasm-bindgen` crate version pinned in Cargo.toml.
pub const WASM_BINDGEN_VERSION: &str = "0.2.130";
/// Cuts the app's wasm into one file per mode (xtask/src/split.rs); the crate's own binary.
pub const WASM_SPLIT_VERSION: &str = "0.2.4";
/// binaryen from npm: Debian's wasm-opt (108) breaks modern wasm-bindgen output.
pub const BINARYEN_VERSION: &str = "132.0.0";
/// Minifies the JS the first load fetches (the shell's glue and the split loader, split.rs).
pub const TERSER_VERSION: &str = "5.51.4";

/// The environment the build runs in: a PATH where our pinned tools come first.
pub struct ToolEnv {
    pub path: String,
}

impl ToolEnv {
    pub fn command(&self, program: &str) -> Command {
        let mut cmd = Command::new(program);
        cmd.env("PATH", &self.path).current_dir(project::root());
        cmd
    }
}

fn cargo_bin() -> PathBuf {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cargo")
        });
    home.join("bin")
}

fn binaryen_bin() -> PathBuf {
    project::tools_dir().join("npm/node_modules/.bin")
}

pub fn ensure_build_tools() -> anyhow::Result<ToolEnv> {
    let path = format!(
        "{}:{}:{}",
        binaryen_bin().display(),
        cargo_bin().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let env = ToolEnv { path };
    ensure_wasm_target(&env)?;
    ensure_cargo_tool(
        &env,
        "trunk",
        &["--version"],
        TRUNK_VERSION,
        &["trunk", "--version", TRUNK_VERSION, "--locked"],
    )?;
    // Not --locked: its lock file pins a crate version the registry no longer serves.
    ensure_cargo_tool(
        &env,
        "wasm-bindgen",
        &["--version"],
        WASM_BINDGEN_VERSION,
        &["wasm-bindgen-cli", "--version", WASM_BINDGEN_VERSION],
    )?;
    ensure_wasm_split(&env)?;
    ensure_node(&env)?;
    ensure_binaryen(&env)?;
    ensure_terser(&env)?;
    Ok(env)
}

fn ensure_wasm_target(env: &ToolEnv) -> anyhow::Result<()> {
    let installed = output_of(
        env.command("rustup")
            .args(["target", "list", "--installed"]),
    )
    .unwrap_or_default();
    if !installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        step("Installing the wasm32-unknown-unknown target");
        run(env
            .command("rustup")
            .args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    Ok(())
}

fn ensure_cargo_tool(
    env: &ToolEnv,
    binary: &str,
    version_args: &[&str],
    version: &str,
    install_args: &[&str],
) -> anyhow::Result<()> {
    let found = output_of(env.command(binary).args(version_args)).unwrap_or_default();
    if found.split_whitespace().any(|word| word == version) {
        return Ok(());
    }
    step(&format!(
        "Installing {binary} {version} with cargo (several minutes, once)"
    ));
    run(env.command("cargo").arg("install").args(install_args))
}

/// wasm-split-cli has no `--version`: cargo's own list of installed crates tells.
fn ensure_wasm_split(env: &ToolEnv) -> anyhow::Result<()> {
    let installed = output_of(env.command("cargo").args(["install", "--list"])).unwrap_or_default();
    if installed.contains(&format!("wasm_split_cli_support v{WASM_SPLIT_VERSION}:")) {
        return Ok(());
    }
    step(&format!(
        "Installing wasm-split-cli {WASM_SPLIT_VERSION} with cargo (a few minutes, once)"
    ));
    run(env.command("cargo").args([
        "install",
        "wasm_split_cli_support",
        "--version",
        WASM_SPLIT_VERSION,
        "--locked",
        "--features",
        "build-binary",
    ]))
}

fn ensure_node(env: &ToolEnv) -> anyhow::Result<()> {
    if output_of(env.command("node").arg("--version")).is_some()
        && output_of(env.command("npm").arg("--version")).is_some()
    {
        return Ok(());
    }
    apt_install(&["nodejs", "npm"])
}

fn ensure_binaryen(env: &ToolEnv) -> anyhow::Result<()> {
    let wasm_opt = binaryen_bin().join("wasm-opt");
    let found = output_of(Command::new(&wasm_opt).arg("--version")).unwrap_or_default();
    if found.contains("version 132") {
        return Ok(());
    }
    step("Installing wasm-opt (binaryen 132) from npm into .tools/npm");
    let prefix = project::tools_dir().join("npm");
    std::fs::create_dir_all(&prefix)?;
    run(env
        .command("npm")
        .args(["install", "--no-audit", "--no-fund", "--prefix"])
        .arg(&prefix)
        .arg(format!("binaryen@{BINARYEN_VERSION}")))?;
    let found = output_of(Command::new(&wasm_opt).arg("--version")).unwrap_or_default();
    if !found.contains("version 132") {
        bail!(
            "wasm-opt from npm binaryen@{BINARYEN_VERSION} answers {found:?}, expected version 132"
        );
    }
    Ok(())
}

fn ensure_terser(env: &ToolEnv) -> anyhow::Result<()> {
    let terser = binaryen_bin().join("terser");
    let found = output_of(Command::new(&terser).arg("--version")).unwrap_or_default();
    if found.split_whitespace().any(|word| word == TERSER_VERSION) {
        return Ok(());
    }
    step(&format!(
        "Installing terser {TERSER_VERSION} from npm into .tools/npm"
    ));
    let prefix = project::tools_dir().join("npm");
    std::fs::create_dir_all(&prefix)?;
    run(env
        .command("npm")
        .args(["install", "--no-audit", "--no-fund", "--prefix"])
        .arg(&prefix)
        .arg(format!("terser@{TERSER_VERSION}")))
}

/// Debian's Chromium and ChromeDriver: the only browser that can be had here (no downloads).
pub fn ensure_browser() -> anyhow::Result<()> {
    let have = |p: &str| std::path::Path::new(p).exists();
    if have("/usr/bin/chromium") && have("/usr/bin/chromedriver") {
        return Ok(());
    }
    apt_install(&["chromium", "chromium-driver"])
}

/// npm packages the browser tests use (playwright-core, axe-core), from tests/package-lock.json.
pub fn ensure_test_packages(env: &ToolEnv) -> anyhow::Result<()> {
    let tests = project::root().join("tests");
    let stamp = tests.join("node_modules/.package-lock.json");
    let lock = tests.join("package-lock.json");
    let fresh = match (std::fs::metadata(&stamp), std::fs::metadata(&lock)) {
        (Ok(s), Ok(l)) => s.modified()? >= l.modified()?,
        _ => false,
    };
    if !fresh {
        step("Installing the browser-test packages (npm ci)");
        run(env
            .command("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&tests))?;
    }
    Ok(())
}

pub fn apt_install(packages: &[&str]) -> anyhow::Result<()> {
    step(&format!(
        "Installing {} from Debian's packages",
        packages.join(", ")
    ));
    let sudo = if is_root() { None } else { Some("sudo") };
    let mut update = Command::new(sudo.unwrap_or("apt-get"));
    if sudo.is_some() {
        update.arg("apt-get");
    }
    run(update.arg("update")).context("apt-get update failed")?;
    let mut install = Command::new(sudo.unwrap_or("apt-get"));
    if sudo.is_some() {
        install.arg("apt-get");
    }
    install
        .env("DEBIAN_FRONTEND", "noninteractive")
        .args(["install", "-y"])
        .args(packages);
    run(&mut install)
}

/// Root installs with apt directly; anyone else goes through sudo (and PostgreSQL's tools refuse
/// root, so its cluster runs as the `postgres` user).
pub fn is_root() -> bool {
    output_of(Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0")
}
