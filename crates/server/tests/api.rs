//! The JSON API over the shared dev corpus: real answers, the same as the store's queries;
//! every response checked against the OpenAPI document; errors; writes; safety headers; reads
//! while a writer holds a transaction.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use claimgraph_server::{openapi, router, AppState, Config};
use claimgraph_store::{EdgeFilter, Store};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use std::sync::Arc;
use tower::ServiceExt;

async fn call(
    st: &Arc<AppState>,
    req: Request<Body>,
) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let resp = router(st.clone()).oneshot(req).await.unwrap();
    let status = resp.status();
    let headers = resp.headers().clone();
    let body = resp
        .into_body()
        .collect()
        .await
        .unwrap()
        .to_bytes()
        .to_vec();
    (status, headers, body)
}

async fn get(st: &Arc<AppState>, uri: &str) -> (StatusCode, Value) {
    let (s, h, b) = call(st, Request::get(uri).body(Body::empty()).unwrap()).await;
    assert!(
        h.get("content-security-policy").is_some(),
        "{uri}: no CSP header"
    );
    let v = serde_json::from_slice(&b)
        .unwrap_or_else(|e| panic!("{uri}: not JSON ({e}): {}", String::from_utf8_lossy(&b)));
    (s, v)
}

/// A small JSON Schema check for the subset the OpenAPI document uses: type (one or several),
/// enum, properties, required, additionalProperties (false or a schema), items, oneOf and
/// `$ref` into components. Returns the first mismatch.
fn check(doc: &Value, schema: &Value, v: &Value, at: &str) -> Result<(), String> {
    if let Some(r) = schema.get("$ref").and_then(|r| r.as_str()) {
        let name = r.trim_start_matches("#/components/schemas/");
        let s = &doc["components"]["schemas"][name];
        assert!(!s.is_null(), "no schema {name}");
        return check(doc, s, v, at);
    }
    if let Some(alts) = schema.get("oneOf").and_then(|a| a.as_array()) {
        let ok = alts.iter().filter(|a| check(doc, a, v, at).is_ok()).count();
        return if ok == 1 {
            Ok(())
        } else {
            Err(format!("{at}: matches {ok} of oneOf"))
        };
    }
    if let Some(t) = schema.get("type") {
        let types: Vec<&str> = match t {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(|x| x.as_str()).collect(),
            _ => vec![],
        };
        let is = |t: &str| match t {
            "null" => v.is_null(),
            "string" => v.is_string(),
            "integer" => v.is_i64() || v.is_u64(),
            "number" => v.is_number(),
            "boolean" => v.is_boolean(),
            "array" => v.is_array(),
            "object" => v.is_object(),
            _ => false,
        };
        if !types.iter().any(|t| is(t)) {
            return Err(format!("{at}: {v} is not {types:?}"));
        }
    }
    if let Some(e) = schema.get("enum").and_then(|e| e.as_array()) {
        if !e.contains(v) {
            return Err(format!("{at}: {v} not in {e:?}"));
        }
    }
    if let (Some(min), Some(n)) = (schema.get("minimum").and_then(|m| m.as_i64()), v.as_i64()) {
        if n < min {
            return Err(format!("{at}: {n} < {min}"));
        }
    }
    if let Some(obj) = v.as_object() {
        let props = schema.get("properties").and_then(|p| p.as_object());
        if let Some(req) = schema.get("required").and_then(|r| r.as_array()) {
            for r in req {
                if !obj.contains_key(r.as_str().unwrap()) {
                    return Err(format!("{at}: missing {r}"));
                }
            }
        }
        for (k, x) in obj {
            match props.and_then(|p| p.get(k)) {
                Some(ps) => check(doc, ps, x, &format!("{at}.{k}"))?,
                None => match schema.get("additionalProperties") {
                    Some(Value::Bool(false)) => {
                        return Err(format!("{at}: {k} is not in the OpenAPI document"))
                    }
                    Some(s @ Value::Object(_)) => check(doc, s, x, &format!("{at}.{k}"))?,
                    _ => {}
                },
            }
        }
    }
    if let (Some(items), Some(a)) = (schema.get("items"), v.as_array()) {
        for (i, x) in a.iter().enumerate() {
            check(doc, items, x, &format!("{at}[{i}]"))?;
        }
    }
    Ok(())
}

/// The OpenAPI response schema of a path for a status.
fn response_schema(doc: &Value, path: &str, status: u16) -> Value {
    let op = &doc["paths"][path]["get"];
    assert!(!op.is_null(), "{path} is not in the OpenAPI document");
    op["responses"][status.to_string()]["content"]["application/json"]["schema"].clone()
}

#[tokio::test(flavor = "multi_thread")]
async fn every_endpoint_answers_as_its_openapi_document_says() {
    let d = tempfile::tempdir().unwrap();
    let st = common::state(&common::dev_db(d.path()));
    let (s, doc) = get(&st, "/api/openapi.json").await;
    assert_eq!(s, 200);
    assert_eq!(doc, openapi::document());
    let cases = [
        ("/api/stats", "/api/stats"),
        ("/api/actors?limit=5&offset=2", "/api/actors"),
        ("/api/actors?type=state", "/api/actors"),
        ("/api/actors/Hizballah", "/api/actors/{id}"),
        ("/api/actors/IRGC", "/api/actors/{id}"),
        ("/api/edges?actor=Iran", "/api/edges"),
        (
            "/api/edges?between=Iran,Hizballah&category=aid",
            "/api/edges",
        ),
        (
            "/api/edges?since=2015&until=2020&stance=asserted",
            "/api/edges",
        ),
        ("/api/graph", "/api/graph"),
        ("/api/graph?actor=Hamas&min_origins=1", "/api/graph"),
        (
            "/api/evidence?subject=Iran&object=Hizballah",
            "/api/evidence",
        ),
        ("/api/timeline?actor=Iran", "/api/timeline"),
        ("/api/timeline", "/api/timeline"),
        ("/api/disputes", "/api/disputes"),
        ("/api/search?q=weapons", "/api/search"),
        ("/api/documents/d01", "/api/documents/{id}"),
        ("/api/actors/Nobody%20At%20All", "/api/actors/{id}"),
        ("/api/edges?category=HUGS", "/api/edges"),
        ("/api/documents/missing", "/api/documents/{id}"),
    ];
    for (uri, path) in cases {
        let (s, v) = get(&st, uri).await;
        let schema = response_schema(&doc, path, s.as_u16());
        assert!(
            !schema.is_null(),
            "{uri}: status {s} is not documented for {path}"
        );
        if let Err(e) = check(&doc, &schema, &v, uri) {
            panic!("{e}\n{v:#}");
        }
    }
    // The checker itself rejects what it must.
    let edge = response_schema(&doc, "/api/edges", 200);
    assert!(check(
        &doc,
        &edge,
        &json!({"items": [], "total": 0, "limit": 1, "offset": 0}),
        "x"
    )
    .is_err());
    assert!(check(
        &doc,
        &edge,
        &json!({"items": [], "total": 0, "limit": 1, "offset": 0, "more": false, "extra": 1}),
        "x"
    )
    .is_err());
    assert!(check(
        &doc,
        &edge,
        &json!({"items": [{"subject": 1}], "total": 0, "limit": 1, "offset": 0, "more": false}),
        "x"
    )
    .is_err());
}

#[tokio::test(flavor = "multi_thread")]
async fn the_api_gives_the_stores_answers() {
    let d = tempfile::tempdir().unwrap();
    let db = common::dev_db(d.path());
    let st = common::state(&db);
    let store = Store::open(&db).unwrap();

    // Edges: the same as the store's query (the CLI's `edges`), strongest first.
    let (_, v) = get(&st, "/api/edges?actor=Iran&limit=5000").await;
    let want = store
        .edges(&EdgeFilter {
            actor: Some("st_iran".into()),
            ..EdgeFilter::default()
        })
        .unwrap();
    let got = v["items"].as_array().unwrap();
    assert_eq!(got.len(), want.len());
    assert_eq!(v["total"].as_u64().unwrap() as usize, want.len());
    for (g, w) in got.iter().zip(&want) {
        assert_eq!(
            (
                g["subject"].as_str(),
                g["category"].as_str(),
                g["object"].as_str()
            ),
            (
                Some(w.subject.as_str()),
                Some(w.category.as_str()),
                Some(w.object.as_str())
            )
        );
        assert_eq!(g["grade"], w.grade());
        assert_eq!(g["origins"], w.origins);
    }
    // Iran arms and funds Hizballah, by two independent origins.
    let (_, v) = get(&st, "/api/edges?between=Hezbollah,Tehran&category=AID").await;
    let e = &v["items"][0];
    assert_eq!(
        (e["subject"].as_str(), e["object"].as_str()),
        (Some("st_iran"), Some("ag_hizballah"))
    );
    assert!(e["origins"].as_i64().unwrap() >= 2, "{e}");
    assert_eq!(e["family"], "cooperation");
    // Evidence: each claim with its sentence; the DEA's sentence among them.
    let (_, v) = get(
        &st,
        "/api/evidence?subject=Iran&object=Hizballah&category=AID",
    )
    .await;
    let claims = v["items"].as_array().unwrap();
    assert!(claims.iter().all(|c| c["category"] == "AID"));
    assert!(claims.iter().any(|c| c["sentence"]
        .as_str()
        .unwrap()
        .contains("receives weapons, training, and funding from Iran")));
    // Paging: pages of one, no overlap, the same claims.
    let mut paged = Vec::new();
    for off in 0..claims.len() {
        let (_, p) = get(
            &st,
            &format!(
                "/api/evidence?subject=Iran&object=Hizballah&category=AID&limit=1&offset={off}"
            ),
        )
        .await;
        assert_eq!(p["more"], off + 1 < claims.len());
        paged.push(p["items"][0]["id"].clone());
    }
    let all: Vec<Value> = claims.iter().map(|c| c["id"].clone()).collect();
    assert_eq!(paged, all);
    // Actor profile: aliases, hierarchy, relations by category.
    let (_, v) = get(&st, "/api/actors/Quds%20Force").await;
    assert_eq!(v["actor"]["id"], "sa_ir_irgcqf");
    assert_eq!(v["parent"]["id"], "sa_ir_irgc");
    let (_, v) = get(&st, "/api/actors/Hizballah").await;
    assert!(v["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a == "Hezbollah"));
    assert!(!v["relations"]["AID"].as_array().unwrap().is_empty());
    // Timeline: in date order.
    let (_, v) = get(&st, "/api/timeline?actor=Iran&limit=5000").await;
    let times: Vec<&str> = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["time"].as_str().unwrap())
        .collect();
    assert!(times.len() > 3);
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "{times:?}");
    // Search and documents.
    let (_, v) = get(&st, "/api/search?q=rocket").await;
    assert!(!v["items"].as_array().unwrap().is_empty());
    let (_, v) = get(&st, "/api/documents/d08").await;
    let text = v["text"].as_str().unwrap();
    for m in v["mentions"].as_array().unwrap() {
        let (s, e) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        let form: String = text.chars().skip(s).take(e - s).collect();
        assert!(!form.trim().is_empty());
    }
    assert!(!v["claims"].as_array().unwrap().is_empty());
    let (_, v) = get(&st, "/api/stats").await;
    assert_eq!(v["documents"], 11);
    // The graph: every edge end is a node; positions are deterministic.
    let (_, g1) = get(&st, "/api/graph").await;
    let (_, g2) = get(&st, "/api/graph").await;
    assert_eq!(g1, g2);
    let ids: std::collections::HashSet<&str> = g1["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    for e in g1["edges"].as_array().unwrap() {
        assert!(
            ids.contains(e["subject"].as_str().unwrap())
                && ids.contains(e["object"].as_str().unwrap())
        );
    }
    let (_, ego) = get(&st, "/api/graph?actor=Hamas").await;
    assert_eq!(ego["center"], "ag_hamas");
    let hamas = ego["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == "ag_hamas")
        .unwrap();
    assert_eq!(
        (hamas["x"].as_f64(), hamas["y"].as_f64()),
        (Some(0.0), Some(0.0))
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn errors_are_json_with_a_message() {
    let d = tempfile::tempdir().unwrap();
    let st = common::state(&common::dev_db(d.path()));
    for (uri, status, words) in [
        ("/api/actors/Hizbalah", 404, "did you mean"),
        ("/api/edges?category=HUGS", 400, "not one of"),
        ("/api/edges?since=last%20year", 400, "not a date"),
        ("/api/edges?between=Iran", 400, "two actors"),
        ("/api/edges?min_origins=many", 400, "min_origins"),
        ("/api/evidence?subject=Iran", 400, "subject= and object="),
        ("/api/search?q=", 400, "q="),
        ("/api/documents/nope", 404, "no document"),
        ("/api/nothing", 404, "openapi.json"),
    ] {
        let (s, v) = get(&st, uri).await;
        assert_eq!(s.as_u16(), status, "{uri}: {v}");
        assert_eq!(v["status"], status, "{uri}");
        assert!(v["error"].as_str().unwrap().contains(words), "{uri}: {v}");
    }
    let long = format!("/api/search?q={}", "a".repeat(5000));
    let (s, v) = get(&st, &long).await;
    assert_eq!(s, StatusCode::URI_TOO_LONG, "{v}");
    // Writes are off by default.
    let (s, _, b) = call(
        &st,
        Request::post("/api/documents")
            .body(Body::from("{}"))
            .unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    assert!(String::from_utf8_lossy(&b).contains("--allow-ingest"));
}

#[tokio::test(flavor = "multi_thread")]
async fn posted_documents_need_the_token_and_are_then_queryable() {
    let d = tempfile::tempdir().unwrap();
    let db = common::dev_db(d.path());
    let mut cfg = Config::new(db);
    cfg.ingest_token = Some("s3cret-token-0123456789".into());
    cfg.extractor = Some(claimgraph_relations::Extractor::builtin());
    cfg.max_body = 4096;
    let st = AppState::open(cfg).unwrap();
    let body = json!({"id": "posted-1", "text": "Iran supplied rockets to Hamas in 2014, officials said.", "outlet": "Wire", "published": "2015-01-02"}).to_string();
    let post = |auth: Option<&str>, body: String| {
        let mut r = Request::post("/api/documents").header("content-type", "application/json");
        if let Some(a) = auth {
            r = r.header("authorization", a);
        }
        r.body(Body::from(body)).unwrap()
    };
    let (s, _, _) = call(&st, post(None, body.clone())).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let (s, _, _) = call(
        &st,
        post(Some("Bearer wrong-token-0123456789"), body.clone()),
    )
    .await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let (s, _, b) = call(&st, post(Some("Bearer not json"), "x".into())).await;
    assert_eq!(
        s,
        StatusCode::UNAUTHORIZED,
        "{}",
        String::from_utf8_lossy(&b)
    );
    let auth = Some("Bearer s3cret-token-0123456789");
    let (s, _, b) = call(&st, post(auth, "{\"text\": 1}".into())).await;
    assert_eq!(
        s,
        StatusCode::BAD_REQUEST,
        "{}",
        String::from_utf8_lossy(&b)
    );
    let v: Value = serde_json::from_slice(&b).unwrap();
    assert!(v["error"].as_str().unwrap().contains("request body"), "{v}");
    let (s, _, b) = call(&st, post(auth, "x".repeat(10_000))).await;
    assert_eq!(
        s,
        StatusCode::PAYLOAD_TOO_LARGE,
        "{}",
        String::from_utf8_lossy(&b)
    );
    assert!(
        serde_json::from_slice::<Value>(&b).is_ok(),
        "413 is JSON too"
    );
    let (s, _, b) = call(&st, post(auth, body.clone())).await;
    assert_eq!(s, StatusCode::CREATED, "{}", String::from_utf8_lossy(&b));
    let v: Value = serde_json::from_slice(&b).unwrap();
    assert_eq!(v["outcome"], "new");
    assert!(v["claims"].as_u64().unwrap() >= 1);
    let (_, v) = get(&st, "/api/evidence?subject=Iran&object=Hamas&category=AID").await;
    assert!(v["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["document"] == "posted-1"));
    let (s, _, b) = call(&st, post(auth, body)).await;
    assert_eq!(s, StatusCode::CREATED);
    assert_eq!(
        serde_json::from_slice::<Value>(&b).unwrap()["outcome"],
        "unchanged"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_page_is_safe_by_construction() {
    let d = tempfile::tempdir().unwrap();
    let st = common::state(&common::dev_db(d.path()));
    let (s, h, b) = call(&st, Request::get("/").body(Body::empty()).unwrap()).await;
    assert_eq!(s, 200);
    let csp = h["content-security-policy"].to_str().unwrap();
    assert!(
        csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    assert_eq!(h["x-content-type-options"], "nosniff");
    let html = String::from_utf8(b).unwrap();
    // No inline script, handler or style: the CSP would block them anyway.
    assert!(
        !html.contains("<script>") && !html.contains(" on") && !html.contains("style="),
        "{html}"
    );
    let (_, _, js) = call(&st, Request::get("/app.js").body(Body::empty()).unwrap()).await;
    let js = String::from_utf8(js).unwrap();
    for bad in [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
    ] {
        assert!(!js.contains(bad), "app.js uses {bad}");
    }
    assert!(js.contains("textContent"));
}

#[test]
fn reads_go_on_while_a_writer_holds_a_transaction() {
    let d = tempfile::tempdir().unwrap();
    let db = common::dev_db(d.path());
    let addr = common::spawn(common::state(&db));
    let (started_tx, started_rx) = std::sync::mpsc::channel();
    let (done_tx, done_rx) = std::sync::mpsc::channel::<()>();
    let db2 = db.clone();
    let writer = std::thread::spawn(move || {
        let mut store = Store::open(&db2).unwrap();
        let ex = claimgraph_relations::Extractor::builtin();
        let mut batch = store.batch().unwrap();
        let doc = claimgraph_ingest::parse_json_record(
            "test",
            r#"{"id": "w1", "text": "Iran funded Hamas in 2012, officials said."}"#,
        )
        .unwrap();
        let x = ex.extract(&doc);
        batch.put(&doc, &x).unwrap();
        started_tx.send(()).unwrap();
        // Hold the write transaction open while the reads run.
        done_rx.recv().unwrap();
        batch.commit().unwrap();
    });
    started_rx.recv().unwrap();
    let (ok, bad) = common::load(addr, 60, 4);
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(ok.len(), 60);
    // Before the commit, the new document is not visible; after it, it is.
    let (_, body, _) = common::get(addr, "/api/documents/w1").unwrap();
    assert!(String::from_utf8_lossy(&body).contains("no document"));
    done_tx.send(()).unwrap();
    writer.join().unwrap();
    let (s, _, _) = common::get(addr, "/api/documents/w1").unwrap();
    assert_eq!(s, 200);
}
