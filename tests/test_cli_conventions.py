"""The conventions a ruff user already knows: the lint options on `lawlint --help`, `check` as
an alias, --format choices from the one output registry, --jobs, --no-cache, completion."""

from __future__ import annotations

import io
import json

import pytest
from click.testing import CliRunner

from conftest import COMPLIANT, SEEDS

from lawlint import output
from lawlint.cli import main


def run(*args, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], env=env, prog_name="lawlint")


@pytest.fixture
def fake_format():
    """A format registered for lint and one for audit, removed again after the test."""
    def lint(results, ruleset, out, display):
        out.write("".join(f"fake {r.path} {len(r.active)}\n" for r in results))

    def audit(report, out):
        out.write(f"fake audit {len(report.items)}\n")

    output.register("fake-lint", output.LINT, lint, "a test format")
    output.register("fake-audit", output.AUDIT, audit, "a test format")
    yield
    output.unregister("fake-lint", output.LINT)
    output.unregister("fake-audit", output.AUDIT)


@pytest.mark.parametrize("option", ["--format", "--output-format", "--fix", "--diff", "--select",
                                    "--exit-zero", "--quiet", "--silent", "--no-show-source",
                                    "--jobs", "--no-cache", "--version"])
def test_top_level_help_lists_the_lint_options(option):
    result = run("--help")
    assert result.exit_code == 0 and option in result.output


def test_top_level_help_lists_the_commands_too():
    lines = run("--help").output.splitlines()
    commands = lines[lines.index("Commands:") + 1:]
    assert {line.split()[0] for line in commands} >= {"audit", "check", "rules", "explain", "check-pack"}
    assert lines[0] == "Usage: lawlint [OPTIONS] PATH..."


@pytest.mark.parametrize("args", [(COMPLIANT,), ("check", COMPLIANT)])
def test_check_is_an_alias_of_the_default_command(args):
    result = run(*args)
    assert result.exit_code == 0 and result.output == run(COMPLIANT).output


@pytest.mark.parametrize("renders, command", [(output.LINT, ()), (output.AUDIT, ("audit",))])
def test_format_choices_are_the_registrys(renders, command):
    help_text = run(*command, "--help").output.replace("\n", " ").replace(" ", "")
    assert "[" + "|".join(output.names(renders)) + "]" in help_text


def test_a_registered_format_is_a_choice_and_renders(fake_format):
    assert "fake-lint" in run("--help").output and "fake-audit" not in run("--help").output
    result = run(COMPLIANT, "--format", "fake-lint")
    assert result.exit_code == 0 and result.output.startswith(f"fake {COMPLIANT} ")


def test_a_registered_audit_format_is_an_audit_choice(fake_format):
    result = run("audit", SEEDS, "--format", "fake-audit", "--no-cache", "--jobs", "1")
    assert result.output == "fake audit 5\n" and "fake-audit" in run("audit", "--help").output


def test_an_unknown_format_is_a_usage_error():
    result = run(COMPLIANT, "--format", "nope")
    assert result.exit_code == 2 and "'nope' is not one of" in result.output


def test_formats_are_imported_only_when_chosen():
    import subprocess
    import sys
    code = ("import sys; from lawlint.cli import main\n"
            "print(sorted(m for m in sys.modules if m.startswith('lawlint.output.')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "[]", done.stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_jobs_gives_the_same_output_in_the_same_order(jobs):
    assert run(SEEDS, "--jobs", jobs, "--format", "json").output == run(SEEDS, "--format", "json").output


def test_jobs_must_be_at_least_one():
    assert run(SEEDS, "--jobs", "0").exit_code == 2


def test_jobs_reaches_the_linter_options(monkeypatch):
    from lawlint.pipeline import linter
    seen = []
    original = linter.Resolver.__init__
    monkeypatch.setattr(linter.Resolver, "__init__",
                        lambda self, options=linter.Options(), cwd=None: seen.append(options.jobs)
                        or original(self, options, cwd))
    run(COMPLIANT, "-j", "3")
    assert seen[0] == 3


@pytest.mark.parametrize("flag, env", [(("--no-cache",), {}), ((), {"LAWLINT_NO_CACHE": "1"})])
def test_no_cache_keeps_nothing_in_the_cache_folder(tmp_path, flag, env):
    cache = tmp_path / "cache"
    typography = (SEEDS.parent / "rules" / "typography.yaml").read_text(encoding="utf-8")

    def lint_with_a_new_pack(*args, env):   # a pack never validated before leaves a marker
        pack = tmp_path / f"mine-{len(list(tmp_path.glob('mine-*')))}.yaml"
        pack.write_text(f"# {pack} {args} {env}\n" + typography, encoding="utf-8")
        return run(COMPLIANT, "--pack", pack, *args, env={"LAWLINT_CACHE_DIR": str(cache), **env})

    assert lint_with_a_new_pack(*flag, env=env).exit_code == 0
    assert not cache.exists() or not any(cache.rglob("*"))
    lint_with_a_new_pack(env={})
    assert any(cache.rglob("*"))   # the same run with the cache on keeps a marker


def test_no_cache_in_process_leaves_the_environment_as_it_was():
    import os
    before = {k: v for k, v in os.environ.items() if "LAWLINT" in k}
    run(COMPLIANT, "--no-cache")
    assert {k: v for k, v in os.environ.items() if "LAWLINT" in k} == before


@pytest.mark.parametrize("words, expected", [
    ("lawlint --for", "--format"),
    ("lawlint --format g", "github"),
    ("lawlint au", "audit"),
    ("lawlint audit --format h", "html"),
    ("lawlint check --no-s", "--no-show-source"),
])
def test_shell_completion_offers_options_choices_and_commands(words, expected):
    env = {"_LAWLINT_COMPLETE": "bash_complete", "COMP_WORDS": words,
           "COMP_CWORD": str(len(words.split()) - 1)}
    result = CliRunner().invoke(main, [], env=env, prog_name="lawlint")
    assert expected in [line.split(",", 1)[1] for line in result.output.splitlines()], result.output


def test_bash_completion_script_is_generated():
    result = CliRunner().invoke(main, [], env={"_LAWLINT_COMPLETE": "bash_source"}, prog_name="lawlint")
    assert "_lawlint_completion" in result.output


@pytest.mark.parametrize("name, says", [("text", "2 files checked"), ("json", '"files": 2'),
                                        ("sarif", '"executionSuccessful": true'),
                                        ("github", "::error file=b.txt::unreadable"),
                                        ("statistics", "2 files checked")])
def test_lint_formats_take_any_iterable_of_results(name, says):
    """The linter streams results: a format gets an iterator and consumes it once."""
    from lawlint.pipeline.result import FileResult
    out = io.StringIO()
    output.get(name)(iter([FileResult("a.txt"), FileResult("b.txt", error="unreadable")]), None, out,
                     output.Display())
    assert says in out.getvalue() or name == "sarif" and json.loads(out.getvalue())["runs"]
