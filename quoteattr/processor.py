"""quoteattr as a Stanza processor: add ``quoteattr`` to a pipeline that already runs Stanza.

Importing this module registers a Stanza processor named ``quoteattr``
(:data:`PROCESSOR`). A French pipeline that lists it after the parser runs
quoteattr's attribution on every document it processes and stores the
result on the document, as ``doc.quotes`` (a
:class:`~quoteattr.output.results.QuoteList` whose offsets point into ``doc.text``)::

    import stanza
    import quoteattr.processor  # registers "quoteattr"

    nlp = stanza.Pipeline("fr", processors="tokenize,mwt,pos,lemma,depparse,quoteattr")
    doc = nlp("« Nous ne céderons pas », a déclaré la ministre.")
    doc.quotes[0].speaker_name   # 'la ministre'

The processor needs ``tokenize``, ``pos``, ``lemma`` and ``depparse`` before
it (Stanza checks this when the pipeline is built) and has no model of its
own. Option, given to the pipeline with the processor's prefix:
``quoteattr_lexicon`` (a path to a cue table, see
:func:`quoteattr.syntax.lexicon.load_lexicon`, or a
:class:`~quoteattr.syntax.lexicon.Lexicon`). Text that is plainly not French gives
a :class:`~quoteattr.text.language.NotFrenchWarning`, as with
:func:`quoteattr.extract`.

This is the same attribution as ``quoteattr.extract(doc)`` on a document
your pipeline parsed, run inside the pipeline instead.

Example:
    >>> PROCESSOR
    'quoteattr'
"""

from __future__ import annotations

from typing import Any, ClassVar

from stanza.models.common.doc import Document
from stanza.pipeline.processor import Processor, register_processor

from quoteattr.engine import attribute
from quoteattr.output.results import QuoteList
from quoteattr.syntax.lexicon import Lexicon, default_lexicon, load_lexicon
from quoteattr.syntax.parse import from_stanza
from quoteattr.text.language import warn_if_not_french

__all__ = ["PROCESSOR", "QuoteProcessor"]

PROCESSOR = "quoteattr"
"""The name to list in ``stanza.Pipeline(processors=...)``."""

if not hasattr(Document, "quotes"):
    Document.add_property("quotes", default=None)  # doc.quotes, read-only


@register_processor(PROCESSOR)
class QuoteProcessor(Processor):  # type: ignore[misc]
    """The Stanza processor that stores quoteattr's quotes on each document as ``doc.quotes``.

    Example:
        >>> nlp = stanza.Pipeline("fr", processors="tokenize,mwt,pos,lemma,depparse,quoteattr")
        ... # doctest: +SKIP
        >>> nlp("« Oui », a dit Paul.").quotes[0].speaker_name    # doctest: +SKIP
        'Paul'
    """

    PROVIDES_DEFAULT: ClassVar[set[str]] = {PROCESSOR}
    REQUIRES_DEFAULT: ClassVar[set[str]] = {"tokenize", "pos", "lemma", "depparse"}

    def __init__(self, config: dict[str, Any], pipeline: Any, device: Any) -> None:
        super().__init__(config, pipeline, device)  # checks that the parser runs before
        option = config.get("lexicon")
        if option is None:
            self.lexicon = default_lexicon()
        elif isinstance(option, Lexicon):
            self.lexicon = option
        else:
            self.lexicon = load_lexicon(option)

    def _set_up_model(self, *args: Any) -> None:
        """Nothing to load: quoteattr has no model of its own."""

    def mark_inactive(self) -> None:
        """Nothing to free (Stanza calls this on a processor whose requirements are missing)."""

    def process(self, doc: Any) -> Any:
        """Attribute the quotes of one parsed document; store them as ``doc.quotes``."""
        text = doc.text
        if text is None:
            raise ValueError(
                "quoteattr needs the document's text: build the pipeline's input from raw text"
            )
        warn_if_not_french(text)
        parsed = from_stanza(text, [(0, doc)])
        doc._quotes = QuoteList(attribute(parsed, self.lexicon), text=text)
        return doc
