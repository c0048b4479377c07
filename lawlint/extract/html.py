"""An HTML page in, a Source out: the report body of a government web page as text, one line
per block element; navigation, scripts, styles, headers, footers and forms are dropped.
Findings point at lines of this extracted text.

Deep nesting is refused while the page is parsed (the html_depth limit, issue 13): finding
the report body reads the text under every candidate container, so its cost grows with the
depth times the size of the page."""

from __future__ import annotations

import regex

from lawlint import limits
from lawlint.document import source
from lawlint.errors import InputError
from lawlint.extract import require_text

_DROP = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
         "select", "button", "template", "svg")
_BLOCK = ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
          "article", "table", "blockquote", "pre", "dd", "dt", "ul", "ol")
_CONTENT = regex.compile(r"TRS_Editor|zoom|article|content|detail|main|text|con", regex.I)
_HAN = regex.compile(r"\p{Han}")


SUFFIXES = (".html", ".htm")


def extract(data: bytes, name: str, encoding: str | None = None) -> source.Source:
    """The page is decoded like a text file (BOM, then UTF-8, then GB18030…) unless
    `encoding` says otherwise."""
    text = source.from_bytes(data, name, encoding).text
    try:
        return source.from_text(require_text(_text(text), name, "HTML page"), name, "utf-8",
                                format="html")
    except _TooDeep as exc:
        raise limits.exceeded(f"elements nest deeper than {{limit}} (line {exc.line})",
                              "html_depth", name) from None
    except RecursionError:
        raise InputError("elements nest too deeply to read", name,
                         hint=f"lower --limit html-depth (now {limits.current().html_depth})") from None


def _text(page: str) -> str:
    soup = _parse(page)
    for tag in soup(_DROP):
        tag.decompose()
    body = _content(soup)
    for tag in body.find_all(_BLOCK):    # a line break around each block, inside it: the
        tag.insert(0, "\n")             # same text, and insert_before() looks the tag up
        tag.append("\n")                # among its siblings, quadratic on a long page
    lines = [" ".join(line.split()) for line in body.get_text().split("\n")]
    return regex.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"


class _TooDeep(Exception):
    def __init__(self, depth: int, line: int | None) -> None:
        super().__init__(depth, line)
        self.depth, self.line = depth, line


def _parse(page: str):
    """The page parsed by html.parser, refused (_TooDeep) as soon as an element opens deeper
    than html_depth. The check rides on BeautifulSoup.pushTag, the one place bs4 opens an
    element, so it costs nothing and counts depth exactly as the tree is built (unclosed tags
    included), where a scan of the markup ahead would have to guess html.parser's rules; the
    price is leaning on a method bs4 marks internal (stable since bs4 4.0; the depth tests
    fail if it moves)."""
    from bs4 import BeautifulSoup

    limit = limits.current().html_depth

    class Soup(BeautifulSoup):
        def pushTag(self, tag) -> None:
            super().pushTag(tag)
            if len(self.tagStack) - 1 > limit:        # tagStack[0] is the document itself
                raise _TooDeep(limit, getattr(tag, "sourceline", None))

    return Soup(page, "html.parser")


def _content(soup):
    """The element most likely to hold the report: a content container with the most Chinese
    text (an 'article', 'TRS_Editor' or 'zoom' div on most government sites), else <body>."""
    root = soup.body or soup
    candidates = [tag for tag in root.find_all(["article", "main", "div", "section", "td"])
                  if _CONTENT.search(" ".join([tag.get("id") or "", *(tag.get("class") or [])]))
                  or tag.name in ("article", "main")]
    han = {id(tag): len(_HAN.findall(tag.get_text())) for tag in candidates}
    total = len(_HAN.findall(root.get_text())) or 1
    best = max(candidates, key=lambda tag: han[id(tag)], default=None)
    return best if best is not None and han[id(best)] >= 0.5 * total else root
