"""The corpus model: loading, cleaning, dates, entities, the timeline and search. Pure
Python: it reads the files it is given and writes none (`store` keeps what persists), and
it never imports Textual (tests/test_import_hygiene.py)."""
