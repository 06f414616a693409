"""Coalitions: list lines and prose, countries checked against the gazetteer, leads and members."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.extract.coalitions import coalition_key, display_name, find_coalitions
from newsgraph.extract.context import ArticleContext
from newsgraph.gazetteer import Gazetteer, GazetteerRow
from newsgraph.model import Coalition

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "umerov-ramstein-2024.txt"


@pytest.fixture(scope="module")
def tiny() -> Gazetteer:
    """A gazetteer of a few countries, so these tests do not depend on the shipped data."""
    gazetteer = Gazetteer()
    for label, aliases in [
        ("Latvia", ()), ("United Kingdom", ("UK", "Great Britain", "Britain")), ("Sweden", ()), ("Canada", ()),
        ("Estonia", ()), ("Germany", ()), ("Poland", ()), ("France", ()), ("Italy", ()), ("Norway", ()),
        ("Netherlands", ("The Netherlands", "Holland")), ("Denmark", ()), ("United States", ("US", "USA")),
        ("Türkiye", ("Turkey", "Turkiye")), ("Belgium", ()),
    ]:
        gazetteer.add(GazetteerRow(label=label, kind="Country", aliases=aliases))
    gazetteer.add(GazetteerRow(label="Kyiv", kind="Place"))
    return gazetteer


def _coalitions(nlp, gazetteer: Gazetteer, text: str) -> tuple[list[Coalition], ArticleContext]:
    ctx = ArticleContext(text=text, gazetteer=gazetteer, body_end=len(text))
    return find_coalitions(nlp(text), ctx), ctx


def _summary(coalitions: list[Coalition], ctx: ArticleContext) -> dict[str, dict[str, bool]]:
    return {c.name: {ctx.entities[m.country].name: m.lead for m in c.members} for c in coalitions}


def _check_anchors(coalitions: list[Coalition], text: str) -> None:
    for c in coalitions:
        for a in [*c.anchors, *(m.anchor for m in c.members if m.anchor)]:
            assert text[a.start : a.end] == a.exact


def test_names_and_keys():
    assert display_name("drone coalition") == "Drone Coalition"
    assert display_name("IT Coalition") == "IT Coalition"
    assert display_name("Black Sea security coalition") == "Black Sea security coalition"
    assert coalition_key("Armoured capability coalition") == coalition_key("Armored Coalition")
    assert coalition_key("drone coalition") == coalition_key("Drones Coalition")


def test_list_lines_with_an_introduction_that_says_they_lead(nlp, tiny):
    text = (
        "The minister thanked the countries leading the capability coalitions:\n\n"
        "– Latvia and the UK – Drone Coalition\n"
        "- France – Artillery Coalition\n"
        "• The United States, Denmark, and the Netherlands – Aviation Coalition\n"
        "Air Defense Coalition: Germany, Poland\n"
    )
    coalitions, ctx = _coalitions(nlp, tiny, text)
    assert _summary(coalitions, ctx) == {
        "Drone Coalition": {"Latvia": True, "United Kingdom": True},
        "Artillery Coalition": {"France": True},
        "Aviation Coalition": {"United States": True, "Denmark": True, "Netherlands": True},
        "Air Defense Coalition": {"Germany": True, "Poland": True},
    }
    _check_anchors(coalitions, text)
    # The coalition is an Organization entity; the written 'UK' is an alias of the gazetteer's label.
    assert coalitions[0].key == "Organization:drone-coalition"
    assert ctx.entities[coalitions[0].key].kind == "Organization"
    assert "UK" in ctx.entities["Country:united-kingdom"].aliases


def test_list_lines_without_a_lead_cue_and_with_lead_marks(nlp, tiny):
    text = "Members so far:\n\nDrone Coalition: Latvia (lead), Sweden, Canada\n- Estonia – Demining Coalition\n"
    coalitions, ctx = _coalitions(nlp, tiny, text)
    assert _summary(coalitions, ctx) == {
        "Drone Coalition": {"Latvia": True, "Sweden": False, "Canada": False},
        "Demining Coalition": {"Estonia": False},
    }


def test_list_lines_need_countries(nlp, tiny):
    # Not country lists: the coalitions are named, but nobody is said to lead or join them, and a
    # grouping no country leads or joins is not reported (it could be anything).
    text = "Agenda:\n– Kyiv – Drone Coalition\n– Panel – Energy Coalition\n"
    coalitions, ctx = _coalitions(nlp, tiny, text)
    assert _summary(coalitions, ctx) == {}


def test_political_coalitions_are_not_coalitions_of_countries(nlp, tiny):
    text = "The ruling coalition in Riga agreed on the budget, and the governing coalition partners signed it."
    coalitions, _ = _coalitions(nlp, tiny, text)
    assert coalitions == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Latvia leads the drone coalition together with the UK, Defense Minister Andris Sprūds said.",
         {"Drone Coalition": {"Latvia": True, "United Kingdom": True}}),
        ("The drone coalition led by Latvia and the United Kingdom met in Riga.",
         {"Drone Coalition": {"Latvia": True, "United Kingdom": True}}),
        ("Sweden joined the IT coalition in March.", {"IT Coalition": {"Sweden": False}}),
        ("Canada joined the Latvia-led drone coalition on Thursday.",
         {"Drone Coalition": {"Canada": False, "Latvia": True}}),
        ("Germany and Poland are leading the armoured coalition.",
         {"Armoured Coalition": {"Germany": True, "Poland": True}}),
        ("The maritime capability coalition, led by the UK and Norway, met in Brussels.",
         {"Maritime Capability Coalition": {"United Kingdom": True, "Norway": True}}),
        ("Talks with the US and Belgium went on, as did work on Türkiye’s participation in a Black Sea security coalition.",
         {"Black Sea security coalition": {"Türkiye": False}}),
        ("Italy thanked countries that have taken the lead in developing coalition capabilities.", {}),
        ("The coalition of the willing met in Paris.", {}),
    ],
)
def test_prose(nlp, tiny, text, expected):
    coalitions, ctx = _coalitions(nlp, tiny, text)
    assert _summary(coalitions, ctx) == expected
    _check_anchors(coalitions, text)


def test_one_coalition_per_name(nlp, tiny):
    text = (
        "Latvia leads the drone coalition.\n\n"
        "– Latvia and the UK – Drone Coalition\n\n"
        "Sweden joined the drone coalition in May."
    )
    coalitions, ctx = _coalitions(nlp, tiny, text)
    assert _summary(coalitions, ctx) == {"Drone Coalition": {"Latvia": True, "United Kingdom": False, "Sweden": False}}
    assert len(coalitions[0].anchors) == 3


def test_sample_with_the_shipped_gazetteer(nlp, gazetteer):
    text = SAMPLE.read_text(encoding="utf-8")
    ctx = ArticleContext(text=text, gazetteer=gazetteer, body_end=text.index("\nRelated:"))
    coalitions = find_coalitions(nlp(text[: ctx.body_end]), ctx)
    # Copied from the reviewed gold annotation.
    assert _summary(coalitions, ctx) == {
        "Aviation Coalition": {"United States": True, "Denmark": True, "Netherlands": True},
        "Artillery Coalition": {"France": True},
        "Naval Coalition": {"United Kingdom": True, "Norway": True},
        "Armored Coalition": {"Germany": True, "Poland": True},
        "IT Coalition": {"Estonia": True, "Luxembourg": True},
        "Demining Coalition": {"Lithuania": True},
        "Black Sea security coalition": {"Türkiye": False},
    }
    _check_anchors(coalitions, text)
    naval = next(c for c in coalitions if c.name == "Naval Coalition")
    assert naval.members[0].anchor is not None and naval.members[0].anchor.exact == "Great Britain"


def test_led_by_before_the_coalition(nlp, tiny):
    coalitions, ctx = _coalitions(nlp, tiny, "Led by Latvia and the UK, the drone coalition has delivered thousands of drones.")
    assert _summary(coalitions, ctx) == {"Drone Coalition": {"Latvia": True, "United Kingdom": True}}


def test_names_with_their_countries_in_brackets(nlp, tiny):
    text = (
        "Ukraine has capability coalitions, each with its leaders: aviation (the US, Denmark, the Netherlands), "
        "artillery (France, USA), IT (Estonia) and maritime security (led by the UK and Norway).\n\n"
        "Officials from the United States (US) discussed the coalition."
    )
    coalitions, ctx = _coalitions(nlp, tiny, text)
    assert _summary(coalitions, ctx) == {
        "Aviation Coalition": {"United States": True, "Denmark": True, "Netherlands": True},
        "Artillery Coalition": {"France": True, "United States": True},
        "IT Coalition": {"Estonia": True},
        "Maritime Security Coalition": {"United Kingdom": True, "Norway": True},
    }
    _check_anchors(coalitions, text)


def test_the_coalition_and_its_members_refer_to_the_coalition_named_last(nlp, tiny):
    text = (
        "The drone coalition, co-led by Latvia and the United Kingdom, has grown to 18 members.\n\n"
        "Canada, Sweden and Poland are among the members. Denmark joined the coalition in May, "
        "and the coalition of the willing met in Paris."
    )
    coalitions, ctx = _coalitions(nlp, tiny, text)
    assert _summary(coalitions, ctx) == {
        "Drone Coalition": {
            "Latvia": True, "United Kingdom": True, "Canada": False, "Sweden": False, "Poland": False, "Denmark": False,
        }
    }
    assert [a.exact for a in coalitions[0].anchors] == ["drone coalition"]  # references are not names


def test_a_bare_coalition_with_nothing_named_before_is_nothing(nlp, tiny):
    coalitions, _ = _coalitions(nlp, tiny, "Sweden joined the coalition in May.")
    assert coalitions == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The air defence coalition, which Germany leads together with France, met in Kyiv.",
         {"Air Defence Coalition": {"Germany": True, "France": True}}),
        ("The artillery coalition, which France co-leads with the United States, grew.",
         {"Artillery Coalition": {"France": True, "United States": True}}),
        ("The maritime coalition, which Norway and the UK lead, added two ships.",
         {"Maritime Coalition": {"Norway": True, "United Kingdom": True}}),
        ("The demining coalition, which Canada joined in May, trains sappers.",
         {"Demining Coalition": {"Canada": False}}),
        ("The IT coalition, which was set up in 2023, met in Tallinn. Estonia said nothing.", {}),
    ],
)
def test_a_relative_clause_after_the_coalition(nlp, tiny, text, expected):
    coalitions, ctx = _coalitions(nlp, tiny, text)
    assert _summary(coalitions, ctx) == expected
    _check_anchors(coalitions, text)


def test_it_after_join_refers_to_the_coalition_of_the_same_sentence(nlp, tiny):
    text = ("Officials said the armoured coalition, led by Poland, had grown, and that Italy and Belgium had joined it. "
            "Canada joined it later.")
    coalitions, ctx = _coalitions(nlp, tiny, text)
    # round 5: the sentence before names the coalition last, nothing after it that "it" could be: Canada too
    assert _summary(coalitions, ctx) == {"Armoured Coalition": {"Poland": True, "Italy": False, "Belgium": False,
                                                                "Canada": False}}
    text = "Sweden joined it in 2024."  # no coalition named: 'it' is nothing
    coalitions, ctx = _coalitions(nlp, tiny, text)
    assert coalitions == []


def test_a_list_ends_after_its_and(nlp, tiny):
    text = "In the armoured coalition, led by Poland and Germany, Sweden and Canada are members."
    coalitions, ctx = _coalitions(nlp, tiny, text)
    assert _summary(coalitions, ctx)["Armoured Coalition"] == {"Poland": True, "Germany": True, "Sweden": False,
                                                               "Canada": False}
    text = "Sweden, Latvia and Poland lead the drone coalition."
    coalitions, ctx = _coalitions(nlp, tiny, text)
    assert _summary(coalitions, ctx)["Drone Coalition"] == {"Sweden": True, "Latvia": True, "Poland": True}


# --------------------------------------------------------------------------- groupings of states in prose
# Sentences written for these tests, each a way articles say who leads or joins a grouping of states.


def _roles(nlp, gazetteer: Gazetteer, text: str) -> dict[str, dict[str, str]]:
    """{coalition: {country: 'lead' | 'member' | 'joining'}} found in `text`, anchors checked."""
    coalitions, ctx = _coalitions(nlp, gazetteer, text)
    _check_anchors(coalitions, text)
    return {c.name: {ctx.entities[m.country].name: "lead" if m.lead else "joining" if m.joining else "member"
                     for m in c.members} for c in coalitions}


def _record(nlp, gazetteer: Gazetteer, text: str):
    from newsgraph.extract import extract_record
    from newsgraph.model import Article

    return extract_record(Article(id="test-article", text=text), nlp, gazetteer)


def _record_roles(record) -> dict[str, dict[str, str]]:
    names = {e.key: e.name for e in record.entities}
    return {c.name: {names[m.country]: "lead" if m.lead else "joining" if m.joining else "member" for m in c.members}
            for c in record.coalitions}


def test_a_shared_head_noun_and_leads_given_respectively(nlp, gazetteer):
    text = ("Allied ministers agreed to form three groups - naval, cyber and medical coalitions - to be led "
            "respectively by Norway, Estonia and Canada.")
    assert _roles(nlp, gazetteer, text) == {
        "Naval Coalition": {"Norway": "lead"},
        "Cyber Coalition": {"Estonia": "lead"},
        "Medical Coalition": {"Canada": "lead"},
    }


def test_a_coalition_named_by_its_purpose(nlp, gazetteer):
    text = ("Chile and Peru, which are not members of the Pacific Alliance, joined a coalition for mapping the "
            "seabed, led by Norway and Japan, on Friday.")
    assert _roles(nlp, gazetteer, text) == {
        "coalition for mapping the seabed": {"Chile": "member", "Peru": "member", "Norway": "lead", "Japan": "lead"},
    }
    text = "A coalition to clear landmines from farmland by 2030 was launched with Angola and Croatia as founding members."
    assert _roles(nlp, gazetteer, text) == {
        "coalition to clear landmines from farmland": {"Angola": "member", "Croatia": "member"},
    }


def test_coalition_of_the_titles(nlp, gazetteer):
    text = ("Spain will head a separate Coalition of the Willing for Wildfire Response, together with Portugal and "
            "Greece, which aims to share firefighting aircraft.")
    assert _roles(nlp, gazetteer, text) == {
        # "together with" after a comma: who is in it, not who else heads it (round 3)
        "Coalition of the Willing for Wildfire Response": {"Spain": "lead", "Portugal": "member", "Greece": "member"},
    }
    text = "The so-called coalition of the willing, led by Britain and France, met in London on Sunday."
    assert _roles(nlp, gazetteer, text) == {"coalition of the willing": {"United Kingdom": "lead", "France": "lead"}}


def test_an_alliance_its_members_and_those_outside_it(nlp, gazetteer):
    text = ("Kenya signed up to the Blue Fisheries Alliance alongside Tanzania on Monday. The Blue Fisheries "
            "Alliance, led by Japan and Fiji, was launched in 2023 and also counts Tonga and Samoa as members. "
            "Mozambique, whose fleet is the largest in the region, has not joined, officials said.")
    assert _roles(nlp, gazetteer, text) == {
        "Blue Fisheries Alliance": {"Kenya": "member", "Tanzania": "member", "Japan": "lead", "Fiji": "lead",
                                    "Tonga": "member", "Samoa": "member"},
    }


def test_a_named_operation_and_who_contributes(nlp, gazetteer):
    text = ("Operation Northern Lantern, led by Denmark, has escorted 40 tankers since May. Sweden and Finland "
            "also contribute frigates, and Estonia has offered a patrol aircraft.")
    assert _roles(nlp, gazetteer, text) == {
        "Operation Northern Lantern": {"Denmark": "lead", "Sweden": "member", "Finland": "member"},
    }


def test_a_coalition_named_only_by_who_leads_it(nlp, gazetteer):
    text = ("A US-led coalition has struck radar sites in the region since March. Britain has taken part in some "
            "of the raids; Spain and Greece have not.")
    assert _roles(nlp, gazetteer, text) == {"US-led coalition": {"United States": "lead", "United Kingdom": "member"}}


def test_leads_given_in_a_later_sentence(nlp, gazetteer):
    text = ("Defence chiefs from 30 countries met in Oslo to plan the Northern Shield Force, which would patrol the "
            "Arctic. This coalition is led by Norway and Poland. Twenty countries have so far pledged ships, "
            "among them Ireland, Belgium and Portugal. Japan took part as an observer and has not pledged forces.")
    assert _roles(nlp, gazetteer, text) == {
        "Northern Shield Force": {"Norway": "lead", "Poland": "lead", "Ireland": "member", "Belgium": "member",
                                  "Portugal": "member"},
    }
    text = ("A coalition to end routine gas venting in the Caspian Sea has been launched, with Azerbaijan and "
            "Georgia as founding members. This coalition, which Kazakhstan and Norway will co-chair, hopes to raise "
            "$1bn.")
    assert _roles(nlp, gazetteer, text) == {
        "coalition to end routine gas venting in the Caspian Sea": {
            "Azerbaijan": "member", "Georgia": "member", "Kazakhstan": "lead", "Norway": "lead"},
    }


def test_leads_spearheaded_chaired_and_again_led(nlp, gazetteer):
    text = ("The Desert Power Initiative, spearheaded by Morocco and Egypt since 2021, now has 30 members; Senegal "
            "and Mali were the latest to sign its charter.")
    assert _roles(nlp, gazetteer, text) == {
        "Desert Power Initiative": {"Morocco": "lead", "Egypt": "lead", "Senegal": "member", "Mali": "member"},
    }
    text = ("The ministers agreed that the demining coalition will, in 2027, again be led by Lithuania and Iceland. "
            "Latvia and Belgium remain members.")
    assert _roles(nlp, gazetteer, text) == {
        "Demining Coalition": {"Lithuania": "lead", "Iceland": "lead", "Latvia": "member", "Belgium": "member"},
    }
    text = "The Andes Water Group, co-chaired by Bolivia and Ecuador, met in Quito. Fellow members Chile and Peru spoke."
    assert _roles(nlp, gazetteer, text) == {
        "Andes Water Group": {"Bolivia": "lead", "Ecuador": "lead", "Chile": "member", "Peru": "member"},
    }


def test_a_lead_thanked_in_a_quote_and_an_envoy_who_chairs_it(nlp, gazetteer):
    text = ("Ghana and Peru launched the Clean Water Alliance in Accra. \"I thank Peru for its leadership,\" the "
            "minister said.")
    assert _roles(nlp, gazetteer, text) == {"Clean Water Alliance": {"Ghana": "member", "Peru": "lead"}}
    text = "Fiji's ocean envoy, who chairs the Pacific Reef Coalition, spoke first."
    assert _roles(nlp, gazetteer, text) == {"Pacific Reef Coalition": {"Fiji": "lead"}}


def test_joining_reported_and_refused(nlp, gazetteer):
    text = ("The Atlantic Rescue Coalition was launched by Ireland and Portugal in 2024. Spain joined in April, and "
            "France is reported to have joined in May. Morocco is in the process of joining, and Cape Verde is "
            "expected to sign in June. Britain has not joined the coalition, and Norway has so far refused.")
    assert _roles(nlp, gazetteer, text) == {
        "Atlantic Rescue Coalition": {"Ireland": "member", "Portugal": "member", "Spain": "member",
                                      "France": "member", "Morocco": "joining", "Cabo Verde": "joining"},
    }


def test_countries_that_join_a_coalition_led_by_another(nlp, gazetteer):
    # named by who leads it and what it is for: one grouping with the later "the Greece-led coalition"
    text = "Spain and Portugal join Greece-led coalition on wildfire aircraft"
    assert _roles(nlp, gazetteer, text) == {
        "Greece-led coalition on wildfire aircraft": {"Greece": "lead", "Spain": "member", "Portugal": "member"},
    }
    text = "Colombia, Peru sign up to Chile- and Norway-led Green Shipping Alliance"
    assert _roles(nlp, gazetteer, text) == {
        "Green Shipping Alliance": {"Chile": "lead", "Norway": "lead", "Colombia": "member", "Peru": "member"},
    }


def test_a_led_by_description_is_the_named_coalition_it_describes(nlp, gazetteer):
    text = ("Denmark and Iceland join Canada-led coalition on polar rescue\n\n"
            "Denmark and Iceland have joined a Canadian-led coalition that pools icebreakers. The Polar Rescue "
            "Coalition was launched by Canada and Norway in 2025. Finland signed on last autumn.")
    assert _roles(nlp, gazetteer, text) == {
        "Polar Rescue Coalition": {"Canada": "lead", "Denmark": "member", "Iceland": "member", "Norway": "member",
                                   "Finland": "member"},
    }


def test_a_group_named_so_called_and_the_group_of(nlp, gazetteer):
    text = ("Will Japan take part in more patrols with the so-called Quad, the group of Japan, India, the United "
            "States and Australia? Officials said Indonesia could join the Quad.")
    assert _roles(nlp, gazetteer, text) == {
        "Quad": {"Japan": "member", "India": "member", "United States": "member", "Australia": "member"},
    }


def test_a_leadership_and_a_participation(nlp, gazetteer):
    text = ("The minister noted Kenya's leadership in the Great Green Wall Alliance (GGWA). The GGWA now has 22 "
            "members; Chad and Niger were the latest to ratify its charter.")
    assert _roles(nlp, gazetteer, text) == {
        "Great Green Wall Alliance": {"Kenya": "lead", "Chad": "member", "Niger": "member"},
    }


def test_a_named_operation_and_its_short_name(nlp, gazetteer):
    text = ("The second mission is the EU's Operation Calm Waters. Italy leads Calm Waters from its headquarters in "
            "Rome, with frigates from Spain, Greece and Croatia rotating through.")
    assert _roles(nlp, gazetteer, text) == {
        "Operation Calm Waters": {"Italy": "lead", "Spain": "member", "Greece": "member", "Croatia": "member"},
    }


@pytest.mark.parametrize(
    "text",
    [
        # party coalitions in domestic politics
        "The ruling coalition led by the Social Democrats lost its majority, and the Greens left the coalition.",
        "Poland's governing coalition agreed on a budget; coalition partners in Warsaw backed it.",
        # companies
        "The Star Alliance, led by Lufthansa and United Airlines, added two carriers this year.",
        # international organizations are not coalitions
        "Finland and Sweden joined NATO after 2022, and Germany and France are EU members.",
        # attendance is not membership
        "Ministers from 40 countries, including Italy and Spain, attended the meeting in Geneva.",
        # a group nobody is said to lead or join
        "The Ukraine Defense Contact Group met in Brussels, and Sweden announced new aid.",
        # hypothetical membership
        "Reports said Vietnam would sign up to the US-led Clean Energy Partnership soon.",
    ],
)
def test_not_coalitions_of_states(nlp, gazetteer, text):
    found = _roles(nlp, gazetteer, text)
    assert not any(members for members in found.values() if set(members) - {"United States"}), found


def test_a_country_as_an_owner_is_not_a_member(nlp, gazetteer):
    text = ("The drone coalition, led by Latvia, met in Riga. Finland's defence minister said the coalition would "
            "deliver 10,000 drones.")
    assert _roles(nlp, gazetteer, text) == {"Drone Coalition": {"Latvia": "lead"}}


def test_trade_blocs_described_with_their_members(nlp, gazetteer):
    # The blocs are organizations the entity step finds; the members make them coalitions.
    text = ("Leaders of the Andean Community met in Lima. The Andean Community - Bolivia, Colombia, Ecuador and "
            "Peru - agreed on a common tariff. The deal with the European Free Trade Association (EFTA), whose "
            "members are Switzerland, Norway, Iceland and Liechtenstein, was signed later. NATO, whose members "
            "include Norway and Iceland, was not involved.")
    found = _record_roles(_record(nlp, gazetteer, text))
    assert found.get("European Free Trade Association") == {
        "Switzerland": "member", "Norway": "member", "Iceland": "member", "Liechtenstein": "member"}
    assert "NATO" not in found


def test_a_joining_member_is_kept_apart_in_the_graph(nlp, gazetteer):
    """The record keeps a country that is only joining; the graph gives it ng:JoiningRole (not
    ng:MemberRole), the shapes accept it, and the coalitions question ("who leads or joins them?")
    lists it with the members."""
    from rdflib import Graph

    from newsgraph.mapping import record_to_graph
    from newsgraph.validate import load_shapes, validate_graph

    text = ("The Atlantic Rescue Coalition, led by Ireland, was launched in 2024. Spain joined in April, and "
            "Morocco is in the process of joining.")
    record = _record(nlp, gazetteer, text)
    assert _record_roles(record) == {
        "Atlantic Rescue Coalition": {"Ireland": "lead", "Spain": "member", "Morocco": "joining"}}
    graph = record_to_graph(record)
    report = validate_graph(graph, load_shapes())
    assert report.conforms, [r.message for r in report.violations]
    query = (Path(__file__).resolve().parents[1] / "ontology" / "queries" / "coalitions.rq").read_text(encoding="utf-8")
    rows = {tuple(str(v) if v is not None else None for v in row) for row in Graph().parse(
        data=graph.serialize(format="turtle"), format="turtle").query(query)}
    assert rows == {("Atlantic Rescue Coalition", "Ireland", None), ("Atlantic Rescue Coalition", None, "Spain"),
                    ("Atlantic Rescue Coalition", None, "Morocco")}
    roles = {str(member): str(role) for member, role in graph.query(
        "SELECT ?name ?role WHERE { ?m <http://www.w3.org/ns/org#role> ?role ; <http://www.w3.org/ns/org#member> ?c . "
        "?c <https://schema.org/name> ?name }")}
    assert roles["Morocco"].endswith("#JoiningRole") and roles["Spain"].endswith("#MemberRole")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an unnamed coalition is named by who leads it; a description after a comma is the same one
        ("Last year a coalition of more than 40 countries, led by the United States, struck targets in Iraq.",
         {"United States-led coalition": {"United States": "lead"}}),
        ("The coalition of the willing, a group of about 30 countries led by Britain and France, met in Kyiv.",
         {"coalition of the willing": {"United Kingdom": "lead", "France": "lead"}}),
        # a count is not a name; a demonym leads
        ("A 12-nation coalition led by Saudi Arabia has fought in Yemen since 2015.",
         {"Saudi Arabia-led coalition": {"Saudi Arabia": "lead"}}),
        ("The Dutch-led coalition has trained 80 pilots, and Romania joined it in May.",
         {"Dutch-led coalition": {"Netherlands": "lead", "Romania": "member"}}),
        # pieces of one written word in a name
        ("Norway and Denmark lead the F-16 coalition, which Belgium joined in 2024.",
         {"F-16 Coalition": {"Norway": "lead", "Denmark": "lead", "Belgium": "member"}}),
        # the name after the head word
        ("Greece commands the EU naval mission Irini, with ships from Italy and Malta taking part.",
         {"Irini": {"Greece": "lead", "Italy": "member", "Malta": "member"}}),
        # one of the members, the 21st member
        ("Croatia became the 21st member of the Southern Energy Alliance, and Slovenia is one of its founding "
         "members.", {"Southern Energy Alliance": {"Croatia": "member", "Slovenia": "member"}}),
        # agreed to join: not yet a member
        ("Chile has agreed to join the Blue Carbon Coalition, which Fiji leads.",
         {"Blue Carbon Coalition": {"Chile": "joining", "Fiji": "lead"}}),
        # founded in a year, by
        ("The Nile Basin Water Partnership was founded in 2019 by Egypt and Sudan.",
         {"Nile Basin Water Partnership": {"Egypt": "member", "Sudan": "member"}}),
        # an acronym after the name, then the acronym alone
        ("Vietnam joined the Mekong Flood Initiative (MFI) in March. The MFI, chaired by Thailand, now includes "
         "Laos and Cambodia.",
         {"Mekong Flood Initiative": {"Vietnam": "member", "Thailand": "lead", "Laos": "member",
                                      "Cambodia": "member"}}),
        # the coalition's members include
        ("The demining coalition met in Vilnius. The coalition's members include Japan and Canada.",
         {"Demining Coalition": {"Japan": "member", "Canada": "member"}}),
        ("The demining coalition, led by Lithuania, met in Vilnius. The coalition's members include Japan and Canada.",
         {"Demining Coalition": {"Lithuania": "lead", "Japan": "member", "Canada": "member"}}),
    ],
)
def test_more_ways_to_say_it(nlp, gazetteer, text, expected):
    assert _roles(nlp, gazetteer, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a grouping, but not of states
        "A US-led group of investors bought the port, and a coalition of opposition parties led by Spain's "
        "socialists protested.",
        # the 32-nation alliance is not the coalition named before
        "The drone coalition, led by Latvia, met on Monday. Finland joined the 32-nation alliance in 2023.",
        # after NATO, 'the alliance' and a sentence without a coalition are about NATO
        "The drone coalition, led by Latvia, met on Monday. NATO ministers met on Tuesday. Sweden joined the "
        "alliance in 2024. Finland joined in 2023.",
    ],
)
def test_groupings_that_are_not_the_coalition(nlp, gazetteer, text):
    found = _record_roles(_record(nlp, gazetteer, text))  # the whole extractor: NATO is an organization found
    assert all(set(members) <= {"Latvia"} for members in found.values()), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline in title case
        ("Denmark And Iceland Join Canada-Led Coalition On Polar Rescue",
         {"Canada-Led Coalition": {"Canada": "lead", "Denmark": "member", "Iceland": "member"}}),
        ("Colombia, Peru Sign Up To Chile- And Norway-Led Green Shipping Alliance",
         {"Green Shipping Alliance": {"Chile": "lead", "Norway": "lead", "Colombia": "member", "Peru": "member"}}),
        # the lead nation, taking over, under the leadership of
        ("The Nordic Air Policing Mission met in Oslo; Norway is the lead nation of the mission this year, with "
         "jets from Denmark taking part.",
         {"Nordic Air Policing Mission": {"Norway": "lead", "Denmark": "member"}}),
        ("Estonia will take over the chairmanship of the IT coalition from Luxembourg in July.",
         {"IT Coalition": {"Estonia": "lead"}}),
        ("Under the leadership of Kenya, the Great Lakes Trade Initiative has grown to twelve members.",
         {"Great Lakes Trade Initiative": {"Kenya": "lead"}}),
        # led by a country's leader
        ("The coalition of the willing, led by Britain's prime minister and France's president, met in Paris.",
         {"coalition of the willing": {"United Kingdom": "lead", "France": "lead"}}),
        # a member in an apposition; a grouping of the countries named after it
        ("Canada, a founding member of the Ocean Data Alliance, said it would share more data.",
         {"Ocean Data Alliance": {"Canada": "member"}}),
        ("Ministers of the Weimar Triangle of France, Germany and Poland met in Berlin.",
         {"Weimar Triangle": {"France": "member", "Germany": "member", "Poland": "member"}}),
        # joined after, in a later clause
        ("The Sahel Grain Alliance, led by Senegal, grew to eight members in May, after Mali joined in April.",
         {"Sahel Grain Alliance": {"Senegal": "lead", "Mali": "member"}}),
    ],
)
def test_leads_and_members_said_in_other_words(nlp, gazetteer, text, expected):
    assert _roles(nlp, gazetteer, text) == expected


def test_one_countrys_operation_is_no_grouping_of_states(nlp, gazetteer):
    text = ("India launched Operation Sindoor on Wednesday. Separately, Operation Harbour Watch, led by Italy and "
            "Greece, escorted 30 ships.")
    assert _roles(nlp, gazetteer, text) == {"Operation Harbour Watch": {"Italy": "lead", "Greece": "lead"}}


def test_news_without_coalitions_of_states(nlp, gazetteer):
    """Party alliances, NATO and EU membership, allies that act, a country's own operation: none of
    them is a coalition of states; a grouping of states named with its members still is."""
    text = ("Hungary votes as Orban's Fidesz-led alliance seeks fifth term\n\n"
            "BUDAPEST, April 3 (Wire) - Hungarians voted on Sunday in an election that pits the Fidesz-led alliance "
            "against a six-party opposition alliance led by Peter Marki-Zay. The ruling coalition has governed since "
            "2010. Hungary joined the European Union in 2004 and NATO in 1999.\n\n"
            "The drone coalition, led by Latvia and Britain, delivered 10,000 drones last year. NATO allies, "
            "including Poland and Romania, have committed more jets to air policing. Sweden joined NATO in 2024. "
            "Finland joined in 2023, an official said.\n\n"
            "Israel launched Operation Rising Lion on Friday. The United States said it had not taken part.\n\n"
            "Poland and Slovakia, fellow members of the Visegrad Group, congratulated the voters.")
    assert _record_roles(_record(nlp, gazetteer, text)) == {
        "Drone Coalition": {"Latvia": "lead", "United Kingdom": "lead"},
        "Visegrád Group": {"Poland": "member", "Slovakia": "member"},  # the gazetteer's name
    }


def test_a_country_added_to_the_gazetteer_is_found(nlp):
    gazetteer = Gazetteer()
    gazetteer.add(GazetteerRow(label="Latvia", kind="Country"))
    text = "The drone coalition, led by Latvia and Freedonia, met in Riga."
    assert _roles(nlp, gazetteer, text) == {"Drone Coalition": {"Latvia": "lead"}}
    gazetteer.add(GazetteerRow(label="Freedonia", kind="Country"))
    assert _roles(nlp, gazetteer, text) == {"Drone Coalition": {"Latvia": "lead", "Freedonia": "lead"}}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Capability Coalition on Demining, led by Lithuania and Iceland, met on Wednesday.",
         {"Capability Coalition on Demining": {"Lithuania": "lead", "Iceland": "lead"}}),
        ("Chile signed up to the Clean Ports Alliance on Wednesday.", {"Clean Ports Alliance": {"Chile": "member"}}),
        ("Norway joined the UK-France-led coalition in March.",
         {"UK-France-led coalition": {"United Kingdom": "lead", "France": "lead", "Norway": "member"}}),
        ("Ghana and Peru are co-chairs of the Clean Water Alliance.",
         {"Clean Water Alliance": {"Ghana": "lead", "Peru": "lead"}}),
    ],
)
def test_names_with_a_tail_and_leads_as_co_chairs(nlp, gazetteer, text, expected):
    assert _roles(nlp, gazetteer, text) == expected


def test_a_quoted_name_is_named_without_its_quote_marks(nlp, gazetteer):
    text = 'Uruguay, spearheading what diplomats call the "open trade coalition" alongside Paraguay, wants change.'
    assert _roles(nlp, gazetteer, text) == {"Open Trade Coalition": {"Uruguay": "lead", "Paraguay": "lead"}}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Canada has signalled willingness to join the drone coalition, which Latvia leads.",
         {"Drone Coalition": {"Latvia": "lead"}}),
        ("Spain offered to lead the demining coalition, and Italy agreed to join the demining coalition.",
         {}),
        ("Belgium has agreed to join the drone coalition, which Latvia leads.",
         {"Drone Coalition": {"Belgium": "joining", "Latvia": "lead"}}),
        ("Britain and France are leading efforts to form a coalition of the willing.",
         {"coalition of the willing": {"United Kingdom": "lead", "France": "lead"}}),
    ],
)
def test_intentions_are_not_memberships(nlp, gazetteer, text, expected):
    assert _roles(nlp, gazetteer, text) == expected


def test_leads_respectively_after_a_comma_and_a_member_admitted(nlp, gazetteer):
    text = "Ministers agreed on three groups: naval, cyber and medical coalitions, led respectively by Norway, Estonia and Canada."
    assert _roles(nlp, gazetteer, text) == {
        "Naval Coalition": {"Norway": "lead"}, "Cyber Coalition": {"Estonia": "lead"}, "Medical Coalition": {"Canada": "lead"}}
    text = "The Arctic Ice Alliance, co-chaired by Iceland and Norway, admitted Finland. Sweden is in the process of joining."
    assert _roles(nlp, gazetteer, text) == {
        "Arctic Ice Alliance": {"Iceland": "lead", "Norway": "lead", "Finland": "member", "Sweden": "joining"}}


# --------------------------------------------------------------------------- round 2: more ways articles say it


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a grouping named by how many states it groups, and the country it is for
        ("The Quartet for Haiti, led by Canada and Brazil, met in Ottawa. The group, which also includes Chile and "
         "Mexico, asked for more police officers.",
         {"Quartet for Haiti": {"Canada": "lead", "Brazil": "lead", "Chile": "member", "Mexico": "member"}}),
        # a mission named by the organization that sends it, and the observers it is made of
        ("A Caricom observation mission, led by Jamaica and made up of 30 observers from Jamaica, Barbados and "
         "Guyana, praised the count.",
         {"Caricom observation mission": {"Jamaica": "lead", "Barbados": "member", "Guyana": "member"}}),
        # a hyphenated operation name, a description of it with its lead, those it is run with
        ("Operation Sea-Guard, a joint patrol effort spearheaded by Italy, was extended to May. Rome says "
         "Operation Sea-Guard, run jointly with Malta and Greece, has rescued 900 people.",
         {"Operation Sea-Guard": {"Italy": "lead", "Malta": "member", "Greece": "member"}}),
        # a coalition referred to, then given its name; founded together with
        ("Italy joined a Spain-led coalition on Tuesday. Spain launched the group, formally the Alliance for Clean "
         "Rivers, in Madrid in May together with Morocco and Tunisia.",
         {"Alliance for Clean Rivers": {"Italy": "member", "Spain": "lead", "Morocco": "member",
                                        "Tunisia": "member"}}),
        # an acronym, then a description of the same grouping with its lead; "it was founded by"
        ("Chile and Peru became members of the Pacific Seed Bank Alliance (PSBA), the Mexico-led grouping set up "
         "in 2022. It was founded by Mexico together with Japan and Canada.",
         {"Pacific Seed Bank Alliance": {"Chile": "member", "Peru": "member", "Mexico": "lead", "Japan": "member",
                                         "Canada": "member"}}),
        # "which L co-founded"; "signed its charter"; "its ninth member"; "with L on board"
        ("The Sahel Water Alliance, which Niger and Chad co-founded in 2019, gained two members when Ghana and "
         "Togo signed its charter. Benin became its ninth member in June.",
         {"Sahel Water Alliance": {"Niger": "member", "Chad": "member", "Ghana": "member", "Togo": "member",
                                   "Benin": "member"}}),
        ("The Clean Cargo Coalition met in Lima. With Ecuador on board, the coalition covers half the coast.",
         {"Clean Cargo Coalition": {"Ecuador": "member"}}),
        # "it deployed … from N member states: …"
        ("The Great Lakes Monitoring Mission was led by Uganda. It deployed 40 monitors from five member states: "
         "Uganda, Kenya, Rwanda, Burundi and Tanzania.",
         {"Great Lakes Monitoring Mission": {"Uganda": "lead", "Kenya": "member", "Rwanda": "member",
                                             "Burundi": "member", "Tanzania": "member"}}),
    ],
)
def test_round_two_ways_to_say_it(nlp, gazetteer, text, expected):
    assert _roles(nlp, gazetteer, text) == expected


def test_a_list_after_a_count_and_leads_thanked_in_an_interview(nlp, gazetteer):
    text = ("On the Coalition for Clean Shipping\n\n"
            "The group was launched in May. Six countries have signed up so far.\n\n"
            "\"Fiji, Samoa, Tonga and Antigua and Barbuda, and of course the two chairs. I thank Ireland and Panama "
            "for their leadership.\"\n")
    assert _roles(nlp, gazetteer, text) == {"Coalition for Clean Shipping": {
        "Fiji": "member", "Samoa": "member", "Tonga": "member", "Antigua and Barbuda": "member",
        "Ireland": "lead", "Panama": "lead"}}
    # without the count before it, a bare list says nothing; a list that says "not" says something else
    assert _roles(nlp, gazetteer, text.replace("Six countries have signed up so far.", "It meets monthly.")) == {
        "Coalition for Clean Shipping": {"Ireland": "lead", "Panama": "lead"}}
    assert _roles(nlp, gazetteer, text.replace("and of course the two chairs", "but not the two chairs")) == {
        "Coalition for Clean Shipping": {"Ireland": "lead", "Panama": "lead"}}


def test_this_coalition_far_after_the_only_one_and_a_headline_description(nlp, gazetteer):
    filler = "The ministry gave no further details of the programme or its budget. " * 14
    text = ("Norway joins global coalition to clean up ocean plastic\n\n"
            "Norway will join the Blue Ocean Alliance, the environment minister said today. " + filler + "\n\n"
            "\"We thank Chile for its leadership of this alliance,\" she said.\n\n"
            "The Blue Ocean Alliance was set up in 2021. Its members are Chile, Peru and Fiji. Norway becomes "
            "its fourth member.\n")
    assert _roles(nlp, gazetteer, text) == {"Blue Ocean Alliance": {
        "Norway": "member", "Chile": "lead", "Peru": "member", "Fiji": "member"}}
    # two alliances named before: "this alliance" far after them is neither
    two = text.replace("the environment minister said today.",
                       "the environment minister said today, and Sweden joined the Green Port Alliance.")
    assert _roles(nlp, gazetteer, two)["Blue Ocean Alliance"]["Chile"] == "member"


@pytest.mark.parametrize(
    "text",
    [
        # observers who only watch, a treaty signed, a charter not said to be the coalition's
        "The Clean Cargo Coalition, led by Chile, met in Lima with observers from China and India.",
        "The Clean Cargo Coalition, led by Chile, met in Lima. Peru signed the treaty on Monday.",
        # "the Alliance for Ukraine" is no name of its own (NATO's "the Alliance")
        "The drone coalition, led by Latvia, met on Monday. Germany pledged more aid through the Alliance for "
        "Ukraine.",
        # a description of something else between the coalition and "led by"
        "The Clean Cargo Coalition, a response to the port strike led by Peru, met in Lima.",
    ],
)
def test_round_two_things_that_are_no_membership(nlp, gazetteer, text):
    found = _roles(nlp, gazetteer, text)
    assert all(set(m) <= {"Chile", "Latvia"} for m in found.values()), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The European Sky Shield Initiative now has 21 members after Denmark and Greece signed on.",
         {"European Sky Shield Initiative": {"Denmark": "member", "Greece": "member"}}),
        ("Kenya leads the Caribbean Security Mission, with police from Jamaica, the Bahamas and Belize.",
         {"Caribbean Security Mission": {"Kenya": "lead", "Jamaica": "member", "Bahamas": "member",
                                         "Belize": "member"}}),
        ("The Accra Initiative met in Lome. The alliance's newest members, Chile and Peru, joined in March.",
         {"Accra Initiative": {"Chile": "member", "Peru": "member"}}),
        ("Ghana and Togo are among the 14 countries that have signed up to the Accra Initiative.",
         {"Accra Initiative": {"Ghana": "member", "Togo": "member"}}),
        ("The Haiti Support Mission is led by Kenya and includes personnel from Jamaica and El Salvador.",
         {"Haiti Support Mission": {"Kenya": "lead", "Jamaica": "member", "El Salvador": "member"}}),
        ("Japan, South Korea and Australia signed on as partners to the Minerals Security Partnership.",
         {"Minerals Security Partnership": {"Japan": "member", "South Korea": "member", "Australia": "member"}}),
        ("The Minerals Security Partnership, launched by the United States in 2022, added Estonia and India last "
         "year.", {"Minerals Security Partnership": {"United States": "member", "Estonia": "member",
                                                     "India": "member"}}),
        ("Argentina, Bolivia and Chile, which make up the so-called Lithium Triangle, met in Salta.",
         {"Lithium Triangle": {"Argentina": "member", "Bolivia": "member", "Chile": "member"}}),
        ("The Alliance of Sahel States, a confederation of Mali, Burkina Faso and Niger, left ECOWAS in January.",
         {"Alliance of Sahel States": {"Mali": "member", "Burkina Faso": "member", "Niger": "member"}}),
        ("Italy heads the naval mission, known as Operation Irini, which also has ships from Greece and Germany.",
         {"Operation Irini": {"Italy": "lead", "Greece": "member", "Germany": "member"}}),
        ("Britain and Germany lead the Skyshield coalition, to which Sweden and Norway have also contributed.",
         {"Skyshield Coalition": {"United Kingdom": "lead", "Germany": "lead", "Sweden": "member",
                                  "Norway": "member"}}),
        ("Denmark is the latest country to join the Drone Coalition, which is led by Latvia.",
         {"Drone Coalition": {"Denmark": "member", "Latvia": "lead"}}),
        # a capital for its country's government
        ("The Washington-led coalition includes 80 members, among them Iraq and Jordan.",
         {"Washington-led coalition": {"United States": "lead", "Iraq": "member", "Jordan": "member"}}),
    ],
)
def test_round_two_more_general_wordings(nlp, gazetteer, text, expected):
    assert _roles(nlp, gazetteer, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Drone Coalition met in Riga. Officials added Estonia was keen to help.",
        "The Drone Coalition met in Riga on Monday. Germany and France are among the countries that have "
        "criticised the plan.",
        "The Clean Grid Alliance met in Oslo. After Denmark signed on to the rival pact, Norway protested.",
        "The Clean Grid Alliance, led by Chile, met in Oslo. The talks have observers from Japan and India.",
        "The Clean Grid Alliance, led by Chile, met in Oslo. Peru is the latest country to reject the plan.",
        "Spain and Portugal, which make up most of the Iberian peninsula, hosted the Clean Grid Alliance summit.",
        "The Paris-led push for a ceasefire stalled, and the Moscow-backed forces advanced.",
    ],
)
def test_round_two_more_things_that_are_no_membership(nlp, gazetteer, text):
    found = _roles(nlp, gazetteer, text)
    assert all(set(m) <= {"Chile"} for m in found.values()), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name with "of" in it before a lower-case head; a name "on" a country, later without it
        ("The Friends of Sudan group, chaired by Norway and Qatar, met in Doha.",
         {"Friends of Sudan group": {"Norway": "lead", "Qatar": "lead"}}),
        ("The Contact Group on Libya met in Rome. Italy and Egypt co-chair the Contact Group, which includes "
         "Tunisia.", {"Contact Group on Libya": {"Italy": "lead", "Egypt": "lead", "Tunisia": "member"}}),
        # joined another country in it
        ("Mexico and Canada joined the United States in the Border Fentanyl Task Force announced on Monday.",
         {"Border Fentanyl Task Force": {"Mexico": "member", "Canada": "member", "United States": "member"}}),
        # a new grouping described after "a"; the same one described after a name
        ("Thailand, Vietnam and Cambodia formed a rice exporters' alliance in 2023.",
         {"Rice Exporters' Alliance": {"Thailand": "member", "Vietnam": "member", "Cambodia": "member"}}),
        ("Chile and Peru launched the Andean Lithium Alliance, a purchasing alliance that Bolivia joined in June.",
         {"Andean Lithium Alliance": {"Chile": "member", "Peru": "member", "Bolivia": "member"}}),
        # "so-called" before any capitalised name; a group of countries named before a verb
        ("The so-called Frugal Four — the Netherlands, Austria, Sweden and Denmark — oppose joint debt.",
         {"Frugal Four": {"Netherlands": "member", "Austria": "member", "Sweden": "member", "Denmark": "member"}}),
        ("The E3 group of Britain, France and Germany triggered the snapback mechanism.",
         {"E3 group": {"United Kingdom": "member", "France": "member", "Germany": "member"}}),
        ("The Quad countries, India, Japan, Australia and the United States, pledged to counter illegal fishing.",
         {"Quad": {"India": "member", "Japan": "member", "Australia": "member", "United States": "member"}}),
        # an organization's trade bloc; those who led its creation are founders, not said to lead it
        ("Brazil and Argentina led the creation of the Mercosur trade bloc in 1991, with Paraguay and Uruguay as "
         "founding members.", {"Mercosur trade bloc": {"Brazil": "member", "Argentina": "member",
                                                       "Paraguay": "member", "Uruguay": "member"}}),
    ],
)
def test_round_two_names_of_other_shapes(nlp, gazetteer, text, expected):
    assert _roles(nlp, gazetteer, text) == expected


def test_round_two_no_coalition_from_an_excluded_organization_or_a_person(nlp, gazetteer):
    text = ("Sweden joined the Nato military alliance in 2024. The so-called Islamic State was defeated in Syria "
            "and Iraq. The Friends of Joe Biden group, which includes Ireland, raised funds.")
    found = _roles(nlp, gazetteer, text)
    assert not any("Nato" in name or "Islamic" in name or "Biden" in name for name in found), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Blue Shipping Coalition now has six members: Chile, Peru, Panama, Fiji, Samoa and Tonga.",
         {"Blue Shipping Coalition": {"Chile": "member", "Peru": "member", "Panama": "member", "Fiji": "member",
                                      "Samoa": "member", "Tonga": "member"}}),
        ("The Blue Shipping Coalition was launched in May.\n\nMembers: Chile, Peru, Panama and Fiji.\n",
         {"Blue Shipping Coalition": {"Chile": "member", "Peru": "member", "Panama": "member", "Fiji": "member"}}),
        ("Estonia has been chosen to lead the cyber coalition next year.", {"Cyber Coalition": {"Estonia": "lead"}}),
        # a presidency held in turn is no lead (round 3: annotators give none to Mercosur's or the G20's)
        ("Kenya holds the rotating presidency of the East African Climate Alliance.", {}),
        ("Kenya holds the presidency of the East African Climate Alliance.",
         {"East African Climate Alliance": {"Kenya": "lead"}}),
        ("Chile, Peru and Panama set up the Blue Shipping Coalition in 2021 and have since been joined by Fiji and "
         "Samoa.", {"Blue Shipping Coalition": {"Chile": "member", "Peru": "member", "Panama": "member",
                                                "Fiji": "member", "Samoa": "member"}}),
        ("The Blue Shipping Coalition met in Lima. It is co-chaired by Chile and Peru. It now includes Fiji and "
         "Samoa.", {"Blue Shipping Coalition": {"Chile": "lead", "Peru": "lead", "Fiji": "member",
                                                "Samoa": "member"}}),
    ],
)
def test_round_two_counts_lists_and_it(nlp, gazetteer, text, expected):
    assert _roles(nlp, gazetteer, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a meeting may be what was chaired; wanting to lead is no lead
        "The Blue Shipping Coalition met in Lima. It was chaired by Peru.",
        "The Blue Shipping Coalition met in Lima. Peru is keen to lead the group.",
        # joined by someone in an action, not in the coalition
        "The Blue Shipping Coalition met in Lima. Peru, joined by Ecuador, called for a new port tax.",
    ],
)
def test_round_two_no_lead_from_a_meeting_or_a_wish(nlp, gazetteer, text):
    assert _roles(nlp, gazetteer, text) == {}


def test_round_two_a_described_pact_is_the_named_one_and_the_lead_taken(nlp, gazetteer):
    text = ("Five Nordic nations launch Arctic rescue pact\n\n"
            "OSLO, March 3 (Wire) - Norway, Iceland, Denmark, Finland and Sweden on Tuesday launched a "
            "search-and-rescue pact for Arctic waters, with Norway taking the lead.\n\n"
            "The Arctic Rescue Pact will pool helicopters and ships. Norway took the lead in setting up the pact "
            "after a cruise ship ran aground last year.\n\n"
            "Canada and the United States have been invited to join as observers, officials said.\n")
    assert _record_roles(_record(nlp, gazetteer, text)) == {"Arctic Rescue Pact": {
        "Norway": "lead", "Iceland": "member", "Denmark": "member", "Finland": "member", "Sweden": "member"}}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Brazil, Colombia and Peru, founding members of the Amazon Water Alliance, signed the declaration.",
         {"Amazon Water Alliance": {"Brazil": "member", "Colombia": "member", "Peru": "member"}}),
        # a lead taken in talks, not in the coalition
        ("The Amazon Water Alliance met in Belem. Brazil took the lead in the talks on deforestation.",
         {}),
        # two pacts with their head word in common but no word of their own stay two
        ("Chile, Peru and Ecuador launched a lithium pact. Separately, Bolivia and Argentina lead the Andean Water "
         "Pact.", {"Lithium Pact": {"Chile": "member", "Peru": "member", "Ecuador": "member"},
                   "Andean Water Pact": {"Bolivia": "lead", "Argentina": "lead"}}),
        # a grouping only described, between two states, may be a bilateral deal: not reported
        ("Kenya and Uganda signed a trade pact in Kampala on Monday.", {}),
    ],
)
def test_round_two_members_without_an_article_and_pacts_kept_apart(nlp, gazetteer, text, expected):
    assert _roles(nlp, gazetteer, text) == expected


def test_round_two_a_question_says_nothing_and_a_group_forms_an_alliance(nlp, gazetteer):
    text = ("Today Portugal formally joins Operation Sentinel Shield, the European naval mission in the Red Sea. "
            "Spain commands the operation, and Italy, Greece and Belgium contribute ships.\n\n"
            "QUESTION: Will Portugal join the US-led coalition as well?\n")
    assert _roles(nlp, gazetteer, text) == {
        "Operation Sentinel Shield": {"Portugal": "member", "Spain": "lead", "Italy": "member", "Greece": "member",
                                      "Belgium": "member"},
        "US-led coalition": {"United States": "lead"}}
    text = ("A group of eight countries led by Colombia announced a Powering Past Coal alliance for Latin America. "
            "Chile, Peru and Costa Rica are among the founding members.")
    assert _roles(nlp, gazetteer, text) == {"Powering Past Coal alliance": {
        "Colombia": "lead", "Chile": "member", "Peru": "member", "Costa Rica": "member"}}


def test_round_two_countries_acting_as_a_bloc_are_the_bloc_named_just_before(nlp, gazetteer):
    text = ("Trade talks resume\n\nOn Mercosur and trade\n\n"
            "\"The deal with the European Union matters. Brazil, Argentina, Paraguay and Uruguay negotiated as a "
            "bloc for 25 years.\"\n\nOn the budget\n\n"
            "\"Chile and Peru voted as a bloc at the meeting.\"\n")
    assert _record_roles(_record(nlp, gazetteer, text)) == {"Mercosur": {
        "Brazil": "member", "Argentina": "member", "Paraguay": "member", "Uruguay": "member"}}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Blue Shipping Coalition was launched in Lima on Monday.\n\nThe founding members are:\n- Chile (chair)\n"
         "- Peru\n- Panama\n- Fiji\n",
         {"Blue Shipping Coalition": {"Chile": "lead", "Peru": "member", "Panama": "member", "Fiji": "member"}}),
        ("The Blue Shipping Coalition was launched in Lima on Monday.\n\nMembers of the coalition:\n• Chile\n• Peru\n",
         {"Blue Shipping Coalition": {"Chile": "member", "Peru": "member"}}),
        # a list of others than members
        ("The Blue Shipping Coalition was launched in Lima on Monday.\n\nCountries invited as observers:\n• Chile\n"
         "• Peru\n", {}),
        ("The Blue Shipping Coalition was launched in Lima on Monday.\n\nCountries that declined to join:\n- Chile\n"
         "- Peru\n", {}),
        ("The Blue Shipping Coalition met in Lima. Chile became the coalition's 12th member in May.",
         {"Blue Shipping Coalition": {"Chile": "member"}}),
        ("The Blue Shipping Coalition, which counts Chile and Peru among its members, met in Lima.",
         {"Blue Shipping Coalition": {"Chile": "member", "Peru": "member"}}),
    ],
)
def test_round_two_bulleted_members_and_the_coalitions_nth_member(nlp, gazetteer, text, expected):
    assert _roles(nlp, gazetteer, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenya presides over the East African Grain Alliance.",
         {"East African Grain Alliance": {"Kenya": "lead"}}),
        ("Kenya presides over the East African Grain Alliance this year.", {}),  # in turn
        ("The East African Grain Alliance, helmed by Kenya, met in Arusha.",
         {"East African Grain Alliance": {"Kenya": "lead"}}),
        ("Uganda and Rwanda became parties to the East African Grain Pact in 2020.",
         {"East African Grain Pact": {"Uganda": "member", "Rwanda": "member"}}),
        ("The East African Grain Alliance (members: Kenya, Uganda and Rwanda) met in Arusha.",
         {"East African Grain Alliance": {"Kenya": "member", "Uganda": "member", "Rwanda": "member"}}),
    ],
)
def test_round_two_helms_presides_parties_and_bracketed_members(nlp, gazetteer, text, expected):
    assert _roles(nlp, gazetteer, text) == expected


def test_round_two_a_force_agreed_then_named_a_leader_who_chairs_a_pact_signed(nlp, gazetteer):
    text = ("Ghana, Togo, Benin and Côte d'Ivoire agreed on Thursday to create a joint counter-terrorism force to "
            "secure their borders. The Coastal States Joint Force will be headquartered in Tamale. Nigeria will "
            "provide logistical support but will not contribute troops.")
    assert _roles(nlp, gazetteer, text) == {"Coastal States Joint Force": {
        "Ghana": "member", "Togo": "member", "Benin": "member", "Côte d'Ivoire": "member"}}
    text = ("Fiji, Samoa and Tonga on Monday launched the Pacific Resilience Alliance, a grouping that will pool "
            "disaster insurance. Fiji's prime minister will chair the alliance for its first year.")
    assert _roles(nlp, gazetteer, text) == {"Pacific Resilience Alliance": {
        "Fiji": "lead", "Samoa": "member", "Tonga": "member"}}
    text = ("Bahrain and Oman signed a maritime security pact in Riyadh on Sunday. Under the agreement, known as the "
            "Gulf Maritime Security Pact, Oman will host a command centre. Qatar signed a deal with the pact's "
            "members on Monday.")
    assert _roles(nlp, gazetteer, text) == {"Gulf Maritime Security Pact": {"Bahrain": "member", "Oman": "member"}}


def test_round_two_a_bloc_that_added_two_lists_and_a_mission_joined_by_observers(nlp, gazetteer):
    text = ("Indonesia became a full member of the BRICS group on Monday, Brazil, which holds the bloc's rotating "
            "presidency this year, said. The bloc, founded by Brazil, Russia, India and China in 2009, added South "
            "Africa in 2010 and Egypt and Iran in 2024. Saudi Arabia has been invited but has not taken up "
            "membership.")
    assert _roles(nlp, gazetteer, text) == {"BRICS group": {
        "Indonesia": "member", "Brazil": "member", "Russia": "member", "India": "member", "China": "member",
        "South Africa": "member", "Egypt": "member", "Iran": "member"}}
    text = "A SADC mission, headed by Tanzania, will be joined by observers from Mozambique and Namibia."
    assert _roles(nlp, gazetteer, text) == {"SADC mission": {
        "Tanzania": "lead", "Mozambique": "member", "Namibia": "member"}}


def test_round_two_the_group_after_a_bloc_named_as_an_organization(nlp, gazetteer):
    text = ("OPEC extends cuts\n\nVIENNA (Wire) - OPEC agreed on Sunday to extend its output cuts. The group, led by "
            "Saudi Arabia and Russia, pumps about 40% of the world's crude.\n\n"
            "Eight members - Iraq, Kuwait and Algeria among them - will phase out their cuts from April.\n")
    found = _record_roles(_record(nlp, gazetteer, text))
    assert found == {"OPEC": {"Saudi Arabia": "lead", "Russia": "lead", "Iraq": "member", "Kuwait": "member",
                              "Algeria": "member"}}, found
    # a body of the UN is no bloc, and 'the alliance' after a coalition is that coalition
    text = ("Japan and Australia launched the Critical Minerals Buyers' Alliance at the United Nations General "
            "Assembly in New York. The alliance, led by Japan and Australia, brings together Canada and India as "
            "founding members.")
    assert _record_roles(_record(nlp, gazetteer, text)) == {"Critical Minerals Buyers' Alliance": {
        "Japan": "lead", "Australia": "lead", "Canada": "member", "India": "member"}}


# ---------------------------------------------------------------- round 2b: forms the dev set does not use

@pytest.mark.parametrize("text, expected", [
    # a purpose phrase ends before when it was formed, and a hyphenated word stays whole
    ("Kenya and Ghana launched a coalition for training field medics on Monday. Rwanda is in the process of joining.",
     {"coalition for training field medics": {"Kenya": "member", "Ghana": "member", "Rwanda": "joining"}}),
    ("Jamaica and Barbados have formed a coalition for the repair of storm-damaged hospitals. Trinidad and Tobago "
     "has declined to join.",
     {"coalition for the repair of storm-damaged hospitals": {"Jamaica": "member", "Barbados": "member"}}),
    # ... and before who it is led alongside
    ("Under the plan, Italy leads a new coalition for the repair of power plants alongside Spain. Greece has so "
     "far refused to take part.",
     {"coalition for the repair of power plants": {"Italy": "lead", "Spain": "lead"}}),
    # other heads are named by their purpose after "a"
    ("Germany, the Netherlands and Denmark have formed an alliance for tank maintenance. Poland and Austria are "
     "expected to join the alliance.",
     {"alliance for tank maintenance": {"Germany": "member", "Netherlands": "member", "Denmark": "member",
                                         "Poland": "joining", "Austria": "joining"}}),
    ("Argentina, Brazil and Uruguay on Tuesday formed a task force to fight cattle rustling. Paraguay is said to "
     "be considering joining the task force.",
     {"task force to fight cattle rustling": {"Argentina": "member", "Brazil": "member", "Uruguay": "member"}}),
])
def test_round_2b_purpose_phrases(nlp, gazetteer, text, expected):
    assert _record_roles(_record(nlp, gazetteer, text)) == expected


@pytest.mark.parametrize("text, expected", [
    # "Task Force" followed by its name, with leads after "is co-led by"
    ("Task Force Harbor Shield is co-led by Japan and the Philippines. Vietnam is reported to have joined the "
     "task force.",
     {"Task Force Harbor Shield": {"Japan": "lead", "Philippines": "lead", "Vietnam": "member"}}),
    # leads set off by dashes
    ("The Green Shipping Corridor Alliance - co-led by Singapore and the Netherlands - wants zero-emission ferries.",
     {"Green Shipping Corridor Alliance": {"Singapore": "lead", "Netherlands": "lead"}}),
    # "has spearheaded", and members in the next sentence about "the coalition"
    ("Brazil has spearheaded the Amazon Fire Coalition since 2021. Bolivia and Colombia also take part in the "
     "coalition.",
     {"Amazon Fire Coalition": {"Brazil": "lead", "Bolivia": "member", "Colombia": "member"}}),
    # a thank-you and a relative clause after a closing quotation mark
    ('The minister thanked Estonia "for its leadership of the IT coalition", which Luxembourg co-leads.',
     {"IT Coalition": {"Estonia": "lead", "Luxembourg": "lead"}}),
    # those who joined after the leads are members, never leads
    ("The Clean Ports Alliance was launched in June. The alliance is led by Chile and Norway, and Peru and Panama "
     "have joined it.",
     {"Clean Ports Alliance": {"Chile": "lead", "Norway": "lead", "Peru": "member", "Panama": "member"}}),
    # "the coalition of the willing" keeps its name with a lead written before it
    ("Australia and New Zealand joined the UK-led coalition of the willing in 2025.",
     {"coalition of the willing": {"Australia": "member", "New Zealand": "member", "United Kingdom": "lead"}}),
    # the countries taking part, named after a coalition named by who leads it
    ("In 2015 a coalition led by the United States began air strikes. The four countries taking part are "
     "Britain, France, Australia and Canada.",
     {"United States-led coalition": {"United States": "lead", "United Kingdom": "member", "France": "member",
                                      "Australia": "member", "Canada": "member"}}),
])
def test_round_2b_names_and_leads(nlp, gazetteer, text, expected):
    assert _record_roles(_record(nlp, gazetteer, text)) == expected


def test_round_2b_two_head_words_name_one_coalition(nlp, gazetteer):
    # "the air force coalition" is its own coalition, not "the force" of the maritime coalition
    text = "Denmark leads the maritime coalition; the Netherlands and Norway co-lead the air force coalition."
    assert _record_roles(_record(nlp, gazetteer, text)) == {
        "Maritime Coalition": {"Denmark": "lead"},
        "Air Force Coalition": {"Netherlands": "lead", "Norway": "lead"},
    }


@pytest.mark.parametrize("text, expected", [
    # a headline's joiners are members and the "-led" country the lead; the body's refusal adds nobody
    ("Chile and Peru join Argentina-led task force against illegal fishing\n\nSANTIAGO - Chile and Peru said on "
     "Monday they had joined the task force. Bolivia has declined to take part.\n",
     {"Argentina-led task force": {"Chile": "member", "Peru": "member", "Argentina": "lead"}}),
    # leads after what the coalition is against
    ("The Pacific Islands coalition against sea-level rise, co-chaired by Tuvalu and Fiji, met on Friday. Vanuatu "
     "and Palau attended as observers.",
     {"Pacific Islands Coalition": {"Tuvalu": "lead", "Fiji": "lead"}}),
    # those who stay out or decline are never members
    ("Iceland, Ireland and Malta stayed out of the maritime coalition, which is led by the Netherlands. Belgium "
     "declined to join it.",
     {"Maritime Coalition": {"Netherlands": "lead"}}),
])
def test_round_2b_headlines_and_refusals(nlp, gazetteer, text, expected):
    assert _record_roles(_record(nlp, gazetteer, text)) == expected


@pytest.mark.parametrize("text, expected", [
    # "with L as members" after the leads: members, not more leads
    ("The Grain Corridor Initiative was agreed in Istanbul. The initiative is chaired by Turkey, with Moldova and "
     "Romania as members.",
     {"Grain Corridor Initiative": {"Türkiye": "lead", "Moldova": "member", "Romania": "member"}}),
    # a demonym before "-led", and the police a mission is made of
    ("The Kenyan-led mission in Haiti includes police from Jamaica and the Bahamas.",
     {"Kenyan-led mission": {"Kenya": "lead", "Jamaica": "member", "Bahamas": "member"}}),
    # a task force named by what it is on, co-chaired by two of its founders
    ("Mexico, Canada and the United States formed a task force on fentanyl. The task force is co-chaired by "
     "Mexico and Canada.",
     {"task force on fentanyl": {"Mexico": "lead", "Canada": "lead", "United States": "member"}}),
])
def test_round_2b_members_after_leads_and_demonym_leads(nlp, gazetteer, text, expected):
    assert _record_roles(_record(nlp, gazetteer, text)) == expected


@pytest.mark.parametrize("text, expected", [
    # "with L among its members" after two co-leads: members, not more leads
    ("The UK and France co-lead the Coalition of the Willing, with Italy and Canada among its 30 members.",
     {"Coalition of the Willing": {"United Kingdom": "lead", "France": "lead", "Italy": "member", "Canada": "member"}}),
    # a task force described in lower case, as "the drone coalition" is; a refusal adds nobody
    ("The anti-piracy task force, co-led by India and Oman, added Kenya. Tanzania said it would not join.",
     {"Anti-piracy Task Force": {"India": "lead", "Oman": "lead", "Kenya": "member"}}),
])
def test_round_2b_members_among_and_a_described_task_force(nlp, gazetteer, text, expected):
    assert _record_roles(_record(nlp, gazetteer, text)) == expected


def test_round_2b_a_coalition_led_by_and_the_same_leads_led_coalition_are_one(nlp, gazetteer):
    text = ("A coalition led by the United States launched strikes on Monday. The US-led coalition includes Britain "
            "and Bahrain.")
    assert _record_roles(_record(nlp, gazetteer, text)) == {
        "US-led coalition": {"United States": "lead", "United Kingdom": "member", "Bahrain": "member"}}


@pytest.mark.parametrize("text, expected", [
    # a headline's "to join": joining, not yet members; the demonym before "-led" leads
    ("Spain, Portugal to join Greek-led firefighting coalition\n\nATHENS - The coalition flew its first missions "
     "in July.\n",
     {"Firefighting Coalition": {"Spain": "joining", "Portugal": "joining", "Greece": "lead"}}),
    # a headline's joiners are members, never leads
    ("Colombia, Ecuador join Peru-led anti-mining task force\n",
     {"Anti-mining Task Force": {"Colombia": "member", "Ecuador": "member", "Peru": "lead"}}),
])
def test_round_2b_headline_joiners(nlp, gazetteer, text, expected):
    assert _record_roles(_record(nlp, gazetteer, text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("The Clean Ports Alliance, with Norway at the helm, met in Oslo. Chile joined in 2024.",
     {"Clean Ports Alliance": {"Norway": "lead", "Chile": "member"}}),
    ("Under Norway's leadership, the Clean Ports Alliance has grown to 14 members.",
     {"Clean Ports Alliance": {"Norway": "lead"}}),
    ("The Clean Ports Alliance, whose co-chairs are Chile and Norway, met in Oslo.",
     {"Clean Ports Alliance": {"Chile": "lead", "Norway": "lead"}}),
    # a leadership under someone else's name says nothing of this one
    ("Under Norway's leadership, the talks ended. The Clean Ports Alliance, whose members are Chile and Peru, "
     "met later.",
     {"Clean Ports Alliance": {"Chile": "member", "Peru": "member"}}),
])
def test_round_2b_helm_leadership_and_co_chairs(nlp, gazetteer, text, expected):
    assert _record_roles(_record(nlp, gazetteer, text)) == expected


@pytest.mark.parametrize("text, expected", [
    # the lead verb said once for several coalitions
    ("Latvia and the UK lead the drone coalition, France the artillery coalition and Denmark the air force "
     "coalition.",
     {"Drone Coalition": {"Latvia": "lead", "United Kingdom": "lead"}, "Artillery Coalition": {"France": "lead"},
      "Air Force Coalition": {"Denmark": "lead"}}),
    # ... but not when it is denied
    ("Lithuania does not lead the demining coalition and Germany the air-defence coalition.", {}),
    # a shared head noun after a gerund, led respectively; a country part of both
    ("The IT and demining coalitions are led by Estonia and Lithuania respectively. Sweden is part of the IT and "
     "demining coalitions.",
     {"IT Coalition": {"Estonia": "lead", "Sweden": "member"},
      "Demining Coalition": {"Lithuania": "lead", "Sweden": "member"}}),
    # "the naval alliance" is the naval one of the two named before, never the last named
    ("The naval and air-defence alliances were set up in 2024. The naval alliance is led by Greece.",
     {"Naval Alliance": {"Greece": "lead"}}),
])
def test_round_2b_gapped_leads_shared_heads_and_described_references(nlp, gazetteer, text, expected):
    assert _record_roles(_record(nlp, gazetteer, text)) == expected


@pytest.mark.parametrize("text, expected", [
    # a lead agreed is a lead; one only offered is not
    ("Canada has agreed to lead a new Arctic coalition. Denmark is reported to have joined, and Norway is in the "
     "process of joining.",
     {"Arctic Coalition": {"Canada": "lead", "Denmark": "member", "Norway": "joining"}}),
    ("Canada has offered to lead a new Arctic coalition. Denmark is reported to have joined.",
     {"Arctic Coalition": {"Denmark": "member"}}),
])
def test_round_2b_a_lead_agreed(nlp, gazetteer, text, expected):
    assert _record_roles(_record(nlp, gazetteer, text)) == expected


@pytest.mark.parametrize("text, expected", [
    # "it" in the next sentence is the coalition the sentence before was about
    ("The Baltic Sea Cable Protection Coalition was formed in 2025. Sweden and Finland chair it. Estonia and "
     "Latvia are members.",
     {"Baltic Sea Cable Protection Coalition": {"Sweden": "lead", "Finland": "lead", "Estonia": "member",
                                                "Latvia": "member"}}),
    # ... not when that sentence named something else "it" may be, nor across another sentence
    ("The drone coalition announced a training plan on Monday. Latvia leads it.", {}),
    ("The IT coalition met in Tallinn. The summit was hosted by Estonia. Iceland joined it.", {}),
])
def test_round_2b_it_in_the_next_sentence(nlp, gazetteer, text, expected):
    assert _record_roles(_record(nlp, gazetteer, text)) == expected


# ---------------------------------------------------------------- round 3: references and names


@pytest.mark.parametrize("text, expected", [
    # a mention later in the sentence does not hide the coalition named before from a word that comes first
    ("The demining coalition met in Rome. The drone coalition has delivered 9,000 drones. \"I thank Latvia for its "
     "leadership,\" the minister said, adding that Canada had joined the drone coalition.",
     {"Drone Coalition": {"Latvia": "lead", "Canada": "member"}}),
    # "This coalition is led by …" is what "it" in the next sentence is
    ("The pipeline coalition has 19 members. This coalition is led by Norway and Poland. Italy and Malta joined it "
     "in May, a spokeswoman said.",
     {"Pipeline Coalition": {"Norway": "lead", "Poland": "lead", "Italy": "member", "Malta": "member"}}),
    # "It is a coalition of …" describes the one named before; "lead it" in the next sentence is about it
    ("Q: What is Operation Silver Net?\nA: It is a coalition of navies that watches the cables. Sweden and Denmark "
     "lead it, and Poland and Germany contribute ships and aircraft.",
     {"Operation Silver Net": {"Sweden": "lead", "Denmark": "lead", "Poland": "member", "Germany": "member"}}),
    ("Operation Harbour Light is a US-led coalition that escorts tankers. Greece and Italy joined it in March.",
     {"Operation Harbour Light": {"United States": "lead", "Greece": "member", "Italy": "member"}}),
])
def test_round_3_the_coalition_referred_to(nlp, gazetteer, text, expected):
    assert _record_roles(_record(nlp, gazetteer, text)) == expected


@pytest.mark.parametrize("text, expected", [
    # "the coalition" is the coalition named before, not a contact group named after it
    ("Norway and Chile will jointly lead a new coalition for the repair of fishing boats, the minister announced "
     "after a video call of the Pacific Contact Group. The coalition will train mechanics in Lima. Peru and Ecuador "
     "have confirmed that they will take part as members.",
     {"coalition for the repair of fishing boats": {"Norway": "lead", "Chile": "lead", "Peru": "member",
                                                    "Ecuador": "member"}}),
    # ... but a coalition named only in the headline is not preferred to the one the body names
    ("Coalition of the Tides: ministers of France and Italy meet\n\nMinisters met in Rome to plan the Mediterranean "
     "Rescue Force. This coalition is led by France and Italy.",
     {"Mediterranean Rescue Force": {"France": "lead", "Italy": "lead"}}),
])
def test_round_3_the_coalition_is_a_coalition(nlp, gazetteer, text, expected):
    assert _record_roles(_record(nlp, gazetteer, text)) == expected


@pytest.mark.parametrize("text, expected", [
    # "the group" after NATO is named is still the coalition: NATO is "the alliance"
    ("The drone coalition, led by Latvia, met on Monday on the sidelines of a NATO ministers' meeting. Denmark "
     "co-leads the group with Latvia.",
     {"Drone Coalition": {"Latvia": "lead", "Denmark": "lead"}}),
    # "the alliance" after the EU is named is still the alliance: the EU is "the bloc"
    ("The Clean Steel Alliance, led by Brazil, was launched on Monday. Steel emits more than the European Union's "
     "power sector. Chile joined the alliance on Tuesday.",
     {"Clean Steel Alliance": {"Brazil": "lead", "Chile": "member"}}),
])
def test_round_3_what_an_excluded_organization_may_be_called(nlp, gazetteer, text, expected):
    assert _record_roles(_record(nlp, gazetteer, text)) == expected


@pytest.mark.parametrize("text, expected", [
    # a new grouping described, then its name in apposition; a later description in its words is the same one
    ("Spain and Italy will lead a new maritime group, the Coalition of the Tides. Greece joined the maritime "
     "coalition on Monday.",
     {"Coalition of the Tides": {"Spain": "lead", "Italy": "lead", "Greece": "member"}}),
    # one name with a word of description more
    ("A Nordic-Baltic observer mission led by Lithuania says the vote was clean.\n\nThe Nordic-Baltic mission, "
     "including observers from Estonia and Latvia, visited 300 polling stations.",
     {"Nordic-Baltic observer mission": {"Lithuania": "lead", "Estonia": "member", "Latvia": "member"}}),
])
def test_round_3_one_coalition_under_two_names(nlp, gazetteer, text, expected):
    assert _record_roles(_record(nlp, gazetteer, text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("The medics coalition met in Tallinn. The group, again led by Estonia, this year alongside Canada, has "
     "trained 300 medics.",
     {"Medics Coalition": {"Estonia": "lead", "Canada": "lead"}}),
    ("The ministry published the membership list of the Coalition of the Tides, led by Spain. Portugal, Malta and "
     "Cyprus have signed the letter of intent.",
     {"Coalition of the Tides": {"Spain": "lead", "Portugal": "member", "Malta": "member", "Cyprus": "member"}}),
    ("The Sahel Water Alliance, led by Niger, met in Niamey. Chad has been a member since 2021.",
     {"Sahel Water Alliance": {"Niger": "lead", "Chad": "member"}}),
    ("The Green Cement Alliance is spearheaded by Chile and Spain. Besides the two leads, the founding members are "
     "Peru, Kenya and Ireland.",
     {"Green Cement Alliance": {"Chile": "lead", "Spain": "lead", "Peru": "member", "Kenya": "member",
                                "Ireland": "member"}}),
    ("The medics coalition is led by Estonia. Ireland and Belgium take part as members.",
     {"Medics Coalition": {"Estonia": "lead", "Ireland": "member", "Belgium": "member"}}),
    # a member once, no longer
    ("The Nordic observer mission, led by Sweden, includes observers from Norway and Finland. Iceland, which took "
     "part in the mission in 2021, did not send observers this time.",
     {"Nordic observer mission": {"Sweden": "lead", "Norway": "member", "Finland": "member"}}),
])
def test_round_3_more_ways_to_say_lead_and_member(nlp, gazetteer, text, expected):
    assert _record_roles(_record(nlp, gazetteer, text)) == expected


@pytest.mark.parametrize("text, expected", [
    # a name with no head word of its own, a grouping of states described in apposition to it
    ("\"Silver Line Black Sea, the mine countermeasures group that Romania, Bulgaria and Türkiye set up last year, "
     "is the best example,\" he said.",
     {"Silver Line Black Sea": {"Romania": "member", "Bulgaria": "member", "Türkiye": "member"}}),
    ("Atlantic Beacon, a naval task force of five coastal states led by Ghana, escorted 40 tankers. Togo and Benin "
     "joined the task force in May.",
     {"Atlantic Beacon": {"Ghana": "lead", "Togo": "member", "Benin": "member"}}),
    # a company described as a group is no grouping of states; a name with its own head keeps it
    ("Vitol, the trading group that Saudi Arabia's fund backs, said Chile joined the talks.", {}),
    ("Chile and Peru launched the Andean Salt Alliance, a purchasing alliance that Bolivia joined in June.",
     {"Andean Salt Alliance": {"Chile": "member", "Peru": "member", "Bolivia": "member"}}),
])
def test_round_3_a_name_described_in_apposition(nlp, gazetteer, text, expected):
    assert _record_roles(_record(nlp, gazetteer, text)) == expected


@pytest.mark.parametrize("text, expected", [
    # leads gapped after "will lead"
    ("Ministers set up three groups: naval, cyber and medical coalitions. Norway will lead the naval coalition, "
     "Estonia the cyber coalition and Canada the medical coalition.",
     {"Naval Coalition": {"Norway": "lead"}, "Cyber Coalition": {"Estonia": "lead"},
      "Medical Coalition": {"Canada": "lead"}}),
    ("The Black Sea Demining Group is co-chaired by Romania and Bulgaria. Türkiye is also a member.",
     {"Black Sea Demining Group": {"Romania": "lead", "Bulgaria": "lead", "Türkiye": "member"}}),
    ("The Lake Contact Group on Sudan, which Egypt and Kenya co-chair, met in Cairo. Chad and Ethiopia attended as "
     "members.",
     {"Lake Contact Group on Sudan": {"Egypt": "lead", "Kenya": "lead", "Chad": "member", "Ethiopia": "member"}}),
    # ... observers are not members
    ("The Lake Contact Group on Sudan, which Egypt and Kenya co-chair, met in Cairo. Chad attended as an observer.",
     {"Lake Contact Group on Sudan": {"Egypt": "lead", "Kenya": "lead"}}),
])
def test_round_3_gapped_leads_and_members_said_briefly(nlp, gazetteer, text, expected):
    assert _record_roles(_record(nlp, gazetteer, text)) == expected


@pytest.mark.parametrize("text, expected", [
    # a chair held in turn is no lead
    ("Finance ministers of the Group of Seven met in Paris, France's finance minister Claire Duval, who chairs the "
     "group this year, told reporters.", {}),
    ("The Pacific Reef Alliance groups Fiji, Samoa and Tonga. Samoa holds the rotating presidency of the alliance.",
     {"Pacific Reef Alliance": {"Fiji": "member", "Samoa": "member", "Tonga": "member"}}),
    # a chair not said to rotate is a lead
    ("The Pacific Reef Alliance is chaired by Fiji. Samoa joined it in 2024.",
     {"Pacific Reef Alliance": {"Fiji": "lead", "Samoa": "member"}}),
])
def test_round_3_a_rotating_chair_is_no_lead(nlp, gazetteer, text, expected):
    assert _record_roles(_record(nlp, gazetteer, text)) == expected


def test_round_3_a_grouping_named_by_the_countries_whose_it_is(nlp, gazetteer):
    text = ("Belgium and Norway join British-Dutch mission to guard cables\n\n"
            "Belgium and Norway have joined a British and Dutch naval operation to protect undersea cables.\n\n"
            "Operation Deep Watch, which is led by the United Kingdom and the Netherlands, will keep eight warships "
            "at sea. The Spanish-Greek mission in the Aegean is separate.")
    assert _record_roles(_record(nlp, gazetteer, text)) == {
        "Operation Deep Watch": {"United Kingdom": "lead", "Netherlands": "lead", "Belgium": "member",
                                 "Norway": "member"}}


@pytest.mark.parametrize("text, expected", [
    # those "taking part" after a lead are members, not more leads
    ("Operation Salt Gate, led by Estonia, with Latvia and Finland taking part, checked 9,600 trucks.",
     {"Operation Salt Gate": {"Estonia": "lead", "Latvia": "member", "Finland": "member"}}),
    # "together with" after a comma names members; right after the coalition, a co-lead
    ("Germany will head a separate Coalition of the Willing for Magnet Recycling, together with France and the "
     "Netherlands, which aims to recover scrap.",
     {"Coalition of the Willing for Magnet Recycling": {"Germany": "lead", "France": "member",
                                                        "Netherlands": "member"}}),
    ("The Drone Coalition, which Latvia leads with the United Kingdom, delivered drones.",
     {"Drone Coalition": {"Latvia": "lead", "United Kingdom": "lead"}}),
])
def test_round_3_co_leads_and_those_taking_part(nlp, gazetteer, text, expected):
    assert _record_roles(_record(nlp, gazetteer, text)) == expected


@pytest.mark.parametrize("text, expected", [
    # a capital as subject or agent of a lead or join verb stands for its government
    ("The mine-clearing coalition, which Riga co-leads with Sweden, has trained 400 sappers.",
     {"Mine-clearing Coalition": {"Latvia": "lead", "Sweden": "lead"}}),
    ("The Atlantic Seed Alliance, spearheaded by Oslo and Dublin, opened a gene bank.",
     {"Atlantic Seed Alliance": {"Norway": "lead", "Ireland": "lead"}}),
    # a capital as a place is nobody: "in Oslo", "the Oslo meeting"
    ("The Atlantic Seed Alliance, led by Chile, met in Oslo, where Dublin officials joined the talks.",
     {"Atlantic Seed Alliance": {"Chile": "lead"}}),
])
def test_round_3b_capitals_acting_for_their_countries(nlp, gazetteer, text, expected):
    assert _record_roles(_record(nlp, gazetteer, text)) == expected


def test_round_3b_leading_is_no_word_of_a_coalitions_name(nlp, gazetteer):
    text = "Chile and Peru to keep leading cyber coalition for a second year"
    records = _record_roles(_record(nlp, gazetteer, text))
    assert list(records) == ["Cyber Coalition"]
    assert records["Cyber Coalition"] == {"Chile": "lead", "Peru": "lead"}


def test_round_3b_a_compact_is_a_grouping_of_states(nlp, gazetteer):
    text = "Sweden and Canada joined the Blue Ammonia Compact on Monday."
    assert _record_roles(_record(nlp, gazetteer, text)) == {
        "Blue Ammonia Compact": {"Sweden": "member", "Canada": "member"}}
    # no country joins or leads it: no coalition
    assert _record_roles(_record(nlp, gazetteer, "The Blue Ammonia Compact published a report.")) == {}


def test_a_number_after_a_name_is_part_of_it(nlp, gazetteer):
    text = ("Combined Task Force 217 patrols the strait. Norway and Denmark joined Combined Task Force 217 in May. "
            "The Harbour Alliance 12 ships escorted convoys, and Poland joined the Harbour Alliance.")
    coalitions, ctx = _coalitions(nlp, gazetteer, text)
    summary = _summary(coalitions, ctx)
    assert summary["Combined Task Force 217"] == {"Norway": False, "Denmark": False}
    assert "Harbour Alliance" in summary and "Harbour Alliance 12" not in summary


def test_a_predicative_led_names_the_lead_of_its_subject(nlp, gazetteer):
    text = ("The Coastal Shield Mission was set up in 2021 with ships from Italy and Spain. "
            "A Croatian admiral took command in March, so the mission is currently Croatian-led. "
            "The Harbour Alliance was founded by Canada and Chile. Its secretariat sits in Ottawa, and it remains "
            "Canadian-led.")
    coalitions, ctx = _coalitions(nlp, gazetteer, text)
    summary = _summary(coalitions, ctx)
    assert summary["Coastal Shield Mission"] == {"Italy": False, "Spain": False, "Croatia": True}
    assert summary["Harbour Alliance"] == {"Canada": True, "Chile": False}


def test_a_predicative_led_needs_countries_and_the_coalition_as_subject(nlp, gazetteer):
    text = ("The Harbour Alliance was founded by Canada and Chile. The recovery of its members is export-led. "
            "The budget of the alliance is German-led, officials said.")
    coalitions, ctx = _coalitions(nlp, gazetteer, text)
    assert _summary(coalitions, ctx) == {"Harbour Alliance": {"Canada": False, "Chile": False}}


def test_a_grouping_of_this_kind_is_no_new_grouping(nlp, gazetteer):
    text = ("Norway joined the Lake Chad Contact Group in March. What can a small country bring to a group of this "
            "kind? The group is co-chaired by Egypt and Kenya.")
    coalitions, ctx = _coalitions(nlp, gazetteer, text)
    assert _summary(coalitions, ctx) == {"Lake Chad Contact Group": {"Norway": False, "Egypt": True, "Kenya": True}}


def test_signing_the_founding_text_with_when_and_where(nlp, gazetteer):
    text = ("The Lake Basin Alliance is co-led by Kenya and Uganda. Ghana and Denmark signed the founding declaration "
            "in Nairobi today, on the sidelines of a summit. Alongside the two founders, Chile and Peru signed the "
            "founding charter on Friday. Italy signed the declaration on climate finance.")
    coalitions, ctx = _coalitions(nlp, gazetteer, text)
    assert _summary(coalitions, ctx) == {"Lake Basin Alliance": {
        "Kenya": True, "Uganda": True, "Ghana": False, "Denmark": False, "Chile": False, "Peru": False}}


def test_contributors_include(nlp, gazetteer):
    text = ("Task Force 88 patrols the gulf. Contributors in the current rotation include the United States, Bahrain "
            "and Oman. Contributors to the reconstruction fund include Norway and Japan.")
    coalitions, ctx = _coalitions(nlp, gazetteer, text)
    assert _summary(coalitions, ctx) == {"Task Force 88": {"United States": False, "Bahrain": False, "Oman": False}}


def test_a_name_ending_in_of_is_not_cut_by_an_apposition(nlp, gazetteer):
    text = ("The fund will work with the Group of Friends of the Ocean Treaty, the cross-regional group of WHO member "
            "states co-chaired by Chile and Kenya, which meets in May.")
    coalitions, ctx = _coalitions(nlp, gazetteer, text)
    assert _summary(coalitions, ctx) == {"Group of Friends of the Ocean Treaty": {"Chile": True, "Kenya": True}}


def test_the_coalition_they_set_up_together_with(nlp, gazetteer):
    text = ("Chile and Peru also renewed the fisheries monitoring coalition they set up in 2021 together with Ecuador "
            "and Panama. The coalition, led by Ecuador, has trained 900 inspectors.")
    coalitions, ctx = _coalitions(nlp, gazetteer, text)
    assert _summary(coalitions, ctx) == {"Fisheries Monitoring Coalition": {
        "Chile": False, "Peru": False, "Ecuador": True, "Panama": False}}
    # one country and "they": somebody else set it up
    text = "Peru criticised the fisheries monitoring coalition they set up in 2021 together with Ecuador."
    coalitions, ctx = _coalitions(nlp, gazetteer, text)
    assert _summary(coalitions, ctx) == {}


def test_co_chairs_in_apposition_lead(nlp, gazetteer):
    text = ("Peru and Ecuador joined the Andean Water Compact on Monday, lifting the group to nine members as "
            "co-chairs Chile and Bolivia pushed for a common standard.")
    coalitions, ctx = _coalitions(nlp, gazetteer, text)
    assert _summary(coalitions, ctx) == {"Andean Water Compact": {
        "Peru": False, "Ecuador": False, "Chile": True, "Bolivia": True}}
    # a rotating chair is no lead
    text = ("Peru and Ecuador joined the Andean Water Compact on Monday, as the rotating co-chairs Chile and Bolivia "
            "looked on.")
    coalitions, ctx = _coalitions(nlp, gazetteer, text)
    assert _summary(coalitions, ctx) == {"Andean Water Compact": {"Peru": False, "Ecuador": False}}


def test_a_comparative_is_no_word_of_a_name(nlp, gazetteer):
    text = ("A smaller group of island states, spearheaded by Fiji and Samoa, renewed calls for a levy. "
            "The group, which also includes Tonga, wants the levy by 2030.")
    coalitions, ctx = _coalitions(nlp, gazetteer, text)
    assert _summary(coalitions, ctx) == {"Fiji- and Samoa-led group": {"Fiji": True, "Samoa": True, "Tonga": False}}


def test_reported_to_have_joined_as_a_contributor(nlp, gazetteer):
    text = ("The Drone Coalition is led by Latvia. Ireland, which is not a Nato member, is reported to have joined "
            "as a non-lethal contributor. Austria is reported to have joined as an observer.")
    coalitions, ctx = _coalitions(nlp, gazetteer, text)
    assert _summary(coalitions, ctx) == {"Drone Coalition": {"Latvia": True, "Ireland": False}}


def test_reported_by_someone_to_have_joined(nlp, gazetteer):
    text = ("The Andean Water Compact is led by Chile. South Korea was reported by local media to have joined at "
            "ministerial level. Japan was reported by the BBC to have declined.")
    coalitions, ctx = _coalitions(nlp, gazetteer, text)
    assert _summary(coalitions, ctx) == {"Andean Water Compact": {"Chile": True, "South Korea": False}}


# ---------------------------------------------------------------- round 4: families from unseen writers


def test_a_led_description_in_apposition_to_a_name_with_its_head_first(nlp, gazetteer):
    # the description after the comma says who leads the named operation (a place in the description is no member)
    text = ("Chile and Peru said they had joined Operation Silver Current, the Argentina-led mission patrolling the "
            "fishing grounds off Uruguay.")
    coalitions, ctx = _coalitions(nlp, gazetteer, text)
    summary = _summary(coalitions, ctx)
    assert summary["Operation Silver Current"]["Argentina"] is True
    assert "Uruguay" not in summary["Operation Silver Current"]


def test_a_led_description_in_the_headline_is_the_named_grouping_the_same_country_leads(nlp, gazetteer):
    text = ("Chile joins Argentina-led patrol mission in the South Atlantic\n\n"
            "Chile has signed up to Operation Silver Current, which was set up last year. The operation is led by "
            "Argentina, and its other members are Uruguay and Paraguay.")
    coalitions, ctx = _coalitions(nlp, gazetteer, text)
    summary = _summary(coalitions, ctx)
    assert list(summary) == ["Operation Silver Current"]
    assert summary["Operation Silver Current"] == {"Chile": False, "Argentina": True, "Uruguay": False,
                                                   "Paraguay": False}
    # two named groupings the same country leads: the description stays apart (no guess)
    text = ("Chile joins Argentina-led patrol mission\n\n"
            "Chile has signed up to Operation Silver Current. The operation is led by Argentina, with Uruguay. "
            "Argentina also leads Operation Red Tide, which Paraguay and Bolivia have joined.")
    coalitions, ctx = _coalitions(nlp, gazetteer, text)
    assert "Chile" not in _summary(coalitions, ctx).get("Operation Red Tide", {})


def test_friends_of_a_cause_is_a_name(nlp, gazetteer):
    text = ("The Friends of Clean Harbours held its first meeting on Monday. Chile co-chairs the group together with "
            "Norway, and Peru and Ghana formally joined it as members.")
    coalitions, ctx = _coalitions(nlp, gazetteer, text)
    assert _summary(coalitions, ctx) == {"Friends of Clean Harbours": {
        "Chile": True, "Norway": True, "Peru": False, "Ghana": False}}
    # a lower-case "friends of" is no name
    text = "Chile and Peru, old friends of Norway, joined the talks."
    coalitions, ctx = _coalitions(nlp, gazetteer, text)
    assert coalitions == []


def test_a_name_with_of_before_its_head_and_a_place_after_it(nlp, gazetteer):
    text = ("The Bay of Bengal Fisheries Task Force, led by India and Bangladesh, now includes Sri Lanka. "
            "The Group of Friends of Fair Fishing in New York, chaired by Chile, added Peru.")
    coalitions, ctx = _coalitions(nlp, gazetteer, text)
    summary = _summary(coalitions, ctx)
    assert summary["Bay of Bengal Fisheries Task Force"] == {"India": True, "Bangladesh": True, "Sri Lanka": False}
    assert "Group of Friends of Fair Fishing" in summary


def test_a_new_group_named_by_the_country_it_is_about_is_not_the_bloc_named_before(nlp, gazetteer):
    text = ("G20 ministers on Friday backed a new Sudan support group co-chaired by Norway and Ghana.")
    coalitions, ctx = _coalitions(nlp, gazetteer, text)
    summary = _summary(coalitions, ctx)
    assert not any("G20" in name or "Group of Twenty" in name for name in summary), summary


def test_a_word_the_parser_cut_from_its_line(nlp, gazetteer):
    text = ("PATROLS: A YEAR ON\n\nOperation Silver Current, the Argentina-led coalition set up to guard the fishing "
            "grounds, added a member this week: Chile confirmed on Tuesday that it has joined and will send a ship. "
            "Uruguay and Paraguay already take part.")
    coalitions, ctx = _coalitions(nlp, gazetteer, text)
    summary = _summary(coalitions, ctx)
    assert summary == {"Operation Silver Current": {"Argentina": True, "Chile": False, "Uruguay": False,
                                                    "Paraguay": False}}


def test_second_lead_as_co_lead_and_a_capital_sharing_the_lead(nlp, gazetteer):
    text = ("Chile will lead the coastal radar coalition, with Peru as co-lead, the minister said. Argentina, which "
            "co-leads the fisheries coalition with Oslo, will host the next meeting.")
    roles = _roles(nlp, gazetteer, text)
    assert roles["Coastal Radar Coalition"] == {"Chile": "lead", "Peru": "lead"}
    assert roles["Fisheries Coalition"] == {"Argentina": "lead", "Norway": "lead"}
    # "with L as members" is no lead
    roles = _roles(nlp, gazetteer, "The coastal radar coalition is led by Chile, with Peru and Ghana as members.")
    assert roles["Coastal Radar Coalition"] == {"Chile": "lead", "Peru": "member", "Ghana": "member"}


def test_members_said_in_passing_and_in_reported_speech(nlp, gazetteer):
    text = ("The Andean Water Compact, co-chaired by Chile and Peru, admitted Bolivia on Tuesday and said Ecuador was "
            "in the process of joining. Colombia, a founding member, and Ghana, which joined last year, also signed "
            "the updated declaration.")
    roles = _roles(nlp, gazetteer, text)
    assert roles["Andean Water Compact"] == {"Chile": "lead", "Peru": "lead", "Bolivia": "member",
                                             "Ecuador": "joining", "Colombia": "member", "Ghana": "member"}


def test_one_verb_two_coalitions_each_with_its_leads(nlp, gazetteer):
    text = ("Ghana also takes part in the radar coalition, led by Chile, and in the fisheries coalition, "
            "spearheaded by Peru.")
    roles = _roles(nlp, gazetteer, text)
    assert roles == {"Radar Coalition": {"Ghana": "member", "Chile": "lead"},
                     "Fisheries Coalition": {"Ghana": "member", "Peru": "lead"}}


def test_instruments_of_ratification_and_an_acronym_before_launched_by(nlp, gazetteer):
    text = ("Ghana and Peru deposited their instruments of ratification of the Global Tidal Power Alliance (GTPA) "
            "framework agreement on Monday. The Blue Grids Initiative-One Ocean One Grid (BGI-OOOG), launched by "
            "Chile and Norway in 2022, has been joined by Fiji.")
    roles = _roles(nlp, gazetteer, text)
    assert roles["Global Tidal Power Alliance"] == {"Ghana": "member", "Peru": "member"}
    assert set(roles["Blue Grids Initiative-One Ocean One Grid"]) == {"Chile", "Norway", "Fiji"}


def test_an_organization_counted_with_the_members_blocks_nothing(nlp, gazetteer):
    def members(text):
        record = _record(nlp, gazetteer, text)
        names = {e.key: e.name for e in record.entities}
        return {c.name: {names[m.country] for m in c.members} for c in record.coalitions}

    text = ("Chile has chaired the Andean Water Compact since 2019. The compact now has 12 members, plus the EU as an "
            "observer. Ghana and Peru joined this spring, and Ecuador joined together with Bolivia.")
    assert members(text)["Andean Water Compact"] == {"Chile", "Ghana", "Peru", "Ecuador", "Bolivia"}
    # the EU named as a new subject still blocks: "joined" may be about it
    text = ("Chile has chaired the Andean Water Compact since 2019. The EU held talks with Chile on Monday. Ghana and "
            "Peru joined this spring.")
    assert "Ghana" not in members(text).get("Andean Water Compact", set())


def test_a_list_of_founding_members_with_its_co_chairs_and_hearsay_of_a_joiner(nlp, gazetteer):
    text = ("Q: Who is in the Andean Water Compact today?\n\nFive founding members: Chile and Peru as co-chairs, plus "
            "Bolivia, Ecuador and Colombia. We have been told that Ghana has joined, but the paperwork is not done.")
    roles = _roles(nlp, gazetteer, text)
    assert roles["Andean Water Compact"] == {"Chile": "lead", "Peru": "lead", "Bolivia": "member",
                                             "Ecuador": "member", "Colombia": "member", "Ghana": "member"}
    # the co-chairs of a meeting lead no coalition
    roles = _roles(nlp, gazetteer, "Ghana joined the Andean Water Compact, with Chile and Peru as co-chairs of the "
                                   "meeting.")
    assert roles["Andean Water Compact"] == {"Ghana": "member"}


def test_a_member_that_contributes_its_coastguard(nlp, gazetteer):
    text = ("Operation Silver Current is led by Argentina. Its founding members are Chile and Peru, and Uruguay, "
            "which has no navy, contributes its coastguard.")
    roles = _roles(nlp, gazetteer, text)
    assert roles["Operation Silver Current"] == {"Argentina": "lead", "Chile": "member", "Peru": "member",
                                                 "Uruguay": "member"}


def test_a_heading_in_capitals_and_an_organization_owning_a_thing_block_nothing(nlp, gazetteer):
    def members(text):
        record = _record(nlp, gazetteer, text)
        names = {e.key: e.name for e in record.entities}
        return {c.name: {names[m.country] for m in c.members} for c in record.coalitions}

    text = ("Chile and Peru launched the Andean Water Compact on Monday. Farming uses more water there than the whole "
            "of the European Union's industry.\n\nWHO IS IN\n\nBesides the two leads, the founding members are Bolivia "
            "and Ecuador.")
    assert members(text)["Andean Water Compact"] == {"Chile", "Peru", "Bolivia", "Ecuador"}
    # the organization's own members: "joined" may be about it
    text = ("Chile and Peru launched the Andean Water Compact on Monday. The European Union's member states met in "
            "Brussels. Bolivia and Ecuador joined last year.")
    assert members(text)["Andean Water Compact"] == {"Chile", "Peru"}


def test_the_coalition_far_on_is_the_one_with_members(nlp, gazetteer):
    filler = " ".join(["The ministers discussed prices, supply chains and the weather for a long time."] * 14)
    text = ("Chile leads the coastal radar coalition, which Peru joined in May. General Ana Ruiz, commander of the "
            f"Chilean Air Force, runs its planning staff. {filler} Bolivia has not joined the coalition. Ecuador is in "
            "the process of joining.")
    roles = _roles(nlp, gazetteer, text)
    assert roles["Coastal Radar Coalition"] == {"Chile": "lead", "Peru": "member", "Ecuador": "joining"}


def test_who_joined_us_in_a_quote_about_the_coalition(nlp, gazetteer):
    text = ("The Chilean minister spoke about the coastal radar coalition, which her country leads with Peru. "
            "\u201cI thank Bolivia and Ecuador, who joined us last spring, for their radars,\u201d she said.")
    roles = _roles(nlp, gazetteer, text)
    assert roles["Coastal Radar Coalition"]["Bolivia"] == "member"
    assert roles["Coastal Radar Coalition"]["Ecuador"] == "member"
    # joined us for dinner: no member
    roles = _roles(nlp, gazetteer, "Chile leads the coastal radar coalition. Bolivia, who joined us for dinner, "
                                   "said nothing.")
    assert "Bolivia" not in roles.get("Coastal Radar Coalition", {})


def test_co_chairs_of_an_opening_are_no_leads(nlp, gazetteer):
    roles = _roles(nlp, gazetteer, "Peru joined the Andean Water Compact in May. Chile and Bolivia as co-chairs opened "
                                   "the meeting on Monday.")
    assert roles["Andean Water Compact"] == {"Peru": "member"}


def test_a_co_chair_of_a_meeting_after_the_coalition_is_no_lead(nlp, gazetteer):
    roles = _roles(nlp, gazetteer, "Peru joined the Andean Water Compact in May. The Andean Water Compact met in Lima "
                                   "on Monday, with Bolivia as co-chair.")
    assert roles["Andean Water Compact"] == {"Peru": "member"}


def test_a_ministers_we_in_a_transcript_is_their_country(nlp, gazetteer):
    def members(text):
        record = _record(nlp, gazetteer, text)
        names = {e.key: e.name for e in record.entities}
        return {c.name: {names[m.country]: m.lead for m in c.members} for c in record.coalitions}

    text = ("Lima, 16 April 2026 – Chile's Minister for Foreign Affairs, Ana Reyes, spoke to us about water.\n\n"
            "Q: What is new?\n\nREYES: We joined the Andean Water Compact in January. The compact is co-chaired by "
            "Peru and Bolivia.")
    assert members(text)["Andean Water Compact"] == {"Chile": False, "Peru": True, "Bolivia": True}
    # a "we" nobody with a country's post says is nobody's
    text = ("Lima, 16 April 2026 – Ana Reyes, a farmer, spoke to us about water.\n\nQ: What is new?\n\nREYES: We joined "
            "the Andean Water Compact in January. The compact is co-chaired by Peru and Bolivia.")
    assert members(text)["Andean Water Compact"] == {"Peru": True, "Bolivia": True}


def test_a_coalition_which_a_country_is_part_of(nlp, gazetteer):
    roles = _roles(nlp, gazetteer, "They have their own tools, including the Andean Water Compact, which Chile is also "
                                   "part of. The compact is led by Peru.")
    assert roles["Andean Water Compact"] == {"Chile": "member", "Peru": "lead"}
    roles = _roles(nlp, gazetteer, "Peru leads the Andean Water Compact, which Chile is part of the problem for.")
    assert roles["Andean Water Compact"] == {"Peru": "lead"}


def test_a_new_group_described_after_a_named_one_is_not_it(nlp, gazetteer):
    text = ("Chile and Peru co-chair the Group of Friends of Clean Water. Ghana joined it in May. Separately, a new "
            "water support group for the Andes was set up, and Chile has joined it.")
    coalitions, ctx = _coalitions(nlp, gazetteer, text)
    friends = next(c for c in coalitions if c.name == "Group of Friends of Clean Water")
    assert not any("support" in a.lower() for a in ctx.entities[friends.key].aliases)


def test_a_multinational_unit_named_by_the_country_it_is_stationed_in(nlp, gazetteer):
    roles = _roles(nlp, gazetteer, "The allies have moved jets east, and the multinational brigade in Estonia, led by "
                                   "the United Kingdom, will double in size by 2028.")
    assert roles == {"multinational brigade in Estonia": {"United Kingdom": "lead"}}
    roles = _roles(nlp, gazetteer, "The battlegroup in Slovakia is led by Czechia. Slovenia and Germany send troops "
                                   "to it.")
    assert roles["battlegroup in Slovakia"]["Czechia"] == "lead"


def test_a_national_or_unled_unit_is_no_grouping(nlp, gazetteer):
    # nobody leads or joins it; a brigade of one army; "in" a country's region; an indefinite one
    for text in ("The brigade in Estonia will double in size by 2028.",
                 "The commander of the 12th Mechanised Brigade, which Poland formed last year, spoke.",
                 "Officials said the brigade in Estonia's north, led by Colonel Ivo Tamm, would grow.",
                 "A brigade in Estonia, led by the United Kingdom, would be welcome, Tallinn said."):
        assert _roles(nlp, gazetteer, text) == {}, text


def test_a_council_of_producing_countries_is_a_grouping(nlp, gazetteer):
    roles = _roles(nlp, gazetteer, "Ghana and Togo lead the Council of Cocoa Producing Countries, which Benin joined "
                                   "in May.")
    assert roles == {"Council of Cocoa Producing Countries": {"Ghana": "lead", "Togo": "lead", "Benin": "member"}}
    # a council of ministers or of a state groups no states
    for text in ("The Council of Ministers, chaired by France, met on Monday.",
                 "France chairs the Council of State this year.",
                 "Ghana and Togo joined the Council of Europe Development Bank."):
        assert _roles(nlp, gazetteer, text) == {}, text


def test_a_seat_based_description_in_apposition_is_the_grouping(nlp, gazetteer):
    roles = _roles(nlp, gazetteer, "Delegates of the Council of Cocoa Producing Countries, the Accra-based alliance "
                                   "spearheaded by Ghana and Togo, met in Lome.")
    assert roles == {"Council of Cocoa Producing Countries": {"Ghana": "lead", "Togo": "lead"}}


def test_countries_described_by_their_count_are_those_named_just_before(nlp, gazetteer):
    roles = _roles(nlp, gazetteer, "Kenya and Tanzania signed a fisheries deal on Monday. The Lake Victoria Fisheries "
                                   "Compact, led by the two East African neighbours, opens in May.")
    assert roles == {"Lake Victoria Fisheries Compact": {"Kenya": "lead", "Tanzania": "lead"}}
    roles = _roles(nlp, gazetteer, "The Andes Water Compact was launched by Chile and Peru in 2019, and both countries "
                                   "still lead it.")
    assert roles["Andes Water Compact"] == {"Chile": "lead", "Peru": "lead"}


def test_countries_described_by_a_count_that_does_not_fit_are_nobody(nlp, gazetteer):
    # three countries named before "the two countries"; "the two other countries" are others
    roles = _roles(nlp, gazetteer, "France sold jets to Kenya and Ghana. The Jet Maintenance Coalition, led by the two "
                                   "countries, met on Monday.")
    assert not any(roles.values())
    roles = _roles(nlp, gazetteer, "Chile and Peru met on Monday. The Andes Water Compact, led by the two other "
                                   "countries, opens in May.")
    assert not any(roles.values())


def test_a_unit_is_no_reference_to_the_grouping_named_before(nlp, gazetteer):
    roles = _roles(nlp, gazetteer, "Romania and Bulgaria joined the Black Sea Demining Group. The battlegroup led by "
                                   "Italy is based near Constanta.")
    assert roles == {"Black Sea Demining Group": {"Romania": "member", "Bulgaria": "member"}}


# ---------------------------------------------------------------- round 5 (unseen writers)

def test_a_lead_said_as_being_in_charge_or_as_its_co_lead(nlp, gazetteer):
    roles = _roles(nlp, gazetteer, "Portugal, which is in charge of the mine-clearing coalition, said it had trained "
                                   "400 divers.")
    assert roles == {"Mine-clearing Coalition": {"Portugal": "lead"}}
    roles = _roles(nlp, gazetteer, "The cyber coalition met in Tallinn. Estonia heads the coalition; Finland is its "
                                   "co-lead.")
    assert roles == {"Cyber Coalition": {"Estonia": "lead", "Finland": "lead"}}
    # a lead of something else ("its lead contractor") is no lead of the coalition
    roles = _roles(nlp, gazetteer, "Estonia heads the cyber coalition; Finland is its lead contractor for servers.")
    assert roles == {"Cyber Coalition": {"Estonia": "lead"}}


def test_whom_a_coalition_serves_stands_between_it_and_its_leads(nlp, gazetteer):
    roles = _roles(nlp, gazetteer, "The international medical coalition for Moldova, which Austria co-leads with "
                                   "Slovenia, will send 40 ambulances.")
    assert roles == {"Medical Coalition": {"Austria": "lead", "Slovenia": "lead"}}
    roles = _roles(nlp, gazetteer, "The energy coalition for Moldova, led by Romania, met on Monday.")
    assert roles == {"Energy Coalition": {"Romania": "lead"}}


def test_it_in_a_second_clause_is_the_subject_of_the_first(nlp, gazetteer):
    text = ("The medical coalition was set up in 2023 as part of the Ukraine Defense Contact Group, known as the "
            "Ramstein format, and Austria and Slovenia have led it since then.")
    roles = _roles(nlp, gazetteer, text)
    assert roles == {"Medical Coalition": {"Austria": "lead", "Slovenia": "lead"}}


def test_one_countrys_armed_service_is_no_grouping(nlp, gazetteer):
    text = ("Spain and Italy joined the Sea Drone Coalition on Monday. According to the Romanian Naval Forces, "
            "drones sank two boats. \"We thank Norway for leading this coalition,\" a Romanian admiral said.")
    roles = _roles(nlp, gazetteer, text)
    assert roles == {"Sea Drone Coalition": {"Spain": "member", "Italy": "member", "Norway": "lead"}}


def test_an_unnamed_coalition_described_by_the_words_of_a_name_is_that_one(nlp, gazetteer):
    text = ("Chile and Peru have signed up to a coalition that buys water pumps for Bolivia. The Water Pump "
            "Coalition was launched in May by Ecuador.")
    roles = _roles(nlp, gazetteer, text)
    assert roles == {"Water Pump Coalition": {"Chile": "member", "Peru": "member", "Ecuador": "member"}}
    # the name first, then the description
    text = ("The Water Pump Coalition was launched in May by Ecuador. Chile and Peru have now joined an "
            "international coalition that finances water pumps for Bolivia.")
    roles = _roles(nlp, gazetteer, text)
    assert roles == {"Water Pump Coalition": {"Ecuador": "member", "Chile": "member", "Peru": "member"}}
    # a description that does not hold the name's words is another grouping: nothing said of the named one
    text = ("Chile and Peru have signed up to a coalition that trains firefighters. The Water Pump Coalition was "
            "launched in May by Ecuador.")
    roles = _roles(nlp, gazetteer, text)
    assert roles == {"Water Pump Coalition": {"Ecuador": "member"}}


def test_who_sign_the_text_that_establishes_a_grouping_found_it(nlp, gazetteer):
    text = ("Ghana, Togo and Benin signed a memorandum of understanding establishing the Volta Basin Cholera "
            "Alliance, which Ghana and Togo will co-chair.")
    roles = _roles(nlp, gazetteer, text)
    assert roles == {"Volta Basin Cholera Alliance": {"Ghana": "lead", "Togo": "lead", "Benin": "member"}}


def test_modifiers_joined_by_and_name_one_coalition(nlp, gazetteer):
    roles = _roles(nlp, gazetteer, "The counter-drone and electronic warfare coalition, led by Latvia, met in Riga.")
    assert roles == {"Counter-drone and Electronic Warfare Coalition": {"Latvia": "lead"}}
    # a determiner after "and": two coalitions
    roles = _roles(nlp, gazetteer, "Latvia leads the maritime and the drone coalition.")
    assert "Counter-Drone and Electronic Warfare Coalition" not in roles
    assert not any("And" in name or " and " in name for name in roles)


def test_part_of_it_after_a_question_about_a_grouping(nlp, gazetteer):
    text = ("What about the coalition of the willing, the group Spain and Italy put together for a peace mission? "
            "Portugal is part of it, and we are ready to help.")
    roles = _roles(nlp, gazetteer, text)
    assert roles == {"coalition of the willing": {"Spain": "member", "Italy": "member", "Portugal": "member"}}
    # "it" with no grouping named in this sentence or the one before is nothing
    text = ("Spain and Italy set up the coalition of the willing in May. Talks went on all summer. "
            "Portugal is part of it.")
    roles = _roles(nlp, gazetteer, text)
    assert roles == {"coalition of the willing": {"Spain": "member", "Italy": "member"}}


def test_one_of_the_other_members_of_a_grouping(nlp, gazetteer):
    text = "Together with Latvia and the other countries of the Baltic Cable Coalition, we patrol the sea."
    assert _roles(nlp, gazetteer, text) == {"Baltic Cable Coalition": {"Latvia": "member"}}


def test_members_said_by_signing_or_putting_ships_into_it(nlp, gazetteer):
    text = ("Chile and Peru have led the Pacific Patrol Coalition since 2022. How many countries take part? "
            "Nine, since Ecuador signed in March. Colombia and Panama have put money and ships into it.")
    assert _roles(nlp, gazetteer, text) == {
        "Pacific Patrol Coalition": {"Chile": "lead", "Peru": "lead", "Ecuador": "member", "Colombia": "member",
                                     "Panama": "member"}}
    # ships put into another body, and a "has not joined" of its own: no member
    text = ("Chile and Peru have led the Pacific Patrol Coalition since 2022. Bolivia has not joined. "
            "Bolivia has put its ships into NATO's Baltic Sentry instead.")
    assert _roles(nlp, gazetteer, text) == {"Pacific Patrol Coalition": {"Chile": "lead", "Peru": "lead"}}
    # "signed on to" another pact is no bare "signed"
    text = "Chile and Peru have led the Pacific Patrol Coalition since 2022. After Bolivia signed on to a rival pact, Peru protested."
    assert _roles(nlp, gazetteer, text) == {"Pacific Patrol Coalition": {"Chile": "lead", "Peru": "lead"}}


def test_contributions_and_pledges_make_members(nlp, gazetteer):
    text = ("The medical coalition, which Austria leads, met in Vienna on Tuesday. The largest single pledge came "
            "from Spain, while Italy will deliver 30 armoured vehicles. Greece and Malta also announced new "
            "contributions.")
    assert _roles(nlp, gazetteer, text) == {
        "Medical Coalition": {"Austria": "lead", "Spain": "member", "Italy": "member", "Greece": "member",
                              "Malta": "member"}}
    # contributions to another body
    text = ("The medical coalition, which Austria leads, met in Vienna on Tuesday. Greece announced new "
            "contributions to the World Health Organization.")
    roles = _record_roles(_record(nlp, gazetteer, text))
    assert roles == {"Medical Coalition": {"Austria": "lead"}}


def test_a_name_that_goes_on_with_to_and_a_verb(nlp, gazetteer):
    roles = _roles(nlp, gazetteer, "The High Ambition Coalition to End Reef Loss, co-chaired by Fiji and Palau, "
                                   "has 30 members.")
    assert roles == {"High Ambition Coalition to End Reef Loss": {"Fiji": "lead", "Palau": "lead"}}
    roles = _roles(nlp, gazetteer, "Latvia handed the Drone Coalition to Estonia in May, and Poland joined it.")
    assert roles == {"Drone Coalition": {"Poland": "member"}}


def test_named_accords_group_their_signatories(nlp, gazetteer):
    text = ("Peru and Chile sign Lunar Accords\n\nPeru and Chile on Monday signed the Lunar Accords. Bolivia, which "
            "signed the Lunar Accords in 2024, is also in talks with Brazil.")
    roles = _roles(nlp, gazetteer, text)
    assert roles == {"Lunar Accords": {"Peru": "member", "Chile": "member", "Bolivia": "member"}}


def test_members_written_after_an_organization_that_may_be_a_grouping(nlp, gazetteer):
    roles = _record_roles(_record(nlp, gazetteer, "On Monday, fellow Mercosur members Paraguay and Uruguay opposed "
                                                          "the tariff."))
    assert roles == {"Mercosur": {"Paraguay": "member", "Uruguay": "member"}}
    # an organization that is never a grouping of states
    assert _record_roles(_record(nlp, gazetteer, "EU members France and Germany agreed on Monday.")) == {}


def test_a_short_name_defined_by_its_countries(nlp, gazetteer):
    for text in ("The E3 (Britain, France and Germany) triggered the snapback mechanism on Thursday.",
                 "Britain, France and Germany, known as the E3, said Iran had breached the deal."):
        roles = _roles(nlp, gazetteer, text)
        assert roles == {"E3": {"United Kingdom": "member", "France": "member", "Germany": "member"}}, text
    # a country's short form, a single country: no grouping
    assert _roles(nlp, gazetteer, "The United States (US) and the UAE (Abu Dhabi) agreed.") == {}
    assert _roles(nlp, gazetteer, "The ministry (France) said so.") == {}


def test_runs_it_and_under_its_leadership_after_the_name(nlp, gazetteer):
    assert _roles(nlp, gazetteer, "The Black Sea Demining Group was formed in 2024. Romania runs it with Bulgaria.") \
        == {"Black Sea Demining Group": {"Romania": "lead", "Bulgaria": "lead"}}
    for text in ("The Black Sea Demining Group, under Romania's leadership, cleared 40 mines.",
                 "The Black Sea Demining Group, under the leadership of Romania, cleared 40 mines."):
        assert _roles(nlp, gazetteer, text) == {"Black Sea Demining Group": {"Romania": "lead"}}, text
    # under a country's flag, or a presidency held in turn: no lead
    for text in ("The Black Sea Demining Group, under Romania's flag, cleared 40 mines.",
                 "The Black Sea Demining Group, under the rotating presidency of Romania, met."):
        assert _roles(nlp, gazetteer, text) == {}, text


def test_led_by_after_a_relative_clause_of_its_members(nlp, gazetteer):
    text = "The Black Sea Demining Group, in which Bulgaria and Turkey also take part, is led by Romania."
    assert _roles(nlp, gazetteer, text) == {
        "Black Sea Demining Group": {"Bulgaria": "member", "Türkiye": "member", "Romania": "lead"}}
    # a chair for this year only is no lead
    text = "The Black Sea Demining Group, of which Bulgaria is a member, is chaired by Romania this year."
    assert _roles(nlp, gazetteer, text) == {"Black Sea Demining Group": {"Bulgaria": "member"}}


def test_the_one_acting_with_the_other_members_is_one_too(nlp, gazetteer):
    text = "Along with the other members of the Baltic Cable Coalition, Estonia has sent two ships to the area."
    assert _roles(nlp, gazetteer, text) == {"Baltic Cable Coalition": {"Estonia": "member"}}
    text = "Together with Latvia and the other countries of the Baltic Cable Coalition, Estonia patrols the sea."
    assert _roles(nlp, gazetteer, text) == {"Baltic Cable Coalition": {"Latvia": "member", "Estonia": "member"}}
    text = "Estonia, together with the other signatories of the Baltic Cable Coalition, sent ships."
    assert _roles(nlp, gazetteer, text) == {"Baltic Cable Coalition": {"Estonia": "member"}}
    # "the other members" without a grouping after them, or a country that only talks to them: nothing
    text = "Estonia met the other members of the Baltic Cable Coalition in Tallinn on Monday."
    assert _roles(nlp, gazetteer, text).get("Baltic Cable Coalition", {}) == {}


def test_a_grouping_that_has_countries(nlp, gazetteer):
    text = "Each one has a few countries in it. The Baltic Cable Coalition has Estonia and Finland, the Artillery Coalition has France."
    assert _roles(nlp, gazetteer, text) == {"Baltic Cable Coalition": {"Estonia": "member", "Finland": "member"},
                                            "Artillery Coalition": {"France": "member"}}
    # countries that are not the whole object of "has"
    text = "The Baltic Cable Coalition has Estonia as an observer and has Finland worried."
    assert _roles(nlp, gazetteer, text).get("Baltic Cable Coalition", {}) == {}


def test_a_name_with_no_head_described_as_an_organizations_own_mission(nlp, gazetteer):
    text = ("Oslo prefers to commit its ships to Nordic Watch, Nato's own mission in the Arctic, a spokesman said. "
            "Ships of Operation Seagate and Nordic Watch share information, and Denmark and Iceland take part in both.")
    record = _record(nlp, gazetteer, text)
    roles = _record_roles(record)
    assert roles["Nordic Watch"] == {"NATO": "lead", "Norway": "member", "Denmark": "member", "Iceland": "member"}
    assert roles["Operation Seagate"] == {"Denmark": "member", "Iceland": "member"}
    # a description owned by a company, or with no owner and no states: no grouping
    text = "Oslo prefers to send its ships to Nordic Watch, Equinor's own mission in the Arctic, a spokesman said."
    assert "Nordic Watch" not in _record_roles(_record(nlp, gazetteer, text))


def test_members_of_both_needs_exactly_two_groupings(nlp, gazetteer):
    text = ("Ships of Operation Seagate, Operation Harbour and the Baltic Cable Coalition share information. "
            "Denmark and Iceland take part in both.")
    roles = _roles(nlp, gazetteer, text)
    # three named: "both" is not said of any two of them
    assert "Denmark" not in roles.get("Operation Seagate", {}) and "Denmark" not in roles.get("Operation Harbour", {})
    text = ("Estonia leads the Baltic Cable Coalition and Latvia leads the Harbour Coalition. "
            "Denmark has not joined both.")
    roles = _roles(nlp, gazetteer, text)
    assert all("Denmark" not in members for members in roles.values())


def test_partners_of_the_subject_in_a_grouping(nlp, gazetteer):
    text = ("Riga left the council in May alongside Estonia and Finland, its partners in the Baltic Cable Coalition.")
    assert _roles(nlp, gazetteer, text)["Baltic Cable Coalition"] == {"Latvia": "member", "Estonia": "member",
                                                                      "Finland": "member"}
    # "their" of several countries before: only the partners named
    text = ("Poland and Lithuania left the council in May alongside Estonia and Finland, their partners in the Baltic "
            "Cable Coalition.")
    assert _roles(nlp, gazetteer, text)["Baltic Cable Coalition"] == {"Estonia": "member", "Finland": "member"}
    # partners of something else: nothing
    text = "Estonia and Finland, its partners in trade, met the Baltic Cable Coalition."
    assert _roles(nlp, gazetteer, text).get("Baltic Cable Coalition", {}) == {}


def test_a_grouping_named_as_the_topic_of_an_answer(nlp, gazetteer):
    text = ("Q: And on Nordic Watch, how many ships take part?\n\n"
            "On Nordic Watch: at the moment around a dozen ships are assigned, from Finland, Estonia and Sweden, "
            "among others.")
    record = _record(nlp, gazetteer, text)
    if any(e.name == "Nordic Watch" for e in record.entities):
        assert _record_roles(record)["Nordic Watch"] == {"Finland": "member", "Estonia": "member", "Sweden": "member"}
    # a topic that is no grouping the article names: nothing
    text = "On Tuesday: around a dozen ships are assigned, from Finland, Estonia and Sweden."
    assert _record_roles(_record(nlp, gazetteer, text)) == {}


def test_ships_assigned_from_countries(nlp, gazetteer):
    text = ("The Baltic Cable Coalition patrols the sea. Around a dozen ships are assigned to it, from Finland, "
            "Estonia and Sweden.")
    assert _roles(nlp, gazetteer, text)["Baltic Cable Coalition"] == {"Finland": "member", "Estonia": "member",
                                                                      "Sweden": "member"}


def test_who_made_the_grouping_described_in_apposition(nlp, gazetteer):
    text = ("Estonia on Monday signed the Baltic Cable Accords, the set of rules for protecting cables that Finland "
            "drew up in 2021.")
    assert _roles(nlp, gazetteer, text)["Baltic Cable Accords"] == {"Estonia": "member", "Finland": "member"}
    # a description whose maker did not make it: nothing for Finland
    text = ("Estonia on Monday signed the Baltic Cable Accords, the set of rules that Finland has not drawn up.")
    assert "Finland" not in _roles(nlp, gazetteer, text).get("Baltic Cable Accords", {})


def test_a_ministers_our_country_is_their_country(nlp, gazetteer):
    text = ("Lima, 16 April 2026 – Chile's Minister for Foreign Affairs, Ana Reyes, spoke to us about water.\n\n"
            "Q: What is new?\n\nREYES: Our country joined the Andean Water Compact in January. The compact is "
            "co-chaired by Peru and Bolivia.")
    record = _record(nlp, gazetteer, text)
    assert _record_roles(record)["Andean Water Compact"] == {"Chile": "member", "Peru": "lead", "Bolivia": "lead"}
    # "our country" of a speaker with no country's post: nobody
    text = ("Lima, 16 April 2026 – Ana Reyes, a farmer, spoke to us about water.\n\nQ: What is new?\n\nREYES: Our "
            "country joined the Andean Water Compact in January. The compact is co-chaired by Peru and Bolivia.")
    assert _record_roles(_record(nlp, gazetteer, text))["Andean Water Compact"] == {"Peru": "lead", "Bolivia": "lead"}


def test_a_country_that_withdrew_is_no_member(nlp, gazetteer):
    text = ("Estonia, Latvia and Finland joined the Baltic Cable Coalition in 2023. Latvia withdrew from the "
            "coalition in 2025.")
    assert _roles(nlp, gazetteer, text)["Baltic Cable Coalition"] == {"Estonia": "member", "Finland": "member"}
    # leaving a meeting of it, or only threatening to: still a member
    text = ("Estonia, Latvia and Finland joined the Baltic Cable Coalition in 2023. Latvia left the coalition's "
            "meeting early, and Finland threatened to quit the coalition.")
    assert _roles(nlp, gazetteer, text)["Baltic Cable Coalition"] == {"Estonia": "member", "Latvia": "member",
                                                                      "Finland": "member"}


def test_a_led_coalition_named_with_what_it_is_against(nlp, gazetteer):
    text = ("Ghana and Togo have joined a Nigeria-led coalition against piracy in the Gulf of Guinea. The Nigeria-led "
            "coalition now patrols twice a week.")
    assert _roles(nlp, gazetteer, text) == {
        "Nigeria-led coalition against piracy in the Gulf of Guinea": {"Nigeria": "lead", "Ghana": "member",
                                                                        "Togo": "member"}}
    text = "The Kenya-led coalition against Al-Shabaab will keep 900 troops in Somalia, a spokesman said."
    assert _roles(nlp, gazetteer, text) == {"Kenya-led coalition against Al-Shabaab": {"Kenya": "lead"}}
    # a country it is for is no word of its name
    text = "Canada joined the Poland-led coalition for Ukraine last year."
    assert _roles(nlp, gazetteer, text) == {"Poland-led coalition": {"Poland": "lead", "Canada": "member"}}


def test_a_reporting_clause_set_into_the_sentence(nlp, gazetteer):
    text = ("The Reef Coalition, led by Fiji, met on Monday. Samoa, the minister said, is in the process of joining "
            "the Reef Coalition.")
    assert _roles(nlp, gazetteer, text) == {"Reef Coalition": {"Fiji": "lead", "Samoa": "joining"}}
    text = ("The Pacific Cable Partnership, signed in Suva on Friday, will be co-chaired by Fiji and Samoa, with "
            "Tonga a founding member.")
    assert _roles(nlp, gazetteer, text) == {"Pacific Cable Partnership": {"Fiji": "lead", "Samoa": "lead",
                                                                          "Tonga": "member"}}
    # a clause of its own after the comma is not set in: no role for Tonga
    text = "The Reef Coalition, led by Fiji, met on Monday, and Tonga said it would host the next meeting."
    assert _roles(nlp, gazetteer, text) == {"Reef Coalition": {"Fiji": "lead"}}


def test_a_new_grouping_named_in_the_next_sentence(nlp, gazetteer):
    text = ("Peru will command a new multinational naval operation to guard fishing grounds. Operation Blue Horizon "
            "will be run from Lima.\n\nChile and Ecuador have committed ships to the mission. Colombia has also "
            "joined the operation.")
    assert _roles(nlp, gazetteer, text) == {"Operation Blue Horizon": {"Peru": "lead", "Chile": "member",
                                                                       "Ecuador": "member", "Colombia": "member"}}
    # another grouping of the same kind, named by other countries: not the new one
    text = ("Peru and Chile have joined a new naval operation to guard fishing grounds. Operation Blue Horizon, led "
            "by Ecuador and Colombia, began in May.")
    assert _roles(nlp, gazetteer, text).get("Operation Blue Horizon") == {"Ecuador": "lead", "Colombia": "lead"}


def test_who_leads_said_in_apposition_and_in_a_relative_clause(nlp, gazetteer):
    text = ("Malta has signed up to the Mediterranean Air Shield Initiative, the Italian-led project for joint "
            "purchases of radars.")
    assert _roles(nlp, gazetteer, text) == {"Mediterranean Air Shield Initiative": {"Italy": "lead",
                                                                                    "Malta": "member"}}
    text = ("Chile and Peru will send ships to Operation Tidewater, the naval mission in the South Pacific, which is "
            "commanded from Valparaiso by Ecuador. They join Colombia and Panama, which already provide ships.")
    assert _roles(nlp, gazetteer, text) == {"Operation Tidewater": {
        "Chile": "member", "Peru": "member", "Ecuador": "lead", "Colombia": "member", "Panama": "member"}}
    # "they join X in doing something": X's role in nothing
    text = "Chile and Peru will send ships to Operation Tidewater. They join Colombia in calling for a wider mandate."
    assert _roles(nlp, gazetteer, text) == {"Operation Tidewater": {"Chile": "member", "Peru": "member"}}


def test_members_after_a_stranded_preposition_and_on_board(nlp, gazetteer):
    text = "The talks covered the Andean Water Compact, which Chile, Peru and Bolivia already belong to."
    assert _roles(nlp, gazetteer, text) == {"Andean Water Compact": {"Chile": "member", "Peru": "member",
                                                                     "Bolivia": "member"}}
    text = ("The Andean Water Compact was launched in Lima on Monday by Peru. Chile and Bolivia are also on board. "
            "The other signatories are Ecuador and Colombia.")
    assert _roles(nlp, gazetteer, text) == {"Andean Water Compact": {
        "Peru": "member", "Chile": "member", "Bolivia": "member", "Ecuador": "member", "Colombia": "member"}}
    # on board a ship: no membership
    text = "The Andean Water Compact was launched by Peru. Two Chilean officers are on board the frigate."
    assert _roles(nlp, gazetteer, text) == {"Andean Water Compact": {"Peru": "member"}}


def test_a_union_of_states_as_a_member(nlp, gazetteer):
    text = ("The Friends of Green Shipping Corridors, an informal group of exporters, is co-chaired by Chile and "
            "Norway. Peru and Japan are members, and the European Union takes part alongside them. The EU is a "
            "founding member.")
    assert _record_roles(_record(nlp, gazetteer, text))["Friends of Green Shipping Corridors"] == {
        "Chile": "lead", "Norway": "lead", "Peru": "member", "Japan": "member", "European Union": "member"}
    # an organization that is no union of states: no member
    text = ("The Friends of Green Shipping Corridors is co-chaired by Chile and Norway. The World Bank is a "
            "founding member.")
    assert _record_roles(_record(nlp, gazetteer, text))["Friends of Green Shipping Corridors"] == {
        "Chile": "lead", "Norway": "lead"}


def test_an_answer_that_lists_who_is_in_it(nlp, gazetteer):
    text = ("The Andean Water Compact was launched on Monday by Peru and Chile.\n\nQ: Which countries have joined "
            "the compact since?\n\nA: So far Bolivia and Ecuador.\n\nQ: And who leads it with Peru?\n\nA: Chile.")
    assert _roles(nlp, gazetteer, text) == {"Andean Water Compact": {
        "Peru": "member", "Chile": "lead", "Bolivia": "member", "Ecuador": "member"}}
    # a question about something else, or who has not joined: the answer says nothing of membership
    text = ("The Andean Water Compact was launched on Monday by Peru and Chile.\n\nQ: Which countries have not "
            "joined the compact?\n\nA: Bolivia and Ecuador.\n\nQ: Who will you meet next week?\n\nA: Colombia.")
    assert _roles(nlp, gazetteer, text) == {"Andean Water Compact": {"Peru": "member", "Chile": "member"}}


def test_a_so_called_name_with_a_number_and_its_list(nlp, gazetteer):
    text = ("The plan builds on the so-called Lisbon 4 - Portugal, Spain, France and Italy - which pledged "
            "$2 billion in 2023.")
    assert _roles(nlp, gazetteer, text) == {"Lisbon 4": {"Portugal": "member", "Spain": "member",
                                                         "France": "member", "Italy": "member"}}
    # a number that counts what follows is no word of a name
    text = "The so-called Lisbon 4 agenda was dropped by Portugal and Spain."
    assert _roles(nlp, gazetteer, text) == {}


def test_a_unit_of_one_states_navy_is_no_grouping(nlp, gazetteer):
    text = ("The operation is commanded by an officer of the Royal Navy's Coastal Response Group. Denmark is sending "
            "two patrol vessels.")
    assert "Coastal Response Group" not in _roles(nlp, gazetteer, text)


def test_a_grouping_named_with_a_count_of_states_and_called_by_its_own_noun(nlp, gazetteer):
    text = ("Chile, Peru and Bolivia will hold joint drills next week.\n\n"
            "The ministers also discussed the Andean Water Monitoring Team, a 7-nation group set up in 2024. "
            "Besides the three countries, the team includes Ecuador, Colombia, Brazil and Uruguay.")
    assert _roles(nlp, gazetteer, text) == {"Andean Water Monitoring Team": {
        "Chile": "member", "Peru": "member", "Bolivia": "member", "Ecuador": "member", "Colombia": "member",
        "Brazil": "member", "Uruguay": "member"}}
    # "the three countries" when a list of another size comes between: not said who they are
    text = ("Chile, Peru and Bolivia will hold joint drills next week. Ecuador and Colombia will watch.\n\n"
            "The ministers also discussed the Andean Water Monitoring Team, a 7-nation group set up in 2024. "
            "Besides the three countries, the team includes Brazil and Uruguay.")
    assert _roles(nlp, gazetteer, text) == {"Andean Water Monitoring Team": {"Brazil": "member", "Uruguay": "member"}}
    # a group of a count of people: no grouping of states
    text = "The talks covered the Water Research Team, a 40-member group of scientists. The team includes Chile."
    assert _roles(nlp, gazetteer, text) == {}


def test_a_led_coalition_with_a_purpose_after_a_dateline(nlp, gazetteer):
    text = "NAIROBI The Kenya-led coalition against Al-Shabaab will keep 900 troops in Somalia, a spokesman said."
    assert _roles(nlp, gazetteer, text) == {"Kenya-led coalition against Al-Shabaab": {"Kenya": "lead"}}


def test_a_described_group_named_by_the_country_it_is_about(nlp, gazetteer):
    text = ("The Andean contact group on Bolivia, formed in 2023 by Chile, Peru and Ecuador, still meets. Colombia "
            "joined the Andean contact group in May.")
    assert _roles(nlp, gazetteer, text) == {"Andean contact group on Bolivia": {
        "Chile": "member", "Peru": "member", "Ecuador": "member", "Colombia": "member"}}
    # a place that is no country is no word of its name
    text = "The Andean contact group on Lima Airport, formed by Chile, Peru and Ecuador, still meets."
    assert list(_roles(nlp, gazetteer, text)) == ["Andean contact group"]


def test_joining_said_by_the_country_itself(nlp, gazetteer):
    text = ("The Arctic Search Alliance is led by Iceland. Founding members are Chile and Peru. Ghana, which runs a "
            "rescue school, announced on Monday that it was joining. Senegal said it was in the process of finishing "
            "its legal checks to join. Morocco, a coastal state, is reported to have joined as a \"partner state\".")
    assert _roles(nlp, gazetteer, text) == {"Arctic Search Alliance": {
        "Iceland": "lead", "Chile": "member", "Peru": "member", "Ghana": "joining", "Senegal": "joining",
        "Morocco": "member"}}
    # joining something else: nothing said of the alliance
    text = ("The Arctic Search Alliance is led by Iceland. Ghana said it was joining calls for a ceasefire. Senegal "
            "said it would consider joining.")
    assert _roles(nlp, gazetteer, text) == {"Arctic Search Alliance": {"Iceland": "lead"}}


def test_members_announced_and_joining_in_a_with_phrase(nlp, gazetteer):
    text = ("The Coral Reef Alliance is co-chaired by Fiji and Samoa. Chile and Peru were announced as new members "
            "on Friday. The alliance has grown to nine members, with Tonga in the process of joining.")
    assert _roles(nlp, gazetteer, text) == {"Coral Reef Alliance": {
        "Fiji": "lead", "Samoa": "lead", "Chile": "member", "Peru": "member", "Tonga": "joining"}}


def test_leads_said_with_gratitude_or_as_under(nlp, gazetteer):
    text = ("\"We are grateful to Chile and Peru for their leadership of the desalination coalition,\" the minister "
            "said. The flood coalition remains under Ghana and Senegal, while the seed coalition is under strain.")
    assert _roles(nlp, gazetteer, text) == {
        "Desalination Coalition": {"Chile": "lead", "Peru": "lead"},
        "Flood Coalition": {"Ghana": "lead", "Senegal": "lead"}}


def test_dotted_country_abbreviations_in_lists(nlp, gazetteer):
    text = "The demining coalition, led by Norway and the U.K., met in Oslo. The U.S. joined the demining coalition."
    assert _roles(nlp, gazetteer, text) == {"Demining Coalition": {
        "Norway": "lead", "United Kingdom": "lead", "United States": "member"}}


def test_names_with_a_hyphenated_word_or_a_place_of_several_words(nlp, gazetteer):
    text = "The group, which calls itself the Friends of Science-Based Fishing, includes Chile and Peru."
    assert _roles(nlp, gazetteer, text) == {"Friends of Science-Based Fishing": {"Chile": "member", "Peru": "member"}}
    text = ("The force, known as the Joint Naval Task Force Gulf of Aden, brings together Djibouti and Kenya. "
            "The Coalition for Ukraine-led Talks met.")
    names = list(_roles(nlp, gazetteer, text))
    assert names[0] == "Joint Naval Task Force Gulf of Aden"
    assert not any("led Talks" in n for n in names)


def test_a_lead_alongside_another_and_members_in_a_relative_clause(nlp, gazetteer):
    text = ("The flood coalition, which Ghana runs alongside Norway, was set up last year. Its members, which include "
            "Chile and Peru, have promised new pumps.")
    assert _roles(nlp, gazetteer, text) == {"Flood Coalition": {
        "Ghana": "lead", "Norway": "lead", "Chile": "member", "Peru": "member"}}


def test_a_fact_box_with_a_nickname_and_a_led_by_line(nlp, gazetteer):
    text = ("Chile launched what it calls the Pacific Salmon Alliance in May.\n\n"
            "AT A GLANCE\n"
            "Name: Pacific Salmon Alliance (informally, \"the Valdivia Club\")\n"
            "Led by: Chile, with Peru as co-lead\n"
            "Members: Ecuador, Japan, Norway\n")
    assert _roles(nlp, gazetteer, text) == {"Pacific Salmon Alliance": {
        "Chile": "lead", "Peru": "lead", "Ecuador": "member", "Japan": "member", "Norway": "member"}}
    # a formal name after the one used: that one is its name
    text = "Chile leads the salmon group, formally the Pacific Salmon Alliance, and Peru joined it."
    assert _roles(nlp, gazetteer, text) == {"Pacific Salmon Alliance": {"Chile": "lead", "Peru": "member"}}


def test_a_new_coalition_named_in_the_next_sentence_as_what_is_signed_for(nlp, gazetteer):
    text = ("Chile and Peru to co-lead water coalition\n\n"
            "SANTIAGO — Chile and Peru will co-lead a new multinational coalition to buy desalination plants, officials "
            "said.\n\n"
            "Ministers from five countries signed a letter of intent for the Andean Water Security Coalition on the "
            "sidelines of a NATO ministerial meeting. Besides the two lead nations, Ecuador, Bolivia and Colombia "
            "signed on.")
    assert _roles(nlp, gazetteer, text) == {"Andean Water Security Coalition": {
        "Chile": "lead", "Peru": "lead", "Ecuador": "member", "Bolivia": "member", "Colombia": "member"}}


def test_an_organization_named_before_a_noun_it_owns_is_no_new_subject(nlp, gazetteer):
    text = ("Water news\n\nThe Andean Water Security Coalition is led by Chile. Ministers met at a NATO summit. Ecuador and Bolivia "
            "joined in May.")
    assert _record_roles(_record(nlp, gazetteer, text)) == {"Andean Water Security Coalition": {
        "Chile": "lead", "Ecuador": "member", "Bolivia": "member"}}
    # the organization itself, named as the subject: what follows may be about it
    text = "Water news\n\nThe Andean Water Security Coalition is led by Chile. NATO met on Monday. Ecuador and Bolivia joined in May."
    assert _record_roles(_record(nlp, gazetteer, text)) == {"Andean Water Security Coalition": {"Chile": "lead"}}


def test_a_grouping_described_then_named_by_what_it_is_called(nlp, gazetteer):
    text = ("A regional coalition for buying patrol boats together was launched last year by Ghana.\n\n"
            "The group, informally called the Gulf Patrol Compact, is spearheaded by Ghana, with Togo and Benin as "
            "members. Nigeria is in the process of joining.")
    assert _roles(nlp, gazetteer, text) == {"Gulf Patrol Compact": {
        "Ghana": "lead", "Togo": "member", "Benin": "member", "Nigeria": "joining"}}
    # a place is no name it is called by
    text = "The group, known as Lagos, is led by Ghana, with Togo and Benin as members."
    assert "Lagos" not in _roles(nlp, gazetteer, text)


def test_members_in_it_contributing_to_it_and_not_part_of_it(nlp, gazetteer):
    text = ("The Gulf Patrol Initiative is led by Ghana. Togo and Benin are in it, which shows its reach. Nigeria is "
            "contributing to the Gulf Patrol Initiative with two boats. Senegal sent two experts who worked alongside "
            "the initiative but were not formally part of it. Chile is in talks with it.")
    assert _roles(nlp, gazetteer, text) == {"Gulf Patrol Initiative": {
        "Ghana": "lead", "Togo": "member", "Benin": "member", "Nigeria": "member"}}


def test_donors_among_them_and_countries_that_said_they_will_contribute(nlp, gazetteer):
    text = ("The Ghana-led initiative has delivered 2m rations. Accra buys grain abroad, and some 12 donors, among "
            "them Denmark, Canada and Norway, pay for it. Belgium and Ireland have said they will contribute "
            "trainers.")
    assert _roles(nlp, gazetteer, text) == {"Ghana-led initiative": {
        "Ghana": "lead", "Denmark": "member", "Canada": "member", "Norway": "member", "Belgium": "member",
        "Ireland": "member"}}
    # countries named as examples of anything else: nobody joins
    text = ("The Ghana-led initiative has delivered 2m rations. Prices rose in many countries, among them Denmark "
            "and Canada.")
    assert _roles(nlp, gazetteer, text) == {"Ghana-led initiative": {"Ghana": "lead"}}


def test_a_member_said_in_apposition_as_the_groupings_own(nlp, gazetteer):
    text = ("Ministers of the Council of Rice Producing Countries, the alliance led by Vietnam and Thailand, met in "
            "Hanoi. The WTO said on Monday that it would rule on the case in June. \"We will fight this,\" the "
            "minister said.\n\nGhana, the council's only member outside Asia, sent its minister, and Senegal is in "
            "the process of joining. Chile, the council's harshest critic, stayed away.")
    assert _record_roles(_record(nlp, gazetteer, text)) == {"Council of Rice Producing Countries": {
        "Vietnam": "lead", "Thailand": "lead", "Ghana": "member", "Senegal": "joining"}}


def test_a_group_that_calls_itself_by_a_name_and_a_territory_in_its_list(nlp, gazetteer):
    text = ("Ports statement\n\nA coalition of nine economies, spearheaded by Chile, filed a statement on Thursday.\n\n"
            "The group, which calls itself the Friends of Open Ports, includes Peru, Vietnam, Hong Kong, Norway and "
            "Ghana.")
    assert _record_roles(_record(nlp, gazetteer, text)) == {"Friends of Open Ports": {
        "Chile": "lead", "Peru": "member", "Vietnam": "member", "Norway": "member", "Ghana": "member"}}


@pytest.mark.parametrize("text, expected", [
    ("The Kelp Forest Alliance met on Monday. The alliance's four members (Chile, Peru, Ghana and Norway) agreed "
     "a plan.", {"Chile": "member", "Peru": "member", "Ghana": "member", "Norway": "member"}),
    ("The Kelp Forest Alliance met on Monday. Chile, which chairs the alliance, hosted it. Peru and Ghana, both "
     "members, sent ministers.", {"Chile": "lead", "Peru": "member", "Ghana": "member"}),
    # a chair held in turn is no lead
    ("The Kelp Forest Alliance met on Monday. Chile holds the alliance's rotating chair. Members Peru, Ghana and "
     "Norway sent ministers.", {"Peru": "member", "Ghana": "member", "Norway": "member"}),
    ("The Kelp Forest Alliance brings together Chile and Peru. Chile is the alliance's lead nation. Ghana signed up "
     "in March, followed by Norway in May.", {"Chile": "lead", "Peru": "member", "Ghana": "member", "Norway": "member"}),
    ("Chile will lead the Kelp Forest Alliance. Signatories include Peru, Ghana and Norway.",
     {"Chile": "lead", "Peru": "member", "Ghana": "member", "Norway": "member"}),
])
def test_members_and_leads_said_of_the_grouping_in_passing(nlp, gazetteer, text, expected):
    assert _roles(nlp, gazetteer, text) == {"Kelp Forest Alliance": expected}


def test_founders_who_still_lead_it_and_no_leads_from_a_list_after_led_by_and_a_comma(nlp, gazetteer):
    text = "Chile and Peru launched the Kelp Forest Alliance in 2024 and still lead it. Ghana and Norway have since joined."
    assert _roles(nlp, gazetteer, text) == {"Kelp Forest Alliance": {
        "Chile": "lead", "Peru": "lead", "Ghana": "member", "Norway": "member"}}
    # "led by Chile, with Peru, Ghana and Norway": who is with it is not said to lead it
    text = "The Kelp Forest Alliance – led by Chile, with Peru, Ghana and Norway – met on Monday."
    assert _roles(nlp, gazetteer, text) == {"Kelp Forest Alliance": {"Chile": "lead"}}
    text = "The Kelp Forest Alliance, led by Chile with Peru, met on Monday."
    assert _roles(nlp, gazetteer, text) == {"Kelp Forest Alliance": {"Chile": "lead", "Peru": "lead"}}


def test_members_counted_then_listed_and_already_in(nlp, gazetteer):
    text = "The Kelp Forest Alliance has four members. They are Chile, Peru, Ghana and Norway."
    assert _roles(nlp, gazetteer, text) == {"Kelp Forest Alliance": {
        "Chile": "member", "Peru": "member", "Ghana": "member", "Norway": "member"}}
    text = "Ghana is the latest to join the Kelp Forest Alliance. Chile, Peru and Norway were already in."
    assert _roles(nlp, gazetteer, text) == {"Kelp Forest Alliance": {
        "Chile": "member", "Peru": "member", "Ghana": "member", "Norway": "member"}}
    # not a membership: "in talks", "in Oslo"
    text = "The Kelp Forest Alliance is led by Chile. Peru is in talks with it, and Norway was in Oslo."
    assert _roles(nlp, gazetteer, text) == {"Kelp Forest Alliance": {"Chile": "lead"}}


def test_a_table_of_members_and_their_roles(nlp, gazetteer):
    text = ("The Kelp Forest Alliance met on Monday. Its line-up:\n\n"
            "| Country | Role |\n|---|---|\n| Chile | Lead |\n| Peru | Member |\n"
            "| Norway | In the process of joining |\n| Japan | Observer |\n")
    assert _roles(nlp, gazetteer, text) == {"Kelp Forest Alliance": {
        "Chile": "lead", "Peru": "member", "Norway": "joining"}}


def test_a_short_name_in_brackets_is_no_word_between_a_name_and_its_verb(nlp, gazetteer):
    text = "The Kelp Forest Alliance (KFA) is led by Chile. Ghana joined the KFA in May."
    assert _roles(nlp, gazetteer, text) == {"Kelp Forest Alliance": {"Chile": "lead", "Ghana": "member"}}
    text = "The Kelp Forest Alliance, which Chile initiated, now has Peru and Ghana on board."
    assert _roles(nlp, gazetteer, text) == {"Kelp Forest Alliance": {"Chile": "member", "Peru": "member", "Ghana": "member"}}


def test_an_unnamed_grouping_given_a_purpose_in_apposition_and_adverbs_end_a_purpose(nlp, gazetteer):
    text = ("Ministers also agreed on a new grouping, a coalition for training mine divers. Chile and Peru will lead "
            "the coalition.")
    assert _roles(nlp, gazetteer, text) == {"coalition for training mine divers": {"Chile": "lead", "Peru": "lead"}}
    text = "The Norway-led coalition against piracy now includes Ghana and Chile."
    assert _roles(nlp, gazetteer, text) == {"Norway-led coalition against piracy": {
        "Norway": "lead", "Ghana": "member", "Chile": "member"}}
    text = "Chile founded the Southern Ocean Compact, which Peru and Ghana signed on Monday."
    assert _roles(nlp, gazetteer, text) == {"Southern Ocean Compact": {"Chile": "member", "Peru": "member", "Ghana": "member"}}


def test_a_grouping_said_in_passing_with_no_name_is_not_what_the_next_sentences_are_about(nlp, gazetteer):
    text = ("The Kelp Forest Alliance is co-chaired by Chile and Peru and grew out of a smaller coalition launched in "
            "2021. It was unveiled at a side event.\n\n"
            "Ghana and Norway were announced as new members on Thursday, joining Fiji and Samoa. Tonga is in the "
            "process of joining. Japan confirmed last week it was in.")
    assert _roles(nlp, gazetteer, text) == {"Kelp Forest Alliance": {
        "Chile": "lead", "Peru": "lead", "Ghana": "member", "Norway": "member", "Fiji": "member", "Samoa": "member",
        "Tonga": "joining", "Japan": "member"}}
    # joining a call, not the alliance
    text = "The Kelp Forest Alliance is co-chaired by Chile. Ghana signed a letter on Thursday, joining calls for a ban."
    assert _roles(nlp, gazetteer, text) == {"Kelp Forest Alliance": {"Chile": "lead"}}
