"""``warta show ARTICLE_ID`` (text with mentions and triggers highlighted, then the coded events) and
``warta errors`` (the inputs that could not be read). Real pipeline."""
import json
import re

import pytest
from typer.testing import CliRunner

from warta.cli import app

from cli_helpers import flat

runner = CliRunner()

TEXT = ("Polisi menangkap dua tersangka pengedar narkoba di Medan, Sumatera Utara, pada Senin (16/6/2025).\n"
        "Presiden Prabowo Subianto bertemu Perdana Menteri Malaysia Anwar Ibrahim di Jakarta, Selasa.")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("show")
    src = tmp / "berita.jsonl"
    src.write_text(json.dumps({"id": "b1", "text": "Jakarta, CNN Indonesia -- " + TEXT, "title": "Dua Berita",
                               "date": "2025-06-17", "lang": "id"}) + "\n{rusak\n", encoding="utf-8")
    path = tmp / "w.duckdb"
    res = runner.invoke(app, ["process", str(src), "--db", str(path), "-q"])
    assert res.exit_code == 1  # one line unreadable
    return path, src


def test_show_prints_text_events_and_who_coded_it(db):
    path, _ = db
    res = runner.invoke(app, ["show", "b1", "--db", str(path)])
    assert res.exit_code == 0, res.output
    out = res.stdout
    assert out.splitlines()[0] == "Dua Berita"
    assert "Polisi menangkap dua tersangka" in out and "CNN Indonesia --" not in out  # cleaned text
    assert "COERCE/" in out and "CONSULT/" in out
    assert re.search(r"IDNCOP\(Polisi\) -> .*menangkap", out)
    assert "coded by warta " in out


def test_show_highlights_mentions_and_triggers(db):
    path, _ = db
    res = runner.invoke(app, ["show", "b1", "--db", str(path)], env={"FORCE_COLOR": "1", "TERM": "xterm"})
    assert res.exit_code == 0
    out = res.stdout
    # the trigger has the trigger style (yellow background), an actor mention the actor style (cyan)
    assert re.search(r"\x1b\[[0-9;]*43m(?:\x1b\[[0-9;]*m)*menangkap", out), out[:500]
    assert re.search(r"\x1b\[[0-9;]*36m(?:\x1b\[[0-9;]*m)*Polisi", out)
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert "Polisi menangkap dua tersangka" in plain


def test_show_json_has_offsets_into_the_text(db):
    path, _ = db
    res = runner.invoke(app, ["show", "b1", "--db", str(path), "--json"])
    d = json.loads(res.stdout)
    text = d["article"]["text"]
    assert d["events"] and d["mentions"]
    for ev in d["events"]:
        assert text[ev["trigger_start"]:ev["trigger_end"]] == ev["trigger_text"]
    for m in d["mentions"]:
        assert text[m["start"]:m["end"]] == m["text"]
    assert d["coded_by"]["warta_version"] and d["coded_by"]["pipeline"].startswith(("rules-", "trained-"))


def test_show_unknown_id_suggests_similar(db):
    path, _ = db
    res = runner.invoke(app, ["show", "b2", "--db", str(path)])
    assert res.exit_code == 2 and "no article 'b2'" in flat(res) and "b1" in flat(res)


def test_errors_lists_unreadable_inputs(db):
    path, src = db
    res = runner.invoke(app, ["errors", "--db", str(path)])
    assert res.exit_code == 0
    (line,) = res.stdout.splitlines()
    assert f"\t{src}:2\tmalformed JSON" in line
    assert "1 of 1 input errors" in res.stderr
    rows = [json.loads(ln) for ln in runner.invoke(app, ["errors", "--db", str(path), "--json"]).stdout.splitlines()]
    assert rows[0]["location"] == f"{src}:2" and rows[0]["run_id"]
    assert runner.invoke(app, ["errors", "--db", str(path), "--search", "gzip"]).stdout == ""
