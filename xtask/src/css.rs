//! The style sheet without its comments and indentation: every first load downloads it before
//! the first paint, and app/style.css explains itself at length (about 0.8 KB of brotli).

use std::path::Path;

/// Strips the comments and the blank space at line ends of every top-level `.css` file of `dist`
/// and returns their names, for their integrity hashes to be updated.
pub fn shrink(dist: &Path) -> anyhow::Result<Vec<String>> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dist)? {
        let path = entry?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if name.ends_with(".css") {
            let css = std::fs::read_to_string(&path)?;
            std::fs::write(&path, without_comments(&css))?;
            names.push(name.to_owned());
        }
    }
    Ok(names)
}

/// Comments out (outside quoted strings), each line trimmed, empty lines dropped. Line breaks are
/// kept: a value never spans them in a way where a space would matter, and rules stay readable.
pub fn without_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut quote = None;
    while let Some(c) = chars.next() {
        match quote {
            Some(q) => {
                out.push(c);
                if c == '\\' {
                    out.extend(chars.next());
                } else if c == q {
                    quote = None;
                }
            }
            None if c == '/' && chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
            }
            None => {
                if c == '"' || c == '\'' {
                    quote = Some(c);
                }
                out.push(c);
            }
        }
    }
    out.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_indentation_go_strings_stay() {
        let css = "/* Palier's look:\n   tablet first */\n:root {\n  --ink: #14202e; /* text */\n}\n\n\
                   .dot::before {\n  content: \"/* not a comment */\";\n}\n";
        assert_eq!(
            without_comments(css),
            ":root {\n--ink: #14202e;\n}\n.dot::before {\ncontent: \"/* not a comment */\";\n}"
        );
    }
}
