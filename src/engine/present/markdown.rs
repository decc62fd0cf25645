//! The small part of Markdown the bundled `ABOUT.md` is written in, read
//! into blocks of plain-text spans for the page to show as text nodes:
//! headings, paragraphs, bullet and numbered lists (with continued lines),
//! pipe tables, `**strong**`, `` `code` `` and `[links](https://...)`.
//! Nothing is ever passed on as HTML; anything else shows as typed. A
//! general Markdown crate would weigh more in the download than this
//! subset needs.

/// A run of text with one style.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Span {
    Text(String),
    Strong(String),
    Code(String),
    /// Only `http(s)` addresses become links; others stay text.
    Link {
        text: String,
        href: String,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// Level 1 to 6.
    Heading(u8, Vec<Span>),
    Paragraph(Vec<Span>),
    List {
        ordered: bool,
        items: Vec<Vec<Span>>,
    },
    Table {
        head: Vec<Vec<Span>>,
        rows: Vec<Vec<Vec<Span>>>,
    },
}

/// What is being gathered from consecutive lines.
enum Open {
    None,
    Paragraph(String),
    List { ordered: bool, items: Vec<String> },
    Table(Vec<Vec<String>>),
}

/// Reads `text` into blocks.
pub fn parse(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut open = Open::None;
    for raw in text.lines() {
        let line = raw.trim_end();
        let trimmed = line.trim_start();
        let indented = line.len() > trimmed.len();
        if trimmed.is_empty() {
            close(&mut open, &mut blocks);
            continue;
        }
        if let Some((level, rest)) = heading(trimmed) {
            close(&mut open, &mut blocks);
            blocks.push(Block::Heading(level, spans(rest)));
            continue;
        }
        if trimmed.starts_with('|') {
            if !matches!(open, Open::Table(_)) {
                close(&mut open, &mut blocks);
                open = Open::Table(Vec::new());
            }
            if let Open::Table(rows) = &mut open {
                if !is_separator(trimmed) {
                    rows.push(cells(trimmed));
                }
            }
            continue;
        }
        if let Some((ordered, rest)) = list_item(trimmed) {
            match &mut open {
                Open::List { ordered: o, items } if *o == ordered => items.push(rest.to_string()),
                _ => {
                    close(&mut open, &mut blocks);
                    open = Open::List {
                        ordered,
                        items: vec![rest.to_string()],
                    };
                }
            }
            continue;
        }
        match &mut open {
            Open::List { items, .. } if indented => {
                if let Some(last) = items.last_mut() {
                    last.push(' ');
                    last.push_str(trimmed);
                }
            }
            Open::Paragraph(p) => {
                p.push(' ');
                p.push_str(trimmed);
            }
            _ => {
                close(&mut open, &mut blocks);
                open = Open::Paragraph(trimmed.to_string());
            }
        }
    }
    close(&mut open, &mut blocks);
    blocks
}

fn close(open: &mut Open, blocks: &mut Vec<Block>) {
    match std::mem::replace(open, Open::None) {
        Open::None => {}
        Open::Paragraph(p) => blocks.push(Block::Paragraph(spans(&p))),
        Open::List { ordered, items } => blocks.push(Block::List {
            ordered,
            items: items.iter().map(|i| spans(i)).collect(),
        }),
        Open::Table(rows) => {
            let mut rows = rows
                .into_iter()
                .map(|r| r.iter().map(|c| spans(c)).collect());
            let head = rows.next().unwrap_or_default();
            blocks.push(Block::Table {
                head,
                rows: rows.collect(),
            });
        }
    }
}

fn heading(line: &str) -> Option<(u8, &str)> {
    let level = line.chars().take_while(|&c| c == '#').count();
    let rest = line[level..].strip_prefix(' ')?;
    (1..=6).contains(&level).then(|| (level as u8, rest.trim()))
}

/// `- item`, `* item` or `12. item`.
fn list_item(line: &str) -> Option<(bool, &str)> {
    if let Some(rest) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
        return Some((false, rest.trim()));
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let rest = line[digits..].strip_prefix(". ")?;
    (digits > 0).then(|| (true, rest.trim()))
}

fn is_separator(line: &str) -> bool {
    line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

fn cells(line: &str) -> Vec<String> {
    let inner = line.trim().trim_start_matches('|');
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    inner.split('|').map(|c| c.trim().to_string()).collect()
}

/// The styled runs of one block's text.
pub fn spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let styled = if let Some(after) = rest.strip_prefix("**") {
            after
                .find("**")
                .filter(|&end| end > 0)
                .map(|end| (Span::Strong(after[..end].to_string()), &after[end + 2..]))
        } else if let Some(after) = rest.strip_prefix('`') {
            after
                .find('`')
                .map(|end| (Span::Code(after[..end].to_string()), &after[end + 1..]))
        } else if let Some(after) = rest.strip_prefix('[') {
            link(after)
        } else {
            None
        };
        match styled {
            Some((span, after)) => {
                if !plain.is_empty() {
                    out.push(Span::Text(std::mem::take(&mut plain)));
                }
                out.push(span);
                rest = after;
            }
            None => {
                plain.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    if !plain.is_empty() {
        out.push(Span::Text(plain));
    }
    out
}

/// `text](href)` after a `[`.
fn link(after: &str) -> Option<(Span, &str)> {
    let close = after.find("](")?;
    let text = &after[..close];
    let tail = &after[close + 2..];
    let end = tail.find(')')?;
    let href = &tail[..end];
    let rest = &tail[end + 1..];
    let lower = href.to_ascii_lowercase();
    let span = if lower.starts_with("https://") || lower.starts_with("http://") {
        Span::Link {
            text: text.to_string(),
            href: href.to_string(),
        }
    } else {
        Span::Text(text.to_string())
    };
    Some((span, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Span {
        Span::Text(s.into())
    }

    #[test]
    fn blocks_of_a_small_document() {
        let doc = "## Title\n\nA paragraph\nover two lines with **bold** and `code`.\n\n- one\n  continued\n- two\n\n1. first\n2. second\n\n| a | b |\n| --- | --- |\n| `x` | y |\n\n### End";
        assert_eq!(
            parse(doc),
            [
                Block::Heading(2, vec![text("Title")]),
                Block::Paragraph(vec![
                    text("A paragraph over two lines with "),
                    Span::Strong("bold".into()),
                    text(" and "),
                    Span::Code("code".into()),
                    text("."),
                ]),
                Block::List {
                    ordered: false,
                    items: vec![vec![text("one continued")], vec![text("two")]],
                },
                Block::List {
                    ordered: true,
                    items: vec![vec![text("first")], vec![text("second")]],
                },
                Block::Table {
                    head: vec![vec![text("a")], vec![text("b")]],
                    rows: vec![vec![vec![Span::Code("x".into())], vec![text("y")]]],
                },
                Block::Heading(3, vec![text("End")]),
            ]
        );
    }

    #[test]
    fn markup_and_odd_links_stay_text() {
        assert_eq!(
            spans("<script>x</script> ** [a](javascript:alert(1)) [b](https://example.org/)"),
            [
                text("<script>x</script> ** "),
                text("a"),
                text(") "),
                Span::Link {
                    text: "b".into(),
                    href: "https://example.org/".into()
                },
            ]
        );
        assert_eq!(spans("**unclosed"), [text("**unclosed")]);
        assert_eq!(spans("#hashtag"), [text("#hashtag")]);
        assert_eq!(
            parse("#not a heading"),
            [Block::Paragraph(vec![text("#not a heading")])]
        );
    }

    const ABOUT_EN: &str = include_str!("../../../public/data/ABOUT.md");
    const ABOUT_FR: &str = include_str!("../../../public/data/ABOUT.fr.md");

    /// The bundled ABOUT.md and its French version use only what this
    /// reads: no Markdown marks are left in their text.
    #[test]
    fn the_bundled_about_page_reads_fully() {
        reads_fully(ABOUT_EN);
        reads_fully(ABOUT_FR);
    }

    /// The French page is a translation: the same blocks in the same order,
    /// the same column names and file names, the same numbers.
    #[test]
    fn the_french_about_page_keeps_every_fact() {
        let (en, fr) = (parse(ABOUT_EN), parse(ABOUT_FR));
        let kinds = |blocks: &[Block]| -> Vec<String> {
            blocks
                .iter()
                .map(|b| match b {
                    Block::Heading(level, _) => format!("h{level}"),
                    Block::Paragraph(_) => "p".into(),
                    Block::List { ordered, items } => format!("list {ordered} {}", items.len()),
                    Block::Table { head, rows } => format!("table {}x{}", head.len(), rows.len()),
                })
                .collect()
        };
        // The French page adds one sentence under "Sources" on the titles
        // being cited as published.
        let mut en_kinds = kinds(&en);
        let sources = en_kinds.iter().position(|k| k == "list true 5").unwrap();
        en_kinds.insert(sources, "p".into());
        assert_eq!(kinds(&fr), en_kinds);
        let code = |text: &str| -> Vec<String> {
            let mut spans: Vec<String> = text
                .split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_string)
                .collect();
            spans.sort();
            spans
        };
        assert_eq!(code(ABOUT_FR), code(ABOUT_EN));
        let numbers = |text: &str| -> Vec<String> {
            let mut runs: Vec<String> = text
                .split(|c: char| !c.is_ascii_digit())
                .filter(|r| !r.is_empty())
                .map(str::to_string)
                .collect();
            runs.sort();
            runs
        };
        assert_eq!(numbers(ABOUT_FR), numbers(ABOUT_EN));
    }

    fn reads_fully(about: &str) {
        let blocks = parse(about);
        assert!(matches!(&blocks[0], Block::Heading(2, _)));
        let mut texts = Vec::new();
        let mut push = |spans: &[Span]| {
            for s in spans {
                if let Span::Text(t) | Span::Strong(t) = s {
                    texts.push(t.clone());
                }
            }
        };
        for b in &blocks {
            match b {
                Block::Heading(_, s) | Block::Paragraph(s) => push(s),
                Block::List { items, .. } => items.iter().for_each(|i| push(i)),
                Block::Table { head, rows } => {
                    head.iter().for_each(|c| push(c));
                    rows.iter().flatten().for_each(|c| push(c));
                }
            }
        }
        for t in &texts {
            assert!(
                !t.contains("**") && !t.contains('`') && !t.starts_with('#'),
                "{t}"
            );
            assert!(!t.contains("| ---"), "{t}");
        }
        let tables = blocks
            .iter()
            .filter(|b| matches!(b, Block::Table { .. }))
            .count();
        assert_eq!(tables, 2);
    }
}
