//! Helpers of byline's end-to-end tests: where the shared evaluation data lives, and the
//! `byline` command to run.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

/// The `shared` data folder beside the checkout (or `$BYLINE_SHARED`), or `None`, with a message
/// on standard error saying so, when it is missing.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("BYLINE_SHARED") {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared"),
    };
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "note: {} is missing (set BYLINE_SHARED to the shared data folder); \
             tests that need the shared data are skipped",
            dir.display()
        );
        None
    }
}

/// The folder of the running test's profile (`target/<profile>`): tests run from
/// `target/<profile>/deps`, and the workspace's binaries are built one level up.
fn profile_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("the test knows its path");
    exe.parent()
        .and_then(Path::parent)
        .expect("a target folder")
        .to_path_buf()
}

/// Whether the tests were built in release mode.
pub fn release() -> bool {
    !cfg!(debug_assertions)
}

/// The `byline` command to test: `$BYLINE_CLI` when set, else the binary beside the test's
/// executable (`cargo build -p byline-cli` puts it there), else one built now with cargo into a
/// folder of its own (the running `cargo test` holds the lock of its target folder).
///
/// ```no_run
/// let help = std::process::Command::new(byline_tests::byline_bin()).arg("--help").output()?;
/// assert!(help.status.success());
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn byline_bin() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        if let Some(bin) = std::env::var_os("BYLINE_CLI") {
            return PathBuf::from(bin);
        }
        let name = format!("byline{}", std::env::consts::EXE_SUFFIX);
        let beside = profile_dir().join(&name);
        if beside.is_file() {
            return beside;
        }
        let target = profile_dir().join("byline-cli");
        let mut cargo = Command::new(env!("CARGO"));
        cargo
            .args(["build", "-p", "byline-cli", "--target-dir"])
            .arg(&target)
            .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
        if release() {
            cargo.arg("--release");
        }
        let status = cargo.status().expect("cargo runs");
        assert!(status.success(), "cargo build -p byline-cli failed");
        target
            .join(if release() { "release" } else { "debug" })
            .join(name)
    })
}

/// Runs `byline` with `args`, feeding `stdin` from another thread (the command may stop reading
/// early, as `--strict` does: a broken pipe is fine then), and returns what it did.
///
/// ```no_run
/// let out = byline_tests::byline(&["annotate", "--json"], b"{\"text\": \"Hello.\"}\n");
/// assert!(out.status.success());
/// ```
pub fn byline(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(byline_bin())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the byline command starts");
    let mut input = child.stdin.take().expect("stdin is piped");
    let data = stdin.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().expect("the byline command runs");
    feeder.join().expect("the feeder thread does not panic");
    out
}

/// The repository README's Rust examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeExamples;
