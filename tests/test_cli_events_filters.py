"""``warta events`` and ``warta articles``: order, dates of any precision, checked filter values."""
import json
import re
from datetime import date

import pytest
from typer.testing import CliRunner

from warta.cli import app

from cli_helpers import flat
from warta.model import Actor, Article, Event, Span
from warta.pipeline import Result
from warta.store import Store

runner = CliRunner()


def _ev(aid, text, etype, cameo, quad, src, tgt, trigger, *, when=None, modality="asserted", conf=0.7):
    t0 = text.index(trigger)
    return Event(doc_id=aid, sentence_index=0, event_type=etype, mode=None, cameo=cameo, goldstein=0.0,
                 quad_class=quad, source=[src], target=[tgt], modality=modality,
                 evidence=Span(0, len(text), text), trigger=Span(t0, t0 + len(trigger), trigger),
                 confidence=conf, event_date=when)


def _actor(text, name, country, entity_id=None, sector="GOV"):
    return Actor(text=text, start=0, end=len(text), entity_id=entity_id, name=name, country=country, sector=sector)


ARTICLES = [
    # id, source, lang, published, text, (event args...)
    ("mei98", "Kompas", "id", date(2025, 5, 21),
     "Mahasiswa berunjuk rasa di Jakarta pada Mei 1998 menuntut reformasi.",
     ("PROTEST", "141", 3, _actor("Mahasiswa", None, "IDN", sector="EDU"), _actor("pemerintah", None, "IDN"),
      "berunjuk rasa"), dict(when="1998-05")),
    ("tokyo", "Tempo", "id", date(2025, 6, 17),
     "Presiden Prabowo Subianto akan bertemu Perdana Menteri Shigeru Ishiba di Tokyo pada Selasa.",
     ("CONSULT", "040", 1, _actor("Presiden Prabowo Subianto", "Prabowo Subianto", "IDN", "per:prabowo-subianto"),
      _actor("Perdana Menteri Shigeru Ishiba", "Shigeru Ishiba", "JPN", "per:shigeru-ishiba"), "bertemu"),
     dict(when="2025-06-17", modality="future")),
    ("kyiv", "Reuters", "en", date(2025, 6, 18),
     "Russian forces shelled Kyiv, Ukrainian officials said.",
     ("ASSAULT", "195", 4, _actor("Russian forces", "Russia", "RUS", sector="MIL"), _actor("Kyiv", "Ukraine", "UKR"),
      "shelled"), dict(when=None, conf=0.95)),
    ("pekan", "Tempo", "id", date(2025, 6, 23),
     "China pekan lalu tidak menuduh Amerika Serikat melanggar kesepakatan dagang.",
     ("ACCUSE", "112", 3, _actor("China", "China", "CHN", "gpe:CHN", None),
      _actor("Amerika Serikat", "United States", "USA", "gpe:USA", None), "menuduh"),
     dict(when="2025-W25", modality="negated")),
]


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "w.duckdb"
    results = []
    for aid, source, lang, pub, text, args, kw in ARTICLES:
        art = Article(id=aid, text=text, raw_text=text, source=source, lang=lang, published=pub,
                      title=text.split(" ", 4)[-1][:30])
        results.append(Result(art, None, [], [_ev(aid, text, *args, **kw)], []))
    quiet = Article(id="cuaca", text="Cuaca cerah berawan sepanjang hari di Bandung.", source="Kompas", lang="id",
                    published=date(2025, 6, 19))
    results.append(Result(quiet, None, [], [], []))
    with Store(path) as s:
        s.write_batch(results, run_id="r1")
    return path


def _ids(res):
    assert res.exit_code == 0, res.output
    return [ln.split("\t")[0] for ln in res.stdout.splitlines()]


def test_newest_first_by_default_and_other_orders(db):
    assert _ids(runner.invoke(app, ["events", "--db", str(db)])) == ["kyiv", "tokyo", "pekan", "mei98"]
    assert _ids(runner.invoke(app, ["events", "--db", str(db), "--sort", "oldest"])) == ["mei98", "pekan", "tokyo", "kyiv"]
    assert _ids(runner.invoke(app, ["events", "--db", str(db), "--sort", "confidence"]))[0] == "kyiv"
    res = runner.invoke(app, ["events", "--db", str(db), "--sort", "random"])
    assert res.exit_code == 2 and "newest, oldest, confidence" in flat(res)


def test_partial_dates_are_kept_and_filtered_by_what_they_say(db):
    res = runner.invoke(app, ["events", "--db", str(db), "--since", "1998-05-20", "--until", "1998-05-25"])
    assert _ids(res) == ["mei98"]
    assert "\t1998-05  PROTEST/141" in res.stdout  # not replaced by the publication date (2025-05-21)
    # published in 2025, but the event is of May 1998: not in a 2025 listing
    assert "mei98" not in _ids(runner.invoke(app, ["events", "--db", str(db), "--since", "2025-01-01"]))
    # a week (16-22 June 2025) is found by a day inside it
    assert _ids(runner.invoke(app, ["events", "--db", str(db), "--since", "2025-06-20", "--until", "2025-06-20"])) == ["pekan"]
    row = json.loads(runner.invoke(app, ["events", "--db", str(db), "--article", "mei98", "--json"]).stdout)
    assert row["event_date"] == "1998-05" and row["pub_date"] == "2025-05-21"


def test_undated_events_only_with_undated(db):
    args = ["events", "--db", str(db), "--since", "2025-06-18", "--until", "2025-06-18"]
    assert _ids(runner.invoke(app, args)) == ["pekan"]
    assert sorted(_ids(runner.invoke(app, args + ["--undated"]))) == ["kyiv", "pekan"]
    res = runner.invoke(app, ["events", "--db", str(db), "--article", "kyiv"])
    assert "(2025-06-18)" in res.stdout  # shown with its publication date, marked as such


def test_country_names_resolve_and_unknown_values_are_refused(db):
    assert _ids(runner.invoke(app, ["events", "--db", str(db), "--country", "Jepang"])) == ["tokyo"]
    assert _ids(runner.invoke(app, ["events", "--db", str(db), "--country", "Japan"])) == ["tokyo"]
    assert sorted(_ids(runner.invoke(app, ["events", "--db", str(db), "--country", "Indonesia"]))) == ["mei98", "tokyo"]
    assert _ids(runner.invoke(app, ["events", "--db", str(db), "--country", "ukr"])) == ["kyiv"]
    res = runner.invoke(app, ["events", "--db", str(db), "--country", "Indonesai"])
    assert res.exit_code == 2 and "unknown country 'Indonesai'" in flat(res) and "IDN" in flat(res)
    assert "Traceback" not in flat(res)
    res = runner.invoke(app, ["events", "--db", str(db), "--type", "PROTESTS"])
    assert res.exit_code == 2 and "PROTEST?" in flat(res) and "ASSAULT" in flat(res)
    assert _ids(runner.invoke(app, ["events", "--db", str(db), "--type", "protest"])) == ["mei98"]
    res = runner.invoke(app, ["events", "--db", str(db), "--country", "list"])
    assert "IDN\tIndonesia" in res.stdout.splitlines()


def test_article_actor_quad_and_modality(db):
    assert _ids(runner.invoke(app, ["events", "--db", str(db), "--article", "tokyo"])) == ["tokyo"]
    res = runner.invoke(app, ["events", "--db", str(db), "--article", "nope"])
    assert res.exit_code == 2 and "no article 'nope'" in flat(res)
    assert _ids(runner.invoke(app, ["events", "--db", str(db), "--actor", "ishiba"])) == ["tokyo"]
    assert _ids(runner.invoke(app, ["events", "--db", str(db), "--actor", "per:prabowo"])) == ["tokyo"]
    assert _ids(runner.invoke(app, ["events", "--db", str(db), "--actor", "Ukraine"])) == ["kyiv"]
    assert _ids(runner.invoke(app, ["events", "--db", str(db), "--quad", "material-conflict"])) == ["kyiv"]
    assert sorted(_ids(runner.invoke(app, ["events", "--db", str(db), "--quad", "3"]))) == ["mei98", "pekan"]
    assert _ids(runner.invoke(app, ["events", "--db", str(db), "--modality", "negated"])) == ["pekan"]
    res = runner.invoke(app, ["events", "--db", str(db), "--modality", "maybe"])
    assert res.exit_code == 2 and "asserted, future, negated, hypothetical" in flat(res)
    res = runner.invoke(app, ["events", "--db", str(db), "--quad", "5"])
    assert res.exit_code == 2 and "material conflict" in flat(res)


def test_articles_filters(db):
    def ids(*args):
        return _ids(runner.invoke(app, ["articles", "--db", str(db), *args]))

    assert ids() == ["pekan", "cuaca", "kyiv", "tokyo", "mei98"]  # newest publication first
    assert ids("--sort", "oldest")[0] == "mei98"
    assert sorted(ids("--source", "tempo")) == ["pekan", "tokyo"]
    assert ids("--lang", "en") == ["kyiv"]
    assert ids("--since", "2025-06-18", "--until", "2025-06-19") == ["cuaca", "kyiv"]
    assert ids("--no-events") == ["cuaca"]
    assert "cuaca" not in ids("--has-events")
    assert ids("--search", "prabowo tokyo") == ["tokyo"]
    res = runner.invoke(app, ["articles", "--db", str(db), "--source", "tempo"])
    assert "2 of 2 articles (of 5 stored)" in res.stderr
    res = runner.invoke(app, ["articles", "--db", str(db), "--since", "2025/06/18"])
    assert res.exit_code == 2 and "--since must be YYYY-MM-DD" in flat(res)
