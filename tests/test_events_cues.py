"""Every cue list the event rules read is present in both lexicons (a missing one is an error)."""
import re
from pathlib import Path

import pytest

import warta.events
from warta.events.lexicon import load as load_lexicon


def _cue_names_in_code() -> set[str]:
    names = set()
    for path in Path(warta.events.__file__).parent.glob("*.py"):
        names |= set(re.findall(r'\.cue\("([a-z_]+)"\)', path.read_text(encoding="utf-8")))
    return names


@pytest.mark.parametrize("lang", ["id", "en"])
def test_each_cue_the_rules_read_is_in_the_lexicon(lang):
    names = _cue_names_in_code()
    assert len(names) > 20  # the rules do read cue lists
    lex = load_lexicon(lang)
    assert names <= set(lex.cues), sorted(names - set(lex.cues))


def test_a_missing_cue_list_names_the_file_and_the_fix():
    lex = load_lexicon("id")
    with pytest.raises(KeyError, match="events_id.yaml has no cue list 'no_such_cue'"):
        lex.cue("no_such_cue")
