"""A .pdf in, a Source out: the text layer, page by page (pdfminer.six), remembering the
page of every line. A PDF without a text layer (a scan) or one that is encrypted is an
input error, never a clean pass."""

from __future__ import annotations

import io

from lawlint.document import source
from lawlint.errors import InputError
from lawlint.extract import require_text


SUFFIXES = (".pdf",)


def extract(data: bytes, name: str, encoding: str | None = None) -> source.Source:
    """`encoding` is not used: the text layer is Unicode."""
    pages = _page_texts(data, name)
    lines, numbers = [], []
    for number, text in enumerate(pages, start=1):
        for line in text.rstrip("\n").split("\n"):
            lines.append(line)
            numbers.append(number)
    text = "\n".join(lines)
    if not text.strip():
        raise InputError("no text layer (a scanned PDF?)", name,
                         hint="run OCR to add a text layer, or lint the original .docx")
    return source.from_text(require_text(text, name, "PDF"), name, "pdf", format="pdf",
                            pages=tuple(numbers))


def _page_texts(data: bytes, name: str) -> list[str]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    try:
        return ["".join(element.get_text() for element in page if isinstance(element, LTTextContainer))
                for page in extract_pages(io.BytesIO(data))]
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError("encrypted PDF", name, hint="remove the password and lint it again") from None
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AssertionError) as exc:
        raise InputError(f"not a readable PDF ({exc.__class__.__name__})", name,
                         hint="the file may be truncated or damaged") from None
