"""The official report as one printable HTML page (render/report_html.py): its structure, and
in a real headless browser (skipped unless HAULOC_REQUIRE_BROWSER=1, which .ci/run sets)
27 targets in four groups print on at most two A4 pages with no group split across them."""

from __future__ import annotations

import html
import os
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from hauloc_cli.inputs.plan_file import load_plan
from hauloc_cli.render import Options
from hauloc_cli.render.report.html import render
from tests.conftest import PLAN_2024
from tests.render.report.annex_support import annex_of, annex_of_27, annex_with_units, with_info


class _Tables(HTMLParser):
    """Per table: its headings, and per tbody its rows' cells (text, colspan)."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[dict[str, list]] = []  # type: ignore[type-arg]
        self.links: list[str] = []
        self._cell: list[str] | None = None
        self._span = 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.links += [v or "" for k, v in attrs if k in ("src", "href")]
        if tag == "table":
            self.tables.append({"heads": [], "bodies": []})
        elif tag == "tbody":
            self.tables[-1]["bodies"].append([])
        elif tag == "tr" and self.tables[-1]["bodies"]:
            self.tables[-1]["bodies"][-1].append([])
        elif tag in ("td", "th"):
            self._cell, self._span = [], int(found.get("colspan") or 1)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            text = "".join(self._cell).replace("\u200b", "")
            if tag == "th":
                self.tables[-1]["heads"].append(text)
            else:
                self.tables[-1]["bodies"][-1][-1].append((text, self._span))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def parsed(page: str) -> _Tables:
    parser = _Tables()
    parser.feed(page)
    return parser


def page_of(annex: object, lang: str = "vi") -> str:
    return render(annex, Options(lang=lang))  # type: ignore[arg-type]


def test_the_letterhead_in_vietnamese() -> None:
    page = page_of(annex_of())
    assert page.startswith('<!DOCTYPE html>\n<html lang="vi">')
    assert ('<p class="issuer">ỦY BAN NHÂN DÂN</p><p class="issuer">HUYỆN HẬU LỘC</p>'
            '<hr class="issuer-rule"><p class="number">Số:       /BC-UBND</p>') in page
    assert ('<p class="nation">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>'
            '<p class="motto">Độc lập - Tự do - Hạnh phúc</p><hr class="motto-rule">'
            '<p class="dated">Hậu Lộc, ngày 05 tháng 10 năm 2024</p>') in page
    assert ("<h1>BÁO CÁO<span>Kết quả thực hiện các chỉ tiêu kinh tế - xã hội 9 tháng năm "
            "2024</span></h1>") in page
    # the letter's sentences, as test_letterhead works them out
    assert '<p class="heading"><b>II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN</b></p>' in page
    assert ('<p class="heading"><b>I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU</b> (chi tiết tại Phụ lục '
            'kèm theo)</p>') in page
    assert ('<p class="group"><b>2. Văn hóa - xã hội:</b> Trường học đạt chuẩn quốc gia (thêm) '
            'đạt 9 trường, bằng 75,0% kế hoạch năm (12 trường); đúng tiến độ.</p>') in page
    assert '; Sản phẩm OCOP mới: mỗi quý còn lại cần 2 sản phẩm; ' in page
    # the annex's note column is a cell, not the annex's italic, centred note line
    assert '<p class="note">(Kèm theo Báo cáo số' in page and "td.note" not in page
    # no name in the shipped plan: an empty name line under the room to sign
    assert ('<div class="signer"><p>TM. ỦY BAN NHÂN DÂN</p><p>CHỦ TỊCH</p>'
            '<p class="name"></p></div>') in page
    assert ('<div class="recipients"><p>Nơi nhận:</p><p>- ……………;</p><p>- ……………;</p>'
            '<p>- Lưu: VT.</p></div>') in page
    # the annex is a section of its own, which the print starts on a new (landscape) page
    assert '</section>\n<section class="annex"><h2>PHỤ LỤC' in page
    assert "<h2>PHỤ LỤC<span>KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI 9 THÁNG" in page


def test_the_annex_table_one_tbody_per_group() -> None:
    tables = parsed(page_of(annex_of())).tables
    assert len(tables) == 1
    table = tables[0]
    assert table["heads"] == ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2024",
                              "Thực hiện 9 tháng năm 2024", "So với kế hoạch (%)", "Đánh giá",
                              "Ghi chú"]
    bodies = table["bodies"]
    assert [body[0] for body in bodies] == [
        [("I", 1), ("KINH TẾ", 7)], [("II", 1), ("VĂN HÓA - XÃ HỘI", 7)],
        [("III", 1), ("MÔI TRƯỜNG", 7)], [("IV", 1), ("QUỐC PHÒNG - AN NINH", 7)]]
    assert [len(body) - 1 for body in bodies] == [6, 1, 1, 1]
    assert [text for text, _ in bodies[0][1]] == [
        "1", "Tốc độ tăng trưởng giá trị sản xuất", "%", "12,0", "10,9", "90,8",
        "Có nguy cơ không đạt", "Ước tính"]
    assert [text for text, _ in bodies[0][2]][2] == "triệu đồng/người/năm"


def test_print_css_self_contained() -> None:
    page = page_of(annex_of())
    css = page[page.index("<style>"):page.index("</style>")]
    # Decree 30's margins; the page number at the top from the second page; the annex and
    # the table by unit on landscape pages; printed at 13 pt, tables at 10–10.5 pt
    assert "@page{size:A4;margin:20mm 15mm 20mm 30mm;" in css
    assert "@top-center{content:counter(page)" in css
    assert "@page:first{@top-center{content:none}}" in css
    assert "@page annex{size:A4 landscape}" in css
    assert " body{font-size:13pt;" in css and " table{font-size:10.5pt;" in css
    assert " th{font-size:10pt;" in css and " table.units{font-size:10pt}" in css
    # a first face with every Vietnamese letter, before Liberation Serif (issue 24)
    assert 'font-family:"Noto Serif",Tinos,"Times New Roman","Liberation Serif"' in css
    assert "tbody{break-inside:avoid" in css and "thead{display:table-header-group}" in css
    assert "Times New Roman" in css
    assert "url(" not in css and "@import" not in css
    assert parsed(page).links == []
    assert "<script" not in page


def test_english_and_a_plan_without_issuer_place_or_signer() -> None:
    page = page_of(annex_of(), "en")
    assert '<html lang="en">' in page
    assert '<p class="nation">SOCIALIST REPUBLIC OF VIET NAM</p>' in page
    assert "<th>Actual, nine months of 2024</th>" in page
    plan = load_plan(PLAN_2024)
    bare = page_of(annex_of(plan=with_info(plan, issuer=None, place=None, signer=None)))
    assert '<p class="issuer">HUYỆN HẬU LỘC — CHỈ TIÊU NĂM 2024</p>' in bare
    assert '<p class="dated">Ngày 05 tháng 10 năm 2024</p>' in bare
    # no signer: Decree 30's placeholders
    assert ('<div class="signer"><p>QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ</p>'
            '<p class="name">Họ và tên</p></div>') in bare


def test_text_from_files_is_escaped() -> None:
    plan = load_plan(PLAN_2024)
    odd = plan.model_copy(update={
        "targets": [t.model_copy(update={"name": "OCOP <b>&</b>"}) if t.id == "ocop_products"
                    else t for t in plan.targets],
        "plan": plan.plan.model_copy(update={"issuer": ("<i>UBND</i>",)})})
    page = page_of(annex_of(plan=odd))
    assert "<b>&</b>" not in page and "<i>UBND</i>" not in page
    assert "OCOP &lt;b&gt;&amp;&lt;/b&gt;" in page and "&lt;I&gt;UBND&lt;/I&gt;" in page


def test_the_table_by_unit() -> None:
    """A row per commune, a column per target, the compiled total and who reported (the
    figures as test_annex_cells works them out)."""
    page = page_of(annex_with_units())
    assert '<section class="by-unit"><h3>KẾT QUẢ THEO ĐƠN VỊ</h3><table class="units">' in page
    units = parsed(page).tables[1]
    assert units["heads"] == [
        "STT", "Đơn vị", "(1) Xã đạt chuẩn nông thôn mới kiểu mẫu (thêm) (xã)",
        "(2) Xã đạt chuẩn nông thôn mới nâng cao (thêm) (xã)",
        "(3) Sản phẩm OCOP mới (sản phẩm)", "(4) Trường học đạt chuẩn quốc gia (thêm) (trường)",
        "(5) Tỷ lệ xã, thị trấn đạt chuẩn an ninh - trật tự", "Đánh giá (5)", "Ghi chú"]
    rows = [[text for text, _ in row] for body in units["bodies"] for row in body]
    assert len(rows) == 22 + 2
    assert rows[13] == ["14", "Xã Hoa Lộc", "1", "0", "0", "0", "đã đạt", "Đạt", ""]
    assert rows[21][-3:] == ["đã đạt (6 tháng)", "Đạt", "Chưa báo cáo: (5)"]
    assert rows[-2:] == [["", "Tổng hợp", "1", "1", "4", "9", "95,45", "", ""],
                         ["", "Đã báo cáo", "22/22", "22/22", "22/22", "22/22", "21/22", "", ""]]


# In a real browser: the print.

needs_browser = pytest.mark.skipif(os.environ.get("HAULOC_REQUIRE_BROWSER") != "1",
                                   reason="set HAULOC_REQUIRE_BROWSER=1 to run chromium")


def printed(tmp_path: Path, page: str, name: str) -> Path:
    from tests.render.summary.test_html_browser import run_browser

    source = tmp_path / f"{name}.html"
    source.write_text(page, encoding="utf-8")
    pdf = tmp_path / f"{name}.pdf"
    run_browser(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", source.as_uri())
    return pdf


def orientations(pdf: Path) -> list[str]:
    """Each page's orientation, every page A4 (210 × 297 mm, 595.3 × 841.9 points)."""
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", str(pdf)], capture_output=True,
                          text=True, check=True).stdout
    sizes = [(float(w), float(h)) for w, h in
             re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info)]
    assert all(abs(min(w, h) - 595.3) < 1 and abs(max(w, h) - 841.9) < 1 for w, h in sizes)
    return ["portrait" if w < h else "landscape" for w, h in sizes]


def pages_text(pdf: Path) -> list[str]:
    sizes = orientations(pdf)
    return [subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), "-layout", str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout
            for n in range(1, len(sizes) + 1)]


@pytest.mark.slow
@needs_browser
def test_27_targets_print_the_letter_portrait_and_the_annex_on_two_landscape_pages(
        tmp_path: Path) -> None:
    """Looked at (pdftoppm): the letter of 27 sentences (a paragraph per group) on 2
    portrait pages, the signer's name on the second; the annex on 2 landscape pages, its
    header repeated."""
    annex, _ = annex_of_27(tmp_path)
    pdf = printed(tmp_path, page_of(annex), "report27")
    pages = pages_text(pdf)
    assert orientations(pdf) == ["portrait"] * 2 + ["landscape"] * 2
    assert "Nguyễn Văn An" in pages[1] and "PHỤ LỤC" in pages[2]
    assert all("Thực hiện" in page for page in pages[2:])


@pytest.mark.slow
@needs_browser
def test_27_targets_print_with_no_group_split(tmp_path: Path) -> None:
    annex, names = annex_of_27(tmp_path)
    pages = pages_text(printed(tmp_path, page_of(annex), "report27"))
    heads = {"economy": r"I\s+KINH TẾ", "society": r"II\s+VĂN HÓA - XÃ HỘI",
             "environment": r"III\s+MÔI TRƯỜNG", "security": r"IV\s+QUỐC PHÒNG - AN NINH"}
    for group, targets in names.items():
        # a row of the table: its number, then the name (the letter's bullets start '- ')
        rows = {n for name in targets for n, text in enumerate(pages)
                if re.search(rf"^\s*\d+\s+{name}\b", text, re.MULTILINE)}
        found = {n for n, text in enumerate(pages)
                 if re.search(rf"^\s*{heads[group]}\s*$", text, re.MULTILINE)}
        assert len(rows) == 1 and rows == found, (group, rows, found)
        page = pages[rows.pop()]
        assert all(re.search(rf"^\s*\d+\s+{name}\b", page, re.MULTILINE) for name in targets)
    assert "Nguyễn Văn An" in "".join(pages) and "PHỤ LỤC" in "".join(pages)


@pytest.mark.slow
@needs_browser
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_example_prints_with_its_text(tmp_path: Path, lang: str) -> None:
    pdf = printed(tmp_path, page_of(annex_of(), lang), f"report-{lang}")
    pages = pages_text(pdf)
    # looked at (pdftoppm): the letter on a portrait page and two lines of the next (Noto
    # Serif is wider than Times New Roman), which the signature block and Nơi nhận go with,
    # never alone on a page; the annex on a landscape page of its own; page numbers from the
    # second page on
    assert orientations(pdf) == ["portrait", "portrait", "landscape"]
    assert [p.split()[0] for p in pages[1:]] == ["2", "3"]
    assert not pages[0].split()[0].isdigit()
    annex = {"vi": "PHỤ LỤC", "en": "ANNEX"}[lang]
    assert [annex in p.split("\n", 3)[2] for p in pages] == [False, False, True]
    assert "TM. ỦY BAN NHÂN DÂN" in pages[1]
    body = pages[1].split("\n", 2)[2].split({"vi": "Nơi nhận", "en": "Recipients"}[lang])[0]
    assert len(body.split()) >= 5, body  # the block kept with the letter's last lines
    text = " ".join(" ".join(pages).split())
    for words in ({"vi": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "en": "SOCIALIST REPUBLIC"}[lang],
                  {"vi": "Hậu Lộc, ngày 05 tháng 10 năm 2024", "en": "Hậu Lộc, 5 October 2024"
                   }[lang], "TM. ỦY BAN NHÂN DÂN",
                  {"vi": "Tốc độ tăng trưởng giá trị sản xuất",
                   "en": "Growth of production value"}[lang],
                  {"vi": "90,8", "en": "90.8"}[lang]):
        assert words in text, words


# The screen layout at 1240 px (issue 24, "How we will know"): a script added to the page for
# the test measures, once laid out, every word of every table cell — a figure is a word — and
# writes into the page the words whose characters sit on more than one line (their range's
# client rectangles at more than one height), with the window's width; Chromium's
# --dump-dom then gives the page back as it stands after the script. Words are what lies
# between spaces and the zero-width spaces the page puts after the slashes of a unit
# (đồng/​người/​năm); a compound may break after a hyphen between letters (new-rural).
MEASURE = """<script>
(function () {
  var split = [], words = 0, figures = 0;
  document.querySelectorAll("table td, table th").forEach(function (cell) {
    if (cell.classList.contains("figure")) { figures += 1; }
    var walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var re = /[^\\s\\u200b]+/g, m;
      while ((m = re.exec(node.data)) !== null) {
        // a compound may break after its hyphen (new-/rural), as print does; nothing else
        var at = m.index;
        m[0].split(/(?<=\\p{L}-)/u).forEach(function (piece) {
          var range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + piece.length);
          at += piece.length;
          var tops = {};
          Array.prototype.forEach.call(range.getClientRects(), function (r) {
            if (r.width > 0) { tops[Math.round(r.top)] = true; }
          });
          words += 1;
          if (Object.keys(tops).length > 1) { split.push(piece); }
        });
      }
    }
  });
  var out = document.createElement("pre");
  out.id = "layout";
  out.textContent = JSON.stringify({width: window.innerWidth, words: words,
                                    figures: figures, split: split});
  document.body.appendChild(out);
})();
</script>"""


def screen_layout(tmp_path: Path, page: str, name: str) -> dict[str, object]:
    import json

    from tests.render.summary.test_html_browser import run_browser

    source = tmp_path / f"{name}.html"
    source.write_text(page.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    done = run_browser(tmp_path, "--window-size=1240,1754", "--virtual-time-budget=2000",
                       "--dump-dom", source.as_uri())
    found = re.search(r'<pre id="layout">(.*?)</pre>', done.stdout.decode("utf-8"), re.S)
    assert found, done.stdout.decode("utf-8")[-2000:]
    layout: dict[str, object] = json.loads(html.unescape(found.group(1)))
    return layout


@pytest.mark.slow
@needs_browser
@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("which", ["example", "22-communes"])
def test_no_figure_or_word_is_split_on_screen_at_1240_px(tmp_path: Path, lang: str,
                                                          which: str) -> None:
    """Issue 24: "361.20 / 0", "ST / T", "31/05/202 / 4)" — on screen at 1240 px no figure and
    no word of the annex or the table by unit is broken over two lines."""
    annex = annex_of() if which == "example" else annex_with_units()
    layout = screen_layout(tmp_path, page_of(annex, lang), f"{which}-{lang}")
    assert layout["width"] == 1240, layout  # the layout measured is the one asked for
    # the cells marked as figures: at least the plan and the figure of the 9 targets
    assert isinstance(layout["figures"], int) and layout["figures"] >= 18
    assert isinstance(layout["words"], int) and layout["words"] > 100
    assert layout["split"] == [], layout


@pytest.mark.slow
@needs_browser
def test_the_split_check_sees_a_split(tmp_path: Path) -> None:
    """The measure itself: a figure in a cell too narrow for it is found split."""
    page = ("<!DOCTYPE html><html><body><table><tr><td class='figure' style='width:1px;"
            "word-break:break-all'>361.200</td><td>Số liệu</td></tr></table></body></html>")
    layout = screen_layout(tmp_path, page, "narrow")
    assert layout["split"] == ["361.200"], layout


@pytest.mark.slow
@needs_browser
def test_166_communes_print_under_their_heading_in_chromium(tmp_path: Path) -> None:
    """Issue 24: printed, the HTML table by unit of 166 communes repeats its heading row on
    every page and holds every commune."""
    from tests.render.report.test_xlsx import annex_of_166

    pages = pages_text(printed(tmp_path, page_of(annex_of_166(tmp_path)), "communes166"))
    first = next(n for n, text in enumerate(pages) if "KẾT QUẢ THEO ĐƠN VỊ" in text)
    by_unit = pages[first:]
    assert len(by_unit) >= 3, len(pages)
    for text in by_unit:
        assert "STT" in text and "Đơn vị" in text and "Đánh giá (2)" in text, text[:300]
    flat = " ".join(by_unit)
    assert all(f"Xã {n:03d}" in flat for n in range(1, 167))
    assert "165/166" in by_unit[-1]
