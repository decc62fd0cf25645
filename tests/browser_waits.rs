//! The browser tests wait on what the page shows (an element, an attribute
//! such as `data-load-state`, the address), never for a fixed time: a sleep
//! is either too short on a slow machine or wastes time on a fast one. This
//! fails if a script in `tests/e2e/` calls Playwright's `waitForTimeout`,
//! imports the awaitable timers of `timers/promises`, or builds a promise
//! that only a timer resolves (`new Promise((r) => setTimeout(r, 100))`).
//! Timers that are not waits stay allowed: a test server trickling its
//! response, or a deadline racing a signal inside a promise.

use std::path::PathBuf;

/// `text` with comments blanked out (offsets and lines kept).
fn strip_comments(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = bytes.to_vec();
    let mut i = 0;
    // The quote of the string literal we are in, if any.
    let mut quote: Option<u8> = None;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) => {
                if b == b'\\' {
                    i += 1;
                } else if b == q || (b == b'\n' && q != b'`') {
                    quote = None;
                }
            }
            None if b == b'\'' || b == b'"' || b == b'`' => quote = Some(b),
            None if bytes[i..].starts_with(b"//") => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    out[i] = b' ';
                    i += 1;
                }
                continue;
            }
            None if bytes[i..].starts_with(b"/*") => {
                let end = text[i + 2..]
                    .find("*/")
                    .map_or(bytes.len(), |e| i + 2 + e + 2);
                for o in &mut out[i..end] {
                    if *o != b'\n' {
                        *o = b' ';
                    }
                }
                i = end;
                continue;
            }
            None => {}
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The index just past the parenthesis that closes the one open at `open`.
fn close_paren(text: &str, open: usize) -> Option<usize> {
    let mut depth = 0;
    for (i, c) in text[open..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// Does the promise executor starting at `rest` (just after `new
/// Promise(`) do nothing but start a timer, `(r) => setTimeout(r, n)` or
/// `(r) => { setTimeout(r, n); }`?
fn only_a_timer(rest: &str) -> bool {
    let s = rest.trim_start();
    let s = s.strip_prefix('(').unwrap_or(s);
    let s = s.trim_start_matches(|c: char| c.is_alphanumeric() || c == '_' || c == '$');
    let s = s.strip_prefix(')').unwrap_or(s).trim_start();
    let Some(body) = s.strip_prefix("=>") else {
        return false;
    };
    let body = body.trim_start();
    let body = body.strip_prefix('{').unwrap_or(body).trim_start();
    let body = ["window.", "globalThis."]
        .into_iter()
        .find_map(|p| body.strip_prefix(p))
        .unwrap_or(body);
    if !body.starts_with("setTimeout(") {
        return false;
    }
    let Some(end) = close_paren(body, "setTimeout".len()) else {
        return false;
    };
    let after = body[end..].trim_start();
    let after = after.strip_prefix(';').unwrap_or(after).trim_start();
    after.starts_with(')') || after.starts_with('}')
}

/// The fixed-time waits in one script, as "line: what".
fn fixed_waits(source: &str) -> Vec<String> {
    let code = strip_comments(source);
    let line_of = |at: usize| code[..at].matches('\n').count() + 1;
    let mut found = Vec::new();
    for (at, _) in code.match_indices("waitForTimeout(") {
        found.push(format!("line {}: waitForTimeout", line_of(at)));
    }
    for (at, _) in code.match_indices("timers/promises") {
        found.push(format!("line {}: timers/promises", line_of(at)));
    }
    for (at, m) in code.match_indices("new Promise(") {
        if only_a_timer(&code[at + m.len()..]) {
            found.push(format!(
                "line {}: a promise only a timer resolves",
                line_of(at)
            ));
        }
    }
    found
}

#[test]
fn browser_tests_never_wait_for_a_fixed_time() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/e2e");
    let mut scripts: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "mjs"))
        .collect();
    scripts.sort();
    assert!(
        scripts.len() >= 4,
        "expected the browser tests in {}",
        dir.display()
    );
    let mut problems = Vec::new();
    for script in &scripts {
        let source = std::fs::read_to_string(script).unwrap();
        for waits in fixed_waits(&source) {
            problems.push(format!("{}, {waits}", script.display()));
        }
    }
    assert!(
        problems.is_empty(),
        "wait on a signal the page gives instead (add one to the page if there is none):\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_check_finds_sleeps_and_leaves_other_timers_alone() {
    let sleeps = [
        "await page.waitForTimeout(700);",
        "await new Promise((resolve) => setTimeout(resolve, interval));",
        "await new Promise(r => setTimeout(r, 20));",
        "await new Promise((r) => { setTimeout(r, 5); });",
        "await new Promise((done) => setTimeout(() => done(), 5));",
        "await new Promise((r) => window.setTimeout(r, 5));",
        "import { setTimeout as sleep } from 'node:timers/promises';",
    ];
    for code in sleeps {
        assert_eq!(fixed_waits(code).len(), 1, "{code}");
    }
    let fine = [
        // A server sending its body in small pieces.
        "const next = () => { res.write(x); setTimeout(next, 2); };",
        // A deadline racing a signal.
        "await new Promise((resolve) => { const t = setTimeout(() => resolve(false), 10_000); observer.observe(x); });",
        "await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));",
        "await page.waitForFunction(() => ready(), null, { timeout: 5_000 });",
        // Words in comments and strings.
        "// never page.waitForTimeout(1000)\n/* new Promise((r) => setTimeout(r, 5)) */",
        "const url = 'http://x'; // waitForTimeout(",
    ];
    for code in fine {
        assert_eq!(fixed_waits(code), Vec::<String>::new(), "{code}");
    }
    assert_eq!(
        fixed_waits("a();\n\n  await page.waitForTimeout(1);"),
        vec!["line 3: waitForTimeout"]
    );
}
