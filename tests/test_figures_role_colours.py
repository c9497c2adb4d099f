"""One meaning per colour, read back from the stills' artists: the test set takes the theme's
`test` colour (never the error red) and the learning rates their own colours (never a role's)."""

from __future__ import annotations

from pathlib import Path

import matplotlib.colors
import pytest
from figure_baselines import figure as build
from matplotlib.colors import same_color
from matplotlib.contour import ContourSet
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from gdcore.cost_descent import COST_DESCENT
from gdviz import theme as th

THEMES = ("light", "dark")


def gids(fig, gid: str, kind) -> list:
    found = [a for a in fig.findobj(kind) if a.get_gid() == gid]
    assert found, gid
    return found


@pytest.mark.parametrize("t", THEMES)
def test_data_splits_test_bars_are_in_the_test_colour(t):
    theme = th.get(t)
    fig = build("data_splits", t)
    bars = gids(fig, "test", Rectangle)
    assert len(bars) == 2  # the test part of both splits
    for bar in bars:
        assert same_color(bar.get_facecolor(), theme.test)
    others = [p for p in fig.findobj(Rectangle) if p.get_gid() in ("training", "validation")]
    assert {p.get_gid() for p in others} == {"training", "validation"}
    assert not any(same_color(p.get_facecolor(), theme.test) for p in others)
    assert not any(same_color(p.get_facecolor(), theme.error) for p in fig.findobj(Rectangle))


@pytest.mark.parametrize("t", THEMES)
@pytest.mark.parametrize(("name", "lines"), [("model_capacity", 1), ("regularization", 2)])
def test_test_cost_curves_are_in_the_test_colour(name, lines, t):
    theme = th.get(t)
    fig = build(name, t)
    curves = gids(fig, "test", Line2D)
    assert len(curves) == lines  # regularization: λ = 0 on its own axis, then the sweep
    for line in curves:
        assert same_color(line.get_color(), theme.test)
        # the test marks (hollow diamonds) read on what they stand on, the page and its grid
        # rules, in both themes (no cost map under them): 3:1 at least
        edge = matplotlib.colors.to_hex(line.get_markeredgecolor())
        for ground in (theme.background, theme.grid):
            assert th.contrast(edge, ground) >= 3.0, (t, ground)
    for line in fig.findobj(Line2D):
        assert not same_color(line.get_color(), theme.error), line.get_gid()


@pytest.mark.parametrize("t", THEMES)
def test_learning_rates_paths_take_the_rate_colours_never_a_role(t):
    theme = th.get(t)
    fig = build("learning_rates", t)
    roles = [theme.role(r) for r in th.MARK_ROLES]
    for name, _ in COST_DESCENT.learning_rates:
        colour = theme.rate(name)
        # the good rate (α = 0.1) is the accent, as in gd-regression and cost-heatmap; the
        # others are no role's
        if name == "good":
            assert same_color(colour, theme.accent)
        else:
            assert not any(same_color(colour, r) for r in roles), name
        (cost,) = gids(fig, f"cost-{name}", Line2D)
        assert same_color(cost.get_color(), colour), name
    # the large rate's landings on its map and its dot on the α axis
    for gid in ("path-too large", "rate-too large"):
        (mark,) = gids(fig, gid, Line2D)
        assert same_color(mark.get_color(), theme.rate("too large")), gid


@pytest.mark.parametrize("t", THEMES)
@pytest.mark.parametrize(("name", "runs", "path_gid"), [
    ("learning_rates", [n for n, _ in COST_DESCENT.learning_rates], "path-{}"),
    ("batch_vs_stochastic", None, "path:{}")])
def test_run_colours_are_the_marks_only_and_the_paths_are_cased(name, runs, path_gid, t):
    """The learning rates' and batch runs' colours are their marks': every text of the still
    (titles, notes, readouts, legend) is set in ink or a role's colour, never a run's, and
    each run's path over the map lies on a casing of the page colour (gm.cased_under), so the
    colour needs 3:1 against the page only."""
    from matplotlib.text import Text

    from gdcore import races

    theme = th.get(t)
    fig = build(name, t)
    runs = runs or list(races.run_batch_race(races.BATCH_RACE))
    colours = theme.rates if name == "learning_rates" else theme.batches
    texts = [x for x in fig.findobj(Text) if x.get_text().strip()]
    assert len(texts) > 20
    for x in texts:
        assert not any(same_color(x.get_color(), c) for c in colours), x.get_text()
    titles = [x.get_text() for x in texts if same_color(x.get_color(), theme.text)]
    assert sum(any(r.split(" (")[0].lower() in s.lower() for s in titles) for r in runs) == 3
    for run in runs:
        (casing,) = gids(fig, "casing:" + path_gid.format(run), Line2D)
        (path,) = gids(fig, path_gid.format(run), Line2D)
        assert same_color(casing.get_color(), theme.background)
        assert casing.get_zorder() < path.get_zorder()
        assert (casing.get_xydata() == path.get_xydata()).all()


#: Every still that draws the classes of a classification data set (theme.class_marker).
CLASS_FIGURES = sorted(p.stem for p in (Path(__file__).resolve().parents[1] / "figures").glob(
    "*.py") if "class_marker(" in p.read_text(encoding="utf-8"))


def test_class_marks_take_their_class_colour_never_another_roles():
    """The two classes of a data set differ in colour (the data blue, the rust) and in shape,
    each mark filled in its class's colour and cut out of the page; never the test lavender,
    which means the test set only, nor the accent."""
    assert th.CLASS_ROLES == ("data", "negative")
    for m, role in zip(th.CLASS_MARKERS, th.CLASS_ROLES, strict=True):
        assert (m.face, m.edge) == (role, "background")
    assert len({m.marker for m in th.CLASS_MARKERS}) == 2


@pytest.mark.parametrize("t", THEMES)
@pytest.mark.parametrize("name", CLASS_FIGURES)
def test_no_still_draws_class_data_in_the_test_colour(name, t):
    theme = th.get(t)
    fig = build(name, t)
    marks = [x for x in fig.findobj(Line2D) if (x.get_gid() or "").startswith("class")]
    assert len(marks) == 2, name
    for line in marks:
        assert line.get_xydata().size
        role = th.CLASS_ROLES[int(line.get_gid()[-1])]
        assert same_color(theme.role(role), line.get_markerfacecolor()), line.get_gid()
        for c in (line.get_markerfacecolor(), line.get_markeredgecolor()):
            assert not same_color(c, theme.test) and not same_color(c, theme.accent)
    # the regions: each class's a wash of its marks' colour, the data blue and the rust
    fills = [c for ax in fig.axes for c in ax.get_children()
             if isinstance(c, ContourSet) and c.filled]
    assert len(fills) == 1
    (region0, region1) = fills[0].get_facecolor()
    assert same_color(region0[:3], theme.data) and same_color(region1[:3], theme.negative)


@pytest.mark.parametrize("t", THEMES)
def test_each_class_mark_keeps_3_to_1_on_its_own_region(t):
    """The video washes each class's region towards its marks' colour (region_wash): the
    marks stay over 3:1 against it, with a margin for the encoder's noise (3.3:1), and the
    region reads apart from the page."""
    from matplotlib.colors import to_hex

    from gdviz.colors import mix

    theme = th.get(t)
    for k in (0, 1):
        c = theme.class_region(k)
        wash = to_hex(mix(theme.background, c, theme.region_wash))
        assert th.contrast(c, wash) >= 3.3, (k, wash)
        assert th.contrast(wash, theme.background) >= 1.15, (k, wash)


def _colours(fig) -> list:
    """Every colour an artist of the still draws, but the cost map's fills and level lines."""
    from matplotlib.collections import Collection
    from matplotlib.image import AxesImage
    from matplotlib.patches import Patch
    from matplotlib.text import Text

    out = []
    for a in fig.findobj():
        if isinstance(a, (ContourSet, AxesImage)) or not a.get_visible():
            continue
        if isinstance(a, Line2D):
            out += [a.get_color(), a.get_markerfacecolor(), a.get_markeredgecolor()]
        elif isinstance(a, Text) and a.get_text().strip():
            out.append(a.get_color())
        elif isinstance(a, Collection):
            out += [*a.get_facecolors()[:, :3], *a.get_edgecolors()[:, :3]]
        elif isinstance(a, Patch) and a.get_gid():
            out += [a.get_facecolor()[:3], a.get_edgecolor()[:3]]
    return [c for c in out if not (isinstance(c, str) and c == "none")]


@pytest.mark.parametrize("t", THEMES)
@pytest.mark.parametrize("name", ["race_beale", "race_long_valley", "race_saddle", "local_minima"])
def test_no_role_of_an_optimizers_colour_family_shares_its_figure(name, t):
    """Where an optimizer is drawn, the roles of its hue (theme.OPT_KIN: the good green beside
    SGD, the data blue beside Momentum, the accent beside RMSprop) are not: the minimum star
    of a race is ink."""
    theme = th.get(t)
    fig = build(name, t)
    colours = _colours(fig)
    drawn = [n for n, c in theme.optimizer.items() if any(same_color(c, x) for x in colours)]
    assert drawn
    for role in {r for name in drawn for r in th.OPT_KIN[name]}:
        assert not any(same_color(theme.role(role), x) for x in colours), (role, drawn)
    for star in [ln for ln in fig.findobj(Line2D) if ln.get_gid() == "minimum"]:
        assert star.get_marker() == "*" and same_color(star.get_markerfacecolor(), theme.text)


@pytest.mark.parametrize("t", THEMES)
@pytest.mark.parametrize("name", ["gd_regression", "learning_rates", "batch_vs_stochastic"])
def test_the_least_cost_line_is_ink_in_every_still(name, t):
    """The least cost J*'s dotted level is one colour book-wide, the minimum's ink
    (theme.LEAST_COST_ROLE), never the good green of one figure and ink in the next."""
    theme = th.get(t)
    (line,) = gids(build(name, t), "j-star", Line2D)
    assert th.LEAST_COST_ROLE == "text"
    assert same_color(line.get_color(), theme.text)
    assert line.get_linestyle() == th.LINE_STYLES["reference"]


@pytest.mark.parametrize("t", THEMES)
@pytest.mark.parametrize(("name", "gid"), [("loss_curve", "loss"), ("loss_curve", "inset-loss"),
                                           ("local_minima", "trail:stalled"),
                                           ("gd_regression", "cost")])
def test_plain_descent_is_the_accent_in_every_still(name, gid, t):
    """Plain (full-batch) gradient descent, its path and its cost curve, takes the accent in
    every still, but beside the classes, where the accent is the rust's kin and the run is in
    ink (theme.beside_classes: loss-curve): never the SGD green (the good green's kin), nor a
    set's or a class's colour."""
    theme = th.get(t)
    (line,) = gids(build(name, t), gid, Line2D)
    want = theme.beside_classes("accent") if name in CLASS_FIGURES else theme.accent
    assert same_color(line.get_color(), want)
    assert not same_color(line.get_color(), theme.opt("SGD"))
    assert not same_color(line.get_color(), theme.negative)


@pytest.mark.parametrize("t", THEMES)
@pytest.mark.parametrize("name", CLASS_FIGURES)
def test_no_role_of_a_class_colours_family_shares_its_figure(name, t):
    """Where the classes are drawn, the roles of the rust's hue (theme.CLASS_KIN: the accent,
    the error red) are not: the dark accent's orange curve read as the class-1 triangles'
    colour (22° of hue apart)."""
    theme = th.get(t)
    colours = _colours(build(name, t))
    assert any(same_color(theme.negative, x) for x in colours)
    for role in {r for roles in th.CLASS_KIN.values() for r in roles}:
        assert not any(same_color(theme.role(role), x) for x in colours), role
