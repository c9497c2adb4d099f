"""One mapping of data sets to colour and mark (theme.DATA_ROLES, docs/STYLE.md), read back from
the stills that show a split: training samples are data dots, a validation set (and the held-out
fold of cross-validation) hollow diamonds in accent, a test set hollow diamonds in test. And the
numbers these stills state in words: backprop-loop's worked product equals its displayed factors,
regularization's caption names gdcore's steepest decade of ‖w‖."""

from __future__ import annotations

import re

import matplotlib.colors
import matplotlib.legend
import matplotlib.text
import numpy as np
import pytest
from figure_baselines import figure as build
from matplotlib.collections import PathCollection
from matplotlib.colors import same_color
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from gdcore import training_procedure as procedure
from gdcore.networks import BACKPROP
from gdviz import mpl as gm
from gdviz import numbers
from gdviz import theme as th

THEMES = ("light", "dark")


def gids(fig, gid: str, kind=Line2D) -> list:
    found = [a for a in fig.findobj(kind) if a.get_gid() == gid]
    assert found, gid
    return found


def assert_role(theme, artist, part: str) -> None:
    """artist (a Line2D's points or a PathCollection) is drawn as `part` of a split."""
    role, kind = th.DATA_ROLES[part]
    colour, mark = theme.role(role), th.MARKERS[kind]
    if isinstance(artist, PathCollection):  # scatter: the data dot
        assert kind == "data", part
        assert same_color(artist.get_facecolor()[0][:3], colour), part
        return
    assert artist.get_marker() == mark.marker, part
    if kind == "held-out":  # hollow: the page inside, the set's colour around
        assert same_color(artist.get_markerfacecolor(), theme.background), part
        assert same_color(artist.get_markeredgecolor(), colour), part
    else:
        assert same_color(artist.get_markerfacecolor(), colour), part


def test_the_mapping_itself():
    assert th.DATA_ROLES == {"training": ("data", "data"), "validation": ("accent", "held-out"),
                             "test": ("test", "held-out")}
    assert th.MARKERS["held-out"].marker == "D" and th.MARKERS["held-out"].face == "background"
    for t in THEMES:
        theme = th.get(t)
        assert same_color(theme.held_out("test")["markeredgecolor"], theme.test)
        assert same_color(theme.held_out("accent")["markeredgecolor"], theme.accent)


@pytest.mark.parametrize("t", THEMES)
def test_data_splits_parts_and_their_marks(t):
    theme, fig = th.get(t), build("data_splits", t)
    for part in th.DATA_ROLES:
        for bar in gids(fig, part, Rectangle):
            assert same_color(bar.get_facecolor(), theme.role(th.DATA_ROLES[part][0]))
        for mark in gids(fig, f"{part}-mark"):
            assert_role(theme, mark, part)


@pytest.mark.parametrize("t", THEMES)
def test_data_splits_keys_its_marks_and_names_each_part_legibly(t):
    fig = build("data_splits", t)
    ax = fig.axes[0]
    # no key of glyphs for samples the figure does not draw: words say what the marks under
    # the parts are, and each part carries its set's mark
    assert not [c for c in ax.get_children() if isinstance(c, matplotlib.legend.Legend)]
    (note,) = [x for x in ax.texts if x.get_gid() == "marks-note"]
    assert note.get_text() == "Under each part, the mark its samples take in the other figures"
    for part in th.DATA_ROLES:
        assert gids(fig, f"{part}-mark")
    # each part's name on its bar meets WCAG 4.5:1 against the bar
    fills = {p.get_gid(): p.get_facecolor() for p in ax.patches if p.get_gid() in th.DATA_ROLES}
    names = [x for x in ax.texts if re.match(r"(training|validation|test): \d+$", x.get_text())]
    assert len(names) == 5
    for x in names:
        fill = matplotlib.colors.to_hex(fills[x.get_text().split(":")[0]])
        ink = matplotlib.colors.to_hex(x.get_color())
        assert th.contrast(ink, fill) >= th.TEXT_CONTRAST, x.get_text()


def lower_bar_top(fig) -> float:
    """The top edge (data) of data-splits' lower bar."""
    return max(p.get_y() + p.get_height() for p in fig.axes[0].patches
               if p.get_gid() in th.DATA_ROLES and p.get_y() < 1)


@pytest.mark.parametrize("t", THEMES)
def test_data_splits_bars_align_and_the_test_parts_are_joined(t):
    # a figure of its own, as built: the words' boxes are measured to a twentieth of a pixel,
    # and the shared one has been drawn at other resolutions (its baseline, its PDF) before
    theme = th.get(t)
    fig = gm.build(gm.load("figures.data_splits"), theme)
    # no line between the bars but the test parts' connector: only the marks are Line2D
    ax = fig.axes[0]
    assert [ln for ln in ax.lines if ln.get_linestyle() != "None"] == []
    (tie,) = [c for c in ax.collections if c.get_gid() == "same-test"]
    assert same_color(tie.get_color()[0], theme.muted) and tie.get_linewidth()[0] < 1
    (words,) = [x for x in ax.texts if x.get_text() == "The same test samples"]
    xs = {float(x) for seg in tie.get_segments() for x in seg[:, 0]}
    assert xs == {words.get_position()[0]}
    # the connector stops short of the words, above and below them
    ys = sorted(float(y) for seg in tie.get_segments() for y in seg[:, 1])
    assert ys[1] < words.get_position()[1] < ys[2]
    # the training part re-cut: a connector from the upper training part, broken by the words
    # that say so, to a bracket over the lower training and validation parts together
    (cut,) = [c for c in ax.collections if c.get_gid() == "re-cut"]
    assert same_color(cut.get_color()[0], theme.muted) and cut.get_linewidth()[0] < 1
    (said,) = [x for x in ax.texts if x.get_text().startswith("The training part cut again")]
    up, down, bracket = cut.get_segments()
    assert up[0, 0] == down[0, 0] == said.get_position()[0] == 40
    assert down[1, 1] < said.get_position()[1] < up[1, 1] < up[0, 1]
    assert bracket[0, 0] == bracket[1, 0] == 0 and bracket[2, 0] == bracket[3, 0] == 80
    assert bracket[1, 1] == bracket[2, 1] == down[1, 1]  # the stem meets the bracket
    assert bracket[0, 1] > lower_bar_top(fig)  # its feet stop over the lower bar
    # the two connectors of one form, aligned: they start at one level, under the upper jobs;
    # the test's stem stops where the bracket's feet do; their words on one baseline, each
    # stem stopping the same space (CLEAR points) short of its words' box, above and below
    import figures.data_splits as ds
    high, low = tie.get_segments()
    assert high[0, 1] == up[0, 1] and low[1, 1] == bracket[0, 1] == bracket[3, 1]
    assert said.get_position()[1] == words.get_position()[1]
    assert said.get_va() == words.get_va() == "baseline"
    # and in one style, the lower bar's headings: ink, the text size, sentence case (the
    # test's were once small and muted beside the re-cut's)
    for text in (said, words):
        assert same_color(text.get_color(), theme.text) and text.get_text()[0].isupper()
        assert text.get_fontsize() == theme.font_size
    with gm.themed(theme):  # the words measured in the house faces, as drawn
        fig.canvas.draw()
        boxes = {text: text.get_window_extent() for text in (said, words)}
    per_pt = fig.dpi / 72
    for text, (a, b) in ((said, (up, down)), (words, (high, low))):
        box = boxes[text]
        top = ax.transData.transform((0, a[1, 1]))[1]
        under = ax.transData.transform((0, b[0, 1]))[1]
        assert top - box.y1 == pytest.approx(ds.CLEAR * per_pt, abs=0.05)
        assert box.y0 - under == pytest.approx(ds.CLEAR * per_pt, abs=0.05)
    # the words halfway between the upper jobs and the bracket
    middle = (boxes[said].y0 + boxes[said].y1) / 2
    ends = ax.transData.transform([(0, up[0, 1]), (0, bracket[1, 1])])[:, 1]
    assert middle == pytest.approx(ends.mean(), abs=0.05)
    # the lower bar's training and validation span stands under the upper training part, its
    # test part under the upper test part, edge on edge; no outline sets an edge off
    bars = [p for p in ax.patches if p.get_gid() in ("training", "validation", "test")]
    assert all(p.get_linewidth() == 0 or p.get_edgecolor()[3] == 0 for p in bars)
    (top,) = [p for p in bars if p.get_gid() == "training" and p.get_y() > 1]
    (low_train,) = [p for p in bars if p.get_gid() == "training" and p.get_y() < 1]
    (val,) = [p for p in bars if p.get_gid() == "validation"]
    tests = sorted((p for p in bars if p.get_gid() == "test"), key=lambda p: p.get_y())
    assert low_train.get_x() == top.get_x()
    assert val.get_x() + val.get_width() == top.get_x() + top.get_width()
    assert tests[0].get_x() == tests[1].get_x() and tests[0].get_width() == tests[1].get_width()
    # the bars stop short of the page's edges; no programmer detail in the words
    fig.canvas.draw()
    page = fig.bbox
    for p in bars:
        box = p.get_window_extent()
        assert box.x0 - page.x0 > 0.03 * page.width and page.x1 - box.x1 > 0.03 * page.width
    assert not any("seed" in t.get_text() for t in ax.texts)


@pytest.mark.parametrize("t", THEMES)
def test_cross_validation_train_and_held_out_fold(t):
    theme, fig = th.get(t), build("cross_validation", t)
    table = next(a for a in fig.axes if a.get_gid() == "table")
    for p in table.patches:
        part = {"train": "training", "held-out": "validation"}[p.get_gid()]
        assert same_color(p.get_facecolor(), theme.role(th.DATA_ROLES[part][0]))
        assert p.get_alpha() in (None, 1.0)  # the data blue itself, not a faded one
    for dots in gids(fig, "train", PathCollection):
        assert_role(theme, dots, "training")
    for held in gids(fig, "held-out"):
        assert_role(theme, held, "validation")
    # the mean's rule keeps a margin from the page's edge and "mean" stands over it
    (rule,) = gids(fig, "rule")
    x0, x1 = rule.get_xdata()
    assert x1 <= fig.get_figwidth() - 0.15
    (mean,) = [s for s in table.texts if s.get_text() == "mean"]
    assert x0 <= mean.get_position()[0] < x1
    # the rule and the word stand in the score column, right of the fits
    from figures.cross_validation import W_PLOT, X_PLOT
    fig.canvas.draw()
    word = mean.get_window_extent().transformed(table.transData.inverted())
    assert word.x0 > X_PLOT + W_PLOT and x0 > X_PLOT + W_PLOT
    # every held-out diamond whole inside its round's panel, clear of its spines
    r = fig.canvas.get_renderer()
    for held in gids(fig, "held-out"):
        frame = held.axes.get_window_extent(r)
        half = (held.get_markersize() / 2 * 2 ** 0.5 + held.get_markeredgewidth() / 2) \
            * fig.dpi / 72
        for px, py in held.axes.transData.transform(held.get_xydata()):
            assert frame.x0 < px - half and px + half < frame.x1
            assert frame.y0 < py - half and py + half < frame.y1


@pytest.mark.parametrize("t", THEMES)
@pytest.mark.parametrize(("name", "train_gid"), [("model_capacity", "train"),
                                                  ("regularization", "training")])
def test_cost_curves_carry_their_sets_marks(name, train_gid, t):
    theme, fig = th.get(t), build(name, t)
    for line in gids(fig, train_gid):
        assert same_color(line.get_color(), theme.data)
        assert_role(theme, line, "training")
    for line in gids(fig, "test"):
        assert same_color(line.get_color(), theme.test)
        assert_role(theme, line, "test")


@pytest.mark.parametrize("t", THEMES)
def test_overfitting_poly_test_samples_small_training_dots_large(t):
    theme, fig = th.get(t), build("overfitting_poly", t)
    for held in gids(fig, "test-samples"):
        assert_role(theme, held, "test")
    for dots, held in zip(gids(fig, "train", PathCollection), gids(fig, "test-samples")):
        assert_role(theme, dots, "training")
        assert np.sqrt(dots.get_sizes()[0]) > 1.8 * held.get_markersize()  # the dots read first
        assert dots.get_zorder() > held.get_zorder()


def test_overfitting_poly_alt_says_where_the_curve_leaves_the_plot():
    from figures import overfitting_poly as f

    d, _, ws = f._fits()
    p = f.regression.polynomial_eval(ws[1], f.XS)
    lo, hi = f.Y_RANGE
    out_bottom = f.XS[p < lo]
    # gdcore's degree-9 fit leaves the bottom twice: between the first samples and at the end
    assert out_bottom.min() < 0.1 and out_bottom.max() == f.XS[-1]
    assert np.any(np.diff(out_bottom) > 0.5)
    alt = gm.doc_of(f).alt
    for side, a, b in f.leaves(p):
        assert (p[(f.XS >= a) & (f.XS <= b)] > hi).all() if side == "top" else \
            (p[(f.XS >= a) & (f.XS <= b)] < lo).all()
    assert alt.count("through the bottom") == 2 and alt.count("through the top") == 1
    assert "for x from 0.06 to 0.11" in alt and "for x above 0.98" in alt


def _panel_texts(ax) -> str:
    return "\n".join(t.get_text() for t in ax.findobj(matplotlib.text.Text))


@pytest.mark.parametrize("t", THEMES)
def test_backprop_loop_worked_product_is_true_as_displayed(t):
    from figures.backprop_loop import PLACES

    fig = build("backprop_loop", t)
    s3 = _panel_texts(fig.axes[2])
    # the lines after the first hung past an invisible a, their = signs in one column
    ph = re.escape(r"\phantom{a}")
    m = re.search(r"\$" + ph + r"= ([0-9.]+) \\times ([0-9.]+)\$\n\$" + ph + r"= ([0-9.]+)\$", s3)
    assert m, s3
    a, d, g = (float(v) for v in m.groups())
    assert f"{a * d:.{PLACES}f}" == m.group(3)  # the product of the shown factors, rounded
    r = BACKPROP.run()
    (la, ka), (_, jd) = BACKPROP.worked
    assert m.group(1) == f"{r['acts'][la][ka]:.{PLACES}f}"
    # the factor a is the activation panel 1 shows in its neuron, to the same places
    assert m.group(1) in [s.get_text() for s in fig.axes[0].texts]
    # the update: w − α·g as displayed
    s4 = _panel_texts(fig.axes[3])
    w = re.search(r"\$([0-9.]+) \\to ([0-9.]+)\$", s4)
    w0 = float(w.group(1))
    assert f"{w0 - BACKPROP.lr * g:.{PLACES}f}" == w.group(2)
    # the worked edge: drawn over the others, with its label w
    assert gids(fig, "worked-label", matplotlib.text.Annotation)[0].get_text() == "$w$"


def test_regularization_caption_names_the_steepest_decade():
    from figures import regularization as f

    _, rp = procedure.REGULARIZATION.run()
    pos = np.flatnonzero(rp.lams > 0)
    ratios = rp.norms[pos[:-1]] / rp.norms[pos[1:]]
    i = int(np.argmax(ratios))
    lo, hi = rp.lams[pos[i]], rp.lams[pos[i + 1]]
    assert hi / lo == pytest.approx(10)  # one decade
    cap = gm.doc_of(f).caption
    words = (f"falls fastest, by a factor of {numbers.significant(ratios[i], 2)}, from "
             f"λ = {numbers.text(lo, floor=0)} to λ = {numbers.text(hi, floor=0)}")
    assert words in cap, cap
    # one precision for the costs: the caption's and the figure's least test cost agree
    best = numbers.cost(rp.test[np.argmin(rp.test)])  # the book's one rule for a cost
    assert f"lowest, {best}," in cap
    fig = build("regularization", "light")
    assert any(f"$J = {best}$" in s.get_text() for s in fig.findobj(matplotlib.text.Text))


def test_model_capacity_caption_tells_the_test_costs_path():
    from figures import model_capacity as f

    d, err = f.errors()
    b = f.best_degree(err)
    cap = gm.doc_of(f).caption
    # degrees 1 and 2 about level, then the drop to the least, then a climb at every degree
    assert abs(err.test[2] - err.test[1]) < 0.05 * err.test[1] and err.test[3] < err.test[2] / 4
    assert np.all(np.diff(err.test[b:]) > 0) and b == 3
    # one rule for every test cost, from 0.0351 to 7.42: the book's three significant figures
    c = [numbers.cost(v) for v in err.test]
    assert (f"{c[1]} and {c[2]} at degrees 1 and 2, drops to its least, "
            f"{c[b]}, at degree {b}, and then climbs with every degree to {c[-1]} at") in cap
    assert numbers.COST_SIG == 3 and (c[b], c[-1]) == ("0.0351", "7.42")
    assert err.train[9] < numbers.FLOOR  # interpolation at degree 9: "≈ 0" holds
    assert f"down to ≈ 0 (rounding noise, {numbers.floor_words()}) at degree 9" in cap
