"""Personal data is masked in every output, and checksums keep ordinary numbers quiet."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from conftest import COMPLIANT

from lawlint.checks.identifier import id_card_valid, luhn_valid, mask
from lawlint.cli import main

ID, PHONE = "11010519491231002X", "13912345678"


@pytest.mark.parametrize("value, valid", [
    ("11010519491231002X", True), ("110105194912310021", False), ("44030619900101001X", False),
])
def test_resident_id_checksum(value, valid):
    assert id_card_valid(value) is valid


@pytest.mark.parametrize("value, valid", [("6222020200112233446", True), ("6222020200112233441", False),
                                          ("4111111111111111", True)])
def test_luhn(value, valid):
    assert luhn_valid(value) is valid


def test_mask_keeps_only_the_ends():
    assert mask(ID) == "110*************2X" and mask(PHONE) == "139******78"


@pytest.mark.parametrize("args", [
    [], ["--format", "json"], ["--format", "sarif"], ["--statistics"],
    ["audit", "--format", "json"], ["audit", "--format", "csv"], ["audit", "--format", "html"],
    ["audit"],
])
def test_no_output_format_shows_the_raw_value(tmp_path, args):
    text = COMPLIANT.read_text(encoding="utf-8").replace(
        "件件有回复。", f"件件有回复，联系人身份证号{ID}，电话{PHONE}。")
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    command = ([args[0], str(path), "--no-cache", *args[1:]] if args[:1] == ["audit"]
               else [str(path), *args])
    output = CliRunner().invoke(main, command).output
    assert "LL702" in output or "personal-data" in output or "个人信息" in output
    assert ID not in output and PHONE not in output
