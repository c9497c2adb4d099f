"""The regularization scene: its drawing and readouts against gdcore's ridge fit at the shown λ."""

import itertools

import numpy as np
import pytest
from frames import WATCHERS, rendered
from manim import RIGHT, UP, VGroup

from gdcore import regression
from gdcore import training_procedure as procedure
from gdviz import numbers
from gdviz.colors import mix
from gdviz.manim_theme import digit_px
from gdviz.theme import contrast
from scenes.regularization import (
    BAR_EXP,
    COST_LOW,
    COST_SIG,
    DEGREE,
    LAMS,
    TEST_WIDEST,
    TRAIN_WIDEST,
    U_BEST,
    U_FROM,
    XS,
    Y_RANGE,
    Regularization,
    bar_height,
    clipped_segments,
    cost_text,
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
    # bars: height log10 |w_k| above the floor, filled when w_k > 0; w₀ in one look whatever
    # its sign (negative at the best λ), its key's: filled in the muted colour
    w0_key = scene.key[1][2][0]
    for k, (bar, wk) in enumerate(zip(scene.bar_group, want.coefs[0])):
        lo = scene.ax_bar.p2c(bar.get_bottom())[1]
        hi = scene.ax_bar.p2c(bar.get_top())[1]
        assert lo == pytest.approx(BAR_EXP[0], abs=1e-6)
        assert hi - lo == pytest.approx(bar_height(wk), abs=2e-3)
        if k == 0:
            assert bar.get_fill_opacity() == w0_key.get_fill_opacity() > 0
            assert bar.get_fill_color() == w0_key.get_fill_color()
            assert bar.get_stroke_color() == w0_key.get_stroke_color()
        else:
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
    best = scene.lam()
    # the boxed λ is the argmin of gdcore's test cost over every λ the sweep shows, finer
    # than the grid's decades: below the test cost of each decade of the grid
    lams = EX.sweep_lams()
    test = procedure.regularization_path(scene.d.x, scene.d.y, DEGREE, lams, scene.d.x_test,
                                         scene.d.y_test).test
    assert best == pytest.approx(lams[np.argmin(test)], rel=1e-9)
    assert lams[0] == pytest.approx(LAMS[1]) and lams[-1] == pytest.approx(LAMS[-1])
    d, rp = EX.run()
    assert EX.path_at(best).test[0] < rp.test.min()
    assert EX.path_at(best).coefs[0][0] < 0  # w₀ negative: drawn as its key shows it
    assert scene.shown_text[0] == "4.5\u2009×\u200910<sup>−5</sup>"  # thin spaces round ×
    _check_frame(scene, best)
    # the ghost is the fit one decade of λ earlier, faint
    assert scene.ghost_lam() == pytest.approx(best / 10, rel=1e-9)
    _check_curve(scene.ghost, scene, EX.path_at(scene.ghost_lam()).coefs[0])
    assert scene.ghost.get_stroke_opacity() < 1
    # clearly the fainter line: grey, and half the fit's width or less
    assert scene.ghost.get_stroke_width() <= 0.5 * scene.curve.get_stroke_width()
    # the ghost reads on either page: its colour at its opacity, 3:1 against the background
    t = scene.theme
    seen = mix(t.background, t.model, scene.ghost.get_stroke_opacity())
    assert contrast(tuple(seen), t.background) >= 3.0
    # solid faint ink, the fit's own, told from the sine's muted dots
    assert scene.ghost.get_stroke_color().to_hex().upper() == t.model.upper() != t.muted.upper()
    assert not scene.ghost.submobjects  # one solid line, not a StyledLine's marks
    # drawn under the fit
    assert scene.mobjects.index(scene.ghost) < scene.mobjects.index(scene.curve)
    # the box around the least test cost is in the test cost's own colour
    assert scene.best_box.get_stroke_color().to_hex().upper() == t.test.upper()
    # the costs' labels and numbers in ink, each keyed by a swatch of its marks' colour left
    # of its label (the training samples' dot, the test set's hollow diamond), the box round
    # the test cost's swatch too
    for i, (swatch, role) in enumerate(zip(scene.swatches, (t.data, t.test)), start=1):
        for m in (scene.labels[i], scene.read[i]):
            assert m.get_color().to_hex().upper() == t.text.upper()
        assert swatch.get_color().to_hex().upper() == role.upper()
        gap = scene.labels[i].get_left()[0] - swatch.get_right()[0]
        assert 0.05 < gap < 0.3
        assert scene.labels[i].get_bottom()[1] < swatch.get_y() < scene.labels[i].get_top()[1]
    assert scene.swatches[1].get_fill_opacity() == 0
    assert scene.best_box.get_left()[0] < scene.swatches[1].get_left()[0]
    # the hundred held-out samples quieter than the fit and the training points: small hollow
    # diamonds whose edge is a tint of the test colour, lighter than it yet 3:1 on the page
    for m in scene.test_marks:
        edge = m.get_stroke_color().to_hex()
        assert 3.0 <= contrast(edge, t.background) < contrast(t.test, t.background)
        assert m.get_fill_opacity() == 0
        assert m.width < 0.75 * 2 * scene.train_dots[0].radius


def test_sweep_ends_on_gdcores_strongest_fit():
    scene = rendered(Regularization)
    _check_frame(scene, LAMS[-1])


def test_clipped_segments_end_on_the_edge():
    xs = np.linspace(0, 1, 11)
    segs = clipped_segments(xs, 3 * np.sin(2 * np.pi * xs), -2.5, 2.5)
    assert len(segs) == 3
    assert np.isclose(segs[0][-1, 1], 2.5) and np.isclose(segs[1][0, 1], 2.5)


def test_the_bars_indices_and_the_costs_rows_read_and_fit():
    """Each bar's index k (0 … 9) under it, digits at least 12 px at 480p, a clear gap between
    neighbours and each centred on its bar; the axis named k after them, in the frame."""
    scene = rendered(Regularization, upto="best")
    index, name = scene.bar_index
    assert [m.tex_string for m in index] == [str(k) for k in range(DEGREE + 1)]
    assert min(digit_px(m) for m in (*index, name)) >= 12
    for k, m in enumerate(index):
        assert abs(m.get_x() - scene.ax_bar.c2p(k, BAR_EXP[0])[0]) < 1e-6
    # the costs' row, and the best test cost's box round it, at the test cost's widest value,
    # end 24 px inside the frame
    from scenes.regularization import BOX_PAD

    wide = Regularization.number(TEST_WIDEST, True, "#000000").next_to(scene.labels[2], RIGHT,
                                                                      buff=0.15)
    assert wide.get_right()[0] + BOX_PAD + 0.03 <= 64 / 9 - 0.4
    for a, b in zip(index, [*index[1:], name]):
        assert b.get_left()[0] - a.get_right()[0] >= 0.2  # 12 px apart
    assert name.get_right()[0] <= 64 / 9 - 0.4


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
    assert fit_key[1][0].get_stroke_color() == scene.ghost.get_stroke_color()
    # the ghost's key names it truly: the fit at a tenth of the λ written (the λ of the frame)
    assert fit_key[1][1].original_text == "fit at" and fit_key[1][2].get_tex_string() == (
        r"\lambda/10")
    assert bar_key[0][0].get_fill_opacity() > 0 and bar_key[1][0].get_fill_opacity() == 0
    assert bar_key[2][0].get_fill_color() == scene.bar_group[0].get_stroke_color()
    # everything stays 0.4 clear of the frame's edges (24 px at 480p)
    for m in (scene.key, scene.ax_fit, scene.ax_bar, scene.labels,
              rendered(Regularization).note):
        assert m.get_bottom()[1] >= -4.0 + 0.4
        assert m.get_left()[0] >= -7.111 + 0.4 and m.get_right()[0] <= 7.111 - 0.4


def _named(scene):
    """The λ a shown note names and the λ the readout shows then (None while no note naming a
    λ is shown)."""
    if scene.note_lam is None or scene.note not in scene.mobjects:
        return None
    if max(m.get_fill_opacity() for m in scene.note.family_members_with_points()) == 0:
        return None
    return scene.note_lam, scene.lam()


def _watch(scene):
    """After a play: (_named, whether the best λ's box is drawn whole, the play's seconds
    in the video (frames.variant; a wait is a play), λ, whether the held-out test samples are
    drawn)."""
    box = getattr(scene, "best_box", None)
    whole = box in scene.mobjects and box.get_stroke_opacity() == 1
    held = getattr(scene, "test_marks", None)
    return (_named(scene), bool(whole), scene.lengths[-1], scene.lam(),
            held is not None and held in scene.mobjects)


WATCHERS[Regularization] = _watch


def test_the_best_lambda_is_held_with_its_box_and_readouts():
    """The key moment is slow: from the play that ends with the box drawn whole to the one
    that takes it away, the box, λ and the readouts stay put for at least 2.5 s, and no play of
    that stretch lasts over 2 s (something changes: the note comes a line at a time)."""
    from scenes.regularization import BEST_HOLD, BEST_READ

    notes = rendered(Regularization).notes
    boxed = [i for i, n in enumerate(notes) if n[1]]
    assert boxed == list(range(boxed[0], boxed[-1] + 1))  # one stretch
    held = [notes[i][2] for i in boxed[1:]]  # the plays after the box is whole
    assert sum(held) >= 2.5 and max(held) <= 2.0
    assert sum(held) == pytest.approx(BEST_READ + 0.6 + BEST_HOLD)
    assert {notes[i][3] for i in boxed} == {10.0**U_BEST}
    # taken away with the box (the next play), before λ moves on
    assert notes[boxed[-1] + 1][3] == 10.0**U_BEST and notes[boxed[-1] + 2][3] > 10.0**U_BEST


def test_the_held_out_samples_are_drawn_only_at_the_least_test_cost():
    """The hundred test samples, which buried the curve and the ten training samples through
    the sweep, are drawn only where the test cost is the point: they come in with the box round
    the least test cost and leave with it, all at that λ; over the fit, under the training
    dots; neither at λ = 0 nor at the end."""
    notes = rendered(Regularization).notes
    shown = [i for i, n in enumerate(notes) if n[4]]
    boxed = [i for i, n in enumerate(notes) if n[1]]
    assert shown == list(range(shown[0], shown[-1] + 1))  # one stretch
    assert boxed == shown
    assert {notes[i][3] for i in shown} == {10.0**U_BEST}
    for scene in (rendered(Regularization, upto="overfit"), rendered(Regularization)):
        assert scene.test_marks not in scene.get_mobject_family_members()
    scene = rendered(Regularization)
    assert len(scene.test_marks) == 100 - np.sum(np.abs(scene.d.y_test) > Y_RANGE[1])
    assert scene.curve.z_index < scene.test_marks.z_index < scene.train_dots.z_index


def test_the_fit_panel_ticks_are_whole_numbers():
    """No needless decimal on the fit panel's axes: 0 and 1 under it, −2 … 2 beside it (as the
    still's), every tick a whole number."""
    from manim import MathTex

    scene = rendered(Regularization, upto="overfit")
    ticks = [m.get_tex_string() for m in scene.ax_fit.submobjects if isinstance(m, MathTex)
             and m.get_tex_string() not in ("x", "y")]
    assert sorted(ticks) == sorted(["0", "1", "-2", "-1", "0", "1", "2"])


def test_a_note_naming_lambda_is_shown_only_while_lambda_is_that_value():
    seen = [n[0] for n in rendered(Regularization).notes if n[0] is not None]
    for named, shown in seen:
        assert shown == pytest.approx(named, rel=1e-12, abs=0)
    # the three notes that name a λ (0, 10⁻¹⁶, the best) were each seen and held
    assert sorted({named for named, _ in seen}) == sorted({0.0, 10.0**U_FROM, 10.0**U_BEST})


@pytest.mark.parametrize("v, want, words", [
    (2.64e-5, "2.64 × 10<sup>−5</sup>", "2.64 × 10⁻⁵"),
    (5.9e-4, "5.90 × 10<sup>−4</sup>", "5.90 × 10⁻⁴"),
    (0.00283, "0.00283", "0.00283"),
    (0.014, "0.0140", "0.0140"),
    (7.42, "7.42", "7.42"),
    (0.2, "0.200", "0.200"),
    (1.3e-21, "10<sup>−10</sup>", "below 10⁻¹⁰")])
def test_cost_readouts_keep_three_figures_in_one_form(v, want, words):
    """Every cost of the sweep to three figures (the readout and the captions), as people
    write it down to 10⁻³ and a power of ten under it (never 7.42 × 10⁰); rounding noise
    written as the bound it lies below, "< 10⁻¹⁰"."""
    assert Regularization.value_markup(v, cost=True) == want
    assert cost_text(v) == words
    rel = "&lt; " if v < 1e-10 else "= "
    assert Regularization.number(v, True, "#000000").original_text == rel + want


@pytest.mark.parametrize("v, want, words", [
    (1e-4, "10<sup>−4</sup>", "10⁻⁴"), (3e-5, "3.0\u2009×\u200910<sup>−5</sup>", "3.0 × 10⁻⁵"),
    (1.1e-5, "1.1\u2009×\u200910<sup>−5</sup>", "1.1 × 10⁻⁵"),
    (1e-16, "10<sup>−16</sup>", "10⁻¹⁶"),
    (1.0, "1", "1"), (0.1, "0.1", "0.1"), (0.25, "0.25", "0.25"), (0.0, "0", "0")])
def test_lambda_readouts_keep_two_figures_and_write_a_power_of_ten_alone(v, want, words):
    """Two figures with their mantissa (3.0 × 10⁻⁵, thin spaces round the × on screen), but a
    power of ten written alone, 10⁻¹⁶ and 0.1 and 1, never 1.0 × 10⁻¹⁶ or 1.0 beside 0.10
    (the house rule, gdviz.numbers)."""
    from scenes.regularization import lam_text

    assert Regularization.value_markup(v, cost=False) == want
    assert lam_text(v, "text") == words
    if v == 1e-16:
        assert lam_text(v, "latex") == "10^{-16}"


def test_cost_readouts_are_gdcores_at_the_shown_lambda_in_three_figures():
    scene = rendered(Regularization, upto="best")
    lam, train, test = scene.shown
    want = EX.path_at(lam)
    assert (train, test) == (want.train[0], want.test[0])
    for got, v in zip(scene.shown_text[1:], (want.train[0], want.test[0])):
        text = numbers.significant(v, COST_SIG, "pango", low=COST_LOW, power_zeros=True)
        assert got == text and "<sup>" not in text  # both above 10⁻³: written plainly
        digits = text.replace(".", "").lstrip("0")
        assert len(digits) == COST_SIG  # zeros kept: three figures


def test_lambda_is_a_large_readout_over_the_fit_panel_apart_from_its_key():
    scene = rendered(Regularization, upto="best")
    lam_label, lam_value = scene.labels[0], scene.read[0]
    fit_key, bar_key = scene.key
    # larger than the costs' readouts, the swept variable, not a key's row
    assert lam_value.height > scene.read[1].height
    assert lam_label.height > scene.labels[1].height
    # above the fit panel's key (a row right over the panel), over the panel's left part
    assert lam_label.get_bottom()[1] > fit_key.get_top()[1]
    assert lam_value.get_bottom()[1] > fit_key.get_top()[1]
    assert fit_key.get_bottom()[1] > scene.ax_fit.c2p(0, Y_RANGE[1])[1]  # over the frame
    assert abs(fit_key.get_y() - bar_key.get_y()) < 1e-6
    assert lam_label.get_left()[0] >= -7.111 + 0.4
    # the best test cost's box: 24 px inside the frame, clear of the training cost beside it
    # (9 px and more from its widest value, over 60 px from the value at the best λ)
    box = scene.best_box
    assert box.get_right()[0] <= 7.111 - 0.4
    wide = Regularization.number(TRAIN_WIDEST, True, "#000000").next_to(scene.labels[1], RIGHT,
                                                                       buff=0.15)
    assert box.get_left()[0] > wide.get_right()[0] + 0.15
    assert box.get_left()[0] > scene.read[1].get_right()[0] + 1.0
    # and clear of the fit's key row, which ends left of it
    assert fit_key.get_right()[0] < box.get_left()[0] - 0.1


def _apart(a, b) -> bool:
    return (a.get_right()[0] <= b.get_left()[0] or b.get_right()[0] <= a.get_left()[0]
            or a.get_top()[1] <= b.get_bottom()[1] or b.get_top()[1] <= a.get_bottom()[1])


def test_the_panels_take_the_frames_height_and_nothing_lies_over_anything():
    """The rows over the panels (the title with λ on its row, the equation with the costs
    beside it, the keys) leave the panels' frames PANEL_H tall (3.1 scene units, 186 px at
    480p), down to the note over the bottom margin; no two of the pieces overlap, at the end
    and at the best λ (with its box)."""
    from scenes.regularization import PANEL_BOTTOM, PANEL_H, PANEL_TOP

    assert PANEL_H >= 3.1
    for upto in ("best", None):
        scene = rendered(Regularization, **({"upto": upto} if upto else {}))
        fit_frame = (scene.ax_fit.c2p(0, Y_RANGE[0])[1], scene.ax_fit.c2p(0, Y_RANGE[1])[1])
        bar_frame = (scene.ax_bar.c2p(0, BAR_EXP[0])[1], scene.ax_bar.c2p(0, BAR_EXP[1])[1])
        np.testing.assert_allclose([fit_frame, bar_frame], [[PANEL_BOTTOM, PANEL_TOP]] * 2)
        pieces = [scene.title, scene.eq, VGroup(scene.labels[0], scene.read[0]),
                  VGroup(scene.labels[1], scene.read[1]),
                  VGroup(scene.labels[2], scene.read[2]), *scene.key, scene.ax_fit,
                  scene.ax_bar]
        if upto == "best":
            pieces.append(scene.best_box)
        else:
            pieces.append(scene.note)
            assert scene.note.get_top()[1] < scene.ax_fit.get_bottom()[1]
            assert scene.note.get_top()[1] < scene.ax_bar.get_bottom()[1]
        for a, b in itertools.combinations(pieces, 2):
            if scene.best_box in (a, b) and any(m in (a, b) for m in pieces[4:5]):
                continue  # the box frames the test cost
            assert _apart(a, b), (a, b)


def test_the_readouts_move_with_the_fit_and_hold_at_each_decade():
    """Every readout is gdcore's at the λ the fit is drawn at, mid-step too; the sweep steps a
    decade at a time and holds at each (its numbers read with their fit), in order."""
    from scenes.regularization import MIN_HOLD, U_TO

    scene = rendered(Regularization)
    before = scene.u.get_value()
    try:
        for u in (-13.37, -6.5, U_BEST + 0.2):  # frames mid-step
            scene.u.set_value(u)
            scene.readouts()
            want = EX.path_at(10.0**u)
            np.testing.assert_allclose(scene.shown, [10.0**u, want.train[0], want.test[0]],
                                       rtol=1e-12)
            scene.curve.update()
            _check_curve(scene.curve, scene, want.coefs[0])
    finally:
        scene.u.set_value(before)
        scene.readouts()
    # the plays of the sweep: each step ends on a decade (or the best λ), then a hold there
    lams = [n[3] for n in scene.notes]
    lengths = [n[2] for n in scene.notes]
    held = {}
    for i in range(1, len(lams)):
        if lams[i] == lams[i - 1] and lams[i] > 10.0**U_FROM:
            held[lams[i]] = held.get(lams[i], 0) + lengths[i]
    decades = [10.0**k for k in range(round(U_FROM) + 1, round(U_TO) + 1)]
    for lam in [*decades, 10.0**U_BEST]:
        assert held.get(lam, 0) >= MIN_HOLD - 1e-9, lam
    assert all(b >= a for a, b in zip(lams, lams[1:]) if a > 0)  # only up the sweep


def test_the_sweep_is_slowest_where_the_curve_calms():
    """The decades 10⁻¹² … 10⁻⁴, where the curve calms, take SLOW_SECONDS (1.5 s) each, as
    played (their holds read from the scene); the others are quicker, and the whole sweep is at
    most 4 s longer than at one pace of 1.1 s a decade (18.1 s)."""
    from scenes.regularization import (
        MORPH_SHARE,
        SLOW_SECONDS,
        SLOW_SPAN,
        U_TO,
        decade_seconds,
        sweep_steps,
    )

    assert SLOW_SPAN == (-12.0, -4.0) and SLOW_SECONDS >= 1.5
    steps = sweep_steps(U_FROM, U_BEST) + sweep_steps(U_BEST, U_TO)
    took = {round(nxt, 6): morph + hold for nxt, morph, hold in steps}
    for k in range(round(U_FROM) + 1, round(U_TO) + 1):
        if -12 < k <= -5:  # the decade from 10^(k-1) to 10^k
            assert took[k] == pytest.approx(SLOW_SECONDS)
        elif k != -4:  # (10⁻⁵ to 10⁻⁴ is cut by the pause at the best λ)
            assert took[k] <= 1.0 + 1e-9
    assert took[-4] + took[round(U_BEST, 6)] >= SLOW_SECONDS
    assert 18.1 < sum(took.values()) <= 18.1 + 4
    assert decade_seconds(-12.0) == decade_seconds(-5.0) == SLOW_SECONDS
    # as played: each slow decade held (1 - MORPH_SHARE) of its seconds
    notes = rendered(Regularization).notes
    for k in range(-11, -4):
        held = sum(n[2] for a, n in zip(notes, notes[1:]) if a[3] == n[3] == 10.0**k)
        assert held == pytest.approx((1 - MORPH_SHARE) * SLOW_SECONDS)


def test_lambda_readout_stands_on_the_titles_row_over_the_costs():
    """λ's readout (its label and its tallest value, a power of ten) stands on the title's row,
    right of the title, on its baseline, 24 px inside the frame's top, and at least 12 px at
    480p (0.2 scene units) over the training cost's row."""
    from scenes.regularization import LAM_CLEAR, LAM_SIZE

    assert LAM_CLEAR >= 0.2
    scene = rendered(Regularization, upto="best")
    lam_label, lam_value = scene.labels[0], scene.read[0]
    tall = scene.number(1e-16, False, scene.theme.text, LAM_SIZE)
    tall.next_to(lam_label, RIGHT).shift((lam_label.baseline() - tall.get_bottom()[1]) * UP)
    top = max(m.get_top()[1] for m in (lam_label, lam_value, tall))
    bottom = min(m.get_bottom()[1] for m in (lam_label, lam_value, tall))
    assert top <= 4.0 - 0.4 + 1e-6
    assert lam_label.baseline() == pytest.approx(scene.title[0].get_bottom()[1], abs=1e-6)
    assert lam_label.get_left()[0] - scene.title.get_right()[0] >= 0.2
    assert bottom - max(m.get_top()[1] for m in (scene.labels[1], scene.read[1])) >= 0.2 - 1e-6


def test_the_header_is_three_rows_the_costs_on_one():
    """Over the panels three rows: the title with λ, the equation with the two costs beside it
    on one baseline (stacked under λ they made five rows with the keys), the keys. Each cost's
    swatch, label and value stand where they stand at every λ: the room kept for each value is
    as wide as the widest value the sweep can write (one of each form: plain, a power of ten
    with one or two exponent digits, the floor's bound)."""
    from scenes.regularization import EQ_GAP, U_TO

    scene = rendered(Regularization, upto="best")
    train, test = scene.labels[1:]
    assert train.baseline() == pytest.approx(test.baseline(), abs=1e-9)
    for lab, num in zip(scene.labels[1:], scene.read[1:]):  # the values on the labels' baseline
        assert num.get_bottom()[1] == pytest.approx(lab.baseline(), abs=1e-6)
    row = VGroup(*scene.swatches, *scene.labels[1:], *scene.read[1:])
    # beside the equation, a clear gap from it, inside its height; under λ's row, over the keys
    assert row.get_left()[0] - scene.eq.get_right()[0] == pytest.approx(EQ_GAP, abs=1e-6)
    assert EQ_GAP >= 0.4
    assert scene.eq.get_bottom()[1] < row.get_bottom()[1] < row.get_top()[1] < \
        scene.eq.get_top()[1]
    assert row.get_bottom()[1] > scene.key.get_top()[1]
    assert train.get_right()[0] < scene.swatches[1].get_left()[0]
    # the room kept for each value holds every value the sweep writes (one of each form; the
    # training cost climbs from rounding noise to 10⁻³ in a few frames: whichever frame it
    # falls on, it is written as a power of ten with exponent −4 … −10, two digits the widest)
    values = [(0, 4.44 * 10.0**e) for e in range(-4, round(np.log10(numbers.FLOOR)) - 1, -1)]
    for lam in [0.0, *(10.0**u for u in np.linspace(U_FROM, U_TO, 81))]:
        values += list(enumerate((EX.path_at(lam).train[0], EX.path_at(lam).test[0])))
    forms = {}
    for i, v in values:
        text = Regularization.value_markup(v, cost=True)
        forms.setdefault((i, "".join("4" if c.isdigit() else c for c in text)), v)
    kept = [Regularization.number(v, True, "#000000").width for v in (TRAIN_WIDEST, TEST_WIDEST)]
    for (i, _), v in forms.items():
        assert Regularization.number(v, True, "#000000").width <= kept[i] + 0.02, v
