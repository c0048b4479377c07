"""The command line. `lawlint FILE…` lints; `audit`, `rules`, `explain` and the pack commands
are subcommands, registered on the one group here."""

from lawlint.cli import audit, packs
from lawlint.cli.lint import main

packs.register(main)
audit.register(main)

__all__ = ["main"]
