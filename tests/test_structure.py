"""The shape of the project: pictures never load pictures, and scenes declare their sections."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from gdviz.manim_theme import Section, ThemedScene, sections

ROOT = Path(__file__).resolve().parents[1]
PICTURES = ("figures", "scenes")
PICTURE_FILES = sorted(p for d in PICTURES for p in (ROOT / d).glob("*.py")
                       if p.name != "__init__.py")


def loaded_modules(path: Path) -> set[str]:
    """Every module path imports, or loads by name (importlib.import_module, gm.load, load)."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
        elif (isinstance(node, ast.Call) and node.args
              and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
              and getattr(node.func, "attr", getattr(node.func, "id", None))
              in ("import_module", "load", "__import__")):
            out.add(node.args[0].value)
    return out


def test_the_scan_sees_each_way_of_loading(tmp_path):
    p = tmp_path / "x.py"
    p.write_text("import figures.a\nfrom scenes.b import C\nimport importlib\n"
                 "importlib.import_module('figures.c')\ngm.load('figures.d')\n")
    assert {"figures.a", "scenes.b", "figures.c", "figures.d"} <= loaded_modules(p)


@pytest.mark.parametrize("path", PICTURE_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_picture_loads_no_other_picture(path):
    bad = {m for m in loaded_modules(path) if m.split(".")[0] in PICTURES}
    assert not bad, f"{path.name} loads {sorted(bad)}"


def _scenes() -> list[type[ThemedScene]]:
    out = []
    for p in sorted((ROOT / "scenes").glob("*.py")):
        if p.name == "__init__.py":
            continue
        m = importlib.import_module(f"scenes.{p.stem}")
        out += [c for c in vars(m).values() if isinstance(c, type)
                and issubclass(c, ThemedScene) and c.__module__ == m.__name__]
    return out


def test_every_scene_declares_its_sections():
    scenes = _scenes()
    assert len(scenes) == 19
    for cls in scenes:
        assert cls.SECTIONS and all(isinstance(s, Section) for s in cls.SECTIONS), cls.__name__
        names = cls.section_names()
        assert len(set(names)) == len(names)
        for s in cls.SECTIONS:
            assert callable(s.play)


def test_section_names_follow_their_methods():
    def section_descent_start(self):
        pass

    def step(self, k):
        pass

    got = sections(section_descent_start, *Section.numbered("step", step, 3))
    assert [s.name for s in got] == ["descent-start", "step-1", "step-2", "step-3"]
    assert [s.args for s in got] == [(), (0,), (1,), (2,)]


def test_a_bad_section_fails_before_anything_plays():
    def descent(self):
        pass

    with pytest.raises(ValueError, match="section_"):
        sections(descent)

    def section_a(self):
        pass

    with pytest.raises(ValueError, match="unique"):
        sections(section_a, section_a)

    played = []

    class Two(ThemedScene):
        def section_one(self):
            played.append("one")

        SECTIONS = sections(section_one)
        upto = "on"  # misspelt

    with pytest.raises(ValueError, match="upto must name a section"):
        Two.construct(Two.__new__(Two))
    assert played == []
