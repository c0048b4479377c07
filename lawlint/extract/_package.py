"""The checks every zip-of-XML format gets before its reader opens it (.docx, .ofd): a small
file can unpack to gigabytes or carry an entity bomb (issue 13). The sizes in the zip headers
are checked first, at no cost; then every part is unpacked once, in chunks, against a copy of
its header that allows one chunk more than it declares (zipfile cuts a part off at its
declared size, but a reader's single read() inflates up to 2 GB before the cut, so a header
that lies must be caught here); the XML parts its reader parses are scanned on the way for a
DTD and for over-long text nodes."""

from __future__ import annotations

import copy
import io
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass

from lawlint import limits
from lawlint.errors import InputError


@dataclass(frozen=True, slots=True)
class Kind:
    """How a format's messages name it, its writer and what to do, and which of its parts
    its reader parses as XML."""

    label: str                       # ".docx", "OFD"
    writer: str                      # "Word", "an OFD writer"
    remedy: str                      # the hint for a damaged or hostile package
    parsed: Callable[[str], bool]    # part name → parsed as XML by the reader


def check_package(data: bytes, name: str, kind: Kind) -> None:
    """InputError unless every part of the package keeps within the limits in force."""
    bounds = limits.current()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            members = package.infolist()
            _check_headers(members, bounds, name, kind)
            for member in members:
                _check_part(package, member, bounds, name, kind)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError,
            ValueError, OSError) as exc:
        raise unreadable(exc.__class__.__name__, name, kind) from None


def unreadable(why: str, name: str, kind: Kind) -> InputError:
    return InputError(f"not a readable {kind.label} ({why})", name, hint=kind.remedy)


def _check_headers(members: list[zipfile.ZipInfo], bounds: limits.Limits, name: str, kind: Kind) -> None:
    """Sizes as the central directory declares them; only store or deflate (bzip2 and lzma
    inflate without any bound inside zipfile, and no office writer uses them)."""
    for member in members:
        if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise unreadable(f"{member.filename} uses zip method {member.compress_type}; "
                             f"{kind.writer} only stores or deflates", name, kind)
        if member.file_size > bounds.zip_member:
            raise limits.exceeded(f"{member.filename} unpacks to {limits.size(member.file_size)}, "
                                  "over {limit}", "zip_member", name)
    total = sum(member.file_size for member in members)
    if total > bounds.zip_total:
        raise limits.exceeded(f"the parts unpack to {limits.size(total)} together, over {{limit}}",
                              "zip_total", name)


def _check_part(package: zipfile.ZipFile, member: zipfile.ZipInfo, bounds: limits.Limits,
                name: str, kind: Kind) -> None:
    probe = copy.copy(member)
    probe.file_size = member.file_size + _CHUNK  # so a part longer than its header shows
    scan = _XmlScan() if kind.parsed(member.filename) else None
    unpacked = 0
    with package.open(probe) as handle:
        while chunk := handle.read(_CHUNK):
            unpacked += len(chunk)
            if unpacked > member.file_size:
                raise unreadable(f"{member.filename} unpacks to more than its zip header says", name, kind)
            if scan is not None:
                scan.feed(chunk)
    if scan is None:
        return
    if scan.dtd:
        raise InputError(f"{member.filename} declares a DTD (<!DOCTYPE or <!ENTITY); "
                         f"{kind.writer} never writes one, an entity bomb does", name, hint=kind.remedy)
    if scan.longest > bounds.xml_text:
        raise limits.exceeded(f"{member.filename} has a text node of {limits.size(scan.longest)}, "
                              "over {limit}", "xml_text", name)


_CHUNK = 1 << 20

_DTD = tuple(marker.encode(codec) for marker in ("<!DOCTYPE", "<!ENTITY")
             for codec in ("utf-8", "utf-16-le", "utf-16-be"))
_OVERLAP = max(map(len, _DTD)) - 1


def declares_dtd(data: bytes) -> bool:
    """Whether a whole XML part holds a DTD marker (for a part a reader reaches outside the
    scan of check_package, e.g. one not named .xml)."""
    return any(marker in data for marker in _DTD)


class _XmlScan:
    """What a streaming look at an XML part finds: a DTD marker anywhere (across chunk
    boundaries), and the longest run of bytes without '<'. That run is an upper bound on a
    text node (it also holds the tag before it), found at C speed with bytes.split; office
    writers split text into runs, so a real part never comes near the limit. lxml's own cap (10 MB
    per text node, python-docx parses without huge_tree) stays behind it."""

    def __init__(self) -> None:
        self.dtd = False
        self.longest = 0
        self._run = 0
        self._tail = b""

    def feed(self, chunk: bytes) -> None:
        window = self._tail + chunk
        self.dtd = self.dtd or any(marker in window for marker in _DTD)
        self._tail = window[-_OVERLAP:]
        pieces = chunk.split(b"<")
        if len(pieces) == 1:
            self._run += len(chunk)
        else:
            inner = max(map(len, pieces[1:-1]), default=0)
            self.longest = max(self.longest, self._run + len(pieces[0]), inner)
            self._run = len(pieces[-1])
        self.longest = max(self.longest, self._run)
