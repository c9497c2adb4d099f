"""The batch-vs-stochastic scene: its drawing against gdcore's runs."""

import numpy as np
import pytest
from frames import rendered
from manim import LEFT, RIGHT, ManimColor, VGroup, config

from gdcore import races, regression
from gdcore.data import regression_points
from gdviz import numbers
from gdviz.colors import mix
from gdviz.manim_blocks import Trail
from gdviz.manim_theme import MIN_TEXT_PX, digit_px
from gdviz.theme import CASING_WIDTH
from scenes.batch_vs_stochastic import (
    AGES,
    DARK_FADE,
    DARK_MAP_FADE,
    END_HOLDS,
    FADE,
    FULL_WIDTH,
    HEADER_GAP,
    HEADER_MARGIN,
    KEY_ROOM,
    MAP_TICK_SIZE,
    MARGIN,
    MEAN_WIDTHS,
    OLD_CASING,
    OLD_WIDTH,
    RAW_INK,
    RAW_WIDTH,
    STOPS,
    TAIL,
    VALUE_GAP,
    WIDTH,
    Y_EXP,
    BatchVsStochastic,
)

RACE = races.BATCH_RACE


def _anchors(mob, to_data):
    a = mob.get_anchors()
    return np.array([to_data(p) for p in np.vstack([a[:1], a[1::2]])])


def _trails(m) -> list:
    return [*m["layers"], m["tail"]]


def test_each_map_shows_only_its_run():
    scene = rendered(BatchVsStochastic)
    assert scene.k() == RACE.steps
    trs = races.run_batch_race(RACE)
    assert list(scene.runs) == list(trs) == list(RACE.labels)
    assert len(scene.maps) == 3
    bg = scene.theme.background
    for m, (name, tr) in zip(scene.maps, trs.items(), strict=True):
        ax, c = m["ax"], scene.colors[name]
        assert m["label"].original_text == name
        # named over its map beside a stroke of its colour: the key of its chart curves too
        assert m["swatch"].get_color() == ManimColor(c)
        assert m["swatch"].get_right()[0] < m["label"].get_left()[0]
        # every path on this map is this run's, in this run's colour (or a fade of it)
        for trail in _trails(m):
            assert isinstance(trail, Trail) and trail.ax is ax
            assert np.array_equal(trail.path, tr.points)
        np.testing.assert_allclose(ax.p2c(m["dot"].get_center()), tr.final, atol=1e-9)
        np.testing.assert_allclose(ax.p2c(m["start"].get_center()), RACE.start, atol=1e-9)
        # the start ring over every step drawn across it, under the moving dot
        assert max(tr.z_index for tr in _trails(m)) < m["start"].z_index < m["dot"].z_index
        assert m["tail"].get_stroke_color() == ManimColor(c)
        if name == RACE.labels[0]:
            # the full batch's path whole in its colour, wider, on a casing of the page colour
            (layer,) = m["layers"]
            assert layer.get_stroke_color() == ManimColor(c)
            assert layer.get_stroke_width() == FULL_WIDTH > WIDTH
            assert layer.get_stroke_color(background=True) == ManimColor(bg)
            assert layer.get_stroke_width(background=True) == FULL_WIDTH + 2 * CASING_WIDTH
        else:
            # the moment's steps on the house's casing, as the race paths; the older ones on a
            # thinner one on the dark page
            assert m["tail"].get_stroke_color(background=True) == ManimColor(bg)
            assert m["tail"].get_stroke_width(background=True) == WIDTH + 2 * CASING_WIDTH
            fade = DARK_FADE if scene.theme.name == "dark" else FADE
            for layer, f in zip(m["layers"], fade[::-1], strict=True):
                assert layer.get_stroke_color() == ManimColor(mix(bg, c, f))
                # the older steps thinner than the recent ones: hundreds of jumps stay a web
                # of lines under the moment's steps, never a blot
                assert layer.get_stroke_width() == OLD_WIDTH < WIDTH
                if scene.theme.name == "dark":
                    assert layer.get_stroke_color(background=True) == ManimColor(bg)
                    assert layer.get_stroke_width(background=True) == OLD_WIDTH + 2 * OLD_CASING
                assert 0 < OLD_CASING < CASING_WIDTH
        for layer in m["layers"]:
            assert layer.get_stroke_opacity() == 1  # solid, never see-through over the map
        # the whole path drawn (the faintest layer), none cut
        np.testing.assert_allclose(_anchors(m["layers"][0], ax.p2c), tr.points, atol=1e-9)
    # no trail of one run lies on another's map
    axes = [m["ax"] for m in scene.maps]
    for i, m in enumerate(scene.maps):
        assert all(tr.ax is axes[i] for tr in _trails(m))
    # the minimum the house's ink star on every map
    for m in scene.maps:
        assert m["star"].get_fill_color() == ManimColor(scene.theme.text)
    # the colours: theme.batch of each run, three distinct
    assert [scene.colors[n] for n in trs] == list(scene.theme.batches)
    assert len(set(scene.theme.batches)) == 3


def test_steps_fade_with_age():
    scene = rendered(BatchVsStochastic)
    trs = races.run_batch_race(RACE)
    k = 150
    scene.step.set_value(k)
    for i, (m, tr) in enumerate(zip(scene.maps, trs.values(), strict=True)):
        ax = m["ax"]
        for trail in _trails(m):
            trail.update()
        if i == 0:  # the full batch: its whole path drawn as one, its tail on it
            np.testing.assert_allclose(_anchors(m["layers"][0], ax.p2c), tr.points[:k + 1],
                                       atol=1e-9)
            assert m["layers"][0].z_index < m["tail"].z_index
            continue
        whole, recent = m["layers"]
        np.testing.assert_allclose(_anchors(whole, ax.p2c), tr.points[:k + 1], atol=1e-9)
        np.testing.assert_allclose(_anchors(recent, ax.p2c), tr.points[k - AGES[0]:k + 1],
                                   atol=1e-9)
        np.testing.assert_allclose(_anchors(m["tail"], ax.p2c), tr.points[k - TAIL:k + 1],
                                   atol=1e-9)
        # the younger the steps, the higher they lie and the nearer their colour is the run's
        assert whole.z_index < recent.z_index < m["tail"].z_index
        # a dot on each point of the last TAIL steps, over their strokes
        dots = m["steps"].update()
        np.testing.assert_allclose(dots.reached(), tr.points[k - TAIL:k + 1])
        np.testing.assert_allclose([ax.p2c(d.get_center()) for d in dots],
                                   tr.points[k - TAIL:k + 1], atol=1e-9)
        assert all(d.get_fill_opacity() == 1 for d in dots)
        assert dots.z_index > m["tail"].z_index
    assert FADE[0] > FADE[1] and AGES[0] > TAIL
    scene.step.set_value(RACE.steps)
    for m in scene.maps:
        for trail in _trails(m):
            trail.update()


def test_the_chart_is_each_maps_run_and_gdcores_seed_means_from_one_start():
    scene = rendered(BatchVsStochastic)
    plot = scene.cost[0]
    trs = races.run_batch_race(RACE)
    smooth = races.smoothed_costs(RACE, races.BATCH_SUMMARY)
    x, y = scene.x, scene.y
    j0 = regression.cost(*RACE.start, x, y)
    for name in RACE.labels:
        raw, bold = scene.raw_curves[name], scene.curves[name]
        pts = _anchors(raw, plot.p2c)
        np.testing.assert_allclose(pts[:, 0], np.arange(RACE.steps + 1), atol=1e-6)
        # the thin curve is the map's own run (seed 0): its ball's J at every step, uncut
        assert np.max(trs[name].losses) < 10.0 ** Y_EXP[1]
        np.testing.assert_allclose(pts[:, 1], trs[name].losses, rtol=1e-9)
        assert abs(pts[0, 1] - j0) < 1e-9 * j0  # the curves start at one J
        # the seed mean, smoothed, bold in the run's colour over it
        np.testing.assert_allclose(_anchors(bold, plot.p2c)[:, 1], smooth[name], rtol=1e-9)
        c = scene.colors[name]
        # the thin one faint (RAW_INK of the way from the page), the bold one in full
        assert bold.get_stroke_color() == ManimColor(c)
        assert raw.get_stroke_color() == ManimColor(mix(scene.theme.background, c, RAW_INK))
        assert RAW_INK <= 0.5
        assert raw.get_stroke_width() == RAW_WIDTH < bold.get_stroke_width()
        assert raw.z_index < min(cv.z_index for cv in scene.curves.values())
    full = scene.curves[RACE.labels[0]]
    assert all(full.z_index > c.z_index for c in list(scene.curves.values())[1:])
    # the two kinds of curve named in ink, each beside three strokes drawn as its curves are:
    # of its width, in the runs' colours (the thin ones as faint as the thin curves)
    n = len(races.BATCH_SUMMARY.seeds)
    (thin, thin_words), (bold, bold_words), (route, route_words) = scene.key
    assert thin_words.original_text == f"seed {RACE.seed}, as on the maps"
    assert bold_words.original_text == f"mean of {n} seeds"
    # and the sampled maps' route, beside two strokes drawn as it is, in their colours
    assert route_words.original_text == f"maps: {races.BATCH_SUMMARY.smooth_steps}-step average"
    assert [s.get_stroke_width() for s in route] == [FULL_WIDTH] * 2
    assert [s.get_color() for s in route] == [ManimColor(c) for c in
                                              list(scene.colors.values())[1:]]
    ink = ManimColor(scene.theme.text)
    for _stroke, words in scene.key:
        assert words.get_color() == ink
    bg = scene.theme.background
    for strokes, width, want in ((thin, RAW_WIDTH, scene.raw_curves),
                                 (bold, MEAN_WIDTHS[1], scene.curves)):
        assert len(strokes) == 3
        assert [s.get_stroke_width() for s in strokes] == [width] * 3
        assert [s.get_color() for s in strokes] == [c.get_stroke_color() for c in want.values()]
    assert [s.get_color() for s in thin] == [ManimColor(mix(bg, c, RAW_INK))
                                            for c in scene.colors.values()]
    # J*: dotted in ink across the chart, written as the still writes it
    j_star = regression.cost(*regression.least_squares(x, y), x, y)
    for end, t in ((scene.j_line.get_start(), 0), (scene.j_line.get_end(), RACE.steps)):
        tt, jj = plot.p2c(end)
        assert abs(tt - t) < 1e-6 and abs(jj / j_star - 1) < 1e-9
    assert scene.j_line.get_color() == ManimColor(scene.theme.text)
    # named as the minimum with its number, on its line at the left, under it: apart from the
    # runs' means at the right
    assert numbers.cost(j_star) == "0.00903"
    assert scene.j_label.original_text == "minimum $J^* = 0.00903$"
    assert scene.j_label.get_color() == ManimColor(scene.theme.text)
    assert scene.j_label.get_bottom()[1] > scene.j_line.get_y()
    assert scene.j_label.get_right()[0] < plot.c2p(RACE.steps / 2, j_star)[0]
    # over the line, clear of every curve under its words
    left, right = scene.j_label.get_left()[0], scene.j_label.get_right()[0]
    for curve in (*scene.raw_curves.values(), *scene.curves.values()):
        pts = np.asarray(curve.get_anchors())
        under = pts[(pts[:, 0] >= left) & (pts[:, 0] <= right)]
        assert len(under) and under[:, 1].min() > scene.j_label.get_top()[1]
    # the cost axis ends under J*, the least any run reaches (no empty decade under the data)
    assert 10.0 ** Y_EXP[0] == pytest.approx(0.005)
    assert 10.0 ** Y_EXP[0] < j_star < 2 * 10.0 ** Y_EXP[0]


def test_the_counter_shows_the_step_under_way():
    scene = rendered(BatchVsStochastic)
    for s, shown in ((0.0, 0), (0.05, 1), (1.0, 1), (1.5, 2), (RACE.steps, RACE.steps)):
        scene.step.set_value(s)
        assert scene.shown_step() == shown
    scene.step.set_value(RACE.steps)


def test_end_values_are_gdcores_fair_means():
    scene = rendered(BatchVsStochastic)
    summary = races.BATCH_SUMMARY
    settled = races.settled_costs(RACE, summary)
    assert scene.settled == settled
    plot = scene.cost[0]
    # to three significant figures, as the still writes them (figures.batch_vs_stochastic)
    from figures.batch_vs_stochastic import settled_text as still_text

    assert [v.tex_string for v in scene.values] == ["0.0235", "0.0736", "0.133"]
    assert [v.tex_string for v in scene.values] == [still_text(v) for v in settled.values()]
    # the chart's cost axis named J, the house symbol of a curve of J per step
    assert [m.tex_string for m in plot.ax.labels] == ["J"]
    for value in scene.values:
        # the number in ink, right of the chart
        assert value.get_color() == ManimColor(scene.theme.text)
        assert value.get_left()[0] > plot.c2p(RACE.steps, 1)[0]
    # no mean level drawn over the data: the chart's right edge keys each number
    assert not hasattr(scene, "levels")
    # each number tied to its level's end by a line in its run's colour, in the values' order
    for leader, value, (name, v) in zip(scene.leaders, scene.values, settled.items(),
                                        strict=True):
        t, j = plot.p2c(leader.get_start() + 0.06 * LEFT)
        assert abs(t - RACE.steps) < 1e-6 and abs(j / v - 1) < 1e-9
        assert np.allclose(leader.get_end() + 0.06 * RIGHT, value.get_left())
        assert leader.get_color() == ManimColor(scene.colors[name])
    column = list(scene.values)
    ys = [v.get_y() for v in column]
    assert ys[0] < ys[1] < ys[2]
    for a, b in zip(column, column[1:]):
        assert b.get_bottom()[1] - a.get_top()[1] >= VALUE_GAP - 1e-9 > 0.1
    head = " ".join(line.original_text for line in scene.values_head)
    assert head == f"mean of the last {summary.last_steps} steps"
    # beside the numbers, clear of them
    assert scene.values_head.get_left()[0] > max(v.get_right()[0] for v in scene.values)
    full, mini, single = settled.values()
    assert full < mini < single
    # held: the numbers on screen over 4 s before the end, never 2 s without a change
    assert 0.8 + END_HOLDS[0] + 0.7 + END_HOLDS[1] >= 4.0
    assert max(END_HOLDS) < 2.0


def test_first_steps_are_slow_then_faster():
    (k1, s1), (k2, s2), (k3, s3) = STOPS
    # the first steps (the key moment: the noise), one at a readable pace, longer than the
    # catch-up after them
    assert k1 >= 15 and s1 / k1 >= 0.5 and s1 >= 9.0 and s2 + s3 <= 10.0
    assert s2 / (k2 - k1) < s1 / k1 and s3 / (k3 - k2) < s2 / (k2 - k1)
    assert k3 == RACE.steps
    # the descent takes longer than the set-up before it
    assert s1 + s2 + s3 > 2 * 4.0


def test_layout_keeps_the_margin_and_the_text_size():
    scene = rendered(BatchVsStochastic)
    w, h = config.frame_width / 2, config.frame_height / 2
    tops = [m for m in scene.mobjects if m is not scene.step]
    assert len(tops) > 10
    tol = 0.01  # under a pixel: the frame's width follows the pixel aspect of the render
    for m in tops:
        assert m.get_left()[0] >= -w + MARGIN - tol and m.get_right()[0] <= w - MARGIN + tol, m
        assert m.get_bottom()[1] >= -h + MARGIN - tol and m.get_top()[1] <= h - MARGIN + tol, m
    words = [scene.title, *scene.values_head, *scene.values, *scene.j_label,
             *(m["label"] for m in scene.maps), *(words for _, words in scene.key)]
    for mob in words:
        assert digit_px(mob) >= MIN_TEXT_PX - 1e-6
    # the maps' tick numbers over 13 px
    assert MAP_TICK_SIZE > 30
    for m in scene.maps:
        nums = [n for n in m["ax"].submobjects if hasattr(n, "tex_string")
                and n.tex_string not in ("m", "b")]
        assert nums and all(digit_px(n) >= 13 for n in nums)
    # the values' head clear of the chart's t label
    t_label = scene.cost[0].ax.submobjects[-1]
    assert t_label.tex_string == "t"
    assert scene.values_head.get_left()[0] - t_label.get_right()[0] >= 0.1
    # the header's row further in than the margin: the title, and the counter and the rate at
    # its right, apart, both clear over the map labels
    for m in (scene.title, scene.info):
        assert m.get_top()[1] <= h - HEADER_MARGIN + tol and HEADER_MARGIN > MARGIN
    assert scene.info.get_right()[0] <= w - HEADER_MARGIN + tol
    assert scene.info.get_left()[0] - scene.title.get_right()[0] > 0.5
    for m in scene.maps:
        assert m["label"].get_top()[1] < scene.title.get_bottom()[1] - HEADER_GAP + 1e-6
        assert m["label"].get_top()[1] < scene.info.get_bottom()[1] - HEADER_GAP + 1e-6
    labels = [m["label"] for m in scene.maps]
    for a, b in zip(labels, labels[1:]):
        assert b.get_left()[0] - a.get_right()[0] > 0.3
    # the key's row under the maps' tick numbers and axis names, over the chart
    plot = scene.cost[0]
    chart = VGroup(*(m for m in plot.ax.submobjects if m is not plot.ax.labels))
    assert scene.key.get_top()[1] <= min(m["ax"].get_bottom()[1] for m in scene.maps) - KEY_ROOM
    assert KEY_ROOM * config.pixel_width / config.frame_width >= 12 - 1e-6
    assert scene.key.get_bottom()[1] > chart.get_top()[1]
    # its axis named J beside its own axis, left of the tick numbers, at the axis's middle
    (name,) = plot.ax.labels
    ticks = VGroup(*plot.ax.y_axis.labels)
    assert name.tex_string == "J" and name.get_right()[0] < ticks.get_left()[0]
    bottom, top = plot.c2p(0, 10.0 ** Y_EXP[0])[1], plot.c2p(0, 10.0 ** Y_EXP[1])[1]
    assert abs(name.get_y() - 0.5 * (bottom + top)) < 1e-6
    assert ticks.get_left()[0] - name.get_right()[0] >= 0.2
    # the decades numbered as decimals at the house's tick size, 0.01 to 1, each on its tick
    assert [n.tex_string for n in ticks] == ["0.01", "0.1", "1"]
    for tick, n in zip(plot.ax.y_axis.ticks, ticks, strict=True):
        assert abs(tick.get_y() - n.get_y()) < 1e-6
    for n in ticks:
        assert digit_px(n) >= MIN_TEXT_PX - 1e-6
        assert abs(10.0 ** round(np.log10(plot.p2c(n.get_center())[1]))
                   - float(n.tex_string)) < 1e-12


def test_the_dark_map_is_calmed_towards_the_page():
    """The dark theme's map fills are mixed DARK_MAP_FADE of the way to the page: every band
    darker, so the sampled runs' blue and green gain contrast against every band of it."""
    from gdviz.colors import rgb
    from gdviz.manim_blocks import contour_rgba
    from gdviz.race_plot import batch_colors
    from gdviz.theme import THEMES, contrast

    dark = THEMES["dark"]
    x, y = races.BATCH_RACE.window
    grid = regression.cost_grid(*regression_points(), x, y, size=40)[2]
    plain = np.unique(contour_rgba(dark, grid, lines=False)[..., :3].reshape(-1, 3), axis=0)
    calm = np.unique(contour_rgba(dark, grid, lines=False, fade=DARK_MAP_FADE)[..., :3]
                     .reshape(-1, 3), axis=0)
    page = np.asarray(rgb(dark.background)) * 255
    assert np.all(np.abs(calm.mean(axis=0) - page) < np.abs(plain.mean(axis=0) - page))

    def hexes(px):
        return ["#{:02X}{:02X}{:02X}".format(*map(int, p)) for p in px]

    for c in batch_colors(dark)[1:]:
        worst = min(contrast(c, f) for f in hexes(calm))
        assert worst > min(contrast(c, f) for f in hexes(plain))


def test_the_sampled_maps_draw_their_route_behind_the_step():
    """On the sampled maps each run's route (races.route: its path averaged over the
    smooth_steps steps centred on each step, the still's), in its colour, as wide as the full
    batch's path on the same casing, over the web and under the moment's steps, drawn to
    ROUTE_LAG steps behind the step reached (every step of its last point's window reached),
    whole at the last step. Under the web alone nothing said which way the runs drifted."""
    from scenes.batch_vs_stochastic import ROUTE_LAG

    scene = rendered(BatchVsStochastic)
    trs = races.run_batch_race(RACE)
    bg = scene.theme.background
    assert ROUTE_LAG == races.BATCH_SUMMARY.smooth_steps // 2
    assert len(scene.maps[0]["route"]) == 0  # the full batch's path is its own route
    k = 150
    try:
        for want in (k, RACE.steps):
            scene.step.set_value(want)
            for m, (name, tr) in list(zip(scene.maps, trs.items(), strict=True))[1:]:
                route, ax = m["route"], m["ax"]
                assert isinstance(route, Trail) and route.ax is ax
                np.testing.assert_allclose(route.path, races.route(tr.points))
                route.update()
                end = want - ROUTE_LAG if want < RACE.steps else RACE.steps
                np.testing.assert_allclose(_anchors(route, ax.p2c),
                                           races.route(tr.points)[:end + 1], atol=1e-9)
                assert route.get_stroke_color() == ManimColor(scene.colors[name])
                assert route.get_stroke_width() == FULL_WIDTH
                assert route.get_stroke_color(background=True) == ManimColor(bg)
                assert max(layer.z_index for layer in m["layers"]) < route.z_index
                assert route.z_index < m["tail"].z_index
    finally:
        scene.step.set_value(RACE.steps)
        for m in scene.maps[1:]:
            m["route"].update()
