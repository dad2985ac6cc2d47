//! `cargo xtask bench`: builds, then measures in headless Chromium against the real server and
//! writes BENCHMARKS.md. `cargo xtask bench smoke` runs the same harness on a tiny budget and
//! writes nothing (the test command uses it so that a broken harness is caught).

use crate::build;
use crate::project::{self, step};
use crate::tools;

pub fn run(mode: Option<&str>) -> anyhow::Result<()> {
    let env = tools::ensure_build_tools()?;
    tools::ensure_browser()?;
    tools::ensure_test_packages(&env)?;
    build::app(&env)?;
    build::server(&env)?;
    let smoke = mode == Some("smoke");
    let wasm_figures = project::root().join("target/bench/wasm.json");
    if !smoke {
        step("Event-store benchmark in headless Chromium (release wasm, 100,000 events stored)");
        let out = env
            .command("cargo")
            .args([
                "test",
                "-p",
                "app",
                "--release",
                "--target",
                "wasm32-unknown-unknown",
                "--lib",
                "bench",
                "--",
                "--nocapture",
            ])
            .env("CHROMEDRIVER", "/usr/bin/chromedriver")
            .env("PALIER_BENCH_EVENTS", "100000")
            .output()?;
        let stdout = String::from_utf8_lossy(&out.stdout);
        if !out.status.success() {
            anyhow::bail!(
                "the event-store benchmark failed:\n{stdout}\n{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let line = stdout
            .lines()
            .find_map(|l| {
                l.split_once("PALIER_BENCH ")
                    .map(|(_, json)| json.to_owned())
            })
            .ok_or_else(|| {
                anyhow::anyhow!("the event-store benchmark printed no figures:\n{stdout}")
            })?;
        std::fs::create_dir_all(wasm_figures.parent().expect("target/bench"))?;
        std::fs::write(&wasm_figures, line)?;
    }
    step("Benchmarks in headless Chromium");
    project::run(
        env.command("node")
            .arg("bench/run.mjs")
            .current_dir(project::root().join("tests"))
            .env("PALIER_SERVER_BIN", build::server_binary())
            .env("PALIER_DIST", project::dist_dir())
            .env("PALIER_BENCH_MODE", if smoke { "smoke" } else { "full" })
            .env("PALIER_BENCH_OUT", project::root().join("BENCHMARKS.md"))
            .env("PALIER_BENCH_WASM", wasm_figures),
    )
}
