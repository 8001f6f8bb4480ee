"""warta process --engine dask: partitions coded on a Dask LocalCluster of 2 worker processes give
the same stored rows as the local engine; a rerun skips finished partitions; a failing partition is
retried, then reported, and the others are kept."""
import pytest

pytest.importorskip("distributed")

import warta.engines.cluster as cluster  # noqa: E402
from warta.engines.cluster import DaskEngine, Partition, split  # noqa: E402
from warta.engines.local import LocalEngine  # noqa: E402

from test_engine_workers import _corpus, _stored  # noqa: E402


def test_split_shards_jsonl_by_lines_and_keeps_locations(tmp_path):
    src = _corpus(tmp_path / "news.jsonl")
    (tmp_path / "page.txt").write_text("Polisi menangkap dua orang di Medan.", encoding="utf-8")
    (tmp_path / "x.duckdb.parts").mkdir()  # the engine's own output is not input
    (tmp_path / "x.duckdb.parts" / "junk.jsonl").write_text("{}\n", encoding="utf-8")
    parts = list(split([str(tmp_path)], lines=4))
    assert [(p.path, p.first_line, p.lines) for p in parts] == [
        (str(src), 0, 4), (str(src), 4, 4), (str(src), 8, 3), (str(tmp_path / "page.txt"), 0, None)]
    locations = [getattr(a, "origin", None) or a.location for p in parts[:3] for a in cluster.read_partition(p)]
    assert locations == [f"{src}:{i}" for i in range(1, 12)]
    assert len({p.key("s") for p in parts}) == 4 and parts[0].key("s") != parts[0].key("t")
    assert isinstance(next(split(["https://example.org/rss"])), cluster.IngestError)


def test_dask_engine_matches_local_engine_and_resumes(tmp_path, monkeypatch):
    src = _corpus(tmp_path / "news.jsonl")
    with LocalEngine(tmp_path / "local.duckdb") as engine:
        local = engine.run([str(src)])
    with DaskEngine(tmp_path / "dask.duckdb", workers=2, partition_lines=3) as engine:
        first = engine.run([str(src)])
        assert engine.partitions == 4 and engine.partitions_done_before == 0
        again = engine.run([str(src)])
        assert engine.partitions_done_before == 4  # nothing recomputed
        assert again.read == 0 and again.already_stored == first.read + first.already_stored

        # a partition whose file vanished after the split fails on the worker: retried, then reported
        real_split = cluster.split
        ghost = Partition(str(tmp_path / "gone.jsonl"), 0, 0, 5, "0:0")
        monkeypatch.setattr(cluster, "split", lambda inputs, lines: iter([ghost, *real_split(inputs, lines)]))
        (tmp_path / "more.jsonl").write_text('{"id": "m1", "text": "Polisi menangkap dua tersangka '
                                             'perampokan di Surabaya pada Rabu."}\n', encoding="utf-8")
        third = engine.run([str(tmp_path / "more.jsonl")])
    assert third.read == 1
    assert [e.location for e in third.errors] == [f"{tmp_path / 'gone.jsonl'}:1-5"]
    assert "partition failed after 3 tries" in third.errors[0].reason
    keep = ("read", "coded", "duplicates", "near_duplicates", "already_stored", "events", "mentions", "errors")
    assert {k: first.to_dict()[k] for k in keep} == {k: local.to_dict()[k] for k in keep}
    a, b = _stored(tmp_path / "local.duckdb"), _stored(tmp_path / "dask.duckdb")
    assert a["events"], "the political sentences are coded"
    for table in ("articles", "events", "mentions", "quotes", "tone", "codings"):
        rows = [r for r in b[table] if r[0] != "m1"]
        assert rows == a[table], table
    # the partitions are Parquet that DuckDB reads directly
    import duckdb

    n = duckdb.sql(f"SELECT count(*) FROM read_parquet('{tmp_path}/dask.duckdb.parts/events/*.parquet')").fetchone()[0]
    assert n >= len(a["events"])
