"""Stage 2, syntax: the parse and the grammar the rules read.

* :mod:`quoteattr.syntax.pipeline` builds and caches the Stanza pipeline (official or offline
  models, ``STANZA_RESOURCES_DIR``); :mod:`quoteattr.syntax.parse` turns its output into plain
  sentences and words with character offsets;
* :mod:`quoteattr.syntax.lexicon` holds the reporting-cue lexicon and the packaged word lists
  (``quoteattr/data``); :mod:`quoteattr.syntax.cues` finds the cues of a parse;
* :mod:`quoteattr.syntax.mentions` reads noun phrases (names, descriptions, pronouns);
  :mod:`quoteattr.syntax.subjects` and :mod:`quoteattr.syntax.phrases` find who a cue's speaker
  slot holds (subject, inverted subject, ``selon``'s object);
  :mod:`quoteattr.syntax.clauses` where a reported clause starts and stops;
  :mod:`quoteattr.syntax.messages` noun-phrase messages (``a annoncé sa démission``);
* :mod:`quoteattr.syntax.context`: one document's parse, quoted spans and cues with the lookup
  tables every rule shares.

It imports only :mod:`quoteattr.text` and :mod:`quoteattr.records`.
"""
