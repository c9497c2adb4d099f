"""The optimizer races as still figures: one race's map of contours and paths, and its figure.

The race (surface, start, steps, hyper-parameters, window) and every number drawn come from
gdcore.races; this module only lays them out on matplotlib axes. figures/race_*.py draw with it.
"""

from __future__ import annotations

import numpy as np
from matplotlib.lines import Line2D

from gdcore import races
from gdviz import mpl as gm

#: Opacity of the filled contours: a quiet backdrop, so the seven paths read on top of it.
BACKDROP_ALPHA = {"light": 0.4, "dark": 0.3}


def batch_colors(theme) -> tuple[str, str, str]:
    """The colours of the batch-size race: full batch, mini-batch, single sample."""
    return theme.text, theme.data, theme.accent


def _title(race) -> str:
    # surfaces.valley.formula uses \tfrac, which mathtext does not know: show it with \frac.
    formula = race.surface.formula.replace(r"\tfrac", r"\frac")
    return f"{race.surface.name}:  $f(x, y) = {formula}$"


def _point(p) -> str:
    return "(" + ", ".join(f"{c:g}" for c in p) + ")"


def draw_race(theme, race, height: float, legend: str = "below", title: str | None = None,
              start_label: str = "above"):
    """The figure of one race (see race_map), its legend below or to the right of the map."""
    fig, ax = gm.subplots(theme, height=height)
    handles = race_map(ax, theme, race, title=title, start_label=start_label)
    if legend == "below":
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=4,
                  columnspacing=1.2, handlelength=1.6, borderaxespad=0)
    else:
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.03, 1.0),
                  handlelength=1.6, borderaxespad=0, labelspacing=0.55)
    return fig


def race_map(ax, theme, race, title: str | None = None, start_label: str = "above") -> list:
    """Draw one race on ax: contours of the surface (log-spaced where f > 0 throughout, evenly
    spaced otherwise), every optimizer's path in its colour with a dot per step, a dot at its
    end or a cross where it leaves the frame, the start and the minimum. Returns the legend
    handles: each optimizer's learning rate (and the step at which it left the frame)."""
    trajectories = races.run_race(race)
    out = races.outcomes(race, trajectories)
    (x0, x1), (y0, y1) = race.window
    X, Y, Z = races.surface_grid(race)
    cs = gm.contour_map(ax, theme, X, Y, Z, levels=16, log=bool(np.all(Z > 0)))
    cs.set_alpha(BACKDROP_ALPHA[theme.name])
    # Shorter paths on top, so a run that barely moves is not buried under the others.
    order = sorted(out, key=lambda name: -out[name].length)
    handles = []
    for name, tr in trajectories.items():
        z = 4 + order.index(name)
        c = theme.opt(name)
        path = races.visible_path(tr.points, race.window)
        ex = out[name].exit
        label = out[name].label
        if ex is not None:
            label += f"\nleft the frame at step {ex.step}"
        (ln,) = ax.plot(path[:, 0], path[:, 1], color=c, lw=1.4, label=label, zorder=z,
                        gid=f"path:{name}", solid_joinstyle="round")
        handles.append(ln)
        # The steps as dots above all the lines: where paths share a stretch, their dots
        # (spaced by each one's own speed) still show every colour.
        steps = tr.points if ex is None else tr.points[: ex.step]
        ax.plot(steps[:, 0], steps[:, 1], ls="none", marker="o", ms=2.4, color=c, mec="none",
                zorder=z + 8, gid=f"steps:{name}")
        if ex is None:
            ax.plot(*path[-1], marker="o", ms=5.5, color=c, mec=theme.background, mew=0.8,
                    zorder=20, gid=f"end:{name}")
        else:
            ax.plot(*ex.point, marker="X", ms=7, color=c, mec=theme.background, mew=0.7,
                    zorder=20, clip_on=False, gid=f"exit:{name}")
    ax.plot(*race.start, marker="o", ms=6.5, mfc=theme.background, mec=theme.text, mew=1.2,
            zorder=30, ls="none", gid="start")
    dy, va = (6, "bottom") if start_label == "above" else (-7, "top")
    ax.annotate("start", race.start, xytext=(0, dy), textcoords="offset points", ha="center",
                va=va, fontsize=theme.small_size, color=theme.text)
    if race.surface.minimum is not None:
        ax.plot(*race.surface.minimum, marker="*", ms=11, color=theme.good,
                mec=theme.background, mew=0.8, zorder=31, ls="none", gid="minimum")
        handles.append(Line2D([], [], ls="none", marker="*", ms=9, color=theme.good,
                              mec=theme.background, mew=0.8,
                              label=f"minimum {_point(race.surface.minimum)}"))
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal")
    # Keep only the ticks inside the window (no hidden labels beyond the edges).
    ax.set_xticks([t for t in ax.get_xticks() if x0 <= t <= x1])
    ax.set_yticks([t for t in ax.get_yticks() if y0 <= t <= y1])
    ax.set_xlabel("$x$")
    ax.set_ylabel("$y$", rotation=0, labelpad=8)
    ax.set_title(title or _title(race), fontsize=theme.font_size)
    return handles
