"""Stage 1, text: what can be read off the characters before any parse.

* :mod:`quoteattr.text.marks`: quotation marks paired into quoted spans (« », “ ”, " ", ‹ ›,
  dialogue dashes, quotes reopened across paragraphs);
* :mod:`quoteattr.text.french`: French word sets named once (clitics, time words, subordinators);
* :mod:`quoteattr.text.language`: the check that a text is French;
* :mod:`quoteattr.text.normalise`: same-length typography clean-up of web text;
* :mod:`quoteattr.text.signals`: what makes a statement worth checking (figures, money, dates,
  comparisons, causes, named entities).

Nothing here imports a parser or a rule: the packages above (syntax, rules, speakers, output)
build on these.
"""
