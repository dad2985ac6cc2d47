//! Coordinator accounts and their sessions: creating an account (the command line's
//! `admin create`), signing in and out, and finding whose a session cookie is. The rules (password
//! length, expiry, the cookie's attributes) are `domain::accounts`; this module hashes, stores and
//! looks up.

pub mod password;
mod store;

use crate::db::Db;
use domain::accounts::{
    NameProblem, PasswordProblem, Secret, SessionCheck, SessionTimes, check_new_password,
    check_session, coordinator_email, tidy_name,
};
use domain::contact::EmailProblem;
use domain::i18n::Locale;
use sha2::{Digest, Sha256};

/// A coordinator's account, as the API shows it (never with its password hash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub id: i64,
    pub email: String,
    pub name: String,
}

/// Why an account could not be created; each says what to change.
#[derive(Debug)]
pub enum CreateError {
    Email(EmailProblem),
    Name(NameProblem),
    Password(PasswordProblem),
    /// An account with this email (whatever its case) exists already.
    Taken,
    Storage(sqlx::Error),
}

impl std::fmt::Display for CreateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CreateError::Email(problem) => {
                write!(f, "not a usable email: {}", problem.text(Locale::En))
            }
            CreateError::Name(problem) => write!(f, "not a usable name: {problem}"),
            CreateError::Password(problem) => write!(f, "{problem}"),
            CreateError::Taken => {
                f.write_str("a coordinator account with this email exists already")
            }
            CreateError::Storage(e) => write!(f, "the database refused: {e}"),
        }
    }
}

impl std::error::Error for CreateError {}

impl From<sqlx::Error> for CreateError {
    fn from(e: sqlx::Error) -> Self {
        CreateError::Storage(e)
    }
}

/// Creates a coordinator account. The command line's `admin create` calls exactly this.
pub async fn create_account(
    db: &Db,
    email: &str,
    name: &str,
    password: &str,
) -> Result<Account, CreateError> {
    let email = coordinator_email(email).map_err(CreateError::Email)?;
    let name = tidy_name(name).map_err(CreateError::Name)?;
    check_new_password(password).map_err(CreateError::Password)?;
    let password = password.to_owned();
    let hash = tokio::task::spawn_blocking(move || password::hash(&password))
        .await
        .expect("password hashing does not panic");
    let id = db
        .insert_account(&email, &name, &hash, crate::db::now_ms())
        .await?
        .ok_or(CreateError::Taken)?;
    Ok(Account { id, email, name })
}

/// A signed-in browser: who, and the token its page must send back with every change.
#[derive(Debug, Clone)]
pub struct Session {
    pub account: Account,
    pub csrf_token: Secret,
    id_hash: String,
}

/// What signing in gives: the session, and its id for the cookie (shown once, stored hashed).
#[derive(Debug)]
pub struct SignedIn {
    pub session: Session,
    pub cookie_secret: Secret,
}

/// Why a sign-in failed. Wrong email and wrong password are one answer, on purpose.
#[derive(Debug)]
pub enum SignInError {
    InvalidCredentials,
    Storage(sqlx::Error),
}

impl From<sqlx::Error> for SignInError {
    fn from(e: sqlx::Error) -> Self {
        SignInError::Storage(e)
    }
}

/// Checks `email` and `password` and opens a session. An unknown or malformed email still costs
/// one password hash, so the answer's timing does not tell which accounts exist.
pub async fn sign_in(
    db: &Db,
    email: &str,
    password: &str,
    now_ms: u64,
) -> Result<SignedIn, SignInError> {
    let found = match coordinator_email(email) {
        Ok(email) => db.account_for_sign_in(&email).await?,
        Err(_) => None,
    };
    let password = password.to_owned();
    let (found, matches) = tokio::task::spawn_blocking(move || match found {
        Some((account, hash)) => {
            let matches = password::verify(&password, &hash);
            (Some(account), matches)
        }
        None => {
            password::verify_nobody(&password);
            (None, false)
        }
    })
    .await
    .expect("password hashing does not panic");
    let account = match (found, matches) {
        (Some(account), true) => account,
        _ => return Err(SignInError::InvalidCredentials),
    };
    // Sign-ins are rare: a good moment to forget every expired session.
    db.delete_expired_sessions(now_ms).await?;
    let cookie_secret = Secret::from_random(crate::db::devices::random_bytes());
    let csrf_token = Secret::from_random(crate::db::devices::random_bytes());
    let id_hash = secret_hash(&cookie_secret);
    db.insert_session(&id_hash, account.id, &csrf_token, now_ms)
        .await?;
    Ok(SignedIn {
        session: Session {
            account,
            csrf_token,
            id_hash,
        },
        cookie_secret,
    })
}

/// Whose a session cookie is.
#[derive(Debug)]
pub enum Lookup {
    Active(Session),
    /// It was a session, now expired (and deleted): "sign in again".
    Expired,
    /// Nobody's: never issued, signed out, or deleted long ago.
    Unknown,
}

/// The session `cookie_secret` opens at `now_ms`, noting its use when due.
pub async fn session(db: &Db, cookie_secret: &Secret, now_ms: u64) -> Result<Lookup, sqlx::Error> {
    let id_hash = secret_hash(cookie_secret);
    let Some(row) = db.session_row(&id_hash).await? else {
        return Ok(Lookup::Unknown);
    };
    let times = SessionTimes {
        created_at_ms: row.created_at_ms,
        last_seen_ms: row.last_seen_ms,
    };
    match check_session(times, now_ms) {
        SessionCheck::Expired => {
            db.delete_session(&id_hash).await?;
            Ok(Lookup::Expired)
        }
        SessionCheck::Valid { touch } => {
            if touch {
                db.touch_session(&id_hash, now_ms).await?;
            }
            // A stored token that does not read as one (a damaged row) matches nothing: every
            // change is then refused until the coordinator signs in again.
            let csrf_token =
                Secret::parse(&row.csrf_token).unwrap_or_else(|| Secret::from_random([0; 32]));
            Ok(Lookup::Active(Session {
                account: row.account,
                csrf_token,
                id_hash,
            }))
        }
    }
}

/// Ends `session` at once.
pub async fn sign_out(db: &Db, session: &Session) -> Result<(), sqlx::Error> {
    db.delete_session(&session.id_hash).await
}

/// Ends the session `cookie_secret` opens, if any (a browser signing in again replaces its
/// session rather than keeping two).
pub async fn forget(db: &Db, cookie_secret: &Secret) -> Result<(), sqlx::Error> {
    db.delete_session(&secret_hash(cookie_secret)).await
}

/// What is stored of a session id: its SHA-256 in hex. 256 random bits need no salt nor slow
/// hash (unlike passwords), and the lookup stays one index probe.
fn secret_hash(secret: &Secret) -> String {
    Sha256::digest(secret.as_str().as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
