//! `claimgraph serve`: the JSON API over the evidence graph and the web page that draws it.
//!
//! Every answer comes from the same [`Store`] queries as the CLI (one query layer); this crate
//! only parses parameters, pages lists, and turns errors into JSON. Queries run on blocking
//! threads, each with its own read connection from a small pool, so that the server keeps
//! answering while an ingest writes (SQLite WAL).
//!
//! Safety: document text reaches the page only through `textContent` (the page never uses
//! `innerHTML` with data); every response carries a Content-Security-Policy that allows only
//! the server's own scripts and styles; request bodies, query strings and handling time are
//! bounded; writes (`POST /api/documents`) are off unless enabled, and then need a bearer token.

mod layout;
pub mod openapi;

use axum::body::Bytes;
use axum::extract::{Path, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use claimgraph_relations::Extractor;
use claimgraph_store::{EdgeFilter, Outcome, SourceGrades, Store, StoreError};
use serde::Deserialize;
use serde_json::{json, Value};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How the server runs.
pub struct Config {
    /// The database file.
    pub db: PathBuf,
    /// Source reliability grades.
    pub grades: SourceGrades,
    /// Accept `POST /api/documents` with this bearer token.
    pub ingest_token: Option<String>,
    /// The extractor for posted documents.
    pub extractor: Option<Extractor>,
    /// Largest request body, bytes.
    pub max_body: usize,
    /// Longest query string, bytes.
    pub max_query: usize,
    /// Longest time to answer one request.
    pub timeout: Duration,
}

impl Config {
    /// Read-only defaults for a database.
    pub fn new(db: PathBuf) -> Config {
        Config {
            db,
            grades: SourceGrades::default(),
            ingest_token: None,
            extractor: None,
            max_body: 2 << 20,
            max_query: 4096,
            timeout: Duration::from_secs(20),
        }
    }
}

/// Shared by all requests.
pub struct AppState {
    cfg: Config,
    pool: Mutex<Vec<Store>>,
    writer: Option<Mutex<Store>>,
}

impl AppState {
    /// Open the database (migrating it if it is older) and, when ingest is on, a writer.
    pub fn open(cfg: Config) -> Result<Arc<AppState>, StoreError> {
        let mut first = Store::open(&cfg.db)?;
        first.set_source_grades(cfg.grades.clone());
        let writer = if cfg.ingest_token.is_some() {
            Some(Mutex::new(Store::open(&cfg.db)?))
        } else {
            None
        };
        Ok(Arc::new(AppState {
            cfg,
            pool: Mutex::new(vec![first]),
            writer,
        }))
    }

    fn take(&self) -> Result<Store, ApiError> {
        if let Some(s) = self.pool.lock().ok().and_then(|mut p| p.pop()) {
            return Ok(s);
        }
        let mut s = Store::open(&self.cfg.db).map_err(ApiError::store)?;
        s.set_source_grades(self.cfg.grades.clone());
        Ok(s)
    }

    fn give(&self, s: Store) {
        if let Ok(mut p) = self.pool.lock() {
            if p.len() < 32 {
                p.push(s);
            }
        }
    }
}

/// An error answer: `{"error": message, "status": code}`.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
        }
    }
    fn bad(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }
    fn store(e: StoreError) -> ApiError {
        match e {
            StoreError::Lookup(m) => ApiError::new(StatusCode::NOT_FOUND, m),
            other => ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, other.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (
            self.status,
            Json(json!({"error": self.message, "status": self.status.as_u16()})),
        )
            .into_response()
    }
}

type ApiResult = Result<Json<Value>, ApiError>;

/// Run a query on a pooled read connection, off the async threads.
async fn query<F>(st: &Arc<AppState>, f: F) -> ApiResult
where
    F: FnOnce(&Store) -> Result<Value, ApiError> + Send + 'static,
{
    let st = st.clone();
    tokio::task::spawn_blocking(move || {
        let store = st.take()?;
        let out = f(&store);
        st.give(store);
        out
    })
    .await
    .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?
    .map(Json)
}

/// Query parameters; a bad one is a JSON 400 that names it.
struct Q<T>(T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned> axum::extract::FromRequestParts<S> for Q<T> {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, Self::Rejection> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(v)| Q(v))
            .map_err(|e| ApiError::bad(e.body_text()))
    }
}

/// Paging parameters: `limit` (default 100, at most 5000) and `offset`.
#[derive(Debug, Deserialize, Default)]
struct PageQ {
    limit: Option<usize>,
    offset: Option<usize>,
}

impl PageQ {
    fn limit(&self) -> usize {
        self.limit.unwrap_or(100).clamp(1, 5000)
    }
    fn offset(&self) -> usize {
        self.offset.unwrap_or(0)
    }
}

/// A page of a list that was read whole.
fn page<T: serde::Serialize>(items: Vec<T>, p: &PageQ) -> Result<Value, ApiError> {
    let total = items.len();
    let (limit, offset) = (p.limit(), p.offset());
    let items: Vec<T> = items.into_iter().skip(offset).take(limit).collect();
    Ok(json!({
        "items": to_value(&items)?, "total": total, "limit": limit, "offset": offset,
        "more": offset + items.len() < total,
    }))
}

fn to_value<T: serde::Serialize>(v: &T) -> Result<Value, ApiError> {
    serde_json::to_value(v)
        .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))
}

/// An edge as the API shows it: the store's fields plus id-free extras the page needs.
fn edge_value(e: &claimgraph_store::Edge) -> Value {
    let mut v = serde_json::to_value(e).unwrap_or_default();
    v["grade"] = e.grade().into();
    v["unconfirmed"] = e.unconfirmed().into();
    v["family"] = claimgraph_export::family(&e.category).into();
    v["tags"] = claimgraph_export::misp_tags(&e.grade()).into();
    v
}

fn resolve(s: &Store, name: Option<&str>) -> Result<Option<String>, ApiError> {
    match name.map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) => s.resolve_actor(n).map(Some).map_err(ApiError::store),
        None => Ok(None),
    }
}

fn check_date(name: &str, d: &Option<String>) -> Result<(), ApiError> {
    if let Some(d) = d {
        if claimgraph_model::PartialDate::parse(d).is_none() {
            return Err(ApiError::bad(format!(
                "{name}={d:?} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"
            )));
        }
    }
    Ok(())
}

/// The edge filters, as in `claimgraph edges`.
#[derive(Debug, Deserialize, Default, Clone)]
struct EdgeQ {
    actor: Option<String>,
    /// Two actors separated by a comma.
    between: Option<String>,
    category: Option<String>,
    min_origins: Option<i64>,
    since: Option<String>,
    until: Option<String>,
    stance: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
}

const CATEGORIES: [&str; 19] = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
    "AFFILIATE",
    "LEADS",
    "MEMBER",
];
const STANCES: [&str; 6] = [
    "asserted",
    "alleged",
    "reported",
    "confirmed",
    "denied",
    "assessed",
];

impl EdgeQ {
    fn filter(&self, s: &Store) -> Result<EdgeFilter, ApiError> {
        check_date("since", &self.since)?;
        check_date("until", &self.until)?;
        let category = self
            .category
            .as_deref()
            .filter(|c| !c.is_empty())
            .map(str::to_ascii_uppercase);
        if let Some(c) = &category {
            if !CATEGORIES.contains(&c.as_str()) {
                return Err(ApiError::bad(format!(
                    "category={c:?} is not one of {}",
                    CATEGORIES.join(", ")
                )));
            }
        }
        let stance = self.stance.clone().filter(|c| !c.is_empty());
        if let Some(c) = &stance {
            if !STANCES.contains(&c.as_str()) {
                return Err(ApiError::bad(format!(
                    "stance={c:?} is not one of {}",
                    STANCES.join(", ")
                )));
            }
        }
        let between = match self.between.as_deref().filter(|b| !b.is_empty()) {
            Some(b) => {
                let (a, c) = b.split_once(',').ok_or_else(|| {
                    ApiError::bad("between= takes two actors separated by a comma")
                })?;
                Some((
                    s.resolve_actor(a.trim()).map_err(ApiError::store)?,
                    s.resolve_actor(c.trim()).map_err(ApiError::store)?,
                ))
            }
            None => None,
        };
        Ok(EdgeFilter {
            actor: resolve(s, self.actor.as_deref())?,
            between,
            category,
            min_origins: self.min_origins,
            since: self.since.clone().filter(|x| !x.is_empty()),
            until: self.until.clone().filter(|x| !x.is_empty()),
            stance,
            limit: None,
        })
    }
    fn page(&self) -> PageQ {
        PageQ {
            limit: self.limit,
            offset: self.offset,
        }
    }
}

async fn edges(State(st): State<Arc<AppState>>, Q(q): Q<EdgeQ>) -> ApiResult {
    query(&st, move |s| {
        let f = q.filter(s)?;
        let e = s.edges(&f).map_err(ApiError::store)?;
        let items: Vec<Value> = e.iter().map(edge_value).collect();
        page(items, &q.page())
    })
    .await
}

/// The network view's data: the filtered edges (at most `limit`, strongest first), their
/// actors with degree and a deterministic layout. With `actor`, the actor and its neighbours,
/// the actor at the centre.
async fn graph(State(st): State<Arc<AppState>>, Q(q): Q<EdgeQ>) -> ApiResult {
    query(&st, move |s| {
        let mut f = q.filter(s)?;
        f.limit = Some(q.limit.unwrap_or(5000).clamp(1, 20000));
        let edges = s.edges(&f).map_err(ApiError::store)?;
        let mut ids: Vec<String> = Vec::new();
        let mut index = std::collections::HashMap::new();
        let mut names = std::collections::HashMap::new();
        let mut degree: Vec<usize> = Vec::new();
        let mut pairs = Vec::new();
        for e in &edges {
            let mut ends = [0usize; 2];
            for (k, (id, name)) in [(&e.subject, &e.subject_name), (&e.object, &e.object_name)]
                .into_iter()
                .enumerate()
            {
                let i = *index.entry(id.clone()).or_insert_with(|| {
                    ids.push(id.clone());
                    degree.push(0);
                    ids.len() - 1
                });
                names.insert(id.clone(), name.clone());
                degree[i] += 1;
                ends[k] = i;
            }
            pairs.push((ends[0], ends[1], e.origins as f64));
        }
        let pin = f.actor.as_ref().and_then(|a| index.get(a).copied());
        let pos = layout::layout(&ids, &pairs, pin);
        let kinds: std::collections::HashMap<String, (String, bool)> = ids
            .iter()
            .filter_map(|id| s.actor_kind(id).ok().flatten().map(|k| (id.clone(), k)))
            .collect();
        let nodes: Vec<Value> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| {
                let (kind, known) = kinds
                    .get(id)
                    .cloned()
                    .unwrap_or(("organization".into(), false));
                json!({"id": id, "name": names[id], "type": kind, "known": known,
                       "degree": degree[i], "x": pos[i].0, "y": pos[i].1})
            })
            .collect();
        let items: Vec<Value> = edges
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let mut v = edge_value(e);
                v["id"] = claimgraph_export::edge_id(i).into();
                v
            })
            .collect();
        Ok(json!({"nodes": nodes, "edges": items, "center": f.actor}))
    })
    .await
}

#[derive(Debug, Deserialize)]
struct ActorsQ {
    #[serde(rename = "type")]
    kind: Option<String>,
    search: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
}

async fn actors(State(st): State<Arc<AppState>>, Q(q): Q<ActorsQ>) -> ApiResult {
    query(&st, move |s| {
        let a = s
            .actors(
                q.kind.as_deref().filter(|x| !x.is_empty()),
                q.search.as_deref().filter(|x| !x.is_empty()),
            )
            .map_err(ApiError::store)?;
        page(
            a,
            &PageQ {
                limit: q.limit,
                offset: q.offset,
            },
        )
    })
    .await
}

async fn actor(State(st): State<Arc<AppState>>, Path(name): Path<String>) -> ApiResult {
    query(&st, move |s| {
        let id = s.resolve_actor(&name).map_err(ApiError::store)?;
        let (row, aliases, children) = s.actor(&id).map_err(ApiError::store)?;
        let parent = match &row.part_of {
            Some(p) => s.actor_row(p).map_err(ApiError::store)?,
            None => None,
        };
        let edges = s
            .edges(&EdgeFilter {
                actor: Some(id.clone()),
                ..EdgeFilter::default()
            })
            .map_err(ApiError::store)?;
        let mut by_category: std::collections::BTreeMap<String, Vec<Value>> = Default::default();
        for e in &edges {
            by_category
                .entry(e.category.clone())
                .or_default()
                .push(edge_value(e));
        }
        Ok(json!({
            "actor": to_value(&row)?, "aliases": aliases, "parent": to_value(&parent)?,
            "children": to_value(&children)?, "relations": by_category,
        }))
    })
    .await
}

#[derive(Debug, Deserialize)]
struct EvidenceQ {
    subject: Option<String>,
    object: Option<String>,
    category: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
}

async fn evidence(State(st): State<Arc<AppState>>, Q(q): Q<EvidenceQ>) -> ApiResult {
    query(&st, move |s| {
        let (Some(a), Some(b)) = (
            resolve(s, q.subject.as_deref())?,
            resolve(s, q.object.as_deref())?,
        ) else {
            return Err(ApiError::bad("evidence needs subject= and object="));
        };
        let p = PageQ {
            limit: q.limit,
            offset: q.offset,
        };
        let category = q.category.as_deref().filter(|c| !c.is_empty());
        let mut items = s
            .evidence_page(&a, &b, category, p.limit() + 1, p.offset())
            .map_err(ApiError::store)?;
        let more = items.len() > p.limit();
        items.truncate(p.limit());
        Ok(
            json!({"items": to_value(&items)?, "limit": p.limit(), "offset": p.offset(),
                  "more": more, "total": null}),
        )
    })
    .await
}

#[derive(Debug, Deserialize)]
struct TimelineQ {
    actor: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
}

async fn timeline(State(st): State<Arc<AppState>>, Q(q): Q<TimelineQ>) -> ApiResult {
    query(&st, move |s| {
        let a = resolve(s, q.actor.as_deref())?;
        let c = s.timeline(a.as_deref()).map_err(ApiError::store)?;
        page(
            c,
            &PageQ {
                limit: q.limit,
                offset: q.offset,
            },
        )
    })
    .await
}

async fn disputes(State(st): State<Arc<AppState>>, Q(p): Q<PageQ>) -> ApiResult {
    query(&st, move |s| {
        let d = s.disputes().map_err(ApiError::store)?;
        page(d.iter().map(edge_value).collect::<Vec<_>>(), &p)
    })
    .await
}

#[derive(Debug, Deserialize)]
struct SearchQ {
    q: Option<String>,
    limit: Option<usize>,
}

async fn search(State(st): State<Arc<AppState>>, Q(q): Q<SearchQ>) -> ApiResult {
    query(&st, move |s| {
        let words = q.q.unwrap_or_default();
        if words.trim().is_empty() {
            return Err(ApiError::bad("search needs q="));
        }
        let limit = q.limit.unwrap_or(50).clamp(1, 500);
        let hits = s
            .search(&words, limit)
            .map_err(|e| ApiError::bad(e.to_string()))?;
        Ok(
            json!({"items": to_value(&hits)?, "limit": limit, "offset": 0,
                  "more": hits.len() == limit, "total": null}),
        )
    })
    .await
}

async fn document(State(st): State<Arc<AppState>>, Path(id): Path<String>) -> ApiResult {
    query(&st, move |s| {
        s.document(&id)
            .map_err(ApiError::store)?
            .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, format!("no document {id:?}")))
    })
    .await
}

async fn stats(State(st): State<Arc<AppState>>) -> ApiResult {
    query(&st, move |s| to_value(&s.stats().map_err(ApiError::store)?)).await
}

async fn openapi_doc() -> Json<Value> {
    Json(openapi::document())
}

/// `POST /api/documents`: one record as in the JSON lines input (`id`, `text` or `html`,
/// optional `title`, `url`, `published`, `outlet`), extracted and stored.
async fn post_document(
    State(st): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Result<Bytes, axum::extract::rejection::BytesRejection>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let Some(token) = st.cfg.ingest_token.clone() else {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "writes are off: start the server with --allow-ingest --token-file FILE",
        ));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    if !same(given.as_bytes(), token.as_bytes()) {
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "a valid bearer token is required (Authorization: Bearer TOKEN)",
        ));
    }
    let body = body.map_err(|e| ApiError::new(e.status(), e.body_text()))?;
    let text = std::str::from_utf8(&body).map_err(|_| ApiError::bad("the body is not UTF-8"))?;
    let doc = claimgraph_ingest::parse_json_record("request body", text)
        .map_err(|e| ApiError::bad(e.to_string()))?;
    let st2 = st.clone();
    let out = tokio::task::spawn_blocking(move || -> Result<Value, ApiError> {
        let ex = st2
            .cfg
            .extractor
            .as_ref()
            .ok_or_else(|| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "no extractor"))?;
        let x = ex
            .try_extract(&doc)
            .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e))?;
        let writer = st2
            .writer
            .as_ref()
            .ok_or_else(|| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "no writer"))?;
        let mut w = writer
            .lock()
            .map_err(|_| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "writer poisoned"))?;
        let mut b = w.batch().map_err(ApiError::store)?;
        let outcome = b.put(&doc, &x).map_err(ApiError::store)?;
        b.commit().map_err(ApiError::store)?;
        Ok(json!({
            "id": doc.id,
            "outcome": match outcome { Outcome::New => "new", Outcome::Replaced => "replaced", Outcome::Unchanged => "unchanged" },
            "actors": x.actors.len(), "claims": x.relations.len(), "words": x.words,
        }))
    })
    .await
    .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))??;
    Ok((StatusCode::CREATED, Json(out)))
}

/// Constant-time comparison of a token.
fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

const INDEX: &str = include_str!("../web/index.html");
const APP_JS: &str = include_str!("../web/app.js");
const APP_CSS: &str = include_str!("../web/app.css");

fn asset(body: &'static str, kind: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, kind),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response()
}

/// The Content-Security-Policy of every response: the server's own scripts, styles and API,
/// nothing inline, nothing from elsewhere.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// Security headers, the query-size limit and the timeout, around every request.
async fn guard(st: State<Arc<AppState>>, req: Request, next: Next) -> Response {
    let too_long = req
        .uri()
        .query()
        .is_some_and(|q| q.len() > st.cfg.max_query);
    let mut resp = if too_long {
        ApiError::new(
            StatusCode::URI_TOO_LONG,
            format!("the query string is longer than {} bytes", st.cfg.max_query),
        )
        .into_response()
    } else {
        match tokio::time::timeout(st.cfg.timeout, next.run(req)).await {
            Ok(r) => r,
            Err(_) => ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                format!(
                    "the request took longer than {} s; narrow it with filters or a limit",
                    st.cfg.timeout.as_secs()
                ),
            )
            .into_response(),
        }
    };
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    resp
}

async fn not_found(req: Request) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        format!("no such path: {}; see /api/openapi.json", req.uri().path()),
    )
}

/// The application: API, page and guards.
pub fn router(st: Arc<AppState>) -> Router {
    Router::new()
        .route(
            "/",
            get(|| async { asset(INDEX, "text/html; charset=utf-8") }),
        )
        .route(
            "/app.js",
            get(|| async { asset(APP_JS, "text/javascript; charset=utf-8") }),
        )
        .route(
            "/app.css",
            get(|| async { asset(APP_CSS, "text/css; charset=utf-8") }),
        )
        .route("/favicon.ico", get(|| async { StatusCode::NO_CONTENT }))
        .route("/api/openapi.json", get(openapi_doc))
        .route("/api/actors", get(actors))
        .route("/api/actors/{id}", get(actor))
        .route("/api/edges", get(edges))
        .route("/api/graph", get(graph))
        .route("/api/evidence", get(evidence))
        .route("/api/timeline", get(timeline))
        .route("/api/disputes", get(disputes))
        .route("/api/search", get(search))
        .route("/api/documents", axum::routing::post(post_document))
        .route("/api/documents/{id}", get(document))
        .route("/api/stats", get(stats))
        .fallback(not_found)
        .layer(axum::extract::DefaultBodyLimit::max(st.cfg.max_body))
        .layer(axum::middleware::from_fn_with_state(st.clone(), guard))
        .with_state(st)
}

/// Serve until Ctrl-C. `ready` is called with the bound address (useful with port 0).
pub fn serve(
    st: Arc<AppState>,
    addr: std::net::SocketAddr,
    ready: impl FnOnce(std::net::SocketAddr),
) -> std::io::Result<()> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|e| std::io::Error::new(e.kind(), format!("cannot listen on {addr}: {e}")))?;
        ready(listener.local_addr()?);
        axum::serve(listener, router(st))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
    })
}
