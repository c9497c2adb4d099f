"""Seven optimizers as pure init/step pairs with immutable state, in the style of optax.

Each follows, operation for operation, the update rule of the PyTorch optimizer of the same name
and options (weight decay 0, maximize off), so the same start, gradient function and
hyper-parameters give the same trajectory to float64 precision. t counts steps from 1; g is the
gradient at the current parameters θ; all operations are element-wise.

    opt = adam(0.1)
    state = opt.init(theta)
    theta, state = opt.step(theta, grad(theta), state)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields

import numpy as np

from ._arguments import frozen, positive, unit_interval, vector

#: The seven optimizers, in the chapter's order (also the order of their colours).
NAMES = ("SGD", "Momentum", "NAG", "Adagrad", "Adadelta", "RMSprop", "Adam")


@dataclass(frozen=True, eq=False)
class OptState:
    """Immutable optimizer state: the step count t (0 before the first step). Each optimizer's
    state adds its own named, read-only arrays, shaped like the parameters (as optax's
    ScaleByAdamState holds mu and nu)."""

    count: int

    def arrays(self) -> dict[str, np.ndarray]:
        """The state's arrays by name, in declaration order (none for plain SGD)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "count"}


@dataclass(frozen=True, eq=False)
class MomentumState(OptState):
    """Momentum and NAG: the velocity v (torch's momentum_buffer)."""

    velocity: np.ndarray


@dataclass(frozen=True, eq=False)
class AdagradState(OptState):
    """Adagrad: the running sum G of squared gradients (torch's sum)."""

    sum_sq: np.ndarray


@dataclass(frozen=True, eq=False)
class AdadeltaState(OptState):
    """Adadelta: the averages E[g²] (torch's square_avg) and E[Δ²] (torch's acc_delta)."""

    square_avg: np.ndarray
    acc_delta: np.ndarray


@dataclass(frozen=True, eq=False)
class RMSpropState(OptState):
    """RMSprop: the average E[g²] of squared gradients (torch's square_avg)."""

    square_avg: np.ndarray


@dataclass(frozen=True, eq=False)
class AdamState(OptState):
    """Adam: the first moment m (torch's exp_avg) and the second moment v (exp_avg_sq)."""

    m: np.ndarray
    v: np.ndarray


@dataclass(frozen=True)
class Optimizer:
    """An optimizer: its name, hyper-parameters, its state's type and the pure update rule.

    _step(p, g, state, t) returns the new parameters and the new state's arrays by name.
    """

    name: str
    hyper: dict = field(compare=False)
    state_type: type[OptState] = field(repr=False, compare=False)
    _step: Callable = field(repr=False, compare=False)

    @property
    def lr(self) -> float:
        """The learning rate α."""
        return self.hyper["lr"]

    def init(self, params) -> OptState:
        """The state before the first step (zero arrays shaped like params)."""
        p = vector("params", params)
        names = [f.name for f in fields(self.state_type) if f.name != "count"]
        return self.state_type(0, **{n: frozen(np.zeros_like(p)) for n in names})

    def step(self, params, grad, state: OptState) -> tuple[np.ndarray, OptState]:
        """One update: returns the new parameters and the new state; inputs are not modified."""
        p = vector("params", params)
        g = vector("grad", grad, p.size)
        if type(state) is not self.state_type:
            raise ValueError(f"state must be a {self.state_type.__name__} for {self.name}, "
                             f"got {type(state).__name__}")
        if any(a.shape != p.shape for a in state.arrays().values()):
            raise ValueError(f"state does not match params of shape {p.shape}")
        t = state.count + 1
        new_p, arrays = self._step(p, g, state, t)
        return frozen(new_p), self.state_type(t, **{n: frozen(a) for n, a in arrays.items()})

    def label(self) -> str:
        """A short legend label with the learning rate, e.g. 'Adam  α=0.1'."""
        return f"{self.name}  α={self.lr:g}"


def sgd(lr: float) -> Optimizer:
    """Plain gradient descent, torch.optim.SGD(lr): θ := θ − α g."""
    lr = positive("lr", lr)
    return Optimizer("SGD", {"lr": lr}, OptState, lambda p, g, s, t: (p - lr * g, {}))


def momentum(lr: float, beta: float = 0.9) -> Optimizer:
    """Heavy-ball momentum, torch.optim.SGD(lr, momentum=β):

    v := β v + g (v = g at t = 1), θ := θ − α v.
    """
    lr = positive("lr", lr)
    beta = unit_interval("beta", beta)

    def step(p, g, s, t):
        v = g.copy() if t == 1 else beta * s.velocity + g
        return p - lr * v, {"velocity": v}

    return Optimizer("Momentum", {"lr": lr, "beta": beta}, MomentumState, step)


def nesterov(lr: float, beta: float = 0.9) -> Optimizer:
    """Nesterov momentum, torch.optim.SGD(lr, momentum=β, nesterov=True):

    v := β v + g (v = g at t = 1), θ := θ − α (g + β v).
    """
    lr = positive("lr", lr)
    beta = unit_interval("beta", beta)

    def step(p, g, s, t):
        v = g.copy() if t == 1 else beta * s.velocity + g
        return p - lr * (g + beta * v), {"velocity": v}

    return Optimizer("NAG", {"lr": lr, "beta": beta}, MomentumState, step)


def adagrad(lr: float, eps: float = 1e-10) -> Optimizer:
    """Adagrad, torch.optim.Adagrad(lr, eps): G := G + g², θ := θ − α g / (√G + ε)."""
    lr = positive("lr", lr)
    eps = positive("eps", eps)

    def step(p, g, s, t):
        acc = s.sum_sq + g * g
        return p - lr * (g / (np.sqrt(acc) + eps)), {"sum_sq": acc}

    return Optimizer("Adagrad", {"lr": lr, "eps": eps}, AdagradState, step)


def adadelta(lr: float = 1.0, rho: float = 0.9, eps: float = 1e-6) -> Optimizer:
    """Adadelta, torch.optim.Adadelta(lr, rho, eps):

    E[g²] := ρ E[g²] + (1 − ρ) g², Δ = √(E[Δ²] + ε) / √(E[g²] + ε) · g,
    E[Δ²] := ρ E[Δ²] + (1 − ρ) Δ², θ := θ − α Δ.
    """
    lr = positive("lr", lr)
    rho = unit_interval("rho", rho)
    eps = positive("eps", eps)

    def step(p, g, s, t):
        sq = s.square_avg * rho + (1 - rho) * g * g
        delta = np.sqrt(s.acc_delta + eps) / np.sqrt(sq + eps) * g
        acc = s.acc_delta * rho + (1 - rho) * delta * delta
        return p - lr * delta, {"square_avg": sq, "acc_delta": acc}

    return Optimizer("Adadelta", {"lr": lr, "rho": rho, "eps": eps}, AdadeltaState, step)


def rmsprop(lr: float, alpha: float = 0.99, eps: float = 1e-8) -> Optimizer:
    """RMSprop, torch.optim.RMSprop(lr, alpha, eps):

    E[g²] := α E[g²] + (1 − α) g², θ := θ − lr · g / (√E[g²] + ε).
    """
    lr = positive("lr", lr)
    alpha = unit_interval("alpha", alpha)
    eps = positive("eps", eps)

    def step(p, g, s, t):
        sq = s.square_avg * alpha + (1 - alpha) * g * g
        return p - lr * (g / (np.sqrt(sq) + eps)), {"square_avg": sq}

    return Optimizer("RMSprop", {"lr": lr, "alpha": alpha, "eps": eps}, RMSpropState, step)


def adam(lr: float, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8) -> Optimizer:
    """Adam, torch.optim.Adam(lr, betas=(β1, β2), eps):

    m := β1 m + (1 − β1) g, v := β2 v + (1 − β2) g²,
    θ := θ − (α / (1 − β1^t)) · m / (√v / √(1 − β2^t) + ε).
    """
    lr = positive("lr", lr)
    beta1 = unit_interval("beta1", beta1)
    beta2 = unit_interval("beta2", beta2)
    eps = positive("eps", eps)

    def step(p, g, s, t):
        m = s.m * beta1 + (1 - beta1) * g
        v = s.v * beta2 + (1 - beta2) * g * g
        bc1 = 1 - beta1**t
        bc2 = 1 - beta2**t
        denom = np.sqrt(v) / np.sqrt(bc2) + eps
        return p - (lr / bc1) * (m / denom), {"m": m, "v": v}

    hyper = {"lr": lr, "beta1": beta1, "beta2": beta2, "eps": eps}
    return Optimizer("Adam", hyper, AdamState, step)


#: name -> factory, in the chapter's order.
FACTORIES: dict[str, Callable[..., Optimizer]] = dict(
    zip(NAMES, (sgd, momentum, nesterov, adagrad, adadelta, rmsprop, adam))
)


def make(name: str, **hyper) -> Optimizer:
    """The optimizer called name (one of NAMES) with the given hyper-parameters."""
    if name not in FACTORIES:
        raise ValueError(f"name must be one of {', '.join(NAMES)}, got {name!r}")
    return FACTORIES[name](**hyper)
