"""Pack references in, a compiled `RuleSet` out.

Packs compose: a pack `extends` others (built-in names or paths relative to it), may add
rules, change inherited ones in `overrides` (severity, message, kind parameters, or
`disable: true`) and override `parameters`. Each rule's check kind is built once, with its
regexes compiled; errors name the pack file, the YAML line and the rule id.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import regex

from lawlint.packs import packfile
from lawlint.document import parts
from lawlint.checks import KINDS, SPECS, load_kinds
from lawlint.checks.lawbook import LawBook, book_of
from lawlint.document.grammar import Grammar
from lawlint.document.organs import OrganGrammar
from lawlint.document.parts import Cue, Element
from lawlint.errors import PackError
from lawlint.patterns import TimedPattern
from lawlint.packs.packfile import DEFAULT_PACKS, PackFile

SEVERITIES = ("info", "warning", "error")
IDENTITY_KEYS = {"id", "name", "severity", "kind", "message", "description", "basis", "examples",
                 "published", "about", "enabled", "title"}

@dataclass(frozen=True, slots=True)
class Rule:
    """A rule as the engine runs it: identity and wording from the pack, a built check."""

    id: str
    name: str
    severity: str
    kind: str
    message: str
    description: str
    basis: str
    check: Any = field(compare=False, repr=False)
    pack: str = ""
    params: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    examples: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)
    origin: tuple[str, int | None] = ("", None)
    published: str | None = None   # the severity when the report is a published copy
    about: str | None = None       # the part it judges, for the audit matrix (pack `about:`)
    enabled: bool = True           # False: runs only when selected by its id or name (ruff's opt-in)
    title: str = ""                # its short Chinese name (pack `title:`), for offices' pages


_SUPPRESSION_BASIS = "lawlint 内置规则：行内抑制指令（<!-- lawlint-disable … -->）的使用"
BUILTIN_RULES = (
    Rule("LL001", "unused-suppression", "warning", "suppression",
         "抑制指令“{directive}”没有抑制任何发现{detail}，应删除",
         "A lawlint-disable comment that silences nothing hides nothing and misleads readers; "
         "like ruff's RUF100 it is reported so that stale suppressions are removed.",
         _SUPPRESSION_BASIS, None, "lawlint", title="多余的抑制指令"),
    Rule("LL002", "suppression-without-reason", "warning", "suppression",
         "抑制指令“{directive}”没有写明理由（在规则编号后写 -- 理由）",
         "With --require-reason (or require-reason: true in the configuration) every "
         "suppression must say why, so that a supervising office can judge it.",
         _SUPPRESSION_BASIS, None, "lawlint", title="抑制指令未写理由"),
    Rule("LL003", "rule-failed", "error", "engine",
         "规则 {rule} 未能检查本文件：{reason}",
         "A rule could not finish on this file, most often because a pack regex ran longer than "
         "--regex-timeout (catastrophic backtracking). The other rules still ran; fix the "
         "pattern (check it with `lawlint check-pack`).",
         "lawlint 内置规则：规则执行失败", None, "lawlint", title="规则执行失败"),
    Rule("LL004", "unknown-rule-in-directive", "error", "suppression",
         "抑制指令“{directive}”写了不存在的规则{detail}，请改正规则编号",
         "A lawlint-disable comment that names no rule of the packs is a typo: it silences "
         "nothing, and the one it meant still fires. Like an unknown id in --select, it makes "
         "the run exit 2; `lawlint rules` lists the ids.",
         _SUPPRESSION_BASIS, None, "lawlint", title="抑制指令规则编号有误"),
    Rule("LL005", "encoding-detected", "info", "engine",
         "本文件既不是 UTF-8 也不像 GB18030，已按自动检测以 {encoding} 解码；如有乱码，请另存为 UTF-8 或用 --encoding 指定",
         "GB18030 decodes almost any bytes; when the characters it gives are implausible for a "
         "report (most outside common use, as Big5 bytes give), lawlint asks charset-normalizer "
         "and says here which encoding it used, so a reader can tell a guess from the file's word.",
         "lawlint 内置规则：文件编码", None, "lawlint", title="已自动识别编码"),
    Rule("LL006", "unaccepted-revisions", "info", "engine",
         "文档含未接受的修订 {changes} 处、批注 {comments} 条：这不是定稿；lawlint 按接受全部修订后的文字检查，请接受或拒绝修订、删除批注后再报送",
         "A .docx that still carries tracked changes (w:ins, w:del, moves) or comments is not the "
         "final text an office should receive. lawlint reads it as Word's final view (insertions "
         "in, deletions out) and says so here, once, at the top of the file.",
         "lawlint 内置规则：文档定稿", None, "lawlint", title="含未接受的修订"),
)

# Not a rule one selects or ignores: a check that raised is lawlint's bug, always reported
# (and exit 2, never 1: a CI gate must tell a crash from a defect in the report).
INTERNAL_ERROR = Rule(
    "LL000", "internal-error", "error", "engine", "{reason}",
    "A check raised an exception on this file: a bug in lawlint or in a pack's check, not a "
    "defect of the report. The other rules still ran; the run exits 2. Report it with the "
    "output of --debug.", "lawlint 内置规则：内部错误", None, "lawlint", title="内部错误")


@dataclass(frozen=True, slots=True)
class RuleSet:
    """The rules of one or more packs, with merged parameters and elements, plus lawlint's
    built-in rules about suppressions (run by the engine, not by a check)."""

    rules: tuple[Rule, ...]
    parameters: dict[str, Any]
    elements: tuple[Element, ...]
    packs: tuple[str, ...]
    digest: str
    grammar: Grammar = field(default_factory=Grammar, compare=False)
    laws: LawBook = field(default_factory=lambda: LawBook(()), compare=False)
    builtins: tuple[Rule, ...] = BUILTIN_RULES
    deselected: tuple[Rule, ...] = ()   # defined by the packs but left out by select/ignore
    boilerplate: tuple[str, ...] = ()   # national wording every report may share (pack `boilerplate:`)

    @property
    def all_rules(self) -> tuple[Rule, ...]:
        return self.builtins + self.rules

    def defines(self, key: str) -> bool:
        """Some rule of the packs (run or deselected) has this id, id prefix or name."""
        return any(matches(rule, (key,)) for rule in (*self.all_rules, *self.deselected))

    def select(self, select: tuple[str, ...] = (), ignore: tuple[str, ...] = ()) -> RuleSet:
        """Keep rules matching `select` (all enabled ones if empty), minus those matching
        `ignore`. A rule that is off by default (`enabled: false`) runs only when `select`
        names it by id or name: a prefix (LL1) does not turn it on."""
        def chosen(rule: Rule) -> bool:
            if not rule.enabled:
                return any(key in (rule.id, rule.name) for key in select)
            return not select or matches(rule, select)

        def keep(rules: tuple[Rule, ...]) -> tuple[Rule, ...]:
            return tuple(r for r in rules if chosen(r) and not matches(r, ignore))
        kept = replace(self, rules=keep(self.rules), builtins=keep(self.builtins))
        left_out = tuple(rule for rule in self.all_rules if rule not in kept.all_rules)
        return replace(kept, deselected=self.deselected + left_out)

    def with_severities(self, severities: dict[str, str]) -> RuleSet:
        """Change severities by id, id prefix or name (the longest key wins)."""
        def new(rule: Rule) -> Rule:
            keys = [key for key in severities if matches(rule, (key,))]
            return replace(rule, severity=severities[max(keys, key=len)]) if keys else rule
        return replace(self, rules=tuple(map(new, self.rules)), builtins=tuple(map(new, self.builtins)))

    def with_parameters(self, parameters: dict[str, Any]) -> RuleSet:
        return replace(self, parameters={**self.parameters, **parameters})

    def find(self, key: str) -> Rule | None:
        return next((r for r in self.all_rules if key in (r.id, r.name)), None)

    def builtin(self, key: str) -> Rule | None:
        """A built-in rule the engine stamps itself (LL001…LL006), if selection left it on."""
        return next((r for r in self.builtins if key in (r.id, r.name)), None)


def matches(rule: Rule, keys: tuple[str, ...]) -> bool:
    """A rule is named by its id, an id prefix ('LL4') or its name."""
    return any(rule.id.startswith(key) or rule.name == key for key in keys)


def load_ruleset(packs: tuple[str, ...] = DEFAULT_PACKS, base: Path | None = None) -> RuleSet:
    """Load packs (and what they extend) in order into one rule set."""
    files = _ordered(packs, base)
    specs: dict[str, tuple[dict, PackFile, tuple]] = {}
    parameters: dict[str, Any] = {}
    elements: list[Element] = []
    organs: dict = {}
    laws: dict[str, dict] = {}
    boilerplate: dict[str, None] = {}
    for pack in files:
        _add_rules(pack, specs)
        _apply_overrides(pack, specs)
        parameters.update(pack.data.get("parameters", {}))
        elements = _merge_elements(elements, pack)
        organs = _merge_organs(organs, pack)
        laws.update(_laws(pack))
        boilerplate.update(dict.fromkeys(pack.data.get("boilerplate", ())))
    rules = tuple(_build(item, pack, path) for item, pack, path in specs.values())
    digest = hashlib.sha256("".join(p.digest for p in files).encode()).hexdigest()
    grammar = Grammar(tuple(elements), OrganGrammar.from_pack(organs))
    return RuleSet(rules, parameters, tuple(elements), tuple(packs), digest, grammar,
                   book_of(digest, list(laws.values())), boilerplate=tuple(boilerplate))


def _ordered(packs: tuple[str, ...], base: Path | None) -> list[PackFile]:
    """Every pack after the packs it extends, each once; a cycle is an error."""
    done: dict[Path, PackFile] = {}

    def visit(reference: str, relative_to: Path | None, chain: tuple[Path, ...]) -> None:
        try:
            path = packfile.resolve(reference, relative_to).resolve()
        except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop
            raise PackError(f"cannot open pack: {exc}", reference) from None
        if path in chain:
            raise PackError("packs extend each other in a cycle: "
                            + " → ".join(p.name for p in (*chain, path)), str(path))
        if path in done:
            return
        pack = packfile.load(path)
        for parent in pack.extends:
            visit(parent, path.parent, (*chain, path))
        done[path] = pack

    for reference in packs:
        visit(reference, base, ())
    return list(done.values())


def _add_rules(pack: PackFile, specs: dict) -> None:
    for index, item in enumerate(pack.data.get("rules", [])):
        if item["id"] in specs:
            first = specs[item["id"]][1]
            raise PackError(f"duplicate rule id (already defined in {first.path.name} on line "
                            f"{first.line(*specs[item['id']][2])}); change it with `overrides`",
                            str(pack.path), pack.line("rules", index), item["id"])
        specs[item["id"]] = (dict(item), pack, ("rules", index))


def _apply_overrides(pack: PackFile, specs: dict) -> None:
    for rule_id, changes in pack.data.get("overrides", {}).items():
        if rule_id not in specs:
            raise PackError("overrides a rule that no pack defines", str(pack.path),
                            pack.line("overrides", rule_id), rule_id)
        if changes.get("disable"):
            del specs[rule_id]
            continue
        item, _, _ = specs[rule_id]
        merged = {**item, **{k: v for k, v in changes.items() if k != "disable"}}
        specs[rule_id] = (merged, pack, ("overrides", rule_id))


def _merge_elements(elements: list[Element], pack: PackFile) -> list[Element]:
    """A pack's element replaces the inherited one with its key; new keys are matched first."""
    new = [_element(item, index, pack) for index, item in enumerate(pack.data.get("elements", []))]
    by_key = {element.key: element for element in new}
    merged = [by_key.pop(element.key, element) for element in elements]
    return list(by_key.values()) + merged


def _element(item: dict, index: int, pack: PackFile) -> Element:
    """An element and its heading vocabulary: scored `cues`, a `veto`, the year offset; a
    plain `heading` regex is one cue that names the element on its own."""
    def compiled(pattern: str, *where) -> TimedPattern:
        return TimedPattern(_compile(pattern, pack, pack.line("elements", index, *where),
                                     f"{item['key']}.{where[0]}"))

    cues = [Cue(compiled(cue["pattern"], "cues", n), int(cue["weight"]), bool(cue.get("fallback")),
                cue["pattern"]) for n, cue in enumerate(item.get("cues", ()))]
    if "heading" in item:
        cues.append(Cue(compiled(item["heading"], "heading"), parts.THRESHOLD, False, item["heading"]))
    veto = compiled(item["veto"], "veto") if "veto" in item else None
    return Element(item["key"], item["label"], tuple(cues), veto, int(item.get("year", 0)),
                   item.get("topical_min"), item.get("short", ""))


def _laws(pack: PackFile) -> Iterator[tuple[str, dict]]:
    """A pack's registry entries by title (a later pack's entry replaces one of the same
    title), their `mentions` compiled here so that a bad one is a PackError with its line."""
    for index, entry in enumerate(pack.data.get("laws", ())):
        if "mentions" in entry:
            _compile(entry["mentions"], pack, pack.line("laws", index, "mentions"),
                     f"laws.{entry['title']}")
        yield entry["title"], entry


def _merge_organs(organs: dict, pack: PackFile) -> dict:
    """A pack's `organs` lists replace the inherited lists of the same name."""
    return {**organs, **pack.data.get("organs", {})}


def _build(item: dict, pack: PackFile, path: tuple) -> Rule:
    load_kinds()
    spec = SPECS.get(item["kind"])
    if spec is None:
        raise PackError(f"unknown kind {item['kind']!r}", str(pack.path), pack.line(*path, "kind"),
                        item["id"], hint="the kinds are listed in docs/writing-rules.md")
    params = {key: value for key, value in item.items() if key not in IDENTITY_KEYS}
    for key, value in params.items():
        for pattern in _patterns(value) if key in spec.regex_names else ():
            _compile(pattern, pack, pack.line(*path, key), f"{item['id']}.{key}")
    if item["severity"] not in SEVERITIES:
        raise PackError(f"unknown severity {item['severity']!r}", str(pack.path),
                        pack.line(*path, "severity"), item["id"])
    unknown = sorted(set(params) - spec.parameter_names)
    if unknown:
        raise PackError(f"kind {item['kind']!r} has no parameter {unknown[0]!r}", str(pack.path),
                        pack.line(*path, unknown[0]), item["id"])
    try:
        check = KINDS[item["kind"]](params)
    except (regex.error, KeyError, ValueError, TypeError) as exc:
        raise PackError(f"invalid parameters for kind {item['kind']!r}: {exc}",
                        str(pack.path), pack.line(*path), item["id"]) from None
    examples = {k: tuple(v) for k, v in item.get("examples", {}).items()}
    return Rule(item["id"], item["name"], item["severity"], item["kind"], item["message"],
                item.get("description", ""), item["basis"], check, pack.name, params, examples,
                (str(pack.path), pack.line(*path)), item.get("published"), item.get("about"),
                item.get("enabled", True), item.get("title", ""))


def _patterns(value: Any):
    """The regexes in a parameter: a string, or the `pattern` of each item of a list."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        yield from (item["pattern"] for item in value if isinstance(item, dict) and "pattern" in item)


def _compile(pattern: str, pack: PackFile, line: int | None, key: str) -> regex.Pattern:
    try:
        return regex.compile(pattern)
    except regex.error as exc:
        raise PackError(f"invalid regular expression: {exc}", str(pack.path), line, key) from None
