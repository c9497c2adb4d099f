"""Tests for gdcore.optimizers: the first two steps of each optimizer worked out by hand from the
PyTorch update rules, convergence on a convex quadratic, immutable state and argument checks."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest

from gdcore import optimizers as opt

# The fixed gradient function of the hand-worked steps: g(θ) = A θ with A = diag(1, 10).
A = (1.0, 10.0)
THETA0 = (1.0, -2.0)


def two_steps(o: opt.Optimizer):
    """θ1, θ2 and the states after each step, from THETA0 on g(θ) = diag(A) θ."""
    a = np.array(A)
    th0 = np.array(THETA0)
    s0 = o.init(th0)
    th1, s1 = o.step(th0, a * th0, s0)
    th2, s2 = o.step(th1, a * th1, s1)
    assert s0.count == 0 and s1.count == 1 and s2.count == 2
    return th1, th2, s1, s2


def close(got, expected):
    assert np.allclose(got, expected, rtol=1e-13, atol=1e-15), (got, expected)


# --- Two steps by hand, one optimizer each ----------------------------------------------------


def test_sgd_two_steps():
    lr = 0.05
    th1, th2, _, s2 = two_steps(opt.sgd(lr))
    # θ −= α g, g = A θ.
    # coordinate 0: 1 − 0.05·1 = 0.95; 0.95 − 0.05·0.95 = 0.9025
    # coordinate 1: −2 − 0.05·(−20) = −1.0; −1 − 0.05·(−10) = −0.5
    close(th1, [0.95, -1.0])
    close(th2, [0.9025, -0.5])
    assert type(s2) is opt.OptState and s2.arrays() == {}


def test_momentum_two_steps():
    lr, beta = 0.05, 0.8
    th1, th2, s1, s2 = two_steps(opt.momentum(lr, beta))
    # v = g at t = 1, then v = β v + g; θ −= α v.
    # coord 0: t1 g=1, v=1, θ=1−0.05=0.95; t2 g=0.95, v=0.8+0.95=1.75, θ=0.95−0.0875=0.8625
    # coord 1: t1 g=−20, v=−20, θ=−2+1=−1; t2 g=−10, v=−16−10=−26, θ=−1+1.3=0.3
    close(th1, [0.95, -1.0])
    close(th2, [0.8625, 0.3])
    close(s1.velocity, [1.0, -20.0])
    close(s2.velocity, [1.75, -26.0])


def test_nesterov_two_steps():
    lr, beta = 0.05, 0.8
    th1, th2, s1, s2 = two_steps(opt.nesterov(lr, beta))
    # v as momentum; θ −= α (g + β v).
    # coord 0: t1 g=1, v=1, θ=1−0.05·(1+0.8)=0.91
    #          t2 g=0.91, v=0.8+0.91=1.71, θ=0.91−0.05·(0.91+1.368)=0.91−0.1139=0.7961
    # coord 1: t1 g=−20, v=−20, θ=−2−0.05·(−20−16)=−0.2
    #          t2 g=−2, v=−16−2=−18, θ=−0.2−0.05·(−2−14.4)=−0.2+0.82=0.62
    close(th1, [0.91, -0.2])
    close(th2, [0.7961, 0.62])
    close(s1.velocity, [1.0, -20.0])
    close(s2.velocity, [1.71, -18.0])


def test_adagrad_two_steps():
    lr, eps = 0.1, 1e-10
    th1, th2, s1, s2 = two_steps(opt.adagrad(lr, eps))
    # G += g²; θ −= α g / (√G + ε), per coordinate in plain floats.
    exp1, exp2, G1, G2 = [], [], [], []
    for a, th in zip(A, THETA0):
        G = 0.0
        g = a * th
        G = G + g * g
        th = th - lr * g / (math.sqrt(G) + eps)
        exp1.append(th)
        G1.append(G)
        g = a * th
        G = G + g * g
        th = th - lr * g / (math.sqrt(G) + eps)
        exp2.append(th)
        G2.append(G)
    close(th1, exp1)
    close(th2, exp2)
    close(s1.sum_sq, G1)
    close(s2.sum_sq, G2)
    # First step of Adagrad moves each coordinate by ≈ α against the sign of its gradient.
    close(th1, [1.0 - 0.1 / (1 + 1e-10), -2.0 + 0.1 * 20 / (20 + 1e-10)])


def test_adadelta_two_steps():
    lr, rho, eps = 2.0, 0.8, 1e-3
    th1, th2, s1, s2 = two_steps(opt.adadelta(lr, rho, eps))
    # E[g²] = ρ E[g²] + (1−ρ) g²; Δ = √(E[Δ²]+ε)/√(E[g²]+ε)·g; E[Δ²] = ρ E[Δ²] + (1−ρ) Δ²;
    # θ −= α Δ.
    exp1, exp2, sq2, acc2 = [], [], [], []
    for a, th in zip(A, THETA0):
        Eg, Ed = 0.0, 0.0
        for k in (1, 2):
            g = a * th
            Eg = rho * Eg + (1 - rho) * g * g
            delta = math.sqrt(Ed + eps) / math.sqrt(Eg + eps) * g
            Ed = rho * Ed + (1 - rho) * delta * delta
            th = th - lr * delta
            (exp1 if k == 1 else exp2).append(th)
        sq2.append(Eg)
        acc2.append(Ed)
    close(th1, exp1)
    close(th2, exp2)
    close(s2.square_avg, sq2)
    close(s2.acc_delta, acc2)
    # Coordinate 0, step 1, fully by hand: E[g²] = 0.2, Δ = √0.001/√0.201, θ = 1 − 2Δ.
    assert th1[0] == pytest.approx(1 - 2 * math.sqrt(0.001) / math.sqrt(0.201), rel=1e-14)


def test_rmsprop_two_steps():
    lr, alpha, eps = 0.01, 0.9, 1e-6
    th1, th2, s1, s2 = two_steps(opt.rmsprop(lr, alpha, eps))
    # E = α E + (1−α) g²; θ −= lr g / (√E + ε).
    exp1, exp2, E2 = [], [], []
    for a, th in zip(A, THETA0):
        E = 0.0
        for k in (1, 2):
            g = a * th
            E = alpha * E + (1 - alpha) * g * g
            th = th - lr * g / (math.sqrt(E) + eps)
            (exp1 if k == 1 else exp2).append(th)
        E2.append(E)
    close(th1, exp1)
    close(th2, exp2)
    close(s2.square_avg, E2)
    # Step 1 by hand: E = 0.1 g², so the step is lr/√0.1 ≈ 0.0316 against the gradient's sign.
    assert th1[0] == pytest.approx(1 - 0.01 * 1 / (math.sqrt(0.1) + 1e-6), rel=1e-14)


def test_adam_two_steps():
    lr, b1, b2, eps = 0.1, 0.8, 0.95, 1e-6
    th1, th2, s1, s2 = two_steps(opt.adam(lr, b1, b2, eps))
    # m = β1 m + (1−β1) g; v = β2 v + (1−β2) g²;
    # θ −= (α / (1 − β1^t)) · m / (√v / √(1 − β2^t) + ε).
    exp1, exp2, m2, v2 = [], [], [], []
    for a, th in zip(A, THETA0):
        m, v = 0.0, 0.0
        for t in (1, 2):
            g = a * th
            m = b1 * m + (1 - b1) * g
            v = b2 * v + (1 - b2) * g * g
            step_size = lr / (1 - b1**t)
            denom = math.sqrt(v) / math.sqrt(1 - b2**t) + eps
            th = th - step_size * m / denom
            (exp1 if t == 1 else exp2).append(th)
        m2.append(m)
        v2.append(v)
    close(th1, exp1)
    close(th2, exp2)
    close(s2.m, m2)
    close(s2.v, v2)
    # Adam's first step is ≈ α against the sign of the gradient, whatever its size.
    assert np.allclose(th1, [0.9, -1.9], atol=1e-6)


def test_two_steps_on_a_fixed_gradient_sequence():
    # Gradients that do not depend on θ: g1 = (2, −1), g2 = (−1, 3); Adam with defaults.
    o = opt.adam(0.01)
    th0 = np.zeros(2)
    s = o.init(th0)
    th1, s = o.step(th0, [2.0, -1.0], s)
    th2, s = o.step(th1, [-1.0, 3.0], s)
    exp = []
    for g1, g2 in [(2.0, -1.0), (-1.0, 3.0)]:
        m1 = 0.1 * g1
        v1 = 0.001 * g1 * g1
        t1 = 0.0 - (0.01 / 0.1) * m1 / (math.sqrt(v1) / math.sqrt(0.001) + 1e-8)
        m2 = 0.9 * m1 + 0.1 * g2
        v2 = 0.999 * v1 + 0.001 * g2 * g2
        bc1 = 1 - 0.9**2
        bc2 = 1 - 0.999**2
        exp.append((t1, t1 - (0.01 / bc1) * m2 / (math.sqrt(v2) / math.sqrt(bc2) + 1e-8)))
    close(th1, [e[0] for e in exp])
    close(th2, [e[1] for e in exp])


# --- Defaults follow PyTorch ------------------------------------------------------------------


def test_default_hyper_parameters_are_pytorchs():
    assert opt.momentum(0.1).hyper == {"lr": 0.1, "beta": 0.9}
    assert opt.nesterov(0.1).hyper == {"lr": 0.1, "beta": 0.9}
    assert opt.adagrad(0.1).hyper == {"lr": 0.1, "eps": 1e-10}
    assert opt.adadelta().hyper == {"lr": 1.0, "rho": 0.9, "eps": 1e-6}
    assert opt.rmsprop(0.01).hyper == {"lr": 0.01, "alpha": 0.99, "eps": 1e-8}
    assert opt.adam(0.001).hyper == {"lr": 0.001, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8}


def test_names_factories_and_make():
    assert opt.NAMES == ("SGD", "Momentum", "NAG", "Adagrad", "Adadelta", "RMSprop", "Adam")
    assert list(opt.FACTORIES) == list(opt.NAMES)
    for name in opt.NAMES:
        o = opt.make(name, lr=0.5)
        assert o.name == name and o.lr == 0.5
    assert opt.make("Adam", lr=0.1, beta1=0.5).hyper["beta1"] == 0.5
    assert opt.sgd(0.25).label() == "SGD  α=0.25"
    with pytest.raises(ValueError, match="name"):
        opt.make("LBFGS", lr=0.1)


# --- Convergence on a convex quadratic --------------------------------------------------------

QA = np.array([[3.0, 1.0], [1.0, 2.0]])  # symmetric positive definite, eigenvalues ≈ 3.62, 1.38
QC = np.array([1.5, -0.5])


@pytest.mark.parametrize(
    "optimizer",
    [
        opt.sgd(0.2),
        opt.momentum(0.05, 0.9),
        opt.nesterov(0.05, 0.9),
        opt.adagrad(0.5),
        opt.adadelta(1.0),
        opt.rmsprop(0.001),
        opt.adam(0.05),
    ],
    ids=lambda o: o.name,
)
def test_reaches_minimum_of_convex_quadratic(optimizer):
    # f(θ) = ½ (θ − c)ᵀ A (θ − c), ∇f = A (θ − c), minimum at c.
    theta = np.array([-1.0, 2.0])
    state = optimizer.init(theta)
    for _ in range(3000):
        theta, state = optimizer.step(theta, QA @ (theta - QC), state)
    assert np.max(np.abs(theta - QC)) < 1e-4
    f = 0.5 * (theta - QC) @ QA @ (theta - QC)
    assert f < 1e-8


# --- Immutable state --------------------------------------------------------------------------

ALL = [
    opt.sgd(0.1),
    opt.momentum(0.1),
    opt.nesterov(0.1),
    opt.adagrad(0.1),
    opt.adadelta(),
    opt.rmsprop(0.01),
    opt.adam(0.1),
]
STATE_ARRAYS = {
    "SGD": (),
    "Momentum": ("velocity",),
    "NAG": ("velocity",),
    "Adagrad": ("sum_sq",),
    "Adadelta": ("square_avg", "acc_delta"),
    "RMSprop": ("square_avg",),
    "Adam": ("m", "v"),
}


@pytest.mark.parametrize("optimizer", ALL, ids=lambda o: o.name)
def test_state_is_immutable(optimizer):
    p = np.array([1.0, -2.0, 0.5])
    g = np.array([0.3, -0.1, 2.0])
    p0, g0 = p.copy(), g.copy()
    s0 = optimizer.init(p)
    assert s0.count == 0
    assert tuple(s0.arrays()) == STATE_ARRAYS[optimizer.name]
    for b in s0.arrays().values():
        assert b.shape == (3,) and np.all(b == 0.0)
        assert not b.flags.writeable
        with pytest.raises(ValueError):
            b[0] = 1.0
    p1, s1 = optimizer.step(p, g, s0)
    p1b, s1b = optimizer.step(p, g, s0)  # same inputs, same result
    assert np.array_equal(p1, p1b)
    assert all(np.array_equal(x, y) for x, y in zip(s1.arrays().values(), s1b.arrays().values()))
    assert s1.count == s1b.count == 1
    assert np.array_equal(p, p0) and np.array_equal(g, g0)  # inputs untouched
    assert s0.count == 0 and all(np.all(b == 0.0) for b in s0.arrays().values())
    assert not p1.flags.writeable
    assert all(not b.flags.writeable for b in s1.arrays().values())
    assert not np.array_equal(p1, p)
    with pytest.raises(dataclasses.FrozenInstanceError):
        s1.count = 5  # type: ignore[misc]
    # Stepping again from the new state continues; the old state still gives the old result.
    p2, s2 = optimizer.step(p1, g, s1)
    assert s2.count == 2
    assert np.array_equal(optimizer.step(p, g, s0)[0], p1)


def test_state_arrays_do_not_alias_inputs():
    o = opt.momentum(0.1)
    p = np.zeros(2)
    g = np.array([1.0, 2.0])
    _, s = o.step(p, g, o.init(p))
    g[0] = 100.0
    assert s.velocity.tolist() == [1.0, 2.0]


# --- Bad input --------------------------------------------------------------------------------

FACTORY_LIST = [
    opt.sgd,
    opt.momentum,
    opt.nesterov,
    opt.adagrad,
    opt.adadelta,
    opt.rmsprop,
    opt.adam,
]


@pytest.mark.parametrize("factory", FACTORY_LIST, ids=lambda f: f.__name__)
@pytest.mark.parametrize("lr", [0, 0.0, -1, -1.0, float("nan"), float("inf"), "fast", None])
def test_bad_learning_rate_raises_naming_lr(factory, lr):
    with pytest.raises(ValueError, match=r"\blr\b"):
        factory(lr=lr)


@pytest.mark.parametrize(
    ("factory", "arg"),
    [
        (opt.momentum, "beta"),
        (opt.nesterov, "beta"),
        (opt.adadelta, "rho"),
        (opt.rmsprop, "alpha"),
        (opt.adam, "beta1"),
        (opt.adam, "beta2"),
    ],
)
@pytest.mark.parametrize("value", [1.0, 1.5, -0.1, float("nan")])
def test_bad_decay_rate_raises_naming_it(factory, arg, value):
    with pytest.raises(ValueError, match=rf"\b{arg}\b"):
        factory(lr=0.1, **{arg: value})


@pytest.mark.parametrize(
    "factory", [opt.adagrad, opt.adadelta, opt.rmsprop, opt.adam], ids=lambda f: f.__name__
)
@pytest.mark.parametrize("eps", [0.0, -1e-8, float("nan")])
def test_bad_eps_raises_naming_eps(factory, eps):
    with pytest.raises(ValueError, match=r"\beps\b"):
        factory(lr=0.1, eps=eps)


@pytest.mark.parametrize("optimizer", ALL, ids=lambda o: o.name)
def test_bad_grad_or_params_raise(optimizer):
    p = np.zeros(2)
    s = optimizer.init(p)
    with pytest.raises(ValueError, match=r"\bgrad\b"):
        optimizer.step(p, np.zeros(3), s)
    with pytest.raises(ValueError, match=r"\bgrad\b"):
        optimizer.step(p, np.zeros((2, 1)), s)
    with pytest.raises(ValueError, match=r"\bparams\b"):
        optimizer.init(np.zeros((2, 2)))
    if s.arrays():
        with pytest.raises(ValueError, match="state"):
            optimizer.step(np.zeros(3), np.zeros(3), s)
    other = opt.adam(0.1) if optimizer.name != "Adam" else opt.sgd(0.1)
    with pytest.raises(ValueError, match="state must be"):
        optimizer.step(p, np.zeros(2), other.init(p))


def test_beta_zero_is_allowed_and_is_plain_sgd():
    p = np.array([1.0, -1.0])
    g = np.array([0.5, 2.0])
    o, ref = opt.momentum(0.1, beta=0.0), opt.sgd(0.1)
    s, r = o.init(p), ref.init(p)
    q, qr = p, p
    for _ in range(3):
        q, s = o.step(q, g, s)
        qr, r = ref.step(qr, g, r)
    close(q, qr)


@pytest.mark.parametrize("value", [None, "high"])
def test_non_numeric_decay_rate_raises_value_error_naming_it(value):
    with pytest.raises(ValueError, match=r"\bbeta\b"):
        opt.momentum(0.1, beta=value)
