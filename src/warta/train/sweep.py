"""Report of a parallel NER training sweep (``selftrain_sweep.sh``): valid scores of the development
runs, the choice of a variant by those scores alone, and the matching snapshots of the refits.

Run names are ``dev_VARIANT_sSEED`` (trained on training splits, scored on the valid splits) and
``fit_VARIANT_sSEED`` (trained on train + valid with snapshots, never scored here). A variant's
refit snapshot is the one nearest to the mean best step of its development runs.

    python -m warta.train.sweep RUNS_DIR VALID_DIR [--pack N] [--dest DIR]
"""
from __future__ import annotations

import json
import re
import statistics
import sys
import tarfile
from pathlib import Path

ROW = re.compile(r"^\s*(\d+)\s+(\d+)\s+[\d.]+\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*$")


def log_scores(log: Path) -> list[tuple[int, float]]:
    """(step, dev entity F1) of each evaluation row of a ``spacy train`` log of ``ner.cfg``.

    The ENTS_F column is read, not SCORE: the two are the same number for ``ner.cfg`` (its score is
    entity F1 alone), but SCORE is printed to two decimals of a fraction, so its ties hide the step
    of spaCy's model-best.
    """
    rows = []
    for line in log.read_text(errors="replace").splitlines():
        m = ROW.match(line)
        if m:
            rows.append((int(m.group(2)), round(float(m.group(3)) / 100, 4)))
    return rows


def best_step(rows: list[tuple[int, float]]) -> int | None:
    """The earliest step with the best dev score (spaCy's own model-best rule)."""
    if not rows:
        return None
    top = max(score for _, score in rows)
    return min(step for step, score in rows if score == top)


def _valid_scores(model: Path, valid: Path) -> dict[str, float]:
    from warta.eval.ner import evaluate

    return {key: evaluate(valid / f"{key}_valid.txt", model=model)["f1"] for key in ("nerp", "nergrit")}


def dev_report(runs: Path, valid: Path, workers: int = 8) -> dict[str, dict]:
    """Per development run: best and last step of its log, valid F1 of its model-best (in parallel)."""
    from concurrent.futures import ProcessPoolExecutor

    out: dict[str, dict] = {}
    jobs = {}
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for log in sorted(runs.glob("dev_*.log")):
            rows = log_scores(log)
            out[log.stem] = {"best_step": best_step(rows), "last_step": rows[-1][0] if rows else None}
            model = runs / log.stem / "model-best"
            if model.exists():
                jobs[log.stem] = pool.submit(_valid_scores, model, valid)
        for name, job in jobs.items():
            out[name].update(job.result())
    return out


def variants(dev: dict[str, dict]) -> dict[str, dict]:
    """Per variant: mean NERP, NERGrit and their mean over seeds, and the mean best step."""
    groups: dict[str, list[dict]] = {}
    for name, entry in dev.items():
        if "nerp" in entry:
            groups.setdefault(name[len("dev_"):].rsplit("_s", 1)[0], []).append(entry)
    out = {}
    for variant, entries in groups.items():
        nerp = statistics.mean(e["nerp"] for e in entries)
        nergrit = statistics.mean(e["nergrit"] for e in entries)
        out[variant] = {"seeds": len(entries), "nerp": round(nerp, 4), "nergrit": round(nergrit, 4),
                        "mean": round((nerp + nergrit) / 2, 4),
                        "best_step": round(statistics.mean(e["best_step"] for e in entries))}
    return out


def snapshot_for(run: Path, step: int) -> Path | None:
    snaps = sorted(run.glob("snapshots/step*"), key=lambda p: int(p.name[4:]))
    if not snaps:
        return None
    return min(snaps, key=lambda p: (abs(int(p.name[4:]) - step), -int(p.name[4:])))


def pack(model: Path, out: Path) -> None:
    """The NER model without its vocab (the assembled pipeline uses the UD model's vectors and strings)."""
    with tarfile.open(out, "w:gz") as tar:
        for part in ("config.cfg", "meta.json", "tokenizer", "ner"):
            if (model / part).exists():
                tar.add(model / part, arcname=f"model/{part}")


def main(argv: list[str]) -> None:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m warta.train.sweep", description=__doc__.split("\n\n")[0])
    parser.add_argument("runs", type=Path, help="the sweep's output folder (dev_*.log, fit_* runs)")
    parser.add_argument("valid", type=Path, help="folder with nerp_valid.txt and nergrit_valid.txt")
    parser.add_argument("--pack", type=int, default=0, help="refit snapshots to pack (two per variant, best first)")
    parser.add_argument("--dest", type=Path, default=None, help="where the report and packs go (default: RUNS)")
    args = parser.parse_args(argv)
    runs, valid, n_pack, dest = args.runs, args.valid, args.pack, args.dest or args.runs
    dest.mkdir(parents=True, exist_ok=True)
    dev = dev_report(runs, valid)
    table = variants(dev)
    ranked = sorted((v for v in table if v != "base"), key=lambda v: -table[v]["mean"])
    report: dict = {"dev_runs": dev, "variants": table, "ranked": ranked, "packed": {}}
    for variant in ranked[:max(0, n_pack // 2)]:
        for run in sorted(runs.glob(f"fit_{variant}_s*")):
            if not run.is_dir():
                continue
            snap = snapshot_for(run, table[variant]["best_step"])
            if snap is not None:
                target = dest / f"{run.name}_{snap.name}.tar.gz"
                pack(snap, target)
                report["packed"][target.name] = str(snap)
    for run in sorted(runs.glob("fit_*")):
        if run.is_dir():
            report.setdefault("fit_snapshots", {})[run.name] = sorted(p.name for p in run.glob("snapshots/step*"))
    (dest / "sweep_report.json").write_text(json.dumps(report, indent=1))
    print(json.dumps({k: report[k] for k in ("variants", "ranked", "packed")}, indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])
