//! `loadgen seed --addr 127.0.0.1:PORT --code K7P2-9XQM [--code …] --events N`: enrolls one device
//! per real enrollment code through the server's endpoint, then they push N door visits between
//! them, untimed (several devices, since one device's pushes are rate-limited on purpose). The
//! browser benchmarks (tests/bench/run.mjs) use it to give a running server a campaign log as
//! large as a real one before timing the coordinator's import.

use crate::http::Connection;
use crate::scenarios;
use crate::server::Enrolled;
use anyhow::{Context, ensure};
use bytes::Bytes;
use domain::enrollment::{EnrollRequest, EnrollResponse};
use domain::ids::DeviceId;
use domain::sync::PROTOCOL_VERSION;
use server::db::devices::random_bytes;
use std::net::SocketAddr;

pub async fn from_args(mut args: impl Iterator<Item = String>) -> anyhow::Result<()> {
    let (mut addr, mut codes, mut events) = (None, Vec::new(), None);
    while let Some(flag) = args.next() {
        let value = args
            .next()
            .with_context(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--addr" => addr = Some(value.parse::<SocketAddr>()?),
            "--code" => codes.push(value),
            "--events" => events = Some(value.parse::<usize>()?),
            other => anyhow::bail!("unknown flag {other}"),
        }
    }
    let addr = addr.context("--addr is required")?;
    ensure!(!codes.is_empty(), "--code is required");
    let events = events.context("--events is required")?;
    let share = events.div_ceil(codes.len());
    let mut left = events;
    for code in codes {
        let device = enroll(addr, code).await?;
        let count = share.min(left);
        scenarios::fill(addr, &device, count).await?;
        left -= count;
        eprintln!("loadgen seed: {count} visits pushed by {}", device.id);
    }
    Ok(())
}

async fn enroll(addr: SocketAddr, code: String) -> anyhow::Result<Enrolled> {
    let id = DeviceId::from_random(random_bytes());
    let request = EnrollRequest {
        version: PROTOCOL_VERSION,
        code,
        device: id.clone(),
        label: "Banc d'essai".into(),
    };
    let answer = Connection::new(addr)
        .post(
            "/api/v1/devices/enroll",
            "",
            Bytes::from(serde_json::to_vec(&request)?),
        )
        .await?;
    ensure!(
        answer.status == 200,
        "enrollment answered {}: {}",
        answer.status,
        String::from_utf8_lossy(&answer.body)
    );
    let enrolled: EnrollResponse = serde_json::from_slice(&answer.body)?;
    Ok(Enrolled {
        id,
        token: enrolled.token,
    })
}
