"""Both themes' colours, recomputed: WCAG contrast against the background and the cost map,
and distinguishability under simulated colour-vision deficiencies (colorspacious)."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import matplotlib
import numpy as np
import pytest
from matplotlib.colors import to_rgb

from gdcore.optimizers import NAMES
from gdviz import theme
from gdviz.colors import mix
from gdviz.vision import CVD, hue, hue_turn, map_colors, seen

THEMES = [theme.LIGHT, theme.DARK]
GUIDE = Path(__file__).resolve().parents[1] / "docs" / "STYLE.md"


def test_contrast_matches_wcag_examples():
    assert theme.contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert theme.contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert theme.contrast("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)


@pytest.mark.parametrize("th", THEMES, ids=lambda t: t.name)
def test_roles_and_optimizers_contrast_with_the_background(th):
    for role in ("text", "muted"):
        assert theme.contrast(getattr(th, role), th.background) >= theme.TEXT_CONTRAST, role
    for role in ("accent", "data", "error", "good"):
        assert theme.contrast(getattr(th, role), th.background) >= theme.LINE_CONTRAST, role
    # the test set is also a bar with its name set on it in the background colour (data-splits)
    assert theme.contrast(th.test, th.background) >= theme.TEXT_CONTRAST
    for name in theme.RATE_NAMES:
        assert theme.contrast(th.rate(name), th.background) >= theme.LINE_CONTRAST, name
    for name in theme.BATCH_NAMES:
        assert theme.contrast(th.batch(name), th.background) >= theme.LINE_CONTRAST, name
    for name in NAMES:
        assert theme.contrast(th.opt(name), th.background) >= theme.LINE_CONTRAST, name


@pytest.mark.parametrize("th", THEMES, ids=lambda t: t.name)
def test_roles_drawn_over_the_cost_map_uncased_contrast_with_all_of_it(th):
    fills = map_colors(th)
    for role in theme.ON_MAP_ROLES:
        need = theme.TEXT_CONTRAST if role == "text" else theme.LINE_CONTRAST
        worst = min(theme.contrast(getattr(th, role), c) for c in fills)
        assert worst >= need, (role, worst)


@pytest.mark.parametrize("th", THEMES, ids=lambda t: t.name)
def test_rates_and_batch_runs_are_cased_like_the_optimizers(th):
    """The learning rates' and batch runs' paths lie on casings of the page colour over the map
    (figures learning_rates, batch_vs_stochastic; their videos): 3:1 against the page is the
    whole rule in print, where some now fall below it against a pale fill (they would fail
    uncased); on the dark page, whose casing is as dark as the map, 3:1 against every fill."""
    fills = map_colors(th)
    runs = list(th.rates) + list(th.batches)
    for c in runs:
        assert theme.contrast(c, th.background) >= theme.LINE_CONTRAST, c
    uncased = [c for c in runs if min(theme.contrast(c, f) for f in fills) < theme.LINE_CONTRAST]
    if th.name == "light":
        assert len(uncased) >= 3, uncased
    else:
        assert uncased == []


def test_the_light_rates_and_batch_runs_are_no_longer_near_black():
    """Set in their own colours, the names of the runs held the colours to text contrast over
    the pale map: dark and dull (least chroma M' 15.8, J' from 24). Names in ink and paths
    cased, they are mid-tones (J' ≥ 45), clearly coloured."""
    old = ("#0F3C4B", "#964B87", "#78000F", "#691E2D", "#9600FF", "#870078")

    def stats(colours):
        pts = np.array([seen(c) for c in colours])
        return np.hypot(pts[:, 1], pts[:, 2]).min(), pts[:, 0].min()

    (old_chroma, old_j), (chroma, j) = stats(old), stats(theme.LIGHT.rates + theme.LIGHT.batches)
    assert old_chroma < 16 and old_j < 25
    assert chroma > 23 and j >= 45


@pytest.mark.parametrize("th", THEMES, ids=lambda t: t.name)
@pytest.mark.parametrize("cvd", CVD, ids=lambda c: c or "normal")
def test_each_set_of_runs_reads_apart_in_every_vision(th, cvd):
    """Within each set (the rates; the batch runs) the colours stand MIN_OPT_DISTANCE apart in
    normal vision and MIN_CVD_DISTANCE in each simulated one, as the optimizers do: the full
    batch and the single sample, once two reds, read apart."""
    floor = theme.MIN_OPT_DISTANCE if cvd is None else theme.MIN_CVD_DISTANCE
    for colours in (th.rates, th.batches):
        for a, b in itertools.combinations(colours, 2):
            assert np.linalg.norm(seen(a, cvd) - seen(b, cvd)) >= floor, (a, b)
    assert hue_turn(hue(th.batch("full batch")), hue(th.batch("single sample"))) >= 45


@pytest.mark.parametrize("th", THEMES, ids=lambda t: t.name)
def test_optimizers_contrast_with_the_page_and_every_path_over_a_map_is_cased(th):
    """An optimizer colour meets only its casing over a map: the casing is the page colour
    (gm.casing, manim_blocks.cased), so in print contrast with the page is the whole rule: the
    pale map no longer constrains the colour, and several now fall below 3:1 against some fill
    (they would fail without their casing). On the dark page the casing is as dark as the map,
    so the dark shades keep 3:1 against every fill as well."""
    from manim import ManimColor, VMobject

    from gdviz import manim_blocks
    from gdviz import mpl as gm

    (casing, line) = gm.casing(th)
    assert isinstance(casing, gm.Casing) and casing.color == th.background
    assert 0 < casing.width == theme.CASING <= 1.2  # thin: at most a race path's width a side
    assert type(line).__name__ == "Normal"
    for name in NAMES:
        assert theme.contrast(th.opt(name), casing.color) >= theme.LINE_CONTRAST, name
    path = manim_blocks.cased(VMobject(stroke_width=4.0), th)
    assert path.get_stroke_color(background=True) == ManimColor(th.background)
    assert path.get_stroke_width(background=True) == 4.0 + 2 * theme.CASING_WIDTH
    fills = map_colors(th)
    uncased = [n for n in NAMES
               if min(theme.contrast(th.opt(n), c) for c in fills) < theme.LINE_CONTRAST]
    if th.name == "light":
        assert len(uncased) >= 3, uncased
    else:  # the dark casing is as dark as the map round it: the map itself must not hide one
        assert uncased == []


def test_the_light_optimizer_colours_are_no_longer_near_black():
    """The light colours once kept 3:1 over every fill of the pale map: seven shades of black
    (least chroma M' 16.7, mean J' 28). Cased, they are mid-tones, clearly coloured."""
    old = ("#002D00", "#0000B4", "#87003C", "#6900E1", "#004B4B", "#5A3C00", "#690069")
    def stats(colours):
        pts = np.array([seen(c) for c in colours])
        return np.hypot(pts[:, 1], pts[:, 2]).min(), pts[:, 0].mean()

    (old_chroma, old_j), (chroma, j) = stats(old), stats(theme.LIGHT.optimizer.values())
    assert old_chroma < 17 and old_j < 30
    assert chroma > 23.5 and j > 45
    # each a mid-tone: the navy Momentum (#0000B4, J' 21) and the near-black Adam (#690069,
    # J' 28) read as black at dot size in print, and their dark shades as other colours
    lo, hi = theme.OPT_LIGHTNESS
    for c in theme.LIGHT.optimizer.values():
        assert lo <= seen(c)[0] <= hi, c
    assert seen("#0000B4")[0] < lo and seen("#690069")[0] < lo


@pytest.mark.parametrize("th", THEMES, ids=lambda t: t.name)
def test_every_optimizer_colour_has_the_least_chroma_and_momentum_reads_blue(th):
    """No optimizer fades to a grey: each keeps MIN_OPT_CHROMA (M'), and Momentum is a blue of
    its family (Tol's blue) in both themes, not the slate the dark theme once had."""
    from scripts.optimizer_palette import FAMILY_HUE_TOLERANCE, LIGHT_FAMILIES

    chroma = {n: float(np.hypot(*seen(th.opt(n))[1:])) for n in NAMES}
    assert min(chroma.values()) >= theme.MIN_OPT_CHROMA, chroma
    assert hue_turn(hue(th.opt("Momentum")), hue(LIGHT_FAMILIES["Momentum"])) <= \
        FAMILY_HUE_TOLERANCE
    assert chroma["Momentum"] >= (25 if th.name == "light" else 19.5)
    # the former dark Momentum: M' 16.9, a slate grey beside the data blue
    assert np.hypot(*seen("#7896B4")[1:]) < theme.MIN_OPT_CHROMA
    assert "#7896B4" not in th.optimizer.values()


@pytest.mark.parametrize("th", THEMES, ids=lambda t: t.name)
def test_no_two_roles_or_rates_share_a_colour(th):
    """The good rate (α = 0.1) is the accent, the colour of the same run in gd-regression and
    cost-heatmap: one colour for α = 0.1 everywhere; so is the full batch, plain gradient
    descent, the same algorithm. Every other run has a colour of its own."""
    assert th.rate("good") == th.accent == th.batch("full batch")
    others = [c for n, c in zip(theme.RATE_NAMES, th.rates) if n != "good"]
    sampled = [c for n, c in zip(theme.BATCH_NAMES, th.batches) if n != "full batch"]
    roles = ("background", "grid", *theme.MARK_ROLES)
    colours = [getattr(th, r).upper() for r in roles] + [c.upper() for c in others]
    colours += [c.upper() for c in sampled]
    assert len(set(colours)) == len(colours), colours
    # the test set (not the error red) and each other learning rate (not the data blue nor the
    # error red) have colours of their own
    assert th.test not in (th.error, th.data, th.accent)
    assert not set(others) & {getattr(th, r) for r in theme.MARK_ROLES}
    assert not set(sampled) & {getattr(th, r) for r in theme.MARK_ROLES}


@pytest.mark.parametrize("th", THEMES, ids=lambda t: t.name)
def test_the_batch_runs_are_apart_from_every_optimizer_hue(th):
    """The full batch and the mini-batch once took NAG's crimson and Adagrad's violet (6° of
    hue from them): each sampled batch run now lies RUN_OPT_HUE from every optimizer's hue (the
    full batch is the accent, a role of its own)."""
    from scripts.optimizer_palette import RUN_OPT_HUE

    for c in th.batches[1:]:
        turn = min(hue_turn(hue(c), hue(o)) for o in th.optimizer.values())
        assert turn >= RUN_OPT_HUE, (c, turn)
    assert min(hue_turn(hue("#D23C87"), hue(o)) for o in theme.LIGHT.optimizer.values()) < \
        RUN_OPT_HUE


@pytest.mark.parametrize("th", THEMES, ids=lambda t: t.name)
@pytest.mark.parametrize("cvd", CVD, ids=lambda c: c or "normal")
def test_test_role_and_rates_stand_apart_from_every_role(th, cvd):
    """The test role and every run stand MIN_CVD_DISTANCE from every role, the runs with
    RUN_MARGIN to spare (no distance on the floor: the light runs' least was once 9.01); in
    print the rates stand as far from the batch runs too. In the dark theme the two sets, which
    never share a figure, are not held apart: there the good rate's magenta kept every floor
    only as a near white."""
    from scripts.optimizer_palette import RUN_MARGIN

    roles = {r: seen(getattr(th, r), cvd) for r in theme.MARK_ROLES}
    # the good rate is the accent itself
    rates = {n: seen(th.rate(n), cvd) for n in theme.RATE_NAMES if n != "good"}
    # the full batch is the accent itself
    batches = {n: seen(th.batch(n), cvd) for n in theme.BATCH_NAMES if n != "full batch"}
    new = {"test": roles["test"]} | rates | batches
    pairs = [(a, b, float(np.linalg.norm(new[a] - roles[b])))
             for a in new for b in roles if a != b]
    worst = min(pairs, key=lambda p: p[2])
    assert worst[2] >= theme.MIN_CVD_DISTANCE, worst
    runs = [p for p in pairs if p[0] != "test"]
    worst = min(runs, key=lambda p: p[2])
    assert worst[2] >= theme.MIN_CVD_DISTANCE * (1 + RUN_MARGIN), worst


def test_the_dark_runs_are_saturated_none_a_near_white():
    """The dark good rate was #FFC3FF (J' 89, M' 20), a pale pink that read as white beside
    the other runs: every dark run of a colour of its own (the good rate is the accent) now
    lies under RUN_DARK_CEILING and keeps M' 19 (the mini-batch's green, between the SGD green,
    the good green and the Adadelta teal, keeps no more)."""
    from scripts.optimizer_palette import RUN_DARK_CEILING

    own = [c for n, c in zip(theme.RATE_NAMES, theme.DARK.rates) if n != "good"]
    pts = np.array([seen(c) for c in own + list(theme.DARK.batches[1:])])
    assert pts[:, 0].max() <= RUN_DARK_CEILING
    assert np.hypot(pts[:, 1], pts[:, 2]).min() >= 19
    assert seen("#FFC3FF")[0] > RUN_DARK_CEILING and "#FFC3FF" not in theme.DARK.rates


def test_test_role_and_rates_keep_their_hue_in_both_themes():
    pairs = [("test", theme.LIGHT.test, theme.DARK.test)]
    # the good rate is the accent, a role of each theme's own (its orange)
    pairs += [(n, theme.LIGHT.rate(n), theme.DARK.rate(n)) for n in theme.RATE_NAMES
              if n != "good"]
    pairs += [(n, theme.LIGHT.batch(n), theme.DARK.batch(n)) for n in theme.BATCH_NAMES
              if n != "full batch"]
    for name, light, dark in pairs:
        assert hue_turn(hue(light), hue(dark)) <= theme.OPT_HUE_TOLERANCE, name


@pytest.mark.parametrize("th", THEMES, ids=lambda t: t.name)
@pytest.mark.parametrize("cvd", CVD, ids=lambda c: c or "normal")
def test_optimizers_distinct_from_each_other_and_the_roles(th, cvd):
    """Every vision; in the dark theme from every role but the test lavender, which never
    shares a figure with an optimizer (OPT_DARK_ROLES), and the dark Momentum from every role
    but the data blue too, its kin, with which it never shares a figure (OPT_DARK_EXEMPT)."""
    opts = {n: seen(th.opt(n), cvd) for n in NAMES}
    kept = theme.MARK_ROLES if th.name == "light" else theme.OPT_DARK_ROLES
    assert set(theme.MARK_ROLES) - set(theme.OPT_DARK_ROLES) == {"test"}
    exempt = theme.OPT_DARK_EXEMPT if th.name == "dark" else {}
    assert all(set(r) <= set(theme.OPT_KIN[n]) for n, r in theme.OPT_DARK_EXEMPT.items())
    roles = {r: seen(getattr(th, r), cvd) for r in kept}
    pairs = list(itertools.combinations(opts.items(), 2))
    pairs += [(o, r) for o in opts.items() for r in roles.items()
              if r[0] not in exempt.get(o[0], ())]
    worst = min((float(np.linalg.norm(a - b)), ka, kb) for (ka, a), (kb, b) in pairs)
    assert worst[0] >= theme.MIN_CVD_DISTANCE, worst


def test_the_dark_maps_kin_among_the_optimizers_differ_in_lightness():
    """On the dark map, the optimizers of its hue family (within KIN_HUE of a colour it paints:
    Momentum, Adagrad, Adam) stand MAP_KIN_LIGHTNESS apart in J' as well as in hue: the former
    blue, violet and plum (J' 61 to 66) kept every other floor and read as one colour there."""
    from scripts.optimizer_palette import RUN_DARK_CEILING, map_kin

    kin = [n for n in NAMES if map_kin(theme.DARK, hue(theme.DARK.opt(n)))]
    assert kin == ["Momentum", "Adagrad", "Adam"]
    # none a pale near-white beside the race insets' white leaders: each under the runs'
    # ceiling (the dark Momentum was #B4CDFF, J' 84, M' 20)
    assert max(seen(theme.DARK.opt(n))[0] for n in kin) <= RUN_DARK_CEILING
    assert seen("#B4CDFF")[0] > RUN_DARK_CEILING
    assert "#B4CDFF" not in theme.DARK.optimizer.values()
    for colours in (theme.DARK.optimizer, {"Momentum": "#739BE6", "Adagrad": "#A569FF",
                                           "Adam": "#B973B4"}):
        gap = min(abs(seen(colours[a])[0] - seen(colours[b])[0])
                  for a, b in itertools.combinations(kin, 2))
        assert (gap >= theme.MAP_KIN_LIGHTNESS) == (colours is theme.DARK.optimizer), gap
    # no dark optimizer of another family counts as the map's kin
    assert not map_kin(theme.DARK, [hue(theme.DARK.opt(n)) for n in NAMES if n not in kin]).any()


@pytest.mark.parametrize("th", THEMES, ids=lambda t: t.name)
def test_optimizers_differ_in_hue_and_stand_well_apart(th):
    hues = {n: hue(th.opt(n)) for n in NAMES}
    for a, b in itertools.combinations(NAMES, 2):
        turn = hue_turn(hues[a], hues[b])
        assert turn >= theme.MIN_OPT_HUE, (a, b, turn)
        apart = float(np.linalg.norm(seen(th.opt(a), None) - seen(th.opt(b), None)))
        assert apart >= theme.MIN_OPT_DISTANCE, (a, b, apart)


@pytest.mark.parametrize("th", THEMES, ids=lambda t: t.name)
def test_the_light_purples_would_fail_the_hue_check(th):
    # four of the light theme's former colours: ΔE' ≥ 9 apart, yet all dark purples
    old = ("#2D0F96", "#782D5A", "#874B78", "#5A0F5A")
    turns = [hue_turn(hue(a), hue(b)) for a, b in itertools.combinations(old, 2)]
    assert min(turns) < theme.MIN_OPT_HUE
    assert not set(old) & set(th.optimizer.values())


def test_dark_theme_has_its_own_shades_of_the_optimizer_colours_and_its_own_cost_map():
    assert list(theme.DARK.optimizer) == list(theme.LIGHT.optimizer) == list(NAMES)
    for name in NAMES:
        light, dark = theme.LIGHT.opt(name), theme.DARK.opt(name)
        # another shade of one colour: lighter on the dark page, darker on the white one
        assert theme.relative_luminance(dark) > theme.relative_luminance(light), name
        lift = seen(dark)[0] - seen(light)[0]  # CAM02-UCS J'
        assert theme.OPT_DARK_LIFT <= lift <= theme.OPT_DARK_MAX_LIFT, (name, lift)
    assert theme.DARK.surface_cmap == theme.DARK.heat_cmap == "gd-cost-dark"
    assert theme.LIGHT.surface_cmap == theme.LIGHT.heat_cmap == "gd-cost-light"


@pytest.mark.parametrize("name", NAMES)
def test_each_optimizer_is_one_hue_in_both_themes(name):
    turn = hue_turn(hue(theme.LIGHT.opt(name)), hue(theme.DARK.opt(name)))
    assert turn <= theme.OPT_HUE_TOLERANCE, (name, turn)


def test_each_dark_optimizer_is_the_light_colour_lighter_not_another_one():
    """A colour keeps its name across the themes: the dark shade keeps OPT_DARK_CHROMA_SHARE
    of the light colour's chroma and is at most OPT_DARK_MAX_LIFT lighter. The former pairs
    read as two colours: a violet and a grey lilac (Adagrad, half the chroma), an ochre and a
    yellow (RMSprop, 32 J' lighter), a near-black purple and a magenta (Adam, 38 J')."""
    def chroma(c):
        return float(np.hypot(*seen(c)[1:]))

    for name in NAMES:
        light, dark = theme.LIGHT.opt(name), theme.DARK.opt(name)
        assert chroma(dark) >= theme.OPT_DARK_CHROMA_SHARE * chroma(light), name
    former = {"Adagrad": ("#A500FF", "#AF8CC8"), "RMSprop": ("#A57800", "#FFD700"),
              "Adam": ("#690069", "#FA05F0")}
    for name, (light, dark) in former.items():
        lift = seen(dark)[0] - seen(light)[0]
        assert chroma(dark) < theme.OPT_DARK_CHROMA_SHARE * chroma(light) or \
            lift > theme.OPT_DARK_MAX_LIFT, name
        assert dark not in theme.DARK.optimizer.values()


def test_the_light_greens_and_purples_would_fail_the_hue_check():
    # the former light palette: SGD and Adagrad two near-black greens, Adadelta, RMSprop and
    # Adam three purples, NAG maroon beside Adam's plum; ΔE' ≥ 15 apart, hues ≥ 25° apart
    old = dict(zip(NAMES, ("#003C00", "#0F4BFF", "#800820", "#105048", "#805890",
                           "#400090", "#802068")))
    turns = [hue_turn(hue(old[a]), hue(old[b])) for a, b in itertools.combinations(NAMES, 2)]
    assert 25 <= min(turns) < theme.MIN_OPT_HUE
    apart = [np.linalg.norm(seen(old[a]) - seen(old[b]))
             for a, b in itertools.combinations(NAMES, 2)]
    assert 15 <= min(apart) < theme.MIN_OPT_DISTANCE
    assert not set(old.values()) & set(theme.LIGHT.optimizer.values())


def test_the_search_finds_the_optimizer_colours_the_theme_writes():
    from scripts.optimizer_palette import optimizers

    assert optimizers(theme.LIGHT) == theme.LIGHT_OPTIMIZER_COLORS
    assert optimizers(theme.DARK) == theme.DARK_OPTIMIZER_COLORS


def test_the_search_finds_the_run_colours_the_theme_writes(capsys):
    from scripts.optimizer_palette import main

    assert main(["--runs"]) == 0
    out = capsys.readouterr().out
    rows = re.findall(r"^(light|dark): \((.*)\)$", out, flags=re.M)
    written = [(t.name, ", ".join(f'"{c}"' for c in colours))
               for t in THEMES for colours in (t.rates, t.batches)]
    assert rows == written
    assert main(["--runs", "x"]) == 2


def test_the_palette_search_refuses_a_bad_step_in_one_line(capsys):
    from scripts.optimizer_palette import main

    assert main(["abc"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("usage: optimizer_palette.py")


def test_the_former_dark_colours_would_fail_the_one_hue_check():
    # NAG crimson in print, cyan in the video; Adam magenta and orange (against today's light
    # colours: red NAG, magenta Adam; RMSprop's former yellow is today's ochre's dark shade)
    former = {"NAG": "#4BF0FF", "Adam": "#E1870F"}
    for name, dark in former.items():
        assert hue_turn(hue(theme.LIGHT.opt(name)), hue(dark)) > 2 * theme.OPT_HUE_TOLERANCE, name
        assert dark not in theme.DARK.optimizer.values()


def test_style_guide_lists_each_optimizer_colour_as_the_theme_has_it():
    rows = re.findall(r"^\| (\w+) \((?:[a-z -]+)\) \| (#[0-9A-F]{6}) \| (#[0-9A-F]{6}) \|$",
                      GUIDE.read_text(encoding="utf-8"), flags=re.M)
    assert [(n, theme.LIGHT.opt(n), theme.DARK.opt(n)) for n in NAMES] == rows


def test_style_guide_lists_the_test_role_and_the_rates_as_the_theme_has_them():
    guide = GUIDE.read_text(encoding="utf-8")
    assert f"| test | {theme.LIGHT.test} | {theme.DARK.test} |" in guide
    rows = re.findall(r"^\| ([a-z ]+) \| [a-z]+ \| (#[0-9A-F]{6}) \| (#[0-9A-F]{6}) \|$", guide,
                      flags=re.M)
    assert rows == [(n, theme.LIGHT.rate(n), theme.DARK.rate(n)) for n in theme.RATE_NAMES]
    batches = re.findall(r"^\| ([a-z -]+) \(each step's gradient from [a-z ]+\) \| [a-z]+ \| "
                         r"(#[0-9A-F]{6}) \| (#[0-9A-F]{6}) \|$", guide, flags=re.M)
    assert batches == [(n, theme.LIGHT.batch(n), theme.DARK.batch(n))
                       for n in theme.BATCH_NAMES]


@pytest.mark.parametrize(("th", "band", "offset"),
                         [(theme.LIGHT, (79, 97), 20), (theme.DARK, (30, 25), 19)],
                         ids=["light", "dark"])
def test_cost_map_is_an_ordered_band_with_level_lines_apart(th, band, offset):
    fills = np.array([seen(c, None) for c in th.cost_map.fills])
    lines = np.array([seen(c, None) for c in th.cost_map.lines])
    lightness = fills[:, 0]
    # band = (J' of the valley floor, J' of the rim): low cost to high cost reads as one order,
    # the valley furthest from the page (darkest on white, lightest on the dark page)
    valley, rim = band
    assert np.all(np.sign(np.diff(lightness)) == np.sign(rim - valley))
    assert lightness[0] == pytest.approx(valley, abs=1)
    assert lightness[-1] == pytest.approx(rim, abs=1)
    page = seen(th.background, None)[0]
    # the rim still apart from the page: on the white page by J' 3 (the light map's pale rim),
    # on the dark one by 13 (rims 2 and 8 J' over the page read as the page where a map meets it)
    assert abs(lightness[0] - page) > abs(lightness[-1] - page) >= (3 if th.name == "light"
                                                                     else 12.5)
    # level lines stand ≥ offset J' off their fills: darker in light, lighter in dark
    shift = lines[:, 0] - lightness
    assert np.all(np.abs(shift) >= offset) and len(set(np.sign(shift))) == 1
    assert (shift[0] < 0) == (th.name == "light")


def test_dark_cost_map_keeps_to_purple_blue_and_teal():
    # Viridis' green and yellow, kept dark, read as olive and khaki (the former rim, #4B4300)
    hues = hue(np.array([to_rgb(c) for c in theme.DARK.cost_map.fills + theme.DARK.cost_map.lines]))
    assert np.all((hues >= 200) & (hues <= 330)), hues
    assert not 200 <= hue("#4B4300") <= 330


@pytest.mark.parametrize("name", ["light", "dark"])
def test_contrast_mix_is_the_faintest_tint_that_reads_as_a_mark(name):
    t = theme.get(name)
    f = theme.contrast_mix(t.background, t.accent)
    assert 0 < f < 1
    assert theme.contrast(tuple(mix(t.background, t.accent, f)), t.background) == \
        pytest.approx(theme.LINE_CONTRAST, abs=1e-6)
    assert theme.contrast(tuple(mix(t.background, t.accent, f - 0.01)), t.background) < \
        theme.LINE_CONTRAST
    # a colour that never reaches the ratio: the full colour
    assert theme.contrast_mix(t.background, t.grid) == 1.0


def test_each_optimizers_kin_is_every_role_of_its_hue():
    """OPT_KIN, recomputed: the hued roles within KIN_HUE of an optimizer's hue in either theme
    (SGD and the good green, Momentum and the data blue, RMSprop and the accent ...)."""
    for name in NAMES:
        kin = {r for r in theme.HUED_ROLES
               if min(hue_turn(hue(t.opt(name)), hue(t.role(r))) for t in THEMES) < theme.KIN_HUE}
        assert set(theme.OPT_KIN[name]) == kin, name
    assert set(theme.HUED_ROLES) == set(theme.MARK_ROLES) - {"text", "muted"}


def test_each_runs_kin_is_every_role_of_its_hue_but_its_own():
    """RUN_KIN, recomputed as OPT_KIN is, for the rates and the batch runs: the hued roles within
    KIN_HUE of a run's hue in either theme, less the role the run IS (the good rate and the
    full batch are the accent). The mini-batch's green is the good green's kin."""
    for names, colour in ((theme.RATE_NAMES, theme.Theme.rate),
                          (theme.BATCH_NAMES, theme.Theme.batch)):
        for name in names:
            own = {r for r in theme.HUED_ROLES
                   if all(colour(t, name) == t.role(r) for t in THEMES)}
            kin = {r for r in set(theme.HUED_ROLES) - own if min(
                hue_turn(hue(colour(t, name)), hue(t.role(r))) for t in THEMES) < theme.KIN_HUE}
            assert set(theme.RUN_KIN[name]) == kin, name
    assert set(theme.RUN_KIN) == set(theme.RATE_NAMES) | set(theme.BATCH_NAMES)
    assert theme.RUN_KIN["mini-batch"] == ("good",)


def test_each_class_colours_kin_is_every_role_of_its_hue():
    """CLASS_KIN, recomputed as OPT_KIN is: the hued roles within KIN_HUE of a class colour in
    either theme (the rust and the accent, 2° apart in the light theme and 22° in the dark one,
    where the rust triangles read as the cost curve's orange). Beside the classes such a role
    is drawn in ink (Theme.beside_classes), every other role in its own colour."""
    for role in theme.CLASS_ROLES:
        kin = {r for r in set(theme.HUED_ROLES) - {role} if min(
            hue_turn(hue(t.role(role)), hue(t.role(r))) for t in THEMES) < theme.KIN_HUE}
        assert set(theme.CLASS_KIN[role]) == kin, role
    assert "accent" in theme.CLASS_KIN["negative"]
    for t in THEMES:
        assert t.beside_classes("accent") == t.text
        assert t.beside_classes("good") == t.good and t.beside_classes("test") == t.test


@pytest.mark.parametrize("th", THEMES, ids=lambda t: t.name)
def test_the_minimum_star_is_one_ink_mark(th):
    """One star in every figure and scene: filled ink edged in the page colour, never the good
    green that a run's green (SGD, Adadelta, the mini-batch) would make a second star of."""
    star = th.marker("minimum")
    assert (star["marker"], star["markerfacecolor"], star["markeredgecolor"]) == (
        "*", th.text, th.background)
    assert th.mark_color("minimum") == th.text != th.good


@pytest.mark.parametrize("th", THEMES, ids=lambda t: t.name)
def test_a_table_of_costs_keeps_off_its_page(th):
    """TABLE_TOP recomputed: a table's colour scale (the cost map's, from its valley) runs as
    far to the rim as keeps every cell TABLE_PAGE_DISTANCE from the page, and no shorter: both
    whole maps (the dark one's rim, lifted to J' 25, keeps off its page)."""
    cmap = matplotlib.colormaps[th.cost_map.cmap]
    s = np.linspace(0.0, 1.0, 1001)
    near = np.linalg.norm(seen(cmap(s)[:, :3]) - seen(th.background), axis=1)
    near = near < theme.TABLE_PAGE_DISTANCE
    reach = s[np.argmax(near)] if near.any() else 1.0
    top = theme.TABLE_TOP[th.name]
    assert top <= reach < top + 0.02
    table = th.table_cmap
    lines = matplotlib.colormaps[th.cost_map.line_cmap]
    lift = theme.TABLE_LIFT[th.name]
    # its valley lifted TABLE_LIFT of the way to the level lines' colour, its top the map's
    assert np.allclose(table(0.0)[:3], (1 - lift) * np.array(cmap(0.0)[:3])
                       + lift * np.array(lines(0.0)[:3]), atol=0.01)
    assert np.allclose(table(1.0), cmap(top), atol=0.01)
    assert min(np.linalg.norm(seen(table(s)[:, :3]) - seen(th.background), axis=1)) >= (
        theme.TABLE_PAGE_DISTANCE)
    # the cells differ in lightness as well as hue (the dark fills alone span 8 J'), and
    # every cell keeps the ink's numbers at 4.5:1
    light = [seen(c)[0] for c in table(s)[:, :3]]
    assert np.all(np.diff(light) * (1 if th.name == "light" else -1) >= -0.05)  # one way
    assert abs(light[-1] - light[0]) >= 15
    assert min(theme.contrast(th.text, matplotlib.colors.to_hex(c)) for c in table(s)) >= 4.5


def test_the_light_cost_map_is_the_strongest_the_rules_allow():
    """The light map, recomputed (scripts/cost_map.py): J' 78.6 at its valley floor, 0.87 of
    Viridis' chroma up to RIM_FADE, falling to the rim's. A floor a step darker breaks the 3:1
    of a role drawn on it uncased, and a step more chroma leaves the gamut. The former map
    (0.75 of the chroma throughout, floor J' 79) held both rules with room to spare: its valley
    stood 28.5 ΔE' off the page, this one 30.7."""
    from scripts.cost_map import (
        FLOOR_STEP,
        SHARE_STEP,
        _in_gamut,
        _viridis,
        cost_map,
        holds,
        shares,
    )

    floor, share = 78.6, 0.87
    fills, lines = cost_map(floor, share)
    assert (fills, lines) == (theme.LIGHT.cost_map.fills, theme.LIGHT.cost_map.lines)
    assert holds(fills) and not holds(cost_map(floor - FLOOR_STEP, share)[0])
    js = np.linspace(floor, 97.0, len(fills))

    def in_gamut(s):
        return all(_in_gamut(j, a, b, k) is not None
                   for j, k, (_, a, b) in zip(js, shares(s), _viridis()))

    assert in_gamut(share) and not in_gamut(share + SHARE_STEP)
    page = seen(theme.LIGHT.background)
    assert np.linalg.norm(seen(fills[0]) - page) > 30.5
    assert np.linalg.norm(seen("#D9ABDF") - page) < 29  # the former valley floor
