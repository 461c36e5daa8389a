"""Stage 4, speakers: who the speaker mention of each record is.

* :mod:`quoteattr.speakers.resolution`: pronouns, titles and descriptions resolved to the named
  person or organisation;
* :mod:`quoteattr.speakers.profiles`: each speaker's roles (``ministre de l'Intérieur``) and type
  (person, organisation).

It reads the parse (:mod:`quoteattr.syntax`) and the records; it never runs a rule.
"""
