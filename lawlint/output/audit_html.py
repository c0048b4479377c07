"""The audit as one self-contained HTML page (no network, no CDN): summary, per-rule bar
chart, a sortable compliance matrix of files × mandated elements, and per-file details."""

from __future__ import annotations

import datetime
from html import escape
from importlib import resources
from typing import TextIO

from lawlint import __version__
from lawlint.audit import matrix
from lawlint.audit.report import Audit

_MARK = {"present": ("✓", "齐全"), "weak": ("△", "不完善"), "missing": ("✗", "缺失"),
         "error": ("—", "无法读取")}
_STATUS = {"pass": "通过", "fail": "未通过", "error": "无法读取", "unsupported": "格式不支持"}
_SEVERITY = {"error": "错误", "warning": "警告", "info": "提示"}



def _asset(name: str) -> str:
    """CSS and JS shipped beside this module, inlined: the page needs no network."""
    return resources.files("lawlint.output").joinpath(name).read_text(encoding="utf-8")


def html_file(audit: Audit, out: TextIO) -> None:
    files, found = audit.statuses(), audit.severities()
    cards = [(len(audit.items), "报告"), (files["pass"], "通过"), (files["fail"], "未通过"),
             (files["error"], "无法读取"), (files["unsupported"], "格式不支持"), (found["error"], "错误"), (found["warning"], "警告"),
             (found["info"], "提示"), (len({n.path for n in audit.notes}), "批次提示")]
    now = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    out.write(f"""<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<title>法治政府建设年度报告 批量审查</title><style>{_asset('report.css')}</style></head><body>
<h1>法治政府建设年度报告 批量审查</h1><div class="meta">lawlint {__version__} · {escape(now)}</div>
<div class="cards">{"".join(f'<div class="card"><b>{n}</b><span>{label}</span></div>' for n, label in cards)}</div>
<h2>规则命中次数</h2>{_bars(audit)}
<h2>合规矩阵</h2><div class="legend">{"".join(f'<span class="{k}">{m} {t}</span>' for k, (m, t) in _MARK.items())}
</div>{_matrix(audit)}<h2>逐份详情</h2>{"".join(_details(audit, r) for r in audit.results)}
<script>{_asset('report.js')}</script></body></html>
""")


def _bars(audit: Audit) -> str:
    counts = audit.by_rule().most_common()
    if not counts:
        return '<div class="bars">没有发现问题。</div>'
    severity = {d.rule_id: d.severity for r in audit.results for d in r.active}
    top = counts[0][1]
    return '<div class="bars">' + "".join(
        f'<div class="bar"><div class="label">{escape(rule)} {escape(audit.rule_names.get(rule, ""))}</div>'
        f'<div class="track"><div class="fill {severity[rule]}" style="width:{100 * n / top:.1f}%"></div></div>'
        f'<div>{n}</div></div>' for rule, n in counts) + "</div>"


def _matrix(audit: Audit) -> str:
    head = ["文件", "机关", "年度", "成文日期", "状态", "错误", "警告", *matrix.COLUMNS, "批次提示"]
    rows = []
    for result in audit.results:
        status = audit.status(result)
        copy = audit.copies.get(result.path)
        name = escape(result.path)
        cells = [f'<td><a href="{escape(copy)}" title="审查稿（批注与修订）">{name}</a></td>' if copy
                 else f"<td>{name}</td>", f"<td>{escape(result.organ or '')}</td>",
                 f"<td>{result.report_year or ''}</td>", f"<td>{escape(result.date or '')}</td>",
                 f'<td class="st-{status}" data-v="{status}">{_STATUS[status]}</td>',
                 f"<td>{result.count('error')}</td>", f"<td>{result.count('warning')}</td>"]
        order = {"missing": 0, "weak": 1, "present": 2, "error": 3}
        cells += [f'<td class="m {s}" data-v="{order[s]}" title="{_MARK[s][1]}">{_MARK[s][0]}</td>'
                  for s in audit.elements(result).values()]
        cells.append(f'<td class="note">{escape("；".join(n.message for n in audit.notes_for(result.path)))}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return ('<div class="scroll"><table><thead><tr>' + "".join(f"<th>{h}</th>" for h in head)
            + "</tr></thead><tbody>" + "".join(rows) + "</tbody></table></div>")


def _details(audit: Audit, result) -> str:
    status = audit.status(result)
    lines = [f'<div class="f">无法读取：{escape(result.error)}</div>'] if result.error else []
    lines += [f'<div class="f note">批次提示：{escape(n.message)}</div>' for n in audit.notes_for(result.path)]
    lines += [f'<div class="f"><span class="sev {d.severity}">{_SEVERITY[d.severity]}</span>'
              f'{escape(d.place())} <b>{d.rule_id}</b> {escape(d.message)} <code>{escape(d.excerpt)}</code></div>'
              for d in result.active]
    return (f'<details{" open" if status in ("error", "unsupported") else ""}><summary>{escape(result.path)} · '
            f'<span class="st-{status}">{_STATUS[status]}</span> · 错误 {result.count("error")} · '
            f'警告 {result.count("warning")}</summary>{"".join(lines) or "<div class=f>没有发现问题。</div>"}'
            "</details>")
