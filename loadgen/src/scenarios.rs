//! The three measurements: one device pushing a large outbox, the server's ingest rate with several
//! devices pushing full batches at once, and many devices syncing at the same moment.

use crate::http::{Answer, Connection};
use crate::server::{Enrolled, ServerProcess, Store, own_cpu_seconds};
use anyhow::{Context, bail, ensure};
use bytes::Bytes;
use domain::calendar::{LocalDate, PartOfDay};
use domain::canvass::{DoorOutcome, Wellbeing};
use domain::event::{Actor, EventBody, EventEnvelope, OutboxEntry, Recorder};
use domain::ids::CampaignId;
use domain::sync::{
    Cursor, MAX_PULL_EVENTS, PullRequest, PushPlan, PushRequest, PushResponse, apply_push_response,
};
use domain::territory::DoorId;
use serde::Deserialize;
use server::db::devices::random_bytes;
use server::db::now_ms;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

const PUSH: &str = "/api/v1/sync/push";
const PULL: &str = "/api/v1/sync/pull";

/// A door visit as a volunteer records it, with a short note: the commonest event, and one the
/// team pulls (without the note).
fn visit(recorder: &mut Recorder, n: usize) -> EventEnvelope {
    let outcomes = [
        DoorOutcome::Absent,
        DoorOutcome::Interested,
        DoorOutcome::Refused,
        DoorOutcome::SignedUp,
    ];
    recorder.record(
        now_ms(),
        random_bytes(),
        Actor::Volunteer {
            name: "Inès".into(),
        },
        CampaignId::demo(),
        EventBody::DoorVisited {
            door: DoorId(format!(
                "res-1/bat-a/ent-{}/et-{}/p-{}",
                n % 7,
                n % 12,
                n % 40
            )),
            outcome: outcomes[n % outcomes.len()].clone(),
            note: Some("Sonner deux fois, interphone en panne".into()),
            wellbeing: Wellbeing::new((n % 5) as u8 + 1),
            local_date: LocalDate::new(2026, 11, 25).expect("a valid date"),
            part_of_day: PartOfDay::Evening,
        },
    )
}

fn visits(recorder: &mut Recorder, count: usize) -> Vec<EventEnvelope> {
    (0..count).map(|n| visit(recorder, n)).collect()
}

fn push_body(device: &Enrolled, events: Vec<EventEnvelope>) -> Bytes {
    let request = PushRequest::new(device.id.clone(), events);
    Bytes::from(serde_json::to_vec(&request).expect("a push request serializes"))
}

/// Checks a push answer the way the app applies it: every event of the batch acknowledged.
fn all_acknowledged(batch: &[EventEnvelope], answer: &Answer) -> anyhow::Result<()> {
    ensure!(
        answer.status == 200,
        "push answered {}: {}",
        answer.status,
        String::from_utf8_lossy(&answer.body)
    );
    let response: PushResponse = serde_json::from_slice(&answer.body)?;
    let outbox: Vec<OutboxEntry> = batch.iter().map(|e| OutboxEntry::for_event(e, 0)).collect();
    let update = apply_push_response(&outbox, &response);
    ensure!(
        update.acknowledged.len() == batch.len(),
        "{} of {} events acknowledged; refused: {:?}",
        update.acknowledged.len(),
        batch.len(),
        update.needs_attention.first()
    );
    Ok(())
}

/// One device pushes an outbox of `events` in batches of `batch`, one after the other over one
/// connection, as the app's sync round does. Timed from the outbox in memory to the last answer
/// applied: cutting batches, writing each request's JSON, the server's work, reading the answers.
pub async fn push_outbox(
    addr: SocketAddr,
    device: &Enrolled,
    events: usize,
    batch: usize,
) -> anyhow::Result<f64> {
    let mut recorder = Recorder::new(device.id.clone());
    let log = visits(&mut recorder, events);
    let outbox: Vec<OutboxEntry> = log.iter().map(|e| OutboxEntry::for_event(e, 0)).collect();
    let by_id: HashMap<_, _> = log.iter().map(|e| (e.id.clone(), e)).collect();
    let mut connection = Connection::new(addr);
    let started = Instant::now();
    let plan = PushPlan::from_outbox(&outbox, batch);
    for ids in &plan.batches {
        let batch: Vec<EventEnvelope> = ids.iter().map(|id| by_id[id].clone()).collect();
        let answer = connection
            .post(PUSH, &device.token, push_body(device, batch.clone()))
            .await?;
        all_acknowledged(&batch, &answer)?;
    }
    Ok(started.elapsed().as_secs_f64())
}

/// `devices` devices push `batches` full batches of `batch` events each, all at once, each over
/// its own connection. The requests are written before the clock starts: this measures the
/// server. Returns events stored per second.
pub async fn ingest(
    server: &ServerProcess,
    store: &Store,
    devices: &[Enrolled],
    batches: usize,
    batch: usize,
) -> anyhow::Result<Ingest> {
    let before = server.event_count().await?;
    let mut prepared = Vec::new();
    for device in devices {
        let mut recorder = Recorder::new(device.id.clone());
        let bodies: Vec<(Vec<EventEnvelope>, Bytes)> = (0..batches)
            .map(|_| {
                let events = visits(&mut recorder, batch);
                let body = push_body(device, events.clone());
                (events, body)
            })
            .collect();
        prepared.push((device.clone(), bodies));
    }
    let start = Arc::new(tokio::sync::Barrier::new(devices.len() + 1));
    let mut tasks = Vec::new();
    for (device, bodies) in prepared {
        let start = start.clone();
        let addr = server.addr;
        tasks.push(tokio::spawn(async move {
            let mut connection = Connection::new(addr);
            // Connected before the clock starts, like the bodies.
            connection.get("/api/v1/health").await?;
            start.wait().await;
            for (events, body) in bodies {
                let answer = connection.post(PUSH, &device.token, body).await?;
                all_acknowledged(&events, &answer)?;
            }
            anyhow::Ok(())
        }));
    }
    let cpu_before = (server.cpu_seconds(), store.database_cpu_seconds());
    start.wait().await;
    let started = Instant::now();
    for task in tasks {
        task.await??;
    }
    let seconds = started.elapsed().as_secs_f64();
    let server_cpu_s = server.cpu_seconds() - cpu_before.0;
    let database_cpu_s = store.database_cpu_seconds() - cpu_before.1;
    eprintln!(
        "loadgen: ingest took {seconds:.2} s, the server {server_cpu_s:.2} s of CPU, the \
         database {database_cpu_s:.2} s"
    );
    let stored = server.event_count().await? - before;
    let expected = (devices.len() * batches * batch) as u64;
    ensure!(
        stored == expected,
        "the server stored {stored} events, {expected} were pushed"
    );
    Ok(Ingest {
        per_s: expected as f64 / seconds,
        server_cpu_us_per_event: server_cpu_s * 1e6 / expected as f64,
        database_cpu_us_per_event: database_cpu_s * 1e6 / expected as f64,
    })
}

/// One ingest run: the rate, and the CPU it cost per event stored, which moves less than the
/// rate with what else runs on the machine.
pub struct Ingest {
    pub per_s: f64,
    pub server_cpu_us_per_event: f64,
    /// PostgreSQL's processes; NaN on SQLite, which works inside the server's process.
    pub database_cpu_us_per_event: f64,
}

/// How a crowd of devices syncs.
pub struct Crowd {
    pub rounds: usize,
    /// Visits each device records before each round.
    pub per_round: usize,
    /// Each device waits a random time up to this between its rounds.
    pub pause_ms: u64,
}

/// What the crowd saw.
#[derive(Debug, Default)]
pub struct CrowdFigures {
    /// Milliseconds of each push and each pull request that succeeded.
    pub push_ms: Vec<f64>,
    pub pull_ms: Vec<f64>,
    /// Milliseconds of each whole round (its push, then pulls until nothing more).
    pub round_ms: Vec<f64>,
    /// Requests that failed: no answer, or an answer other than 200 and 429.
    pub errors: usize,
    pub first_error: Option<String>,
    /// 429 answers (the device then waits as told and asks again).
    pub rate_limited: usize,
    pub events_pulled: usize,
    pub seconds: f64,
    pub server_cpu_s: f64,
    pub loadgen_cpu_s: f64,
}

#[derive(Deserialize)]
struct PullPage {
    events: Vec<serde::de::IgnoredAny>,
    next_cursor: Cursor,
    more: bool,
}

/// Every device of `devices` syncs `crowd.rounds` times, all starting at the same instant from
/// `cursor` (the head of the log: they were up to date), each over its own connection: a push of
/// its new visits, then pulls until the server has nothing more.
pub async fn crowd(
    server: &ServerProcess,
    devices: &[Enrolled],
    cursor: Option<Cursor>,
    crowd: &Crowd,
) -> anyhow::Result<CrowdFigures> {
    let before = server.event_count().await?;
    let start = Arc::new(tokio::sync::Barrier::new(devices.len() + 1));
    let mut tasks = Vec::new();
    for (n, device) in devices.iter().enumerate() {
        let device = device.clone();
        let start = start.clone();
        let addr = server.addr;
        let (rounds, per_round, pause_ms) = (crowd.rounds, crowd.per_round, crowd.pause_ms);
        tasks.push(tokio::spawn(async move {
            let mut figures = CrowdFigures::default();
            let mut recorder = Recorder::new(device.id.clone());
            let mut connection = Connection::new(addr);
            let mut cursor = cursor;
            let mut pauses = Jitter(0x9E37_79B9_7F4A_7C15 ^ (n as u64 + 1));
            // Online already, with its connection open: what is timed is syncing, not 200 TCP
            // handshakes at once (the server's listen backlog is 128: see BENCHMARKS.md).
            connection.get("/api/v1/health").await?;
            start.wait().await;
            for round in 0..rounds {
                if round > 0 {
                    let pause = pauses.below(pause_ms + 1);
                    tokio::time::sleep(Duration::from_millis(pause)).await;
                }
                let round_started = Instant::now();
                let events = visits(&mut recorder, per_round);
                let body = push_body(&device, events.clone());
                let Some(answer) = request(
                    &mut connection,
                    PUSH,
                    &device,
                    body,
                    &mut figures,
                    Kind::Push,
                )
                .await
                else {
                    continue;
                };
                if let Err(e) = all_acknowledged(&events, &answer) {
                    figures.errors += 1;
                    figures.first_error.get_or_insert(e.to_string());
                    continue;
                }
                loop {
                    let pull = PullRequest::new(device.id.clone(), cursor, MAX_PULL_EVENTS);
                    let body = Bytes::from(serde_json::to_vec(&pull)?);
                    let Some(answer) = request(
                        &mut connection,
                        PULL,
                        &device,
                        body,
                        &mut figures,
                        Kind::Pull,
                    )
                    .await
                    else {
                        break;
                    };
                    let page: PullPage = serde_json::from_slice(&answer.body)
                        .context("a pull answer that does not read")?;
                    figures.events_pulled += page.events.len();
                    cursor = Some(page.next_cursor);
                    if !page.more {
                        break;
                    }
                }
                figures
                    .round_ms
                    .push(round_started.elapsed().as_secs_f64() * 1000.0);
            }
            anyhow::Ok(figures)
        }));
    }
    let cpu_before = (server.cpu_seconds(), own_cpu_seconds());
    start.wait().await;
    let started = Instant::now();
    let mut all = CrowdFigures::default();
    for task in tasks {
        let figures = task.await??;
        all.push_ms.extend(figures.push_ms);
        all.pull_ms.extend(figures.pull_ms);
        all.round_ms.extend(figures.round_ms);
        all.errors += figures.errors;
        all.rate_limited += figures.rate_limited;
        all.events_pulled += figures.events_pulled;
        if all.first_error.is_none() {
            all.first_error = figures.first_error;
        }
    }
    all.seconds = started.elapsed().as_secs_f64();
    all.server_cpu_s = server.cpu_seconds() - cpu_before.0;
    all.loadgen_cpu_s = own_cpu_seconds() - cpu_before.1;
    let stored = server.event_count().await? - before;
    let pushed = (devices.len() * crowd.rounds * crowd.per_round) as u64;
    if all.errors == 0 && stored != pushed {
        bail!("the server stored {stored} events, {pushed} were pushed");
    }
    Ok(all)
}

#[derive(Clone, Copy)]
enum Kind {
    Push,
    Pull,
}

/// One request as a device makes it: timed, waiting out a 429 as told and trying again; `None`
/// after a failure (counted), which ends the device's round as it ends the app's.
async fn request(
    connection: &mut Connection,
    path: &str,
    device: &Enrolled,
    body: Bytes,
    figures: &mut CrowdFigures,
    kind: Kind,
) -> Option<Answer> {
    for _ in 0..5 {
        let sent = Instant::now();
        let outcome = connection.post(path, &device.token, body.clone()).await;
        let ms = sent.elapsed().as_secs_f64() * 1000.0;
        match outcome {
            Ok(answer) if answer.status == 200 => {
                match kind {
                    Kind::Push => figures.push_ms.push(ms),
                    Kind::Pull => figures.pull_ms.push(ms),
                }
                return Some(answer);
            }
            Ok(answer) if answer.status == 429 => {
                figures.rate_limited += 1;
                let wait = answer.retry_after.unwrap_or(1).clamp(1, 60);
                tokio::time::sleep(Duration::from_secs(wait)).await;
            }
            Ok(answer) => {
                figures.errors += 1;
                figures.first_error.get_or_insert(format!(
                    "{path} answered {}: {}",
                    answer.status,
                    String::from_utf8_lossy(&answer.body)
                ));
                return None;
            }
            Err(e) => {
                figures.errors += 1;
                figures
                    .first_error
                    .get_or_insert(format!("{path} failed: {e:#}"));
                return None;
            }
        }
    }
    figures.errors += 1;
    figures
        .first_error
        .get_or_insert(format!("{path} still rate-limited after 5 tries"));
    None
}

/// The position of the log's head as `device` sees it: pulls every page once.
pub async fn head_cursor(addr: SocketAddr, device: &Enrolled) -> anyhow::Result<Option<Cursor>> {
    let mut connection = Connection::new(addr);
    let mut cursor = None;
    loop {
        let pull = PullRequest::new(device.id.clone(), cursor, MAX_PULL_EVENTS);
        let answer = connection
            .post(PULL, &device.token, Bytes::from(serde_json::to_vec(&pull)?))
            .await?;
        ensure!(answer.status == 200, "pull answered {}", answer.status);
        let page: PullPage = serde_json::from_slice(&answer.body)?;
        cursor = Some(page.next_cursor);
        if !page.more {
            return Ok(cursor);
        }
    }
}

/// Pushes `events` visits from `device` in full batches, untimed: the log the crowd starts from.
pub async fn fill(addr: SocketAddr, device: &Enrolled, events: usize) -> anyhow::Result<()> {
    push_outbox(addr, device, events, domain::sync::MAX_PUSH_EVENTS)
        .await
        .map(|_| ())
}

/// A small deterministic generator for the pauses (xorshift64*).
struct Jitter(u64);

impl Jitter {
    fn below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % bound.max(1)
    }
}
