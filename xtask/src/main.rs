//! The project's commands, in Rust so they run wherever cargo does:
//! - `cargo xtask run`: install what is missing, build the app (release) and serve it with the
//!   API on http://127.0.0.1:8080, data in `data/` (embedded SQLite).
//! - `cargo xtask test`: install what is missing, then run every test of the project.
//! - `cargo xtask bench`: measure and write BENCHMARKS.md (`bench sync|coordinator|kiosk|browser|store`:
//!   one part only).
//! - `cargo xtask build`: only build `dist/`; `cargo xtask e2e`: build, then only the browser tests.
//! - `cargo xtask pg`: a throwaway PostgreSQL for the server's tests, until Ctrl-C.

mod bench;
mod build;
mod css;
mod dist;
mod postgres;
mod project;
mod short_imports;
mod split;
mod sync_bench;
mod test;
mod tools;

use anyhow::bail;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("run") => {
            let env = tools::ensure_build_tools()?;
            build::app(&env)?;
            build::server(&env)?;
            build::run_server(&env)
        }
        Some("build") => {
            let env = tools::ensure_build_tools()?;
            build::app(&env)?;
            build::server(&env)
        }
        Some("test") => test::all(),
        Some("e2e") => test::end_to_end_only(),
        Some("bench") => bench::run(args.get(1).map(String::as_str)),
        Some("pg") => postgres::serve(),
        _ => bail!("usage: cargo xtask <run|test|bench|build|e2e|pg>"),
    }
}
