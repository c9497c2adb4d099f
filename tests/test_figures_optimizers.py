"""What the optimizer figures show, read back from their artists: the race maps, local minima,
batch vs stochastic, the learning-rate grid search and the loss curve, in both themes."""

from __future__ import annotations

import contextlib
import itertools
import re

import matplotlib.colors as mcolors
import numpy as np
import pytest
from figure_baselines import figure as build
from matplotlib.contour import QuadContourSet
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from gdcore import data, local_minima, nn, races, regression
from gdcore import training_procedure as procedure
from gdcore.networks import LOSS_CURVE
from gdcore.optimizers import NAMES
from gdviz import mpl as gm
from gdviz import numbers, race_plot
from gdviz import theme as th

THEMES = ("light", "dark")
RACE_FIGURES = {"race_long_valley": "long-valley", "race_beale": "beale",
                "race_saddle": "saddle"}
ALL = (*RACE_FIGURES, "local_minima", "batch_vs_stochastic", "lr_grid_search", "loss_curve")

def by_gid(fig, gid: str):
    found = [a for a in fig.findobj() if getattr(a, "get_gid", lambda: None)() == gid]
    assert len(found) == 1, f"{gid}: {len(found)} artists"
    return found[0]


def gids(fig, prefix: str) -> list[str]:
    return [g for a in fig.findobj() if isinstance(g := a.get_gid(), str) and g.startswith(prefix)]


def xy(line: Line2D) -> np.ndarray:
    return np.column_stack([np.asarray(line.get_xdata(), float),
                            np.asarray(line.get_ydata(), float)])


def same_colour(a, b) -> bool:
    return np.allclose(mcolors.to_rgba(a)[:3], mcolors.to_rgba(b)[:3])


def legend_texts(fig) -> list[str]:
    return [t.get_text() for ax in fig.axes if ax.get_legend()
            for t in ax.get_legend().get_texts()] + [
        t.get_text() for leg in fig.legends for t in leg.get_texts()]


@pytest.fixture(scope="module")
def race_runs():
    return {key: races.run_race(r) for key, r in races.RACES.items()}


# --- every figure -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ALL)
def test_words_are_complete_and_the_figure_fits_the_page(name):
    module = gm.load(f"figures.{name}")
    doc = gm.doc_of(module)
    assert doc.title and doc.caption and doc.alt
    for text in (doc.caption, doc.alt):
        assert "{" not in text and "}" not in text
    fig = build(name, "light")
    w, h = fig.get_size_inches()
    assert w == pytest.approx(th.get("light").text_width) and h <= 8.0


@pytest.mark.parametrize("name", ("race_long_valley", "race_beale", "race_saddle",
                                  "batch_vs_stochastic"))
def test_contour_fills_are_rasterised(name):
    fills = [a for a in build(name, "light").findobj(QuadContourSet) if a.filled]
    assert fills and all(f.get_rasterized() for f in fills)


# --- the races --------------------------------------------------------------------------------


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("name", list(RACE_FIGURES))
def test_race_paths_are_gdcores_trajectories_in_each_optimizers_colour(name, theme, race_runs):
    race = races.RACES[RACE_FIGURES[name]]
    fig = build(name, theme)
    t = th.get(theme)
    assert len(gids(fig, "path:")) == 7
    for opt in NAMES:
        tr = race_runs[race.key][opt]
        line = by_gid(fig, f"path:{opt}")
        ex = races.frame_exit(tr.points, race.window)
        data_ = xy(line)
        if ex is None:
            assert np.array_equal(data_, tr.points)  # the whole trajectory
        elif line.get_transform() != line.axes.transData:
            # in a lane (the saddle's): its points on to where its lane has left the window,
            # the axes clipping it on the frame's edge, whichever side of its points the lane
            # lies: its last point drawn outside the map, the one two before inside
            fig.canvas.draw()
            assert np.array_equal(data_, tr.points[: len(data_)])
            assert line.get_clip_on()
            np.testing.assert_allclose(line.get_clip_box().extents, line.axes.bbox.extents)
            drawn = line.get_transform().transform(data_)
            assert not line.axes.bbox.contains(*drawn[-1])
            assert line.axes.bbox.contains(*drawn[-3])
        else:  # up to the last point inside, then the crossing on the frame's edge
            assert np.array_equal(data_[:-1], tr.points[: ex.step])
            assert data_[-1] == pytest.approx(ex.point)
        assert same_colour(line.get_color(), t.opt(opt))
        # a step dot every DOT_EVERY steps after the start (the ring's), on gdcore's points,
        # up to the exit; none round the inset's box (the figure's QUIET) from a run's first
        # step into it, where it ends in the inset
        mod = gm.load(f"figures.{name}")
        every, quiet = mod.DOT_EVERY, getattr(mod, "QUIET", None)
        want = (tr.points if ex is None else tr.points[: ex.step])[every::every]
        if quiet is not None and ex is None and races.inside(tr.points[-1],
                                                             race.inset.region)[0]:
            inside = races.inside(tr.points, quiet)
            first = int(np.argmax(inside))
            assert inside.any() and first > 0
            drop = (inside & (np.arange(len(inside)) >= first))[every::every]
            assert drop.any()  # the box's surroundings do lose dots
            want = want[~drop]
        steps = by_gid(fig, f"steps:{opt}")
        assert every > 1 and np.array_equal(xy(steps), want)


def test_race_legends_share_one_layout():
    """Every race's legend under its panels is laid out alike: race_plot.LEGEND_COLUMNS
    columns, the runs first in NAMES' order."""
    for name in RACE_FIGURES:
        (legend,) = build(name, "light").legends
        assert legend._ncols == race_plot.LEGEND_COLUMNS == 3, name
        texts = [t.get_text() for t in legend.get_texts()]
        assert [s.split("  ")[0] for s in texts[:len(NAMES)]] == list(NAMES), name
        # four rows: the runs down the first two columns, the eighth place blank or the
        # inset's other look (Beale's Adadelta's points), the marks down the third
        eighth = " " if name != "race_beale" else "Adadelta’s steps (inset)"
        assert texts[len(NAMES)] == eighth and texts[len(NAMES) + 1] == "start", name
        assert len(texts) in (11, 12), name


@pytest.mark.parametrize("name", list(RACE_FIGURES))
def test_race_legend_names_every_optimizer_with_its_rate_and_how_it_ended(name, race_runs):
    race = races.RACES[RACE_FIGURES[name]]
    texts = legend_texts(build(name, "light"))
    outs = races.outcomes(race, race_runs[race.key])
    assert not any("\n" in s for s in texts)  # one line an entry
    for opt in NAMES:
        (label,) = [s for s in texts if s.startswith(opt + " ")]
        head, tail = label.split(", ", 1)
        assert head == f"{opt}  $\\alpha = {race.hyper[opt]['lr']:g}$"
        o = outs[opt]
        if o.exit is not None:
            assert tail == f"left at step {o.exit.step}"
        elif o.distance is not None:
            # every distance of a race to two significant figures, zeros kept: 0.20 beside
            # 0.071 and 4.0, never 0.2 or 4; under the house's SCI_LOW in powers of ten
            # (Beale's NAG ends 3.4 × 10⁻⁵ away, never 0.000034); set in maths, as the α
            d = numbers.significant(o.distance, 2, "latex")
            assert tail == f"ends ${d}$ away"
            assert re.fullmatch(r"0\.0*[1-9]\d|[1-9]\.\d|[1-9]\d|[1-9]\.\d \\times 10\^\{-\d+\}",
                                d), d
        else:
            assert tail == f"ends at $|w_2| = {numbers.latex(abs(o.final[1]))}$"
    plain = re.sub(r"\$[^$]*\$", "", " ".join(texts))  # outside maths: no hyphen-minus, no 1e-5
    assert "-" not in plain and not re.search(r"\de", plain)
    if race.surface.minimum is not None:
        assert any(s.startswith("minimum (") for s in texts)


TITLES = {"race_long_valley": r"Long valley:  $J(w_1, w_2) = \frac{1}{2}(0.1\,w_1^2 + 5\,w_2^2)$",
          "race_beale": r"Beale’s function:  $J(w_1, w_2) = (1.5 - w_1 + w_1 w_2)^2"
                        r" + (2.25 - w_1 + w_1 w_2^2)^2 + (2.625 - w_1 + w_1 w_2^3)^2$",
          "race_saddle": r"Saddle:  $J(w_1, w_2) = w_1^2 - w_2^2$"}


@pytest.mark.parametrize("name", list(RACE_FIGURES))
def test_race_speaks_the_books_notation(name):
    """The surface is the cost J of two weights w₁, w₂ (f is the model, x and y the data):
    in the title, on the map's axes, the distance panel and legend, the caption and alt text."""
    fig = build(name, "light")
    assert fig._suptitle.get_text() == TITLES[name]
    mapax, panel = by_gid(fig, "start").axes, by_gid(fig, "progress:SGD").axes
    assert (mapax.get_xlabel(), mapax.get_ylabel()) == ("$w_1$", "$w_2$")
    # (beside the map under the inset, Beale's on two lines)
    assert " ".join(panel.get_ylabel().split()) == (
        "distance from the ridge, $|w_2|$" if name == "race_saddle" else "distance to the minimum")
    doc = gm.doc_of(gm.load(f"figures.{name}"))
    words = " ".join([doc.caption, doc.alt, *legend_texts(fig), *(t.get_text() for t in fig.texts),
                      *(a.get_xlabel() + a.get_ylabel() for a in fig.axes)])
    assert not re.search(r"f\(|\|y\||\$[xy]\$|[xy] ≈|\b[xy]²", words)
    if name == "race_saddle":
        assert "J(w₁, w₂) = w₁² − w₂²" in " ".join(doc.caption.split())
        assert "|w₂|" in doc.caption and "|w₂|" in doc.alt


@pytest.mark.parametrize("name", list(RACE_FIGURES))
def test_race_markers_start_minimum_and_window(name, race_runs):
    race = races.RACES[RACE_FIGURES[name]]
    fig = build(name, "dark")
    panel = next(a for a in fig.axes if a.get_yscale() == "log")
    assert not len(panel.yaxis.get_minorticklocs())  # the decades only, no minor ticks
    assert xy(by_gid(fig, "start"))[0] == pytest.approx(race.start)
    if race.surface.minimum is None:
        assert not gids(fig, "minimum")
    else:
        # a minimum inside the inset's window is starred in the inset, and on the map as
        # large as the window holds (race_plot.window_star): Beale's window holds a smaller
        # star, over the paths and the box; the long valley's, a few points across, none
        assert race.inset is not None and races.inside(race.surface.minimum,
                                                       race.inset.region)[0]
        house = th.get("dark").marker("minimum")["markersize"]
        if name == "race_beale":
            on_map = by_gid(fig, "minimum")
            assert xy(on_map)[0] == pytest.approx(race.surface.minimum)
            assert race_plot.WINDOW_STAR_LEAST * house <= on_map.get_markersize() < house
            assert on_map.get_zorder() > by_gid(fig, "zoom-window").get_zorder()
            assert on_map.get_zorder() > max(a.get_zorder() for a in on_map.axes.lines
                                             if str(a.get_gid()).startswith("path:"))
        else:
            assert not gids(fig, "minimum")
        star = by_gid(fig, "inset-minimum")
        assert star.get_marker() == "*" and star.axes is by_gid(fig, "inset")
        assert xy(star)[0] == pytest.approx(race.surface.minimum)
    ax = by_gid(fig, "start").axes
    (x0, x1), (y0, y1) = race.window
    assert ax.get_xlim() == pytest.approx((x0, x1)) and ax.get_ylim() == pytest.approx((y0, y1))
    # a run that leaves ends in the house cross, in its colour, on the frame's edge (where its
    # lane crosses it): one per run that leaves, none for the others
    t, mark = th.get("dark"), th.get("dark").marker("left")
    gone = [n for n in NAMES
            if races.frame_exit(race_runs[race.key][n].points, race.window) is not None]
    assert sorted(gids(fig, "exit:")) == sorted(f"exit:{n}" for n in gone)
    assert (len(gone) == 6) == (name == "race_saddle")
    for n in gone:
        cross = by_gid(fig, f"exit:{n}")
        (cx, cy), = xy(cross)
        assert cy == pytest.approx(y1) or cx == pytest.approx(x0) or cx == pytest.approx(x1)
        assert x0 <= cx <= x1 and y0 <= cy <= y1
        assert cross.get_marker() == mark["marker"] == "X" and not cross.get_clip_on()
        assert same_colour(cross.get_markerfacecolor(), t.opt(n))


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("name", list(RACE_FIGURES))
def test_race_end_squares_sit_on_gdcores_final_points_in_each_runs_colour(name, theme,
                                                                         race_runs):
    """Each run that stays in the frame ends in the house end square, in its own colour, at
    gdcore's final point, above every path and step dot (so it is never buried); a run that
    leaves the frame has none on the map (its exit is crossed in the distance panel); a run
    that ends in the region an inset magnifies has its square there alone (under the map's
    star, in a window smaller than it, the squares piled up)."""
    race = races.RACES[RACE_FIGURES[name]]
    fig = build(name, theme)
    t = th.get(theme)
    mark = t.marker("end")
    lines = [a for a in fig.findobj(Line2D) if str(a.get_gid()).startswith(("path:", "steps:"))]
    for opt in NAMES:
        tr = race_runs[race.key][opt]
        if races.frame_exit(tr.points, race.window) is not None:
            assert not gids(fig, f"end:{opt}")
            continue
        if race.inset is not None and races.inside(tr.points[-1], race.inset.region)[0]:
            assert not gids(fig, f"end:{opt}")
            end = by_gid(fig, f"inset-end:{opt}")
            assert np.array_equal(xy(end), tr.points[-1:])
            assert same_colour(end.get_markeredgecolor(), t.opt(opt))
            continue
        end = by_gid(fig, f"end:{opt}")
        assert np.array_equal(xy(end), tr.points[-1:])
        assert end.get_marker() == mark["marker"] == "s"
        assert end.get_markersize() == mark["markersize"]
        assert same_colour(end.get_markeredgecolor(), t.opt(opt))
        assert end.get_markerfacecolor() == "none"  # hollow, its outline in the run's colour
        assert end.get_zorder() > max(a.get_zorder() for a in lines)


@pytest.mark.parametrize("name", list(RACE_FIGURES))
def test_race_step_dots_lie_above_every_path_fastest_on_top(name, race_runs):
    """Where runs share a stretch (four runs along the long valley's floor) each run's step
    dots still show: every dot layer is above every path, the fastest run's (longest mean step
    in the frame, counted here by hand) on top; on the saddle SGD, the run the figure is
    about, lies with its path over all of them."""
    race = races.RACES[RACE_FIGURES[name]]
    fig = build(name, "light")
    trs = race_runs[race.key]

    def mean_step(opt):
        ex = races.frame_exit(trs[opt].points, race.window)
        path = races.visible_path(trs[opt].points, race.window)
        n = len(trs[opt].points) - 1 if ex is None else ex.step
        return np.hypot(*np.diff(path, axis=0).T).sum() / n

    top = "SGD" if name == "race_saddle" else None
    others = [n for n in sorted(NAMES, key=mean_step, reverse=True) if n != top]
    dots = [by_gid(fig, f"steps:{n}").get_zorder() for n in others]
    paths = [by_gid(fig, f"path:{n}").get_zorder() for n in others]
    assert min(dots) > max(paths)
    assert dots == sorted(dots, reverse=True) and len(set(dots)) == len(dots)
    if top:
        assert by_gid(fig, f"path:{top}").get_zorder() > max(dots)
        assert by_gid(fig, f"steps:{top}").get_zorder() > max(dots)


@pytest.mark.parametrize("name", list(RACE_FIGURES))
def test_race_distance_panel_is_gdcores_progress(name, race_runs):
    """The panel beside the map: each run's distance to the minimum (|w₂| on the saddle) at
    every step it spends in the frame, on a log axis, equal to gdcore's."""
    race = races.RACES[RACE_FIGURES[name]]
    fig = build(name, "light")
    trs = race_runs[race.key]
    want = races.progress(race, trs)
    mapax = by_gid(fig, "start").axes
    for opt in NAMES:
        line = by_gid(fig, f"progress:{opt}")
        assert line.axes is not mapax and line.axes.get_yscale() == "log"
        tr = trs[opt]
        ex = races.frame_exit(tr.points, race.window)
        pts = tr.points if ex is None else tr.points[: ex.step]
        if race.surface.minimum is None:
            by_hand = np.abs(pts[:, 1])
        else:
            by_hand = np.hypot(pts[:, 0] - race.surface.minimum[0],
                               pts[:, 1] - race.surface.minimum[1])
        # a run whose distance goes up and down at every step (race_plot.see_saw: Adadelta
        # on Beale's function) is drawn as a line up to where it starts to, then as its highs
        # and its lows (see_saw_envelope), two thin lines
        k = len(pts) if ex is not None else race_plot.see_saw(want[opt])
        n = min(k + 1, len(pts))
        np.testing.assert_allclose(line.get_ydata(), want[opt][:n], rtol=0, atol=0)
        np.testing.assert_allclose(line.get_ydata(), by_hand[:n], rtol=1e-12)
        assert np.array_equal(line.get_xdata(), np.arange(n))
        assert (n < len(pts)) == (name == "race_beale" and opt == "Adadelta")
        if n < len(pts):
            hi, lo = by_gid(fig, f"progress-high:{opt}"), by_gid(fig, f"progress-low:{opt}")
            assert np.array_equal(hi.get_xdata(), np.arange(k, len(pts)))
            for got, want_ in zip((hi, lo), race_plot.see_saw_envelope(want[opt][k:])):
                assert np.array_equal(got.get_ydata(), want_)
            assert np.all(hi.get_ydata() >= want[opt][k:])
            assert np.all(lo.get_ydata() <= want[opt][k:])
            assert hi.get_linewidth() < line.get_linewidth() / 2
        assert same_colour(line.get_color(), th.get("light").opt(opt))
        if ex is not None:
            assert xy(by_gid(fig, f"progress-exit:{opt}"))[0] == pytest.approx(
                (ex.step, abs(ex.point[1])))
        lo, hi = line.axes.get_ylim()
        assert lo <= line.get_ydata().min() and line.get_ydata().max() <= hi


def _rgb(fig) -> np.ndarray:
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int)


@contextlib.contextmanager
def drawn_at(fig, dpi: float):
    """The still (built once per process, figure_baselines.figure) drawn at dpi for a count of
    pixels; its resolution and every artist's visibility as they were afterwards."""
    old, shown = fig.get_dpi(), {a: a.get_visible() for a in fig.findobj()}
    fig.set_dpi(dpi)
    try:
        yield
    finally:
        fig.set_dpi(old)
        for a, visible in shown.items():
            a.set_visible(visible)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("name", list(RACE_FIGURES))
def test_every_path_shows_pixels_in_its_own_colour(name, theme):
    """No path lies entirely under another: hiding one optimizer's path and dots changes
    pixels that were, in the full figure, that optimizer's own colour (within 6/255), at least
    40 at 150 dpi (two dots' worth) for every run of every race. The figure keeps one layout
    between the drawings (figure_baselines.figure), so only the hidden run's pixels change.
    Least counts measured: the saddle's SGD 73 (its steps crowd to a band along the ridge,
    in the middle lane), every other run of the saddle over 200, of Beale's function and the
    long valley over 150."""
    fig = build(name, theme)
    with drawn_at(fig, 150):
        full = _rgb(fig)
        for opt in NAMES:
            arts = [by_gid(fig, f"path:{opt}"), by_gid(fig, f"steps:{opt}")]
            for a in arts:
                a.set_visible(False)
            changed = np.any(_rgb(fig) != full, axis=2)
            for a in arts:
                a.set_visible(True)
            want = np.array(mcolors.to_rgb(th.get(theme).opt(opt))) * 255
            own = np.all(np.abs(full - want) <= 6, axis=2) & changed
            assert own.sum() >= 40, f"{opt}: {own.sum()} pixels of its colour"


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("name", list(RACE_FIGURES))
def test_every_path_and_dot_over_the_map_lies_on_its_casing(name, theme):
    """Every optimizer path on the map, and its last steps in the inset (over the inset's
    faint uncased history), lies on its casing: a Line2D of the
    same points and width whose one path effect strokes it in the page colour, theme.CASING
    points wider each side (race_plot.INSET_CASING in the inset), one layer under every path of
    its axes; every run's step dots lie on their own casing, the same dots in the page colour
    race_plot.DOT_CASING wider each side, just under them. Read back in
    pixels too: hiding the casings turns at least 400 pixels (150 dpi) from the page colour
    to the map's."""
    t = th.get(theme)
    fig = build(name, theme)
    paths = [a for a in fig.findobj(Line2D)
             if str(a.get_gid()).startswith(("path:", "inset-tail:"))]
    assert len(paths) == 7 + 7 * (name != "race_saddle")  # the races drawn with an inset
    casings = []
    for p in paths:
        c = by_gid(fig, f"casing:{p.get_gid()}")
        (effect,) = c.get_path_effects()
        assert isinstance(effect, gm.Casing) and same_colour(effect.color, t.background)
        inset = p.get_gid().startswith("inset-")
        assert effect.width == (race_plot.INSET_CASING if inset else th.CASING) > 0
        assert np.array_equal(xy(c), xy(p)) and c.get_linewidth() == p.get_linewidth()
        below = [q.get_zorder() for q in paths if q.axes is p.axes]
        assert c.axes is p.axes and c.get_zorder() < min(below)
        casings.append(c)
    for opt in NAMES:
        dots = by_gid(fig, f"steps:{opt}")
        c = by_gid(fig, f"casing:steps:{opt}")
        assert same_colour(c.get_color(), t.background) and c.get_marker() == dots.get_marker()
        assert c.get_markersize() == pytest.approx(
            dots.get_markersize() + dots.get_markeredgewidth() + 2 * race_plot.DOT_CASING)
        assert np.array_equal(xy(c), xy(dots)) and race_plot.DOT_CASING > 0
        assert dots.get_zorder() - 1 < c.get_zorder() < dots.get_zorder()
        casings.append(c)
    with drawn_at(fig, 150):
        full = _rgb(fig)
        for c in casings:
            c.set_visible(False)
        changed = np.any(_rgb(fig) != full, axis=2)
    page = np.all(np.abs(full - np.array(mcolors.to_rgb(t.background)) * 255) <= 8, axis=2)
    assert (page & changed).sum() >= 400, (page & changed).sum()


@pytest.mark.parametrize("name", list(RACE_FIGURES))
def test_race_map_is_the_largest_panel(name):
    fig = build(name, "light")
    mapax = by_gid(fig, "start").axes
    area = {ax: ax.get_position().width * ax.get_position().height for ax in fig.axes}
    assert max(area, key=area.get) is mapax


def test_valley_figure_shows_sgd_short_of_the_minimum_and_no_exits(race_runs):
    fig = build("race_long_valley", "light")
    assert not gids(fig, "progress-exit:")
    sgd = by_gid(fig, "progress:SGD").get_ydata()[-1]
    adam = by_gid(fig, "progress:Adam").get_ydata()[-1]
    assert sgd > 3 > 0.2 > adam


@pytest.mark.parametrize("name", ("race_long_valley", "race_beale"))
def test_race_inset_lies_beside_the_map_joined_to_its_region_by_two_lines(name):
    """The inset covers no part of the map (no level line, no path under it): it stands beside
    it, and two thin leader lines join it to the box round its region on the map."""
    fig = build(name, "light")
    fig.canvas.draw()
    mapax, ins = by_gid(fig, "start").axes, by_gid(fig, "inset")
    assert ins in fig.axes and ins not in mapax.child_axes
    assert not ins.get_window_extent().overlaps(mapax.get_window_extent())
    assert gm.zooms(fig) == [(ins, mapax)]
    assert by_gid(fig, "zoom-window").axes is mapax
    assert all(by_gid(fig, f"zoom-leader-{k}").get_linewidth() == gm.ZOOM_LEADER for k in (1, 2))


def test_saddle_exit_crosses_each_stand_at_their_exit_and_are_named():
    """Every exit cross stands at its data, never moved: on the map ON the top edge where its
    run's lane meets it, in the distance panel ON the edge line at gdcore's exit step. The runs
    are named over each panel, each crowd of exits (closer than race_plot.EXIT_GAP: on the map
    Momentum, NAG and Adam, and RMSprop and Adagrad; in the panel RMSprop and Adadelta, and
    Adagrad, NAG and Momentum) one stacked list of names in the runs' colours, the earliest
    exit at the bottom, the lists apart, each on one thin leader down to its crosses."""
    fig = build("race_saddle", "light")
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    out = races.outcomes(races.SADDLE)
    t = th.get("light")
    edge = races.SADDLE.window[1][1]
    names = sorted((n for n in NAMES if out[n].exit is not None),
                   key=lambda n: out[n].exit.step)
    crowds = {"exit": [["Adam", "NAG", "Momentum"], ["RMSprop", "Adagrad"], ["Adadelta"]],
              "progress-exit": [["RMSprop", "Adadelta"], ["Adam"], ["Adagrad", "NAG", "Momentum"]]}
    for where, crowd_list in crowds.items():
        crosses = {n: by_gid(fig, f"{where}:{n}") for n in names}
        for n, c in crosses.items():  # at its data, drawn there
            (x, y), = xy(c)
            assert y == pytest.approx(edge)
            if where == "progress-exit":
                assert x == out[n].exit.step
            assert c.get_transform() == c.axes.transData
        texts = {str(a.get_gid()).split(":", 1)[1]: a for a in fig.axes[0].texts + fig.axes[1].texts
                 if str(a.get_gid()).startswith(f"{where}-name:")}
        assert sorted(texts) == sorted(names)
        boxes = {n: a.get_window_extent(renderer) for n, a in texts.items()}
        top = crosses[names[0]].axes.get_window_extent(renderer).y1
        for crowd in crowd_list:
            # one list, the earliest exit at the bottom, over the axes, in the runs' colours
            ys = [boxes[n].y0 for n in crowd]
            assert ys == sorted(ys) and len(set(np.round(ys, 3))) == len(ys)
            assert min(ys) > top
            xs = {round(boxes[n].x0 + boxes[n].width / 2, 3) for n in crowd}
            assert len(xs) == 1
            for n in crowd:
                assert same_colour(texts[n].get_color(), t.opt(n))
            (leader,) = [a for a in crosses[crowd[0]].axes.texts
                         if a.get_gid() == f"{where}-name-leader:{crowd[0]}"]
            assert leader.xy == pytest.approx(tuple(np.mean([xy(crosses[n])[0] for n in crowd],
                                                            axis=0)))
        for a, b in itertools.combinations(names, 2):  # no name over another
            assert not boxes[a].overlaps(boxes[b]), (where, a, b)


def test_saddle_figure_six_escape_and_sgd_stays(race_runs):
    fig = build("race_saddle", "light")
    assert sorted(gids(fig, "progress-exit:")) == sorted(f"progress-exit:{n}" for n in NAMES[1:])
    assert by_gid(fig, "progress:SGD").get_ydata()[-1] < 0.02
    # SGD, which stays, ends in its square at its last step, as on the map
    end = by_gid(fig, "progress-end:SGD")
    assert xy(end)[0] == pytest.approx((races.SADDLE.steps,
                                        by_gid(fig, "progress:SGD").get_ydata()[-1]))
    assert end.get_marker() == "s" and not gids(fig, "progress-end:Momentum")
    # the square inside the step axis, not on its end
    ay = end.axes
    assert ay.get_xlim()[1] == pytest.approx(races.SADDLE.steps * (1 + race_plot.END_ROOM))
    assert 120 in ay.get_xticks()


# --- local minima ----------------------------------------------------------------------------


@pytest.mark.parametrize("theme", THEMES)
def test_local_minima_ends_sit_at_gdcores_minima(theme):
    fig = build("local_minima", theme)
    exp = local_minima.LOCAL_MINIMA
    minima = local_minima.minima(exp)
    plain = local_minima.run_plain(exp)
    settled = set()
    for w0, tr in plain.items():
        ball = xy(by_gid(fig, f"end:{w0:g}"))[0]
        k = int(np.argmin(np.abs(minima - ball[0])))
        assert ball[0] == pytest.approx(minima[k], abs=1e-9)
        assert ball[1] == pytest.approx(exp.surface.value([minima[k]]))
        assert xy(by_gid(fig, f"start:{w0:g}"))[0] == pytest.approx((w0, tr.losses[0]))
        assert np.array_equal(by_gid(fig, f"trail:{w0:g}").get_xdata(), tr.points[:, 0])
        settled.add(k)
    assert settled == {0, 1, 2}  # the starts settle in three different minima
    labels = {by_gid(fig, f"minimum-label:{i}").get_text() for i in range(3)}
    assert labels == {f"$w = {numbers.latex(m, 2)}$" for m in minima}
    assert {ax.get_ylabel() for ax in fig.axes[:2]} == {"cost $J$"}


@pytest.mark.parametrize("theme", THEMES)
def test_local_minima_plain_run_reads_on_the_momentum_dots(theme):
    fig, t = build("local_minima", theme), th.get(theme)
    mod = gm.load("figures.local_minima")
    exp = local_minima.LOCAL_MINIMA
    rings, dots = by_gid(fig, "trail:momentum"), by_gid(fig, "trail:stalled")
    # every step a filled dot (a ring is the start's mark only): where both runs share the
    # slope the momentum run's larger dots, rimmed in the page colour, the plain run's smaller
    # dots over them, and the plain run's end square over both
    assert same_colour(rings.get_markerfacecolor(), t.opt("Momentum"))
    assert same_colour(rings.get_markeredgecolor(), t.background)
    assert not [ln for ln in fig.findobj(Line2D) if ln.get_marker() == "o"
                and ln.get_markerfacecolor() == "none"]
    assert dots.get_markersize() < rings.get_markersize() and dots.get_zorder() > rings.get_zorder()
    assert same_colour(dots.get_markerfacecolor(), t.accent)
    end = by_gid(fig, "end:stalled")
    assert end.get_zorder() > max(rings.get_zorder(), dots.get_zorder(),
                                  by_gid(fig, "end:momentum").get_zorder())
    # both end squares over the dots, cased in the page colour so that they part from them
    for gid in ("end:stalled", "end:momentum"):
        (casing, *_) = by_gid(fig, gid).get_path_effects()
        assert same_colour(casing.color, t.background) and casing.width >= 1
    # one legend for the two runs, under the figure: each its name and settings, its line
    # and its dot
    (legend,) = [ax.get_legend() for ax in fig.axes if ax.get_legend()]
    assert legend.axes is fig.axes[2]
    assert [t.get_text() for t in legend.get_texts()] == [
        r"plain gradient descent, $\alpha = 0.05$",
        r"momentum, $\alpha = 0.05$, $\beta = 0.9$", "start", mod.END_KEY,
        "deepest minimum"]
    # the end key: a square in each run's colour, as the page draws them, named as framing
    # the star where a run ends on it
    squares = [h for h in legend.findobj(Line2D) if h.get_marker() == "s"]
    assert [same_colour(h.get_markeredgecolor(), c) and h.get_markerfacecolor() == "none"
            for h, c in zip(squares, (t.accent, t.opt("Momentum")))] == [True, True]
    assert len(squares) == 2
    assert mod.END_KEY == "end"
    for handle, run in zip(legend.legend_handles, ("plain", "momentum")):
        assert same_colour(handle.get_color(), by_gid(fig, f"position:{run}").get_color())
        assert handle.get_marker() == "o"
    assert (exp.lr, exp.beta) == (0.05, 0.9)
    caption = gm.doc_of(gm.load("figures.local_minima")).caption
    assert "learning rate α = 0.05," in caption and "momentum (β = 0.9," in caption


@pytest.mark.parametrize("theme", THEMES)
def test_local_minima_labels_stand_clear(theme):
    """The minima's names in the bottom panel stand 2 pt or more clear of both runs' lines
    (the line's edge, not its centre); the top left panel's w labels clear of its x axis."""
    fig = build("local_minima", theme)
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    pt = fig.dpi / 72
    for i in range(3):
        box = by_gid(fig, f"minimum-name:{i}").get_window_extent(r)
        for run in ("plain", "momentum"):
            line = by_gid(fig, f"position:{run}")
            px = line.get_transform().transform(xy(line))
            over = px[(px[:, 0] >= box.x0) & (px[:, 0] <= box.x1)]
            half = line.get_linewidth() / 2 * pt
            gap = np.min(np.maximum(box.y0 - (over[:, 1] + half), (over[:, 1] - half) - box.y1))
            assert gap >= 2 * pt - 0.5, (i, run, gap / pt)
    axis = fig.axes[0].get_window_extent(r)
    for i in range(3):
        assert by_gid(fig, f"minimum-label:{i}").get_window_extent(r).y0 > axis.y0 + 2 * pt


def test_local_minima_momentum_rolls_through_the_shallow_trough():
    fig = build("local_minima", "light")
    exp = local_minima.LOCAL_MINIMA
    minima = local_minima.minima(exp)
    roll = local_minima.run_momentum(exp)
    stalled = xy(by_gid(fig, "end:stalled"))[0]
    rolled = xy(by_gid(fig, "end:momentum"))[0]
    assert stalled[0] == pytest.approx(minima[0], abs=1e-9)  # the shallow trough
    assert rolled[0] == pytest.approx(exp.surface.minimum[0], abs=1e-3)  # the deepest
    trail = by_gid(fig, "trail:momentum")
    assert np.array_equal(trail.get_xdata(), roll.points[:, 0])
    assert np.max(trail.get_xdata()) > minima[2]  # it passed every trough
    pos = by_gid(fig, "position:momentum")
    assert np.array_equal(pos.get_ydata(), roll.points[:, 0])
    assert same_colour(trail.get_color(), th.get("light").opt("Momentum"))
    assert same_colour(by_gid(fig, "trail:stalled").get_color(), th.get("light").accent)


# --- batch vs stochastic ---------------------------------------------------------------------


def route_axes_marks(ax) -> list:
    """The house marks on a map of batch-vs-stochastic: the start, the minimum, the end."""
    return [ln for ln in ax.lines if (ln.get_gid() or "").split(":")[0] in
            ("start", "minimum", "end")]


@pytest.mark.parametrize("theme", THEMES)
def test_batch_figure_paths_and_costs_are_gdcores(theme):
    fig = build("batch_vs_stochastic", theme)
    runs = races.run_batch_race()
    x, y = data.regression_points()
    m, b = regression.least_squares(x, y)
    assert len(gids(fig, "path:")) == 3
    mod = gm.load("figures.batch_vs_stochastic")
    summary = races.BATCH_SUMMARY
    for k, (label, tr) in enumerate(runs.items()):
        route = xy(by_gid(fig, f"path:{label}"))
        if k == 0:  # the full batch's path is its route; no trail
            assert np.array_equal(route, tr.points) and not gids(fig, f"trail:{label}")
        else:
            # the sampled runs: their position after every step, small faint dots, unjoined
            # (a line through one step in nine drew chords no step took), under the route,
            # their path averaged over the cost curves' window, start to last point
            trail = by_gid(fig, f"trail:{label}")
            assert np.array_equal(xy(trail), tr.points)
            assert trail.get_linestyle() == "None" and trail.get_marker() == "o"
            assert trail.get_markersize() < 3
            assert trail.get_alpha() == (mod.TRAIL_ALPHA_DARK if theme == "dark"
                                         else mod.TRAIL_ALPHA) <= 0.7
            assert trail.get_zorder() < by_gid(fig, f"casing:path:{label}").get_zorder()
            want = np.column_stack([races.moving_average(tr.points[:, j], summary.smooth_steps)
                                    for j in (0, 1)])
            np.testing.assert_allclose(route, want)
            np.testing.assert_allclose(route[[0, -1]], tr.points[[0, -1]])
        assert by_gid(fig, f"path:{label}").get_zorder() < min(
            ln.get_zorder() for ln in route_axes_marks(by_gid(fig, f"path:{label}").axes))
        assert by_gid(fig, f"cost:{label}").axes.get_yscale() == "log"
        assert label in legend_texts(fig)
    stars = [a for a in fig.findobj(Line2D) if a.get_gid() == "minimum"]
    assert len(stars) == 3
    for star in stars:
        assert xy(star)[0] == pytest.approx((m, b))
        # the house's ink star: no second green beside the mini-batch's
        assert same_colour(star.get_markerfacecolor(), th.get(theme).text)
    assert not [a for a in fig.findobj(Line2D)
                if same_colour(a.get_markerfacecolor(), th.get(theme).good)]
    assert by_gid(fig, "j-star").get_ydata()[0] == pytest.approx(regression.cost(m, b, x, y))
    # The noisy ones are visibly noisy: their positions are thrown farther across the valley
    # (in m) than the whole full-batch path runs in it, the single sample's the farthest
    spans = [np.ptp(xy(by_gid(fig, f"{g}:{k}"))[:, 0])
             for g, k in zip(("path", "trail", "trail"), runs)]
    assert 1.5 * spans[0] < spans[1] < spans[2]
    # The chart: each run's J at every step averaged over the seeds (gdcore's), faint, and its
    # moving average strong over it, all from the one J of the common start; the end values,
    # the raw mean over the last steps (gdcore's settled costs), a dotted level over those
    # steps and a number in ink at the right
    means, settled = races.seed_mean_costs(), races.settled_costs()
    smooth = races.smoothed_costs()
    t = th.get(theme)
    full = by_gid(fig, f"cost:{races.BATCH_RACE.labels[0]}")
    starts = set()
    for label in races.BATCH_RACE.labels:
        cost, raw = by_gid(fig, f"cost:{label}"), by_gid(fig, f"raw-cost:{label}")
        assert np.array_equal(cost.get_ydata(), smooth[label])
        assert np.array_equal(raw.get_ydata(), means[label])
        assert raw.get_alpha() < 0.5 and raw.get_linewidth() < cost.get_linewidth() / 2
        assert raw.get_zorder() < cost.get_zorder()
        starts.update({float(cost.get_ydata()[0]), float(raw.get_ydata()[0])})
        level = by_gid(fig, f"settled:{label}")
        assert np.all(level.get_ydata() == settled[label])
        assert level.get_linestyle() == ":"  # a reference level (theme.LINE_STYLES)
        colour = by_gid(fig, f"cost:{label}").get_color()
        assert same_colour(level.get_color(), colour)  # whose mean it is: its run's colour
        assert level.get_xdata()[0] == races.BATCH_RACE.steps - summary.last_steps + 1
        assert level.get_xdata()[-1] == races.BATCH_RACE.steps
        # its number in ink, three significant figures, keyed by a stroke of the run's colour
        # at the right edge, at the level's height
        value = by_gid(fig, f"end-value:{label}")
        assert value.get_text() == numbers.text(settled[label], numbers.sig_places(settled[label]))
        assert same_colour(value.get_color(), t.text)
        key = by_gid(fig, f"end-key:{label}")
        assert same_colour(key.get_color(), colour) and key.get_marker() == "_"
        assert xy(key).tolist() == [[1, settled[label]]] and not key.get_clip_on()
    assert len(starts) == 1
    assert starts.pop() == pytest.approx(regression.cost(*races.BATCH_RACE.start, x, y))
    assert [by_gid(fig, f"end-value:{k}").get_text() for k in runs] == ["0.0235", "0.0736",
                                                                        "0.133"]
    # a short title, with the one rate of every run in the house's hyper-parameter form
    assert by_gid(fig, "key").get_text() == (
        f"Mean of {len(summary.seeds)} seeds; every run "
        + numbers.hyper(r"\alpha", races.BATCH_RACE.lr, "mathtext"))
    assert numbers.hyper(r"\alpha", races.BATCH_RACE.lr, "mathtext") == r"$\alpha = 0.1$"
    # J* in the column of end values, by the book's one rule for a cost (as every still
    # writes it), a reference in ink: no run's colour, nor the minimum's green beside the
    # mini-batch's
    j_value = by_gid(fig, "j-star-value")
    assert j_value.get_text() == numbers.cost(regression.cost(m, b, x, y)) == "0.00903"
    assert j_value.xy[0] == 1 == by_gid(fig, f"end-value:{races.BATCH_RACE.labels[0]}").xy[0]
    for gid in ("j-star", "j-star-label", "j-star-value"):
        assert same_colour(by_gid(fig, gid).get_color(), t.text)
    assert by_gid(fig, "j-star").get_linestyle() == ":"
    # the sampled runs' maps say which seed they draw
    for k, label in enumerate(runs):
        title = by_gid(fig, f"path:{label}").axes.get_title()
        assert title.endswith(f", seed {races.BATCH_RACE.seed}") == bool(k)
    for ax in fig.axes:  # the house titles: its size, in ink
        if ax.get_title():
            assert ax.title.get_fontsize() == t.title_size
            assert same_colour(ax.title.get_color(), t.text)
    # the chart's legend under it: the runs in a row, under them its layers in ink (the faint
    # each step, the strong moving average, the dotted end levels), column by column: two rows
    legend = full.axes.get_legend()
    assert not legend.get_title().get_text()
    full_name, mini_name, single_name = races.BATCH_RACE.labels
    assert [x.get_text() for x in legend.get_texts()] == [
        full_name, "thin: each step",
        mini_name, f"thick: {summary.smooth_steps}-step moving average",
        single_name, f"mean of the last {summary.last_steps} steps"]
    assert legend._ncols == 3
    handles = legend.legend_handles
    faint, strong_key, dotted = handles[1], handles[3], handles[5]
    assert all(same_colour(h.get_color(), t.text) for h in (faint, strong_key, dotted))
    assert faint.get_alpha() == by_gid(fig, f"raw-cost:{races.BATCH_RACE.labels[1]}").get_alpha()
    assert faint.get_linewidth() < strong_key.get_linewidth()
    assert dotted.get_linestyle() == ":"
    # the maps' own key, in ink, one row between the maps and the chart: the route (which
    # seed, which average) and the dots of every step, drawn as the maps draw them
    map_legends = [ax.get_legend() for ax in fig.axes
                   if ax.get_legend() is not None and ax is not full.axes]
    assert len(map_legends) == 1
    map_legend = map_legends[0]
    seed = races.BATCH_RACE.seed
    assert [x.get_text() for x in map_legend.get_texts()] == [
        f"path (sampled runs: seed {seed}, {summary.smooth_steps}-step moving average)",
        f"seed {seed}\u2019s position after each step"]
    route_key, dots_key = map_legend.legend_handles
    trail = by_gid(fig, f"trail:{mini_name}")
    assert all(same_colour(h.get_color(), t.text) for h in (route_key, dots_key))
    assert route_key.get_linewidth() == mod.ROUTE_WIDTH
    assert dots_key.get_marker() == trail.get_marker() == "o"
    assert dots_key.get_linestyle() == "None" and dots_key.get_alpha() == trail.get_alpha()
    caption = gm.doc_of(gm.load("figures.batch_vs_stochastic")).caption
    assert f"averaged over {len(summary.seeds)} seeds" in caption
    assert f"moving average over {summary.smooth_steps} steps" in caption
    assert "drawn faint, and strong over it" in caption
    # each run in its own colour (theme.batch): the full batch, plain gradient descent, in the
    # accent as gd-regression draws it; the sampled two in no role's; every route one width
    paths = [by_gid(fig, f"path:{k}") for k in runs]
    for name, label, path in zip(th.BATCH_NAMES, runs, paths):
        assert label.startswith(name)
        assert same_colour(path.get_color(), t.batch(name))
        assert same_colour(by_gid(fig, f"end:{label}").get_markeredgecolor(), t.batch(name))
        roles = [r for r in th.MARK_ROLES if same_colour(path.get_color(), t.role(r))]
        assert roles == (["accent"] if name == "full batch" else [])
    assert {p.get_linewidth() for p in paths} == {mod.ROUTE_WIDTH}
    fig.canvas.draw()
    assert legend.get_window_extent().y1 < full.axes.get_window_extent().y0
    # the maps' key between the maps' axis labels and the chart's title
    box = map_legend.get_window_extent()
    assert box.y0 > full.axes.title.get_window_extent().y1
    assert box.y1 < min(ax.xaxis.label.get_window_extent().y0
                        for ax in fig.axes if ax.get_xlabel() == th.AXIS_LABELS["slope"])
    # the smooth full batch over the sampled runs' curves; each strong curve on a halo laid
    # apart beneath it; the ink levels over the faint means and the halos, beneath the strong
    # curves, on no casing, so no curve is cut where it crosses one
    curves = [by_gid(fig, f"cost:{k}") for k in runs]
    levels = [by_gid(fig, f"settled:{k}") for k in runs]
    halos = [by_gid(fig, f"casing:cost:{k}") for k in runs]
    assert full.get_zorder() > max(c.get_zorder() for c in curves if c is not full)
    raw_top = max(by_gid(fig, f"raw-cost:{k}").get_zorder() for k in runs)
    assert raw_top < min(h.get_zorder() for h in halos)
    assert max(h.get_zorder() for h in halos) < min(v.get_zorder() for v in levels)
    assert max(v.get_zorder() for v in levels) < min(c.get_zorder() for c in curves)
    assert not any(v.get_path_effects() for v in levels)
    assert not any(c.get_path_effects() for c in curves)


@pytest.mark.parametrize("theme", THEMES)
def test_race_beale_title_dots_and_adadeltas_zig_zag(theme):
    fig = build("race_beale", theme)
    mod = gm.load("figures.race_beale")
    # set text takes the typographic apostrophe, in the picture and the caption's title
    assert fig._suptitle.get_text().startswith("Beale’s function")
    assert gm.doc_of(mod).title == "Seven optimizers on Beale’s function"
    # its crowded step dots (Momentum's, past the minimum) ringed finer than the races' usual,
    # which the other races keep
    for name in NAMES:
        assert by_gid(fig, f"steps:{name}").get_markeredgewidth() == mod.DOT_EDGE
    assert mod.DOT_EDGE < race_plot.STEP_DOT_EDGE / 2
    other = build("race_long_valley", theme)
    assert by_gid(other, "steps:SGD").get_markeredgewidth() == race_plot.STEP_DOT_EDGE
    # the caption's reason for Adadelta's two distance lines: from step 200 on, its y and its
    # distance to the minimum turn back at every step (gdcore's run)
    tr = races.run_race(races.BEALE)["Adadelta"]
    d = races.progress(races.BEALE, {"Adadelta": tr})["Adadelta"]
    for series in (tr.points[:, 1], d):
        turns = np.sign(np.diff(series[199:]))
        assert np.all(turns[1:] * turns[:-1] < 0)
    k = race_plot.see_saw(d)
    assert 150 < k <= 200
    assert np.array_equal(by_gid(fig, "progress:Adadelta").get_ydata(), d[:k + 1])
    # the inset's dotted rows named in the legend, in the eighth place, under the runs (the
    # second column's last row), not in a fourth row of the marks' column
    texts = legend_texts(fig)
    assert texts.index("Adadelta’s steps (inset)") == len(NAMES)
    assert len(texts) <= 4 * race_plot.LEGEND_COLUMNS - 1


# --- lr grid search ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def grid():
    return procedure.LR_GRID.run()


@pytest.mark.parametrize("theme", THEMES)
def test_grid_search_marks_the_argmin_cell_and_labels_real_values(theme, grid):
    fig = build("lr_grid_search", theme)
    g = grid
    best = by_gid(fig, "best")
    i, j = np.unravel_index(np.argmin(g.losses), g.losses.shape)
    assert (i, j) == tuple(g.best)
    # the best cell is the grid's minimum: the house minimum star, just left of its words,
    # inside the cell (never a frame)
    t = th.get(theme)
    assert best.get_marker() == t.marker("minimum")["marker"]
    assert same_colour(best.get_markerfacecolor(), t.mark_color("minimum"))
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    star, words = best.get_window_extent(r), by_gid(fig, f"cell:{i},{j}").get_window_extent(r)
    cell = by_gid(fig, "heatmap").axes.transData.transform([(j - 0.5, i - 0.5), (j + 0.5, i + 0.5)])
    # the star apart from its words by the figure's gap, not squeezed against them
    gap = gm.load("figures.lr_grid_search").BEST_GAP * fig.dpi / 72
    assert words.x0 - gap - 3 <= star.x1 <= words.x0 - 0.6 * gap and star.x0 >= cell[0][0]
    assert cell[0][1] <= star.y0 and star.y1 <= cell[1][1]
    assert not [p for p in fig.findobj(Rectangle) if p.get_gid() == "best"]
    heat = by_gid(fig, "heatmap")
    shown = heat.get_array()
    assert np.array_equal(shown.mask, ~np.isfinite(g.losses))
    assert np.allclose(shown.compressed(), g.losses[np.isfinite(g.losses)])
    assert heat.get_rasterized()
    ax = heat.axes
    assert [t.get_text() for t in ax.get_xticklabels()] == [f"{v:g}" for v in g.betas]
    assert [t.get_text() for t in ax.get_yticklabels()] == [f"{v:g}" for v in g.lrs]
    assert "momentum" in ax.get_xlabel() and "learning rate" in ax.get_ylabel()
    assert len(gids(fig, "diverged:")) == int(np.sum(~np.isfinite(g.losses)))
    assert by_gid(fig, f"cell:{i},{j}").get_text() == f"best\n{g.losses[i, j]:.3g}"
    # its words in the set's one weight
    assert {by_gid(fig, f"cell:{a},{b}").get_fontweight() for a in range(g.losses.shape[0])
            for b in range(g.losses.shape[1])} == {"normal"}
    # the smallest rate at the bottom: row 0 of the grid lies lowest on the page
    fig.canvas.draw()
    ys = [t.get_window_extent().y0 for t in ax.get_yticklabels()]
    assert ys == sorted(ys) and g.lrs[0] == min(g.lrs)
    # the colour bar marks round costs only (every 0.01) within the finite costs' range (never
    # the data's own 0.0229), in decimals as the cells write the same costs (0.03, never
    # 3 × 10⁻² beside a cell's 0.0322), under the house label
    cb = heat.colorbar
    finite = g.losses[np.isfinite(g.losses)]
    ticks = cb.get_ticks()
    want = [v / 100 for v in range(int(np.ceil(finite.min() * 100)),
                                   int(np.floor(finite.max() * 100)) + 1)]
    # and a half step near its low end (0.025 over the least 0.0229), not a bare stretch
    assert finite.min() <= 0.025 < want[0]
    want = [0.025, *want]
    assert list(ticks) == pytest.approx(want) and len(want) >= 3
    labels = [t.get_text() for t in cb.ax.get_yticklabels()]
    assert labels == [numbers.tick(v) for v in want]
    assert labels[:2] == ["0.025", "0.03"]
    assert not [x for x in labels if "times" in x or "^" in x]
    # one form for one quantity: every cell's cost in decimals too
    cells = [by_gid(fig, f"cell:{a},{b}").get_text().split("\n")[-1]
             for a in range(g.losses.shape[0]) for b in range(g.losses.shape[1])
             if np.isfinite(g.losses[a, b])]
    assert all(c.startswith("0.") for c in cells)
    assert cb.ax.get_ylabel() == th.AXIS_LABELS["training cost"]
    assert not [a for a in fig.findobj() if getattr(a, "get_gid", lambda: None)() == "log-scale"]


# --- loss curve --------------------------------------------------------------------------------


@pytest.mark.parametrize("theme", THEMES)
def test_loss_curve_is_gdcores_training_loss_falling_and_levelling_off(theme):
    ex = LOSS_CURVE
    fig = build("loss_curve", theme)
    X, Y, res = ex.run()
    assert np.array_equal(X, data.two_moons(ex.n_points, seed=ex.seed)[0])
    net = nn.init_mlp(list(ex.sizes), activation=ex.activation, seed=ex.seed)
    ref = nn.train(net, X, Y, ex.steps, ex.lr, seed=ex.seed).train_losses
    line = by_gid(fig, "loss")
    L = np.asarray(line.get_ydata())
    assert np.array_equal(L, ref)
    assert np.array_equal(line.get_xdata(), np.arange(ex.steps + 1))
    # Falling: never up; levelling off: the last half of the run gains under 10 % of the drop.
    assert np.all(np.diff(L) <= 0)
    half = len(L) // 2
    assert L[half] - L[-1] < 0.1 * (L[0] - L[-1])
    texts = [t.get_text() for t in line.axes.texts]
    assert f"start: $J = {L[0]:.3f}$" in texts
    steps = f"{ex.steps:,}".replace(",", "{,}")
    assert f"after $t = {steps}$ steps: $J = {numbers.cost(L[-1], 'mathtext')}$" in texts
    # both axes linear: the steep start a cliff at the left (over 80 % of the drop within the
    # first 5 % of the axis), the levelling a flat tail (a log step axis hid it)
    ax = line.axes
    assert ax.get_xscale() == "linear" and ax.get_yscale() == "linear"
    assert list(ax.get_xticks()) == [0, 250, 500, 750, 1000]
    assert L[0] - L[len(L) // 20] > 0.8 * (L[0] - L[-1])
    # the cost is J, as everywhere; start and end in the house marks
    assert line.axes.get_ylabel() == "training cost $J$"
    assert xy(by_gid(fig, "start"))[0] == pytest.approx((0, L[0]))
    assert xy(by_gid(fig, "end"))[0] == pytest.approx((ex.steps, L[-1]))
    # the end's words beside its square (within 12 points of it on the page), under the curve
    fig.canvas.draw()
    label, end = by_gid(fig, "end-label"), by_gid(fig, "end")
    sq = ax.transData.transform(xy(end)[0])
    box = label.get_window_extent()
    near = 12 * fig.dpi / 72
    assert box.x1 < sq[0] and sq[0] - box.x1 < near and sq[1] - box.y1 < near
    # the two panels balanced: the data panel's bottom within a tenth of the curve's height
    ad = [a for a in fig.axes if a is not ax][0]
    p0, p1 = ax.get_position(), ad.get_position()
    assert abs(p0.y1 - p1.y1) < 1e-3 and abs(p0.y0 - p1.y0) < 0.1 * p0.height
    # the inset on a plate of the page in a thin muted frame, over the main grid and holding
    # its numbers and title; the main curve nowhere under it; its cost numbers the main axis's
    plate, inset = by_gid(fig, "inset-plate"), by_gid(fig, "inset")
    assert same_colour(plate.get_facecolor(), th.get(theme).background)
    assert same_colour(plate.get_edgecolor(), th.get(theme).muted)
    frame = plate.get_window_extent()
    assert frame.contains(*inset.get_tightbbox().p0) and frame.contains(*inset.get_tightbbox().p1)
    curve = ax.transData.transform(np.column_stack([line.get_xdata(), L]))
    assert not np.any((curve[:, 0] > frame.x0) & (curve[:, 0] < frame.x1)
                      & (curve[:, 1] > frame.y0) & (curve[:, 1] < frame.y1))
    main = [x.get_text() for x in ax.get_yticklabels()]
    small = [x.get_text() for x in inset.get_yticklabels()]
    assert {"0.1", "0.2"} <= set(main) & set(small)  # the house tick: shortest form
    assert not {"0.10", "0.20"} & (set(main) | set(small))
    # a thin space between the fraction and the sum
    (eq,) = [t for t in ax.texts if t.get_gid() == "equation"]
    assert r"\,\sum" in eq.get_text()
    # what C_i is, said under the formula
    (key,) = [t for t in ax.texts if t.get_gid() == "equation-key"]
    assert "$C_i$" in key.get_text() and "squared error" in key.get_text()
    # the start ring off the spine: step 0 a twentieth of the run in from the axis's left end
    assert ax.get_xlim()[0] <= -0.05 * ex.steps
    # the first ex.early steps on axes of their own (the video's inset), the same cost scale,
    # inside the plot, over its empty top: right of the start, left of the formula
    (ins,) = [a for a in ax.child_axes if a.get_gid() == "inset"]
    (curve,) = [ln for ln in ins.lines if ln.get_gid() == "inset-loss"]
    assert np.array_equal(curve.get_ydata(), L[: ex.early + 1])
    assert ins.get_xlim()[0] < 0 and ex.early <= ins.get_xlim()[1] < 1.1 * ex.early
    assert ins.get_ylim() == ax.get_ylim()
    assert f"first {ex.early} steps" in ins.get_title()
    b, e = ins.get_window_extent(), eq.get_window_extent()
    assert ax.transData.transform((0, 0))[0] < b.x0 and b.x1 < e.x0
    assert b.y0 > ax.transData.transform((0, L[len(L) // 10]))[1]  # above the tail


def test_grid_search_caption_story_holds(grid):
    losses = grid.losses
    assert np.all(~np.isfinite(losses[-1]))  # the largest rate diverges for every β
    assert np.all(np.isfinite(losses[:-1]))
    assert grid.best[0] == losses.shape[0] - 2  # the best pairs lie just below it
    assert grid.betas[grid.best[1]] >= 0.9  # with strong momentum
    assert losses[0].min() > 1.5 * losses[grid.best]  # the smallest rate crawls whatever β


# --- house fonts -----------------------------------------------------------------------------


def test_race_captions_say_what_gdcores_runs_do(race_runs):
    from gdviz.race_plot import swing_words

    assert swing_words(0) == "never crosses the floor"
    assert swing_words(2) == "crosses the floor twice"
    assert swing_words(12) == "swings from wall to wall, crossing the floor 12 times"
    valley = race_runs["long-valley"]
    caption = gm.doc_of(gm.load("figures.race_long_valley")).caption
    counts = {name: races.swings(valley[name].points) for name in ("Momentum", "NAG", "Adam")}
    assert counts == {"Momentum": 12, "NAG": 2, "Adam": 3}
    for name, n in counts.items():
        assert f"{name}" in caption and swing_words(n) in caption
    assert caption.count("wall to wall") == 1  # Momentum's alone
    # "each swing smaller than the last": Momentum's farthest |y| between crossings falls
    y = valley["Momentum"].points[:, 1]
    big = y[np.abs(y) > races.SWING_AMPLITUDE]
    sides = np.split(big, np.flatnonzero(np.diff(np.sign(big))) + 1)
    peaks = [np.abs(part).max() for part in sides]
    assert len(peaks) == counts["Momentum"] + 1 and np.all(np.diff(peaks[1:]) < 0)
    # Beale: NAG dives less deep and overshoots less than Momentum, the numbers the caption gives
    beale = race_runs["beale"]
    caption = gm.doc_of(gm.load("figures.race_beale")).caption
    mom, nag = beale["Momentum"].points, beale["NAG"].points
    assert nag[:, 1].min() > mom[:, 1].min() and nag[:, 0].max() < mom[:, 0].max()
    for p in (mom, nag):
        assert f"w₂ ≈ {numbers.text(round(float(p[:, 1].min()), 1))}" in caption
        assert f"w₁ ≈ {numbers.text(round(float(p[:, 0].max()), 1))}" in caption


@pytest.mark.parametrize("theme", THEMES)
def test_race_inset_draws_the_end_squares_at_gdcores_last_points(theme, race_runs):
    """Beale's inset magnifies the crowd of ends about the minimum: it shows its region (races'
    Race.inset) at one scale in x and y beside the map, over none of it; in it each run
    that ends in the region has its end square, in its colour, at gdcore's last point, the star
    above them all; but NAG's square, 0.000034 from the minimum, which would hide the star and
    a frame round it would touch Adam's square: set beside the star on a leader back to its
    point (gm.end_beside), as where several runs end round one minimum. Every path in it is a
    hairline, faint but for its last steps, beneath every end square, so a run that zig-zags
    across the region step after step (Adadelta) neither buries a square nor reads as a solid
    band. The long valley's inset (valley_inset_ends) does the same for its floor by the
    minimum."""
    race = races.BEALE
    fig = build("race_beale", theme)
    fig.canvas.draw()
    t = th.get(theme)
    ins = by_gid(fig, "inset")
    (rx0, rx1), (ry0, ry1) = race.inset.region
    assert ins.get_xlim() == pytest.approx((rx0, rx1))
    assert ins.get_ylim() == pytest.approx((ry0, ry1))
    box = ins.get_window_extent()
    assert box.width / (rx1 - rx0) == pytest.approx(box.height / (ry1 - ry0), rel=0.01)
    # where the inset sits: beside the map, over none of it (the video's inset keeps its place
    # on the map, race.inset.place)
    main = by_gid(fig, "start").axes
    assert not box.overlaps(main.get_window_extent())
    ends = {}
    star = by_gid(fig, "inset-minimum")
    for opt, tr in race_runs[race.key].items():
        if not races.inside(tr.points[-1], race.inset.region)[0]:
            assert not gids(fig, f"inset-end:{opt}")
            continue
        end = by_gid(fig, f"inset-end:{opt}")
        assert end.axes is ins and np.array_equal(xy(end), tr.points[-1:])
        assert opt == "NAG" or end.get_transform() == ins.transData
        assert same_colour(end.get_markeredgecolor(), t.opt(opt))
        assert end.get_zorder() < star.get_zorder()
        ends[opt] = tr.points[-1]
    assert len(ends) == 7
    # one leader, NAG's, from its square back to its point under the star
    (leader,) = [a for a in ins.texts if "leader" in str(a.get_gid())]
    assert leader.get_gid() == "inset-end:NAG-leader"
    np.testing.assert_allclose(leader.xy, ends["NAG"])
    assert same_colour(leader.arrow_patch.get_edgecolor(), t.opt("NAG"))
    side = t.marker("end")["markersize"] * fig.dpi / 72
    at_star = ins.transData.transform(race.surface.minimum)
    assert np.hypot(*(ins.transData.transform(ends["NAG"]) - at_star)) < side / 4
    # NAG's square, on the minimum, stands beside the star at the house size, its box clear of
    # the star's, so neither hides the other; the others are drawn at their points
    nag = by_gid(fig, "inset-end:NAG")
    assert nag.get_markersize() == t.marker("end")["markersize"]
    r = fig.canvas.get_renderer()
    assert not nag.get_window_extent(r).overlaps(star.get_window_extent(r))
    assert not any(isinstance(by_gid(fig, f"inset-end:{o}"), gm.EndMark) for o in ends)
    least_end = min(by_gid(fig, f"inset-end:{o}").get_zorder() for o in ends)
    for opt, tr in race_runs[race.key].items():
        path, tail = by_gid(fig, f"inset-path:{opt}"), by_gid(fig, f"inset-tail:{opt}")
        assert np.array_equal(xy(path), tr.points)
        assert np.array_equal(xy(tail), tr.points[-race_plot.INSET_TAIL - 1:])
        zig = race_plot.zig_zags(race, tr.points)
        assert zig == (opt == "Adadelta")
        assert (path.get_linestyle() == "None") == zig and tail.get_linestyle() == "-"
        assert path.get_linewidth() == tail.get_linewidth() <= 0.5
        assert path.get_alpha() <= 0.5 and tail.get_alpha() == 1
        assert max(path.get_zorder(), tail.get_zorder()) < least_end
    # on the map's own scale the same squares pile up: some pair lies closer than a side
    on_map = [main.transData.transform(p) for p in ends.values()]
    assert min(np.linalg.norm(p - q) for p, q in itertools.combinations(on_map, 2)) < side


def test_long_valley_and_saddle_draw_every_run_in_its_own_lane(race_runs):
    """Where runs share a track (the long valley's floor; the saddle's ridge and climbs), each
    is drawn in a lane of its own, as the videos draw them: its path, casing, step dots and end
    square on gdcore's points, moved on the page by race_plot.lane_of (the figure's LANE points
    between neighbours), SGD's in the middle on the saddle; on the long valley every path is
    one width."""
    for name, key in (("race_long_valley", "long-valley"), ("race_saddle", "saddle")):
        fig = build(name, "light")
        fig.canvas.draw()
        ax = by_gid(fig, "start").axes
        lane = gm.load(f"figures.{name}").LANE
        assert lane > 0
        for opt in NAMES:
            order = getattr(gm.load(f"figures.{name}"), "LANE_ORDER", None)
            shift = race_plot.lane_of(races.RACES[key], opt, lane, order) * fig.dpi / 72
            for gid in (f"path:{opt}", f"casing:path:{opt}", f"steps:{opt}",
                        f"casing:steps:{opt}"):
                art = by_gid(fig, gid)
                got = xy(art)
                assert np.array_equal(got[:-1], race_runs[key][opt].points[: len(got) - 1]) \
                    or gid.startswith(("steps", "casing:steps")), gid
                np.testing.assert_allclose(art.get_transform().transform(got[:1]),
                                           ax.transData.transform(got[:1]) + shift, atol=1e-6)
        if name == "race_long_valley":
            assert len({by_gid(fig, f"path:{n}").get_linewidth() for n in NAMES}) == 1
    assert not race_plot.lane_of(races.SADDLE, "SGD", 1.0).any()


@pytest.mark.parametrize("theme", THEMES)
def test_race_inset_scale_bar_is_the_insets_own(theme):
    """The inset's scale bar lies inside the inset, in its lower part, its number on an
    unframed plate of the page's colour just above it, the bar on its casing: a key of the
    inset, never a label on the map's contours."""
    t, fig = th.get(theme), build("race_beale", theme)
    ins = by_gid(fig, "inset")
    label, bar = by_gid(fig, "inset-scale-label"), by_gid(fig, "inset-scale")
    assert label.axes is ins and bar.axes is ins
    (rx0, rx1), (ry0, ry1) = races.BEALE.inset.region
    (x0, y0), (x1, y1) = xy(bar)
    assert rx0 < x0 < x1 < rx1 and ry0 < y0 == y1 < (ry0 + ry1) / 2
    assert x0 > (rx0 + rx1) / 2  # in the lower right corner, as the caption says
    assert "scale bar in its lower right corner" in gm.doc_of(gm.load("figures.race_beale")).caption
    assert x1 - x0 == pytest.approx(race_plot.scale_bar_length(races.BEALE))
    plate = label.get_bbox_patch()
    assert same_colour(plate.get_facecolor(), t.background)
    assert plate.get_linewidth() == 0  # unframed: one key with its bar
    assert label.xyann[1] <= race_plot.SCALE_PLATE + 0.5
    assert same_colour(by_gid(fig, "casing:inset-scale").get_color(), t.background)


@pytest.mark.parametrize("theme", THEMES)
def test_race_inset_is_filled_to_its_innermost_ring(theme):
    """The inset keeps the map's colours (its levels span the map's costs): its fills run on
    in the map's end colours (extend both), never the blank page inside the innermost ring."""
    ins = by_gid(build("race_beale", theme), "inset")
    (filled,) = [c for c in ins.findobj(QuadContourSet) if c.filled]
    assert filled.extend == "both"
    # every value of the region is in a filled band: the bands run from -inf to +inf
    assert filled.get_array()[0] < filled.levels[0] and filled.get_array()[-1] > filled.levels[-1]


@pytest.mark.parametrize("theme", THEMES)
def test_local_minima_curve_is_quiet_and_titles_are_the_house_titles(theme):
    t, fig = th.get(theme), build("local_minima", theme)
    curves = [ln for ln in fig.findobj(Line2D) if ln.get_gid() == "cost-curve"]
    assert len(curves) == 2
    for ln in curves:  # muted and thinner than the runs' dots, which stand out on it
        assert same_colour(ln.get_color(), t.muted) and ln.get_linewidth() < 1.0
    # no edges to smear on filled dots; the momentum run's rings are thin edges only
    assert by_gid(fig, "trail:stalled").get_markeredgewidth() == 0
    assert by_gid(fig, "trail:momentum").get_markeredgewidth() < 1
    # the plain dots, smaller, drawn over the momentum dots
    assert by_gid(fig, "trail:stalled").get_markersize() < \
        by_gid(fig, "trail:momentum").get_markersize()
    assert by_gid(fig, "trail:stalled").get_zorder() > by_gid(fig, "trail:momentum").get_zorder()
    for ax in fig.axes:
        if ax.get_title():
            assert ax.title.get_fontsize() == t.title_size
            assert same_colour(ax.title.get_color(), t.text)
    # the bottom panel stops near step 100, where both runs have long settled
    mod = gm.load("figures.local_minima")
    a_time = by_gid(fig, "position:plain").axes
    assert a_time.get_xlim() == (0, mod.TIME_STEPS)
    exp = local_minima.LOCAL_MINIMA
    runs = (local_minima.run_plain(exp)[exp.stalled_start], local_minima.run_momentum(exp))
    for tr in runs:
        assert np.ptp(tr.points[mod.TIME_STEPS:, 0]) < 0.05


@pytest.mark.parametrize("theme", THEMES)
def test_saddle_exit_crosses_each_on_the_edge_and_named_in_the_legend(theme):
    """Six runs leave the frame, two of them two steps apart (RMSprop at 33, Adadelta at 35):
    each of the panel's crosses stands on its edge line at gdcore's exit step (none moved off
    it), a later exit's cross over an earlier one's, and the legend names the cross;
    every run's swatch one width (the legend names runs, not path widths)."""
    fig = build("race_saddle", theme)
    fig.canvas.draw()
    out = races.outcomes(races.SADDLE)
    crosses = {n: by_gid(fig, f"progress-exit:{n}") for n in NAMES if out[n].exit is not None}
    assert sorted(o.exit.step for o in out.values() if o.exit) == [33, 35, 44, 64, 71, 76]
    edge = races.SADDLE.window[1][1]
    for n, c in crosses.items():
        assert xy(c)[0] == pytest.approx((out[n].exit.step, edge))
        drawn, own = (t.transform(xy(c))[0] for t in (c.get_transform(), c.axes.transData))
        assert drawn == pytest.approx(own)  # at its step, on the edge line
    by_step = sorted(crosses, key=lambda n: out[n].exit.step)
    zs = [crosses[n].get_zorder() for n in by_step]
    assert zs == sorted(zs) and len(set(zs)) == len(zs)
    leg = fig.legends[0]
    (cross,) = [h for h, t in zip(leg.legend_handles, leg.get_texts())
                if t.get_text() == "where a run left the frame"]
    assert cross.get_marker() == "X"
    widths = {h.get_linewidth() for h, t in zip(leg.legend_handles, leg.get_texts())
              if t.get_text().split(" ")[0] in NAMES}
    assert widths == {race_plot.SWATCH_WIDTH}


@pytest.mark.parametrize("theme", THEMES)
def test_valley_inset_ends_lie_clear_of_the_star(theme, race_runs):
    """The long valley's inset magnifies the floor about the minimum: each run that ends in its
    region has its square there, in its colour, drawn under the star and clear of it (an end on
    the minimum, Adagrad's, set beside it on a leader to its point, gm.end_beside), so that no
    square lies under the star."""
    race = races.LONG_VALLEY
    fig = build("race_long_valley", theme)
    fig.canvas.draw()
    t = th.get(theme)
    ins = by_gid(fig, "inset")
    assert ins.get_xlim() == pytest.approx(race.inset.region[0])
    star = by_gid(fig, "inset-minimum")
    at_star = ins.transData.transform(race.surface.minimum)
    side = t.marker("end")["markersize"] * fig.dpi / 72
    inside = [o for o, tr in race_runs[race.key].items()
              if races.inside(tr.points[-1], race.inset.region)[0]]
    assert {"Adagrad", "RMSprop", "Adadelta"} <= set(inside)
    for opt in inside:
        end = by_gid(fig, f"inset-end:{opt}")
        assert np.array_equal(xy(end), race_runs[race.key][opt].points[-1:])
        assert same_colour(end.get_markeredgecolor(), t.opt(opt))
        assert end.get_zorder() < star.get_zorder()
        drawn = end.get_transform().transform(xy(end))[0]
        assert np.hypot(*(drawn - at_star)) >= side, opt


@pytest.mark.parametrize("theme", THEMES)
def test_saddle_draws_sgds_end_at_its_point_by_the_plus(theme, race_runs):
    """SGD ends 0.08 from the saddle point, by the plus but not on it: its square (gm.end_at)
    stands at its last point, hollow, at its house size, under the plus, which lies over every
    path and dot and covers under a third of it."""
    fig = build("race_saddle", theme)
    fig.canvas.draw()
    plus, end = by_gid(fig, "saddle"), by_gid(fig, "end:SGD")
    dots = max(by_gid(fig, f"steps:{n}").get_zorder() for n in NAMES if n != "SGD")
    paths = max(by_gid(fig, f"path:{n}").get_zorder() for n in NAMES)
    assert plus.get_zorder() > max(dots, paths)
    assert isinstance(end, gm.EndMark) and not end.on_star()
    assert end.get_transform() == end.axes.transData  # at its data, not set off
    assert end.get_markersize() == end.house and end.get_marker() == "s"
    assert same_colour(end.get_markeredgecolor(), th.get(theme).opt("SGD"))
    assert end.get_zorder() < plus.get_zorder()
    np.testing.assert_allclose(xy(end), race_runs["saddle"]["SGD"].points[-1:])
    r = fig.canvas.get_renderer()
    a, b = plus.get_window_extent(r), end.get_window_extent(r)
    assert not a.contains(*end.axes.transData.transform(xy(end)[0]))
    shared = max(0.0, min(a.x1, b.x1) - max(a.x0, b.x0)) * max(0.0, min(a.y1, b.y1)
                                                               - max(a.y0, b.y0))
    assert shared < 0.3 * b.width * b.height


@pytest.mark.parametrize("name", list(RACE_FIGURES))
def test_race_captions_state_every_setting_beyond_the_rate(name):
    """Each race's caption states its hyper-parameters beyond α as the video's settings do
    (race_plot.extra_settings, from gdcore's race): β for Momentum and NAG, ρ and ε for
    Adadelta, every other setting PyTorch's default."""
    from gdviz import race_plot

    race = races.RACES[RACE_FIGURES[name]]
    caption = gm.doc_of(gm.load(f"figures.{name}")).caption
    groups = race_plot.extra_settings(race, "text")
    assert [names for names, _ in groups] == [["Momentum", "NAG"], ["Adadelta"]]
    assert "Momentum and NAG β = 0.9" in caption
    assert f"Adadelta {groups[1][1]}" in caption and "ε = " in groups[1][1]
    assert "every other setting is PyTorch’s default" in caption


def test_race_stills_share_one_layout():
    """The three races are laid out by one function (race_plot.race_layout), in one of two
    arrangements chosen by the map's shape: a wide map (the long valley) spans the top, under
    it, side by side across its width, the distance panel at its left edge, race_plot.
    PANEL_SIZE's height, up to INSET_GAP from the inset at the right, the inset's right edge on
    the map's, its top on the panel's; a near-square map (Beale's function,
    the saddle) at the left, its companions in one column at its right, the inset over the
    panel (its top on the map's, the panel's bottom on the map's), or the panel alone as tall
    as the map. The panel is PANEL_SIZE's height wherever it shares its room with an inset (at
    least that in every race), its name on one line; the legend, the one key to both panels
    (no direct labels at the curves' ends), centred under everything. The saddle's |w₂| axis
    ends just above the frame's edge, EDGE_HEADROOM over it."""
    arranged = {}
    for name in RACE_FIGURES:
        race = races.RACES[RACE_FIGURES[name]]
        fig = build(name, "light")
        fig.canvas.draw()
        pt = fig.dpi  # pixels an inch
        mapax, panel = by_gid(fig, "start").axes, by_gid(fig, "progress:SGD").axes
        m, p = mapax.get_window_extent(), panel.get_window_extent()
        (x0, x1), (y0, y1) = race.window
        wide = (x1 - x0) / (y1 - y0) >= race_plot.WIDE
        arranged[name] = "top" if wide else "side"
        assert p.height / pt >= race_plot.PANEL_SIZE[1] - 0.01, name
        assert "\n" not in panel.get_ylabel(), name
        if race.inset is not None:
            assert p.height / pt == pytest.approx(race_plot.PANEL_SIZE[1], abs=0.01), name
        if wide:
            assert p.height / pt == pytest.approx(race_plot.PANEL_SIZE[1], abs=0.01)
            assert p.width / pt >= race_plot.PANEL_SIZE[0] - 0.01
            assert p.x0 == pytest.approx(m.x0, abs=0.5) and p.y1 < m.y0, name
            assert m.width / pt == pytest.approx(fig.get_figwidth() - race_plot.MAP_LEFT
                                                 - race_plot.RIGHT, abs=0.01)
        else:
            assert p.x0 > m.x1 and p.y0 == pytest.approx(m.y0, abs=0.5), name
            assert m.height / pt <= race_plot.SIDE_MAP_H + 0.01, name
            if race.inset is None:
                assert p.y1 == pytest.approx(m.y1, abs=0.5), name
        (legend,) = fig.legends
        lb = legend.get_window_extent()
        parts = [m, p] + ([by_gid(fig, "inset").get_window_extent()] if race.inset else [])
        left, right = min(b.x0 for b in parts), max(b.x1 for b in parts)
        assert lb.y1 < min(m.y0, p.y0), name
        assert (lb.x0 + lb.x1) / 2 == pytest.approx((left + right) / 2, abs=1), name
        if race.inset is not None:
            i = by_gid(fig, "inset").get_window_extent()
            if wide:
                assert i.x1 == pytest.approx(m.x1, abs=0.5) and i.y1 == pytest.approx(p.y1, abs=0.5)
                assert p.x1 < i.x0 and i.height <= p.height + 0.5, name
                # side by side across the map's width: the panel up to INSET_GAP from it
                assert (i.x0 - p.x1) / pt == pytest.approx(race_plot.INSET_GAP, abs=0.01)
            else:
                assert (i.x0, i.x1) == pytest.approx((p.x0, p.x1), abs=0.5), name
                assert i.y1 == pytest.approx(m.y1, abs=0.5) and i.y0 > p.y1, name
        assert not gids(fig, "progress-label")
        if name == "race_saddle":
            (_, _), (_, y1) = races.SADDLE.window
            assert panel.get_ylim()[1] == pytest.approx(y1 * race_plot.EDGE_HEADROOM)
    assert arranged == {"race_long_valley": "top", "race_beale": "side", "race_saddle": "side"}
