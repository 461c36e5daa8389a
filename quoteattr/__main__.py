"""Run the command line interface: ``python -m quoteattr FILE...``.

Same as the ``quoteattr`` console script (see :mod:`quoteattr.cli`).
"""

from quoteattr.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
