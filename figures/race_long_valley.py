"""Seven optimizers in a long, narrow valley

All seven optimizers start together at ({x0}, {y0}) (the ring), on the side wall of a valley
{ratio:g} times more sharply curved across than along, and take {steps} steps each. Top: their
paths over contours spaced by a constant factor, each a line of one width, a dot every {every}
steps (but round the inset's box, where the runs that end in it draw none once they enter:
the inset shows their last steps) and a square, in the run's colour, where it ends (in the
inset, for the runs that end about the minimum). Five runs travel the valley's floor one
after another: so that each shows, every run is drawn in a lane of its own, {lane} points from
the next on the page (SGD's the top one), an offset of the drawing, not of w₂. Bottom left:
each run's distance to the minimum at every step, on a log scale.
Plain SGD drops to the floor and crawls along it: it ends {sgd} from the minimum. Momentum, at
the same learning rate, travels faster but {momentum_swings}, each swing smaller than the last;
NAG, with the same rate and β, {nag_swings} (down to w₂ ≈ {nag_low} and back) and then runs
along it. The adaptive methods scale each coordinate by its own gradient history, so they turn
down the valley at once: Adagrad ends {adagrad} from the minimum, RMSprop {rmsprop}; Adam,
which also averages its gradients, {adam_swings} in wide, slow arcs and ends {adam} away.
{near} runs end within {spread} of the minimum, too close together to tell apart on the map's
scale, so the map draws their squares, and the minimum's star, in the inset alone: the inset
at the lower right,
under the map beside the distance panel (not over the map) and joined to a small box round
the minimum on the map by two thin lines, magnifies the floor (the scale bar in its lower
right corner is {bar} long), each square at its run's last point but Adagrad's: Adagrad ends
on the minimum, and its square is set beside the star on a short leader to its point, as
where several runs end by one minimum (its distance is the legend's). The legend, the key to
both panels, gives each learning rate α and each run's final distance. {settings}

Alt: Top, a contour map of an elongated elliptical valley with a small box round its minimum
at the right. Seven coloured paths leave a common start, a ring at the upper left. The SGD path
falls to the valley floor and stops about halfway along it, at a square; the Momentum path zig-zags
across the floor all the way to the box and past it; the NAG path dips once below the floor
and then follows it; the adaptive methods' paths bend down to the floor at once and run along
it to the box, Adam's in wide arcs; along the floor the paths run side by side, each in a
lane of its own; the runs that reach the minimum end in the box. An inset under the map at
the right, joined to the box by two thin lines, magnifies the floor around the minimum, a
star, the end squares there side by side along it, none under
the star. Bottom left, distance to the minimum against step on a log scale: the
SGD line falls slowly from {d0} to {sgd}, the others fall to between {others_low} and
{others_high}, the Momentum and NAG lines with sharp dips where they pass close to the
minimum.
"""

import math

from gdcore import races, surfaces
from gdcore.optimizers import NAMES
from gdviz import mpl as gm
from gdviz import numbers
from gdviz.race_plot import (
    PATH_WIDTH,
    distance,
    draw_race,
    scale_bar_length,
    settings_sentence,
    swing_words,
)

RACE = races.LONG_VALLEY
#: A step dot every DOT_EVERY steps, each run on its own points, every path one width.
DOT_EVERY = 2
#: Each run drawn in a lane of its own, LANE points from the next (race_plot.lane_of, as the
#: video draws them): five runs travel the valley's floor one after another, and on their
#: points alone each would lie under the others.
LANE = 1.6
#: Round the inset's box (w₁ from −0.6 to 1.4, w₂ from −0.5 to 0.5) the runs that end in it
#: draw no step dot once they enter (race_plot.quiet_steps): Momentum's swings past the
#: minimum and Adam's and NAG's last arcs piled their dots over the box; the inset shows the
#: last steps.
QUIET = ((-0.6, 1.4), (-0.5, 0.5))


def facts() -> dict:
    trs = races.run_race(RACE)
    out = races.outcomes(RACE, trs)
    dist = {f"{n.lower()}": distance(out[n].distance, "text") for n in NAMES}
    near = [n for n in NAMES if races.inside(out[n].final, RACE.inset.region)[0]]
    return {"settings": settings_sentence(RACE),
        "x0": numbers.text(RACE.start[0]), "y0": numbers.text(RACE.start[1]),
        "steps": RACE.steps, "ratio": surfaces.VALLEY_C / surfaces.VALLEY_A,
    } | {
        f"{n.lower()}_swings": swing_words(races.swings(trs[n].points))
        for n in ("Momentum", "NAG", "Adam")
    } | {
        "nag_low": numbers.text(round(float(trs["NAG"].points[:, 1].min()), 1)),
        "every": DOT_EVERY, "lane": numbers.text(LANE),
        "bar": numbers.text(scale_bar_length(RACE)),
        "near": numbers.word(len(near)).capitalize(),
        "spread": distance(max(out[n].distance for n in near), "text"),
        # the distances as the legend writes them: the start's, and the others' (not SGD) ends
        "d0": distance(math.dist(RACE.start, RACE.surface.minimum), "text"),
        "others_low": distance(min(out[n].distance for n in NAMES if n != "SGD"), "text"),
        "others_high": distance(max(out[n].distance for n in NAMES if n != "SGD"), "text"),
    } | dist



def make_figure(theme):
    return draw_race(theme, RACE,
                     path_widths=(PATH_WIDTH, 0.0), dot_every=DOT_EVERY, lane=LANE,
                     quiet=QUIET)


if __name__ == "__main__":
    gm.main(__file__)
