"""The shortcuts taken for speed answer what the general code answers: the ASCII paths of the
name keys, the gazetteer's `knows`, the context's shared doc text, the name stripper's tail
check and the mapper's term objects."""

from __future__ import annotations

from newsgraph import namespaces
from newsgraph.extract.context import ArticleContext
from newsgraph.extract.entities import _strip
from newsgraph.extract.names import name_key
from newsgraph.gazetteer import Gazetteer, GazetteerRow
from newsgraph.mapping import NG, RDF, WD
from newsgraph.text import normalise


def test_normalise_is_the_same_for_ascii_and_non_ascii_spellings():
    assert normalise("STRASSE") == normalise("Straße") == "strasse"
    assert normalise("Cote d'Ivoire") == normalise("Côte d’Ivoire") == "cote d ivoire"
    assert normalise("The U.S.") == normalise("U. S.") == "u s"


def test_name_key_is_the_same_for_ascii_and_non_ascii_spellings():
    assert name_key("Zelenskyy") == name_key("Зеленський") == name_key("ZELENSKY")
    assert name_key("Spruds") == name_key("Sprūds")
    assert name_key("Iermak") == name_key("Єрмак")


def test_knows_is_whether_lookup_finds_rows(gazetteer):
    for name in ("Ukraine", "the Netherlands", "Türkiye", "Turkiye", "Great Britain", "Atlantis Republic", "", "---"):
        assert gazetteer.knows(name) == bool(gazetteer.lookup(name)), name


def test_knows_sees_rows_added_later():
    gazetteer = Gazetteer()
    assert not gazetteer.knows("Ruritania")
    gazetteer.add(GazetteerRow(label="Kingdom of Ruritania", kind="Country", aliases=("Ruritania",)))
    assert gazetteer.knows("ruritania") and gazetteer.knows("Kingdom of Ruritania")


def test_doc_text_is_the_text_of_the_doc_asked_about(nlp, gazetteer):
    first, second = nlp.make_doc("Jane Roe said so."), nlp.make_doc("John Doe did not.")
    ctx = ArticleContext(text=first.text, gazetteer=gazetteer, body_end=len(first.text))
    assert ctx.doc_text(first) == first.text
    assert ctx.doc_text(second) == second.text  # another doc: its own text, not the one kept
    ctx.set_doc_text(first, first.text)
    assert ctx.doc_text(first) == "Jane Roe said so."


def test_strip_drops_possessives_and_punctuation_only():
    assert _strip("Ukraine’s", 10) == ("Ukraine", 10, 17)
    assert _strip("Chiefs'", 0) == ("Chiefs", 0, 6)
    assert _strip("the Kyiv Independent,", 0) == ("Kyiv Independent", 4, 20)
    assert _strip("NATO", 3) == ("NATO", 3, 7)
    assert _strip("Leopard 2", 0) == ("Leopard 2", 0, 9)  # ends on a digit: nothing to strip
    assert _strip("Forces (", 0) == ("Forces (", 0, 8)  # ends on punctuation the pattern does not drop


def test_mapping_terms_are_the_namespace_terms_built_once():
    assert NG.anchor == namespaces.NG.anchor and NG.anchor is NG.anchor
    assert RDF.type == RDF["type"]
    assert WD["Q212"] == namespaces.WD["Q212"]
