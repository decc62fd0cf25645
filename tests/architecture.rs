//! The engine's shape, checked: no module imports one that imports it back
//! (directly or through others), and each folder uses only the folders
//! before it (`i18n`, `data`, `read`, `query`, `present`, `output`; `link` uses
//! `data` and `query`). Read from the sources, so a new `use` that breaks
//! the shape fails here with the path it takes.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every engine module (as `folder::file`) and its source, tests left out.
fn modules() -> BTreeMap<String, String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/engine");
    let mut out = BTreeMap::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.insert(name_of(&root, &path), source_without_tests(&path));
            }
        }
    }
    out
}

fn name_of(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap().with_extension("");
    let name = rel.to_string_lossy().replace('/', "::");
    name.strip_suffix("::mod").unwrap_or(&name).to_string()
}

/// The source's code: without its test module and without comments (a
/// doc link to a module is not an import of it).
fn source_without_tests(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let code = match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => &text[..],
    };
    code.lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The modules each module names through `crate::engine::...` paths; a
/// folder's `mod.rs` depends on the submodules it re-exports.
fn edges(modules: &BTreeMap<String, String>) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (name, source) in modules {
        let deps = out.entry(name.clone()).or_default();
        for (at, _) in source.match_indices("crate::engine::") {
            let path: String = source[at + "crate::engine::".len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            let parts: Vec<&str> = path.split("::").filter(|p| !p.is_empty()).collect();
            if let Some(module) = (1..=parts.len())
                .rev()
                .map(|k| parts[..k].join("::"))
                .find(|m| modules.contains_key(m))
            {
                if &module != name {
                    deps.insert(module);
                }
            }
        }
        for line in source.lines() {
            if let Some(rest) = line.trim().strip_prefix("pub use ") {
                let sub = rest.split("::").next().unwrap_or("");
                let module = format!("{name}::{sub}");
                if modules.contains_key(&module) {
                    deps.insert(module);
                }
            }
        }
    }
    out
}

#[test]
fn no_engine_module_imports_one_that_imports_it_back() {
    let graph = edges(&modules());
    // Depth-first search for a path back to the start.
    for start in graph.keys() {
        let mut stack = vec![vec![start.clone()]];
        let mut seen = BTreeSet::new();
        while let Some(path) = stack.pop() {
            let last = path.last().unwrap();
            for next in &graph[last] {
                if next == start {
                    panic!("import circle: {} -> {start}", path.join(" -> "));
                }
                if seen.insert(next.clone()) {
                    let mut longer = path.clone();
                    longer.push(next.clone());
                    stack.push(longer);
                }
            }
        }
    }
}

#[test]
fn each_folder_uses_only_the_folders_before_it() {
    let allowed: BTreeMap<&str, &[&str]> = BTreeMap::from([
        ("i18n", &[][..]),
        ("data", &["i18n"][..]),
        ("read", &["i18n", "data"][..]),
        ("query", &["i18n", "data", "read"][..]),
        ("present", &["i18n", "data", "read", "query"][..]),
        (
            "output",
            &["i18n", "data", "read", "query", "present", "link"][..],
        ),
        ("link", &["i18n", "data", "query"][..]),
        ("synthetic", &["data"][..]),
    ]);
    let graph = edges(&modules());
    for (module, deps) in &graph {
        let folder = module.split("::").next().unwrap();
        let Some(ok) = allowed.get(folder) else {
            continue; // the engine's own mod.rs
        };
        for dep in deps {
            let dep_folder = dep.split("::").next().unwrap();
            assert!(
                dep_folder == folder || ok.contains(&dep_folder),
                "{module} uses {dep}: `{folder}` may use only {ok:?}"
            );
        }
    }
}
