"""Coverage of the people knowledge base: which days of 2000-01-01..2026-11-27 have no holder of a
required post (head of state, head of government, foreign minister, defence minister) for each
required country (G20, ASEAN, the countries in the news, and others frequently in the news).

    .venv/bin/python benchmarks/kb_coverage.py            # gaps per country and role, then totals
    .venv/bin/python benchmarks/kb_coverage.py --summary  # totals only
    .venv/bin/python benchmarks/kb_coverage.py --group core|extra|all
    .venv/bin/python benchmarks/kb_coverage.py --from 1985-01-01 --to 2000-01-01  # another window

Reads the ``people*.tsv`` rows directly (only the role columns), classifies each role string into
hos/hog/fm/dm (per-country rules below) and subtracts the union of its [start, end) intervals from
the required window. A row's ``end`` is the first day out of office; an empty end is open.
"""
from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from pathlib import Path

KB_DIR = Path(__file__).resolve().parents[1] / "src" / "warta" / "data" / "kb"
START, END = date(2000, 1, 1), date(2026, 11, 28)  # END exclusive: covers up to 2026-11-27

G20 = ["ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX", "RUS",
       "SAU", "ZAF", "TUR", "GBR", "USA"]
ASEAN = ["BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM", "TLS"]
NEWS = ["ISR", "IRN", "UKR", "RUS", "PSE", "PRK", "KOR", "TWN", "SAU", "ARE", "QAT", "KWT", "BHR", "OMN"]
CORE = list(dict.fromkeys(G20 + ASEAN + NEWS))
# Also worthwhile (heads of state/government only).
EXTRA = ["AFG", "IRQ", "SYR", "LBN", "JOR", "EGY", "LBY", "PAK", "BGD", "LKA", "NPL", "SDN", "ETH", "NGA",
         "KEN", "VEN", "COL", "CUB", "PNG", "NZL"]

# The 193 member states of the United Nations (heads of state and government 2000-2026; foreign and
# defence ministers 2000-2022, the reach of the imported Wikidata cabinets: --group un).
UN = """AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN BGR
BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK DJI DMA DOM ECU EGY SLV
GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL
ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS
MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT
QAT KOR MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR
SWE CHE SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE""".split()
UN_MIN_END = date(2023, 1, 1)
# UN members with no defence minister in 2000-2022: no armed forces (Costa Rica, Panama, Iceland, the
# Pacific and Eastern Caribbean microstates, the European microstates), not required in un-min.
NO_DM = {"AND", "ISL", "LIE", "MCO", "SMR", "KIR", "MHL", "FSM", "NRU", "PLW", "TUV", "WSM", "VUT", "SLB", "CRI",
         "PAN", "DMA", "GRD", "KNA", "LCA", "VCT"}
# UN members whose president is also head of government (no prime minister for most of 2000-2026),
# and collective or other heads the generic rules do not name (for --group un).
PRESIDENTIAL = {"BEN", "BOL", "BWA", "CHL", "CRI", "CYP", "DOM", "ECU", "ERI", "FSM", "GHA", "GMB", "GTM", "HND",
                "KIR", "LBR", "MDV", "MHL", "MWI", "NIC", "NRU", "PAN", "PLW", "PRY", "SLE", "SLV", "SSD", "SUR",
                "SYC", "TKM", "URY", "ZMB", "COM",
                "ZWE", "BDI", "AGO"}  # prime minister only 2009-2013 (ZWE), from 2020 (BDI), to 2010 (AGO)
# un: posts that do not exist (Andorra's co-princes are the French president and the bishop of Urgell).
UN_NO_POST = {("AND", "hos")}
COLLECTIVE = {"CHE": {"president": "hos+hog", "member of the federal council": ""},
              "SMR": {"captain regent": "hos+hog"}, "MCO": {"minister of state": "hog"},
              "PER": {"president of the council of ministers": "hog"}, "BIH": {"chairman of the presidency": "hos",
                                                        "chairman of the council of ministers": "hog"},
              "AND": {"head of government": "hog"}}

# Country -> posts not required (e.g. head of state of a Commonwealth realm is the British monarch,
# an executive president is also head of government, an absolute monarch is his own prime minister).
NO_HOG = {"USA", "IDN", "PHL", "BRA", "ARG", "MEX", "ZAF", "KOR", "BRN", "OMN", "AFG", "CUB", "NGA",
          "KEN", "COL", "VEN", "LBY", "SDN"}
NO_HOS = {"AUS", "CAN", "NZL", "PNG"}  # Commonwealth realms: the monarch (GBR rows)
# Windows where a post exists (others: the whole period).
WINDOW = {
    ("TLS", "*"): (date(2002, 5, 20), END),
    ("SSD", "*"): (date(2011, 7, 9), END),
    ("PSE", "hog"): (date(2003, 3, 19), END),
    ("TUR", "hog"): (START, date(2018, 7, 9)),
    ("MMR", "hog"): (date(2003, 8, 25), date(2011, 3, 30)),  # no prime minister 2011-2021
    ("SAU", "hog"): (START, END),  # the king until 2022-09-27 (rows "king" count as hog for SAU)
}
# Country-specific role classification (role string -> post), checked before the generic rules.
SPECIAL = {
    "IRN": {"supreme leader": "hos", "president": "hog"},
    "PRK": {"supreme leader": "hos", "premier": "hog"},
    "SAU": {"king": "hos+hog", "crown prince and prime minister": "hog"},
    "BRN": {"sultan": "hos"},
    "OMN": {"sultan": "hos"},
    "CHN": {"premier": "hog"},
    "TWN": {"premier": "hog"},
    "VNM": {"prime minister": "hog"},
    "MMR": {"head of the military government": "hos+hog", "chairman of the state peace and development council": "hos",
            "state counsellor": "hog", "acting president": "hos"},
    "AFG": {"supreme leader": "hos"},
    "QAT": {"prime minister and foreign minister": "hog+fm"},
    "ARE": {"crown prince of abu dhabi": ""},
    "LBY": {"leader": "hos", "chairman of the presidential council": "hos"},
}


def classify(country: str, role: str) -> set[str]:
    r = role.lower().strip()
    for pre in ("acting ", "interim ", "caretaker "):
        if r.startswith(pre):
            r = r[len(pre):]
    sp = {**COLLECTIVE.get(country, {}), **SPECIAL.get(country, {})}
    if r in sp:
        return set(p for p in sp[r].split("+") if p)
    out: set[str] = set()
    if r.startswith("druk gyalpo"):
        return {"hos"}
    if any(x in r for x in ("deputy", "vice", "spokesperson", "-elect", "former", "shadow", "state minister",
                            "junior", "under-secretary", "assistant")):
        return out
    if r in {"president", "king", "queen", "emir", "sultan", "emperor", "supreme leader",
             "yang di-pertuan agong", "chairman of the presidential council", "chairman of the sovereignty council",
             "president of the state affairs commission", "chairman of the state peace and development council",
             "head of state", "de facto leader", "governor-general", "governor general", "monarch",
             "grand duke", "prince", "paramount ruler", "o le ao o le malo", "chairman of the supreme council of the armed forces",
             "chairman of the national transitional council", "chairman of the transitional military council"}:
        out.add("hos")
    if r in {"premier", "chancellor", "federal chancellor", "taoiseach", "head of government",
             "chairman of the council of minister", "chairman of the council of ministers", "chief adviser", "chief executive",
             "chairman of the interim election council"} or "prime minister" in r:
        out.add("hog")
    if ("foreign" in r and ("minister" in r or "secretary" in r)) or r == "secretary of state" \
            or "minister of foreign affairs" in r or "foreign affairs minister" in r:
        out.add("fm")
    if ("defence" in r or "defense" in r) and ("minister" in r or "secretary" in r) \
            or r in {"armed forces minister", "minister of national defence", "minister of defence"} \
            or ("armed forces" in r and "minister" in r):
        out.add("dm")
    return out


def read_rows(kb_dir: Path = KB_DIR):
    for path in sorted(kb_dir.glob("people*.tsv")) + sorted((kb_dir / "open").glob("people*.tsv")):
        for ln, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            f = [x.strip() for x in line.split("\t")] + [""] * 9
            if f[0] == "id":
                continue
            yield path.name, ln, f[:9]


def pdate(s: str) -> date | None:
    s = s.strip()
    if not s:
        return None
    p = [int(x) for x in s.split("-")] + [1, 1]
    return date(*p[:3])


def intervals(kb_dir: Path = KB_DIR) -> dict[tuple[str, str], list[tuple[date, date, str]]]:
    out: dict[tuple[str, str], list[tuple[date, date, str]]] = {}
    for _f, _ln, (pid, country, role, _sector, start, end, *_rest) in read_rows(kb_dir):
        if not role or role == "-" or country.startswith("org:"):
            continue
        s, e = pdate(start) or date(1900, 1, 1), pdate(end) or date(9999, 1, 1)
        for post in classify(country, role):
            out.setdefault((country, post), []).append((s, e, pid))
    return out


def required_posts(country: str, group: str = "") -> list[str]:
    if group == "un":
        posts = ["hos"] + ([] if country in NO_HOG or country in PRESIDENTIAL else ["hog"])
        return [p for p in posts if (country, p) not in UN_NO_POST]
    if group == "un-min":
        return ["fm"] + ([] if country in NO_DM else ["dm"])
    posts = []
    if country not in NO_HOS:
        posts.append("hos")
    if country not in NO_HOG:
        posts.append("hog")
    if country in CORE:
        posts += ["fm", "dm"]
    return posts


def gaps(ivs: list[tuple[date, date, str]], lo: date, hi: date) -> list[tuple[date, date]]:
    """Uncovered [a, b) sub-intervals of [lo, hi)."""
    out, cur = [], lo
    for s, e, _ in sorted(ivs):
        if e <= cur:
            continue
        if s > cur:
            out.append((cur, min(s, hi)))
        cur = max(cur, e)
        if cur >= hi:
            break
    if cur < hi:
        out.append((cur, hi))
    return [(a, b) for a, b in out if a < b]


def coverage(countries: list[str], kb_dir: Path = KB_DIR, start: date = START, end: date = END,
             group: str = ""):
    iv = intervals(kb_dir)
    res = []
    if group == "un-min":
        end = min(end, UN_MIN_END)
    for c in countries:
        for post in required_posts(c, group):
            lo, hi = WINDOW.get((c, post)) or WINDOW.get((c, "*")) or (START, END)
            lo = start if lo == START else max(lo, start)  # a post's own window, clipped to the asked one
            hi = end if hi == END else min(hi, end)
            if lo >= hi:
                continue
            g = gaps(iv.get((c, post), []), lo, hi)
            days = sum((b - a).days for a, b in g)
            res.append((c, post, (hi - lo).days, days, g))
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--summary", action="store_true", help="totals only")
    ap.add_argument("--group", choices=["core", "extra", "all", "un"], default="all",
                    help="un: the 193 UN members, heads of state/government 2000-2026 (un) and foreign/"
                         "defence ministers 2000-2022 (un-min)")
    ap.add_argument("--min-days", type=int, default=1, help="hide gaps shorter than this many days")
    ap.add_argument("--kb-dir", type=Path, default=KB_DIR, help="directory with people*.tsv")
    ap.add_argument("--from", dest="start", type=date.fromisoformat, default=START,
                    help=f"first day of the window (default {START})")
    ap.add_argument("--to", dest="end", type=date.fromisoformat, default=END,
                    help=f"first day after the window (default {END})")
    a = ap.parse_args(argv)
    groups = {"core": [("core", CORE)], "extra": [("extra", EXTRA)],
              "all": [("core", CORE), ("extra", EXTRA), ("un", UN), ("un-min", UN)],
              "un": [("un", UN), ("un-min", UN)]}[a.group]
    for gname, countries in groups:
        res = coverage(countries, a.kb_dir, a.start, a.end, gname if gname.startswith("un") else "")
        tot = sum(r[2] for r in res)
        miss = sum(r[3] for r in res)
        if not a.summary:
            for c, post, _n, days, g in res:
                shown = [(x, y) for x, y in g if (y - x).days >= a.min_days]
                if shown:
                    spans = ", ".join(f"{x}..{y - timedelta(days=1)}" for x, y in shown)
                    print(f"{c} {post:3s} missing {days:5d} d: {spans}")
        by_post: dict[str, list[int]] = {}
        for _c, post, n, days, _g in res:
            t = by_post.setdefault(post, [0, 0])
            t[0] += n
            t[1] += days
        print(f"== {gname}: {len(countries)} countries, {len(res)} country-posts, "
              f"{sum(1 for r in res if r[3] == 0)} fully covered; missing {miss} of {tot} post-days "
              f"({100 * (1 - miss / tot):.1f}% covered)")
        for post, (n, days) in sorted(by_post.items()):
            print(f"   {post}: missing {days} of {n} days ({100 * (1 - days / n):.1f}% covered)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
