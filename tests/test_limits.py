"""Hostile input never costs more than its size (issue 13): each limit of lawlint/limits.py
refuses a file just over it in one line naming the file and the limit, a file just under it
still reads, and the refusal comes before the expensive work. The hostile files are built
here, small, under lowered limits."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

import pytest
from click.testing import CliRunner

from builders import to_docx, to_html, to_pdf
from conftest import COMPLIANT, ROOT, SEEDS

from lawlint import extract, limits
from lawlint.cli import main
from lawlint.errors import InputError, LawlintError, PackError
from lawlint.packs import config, packfile, yamlsource

KB = 1024
REPORT = "安溪县卫生健康局2023年法治政府建设年度报告\n报告正文。\n"
BASE_DOCX = to_docx(REPORT)


def lowered(**values):
    return limits.applied(limits.DEFAULT.with_values(values))


# --- builders of hostile files ---------------------------------------------------------------

def docx_with(parts: dict[str, bytes]) -> bytes:
    """The report as a .docx with some parts replaced or added."""
    source, buffer = zipfile.ZipFile(io.BytesIO(BASE_DOCX)), io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name in [*source.namelist(), *(set(parts) - set(source.namelist()))]:
            package.writestr(name, parts.get(name) or source.read(name))
    return buffer.getvalue()


def docx_with_text_node(length: int) -> bytes:
    document = zipfile.ZipFile(io.BytesIO(BASE_DOCX)).read("word/document.xml")
    return docx_with({"word/document.xml": document.replace("报告正文".encode(), b"x" * length)})


def docx_unpacking_to(total: int) -> bytes:
    """The report plus a media part that brings the package to `total` bytes unpacked."""
    unpacked = sum(info.file_size for info in zipfile.ZipFile(io.BytesIO(BASE_DOCX)).infolist())
    return docx_with({"word/media/pad.bin": b"\0" * (total - unpacked)})


def docx_with_lying_header(real: int, declared: int) -> bytes:
    """A part of `real` bytes whose central directory says `declared`, with the checksum of
    what zipfile would hand over after cutting it there: only a count of what inflates shows."""
    content = b" " * real
    data = bytearray(docx_with({"word/media/pad.bin": content}))
    entry = data.index(b"PK\x01\x02")             # the central directory's first entry
    while data[entry + 46:entry + 46 + len(b"word/media/pad.bin")] != b"word/media/pad.bin":
        entry = data.index(b"PK\x01\x02", entry + 4)
    struct.pack_into("<I", data, entry + 16, zlib.crc32(content[:declared]))
    struct.pack_into("<I", data, entry + 24, declared)
    return bytes(data)


def entity_bomb() -> bytes:
    entities = "".join(f'<!ENTITY e{i} "{f"&e{i - 1};" * 10}">' for i in range(1, 10))
    return (f'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY e0 "lol">{entities}]>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            '<w:body><w:p><w:r><w:t>&e9;</w:t></w:r></w:p></w:body></w:document>').encode()


def docx_of_spaces(size: int) -> bytes:
    """A .docx whose document.xml is `size` bytes of spaces, deflated in chunks."""
    buffer, chunk = io.BytesIO(), b" " * (1024 * KB)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        with package.open("word/document.xml", "w") as part:
            for start in range(0, size, len(chunk)):
                part.write(chunk[:size - start])
    return buffer.getvalue()


def pdf_of(objects: list[bytes]) -> bytes:
    """A PDF of these objects (1 0 obj is the catalog), with a correct cross-reference table."""
    out, offsets = bytearray(b"%PDF-1.7\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


TEXT = b"BT /F1 12 Tf 72 700 Td (Annual report) Tj ET\n"


def pdf_with_stream(encoded: bytes, filters: bytes) -> bytes:
    """One page whose content stream is `encoded` under `filters`."""
    return pdf_of([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d /Filter %s >>\nstream\n%s\nendstream" % (len(encoded), filters, encoded),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 3 0 R >> >> >>",
    ])


def flate_content(size: int) -> bytes:
    return pdf_with_stream(zlib.compress(TEXT + b" " * (size - len(TEXT))), b"/FlateDecode")


def run_length_content(size: int) -> bytes:
    """Text, then spaces in runs of 128 (two bytes each: RunLengthDecode's best ratio)."""
    runs, rest = divmod(size - len(TEXT), 128)
    encoded = bytes([len(TEXT) - 1]) + TEXT + bytes([129, 32]) * runs
    encoded += bytes([rest - 1]) + b" " * rest if rest else b""
    return pdf_with_stream(encoded + b"\x80", b"/RunLengthDecode")


def pdf_of_pages(count: int) -> bytes:
    lines_per_page = (842 - 2 * 50) // 14 + 1
    return to_pdf("\n".join(f"第{n}行。" for n in range(lines_per_page * count)) + "\n")


def deep_page_tree(depth: int) -> bytes:
    kids = [b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (n + 3) for n in range(depth)]
    return pdf_of([b"<< /Type /Catalog /Pages 2 0 R >>", *kids, b"<< /Type /Page >>"])


def nested_html(depth: int) -> bytes:
    return ("<div>" * depth + "报告正文" + "</div>" * depth).encode()


def alias_bomb(levels: int, width: int = 9) -> str:
    """Each level a list of `width` aliases to the one before: width**levels values."""
    lines = ["l0: &l0 [x" + ", x" * (width - 1) + "]"]
    lines += [f"l{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * width) + "]" for n in range(1, levels)]
    return "\n".join(lines) + "\n"


def yaml_of_nodes(count: int) -> str:
    """A mapping of one key and a list: 3 nodes, plus one per item."""
    return "items: [" + ", ".join(["1"] * (count - 3)) + "]\n"


def yaml_of_bytes(size: int) -> str:
    head = "name: pad\n# "
    return head + "x" * (size - len(head) - 1) + "\n"


# --- each limit: just over is refused, just under reads --------------------------------------

# limit name, lowered value, suffix, build(size), size just over, size just under
LIMITS = {
    "zip-member": ("1MB", ".docx", lambda n: docx_with({"word/media/pad.bin": b"\0" * n}),
                   1024 * KB + 1, 1024 * KB),
    "zip-total": ("1MB", ".docx", docx_unpacking_to, 1024 * KB + 1, 1024 * KB),
    # the scan counts a text node with the tag before it (an upper bound): a few bytes of slack
    "xml-text": ("100KB", ".docx", docx_with_text_node, 100 * KB + 1, 100 * KB - 100),
    "pdf-pages": ("2", ".pdf", pdf_of_pages, 3, 2),
    "pdf-stream (flate)": ("100KB", ".pdf", flate_content, 100 * KB + 1, 100 * KB),
    "pdf-stream (run length)": ("100KB", ".pdf", run_length_content, 100 * KB + 1, 100 * KB),
    "html-depth": ("50", ".html", nested_html, 51, 50),
}


def read(data: bytes, name: str, suffix: str):
    return extract.from_bytes(data, name, suffix)


@pytest.mark.parametrize("case", sorted(LIMITS))
def test_a_report_just_over_a_limit_is_refused_in_one_line_naming_file_and_limit(case):
    value, suffix, build, over, _under = LIMITS[case]
    option = case.split()[0]
    data = build(over)
    with lowered(**{option: value}), pytest.raises(InputError) as refused:
        read(data, f"hostile{suffix}", suffix)
    message = str(refused.value)
    assert f"hostile{suffix}" in message and f"{option} limit" in message, message
    assert f"--limit {option}=" in message and "\n" not in message


@pytest.mark.parametrize("case", sorted(LIMITS))
def test_a_report_just_under_a_limit_still_reads(case):
    value, suffix, build, _over, under = LIMITS[case]
    with lowered(**{case.split()[0]: value}):
        assert read(build(under), f"fine{suffix}", suffix).text.strip()


@pytest.mark.parametrize("option, value, text, line", [
    ("yaml-nodes", "1000", alias_bomb(4), 4),     # 9**4 values from a few lines
    ("yaml-nodes", "1000", yaml_of_nodes(1001), 1),
    ("yaml-bytes", "1KB", yaml_of_bytes(1024 + 1), None),
])
def test_a_pack_just_over_a_limit_is_refused_with_file_and_line(option, value, text, line):
    with lowered(**{option: value}), pytest.raises(PackError) as refused:
        yamlsource.load(text, "hostile.yaml")
    assert refused.value.path == "hostile.yaml" and refused.value.line == line
    assert f"{option} limit" in str(refused.value) and f"--limit {option}=" in str(refused.value)


@pytest.mark.parametrize("option, value, text", [
    ("yaml-nodes", "1000", yaml_of_nodes(1000)),
    ("yaml-nodes", "1000", alias_bomb(3)),        # 925 nodes once expanded
    ("yaml-bytes", "1KB", yaml_of_bytes(1024)),
])
def test_a_pack_just_under_a_limit_still_loads(option, value, text):
    with lowered(**{option: value}):
        assert yamlsource.load(text, "fine.yaml")[0]


def test_a_pack_file_over_yaml_bytes_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_text(yaml_of_bytes(2048), encoding="utf-8")
    with lowered(**{"yaml-bytes": "1KB"}), pytest.raises(PackError, match="yaml-bytes limit of 1 KB"):
        packfile.load(path)


# --- refused before the expensive work --------------------------------------------------------

def _explode(*args, **kwargs):
    raise AssertionError("the expensive step ran")


@pytest.mark.parametrize("target, build, suffix, limit", [
    ("docx.Document", lambda: docx_with({"word/media/pad.bin": b"\0" * 2048 * KB}), ".docx",
     "zip-member"),
    ("pdfminer.pdfinterp.PDFPageInterpreter.process_page", lambda: pdf_of_pages(3), ".pdf",
     "pdf-pages"),
    ("lawlint.extract.html._content", lambda: nested_html(60), ".html", "html-depth"),
])
def test_the_limit_is_checked_before_the_expensive_step(monkeypatch, target, build, suffix, limit):
    monkeypatch.setattr(target, _explode)
    with lowered(**{"zip-member": "1MB", "pdf-pages": 2, "html-depth": 50}), \
            pytest.raises(InputError, match=f"{limit} limit"):
        read(build(), f"hostile{suffix}", suffix)


def test_an_alias_bomb_is_refused_before_anything_is_expanded(monkeypatch):
    monkeypatch.setattr(yamlsource._Builder, "build", _explode)
    with pytest.raises(PackError, match="yaml-nodes limit of 200,000"):
        yamlsource.load(alias_bomb(9), "bomb.yaml")       # 387 million values


def test_default_limits_refuse_a_docx_that_unpacks_past_zip_member_in_one_error_line(tmp_path):
    """The 800 MB-of-spaces .docx, at the smallest size over the default limit that shows it:
    refused from the zip header, python-docx never sees it."""
    (tmp_path / "spaces.docx").write_bytes(docx_of_spaces(limits.DEFAULT.zip_member + 1))
    (tmp_path / "good.txt").write_bytes(COMPLIANT.read_bytes())
    result = CliRunner().invoke(main, [str(tmp_path)])
    errors = [line for line in result.output.splitlines() if ": error: " in line]
    assert len(errors) == 1 and "spaces.docx" in errors[0] and "zip-member limit of 64 MB" in errors[0]
    assert "Traceback" not in result.output and result.exit_code == 2


# --- every other hostile file is one clear error too ----------------------------------------

def _recompressed(method: int) -> bytes:
    source, buffer = zipfile.ZipFile(io.BytesIO(BASE_DOCX)), io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as package:
        for name in source.namelist():
            package.writestr(name, source.read(name))
    return buffer.getvalue()


NO_BODY = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'
HOSTILE = {
    "entity bomb.docx": (lambda: docx_with({"word/document.xml": entity_bomb()}), "declares a DTD"),
    "lying header.docx": (lambda: docx_with_lying_header(4096 * KB, 1000),
                          "unpacks to more than its zip header says"),
    "bzip2 part.docx": (lambda: _recompressed(zipfile.ZIP_BZIP2), "zip method 12"),
    "broken xml.docx": (lambda: docx_with({"word/document.xml": b"<w:document><w:body>"}),
                        "not a readable .docx (XMLSyntaxError"),
    "no body.docx": (lambda: docx_with({"word/document.xml": NO_BODY}), "no text in this .docx"),
    "deep page tree.pdf": (lambda: deep_page_tree(3000), "nest too deeply"),
    "fax rows too wide.pdf": (lambda: pdf_with_stream(b"\0", b"/CCITTFaxDecode /DecodeParms "
                                                             b"<< /K -1 /Columns 100000000 >>"),
                              "pdf-stream limit"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_file_beyond_the_limits_is_one_clear_error(name):
    build, message = HOSTILE[name]
    with pytest.raises(InputError) as refused:
        read(build(), name, "." + name.rsplit(".", 1)[1])
    assert name in str(refused.value) and message in str(refused.value), str(refused.value)


@pytest.mark.parametrize("text, message, line", [
    ("a: &a [1, *a]\n", "contains itself", 1),
    ("? [a]\n: b\n", "mapping key must be a plain value", 1),
    ("".join(f"a{n}: &a{n} " + "[" * 400 + (f"*a{n - 1}" if n else "") + "]" * 400 + "\n"
             for n in range(4)), "nest too deeply", None),
])
def test_a_hostile_pack_is_one_clear_error(text, message, line):
    with pytest.raises(PackError) as refused:
        yamlsource.load(text, "hostile.yaml")
    assert refused.value.path == "hostile.yaml" and message in str(refused.value)
    assert refused.value.line == line


@pytest.mark.parametrize("chunks, longest, dtd", [
    ([b"<a>xyz</a>"], 5, False),                       # 'a>xyz': the tag's tail counts too
    ([b"<a>xy", b"z</a>"], 5, False),                  # a run across two chunks
    ([b"<a>", b"xyz", b"xyz", b"</a>"], 8, False),     # across three, one without '<'
    ([b"<!DOC", b"TYPE a>"], 11, True),                # a marker split between chunks
    (["<!ENTITY".encode("utf-16-le")], 15, True),      # in UTF-16 too
])
def test_the_xml_scan_sees_text_nodes_and_dtds_across_chunks(chunks, longest, dtd):
    from lawlint.extract._package import _XmlScan

    scan = _XmlScan()
    for chunk in chunks:
        scan.feed(chunk)
    assert (scan.longest, scan.dtd) == (longest, dtd)


def test_a_recursion_error_while_reading_html_is_an_input_error(monkeypatch):
    def recurse(page):
        raise RecursionError
    monkeypatch.setattr("lawlint.extract.html._text", recurse)
    with pytest.raises(InputError, match="nest too deeply"):
        read(b"<p>report</p>", "page.html", ".html")


# --- real reports read under the default limits ---------------------------------------------

@pytest.mark.parametrize("suffix, build", [
    (".docx", to_docx), (".pdf", to_pdf), (".html", lambda text: to_html(text).encode()),
])
def test_real_seeds_read_under_the_default_limits(suffix, build):
    for seed in sorted(SEEDS.glob("*.txt"))[:3]:
        text = seed.read_text(encoding="utf-8")
        assert "法治" in read(build(text), seed.stem + suffix, suffix).text


def test_built_in_packs_load_under_the_default_limits():
    for path in sorted(packfile.builtin_dir().glob("*.yaml")):
        data = packfile.load(path).data
        assert data.get("rules") or data.get("laws")


@pytest.mark.parametrize("text, option", [
    (alias_bomb(9), "yaml-nodes"),
    (yaml_of_bytes(3 * 1024 * KB), "yaml-bytes"),
])
def test_a_hostile_configuration_names_itself_and_the_limit_to_raise(tmp_path, text, option):
    path = tmp_path / ".lawlint.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LawlintError) as refused:
        config.load(path)
    assert str(path) in str(refused.value) and f"--limit {option}=" in str(refused.value)


def test_every_limit_is_documented_with_its_default():
    page = (ROOT / "docs" / "formats.md").read_text(encoding="utf-8").split("## Limits", 1)[1]
    rows = {line.split("|")[1].strip(" `"): line.split("|")[2].strip()
            for line in page.splitlines() if line.startswith("| `")}
    expected = {name.replace("_", "-"): limits.size(value) if name in limits.SIZES else str(value)
                for name, value in ((name, getattr(limits.DEFAULT, name)) for name in limits.NAMES)}
    assert rows == expected


def pdf_drawing(streams: int, pages: int, size: int) -> bytes:
    """`pages` pages drawing, in turn, `streams` flate content streams of `size` bytes each."""
    encoded = zlib.compress(TEXT + b" " * (size - len(TEXT)))
    first_page = 4 + streams
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>"
               % (b" ".join(b"%d 0 R" % (first_page + n) for n in range(pages)), pages),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    objects += [b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(encoded), encoded)
                for _ in range(streams)]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                b"/Resources << /Font << /F1 3 0 R >> >> >>" % (4 + n % streams) for n in range(pages)]
    return pdf_of(objects)


@pytest.mark.parametrize("shape, pdf", [
    ("streams each under pdf-stream, too many together", lambda: pdf_drawing(5, 5, 40 * KB)),
    ("every page drawing one stream", lambda: pdf_drawing(1, 20, 10 * KB)),
])
def test_a_pdf_reading_more_than_pdf_total_is_refused(shape, pdf):
    with lowered(**{"pdf-total": "100KB"}), pytest.raises(InputError) as refused:
        read(pdf(), "hostile.pdf", ".pdf")
    assert "the PDF's streams unpack to more than the pdf-total limit of 100 KB" in str(refused.value)
    assert "--limit pdf-total=SIZE" in str(refused.value)
    with lowered(**{"pdf-total": "1MB"}):
        assert "Annual report" in read(pdf(), "fine.pdf", ".pdf").text


def test_the_configuration_schema_knows_every_limit():
    import json

    schema = json.loads((ROOT / "lawlint" / "packs" / "schemas" / "config.schema.json").read_text(encoding="utf-8"))
    names = schema["properties"]["limits"]["propertyNames"]["enum"]
    assert names == [name.replace("_", "-") for name in limits.NAMES]


def test_an_add_ins_custom_xml_may_carry_a_dtd_word_s_own_parts_may_not():
    """python-docx reads customXml/ items as bytes, never parses them: no bomb can go off."""
    dtd = b'<?xml version="1.0"?><!DOCTYPE item [<!ENTITY a "b">]><item>&a;</item>'
    assert read(docx_with({"customXml/item1.xml": dtd}), "addin.docx", ".docx").text.strip()
    with pytest.raises(InputError, match="declares a DTD"):
        read(docx_with({"word/settings.xml": dtd}), "bomb.docx", ".docx")
