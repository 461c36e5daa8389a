"""Deterministic signals of a claim worth checking in French text: figures, money, dates, ...

Fact-checkers triage quotations by what they assert. :func:`find_signals` reads the text of a
quotation (or any French text) with regular expressions alone, no parser, and reports every
:class:`Signal` with exact character offsets into the string given:

* ``figure``: numbers in digits (``1 200``, ``3,5``, ``12.000``, ``12'000``; plain, no-break and
  narrow no-break spaces between thousands) or in words (``deux millions``, ``une dizaine``,
  ``des milliers``); a lone ``un``/``une`` is an article, not a figure;
* ``percentage``: a number before ``%``, ``pour cent``, ``points de pourcentage``; fractions
  (``la moitié``, ``les deux tiers``) and proportions (``un Français sur trois``);
* ``money``: an amount before a currency (``3 millions d'euros``, ``15 €``, ``200 000 francs
  CFA``), a symbol or code before an amount (``CHF 40``, ``€15``), or a currency named alone;
* ``date``: dates and periods (``le 3 mars 2024``, ``depuis 2019``, ``en mars``, ``l'an
  dernier``, ``au premier trimestre``, ``en dix ans``, ``chaque année``);
* ``comparison``: comparatives, superlatives, records and changes (``plus … que``, ``deux fois
  plus``, ``le plus``, ``record``, ``sans précédent``, ``premier pays``, ``en hausse de``,
  ``a doublé``);
* ``causal``: causal connectives (``à cause de``, ``grâce à``, ``parce que``, ``car``, ``dû à``);
* ``entity``: runs of capitalised words or acronyms, joined by spaces or name particles
  (``Emmanuel Macron``, ``Côte d'Ivoire``, ``OMS`` in ``l'OMS``), an institution's head noun
  extended by its usual lower-case adjectives and complements (``Banque centrale européenne``,
  ``Cour des comptes``). The first word of a sentence is dropped when it is a function word; a
  lone capitalised word that starts a sentence is kept only when it is an acronym, has an inner
  capital (``Hydro-Québec``) or appears capitalised inside a sentence elsewhere in the text.

Both apostrophes (``'`` and ``’``) and any case are matched. Signals of different kinds may
overlap, but a number inside a money amount, a percentage or a date is not also a ``figure``,
and a signal inside a longer one of the same kind is dropped. The plain word lists live in
``quoteattr/data/claim_signals.tsv``; each expression is compiled once and every pattern is
bounded, so the scan is linear in the length of the text.

Example:
    >>> [(s.kind.value, s.text) for s in find_signals("Le chômage a reculé de 3 % en 2023.")]
    [('comparison', 'a reculé de'), ('percentage', '3 %'), ('date', 'en 2023')]
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Callable, Iterable
from importlib import resources

import attrs

__all__ = ["Signal", "SignalKind", "find_signals", "signal_kinds"]

DATA_FILE = "data/claim_signals.tsv"


class SignalKind(str, enum.Enum):
    """The kind of a claim signal, in the order badges and CSV columns list them.

    Example:
        >>> SignalKind("money") is SignalKind.MONEY, SignalKind.DATE.value
        (True, 'date')
    """

    FIGURE = "figure"
    PERCENTAGE = "percentage"
    MONEY = "money"
    DATE = "date"
    COMPARISON = "comparison"
    CAUSAL = "causal"
    ENTITY = "entity"


@attrs.frozen(slots=True)
class Signal:
    """One signal: its kind and the ``[start, end)`` offsets of ``text`` in the string read.

    Example:
        >>> Signal(SignalKind.MONEY, 4, 8, "15 €")
        Signal(kind=<SignalKind.MONEY: 'money'>, start=4, end=8, text='15 €')
    """

    kind: SignalKind
    start: int
    end: int
    text: str


# --- regular-expression building blocks -------------------------------------------------------

_H = r"[^\S\n\r\x0b\x0c\x85\u2028\u2029]"
"""One horizontal space (plain, no-break U+00A0, narrow no-break U+202F, thin...)."""
_S = _H + "{1,3}"
_AP = "['’]"
_E = r"(?![\w-])"
_DE = rf"(?:de{_E}|du{_E}|des{_E}|d{_AP})"
_DIGITS = r"(?<![\w.,'’])(?:\d{1,3}(?:[ \u00a0\u202f\u2009.'’]\d{3}){1,6}(?!\d)|\d+)(?:,\d+|\.\d+)?"
"""Digits, thousands grouped by spaces, dots or apostrophes, with a decimal part."""
_NUMBER = rf"(?:(?<!\S)[+\-−±])?{_DIGITS}"
_YEAR = r"(?:1[5-9]|20)\d\d(?!\d)"
_BARE_YEAR = rf"(?<![\w.,'’]){_YEAR}(?:[-–/](?:(?:1[5-9]|20)\d\d|\d\d)(?!\d))?"
_DAY = r"(?:1er|1ᵉʳ|[0-3]?\d)(?!\d)"
_UPPER = "A-ZÀ-ÖØ-ÞŒŸ"
_WINDOW_WORD = r"[^\s.,;:!?«»\"“”()\[\]…]+"
_WORD_START = r"(?:(?<!\w)(?=\w)|(?=[€$£¥+\-−±]))"
"""Every signal starts a word (or a currency symbol, a sign): other offsets fail at once."""
_EXPANSIONS = {"de": _DE, "à": rf"(?:à|au|aux){_E}", "que": rf"(?:que{_E}|qu{_AP})"}

Keep = Callable[[str, re.Match[str]], bool]


@functools.cache
def _lists() -> dict[str, tuple[str, ...]]:
    """The word lists of ``data/claim_signals.tsv`` by list name (read once)."""
    raw = resources.files("quoteattr").joinpath(DATA_FILE).read_text(encoding="utf-8")
    rows = [line for line in raw.splitlines() if line.strip() and not line.startswith("#")]
    out: dict[str, list[str]] = {}
    for line in rows[1:]:
        name, _, phrase = line.partition("\t")
        out.setdefault(name.strip(), []).append(phrase.strip())
    return {name: tuple(words) for name, words in out.items()}


def _phrase(phrase: str, space: str = _S, end: str = _E) -> str:
    """The pattern of one phrase: ``'`` is either apostrophe, a space is ``space``."""
    words = phrase.split(" ")
    last = _EXPANSIONS.get(words[-1]) if len(words) > 1 else None
    parts = [re.escape(w).replace("'", _AP) for w in words]
    if words[0] == "à" and len(words) > 1:
        parts[0] = "[àa]"
    if last is not None:
        parts[-1] = last
    elif phrase[-1].isalnum():
        parts[-1] += end
    return space.join(parts)


def _alt(name: str, space: str = _S, words: Iterable[str] | None = None, end: str = _E) -> str:
    """One alternation of a word list, longest phrase first."""
    chosen = sorted(_lists()[name] if words is None else words, key=lambda w: (-len(w), w))
    initial = "|".join(_phrase(w, space, end) for w in chosen if w[0].isalnum())
    others = [_phrase(w, space, end) for w in chosen if not w[0].isalnum()]
    return "(?:" + "|".join([rf"(?<!\w)(?:{initial})"] * bool(initial) + others) + ")"


def _before(text: str, start: int, pattern: re.Pattern[str], width: int = 40) -> bool:
    """Whether ``pattern`` matches the ``width`` characters ending at ``start``."""
    return pattern.search(text[max(0, start - width) : start]) is not None


# --- the rules ----------------------------------------------------------------------------------


@attrs.frozen
class _Rules:
    by_kind: tuple[tuple[SignalKind, re.Pattern[str], Keep | None], ...]
    name: re.Pattern[str]
    starts: re.Pattern[str]
    title_before: re.Pattern[str]
    sep: re.Pattern[str]
    extend: re.Pattern[str]
    complement: re.Pattern[str]
    function_words: frozenset[str]
    titles: frozenset[str]
    institutions: frozenset[str]
    currency_codes: frozenset[str]


def _words_before(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){_alt(name)}{_S}$", re.IGNORECASE)


@functools.cache
def _rules() -> _Rules:
    """Every compiled pattern (built once, on first use)."""
    lists = _lists()
    nw = _alt("number", end=r"(?!\w)")
    not_un = [w for w in lists["number"] if w not in ("un", "une")]
    nw_not_un = _alt("number", words=not_un, end=r"(?!\w)")
    join = rf"(?:{_S}|-)(?:et(?:{_S}|-))?"
    words = rf"(?<![\w-])(?:(?:un|une)(?:{join}{nw}){{1,9}}|{nw_not_un}(?:{join}{nw}){{0,9}})"
    words_any = rf"(?<![\w-]){nw}(?:{join}{nw}){{0,9}}"
    approx_word = _alt("approx", words=[*lists["approx"], *(w + "s" for w in lists["approx"])])
    approx = rf"(?<!\w){_alt('approx_determiner')}{_S}{approx_word}(?:{_S}{_DE}{_H}?{approx_word})?"
    scale = _alt("scale")
    one_amount = rf"(?:{approx}|{_NUMBER}(?:{_S}{scale})?|{words})"
    amount = rf"{one_amount}(?:(?:{_S}(?:à|et){_S}|{_H}?[-–]{_H}?){one_amount})?"
    any_number = rf"(?:{_NUMBER}|{words_any})"
    small = rf"(?:\d+|{_alt('number', words=[w for w in not_un if w != 'zéro'])})"
    relative, unit = _alt("relative"), _alt("period_unit")
    month, weekday = _alt("month"), _alt("weekday")
    symbol = _alt("currency_symbol", space=_H + "?")
    symbol_first = _alt(
        "currency_symbol",
        space=_H + "?",
        words=[s for s in lists["currency_symbol"] if len(s) > 2 or not s.isalpha()],
    )
    currency = _alt("currency", words=lists["currency"] + lists["currency_after_amount"])
    plural_ok = "(?:sont|dans|pas|plus|sans|sous|vers|très|fois)"

    figure = rf"{approx}|{_NUMBER}(?:{_S}{scale})?|{words}"
    percentage = "|".join(
        (
            rf"{any_number}{_H}?{_alt('percent_unit')}",
            _alt("percent_unit", words=[u for u in lists["percent_unit"] if u.startswith("point")]),
            rf"(?<!\w)(?:la|une){_S}moitié{_E}",
            rf"(?<!\w)(?:(?:un|le|les|des|aux?){_S}(?:{words_any}{_S})?|{words_any}{_S})"
            rf"{_alt('fraction')}(?!{_S}d{_AP}heure)",
            rf"{any_number}(?:{_S}[^\W\d_][\w'’-]*){{0,2}}?{_S}sur{_S}{small}"
            rf"(?!{_S}(?!{plural_ok}{_E})[^\W\d_]*s{_E})",
        )
    )
    money = "|".join(
        (
            rf"{amount}{_S}(?:de{_S}|d{_AP})?{currency}",
            rf"{amount}(?:{_S}de(?={_S}))?{_H}?(?:(?:k|M|Mds?|Mrds?|G){_H}?)?{symbol}(?!\w)",
            rf"{symbol_first}{_H}?{_NUMBER}(?:{_S}{scale})?",
            _alt("currency"),
        )
    )
    date = "|".join(
        (
            r"(?<![\w-])\d{4}-[01]\d-[0-3]\d(?!\d)",
            r"(?<![\w./-])[0-3]?\d[/.-][01]?\d[/.-](?:\d{4}|\d\d)(?![\w/.-]?\d)",
            rf"(?<!\w)(?:{_alt('day_prep')}{_S})?(?:{weekday}{_S})?{_DAY}"
            rf"(?:{_S}(?:au|et|à){_S}{_DAY}|{_H}?[-–]{_H}?{_DAY})?{_S}{month}(?:{_S}{_YEAR})?",
            rf"(?<!\w)(?:entre|de){_S}{_BARE_YEAR}{_S}(?:et|à){_S}{_BARE_YEAR}",
            rf"(?<!\w)(?:{_alt('date_prep')}{_S}|mi-)(?:{month}(?:{_S}{_YEAR})?"
            rf"|(?:l{_AP}an(?:née)?{_S})?{_BARE_YEAR})",
            rf"(?<!\w){month}{_S}{_YEAR}|(?<!\w)l{_AP}(?:an|année|exercice){_S}{_BARE_YEAR}",
            rf"(?<!\w)(?:les{_S}|des{_S}|dans{_S}les{_S})?années{_S}(?:19|20)?\d0(?!\d)",
            rf"(?<!\w)(?:[XVI]+|\d{{1,2}})(?:e|ème){_S}siècle{_E}",
            rf"(?<![\w.,'’]){_YEAR}[-–/](?:(?:1[5-9]|20)\d\d|\d\d)(?!\d)",
            _alt("date"),
            rf"(?<!\w)(?:(?:au|du|le|ce|lors{_S}du|depuis{_S}le|dès{_S}le|pendant{_S}le|sur{_S}le)"
            rf"{_S})?{_alt('ordinal')}{_S}(?:trimestre|semestre){_E}(?:{_S}{_YEAR})?",
            rf"(?<!\w)(?:ce|cet){_S}(?:trimestre|semestre){_E}|(?<!\w)[TS][1-4]{_S}{_YEAR}",
            rf"(?<!\w){_alt('duration_prep')}{_S}"
            rf"(?:(?:plus{_S}de|moins{_S}de|près{_S}de|presque|environ){_S})?"
            rf"(?:{any_number}|quelques|plusieurs|des|de{_S}nombreu(?:x|ses)"
            rf"|(?:une{_S})?{approx_word}{_H}?{_DE}){_S}(?:{relative}{_S})?{unit}(?:{_S}{relative})?",
            rf"(?<!\w)(?:ces|les|des|ses|nos){_S}(?:{any_number}{_S})?{relative}{_S}{unit}",
            rf"(?<!\w)(?:(?:en|cet|au|ce){_S}|l{_AP}){_alt('season')}(?:{_S}{relative})?"
            rf"(?:{_S}{_YEAR})?",
            rf"(?<!\w){weekday}{_S}(?:dernier|prochain){_E}|(?<!\w)ce{_S}{weekday}",
        )
    )
    aux = rf"(?<!\w){_alt('auxiliary')}(?:{_S}{_alt('intensifier')})?{_S}"
    comparison = "|".join(
        (
            _alt("comparison"),
            rf"{_alt('change')}(?:{_S}{_DE})?",
            rf"{aux}{_alt('change_verb')}",
            rf"{aux}{_alt('change_verb_de')}{_S}{_DE}",
            rf"(?:{_NUMBER}|{words}){_S}fois{_S}(?:plus|moins){_E}",
            rf"(?<!\w)(?:plus|moins)(?:{_S}(?!{_alt('comparison_stop')}){_WINDOW_WORD}){{0,5}}?"
            rf"{_S}qu(?:e{_E}|{_AP})",
            rf"{_alt('rank_ordinal')}{_S}{_alt('rank_noun')}",
            rf"{_alt('change_from')}{_S}de(?={_S}(?:[+\-−]?\d|{nw}))",
        )
    )
    negated = re.compile(rf"(?<!\w)n(?:e{_S}|{_AP})(?:[\w'’-]+{_S}){{0,2}}$", re.IGNORECASE)
    car_noun = _words_before("car_noun_before")
    neuf_before = _words_before("neuf_before")
    neuf_after = re.compile(rf"{_S}(?!{_alt('function_word')})[^\W\d_]", re.IGNORECASE)
    reflexive = re.compile(rf"(?:(?<!\w)[smt]{_AP}|(?<!\w)(?:se|me|te|nous|vous){_S})$", re.I)

    def keep_figure(text: str, m: re.Match[str]) -> bool:
        if m.group().lower() != "neuf":
            return True
        after = neuf_after.match(text, m.end())
        return after is not None and not _before(text, m.start(), neuf_before)

    def keep_comparison(text: str, m: re.Match[str]) -> bool:
        word = m.group()[:5].lower()
        return not (word.startswith("plus") and _before(text, m.start(), negated))

    def keep_causal(text: str, m: re.Match[str]) -> bool:
        word = m.group().lower()
        if word == "car":
            return not _before(text, m.start(), car_noun, 20)
        return not (word.startswith("entra") and _before(text, m.start(), reflexive, 10))

    flags = re.IGNORECASE

    def rule(
        kind: SignalKind, pattern: str, keep: Keep | None = None
    ) -> tuple[SignalKind, re.Pattern[str], Keep | None]:
        return kind, re.compile(_WORD_START + f"(?:{pattern})", flags), keep

    particles = sorted(lists["name_particle"], key=lambda w: (-len(w), w))
    spaced = "|".join(_phrase(p) for p in particles if not p.endswith("'"))
    elided = "|".join(_phrase(p) for p in particles if p.endswith("'"))
    elision = rf"(?:[LlDdJjMmNnSsTtCc]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu|[Qq]uoiqu){_AP}"
    return _Rules(
        by_kind=(
            rule(SignalKind.FIGURE, figure, keep_figure),
            rule(SignalKind.PERCENTAGE, percentage),
            rule(SignalKind.MONEY, money),
            rule(SignalKind.DATE, date),
            rule(SignalKind.COMPARISON, comparison, keep_comparison),
            rule(SignalKind.CAUSAL, _alt("causal"), keep_causal),
        ),
        name=re.compile(
            rf"(?<![\w'’-])(?:{elision})?(?P<w>(?:O{_AP})?[{_UPPER}]\w*(?:-(?:[dl]{_AP})?\w+)*)"
        ),
        starts=re.compile(r"(?:\A|[.!?…:«“„\"]|[\n\r\u2028\u2029])[\s«“\"‘„(\[—–\-•*]*"),
        title_before=re.compile(rf"(?<!\w)(?:{'|'.join(lists['title'])}|[{_UPPER}])$"),
        sep=re.compile(rf"{_S}(?:(?:{spaced}){_S}|(?:{elided}))?"),
        extend=re.compile(rf"{_S}{_alt('institution_adjective')}", flags),
        complement=re.compile(
            rf"{_S}(?:de{_S}la{_S}|de{_S}l{_AP}|des{_S}|du{_S}|de{_S}|d{_AP})"
            rf"{_alt('institution_complement')}",
            flags,
        ),
        function_words=frozenset(lists["function_word"]),
        titles=frozenset(lists["title"]),
        institutions=frozenset(lists["institution"]),
        currency_codes=frozenset(
            part
            for phrase in lists["currency_symbol"] + lists["currency"]
            for part in re.split(r"[\s$]+", phrase)
            if part.isalpha() and (len(part) <= 3 or phrase in lists["currency_symbol"])
        ),
    )


# --- named entities -----------------------------------------------------------------------------


def _sentence_starts(text: str, rules: _Rules) -> set[int]:
    """Offsets where a sentence (or a quotation, a line) starts, past its opening marks."""
    starts = set()
    for m in rules.starts.finditer(text):
        if m.group().startswith(".") and rules.title_before.search(
            text[max(0, m.start() - 6) : m.start()]
        ):
            continue  # "M. Dupont", "J. Martin": the period of a title or an initial
        starts.add(m.end())
    return starts


def _is_acronym(word: str) -> bool:
    return word.isupper() and sum(c.isalpha() for c in word) >= 2


def _looks_like_a_name(word: str) -> bool:
    """An acronym (``OMS``) or a word with an inner capital (``Hydro-Québec``, ``McKinsey``)."""
    return _is_acronym(word) or any(c.isupper() for c in word[1:])


_LINE_RE = re.compile(r"[^\n\r\u2028\u2029]+")
_LETTERS_RE = re.compile(r"[^\W\d_]+")


def _shouting_lines(text: str, rules: _Rules) -> list[tuple[int, int]]:
    """Lines typed in capitals (no lower-case letter, a capitalised function word: ``LE``)."""
    return [
        line.span()
        for line in _LINE_RE.finditer(text)
        if not any(c.islower() for c in line.group())
        and any(
            w.group().lower() in rules.function_words for w in _LETTERS_RE.finditer(line.group())
        )
    ]


def _entities(text: str) -> list[Signal]:
    """Runs of capitalised words (see the module docstring for the rule)."""
    rules = _rules()
    starts = _sentence_starts(text, rules)
    shouting = _shouting_lines(text, rules)
    line = 0
    tokens: list[tuple[int, int, str, bool]] = []
    for m in rules.name.finditer(text):
        word, start = m.group("w"), m.start("w")
        folded = word.lower().replace("’", "'")
        initial = start in starts
        while line < len(shouting) and shouting[line][1] <= start:
            line += 1
        if len(word) < 2 or word in rules.titles:
            continue
        if word.isupper() and (
            folded in rules.currency_codes or (line < len(shouting) and shouting[line][0] <= start)
        ):
            continue
        if (initial or word.isupper()) and folded in rules.function_words:
            continue
        tokens.append((start, m.end(), word, initial))
    evidence = {word for _, _, word, initial in tokens if not initial}
    runs: list[list[tuple[int, int, str, bool]]] = []
    for token in tokens:
        if runs:
            prev = runs[-1][-1]
            gap = text[prev[1] : token[0]]
            sep = rules.sep.fullmatch(gap) if len(gap) <= 30 else None
            if sep is not None and gap.strip():  # joined by a particle: "Côte d'Ivoire"
                first = runs[-1][0]
                lone_initial = len(runs[-1]) == 1 and first[3] and first[2] not in evidence
                if lone_initial or _is_acronym(prev[2]) or _is_acronym(token[2]):
                    sep = None
            if sep is not None:
                runs[-1].append(token)
                continue
        runs.append([token])
    found = []
    for run in runs:
        start, end = run[0][0], run[-1][1]
        if run[-1][2].lower() in rules.institutions:
            end = _extend(text, end, rules)
        first = run[0]
        lone = len(run) == 1 and end == first[1]
        if lone and first[3] and not _looks_like_a_name(first[2]) and first[2] not in evidence:
            continue  # an ordinary word that starts the sentence
        if lone and first[2].lower() in rules.function_words:
            continue  # "Depuis" capitalised by a heading, alone: not a name ("Le Pen" is kept)
        found.append(Signal(SignalKind.ENTITY, start, end, text[start:end]))
    return found


def _extend(text: str, end: int, rules: _Rules) -> int:
    """Extend an institution's name over its adjectives and complements (at most four)."""
    complements = 0
    for _ in range(4):
        m = rules.extend.match(text, end)
        if m is None and complements < 2:
            m = rules.complement.match(text, end)
            complements += m is not None
        if m is None:
            break
        end = m.end()
    return end


# --- public API ---------------------------------------------------------------------------------

_ORDER = {kind: i for i, kind in enumerate(SignalKind)}
_COVERS_FIGURES = frozenset({SignalKind.MONEY, SignalKind.PERCENTAGE, SignalKind.DATE})


def _tidy(found: list[Signal]) -> tuple[Signal, ...]:
    """Drop signals inside a longer one of the same kind, and figures inside money,
    percentages and dates; sort by start."""
    found.sort(key=lambda s: (s.start, -s.end, s.kind is SignalKind.FIGURE, _ORDER[s.kind]))
    reach: dict[SignalKind, int] = {}
    cover = -1
    kept = []
    for s in found:
        if reach.get(s.kind, -1) >= s.end:
            continue
        if s.kind is SignalKind.FIGURE and cover >= s.end:
            continue
        reach[s.kind] = max(reach.get(s.kind, -1), s.end)
        if s.kind in _COVERS_FIGURES:
            cover = max(cover, s.end)
        kept.append(s)
    kept.sort(key=lambda s: (s.start, s.end, _ORDER[s.kind]))
    return tuple(kept)


def find_signals(text: str) -> tuple[Signal, ...]:
    """Every claim signal of ``text``, sorted by start (then end, then kind).

    Offsets index ``text`` itself: ``signal.text == text[signal.start:signal.end]``.

    Example:
        >>> found = find_signals("Selon l’OMS, les cas ont doublé à cause de la chaleur.")
        >>> [(s.kind.value, s.text, s.start) for s in found]
        [('entity', 'OMS', 8), ('comparison', 'ont doublé', 21), ('causal', 'à cause de', 32)]
    """
    rules = _rules()
    found: list[Signal] = []
    for kind, pattern, keep in rules.by_kind:
        for m in pattern.finditer(text):
            if m.end() > m.start() and (keep is None or keep(text, m)):
                found.append(Signal(kind, m.start(), m.end(), m.group()))
    found.extend(_entities(text))
    return _tidy(found)


def signal_kinds(text: str) -> tuple[SignalKind, ...]:
    """The distinct kinds of signal in ``text``, in :class:`SignalKind` order.

    Example:
        >>> [k.value for k in signal_kinds("La dette a atteint 3 000 milliards d'euros en 2023.")]
        ['money', 'date']
        >>> signal_kinds("Il faut rétablir la confiance.")
        ()
    """
    present = {s.kind for s in find_signals(text)}
    return tuple(kind for kind in SignalKind if kind in present)
