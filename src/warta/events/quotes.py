"""Direct quotes (“...”, "...") and their speakers."""
from __future__ import annotations

import re

QUOTE_RE = re.compile(r"“([^”]{2,}?)”|\"([^\"\n]{2,}?)\"")


def find_quotes(text: str) -> list[tuple[int, int]]:
    """(start, end) character offsets of the quoted text (without the quote marks)."""
    out = []
    for m in QUOTE_RE.finditer(text):
        g = 1 if m.group(1) is not None else 2
        out.append((m.start(g), m.end(g)))
    return out
