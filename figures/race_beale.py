"""Seven optimizers on Beale’s function

The same seven optimizers, {steps} steps each from ({x0}, {y0}) (the ring) on Beale's function,
whose minimum (the star) is at ({mx}, {my}) at the end of a long, curved valley. Left: the paths
over contours spaced by a constant factor (the function spans several orders of magnitude), each
a thin line of one width on the run's own points, a dot every {every} steps (but round the
small box about the minimum, where the runs draw none once they enter: the inset shows their
last steps), ending in the box. Right, under the inset: each run's distance to the minimum at every
step, on a log scale. Plain SGD slides down the nearest slope and creeps
along the valley ({sgd} short of the minimum at the end). Momentum, at the same rate, shoots
down the steep wall to w₂ ≈ {momentum_low}, swings back and overshoots along the valley to w₁ ≈
{momentum_far} before returning ({momentum} away); NAG, with the same rate and β, dives less
deep (to w₂ ≈ {nag_low}), overshoots less (to w₁ ≈ {nag_far}) and ends right on the minimum
({nag} away). The adaptive methods bend towards the valley at once; Adam, whose averaged
gradient carries it wide around the bend, ends {adam} away, Adagrad {adagrad}, RMSprop
{rmsprop}. All seven end within {spread} of the minimum, too close together to tell apart on the
map's scale, so their end squares are drawn in the inset alone, and the minimum's star on the
map is a small one, inside the box round it:
the inset at the upper right, beside the map (not over it) and over the distance panel,
joined to a small box round the minimum on the map by two thin lines, magnifies the valley's
end (the scale bar in its lower right corner is
{bar} long), each square at its run's last point but NAG's: NAG ends on the minimum, and its
square is set beside the star on a short leader to its point, as where several runs end by
one minimum, so that neither hides the other (its distance is the legend's). The paths there
are hairlines, but for Adadelta's: its last hundred steps jump from wall to wall and back at
every step, so there its points alone are drawn (the legend's "Adadelta's steps (inset)", under
the runs), two rows of dots along the walls it bounces between, its last few steps joined,
zig-zagging across. Its distance, too, goes up and down at every step from step {saw} on: from
there the distance panel draws its highs and its lows, two thin lines with a pale band between
them. The legend, the key to both panels, gives each learning rate α and each run's final
distance. {settings}

Alt: Left, a contour map of Beale's function with a small star, its minimum at ({mx},
{my}), in a small box. Seven thin coloured
paths start together at a ring in the upper left, a dot every {every} steps. The adaptive
methods' paths curve down to the valley and along it to the box; the Momentum and NAG paths
dive below, swing back, and Momentum's overshoots the box to the right before returning; the
SGD path slides down and stops a little short of the box; all seven end in it. An inset at the upper
right, beside the map, joined to the box by two thin lines, with the minimum's star in it,
magnifies the end of the valley in thin lines, each path ending in a square of its colour,
Adadelta's
steps as two rows of dots along the walls with its last steps zig-zagging across the floor
between them: SGD's and Adadelta's squares lie short of the star, RMSprop's, Adagrad's and
Adam's in a row along the valley's floor towards it, NAG's beside the star on a short leader and
Momentum's beyond it. Right, under the inset, distance to the minimum against step on a log
scale: all lines
fall from about 3, Adadelta's parting into two thin lines, its highs and lows, from step
{saw}; NAG's falls steeply to {nag} by the end, the others level out between {others_low}
and {others_high}."""

from gdcore import races
from gdviz import mpl as gm
from gdviz import numbers
from gdviz.race_plot import (
    distance,
    draw_race,
    scale_bar_length,
    see_saw,
    settings_sentence,
)
from gdviz.theme import SURFACE_COST

RACE = races.BEALE
#: The rings round the step dots (points), finer than the races' usual: along the valley floor
#: past the minimum (x 3.1 to 4.8) Momentum's returning steps lie less than a dot apart, and
#: the usual rings would swamp their fills into a pale string no run could be told by.
DOT_EDGE = 0.05
#: A step dot every DOT_EVERY steps: at every step the seven runs' dots fill the valley and the
#: slope below the start; every tenth still shows each run's pace (dense where it crawls).
DOT_EVERY = 10
#: Round the inset's box (w₁ from 2.3 to 3.15, w₂ from 0.25 to 0.65) the runs draw no step
#: dot once they enter (race_plot.quiet_steps): the seven runs' last dots piled into a smear
#: there; the inset shows the last steps. Momentum's dots past the box, on its overshoot, stay.
QUIET = ((2.3, 3.15), (0.25, 0.65))


def facts() -> dict:
    trs = races.run_race(RACE)
    out = races.outcomes(RACE, trs)
    mx, my = RACE.surface.minimum
    return {"settings": settings_sentence(RACE),
            "x0": numbers.text(RACE.start[0]), "y0": numbers.text(RACE.start[1]),
            "steps": RACE.steps, "every": DOT_EVERY, "mx": numbers.text(mx), "my": numbers.text(my),
            } | {f"{name.lower()}_low": numbers.text(round(float(trs[name].points[:, 1].min()), 1))
                 for name in ("Momentum", "NAG")
            } | {f"{name.lower()}_far": numbers.text(round(float(trs[name].points[:, 0].max()), 1))
                 for name in ("Momentum", "NAG")
            } | {name.lower(): distance(out[name].distance, "text")
                 for name in ("SGD", "Momentum", "NAG", "Adam", "Adagrad", "RMSprop")
            } | {"spread": distance(max(o.distance for o in out.values()), "text"),
                 # the other runs' end distances, as their legend entries write them
                 "others_low": distance(min(o.distance for n, o in out.items() if n != "NAG"),
                                        "text"),
                 "others_high": distance(max(o.distance for n, o in out.items() if n != "NAG"),
                                         "text"),
                 "saw": see_saw(races.progress(RACE, trs)["Adadelta"]),
                 "bar": numbers.text(scale_bar_length(RACE))}



def make_figure(theme):
    return draw_race(theme, RACE, dot_edge=DOT_EDGE,
                     dot_every=DOT_EVERY, quiet=QUIET,
                     title=f"Beale’s function:  ${SURFACE_COST} = {RACE.surface.formula}$")


if __name__ == "__main__":
    gm.main(__file__)
