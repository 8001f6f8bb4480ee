"""JSON arrays and CSV files are read as articles (or refused with a reason), never coded as prose."""
import json

from typer.testing import CliRunner

from warta.cli import app
from warta.ingest import read
from warta.ingest.records import Columns
from warta.model import Article, IngestError

runner = CliRunner()

ARRESTED = "Polisi menangkap dua tersangka pengedar narkoba di Medan, Sumatera Utara, pada Senin."
MET = "Presiden Prabowo Subianto bertemu Perdana Menteri Jepang Shigeru Ishiba di Tokyo, Jumat."


def split(items):
    items = list(items)
    return ([i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, IngestError)])


def test_json_array_gives_one_article_per_object_with_jsonl_fields(tmp_path):
    p = tmp_path / "berita.json"
    p.write_text(json.dumps([
        {"id": "a1", "text": ARRESTED, "title": "Penangkapan", "date": "2025-06-16", "source": "Kabar",
         "url": "https://kabar.example/1", "lang": "id", "section": "hukum"},
        {"id": "a2", "text": MET, "published": "2025-06-20"},
        {"id": "a3", "text": ""},
        "not an object",
    ], ensure_ascii=False, indent=2), encoding="utf-8")
    arts, errs = split(read([p]))
    assert [a.id for a in arts] == ["a1", "a2"]
    a1 = arts[0]
    assert (a1.text, a1.title, a1.source, a1.url, a1.lang, a1.published) == (
        ARRESTED, "Penangkapan", "Kabar", "https://kabar.example/1", "id", "2025-06-16")
    assert a1.meta["section"] == "hukum" and a1.origin == f"{p}[0]"
    assert [(e.location, e.reason) for e in errs] == [(f"{p}[2]", "empty text"),
                                                     (f"{p}[3]", "not a JSON object but str")]


def test_json_single_object_and_wrapped_array(tmp_path):
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"id": "x", "text": MET}), encoding="utf-8")
    wrapped = tmp_path / "wrapped.json"
    wrapped.write_text(json.dumps({"count": 1, "articles": [{"id": "y", "text": ARRESTED}]}), encoding="utf-8")
    arts, errs = split(read([one, wrapped]))
    assert [a.id for a in arts] == ["x", "y"] and not errs


def test_json_that_is_not_articles_is_refused_with_a_reason(tmp_path):
    cfg = tmp_path / "config.json"
    cfg.write_text('{"name": "warta", "version": 2}', encoding="utf-8")
    nums = tmp_path / "nums.json"
    nums.write_text("[1, 2]", encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text('[{"id": "a", "text": "x"},\n {"id": ', encoding="utf-8")
    arts, errs = split(read([cfg, nums, broken]))
    assert not arts
    reasons = {e.location: e.reason for e in errs}
    assert "no 'text' field" in reasons[str(cfg)]
    assert reasons[f"{nums}[0]"] == "not a JSON object but int"
    assert reasons[f"{broken}:2"].startswith("malformed JSON")


def test_csv_default_columns_and_other_columns_in_meta(tmp_path):
    p = tmp_path / "berita.csv"
    p.write_text("ID,Title,Body,Published,URL,rubrik\n"
                 f'b1,Penangkapan,"{ARRESTED}",2025-06-16,https://kabar.example/b1,hukum\n'
                 f'b2,Pertemuan,"{MET}\nBaris kedua paragraf.",2025-06-20,,politik\n'
                 "b3,Kosong,,2025-06-21,,x\n", encoding="utf-8")
    arts, errs = split(read([p]))
    assert [a.id for a in arts] == ["b1", "b2"]
    assert arts[0].title == "Penangkapan" and arts[0].published == "2025-06-16"
    assert arts[0].url == "https://kabar.example/b1" and arts[0].meta["rubrik"] == "hukum"
    assert arts[1].text.endswith("Baris kedua paragraf.") and arts[1].url is None
    assert [(e.location, e.reason) for e in errs] == [(f"{p}:5", "empty text (column 'Body')")]


def test_csv_named_columns_semicolons_and_tsv(tmp_path):
    p = tmp_path / "ekspor.csv"
    p.write_text("kode;judul;isi;tanggal\n"
                 f"k1;Satu;{ARRESTED};16/06/2025\n", encoding="utf-8")
    cols = Columns(text="isi", date="tanggal", title="judul", id="kode")
    arts, errs = split(read([p], columns=cols))
    assert not errs and [(a.id, a.title, a.published) for a in arts] == [("k1", "Satu", "16/06/2025")]
    t = tmp_path / "data.tsv"
    t.write_text(f"text\tdate\n{MET}\t2025-06-20\n", encoding="utf-8")
    arts, errs = split(read([t]))
    assert not errs and arts[0].text == MET


def test_csv_without_a_text_column_is_refused_naming_its_columns(tmp_path):
    p = tmp_path / "angka.csv"
    p.write_text("provinsi,jumlah\nAceh,3\n", encoding="utf-8")
    arts, errs = split(read([p]))
    assert not arts and len(errs) == 1
    assert "no text column" in errs[0].reason and "provinsi, jumlah" in errs[0].reason
    arts, errs = split(read([p], columns=Columns(text="isi")))
    assert "no column 'isi' (--text-column)" in errs[0].reason


def test_markup_and_json_in_a_text_file_are_never_coded_as_prose(tmp_path):
    xml = tmp_path / "catatan.txt"
    xml.write_text("<?xml version='1.0'?><catatan><isi>Polisi menangkap</isi></catatan>", encoding="utf-8")
    js = tmp_path / "ekspor.txt"
    js.write_text(json.dumps([{"id": "t1", "text": MET}]), encoding="utf-8")
    prose = tmp_path / "dateline.txt"
    prose.write_text("[JAKARTA] " + ARRESTED, encoding="utf-8")
    arts, errs = split(read([xml, js, prose]))
    assert [a.id for a in arts] == ["t1", str(prose)]
    assert arts[0].text == MET and arts[1].text.startswith("[JAKARTA]")
    assert len(errs) == 1 and errs[0].location == str(xml) and "markup" in errs[0].reason


def test_process_csv_with_column_options_codes_the_text_only(tmp_path):
    p = tmp_path / "ekspor.csv"
    p.write_text(f'kode,isi,tgl\nk1,"{MET}",2025-06-20\n', encoding="utf-8")
    db = tmp_path / "w.duckdb"
    res = runner.invoke(app, ["process", str(p), "--db", str(db), "-q", "--text-column", "isi",
                              "--date-column", "tgl", "--id-column", "kode"])
    assert res.exit_code == 0, res.output
    out = runner.invoke(app, ["events", "--db", str(db), "--json"])
    events = [json.loads(ln) for ln in out.stdout.splitlines()]
    assert [(e["article_id"], e["event_type"]) for e in events] == [("k1", "CONSULT")]
    assert events[0]["pub_date"] == "2025-06-20"
    # without the options the same file is refused, and the run says so with exit status 1
    res = runner.invoke(app, ["process", str(p), "--db", str(tmp_path / "x.duckdb"), "-q"])
    assert res.exit_code == 1 and "no text column" in res.stderr


def test_json_punctuation_is_never_stored_as_an_article(tmp_path):
    p = tmp_path / "berita.json"
    p.write_text(json.dumps([{"id": "q1", "text": MET}], ensure_ascii=False, indent=1), encoding="utf-8")
    db = tmp_path / "w.duckdb"
    res = runner.invoke(app, ["process", str(p), "--db", str(db), "-q"])
    assert res.exit_code == 0, res.output
    arts = [json.loads(ln) for ln in runner.invoke(app, ["articles", "--db", str(db), "--json"]).stdout.splitlines()]
    assert [a["id"] for a in arts] == ["q1"]
    quotes = runner.invoke(app, ["show", "q1", "--db", str(db), "--json"])
    assert json.loads(quotes.stdout)["quotes"] == []
