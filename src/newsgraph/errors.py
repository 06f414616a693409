"""Typed errors. The library raises these; only the CLI turns them into a message and an exit code."""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base class: something the user can act on, described in one line."""

    exit_code = 10


class OutputError(NewsgraphError):
    """An output file could not be written, or its path holds something that is not a regular file."""

    exit_code = 10


class InputError(NewsgraphError):
    """The input article cannot be read: missing, empty, binary or not UTF-8."""

    exit_code = 3


class RecordError(NewsgraphError):
    """A record file (YAML/JSON) is malformed."""

    exit_code = 3


class RDFInputError(NewsgraphError):
    """An RDF file (data or shapes) cannot be read or parsed."""

    exit_code = 3


class ShapesError(NewsgraphError):
    """The chosen validation engine cannot evaluate the given shapes (a usage error)."""

    exit_code = 2


class ModelError(NewsgraphError):
    """The NLP model is not installed or cannot be loaded."""

    exit_code = 4


class LinkError(NewsgraphError):
    """Linking failed: a bad gazetteer file, or the online service could not be used."""

    exit_code = 5


class StoreError(NewsgraphError):
    """A SPARQL store could not be reached or did not accept the data."""

    exit_code = 6


class NotConforming(NewsgraphError):
    """The graph does not conform to the shapes. Carries the validation report."""

    exit_code = 1

    def __init__(self, message: str, report: object = None):
        super().__init__(message)
        self.report = report


class QuerySyntaxError(StoreError):
    """The query is not valid SPARQL (the parser's message says where)."""

    exit_code = 18


class StoreMissing(StoreError):
    """There is no embedded store at the path queried: nothing has been loaded there yet."""

    exit_code = 19


class ServiceRefused(StoreError):
    """A query on the embedded store uses SERVICE, which would make requests to other servers."""

    exit_code = 20


class UnknownQuestion(NewsgraphError):
    """No competency question has that name (a usage error: the message lists the names)."""

    exit_code = 2


class StoreAuthError(StoreError):
    """The SPARQL store refused the credentials (HTTP 401/403), or none were given."""

    exit_code = 7


class StoreUnavailable(StoreError):
    """The SPARQL store could not be reached (connection refused, timeout, 5xx) after retries."""

    exit_code = 8


class FetchError(NewsgraphError):
    """An article URL could not be fetched (connection failed, bad response)."""

    exit_code = 11


class FetchTimeout(FetchError):
    """The server did not answer within the timeout (NEWSGRAPH_FETCH_TIMEOUT)."""

    exit_code = 12


class FetchHTTPError(FetchError):
    """The server answered with an HTTP error status: 'HTTP 404 for <url>'."""

    exit_code = 13


class FetchTooLarge(FetchError):
    """The response is larger than the size cap; the download was aborted."""

    exit_code = 14


class FetchRedirectLoop(FetchError):
    """The redirects loop, or there are more of them than allowed."""

    exit_code = 15


class FetchRefused(FetchError):
    """A file: URL, or a host on a private, loopback or link-local address, without allow_private."""

    exit_code = 16


class NotEnglish(InputError):
    """The article is not in English (declared or detected); the extractor only reads English."""

    exit_code = 17


class PartlyFailed(NewsgraphError):
    """A corpus build finished, but some articles failed (listed in the report); the rest were built."""

    exit_code = 9


class WikidataError(LinkError):
    """The Wikidata API could not be used for online linking (unreachable, refusing, bad answer, cache unusable)."""

    exit_code = 5
