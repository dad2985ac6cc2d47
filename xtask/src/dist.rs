//! Finishes Trunk's output so it can be served under a strict CSP and work offline:
//! 1. Trunk's inline loader `<script type="module">` moves into `boot-<hash>.js` (no inline script);
//! 2. `sw.js` is written from `sw/sw.js` with this build's hash and the list of its files;
//! 3. text and wasm files get `.br` and `.gz` twins that the server sends to browsers accepting
//!    them (brotli saves a fifth of the wasm over gzip; Chromium accepts it on https and loopback).

use anyhow::{Context, bail};
use flate2::{Compression, write::GzEncoder};
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::{Path, PathBuf};

pub fn finish(dist: &Path, sw_template: &str) -> anyhow::Result<String> {
    let index_path = dist.join("index.html");
    let index = std::fs::read_to_string(&index_path).context("dist/index.html is missing")?;
    if let Some((script, rest)) = split_inline_module(&index) {
        let name = format!("boot-{}.js", short_hash(script.as_bytes()));
        std::fs::write(dist.join(&name), script.trim())?;
        std::fs::write(
            &index_path,
            rest.replace(
                PLACEHOLDER,
                &format!("<script type=\"module\" src=\"/{name}\"></script>"),
            ),
        )?;
    }
    remove_generated(dist)?;
    let mut files = list_files(dist)?;
    files.sort();
    let mut hasher = Sha256::new();
    for (url, path) in &files {
        hasher.update(url.as_bytes());
        hasher.update(std::fs::read(path)?);
    }
    let build = hex(&hasher.finalize()[..8]);
    let urls: Vec<&str> = files.iter().map(|(url, _)| url.as_str()).collect();
    std::fs::write(
        dist.join("sw.js"),
        render_service_worker(sw_template, &build, &urls)?,
    )?;
    for (url, path) in files
        .iter()
        .chain(std::iter::once(&("/sw.js".to_owned(), dist.join("sw.js"))))
    {
        if is_compressible(url) {
            gzip_beside(path)?;
            brotli_beside(path)?;
        }
    }
    Ok(build)
}

const PLACEHOLDER: &str = "<!--palier-boot-->";

/// Splits out the body of the first inline `<script type="module">`, leaving a placeholder.
pub fn split_inline_module(html: &str) -> Option<(String, String)> {
    let open = "<script type=\"module\">";
    let start = html.find(open)?;
    let body_start = start + open.len();
    let end = body_start + html[body_start..].find("</script>")?;
    let rest = format!(
        "{}{PLACEHOLDER}{}",
        &html[..start],
        &html[end + "</script>".len()..]
    );
    Some((html[body_start..end].to_owned(), rest))
}

pub fn render_service_worker(template: &str, build: &str, urls: &[&str]) -> anyhow::Result<String> {
    if !template.contains("__PALIER_BUILD__") || !template.contains("__PALIER_PRECACHE__") {
        bail!("sw/sw.js lost its __PALIER_BUILD__ or __PALIER_PRECACHE__ placeholder");
    }
    let list = serde_json::to_string(urls)?;
    Ok(template
        .replace("__PALIER_BUILD__", build)
        .replace("__PALIER_PRECACHE__", &list))
}

/// Files the browser fetches: every file but the worker itself and compressed twins.
fn list_files(dist: &Path) -> anyhow::Result<Vec<(String, PathBuf)>> {
    let mut out = Vec::new();
    let mut stack = vec![dist.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let rel = path
                .strip_prefix(dist)?
                .to_string_lossy()
                .replace('\\', "/");
            out.push((format!("/{rel}"), path));
        }
    }
    Ok(out)
}

fn remove_generated(dist: &Path) -> anyhow::Result<()> {
    for (url, path) in list_files(dist)? {
        if url == "/sw.js" || url.ends_with(".gz") || url.ends_with(".br") {
            std::fs::remove_file(path)?;
        }
    }
    Ok(())
}

fn is_compressible(url: &str) -> bool {
    [
        ".wasm",
        ".js",
        ".css",
        ".html",
        ".svg",
        ".webmanifest",
        ".json",
    ]
    .iter()
    .any(|ext| url.ends_with(ext))
}

fn gzip_beside(path: &Path) -> anyhow::Result<()> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(&std::fs::read(path)?)?;
    let mut name = path.as_os_str().to_owned();
    name.push(".gz");
    std::fs::write(PathBuf::from(name), encoder.finish()?)?;
    Ok(())
}

fn brotli_beside(path: &Path) -> anyhow::Result<()> {
    let input = std::fs::read(path)?;
    let mut output = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut input.as_slice(), &mut output, &params)?;
    let mut name = path.as_os_str().to_owned();
    name.push(".br");
    std::fs::write(PathBuf::from(name), output)?;
    Ok(())
}

/// A content hash for a build file's name: 8 hex digits (32 bits). Enough to tell one build's
/// piece from another's, and the loader names about a hundred pieces, where 16 digits each cost
/// about 1 KB of the first load (BENCHMARKS.md).
pub fn short_hash(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes)[..4])
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_inline_loader_is_split_out() {
        let html =
            "<head><script type=\"module\">\nimport init from '/a.js';\n</script><link></head>";
        let (script, rest) = split_inline_module(html).expect("found");
        assert_eq!(script.trim(), "import init from '/a.js';");
        assert_eq!(rest, format!("<head>{PLACEHOLDER}<link></head>"));
        assert!(split_inline_module(&rest).is_none(), "nothing left inline");
    }

    #[test]
    fn the_worker_gets_the_build_and_its_files() {
        let sw = render_service_worker(
            "const B='__PALIER_BUILD__'; const P=__PALIER_PRECACHE__;",
            "ab12",
            &["/index.html", "/app.js"],
        )
        .expect("rendered");
        assert_eq!(sw, "const B='ab12'; const P=[\"/index.html\",\"/app.js\"];");
        assert!(render_service_worker("no placeholders", "x", &[]).is_err());
    }

    #[test]
    fn finishing_a_build_twice_gives_the_same_hash_and_a_changed_file_a_new_one() {
        let dir = std::env::temp_dir().join(format!("palier-dist-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("icons")).unwrap();
        std::fs::write(
            dir.join("index.html"),
            "<head><script type=\"module\">boot()</script></head>",
        )
        .unwrap();
        std::fs::write(dir.join("icons/a.svg"), "<svg/>").unwrap();
        let template = "'__PALIER_BUILD__' __PALIER_PRECACHE__";
        let first = finish(&dir, template).unwrap();
        assert_eq!(finish(&dir, template).unwrap(), first, "idempotent");
        let sw = std::fs::read_to_string(dir.join("sw.js")).unwrap();
        assert!(sw.contains("/icons/a.svg") && sw.contains("/index.html") && sw.contains("/boot-"));
        assert!(
            !sw.contains(".gz") && !sw.contains("/sw.js\""),
            "twins and the worker are not precached"
        );
        assert!(dir.join("index.html.gz").exists());
        std::fs::write(dir.join("icons/a.svg"), "<svg></svg>").unwrap();
        assert_ne!(finish(&dir, template).unwrap(), first);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
