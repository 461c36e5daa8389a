"""Decoding input files: UTF-8 first, a byte-order mark stripped, a detected fallback for the
Windows-1252 / Latin-1 files that French newsrooms still produce.

:func:`decode` turns the bytes of a file into text:

* with an explicit ``encoding`` (``--encoding cp1252``), that encoding, strictly;
* else a byte-order mark decides (UTF-8, UTF-16 or UTF-32, the mark removed);
* else UTF-8, strictly;
* else the guess of `charset-normalizer <https://github.com/jawah/charset_normalizer>`_ among the
  encodings French text comes in outside Unicode (:data:`FALLBACK_ENCODINGS`: Windows-1252,
  ISO-8859-15, Mac Roman, DOS code page 850; ISO-8859-1 is read as its superset Windows-1252,
  as browsers do). The result says which encoding was used, so the caller can tell the user;
* else :class:`UndecodableError`, whose message asks for ``--encoding``.

A leading U+FEFF is removed in every case, so offsets start at the first real character.

Example:
    >>> decode("« Déjà », a-t-il dit.".encode("cp1252"))
    Decoded(text='« Déjà », a-t-il dit.', encoding='cp1252', detected=True)
    >>> decode(b"\\xef\\xbb\\xbfOui.")
    Decoded(text='Oui.', encoding='utf-8-sig', detected=False)
"""

from __future__ import annotations

import codecs

import attrs

__all__ = ["FALLBACK_ENCODINGS", "Decoded", "UndecodableError", "decode"]

FALLBACK_ENCODINGS: tuple[str, ...] = ("cp1252", "iso8859_15", "mac_roman", "cp850")
"""The encodings charset-normalizer may choose for a file that is not UTF-8, in order of
preference when they fit equally well."""

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class UndecodableError(ValueError):
    """The bytes are not UTF-8 and no fallback encoding fits, or not in the encoding given.

    Example:
        >>> decode(b"\\xff\\xfe\\x00", encoding="ascii")
        Traceback (most recent call last):
        ...
        quoteattr.text.encoding.UndecodableError: not valid ascii (byte 0xff at position 0)
    """


@attrs.frozen
class Decoded:
    """Decoded text, the encoding used, and whether it was detected rather than given or UTF-8.

    Example:
        >>> Decoded("Oui.", "utf-8", False).detected
        False
    """

    text: str
    encoding: str
    detected: bool = False


def _strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def decode(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode the bytes of an input file (see the module docstring for the order of tries).

    Example:
        >>> decode("Réponse : « non ».".encode("utf-8")).encoding
        'utf-8'
        >>> decode(b"\\x81\\x8d\\x8f\\x90\\x9d" * 40)
        Traceback (most recent call last):
        ...
        quoteattr.text.encoding.UndecodableError: not valid UTF-8, and no Western European \
encoding fits either (charset-normalizer found none); give the encoding, e.g. --encoding cp1252
    """
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise UndecodableError(f"unknown encoding {encoding!r}") from None
        try:
            return Decoded(_strip_bom(data.decode(encoding)), encoding)
        except UnicodeDecodeError as exc:
            raise UndecodableError(f"not valid {encoding} ({_where(exc)})") from None
    for mark, name in _BOMS:
        if data.startswith(mark):
            try:
                return Decoded(_strip_bom(data.decode(name)), name)
            except UnicodeDecodeError as exc:
                raise UndecodableError(f"not valid {name} ({_where(exc)})") from None
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(FALLBACK_ENCODINGS)).best()
    if best is None:
        raise UndecodableError(
            "not valid UTF-8, and no Western European encoding fits either (charset-normalizer "
            "found none); give the encoding, e.g. --encoding cp1252"
        )
    return Decoded(_strip_bom(str(best)), best.encoding, detected=True)


def _where(exc: UnicodeDecodeError) -> str:
    return f"byte 0x{exc.object[exc.start]:02x} at position {exc.start}"
