"""A pack's parsed YAML kept in the user cache (packfile._parsed): the same data and lines as
a fresh parse, a damaged entry parsed again, nothing kept when the cache is off, and a value
marshal cannot keep (a YAML date) parsed every time."""

from __future__ import annotations

import pytest

from lawlint.packs import packfile, yamlsource

PACK = "name: p\nversion: '1'\nlaws:\n  - {title: 甲法, source: 出处, adopted: '2020-01-01'}\n"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("LAWLINT_CACHE_DIR", str(folder))
    monkeypatch.delenv("LAWLINT_NO_CACHE", raising=False)
    return folder


def entries(folder):
    return sorted((folder / "packs").glob("*.marshal")) if (folder / "packs").is_dir() else []


def test_a_cached_parse_is_the_fresh_parse(cache):
    first = packfile._parsed(PACK, "p.yaml")
    assert len(entries(cache)) == 1
    assert packfile._parsed(PACK, "p.yaml") == first == yamlsource.load(PACK, "p.yaml")


def test_a_damaged_entry_is_parsed_again(cache):
    packfile._parsed(PACK, "p.yaml")
    entries(cache)[0].write_bytes(b"\x00not marshal")
    assert packfile._parsed(PACK, "p.yaml") == yamlsource.load(PACK, "p.yaml")


def test_nothing_is_kept_with_the_cache_off(cache, monkeypatch):
    monkeypatch.setenv("LAWLINT_NO_CACHE", "1")
    packfile._parsed(PACK, "p.yaml")
    assert entries(cache) == []


def test_a_value_marshal_cannot_keep_is_parsed_every_time(cache):
    dated = PACK.replace("'2020-01-01'", "2020-01-01")   # an unquoted date is a date object
    data, _ = packfile._parsed(dated, "p.yaml")
    assert str(data["laws"][0]["adopted"]) == "2020-01-01"
    assert entries(cache) == []


def test_another_limit_is_another_entry(cache):
    from lawlint import limits

    packfile._parsed(PACK, "p.yaml")
    with limits.applied(limits.current().with_values(limits.parse(("yaml-nodes=100",)))):
        packfile._parsed(PACK, "p.yaml")
    assert len(entries(cache)) == 2
