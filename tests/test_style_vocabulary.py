"""The visual vocabulary of the theme: one mark per thing, one way to draw errors, legends."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.colors import same_color

from gdviz import mpl as gm
from gdviz import theme


def test_one_distinct_mark_per_thing():
    kinds = ("start", "current", "end", "minimum", "data", "held-out", "saddle", "left")
    assert tuple(theme.MARKERS) == kinds
    looks = {(m.marker, m.face, m.edge) for m in theme.MARKERS.values()}
    assert len(looks) == len(kinds)  # no two things drawn alike
    # no shape says two things, except the dot: data, or where a run is now (filled either way)
    shapes = [m.marker for m in theme.MARKERS.values()]
    assert sorted(shapes) == sorted(["o", "o", "s", "*", "o", "D", "P", "X"])
    hollow = {k for k, m in theme.MARKERS.items() if m.face == "background"}
    assert hollow == {"start", "held-out"}


@pytest.mark.parametrize("th", [theme.LIGHT, theme.DARK], ids=lambda t: t.name)
def test_marks_resolve_to_theme_colours(th):
    start = th.marker("start")
    assert start["marker"] == "o" and start["markerfacecolor"] == th.background
    assert start["markeredgecolor"] == th.text and start["linestyle"] == "none"
    assert th.marker("minimum")["markerfacecolor"] == th.text
    assert th.marker("held-out")["markeredgecolor"] == th.data
    # a run that left the plot: a filled cross, never the end square, ringed in the page
    left = th.marker("left")
    assert left["marker"] == "X" and left["markeredgecolor"] == th.background
    assert th.residual() == {"color": th.error, "linewidth": 1.0, "linestyle": "--", "zorder": 3}


def test_marks_and_residuals_draw_in_matplotlib():
    th = theme.LIGHT
    with gm.themed(th):
        fig, ax = gm.subplots(th)
        (ln,) = ax.plot([1.0], [2.0], **th.marker("end"))
        seg = ax.vlines([1.0], [2.0], [2.5], **th.residual())
    assert ln.get_marker() == "s" and ln.get_markerfacecolor() == "none"
    assert same_color(ln.get_markeredgecolor(), th.accent)  # hollow, in the run's colour
    assert same_color(th.end(th.muted)["markeredgecolor"], th.muted)
    assert same_color(seg.get_colors()[0], th.error)
    np.testing.assert_allclose(seg.get_segments()[0], [[1.0, 2.0], [1.0, 2.5]])


def test_legend_per_family():
    th = theme.LIGHT
    with gm.themed(th):
        fig, ax = gm.subplots(th)
        for name in ("SGD", "Adam"):
            ax.plot([0, 1], [0, 1], color=th.opt(name), label=name)
        leg = gm.optimizer_legend(ax, th, "race")
    assert leg._ncols == 7 and not leg.get_frame_on()
    # a line plot's key: under the axes, centred, no frame (never "best": one place for all)
    with gm.themed(th):
        fig, ax = gm.subplots(th)
        ax.plot([0, 1], [0, 1], label="training cost")
        ax.plot([0, 1], [1, 0], label="test cost")
        ax.set_xlabel("epoch")
        curves = gm.optimizer_legend(ax, th, "curves", loc="best", frameon=True)
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
    box, frame = curves.get_window_extent(renderer), ax.get_window_extent(renderer)
    assert box.y1 < ax.xaxis.get_tightbbox(renderer).y0 and curves._ncols == 2
    assert not curves.get_frame_on()
    assert abs((box.x0 + box.x1) - (frame.x0 + frame.x1)) < 2
    # a map's key: one row wholly under the map, no frame, LEGEND_DROP points under its axis
    # label whatever the map's height (at -0.17 of it, a 4 in map's key hung 26 pt lower than
    # a 1 in map's), and under the frame of a map with no axis under it
    drops = []
    for height, label in ((4.0, "slope $m$"), (1.0, "slope $m$"), (1.0, "")):
        with gm.themed(th):
            fig, ax = gm.subplots(th, height=height + 1.0)
            ax.plot([0, 1], [0, 1], label="path")
            ax.set_xlabel(label)
            if not label:
                ax.set_xticks([])
            key = gm.optimizer_legend(ax, th, "map")
            fig.canvas.draw()
            renderer = fig.canvas.get_renderer()
        box = key.get_window_extent(renderer)
        assert box.y1 < ax.get_window_extent(renderer).y0
        ink = ax.xaxis.get_tightbbox(renderer) if label else ax.bbox
        drops.append((ink.y0 - box.y1) * 72 / fig.dpi)
        assert not key.get_frame_on()
    assert drops == pytest.approx([theme.LEGEND_DROP] * 3, abs=0.01)
    with pytest.raises(KeyError):
        gm.optimizer_legend(ax, th, "pie")


@pytest.mark.parametrize(("raw", "expected"), [
    ("cost by slope", "Cost by slope"),
    ("Seven optimizers.", "Seven optimizers"),
    ("$J$ against iteration", "$J$ against iteration"),
    ("  learning rates ", "Learning rates"),
])
def test_title_sentence_case(raw, expected):
    assert theme.title(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    ("Beale's function", "Beale\u2019s function"),
    ("the runs' ends", "the runs\u2019 ends"),
    ("a 'flat' valley", "a \u2018flat\u2019 valley"),
    ("$f'(x)$ is the slope's value", "$f'(x)$ is the slope\u2019s value"),
])
def test_prose_sets_apostrophes_and_quotes(raw, expected):
    assert theme.prose(raw) == expected


def test_axis_labels_shared_by_the_drawing_pieces():
    th = theme.LIGHT
    with gm.themed(th):
        fig, ax = gm.subplots(th)
        gm.cost_per_iteration_axes(ax, 100, 1e-3, 10.0)
    assert ax.get_xlabel() == theme.AXIS_LABELS["step"] == "step $t$"
    assert ax.get_ylabel() == theme.AXIS_LABELS["cost"]
    assert theme.AXIS_LABELS["slope"] == "slope $m$" and theme.AXIS_LABELS["cost"] == "cost $J$"


def test_labels_stand_on_a_halo_never_a_box():
    """One ground for a label over lines, gm.halo (a halo of the page colour round its
    letters), written nowhere as a box: the one plate left is the race inset's scale, a key
    (test_figures_optimizers holds it)."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    box = re.compile(r"\bbbox\s*=\s*(?:\{|dict\()")
    boxed = {p.relative_to(root).as_posix(): len(box.findall(p.read_text()))
             for p in [*root.glob("figures/*.py"), *root.glob("src/gdviz/*.py")]}
    assert {p: n for p, n in boxed.items() if n} == {"src/gdviz/race_plot.py": 1}
    for th in (theme.LIGHT, theme.DARK):
        back, letters = gm.halo(th)
        assert same_color(back.color, th.background) and back.width == theme.LABEL_HALO
        assert gm.halo(th, ground=th.grid)[0].color == th.grid


@pytest.mark.parametrize(("name", "gid"), [
    ("loss_curve", "equation"), ("overfitting_poly", "errors"), ("regularization", "norm-label")])
def test_a_label_over_lines_reads_back_its_halo(name, gid):
    from figure_baselines import figure as build
    from matplotlib.text import Text

    fig = build(name, "dark")
    labels = [x for x in fig.findobj(Text) if x.get_gid() == gid]
    assert labels
    for label in labels:
        assert label.get_bbox_patch() is None
        back, _ = label.get_path_effects()
        assert same_color(back.color, theme.DARK.background) and back.width == theme.LABEL_HALO
