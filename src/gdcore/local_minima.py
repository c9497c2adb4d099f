"""Local minima on the bumpy 1-D cost J(w) (surfaces.bumpy), and momentum rolling through.

Plain gradient descent from several starts settles in different local minima, each start in
the minimum of its own basin. From the start that stalls in the shallow trough on the left,
momentum with the same learning rate rolls on through it (and through the next trough too) to
the deepest minimum. Figures and animations read the settings and runs from here.

    exp = LOCAL_MINIMA
    plain = run_plain(exp)          # {start: Trajectory}
    rolling = run_momentum(exp)     # Trajectory from exp.stalled_start
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import descent
from .optimizers import momentum, sgd
from .surfaces import Surface, bumpy, local_minima_1d


@dataclass(frozen=True)
class LocalMinimaExperiment:
    """Plain descent from several starts, and momentum from the one that stalls.

    lr is shared by both runs, so that the only difference between them is the velocity.
    """

    surface: Surface
    lr: float
    steps: int
    starts: tuple[float, ...]
    stalled_start: float  # one of starts: its plain run stalls in the shallow trough
    beta: float
    momentum_steps: int


# The bumpy cost J(w) = 0.12 w² − 0.5 w − 0.6 cos(2.5 w) + 1.2 has three local minima in
# [−4, 4]: a shallow trough at w ≈ −2.21 (J ≈ 2.46, only 0.26 below the hump at w ≈ −1.50), a
# deeper one at w ≈ 0.13 (J ≈ 0.57) and the deepest at w ≈ 2.49 (J ≈ 0.10). The constant 1.2
# keeps the cost positive (surfaces.BUMPY_LIFT); it moves no minimum and no run.
LOCAL_MINIMA = LocalMinimaExperiment(
    surface=bumpy,
    # α = 0.05: well below 2 / f''max (f'' ≤ 0.24 + 3.75 ≈ 4, so 2/f'' ≈ 0.5), so plain
    # descent slides smoothly into the minimum of its basin without skipping over a hump.
    lr=0.05,
    # 200 steps: every plain run has settled (its last step is below 1e-12).
    steps=200,
    # One start in the shallow trough's basin (left of the hump at −1.50), one in the middle
    # basin (−1.50 … 1.20) and two in the deepest basin (1.20 … 3.89), one from each side.
    starts=(-3.5, -0.7, 1.6, 3.7),
    stalled_start=-3.5,
    # β = 0.9: the velocity built up on the long slope from −3.5 carries the ball over the hump
    # at −1.50 and the one at 1.20; β = 0.85 would stop it in the middle trough.
    beta=0.9,
    # 200 steps: long enough for the oscillations about the deepest minimum to die down.
    momentum_steps=200,
)


def minima(exp: LocalMinimaExperiment = LOCAL_MINIMA) -> np.ndarray:
    """The local minima of the experiment's surface in its window, left to right."""
    return local_minima_1d(exp.surface)


def run_plain(exp: LocalMinimaExperiment = LOCAL_MINIMA) -> dict[float, descent.Trajectory]:
    """start -> plain gradient descent (SGD at exp.lr) from it, with the loss at every step."""
    s = exp.surface
    return {
        w0: descent.run(sgd(exp.lr), s.grad, [w0], exp.steps, loss_fn=s.value)
        for w0 in exp.starts
    }


def run_momentum(exp: LocalMinimaExperiment = LOCAL_MINIMA) -> descent.Trajectory:
    """Momentum (exp.lr, exp.beta) from the stalled start, with the loss at every step."""
    s = exp.surface
    return descent.run(momentum(exp.lr, exp.beta), s.grad, [exp.stalled_start],
                       exp.momentum_steps, loss_fn=s.value)


def humps(exp: LocalMinimaExperiment = LOCAL_MINIMA, size: int = 20_001) -> np.ndarray:
    """The humps (local maxima) between consecutive local minima, left to right."""
    m = minima(exp)
    out = []
    for a, b in zip(m[:-1], m[1:]):
        w = np.linspace(a, b, size)
        out.append(w[np.argmax(exp.surface(w))])
    return np.array(out)


def escape(trajectory: descent.Trajectory, exp: LocalMinimaExperiment = LOCAL_MINIMA
           ) -> tuple[int, int]:
    """The steps (first, last) of the run's escape: the last step before it first passes the
    leftmost hump, and the first step after it last passes the rightmost hump (its first entry
    into the basin it ends in). The key moment of the momentum run lies between them."""
    w = trajectory.points[:, 0]
    h = humps(exp)
    first = int(np.argmax(w > h[0])) - 1
    last = int(np.argmax(w > h[-1]))
    return first, last


def settled_in(trajectory: descent.Trajectory, exp: LocalMinimaExperiment = LOCAL_MINIMA) -> int:
    """The index (into minima(exp)) of the local minimum nearest to the run's final point."""
    return int(np.argmin(np.abs(minima(exp) - trajectory.final[0])))


def crossings(trajectory: descent.Trajectory, w: float) -> int:
    """How many times the run passes the point w (sign changes of w_t − w)."""
    d = np.sign(trajectory.points[:, 0] - w)
    d = d[d != 0]
    return int(np.count_nonzero(d[1:] != d[:-1]))
