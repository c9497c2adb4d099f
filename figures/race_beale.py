"""Seven optimizers on Beale's function

The same seven optimizers, {steps} steps each from ({x0:g}, {y0:g}) on Beale's function, whose
minimum (the star) is at ({mx:g}, {my:g}) at the end of a long, curved valley. The contours are
spaced by a constant factor, because the function spans several orders of magnitude. Plain SGD
slides down the nearest slope and creeps along the valley ({sgd:.2f} short of the minimum at the
end). Momentum, at the same rate, shoots down the steep wall and overshoots far along the valley
before returning ({momentum:.2f} away); NAG swings less and ends right on the minimum ({nag:.0e}
away). The adaptive methods bend towards the valley at once; Adam, whose averaged gradient
carries it wide around the bend, ends {adam:.2f} away, RMSprop {rmsprop:.2f}. The legend gives
each learning rate α.

Alt: Contour map of Beale's function with a star at ({mx:g}, {my:g}). Seven coloured dotted
paths start together at the upper left. The adaptive methods' paths curve down to the valley and
along it to the star; the two momentum paths dive far below, swing back and overshoot the star
to the right before returning; the grey SGD path slides down and stops a little short of the
star.
"""

from gdcore import races
from gdviz import mpl as gm
from gdviz.race_plot import draw_race

RACE = races.BEALE


def facts() -> dict:
    out = races.outcomes(RACE)
    mx, my = RACE.surface.minimum
    return {"x0": RACE.start[0], "y0": RACE.start[1], "steps": RACE.steps, "mx": mx, "my": my} | {
        name.lower(): out[name].distance for name in ("SGD", "Momentum", "NAG", "Adam", "RMSprop")
    }


def make_figure(theme):
    return draw_race(theme, RACE, height=3.3, legend="right",
                     title=f"Beale's function:  $f(x, y) = {RACE.surface.formula}$")


if __name__ == "__main__":
    gm.main(__file__)
