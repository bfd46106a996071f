//! Reading articles: plain text with an optional `NAME.meta.json` sidecar, HTML (main text and
//! metadata), JSON lines (optionally gzip-compressed), folders and stdin, into
//! [`claimgraph_model::Document`]s.
//!
//! The core types are [`ReadOptions`], [`Input`] (what [`expand`] finds under the paths a user
//! gives) and [`Reader`] (an iterator of documents, or of [`IngestError`]s that say what, where
//! and what to do).
//!
//! ```no_run
//! use claimgraph_ingest::{expand, ReadOptions, Reader};
//! let opts = ReadOptions::default();
//! for input in expand(&["examples".into()]) {
//!     for doc in Reader::open(input.unwrap(), &opts) {
//!         match doc {
//!             Ok(doc) => println!("{} ({} bytes)", doc.id, doc.text.len()),
//!             Err(e) => eprintln!("{e}"),
//!         }
//!     }
//! }
//! ```
#![deny(missing_docs)]

pub mod html;

use claimgraph_model::{Document, PartialDate};
use serde::Deserialize;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Everything that can go wrong reading one input. Each variant names the file (and line).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IngestError {
    /// The file could not be opened or read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The file holds binary data (NUL bytes).
    #[error("{path}: looks like a binary file, not text; give .txt, .html or .jsonl articles")]
    Binary {
        /// The file.
        path: String,
    },
    /// The text is not valid UTF-8.
    #[error("{path}: not valid UTF-8 (first bad byte at offset {offset}); it looks like {guess}: convert it with `iconv -f {guess} -t UTF-8`")]
    Encoding {
        /// The file.
        path: String,
        /// Byte offset of the first invalid sequence.
        offset: usize,
        /// The detector's guess of the real encoding.
        guess: String,
    },
    /// The file has no text.
    #[error("{path}: empty: no text to read")]
    Empty {
        /// The file (and line, for a JSONL record).
        path: String,
    },
    /// A JSONL line is not a valid record.
    #[error("{path}:{line}: {reason}; each line must be a JSON object with \"id\" and \"text\" or \"html\"")]
    JsonLine {
        /// The file.
        path: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        reason: String,
    },
    /// The `NAME.meta.json` sidecar is not valid.
    #[error("{path}: bad sidecar: {reason}; expected a JSON object with optional \"title\", \"url\", \"published\" (YYYY[-MM[-DD]]), \"outlet\"")]
    Sidecar {
        /// The sidecar file.
        path: String,
        /// What is wrong.
        reason: String,
    },
    /// The document is larger than the configured limit.
    #[error("{path}: {size} bytes is over the {limit}-byte limit per document; raise it with --max-bytes")]
    TooLarge {
        /// The file (and line).
        path: String,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// A path given on the command line does not exist.
    #[error("{path}: no such file or folder")]
    NotFound {
        /// The path.
        path: String,
    },
}

/// How to read inputs.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Override or fill the publication date of every document.
    pub published: Option<PartialDate>,
    /// Override or fill the outlet of every document.
    pub outlet: Option<String>,
    /// Largest document accepted, in bytes.
    pub max_bytes: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            published: None,
            outlet: None,
            max_bytes: 20 * 1024 * 1024,
        }
    }
}

/// One input to read: a file, or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file on disk.
    File(PathBuf),
    /// Standard input (`-`).
    Stdin,
}

/// The format of an input, from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text.
    Text,
    /// An HTML page.
    Html,
    /// JSON lines.
    Jsonl,
    /// Gzip-compressed JSON lines.
    JsonlGz,
}

impl Format {
    /// The format a file name implies; `None` for names a folder walk skips.
    pub fn of(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        if name.ends_with(".meta.json") || name.ends_with(".gold.json") || name.starts_with('.') {
            return None;
        }
        if name.ends_with(".jsonl.gz") || name.ends_with(".ndjson.gz") {
            Some(Format::JsonlGz)
        } else if name.ends_with(".jsonl") || name.ends_with(".ndjson") {
            Some(Format::Jsonl)
        } else if name.ends_with(".html") || name.ends_with(".htm") || name.ends_with(".xhtml") {
            Some(Format::Html)
        } else if name.ends_with(".txt") || name.ends_with(".text") || name.ends_with(".md") {
            Some(Format::Text)
        } else {
            None
        }
    }
}

/// Expand command-line paths: files as given, folders walked recursively in byte order of their
/// names (only `.txt`, `.md`, `.html`, `.htm`, `.jsonl`, `.jsonl.gz` files; sidecars and gold
/// files are skipped), `-` for stdin.
pub fn expand(paths: &[PathBuf]) -> Vec<Result<Input, IngestError>> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Ok(Input::Stdin));
        } else if p.is_dir() {
            walk(p, &mut out);
        } else if p.exists() {
            out.push(Ok(Input::File(p.clone())));
        } else {
            out.push(Err(IngestError::NotFound {
                path: p.display().to_string(),
            }));
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<Result<Input, IngestError>>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(source) => {
            out.push(Err(IngestError::Io {
                path: dir.display().to_string(),
                source,
            }));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk(&p, out);
        } else if Format::of(&p).is_some() {
            out.push(Ok(Input::File(p)));
        }
    }
}

/// The metadata fields a sidecar or a JSONL record may carry.
#[derive(Debug, Default, Deserialize)]
struct Meta {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    published: Option<serde_json::Value>,
    #[serde(default)]
    outlet: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    html: Option<String>,
    #[serde(flatten)]
    meta: Meta,
}

fn date_value(v: &Option<serde_json::Value>) -> Result<Option<PartialDate>, String> {
    match v {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(serde_json::Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(serde_json::Value::String(s)) => PartialDate::parse(s)
            .map(Some)
            .ok_or_else(|| format!("\"published\" is {s:?}, not a date YYYY[-MM[-DD]]")),
        Some(serde_json::Value::Number(n)) => n
            .as_i64()
            .and_then(|y| PartialDate::parse(&y.to_string()))
            .map(Some)
            .ok_or_else(|| format!("\"published\" is {n}, not a year")),
        Some(other) => Err(format!("\"published\" is {other}, not a date string")),
    }
}

fn hash(text: &str) -> String {
    blake3::hash(text.as_bytes()).to_hex().to_string()
}

fn empty_to_none(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// Reads the documents of one input, lazily (a JSONL file yields one record at a time).
pub struct Reader {
    state: State,
    opts: ReadOptions,
}

enum State {
    One(Option<Result<Document, IngestError>>),
    Lines {
        path: String,
        lines: Box<dyn BufRead + Send>,
        line: usize,
        buf: String,
        seen_record: bool,
    },
}

impl Reader {
    /// Open an input. Errors opening it come out of the iterator.
    pub fn open(input: Input, opts: &ReadOptions) -> Reader {
        let opts = opts.clone();
        let state = match input {
            Input::Stdin => {
                let mut bytes = Vec::new();
                let r = std::io::stdin()
                    .lock()
                    .take(opts.max_bytes + 1)
                    .read_to_end(&mut bytes);
                State::One(Some(match r {
                    Err(source) => Err(IngestError::Io {
                        path: "<stdin>".into(),
                        source,
                    }),
                    Ok(_) => read_bytes("<stdin>", None, "stdin", &bytes, &opts),
                }))
            }
            Input::File(path) => open_file(&path, &opts),
        };
        Reader { state, opts }
    }
}

fn open_file(path: &Path, opts: &ReadOptions) -> State {
    let shown = path.display().to_string();
    let fmt = Format::of(path).unwrap_or(Format::Text);
    let io = |source| IngestError::Io {
        path: shown.clone(),
        source,
    };
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => return State::One(Some(Err(io(e)))),
    };
    match fmt {
        Format::Jsonl => State::Lines {
            path: shown.clone(),
            lines: Box::new(BufReader::with_capacity(1 << 16, file)),
            line: 0,
            buf: String::new(),
            seen_record: false,
        },
        Format::JsonlGz => State::Lines {
            path: shown.clone(),
            lines: Box::new(BufReader::with_capacity(
                1 << 16,
                flate2::read::MultiGzDecoder::new(file),
            )),
            line: 0,
            buf: String::new(),
            seen_record: false,
        },
        Format::Text | Format::Html => {
            let size = file.metadata().map(|m| m.len()).unwrap_or(0);
            if size > opts.max_bytes {
                return State::One(Some(Err(IngestError::TooLarge {
                    path: shown,
                    size,
                    limit: opts.max_bytes,
                })));
            }
            let mut bytes = Vec::with_capacity(size as usize);
            if let Err(e) = BufReader::new(file).read_to_end(&mut bytes) {
                return State::One(Some(Err(io(e))));
            }
            let stem = file_stem(path);
            let kind = if fmt == Format::Html { "html" } else { "text" };
            let doc = read_bytes(&shown, Some(path), kind, &bytes, opts).map(|mut d| {
                d.id = stem;
                d
            });
            let doc = doc.and_then(|mut d| {
                if fmt == Format::Text {
                    apply_sidecar(path, &mut d)?;
                }
                apply_overrides(&mut d, opts);
                Ok(d)
            });
            State::One(Some(doc))
        }
    }
}

fn file_stem(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let lower = name.to_ascii_lowercase();
    for ext in [".xhtml", ".html", ".htm", ".txt", ".text", ".md"] {
        if lower.ends_with(ext) {
            return name[..name.len() - ext.len()].to_string();
        }
    }
    path.file_stem()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or(name)
}

/// The sidecar of `dir/NAME.txt` is `dir/NAME.meta.json`.
pub fn sidecar_path(path: &Path) -> PathBuf {
    path.with_file_name(format!("{}.meta.json", file_stem(path)))
}

fn apply_sidecar(path: &Path, doc: &mut Document) -> Result<(), IngestError> {
    let sc = sidecar_path(path);
    let bytes = match std::fs::read(&sc) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(source) => {
            return Err(IngestError::Io {
                path: sc.display().to_string(),
                source,
            })
        }
    };
    let bad = |reason: String| IngestError::Sidecar {
        path: sc.display().to_string(),
        reason,
    };
    let meta: Meta = serde_json::from_slice(&bytes).map_err(|e| bad(e.to_string()))?;
    doc.published = date_value(&meta.published).map_err(bad)?;
    doc.title = empty_to_none(meta.title);
    doc.url = empty_to_none(meta.url);
    doc.outlet = empty_to_none(meta.outlet);
    Ok(())
}

fn apply_overrides(doc: &mut Document, opts: &ReadOptions) {
    if opts.published.is_some() {
        doc.published = opts.published;
    }
    if opts.outlet.is_some() {
        doc.outlet = opts.outlet.clone();
    }
}

/// Decode the bytes of a text or HTML file into a document (id left to the caller).
fn read_bytes(
    shown: &str,
    path: Option<&Path>,
    kind: &str,
    bytes: &[u8],
    opts: &ReadOptions,
) -> Result<Document, IngestError> {
    if bytes.len() as u64 > opts.max_bytes {
        return Err(IngestError::TooLarge {
            path: shown.into(),
            size: bytes.len() as u64,
            limit: opts.max_bytes,
        });
    }
    let is_html = kind == "html" || (kind == "stdin" && html::looks_like_html(bytes));
    let mut doc = if is_html {
        if bytes[..bytes.len().min(8192)].contains(&0) && !html::has_utf16_bom(bytes) {
            return Err(IngestError::Binary { path: shown.into() });
        }
        let page = html::extract(bytes);
        Document {
            text: page.text,
            title: page.title,
            url: page.url,
            published: page.published,
            outlet: page.site_name,
            ..Document::default()
        }
    } else {
        Document {
            text: decode_text(shown, bytes)?,
            ..Document::default()
        }
    };
    if doc.text.trim().is_empty() {
        return Err(IngestError::Empty { path: shown.into() });
    }
    doc.path = path.map(|p| p.display().to_string());
    doc.id = "stdin".into();
    doc.hash = hash(&doc.text);
    apply_overrides(&mut doc, opts);
    Ok(doc)
}

/// Decode plain text: UTF-8 (a BOM is dropped) or UTF-16 with a BOM; anything else is an error
/// that names the likely encoding.
fn decode_text(shown: &str, bytes: &[u8]) -> Result<String, IngestError> {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        if enc != encoding_rs::UTF_8 {
            let (s, _, _) = enc.decode(bytes);
            return Ok(s.into_owned());
        }
        return decode_text(shown, &bytes[bom..]);
    }
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Err(IngestError::Binary { path: shown.into() });
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.replace("\r\n", "\n")),
        Err(e) => {
            let mut det = chardetng::EncodingDetector::new();
            det.feed(bytes, true);
            let guess = det.guess(None, true).name().to_string();
            Err(IngestError::Encoding {
                path: shown.into(),
                offset: e.valid_up_to(),
                guess,
            })
        }
    }
}

impl Iterator for Reader {
    type Item = Result<Document, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        match &mut self.state {
            State::One(doc) => doc.take(),
            State::Lines {
                path,
                lines,
                line,
                buf,
                seen_record,
            } => loop {
                buf.clear();
                *line += 1;
                let limit = self.opts.max_bytes + 2;
                match lines.by_ref().take(limit).read_line(buf) {
                    Ok(0) => {
                        if !*seen_record {
                            *seen_record = true;
                            return Some(Err(IngestError::Empty { path: path.clone() }));
                        }
                        return None;
                    }
                    Ok(_) => {}
                    Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
                        // Skip the rest of the bad line so the next one can be read.
                        let mut sink = Vec::new();
                        let _ = lines.read_until(b'\n', &mut sink);
                        *seen_record = true;
                        return Some(Err(IngestError::JsonLine {
                            path: path.clone(),
                            line: *line,
                            reason: "not valid UTF-8".into(),
                        }));
                    }
                    Err(source) => {
                        // An unreadable stream (truncated gzip, I/O error) ends the input.
                        let err = IngestError::Io {
                            path: source_path(path, *line),
                            source,
                        };
                        self.state = State::One(None);
                        return Some(Err(err));
                    }
                }
                if buf.len() as u64 > self.opts.max_bytes && !buf.ends_with('\n') {
                    let mut sink = Vec::new();
                    let _ = lines.read_until(b'\n', &mut sink);
                    *seen_record = true;
                    return Some(Err(IngestError::TooLarge {
                        path: format!("{path}:{line}"),
                        size: (buf.len() + sink.len()) as u64,
                        limit: self.opts.max_bytes,
                    }));
                }
                if buf.trim().is_empty() {
                    continue;
                }
                *seen_record = true;
                return Some(parse_record(path, *line, buf, &self.opts));
            },
        }
    }
}

fn source_path(path: &str, line: usize) -> String {
    format!("{path}:{line}")
}

/// One record in the JSON lines format (`id`, `text` or `html`, optional `title`, `url`,
/// `published`, `outlet`), e.g. the body of the server's `POST /api/documents`. `source`
/// names it in errors.
pub fn parse_json_record(source: &str, json: &str) -> Result<Document, IngestError> {
    parse_record(source, 1, json, &ReadOptions::default())
}

fn parse_record(
    path: &str,
    line: usize,
    buf: &str,
    opts: &ReadOptions,
) -> Result<Document, IngestError> {
    let bad = |reason: String| IngestError::JsonLine {
        path: path.to_string(),
        line,
        reason,
    };
    let rec: Record =
        serde_json::from_str(buf.trim_end()).map_err(|e| bad(format!("not a JSON record: {e}")))?;
    let id = match rec.id {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => return Err(bad("missing \"id\" (a string or number)".into())),
    };
    let published = date_value(&rec.meta.published).map_err(&bad)?;
    let (text, page) = match (rec.text, rec.html) {
        (Some(t), _) if !t.trim().is_empty() => {
            let t = if t.contains('\r') {
                t.replace("\r\n", "\n")
            } else {
                t
            };
            (t, None)
        }
        (_, Some(h)) if !h.trim().is_empty() => {
            let page = html::extract(h.as_bytes());
            (page.text.clone(), Some(page))
        }
        _ => {
            return Err(IngestError::Empty {
                path: format!("{path}:{line} (record {id:?})"),
            })
        }
    };
    if text.trim().is_empty() {
        return Err(IngestError::Empty {
            path: format!("{path}:{line} (record {id:?})"),
        });
    }
    let mut doc = Document {
        id,
        path: None,
        title: empty_to_none(rec.meta.title),
        url: empty_to_none(rec.meta.url),
        published,
        outlet: empty_to_none(rec.meta.outlet),
        hash: hash(&text),
        text,
    };
    if let Some(p) = page {
        doc.title = doc.title.or(p.title);
        doc.url = doc.url.or(p.url);
        doc.published = doc.published.or(p.published);
        doc.outlet = doc.outlet.or(p.site_name);
    }
    apply_overrides(&mut doc, opts);
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn read_all(path: &Path) -> Vec<Result<Document, IngestError>> {
        Reader::open(Input::File(path.into()), &ReadOptions::default()).collect()
    }

    #[test]
    fn text_with_sidecar() {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(d.path().join("a.txt"), "Hamas said so.\r\n").unwrap();
        std::fs::write(
            d.path().join("a.meta.json"),
            r#"{"title":"T","published":"2017-02","outlet":"The Tower","url":null}"#,
        )
        .unwrap();
        let docs = read_all(&d.path().join("a.txt"));
        let doc = docs[0].as_ref().unwrap();
        assert_eq!(doc.id, "a");
        assert_eq!(doc.text, "Hamas said so.\n");
        assert_eq!(doc.published.unwrap().to_string(), "2017-02");
        assert_eq!(doc.outlet.as_deref(), Some("The Tower"));
        assert_eq!(doc.hash.len(), 64);
    }

    #[test]
    fn bad_inputs_name_the_file() {
        let d = tempfile::tempdir().unwrap();
        let cases: Vec<(&str, Vec<u8>, &str)> = vec![
            ("bin.txt", vec![0x7f, b'E', b'L', b'F', 0, 0, 1], "binary"),
            ("latin.txt", b"caf\xe9 au lait".to_vec(), "not valid UTF-8"),
            ("empty.txt", b"  \n".to_vec(), "empty"),
        ];
        for (name, bytes, want) in cases {
            let p = d.path().join(name);
            std::fs::write(&p, bytes).unwrap();
            let e = read_all(&p).remove(0).unwrap_err().to_string();
            assert!(e.contains(name) && e.contains(want), "{e}");
        }
        // a bad sidecar
        std::fs::write(d.path().join("s.txt"), "Text.").unwrap();
        std::fs::write(d.path().join("s.meta.json"), r#"{"published":"last year"}"#).unwrap();
        let e = read_all(&d.path().join("s.txt")).remove(0).unwrap_err();
        assert!(matches!(e, IngestError::Sidecar { .. }), "{e}");
    }

    #[test]
    fn jsonl_lines_fail_alone() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("r.jsonl");
        let mut f = File::create(&p).unwrap();
        writeln!(
            f,
            r#"{{"id":"a","text":"Iran backs Hamas.","published":"2020-01-02"}}"#
        )
        .unwrap();
        writeln!(f, r#"{{"id":"b","text": oops}}"#).unwrap();
        writeln!(f).unwrap();
        writeln!(
            f,
            r#"{{"id":7,"html":"<p>Hezbollah <b>attacked</b>.</p>"}}"#
        )
        .unwrap();
        writeln!(f, r#"{{"text":"no id"}}"#).unwrap();
        drop(f);
        let got = read_all(&p);
        assert_eq!(got.len(), 4);
        assert_eq!(got[0].as_ref().unwrap().id, "a");
        let e = got[1].as_ref().unwrap_err().to_string();
        assert!(e.contains("r.jsonl:2:"), "{e}");
        assert_eq!(got[2].as_ref().unwrap().text.trim(), "Hezbollah attacked.");
        assert!(got[3].as_ref().unwrap_err().to_string().contains(":5:"));
    }

    #[test]
    fn too_large_is_refused() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("big.txt");
        std::fs::write(&p, "word ".repeat(100)).unwrap();
        let opts = ReadOptions {
            max_bytes: 100,
            ..ReadOptions::default()
        };
        let e = Reader::open(Input::File(p), &opts)
            .next()
            .unwrap()
            .unwrap_err();
        assert!(e.to_string().contains("limit"), "{e}");
    }

    #[test]
    fn folder_walk_is_sorted_and_skips_sidecars() {
        let d = tempfile::tempdir().unwrap();
        std::fs::create_dir(d.path().join("sub")).unwrap();
        for n in [
            "b.txt",
            "a.txt",
            "a.meta.json",
            "x.gold.json",
            "sub/c.html",
            "notes.csv",
        ] {
            std::fs::write(d.path().join(n), "x").unwrap();
        }
        let got: Vec<String> = expand(&[d.path().into()])
            .into_iter()
            .map(|i| match i.unwrap() {
                Input::File(p) => p.strip_prefix(d.path()).unwrap().display().to_string(),
                Input::Stdin => "-".into(),
            })
            .collect();
        assert_eq!(got, ["a.txt", "b.txt", "sub/c.html"]);
    }
}
