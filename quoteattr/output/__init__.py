"""Stage 5, output: what users hold and export.

* :mod:`quoteattr.output.results`: :class:`~quoteattr.output.results.QuoteList`, a document's
  records with their text;
* :mod:`quoteattr.output.export` and :mod:`quoteattr.output.tables`: dicts, JSON lines, CSV and
  DataFrames, one document or many;
* :mod:`quoteattr.output.display` and :mod:`quoteattr.output.summary`: HTML for Jupyter and
  browsers, the per-speaker summary;
* :mod:`quoteattr.output.progress`: progress bars over long parses.
"""
