"""All seven optimizers in a long, narrow valley (gdcore.races.LONG_VALLEY): plain SGD crawls
along the floor, Momentum swings from wall to wall, NAG dips below the floor once and then
follows it, the adaptive methods turn down the valley at once. Five runs travel the floor one
after another: on the map each path, dot and end square runs in a lane of its own, 3.6 px
beside the next (RaceScene.LANE), so each dot heads a line of its own colour. The map is as
wide as the distance panel beside it leaves it, the legend in two columns under it (each run's
α in a column of its own). An inset over the map's empty floor under the valley's end
(races.LONG_VALLEY.inset.place, where no path runs), its name left of it at its foot, joined
to a small box round the minimum by two thin lines, its scale bar inside it on a plate,
magnifies the floor there, where six of the runs end, at their own points (Adagrad's, which
ends on the minimum, set beside the star on a leader, as in the still); on the map they have
no end square, as in the still (hollow squares a few pixels apart round the star read as a
tangle): the inset's window marks where they end
(RaceScene.END_GATHER). The finish is played large: once the map has told its story (step
44: SGD's crawl, Momentum's swings, NAG's and Adam's overshoots), before any of the six runs
arrives in the inset's region, the inset comes in, its scale bar, name and lines leave, and it
grows out of its place over the map's box (RaceScene.ZOOM_OVER_MAP, section_closer), the map
fading beneath it; the race goes on in it, slower (RaceScene.ARRIVAL, section_arrive), the
heads at the map's size, so that each arrival, and each head turning into its end square
(12 px, twice the inset's), is seen as it happens, each run then named beside its square, an
arrow at the view's left edge pointing the way to SGD, which ends far outside it; the legend
and its final distances stay in sight throughout; then it shrinks back into its place as the
map returns, so the last picture is the whole race.

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
    TAIL = 10
    # as wide as the distance panel leaves it (its axis 150 px wide or more), the w₂ label
    # over the y numbers, the legend in two columns under it
    MAP_MAX_W, MAP_MAX_H = 8.2, 5.0
    MAP_TOP = 2.45
    Y_LABEL_ABOVE = True
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
    # the inset over the map, under the floor's end, where no path runs (races.LONG_VALLEY.
    # inset.place): under the map it took the legend's room, and the legend the map's
    INSET_BESIDE = "map"
    # short: right-aligned beside the zoomed view's scale bar, clear of the line that joins
    # the view's left corner to its box on the map
    ZOOM_HEADING = "the ends, magnified"

    # the zoomed view over the map's box, the legend and its final distances (the result)
    # staying beside it, grown BEFORE the runs arrive: the race on the whole map to step 44
    # (Momentum's and NAG's swings, Adam's overshoot, SGD's crawl: the map's story told), the
    # inset comes in, grows (3 s) and the last 36 steps play in it at 4 steps a second (from
    # 6.8 on the map), the last 16, where four of the six runs arrive, at 3.2: the arrivals
    # and the end squares are seen 2 times the inset's size as they happen (the heads at the
    # map's size, the squares 12 px, from 6); then back to the inset in its place and the
    # whole map, so that the last picture is the whole race
    STAGES = ((12, 4.0), (44, 5.0))
    ARRIVAL = ((64, 5.0), (80, 5.0))
    ZOOM_OVER_MAP = True
    FINISH_HOLD, ZOOM_SECONDS, BACK_SECONDS = 1.8, 3.0, 1.5
    BACK_WORDS = "The inset shrinks back into its place and the whole map returns."

    SECTIONS = sections(RaceScene.section_setup, RaceScene.section_race,
                        RaceScene.section_closer, RaceScene.section_arrive,
                        RaceScene.section_finish, RaceScene.section_back)
