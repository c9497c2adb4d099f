"""The race-long-valley scene (frames: test_scene_frames.py): its drawing against gdcore's race."""

import pytest
from frames import rendered
from race_checks import check_colours, check_drawing, check_inset, check_inset_heads, check_layout

from gdcore import races
from scenes.race_long_valley import RaceLongValley

MIDDLE = 30


def test_dots_and_trails_are_gdcores_race():
    scene = rendered(RaceLongValley, upto="race", STAGES=((MIDDLE, 1.0),))
    check_drawing(scene, MIDDLE)
    scene = rendered(RaceLongValley)
    out = check_drawing(scene, races.LONG_VALLEY.steps, finished=True)
    assert all(o.exit is None for o in out.values())
    assert scene.statuses["SGD"].original_text == f"{out['SGD'].distance:.2f}"


@pytest.mark.parametrize("theme", ("light", "dark"))
def test_every_path_shows_its_own_colour_and_nothing_overlaps_in_the_final_frame(
        theme, monkeypatch):
    monkeypatch.setenv("GD_THEME", theme)
    scene = rendered(RaceLongValley, own=True)
    check_colours(scene)
    check_layout(scene)
    check_inset(scene)


def test_the_inset_shows_each_head_that_is_in_its_region():
    """Late in the race the heads near the minimum show in the inset at gdcore's points."""
    k = races.LONG_VALLEY.steps - 10
    scene = rendered(RaceLongValley, upto="race", STAGES=((k, 1.0),))
    assert check_inset_heads(scene, k) >= 3
