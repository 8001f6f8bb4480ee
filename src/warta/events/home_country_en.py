"""English: officials named without a country take the article's home country.

BBC-style reports name their own country's office holders by title and name only ("Culture Secretary
Tessa Jowell", "Spokesman David Davis", "Minister Rhona Brankin"); the actor linker finds their sector
(GOV, COP, JUD...) from the title but no country, so they could not be coded. Where one country clearly
dominates the article (`HOME_SHARE` of its country names and political mentions with a country, at
least `HOME_MIN` of them), such a mention takes that country. Organisations, places and people without a
political sector are left alone, and so is any article without a clear home country.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

from warta.model import Mention

POLITICAL = frozenset({"GOV", "LEG", "JUD", "COP", "MIL", "PTY", "OPP", "SPY", "ELI"})
HOME_SHARE = 0.6
HOME_MIN = 3


def home_country(mentions: list[Mention]) -> str | None:
    """The country of most of the article's political mentions, where one clearly dominates."""
    counts = Counter(m.country for m in mentions if m.country and not m.org
                     and (m.sector in POLITICAL or m.kind == "GPE"))
    if not counts:
        return None
    country, n = counts.most_common(1)[0]
    if n < HOME_MIN or n < HOME_SHARE * sum(counts.values()):
        return None
    return country


def fill_home_country(mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with the home country given to political people and agents that have no country."""
    home = home_country(mentions)
    if home is None:
        return mentions
    return [replace(m, country=home) if (not m.country and not m.org and m.sector in POLITICAL
                                         and m.kind in ("PER", "AGENT")) else m
            for m in mentions]
