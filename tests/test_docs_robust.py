"""Every documentation example is safe on real output, not only on the output it shows.

Real results hold quotes without a cue (a speaker carried over from the previous quote) and without a
speaker (unattributed quotes). The examples of README.md and docs/*.md run here once more with
``extract`` and ``extract_many`` returning, after the real quotes, one quote of each of those shapes:
an example that reads ``q.cue.span`` or ``q.speaker.mention`` without checking fails. The printed
output is not compared (``tests/test_docs.py`` does that).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_docs import files_with_python, python_blocks, run_block, split_output

import quoteattr
from quoteattr import engine
from quoteattr.output.results import QuoteList
from quoteattr.records import MentionKind, Quote, QuoteKind, Span, Speaker


def with_bare_quotes(result: QuoteList) -> QuoteList:
    """``result`` and, after its quotes, a quote with no cue and one with no speaker at all."""
    text = result.text
    first = len(text) - len(text.lstrip())
    if first >= len(text):
        return result
    content = Span.of(text, first, first + 1)
    carried = Speaker(None, "le porte-parole", MentionKind.DESCRIPTION)
    extra = [
        Quote(content, QuoteKind.DIRECT, carried, None, 0.5, "previous_speaker"),
        Quote(content, QuoteKind.DIRECT, None, None, 0.3, "unattributed"),
    ]
    return QuoteList([*result, *extra], text=text, doc_id=result.doc_id)


@pytest.mark.model
@pytest.mark.parametrize("path", files_with_python(), ids=lambda p: p.name)
def test_examples_survive_quotes_without_cue_or_speaker(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, one_torch_thread: None
) -> None:
    real_extract, real_many = engine.extract, engine.extract_many

    def extract(*args: Any, **kwargs: Any) -> QuoteList:
        return with_bare_quotes(real_extract(*args, **kwargs))

    def extract_many(*args: Any, **kwargs: Any) -> Iterator[QuoteList]:
        for result in real_many(*args, **kwargs):
            yield with_bare_quotes(result)

    for module in (quoteattr, engine):
        monkeypatch.setattr(module, "extract", extract)
        monkeypatch.setattr(module, "extract_many", extract_many)
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, Any] = {"__name__": f"docs_{path.stem}"}
    bare = 0
    for line, code in python_blocks(path):
        body, _expected = split_output(code)
        run_block(body, f"{path.name}:{line}", namespace)
        bare += sum(
            1
            for value in namespace.values()
            if isinstance(value, QuoteList) and any(q.rule == "unattributed" for q in value)
        )
    if any("extract(" in code or "extract_many(" in code for _line, code in python_blocks(path)):
        assert bare, "the bare quotes never reached the examples"
