//! HTML pages: charset detection, main-text extraction (navigation, scripts, ads and comments
//! dropped) and metadata from meta tags, JSON-LD and `<time>`.
//!
//! The main text is found the way Readability does it, in small: every paragraph scores its
//! parent by its length and commas, the best-scoring container wins, and its blocks become
//! paragraphs separated by blank lines.

use claimgraph_model::PartialDate;
use scraper::{ElementRef, Html, Node, Selector};
use std::collections::HashMap;

/// What a page yields.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// Main text, paragraphs separated by blank lines.
    pub text: String,
    /// Headline.
    pub title: Option<String>,
    /// Canonical address.
    pub url: Option<String>,
    /// Publication date.
    pub published: Option<PartialDate>,
    /// Site name.
    pub site_name: Option<String>,
}

/// True when the bytes start like an HTML document.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<body")
}

/// True when the bytes open with a UTF-16 byte order mark.
pub fn has_utf16_bom(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF])
}

/// Decode a page: BOM, then `<meta charset>` or `http-equiv`, then UTF-8 if valid, then the
/// detector's guess.
pub fn decode(bytes: &[u8]) -> String {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return enc
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned();
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    if let Some(label) = declared_charset(&head) {
        if let Some(enc) = encoding_rs::Encoding::for_label(label.as_bytes()) {
            // Pages often declare latin-1 but are UTF-8; trust valid UTF-8 first.
            if enc == encoding_rs::UTF_8 || std::str::from_utf8(bytes).is_err() {
                return enc.decode_without_bom_handling(bytes).0.into_owned();
            }
        }
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_string();
    }
    let mut det = chardetng::EncodingDetector::new();
    det.feed(bytes, true);
    det.guess(None, true)
        .decode_without_bom_handling(bytes)
        .0
        .into_owned()
}

fn declared_charset(head: &str) -> Option<String> {
    let i = head.find("charset=")?;
    let rest = &head[i + 8..];
    let rest = rest.trim_start_matches(['"', '\'']);
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(rest.len());
    Some(rest[..end].to_string()).filter(|s| !s.is_empty())
}

const DROP_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "nav",
    "aside",
    "footer",
    "form",
    "iframe",
    "svg",
    "button",
    "select",
    "textarea",
    "input",
    "template",
    "object",
    "embed",
    "canvas",
    "figcaption",
    "menu",
    "dialog",
    "head",
    "link",
    "meta",
];

const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "dl",
    "dt",
    "dd",
    "figure",
    "header",
    "hr",
    "br",
    "address",
    "center",
];

/// Class or id words that mark boilerplate.
const UNLIKELY: &[&str] = &[
    "comment",
    "share",
    "social",
    "related",
    "promo",
    "advert",
    "sponsor",
    "sidebar",
    "footer",
    "masthead",
    "menu",
    "subscribe",
    "newsletter",
    "popup",
    "modal",
    "cookie",
    "banner",
    "breadcrumb",
    "pagination",
    "outbrain",
    "taboola",
    "disqus",
    "signup",
    "rss",
    "skip",
    "tags",
    "byline-",
    "author-bio",
    "toolbar",
    "nav",
];

/// Class or id words that mark content (and keep an element that also matches `UNLIKELY`).
const LIKELY: &[&str] = &[
    "article", "body", "content", "main", "story", "post", "entry", "text",
];

fn unlikely(el: &ElementRef) -> bool {
    let v = el.value();
    if DROP_TAGS.contains(&v.name()) {
        return true;
    }
    if v.attr("hidden").is_some() || v.attr("aria-hidden") == Some("true") {
        return true;
    }
    if matches!(
        v.attr("role"),
        Some("navigation" | "complementary" | "banner" | "dialog")
    ) {
        return true;
    }
    let mut words = String::new();
    if let Some(c) = v.attr("class") {
        words.push_str(c);
    }
    if let Some(i) = v.attr("id") {
        words.push(' ');
        words.push_str(i);
    }
    if words.is_empty() {
        return false;
    }
    let w = words.to_ascii_lowercase();
    // Containers named "ad" exactly.
    let is_ad = w
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|t| t == "ad" || t == "ads");
    (is_ad || UNLIKELY.iter().any(|u| w.contains(u)))
        && !LIKELY.iter().any(|l| w.contains(l))
        && !matches!(v.name(), "body" | "article" | "main")
}

fn text_of(el: ElementRef) -> String {
    let mut s = String::new();
    collect_inline(el, &mut s);
    collapse_ws(&s)
}

fn collect_inline(el: ElementRef, out: &mut String) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(_) => {
                if let Some(c) = ElementRef::wrap(child) {
                    if !unlikely(&c) {
                        collect_inline(c, out);
                    }
                }
            }
            _ => {}
        }
    }
}

fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

fn sel(s: &str) -> Selector {
    // The selectors below are constants; a failure is a programming error caught by tests.
    Selector::parse(s).expect("valid selector")
}

/// Extract the main text and metadata of a page.
pub fn extract(bytes: &[u8]) -> Page {
    let html = decode(bytes);
    let doc = Html::parse_document(&html);
    let mut page = metadata(&doc);
    page.text = main_text(&doc);
    page
}

fn meta_content(doc: &Html, keys: &[&str]) -> Option<String> {
    let s = sel("meta");
    for key in keys {
        for m in doc.select(&s) {
            let v = m.value();
            let k = v
                .attr("property")
                .or_else(|| v.attr("name"))
                .or_else(|| v.attr("itemprop"));
            if k.is_some_and(|k| k.eq_ignore_ascii_case(key)) {
                if let Some(c) = v.attr("content").map(collapse_ws).filter(|c| !c.is_empty()) {
                    return Some(c);
                }
            }
        }
    }
    None
}

fn json_ld(doc: &Html) -> Vec<serde_json::Value> {
    let mut out = Vec::new();
    for s in doc.select(&sel(r#"script[type="application/ld+json"]"#)) {
        let raw: String = s.text().collect();
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(raw.trim()) {
            flatten_ld(v, &mut out);
        }
    }
    out
}

fn flatten_ld(v: serde_json::Value, out: &mut Vec<serde_json::Value>) {
    match v {
        serde_json::Value::Array(a) => a.into_iter().for_each(|x| flatten_ld(x, out)),
        serde_json::Value::Object(mut o) => {
            if let Some(g) = o.remove("@graph") {
                flatten_ld(g, out);
            }
            out.push(serde_json::Value::Object(o));
        }
        _ => {}
    }
}

fn ld_str(items: &[serde_json::Value], path: &[&str]) -> Option<String> {
    for it in items {
        let mut cur = it;
        let mut ok = true;
        for p in path {
            match cur.get(p) {
                Some(serde_json::Value::Array(a)) if !a.is_empty() => cur = &a[0],
                Some(v) => cur = v,
                None => {
                    ok = false;
                    break;
                }
            }
        }
        if ok {
            if let Some(s) = cur.as_str().map(collapse_ws).filter(|s| !s.is_empty()) {
                return Some(s);
            }
        }
    }
    None
}

fn metadata(doc: &Html) -> Page {
    let ld = json_ld(doc);
    let title = meta_content(doc, &["og:title", "twitter:title", "dc.title"])
        .or_else(|| ld_str(&ld, &["headline"]))
        .or_else(|| {
            doc.select(&sel("title"))
                .next()
                .map(text_of)
                .filter(|t| !t.is_empty())
        })
        .or_else(|| {
            doc.select(&sel("h1"))
                .next()
                .map(text_of)
                .filter(|t| !t.is_empty())
        });
    let url = doc
        .select(&sel(r#"link[rel="canonical"]"#))
        .find_map(|l| l.value().attr("href").map(str::to_string))
        .or_else(|| meta_content(doc, &["og:url", "twitter:url"]))
        .or_else(|| ld_str(&ld, &["url"]).filter(|u| u.starts_with("http")));
    let published = meta_content(
        doc,
        &[
            "article:published_time",
            "og:published_time",
            "datePublished",
            "pubdate",
            "publishdate",
            "publish-date",
            "date",
            "dc.date",
            "dc.date.issued",
            "dcterms.created",
            "sailthru.date",
            "parsely-pub-date",
        ],
    )
    .or_else(|| ld_str(&ld, &["datePublished"]))
    .or_else(|| {
        doc.select(&sel("time[datetime]"))
            .find_map(|t| t.value().attr("datetime").map(str::to_string))
    })
    .and_then(|d| PartialDate::parse(&d));
    let site_name = meta_content(doc, &["og:site_name", "application-name", "twitter:site"])
        .map(|s| s.trim_start_matches('@').to_string())
        .or_else(|| ld_str(&ld, &["publisher", "name"]));
    Page {
        text: String::new(),
        title,
        url,
        published,
        site_name,
    }
}

fn main_text(doc: &Html) -> String {
    // Score containers by the paragraphs they hold.
    let mut scores: HashMap<ego_id::Id, (f64, ElementRef)> = HashMap::new();
    for p in doc.select(&sel("p, pre, td, blockquote")) {
        if p.ancestors()
            .filter_map(ElementRef::wrap)
            .any(|a| unlikely(&a))
            || unlikely(&p)
        {
            continue;
        }
        let t = text_of(p);
        if t.len() < 25 {
            continue;
        }
        let score = 1.0 + t.matches(',').count() as f64 + (t.len() as f64 / 100.0).min(3.0);
        for (level, anc) in p
            .ancestors()
            .filter_map(ElementRef::wrap)
            .take(3)
            .enumerate()
        {
            let share = match level {
                0 => 1.0,
                1 => 0.5,
                _ => 1.0 / 6.0,
            };
            let e = scores.entry(ego_id::of(&anc)).or_insert((0.0, anc));
            e.0 += score * share;
        }
    }
    let best = scores
        .values()
        .filter(|(_, e)| e.value().name() != "html")
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, e)| *e);
    let root = match best.or_else(|| doc.select(&sel("body")).next()) {
        Some(r) => r,
        None => return String::new(),
    };
    let mut blocks = Vec::new();
    let mut cur = String::new();
    blocks_of(root, &mut blocks, &mut cur);
    flush(&mut blocks, &mut cur);
    blocks.join("\n\n")
}

fn flush(blocks: &mut Vec<String>, cur: &mut String) {
    let t = collapse_ws(cur);
    if !t.is_empty() {
        blocks.push(t);
    }
    cur.clear();
}

fn blocks_of(el: ElementRef, blocks: &mut Vec<String>, cur: &mut String) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => cur.push_str(t),
            Node::Element(e) => {
                let Some(c) = ElementRef::wrap(child) else {
                    continue;
                };
                if unlikely(&c) {
                    continue;
                }
                if BLOCK_TAGS.contains(&e.name()) {
                    flush(blocks, cur);
                    blocks_of(c, blocks, cur);
                    flush(blocks, cur);
                } else {
                    blocks_of(c, blocks, cur);
                }
            }
            _ => {}
        }
    }
}

/// Node identity for the score table.
mod ego_id {
    use scraper::ElementRef;
    /// A node's id in its tree.
    pub type Id = ego_tree::NodeId;
    /// The id of an element.
    pub fn of(e: &ElementRef) -> Id {
        e.id()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn main_text_and_metadata() {
        let page = br#"<!doctype html><html><head><meta charset="utf-8">
<title>Site | Headline</title><meta property="og:title" content="Headline">
<meta property="og:site_name" content="The Outlet">
<link rel="canonical" href="https://example.org/a">
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-06-01T10:00:00Z"}</script>
<script>alert(1)</script></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="sidebar-ad">Buy now, buy now, buy now, really cheap, today only.</div>
<article><h1>Headline</h1>
<p>Iran supplied rockets to Hezbollah, officials said, according to the report.</p>
<p>The group, which is based in Lebanon, denied it, and said so again on Monday.</p>
</article>
<div id="comments"><p>First comment, I disagree with this article, strongly, very.</p></div>
<footer>Copyright</footer></body></html>"#;
        let p = extract(page);
        assert_eq!(p.title.as_deref(), Some("Headline"));
        assert_eq!(p.site_name.as_deref(), Some("The Outlet"));
        assert_eq!(p.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(p.published.unwrap().to_string(), "2019-06-01");
        assert!(
            p.text.contains("Iran supplied rockets to Hezbollah"),
            "{}",
            p.text
        );
        assert!(p.text.contains("\n\nThe group"), "{}", p.text);
        for junk in ["alert", "Home", "Buy now", "First comment", "Copyright"] {
            assert!(!p.text.contains(junk), "{junk} in {}", p.text);
        }
    }

    #[test]
    fn charset_from_meta() {
        let mut page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head><body><p>Caf".to_vec();
        page.extend_from_slice(
            b"\xe9 in the capital, where officials met the delegation.</p></body></html>",
        );
        let p = extract(&page);
        assert!(p.text.contains("Café"), "{}", p.text);
    }
}
