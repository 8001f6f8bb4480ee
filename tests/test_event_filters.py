"""EventFilter: one filter for mentions (events) and corpus events, with clear errors for bad input."""
from datetime import date

import pytest

from corpus_helpers import DENIED, LATER, MEETING, OTHERS, process
from warta.pipeline import Pipeline
from warta.store import Store
from warta.store.filters import EventFilter


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("filters")
    process(tmp / "w.duckdb", MEETING + OTHERS + LATER + [DENIED], Pipeline(lang="id"), tmp)
    store = Store(tmp / "w.duckdb", read_only=True)
    yield store.con
    store.close()


def _mentions(con, **kw):
    where, params = EventFilter.parse(**kw).sql("events")
    return set(con.execute(f"SELECT article_id, idx FROM events WHERE {where}", params).fetchall())


def _events(con, **kw):
    where, params = EventFilter.parse(**kw).sql("corpus_events", alias="c.")
    return set(con.execute(f"SELECT l.article_id, l.idx FROM corpus_events c JOIN event_mentions l "
                           f"ON l.event_id = c.event_id WHERE {where}", params).fetchall())


@pytest.mark.parametrize("kw", [
    {"actor": "per:vladimir-putin"}, {"actor": "VLADIMIR PUTIN"}, {"actor": "rusgov"}, {"actor": "IDNLAB"},
    {"country": "isr"}, {"event_type": "consult,protest"}, {"quad": "1"}, {"quad": 4},
    {"since": "2025-06-16", "until": "2025-06-16"}, {"country": "RUS", "event_type": "AGREE"},
])
def test_same_filter_on_mentions_and_on_corpus_events(con, kw):
    mentions = _mentions(con, **kw)
    assert mentions, kw  # each filter selects something in this corpus
    assert _events(con, **kw) == mentions  # here every event's mentions agree on what is filtered


def test_filters_select_what_they_say(con):
    putin = _mentions(con, actor="Vladimir Putin")
    assert {a for a, _ in putin} == {"t1", "t2", "t3", "n1"}
    assert {a for a, _ in _mentions(con, modality="negated")} == {"n1"}
    # a corpus event's modality is asserted when any report asserts it: the denial does not select it
    assert _events(con, modality="negated") == set()
    assert {a for a, _ in _mentions(con, since="2025-07-01")} == {"u1"}  # undated: its publication date
    assert _mentions(con, country="USA") == set()
    where, params = EventFilter().sql("events")
    assert where == "TRUE" and params == []


@pytest.mark.parametrize("kw, words", [
    ({"country": "Atlantis"}, "--country: unknown country 'Atlantis'"),
    ({"event_type": "consult,party"}, "--type: unknown event type 'party'"),
    ({"quad": "0"}, "--quad: unknown quad class '0'"),
    ({"modality": "maybe"}, "--modality: unknown modality 'maybe'"),
    ({"since": "2025/06/01"}, "--since must be YYYY-MM-DD"),
    ({"since": "2025-06-20", "until": "2025-06-01"}, "is after --until"),
])
def test_bad_values_raise_clear_errors(kw, words):
    with pytest.raises(ValueError, match=words.replace("(", r"\(")):
        EventFilter.parse(**kw)


def test_parse_normalises():
    f = EventFilter.parse(country=" idn ", event_type="consult, Agree", quad="1,verbal conflict", modality="Asserted",
                          since=date(2025, 6, 1), until="2025-06-30", actor="  ")
    assert f == EventFilter("IDN", None, ("CONSULT", "AGREE"), (1, 3), "asserted", date(2025, 6, 1), date(2025, 6, 30))
    assert EventFilter.parse(country="Rusia").country == "RUS"  # an Indonesian country name
