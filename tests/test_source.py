"""Decoding and the offset → (line, column) map."""

from __future__ import annotations

import codecs

import pytest

from lawlint.document import source
from lawlint.errors import InputError

TEXT = "区政府：\n报告正文𠀀。\n"


@pytest.mark.parametrize("name, data, encoding", [
    ("utf-8", TEXT.encode("utf-8"), "utf-8"),
    ("utf-8-bom", codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
    ("utf-16-le-bom", codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
    ("utf-16-be-bom", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
    ("gb18030", TEXT.encode("gb18030"), "gb18030"),
])
def test_decodes_supported_encodings_to_the_same_text(name, data, encoding):
    src = source.from_bytes(data, "r.txt")
    assert (src.text, src.encoding) == (TEXT, encoding)


@pytest.mark.parametrize("name, data, message", [
    ("empty", b"", "file is empty"),
    ("blank", b"  \n\n", "file is empty"),
    ("nul-bytes", b"\x00\x01binary", "binary file"),
    ("broken-utf-16", codecs.BOM_UTF16_LE + b"\x00\xd8", "invalid UTF-16"),
])
def test_undecodable_input_is_an_input_error_naming_the_file(name, data, message):
    with pytest.raises(InputError) as caught:
        source.from_bytes(data, "bad.txt")
    assert message in str(caught.value) and "bad.txt" in str(caught.value)


def test_unreadable_path_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="cannot read file"):
        source.read(tmp_path / "missing.txt")


@pytest.mark.parametrize("text, offset, expected", [
    ("ab\ncd", 0, (1, 1)),
    ("ab\ncd", 3, (2, 1)),
    ("ab\r\ncd", 4, (2, 1)),      # CRLF is one line break
    ("ab\rcd", 3, (2, 1)),        # so is a lone CR
    ("𠀀报告", 1, (1, 2)),          # an astral character is one column (a code point)
    ("甲\n\n乙", 3, (3, 1)),
])
def test_location_is_one_based_line_and_code_point_column(text, offset, expected):
    assert source.from_text(text).location(offset) == expected


def test_line_text_drops_the_line_break():
    src = source.from_text("第一行\r\n第二行\n")
    assert (src.line_text(1), src.line_text(2), src.line_count) == ("第一行", "第二行", 2)
