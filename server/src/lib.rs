//! Palier's sync server: serves the built app with strict security headers and the JSON API
//! under `/api/v1/`, over an embedded SQLite database.

pub mod accounts;
pub mod cli;
pub mod config;
pub mod db;
pub mod http;
pub mod limits;
pub mod sealing;

use anyhow::Context;
use config::Config;

/// Everything a request handler may need.
#[derive(Clone)]
pub struct AppState {
    pub db: db::Db,
    pub limits: std::sync::Arc<limits::Limits>,
    /// Where people open Palier (`--public-url`): enrollment links, `Secure` cookies, the one
    /// origin allowed to change things with a coordinator's session.
    pub public_url: std::sync::Arc<domain::accounts::PublicUrl>,
}

impl AppState {
    pub fn new(db: db::Db, public_url: domain::accounts::PublicUrl) -> AppState {
        AppState {
            db,
            limits: std::sync::Arc::new(limits::Limits::default()),
            public_url: std::sync::Arc::new(public_url),
        }
    }
}

pub async fn serve(config: Config) -> anyhow::Result<()> {
    let public_url = config.public_url()?;
    if config.public_url.is_none() && config.addr.ip().is_unspecified() {
        tracing::warn!(
            "listening on {} without --public-url: enrollment links will point to {public_url}, \
             which no tablet can open; give the address people use",
            config.addr
        );
    }
    let db = db::Db::open(config.database_url.as_deref(), &config.data_dir).await?;
    if config.demo {
        db.seed_demo()
            .await
            .context("cannot add the demo campaign")?;
    }
    tokio::spawn(privacy_housekeeping_daily(db.clone()));
    let router = http::router(AppState::new(db, public_url), &config.dist);
    let listener =
        listen(config.addr).with_context(|| format!("cannot listen on {}", config.addr))?;
    tracing::info!("Palier listens on http://{}", listener.local_addr()?);
    axum::serve(listener, router)
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    Ok(())
}

/// Erasures re-applied (to events pushed after them) and the retention period enforced: at
/// start-up, then every day. A failure is logged and tried again the next day.
async fn privacy_housekeeping_daily(db: db::Db) {
    let mut every_day = tokio::time::interval(std::time::Duration::from_secs(24 * 3600));
    loop {
        every_day.tick().await;
        if let Err(e) = db.privacy_housekeeping().await {
            tracing::error!("privacy housekeeping failed: {e:#}");
        }
    }
}

/// A listening socket with room for 1,024 connections waiting to be accepted: when a whole team's
/// tablets come back online together (end of a training session), the default backlog of 128
/// dropped some, and each dropped one lost a second before retrying (see BENCHMARKS.md).
fn listen(addr: std::net::SocketAddr) -> std::io::Result<tokio::net::TcpListener> {
    let socket = if addr.is_ipv4() {
        tokio::net::TcpSocket::new_v4()?
    } else {
        tokio::net::TcpSocket::new_v6()?
    };
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(1024)
}

/// Ctrl-C in a terminal, SIGTERM from a service manager or a test harness: either way, finish the
/// requests in flight (a push being stored completes its transaction) before exiting.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
    tracing::info!("Palier stops");
}
