"""Batch audit for supervising offices: every file in parallel, cached, cross-checked, and
rendered as a terminal summary, CSV, JSON or one self-contained HTML page."""
