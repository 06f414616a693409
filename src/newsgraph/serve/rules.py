"""Web server rules for a static site (`newsgraph site`): what `newsgraph serve` does over
HTTP that files alone cannot, written for Apache httpd and for nginx.

* every IRI under the base answers ``303 See Other`` to its document, chosen by
  ``?format=`` or ``Accept``, with ``Vary: Accept`` (only for IRIs that have a document:
  anything else is a 404);
* the dataset IRI ``{base}dataset`` answers 303 to the dataset description;
* the ontology, the shapes and the dataset description are documents themselves: their
  address gives the form asked for (``200``, ``Vary: Accept``);
* pages without an extension (``/sparql``, ``/search``, ``…/ledger/NAME``) are their
  ``.html`` files; the RDF documents have their media types;
* the security headers the server sends (the query page's own policy too), and CORS;
* the server rules themselves (``_server/``) and dot files other than ``/.well-known/`` are
  not served.

Rewrite rules cannot weigh ``q`` values, so the negotiation is simpler than the server's:
the first of Turtle, JSON-LD (or ``application/json``), N-Triples found anywhere in
``Accept`` wins, else HTML; a ``q=0`` is not understood, and no Accept header gets a 406
(an unknown ``?format=`` does). Browsers and RDF clients, which list what they want first,
get the same answer as from the server.

And the redirect for the base's host: a ``.htaccess`` for the w3id.org repository (or the
host of another base) that sends every IRI under the base's parent path to the site.
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass

from newsgraph.serve import negotiation as n
from newsgraph.serve.pages import SECURITY_HEADERS, SPARQL_PATH, VOID_PATH, sparql_page_csp

#: Where the rules are written in the site folder; never served.
RULES_DIR = "_server"

_HEADER_NAMES = {"content-security-policy": "Content-Security-Policy", "x-content-type-options": "X-Content-Type-Options",
                 "referrer-policy": "Referrer-Policy", "x-frame-options": "X-Frame-Options",
                 "cross-origin-opener-policy": "Cross-Origin-Opener-Policy"}
#: Media types of the files, by extension (the RDF ones are not in the servers' own lists).
MEDIA_TYPES = {"ttl": "text/turtle", "jsonld": "application/ld+json", "nt": "application/n-triples",
               "trig": "application/trig", "nq": "application/n-quads"}
#: Files whose text is UTF-8 and whose Content-Type says so (JSON-LD is UTF-8 by definition).
_CHARSET = ("html", "ttl", "nt", "css", "js", "json", "xml", "svg", "txt")
#: ?format= values, as the server takes them (negotiation.FORMAT_NAMES), for the forms of a resource.
FORMAT_VALUES = {name: form.key for name, form in n.FORMAT_NAMES.items() if form in n.RESOURCE_FORMS}


@dataclass
class Paths:
    """The URL space of the site, as the rules need it (paths start with ``/``)."""

    base_path: str  #: ``/newsgraph/id/``
    negotiated: tuple[str, ...]  #: documents that are their own IRI: ontology, shapes, dataset description
    sparql_endpoint: str | None  #: the endpoint the query page sends queries to, if any

    @property
    def dataset_path(self) -> str:
        return self.base_path + "dataset"


def paths_of(site, sparql_endpoint: str | None) -> Paths:
    return Paths(site.base_path, (site.ontology_path, site.shapes_path, VOID_PATH), sparql_endpoint)


def _rx(path: str) -> str:
    """A site path (without its leading slash) as a regular expression."""
    return re.escape(path.lstrip("/")).replace("\\/", "/")


# ---------------------------------------------------------------------------- Apache


def htaccess(p: Paths) -> str:
    base = _rx(p.base_path)
    negotiated = "|".join(_rx(x) for x in p.negotiated)
    headers = "\n".join(f'    Header always set {_HEADER_NAMES[k]} "{v}"' for k, v in SECURITY_HEADERS.items())
    form_rules = "\n".join(
        f"RewriteCond %{{QUERY_STRING}} (^|&)format={re.escape(name)}(&|$)\nRewriteRule ^ - [E=NEWSGRAPH_FORM:{key}]"
        for name, key in FORMAT_VALUES.items())
    types = "\n".join(f"AddType {media} .{ext}" for ext, media in MEDIA_TYPES.items())
    return f"""# newsgraph static site: Apache httpd 2.4 (mod_rewrite, mod_headers, mod_mime, mod_dir).
# The site folder is the DocumentRoot of its host, with "AllowOverride All" (or at least
# FileInfo, Indexes, Options) so that this file is read. Written by `newsgraph site`.

Options -MultiViews -Indexes
DirectoryIndex index.html
ErrorDocument 404 /404.html

{types}
AddCharset utf-8 {" ".join("." + e for e in _CHARSET)}

<IfModule mod_headers.c>
{headers}
    Header always set Access-Control-Allow-Origin "*"
    # What is negotiated varies with Accept (the rules below set NEWSGRAPH_VARY; after an
    # internal rewrite Apache names it REDIRECT_NEWSGRAPH_VARY).
    Header always append Vary Accept env=NEWSGRAPH_VARY
    Header always append Vary Accept env=REDIRECT_NEWSGRAPH_VARY
    <Files "{SPARQL_PATH.lstrip("/")}.html">
        Header always set Content-Security-Policy "{sparql_page_csp(p.sparql_endpoint)}"
    </Files>
</IfModule>

RewriteEngine On
RewriteBase /

# Not served: these rules, and dot files other than /.well-known/.
RewriteRule ^{RULES_DIR}(/|$) - [R=404,L]
RewriteRule (^|/)\\.(?!well-known(/|$)) - [R=404,L]

# The form asked for, in NEWSGRAPH_FORM: ?format= first (one not known: "none", a 406),
# else the first of Turtle, JSON-LD, N-Triples named in Accept, else HTML.
RewriteRule ^ - [E=NEWSGRAPH_FORM:html]
RewriteCond %{{HTTP_ACCEPT}} application/n-triples [NC]
RewriteRule ^ - [E=NEWSGRAPH_FORM:nt]
RewriteCond %{{HTTP_ACCEPT}} application/(ld\\+)?json [NC]
RewriteRule ^ - [E=NEWSGRAPH_FORM:jsonld]
RewriteCond %{{HTTP_ACCEPT}} (text/turtle|application/x-turtle) [NC]
RewriteRule ^ - [E=NEWSGRAPH_FORM:ttl]
RewriteCond %{{QUERY_STRING}} (^|&)format=
RewriteRule ^ - [E=NEWSGRAPH_FORM:none]
{form_rules}

# The base itself is the home page.
RewriteRule ^{base}$ / [R=302,L]

# The dataset IRI: 303 to the dataset description.
RewriteCond %{{ENV:NEWSGRAPH_FORM}} =none
RewriteRule ^{_rx(p.dataset_path)}$ - [R=406,L]
RewriteRule ^{_rx(p.dataset_path)}$ {VOID_PATH}.%{{ENV:NEWSGRAPH_FORM}} [R=303,QSD,L,E=NEWSGRAPH_VARY:1]

# Every IRI under the base that has a document: 303 See Other to its document.
RewriteCond %{{REQUEST_FILENAME}}.html -f
RewriteCond %{{ENV:NEWSGRAPH_FORM}} =none
RewriteRule ^{base}. - [R=406,L]
RewriteCond %{{REQUEST_FILENAME}}.html -f
RewriteRule ^({base}.+)$ /$1.%{{ENV:NEWSGRAPH_FORM}} [R=303,QSD,L,E=NEWSGRAPH_VARY:1]

# The ontology, the shapes, the dataset description: the form asked for, at their own address.
RewriteCond %{{ENV:NEWSGRAPH_FORM}} =none
RewriteRule ^({negotiated})$ - [R=406,L]
RewriteRule ^({negotiated})$ $1.%{{ENV:NEWSGRAPH_FORM}} [END,E=NEWSGRAPH_VARY:1]

# Pages without an extension: /sparql, /search, the claims ledgers.
RewriteCond %{{REQUEST_FILENAME}} !-f
RewriteCond %{{REQUEST_FILENAME}} !-d
RewriteCond %{{REQUEST_FILENAME}}.html -f
RewriteRule ^(.+)$ $1.html [END]
"""


# ---------------------------------------------------------------------------- nginx


def nginx_http(p: Paths) -> str:
    formats = "\n".join(f"    {name:<12} {key};" for name, key in FORMAT_VALUES.items())
    vary_exact = "\n".join(f"    {x:<40} Accept;" for x in p.negotiated)
    base = re.escape(p.base_path)
    csp = SECURITY_HEADERS["content-security-policy"]
    sparql_csp = sparql_page_csp(p.sparql_endpoint)
    return f"""# newsgraph static site: nginx, the part for the http {{}} block. Written by `newsgraph site`.
#
#     http {{
#         include /path/to/site/{RULES_DIR}/nginx-http.conf;
#         server {{
#             listen 80;
#             server_name news.example.org;
#             root /path/to/site;
#             include /path/to/site/{RULES_DIR}/nginx-server.conf;
#         }}
#     }}

# The form asked for: ?format= first (one not known: "none", a 406), else the first of
# Turtle, JSON-LD, N-Triples named in Accept (nginx cannot weigh q values), else HTML.
map $arg_format $newsgraph_format {{
    default      none;
    ""           "";
{formats}
}}
map $http_accept $newsgraph_accept {{
    default                                       html;
    "~*(text/turtle|application/x-turtle)"        ttl;
    "~*application/(ld\\+)?json"                   jsonld;
    "~*application/n-triples"                     nt;
}}
map $newsgraph_format $newsgraph_form {{
    ""           $newsgraph_accept;
    default      $newsgraph_format;
}}
# The path as it was sent (still percent-encoded), for the Location of a 303.
map $request_uri $newsgraph_path {{
    "~^(?<newsgraph_p>[^?]*)"    $newsgraph_p;
}}
# Vary: Accept on what is negotiated: the IRIs under the base (not their documents), the
# ontology, the shapes, the dataset description.
map $newsgraph_path $newsgraph_vary {{
    default                                  "";
    "~^{base}.*(?<!\\.html)(?<!\\.ttl)(?<!\\.jsonld)(?<!\\.nt)$"    Accept;
{vary_exact}
}}
# The query page's editor sets inline styles{", and sends queries to the endpoint" if p.sparql_endpoint else ""}.
map $newsgraph_path $newsgraph_csp {{
    default                                  "{csp}";
    {SPARQL_PATH:<40} "{sparql_csp}";
    {SPARQL_PATH + ".html":<40} "{sparql_csp}";
}}
"""


def nginx_server(p: Paths) -> str:
    headers = "\n".join(f"add_header {_HEADER_NAMES[k]} {_nginx_quote(v)} always;" for k, v in SECURITY_HEADERS.items()
                        if k != "content-security-policy")
    types = "\n".join(f"location ~ \\.{ext}$ {{ types {{ }} default_type {media}; }}" for ext, media in MEDIA_TYPES.items())
    negotiated = "\n".join(f"""location = {x} {{
    if ($newsgraph_form = none) {{ return 406; }}
    rewrite ^ {x}.$newsgraph_form last;
}}""" for x in p.negotiated)
    charset_types = " ".join(sorted({MEDIA_TYPES["ttl"], MEDIA_TYPES["nt"], "text/css", "text/plain", "text/xml",
                                     "application/javascript", "application/json", "application/xml", "image/svg+xml"}))
    return f"""# newsgraph static site: nginx, the part for the server {{}} block whose root is the site
# folder (see nginx-http.conf, which must be included in the http {{}} block). Written by
# `newsgraph site`.

index index.html;
error_page 404 /404.html;
absolute_redirect off;
charset utf-8;
charset_types {charset_types};

# Every answer. (A location with add_header of its own would drop these: none below has one.)
add_header Content-Security-Policy $newsgraph_csp always;
{headers}
add_header Access-Control-Allow-Origin "*" always;
add_header Vary $newsgraph_vary always;

# Not served: these rules, and dot files other than /.well-known/.
location ^~ /{RULES_DIR}/ {{ return 404; }}
location ~ /\\.(?!well-known/) {{ return 404; }}

# Media types of the RDF documents and dumps ("types {{ }}" empties the list, so that
# default_type applies).
{types}
location ~ \\.html$ {{ }}

# The base itself is the home page.
location = {p.base_path} {{ return 302 /; }}

# The dataset IRI: 303 to the dataset description.
location = {p.dataset_path} {{
    if ($newsgraph_form = none) {{ return 406; }}
    return 303 {VOID_PATH}.$newsgraph_form;
}}

# Every IRI under the base that has a document: 303 See Other to its document.
location {p.base_path} {{
    if (!-f $request_filename.html) {{ return 404; }}
    if ($newsgraph_form = none) {{ return 406; }}
    return 303 $newsgraph_path.$newsgraph_form;
}}

# The ontology, the shapes, the dataset description: the form asked for, at their own address.
{negotiated}

# Pages without an extension: /sparql, /search, the claims ledgers.
location / {{
    try_files $uri $uri.html $uri/ =404;
}}
"""


def _nginx_quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


# ---------------------------------------------------------------------------- the base's host


def base_redirect(base: str, site_path: str, url: str) -> tuple[str, str] | None:
    """(where the file goes in the base host's repository, the ``.htaccess``) sending every
    IRI under ``site_path`` (the base's parent path, ``/newsgraph/``) on the base's host to
    the same path on the site at ``url``; None when the site is the base's host itself."""
    b, u = urllib.parse.urlsplit(base), urllib.parse.urlsplit(url)
    if (b.scheme, b.netloc) == (u.scheme, u.netloc):
        return None
    target = u.scheme + "://" + u.netloc + site_path
    where = f"{b.hostname}{site_path}.htaccess"
    body = f"""# The redirect for the IRIs under {b.scheme}://{b.netloc}{site_path}: every one goes to the
# same path on the site, {target}, which answers it (an IRI of the data with
# 303 See Other to its document, by content negotiation). Put this file at
# {site_path.lstrip("/")}.htaccess in the repository of {b.hostname} (for w3id.org, a pull
# request to https://github.com/perma-id/w3id.org). Written by `newsgraph site`.
Options +FollowSymLinks
RewriteEngine on
RewriteRule ^(.*)$ {target}$1 [R=302,L]
"""
    return where, body


README = f"""Server rules for this static site, written by `newsgraph site`. Never served
(the rules themselves refuse {RULES_DIR}/).

../.htaccess        Apache httpd 2.4: the site folder is the DocumentRoot, AllowOverride All.
nginx-http.conf     nginx: include in the http {{}} block.
nginx-server.conf   nginx: include in the server {{}} block whose root is the site folder.
HOST/PATH/.htaccess the redirect of the base IRI's host (e.g. w3id.org) to the site.

They make every IRI of the data answer 303 See Other to its document (.html, .ttl,
.jsonld, .nt) by content negotiation, as `newsgraph serve` does; see docs/serve.md.
"""
