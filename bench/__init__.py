"""Benchmarks: `python -m bench` (or `make bench`) runs them all and writes BENCHMARKS.md.

Every figure is measured next to its baseline in the same run; see bench/__main__.py.
Not tests: nothing here asserts a target, the report says PASS or MISS."""
