"""Tests for gdcore.sampling: brute-force guess counts, grids and the eggshell share."""

from __future__ import annotations

import math

import numpy as np
import pytest

from gdcore import sampling


@pytest.mark.parametrize(
    ("bins", "dims", "count"),
    [(10, 2, 100), (10, 3, 1000), (100, 2, 10_000), (100, 3, 1_000_000), (7, 1, 7)],
)
def test_guess_count(bins, dims, count):
    assert sampling.guess_count(bins, dims) == count
    assert isinstance(sampling.guess_count(bins, dims), int)


def test_guess_count_of_the_mnist_network_is_exact():
    n = sampling.guess_count(10, 11935)
    assert isinstance(n, int)
    assert n == 10**11935
    assert n.bit_length() == (10**11935).bit_length()
    assert sampling.guess_count_log10(10, 11935) == pytest.approx(11935.0, abs=1e-9)
    assert sampling.guess_count_log10(10, 11935) > 100 * sampling.ATOMS_LOG10


def test_digit_count_small_numbers():
    assert sampling.digit_count(1) == 1
    assert sampling.digit_count(9) == 1
    assert sampling.digit_count(100) == 3
    assert sampling.digit_count(10**80) == 81
    assert sampling.digit_count(10**4000) == 4001


def test_digit_count_of_ten_to_the_11935():
    assert sampling.digit_count(sampling.guess_count(10, 11935)) == 11936


def test_digit_count_rejects_non_positive():
    with pytest.raises(ValueError, match="n"):
        sampling.digit_count(0)


@pytest.mark.parametrize(
    ("bins", "dims", "shape"), [(10, 2, (100, 2)), (100, 2, (10000, 2)), (10, 3, (1000, 3))]
)
def test_grid_points_shapes_inside_and_distinct(bins, dims, shape):
    pts = sampling.grid_points(bins, dims)
    assert pts.shape == shape
    assert np.all(pts >= 0.0) and np.all(pts <= 1.0)
    assert np.unique(pts, axis=0).shape[0] == shape[0]
    # Cell centres: each axis takes exactly the values (k + 0.5) / bins.
    for d in range(dims):
        assert np.allclose(np.unique(pts[:, d]), (np.arange(bins) + 0.5) / bins)


def test_grid_points_order_and_range():
    pts = sampling.grid_points(2, 2, low=-1.0, high=1.0)
    assert pts.tolist() == [[-0.5, -0.5], [-0.5, 0.5], [0.5, -0.5], [0.5, 0.5]]


def test_grid_points_bad_input():
    with pytest.raises(ValueError, match="high"):
        sampling.grid_points(10, 2, low=1.0, high=1.0)
    with pytest.raises(ValueError, match="bins"):
        sampling.grid_points(0, 2)
    with pytest.raises(ValueError, match="dims"):
        sampling.grid_points(10, 0)
    with pytest.raises(ValueError, match="too many"):
        sampling.grid_points(10, 8)


def test_eggshell_share_values():
    assert sampling.eggshell_share(0.05, 1) == pytest.approx(0.05, abs=1e-15)
    assert sampling.eggshell_share(0.05, 2) == pytest.approx(1 - 0.95 * 0.95, abs=1e-15)
    share100 = sampling.eggshell_share(0.05, 100)
    assert share100 == pytest.approx(1 - 0.95**100, abs=1e-15)
    assert share100 > 0.99
    assert isinstance(share100, float)


def test_eggshell_share_increases_with_dimension():
    d = np.arange(1, 101)
    s = sampling.eggshell_share(0.05, d)
    assert s.shape == (100,)
    assert np.all(np.diff(s) > 0)
    assert np.all((s > 0) & (s < 1))
    assert s[9] == pytest.approx(1 - math.pow(0.95, 10), abs=1e-15)


def test_eggshell_curve_is_the_share_sampled_finely_in_log_d():
    d, share = sampling.eggshell_curve(0.05, 1000)
    assert d[0] == 1.0 and d[-1] == pytest.approx(1000.0) and d.size == 400
    assert np.allclose(np.diff(np.log(d)), np.log(1000) / 399)  # even in log d
    assert np.allclose(share, 1 - 0.95**d)
    # between d = 2 and 3 the curve has points of its own (no straight chord on the log axis)
    between = (d > 2) & (d < 3)
    assert between.sum() >= 10
    assert np.all(share[between] > 0.0975) and np.all(share[between] < 0.142625)
    with pytest.raises(ValueError):
        sampling.eggshell_curve(0.05, 1)


def test_eggshell_share_bad_input():
    for eps in (0.0, 1.0, -0.1):
        with pytest.raises(ValueError, match="eps"):
            sampling.eggshell_share(eps, 3)
    with pytest.raises(ValueError, match="dims"):
        sampling.eggshell_share(0.05, 0)
