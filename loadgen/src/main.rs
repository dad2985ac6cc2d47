//! The sync server's benchmarks, run by `cargo xtask bench` (full sizes) and `cargo xtask bench
//! smoke` / `cargo xtask test` (tiny sizes, to catch a broken harness). A process of its own: it
//! starts the release server as another process, on a fresh store each time, and talks to it over
//! loopback as devices do.
//!
//! ```text
//! loadgen --server-bin target/server-release/server --size full|smoke \
//!         [--database-url postgres://…/any_db] --out target/bench/sync-sqlite.json
//! ```
//!
//! Without `--database-url` the server runs on SQLite; with it, each scenario gets a new database
//! in that cluster. The figures are written as JSON; `cargo xtask bench` puts them in
//! BENCHMARKS.md. The run fails when a request fails, when the server stores another number of
//! events than was pushed, or when a figure is not a positive number.

mod http;
mod scenarios;
mod seed;
mod server;

use anyhow::{Context, bail, ensure};
use scenarios::Crowd;
use serde_json::json;
use server::{ServerProcess, Store};
use std::path::PathBuf;

/// The sizes of one run.
struct Sizes {
    /// One device's outbox, pushed in batches of `push_batch`.
    push_events: usize,
    push_batch: usize,
    push_runs: usize,
    /// Devices pushing at once, full batches each, for the ingest rate.
    ingest_devices: usize,
    ingest_batches: usize,
    ingest_batch: usize,
    ingest_runs: usize,
    /// The crowd: devices syncing at once, over a log of `crowd_log` events.
    crowd_devices: usize,
    crowd_log: usize,
    /// At the app's own pace: a round at most every 5 s (`ROUND_AFTER_RECORD_MS`).
    crowd: Crowd,
    /// The same devices five times faster, a stress beyond anything the app does.
    crowd_fast: Crowd,
}

fn sizes(size: &str) -> anyhow::Result<Sizes> {
    Ok(match size {
        "full" => Sizes {
            push_events: 10_000,
            push_batch: 500,
            push_runs: 5,
            ingest_devices: 4,
            ingest_batches: 25,
            ingest_batch: 500,
            ingest_runs: 3,
            crowd_devices: 200,
            crowd_log: 20_000,
            crowd: Crowd {
                rounds: 3,
                per_round: 3,
                // The app syncs 5 s after a visit is recorded, at the fastest.
                pause_ms: 5_000,
            },
            crowd_fast: Crowd {
                rounds: 5,
                per_round: 3,
                pause_ms: 1_000,
            },
        },
        "smoke" => Sizes {
            push_events: 600,
            push_batch: 500,
            push_runs: 1,
            ingest_devices: 2,
            ingest_batches: 2,
            ingest_batch: 500,
            ingest_runs: 1,
            crowd_devices: 10,
            crowd_log: 600,
            crowd: Crowd {
                rounds: 2,
                per_round: 3,
                pause_ms: 50,
            },
            crowd_fast: Crowd {
                rounds: 2,
                per_round: 3,
                pause_ms: 10,
            },
        },
        other => bail!("--size is full or smoke, not {other:?}"),
    })
}

struct Args {
    only: Option<String>,
    server_bin: PathBuf,
    size: String,
    database_url: Option<String>,
    out: Option<PathBuf>,
}

impl Args {
    /// `--only push|ingest|crowd|crowd_fast` runs one scenario, for profiling; the others report
    /// nothing.
    fn runs(&self, scenario: &str) -> bool {
        self.only.as_deref().is_none_or(|only| only == scenario)
    }
}

fn args() -> anyhow::Result<Args> {
    let mut server_bin = None;
    let mut size = "smoke".to_owned();
    let mut database_url = None;
    let mut out = None;
    let mut only = None;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().with_context(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--server-bin" => server_bin = Some(PathBuf::from(value()?)),
            "--size" => size = value()?,
            "--database-url" => database_url = Some(value()?).filter(|u| !u.is_empty()),
            "--out" => out = Some(PathBuf::from(value()?)),
            "--only" => only = Some(value()?),
            other => bail!("unknown argument {other:?} (see the top of loadgen/src/main.rs)"),
        }
    }
    Ok(Args {
        only,
        server_bin: server_bin.context("--server-bin is required")?,
        size,
        database_url,
        out,
    })
}

fn median(xs: &[f64]) -> f64 {
    let mut s = xs.to_vec();
    s.sort_by(f64::total_cmp);
    let m = s.len() / 2;
    if s.len() % 2 == 1 {
        s[m]
    } else {
        (s[m - 1] + s[m]) / 2.0
    }
}

/// Nearest-rank percentile.
fn percentile(xs: &[f64], p: f64) -> f64 {
    let mut s = xs.to_vec();
    s.sort_by(f64::total_cmp);
    let rank = ((p / 100.0) * s.len() as f64).ceil().max(1.0) as usize;
    s[rank.min(s.len()) - 1]
}

fn spread(xs: &[f64]) -> (f64, f64) {
    let min = xs.iter().copied().fold(f64::INFINITY, f64::min);
    let max = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    (min, max)
}

fn latencies(xs: &[f64]) -> serde_json::Value {
    json!({
        "count": xs.len(),
        "p50_ms": percentile(xs, 50.0),
        "p95_ms": percentile(xs, 95.0),
        "p99_ms": percentile(xs, 99.0),
        "max_ms": spread(xs).1,
    })
}

/// One device's outbox, pushed `push_runs` times by fresh devices, then the ingest rate, on one
/// server (the log grows run after run).
async fn push_and_ingest(
    args: &Args,
    sizes: &Sizes,
    store: &Store,
) -> anyhow::Result<(serde_json::Value, serde_json::Value)> {
    let push_runs = if args.runs("push") {
        sizes.push_runs
    } else {
        0
    };
    let ingest_runs = if args.runs("ingest") {
        sizes.ingest_runs
    } else {
        0
    };
    let pushers = store.enroll(push_runs).await?;
    let ingesters = store.enroll(sizes.ingest_devices * ingest_runs).await?;
    let server = ServerProcess::start(&args.server_bin, store).await?;
    let mut push_s = Vec::new();
    for device in &pushers {
        let seconds =
            scenarios::push_outbox(server.addr, device, sizes.push_events, sizes.push_batch)
                .await
                .context("pushing an outbox")?;
        eprintln!(
            "loadgen: {} events pushed in {seconds:.3} s",
            sizes.push_events
        );
        push_s.push(seconds);
    }
    let mut ingest_rates = Vec::new();
    let mut server_cpu = Vec::new();
    let mut database_cpu = Vec::new();
    for devices in ingesters.chunks(sizes.ingest_devices) {
        let run = scenarios::ingest(
            &server,
            store,
            devices,
            sizes.ingest_batches,
            sizes.ingest_batch,
        )
        .await
        .context("measuring the ingest rate")?;
        eprintln!("loadgen: ingest {:.0} events/s", run.per_s);
        ingest_rates.push(run.per_s);
        server_cpu.push(run.server_cpu_us_per_event);
        database_cpu.push(run.database_cpu_us_per_event);
    }
    let log_at_end = server.event_count().await?;
    let push = (!push_s.is_empty()).then(|| {
        let (min, max) = spread(&push_s);
        json!({
            "events": sizes.push_events,
            "batch": sizes.push_batch,
            "runs": push_s.len(),
            "median_s": median(&push_s),
            "min_s": min,
            "max_s": max,
        })
    });
    let ingest = (!ingest_rates.is_empty()).then(|| {
        let (min, max) = spread(&ingest_rates);
        json!({
            "devices": sizes.ingest_devices,
            "events": sizes.ingest_devices * sizes.ingest_batches * sizes.ingest_batch,
            "batch": sizes.ingest_batch,
            "runs": ingest_rates.len(),
            "median_per_s": median(&ingest_rates),
            "min_per_s": min,
            "max_per_s": max,
            "server_cpu_us_per_event": median(&server_cpu),
            // null on SQLite (NaN is not JSON): its work is counted in the server's.
            "database_cpu_us_per_event": Some(median(&database_cpu)).filter(|x| x.is_finite()),
            "load_average_after": load_average(),
            "log_at_end": log_at_end,
        })
    });
    Ok((json!(push), json!(ingest)))
}

/// The crowd, on a fresh store holding a log the devices already pulled.
async fn crowd(
    args: &Args,
    sizes: &Sizes,
    pace: &Crowd,
    store: &Store,
) -> anyhow::Result<serde_json::Value> {
    let mut enrolled = store.enroll(sizes.crowd_devices + 1).await?;
    let writer = enrolled.pop().expect("one more device than the crowd");
    let server = ServerProcess::start(&args.server_bin, store).await?;
    scenarios::fill(server.addr, &writer, sizes.crowd_log).await?;
    let cursor = scenarios::head_cursor(server.addr, &enrolled[0]).await?;
    let crowd = scenarios::crowd(&server, &enrolled, cursor, pace).await?;
    let requests = [crowd.push_ms.as_slice(), crowd.pull_ms.as_slice()].concat();
    eprintln!(
        "loadgen: {} devices, {} requests in {:.1} s, p50 {:.1} ms, p99 {:.1} ms, {} errors, {} \
         rate-limited",
        sizes.crowd_devices,
        requests.len(),
        crowd.seconds,
        percentile(&requests, 50.0),
        percentile(&requests, 99.0),
        crowd.errors,
        crowd.rate_limited
    );
    ensure!(
        crowd.errors == 0,
        "{} requests of the crowd failed; the first: {}",
        crowd.errors,
        crowd.first_error.as_deref().unwrap_or("?")
    );
    Ok(json!({
        "devices": sizes.crowd_devices,
        "rounds": pace.rounds,
        "per_round": pace.per_round,
        "pause_ms": pace.pause_ms,
        "log": sizes.crowd_log,
        "seconds": crowd.seconds,
        "requests": latencies(&requests),
        "push": latencies(&crowd.push_ms),
        "pull": latencies(&crowd.pull_ms),
        "round": latencies(&crowd.round_ms),
        "errors": crowd.errors,
        "rate_limited": crowd.rate_limited,
        "events_pulled": crowd.events_pulled,
        "server_cpu_s": crowd.server_cpu_s,
        "loadgen_cpu_s": crowd.loadgen_cpu_s,
    }))
}

/// The machine's 1-minute load average: the figures mean little if something else was running.
fn load_average() -> f64 {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next()?.parse().ok())
        .unwrap_or(f64::NAN)
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> anyhow::Result<()> {
    if std::env::args().nth(1).as_deref() == Some("seed") {
        return seed::from_args(std::env::args().skip(2)).await;
    }
    let args = args()?;
    let sizes = sizes(&args.size)?;
    let postgres = args.database_url.as_deref();
    let backend = if postgres.is_some() {
        "postgresql"
    } else {
        "sqlite"
    };
    let store = Store::fresh(postgres).await?;
    let engine = store.engine_version().await?;
    eprintln!("loadgen: {engine}, {} size", args.size);
    let load_before = load_average();
    let (push, ingest) = push_and_ingest(&args, &sizes, &store).await?;
    let mut crowds = Vec::new();
    for (name, pace) in [("crowd", &sizes.crowd), ("crowd_fast", &sizes.crowd_fast)] {
        crowds.push(if args.runs(name) {
            crowd(&args, &sizes, pace, &Store::fresh(postgres).await?).await?
        } else {
            serde_json::Value::Null
        });
    }
    let [crowd, crowd_fast] = <[_; 2]>::try_from(crowds).expect("two crowds");
    let figures = json!({
        "backend": backend,
        "engine": engine,
        "size": args.size,
        "push": push,
        "ingest": ingest,
        "crowd": crowd,
        "crowd_fast": crowd_fast,
        "load_average_before": load_before,
    });
    let text = serde_json::to_string_pretty(&figures)?;
    println!("{text}");
    if let Some(out) = &args.out {
        if let Some(folder) = out.parent() {
            std::fs::create_dir_all(folder)?;
        }
        std::fs::write(out, &text)?;
    }
    for (name, value) in [
        ("push", &figures["push"]["median_s"]),
        ("ingest", &figures["ingest"]["median_per_s"]),
        ("crowd p99", &figures["crowd"]["requests"]["p99_ms"]),
        (
            "fast crowd p99",
            &figures["crowd_fast"]["requests"]["p99_ms"],
        ),
    ] {
        if args.only.is_none() {
            let number = value.as_f64().unwrap_or(f64::NAN);
            ensure!(
                number.is_finite() && number > 0.0,
                "the {name} figure is {value}"
            );
        }
    }
    Ok(())
}
