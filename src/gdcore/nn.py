"""Small fully connected networks in numpy: forward pass, backprop, gradient checks, training.

Conventions: ``sizes = [n_0, ..., n_{L-1}]`` counts neurons per layer (input first);
``W[l]`` has shape ``(n_{l+1}, n_l)`` so ``W[l][j, i]`` connects neuron ``i`` of layer ``l``
to neuron ``j`` of layer ``l+1``; batches are rows, ``z_{l+1} = a_l W[l]^T + b[l]`` and
``a_{l+1} = f(z_{l+1})``. Everything is float64 and every random draw is seeded.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

Array = np.ndarray


# --- activations: each derivative sits next to its forward, both in terms of z -------------
def sigmoid(z: Array) -> Array:
    """sigma(z) = 1 / (1 + e^-z), computed stably as (1 + tanh(z/2)) / 2."""
    return 0.5 * (1.0 + np.tanh(0.5 * np.asarray(z, dtype=np.float64)))


def sigmoid_prime(z: Array) -> Array:
    """sigma'(z) = sigma(z) (1 - sigma(z))."""
    s = sigmoid(z)
    return s * (1.0 - s)


def tanh(z: Array) -> Array:
    """tanh(z) = (e^z - e^-z) / (e^z + e^-z)."""
    return np.tanh(np.asarray(z, dtype=np.float64))


def tanh_prime(z: Array) -> Array:
    """tanh'(z) = 1 - tanh(z)^2."""
    return 1.0 - np.tanh(np.asarray(z, dtype=np.float64)) ** 2


def relu(z: Array) -> Array:
    """relu(z) = max(0, z)."""
    return np.maximum(np.asarray(z, dtype=np.float64), 0.0)


def relu_prime(z: Array) -> Array:
    """relu'(z) = 1 if z > 0 else 0 (0 at the kink z = 0)."""
    return (np.asarray(z) > 0).astype(np.float64)


def identity(z: Array) -> Array:
    """id(z) = z."""
    return np.array(z, dtype=np.float64)


def identity_prime(z: Array) -> Array:
    """id'(z) = 1."""
    return np.ones_like(np.asarray(z, dtype=np.float64))


ACTIVATIONS: dict[str, tuple[Callable[[Array], Array], Callable[[Array], Array]]] = {
    "sigmoid": (sigmoid, sigmoid_prime),
    "tanh": (tanh, tanh_prime),
    "relu": (relu, relu_prime),
    "identity": (identity, identity_prime),
}


# --- validation helpers ---------------------------------------------------------------------
def _check_activation(name: object, arg: str) -> str:
    if not isinstance(name, str) or name not in ACTIVATIONS:
        choices = ", ".join(repr(k) for k in ACTIVATIONS)
        raise ValueError(f"{arg} must be one of {choices}, got {name!r}")
    return name


def _check_sizes(sizes: Sequence[int]) -> list[int]:
    try:
        out = [operator.index(s) for s in sizes]
    except TypeError:
        raise ValueError(f"sizes must be a sequence of integers, got {sizes!r}") from None
    if len(out) < 2:
        raise ValueError(f"sizes must have at least 2 layers, got {out}")
    if min(out) < 1:
        raise ValueError(f"sizes must contain only positive layer sizes, got {out}")
    return out


def _check_int(value: object, minimum: int | None, arg: str) -> int:
    try:
        out = operator.index(value)  # type: ignore[call-overload]
    except TypeError:
        raise ValueError(f"{arg} must be an integer, got {value!r}") from None
    if minimum is not None and out < minimum:
        raise ValueError(f"{arg} must be >= {minimum}, got {out}")
    return out


def _check_index(value: object, high: int, arg: str) -> int:
    out = _check_int(value, None, arg)
    if not 0 <= out < high:
        raise ValueError(f"{arg} must be in [0, {high - 1}], got {out}")
    return out


def _check_connection(sizes: Sequence[int], layer: int, j: int, i: int) -> None:
    _check_index(layer, len(sizes) - 1, "layer")
    _check_index(j, sizes[layer + 1], "j")
    _check_index(i, sizes[layer], "i")


def _as_batch(A: object, width: int, arg: str) -> Array:
    A = np.asarray(A, dtype=np.float64)
    if A.ndim == 1:
        A = A[None, :]
    if A.ndim != 2 or A.shape[1] != width:
        raise ValueError(f"{arg} must have shape (n, {width}) or ({width},), got {A.shape}")
    if A.shape[0] == 0:
        raise ValueError(f"{arg} must contain at least one sample, got shape {A.shape}")
    return A


def _as_pair(net: MLP, X: object, Y: object) -> tuple[Array, Array]:
    X = _as_batch(X, net.sizes[0], "X")
    Y = _as_batch(Y, net.sizes[-1], "Y")
    if X.shape[0] != Y.shape[0]:
        raise ValueError(f"Y must have {X.shape[0]} rows like X, got {Y.shape[0]}")
    return X, Y


# --- counting -------------------------------------------------------------------------------
def layer_weight_counts(sizes: Sequence[int]) -> list[int]:
    """Weights per layer transition: n_l * n_{l+1}."""
    s = _check_sizes(sizes)
    return [a * b for a, b in zip(s[:-1], s[1:], strict=True)]


def weight_count(sizes: Sequence[int]) -> int:
    """Total weights: sum_l n_l * n_{l+1}."""
    return sum(layer_weight_counts(sizes))


def parameter_count(sizes: Sequence[int]) -> int:
    """Weights plus biases: sum_l n_l * n_{l+1} + sum_{l>=1} n_l."""
    return weight_count(sizes) + sum(_check_sizes(sizes)[1:])


# --- the network ----------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class MLP:
    """Immutable multilayer perceptron; a_{l+1} = f(W[l] a_l + b[l]) (output_activation last)."""

    weights: tuple[Array, ...]
    biases: tuple[Array, ...]
    activation: str = "sigmoid"
    output_activation: str = "identity"

    def __post_init__(self) -> None:
        _check_activation(self.activation, "activation")
        _check_activation(self.output_activation, "output_activation")
        Ws = tuple(np.array(W, dtype=np.float64) for W in self.weights)
        bs = tuple(np.array(b, dtype=np.float64) for b in self.biases)
        if not Ws or len(Ws) != len(bs):
            raise ValueError(f"weights and biases must be equally long and non-empty, "
                             f"got {len(Ws)} and {len(bs)}")
        for l, (W, b) in enumerate(zip(Ws, bs, strict=True)):
            if W.ndim != 2 or min(W.shape) < 1:
                raise ValueError(f"weights[{l}] must be a non-empty 2-D array, got {W.shape}")
            if l and W.shape[1] != Ws[l - 1].shape[0]:
                raise ValueError(f"weights[{l}] must have {Ws[l - 1].shape[0]} columns, "
                                 f"got shape {W.shape}")
            if b.shape != (W.shape[0],):
                raise ValueError(f"biases[{l}] must have shape ({W.shape[0]},), got {b.shape}")
        for a in Ws + bs:
            a.setflags(write=False)
        object.__setattr__(self, "weights", Ws)
        object.__setattr__(self, "biases", bs)

    @property
    def sizes(self) -> tuple[int, ...]:
        """Neurons per layer: (n_0, ..., n_{L-1})."""
        return (self.weights[0].shape[1],) + tuple(W.shape[0] for W in self.weights)

    def params(self) -> Array:
        """theta = concat(vec W0, b0, vec W1, b1, ...), row-major."""
        return np.concatenate([p for W, b in zip(self.weights, self.biases, strict=True)
                               for p in (W.ravel(), b)])

    def with_params(self, vector: object) -> MLP:
        """New MLP whose parameters are theta = vector (same layout as params())."""
        v = np.asarray(vector, dtype=np.float64)
        n = parameter_count(self.sizes)
        if v.shape != (n,):
            raise ValueError(f"vector must have shape ({n},), got {v.shape}")
        Ws, bs, k = [], [], 0
        for W, b in zip(self.weights, self.biases, strict=True):
            Ws.append(v[k:k + W.size].reshape(W.shape))
            k += W.size
            bs.append(v[k:k + b.size])
            k += b.size
        return MLP(tuple(Ws), tuple(bs), self.activation, self.output_activation)

    def with_weight(self, layer: int, j: int, i: int, value: float) -> MLP:
        """New MLP with W[layer][j, i] = value (neuron i of layer -> neuron j of layer+1)."""
        _check_connection(self.sizes, layer, j, i)
        Ws = [W.copy() for W in self.weights]
        Ws[layer][j, i] = value
        return MLP(tuple(Ws), self.biases, self.activation, self.output_activation)


def init_mlp(sizes: Sequence[int], activation: str = "sigmoid",
             output_activation: str = "identity", seed: int = 0,
             scale: float | None = None) -> MLP:
    """Seeded init: W[l] ~ N(0, 1/n_l) (std = scale if given), b[l] = 0."""
    s = _check_sizes(sizes)
    if scale is not None and not scale > 0:
        raise ValueError(f"scale must be positive or None, got {scale!r}")
    rng = np.random.default_rng(seed)
    Ws = tuple(rng.normal(0.0, scale if scale is not None else 1.0 / np.sqrt(a), (b, a))
               for a, b in zip(s[:-1], s[1:], strict=True))
    bs = tuple(np.zeros(b) for b in s[1:])
    return MLP(Ws, bs, activation, output_activation)


# --- forward, loss, backprop ----------------------------------------------------------------
def forward_full(net: MLP, X: object) -> tuple[list[Array], list[Array]]:
    """z_{l+1} = a_l W[l]^T + b[l], a_{l+1} = f(z_{l+1}); returns (zs, activations)."""
    a = _as_batch(X, net.sizes[0], "X")
    zs, acts = [], [a]
    last = len(net.weights) - 1
    for l, (W, b) in enumerate(zip(net.weights, net.biases, strict=True)):
        f = ACTIVATIONS[net.output_activation if l == last else net.activation][0]
        z = a @ W.T + b
        a = f(z)
        zs.append(z)
        acts.append(a)
    return zs, acts


def forward(net: MLP, X: object) -> list[Array]:
    """Activations [a_0 = X, a_1, ..., a_{L-1}], each of shape (n, n_l); 1-D X means n = 1."""
    return forward_full(net, X)[1]


def loss(net: MLP, X: object, Y: object) -> float:
    """Half mean squared error J = 1/(2n) sum_x ||a_L(x) - y(x)||^2."""
    X, Y = _as_pair(net, X, Y)
    return float(np.sum((forward(net, X)[-1] - Y) ** 2) / (2 * X.shape[0]))


def backprop(net: MLP, X: object, Y: object) -> tuple[tuple[Array, ...], tuple[Array, ...]]:
    """Exact dJ/dW, dJ/db: delta_L = (a_L - y) f'(z_L)/n, delta_l = (delta_{l+1} W) * f'(z_l)."""
    X, Y = _as_pair(net, X, Y)
    zs, acts = forward_full(net, X)
    L = len(net.weights)
    delta = (acts[-1] - Y) * ACTIVATIONS[net.output_activation][1](zs[-1]) / X.shape[0]
    gW: list[Array] = [np.empty(0)] * L
    gb: list[Array] = [np.empty(0)] * L
    for l in range(L - 1, -1, -1):
        gW[l] = delta.T @ acts[l]
        gb[l] = delta.sum(axis=0)
        if l:
            delta = (delta @ net.weights[l]) * ACTIVATIONS[net.activation][1](zs[l - 1])
    return tuple(gW), tuple(gb)


def grad_vector(net: MLP, X: object, Y: object) -> Array:
    """grad_theta J from backprop, in the params() order."""
    gW, gb = backprop(net, X, Y)
    return np.concatenate([p for W, b in zip(gW, gb, strict=True) for p in (W.ravel(), b)])


def numerical_gradient(net: MLP, X: object, Y: object, h: float = 1e-5) -> Array:
    """Central differences: dJ/dtheta_k ~ (J(theta + h e_k) - J(theta - h e_k)) / (2h)."""
    if not h > 0:
        raise ValueError(f"h must be positive, got {h!r}")
    X, Y = _as_pair(net, X, Y)
    theta = net.params()
    grad = np.empty_like(theta)
    for k in range(theta.size):
        e = np.zeros_like(theta)
        e[k] = h
        grad[k] = (loss(net.with_params(theta + e), X, Y)
                   - loss(net.with_params(theta - e), X, Y)) / (2 * h)
    return grad


def relative_error(a: object, b: object) -> float:
    """cs231n relative error ||a - b|| / (||a|| + ||b||), and 0 when both are zero."""
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    if a.shape != b.shape:
        raise ValueError(f"b must have the shape of a {a.shape}, got {b.shape}")
    denom = np.linalg.norm(a) + np.linalg.norm(b)
    return 0.0 if denom == 0 else float(np.linalg.norm(a - b) / denom)


@dataclass(frozen=True, eq=False)
class GradCheck:
    """Backprop vs central differences, with the cost of each in passes through the net."""

    analytic: Array
    numeric: Array
    relative_error: float
    per_weight: Array
    forward_passes: int
    backprop_passes: int


def gradient_check(net: MLP, X: object, Y: object, h: float = 1e-5) -> GradCheck:
    """Compare grad_vector with numerical_gradient; per_weight = |a-n| / max(|a|+|n|, 1e-12)."""
    a, n = grad_vector(net, X, Y), numerical_gradient(net, X, Y, h)
    per = np.abs(a - n) / np.maximum(np.abs(a) + np.abs(n), 1e-12)
    return GradCheck(a, n, relative_error(a, n), per, 2 * a.size, 2)


# --- which activations a single weight influences -------------------------------------------
def downstream(sizes: Sequence[int], layer: int, j: int, i: int) -> frozenset[tuple[int, int]]:
    """Structural dependents of W[layer][j, i]: {(layer+1, j)} U {(m, k) : m > layer+1}."""
    s = _check_sizes(sizes)
    _check_connection(s, layer, j, i)
    later = {(m, k) for m in range(layer + 2, len(s)) for k in range(s[m])}
    return frozenset({(layer + 1, j)} | later)


def activation_changes(net: MLP, x: object, layer: int, j: int, i: int,
                       delta: float) -> list[Array]:
    """|a_l(W[layer][j,i] + delta) - a_l(W)| for every layer l, each of shape (n_l,)."""
    x = np.asarray(x, dtype=np.float64)
    if x.shape != (net.sizes[0],):
        raise ValueError(f"x must be a single input of shape ({net.sizes[0]},), got {x.shape}")
    tweaked = net.with_weight(layer, j, i, net.weights[layer][j, i] + delta)
    return [np.abs(a1[0] - a0[0])
            for a0, a1 in zip(forward(net, x), forward(tweaked, x), strict=True)]


def changed_activations(net: MLP, x: object, layer: int, j: int, i: int, delta: float,
                        tol: float = 1e-12) -> frozenset[tuple[int, int]]:
    """{(l, k) : |a_l,k(W + delta e_{j,i}) - a_l,k(W)| > tol}; a subset of downstream(...)."""
    changes = activation_changes(net, x, layer, j, i, delta)
    return frozenset((l, int(k)) for l, c in enumerate(changes) for k in np.flatnonzero(c > tol))


# --- dropout --------------------------------------------------------------------------------
def _mask(rng: np.random.Generator, size: int, p_drop: float) -> Array:
    keep = rng.random(size) >= p_drop
    if not keep.any():
        keep[rng.integers(size)] = True
    return keep


def _check_p_drop(p_drop: float) -> None:
    if not 0.0 <= p_drop < 1.0:
        raise ValueError(f"p_drop must be in [0, 1), got {p_drop!r}")


def dropout_mask(size: int, p_drop: float, seed: int) -> Array:
    """Keep mask m_k = [u_k >= p_drop], u_k ~ U(0, 1) seeded; at least one True."""
    size = _check_int(size, 1, "size")
    _check_p_drop(p_drop)
    return _mask(np.random.default_rng(seed), size, p_drop)


def dropout_masks(sizes: Sequence[int], p_drop: float, steps: int,
                  seed: int) -> list[list[Array]]:
    """masks[t][h] = keep mask of hidden layer h+1 at step t (one seeded stream; P(keep)=1-p)."""
    s = _check_sizes(sizes)
    _check_p_drop(p_drop)
    steps = _check_int(steps, 0, "steps")
    rng = np.random.default_rng(seed)
    return [[_mask(rng, n, p_drop) for n in s[1:-1]] for _ in range(steps)]


# --- training -------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class TrainResult:
    """Final net and the full-data losses J(theta_t) for t = 0..steps."""

    net: MLP
    train_losses: Array
    val_losses: Array | None


def sgd_step(net: MLP, X: object, Y: object, lr: float) -> MLP:
    """One full-batch gradient descent update: theta <- theta - lr grad J(theta)."""
    if not lr > 0:
        raise ValueError(f"lr must be positive, got {lr!r}")
    return net.with_params(net.params() - lr * grad_vector(net, X, Y))


def train(net: MLP, X: object, Y: object, steps: int, lr: float, X_val: object = None,
          Y_val: object = None, batch_size: int | None = None, seed: int = 0,
          momentum: float = 0.0) -> TrainResult:
    """Gradient descent with momentum: v <- mu v - lr grad J_batch(theta), theta <- theta + v."""
    X, Y = _as_pair(net, X, Y)
    steps = _check_int(steps, 0, "steps")
    if not lr > 0:
        raise ValueError(f"lr must be positive, got {lr!r}")
    if not 0.0 <= momentum < 1.0:
        raise ValueError(f"momentum must be in [0, 1), got {momentum!r}")
    if (X_val is None) != (Y_val is None):
        raise ValueError("X_val and Y_val must be given together")
    n = X.shape[0]
    if batch_size is not None and _check_int(batch_size, 1, "batch_size") > n:
        raise ValueError(f"batch_size must be in [1, {n}] or None, got {batch_size!r}")
    rng = np.random.default_rng(seed)
    order, pos = np.arange(n), n  # pos = n forces a shuffle before the first batch
    theta, v = net.params(), np.zeros(parameter_count(net.sizes))
    train_l, val_l = [loss(net, X, Y)], []
    if X_val is not None:
        val_l.append(loss(net, X_val, Y_val))
    for _ in range(steps):
        Xb, Yb = X, Y
        if batch_size is not None:  # reshuffle once per epoch, walk it in consecutive batches
            if pos + batch_size > n:
                order, pos = rng.permutation(n), 0
            idx, pos = order[pos:pos + batch_size], pos + batch_size
            Xb, Yb = X[idx], Y[idx]
        v = momentum * v - lr * grad_vector(net, Xb, Yb)
        theta = theta + v
        net = net.with_params(theta)
        train_l.append(loss(net, X, Y))
        if X_val is not None:
            val_l.append(loss(net, X_val, Y_val))
    return TrainResult(net, np.array(train_l), np.array(val_l) if X_val is not None else None)
