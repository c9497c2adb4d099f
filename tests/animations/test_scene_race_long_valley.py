"""The race-long-valley scene (frames: test_scene_frames.py): its drawing against gdcore's race."""

from frames import rendered
from race_checks import check_drawing

from gdcore import races
from scenes.race_long_valley import RaceLongValley

MIDDLE = 30


def test_dots_and_trails_are_gdcores_race():
    scene = rendered(RaceLongValley, upto="race", STAGES=((MIDDLE, 1.0),))
    check_drawing(scene, MIDDLE)
    scene = rendered(RaceLongValley)
    out = check_drawing(scene, races.LONG_VALLEY.steps)
    assert all(o.exit is None for o in out.values())
    assert scene.statuses["SGD"].original_text == f"{out['SGD'].distance:.2f}"
