//! The sync protocol against the real server process, killed with SIGKILL at random moments: the
//! device side is the app's (`PushPlan`, `apply_push_response`, `merge_pulled`, a saved cursor),
//! the server the binary itself, on SQLite, or on a fresh PostgreSQL database when
//! `PALIER_TEST_DATABASE_URL` is set (as `cargo xtask test` does).
//!
//! - Pushes: over 50 rounds the server is killed while a device pushes, or just after it answered
//!   with the answer lost on the way; the device keeps its outbox and pushes again after the
//!   restart. At the end the server holds every event exactly once.
//! - Pulls: the server is killed during a pull, or the connection is cut while a page arrives;
//!   the device resumes from its saved cursor and ends with every team event exactly once, never
//!   receiving one it already held.
//!
//! Each run prints its random seed; `PALIER_CRASH_SEED=<seed>` replays the same kill delays.

mod common;

use domain::calendar::{LocalDate, PartOfDay};
use domain::canvass::DoorOutcome;
use domain::event::{Actor, EventBody, EventEnvelope, OutboxEntry, Recorder};
use domain::ids::{CampaignId, DeviceId, EventId};
use domain::sync::{
    Cursor, NeedsAttention, PullRequest, PullResponse, PushOutcome, PushPlan, PushRequest,
    PushResponse, apply_push_response, merge_pulled,
};
use domain::territory::DoorId;
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;
use sqlx::Connection as _;
use std::collections::HashSet;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const PUSH: &str = "/api/v1/sync/push";
const PULL: &str = "/api/v1/sync/pull";

// ---------------------------------------------------------------------------------------------
// The server process

/// The real server binary over one store, started and killed as the test wants.
struct Node {
    folder: tempfile::TempDir,
    database_url: Option<String>,
    child: Option<Arc<Mutex<Child>>>,
    addr: SocketAddr,
    starts: u32,
}

impl Node {
    /// A fresh store: SQLite in a temporary folder, or a new PostgreSQL database.
    async fn new() -> Node {
        let database_url = match common::postgres_url() {
            None => None,
            Some(base) => {
                let name = format!(
                    "palier_crash_{}",
                    common::random::<8>()
                        .iter()
                        .map(|b| format!("{b:02x}"))
                        .collect::<String>()
                );
                let mut admin = sqlx::PgConnection::connect(&base).await.unwrap();
                sqlx::query(&format!("CREATE DATABASE {name}"))
                    .execute(&mut admin)
                    .await
                    .unwrap();
                admin.close().await.unwrap();
                let (prefix, _) = base.rsplit_once('/').unwrap();
                Some(format!("{prefix}/{name}"))
            }
        };
        let folder = tempfile::tempdir().unwrap();
        let dist = folder.path().join("dist");
        std::fs::create_dir_all(&dist).unwrap();
        std::fs::write(
            dist.join("index.html"),
            "<!doctype html><title>Palier</title>",
        )
        .unwrap();
        Node {
            folder,
            database_url,
            child: None,
            addr: "127.0.0.1:9".parse().unwrap(),
            starts: 0,
        }
    }

    /// The binary with the flags that point it at this store.
    fn command(&self) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_server"));
        command
            .arg("--data-dir")
            .arg(self.folder.path())
            .arg("--dist")
            .arg(self.folder.path().join("dist"))
            .arg("--demo")
            .env("RUST_LOG", "warn");
        if let Some(url) = &self.database_url {
            command.arg("--database-url").arg(url);
        }
        command
    }

    /// A one-time enrollment code from the command line, as an administrator makes the first ones.
    fn enrollment_code(&self) -> String {
        let out = self
            .command()
            .args(["enrollment-code", "--campaign", "demo"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "enrollment-code failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .next()
            .expect("the code on the first line")
            .trim()
            .to_owned()
    }

    fn log_path(&self) -> PathBuf {
        self.folder.path().join("server.log")
    }

    /// Starts the server on a new free port and waits for its health check.
    async fn start(&mut self) {
        assert!(self.child.is_none(), "already running");
        self.starts += 1;
        self.addr = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap();
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.log_path())
            .unwrap();
        let child = self
            .command()
            .arg("--addr")
            .arg(self.addr.to_string())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap();
        self.child = Some(Arc::new(Mutex::new(child)));
        let started = Instant::now();
        loop {
            if let Ok(answer) = get(self.addr, "/api/v1/health").await {
                assert_eq!(answer.status, 200);
                return;
            }
            let exited = self
                .child
                .as_ref()
                .unwrap()
                .lock()
                .unwrap()
                .try_wait()
                .unwrap();
            assert!(
                exited.is_none() && started.elapsed() < Duration::from_secs(30),
                "the server did not come up (start {}, {exited:?}); its log:\n{}",
                self.starts,
                std::fs::read_to_string(self.log_path()).unwrap_or_default()
            );
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    }

    /// A killer thread that sends SIGKILL after `delay` (a thread, for sub-millisecond timing
    /// whatever the test's runtime is doing). Join it, then call [`Node::reap`].
    fn kill_after(&self, delay: Duration) -> std::thread::JoinHandle<()> {
        let child = self.child.clone().expect("running");
        std::thread::spawn(move || {
            std::thread::sleep(delay);
            // SIGKILL on Unix.
            let _ = child.lock().unwrap().kill();
        })
    }

    /// Waits for the killed process, so the next start gets a clean slate.
    fn reap(&mut self) {
        let child = self.child.take().expect("running");
        let mut child = child.lock().unwrap();
        let _ = child.kill();
        let status = child.wait().unwrap();
        assert!(!status.success(), "the server was killed, not stopped");
    }

    async fn event_count(&self) -> u64 {
        let health = get(self.addr, "/api/v1/health").await.unwrap().json();
        health["events"].as_u64().unwrap()
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        if let Some(child) = self.child.take() {
            let mut child = child.lock().unwrap_or_else(|e| e.into_inner());
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

// ---------------------------------------------------------------------------------------------
// HTTP, one connection per request

struct Answer {
    status: u16,
    body: Bytes,
}

impl Answer {
    fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap()
    }
}

/// A request failed: no connection, no answer, or an answer cut short.
#[derive(Debug)]
struct Cut(#[allow(dead_code)] String);

async fn send(
    addr: SocketAddr,
    method: hyper::Method,
    path: &str,
    token: Option<&str>,
    body: Vec<u8>,
    read_body: bool,
) -> Result<Answer, Cut> {
    let cut = |e: &dyn std::fmt::Display| Cut(e.to_string());
    let stream = tokio::net::TcpStream::connect(addr)
        .await
        .map_err(|e| cut(&e))?;
    stream.set_nodelay(true).map_err(|e| cut(&e))?;
    let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .map_err(|e| cut(&e))?;
    tokio::spawn(async move {
        let _ = connection.await;
    });
    let mut request = hyper::Request::builder()
        .method(method)
        .uri(path)
        .header(hyper::header::HOST, addr.to_string())
        .header(hyper::header::CONTENT_TYPE, "application/json");
    if let Some(token) = token {
        request = request.header(hyper::header::AUTHORIZATION, format!("Bearer {token}"));
    }
    let request = request.body(Full::new(Bytes::from(body))).unwrap();
    let response = tokio::time::timeout(Duration::from_secs(30), sender.send_request(request))
        .await
        .map_err(|e| cut(&e))?
        .map_err(|e| cut(&e))?;
    let status = response.status().as_u16();
    if !read_body {
        // The answer's head arrived, then the connection dropped: the body never does.
        return Err(Cut(format!("dropped after the head ({status})")));
    }
    let body = tokio::time::timeout(Duration::from_secs(30), response.into_body().collect())
        .await
        .map_err(|e| cut(&e))?
        .map_err(|e| cut(&e))?
        .to_bytes();
    Ok(Answer { status, body })
}

async fn get(addr: SocketAddr, path: &str) -> Result<Answer, Cut> {
    send(addr, hyper::Method::GET, path, None, Vec::new(), true).await
}

// ---------------------------------------------------------------------------------------------
// The device

/// A device as the app keeps it: its log, its outbox, its "À vérifier" list, its pull cursor.
/// Only the server process dies in these tests; the device's state survives every cut, as
/// IndexedDB does.
struct Device {
    id: DeviceId,
    token: String,
    recorder: Recorder,
    /// Events recorded here, and events pulled from the team.
    log: Vec<EventEnvelope>,
    known: HashSet<EventId>,
    outbox: Vec<OutboxEntry>,
    attention: Vec<NeedsAttention>,
    cursor: Option<Cursor>,
    /// Answers that said "duplicate": the server already held an event this device resent.
    duplicates: usize,
    /// Events a pulled page brought that the device already held (must stay 0: the cursor is
    /// saved with the page).
    pulled_again: usize,
    /// How long each answered request took, to aim the next kill.
    latencies: Vec<Duration>,
}

impl Device {
    async fn enroll(node: &Node) -> Device {
        let id = DeviceId::from_random(common::random());
        let body = serde_json::json!({
            "version": 1, "code": node.enrollment_code(), "device": id, "label": "Tablette de test"
        });
        let answer = send(
            node.addr,
            hyper::Method::POST,
            "/api/v1/devices/enroll",
            None,
            body.to_string().into_bytes(),
            true,
        )
        .await
        .unwrap();
        assert_eq!(answer.status, 200, "{:?}", answer.json());
        Device {
            token: answer.json()["token"].as_str().unwrap().to_owned(),
            recorder: Recorder::new(id.clone()),
            id,
            log: Vec::new(),
            known: HashSet::new(),
            outbox: Vec::new(),
            attention: Vec::new(),
            cursor: None,
            duplicates: 0,
            pulled_again: 0,
            latencies: Vec::new(),
        }
    }

    /// Records a visit: into the log and the outbox, as one IndexedDB transaction does.
    fn record_visit(&mut self) {
        let n = self.log.len();
        let event = self.recorder.record(
            server::db::now_ms(),
            common::random(),
            Actor::Volunteer {
                name: "Inès".into(),
            },
            CampaignId::demo(),
            EventBody::DoorVisited {
                door: DoorId(format!("porte-{n}")),
                outcome: DoorOutcome::Absent,
                note: None,
                wellbeing: None,
                local_date: LocalDate::new(2026, 11, 25).unwrap(),
                part_of_day: PartOfDay::Evening,
            },
        );
        self.outbox
            .push(OutboxEntry::for_event(&event, server::db::now_ms()));
        self.known.insert(event.id.clone());
        self.log.push(event);
    }

    /// The median time of its last few requests: how long the next one will likely take, on this
    /// machine and under its load at the moment.
    fn request_time(&self) -> Duration {
        let recent = &self.latencies[self.latencies.len().saturating_sub(9)..];
        let mut recent = recent.to_vec();
        recent.sort();
        recent[recent.len() / 2]
    }

    fn event(&self, id: &EventId) -> EventEnvelope {
        self.log.iter().find(|e| e.id == *id).unwrap().clone()
    }

    /// Pushes the outbox batch after batch, as a sync round does, and stops at the first cut.
    /// With `lose_last_answer`, the last batch's answer is thrown away once it arrived (the
    /// connection died as it came in): the server stored the batch, the device does not know.
    async fn push(
        &mut self,
        addr: SocketAddr,
        batch: usize,
        lose_last_answer: bool,
        kill: Option<Kill<'_>>,
    ) -> Result<(), Cut> {
        let mut killer = None;
        let outcome = self
            .push_batches(addr, batch, lose_last_answer, kill, &mut killer)
            .await;
        if let Some(killer) = killer {
            killer.join().unwrap();
        }
        outcome
    }

    async fn push_batches(
        &mut self,
        addr: SocketAddr,
        batch: usize,
        lose_last_answer: bool,
        kill: Option<Kill<'_>>,
        killer: &mut Option<std::thread::JoinHandle<()>>,
    ) -> Result<(), Cut> {
        let plan = PushPlan::from_outbox(&self.outbox, batch);
        let last = plan.batches.len().saturating_sub(1);
        for (i, ids) in plan.batches.into_iter().enumerate() {
            let events: Vec<EventEnvelope> = ids.iter().map(|id| self.event(id)).collect();
            let body = serde_json::to_vec(&PushRequest::new(self.id.clone(), events)).unwrap();
            if let Some(kill) = kill.as_ref().filter(|k| k.at_request == i) {
                *killer = Some(kill.node.kill_after(kill.delay));
            }
            let sent = Instant::now();
            let answer = send(
                addr,
                hyper::Method::POST,
                PUSH,
                Some(&self.token),
                body,
                true,
            )
            .await?;
            self.latencies.push(sent.elapsed());
            assert_eq!(
                answer.status,
                200,
                "{}",
                String::from_utf8_lossy(&answer.body)
            );
            if lose_last_answer && i == last {
                return Err(Cut("the answer was lost".into()));
            }
            let response: PushResponse = serde_json::from_slice(&answer.body).unwrap();
            self.duplicates += response
                .results
                .iter()
                .filter(|r| r.outcome == PushOutcome::Duplicate)
                .count();
            let sent: Vec<OutboxEntry> = self
                .outbox
                .iter()
                .filter(|e| ids.contains(&e.event_id))
                .cloned()
                .collect();
            let update = apply_push_response(&sent, &response);
            let done: HashSet<&EventId> = update
                .acknowledged
                .iter()
                .chain(update.needs_attention.iter().map(|n| &n.event_id))
                .collect();
            self.outbox.retain(|e| !done.contains(&e.event_id));
            for entry in &mut self.outbox {
                if update.retry.contains(&entry.event_id) {
                    entry.attempts += 1;
                }
            }
            self.attention.extend(update.needs_attention);
        }
        Ok(())
    }

    /// Pulls pages of `limit` from the saved cursor until the server has nothing more; each page
    /// and its cursor are saved together. `drop_page` cuts the connection as that page (counted
    /// from 0) arrives.
    async fn pull(
        &mut self,
        addr: SocketAddr,
        limit: u32,
        drop_page: Option<usize>,
        kill: Option<Kill<'_>>,
    ) -> Result<(), Cut> {
        let mut killer = None;
        let outcome = self
            .pull_pages(addr, limit, drop_page, kill, &mut killer)
            .await;
        if let Some(killer) = killer {
            killer.join().unwrap();
        }
        outcome
    }

    async fn pull_pages(
        &mut self,
        addr: SocketAddr,
        limit: u32,
        drop_page: Option<usize>,
        kill: Option<Kill<'_>>,
        killer: &mut Option<std::thread::JoinHandle<()>>,
    ) -> Result<(), Cut> {
        for page_number in 0.. {
            let request = PullRequest::new(self.id.clone(), self.cursor, limit);
            if let Some(kill) = kill.as_ref().filter(|k| k.at_request == page_number) {
                *killer = Some(kill.node.kill_after(kill.delay));
            }
            let sent = Instant::now();
            let answer = send(
                addr,
                hyper::Method::POST,
                PULL,
                Some(&self.token),
                serde_json::to_vec(&request).unwrap(),
                drop_page != Some(page_number),
            )
            .await?;
            if answer.status == 429 {
                // Waited out as the app does (Retry-After is at least a second).
                tokio::time::sleep(Duration::from_secs(1)).await;
                continue;
            }
            assert_eq!(answer.status, 200);
            self.latencies.push(sent.elapsed());
            let page: PullResponse = serde_json::from_slice(&answer.body).unwrap();
            let outcome = merge_pulled(&self.known, &page);
            self.pulled_again += outcome.already_known.len();
            self.cursor = Some(outcome.cursor_to_save(self.cursor));
            for event in outcome.new_events {
                self.known.insert(event.id.clone());
                self.log.push(event);
            }
            if !page.more {
                return Ok(());
            }
        }
        unreachable!()
    }
}

/// When to kill the server during a push or a pull: `delay` after sending request number
/// `at_request` (from 0), which lands during that request, or between it and the next one.
struct Kill<'a> {
    node: &'a Node,
    at_request: usize,
    delay: Duration,
}

/// A small seeded generator (xorshift64*), so a failing run can be replayed.
struct Rng(u64);

impl Rng {
    fn from_env_or_random() -> Rng {
        let seed = std::env::var("PALIER_CRASH_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| u64::from_le_bytes(common::random()) | 1);
        eprintln!("PALIER_CRASH_SEED={seed}");
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound.max(1)
    }

    /// A delay between zero and `max`, in microseconds.
    fn delay(&mut self, max: Duration) -> Duration {
        Duration::from_micros(self.below(max.as_micros() as u64 + 1))
    }
}

/// Every id of the team's log as `reader` sees it, reading from the start of the log.
async fn pulled_ids(node: &Node, reader: &Device) -> Vec<EventId> {
    let mut cursor = None;
    let mut ids = Vec::new();
    loop {
        let request = PullRequest::new(reader.id.clone(), cursor, 1000);
        let answer = send(
            node.addr,
            hyper::Method::POST,
            PULL,
            Some(&reader.token),
            serde_json::to_vec(&request).unwrap(),
            true,
        )
        .await
        .unwrap();
        assert_eq!(answer.status, 200);
        let page: PullResponse = serde_json::from_slice(&answer.body).unwrap();
        ids.extend(page.events.iter().map(|e| e.id.clone()));
        cursor = Some(page.next_cursor);
        if !page.more {
            return ids;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The tests

const ROUNDS: usize = 60;
const BATCH: usize = 3;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_killed_during_pushes_ends_with_every_event_exactly_once() {
    let mut rng = Rng::from_env_or_random();
    let mut node = Node::new().await;
    node.start().await;
    let mut device = Device::enroll(&node).await;
    let reader = Device::enroll(&node).await;

    // A few pushes first, so that the device knows how long one takes here.
    for _ in 0..5 {
        for _ in 0..BATCH {
            device.record_visit();
        }
        device.push(node.addr, BATCH, false, None).await.unwrap();
    }
    assert!(device.outbox.is_empty());

    let (mut cut_mid_push, mut answers_lost, mut kills_after_round) = (0, 0, 0);
    for round in 0..ROUNDS {
        for _ in 0..(2 + rng.below(2)) {
            device.record_visit();
        }
        // One to three batches: what a killed round left over, then the new visits.
        let batches = device.outbox.len().div_ceil(BATCH);
        let lose_answer = round % 5 == 4;
        let kill = (!lose_answer).then(|| Kill {
            node: &node,
            at_request: rng.below(batches as u64) as usize,
            delay: rng.delay(device.request_time().mul_f64(1.5)),
        });
        let outcome = device.push(node.addr, BATCH, lose_answer, kill).await;
        match (&outcome, lose_answer) {
            (Err(_), true) => answers_lost += 1,
            (Err(_), false) => cut_mid_push += 1,
            (Ok(()), _) => kills_after_round += 1,
        }
        if lose_answer {
            // The server dies right after answering: the batch is stored, the device does not
            // know it.
            node.kill_after(Duration::ZERO).join().unwrap();
        }
        node.reap();
        node.start().await;
    }

    // Back to normal: the outbox drains.
    device.push(node.addr, BATCH, false, None).await.unwrap();
    eprintln!(
        "{ROUNDS} kills: {cut_mid_push} cut a push, {answers_lost} came after a lost answer, \
         {kills_after_round} after the round; {} events, {} answered as duplicates",
        device.log.len(),
        device.duplicates
    );
    assert!(device.outbox.is_empty(), "the outbox drained");
    assert!(device.attention.is_empty(), "nothing refused");
    assert!(
        cut_mid_push >= ROUNDS / 5,
        "kills landed during pushes ({cut_mid_push})"
    );
    assert!(
        device.duplicates > 0,
        "batches stored before a kill were resent"
    );
    assert_eq!(node.starts as usize, ROUNDS + 1);

    assert_eq!(node.event_count().await, device.log.len() as u64);
    let pulled = pulled_ids(&node, &reader).await;
    assert_eq!(
        pulled.iter().collect::<HashSet<_>>().len(),
        pulled.len(),
        "no event stored twice"
    );
    let recorded: HashSet<_> = device.log.iter().map(|e| e.id.clone()).collect();
    assert_eq!(pulled.into_iter().collect::<HashSet<_>>(), recorded);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pull_cut_halfway_resumes_from_the_saved_cursor() {
    const PAGE: u32 = 20;
    const CUTS: usize = 16;
    /// New events before each cut: three pages or more to pull each time.
    const BETWEEN_CUTS: usize = 60;
    let mut rng = Rng::from_env_or_random();
    let mut node = Node::new().await;
    node.start().await;
    let mut writer = Device::enroll(&node).await;
    let mut reader = Device::enroll(&node).await;
    let mut probe = Device::enroll(&node).await;
    for _ in 0..300 {
        writer.record_visit();
    }
    writer.push(node.addr, 100, false, None).await.unwrap();

    // How long one page takes here: another device pulls everything once.
    probe.pull(node.addr, PAGE, None, None).await.unwrap();
    assert_eq!(probe.log.len(), 300);
    reader.latencies = probe.latencies.clone();

    let (mut killed_mid_pull, mut pages_dropped) = (0, 0);
    for cut in 0..CUTS {
        let pending = (writer.log.len() - reader.log.len()).div_ceil(PAGE as usize);
        let page = rng.below(pending as u64) as usize;
        if cut % 2 == 0 {
            // The server dies at a random moment of the pull.
            let kill = Kill {
                node: &node,
                at_request: page,
                delay: rng.delay(reader.request_time().mul_f64(1.5)),
            };
            if reader
                .pull(node.addr, PAGE, None, Some(kill))
                .await
                .is_err()
            {
                killed_mid_pull += 1;
            }
            node.reap();
            node.start().await;
        } else {
            // The network drops while a page comes in; the server stays up.
            if reader
                .pull(node.addr, PAGE, Some(page), None)
                .await
                .is_err()
            {
                pages_dropped += 1;
            }
        }
        // Meanwhile the team goes on recording: the log grows past the cursor.
        for _ in 0..BETWEEN_CUTS {
            writer.record_visit();
        }
        writer.push(node.addr, 100, false, None).await.unwrap();
    }
    reader.pull(node.addr, PAGE, None, None).await.unwrap();
    eprintln!(
        "{CUTS} cuts: {killed_mid_pull} kills during a pull, {pages_dropped} pages dropped; \
         {} events pulled",
        reader.log.len()
    );
    assert!(
        killed_mid_pull >= CUTS / 4,
        "kills landed during pulls ({killed_mid_pull})"
    );
    assert_eq!(pages_dropped, CUTS / 2, "every dropped page cut its pull");

    assert_eq!(
        reader.pulled_again, 0,
        "resuming from the saved cursor never brings back an event already held"
    );
    let held: Vec<&EventId> = reader.log.iter().map(|e| &e.id).collect();
    assert_eq!(
        held.iter().collect::<HashSet<_>>().len(),
        held.len(),
        "exactly once"
    );
    let expected: HashSet<&EventId> = writer.log.iter().map(|e| &e.id).collect();
    assert_eq!(held.into_iter().collect::<HashSet<_>>(), expected);
    for event in &reader.log {
        let EventBody::DoorVisited { note, .. } = &event.body else {
            panic!("only visits are pulled")
        };
        assert!(note.is_none());
    }
}
