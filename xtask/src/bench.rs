//! `cargo xtask bench`: builds, then measures in headless Chromium against the real server and
//! writes BENCHMARKS.md. `cargo xtask bench smoke` runs the same harness on a tiny budget and
//! writes nothing (the test command uses it so that a broken harness is caught).
//! `cargo xtask bench sync` measures only the sync server (xtask/src/sync_bench.rs) and replaces
//! its section of BENCHMARKS.md (`bench sync-page`: the same section from the last run's figures).

use crate::build;
use crate::postgres;
use crate::project::{self, step};
use crate::sync_bench;
use crate::tools;

pub fn run(mode: Option<&str>) -> anyhow::Result<()> {
    if mode == Some("sync-page") {
        // Only the page: the section again from the last run's figures (after editing its text).
        sync_bench::render_from_figures()?;
        return sync_bench::write_into_benchmarks();
    }
    let env = tools::ensure_build_tools()?;
    if mode == Some("sync") {
        // The sync server's figures alone, written into their section of BENCHMARKS.md.
        postgres::ensure_installed()?;
        build::server(&env)?;
        sync_bench::run_both(&env, false)?;
        return sync_bench::write_into_benchmarks();
    }
    tools::ensure_browser()?;
    tools::ensure_test_packages(&env)?;
    build::app(&env)?;
    build::server(&env)?;
    let smoke = mode == Some("smoke");
    // The sync server's benchmarks (loadgen/, a second process); full size writes the section
    // run.mjs puts in BENCHMARKS.md.
    postgres::ensure_installed()?;
    sync_bench::run_both(&env, smoke)?;
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
            .env("PALIER_BENCH_WASM", wasm_figures)
            .env("PALIER_BENCH_SYNC", sync_bench::section_file()),
    )
}
