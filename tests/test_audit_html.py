"""lawlint audit --format html: one self-contained page that still works for 2,000 reports
(the matrix in its own box with sticky header and first column, search and filters, each
file's findings as compact JSON rendered on click, the rings and the roster's gaps once)."""

from __future__ import annotations

import base64
import dataclasses
import json
import random
import re
import shutil
import subprocess
import time
import zlib
from html import unescape
from importlib import resources
from urllib.parse import quote, unquote

import pytest
from click.testing import CliRunner

from conftest import SEEDS

from lawlint.audit import matrix
from lawlint.audit.crosscheck import Note
from lawlint.audit.item import Item
from lawlint.audit.report import Audit
from lawlint.audit.rings import Ring
from lawlint.audit.roster_model import Accounting, Unit
from lawlint.cli import main
from lawlint.output import audit_html
from lawlint.packs import ruleset as rulepack
from lawlint.pipeline.result import Diagnostic, FileResult

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def page_of(folder, tmp_path, *extra) -> str:
    out = tmp_path / "audit.html"
    result = CliRunner().invoke(main, ["audit", str(folder), "--format", "html", "-o", str(out),
                                       "--no-cache", *extra])
    assert result.exit_code in (0, 1, 2), result.output
    return out.read_text(encoding="utf-8")


def data_of(page: str) -> dict:
    """The page's data block: JSON, raw DEFLATE in base64."""
    block = re.search(r'<script type="application/octet-stream" id="lawlint-data" '
                      r'data-encoding="deflate-base64" data-size="(\d+)">(.*?)</script>', page, re.S)
    text = zlib.decompress(base64.b64decode(block.group(2)), -15)
    assert len(text) == int(block.group(1))
    return json.loads(text)


def rows_of(page: str) -> list[str]:
    body = page.split('<table id="mx"', 1)[1].split("</tbody>", 1)[0]
    return re.findall(r"<tr[ >].*?</tr>", body.split("<tbody>", 1)[1], re.S)


def finding_texts(data: dict, index: int) -> list[tuple[str, str, str]]:
    """(rule id, message, excerpt) of one file's findings, as report.js puts them together."""
    strings = data["s"]
    found = []
    for entry in data["f"][index][0]:
        excerpt = strings[entry[3]] if entry[3] >= 0 else ""
        message = strings[entry[2]].replace("\x00", excerpt)
        found.append((data["r"][entry[0]][0], message, excerpt))
    return found


@pytest.fixture(scope="module")
def rules():
    return rulepack.load_ruleset().all_rules


@pytest.fixture(scope="module")
def seeds_page(tmp_path_factory):
    return page_of(SEEDS, tmp_path_factory.mktemp("seeds"))


# -- a synthetic batch: 2,000 reports, ~30 findings each, texts as varied as real ones -------

_HAN = "法治政府建设年度报告推进依法行政执法监督审查决策规范性文件落实责任制度改革创新服务群众" \
       "机关单位部门乡镇街道社区村委会公共法律援助调解复议诉讼应诉听证公开透明清单权力运行"
_DEPARTMENTS = ("司法局", "卫生健康局", "市场监督管理局", "教育局", "民政局", "财政局", "交通运输局",
                "应急管理局", "自然资源局", "水利局", "农业农村局", "人力资源和社会保障局")
_TEMPLATES = {     # rule → a message; {x} is the finding's excerpt, {y} other words of the report
    "LL303": "缺少主送机关（如「县委、县政府：」）", "LL401": "缺少署名：成文日期之上没有发文机关名称",
    "LL402": "缺少成文日期（如「2024年1月29日」）", "LL103": "“存在的不足和原因”部分只列举了问题，没有分析原因",
    "LL105": "第一责任人履职情况没有自己的标题，只在其他部分中提到一句（“{x}”）",
    "LL201": "合法性审查（审核）未给出数字：应写明审查了多少件文件、决策或合同，或审查比例",
    "LL502": "序号“{x}”与同级标题写法不一致，应为“（{y}）”", "LL505": "「{x}」：报告写于2024年，这里说的是2023年，宜写作「2023年」",
    "LL506": "「{x}」与报告机关（{y}）的层级不符：疑为照抄其他层级的报告",
    "LL602": "「{x}」已于2022年5月1日被《{y}条例》取代，仍作为现行依据引用",
    "LL605": "「{x}」不是名录中任何法律法规或规划的标题，疑为《{y}法》",
    "LL606": "「{x}」与正式标题写法不一致，应为《{y}》", "LL703": "写到诉讼案件时点出了个人姓名：宜写作“{y}某”",
    "LL805": "“主要负责人履行推进法治建设第一责任人职责情况”部分与第{n}行有一段相同文字（「{y}」）",
    "LL806": "“主要负责人履行推进法治建设第一责任人职责情况”部分没有一个数字，宜写明",
    "LL807": "“主要负责人履行推进法治建设第一责任人职责情况”部分没有述法",
    "TY101": "中文文本中的半角标点“{x}”应改为全角", "TY201": "「{x}」应写作「{y}」",
    "TY202": "「{x}」同一个字连写两次，疑有多字或错字", "TY203": "「{x}」自相矛盾：“近”“约”与“余”“多”不能同用",
    "LL801": "“{y}”一段写了举措，没有一个数字说明成效", "LL803": "「{x}」等套话在全文出现 {n} 次",
}


def _words(rng: random.Random, low: int, high: int) -> str:
    return "".join(rng.choice(_HAN) for _ in range(rng.randint(low, high)))


def synthetic_audit(count: int, rules, per_file: int = 30, seed: int = 17) -> Audit:
    """`count` reports of `per_file` findings each: real rule ids, messages built the way the
    rules build them, excerpts and quoted words drawn at random (so few repeat), .txt, .docx
    (paragraph places) and .pdf (page places), a few unreadable files and batch notes."""
    rng = random.Random(seed)
    severity = {rule.id: rule.severity for rule in rules}
    names = {rule.id: rule.name for rule in rules}
    items, notes = [], []
    for index in range(count):
        place = rng.choice(("县", "区", "市", "镇"))
        organ = f"{_words(rng, 2, 3)}{place}{rng.choice(_DEPARTMENTS)}"
        kind = rng.choice(("txt", "txt", "docx", "pdf"))
        path = f"上报/{organ}/{organ}2023年法治政府建设年度报告-{index:04d}.{kind}"
        if index % 97 == 5:
            items.append(Item(FileResult(path, error="not a readable .docx (truncated zip)", format=kind)))
            continue
        found = []
        for n in range(rng.randint(per_file - 8, per_file + 8)):
            rule = rng.choice(tuple(_TEMPLATES))
            excerpt = _words(rng, 2, 14)
            message = _TEMPLATES[rule].format(x=excerpt, y=_words(rng, 3, 18), n=rng.randint(2, 90))
            line = rng.randint(1, 120)
            extra = {}
            if kind == "docx":
                extra = {"paragraph": line, "context": f"「{_words(rng, 4, 10)}」{_words(rng, 6, 12)}"}
            elif kind == "pdf":
                extra = {"page": 1 + line // 40, "page_line": line % 40 + 1}
            found.append(Diagnostic(rule, names.get(rule, rule), severity[rule], message, "", line,
                                    rng.randint(1, 400), line, 1, excerpt, **extra))
        items.append(Item(FileResult(path, tuple(found), report_year=2023, organ=organ, format=kind,
                                     date=f"2024年{rng.randint(1, 3)}月{rng.randint(1, 28)}日")))
        if index % 10 == 0:
            notes.append(Note(path, "same-organ", f"{organ} 另有报告 {path}（本件 2023），重复报送"))
    return Audit(tuple(items), tuple(notes), names, matrix.roles_of(rules),
                 rule_titles={rule.id: rule.title for rule in rules if rule.title})


def with_rings_and_roster(audit: Audit, rings: int = 5, missing: int = 30) -> Audit:
    """The audit with `rings` hand-made copy rings and a roster: every organ a unit, plus
    `missing` units that sent nothing; a few late, a few unmatched."""
    results = [r for r in audit.results if not r.error]
    made, at = [], 0
    for number in range(rings):
        size = (120, 40, 12, 7, 5)[number % 5]
        members = tuple(r.path for r in results[at:at + size])
        made.append(Ring(members, 0.9 - number / 20, ("一是坚持党的领导，二是完善制度建设。", "全面推进严格规范公正文明执法。"),
                         members[0], results[at].organ, "2024年1月5日"))
        at += size
    units = tuple(Unit(r.organ, level="县级", parent="某市") for r in results[:-5])
    units += tuple(Unit(f"未报送单位{n}", level="乡级", parent="某县") for n in range(missing))
    matches = {r.path: r.organ for r in results[:-5]}
    late = {r.path: "2024年3月2日报送，晚于截止日期 2024-02-28" for r in results[10:14]}
    accounting = Accounting(units, matches, tuple(r.path for r in results[-5:]), late, "2024-02-28")
    return dataclasses.replace(audit, rings=tuple(made), accounting=accounting)


# -- what the page shows ---------------------------------------------------------------------

def test_html_is_one_self_contained_page(tmp_path):
    """Moved from test_audit.py: the seeds and a broken .docx, one page, nothing to fetch."""
    folder = tmp_path / "上报"
    folder.mkdir()
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, folder)
    (folder / "德化.docx").write_bytes(b"PK\x03\x04broken")
    page = page_of(folder, tmp_path)
    assert "合规矩阵" in page and "规则命中次数" in page and "<script>" in page
    assert "<link" not in page and "@import" not in page and "url(" not in page
    assert page.count('<td class="x">✗</td>') >= 4
    broken = next(row for row in rows_of(page) if "德化.docx" in row)
    assert 'data-s="error"' in broken and "无法读取：not a readable .docx" in unescape(broken)


def test_page_has_no_external_url(seeds_page):
    """No CDN, no network: nothing is loaded from or linked to another site."""
    attributes = re.findall(r'\b(?:src|href|action)\s*=\s*"([^"]*)"', seeds_page)
    assert attributes and not [a for a in attributes if re.match(r"\s*(?:[a-z]+:)?//", a, re.I)]
    assert "http://" not in seeds_page and "https://" not in seeds_page


def test_chart_labels_rules_by_their_chinese_titles(seeds_page):
    chart = seeds_page.split('id="rules"', 1)[1].split("</section>", 1)[0]
    assert '<span class="label">缺少主送机关 <small>LL303</small></span>' in chart
    assert '<span class="label">缺少署名 <small>LL401</small></span>' in chart
    assert 'href="#r=LL303"' in chart          # a bar filters the matrix by its rule


def test_status_tooltip_names_the_deciding_rule(seeds_page):
    rows = {re.search(r'class="fl" href="#f=\d+"[^>]*>([^<]+)</a>', row).group(1): row for row in rows_of(seeds_page)}
    passed = re.search(r'<td class="st pass why" title="([^"]+)">通过</td>', rows["002_c589ac335115484d.txt"])
    assert passed and "LL303 缺少主送机关（警告）" in unescape(passed.group(1))
    assert "不影响通过" in unescape(passed.group(1))   # its ✗ in 主送机关 is below the fail level
    failed = re.search(r'<td class="st fail" title="([^"]+)">未通过</td>', rows["001_0bdb67023be65981.txt"])
    assert failed and "LL401 缺少署名（错误）" in unescape(failed.group(1))


def test_every_file_has_its_findings_in_the_data(seeds_page):
    """The findings are JSON rendered on click: every file's findings are there, messages
    whole again once their excerpt is put back."""
    data = data_of(seeds_page)
    rows = rows_of(seeds_page)
    assert len(data["f"]) == len(rows) == 5
    audited = json.loads(CliRunner().invoke(main, ["audit", str(SEEDS), "--format", "json", "--no-cache"]).output)
    for index, file in enumerate(audited["files"]):
        assert f'data-i="{index}"' in rows[index] and f'href="#f={index}"' in rows[index]
        assert finding_texts(data, index) == [(f["rule_id"], f["message"], f["excerpt"]) for f in file["findings"]]
    assert [rule[1] for rule in data["r"] if rule[0] == "LL303"] == ["缺少主送机关"]


def test_findings_of_a_synthetic_batch_survive_the_string_tables(rules):
    audit = synthetic_audit(60, rules, seed=3)
    data = data_of(audit_html.render(audit))
    for index, result in enumerate(audit.results):
        assert finding_texts(data, index) == [(d.rule_id, d.message, d.excerpt) for d in result.active]
        places = [(entry[4], entry[5], entry[6:]) for entry in data["f"][index][0]]
        for (line, column, rest), d in zip(places, result.active):
            assert (line, column) == (d.line, d.column)
            if d.paragraph is not None:
                assert rest[:2] == [1, d.paragraph] and data["s"][rest[2]] == d.context
            elif d.page is not None:
                assert rest == [2, d.page, d.page_line]
    broken = next(i for i, r in enumerate(audit.results) if r.error)
    assert data["s"][data["f"][broken][3]].startswith("not a readable .docx")
    first = data_of(audit_html.render(Audit((Item(FileResult("a.docx", error="坏文件")), Item(FileResult("b.txt"))))))
    assert first["s"][first["f"][0][3]] == "坏文件" and first["f"][1] == [[]]   # string 0 is a string


def test_rings_are_one_section_shown_once(rules):
    audit = with_rings_and_roster(synthetic_audit(300, rules, per_file=5))
    page = audit_html.render(audit)
    assert page.count('<section id="rings">') == 1
    rings = page.split('<section id="rings">', 1)[1].split("</section>", 1)[0]
    assert rings.count('<tr id="ring-') == 5
    first = rings.split('<tr id="ring-1">', 1)[1].split("</tr>", 1)[0]
    assert "<b>120</b> 份" in first and "90%" in first and "2024年1月5日" in first
    assert audit.results[0].organ in first and "全面推进严格规范公正文明执法。" in first
    assert "<details><summary>展开其余 116 份</summary>" in first     # a long list folds
    assert first.count('class="fl"') == 120 + 1                     # every member once, the first too
    index = [r.path for r in audit.results].index(audit.rings[1].members[0])
    member = next(row for row in rows_of(page) if f'data-i="{index}"' in row)
    assert '<a class="rg" href="#ring-2"' in member                 # the badge links to its ring
    assert '<option value="2">第 2 组（40 份）</option>' in page


def test_roster_rows_include_units_that_sent_nothing(rules):
    audit = with_rings_and_roster(synthetic_audit(250, rules, per_file=5), missing=7)
    page = audit_html.render(audit)
    rows = rows_of(page)
    assert len(rows) == len(audit.rows())
    nothing = [row for row in rows if 'data-s="missing"' in row]
    assert len(nothing) == 7 and all("未报送" in row for row in nothing)
    assert "未报送单位3" in nothing[3]
    late = [row for row in rows if "late" in row.split(">", 1)[0]]
    assert len(late) == 4 and 'title="2024年3月2日报送，晚于截止日期 2024-02-28">逾期</span>' in late[0]
    unmatched = [row for row in rows if "unmatched" in row.split(">", 1)[0]]
    assert len(unmatched) == 5 and all("未匹配" in row for row in unmatched)
    roster = page.split('<section id="roster">', 1)[1].split("</section>", 1)[0]
    assert "名单" in roster and "未报送单位0" in roster and "截止日期 2024-02-28" in roster
    assert '<option value="missing">未报送</option>' in page and '<option value="late">逾期</option>' in page
    assert '<thead><tr><th class="q">单位</th><th class="q">文件</th><th class="">报送</th>' in page


def test_filters_offer_every_status_part_rule_and_ring(rules):
    audit = with_rings_and_roster(synthetic_audit(200, rules, per_file=10))
    page = audit_html.render(audit)
    toolbar = page.split('<div class="toolbar"', 1)[1].split("</div>", 1)[0]
    for status in ("通过", "未通过", "无法读取", "未报送", "逾期", "重复报送", "未匹配名单"):
        assert f">{status}</option>" in toolbar
    for column in matrix.COLUMNS:
        assert f">缺失：{column}</option>" in toolbar
    assert re.search(r'<option value="LL303">缺少主送机关（LL303）· \d+ 份</option>', toolbar)
    assert '<option value="any">属于任一套用组</option>' in toolbar
    assert "显示 " in toolbar and f" / {len(audit.rows())} 行" in toolbar


def test_hostile_file_names_and_texts_stay_text(rules):
    """A file name, an organ or an excerpt is text from outside the office: never markup,
    never the end of the data block, never a link that runs script."""
    hostile = '<img src=x onerror=alert(1)>"&.txt'
    text = "</script><script>alert(2)</script><!--\u2028\u2029"
    finding = Diagnostic("TY201", "typo", "warning", f"「{text}」应写作「x」", "", 1, 1, 1, 2, text)
    audit = Audit((Item(FileResult(hostile, (finding,), organ='"><svg onload=alert(3)>', date=text)),
                   Item(FileResult("javascript:alert(4).txt"))),
                  (Note(hostile, "same-organ", text),), {}, {},
                  copies={hostile: "javascript:alert(5).docx", "javascript:alert(4).txt": "审查稿/a#b?.docx"},
                  rings=(Ring((hostile,), 0.9, (text,), hostile, text, text),),
                  rule_titles={"TY201": "<b>易错词语</b>"})
    page = audit_html.render(audit)
    assert "<img" not in page and "<svg" not in page and "<b>易错词语</b>" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;&quot;&amp;.txt" in page
    assert page.count("</script") == page.count("<script") == 2    # the data block ends where it should
    block = re.search(r'id="lawlint-data"[^>]*>([^<]*)</script>', page).group(1)
    assert re.fullmatch(r"[A-Za-z0-9+/=]+", block)                   # base64: nothing to end <script>
    json_text = zlib.decompress(base64.b64decode(block), -15).decode("utf-8")
    assert not {"<", "\u2028", "\u2029"} & set(json_text)          # and the JSON is safe as it is
    assert 'href="javascript' not in page
    assert 'href="./javascript%3Aalert%285%29.docx"' in page
    assert f'href="./{quote("审查稿")}/a%23b%3F.docx"' in page
    data = data_of(page)
    assert finding_texts(data, 0) == [("TY201", f"「{text}」应写作「x」", text)]


def test_a_2000_report_page_stays_under_5_mb(rules):
    audit = with_rings_and_roster(synthetic_audit(2000, rules))
    findings = sum(len(r.active) for r in audit.results)
    assert findings > 55_000
    started = time.perf_counter()
    page = audit_html.render(audit)
    took = time.perf_counter() - started
    size = len(page.encode("utf-8"))
    assert size < 5_000_000, f"{size / 1e6:.2f} MB"
    assert took < 10, f"rendering took {took:.1f} s"
    assert len(data_of(page)["f"]) == 2000


# -- in a browser ----------------------------------------------------------------------------

NODE = shutil.which("node")


@pytest.mark.skipif(NODE is None, reason="node is not installed (runs report.js's inflater alone)")
def test_the_pages_inflater_reads_every_kind_of_deflate_block(tmp_path):
    """report.js inflates the data block itself (no DecompressionStream in older browsers):
    stored, fixed and dynamic Huffman blocks, long matches, empty input, as zlib writes them."""
    script = (resources.files("lawlint.output") / "report.js").read_text(encoding="utf-8")
    inflater = re.search(r"\n  function inflate\(.*?\n  \}\n", script, re.S).group(0)
    rng = random.Random(7)
    samples = {"empty": b"", "small": "法治".encode(), "stored": rng.randbytes(70_000),
               "text": "".join(rng.choice(_HAN) for _ in range(200_000)).encode(),
               "runs": b"a" * 100_000 + "审查".encode() * 20_000,
               "mixed": b"".join(rng.choice([rng.randbytes(900), b"xy" * 3000, _HAN.encode()]) for _ in range(300))}
    for name, raw in samples.items():
        for level in (1, 9):
            packer = zlib.compressobj(level, zlib.DEFLATED, -15)
            (tmp_path / f"{name}-{level}.z").write_bytes(packer.compress(raw) + packer.flush())
            (tmp_path / f"{name}-{level}").write_bytes(raw)
    runner = tmp_path / "run.js"
    runner.write_text(inflater + """
const fs = require('fs');
for (const name of process.argv.slice(2)) {
  const raw = fs.readFileSync(name), out = inflate(new Uint8Array(fs.readFileSync(name + '.z')), raw.length);
  console.log(name.split('/').pop(), Buffer.compare(Buffer.from(out), raw) === 0 ? 'same' : 'DIFFERENT');
}
""", encoding="utf-8")
    names = [str(tmp_path / f"{name}-{level}") for name in samples for level in (1, 9)]
    done = subprocess.run([NODE, str(runner), *names], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [word for name in names for word in (name.split("/")[-1], "same")]


_PROBE = r"""<script>
addEventListener('load', function () {
  var out = {}, box = document.getElementById('mbox'), table = document.getElementById('mx');
  var th = table.tHead.rows[0].cells, rows = table.tBodies[0].rows, api = window.lawlintAudit;
  var visible = function () { var n = 0; for (var i = 0; i < rows.length; i++) if (!rows[i].hidden && rows[i].offsetHeight) n++; return n; };
  out.hashRows = visible(); out.hashStatus = document.getElementById('fs').value;   // the view in the #hash
  document.getElementById('freset').click();
  var b = box.getBoundingClientRect(), style = getComputedStyle(box);
  out.width = innerWidth;
  out.pageScrollWidth = document.documentElement.scrollWidth;
  out.boxLeft = b.left; out.boxRight = b.right;
  out.tableWidth = table.offsetWidth; out.boxClient = box.clientWidth;
  out.overflowX = style.overflowX; out.overflowY = style.overflowY;
  var heights = []; for (var i = 0; i < 50; i++) heights.push(rows[i].getBoundingClientRect().height);
  heights.sort(function (x, y) { return x - y; }); out.rowHeight = heights[25];
  out.rows = rows.length;
  box.scrollTop = 4000;
  out.scrolledTop = box.scrollTop;
  out.headerOffset = th[5].getBoundingClientRect().top - box.getBoundingClientRect().top;
  box.scrollLeft = 10000;
  out.scrolledLeft = box.scrollLeft;
  var first = rows[Math.floor(rows.length / 2)].cells[0];
  out.firstColumnOffset = first.getBoundingClientRect().left - box.getBoundingClientRect().left;
  out.headFirstOffset = th[0].getBoundingClientRect().left - box.getBoundingClientRect().left;
  out.lastHeaderRight = th[th.length - 1].getBoundingClientRect().right - box.getBoundingClientRect().right;
  box.scrollTop = 0; box.scrollLeft = 0;
  var heights;
  var fq = document.getElementById('fq'), fs = document.getElementById('fs');
  var t0 = performance.now();
  fq.value = 'SEARCH'; fq.dispatchEvent(new Event('input'));
  api.apply(false);
  out.searchMs = performance.now() - t0;
  out.searchRows = visible();
  out.count = document.getElementById('fcount').textContent;
  fq.value = ''; fs.value = 'fail'; fs.dispatchEvent(new Event('change'));
  out.failRows = visible();
  fs.value = ''; fs.dispatchEvent(new Event('change'));
  document.querySelector('a.bar[href="#r=LL303"]').click();          // a bar of the chart
  out.ruleRows = visible(); out.ruleSelect = document.getElementById('fr').value;
  var chip = document.querySelector('#ring-2 a[data-go]');            // 在矩阵中筛选 of ring 2
  if (chip) chip.click();
  out.ringRows = visible();
  document.getElementById('freset').click();
  var fe = document.getElementById('fe'); fe.value = 'x6'; fe.dispatchEvent(new Event('change'));
  out.missingAddresseeRows = visible();
  fe.value = ''; fe.dispatchEvent(new Event('change'));
  out.allRows = visible();
  var errors = -1; for (var c = 0; c < th.length; c++) if (th[c].textContent === '错误') errors = c;
  th[errors].click(); th[errors].click();                               // sorted, most errors first
  out.mostErrors = +rows[0].cells[errors].textContent;
  var row = table.querySelector('tr[data-i="7"]'); row.cells[4].click();
  var panel = document.getElementById('panel');
  out.panelOpen = !panel.hidden && panel.getBoundingClientRect().width > 300;
  out.panelFindings = panel.querySelectorAll('li.fd').length;
  out.panelRule = (panel.querySelector('li.fd .rt') || {}).textContent;
  out.hash = location.hash;
  out.readyMs = api.readyMs;
  document.getElementById('pclose').click();
  // print: the page's @media print rules applied as they are, the body as wide as A4 landscape
  var css = '';
  for (var s = 0; s < document.styleSheets.length; s++) {
    var rules = document.styleSheets[s].cssRules;
    for (var r = 0; r < rules.length; r++) {
      if (rules[r].media && rules[r].media.mediaText === 'print') {
        for (var k = 0; k < rules[r].cssRules.length; k++) if (rules[r].cssRules[k].selectorText) css += rules[r].cssRules[k].cssText + '\n';
      }
    }
  }
  var sheet = document.createElement('style'); sheet.textContent = css; document.head.appendChild(sheet);
  document.body.style.width = '1047px';
  out.printSearch = getComputedStyle(fq).display;
  out.printFindings = getComputedStyle(document.getElementById('findings')).display;
  out.printOverflow = getComputedStyle(box).overflowY;
  out.printSticky = getComputedStyle(th[0]).position + ' ' + getComputedStyle(rows[3].cells[0]).position;
  out.printTableWidth = table.offsetWidth;
  heights = []; for (var i = 0; i < 50; i++) heights.push(rows[i].getBoundingClientRect().height);
  heights.sort(function (x, y) { return x - y; }); out.printRowHeight = heights[25];
  var pre = document.createElement('pre'); pre.id = 'probe'; pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script></body>"""


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (needed for the browser check)")
def test_2000_rows_are_usable_at_1400_px_in_chromium(rules, tmp_path):
    """Render 2,000 reports with rings and a roster, open the page in headless Chromium at
    1400×900 and measure from inside: the matrix fits or scrolls in its own box, its header
    row stays at the top of the box and its first column at the left when the box scrolls,
    rows are one line, the search and each filter show the right rows, a click
    opens the row's findings; then, with the page's print rules applied at the width of A4
    landscape: no search UI or findings, no sticky parts, the matrix fits and is compact."""
    audit = with_rings_and_roster(synthetic_audit(2000, rules))
    term = "司法局"
    rows = audit.rows()
    searched = [" ".join(filter(None, [row.unit and row.unit.name, row.result and row.result.path.removeprefix("上报/"),
                                      row.result and row.result.organ])) for row in rows]
    sent = [row.result for row in rows if row.result is not None]
    expected = {
        "search": sum(1 for words in searched if term in words),
        "fail": sum(1 for r in sent if audit.status(r) == "fail"),
        "LL303": sum(1 for r in sent if any(d.rule_id == "LL303" for d in r.active)),
        "addressee": sum(1 for r in sent if audit.elements(r)["主送机关"] == "missing"),
    }
    page = tmp_path / "page.html"
    page.write_text(audit_html.render(audit).replace("</body>", _PROBE.replace("SEARCH", term), 1), encoding="utf-8")
    started = time.perf_counter()
    dom = subprocess.run([CHROMIUM, "--headless", "--disable-gpu", "--no-sandbox", "--hide-scrollbars",
                          "--window-size=1400,900", "--virtual-time-budget=5000", "--dump-dom",
                          page.as_uri() + "#s=fail"],
                         capture_output=True, text=True, timeout=90).stdout
    probe = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert probe, f"the probe did not run ({time.perf_counter() - started:.1f} s)"
    found = json.loads(unescape(probe.group(1)))
    assert found["width"] == 1400 and found["pageScrollWidth"] <= 1400          # the page never scrolls sideways
    assert found["boxRight"] <= 1400
    assert found["tableWidth"] <= found["boxClient"] or found["overflowX"] in ("auto", "scroll")
    assert found["lastHeaderRight"] <= 1                                          # the last column is reachable
    assert found["scrolledTop"] > 1000 and abs(found["headerOffset"]) <= 1.5      # sticky header
    assert found["scrolledLeft"] == 0 or abs(found["firstColumnOffset"]) <= 1.5   # sticky first column
    assert abs(found["headFirstOffset"]) <= 1.5
    assert found["rowHeight"] <= 30                                               # one line a row
    assert found["rows"] == len(rows) == found["allRows"]
    assert found["searchRows"] == expected["search"] > 100
    assert found["count"] == f"显示 {expected['search']} / {len(rows)} 行"
    assert found["failRows"] == expected["fail"] == found["hashRows"] and found["hashStatus"] == "fail"
    assert found["ruleRows"] == expected["LL303"] > 0 and found["ruleSelect"] == "LL303"
    assert found["ringRows"] == 40
    assert found["missingAddresseeRows"] == expected["addressee"] > 0
    assert found["mostErrors"] == max(r.count("error") for r in audit.results)
    assert found["panelOpen"] and found["panelFindings"] == len(audit.results[7].active)
    gravest = min(audit.results[7].active, key=lambda d: ("error", "warning", "info").index(d.severity))
    assert found["panelRule"] == audit.title(gravest.rule_id)                    # the gravest first
    assert found["hash"] == "#f=7"                                                # the open file, to share
    assert found["printSearch"] == found["printFindings"] == "none"               # print: no search UI
    assert found["printOverflow"] == "visible" and found["printSticky"] == "static static"
    assert found["printTableWidth"] <= 1047 and found["printRowHeight"] <= 16     # A4 landscape, compact


def test_a_row_links_its_findings_and_its_reviewed_copy(tmp_path):
    """--annotate: the file name opens its findings, 审查稿 opens its reviewed .docx (a
    relative, percent-encoded link that works from file://)."""
    folder = tmp_path / "上报"
    folder.mkdir()
    shutil.copy(SEEDS / "001_0bdb67023be65981.txt", folder / "安溪 #1.txt")
    page = page_of(folder, tmp_path, "--annotate", str(tmp_path / "审查稿"))
    row = rows_of(page)[0]
    assert '<a class="fl" href="#f=0">安溪 #1.txt</a>' in row
    link = re.search(r'<a class="cp" href="([^"]+)"', row).group(1)
    assert link == "./" + quote("审查稿/安溪 #1.docx")
    assert (tmp_path / unquote(link)).is_file()
