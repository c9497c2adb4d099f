"""gdrender.store: formulas typeset once, figure words computed once, never stale."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest
from manim import MathTex, tempconfig

from gdrender import store
from gdviz.mpl import Doc


@pytest.fixture(autouse=True)
def _suite_store_afterwards():
    """These tests point Manim at stores of their own; the suite's store (tests/conftest.py)
    serves the tests that follow in this process."""
    yield
    if os.environ.get(store.ENV):
        store.install_tex(Path(os.environ[store.ENV]))


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
