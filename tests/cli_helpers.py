"""Helpers for CLI tests."""
import re


def flat(res) -> str:
    """A CliRunner result's output with rich's error-box borders and line wrapping undone."""
    return re.sub(r"[\s│╭╮╰╯─]+", " ", res.output)
