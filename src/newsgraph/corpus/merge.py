"""Entities across articles: which entity nodes of different articles are one entity
(`plan_merge`), and the shared entity graph they make (`entity_graph`).

The mapper mints an entity IRI from kind + slug of the name, so the same name is already one
IRI. On top of that, per kind:

1. entities linked to the same Wikidata item are one entity;
2. an unlinked entity whose IRI is that of exactly one linked entity joins it;
3. an unlinked entity whose name is a name or alias of exactly one other entity, or (persons)
   whose words end exactly one other person's fuller name ("Sprūds" → "Andris Sprūds"), joins it;
4. the merged entity takes the IRI and schema:name of its fullest name (most words, then
   longest, then first IRI); its other names become schema:alternateName. If two Wikidata
   items would end on one IRI, each gets the IRI with "-q<number>" appended.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDFS

from newsgraph.text import normalise
from newsgraph.namespaces import NG, ORG, SCHEMA

#: IRI folders (under the base) whose nodes are entities shared across articles.
ENTITY_FOLDERS = ("person", "country", "place", "organization", "event", "coalition", "office")

#: Entity properties that hold one value; merging several articles may bring more.
_KEEP_ONE = (RDFS.label, SCHEMA.roleName, NG.linkMethod, ORG.postIn)

#: Triples about an entity that belong to the article graph: they point into one article's text.
ARTICLE_PREDICATES = frozenset({f"<{NG.mention}>"})


def entity_refs(triples: Iterable[tuple[Any, Any, Any]], base: str) -> Iterator[dict]:
    """The entity nodes of an article graph, with what the cross-article merge looks at."""
    prefixes = tuple(f"{base}{folder}/" for folder in ENTITY_FOLDERS)
    wanted = {SCHEMA.name: "name", RDFS.label: "label", OWL.sameAs: "same", SCHEMA.alternateName: "aliases"}
    found: dict[str, dict[str, list[str]]] = {}
    for s, p, o in triples:  # one pass over the triples, not a store look-up per entity
        if isinstance(s, URIRef) and str.startswith(s, prefixes):  # rdflib's startswith takes no tuple
            values = found.setdefault(str(s), {})
            if p in wanted:
                values.setdefault(wanted[p], []).append(str(o))
    for iri in sorted(found):
        values = found[iri]
        folder = iri[len(base):].split("/", 1)[0]
        # min(): one value in practice; the smallest when there are several, so it is stable.
        name = min(values.get("name") or values.get("label") or [""])
        same = sorted(values.get("same", []))
        yield {
            "iri": iri,
            "folder": folder,
            "name": name,
            "aliases": sorted(values.get("aliases", [])),
            "qid": same[0].rsplit("/", 1)[-1] if same else None,
        }


@dataclass
class MergePlan:
    """Where each article's entity IRIs go in the dataset, and the merged entities' names."""

    rename: dict[str, dict[str, str]]  # article id -> {IRI in the article graph: dataset IRI}
    names: dict[str, str]  # dataset IRI -> its schema:name
    other_names: dict[str, set[str]]  # dataset IRI -> names that become schema:alternateName


def plan_merge(entities_by_article: Mapping[str, Sequence[Mapping[str, Any]]]) -> MergePlan:
    """Decide which entity nodes of different articles are one entity (rules in the module doc).

    Depends only on the set of (article, entity) pairs, never on their order, so the dataset
    is the same however the articles were scheduled.
    """
    # A node is an IRI as minted, split by Wikidata item: one name, two items, two entities.
    node_names: dict[tuple[str, str | None], set[str]] = {}
    node_folder: dict[tuple[str, str | None], str] = {}
    node_primary: dict[tuple[str, str | None], set[str]] = {}
    for refs in entities_by_article.values():
        for ref in refs:
            node = (ref["iri"], ref.get("qid"))
            node_folder[node] = ref["folder"]
            node_primary.setdefault(node, set()).add(ref["name"])
            node_names.setdefault(node, set()).update([ref["name"], *ref.get("aliases", ())])
    parent = {node: node for node in node_folder}

    def find(node):
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def union(a, b) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb, key=_node_order)] = min(ra, rb, key=_node_order)

    nodes = sorted(node_folder, key=_node_order)
    by_item: dict[tuple[str, str], list] = {}
    for node in nodes:  # rule 1: one Wikidata item (per kind), one entity
        if node[1]:
            by_item.setdefault((node_folder[node], node[1]), []).append(node)
    for group in by_item.values():
        for other in group[1:]:
            union(group[0], other)
    linked_by_iri: dict[str, set] = {}
    for node in nodes:
        if node[1]:
            linked_by_iri.setdefault(node[0], set()).add(find(node))
    for node in nodes:  # rule 2: an unlinked node on the IRI of exactly one linked entity
        if node[1] is None and len(linked_by_iri.get(node[0], ())) == 1:
            union(node, next(iter(linked_by_iri[node[0]])))

    # Rule 3, decided against the clusters as they stand now, then applied all at once.
    clusters: dict[Any, list] = {}
    for node in nodes:
        clusters.setdefault(find(node), []).append(node)
    names_of = {root: {normalise(n) for m in members for n in node_names[m]} - {""} for root, members in clusters.items()}
    full_names_of = {root: {normalise(n) for m in members for n in node_primary[m]} - {""} for root, members in clusters.items()}
    index: dict[tuple[str, str], set] = {}
    for root, names in names_of.items():
        for name in names:
            index.setdefault((node_folder[root], name), set()).add(root)
    joins = []
    for root, members in clusters.items():
        if any(m[1] for m in members):
            continue  # linked entities never join each other by name
        folder = node_folder[root]
        candidates: set = set()
        for name in names_of[root]:
            candidates |= index.get((folder, name), set())
            if folder == "person":
                candidates |= {
                    other for other, fulls in full_names_of.items()
                    if node_folder[other] == "person" and any(_ends_with(full, name) for full in fulls)
                }
        candidates.discard(root)
        if len(candidates) == 1:
            joins.append((root, candidates.pop()))
    for a, b in joins:
        union(a, b)

    clusters = {}
    for node in nodes:
        clusters.setdefault(find(node), []).append(node)
    chosen: dict[Any, tuple[str, str]] = {}
    claimed: dict[str, list] = {}
    for root, members in clusters.items():
        # The fullest name names the entity: most words, then longest, then first IRI.
        name, iri = min(((n, m[0]) for m in members for n in node_primary[m]), key=lambda p: (-len(p[0].split()), -len(p[0]), p[1], p[0]))
        chosen[root] = (iri, name)
        claimed.setdefault(iri, []).append(root)
    final: dict[Any, str] = {}
    for iri, roots in claimed.items():
        for root in roots:
            item = next((m[1] for m in clusters[root] if m[1]), None)
            final[root] = iri if len(roots) == 1 or item is None else f"{iri}-{item.lower()}"

    plan = MergePlan(rename={}, names={}, other_names={})
    for root, members in clusters.items():
        target = final[root]
        plan.names[target] = chosen[root][1]
        plan.other_names[target] = {n for m in members for n in node_names[m]} - {chosen[root][1], ""}
    for article_id, refs in entities_by_article.items():
        moves = {}
        for ref in refs:
            target = final[find((ref["iri"], ref.get("qid")))]
            if target != ref["iri"]:
                moves[ref["iri"]] = target
        plan.rename[article_id] = moves
    return plan


def _node_order(node: tuple[str, str | None]) -> tuple[str, str]:
    return (node[0], node[1] or "")


def _ends_with(full: str, short: str) -> bool:
    words, tail = full.split(), short.split()
    return 0 < len(tail) < len(words) and words[-len(tail):] == tail


def entity_graph(lines: set[str], plan: MergePlan) -> Graph:
    """The shared entity graph, one value left where the shapes allow one (names, labels, links)."""
    graph = Graph(bind_namespaces="none")
    if lines:
        graph.parse(data="\n".join(sorted(lines)) + "\n", format="nt")
    for subject in sorted(set(graph.subjects())):
        iri = str(subject)
        names = list(graph.objects(subject, SCHEMA.name))
        if names and iri in plan.names:
            graph.remove((subject, SCHEMA.name, None))
            main = plan.names[iri]
            graph.add((subject, SCHEMA.name, Literal(main)))
            for other in sorted(plan.other_names.get(iri, set()) | {str(n) for n in names}):
                if other != main:
                    graph.add((subject, SCHEMA.alternateName, Literal(other)))
        for prop in _KEEP_ONE:
            values = sorted(graph.objects(subject, prop), key=lambda v: v.n3())
            for extra in values[1:]:
                graph.remove((subject, prop, extra))
        confidences = sorted(graph.objects(subject, NG.linkConfidence), key=lambda v: (float(v), v.n3()))
        for lower in confidences[:-1]:  # several articles, several confidences: the best link stands
            graph.remove((subject, NG.linkConfidence, lower))
    return graph
