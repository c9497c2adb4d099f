"""The small networks of the chapter's pictures: one frozen definition per experiment.

Each experiment below (the backprop example, the dropout masks, the connection tweak and the
loss-curve training) is read by its still, its animation and its tests alike, so they always
show the same numbers. The reason for every setting is written next to it.

    r = BACKPROP.run()                         # one training step, all its numbers
    masks = DROPOUT.masks()                    # masks[t][h]: keep mask of hidden layer h + 1
    changes, changed = CONNECTION_TWEAK.run()  # |Δa| per neuron, the neurons that moved
    X, Y, result = LOSS_CURVE.run()            # the two moons and nn.train's result
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import data, nn
from ._arguments import frozen


# ------------------------------------------------------------------ one turn of the loop
@dataclass(frozen=True, eq=False)
class BackpropExample:
    """One training step of a sigmoid network on a single example (x, y) at rate lr."""

    sizes: tuple[int, ...]
    seed: int
    scale: float
    lr: float
    x: np.ndarray
    y: np.ndarray
    #: The edge ((l, i), (l + 1, j)) whose gradient a·δ and update are worked with numbers.
    worked: tuple[tuple[int, int], tuple[int, int]]

    def __post_init__(self) -> None:
        object.__setattr__(self, "x", frozen(self.x))
        object.__setattr__(self, "y", frozen(self.y))

    def run(self) -> dict:
        """The numbers of one training step, all from gdcore.nn."""
        net = nn.init_mlp(self.sizes, "sigmoid", "sigmoid", seed=self.seed, scale=self.scale)
        gW, gb = nn.backprop(net, self.x, self.y)
        new = nn.sgd_step(net, self.x, self.y, self.lr)
        return {
            "net": net,
            "acts": [a[0] for a in nn.forward(net, self.x)],
            "loss_before": nn.loss(net, self.x, self.y),
            "grad_W": gW,
            "delta": gb,  # one example: dJ/db of a neuron is its error term delta
            "new": new,
            "new_acts": [a[0] for a in nn.forward(new, self.x)],
            "loss_after": nn.loss(new, self.x, self.y),
        }

    def printed_update(self, places: int) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """The changes ΔW = −lr ∂J/∂W and Δb = −lr δ as a reader works them out from the
        gradients and error terms printed at `places` decimals (−2 × 0.092 = −0.184, where the
        exact change, −0.1833, prints −0.183: printed beside the rounded gradient, it did not
        add up), rounded to `places` too. They differ from run()'s exact changes by at most
        lr × 0.5 × 10^−places."""
        r = self.run()
        dW = [np.round(-self.lr * np.round(g, places), places) for g in r["grad_W"]]
        db = [np.round(-self.lr * np.round(d, places), places) for d in r["delta"]]
        return dW, db


BACKPROP = BackpropExample(
    # 2-3-2: the smallest network with a hidden layer and more than one output, so every
    # number of the step (7 activations, 12 weights) can be printed on the drawing.
    sizes=(2, 3, 2),
    seed=0,
    scale=1.0,
    # α = 2: a large step, so that one update visibly moves both outputs towards the target
    # (the sigmoid's gradients are small, at most 1/4 per layer).
    lr=2.0,
    # One example whose targets pull the two outputs apart (0 and 1).
    x=(1.0, 0.5),
    y=(0.0, 1.0),
    # Hidden neuron 1 -> output 1: the top edge of the drawing, so its weight can be labelled
    # on the edge with nothing crossing the label, and one of the largest changes of the step
    # (Δw = −0.148), easy to see.
    worked=((1, 0), (2, 0)),
)


# ------------------------------------------------------------------ dropout
@dataclass(frozen=True)
class DropoutExperiment:
    """The same network at `steps` consecutive training steps, hidden neurons dropped with
    probability p_drop at each (gdcore.nn.dropout_masks, seeded)."""

    sizes: tuple[int, ...]
    p_drop: float
    steps: int
    seed: int

    @property
    def n_hidden(self) -> int:
        return sum(self.sizes[1:-1])

    def masks(self):
        """masks[t][h]: keep mask of hidden layer h + 1 at step t."""
        return nn.dropout_masks(self.sizes, self.p_drop, self.steps, self.seed)

    def kept_neurons(self, step_masks) -> frozenset:
        """(layer, i) of every neuron taking part: inputs, outputs and the kept hidden ones."""
        keep = {(0, i) for i in range(self.sizes[0])}
        keep |= {(len(self.sizes) - 1, i) for i in range(self.sizes[-1])}
        for h, m in enumerate(step_masks):
            keep |= {(h + 1, int(i)) for i in m.nonzero()[0]}
        return frozenset(keep)

    def kept_counts(self) -> list[int]:
        """The number of hidden neurons kept at each step."""
        return [sum(int(m.sum()) for m in step) for step in self.masks()]


DROPOUT = DropoutExperiment(
    # 4-6-6-2: two hidden layers of six, enough neurons that every step drops a different set,
    # few enough to read each one in a small copy of the diagram.
    sizes=(4, 6, 6, 2),
    # p = 0.5, the classic rate for hidden layers: about half of them are gone at each step.
    p_drop=0.5,
    # 4 steps: four different thinned networks side by side on the page.
    steps=4,
    seed=0,
)


# ------------------------------------------------------------------ one weight's reach
@dataclass(frozen=True, eq=False)
class ConnectionTweak:
    """Nudge one weight W[layer][j, i] by delta and see which activations move."""

    sizes: tuple[int, ...]
    seed: int
    layer: int
    j: int
    i: int
    delta: float
    x_input: np.ndarray
    #: The video's tweaks, in order: each the weight's offset from its starting value.
    tweaks: tuple[float, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "x_input", frozen(self.x_input))

    @property
    def layer_names(self) -> tuple[str, ...]:
        return ("inputs", *["hidden"] * (len(self.sizes) - 2), "outputs")

    def run(self):
        """(|Δa| per layer and neuron, the set of (layer, i) whose activation changed)."""
        net = nn.init_mlp(self.sizes, seed=self.seed)
        args = (net, self.x_input, self.layer, self.j, self.i, self.delta)
        return nn.activation_changes(*args), nn.changed_activations(*args)

    def output_changes(self, offset: float) -> np.ndarray:
        """Each output's change a(w + offset) − a(w), signed, on the fixed input."""
        net = nn.init_mlp(self.sizes, seed=self.seed)
        w = float(net.weights[self.layer][self.j, self.i])
        tweaked = net.with_weight(self.layer, self.j, self.i, w + offset)
        return nn.forward(tweaked, self.x_input)[-1][0] - nn.forward(net, self.x_input)[-1][0]


CONNECTION_TWEAK = ConnectionTweak(
    # 10-8-8-5: wide enough that one weight's reach (1 neuron, then all 8, then all 5) stands
    # out against the many connections it does not touch.
    sizes=(10, 8, 8, 5),
    seed=0,
    # W[0][2, 1]: a first-layer weight (input 1 -> first hidden neuron 2), so the change has
    # the whole network to travel through.
    layer=0,
    j=2,
    i=1,
    # A nudge of 1: large enough that every downstream change shows on the log colour scale.
    delta=1.0,
    # The input of the forward pass: a fixed, evenly spread vector.
    x_input=np.linspace(-1.0, 1.0, 10),
    # Half the nudge, back to the start, the whole nudge: one change at a time, so that the
    # outputs are seen to follow the weight, return with it and move further for a larger nudge.
    tweaks=(0.5, 0.0, 1.0),
)


# ------------------------------------------------------------------ a training loss curve
@dataclass(frozen=True)
class LossCurveTraining:
    """A seeded network trained full-batch on the two moons; the loss after every step."""

    sizes: tuple[int, ...]
    activation: str
    n_points: int
    lr: float
    steps: int
    seed: int
    early: int
    threshold: float
    snapshots: tuple[int, ...]  # iterations at which the decision boundary is shown

    def run(self):
        """(X, Y, nn.TrainResult) of the training run."""
        X, Y = data.two_moons(self.n_points, seed=self.seed)
        net = nn.init_mlp(list(self.sizes), activation=self.activation, seed=self.seed)
        return X, Y, nn.train(net, X, Y, self.steps, self.lr, seed=self.seed)

    def nets_at(self, iterations=None) -> dict[int, nn.MLP]:
        """iteration -> the network after that many steps of the run (default: at
        self.snapshots). Full-batch steps draw nothing, so training on in stretches from one
        iteration to the next is the same run."""
        its = sorted(self.snapshots if iterations is None else iterations)
        if its and not (0 <= its[0] and its[-1] <= self.steps):
            raise ValueError(f"iterations must lie in [0, {self.steps}], got {its!r}")
        X, Y = data.two_moons(self.n_points, seed=self.seed)
        net = nn.init_mlp(list(self.sizes), activation=self.activation, seed=self.seed)
        out, done = {}, 0
        for k in its:
            if k > done:
                net = nn.train(net, X, Y, k - done, self.lr, seed=self.seed).net
                done = k
            out[k] = net
        return out

    def output_grid(self, net: nn.MLP, g0, g1) -> np.ndarray:
        """The network's output at every point (g0, g1) of a grid, in the grid's shape."""
        g0 = np.asarray(g0, dtype=np.float64)
        return nn.forward(net, np.column_stack([g0.ravel(), np.ravel(g1)]))[-1].reshape(g0.shape)

    def accuracy(self, net: nn.MLP, X, Y) -> float:
        """The fraction of points on the right side of the threshold."""
        out = nn.forward(net, X)[-1]
        return float(np.mean((out > self.threshold) == (Y > self.threshold)))


LOSS_CURVE = LossCurveTraining(
    # 2-8-1 tanh (linear output): enough hidden neurons to bend a boundary between the moons.
    sizes=(2, 8, 1),
    activation="tanh",
    # 200 points: the two crescents are clearly visible, and full-batch training stays fast.
    n_points=200,
    # α = 0.2: the loss drops steeply at first without oscillating.
    lr=0.2,
    # 1000 steps: the long, slowly sinking tail of the curve is visible.
    steps=1000,
    seed=0,
    # Iteration 50: after the steep drop, the one named in the caption.
    early=50,
    # Output above 0.5: class 1 (the targets are 0 and 1).
    threshold=0.5,
    # Roughly log-spaced (the boundary moves most in the first iterations, as the cost falls),
    # with `early` among them.
    snapshots=(0, 2, 5, 10, 20, 50, 100, 200, 500, 1000),
)
