"""tui-reader: a terminal reader for collections of news articles."""

__version__ = "0.1.0"
