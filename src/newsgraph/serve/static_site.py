"""`newsgraph site`: the pages and documents of `newsgraph serve` as static files.

Every page is made by the same function the server calls (:mod:`newsgraph.serve.pages`), so a
file holds the bytes the server answers for its URL. What a file server cannot do by itself
(the 303 from an IRI to its document, content negotiation, pages without an extension, the
security headers) is in the server rules written beside the pages (:mod:`newsgraph.serve.rules`).

The site is served at the root of its origin (``url``): pages link to ``/static/…``,
``/newsgraph/id/…``. Layout (for the default base)::

    index.html  404.html  sparql.html  search.html  search.json  sitemap.xml  robots.txt
    newsgraph/id/person/jane-roe.html .ttl .jsonld .nt          (every IRI under the base)
    newsgraph/ledger/index.html  newsgraph/ledger/NAME.html
    newsgraph/ontology.html .ttl .jsonld .nt   newsgraph/shapes.…
    .well-known/void.html .ttl .jsonld .nt
    download/newsgraph.trig  download/newsgraph.nq
    static/…                                                    (style sheet, scripts, YASGUI)
    .htaccess  _server/nginx-http.conf  _server/nginx-server.conf  _server/HOST/PATH/.htaccess

The site is written to a new folder beside ``out`` and then put in place, so ``out`` is never
half-written; an existing ``out`` is replaced only if it is a site written by this command.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph import __version__
from newsgraph.errors import NewsgraphError
from newsgraph.serve import negotiation as n
from newsgraph.serve import pages, rules
from newsgraph.serve.dataset import Dataset
from newsgraph.serve.pages import DUMPS, HERE, SPARQL_PATH, VOID_PATH, Config, Site

#: In every folder this command writes; only such a folder is replaced.
MARKER = ".newsgraph-site"


class SiteError(NewsgraphError):
    """The static site cannot be written (a bad --url, an output folder that is not a site)."""

    exit_code = 10


class SiteUsageError(SiteError):
    exit_code = 2


@dataclass
class SiteReport:
    folder: Path
    resources: int = 0  #: IRIs with their four documents
    files: int = 0
    bytes: int = 0
    skipped: list[str] = field(default_factory=list)  #: IRIs that cannot be a file name (none from the pipeline)
    seconds: float = 0.0


def check_url(url: str, what: str = "--url") -> str:
    """``url`` as an origin (``https://host[:port]``, no trailing slash): the site is served at
    the root of an origin, since its pages link to absolute paths."""
    parts = _split(url, what)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise SiteUsageError(f"{what} must be an http(s) URL such as https://news.example.org/, not {url!r}")
    if parts.path not in ("", "/"):
        raise SiteUsageError(f"{what} must be the root of a site (https://host/), not a path in one: {url!r}")
    if parts.username or parts.password:
        raise SiteUsageError(f"{what} must not hold credentials")
    return f"{parts.scheme}://{parts.netloc}"


def _split(url: str, what: str) -> urllib.parse.SplitResult:
    try:
        parts = urllib.parse.urlsplit(url.strip())
        parts.port  # noqa: B018 (a port that is no number raises here)
    except ValueError:  # "http://[": an unclosed IPv6 bracket
        raise SiteUsageError(f"{what} must be an http(s) URL, not {url!r} (its host or port is malformed)") from None
    return parts


def check_endpoint(url: str) -> str:
    parts = _split(url, "--sparql-endpoint")
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.fragment or parts.username or parts.password:
        raise SiteUsageError(f"--sparql-endpoint must be an http(s) URL, not {url!r}")
    if any(c in url for c in "\"'<>\\ \t\n\r"):
        raise SiteUsageError(f"--sparql-endpoint is not a URL that can be written in a page: {url!r}")
    return url.strip()


def file_path(site: Site, iri: str) -> str | None:
    """The file (relative to the site folder, without the extension) of the documents of an
    IRI under the base, as a web server maps the IRI's path (percent-escapes decoded); None
    when the path cannot be a file name, or ends like a document."""
    rest = urllib.parse.unquote(iri[len(site.base):])
    path = site.base_path.lstrip("/") + rest
    segments = path.split("/")
    if any(s in ("", ".", "..") or s.startswith(".") for s in segments) or any(c in path for c in "\0\\?"):
        return None
    if n.by_extension(segments[-1]) is not None:
        return None
    return path


def build_site(dataset: Dataset, out: Path | str, *, url: str, base: str | None = None,
               sparql_endpoint: str | None = None, title: str | None = None) -> SiteReport:
    """Write the static site of ``dataset`` to ``out``, to be served at ``url``."""
    started = time.perf_counter()
    origin = check_url(url)
    endpoint = check_endpoint(sparql_endpoint) if sparql_endpoint else None
    out = Path(out)
    _check_replaceable(out)
    config = Config() if base is None else Config(base=base)
    if title:
        config.title = title
    site = Site(dataset, config)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    report = SiteReport(out)
    try:
        _write_all(site, tmp, origin, endpoint, report)
        _put_in_place(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    report.seconds = time.perf_counter() - started
    return report


def _write_all(site: Site, root: Path, origin: str, endpoint: str | None, report: SiteReport) -> None:
    def write(rel: str, data: bytes) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        report.files += 1
        report.bytes += len(data)

    # Every IRI under the base: its page and its RDF documents.
    for iri in site.resources():
        rel = file_path(site, iri)
        if rel is None:
            report.skipped.append(iri)
            continue
        for form, body in pages.resource_documents(site, iri).items():
            write(f"{rel}.{form.key}", body)
        report.resources += 1
    # The other pages.
    write("index.html", pages.home_page(site, origin))
    write("404.html", pages.error_page(site, 404, "Not found", "Nothing is served at this address."))
    write(SPARQL_PATH.lstrip("/") + ".html", pages.sparql_page(site, endpoint=endpoint, static=True))
    write("search.html", pages.static_search_page(site))
    write("search.json", pages.search_index(site))
    write(site.ledger_path.lstrip("/") + "index.html", pages.ledger_index_page(site))
    for lg in site.ledgers():
        write(f"{site.ledger_path.lstrip('/')}{lg.slug}.html", pages.ledger_page(site, lg.slug))
    for form in n.RESOURCE_FORMS:
        write(f"{site.ontology_path.lstrip('/')}.{form.key}", pages.vocabulary_document(site, "ontology", form))
        write(f"{site.shapes_path.lstrip('/')}.{form.key}", pages.vocabulary_document(site, "shapes", form))
        write(f"{VOID_PATH.lstrip('/')}.{form.key}", pages.dataset_document(site, origin, endpoint, form))
    write("sitemap.xml", pages.sitemap_xml(site, origin))
    write("robots.txt", pages.robots_txt(origin))
    (root / "download").mkdir()
    for name in DUMPS:
        pages.write_dump(site, name, root / "download" / name)
        report.files += 1
        report.bytes += (root / "download" / name).stat().st_size
    shutil.copytree(HERE / "static", root / "static", ignore=shutil.ignore_patterns("__pycache__", ".*"))
    # The server rules.
    paths = rules.paths_of(site, endpoint)
    write(".htaccess", rules.htaccess(paths).encode("utf-8"))
    write(f"{rules.RULES_DIR}/nginx-http.conf", rules.nginx_http(paths).encode("utf-8"))
    write(f"{rules.RULES_DIR}/nginx-server.conf", rules.nginx_server(paths).encode("utf-8"))
    write(f"{rules.RULES_DIR}/README.txt", rules.README.encode("utf-8"))
    redirect = rules.base_redirect(site.base, site.site_path, origin)
    if redirect is not None:
        write(f"{rules.RULES_DIR}/{redirect[0]}", redirect[1].encode("utf-8"))
    write(MARKER, json.dumps({"newsgraph": __version__, "base": site.base, "url": origin + "/",
                              "sparql_endpoint": endpoint}, indent=1).encode("utf-8") + b"\n")


def _check_replaceable(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise SiteError(f"{out} is a file, not a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise SiteError(f"{out} is a folder that was not written by `newsgraph site`: give an empty or new folder")


def _put_in_place(tmp: Path, out: Path) -> None:
    """Swap the new site in: the old one (if any) is moved aside, then removed."""
    os.chmod(tmp, 0o755)  # mkdtemp made it private; a web server must read it
    old = None
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old.", dir=out.parent))
        os.replace(out, old / "site")
    os.replace(tmp, out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
