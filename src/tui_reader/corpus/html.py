"""HTML to text, for the HTML that feeds carry in their items.

A stand-in with the signature the saved-pages work gives `fragment_text` (branch `pages`),
which replaces this module when the two are merged. lxml only parses: nothing is fetched,
no script is run, and what is not text (scripts, styles, images, frames) is dropped.
"""

from __future__ import annotations

import lxml.etree
import lxml.html

_DROPPED = ("script", "style", "noscript", "iframe", "object", "embed", "img", "svg",
            "video", "audio", "picture", "source", "template", "form")  # fmt: skip
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
           "pre", "tr", "section", "article", "figure", "figcaption", "hr", "dd", "dt")  # fmt: skip


def fragment_text(html: str) -> str:
    """The text of an HTML fragment, a paragraph a block, paragraphs between blank lines."""
    if "<" not in html and "&" not in html:
        return html
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (lxml.etree.ParserError, ValueError):  # nothing in it but blanks or comments
        return ""
    lxml.etree.strip_elements(root, lxml.etree.Comment, *_DROPPED, with_tail=False)
    for element in root.iter(*_BLOCKS):
        element.tail = "\n\n" + (element.tail or "")
        element.text = "\n\n" + (element.text or "")
    paragraphs = (" ".join(block.split()) for block in root.text_content().split("\n\n"))
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)
