"""The learning-rates scene (frames: test_scene_frames.py): its drawing against gdcore's runs."""

import numpy as np
import pytest
from frames import WATCHERS, rendered
from manim import Line, ManimColor

from gdcore import races
from gdcore.cost_descent import COST_DESCENT
from gdrender.captions import spoken
from gdviz import numbers as nb
from gdviz import views
from scenes.learning_rates import (
    ALPHA_TICKS,
    DEF_APART,
    DEF_CLEAR,
    GHOSTS,
    GOOD_WIDTH,
    GROWTH_PLACES,
    H_MAX,
    J_GROWTH_PLACES,
    OTHERS,
    PLOT_FOOT,
    RESULT_HOLD,
    SMALL_CASING,
    SMALL_LANE,
    SMALL_WIDTH,
    LearningRates,
    aged_opacity,
    drawn_path,
    jump_text,
    runs,
)


def _anchors(mob, to_data):
    a = mob.get_anchors()
    return np.array([to_data(p) for p in np.vstack([a[:1], a[1::2]])])


def _unlaned(to_data, name):
    """A screen point to data, the small rate's lane (SMALL_LANE) taken off first."""
    lane = SMALL_LANE if name == "too small" else np.zeros(3)
    return lambda p: to_data(np.asarray(p) - lane)


def test_first_jumps_alternate_and_grow_by_gdcores_factor():
    scene = rendered(LearningRates, upto="jumps")
    trs = runs()
    small, good, large = (trs[name] for name, _ in COST_DESCENT.learning_rates)
    assert large.diverged and COST_DESCENT.learning_rates[-1][1] > COST_DESCENT.max_stable_rate
    # the safe runs drawn whole, on the map and on the cost plot
    for name, tr in (("too small", small), ("good", good)):
        np.testing.assert_allclose(_anchors(scene.trails[name], _unlaned(scene.ax.p2c, name)),
                                   drawn_path(tr.points), atol=1e-9)
        cost = _anchors(scene.curves[name], scene.plot.p2c)
        np.testing.assert_allclose(cost[:, 1], tr.losses, rtol=1e-9)
    # the large rate's first steps: one arrow each, from gdcore's point to the next
    n = COST_DESCENT.shown_steps
    assert len(scene.arrows) == n and 6 <= n <= 8
    # drawn in the zoom, whose window holds them all and is marked on the map
    (m0, m1), (b0, b1) = (scene.zoom.x_range[:2], scene.zoom.y_range[:2])
    shown = large.points[: n + 1]
    assert np.all((shown[:, 0] > m0) & (shown[:, 0] < m1) & (shown[:, 1] > b0) & (shown[:, 1] < b1))
    # a true magnification: b and m keep the map's ratio of room per unit (the level lines
    # keep their angles, the start ring stays round), the window inside the map
    assert (b0, b1) == pytest.approx(scene.zoom_window()[1]) and (m0, m1) == pytest.approx(
        scene.zoom_window()[0])
    zoom_ratio = (scene.zoom.y_length / (b1 - b0)) / (scene.zoom.x_length / (m1 - m0))
    map_ratio = (scene.ax.y_length / (views.B_RANGE[1] - views.B_RANGE[0])) / (
        scene.ax.x_length / (views.M_RANGE[1] - views.M_RANGE[0]))
    assert zoom_ratio == pytest.approx(map_ratio, rel=1e-9)
    assert scene.zoom.x_length / (m1 - m0) > 1.2 * scene.ax.x_length / (
        views.M_RANGE[1] - views.M_RANGE[0])
    assert views.M_RANGE[0] - 1e-9 <= m0 < m1 <= views.M_RANGE[1] + 1e-9
    assert views.B_RANGE[0] - 1e-9 <= b0 < b1 <= views.B_RANGE[1] + 1e-9
    # the box on the map grows to the frame evenly: the same scale across and up
    box = scene.box
    assert box.width / scene.ax.x_length == pytest.approx(box.height / scene.ax.y_length)
    # the zoom takes the map's own frame: its window's corners where the map's corners are
    (wm0, wm1), (wb0, wb1) = views.M_RANGE, views.B_RANGE
    for (zm, zb), (am, ab) in (((m0, b0), (wm0, wb0)), ((m1, b1), (wm1, wb1))):
        np.testing.assert_allclose(scene.zoom.c2p(zm, zb), scene.ax.c2p(am, ab), atol=1e-9)
    # ... and the map under it is gone (faded), so the zoom hides nothing still drawn: every
    # mobject on screen that reaches into the frame belongs to the zoom
    for mob in (scene.ax, scene.ax_numbers, *scene.map_content()):
        assert mob not in scene.mobjects
    left, bottom, _ = scene.ax.c2p(wm0, wb0)
    right, top, _ = scene.ax.c2p(wm1, wb1)
    zoom_family = {id(m) for top_mob in (scene.zoom, scene.zoom_numbers, scene.zoom_group,
                                         scene.arrows, scene.zoom_landings,
                                         scene.floor_label, scene.tag)
                   for m in top_mob.get_family()}
    for mob in scene.mobjects:
        if not mob.get_family() or id(mob) in zoom_family or mob.width == mob.height == 0:
            continue
        over = (mob.get_left()[0] < right - 1e-6 and mob.get_right()[0] > left + 1e-6
                and mob.get_bottom()[1] < top - 1e-6 and mob.get_top()[1] > bottom + 1e-6)
        assert not over, f"{type(mob).__name__} under the zoom"
    # the zoom draws the good and the small path as the map does, cut to its window
    named = [(name, piece) for name in ("good", "too small")
             for piece in races.clip_polyline(trs[name].points, scene.zoom_window())]
    expected = [piece for _, piece in named]
    pieces = [_anchors(p, _unlaned(scene.zoom.p2c, name))
              for p, (name, _) in zip(scene.zoom_paths, named)]
    assert len(pieces) == len(expected) >= 2
    for got, want in zip(pieces, expected):
        np.testing.assert_allclose(got, want, atol=1e-9)
    for k, arrow in enumerate(scene.arrows, start=1):
        np.testing.assert_allclose(scene.zoom.p2c(arrow.get_start()), large.points[k - 1],
                                   atol=1e-6)
        np.testing.assert_allclose(scene.zoom.p2c(arrow.get_end()), large.points[k], atol=1e-6)
    # each lands on a dot; the older jumps fainter, the newest at full strength (no wedge)
    for k, (arrow, zoom_land, land) in enumerate(zip(scene.arrows, scene.zoom_landings,
                                                     scene.landings), start=1):
        np.testing.assert_allclose(scene.zoom.p2c(zoom_land.get_center()), large.points[k],
                                   atol=1e-6)
        np.testing.assert_allclose(scene.ax.p2c(land.get_center()), large.points[k], atol=1e-6)
        assert abs(arrow.get_stroke_opacity() - aged_opacity(n - k)) < 1e-6
    assert aged_opacity(0) == 1 and aged_opacity(1) == GHOSTS[0] < 0.35
    assert all(a > b for a, b in zip(GHOSTS, GHOSTS[1:])) and len(GHOSTS) <= 3
    assert aged_opacity(len(GHOSTS) + 1) == aged_opacity(50) == 0
    # they land on alternate sides of the valley, each farther out by |1 − α h_max| ≈ 1.042
    d = COST_DESCENT.across_valley(large)[: n + 1]
    assert np.all(np.sign(d[1:]) == -np.sign(d[:-1]))
    assert np.all(np.abs(d[1:]) > np.abs(d[:-1]))
    np.testing.assert_allclose(np.abs(d[1:] / d[:-1]), COST_DESCENT.growth_factor, rtol=2e-2)
    # the distance (the row under the note) × 1.042 each jump, at the precision at which its
    # square, J's growth 1.09, holds as written (1.04² would be 1.08)
    g = nb.latex(COST_DESCENT.growth_factor, places=GROWTH_PLACES)
    assert g == "1.042" and f"{float(g) ** 2:.{J_GROWTH_PLACES}f}" == "1.09"
    assert scene.note[0].original_text == "distance"
    assert scene.note[1].tex_string.endswith(r"\approx 1.042")
    assert scene.note[2].original_text == "each jump"
    assert tuple(line.original_text for line in scene.row) == jump_text(n, d[n - 1], d[n])
    # the large run's cost drawn up to the last shown step
    cost = _anchors(scene.curves["too large"], scene.plot.p2c)
    np.testing.assert_allclose(cost[:, 1], large.losses[: n + 1], rtol=1e-9)
    # the rates on the α axis, one linear scale: every tick, dot and the limit's line read
    # back at its value from the axis's two ends; each rate's words centred under its own dot
    line = scene.alpha[0]
    x0, x1 = line.line.get_start()[0], line.line.get_end()[0]
    per_unit = (x1 - x0) / 0.16
    for tick, number, a in zip(line.ticks, line.numbers, ALPHA_TICKS, strict=True):
        assert tick.get_center()[0] == pytest.approx(x0 + a * per_unit)
        assert number.get_center()[0] == pytest.approx(tick.get_center()[0])
        assert number.tex_string == nb.latex(a, places=2)
    assert np.allclose(np.diff(ALPHA_TICKS), 0.05)
    px = 480 / 8.0
    for name, lr in COST_DESCENT.learning_rates:
        dot = scene.rate_dots[name]
        assert dot.get_center()[0] == pytest.approx(x0 + lr * per_unit)
        assert abs(line.p2n(dot.get_center()) - lr) < 1e-9
        assert scene.rate_labels[name].get_center()[0] == pytest.approx(dot.get_center()[0])
        # below the tick numbers, never on them
        assert scene.rate_labels[name].get_top()[1] < line.numbers.get_bottom()[1]
        # every rate written to the ticks' two decimals
        assert scene.rate_labels[name][1].tex_string == rf"\alpha = {lr:.2f}"
    labels = [scene.rate_labels[name] for name, _ in COST_DESCENT.learning_rates]
    for left, right in zip(labels, labels[1:]):
        assert (right.get_left()[0] - left.get_right()[0]) * px > 6
    lim = scene.alpha[2]
    assert lim.get_center()[0] == pytest.approx(x0 + COST_DESCENT.max_stable_rate * per_unit)
    assert COST_DESCENT.learning_rates[1][1] < COST_DESCENT.max_stable_rate \
        < COST_DESCENT.learning_rates[-1][1]
    # the large rate's dot clear of the limit's line; the limit's label above the axis, ending
    # over its line, clear of every dot
    dot = scene.rate_dots["too large"]
    assert dot.get_left()[0] > lim.get_center()[0]
    lim_lab = scene.alpha[3]
    assert lim_lab.get_bottom()[1] > lim.get_top()[1] > line.line.get_center()[1]
    assert all(lim_lab.get_bottom()[1] > d.get_top()[1] for d in scene.rate_dots.values())
    # the limit muted (not the large rate's colour), the new symbol defined on screen
    assert lim.get_color() == ManimColor(scene.theme.muted) != ManimColor(scene.colors["too large"])
    assert H_MAX in scene.alpha[3].tex_string and "lambda" not in scene.alpha[3].tex_string
    assert "largest" in scene.alpha[4][0].original_text
    # the note on the jumps in a band of its own: 12 px or more under the rates' labels, its
    # step row 12 px or more over the plot's J label; the floor it names dotted in the zoom,
    # along the line where gdcore's distance across the valley is 0
    px = 480 / 8.0
    labels_bottom = min(lab.get_bottom()[1] for lab in scene.rate_labels.values())
    assert (labels_bottom - scene.note.get_top()[1]) * px >= 12 - 1e-6
    assert (scene.row.get_bottom()[1] - scene.j_label().get_top()[1]) * px >= 12
    dots = scene.floor.family_members_with_points()
    ends = np.array([scene.zoom.p2c(dots[0].get_start()), scene.zoom.p2c(dots[-1].get_end())])
    np.testing.assert_allclose(COST_DESCENT.across_valley(
        type(large)(points=ends, losses=None, diverged=False, steps_requested=1)), 0, atol=1e-6)
    assert scene.floor in scene.zoom_group


def test_the_large_run_stays_marked_where_it_leaves_the_map_and_the_note_says_which():
    scene = rendered(LearningRates)
    large = runs()["too large"]
    assert scene.leaves == COST_DESCENT.leaves_plot(large) < large.diverged_at
    assert scene.arrows not in scene.mobjects and scene.note not in scene.mobjects
    # the step words gone with the one-at-a-time steps
    assert scene.row not in scene.mobjects
    # the zoom and all it held gone, none back in the last frame; the map and its box back
    for mob in (*scene.zoom_group, *scene.zoom_landings, *scene.arrows, scene.zoom,
                scene.zoom_numbers, scene.box):
        assert mob not in scene.mobjects
        assert not any(mob in top.get_family() for top in scene.mobjects)
    for mob in (scene.ax, scene.ax_numbers, *scene.map_content()):
        assert mob in scene.mobjects
    # the fast-forward drew a short comet tail, never the whole zig-zag, and a dot per landing
    # from the last shown step to the exit; the dots stay, so that all three runs end on
    # screen, the tail gone (its last jump lay across the start and the safe paths)
    assert scene.rest.tail is not None and scene.rest.tail <= 3
    for mob in (scene.later, *scene.landings, scene.exit_mark):
        assert mob in scene.mobjects
    assert not any(scene.rest in top.get_family() for top in scene.mobjects)
    path = drawn_path(large.points)
    n = COST_DESCENT.shown_steps
    assert len(scene.later) == len(path) - n - 2
    for land, p in zip(scene.later, path[n + 1: -1]):
        np.testing.assert_allclose(scene.ax.p2c(land.get_center()), p, atol=1e-6)
        assert land.get_fill_opacity() == 1
    # the path leaves the map at gdcore's step: the first point outside the window
    (m0, m1), (b0, b1) = views.M_RANGE, views.B_RANGE
    inside = ((large.points[:, 0] >= m0) & (large.points[:, 0] <= m1)
              & (large.points[:, 1] >= b0) & (large.points[:, 1] <= b1))
    exit_step = int(np.argmin(inside))
    assert scene.exit_step == exit_step == len(path) - 1
    cross, words = scene.exit_mark
    np.testing.assert_allclose(scene.ax.p2c(cross.get_center()), path[-1], atol=1e-6)
    assert words[1].original_text == f"at step {exit_step}"
    # beside the map, clear of the cost plot and its tick numbers
    assert words.get_left()[0] > scene.ax.get_right()[0] - 0.05
    assert words.get_right()[0] < scene.plot.ax.get_left()[0]
    cost = _anchors(scene.curves["too large"], scene.plot.p2c)
    assert scene.leaves - 1 < cost[-1, 0] <= scene.leaves + 1e-6
    np.testing.assert_allclose(cost[-1, 1], COST_DESCENT.plot_top(large), rtol=1e-6)
    top = scene.plot.c2p(scene.leaves, COST_DESCENT.plot_top(large))
    assert scene.what.get_bottom()[1] > top[1] and abs(scene.what.get_center()[0] - top[0]) < 2.5
    # cut at the chart's top with an arrow going on up from where the curve ends; the note
    # clear above the arrow (>= 12 px at 480p)
    end = scene.curves["too large"].get_end()
    assert scene.climb.get_start()[1] < end[1] < scene.climb.get_end()[1]
    assert scene.climb.get_center()[0] == pytest.approx(end[0])
    assert (scene.what.get_bottom()[1] - scene.climb.get_top()[1]) * 480 / 8.0 >= 12
    assert scene.climb in scene.mobjects
    # the note names what leaves the chart (J, not the path)
    assert scene.what[0].original_text == f"$J$ leaves the chart at step {scene.leaves}:"
    # which quantity grows by which factor: J, the distance's square, × 1.09 ≈ 1.042² a step
    assert scene.what[1].original_text == r"$J\,\times\,1.09 \approx 1.042^2$ per step"


def test_captions_are_plain_words_in_reading_order():
    scene = rendered(LearningRates)
    words = [spoken(kind, w) for sec in scene.caption_log for _, kind, w in sec["words"]]
    assert not any("\\" in w for w in words)
    assert "h(max)" not in " ".join(words) and "λ" not in " ".join(words)
    # "distance" read before its factor, and "each jump" after it; the floor named once
    assert words.count("valley floor") == 1
    i = words.index("distance")
    assert words[i + 1].startswith("× |1 − α hₘₐₓ| ≈ 1.042")
    assert words[i + 2] == "each jump"


def test_the_step_axis_is_numbered_as_a_count_and_j_star_is_held():
    from manim import MathTex

    scene = rendered(LearningRates)
    ticks = [m.get_tex_string() for m in scene.plot.ax.submobjects if isinstance(m, MathTex)]
    assert "1{,}000" in ticks and "1000" not in ticks
    assert RESULT_HOLD >= 3.5 and scene.j_star_label in scene.mobjects
    assert scene.time - scene.j_star_at >= RESULT_HOLD
    assert scene.j_star_label.get_tex_string() == r"J^* = 0.00903"  # as the stills write it
    # no curve passes through it: every curve's point within its width is above its top
    label = scene.j_star_label
    for name, curve in scene.curves.items():
        pts = np.asarray(curve.get_anchors())
        under = pts[(pts[:, 0] >= label.get_left()[0]) & (pts[:, 0] <= label.get_right()[0])]
        assert len(under) and under[:, 1].min() > label.get_top()[1], name


def test_the_words_over_the_cost_plot_stand_clear_of_its_j_label():
    """The jump note, its step row and the closing note stand right of the J axis label, a
    clear 24 px at 480p (they lie over the plot, level with the label's top or just above it);
    the closing note spans the arrow where the curve leaves the chart and keeps the margin."""
    scene = rendered(LearningRates)
    px = 480 / 8.0
    j = scene.j_label()
    assert j.get_tex_string() == "J"
    for words in (scene.note, scene.row, scene.what):
        assert (words.get_left()[0] - j.get_right()[0]) * px >= 24
        assert words.get_right()[0] < 7.111 - 24 / px
    x = scene.climb.get_center()[0]
    assert scene.what.get_left()[0] < x < scene.what.get_right()[0]


def _gap(a, b) -> float:
    """How far apart two mobjects' boxes are (scene units): the larger of their horizontal and
    vertical gaps; negative if they overlap."""
    return max(a.get_left()[0] - b.get_right()[0], b.get_left()[0] - a.get_right()[0],
               a.get_bottom()[1] - b.get_top()[1], b.get_bottom()[1] - a.get_top()[1])


def _shown(mob) -> bool:
    """Whether any part of mob is drawn (an image, or a path with some opacity)."""
    return any(hasattr(m, "pixel_array") or any(len(r) and r[:, 3].max() > 0
                                                 for r in (m.fill_rgbas, m.stroke_rgbas))
               for m in mob.family_members_with_points())


def _watch(scene):
    """After a play, once h_max's definition is on screen: its gap to the limit's label, and
    its least gap to anything else shown (every other mobject of the scene; the α axis's line,
    ticks and numbers each on its own), with what that is."""
    alpha = scene.__dict__.get("alpha")
    if alpha is None:
        return None
    line, _, _, lim_lab, h_def = alpha
    if h_def not in scene.mobjects or not _shown(h_def):
        return None
    others = []
    for mob in scene.mobjects:
        if mob is line:
            others += [line.line, *line.ticks, *line.numbers]
        elif mob is not h_def and (mob.width or mob.height) and _shown(mob):
            others.append(mob)
    nearest = min(others, key=lambda m: _gap(h_def, m))
    return _gap(h_def, lim_lab), _gap(h_def, nearest), type(nearest).__name__


WATCHERS[LearningRates] = _watch


def test_the_definition_of_h_max_stands_apart_from_the_limit_and_everything_else():
    """The grey note defining h_max never runs into the limit's label 2/h_max ≈ 0.137: at the
    end of every play after it comes in, their boxes are DEF_APART (48 px) or more apart, and
    the note is DEF_CLEAR (12 px) or more from everything else shown (the title, the α axis's
    ticks and numbers, the rates' dots and labels, the notes that come later)."""
    scene = rendered(LearningRates)
    seen = [n for n in scene.notes if n is not None]
    assert len(seen) > 20  # from the set-up to the last play
    px = 480 / 8
    assert DEF_APART * px >= 48 and DEF_CLEAR * px >= 12
    for apart, clear, what in seen:
        assert apart >= DEF_APART, apart
        assert clear >= DEF_CLEAR, (clear, what)
    # apart across, side by side (two notes, not one line), and under the title
    line, _, _, lim_lab, h_def = scene.alpha
    assert lim_lab.get_left()[0] - h_def.get_right()[0] >= DEF_APART
    assert scene.title.get_bottom()[1] - h_def.get_top()[1] >= DEF_CLEAR
    assert h_def.get_bottom()[1] - line.ticks.get_top()[1] >= DEF_CLEAR


def test_each_jumps_distance_stands_as_a_bar_beside_the_map():
    """One bar per shown jump, its height gdcore's distance from the valley floor after it (one
    scale, so the growth ×1.042 a jump is seen), on a solid baseline of its own, between the
    map's frame and the cost plot's numbers, a clear line (24 px) over the plot's foot and its
    dotted J* line (dotted, level with the map's bottom, the bars' base read as that line run on
    to the left); the older arrows a ghost, the newest whole."""
    scene = rendered(LearningRates, upto="jumps")
    n = COST_DESCENT.shown_steps
    d = np.abs(COST_DESCENT.across_valley(runs()["too large"])[1: n + 1])
    heights = np.array([bar.height for bar in scene.bars])
    np.testing.assert_allclose(heights, scene.bar_per_unit * d, rtol=1e-9)
    assert np.all(np.diff(heights) > 0)
    lefts = [bar.get_left()[0] for bar in scene.bars]
    assert np.all(np.diff(lefts) > 0)
    for bar in scene.bars:
        assert bar.get_bottom()[1] == pytest.approx(scene.bar_floor.get_center()[1])
        assert bar in scene.mobjects
    px = 854 / 14.222
    floor = scene.bar_floor
    assert isinstance(floor, Line) and floor.get_color() == ManimColor(scene.theme.muted)
    base = floor.get_center()[1]
    assert np.isclose(floor.get_start()[1], floor.get_end()[1])
    assert (base - scene.plot.c2p(0, scene.j_star)[1]) * px >= 24
    assert (base - PLOT_FOOT) * px >= 24
    assert floor.get_left()[0] < scene.bars[0].get_left()[0]
    assert floor.get_right()[0] > scene.bars[-1].get_right()[0]
    corner = scene.ax.c2p(views.M_RANGE[1], views.B_RANGE[0])
    assert (scene.bar_floor.get_left()[0] - corner[0]) * px >= 12
    numbers = [m for m in scene.plot.ax.submobjects if m.get_left()[0] < scene.plot.c2p(0, 1)[0]]
    assert numbers and all((m.get_left()[0] - scene.bar_floor.get_right()[0]) * px >= 12
                           for m in numbers)
    assert [a.get_stroke_opacity() for a in scene.arrows] == pytest.approx(
        [0.0] * (n - 1 - len(GHOSTS)) + list(GHOSTS[::-1]) + [1.0])


def test_the_bars_say_what_they_measure_and_the_newest_ones_value():
    """Over the bars, what they measure (the note's words) and the newest bar's value, gdcore's
    distance at two decimals, on its bar; both clear of the map's frame (12 px at 480p)."""
    scene = rendered(LearningRates, upto="jumps")
    n = COST_DESCENT.shown_steps
    d = np.abs(COST_DESCENT.across_valley(runs()["too large"]))
    assert [w.original_text for w in scene.bar_label] == ["bar height:", "distance from",
                                                          "the valley floor"]
    assert scene.bar_value.original_text == nb.text(d[n], places=2)
    last = scene.bars[-1]
    assert scene.bar_value.get_bottom()[1] > last.get_top()[1]
    assert scene.bar_value.get_left()[0] < last.get_center()[0] < scene.bar_value.get_right()[0]
    assert scene.bar_label.get_bottom()[1] > scene.bar_value.get_top()[1]
    frame_right = scene.ax.c2p(views.M_RANGE[1], views.B_RANGE[0])[0]
    px = 480 / 8
    for mob in (scene.bar_label, scene.bar_value):
        assert mob in scene.mobjects
        assert (mob.get_left()[0] - frame_right) * px >= 12 - 1e-6


def test_the_paths_stay_and_move_with_the_map_as_the_zoom_opens():
    """Out of the zoom, the safe paths, the start and the shown landings are redrawn from the
    window every frame: where the zoom drew them when it begins, where the map draws them when
    it ends (the map's own take their place: nothing fades out and back)."""
    from manim import ValueTracker

    scene = rendered(LearningRates, upto="jumps")
    (fm0, fm1), (fb0, fb1) = views.M_RANGE, views.B_RANGE
    lo, hi = scene.ax.c2p(fm0, fb0), scene.ax.c2p(fm1, fb1)
    for s, axes in ((0.0, scene.zoom), (1.0, scene.ax)):
        live, swaps = scene.live_marks(ValueTracker(s), lo, hi)
        good, small = live[0], live[1]
        for line, name in ((good, "good"), (small, "too small")):
            want = races.clip_polyline(drawn_path(runs()[name].points), scene.zoom_window_at(s))
            np.testing.assert_allclose(_anchors(line, _unlaned(axes.p2c, name)),
                                       np.vstack(want), atol=1e-6)
            assert line.get_stroke_width() == scene.trails[name].get_stroke_width()
        n = COST_DESCENT.shown_steps
        for dot, p in zip(live[2: 2 + n], runs()["too large"].points[1:]):
            np.testing.assert_allclose(axes.p2c(dot.get_center()), p, atol=1e-6)
        # the ends and the minimum come back over the first part of the opening
        assert all(m.get_fill_opacity() == s for m in live[2 + n: 5 + n])
        if s == 1.0:
            assert swaps[:2] == [scene.trails["good"], scene.trails["too small"]]
            for mob, twin in zip(live[2:], swaps[2:]):
                np.testing.assert_allclose(mob.get_center(), twin.get_center(), atol=1e-6)
                assert mob.width == pytest.approx(twin.width)
    # the small rate's short crawl on top of the good path, narrower, so the good one shows
    # either side of it where they share the valley
    small, good = scene.trails["too small"], scene.trails["good"]
    assert small.z_index > good.z_index
    assert good.get_stroke_width() - small.get_stroke_width(background=True) >= 6
    # ... and in a lane of its own beside it: across every leg of the small path longer than a
    # pixel, its lane clears the good path's half width and its own with its casing (so the
    # two read apart from the start); the same offset in the zoom (above)
    px, unit = 480 / 8.0, 1.8 / 6 / (480 / 8.0)  # a stroke unit: 0.3 px at 480p
    pts = np.array([scene.ax.c2p(*p) for p in drawn_path(runs()["too small"].points)])
    legs = np.diff(pts[:, :2], axis=0)
    length = np.hypot(*legs.T)
    way = legs[length > 1 / px] / length[length > 1 / px, None]
    across = np.abs(way[:, 0] * SMALL_LANE[1] - way[:, 1] * SMALL_LANE[0])
    assert len(way) >= 5
    assert across.min() >= (GOOD_WIDTH / 2 + SMALL_WIDTH / 2 + SMALL_CASING) * unit


def test_each_step_line_and_bar_value_change_in_one_frame_and_the_newest_landing_is_numbered():
    """As each jump lands, the line "step k: a → b" and the newest bar's value are replaced
    whole (never two lines or two values on screen, no digits fading over digits); the newest
    landing alone carries its number, across the jump from its dot, clear of it."""
    from manim import Text

    assert jump_text(2, 1.40, -1.46) == ("step 2: 1.40 → 1.46",)
    scene = rendered(LearningRates, upto="jumps")
    n = COST_DESCENT.shown_steps
    texts = [m for top in scene.mobjects for m in top.get_family() if isinstance(m, Text)]
    assert [m for m in texts if m.original_text.startswith("step")] == [scene.row[0]]
    values = [m for m in texts if m.get_left()[0] < scene.note.get_left()[0]
              and m.original_text[:1].isdigit()]
    assert values == [scene.bar_value]
    tag = scene.tag
    assert tag in scene.mobjects and tag.get_tex_string() == str(n)
    large = runs()["too large"]
    at = scene.zoom.c2p(*large.points[n])
    way = at - scene.zoom.c2p(*large.points[n - 1])
    off = tag.get_center() - at
    assert abs(np.dot(off, way)) < 1e-6 * np.linalg.norm(way)
    assert np.linalg.norm(off) - max(tag.width, tag.height) / 2 > 0.05
    # the safe paths faded under the jumps
    for path in scene.zoom_paths:
        assert path.get_stroke_opacity() == pytest.approx(OTHERS)


def test_the_zoom_is_one_map_in_one_frame():
    from manim import DL, UR, ImageMobject

    # one map: the zoom's picture is the one image on screen (the map's was redrawn into it as
    # its window closed, never faded under it), and the window moves one way, from the map's
    # to the box's
    scene = rendered(LearningRates, upto="jumps")
    images = [m for top in scene.mobjects for m in top.get_family()
              if isinstance(m, ImageMobject)]
    assert images == [scene.zoom_group[0]] and scene.map_img not in scene.mobjects
    for s, window in ((0.0, scene.zoom_window()), (1.0, (views.M_RANGE, views.B_RANGE))):
        np.testing.assert_allclose(scene.zoom_window_at(s), window, atol=1e-9)
    widths = [np.diff(scene.zoom_window_at(s)[0])[0] for s in np.linspace(0, 1, 11)]
    assert all(a < b for a, b in zip(widths, widths[1:]))
    # one frame round the zoom: the box's outline, grown to the map's frame, is the zoom's own
    # frame (the zoom's axes keep none of their own, the map's went once they coincided)
    outline = scene.zoom_outline
    assert outline in scene.zoom.submobjects
    assert scene.zoom.frame not in scene.zoom.get_family()
    assert scene.map_frame not in scene.mobjects and scene.ax.frame not in scene.ax.get_family()
    (m0, m1), (b0, b1) = views.M_RANGE, views.B_RANGE
    lo, hi = scene.ax.c2p(m0, b0), scene.ax.c2p(m1, b1)
    np.testing.assert_allclose(outline.get_corner(DL), lo, atol=1e-6)
    np.testing.assert_allclose(outline.get_corner(UR), hi, atol=1e-6)
