"""What the regression and gradient-descent figures show, read back from their artists, in both
themes: the data table, the residuals, the cost surface, the slope sweep, the non-convex loss,
tangents and gradients, the descent runs, the learning rates, the heat map and feature scaling.
Also the shared geometry of gdviz.views."""

from __future__ import annotations

import re

import matplotlib.colors as mcolors
import numpy as np
import pytest
from endmarks import assert_end_frames_star, assert_key_matches_end
from figure_baselines import figure as build
from matplotlib import colormaps
from matplotlib.collections import LineCollection, PathCollection, QuadMesh
from matplotlib.colors import LogNorm
from matplotlib.contour import QuadContourSet
from matplotlib.lines import Line2D
from matplotlib.markers import MarkerStyle
from matplotlib.patches import Rectangle
from matplotlib.text import Annotation, Text

from gdcore import data, descent, optimizers, regression, surfaces
from gdcore import training_procedure as procedure
from gdcore.cost_descent import COST_DESCENT
from gdviz import cost_surface, numbers, race_plot, views
from gdviz import mpl as gm
from gdviz import theme as th

THEMES = ("light", "dark")
X, Y = data.regression_points()
M_STAR, B_STAR = regression.least_squares(X, Y)
J_STAR = regression.cost(M_STAR, B_STAR, X, Y)

def by_gid(fig, gid: str) -> list:
    return [a for a in fig.findobj() if getattr(a, "get_gid", lambda: None)() == gid]


def one(fig, gid: str):
    found = by_gid(fig, gid)
    assert len(found) == 1, f"{gid}: {len(found)} artists"
    return found[0]


def same_colour(a, b) -> bool:
    return np.allclose(mcolors.to_rgba(a)[:3], mcolors.to_rgba(b)[:3])


def texts(fig) -> list[str]:
    return [t.get_text() for t in fig.findobj(Text)]


def plain_axes(fig):
    return [a for a in fig.axes if a.name != "3d" and a.get_label() != "<colorbar>"]


def axes_3d(fig):
    return [a for a in fig.axes if a.name == "3d"]


def contour_sets(ax) -> list[QuadContourSet]:
    return [c for c in ax.get_children() if isinstance(c, QuadContourSet)]


def good_run():
    return COST_DESCENT.run()


def assert_descent_path(fig, points, jumps: int = 3, steps: int = 3, knot: int = 0):
    """gm.descent_path's drawing of `points`: of its first `jumps` steps, those long enough to
    carry a head (gm.MIN_HEAD_STEP) as straight arrows from each point to the next, the
    zig-zag's last arrow on its points and each arrow before it one lane further out beside it,
    the ends of the first `steps` steps as step dots, the rest a line from the last arrow's tip
    on; or, with `knot`, the zig-zag's first `knot` steps' landings dots only after the arrows,
    the line from the last of them on. Returns the line."""
    drawn = [k for k in range(1, jumps + 1)
             if any(a.get_gid() == f"jump-{k}" for a in fig.findobj())]
    n = len(drawn)
    assert n >= 1 and drawn == list(range(1, n + 1))
    for k in drawn:
        arrow = one(fig, f"jump-{k}")
        assert np.allclose(arrow.xy, points[k]) and np.allclose(arrow.xyann, points[k - 1])
        assert "connectionstyle" not in arrow.arrowprops  # straight
    assert np.allclose(one(fig, "steps").get_xydata(), points[1:max(steps, knot) + 1])
    path = one(fig, "path")
    assert np.array_equal(path.get_xydata(), points[max(n, knot):])
    # each arrow is drawn parallel to its step: its tail and its tip the same distance from
    # the step's line, 0 for the zig-zag's last arrow, a lane (gm.LANE) more for each before
    # it, all on one side
    fig.canvas.draw()
    lane_px = gm.LANE * fig.dpi / 72
    beside = []
    ax = one(fig, "jump-1").axes
    for k in drawn:
        arrow = one(fig, f"jump-{k}")
        a, b = ax.transData.transform([points[k - 1], points[k]])
        d = (b - a) / np.hypot(*(b - a))
        normal = np.array([-d[1], d[0]])
        verts = arrow.arrow_patch.get_path()
        verts = verts.vertices[verts.codes != verts.CLOSEPOLY]
        tail, tip = verts[0], verts[np.argmax((verts - a) @ d)]
        assert (tail - a) @ normal == pytest.approx((tip - a) @ normal, abs=0.3)
        beside.append(abs(float((tail - a) @ normal)))
    assert beside == pytest.approx([(n - k) * lane_px for k in drawn], abs=0.3)
    # the first step left without a head is too short on the page to carry one
    if n < jumps:
        a, b = ax.transData.transform([points[n], points[n + 1]])
        assert np.hypot(*(b - a)) * 72 / fig.dpi < gm.MIN_HEAD_STEP
    return path


# ---------------------------------------------------------------- views and COST_DESCENT


def test_views_windows_and_rates():
    assert views.M_RANGE == (-2.0, 4.0) and views.B_RANGE == (-6.0, 8.0)
    limit = regression.max_stable_rate(X)
    assert COST_DESCENT.max_stable_rate == pytest.approx(limit) == pytest.approx(0.1371, abs=1e-4)
    assert COST_DESCENT.lr_small < COST_DESCENT.lr_good < limit < COST_DESCENT.lr_large
    d = COST_DESCENT
    assert [lr for _, lr in d.learning_rates] == [d.lr_small, d.lr_good, d.lr_large]
    assert (d.lr_small, d.lr_good, d.lr_large) == (0.01, 0.1, 0.14)
    # the start is poor: far from the minimum, inside the window
    assert regression.cost(*COST_DESCENT.start, X, Y) > 1000 * J_STAR
    assert views.M_RANGE[0] < COST_DESCENT.start[0] < views.M_RANGE[1]
    assert views.B_RANGE[0] < COST_DESCENT.start[1] < views.B_RANGE[1]


def test_views_contour_levels_are_log_spaced_over_the_grid():
    _, _, J = regression.cost_grid(X, Y, views.M_RANGE, views.B_RANGE, views.GRID_SIZE)
    lv = views.contour_levels(J)
    assert len(lv) == views.CONTOUR_LEVELS
    assert lv[0] == pytest.approx(J.min()) and lv[-1] == pytest.approx(J.max())
    ratios = lv[1:] / lv[:-1]
    assert np.allclose(ratios, ratios[0]) and ratios[0] > 1


def test_the_three_rates_crawl_converge_and_diverge():
    small, good, large = COST_DESCENT.run_learning_rates().values()
    ref = descent.run_regression(optimizers.sgd(0.1), X, Y, (3.0, -4.0), 1000)
    assert np.array_equal(good.points, ref.points)
    assert not small.diverged and not good.diverged and large.diverged
    assert small.losses[-1] > 10 * J_STAR
    assert good.losses[-1] == pytest.approx(J_STAR, rel=0.01)


# ---------------------------------------------------------------- regression-data


@pytest.mark.parametrize("theme", THEMES)
def test_regression_data_table_and_scatter(theme):
    fig = build("regression_data", theme)
    cell = {(r, c): one(fig, f"cell-{r}-{c}").get_text() for r in range(8) for c in range(3)}
    assert not by_gid(fig, "cell-8-0")  # a header and seven rows, no more
    assert [cell[0, c] for c in range(3)] == ["$i$", "$x_i$", "$y_i$"]
    assert [int(cell[r, 0]) for r in range(1, 8)] == list(range(1, 8))
    assert np.allclose([float(cell[r, 1]) for r in range(1, 8)], X)
    assert np.allclose([float(cell[r, 2]) for r in range(1, 8)], Y)
    scatters = [c for ax in fig.axes for c in ax.collections if isinstance(c, PathCollection)]
    assert len(scatters) == 1
    assert np.allclose(scatters[0].get_offsets(), np.column_stack([X, Y]))
    assert same_colour(scatters[0].get_facecolor()[0], th.get(theme).data)
    # the table's top rule on the plot's top, its foot rule on the x axis
    plot = scatters[0].axes
    fig.canvas.draw()
    for gid, edge in (("rule-top", plot.bbox.y1), ("rule-foot", plot.bbox.y0)):
        rule = one(fig, gid)
        (y0, y1) = rule.get_transform().transform(rule.get_xydata())[:, 1]
        assert y0 == pytest.approx(edge, abs=0.5) and y1 == pytest.approx(edge, abs=0.5)
    # the rules stand off the page's left and top edges
    (x0, _), (_, top) = one(fig, "rule-top").get_transform().transform(
        one(fig, "rule-top").get_xydata())
    assert x0 - fig.bbox.x0 >= 0.02 * fig.bbox.width
    assert fig.bbox.y1 - top >= 0.04 * fig.bbox.height


@pytest.mark.parametrize("theme", THEMES)
def test_candidate_lines_are_gdcores_with_their_costs(theme):
    fig = build("candidate_lines", theme)
    lines = by_gid(fig, "line")
    assert len(lines) == len(data.CANDIDATES) == 3
    for line, (m, b) in zip(lines, data.CANDIDATES):
        xs, ys = line.get_data()
        np.testing.assert_allclose(ys, regression.predict(m, b, xs))
        j = regression.cost(m, b, X, Y)
        # a worded title over the cost, the house's three significant figures as in the
        # residuals still (0.0801), on two lines, neither wider than its panel
        title = line.axes.get_title()
        words, cost = title.split("\n")
        assert cost == f"$J = {numbers.cost(j, 'latex')}$" and words[0].isupper()
        assert "$" not in words
        fig.canvas.draw()
        panel = line.axes.get_window_extent()
        box = line.axes.title.get_window_extent()
        assert panel.x0 <= box.x0 and box.x1 <= panel.x1
        # each guess written with the same decimals: slopes 2, intercepts 1 (−1.0, not −1)
        sign = "-" if b < 0 else "+"
        label = rf"$f(x) = {m:.2f}\,x {sign} {abs(b):.1f}$"
        assert label in [t.get_text() for t in line.axes.texts]
    costs = [regression.cost(m, b, X, Y) for m, b in data.CANDIDATES]
    assert costs[2] < min(costs[:2])  # the third guess follows the trend


# ---------------------------------------------------------------- residuals


@pytest.mark.parametrize("theme", THEMES)
def test_residuals_segments_predictions_and_squares(theme):
    fig = build("residuals", theme)
    t = th.get(theme)
    m, b = data.CANDIDATES[1]
    pred = regression.predict(m, b, X)
    segs = by_gid(fig, "residual")
    assert len(segs) == 7
    for seg, xi, yi, pi in zip(sorted(segs, key=lambda s: s.get_xdata()[0]), X, Y, pred):
        assert seg.get_linestyle() == th.RESIDUAL["linestyle"]
        assert same_colour(seg.get_color(), t.role(th.RESIDUAL["role"]))
        assert seg.get_linewidth() == th.RESIDUAL["linewidth"]
        assert np.allclose(seg.get_xdata(), [xi, xi])
        assert np.allclose(seg.get_ydata(), [yi, pi])
    offsets = [c.get_offsets() for ax in fig.axes for c in ax.collections
               if isinstance(c, PathCollection)]
    assert any(np.allclose(o, np.column_stack([X, pred])) for o in offsets)  # predictions
    assert any(np.allclose(o, np.column_stack([X, Y])) for o in offsets)  # points
    bars = [p for ax in fig.axes for p in ax.patches if isinstance(p, Rectangle)]
    assert np.allclose(sorted(p.get_height() for p in bars),
                       sorted(regression.residuals(m, b, X, Y) ** 2))
    mean = regression.mse(pred, Y)
    assert any(isinstance(ln, Line2D) and np.allclose(ln.get_ydata(), mean)
               for ax in fig.axes for ln in ax.lines)
    joined = " ".join(texts(fig))
    # the mean and J with the house's three significant figures: 0.160 and 0.0801
    assert numbers.cost(mean) == "0.160" and "mean 0.160" in joined
    assert numbers.cost(regression.cost(m, b, X, Y)) == "0.0801"
    # the mean line in the muted colour, dashed
    (mean_line,) = [ln for ln in fig.axes[1].lines if ln.get_gid() == "mean"]
    assert same_colour(mean_line.get_color(), t.muted) and mean_line.get_linestyle() == ":"
    # the bars too low to see (i = 5 and 6: 0.0016 and 0.0014) carry their values
    sq = regression.residuals(m, b, X, Y) ** 2
    shown = [x.get_text() for x in fig.axes[1].texts if x.get_text() and
             x.get_text()[0].isdigit()]
    assert shown == [numbers.significant(sq[4], 2), numbers.significant(sq[5], 2)]
    assert shown == ["0.0016", "0.0014"] and sq[4] < 0.02 * sq.max() and sq[3] > 0.02 * sq.max()
    # level, each over its own bar, the second a line above the first: they never meet
    vals = [x for x in fig.axes[1].texts if x.get_gid() == "bar-values"]
    r = fig.canvas.get_renderer()
    assert all(x.get_rotation() == 0 for x in vals)
    assert not vals[0].get_window_extent(r).overlaps(vals[1].get_window_extent(r))
    # the mean's label over its line, under the next grid rule (0.25), and the low bars'
    # values all under the line: never one row with them
    (mean_label,) = [x for x in fig.axes[1].texts if x.get_gid() == "mean-label"]
    box = mean_label.get_window_extent(r).transformed(fig.axes[1].transData.inverted())
    assert mean_label.get_text() == "mean 0.160"
    rules = [v for v in fig.axes[1].get_yticks() if v > mean]
    assert box.y1 < rules[0] == 0.25
    tops = [x.get_window_extent(r).transformed(fig.axes[1].transData.inverted()).y1
            for x in vals]
    assert box.y0 > mean > max(tops)
    # the predictions are small crosses (no role's mark: the ring is the start) on their
    # halo of the page, under the points, so where a point lies next to its prediction
    # (i = 5, 6: 0.04 and 0.038 from the line) the dot stands whole
    (crosses,) = by_gid(fig, "predictions")
    (halos,) = by_gid(fig, "prediction-halos")
    pts = [c for c in fig.axes[0].collections if isinstance(c, PathCollection)
           and np.allclose(c.get_offsets(), np.column_stack([X, Y]))]
    assert halos.get_zorder() < crosses.get_zorder() < pts[0].get_zorder()
    # a worded title over each panel, as every two-panel figure's
    assert [a.get_title() for a in fig.axes[:2]] == [
        "A candidate line and its errors", "Squared errors and the cost"]
    # the key in reading order, filled down its two columns: the line and its errors, then
    # the predictions and the points
    assert [x.get_text() for x in fig.axes[0].get_legend().get_texts()] == [
        rf"$f(x) = {m:g}\,x + {b:g}$", r"error $r_i = f(x_i) - y_i$",
        r"prediction $f(x_i)$", r"point $(x_i, y_i)$"]
    # the key under the axes, unframed, as every line plot's
    key = fig.axes[0].get_legend()
    assert not key.get_frame_on() and key.get_bbox_to_anchor().y1 < fig.axes[0].bbox.y0
    assert not crosses.get_path_effects()
    assert np.allclose(halos.get_offsets(), crosses.get_offsets())
    assert same_colour(halos.get_facecolor()[0], t.background)
    assert halos.get_linewidths()[0] > crosses.get_linewidths()[0]
    assert th.MARKERS["start"].marker == "o"
    cross = MarkerStyle("x")
    np.testing.assert_allclose(crosses.get_paths()[0].vertices,
                               cross.get_transform().transform(cross.get_path().vertices))
    # one red: the bars opaque in the error colour, the colour of the dashed segments
    for p in bars:
        assert p.get_alpha() is None and same_colour(p.get_facecolor(), t.error)
    # J as an equation (no word in the maths): half the mean of the squares, written out, never
    # half the rounded mean (half of 0.160 is 0.0800, not 0.0801)
    assert (r"$J = \dfrac{1}{2} \cdot \dfrac{1}{7} \sum_{i=1}^{7} \, r_i^2 = "
            rf"{numbers.cost(regression.cost(m, b, X, Y), 'latex')}$") in texts(fig)
    assert "0.160 =" not in joined
    # the two small values stand level, each centred on its own bar, apart from each other,
    # clear under the mean's dotted line
    small = sorted((x for x in fig.axes[1].texts if x.get_text() in shown), key=lambda x: x.xy[0])
    assert [x.get_rotation() for x in small] == [0, 0]
    assert [x.xy[0] for x in small] == pytest.approx([5, 6])
    with gm.themed(t):  # measured in the house faces, as rendered
        fig.canvas.draw()
        boxes = [x.get_window_extent() for x in small]
    assert not boxes[0].overlaps(boxes[1])
    to_px = fig.axes[1].transData.transform
    for i, box in zip((5, 6), boxes):
        assert (box.x0 + box.x1) / 2 == pytest.approx(to_px((i, 0))[0], abs=0.5)
        assert box.y1 < to_px((0, mean))[1] - 2


# ---------------------------------------------------------------- mse-surface

#: The least distance (points) between two axes' tick numbers of a 3-D still: more than a
#: number's width, so two numbers where axes meet never read as one.
MIN_TICK_GAP = 10.0


@pytest.mark.parametrize("theme", THEMES)
def test_mse_surface_views_and_minimum(theme):
    fig = build("mse_surface", theme)
    (ax3,), (ax,) = axes_3d(fig), plain_axes(fig)
    assert (ax3.elev, ax3.azim) == (views.VIEW_ELEV, views.VIEW_AZIM)
    assert ax3.get_xlim() == pytest.approx(views.M_RANGE)
    assert ax3.get_ylim() == pytest.approx(views.B_RANGE)
    assert "J" in ax3.get_zlabel()
    # the surface's m and b ticks are its map's (views.M_TICKS, B_TICKS), and J starts at 0;
    # b's 8, where the b axis meets J's 0 at the back, is left out: no two axes' numbers meet
    ticks = [list(ax3.get_xticks()), list(ax3.get_yticks()), list(ax3.get_zticks())]
    b_ticks = [v for v in views.B_TICKS if v != views.B_RANGE[1]]
    assert ticks == [list(views.M_TICKS), b_ticks, list(views.J_TICKS)]
    # the flat map: one tick rule for every map of J(m, b), every 2 from end to end, both
    # ends labelled (b from −6 to 8)
    assert list(ax.get_xticks()) == list(views.map_ticks(*views.M_RANGE)) == [-2, 0, 2, 4]
    assert list(ax.get_yticks()) == list(views.map_ticks(*views.B_RANGE)) == list(range(-6, 9, 2))
    assert ticks[2][0] == 0
    assert gm.axes3d_tick_gap(ax3) >= MIN_TICK_GAP
    assert ax.get_xlabel() == "slope $m$" and ax.get_ylabel() == "intercept $b$"
    # the minimum's values in the key under the map (never a box over it), as m*, b*
    legend = ax.get_legend()
    (words,) = [x.get_text() for x in legend.get_texts()]
    assert f"$m^{{\\!*}} = {M_STAR:.3f}$" in words and f"$b^{{\\!*}} = {B_STAR:.3f}$" in words
    fig.canvas.draw()
    assert legend.get_window_extent().y1 < ax.get_window_extent().y0
    assert not [x for x in ax.texts if x.get_text().strip()]
    _, _, J = regression.cost_grid(X, Y, views.M_RANGE, views.B_RANGE, views.GRID_SIZE)
    filled = [c for c in contour_sets(ax) if c.filled]
    assert len(filled) == 1 and np.allclose(filled[0].levels, views.contour_levels(J))
    (mark,) = [ln for ln in ax.lines if ln.get_gid() == "minimum"]
    assert np.allclose(mark.get_xydata(), [[M_STAR, B_STAR]])
    (mark3,) = [ln for ln in ax3.lines if ln.get_label() == "minimum"]
    assert np.allclose(np.ravel(mark3.get_data_3d()), [M_STAR, B_STAR, J_STAR])
    # the surface is lit (its faces darker than the flat map where they turn from the light)
    # and meshed every mesh_every-th grid line
    look = th.get(theme).cost_map.surface
    (mesh,) = [c for c in ax3.collections if type(c).__name__ == "Line3DCollection"]
    n = (views.SURFACE_GRID_SIZE - 1) // look.mesh_every + 1
    lines = mesh._segments3d  # the mesh lines in data coordinates: they lie on gdcore's J
    assert len(lines) >= 2 * n
    for seg in lines:
        seg = np.asarray(seg)
        np.testing.assert_allclose(seg[:, 2], regression.cost(seg[:, 0], seg[:, 1], X, Y))
    # the theme's mesh, as on every surface
    assert all(w == pytest.approx(look.mesh_width) for w in mesh.get_linewidths())
    # the video's look (level_true): each mesh piece in the map's level-line colour of the J it
    # crosses (lit as the faces, by the house light across the valley), not one colour for the
    # whole mesh
    cm = th.get(theme).cost_map
    M, B, JS = regression.cost_grid(X, Y, views.M_RANGE, views.B_RANGE, views.SURFACE_GRID_SIZE)
    ink = cost_surface.lit_colors(JS, cm, views.contour_levels(J, cm.levels), lines=True,
                                  level_true=True).reshape(-1, 3)
    pts = np.column_stack([M.ravel(), B.ravel()])
    colors = np.asarray(mesh.get_colors())[:, :3]
    assert len(colors) == len(lines)
    for seg, got in list(zip(lines, colors))[::37]:
        ends = [int(np.argmin(np.linalg.norm(pts - p[:2], axis=1))) for p in np.asarray(seg)]
        np.testing.assert_allclose(got, ink[ends].mean(axis=0), atol=1e-6)
    assert len(np.unique(np.round(colors, 3), axis=0)) > 20
    # lit across the valley, one wall turns from the light: some faces take the whole shadow
    lv = views.contour_levels(J, cm.levels)
    lit = cost_surface.lit_colors(JS, cm, lv, level_true=True)
    flat = np.asarray(colormaps[cm.cmap](LogNorm(lv[0], lv[-1], clip=True)(JS)))[..., :3]
    share = lit.sum(axis=-1) / flat.sum(axis=-1)
    assert share.min() == pytest.approx(1 - cm.surface.shadow, abs=0.01)
    assert np.mean(share < 1 - cm.surface.shadow / 2) > 0.1
    # a square mesh and no level lines traced over it (they crossed its cells as diagonals):
    # one treatment of every surface
    assert not list(contour_sets(ax3))


# ---------------------------------------------------------------- slope-sweep


@pytest.mark.parametrize("theme", THEMES)
def test_slope_sweep_lines_error_bars_and_curve(theme):
    fig = build("slope_sweep", theme)
    t = th.get(theme)
    left, right = plain_axes(fig)
    xs = np.array(views.X_RANGE)
    slopes = [M_STAR + d for d in data.SLOPE_SWEEP.offsets]
    lines = [ln for ln in left.lines if len(ln.get_xdata()) == 2]
    assert len(lines) == len(slopes)
    for ln, m in zip(lines, slopes):
        assert np.allclose(ln.get_ydata(), regression.predict(m, B_STAR, xs))
        assert f"{m:.3f}" in ln.get_label()
    (bars,) = [c for c in left.collections if isinstance(c, LineCollection)]
    assert same_colour(bars.get_color()[0], t.error)
    pred = regression.predict(slopes[-1], B_STAR, X)
    for seg, xi, yi, pi in zip(bars.get_segments(), X, Y, pred):
        assert np.allclose(seg, [[xi, yi], [xi, pi]])
    curve = max(right.lines, key=lambda ln: len(ln.get_xdata()))
    ms = curve.get_xdata()
    assert ms.min() < M_STAR < ms.max()
    assert np.allclose(curve.get_ydata(), regression.cost(ms, B_STAR, X, Y))
    (best,) = [ln for ln in right.lines if ln.get_label() == "best slope"]
    assert np.allclose(best.get_xydata(), [[M_STAR, J_STAR]])
    assert best.get_marker() == "*"
    assert same_colour(best.get_markerfacecolor(), t.mark_color("minimum"))
    assert any(f"{M_STAR:.3f}" in s for s in texts(fig))
    # the two slopes of equal cost drawn alike (the same colour and width, lines and dots)
    lo, hi = lines[0], lines[-1]
    assert same_colour(lo.get_color(), hi.get_color()) and lo.get_linewidth() == hi.get_linewidth()
    j_lo, j_hi = (regression.cost(m, B_STAR, X, Y) for m in (slopes[0], slopes[-1]))
    assert j_lo == pytest.approx(j_hi)
    dots = [ln for ln in right.lines if ln.get_marker() == "o"]
    assert len(dots) == 2 and same_colour(dots[0].get_color(), dots[1].get_color())
    # each the house mark of a point on a curve (the current-point dot: its size, its ring of
    # the page), in the ink of its line
    cur = t.marker("current")
    for d in dots:
        assert d.get_markersize() == cur["markersize"]
        assert d.get_markeredgewidth() == cur["markeredgewidth"]
        assert same_colour(d.get_markeredgecolor(), t.background)
        assert same_colour(d.get_markerfacecolor(), lo.get_color())
    # the parabola inside its plot: its ends clear of the side spines and under the top
    x0, x1 = right.get_xlim()
    pad = 0.05 * (ms.max() - ms.min())
    assert x0 < ms.min() - pad and ms.max() + pad < x1
    assert curve.get_ydata().max() < 0.92 * right.get_ylim()[1]
    # each line named along it in its own colour (the key holds the errors alone), the names
    # of the two alike-coloured lines telling them apart
    for ln, m, name in zip(lines, slopes, ("too flat", "best", "too steep")):
        (label,) = [a for a in left.texts if a.get_gid() == f"name-{name}"]
        assert label.get_text() == f"$m = {m:.3f}$, {name}"
        assert same_colour(label.get_color(), ln.get_color())
        assert label.get_rotation() > 0
        assert np.isclose(label.xy[1], regression.predict(m, B_STAR, label.xy[0]))
    # the key says what the red bars are and whose: the errors of the steep line
    assert [t.get_text() for t in left.get_legend().get_texts()] == [
        r"errors $r_i$ of the too steep line"]
    # the star whole above the bottom spine: J = 0 a little above the axes' floor
    fig.canvas.draw()
    r = best.get_markersize() / 72 * fig.dpi / 2
    assert right.transData.transform((M_STAR, J_STAR))[1] - r > right.bbox.y0
    # worded titles on both panels, in the house case
    for ax in (left, right):
        assert ax.get_title()[0].isupper() and not ax.get_title().startswith("$")


# ---------------------------------------------------------------- nonconvex-loss


@pytest.mark.parametrize("name", ["mse_surface", "nonconvex_loss"])
def test_3d_stills_frame_their_surfaces_without_the_panes_grid(name):
    """mse-surface's and nonconvex-loss's 3-D panels are framed to their surfaces
    (gm.frame_3d): no panes' grid (it drew a box of lines round the empty back corner), and
    each surface's highest point on the page in the top 15 % of its panel's cell or above
    (it sat low: at 0.81 of mse-surface's, 0.84 of the network's). One row per still, run
    where its figure is already built."""
    from mpl_toolkits.mplot3d import proj3d

    if name == "mse_surface":
        grids = [regression.cost_grid(X, Y, views.M_RANGE, views.B_RANGE,
                                      views.SURFACE_GRID_SIZE)]
    else:
        grids = [procedure.convex_reference(), procedure.nonconvex_loss_grid()]
    fig = build(name, "light")
    for ax, (P, Q, R) in zip(axes_3d(fig), grids, strict=True):
        assert not ax._draw_grid
        xs, ys, _ = proj3d.proj_transform(np.ravel(P), np.ravel(Q), np.ravel(R), ax.get_proj())
        top = ax.transData.transform(np.column_stack([xs, ys]))[:, 1].max()
        cell = ax.get_subplotspec().get_position(fig).transformed(fig.transFigure)
        assert (top - cell.y0) / cell.height >= 0.85, name


@pytest.mark.parametrize("theme", THEMES)
def test_nonconvex_loss_bowl_beside_the_network(theme):
    fig = build("nonconvex_loss", theme)
    mod = gm.load("figures.nonconvex_loss")
    assert len(axes_3d(fig)) == 2
    bowl_map, net_map = plain_axes(fig)
    _, _, J = procedure.convex_reference()
    W1, W2, L = procedure.nonconvex_loss_grid()
    for ax, grid in ((bowl_map, J), (net_map, L)):
        (filled,) = [c for c in contour_sets(ax) if c.filled]
        cm = th.get(theme).cost_map
        assert np.allclose(filled.levels, views.contour_levels(grid, cm.levels, cm.log))
    # the network's cost is J (half the mean squared error), as everywhere
    labels = [a.get_zlabel() for a in axes_3d(fig)]
    assert labels == ["cost $J$", "cost $J$"]
    # each map over its own range of cost, and each bar says so on the figure
    assert [m.child_axes[0].get_ylabel() for m in (bowl_map, net_map)] == ["cost $J$"] * 2
    assert [m.child_axes[0].get_title() for m in (bowl_map, net_map)] == [mod.BAR_NOTE] * 2
    bowl, net = (c.levels for m in (bowl_map, net_map) for c in contour_sets(m) if c.filled)
    # on one shared range the network's decades would take under half of the colours
    decades = [np.log10(lv[-1] / lv[0]) for lv in (bowl, net)]
    assert decades[1] < 0.5 * decades[0]
    assert net_map.get_xlim() == pytest.approx((W1.min(), W1.max()))
    n_convex = procedure.count_local_minima(J, 0.01)
    n_basins = procedure.count_local_minima(L, 0.01)
    assert n_convex == 1 and n_basins > 1
    titles = [a.get_title() for a in axes_3d(fig)]
    assert "one minimum" in titles[0] and f"{numbers.word(n_basins)} basins" in titles[1]
    # a star at each minimum of each map, at gdcore's cells
    for ax, (X, Y, Z), gid in ((bowl_map, procedure.convex_reference(), "bowl-minimum"),
                               (net_map, (W1, W2, L), "basin-minimum")):
        cells = procedure.local_minima_cells(Z, mod.MIN_DEPTH)
        stars = [ln for ln in ax.lines if str(ln.get_gid()).startswith(gid)]
        assert len(stars) == len(cells) == procedure.count_local_minima(Z, mod.MIN_DEPTH)
        least = min(cells, key=lambda c: Z[c])
        keys = [x.get_text() for x in ax.get_legend().get_texts()]
        for ln, cell in zip(stars, cells):
            # the bowl's least where gdcore solves for it (the fit and its J*, not the grid's
            # nearest cell: 0.00941 there against J* = 0.00903); the network's at their cells
            x, y, z = ((M_STAR, B_STAR, J_STAR) if gid == "bowl-minimum"
                       else (X[cell], Y[cell], Z[cell]))
            assert (ln.get_xdata()[0], ln.get_ydata()[0]) == pytest.approx((x, y))
            assert ln.get_marker() == th.MARKERS["minimum"].marker
            # the least filled (the house minimum), any other hollow, edged in its ink;
            # each keyed under the map with its cost
            t = th.get(theme)
            face = t.mark_color("minimum") if cell == least else t.background
            assert same_colour(ln.get_markerfacecolor(), face)
            assert same_colour(ln.get_markeredgecolor(),
                               t.background if cell == least else t.mark_color("minimum"))
            kind = "minimum" if cell == least else "local minimum"
            assert f"{kind}, $J = {numbers.cost(z, 'latex')}$" in keys
    assert len(net_map.get_legend().get_texts()) == 2
    # the network's surface starred at its two minima, as its map: the least filled
    least = min(procedure.local_minima_cells(L, mod.MIN_DEPTH), key=lambda c: L[c])
    for k, cell in enumerate(procedure.local_minima_cells(L, mod.MIN_DEPTH)):
        mark = one(fig, f"surface-basin-minimum:{k}")
        np.testing.assert_allclose(np.ravel(mark.get_data_3d()), [W1[cell], W2[cell], L[cell]])
        face = (th.get(theme).mark_color("minimum") if cell == least
                else th.get(theme).background)
        assert same_colour(mark.get_markerfacecolor(), face)
    # the bowl's surface starred at its minimum too
    np.testing.assert_allclose(np.ravel(one(fig, "surface-minimum").get_data_3d()),
                               [M_STAR, B_STAR, J_STAR])
    assert "minimum, $J = 0.00903$" in [x.get_text() for x in bowl_map.get_legend().get_texts()]
    # both colour bars ticked alike, at the powers of ten inside them only (the network's,
    # spanning under two decades, at two: never 5 × 10⁻¹ beside 10⁰)
    for ax in (bowl_map, net_map):
        bar = ax.child_axes[0]
        ticks = bar.get_yticks()
        lo, hi = bar.get_ylim()
        inside = [v for v in ticks if lo <= v <= hi]
        assert len(inside) >= 2
        lead = {round(v / 10.0 ** np.floor(np.log10(v) + 1e-9)) for v in inside}
        assert lead == {1}, lead
        labels = [t.get_text() for t in bar.get_yticklabels() if lo <= t.get_position()[1] <= hi]
        # one form on every cost bar (mse-surface's and cost-heatmap's too): powers of ten,
        # 10^{-2} and 5 \times 10^{-2}, never decimals
        assert labels == [gm.cost_bar_tick(v) for v in inside], labels
        assert all("10^{" in x for x in labels)
    # the network's surface seen from where both troughs show, its mesh painted with its faces
    assert axes_3d(fig)[1].azim == mod.NETWORK_AZIM
    # ... and oriented as the map under it: w₁ grows to the right, w₂ away from the eye (up)
    from mpl_toolkits.mplot3d import proj3d

    net3d = axes_3d(fig)[1]
    fig.canvas.draw()

    def screen(w1, w2):
        return np.array(proj3d.proj_transform(w1, w2, 0.0, net3d.get_proj())[:2])

    assert screen(10, 0)[0] > screen(-10, 0)[0] and screen(0, 10)[1] > screen(0, -10)[1]
    assert net3d.zaxis.label.get_rotation() == 90  # its cost label upright, reading upwards
    # both cost labels stand right of their boxes (not side by side in the gutter between)
    r = fig.canvas.get_renderer()
    for a3 in axes_3d(fig):
        box = a3.get_window_extent(r)
        assert a3.zaxis.label.get_window_extent(r).x0 > box.x0 + 0.6 * box.width
    assert net3d.yaxis.label.get_rotation() == 0  # w₂ upright
    # small counts in words, and why each map keeps its own colour range
    caption = gm.doc_of(mod).caption
    assert "it has one minimum" in caption and f"{numbers.word(n_basins)} separate" in caption
    assert "its own range" in caption and not re.search(r"\b\d+ (minimum|separate)", caption)
    assert "plateaus" in titles[1]
    assert all(t[0].isupper() for t in titles)
    # both surfaces in the house look (cost_surface.lit_surface, as mse-surface): meshed, the
    # mesh on gdcore's grid (the network's depth-sorted with its faces), and every face
    # coloured as the house lights the surface
    cm = th.get(theme).cost_map
    look = cm.surface
    assert not [c for c in axes_3d(fig)[1].collections
                if type(c).__name__ == "Line3DCollection"]
    # both in the house light (across the bowl's valley), as mse-surface's
    for ax3, (X, Y, Z) in zip(axes_3d(fig), (procedure.convex_reference(), (W1, W2, L))):
        (surf,) = [c for c in ax3.collections if type(c).__name__ == "Poly3DCollection"]
        lit = cost_surface.lit_colors(Z, cm, views.contour_levels(Z, cm.levels, cm.log),
                                      level_true=True)  # each J in its map's colour where level
        lit = {tuple(c) for c in np.round(lit.reshape(-1, 3), 6)}
        fills = surf.get_facecolor()
        faces = {tuple(c) for c in np.round(fills[fills[:, 3] > 0, :3], 6)}
        assert faces <= lit and len(faces) > 50
        if ax3 is axes_3d(fig)[1]:
            # its mesh painted with its faces (one depth-sorted collection): unfilled pieces,
            # one per grid-cell side on the mesh's grid lines, each in the map's level-line
            # colour of its J (lit, as the faces), as the bowl's mesh: never one colour
            wires = surf.get_edgecolor()[fills[:, 3] == 0]
            ink = cost_surface.lit_colors(Z, cm, views.contour_levels(Z, cm.levels, cm.log),
                                          lines=True, level_true=True).reshape(-1, 3)
            lo, hi = ink.min(axis=0) - 1e-9, ink.max(axis=0) + 1e-9
            assert len(wires) > 500 and np.all((wires[:, :3] >= lo) & (wires[:, :3] <= hi))
            assert len({tuple(c) for c in np.round(wires[:, :3], 3)}) > 20
            continue
        (mesh,) = [c for c in ax3.collections if type(c).__name__ == "Line3DCollection"]
        assert all(w == pytest.approx(look.mesh_width) for w in mesh.get_linewidths())
        on_grid = {(round(x, 9), round(y, 9)): z for x, y, z in
                   zip(np.ravel(X), np.ravel(Y), np.ravel(Z))}
        pts = np.concatenate([np.asarray(s) for s in mesh._segments3d])
        np.testing.assert_allclose(
            pts[:, 2], [on_grid[round(x, 9), round(y, 9)] for x, y in pts[:, :2]])


# ---------------------------------------------------------------- gradient-geometry


@pytest.mark.parametrize("theme", THEMES)
def test_gradient_geometry_tangent_plane_and_arrows(theme):
    fig = build("gradient_geometry", theme)
    mod = gm.load("figures.gradient_geometry")
    t = th.get(theme)
    bowl = surfaces.valley
    (ax, ax2), (ax3,) = plain_axes(fig), axes_3d(fig)
    # left: the tangent line y0 + m (x − x0), m from gdcore's gradient
    m = bowl.grad((mod.X0, 0.0))[0]
    y0 = bowl.value((mod.X0, 0.0))
    (tangent,) = [ln for ln in ax.lines if ln.get_label().startswith("tangent")]
    tx = tangent.get_xdata()
    assert np.allclose(tangent.get_ydata(), y0 + m * (tx - mod.X0))
    assert f"$f'(3) = {numbers.latex(m, sig=mod.SLOPE_SIG)}$" in tangent.get_label()
    assert numbers.latex(m, sig=mod.SLOPE_SIG) == "0.3"  # exact: no 0.30
    # the slope written as the derivative, never m (the line's slope in the rest of the book)
    assert any(r"$df = f'(x)\,dx$, $f'(3) = 0.3$" in s for s in texts(fig))
    assert not any("m =" in s or "m\\," in s for s in texts(fig))
    assert any("$dx$" == s for s in texts(fig))
    # the curve is a function, not data: in ink, as its name beside it (never the data blue)
    curve = one(fig, "curve")
    np.testing.assert_allclose(curve.get_ydata(), bowl(curve.get_xdata(), 0.0))
    assert same_colour(curve.get_color(), t.text)
    (name,) = [x for x in ax.texts if x.get_text() == "$f(x)$"]
    assert same_colour(name.get_color(), t.text)
    assert not [a for a in fig.findobj(Line2D) if same_colour(a.get_color(), t.data)]
    # the curve leaves through the frame's top on both sides (cut by the frame, no loose ends
    # inside the box)
    top = ax.get_ylim()[1]
    assert curve.get_ydata()[0] > top and curve.get_ydata()[-1] > top
    assert max(ax.get_yticks()) < top
    # middle: df = (∂f/∂x) dx + (∂f/∂y) dy; right: ∇f = (∂f/∂x, ∂f/∂y) from gdcore, the
    # titles on one line; the partial derivatives named as such, never m₁, m₂ (m is the slope
    # of a line in the book)
    m1, m2 = bowl.grad(mod.POINT)
    assert r"df = (\partial f/\partial x)\,dx + (\partial f/\partial y)\,dy" in one(
        fig, "title1").get_text()
    places = mod.GRAD_PLACES  # the pair to one number of decimals: (−0.45, 2.50)
    # the gradient's value in the right title, its definition in the caption; two lines a
    # title, so the three frames share their top
    assert one(fig, "title2").get_text().endswith(
        rf"$\nabla f = ({numbers.latex(m1, places=places)}, {numbers.latex(m2, places=places)})$")
    assert not any("m_1" in s or "m_2" in s for s in texts(fig))
    assert one(fig, "title2").get_text().endswith("= (-0.45, 2.50)$")
    assert [one(fig, f"title{k}").get_text().count("\n") for k in range(3)] == [1, 1, 1]
    # the titles on one line, the house titles (sentence case, the house size, in ink)
    fig.canvas.draw()
    tops = [one(fig, f"title{k}").get_window_extent().y1 for k in range(3)]
    assert max(tops) - min(tops) < 2  # pixels: the first lines on one line
    for k in range(3):
        title = one(fig, f"title{k}")
        assert title.get_fontsize() == t.title_size and same_colour(title.get_color(), t.text)
        assert title.get_text()[0].isupper()
    # every title clear of the page's edges by a tenth of an inch or more
    for k in range(3):
        b = one(fig, f"title{k}").get_window_extent()
        assert b.x0 >= 0.1 * fig.dpi and b.x1 <= fig.bbox.width - 0.1 * fig.dpi
    # the 3-D box's z label (right of its z ticks) 0.15 in or more clear of the right panel's
    # y label (left of its tick numbers): the two axes do not read as one
    r = fig.canvas.get_renderer()
    gap = ax2.yaxis.label.get_window_extent(r).x0 - ax3.zaxis.label.get_window_extent(r).x1
    assert gap >= 0.15 * fig.dpi
    # the panels balanced: none less than 0.7 of another's width
    widths = [a.get_window_extent().width for a in (ax, ax3, ax2)]
    assert min(widths) > 0.7 * max(widths)
    # the two flat frames share their top and bottom (the square view as tall as the curve's)
    boxes = [a.get_window_extent(r) for a in (ax, ax2)]
    assert abs(boxes[0].y0 - boxes[1].y0) < 1 and abs(boxes[0].y1 - boxes[1].y1) < 1
    assert ax2.get_window_extent(r).width == pytest.approx(boxes[1].height, abs=1)
    # the 3-D panel is context: the bowl and its tangent plane, no arrows, drop line or
    # floor contours in it (±∇f are drawn seen from above); its only words name the cuts
    px, py = mod.POINT
    assert {x.get_gid() for x in ax3.texts} == set(mod.CUT_NAMES)
    assert not [c for c in ax3.collections if type(c).__name__ == "QuadContourSet"]
    assert {a.get_gid() for a in fig.findobj(Annotation) if a.axes is ax3} == set(mod.CUT_NAMES)
    np.testing.assert_allclose(np.array(one(fig, "touch").get_data_3d()).ravel(),
                               [px, py, bowl.value(mod.POINT)])
    # the tangent plane a plane to see: at least a third of the window each way
    plane = one(fig, "plane-edge")
    ex, ey, ez = (np.asarray(v) for v in plane.get_data_3d())
    (x0, x1), (y0, y1) = mod.WINDOW
    assert np.ptp(ex) >= (x1 - x0) / 3 and np.ptp(ey) >= (y1 - y0) / 3
    assert x0 <= ex.min() and ex.max() <= x1 and y0 <= ey.min() and ey.max() <= y1
    np.testing.assert_allclose(ez, bowl.tangent(mod.POINT, ex - px, ey - py))
    # seen from above, at equal scales: the arrows are gdcore's ∇f and −∇f (at ARROW_SCALE) from
    # the point, so equal in length, and at a right angle to the drawn contour through it
    assert ax2.get_aspect() == 1.0
    g = np.asarray(bowl.grad(mod.POINT))
    up2, down2 = one(fig, "flat+1"), one(fig, "flat-1")
    assert np.allclose(up2.xyann, mod.POINT) and np.allclose(down2.xyann, mod.POINT)
    np.testing.assert_allclose(np.subtract(up2.xy, mod.POINT), mod.ARROW_SCALE * g, atol=1e-12)
    np.testing.assert_allclose(np.subtract(down2.xy, mod.POINT), -mod.ARROW_SCALE * g,
                               atol=1e-12)
    assert same_colour(up2.arrow_patch.get_edgecolor(), t.text)
    assert same_colour(down2.arrow_patch.get_edgecolor(), t.accent)
    contour = one(fig, "point-contour")
    verts = np.concatenate([p.vertices for p in contour.get_paths() if len(p.vertices)])
    np.testing.assert_allclose(bowl(verts[:, 0], verts[:, 1]), bowl.value(mod.POINT), rtol=1e-3)
    # only its branch through the point: the level's other, across the valley floor, is not bold
    assert (verts[:, 1] > bowl.minimum[1]).all()
    near = verts[np.linalg.norm(verts - mod.POINT, axis=1) < 0.15]
    assert len(near) >= 4
    along = np.linalg.svd(near - near.mean(axis=0))[2][0]  # the contour's local direction
    # within a degree of a right angle: |cos| below sin 1°
    assert abs(np.dot(along, g)) / np.linalg.norm(g) < np.sin(np.radians(1.0))
    # as drawn on the page: ∇f and −∇f of one length, opposite, at a right angle to the
    # contour's direction there (the axes at equal scales keep the angle)
    to_px = ax2.transData.transform
    drawn = [to_px(a.xy) - to_px(a.xyann) for a in (up2, down2)]
    assert np.linalg.norm(drawn[0]) == pytest.approx(np.linalg.norm(drawn[1]), rel=1e-9)
    assert np.linalg.norm(drawn[0]) > 0.25 * ax2.get_window_extent().height  # large, clear
    along_px = to_px(mod.POINT + along) - to_px(mod.POINT)
    cos = np.dot(along_px, drawn[0]) / np.linalg.norm(along_px) / np.linalg.norm(drawn[0])
    assert abs(cos) < np.sin(np.radians(1.0))
    # every arrow named, in its own colour
    for gid, colour in (("flat-label+1", t.text), ("flat-label-1", t.accent)):
        assert same_colour(one(fig, gid).get_color(), colour)
        # at its arrow's tip, inside the map, on a halo of the band it stands on (the map's
        # colour there, never the page's), narrower than a page label's
        name = one(fig, gid)
        tip = one(fig, gid.replace("-label", ""))
        assert np.allclose(name.xy, tip.xy) and name.arrow_patch is None
        assert name.get_anncoords() == "offset points" and np.hypot(*name.xyann) < 12
        (halo, _) = name.get_path_effects()
        assert halo.width < th.LABEL_HALO and not same_colour(halo.color, t.background)
        x_lim, y_lim = ax2.get_xlim(), ax2.get_ylim()
        assert x_lim[0] < name.xy[0] < x_lim[1] and y_lim[0] < name.xy[1] < y_lim[1]
    # the curve's name over the grid rules, on the house halo
    (casing, _) = one(fig, "curve-name").get_path_effects()
    assert casing.width == th.LABEL_HALO
    assert gm.text_overlaps(fig) == []
    # the right-angle mark: two legs of one length, along the contour and along ∇f
    corner = one(fig, "right-angle").get_xydata()
    leg_a, leg_b = corner[0] - corner[1], corner[2] - corner[1]
    assert np.isclose(np.linalg.norm(leg_a), np.linalg.norm(leg_b))
    assert abs(leg_a[0] * g[1] - leg_a[1] * g[0]) < 1e-12 and abs(np.dot(leg_b, g)) < 1e-12
    words = " ".join(mod.__doc__.format(**mod.facts()).split())
    assert f"∂f/∂x = {numbers.text(g[0], places=mod.GRAD_PLACES)}" in words and "\u2212" in words
    assert "∂f/∂y = 2.50:" in words and "∇f = (∂f/∂x, ∂f/∂y)" in words
    assert "m1" not in words and "m2" not in words and "m₁" not in words


# ---------------------------------------------------------------- gd-regression


@pytest.mark.parametrize("theme", THEMES)
def test_gd_regression_draws_gdcore_trajectory_in_step(theme):
    fig = build("gd_regression", theme)
    traj = good_run()
    assert not traj.diverged and COST_DESCENT.lr_good < 0.137
    assert_descent_path(fig, traj.points, jumps=gm.load("figures.gd_regression").JUMPS)
    cost = one(fig, "cost")
    assert np.array_equal(cost.get_ydata(), traj.losses)
    sched = COST_DESCENT.schedule()
    xs = np.array(views.X_RANGE)
    for t in sched:
        line = one(fig, f"line-{t}")
        m, b = traj.points[t]
        assert np.allclose(line.get_ydata(), regression.predict(m, b, xs))
        assert f"t = {numbers.count(t).replace(',', '{,}')}" in line.axes.get_title()
        assert f"$J = {numbers.cost(traj.losses[t], 'latex')}$" in line.axes.get_title()
    # J spans three decades: every cost of the figure to the book's three significant figures,
    # 13.9 … 0.00909 beside J* = 0.00903
    words = " ".join(t.get_text() for t in fig.findobj(Text))
    assert f"$J^{{\\!*}} = {numbers.cost(J_STAR, 'latex')}$" in words
    assert numbers.cost(J_STAR) == "0.00903"
    costs = re.findall(r"J(?:\^\{\\!\*\})? = ([\d.]+)\$", words)
    assert costs[:len(sched)] == ["13.9", "0.770", "0.580", "0.378", "0.0737", "0.00909"]
    assert [numbers.cost(v) for v in traj.losses[sched]] == costs[:len(sched)]
    # the scheduled steps are marked on the path and on the cost curve: t = 0 by the start
    # ring, the steps after the zig-zag by house current dots, the last by the end square;
    # the cost curve's the same, in the run's accent; the line panels in the model's ink
    assert sched[0] == 0
    outside = [s for s in sched[1:-1] if s > 15]
    assert np.allclose(one(fig, "iterations").get_xydata(), traj.points[outside])
    # steps 3 and 15, a few points apart on the map, marked in the window that enlarges the
    # zig-zag: both inside it, with its arrows and the first six steps' dots
    zoom = one(fig, "zoom")
    assert zoom.get_xlim() == pytest.approx(views.ZOOM_M)
    assert zoom.get_ylim() == pytest.approx(views.ZOOM_B)
    assert np.allclose(one(fig, "zoom-iterations").get_xydata(), traj.points[[3, 15]])
    for k in (3, 15):
        m, b = traj.points[k]
        assert views.ZOOM_M[0] < m < views.ZOOM_M[1] and views.ZOOM_B[0] < b < views.ZOOM_B[1]
    assert np.allclose(one(fig, "zoom-path").get_xydata(), traj.points[3:])
    fig.canvas.draw()
    # a true enlargement of the map: as many times in m as in b (the valley keeps its shape)
    map_ax = one(fig, "start").axes
    corners = np.array([[views.ZOOM_M[0], views.ZOOM_B[0]], [views.ZOOM_M[1], views.ZOOM_B[1]]])
    big = np.diff(zoom.transData.transform(corners), axis=0)[0]
    small = np.diff(map_ax.transData.transform(corners), axis=0)[0]
    assert big[0] / small[0] == pytest.approx(big[1] / small[1], rel=0.01)
    assert big[0] / small[0] == pytest.approx(views.ZOOM, rel=0.01) and views.ZOOM > 3
    near = zoom.transData.transform(traj.points[[3, 15]])
    r = th.get(theme).marker("current")["markersize"] / 72 * fig.dpi
    assert np.hypot(*(near[0] - near[1])) > r  # the two dots apart in the window
    assert np.allclose(one(fig, "iterations-cost").get_xydata(),
                       np.column_stack([sched[1:-1], traj.losses[sched[1:-1]]]))
    assert np.allclose(one(fig, "end-cost").get_xydata(), [[sched[-1], traj.losses[-1]]])
    # J*'s name under its line stops well short of the end square on the line (a font size)
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    name = one(fig, "j-star-name").get_window_extent(r)
    square = one(fig, "end-cost").get_window_extent(r)
    assert name.x1 + th.get(theme).small_size * fig.dpi / 72 < square.x0
    for t in sched:
        assert same_colour(one(fig, f"line-{t}").get_color(), th.get(theme).model)
    assert np.allclose(one(fig, "start").get_xydata(), [traj.points[0]])
    assert np.allclose(one(fig, "start-cost").get_xydata(), [[0, traj.losses[0]]])
    main_path = [ln for ln in map_ax.lines if ln.get_gid() == "path"][0]
    assert_line_runs_to_its_end(fig, main_path, [e for e in by_gid(fig, "end")
                                                if e.axes is map_ax][0])
    # the start's line leaves its panel at the top at once (its last step's stays on): cut at
    # the panel's edge as every panel's line is, no mark of its own
    m, b = traj.points[0]
    top = views.Y_RANGE[1]
    assert regression.predict(m, b, views.X_RANGE[0]) < top < regression.predict(m, b, 3.0)
    line0 = one(fig, "line-0")
    assert line0.get_clip_on() and line0.axes.get_ylim()[1] == pytest.approx(top)
    assert not [a for a in line0.axes.texts if a.get_gid() == "clip-0"]
    # the map's step labels on a halo of the band of the map they stand on (not the page's):
    # the level lines stop short of their letters
    bands = [c for c in map_ax.collections if isinstance(c, QuadContourSet)][0]
    for t in outside:
        (label,) = [a for a in map_ax.texts if a.get_gid() == f"t-{t}"]
        ground = label.get_path_effects()[0].color
        assert any(same_colour(ground, c) for c in bands.get_facecolor())
        assert not same_colour(ground, th.get(theme).background)


# ---------------------------------------------------------------- learning-rates


@pytest.mark.parametrize("theme", THEMES)
def test_learning_rates_labels_paths_and_divergence(theme):
    fig = build("learning_rates", theme)
    t = th.get(theme)
    assert not [a for a in fig.axes if a.get_legend() is not None]
    (key,) = fig.legends  # one key for the figure, under it
    legend = [x.get_text() for x in key.get_texts()]
    # the end square keyed in grey, one word as every still's (the caption says the rest);
    # the minimum keyed once: the star on the dotted J* line
    assert "end" in legend
    assert [s for s in legend if "minimum" in s] == [
        f"minimum, $J^{{*}} = {numbers.cost(J_STAR, 'latex')}$"]
    for (name, lr), label in zip(COST_DESCENT.learning_rates, legend):
        assert label.startswith(name) and f"\\alpha = {lr:g}" in label
    large = COST_DESCENT.run_learning_rates()["too large"]
    for name, lr in COST_DESCENT.learning_rates:
        traj = COST_DESCENT.run(lr)
        cost = one(fig, f"cost-{name}")
        assert np.array_equal(cost.get_ydata(), traj.losses)
        path = one(fig, f"path-{name}").get_xydata()
        if traj.diverged:
            assert same_colour(cost.get_color(), t.rate("too large"))
            assert len(path) < len(traj.points)  # stops at its last landing on the map
            np.testing.assert_allclose(path, traj.points[: len(path)])
        else:
            assert np.array_equal(path, traj.points)
    # each run that stays on the map ends in its square at its last point: the small rate's, far
    # from the minimum, of the house size; the good rate's, on the minimum, hollow, framing the
    # star
    small, good = (COST_DESCENT.run(lr) for _, lr in COST_DESCENT.learning_rates[:2])
    end = one(fig, "end-too small")
    fig.canvas.draw()
    np.testing.assert_allclose(end.get_xydata(), [small.points[-1]])
    assert end.get_markersize() == t.marker("end")["markersize"]
    end = one(fig, "end-good")
    (star,) = [ln for ln in end.axes.lines if ln.get_marker() == "*"]
    assert_end_frames_star(fig, end, star, good.points[-1], (M_STAR, B_STAR),
                           t.mark_color("minimum"))
    assert_line_runs_to_its_end(fig, one(fig, "path-good"), end)
    assert_line_runs_to_its_end(fig, one(fig, "casing:path-good"), end)
    # the note sits where the cost leaves the plot (at the view's top), not at a cutoff
    leaves = COST_DESCENT.leaves_plot(large)
    assert leaves is not None and leaves < large.diverged_at
    notes = [a for ax in fig.axes for a in ax.texts if "passes $10^{5}$" in a.get_text()]
    assert len(notes) == 1 and f"at step {leaves}:" in notes[0].get_text()
    np.testing.assert_allclose(notes[0].xy, (leaves, COST_DESCENT.plot_top(large)))
    assert not any("diverged at step" in s for s in texts(fig))
    # the two runs that stay on the map end with J to the book's three significant figures
    # (0.269, not 0.2692; 0.00909, not 0.0091)
    ends = [s for s in texts(fig) if s.startswith("after ")]
    assert ends == [f"after 1,000 steps\n$J = {want}$" for want in ("0.269", "0.00909")]
    # on the map the large run's first two jumps are arrows, there and back, from gdcore's
    # points; after them only where its steps land (no lines from wall to wall, not even a
    # hairline: fourteen crossings filled in to a wedge); five calm panels: the three maps,
    # the cost per step, the factor
    dots = one(fig, "path-too large")
    assert dots.get_linestyle() == "None" and dots.get_marker() == "o"
    assert len([ax for ax in fig.axes if ax.get_visible()]) == 5
    jumps = sorted((a for a in fig.findobj() if (a.get_gid() or "").startswith("jump-")),
                   key=lambda a: a.get_gid())
    assert [a.get_gid() for a in jumps] == ["jump-1", "jump-2"]
    # straight (no bowed arcs); no line joins the later landings
    assert all(getattr(a.arrow_patch.get_connectionstyle(), "rad", 0.0) == 0.0 for a in jumps)
    large_ax = dots.axes
    assert [ln.get_gid() for ln in large_ax.lines
            if ln.get_linestyle() not in ("None", "none", "")] == []
    for k, a in enumerate(jumps):
        np.testing.assert_allclose(a.xyann, large.points[k])
        np.testing.assert_allclose(a.xy, large.points[k + 1])
    assert not [a for a in fig.findobj() if (a.get_gid() or "").startswith("zoom")]
    # the map says where the run leaves it, as the other two say where theirs end
    exit_step = len(dots.get_xydata())
    assert f"leaves the map\nat step {exit_step}" in texts(fig) and exit_step == 16
    # J (the square of the distance) × 1.09 a step, the distance × 1.042: at the printed
    # precision the square of the one is the other as written (1.04² would be 1.08)
    g = numbers.text(COST_DESCENT.growth_factor, places=3)
    g2 = numbers.text(COST_DESCENT.growth_factor**2, places=2)
    assert (g, g2) == ("1.042", "1.09") and f"{float(g) ** 2:.2f}" == g2
    words = [s.lower() for s in texts(fig)]
    # the note short: where J leaves the plot and its growth per step (the rest the caption's)
    assert any(s.endswith(f":\n× {g2} per step") for s in words)
    assert f"{g2} ≈ {g}² times a step" in gm.doc_of(gm.load("figures.learning_rates")).caption
    assert "too large 1.042" in words
    assert not any(re.search(r"1\.04(?!\d)", s) for s in words)
    caption = gm.doc_of(gm.load("figures.learning_rates")).caption
    assert f"leaves the map at step {len(dots.get_xydata())}" in caption
    # the three rates on the α axis at their factor, the limit 2/h_max ≈ 0.137 marked
    lam = 2 / COST_DESCENT.max_stable_rate
    for name, lr in COST_DESCENT.learning_rates:
        np.testing.assert_allclose(one(fig, f"rate-{name}").get_xydata(), [[lr, abs(1 - lr * lam)]])
    assert any("0.137" in s for s in texts(fig))
    # every rate's words inside the factor panel and 2 pt or more clear of the V and the dotted 1
    fx = one(fig, "rate-good").axes
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    box, pt = fx.get_window_extent(r), fig.dpi / 72
    v = fx.transData.transform(fx.lines[0].get_xydata())
    u = np.linspace(0, 1, 60)[:, None, None]
    px = (v[:-1] + u * (v[1:] - v[:-1])).reshape(-1, 2)
    one_y = fx.transData.transform((0, 1.0))[1]
    labels = [one(fig, f"rate-label-{name}") for name, _ in COST_DESCENT.learning_rates]
    for t in labels:
        b = t.get_window_extent(r)
        assert box.x0 <= b.x0 and b.x1 <= box.x1 and box.y0 <= b.y0 and b.y1 <= box.y1
        gap = np.hypot(np.maximum(np.maximum(b.x0 - px[:, 0], px[:, 0] - b.x1), 0),
                       np.maximum(np.maximum(b.y0 - px[:, 1], px[:, 1] - b.y1), 0))
        assert gap.min() >= 2 * pt, t.get_text()
        assert not b.y0 - 2 * pt < one_y < b.y1 + 2 * pt, t.get_text()
    # the limit's note and the rates' words 2 pt or more clear of the dotted limit line; h_max
    # defined in the limit's note, where it is first used (and in the caption)
    limit_x = fx.transData.transform((COST_DESCENT.max_stable_rate, 0))[0]
    assert not [a for a in fig.findobj() if a.get_gid() == "h-max-note"]
    assert "$h_{\\max}$: the largest\ncurvature of $J$" in one(fig, "limit-note").get_text()
    assert f"h_max ≈ {lam:.1f} being the largest curvature" in caption
    # every word out of the red zone, left of the limit; each rate's words beside its dot
    # (its nearest corner within 6 pt of the dot's centre)
    for t in [*labels, one(fig, "limit-note")]:
        b = t.get_window_extent(r)
        assert b.x1 <= limit_x - 2 * pt, t.get_text()
    for (name, _), t in zip(COST_DESCENT.learning_rates, labels):
        b = t.get_window_extent(r)
        cx, cy = fx.transData.transform(one(fig, f"rate-{name}").get_xydata()[0])
        gap = np.hypot(max(b.x0 - cx, cx - b.x1, 0), max(b.y0 - cy, cy - b.y1, 0))
        assert gap <= 6 * pt, (name, gap / pt)
    notes = [one(fig, "limit-note").get_window_extent(r).padded(2 * pt)]
    for t in labels:
        assert not any(t.get_window_extent(r).overlaps(n) for n in notes), t.get_text()
    b = one(fig, "limit-note").get_window_extent(r)
    assert box.x0 <= b.x0 and b.x1 <= box.x1 and box.y0 <= b.y0 and b.y1 <= box.y1
    inside = (b.x0 - 2 * pt < px[:, 0]) & (px[:, 0] < b.x1 + 2 * pt) & (b.y0 - 2 * pt < px[:, 1]) \
        & (px[:, 1] < b.y1 + 2 * pt)
    assert not inside.any()


@pytest.mark.parametrize("theme", THEMES)
def test_learning_rates_notes_clear_of_data_and_marks_whole(theme):
    """The divergence note lies clear of every cost curve (its words nowhere on a curve's
    drawn points), the large run's exit cross is drawn whole inside the map's frame at its
    last landing on the map, and the paths that stay on the map lie on their casings."""
    fig = build("learning_rates", theme)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    note = one(fig, "leaves-note")
    box = Text.get_window_extent(note, renderer).padded(2)  # the words, not the arrow
    jx = note.axes
    for name, _ in COST_DESCENT.learning_rates:
        cost = one(fig, f"cost-{name}")
        ends = jx.transData.transform(cost.get_xydata())  # drawn straight in display space
        u = np.linspace(0, 1, 20)[:, None, None]
        px = (ends[:-1] + u * (ends[1:] - ends[:-1])).reshape(-1, 2)
        inside = ((box.x0 < px[:, 0]) & (px[:, 0] < box.x1)
                  & (box.y0 < px[:, 1]) & (px[:, 1] < box.y1))
        assert not inside.any(), name
    large = COST_DESCENT.run_learning_rates()["too large"]
    cross = one(fig, "exit-too large")
    (m0, m1), (b0, b1) = views.M_RANGE, views.B_RANGE
    mx, by = cross.get_xydata()[0]
    assert m0 < mx < m1 and b0 < by < b1  # the last landing on the map, the next one off it
    landings = one(fig, "path-too large").get_xydata()
    np.testing.assert_allclose(cross.get_xydata()[0], large.points[len(landings) - 1])
    np.testing.assert_allclose(cross.get_xydata()[0], landings[-1])
    nxt = large.points[len(landings)]
    assert not (m0 <= nxt[0] <= m1 and b0 <= nxt[1] <= b1)
    # the last landing is the cross's: no dot under it, none beyond it
    assert one(fig, "path-too large").get_markevery() == slice(0, -1)
    # drawn whole inside the map's frame
    cb, mb = cross.get_window_extent(renderer), cross.axes.get_window_extent(renderer)
    assert mb.x0 <= cb.x0 and cb.x1 <= mb.x1 and mb.y0 <= cb.y0 and cb.y1 <= mb.y1
    assert len(large.points) > len(one(fig, "path-too large").get_xydata())
    # the paths that stay on the map lie on their casings, wider than the races' (so the too
    # small azure reads over the dark map's blue)
    mod = gm.load("figures.learning_rates")
    for name in ("too small", "good"):
        path, casing = one(fig, f"path-{name}"), one(fig, f"casing:path-{name}")
        assert path.get_linewidth() == mod.PATH_WIDTH > race_plot.PATH_WIDTH
        assert casing.get_path_effects()[0].width == mod.PATH_CASING > th.CASING


# ---------------------------------------------------------------- cost-heatmap


def assert_line_runs_to_its_end(fig, path, end):
    """The run's line as drawn runs to its true last point, where its end mark stands: every
    one of its points drawn (none cut short of the star), the last the mark's data."""
    fig.canvas.draw()
    xy = path.get_xydata()
    np.testing.assert_allclose(xy[-1], end.get_xydata()[0])
    assert not hasattr(path, "drawn_xy")


@pytest.mark.parametrize("theme", THEMES)
def test_cost_heatmap_colours_path_and_colour_bar(theme):
    fig = build("cost_heatmap", theme)
    t = th.get(theme)
    meshes = [c for ax in plain_axes(fig) for c in ax.collections if isinstance(c, QuadMesh)]
    assert len(meshes) == 1 and meshes[0].get_cmap().name == t.heat_cmap
    _, _, J = regression.cost_grid(X, Y, views.M_RANGE, views.B_RANGE, views.GRID_SIZE)
    assert np.allclose(np.ravel(meshes[0].get_array()), np.ravel(J))
    # its cost bar beside the map's frame (an inset of it, as tall: the house shape)
    assert any(hasattr(c, "_colorbar") for a in fig.axes for c in a.child_axes)
    # the zig-zag's two long jumps arrows, its next three landings dots only (a line would
    # run back over the arrows), the line from the last of them, which is shorter than a dot
    # and a gap apart from the one before
    # (five on the square map: its sixth step is under KNOT_STEP)
    path = assert_descent_path(fig, good_run().points, knot=5)
    (dots,) = by_gid(fig, "steps")
    assert len(dots.get_xdata()) == 5
    assert any(x.get_text() == "dots: steps 1–5, then every 100th"
               for x in path.axes.get_legend().get_texts())
    assert same_colour(path.get_color(), t.accent)
    from figures import cost_heatmap

    ax = path.axes
    page = ax.transData.transform(good_run().points[:7]) * 72 / fig.dpi
    lengths = np.hypot(*np.diff(page, axis=0).T)
    assert np.all(lengths[:5] >= cost_heatmap.KNOT_STEP) and lengths[5] < cost_heatmap.KNOT_STEP
    # the colour bar numbered at its decades only, as mse-surface's: no minor ticks
    (bar,) = [c for a in fig.axes for c in a.child_axes if hasattr(c, "_colorbar")]
    assert not bar.yaxis.get_minorticklocs().size
    lo, hi = bar.get_ylim()
    decades = [v for v in bar.yaxis.get_majorticklocs() if lo <= v <= hi]
    assert len(decades) == 5 and np.allclose(np.log10(decades), np.round(np.log10(decades)))
    assert np.allclose(one(fig, "minimum").get_xydata(), [[M_STAR, B_STAR]])
    # the run's end at its last point, hollow, framing the star; the run named as in
    # gd-regression
    end = one(fig, "end")
    assert end.get_marker() == t.marker("end")["marker"]
    assert np.allclose(end.get_xydata(), [good_run().points[-1]])
    star = one(fig, "minimum")
    assert_end_frames_star(fig, end, star, good_run().points[-1], (M_STAR, B_STAR),
                           t.mark_color("minimum"))
    assert_line_runs_to_its_end(fig, path, end)
    # no dot of the slide touches the frame: a point of page or more from its rim
    to_pt = 72 / fig.dpi
    page = ax.transData.transform(one(fig, "every-steps").get_xydata()) * to_pt
    out = np.maximum(np.abs(page - end.page_xy()) - end.half(), 0)
    assert np.all(np.hypot(*out.T) - cost_heatmap.DOT / 2 >= 1.0)
    assert path.get_label() == views.run_name(COST_DESCENT.lr_good)
    # no visible pixels at 300 dpi: the colours are shaded smoothly between grid points, and
    # a row of the printed map changes by small steps (a cell of the 200-point grid spans
    # about 6 printed pixels; drawn cell by cell, each cell edge would be a jump)
    assert meshes[0]._shading == "gouraud"
    # the map's level lines over it (the dark fills keep to a narrow band of lightness), at
    # the map's levels in its line colours
    (levels,) = contour_sets(ax)
    assert not levels.filled and levels.get_cmap().name == t.cost_map.line_cmap
    np.testing.assert_allclose(levels.levels, views.contour_levels(J, t.cost_map.levels))
    # the slide down the floor marked every EVERY-th step, apart on the page; the key says
    # how many steps the run takes
    later = one(fig, "every-steps").get_xydata()
    assert len(later) >= 3
    idx = [int(np.flatnonzero(np.all(np.isclose(p, good_run().points), axis=1))[0])
           for p in later]
    assert all(k % cost_heatmap.EVERY == 0 for k in idx)
    assert any(x.get_text() == "end" for x in ax.get_legend().get_texts())
    assert_key_matches_end(fig, end, star)  # the house square alone, "end"
    # the colour bar beside the map, a few points off (the legend under the map, no wider)
    fig.canvas.draw()
    gap = (bar.get_window_extent().x0 - ax.get_window_extent().x1) * 72 / fig.dpi
    assert 0 < gap < 16
    levels.set_visible(False)  # the fills' smoothness, under the lines
    fig.set_dpi(300)
    fig.canvas.draw()
    img = np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int)
    x0, y0, x1, y1 = meshes[0].axes.get_window_extent().extents
    h = img.shape[0]
    row = img[int(h - (y0 + 0.1 * (y1 - y0))), int(x0) + 4:int(x0 + 0.3 * (x1 - x0))]
    assert np.abs(np.diff(row, axis=0)).sum(axis=1).max() <= 6


@pytest.mark.parametrize("theme", THEMES)
def test_cost_heatmap_words(theme):
    from figures import cost_heatmap

    f = cost_heatmap.facts()
    assert f["m_best"] == f"{M_STAR:.3f}" and f["b_best"] == f"{B_STAR:.3f}"
    assert f["b0"] == "−4" and f["steps"] == f"{good_run().steps:,}"
    # the book's one rule for a cost: three significant figures (0.00909)
    assert f["jend"] == numbers.cost(good_run().losses[-1]) == "0.00909"


# ---------------------------------------------------------------- feature-scaling


@pytest.mark.parametrize("theme", THEMES)
def test_feature_scaling_raw_zigzag_against_round_bowl(theme):
    fig = build("feature_scaling", theme)
    fs = procedure.FEATURE_SCALING.run()
    raw_ax, zoom_ax, scaled_ax = plain_axes(fig)
    # the raw run's bounces merge at the overview's scale: there its path is faint and thin,
    # gdcore's points to its end; the scaled run's path on its map
    (scaled_path,) = by_gid(fig, "path")
    assert scaled_path.axes is scaled_ax
    raw_path = one(fig, "raw-path")
    assert raw_path.axes is raw_ax and raw_path.get_alpha() < 1
    assert raw_path.get_linewidth() < scaled_path.get_linewidth()
    np.testing.assert_array_equal(raw_path.get_xydata(), fs.raw.trajectory.points)
    segs = np.array(one(fig, "bounces").get_segments())
    np.testing.assert_allclose(np.vstack([segs[:, 0], segs[-1:, 1]]), fs.raw.trajectory.points)
    assert fs.raw.trajectory.steps == fs.scaled.trajectory.steps
    assert f"{fs.raw.condition:.0f}" in raw_ax.get_title()
    assert f"{fs.scaled.condition:.0f}" in scaled_ax.get_title()
    assert fs.raw.condition > 300 and fs.scaled.condition == pytest.approx(1.0)
    # the scaled run reaches the minimum, the raw one does not (same number of steps)
    assert fs.scaled.trajectory.losses[-1] == pytest.approx(J_STAR, rel=1e-3)
    assert fs.raw.trajectory.losses[-1] > 4 * J_STAR
    # zig-zag: the raw path's steps in m change sign at every step; the scaled one's never
    dm_raw = np.diff(fs.raw.trajectory.points[:, 0])
    dm_scaled = np.diff(fs.scaled.trajectory.points[:, 0])
    assert np.all(np.diff(np.sign(dm_raw)) != 0)
    assert np.all(np.sign(dm_scaled[np.abs(dm_scaled) > 1e-12]) == np.sign(dm_scaled[0]))
    # no landing dots on the raw overview (they would merge into one blot)
    assert not [c for c in by_gid(fig, "steps") if c.axes is raw_ax]
    # the scaled run's last steps, shorter than a dot, do not pile up on the minimum: its dots
    # are gdcore's landings, each clear of the star and a dot's width from the one before (read
    # on the page), and its end square frames the star at the run's last point
    module = gm.load("figures.feature_scaling")
    (star,) = [s for s in by_gid(fig, "minimum") if s.axes is scaled_ax]
    (dots,) = [c for c in by_gid(fig, "steps") if c.axes is scaled_ax]
    fig.canvas.draw()
    pts = fs.scaled.trajectory.points
    shown = dots.get_offsets()
    assert 1 <= len(shown) < len(pts) - 1  # the steps clear of the star and its end square
    assert all(np.any(np.all(np.isclose(p, pts[1:]), axis=1)) for p in shown)
    to_pt = scaled_ax.transData.transform
    scale = 72 / fig.dpi
    page = to_pt(shown) * scale
    clear = module.star_radius(th.get(theme)) + module.dot_radius()
    assert np.all(np.hypot(*(page - to_pt(star.get_xydata())[0] * scale).T) >= clear)
    assert np.all(np.hypot(*np.diff(page, axis=0).T) >= 2 * module.dot_radius())
    # the same time shading as the zoom's landings: step k's shade is the zoom's step k's
    zoom_shade = dict(zip(map(tuple, one(fig, "zoom-steps").get_offsets()),
                          one(fig, "zoom-steps").get_array()))
    assert len(zoom_shade) == len(pts) - 2  # the last landing is the zoom's end square
    index = [int(np.flatnonzero(np.all(np.isclose(p, pts), axis=1))[0]) for p in shown]
    np.testing.assert_allclose(dots.get_array(), module.shades(th.get(theme), len(pts) - 1)[
        np.array(index) - 1])
    (end,) = [e for e in by_gid(fig, "end") if e.axes is scaled_ax]
    np.testing.assert_allclose(end.get_xydata(), [pts[-1]])
    # the path is gdcore's points, every one, to the run's true last point, where its end
    # square stands
    np.testing.assert_array_equal(scaled_path.get_xydata(), pts)
    # the landings the page cannot part lie under the star, as the end square's key says (a
    # note on the rings stood on a hole its halo punched in them); some are hidden
    assert index[-1] + 1 < len(pts) - 1
    (legend,) = fig.legends
    assert legend.get_texts()[-1].get_text() == module.END_KEY
    assert module.END_KEY == "end"
    assert_end_frames_star(fig, end, star, pts[-1], fs.scaled.optimum,
                           th.get(theme).mark_color("minimum"))
    assert_key_matches_end(fig, end, star)  # the figure's key draws the end as the map does
    # ...and no dot touches the frame round the star: a point of page or more between them
    fig.canvas.draw()
    half = end.get_markersize() / 2 + end.get_markeredgewidth() / 2
    assert half == pytest.approx(end.half())
    out = np.maximum(np.abs(to_pt(shown) * scale - end.page_xy()) - half, 0)
    assert np.all(np.hypot(*out.T) - module.dot_radius() >= 1.0)
    # the three panels one height, level at top and bottom; the round bowl at one scale in
    # m' and b'; no words inside a map (rate and cost in the titles, the note in the key)
    fig.canvas.draw()
    boxes = [a.get_position() for a in (raw_ax, zoom_ax, scaled_ax)]
    assert [b.y1 for b in boxes] == pytest.approx([boxes[0].y1] * 3, abs=1e-3)
    assert [b.y0 for b in boxes] == pytest.approx([boxes[0].y0] * 3, abs=1e-3)
    (u0, v0), (u1, v1) = to_pt([(0, 0), (1, 1)])
    assert u1 - u0 == pytest.approx(v1 - v0, rel=1e-3)
    # the three frames square, as every map of J (the raw map was 0.79 times as wide as tall),
    # and the scaled window centred on the minimum with its start inside
    for a in (raw_ax, zoom_ax, scaled_ax):
        box = a.get_window_extent()
        assert box.height / box.width == pytest.approx(gm.MAP_ASPECT, abs=0.005)
    (m0, m1), (b0, b1) = scaled_ax.get_xlim(), scaled_ax.get_ylim()
    assert (m0 + m1) / 2 == pytest.approx(fs.scaled.optimum[0])
    assert (b0 + b1) / 2 == pytest.approx(fs.scaled.optimum[1])
    assert m0 < pts[0, 0] < m1 and b0 < pts[0, 1] < b1
    assert not raw_ax.texts
    assert not [x for x in scaled_ax.texts if x.get_text().strip()]
    # one rule for both costs, decades apart: numbers.cost (0.940, 0.00903), the scaled one
    # named J* as it is the least cost to the figures written
    assert f"$J = {numbers.cost(fs.raw.trajectory.losses[-1], 'latex')}$" in raw_ax.get_title()
    assert f"$J \\approx J^* = {numbers.cost(J_STAR, 'latex')}$" in scaled_ax.get_title()
    assert numbers.cost(fs.scaled.trajectory.losses[-1]) == numbers.cost(J_STAR) == "0.00903"
    assert numbers.cost(fs.raw.trajectory.losses[-1]) == "0.940"


@pytest.mark.parametrize("theme", THEMES)
def test_feature_scaling_steps_key_shows_landings_shaded_by_time(theme):
    # the key that names the landings "shaded by time" draws them so: dots along its line,
    # from the first landing's pale shade to the last's full accent, as on the zoom
    fig = build("feature_scaling", theme)
    t = th.get(theme)
    (key,) = fig.legends
    (dots,) = [c for c in key.findobj(PathCollection) if c.get_gid() == "steps-key"]
    colors = dots.get_facecolors()
    first, last = (gm.load("figures.feature_scaling").shades(t, 16)[i] for i in (0, -1))
    shade = gm.load("figures.feature_scaling").time_shade(t)
    assert len(colors) == 3
    assert np.allclose(colors[0], shade(first)) and np.allclose(colors[-1], shade(last))
    assert same_colour(dots.get_edgecolors()[0], t.accent)
    xs = dots.get_offsets()[:, 0]
    assert np.all(np.diff(xs) > 0)


@pytest.mark.parametrize("theme", THEMES)
def test_feature_scaling_zoom_shows_every_bounce(theme):
    fig = build("feature_scaling", theme)
    fs = procedure.FEATURE_SCALING.run()
    raw_ax, zoom_ax, _ = plain_axes(fig)
    pts = fs.raw.trajectory.points
    # the zoom holds the whole raw run, and the box on the raw map is the zoom's window
    (m0, m1), (b0, b1) = zoom_ax.get_xlim(), zoom_ax.get_ylim()
    assert m0 < pts[:, 0].min() and pts[:, 0].max() < m1
    assert b0 < pts[:, 1].min() and pts[:, 1].max() < b1
    box = one(fig, "zoom-window")
    assert box.axes is raw_ax
    # the box on the raw map is exactly the zoom's window (the landings are the zoom's alone)
    np.testing.assert_allclose([box.get_x(), box.get_x() + box.get_width(), box.get_y(),
                                box.get_y() + box.get_height()], [m0, m1, b0, b1])
    # the zoom enlarges b more than m against the overview: said on the panel, with the
    # factor the page draws
    fig.canvas.draw()
    module = gm.load("figures.feature_scaling")
    k = module.stretch(raw_ax, zoom_ax)
    assert k > 3
    (note,) = [t for t in zoom_ax.texts if t.get_gid() == "stretch"]
    assert note.get_text() == module.STRETCH_NOTE.format(k=numbers.text(k, sig=2))
    assert note.get_window_extent().y1 < zoom_ax.title.get_window_extent().y0
    # the run's last landing is the house end square, at its point; a dot at every other
    (end,) = [e for e in by_gid(fig, "zoom-end") if e.axes is zoom_ax]
    np.testing.assert_allclose(end.get_xydata(), [pts[-1]])
    assert end.get_marker() == th.MARKERS["end"].marker
    # one dot size in the three panels
    sizes = {float(c.get_sizes()[0]) for c in fig.findobj(PathCollection)
             if str(c.get_gid()).endswith("steps")}
    assert len(sizes) == 1
    # one segment per step, from gdcore's points, shaded from pale to full by time
    bounces = one(fig, "bounces")
    segs = np.array(bounces.get_segments())
    np.testing.assert_allclose(segs[:, 0], pts[:-1])
    np.testing.assert_allclose(segs[:, 1], pts[1:])
    bg = np.array(mcolors.to_rgb(th.get(theme).background))
    dist = np.linalg.norm(bounces.get_colors()[:, :3] - bg, axis=1)
    assert np.all(np.diff(dist) > 0)
    np.testing.assert_allclose(one(fig, "zoom-steps").get_offsets(), pts[1:-1])
    # each landing on the other side of the valley floor (the steep eigenvector's sign flips)
    across = fs.raw.across()
    assert np.all(np.sign(across[1:]) == -np.sign(across[:-1]))
    # the zoom keeps the raw map's colours: its levels lie on the raw map's level scale
    raw_levels = contour_sets(raw_ax)[0].levels
    zoom_levels = contour_sets(zoom_ax)[0].levels
    np.testing.assert_allclose(zoom_levels, raw_levels)
    assert across[1] / across[0] == pytest.approx(-0.94, abs=5e-3)
    # the title says what each step does, two lines as the maps' titles (the factor per step
    # is the caption's)
    assert zoom_ax.get_title() == "The box zoomed: each step\nflips across the valley"
    assert raw_ax.get_title().count("\n") == 1  # two lines, the maps as the zoom
    # two thin leaders in ink from the box's right corners to the zoom's left ones
    fig.canvas.draw()
    to_px = raw_ax.transData.transform
    (_, by0), (bx1, by1) = to_px([(box.get_x(), box.get_y()),
                                  (box.get_x() + box.get_width(),
                                   box.get_y() + box.get_height())])
    t = th.get(theme)
    for k, (corner, y) in enumerate((((0, 0), by0), ((0, 1), by1))):
        c = one(fig, f"zoom-leader-{k + 1}")
        assert same_colour(c.get_edgecolor(), t.text) and c.get_linewidth() < box.get_linewidth()
        (ax_, ay), (bx_, by_) = c.xy1, c.xy2
        assert to_px((ax_, ay)) == pytest.approx((bx1, y), abs=0.5)
        assert (bx_, by_) == corner


# ---------------------------------------------------------------- one view of the seven points

DATA_STILLS = ("regression_data", "candidate_lines", "residuals", "slope_sweep", "gd_regression")


def data_panels(fig) -> list:
    """The axes of a still that draw the seven points (their scatter's offsets are gdcore's)."""
    return [ax for ax in plain_axes(fig) for c in ax.collections
            if isinstance(c, PathCollection) and np.allclose(c.get_offsets(),
                                                            np.column_stack([X, Y]))]


def view_of(ax) -> tuple:
    ax.figure.canvas.draw()
    return (ax.get_xlim(), ax.get_ylim(), tuple(ax.get_xticks()), tuple(ax.get_yticks()),
            tuple(t.get_text() for t in ax.get_xticklabels()),
            tuple(t.get_text() for t in ax.get_yticklabels() if t.get_visible()))


def test_the_seven_points_in_one_view_in_every_still(theme="light"):
    """regression-data, candidate-lines, residuals, slope-sweep and gd-regression show the
    points in the same window with the same ticks (gdviz.views, gm.data_view), read back (in
    the print theme: a theme sets colours only, the views are its figures' own)."""
    views_seen = {}
    for name in DATA_STILLS:
        panels = data_panels(build(name, theme))
        assert panels, name
        for ax in panels:
            views_seen.setdefault(name, set()).add(view_of(ax)[:4])
    want = (views.X_RANGE, views.Y_RANGE, views.X_TICKS, views.Y_TICKS)
    for name, seen in views_seen.items():
        assert seen == {want}, name
    # the tick numbers as people read them: each in its shortest form (1, 1.5, 2, …)
    ax = data_panels(build("regression_data", theme))[0]
    xl, yl = view_of(ax)[4:]
    assert xl == ("2", "3", "4", "5") and yl == ("1", "1.5", "2", "2.5", "3", "3.5")
    # every point and every error segment inside the window
    assert views.Y_RANGE[0] < Y.min() and Y.max() < views.Y_RANGE[1]
    for m in (M_STAR + d for d in data.SLOPE_SWEEP.offsets):
        pred = regression.predict(m, B_STAR, X)
        assert views.Y_RANGE[0] < pred.min() and pred.max() < views.Y_RANGE[1]


@pytest.mark.parametrize("theme", THEMES)
def test_gd_regression_map_is_the_house_cost_map(theme):
    """gd-regression's map is gm.contour_map's: fills at full strength in the cost map and
    level lines in the map's line colours (not the page colour), the same as a reference map
    drawn by gm.contour_map on the same grid."""
    import matplotlib.pyplot as plt

    t = th.get(theme)
    fig = build("gd_regression", theme)
    (cx,) = [ax for ax in plain_axes(fig) if contour_sets(ax)]
    M, B, J = regression.cost_grid(X, Y, views.M_RANGE, views.B_RANGE, views.GRID_SIZE)
    ref_fig, ref = plt.subplots()
    gm.contour_map(ref, t, M, B, J)
    for got, want in zip(contour_sets(cx), contour_sets(ref), strict=True):
        assert got.filled == want.filled
        assert np.allclose(got.levels, want.levels)
        assert got.get_alpha() in (None, 1)
        assert got.get_cmap().name == want.get_cmap().name
        np.testing.assert_allclose(got.get_edgecolor(), want.get_edgecolor())
        np.testing.assert_allclose(got.get_facecolor(), want.get_facecolor())
    plt.close(ref_fig)
    (lines,) = [c for c in contour_sets(cx) if not c.filled]
    assert lines.get_cmap().name == t.cost_map.line_cmap
    assert not any(same_colour(c, t.background) for c in lines.get_edgecolor())


@pytest.mark.parametrize("t", ["light", "dark"])
@pytest.mark.parametrize(("name", "gid"), [
    ("candidate_lines", "line"), ("gd_regression", "line-"), ("residuals", "model"),
    ("overfitting_poly", "fit"), ("regularization", "fit"), ("cross_validation", "fit")])
def test_the_models_curve_is_in_the_model_colour(name, gid, t):
    """One role for the model's curve in every still (theme.MODEL_ROLE, ink): never the accent,
    which is the descent's and a validation set's."""
    from matplotlib.lines import Line2D

    theme = th.get(t)
    assert theme.model == theme.role(th.MODEL_ROLE) != theme.accent
    fig = build(name, t)
    curves = [ln for ln in fig.findobj(Line2D)
              if (ln.get_gid() or "") == gid or (gid.endswith("-") and
                                                   (ln.get_gid() or "").startswith(gid))]
    assert curves
    assert all(mcolors.same_color(ln.get_color(), theme.model) for ln in curves)


@pytest.mark.parametrize("t", ["light", "dark"])
def test_a_classifiers_boundary_is_in_the_model_colour(t):
    from matplotlib.contour import ContourSet

    theme = th.get(t)
    fig = build("loss_curve", t)
    (boundary,) = [c for c in fig.findobj(ContourSet) if not c.filled]
    assert mcolors.same_color(boundary.get_edgecolor()[0][:3], theme.model)


# ---------------------------------------------------------------- zooms keep their map's colours


def _zoom_and_parent(name, fig):
    """The zoom (an inset, an enlarged window) of a still and the map or surface it enlarges."""
    if name in ("descent_3d", "gradient_geometry"):
        (ax3,) = axes_3d(fig)
        zoom = [a for a in plain_axes(fig) if [c for c in a.collections
                                               if isinstance(c, QuadContourSet) and c.filled]]
        return zoom[-1], ax3
    if name == "gd_regression":
        ((zoom, parent),) = [(c, a) for a in fig.axes for c in a.child_axes
                             if c.get_gid() == "zoom"]
        return zoom, parent
    ax, zx = fig.axes[:2]  # feature-scaling: the raw map, then its zoom
    return zx, ax


@pytest.mark.parametrize("name", ["descent_3d", "gd_regression", "feature_scaling",
                                  "gradient_geometry"])
def test_a_zoom_colours_each_cost_as_its_parent_map_does(name):
    # one colour, one J: a zoom's fills run over its parent map's (or surface's) costs and
    # scale (gm.inset_map), never its own window's range, which would give a J of the floor
    # the colour of the parent's rim
    fig = build(name, "light")
    zoom, parent = _zoom_and_parent(name, fig)
    least, largest, log = gm.colouring(parent)
    assert gm.colouring(zoom) == (least, largest, log)
    (fills,) = [c for c in zoom.collections if isinstance(c, QuadContourSet) and c.filled]
    assert (fills.norm.vmin, fills.norm.vmax) == pytest.approx((least, largest))
    assert isinstance(fills.norm, mcolors.LogNorm) == log
    # its levels the parent's span's (past its ends, the end colours)
    assert fills.levels[0] == pytest.approx(least) and fills.levels[-1] == pytest.approx(largest)


def test_gradient_geometry_marks_the_view_from_above_on_the_bowl():
    # the 3-D panel is the view from above's context: the same dot at the point in every
    # panel, and the view's square outlined on the bowl in its frame's line
    t = th.get("light")
    fig = build("gradient_geometry", "light")
    mod = gm.load("figures.gradient_geometry")
    bowl = surfaces.valley
    (_, ax2) = plain_axes(fig)
    dot = t.marker("current")
    touches = [one(fig, "curve-touch"), one(fig, "touch"),
               [ln for ln in ax2.lines if ln.get_marker() == "o"][-1]]
    for mark in touches:
        assert mark.get_marker() == dot["marker"]
        assert mark.get_markersize() == dot["markersize"]
        assert same_colour(mark.get_markerfacecolor(), t.accent)
        assert same_colour(mark.get_markeredgecolor(), t.background)
    square = one(fig, "view-square")
    sx, sy, sz = (np.asarray(v) for v in square.get_data_3d())
    (x0, x1), (y0, y1) = mod.WINDOW
    view_x, view_y = ax2.get_xlim(), ax2.get_ylim()
    assert (sx.min(), sx.max()) == pytest.approx((max(view_x[0], x0), min(view_x[1], x1)))
    assert (sy.min(), sy.max()) == pytest.approx((max(view_y[0], y0), min(view_y[1], y1)))
    np.testing.assert_allclose(sz, bowl(sx, sy))  # on the bowl
    for spine in ax2.spines.values():
        assert spine.get_visible() and same_colour(spine.get_edgecolor(), square.get_color())
        assert spine.get_linewidth() == square.get_linewidth() == mod.SQUARE_WIDTH
    assert same_colour(square.get_color(), t.muted)


@pytest.mark.parametrize("t", ("light", "dark"))
def test_gradient_geometry_names_the_bowls_cuts(t):
    # the two ink curves on the 3-D bowl are named where they are drawn: each name's leader
    # ends at its cut's upper end, projected as the panel draws it, and the name is in ink
    from mpl_toolkits.mplot3d import proj3d

    fig = build("gradient_geometry", t)
    mod = gm.load("figures.gradient_geometry")
    bowl = surfaces.valley
    for cut, name, text in (("cut-x", "cut-x-name", "cut along $x$"),
                            ("cut-y", "cut-y-name", "cut along $y$")):
        line = one(fig, cut)
        label = one(fig, name)
        assert label.get_text() == text == mod.CUT_NAMES[name]
        assert same_colour(label.get_color(), th.get(t).text)
        xs, ys, zs = (np.asarray(v) for v in line.get_data_3d())
        np.testing.assert_allclose(zs, bowl(xs, ys))
        top = int(np.argmax(zs))
        ax = line.axes
        u, v, _ = proj3d.proj_transform(xs[top], ys[top], zs[top], ax.get_proj())
        # within a pixel of the drawn end (the projection settles as the figure is drawn)
        gap = ax.transData.transform(label.xy) - ax.transData.transform((u, v))
        assert np.hypot(*gap) < 1.0
        assert label.arrow_patch is not None
        # the name stands clear of the panel's own plot box edge: inside the figure
        fig.canvas.draw()
        box = label.get_window_extent()
        assert box.x0 > 0 and box.x1 < fig.bbox.x1


# ---------------------------------------------------------------- one shape of the J(m, b) map

MAPS_OF_J = ("cost_heatmap", "gd_regression", "mse_surface", "nonconvex_loss", "learning_rates",
             "feature_scaling")


@pytest.mark.parametrize("name", MAPS_OF_J)
def test_every_flat_map_of_j_takes_one_shape(name):
    # the same map at one shape wherever it is drawn (it was 2.06, 1.28, 1.0 and 0.8 times as
    # wide as tall, and its valley leaned at as many angles): its frame gm.MAP_ASPECT times as
    # tall as wide on the page, and a cost bar beside it exactly as tall
    fig = build(name, "light")
    fig.canvas.draw()
    maps = [a for a in plain_axes(fig) if a.get_xlim() == pytest.approx(views.M_RANGE)
            and a.get_ylim() == pytest.approx(views.B_RANGE)]
    assert maps
    for ax in maps:
        box = ax.get_window_extent()
        assert box.height / box.width == pytest.approx(gm.MAP_ASPECT, abs=0.005)
        for bar in [c for c in ax.child_axes if hasattr(c, "_colorbar")]:
            bar_box = bar.get_window_extent()
            assert (bar_box.y0, bar_box.y1) == pytest.approx((box.y0, box.y1), abs=0.5)
    assert gm.MAP_ASPECT == 1.0
