"""hauloc.toml (inputs/project.py): found upwards, read with its errors at file:line, and the
one rule: option > environment > hauloc.toml > nothing (the default)."""

from __future__ import annotations

from pathlib import Path

import pytest

from hauloc_cli.inputs.project import (
    Chosen,
    Settings,
    SettingsError,
    choose,
    find_settings,
    read_settings,
    settings_text,
)


def write(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "hauloc.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_nearest_settings_file_is_found_upwards(tmp_path: Path) -> None:
    outer = write(tmp_path, "")
    inner = write(tmp_path / "a", "")
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    assert find_settings(deep) == inner
    assert find_settings(tmp_path / "a") == inner
    assert find_settings(tmp_path) == outer
    (tmp_path / "x").mkdir()
    assert find_settings(tmp_path / "x") == outer


def test_no_settings_file_is_none(tmp_path: Path) -> None:
    (tmp_path / "hauloc.toml").mkdir()  # a folder of that name is no settings file
    assert find_settings(tmp_path) is None


def test_paths_are_relative_to_the_settings_file(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text("x", encoding="utf-8")
    (tmp_path / "dv").mkdir()
    (tmp_path / "dv" / "units.csv").write_text("x", encoding="utf-8")
    path = write(tmp_path, 'plan = "plan.yaml"\nunits = "dv/units.csv"\nlang = "VI"\n')
    assert read_settings(path) == Settings(path, tmp_path / "plan.yaml",
                                           tmp_path / "dv" / "units.csv", "vi")
    assert read_settings(write(tmp_path / "empty", "# nothing\n")) == Settings(
        tmp_path / "empty" / "hauloc.toml")


@pytest.mark.parametrize(("text", "message"), [
    ('plan = "plan.yaml\n', ":1:18: not valid TOML: "),
    ('lang = "vi"\ncolour = "red"\n',
     ":2: unknown key 'colour' — the keys are plan, units, lang"),
    ("plan = 3\n", ':1: plan must be a text in quotes — e.g. plan = "..."'),
    ('\nlang = "fr"\n', ":2: lang = 'fr' is not a language hauloc speaks — write "
     'lang = "vi" or lang = "en"'),
    ('lang = "vi"\nunits = "dv.csv"\n', ":2: units = 'dv.csv': there is no such file in "),
])
def test_a_bad_settings_file_names_the_file_and_line(tmp_path: Path, text: str,
                                                    message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(SettingsError) as info:
        read_settings(path)
    assert str(info.value).startswith(f"{path}{message}")
    assert info.value.exit_code == 2


def test_a_settings_file_not_in_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "hauloc.toml"
    path.write_bytes(b'lang = "vi" # Vi\xd2t\n')  # Windows-1258
    with pytest.raises(SettingsError, match=r":1: not UTF-8 text"):
        read_settings(path)


SETTINGS = Settings(Path("/p/hauloc.toml"), Path("/p/plan.yaml"), Path("/p/units.csv"), "vi")


@pytest.mark.parametrize(("key", "option", "environ", "settings", "chosen"), [
    ("plan", "mine.yaml", {"HAULOC_PLAN": "env.yaml"}, SETTINGS, Chosen("mine.yaml", "option")),
    ("plan", None, {"HAULOC_PLAN": "env.yaml"}, SETTINGS, Chosen("env.yaml", "environment")),
    ("plan", None, {"HAULOC_PLAN": "  "}, SETTINGS, Chosen("/p/plan.yaml", "/p/hauloc.toml")),
    ("plan", None, {}, SETTINGS, Chosen("/p/plan.yaml", "/p/hauloc.toml")),
    ("plan", None, {}, None, Chosen(None, None)),
    ("plan", None, {}, Settings(Path("/p/hauloc.toml")), Chosen(None, None)),
    ("units", "u.yaml", {"HAULOC_UNITS": "e.csv"}, SETTINGS, Chosen("u.yaml", "option")),
    ("units", None, {"HAULOC_UNITS": "e.csv"}, SETTINGS, Chosen("e.csv", "environment")),
    ("units", None, {"HAULOC_PLAN": "e.yaml"}, SETTINGS,
     Chosen("/p/units.csv", "/p/hauloc.toml")),
    ("units", None, {}, None, Chosen(None, None)),
    ("lang", "en", {"HAULOC_LANG": "vi"}, SETTINGS, Chosen("en", "option")),
    ("lang", None, {"HAULOC_LANG": "en"}, SETTINGS, Chosen("en", "environment")),
    ("lang", None, {}, SETTINGS, Chosen("vi", "/p/hauloc.toml")),
    ("lang", None, {}, None, Chosen(None, None)),
])
def test_the_option_then_the_environment_then_the_settings_file(
        key: str, option: str | None, environ: dict[str, str], settings: Settings | None,
        chosen: Chosen) -> None:
    assert choose(key, option, environ, settings) == chosen


def test_settings_text_reads_back(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text("x", encoding="utf-8")
    (tmp_path / "đơn vị.csv").write_text("x", encoding="utf-8")
    path = write(tmp_path, settings_text("plan.yaml", "đơn vị.csv", "vi"))
    assert read_settings(path) == Settings(path, tmp_path / "plan.yaml",
                                           tmp_path / "đơn vị.csv", "vi")
    assert settings_text("plan.yaml", None, "en").splitlines()[-2:] == [
        'plan = "plan.yaml"', 'lang = "en"']
