"""A .pdf in, a Source out: the text layer, page by page (pdfminer.six), remembering the
page of every line. A PDF without a text layer (a scan) or one that is encrypted is an
input error, never a clean pass.

A PDF is held to the limits in force (lawlint/limits.py, issue 13): its pages are counted
before any page is read, and every stream pdfminer decodes is bounded while it is decoded."""

from __future__ import annotations

import io
import itertools
import threading
import zlib
from contextvars import ContextVar

from lawlint import limits
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
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    _bound_decoders()
    bounds = limits.current()
    token = _SPENT.set([0])
    try:
        return _read(data, bounds, name)
    except _StreamTooBig as exc:
        what = "the PDF's streams unpack" if exc.total else f"a {exc.codec} stream unpacks"
        raise limits.exceeded(what + " to more than {limit}", "pdf_total" if exc.total else "pdf_stream",
                              name) from None
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError("encrypted PDF", name, hint="remove the password and lint it again") from None
    except RecursionError:
        raise InputError("not a readable PDF (its objects nest too deeply)", name,
                         hint="the file may be damaged or hostile") from None
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AssertionError,
            RuntimeError, StopIteration) as exc:
        raise InputError(f"not a readable PDF ({exc.__class__.__name__})", name,
                         hint="the file may be truncated or damaged") from None
    finally:
        _SPENT.reset(token)


def _read(data: bytes, bounds: limits.Limits, name: str) -> list[str]:
    """The text of each page, after counting the pages: the page tree costs little to walk,
    reading a page costs a lot."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams, LTTextContainer
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    document = PDFDocument(PDFParser(io.BytesIO(data)))
    pages = list(itertools.islice(PDFPage.create_pages(document), bounds.pdf_pages + 1))
    if len(pages) > bounds.pdf_pages:
        raise limits.exceeded(f"the PDF has {_declared_pages(document, bounds.pdf_pages)} pages, "
                              "over {limit}", "pdf_pages", name)
    device = PDFPageAggregator(PDFResourceManager(caching=True), laparams=LAParams())
    interpreter = PDFPageInterpreter(device.rsrcmgr, device)
    texts = []
    for page in pages:
        _spend(sum(len(stream.get_data()) for stream in _streams(page.contents)))   # drawn again
        interpreter.process_page(page)
        texts.append("".join(element.get_text() for element in device.get_result()
                             if isinstance(element, LTTextContainer)))
    return texts


def _declared_pages(document, counted: int) -> str:
    """The page count the page tree declares when it says more than we counted, else
    'more than N' (we stop counting at the limit)."""
    from pdfminer.pdftypes import resolve1

    declared = resolve1(resolve1(document.catalog.get("Pages")) or {}).get("Count")
    return str(declared) if isinstance(declared, int) and declared > counted else f"more than {counted}"


class _StreamTooBig(Exception):
    """Raised from inside pdfminer's decoding; _page_texts names the file. `total`: it is
    the document's budget (pdf_total) that ran out, not the stream's own limit."""

    def __init__(self, codec: str, total: bool = False) -> None:
        super().__init__(codec)
        self.codec = codec
        self.total = total


# The stream bytes one document has made lawlint read so far: set for each PDF by
# _page_texts, spent by every decoder and by every page for the content streams it draws
# (2,000 pages may draw one 64 MB stream: decoded once, read 2,000 times).
_SPENT: ContextVar[list[int] | None] = ContextVar("pdf_spent", default=None)


def _spend(size: int, codec: str = "content") -> None:
    spent = _SPENT.get()
    if spent is None:
        return
    spent[0] += size
    if spent[0] > limits.current().pdf_total:
        raise _StreamTooBig(codec, total=True)


def _over(codec: str) -> _StreamTooBig:
    """A stream over what it may unpack to: over its own limit, or over what is left of the
    document's budget when that was the smaller."""
    return _StreamTooBig(codec, total=_limit() < limits.current().pdf_stream)


def _decoded(data: bytes, codec: str) -> bytes:
    _spend(len(data), codec)
    return data


def _streams(contents) -> list:
    """The page's content streams (pdfminer leaves references in the list unresolved)."""
    from pdfminer.pdftypes import PDFStream, resolve1

    return [stream for stream in map(resolve1, contents or ()) if isinstance(stream, PDFStream)]


# Bounded decoders. pdfminer decodes a stream in PDFStream.decode with module-level names of
# pdfminer.pdftypes (zlib.decompress, lzwdecode, rldecode, ccittfaxdecode…) and offers no
# size limit, so those names are replaced, once per process, by versions that stop at
# `pdf_stream` of the limits in force. The limit is read from the context variable at each
# call, so threads with different limits share the replacement safely; nothing is swapped
# back and forth, which would race. Filters that do not expand (ASCIIHex, predictors) and
# those pdfminer passes through (DCT, JPX, JBIG2) are left alone; ASCII85 grows at most 4x
# and is checked after it runs.

_LOCK = threading.Lock()
_BOUND = False


def _bound_decoders() -> None:
    global _BOUND
    with _LOCK:
        if _BOUND:
            return
        from pdfminer import pdftypes

        pdftypes.zlib = _BoundedZlib()
        pdftypes.lzwdecode = _lzw
        pdftypes.rldecode = _runlength
        pdftypes.ccittfaxdecode = _ccitt
        pdftypes.ascii85decode = _checked(pdftypes.ascii85decode, "ASCII85Decode")
        _BOUND = True


def _limit() -> int:
    """What the stream being decoded may unpack to: its own limit, or what is left of the
    document's budget if that is less."""
    bounds, spent = limits.current(), _SPENT.get()
    left = bounds.pdf_total - spent[0] if spent is not None else bounds.pdf_total
    return max(0, min(bounds.pdf_stream, left))


class _BoundedZlib:
    """The zlib module as pdftypes sees it: decompress() is `_inflate`, the rest is zlib."""

    error = zlib.error

    def __getattr__(self, name: str):
        return getattr(zlib, name)

    @staticmethod
    def decompress(data: bytes, *args) -> bytes:
        return _inflate(data)


def _inflate(data: bytes) -> bytes:
    """FlateDecode through decompressobj(max_length): it stops one byte past the limit, so a
    flate bomb costs the limit, not its full size. A damaged stream gives what pdfminer's
    decompress_corrupted would (the data before a bad checksum, else nothing), without that
    function's byte-by-byte, quadratic concatenation."""
    try:
        return _inflate_bounded(data)
    except zlib.error:
        try:
            return _inflate_bounded(data[:-4])    # a bad Adler-32 trailer: keep the data
        except zlib.error:
            return b""


_PIECE = 1 << 20


def _inflate_bounded(data: bytes) -> bytes:
    """Inflated a megabyte at a time: one call with max_length = the limit would allocate
    the whole limit (and more, as zlib grows its buffer) before a bomb is found out."""
    limit, inflater, pieces, size = _limit(), zlib.decompressobj(), [], 0
    pending = data
    while pending:
        piece = inflater.decompress(pending, _PIECE)
        size += len(piece)
        if size > limit:
            raise _over("FlateDecode")
        pieces.append(piece)
        pending = inflater.unconsumed_tail
        if not piece:   # nothing more comes out of what is left (a stream cut short)
            break
    return _decoded(b"".join(pieces), "FlateDecode")


def _lzw(data: bytes) -> bytes:
    """pdfminer's LZW decoder yields its output piece by piece: stop at the limit."""
    from pdfminer.lzw import LZWDecoder

    limit, size, pieces = _limit(), 0, []
    for piece in LZWDecoder(io.BytesIO(data)).run():
        size += len(piece)
        if size > limit:
            raise _over("LZWDecode")
        pieces.append(piece)
    return _decoded(b"".join(pieces), "LZWDecode")


def _runlength(data: bytes) -> bytes:
    """RunLengthDecode's output size is in its length bytes: add them up first (stopping at
    the limit), then let pdfminer decode."""
    from pdfminer.runlength import rldecode

    limit, size, index = _limit(), 0, 0
    while index < len(data) and data[index] != 128:
        length = data[index]
        size += length + 1 if length < 128 else 257 - length
        index += length + 2 if length < 128 else 2
        if size > limit:
            raise _over("RunLengthDecode")
    return _decoded(rldecode(data), "RunLengthDecode")


def _ccitt(data: bytes, params: dict) -> bytes:
    """CCITT fax is an image codec pdfminer decodes only when a stream it must read claims
    it. pdfminer holds a row as a list of /Columns pixels (8 bytes each), rows cost a few bits
    of input each, and it concatenates them quadratically: check the row, then count the rows
    as they come, joined once at the end."""
    from pdfminer.ccitt import CCITTFaxDecoder
    from pdfminer.pdfexceptions import PDFValueError

    limit = _limit()
    columns = params.get("Columns")
    if params.get("K") != -1 or not isinstance(columns, int) or columns <= 0:
        raise PDFValueError(f"unsupported CCITTFaxDecode parameters {params!r}")
    if columns * 8 > limit:
        raise _over("CCITTFaxDecode")

    class Decoder(CCITTFaxDecoder):
        def output_line(self, y: int, bits) -> None:
            super().output_line(y, bits)            # packs the row into self._buf
            rows.append(self._buf)
            self._buf = b""
            if len(rows) * len(rows[0]) > limit:
                raise _over("CCITTFaxDecode")

    rows: list[bytes] = []
    decoder = Decoder(columns, bytealign=bool(params.get("EncodedByteAlign")),
                      reversed=bool(params.get("BlackIs1")))
    decoder.feedbytes(data)
    return _decoded(b"".join(rows), "CCITTFaxDecode")


def _checked(decode, codec: str):
    """A decoder that cannot grow much, refused after it runs if its output is over the limit."""
    def checked(data: bytes, *args) -> bytes:
        decoded = decode(data, *args)
        if len(decoded) > _limit():
            raise _over(codec)
        return _decoded(decoded, codec)
    return checked
