"""All seven optimizers in a long, narrow valley (gdcore.races.LONG_VALLEY): plain SGD crawls
along the floor, Momentum swings from wall to wall, NAG dips below the floor once and then
follows it, the adaptive methods turn down the valley at once. Five runs travel the floor one
after another: on the map each path, dot and end square runs in a lane of its own, 3.6 px
beside the next (RaceScene.LANE), so each dot heads a line of its own colour. An inset under
the map at its right, beside the legend (as in the still, never over the map) and joined to a
small box round the minimum by two thin lines, its scale bar inside it on a plate and its name
under it, as in the still, magnifies the floor there, where six of the
runs end, at their own points (Adagrad's, which ends on the minimum, set beside the star on a
leader, as in the still); on the map they have no end square, as in the still (hollow squares
a few pixels apart round the star read as a tangle): the inset's window marks where they end
(RaceScene.END_GATHER). Before the end the inset's scale bar, name and
lines leave, and it grows out of its place over the map's box (RaceScene.ZOOM_OVER_MAP), the
map fading beneath it, each run's path and end square apart in it, named, an arrow at its left
edge pointing the way to SGD, which ends far outside it; the legend and its final distances
stay in sight throughout; then it shrinks back into its place as the map returns, so the last
picture is the whole race.

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
    # six of them end within 12 px of the minimum: on the map no square of theirs (the inset
    # tells them apart; set apart on leaders they read as ends at false places, at their
    # points hollow squares round the star as a tangle). During the race the star under the
    # heads, so that no head that reaches the minimum hides under it
    END_GATHER = True
    # the inset beside the map, as in the still: under it at the right, under the floor's
    # end, the legend in one column to its left
    INSET_BESIDE = "below"
    # short: right-aligned beside the zoomed view's scale bar, clear of the line that joins
    # the view's left corner to its box on the map
    ZOOM_HEADING = "the ends, magnified"

    # the zoomed view over the map's box, the legend and its final distances (the result)
    # staying beside it; then back to the inset in its place and the whole map, so that the
    # last picture is the whole race
    ZOOM_OVER_MAP = True
    # the finish is read in the zoomed view, 2 times the inset's size: the small inset held
    # only a beat before it grows (held 2 s, it was the video's longest still stretch, 1.87 s
    # read from its frames), the growth slower (3 s, from 2.5) and the grown view held 2 s;
    # the way back quicker (1.5 s, from 2): the ending 1.1 s shorter
    FINISH_HOLD, ZOOM_SECONDS, ZOOM_HOLD, BACK_SECONDS = 0.4, 3.0, 2.0, 1.5
    BACK_WORDS = "The inset shrinks back into its place and the whole map returns."

    SECTIONS = sections(RaceScene.section_setup, RaceScene.section_race,
                        RaceScene.section_finish, RaceScene.section_zoom, RaceScene.section_back)
