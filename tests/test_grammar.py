"""Heading ordinals and written dates."""

from __future__ import annotations

import datetime

import pytest

from lawlint.document import dates, ordinals


@pytest.mark.parametrize("line, expected", [
    ("一、基本工作情况", (1, 1)),
    ("十二、其他", (1, 12)),
    ("(三)深化改革", (2, 3)),
    ("(十)做好普法", (2, 10)),
    ("1.深入学习", (3, 1)),
    ("12、加强监管", (3, 12)),
    ("(1)进一步做好", (4, 1)),
    ("2023年以来", None),
    ("3.5万元", None),
    ("100%完成", None),
    ("一是强化领导", None),
])
def test_ordinal_rank_and_value(line, expected):
    found = ordinals.parse(line)
    assert (found and (found.rank, found.value)) == expected or (found is None and expected is None)


@pytest.mark.parametrize("marker, style", [
    ("（五）", "（N）"), ("(五)", "(N)"), ("1.", "N."), ("1、", "N、"), ("十一、", "N、"),
])
def test_style_of_a_written_marker(marker, style):
    assert ordinals.style_of(marker) == style


@pytest.mark.parametrize("text, value", [
    ("一", 1), ("十", 10), ("十一", 11), ("二十", 20), ("二十九", 29), ("二〇二四", 2024), ("甲", None),
])
def test_chinese_numerals(text, value):
    assert ordinals.cn_to_int(text) == value


@pytest.mark.parametrize("text, day, standard", [
    ("2024年1月29日", datetime.date(2024, 1, 29), True),
    ("2024年01月29日", datetime.date(2024, 1, 29), False),
    ("二〇二四年一月二十九日", datetime.date(2024, 1, 29), False),
    ("2024.1.29", datetime.date(2024, 1, 29), False),
    ("2024-01-29", datetime.date(2024, 1, 29), False),
    ("2023年2月29日", None, True),
    ("24年1月29日", datetime.date(2024, 1, 29), False),
])
def test_written_dates(text, day, standard):
    written = dates.parse(text)
    assert (written.as_date(), written.standard) == (day, standard)


def test_deadline_parameter():
    assert dates.deadline(2024, "03-01") == datetime.date(2024, 3, 1)
