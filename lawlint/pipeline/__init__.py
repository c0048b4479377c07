"""The per-file pipeline (read → fold → parse → check → suppress → habits → result) and what
runs it: options and per-file settings, the engine that turns check hits into diagnostics,
suppression directives, habits folded into one finding each, safe fixes, and the result
types every output reads."""
