"""Tests for gdcore.nn: counts, backprop against hand and numeric gradients, locality, training."""

from __future__ import annotations

import math

import numpy as np
import pytest

from gdcore.nn import (
    ACTIVATIONS,
    MLP,
    activation_changes,
    backprop,
    changed_activations,
    downstream,
    dropout_mask,
    dropout_masks,
    forward,
    forward_full,
    grad_vector,
    gradient_check,
    init_mlp,
    layer_weight_counts,
    loss,
    numerical_gradient,
    parameter_count,
    relative_error,
    sgd_step,
    train,
    weight_count,
)


def random_net(sizes, activation, seed=0, output_activation="identity"):
    """A net with random weights AND random biases, so every parameter is exercised."""
    net = init_mlp(sizes, activation, output_activation, seed=seed)
    rng = np.random.default_rng(seed + 100)
    return net.with_params(rng.normal(0.0, 0.8, parameter_count(sizes)))


def random_data(sizes, n=5, seed=1):
    rng = np.random.default_rng(seed)
    return rng.normal(size=(n, sizes[0])), rng.normal(size=(n, sizes[-1]))


# --- counting -------------------------------------------------------------------------------
def test_counts_for_the_mnist_net():
    assert weight_count([784, 15, 10]) == 11910
    assert parameter_count([784, 15, 10]) == 11935
    assert layer_weight_counts([784, 15, 10]) == [11760, 150]
    assert 2 * parameter_count([784, 15, 10]) == 23870


def test_counts_match_an_actual_net():
    net = init_mlp([3, 5, 4, 2])
    assert net.sizes == (3, 5, 4, 2)
    assert net.params().shape == (parameter_count([3, 5, 4, 2]),) == (3 * 5 + 5 * 4 + 4 * 2 + 11,)
    assert [W.size for W in net.weights] == layer_weight_counts([3, 5, 4, 2]) == [15, 20, 8]


def test_gradient_check_counts_passes():
    net = random_net([2, 3, 2], "tanh")
    X, Y = random_data([2, 3, 2])
    gc = gradient_check(net, X, Y)
    assert gc.forward_passes == 2 * parameter_count([2, 3, 2]) == 2 * 17 == 34
    assert gc.backprop_passes == 2
    assert gc.analytic.shape == gc.numeric.shape == gc.per_weight.shape == (17,)


# --- activations ----------------------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_each_derivative_matches_its_forward(name):
    f, df = ACTIVATIONS[name]
    z = np.array([-3.0, -0.7, 0.4, 2.5])  # away from the relu kink
    h = 1e-6
    np.testing.assert_allclose(df(z), (f(z + h) - f(z - h)) / (2 * h), rtol=1e-7, atol=1e-9)
    assert f(z).dtype == df(z).dtype == np.float64


def test_activation_values():
    f, df = ACTIVATIONS["sigmoid"]
    assert f(np.array(0.0)) == 0.5 and df(np.array(0.0)) == 0.25
    assert np.isclose(f(np.array(2.0)), 1 / (1 + math.exp(-2.0)))
    assert ACTIVATIONS["relu"][0](np.array([-1.0, 2.0])).tolist() == [0.0, 2.0]
    assert ACTIVATIONS["relu"][1](np.array([-1.0, 0.0, 2.0])).tolist() == [0.0, 0.0, 1.0]
    assert ACTIVATIONS["tanh"][1](np.array(0.0)) == 1.0


# --- the MLP container ----------------------------------------------------------------------
def test_params_roundtrip_and_layout():
    net = random_net([3, 5, 4, 2], "tanh")
    theta = net.params()
    W0, b0, W1 = net.weights[0], net.biases[0], net.weights[1]
    np.testing.assert_array_equal(theta[:15], W0.ravel())
    np.testing.assert_array_equal(theta[15:20], b0)
    np.testing.assert_array_equal(theta[20:40], W1.ravel())
    back = net.with_params(theta)
    np.testing.assert_array_equal(back.params(), theta)
    assert back.activation == "tanh" and back.output_activation == "identity"
    assert theta.dtype == np.float64


def test_with_weight_sets_one_connection_only():
    net = init_mlp([3, 4, 2], seed=3)
    new = net.with_weight(0, 2, 1, 7.5)
    assert new.weights[0][2, 1] == 7.5
    diff = new.params() != net.params()
    assert diff.sum() == 1 and diff[2 * 3 + 1]  # row-major index of W0[2, 1]
    assert net.weights[0][2, 1] != 7.5  # the original is untouched
    with pytest.raises(ValueError):
        net.weights[0][0, 0] = 1.0  # frozen arrays are read-only


def test_init_is_seeded_and_scaled():
    a, b = init_mlp([50, 400, 3], seed=7), init_mlp([50, 400, 3], seed=7)
    np.testing.assert_array_equal(a.params(), b.params())
    assert not np.array_equal(a.params(), init_mlp([50, 400, 3], seed=8).params())
    assert abs(a.weights[0].std() - 1 / math.sqrt(50)) < 0.01  # N(0, 1/fan_in)
    assert abs(init_mlp([50, 400], scale=2.0).weights[0].std() - 2.0) < 0.05
    assert all(np.all(bias == 0) for bias in a.biases)


# --- forward and loss -----------------------------------------------------------------------
def test_forward_shapes_and_values():
    net = random_net([3, 5, 2], "sigmoid")
    X = np.arange(12.0).reshape(4, 3) / 10
    acts = forward(net, X)
    assert [a.shape for a in acts] == [(4, 3), (4, 5), (4, 2)]
    np.testing.assert_array_equal(acts[0], X)
    hidden = 1 / (1 + np.exp(-(X @ net.weights[0].T + net.biases[0])))
    np.testing.assert_allclose(acts[1], hidden, rtol=1e-14)
    np.testing.assert_allclose(acts[2], hidden @ net.weights[1].T + net.biases[1], rtol=1e-14)
    single = forward(net, X[1])
    assert [a.shape for a in single] == [(1, 3), (1, 5), (1, 2)]
    np.testing.assert_allclose(single[-1][0], acts[-1][1], rtol=1e-14)
    zs, acts2 = forward_full(net, X)
    assert len(zs) == 2 and len(acts2) == 3
    np.testing.assert_allclose(acts2[1], ACTIVATIONS["sigmoid"][0](zs[0]))


def test_loss_is_half_mean_squared_error():
    net = MLP((np.array([[2.0]]),), (np.array([1.0]),), "sigmoid", "identity")
    X, Y = np.array([[1.0], [3.0]]), np.array([[0.0], [5.0]])
    # outputs 3 and 7: errors 3 and 2 -> (9 + 4) / (2 * 2)
    assert loss(net, X, Y) == pytest.approx(13 / 4, rel=1e-15)


# --- backprop -------------------------------------------------------------------------------
def test_backprop_matches_hand_chain_rule_on_1_1_1_sigmoid_net():
    w1, b1, w2, b2, x, y = 0.7, -0.3, -1.2, 0.4, 1.5, 0.25
    net = MLP((np.array([[w1]]), np.array([[w2]])), (np.array([b1]), np.array([b2])),
              "sigmoid", "sigmoid")

    def sig(t):
        return 1 / (1 + math.exp(-t))

    z1 = w1 * x + b1
    a1 = sig(z1)
    z2 = w2 * a1 + b2
    a2 = sig(z2)
    # J = (a2 - y)^2 / 2
    dJ_da2 = a2 - y
    dJ_dz2 = dJ_da2 * sig(z2) * (1 - sig(z2))  # da2/dz2 = sigma'(z2)
    dJ_dw2 = dJ_dz2 * a1  # dz2/dw2 = a1
    dJ_db2 = dJ_dz2  # dz2/db2 = 1
    dJ_da1 = dJ_dz2 * w2  # dz2/da1 = w2
    dJ_dz1 = dJ_da1 * sig(z1) * (1 - sig(z1))
    dJ_dw1 = dJ_dz1 * x
    dJ_db1 = dJ_dz1

    assert loss(net, [x], [y]) == pytest.approx((a2 - y) ** 2 / 2, rel=1e-14)
    gW, gb = backprop(net, [[x]], [[y]])
    assert gW[0][0, 0] == pytest.approx(dJ_dw1, rel=1e-12)
    assert gb[0][0] == pytest.approx(dJ_db1, rel=1e-12)
    assert gW[1][0, 0] == pytest.approx(dJ_dw2, rel=1e-12)
    assert gb[1][0] == pytest.approx(dJ_db2, rel=1e-12)
    np.testing.assert_allclose(grad_vector(net, [x], [y]), [dJ_dw1, dJ_db1, dJ_dw2, dJ_db2],
                               rtol=1e-12)


@pytest.mark.parametrize("sizes", [[2, 3, 2], [3, 5, 4, 2], [4, 8, 8, 3]])
@pytest.mark.parametrize("activation", ["sigmoid", "tanh"])
def test_gradient_check_smooth_activations(sizes, activation):
    net = random_net(sizes, activation, seed=len(sizes))
    X, Y = random_data(sizes)
    gc = gradient_check(net, X, Y)
    assert gc.relative_error < 1e-7
    assert gc.relative_error == relative_error(gc.analytic, gc.numeric)
    assert gc.per_weight.max() < 1e-4


@pytest.mark.parametrize("output_activation", ["sigmoid", "tanh", "relu"])
def test_gradient_check_other_output_activations(output_activation):
    net = random_net([3, 4, 2], "tanh", seed=5, output_activation=output_activation)
    X, Y = random_data([3, 4, 2], seed=6)
    assert np.abs(forward_full(net, X)[0][-1]).min() > 1e-3  # no relu kink within reach of h
    assert gradient_check(net, X, Y).relative_error < 1e-7


@pytest.mark.parametrize("sizes", [[2, 3, 2], [3, 5, 4, 2], [4, 8, 8, 3]])
def test_gradient_check_relu_away_from_kinks(sizes):
    # relu is not differentiable at 0. With these seeds no pre-activation lies within 1e-3 of
    # the kink (asserted), so the +-h = 1e-5 probes stay on one linear piece and agree.
    net = random_net(sizes, "relu", seed=len(sizes))
    X, Y = random_data(sizes)
    zs, _ = forward_full(net, X)
    assert min(np.abs(z).min() for z in zs[:-1]) > 1e-3
    assert gradient_check(net, X, Y).relative_error < 1e-7


def test_numerical_gradient_of_a_linear_net_is_exact_enough():
    net = random_net([2, 1], "identity")
    X, Y = random_data([2, 1], n=3)
    # J is quadratic in theta, so the central difference is exact up to rounding
    np.testing.assert_allclose(numerical_gradient(net, X, Y), grad_vector(net, X, Y),
                               rtol=1e-8, atol=1e-10)


def test_relative_error_formula():
    assert relative_error([0.0, 0.0], [0.0, 0.0]) == 0.0
    assert relative_error([3.0, 4.0], [3.0, 4.0]) == 0.0
    assert relative_error([3.0, 4.0], [0.0, 0.0]) == 1.0
    assert relative_error([1.0, 0.0], [0.0, 1.0]) == pytest.approx(math.sqrt(2) / 2)


# --- which activations a weight touches -----------------------------------------------------
def test_downstream_sets():
    assert downstream([2, 3, 2], 1, 1, 2) == {(2, 1)}
    assert downstream([2, 3, 2], 0, 2, 0) == {(1, 2), (2, 0), (2, 1)}
    assert len(downstream([784, 15, 10], 0, 4, 300)) == 1 + 10
    assert len(downstream([10, 8, 8, 5], 0, 0, 0)) == 1 + 8 + 5


@pytest.mark.parametrize("layer,j,i", [(0, 3, 4), (0, 0, 9), (1, 2, 7), (1, 7, 0), (2, 4, 0),
                                       (2, 0, 7)])
def test_changed_activations_equal_downstream_for_tanh(layer, j, i):
    sizes = [10, 8, 8, 5]
    net = random_net(sizes, "tanh", seed=11)
    x = np.random.default_rng(12).normal(size=10)
    assert changed_activations(net, x, layer, j, i, 0.05) == downstream(sizes, layer, j, i)
    changes = activation_changes(net, x, layer, j, i, 0.05)
    assert [c.shape for c in changes] == [(10,), (8,), (8,), (5,)]
    touched = downstream(sizes, layer, j, i)
    for l, c in enumerate(changes):
        for k, v in enumerate(c):
            assert (v > 1e-12) if (l, k) in touched else (v == 0.0)


def test_changed_activations_sigmoid_and_dead_relu():
    sizes = [4, 6, 3]
    x = np.array([0.5, -1.0, 2.0, 0.3])
    sig = random_net(sizes, "sigmoid", seed=2)
    assert changed_activations(sig, x, 0, 1, 2, 0.1) == downstream(sizes, 0, 1, 2)
    # A relu neuron held far below zero stays dead: nothing downstream of it changes.
    net = random_net(sizes, "relu", seed=2)
    theta = net.params()
    theta[4 * 6 + 1] = -100.0  # b0[1] follows the 24 entries of W0
    dead = net.with_params(theta)
    assert changed_activations(dead, x, 0, 1, 2, 0.1) == frozenset()
    assert changed_activations(dead, x, 0, 1, 2, 0.1) <= downstream(sizes, 0, 1, 2)


# --- dropout --------------------------------------------------------------------------------
def test_dropout_masks_reproducible_shaped_and_varying():
    sizes = [6, 20, 30, 4]
    a = dropout_masks(sizes, 0.5, steps=5, seed=3)
    b = dropout_masks(sizes, 0.5, steps=5, seed=3)
    assert len(a) == 5
    for step_a, step_b in zip(a, b, strict=True):
        assert [m.shape for m in step_a] == [(20,), (30,)]  # hidden layers only
        assert all(m.dtype == bool for m in step_a)
        assert all(np.array_equal(x, y) for x, y in zip(step_a, step_b, strict=True))
    for s in range(4):
        assert not np.array_equal(a[s][0], a[s + 1][0])
    c = dropout_masks(sizes, 0.5, steps=5, seed=4)
    assert not all(np.array_equal(x[0], y[0]) for x, y in zip(a, c, strict=True))
    assert dropout_masks([3, 2], 0.5, steps=2, seed=0) == [[], []]  # no hidden layer


def test_dropout_keeps_at_least_one_and_the_right_fraction():
    for seed in range(20):
        assert dropout_mask(3, 0.99, seed).sum() >= 1
        assert all(m.sum() >= 1 for step in dropout_masks([2, 3, 2, 2], 0.99, 3, seed)
                   for m in step)
    np.testing.assert_array_equal(dropout_mask(10, 0.3, 1), dropout_mask(10, 0.3, 1))
    assert dropout_mask(7, 0.0, 0).all()
    assert abs(dropout_mask(100_000, 0.25, 0).mean() - 0.75) < 0.01


# --- training -------------------------------------------------------------------------------
def regression_problem(n=80, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.uniform(-2, 2, size=(n, 2))
    Y = np.column_stack([np.sin(X[:, 0]), 0.5 * X[:, 0] * X[:, 1]])
    return X, Y


def test_train_full_batch_lowers_loss():
    X, Y = regression_problem()
    net = init_mlp([2, 10, 2], "tanh", seed=1)
    res = train(net, X, Y, steps=400, lr=0.1)
    assert res.train_losses.shape == (401,)
    assert res.train_losses[0] == pytest.approx(loss(net, X, Y))
    assert res.train_losses[-1] == pytest.approx(loss(res.net, X, Y))
    assert res.train_losses[-1] < 0.5 * res.train_losses[0]
    assert res.val_losses is None


def test_train_minibatch_momentum_with_validation_is_seeded():
    X, Y = regression_problem()
    Xv, Yv = regression_problem(40, seed=9)
    net = init_mlp([2, 10, 2], "tanh", seed=1)
    kw = dict(steps=300, lr=0.05, X_val=Xv, Y_val=Yv, batch_size=16, seed=4, momentum=0.9)
    res = train(net, X, Y, **kw)
    assert res.train_losses.shape == res.val_losses.shape == (301,)
    assert res.train_losses[-1] < 0.5 * res.train_losses[0]
    assert res.val_losses[-1] < 0.5 * res.val_losses[0]
    again = train(net, X, Y, **kw)
    np.testing.assert_array_equal(again.train_losses, res.train_losses)
    other = train(net, X, Y, **{**kw, "seed": 5})
    assert not np.array_equal(other.train_losses, res.train_losses)


def test_train_zero_steps_returns_initial_loss():
    X, Y = regression_problem(10)
    net = init_mlp([2, 3, 2], seed=0)
    res = train(net, X, Y, steps=0, lr=0.1)
    assert res.train_losses.tolist() == [loss(net, X, Y)]
    np.testing.assert_array_equal(res.net.params(), net.params())


def test_sgd_step_on_2_3_2_lowers_loss():
    net = random_net([2, 3, 2], "sigmoid", seed=3)
    X, Y = random_data([2, 3, 2], n=4, seed=4)
    new = sgd_step(net, X, Y, lr=0.01)
    assert loss(new, X, Y) < loss(net, X, Y)
    np.testing.assert_allclose(new.params(), net.params() - 0.01 * grad_vector(net, X, Y))
    # first order: the drop is about lr * ||grad||^2
    g = grad_vector(net, X, Y)
    assert loss(net, X, Y) - loss(new, X, Y) == pytest.approx(0.01 * g @ g, rel=0.05)


# --- bad input ------------------------------------------------------------------------------
NET = init_mlp([2, 3, 2])
XY = (np.zeros((4, 2)), np.zeros((4, 2)))


@pytest.mark.parametrize("call,match", [
    (lambda: init_mlp([3]), r"sizes must have at least 2 layers, got \[3\]"),
    (lambda: init_mlp([3, 0, 2]), r"sizes .*\[3, 0, 2\]"),
    (lambda: parameter_count([2.5, 3]), "sizes"),
    (lambda: init_mlp([2, 2], activation="foo"),
     r"activation must be one of 'sigmoid', 'tanh', 'relu', 'identity', got 'foo'"),
    (lambda: init_mlp([2, 2], output_activation="soft"), "output_activation"),
    (lambda: init_mlp([2, 2], scale=0.0), "scale"),
    (lambda: train(NET, *XY, steps=3, lr=0.0), "lr"),
    (lambda: train(NET, *XY, steps=3, lr=-1.0), "lr"),
    (lambda: train(NET, *XY, steps=-1, lr=0.1), "steps"),
    (lambda: train(NET, *XY, steps=1, lr=0.1, batch_size=9), "batch_size"),
    (lambda: train(NET, *XY, steps=1, lr=0.1, momentum=1.0), "momentum"),
    (lambda: train(NET, *XY, steps=1, lr=0.1, X_val=XY[0]), "X_val"),
    (lambda: sgd_step(NET, *XY, lr=0.0), "lr"),
    (lambda: forward(NET, np.zeros((4, 3))), r"X must have shape \(n, 2\)"),
    (lambda: loss(NET, np.zeros((4, 2)), np.zeros((4, 3))), "Y"),
    (lambda: loss(NET, np.zeros((4, 2)), np.zeros((3, 2))), "Y"),
    (lambda: NET.with_params(np.zeros(3)), "vector"),
    (lambda: NET.with_weight(2, 0, 0, 1.0), "layer"),
    (lambda: NET.with_weight(0, 3, 0, 1.0), "j"),
    (lambda: NET.with_weight(0, 0, 2, 1.0), "i"),
    (lambda: downstream([2, 3, 2], 0, 5, 0), "j"),
    (lambda: activation_changes(NET, np.zeros((2, 2)), 0, 0, 0, 0.1), "x"),
    (lambda: MLP((np.zeros((3, 2)), np.zeros((2, 4))), (np.zeros(3), np.zeros(2))), "weights"),
    (lambda: MLP((np.zeros((3, 2)),), (np.zeros(2),)), "biases"),
    (lambda: dropout_mask(4, 1.0, 0), "p_drop"),
    (lambda: dropout_mask(0, 0.5, 0), "size"),
    (lambda: dropout_masks([2, 3, 2], 0.5, -1, 0), "steps"),
    (lambda: relative_error([1.0], [1.0, 2.0]), "b"),
    (lambda: numerical_gradient(NET, *XY, h=0.0), "h"),
])
def test_bad_input_raises_value_error_naming_the_argument(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_backprop_printed_update_is_worked_from_the_printed_numbers():
    """The update as the video writes it: −lr times each gradient and error term as printed
    (−2 × 0.092 = −0.184), within lr half a unit of the last place of the exact change."""
    from gdcore.networks import BACKPROP

    r, p = BACKPROP.run(), 3
    dW, db = BACKPROP.printed_update(p)
    exact_W = [b - a for a, b in zip(r["net"].weights, r["new"].weights)]
    exact_b = [b - a for a, b in zip(r["net"].biases, r["new"].biases)]
    for shown, g, exact in zip(dW, r["grad_W"], exact_W):
        printed = np.array([[float(f"{v:.{p}f}") for v in row] for row in g])
        assert [f"{v:.{p}f}" for v in shown.ravel()] == \
            [f"{-BACKPROP.lr * v:.{p}f}" for v in printed.ravel()]
        assert np.abs(shown - exact).max() <= BACKPROP.lr * 0.5 * 10**-p + 1e-12
    for shown, exact in zip(db, exact_b):
        assert np.abs(shown - exact).max() <= BACKPROP.lr * 0.5 * 10**-p + 1e-12
    # the case that did not add up: the exact change prints −0.183, the worked one −0.184
    assert f"{exact_W[0][0, 0]:.3f}" == "-0.183" and f"{dW[0][0, 0]:.3f}" == "-0.184"
