"""The extractor's public API: model loading, record metadata, keys kept current."""

from __future__ import annotations

import pytest

from newsgraph import __version__
from newsgraph.errors import ModelError
from newsgraph.extract import DEFAULT_MODEL, extract_record, load_nlp
from newsgraph.model import Article
from newsgraph.record import record_from_dict, record_to_dict


def test_load_nlp_is_cached(nlp):
    assert load_nlp() is nlp
    assert load_nlp(DEFAULT_MODEL) is nlp


def test_missing_model_is_a_model_error():
    with pytest.raises(ModelError, match="NLP model 'no_such_model_xyz' is not installed"):
        load_nlp("no_such_model_xyz")


def test_record_metadata_and_round_trip(nlp, gazetteer):
    text = "Croatian Defence Minister Ivan Horvat said that Croatia will send 6 helicopters.\n"
    record = extract_record(Article(id="t", text=text), nlp, gazetteer)
    assert record.extractor == f"newsgraph {__version__}"
    assert record.model == f"{nlp.meta['name']} {nlp.meta['version']}"
    assert record_from_dict(record_to_dict(record)) == record


def test_all_keys_point_at_entities(nlp, gazetteer):
    # The surname comes first; the full name later renames the person's key.
    text = (
        "Support for Kyiv will grow, Horvat says\n\n"
        "Croatian Defence Minister Ivan Horvat said that Croatia will send 6 helicopters. "
        "“We stand with our partners,” Horvat said.\n"
    )
    record = extract_record(Article(id="t", text=text), nlp, gazetteer)
    keys = {e.key for e in record.entities}
    for role in record.roles:
        assert {role.person, role.of} <= keys
    for item in [*record.quotes, *record.claims]:
        assert item.speaker in keys
    assert {record.entity(c.speaker).name for c in record.claims} == {"Ivan Horvat"}


def test_inline_furniture_keeps_offsets_and_is_left_out(nlp, gazetteer):
    text = (
        "Sweden orders new submarines\n\n"
        "Sweden will order two more submarines from its shipyards, Defence Minister Karl Lund said on Monday, "
        "adding that the contract would be signed before the summer and the boats delivered by 2031.\n\n"
        "Read also: Norway and Denmark sign artillery deal\n\n"
        "“The Baltic Sea is our front yard,” Lund said.\n"
    )
    record = extract_record(Article(id="t", text=text), nlp, gazetteer)
    names = {e.name for e in record.entities}
    assert "Norway" not in names and "Denmark" not in names
    assert "Baltic Sea" in names
    for entity in record.entities:
        for anchor in entity.mentions:
            assert text[anchor.start : anchor.end] == anchor.exact


def test_a_doc_parsed_beforehand_gives_the_same_record(nlp, gazetteer):
    """Corpus workers parse a batch with nlp.pipe and hand each Doc to extract_record."""
    from newsgraph.extract import extract_record, text_to_parse
    from newsgraph.model import Article

    text = ("Estonia pledges drones, minister says\n\n"
            "Estonian Defence Minister Hanno Pevkur said Estonia would send about 300 drones.\n\n"
            "Read also: Another story\n\n"
            "“We keep our word,” Pevkur said.\n\nShare this article\n")
    article = Article(id="estonia-drones", text=text)
    alone = extract_record(article, nlp, gazetteer)
    [doc] = list(nlp.pipe([text_to_parse(text)]))
    assert extract_record(article, nlp, gazetteer, doc=doc) == alone
    with pytest.raises(ValueError, match="text_to_parse"):
        extract_record(article, nlp, gazetteer, doc=nlp("Some other text."))
