"""Property-based fuzzing of every reader and text parser: no input crashes the process; each is
read or reported with its location and a reason (Hypothesis generates the inputs)."""
from __future__ import annotations

import gzip
import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warta.ingest import prepare, read
from warta.ingest.sources import read_stdin
from warta.model import Article, IngestError

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                       HealthCheck.too_slow])

# text that looks like scraped news and its junk: words, glued words, control characters, markup
_pieces = st.sampled_from([
    "Presiden", "mengecam", "Israel", "pada Senin (16/6)", "dalamIranmengatakan", "DilansirAFP",
    "Baca Juga", "\n", "\n\n", "\t", "\x00", "\x1b[31m", "\u200b", "\ufeff", "<script>alert(1)</script>",
    "<p>", "</div>", "{", "[", "\"", "JAKARTA, KOMPAS.com -", "15/06/2025", "kemarin", "said on Monday",
    "é", "\u202e", "😀", "\r\n", "  ", ".", ",", "–",
])
news_like = st.lists(st.one_of(_pieces, st.text(max_size=20)), max_size=40).map(" ".join)
any_bytes = st.binary(max_size=2000)


def _items(path) -> list:
    return list(read([str(path)]))


def _check(items: list) -> None:
    for it in items:
        assert isinstance(it, (Article, IngestError))
        if isinstance(it, IngestError):
            assert it.location and it.reason


EXTS = [".txt", ".jsonl", ".json", ".csv", ".html", ".rss", ".warc", ".xml", ".gz", ".jsonl.gz", ".warc.gz"]


@pytest.mark.parametrize("ext", EXTS)
@FUZZ
@given(data=any_bytes)
def test_random_bytes_under_any_name_are_read_or_reported(tmp_path_factory, ext, data):
    path = tmp_path_factory.mktemp("fz") / f"input{ext}"
    path.write_bytes(data)
    _check(_items(path))


@FUZZ
@given(text=news_like)
def test_random_text_files_and_stdin_are_read_or_reported(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("fz") / "a.txt"
    path.write_text(text, "utf-8")
    _check(_items(path))
    _check(list(read_stdin(io.BytesIO(text.encode("utf-8")))))


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | news_like,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(["id", "text", "title", "date", "url", "lang", "x"]), children, max_size=5),
    max_leaves=20)


@FUZZ
@given(records=st.lists(_json_values, max_size=6), junk=st.lists(news_like, max_size=3))
def test_json_lines_of_any_shape_are_read_or_reported_per_line(tmp_path_factory, records, junk):
    data = "\n".join([json.dumps(r) for r in records] + junk).encode("utf-8")
    path = tmp_path_factory.mktemp("fz") / "a.jsonl"
    path.write_bytes(data)
    items = _items(path)
    _check(items)
    # every non-blank line gives exactly one item: nothing is lost silently
    assert len(items) == sum(1 for ln in data.split(b"\n") if ln.strip())


def test_deeply_nested_json_is_reported_not_a_crash(tmp_path):
    deep = "[" * 100_000 + "]" * 100_000
    (tmp_path / "deep.json").write_text(deep)
    (tmp_path / "deep.jsonl").write_text('{"id": "a", "text": "Presiden berkunjung."}\n' + deep + "\n")
    items = _items(tmp_path / "deep.json")
    assert len(items) == 1 and isinstance(items[0], IngestError)
    items = _items(tmp_path / "deep.jsonl")
    assert isinstance(items[0], Article) and isinstance(items[1], IngestError)
    assert items[1].location.endswith("deep.jsonl:2")


def test_a_compressed_bomb_is_refused_with_its_size(tmp_path):
    """200 MB of zeros packed into a few hundred kB: read in bounded pieces and refused."""
    bomb = tmp_path / "bomb.jsonl.gz"
    with gzip.open(bomb, "wb") as fh:
        fh.write(b'{"id": "ok", "text": "Polisi menangkap tersangka."}\n')
        chunk = b"0" * (1 << 20)
        for _ in range(200):
            fh.write(chunk)
        fh.write(b'\n{"id": "after", "text": "Presiden berkunjung ke Jepang."}\n')
    items = _items(bomb)
    ids = [it.id for it in items if isinstance(it, Article)]
    errors = [it for it in items if isinstance(it, IngestError)]
    assert ids == ["ok", "after"]  # the batch goes on after the bomb
    assert len(errors) == 1 and "longer than" in errors[0].reason and errors[0].location.endswith(":2")
    text_bomb = tmp_path / "page.txt.gz"
    with gzip.open(text_bomb, "wb") as fh:
        for _ in range(200):
            fh.write(b"a" * (1 << 20))
    items = _items(text_bomb)
    assert len(items) == 1 and isinstance(items[0], IngestError) and "larger than" in items[0].reason


def test_a_huge_line_and_control_characters_are_handled(tmp_path):
    big = "kata " * 400_000  # a 2 MB article: read, not refused
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"id": "big", "text": big}) + "\n"
                    + json.dumps({"id": "ctl", "text": "Presiden\x00\x07 berkunjung\x1b ke Jepang."}) + "\n")
    items = _items(path)
    assert [type(i) for i in items] == [Article, Article]
    out = prepare(items[1])
    assert isinstance(out, (Article, IngestError))


@FUZZ
@given(text=news_like)
def test_cleaning_repair_and_datelines_never_crash_and_keep_offsets_true(text):
    art = prepare(Article(id="x", text=text), lang="id")
    assert isinstance(art, (Article, IngestError))
    if isinstance(art, Article):
        assert isinstance(art.text, str)


@FUZZ
@given(text=news_like)
def test_glued_word_repair_only_inserts_spaces(text):
    from warta.ingest.repair import split_glued

    out, spaces = split_glued(text)
    assert len(out) == len(text) + len(spaces)
    assert out.replace(" ", "") == text.replace(" ", "")


@FUZZ
@given(value=st.one_of(news_like, st.text(max_size=40), st.integers(), st.floats(), st.none()))
def test_publication_dates_of_any_form_parse_or_give_none(value):
    from warta.ingest.dates import date_in_text, parse_date

    parse_date(value)
    if isinstance(value, str):
        date_in_text(value)


@FUZZ
@given(text=news_like, tense=st.sampled_from(["past", "future"]))
def test_date_expressions_are_found_and_resolved_without_crashing(text, tense):
    from datetime import date

    from warta.when_where.dates import find_dates, resolve

    for expr in find_dates(text):
        resolve(expr, date(2025, 6, 16), tense)


@settings(max_examples=15, deadline=None)
@given(text=news_like, lang=st.sampled_from(["id", "en"]))
def test_the_whole_pipeline_codes_any_text_without_crashing(text, lang):
    art = prepare(Article(id="x", text=text or "-", published="2025-06-16"), lang=lang)
    if isinstance(art, Article):
        result = _pipeline(lang).process(art)
        for ev in result.events:
            d = ev.to_dict()
            assert 0 <= d["evidence"]["start"] <= d["evidence"]["end"] <= len(art.text)


_PIPES: dict = {}


def _pipeline(lang):
    from warta.pipeline import Pipeline

    if lang not in _PIPES:
        _PIPES[lang] = Pipeline(lang=lang)
    return _PIPES[lang]
