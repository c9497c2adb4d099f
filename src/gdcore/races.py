"""Optimizer races: the one place where their settings live, and the batch-size race.

A race runs all seven optimizers (optimizers.NAMES) from one start on one surface for a fixed
number of steps. Each race's hyper-parameters are chosen so that the surface tells its story,
and the reason for every choice is written next to it. Figures and animations read the settings
from here and the trajectories from run_race, so a still and its animation always agree.

    trajectories = run_race(LONG_VALLEY)          # {name: descent.Trajectory}
    exit = frame_exit(trajectories["Adam"].points, LONG_VALLEY.window)

The batch-size race (BATCH_RACE, run_batch_race) runs full-batch, mini-batch and single-sample
descent on the regression cost of the chapter's seven points, seeded.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

import numpy as np

from . import data, descent
from .optimizers import NAMES, Optimizer, make, sgd
from .surfaces import Surface, beale, saddle, valley

Window = tuple[tuple[float, float], tuple[float, float]]


@dataclass(frozen=True)
class Inset:
    """A magnified view of where a race's runs end, drawn over the race's map: `region` (x range,
    y range) is the neighbourhood of the minimum where the end points crowd, shown at one scale
    in x and y (larger than the map's) inside `place` (x range, y range in the map's own
    coordinates): a part of the map that no path crosses, so the inset hides nothing."""

    region: Window
    place: Window


@dataclass(frozen=True)
class Race:
    """One race: the surface, the common start, the number of steps and every optimizer's
    hyper-parameters (keyword arguments of optimizers.make), in optimizers.NAMES order.

    window is the view (x range, y range) a figure shows; bound is the largest |coordinate| a
    run may reach before descent.run stops it as diverged (a little beyond the window, so a run
    that leaves the view is stopped soon after, cleanly, instead of running off to infinity).
    """

    key: str
    surface: Surface
    start: tuple[float, float]
    steps: int
    hyper: Mapping[str, Mapping[str, float]] = field(compare=False)
    window: Window
    bound: float
    inset: Inset | None = None

    def __post_init__(self) -> None:
        if tuple(self.hyper) != NAMES:
            raise ValueError(f"hyper must name the optimizers {NAMES} in order, "
                             f"got {tuple(self.hyper)}")
        frozen = MappingProxyType({n: MappingProxyType(dict(h)) for n, h in self.hyper.items()})
        object.__setattr__(self, "hyper", frozen)
        object.__setattr__(self, "start", tuple(float(c) for c in self.start))

    def optimizer(self, name: str) -> Optimizer:
        """The optimizer `name` with this race's hyper-parameters."""
        return make(name, **self.hyper[name])

    def optimizers(self) -> dict[str, Optimizer]:
        """All seven optimizers of the race, in optimizers.NAMES order."""
        return {name: self.optimizer(name) for name in NAMES}


# ------------------------------------------------------------------------ the long valley
# f = (0.1 x² + 5 y²) / 2: curvature 5 across the valley, 0.1 along it (condition number 50).
# The start lies at the far end of the valley and up its side wall, so every optimizer has to
# both drop to the valley floor (y) and travel its length (x).
LONG_VALLEY = Race(
    key="long-valley",
    surface=valley,
    start=(-9.0, 1.5),
    # 80 steps: long enough for the adaptive methods and momentum to arrive, short enough
    # that plain SGD is caught about halfway along the floor.
    steps=80,
    hyper={
        # α = 0.1, the same rate as Momentum and NAG, so that the only difference is the
        # velocity. Across the valley α·5 = 0.5 drops straight to the floor; along it each step
        # keeps 1 − α·0.1 = 99 % of the distance: SGD crawls (still ~4 from the minimum).
        "SGD": {"lr": 0.1},
        # β = 0.9 multiplies the steady step by 1/(1 − β) = 10, which speeds the trip along
        # the floor, but across the valley (α·5 = 0.5) the velocity overshoots: the path swings
        # from wall to wall, damped by only √β ≈ 0.95 per step.
        "Momentum": {"lr": 0.1, "beta": 0.9},
        # The same rate and β: the look-ahead gradient damps the swings a little sooner, but
        # the path still crosses the floor back and forth.
        "NAG": {"lr": 0.1, "beta": 0.9},
        # Adagrad divides each coordinate by its own gradient history, so its first step is α
        # in both coordinates whatever the curvature: α = 1.5, the start's height on the wall,
        # drops it onto the valley floor in one step; then its steps along the floor shrink
        # like 1/√t as the history grows, but it arrives. (α = 1 would trace almost exactly
        # RMSprop's path, which starts out as Adagrad with 10 times the rate.)
        "Adagrad": {"lr": 1.5},
        # Adadelta's step scale comes from √ε at the start (torch's ε = 1e-6 gives 0.003 per
        # step, no movement to see); ε = 1e-2 starts it at about 0.3 per step, in line with
        # the others, with torch's default lr = 1 and ρ = 0.9.
        "Adadelta": {"lr": 1.0, "rho": 0.9, "eps": 1e-2},
        # RMSprop's running average of g² equalises the two curvatures: α = 0.1 takes even
        # steps in x and y, so the path turns to the floor quickly and runs along it.
        "RMSprop": {"lr": 0.1},
        # Adam's normalised steps have length about α per coordinate: α = 0.3 covers the
        # valley's length of 9 in about 30 steps; its averaged gradient (β1 = 0.9) carries it
        # across the floor in one wide swing (to y ≈ −0.6) before it settles.
        "Adam": {"lr": 0.3},
    },
    window=valley.window,
    bound=12.0,
    # Six runs end within 0.15 of the minimum, on the map's scale a pile of squares on the star
    # (the closest two, Momentum's and RMSprop's, 0.023 apart): the inset shows the floor from
    # x = −0.18 to 0.035 about 20 times larger, below the valley's end, where no path goes (right
    # of x = −3.8 the deepest swings, NAG's and Adam's, stay above y = −0.6): the place reaches up
    # to y = −0.7, as tall as the room under them allows, since the region's shape (3.6 times
    # as wide as tall) makes the inset's height its limit. It starts at x = −3.8, not −4:
    # Momentum's swing turns back up at (−4.1, −0.69), and the inset's corner at (−4, −0.8)
    # stood 4 px from it at 480p, reading as touching; from −3.8 it stands 12 px clear.
    inset=Inset(region=((-0.18, 0.035), (-0.04, 0.02)), place=((-3.8, 1.9), (-2.45, -0.7))),
)

# ------------------------------------------------------------------------ Beale's function
# Minimum (3, 0.5) at the end of a curved, flat-bottomed valley; the surface spans orders of
# magnitude, hence log-scaled contours. From (0.7, 1.4), on the flat shelf near the saddle at
# (0, 1), the gradient is small along the valley and steep across it, so the methods part ways.
BEALE = Race(
    key="beale",
    surface=beale,
    start=(0.7, 1.4),
    # 300 steps: NAG, Adam, Adagrad and RMSprop end within 0.1 of the minimum, Momentum just
    # inside it after its excursion; SGD and Adadelta are still about 0.2 short.
    steps=300,
    hyper={
        # α = 0.01, shared with Momentum and NAG: larger rates blow up on the steep walls
        # (|∇f| is 50 at the start and reaches hundreds a short way up the slope).
        "SGD": {"lr": 0.01},
        # The same α with β = 0.9: ten times SGD's steady speed, it shoots down the steep wall
        # to y ≈ −1.6, swings back and overshoots the minimum along the valley to x ≈ 4.8.
        "Momentum": {"lr": 0.01, "beta": 0.9},
        # The same α and β: the look-ahead gradient brakes sooner, so its swing is smaller and
        # it settles right on the minimum.
        "NAG": {"lr": 0.01, "beta": 0.9},
        # α = 0.65: its first step, α in each coordinate, jumps diagonally across the corner of
        # the shelf (to x = 0.05, just inside the view); then its steps shrink as the gradient
        # history grows and it eases along the valley. (α = 0.3 would trace RMSprop's path:
        # RMSprop at α/10 starts out as Adagrad; at α = 0.6 it would end 0.007 from RMSprop's
        # end, a distance no inset can show; at 0.65 the two ends lie 0.019 apart.)
        "Adagrad": {"lr": 0.65},
        # ε = 1e-4 (not torch's 1e-6) for a first step of about 0.03 instead of 0.003; then
        # Adadelta finds its own scale from the ratio of past steps to past gradients.
        "Adadelta": {"lr": 1.0, "rho": 0.9, "eps": 1e-4},
        # α = 0.03: RMSprop's normalised steps of about 0.03 per coordinate reach the minimum.
        "RMSprop": {"lr": 0.03},
        # α = 0.1: Adam's normalised steps are about 0.1 per coordinate, and its averaged
        # gradient (β1 = 0.9) carries it wide around the bend, in a loop to the left and below,
        # before it settles at the minimum.
        "Adam": {"lr": 0.1},
    },
    # The view holds every path (Momentum's swing reaches x ≈ 4.8 and y ≈ −1.6).
    window=((0.0, 5.0), (-1.75, 1.75)),
    bound=6.0,
    # All seven runs end within 0.21 of the minimum, the closest two (RMSprop and Adagrad) 0.019
    # apart and NAG on the star: the inset shows the valley's end around them about seven times
    # larger, in the empty lower right of the map (Momentum's dive stays left of x = 1.7, and the
    # paths right of x = 2.4 above y = 0.15).
    inset=Inset(region=((2.78, 3.11), (0.365, 0.54)), place=((2.4, 4.9), (-1.7, 0.0))),
)

#: Beale's inset in the video (race-beale), over the map: there the window's box round the
#: region stands on the map about the minimum's star (its points reach 0.117 above and right of
#: its centre and 0.095 below it at the map's scale), and the still's region, its top 0.04 above
#: the star's centre, its right side 0.11 right of it and its foot 0.135 under it, cut the box
#: through the star or all but touched it. The region is padded to hold the star whole, about
#: 3 px clear of the box's line at 480p: its top at 0.65, its right side at 3.16, its foot at
#: 0.35; the ends it parts (x 2.80 to 3.09, y 0.385 to 0.521) as before. Taller (1.27 times as
#: wide as tall, not 1.9), its inset is the place's height: the place reaches up to y = 0.2,
#: every path right of x = 2.55 staying above y = 0.34 (12 px above the frame), and starts at
#: x = 2.65, narrow enough that the inset's name stands under it (from x = 2.4, left of it at
#: its foot, it lay over Momentum's dive).
BEALE_MAP_INSET = Inset(region=((2.78, 3.16), (0.35, 0.65)), place=((2.65, 4.9), (-1.7, 0.2)))

# ------------------------------------------------------------------------ the saddle
# f = x² − y²: a saddle point at the origin, a minimum along x and a maximum along y. The start
# (1, 0.001) sits a hair off the ridge y = 0: the y-gradient −2y is tiny there, so a method
# that steps in proportion to the gradient barely moves in y while x drains to the saddle.
SADDLE = Race(
    key="saddle",
    surface=saddle,
    start=(1.0, 1e-3),
    # 120 steps: everyone but SGD has left the window by then; SGD's |y| has grown by only
    # (1 + 2α)^120 ≈ 11 times, to about 0.01, and it sits next to the saddle point.
    steps=120,
    hyper={
        # α = 0.01: |y| grows by 2 % per step, far too slowly to escape in 120 steps.
        "SGD": {"lr": 0.01},
        # The same α with β = 0.9: the velocity compounds the growth (about 11 % per step),
        # so it escapes after some 70 steps.
        "Momentum": {"lr": 0.01, "beta": 0.9},
        # The same α and β: escapes like Momentum, a few steps sooner.
        "NAG": {"lr": 0.01, "beta": 0.9},
        # Adagrad divides by √(Σg²), so the tiny y-gradient gets a full-size step: α = 0.07
        # moves 0.07 in y from the first step; its steps then shrink like 1/√t, and it leaves
        # the window after some 60 steps. (α = 0.1 would repeat RMSprop's run at α = 0.01
        # almost step for step: RMSprop starts out as Adagrad with 10 times the rate.)
        "Adagrad": {"lr": 0.07},
        # Adadelta with torch's lr = 1, ρ = 0.9, ε = 1e-6: the first steps are tiny, but being
        # normalised they grow as fast in y as in x, and it escapes in about 35 steps.
        "Adadelta": {"lr": 1.0, "rho": 0.9, "eps": 1e-6},
        # α = 0.01: normalised by the running RMS of a tiny gradient, the first y-steps are
        # 10 α = 0.1; it escapes in about 30 steps.
        "RMSprop": {"lr": 0.01},
        # α = 0.03: normalised steps of about 0.03 in y from the start; escapes in about 45.
        "Adam": {"lr": 0.03},
    },
    window=saddle.window,
    bound=1.6,
)

#: The saddle race's magnified view in its video (the still shows the whole window only): the
#: saddle point's close neighbourhood, 0.19 wide and 0.116 high (the aspect of the room the view
#: opens out into under it, over the map's lower half, which no path crosses), magnified about
#: 16 times, so that SGD's lingering reads: its last steps creep in from w₁ = 0.13 to its end at
#: (0.089, 0.011), its |w₂| some 17 px above the ridge at 480p, the saddle point a third of the
#: way in from the left; Momentum's and NAG's passes along the ridge (they swing out to
#: w₁ = −0.30 and −0.23), their way back and the foot of their climb (w₁ 0.05 to 0.09) cross
#: it, clipped at its edges. A third of it below the ridge: every run leaves on the side
#: w₂ > 0. `place` is unused by the video, which grows the region's own box.
SADDLE_ZOOM = Inset(region=((-0.06, 0.13), (-0.04, 0.076)), place=((-1.4, 1.4), (-1.45, -0.2)))

#: The three races by key, in the chapter's order.
RACES: dict[str, Race] = {r.key: r for r in (LONG_VALLEY, BEALE, SADDLE)}


#: Grid points per axis of a race's surface backdrop (the still's contours and the scene's
#: banded image): fine enough that the contours stay smooth at a page's width.
MAP_GRID = 400


def surface_grid(race: Race, size: int = MAP_GRID) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(X, Y, Z): the race's surface on a size × size grid over its window (still and scene)."""
    return race.surface.grid(size, race.window)


def run_race(race: Race) -> dict[str, descent.Trajectory]:
    """Each optimizer's Trajectory on the race's surface, in optimizers.NAMES order.

    Losses are the surface values. A run that goes beyond race.bound (or whose value is
    non-finite) stops there with diverged=True; on the saddle, which is unbounded below, this is
    how an escaping run ends.
    """
    kept = _RUNS.get(id(race))
    if kept is None or kept[0] is not race:
        s = race.surface
        kept = _RUNS[id(race)] = race, {
            name: descent.run(opt, s.grad, race.start, race.steps, loss_fn=s.value,
                              bound=race.bound)
            for name, opt in race.optimizers().items()
        }
    return dict(kept[1])


#: run_race's runs, once per race (id -> the race, kept so that its id is not reused; its
#: trajectories): a Trajectory is frozen (read-only arrays), so every caller may share one.
_RUNS: dict[int, tuple[Race, dict[str, descent.Trajectory]]] = {}


@dataclass(frozen=True)
class FrameExit:
    """Where a path leaves a window for good: the first step outside (θ_step lies outside the
    window and so do all later points) and the point where segment step−1 → step crosses the
    window's edge."""

    step: int
    point: tuple[float, float]


def inside(points, window: Window) -> np.ndarray:
    """For each point (rows of a (k, 2) array), whether it lies in the closed window."""
    p = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    (x0, x1), (y0, y1) = window
    return (p[:, 0] >= x0) & (p[:, 0] <= x1) & (p[:, 1] >= y0) & (p[:, 1] <= y1)


def frame_exit(points, window: Window) -> FrameExit | None:
    """Where the path leaves the window and does not come back, or None if it ends inside.

    The crossing point is on the segment from the last inside point to the first outside one,
    at the largest fraction that still lies in the window (clipping against each edge).
    """
    p = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    ins = inside(p, window)
    if ins[-1] or not ins[0]:
        return None
    k = int(np.flatnonzero(ins)[-1]) + 1  # first step of the final run outside
    c = _crossing(p[k - 1], p[k], window)
    return FrameExit(k, (float(c[0]), float(c[1])))


def _crossing(a: np.ndarray, b: np.ndarray, window: Window) -> np.ndarray:
    """Where the segment a -> b crosses the window's edge, one end inside and one outside: on
    the way out the last point still inside, on the way in the first point inside (clipping
    against each edge)."""
    d = b - a
    if inside(a, window)[0]:  # leaving: the smallest fraction that reaches an edge
        frac = 1.0
        for axis, (lo, hi) in enumerate(window):
            if d[axis] > 0 and b[axis] > hi:
                frac = min(frac, (hi - a[axis]) / d[axis])
            elif d[axis] < 0 and b[axis] < lo:
                frac = min(frac, (lo - a[axis]) / d[axis])
    else:  # entering: the largest fraction that is past every edge
        frac = 0.0
        for axis, (lo, hi) in enumerate(window):
            if d[axis] > 0 and a[axis] < lo:
                frac = max(frac, (lo - a[axis]) / d[axis])
            elif d[axis] < 0 and a[axis] > hi:
                frac = max(frac, (hi - a[axis]) / d[axis])
    return a + frac * d


def clip_polyline(points, window: Window) -> list[np.ndarray]:
    """The pieces of a polyline inside a window: each run of consecutive points inside, begun
    where the line enters and ended where it leaves (on the window's edge). A piece of fewer
    than two points is dropped. The window's ranges may be infinite (a band)."""
    p = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    ins = inside(p, window)
    pieces, cur = [], []
    for i in range(len(p)):
        if i > 0 and ins[i] != ins[i - 1]:
            cur.append(_crossing(p[i - 1], p[i], window))
            if not ins[i]:
                pieces.append(np.array(cur))
                cur = []
        if ins[i]:
            cur.append(p[i])
    if cur:
        pieces.append(np.array(cur))
    return [piece for piece in pieces if len(piece) >= 2]


def visible_path(points, window: Window) -> np.ndarray:
    """The part of a path drawn in a window: all of it if it ends inside; otherwise the points
    up to its final exit, ending at the crossing point on the window's edge."""
    p = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    ex = frame_exit(p, window)
    if ex is None:
        return p.copy()
    return np.vstack([p[: ex.step], np.asarray(ex.point)[None, :]])


def progress(race: Race, trajectories: Mapping[str, descent.Trajectory] | None = None
             ) -> dict[str, np.ndarray]:
    """name -> how far each run is from where the race leads, at every step it spends in the
    window (steps 0, 1, … up to its exit, or all of them): the distance ‖θ_t − θ*‖ to the
    surface's minimum, or on a surface without one (the saddle) |y_t|, the distance from the
    ridge y = 0 that a run has to leave. run_race(race) unless trajectories given."""
    trajectories = run_race(race) if trajectories is None else trajectories
    out = {}
    for name, tr in trajectories.items():
        ex = frame_exit(tr.points, race.window)
        p = tr.points if ex is None else tr.points[: ex.step]
        if race.surface.minimum is None:
            out[name] = np.abs(p[:, 1])
        else:
            out[name] = np.linalg.norm(p - np.asarray(race.surface.minimum), axis=1)
    return out


#: A crossing of y = 0 counts as a swing when the path reaches this far (|y|) on both sides: the
#: runs that settle on a valley's floor wobble across it at 10⁻¹⁴, which no eye sees.
SWING_AMPLITUDE = 0.1


def swings(points, amplitude: float = SWING_AMPLITUDE) -> int:
    """How many times a path crosses y = 0 from |y| > amplitude on one side to the other."""
    y = np.asarray(points, dtype=np.float64).reshape(-1, 2)[:, 1]
    s = np.sign(y[np.abs(y) > amplitude])
    return int(np.count_nonzero(s[1:] != s[:-1]))


# ------------------------------------------------------------------------ the batch-size race
@dataclass(frozen=True)
class BatchRace:
    """Plain gradient descent on the regression cost J(m, b) of the seven points with three
    batch sizes (None = full batch), the same start, rate, steps and seed."""

    start: tuple[float, float]
    lr: float
    steps: int
    seed: int
    batch_sizes: tuple[int | None, ...]
    window: Window  # (m range, b range) of the view

    @property
    def labels(self) -> tuple[str, ...]:
        """A label per batch size, e.g. 'full batch (7 points)', 'single sample (stochastic)'."""
        n = data.regression_points()[0].size
        out = []
        for bs in self.batch_sizes:
            if bs is None or bs == n:
                out.append(f"full batch ({n} points)")
            elif bs == 1:
                out.append("single sample (stochastic)")
            else:
                out.append(f"mini-batch ({bs} points)")
        return tuple(out)


# The start lies on the floor of the elongated bowl, 2.5 from the minimum along it (the
# eigenvector of J's small Hessian eigenvalue, 0.046): the full-batch path glides smoothly along
# the floor, while the sampled gradients, which disagree mostly in the steep direction (m),
# throw the other two from wall to wall. α = 0.1, the same for all three, is below the largest
# stable full-batch rate 2/14.588 = 0.137; a single sample's own curvature x² + 1 exceeds 2/α
# only for x = 5, and the other samples pull the run back, so none diverges. 300 steps: the full
# batch covers most of the way to the minimum; the noise of the others stays clearly visible.
BATCH_RACE = BatchRace(
    start=(-0.3, 3.2),
    lr=0.1,
    steps=300,
    seed=0,
    batch_sizes=(None, 3, 1),
    window=((-1.0, 1.2), (0.0, 4.0)),
)


def run_batch_race(race: BatchRace = BATCH_RACE) -> dict[str, descent.Trajectory]:
    """label -> Trajectory of descent.run_regression with that batch size (losses = J on all
    seven points at every step), the same SGD rate, start, steps and seed for all three."""
    x, y = data.regression_points()
    return {
        label: descent.run_regression(
            sgd(race.lr), x, y, race.start, race.steps, batch_size=bs, seed=race.seed
        )
        for label, bs in zip(race.labels, race.batch_sizes, strict=True)
    }


@dataclass(frozen=True)
class BatchSummary:
    """How the batch-size race's runs are compared at the end: J averaged over each run's last
    `last_steps` steps and over the seeds `seeds` (the full batch draws nothing, so its seeds
    agree)."""

    last_steps: int
    seeds: tuple[int, ...]
    #: Steps of the centred moving average drawn over each run's seed mean (smoothed_costs):
    #: odd, so that it is centred on its step.
    smooth_steps: int = 1


# One seed's final J says where its last jump happened to land (seed 0 ends with the single
# sample at J ≈ 0.032 below the mini-batch's 0.070, which the picture does not show). The mean
# of the last 100 steps (the sampled runs have been jittering about the floor for 200 steps by
# then) over 20 seeds is stable: its standard error is below 0.01 and it ranks the runs as the
# paths do, full batch < mini-batch < single sample.
# The seed mean still jumps from step to step (20 seeds do not cancel the single sample's
# throws, each of which moves J by a factor of 2 or more): a centred moving average over 15
# steps, a twentieth of the run, reads as one curve per run and keeps the order of the runs
# and their slow fall; shorter windows keep the jumps, longer ones bend the first steps' fall.
BATCH_SUMMARY = BatchSummary(last_steps=100, seeds=tuple(range(20)), smooth_steps=15)


def seed_mean_costs(race: BatchRace = BATCH_RACE, summary: BatchSummary = BATCH_SUMMARY
                    ) -> dict[str, np.ndarray]:
    """label -> J on all seven points at every step (0 … race.steps), averaged over the runs
    of summary.seeds (the race's other settings unchanged). All seeds start at race.start, so
    every run's mean starts at the same J at step 0."""
    return {label: mean.copy() for label, mean in _seed_means(race, summary.seeds).items()}


@functools.lru_cache(maxsize=4)
def _seed_means(race: BatchRace, seeds: tuple[int, ...]) -> dict[str, np.ndarray]:
    """seed_mean_costs, computed once per race and seeds (the still, the video and their tests
    read the same 60 runs); callers get copies."""
    x, y = data.regression_points()
    return {label: np.mean([descent.run_regression(sgd(race.lr), x, y, race.start, race.steps,
                                                   batch_size=bs, seed=seed).losses
                            for seed in seeds], axis=0)
            for label, bs in zip(race.labels, race.batch_sizes, strict=True)}


def moving_average(values, steps: int) -> np.ndarray:
    """The centred moving average of `values` over `steps` (odd) entries; near the ends the
    window shrinks symmetrically, so the first and last values are kept as they are."""
    if steps < 1 or steps % 2 == 0:
        raise ValueError(f"a centred window has an odd number of steps, got {steps}")
    v = np.asarray(values, dtype=float)
    csum = np.concatenate([[0.0], np.cumsum(v)])
    i = np.arange(v.size)
    half = np.minimum(steps // 2, np.minimum(i, v.size - 1 - i))
    return (csum[i + half + 1] - csum[i - half]) / (2 * half + 1)


def smoothed_costs(race: BatchRace = BATCH_RACE, summary: BatchSummary = BATCH_SUMMARY
                   ) -> dict[str, np.ndarray]:
    """label -> the seed mean of seed_mean_costs, averaged over summary.smooth_steps steps
    centred on each step (moving_average): what the still draws strong over the raw mean."""
    return {label: moving_average(m, summary.smooth_steps)
            for label, m in seed_mean_costs(race, summary).items()}


def route(points, summary: BatchSummary = BATCH_SUMMARY) -> np.ndarray:
    """The route of a sampled run on the map: its (steps, 2) path averaged over
    summary.smooth_steps steps centred on each step (moving_average, the window the cost curves
    are smoothed over), from its start to its last point."""
    pts = np.asarray(points, dtype=float)
    return np.column_stack([moving_average(pts[:, k], summary.smooth_steps) for k in (0, 1)])


def settled_costs(race: BatchRace = BATCH_RACE, summary: BatchSummary = BATCH_SUMMARY
                  ) -> dict[str, float]:
    """label -> J on all seven points, averaged over the run's last summary.last_steps steps
    and over summary.seeds (the race's other settings unchanged): the mean of seed_mean_costs
    over its last summary.last_steps steps."""
    return {label: float(np.mean(m[-summary.last_steps:]))
            for label, m in seed_mean_costs(race, summary).items()}


# ------------------------------------------------------------------------ summaries
@dataclass(frozen=True)
class RaceOutcome:
    """What one optimizer's run of a race came to, for captions, legends and tests."""

    name: str
    label: str  # Optimizer.label(): name and learning rate
    steps: int  # steps actually taken
    final: tuple[float, float]
    value: float  # f at the final point
    distance: float | None  # from the final point to the surface's minimum (None: no minimum)
    exit: FrameExit | None  # where the path leaves the race's window for good
    y_sign_changes: int  # how often the y-coordinate changes sign (swings across y = 0)
    length: float  # length of the path drawn in the window (visible_path)


def outcomes(race: Race, trajectories: Mapping[str, descent.Trajectory] | None = None
             ) -> dict[str, RaceOutcome]:
    """name -> RaceOutcome of each run of the race (run_race(race) unless trajectories given)."""
    trajectories = run_race(race) if trajectories is None else trajectories
    out = {}
    for name, tr in trajectories.items():
        p = tr.points
        fin = p[-1]
        dist = None
        if race.surface.minimum is not None:
            dist = float(np.linalg.norm(fin - np.asarray(race.surface.minimum)))
        s = np.sign(p[:, 1])
        s = s[s != 0]
        out[name] = RaceOutcome(
            name=name,
            label=race.optimizer(name).label(),
            steps=tr.steps,
            final=(float(fin[0]), float(fin[1])),
            value=race.surface.value(fin),
            distance=dist,
            exit=frame_exit(p, race.window),
            y_sign_changes=int(np.count_nonzero(s[1:] != s[:-1])),
            length=float(np.sum(np.linalg.norm(np.diff(visible_path(p, race.window), axis=0),
                                               axis=1))),
        )
    return out
