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
    step("Benchmarks in headless Chromium");
    let smoke = mode == Some("smoke");
    project::run(
        env.command("node")
            .arg("bench/run.mjs")
            .current_dir(project::root().join("tests"))
            .env("PALIER_SERVER_BIN", build::server_binary())
            .env("PALIER_DIST", project::dist_dir())
            .env("PALIER_BENCH_MODE", if smoke { "smoke" } else { "full" })
            .env("PALIER_BENCH_OUT", project::root().join("BENCHMARKS.md")),
    )
}
