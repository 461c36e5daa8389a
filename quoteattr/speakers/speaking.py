"""Who can speak: the check every speaker mention passes before it is resolved to a name.

A speaker is never inside quotation marks (those are the quoted person's words) and must be
able to speak: a person (a name, a pronoun, a role, a profession, a group: ``les
manifestants``), an organisation (party, ministry, court, union, company, police), or a medium
or a document (``le communiqué``, ``le rapport``, ``une étude``). A speech noun with an author
(``l'intervention du Premier ministre``, ``la pique de Björn Borg``) and a document whose author
is named (``le rapport final du BEA``, ``ce communiqué de la préfecture``) speak through it.
When the grammatical slot holds anything else (``l'hypothèse``, ``des retards``, a weekday, a
place set off before a headline colon), the record gets no speaker rather than a wrong one.

Example:
    >>> "manifestant" in speaking_nouns()
    True
"""

from __future__ import annotations

from quoteattr.records import MentionKind, QuotedSpan
from quoteattr.syntax.context import Context
from quoteattr.syntax.lexicon import word_list
from quoteattr.syntax.mentions import PRONOUN_FEATURES, Mention
from quoteattr.syntax.phrases import author_of
from quoteattr.syntax.speaking_nouns import is_abstract_noun, speaking_nouns, speaks
from quoteattr.text.french import DATE_WORDS, normalise

__all__ = ["is_abstract_noun", "speaker_mention", "speaking_nouns"]


def speaker_mention(
    ctx: Context, mention: Mention | None, own: QuotedSpan | None = None, *, source: bool = False
) -> Mention | None:
    """``mention`` if it can speak, the author of a speech noun it heads, else None.

    ``own`` is the quotation the mention is found for: an incise inside it (``« Tiens,
    dit-il, … »``) is no quoted word. ``source``: the object of ``selon``/``d'après``/``pour``,
    which names a source whatever it is (``selon la mythologie grecque``): only the quotation
    check applies.

    Example:
        >>> # "l'intervention du Premier ministre" → "le Premier ministre";
        >>> # "l'hypothèse d'une hausse" → None; "la ministre" → itself
    """
    if mention is None:
        return None
    enclosing = ctx.enclosing_quote(mention.start)
    if enclosing is not None and enclosing is not own and enclosing.style != "dash":
        return None  # quoted words (a dialogue dash line is no quotation mark: vocatives)
    if mention.kind is MentionKind.PRONOUN or source:
        return mention
    said = ctx.text[mention.start : mention.end]
    if said[:1] in "-–" and normalise(said[1:]) not in PRONOUN_FEATURES:
        return None  # "-le-feu" of a split "cessez-le-feu"; "permettez-moi" keeps "-moi"
    head = ctx.parsed.words[mention.head]
    if normalise(head.text) in DATE_WORDS:
        return None  # "Jeudi, …": a date heads no speaker
    if mention.kind is MentionKind.NAME:
        return mention
    lemma = head.lemma.lower()
    if lemma in word_list("document_nouns.txt") or lemma in ctx.lexicon.nouns:
        # "le rapport final du BEA", "ce communiqué de la préfecture": who wrote it speaks
        # (GUIDELINES: the named source), when it is a name or someone who can speak
        author = author_of(ctx, mention)
        if (
            author is not None
            and speaker_mention(ctx, author) is author
            and (author.kind is MentionKind.NAME or speaks(ctx.parsed.words[author.head].lemma))
        ):
            return author
    if speaks(head.lemma) or speaks(head.text):
        return mention
    abstract = is_abstract_noun(head.lemma) or is_abstract_noun(head.text)
    if abstract or head.lemma.lower() in ctx.lexicon.nouns:
        author = author_of(ctx, mention)
        if author is not None and speaker_mention(ctx, author) is author:
            return author  # "l'intervention du Premier ministre", "les propos de X"
    if abstract:
        return None  # "l'hypothèse d'une hausse", "la situation", "le rassemblement"
    return mention
