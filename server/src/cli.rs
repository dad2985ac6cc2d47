//! The command line: `palier-server` serves; `palier-server <command>` administers the same
//! storage (the first coordinator account, an enrollment code when no coordinator can sign in yet).

use crate::config::Config;
use crate::db::Db;
use anyhow::Context;
use clap::{Parser, Subcommand};
use domain::ids::CampaignId;

#[derive(Parser, Debug)]
#[command(
    name = "palier-server",
    about = "Palier's sync server: the app and the API under /api/v1/"
)]
pub struct Cli {
    #[command(flatten)]
    pub config: Config,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Prints a one-time enrollment code for a campaign (valid 15 minutes), and the address to
    /// open on the tablet. Coordinators normally make codes in the app; this is for the first
    /// devices and for scripts.
    EnrollmentCode {
        /// The campaign's id, e.g. `demo`.
        #[arg(long)]
        campaign: String,
        /// The address devices open the app at, for the link (default: http://<--addr>).
        #[arg(long)]
        origin: Option<String>,
    },
}

impl Cli {
    pub async fn run(self) -> anyhow::Result<()> {
        match self.command {
            None => crate::serve(self.config).await,
            Some(Command::EnrollmentCode { campaign, origin }) => {
                let db = open(&self.config).await?;
                let campaign = CampaignId::parse(&campaign).context("not a campaign id")?;
                if db.campaign(campaign.as_str()).await?.is_none() {
                    anyhow::bail!(
                        "there is no campaign {:?} (start once with --demo for the demo campaign)",
                        campaign.as_str()
                    );
                }
                let (code, _) = db.create_enrollment_code(&campaign).await?;
                let origin = origin.unwrap_or_else(|| format!("http://{}", self.config.addr));
                println!("{}", code.display());
                println!("{}", code.url(&origin));
                Ok(())
            }
        }
    }
}

async fn open(config: &Config) -> anyhow::Result<Db> {
    let db = Db::open(config.database_url.as_deref(), &config.data_dir).await?;
    if config.demo {
        db.seed_demo().await?;
    }
    Ok(db)
}
