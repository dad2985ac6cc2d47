//! Cuts the app's wasm into the shell and one file per mode, so that the first load of the home
//! screen downloads the shell alone (BENCHMARKS.md's first-load goal).
//!
//! The app marks each mode's screens with Leptos' `#[lazy]` (app/src/routes/on_demand.rs, behind
//! the `split` feature that index.html turns on). Trunk builds and binds that wasm as usual; this
//! step then takes cargo's own output (linked with `--emit-relocs`, see .cargo/config.toml), cuts
//! it with wasm-split-cli, binds the shell again with wasm-bindgen (keeping the linker's exports the
//! mode files import), shrinks every piece with wasm-opt, gives the shell's imports short names
//! (short_imports.rs), minifies the glue and the loader with terser, and puts the results in place of
//! Trunk's files under Trunk's names, with their integrity hashes in index.html updated. The mode
//! files and the small loader module `__wasm_split.js` sit beside them; `dist::finish` then lists
//! them for the service worker like every other file, so every mode still opens offline.

use crate::project::{self, run, step};
use crate::short_imports;
use crate::tools::ToolEnv;
use anyhow::{Context, bail};
use sha2::{Digest, Sha384};
use std::path::{Path, PathBuf};

pub fn split_modes(env: &ToolEnv, dist: &Path) -> anyhow::Result<()> {
    step("Cutting the wasm into the shell and one file per mode (wasm-split)");
    let raw = target_dir().join("wasm32-unknown-unknown/release/app.wasm");
    let (js_name, wasm_name) = trunk_outputs(dist)?;
    let stem = js_name.trim_end_matches(".js").to_owned();
    let work = target_dir().join("split");
    let _ = std::fs::remove_dir_all(&work);
    let cut = work.join("cut");
    let bound = work.join("bound");
    std::fs::create_dir_all(&bound)?;
    run(env.command("wasm-split-cli").arg(&raw).arg(&cut).args([
        "--target",
        "web",
        "--out-name",
        &stem,
    ]))?;
    run(env
        .command("wasm-bindgen")
        .args([
            "--target",
            "web",
            "--keep-lld-exports",
            "--no-typescript",
            "--out-name",
            &stem,
            "--out-dir",
        ])
        .arg(&bound)
        .arg(cut.join(format!("{stem}.wasm"))))?;
    let shell = bound.join(&wasm_name);
    optimize_shell(env, &shell)?;
    let glue = std::fs::read_to_string(bound.join(&js_name))?;
    let (shell_bytes, glue) =
        short_imports::shorten(&std::fs::read(&shell)?, &glue, &format!("./{stem}_bg.js"))?;
    std::fs::write(dist.join(&wasm_name), shell_bytes)?;
    // The mode files and the loader get content-hashed names like Trunk's, so the server lets
    // browsers keep them (server/src/http/headers.rs) and a page never mixes two builds' pieces.
    let mut loader = std::fs::read_to_string(cut.join(LOADER))?;
    let mut pieces = Vec::new();
    for entry in std::fs::read_dir(&cut)? {
        let path = entry?.path();
        let name = file_name(&path);
        if name.ends_with(".wasm") && name != format!("{stem}.wasm") {
            pieces.push(path);
        }
    }
    // A build has a hundred pieces or more: shrink them on every core, not one after another.
    optimize_all(env, &pieces)?;
    for path in &pieces {
        let name = file_name(path);
        let piece = name.trim_end_matches(".wasm");
        let hashed = format!(
            "{piece}-{}.wasm",
            crate::dist::short_hash(&std::fs::read(path)?)
        );
        loader = loader.replace(&format!("\"./{name}\""), &format!("\"./{hashed}\""));
        std::fs::copy(path, dist.join(&hashed))?;
    }
    let loader = minify_js(env, &work, LOADER, &loader)?;
    let loader_name = format!(
        "__wasm_split-{}.js",
        crate::dist::short_hash(loader.as_bytes())
    );
    std::fs::write(dist.join(&loader_name), &loader)?;
    // Only the module specifiers: the keys of the imports object must keep the name the wasm
    // itself imports from.
    let import = format!("from \"./{LOADER}\"");
    if !glue.contains(&import) {
        bail!("wasm-bindgen's {js_name} does not import ./{LOADER}: nothing was split");
    }
    let glue = glue.replace(&import, &format!("from \"./{loader_name}\""));
    std::fs::write(dist.join(&js_name), minify_js(env, &work, &js_name, &glue)?)?;
    let snippets = minify_snippets(env, &work, dist)?;
    let mut changed = vec![js_name.as_str(), wasm_name.as_str()];
    changed.extend(snippets.iter().map(String::as_str));
    update_integrity(dist, &changed)
}

/// The app's own JS snippets (app/js/sw_client.js, app/src/store/idb_records.js), which
/// wasm-bindgen copies under `snippets/` and every first load reads, minified in place like the
/// glue (their exports keep their names). Returns their paths under `dist`, for the integrity
/// of index.html's `modulepreload`.
fn minify_snippets(env: &ToolEnv, work: &Path, dist: &Path) -> anyhow::Result<Vec<String>> {
    let mut names = Vec::new();
    let mut folders = vec![dist.join("snippets")];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries {
            let path = entry?.path();
            if path.is_dir() {
                folders.push(path);
            } else if file_name(&path).ends_with(".js") {
                let name = path
                    .strip_prefix(dist)?
                    .to_string_lossy()
                    .replace('\\', "/");
                let js = std::fs::read_to_string(&path)?;
                let flat = name.replace('/', "_");
                std::fs::write(&path, minify_js(env, work, &flat, &js)?)?;
                names.push(name);
            }
        }
    }
    Ok(names)
}

/// The loader module wasm-split-cli writes beside the pieces, imported by the shell's glue.
const LOADER: &str = "__wasm_split.js";

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| project::root().join("target"))
}

/// Trunk's `app-<hash>.js` and `app-<hash>_bg.wasm` in `dist`.
fn trunk_outputs(dist: &Path) -> anyhow::Result<(String, String)> {
    for entry in std::fs::read_dir(dist)? {
        let name = file_name(&entry?.path());
        if let Some(stem) = name.strip_suffix("_bg.wasm")
            && name.starts_with("app-")
        {
            return Ok((format!("{stem}.js"), name));
        }
    }
    bail!("Trunk left no app-<hash>_bg.wasm in {}", dist.display())
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Size first, for every piece. Trunk's own pass is off (index.html's `data-wasm-opt="0"`): its
/// output is replaced here, and it cannot read cargo's wasm while the relocations are in it.
fn optimize(env: &ToolEnv, wasm: &Path) -> anyhow::Result<()> {
    run(env
        .command("wasm-opt")
        .arg("-Oz")
        .arg(wasm)
        .arg("-o")
        .arg(wasm))
}

/// The shell alone, which every first load downloads: `-Os` and passes run until nothing more
/// shrinks. Larger raw, but measured on the shell after brotli about 1.2 KB under `-Oz`
/// (BENCHMARKS.md). The pieces keep `-Oz`: they are not in the first load (`-Os` was not measured
/// on them), and `--converge` on a hundred and more files would lengthen every build.
fn optimize_shell(env: &ToolEnv, wasm: &Path) -> anyhow::Result<()> {
    run(env
        .command("wasm-opt")
        .args(["-Os", "--converge"])
        .arg(wasm)
        .arg("-o")
        .arg(wasm))
}

/// `js` minified as an ES module by terser (names of exports and object keys kept): the glue
/// and the loader are read by every first load.
fn minify_js(env: &ToolEnv, work: &Path, name: &str, js: &str) -> anyhow::Result<String> {
    let input = work.join(format!("{name}.full.js"));
    let output = work.join(format!("{name}.min.js"));
    std::fs::write(&input, js)?;
    run(env
        .command("terser")
        .arg(&input)
        .args(["--module", "--compress", "--mangle", "--output"])
        .arg(&output))?;
    Ok(std::fs::read_to_string(output)?)
}

/// `optimize` on each file, on as many threads as the machine has cores.
fn optimize_all(env: &ToolEnv, files: &[PathBuf]) -> anyhow::Result<()> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| -> anyhow::Result<()> {
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(file) = files.get(i) else {
                            return Ok(());
                        };
                        optimize(env, file)?;
                    }
                })
            })
            .collect();
        handles.into_iter().try_for_each(|h| {
            h.join()
                .map_err(|_| anyhow::anyhow!("a wasm-opt thread panicked"))?
        })
    })
}

/// Trunk wrote `integrity="sha384-…"` for the files it made; ours replace them.
pub fn update_integrity(dist: &Path, names: &[&str]) -> anyhow::Result<()> {
    let index_path = dist.join("index.html");
    let mut index = std::fs::read_to_string(&index_path).context("dist/index.html is missing")?;
    for name in names {
        let hash = format!(
            "sha384-{}",
            base64(&Sha384::digest(std::fs::read(dist.join(name))?))
        );
        index = replace_integrity(&index, name, &hash)
            .with_context(|| format!("index.html has no integrity for /{name}"))?;
    }
    std::fs::write(index_path, index)?;
    Ok(())
}

/// The `integrity` value of the tag whose `href` is `/name`, replaced by `hash`.
pub fn replace_integrity(html: &str, name: &str, hash: &str) -> Option<String> {
    let href = format!("href=\"/{name}\"");
    let tag_start = html.find(&href)?;
    let tag_end = tag_start + html[tag_start..].find('>')?;
    let attr = "integrity=\"";
    let value_start = tag_start + html[tag_start..tag_end].find(attr)? + attr.len();
    let value_end = value_start + html[value_start..].find('"')?;
    Some(format!(
        "{}{hash}{}",
        &html[..value_start],
        &html[value_end..]
    ))
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard_alphabet_and_padding() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn only_the_named_files_integrity_changes() {
        let html = "<link href=\"/a.js\" integrity=\"sha384-old\"><link href=\"/b.wasm\" integrity=\"sha384-keep\">";
        let out = replace_integrity(html, "a.js", "sha384-new").expect("found");
        assert_eq!(
            out,
            "<link href=\"/a.js\" integrity=\"sha384-new\"><link href=\"/b.wasm\" integrity=\"sha384-keep\">"
        );
        assert!(replace_integrity(html, "c.js", "x").is_none());
    }
}
