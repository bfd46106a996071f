//! The OpenAPI 3.1 document of the API, served at `/api/openapi.json`. A test validates real
//! responses of every endpoint against these schemas (objects are closed: a field that the
//! server sends and the document does not list fails the test).

use serde_json::{json, Value};

fn s() -> Value {
    json!({"type": "string"})
}
fn sn() -> Value {
    json!({"type": ["string", "null"]})
}
fn i() -> Value {
    json!({"type": "integer"})
}
fn b() -> Value {
    json!({"type": "boolean"})
}
fn r(name: &str) -> Value {
    json!({"$ref": format!("#/components/schemas/{name}")})
}
fn arr(items: Value) -> Value {
    json!({"type": "array", "items": items})
}

/// A closed object whose properties are all required.
fn obj(props: &[(&str, Value)]) -> Value {
    let mut p = serde_json::Map::new();
    for (k, v) in props {
        p.insert(k.to_string(), v.clone());
    }
    let req: Vec<&str> = props.iter().map(|(k, _)| *k).collect();
    json!({"type": "object", "properties": p, "required": req, "additionalProperties": false})
}

fn page_of(item: &str) -> Value {
    obj(&[
        ("items", arr(r(item))),
        ("total", json!({"type": ["integer", "null"]})),
        ("limit", i()),
        ("offset", i()),
        ("more", b()),
    ])
}

fn edge_props() -> Vec<(&'static str, Value)> {
    vec![
        ("subject", s()),
        ("subject_name", s()),
        ("category", s()),
        ("object", s()),
        ("object_name", s()),
        ("negated", b()),
        ("modes", arr(s())),
        ("claims", i()),
        ("documents", i()),
        ("outlets", i()),
        ("origins", i()),
        ("origin_names", arr(s())),
        (
            "stances",
            json!({"type": "object", "additionalProperties": {"type": "integer"}}),
        ),
        ("first", sn()),
        ("last", sn()),
        ("disputed", b()),
        (
            "credibility",
            json!({"type": "integer", "minimum": 1, "maximum": 6}),
        ),
        (
            "reliability",
            json!({"type": "string", "enum": ["A", "B", "C", "D", "E", "F"]}),
        ),
        ("grade", s()),
        ("unconfirmed", b()),
        (
            "family",
            json!({"type": "string", "enum": ["cooperation", "conflict", "structural"]}),
        ),
        ("tags", arr(s())),
    ]
}

fn param(name: &str, desc: &str, schema: Value) -> Value {
    json!({"name": name, "in": "query", "required": false, "description": desc, "schema": schema})
}

fn path_param(name: &str, desc: &str) -> Value {
    json!({"name": name, "in": "path", "required": true, "description": desc, "schema": s()})
}

fn get_op(summary: &str, params: Vec<Value>, ok: Value) -> Value {
    json!({"get": {
        "summary": summary,
        "parameters": params,
        "responses": {
            "200": {"description": "OK", "content": {"application/json": {"schema": ok}}},
            "400": {"description": "Bad parameter", "content": {"application/json": {"schema": r("Error")}}},
            "404": {"description": "Not found", "content": {"application/json": {"schema": r("Error")}}},
        }
    }})
}

fn paging() -> Vec<Value> {
    vec![
        param("limit", "Items per page (default 100, at most 5000)", i()),
        param("offset", "Items to skip", i()),
    ]
}

fn edge_params() -> Vec<Value> {
    let mut v = vec![
        param(
            "actor",
            "Edges touching this actor (name, alias or id)",
            s(),
        ),
        param("between", "Two actors separated by a comma", s()),
        param("category", "One category (AID, ASSAULT, ...)", s()),
        param("min_origins", "At least this many independent origins", i()),
        param("since", "Claims dated on or after (YYYY[-MM[-DD]])", s()),
        param("until", "Claims dated on or before", s()),
        param("stance", "Only claims with this stance", s()),
    ];
    v.extend(paging());
    v
}

/// The document.
pub fn document() -> Value {
    let mut edge_with_id = edge_props();
    edge_with_id.push(("id", s()));
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "claimgraph API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Read-only questions to the claimgraph evidence graph: who does what to whom, who says so, when, and how many independent origins back it. Errors are JSON objects {error, status}. Lists are paged with limit and offset."
        },
        "paths": {
            "/api/stats": get_op("Counts of the store", vec![], r("Stats")),
            "/api/actors": get_op("Actors, most claims first", {
                let mut p = vec![
                    param("type", "Only this type (state, armed_group, ...)", s()),
                    param("search", "Name, id or alias contains this text", s()),
                ];
                p.extend(paging());
                p
            }, page_of("Actor")),
            "/api/actors/{id}": {"get": {
                "summary": "One actor: aliases, parent, parts, relations by category",
                "parameters": [path_param("id", "Actor id, name or alias")],
                "responses": {
                    "200": {"description": "OK", "content": {"application/json": {"schema": r("ActorProfile")}}},
                    "404": {"description": "No such actor (with suggestions)", "content": {"application/json": {"schema": r("Error")}}},
                }
            }},
            "/api/edges": get_op("Relations across documents, strongest first", edge_params(), page_of("Edge")),
            "/api/graph": get_op("The network view: filtered edges with their actors laid out", edge_params(), r("Graph")),
            "/api/evidence": get_op("Every claim between two actors, newest first", {
                let mut p = vec![
                    param("subject", "One actor", s()),
                    param("object", "The other actor", s()),
                    param("category", "Only this category", s()),
                ];
                p.extend(paging());
                p
            }, page_of("Claim")),
            "/api/timeline": get_op("Dated claims in time order", {
                let mut p = vec![param("actor", "Only claims of this actor", s())];
                p.extend(paging());
                p
            }, page_of("Claim")),
            "/api/disputes": get_op("Edges another origin denies or claims the opposite of", paging(), page_of("Edge")),
            "/api/search": get_op("Full-text search over sentences (FTS5 syntax)", vec![
                param("q", "Words", s()), param("limit", "At most this many hits (default 50)", i()),
            ], page_of("SearchHit")),
            "/api/documents/{id}": {"get": {
                "summary": "A document's text with its mention and claim spans (char offsets)",
                "parameters": [path_param("id", "Document id")],
                "responses": {
                    "200": {"description": "OK", "content": {"application/json": {"schema": r("Document")}}},
                    "404": {"description": "No such document", "content": {"application/json": {"schema": r("Error")}}},
                }
            }},
            "/api/documents": {"post": {
                "summary": "Ingest one document (only with --allow-ingest; needs the bearer token)",
                "security": [{"bearer": []}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": r("DocumentInput")}}},
                "responses": {
                    "201": {"description": "Stored", "content": {"application/json": {"schema": r("IngestResult")}}},
                    "400": {"description": "Bad record", "content": {"application/json": {"schema": r("Error")}}},
                    "401": {"description": "Missing or wrong token", "content": {"application/json": {"schema": r("Error")}}},
                    "403": {"description": "Writes are off", "content": {"application/json": {"schema": r("Error")}}},
                    "413": {"description": "Body too large", "content": {"application/json": {"schema": r("Error")}}},
                }
            }},
            "/api/openapi.json": {"get": {"summary": "This document", "responses": {"200": {"description": "OK"}}}},
        },
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Error": obj(&[("error", s()), ("status", i())]),
                "Stats": obj(&[
                    ("documents", i()), ("words", i()), ("actors", i()), ("mentions", i()),
                    ("claims", i()), ("edges", i()), ("disputed", i()),
                    ("by_category", json!({"type": "object", "additionalProperties": {"type": "integer"}})),
                ]),
                "Actor": obj(&[
                    ("id", s()), ("name", s()), ("kind", s()), ("part_of", sn()), ("known", b()),
                    ("documents", i()), ("claims", i()),
                ]),
                "ActorProfile": obj(&[
                    ("actor", r("Actor")),
                    ("aliases", arr(s())),
                    ("parent", json!({"oneOf": [r("Actor"), {"type": "null"}]})),
                    ("children", arr(r("Actor"))),
                    ("relations", json!({"type": "object", "additionalProperties": arr(r("Edge"))})),
                ]),
                "Edge": obj(&edge_props()),
                "GraphEdge": obj(&edge_with_id),
                "GraphNode": obj(&[
                    ("id", s()), ("name", s()), ("type", s()), ("known", b()), ("degree", i()),
                    ("x", json!({"type": "number"})), ("y", json!({"type": "number"})),
                ]),
                "Graph": obj(&[
                    ("nodes", arr(r("GraphNode"))),
                    ("edges", arr(r("GraphEdge"))),
                    ("center", sn()),
                ]),
                "Claim": obj(&[
                    ("id", i()), ("document", s()), ("title", sn()), ("outlet", sn()), ("published", sn()),
                    ("subject", s()), ("subject_name", s()), ("category", s()), ("mode", sn()),
                    ("object", s()), ("object_name", s()), ("negated", b()),
                    ("stance", json!({"type": "string", "enum": ["asserted", "alleged", "reported", "confirmed", "denied", "assessed"]})),
                    ("source", sn()), ("source_name", sn()), ("origin", s()), ("time", sn()),
                    ("sentence", s()), ("start", i()), ("end", i()), ("rule", s()), ("grade", s()),
                ]),
                "SearchHit": obj(&[("document", s()), ("sentence", s()), ("actors", arr(s()))]),
                "Mention": obj(&[("actor", s()), ("start", i()), ("end", i())]),
                "Document": obj(&[
                    ("id", s()), ("title", sn()), ("url", sn()), ("published", sn()), ("outlet", sn()),
                    ("text", s()), ("mentions", arr(r("Mention"))), ("claims", arr(r("Claim"))),
                ]),
                "DocumentInput": {
                    "type": "object",
                    "required": ["id"],
                    "properties": {
                        "id": s(), "text": s(), "html": s(), "title": s(), "url": s(),
                        "published": s(), "outlet": s(),
                    }
                },
                "IngestResult": obj(&[
                    ("id", s()),
                    ("outcome", json!({"type": "string", "enum": ["new", "replaced", "unchanged"]})),
                    ("actors", i()), ("claims", i()), ("words", i()),
                ]),
            }
        }
    })
}
