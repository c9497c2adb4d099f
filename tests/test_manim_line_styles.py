"""The videos' line styles follow the stills' table (docs/STYLE.md, theme.LINE_STYLES): one
mechanism (gdviz.manim_theme.styled) draws every dash and dot, in theme.LINE_PATTERNS."""

import re
from pathlib import Path

import numpy as np
import pytest
from manim import CapStyleType, Circle, Line

from gdviz import theme
from gdviz.manim_theme import (
    DOT_LENGTH,
    REFERENCE_DOT,
    STROKE_UNIT,
    StyledLine,
    styled,
    styled_line,
)

ROOT = Path(__file__).resolve().parents[1]


def _marks(line):
    """(start, end, length) of each mark of a StyledLine, in order along it."""
    return [(m.get_start(), m.get_end(), np.linalg.norm(m.get_end() - m.get_start()))
            for m in line.submobjects]


def test_no_scene_draws_a_dash_or_a_dot_by_hand():
    # the one mechanism is manim_theme.styled: no scene or Manim drawing block builds a dashed
    # mobject or sets a dash's length, count or ratio itself
    by_hand = re.compile(r"\b(DashedLine|DashedVMobject|dash_length|num_dashes|dashed_ratio"
                         r"|dash_offset)\b")
    files = [*sorted((ROOT / "scenes").glob("*.py")),
             *(f for f in sorted((ROOT / "src" / "gdviz").glob("*.py"))
               if f.name != "manim_theme.py")]
    found = [f"{f.name}:{i}" for f in files
             for i, line in enumerate(f.read_text().splitlines(), 1) if by_hand.search(line)]
    assert not found, found


def test_a_reference_is_round_dots_in_the_themes_spacing():
    a, b = np.array([-4.0, 1.0, 0]), np.array([4.0, 1.0, 0])
    line = styled_line("reference", a, b, "#13722F", 3)
    assert isinstance(line, StyledLine) and line.kind == "reference"
    width = line.get_stroke_width()
    assert width == REFERENCE_DOT  # thinner lines get legible dots: 3.6 px across at 480p
    assert width * STROKE_UNIT * 480 / 8 >= 3.5
    marks = _marks(line)
    # a dot: a mark of a tenth of its width with round ends, so (almost) a disc one line
    # width across, yet never of no length (Cairo would not draw it)
    assert DOT_LENGTH <= 0.15
    assert np.allclose([length for _, _, length in marks], DOT_LENGTH * width * STROKE_UNIT,
                       rtol=0.05)
    assert all(m.cap_style == CapStyleType.ROUND for m in line.submobjects)
    # centre to centre (on + off) widths, as matplotlib's dotted pattern (1.0, 1.65), stretched
    # by less than half a period to start and end on a dot
    on, off = theme.LINE_PATTERNS["reference"]
    centres = np.array([(s + e) / 2 for s, e, _ in marks])
    gaps = np.linalg.norm(np.diff(centres, axis=0), axis=1)
    period = (on + off) * width * STROKE_UNIT
    assert np.allclose(gaps, gaps.mean(), rtol=1e-3)
    assert abs(gaps.mean() - period) < period / (2 * len(gaps))
    assert np.allclose(marks[0][0], a, atol=1e-6) and np.allclose(marks[-1][1], b, atol=1e-6)
    assert np.allclose(line.get_start(), a) and np.allclose(line.get_end(), b)
    assert line.get_color().to_hex().lower() == "#13722f"


def test_a_wide_reference_keeps_its_width_and_a_closed_one_goes_round():
    line = styled_line("reference", np.zeros(3), np.array([3.0, 0, 0]), "#000000", 8)
    assert line.get_stroke_width() == 8
    ring = styled("reference", Circle(radius=1.0, stroke_width=2))
    centres = np.array([(m.get_start() + m.get_end()) / 2 for m in ring.submobjects])
    gaps = np.linalg.norm(np.diff(np.vstack([centres, centres[:1]]), axis=0), axis=1)
    assert np.allclose(gaps, gaps.mean(), rtol=0.02)  # the last dot as far from the first


def test_a_difference_is_dashed_in_the_themes_dash():
    a, b = np.array([0.0, -1.0, 0]), np.array([0.0, 1.0, 0])
    line = styled_line("difference", a, b, "#C8102E", 3)
    assert line.kind == "difference" and line.get_stroke_width() == 3
    assert all(m.cap_style == CapStyleType.BUTT for m in line.submobjects)
    marks = _marks(line)
    on, off = theme.LINE_PATTERNS["difference"]
    dashes = np.array([length for _, _, length in marks])
    voids = np.array([np.linalg.norm(s - e) for (_, e, _), (s, _, _) in zip(marks, marks[1:])])
    assert np.allclose(dashes[:-1] / voids, on / off, rtol=1e-3)
    assert np.allclose(dashes, dashes.mean(), rtol=1e-3)
    # the dash (3.7 widths) stretched by less than half a period to fill the line
    assert abs(dashes.mean() - on * 3 * STROKE_UNIT) < (on + off) * 3 * STROKE_UNIT / len(dashes)
    assert np.allclose(marks[0][0], a, atol=1e-6) and np.allclose(marks[-1][1], b, atol=1e-6)


def test_solid_is_the_path_itself_and_the_kinds_are_the_themes():
    path = Line(np.zeros(3), np.ones(3))
    assert styled("solid", path) is path
    with pytest.raises(ValueError):
        styled("dashed", path)  # a style's meaning, never its look, names it
    assert set(theme.LINE_PATTERNS) | {"solid"} == set(theme.LINE_STYLES)


def test_the_stills_draw_the_same_patterns():
    rc = theme.mpl_rc(theme.get("light"))
    assert tuple(rc["lines.dashed_pattern"]) == theme.LINE_PATTERNS["difference"]
    assert tuple(rc["lines.dotted_pattern"]) == theme.LINE_PATTERNS["reference"]


def test_every_dot_reaches_the_480p_frame():
    # one line captured alone at 480p, at coordinates off any grid: each dot is drawn, one
    # blob of ink apart from the next (a dot of no length would be dropped by Cairo)
    from manim import Camera

    cam = Camera(pixel_width=854, pixel_height=480, background_color="#FFFFFF")
    for y in (-1.2345678, 0.777, 2.31):
        line = styled_line("reference", np.array([-3.1234567, y, 0]),
                           np.array([3.4567891, y, 0]), "#000000", 3)
        cam.reset()
        cam.capture_mobject(line)
        ink = (cam.pixel_array[..., :3].min(axis=2) < 160).any(axis=0)  # columns with ink
        runs = int(np.count_nonzero(ink[1:] & ~ink[:-1]) + ink[0])
        assert runs == len(line.submobjects) > 30
