"""The regularization scene: its drawing against gdcore's ridge path."""

import numpy as np
from frames import rendered

from gdcore import regression
from gdcore import training_procedure as procedure
from scenes.regularization import (
    DEGREE,
    LAMS,
    U_ZERO,
    XS,
    Y_RANGE,
    Regularization,
    clipped_segments,
)


def _path():
    d = procedure.overfit_data()
    return procedure.regularization_path(d.x, d.y, DEGREE, LAMS)


def _check_curve(scene, w):
    """Every anchor of the drawn fit lies in the panel, on gdcore's polynomial; the anchors at
    the sample points x of XS are exactly p(x)."""
    pts = np.array([scene.ax_fit.p2c(p) for p in scene.curve.get_anchors()])
    assert np.all(pts[:, 1] >= Y_RANGE[0] - 1e-9) and np.all(pts[:, 1] <= Y_RANGE[1] + 1e-9)
    on_xs = np.isin(np.round(pts[:, 0], 9), np.round(XS, 9))
    assert on_xs.sum() > 100
    np.testing.assert_allclose(pts[on_xs, 1], regression.polynomial_eval(w, pts[on_xs, 0]),
                               atol=1e-9)


def test_sweep_ends_on_gdcores_strongest_fit_and_norms():
    scene = rendered(Regularization)
    rp = _path()
    assert np.isclose(scene.lam(), LAMS[-1])
    _check_curve(scene, rp.coefs[-1])
    # the norm plot's marks are gdcore's norms at DEFAULT_LAMS (λ = 0 on the stub)
    marks = np.array([scene.np2c(m.get_center()) for m in scene.marks])
    u_want = np.array([U_ZERO] + list(np.log10(LAMS[1:])))
    np.testing.assert_allclose(marks[:, 0], u_want, atol=1e-9)
    np.testing.assert_allclose(marks[:, 1], rp.norms, rtol=1e-9)
    # the traced curve and the dot lie on gdcore's norm at their λ; the dot and readout at λ = 1
    trace = np.array([scene.np2c(p) for p in scene.trace.get_anchors()])
    d = procedure.overfit_data()
    want = procedure.regularization_path(d.x, d.y, DEGREE, 10.0 ** trace[::7, 0]).norms
    np.testing.assert_allclose(trace[::7, 1], want, rtol=1e-8)
    np.testing.assert_allclose(scene.np2c(scene.dot.get_center()), [0.0, rp.norms[-1]],
                               rtol=1e-9, atol=1e-9)
    assert np.isclose(scene.w_num.get_value(), rp.norms[-1])


def test_unpenalised_fit_is_clipped_to_the_panel():
    scene = rendered(Regularization, upto="overfit")
    rp = _path()
    assert scene.lam() == 0.0
    _check_curve(scene, rp.coefs[0])
    assert len(scene.curve.get_subpaths()) > 1  # it leaves the panel and comes back
    np.testing.assert_allclose(scene.np2c(scene.dot.get_center()), [U_ZERO, rp.norms[0]],
                               rtol=1e-9)
    assert np.isclose(scene.w_num.get_value(), rp.norms[0])


def test_clipped_segments_end_on_the_edge():
    xs = np.linspace(0, 1, 11)
    segs = clipped_segments(xs, 3 * np.sin(2 * np.pi * xs), -2.5, 2.5)
    assert len(segs) == 3
    assert np.isclose(segs[0][-1, 1], 2.5) and np.isclose(segs[1][0, 1], 2.5)
