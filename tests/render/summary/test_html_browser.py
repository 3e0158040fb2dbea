"""The HTML brief in a real headless browser (Debian's chromium).

Skipped unless HAULOC_REQUIRE_BROWSER=1; .ci/run installs chromium and fonts-noto-core and
sets it, so CI always runs it. Then a missing browser is a failure, not a skip.
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

import pytest
from typer.testing import CliRunner

from hauloc_cli.cli import app
from hauloc_cli.inputs.plan_file import load_plan
from hauloc_cli.vocab.i18n import label
from tests.conftest import EXAMPLE, PLAN_2024

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(os.environ.get("HAULOC_REQUIRE_BROWSER") != "1",
                                 reason="set HAULOC_REQUIRE_BROWSER=1 to run chromium")]

# A4 at 150 dots per inch
WINDOW = "1240,1754"
# Status of each target of the example at 2024-Q3 (worked out in tests/test_brief.py).
STATUS_Q3 = {
    "production_growth": "at_risk",
    "income_per_capita": "on_track",
    "ntm_model_communes": "achieved",
    "ntm_advanced_communes": "off_track",
    "ocop_products": "at_risk",
    "national_standard_schools": "on_track",
    "security_standard_communes": "no_data",
    "rural_hygienic_water": "on_track",
    "ntm_district_recognition": "off_track",
}


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.fail("HAULOC_REQUIRE_BROWSER=1 but no chromium on PATH "
                    "(apt-get install chromium fonts-noto-core)")
    return found


def run_browser(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    command = [chromium(), "--headless", "--no-sandbox", "--disable-gpu",
               "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run", "--hide-scrollbars",
               f"--user-data-dir={tmp_path / 'profile'}", *args]
    done = subprocess.run(command, capture_output=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    return done


def png_pixels(data: bytes) -> tuple[int, int, int, bytes]:
    """Width, height, bytes per pixel and the raw rows of an 8-bit, non-interlaced RGB(A)
    or grey PNG: just enough of a decoder for a browser's screenshot."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, b""
    width = height = bpp = 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and interlace == 0, (depth, interlace)
            bpp = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    out = bytearray(stride * height)
    prior = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind = raw[start]
        line = bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif kind == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, prior, strict=True))
        elif kind == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prior[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = prior[i]
                c = prior[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xFF
        out[y * stride:(y + 1) * stride] = line
        prior = line
    return width, height, bpp, bytes(out)


def non_white_share(png: bytes) -> float:
    width, height, bpp, pixels = png_pixels(png)
    channels = min(bpp, 3)
    white = b"\xff" * channels
    count = sum(1 for i in range(0, len(pixels), bpp) if pixels[i:i + channels] != white)
    return count / (width * height)


def test_png_decoder_on_a_known_image() -> None:
    """A 2 × 2 RGB image, rows filtered Sub and Paeth: one black, three white pixels."""
    rows = (bytes([1, 0, 0, 0, 255, 255, 255])       # Sub: black, then white
            + bytes([4, 255, 255, 255, 0, 0, 0]))    # Paeth: white, white
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body)))
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
    assert png_pixels(png)[3] == bytes([0, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255, 255])
    assert non_white_share(png) == 0.25


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_brief_renders_in_chromium(tmp_path: Path, lang: str) -> None:
    page = tmp_path / f"brief-{lang}.html"
    result = CliRunner().invoke(app, ["summary", str(EXAMPLE), "--format", "html", "--lang",
                                      lang, "--output", str(page)])
    assert result.exit_code == 1, result.stderr
    url = page.as_uri()

    shot = tmp_path / f"brief-{lang}.png"
    run_browser(tmp_path, f"--screenshot={shot}", f"--window-size={WINDOW}", url)
    share = non_white_share(shot.read_bytes())
    assert share >= 0.02, f"only {share:.1%} of the screenshot is not white"

    dom = run_browser(tmp_path, "--dump-dom", url).stdout.decode("utf-8")
    parser = _Text()
    parser.feed(dom)
    text = " ".join("".join(parser.parts).split())
    plan = load_plan(PLAN_2024)
    for target in plan.targets:
        name = target.name_en if lang == "en" and target.name_en else target.name
        assert name in text, name
    for status in set(STATUS_Q3.values()):
        assert label(lang, status) in text, status

    pdf = tmp_path / f"brief-{lang}.pdf"
    run_browser(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", url)
    printed = pdf.read_bytes()
    pages = re.findall(rb"/Type\s*/Page(?![a-zA-Z])", printed)
    assert len(pages) == 1, f"the brief prints on {len(pages)} pages"
    # A4 is 210 × 297 mm: 595.3 × 841.9 points
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", printed)
    assert box is not None
    assert abs(float(box.group(1)) - 595.3) < 1 and abs(float(box.group(2)) - 841.9) < 1


def _plan_of_27(tmp_path: Path) -> tuple[Path, Path]:
    """The example's 9 targets three times over (ids `…_0`, `…_1`, `…_2`): 27 targets, as
    many as the Hậu Lộc resolution declares, with the example's figures for each."""
    import csv

    import yaml

    plan = yaml.safe_load(PLAN_2024.read_text(encoding="utf-8"))
    plan["targets"] = [{**t, "id": f"{t['id']}_{k}"} for k in range(3) for t in plan["targets"]]
    plan_file = tmp_path / "plan27.yaml"
    plan_file.write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False),
                         encoding="utf-8")
    rows = list(csv.DictReader(EXAMPLE.read_text(encoding="utf-8-sig").splitlines()))
    actuals = tmp_path / "a27.csv"
    with actuals.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows({**r, "target": f"{r['target']}_{k}"} for k in range(3) for r in rows)
    return plan_file, actuals


def test_brief_of_27_targets_prints_on_two_pages(tmp_path: Path) -> None:
    """Issue 9 (README): 27 targets do not fit one A4 page; they print on 2, and no group
    section is split (the print CSS keeps each section whole: break-inside: avoid)."""
    plan_file, actuals = _plan_of_27(tmp_path)
    page = tmp_path / "brief27.html"
    result = CliRunner().invoke(app, ["summary", str(actuals), "--targets", str(plan_file),
                                      "--format", "html", "--output", str(page)])
    assert result.exit_code == 1, result.stderr
    assert "section.group{break-inside:avoid" in page.read_text(encoding="utf-8")
    pdf = tmp_path / "brief27.pdf"
    run_browser(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    pages = re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf.read_bytes())
    assert len(pages) == 2, f"27 targets print on {len(pages)} pages"
