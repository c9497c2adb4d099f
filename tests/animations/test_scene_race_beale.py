"""The race-beale scene (frames: test_scene_frames.py): its drawing against gdcore's race."""

from frames import rendered
from race_checks import check_drawing

from gdcore import races
from scenes.race_beale import RaceBeale

MIDDLE = 150


def test_dots_and_trails_are_gdcores_race():
    scene = rendered(RaceBeale, upto="race", STAGES=((MIDDLE, 1.0),))
    check_drawing(scene, MIDDLE)
    scene = rendered(RaceBeale)
    out = check_drawing(scene, races.BEALE.steps)
    assert all(o.exit is None for o in out.values())
    assert scene.statuses["NAG"].original_text == "< 0.001"
    assert scene.statuses["SGD"].original_text == f"{out['SGD'].distance:.2f}"
