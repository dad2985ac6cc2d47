//! Throwaway PostgreSQL clusters for the server's tests (and `cargo xtask pg`): installs Debian's
//! server once, starts a private cluster on a free port in a fresh directory under /tmp, and
//! stops and removes it when done, even when the tests fail, panic or are interrupted.

use crate::project::{output_of, run, step};
use crate::tools::is_root;
use anyhow::{Context, bail};
use std::io::ErrorKind;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};

/// Where the server's tests look for a PostgreSQL to run against (SQLite when unset).
pub const TEST_URL_VAR: &str = "PALIER_TEST_DATABASE_URL";
/// The database the tests get; the role is `palier`, with trust authentication on 127.0.0.1.
const DATABASE: &str = "palier_test";
const ROLE: &str = "palier";
/// The system user the Debian package creates: initdb and postgres refuse to run as root.
const OWNER: &str = "postgres";

/// PostgreSQL's server programs, e.g. /usr/lib/postgresql/15/bin.
pub struct Binaries {
    dir: PathBuf,
    /// The full version, e.g. "15.18", for step titles.
    version: String,
}

/// The highest PostgreSQL version installed, installing Debian's `postgresql` if there is none.
pub fn ensure_installed() -> anyhow::Result<Binaries> {
    if let Some(found) = find_binaries() {
        return Ok(found);
    }
    apt_install_postgresql()?;
    find_binaries().context(
        "postgresql is installed, but no /usr/lib/postgresql/<version>/bin has its programs",
    )
}

fn find_binaries() -> Option<Binaries> {
    let (_, dir) = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|entry| {
            let entry = entry.ok()?;
            let major: u32 = entry.file_name().to_str()?.parse().ok()?;
            let bin = entry.path().join("bin");
            ["initdb", "pg_ctl", "postgres", "createdb"]
                .iter()
                .all(|program| bin.join(program).is_file())
                .then_some((major, bin))
        })
        .max_by_key(|(major, _)| *major)?;
    // `postgres -V` says "postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)".
    let said = output_of(Command::new(dir.join("postgres")).arg("-V"))?;
    let version = said.split_whitespace().nth(2)?.to_owned();
    Some(Binaries { dir, version })
}

/// Without `apt-get update` first: the package lists are usually fresh enough, and an update costs
/// a round trip to the mirrors; it is done only if the install fails.
fn apt_install_postgresql() -> anyhow::Result<()> {
    step("Installing postgresql from Debian's packages (once)");
    let apt = || {
        let mut cmd = if is_root() {
            Command::new("apt-get")
        } else {
            let mut sudo = Command::new("sudo");
            sudo.arg("apt-get");
            sudo
        };
        cmd.env("DEBIAN_FRONTEND", "noninteractive");
        cmd
    };
    let install = || run(apt().args(["install", "-y", "--no-install-recommends", "postgresql"]));
    if install().is_ok() {
        return Ok(());
    }
    run(apt().arg("update")).context("apt-get update failed")?;
    install()
}

/// A running cluster. Dropping it stops the cluster and removes its directory.
pub struct Cluster {
    url: String,
    version: String,
    _stop: StopGuard,
}

impl Cluster {
    /// `postgres://palier@127.0.0.1:<port>/palier_test`
    pub fn url(&self) -> &str {
        &self.url
    }

    pub fn version(&self) -> &str {
        &self.version
    }
}

/// Stops the cluster and removes its directory when dropped.
///
/// The work is done by a watchdog shell started before the cluster, in its own process group so
/// that Ctrl-C does not reach it: it waits for its standard input to close, then runs
/// `pg_ctl -m immediate stop` and removes the directory. The pipe closes when the guard is dropped,
/// and also when xtask dies without unwinding (Ctrl-C during the tests, a kill): pg_ctl starts the
/// server in a session of its own, so nothing else would ever stop it.
struct StopGuard {
    watchdog: Child,
    /// Held, never written: closing it is the signal to stop.
    input: Option<ChildStdin>,
}

impl Drop for StopGuard {
    fn drop(&mut self) {
        drop(self.input.take());
        match self.watchdog.wait() {
            Ok(status) if status.success() => {}
            Ok(status) => eprintln!("warning: stopping the test PostgreSQL failed ({status})"),
            Err(e) => eprintln!("warning: cannot wait for the test PostgreSQL to stop: {e}"),
        }
    }
}

/// Runs `f` with a fresh cluster, which is stopped and removed afterwards whatever `f` does.
pub fn with_cluster<T>(f: impl FnOnce(&Cluster) -> anyhow::Result<T>) -> anyhow::Result<T> {
    let cluster = start(false)?;
    f(&cluster)
}

/// The same with PostgreSQL's default durability (fsync, synchronous commit, full pages), as a
/// deployment runs it: for the sync benchmarks, where the tests' shortcuts would flatter it.
pub fn with_durable_cluster<T>(f: impl FnOnce(&Cluster) -> anyhow::Result<T>) -> anyhow::Result<T> {
    let cluster = start(true)?;
    f(&cluster)
}

fn start(durable: bool) -> anyhow::Result<Cluster> {
    let bin = ensure_installed()?;
    let dir = fresh_dir()?;
    let data = dir.join("data");
    // The guard exists from here on: a failing initdb or start leaves nothing behind either.
    let stop = watch(&bin, &dir, &data)?;

    quiet(
        bin.as_owner("initdb", &dir)
            .arg("-D")
            .arg(&data)
            .args(["-A", "trust", "-U", ROLE, "--no-sync", "-E", "UTF8"])
            // Not the machine's LANG: initdb fails on a locale that is not installed, and the C
            // collation sorts the same everywhere.
            .arg("--locale=C"),
    )?;

    let port = free_port()?;
    let shortcuts = if durable {
        ""
    } else {
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    };
    let options = format!(
        "-c listen_addresses=127.0.0.1 -p {port} -k {} {shortcuts} -c max_connections=300",
        dir.display()
    );
    let log = dir.join("postgres.log");
    // -l: the server's log goes to a file, not into the test output.
    quiet(
        bin.as_owner("pg_ctl", &dir)
            .arg("-D")
            .arg(&data)
            .arg("-l")
            .arg(&log)
            .args(["-w", "-o", &options, "start"]),
    )
    .with_context(|| {
        format!(
            "PostgreSQL did not start; its log:\n{}",
            std::fs::read_to_string(&log).unwrap_or_default()
        )
    })?;

    quiet(Command::new(bin.dir.join("createdb")).args([
        "-h",
        "127.0.0.1",
        "-p",
        &port.to_string(),
        "-U",
        ROLE,
        DATABASE,
    ]))?;
    Ok(Cluster {
        url: format!("postgres://{ROLE}@127.0.0.1:{port}/{DATABASE}"),
        version: bin.version,
        _stop: stop,
    })
}

/// Starts the watchdog described on [`StopGuard`].
fn watch(bin: &Binaries, dir: &Path, data: &Path) -> anyhow::Result<StopGuard> {
    let mut stop = bin.as_owner("pg_ctl", dir);
    stop.arg("-D").arg(data).args(["-m", "immediate", "stop"]);
    let mut watchdog = Command::new("sh")
        .args([
            "-c",
            // pg_ctl fails when the server never started: that is fine, the removal still runs.
            r#"trap '' INT HUP; read _; dir=$1; shift; "$@" >/dev/null 2>&1; rm -rf "$dir""#,
            "palier-pg-watchdog",
        ])
        .arg(dir)
        .arg(stop.get_program())
        .args(stop.get_args())
        .stdin(Stdio::piped())
        .process_group(0)
        .spawn()
        .context("cannot start the PostgreSQL watchdog (sh)")?;
    let input = watchdog.stdin.take();
    Ok(StopGuard { watchdog, input })
}

impl Binaries {
    /// One of the server programs, run as the cluster's owner (we run as root in CI).
    fn as_owner(&self, program: &str, cwd: &Path) -> Command {
        let program = self.dir.join(program);
        let mut cmd = if is_root() {
            let mut runuser = Command::new("runuser");
            runuser.args(["-u", OWNER, "--"]).arg(program);
            runuser
        } else {
            Command::new(program)
        };
        // The owner may not be allowed into the project's directory.
        cmd.current_dir(cwd);
        cmd
    }
}

/// A new, empty directory under /tmp owned by the cluster's owner. Not $TMPDIR: that owner must be
/// able to reach it, and a private $TMPDIR (e.g. under /root) would not let it.
fn fresh_dir() -> anyhow::Result<PathBuf> {
    let pid = std::process::id();
    for n in 0.. {
        let dir = PathBuf::from(format!("/tmp/palier-pg-{pid}-{n}"));
        match std::fs::create_dir(&dir) {
            Ok(()) => {
                if is_root() {
                    run(Command::new("chown").arg(format!("{OWNER}:")).arg(&dir))?;
                }
                return Ok(dir);
            }
            // Left over by an earlier process with the same pid that could not clean up.
            Err(e) if e.kind() == ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e).with_context(|| format!("cannot create {}", dir.display())),
        }
    }
    unreachable!("the loop above returns")
}

/// A TCP port nobody listens on now. The listener is closed before PostgreSQL binds the port; the
/// window is small and a lost race only fails the start.
fn free_port() -> anyhow::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port())
}

/// Runs a command without showing its chatter, but with all of it when it fails.
fn quiet(cmd: &mut Command) -> anyhow::Result<()> {
    let shown = format!("{cmd:?}");
    let out = cmd
        .output()
        .with_context(|| format!("cannot start {shown}"))?;
    if !out.status.success() {
        bail!(
            "command failed ({}): {shown}\n{}{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(())
}

/// `cargo xtask pg`: a throwaway cluster for working on the server by hand, until Ctrl-C.
pub fn serve() -> anyhow::Result<()> {
    with_cluster(|cluster| -> anyhow::Result<()> {
        step(&format!(
            "PostgreSQL {} running until Ctrl-C; for the server's tests:\n    \
             {TEST_URL_VAR}={} cargo test -p server",
            cluster.version(),
            cluster.url()
        ));
        // On stdout, alone, for scripts.
        println!("{}", cluster.url());
        loop {
            // Ctrl-C ends the process; the watchdog then stops the cluster.
            std::thread::park();
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The guarantee the test command relies on: a panic inside `with_cluster` still stops the
    /// server and removes its directory. Skipped where PostgreSQL is not installed
    /// (`cargo xtask test` installs it before the tests run).
    #[test]
    fn a_panic_still_stops_and_removes_the_cluster() {
        if find_binaries().is_none() {
            eprintln!("PostgreSQL is not installed: skipped");
            return;
        }
        let mut seen = None;
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            with_cluster(|cluster| -> anyhow::Result<()> {
                let port: u16 = cluster
                    .url()
                    .rsplit_once(':')
                    .and_then(|(_, rest)| rest.split('/').next()?.parse().ok())
                    .expect("a port in the URL");
                std::net::TcpStream::connect(("127.0.0.1", port)).expect("the cluster listens");
                seen = Some(port);
                panic!("a failing test");
            })
        }));
        assert!(outcome.is_err());
        let port = seen.expect("the cluster started");
        assert!(std::net::TcpStream::connect(("127.0.0.1", port)).is_err());
        let leftovers: Vec<_> = std::fs::read_dir("/tmp")
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|name| name.starts_with(&format!("palier-pg-{}-", std::process::id())))
            .collect();
        assert!(leftovers.is_empty(), "left behind: {leftovers:?}");
    }
}
