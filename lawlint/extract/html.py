"""An HTML page in, a Source out: the report body of a government web page as text, one line
per block element; navigation, scripts, styles, headers, footers and forms are dropped.
Findings point at lines of this extracted text."""

from __future__ import annotations

import regex

from lawlint.document import source
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
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(source.from_bytes(data, name, encoding).text, "html.parser")
    for tag in soup(_DROP):
        tag.decompose()
    body = _content(soup)
    for tag in body.find_all(_BLOCK):
        tag.insert_before("\n")
        tag.insert_after("\n")
    lines = [" ".join(line.split()) for line in body.get_text().split("\n")]
    text = regex.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"
    return source.from_text(require_text(text, name, "HTML page"), name, "utf-8", format="html")


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
