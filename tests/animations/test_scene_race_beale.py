"""The race-beale scene (frames: test_scene_frames.py): its drawing against gdcore's race."""

import pytest
import race_checks
from frames import rendered
from race_checks import check_colours, check_drawing, check_inset, check_inset_heads, check_layout

from gdcore import races
from gdviz import numbers
from scenes.race_beale import RaceBeale

MIDDLE = 150


def test_dots_and_trails_are_gdcores_race():
    scene = rendered(RaceBeale, upto="race", STAGES=((MIDDLE, 1.0),))
    check_drawing(scene, MIDDLE)
    scene = rendered(RaceBeale)
    out = check_drawing(scene, races.BEALE.steps, finished=True)
    assert all(o.exit is None for o in out.values())
    assert scene.statuses["NAG"].original_text == f"${numbers.latex(out['NAG'].distance)}$"
    assert scene.statuses["NAG"].original_text == r"$3.4 \times 10^{-5}$"
    assert scene.statuses["SGD"].original_text == f"{out['SGD'].distance:.2f}"


@pytest.mark.parametrize("theme", ("light", "dark"))
def test_every_path_shows_its_own_colour_and_nothing_overlaps_in_the_final_frame(
        theme, monkeypatch):
    monkeypatch.setenv("GD_THEME", theme)
    scene = rendered(RaceBeale, own=True)
    check_colours(scene)
    race_checks.check_casings(scene)
    # the map the largest thing on screen: its box 51 % of the frame's width (437 px at 480p;
    # 393 px with each α written after its run's name) and 64 % of its height (306 px; 275 px
    # with the settings in two lines under it), the inset over its empty lower right
    check_layout(scene, least_map=(0.51, 0.63))
    check_inset(scene)
    # the keys on one line under the legend (the end square's key "end", the stills' word):
    # in two lines they left the distance panel 94 px tall at 480p, its curves crowded into
    # its top half; now 114 px
    keys = scene.legend[-1]
    assert [k[1].original_text for k in keys] == ["minimum (3, 0.5)", "end"]
    assert keys[1].get_left()[0] > keys[0].get_right()[0]
    assert keys[0].get_y() == pytest.approx(keys[1].get_y(), abs=0.02)
    assert scene.panel.y_length * race_checks.PX >= 110


def test_the_inset_shows_each_head_that_is_in_its_region():
    """Late in the race the heads near the minimum show in the inset at gdcore's points."""
    k = races.BEALE.steps - 10
    scene = rendered(RaceBeale, upto="race", STAGES=((k, 1.0),))
    assert check_inset_heads(scene, k) >= 3


def test_tick_numbers_in_their_shortest_form_and_distances_align_on_the_point():
    """x ticks every 1 (0 … 5), y ticks every 0.5, each in its shortest form (−1.5, −1, …, 1,
    1.5: never 1.0 or 0.0); the final distances flush left in their column, on their decimal
    point, NAG's (under 0.001) written as the power of ten it is, as the distance panel shows
    it."""
    from manim import MathTex

    scene = rendered(RaceBeale, upto="finish")
    (x0, x1), (y0, y1) = races.BEALE.window
    numbers = [m for m in scene.ax.submobjects if isinstance(m, MathTex)
               and m not in scene.ax.labels]
    xs = [m.tex_string for m in numbers if m.get_top()[1] < scene.ax.c2p(0, y0)[1]]
    ys = [m.tex_string for m in numbers if m.get_right()[0] < scene.ax.c2p(x0, 0)[0]]
    assert xs == ["0", "1", "2", "3", "4", "5"]
    assert ys == ["-1.5", "-1", "-0.5", "0", "0.5", "1", "1.5"]
    statuses = scene.statuses
    assert "times 10^{-5}" in statuses["NAG"].original_text
    lefts = {n: s.get_left()[0] for n, s in statuses.items()}
    assert max(lefts.values()) - min(lefts.values()) < 0.01


def test_adadeltas_inset_history_is_a_faint_path_beneath_the_others_and_the_scale_a_key():
    """Adadelta crosses the magnified valley at every step: in the inset its history is drawn
    at RaceBeale.INSET_FAINT's opacity and width through every k-th of gdcore's points in the
    region (k odd, each piece's first and last kept), so that its crossings stand apart,
    beneath every other run's inset path, its last steps at full strength over it; the scale
    bar and its number, in ink, lie inside the inset's lower right corner (the number on a
    plate: a key, not a level's label); the inset is 180 x 100 px or more, named under it."""
    import numpy as np

    from gdviz.race_scene import INSET_HISTORY

    scene = rendered(RaceBeale)
    t = scene.theme
    opacity, thin, every = RaceBeale.INSET_FAINT["Adadelta"]
    assert every > 1 and every % 2 == 1
    faint, tail = scene.inset_paths["Adadelta"], scene.inset_tails["Adadelta"]
    pieces = races.clip_polyline(races.run_race(races.BEALE)["Adadelta"].points,
                                 scene.RACE.inset.region)
    want = np.vstack([p[sorted({*range(0, len(p), every), len(p) - 1})] for p in pieces])
    got = np.array([scene.inset.p2c(a) for a in faint.get_anchors()])
    # get_anchors lists each segment's two ends: the drawn vertices are its distinct points
    got = got[np.r_[True, np.any(np.abs(np.diff(got, axis=0)) > 1e-12, axis=1)]]
    np.testing.assert_allclose(got, want, atol=1e-9)
    assert len(want) < len(np.vstack(pieces)) / 5
    others = [p for n, p in scene.inset_paths.items() if n != "Adadelta"]
    assert faint.get_stroke_opacity() == opacity < INSET_HISTORY
    assert all(p.get_stroke_opacity() == INSET_HISTORY for p in others)
    assert faint.get_stroke_width() == pytest.approx(thin * tail.get_stroke_width())
    assert faint.z_index < min(p.z_index for p in others)
    assert tail.get_stroke_opacity() == 1 and tail.z_index > faint.z_index
    assert len(faint.points) > 0 and len(tail.points) > 0
    bar, label = scene.inset_scale
    frame = scene.inset_frame
    # in the lower right corner (fewer points crowd it than the left), its number left of it
    assert bar.get_right()[0] < frame.get_right()[0] and bar.get_left()[0] > frame.get_center()[0]
    assert label.get_right()[0] < bar.get_left()[0]
    assert bar.get_length() == pytest.approx(
        scene.inset.c2p(0.1, 0)[0] - scene.inset.c2p(0, 0)[0])
    # 180 x 100 px or more at 480p (docs/STYLE.md's 180 px), named under it
    assert frame.width * 60 >= 180 and frame.height * 60 >= 100
    assert scene.inset_name.original_text == RaceBeale.INSET_NAME
    assert bar.get_color().to_hex().upper() == t.text.upper()
    assert label.get_color().to_hex().upper() == t.text.upper()
    assert label.tex_string == "0.1"


def test_nags_and_rmsprops_squares_are_set_beside_and_the_squares_stand_apart():
    """NAG's run ends on the minimum: its square is set beside the star on a leader (the still's
    rule, race_plot.end_offsets); RMSprop's, 0.019 from Adagrad's (9.0 px at 480p in the 181 px
    wide inset, less than a square's side and its rims), is set beside too, as in the still;
    every other square stands on its own point, a side and a rim either side of it from the
    rest."""
    import numpy as np

    scene = rendered(RaceBeale, upto="finish")
    trs = races.run_race(scene.RACE)
    race_checks.check_inset_ends(scene, trs, beside=["NAG", "RMSprop"])
    (rx0, rx1), _ = scene.RACE.inset.region
    per_unit = scene.inset_frame.width / (rx1 - rx0) * race_checks.PX  # px per unit
    apart = np.linalg.norm(trs["Adagrad"].points[-1] - trs["RMSprop"].points[-1])
    assert apart * per_unit == pytest.approx(9.0, abs=0.1)
    assert scene.inset_frame.width * race_checks.PX == pytest.approx(181.4, abs=0.2)
    np.testing.assert_allclose(scene.inset.p2c(scene.inset_ends["Adagrad"].get_center()),
                               trs["Adagrad"].points[-1], atol=1e-9)


def test_an_end_on_the_minimum_frames_the_star_and_one_beside_it_is_the_house_square():
    """gm.EndMark's rule in the video (race_scene.end_mark, on_star, frame_side): NAG ends
    3.4 × 10⁻⁵ from the minimum, on the star: its square, were it drawn on the map, frames the
    star, centred on its point, the star's reach FRAME_GAP inside its outline; SGD ends 0.20
    away (12 px at 480p), off the star: the house square. (Both end in the inset's window, so
    the map draws neither: the inset parts them.)"""
    from gdviz.race_scene import END_SIDE, END_STROKE, FRAME_GAP, frame_side, on_star

    scene = rendered(RaceBeale)
    star = scene.target_mark
    nag = scene.ax.c2p(*scene.map_paths["NAG"][-1])
    sgd = scene.ax.c2p(*scene.map_paths["SGD"][-1])
    assert on_star(nag, star) and not on_star(sgd, star)
    side = frame_side(nag, star)
    inner = side / 2 - END_STROKE * 0.01 / 2
    reach = max(star.width, star.height) / 2
    assert inner == pytest.approx(reach + FRAME_GAP, abs=1e-3)
    assert side > 2 * END_SIDE
    assert "NAG" not in scene.ends and "SGD" not in scene.ends


def test_the_windows_box_on_the_map_holds_the_star_whole():
    """The box round the inset's region on the map (its line's ink, half the frame's stroke
    either side) stands 2.5 px or more clear of the minimum's star (its points and its edge in
    the page's colour) at 480p on every side: the still's region (top 0.54, right 3.11) cut the
    box through the star; the video's (races.BEALE_MAP_INSET) holds it. The inset shows the
    same region as the box: one shape, one scale in x and y."""
    scene = rendered(RaceBeale)
    assert scene.RACE.inset == races.BEALE_MAP_INSET
    box, star = scene.inset_box, scene.target_mark
    ink = 0.01 * box.get_stroke_width() / 2
    rim = 0.01 * star.get_stroke_width() / 2
    (x0, y0, _), (x1, y1, _) = box.get_corner([-1, -1, 0]), box.get_corner([1, 1, 0])
    (s0, t0, _), (s1, t1, _) = star.get_corner([-1, -1, 0]), star.get_corner([1, 1, 0])
    gaps = [s0 - rim - (x0 + ink), (x1 - ink) - (s1 + rim),
            t0 - rim - (y0 + ink), (y1 - ink) - (t1 + rim)]
    assert min(gaps) * race_checks.PX >= 2.5, gaps
    (rx0, rx1), (ry0, ry1) = scene.RACE.inset.region
    lo, hi = scene.ax.c2p(rx0, ry0), scene.ax.c2p(rx1, ry1)
    assert (x0, y0, x1, y1) == pytest.approx((lo[0], lo[1], hi[0], hi[1]), abs=1e-9)
    frame = scene.inset_frame
    assert frame.width / frame.height == pytest.approx((x1 - x0) / (y1 - y0), rel=1e-6)
