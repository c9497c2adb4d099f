"""Seven optimizers in a long, narrow valley

All seven optimizers start together at ({x0:g}, {y0:g}), on the side wall of a valley {ratio:g}
times more sharply curved across than along, and take {steps} steps each; a dot marks every
step. Plain SGD drops to the floor and then crawls along it: it ends {sgd:.1f} from the minimum.
Momentum and NAG, at the same learning rate, travel faster but swing from wall to wall (Momentum
crosses the floor {swings} times). The adaptive methods scale each coordinate by its own
gradient history, so they turn down the valley at once: RMSprop ends {rmsprop:.2f} from the
minimum and Adagrad {adagrad:.2f}; Adam, which also averages its gradients, swings across once
on the way and ends {adam:.2f} away. The legend gives each learning rate α; contours are spaced
by a constant factor.

Alt: Contour map of an elongated elliptical valley with its minimum, a star, at the right. Seven
coloured dotted paths leave a common start at the upper left. The grey SGD path falls to the
valley floor and stops about halfway along it; the two blue momentum paths zig-zag across the
floor on their way to the star; the adaptive methods' paths bend down to the floor at once and
run along it to the star, Adam's in one wide swing.
"""

from gdcore import races, surfaces
from gdviz import mpl as gm
from gdviz.race_plot import draw_race

RACE = races.LONG_VALLEY


def facts() -> dict:
    out = races.outcomes(RACE)
    return {
        "x0": RACE.start[0], "y0": RACE.start[1], "steps": RACE.steps,
        "sgd": out["SGD"].distance, "adam": out["Adam"].distance,
        "rmsprop": out["RMSprop"].distance, "adagrad": out["Adagrad"].distance,
        "swings": out["Momentum"].y_sign_changes,
        "ratio": surfaces.VALLEY_C / surfaces.VALLEY_A,
    }


def make_figure(theme):
    return draw_race(theme, RACE, height=3.4, legend="below")


if __name__ == "__main__":
    gm.main(__file__)
