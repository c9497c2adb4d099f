"""The regularization scene: its drawing and readouts against gdcore's ridge fit at the shown λ."""

import numpy as np
import pytest
from frames import rendered

from gdcore import regression
from gdcore import training_procedure as procedure
from scenes.regularization import (
    BAR_EXP,
    DEGREE,
    LAMS,
    U_BEST,
    U_FROM,
    XS,
    Y_RANGE,
    Regularization,
    bar_height,
    clipped_segments,
)

EX = procedure.REGULARIZATION


def _check_curve(curve, scene, w):
    """Every anchor of the drawn fit lies in the panel, on gdcore's polynomial; the anchors at
    the sample points x of XS are exactly p(x)."""
    pts = np.array([scene.ax_fit.p2c(p) for p in curve.get_anchors()])
    assert np.all(pts[:, 1] >= Y_RANGE[0] - 1e-9) and np.all(pts[:, 1] <= Y_RANGE[1] + 1e-9)
    on_xs = np.isin(np.round(pts[:, 0], 9), np.round(XS, 9))
    assert on_xs.sum() > 100
    np.testing.assert_allclose(pts[on_xs, 1], regression.polynomial_eval(w, pts[on_xs, 0]),
                               atol=1e-9)


def _check_frame(scene, lam):
    """The curve, the ten bars and the three readouts of the frame are gdcore's fit at λ."""
    assert scene.lam() == pytest.approx(lam, rel=1e-9)
    want = EX.path_at(scene.lam())
    _check_curve(scene.curve, scene, want.coefs[0])
    # readouts: λ, training and test error of that very fit
    np.testing.assert_allclose(scene.shown, [scene.lam(), want.train[0], want.test[0]],
                               rtol=1e-12)
    # bars: height log10 |w_k| above the floor, filled when w_k > 0
    for bar, wk in zip(scene.bar_group, want.coefs[0]):
        lo = scene.ax_bar.p2c(bar.get_bottom())[1]
        hi = scene.ax_bar.p2c(bar.get_top())[1]
        assert lo == pytest.approx(BAR_EXP[0], abs=1e-6)
        assert hi - lo == pytest.approx(bar_height(wk), abs=2e-3)
        assert (bar.get_fill_opacity() > 0) == (wk > 0)
    assert len(scene.bar_group) == DEGREE + 1
    return want


def test_sweep_reaches_the_wild_regime():
    # the first λ of the sweep is ≤ 10⁻¹⁴ and its fit is as wild as the unpenalised one
    lo = 10.0**U_FROM
    assert lo <= 1e-14
    wild, none = EX.path_at(lo), EX.path_at(0.0)
    assert wild.norms[0] > 1e6 and none.norms[0] > 1e6
    assert wild.test[0] > 10 * EX.path_at(10.0**U_BEST).test[0]


def test_unpenalised_fit_is_clipped_and_its_readouts_are_gdcores():
    scene = rendered(Regularization, upto="overfit")
    want = _check_frame(scene, 0.0)
    assert len(scene.curve.get_subpaths()) > 1  # it leaves the panel and comes back
    assert want.train[0] < 1e-15  # interpolation: the readout says ≈ 0
    assert bar_height(np.abs(want.coefs[0]).max()) > 8  # weights in the millions


def test_pause_at_the_least_test_error_with_the_previous_fit_as_ghost():
    scene = rendered(Regularization, upto="best")
    d, rp = EX.run()
    best = LAMS[EX.best_row(rp)]
    assert best == pytest.approx(1e-4)
    _check_frame(scene, best)
    # the ghost is the fit one decade of λ earlier, faint
    assert scene.ghost_lam() == pytest.approx(best / 10, rel=1e-9)
    _check_curve(scene.ghost, scene, EX.path_at(scene.ghost_lam()).coefs[0])
    assert scene.ghost.get_stroke_opacity() < 0.5


def test_sweep_ends_on_gdcores_strongest_fit():
    scene = rendered(Regularization)
    _check_frame(scene, LAMS[-1])


def test_clipped_segments_end_on_the_edge():
    xs = np.linspace(0, 1, 11)
    segs = clipped_segments(xs, 3 * np.sin(2 * np.pi * xs), -2.5, 2.5)
    assert len(segs) == 3
    assert np.isclose(segs[0][-1, 1], 2.5) and np.isclose(segs[1][0, 1], 2.5)


def test_the_note_follows_the_sweep_and_the_keys_name_every_mark():
    from scenes.regularization import U_CALMS
    scene = rendered(Regularization, upto="best")
    # "still as wild" holds while ‖w‖ is within a factor 3 of the unpenalised fit's; a decade
    # later it is under a quarter of it
    wild = EX.path_at(10.0**U_FROM).norms[0]
    assert EX.path_at(10.0**U_CALMS).norms[0] > wild / 3
    assert EX.path_at(10.0 ** (U_CALMS + 1)).norms[0] < wild / 4
    # the keys: fit, its ghost, the sine; filled, hollow and the unpenalised w₀
    fit_key, bar_key = scene.key
    assert len(fit_key) == 3 and len(bar_key) == 3
    assert fit_key[1][0].get_stroke_opacity() == scene.ghost.get_stroke_opacity()
    assert bar_key[0][0].get_fill_opacity() > 0 and bar_key[1][0].get_fill_opacity() == 0
    assert bar_key[2][0].get_fill_color() == scene.bar_group[0].get_stroke_color()
    # everything stays 0.4 clear of the frame's edges (24 px at 480p)
    for m in (scene.note, scene.key, scene.ax_fit, scene.ax_bar, scene.labels):
        assert m.get_bottom()[1] >= -4.0 + 0.4
        assert m.get_left()[0] >= -7.111 + 0.4 and m.get_right()[0] <= 7.111 - 0.4
