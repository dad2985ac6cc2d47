//! The server's settings, from flags or environment variables.

use domain::accounts::PublicUrl;
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(clap::Args, Debug, Clone)]
pub struct Config {
    /// Address to listen on. 127.0.0.1 is a secure context for browsers even over plain http;
    /// a LAN address needs HTTPS in front (see docs/DEPLOYMENT.md).
    #[arg(long, env = "PALIER_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,

    /// Folder holding the built app (Trunk's output, with the service worker and its precache list).
    #[arg(long, env = "PALIER_DIST", default_value = "dist")]
    pub dist: PathBuf,

    /// Folder for the embedded SQLite database; created if missing.
    #[arg(long, env = "PALIER_DATA_DIR", default_value = "data")]
    pub data_dir: PathBuf,

    /// PostgreSQL instead of the embedded SQLite file: `postgres://user:password@host/database`.
    #[arg(long, env = "PALIER_DATABASE_URL")]
    pub database_url: Option<String>,

    /// Start with the demo campaign (added once; a restart keeps what is there).
    #[arg(long, env = "PALIER_DEMO")]
    pub demo: bool,

    /// The address people open Palier at, e.g. `https://palier.bailleur.fr` behind a reverse
    /// proxy (default: http://<--addr>). Enrollment links and QR codes point there, session
    /// cookies are `Secure` when it is https, and it is the only origin allowed to make a
    /// signed-in coordinator's browser change anything.
    #[arg(long, env = "PALIER_PUBLIC_URL")]
    pub public_url: Option<String>,
}

impl Config {
    /// The public URL as given, or the listening address over plain http.
    pub fn public_url(&self) -> anyhow::Result<PublicUrl> {
        let typed = match &self.public_url {
            Some(url) => url.clone(),
            None => format!("http://{}", self.addr),
        };
        PublicUrl::parse(&typed).map_err(|e| anyhow::anyhow!("--public-url {typed:?}: {e}"))
    }
}
