"""The audit as one self-contained HTML page (no network, no CDN, works from file://) that
still works for a batch of thousands: summary cards, copy rings, the roster's gaps, the
rules that fired (by their Chinese titles), then a compact matrix of files × mandated parts
in a box of its own (sticky header row and first column), with search and filters, and each
file's findings in a side panel.

The findings are not HTML: they are one JSON block (string tables for the texts every
report repeats, a message stored once with its excerpt left out), DEFLATE-compressed and in
base64, that report.js inflates once and renders when a row is opened: 2,000 reports × 30
findings stay under 5 MB whatever the texts (string tables alone: 8.6 MB when excerpts are
all different). Everything that comes from a submission (file names, organs, messages,
excerpts) is escaped, and the JSON is safe inside <script> even uncompressed."""

from __future__ import annotations

import base64
import datetime
import json
import ntpath
import posixpath
import zlib
from collections import Counter
from html import escape
from importlib import resources
from typing import TextIO
from urllib.parse import quote

from lawlint import __version__
from lawlint.audit import matrix
from lawlint.audit.report import NOT_SUBMITTED, SEVERITY_WORDS, STATUS_WORDS, Audit, Row

_CLASS = {"present": "y", "weak": "w", "missing": "x", "error": "e"}   # report.css's cell classes
_MARK = {status: (_CLASS[status], mark, meaning) for status, (mark, meaning) in matrix.MARKS.items()}
_STATUS = {**STATUS_WORDS, "missing": NOT_SUBMITTED}
_SEVERITIES = ("error", "warning", "info")
_NOTE_KINDS = {"stale-year": "年度不符", "same-organ": "同一机关", "previous": "照搬上年"}
_NOTES_KEPT = 30          # a file's batch notes in the data (the rest counted)
_MEMBERS_SHOWN = 4        # a ring's members listed before the rest fold into <details>
_CHIPS_SHOWN = 30         # roster lists: names shown before the rest fold
_HOLE = "\x00"            # where a message repeats its finding's excerpt (report.js fills it in)


def _asset(name: str) -> str:
    """CSS and JS shipped beside this module, inlined: the page needs no network."""
    return resources.files("lawlint.output").joinpath(name).read_text(encoding="utf-8")


def _e(text) -> str:
    return escape(str(text), quote=True)


def html_file(audit: Audit, out: TextIO) -> None:
    out.write(render(audit))


def render(audit: Audit) -> str:
    page = _Page(audit)
    now = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    folder = f" · 目录 {_e(page.base)}" if page.base else ""
    return f"""<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="generator" content="lawlint {_e(__version__)}">
<title>法治政府建设年度报告 批量审查</title><style>{_asset('report.css')}</style></head><body>
<header class="top"><h1>法治政府建设年度报告 批量审查</h1>
<div class="meta">共 {len(audit.items)} 份报告{folder} · lawlint {_e(__version__)} · {_e(now)}</div>
<nav class="toc">{page.toc()}</nav></header>
<main>
{page.summary()}
{page.rings()}
{page.roster()}
{page.chart()}
{page.matrix()}
{page.findings()}
</main>
{page.panel()}
{page.data_element()}
<script>{_asset('report.js')}</script></body></html>
"""


def _directory(path: str) -> str:
    return ntpath.dirname(path) if "\\" in path and "/" not in path else posixpath.dirname(path)


def _common_folder(paths: list[str]) -> str:
    """The folder every path is in, shown once in the header instead of on every row."""
    folders = {_directory(p) for p in paths}
    if not folders or "" in folders:
        return ""
    parts = [f.replace("\\", "/").split("/") for f in folders]
    common = []
    for names in zip(*parts):
        if len(set(names)) != 1:
            break
        common.append(names[0])
    return "/".join(common) if any(common) else ""


def _href(link: str) -> str:
    """A relative link to a file as an attribute: percent-encoded (a name with '#', '?' or
    ':' stays a file name, never a fragment or a 'javascript:' URL) and escaped."""
    link = link.replace("\\", "/")
    encoded = quote(link, safe="/")
    if not encoded.startswith(("/", ".")):
        encoded = "./" + encoded
    return _e(encoded)


def _card(count: int, label: str, go: str, tone: str, small: bool = False) -> str:
    """A summary figure; with `go` (a filter, "s=fail") a link that shows those rows."""
    cls = f"card small {tone}" if small else f"card {tone}"
    body = f"<b>{count}</b><span>{_e(label)}</span>"
    return f'<a class="{cls}" href="#{go}" data-go="{go}">{body}</a>' if go else f'<div class="{cls}">{body}</div>'


def _two_lines(label: str) -> str:
    """A part's heading in two short lines, so its column stays narrow."""
    if len(label) < 4:
        return label
    cut = 3 if label.endswith("审查") else 2
    return f"{_e(label[:cut])}<br>{_e(label[cut:])}"


def _json(value) -> str:
    """JSON that cannot end its <script> element or break a JS string: '<' (so neither
    '</script' nor '<!--'), '>', '&' and U+2028/2029 as escapes."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for raw, safe in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                      ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, safe)
    return text


class _Strings:
    """A string table: each distinct text stored once, referred to by its index."""

    def __init__(self):
        self.index: dict[str, int] = {}

    def __call__(self, text: str | None) -> int:
        if not text:
            return -1
        found = self.index.get(text)
        if found is None:
            found = self.index[text] = len(self.index)
        return found

    @property
    def table(self) -> list[str]:
        return list(self.index)


class _Page:
    def __init__(self, audit: Audit):
        self.audit = audit
        self.results = audit.results
        self.number = {r.path: index for index, r in enumerate(self.results)}
        self.base = _common_folder([r.path for r in self.results])
        self.rows = audit.rows()
        accounting = audit.accounting
        self.duplicates = accounting.duplicates if accounting is not None else {}   # once, not per row
        self.by_rule = audit.by_rule()
        self.rule_ids = [rule for rule, _ in self.by_rule.most_common()]
        self.files_by_rule = Counter(rule for r in self.results for rule in {d.rule_id for d in r.active})
        severity: dict[str, str] = {}      # each rule's gravest severity in the batch
        for result in self.results:
            for d in result.active:
                known = severity.get(d.rule_id)
                if known is None or _SEVERITIES.index(d.severity) < _SEVERITIES.index(known):
                    severity[d.rule_id] = d.severity
        self.severity = severity

    # -- names ------------------------------------------------------------------------------

    def shown(self, path: str) -> str:
        """A path as the page shows it: relative to the batch's folder."""
        if self.base and path.replace("\\", "/").startswith(self.base + "/"):
            return path[len(self.base) + 1:]
        return path

    def title(self, rule: str) -> str:
        return self.audit.title(rule) or rule

    def file_link(self, path: str, text: str | None = None) -> str:
        """A file's name (or `text`, with the name as its tooltip), linking to its findings
        (#f=N: report.js opens the panel). Paths are shown relative to the batch's folder; a
        name the column cuts gets its tooltip from report.js when pointed at."""
        index = self.number.get(path)
        name = self.shown(path)
        shown = text if text is not None else name
        title = f' title="{_e(name)}"' if text is not None else ""
        if index is None:
            return f"<span{title}>{_e(shown)}</span>"
        return f'<a class="fl" href="#f={index}"{title}>{_e(shown)}</a>'

    def organ_of(self, path: str) -> str:
        """What a ring lists a member by: its organ, else its file name."""
        index = self.number.get(path)
        organ = self.results[index].organ if index is not None else None
        return organ or posixpath.basename(path.replace("\\", "/"))

    # -- sections ---------------------------------------------------------------------------

    def toc(self) -> str:
        links = [("summary", "概况")]
        if self.audit.rings:
            links.append(("rings", f"套用组 {len(self.audit.rings)}"))
        if self.audit.accounting is not None:
            links.append(("roster", "报送情况"))
        links += [("rules", "规则"), ("matrix", "合规矩阵"), ("findings", "逐份详情")]
        return "".join(f'<a href="#{anchor}">{text}</a>' for anchor, text in links)

    def summary(self) -> str:
        audit = self.audit
        files, found = audit.statuses(), audit.severities()
        total = len(audit.items)
        cards = [(total, "报告", "", "all")]
        cards += [(files["pass"], "通过", "s=pass", "pass"), (files["fail"], "未通过", "s=fail", "fail"),
                  (files["error"], "无法读取", "s=error", "error")]
        if files["unsupported"]:
            cards.append((files["unsupported"], "格式不支持", "s=unsupported", "error"))
        accounting = audit.accounting
        if accounting is not None:
            cards += [(len(accounting.missing), "未报送", "s=missing", "fail"),
                      (len(accounting.late), "逾期", "s=late", "warn")]
        if audit.rings:
            members = sum(ring.size for ring in audit.rings)
            cards.append((len(audit.rings), f"套用组 · {members} 份", "g=any", "warn"))
        cards += [(found["error"], "错误", "", "fail"), (found["warning"], "警告", "", "warn"),
                  (found["info"], "提示", "", "info")]
        noted = len({n.path for n in audit.notes})
        if noted:
            cards.append((noted, "份有批次提示", "s=noted", "info"))
        bar = ""
        if total:
            parts = [(files["pass"], "pass", "通过"), (files["fail"], "fail", "未通过"),
                     (files["error"] + files["unsupported"], "error", "无法读取")]
            bar = '<div class="ratio">' + "".join(
                f'<i class="{key}" style="width:{100 * n / total:.2f}%" '
                f'title="{label} {n} 份（{100 * n / total:.0f}%）"></i>' for n, key, label in parts if n) + "</div>"
        return f'<section id="summary"><div class="cards">{"".join(_card(*c) for c in cards)}</div>{bar}</section>'

    def rings(self) -> str:
        rings = self.audit.rings
        if not rings:
            return ""
        rows = []
        for number, ring in enumerate(rings, 1):
            first = ""
            if ring.first_organ or ring.first_date or ring.first:
                who = _e(ring.first_organ or (self.shown(ring.first) if ring.first else ""))
                when = f'<span class="dim">{_e(ring.first_date)}</span>' if ring.first_date else ""
                link = self.file_link(ring.first, "查看") if ring.first else ""
                first = f"{who} {when} {link}"
            clauses = "".join(f'<blockquote title="{_e(c)}">{_e(c)}</blockquote>' for c in ring.clauses)
            members = [self.file_link(path, self.organ_of(path)) for path in ring.members]
            listed = "、".join(members[:_MEMBERS_SHOWN])
            if len(members) > _MEMBERS_SHOWN:
                rest = members[_MEMBERS_SHOWN:]
                listed += (f' 等 {len(members)} 份<details><summary>展开其余 {len(rest)} 份</summary>'
                           f'<div class="members">{"".join(f"<span>{m}</span>" for m in rest)}</div></details>')
            rows.append(
                f'<tr id="ring-{number}"><td><span class="rg big">{number}</span></td>'
                f'<td class="num"><b>{ring.size}</b> 份</td><td class="num">{ring.share:.0%}</td>'
                f"<td>{first or '<span class=dim>日期不明</span>'}</td><td class=\"clauses\">{clauses}</td>"
                f'<td class="mem">{listed}<a class="chip" href="#g={number}" data-go="g={number}">'
                "在矩阵中筛选</a></td></tr>")
        members = sum(ring.size for ring in rings)
        return (f'<section id="rings"><h2>疑似套用同一底稿 <small>{len(rings)} 组 · {members} 份</small></h2>'
                '<p class="hint">同一组的报告正文大段相同（机关名称、数字、日期已替换），多为照抄同一底稿；'
                '最早成文的机关可能是底稿的作者。</p>'
                '<div class="box"><table class="grid rings"><thead><tr><th>组号</th><th>份数</th><th>相同比例</th>'
                '<th>最早成文的机关 / 日期</th><th>相同的段落</th><th>成员</th></tr></thead><tbody>'
                + "".join(rows) + "</tbody></table></div></section>")

    def roster(self) -> str:
        accounting = self.audit.accounting
        if accounting is None:
            return ""
        missing, duplicates = accounting.missing, accounting.duplicates
        submitted = len(accounting.units) - len(missing)
        deadline = f" · 截止日期 {_e(accounting.deadline)}" if accounting.deadline else ""
        stats = [(len(accounting.units), "应报送单位", "", "all"), (submitted, "已报送", "", "pass"),
                 (len(missing), "未报送", "s=missing", "fail"),
                 (len(accounting.unmatched), "未匹配名单", "s=unmatched", "warn"),
                 (len(duplicates), "重复报送", "s=dup", "warn"), (len(accounting.late), "逾期", "s=late", "warn")]
        cards = "".join(_card(*stat, small=True) for stat in stats)

        def unit_chip(unit) -> str:
            about = " · ".join(x for x in (unit.level, unit.parent) if x)
            return f'<span class="chip" title="{_e(about or unit.name)}">{_e(unit.name)}</span>'

        blocks = []
        if missing:
            blocks.append(("未报送", len(missing), [unit_chip(u) for u in missing]))
        if accounting.unmatched:
            blocks.append(("未匹配名单的报告", len(accounting.unmatched),
                           [f'<span class="chip">{self.file_link(p)}</span>' for p in accounting.unmatched]))
        if duplicates:
            blocks.append(("重复报送", len(duplicates),
                           [f'<span class="chip"><b>{_e(name)}</b>：{"、".join(map(self.file_link, paths))}</span>'
                            for name, paths in duplicates.items()]))
        if accounting.late:
            blocks.append(("逾期报送", len(accounting.late),
                           [f'<span class="chip">{self.file_link(p)} <span class="dim">{_e(why)}</span></span>'
                            for p, why in accounting.late.items()]))
        html = []
        for heading, count, chips in blocks:
            listed = "".join(chips[:_CHIPS_SHOWN])
            if len(chips) > _CHIPS_SHOWN:
                listed += (f'<details><summary>另有 {len(chips) - _CHIPS_SHOWN} 项</summary>'
                           + "".join(chips[_CHIPS_SHOWN:]) + "</details>")
            html.append(f'<div class="gap"><h3>{heading} <small>{count}</small></h3>'
                        f'<div class="chips">{listed}</div></div>')
        return (f'<section id="roster"><h2>报送情况 <small>名单 {len(accounting.units)} 个单位{deadline}</small></h2>'
                f'<div class="cards">{cards}</div>{"".join(html)}</section>')

    def chart(self) -> str:
        if not self.rule_ids:
            return '<section id="rules"><h2>规则命中次数</h2><div class="box pad">没有发现问题。</div></section>'
        top = self.by_rule[self.rule_ids[0]]
        bars = []
        for rule in self.rule_ids:
            n = self.by_rule[rule]
            bars.append(
                f'<a class="bar" href="#r={_e(rule)}" data-go="r={_e(rule)}" '
                f'title="{_e(rule)} {_e(self.title(rule))}：{n} 处，{self.files_by_rule[rule]} 份报告（点击筛选）">'
                f'<span class="label">{_e(self.title(rule))} <small>{_e(rule)}</small></span><span class="track">'
                f'<i class="{self.severity[rule]}" style="width:{100 * n / top:.1f}%"></i></span>'
                f'<span class="n">{n}</span><span class="nf">{self.files_by_rule[rule]} 份</span></a>')
        total = sum(self.by_rule.values())
        legend = "".join(f'<span><i class="{s}"></i>{SEVERITY_WORDS[s]}</span>' for s in _SEVERITIES)
        return (f'<section id="rules"><h2>规则命中次数 <small>{len(self.rule_ids)} 条规则 · {total} 处</small>'
                f'<span class="legend sevs">{legend}</span></h2>'
                f'<div class="box pad bars">{"".join(bars)}</div></section>')

    # -- the matrix -------------------------------------------------------------------------

    def roster_columns(self) -> bool:
        return self.audit.accounting is not None

    def matrix(self) -> str:
        roster = self.roster_columns()
        head = [("单位", "q") if roster else ("文件", "q")]
        if roster:
            head += [("文件", "q"), ("报送", "")]
        head += [("机关", "q"), ("年度", ""), ("成文日期", ""), ("状态", ""), ("错误", "n"), ("警告", "n")]
        head += [(_two_lines(label), "el") for label in matrix.COLUMNS]
        head += [("套用", ""), ("提示", "")]
        thead = "".join(f'<th class="{cls}">{label}</th>' for label, cls in head)
        body = "".join(self.row(row) for row in self.rows)
        wide = ' class="roster"' if roster else ""
        legend = "".join(f'<span class="{c}">{m} {t}</span>' for c, m, t in _MARK.values())
        return (f'<section id="matrix"><h2>合规矩阵 <small>{len(self.rows)} 行</small></h2>'
                f'{self.toolbar()}<div class="legend marks">{legend}'
                '<span class="dim">点击任一行查看该份报告的全部问题 · 点击表头排序</span></div>'
                f'<div class="mbox" id="mbox"><table id="mx"{wide}><thead><tr>{thead}</tr></thead>'
                f"<tbody>{body}</tbody></table></div></section>")

    def toolbar(self) -> str:
        statuses = [("pass", "通过"), ("fail", "未通过"), ("error", "无法读取"), ("unsupported", "格式不支持")]
        if self.roster_columns():
            statuses += [("missing", "未报送"), ("late", "逾期"), ("dup", "重复报送"), ("unmatched", "未匹配名单")]
        statuses.append(("noted", "有批次提示"))
        status = "".join(f'<option value="{k}">{t}</option>' for k, t in statuses)
        columns = list(matrix.COLUMNS)
        missing = "".join(f'<option value="x{i}">缺失：{_e(c)}</option>' for i, c in enumerate(columns))
        weak = "".join(f'<option value="w{i}">不完善：{_e(c)}</option>' for i, c in enumerate(columns))
        either = "".join(f'<option value="a{i}">缺失或不完善：{_e(c)}</option>' for i, c in enumerate(columns))
        rules = "".join(f'<option value="{_e(r)}">{_e(self.title(r))}（{_e(r)}）· {self.files_by_rule[r]} 份</option>'
                        for r in sorted(self.rule_ids, key=lambda r: -self.files_by_rule[r]))
        rings = "".join(f'<option value="{n}">第 {n} 组（{ring.size} 份）</option>'
                        for n, ring in enumerate(self.audit.rings, 1))
        ring_select = (f'<select id="fg" aria-label="套用组"><option value="">全部（套用组）</option>'
                       f'<option value="any">属于任一套用组</option><option value="none">不属于套用组</option>{rings}</select>'
                       if self.audit.rings else "")
        return (f'<div class="toolbar" role="search">'
                '<input id="fq" type="search" placeholder="搜索文件名、单位、机关…（空格分隔多个词）" '
                'aria-label="搜索" autocomplete="off">'
                f'<select id="fs" aria-label="状态"><option value="">全部状态</option>{status}</select>'
                f'<select id="fe" aria-label="要素"><option value="">全部要素</option>'
                f'<optgroup label="缺失 ✗">{missing}</optgroup><optgroup label="不完善 △">{weak}</optgroup>'
                f'<optgroup label="缺失或不完善">{either}</optgroup></select>'
                f'<select id="fr" aria-label="规则"><option value="">全部规则</option>{rules}</select>'
                f'{ring_select}<button type="button" id="freset">清除筛选</button>'
                f'<span class="count" id="fcount">显示 {len(self.rows)} / {len(self.rows)} 行</span>'
                '<button type="button" id="fshare" title="复制带筛选条件的链接，发给同事即可打开同样的视图">复制链接</button>'
                "</div>")

    def row(self, row: Row) -> str:
        """One line of the matrix, kept small (2,000 of them): the looks come from the CSS,
        the tooltip of a cut name from report.js; `data-s` is the status and `data-k` what
        else the filters ask (late, noted, unmatched, dup)."""
        audit, result = self.audit, row.result
        roster = self.roster_columns()
        if result is None:                                    # a roster unit that sent nothing
            unit = row.unit
            about = " · ".join(x for x in (unit.level, unit.parent) if x)
            blanks = "<td></td>" * (len(matrix.COLUMNS) + 4)
            return (f'<tr class="none" data-s="missing"><td><span class="cut" title="{_e(unit.name)}'
                    f'{_e(" · " + about if about else "")}">{_e(unit.name)}</span></td><td>—</td>'
                    '<td><span class="tag fail">未报送</span></td>'
                    '<td></td><td></td><td></td><td class="st missing" title="名单中的单位，本批次没有收到它的报告">'
                    f"未报送</td>{blanks}</tr>")
        status = audit.status(result)
        flags = []
        if row.late:
            flags.append("late")
        notes = audit.notes_for(result.path)
        if notes:
            flags.append("noted")
        copy = audit.copies.get(result.path)
        file_cell = self.file_link(result.path) + (
            f'<a class="cp" href="{_href(copy)}" title="审查稿（批注与修订）">审查稿</a>' if copy else "")
        cells = []
        if roster:
            if row.unit is None:
                flags.append("unmatched")
                name = result.organ or self.shown(result.path)
                cells.append(f'<td><span class="cut"><span class="tag warn">未匹配</span>{_e(name)}</span></td>')
            else:
                cells.append(f'<td><span class="cut">{_e(row.unit.name)}</span></td>')
            cells.append(f"<td>{file_cell}</td>")
            tags = f'<span class="tag warn" title="{_e(row.late)}">逾期</span>' if row.late else ""
            others = self.duplicates.get(row.unit.name, ()) if row.unit is not None else ()
            if others:
                flags.append("dup")
                named = "、".join(self.shown(p) for p in others if p != result.path)
                tags += f'<span class="tag warn" title="同一单位另有报告：{_e(named)}">重复</span>'
            cells.append(f"<td>{tags}</td>")
        else:
            cells.append(f"<td>{file_cell}</td>")
        organ = result.organ or ""
        errors, warnings = result.count("error"), result.count("warning")
        parts = audit.elements(result).values()
        why = " why" if status == "pass" and {"missing", "weak"} & set(parts) else ""   # passes with ✗/△: ⓘ
        cells += [f'<td><span class="cut org">{_e(organ)}</span></td>' if organ else "<td></td>",
                  f"<td>{result.report_year or ''}</td>", f"<td>{_e(result.date or '')}</td>",
                  f'<td class="st {status}{why}" title="{_e(audit.reason(result))}">{_STATUS[status]}</td>',
                  f'<td class="n">{errors or ""}</td><td class="n">{warnings or ""}</td>']
        cells += [f'<td class="{_MARK[s][0]}">{_MARK[s][1]}</td>' for s in parts]
        ring = audit.ring_of(result.path)
        cells.append(f'<td><a class="rg" href="#ring-{ring}">{ring}</a></td>' if ring else "<td></td>")
        if notes:
            label = Counter(_NOTE_KINDS.get(n.kind, "提示") for n in notes).most_common(1)[0][0]
            more = f"+{len(notes) - 1}" if len(notes) > 1 else ""
            cells.append(f'<td><span class="nb">{_e(label)}{more}</span></td>')
        else:
            cells.append("<td></td>")
        extra = f' data-k="{" ".join(flags)}"' if flags else ""
        return f'<tr data-i="{self.number[result.path]}" data-s="{status}"{extra}>{"".join(cells)}</tr>'

    def findings(self) -> str:
        worst = self.audit.worst(10)
        listed = "".join(f"<li>{self.file_link(r.path)} <span class=dim>错误 {r.count('error')} · "
                         f"警告 {r.count('warning')}</span></li>" for r in worst)
        worst_html = f'<h3>错误最多的报告</h3><ol class="worst">{listed}</ol>' if worst else ""
        return ('<section id="findings"><h2>逐份详情</h2><div class="box pad">'
                '<p>点击矩阵中的任一行或文件名，右侧打开该份报告的全部问题：规则、级别、位置、说明和原文摘录；'
                '<kbd>↑</kbd> <kbd>↓</kbd> 切换上一份 / 下一份，<kbd>Esc</kbd> 关闭。</p>'
                '<noscript><p class="warnbox">逐份详情需要浏览器启用 JavaScript。</p></noscript>'
                f"{worst_html}</div></section>")

    def panel(self) -> str:
        return ('<aside id="panel" class="panel" hidden aria-label="逐份详情"><div class="ph">'
                '<div class="pnav"><button type="button" id="pprev" title="上一份（↑）">‹ 上一份</button>'
                '<button type="button" id="pnext" title="下一份（↓）">下一份 ›</button>'
                '<button type="button" id="pclose" title="关闭（Esc）">✕</button></div>'
                '<div id="phead"></div></div><div class="pb" id="pbody"></div></aside>')

    # -- the data ---------------------------------------------------------------------------

    def data_element(self) -> str:
        """The data as raw DEFLATE in base64 (report.js inflates it), with its size."""
        text = self.data().encode("utf-8")
        packer = zlib.compressobj(9, zlib.DEFLATED, -15)
        packed = base64.b64encode(packer.compress(text) + packer.flush()).decode("ascii")
        return (f'<script type="application/octet-stream" id="lawlint-data" data-encoding="deflate-base64" '
                f'data-size="{len(text)}">{packed}</script>')

    def data(self) -> str:
        """Every file's findings and notes as compact JSON: `s` the string table; `r` the
        rules that fired ([id, Chinese title]); `f` one entry per file in the audit's order:
        [findings, notes, notes left out, error], a finding [rule, severity, message,
        excerpt, line, column] and for a place that is not a text line [..., kind, a, b]
        (1 paragraph a with context b; 2 page a, line b; 3 the whole document); a message
        holds "\\u0000" where its excerpt goes."""
        strings = _Strings()
        rules = {rule: index for index, rule in enumerate(self.rule_ids)}
        files = []
        for result in self.results:
            found = [self.finding(d, rules, strings) for d in result.active]
            notes = self.audit.notes_for(result.path)
            kept = [[strings(n.kind), strings(self.strip(n.message))] for n in notes[:_NOTES_KEPT]]
            entry = [found, kept, len(notes) - len(kept), strings(result.error)]
            if entry[3] < 0:                       # what a file does not have is left off the end
                del entry[3]
                if not entry[2]:
                    del entry[2]
                    if not entry[1]:
                        del entry[1]
            files.append(entry)
        data = {"v": 1, "b": self.base, "s": strings.table,
                "r": [[rule, self.title(rule)] for rule in self.rule_ids], "c": list(matrix.COLUMNS), "f": files,
                # the words report.js shows, from the one place they are kept
                "w": {"severity": SEVERITY_WORDS, "kind": _NOTE_KINDS, "status": _STATUS}}
        return _json(data)

    def strip(self, message: str) -> str:
        """A note names other files by path: name them as the page does."""
        return message.replace(self.base + "/", "") if self.base else message

    def finding(self, d, rules: dict[str, int], strings: _Strings) -> list:
        excerpt = d.excerpt or ""
        message = d.message
        if len(excerpt) >= 2 and _HOLE not in message and _HOLE not in excerpt and excerpt in message:
            message = message.replace(excerpt, _HOLE)
        entry = [rules[d.rule_id], _SEVERITIES.index(d.severity), strings(message), strings(excerpt),
                 d.line, d.column]
        if d.whole:
            entry += [3]
        elif d.paragraph is not None:
            entry += [1, d.paragraph, strings(d.context)]
        elif d.page is not None:
            entry += [2, d.page, d.page_line or 0]
        return entry
