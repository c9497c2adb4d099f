"""The race-saddle scene (frames: test_scene_frames.py): its drawing against gdcore's race."""

import numpy as np
import pytest
import race_checks
from frames import WATCHERS, rendered
from manim import DL, DR, UL, UR
from race_checks import check_colours, check_drawing, check_layout

from gdcore import races
from scenes.race_saddle import RaceSaddle

MIDDLE = 50  # Adadelta, RMSprop and Adam have left the frame by then, the others not


def test_dots_and_trails_are_gdcores_race():
    scene = rendered(RaceSaddle, upto="race", STAGES=((MIDDLE, 1.0),))
    out = check_drawing(scene, MIDDLE)
    assert {n for n, o in out.items() if o.exit and o.exit.step <= MIDDLE} == {
        "Adadelta", "RMSprop", "Adam"}
    # SGD, the run the race is about (BOLD), at the widest path's width and full strength
    # while it runs, on its solid casing, over every other path; the others fainter
    from gdviz.race_scene import PATH_WIDTH, RACE_OPACITY

    assert RaceSaddle.BOLD == ("SGD",)
    sgd = scene.history["SGD"]
    assert sgd.get_stroke_width() == PATH_WIDTH
    assert sgd.get_stroke_opacity() == 1 > RACE_OPACITY[scene.theme.name]
    assert scene.casings["SGD"].get_stroke_opacity(background=True) == 1
    for name, path in scene.history.items():
        if name != "SGD":
            assert path.get_stroke_width() <= PATH_WIDTH and path.z_index < sgd.z_index
            assert path.get_stroke_opacity() == RACE_OPACITY[scene.theme.name]

    scene = rendered(RaceSaddle, upto="finish")
    out = check_drawing(scene, races.SADDLE.steps, finished=True)
    # everyone but SGD left the frame; SGD lingers by the saddle point
    assert [n for n, o in out.items() if o.exit is None] == ["SGD"]
    ridge = abs(out["SGD"].final[1])
    assert scene.statuses["SGD"].original_text == f"lingers, $|w_2| = {ridge:.3f}$"


def test_every_head_is_one_size_momentums_over_nags():
    """Momentum and NAG run with the same α and β and their lanes cross by the saddle point:
    every run's head, on the map and in the panel, is of one size (a triangle, theme.
    OPT_MARKERS, TRIANGLE times as wide as a dot), Momentum's drawn over NAG's wider triangle,
    whose corners show round it."""
    from gdviz.race_scene import TRIANGLE
    from gdviz.theme import opt_marker

    assert races.SADDLE.hyper["Momentum"] == races.SADDLE.hyper["NAG"]
    scene = rendered(RaceSaddle, upto="race", STAGES=((MIDDLE, 1.0),))
    for dots in (scene.dots, scene.panel_dots):
        mom, nag, sgd = dots["Momentum"], dots["NAG"], dots["SGD"]
        assert mom.z_index > nag.z_index
        assert nag.width > mom.width
        for n, d in dots.items():
            shape = 1 if opt_marker(n) == "o" else TRIANGLE
            assert d.width == pytest.approx(shape * sgd.width)


@pytest.mark.parametrize("theme", ("light", "dark"))
def test_every_path_shows_its_own_colour_and_nothing_overlaps_in_the_final_frame(
        theme, monkeypatch):
    monkeypatch.setenv("GD_THEME", theme)
    scene = rendered(RaceSaddle, own=True, upto="finish")
    check_colours(scene)
    race_checks.check_casings(scene)
    check_layout(scene)
    # the legend's columns (labels, then statuses) at least 24 px apart
    rows = scene.legend[0]
    labels, statuses = rows[0::2], rows[1::2]
    assert list(statuses) == list(scene.statuses.values())
    gap = min(m.get_left()[0] for m in statuses) - max(m.get_right()[0] for m in labels)
    assert gap * race_checks.PX >= 24 - 1e-6


def test_at_the_end_the_saddle_points_neighbourhood_opens_out_under_its_box():
    """The closing zoom on races.SADDLE_ZOOM (the still shows the whole window only): the map
    stays, its picture, frame, paths and the saddle's plus (its numbers, the settings and its
    end square leave: the view's own numbers stand in their column); the region's box on the
    map in the view's stroke, two leaders from its lower corners to the view's upper ones; the
    view under it (region_view: REGION_DROP below the box, as wide as the map at most, its
    foot clear of the bottom margin), at one scale in x and y, with its own ticks and numbers
    in the house form, 12 px or more, each under or beside its tick; the saddle's plus on
    (0, 0) and SGD's end square on gdcore's last point, apart, the plus drawn over the square
    on its halo (SADDLE_HALO) so that each reads whole; its level lines spaced for its own
    range of costs (race_scene.zoom_levels); the paths that turn up the slope have their roots
    in it; its heading right of it at the frame's foot. The view is close enough round the
    saddle point for SGD's |w₂| = 0.011 to read: over 15 px above the ridge at 480p, its end
    square 10 px or more."""
    from manim import MathTex

    from gdviz.race_scene import REGION_DROP, SADDLE_HALO, TICK_SIZE, zoom_levels
    from gdviz.theme import get

    zoom = races.SADDLE_ZOOM
    scene = rendered(RaceSaddle)
    assert scene.RACE.inset == zoom and races.SADDLE.inset is None
    shown = set(scene.get_mobject_family_members())
    # the map stays, its numbers gone (the view's own stand in their column); the map's end
    # square and its leader left with them: one square for SGD's end
    for kept in (scene.ax.frame, scene.map_img, *scene.history.values(),
                 scene.inset_box, *scene.inset_lines, scene.start_mark):
        assert kept in shown
    # the map's plus left to the view alone: the box, 12 px high with the saddle point 4 px
    # above its foot, holds no plus of half the house size (the house plus crossed its edges)
    for gone in (scene.settings, *scene.ends.values(), *scene.map_leaders.values(),
                 scene.target_mark, *(m for m in scene.ax.submobjects if isinstance(m, MathTex))):
        assert gone not in shown
    _, (ry0, _) = races.SADDLE_ZOOM.region
    below = scene.ax.c2p(0, 0)[1] - scene.ax.c2p(0, ry0)[1]
    assert below < scene.target_mark.height / 4 + SADDLE_HALO / 100
    (x0, x1), _ = races.SADDLE.window
    frame, ins, box = scene.inset_frame, scene.inset, scene.inset_box
    (rx0, rx1), (ry0, ry1) = zoom.region
    # the box on the map is the region's; the view under it, REGION_DROP below, where
    # region_view puts it, no wider than the map and clear of the frame's foot
    np.testing.assert_allclose(box.get_corner(DL), scene.ax.c2p(rx0, ry0), atol=1e-6)
    np.testing.assert_allclose(box.get_corner(UR), scene.ax.c2p(rx1, ry1), atol=1e-6)
    lo, hi = scene.region_view()
    np.testing.assert_allclose(frame.get_corner(DL), lo, atol=1e-6)
    np.testing.assert_allclose(frame.get_corner(UR), hi, atol=1e-6)
    assert box.get_bottom()[1] - frame.get_top()[1] == pytest.approx(REGION_DROP)
    assert scene.ax.c2p(x0, 0)[0] - 1e-6 <= lo[0] and hi[0] <= scene.ax.c2p(x1, 0)[0] + 1e-6
    # the two leaders from the box's lower corners to the view's upper ones
    for line, a, b in zip(scene.inset_lines, (DL, DR), (UL, UR)):
        np.testing.assert_allclose(line.get_start(), box.get_corner(a), atol=1e-6)
        np.testing.assert_allclose(line.get_end(), frame.get_corner(b), atol=1e-6)
    a, b = ins.c2p(rx0, ry0), ins.c2p(rx1, ry1)
    np.testing.assert_allclose([a, b], [lo, hi], atol=1e-6)
    assert (b[0] - a[0]) / (rx1 - rx0) == pytest.approx((b[1] - a[1]) / (ry1 - ry0), rel=1e-6)
    # its own ticks: x every 0.05, y every 0.05, in the house form, at the tick numbers' size,
    # each centred on its tick under the view (x) or level with it left of it (y)
    numbers = [m for m in scene.zoom_scale if isinstance(m, MathTex)]
    assert all(m in shown for m in numbers)
    xs = [m for m in numbers if m.get_top()[1] < lo[1]]
    ys = [m for m in numbers if m.get_right()[0] < lo[0]]
    assert [m.tex_string for m in xs] == ["-0.05", "0", "0.05", "0.1"]
    assert [m.tex_string for m in ys] == ["0", "0.05"]
    for m in xs:
        assert m.get_x() == pytest.approx(ins.c2p(float(m.tex_string), 0)[0], abs=1e-6)
    for m in ys:
        assert m.get_y() == pytest.approx(ins.c2p(0, float(m.tex_string))[1], abs=1e-6)
    assert TICK_SIZE == 30 and min(m.height for m in ys) * race_checks.PX >= 12
    trs = races.run_race(races.SADDLE)
    assert list(scene.inset_ends) == ["SGD"]
    sq = scene.inset_ends["SGD"]
    np.testing.assert_allclose(ins.p2c(sq.get_center()), trs["SGD"].points[-1], atol=1e-9)
    np.testing.assert_allclose(ins.p2c(scene.inset_star.get_center()), [0, 0], atol=1e-9)
    star = scene.inset_star
    assert np.linalg.norm(sq.get_center() - star.get_center()) > (sq.width + star.width) / 2
    assert star.z_index > sq.z_index
    # SGD's square named above it, clear of the lane above its own (NAG's, LANE higher), from
    # its left edge, clear of every path in the view (Momentum's and NAG's climb above it,
    # their way back left of it): no path within 3 px of its box
    (name,) = scene.zoom_names
    assert name.original_text == "SGD" and name in shown
    assert name.get_bottom()[1] - sq.get_top()[1] == pytest.approx(scene.LANE + 0.08)
    assert name.get_left()[0] == pytest.approx(sq.get_left()[0])
    pad = 3 / race_checks.PX
    for run in scene.inset_paths:
        pts = scene.inset_paths[run].points
        if not len(pts):
            continue
        along = np.linspace(0, 1, 20)[:, None, None]  # each segment between its points
        dense = (pts[:-1] + along * (pts[1:] - pts[:-1])).reshape(-1, 3)
        x, y = dense[:, 0], dense[:, 1]
        near = ((x > name.get_left()[0] - pad) & (x < name.get_right()[0] + pad)
                & (y > name.get_bottom()[1] - pad) & (y < name.get_top()[1] + pad))
        assert not near.any(), run
    # on the map SGD's square stands beside the plus, on a leader, clear of it (finish)
    finished = rendered(RaceSaddle, upto="finish")
    plus, end = finished.target_mark, finished.ends["SGD"]
    assert list(finished.map_leaders) == ["SGD"]
    assert (end.get_left()[0] > plus.get_right()[0] or end.get_top()[1] < plus.get_bottom()[1])
    for plus in (star, finished.target_mark):
        assert plus.get_stroke_width(background=True) == pytest.approx(
            plus.get_stroke_width() + 2 * SADDLE_HALO)
    # the map's 16 levels span costs from −2.25 to 2.25; the region's run from −0.076² =
    # −0.005776 (at w₁ = 0, its top edge) to 0.13² = 0.0169: 3175 levels over the map's span
    # put about 16 in it
    assert zoom_levels(16, (-2.25, 2.25), (-0.005776, 0.0169), False) == 3175
    ridge_px = (sq.get_center()[1] - ins.c2p(0, 0)[1]) * race_checks.PX
    assert ridge_px > 15
    assert sq.width * race_checks.PX >= 10
    assert get("light").cost_map.levels == 16
    for name in ("Momentum", "NAG"):  # their climb starts inside the region
        assert races.inside(trs[name].points, zoom.region).any()
        assert len(scene.inset_paths[name].points)
    # the marks keep their size as the view grows (only their places move): the plus at
    # its 0.75 of the map's, SGD's square at INSET_END; the level lines traced at the grown
    # view's own pixels, so that they keep the map's width
    from gdviz.race_scene import ZOOM_END

    assert star.width == pytest.approx(0.75 * finished.target_mark.width, rel=1e-6)
    assert sq.width == pytest.approx(ZOOM_END, rel=1e-6)
    # (as many pixels per scene unit as the map's image, traced at the pixels it takes)
    rows, cols = scene.inset_img.pixel_array.shape[:2]
    per_unit = scene.map_img.pixel_array.shape[1] / scene.map_img.width
    assert abs(cols - per_unit * frame.width) <= 2
    assert abs(rows - per_unit * frame.height) <= 2
    # its heading right of it at the frame's foot, clear of its numbers
    heading = scene.zoom_heading
    assert heading.get_left()[0] > max(m.get_right()[0] for m in xs)
    assert heading.get_left()[0] > frame.get_right()[0]


WATCHERS[RaceSaddle] = race_checks.zoom_watch


def test_the_magnified_view_opens_out_of_its_regions_box_and_keeps_off_the_edge():
    """No inset on the map during the race: the magnified view is the region's own box, at
    the map's scale, opening out once, after the finish (the race plays on the whole map),
    over 2 s or more, to where region_view puts it; its small scale bar is never shown; the
    zoomed picture keeps the margin. SGD's end lies inside the region."""
    scene = rendered(RaceSaddle)
    notes = [n for n in scene.notes if n is not None]
    (rx0, rx1), (ry0, ry1) = races.SADDLE_ZOOM.region
    a, b = scene.ax.c2p(rx0, ry0), scene.ax.c2p(rx1, ry1)
    assert notes[0][0] == pytest.approx(b[0] - a[0])  # the region's box on the map
    assert not any(bar for _, bar in notes)
    lo, hi = scene.region_view()
    grown = [i for i, (w, _) in enumerate(notes) if w > notes[0][0] * 1.001]
    assert max(notes[i][0] for i in grown) == pytest.approx(hi[0] - lo[0], rel=1e-6)
    assert grown == list(range(grown[0], len(notes)))  # one switch, to the end
    # the play that opens it out lasts 2 s or more
    first = [i for i, n in enumerate(scene.notes) if n is not None][grown[0]]
    assert scene.lengths[first] >= 2
    assert race_checks.ink_margin_px(rendered(RaceSaddle, own=True)) >= race_checks.EDGE_PX
    sgd = races.run_race(races.SADDLE)["SGD"].points
    assert races.inside(sgd[-1], races.SADDLE_ZOOM.region)[0]


def test_the_ridge_is_drawn_under_the_lanes_that_straddle_it():
    """The ridge w₂ = 0 crosses the map as a dotted line from its left edge to the start (and
    the inset from side to side), over the map and under every casing and path, its dots at
    half strength; it is named on the map,
    left of every path; the lanes of the runs that travel it lie on either side of it, SGD's
    (the middle one) on its points, the outermost at most 3 lanes, 7.2 px at 480p, off."""
    from gdviz.race_scene import Z_CASINGS

    scene = rendered(RaceSaddle, upto="finish")
    ax = scene.ax
    line, label = scene.ridge
    (x0, _), _ = races.SADDLE.window
    np.testing.assert_allclose(ax.p2c(line.get_start()), [x0, 0], atol=1e-9)
    np.testing.assert_allclose(ax.p2c(line.get_end()), [races.SADDLE.start[0], 0], atol=1e-9)
    assert 0.3 < line.get_stroke_opacity() < 1
    (rx0, rx1), _ = races.SADDLE_ZOOM.region
    # (in the zoomed view, drawn at its grown scale) inside its frame, FRAME_INSET from
    # each side: its end dots clear of the frame's line
    from gdviz.race_scene import FRAME_INSET

    zoomed = rendered(RaceSaddle)
    ridge, zins = zoomed.inset_ridge, zoomed.inset
    np.testing.assert_allclose(ridge.get_start(), zins.c2p(rx0, 0) + [FRAME_INSET, 0, 0],
                               atol=1e-9)
    np.testing.assert_allclose(ridge.get_end(), zins.c2p(rx1, 0) - [FRAME_INSET, 0, 0],
                               atol=1e-9)
    assert ridge in zoomed.get_mobject_family_members()
    assert line in scene.get_mobject_family_members()
    assert line.z_index < Z_CASINGS and scene.inset_ridge.z_index < min(
        m.z_index for m in scene.inset_casings.values())
    assert label.original_text == "ridge, $w_2 = 0$"
    assert label.get_bottom()[1] > line.get_start()[1]
    assert label.get_right()[0] < min(h.get_left()[0] for h in scene.history.values())
    # the lanes where the runs leave the start together, along the ridge
    first = {n: ax.c2p(*scene.map_paths[n][10]) - ax.c2p(*scene.paths[n][10])
             for n in scene.paths}
    heights = {n: d[1] * race_checks.PX for n, d in first.items()}
    assert heights["SGD"] == 0
    assert heights["Momentum"] < 0 < heights["NAG"]  # the ridge's runs on either side of it
    assert max(abs(h) for h in heights.values()) <= 3 * scene.LANE * race_checks.PX + 1e-9


def test_the_seven_wait_fanned_round_the_start_then_gather_into_it():
    """Seven dots stacked on the start, under its ring, showed as the ring alone while the
    caption said seven wait there: the heads come in fanned round the start (START_FAN from
    its centre, left of it, in the legend's order round it), each clear of the ring, of
    the start's name and of the others by 4 px or more, then gather into it (the fan closed)
    in a play of their own before the race; at every step after, each head is on its run's
    point (check_drawing)."""
    from gdviz.race_scene import FAN_GATHER, NAMES

    scene = rendered(RaceSaddle, upto="race", STAGES=((MIDDLE, 1.0),))
    assert scene.fan.get_value() == 0.0
    ring, label = scene.start_mark
    start = scene.ax.c2p(*races.SADDLE.start)
    # the setup ends on the gather: the heads' fade, the hold, the fan closing
    race_start = next(s["start"] for s in scene.caption_log if s["name"] == "race")
    k = [round(t, 6) for t in scene.starts].index(round(race_start, 6))
    assert scene.lengths[k - 1] == pytest.approx(FAN_GATHER)
    step = scene.step.get_value()
    try:
        scene.step.set_value(0)
        scene.fan.set_value(1.0)
        boxes, angles = [], []
        for name in NAMES:
            dot = scene.dots[name]
            dot.update()
            off = dot.get_center() - start
            assert np.hypot(*off[:2]) == pytest.approx(RaceSaddle.START_FAN, abs=0.02)
            # round the side away from "start", none past 30° right of the upright
            assert off[0] < 0.51 * RaceSaddle.START_FAN
            boxes.append(race_checks._box(dot))
            angles.append(np.degrees(np.arctan2(off[1], off[0])) % 360)
        # the legend's order round the start, from its upper right over the left to its lower
        # right, evenly
        assert np.diff(angles) == pytest.approx([240 / 6] * 6)
        gap = 4 / race_checks.PX
        for i, a in enumerate([*boxes, race_checks._box(ring), race_checks._box(label)]):
            for b in boxes[i + 1:] if i < len(boxes) else boxes:
                assert (a[0] > b[1] + gap or b[0] > a[1] + gap
                        or a[2] > b[3] + gap or b[2] > a[3] + gap)
    finally:
        scene.fan.set_value(0.0)
        scene.step.set_value(step)
        for dot in scene.dots.values():
            dot.update()
