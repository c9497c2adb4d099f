"""The house marks read back from the stills: every start, end, minimum and class mark of these
figures is drawn with its role's shape and colours (theme.marker / theme.class_marker), at the
point gdcore gives, and their iteration axes count with thousands separators."""

from __future__ import annotations

import numpy as np
import pytest
from endmarks import assert_end_frames_star, assert_key_matches_end
from figure_baselines import figure as build
from matplotlib.colors import same_color
from matplotlib.lines import Line2D

from gdcore import data, local_minima, regression
from gdcore import training_procedure as procedure
from gdcore.cost_descent import COST_DESCENT
from gdcore.networks import LOSS_CURVE
from gdviz import mpl as gm
from gdviz import theme as th

THEMES = ("light", "dark")


def by_gid(fig, gid: str) -> Line2D:
    found = [a for a in fig.findobj(Line2D) if a.get_gid() == gid]
    assert len(found) == 1, f"{gid}: {len(found)} lines"
    return found[0]


def assert_mark(line: Line2D, t: th.Theme, kind: str, face: str | None = None) -> None:
    """`line` is drawn as the house mark `kind` (its fill `face` when a run's colour fills it)."""
    want = t.marker(kind)
    assert line.get_marker() == want["marker"], kind
    assert line.get_linestyle() == "None"
    assert same_color(line.get_markerfacecolor(), face or want["markerfacecolor"]), kind
    assert same_color(line.get_markeredgecolor(), want["markeredgecolor"]), kind
    assert line.get_markersize() == want["markersize"]


def at(line: Line2D) -> tuple[float, float]:
    return float(np.ravel(line.get_xdata())[0]), float(np.ravel(line.get_ydata())[0])


def tick_labels(axis) -> list[str]:
    fmt = axis.get_major_formatter()
    return [fmt(v) for v in axis.get_majorticklocs()]


def test_count_formatter_writes_counts_for_people():
    fmt = gm.count_formatter()
    assert [fmt(v) for v in (0, 1, 10, 100, 1000, 3000, 12500)] == [
        "0", "1", "10", "100", "1,000", "3,000", "12,500"]


@pytest.mark.parametrize("theme", THEMES)
def test_gd_regression_start_ring_minimum_star_and_counted_iterations(theme):
    t, fig = th.get(theme), build("gd-regression", theme)
    traj = COST_DESCENT.run()
    start = by_gid(fig, "start")
    assert_mark(start, t, "start")
    assert at(start) == pytest.approx(tuple(traj.points[0]))
    x, y = data.regression_points()
    star = by_gid(fig, "minimum")
    assert_mark(star, t, "minimum")
    assert at(star) == pytest.approx(regression.least_squares(x, y))
    # the scheduled steps after the zig-zag (t = 3 ends its third arrow) as current dots, the
    # last step as the end square, at its point, hollow, framing the star
    sched = COST_DESCENT.schedule()
    dots = by_gid(fig, "iterations")
    assert_mark(dots, t, "current")
    outside = [s for s in sched[1:-1] if s > 15]  # t = 3 and 15 lie in the zig-zag's window
    np.testing.assert_allclose(dots.get_xydata(), traj.points[outside])
    zoomed = by_gid(fig, "zoom-iterations")
    assert_mark(zoomed, t, "current")
    np.testing.assert_allclose(zoomed.get_xydata(), traj.points[[3, 15]])
    end = by_gid(fig, "end")
    assert end.get_marker() == t.marker("end")["marker"]
    assert end.colour == t.accent
    assert at(end) == pytest.approx(tuple(traj.points[-1]))
    assert_end_frames_star(fig, end, star, traj.points[-1], at(star), t.mark_color("minimum"))
    # the legend keys the end as the house square alone, "end"
    assert_key_matches_end(fig, end, star)
    # the cost panel: t = 0 is the start ring, whole inside the axes (not cut by the spine)
    ring = by_gid(fig, "start-cost")
    assert_mark(ring, t, "start")
    assert at(ring) == pytest.approx((0, traj.losses[0]))
    ax = ring.axes
    assert ax.get_xlim()[0] < 0
    fig.canvas.draw()
    r = t.marker("start")["markersize"] / 72 * fig.dpi / 2  # the ring's radius in pixels
    px = ax.transData.transform((0, traj.losses[0]))[0]
    assert px - r >= ax.bbox.x0
    labels = tick_labels(ax.xaxis)
    assert "1,000" in labels and "1000" not in labels


@pytest.mark.parametrize("theme", THEMES)
def test_learning_rates_iteration_axis_counts(theme):
    fig = build("learning-rates", theme)
    axes = [ax for ax in fig.axes if ax.get_xscale() == "symlog"]
    assert axes
    for ax in axes:
        labels = tick_labels(ax.xaxis)
        assert "1,000" in labels and "1000" not in labels


@pytest.mark.parametrize("theme", THEMES)
def test_slope_sweep_bottom_is_the_minimum_star(theme):
    t, fig = th.get(theme), build("slope-sweep", theme)
    x, y = data.regression_points()
    m, b = regression.least_squares(x, y)
    star = by_gid(fig, "minimum")
    assert_mark(star, t, "minimum")
    assert at(star) == pytest.approx((m, regression.cost(m, b, x, y)))


@pytest.mark.parametrize("theme", THEMES)
def test_model_capacity_least_test_cost_is_the_minimum_star(theme):
    t, fig = th.get(theme), build("model-capacity", theme)
    from figures.model_capacity import DEGREES
    err = procedure.polynomial_errors(procedure.overfit_data(), DEGREES)
    b = int(np.argmin(err.test))
    star = by_gid(fig, "best")
    assert_mark(star, t, "minimum")
    assert at(star) == (DEGREES[b], err.test[b])
    assert_star_on_point(star, by_gid(fig, "test"))


@pytest.mark.parametrize("theme", THEMES)
def test_regularization_least_test_cost_is_the_minimum_star(theme):
    t, fig = th.get(theme), build("regularization", theme)
    star = by_gid(fig, "best")
    assert_mark(star, t, "minimum")
    EX = procedure.REGULARIZATION
    _, rp = EX.run()
    b = EX.best_row(rp)
    assert b == int(np.argmin(rp.test))
    assert at(star) == (rp.lams[b], rp.test[b])
    (test,) = [ln for ln in star.axes.lines if ln.get_gid() == "test"]
    assert_star_on_point(star, test)
    # the best of the fits above: its title says so, "(least test cost)" after its λ, the
    # star just before the title, outside the plot (inside, it read as a data point); no
    # green frame
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    panel = by_gid(fig, "best-panel")
    assert panel.get_marker() == "*" and panel.get_markerfacecolor() == t.mark_color("minimum")
    assert not [tx for a in fig.axes for tx in a.texts if tx.get_gid() == "best-words"]
    (ax,) = [a for a in fig.axes if "least test cost" in a.get_title()]
    assert ax.get_title() == r"$\lambda = 10^{-4}$ (least test cost)"
    frame, title = ax.get_window_extent(r), ax.title.get_window_extent(r)
    mark = panel.get_window_extent(r)
    assert title.x0 - 8 <= mark.x1 <= title.x0
    assert title.y0 <= mark.y0 + mark.height / 2 <= title.y1
    assert mark.y0 > frame.y1  # over the plot, not in it
    # the star and the title stand clear of the neighbouring panels
    others = [a.get_window_extent(r) for a in fig.axes
              if a is not ax and any(ln.get_gid() == "fit" for ln in a.lines)]
    assert len(others) == 3
    assert all(mark.x0 > o.x1 or title.x1 < o.x0 for o in others)
    assert all(sp.get_edgecolor() != t.good for sp in ax.spines.values())


def assert_star_on_point(star, points) -> None:
    """The best value's star stands on its point, at the value it names (data coordinates,
    no offset), in place of the set's mark there (the set's line, `points`, leaves that point
    unmarked) and over the line, so that no mark of the set peeps from under it."""
    x, y = star.get_xdata()[0], star.get_ydata()[0]
    assert star.get_transform() == star.axes.transData
    xs, ys = np.asarray(points.get_xdata()), np.asarray(points.get_ydata())
    (k,) = np.flatnonzero((xs == x) & (ys == y))
    every = points.get_markevery()
    assert list(every) == [i for i in range(xs.size) if i != k]
    assert star.get_zorder() > points.get_zorder()


@pytest.mark.parametrize("theme", THEMES)
def test_train_val_curves_early_stop_is_the_minimum_star_on_a_counted_axis(theme):
    t, fig = th.get(theme), build("train-val-curves", theme)
    from figures.train_val_curves import curves
    c = curves()
    star = by_gid(fig, "best")
    assert_mark(star, t, "minimum")
    assert at(star) == (c.best_epoch, c.val[c.best_epoch]) and c.best_epoch == np.argmin(c.val)
    labels = tick_labels(star.axes.xaxis)
    assert labels[-2:] == ["1,000", f"{c.train.size - 1:,}"]


def assert_end(end: Line2D, t: th.Theme, colour: str, on_star: bool) -> None:
    """`end` as the page draws it: one mark, the house end square, hollow, its outline
    gm.FRAME_WIDTH in the run's colour, at the run's last point; at its house size, or, for a
    run that ends on the star, large enough to frame the star (gm.EndMark)."""
    assert end.get_transform() == end.axes.transData  # at its data
    assert end.get_marker() == "s" and end.get_markerfacecolor() == "none"
    assert same_color(end.get_markeredgecolor(), colour)
    assert end.get_markeredgewidth() == gm.FRAME_WIDTH == t.end()["markeredgewidth"]
    if not on_star:
        assert end.get_markersize() == t.marker("end")["markersize"]
        return
    assert isinstance(end, gm.EndMark) and end.on_star()
    assert end.get_markersize() > 2 * t.marker("minimum")["markersize"] / 2  # frames the star


@pytest.mark.parametrize("theme", THEMES)
def test_local_minima_runs_start_on_rings_and_end_on_squares(theme):
    t, fig = th.get(theme), build("local-minima", theme)
    fig.canvas.draw()  # the ends take their look as the page is laid out
    exp = local_minima.LOCAL_MINIMA
    deepest = float(exp.surface.minimum[0])  # the star's w
    for w0, tr in local_minima.run_plain(exp).items():
        assert_mark(by_gid(fig, f"start:{w0:g}"), t, "start")
        end = by_gid(fig, f"end:{w0:g}")
        assert_end(end, t, t.accent, abs(tr.final[0] - deepest) < 1e-3)  # plain: the accent
        assert at(end) == pytest.approx((tr.final[0], tr.losses[-1]))
    rolled = local_minima.run_momentum(exp)
    end = by_gid(fig, "end:momentum")
    assert_end(end, t, t.opt("Momentum"), True)
    assert at(end) == pytest.approx((rolled.final[0], rolled.losses[-1]))
    assert_end(by_gid(fig, "end:stalled"), t, t.accent, False)
    # no round ball is left on any run's last point
    balls = [ln for ln in fig.findobj(Line2D) if ln.get_marker() == "o"
             and ln.get_markersize() > t.marker("start")["markersize"]]
    assert not balls


@pytest.mark.parametrize("theme", THEMES)
def test_loss_curve_classes_are_blue_dots_and_rust_triangles_never_a_reserved_shape(theme):
    t, fig = th.get(theme), build("loss-curve", theme)
    X, Y, _ = LOSS_CURVE.run()
    cls = Y[:, 0] > LOSS_CURVE.threshold
    reserved = {m.marker for k, m in th.MARKERS.items() if k != "data"}
    shapes = []
    for k, pick in enumerate((~cls, cls)):
        line = by_gid(fig, f"class{k}")
        want = t.class_marker(k)
        assert line.get_marker() == want["marker"] and line.get_linestyle() == "None"
        assert same_color(line.get_markerfacecolor(), want["markerfacecolor"])
        assert same_color(line.get_markeredgecolor(), want["markeredgecolor"])
        np.testing.assert_array_equal(line.get_xydata(), X[pick])
        shapes.append(line.get_marker())
    assert shapes == ["o", "^"]
    assert not set(shapes[1:]) & reserved and shapes[0] == th.MARKERS["data"].marker
    # two colours as well as two shapes: the filled data dot, a filled triangle in the rust
    c0, c1 = by_gid(fig, "class0"), by_gid(fig, "class1")
    assert same_color(c0.get_markerfacecolor(), t.data)
    assert same_color(c1.get_markerfacecolor(), t.negative)
    for c in (c0, c1):
        assert same_color(c.get_markeredgecolor(), t.background)
    # start and end of the cost curve in the house marks; its iteration axis counted
    assert_mark(by_gid(fig, "start"), t, "start")
    # the end the run's square, in the run's colour: ink beside the classes (the accent is
    # the rust's kin, theme.beside_classes), as its curve
    end, want = by_gid(fig, "end"), t.end(t.beside_classes("accent"))
    assert end.get_marker() == want["marker"] and end.get_markersize() == want["markersize"]
    assert same_color(end.get_markeredgecolor(), t.text)
    assert same_color(end.get_markeredgecolor(), by_gid(fig, "loss").get_color())
    loss = by_gid(fig, "loss")
    labels = tick_labels(loss.axes.xaxis)
    assert "1,000" in labels and "1000" not in labels


@pytest.mark.parametrize("theme", THEMES)
def test_race_saddle_marks_its_saddle_point_with_the_plus_not_the_star(theme):
    t, fig = th.get(theme), build("race_saddle", theme)
    saddle = by_gid(fig, "saddle")
    assert_mark(saddle, t, "saddle")
    assert at(saddle) == (0.0, 0.0)  # J(w₁, w₂) = w₁² − w₂²: zero gradient at the origin only
    assert not [a for a in fig.findobj(Line2D) if a.get_gid() == "minimum"]


def _legend_keys(fig):
    """(legend, key artist, its words) of every legend entry of a drawn figure whose key is one
    Line2D or scatter (an entry of several artists, a dot and a line, is left out)."""
    from matplotlib.collections import PathCollection
    from matplotlib.offsetbox import DrawingArea, HPacker, TextArea

    legends = [a.get_legend() for a in fig.axes if a.get_legend()] + list(fig.legends)
    for lg in legends:
        for row in lg.findobj(HPacker):
            parts = row.get_children()
            if (len(parts) == 2 and isinstance(parts[0], DrawingArea)
                    and isinstance(parts[1], TextArea)):
                keys = parts[0].get_children()
                (text,) = parts[1].get_children()
                if (len(keys) == 1 and isinstance(keys[0], Line2D | PathCollection)
                        and text.get_text().strip()):
                    yield lg, keys[0], text


@pytest.mark.parametrize("target", ["gd-regression", "learning-rates", "local-minima",
                                    "overfitting-poly", "race-beale"])
def test_marker_only_keys_sit_next_to_their_words(target):
    # a key with a mark and no line (start ring, end square, star, diamond, dot) has its mark
    # at the key's right end, within a font size of its words; a line's key stays
    # LEGEND_HANDLE font sizes long
    from matplotlib.collections import PathCollection

    fig = build(target, "light")
    fig.draw_without_rendering()  # the keys' places at the figure's own resolution
    renderer = fig.canvas.get_renderer()
    px = fig.dpi / 72
    marks = 0
    for lg, key, text in _legend_keys(fig):
        fs = lg.prop.get_size_in_points() * px
        word = text.get_window_extent(renderer).x0
        if isinstance(key, PathCollection):
            x = key.get_offset_transform().transform(key.get_offsets())[:, 0]
            reach = np.sqrt(max(key.get_sizes())) / 2 * px
        elif gm._marker_only(key):
            x = key.get_transform().transform(key.get_xydata())[:, 0]
            reach = key.get_markersize() / 2 * px
        else:
            if key.get_linestyle() not in ("None", "none", "", " ") and key.get_linewidth():
                xs = key.get_transform().transform(key.get_xydata())[:, 0]
                assert xs.max() - xs.min() == pytest.approx(th.LEGEND_HANDLE * fs, rel=0.02)
            continue
        assert len(x) == 1
        gap = word - (x[0] + reach)
        assert 0 < gap <= fs, (target, text.get_text(), gap / fs)
        marks += 1
    assert marks >= 1
