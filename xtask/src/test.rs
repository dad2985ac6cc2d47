//! `cargo xtask test`: every test of the project, installing what is missing first.
//! Order: fast native checks first (format, lints, domain/xtask tests, the server's on SQLite then
//! on a throwaway PostgreSQL), then the IndexedDB repository in headless Chromium, then the built
//! app against the real server process.

use crate::build;
use crate::postgres;
use crate::project::{self, run, step};
use crate::tools::{self, ToolEnv};
use std::path::Path;

pub fn all() -> anyhow::Result<()> {
    let env = tools::ensure_build_tools()?;
    tools::ensure_browser()?;
    tools::ensure_test_packages(&env)?;
    // Here rather than at the server tests: a failing install should not wait for the lints.
    postgres::ensure_installed()?;

    step("Formatting and lints");
    run(env.command("cargo").args(["fmt", "--all", "--check"]))?;
    run(env.command("cargo").args([
        "clippy",
        "--workspace",
        "--exclude",
        "app",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    run(env.command("cargo").args([
        "clippy",
        "-p",
        "app",
        "--target",
        "wasm32-unknown-unknown",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;

    step("Native tests: domain, xtask");
    run(env
        .command("cargo")
        .args(["test", "-p", "domain", "-p", "xtask"]))?;
    server_tests(&env)?;

    step("IndexedDB repository in headless Chromium (wasm-bindgen-test)");
    run(env
        .command("cargo")
        .args(["test", "-p", "app", "--target", "wasm32-unknown-unknown"])
        .env("CHROMEDRIVER", "/usr/bin/chromedriver")
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120"))?;

    build::app(&env)?;
    build::server(&env)?;
    let next = prepare_next_build()?;

    // The sync server's load generator on both backends, tiny sizes: fails on any failed request.
    crate::sync_bench::run_both(&env, true)?;

    step("Benchmark harness, smoke run (tiny budget, writes nothing)");
    run(env
        .command("node")
        .arg("bench/run.mjs")
        .current_dir(project::root().join("tests"))
        .env("PALIER_SERVER_BIN", build::server_binary())
        .env("PALIER_DIST", project::dist_dir())
        .env("PALIER_BENCH_MODE", "smoke")
        // Built by the sync smoke run above; seeds the coordinator's benchmark.
        .env("PALIER_LOADGEN_BIN", crate::sync_bench::loadgen_binary()))?;
    // The field app's memory and Lighthouse (tests/bench/browser.mjs), tiny; the store's bulk
    // comparison with raw IndexedDB and Dexie ran small with the wasm tests above.
    crate::bench::browser_page(&env, true, "")?;

    // Last, so that the run closes on the test runner's own summary.
    step("End-to-end tests in headless Chromium against the real server");
    end_to_end(&env, &next)
}

/// The server's tests twice: on SQLite (what `cargo xtask run` uses), then on PostgreSQL, which the
/// server's tests use when PALIER_TEST_DATABASE_URL is set.
fn server_tests(env: &ToolEnv) -> anyhow::Result<()> {
    step("Server tests on SQLite");
    // Removed so that a URL left in the developer's shell does not turn this run into a second
    // PostgreSQL one.
    run(env
        .command("cargo")
        .args(["test", "-p", "server"])
        .env_remove(postgres::TEST_URL_VAR))?;
    postgres::with_cluster(|cluster| {
        step(&format!(
            "Server tests on PostgreSQL {} ({})",
            cluster.version(),
            cluster.url()
        ));
        run(env
            .command("cargo")
            .args(["test", "-p", "server"])
            .env(postgres::TEST_URL_VAR, cluster.url()))
    })
}

pub fn end_to_end_only() -> anyhow::Result<()> {
    let env = tools::ensure_build_tools()?;
    tools::ensure_browser()?;
    tools::ensure_test_packages(&env)?;
    build::app(&env)?;
    build::server(&env)?;
    let next = prepare_next_build()?;
    end_to_end(&env, &next)
}

/// A second build of the same app that differs by one marker, so the tests can deploy an update
/// over the first one without a second full compile.
fn prepare_next_build() -> anyhow::Result<std::path::PathBuf> {
    let dist = project::dist_dir();
    let next = project::root().join("target/e2e/dist-next");
    let _ = std::fs::remove_dir_all(&next);
    copy_dir(&dist, &next)?;
    let index = next.join("index.html");
    let html = std::fs::read_to_string(&index)?;
    std::fs::write(
        &index,
        html.replacen(
            "<head>",
            "<head>\n  <meta name=\"palier-build\" content=\"next\">",
            1,
        ),
    )?;
    build::finish(&next)?;
    Ok(next)
}

fn copy_dir(from: &Path, to: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

pub fn end_to_end(env: &ToolEnv, next: &Path) -> anyhow::Result<()> {
    let tests = project::root().join("tests");
    run(env
        .command("node")
        .args(["--test", "--test-concurrency=1", "e2e/"])
        .current_dir(&tests)
        .env("PALIER_SERVER_BIN", build::server_binary())
        .env("PALIER_DIST", project::dist_dir())
        .env("PALIER_DIST_NEXT", next))
}
