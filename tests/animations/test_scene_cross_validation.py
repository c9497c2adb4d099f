"""The cross-validation scene (frames: test_scene_frames.py): its table against gdcore's scores."""

import numpy as np
from frames import WATCHERS, rendered
from manim import MathTex
from manim.utils.color import ManimColor

from gdcore import regression
from gdcore import training_procedure as procedure
from scenes.cross_validation import XS, Y_RANGE, CrossValidation


def _gdcore_cv():
    d = procedure.overfit_data(n=20)
    x, y = d.x, d.y
    return x, y, procedure.cross_validate(x, y, 3, 5, seed=0)


def test_table_and_plot_are_gdcores_cross_validation():
    scene = rendered(CrossValidation)
    x, y, cv = _gdcore_cv()
    assert len(cv.fold_scores) == 5
    # the table: one row per round, the held-out score formatted, then the mean
    assert [m.tex_string for m in scene.scores] == [f"{s:.3f}" for s in cv.fold_scores]
    assert scene.mean.tex_string == f"{cv.mean:.3f}"
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
    # the curve is the fit on the last round's training folds, and scores its held-out fold
    w = regression.polynomial_fit(x[cv.train_idx[-1]], y[cv.train_idx[-1]], 3)
    curve = np.array([scene.ax.p2c(p) for p in scene.curve.get_anchors()])
    np.testing.assert_allclose(curve[:, 1], regression.polynomial_eval(w, curve[:, 0]),
                               atol=1e-9)
    assert np.isclose(curve[0, 0], XS[0]) and np.isclose(curve[-1, 0], XS[-1])
    gaps = [[scene.ax.p2c(g.get_start()), scene.ax.p2c(g.get_end())] for g in scene.gap_lines]
    sq = [(a[1] - b[1]) ** 2 for a, b in gaps]
    assert np.isclose(np.mean(sq) / 2, cv.fold_scores[-1])  # the cost J: half the mean square
    # the plot's right tick ("1.0", and the x label under it) at least 24 px (0.4 units at
    # 480p) inside the frame
    marks = [m for m in scene.ax.get_family() if isinstance(m, MathTex)]
    assert "1.0" in [m.tex_string for m in marks]
    assert scene.camera.frame_width / 2 - max(m.get_right()[0] for m in marks) >= 24 / 60


def test_every_round_fit_stays_in_the_plot():
    x, y, cv = _gdcore_cv()
    for tr in cv.train_idx:
        v = regression.polynomial_eval(regression.polynomial_fit(x[tr], y[tr], 3), XS)
        assert v.min() >= Y_RANGE[0] and v.max() <= Y_RANGE[1]


def test_the_mean_is_the_printed_scores_summed_over_five():
    scene = rendered(CrossValidation)
    _, _, cv = _gdcore_cv()
    printed = [float(f"{s:.3f}") for s in cv.fold_scores]
    assert scene.total.tex_string == f"{sum(printed):.3f}" == "0.225"
    # the sum sits under the score column
    assert abs(scene.total.get_center()[0] - scene.scores.get_center()[0]) < 0.05
    assert scene.total.get_top()[1] < scene.scores.get_bottom()[1]
    # named: "sum" on its left, on its line, clear of it and of the key, shown to the end
    word = scene.sum_word
    assert word.original_text == "sum" and word in scene.get_mobject_family_members()
    assert abs(word.get_center()[1] - scene.total.get_center()[1]) < 0.1
    assert 0 < scene.total.get_left()[0] - word.get_right()[0] < 0.4
    assert scene.key.get_right()[0] < word.get_left()[0]
    # the mean is that very sum over 5, in one line named as a cost: "J_CV = 0.225 / 5 = 0.045"
    assert [m.tex_string for m in scene.mean_line] == [
        r"J_\text{CV}", "=", "0.225", r"\;/\;", "5", "=", f"{cv.mean:.3f}"]
    # right under the sum: its own "0.225" centred under the printed one, nothing between
    assert abs(scene.mean_line[2].get_center()[0] - scene.total.get_center()[0]) < 1e-6
    assert 0 < scene.total.get_bottom()[1] - scene.mean_line.get_top()[1] < 0.4
    # even spacing: the gaps either side of "/" and of each "=" alike (within 2 px at 480p:
    # the glyphs' own side bearings)
    parts = scene.mean_line
    gaps = [parts[k + 1].get_left()[0] - parts[k].get_right()[0] for k in range(6)]
    gaps = [gaps[0] + gaps[1], gaps[2] + gaps[3], gaps[4] + gaps[5]]
    assert max(gaps) - min(gaps) < 2 / 60
    # the sum shown, over 5, rounds to the mean shown (and to gdcore's mean)
    assert f"{sum(printed) / 5:.3f}" == scene.mean.tex_string == f"{cv.mean:.3f}"
    assert scene.mean.height > scene.total.height  # larger than the sum it comes from
    # the key that explains the table's colours stays to the end, whole, under the table,
    # left of the sum and of the mean's line, over the footnote
    key = scene.key
    assert key in scene.mobjects
    assert min(m.get_fill_opacity() for m in key.family_members_with_points()) >= 0.8
    assert scene.rows[-1].get_bottom()[1] - key.get_top()[1] > 0.5  # clear: 30 px at 480p
    assert key.get_right()[0] < min(scene.total.get_left()[0], scene.mean_line.get_left()[0])
    assert key.get_bottom()[1] > scene.foot.get_top()[1]
    # the table and its plot stay clear of the frame's edges (0.4 units: 24 px at 480p)
    for m in (scene.ax, *scene.rows, scene.mean_line, key):
        assert m.get_left()[0] >= -7.111 + 0.4 and m.get_right()[0] <= 7.111 - 0.4


def test_held_out_is_one_colour_and_fold_five_leaves_like_the_others():
    scene = rendered(CrossValidation)
    _, _, cv = _gdcore_cv()
    accent = ManimColor(scene.theme.accent).to_hex()
    # the last round's readout and gaps were drawn in the held-out colour, then left
    assert scene.read.get_color().to_hex() == accent
    assert all(g.get_color().to_hex() == accent for g in scene.gap_lines)
    assert scene.read not in scene.mobjects and scene.gap_lines not in scene.mobjects
    assert scene.read.tex_string.endswith(f"J = {cv.fold_scores[-1]:.3f}")
    assert "fold 5" in scene.read.tex_string
    # the last fit leaves too (it is not the model the cost scores); the scores stay in ink
    assert scene.curve not in scene.mobjects
    text = ManimColor(scene.theme.text).to_hex()
    for cell in scene.scores:
        assert cell.get_color().to_hex() == text
        assert min(m.get_fill_opacity() for m in cell.family_members_with_points()) == 1
    # the plot is held as one object (its frame and tick numbers built, then gathered)
    assert scene.ax in scene.mobjects


def _watch(scene):
    """After a play, once the mean's line exists: (the indices of its pieces shown, the
    play's animations' kinds)."""
    line = scene.__dict__.get("mean_line")
    if line is None:
        return None
    family = set(scene.get_mobject_family_members())
    return (tuple(k for k, part in enumerate(line) if part in family),
            {type(a).__name__ for a in scene.animations})


WATCHERS[CrossValidation] = _watch


def test_the_mean_comes_in_whole_pieces_left_to_right():
    """No digit is drawn stroke by stroke (a Write garbles "0.045" into half-glyphs): the line
    arrives in four plays, left to right, "mean =", the sum (sliding down from under the
    printed one), "/ 5", "= 0.045", each by a fade."""
    # before the line's first play none of it is shown
    seen = [((), set())] + [n for n in rendered(CrossValidation).notes if n is not None]
    arrivals = [(shown, kinds) for (before, _), (shown, kinds) in zip(seen, seen[1:])
                if shown != before]
    assert [shown for shown, _ in arrivals] == [(0, 1), (0, 1, 2), (0, 1, 2, 3, 4),
                                                tuple(range(7))]
    drawn = {"Write", "Create", "DrawBorderThenFill", "AddTextLetterByLetter"}
    assert all(not kinds & drawn for _, kinds in arrivals)
    # the sum fades in sliding down from under the printed one, never over it
    from scenes.cross_validation import MEAN_DROP, MEAN_SLIDE

    assert arrivals[1][1] == {"FadeIn"}
    scene = rendered(CrossValidation)
    start_top = scene.mean_line[2].get_top()[1] + MEAN_SLIDE
    assert start_top < scene.total.get_bottom()[1]
    assert MEAN_SLIDE < MEAN_DROP


def test_round_one_is_slow_and_each_repeat_shorter():
    """Round 1 teaches, one change at a time; rounds 2 to 5 repeat it, each clearly shorter
    than the one before (timed from the scene: each round starts as its label is set, the last
    ends where the mean's section begins), so the mean comes soon after."""
    scene = rendered(CrossValidation)
    rounds = next(s for s in scene.caption_log if s["name"] == "rounds")
    mean = next(s for s in scene.caption_log if s["name"] == "mean")
    starts = [t for t, _, w in rounds["words"] if w.startswith("Round ")]
    assert len(starts) == 5
    lengths = np.diff([*starts, mean["start"]])
    assert lengths[0] >= 6.5  # the lesson, slow
    assert all(b < 0.85 * a for a, b in zip(lengths[1:], lengths[2:]))  # each clearly shorter
    assert lengths[1] < 0.6 * lengths[0] and sum(lengths[1:]) < 12.0
