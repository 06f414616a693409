"""newsgraph: news articles to linked data."""

__version__ = "0.1.0"
