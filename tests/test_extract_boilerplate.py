"""Boilerplate: where the article ends, its headline, repeated head lines, the publisher."""

from __future__ import annotations

from newsgraph.extract.boilerplate import (
    find_body_end,
    find_bylines,
    find_dateline,
    find_duplicate_lines,
    find_headline,
    find_inline_furniture,
    find_publisher,
    find_questioners,
    find_speaker_labels,
    is_caption,
    is_furniture,
)

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


# ----------------------------------------------------------------------------- furniture inside the body

INLINE = (
    "Norway buys new frigates\n\n"
    f"{PROSE}\n\n"
    "Read also: Denmark orders more artillery from France\n\n"
    "Photo: Ministry of Defence / Kari Nilsen\n\n"
    "Note from the editor: we report from the front every day. Become a member today and support our work.\n\n"
    "The frigates will be built in Bergen, the navy's chief of staff told reporters on Tuesday, adding that "
    "the first ship is due in 2029 and that crews will begin training with allied navies next year.\n\n"
    "Parliament approved the purchase in March after a long debate about costs, and the opposition has "
    "asked the government to publish the full contract once it is signed with the shipyard.\n\n"
    "Tags: Norway, Navy, Frigates\n\n"
    "© 2025 Nordic Defence Review. All rights reserved.\n"
)


def test_appeal_between_two_paragraphs_does_not_end_the_body():
    end = find_body_end(INLINE)
    assert INLINE[:end].endswith("once it is signed with the shipyard.")


def test_tags_line_starts_the_footer():
    text = f"Headline\n\n{PROSE}\n\nTopics: Estonia, Ammunition\n"
    assert find_body_end(text) == len(f"Headline\n\n{PROSE}")


def test_inline_furniture_lines_are_found_and_prose_is_not():
    end = find_body_end(INLINE)
    spans = find_inline_furniture(INLINE, end, find_headline(INLINE, end))
    lines = [INLINE[a:b] for a, b in spans]
    assert lines == [
        "Read also: Denmark orders more artillery from France",
        "Photo: Ministry of Defence / Kari Nilsen",
        "Note from the editor: we report from the front every day. Become a member today and support our work.",
    ]
    assert is_caption("Photo: Ministry of Defence / Kari Nilsen")
    assert not is_caption("Photographs of the wreckage were published by the ministry on Monday.")


def test_publisher_named_in_a_footer_sentence():
    text = (
        f"Headline\n\n{PROSE}\n\nSign up for our newsletter\n\n"
        "Jane Roe\nNews Editor\n\nJane Roe is a news editor at the Baltic Defence Times.\n"
    )
    name, start, stop = find_publisher(text, find_body_end(text))
    assert name == "Baltic Defence Times" and text[start:stop] == name


def test_furniture_inside_the_body_is_not_extracted(nlp, gazetteer):
    from newsgraph.extract import extract_record
    from newsgraph.model import Article

    record = extract_record(Article(id="t", text=INLINE), nlp, gazetteer)
    names = {e.name for e in record.entities}
    assert "Denmark" not in names and "France" not in names  # only in the 'Read also' link
    assert "Kari Nilsen" not in names  # a photo credit
    assert "Bergen" in names  # the prose after the appeal is still read


def test_a_share_widget_under_the_lead_does_not_end_the_article():
    # Pages print "Share this article" under the lead as well as at the end; sub-headings may
    # come before the next paragraph.
    answer = (
        "\"Our harbour handled more containers this year than in any year before, and the new cranes "
        "will let us take the largest ships from the spring onwards,\" she said."
    )
    text = (
        f"Headline\n\n{PROSE}\n\nShare this article\n\nOn the harbour\n\n{answer}\n\n{answer}\n\n"
        "Share this article\n\nRelated: Another story\n"
    )
    end = find_body_end(text)
    assert text[:end].endswith(answer)
    spans = find_inline_furniture(text, end, find_headline(text, end))
    assert [text[a:b] for a, b in spans] == ["Share this article"]


def test_a_share_widget_before_related_links_ends_the_article():
    text = f"Headline\n\n{PROSE}\n\nPrint\n\nMore stories\n\nA headline of another story\n"
    assert find_body_end(text) == len(f"Headline\n\n{PROSE}")


def test_one_about_us_paragraph_after_an_appeal_is_still_footer():
    about = (
        "The Baltic Defence Review is an independent English-language outlet covering security in the Baltic "
        "states, Poland and the Nordic countries, founded in 2019 by a group of journalists in Riga."
    )
    text = f"Headline\n\n{PROSE}\n\nSign up for our newsletter\n\n{about}\n"
    assert find_body_end(text) == len(f"Headline\n\n{PROSE}")


def test_questioners_written_outlet_first():
    # The outlets' press words say which part of "Q (…, …):" is the outlet, on every line.
    text = (
        "Transcript\n\n"
        "Q (Radio Norrland, Karin Holm): Will prices fall?\n\n"
        "MINISTER LINDGREN: No.\n\n"
        "Q (Svenska Dagbladet, Petter Nyberg): And the aid?\n\n"
        "MINISTER LINDGREN: Soon.\n"
    )
    end = find_body_end(text)
    assert [(text[slice(*who)], text[slice(*outlet)]) for who, outlet in find_questioners(text, end)] == [
        ("Karin Holm", "Radio Norrland"),
        ("Petter Nyberg", "Svenska Dagbladet"),
    ]
    agencies = "Transcript\n\nQ (Reuters, Karin Holm): Why?\n\nMINISTER LINDGREN: Because.\n"
    assert [(agencies[slice(*w)], agencies[slice(*o)]) for w, o in find_questioners(agencies, len(agencies))] == [("Karin Holm", "Reuters")]


def test_speaker_labels_in_capitals_with_letters_beyond_a_to_z():
    text = "Transcript\n\nDEPUTY GOVERNOR ANNA WRÓBLEWSKA: Let me add one point.\n\nParticipants: two.\n"
    assert [text[a:b] for a, b in find_speaker_labels(text, len(text))] == ["DEPUTY GOVERNOR ANNA WRÓBLEWSKA"]


# ----------------------------------------------------------------------------- datelines, bylines, labels

LEAD = "the harbour authority said on Monday, adding that the new cranes would be in service by the end of the summer season."


def _spans(text, spans):
    return [text[s:e] for s, e in spans]


def test_dateline_in_capitals_with_region_date_and_agency():
    text = f"Cranes arrive\n\nPORTO ALEGRE, Brazil, May 2, 2026 (Pampa Wire) - Three cranes arrived, {LEAD}\n"
    end = find_body_end(text)
    d = find_dateline(text, end, find_headline(text, end))
    assert (text[slice(*d.place)], text[slice(*d.region)], text[slice(*d.source)]) == ("PORTO ALEGRE", "Brazil", "Pampa Wire")
    assert text[d.end :].startswith("Three cranes")


def test_dateline_in_ordinary_case_needs_a_date_or_a_source():
    with_source = f"Cranes arrive\n\nChennai, March 3 (PTI): Three cranes arrived, {LEAD}\n"
    end = find_body_end(with_source)
    d = find_dateline(with_source, end, find_headline(with_source, end))
    assert (with_source[slice(*d.place)], with_source[slice(*d.source)]) == ("Chennai", "PTI")
    plain = f"Cranes arrive\n\nShipping - Three cranes arrived, {LEAD}\n"
    end = find_body_end(plain)
    assert find_dateline(plain, end, find_headline(plain, end)) is None


def test_imitation_agency_and_speaker_label_are_no_dateline():
    styled = f"Cranes arrive\n\nSANTOS (Reuters-style) — Three cranes arrived, {LEAD}\n"
    end = find_body_end(styled)
    d = find_dateline(styled, end, find_headline(styled, end))
    assert styled[slice(*d.place)] == "SANTOS" and d.source is None
    label = f"Cranes arrive\n\nMINISTER TANAKA: Three cranes arrived, {LEAD}\n"
    end = find_body_end(label)
    assert find_dateline(label, end, find_headline(label, end)) is None


def test_bylines_and_credits_name_people_not_posts():
    text = (
        f"Cranes arrive\n\nBy MARTA OLSEN and Jonas Berg, Harbour Editor\n\n{LEAD}\n\n"
        "Reporting by Ana Lima; Editing by Tom Reed\n"
    )
    assert _spans(text, find_bylines(text, len(text))) == ["MARTA OLSEN", "Jonas Berg", "Ana Lima", "Tom Reed"]
    assert find_bylines(f"The cranes were unloaded by Harbour Logistics on Monday, {LEAD}", 200) == []


def test_speaker_labels_and_questioners_of_a_transcript():
    text = (
        "Transcript\n\n"
        "MODERATOR (Assistant Secretary Jan Roe, Press Office): Good afternoon.\n\n"
        "SENIOR DEPUTY GOVERNOR OH: Thank you.\n\n"
        "Q: Ana Lima, Harbour Daily. Governor, will rates fall?\n\n"
        "A: Not yet.\n\n"
        "SECRETARY CRANE: Thank you, Sébastien.\n"
    )
    end = len(text)
    assert _spans(text, find_speaker_labels(text, end)) == ["SENIOR DEPUTY GOVERNOR OH", "Q", "A", "SECRETARY CRANE"]
    assert [(text[slice(*who)], text[slice(*outlet)]) for who, outlet in find_questioners(text, end)] == [
        ("Assistant Secretary Jan Roe", "Press Office"),
        ("Ana Lima", "Harbour Daily"),
    ]


def test_end_marks_and_release_references_end_the_body():
    for mark in ("***", "-- END --", "ENDS", "END OF TRANSCRIPT", "(Release ID: 2107745) Visitor Counter : 12", "AD/KS/SK"):
        text = f"Headline\n\n{PROSE}\n\n{mark}\n\nRead this release in: Hindi , Tamil\n"
        assert text[: find_body_end(text)].endswith(PROSE), mark
    # A row of stars between two parts of a feature is a section break, not the end.
    text = f"Headline\n\n{PROSE}\n\n***\n\n{PROSE} More.\n\n{PROSE} Again.\n"
    assert find_body_end(text) == len(text.rstrip())
    assert not is_furniture("NATO") and not is_furniture("The end of the war is near.")


def test_a_share_button_between_topics_of_an_interview_does_not_end_the_body():
    answer = (
        '"Freight costs have halved since the spring, and most of that saving has already reached the '
        'shelves," she said, adding that the next quarter would show whether the fall lasts."'
    )
    text = (
        f"Interview: the port chief on freight\n\n{PROSE}\n\nShare this article\n\n"
        f"On freight costs\n\n{answer}\n\nOn the new terminal\n\n{answer}\n\nShare this article\n"
    )
    end = find_body_end(text)
    assert text[:end].endswith("On the new terminal\n\n" + answer)
    spans = find_inline_furniture(text, end, find_headline(text, end))
    assert [text[a:b] for a, b in spans] == ["Share this article"]


def test_a_share_button_before_a_list_of_links_ends_the_body():
    text = f"Headline\n\n{PROSE}\n\nShare this article\n\nOn other news\n\nMarkets close higher\n"
    assert find_body_end(text) == len(f"Headline\n\n{PROSE}")


def test_a_label_whose_brackets_give_a_post_and_body_names_the_speaker():
    text = (
        "Transcript\n\n"
        "ELENA MARKOVA (Managing Director, Baltic Ferries): Sailings will double.\n\n"
        "Q: Will fares rise?\n"
    )
    end = len(text)
    assert _spans(text, find_speaker_labels(text, end)) == ["ELENA MARKOVA", "Q"]
    assert find_questioners(text, end) == []


def test_a_comment_heading_before_an_officials_comment_does_not_end_the_release():
    # Statistics releases head the chief's words on the figures "Comment"; a page's lone
    # "Comment" button with nothing but short lines after it still ends the article.
    comment = (
        "\"Harvests were better than expected across the east of the country, and that shows in the "
        "prices of bread and flour this month,\" said Jana Kowal, the bureau's chief statistician."
    )
    follow = (
        "Kowal, who took up the post in March after a decade at the central bank, added that the "
        "survey of shops would be widened to smaller towns from the next quarter onwards."
    )
    text = f"Headline\n\n{PROSE}\n\nComment\n\n{comment}\n\n{follow}\n\nContact: Press Office\n"
    assert comment in text[: find_body_end(text)]
    footer = f"Headline\n\n{PROSE}\n\nComment\n\nName\n\nEmail\n\nPost comment\n"
    assert find_body_end(footer) == len(f"Headline\n\n{PROSE}")
    assert find_body_end(f"Headline\n\n{PROSE}\n\nComments\n\n{comment}\n\n{follow}\n") == len(f"Headline\n\n{PROSE}")


def test_live_coverage_credit_after_a_bar_is_a_byline():
    text = "Headline\n\nMonday 3 May | Quito | Live coverage by Ana María Roe and Tom Doe\n\nCoverage by the agency was wide, and the count by officials went on.\n"
    assert [text[a:b] for a, b in find_bylines(text, len(text))] == ["Ana María Roe", "Tom Doe"]


def test_byline_names_with_the_place_each_reporter_filed_from():
    text = "Headline\n\nBy Ingrid Roe in Brussels and Piotr Kowal in Warsaw\n\nThe talks went on late into the night.\n"
    assert [text[a:b] for a, b in find_bylines(text, len(text))] == ["Ingrid Roe", "Piotr Kowal"]
    text = "Headline\n\nBy Ingrid Roe in New York\n\nThe talks went on.\n"
    assert [text[a:b] for a, b in find_bylines(text, len(text))] == ["Ingrid Roe"]


def test_a_post_and_a_long_name_after_by_in_a_subtitle_is_no_byline():
    # 'by' + a post and a name running past four words, then the sentence going on: not a reporter.
    text = "Statement\n\nby Harbour Board Chair Marieke van Loon following the annual review of the port\n\nThe board met.\n"
    assert find_bylines(text, len(text)) == []
    text = "Headline\n\nBy Marieke van Loon\n\nThe board met.\n"
    assert [text[a:b] for a, b in find_bylines(text, len(text))] == ["Marieke van Loon"]


def test_by_with_a_post_is_no_byline():
    # "by <post> <name>" credits a speaker in office; a reporter's byline names the reporter bare.
    text = "Press conference\nby NATO Secretary General Jan de Vries after the meeting\n\nBy ANNA ROE\n\nThe meeting ended.\n"
    assert [text[a:b] for a, b in find_bylines(text, len(text))] == ["ANNA ROE"]
    text = "Speech\nby Minister Jan Roe\n\nBy Tom Major\n"
    assert [text[a:b] for a, b in find_bylines(text, len(text))] == ["Tom Major"]


def test_assistance_credit_line():
    # a wire's closing credit names reporters, as a byline does; "with assistance from" inside a sentence does not
    text = "Prices fell.\n\n--With assistance from Marta Nowak and Jan Roe.\n"
    assert [text[a:b] for a, b in find_bylines(text, len(text))] == ["Marta Nowak", "Jan Roe"]
    text = "The cranes were unloaded with assistance from Harbour Logistics on Monday.\n"
    assert find_bylines(text, len(text)) == []


def test_a_related_coverage_heading_and_a_button_bar_are_furniture():
    assert is_furniture("Related coverage:")
    assert is_furniture("Share | Save | 38 comments")
    assert is_furniture("Print · Email · Comments (7)")
    assert not is_furniture("Related coverage of the talks showed 12 delegations")
    assert not is_furniture("Share prices rose 3% | Save the date")
    text = ("Port volumes rose 4% in May, the authority said on Monday in a short statement to reporters, "
            "adding that container traffic through the northern terminals had recovered after the winter storms.\n\n"
            "Related coverage:\n- Port operator holds fees at 2.5 pct\n")
    assert text[: find_body_end(text)].endswith("after the winter storms.")


def test_a_bylines_desk_after_a_comma_is_no_second_name():
    text = "Shipping lanes reopen\n\nBy Mara Quint, International Affairs and Defence Section | 3 July 2026\n\nBody text follows here."
    assert [text[a:b] for a, b in find_bylines(text, len(text))] == ["Mara Quint"]
    text = "Shipping lanes reopen\n\nBy Mara Quint, Ola Berg and Tim Vance\n\nBody text follows here."
    assert [text[a:b] for a, b in find_bylines(text, len(text))] == ["Mara Quint", "Ola Berg", "Tim Vance"]
