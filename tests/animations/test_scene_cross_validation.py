"""The cross-validation scene (frames: test_scene_frames.py): its table against gdcore's scores."""

import numpy as np
from frames import WATCHERS, rendered
from manim import MathTex
from manim.utils.color import ManimColor

from gdcore import regression
from gdcore import training_procedure as procedure
from gdviz import numbers as nb
from scenes.cross_validation import X_RANGE, XS, Y_RANGE, CrossValidation, mark_width


def _gdcore_cv():
    d = procedure.overfit_data(n=20)
    x, y = d.x, d.y
    return x, y, procedure.cross_validate(x, y, 3, 5, seed=0)


def test_table_and_plot_are_gdcores_cross_validation():
    scene = rendered(CrossValidation)
    x, y, cv = _gdcore_cv()
    assert len(cv.fold_scores) == 5
    # the table: one row per round, the held-out score written as the still writes it (the
    # house cost rule: 3 significant figures), then the mean
    assert [m.tex_string for m in scene.scores] == [nb.cost(s) for s in cv.fold_scores] == [
        "0.0409", "0.0431", "0.0585", "0.0192", "0.0630"]
    assert scene.mean.tex_string == nb.cost(cv.mean) == "0.0450"
    assert np.isclose(cv.mean, np.mean(cv.fold_scores))
    # row i highlights fold i (the held-out block is the accent one)
    accent = ManimColor(scene.theme.accent).to_hex()
    for i, (_label, blocks) in enumerate(scene.rows):
        held = [j for j, b in enumerate(blocks) if b.get_fill_color().to_hex() == accent]
        assert held == [i]
    # the samples drawn are gdcore's, the last round's held-out ones highlighted
    pts = np.array([scene.ax.p2c(d.get_center()) for d in scene.dots])
    np.testing.assert_allclose(pts, np.column_stack([x, y]), atol=1e-9)
    # each sample in its fold's mark, the mark beside the fold's number in the head: one
    # shape a fold, five shapes
    def shape(m):
        p = m.get_all_points() - m.get_center()
        return np.round(p / m.width, 3)

    marks = [head[1] for head in scene.heads[:5]]
    for j, fold in enumerate(cv.test_idx):
        for k in fold:
            assert shape(scene.dots[k]).shape == shape(marks[j]).shape
            np.testing.assert_allclose(shape(scene.dots[k]), shape(marks[j]), atol=2e-3)
        for i in range(j):
            a, b = shape(marks[i]), shape(marks[j])
            assert a.shape != b.shape or not np.allclose(a, b, atol=0.05)
    te = set(cv.test_idx[-1].tolist())
    for k, d in enumerate(scene.dots):
        assert (d.get_fill_color().to_hex() == accent) == (k in te)
    # (the plot leaves before the mean: no held-out point is left in the accent at the end)
    assert not set(scene.dots.family_members_with_points()) & set(
        scene.get_mobject_family_members())
    # the curve is the fit on the last round's training folds, and scores its held-out fold
    w = regression.polynomial_fit(x[cv.train_idx[-1]], y[cv.train_idx[-1]], 3)
    curve = np.array([scene.ax.p2c(p) for p in scene.curve.get_anchors()])
    np.testing.assert_allclose(curve[:, 1], regression.polynomial_eval(w, curve[:, 0]),
                               atol=1e-9)
    assert np.isclose(curve[0, 0], XS[0]) and np.isclose(curve[-1, 0], XS[-1])
    gaps = [[scene.ax.p2c(g.get_start()), scene.ax.p2c(g.get_end())] for g in scene.gap_lines]
    sq = [(a[1] - b[1]) ** 2 for a, b in gaps]
    assert np.isclose(np.mean(sq) / 2, cv.fold_scores[-1])  # the cost J: half the mean square
    # the plot's right tick ("1", and the x label under it) at least 24 px (0.4 units at
    # 480p) inside the frame
    marks = [m for m in scene.ax.get_family() if isinstance(m, MathTex)]
    assert "1" in [m.tex_string for m in marks]
    assert scene.camera.frame_width / 2 - max(m.get_right()[0] for m in marks) >= 24 / 60


def test_the_marks_are_10_px_and_inside_the_plots_frame():
    """Every fold's mark at least 10 px (1/6 unit at 480p) on its shorter side, in the plot and
    in the head (the square and the diamond apart: the diamond 1.41 times as wide); no sample's
    mark, held out, touches the frame, and the fit ends inside it."""
    from scenes.cross_validation import DOT_W, HEAD_W, HELD_W

    scene = rendered(CrossValidation)
    px = 1 / 60
    for m in [*scene.dots, *(head[1] for head in scene.heads[:5])]:
        assert min(m.width, m.height) >= 10 * px
    assert mark_width(3, DOT_W) >= 1.4 * mark_width(1, DOT_W)
    x = scene.x
    assert x.min() - X_RANGE[0] > 0 and X_RANGE[1] - x.max() > 0
    (left, bottom, _), (right, top, _) = (scene.ax.c2p(X_RANGE[0], Y_RANGE[0]),
                                          scene.ax.c2p(X_RANGE[1], Y_RANGE[1]))
    for k, d in enumerate(scene.dots):
        held = d.copy().scale_to_fit_width(mark_width(scene.fold_of[k], HELD_W))
        assert held.get_left()[0] > left + 2 * px and held.get_right()[0] < right - 2 * px
        assert held.get_bottom()[1] > bottom + 2 * px and held.get_top()[1] < top - 2 * px
    assert min(HEAD_W, DOT_W, HELD_W) * np.sqrt(np.pi) / 2 >= 10 * px  # the square, narrowest
    ends = np.asarray(scene.curve.get_anchors())[:, 0]
    assert ends.min() > left + 0.1 and ends.max() < right - 0.1  # 6 px clear of the frame


def test_every_round_fit_stays_in_the_plot():
    x, y, cv = _gdcore_cv()
    for tr in cv.train_idx:
        v = regression.polynomial_eval(regression.polynomial_fit(x[tr], y[tr], 3), XS)
        assert v.min() >= Y_RANGE[0] and v.max() <= Y_RANGE[1]


def test_the_mean_is_the_printed_scores_summed_over_five():
    scene = rendered(CrossValidation)
    _, _, cv = _gdcore_cv()
    printed = [float(m.tex_string) for m in scene.scores]
    # the sum of the printed scores (0.2247), written as a cost (3 significant figures): true
    # to within half its last place
    assert scene.total.tex_string == "0.225"
    assert abs(float(scene.total.tex_string) - sum(printed)) <= 0.0005
    # the sum sits under the score column, flush left with the scores: its "0." under theirs
    assert abs(scene.total.get_left()[0] - scene.scores.get_left()[0]) < 0.01
    assert abs(scene.total[0][1].get_center()[0] - scene.scores[0][0][1].get_center()[0]) < 0.01
    assert scene.total.get_top()[1] < scene.scores.get_bottom()[1]
    # named: "sum" on its left, on its line, clear of it, shown to the end
    word = scene.sum_word
    assert word.original_text == "sum" and word in scene.get_mobject_family_members()
    assert abs(word.get_center()[1] - scene.total.get_center()[1]) < 0.1
    assert 0 < scene.total.get_left()[0] - word.get_right()[0] < 0.4
    # the mean displayed: its definition, the printed sum over 5, the value; J_CV is never
    # set beside the sum alone
    define, over, value = scene.mean_display
    assert [m.tex_string for m in define] == [
        r"J_\text{CV}", "=", r"\frac{1}{5}\sum_{k=1}^{5} J_k"]
    assert [m.tex_string for m in over] == ["=", r"\frac{0.225}{5}"]
    assert [m.tex_string for m in value] == ["=", "0.0450"]
    # the numerator, the sum's own glyphs, is five glyphs over the bar, over the "5"
    assert len(scene.numerator) == 5
    assert scene.numerator.get_bottom()[1] > over[1].get_center()[1]
    # each line's "=" under the one above (within 1 px at 480p), the lines stacked clear
    for m in (over, value):
        assert abs(m[0].get_center()[0] - define[1].get_center()[0]) < 1 / 60
    assert define.get_bottom()[1] > over.get_top()[1] and over.get_bottom()[1] > value.get_top()[1]
    # the sum shown, over 5, is the mean shown (0.225 / 5 = 0.0450, exactly), gdcore's mean
    # as the still writes it; the sum to the scores' last place would not be (0.2247 / 5
    # writes 0.0449)
    assert nb.cost(float(scene.total.tex_string) / 5) == scene.mean.tex_string == nb.cost(cv.mean)
    assert np.isclose(float(scene.total.tex_string) / 5, float(scene.mean.tex_string), atol=1e-12)
    assert scene.mean.height > 1.4 * scene.total.height  # larger than the sum it comes from
    # where the plot was, once it has gone with its key and footnote: nothing else on the
    # right of the table, and clear of the frame's edges (0.4 units: 24 px at 480p)
    display = scene.mean_display
    assert display.get_left()[0] > scene.scores.get_right()[0] + 0.8
    assert display.get_left()[0] >= -7.111 + 0.4 and display.get_right()[0] <= 7.111 - 0.4
    assert display.get_top()[1] < scene.title.get_bottom()[1] - 0.4
    assert display.get_bottom()[1] > -4.0 + 0.4
    shown = set(scene.get_mobject_family_members())
    for m in (scene.ax, *scene.dots, scene.foot):
        assert not set(m.family_members_with_points()) & shown
    # the key to the table's colours stays to the end, under the table, clear of the sum
    assert set(scene.key.family_members_with_points()) <= shown
    assert min(m.get_fill_opacity() for m in scene.key.family_members_with_points()) >= 0.8
    assert scene.key.get_top()[1] < scene.rows[-1].get_bottom()[1]
    assert scene.key.get_right()[0] < scene.sum_word.get_left()[0] - 0.4
    # the table stays clear of the frame's edges
    for m in scene.rows:
        assert m.get_left()[0] >= -7.111 + 0.4


def _watch(scene):
    """After a play, once the mean's display exists: (the indices of its pieces shown, the
    play's animations' kinds)."""
    parts = scene.__dict__.get("mean_parts")
    if parts is None:
        return None
    family = set(scene.get_mobject_family_members())
    return (tuple(k for k, part in enumerate(parts)
                  if all(m in family for m in part.family_members_with_points())),
            {type(a).__name__ for a in scene.animations})


WATCHERS[CrossValidation] = _watch


def test_the_mean_comes_in_whole_pieces_in_reading_order():
    """No digit is drawn stroke by stroke (a Write garbles "0.0450" into half-glyphs): the
    display arrives in four plays, in reading order: the definition, "= / 5" (the fraction
    without its numerator), the numerator (the printed sum flowing into it), "= 0.0450"."""
    seen = [((), set())] + [n for n in rendered(CrossValidation).notes if n is not None]
    arrivals = [(shown, kinds) for (before, _), (shown, kinds) in zip(seen, seen[1:])
                if shown != before]
    assert [shown for shown, _ in arrivals] == [(0,), (0, 1), (0, 1, 2), (0, 1, 2, 3)]
    drawn = {"Write", "Create", "DrawBorderThenFill", "AddTextLetterByLetter"}
    assert all(not kinds & drawn for _, kinds in arrivals)
    assert arrivals[0][1] == arrivals[1][1] == arrivals[3][1] == {"FadeIn"}


def test_round_one_is_slow_and_the_repeats_shorter():
    """The set-up is brisk (about 5 s: shorter than round 1, not three rounds' worth); round 1
    teaches, one change at a time; rounds 2 to 5 repeat it, none longer than the one before
    (timed from the scene: each round starts as its label is set, the last ends where the
    mean's section begins), each long enough to follow (3 s or more), so the mean comes soon
    after; and every round's readout stands whole for at least 1 s."""
    from scenes.cross_validation import READ_HOLD, REPEAT_PLAYS, ROUND_PACE

    scene = rendered(CrossValidation)
    rounds = next(s for s in scene.caption_log if s["name"] == "rounds")
    mean = next(s for s in scene.caption_log if s["name"] == "mean")
    starts = [t for t, _, w in rounds["words"] if w.startswith("Round ")]
    assert len(starts) == 5
    lengths = np.diff([*starts, mean["start"]])
    assert lengths[0] >= 6.5  # the lesson, slow
    assert all(b <= a + 1e-9 for a, b in zip(lengths[1:], lengths[2:]))
    assert lengths[1] < 0.6 * lengths[0] and sum(lengths[1:]) < 15.5
    assert min(lengths[1:]) >= 3.0
    folds = next(s for s in scene.caption_log if s["name"] == "folds")
    assert rounds["start"] - folds["start"] <= 5.5
    # a repeat's readout is whole from the end of its fade-in to the start of the next
    # round's fade-out: the flash and the hold
    assert min(ROUND_PACE[1:]) * REPEAT_PLAYS[4] + READ_HOLD >= 1.0
