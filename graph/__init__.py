"""storygraph: news articles in, one story-timeline knowledge graph out."""

__version__ = "0.1.0"
