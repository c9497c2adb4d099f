"""Every still of the catalog: builds in both themes, reads cleanly, matches its baseline."""

from __future__ import annotations

import io
import re
from pathlib import Path

import matplotlib
import matplotlib.colors as mcolors
import numpy as np
import pytest
from figure_baselines import BASELINE_DPI, TOLERANCE, baseline_path, figure, render_small
from fontcheck import assert_house_fonts, maths_in_text
from matplotlib.collections import Collection, QuadMesh
from matplotlib.contour import ContourSet
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.testing.compare import compare_images
from matplotlib.text import Text

from gdrender.catalog import TARGETS
from gdviz import mpl as gm
from gdviz import numbers, theme

STILLS = [t for t in TARGETS if t.has("still")]
THEMES = ("light", "dark")
ROOT = Path(__file__).resolve().parents[1]
def test_every_target_has_its_still():
    assert [t.id for t in TARGETS if "still" in t.kinds and not t.has("still")] == []


@pytest.mark.parametrize("target", STILLS, ids=lambda t: t.id)
def test_words(target):
    doc = target.doc
    assert doc.title and doc.title[0].isupper()
    assert len(doc.caption) > 40 and len(doc.alt) > 20
    assert not re.search(r"[{}]", doc.caption + doc.alt), "an unfilled {field}"


@pytest.mark.parametrize("theme_name", THEMES)
@pytest.mark.parametrize("target", STILLS, ids=lambda t: t.id)
def test_matches_baseline(target, theme_name, tmp_path):
    # the figure's first drawing (figure_baselines.figure), as the baseline was made
    expected = baseline_path(target.id, theme_name)
    assert expected.exists(), f"no baseline: run tests/make_baselines.py ({expected})"
    # The fonts do not depend on the theme: every still's PDF is read back once, in light.
    pdf = tmp_path / f"{target.id}.pdf" if theme_name == "light" else None
    actual = render_small(target.id, theme_name, tmp_path / f"{target.id}.png", pdf,
                          figure(target.id, theme_name))
    result = compare_images(str(expected), str(actual), tol=TOLERANCE, in_decorator=True)
    assert result is None, result
    if pdf is not None:
        assert_house_fonts(pdf)


@pytest.mark.parametrize("theme_name", THEMES)
@pytest.mark.parametrize("target", STILLS, ids=lambda t: t.id)
def test_builds_without_overlapping_text(target, theme_name):
    fig = figure(target.id, theme_name)
    th = theme.get(theme_name)
    w, h = fig.get_size_inches()
    assert w == pytest.approx(th.text_width) and 0.8 < h <= th.max_height
    assert gm.text_overlaps(fig) == []
    # no text smaller than 7 pt at the printed size
    sizes = [t.get_fontsize() for t in fig.findobj(Text) if t.get_text().strip()]
    assert min(sizes) >= 7.0


@pytest.mark.parametrize("target", STILLS, ids=lambda t: t.id)
def test_maths_is_set_in_the_maths_face(target):
    # J, m, b, w, α, λ, ‖w‖, |y| … are mathtext ($...$), never letters of the text face
    fig = figure(target.id, "light")
    bad = sorted({t.get_text() for t in fig.findobj(Text)
                  if t.get_visible() and maths_in_text(t.get_text())})
    assert not bad, f"maths in the text face: {bad}"


@pytest.mark.parametrize("target", STILLS, ids=lambda t: t.id)
def test_numbers_carry_no_trailing_zero_noise(target):
    # every string the still sets (titles, legends, notes; a bare number, a table cell, keeps
    # its column's places, a tick is held by the next test) and its title, caption and alt
    # text: no "0.9400"
    fig = figure(target.id, "light")
    words = [t.get_text() for t in fig.findobj(Text) if t.get_visible()]
    words += [target.doc.title, target.doc.caption, target.doc.alt]
    noise = sorted({n for w in words for n in numbers.zero_noise(w)})
    assert not noise, f"{target.id}: trailing zeros that carry no figure: {noise}"


#: A tick number padded with a zero after its point, as a program prints a column: 0.0, 1.0,
#: 2.50, 0.10 (the house writes 0, 1, 2.5, 0.1: numbers.tick).
PADDED_TICK = re.compile(r"\d\.\d*0(?!\d)")


def tick_labels(fig) -> list[str]:
    """Every visible tick number of every axis of fig (3-D axes' z too, and an inset's:
    train-val-curves' inset once wrote 0.050, 0.075, 0.100, unread), as drawn."""
    out = []
    for ax in gm.all_axes(fig):
        for axis in (getattr(ax, n) for n in ("xaxis", "yaxis", "zaxis") if hasattr(ax, n)):
            lo, hi = sorted(axis.get_view_interval())
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                if not lo - 1e-9 * (hi - lo) <= tick.get_loc() <= hi + 1e-9 * (hi - lo):
                    continue
                out += [t.get_text() for t in (tick.label1, tick.label2)
                        if t.get_visible() and t.get_text()]
    return out


def test_padded_tick_pattern_finds_what_a_program_prints():
    assert [bool(PADDED_TICK.search(s)) for s in
            ("0.0", "1.0", "2.50", "0.10", "$-1.0$", "0", "0.5", "2.5", "10", "1,000", "$10^{-2}$")
            ] == [True] * 5 + [False] * 6


@pytest.mark.parametrize("target", STILLS, ids=lambda t: t.id)
def test_tick_numbers_are_written_in_their_shortest_form(target):
    # one tick rule (numbers.tick, gm.tick_formatter, applied to every still by gm.build):
    # 0, 0.5, 1, never 0.0, 0.5, 1.0
    labels = tick_labels(figure(target.id, "light"))
    padded = sorted({s for s in labels if PADDED_TICK.search(s)})
    assert not padded, f"{target.id}: tick numbers padded with zeros: {padded}"


def _dash_patterns(fig) -> set:
    """The unscaled dash pattern (offset, on-off sequence) of every line and outline drawn."""
    found = set()
    for a in fig.findobj():
        if isinstance(a, Collection):
            pats = a._us_linestyles if len(a.get_paths()) else []
        elif isinstance(a, Line2D | Patch) and a.get_visible():
            pats = [a._unscaled_dash_pattern]
        else:
            continue
        for offset, seq in pats:
            if seq is not None:
                found.add((float(offset), tuple(float(x) for x in seq)))
    return found


#: The dashes of the house (theme.LINE_STYLES): a difference (and its short dash) and a
#: reference, nothing else.
HOUSE_DASHES = {(0.0, (3.7, 1.6)), (0.0, tuple(theme.DIFFERENCE_SHORT_DASH[1])),
                (0.0, (1.0, 1.65))}


@pytest.mark.parametrize("target", STILLS, ids=lambda t: t.id)
def test_lines_dash_only_as_the_theme_says(target):
    # a dash means one thing across the book: only the theme's patterns are drawn
    fig = figure(target.id, "light")
    with gm.themed(theme.get("light")):
        assert _dash_patterns(fig) <= HOUSE_DASHES


def test_no_line_style_is_written_by_hand():
    # the theme is the one place line styles come from: no figure or drawing block names a
    # dash or a dot (theme.line("difference") / theme.line("reference") instead)
    root = Path(__file__).resolve().parents[1]
    by_hand = re.compile(r"(linestyles?|\bls)\s*=\s*(\[?\(\s*0\s*,\s*\("
                         r"""|["'](--|:|-\.|dashed|dotted|dashdot)["'])""")
    files = [*sorted((root / "figures").glob("*.py")),
             *(f for f in sorted((root / "src" / "gdviz").glob("*.py"))
               if f.name != "theme.py")]
    found = [f"{f.name}:{i}" for f in files
             for i, line in enumerate(f.read_text().splitlines(), 1) if by_hand.search(line)]
    assert not found, found


@pytest.mark.parametrize("target", STILLS, ids=lambda t: t.id)
def test_svg_is_vector_and_small(target):
    fig = figure(target.id, "light")
    buf = io.BytesIO()
    with gm.themed(theme.get("light")):
        fig.savefig(buf, format="svg")
    assert 1_000 < buf.tell() < 1_000_000


#: What names a quantity the house labels (theme.AXIS_LABELS), and the house labels it may take:
#: an axis or colour bar whose label matches a pattern must carry one of those labels exactly, so
#: "iteration", "$J(m, b)$ (log scale)" or a bare "$m$" for the slope fail.
HOUSE_QUANTITIES = {
    r"\b(steps?|iterations?)\b|^\$t\$$": ("step",),
    r"\bepochs?\b": ("epoch",),
    r"\bslope\b|^\$m'?\$$": ("slope", "slope on z"),
    r"\bintercept\b|^\$b'?\$$": ("intercept", "intercept on z"),
    r"\b(cost|loss|MSE)\b|^\$J\b|^\$L\b": ("cost", "training cost", "test cost"),
    r"learning rate|^\$\\alpha\$$": ("rate",),
    r"\bmomentum\b|^\$\\beta\$$": ("momentum",),
    r"\bpenalty\b|^\$\\lambda\$$": ("penalty",),
    r"^(weight|position) \$w\$$|^\$w\$$": ("weight",),
    r"^\$w_\d\$$|^weight \$w_": ("w1", "w2", "w3"),
    r"\bridge\b|^\$\|w_2\|\$$": ("ridge distance",),
}


def axis_labels(fig) -> list[str]:
    """Every axis label of a figure (x, y and z of each axes, colour bars and insets too)."""
    out, todo = [], list(fig.axes)
    while todo:
        ax = todo.pop()
        todo.extend(ax.child_axes)
        getters = (ax.get_xlabel, ax.get_ylabel, getattr(ax, "get_zlabel", str))
        out.extend(label for get in getters if (label := get()))
    return out


def test_house_quantities_name_the_house_labels():
    keys = {k for allowed in HOUSE_QUANTITIES.values() for k in allowed}
    assert keys | {"x", "y", "iteration"} == set(theme.AXIS_LABELS)
    assert theme.AXIS_LABELS["iteration"] == theme.AXIS_LABELS["step"] == "step $t$"
    for pattern, allowed in HOUSE_QUANTITIES.items():
        for k in allowed:  # each house label is recognised as its own quantity
            assert re.search(pattern, theme.AXIS_LABELS[k]), (pattern, k)
    for label in ("iteration", "iteration $t$", "$J(m, b)$ (log scale)", "$m$", "position $w$",
                  "final training cost $J$", "epoch (one full-batch step)",
                  "distance from the ridge, $|y|$", "$|w_2|$"):
        assert any(re.search(p, label) and label not in {theme.AXIS_LABELS[k] for k in a}
                   for p, a in HOUSE_QUANTITIES.items()), label


@pytest.mark.parametrize("target", STILLS, ids=lambda t: t.id)
def test_axis_labels_are_the_house_labels(target):
    # one label per quantity, everywhere (docs/STYLE.md, theme.AXIS_LABELS)
    wrong = []
    for label in axis_labels(figure(target.id, "light")):
        for pattern, allowed in HOUSE_QUANTITIES.items():
            house = [theme.AXIS_LABELS[k] for k in allowed]
            if re.search(pattern, label) and label not in house:
                wrong.append((label, house))
    assert not wrong, f"{target.id}: not the house label: {wrong}"


@pytest.mark.parametrize("target", STILLS, ids=lambda t: t.id)
def test_maps_are_framed_and_no_legend_lies_over_one(target):
    # a map's key sits outside it (theme.LEGEND["map"]: one row under the map), never over a
    # path, a level line or the data of a contour map or heat map; a filled map is framed on
    # all four sides (gm.frame_map), so its edge shows where its colours near the page's
    fig = figure(target.id, "light")
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    legends = [ax.get_legend() for ax in fig.axes if ax.get_legend()] + list(fig.legends)
    maps = [ax for ax in fig.axes if ax.name != "3d" and ax.get_label() != "<colorbar>"
            and any(isinstance(c, QuadMesh | ContourSet) for c in ax.get_children())]
    covered = [(ax.get_title() or ax.get_xlabel(), lg.texts[0].get_text()) for ax in maps
               for lg in legends
               if lg.get_window_extent(renderer).overlaps(ax.get_window_extent(renderer))]
    assert not covered, f"{target.id}: a legend over a map: {covered}"
    filled = [ax for ax in maps if any(isinstance(c, QuadMesh) or (isinstance(c, ContourSet)
                                                                 and c.filled)
                                       for c in ax.get_children())]
    unframed = [ax.get_title() or ax.get_xlabel() for ax in filled
                if not all(sp.get_visible() for sp in ax.spines.values())]
    assert not unframed, f"{target.id}: a map without its frame: {unframed}"


#: Programmer notation that people do not write: a hyphen-minus before a digit, e-notation,
#: a caret for a power, a typewriter's apostrophe or quote.
PROGRAMMER = re.compile(r"(?<![\w])-\d|\d[eE][+-]?\d|\^|'")


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.id)
def test_caption_and_alt_are_written_for_people(target):
    for field in ("caption", "alt"):
        words = getattr(target.doc, field)
        assert words.strip(), f"{target.id}: no {field}"
        found = PROGRAMMER.findall(words)
        assert not found, f"{target.id} {field}: {found} in {words!r}"
        # a value is written, or said to be about zero, never both ("λ = ≈ 0")
        assert "= ≈" not in words, f"{target.id} {field}: {words!r}"


def test_themes_differ_in_background():
    fig_l, fig_d = figure(STILLS[0].id, "light"), figure(STILLS[0].id, "dark")
    lum = [np.mean(gm_to_rgb(f)[:3, :3, :3]) for f in (fig_l, fig_d)]
    assert lum[0] > 240 > 40 > lum[1]


def gm_to_rgb(fig):
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba())


#: The line plots (a cost per step or epoch, a curve against a setting) whose curves a legend
#: keys: one placement for all of them (theme.LEGEND["curves"], gm.optimizer_legend).
#: (regularization, a figure of six panels, keys them in one strip under all of them, as
#: overfitting-poly and penalty-conflict key their pairs)
LINE_PLOTS = ("local-minima", "model-capacity", "train-val-curves", "batch-vs-stochastic",
              "lonely-space")


def test_gradient_check_keys_each_panel_where_its_marks_are():
    # the passes' key in their own panel, inside it, over every dot and word of it (a key
    # under all three panels named the blue dots of the other two as "backpropagation")
    fig = figure("gradient-check", "light")
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    assert not fig.legends
    lg = fig.axes[2].get_legend()
    box = lg.get_window_extent(r)
    assert not lg.get_frame_on() and fig.axes[2].bbox.contains(box.x0 + 1, box.y0 + 1)
    others = [*fig.axes[2].texts, *fig.axes[2].collections]
    assert all(box.y0 > a.get_window_extent(r).y1 for a in others)
    assert [t.get_text() for t in lg.get_texts()] == ["central differences", "backpropagation"]
    # the three panels keep one width
    widths = [a.get_window_extent(r).width for a in fig.axes]
    assert max(widths) - min(widths) < 1.0


@pytest.mark.parametrize("target_id", ["learning-rates", "gd-regression"])
def test_key_of_maps_and_curves_centred_under_the_figure(target_id):
    # a figure whose key names a map's marks and a curve's runs keys them once, in one strip
    # centred under all its panels, unframed (not hung under one panel, off to one side)
    fig = figure(target_id, "light")
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    assert not any(a.get_legend() for a in fig.axes)
    (lg,) = fig.legends
    box = lg.get_window_extent(r)
    assert not lg.get_frame_on()
    assert all(box.y1 < a.get_tightbbox(r).y0 for a in fig.axes if a.get_visible())
    assert abs((box.x0 + box.x1) / 2 - fig.bbox.width / 2) < 0.01 * fig.bbox.width
    assert "start" in [t.get_text() for t in lg.get_texts()]


@pytest.mark.parametrize("target_id", LINE_PLOTS)
def test_line_plot_legends_hang_under_their_axes(target_id):
    # read back from the drawn page: every key of a line plot hangs under its axes, centred on
    # them, unframed, the same distance under the axes' lowest words (its tick numbers and
    # axis label) in every figure of the family; none inside a plot, none on the figure
    fig = figure(target_id, "light")
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    to_pt = 72 / fig.dpi
    legends = [(ax, ax.get_legend()) for ax in fig.axes if ax.get_legend()]
    assert legends and not fig.legends
    for ax, lg in legends:
        box, frame = lg.get_window_extent(r), ax.get_window_extent(r)
        assert not lg.get_frame_on()
        assert box.y1 < ax.xaxis.get_tightbbox(r).y0 < frame.y0  # under the axis label
        assert abs((box.x0 + box.x1) / 2 - (frame.x0 + frame.x1) / 2) < 1.0
        # close under it: LEGEND_DROP points (test_keys_hang_one_drop_under_their_ink)
        assert (ax.xaxis.get_tightbbox(r).y0 - box.y1) * to_pt < 6.0


#: Stills whose keys hang under their axes (gm.optimizer_legend; a race's under its panels,
#: gdviz.race_plot.draw_race), with how many keys each: the maps' and some line plots'.
#: (descent-3d's key stands in the figure's top left corner, over the room the bowl leaves.)
HUNG_KEYS = {"cost-heatmap": 1, "nonconvex-loss": 2, "mse-surface": 1, "loss-curve": 1,
             "local-minima": 1, "train-val-curves": 1, "batch-vs-stochastic": 2,
             "race-saddle": 1, "race-long-valley": 1}


def _lowest_ink_pt(ax, r) -> float:
    """The lowest of an axes' drawn tick numbers, axis labels (matplotlib's boxes of its two
    axes) and its bottom frame (a 3-D axes: its own box of labels and panes), in points."""
    if ax.name == "3d":
        return ax.get_tightbbox(r).y0 * 72 / ax.get_figure(root=True).dpi
    ink = [ax.spines["bottom"].get_window_extent(r).y0]
    ink += [b.y0 for b in (ax.xaxis.get_tightbbox(r), ax.yaxis.get_tightbbox(r)) if b]
    return min(ink) * 72 / ax.get_figure(root=True).dpi


@pytest.mark.parametrize("target_id", HUNG_KEYS)
def test_keys_hang_one_drop_under_their_ink(target_id):
    # every key hung under its axes stands theme.LEGEND_DROP points under their lowest ink
    # (tick numbers, axis label; a map with neither under it, its frame), the same blank in
    # every still, within 1 pt: anchored at a fraction of its axes' height (-0.17),
    # cost-heatmap's key (a 4.3 in map) hung 29.6 pt under "slope m" and nonconvex-loss's
    # (1.8 in maps) over their labels (-0.8 pt); the line plots', 30 pt under their frames,
    # 2 to 3 pt under their labels; the races', at the foot of their layout's room, 21 pt.
    # Read from the laid-out figure (its extents, nothing drawn).
    fig = figure(target_id, "light")
    r = fig.canvas.get_renderer()
    to_pt = 72 / fig.dpi
    visible = [a for a in fig.axes if a.get_visible()]
    # a key of its axes hangs under them; a key under several panels (mse-surface's, a
    # race's) under the lowest ink of the panels it spans
    keys = [(lg, [lg.axes]) for lg in (a.get_legend() for a in fig.axes) if lg] + \
        [(lg, visible) for lg in fig.legends]
    assert len(keys) == HUNG_KEYS[target_id]
    for lg, axes in keys:
        box = lg.get_window_extent(r)
        spans = [a for a in visible
                 if a.get_window_extent(r).x0 < box.x1 and a.get_window_extent(r).x1 > box.x0]
        under = spans if target_id == "mse-surface" else axes
        gap = min(_lowest_ink_pt(a, r) for a in under) - box.y1 * to_pt
        assert gap == pytest.approx(theme.LEGEND_DROP, abs=0.5), (target_id, gap)
        # box top to letters: one border pad of its size, in every key
        assert lg.borderpad == matplotlib.rcParams["legend.borderpad"]


#: Stills whose keys are drawn by the house's legend defaults (the races' too).
KEYED = ("gd-regression", "regularization", "slope-sweep", "overfitting-poly",
         "penalty-conflict", "batch-vs-stochastic", "race-long-valley", "race-beale",
         "race-saddle")


@pytest.mark.parametrize("target_id", KEYED)
def test_legend_keys_are_long_enough_to_read_as_lines(target_id):
    # one key length, the theme's (in font sizes): a solid key reads as a line, not a dash
    assert theme.mpl_rc(theme.LIGHT)["legend.handlelength"] == theme.LEGEND_HANDLE >= 2.5
    fig = figure(target_id, "light")
    legends = [ax.get_legend() for ax in fig.axes if ax.get_legend()] + list(fig.legends)
    assert legends
    for lg in legends:
        assert lg.handlelength == theme.LEGEND_HANDLE, target_id
    for path in sorted((ROOT / "figures").glob("*.py")) + [ROOT / "src/gdviz/mpl.py",
                                                             ROOT / "src/gdviz/race_plot.py"]:
        assert "handlelength" not in path.read_text(), path.name


#: The stills that enlarge a window of a map or surface in a zoom (gm.zoom_inset, gm.zoom_frame).
ZOOMING = {"gd-regression", "feature-scaling", "race-beale", "race-long-valley", "descent-3d"}


def _corners(x0, x1, y0, y1) -> list[tuple[float, float]]:
    return [(x, y) for x in (x0, x1) for y in (y0, y1)]


@pytest.mark.parametrize("target", STILLS, ids=lambda t: t.id)
def test_every_zoom_is_drawn_one_way(target):
    """A zoom is drawn one way in every still (gm.zoom_inset): framed on all four sides in ink,
    gm.ZOOM_FRAME wide; its window on the parent in the same stroke; two leaders in ink,
    gm.ZOOM_LEADER wide, from corners of that window to corners of the zoom. No still joins
    a zoom to its window any other way (matplotlib's indicate_inset, a leader of its own)."""
    from matplotlib.patches import ConnectionPatch, Rectangle

    fig = figure(target.id, "light")
    t = theme.get("light")
    ink = mcolors.to_rgb(t.text)
    found = gm.zooms(fig)
    assert bool(found) == (target.id in ZOOMING), target.id
    leaders = [a for a in fig.findobj(ConnectionPatch)]
    assert not [a for a in fig.findobj() if hasattr(a, "connectors")]  # no indicate_inset
    assert sorted(str(c.get_gid()) for c in leaders) == sorted(
        f"zoom-leader-{k}" for _ in found for k in (1, 2))
    for zoom, parent in found:
        for side, spine in zoom.spines.items():
            assert spine.get_visible(), side
            assert spine.get_linewidth() == gm.ZOOM_FRAME
            assert np.allclose(mcolors.to_rgb(spine.get_edgecolor()), ink)
        (x0, x1), (y0, y1) = zoom.get_xlim(), zoom.get_ylim()
        (window,) = [a for a in parent.get_children() if a.get_gid() == "zoom-window"]
        if parent.name == "3d":  # a window outlined on the surface
            wx, wy, _ = (np.asarray(v) for v in window.get_data_3d())
            assert (wx.min(), wx.max(), wy.min(), wy.max()) == pytest.approx((x0, x1, y0, y1))
            assert window.get_linewidth() == gm.ZOOM_FRAME
            assert np.allclose(mcolors.to_rgb(window.get_color()), ink)
            ends = None
        else:  # a rectangle round what the zoom shows
            assert isinstance(window, Rectangle) and not window.get_fill()
            assert window.get_linewidth() == gm.ZOOM_FRAME
            assert np.allclose(mcolors.to_rgb(window.get_edgecolor()), ink)
            bx0, by0 = window.get_xy()
            bx1, by1 = bx0 + window.get_width(), by0 + window.get_height()
            eps = 1e-9 * max(abs(x1 - x0), abs(y1 - y0))
            assert bx0 <= x0 + eps and x1 <= bx1 + eps and by0 <= y0 + eps and y1 <= by1 + eps
            # wider than the zoom's view by at most a dot's radius (3 points) each side
            to_pt = parent.transData.transform
            wide = (np.abs(to_pt([(bx0, by0), (bx1, by1)]) - to_pt([(x0, y0), (x1, y1)]))
                    * 72 / fig.dpi)
            assert wide.max() <= 3.0, wide
            ends = _corners(bx0, bx1, by0, by1)
        mine = [c for c in leaders if c.coords2 is zoom.transAxes]
        assert len(mine) == 2
        for c in mine:
            assert c.get_linewidth() == gm.ZOOM_LEADER < gm.ZOOM_FRAME
            assert np.allclose(mcolors.to_rgb(c.get_edgecolor()), ink)
            assert tuple(c.xy2) in _corners(0, 1, 0, 1)
            if ends is not None:
                assert tuple(c.xy1) in ends


def test_zoom_leaders_join_the_sides_that_face_each_other():
    """The leaders' rule: the window's side towards the zoom to the zoom's side towards the
    window, end to end (right of it: its right corners to the zoom's left ones)."""
    fig = gm.Figure(figsize=(6, 4))
    ax = fig.add_axes((0.1, 0.1, 0.8, 0.8))
    ax.set(xlim=(0, 10), ylim=(0, 10))
    right = ax.inset_axes((0.6, 0.1, 0.3, 0.3))
    above = ax.inset_axes((0.05, 0.7, 0.3, 0.25))
    window = ((1, 2), (1, 2))
    assert gm.zoom_leaders(window, ax, right) == [((1, 0), (0, 0)), ((1, 1), (0, 1))]
    assert gm.zoom_leaders(window, ax, above) == [((0, 1), (0, 0)), ((1, 1), (1, 0))]
    with pytest.raises(ValueError):
        gm.zoom_leaders(((0, 10), (0, 10)), ax, right)


@pytest.mark.parametrize("theme_name", THEMES)
@pytest.mark.parametrize("target", STILLS, ids=lambda t: t.id)
def test_one_outer_margin(target, theme_name):
    # the blank border of every still, read back from its baseline (the still as it is saved:
    # its figure's width, the ink centred across it, theme.PAGE_MARGIN above and below it)
    from PIL import Image

    th = theme.get(theme_name)
    rgba = np.asarray(Image.open(baseline_path(target.id, theme_name)).convert("RGBA"))
    left, top, right, bottom = gm.ink_box(rgba, th.background)
    h, w = rgba.shape[:2]
    margin = theme.PAGE_MARGIN / 72 * BASELINE_DPI
    assert abs(top - margin) <= 1.0 and abs(h - bottom - margin) <= 1.0, (top, h - bottom)
    assert abs(left - (w - right)) <= 1.0, (left, w - right)  # centred across the page
    assert min(left, w - right) >= margin - 1.0, (left, w - right)
    width = figure(target.id, theme_name).get_figwidth() * BASELINE_DPI
    assert w >= round(width) - 1, (w, width)  # never narrower than its figure


#: Stills whose ink once ran past the text width (a title, a layer's name, a column of end
#: values): read back at the resolution the page is found at, each is saved at its figure's
#: width, its ink inside it with the house margin at both sides.
WITHIN_TEXT_WIDTH = ("feature-scaling", "dropout", "batch-vs-stochastic", "guess-explosion",
                     "gradient-geometry")


@pytest.mark.parametrize("target_id", WITHIN_TEXT_WIDTH)
def test_ink_stays_inside_the_text_width(target_id):
    th = theme.get("light")
    fig = figure(target_id, "light")
    with gm.themed(th):
        box = gm.page_box(fig, th)
    assert box.width == pytest.approx(fig.get_figwidth(), abs=1 / gm.INK_DPI), box.width * 72


def test_save_crops_a_still_to_its_ink_and_the_margin(tmp_path):
    # a figure with room to spare round its drawing (a small axes, a legend anchored to the
    # figure's box) is saved at its width with PAGE_MARGIN of page above and below: the legend
    # stays where the layout put it (moved to the crop's edge, it would leave a wider border)
    from matplotlib.figure import Figure
    from PIL import Image

    th = theme.get("light")
    with gm.themed(th):
        fig = Figure(figsize=(4, 3))
        fig.set_layout_engine("none")
        ax = fig.add_axes((0.35, 0.4, 0.3, 0.3))
        ax.plot([0, 1], [0, 1], label="a line")
        fig.legend(loc="lower center", frameon=False)
    dpi = th.dpi
    gm.save(fig, th, tmp_path / "page.png")
    rgba = np.asarray(Image.open(tmp_path / "page.png").convert("RGBA"))
    left, top, right, bottom = gm.ink_box(rgba, th.background)
    h, w = rgba.shape[:2]
    margin = theme.PAGE_MARGIN / 72 * dpi
    # within a pixel of the ink's measure (gm.INK_DPI) and one of this render
    near = dpi / gm.INK_DPI + 1
    assert abs(top - margin) <= near and abs(h - bottom - margin) <= near, (top, h - bottom)
    assert h < 0.9 * 3 * dpi  # the room to spare above and below is gone
    # as wide as the figure (the text width), the ink centred across it
    assert w == round(4 * dpi) and abs(left - (w - right)) <= near, (w, left, w - right)


def test_save_keeps_the_room_of_a_legend_under_the_panels(tmp_path):
    # a still laid out by the layout engine with its legend "outside" under the axes (the
    # races, penalty-conflict): saved cropped, the legend keeps the room made for it, under
    # the axis label
    th = theme.get("light")
    with gm.themed(th):
        fig, ax = gm.subplots(th, height=2.0)
        ax.plot([0, 1], [0, 1], label="a line")
        ax.set_xlabel("step")
        fig.legend(loc="outside lower center", frameon=False)
    gm.save(fig, th, tmp_path / "page.png")
    renderer = fig.canvas.get_renderer()
    (lg,) = fig.legends
    assert lg.get_window_extent(renderer).y1 <= ax.get_tightbbox(renderer).y0 + 1
