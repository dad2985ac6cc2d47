//! The sync server's benchmarks: `loadgen/` (a second process) loads the release server over
//! loopback, on SQLite and on a throwaway PostgreSQL cluster. Full sizes for `cargo xtask bench`
//! and `cargo xtask bench sync`, tiny ones for `cargo xtask bench smoke` and `cargo xtask test`
//! (a broken harness then fails the tests).
//!
//! The figures land in BENCHMARKS.md between two markers: tests/bench/run.mjs copies
//! `target/bench/sync.md` there when it rewrites the file, and `cargo xtask bench sync` replaces
//! only that part.

use crate::build;
use crate::postgres;
use crate::project::{self, output_of, run, step};
use crate::tools::ToolEnv;
use anyhow::Context;
use std::path::PathBuf;
use std::process::Command;

pub const BEGIN: &str = "<!-- sync-bench:begin -->";
pub const END: &str = "<!-- sync-bench:end -->";

/// Where the Markdown section is written for run.mjs.
pub fn section_file() -> PathBuf {
    project::root().join("target/bench/sync.md")
}

pub fn loadgen_binary() -> PathBuf {
    project::root().join("target/server-release/loadgen")
}

pub fn build_loadgen(env: &ToolEnv) -> anyhow::Result<()> {
    step("Building the sync load generator (loadgen, server-release profile)");
    run(env
        .command("cargo")
        .args(["build", "--profile", "server-release", "-p", "loadgen"]))
}

/// Runs the benchmarks on both backends (the server must be built). Full size writes
/// [`section_file`]; smoke size only checks that every figure came out.
pub fn run_both(env: &ToolEnv, smoke: bool) -> anyhow::Result<()> {
    build_loadgen(env)?;
    let size = if smoke { "smoke" } else { "full" };
    let out = |backend: &str| project::root().join(format!("target/bench/sync-{backend}.json"));
    let loadgen = |database_url: Option<&str>, out: PathBuf| {
        let mut cmd = Command::new(loadgen_binary());
        cmd.arg("--server-bin")
            .arg(build::server_binary())
            .args(["--size", size, "--out"])
            .arg(out);
        if let Some(url) = database_url {
            cmd.args(["--database-url", url]);
        }
        // The figures go to the file; its copy on stdout would only clutter the run.
        cmd.stdout(std::process::Stdio::null());
        cmd
    };
    step(&format!("Sync benchmarks on SQLite ({size})"));
    run(&mut loadgen(None, out("sqlite")))?;
    // Full size on a cluster with PostgreSQL's own durability (fsync, synchronous commit), as a
    // deployment runs it; the smoke run does not measure anything, the tests' cluster will do.
    let on_cluster = |cluster: &postgres::Cluster| {
        step(&format!(
            "Sync benchmarks on PostgreSQL {} ({size})",
            cluster.version()
        ));
        run(&mut loadgen(Some(cluster.url()), out("postgresql")))
    };
    if smoke {
        postgres::with_cluster(on_cluster)?;
        return Ok(());
    }
    postgres::with_durable_cluster(on_cluster)?;
    render_from_figures()
}

/// Writes [`section_file`] from the figures of the last full run (target/bench/sync-*.json).
pub fn render_from_figures() -> anyhow::Result<()> {
    let read = |backend: &str| -> anyhow::Result<serde_json::Value> {
        let file = project::root().join(format!("target/bench/sync-{backend}.json"));
        let text = std::fs::read_to_string(&file)
            .with_context(|| format!("no figures in {}", file.display()))?;
        Ok(serde_json::from_str(&text)?)
    };
    let section = render(&read("sqlite")?, &read("postgresql")?);
    std::fs::write(section_file(), section)?;
    Ok(())
}

/// `cargo xtask bench sync`: replaces the sync section of BENCHMARKS.md with fresh figures.
pub fn write_into_benchmarks() -> anyhow::Result<()> {
    let file = project::root().join("BENCHMARKS.md");
    let text = std::fs::read_to_string(&file)?;
    let section = std::fs::read_to_string(section_file())?;
    let replaced = match (text.find(BEGIN), text.find(END)) {
        (Some(begin), Some(end)) if begin < end => {
            format!("{}{}{}", &text[..begin], section, &text[end + END.len()..])
        }
        // No section yet: before the history, where run.mjs puts it.
        _ => match text.find("## History and open goals") {
            Some(at) => format!("{}{section}\n\n{}", &text[..at], &text[at..]),
            None => format!("{text}\n{section}\n"),
        },
    };
    std::fs::write(&file, replaced)?;
    eprintln!("    written to {}", file.display());
    Ok(())
}

fn number(value: &serde_json::Value) -> f64 {
    value.as_f64().unwrap_or(f64::NAN)
}

/// `12345.6` → `12,346`.
fn thousands(x: f64) -> String {
    let digits = format!("{:.0}", x);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The machine, as the page tells it: cores and CPU model, memory, kernel.
fn machine() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name")?.split_once(':'))
        .map_or("unknown CPU", |(_, m)| m.trim())
        .to_owned();
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let memory_gib = std::fs::read_to_string("/proc/meminfo")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|kb| kb.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / (1024.0 * 1024.0));
    let kernel = output_of(Command::new("uname").arg("-srm")).unwrap_or_default();
    format!(
        "{cores} × {model}, {memory_gib:.0} GiB RAM, {}",
        kernel.trim()
    )
}

fn today() -> String {
    output_of(Command::new("date").args(["-u", "+%Y-%m-%d"]))
        .unwrap_or_default()
        .trim()
        .to_owned()
}

/// The Markdown section, markers included.
pub fn render(sqlite: &serde_json::Value, postgres: &serde_json::Value) -> String {
    let both = [sqlite, postgres];
    let cells = |f: &dyn Fn(&serde_json::Value) -> String| -> String {
        both.iter().map(|b| f(b)).collect::<Vec<_>>().join(" | ")
    };
    let push = &sqlite["push"];
    let ingest = &sqlite["ingest"];
    let crowd = &sqlite["crowd"];
    let seconds = |b: &serde_json::Value| {
        let p = &b["push"];
        format!(
            "{:.2} s ({:.2}–{:.2} s)",
            number(&p["median_s"]),
            number(&p["min_s"]),
            number(&p["max_s"])
        )
    };
    let rate = |b: &serde_json::Value| {
        let i = &b["ingest"];
        format!(
            "{}/s ({}–{})",
            thousands(number(&i["median_per_s"])),
            thousands(number(&i["min_per_s"])),
            thousands(number(&i["max_per_s"]))
        )
    };
    // What the rate costs, which moves less than the rate with what else runs on the machine.
    let ingest_cpu = |b: &serde_json::Value| {
        let i = &b["ingest"];
        let server = number(&i["server_cpu_us_per_event"]);
        match i["database_cpu_us_per_event"].as_f64() {
            Some(database) => format!("{server:.1} µs + {database:.1} µs"),
            None => format!("{server:.1} µs"),
        }
    };
    let ingest_load = |b: &serde_json::Value| {
        format!(
            "{:.1} → {:.1}",
            number(&b["load_average_before"]),
            number(&b["ingest"]["load_average_after"])
        )
    };
    let latency = |crowd: &'static str, key: &'static str| {
        move |b: &serde_json::Value| {
            let l = &b[crowd][key];
            format!(
                "{:.0} / {:.0} / **{:.0}** ms (max {:.0})",
                number(&l["p50_ms"]),
                number(&l["p95_ms"]),
                number(&l["p99_ms"]),
                number(&l["max_ms"])
            )
        }
    };
    let errors = |b: &serde_json::Value| {
        let [c, f] = [&b["crowd"], &b["crowd_fast"]];
        format!(
            "{} of {} ({} answered 429); faster: {} of {} ({})",
            c["errors"],
            c["requests"]["count"],
            c["rate_limited"],
            f["errors"],
            f["requests"]["count"],
            f["rate_limited"]
        )
    };
    let crowd_pulled = format!(
        "{} events pulled in all on SQLite, {} on PostgreSQL",
        thousands(number(&crowd["events_pulled"])),
        thousands(number(&postgres["crowd"]["events_pulled"]))
    );
    let fast = &sqlite["crowd_fast"];
    let load = |b: &serde_json::Value| format!("{:.1}", number(&b["load_average_before"]));
    let cpu = |b: &serde_json::Value| {
        let c = &b["crowd"];
        format!(
            "{:.1} s for the server, {:.1} s for loadgen, over {:.1} s",
            number(&c["server_cpu_s"]),
            number(&c["loadgen_cpu_s"]),
            number(&c["seconds"])
        )
    };
    format!(
        "{BEGIN}
## Sync server

Measured by `cargo xtask bench` (loadgen/, written into this page by xtask/src/sync_bench.rs) on
{date}: the release server (`server-release` profile) as its own process on a fresh store, the load
from a second process, loadgen (Rust, tokio and hyper, one keep-alive connection per device), over
loopback. Both share the machine: {machine}.
{sqlite_engine} in WAL mode with `synchronous = NORMAL`, as the server opens it; {pg_engine} in a fresh
local cluster with its own durability defaults (fsync and synchronous commit on).

| what | goal | SQLite | PostgreSQL |
|---|---|---|---|
| Push of {push_events} visits by one device, {push_batches} batches of {push_batch} one after the other, median (min–max) of {push_runs} | ≤ 2 s | {push_cells} |
| Ingest: {ingest_devices} devices push batches of {ingest_batch} at once, {ingest_events} events, median (min–max) of {ingest_runs} | ≥ 50,000 events/s | {ingest_cells} |
| CPU per event stored in the ingest, median: the server's process (+ PostgreSQL's processes) | | {ingest_cpu_cells} |
| 1-minute load average as the push and ingest runs started → as they ended | | {ingest_load_cells} |
| {crowd_devices} devices syncing at once: every request, p50 / p95 / **p99** | p99 ≤ 500 ms | {request_cells} |
| the pushes among them | | {push_lat_cells} |
| the pulls among them | | {pull_lat_cells} |
| a whole sync round (push, then pulls until nothing more) | | {round_cells} |
| the same devices five times as often: every request | | {fast_cells} |
| requests that failed | none | {error_cells} |
| CPU time during the crowd | | {cpu_cells} |
| 1-minute load average as loadgen started (0: a quiet machine; PostgreSQL's counts the SQLite run) | | {load_cells} |

The push is timed from the outbox in memory to the last answer applied with
`apply_push_response` (each request's JSON written on the way). The ingest requests are written
before the clock starts, so that figure is the server's: events stored per second of wall time,
checked against the server's count. The crowd: {crowd_devices} enrolled devices, up to date with a
log of {crowd_log} visits, all start at the same instant and each makes {crowd_rounds} sync rounds,
a random pause of up to {crowd_pause} ms between them (the app's fastest pace: a round 5 s after a
visit is recorded); a round pushes {crowd_per_round} new visits, then pulls pages of up to 1,000
events from its saved cursor until the server has nothing more ({crowd_pulled}). The faster crowd
makes {fast_rounds} rounds up to {fast_pause} ms apart: every volunteer recording a visit every
few seconds, and every device pulling all of them. A 429 would be waited out as `Retry-After`
says and counted. Each device opens its connection before the clock starts.

What limits these figures (found on 2026-11-25 and 2026-11-26, same machine):

- SQLite's ingest doubled when long inserts stopped using numbered `$n` parameters: sqlx looks
  each one up by name and SQLite walks the list of all names for it, so a batch of 500 (3,500
  parameters) spent half the server's time there. server/src/db/events/insert.rs gives SQLite
  anonymous `?` parameters. `devices.last_seen_ms` is written at most once a minute per device.
- The crowd's tail was its first round: 200 devices pull at the same moment what the 200 just
  pushed, and the server parsed every stored envelope, stripped it to the team view and wrote it
  out again, about 9 µs of CPU per event pulled. Since 2026-11-26 the team view's JSON is stored
  beside the envelope at push time (column `team_json`, migration 0005) and a pull copies those
  texts into the answer without parsing them. Measured on the crowd alone (`loadgen --only
  crowd`), the release server before and after in alternated runs on 2026-11-26, the machine
  busy with other builds (load 4 to 8): SQLite, every request's p99 1,177 and 1,420 ms before,
  422 and 442 ms after, the server's CPU 3.1 s then 1.7 s; PostgreSQL (durable cluster), p99
  1,276 and 1,318 ms before, 571 and 944 ms after, the server's CPU 2.1 s then 1.0 s. The
  PostgreSQL crowd is then bound by its pushes: 200 devices pushing at the same instant make
  200 commits one after the other behind the push lock, each waiting for its WAL flush. Each
  push waiting for the lock also held one of the pool's 16 connections, so pulls and token
  checks queued behind them; since 2026-11-26 at most 3 pushes of the process wait at the lock
  (server/src/db/events.rs), and the cursor test still fails without the lock.
- PostgreSQL's ingest is bound by the push lock: one push at a time inserts its 500 rows, updates
  four indexes and flushes its WAL, so that the pull cursor never steps over a row committed late
  (server/tests/sync.rs fails without the lock, in about one run of three on the tests' cluster).
  The insert takes the lock itself and commits on its own (one round trip under the lock instead
  of three), and telling duplicates from taken sequence numbers waits until after the commit. So
  the rate is set by PostgreSQL's CPU per batch under the lock plus one WAL flush per batch. A
  lock-free variant (positions from transaction ids, branch `wip/pg-positions`) measured 39.9k/s
  against 39.0k/s with the lock at a load of 3: the CPU per event is the limit, not the lock.
- The CPU per event stored, since 2026-11-26 (server/src/db/events/insert.rs, the row on CPU per
  event above): a batch of fresh events is stored with a plain insert, without `ON CONFLICT` and
  without `RETURNING`. PostgreSQL then checks each unique index while inserting instead of probing
  all three first (a tenth of its time in the ingest, under the lock), and neither backend hands
  back 500 ids: a plain insert that succeeds stored every row. A batch holding an id already
  stored or a sequence number already taken fails with a unique violation and is inserted again
  the old way, with the same answers (server/tests/ingest.rs). PostgreSQL gets each column as one
  text parameter, split inside the statement (`unnest(string_to_array(…))`): 9 parameters
  instead of 4,001, one statement text prepared once per connection instead of a 500-row
  `VALUES` list parsed and planned at every push, and the reception time formatted once per
  statement instead of once per row. SQLite binds borrowed text, and its statement is written
  without formatting. Alternated runs of the release server before and after (`loadgen --only
  ingest`, 3 runs each, on 2026-11-26 with other helpers' builds running: load 5.7 to 11.9),
  median CPU per event stored: SQLite's server 22.5 µs before (20.6–26.8, 10 runs) and 17.6 µs
  after (16.4–18.4, 10 runs); on PostgreSQL the server 11.6 µs then 10.4 µs, PostgreSQL's own
  processes 19.3 µs then 16.0 µs (14.8–20.4). At that load the rates wandered from 9,000 to
  59,000/s whatever the build and tell nothing; the table gives one run with its load. On
  PostgreSQL every push also waits for its WAL flush under the lock, and on 2026-11-26 other
  helpers' builds were writing to the same disk: under loads of 6 to 13 the single device's push
  took up to 2.4 s and the crowd's p99 up to 2 s, with either build. Alternated crowd runs
  before and after the change (`loadgen --only crowd`, a warm durable cluster, load 6.9 to
  13.3), every request's p99: 862, 967, 1,181, 1,514 and 1,736 ms before; 647, 851, 1,115, 1,461
  and 2,079 ms after.
- Since 2026-11-26 a PostgreSQL push of 50 events or more is stored with a binary `COPY … FROM
  STDIN` in a transaction that takes the push lock first (server/src/db/events/copy.rs), falling
  back to the conflict-aware insert on a unique violation: no per-row executor work, one WAL
  record per page instead of one per row. PostgreSQL's CPU per event stored, alternated runs at
  load 10 to 20: median 17.4 µs before, 15.0 µs after (5 rounds of 3 runs); the rates at that
  load follow the machine, not the build (BENCHMARKS.md, history).
- Where the rest goes (perf on the release server, 2026-11-26): on SQLite a fifth of the server's
  CPU reads the request's JSON (http/json.rs, serde_path_to_error over each event), a quarter
  writes pages (the WAL at commit, then the checkpoint copying them into the file: each row is
  about 1.1 KB, the team view's JSON a third of it), a tenth binds the 4,000 parameters, an
  eighth writes the envelope's and the team view's JSON. Queuing SQLite's pushes in the process
  (so that none sleeps in SQLite's busy handler, 1 to 100 ms between tries) was tried and made
  the rate lower in three alternated pairs (same CPU per event): the queued push then binds its
  parameters only after the one before it commits. On PostgreSQL, a fresh cluster also zero-fills each new 16 MB WAL segment (up to a
  sixth of its CPU in the first runs); a long-running cluster recycles them.
- The server listens with tokio's default backlog of 128 connections waiting to be accepted: 200
  devices connecting in the same millisecond overflow it, and the dropped ones retry one second
  later (a p99 of about 1 s before loadgen opened its connections ahead of the clock). A listener
  made with `tokio::net::TcpSocket` and `listen(1024)` would take them; behind Caddy or nginx the
  proxy holds those connections instead.
{END}",
        date = today(),
        machine = machine(),
        sqlite_engine = sqlite["engine"].as_str().unwrap_or("SQLite"),
        pg_engine = postgres["engine"].as_str().unwrap_or("PostgreSQL"),
        push_events = thousands(number(&push["events"])),
        push_batch = push["batch"],
        push_batches = (number(&push["events"]) / number(&push["batch"])).ceil(),
        push_runs = push["runs"],
        push_cells = cells(&seconds),
        ingest_devices = ingest["devices"],
        ingest_batch = ingest["batch"],
        ingest_events = thousands(number(&ingest["events"])),
        ingest_runs = ingest["runs"],
        ingest_cells = cells(&rate),
        ingest_cpu_cells = cells(&ingest_cpu),
        ingest_load_cells = cells(&ingest_load),
        crowd_devices = crowd["devices"],
        request_cells = cells(&latency("crowd", "requests")),
        push_lat_cells = cells(&latency("crowd", "push")),
        pull_lat_cells = cells(&latency("crowd", "pull")),
        round_cells = cells(&latency("crowd", "round")),
        fast_cells = cells(&latency("crowd_fast", "requests")),
        load_cells = cells(&load),
        fast_rounds = fast["rounds"],
        fast_pause = thousands(number(&fast["pause_ms"])),
        error_cells = cells(&errors),
        cpu_cells = cells(&cpu),
        crowd_log = thousands(number(&crowd["log"])),
        crowd_rounds = crowd["rounds"],
        crowd_pause = thousands(number(&crowd["pause_ms"])),
        crowd_per_round = crowd["per_round"],
        crowd_pulled = crowd_pulled,
    )
}

/// Reads the JSON figures of both backends and checks the section renders; used by the tests.
#[cfg(test)]
mod tests {
    use super::*;

    fn figures(backend: &str) -> serde_json::Value {
        let latency = serde_json::json!({"count": 10, "p50_ms": 1.0, "p95_ms": 2.0, "p99_ms": 3.0, "max_ms": 4.0});
        serde_json::json!({
            "backend": backend, "engine": format!("{backend} 1.0"), "size": "full",
            "push": {"events": 10000, "batch": 500, "runs": 5, "median_s": 0.3, "min_s": 0.2, "max_s": 0.4},
            "ingest": {"devices": 4, "events": 50000, "batch": 500, "runs": 3,
                       "median_per_s": 51234.5, "min_per_s": 40000.0, "max_per_s": 60000.0,
                       "server_cpu_us_per_event": 12.34,
                       "database_cpu_us_per_event": if backend == "sqlite" { None } else { Some(9.87) },
                       "load_average_after": 1.5},
            "crowd": {"devices": 200, "rounds": 5, "per_round": 3, "pause_ms": 1000, "log": 20000,
                      "seconds": 6.0, "requests": latency, "push": latency, "pull": latency,
                      "round": latency, "errors": 0, "rate_limited": 0, "events_pulled": 512000,
                      "server_cpu_s": 5.0, "loadgen_cpu_s": 1.0},
            "crowd_fast": {"rounds": 5, "pause_ms": 1000, "requests": latency, "errors": 0,
                           "rate_limited": 0},
            "load_average_before": 0.2
        })
    }

    #[test]
    fn the_section_has_both_backends_and_its_markers() {
        let section = render(&figures("sqlite"), &figures("postgresql"));
        assert!(section.starts_with(BEGIN) && section.ends_with(END));
        assert!(section.contains("| ≥ 50,000 events/s | 51,234/s (40,000–60,000) | 51,234/s"));
        assert!(section.contains("0.30 s (0.20–0.40 s)"));
        assert!(section.contains("| | 12.3 µs | 12.3 µs + 9.9 µs |"));
        assert!(section.contains("| | 0.2 → 1.5 | 0.2 → 1.5 |"));
        assert!(section.contains("sqlite 1.0") && section.contains("postgresql 1.0"));
        assert!(!section.contains("NaN") && !section.contains("null"));
    }

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(999.4), "999");
        assert_eq!(thousands(1000.0), "1,000");
        assert_eq!(thousands(1234567.0), "1,234,567");
    }
}
