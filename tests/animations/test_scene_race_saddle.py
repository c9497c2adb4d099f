"""The race-saddle scene (frames: test_scene_frames.py): its drawing against gdcore's race."""

import pytest
from frames import rendered
from race_checks import check_colours, check_drawing, check_layout

from gdcore import races
from scenes.race_saddle import RaceSaddle

MIDDLE = 50  # Adadelta, RMSprop and Adam have left the frame by then, the others not


def test_dots_and_trails_are_gdcores_race():
    scene = rendered(RaceSaddle, upto="race", STAGES=((MIDDLE, 1.0),))
    out = check_drawing(scene, MIDDLE)
    assert {n for n, o in out.items() if o.exit and o.exit.step <= MIDDLE} == {
        "Adadelta", "RMSprop", "Adam"}

    scene = rendered(RaceSaddle)
    out = check_drawing(scene, races.SADDLE.steps, finished=True)
    # everyone but SGD left the frame; SGD lingers by the saddle point
    assert [n for n, o in out.items() if o.exit is None] == ["SGD"]
    assert scene.statuses["SGD"].original_text == f"lingers, $|y| = {abs(out['SGD'].final[1]):.3f}$"


def test_momentums_dot_rings_nags_where_they_share_their_path():
    """Momentum and NAG run with the same α and β and share their path up to the frame's edge:
    Momentum's dot, on the map and in the panel, is RING times the others' and drawn beneath
    NAG's, so around NAG's it shows as a ring of its own colour."""
    from gdviz.race_scene import RING

    assert races.SADDLE.hyper["Momentum"] == races.SADDLE.hyper["NAG"]
    scene = rendered(RaceSaddle, upto="race", STAGES=((MIDDLE, 1.0),))
    for dots in (scene.dots, scene.panel_dots):
        mom, nag = dots["Momentum"], dots["NAG"]
        assert mom.width == pytest.approx(RING * nag.width)
        assert mom.z_index < nag.z_index
        assert all(d.width == pytest.approx(nag.width) for n, d in dots.items()
                   if n != "Momentum")


@pytest.mark.parametrize("theme", ("light", "dark"))
def test_every_path_shows_its_own_colour_and_nothing_overlaps_in_the_final_frame(
        theme, monkeypatch):
    monkeypatch.setenv("GD_THEME", theme)
    scene = rendered(RaceSaddle, own=True)
    check_colours(scene)
    check_layout(scene)
