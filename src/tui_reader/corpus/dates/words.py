"""The words date expressions are made of: months, weekdays, seasons, counts, and the
pieces of pattern that match them."""

from __future__ import annotations

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}  # fmt: skip
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}
# Month and weekday names may be lowercase, as in quotes and posts, except "may" and "march",
# which are more often a verb.
MONTH_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|january|february|april|june|july|august|september|october|november|december)"
)
MONTH_ANY = (
    MONTH_FULL[:-1]
    + r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
WEEKDAY = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
)
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
NOT_CLOCK = r"(?!\s?(?:GMT|BST|UTC|[ECMP][SD]?T|CES?T|hrs\b|hours|h\b))"
"""After a number that could be a year: it is not a time of day ("by 1650 GMT")."""
RELATION = r"(?P<{}>[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast|[Cc]oming)"
"""A relation word, capitalised too at the start of a sentence ("Last month, …"), in a
group of the name given (`RELATION.format(name)`)."""
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
