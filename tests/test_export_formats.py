"""warta export: GDELT 2.0 tables load with GDELT's column names, PLOVER lines validate against the
project's JSON Schema, GraphML loads in networkx, Parquet is partitioned by event date; filters apply."""
import json

import pytest
from typer.testing import CliRunner

from corpus_helpers import LATER, MEETING, OTHERS, process
from warta.cli import app
from warta.pipeline import Pipeline

# The GDELT 2.0 event table, in order, as its codebook lists it (facts).
GDELT_EVENT_COLUMNS = (
    "GLOBALEVENTID SQLDATE MonthYear Year FractionDate Actor1Code Actor1Name Actor1CountryCode "
    "Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code Actor1Religion2Code Actor1Type1Code "
    "Actor1Type2Code Actor1Type3Code Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode "
    "Actor2EthnicCode Actor2Religion1Code Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code "
    "IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources "
    "NumArticles AvgTone Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code "
    "Actor1Geo_ADM2Code Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID Actor2Geo_Type Actor2Geo_FullName "
    "Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code Actor2Geo_Lat Actor2Geo_Long "
    "Actor2Geo_FeatureID ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code "
    "ActionGeo_ADM2Code ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID DATEADDED SOURCEURL").split()
GDELT_MENTION_COLUMNS = (
    "GLOBALEVENTID EventTimeDate MentionTimeDate MentionType MentionSourceName MentionIdentifier SentenceID "
    "Actor1CharOffset Actor2CharOffset ActionCharOffset InRawText Confidence MentionDocLen MentionDocTone "
    "MentionDocTranslationInfo Extras").split()

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("export")
    path = tmp / "w.duckdb"
    process(path, MEETING + OTHERS + LATER, Pipeline(lang="id"), tmp)
    return path


def _export(db, fmt, out, *extra):
    res = runner.invoke(app, ["export", "--format", fmt, "--out", str(out), "--db", str(db), *extra])
    assert res.exit_code == 0, res.output
    return res


def test_gdelt_tables_load_with_gdelt_column_names(db, tmp_path):
    pd = pytest.importorskip("pandas")
    _export(db, "gdelt", tmp_path / "g")
    codes = {c: str for c in ("EventCode", "EventBaseCode", "EventRootCode")}
    ev = pd.read_csv(tmp_path / "g" / "warta.export.CSV", sep="\t", header=None, names=GDELT_EVENT_COLUMNS, dtype=codes)
    raw = (tmp_path / "g" / "warta.export.CSV").read_text("utf-8").splitlines()
    assert all(len(line.split("\t")) == 61 for line in raw)
    meet = ev[(ev.Actor1Code == "IDNGOV") & (ev.EventCode == "040")]
    assert len(meet) == 1
    m = meet.iloc[0]
    assert (m.SQLDATE, m.MonthYear, m.Year) == (20250619, 202506, 2025)
    assert (m.Actor1Name, m.Actor1CountryCode, m.Actor2Code, m.Actor2CountryCode) == \
        ("PRABOWO SUBIANTO", "IDN", "RUSGOV", "RUS")
    assert (m.EventBaseCode, m.EventRootCode, m.QuadClass, m.GoldsteinScale) == ("040", "04", 1, 1.0)
    assert (m.NumMentions, m.NumSources, m.NumArticles, m.IsRootEvent) == (3, 2, 3, 1)
    assert (m.ActionGeo_Type, m.ActionGeo_CountryCode) == (4, "RS")  # a city; FIPS code of Russia
    assert (m.Actor1Geo_Type, m.Actor1Geo_CountryCode) == (1, "ID")
    assert 59 < m.ActionGeo_Lat < 61 and 29 < m.ActionGeo_Long < 31
    assert m.SOURCEURL == "https://kabarsatu.id/1" and len(str(m.DATEADDED)) == 14
    protest = ev[ev.EventRootCode == "14"]
    assert set(protest.Actor1Code) == {"IDNLAB"} and set(protest.ActionGeo_CountryCode) == {"ID"}
    men = pd.read_csv(tmp_path / "g" / "warta.mentions.CSV", sep="\t", header=None, names=GDELT_MENTION_COLUMNS)
    assert set(men.GLOBALEVENTID) == set(ev.GLOBALEVENTID)
    assert len(men) == ev.NumMentions.sum()
    mm = men[men.GLOBALEVENTID == m.GLOBALEVENTID]
    assert sorted(mm.MentionIdentifier) == ["https://beritadua.com/2", "https://kabarsatu.id/1", "https://kabarsatu.id/3"]
    assert set(mm.MentionType) == {1} and set(mm.SentenceID) == {1} and (mm.Confidence > 0).all()
    assert (mm.Actor1CharOffset >= 0).all() and (mm.ActionCharOffset > mm.Actor1CharOffset).all()


def test_plover_lines_validate_against_the_schema(db, tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    from warta.export.plover import schema

    _export(db, "plover", tmp_path / "p.jsonl")
    validator = jsonschema.Draft202012Validator(schema())
    records = [json.loads(line) for line in (tmp_path / "p.jsonl").read_text("utf-8").splitlines()]
    assert len(records) >= 7
    for r in records:
        errors = sorted(validator.iter_errors(r), key=str)
        assert not errors, errors[0]
    meet = next(r for r in records if r["event_type"] == "CONSULT" and r["actor"]["key"] == "per:prabowo-subianto")
    assert meet["recipient"]["entity_id"] == "per:vladimir-putin" and meet["date"] == "2025-06-19"
    assert meet["context"] == []  # CAMEO 040 has no context in the CAMEO->PLOVER table; 030 is diplomatic
    assert {tuple(r["context"]) for r in records if r["cameo"] == "030"} == {("diplomatic",)}
    assert [s["article_id"] for s in meet["sources"]] == ["t1", "t2", "t3"]
    for ev in meet["evidence"]:
        assert ev["trigger"]["text"] in ev["text"]
    broken = dict(meet, event_type="PARTY")
    assert list(validator.iter_errors(broken))  # the schema does reject a bad record


def test_graphml_loads_in_networkx(db, tmp_path):
    nx = pytest.importorskip("networkx")
    _export(db, "graphml", tmp_path / "net.graphml")
    g = nx.read_graphml(tmp_path / "net.graphml")
    assert g.is_directed()
    e = g.edges["per:prabowo-subianto", "per:vladimir-putin"]
    assert (e["weight"], e["q1"], e["q4"], e["mentions"]) == (1.0, 1, 0, 3)
    attack = g.edges["ISR", "IRN"]
    assert attack["q4"] >= 1 and attack["goldstein"] < 0
    assert g.nodes["per:vladimir-putin"]["country"] == "RUS"
    assert not any(u == v for u, v in g.edges)


def test_parquet_partitioned_by_event_date_and_csv(db, tmp_path):
    import csv

    import pyarrow.dataset as ds

    _export(db, "parquet", tmp_path / "pq")
    parts = sorted(p.name for p in (tmp_path / "pq").iterdir())
    assert "event_date=2025-06-19" in parts and "event_date=2025-06-16" in parts
    tbl = ds.dataset(tmp_path / "pq", format="parquet", partitioning="hive").to_table()
    _export(db, "csv", tmp_path / "e.csv")
    rows = list(csv.DictReader((tmp_path / "e.csv").open(encoding="utf-8")))
    assert tbl.num_rows == len(rows) >= 7
    meet = [r for r in rows if r["source_key"] == "per:prabowo-subianto" and r["event_type"] == "CONSULT"]
    assert meet[0]["n_articles"] == "3" and meet[0]["location_country"] == "RUS"


def test_filters_select_events(db, tmp_path):
    import csv

    def keys(*extra):
        _export(db, "csv", tmp_path / "f.csv", *extra)
        return {(r["event_type"], r["source_key"]) for r in csv.DictReader((tmp_path / "f.csv").open(encoding="utf-8"))}

    everything = keys()
    assert keys("--country", "ISR") == {k for k in everything if k[0] in ("ASSAULT", "ACCUSE")}
    assert keys("--type", "protest") == {("PROTEST", "IDNLAB")}
    assert {t for t, _ in keys("--quad", "4")} == {"ASSAULT", "PROTEST"}  # material conflict (CAMEO 14-20)
    putin = keys("--actor", "Vladimir Putin")
    assert ("CONSULT", "per:prabowo-subianto") in putin
    _export(db, "csv", tmp_path / "f.csv", "--actor", "per:vladimir-putin")
    rows = list(csv.DictReader((tmp_path / "f.csv").open(encoding="utf-8")))
    assert len(rows) == len(putin) and all("per:vladimir-putin" in r["source_key"] + r["target_key"] for r in rows)
    assert keys("--since", "2025-07-01") == {("AGREE", "IDN+RUS")}
    assert keys("--until", "2025-06-15", "--country", "IDN") <= {("ACCUSE", "IDNGOV"), ("ASSAULT", "ISR")}
    assert keys("--modality", "negated") == set()


@pytest.mark.parametrize("args, words", [
    (["--format", "xml"], "--format must be one of"),
    (["--format", "csv", "--quad", "5"], "--quad: unknown quad class"),
    (["--format", "csv", "--since", "19-06-2025"], "--since must be YYYY-MM-DD"),
    (["--format", "csv", "--country", "Indonesai"], "did you mean IDN"),
    (["--format", "csv", "--type", "PROTES"], "did you mean PROTEST"),
])
def test_bad_options_are_usage_errors(db, tmp_path, args, words):
    res = runner.invoke(app, ["export", *args, "--out", str(tmp_path / "x"), "--db", str(db)])
    assert res.exit_code == 2 and words in " ".join(res.output.split())


def test_gdelt_out_must_be_a_folder(db, tmp_path):
    (tmp_path / "file").write_text("x")
    res = runner.invoke(app, ["export", "--format", "gdelt", "--out", str(tmp_path / "file"), "--db", str(db)])
    assert res.exit_code == 1 and "is a folder" in res.output


def test_aggregate_command_and_export_of_an_unaggregated_database(db, tmp_path):
    import shutil

    from warta.store import Store

    old = tmp_path / "old.duckdb"
    shutil.copy(db, old)
    with Store(old) as s:  # as if written before aggregation existed
        for table in ("event_actors", "corpus_events", "event_mentions", "article_tone"):
            s.con.execute(f"DELETE FROM {table}")
        n_mentions = s.counts()["events"]
    res = _export(old, "csv", tmp_path / "e.csv")
    assert f"aggregated {n_mentions} mentions" in res.output
    res = runner.invoke(app, ["aggregate", "--db", str(old), "--rebuild"])
    assert res.exit_code == 0, res.output
    with Store(old, read_only=True) as s:
        n_events = s.con.execute("SELECT count(*) FROM corpus_events").fetchone()[0]
    assert f"corpus: {n_mentions} mentions, {n_events} events" in res.output
    res = runner.invoke(app, ["aggregate", "--db", str(tmp_path / "missing.duckdb")])
    assert res.exit_code == 2 and "no database" in res.output
