"""Broken, hostile and racing inputs (issue 21): mutated files of every input kind, hostile
files, interruptions during writes, writers racing on one output, closed and full stdout.

Each case runs the real console-script entry point (`hauloc_cli.cli.main`) in a forked child
(the modules are imported once, in the parent), with a time limit and an address-space limit;
a case *holds* when the run ends with a documented exit code (0, 1, 2, 3; 130 and 141 where a
signal or a closed pipe is the point), prints no traceback, stays within its limits, changes
no input and leaves no half-written output.

    python bench/robust.py --cases 10000            # the long campaign: docs/reliability.md
    python bench/robust.py --cases 300 --no-write   # a short one, as the tests run it

`tests/test_robust_campaign.py` runs a bounded number of cases from the same generators.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import hashlib
import io
import os
import random
import re
import resource
import signal
import sys
import tempfile
import time
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "data" / "targets_2024.yaml"
UNITS = ROOT / "data" / "units_hau_loc_2024.yaml"
LONG = ROOT / "examples" / "actuals_2024.csv"
ANNEX = ROOT / "examples" / "annex_9_thang_2024.csv"
COMMUNES = ROOT / "examples" / "communes_2024"
ASSETS = ROOT / "tests" / "assets"

TIME_LIMIT = 20.0  # seconds per case
MEMORY_LIMIT = 2 * 1024**3  # bytes of address space per case
DOCUMENTED = {0, 1, 2, 3}

SPECIAL = [b"\x00", b"\x07", b"\x1b", b"\x0b", b"\xef\xbf\xbf", b"\xff\xfe", b"\xfe\xff",
           b"\xef\xbb\xbf", b'"', b'""', b"\r", b"\n", b"\r\n", b",", b";", b"\t", b"9" * 5000,
           b"1e400", b"-0", b"nan", b"inf", b"&a [*a, *a]", b"{", b"[", b": ", b"- ", b"\\",
           "Quý I".encode(), "6 tháng".encode(), b"2024-Q5", b"9" * 300, b"x" * 140_000,
           b"\xc3", b"\xe1\xbb", b"\xa0", "\u200b".encode(), b"<<: *a", b"!!python/object",
           b"target: 6\n    target: 60", b"id: a\n  id: b"]


@dataclasses.dataclass
class Outcome:
    kind: str
    held: bool
    what: str  # "held", "traceback", "hang", "memory", "exit N", "input changed", …
    seconds: float
    detail: str = ""


# ---------------------------------------------------------------------------- running a case

def preload() -> None:
    """Import what the runs use once, so that each forked case starts at once."""
    import openpyxl  # noqa: F401
    import python_calamine  # noqa: F401
    import yaml  # noqa: F401

    import hauloc_cli.cli  # noqa: F401


def _address_space() -> int:
    """The bytes of address space this process holds now (a forked child starts with its
    parent's: a test run's is far larger than hauloc's own)."""
    with open("/proc/self/statm", encoding="ascii") as handle:
        return int(handle.read().split()[0]) * resource.getpagesize()


def run_case(args: list[str], workdir: Path, *, stdin: bytes | None = None,
             time_limit: float = TIME_LIMIT, memory: int = MEMORY_LIMIT,
             stdout: str = "file", interrupt: tuple[int, float] | None = None
             ) -> tuple[int | str, bytes, bytes, float]:
    """Run `hauloc ARGS` in a forked child; (exit code or "hang"/"memory"/"signal N",
    stdout, stderr, seconds). `stdout`: "file", "closed", "full" or "broken"."""
    out_path, err_path = workdir / ".stdout", workdir / ".stderr"
    stdin_path = workdir / ".stdin"
    if stdin is not None:
        stdin_path.write_bytes(stdin)
    reader = -1
    if stdout == "broken":
        reader, writer = os.pipe()
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:  # the child
        try:
            os.setsid()
            with contextlib.suppress(ValueError, OSError):  # on top of what the parent holds
                limit = memory + _address_space()
                resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
            signal.signal(signal.SIGINT, signal.default_int_handler)
            fd = os.open(stdin_path if stdin is not None else os.devnull, os.O_RDONLY)
            os.dup2(fd, 0)
            err = os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(err, 2)
            if stdout == "file":
                os.dup2(os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644), 1)
            elif stdout == "full":
                os.dup2(os.open("/dev/full", os.O_WRONLY), 1)
            elif stdout == "broken":
                os.close(reader)
                os.dup2(writer, 1)
            else:
                os.close(1)
            os.chdir(workdir)
            sys.stdin = io.TextIOWrapper(os.fdopen(0, "rb", closefd=False))
            sys.stdout = (None if stdout == "closed"
                          else io.TextIOWrapper(os.fdopen(1, "wb", closefd=False),
                                                line_buffering=False))
            sys.stderr = io.TextIOWrapper(os.fdopen(2, "wb", closefd=False), write_through=True)
            sys.argv = ["hauloc", *args]
            from hauloc_cli.cli import main

            main()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1
            with contextlib.suppress(Exception):
                if sys.stdout is not None:
                    sys.stdout.flush()
            with contextlib.suppress(Exception):
                sys.stderr.flush()
            os._exit(code)
        except MemoryError:
            os._exit(99)
        except BaseException:  # noqa: BLE001 - whatever escaped main is a finding
            import traceback

            with contextlib.suppress(Exception):
                traceback.print_exc()
                sys.stderr.flush()
            os._exit(98)
        os._exit(97)  # pragma: no cover
    if stdout == "broken":
        os.close(writer)
        os.close(reader)
    status: int | str = "hang"
    sent = False
    while True:
        done, raw = os.waitpid(pid, os.WNOHANG)
        elapsed = time.monotonic() - start
        if done:
            if os.WIFEXITED(raw):
                status = os.WEXITSTATUS(raw)
                if status == 99:
                    status = "memory"
            else:
                status = f"signal {os.WTERMSIG(raw)}"
            break
        if interrupt is not None and not sent and elapsed >= interrupt[1]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, interrupt[0])
            sent = True
        if elapsed > time_limit:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            status = "hang"
            break
        time.sleep(0.002)
    elapsed = time.monotonic() - start
    said = out_path.read_bytes() if out_path.exists() else b""
    complained = err_path.read_bytes() if err_path.exists() else b""
    return status, said, complained, elapsed


def digest(paths: list[Path]) -> dict[str, str]:
    found = {}
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            with contextlib.suppress(OSError):
                found[str(f)] = hashlib.sha256(f.read_bytes()).hexdigest()
    return found


def judge(kind: str, status: int | str, err: bytes, seconds: float,
          allowed: set[int] = DOCUMENTED) -> Outcome:
    text = err.decode("utf-8", "replace")
    if status == "hang":
        return Outcome(kind, False, "hang", seconds)
    if status == "memory" or "MemoryError" in text:
        return Outcome(kind, False, "memory", seconds, text[-300:])
    if "Traceback" in text or status == 4 or status in (97, 98):
        return Outcome(kind, False, "traceback", seconds, text[-600:])
    if status not in allowed:
        return Outcome(kind, False, f"exit {status}", seconds, text[-300:])
    return Outcome(kind, True, "held", seconds)


# ------------------------------------------------------------------------------ the mutators

def mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    """One to four edits: flip, cut, insert a special string, repeat or drop a slice."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        n = len(out)
        op = rng.randrange(7)
        at = rng.randrange(n + 1) if n else 0
        if op == 0 and n:
            out[min(at, n - 1)] ^= 1 << rng.randrange(8)
        elif op == 1:
            del out[at:at + rng.randint(1, 64)]
        elif op == 2:
            out[at:at] = rng.choice(SPECIAL)
        elif op == 3 and n:
            piece = out[at:at + rng.randint(1, 200)]
            out[at:at] = piece * rng.randint(2, 20)
        elif op == 4:
            out = out[:at]
        elif op == 5 and n:
            line_start = out.rfind(b"\n", 0, at) + 1
            line_end = out.find(b"\n", at)
            line = out[line_start:line_end if line_end >= 0 else n]
            out[line_start:line_start] = line + b"\n"  # a line twice (a duplicate key, row)
        else:
            out[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
    return bytes(out)


def mutate_zip(data: bytes, rng: random.Random) -> bytes:
    """A workbook mutated in its XML (and zipped again), or in its raw bytes (CRC, headers),
    or with a directory that says a part is smaller than it is."""
    how = rng.randrange(4)
    if how == 0:
        return mutate_bytes(data, rng)
    try:
        src = zipfile.ZipFile(io.BytesIO(data))
        parts = [(i, src.read(i)) for i in src.infolist()]
    except Exception:  # noqa: BLE001 - already broken: mutate its bytes
        return mutate_bytes(data, rng)
    if how == 3:  # understate a part's size in the central directory and local header
        raw = bytearray(data)
        info = rng.choice(src.infolist())
        for base in (info.header_offset,):
            with contextlib.suppress(Exception):
                raw[base + 22:base + 26] = max(info.file_size // 3, 1).to_bytes(4, "little")
        cd = raw.rfind(b"PK\x01\x02" + raw[info.header_offset + 4:info.header_offset + 6])
        if cd >= 0:
            raw[cd + 24:cd + 28] = max(info.file_size // 3, 1).to_bytes(4, "little")
        return bytes(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, body in parts:
            if (how == 1 and info.filename.endswith(".xml") and rng.random() < 0.6) or (
                    how == 2 and rng.random() < 0.2):
                body = mutate_bytes(body, rng)
            if how == 2 and rng.random() < 0.05:
                continue  # a part missing
            dst.writestr(info.filename, body)
    return out.getvalue()


# ----------------------------------------------------------------------- the kinds of cases

@dataclasses.dataclass
class Seed:
    kind: str
    data: bytes
    suffix: str
    role: str  # "actuals", "plan", "units"
    zipped: bool = False


def seeds() -> list[Seed]:
    found = [Seed("long-csv", LONG.read_bytes(), ".csv", "actuals"),
             Seed("annex-csv", ANNEX.read_bytes(), ".csv", "actuals"),
             Seed("plan", PLAN.read_bytes(), ".yaml", "plan"),
             Seed("units-yaml", UNITS.read_bytes(), ".yaml", "units"),
             Seed("units-csv", b"id,name,parent,kind,population\nhau_loc,H\xe1\xba\xadu L\xe1"
                  b"\xbb\x99c,,district,199978\nthi_tran,Th\xe1\xbb\x8b tr\xe1\xba\xa5n,"
                  b"hau_loc,town,\n", ".csv", "units")]
    for asset in sorted(ASSETS.glob("actuals.*.xlsx"))[:8]:
        found.append(Seed("xlsx", asset.read_bytes(), ".xlsx", "actuals", zipped=True))
    for asset in sorted(ASSETS.glob("*.ods")):
        found.append(Seed("ods", asset.read_bytes(), ".ods", "actuals", zipped=True))
    return found


def mutated_case(seed: Seed, rng: random.Random, workdir: Path) -> tuple[list[str], list[Path]]:
    """Write a mutation of `seed` and return the command line and the inputs to watch."""
    data = mutate_zip(seed.data, rng) if seed.zipped else mutate_bytes(seed.data, rng)
    path = workdir / f"input{seed.suffix}"
    path.write_bytes(data)
    out = workdir / rng.choice(["out.txt", "out.json", "out.xlsx", "out.docx"])
    with contextlib.suppress(FileNotFoundError):
        out.unlink()
    if seed.role == "plan":
        command = rng.choice([
            ["validate", "-t", path], ["check", LONG, "-t", path],
            ["report", LONG, "-t", path, "-f", "docx", "-o", workdir / "r.docx", "--force"],
            ["report", LONG, "-t", path, "-f", "xlsx", "-o", workdir / "r.xlsx", "--force"],
            ["template", "-t", path, "-f", "xlsx", "-o", workdir / "t.xlsx", "--force"],
            ["summary", LONG, "-t", path], ["targets", "-t", path]])
    elif seed.role == "units":
        command = rng.choice([
            ["check", COMMUNES, "--units", path],
            ["check", COMMUNES, "--units", path, "-f", "json"],
            ["template", "--units", path, "-o", workdir / "t.csv", "--force"]])
    else:
        command = rng.choice([
            ["check", path], ["check", path, "-f", "json", "-o", out, "--force"]
            if out.suffix == ".json" else ["check", path, "-f", "csv"],
            ["validate", path], ["summary", path],
            ["report", path, "-f", "docx", "-o", workdir / "r.docx", "--force"],
            ["check", path, "--encoding", rng.choice(["utf-16", "cp1258", "utf-8"])]
            if seed.suffix == ".csv" else ["check", path, "--sheet", "Sheet1"]])
    watched = [path, PLAN, UNITS, LONG, COMMUNES]
    return [str(a) for a in command], watched


def hostile_files(workdir: Path) -> Iterator[tuple[str, list[str], bytes | None]]:
    """Named hostile inputs: (name, command line, stdin)."""
    from openpyxl import Workbook

    plan = PLAN.read_text(encoding="utf-8")
    def w(name: str, data: bytes) -> str:
        (workdir / name).write_bytes(data)
        return str(workdir / name)

    yield "urandom as --targets", ["validate", "-t", "/dev/urandom", "--max-size", "5"], None
    yield "urandom as --units", ["check", str(COMMUNES), "--units", "/dev/urandom",
                                "--max-size", "5"], None
    yield "zero as actuals", ["check", "/dev/zero", "--max-size", "5"], None
    yield "units from a pipe", ["check", str(COMMUNES), "--units", "/dev/stdin",
                                "--max-size", "3"], b"id,name\n" + b"x,y\n" * 1_000_000
    yield "yaml bomb", ["validate", "-t", w("bomb.yaml", b"a: &a [x,x,x,x,x,x,x,x,x]\n" + b"".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},"
        f"*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]\n".encode()
        for i in range(9)))], None
    yield "deep nesting", ["validate", "-t", w("deep.yaml", b"[" * 5000 + b"]" * 5000)], None
    yield "duplicate target", ["validate", "-t", w("dup.yaml", plan.replace(
        "kind: annual\n", "kind: annual\n    kind: annual\n", 1).encode())], None
    yield "5000-digit integer", ["check", str(LONG), "-t", w("big.yaml", re.sub(
        r"target: [0-9.]+", "target: " + "9" * 5000, plan, count=1).encode())], None
    yield "4000-digit integer", ["check", str(LONG), "-t", w("big4.yaml", re.sub(
        r"target: [0-9.]+", "target: " + "9" * 4000, plan, count=1).encode())], None
    for name, esc in (("NUL", "\\0"), ("BEL", "\\a"), ("ESC", "\\e"), ("VT", "\\v"),
                      ("U+FFFF", "\\uFFFF")):
        bad = plan.replace("name: Huyện Hậu Lộc — chỉ tiêu năm 2024",
                           f'name: "Huyện{esc} Hậu Lộc"', 1).replace(
            "name: Tốc độ tăng trưởng giá trị sản xuất", f'name: "Tốc độ{esc} tăng"', 1)
        p = w(f"ctl-{name}.yaml", bad.encode())
        yield f"{name} in names, report docx", ["report", str(LONG), "-t", p, "-f", "docx", "-o",
                                                str(workdir / "c.docx"), "--force"], None
        yield f"{name} in names, report xlsx", ["report", str(LONG), "-t", p, "-f", "xlsx", "-o",
                                                str(workdir / "c.xlsx"), "--force"], None
        yield f"{name} in names, template xlsx", ["template", "-t", p, "-o",
                                                  str(workdir / "t.xlsx"), "--force"], None
    yield "units csv cp1258", ["check", str(COMMUNES), "--units", w(
        "u1258.csv", "id,name,parent,kind\nhau_loc,Café,,district\n".encode("latin-1"))], None
    yield "units csv huge field", ["check", str(COMMUNES), "--units", w(
        "uhuge.csv", b"id,name,parent,kind\nx," + b"a" * 140_000 + b",,district\n")], None
    yield "utf-16 le without mark", ["check", w("a16.csv", LONG.read_text("utf-8").encode(
        "utf-16-le")), "--encoding", "utf-16"], None
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.append(["target", "period", "value"])
    for _ in range(50):
        sheet.append(["production_growth", "2024-Q1", 9.5])
    buffer = io.BytesIO()
    book.save(buffer)
    good = buffer.getvalue()
    yield "xlsx without a sheet", ["check", w("nosheet.xlsx", _without_sheets(good))], None
    raw = bytearray(good)
    info = zipfile.ZipFile(io.BytesIO(good)).getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    broken = bytearray(raw)
    broken[start + 5] ^= 0xFF
    yield "xlsx corrupt data", ["check", w("crc.xlsx", bytes(broken))], None
    broken = bytearray(raw)
    broken[info.header_offset + 26] ^= 1
    yield "xlsx local header mismatch", ["check", w("lh.xlsx", bytes(broken))], None
    yield "xlsx directory understates", ["check", w("under.xlsx", mutate_zip(
        good, _Fixed(3)))], None
    yield "xlsx of blank rows", ["check", w("blank.xlsx", _sheet_xml(
        b"".join(b'<row r="%d"/>' % i for i in range(1, 2_000_000))))], None
    yield "xlsx repeated shared strings", ["check", w("sst.xlsx", _sheet_xml(
        b'<row r="1"><c r="A1" t="s"><v>0</v></c></row>' * 1, shared=b"<si><t>"
        + b"x" * 1000 + b"</t></si>" * 1)) ], None
    yield "xlsx rows past Excel's limit", ["check", w("rows.xlsx", _sheet_xml(
        b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (i, i)
                 for i in range(1, 1_100_000))))], None
    yield "-o name over 255 bytes", ["check", str(LONG), "-o", str(workdir / ("x" * 300))], None
    yield "-o name of 255 bytes", ["check", str(LONG), "-o", str(workdir / ("y" * 255))], None


class _Fixed(random.Random):
    def __init__(self, how: int) -> None:
        super().__init__(0)
        self.how = how

    def randrange(self, *args: int) -> int:  # type: ignore[override]
        return self.how if args == (4,) else super().randrange(*args)


def _without_sheets(book: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(book))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename.startswith("xl/worksheets/"):
                continue
            if info.filename == "xl/workbook.xml":
                body = re.sub(rb"<sheets>.*</sheets>", b"<sheets/>", body)
            dst.writestr(info.filename, body)
    return out.getvalue()


def _sheet_xml(rows: bytes, shared: bytes | None = None) -> bytes:
    """A minimal xlsx whose one sheet holds `rows` (and shared strings `shared`)."""
    out = io.BytesIO()
    ns = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", b'<?xml version="1.0"?><Types xmlns="http://schemas.'
                   b'openxmlformats.org/package/2006/content-types"><Default Extension="rels" '
                   b'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   b'<Default Extension="xml" ContentType="application/xml"/><Override '
                   b'PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
                   b'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/'
                   b'worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
                   b'officedocument.spreadsheetml.worksheet+xml"/></Types>')
        z.writestr("_rels/.rels", b'<?xml version="1.0"?><Relationships xmlns="http://schemas.'
                   b'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
                   b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                   b'officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", b'<?xml version="1.0"?><workbook ' + ns + b" " + rel
                   + b'><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", b'<?xml version="1.0"?><Relationships xmlns='
                   b'"http://schemas.openxmlformats.org/package/2006/relationships"><Relationship'
                   b' Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                   b'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
                   + (b'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/'
                      b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.'
                      b'xml"/>' if shared else b"") + b"</Relationships>")
        z.writestr("xl/worksheets/sheet1.xml", b'<?xml version="1.0"?><worksheet ' + ns
                   + b"><sheetData>" + rows + b"</sheetData></worksheet>")
        if shared:
            z.writestr("xl/sharedStrings.xml", b'<?xml version="1.0"?><sst ' + ns + b">"
                       + shared + b"</sst>")
    return out.getvalue()


# --------------------------------------------------------------------------------- campaign

@dataclasses.dataclass
class Campaign:
    outcomes: list[Outcome] = dataclasses.field(default_factory=list)
    limits: dict[str, str] = dataclasses.field(default_factory=dict)

    def add(self, outcome: Outcome) -> None:
        self.outcomes.append(outcome)

    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.held]


def mutation_cases(campaign: Campaign, count: int, rng: random.Random, workdir: Path,
                   progress: Callable[[int], None] = lambda n: None) -> None:
    pool = seeds()
    for n in range(count):
        seed = rng.choice(pool)
        case = workdir / f"m{n % 4}"
        case.mkdir(exist_ok=True)
        args, watched = mutated_case(seed, rng, case)
        before = digest(watched[1:])
        status, _, err, seconds = run_case(args, case)
        outcome = judge(seed.kind, status, err, seconds)
        if outcome.held and digest(watched[1:]) != before:
            outcome = Outcome(seed.kind, False, "input changed", seconds, " ".join(args))
        if not outcome.held:
            outcome.detail = f"{' '.join(args)}\n{outcome.detail}"
            keep = workdir / "failed"
            keep.mkdir(exist_ok=True)
            with contextlib.suppress(OSError):
                (keep / f"{n}-{seed.kind}{seed.suffix}").write_bytes(
                    (case / f"input{seed.suffix}").read_bytes())
        campaign.add(outcome)
        progress(n)


def hostile_cases(campaign: Campaign, workdir: Path) -> None:
    case = workdir / "hostile"
    case.mkdir(exist_ok=True)
    for name, args, stdin in hostile_files(case):
        status, _, err, seconds = run_case(args, case, stdin=stdin)
        outcome = judge("hostile", status, err, seconds)
        outcome.detail = f"{name}: {outcome.detail}"
        campaign.add(outcome)


def stdout_cases(campaign: Campaign, workdir: Path) -> None:
    """Closed, full and broken stdout for every command that prints."""
    case = workdir / "stdout"
    case.mkdir(exist_ok=True)
    commands = [["--version"], ["--help"], ["check", str(LONG)], ["check", str(LONG), "-f",
                "json"], ["summary", str(LONG)], ["targets"], ["validate", str(LONG)],
                ["template"], ["schema"], ["report", str(LONG), "-f", "markdown"]]
    for command in commands:
        for how, allowed in (("closed", {2}), ("full", {2}), ("broken", {141, 0})):
            status, _, err, seconds = run_case(command, case, stdout=how)
            if how == "broken" and command in (["--version"],):
                allowed = {141, 0}
            outcome = judge(f"stdout {how}", status, err, seconds, allowed)
            lines = err.decode("utf-8", "replace").strip().splitlines()
            if outcome.held and how != "broken" and len(lines) != 1:
                outcome = Outcome(f"stdout {how}", False, "not one line", seconds, repr(lines))
            if outcome.held and how == "broken" and lines:
                outcome = Outcome(f"stdout {how}", False, "not quiet", seconds, repr(lines))
            outcome.detail = f"{' '.join(command)}: {outcome.detail}"
            campaign.add(outcome)
    out = case / "written.json"
    with contextlib.suppress(FileNotFoundError):
        out.unlink()
    status, _, err, seconds = run_case(["check", str(LONG), "-f", "json", "-o", str(out)], case,
                                       stdout="closed")
    outcome = judge("stdout closed", status, err, seconds, {0, 1})
    if outcome.held and not out.exists():
        outcome = Outcome("stdout closed", False, "-o not written", seconds)
    campaign.add(outcome)


def interruption_cases(campaign: Campaign, count: int, rng: random.Random, workdir: Path
                       ) -> None:
    """SIGINT and SIGKILL at random moments of runs writing -o: the output is the old one or
    a whole new one, never a part; SIGINT exits 130 with one line."""
    case = workdir / "interrupt"
    case.mkdir(exist_ok=True)
    out = case / "report.xlsx"
    args = ["report", str(LONG), "-f", "xlsx", "-o", str(out), "--force"]
    run_case(args, case)
    whole = out.read_bytes()
    old = b"an older report\n"
    for _ in range(count):
        out.write_bytes(old)
        sig = rng.choice([signal.SIGINT, signal.SIGKILL])
        status, _, err, seconds = run_case(args, case, interrupt=(sig, rng.uniform(0, 1.2)))
        kind = f"interrupt {signal.Signals(sig).name}"
        allowed = {0, 1, 130} if sig == signal.SIGINT else {0, 1}  # 0, 1: it had finished
        if status == f"signal {int(sig)}":
            status = 130 if sig == signal.SIGINT else 0  # killed before Python could act
        outcome = judge(kind, status, err, seconds, allowed)
        now = out.read_bytes() if out.exists() else b""
        if now not in (old, whole):
            # a report made again differs only in its timestamps; never a part of one
            with contextlib.suppress(Exception):
                zipfile.ZipFile(io.BytesIO(now)).testzip()
                if len(now) > len(whole) // 2:
                    now = whole
        if now not in (old, whole):
            outcome = Outcome(kind, False, "half-written output", seconds)
        if outcome.held and status == 130 and len(err.decode().strip().splitlines()) != 1:
            outcome = Outcome(kind, False, "not one line", seconds, err.decode()[-300:])
        campaign.add(outcome)
    stale = [p for p in case.iterdir() if p.name.startswith(".report.xlsx.")]
    campaign.limits["temporary files left by SIGKILL"] = (
        f"{len(stale)} (removed by the next write once a day old)")


def race_cases(campaign: Campaign, rounds: int, workdir: Path, writers: int = 20) -> None:
    """`writers` runs of `template -o NEW` at once without --force: one writes, the others
    exit 2, the file is whole."""
    case = workdir / "race"
    case.mkdir(exist_ok=True)
    for n in range(rounds):
        out = case / f"t{n}.csv"
        pids = []
        for _ in range(writers):
            pid = os.fork()
            if pid == 0:
                os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
                os.dup2(os.open(os.devnull, os.O_WRONLY), 2)
                sys.argv = ["hauloc", "template", "-o", str(out)]
                from hauloc_cli.cli import main

                try:
                    main()
                except SystemExit as exc:
                    os._exit(exc.code if isinstance(exc.code, int) else 1)
                os._exit(97)
            pids.append(pid)
        codes: Counter[int] = Counter()
        for pid in pids:
            _, raw = os.waitpid(pid, 0)
            codes[os.WEXITSTATUS(raw) if os.WIFEXITED(raw) else -1] += 1
        held = codes == Counter({0: 1, 2: writers - 1}) and out.read_bytes().startswith(
            b"\xef\xbb\xbftarget,period")
        campaign.add(Outcome("race", held, "held" if held else f"codes {dict(codes)}", 0.0))


def disk_full_cases(campaign: Campaign, workdir: Path) -> str:
    """Writes on a 64 KiB tmpfs (root only): a clear exit 2 and nothing left behind."""
    import subprocess

    mount = workdir / "small"
    mount.mkdir(exist_ok=True)
    if os.geteuid() != 0:
        return "skipped: not root (a tmpfs can only be mounted by root)"
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
                          capture_output=True, check=False)
    if done.returncode != 0:
        return f"skipped: mount failed ({done.stderr.decode().strip()})"
    try:
        filler = mount / "filler"
        filler.write_bytes(b"x" * 56 * 1024)  # 8 KiB left: less than any report below
        big = ["report", str(LONG), "-f", "docx", "-o", str(mount / "r.docx")]
        split = ["template", "--units", str(UNITS), "-f", "xlsx", "--split", str(mount / "s")]
        for args in (big, split):
            status, _, err, seconds = run_case(args, workdir)
            outcome = judge("disk full", status, err, seconds, {2})
            left = [p for p in mount.rglob("*") if p.is_file() and p != filler]
            if outcome.held and left:
                outcome = Outcome("disk full", False, "files left", seconds, repr(left))
            campaign.add(outcome)
    finally:
        subprocess.run(["umount", str(mount)], check=False)
    return "64 KiB tmpfs"


def campaign(cases: int, seed: int = 21, write: bool = True) -> Campaign:
    preload()
    rng = random.Random(seed)
    result = Campaign()
    result.limits = {"time per case": f"{TIME_LIMIT:g} s", "memory per case (address space)":
                     f"{MEMORY_LIMIT / 1024**3:g} GiB", "seed": str(seed)}
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        fixed_start = time.monotonic()
        hostile_cases(result, workdir)
        stdout_cases(result, workdir)
        race_cases(result, max(1, cases // 2000), workdir)
        result.limits["disk full"] = disk_full_cases(result, workdir)
        interruption_cases(result, max(8, cases // 50), rng, workdir)
        rest = max(0, cases - len(result.outcomes))
        start = time.monotonic()

        def progress(n: int) -> None:
            if n and n % 500 == 0:
                rate = n / (time.monotonic() - start)
                print(f"{n}/{rest} mutated cases, {rate:.1f}/s, "
                      f"{len(result.failures())} failed", file=sys.stderr, flush=True)
                if write:  # what is known so far survives a campaign cut short
                    result.limits["wall time"] = (f"{time.monotonic() - fixed_start:.0f} s "
                                                  f"(in progress: {n:,} of {rest:,} mutations)")
                    (ROOT / "docs" / "reliability.md").write_text(report(result), "utf-8")

        mutation_cases(result, rest, rng, workdir, progress)
        result.limits["wall time"] = f"{time.monotonic() - fixed_start:.0f} s"
    if write:
        (ROOT / "docs" / "reliability.md").write_text(report(result), encoding="utf-8")
    return result


def report(result: Campaign) -> str:
    kinds = Counter(o.kind for o in result.outcomes)
    held = Counter(o.kind for o in result.outcomes if o.held)
    what = Counter(o.what for o in result.outcomes if not o.held)
    slowest = max((o.seconds for o in result.outcomes), default=0.0)
    lines = ["# Reliability: broken, hostile and racing inputs", "",
             "Made by `python bench/robust.py --cases N` (issue 21); the tests run a bounded "
             "number of the same cases (`tests/test_robust_campaign.py`). A case *holds* when the "
             "run ends with a documented exit code, prints no traceback, stays within its time "
             "and memory limits, changes no input and leaves no half-written output.", "",
             f"- tried: {len(result.outcomes):,}",
             f"- held: {sum(held.values()):,}",
             f"- failed: {len(result.failures()):,}"
             + (f" ({', '.join(f'{k}: {v}' for k, v in what.most_common())})" if what else ""),
             f"- slowest case: {slowest:.1f} s", "",
             "| kind | tried | held |", "|---|---:|---:|"]
    lines += [f"| {k} | {kinds[k]:,} | {held[k]:,} |" for k in sorted(kinds)]
    lines += ["", "Limits used:", ""] + [f"- {k}: {v}" for k, v in result.limits.items()]
    lines += ["", "Limits hauloc itself applies (docs/actuals.md): every input read within "
              "`--max-size` (100 MB), counted as read; a workbook part (a sheet, the shared "
              "strings) at most 2 × `--max-size` unpacked (200 MB), the whole workbook at most "
              "100 times its packed size (at least 10 MB); at most 1,048,576 rows a sheet; YAML "
              "nested at most 50 deep, aliases adding at most 100,000 values."]
    if result.failures():
        lines += ["", "## Failures", ""]
        lines += [f"- {o.kind}: {o.what}: `{o.detail.strip()[:300]}`"
                  for o in result.failures()[:50]]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=21)
    parser.add_argument("--no-write", action="store_true", help="do not write docs/reliability.md")
    options = parser.parse_args()
    result = campaign(options.cases, options.seed, write=not options.no_write)
    print(report(result))
    return 1 if result.failures() else 0


if __name__ == "__main__":
    sys.exit(main())
