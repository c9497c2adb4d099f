"""Seven optimizers at a saddle point

The seven optimizers start at ({x0}, {y0}), a hair off the ridge of the saddle J(w₁, w₂) = w₁² −
w₂², and take up to {steps} steps. Along w₁ the surface is a valley that leads straight to the
saddle point at the origin; along w₂ it falls away, but so close to w₂ = 0 the slope in w₂ is
almost nothing. Plain SGD, whose step is proportional to the slope, slides to the saddle and
lingers there: after {steps} steps its distance from the ridge, |w₂|, is only {sgd_y}. Momentum
and NAG build up speed in w₂ and leave the frame after {momentum} and {nag} steps. The adaptive
methods divide by the size of the recent gradients, so the tiny slope in w₂ gets a full-sized
step: RMSprop leaves after {rmsprop} steps, Adadelta after {adadelta}, Adam after {adam} and
Adagrad after {adagrad}. Left: the paths over evenly spaced contours (J is negative above and
below the saddle), each from the start (the ring), a dot every {every} steps, in a lane of its
own, {lane} points from the next on the page, an offset of the drawing, not of the weights:
runs that share a track (Momentum and NAG along the ridge with SGD and then up the slope by
w₁ ≈ 0, Adagrad and RMSprop on their climb) show side by side, an empty lane between Adagrad
and RMSprop. SGD's, in the middle lane on its own points, is drawn over all the others and
ends in a square just beside the saddle point's plus; NAG's lane lies just above it and
Momentum's just below, either side of the ridge they travel.
Each run that leaves ends in a cross of its colour ON the frame's edge, where its lane crosses
it, each ringed in the page's colour, a later exit's over an earlier one's. Right: |w₂| at
every step, on a log scale, up to the edge of the frame, where a cross ON the edge line marks
each exit at its step. Over the map and over the panel the runs that leave are named: runs
that leave side by side (on the map Momentum, NAG and Adam, and RMSprop and Adagrad; in the
panel RMSprop and Adadelta, two steps apart, and Adagrad, NAG and Momentum) in one stacked
list of names in their colours, the earliest exit at the bottom, each list on a thin leader
down to its crosses.
The panel is as tall as the map, and the legend, the key to both panels, names the runs.
{settings}

Alt: Left, a contour map of a saddle, high to the left and right, low above and below. Seven
paths start together at a ring just above the horizontal axis on the right. The SGD path runs
left to the centre and ends in a square beside the plus of the saddle point; the Momentum and
NAG paths run left along the axis just past the centre, then turn up side by side and leave the
top of the frame; the other four turn upwards from the start and leave the top of the frame;
each path that leaves ends in a cross of its colour on the top edge, and the names of the runs
stand above the map in stacked lists, each on a thin line down to its crosses.
Right, a plot of |w₂| against step, log scale: six coloured curves climb from 0.001 to the
frame's edge between steps {rmsprop} and {momentum}, each ending in a cross on it, named above
the panel, while the SGD line rises only slowly, to {sgd_y}.
"""

from gdcore import races
from gdviz import mpl as gm
from gdviz import numbers
from gdviz.race_plot import draw_race, settings_sentence
from gdviz.theme import SURFACE_COST

RACE = races.SADDLE
#: Small step dots and thin paths, every run one width: three runs (Adagrad, RMSprop, Adam)
#: climb out along nearly one curve, and each must show beside the others. The rings round the
#: dots are fine (as on Beale's function): SGD's steps shorten to a fraction of a dot along the
#: ridge, and the usual rings would swamp their fills into a pale string.
STEP_DOT, PATH_WIDTHS, DOT_EDGE = 2.0, (0.5, 0.0), 0.05
#: A step dot every DOT_EVERY steps.
DOT_EVERY = 4
#: Each run drawn in a lane of its own, LANE points from the next (race_plot.lane_of, the
#: video's lanes): Momentum and NAG (same α and β) share their track along the ridge, with SGD,
#: and up the slope by w₁ ≈ 0, and Adagrad climbs along RMSprop; the lanes step diagonally, so
#: they part the runs on the level stretch and on the climb alike. SGD keeps the middle lane,
#: its own points.
LANE = 1.6
#: The lanes from the first to the last (race_plot.lane_of), the video's order (RaceSaddle.
#: LANE_ORDER) with a lane left empty between Adagrad and RMSprop, which climb out along nearly
#: one curve (one lane apart, the dots of one covered the other's): NAG's lane just above
#: SGD's and Momentum's just below, so that the three runs that travel the ridge straddle it,
#: SGD on it, and NAG and Momentum, which share their track along it and up the slope, stand
#: two lanes apart. The last place is left empty to keep SGD's lane in the middle.
LANE_ORDER = ("Adagrad", None, "RMSprop", "NAG", "SGD", "Momentum", "Adam", "Adadelta", None)


def facts() -> dict:
    out = races.outcomes(RACE)
    exits = {name.lower(): o.exit.step for name, o in out.items() if o.exit is not None}
    return {"settings": settings_sentence(RACE),
            "x0": numbers.text(RACE.start[0]), "y0": numbers.text(RACE.start[1]),
            "steps": RACE.steps, "every": DOT_EVERY, "lane": numbers.text(LANE),
            "sgd_y": numbers.text(abs(out["SGD"].final[1]), places=3),
            } | exits



def make_figure(theme):
    return draw_race(theme, RACE,
                     on_top="SGD", step_dot=STEP_DOT,
                     path_widths=PATH_WIDTHS, dot_edge=DOT_EDGE, dot_every=DOT_EVERY, lane=LANE,
                     lane_order=LANE_ORDER,
                     title=f"Saddle:  ${SURFACE_COST} = {RACE.surface.formula}$")


if __name__ == "__main__":
    gm.main(__file__)
