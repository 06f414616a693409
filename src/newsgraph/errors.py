"""Typed errors. The library raises these; only the CLI turns them into a message and an exit code."""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base class: something the user can act on, described in one line."""

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
