"""What the section-5 figures show (training procedure and overfitting), read back from their
artists and held against gdcore: split sizes, fold scores, errors, paths and the stopping epoch."""

from __future__ import annotations

from functools import lru_cache

import matplotlib
import matplotlib.contour
import matplotlib.patches
import numpy as np
import pytest
from figure_baselines import figure as build
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import same_color
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from gdcore import data, regression
from gdcore import training_procedure as procedure
from gdviz import mpl as gm
from gdviz import numbers, theme

THEMES = ("light", "dark")
NAMES = ("data_splits", "cross_validation", "overfitting_poly", "model_capacity",
         "regularization", "penalty_conflict", "train_val_curves")
@lru_cache(maxsize=1)
def tv_curves():
    return procedure.train_val_curves()


def texts(fig) -> list[str]:
    return [t.get_text() for t in fig.findobj(matplotlib.text.Text) if t.get_visible()]


def by_gid(container, gid: str, kind=Line2D) -> list:
    return [a for a in container.findobj(kind) if a.get_gid() == gid]


# --- every figure ---------------------------------------------------------------------------


@pytest.mark.parametrize("t", THEMES)
@pytest.mark.parametrize("name", NAMES)
def test_no_overlapping_text_and_readable_sizes(name, t):
    fig = build(name, t)
    FigureCanvasAgg(fig)  # a canvas that can measure text (the figures are made without pyplot)
    assert gm.text_overlaps(fig) == []
    sizes = [x.get_fontsize() for x in fig.findobj(matplotlib.text.Text)
             if x.get_visible() and x.get_text().strip()]
    assert min(sizes) >= 7.0
    assert fig.get_figwidth() == pytest.approx(theme.get(t).text_width)
    assert fig.get_figheight() <= theme.get(t).max_height


@pytest.mark.parametrize("t", THEMES)
@pytest.mark.parametrize("name", NAMES)
def test_titles_and_headings_in_sentence_case_and_ink(name, t):
    """As every still's (tests/test_figure_titles.py): a title, or a table's or a bar's
    heading (the cross-validation table's columns and rows), starts with a capital (or with
    maths), in ink; no word set bold or italic, the table's mean included."""
    fig, ink = build(name, t), theme.get(t).text
    axes = [a for ax in fig.axes for a in (ax, *ax.child_axes)]  # an inset's title too
    titles = [ax.title for ax in axes if ax.get_title()]
    heads = {"data_splits": ("samples, shuffled", "training part cut again",
                             "same test samples"),
             "cross_validation": ("Fold ", "Round ", "fit", "Held-out cost")}.get(name, ())
    titles += [x for x in fig.findobj(matplotlib.text.Text)
               if any(h.lower() in x.get_text().lower() for h in heads)
               and "folds of" not in x.get_text()]
    assert titles or name == "model_capacity"  # one panel, untitled
    for x in titles:
        text = x.get_text()
        assert text[0] == "$" or not text[0].isalpha() or text[0].isupper(), text
        assert same_color(x.get_color(), ink), text
    for x in fig.findobj(matplotlib.text.Text):
        assert x.get_fontweight() in ("normal", 400) and x.get_fontstyle() == "normal", (
            x.get_text())


@pytest.mark.parametrize("name", NAMES)
def test_words_are_filled(name):
    doc = gm.doc_of(gm.load(f"figures.{name}"))
    assert doc.title and doc.caption and doc.alt
    assert "{" not in doc.caption + doc.alt


# --- data-splits ----------------------------------------------------------------------------


@pytest.mark.parametrize("t", THEMES)
def test_data_splits_bars_have_gdcore_sizes_and_roles(t):
    fig = build("data_splits", t)
    two = data.split_indices(100, (0.8, 0.2), 0)
    three = data.split_indices(100, (0.6, 0.2, 0.2), 0)
    rects = [p for p in fig.axes[0].patches if isinstance(p, Rectangle) and p.get_gid()]
    top = sorted((r for r in rects if r.get_y() > 1), key=lambda r: r.get_x())
    bottom = sorted((r for r in rects if r.get_y() < 1), key=lambda r: r.get_x())
    assert [r.get_gid() for r in top] == ["training", "test"]
    assert [r.get_gid() for r in bottom] == ["training", "validation", "test"]
    assert [r.get_width() for r in top] == [p.size for p in two]
    assert [r.get_width() for r in bottom] == [p.size for p in three]
    words = texts(fig)
    names = ("training", "test", "training", "validation", "test")
    for part, name in zip(two + three, names):
        assert f"{name}: {part.size}" in words
    assert words.count("fits the weights") == 2
    assert words.count("reports the score") == 2
    assert "chooses the\nhyper-parameters" in words
    # "The same test samples": the seeded shuffle gives both splits the same test set.
    assert np.array_equal(np.sort(two[1]), np.sort(three[2]))
    assert set(three[0]) | set(three[1]) == set(two[0])


# --- cross-validation -----------------------------------------------------------------------


def blocks_colour(fig, gid: str):
    """The one fill colour of the table's cells of a kind ("train" or "held-out")."""
    table = next(a for a in fig.axes if a.get_gid() == "table")
    (colour,) = {tuple(p.get_facecolor()) for p in table.patches if p.get_gid() == gid}
    return colour


def _cv():
    d = procedure.overfit_data(n=20)
    return d, procedure.cross_validate(d.x, d.y, 3, 5, seed=0)


@pytest.mark.parametrize("t", THEMES)
def test_cross_validation_table_shows_the_fold_scores_and_their_mean(t):
    fig = build("cross_validation", t)
    _, r = _cv()
    table = next(a for a in fig.axes if a.get_gid() == "table")
    scores = sorted(by_gid(table, "score", matplotlib.text.Text),
                    key=lambda x: -x.get_position()[1])
    # costs with the house's three significant figures (0.0409, not 0.041)
    assert [s.get_text() for s in scores] == [numbers.cost(v) for v in r.fold_scores]
    assert [s.get_text() for s in scores][:2] == ["0.0409", "0.0431"]
    (mean,) = by_gid(table, "mean", matplotlib.text.Text)
    assert mean.get_text() == numbers.cost(r.mean) == numbers.cost(np.mean(r.fold_scores))
    assert len(set(s.get_text() for s in scores)) == 5  # real, different scores
    # the foot reads as one line: the word, the mean and the note on one baseline, the word
    # and the mean in the scores' size, the mean centred in their column
    (word,), (note,) = by_gid(table, "mean-word", matplotlib.text.Text), by_gid(
        table, "note", matplotlib.text.Text)
    assert {x.get_va() for x in (word, mean, note)} == {"baseline"}
    assert word.get_position()[1] == mean.get_position()[1] == note.get_position()[1]
    assert word.get_fontsize() == mean.get_fontsize() == scores[0].get_fontsize()
    assert mean.get_position()[0] == scores[0].get_position()[0]
    assert mean.get_ha() == scores[0].get_ha() == "center"
    assert "Held-out cost $J$" in texts(fig) and not [s for s in texts(fig) if "MSE" in s]


@pytest.mark.parametrize("t", THEMES)
def test_cross_validation_rounds_hold_out_one_fold_each(t):
    fig = build("cross_validation", t)
    table = next(a for a in fig.axes if a.get_gid() == "table")
    blocks = [p for p in table.patches if p.get_gid() in ("train", "held-out")]
    assert len(blocks) == 25
    # each cell's word keeps a margin inside its cell ("held out", the longest, too)
    fig.canvas.draw()
    for b in blocks:
        cell = b.get_window_extent()
        (word,) = [x for x in table.texts if x.get_text() in ("train", "held out")
                   and b.contains_point(table.transData.transform(x.get_position()))]
        box = word.get_window_extent()
        assert min(box.x0 - cell.x0, cell.x1 - box.x1) >= 3 * fig.dpi / 72
    rows = sorted({round(b.get_y(), 6) for b in blocks}, reverse=True)
    assert len(rows) == 5
    for i, y in enumerate(rows):
        row = sorted((b for b in blocks if round(b.get_y(), 6) == y), key=lambda b: b.get_x())
        assert [b.get_gid() for b in row] == ["held-out" if j == i else "train" for j in range(5)]


@pytest.mark.parametrize("t", THEMES)
def test_cross_validation_fits_train_on_four_folds_and_score_the_fifth(t):
    fig = build("cross_validation", t)
    d, r = _cv()
    fits = [a for a in fig.axes if a.get_gid() != "table"]
    fits.sort(key=lambda a: -a.get_position().y0)
    assert len(fits) == 5
    for ax, tr, te, score in zip(fits, r.train_idx, r.test_idx, r.fold_scores):
        (train,) = by_gid(ax, "train", matplotlib.collections.PathCollection)
        (held,) = by_gid(ax, "held-out")
        np.testing.assert_allclose(train.get_offsets(), np.c_[d.x[tr], d.y[tr]])
        np.testing.assert_allclose(np.c_[held.get_xdata(), held.get_ydata()],
                                   np.c_[d.x[te], d.y[te]])
        assert len(tr) == 16 and len(te) == 4
        # the held-out fold is a validation set (docs/STYLE.md, data roles): hollow diamonds
        # edged in accent, the colour of the fold's cells in the table
        th = theme.get(t)
        assert held.get_marker() == theme.MARKERS["held-out"].marker
        assert matplotlib.colors.same_color(held.get_markeredgecolor(), th.accent)
        assert matplotlib.colors.same_color(train.get_facecolor()[0][:3], th.data)
        assert matplotlib.colors.same_color(blocks_colour(fig, "held-out"), th.accent)
        assert matplotlib.colors.same_color(blocks_colour(fig, "train"), th.data)
        (line,) = by_gid(ax, "fit")
        w = regression.polynomial_fit(d.x[tr], d.y[tr], 3)
        xs = line.get_xdata()
        np.testing.assert_allclose(line.get_ydata(), regression.polynomial_eval(w, xs))
        # the round's score is the cost J of the drawn fit on the drawn held-out diamonds;
        # their gaps (a point or two at this size) are not drawn: a speck of red beside the
        # orange diamond reads as neither
        gaps = held.get_ydata() - regression.polynomial_eval(w, held.get_xdata())
        assert np.mean(np.square(gaps)) / 2 == pytest.approx(score)
        assert not by_gid(ax, "gaps", matplotlib.collections.LineCollection)
    # every sample is held out exactly once
    assert sorted(np.concatenate(r.test_idx).tolist()) == list(range(20))


# --- overfitting-poly -----------------------------------------------------------------------


@pytest.mark.parametrize("t", THEMES)
def test_overfitting_poly_panels_carry_the_computed_errors(t):
    fig = build("overfitting_poly", t)
    d = procedure.overfit_data()
    err = procedure.polynomial_errors(d, (3, 9))
    a3, a9 = fig.axes
    assert (a3.get_title(), a9.get_title()) == ("Degree 3", "Degree 9 (clipped)")
    (box3,) = by_gid(a3, "errors", matplotlib.text.Text)
    (box9,) = by_gid(a9, "errors", matplotlib.text.Text)
    # the cost J: half the mean squared error (0.021 and 0.035 for the cubic, by hand)
    fit3 = regression.polynomial_eval(regression.polynomial_fit(d.x, d.y, 3), d.x_test)
    assert err.test[0] == pytest.approx(np.mean((fit3 - d.y_test) ** 2) / 2)
    # every cost J in the book's one format, as model-capacity writes the same 0.0351
    assert box3.get_text() == (f"training cost $J = {numbers.cost(err.train[0], 'latex')}$\n"
                               f"test cost $J = {numbers.cost(err.test[0], 'latex')}$")
    assert numbers.cost(err.test[0]) == "0.0351"
    assert f"test cost $J = {numbers.cost(err.test[1], 'latex')}$" in box9.get_text()
    # the degree-9 training cost is rounding noise (~10⁻²¹): written ≈ 0
    assert err.train[1] < 1e-15 and r"training cost $J \approx 0$" in box9.get_text()
    # the test samples behind "test MSE" are drawn in both panels
    for ax in (a3, a9):
        (held,) = by_gid(ax, "test-samples")
        np.testing.assert_array_equal(np.c_[held.get_xdata(), held.get_ydata()],
                                      np.c_[d.x_test, d.y_test])
    assert err.test[1] > 100 * err.test[0] and err.train[1] < err.train[0]
    # the test samples read as marks: their edge, at full strength, keeps 3:1 (WCAG) against
    # the page
    tt = theme.get(t)
    for ax in (a3, a9):
        (held,) = by_gid(ax, "test-samples")
        assert held.get_alpha() in (None, 1.0)
        assert theme.contrast(held.get_markeredgecolor(), tt.background) >= theme.LINE_CONTRAST


@pytest.mark.parametrize("t", THEMES)
def test_overfitting_poly_draws_the_fits_and_says_when_clipped(t):
    fig = build("overfitting_poly", t)
    d = procedure.overfit_data()
    for ax, k in zip(fig.axes, (3, 9)):
        (pts,) = [c for c in ax.collections if len(c.get_offsets())]
        np.testing.assert_allclose(pts.get_offsets(), np.c_[d.x, d.y])
        assert len(d.x) == 10
        (fit,) = by_gid(ax, "fit")
        w = regression.polynomial_fit(d.x, d.y, k)
        np.testing.assert_allclose(fit.get_ydata(), regression.polynomial_eval(w, fit.get_xdata()))
        true = [ln for ln in ax.lines if ln.get_label() == r"$\sin(2\pi x)$"]
        np.testing.assert_allclose(true[0].get_ydata(), data.sine(true[0].get_xdata()))
        lo, hi = ax.get_ylim()
        # a curve that leaves the panel says so in its title (as regularization's), no note
        # squeezed between the x label and the key
        assert not by_gid(ax, "clipped", matplotlib.text.Text)
        if k == 3:
            assert fit.get_ydata().max() < hi and fit.get_ydata().min() > lo
            assert ax.get_title() == "Degree 3"
        else:
            assert fit.get_ydata().max() > hi and ax.get_title() == "Degree 9 (clipped)"
        # the test samples over the fit (under it, many hid), under the dotted true curve (its
        # gaps show them; over it, their hearts cut it up) and the training dots
        (held,) = by_gid(ax, "test-samples")
        assert fit.get_zorder() < held.get_zorder() < true[0].get_zorder()
        assert held.get_zorder() < pts.get_zorder() and true[0].get_alpha() in (None, 1.0)
    # the panels apart: the left panel's last tick number clear of the right one's first
    fig.canvas.draw()
    last = fig.axes[0].get_xticklabels()[-1].get_window_extent()
    first = fig.axes[1].get_xticklabels()[0].get_window_extent()
    assert first.x0 - last.x1 >= 4 / 72 * fig.dpi
    # degree 9 through every point: its residuals at the samples vanish
    w9 = regression.polynomial_fit(d.x, d.y, 9)
    np.testing.assert_allclose(regression.polynomial_eval(w9, d.x), d.y, atol=1e-8)


# --- model-capacity -------------------------------------------------------------------------


def test_model_capacity_alt_tells_the_training_line_as_it_falls():
    # in steps, as the alt text says (it once said "falls steadily"): most of a decade from
    # degree 2 to 3 and about one from 7 to 8, hardly any between 3 and 7 (under 0.15 of one)
    err = procedure.polynomial_errors(procedure.overfit_data(), range(10))
    drop = -np.diff(np.log10(err.train))
    assert np.all(drop > 0)
    assert drop[2] > 0.7 and 0.9 < drop[7] < 1.1 and np.all(drop[3:7] < 0.15)
    doc = gm.doc_of(gm.load("figures.model_capacity"))
    assert ("falls in steps: sharply from degree 2 to 3, hardly at all from 3 to 7, a decade "
            "from 7 to 8") in " ".join(doc.alt.split())


@pytest.mark.parametrize("t", THEMES)
def test_model_capacity_lines_are_gdcores_errors(t):
    fig = build("model_capacity", t)
    (ax,) = fig.axes
    err = procedure.polynomial_errors(procedure.overfit_data(), range(10))
    (train,) = by_gid(ax, "train")
    (test,) = by_gid(ax, "test")
    np.testing.assert_array_equal(train.get_xdata(), np.arange(9))
    np.testing.assert_array_equal(train.get_ydata(), err.train[:9])
    np.testing.assert_array_equal(test.get_ydata(), err.test)
    assert ax.get_yscale() == "log"
    # the fall from degree 8 goes on solid to the off-scale mark at degree 9 (no line ends
    # in mid-air), parted where it crosses the axis' break: one straight line on the page
    # (in degree and log J), its gap about the break's strokes on the spine
    (fall,) = by_gid(ax, "to-zero")
    (stub,) = by_gid(ax, "to-zero-below")
    (below,) = by_gid(ax, "below-axis")
    floor = gm.load("figures.model_capacity").Y_FLOOR
    assert (fall.get_xdata()[0], fall.get_ydata()[0]) == (8, err.train[8])
    assert (stub.get_xdata()[-1], stub.get_ydata()[-1]) == pytest.approx(
        (9, below.get_ydata()[0]))
    pts = np.array([[x, np.log10(y)] for ln in (fall, stub)
                    for x, y in zip(ln.get_xdata(), ln.get_ydata())])
    slopes = np.diff(pts[:, 1]) / np.diff(pts[:, 0])
    assert slopes == pytest.approx(np.full(3, slopes[0]))
    breaks = [ln.get_ydata()[0] for ln in ax.lines if ln.get_gid() == "floor-break"]
    assert stub.get_ydata()[0] < min(breaks) <= max(breaks) < fall.get_ydata()[-1] < floor
    for ln in (fall, stub):
        assert ln.get_linestyle() == "-" and ln.get_linewidth() == train.get_linewidth()
    # the training dots over the test diamonds: at degree 0, where both costs meet, both read
    assert train.get_zorder() > test.get_zorder()
    assert not [t for t in ax.texts if t.get_gid() == "to-zero"]
    assert any(r"training cost $J \approx 0$ (below $10^{-10}$)" in s for s in texts(fig))
    assert ax.get_ylabel() == "cost $J$" and [t.get_text() for t in ax.get_legend().texts] == [
        "training cost $J$", "test cost $J$", "degree of least test cost"]
    # training error falls; test error falls then rises again
    assert np.all(np.diff(err.train) < 0)
    b = int(np.argmin(err.test))
    assert 0 < b < 9 and err.test[-1] > 10 * err.test[b]
    (best,) = by_gid(ax, "best")
    assert (best.get_xdata()[0], best.get_ydata()[0]) == (b, err.test[b])
    assert f"degree {b}, $J = {numbers.cost(err.test[b], 'latex')}$" in " ".join(texts(fig))
    # the degree-9 training error (~1e-21) is off the log axis: marked under its break, at
    # the tick that reads ≈ 0, as regularization's
    (below,) = by_gid(ax, "below-axis")
    assert below.get_xdata()[0] == 9
    assert_in_floor_strip(below, gm.load("figures.model_capacity").Y_FLOOR)
    assert err.train[9] < ax.get_ylim()[0]


def assert_in_floor_strip(mark, floor) -> None:
    """`mark` (an off-scale value's Line2D) stands in the ≈ 0 strip under its log axis' break
    at `floor` (gm.floor_break): at the strip's level, whose one tick is labelled ≈ 0, under
    the break's strokes on the left spine, and no tick or value of the scale below the floor."""
    ax = mark.axes
    level = gm.floor_level(floor)
    assert mark.get_ydata()[0] == level and ax.get_ylim()[0] < level < floor
    ax.figure.canvas.draw()
    ticks = {t.get_loc(): t.label1.get_text() for t in ax.yaxis.get_major_ticks()
             if ax.get_ylim()[0] <= t.get_loc() <= ax.get_ylim()[1]}
    (low,) = [v for v in ticks if v < floor * (1 - 1e-9)]
    assert low == pytest.approx(level) and ticks[low] == r"$\approx 0$"
    assert all(v >= floor * (1 - 1e-9) for v in ax.yaxis.get_minorticklocs())
    strokes = [ln for ln in ax.lines if ln.get_gid() == "floor-break"]
    assert len(strokes) == 2
    assert all(level < ln.get_ydata()[0] < floor for ln in strokes)


# --- regularization -------------------------------------------------------------------------


@pytest.mark.parametrize("t", THEMES)
def test_regularization_fits_calm_down_as_lambda_grows(t):
    fig = build("regularization", t)
    d = procedure.overfit_data()
    EX = procedure.REGULARIZATION
    rp = procedure.regularization_path(d.x, d.y, 9, EX.lams, d.x_test, d.y_test)
    fits = [a for a in fig.axes if by_gid(a, "fit")]
    assert [a.get_title() for a in fits] == [
        r"$\lambda = 0$ (clipped)", r"$\lambda = 10^{-13}$ (clipped)",
        r"$\lambda = 10^{-4}$ (least test cost)",
        r"$\lambda = 1$"]
    # the best λ (least test error on the grid) is among the panels, and it is 10⁻⁴
    b = int(np.argmin(rp.test))
    assert rp.lams[b] == pytest.approx(1e-4) and rp.lams[b] in EX.shown
    swings = []
    for ax, lam in zip(fits, (0.0, 1e-13, 1e-4, 1.0)):
        (line,) = by_gid(ax, "fit")
        r = int(np.flatnonzero(np.isclose(rp.lams, lam, rtol=1e-9, atol=0))[0])
        np.testing.assert_allclose(line.get_ydata(),
                                   regression.polynomial_eval(rp.coefs[r], line.get_xdata()))
        swings.append(np.ptp(line.get_ydata()))
    assert swings == sorted(swings, reverse=True)  # the curve calms down
    # the grid reaches the wild regime: at its smallest positive λ the norm is in the millions
    assert rp.lams[1] <= 1e-14 and rp.norms[1] > 1e6
    # one key strip under the figure: the samples and the sine drawn as overfitting-poly
    # draws them (views.SAMPLE_DOT, TRUE_CURVE_WIDTH), the two costs, the guides
    th = theme.get(t)
    assert not [a for a in fig.axes if a.get_legend()]
    (key,) = fig.legends
    assert [x.get_text() for x in key.get_texts()] == [
        f"{d.x.size} training samples", f"{d.x_test.size} test samples", "training cost $J$",
        "test cost $J$", r"$\sin(2\pi x)$", r"$\lambda$ of a fit above",
        r"$\lambda$ of the least test cost"]
    dots, sine = key.legend_handles[0], key.legend_handles[4]
    assert same_color(dots.get_facecolor()[0], th.data)
    assert sine.get_linestyle() == ":" and same_color(sine.get_color(), th.muted)
    # the held-out test samples only where the test cost is the point, the least test cost's
    # panel (a hundred in every panel buried the wild curves): gdcore's, the house held-out
    # mark, small (under the training dots' size), over the fit and under the dots
    from figures.regularization import TEST_MARK_SIZE

    for ax, lam in zip(fits, (0.0, 1e-13, 1e-4, 1.0)):
        held = by_gid(ax, "test-samples")
        if lam != 1e-4:
            assert not held
            continue
        (held,) = held
        np.testing.assert_array_equal(held.get_xdata(), d.x_test)
        np.testing.assert_array_equal(held.get_ydata(), d.y_test)
        assert held.get_marker() == "D" and same_color(held.get_markerfacecolor(), th.background)
        assert same_color(held.get_markeredgecolor(), th.test)
        assert held.get_markersize() == TEST_MARK_SIZE < 3
        (line,) = by_gid(ax, "fit")
        (pts,) = [c for c in ax.collections if len(c.get_offsets())]
        (true,) = [ln for ln in ax.lines if ln.get_label() == r"$\sin(2\pi x)$"]
        # as overfitting-poly's: the dotted sine over the samples (under them, their hundred
        # diamonds and its dots read as one speckle) and over the fit, under the dots
        assert line.get_zorder() < held.get_zorder() < true.get_zorder() < pts.get_zorder()
    # whole-number ticks, as the video's: 0 and 1 under each fit, no needless decimal
    for ax in fits:
        assert [x.get_text() for x in ax.get_xticklabels()] == ["0", "1"]
    from gdviz import views
    for ax in fits:
        (pts,) = [c for c in ax.collections if len(c.get_offsets())]
        assert pts.get_sizes()[0] == views.SAMPLE_DOT["s"]
        assert pts.get_linewidths()[0] == views.SAMPLE_DOT["linewidths"]
        (true,) = [ln for ln in ax.lines if ln.get_label() == r"$\sin(2\pi x)$"]
        assert true.get_linewidth() == views.TRUE_CURVE_WIDTH
        assert true.get_alpha() in (None, 1.0)
        # each of its dots ringed in the page colour, over the fit in every panel
        ring, _ = true.get_path_effects()
        assert ring._gc["linewidth"] == views.TRUE_CURVE_WIDTH + 2 * views.TRUE_CURVE_RING
        assert same_color(ring._gc["foreground"], th.background)
        assert true.get_zorder() > by_gid(ax, "fit")[0].get_zorder()
    # the λ panels broken alike (gm.broken_log_x): the stub as wide and as far from its log
    # axis in both, the numbers of neither axis touching
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    every = [c for a in fig.axes for c in (a, *a.child_axes)]
    (n0,), (e0,) = ([a for a in every if a.axison and by_gid(a, g) and a.get_xscale() == "linear"]
                    for g in ("norm", "training"))
    pairs = [(a, [b for b in every if b.get_shared_y_axes().joined(a, b) and b is not a][0])
             for a in (n0, e0)]
    geo = [(a.get_window_extent(r).width, b.get_window_extent(r).x0 - a.get_window_extent(r).x1)
           for a, b in pairs]
    assert geo[0] == pytest.approx(geo[1], abs=1.0) and geo[0][1] < geo[0][0]
    for a, b in pairs:
        labels = [x.get_window_extent(r) for x in (*a.get_xticklabels(), *b.get_xticklabels())
                  if x.get_text()]
        labels.sort(key=lambda e: e.x0)
        assert all(p.x1 + 2 < q.x0 for p, q in zip(labels, labels[1:]))


@pytest.mark.parametrize("t", THEMES)
def test_regularization_norm_and_errors_against_lambda(t):
    from figures.regularization import COST_FLOOR

    fig = build("regularization", t)
    d = procedure.overfit_data()
    rp = procedure.regularization_path(d.x, d.y, 9, procedure.REGULARIZATION.lams, d.x_test,
                                       d.y_test)
    norm = by_gid(fig, "norm")
    assert len(norm) == 2  # λ = 0 on its own axes, λ > 0 on a log axis
    zero, logline = sorted(norm, key=len_of)
    assert (zero.get_xdata()[0], zero.get_ydata()[0]) == (0, rp.norms[0])
    np.testing.assert_array_equal(logline.get_xdata(), rp.lams[1:])
    np.testing.assert_array_equal(logline.get_ydata(), rp.norms[1:])
    assert logline.axes.get_xscale() == "log" and zero.axes.get_yscale() == "log"
    assert np.all(np.diff(rp.norms) < 0)  # the weights shrink
    # one notation for the length of the penalised weights: ‖w‖ (w₀ excluded: the caption)
    assert zero.axes.get_ylabel() == r"coefficient norm $\|w\|$"
    assert "w₀ is not penalised" in gm.doc_of(gm.load("figures.regularization")).caption
    norms = [s for s in texts(fig) if "w_" in s or r"\|" in s]
    assert all(s.startswith(r"$\|w\| = ") for s in norms[:-1]) and len(norms) == 5
    for gid, vals in (("training", rp.train), ("test", rp.test)):
        z, line = sorted(by_gid(fig, gid), key=len_of)
        np.testing.assert_array_equal(line.get_ydata(), vals[1:])
        if vals[0] < COST_FLOOR:  # off the log axis (≈ 0): the set's mark on the axis' floor
            # under the axis' break at the floor, in the strip whose one tick reads ≈ 0
            assert_in_floor_strip(z, COST_FLOOR)
            assert z.get_marker() == line.get_marker()
        else:
            assert z.get_ydata()[0] == vals[0]
    assert rp.train[0] < 1e-15  # the unpenalised degree-9 fit interpolates the 10 samples
    # the least test cost named as model-capacity names it: what, at which setting, its value
    assert any(s.startswith("least test cost:\n" + r"$\lambda = 10^{-4}$, $J = ")
               for s in texts(fig))
    # where the costs meet (λ ≥ 10⁻⁴) the test line over the training line, and the
    # training dots (the same points, no line) over both and over the star
    tr, te = (max(by_gid(fig, g), key=len_of) for g in ("training", "test"))
    assert te.get_zorder() > tr.get_zorder()
    (dots,) = by_gid(fig, "training-dots")
    np.testing.assert_array_equal(dots.get_ydata(), tr.get_ydata())
    assert dots.get_linestyle() == "None" and dots.get_marker() == tr.get_marker()
    assert dots.get_zorder() > max(te.get_zorder(), by_gid(fig, "best")[0].get_zorder())
    # the least test cost's strength, in green, in the cost panel where the minimum is
    (best_line,) = by_gid(fig, "best-line")
    assert best_line.get_xdata()[0] == rp.lams[procedure.REGULARIZATION.best_row(rp)]
    assert best_line.get_color() == theme.get(t).good
    # the strengths of the fits above, as guide lines (no ring: a ring is a start); the least
    # test cost's in the good colour
    shown = sorted(line.get_xdata()[0] for line in by_gid(fig, "shown"))
    best = procedure.REGULARIZATION.best_row(rp)
    assert shown == sorted(rp.lams[r] for r in procedure.REGULARIZATION.shown_rows(rp))
    (green,) = [ln for ln in by_gid(fig, "shown") if ln.get_color() == theme.get(t).good]
    assert green.get_xdata()[0] == rp.lams[best]


def len_of(line) -> int:
    return len(line.get_xdata())


# --- penalty-conflict -----------------------------------------------------------------------


@pytest.mark.parametrize("t", THEMES)
def test_penalty_conflict_path_slides_from_data_optimum_to_origin(t):
    fig = build("penalty_conflict", t)
    pc = procedure.PENALTY_CONFLICT.run()
    # gdcore's grid (0, then 10 per decade), with the labelled λ = 5 added
    assert set(np.round(pc.lams, 12)) == set(np.round(np.r_[0.0, np.geomspace(1e-3, 1e3, 61),
                                                             5.0], 12))
    (path,) = by_gid(fig, "path")
    np.testing.assert_array_equal(np.c_[path.get_xdata(), path.get_ydata()], pc.path)
    np.testing.assert_allclose(pc.path[0], pc.w_ls)  # λ = 0: the data's optimum
    assert np.linalg.norm(pc.path[-1]) < 1e-2 * np.linalg.norm(pc.w_ls)  # strong λ: origin
    # the tangency at λ = 1: the bold ellipse is the data term's level through w(1), the circle
    # has radius ‖w(1)‖, and at w(1) their normals are parallel (gradients A w − c and w)
    r = int(np.flatnonzero(np.isclose(pc.lams, 1.0))[0])
    w = pc.path[r]
    (ell,) = [c for c in fig.axes[0].findobj(matplotlib.contour.ContourSet)
              if c.get_gid() == "tangent-ellipse"]
    assert ell.levels[0] == pytest.approx(pc.cost_at(w))
    (circ,) = by_gid(fig, "tangent-circle", matplotlib.patches.Circle)
    assert circ.get_radius() == pytest.approx(np.hypot(*w))
    A, c, _ = pc.quadratic
    g = A @ w - c
    assert abs(g[0] * w[1] - g[1] * w[0]) < 1e-12 * np.linalg.norm(g) * np.linalg.norm(w) + 1e-12
    assert np.all(np.diff(np.linalg.norm(pc.path, axis=1)) < 0)  # ever closer to the origin
    # two minima, one mark: the star: J's the house's filled ink star, the penalty's (the
    # origin) hollow, edged in ink as its circles are; never the plus, which is the saddle's
    th = theme.get(t)
    (star,) = by_gid(fig, "data-optimum")
    np.testing.assert_allclose([star.get_xdata()[0], star.get_ydata()[0]], pc.w_ls)
    assert (star.get_marker(), star.get_markerfacecolor()) == ("*", th.marker("minimum")[
        "markerfacecolor"])
    (centre,) = by_gid(fig, "penalty-optimum")
    assert (centre.get_xdata()[0], centre.get_ydata()[0]) == (0, 0)
    assert centre.get_marker() == theme.MARKERS["minimum"].marker == "*"
    # hollow, edged in the penalty's ink: told from J's filled ink star by its fill
    assert same_color(centre.get_markerfacecolor(), th.background)
    assert same_color(centre.get_markeredgecolor(), th.text)
    assert same_color(star.get_markerfacecolor(), th.text)
    assert centre.get_markersize() == star.get_markersize()
    assert centre.get_marker() != theme.MARKERS["saddle"].marker
    labels = [x.get_text() for x in fig.findobj(matplotlib.text.Text) if x.get_gid() == "lambda"]
    assert labels == [r"$\lambda = 0.1$", r"$\lambda = 1$", r"$\lambda = 5$"]
    # the touching point is marked where it is: on the circle and on the ellipse
    (touch,) = by_gid(fig, "touch")
    p = np.array([touch.get_xdata()[0], touch.get_ydata()[0]])
    assert np.hypot(*p) == pytest.approx(circ.get_radius(), rel=1e-9)
    assert pc.cost_at(p) == pytest.approx(ell.levels[0], rel=1e-9)
    # every line of the map is named in one legend under both panels; the touching ellipse is
    # J's (its strongest level-line tone), the circles the penalty's (ink), all solid (a dash
    # is a difference); no circle runs beside the bold one (radius ‖w(1)‖ ≈ 0.57)
    (legend,) = fig.legends
    assert [x.get_text() for x in legend.get_texts()] == [
        "cost $J$", r"penalty $\|w\|^2$", r"level of $J$ at $\lambda = 1$",
        r"circle of $\|w\|^2$ at $\lambda = 1$",
        # the regularised cost in the penalty's one form, as the title writes it (this model
        # has no intercept: (λ/2) Σ_{k≥1} w_k² is (λ/2)‖w‖²)
        r"minimiser of $J_\lambda = J + \frac{\lambda}{2}\|w\|^2$",
        # the two minima keyed by their marks (a name on the map would stand on its lines)
        r"minimum of $J$ ($\lambda = 0$)", r"minimum of $\|w\|^2$",
        # the right panel's weights, told apart by width and shade, keyed as drawn
        r"$w_1$ against $\lambda$ (right)", r"$w_2$ against $\lambda$ (right)"]
    keys = dict(zip((x.get_text() for x in legend.get_texts()), legend.legend_handles,
                    strict=True))
    for name, mark in (("minimum of $J$", star), (r"minimum of $\|w\|^2$", centre)):
        (key,) = [k for text, k in keys.items() if text.startswith(name)]
        assert key.get_marker() == mark.get_marker()
        assert same_color(key.get_markerfacecolor(), mark.get_markerfacecolor())
    assert r"$\|w\|^2$" in fig.axes[0].get_title()
    (pen,) = [c for c in fig.axes[0].findobj(matplotlib.contour.ContourSet)
              if c.get_gid() == "penalty"]
    assert np.min(np.abs(np.sqrt(pen.levels) - np.hypot(*w))) > 0.3
    same = matplotlib.colors.same_color
    mod = gm.load("figures.penalty_conflict")
    tone = mod.touch_tone(th)
    assert same(ell.get_edgecolor()[0], tone)
    # J's strongest level tone, lifted (towards the ink) to read on every fill of the map: the
    # dark map's purple tone alone stood 2:1 on its purple floor; still apart from the ink
    fills = [theme.contrast(tone, f) for f in th.cost_map.fills]
    assert min(fills) >= mod.TOUCH_CONTRAST == 3.0
    assert min(theme.contrast(c, f) for c in [mod.strongest_level_tone(th)]
               for f in th.cost_map.fills) < 3.0
    assert theme.contrast(tone, th.text) > 2.5
    (key,) = [k for k in legend.get_lines() if k.get_label().startswith("level of")]
    assert same(key.get_color(), tone)
    assert same(circ.get_edgecolor(), th.text) and same(pen.get_edgecolor()[0], th.text)
    # the penalty's thin circles finer than J's level lines: ink as wide would outweigh them
    assert pen.get_linewidths()[0] < th.cost_map.line_width
    assert circ.get_linestyle() == "solid"
    assert {ln.get_linestyle() for ln in legend.get_lines()[:5]} == {"-"}
    # the weights against λ, both solid, each named at its start (no legend of its own), keyed
    # in the figure's legend as drawn: the same colours and widths
    side = fig.axes[1]
    assert side.get_legend() is None
    for k in (1, 2):
        (curve,), key = by_gid(fig, f"w{k}"), keys[rf"$w_{k}$ against $\lambda$ (right)"]
        assert same(key.get_color(), curve.get_color())
        assert key.get_linewidth() == curve.get_linewidth()
    # the λ axis ends at its first and last ticks
    ticks = side.get_xticks()
    assert side.get_xlim() == pytest.approx((ticks[0], ticks[-1]))
    assert side.get_ylabel() == r"$w_k$ at the minimum of $J_\lambda$"
    for k in (1, 2):
        (curve,) = by_gid(fig, f"w{k}")
        (name,) = by_gid(fig, f"w{k}-name", matplotlib.text.Text)
        assert curve.get_linestyle() == "-" and name.get_text() == f"$w_{k}$"
        i = int(np.searchsorted(curve.get_xdata(), mod.NAME_AT))
        assert name.xy == (curve.get_xdata()[i], curve.get_ydata()[i])
    # one colour, told apart where the two meet (λ ≥ 1) by width and shade, the dots apart
    (c1,), (c2,) = by_gid(fig, "w1"), by_gid(fig, "w2")
    assert same_color(c1.get_color(), th.accent) and not same_color(c2.get_color(), th.accent)
    assert c2.get_linewidth() < c1.get_linewidth()
    (d1,), (d2,) = by_gid(fig, "w1-dots"), by_gid(fig, "w2-dots")
    assert same_color(d1.get_color(), c1.get_color()) and same_color(d2.get_color(), c2.get_color())
    fig.canvas.draw()
    a, b = (side.transData.transform(np.c_[d.get_xdata(), d.get_ydata()]) for d in (d1, d2))
    radii = (d1.get_markersize() + d2.get_markersize()) / 2
    gap = np.hypot(*(a - b).T).min() * 72 / fig.dpi - radii
    assert gap >= 2.0
    # the λ = 5 dot clears the origin's star: at least the star's and the dot's radii apart
    r5 = int(np.flatnonzero(np.isclose(pc.lams, 5.0))[0])
    star_d, dot = th.marker("minimum")["markersize"], 5
    pts_per_unit = (fig.axes[0].get_window_extent().width / fig.dpi * 72
                    / np.diff(fig.axes[0].get_xlim())[0])
    assert np.hypot(*pc.path[r5]) * pts_per_unit > (star_d + dot) / 2 + 1
    ax = path.axes
    assert {c.get_gid() for c in ax.collections} >= {"data-term", "penalty"}
    # the cost J = half the data term, drawn as every cost map (theme.cost_map), filled
    (cmap,) = [c for c in ax.collections if c.get_gid() == "data-term"]
    assert cmap.filled and cmap.get_cmap().name == th.cost_map.cmap
    np.testing.assert_allclose(cmap.levels[[0, -1]], [pc.cost.min(), pc.cost.max()])
    assert len(cmap.levels) == th.cost_map.levels
    # the weights up to λ = shown_max, where both have come within 0.05 of the zero line
    shown = (pc.lams > 0) & (pc.lams <= procedure.PENALTY_CONFLICT.shown_max)
    assert np.abs(pc.path[pc.lams > procedure.PENALTY_CONFLICT.shown_max]).max() < 0.05
    for k in (1, 2):
        (w,) = by_gid(fig, f"w{k}")
        np.testing.assert_array_equal(w.get_ydata(), pc.path[shown, k - 1])
        np.testing.assert_array_equal(w.get_xdata(), pc.lams[shown])
    # both titles on one baseline
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    assert fig.axes[0].title.get_position()[1] == fig.axes[1].title.get_position()[1]
    tops = [a.get_window_extent(r).y1 for a in fig.axes[:2]]
    assert tops[0] == pytest.approx(tops[1], abs=1)


def test_penalty_conflict_caption_says_where_w2_turns():
    # w2 passes zero at gdcore's exact λ and peaks past it, on the path the right panel draws
    pc = procedure.PENALTY_CONFLICT.run()
    mod = gm.load("figures.penalty_conflict")
    turn = mod.w2_turn(pc)
    top = int(np.argmax(pc.path[:, 1]))
    assert pc.lams[top] > pc.zero_at(1) and pc.path[top, 1] > 0
    assert turn == {"w2_zero": "0.59", "w2_peak": "0.086", "w2_peak_at": "2"}
    doc = gm.doc_of(mod)
    assert "it passes zero at λ = 0.59 and peaks at 0.086 near λ = 2" in doc.caption
    assert "rises from −0.90 a little past 0, to 0.086, and back" in doc.alt


def clearance_pt(ax, box, ink) -> float:
    """Points between a text's box (display units) and the nearest point of a drawn line or
    mark: ink is (display vertices, mark radius in display units)."""
    v, radius = ink
    if len(v) > 1:  # every segment sampled, not only its ends
        v = np.concatenate([np.linspace(v[i], v[i + 1], 24) for i in range(len(v) - 1)])
    dx = np.maximum(np.maximum(box.x0 - v[:, 0], v[:, 0] - box.x1), 0)
    dy = np.maximum(np.maximum(box.y0 - v[:, 1], v[:, 1] - box.y1), 0)
    return float((np.hypot(dx, dy).min() - radius) * 72 / ax.figure.dpi)


@pytest.mark.parametrize("t", THEMES)
def test_penalty_conflict_names_stand_off_the_map(t):
    """No word stands on the map, where every gap holds a level line: each λ is named above
    the map's frame, on the page, with no casing or box, under the title, clear of the other
    names, a thin leader down to its dot."""
    fig = build("penalty_conflict", t)
    ax = fig.axes[0]
    fig.canvas.draw()
    pc = procedure.PENALTY_CONFLICT.run()
    assert not [x for x in ax.texts if x.get_gid() != "lambda"]
    labels = [x for x in ax.texts if x.get_gid() == "lambda"]
    rows = procedure.PENALTY_CONFLICT.labelled_rows(pc)
    assert [x.get_text() for x in labels] == [rf"$\lambda = {pc.lams[r]:g}$" for r in rows]
    title = ax.title.get_window_extent()
    boxes = []
    for label, r in zip(labels, rows, strict=True):
        assert label.get_bbox_patch() is None and not label.get_path_effects()
        np.testing.assert_allclose(label.xy, pc.path[r])
        assert label.arrow_patch is not None
        box = matplotlib.text.Text.get_window_extent(label)  # its letters, not its leader
        assert box.y0 > ax.bbox.y1 + 2 and box.y1 < title.y0 - 2
        assert ax.bbox.x0 < box.x0 and box.x1 < ax.bbox.x1
        boxes.append(box)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert a.x1 + 6 < b.x0 or b.x1 + 6 < a.x0  # at least a few points apart
    leaders_cross_lines_and_one_bold_level(fig, t, pc)



def _beside_pt(leader, line, fig, near=2.5, skip=6.0) -> float:
    """Points of a leader (display vertices, its end at the mark) that run within `near` points
    of a drawn line (display vertices), leaving out its last `skip` points by the mark: a clean
    crossing costs about 2 × near, a leader run beside a line far more."""
    per_pt = fig.dpi / 72
    a, b = leader[0], leader[-1]
    n = max(int(np.hypot(*(b - a)) / per_pt * 2), 2)  # a sample every half point
    pts = a + np.linspace(0, 1, n)[:, None] * (b - a)
    keep = np.hypot(*(pts - b).T) > skip * per_pt
    d = np.min(np.hypot(pts[:, None, 0] - line[None, :, 0], pts[:, None, 1] - line[None, :, 1]),
               axis=1)
    step = np.hypot(*(b - a)) / (n - 1) / per_pt
    return float(np.sum(keep & (d < near * per_pt)) * step)


def _meet_deg(leader, line, fig, within=2.0) -> float | None:
    """Degrees between a leader and a line that passes within `within` points of its mark (the
    leader's end), along the line's nearest stretch; None where the line passes farther."""
    end = leader[-1]
    d = np.hypot(*(line - end).T)
    i = int(np.argmin(d))
    if d[i] > within * fig.dpi / 72:
        return None
    t = line[min(i + 3, len(line) - 1)] - line[max(i - 3, 0)]
    u = leader[0] - end
    return float(np.degrees(np.arccos(abs(t @ u) / np.linalg.norm(t) / np.linalg.norm(u))))


def leaders_cross_lines_and_one_bold_level(fig, t, pc) -> None:
    """The λ leaders cross the map's bold pair and the penalty's circles, never run beside them
    (λ = 1's once ran 12 points down the bold ellipse's flank into the touching point, λ =
    0.1's 27 points beside the circle of radius 1.5 its dot lies on); the bold level of J
    stands in for the map's level line nearest it (drawn too, it ran 2 points inside the bold
    one all round). Called on the drawn figure of the names' test (no drawing of its own)."""
    ax = fig.axes[0]
    to_display = ax.transData.transform
    (ell,) = [c for c in ax.findobj(matplotlib.contour.ContourSet)
              if c.get_gid() == "tangent-ellipse"]
    (pen,) = [c for c in ax.findobj(matplotlib.contour.ContourSet) if c.get_gid() == "penalty"]
    (circ,) = by_gid(fig, "tangent-circle", matplotlib.patches.Circle)
    bold = to_display(np.concatenate(ell.allsegs[0]))
    circle = circ.get_verts()  # flattened, in display units
    # (every other vertex: the contours are traced well under a point apart)
    lines = [bold[::2], circle] + [to_display(np.concatenate(s))[::2] for s in pen.allsegs]
    leaders = [x for x in ax.texts if x.get_gid() == "lambda"]
    assert len(leaders) == 3
    for label in leaders:
        # the leader, straight from under the name down to the dot (display units)
        box = matplotlib.text.Text.get_window_extent(label)
        v = np.array([[(box.x0 + box.x1) / 2, box.y0], to_display(label.xy)])
        for line in lines:
            assert _beside_pt(v, line, fig) < 9.0, label.get_text()
            # a line through the mark leaves it at an angle to the leader, no narrow wedge
            # (λ = 0.1's dot lies on the circle of radius 1.5: at 5° the two ran off it as one)
            angle = _meet_deg(v, line, fig)
            assert angle is None or angle > 15.0, (label.get_text(), angle)
    # no level line of the map (J's or the penalty's) shows in the window as a stray stub (the
    # top right corner once cut off 5 points of J's level 3.49)
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    pts_per_unit = ax.bbox.width / (x1 - x0) * 72 / fig.dpi
    for c in [c for c in ax.collections if c.get_gid() in ("data-levels", "penalty")]:
        drawn = (s for segs in c.allsegs for s in segs if len(s) > 1 and np.ptp(s, axis=0).max())
        for seg in drawn:
            inside = ((seg[:, 0] >= x0) & (seg[:, 0] <= x1) & (seg[:, 1] >= y0)
                      & (seg[:, 1] <= y1)).astype(int)
            edges = np.flatnonzero(np.diff(np.r_[0, inside, 0]))
            for a, b in zip(edges[::2], edges[1::2]):
                run = np.hypot(*np.diff(seg[a:b], axis=0).T).sum() * pts_per_unit
                assert run > 10.0, (c.get_gid(), seg[a])
    (levels,) = [c for c in ax.collections if c.get_gid() == "data-levels"]
    assert not levels.filled
    widths = np.asarray(levels.get_linewidths())
    lt = ell.levels[0]
    k = int(np.argmin(np.abs(np.log(levels.levels / lt))))
    assert widths[k] == 0 and np.all(np.delete(widths, k) == theme.get(t).cost_map.line_width)
    assert 0.9 < levels.levels[k] / lt < 1.1
    # the drawn levels either side of the bold one stand clear of it all round (median, points)
    for j in (k - 1, k + 1):
        seg = to_display(np.concatenate(levels.allsegs[j]))[::4]
        d = np.min(np.hypot(bold[:, None, 0] - seg[None, :, 0],
                            bold[:, None, 1] - seg[None, :, 1]), axis=1) * 72 / fig.dpi
        assert np.median(d) > 5.0
    ex = procedure.PENALTY_CONFLICT
    tangent = ex.labelled_rows(pc)[ex.labelled.index(ex.tangent)]
    assert pc.cost_at(pc.path[tangent]) == pytest.approx(lt)

# --- train-val-curves -----------------------------------------------------------------------


@pytest.mark.parametrize("t", THEMES)
def test_train_val_curves_mark_the_early_stopping_epoch(t):
    fig = build("train_val_curves", t)
    c = tv_curves()
    (train,) = by_gid(fig, "train")
    (val,) = by_gid(fig, "val")
    np.testing.assert_array_equal(train.get_ydata(), c.train)
    np.testing.assert_array_equal(val.get_ydata(), c.val)
    np.testing.assert_array_equal(val.get_xdata(), np.arange(c.val.size))
    b = c.best_epoch
    assert b == int(np.argmin(c.val)) and 0 < b < c.val.size - 1
    (stop,) = by_gid(fig, "stop")
    assert stop.get_xdata()[0] == b
    (ring,) = by_gid(fig, "best")
    assert (ring.get_xdata()[0], ring.get_ydata()[0]) == (b, c.val[b])
    (label,) = by_gid(fig, "stop-label", matplotlib.text.Annotation)
    assert label.get_text() == (f"early stop: epoch {b}\nvalidation cost "
                                f"$J = {numbers.cost(c.val[b], 'latex')}$")
    # the legend names J; the overfitting stretch shows in both themes: 1.15:1 on the white
    # page, 1.3:1 on the dark one, where 1.15:1 is a step of a few levels no screen shows
    assert [x.get_text() for x in label.axes.get_legend().get_texts()] == [
        "training cost $J$", "validation cost $J$"]
    (span,) = [p for p in label.axes.patches if p.get_gid() == "overfitting"]
    th_ = theme.get(t)
    from figures.train_val_curves import OVERFIT_TINT
    assert OVERFIT_TINT == {"light": 1.15, "dark": 1.3}
    assert theme.contrast(tuple(span.get_facecolor()[:3]), th_.background) >= (
        OVERFIT_TINT[t] - 0.01)
    # in the dark, still darker than the grid rules, which read across it
    if t == "dark":
        assert theme.contrast(th_.grid, th_.background) > theme.contrast(
            tuple(span.get_facecolor()[:3]), th_.background)
    # a neutral tint, never the error red (residuals and divergence only)
    assert not matplotlib.colors.same_color(span.get_facecolor(), th_.error)
    hue = np.ptp(np.asarray(span.get_facecolor()[:3]) - np.asarray(
        matplotlib.colors.to_rgb(th_.background)))
    assert hue < 0.05
    # each curve in its set's colour (theme.DATA_ROLES), a plain line, and the key shows
    # exactly that line: its colour and width, no mark the curve does not carry
    assert matplotlib.colors.same_color(train.get_color(), th_.data)
    assert matplotlib.colors.same_color(val.get_color(), th_.accent)
    keys = label.axes.get_legend().get_lines()
    for line, key in zip((train, val), keys, strict=True):
        assert line.get_marker() in ("None", "none", "") and key.get_marker() in (
            "None", "none", "")
        assert matplotlib.colors.same_color(key.get_color(), line.get_color())
        assert key.get_linewidth() == line.get_linewidth()
        assert key.get_linestyle() == line.get_linestyle() == "-"
    # the thin training curve over the wide validation one: where they run together both read,
    # the wider one on both sides of the thinner (no casing round it that would cover the
    # other: at 0.6 pt each side the validation curve vanished under it at its peaks)
    assert train.get_zorder() > val.get_zorder()
    assert train.get_linewidth() < val.get_linewidth()
    assert not train.get_path_effects() and not val.get_path_effects()
    # the inset reads the turn up on a linear axis: the stop and the last epoch both in it
    (zoom,) = by_gid(fig, "zoom")
    assert zoom.axes.get_yscale() == "linear"
    lo, hi = zoom.axes.get_ylim()
    assert lo < c.val[b] < c.val[-1] < hi and (c.val[-1] - c.val[b]) > 0.3 * (hi - lo)
    np.testing.assert_array_equal(zoom.get_ydata(), c.val[zoom.get_xdata()])
    # the model overfits: training loss keeps falling, validation loss turns up
    assert c.train[-1] < c.train[b] and c.val[-1] > 1.3 * c.val[b]
    # the first epochs are readable: the epoch axis is logarithmic from epoch 1 (no lone 0 on
    # a stretch of another scale)
    assert train.axes.get_xscale() == "log" and train.axes.get_xlim()[0] == 1
    # the cost axis runs down to the decade under the least cost, no further (never a decade
    # of empty axis only to make room for the inset)
    least = min(c.train.min(), c.val.min())
    assert train.axes.get_ylim()[0] == 10.0 ** np.floor(np.log10(least)) > least / 10
    assert list(zoom.axes.get_xticks()) == [100, 300, 1000]
    # the inset says which of its axes is linear (the cost; its epochs are logarithmic), and
    # its numbers stand clear of the main axes' lowest rule, on a halo
    assert zoom.axes.get_title() == "Epochs 100–3,000, linear $J$"
    assert zoom.axes.get_xscale() == "log"
    fig.canvas.draw()
    rule = train.axes.transData.transform((1, train.axes.get_yticks()[0]))[1]
    low = min(x.get_window_extent().y0 for x in zoom.axes.get_xticklabels())
    assert low > rule + 2
    assert all(x.get_path_effects() for x in zoom.axes.get_xticklabels())
    # the inset's cost ticks in the house form, as every axis' (it once wrote 0.050, 0.075,
    # 0.100, the inset left out of the house formatter)
    ys = zoom.axes.get_yticks()
    assert [x.get_text() for x in zoom.axes.get_yticklabels()] == [numbers.tick(v) for v in ys]
    assert [x.get_text() for x in zoom.axes.get_yticklabels()] == ["0.05", "0.075", "0.1"]
    # the inset stands on a framed plate of the page that takes in its numbers and its title
    (plate,) = [p for p in train.axes.patches if p.get_gid() == "inset-plate"]
    assert matplotlib.colors.same_color(plate.get_facecolor(), th_.background)
    assert matplotlib.colors.same_color(plate.get_edgecolor(), th_.muted)
    box = plate.get_window_extent()
    for x in (*zoom.axes.get_xticklabels(), *zoom.axes.get_yticklabels(), zoom.axes.title):
        e = x.get_window_extent()
        assert box.x0 < e.x0 and e.x1 < box.x1 and box.y0 < e.y0 and e.y1 < box.y1, x
    # the plate's top stands clear under both curves wherever it lies below them (a line's
    # half width and INSET_CLEAR points of page between)
    from figures.train_val_curves import INSET_CLEAR
    for line in (train, val):
        pts = line.get_transform().transform(np.column_stack([line.get_xdata()[1:],
                                                               line.get_ydata()[1:]]))
        over = pts[(pts[:, 0] >= box.x0) & (pts[:, 0] <= box.x1), 1]
        half = line.get_linewidth() / 2 * fig.dpi / 72
        assert over.min() - half - box.y1 >= INSET_CLEAR * fig.dpi / 72 - 0.5
    # the opening stretch with validation below training is the one the caption explains
    from figures.train_val_curves import below_until, facts
    k = below_until(c)
    assert np.all(c.val[: k + 1] < c.train[: k + 1]) and c.val[k + 1] >= c.train[k + 1]
    assert facts()["below_to"] == k == 216
    # and its why, as the caption says it: at epoch PARTS_AT, inside that stretch, the net
    # misses the sine by about as much on both sets and the validation samples are the noisier;
    # the lean of its misses on the noise is what puts the validation cost under (the caption
    # once said the net missed the sine by more at the training x: it misses by less)
    from figures.train_val_curves import PARTS_AT, parts
    tr, va = parts()
    assert 1 < PARTS_AT <= k
    assert (tr.cost, va.cost) == (pytest.approx(c.train[PARTS_AT]), pytest.approx(c.val[PARTS_AT]))
    assert abs(va.miss - tr.miss) < 0.1 * tr.miss and va.noise > tr.noise
    assert va.lean < 0 < tr.lean
    f = facts()
    assert (f["lean_val"], f["lean_train"]) == (numbers.cost(-va.lean), numbers.cost(tr.lean))
    # the first epochs' swings are the momentum's: either cost rises last before the early
    # stop at epoch swing_to, and without momentum the training cost falls at every epoch up
    # to there
    from figures.train_val_curves import swings_until
    s = swings_until(c)
    assert f["swing_to"] == s == 68 and c.val[s] > c.val[s - 1]
    assert np.all(np.diff(c.train[s:]) <= 0) and np.all(np.diff(c.val[s:b + 1]) <= 0)
    calm = procedure.train_val_curves(epochs=s, momentum=0.0)
    assert np.all(np.diff(calm.train) < 0)
    # the count of epochs written for people, as the axis writes it
    doc = gm.doc_of(gm.load("figures.train_val_curves"))
    assert "after 3,000 epochs" in doc.caption and "over 3,000 epochs" in doc.alt
    assert (f"at epoch {PARTS_AT} takes {f['lean_val']} off their cost" in doc.caption
            and "the validation samples are the noisier" in doc.caption)
    assert f"Up to epoch {s} both costs swing down and up" in " ".join(doc.caption.split())
    assert f"in swings up to epoch {s}," in " ".join(doc.alt.split())
