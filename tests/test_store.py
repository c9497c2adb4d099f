"""gdrender.store: formulas typeset once, figure words computed once, never stale."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest
import svgelements as se
from manim import MarkupText, MathTex, Text, tempconfig
from manim.mobject.svg import svg_mobject
from manim.mobject.svg.svg_mobject import SVGMobject

from gdrender import store
from gdviz.mpl import Doc


@pytest.fixture(autouse=True)
def _suite_store_afterwards():
    """These tests point Manim at stores of their own; the suite's store (tests/conftest.py)
    serves the tests that follow in this process."""
    yield
    if os.environ.get(store.ENV):
        store.install_tex(Path(os.environ[store.ENV]))
        store.install_svg(Path(os.environ[store.ENV]))


def _typeset(tex: str, tex_dir: Path) -> MathTex:
    with tempconfig({"tex_dir": str(tex_dir)}):
        return MathTex(tex)


def test_a_formula_is_compiled_once_and_then_taken_from_the_store(tmp_path):
    shared = tmp_path / "store"
    store.install_tex(shared)
    first = _typeset(r"J(m, b) = 0.125", tmp_path / "a")
    filed = list((shared / "tex").iterdir())
    assert len(filed) == 1 and filed[0].suffix == ".svg"
    assert filed[0].read_bytes() == (tmp_path / "a" / filed[0].name).read_bytes()
    assert not list(shared.rglob(".tmp-*"))
    # another process's TeX directory: the formula comes from the store, not from LaTeX
    # (the store's file is replaced by another formula's drawing to tell them apart)
    other = _typeset(r"\alpha", tmp_path / "b")
    alpha_svg = next(p for p in (tmp_path / "b").glob("*.svg"))
    filed[0].write_bytes(alpha_svg.read_bytes())
    again = _typeset(r"J(m, b) = 0.125", tmp_path / "c")
    assert len(again.family_members_with_points()) == len(other.family_members_with_points())
    assert len(first.family_members_with_points()) > len(again.family_members_with_points())
    assert np.allclose(again.width / again.height, other.width / other.height)


def test_a_store_that_cannot_be_written_stays_cold(tmp_path):
    blocked = tmp_path / "file-in-the-way"
    blocked.write_text("not a directory")
    store.install_tex(blocked)
    mob = _typeset(r"\lambda = 10^{-4}", tmp_path / "tex")
    assert mob.width > 0 and blocked.read_text() == "not a directory"


class _Target:
    """A catalog target whose words count how often they are computed."""

    def __init__(self, figure: Path):
        self.id, self.figure_path, self.computed = "fake-target", figure, 0

    @property
    def doc(self):
        self.computed += 1
        return Doc(f"Title {self.computed}", "A caption.", "Alt text.")


def test_figure_words_are_computed_once_per_version_of_the_figure(tmp_path):
    figure = tmp_path / "fake_target.py"
    figure.write_text('"""Title\n\nA caption.\n"""\n')
    t = _Target(figure)
    assert store.docs([t], tmp_path)["fake-target"] == Doc("Title 1", "A caption.", "Alt text.")
    assert store.docs([t], tmp_path)["fake-target"].title == "Title 1" and t.computed == 1
    (filed,) = (tmp_path / "docs").iterdir()
    assert json.loads(filed.read_text())["caption"] == "A caption."
    figure.write_text(figure.read_text() + "# an edit\n")  # another version: computed again
    assert store.docs([t], tmp_path)["fake-target"].title == "Title 2" and t.computed == 2
    filed.write_text("{not json")  # an unreadable entry is computed again, not trusted
    figure.write_text(figure.read_text().replace("# an edit\n", ""))
    assert store.docs([t], tmp_path)["fake-target"].title == "Title 3"


def test_the_store_sits_beside_the_job_records_unless_named(tmp_path, monkeypatch):
    monkeypatch.delenv(store.ENV, raising=False)
    assert store.store_for(tmp_path / "out") == tmp_path / "out" / ".cache" / "store"
    monkeypatch.setenv(store.ENV, str(tmp_path / "elsewhere"))
    assert store.store_for(tmp_path / "out") == tmp_path / "elsewhere"


def test_words_are_filed_under_the_code_that_can_change_them(tmp_path, monkeypatch):
    for rel in ("src/gdcore/numbers.py", "src/gdviz/words.py", "src/gdrender/cli.py"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x = 1\n")
    monkeypatch.setattr(store, "ROOT", tmp_path)
    first = store._sources_digest()
    (tmp_path / "src/gdrender/cli.py").write_text("x = 2\n")  # render.py's code: same words
    assert store._sources_digest() == first
    for rel in ("src/gdcore/numbers.py", "src/gdviz/words.py"):  # numbers or their writing
        (tmp_path / rel).write_text((tmp_path / rel).read_text() + "# an edit\n")
        assert store._sources_digest() != first
        first = store._sources_digest()


def _shapes(mob) -> list:
    """Everything a drawing of mob reads, member by member of its family."""
    return [(type(m).__name__, m.points, m.fill_rgbas, m.stroke_rgbas, m.background_stroke_rgbas,
             m.stroke_width, m.background_stroke_width, m.z_index) for m in mob.get_family()]


def _same_shapes(a, b) -> bool:
    return len(_shapes(a)) == len(_shapes(b)) and all(
        x[0] == y[0] and all(np.array_equal(u, v) for u, v in zip(x[1:], y[1:], strict=True))
        for x, y in zip(_shapes(a), _shapes(b), strict=True))


def _groups(mob) -> dict[str, list[int]]:
    """The SVG's groups (id_to_vgroup_dict), as the places of their members in mob's family."""
    place = {id(m): i for i, m in enumerate(mob.get_family())}
    return {k: [place.get(id(m)) for m in g] for k, g in mob.id_to_vgroup_dict.items()}


def _no_parse(*args, **kwargs):
    raise AssertionError("an SVG was parsed although its shapes are in the store")


_BUILDS = {
    "text": lambda: Text("The cost J falls", font="CMU Serif", font_size=30, color="#336699"),
    "markup": lambda: MarkupText("a <i>held-out</i> set", font="CMU Serif", font_size=26),
    "maths": lambda: MathTex(r"J(m, b) = \tfrac{1}{2n} \sum_i (m x_i + b - y_i)^2", "+ 1",
                             font_size=40),
}


@pytest.mark.parametrize("kind", sorted(_BUILDS))
def test_parsed_shapes_come_from_the_store_as_a_parse_makes_them(kind, tmp_path, monkeypatch):
    def build():  # Manim keeps a MathTex's parse within a process: a new process each time
        monkeypatch.setattr(svg_mobject, "SVG_HASH_TO_MOB_MAP", {})
        return _BUILDS[kind]()

    with tempconfig({"tex_dir": str(tmp_path / "tex"), "text_dir": str(tmp_path / "texts")}):
        store.install_svg(tmp_path / "store")
        parse = SVGMobject.generate_mobject.parses
        with monkeypatch.context() as m:  # Manim's own parse, no store
            m.setattr(SVGMobject, "generate_mobject", parse)
            parsed = build()
        filed = build()  # parsed, then filed
        entries = list((tmp_path / "store" / "svg").iterdir())
        assert entries and not [p for p in entries if p.name.startswith(".tmp-")]

        with monkeypatch.context() as m:  # svgelements cannot parse: the store answers
            m.setattr(se.SVG, "parse", _no_parse)
            stored, again = build(), build()
    for mob in (filed, stored, again):
        assert _same_shapes(mob, parsed)
        assert _groups(mob) == _groups(parsed)
    # each lookup is a fresh copy: changing one changes no other
    stored[0].shift([1, 0, 0])
    assert _same_shapes(again, parsed) and not _same_shapes(stored, parsed)


def test_words_written_by_another_process_are_found_in_the_store(tmp_path, monkeypatch):
    """Cairo numbers the group of each SVG it writes by a counter of the process: the same
    words are `surface1` in one process and `surface6` in the next. Their shapes are filed
    once, whatever the number."""
    with tempconfig({"text_dir": str(tmp_path / "texts")}):
        store.install_svg(tmp_path / "store")
        first = Text("The cost J falls", font="CMU Serif")
        svg = first.get_file_path()
        text = svg.read_text()
        assert 'id="surface' in text
        # the same words, as a process that had written five surfaces before writes them
        svg.write_text(text.replace('id="surface', 'id="surface5', 1))
        monkeypatch.setattr(se.SVG, "parse", _no_parse)
        again = Text("The cost J falls", font="CMU Serif")
    assert again.get_file_path() == svg and 'id="surface5' in svg.read_text()
    assert _same_shapes(again, first)
    assert len(list((tmp_path / "store" / "svg").iterdir())) == 1
