"""All seven optimizers in a long, narrow valley (gdcore.races.LONG_VALLEY): plain SGD crawls
along the floor, Momentum swings from wall to wall, NAG dips below the floor once and then
follows it, the adaptive methods turn down the valley at once. Five runs travel the floor one
after another: on the map each path, dot and end square runs in a lane of its own, 3.6 px
beside the next (RaceScene.LANE), so each dot heads a line of its own colour. An inset
magnifies the floor around the minimum, where six of the runs end, at their own points
(Adagrad's, which ends on the minimum, set beside the star on a leader, as in the still); before
the end its scale bar leaves, and it takes the map's place, grown to the map's width, each
run's path and end square apart in it, an arrow at its left edge pointing the way to SGD,
which ends far outside it; then it shrinks back into its place as the map returns, so the
last picture is the whole valley (Momentum's swings in view).

Render alone with: manim -ql scenes/race_long_valley.py RaceLongValley
"""

from gdcore import races
from gdviz.manim_theme import sections
from gdviz.race_scene import RaceScene


class RaceLongValley(RaceScene):
    RACE = races.LONG_VALLEY
    TITLE = "A long, narrow valley"
    RACE_WORDS = ("SGD drops to the valley floor and crawls along it, Momentum swings from wall to "
                  "wall, and the adaptive methods turn down the valley at once")
    STAGES = ((12, 4.0), (80, 10.0))
    TAIL = 10
    MAP_MAX_W = 7.3  # the distance panel at its larger numbers still 150 px wide or more
    MAP_MAX_H = 5.0
    X_TICK, Y_TICK = 2.0, 1.0
    STEP_TICK = 40
    LEGEND_BELOW = True
    # the legend's two columns of readouts end a clear gap left of the keys and settings
    STATUS_GAP = 0.4
    # five runs travel the floor, y = 0, one after another: each in its own lane, 3.6 px apart
    LANE = 0.06
    # the scale bar's plate fits nowhere between the lines that join the inset to the floor:
    # left of the inset, over the empty foot of the map, not over the inset's top edge
    INSET_SCALE_LEFT = True

    # the zoomed view covers the map: then back to the whole valley, so that the last picture
    # shows Momentum's swings from wall to wall and how far SGD got
    BACK_WORDS = ("The inset shrinks back into place: the whole valley again, Momentum's swings "
                  "from wall to wall and SGD far behind on the floor.")

    SECTIONS = sections(RaceScene.section_setup, RaceScene.section_race,
                        RaceScene.section_finish, RaceScene.section_zoom, RaceScene.section_back)
