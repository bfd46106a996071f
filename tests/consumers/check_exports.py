"""Load claimgraph's exports with their real consumers and print what they saw, as JSON.

Usage: check_exports.py GRAPHML GEXF FTM

- networkx reads the GraphML and the GEXF: node and edge counts, and every edge's attributes.
- followthemoney parses every entity with its schema (unknown schemas or properties raise),
  checks that cleaning keeps every value (nothing invalid was dropped) and that every
  reference to another entity resolves inside the file.
The Rust test (crates/cli/tests/export.rs) compares this with the store's own answers.
"""
import json
import sys

import networkx as nx
from followthemoney import model
from followthemoney.exc import InvalidData


def graph_summary(g):
    edges = []
    for u, v, data in g.edges(data=True):
        d = {k: val for k, val in data.items()}
        d["source"], d["target"] = u, v
        edges.append(d)
    return {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "edge_list": edges,
            "node_types": {n: d.get("type") for n, d in g.nodes(data=True)}}


def check_ftm(path):
    ids, refs, problems, schemas = set(), [], [], {}
    with open(path, encoding="utf-8") as fh:
        for no, line in enumerate(fh, 1):
            data = json.loads(line)
            try:
                proxy = model.get_proxy(data, cleaned=False)
            except InvalidData as e:
                problems.append(f"line {no}: {e}")
                continue
            if proxy.id in ids:
                problems.append(f"line {no}: duplicate id {proxy.id}")
            ids.add(proxy.id)
            schemas[proxy.schema.name] = schemas.get(proxy.schema.name, 0) + 1
            cleaned = proxy.to_dict()["properties"]
            for prop, values in data["properties"].items():
                kept = cleaned.get(prop, [])
                for v in values:
                    if v not in kept:
                        problems.append(f"line {no}: {prop}={v!r} did not survive cleaning")
            for prop in proxy.iterprops():
                if prop.type.name == "entity":
                    for v in proxy.get(prop):
                        refs.append((no, prop.name, v))
    for no, prop, v in refs:
        if v not in ids:
            problems.append(f"line {no}: {prop} -> {v} does not resolve")
    return {"entities": len(ids), "schemas": schemas, "references": len(refs),
            "problems": problems}


def main():
    graphml, gexf, ftm = sys.argv[1:4]
    out = {
        "graphml": graph_summary(nx.read_graphml(graphml)),
        "gexf": graph_summary(nx.read_gexf(gexf, version="1.3")),
        "ftm": check_ftm(ftm),
    }
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
