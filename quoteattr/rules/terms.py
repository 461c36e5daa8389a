"""What a quoted span is: its kind by position, and whether it is speech or a term.

Quotation marks also frame titles, names, labels and the narrator's own words; the tests here
keep those out of the results (``« Le Monde »``, ``baptisée « Europe »``, ``un « Congrès
national »``) and tell direct quotes (an utterance of their own) from mixed ones (words
embedded in the reporter's sentence).

Example:
    >>> utterance.__name__
    'utterance'
"""

from __future__ import annotations

from quoteattr.records import CueType, QuoteKind
from quoteattr.rules.candidates import Candidate
from quoteattr.rules.registry import Attribution, declared
from quoteattr.syntax.context import Context
from quoteattr.syntax.lexicon import word_list
from quoteattr.syntax.parse import Word

__all__ = ["is_name", "is_term", "position_kind", "unrealized_speech", "utterance"]

_DIRECT_BEFORE = frozenset({":", ",", ";", "(", "—", "–", "-", ".", "!", "?", "…", "»", "”", '"'})


def utterance(ctx: Context, cand: Candidate) -> bool:
    """Looks like a whole utterance rather than a term in quotes.

    Example:
        >>> # « Nous ne céderons pas. » → True; « Pan Am » → False
    """
    text = cand.span.content.text
    return len(text.split()) >= 4 or text.rstrip().endswith((".", "!", "?", "…"))


def position_kind(ctx: Context, cand: Candidate) -> QuoteKind:
    """DIRECT when the quote starts an utterance, MIXED when embedded in a sentence.

    Example:
        >>> # « … » at the start of a sentence or after ':' is direct; des « … » is mixed
    """
    if cand.span.style == "dash":
        return QuoteKind.DIRECT
    text = ctx.text
    i = cand.span.open_mark.start
    while i > 0 and text[i - 1].isspace() and text[i - 1] != "\n":
        i -= 1
    para_start = ctx.parsed.paragraphs[cand.paragraph][0] if ctx.parsed.paragraphs else 0
    if i <= para_start or text[i - 1] == "\n":
        return QuoteKind.DIRECT
    last = text[i - 1]
    if last in _DIRECT_BEFORE:
        if last == "," and len(cand.span.content.text.split()) < 3:
            return QuoteKind.MIXED
        if last == "," and _continues_clause(cand.span.content.text):
            return QuoteKind.MIXED  # "une crise, « qui s'aggrave »": a relative clause
        if last == "," and _fragment(ctx, cand):
            return QuoteKind.MIXED  # "a baissé, « une première depuis 2008 », selon X"
        return QuoteKind.DIRECT
    if _after_speech_verb(ctx, cand) and cand.span.content.text[:1].isupper():
        return QuoteKind.DIRECT  # "un message disant « Imaginez … »": an utterance of its own
    return QuoteKind.MIXED


_RELATIVE_OPENERS = frozenset({"qui", "que", "qu'", "qu’", "dont", "où", "lequel", "laquelle"})


def _fragment(ctx: Context, cand: Candidate) -> bool:
    """Quoted words after a comma that start in lower case and hold no finite verb: a phrase
    of the sentence around them (``…, « une première depuis 2008 »``, ``aurait, selon X,
    « envisagé de partir »``), not an utterance of its own."""
    text = cand.span.content.text.lstrip()
    if not text[:1].islower():
        return False
    return not any(
        w.upos in ("VERB", "AUX") and w.feats.get("VerbForm") == "Fin"
        for w in _content_words(ctx, cand)
    )


def _continues_clause(content: str) -> bool:
    """Quoted words that open with a lowercase relative pronoun go on the sentence before
    them: no utterance starts with one.

    Example:
        >>> _continues_clause("qui s'aggrave de jour en jour"), _continues_clause("Qui sait ?")
        (True, False)
    """
    first = content.lstrip().split(maxsplit=1)
    if not first:
        return False
    word = first[0].split("'")[0].split("’")[0]
    elided = len(word) < len(first[0])
    return word in _RELATIVE_OPENERS or (elided and word + "'" in _RELATIVE_OPENERS)


def unrealized_speech(ctx: Context, word: Word) -> bool:
    """A speech verb of the lexicon that is no cue here: the cue finder left it out as
    speech that did not happen (``sans pouvoir dire``, ``aurait pu s'interroger``).

    Example:
        >>> # "sans pouvoir dire « mission terminée »" → True for "dire"
    """
    return (
        word.upos == "VERB"
        and word.index not in ctx.cue_at
        and ctx.lexicon.lookup(word.lemma, form=word.norm, type=CueType.VERB) is not None
    )


def _after_speech_verb(ctx: Context, cand: Candidate) -> bool:
    """The word right before the opening mark ends the group of a speech verb."""
    prev = ctx.prev_word(cand.span.open_mark.start)
    if prev is None:
        return False
    cue = ctx.group_at.get(prev.index)
    return cue is not None and cue.last == prev.index and cue.entry.type is CueType.VERB


def is_term(ctx: Context, cand: Candidate, att: Attribution | None) -> bool:
    """Quotation marks around a title, name or term (« Le Monde », « Pan Am »), not speech."""
    text = cand.span.content.text.strip()
    words = text.split()
    if not words:
        return True
    found = declared().get(att.rule) if att is not None else None
    if found is not None and (found.explicit or found.continues):
        return False
    if is_name(ctx, cand):
        return True
    if att is None:
        if utterance(ctx, cand) and position_kind(ctx, cand) is QuoteKind.DIRECT:
            return False
        return not _phrase_of_speech(ctx, cand)
    return False


def is_name(ctx: Context, cand: Candidate) -> bool:
    """Quotation marks around a title or a name (« Le Monde », baptisée « Europe »): never
    anyone's words, wherever they stand.

    Example:
        >>> # « Pan Am » → True; « trichent » → False
    """
    text = cand.span.content.text.strip()
    words = text.split()
    if not words:
        return True
    titled = (
        len(words) <= 5
        and all(w[0].isupper() or len(w) <= 3 for w in words)
        and words[0][0].isupper()
    )
    if titled and not text.endswith((".", "!", "?", "…")):
        return True
    return _named_by(ctx, cand) or _proper_name_after_article(ctx, cand, words)


_FUNCTION_UPOS = frozenset({"VERB", "AUX", "DET", "PRON"})


def _content_words(ctx: Context, cand: Candidate) -> list[Word]:
    """The words inside the marks of ``cand``."""
    content = cand.span.content
    return [ctx.parsed.words[i] for i in ctx.words_between(content.start, content.end)]


def _phrase_of_speech(ctx: Context, cand: Candidate) -> bool:
    """``la chaîne met « tout en œuvre pour assurer sa sécurité »``, ``qu'il « doit être
    compréhensible par tous »``: three words or more with a verb, a determiner or a pronoun
    are someone's words even when nothing in the sentence says whose (GUIDELINES: quoted words
    attributed by context are listed); bare noun phrases (« permanganate de potassium »,
    « grand public ») are terms."""
    inside = _content_words(ctx, cand)
    prev = ctx.prev_word(cand.span.open_mark.start)
    after_que = prev is not None and prev.norm in ("que", "qu'") and len(inside) >= 2
    if not after_que and (len(inside) < 3 or not any(w.upos in _FUNCTION_UPOS for w in inside)):
        return False  # "et que « 750 millions » du nouveau milliard …": a clause's words
    if prev is not None and unrealized_speech(ctx, prev):
        return False  # "sans pouvoir dire « mission terminée »"
    opening = ctx.group_at.get(inside[0].index)
    # "…épidermique" commentait le commissaire." with its opening mark lost: marks paired
    # around an incise hold no one's words
    return (
        opening is None
        or opening.first != inside[0].index
        or ctx.parsed.words[opening.word].feats.get("VerbForm") != "Fin"
    )


def _named_by(ctx: Context, cand: Candidate) -> bool:
    """``baptisée « Europe »``, ``le thème « … »``: a naming word just before the marks (two
    words at most, articles and adverbs aside), from ``data/naming_words.txt``."""
    words = ctx.parsed.words
    i = ctx.word_at(cand.span.open_mark.start)
    if i is None:
        return False
    seen = 0
    for j in range(i - 1, max(i - 5, -1), -1):
        w = words[j]
        if w.norm in word_list("naming_words.txt"):
            return True
        if w.upos in ("DET", "ADV", "PUNCT") or (w.upos == "ADP" and w.norm == "de"):
            continue
        seen += 1
        if seen >= 3:  # "baptisée en Iran « nid d'espions »": a short place phrase between
            break
    return False


def _proper_name_after_article(ctx: Context, cand: Candidate, words: list[str]) -> bool:
    """``un « Congrès national général »``: a short capitalised phrase after an article is a
    name, not someone's words; so is a capitalised phrase without a verb after a noun or a
    preposition (``la sculpture « La Petite danseuse de quatorze ans »``, ``un rapport sur
    « Les revenus et le patrimoine des ménages »``): a title."""
    if not words[0][:1].isupper() or cand.span.content.text.rstrip()[-1:] in ".!?…":
        return False
    prev = ctx.prev_word(cand.span.open_mark.start)
    if prev is None:
        return False
    if prev.upos == "DET" and len(words) <= 5:
        return True
    inside = _content_words(ctx, cand)
    return (
        prev.upos in ("NOUN", "PROPN", "ADP")
        and len(words) <= 8
        and not any(w.upos in ("VERB", "AUX") for w in inside)
    )
