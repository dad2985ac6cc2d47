//! Gives the shell's wasm-bindgen imports short names, in the wasm and in its JS glue alike.
//!
//! wasm-bindgen names each import after the JS function and a 16-digit hash
//! (`__wbg_getFullYear_94114da14f235fca`); the shell imports about 300 of them, and each name is
//! written twice on the first load: in the wasm's import section and as a key of the glue's
//! imports object. The hashes do not compress. Renamed to `a`, `b`, … `a1`, … the first load is
//! about 4 KB (wasm) + 3 KB (glue) of brotli lighter (BENCHMARKS.md). The split pieces import
//! nothing from the glue (only the loader's `__wasm_split` table and memory), so they are untouched.

use anyhow::{Context, bail};
use std::collections::HashMap;

/// Renames the imports of `module` (the glue's `./<stem>_bg.js`) in `wasm` and the matching keys
/// in `glue`. Fails rather than produce a pair that would not link.
pub fn shorten(wasm: &[u8], glue: &str, module: &str) -> anyhow::Result<(Vec<u8>, String)> {
    let mut names = HashMap::new();
    let wasm = rename_imports(wasm, |m, field| {
        if m != module {
            return None;
        }
        let short = short_name(names.len());
        names.insert(field.to_owned(), short.clone());
        Some(short)
    })?;
    if names.is_empty() {
        bail!("the shell imports nothing from {module}");
    }
    let (glue, found) = rename_identifiers(glue, &names);
    if found != names.len() {
        bail!(
            "the glue names {found} of the {} imports from {module}",
            names.len()
        );
    }
    Ok((wasm, glue))
}

/// `a`…`z`, then `a1`…`z1`, `a2`…: a letter and digits, so never a JS keyword nor one of
/// wasm-bindgen's own `__wbg_` names.
fn short_name(n: usize) -> String {
    let letter = char::from(b'a' + (n % 26) as u8);
    match n / 26 {
        0 => letter.to_string(),
        round => format!("{letter}{round}"),
    }
}

/// Every identifier of `js` that is a key of `names` replaced; returns how many keys were seen.
fn rename_identifiers(js: &str, names: &HashMap<String, String>) -> (String, usize) {
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    let mut out = String::with_capacity(js.len());
    let mut seen = std::collections::HashSet::new();
    let mut rest = js;
    while let Some(start) = rest.find(is_ident) {
        out.push_str(&rest[..start]);
        let word_len = rest[start..]
            .find(|c| !is_ident(c))
            .unwrap_or(rest.len() - start);
        let word = &rest[start..start + word_len];
        match names.get(word) {
            Some(short) => {
                seen.insert(word);
                out.push_str(short);
            }
            None => out.push_str(word),
        }
        rest = &rest[start + word_len..];
    }
    out.push_str(rest);
    (out, seen.len())
}

/// The module with its import section rewritten: `rename(module, field)` gives a field's new
/// name, or None to keep it. Every other section is copied byte for byte.
fn rename_imports(
    wasm: &[u8],
    mut rename: impl FnMut(&str, &str) -> Option<String>,
) -> anyhow::Result<Vec<u8>> {
    if wasm.get(..8) != Some(b"\0asm\x01\0\0\0".as_slice()) {
        bail!("not a wasm module");
    }
    let mut out = wasm[..8].to_vec();
    let mut at = 8;
    while at < wasm.len() {
        let id = wasm[at];
        let (len, body_start) = read_u32(wasm, at + 1)?;
        let body_end = body_start + len as usize;
        let body = wasm
            .get(body_start..body_end)
            .context("a section runs past the end")?;
        let body = if id == IMPORT_SECTION {
            rewrite_import_section(body, &mut rename)?
        } else {
            body.to_vec()
        };
        out.push(id);
        write_u32(&mut out, body.len() as u32);
        out.extend_from_slice(&body);
        at = body_end;
    }
    Ok(out)
}

const IMPORT_SECTION: u8 = 2;

fn rewrite_import_section(
    body: &[u8],
    rename: &mut impl FnMut(&str, &str) -> Option<String>,
) -> anyhow::Result<Vec<u8>> {
    let (count, mut at) = read_u32(body, 0)?;
    let mut out = Vec::with_capacity(body.len());
    write_u32(&mut out, count);
    for _ in 0..count {
        let (module, next) = read_name(body, at)?;
        let (field, next) = read_name(body, next)?;
        let desc_end = skip_import_desc(body, next)?;
        let field = rename(module, field).unwrap_or_else(|| field.to_owned());
        write_name(&mut out, module);
        write_name(&mut out, &field);
        out.extend_from_slice(&body[next..desc_end]);
        at = desc_end;
    }
    if at != body.len() {
        bail!("the import section has {} bytes left over", body.len() - at);
    }
    Ok(out)
}

/// The end of an import's description: function (type index), table, memory or global.
fn skip_import_desc(body: &[u8], at: usize) -> anyhow::Result<usize> {
    let kind = *body.get(at).context("import kind")?;
    let at = at + 1;
    let limits = |at: usize| -> anyhow::Result<usize> {
        let flags = *body.get(at).context("limits")?;
        let (_, at) = read_u32(body, at + 1)?;
        if flags & 1 == 1 {
            Ok(read_u32(body, at)?.1)
        } else {
            Ok(at)
        }
    };
    match kind {
        0 => Ok(read_u32(body, at)?.1),
        1 => limits(at + 1),
        2 => limits(at),
        3 => Ok(at + 2),
        _ => bail!("import kind {kind} is not handled"),
    }
}

fn read_name(bytes: &[u8], at: usize) -> anyhow::Result<(&str, usize)> {
    let (len, start) = read_u32(bytes, at)?;
    let end = start + len as usize;
    let name = std::str::from_utf8(bytes.get(start..end).context("name past the end")?)?;
    Ok((name, end))
}

fn write_name(out: &mut Vec<u8>, name: &str) {
    write_u32(out, name.len() as u32);
    out.extend_from_slice(name.as_bytes());
}

fn read_u32(bytes: &[u8], mut at: usize) -> anyhow::Result<(u32, usize)> {
    let mut value = 0u32;
    for shift in (0..35).step_by(7) {
        let byte = *bytes.get(at).context("LEB128 past the end")?;
        at += 1;
        value |= u32::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Ok((value, at));
        }
    }
    bail!("LEB128 too long")
}

fn write_u32(out: &mut Vec<u8>, mut value: u32) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing two functions from the glue and one from elsewhere, and a memory.
    fn module() -> Vec<u8> {
        let mut imports = Vec::new();
        write_u32(&mut imports, 4);
        for (m, f) in [
            ("./app_bg.js", "__wbg_now_0123456789abcdef"),
            ("./snippet.js", "keep_me"),
            ("./app_bg.js", "__wbindgen_init_externref_table"),
        ] {
            write_name(&mut imports, m);
            write_name(&mut imports, f);
            imports.extend_from_slice(&[0, 0]);
        }
        write_name(&mut imports, "env");
        write_name(&mut imports, "memory");
        imports.extend_from_slice(&[2, 1, 17, 200, 1]);
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        wasm.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]);
        wasm.push(IMPORT_SECTION);
        write_u32(&mut wasm, imports.len() as u32);
        wasm.extend_from_slice(&imports);
        wasm
    }

    fn import_names(wasm: &[u8]) -> Vec<(String, String)> {
        let mut names = Vec::new();
        rename_imports(wasm, |m, f| {
            names.push((m.to_owned(), f.to_owned()));
            None
        })
        .unwrap();
        names
    }

    #[test]
    fn the_glue_imports_get_short_names_in_the_wasm_and_the_glue_alike() {
        let glue = "const import0 = { __wbg_now_0123456789abcdef: function() { return Date.now(); },\n\
                    __wbindgen_init_externref_table: function() {} };\n\
                    const x = wasm.__wbg_now_0123456789abcdef_other;";
        let (wasm, glue) = shorten(&module(), glue, "./app_bg.js").unwrap();
        assert_eq!(
            import_names(&wasm),
            [
                ("./app_bg.js".into(), "a".into()),
                ("./snippet.js".into(), "keep_me".into()),
                ("./app_bg.js".into(), "b".into()),
                ("env".into(), "memory".into()),
            ]
        );
        assert!(glue.contains("{ a: function() { return Date.now(); },\nb: function() {} }"));
        // A longer identifier that merely starts with an import's name is another name.
        assert!(glue.contains("wasm.__wbg_now_0123456789abcdef_other"));
        // Everything but the import section is byte for byte the same.
        assert_eq!(&wasm[..14], &module()[..14]);
    }

    #[test]
    fn an_import_the_glue_does_not_name_is_an_error_not_a_broken_page() {
        let glue = "const import0 = { __wbg_now_0123456789abcdef: function() {} };";
        assert!(shorten(&module(), glue, "./app_bg.js").is_err());
    }

    #[test]
    fn short_names_are_unique_letters_then_digits() {
        let names: std::collections::HashSet<_> = (0..5000).map(short_name).collect();
        assert_eq!(names.len(), 5000);
        assert_eq!(
            [short_name(0), short_name(25), short_name(26)],
            ["a", "z", "a1"]
        );
        assert!(
            names
                .iter()
                .all(|n| n[1..].bytes().all(|b| b.is_ascii_digit()))
        );
    }
}
