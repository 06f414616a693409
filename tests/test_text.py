"""newsgraph.text: the lookup form of names, slugs, post titles, demonyms, offsets and the word
lists shipped in newsgraph/data."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from newsgraph.text import (
    country_adjective,
    demonyms,
    fold_accents,
    line_start,
    ministry_field,
    normalise,
    post_title,
    post_title_key,
    slugify,
    token_index_at,
    trimmed_end,
    word_list,
    word_map,
    word_set,
    word_table,
)


def test_fold_accents_keeps_case_and_straightens_apostrophes():
    assert fold_accents("Zürich’s Café") == "Zurich's Cafe"
    assert fold_accents("Ærøskøbing") == "Ærøskøbing"  # letters of their own, not accented ones
    assert fold_accents("plain text") == "plain text"


def test_normalise_is_the_lookup_form_of_a_name():
    assert normalise("The  Kingdom of  Ruritania") == "kingdom of ruritania"
    assert normalise("the THE Band") == "the band"  # one leading 'the' is dropped, not every one
    assert normalise("São Tomé and Príncipe") == normalise("Sao Tome and Principe") == "sao tome and principe"
    assert normalise("Saint-Étienne’s") == "saint etienne s"
    assert normalise("") == normalise("—") == ""


def test_slugify_makes_lower_case_ascii_words_joined_by_hyphens():
    assert slugify("Zürich’s Café No. 5") == "zurich-s-cafe-no-5"
    assert slugify("  Ministry of Defence of the Netherlands ") == "ministry-of-defence-of-the-netherlands"
    assert slugify("—") == "x"  # never empty: it ends IRIs


def test_post_title_puts_a_title_in_one_word_order_keeping_its_spelling():
    assert post_title(["health", "minister"]) == "Minister of Health"
    assert post_title(["Defence", "Minister"]) == "Minister of Defence"
    assert post_title(["First", "Deputy", "Energy", "Minister"]) == "First Deputy Minister of Energy"
    assert post_title(["Home", "Minister"]) == "Minister of Home Affairs"
    assert post_title(["prime", "minister"]) == "Prime Minister"
    assert post_title(["Minister", "for", "Culture"]) == "Minister for Culture"
    assert post_title(["chief", "of", "the", "general", "staff"]) == "Chief of the General Staff"


def test_post_title_key_makes_wordings_of_one_post_equal():
    assert post_title_key("Culture Minister") == post_title_key("Minister for Culture") == "minister of culture"
    assert post_title_key("Defense Minister") == post_title_key("the Minister of Défence") == "minister of defence"
    assert post_title_key("Deputy Prime Minister") == "deputy prime minister"  # not "minister of deputy prime"
    assert post_title_key("Culture Minister") != post_title_key("Deputy Culture Minister")


def test_the_two_title_forms_differ_on_purpose():
    # The record keeps the article's spelling; the comparison key ignores it.
    assert post_title(["Defense", "Minister"]) != post_title(["Defence", "Minister"])
    assert post_title_key(post_title(["Defense", "Minister"])) == post_title_key(post_title(["Defence", "Minister"]))


def test_ministry_field_names_the_ministry_in_full():
    assert ministry_field("foreign") == ministry_field("Foreign") == "Foreign Affairs"
    assert ministry_field("Energy") == "Energy"


def test_demonyms_name_countries_and_countries_their_first_adjective():
    assert demonyms()["latvian"] == "Latvia"
    assert "Latvian" not in demonyms()  # keys are case-folded
    assert country_adjective("Latvia") == "Latvian"
    assert country_adjective("Ruritania") is None


def test_token_index_at_finds_the_token_holding_an_offset():
    starts = [0, 4, 10]  # "One two,   three"
    assert [token_index_at(starts, offset) for offset in (0, 3, 4, 9, 10, 50)] == [0, 0, 1, 1, 2, 2]


def test_line_start_is_where_the_line_holding_an_offset_starts():
    text = "Headline\nFirst line of the body\n\nSecond paragraph"
    assert line_start(text, text.index("line of")) == text.index("First")
    assert line_start(text, text.index("Second") + 3) == text.index("Second")
    assert line_start(text, 3) == 0
    assert line_start(text, text.index("\n\n") + 1) == text.index("\n\n") + 1  # the empty line


def test_trimmed_end_is_the_end_of_the_text_before_without_its_spaces():
    text = "Jane Roe said:\n\n  “We will.”"
    assert trimmed_end(text, text.index("“")) == len(text[: text.index("“")].rstrip()) == text.index("\n")
    assert trimmed_end("   ", 3) == 0
    assert trimmed_end("abc", 0) == 0


def test_word_lists_are_read_in_file_order_as_sets_and_as_tables():
    assert "minister" in word_set("title-heads.txt")
    speech = word_list("speech-words.txt")
    assert speech.index("said") < speech.index("said in a statement")  # order matters to the pattern
    months = word_table("months.tsv", ("name", "number"))
    assert ("january", "1") in months and ("sept", "9") in months
    assert word_map("currency-signs.tsv", "written", "code")["€"] == "EUR"


def test_a_table_read_with_other_columns_than_its_header_is_an_error():
    with pytest.raises(ValueError, match="months.tsv"):
        word_table("months.tsv", ("month", "number"))


def _data_files():
    folder = resources.files("newsgraph").joinpath("data")
    return sorted(f.name for f in folder.iterdir() if f.name.endswith((".txt", ".tsv")) and f.name != "gazetteer.tsv")


@pytest.mark.parametrize("name", _data_files())
def test_every_word_list_says_what_it_is_for_and_holds_each_entry_once(name):
    text = resources.files("newsgraph").joinpath(f"data/{name}").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0].startswith("# ") and len(lines[0]) > 20, f"{name} opens without a comment saying what it is for"
    entries = word_list(name)
    assert entries, f"{name} is empty"
    if name.endswith(".tsv"):
        entries = entries[1:]  # the header line
        first = [row.split("\t")[0] for row in entries]
        assert len(set(first)) == len(first), f"{name} has a key twice"
    else:
        assert len(set(entries)) == len(entries), f"{name} has an entry twice"
        assert all(not re.search(r"\s$|^\s", e) for e in entries)
