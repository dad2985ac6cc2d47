//! The command line: `palier-server` serves; `palier-server <command>` administers the same
//! storage (the first coordinator account, an enrollment code when no coordinator can sign in yet).

use crate::accounts;
use crate::config::Config;
use crate::db::Db;
use anyhow::Context;
use clap::{Parser, Subcommand};
use domain::ids::CampaignId;
use std::io::{BufRead, IsTerminal};

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
        /// The address devices open the app at, for the link (default: --public-url).
        #[arg(long)]
        origin: Option<String>,
    },
    /// Erases the personal details of the campaign's residents whose last contact is older than
    /// its retention period (default 3 years), as erasure events every device applies; prints
    /// what it did. The server also does this at start-up and then daily.
    Retention {
        /// The campaign's id, e.g. `demo`.
        #[arg(long)]
        campaign: String,
        /// Only say what would be erased.
        #[arg(long)]
        dry_run: bool,
    },
    /// Coordinator accounts.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
}

#[derive(Subcommand, Debug)]
pub enum AdminCommand {
    /// Creates a coordinator account. The password is read from standard input (one line, at
    /// least 12 characters), so that it stays out of the shell's history and the process list:
    /// `palier-server admin create --email … --name … < password.txt`.
    Create {
        /// The email the coordinator signs in with (case does not matter).
        #[arg(long)]
        email: String,
        /// The name shown in the coordination screen, e.g. "Awa Diallo".
        #[arg(long)]
        name: String,
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
                let origin = match origin {
                    Some(origin) => origin,
                    None => self.config.public_url()?.origin(),
                };
                println!("{}", code.display());
                println!("{}", code.url(&origin));
                Ok(())
            }
            Some(Command::Retention { campaign, dry_run }) => {
                let db = open(&self.config).await?;
                let campaign = CampaignId::parse(&campaign).context("not a campaign id")?;
                let today = crate::db::erasure::today();
                // Kiosk callback requests past the period, counted before the run blanks them.
                let callbacks = match db.campaign(campaign.as_str()).await? {
                    Some(found) => {
                        let months = domain::privacy::months_from_days(found.retention_days);
                        db.purge_callbacks(&campaign, months, today, true).await?
                    }
                    None => 0,
                };
                let summary = db.run_retention(&campaign, today, dry_run).await?;
                let text = if dry_run {
                    domain::privacy::words::retention_due(
                        summary.purged,
                        summary.oldest_contact,
                        domain::i18n::Locale::En,
                    )
                } else {
                    summary.text(domain::i18n::Locale::En)
                };
                println!("{text}");
                if callbacks > 0 {
                    let done = if dry_run { "to blank" } else { "blanked" };
                    println!(
                        "Kiosk callback requests past the retention period: {callbacks} ({done})."
                    );
                }
                Ok(())
            }
            Some(Command::Admin {
                command: AdminCommand::Create { email, name },
            }) => {
                let password = read_password()?;
                let db = open(&self.config).await?;
                let account = accounts::create_account(&db, &email, &name, &password).await?;
                println!(
                    "Coordinator account created for {} ({}); sign in at {}/coordination",
                    account.name,
                    account.email,
                    self.config.public_url()?.origin()
                );
                Ok(())
            }
        }
    }
}

/// The first line of standard input, without its line ending. Typed at a terminal it shows as
/// typed: the account is created once, by whoever installs the server, usually from a file.
fn read_password() -> anyhow::Result<String> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprint!(
            "Password for the new account (at least {} characters), then Enter: ",
            domain::accounts::MIN_PASSWORD_CHARS
        );
    }
    let mut line = String::new();
    let read = stdin
        .lock()
        .read_line(&mut line)
        .context("cannot read the password from standard input")?;
    if read == 0 {
        anyhow::bail!("no password on standard input: give it on one line, e.g. `< password.txt`");
    }
    let password = line.strip_suffix('\n').unwrap_or(&line);
    let password = password.strip_suffix('\r').unwrap_or(password);
    Ok(password.to_owned())
}

async fn open(config: &Config) -> anyhow::Result<Db> {
    let db = Db::open(config.database_url.as_deref(), &config.data_dir).await?;
    if config.demo {
        db.seed_demo().await?;
    }
    Ok(db)
}
