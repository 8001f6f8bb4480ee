"""The hand-judged precision sample: URL -> section mapping and the summary figures."""
import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _load():
    spec = importlib.util.spec_from_file_location("precision_sample", ROOT / "benchmarks" / "precision_sample.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_news_sections_from_path_or_host():
    m = _load()
    news = ["https://www.liputan6.com/news/read/1/x", "https://www.liputan6.com/global/read/2/y",
            "https://news.detik.com/berita/d-1/z", "https://nasional.kompas.com/read/2025/06/18/a",
            "https://hukum.tempo.co/read/3/b", "https://news.detik.com/internasional/d-2/c"]
    other = ["https://oto.detik.com/berita/d-3/mobil", "https://sport.detik.com/sepakbola/d-4/gol",
             "https://www.liputan6.com/opini/read/5/kolom", "https://www.liputan6.com/cek-fakta/read/6/hoaks",
             "https://economy.okezone.com/read/2025/06/18/320/1", "https://hot.detik.com/celeb/d-5/artis"]
    assert all(m.is_news(m.section_of(u)) for u in news)
    assert not any(m.is_news(m.section_of(u)) for u in other)


def test_summary_counts_type_and_both_actors(tmp_path, capsys, monkeypatch):
    m = _load()
    monkeypatch.setattr(m, "OUT_DIR", tmp_path)
    rows = [dict(type_right=True, both_actors_right=True, commit="abc"),
            dict(type_right=True, both_actors_right=False, commit="abc"),
            dict(type_right=False, both_actors_right=True, commit="abc"),
            dict(type_right=None, both_actors_right=None, commit="abc")]  # not judged yet
    (tmp_path / "precision_id_news.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    assert m.main(["--summarize"]) == 0
    line = next(ln for ln in capsys.readouterr().out.splitlines() if ln.startswith("id_news"))
    assert line.split()[1] == "3"          # judged
    assert "2 ( 67%)" in line and "1 ( 33%)" in line
