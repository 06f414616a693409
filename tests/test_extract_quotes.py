"""Quotes and reported speech: text verbatim, speakers resolved, speaker spans registered."""

from __future__ import annotations

from newsgraph.extract import extract_record
from newsgraph.extract.boilerplate import find_body_end
from newsgraph.extract.context import ArticleContext
from newsgraph.extract.entities import find_entities
from newsgraph.extract.quotes import find_speech
from newsgraph.extract.roles import find_roles
from newsgraph.model import Article, Record


def extract(text: str, nlp, gazetteer) -> Record:
    return extract_record(Article(id="t", text=text), nlp, gazetteer)


def said(record: Record) -> list[tuple[str | None, str]]:
    return [(record.entity(q.speaker).name if q.speaker else None, q.text) for q in record.quotes]


def test_attribution_after_before_and_by_pronoun(nlp, gazetteer):
    text = (
        "Finnish Defense Minister Antti Koskinen visited the border on Monday.\n\n"
        "“We are ready to defend every metre,” Koskinen said.\n\n"
        "Swedish Foreign Minister Maria Lindqvist agreed. She said: “Our support will not waver.”\n\n"
        "“The alliance is stronger than ever,” she added.\n\n"
        "“Deterrence works only if it is credible,” said Koskinen.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Antti Koskinen", "We are ready to defend every metre,"),
        ("Maria Lindqvist", "Our support will not waver."),
        ("Maria Lindqvist", "The alliance is stronger than ever,"),
        ("Antti Koskinen", "Deterrence works only if it is credible,"),
    ]
    for q in record.quotes:
        assert text[q.anchor.start : q.anchor.end] == q.text


def test_role_noun_speaker_and_follow_on_quote(nlp, gazetteer):
    text = (
        "Polish Prime Minister Adam Zielinski met Czech President Petr Dvorak in Prague.\n\n"
        "“We will build the shield together,” the prime minister said. “Nobody will be left alone.”\n\n"
        "“Our industry is ready,” the president said.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Adam Zielinski", "We will build the shield together,"),
        ("Adam Zielinski", "Nobody will be left alone."),
        ("Petr Dvorak", "Our industry is ready,"),
    ]


def test_straight_quotes_and_scare_quotes(nlp, gazetteer):
    text = (
        'Lithuanian Defence Minister Rasa Jonaitis called the vote a "so-called referendum" and a "sham".\n\n'
        '"Nobody in Europe recognises this result," Jonaitis told reporters.\n'
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [("Rasa Jonaitis", "Nobody in Europe recognises this result,")]


def test_reported_speech_is_a_claim_with_a_speaker_span(nlp, gazetteer):
    text = (
        "Romanian Defense Minister Ion Popa visited Constanta.\n\n"
        "Popa stated that Romania will buy 54 tanks this year. "
        "He pointed out that the navy needs 3 new ships.\n"
    )
    record = extract(text, nlp, gazetteer)
    claims = [(record.entity(c.speaker).name, c.text) for c in record.claims]
    assert claims == [
        ("Ion Popa", "Romania will buy 54 tanks this year"),
        ("Ion Popa", "the navy needs 3 new ships"),
    ]
    for c in record.claims:
        assert text[c.anchor.start : c.anchor.end] == c.text


def test_headline_clause_speaker_span(nlp, gazetteer):
    text = (
        "Russia lost 300 tanks in a month, Syrskyi-Bondar says\n\n"
        "Ukrainian commander Oleh Syrskyi-Bondar gave the figures on Friday at a briefing in Kyiv with foreign journalists "
        "and military attaches, who asked about the losses on the eastern front and the state of the reserves.\n"
    )
    body_end = find_body_end(text)
    ctx = ArticleContext(text=text, gazetteer=gazetteer, body_end=body_end)
    doc = nlp(text[:body_end])
    find_entities(doc, ctx)
    find_speech(doc, ctx, find_roles(doc, ctx))
    speaker = ctx.speaker_at(text.index("300"))
    assert speaker is not None and ctx.entities[speaker].name == "Oleh Syrskyi-Bondar"
    assert ctx.speaker_at(text.index("briefing")) is None


def test_quote_speaker_span_covers_numbers_inside(nlp, gazetteer):
    text = "Norwegian Defence Minister Eirik Dahl spoke in Oslo.\n\n“We sent 12 launchers,” Dahl said.\n"
    body_end = find_body_end(text)
    ctx = ArticleContext(text=text, gazetteer=gazetteer, body_end=body_end)
    doc = nlp(text[:body_end])
    find_entities(doc, ctx)
    find_speech(doc, ctx, find_roles(doc, ctx))
    assert ctx.entities[ctx.speaker_at(text.index("12"))].name == "Eirik Dahl"


def test_quote_event_when_speaker_addressed_a_meeting(nlp, gazetteer):
    text = (
        "Speaking at the Baltic Defence Council meeting, Estonian Defence Minister Mart Saar thanked the allies.\n\n"
        "“We will not be intimidated,” Saar said.\n"
    )
    record = extract(text, nlp, gazetteer)
    [quote] = record.quotes
    assert record.entity(quote.event).name == "Baltic Defence Council meeting"
    assert record.entity(quote.speaker).name == "Mart Saar"


def test_extraction_is_deterministic(nlp, gazetteer):
    text = (
        "Latvian Defence Minister Juris Ozols said that Latvia will train 500 soldiers.\n\n"
        "“This is only the beginning,” Ozols said.\n"
    )
    assert extract(text, nlp, gazetteer) == extract(text, nlp, gazetteer)


def test_quote_after_colon_paragraph_and_continued_quote(nlp, gazetteer):
    text = (
        "Danish Defence Minister Mads Holm addressed parliament on Tuesday. He said:\n\n"
        "“Denmark will donate its entire artillery to our partners.\n\n"
        "“We have no time to lose, and everyone must understand that,” the minister added.\n\n"
        "The opposition called the plan “rushed and expensive”.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Mads Holm", "Denmark will donate its entire artillery to our partners."),
        ("Mads Holm", "We have no time to lose, and everyone must understand that,"),
    ]


def test_headline_with_speaker_and_colon(nlp, gazetteer):
    text = (
        "Kalnins: Russia lost 300 tanks near the border in May\n\n"
        "Latvian Defence Minister Arturs Kalnins spoke to reporters in Riga on Monday after meeting his "
        "Finnish counterpart, and took questions about the war and the budget for the next three years.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert [(record.entity(c.speaker).name, c.text) for c in record.claims][:1] == [
        ("Arturs Kalnins", "Russia lost 300 tanks near the border in May")
    ]


def test_according_to_is_a_claim(nlp, gazetteer):
    text = (
        "Commander of the Latvian Land Forces Colonel Edgars Liepins inspected the base. "
        "According to Liepins, the brigade will be fully operational in 2026.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert [(record.entity(c.speaker).name, c.text) for c in record.claims] == [
        ("Edgars Liepins", "the brigade will be fully operational in 2026")
    ]


def test_single_curly_quotes_and_name_colon(nlp, gazetteer):
    text = (
        "Ozols: “Latvia will not back down from its commitments.”\n\n"
        "Latvian Defence Minister Juris Ozols met troops near the border on Monday.\n\n"
        "‘Ukraine’s victory is our security,’ the minister said, adding: ‘We will send more drones.’\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Juris Ozols", "Latvia will not back down from its commitments."),
        ("Juris Ozols", "Ukraine’s victory is our security,"),
        ("Juris Ozols", "We will send more drones."),
    ]


def test_according_to_after_the_closing_mark(nlp, gazetteer):
    text = (
        "Olena Marchuk, head of the Centre for Strategic Communications, spoke in Kyiv.\n\n"
        "“The enemy wants to sow panic,” according to Marchuk.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [("Olena Marchuk", "The enemy wants to sow panic,")]


def test_quotes_in_furniture_lines_are_not_quotations(nlp, gazetteer):
    text = (
        "Finnish Defense Minister Antti Koskinen visited the border on Monday, and he told reporters that "
        "the new fence would be finished next year, well before the deadline agreed with the European Union.\n\n"
        "Read also: Koskinen: “We will not be intimidated by anyone at all”\n\n"
        "“We are ready to defend every metre,” Koskinen said.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [("Antti Koskinen", "We are ready to defend every metre,")]


def test_a_role_noun_refers_back_to_the_last_matching_person_before_it(nlp, gazetteer):
    # A minister speaks, then a secretary; "the minister" is the one named before, never the
    # minister the text names only in a later paragraph, nor the secretary who spoke last.
    text = (
        "Allies agree to speed up deliveries of shells\n\n"
        "Sweden's Defence Minister Greta Lind said on Monday that the allies would speed up deliveries of artillery shells.\n\n"
        "\"We have agreed on a common schedule,\" US Secretary of the Army Daniel Brooks said after the talks in Stockholm.\n\n"
        "The minister also noted that 40 new howitzers would arrive by the end of the year.\n\n"
        "The secretary said that the factories would run three shifts.\n\n"
        "Norway's Foreign Minister Erik Sandvold said his country would pay for 12 of them.\n"
    )
    record = extract(text, nlp, gazetteer)
    claims = {c.text: record.entity(c.speaker).name for c in record.claims}
    assert claims["40 new howitzers would arrive by the end of the year"] == "Greta Lind"
    assert claims["the factories would run three shifts"] == "Daniel Brooks"
    [howitzers] = [s for s in record.statistics if s.value == "40"]
    assert record.entity(howitzers.claimed_by).name == "Greta Lind"


def test_a_role_noun_never_refers_to_a_person_named_later(nlp, gazetteer):
    # No post is known for the first speaker: "the minister" falls back to the last speaker
    # before it, not to the minister first named after it.
    text = (
        "Hanna Virtanen said on Monday that the brigade would be ready by May.\n\n"
        "The minister also noted that the budget would grow.\n\n"
        "Denmark's Defence Minister Lars Holm said his country would help.\n"
    )
    record = extract(text, nlp, gazetteer)
    claims = {c.text: record.entity(c.speaker).name for c in record.claims}
    assert claims["the budget would grow"] == "Hanna Virtanen"


def test_according_to_an_object_pronoun(nlp, gazetteer):
    text = (
        "Victor Cebotari, Moldova's chief of staff, visited the range on Monday.\n\n"
        "According to him, the battalion had received 18 new mortars in June.\n"
    )
    record = extract(text, nlp, gazetteer)
    [claim] = record.claims
    assert record.entity(claim.speaker).name == "Victor Cebotari"
    assert claim.text.startswith("the battalion had received 18 new mortars")


def test_speaker_in_apposition_after_said_the_post(nlp, gazetteer):
    text = (
        "Observers from six countries followed the count in Asunción.\n\n"
        "\"The tally was slow but clean, and every complaint was heard,\" said the head of the mission, "
        "former Chilean Senator Ramona Echeverría.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [("Ramona Echeverría", "The tally was slow but clean, and every complaint was heard,")]


def test_speaker_after_an_abbreviated_honorific(nlp, gazetteer):
    text = (
        "The delegation was headed by Hon. Grace Mwansa, a former speaker of parliament.\n\n"
        "\"Voting was calm in every district we visited,\" Hon. Mwansa said at the briefing.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [("Grace Mwansa", "Voting was calm in every district we visited,")]


def test_a_post_as_subject_then_he_refers_to_its_holder(nlp, gazetteer):
    # 'The Air Chief' names the post the article gave Air Marshal Obi; a woman named in between
    # (of unknown gender to the text) is not whom the later 'he' means.
    text = (
        "The Chief of the Air Staff, Air Marshal Chukwuma Obi, briefed reporters on Friday.\n\n"
        "Wing Commander Ada Nwosu presented the figures for the quarter.\n\n"
        "The Air Chief disclosed that two new transport aircraft would arrive in May.\n\n"
        "He thanked the crews. \"Our pilots flew every mission we asked of them,\" he said.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [("Chukwuma Obi", "Our pilots flew every mission we asked of them,")]


def test_a_possessive_name_in_the_attribution_is_not_the_speaker(nlp, gazetteer):
    text = (
        "Spain's Ecology Minister Teresa Ribes toured the dry reservoirs on Monday.\n\n"
        "Ribes's deputy, Hugo Morante, said on the radio that \"every drop counts\" this summer.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [("Hugo Morante", "every drop counts")]


def test_according_to_someone_of_a_named_person_and_their_name_in_apposition(nlp, gazetteer):
    text = (
        "Opposition leader Mark Dahlberg attacked the budget on Tuesday.\n\n"
        "\"The numbers do not add up,\" according to Dahlberg's chief economist, Sara Lindqvist.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [("Sara Lindqvist", "The numbers do not add up,")]


def test_a_body_introduced_by_what_it_is_speaks_as_itself(nlp, gazetteer):
    text = (
        "Water rationing begins in the valley on Monday.\n\n"
        "Farmers' union Unió Pagesa said in a statement: \"The rationing will ruin thousands of farms.\"\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [("Unió Pagesa", "The rationing will ruin thousands of farms.")]


def test_the_speaker_referred_to_by_age(nlp, gazetteer):
    text = (
        "Fishermen's leader Svend Aagaard addressed the harbour meeting on Friday.\n\n"
        "\"We were never consulted about the quotas,\" the 61-year-old said.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [("Svend Aagaard", "We were never consulted about the quotas,")]


def test_a_quotation_signed_after_a_dash(nlp, gazetteer):
    # Press releases print their quotes alone, signed on the next line or after the closing mark.
    text = (
        "Norway and Peru sign a fisheries pact\n\n"
        "Oslo, 6 May 2026 — Norway and Peru today signed a partnership on sustainable fisheries.\n\n"
        "\"This partnership will protect the anchovy stocks for the next generation.\"\n\n"
        "— Kari Nordmo, Minister of Fisheries and Oceans\n\n"
        "\"Peru is proud to share its science with Norway.\" – Minister Ana Quispe Soto\n\n"
        "\"Quotas will be set together from 2027.\"\n\n"
        "— Reporting by Jon Berg\n\n"
        "\"The boats are ready to sail from the northern ports this week.\"\n\n"
        "Lars Vik, Director of the Fisheries Directorate\n\n"
        "\"Nobody expected the talks to end so fast.\"\n\n"
        "Kari Nordmo's long road to the deal\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record)[:2] == [
        ("Kari Nordmo", "This partnership will protect the anchovy stocks for the next generation."),
        ("Ana Quispe Soto", "Peru is proud to share its science with Norway."),
    ]
    assert ("Jon Berg", "Quotas will be set together from 2027.") not in said(record)
    assert ("Lars Vik", "The boats are ready to sail from the northern ports this week.") in said(record)  # a signature line
    assert ("Kari Nordmo", "Nobody expected the talks to end so fast.") not in said(record)  # a sub-heading


# ----------------------------------------------------------------------------- transcripts and interviews


def test_transcript_turns_are_quotes_of_the_labelled_speaker(nlp, gazetteer):
    text = (
        "Transcript: press conference on the fisheries agreement\n\n"
        "Present: Fisheries Minister Tomasz Wierzbicki and Deputy Minister Agnieszka Morawiec.\n\n"
        "MODERATOR: Good afternoon. The minister will speak first.\n\n"
        "MINISTER WIERZBICKI: The agreement gives our fleet access to the northern grounds for ten years.\n\n"
        "Q (Baltic Courier): How many vessels will benefit?\n\n"
        "DEPUTY MINISTER MORAWIEC: About forty vessels, most of them from the smaller ports.\n\n"
        "The quota will be reviewed every second year.\n\n"
        "MINISTER WIERZBICKI: As I told the fishermen: “Nobody will be left behind.” That is a promise.\n\n"
        "[End of transcript]\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Tomasz Wierzbicki", "The agreement gives our fleet access to the northern grounds for ten years."),
        ("Agnieszka Morawiec", "About forty vessels, most of them from the smaller ports."),
        ("Agnieszka Morawiec", "The quota will be reviewed every second year."),  # her turn goes on
        ("Tomasz Wierzbicki", "Nobody will be left behind."),  # a turn that marks its quotation: that one
    ]
    for q in record.quotes:
        assert text[q.anchor.start : q.anchor.end] == q.text


def test_the_moderators_turns_and_mere_thanks_are_not_quotes(nlp, gazetteer):
    text = (
        "Transcript: press conference on the harvest\n\n"
        "Participants: Agriculture Minister Tomas Lindgren. Moderated by Ella Sund, press secretary.\n\n"
        "MS SUND: Good morning. The minister will make a statement, then take questions.\n\n"
        "MINISTER LINDGREN: The harvest was the best in ten years, and prices will follow the market.\n\n"
        "Q: Will farmers get drought aid?\n\n"
        "MINISTER LINDGREN: Yes, before the summer.\n\n"
        "MINISTER LINDGREN: Thank you very much, everyone.\n\n"
        "MS SUND: Thank you all.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Tomas Lindgren", "The harvest was the best in ten years, and prices will follow the market."),
        ("Tomas Lindgren", "Yes, before the summer."),
    ]


def test_a_report_that_quotes_in_quote_marks_around_a_transcript(nlp, gazetteer):
    # The article quotes the minister in quote marks in its own words: those are its quotations,
    # the transcript's turns are the record (their words still belong to the speaker).
    text = (
        "Ministers meet on the harvest\n\n"
        "Agriculture Minister Tomas Lindgren met farmers in Umeå on Monday. Arriving at the meeting, he told "
        "reporters: \"Nobody will be left alone with the drought.\"\n\n"
        "The following is the transcript of the press conference.\n\n"
        "MINISTER LINDGREN: The harvest was the best in ten years. Aid of 40 million kronor will be paid.\n\n"
        "Q: When?\n\n"
        "MINISTER LINDGREN: Before the summer.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [("Tomas Lindgren", "Nobody will be left alone with the drought.")]
    aid = next(s for s in record.statistics if s.value == "40000000")
    assert aid.claimed_by == next(e.key for e in record.entities if e.name == "Tomas Lindgren")


def test_a_label_names_a_speaker_by_a_part_of_the_name(nlp, gazetteer):
    # Family name first ('Tanaka' in 'Tanaka Hiroshi'), and a name of several parts after a title.
    text = (
        "Transcript of the joint briefing in Tokyo\n\n"
        "Speakers: Governor Tanaka Hiroshi and Director Ana Lucia Dela Rosa.\n\n"
        "GOVERNOR TANAKA: We lowered the rate because inflation is close to target.\n\n"
        "DIRECTOR DELA ROSA: Our staff will publish the full projections next week.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Tanaka Hiroshi", "We lowered the rate because inflation is close to target."),
        ("Ana Lucia Dela Rosa", "Our staff will publish the full projections next week."),
    ]


def test_one_name_with_a_colon_is_a_heading_not_a_transcript(nlp, gazetteer):
    text = (
        "Kalnins: Russia lost 300 tanks near the border in May\n\n"
        "Latvian Defence Minister Arturs Kalnins spoke to reporters in Riga on Monday.\n\n"
        "Update: the ministry later corrected the figure.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert record.quotes == []


def test_interview_answers_belong_to_the_interviewee(nlp, gazetteer):
    text = (
        "‘The river will not wait for us’: the water commissioner on the summer drought\n\n"
        "Interview by Paul Henning | 3 June 2026\n\n"
        "Marta Kowalczyk has run the national water agency since 2023. We spoke to her in Warsaw. "
        "The interview has been edited for length.\n\n"
        "Q: How low is the Vistula?\n\n"
        "A: Lower than at any time since records began. Barges stopped running in May.\n\n"
        "Q: What comes next?\n\n"
        "A: Rationing in twelve districts, and more if it does not rain by July.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Marta Kowalczyk", "The river will not wait for us"),  # the headline's quotation
        ("Marta Kowalczyk", "Lower than at any time since records began. Barges stopped running in May."),
        ("Marta Kowalczyk", "Rationing in twelve districts, and more if it does not rain by July."),
    ]


def test_interview_answers_after_q_and_a_with_periods(nlp, gazetteer):
    text = (
        "Five minutes with the harbour master\n\n"
        "Ingrid Dahle, the harbour master of Tromsø, was in Oslo this week. The conversation has been edited for length.\n\n"
        "Q. Are the quays full?\n\n"
        "A. Every weekend in July, and the cruise lines want more.\n\n"
        "Q. What comes next?\n\n"
        "A. A new terminal, open by October.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Ingrid Dahle", "Every weekend in July, and the cruise lines want more."),
        ("Ingrid Dahle", "A new terminal, open by October."),
    ]


def test_a_paragraph_opening_with_an_initial_is_no_answer(nlp, gazetteer):
    text = "Ministers meet in Delhi\n\nA. Raman Pillai, the trade secretary, opened the talks on Monday.\n\nThe talks will end on Friday.\n"
    assert extract(text, nlp, gazetteer).quotes == []


def test_interview_highlights_in_quote_marks_belong_to_the_interviewee(nlp, gazetteer):
    text = (
        "Five questions for the new harbour master\n\n"
        "Henrik Solberg took charge of the port of Tromsø in March. He answered our questions by telephone. "
        "Highlights, edited for length:\n\n"
        "On traffic\n\n"
        "\"Cruise calls are up by a third, and the quay is full every weekend in July.\"\n\n"
        "On the new terminal\n\n"
        "\"We open it in October, a year late, but within the budget the council gave us.\"\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Henrik Solberg", "Cruise calls are up by a third, and the quay is full every weekend in July."),
        ("Henrik Solberg", "We open it in October, a year late, but within the budget the council gave us."),
    ]


def test_an_editors_note_makes_the_introduced_person_the_interviewee(nlp, gazetteer):
    # No 'we spoke to her': the introduction is about her, and a note says the answers follow.
    text = (
        "Interview: 'The canal will pay for itself,' says the port authority's Ingrid Vasquez\n\n"
        "Ingrid Vasquez, director of planning at the Panama Canal Authority, spoke to Harbour Weekly in "
        "Colón about water levels, tolls and the new locks. These are edited highlights.\n\n"
        "On water levels\n\n"
        "\"The lake is three metres higher than a year ago, and we have lifted the draught limit twice since March.\"\n\n"
        "On tolls\n\n"
        "\"Tolls rise by four percent in January. Shipping lines were told a year in advance.\"\n"
    )
    record = extract(text, nlp, gazetteer)
    answers = [(who, words) for who, words in said(record) if words.startswith(("The lake", "Tolls"))]
    assert answers == [
        ("Ingrid Vasquez", "The lake is three metres higher than a year ago, and we have lifted the draught limit twice since March."),
        ("Ingrid Vasquez", "Tolls rise by four percent in January. Shipping lines were told a year in advance."),
    ]


def test_an_editors_note_after_a_named_subject_does_not_pick_another_person(nlp, gazetteer):
    # The note's sentence names its own person: not the one the paragraph was about before.
    text = (
        "Transport Minister Pavel Horak opened the bridge on Monday.\n\n"
        "Engineer Lucie Novakova's remarks, edited for length, follow.\n\n"
        "\"We tested every cable twice before the opening, and the sensors report to us every minute.\"\n"
    )
    record = extract(text, nlp, gazetteer)
    assert ("Pavel Horak", "We tested every cable twice before the opening, and the sensors report to us every minute.") not in said(record)


# ----------------------------------------------------------------------------- paragraphs, marks and precision


def test_quotes_over_several_paragraphs_and_a_bare_quote_paragraph(nlp, gazetteer):
    text = (
        "Irish Finance Minister Ciara Lynch presented the budget on Tuesday.\n\n"
        "Lynch said: \"This budget protects the public services people rely on.\n\n"
        "\"It also leaves room for the surprises that the next two years will bring.\"\n\n"
        "\"Housing comes first,\" Lynch added.\n\n"
        "\"Every county will see new homes started before Christmas.\"\n\n"
        "The opposition called the plan timid.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Ciara Lynch", "This budget protects the public services people rely on."),
        ("Ciara Lynch", "It also leaves room for the surprises that the next two years will bring."),
        ("Ciara Lynch", "Housing comes first,"),
        ("Ciara Lynch", "Every county will see new homes started before Christmas."),
    ]


def test_split_nested_and_british_single_quotes(nlp, gazetteer):
    text = (
        "Dutch Defence Minister Sanne de Wit visited the Den Helder naval base on Friday.\n\n"
        "“We will,” de Wit said, “not stop until the last mine is cleared.”\n\n"
        "“My sailors told me ‘we are ready’, and I believe them,” de Wit said.\n\n"
        "'The North Sea is our front yard,' she added.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Sanne de Wit", "We will,"),
        ("Sanne de Wit", "not stop until the last mine is cleared."),
        ("Sanne de Wit", "My sailors told me ‘we are ready’, and I believe them,"),
        ("Sanne de Wit", "The North Sea is our front yard,"),
    ]


def test_according_to_earlier_in_the_sentence_and_a_colon_after_any_verb(nlp, gazetteer):
    text = (
        "British economist Sarah Mitchell studies food prices at the University of Leeds.\n\n"
        "According to her, prices “fell sharply in the spring and have not recovered since”.\n\n"
        "Mitchell put it bluntly when we met in her office: “The harvest saved the government.”\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Sarah Mitchell", "fell sharply in the spring and have not recovered since"),
        ("Sarah Mitchell", "The harvest saved the government."),
    ]


def test_titles_sub_headings_and_unnamed_speakers_are_not_attributed(nlp, gazetteer):
    text = (
        "Ministers meet in Lisbon\n\n"
        "Portuguese Foreign Minister Rui Matos presented the report “Pathways to a Lasting Peace” on Monday.\n\n"
        "Matos: ‘the gap is closing’\n\n"
        "“The gap between the two sides is closing, slowly but surely,” Matos told reporters.\n\n"
        "“We have seen such promises before and nothing came of them,” the EU official said.\n\n"
        "“The next round starts in June,” Matos said. “And it will be the last one,” an aide to the minister added.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Rui Matos", "The gap between the two sides is closing, slowly but surely,"),
        (None, "We have seen such promises before and nothing came of them,"),  # kept, but nobody is named
        ("Rui Matos", "The next round starts in June,"),
        (None, "And it will be the last one,"),  # the aide's, not the minister's before it
    ]


# ----------------------------------------------------------------------------- who a phrase names


def test_an_organization_speaks_as_itself_or_through_a_spokesperson_or_statement(nlp, gazetteer):
    text = (
        "Fuel prices fall for a third month\n\n"
        "The European Commission published new figures on Monday, and the Ministry of Energy of Estonia "
        "announced new tenders.\n\n"
        "A Commission spokesperson said: \"Prices have fallen in every member state since March.\"\n\n"
        "In a statement, the Ministry of Energy of Estonia said the tenders \"will open to every supplier in the region\".\n\n"
        "\"Deliveries of the new turbines start in May,\" the ministry's statement says.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("European Commission", "Prices have fallen in every member state since March."),
        ("Ministry of Energy of Estonia", "will open to every supplier in the region"),
        ("Ministry of Energy of Estonia", "Deliveries of the new turbines start in May,"),
    ]


def test_a_ministry_speaks_under_the_name_the_article_gives_it(nlp, gazetteer):
    text = (
        "Grain exports resume\n\n"
        "\"The first ships leave port at dawn,\" the Moldovan Agriculture Ministry said in a statement on Monday.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [("Moldovan Agriculture Ministry", "The first ships leave port at dawn,")]
    ministry = next(e for e in record.entities if e.name == "Moldovan Agriculture Ministry")
    assert ministry.aliases == ["Ministry of Agriculture of Moldova"]


def test_the_mission_said_is_the_mission_an_organization_sent(nlp, gazetteer):
    text = (
        "Counting continues\n\n"
        "The African Union's election observation mission, led by a former judge, visited polling stations in the north.\n\n"
        "\"Voting was orderly and calm in every station we saw,\" the mission said in a statement.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [("African Union's election observation mission", "Voting was orderly and calm in every station we saw,")]


def test_a_pronoun_passes_over_a_person_of_the_other_gender_and_a_person_not_named(nlp, gazetteer):
    text = (
        "Ms Ingrid Dahl, the Swedish trade minister, met Mr Lars Berg, her Norwegian counterpart, in Oslo.\n\n"
        "“We agreed on the timber quotas,” Dahl said. Mr Berg nodded.\n\n"
        "“The quotas are fair to both sides,” she said.\n\n"
        "His Danish colleague, who arrived late, said the deal came too late. “We lost a whole year of exports,” he said.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record)[:2] == [
        ("Ingrid Dahl", "We agreed on the timber quotas,"),
        ("Ingrid Dahl", "The quotas are fair to both sides,"),  # 'she' is not Mr Berg, the last subject
    ]
    assert said(record)[2] == (None, "We lost a whole year of exports,")  # the colleague is nobody the text names


def test_a_surname_that_is_not_the_last_word_of_the_name(nlp, gazetteer):
    text = (
        "Leftist candidate Álvaro Quispe Mamani trailed in the first count, and conservative "
        "candidate Maria Torres led.\n\n"
        "“Peru voted for order,” Torres said.\n\n"
        "Quispe, whose support is strongest in the south, urged patience. “The rural vote is still being counted,” he said.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Maria Torres", "Peru voted for order,"),
        ("Álvaro Quispe Mamani", "The rural vote is still being counted,"),
    ]


def test_an_organization_speaker_is_valid_rdf_and_answers_the_quotes_question(nlp, gazetteer):
    from pathlib import Path

    from newsgraph.mapping import record_to_graph
    from newsgraph.validate import load_shapes, validate_graph

    text = (
        "Grain exports resume\n\n"
        "The Ministry of Agriculture of Moldova said exports would resume on Monday.\n\n"
        "A ministry spokesperson said: “The first ships leave Giurgiulesti port at dawn.”\n\n"
        "“Every contract signed before the war will be honoured,” a spokesperson for the ministry said.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Ministry of Agriculture of Moldova", "The first ships leave Giurgiulesti port at dawn."),
        ("Ministry of Agriculture of Moldova", "Every contract signed before the war will be honoured,"),
    ]
    graph = record_to_graph(record)
    shapes = load_shapes()
    for engine in ("fast", "pyshacl"):
        report = validate_graph(graph, shapes, engine=engine)
        assert report.conforms, engine
    query = (Path(__file__).resolve().parents[1] / "ontology" / "queries" / "quotes.rq").read_text(encoding="utf-8")
    rows = [(str(r.speaker), str(r.text)) for r in graph.query(query)]
    assert rows == [
        ("Ministry of Agriculture of Moldova", "Every contract signed before the war will be honoured,"),
        ("Ministry of Agriculture of Moldova", "The first ships leave Giurgiulesti port at dawn."),
    ]


def test_a_label_alone_on_its_line(nlp, gazetteer):
    text = (
        "Transcript of remarks by Foreign Minister Kenji Watanabe and Trade Minister Aiko Sato\n\n"
        "MINISTER WATANABE:\n\n"
        "We signed the customs protocol this morning.\n\n"
        "Q:\n\n"
        "When does it take effect?\n\n"
        "MINISTER SATO:\n\n"
        "On the first of April, for every port at once.\n\n"
        "Photo: the ministers after the signing.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Kenji Watanabe", "We signed the customs protocol this morning."),
        ("Aiko Sato", "On the first of April, for every port at once."),
    ]


def test_an_abbreviation_before_the_name_is_no_sentence_end(nlp, gazetteer):
    text = (
        "Canadian Foreign Minister Harriet Okonkwo-Blake opened the Arctic rescue centre on Tuesday.\n\n"
        "“No country can cover the Arctic alone,” Ms. Okonkwo-Blake said.\n\n"
        "“Our ships will be there within the hour,” said Rear Adm. Peter Lindgren, who commands the fleet.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert [(speaker.split()[-1] if speaker else None, words) for speaker, words in said(record)] == [
        ("Okonkwo-Blake", "No country can cover the Arctic alone,"),
        ("Lindgren", "Our ships will be there within the hour,"),
    ]


def test_a_stray_straight_mark_opens_no_quotation(nlp, gazetteer):
    text = (
        "Storm warning as the \"><b> markup leaks into every page of the city council website\n\n"
        "\"Stay indoors tonight and keep off the coast roads,\" Mayor Ellen Parkinson said.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [("Ellen Parkinson", "Stay indoors tonight and keep off the coast roads,")]


def test_paragraphs_of_one_character_and_no_marks(nlp, gazetteer):
    text = "Ministers meet\n\nx\n\n“\n\n'\n\n“We will meet again in May, and we will sign then,” Minister Jan Novak said.\n"
    record = extract(text, nlp, gazetteer)
    [(speaker, words)] = said(record)
    assert speaker.endswith("Novak") and words == "We will meet again in May, and we will sign then,"


def test_a_short_whole_sentence_after_a_colon_is_a_quotation(nlp, gazetteer):
    text = "Asked whether the mine would close, Ms Adeyemi replied: “Certainly not.” The company later said output would rise.\n"
    assert said(extract(text, nlp, gazetteer)) == [("Adeyemi", "Certainly not.")]
    # A capitalised word or two in marks with no colon before them stays a name, not a quotation.
    assert said(extract("The plan, dubbed “Operation Harvest,” began in May. Officials said it was working.\n", nlp, gazetteer)) == []


def test_a_speaker_named_before_an_apposition_giving_a_post(nlp, gazetteer):
    text = "Ravi Kumaran, the Labour MP from Leeds, told reporters: “This budget fails the north.”\n"
    record = extract(text, nlp, gazetteer)
    assert said(record) == [("Ravi Kumaran", "This budget fails the north.")]
    assert record.entity(record.quotes[0].speaker).kind == "Person"


def test_transcript_label_with_the_speakers_post_and_body_in_brackets(nlp, gazetteer):
    text = (
        "Briefing on the new timetable, 2 May 2025.\n\n"
        "ELENA MARKOVA (Managing Director, Baltic Ferries): Sailings will double from June.\n\n"
        "REPORTER: Will fares rise?\n\n"
        "ELENA MARKOVA: Not this year, no.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Elena Markova", "Sailings will double from June."),
        ("Elena Markova", "Not this year, no."),
    ]


def test_an_outlet_before_a_titled_speaker_is_not_the_speaker(nlp, gazetteer):
    text = "In an interview with Al Jazeera, Qatar's Foreign Minister Khalid Nasser al-Thani said: “Talks will resume next week.”\n"
    record = extract(text, nlp, gazetteer)
    assert said(record) == [("Khalid Nasser al-Thani", "Talks will resume next week.")]
    assert "Al Jazeera" not in {e.name for e in record.entities if e.kind == "Person"}


def test_the_subject_not_a_person_named_in_a_phrase_before_it_is_the_speaker(nlp, gazetteer):
    text = (
        "Trade Minister Helga Brandvold opened the new terminal in Tromsø on Friday.\n\n"
        "Touring the quay beside her Icelandic counterpart, the fisheries minister Bjarni Eyjolfsson, "
        "Ms Brandvold said: “This port will carry half our salmon exports.”\n\n"
        "“Nobody else in the north can do that,” she added.\n"
    )
    assert said(extract(text, nlp, gazetteer)) == [
        ("Helga Brandvold", "This port will carry half our salmon exports."),
        ("Helga Brandvold", "Nobody else in the north can do that,"),
    ]
    # A person named inside a relative clause is not the subject either.
    text = "Helga Brandvold, who met Bjarni Eyjolfsson on Friday, said: “Our ports will stay open.”\n"
    assert said(extract(text, nlp, gazetteer)) == [("Helga Brandvold", "Our ports will stay open.")]


def test_she_after_who_said_refers_to_the_person_the_clause_is_about(nlp, gazetteer):
    text = (
        "Tomasz Wilk, the opposition leader, told parliament on Tuesday that the plan was rushed.\n\n"
        "The flotilla will be commanded by Captain Ingrid Halvorsen of the coast guard, who said the first "
        "patrols would start in March. “We will be out there every night,” she said.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [("Ingrid Halvorsen", "We will be out there every night,")]
    assert ("Ingrid Halvorsen", "the first patrols would start in March") in [
        (record.entity(c.speaker).name, c.text) for c in record.claims
    ]


def test_she_is_never_an_organization_that_spoke_before(nlp, gazetteer):
    text = (
        "Health Minister Carla Mendes visited the new clinic in Porto on Monday.\n\n"
        "Spain has joined the vaccine pact, the Ministry of Health said.\n\n"
        "“This is the best day of my year,” she wrote on X.\n"
    )
    assert said(extract(text, nlp, gazetteer)) == [("Carla Mendes", "This is the best day of my year,")]


def test_a_pronoun_after_a_quote_refers_to_the_subject_before_its_colon(nlp, gazetteer):
    text = (
        "Senator Paul Okafor opened the hearing.\n\n"
        "Finance Minister Amina Bello was clearly relieved: “The bond sale went better than we hoped,” she told reporters.\n"
    )
    assert said(extract(text, nlp, gazetteer)) == [("Amina Bello", "The bond sale went better than we hoped,")]


def test_a_quoted_subheading_does_not_continue_the_quote_before_it(nlp, gazetteer):
    text = (
        "Mayor Elin Sandvik welcomed the new rail link.\n\n"
        "“Our town has waited forty years for this,” Sandvik said. “Now it is here.”\n\n"
        "‘A blow for the valley’\n\n"
        "In Dalby, councillor Per Moen called the route a mistake.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Elin Sandvik", "Our town has waited forty years for this,"),
        ("Elin Sandvik", "Now it is here."),
    ]
    # A whole-paragraph quotation that ends a sentence still goes on with the speaker before it.
    text = (
        "“Our town has waited forty years for this,” Mayor Elin Sandvik said.\n\n"
        "“Now the trains will stop here every hour.”\n"
    )
    assert said(extract(text, nlp, gazetteer))[-1] == ("Elin Sandvik", "Now the trains will stop here every hour.")


def test_a_short_quoted_sentence_of_its_own_is_a_quotation(nlp, gazetteer):
    text = (
        "Union leader Mick Farrow criticised the new rota.\n\n"
        "'Nobody asked the crews,' Mr Farrow told the Herald. 'Not once.'\n\n"
        "He called the plan a 'paper exercise'.\n"
    )
    assert said(extract(text, nlp, gazetteer)) == [("Mick Farrow", "Nobody asked the crews,"), ("Mick Farrow", "Not once.")]


def test_the_statement_and_it_refer_to_the_organization_that_spoke(nlp, gazetteer):
    text = (
        "The Norwegian Seafood Council said in a statement that exports to Japan had doubled.\n\n"
        "“Japanese buyers want trout as much as salmon,” the statement said.\n\n"
        "The Central Bank of Iceland said on Monday that arrears had fallen.\n\n"
        "“Households are in a stronger position than at any time since 2008,” it said.\n\n"
        "Finance Minister Sigrun Olafsdottir welcomed the figures.\n\n"
        "“This is good news, but it is not the end of the road,” it said.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Norwegian Seafood Council", "Japanese buyers want trout as much as salmon,"),
        ("Central Bank of Iceland", "Households are in a stronger position than at any time since 2008,"),
        (None, "This is good news, but it is not the end of the road,"),  # a person spoke since: 'it' is nobody known
    ]


def test_a_quotation_after_a_short_sentence_about_one_person(nlp, gazetteer):
    text = (
        "Farm leader Anouk Peeters spoke to the crowd in Ghent.\n\n"
        "Agriculture Minister Wim Claes promised new safeguards for dairy.\n\n"
        "Peeters was not convinced.\n\n"
        "“Safeguards on paper do not pay our bills.”\n\n"
        "Claes later met union representatives in Brussels.\n\n"
        "“We told him to think again about the quotas.”\n"
    )
    assert said(extract(text, nlp, gazetteer)) == [
        ("Anouk Peeters", "Safeguards on paper do not pay our bills."),
        (None, "We told him to think again about the quotas."),  # 'met union representatives': maybe theirs
    ]


def test_the_speaker_named_in_the_sentence_after_the_quotation(nlp, gazetteer):
    text = (
        "Talks on the grain corridor resumed in Ankara on Monday.\n\n"
        "“We are close, but we are not there yet.” That was the verdict of the Turkish mediator Selim Aydin after nine hours of talks.\n\n"
        "“Nobody wants the blame.” That was obvious to everyone in the room.\n"
    )
    assert said(extract(text, nlp, gazetteer)) == [("Selim Aydin", "We are close, but we are not there yet.")]


def test_a_persons_spokesman_is_not_the_person(nlp, gazetteer):
    text = (
        "Mediator Selim Aydin left Ankara on Tuesday.\n\n"
        "“The mediator needs more time to consult both capitals,” Aydin's spokesman said.\n\n"
        "“The talks will resume next week in Istanbul,” Aydin's statement said.\n"
    )
    assert said(extract(text, nlp, gazetteer)) == [
        (None, "The mediator needs more time to consult both capitals,"),
        ("Selim Aydin", "The talks will resume next week in Istanbul,"),
    ]


def test_a_transcript_label_naming_only_a_post(nlp, gazetteer):
    text = (
        "Remarks by Minister Kenji Arai after the trade ministers' meeting\n\n"
        "THE MINISTER: Thank you. Today we agreed on a common approach to export controls.\n\n"
        "QUESTION: What about rare earths?\n\n"
        "THE MINISTER: We are diversifying our suppliers every year.\n"
    )
    assert said(extract(text, nlp, gazetteer)) == [
        ("Kenji Arai", "Thank you. Today we agreed on a common approach to export controls."),
        ("Kenji Arai", "We are diversifying our suppliers every year."),
    ]
    # Two ministers: the label names neither.
    text = text.replace("Remarks by Minister Kenji Arai", "Remarks by Minister Kenji Arai and Minister Sofia Lind")
    assert said(extract(text, nlp, gazetteer)) == []


def test_a_one_word_reply_attributed_after_it_is_a_quotation(nlp, gazetteer):
    text = (
        "Union leader Gareth Pryce left the talks at noon. “Never,” Pryce replied when asked if he would call off the strike.\n\n"
        "He walked out of the so-called “final round” with the “new offer” unsigned.\n"
    )
    assert said(extract(text, nlp, gazetteer)) == [("Gareth Pryce", "Never,")]


def test_a_name_in_apposition_after_a_post_is_the_speaker(nlp, gazetteer):
    text = (
        "Defence ministers met in Tallinn on Friday, hosted by Estonia's Hanno Kask.\n\n"
        "“We will deliver the first batch before winter,” said Finland's defence minister, Aino Rautio.\n\n"
        "The plant in Tartu will start output in March, the head of builder Tamm Group, Liis Saar, said. "
        "“We have hired 300 people since the spring,” she said.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Aino Rautio", "We will deliver the first batch before winter,"),
        ("Liis Saar", "We have hired 300 people since the spring,"),
    ]
    assert [(record.entity(c.speaker).name, c.text) for c in record.claims] == [("Liis Saar", "The plant in Tartu will start output in March")]


def test_transcript_highlights_in_a_report_are_quotations(nlp, gazetteer):
    report = (
        "The central bank cut its main rate to 3.5% on Wednesday.\n\n"
        "“The cut was overdue,” said Omar Haddad, an economist at Gulf Capital.\n\n"
        "{intro}\n\n"
        "GOVERNOR SALEH: Inflation has fallen for six months in a row. We can ease without risk.\n\n"
        "Q: Will you cut again in July?\n\n"
        "GOVERNOR SALEH: That depends on the data, not on the calendar.\n\n"
        "Governor Layla Saleh took office in March.\n"
    )
    record = extract(report.format(intro="Highlights from the governor's press conference:"), nlp, gazetteer)
    assert said(record) == [
        ("Omar Haddad", "The cut was overdue,"),
        ("Layla Saleh", "Inflation has fallen for six months in a row. We can ease without risk."),
        ("Layla Saleh", "That depends on the data, not on the calendar."),
    ]
    # The full transcript printed in a report: the quotations are those in quote marks.
    record = extract(report.format(intro="The transcript of the press conference follows."), nlp, gazetteer)
    assert said(record) == [("Omar Haddad", "The cut was overdue,")]


def test_a_section_heading_between_turns_does_not_continue_the_answer(nlp, gazetteer):
    text = (
        "Farm minister Odile Varennes on drought and the grain reserve\n\n"
        "We spoke to Odile Varennes, the agriculture minister, in Lyon on Friday.\n\n"
        "Q: How bad is the drought?\n\n"
        "VARENNES: Worse than last year. The wells in the south are dry.\n\n"
        "It will take two wet winters to refill them.\n\n"
        "On the grain reserve\n\n"
        "Q: Will the reserve be opened?\n\n"
        "VARENNES: Yes, in September, for the smallest farms first.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Odile Varennes", "Worse than last year. The wells in the south are dry."),
        ("Odile Varennes", "It will take two wet winters to refill them."),  # a sentence goes on with the turn
        ("Odile Varennes", "Yes, in September, for the smallest farms first."),
    ]  # 'On the grain reserve' is the section's heading, nobody's words


def test_a_short_answer_after_a_label_alone_on_its_line_is_still_a_turn(nlp, gazetteer):
    from newsgraph.extract.transcripts import find_turns

    text = "BRIEFING ON THE HARBOUR WORKS\n\nMINISTER HALVORSEN:\n\nNot yet\n\nQ: When will it open?\n\nMINISTER HALVORSEN:\n\nIn the spring.\n"
    turns = find_turns(text, len(text))
    assert [text[t.start : t.end] for t in turns if t.kind == "speaker"] == ["Not yet", "In the spring."]


def test_a_headline_quotation_repeating_words_of_the_body_is_one_quote(nlp, gazetteer):
    text = (
        "“The river will not wait for us”: Mayor Ilse Brandt on the flood wall\n\n"
        "Mayor Ilse Brandt spoke to reporters at the town hall on Tuesday.\n\n"
        "“We start building in May. The river will not wait for us, and neither will the insurers,” Brandt said.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [("Ilse Brandt", "We start building in May. The river will not wait for us, and neither will the insurers,")]


def test_a_headline_quotation_the_body_does_not_repeat_stays(nlp, gazetteer):
    text = (
        "“The river will not wait for us”: Mayor Ilse Brandt on the flood wall\n\n"
        "Mayor Ilse Brandt spoke to reporters at the town hall on Tuesday.\n\n"
        "“We start building in May,” Brandt said.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert ("Ilse Brandt", "The river will not wait for us") in said(record)
    assert ("Ilse Brandt", "We start building in May,") in said(record)


def test_a_speaker_opening_a_sentence_before_a_long_apposition(nlp, gazetteer):
    text = (
        "Grid operators agree on a reserve\n\n"
        "The energy minister, Helga Sorensen, said Oslo would pay half. According to her, the old lines had been “left to rot” for years.\n\n"
        "Pham Thi Hoa, Laos's deputy minister of mines and energy, who will co-chair the grid working group, said the goal was to “find where our weak points really are, plant by plant.\n\n"
        "“Most of our utilities do not yet know how much of their power crosses a single line,” she added.\n"
    )
    record = extract(text, nlp, gazetteer)
    quotes = said(record)
    assert ("Pham Thi Hoa", "find where our weak points really are, plant by plant.") in quotes
    assert ("Pham Thi Hoa", "Most of our utilities do not yet know how much of their power crosses a single line,") in quotes
    assert not any(who == "Helga Sorensen" and "utilities" in words for who, words in quotes)


def test_a_sentence_opening_with_a_name_that_is_not_the_speaker(nlp, gazetteer):
    text = (
        "Harbour dispute\n\n"
        "Pham Thi Hoa, the harbour master, was not at the meeting, and officials said only that talks were “going well, slowly but surely.”\n"
    )
    record = extract(text, nlp, gazetteer)
    assert not any(who == "Pham Thi Hoa" for who, _ in said(record))


def test_short_fragment_completing_a_speech_verb_is_the_subjects_partial_quotation(nlp, gazetteer):
    text = (
        "Opposition leader Hector Valdivia spoke to supporters in Arequipa on Sunday night.\n\n"
        "Valdivia said “each remaining ballot” must be checked before the count is closed.\n\n"
        "The Carter Center called the count “calm and transparent” in a statement.\n\n"
        "Senator Mirela Dobre warned of “serious unrest” if the tally was delayed.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Hector Valdivia", "each remaining ballot"),
        ("Carter Center", "calm and transparent"),
        ("Mirela Dobre", "serious unrest"),
    ]


def test_short_fragment_in_a_narrated_clause_or_after_so_called_stays_a_scare_quote(nlp, gazetteer):
    text = (
        "Opposition leader Hector Valdivia spoke to supporters in Arequipa on Sunday night.\n\n"
        "Valdivia said the so-called “peace plan” had failed.\n\n"
        "Crowds gathered near the “green zone” after dark.\n\n"
        "Valdivia visited the “new normal” exhibition with his aides.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == []


def test_short_fragment_takes_the_subject_of_its_own_verb_not_of_another_in_the_sentence(nlp, gazetteer):
    text = (
        "Wages rose 3 pct in May, the Federal Statistics Bureau said on Friday, "
        "but Governor Ilona Varga said price pressure remained “stubborn”.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [("Ilona Varga", "stubborn")]


def test_answers_under_question_labels_belong_to_the_interviewee(nlp, gazetteer):
    # Only the questions carry a label; each answer is the paragraph under its question.
    text = (
        "Five questions for the new harbour master\n\n"
        "Henrik Solberg took charge of the port of Tromsø in March. He answered our questions by telephone.\n\n"
        "Q: Are the quays full?\n\n"
        "Every weekend in July, and the cruise lines want more.\n\n"
        "Q: When does the new terminal open?\n\n"
        "In October, a year late, but within the budget the council gave us.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Henrik Solberg", "Every weekend in July, and the cruise lines want more."),
        ("Henrik Solberg", "In October, a year late, but within the budget the council gave us."),
    ]


def test_question_labels_with_labelled_answers_keep_questions_out(nlp, gazetteer):
    # A question over two paragraphs, then a labelled answer: the second paragraph is the question's.
    text = (
        "Five questions for the new harbour master\n\n"
        "Henrik Solberg took charge of the port of Tromsø in March. He answered our questions by telephone.\n\n"
        "Q: Cruise calls rose by a third last year.\n\n"
        "Can the quays cope?\n\n"
        "A: Every weekend in July they are full.\n\n"
        "Q: And the terminal?\n\n"
        "A: It opens in October.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Henrik Solberg", "Every weekend in July they are full."),
        ("Henrik Solberg", "It opens in October."),
    ]


def test_an_interview_without_labels_gives_the_answers_to_the_interviewee(nlp, gazetteer):
    # Questions ask, or put a short point; the paragraphs under them are the answers; the
    # narration after the exchanges (naming her) is nobody's quotation.
    text = (
        "INTERVIEW\n\n"
        "‘The river will not wait for us,’ says the water commissioner\n\n"
        "Marta Kowalczyk has run the national water agency since 2023. We spoke to her in Warsaw. "
        "The interview has been edited for length.\n\n"
        "How low is the Vistula?\n\n"
        "Lower than at any time since records began. Barges stopped running in May, and the ports are empty.\n\n"
        "Farmers say the agency reacted too late.\n\n"
        "I understand the anger. We asked for pumps in March and got them in June. That is too slow, "
        "and what do you tell a farmer whose field is dust?\n\n"
        "Will there be rationing?\n\n"
        "In twelve districts, and more if it does not rain by July.\n\n"
        "What keeps you awake at night?\n\n"
        "The wells. Nobody knows how much water is left under the plain.\n\n"
        "Kowalczyk will present the drought plan to parliament on Thursday, alongside the agriculture "
        "minister and the heads of the regional water boards.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Marta Kowalczyk", "The river will not wait for us,"),  # the headline under the kicker
        ("Marta Kowalczyk", "Lower than at any time since records began. Barges stopped running in May, and the ports are empty."),
        ("Marta Kowalczyk", "I understand the anger. We asked for pumps in March and got them in June. That is too slow, and what do you tell a farmer whose field is dust?"),
        ("Marta Kowalczyk", "In twelve districts, and more if it does not rain by July."),
        ("Marta Kowalczyk", "The wells. Nobody knows how much water is left under the plain."),
    ]


def test_paragraphs_asking_questions_in_a_report_are_no_interview(nlp, gazetteer):
    # An article that mentions an interview and asks questions in its prose: no answers.
    text = (
        "Drought grips the Vistula basin\n\n"
        "Marta Kowalczyk, head of the national water agency, said in an interview on Monday that barges had stopped.\n\n"
        "Will the ports reopen before the autumn?\n\n"
        "Nobody at the agency would say.\n\n"
        "The agency's budget was cut by a fifth last year.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == []


def test_a_kicker_line_in_capitals_is_not_the_headline(nlp, gazetteer):
    text = (
        "HARBOUR WEEKLY | PORTS\n\n"
        "\"We are building a port, not a car park\": Tromsø's harbour master on the new terminal\n\n"
        "Henrik Solberg took charge of the port of Tromsø in March. He answered our questions by telephone.\n\n"
        "Q: When does the terminal open?\n\n"
        "In October, a year late.\n\n"
        "Q: And the cost?\n\n"
        "Within the budget the council gave us.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record)[0] == ("Henrik Solberg", "We are building a port, not a car park")


def test_a_transcript_turn_quoting_another_speaker_ends_before_that_quotation(nlp, gazetteer):
    text = (
        "Press conference by Harbour Minister Ole Brandt\n\n"
        "MINISTER BRANDT: Good afternoon. The new terminal opens in October.\n\n"
        "Q: Will it be on budget?\n\n"
        "MINISTER BRANDT: It will. The council approved the last tranche on Monday. As Mayor Ida Lund put it "
        "yesterday, \"a port that waits is a port that dies.\"\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Ole Brandt", "Good afternoon. The new terminal opens in October."),
        ("Ole Brandt", "It will. The council approved the last tranche on Monday."),
        ("Ida Lund", "a port that waits is a port that dies."),
    ]


def test_a_transcript_turn_with_its_own_quotation_marks_is_that_quotation(nlp, gazetteer):
    text = (
        "Press conference by Harbour Minister Ole Brandt\n\n"
        "MINISTER BRANDT: Good afternoon. The new terminal opens in October.\n\n"
        "Q: Will it be on budget?\n\n"
        "MINISTER BRANDT: Let me be clear: \"We will not spend a krone more than the council gave us.\"\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Ole Brandt", "Good afternoon. The new terminal opens in October."),
        ("Ole Brandt", "We will not spend a krone more than the council gave us."),
    ]


def test_an_organization_speaks_through_a_voice_placed_somewhere_or_a_joint_statement(nlp, gazetteer):
    text = (
        "Ports budget goes to Brussels\n\n"
        "The European Commission will give its opinion on the ports budget in November. A Commission spokesperson "
        "in Brussels said only that the EU executive \"takes note of the plan and will assess it in the usual way.\"\n\n"
        "The North Sea Ports Alliance met in Hamburg on Monday. Rotterdam \"will keep its own tariffs for now\", "
        "the alliance's joint statement says.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("European Commission", "takes note of the plan and will assess it in the usual way."),
        ("North Sea Ports Alliance", "will keep its own tariffs for now"),
    ]


def test_a_body_an_organization_sends_speaks_for_it_and_a_name_before_an_apposition_speaks(nlp, gazetteer):
    text = (
        "Voting in Quito\n\n"
        "The observer mission of the Organization of American States said voting had been \"orderly and peaceful\" "
        "in the capital.\n\n"
        "The Council for Budget Responsibility, the country's fiscal watchdog, said the growth forecast was "
        "\"ambitious but not out of reach.\"\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Organization of American States", "orderly and peaceful"),
        ("Council for Budget Responsibility", "ambitious but not out of reach."),
    ]


def test_the_head_noun_does_not_refer_back_past_another_body_with_that_noun(nlp, gazetteer):
    # 'the mission' after a second, unnamed mission was introduced: abstain rather than guess the first.
    text = (
        "Voting in Quito\n\n"
        "The EU Election Observation Mission deployed 120 observers to all provinces.\n\n"
        "The Andean Parliament's observer mission, headed by a former judge, said that 40 polling stations opened late.\n\n"
        "\"Delays were due to logistics, not to any attempt to obstruct the vote,\" the mission said.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert ("EU Election Observation Mission", "Delays were due to logistics, not to any attempt to obstruct the vote,") not in said(record)


def test_a_speaker_inside_a_relative_clause_says_the_partial_quotation(nlp, gazetteer):
    text = (
        "Harbour plans\n\n"
        "Harbour Minister Ingrid Dahle opened the new quay in Tromsø on Monday.\n\n"
        "The minister also pointed to fishing. Norwegian boats landed close to 2.5 million tonnes of fish last year, "
        "nearly all of it through northern ports, which she said made the new quays \"a question of survival as much as of growth\".\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [("Ingrid Dahle", "a question of survival as much as of growth")]


def test_an_explainers_questions_and_answers_are_the_writers(nlp, gazetteer):
    # 'Q:' labels with the text under them, and no interviewee: the answers are the article's own.
    text = (
        "Explainer: what the new harbour levy means\n\n"
        "Harbour Minister Ingrid Dahle announced the levy on Monday.\n\n"
        "Q: Who pays the levy?\n\n"
        "Every ship over 5,000 tonnes that calls at a Norwegian port.\n\n"
        "Q: When does it start?\n\n"
        "In January, after a vote in parliament.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == []


def test_questions_in_bold_without_labels_are_questions(nlp, gazetteer):
    text = (
        "Five questions for the harbour master\n\n"
        "Henrik Solberg took charge of the port of Tromsø in March. He answered our questions by telephone.\n\n"
        "**Are the quays full?**\n\n"
        "Every weekend in July, and the cruise lines want more.\n\n"
        "**When does the new terminal open?**\n\n"
        "In October, a year late.\n\n"
        "**And the cost?**\n\n"
        "Within the budget the council gave us.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Henrik Solberg", "Every weekend in July, and the cruise lines want more."),
        ("Henrik Solberg", "In October, a year late."),
        ("Henrik Solberg", "Within the budget the council gave us."),
    ]


def test_an_organization_written_like_a_relative_pronoun_stays_the_speaker(nlp, gazetteer):
    text = (
        "Cholera in the north\n\n"
        "WHO said in its latest assessment that it considers the risk “high at the national level and low at the global level”.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [("World Health Organization", "high at the national level and low at the global level")]


def test_a_short_quotation_in_a_sentence_according_to_a_source_is_the_sources(nlp, gazetteer):
    text = (
        "Fish prices\n\n"
        "\"The market has already adjusted,\" said Ingrid Dahle, an analyst at a Bergen brokerage. "
        "According to her, Asian demand has \"permanently shifted\" towards farmed salmon.\n\n"
        "Prices for the so-called \"premium catch\" fell again.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Ingrid Dahle", "The market has already adjusted,"),
        ("Ingrid Dahle", "permanently shifted"),
    ]


def test_a_pronoun_refers_to_the_person_named_since_the_last_speaker(nlp, gazetteer):
    text = (
        "Harbour ministers meet\n\n"
        "\"We are building a port for the next fifty years,\" Norwegian Harbour Minister Ingrid Dahle said.\n\n"
        "Denmark was represented in Oslo by its transport minister, Lars Holm. According to him, Danish yards "
        "had together trained \"hundreds of welders and dozens of engineers\" since the spring.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record)[-1] == ("Lars Holm", "hundreds of welders and dozens of engineers")


def test_a_pronoun_does_not_refer_to_a_person_named_inside_a_quotation(nlp, gazetteer):
    text = (
        "Harbour ministers meet\n\n"
        "Norwegian Harbour Minister Ingrid Dahle opened the meeting in Oslo.\n\n"
        "\"We told Lars Holm that the quay would be ready,\" Dahle said.\n\n"
        "\"And it will be ready by June,\" she added.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record)[-1] == ("Ingrid Dahle", "And it will be ready by June,")


def test_a_pronoun_does_not_refer_to_a_person_named_beside_a_sentences_subject(nlp, gazetteer):
    text = (
        "Harbour ministers meet\n\n"
        "Harbour Minister Ingrid Dahle opened the new quay in Tromsø on Monday.\n\n"
        "Dahle, who took over the harbour ministry in January from Lars Holm, said the quay would open in June. "
        "According to her, the new cranes had cut unloading times \"by half or better\".\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [("Ingrid Dahle", "by half or better")]


def test_a_headline_quotation_said_by_a_post_is_the_one_holder_of_that_post(nlp, gazetteer):
    text = (
        "'We will not devalue the real,' says Brazil's finance minister\n\n"
        "Brazil's Finance Minister Rodrigo Almeida told parliament on Monday that the currency would float freely.\n\n"
        "Almeida said the central bank would keep rates unchanged.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [("Rodrigo Almeida", "We will not devalue the real,")]


def test_a_headline_quotation_said_by_a_post_two_people_hold_names_nobody(nlp, gazetteer):
    text = (
        "'We will not devalue,' says finance minister\n\n"
        "Brazil's Finance Minister Rodrigo Almeida met Argentina's Finance Minister Pablo Ferreyra in Montevideo on Monday.\n\n"
        "Both said their currencies would float freely.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert all(who is None for who, _ in said(record))  # kept unattributed, or left out


def test_an_interview_known_by_its_shape_alone_gives_the_answers_to_the_person_introduced(nlp, gazetteer):
    # No cue and no labels: an introduction whose subject is one person, then questions answered
    # in the first person. The interviewer ('talked with …') asks; an editor's note closes it.
    text = (
        "HARBOUR MONTHLY | Conversation | 4 June 2026\n\n"
        "‘Every ship we turn away goes to Rotterdam’\n\n"
        "The port of Gdańsk's director, Ewa Lindqvist, who took over in March after Piotr Malek retired, "
        "runs the busiest container terminal on the Baltic. She talked with Tom Reed about cranes, dredging and rail.\n\n"
        "Director, the terminal handled a record year. What made the difference?\n\n"
        "Rail, mostly. We doubled the trains to the south, and our quays are no longer full of boxes waiting for trucks.\n\n"
        "Will the new quay open on time?\n\n"
        "In October, if the dredgers finish. I would not bet my house on it.\n\n"
        "And the cranes?\n\n"
        "Eight are ordered. Four arrive in the spring.\n\n"
        "What worries you most?\n\n"
        "The rail bridge at Tczew. If it closes, we lose the south.\n\n"
        "This conversation has been edited for length.\n"
    )
    record = extract(text, nlp, gazetteer)
    quotes = said(record)
    assert ("Ewa Lindqvist", "Rail, mostly. We doubled the trains to the south, and our quays are no longer full of boxes waiting for trucks.") in quotes
    assert ("Ewa Lindqvist", "In October, if the dredgers finish. I would not bet my house on it.") in quotes
    assert ("Ewa Lindqvist", "The rail bridge at Tczew. If it closes, we lose the south.") in quotes
    assert all(speaker == "Ewa Lindqvist" for speaker, _ in quotes)
    assert not any("?" in words or "edited" in words for _, words in quotes)


def test_questions_answered_in_the_third_person_are_no_interview(nlp, gazetteer):
    # The same shape in an explainer: the answers speak of nobody's 'I' or 'we', so they are the writer's.
    text = (
        "Explainer: the harbour levy\n\n"
        "Harbour Minister Ewa Lindqvist announced a levy on large ships on Monday.\n\n"
        "Who pays the levy?\n\n"
        "Every ship over 5,000 tonnes that calls at a Polish port.\n\n"
        "When does it start?\n\n"
        "In January, after a vote in parliament.\n\n"
        "How much will it raise?\n\n"
        "About 40 million zlotys a year, the ministry estimates.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == []


def test_a_mixed_case_phrase_and_colon_inside_a_capitals_transcript_continues_the_turn(nlp, gazetteer):
    # Labels in capitals set the style: 'On Ferry Orders:' opening a paragraph is the minister going on.
    text = (
        "Press conference\n\n"
        "Harbour Minister Ewa Lindqvist briefed reporters in Gdynia on 3 May.\n\n"
        "MODERATOR: The minister will take questions.\n\n"
        "Q: Two questions. Will the levy rise, and when do the new ferries arrive?\n\n"
        "MINISTER LINDQVIST: On the first question, no. The levy stays where it is until 2028.\n\n"
        "On Ferry Orders: the first two ships arrive in May, the third in the autumn.\n\n"
        "Q: And the crews?\n\n"
        "MINISTER LINDQVIST: They are being trained now.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Ewa Lindqvist", "On the first question, no. The levy stays where it is until 2028."),
        ("Ewa Lindqvist", "On Ferry Orders: the first two ships arrive in May, the third in the autumn."),
        ("Ewa Lindqvist", "They are being trained now."),
    ]


_EXCHANGE = (
    ("How dry is the valley this year?", "Drier than my grandfather ever saw it. The wells gave out in April."),
    ("Will the reservoir be finished?", "By next spring, if the concrete arrives. I would not promise more."),
    ("What keeps you awake?", "The orchards. If they die, we lose ten years."),
)
_ANSWERS = [answer for _, answer in _EXCHANGE]


def _dialogue(asker: str, answerer: str, *, alone: bool = False) -> str:
    sep = "\n" if alone else " "
    return "".join(f"{asker}{sep}{q}\n\n{answerer}{sep}{a}\n\n" for q, a in _EXCHANGE)


def test_a_dialogue_in_mixed_case_surname_labels_gives_each_turn_to_its_speaker(nlp, gazetteer):
    # 'Kerr: …?' / 'Moreau: …': labels that recur and take turns; the one whose turns all ask is the interviewer.
    text = (
        "Drought in the Rhône valley\n\n"
        "Farmer and mayor Claire Moreau talked to Ian Kerr about the dry summer.\n\n"
        + _dialogue("Kerr:", "Moreau:")
    )
    assert said(extract(text, nlp, gazetteer)) == [("Claire Moreau", a) for a in _ANSWERS]


def test_one_mixed_case_phrase_and_colon_is_still_no_label(nlp, gazetteer):
    text = (
        "Drought in the Rhône valley\n\n"
        "Farmer and mayor Claire Moreau met growers on Monday.\n\n"
        "Water Rights: the council will vote on the new quotas in June, officials said.\n\n"
        "The valley had its driest spring since 1976.\n"
    )
    assert said(extract(text, nlp, gazetteer)) == []


def test_bold_question_and_answer_labels(nlp, gazetteer):
    text = (
        "Drought in the Rhône valley\n\n"
        "Claire Moreau, mayor of Tain, answered our questions about the dry summer.\n\n"
        + "".join(f"**Q: {q}**\n\n**A:** {a}\n\n" for q, a in _EXCHANGE)
    )
    assert said(extract(text, nlp, gazetteer)) == [("Claire Moreau", a) for a in _ANSWERS]


def test_an_exchange_with_a_dash_opening_each_turn(nlp, gazetteer):
    text = (
        "Drought in the Rhône valley\n\n"
        "Claire Moreau, mayor of Tain, spoke to our correspondent about the dry summer.\n\n"
        + "".join(f"— {q}\n\n— {a}\n\n" for q, a in _EXCHANGE)
    )
    assert said(extract(text, nlp, gazetteer)) == [("Claire Moreau", a) for a in _ANSWERS]


def test_speaker_names_in_capitals_alone_on_their_lines_without_a_colon(nlp, gazetteer):
    text = (
        "Drought in the Rhône valley\n\n"
        "Claire Moreau, mayor of Tain, talked to Ian Kerr about the dry summer.\n\n"
        + _dialogue("IAN KERR", "CLAIRE MOREAU", alone=True)
    )
    assert said(extract(text, nlp, gazetteer)) == [("Claire Moreau", a) for a in _ANSWERS]


def test_labels_of_initials_name_the_person_with_those_initials(nlp, gazetteer):
    text = (
        "Drought in the Rhône valley\n\n"
        "Claire Moreau, mayor of Tain, talked to Ian Kerr about the dry summer.\n\n"
        + _dialogue("IK:", "CM:")
    )
    assert said(extract(text, nlp, gazetteer)) == [("Claire Moreau", a) for a in _ANSWERS]


def test_an_interview_by_shape_after_a_byline_and_an_interviewer_meeting_her(nlp, gazetteer):
    # The paragraph right before the questions has the interviewer meeting 'her': the interviewee
    # is the person of the paragraph before it.
    text = (
        "Drought in the Rhône valley\n\n"
        "By Ian Kerr\n\n"
        "Farmer and mayor Claire Moreau has run the town of Tain since 2020. Her orchards cover 40 hectares.\n\n"
        "Ian Kerr met her at the town hall.\n\n"
        + "".join(f"{q}\n\n{a}\n\n" for q, a in _EXCHANGE)
    )
    assert said(extract(text, nlp, gazetteer)) == [("Claire Moreau", a) for a in _ANSWERS]


def test_an_interview_by_shape_whose_introduction_pairs_two_named_persons_abstains(nlp, gazetteer):
    # 'Ian Kerr spoke to Claire Moreau': either could be the one answering, by shape alone.
    text = (
        "Drought in the Rhône valley\n\n"
        "Ian Kerr spoke to Claire Moreau about the dry summer.\n\n"
        + "".join(f"{q}\n\n{a}\n\n" for q, a in _EXCHANGE)
    )
    assert said(extract(text, nlp, gazetteer)) == []


def test_mixed_case_speaker_labels_that_recur_beside_capital_ones_stay_labels(nlp, gazetteer):
    text = (
        "Press conference\n\n"
        "Harbour Minister Ewa Lindqvist briefed reporters in Gdynia on 3 May.\n\n"
        "MODERATOR: The minister will take questions.\n\n"
        "QUESTION: Will the levy rise?\n\n"
        "Minister Lindqvist: No. The levy stays where it is until 2028.\n\n"
        "QUESTION: And the crews?\n\n"
        "Minister Lindqvist: They are being trained now.\n"
    )
    assert said(extract(text, nlp, gazetteer)) == [
        ("Ewa Lindqvist", "No. The levy stays where it is until 2028."),
        ("Ewa Lindqvist", "They are being trained now."),
    ]


def test_recurring_name_and_colon_lines_over_reports_are_no_dialogue(nlp, gazetteer):
    # A live blog's summary lines ('Moreau: …') with reports under them: not turns of a dialogue.
    text = (
        "Drought live: the Rhône valley\n\n"
        "Claire Moreau, mayor of Tain, and Ian Kerr, the regional prefect, toured the valley on Monday.\n\n"
        "Moreau: Wells will be rationed from June\n\n"
        "The mayor said at a town meeting that households would get water for two hours a day.\n\n"
        "Officials expect the ban to last until September.\n\n"
        "Kerr: The state will pay for new pumps\n\n"
        "The prefect promised 2 million euros for pumps and pipes.\n\n"
        "Farmers' groups called the sum too small.\n\n"
        "Moreau: Tain will ask for disaster status\n\n"
        "The council votes on Thursday.\n\n"
        "Kerr: Decision within a week\n\n"
        "The ministry will decide quickly, the prefect's office said.\n"
    )
    quotes = said(extract(text, nlp, gazetteer))
    assert not any(words.startswith(("The mayor said", "Officials expect", "The prefect promised", "Farmers")) for _, words in quotes)


def test_a_bare_post_label_is_the_holder_of_that_post_not_a_deputy(nlp, gazetteer):
    text = (
        "Press conference of the Central Bank of Arvenia\n\n"
        "Governor Tomas Rehak and Deputy Governor Lena Marek answered questions after the board meeting.\n\n"
        "GOVERNOR: Good afternoon. The board decided to keep the policy rate at 4 per cent.\n\n"
        "QUESTION: Will you cut in the autumn?\n\n"
        "DEPUTY GOVERNOR MAREK: The banks are sound. We see no reason to hurry.\n\n"
        "GOVERNOR: We will decide meeting by meeting.\n"
    )
    assert said(extract(text, nlp, gazetteer)) == [
        ("Tomas Rehak", "Good afternoon. The board decided to keep the policy rate at 4 per cent."),
        ("Lena Marek", "The banks are sound. We see no reason to hurry."),
        ("Tomas Rehak", "We will decide meeting by meeting."),
    ]
    # Only the deputy governor known: 'GOVERNOR:' is not her.
    text = text.replace("Governor Tomas Rehak and Deputy", "Deputy")
    assert said(extract(text, nlp, gazetteer)) == [("Lena Marek", "The banks are sound. We see no reason to hurry.")]


def test_a_quotation_closing_its_sentence_is_not_attributed_by_the_next_sentence(nlp, gazetteer):
    text = (
        "Austria, which sends observers to the talks, has not joined. Its chancellor, Jakob Feller, said last week "
        "that Vienna had \"no intention of joining at this stage.\" Defence Minister Ilse Brunner said orders had doubled.\n"
    )
    assert ("Ilse Brunner", "no intention of joining at this stage.") not in said(extract(text, nlp, gazetteer))
    # A quotation opening its sentence is still attributed after it.
    text = "Defence Minister Ilse Brunner spoke in Vienna.\n\n\"Orders have doubled.\" Brunner said nothing more.\n"
    assert said(extract(text, nlp, gazetteer)) == [("Ilse Brunner", "Orders have doubled.")]


def test_a_few_words_quoted_mid_sentence_and_attributed_at_its_end(nlp, gazetteer):
    text = (
        "Trade lawyer Helga Sorensen follows the dispute closely.\n\n"
        "Even a win may mean little: the union could take its appeal \"into the void,\" Sorensen noted. "
        "The \"new deal,\" a phrase everyone uses, is already old.\n"
    )
    assert said(extract(text, nlp, gazetteer)) == [("Helga Sorensen", "into the void,")]


def test_a_briefing_whose_questions_are_labelled_with_their_outlets(nlp, gazetteer):
    text = (
        "Regular press briefing of the Foreign Ministry\n\n"
        "Spokesperson Mira Kovac held the weekly briefing on Thursday.\n\n"
        "Daily Courier: What is the ministry's position on the new tariffs?\n\n"
        "Mira Kovac: We oppose unilateral tariffs. They harm both sides.\n\n"
        "Radio North: Will there be countermeasures?\n\n"
        "Mira Kovac: We will protect our interests, calmly and within the rules.\n"
    )
    assert said(extract(text, nlp, gazetteer)) == [
        ("Mira Kovac", "We oppose unilateral tariffs. They harm both sides."),
        ("Mira Kovac", "We will protect our interests, calmly and within the rules."),
    ]


def test_a_quotation_in_single_marks_continued_in_the_next_paragraph(nlp, gazetteer):
    text = (
        "Fisheries deal signed in Suva\n\n"
        "Fisheries Minister Aleki Tupou said: ‘This agreement protects our stocks for a generation. It took four years.\n\n"
        "‘Our fishermen will see the difference within a season.’\n\n"
        "The Pacific’s other producers are expected to sign next year.\n"
    )
    assert said(extract(text, nlp, gazetteer)) == [
        ("Aleki Tupou", "This agreement protects our stocks for a generation. It took four years."),
        ("Aleki Tupou", "Our fishermen will see the difference within a season."),
    ]


def test_that_was_whose_verdict_names_the_speaker_as_an_owner(nlp, gazetteer):
    text = (
        "Housing Minister Carla Mendes and opposition leader Rui Faria debated the plan on Monday.\n\n"
        "\"Build first, argue later.\" That was Faria's blunt answer to the critics.\n"
    )
    assert said(extract(text, nlp, gazetteer)) == [("Rui Faria", "Build first, argue later.")]
    # Somebody the text does not name as a person: nobody.
    text = text.replace("That was Faria's blunt answer", "That is the party's answer")
    assert said(extract(text, nlp, gazetteer)) == []


def test_a_quote_going_on_after_one_an_unnamed_speaker_said_stays_unnamed(nlp, gazetteer):
    text = (
        "Health Minister Petra Novak left the talks early on Monday. "
        "\"We need more time,\" an aide said. \"The minister has not slept in two days.\"\n"
    )
    assert said(extract(text, nlp, gazetteer)) == [(None, "The minister has not slept in two days.")]  # kept, but nobody is named
    # A named speaker's words going on keep the speaker.
    text = text.replace("an aide said", "Novak said")
    assert said(extract(text, nlp, gazetteer)) == [
        ("Petra Novak", "We need more time,"),
        ("Petra Novak", "The minister has not slept in two days."),
    ]


def test_words_a_pronoun_chants_or_a_sign_reads_are_not_the_subject_before(nlp, gazetteer):
    text = (
        "Health Minister Petra Novak met nurses outside the hospital on Monday. "
        "\"Give us our overtime back!\" they chanted.\n\n"
        "Petra Novak faces a revolt. Nurses held signs reading \"Novak must go\" and \"No more unpaid night shifts for anyone.\"\n"
    )
    assert said(extract(text, nlp, gazetteer)) == [(None, "No more unpaid night shifts for anyone.")]
    # A verb of saying before the words in their sentence: the subject's words.
    text = "Health Minister Petra Novak said the hospital \"will stay open through the winter.\"\n"
    assert said(extract(text, nlp, gazetteer)) == [("Petra Novak", "will stay open through the winter.")]


def test_quotations_in_a_list_of_bullet_items(nlp, gazetteer):
    text = (
        "The Morning Briefing\n\n"
        "• Central bank governor Lena Aalto said inflation \"is falling, but not fast enough.\"\n"
        "• Finland's prime minister, Ville Koskinen, called the pension plan \"dead on arrival.\"\n"
    )
    assert said(extract(text, nlp, gazetteer)) == [
        ("Lena Aalto", "is falling, but not fast enough."),
        ("Ville Koskinen", "dead on arrival."),
    ]


def test_the_charity_said_refers_to_the_organization_just_named_as_subject(nlp, gazetteer):
    text = (
        "Relief appeal\n\n"
        "The World Food Programme warned on Monday that 1.4 million people in Chad face hunger. "
        "\"Without new funding, we will have to cut rations in May,\" the agency said.\n"
    )
    assert said(extract(text, nlp, gazetteer)) == [("World Food Programme", "Without new funding, we will have to cut rations in May,")]
    # Another organization named after it, as an object: which one the phrase means, the text does not say.
    text = text.replace("face hunger.", "face hunger after cuts by the European Union.")
    assert said(extract(text, nlp, gazetteer)) == [(None, "Without new funding, we will have to cut rations in May,")]


# ----------------------------------------------------------------------------- round 7: layouts of unseen writers


def test_interview_introduced_with_a_colon_telling_the_interviewer(nlp, gazetteer):
    # The introduction ends with 'Edited excerpts:', not a period; the one told ('tells Jan Doe')
    # is the interviewer; questions in capitals are the interviewer's.
    text = (
        "MARKETS | INTERVIEW\n\n"
        "'We will not cut before the summer'\n\n"
        "Treasury Secretary Lena Marsh, who took office in May, tells Oskar Brandt that the budget will hold. Edited excerpts:\n\n"
        "Harbourtown, March 9, 2026\n\n"
        "THE DEFICIT TARGET IS 3 PER CENT. IS THAT REALISTIC?\n\n"
        "It is realistic. We ended last year at 3.2 per cent, as we promised.\n\n"
        "WHAT ABOUT GROWTH?\n\n"
        "We expect 2 per cent. Exports are picking up and our banks are lending again.\n\n"
        "WILL TAXES RISE?\n\n"
        "No. We have room in the budget, and I intend to keep it that way.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert ("Lena Marsh", "It is realistic. We ended last year at 3.2 per cent, as we promised.") in said(record)
    assert ("Lena Marsh", "No. We have room in the budget, and I intend to keep it that way.") in said(record)
    assert all(speaker == "Lena Marsh" for speaker, _ in said(record))
    assert not any("Oskar Brandt" == speaker for speaker, _ in said(record))


def test_two_questions_answered_in_the_first_person_are_an_interview(nlp, gazetteer):
    text = (
        "Port chief counts the cost of the strike\n\n"
        "The director of the port of Valdora, Tomas Berg, gave an interview to local radio on Monday about the strike that closed the docks.\n\n"
        "How much did the strike cost?\n\n"
        "We lost about 12 million euros in fees, and our customers lost much more than that.\n\n"
        "Will you raise fees to recover it?\n\n"
        "No. We will absorb it this year and look at our costs instead.\n\n"
        "The port reopened on Tuesday after the union accepted a pay rise of 5 per cent over two years.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Tomas Berg", "We lost about 12 million euros in fees, and our customers lost much more than that."),
        ("Tomas Berg", "No. We will absorb it this year and look at our costs instead."),
    ]


def test_two_questions_answered_by_the_writer_are_no_interview(nlp, gazetteer):
    # An explainer asks and answers itself, in nobody's first person.
    text = (
        "What the strike means for shoppers\n\n"
        "The director of the port of Valdora, Tomas Berg, said on Monday that the docks would reopen this week.\n\n"
        "Will prices rise?\n\n"
        "Probably a little. Importers pass on part of their costs within a few weeks.\n\n"
        "Will shelves be empty?\n\n"
        "No. Most goods arrive by road from the north.\n"
    )
    assert extract(text, nlp, gazetteer).quotes == []


def test_numbered_question_and_answer_labels(nlp, gazetteer):
    for q1, a1, q2, a2 in (("Q1", "A1", "Q2", "A2"), ("Question 1", "Answer 1", "Question 2", "Answer 2"), ("1. Question", "Answer", "2. Question", "Answer")):
        text = (
            "Readers ask the minister\n\n"
            "Transport Minister Ana Pires answered questions from our readers about the rail plan presented on Wednesday.\n\n"
            f"{q1}: When will the new line to the north open?\n\n"
            f"{a1}: We expect the first trains to run in 2029. The tunnels are the hardest part.\n\n"
            f"{q2}: How much will tickets cost?\n\n"
            f"{a2}: Fares will be set by the operator, but we have asked that they stay in line with inflation.\n"
        )
        record = extract(text, nlp, gazetteer)
        assert said(record) == [
            ("Ana Pires", "We expect the first trains to run in 2029. The tunnels are the hardest part."),
            ("Ana Pires", "Fares will be set by the operator, but we have asked that they stay in line with inflation."),
        ], q1


def test_labels_with_a_post_after_a_comma(nlp, gazetteer):
    # 'Dr. Jane Roe, Director General:' and a questioner's 'Question from Radio X:'.
    text = (
        "Health agency briefing on cholera\n\n"
        "Transcript of the weekly press briefing, 5 March 2026, Addis Ababa\n\n"
        "Dr. Samuel Okafor, Director General: Good morning. This week we recorded 4,210 new cholera cases in nine countries.\n\n"
        "Dr. Amina Diallo, Head of Emergencies: We have deployed 40 experts to the three worst-hit provinces.\n\n"
        "Question from Radio Horizon: How many doses are available?\n\n"
        "Dr. Samuel Okafor, Director General: We have 1.2 million doses in stock, and another million arrive next week.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Samuel Okafor", "Good morning. This week we recorded 4,210 new cholera cases in nine countries."),
        ("Amina Diallo", "We have deployed 40 experts to the three worst-hit provinces."),
        ("Samuel Okafor", "We have 1.2 million doses in stock, and another million arrive next week."),
    ]


def test_a_radio_hosts_turns_by_family_name_are_the_chairs(nlp, gazetteer):
    text = (
        "Ports brace for a long strike\n\n"
        "LEILA MARSH, HOST:\n\n"
        "Dockworkers at the port of Valdora walked out on Monday. Our correspondent Tom Reyes is at the gates.\n\n"
        "TOM REYES, BYLINE: Leila, the picket line is about two hundred people strong this morning.\n\n"
        "MARSH: And what are they asking for?\n\n"
        "REYES: I spoke to the union leader, Anna Kowal.\n\n"
        "ANNA KOWAL: We have waited three years for this contract. We will wait as long as it takes.\n\n"
        "MARSH: Tom Reyes in Valdora, where the strike goes on.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [("Anna Kowal", "We have waited three years for this contract. We will wait as long as it takes.")]


def test_interview_highlights_by_topic(nlp, gazetteer):
    text = (
        "Marsh: no rush to cut rates\n\n"
        "Central bank governor Lena Marsh said in an interview with Business Radio on Tuesday that the bank could hold rates steady. Highlights:\n\n"
        "- On rates: We are in a good place, and we can afford to wait.\n"
        "- On inflation: Services inflation is still too high; wages are rising about 5 per cent a year.\n\n"
        "On the currency:\n\n"
        "The exchange rate is not a target for us.\n\n"
        "The bank meets again on June 12.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Lena Marsh", "We are in a good place, and we can afford to wait."),
        ("Lena Marsh", "Services inflation is still too high; wages are rising about 5 per cent a year."),
        ("Lena Marsh", "The exchange rate is not a target for us."),
    ]


def test_topic_lines_in_a_report_that_announces_no_interview(nlp, gazetteer):
    text = (
        "Council sets its budget\n\n"
        "Mayor Lena Marsh presented the budget to the council on Tuesday.\n\n"
        "On housing: the council will build 400 homes over three years.\n\n"
        "On transport: two bus lines will run through the night from May.\n"
    )
    assert extract(text, nlp, gazetteer).quotes == []


def test_a_labelled_exchange_inside_a_report_is_quoted(nlp, gazetteer):
    # The report quotes in quote marks and prints a short labelled exchange without calling it a
    # transcript: the exchange is what it quotes too.
    text = (
        "Pacific police join fisheries patrols\n\n"
        "\"We cannot police the ocean with three boats,\" said Josefa Naivalu, the coalition's chair.\n\n"
        "Speaking to Island Radio, Police Commissioner Viliami Tonga said drug trafficking was a growing concern.\n\n"
        "ISLAND RADIO: Is fishing really the priority?\n\n"
        "COMMISSIONER TONGA: It is the same boats, often. A vessel fishing illegally tonight can carry drugs tomorrow.\n\n"
        "ISLAND RADIO: So will the patrols look for both?\n\n"
        "COMMISSIONER TONGA: Yes. One patrol, one intelligence picture, every crime.\n\n"
        "Mr Tonga said the first joint exercise would be held in July.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Josefa Naivalu", "We cannot police the ocean with three boats,"),
        ("Viliami Tonga", "It is the same boats, often. A vessel fishing illegally tonight can carry drugs tomorrow."),
        ("Viliami Tonga", "Yes. One patrol, one intelligence picture, every crime."),
    ]


def test_a_participle_of_saying_takes_the_subject_of_its_verb(nlp, gazetteer):
    text = (
        "Allies back the missile plan\n\n"
        "Under Secretary of Defense for Acquisition Ryan Kowal welcomed the plan in a statement, saying allies “must take a bigger share of the burden.”\n\n"
        "Defence Minister Jana Lind welcomed it too, saying it would “strengthen deterrence for a decade to come.”\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Ryan Kowal", "must take a bigger share of the burden."),
        ("Jana Lind", "strengthen deterrence for a decade to come."),
    ]


def test_words_of_somebody_unnamed_are_not_the_last_speakers(nlp, gazetteer):
    text = (
        "Ministers debate a drone wall\n\n"
        "Estonian Defence Minister Margus Kask wants a drone wall on the eastern flank. \"Every day we talk, Russia builds more drones,\" "
        "Kask said in a statement. Not everyone is convinced; a senior diplomat from a western member state called it \"a wall made of press releases.\"\n\n"
        "\"It will be a long night,\" a Kask campaign aide said. \"We are ready for it.\"\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [("Margus Kask", "Every day we talk, Russia builds more drones,")]


def test_the_ministry_of_a_press_release_named_only_in_its_contact_lines(nlp, gazetteer):
    text = (
        "Finland takes the lead of the cable coalition\n\n"
        "Helsinki, 22 January 2026 – Finland has taken over the Baltic cable protection group, Minister of Defence Aino Kallas announced on Thursday.\n\n"
        "\"Deliveries of the first shared seabed sensors start in May,\" the ministry's statement says.\n\n"
        "Leadership of the group rotates every year among its members.\n\n"
        "Further information:\n"
        "Mikko Salo, Special Adviser to the Minister of Defence, tel. +358 295 140 000\n"
        "Ministry of Defence communications, press@defence.example\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [("Ministry of Defence", "Deliveries of the first shared seabed sensors start in May,")]


def test_a_signature_with_a_post_before_the_name(nlp, gazetteer):
    text = (
        "Port strike ends after talks\n\n"
        "Union leader Tomasz Wilk told reporters the deal was fair. “We got what we came for,” Wilk said.\n\n"
        "“The port will reopen to all traffic at six in the morning, and the backlog will be cleared within a week.”\n\n"
        "— Harbour Master Elena Duarte\n\n"
        "Talks on a new wage agreement will resume in March.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Tomasz Wilk", "We got what we came for,"),
        ("Elena Duarte", "The port will reopen to all traffic at six in the morning, and the backlog will be cleared within a week."),
    ]


def test_the_ministry_is_nobody_when_the_article_names_two(nlp, gazetteer):
    text = (
        "Finland and Estonia agree on cable patrols\n\n"
        "Helsinki, 22 January 2026 – Finland and Estonia will patrol the Gulf of Finland together, officials said on Thursday.\n\n"
        "\"Deliveries of the first shared seabed sensors start in May,\" the ministry's statement says.\n\n"
        "The Estonian Ministry of Defence and the Finnish Ministry of the Interior will share the costs.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert [speaker for speaker, _ in said(record)] in ([], [None])


def test_a_list_of_quotations_under_a_line_that_introduces_them(nlp, gazetteer):
    text = (
        "Marsh sees no rush to cut rates\n\n"
        "Central bank governor Lena Marsh said the bank could keep rates on hold for several months, in a television interview on Tuesday.\n\n"
        "Key comments:\n\n"
        "- “We are in a good place. Policy is restrictive but not punishing.”\n"
        "- On the currency: “The exchange rate is not a target.”\n"
        "- “Wages are rising too fast,” said Paul Ode, her deputy.\n\n"
        "The bank's next decision is due on June 12.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Lena Marsh", "We are in a good place. Policy is restrictive but not punishing."),
        ("Lena Marsh", "The exchange rate is not a target."),
        ("Paul Ode", "Wages are rising too fast,"),
    ]


def test_list_items_in_quote_marks_under_a_sentence_are_not_listed_speech(nlp, gazetteer):
    # The line above the list is a sentence, not one introducing quotations: nobody's words.
    text = (
        "Council names the new streets\n\n"
        "Mayor Lena Marsh opened the new district on Tuesday. The council chose these names.\n\n"
        "- “Harbour Lane of the Old Fishermen”\n"
        "- “Ropewalk Street by the River Gate”\n"
    )
    record = extract(text, nlp, gazetteer)
    assert all(speaker is None for speaker, _ in said(record))


def test_a_speakers_first_label_with_a_post_then_the_name_alone(nlp, gazetteer):
    text = (
        "Foreign Ministry Spokesperson's Regular Press Conference on March 4, 2026\n\n"
        "Spokesperson Lin Wei: The Foreign Minister will visit Kenya and Egypt next week.\n\n"
        "Harbour Daily: Will the minister meet the President of Kenya?\n\n"
        "Lin Wei: I have nothing more to share at the moment.\n\n"
        "Island Radio: Exports fell 3 per cent in February. What is your comment?\n\n"
        "Lin Wei: I would refer you to the competent authorities.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Lin Wei", "The Foreign Minister will visit Kenya and Egypt next week."),
        ("Lin Wei", "I have nothing more to share at the moment."),
        ("Lin Wei", "I would refer you to the competent authorities."),
    ]


def test_labels_in_mixed_case_alone_on_their_lines(nlp, gazetteer):
    # Each speaker's label alone on its line, printed again at each turn (a repeated line that is
    # still a label).
    text = (
        "Health agency briefing on the cholera outbreak\n\n"
        "Transcript of the weekly press briefing, 5 March 2026\n\n"
        "Dr. Samuel Okafor:\n"
        "Good morning. This week we recorded 4,210 new cholera cases in nine countries.\n\n"
        "Moderator:\n"
        "Thank you. We now take questions.\n\n"
        "Journalist, Radio Horizon:\n"
        "How many doses are available?\n\n"
        "Dr. Samuel Okafor:\n"
        "We have 1.2 million doses in stock, and another million arrive next week.\n\n"
        "Dr. Amina Diallo:\n"
        "Vaccination starts on Monday in the three worst-hit provinces.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Samuel Okafor", "Good morning. This week we recorded 4,210 new cholera cases in nine countries."),
        ("Samuel Okafor", "We have 1.2 million doses in stock, and another million arrive next week."),
        ("Amina Diallo", "Vaccination starts on Monday in the three worst-hit provinces."),
    ]


def test_a_signature_with_words_of_address(nlp, gazetteer):
    text = (
        "Minister announces support for flood-hit farmers\n\n"
        "The Minister of Finance, Claire Dubois, today announced $250 million in support for farmers affected by last year's floods.\n\n"
        "Quotes\n\n"
        "\"Farmers who lost their crops deserve to know that their government has their back.\"\n\n"
        "- The Honourable Claire Dubois, Minister of Finance\n\n"
        "\"Our producers have been waiting for this news.\"\n\n"
        "- The Honourable Marc Tremblay, Minister of Agriculture\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Claire Dubois", "Farmers who lost their crops deserve to know that their government has their back."),
        ("Marc Tremblay", "Our producers have been waiting for this news."),
    ]


def test_a_quotation_under_a_sentence_saying_the_person_spoke(nlp, gazetteer):
    text = (
        "Election night\n\n"
        "Luis Ortega conceded the race in a short speech to supporters in Springfield on Tuesday night.\n\n"
        "“The people have spoken, and I respect their decision.”\n"
    )
    assert said(extract(text, nlp, gazetteer)) == [("Luis Ortega", "The people have spoken, and I respect their decision.")]
    # A long sentence about the person, saying nothing of speaking: the words under it are nobody's.
    text = (
        "Election night\n\n"
        "Luis Ortega met the leaders of the farmers' union in Springfield on Tuesday before the results came in from the north.\n\n"
        "“We want water for our fields and a fair price for our milk.”\n"
    )
    assert said(extract(text, nlp, gazetteer)) == [(None, "We want water for our fields and a fair price for our milk.")]


def test_a_radio_interview_with_the_host_labelled_by_post(nlp, gazetteer):
    # 'LEILA MARSH, HOST:' then 'MARSH:': the host's turns are the chair's; a greeting by name
    # ('Good morning, Leila.') says nothing.
    text = (
        "Dockworkers dig in for a long strike\n\n"
        "LEILA MARSH, HOST: Dockworkers at the port of Brest walked out on Monday. The head of their union, Anna Kowal, joins us now.\n\n"
        "ANNA KOWAL: Good morning, Leila.\n\n"
        "MARSH: What are your members asking for?\n\n"
        "KOWAL: A raise of 8 per cent over two years. The port has offered 4, and that is not enough.\n\n"
        "MARSH: The port says that would cost it 30 million euros a year.\n\n"
        "KOWAL: They made a profit of 90 million last year. They can afford it.\n"
    )
    record = extract(text, nlp, gazetteer)
    assert said(record) == [
        ("Anna Kowal", "A raise of 8 per cent over two years. The port has offered 4, and that is not enough."),
        ("Anna Kowal", "They made a profit of 90 million last year. They can afford it."),
    ]


def test_quotations_after_a_line_saying_what_the_person_said(nlp, gazetteer):
    text = (
        "Marsh sees no rush to cut rates\n\n"
        "Central bank governor Lena Marsh said on Tuesday that the bank could keep rates on hold for months. "
        "Here is what she told Business Television:\n\n"
        "\"We are in a good place. Policy is restrictive but not punishing.\"\n\n"
        "\"Services inflation is still too high, and wages are rising about 5 per cent a year.\"\n"
    )
    assert said(extract(text, nlp, gazetteer)) == [
        ("Lena Marsh", "We are in a good place. Policy is restrictive but not punishing."),
        ("Lena Marsh", "Services inflation is still too high, and wages are rising about 5 per cent a year."),
    ]
    text = (
        "Marsh sees no rush to cut rates\n\n"
        "Central bank governor Lena Marsh said on Tuesday that the bank could keep rates on hold for months. "
        "Here is some of what she said, lightly edited:\n\n"
        "On rates: \"We are in a good place. Policy is restrictive but not punishing.\"\n\n"
        "On her term: \"I intend to serve it out.\"\n"
    )
    assert said(extract(text, nlp, gazetteer)) == [
        ("Lena Marsh", "We are in a good place. Policy is restrictive but not punishing."),
        ("Lena Marsh", "I intend to serve it out."),
    ]


def test_a_numbered_list_with_topics_is_no_transcript(nlp, gazetteer):
    text = (
        "What the council decided\n\n"
        "Mayor Lena Marsh presented the budget to the council on Tuesday.\n\n"
        "1. Housing: the council will build 400 homes over three years.\n\n"
        "2. Transport: two bus lines will run through the night from May.\n\n"
        "3. Schools: every school gets a new roof by 2028.\n"
    )
    assert extract(text, nlp, gazetteer).quotes == []


def test_labels_after_a_time_stamp(nlp, gazetteer):
    text = (
        "Weekly briefing on the outbreak\n\n"
        "Transcript, 5 March 2026\n\n"
        "[00:00:12] Dr Samuel Okafor: Good morning. This week we recorded 4,210 new cases in nine countries.\n\n"
        "[00:02:40] Moderator: We now take questions. First, Radio Horizon.\n\n"
        "[00:03:05] Radio Horizon: How many doses are available?\n\n"
        "[00:03:30] Dr Samuel Okafor: We have 1.2 million doses in stock, and another million arrive next week.\n"
    )
    assert said(extract(text, nlp, gazetteer)) == [
        ("Samuel Okafor", "Good morning. This week we recorded 4,210 new cases in nine countries."),
        ("Samuel Okafor", "We have 1.2 million doses in stock, and another million arrive next week."),
    ]


def test_words_posted_on_social_media_are_the_posters(nlp, gazetteer):
    text = (
        "Ministers agree on the spending target\n\n"
        "Foreign Minister Ana Lopes met her counterparts in Brussels on Monday.\n\n"
        "Lopes later posted on X that the agreement was \"a historic day for Europe and its citizens\".\n"
    )
    assert said(extract(text, nlp, gazetteer)) == [("Ana Lopes", "a historic day for Europe and its citizens")]


def test_a_verdict_naming_the_speaker_in_the_next_paragraph(nlp, gazetteer):
    text = (
        "A warning from the north\n\n"
        "\"We are not afraid, but we are prepared.\"\n\n"
        "That was the message from Finland's defence minister, Aino Kallas, as she opened the exercise on Monday.\n\n"
        "Kallas said the drills would last two weeks.\n"
    )
    assert said(extract(text, nlp, gazetteer)) == [("Aino Kallas", "We are not afraid, but we are prepared.")]


def test_the_last_turn_runs_to_the_transcripts_closing_line(nlp, gazetteer):
    text = (
        "Transcript: Governor Han Min-jun's press conference on the rate decision\n\n"
        "Bank of Korea Governor Han Min-jun spoke to reporters in Seoul on Thursday.\n\n"
        "GOVERNOR HAN: Good afternoon. The board decided today to keep the base rate at 3.5 per cent.\n\n"
        "Q: When will you cut?\n\n"
        "GOVERNOR HAN: When inflation is clearly on its way to 2 per cent. We are not there yet.\n\n"
        "Services prices are still rising at more than 4 per cent a year.\n\n"
        "[END]\n"
    )
    assert said(extract(text, nlp, gazetteer))[-1] == ("Han Min-jun", "Services prices are still rising at more than 4 per cent a year.")
    # Without a closing line, the paragraph after the last turn may be the report going on: left out.
    record = extract(text.replace("[END]\n", "The bank meets again in May.\n"), nlp, gazetteer)
    assert ("Han Min-jun", "The bank meets again in May.") not in said(record)


def test_a_speakers_name_alone_on_its_line_in_mixed_case(nlp, gazetteer):
    text = (
        "Weekly briefing on the outbreak\n\n"
        "Health agency director Samuel Okafor and Moderator Ines Lund held the weekly briefing on 5 March 2026.\n\n"
        "Samuel Okafor\n"
        "Good morning. This week we recorded 4,210 new cases in nine countries.\n\n"
        "Moderator\n"
        "We now take questions. First, Radio Horizon.\n\n"
        "Samuel Okafor\n"
        "We have 1.2 million doses in stock, and another million arrive next week.\n"
    )
    assert said(extract(text, nlp, gazetteer)) == [
        ("Samuel Okafor", "Good morning. This week we recorded 4,210 new cases in nine countries."),
        ("Samuel Okafor", "We have 1.2 million doses in stock, and another million arrive next week."),
    ]


def test_names_alone_over_profiles_are_no_labels(nlp, gazetteer):
    text = (
        "The new cabinet\n\n"
        "Prime Minister Ana Lopes named her ministers on Monday.\n\n"
        "Samuel Okafor\n"
        "The new finance minister, 54, ran the central bank for six years.\n\n"
        "Ines Lund\n"
        "The new health minister was a surgeon in Bergen before entering politics.\n"
    )
    assert extract(text, nlp, gazetteer).quotes == []


def test_labels_in_capitals_with_a_dash_for_the_colon(nlp, gazetteer):
    text = (
        "Weekly briefing on the outbreak\n\n"
        "Transcript, 5 March 2026. Speakers: Dr Samuel Okafor, director general.\n\n"
        "DR SAMUEL OKAFOR — Good morning. This week we recorded 4,210 new cases in nine countries.\n\n"
        "MODERATOR — We now take questions. First, Radio Horizon.\n\n"
        "RADIO HORIZON — How many doses are available?\n\n"
        "DR SAMUEL OKAFOR — We have 1.2 million doses in stock, and another million arrive next week.\n"
    )
    assert said(extract(text, nlp, gazetteer)) == [
        ("Samuel Okafor", "Good morning. This week we recorded 4,210 new cases in nine countries."),
        ("Samuel Okafor", "We have 1.2 million doses in stock, and another million arrive next week."),
    ]


def test_a_dateline_with_a_dash_is_no_label(nlp, gazetteer):
    text = (
        "Ministers agree on air defence\n\n"
        "BRUSSELS — Defence ministers agreed on Thursday to buy more air defence systems together.\n\n"
        "\"We must do more, and faster,\" said Secretary General Mark Rutland.\n\n"
        "WASHINGTON — The Pentagon welcomed the decision.\n"
    )
    assert said(extract(text, nlp, gazetteer)) == [("Mark Rutland", "We must do more, and faster,")]


def test_quotations_under_a_sentence_reporting_what_the_person_said(nlp, gazetteer):
    text = (
        "Marsh sees no rush to cut rates\n\n"
        "Central bank governor Lena Marsh said in an interview with Business Television on Tuesday that the bank could keep rates on hold for months.\n\n"
        "\"We are in a good place. Policy is restrictive but not punishing, and we can afford to wait.\"\n\n"
        "\"Services inflation is still too high, and wages are rising about 5 per cent a year.\"\n"
    )
    assert said(extract(text, nlp, gazetteer)) == [
        ("Lena Marsh", "We are in a good place. Policy is restrictive but not punishing, and we can afford to wait."),
        ("Lena Marsh", "Services inflation is still too high, and wages are rising about 5 per cent a year."),
    ]
    # A sentence whose verb is not one of saying, with a clause about something else: nobody's words.
    text = text.replace("said in an interview with Business Television on Tuesday that", "expects, according to a note from the bank, that")
    assert all(speaker is None for speaker, _ in said(extract(text, nlp, gazetteer)))
