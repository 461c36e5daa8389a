"""Stage 5, output: what users hold and export.

* :mod:`quoteattr.output.results`: :class:`~quoteattr.output.results.QuoteList`, a document's
  records with their text;
* :mod:`quoteattr.output.export` and :mod:`quoteattr.output.tables`: dicts, JSON lines, CSV and
  DataFrames, one document or many;
* :mod:`quoteattr.output.review`: the review decision's exports and the claim signals of a record;
  :mod:`quoteattr.output.review_page`: the review page (HTML);
* :mod:`quoteattr.output.corpus_speakers`, :mod:`quoteattr.output.speaker_names` and
  :mod:`quoteattr.output.speaker_table`: one speaker across documents, stable speaker ids, the
  corpus speakers table;
* :mod:`quoteattr.output.display` and :mod:`quoteattr.output.summary`: HTML for Jupyter and
  browsers, the per-speaker summary;
* :mod:`quoteattr.output.stream` and :mod:`quoteattr.output.console`: the command's output
  formats, written document by document, and its one-line messages;
* :mod:`quoteattr.output.progress`: progress bars over long parses (widgets in Jupyter).
"""
