"""A real headless browser renders the Jupyter HTML of the seed article.

Chromium loads ``extract(seed)._repr_html_()`` (in a UTF-8 page, as a notebook embeds it) and

* takes a screenshot: a real PNG whose pixels show the highlight colour of every quote kind found
  (the PNG is decoded here with zlib and numpy, no imaging library);
* dumps the DOM it built: every quote's highlight holds exactly the quote's text, so the browser
  parsed the markup as intended (no element closed early, nothing lost).

The test is skipped only when no Chromium binary is installed (Debian: ``apt-get install -y
chromium``); set ``QUOTEATTR_CHROMIUM`` to use another Chromium-based browser.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from quoteattr.output.display import KIND_COLOURS

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_edc37f481cdcf508.txt"
WIDTH, HEIGHT = 1200, 2000
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

pytestmark = pytest.mark.model


def chromium_binary() -> str | None:
    override = os.environ.get("QUOTEATTR_CHROMIUM")
    if override:
        return shutil.which(override) or override
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def chromium() -> str:
    binary = chromium_binary()
    if binary is None:
        pytest.skip(
            "no Chromium binary on PATH (install it: apt-get install -y chromium); "
            "the browser rendering test needs it"
        )
    return binary


@pytest.fixture(scope="module")
def seed_page(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    from quoteattr.engine import extract

    quotes = extract(SEED.read_text(encoding="utf-8"))
    assert quotes, "the seed article has quotes"
    page = tmp_path_factory.mktemp("browser") / "seed.html"
    page.write_text(
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>quoteattr</title></head>'
        f"<body>{quotes._repr_html_()}</body></html>\n",
        encoding="utf-8",
    )
    return page, quotes


def run_chromium(binary: str, page: Path, *options: str) -> subprocess.CompletedProcess[bytes]:
    profile = page.parent / f"profile-{len(list(page.parent.glob('profile-*')))}"
    command = [
        binary,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        *options,
        page.as_uri(),
    ]
    result = subprocess.run(command, capture_output=True, timeout=180, check=False)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")[-2000:]
    return result


# --- a small PNG decoder (8-bit, non-interlaced, as Chromium writes them) -----------------------


def png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    assert data[:8] == PNG_SIGNATURE, "not a PNG file"
    chunks, position = [], 8
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        (crc,) = struct.unpack(">I", data[position + 8 + length : position + 12 + length])
        assert zlib.crc32(kind + body) == crc, f"bad CRC in {kind!r}"
        chunks.append((kind, body))
        position += 12 + length
        if kind == b"IEND":
            break
    return chunks


def png_pixels(data: bytes) -> Any:
    """The image as a ``(height, width, channels)`` numpy array of bytes."""
    import numpy as np

    chunks = png_chunks(data)
    assert chunks[0][0] == b"IHDR" and chunks[-1][0] == b"IEND"
    width, height, depth, colour_type, _compression, _filter, interlace = struct.unpack(
        ">IIBBBBB", chunks[0][1]
    )
    assert depth == 8 and interlace == 0, (depth, interlace)
    channels = {0: 1, 2: 3, 4: 2, 6: 4}[colour_type]
    stride = width * channels
    raw = zlib.decompress(b"".join(body for kind, body in chunks if kind == b"IDAT"))
    assert len(raw) == height * (stride + 1)
    rows = np.frombuffer(raw, dtype=np.uint8).reshape(height, stride + 1)
    image = np.zeros((height, stride), dtype=np.uint8)
    previous = np.zeros(stride, dtype=np.int64)
    for y in range(height):
        method, line = rows[y, 0], rows[y, 1:].astype(np.int64)
        if method == 0:
            current = line
        elif method == 1:  # Sub: a running sum per channel
            current = np.cumsum(line.reshape(width, channels), axis=0).reshape(-1) % 256
        elif method == 2:  # Up
            current = (line + previous) % 256
        else:  # Average and Paeth depend on the reconstructed left byte: byte by byte
            filtered, above, out = line.tolist(), previous.tolist(), [0] * stride
            for i in range(stride):
                left = out[i - channels] if i >= channels else 0
                up_left = above[i - channels] if i >= channels else 0
                if method == 3:
                    predictor = (left + above[i]) // 2
                else:
                    p = left + above[i] - up_left
                    pa, pb, pc = abs(p - left), abs(p - above[i]), abs(p - up_left)
                    predictor = left if pa <= pb and pa <= pc else above[i] if pb <= pc else up_left
                out[i] = (filtered[i] + predictor) & 255
            current = np.array(out, dtype=np.int64)
        image[y] = current
        previous = current
    return image.reshape(height, width, channels)


def colour_counts(image: Any) -> dict[int, int]:
    import numpy as np

    rgb = image[:, :, :3].astype(np.int64)
    keys = (rgb[:, :, 0] << 16) | (rgb[:, :, 1] << 8) | rgb[:, :, 2]
    values, counts = np.unique(keys, return_counts=True)
    return dict(zip(values.tolist(), counts.tolist(), strict=True))


# --- the DOM as the browser built it --------------------------------------------------------------


class MarkTexts(HTMLParser):
    """Text of every element with ``data-mark`` (parts joined), quote numbers left out."""

    VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None, bool]] = []
        self.texts: dict[str, str] = {}
        self.refs = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        values = dict(attrs)
        is_ref = "qa-ref" in (values.get("class") or "").split()
        self.refs += is_ref
        self.stack.append((tag, values.get("data-mark"), is_ref))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        assert self.stack and self.stack[-1][0] == tag, f"unbalanced </{tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if any(is_ref for _tag, _mark, is_ref in self.stack):
            return
        for _tag, mark, _is_ref in self.stack:
            if mark is not None:
                self.texts[mark] = self.texts.get(mark, "") + data


# --- the tests ------------------------------------------------------------------------------------


def test_screenshot_shows_the_highlights(chromium: str, seed_page: tuple[Path, Any]) -> None:
    page, quotes = seed_page
    shot = page.parent / "shot.png"
    run_chromium(chromium, page, f"--screenshot={shot}", f"--window-size={WIDTH},{HEIGHT}")
    data = shot.read_bytes()
    assert len(data) > 20_000, f"suspiciously small screenshot: {len(data)} bytes"
    assert data.startswith(PNG_SIGNATURE)
    image = png_pixels(data)
    assert image.shape[:2] == (HEIGHT, WIDTH)
    counts = colour_counts(image)
    assert len(counts) > 50, "a nearly single-colour image: nothing was rendered"
    background = max(counts.values())
    assert background < 0.97 * WIDTH * HEIGHT, "the page is (almost) blank"
    assert counts.get(0x212121, 0) > 2_000, "no text in the document colour"
    for kind in {q.kind for q in quotes}:
        colour = int(KIND_COLOURS[kind].lstrip("#"), 16)
        # the legend chip alone is about 2,000 pixels; highlighted quotes add far more
        assert counts.get(colour, 0) > 8_000, f"{kind.value} quotes are not highlighted"


def test_browser_dom_keeps_every_quote(chromium: str, seed_page: tuple[Path, Any]) -> None:
    page, quotes = seed_page
    result = run_chromium(chromium, page, "--dump-dom")
    dom = result.stdout.decode("utf-8")
    assert 'class="quoteattr"' in dom
    parser = MarkTexts()
    parser.feed(dom[dom.index("<body>") + len("<body>") : dom.rindex("</body>")])
    parser.close()
    assert parser.refs == len(quotes)
    found = re.search(r'id="([\w-]+)-q0"', dom)
    assert found, "no quote element with an id"
    prefix = found.group(1)  # the renderer's id prefix
    for index, quote in enumerate(quotes):
        assert parser.texts.get(f"{prefix}-q{index}") == quote.content.text, index
        if quote.speaker is not None and quote.speaker.mention is not None:
            assert quote.speaker.mention.text in parser.texts.values()


# --- the warning flags, on the page the command writes ------------------------------------------

FLAGGED = (
    "Le ministre n'a pas dit que la réforme serait retirée. Il aurait affirmé que tout allait bien.\n\n"
    "Le ministère a démenti qu'un accord soit proche. La porte-parole n'aurait pas démenti "
    "qu’une enquête était ouverte.\n\n"
    "« Nous tiendrons », a déclaré la ministre du Travail, Catherine Vautrin."
)
PLAIN = "« Nous tiendrons », a déclaré la ministre du Travail, Catherine Vautrin."


def command_page(directory: Path, name: str, text: str) -> Path:
    """The page ``quoteattr --format html`` writes for ``text``."""
    import sys

    source = directory / f"{name}.txt"
    source.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "quoteattr", "--format", "html", "--threads", "1", str(source)],
        capture_output=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    page = directory / f"{name}.html"
    page.write_bytes(result.stdout)
    return page


def flag_pixels(chromium: str, page: Path) -> dict[str, int]:
    from quoteattr.output.display import FLAG_COLOURS

    shot = page.with_suffix(".png")
    run_chromium(chromium, page, f"--screenshot={shot}", f"--window-size={WIDTH},{HEIGHT}")
    counts = colour_counts(png_pixels(shot.read_bytes()))
    return {
        flag: counts.get(int(colour.lstrip("#"), 16), 0) for flag, colour in FLAG_COLOURS.items()
    }


class QuoteBadges(HTMLParser):
    """For every quote number (``qa-ref``), the flags of the badges shown right after the quote."""

    VOID = MarkTexts.VOID

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str | None] = []
        self.badges: dict[str, list[str]] = {}
        self.quote_flags: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        values = {k: v or "" for k, v in attrs}
        classes = values.get("class", "").split()
        ref = values["data-quote"] if "qa-ref" in classes else None
        if "qa-quote" in classes and values.get("data-part") != "continued":
            self.quote_flags[values["data-quote"]] = values.get("data-flags", "")
        inside = next((r for r in reversed(self.stack) if r is not None), None)
        if "qa-flag" in classes and inside is not None:
            self.badges.setdefault(inside, []).append(values["data-flag"])
        self.stack.append(ref)

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID:
            self.stack.pop()


def test_screenshot_shows_the_flags_on_the_quotes(chromium: str, tmp_path: Path) -> None:
    flagged_page = command_page(tmp_path, "flagged", FLAGGED)
    plain_page = command_page(tmp_path, "plain", PLAIN)
    flagged, plain = flag_pixels(chromium, flagged_page), flag_pixels(chromium, plain_page)
    # the legend shows one chip per flag on both pages; the flagged page adds a badge after each
    # flagged quote, a dashed outline around it and coloured counts in the speaker table
    for flag in ("negated", "alleged", "denial"):
        assert plain[flag] > 150, (flag, plain)
        assert flagged[flag] > plain[flag] + 600, (flag, flagged[flag], plain[flag])


def test_browser_dom_puts_the_badges_after_the_flagged_quotes(
    chromium: str, tmp_path: Path
) -> None:
    page = command_page(tmp_path, "flagged", FLAGGED)
    dom = run_chromium(chromium, page, "--dump-dom").stdout.decode("utf-8")
    parser = QuoteBadges()
    parser.feed(dom)
    expected = {index: flags.split() for index, flags in parser.quote_flags.items() if flags}
    assert {index: badges for index, badges in parser.badges.items()} == expected
    seen = {flag for badges in expected.values() for flag in badges}
    assert seen == {"negated", "alleged", "denial"}, parser.quote_flags
