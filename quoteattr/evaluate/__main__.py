"""Run ``quoteattr evaluate``: ``python -m quoteattr.evaluate GOLD...``."""

from quoteattr.evaluate.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
