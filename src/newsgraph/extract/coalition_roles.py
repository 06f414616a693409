"""Who leads, joins or is joining a coalition, read from the words around its mentions.

A clause (a sentence, or a part of one between semicolons) is written as a mask: each coalition
mention becomes ‹C0›, each organization ‹O1›, each list of countries ‹L2› and each country
written as an owner ("Finland's") ‹P3›. The patterns below are regular expressions over that
mask, so that one pattern reads "‹C› , led by ‹L›" whatever the names are:

* leads: "C, led by L", "C will, in 2026, again be led by L", "L-led C", "L leads C together
  with L2", "C, which L co-leads with L2", "L, spearheading C alongside L2", "L's leadership in C",
  "thank L for its leadership", "L's envoy, who chairs C", "L is the lead nation of C", "L will
  take over the chairmanship of C", "Under the leadership of L, C …", "C, led by L's prime
  minister", "led respectively by L" after a list of coalitions;
* members: "L joined C (alongside L2)", "C, whose members are L", "C - L", "C, the group of L",
  "the Weimar Triangle of L", "C … brings together / includes / counts L (as members)",
  "… countries, among them L", "L were among the founding members", "L, a member of C", "with L
  as founding members", "Its members are L", "Fellow members L", "L joined last year" (the
  coalition of the sentences before), "L is reported to have joined", "L also contribute
  warships", "with frigates from L", "Under C, L have …", "L's participation in C", "C was
  launched by L", "made up of 40 observers from L", "It deployed observers from eight member
  states: L", "L signed its charter", "C now has six members: L", "L is the latest country to
  join C", "C added L in 2010 and L2 in 2024", "have since been joined by L";
  "L deposited its instrument of ratification of C", "L confirmed that it has joined", "we have been told
  that L has joined", "L, a founding member, and L2, which joined last October, also …", "joined together
  with L", "Seven founding members: L as co-chairs, plus L2", "L already take part", "L have been part of C";
* joining, not yet members: "L is in the process of joining", "L are expected to sign", "said L was in the
  process of joining";
* never members: "L has not joined C", "L, which is not a member of C", "L, also outside C".

More leads: "C, a joint campaign spearheaded by L", "L has been chosen to lead C", "It is co-chaired by
L", "L holds the bloc's rotating presidency", "Fiji's prime minister will chair C", "C - co-led by L -",
"L has spearheaded C", "C, with L at the helm", "Under L's leadership, C", "C, whose co-chairs are L",
"C will be led by L, with L2 as co-lead", "L, which co-leads C with Berlin" (a capital sharing the lead).
A second lead that is the subject of what follows is not one: "led by L, and L2 have joined it", "led by
L, with L2 as members". A headline's "L to join C" is joining.

A pattern that holds a negation ("has not joined", "took part as observers", "has so far
refused") or a hypothesis ("would sign up", "could join") says nothing, except that a negated
membership takes the country out of the coalition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: One marker of the mask: ‹C0›, ‹O1›, ‹L2›, ‹P3›.
MARK = re.compile(r"‹([COLP])(\d+)›")

_C = r"(?P<c>‹C\d+›)"  # a coalition mention
_CO = r"(?P<c>‹[CO]\d+›)"  # a coalition mention or an organization that may be one ("Mercosur - …")
_L = r"(?P<l>‹L\d+›)"  # countries
_LO = r"(?P<l>‹[LO]\d+›)"  # countries, or an organization as a lead ("spearheaded by the EU")
_L2 = r"(?P<l2>‹L\d+›)"
#: A second lead, unless it is the subject of the next clause: "led by Chile and Norway, and Peru and Panama
#: have joined it" (Peru and Panama are members); a verb after a comma is the sentence's own ("The group, led by
#: Estonia, this year alongside Canada, has trained …").
_NOT_SUBJECT = (r"(?!\s+(?:have|has|had|are|is|were|was|will|would|also|now|then|later|joined|joins|"
                r"join|signed|became|remain|remains|took|take|takes|participate|participates|contribute|contributes)\b)"
                r"(?!\s*,?\s+(?:as|among|taking\s+part|participating|contributing|joining)\b)"
                r"(?!\s+(?:a|an|one|just|only|merely)\s)")  # "with L2 a founding member": what L2 is, said without a verb
_L2O = r"(?P<l2>‹[LO]\d+›)" + _NOT_SUBJECT
_P = r"(?P<l>‹P\d+›)"  # a country as an owner: "Finland's"
_THE = r"(?:the\s+)?"
#: Words between the parts of a pattern: no marker, no clause break.
_W = r"[^‹›;]"
#: Words that may cross an organization's name: "… to the area under Nato's Baltic Sentry".
_WO = r"(?:[^‹›;]|‹O\d+›)"
#: Words between a coalition and "led by": none, or a clause that goes on about the coalition
#: ("which is", "will, in 2026, again be", "of 19 agricultural exporters"), holding no other thing
#: that could be what is led ("the first UDCG gathering chaired by …", "the bloc's tariff, as a
#: push led by …"): no determiner, no owner.
_TO_LED = (r"(?:\s+(?:for|in|on)\s+(?:the\s+)?‹L\d+›)?"  # "the demining coalition for Ukraine, which …": whom it serves
           # "Aspides, the EU's naval operation in the Red Sea, which is commanded by …": where it operates, a name
           r"(?:\s+(?:in|on|off|across|over)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}(?=\s*,))?"
           # "The group, in which Bulgaria and Turkey also take part, is led by Romania": a relative clause of its members
           r"(?:\s*,\s*(?:in|of|to)\s+which\s+[^;,]{0,90},(?=\s*(?:is|was|are|were|has|have|had|will|would)\b))?"
           r"\s*[\"”’']?(?:\s*\([A-Z][A-Za-z0-9+&-]{1,12}\))?\s*(?:,|\s[-–—]|\()?\s*(?:(?:which|that|who|is|was|are|were|has|have|had|will|would|shall|again|now|also|"
           r"jointly|currently|of|for|against|in|since|first|originally|initially|be|been|being|itself|once|still|later|previously|"
           r"then|until)\b(?:(?!\b(?:a|an|the|its|their|his|her|our|this|these|those)\b|['’]s\b)(?:[^‹›;]|‹O\d+›)){0,60}?)?")
#: Whom a coalition serves, right after its name: "the demining coalition for Ukraine" (no member of it).
_FOR_L = r"(?:\s+(?:for|in|on)\s+(?:the\s+)?‹L\d+›)?"
#: When (or where), between a verb and its "by": "founded in 2019 by", "led since 2022 by", "launched in May by".
_WHEN = (r"(?:\s+(?:in|since|until|from)\s+(?:\w+\s+)?\d{4}|\s+(?:last|this)\s+\w+|\s+two\s+years\s+ago|"
         r"\s+(?:in|since|until|from|at)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?|\s+on\s+\w+day){0,3}")  # "in Oslo on Monday"  # "in May", "in Geneva", "on Monday"
#: Words that may stand between a subject and its verb, or a verb and its object.
_ADV = (r"(?:\s+(?:now|also|already|again|jointly|currently|formally|officially|recently|so\s+far|then|still|"
        r"both|all|each|too|first|previously|originally|initially|today|yesterday|together|since|just|quickly|"
        r"this\s+week|last\s+week|this\s+year|on\s+\w+day|in\s+\d{4}|,\s*in\s+\d{4},))*")
_AUX = r"(?:\s+(?:has|have|had|is|are|was|were|will|would|shall|be|been|being|to\s+be|is\s+to\s+be|are\s+to\s+be))*"
#: A relative or appositive clause after a subject: "Ireland and Austria, which are not NATO members, joined …".
#: A negation inside it is about something else.
#: Or a description in apposition: "Indonesia, the world's largest nickel producer, is reported to have joined".
_PAREN = r"(?P<paren>,\s*(?:(?:which|who|also|both|each|itself|themselves|not)\b[^,;]{0,90}|(?:the|a|an)\s[^,;‹›\"“”]{3,60}),)?"
#: Who else, after the coalition: "… alongside Peru", ", together with France and the Netherlands".
_ALSO = (rf"(?:(?:\s*,\s*(?:formally|officially|(?:also\s+)?known\s+as|called)\s+{_THE}‹C\d+›)?"
         rf"(?:\s*[\"”’']?\s*,?\s*(?:together\s+with|jointly\s+with|along\s+with|alongside|with)|"
         rf"\s*[\"”’']?\s*,?{_W}{{0,40}}?\s(?:together\s+with|jointly\s+with|along\s+with|alongside))\s+{_THE}{{l2}}"
         rf"{_NOT_SUBJECT})?")

#: A second lead after "led by L": "and L2", "alongside L2", ", this year alongside L2" (not ", with L2": "led by
#: Chile, with Peru, Ghana and Norway" may name its members).
_CO_LEAD = (rf"(?:(?:\s+with|\s*,?\s*(?:and|together\s+with|alongside|along\s+with)|\s*,\s*(?:(?:this|last|next|that)\s+"
            rf"(?:year|time|round|term|month|season)|again|now|since\s+\d{{4}}|in\s+\d{{4}})\s*,?\s*(?:together\s+with|"
            rf"with|alongside|along\s+with|jointly\s+with))\s+{_THE}{{l2o}})?")

#: Who else leads, right after the coalition a verb says a country leads: "which Latvia leads with the United
#: Kingdom", "co-leads the group with the Netherlands"; not after a comma ("Germany will head C, together with
#: France and the Netherlands, which …" may name its members).
_ALSO_LEAD = (rf"(?:\s*[\"”’']?\s+(?:together\s+with|jointly\s+with|along\s+with|alongside|with)\s+{_THE}{{l2}}"
              rf"{_NOT_SUBJECT})?")

_LEAD_VERBS = (r"(?:co-?)?(?:led|chaired|headed|spearheaded|coordinated|steered|run|convened|championed|commanded|"
               r"directed|fronted|helmed|presided\s+over)")
_LEAD_VERBS_ACTIVE = (r"(?:co-?)?(?:lead|leads|leading|head|heads|heading|chair|chairs|chairing|spearhead|spearheads|"
                      r"spearheading|coordinate|coordinates|coordinating|run|runs|running|command|commands|steer|steers|"
                      r"helms|helm|helming|presides\s+over|preside\s+over|presiding\s+over|is\s+at\s+the\s+helm\s+of|"
                      r"(?:in|take|takes|took|taken|taking)\s+charge\s+of|in\s+command\s+of|at\s+the\s+head\s+of|"
                      r"(?<=has\s)(?:led|headed|chaired|spearheaded|co-led|co-chaired)|"
                      r"(?<=have\s)(?:led|headed|chaired|spearheaded|co-led|co-chaired)|"
                      r"spearheaded|co-led|co-chaired)")
_JOIN_VERBS = (r"(?:joined|join|joins|rejoined|(?:is|are|became|become)\s+(?:a\s+)?part(?:y|ies)\s+to|adhered\s+to|"
               r"adheres?\s+to|signed\s+up\s+(?:to|for|with)|signs?\s+up\s+(?:to|for|with)|"
               r"signed\s+on\s+to|signs?\s+on\s+to|acceded\s+to|accedes?\s+to|became\s+(?:a\s+)?members?\s+of|"
               r"become\s+(?:a\s+)?members?\s+of|(?:is|are)\s+(?:also\s+|now\s+)?(?:a\s+)?(?:full\s+|founding\s+|new\s+)?"
               r"members?\s+of|(?:is|are|was|were|been)\s+(?:also\s+|already\s+)?part\s+of|belongs?\s+to|took\s+part\s+in|takes?\s+part\s+in|"
               r"taken\s+part\s+in|participates?\s+in|participated\s+in|contributes?\s+to|contributed\s+to|"
               r"(?:is|are)\s+contributing\s+{w}{0,40}?\s*to|entered|make\s+up|makes\s+up|made\s+up|constitute|"
               r"signed\s+on\s+as\s+(?:\w+\s+)?(?:partners?|members?)\s+(?:to|of|in))")


#: "its seventh member", "the twentieth member".
_ORDINAL = (r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\w+teenth|"
            r"\w+tieth(?:-\w+)?)")
#: Those a mission or an operation is made of: "40 observers", "some 3,000 troops".
_PEOPLE = (r"(?:(?:some|about|around|more\s+than|over|nearly)\s+)?(?:[\d,]+\s+)?(?:\w+\s+)?(?:warships|frigates|"
           r"ships|vessels|troops|aircraft|jets|submarines|soldiers|forces|contingents|units|observers|monitors|"
           r"inspectors|officers|personnel|peacekeepers|experts|staff|police)")
#: The states they come from: "from Uruguay, Paraguay and Brazil", "from eight member states: Botswana, …".
_FROM_STATES = (r"from\s+(?:(?:[\w-]+\s+){0,3}?(?:countries|states|nations|member\s+states|members)\s*[:–—]\s*)?"
                r"(?:the\s+)?(?P<l>‹L\d+›)")
#: The founding text of a coalition: "signed its charter".
_CHARTER = (r"(?:founding\s+)?(?:charter|declaration|memorandum(?:\s+of\s+understanding)?|statute|accords?|pledge|"
            r"letter\s+of\s+intent)")

#: "the other members of C", "all the other Nordic countries in C": the rest of a coalition's members.
_OTHERS_OF_C = (r"(?:the\s+|all\s+the\s+|its\s+)?(?:\w+\s+)?other\s+(?:[\w-]+\s+)?(?:members|member\s+states|"
                r"member\s+countries|countries|states|nations|partners|allies|signatories|governments)\s+(?:of|in)\s+"
                r"(?:the\s+)?(?P<c>‹C\d+›)")


#: When and where a text was signed, after it: "in Geneva today", "on Friday", "last week".
_WHEN_WHERE = (r"(?:\s+(?:in|at)\s+(?:[A-Z][\w-]+\s*){1,3}|\s+on\s+(?:\w+day|\d{1,2}\s+[A-Z]\w+|[A-Z]\w+\s+\d{1,2})|"
               r"\s+(?:today|yesterday|this\s+(?:week|month|morning)|last\s+(?:week|month|year)|in\s+\d{4}))*")


def _p(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern.replace("{l2}", _L2).replace("{l2o}", _L2O).replace("{w}", _W).replace("{charter}", _CHARTER),
                      re.I)


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    role: str  # "lead", "member", "joining" or "not"
    needs_coalition: bool = True  # False: the coalition of the sentence, or of the sentences before
    hypothetical_ok: bool = False  # "will"/"would" do not make it hypothetical (leads: "will co-chair")
    unless: re.Pattern[str] | None = None  # words that make the match say nothing about membership
    min_parties: int = 1  # countries the list must hold ("the Weimar Triangle of France, Germany and Poland")
    infinitive_ok: bool = False  # "the latest country to join C" is a fact, not an intention


RULES: tuple[Rule, ...] = (
    # ---------------------------------------------------------------- leads
    Rule("led by", _p(rf"{_C}{_TO_LED}\b{_LEAD_VERBS}{_WHEN}\s+(?:jointly\s+|together\s+)?by\s+"
                      rf"{_THE}{_LO}{_CO_LEAD}"
                      rf"(?!\s*,?\s*respectively)"),
         "lead", hypothetical_ok=True),
    # A fact box's line "Led by: Turkey, with South Korea as co-lead": the leads of the coalition named before
    Rule("Led by: L", _p(rf"^\W*(?:co-?)?(?:led|chaired|headed)\s+by\s*[:–—]\s*{_THE}{_LO}(?=\s*(?:[.,;]|$))"),
         "lead", needs_coalition=False),
    Rule("led by, before", _p(rf"(?:^|[,:(]\s*)\W*{_LEAD_VERBS}\s+by\s+{_THE}{_LO}\s*,\s*{_THE}{_C}"), "lead"),
    # "Operation X, a joint mosquito-control campaign spearheaded by Brazil": a description of it, then who leads it
    Rule("C, a campaign led by L", _p(rf"{_C}\s*[\"”’']?\s*,\s*(?:a|an|the)\s+(?:[\w-]+\s+){{0,4}}?(?:campaign|effort|"
                                      rf"drive|programme|program|scheme|network|venture|undertaking|grouping|body|"
                                      rf"framework|arrangement|mechanism)\s+{_LEAD_VERBS}\s+(?:jointly\s+|together\s+)?by\s+"
                                      rf"{_THE}{_LO}(?:\s*,?\s*(?:and|together\s+with|with|alongside|along\s+with)\s+"
                                      rf"{_THE}{{l2o}})?(?!\s*,?\s*respectively)"),
         "lead", hypothetical_ok=True),
    Rule("L leads C", _p(rf"{_L}{_PAREN}(?:\s*,\s*(?:which|who|that)\b|\s*,)?(?:\s+{_W}{{0,25}}?)?{_AUX}{_ADV}\s*(?:will\s+|would\s+)?"
                         rf"{_ADV}\s*{_LEAD_VERBS_ACTIVE}\s+(?:{_WO}{{0,40}}?){_C}{_ALSO_LEAD}"),
         "lead", hypothetical_ok=True),
    Rule("C, which L leads", _p(rf"{_C}{_FOR_L}\s*[\"”’']?\s*,?\s*(?:which|that)\s+{_THE}{_L}{_AUX}{_ADV}\s*(?:will\s+|would\s+)?{_ADV}\s*"
                                rf"{_LEAD_VERBS_ACTIVE}\b(?:\s+(?:together|jointly))?(?:\s+(?:with|alongside|along\s+with)\s+"
                                rf"{_THE}{{l2}})?"),
         "lead", hypothetical_ok=True),
    # "the IT coalition remains under Estonia and Luxembourg": under the countries themselves, who lead it
    Rule("C remains under L", _p(rf"{_C}\s*,?\s+(?:is|are|was|were|remains|remain|remained|stays|stayed|will\s+remain|"
                                 rf"will\s+stay|will\s+be)\s+(?:now\s+|still\s+|again\s+|also\s+)?under\s+{_THE}{_L}"
                                 rf"(?:\s*,?\s*(?:and|with|alongside)\s+{_THE}{{l2}})?(?=\s*(?:[.,;:)]|$))"),
         "lead"),
    # "Chile and Peru launched the alliance in 2024 and still lead it": the subject of the first verb leads it
    Rule("L launched C and lead it", _p(rf"^\W*{_THE}{_L}{_PAREN}\s+{_W}{{0,40}}?‹C\d+›{_W}{{0,40}}?\s+and\s+"
                                        rf"(?:(?:still|now|also|jointly|currently|will|have\s+since|has\s+since)\s+)*"
                                        rf"(?:co-?)?(?:lead|leads|led|chair|chairs|chaired|head|heads|headed|run|runs)\s+{_C}"
                                        rf"(?=\s*(?:[.,;]|$|\s+(?:together|jointly|since|today|to\s+this\s+day)\b))"),
         "lead", hypothetical_ok=True),
    Rule("L's leadership in C", _p(rf"{_P}['’]s?\s+(?:\w+\s+)?(?:leadership|chairmanship|chairing|presidency)\s+"
                                   rf"(?:in|of|at)\s+{_THE}{_C}"), "lead"),
    # "… thank the Netherlands for leading this coalition from the very first day"
    Rule("thank L for leading C", _p(rf"thank(?:s|ed|ing)?\s+{_THE}{_L}\s+[\"“]?for\s+(?:co-?)?(?:leading|heading|chairing|"
                                     rf"spearheading|steering|coordinating)\s+(?:the\s+|this\s+|our\s+|your\s+)?{_C}"),
         "lead"),
    Rule("thank L for its leadership", _p(rf"(?:thank(?:s|ed|ing)?|(?:am|are|is|was|were|remain|feel)\s+(?:very\s+|deeply\s+|most\s+)?"
                                          rf"(?:grateful|thankful)\s+to|(?:our|my)\s+(?:\w+\s+)?(?:thanks|gratitude)\s+(?:go(?:es)?\s+)?to)"
                                          rf"\s+{_THE}{_L}\s+[\"“]?for\s+(?:its|their|her|his)\s+"
                                          rf"(?:\w+\s+)?leadership(?:\s+(?:of|in|on|at)\s+(?:the\s+|this\s+|our\s+|your\s+)?{_C})?"), "lead",
         needs_coalition=False),
    # "Fiji's prime minister will chair the alliance": the country's leader for the country
    Rule("L's prime minister will chair C", _p(rf"{_P}['’]s?\s+(?:(?:prime\s+minister|president|foreign\s+minister|"
                                               rf"head\s+of\s+state|government|leader|king|emir|chancellor)\s+)"
                                               rf"(?:will\s+|is\s+to\s+|is\s+set\s+to\s+)?(?:co-?)?(?:chair|chairs|lead|"
                                               rf"leads|head|heads|preside\s+over|presides\s+over)\s+{_THE}{_C}"),
         "lead", hypothetical_ok=True),
    Rule("L's envoy, who chairs C", _p(rf"{_P}['’]s?\s+{_W}{{0,90}}?,\s*who\s+(?:also\s+|now\s+|currently\s+)?"
                                       rf"(?:co-?)?(?:chairs|leads|heads|chaired|led|headed)\s+{_THE}{_C}"), "lead"),
    Rule("L is the lead nation of C", _p(rf"{_L}{_PAREN}(?:\s*,\s*|\s+(?:is|was|are|were|will\s+be|acts\s+as|serves\s+as|"
                                         rf"as)\s+)(?:the\s+|a\s+|its\s+)?(?:de\s+facto\s+|joint\s+|current\s+)?(?:(?:lead|leading|"
                                         rf"framework|coordinating)\s+(?:nation|country|state)s?|co-?(?:chairs?|leads?|"
                                         rf"leaders?|heads?)|chairs?|leaders?)\s+(?:of|for|in)\s+{_THE}{_CO}"),
         "lead", hypothetical_ok=True),
    # "Lithuania heads the coalition; Iceland is its co-lead.": the lead of the coalition of the clause, or of the
    # sentences before, said with an owner word (not "its lead contractor": the noun ends the phrase)
    Rule("L is its co-lead", _p(rf"{_L}{_PAREN}\s+(?:is|was|are|were|will\s+be|remains|remain|became|serves\s+as|"
                                rf"serve\s+as|acts\s+as|act\s+as)\s+(?:now\s+|also\s+|still\s+|currently\s+)?(?:its|their|"
                                rf"the\s+(?:coalition|alliance|group|initiative|partnership|task\s*force|mission|operation)['’]s|"
                                rf"(?:the\s+)?{_C}['’]s)\s+"
                                rf"(?:joint\s+|current\s+|other\s+|second\s+)?(?:co-?(?:leads?|leaders?|chairs?|heads?)|"
                                rf"(?:lead|leading|framework|coordinating)\s+(?:nation|country|state)s?|leads?|leaders?|chairs?)"
                                rf"(?=\s*(?:[.,;:)\"”]|$|\s(?:and|with|alongside|since)\b))"),
         "lead", needs_coalition=False, hypothetical_ok=True),
    Rule("L takes over C", _p(rf"{_L}{_PAREN}{_AUX}{_ADV}\s*(?:took|takes|take|taking|taken)\s+over\s+(?:as\s+)?"
                              rf"(?:the\s+)?(?:\w+\s+)?(?:leadership|chairmanship|presidency|chair|lead)\s+(?:of\s+)?"
                              rf"{_THE}{_C}"), "lead", hypothetical_ok=True),
    # "L took the lead in setting up C"; "… launched C, with L taking the lead"
    Rule("L took the lead in C", _p(rf"{_L}{_PAREN}{_AUX}{_ADV}\s*(?:took|takes|take|taking|taken)\s+(?:the\s+)?lead\s+"
                                    rf"(?:in|on|of)\s+(?:(?:forming|creating|setting\s+up|launching|building|founding|"
                                    rf"organi[sz]ing|running)\s+)?{_THE}{_C}"), "lead", hypothetical_ok=True),
    Rule("C, with L taking the lead", _p(rf"{_C}{_W}{{0,80}}?,?\s*with\s+{_THE}{_L}\s+(?:(?:taking|in)\s+(?:the\s+)?"
                                         rf"(?:lead|charge)|at\s+(?:the|its)\s+helm|in\s+the\s+chair)\b"), "lead"),
    # "Under Norway's leadership, the alliance has grown"
    Rule("under L's leadership, C", _p(rf"\bunder\s+{_P}['’]s?\s+(?:joint\s+|current\s+)?(?:leadership|chairmanship|"
                                       rf"presidency|command)\s*,\s*{_THE}{_C}"), "lead"),
    # "The Black Sea Demining Group, under Romania's leadership, …"; "… under the leadership of Romania"
    Rule("C, under L's leadership", _p(rf"{_C}\s*[\"”’']?\s*,\s*(?:now\s+|still\s+)?under\s+(?:{_P}['’]s?\s+(?:joint\s+|current\s+)?"
                                       rf"(?:leadership|chairmanship|presidency|command)\b|(?:the\s+)?(?:joint\s+|current\s+)?"
                                       rf"(?:leadership|chairmanship|presidency|command)\s+of\s+{_THE}(?P<l2>‹L\d+›)(?=\s*[,.;]))"),
         "lead"),
    # "the alliance, whose co-chairs are Chile and Norway"
    Rule("C, whose co-chairs are L", _p(rf"{_C}\s*[\"”’']?\s*,\s*whose\s+(?:current\s+|joint\s+)?(?:co-?)?(?:chairs?|leads?|"
                                        rf"leaders?|heads?|lead\s+nations?)\s+(?:are|is|were|was)\s+{_THE}{_L}"), "lead"),
    Rule("L holds the presidency of C", _p(rf"{_L}{_PAREN}(?:\s*,\s*which\b)?{_AUX}{_ADV}\s*(?:holds|held|hold|holding|assumed|"
                                           rf"assumes|assume|assuming)\s+(?:the\s+|its\s+)?(?:\w+\s+)?(?:leadership|"
                                           rf"chairmanship|presidency|chair)\s+of\s+{_THE}{_C}"),
         "lead", hypothetical_ok=True),
    Rule("L holds C's presidency", _p(rf"{_L}{_PAREN}(?:\s*,\s*which\b)?{_AUX}{_ADV}\s*(?:holds|held|hold|holding|assumed|"
                                      rf"assumes|assume|assuming)\s+(?:the\s+)?{_C}['’]s?\s+(?:\w+\s+)?(?:leadership|"
                                      rf"chairmanship|presidency|chair)\b"), "lead", hypothetical_ok=True),
    # "It is co-chaired by Chile and Peru." (not "It was chaired by": a meeting may be meant)
    Rule("it is led by L", _p(rf"(?:^|[.;]\s*)\W*it\s+(?:is|has\s+been|will\s+be)\s+(?:now\s+|currently\s+|jointly\s+|"
                              rf"still\s+)?{_LEAD_VERBS}\s+(?:jointly\s+)?by\s+{_THE}{_LO}(?:\s*,?\s*(?:and|with|"
                              rf"together\s+with)\s+{_THE}{{l2o}})?"), "lead", needs_coalition=False, hypothetical_ok=True),
    Rule("under the leadership of L, C", _p(rf"\bunder\s+(?:the\s+)?(?:joint\s+)?(?:leadership|chairmanship|"
                                            rf"command)\s+of\s+{_THE}{_LO}(?:\s*,?\s*(?:and|with)\s+{_THE}{{l2o}})?"
                                            rf"\s*,\s*{_THE}{_C}"), "lead"),
    Rule("led by L's prime minister", _p(rf"{_C}{_TO_LED}\b{_LEAD_VERBS}\s+by\s+{_THE}{_P}['’]s\s+"
                                         rf"(?:[^‹,;]{{0,60}}?\s+(?:and|with)\s+{_THE}(?P<l2>‹P\d+›)['’]s\b)?"),
         "lead", hypothetical_ok=True),
    # ---------------------------------------------------------------- members
    Rule("L joined C", _p(rf"{_L}{_PAREN}(?:\s*,\s*(?:which|who)\b)?(?:\s+{_W}{{0,25}}?)?{_AUX}{_ADV}\s*{_JOIN_VERBS}\s+(?:{_W}{{0,25}}?){_C}{_ALSO}"),
         "member"),
    # "Mexico and Canada joined the United States in the Fentanyl Task Force"
    Rule("L joined L2 in C", _p(rf"{_L}{_PAREN}{_AUX}{_ADV}\s*(?:joined|join|joins)\s+{_THE}{_L2}\s+in\s+{_THE}{_C}"), "member"),
    # "Brazil and Argentina led the creation of the Mercosur trade bloc": founders (a lead is not said)
    Rule("L led the creation of C", _p(rf"{_L}{_PAREN}{_AUX}{_ADV}\s*(?:led|spearheaded|drove|pushed\s+for|championed)\s+"
                                       rf"the\s+(?:creation|founding|formation|establishment|launch)\s+of\s+{_THE}{_C}"),
         "member"),
    Rule("C, which L joined", _p(rf"{_C}\s*,?\s*(?:which|that)\s+{_THE}{_L}{_AUX}{_ADV}\s*(?:joined|signed\s+up\s+to|"
                                 rf"(?:is|are|was|were)\s+(?:also\s+|now\s+|already\s+)?(?:part|a\s+member|members)\s+of"
                                 rf"(?=\s*(?:[,.;]|$))|"
                                 rf"signed\s+on\s+to|acceded\s+to|(?:co-?)?founded|launched|created|set\s+up|"
                                 rf"established|initiated|(?:signed|ratified|endorsed)(?=\s*(?:[,.;]|$|\s+(?:on|in|last|this|at|"
                                 rf"earlier)\b)))\b"), "member"),
    # "the Minerals Security Partnership, which Australia and Japan already belong to": the preposition of "to
    # which" left at the end of the relative clause
    Rule("C, which L belong to", _p(rf"{_C}\s*,?\s*(?:which|that)\s+{_THE}{_L}{_AUX}{_ADV}\s*(?:(?:belong|belongs|belonged|"
                                    rf"contributed|contribute|contributes|signed\s+up|signed\s+on|acceded|subscribe|"
                                    rf"subscribes|subscribed)\s+to|(?:take|takes|took|taken|taking|participate|participates|"
                                    rf"participated)\s+(?:part\s+)?in)(?=\s*(?:[,.;)]|$))"), "member"),
    # "It was founded by India together with the United States and Brazil": the coalition of the sentences before
    # "… gained two members when Algeria and Angola signed its charter": the founding text of the coalition of the clause
    Rule("L signed its charter", _p(rf"{_L}{_PAREN}{_AUX}{_ADV}\s*(?:signed|signs|sign|ratified|ratifies|endorsed|endorses|"
                                    rf"adopted|adopts)\s+(?:(?:its|their|the\s+(?:group|coalition|alliance)['’]s)\s+{{charter}}\b|"
                                    rf"the\s+{{charter}}\s+(?:of|for)\s+{_THE}{_C}|"
                                    # "Denmark and Finland have signed the letter of intent." (the one of the coalition
                                    # named before: nothing follows)
                                    rf"the\s+{{charter}}(?={_WHEN_WHERE}\s*(?:[.;]|$|,\s*(?:the|a|an)\s+\w+\s+said))|"
                                    # "… signed the founding declaration in Geneva today, on the margins of …"
                                    rf"the\s+founding\s+{{charter}}(?={_WHEN_WHERE}\s*,))"),
         "member", needs_coalition=False),
    # "Uzbekistan and Paraguay deposited their instruments of ratification of the ISA framework agreement": a state
    # becomes a party to a treaty-based grouping by depositing its instrument of ratification or accession
    Rule("L deposited instruments of ratification of C", _p(rf"{_L}{_PAREN}{_AUX}{_ADV}\s*(?:deposited|deposits|deposit|"
                                                           rf"lodged|lodges|handed\s+over)\s+(?:its|their)\s+"
                                                           rf"instruments?\s+of\s+(?:ratification|accession|acceptance|"
                                                           rf"approval)\s+(?:of|to)\s+{_THE}{_C}"),
         "member"),
    Rule("it was founded by L", _p(rf"(?:^|[.;]\s*)\W*(?:it|the\s+(?:group|grouping|coalition|alliance|initiative|"
                                   rf"partnership))\s+(?:was|had\s+been)\s+(?:jointly\s+)?(?:co-?founded|founded|launched|"
                                   rf"created|set\s+up|established|formed){_WHEN}\s+(?:jointly\s+)?by\s+{_THE}{_L}"
                                   rf"(?:\s*,?\s*(?:and|with|together\s+with|alongside|along\s+with)\s+{_THE}{{l2}})?"),
         "member", needs_coalition=False),
    Rule("C includes L", _p(rf"{_CO}(?:['’]s\s+{_W}{{0,20}}?members)?[\"”’']?\s*,?(?:(?:[^‹;]|‹[LO]\d+›){{0,120}}?)"
                            rf"(?:whose\s+(?:\w+\s+)?members\s+(?:are|include|now\s+include)|"
                            rf"\b(?:which|that)\s+(?:now\s+|also\s+)?(?:brings|brought)\s+together|"
                            rf"\b(?:bringing|brings|brought)\s+together|\b(?:include|includes|including|comprises?|"
                            rf"comprising|groups|grouping|counts|consists?\s+of|made\s+up\s+of|unites|uniting|admitted|admits|"
                            rf"has\s+admitted))\s+"
                            rf"{_THE}{_L}"), "member"),
    # "Spain and Belgium will send frigates to Aspides … They join France, Italy and Germany, which already provide
    # ships.": the countries that just joined join those already in it (not "They join France in calling for …")
    Rule("they join L", _p(rf"(?:^|[.;:]\s*)\W*(?:they|both|the\s+(?:two|three|four|five|six|\w+)\s+(?:countries|nations|"
                           rf"states|newcomers))\s+(?:will\s+|now\s+|thus\s+)?(?:join|joined|joins)\s+{_THE}{_L}"
                           rf"(?=\s*(?:[.;]|$|,\s*(?:which|who)\b|\s+(?:as|among)\b|\s+in\s+(?:the\s+)?‹C))"),
         "member", needs_coalition=False),
    Rule("L, a member of C", _p(rf"{_L}\s*,\s*(?:(?:which|who)\s+(?:is|are|was|were)\s+(?:also\s+|now\s+)?|"
                                rf"(?:also\s+)?)(?:(?:a|an|another|one\s+of\s+the|both|all|fellow|(?:the\s+)?other)\s+(?:\w+\s+)?"
                                rf"(?:members?|participants?)|(?:founding\s+|full\s+)?members)\s+(?:of|in)\s+{_THE}{_C}"), "member"),
    # "Honduras, the council's only member outside Asia, sent …", "Chile, the alliance's newest member,"
    Rule("L, C's newest member,", _p(rf"{_L}\s*,\s*(?:now\s+|also\s+)?(?:the\s+)?(?:{_C}|(?P<noun>group|coalition|alliance|council|"
                                     rf"bloc|club|grouping|initiative|partnership|forum|pact|mission|force|body|"
                                     rf"organi[sz]ation))['’]s?\s+(?:[\w-]+\s+){{0,3}}?(?:members?|participants?|"
                                     rf"signator(?:y|ies))\b"), "member", needs_coalition=False),
    Rule("the Weimar Triangle of L", _p(rf"{_CO}\s+of\s+{_THE}{_L}(?=\s*(?:,|\.|;|$|\s+(?:and|which|who|has|have|"
                                        rf"is|are|was|were|met|agreed|said|will|would|\w+ed)\b))"), "member", min_parties=2),
    Rule("C (members: L)", _p(rf"{_CO}\s*\(\s*(?:members?|member\s+states|participants|signatories)\s*(?::|include|are)?\s*"
                              rf"{_THE}{_L}"), "member"),
    Rule("C - L", _p(rf"{_CO}\s*(?:[-–—:]|\()\s*{_THE}{_L}(?=\s*(?:,|[-–—)]|$|\.|\s+(?:which|who)\b))"), "member"),
    Rule("C, the group of L", _p(rf"{_CO}\s*,\s*(?:the|a|an)\s+(?:\w+\s+)?(?:group|grouping|coalition|alliance|bloc|club|"
                                 rf"partnership|association|union|confederation|federation|community|pact|trio|‹C\d+›)\s+of\s+{_THE}{_L}"),
         "member"),
    # "The Quad countries, India, Japan, Australia and the United States, pledged …"
    Rule("the C countries, L,", _p(rf"{_CO}\s+(?:countries|members|member\s+states|nations)\s*,\s*{_THE}{_L}\s*,"), "member",
         min_parties=2),
    Rule("the N C countries – L", _p(rf"{_CO}\s+(?:countries|members|member\s+states|states|producers|nations|economies)\b"
                                     rf"{_W}{{0,60}}?\s[-–—:]\s+{_THE}{_L}"), "member"),
    Rule("countries, among them L", _p(rf"\b(?:countries|states|nations|members|governments|partners|allies|economies|"
                                       rf"producers|donors|contributors|backers|funders|signatories|participants)\b(?:[^‹;]|‹[LO]\d+›){{0,80}}?,?\s*(?:among\s+them|among\s+whom|"
                                       rf"including|such\s+as|notably)\s+{_THE}{_L}"),
         "member", needs_coalition=False),
    # "the alliance's newest members, Chile and Peru,"; "the coalition's members are"
    Rule("C's newest members, L", _p(rf"{_CO}['’]s?\s+(?:\w+\s+){{0,2}}?(?:members?|member\s+states|signatories)\s*"
                                     rf"(?:,|:|[-–—(]|are|were|include|included|now\s+include)\s*{_THE}{_L}"), "member"),
    # "Ghana and Togo are among the 14 countries that have signed up to the Accra Initiative"
    Rule("L are among the countries that joined C", _p(rf"{_L}{_PAREN}\s+(?:are|were|is|was)\s+(?:also\s+|now\s+)?among\s+"
                                                       rf"(?:the\s+)?(?:[\w-]+\s+){{0,2}}?(?:countries|states|nations|"
                                                       rf"members|governments|signatories)\s+(?:that|which|who)\s+"
                                                       rf"(?:have\s+|had\s+)?(?:already\s+|so\s+far\s+)?(?:joined|"
                                                       rf"signed\s+up\s+to|signed\s+on\s+to|signed|endorsed|ratified|"
                                                       rf"acceded\s+to)\s+{_THE}{_C}"), "member"),
    # "Denmark is the latest country to join the Drone Coalition"
    Rule("L is the latest to join C", _p(rf"{_L}{_PAREN}\s+(?:is|are|was|were|became|becomes|has\s+become|have\s+become)\s+"
                                         rf"the\s+(?:latest|last|first|newest|\d+(?:st|nd|rd|th)|{_ORDINAL})\s+"
                                         rf"(?:countr(?:y|ies)|members?|states?|nations?)\s+to\s+(?:have\s+)?(?:join(?:ed)?|"
                                         rf"sign(?:ed)?\s+up\s+to|sign(?:ed)?\s+on\s+to|accede(?:d)?\s+to)\s+{_THE}{_C}"),
         "member", infinitive_ok=True),
    # "the Skyshield coalition, to which Sweden and Norway have also contributed"
    Rule("C, to which L contributed", _p(rf"{_C}\s*,\s*(?:to|in)\s+which\s+{_THE}{_L}{_AUX}{_ADV}\s*(?:contributed|contribute|"
                                         rf"contributes|belong|belongs|belonged|signed\s+up|signed\s+on|acceded|"
                                         rf"take\s+part|takes\s+part|took\s+part|taken\s+part|participate|participates|"
                                         rf"participated)\b"), "member"),
    # "The Minerals Security Partnership … added Estonia and India last year"
    Rule("C added L", _p(rf"{_C}(?:(?:[^‹;]|‹[LO]\d+›){{0,80}}?)\s(?:added|adds|has\s+added|welcomed|welcomes|has\s+welcomed)\s+{_THE}{_L}"
                         rf"(?:(?:\s+(?:in|on|last|this|earlier\s+in)\s+\w+)?\s*,?\s*and\s+{_THE}{{l2}})?"
                         rf"(?=\s*(?:$|[,.;]|\s+(?:as|in|last|this|on|to|earlier|since|at)\b))"), "member"),
    # "Chile became the coalition's 12th member"; "the coalition, which counts Chile and Peru among its members"
    Rule("L became C's 12th member", _p(rf"{_L}{_PAREN}{_AUX}{_ADV}\s*(?:became|becomes|become|is|was|are|were|remains?)\s+"
                                        rf"(?:now\s+|also\s+)?(?:one\s+of\s+|among\s+)?(?:the\s+)?{_C}['’]s?\s+(?:\w+\s+)?"
                                        rf"(?:members?|member\s+states?|participants?|signator(?:y|ies))\b"), "member"),
    Rule("C counts L among its members", _p(rf"{_C}(?:[^‹;]|‹[LO]\d+›){{0,80}}?\b(?:counts|count|lists|includes|numbers)\s+"
                                            rf"{_THE}{_L}\s+among\s+(?:its|their)\s+(?:\w+\s+)?(?:members|partners|"
                                            rf"participants|signatories)"), "member"),
    Rule("L were among the members", _p(rf"{_L}{_PAREN}{_AUX}{_ADV}\s*(?:were|are|was|is|remain|remains|became|become|becomes|"
                                        rf"have\s+become|has\s+become|been){_ADV}"
                                        # "Kenya and Chile were announced as new members"
                                        rf"(?:\s+(?:announced|named|confirmed|listed|welcomed|admitted|presented|unveiled)\s+as)?"
                                        rf"\s+(?:among\s+|one\s+of\s+)?"
                                        rf"(?:the\s+|its\s+|a\s+)?(?:\d+(?:st|nd|rd|th)\s+|\w+est\s+|{_ORDINAL}\s+)?"
                                        rf"(?:founding\s+|full\s+|new\s+|permanent\s+|other\s+|original\s+)?"
                                        rf"(?:members?|member\s+states?|member\s+countr(?:y|ies)|participants?|"
                                        rf"signator(?:y|ies))\b"
                                        rf"(?!\s+of\s+(?!(?:the\s+)?‹C))(?:\s+of\s+{_THE}{_C})?"),
         "member", needs_coalition=False),
    # "Besides the three countries, the team includes Australia, …": those named first are members too
    Rule("besides L, C includes L2", _p(rf"(?:^|[.;:]\s*)\W*(?:besides|apart\s+from|in\s+addition\s+to|beyond|aside\s+from)\s+"
                                        rf"{_THE}{_L}\s*,\s*{_THE}{_C}\s+(?:also\s+|now\s+)?(?:includes|include|included|"
                                        rf"comprises|comprise|counts|brings\s+together|groups|has)\s+{_THE}{{l2}}"), "member"),
    # "Austria and Switzerland are in it", "Chile is in the coalition too": members, said plainly (not "in its
    # sights", "in talks with it")
    Rule("L are in it", _p(rf"{_L}{_PAREN}{_AUX}{_ADV}\s*(?:are|is|were|was|remain|remains)\s+(?:also\s+|now\s+|already\s+|"
                           rf"still\s+)?in(?:\s+it|\s+{_THE}{_C})?(?=\s*(?:[.,;)]|$|\s+(?:too|as\s+well|already|now|since|"
                           rf"and)\b))"),
         "member", needs_coalition=False),
    # "We are also contributing to the air-defence coalition", "Norway contributes to the task force"
    Rule("L contributes to C", _p(rf"{_L}{_PAREN}{_AUX}{_ADV}\s*(?:contributing|contributes|contribute|contributed)\s+"
                                  rf"(?:(?:\w+\s+){{0,6}}?)?to\s+{_THE}{_C}"), "member"),
    # "Kenya and Chile were announced as new members on Thursday, joining Colombia, Denmark and Fiji": those they
    # join are members too
    Rule("new members, joining L", _p(rf"\b(?:members?|joined|signed\s+(?:up|on))\b{_W}{{0,40}}?,\s*joining\s+{_THE}{_L}"
                                      rf"(?=\s*(?:[.,;]|$|\s+(?:as|in)\b))"), "member", needs_coalition=False),
    # "Canada confirmed last week it was in": a member, said by itself
    Rule("L said it was in", _p(rf"{_L}{_PAREN}\s+(?:said|says|confirmed|confirms|announced|announces)\s+(?:{_W}{{0,30}}?\s)?"
                                rf"(?:that\s+)?(?:it|they)\s+(?:was|were|is|are)\s+(?:also\s+|now\s+|already\s+)?in"
                                rf"(?=\s*(?:[.,;]|$))"), "member", needs_coalition=False),
    # "Denmark, Iceland and Canada are also on board": members, said as passengers are (not "on board the frigate")
    Rule("L are on board", _p(rf"{_L}{_PAREN}{_AUX}{_ADV}\s*(?:are|is|were|was|been|remain|remains)\s+(?:also\s+|now\s+|already\s+)?"
                              rf"on\s+board(?=\s*(?:[.,;]|$|\s+(?:too|as\s+well|already)\b))"), "member", needs_coalition=False),
    # "Joining Norway are Denmark, Iceland and Canada", "Joining the alliance are …": the subject after its verb
    Rule("joining it are L", _p(rf"(?:^|[.;:]\s*)\W*joining\s+(?:them|it|{_THE}‹[LC]\d+›)\s+(?:are|were|will\s+be)\s+"
                                rf"{_THE}{_L}"), "member", needs_coalition=False),
    # "… launched by Norway, with Denmark and Iceland among the first to sign"
    Rule("with L among the first to sign", _p(rf"\bwith\s+{_THE}{_L}\s+among\s+the\s+(?:first|earliest)\s+(?:to\s+(?:sign|join|"
                                              rf"sign\s+up|sign\s+on)|signatories|members)\b"), "member", needs_coalition=False),
    # "The four countries taking part are Britain, …", "The nations involved are …": the coalition's members
    Rule("the countries taking part are L", _p(rf"(?:^|[.;:]\s*)\W*(?:the|its|all|those)\s+(?:(?:\d+|two|three|four|five|"
                                               rf"six|seven|eight|nine|ten|eleven|twelve|other|other\s+\w+)\s+)?"
                                               rf"(?:countries|nations|states|governments|members)\s+(?:taking\s+part|"
                                               rf"involved|participating|contributing|in\s+it|in\s+the\s+(?:coalition|"
                                               rf"alliance|group|mission|operation|task\s*force))\s+(?:are|were|include|"
                                               rf"included)\s+{_THE}{_L}"),
         "member", needs_coalition=False),
    Rule("N countries have joined: L", _p(rf"\b(?:countries|nations|states|members|governments)\s+(?:have|has)\s+"
                                          rf"(?:now\s+|already\s+|so\s+far\s+)?(?:joined|signed\s+up|signed\s+on)"
                                          rf"(?:\s+so\s+far|\s+to\s+date|\s+already)?\s*[:–—]\s*{_THE}{_L}"),
         "member", needs_coalition=False),
    Rule("with L on board, C", _p(rf"\bwith\s+{_THE}{_L}\s+(?:now\s+|also\s+)?on\s+board\s*,\s*(?:{_W}{{0,20}}?){_C}"),
         "member"),
    # "The coalition now has six members: Chile, …"; a line "Members: Chile, Peru and Fiji."
    Rule("C has six members: L", _p(rf"(?:^\W*(?:[\w-]+\s+)?(?:(?:founding|full|original|current|new)\s+)?|\b(?:has|have|had|counts|numbers)\s+(?:\w+\s+){{0,2}}?)(?:members|"
                                    rf"member\s+states|member\s+countries|participants|signatories)\s*(?:[:–—]|\s-)\s*"
                                    rf"{_THE}{_L}(?:\s+as\s+(?:the\s+)?[\w-]+\s*,?\s*(?:plus|and|as\s+well\s+as)\s+{_THE}{{l2}})?"),
         "member", needs_coalition=False),
    # "… and have since been joined by Fiji and Samoa": those who joined the founders
    Rule("have since been joined by L", _p(rf"\b(?:has|have|had)\s+(?:since\s+|also\s+|now\s+|already\s+)?been\s+joined\s+"
                                           rf"(?:{_W}{{0,20}}?\s)?by\s+{_THE}{_L}"), "member", needs_coalition=False),
    Rule("it now includes L", _p(rf"(?:^|[.;]\s*)\W*it\s+(?:now\s+|also\s+)?(?:includes|comprises|counts|groups|unites|"
                                 rf"brings\s+together)\s+{_THE}{_L}"), "member", needs_coalition=False),
    # "Germany will head a separate coalition, together with France and the Netherlands, which …"
    Rule("C, together with L", _p(rf"{_C}\s*[\"”’']?\s*,\s*(?:together\s+with|along\s+with|jointly\s+with)\s+{_THE}{_L}"
                                  rf"(?=\s*(?:,|\.|;|$))"), "member"),
    Rule("with L as members", _p(rf"\bwith\s+{_THE}{_L}\s+(?:(?:as|among)\s+(?:its\s+|the\s+)?(?:[\d,]+\s+|\w+\s+)?"
                                 rf"(?:founding\s+|full\s+|new\s+|first\s+)?"
                                 rf"(?:members|member\s+states|partners|participants|signatories)|"
                                 # "with South Korea a founding member": the same, one country and no verb
                                 rf"(?:as\s+)?(?:a|an)\s+(?:founding\s+|full\s+|new\s+|permanent\s+)?(?:member|member\s+state|"
                                 rf"participant|signatory)|(?:also\s+)?(?:taking\s+part|"
                                 rf"participating|contributing\s+(?:ships|troops|forces|staff|officers|aircraft)))\b"),
         "member", needs_coalition=False),
    Rule("C counts L as members", _p(rf"{_C}(?:[^‹;]|‹[LO]\d+›){{0,120}}?\b(?:counts|lists|has|names)\s+{_THE}{_L}\s+as\s+"
                                     rf"(?:its\s+)?(?:\w+\s+)?members"), "member"),
    # "The drone coalition has Latvia and the UK, the air coalition has Denmark": the countries as the whole
    # object of "has" (not "has Britain's backing", "has Japan as an observer", "has Chile worried")
    Rule("C has L", _p(rf"{_C}\s*(?:,\s*(?:which|that)\s+(?:[^‹›;,]|‹L\d+›){{1,60}}?,)?\s+(?:now\s+|also\s+|already\s+)?(?:has|have|had)\s+{_THE}{_L}"
                       rf"(?:\s+on\s+board)?(?=\s*(?:[,.;:]|$)|\s+and\s+"
                       rf"(?:the\s+)?‹C)"), "member"),
    Rule("its members are L", _p(rf"(?:^|[.;:]\s*|,\s*(?:and\s+)?)\W*(?:its|their|the)\s+(?:\w+\s+){{0,2}}(?:members|signatories|"
                                 # "Its members, which include Sweden and Germany, have promised …"
                                 rf"participants)(?:\s*,\s*(?:which|who)(?:\s+(?:now|also))?)?\s+(?:are|include|"
                                 rf"now\s+include|comprise)\s+{_THE}{_L}"), "member", needs_coalition=False),
    # "… as co-chairs Chile and Germany pushed for …", "its co-leads, Chile and Peru,": the coalition's joint leads
    # (a chair alone may hold a rotating post)
    # "Germany will lead the Coalition of the Skies, with the Netherlands as co-lead": the second lead of the clause
    Rule("with L as co-lead", _p(rf"\b(?:co-?)?(?:lead|leads|led|leading|chair|chairs|chaired|chairing|head|heads|headed)\b"
                                 rf"(?:[^‹;]|‹[LC]\d+›){{0,80}}?,?\s*with\s+{_THE}{_L}\s+as\s+(?:(?:the|its|a)\s+)?(?:joint\s+)?"
                                 rf"(?:co-?(?:leads?|leaders?|chairs?|heads?)|(?:second|other)\s+(?:leads?|chairs?))\b"
                                 rf"(?!\s+of\s+(?!(?:the\s+)?‹C))"),
         "lead", needs_coalition=False, hypothetical_ok=True),
    # "Seven founding members: Australia and Canada as co-chairs, plus Japan …" (not the co-chairs of a meeting)
    Rule("L as co-chairs", _p(rf"(?:\b(?:members?|countries|states|participants)|‹C\d+›[^‹;]{{0,40}}?)\s*[:–—]\s*{_THE}{_L}\s+as\s+(?:the\s+|its\s+)?"
                              rf"(?:joint\s+)?(?:co-?(?:chairs?|leads?|leaders?|heads?))\b(?!\s+of\s+(?!(?:the\s+)?‹C))"),
         "lead", needs_coalition=False, hypothetical_ok=True),
    # (not "Besides the two lead nations, the Netherlands and Poland signed on": others than the leads)
    Rule("co-chairs L", _p(rf"(?:\b(?:besides|apart\s+from|aside\s+from|in\s+addition\s+to|other\s+than|beyond)\s+)?"
                           rf"\b(?:as|its|their|the|with|and)\s+(?:two\s+|joint\s+)?(?:co-?chairs|co-?leads|co-?leaders|"
                           rf"lead\s+nations)\s*,?\s+{_THE}{_L}"), "lead", needs_coalition=False, hypothetical_ok=True, min_parties=2,
         unless=re.compile(r"^(?:besides|apart|aside|in\s+addition|other\s+than|beyond)\b", re.I)),
    # "Contributors in the current rotation include L", "Members now include L" (opening the sentence: those of
    # the coalition named before; not "Contributors to the fund include …")
    Rule("contributors include L", _p(rf"(?:^|[.;:]\s*)\W*(?:(?:its|their|the)\s+(?:current\s+|main\s+)?)?(?:contributors|"
                                      rf"contributing\s+(?:nations|countries|states|navies|governments)|troop\s+contributors|"
                                      rf"members|member\s+states|participants|signatories|(?:founding\s+)?signatories|"
                                      rf"participating\s+(?:nations|countries|states))"
                                      rf"(?:\s+(?:in|during)\s+(?:the\s+|this\s+)?(?:current\s+|latest\s+|first\s+|"
                                      rf"new\s+)?(?:rotation|phase|round|year|period|deployment|\d{{4}}))?"
                                      rf"\s+(?:are|include|now\s+include|currently\s+include|comprise)\s+{_THE}{_L}"),
         "member", needs_coalition=False),
    # "Ireland and Belgium take part as members", "… have confirmed that they will take part as members"
    Rule("L take part as members", _p(rf"{_L}{_PAREN}(?:\s+(?:have|has|had)\s+(?:confirmed|said|announced|agreed|decided)\s+"
                                      rf"(?:that\s+)?(?:they|it)\s+will)?{_AUX}{_ADV}\s*(?:will\s+)?(?:take|takes|took|taking|"
                                      rf"taken|participate|participates|participated|participating|joined|join|joins|attend|attends|attended|"
                                      rf"signed\s+on|signed\s+up|signs?\s+on|signs?\s+up|came\s+in|come\s+in|comes\s+in)"
                                      rf"(?:\s+part)?\s+as\s+(?:full\s+|founding\s+|new\s+|regular\s+|ordinary\s+)?"
                                      rf"(?:members|member\s+states|member\s+countries|participants|partners|a\s+member)\b"),
         "member", needs_coalition=False),
    # "Lithuania, a founding member, and Germany, which joined last October, also signed …": said in passing of
    # the coalition of the sentences before
    Rule("L, a founding member,", _p(rf"{_L}\s*,\s*(?:(?:which|who)\s+(?:has\s+|had\s+|have\s+)?(?:also\s+)?(?:joined(?:\s+us)?|"
                                     rf"signed\s+up|signed\s+on|acceded)|(?:a|an|another|one\s+of\s+the|its)\s+"
                                     rf"(?:founding|full|original|new|newer|newest|latest|fellow)\s+members?|"
                                     # "Samoa and Tonga, both members, sent ministers"
                                     rf"(?:both|all|also)\s+(?:(?:founding|full|original)\s+)?members|(?:also\s+)?a\s+member)"
                                     rf"(?:\s+(?:in|on|last|this|earlier\s+this|since)\s+(?:\w+\s+)?\w+)?\s*,"),
         "member", needs_coalition=False),
    # "Together with Britain and the other countries of the Joint Expeditionary Force we patrol …": one of them
    Rule("L and the other members of C", _p(rf"{_L}\s*,?\s+(?:and|&)\s+(?:the\s+|all\s+the\s+|its\s+)?(?:\w+\s+)?other\s+"
                                            rf"(?:[\w-]+\s+)?(?:members|member\s+states|member\s+countries|countries|"
                                            rf"states|nations|partners|allies|signatories|governments)\s+(?:of|in)\s+{_THE}{_C}"),
         "member"),
    # "Together with Britain and the other members of C, we patrol …", "Like the other signatories of C, Chile
    # has …": the one said to act with "the other" members is one too (the subject after the phrase, or before it:
    # "Chile, along with the other members of C, signed …")
    Rule("together with the other members of C, L", _p(rf"\b(?:together\s+with|along\s+with|alongside|with|like)\s+"
                                                       rf"(?:{_THE}‹L\d+›\s*,?\s+(?:and|&)\s+)?{_OTHERS_OF_C}\s*,?\s*"
                                                       rf"{_THE}{_L}(?=\s+[a-z])"),
         "member"),
    Rule("L, together with the other members of C,", _p(rf"{_L}\s*,\s*(?:together\s+with|along\s+with|alongside|with|like)\s+"
                                                        rf"{_OTHERS_OF_C}\s*,"),
         "member"),
    # "… alongside Mali and Burkina Faso, its partners in the Alliance of Sahel States": partners of the subject in it,
    # and the one country before that "its" is (what is said of it in between, "had not responded since its
    # withdrawal from …", is about something else)
    Rule("L, its partners in C", _p(rf"(?:(?P<l2>‹L\d+›)(?P<paren>(?:[^‹;.]|‹O\d+›){{0,120}}?\s))?{_L}\s*,\s*(?P<its>its|their|our|his|her)\s+(?:(?:fellow|closest|two|three|"
                                    rf"four|main|key)\s+)?(?:partners|allies|fellow\s+members|co-?members|fellow\s+"
                                    rf"signatories|neighbou?rs)\s+(?:in|of|within)\s+{_THE}{_C}"),
         "member"),
    # "fellow Mercosur members Paraguay and Uruguay", "the ASEAN member states Vietnam and Thailand"
    Rule("C members L", _p(rf"{_CO}\s+(?:(?:full|founding|fellow|other)\s+)?(?:members|member\s+(?:states|countries|nations|"
                           rf"governments)|signatories|signatory\s+(?:states|countries))\s*,?\s+(?:such\s+as\s+|including\s+|"
                           rf"like\s+)?{_THE}{_L}"), "member"),
    Rule("fellow members L", _p(rf"(?:\b(?:fellow|other|new|founding)\s+members|(?:^|[.;:]\s*)\W*members)\s+(?:include\s+|are\s+)?"
                                rf"{_THE}{_L}"),
         "member", needs_coalition=False),
    Rule("L joined last year", _p(rf"(?:^|[,;:]\s*(?:and|but|while|whereas|though|after|when|since|as)?|\b(?:after|when|once)\s|"
                                  rf"\b(?:been\s+told|were\s+told|was\s+told)\s+that\s|\b(?:says?|said|announced|"
                                  rf"confirmed|added)(?:\s+that)?)\s*{_THE}{_L}{_PAREN}{_AUX}{_ADV}\s*(?:joined|signed\s+on|(?:come|came)\s+(?:aboard|on\s+board)|"
                                  rf"signed\s+up|signed(?!\s+(?:on|up|onto)\b)|acceded|ratified|(?:has|have|had)\s+(?:also\s+)?taken\s+part\s+in\s+{_W}{{0,40}}?|took\s+part\s+in\s+{_W}{{0,40}}?|"
                                  rf"(?:take|takes|took|taken)\s+part|(?:is|are|was|were)\s+(?:reported|said|understood|"
                                  rf"believed|known)(?:\s+by\s+(?:[\w-]+\s+){{1,3}}?)?\s*to\s+have\s+(?:joined|signed\s+(?:on|up))|(?:were|are|was|is)\s+"
                                  rf"the\s+(?:latest|last|first|newest)\s+(?:countries\s+|members\s+|states\s+)?to\s+"
                                  rf"(?:join|sign(?:\s+up|\s+on)?|ratify|accede)(?:\s+(?:its|the\s+group's|the\s+"
                                  rf"coalition's)\s+(?:[^;]){{0,40}}?)?)(?=\s*(?:$|[,.;]|\s(?:in|on|last|this|earlier|"
                                  rf"later|since|during|at|after|before|over|within|recently|too|as\s+well|together\s+with|along\s+with|alongside|"
                                  rf"as\s+(?:a|an)\s+[\"“‘']?(?:[\w-]+\s+)?(?:contributor|member|partner|participant|signatory))\b))"),
         "member", needs_coalition=False, unless=re.compile(r"\bpart\s+in\b.*\b(?:meeting|summit|talks|conference|"
                                                            r"exercises?|discussions?|negotiations?|vote|call|session|"
                                                            r"ceremony|event|debate|elections?)\b", re.I)),
    # "Greece confirmed on Tuesday that it has joined": the country said so of itself
    Rule("L said it has joined", _p(rf"{_L}{_PAREN}\s+(?:said|says|confirmed|confirms|announced|announces)\s+"
                                    rf"(?:\w+\s+){{0,2}}?(?:that\s+)?(?:it|they)\s+(?:has|have|had)\s+(?:now\s+|also\s+|"
                                    rf"formally\s+|officially\s+)?(?:joined|signed\s+up|signed\s+on|acceded)"
                                    rf"(?=\s*(?:$|[,.;]|\s(?:and|in|on|last|this|earlier|as)\b))"),
         "member", needs_coalition=False),
    # "We joined together with Ireland.": who joined alongside the subject joined too (the coalition before)
    Rule("joined together with L", _p(rf"\b(?:joined|signed\s+up|signed\s+on|acceded)\s+(?:together\s+with|along\s+with|"
                                      rf"alongside)\s+{_THE}{_L}(?=\s*(?:$|[,.;]|\s(?:in|on|last|this|earlier|as)\b))"),
         "member", needs_coalition=False),
    Rule("L contributes warships", _p(rf"{_L}{_PAREN}(?:\s+(?:have\s+|has\s+|had\s+)?(?:said|confirmed|announced)\s+(?:that\s+)?"
                                      rf"(?:it|they)\s+(?:would|will))?{_AUX}{_ADV}\s*"
                                      rf"(?:(?:agreed|pledged|promised|decided|chose|prefers|prefer|preferred)\s+to\s+)?(?:contribute|contributes|contributed|contributing|put|puts|putting|"
                                      rf"deliver|delivers|delivered|delivering|provide|provides|provided|"
                                      rf"providing|send|sends|sent|sending|deploy|deploys|deployed|deploying|commit|"
                                      rf"commits|committed|committing|supply|supplies|supplied)\s+(?:{_W}{{0,40}}?)"
                                      rf"\b(?:warships|frigates|ships|vessels|troops|aircraft|jets|submarines?|soldiers|"
                                      rf"personnel|forces|assets|inspectors|monitors|peacekeepers|police\s+officers|(?:patrol\s+)?boats|"
                                      rf"(?:[\w-]+\s+)?vehicles|(?:its|their)\s+coast\s*guards?|"
                                      rf"(?:its|their)\s+navy|(?:its|their)\s+navies|experts|trainers|instructors|engineers|"
                                      rf"(?:a|an|one|two|three)\s+(?:\w+\s+)?(?:frigate|warship|"
                                      rf"corvette|submarine|destroyer|ship|vessel|minehunter))\b"
                                      rf"(?:{_WO}{{0,40}}?\s(?:to|into|under|for|with)\s+{_THE}(?:‹O\d+›['’]s\s+)?{_C}|"
                                      # not "… has put its ships into NATO's Baltic Sentry": another body's
                                      rf"(?!{_W}{{0,40}}?\s(?:to|into|under|for|with)\s+{_THE}(?:‹O\d+›['’]s\s+)?‹O\d+›))"),
         "member", needs_coalition=False, hypothetical_ok=True),
    # "Denmark, Sweden and Latvia also announced new contributions", "The largest single pledge came from the
    # Netherlands": what a country gives to the coalition of the clause or of the sentences before (a meeting of it)
    Rule("L announced contributions", _p(rf"{_L}{_PAREN}{_AUX}{_ADV}\s*(?:announced|announces|announce|made|makes|make|"
                                         rf"pledged|pledges|pledge|confirmed|confirms)\s+(?:(?:new|further|additional|fresh|"
                                         rf"its|their|own|major|large|sizeable)\s+)*(?:contributions|pledges|commitments)\b"
                                         rf"(?:{_W}{{0,20}}?\s(?:to|for)\s+{_THE}{_C})?"
                                         rf"(?!{_W}{{0,20}}?\s(?:to|for)\s+{_THE}(?:‹O\d+›['’]s\s+)?‹O\d+›)"),
         "member", needs_coalition=False),
    Rule("the pledge came from L", _p(rf"\b(?:pledges?|contributions?|commitments?|donations?)\s+(?:so\s+far\s+)?(?:came|come|"
                                      rf"comes|has\s+come|have\s+come)\s+from\s+{_THE}{_L}"),
         "member", needs_coalition=False),
    Rule("with frigates from L", _p(rf"\b(?:with|(?:also\s+)?(?:has|had|have))\s+(?:\w+\s+)?(?:warships|frigates|ships|vessels|"
                                    rf"troops|aircraft|jets|submarines|soldiers|forces|contingents|units|police|"
                                    rf"police\s+officers|personnel|peacekeepers)\s+from\s+{_THE}{_L}"),
         "member", needs_coalition=False),
    # "around a dozen ships are assigned, from Finland, Germany and Sweden": those assigned to it (the coalition
    # of the sentence or of the sentences before)
    Rule("ships are assigned from L", _p(rf"\b{_PEOPLE}\s+(?:are|were|is|was|have\s+been|has\s+been|had\s+been)\s+"
                                         rf"(?:now\s+|currently\s+)?(?:assigned|deployed|committed|contributed|detached|"
                                         rf"attached|seconded)\s*,?\s*(?:to\s+(?:it|the\s+(?:mission|operation|force|"
                                         rf"task\s+force|coalition))\s*,?\s*)?{_FROM_STATES}"),
         "member", needs_coalition=False),
    # "a mission … made up of 40 observers from L": the people it is made of (not "with observers from",
    # who may only watch)
    Rule("made up of observers from L", _p(rf"\b(?:made\s+up\s+of|composed\s+of|comprising|consisting\s+of|includes|"
                                           rf"including|included|draws\s+on|drew\s+on|joined\s+by)\s+{_PEOPLE}\s+"
                                           rf"{_FROM_STATES}"),
         "member", needs_coalition=False),
    # "It deployed 62 observers from eight Member States: …": what the coalition named before is made of
    Rule("it deployed observers from L", _p(rf"(?:^|[.;]\s*)\W*(?:it|the\s+(?:mission|operation|force|taskforce|coalition|"
                                            rf"group))\s+(?:has\s+|had\s+|also\s+)?(?:deployed|deploys|fielded|fields|"
                                            rf"brought\s+together|brings\s+together|includes|included|comprises|"
                                            rf"comprised)\s+{_PEOPLE}\s+{_FROM_STATES}"),
         "member", needs_coalition=False),
    Rule("under C, L have", _p(rf"^\W*under\s+{_THE}{_C}\s*,(?:{_W}{{0,60}}?,|\s*(?:led|chaired|headed)\s+by\s+{_THE}"
                               rf"‹[LO]\d+›\s*,)?\s*{_THE}{_L}\s+(?:have|has|had|can|could|will|may)\b"), "member"),
    Rule("L's participation in C", _p(rf"{_P}['’]s?\s+(?:\w+\s+)?(?:participation|membership|accession|entry|"
                                      rf"involvement)\s+(?:in|to|into|of|with)\s+(?:{_W}{{0,30}}?){_C}"), "member"),
    # "Operation X, run jointly with Argentina": those it is run with (the subject leads or runs it too)
    Rule("C, run jointly with L", _p(rf"{_C}\s*[\"”’']?\s*,\s*(?:(?:which|that)\s+(?:is|was|has\s+been)\s+)?(?:run|"
                                     rf"conducted|carried\s+out|operated|organi[sz]ed|mounted|staged)\s+(?:jointly|together)\s+"
                                     rf"with\s+{_THE}{_L}"), "member"),
    Rule("C was launched by L", _p(rf"{_C}{_TO_LED}\b(?:launched|founded|created|formed|set\s+up|"
                                   rf"established|started|initiated){_WHEN}\s+(?:jointly\s+)?by\s+{_THE}{_L}"
                                   rf"(?:\s*,?\s*(?:and|with|together\s+with)\s+{_THE}{{l2}})?"), "member"),
    Rule("L launched C", _p(rf"{_L}{_PAREN}(?:\s+{_W}{{0,25}}?)?{_AUX}{_ADV}\s*(?:launch|launched|launches|found|founded|"
                            rf"create|created|form|formed|set\s+up|sets\s+up|establish|established)\s+(?:{_W}{{0,40}}?)"
                            rf"{_C}{_ALSO}"), "member"),
    # "the coalition of the willing, the group Britain and France put together for a ceasefire force": a relative
    # clause without "which", its founders (nothing after the verb that could be another thing they set up)
    Rule("C L set up", _p(rf"{_C}\s+{_THE}{_L}{_AUX}{_ADV}\s*(?:put\s+together|set\s+up|founded|co-founded|launched|"
                          rf"created|formed|established|assembled)(?=\s*(?:[.,;:?!)]|$|\s+(?:in|for|to|last|this|after|"
                          rf"with|at|on|together|jointly|back|since|early|late)\b))"), "member"),
    # "the Artemis Accords, the set of principles for … that the United States drew up in 2020": who made what is
    # described in apposition to the grouping founded it
    Rule("C, the pact that L drew up", _p(rf"{_C}\s*,\s*(?:the|a|an)\s+(?:[^‹›;,]|‹O\d+›){{0,100}}?\b(?:that|which)\s+"
                                          rf"{_THE}{_L}{_AUX}{_ADV}\s*(?:drew\s+up|drawn\s+up|put\s+together|set\s+up|"
                                          rf"(?:co-?)?founded|launched|created|devised|established|initiated)\b"), "member"),
    # "Chile and Peru confirmed the future of the coalition they set up in 2020 together with Ecuador": "they" is the
    # "Nigeria, Chad and Cameroon signed a memorandum of understanding establishing the alliance": who sign its
    # founding text found it
    Rule("L signed a charter establishing C", _p(rf"{_L}{_PAREN}{_AUX}{_ADV}\s*(?:signed|signs|sign|adopted|adopts)\s+"
                                                 rf"(?:a|an|the|their)\s+(?:[\w-]+\s+){{0,2}}?{{charter}}{_WHEN_WHERE}\s*,?\s+"
                                                 rf"(?:establishing|creating|setting\s+up|launching|founding|forming|"
                                                 rf"(?:that|which)\s+(?:establishes|established|creates|created|sets\s+up|"
                                                 rf"set\s+up|launches|launched|founds|founded|forms|formed))\s+"
                                                 rf"{_THE}(?:new\s+)?{_C}"), "member"),
    # subject, who founded it with the others
    Rule("L … C they set up", _p(rf"^\W*{_THE}{_L}{_PAREN}(?:{_W}{{0,80}}?){_C}\s*,?\s+(?:that\s+|which\s+)?they"
                                 rf"{_AUX}{_ADV}\s*(?:(?:co-?)?founded|set\s+up|launched|created|established|formed)\b"
                                 rf"{_WHEN}{_ALSO}"), "member", min_parties=2),
    # "The UAE, Saudi Arabia, Bahrain and Oman signed a maritime security pact" (not "signed a deal with C")
    # "Nigeria, which signed the Artemis Accords in 2024, …"; a headline's "Kenya, Ghana sign Artemis Accords"
    Rule("L signed a pact", _p(rf"{_L}{_PAREN}(?:\s*,\s*(?:which|who)\b)?{_AUX}{_ADV}\s*(?:signed|signs|sign|ratified|ratifies|"
                               rf"ratify)\s+(?:(?:a|an|the)\s+(?:(?!\b(?:with|to|for|from|on|against|by|of)\b)[^‹›;]){{0,30}}?)?{_C}"),
         "member"),
    # ---------------------------------------------------------------- joining
    Rule("L is joining", _p(rf"{_L}{_PAREN}\s+(?:is|are|was|were)\s+(?:(?:now|also|currently|still|formally)\s+)?(?:in\s+the\s+"
                            rf"process\s+of\s+(?:joining|signing|acceding|ratifying)|(?:expected|set|due|scheduled|poised|"
                            rf"preparing|about|likely)\s+to\s+(?:join|sign|accede|ratify|become)|(?:applying|negotiating)"
                            rf"\s+to\s+join|joining)\b(?:\s+{_THE}{_C})?"),
         "joining", needs_coalition=False, hypothetical_ok=True),
    # "… has grown to 19 members, with Portugal in the process of joining": the coalition of the sentence
    Rule("with L in the process of joining", _p(rf"\bwith\s+{_THE}{_L}\s+(?:now\s+|also\s+|still\s+)?(?:in\s+the\s+process\s+"
                                                rf"of\s+(?:joining|acceding)|(?:set|expected|due|about|poised)\s+to\s+"
                                                rf"(?:join|accede))\b"),
         "joining", needs_coalition=False, hypothetical_ok=True),
    # A headline's "Spain, Portugal to join Greek-led coalition": they will join, they have not yet
    Rule("L to join C", _p(rf"^\W*{_L}\s+(?:to|set\s+to|poised\s+to|expected\s+to)\s+(?:join|sign\s+up\s+to|"
                           rf"sign\s+on\s+to|enter)\s+{_THE}{_C}"), "joining", hypothetical_ok=True),
    # "Qatar announced on Wednesday that it was joining", "Britain said it was in the process of joining", "Kenya
    # said it was in the process of completing its domestic procedures to join": joining, said by the country itself
    Rule("L said it is joining", _p(rf"{_L}{_PAREN}\s+(?:said|says|confirmed|confirms|announced|announces|told\s+[\w-]+)\s+"
                                    rf"(?:{_W}{{0,30}}?\s)?(?:that\s+)?(?:it|they)\s+(?:was|were|is|are)\s+(?:now\s+|also\s+|"
                                    rf"formally\s+|officially\s+)?(?:joining|in\s+the\s+process\s+of\s+(?:joining|acceding|"
                                    rf"(?:\w+ing\s+)(?:{_W}{{0,50}}?\s)?to\s+(?:join|accede)))"
                                    rf"(?:\s+{_THE}{_C}|(?=\s*(?:$|[,.;]|\s(?:and|in|on|this|next|later|by|before|as)\b)))"),
         "joining", needs_coalition=False, hypothetical_ok=True),
    # "Vanuatu signed up in March, followed by Palau in May": the next to join
    Rule("joined, followed by L", _p(rf"\b(?:joined|signed\s+up|signed\s+on|acceded)\b{_W}{{0,40}}?,\s*(?:(?:and\s+)?(?:was|were)\s+)?"
                                     rf"followed\s+by\s+{_THE}{_L}"), "member", needs_coalition=False),
    # A table's row, "| Chile | Lead |", "Peru | Member", "Ghana | In the process of joining": a country and its role in
    # the coalition named before the table (cells split by bars or tabs)
    Rule("| L | Lead |", _p(rf"^\W*{_THE}{_L}\s*(?:\||\t)\s*(?:co-?)?(?:lead|leads|leader|lead\s+nation|chair|chairs|"
                            rf"coordinator|head)\s*(?:\||\t|$)"), "lead", needs_coalition=False),
    Rule("| L | Member |", _p(rf"^\W*{_THE}{_L}\s*(?:\||\t)\s*(?:founding\s+|full\s+|new\s+)?(?:member|participant|"
                              rf"signatory|joined(?:\s+(?:in\s+)?\w+(?:\s+\d{{4}})?)?)\s*(?:\||\t|$)"),
         "member", needs_coalition=False),
    Rule("| L | Joining |", _p(rf"^\W*{_THE}{_L}\s*(?:\||\t)\s*(?:joining|acceding|in\s+the\s+process\s+of\s+(?:joining|"
                               rf"acceding)|accession\s+pending)\s*(?:\||\t|$)"), "joining", needs_coalition=False),
    # ---------------------------------------------------------------- never members
    Rule("L has not joined C", _p(rf"{_L}{_PAREN}{_AUX}\s+(?:not|never|no\s+longer)\s+(?:yet\s+)?(?:joined|join|been\s+"
                                  rf"part\s+of|part\s+of|a\s+member\s+of|members\s+of|signed\s+up\s+to)\s+"
                                  rf"(?:{_W}{{0,20}}?){_C}"), "not"),
    # "Lithuania has not joined.": of the coalition of the sentences before
    Rule("L has not joined", _p(rf"(?:^|[,;:]\s*(?:and|but|while|whereas|though)?)\s*{_THE}{_L}{_PAREN}{_AUX}\s+(?:not|never|"
                                rf"no\s+longer)\s+(?:yet\s+)?(?:joined|signed\s+up|signed\s+on|taken\s+part|been\s+part\s+of\s+it|"
                                rf"been\s+a\s+member)(?=\s*(?:[.,;]|$))"), "not", needs_coalition=False),
    Rule("L, not a member of C", _p(rf"{_L}\s*,\s*(?:which|who)\s+(?:is|are|was|were)\s+not\s+(?:a\s+)?(?:members?\s+of|"
                                    rf"part\s+of)\s+{_THE}{_C}"), "not"),
    Rule("L, also outside C", _p(rf"{_L}\s*,\s*(?:also\s+|both\s+)?outside\s+{_THE}{_C}"), "not"),
    # "Niger withdrew from the alliance in 2024", "Mali has since left the bloc": no longer a member (not "left the
    # coalition's meeting early", nor "would leave", nor "threatened to quit")
    Rule("L withdrew from C", _p(rf"{_L}{_PAREN}{_AUX}(?:\s+since|\s+formally|\s+officially|\s+already|\s+also)*\s+"
                                 rf"(?:withdrew|withdrawn|pulled\s+out|left|quit|exited)\s+(?:from\s+|of\s+)?{_THE}{_C}"
                                 rf"(?![\"”’']?\s*['’]s)(?=\s*[\"”’']?\s*(?:[.,;:)]|$|\s+(?:in|last|this|on|after|over|"
                                 rf"because|when|and|but|earlier|two|three|a)\b))"), "not"),
)

#: "Eight countries have signed up so far." said of a coalition, with the countries in the next sentence.
COUNTED_JOINERS = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+dozen|several)\s+"
                             r"(?:countries|nations|states|governments)\s+(?:have|had)\s+(?:now\s+|already\s+)?"
                             r"(?:joined|signed\s+up|signed\s+on)(?:\s+so\s+far|\s+to\s+date|\s+already)?\s*[.\"”]*\s*$|"
                             # "The alliance now has four members." (they may be listed in the next sentence)
                             r"\b(?:has|have|had|counts|numbers)\s+(?:now\s+|grown\s+to\s+)?(?:\d+|two|three|four|five|six|seven|"
                             r"eight|nine|ten|eleven|twelve|a\s+dozen)\s+(?:full\s+|founding\s+)?(?:members|member\s+states|"
                             r"signatories|participants)(?:\s+so\s+far|\s+to\s+date|\s+now)?\s*[.\"”]*\s*$",
                             re.I)
#: A sentence that is nothing but a list of countries: "Kenya, France, Benin, and of course the two co-chairs."
#: (A tail that holds a negation says something else of them: "…, but not Chad".)
#: A lead mark: "- Chile (chair)".
LIST_ONLY = re.compile(r"^\W*(?:(?i:they|these|those)\s+(?:are|were|include)\s+(?:the\s+)?)?(?P<l>‹L\d+›)(?P<mark>\s*\((?:co-?)?(?:lead|leader|chair|coordinator)\))?"
                       r"(?P<tail>\s*,?\s*(?:and\s+)?[a-z][a-z\s-]{0,40})?\s*[.!;,\"”]*\s*$")
#: "three new groups - logistics, cyber and counter-drone coalitions - to be led respectively by …"
RESPECTIVELY = re.compile(rf"(?P<cs>‹C\d+›(?:\s*,\s*‹C\d+›)*\s*,?\s*(?:and|&)\s*‹C\d+›)(?:[^‹;]{{0,80}}?)"
                          rf"(?:co-?)?(?:led|chaired|headed|coordinated)\s+(?P<r1>respectively\s+)?by\s+{_THE}{_L}"
                          rf"(?P<r2>\s*,?\s*respectively)?", re.I)

#: "Lithuania leads the demining coalition and Germany the air-defence coalition": the verb said once.
GAPPED_LEADS = re.compile(r"‹L\d+›\s+(?:(?:now|also|jointly|will|would|is\s+to|are\s+to)\s+)*(?:co-?)?(?:lead|leads|led|chair|chairs|chaired|head|"
                          r"heads|headed)\s+(?:the\s+)?‹C\d+›(?:(?:\s*,\s*(?:and\s+)?|\s*,?\s*and\s+)(?:the\s+)?"
                          r"‹L\d+›\s+(?:the\s+)?‹C\d+›)+(?=\s*(?:[.;,)]|$))", re.I)
#: Words that make a pattern's words say the opposite or nothing.
NEGATION = re.compile(r"\b(?:not|never|no\s+longer|neither|nor|refus\w*|declin\w*|outside|as\s+(?:an?\s+)?observers?|"
                      r"observer\s+(?:status|states?|countr\w+|nations?)|suspended|"
                      r"withdr[ae]w\w*|pulled\s+out|left\s+the|quit|stayed\s+out|stays\s+out|stay\s+out|excluded?|"
                      r"without|rather\s+than|instead\s+of)\b|n['’]t\b", re.I)
HYPOTHETICAL = re.compile(r"\b(?:could|might|may|should|if|whether|unless|reports?\s+that|asked\s+to|invited\s+to|"
                          r"consider\w*|studying|plans?\s+to|wants?\s+to|hopes?\s+to|intends?\s+to|would)\b", re.I)
#: "to join", "to lead" after a verb of intention; "the latest to join" is a fact.
INFINITIVE = re.compile(r"(?<!latest )(?<!last )(?<!first )(?<!newest )(?<!next )\bto\s+(?:join|sign\s+up|sign\s+on|"
                        r"accede|become\s+(?:a\s+)?members?|take\s+part|participate|contribute|(?:co-?)?(?:lead|head|"
                        r"chair))\b", re.I)
#: The month, not the verb: "in May", "since May", "May 12".
_MONTH_MAY = re.compile(r"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Ff]rom|[Bb]y|[Ll]ast|[Nn]ext|[Ee]arly|[Ll]ate|[Mm]id-?|[Oo]f|[Tt]his|"
                        r"[Bb]efore|[Aa]fter|[Ii]n\s+early|[Ii]n\s+late)\s+May\b|\bMay\s+\d{1,4}\b")
REPORTED_FUTURE = re.compile(r"\bsaid\s+(?:that\s+)?(?:it|they|he|she)\s+would\b", re.I)
JOINING = re.compile(r"\b(?:in\s+the\s+process\s+of|expected\s+to|set\s+to|due\s+to|poised\s+to|preparing\s+to|"
                     r"about\s+to|applied\s+to|applying\s+to|will\s+join|is\s+to\s+join|are\s+to\s+join|"
                     r"is\s+joining|are\s+joining|likely\s+to|(?:pledged|promised|agreed|decided|voted|committed|"
                     r"signalled|signaled)\s+to\s+join|will\s+sign\s+up)\b", re.I)

#: "has been chosen to lead", "was elected to chair", "has agreed to lead": a lead decided, not an intention.
CHOSEN = re.compile(r"\b(?:chosen|selected|elected|appointed|picked|designated|tapped|agreed)\s+(?:as\s+\w+\s+)?to\s+"
                    r"(?:co-?)?(?:lead|head|chair)\b", re.I)


def plain(matched: str, match: re.Match[str]) -> str:
    """The words of a match that decide whether it holds: without the markers, and without a
    relative clause after the subject (its negation is about something else)."""
    text = matched
    try:
        paren = match.group("paren")
    except IndexError:
        paren = None
    if paren:
        text = text.replace(paren, " ", 1)
    return MARK.sub(" ", text)


def judged(rule: Rule, match: re.Match[str]) -> str | None:
    """The role the match gives ("lead", "member", "joining", "not"), or None when its own words
    deny or only suppose it."""
    words = plain(match.group(0), match)
    if rule.role == "not":
        return "not"
    if rule.unless is not None and rule.unless.search(words):
        return None
    if NEGATION.search(words):
        return None
    supposed = _MONTH_MAY.sub(" ", words)
    hypothesis = HYPOTHETICAL.search(REPORTED_FUTURE.sub(" ", supposed)) if not rule.hypothetical_ok else \
        re.search(r"\b(?:could|might|may|should|if|whether|unless|reports?\s+that)\b", supposed, re.I)
    if hypothesis:
        return None
    if rule.role in ("member", "lead") and not rule.infinitive_ok and INFINITIVE.search(words):
        # "is keen to join", "offered to lead": an intention, not a fact, unless it was agreed
        if rule.role == "lead" and CHOSEN.search(words):
            return "lead"  # "has been chosen to lead": a decision taken
        return ("joining" if rule.role == "member" else "lead") if JOINING.search(words) else None
    if rule.role == "member" and JOINING.search(words):
        return "joining"
    return rule.role
