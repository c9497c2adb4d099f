"""Seven optimizers at a saddle point

The seven optimizers start at ({x0:g}, {y0:g}), a hair off the ridge of the saddle f(x, y) = x²
− y², and take up to {steps} steps. Along x the surface is a valley that leads straight to the
saddle point at the origin; along y it falls away, but so close to y = 0 the slope in y is
almost nothing. Plain SGD, whose step is proportional to the slope, slides to the saddle and
lingers there: after {steps} steps its distance from the ridge, |y|, is only {sgd_y:.3f}.
Momentum and NAG build up speed in y and leave the frame after {momentum} and {nag} steps. The
adaptive methods divide by the size of the recent gradients, so the tiny slope in y gets a
full-sized step: RMSprop leaves after {rmsprop} steps, Adadelta after {adadelta}, Adam after
{adam} and Adagrad after {adagrad}. Left: the paths over evenly spaced contours (f is negative
above and below the saddle), a cross where a path leaves the frame. Right: |y| at every step, on
a log scale, up to the edge of the frame.

Alt: Left, a contour map of a saddle, high to the left and right, low above and below. Seven
paths start together just above the horizontal axis on the right. The grey SGD path runs left to
the centre and stays there; the other six turn upwards one after another and leave the top of
the frame, each ending in a cross. Right, a plot of |y| against step, log scale: six coloured
curves climb from 0.001 to the frame's edge within 80 steps, while the grey SGD line rises only
slowly and stays near 0.01.
"""

from gdcore import races
from gdviz import mpl as gm
from gdviz.race_plot import race_map

RACE = races.SADDLE


def facts() -> dict:
    out = races.outcomes(RACE)
    exits = {name.lower(): o.exit.step for name, o in out.items() if o.exit is not None}
    return {"x0": RACE.start[0], "y0": RACE.start[1], "steps": RACE.steps,
            "sgd_y": abs(out["SGD"].final[1])} | exits


def make_figure(theme):
    fig, (ax, ay) = gm.subplots(theme, 1, 2, height=4.3)
    handles = race_map(ax, theme, RACE, start_label="below",
                              title=f"Saddle:  $f(x, y) = {RACE.surface.formula}$")
    out = races.outcomes(RACE)
    (_, _), (_, y1) = RACE.window
    gm.style_axes(ay, theme)
    for name, tr in races.run_race(RACE).items():
        ex = out[name].exit
        pts = tr.points if ex is None else tr.points[: ex.step]
        ay.plot(range(len(pts)), abs(pts[:, 1]), color=theme.opt(name), lw=1.4,
                gid=f"abs-y:{name}")
        if ex is not None:  # where it leaves the frame: |y| reaches the frame's edge
            ay.plot(ex.step, abs(ex.point[1]), marker="X", ms=6.5, color=theme.opt(name),
                    mec=theme.background, mew=0.6, zorder=5, gid=f"abs-y-exit:{name}")
    ay.axhline(y1, color=theme.muted, lw=0.9, ls="--", zorder=1)
    ay.text(2, y1 * 1.25, "edge of the frame", fontsize=theme.small_size, color=theme.muted,
            va="bottom", ha="left")
    ay.set_yscale("log")
    ay.set_xlim(0, RACE.steps)
    ay.set_ylim(RACE.start[1] * 0.6, y1 * 3)
    ay.set_yticks([t for t in (1e-3, 1e-2, 1e-1, 1.0) if t >= RACE.start[1]])
    ay.set_xlabel("step")
    ay.set_ylabel("distance from the ridge, $|y|$")
    ay.set_title("Escaping the saddle", fontsize=theme.font_size)
    ay.set_box_aspect(1)
    fig.legend(handles=handles, loc="outside lower center", ncol=3, columnspacing=1.5,
               handlelength=1.6)
    return fig


if __name__ == "__main__":
    gm.main(__file__)
