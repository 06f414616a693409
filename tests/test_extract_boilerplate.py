"""Boilerplate: where the article ends, its headline, repeated head lines, the publisher."""

from __future__ import annotations

from newsgraph.extract.boilerplate import find_body_end, find_duplicate_lines, find_headline, find_publisher

PROSE = (
    "Estonia will double its ammunition purchases next year, the defence ministry in Tallinn said on Monday, "
    "adding that the first deliveries under the new contracts are expected in the spring."
)

ARTICLE = f"""Estonia doubles ammunition orders

Tallinn plans a bigger budget for shells.
Estonia doubles ammunition orders

{PROSE}

A second paragraph of the article follows here.

Read more:

Support our journalism. Become a member today and join our community of readers.

To suggest a correction or clarification, write to us here

    Baltic Defence Times

    Please consider disabling your ad blocker to keep this site free.
"""


def test_body_ends_at_first_furniture_line():
    end = find_body_end(ARTICLE)
    assert ARTICLE[:end].endswith("A second paragraph of the article follows here.")
    assert "Read more" not in ARTICLE[:end]


def test_body_is_whole_text_without_furniture():
    text = f"Headline\n\n{PROSE}\n"
    assert find_body_end(text) == len(text.rstrip())


def test_furniture_words_inside_prose_do_not_cut_before_it():
    # "Related:" before any long paragraph is not the footer.
    text = f"Related: a headline\n\n{PROSE}\n\nRelated Posts\n\nSomething else"
    end = find_body_end(text)
    assert text[:end].endswith(PROSE)


def test_headline_and_repeated_head_line():
    end = find_body_end(ARTICLE)
    start, stop = find_headline(ARTICLE, end)
    assert ARTICLE[start:stop] == "Estonia doubles ammunition orders"
    duplicates = find_duplicate_lines(ARTICLE, end)
    assert [ARTICLE[a:b] for a, b in duplicates] == ["Estonia doubles ammunition orders"]
    assert duplicates[0][0] > stop


def test_no_headline_when_article_starts_with_prose():
    assert find_headline(PROSE + "\n", len(PROSE)) is None


def test_publisher_line_in_footer():
    end = find_body_end(ARTICLE)
    name, start, stop = find_publisher(ARTICLE, end)
    assert name == "Baltic Defence Times"
    assert ARTICLE[start:stop] == name


def test_no_publisher_without_a_name_line():
    text = f"Headline\n\n{PROSE}\n\nRelated Posts\n\nBecome a patron today!\n"
    assert find_publisher(text, find_body_end(text)) is None


def test_appeal_words_inside_prose_or_quotes_do_not_cut():
    text = (
        f"Headline\n\n{PROSE}\n\n"
        "“Our partners support us every day,” the minister said.\n\n"
        "Allies that support our work on air defence met in Riga.\n\n"
        "Related Posts\n"
    )
    end = find_body_end(text)
    assert text[:end].endswith("met in Riga.")
