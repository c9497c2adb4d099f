"""The local-minima scene (frames: test_scene_frames.py): its balls against gdcore's runs."""

import numpy as np
import pytest
from frames import rendered

from gdcore import local_minima
from gdviz import numbers, theme
from scenes.local_minima import ESCAPE_TIME, EXP, W_SAMPLES, LocalMinima, ball_point


def test_balls_sit_on_gdcores_curve_at_its_minima():
    scene = rendered(LocalMinima)
    ax = scene.ax
    minima = local_minima.minima(EXP)
    # the drawn curve is gdcore's surface
    curve = np.array([ax.p2c(p) for p in scene.curve.get_anchors()])
    np.testing.assert_allclose(curve[:, 1], EXP.surface(curve[:, 0]), atol=1e-9)
    assert np.isclose(curve[:, 0].min(), W_SAMPLES[0]) and np.isclose(curve[:, 0].max(),
                                                                     W_SAMPLES[-1])
    # each plain ball at its run's final point, on the curve, in the minimum of its basin
    for w0, tr in local_minima.run_plain(EXP).items():
        w, f = ax.p2c(scene.balls[w0].get_center())
        np.testing.assert_allclose([w, f], [tr.final[0], tr.losses[-1]], atol=1e-9)
        np.testing.assert_allclose(f, EXP.surface(w), atol=1e-9)
        assert np.isclose(w, minima[local_minima.settled_in(tr, EXP)], atol=1e-6)
    # the stalled plain ball is in the shallow trough, momentum's in the deepest minimum
    w_stall, _ = ax.p2c(scene.balls[EXP.stalled_start].get_center())
    assert np.isclose(w_stall, minima[0], atol=1e-6)
    rolling = local_minima.run_momentum(EXP)
    w, f = ax.p2c(scene.momentum_ball.get_center())
    np.testing.assert_allclose([w, f], [rolling.final[0], rolling.losses[-1]], atol=1e-9)
    assert local_minima.settled_in(rolling, EXP) == int(np.argmin(EXP.surface(minima)))
    # the step marks of the momentum run are gdcore's (w_t, f(w_t))
    marks = np.array([ax.p2c(d.get_center()) for d in scene.momentum_marks])
    np.testing.assert_allclose(marks, np.column_stack([rolling.points[:, 0], rolling.losses]),
                               atol=1e-9)
    # the depth labels are the minima's f
    texts = [m.tex_string for m in scene.min_labels]
    assert texts == [f"J = {numbers.latex(v, 2)}" for v in EXP.surface(minima)]
    # the escape played slowly is gdcore's: from two steps before the ball passes the first
    # hump to six after it passes the last one
    first, last = local_minima.escape(rolling, EXP)
    assert scene.escape_steps == (first - 2, last + 6)
    w = rolling.points[:, 0]
    h = local_minima.humps(EXP)
    assert w[first] < h[0] < w[first + 1] and w[last - 1] < h[-1] < w[last]
    assert ESCAPE_TIME >= 3.0


def test_ball_between_steps_stays_on_the_curve():
    tr = local_minima.run_momentum(EXP)
    for s in (0.0, 3.0, 3.4, 10.75, 57.5):
        w, f = ball_point(tr, s)
        np.testing.assert_allclose(f, EXP.surface(w), atol=1e-12)
        if s == int(s):
            assert w == tr.points[int(s), 0] and f == tr.losses[int(s)]


def test_humps_are_the_maxima_between_the_minima():
    m, h = local_minima.minima(EXP), local_minima.humps(EXP)
    assert len(h) == len(m) - 1
    assert np.all((m[:-1] < h) & (h < m[1:]))
    np.testing.assert_allclose(EXP.surface.grad_xy(h)[0], 0.0, atol=1e-3)
    # the shallow trough lies about 0.26 below its hump (gdcore's comment)
    assert 0.2 < EXP.surface(h[0]) - EXP.surface(m[0]) < 0.3


def test_counters_never_overlap_and_words_are_held_and_plain():
    from manim import ManimColor

    from gdrender.captions import spoken
    from scenes.local_minima import (
        BALL_RADIUS,
        EQUATION_TEX,
        LEGEND_TEX,
        MOMENTUM_BALL,
        MOMENTUM_TITLE,
        NOTE_SIZE,
        READ_HOLD,
        TITLE,
    )

    scene = rendered(LocalMinima)
    # one counter, kept in place: at the end it counts momentum's steps, and says so on its
    # left, on its line
    assert scene.step_read in scene.mobjects and scene.momentum_on
    assert scene.step_read.get_center()[0] < scene.mkey.get_left()[0]
    assert scene.step_whose.original_text == "momentum step"
    assert scene.step_whose.get_right()[0] < scene.step_read.get_left()[0]
    assert abs(scene.step_whose.get_bottom()[1] - scene.step_read.get_bottom()[1]) < 1e-6
    # a sentence is held long enough to read, never a dead stretch (checked at 2 s)
    assert 1.5 <= READ_HOLD <= 1.8
    # the title kept, extended by the exception on a line under it, over the equation
    assert scene.title.original_text == TITLE and scene.title_more.original_text == MOMENTUM_TITLE
    assert scene.title_more.get_top()[1] < scene.title.get_bottom()[1]
    assert scene.momentum_eq.get_top()[1] < scene.title_more.get_bottom()[1]
    assert scene.title in scene.mobjects and scene.title_more in scene.mobjects
    deep = int(np.argmin(scene.depths))
    # the takeaway of the plain act in ink, larger than the labels
    assert all(line.get_color() == ManimColor(scene.theme.text) for line in scene.note)
    assert NOTE_SIZE > 24
    # the stalled ball and its depth in plain descent's colour; the other plain balls, their
    # depths (the deepest's too, where momentum stops: it was turned to ink there, the one
    # depth of its kind in black) and the count of the balls sharing a minimum dimmed to the
    # muted ink, no colour of momentum's (no new minimum: plain descent's own), legible
    # (text contrast) on the page; the momentum ball (and its legend dot) larger than plain
    # descent's, apart by size as well as colour
    t = scene.theme
    plain, muted = ManimColor(t.accent), ManimColor(t.muted)
    own = int(np.argmin(np.abs(scene.minima - scene.plain[EXP.stalled_start].final[0])))
    assert scene.min_labels[own].get_color() == plain
    dim = [lab for k, lab in enumerate(scene.min_labels) if k != own]
    assert scene.min_labels[deep] in dim
    def hexed(c):
        return ManimColor(c).to_hex().lower()

    assert dim and all(hexed(lab.get_color()) == hexed(muted) for lab in [*dim, *scene.shared])
    assert all(g.get_fill_opacity() == pytest.approx(1.0)
               for lab in [*dim, *scene.shared] for g in lab.family_members_with_points())
    assert theme.contrast(t.muted, t.background) >= theme.TEXT_CONTRAST >= 4.5
    for w0, b in scene.balls.items():
        assert hexed(b.get_color()) == hexed(plain if w0 == EXP.stalled_start else muted)
    # the legend keys the grey balls too: a grey ball, "settled", between the two runs' keys
    key = scene.settled_key
    assert key in scene.mobjects and hexed(key[0].get_color()) == hexed(muted)
    assert key[0].width == pytest.approx(scene.key[0].width)
    assert "settled" in key[1].original_text
    assert scene.mkey.get_top()[1] < key.get_bottom()[1] < key.get_top()[1] \
        < scene.key.get_bottom()[1]
    # two plain balls stop on one minimum, and the momentum ball with them: that spot says
    # how many in words, above the balls; the momentum ball lies over the plain ones
    finals = np.array([tr.final[0] for tr in scene.plain.values()])
    assert len(scene.shared) == 1 and scene.shared[0].original_text == "3 balls"
    assert np.sum(np.isclose(finals, scene.minima[deep])) == 2
    assert local_minima.settled_in(scene.rolling, EXP) == deep
    assert all(scene.momentum_ball.z_index > b.z_index for b in scene.balls.values())
    spot = scene.ax.c2p(scene.minima[deep], scene.depths[deep])
    assert abs(scene.shared[0].get_center()[0] - spot[0]) < 1e-6
    assert scene.shared[0].get_bottom()[1] > spot[1] + BALL_RADIUS
    # the momentum ball's arrival ring clear of the depth under it and of the count over it
    ring = scene.arrival_ring
    # (the deepest minimum's depth beside the ball, right of the ring, off the plot's foot
    # and under the curve)
    label = scene.min_labels[deep]
    assert ring.get_right()[0] + ring.stroke_width / 200 < label.get_left()[0]
    foot = scene.ax.c2p(0, scene.ax.y_range[0])[1]
    assert (label.get_bottom()[1] - foot) * 480 / 8 >= 12
    ws = np.linspace(scene.ax.p2c(label.get_left())[0], scene.ax.p2c(label.get_right())[0], 50)
    assert all(scene.ax.c2p(w, f)[1] > label.get_top()[1]
               for w, f in zip(ws, scene.surface(ws)))
    assert ring.get_top()[1] + ring.stroke_width / 200 < scene.shared[0].get_bottom()[1]
    assert ring.width > scene.momentum_ball.width
    # "stalls here" under the ball that stalled, below its depth label; that run's step dots
    # gone (momentum's lie on the same slope)
    stalled = scene.balls[EXP.stalled_start]
    assert abs(scene.stall_note.get_x() - stalled.get_x()) < 1e-6
    assert scene.stall_note.get_top()[1] < scene.min_labels[own].get_bottom()[1]
    assert all(m not in scene.mobjects for m in scene.marks)
    assert scene.momentum_ball.width == pytest.approx(MOMENTUM_BALL * 2)
    assert scene.mkey[0].width == pytest.approx(MOMENTUM_BALL * 2)
    assert MOMENTUM_BALL > 1.2 * BALL_RADIUS
    # the momentum equation (the key idea) at least the legend's size, in the text colour
    assert EQUATION_TEX >= LEGEND_TEX
    assert scene.momentum_eq.font_size == pytest.approx(EQUATION_TEX)
    assert scene.momentum_eq.get_color() == ManimColor(scene.theme.text)
    assert scene.momentum_eq.height >= scene.mkey[2].height
    # g_t, which the update uses, defined on the same line, first: g_t = ∇J(w_{t−1})
    from gdviz import equations

    latex = scene.momentum_eq.get_tex_string()
    grad, update = equations.tex("gradient"), equations.tex("momentum")
    assert grad.startswith("g_t = ") and grad in latex and update in latex
    assert latex.index(grad) < latex.index(update)
    # every caption word plain Unicode, no LaTeX leaking
    words = [spoken(kind, w) for sec in scene.caption_log for _, kind, w in sec["words"]]
    assert words and not any("\\" in w for w in words)
    assert "α = 0.05, β = 0.9" in words


def test_the_momentum_ball_is_drawn_over_every_plain_ball():
    """The momentum ball, the video's subject, lies over every plain ball all along its run:
    over those it passes (the stalled one, where the key moment starts, and the middle
    valley's) and over the two where it stops (under them it ended as a blue rim round a grey
    dot)."""
    scene = rendered(LocalMinima)
    ball = scene.momentum_ball
    balls = list(scene.balls.values())
    before = scene.mstep.get_value()
    over = set()
    try:
        for s in np.linspace(0, EXP.momentum_steps, 601):
            scene.mstep.set_value(s)
            ball.update()
            for k, b in enumerate(balls):
                gap = (np.linalg.norm(ball.get_center() - b.get_center())
                       - (b.width + ball.width) / 2)
                if gap < 0:
                    over.add(k)
                    assert ball.z_index > b.z_index, s
    finally:
        scene.mstep.set_value(before)
        ball.update()
    # it meets the stalled ball, the middle valley's and the two where it stops
    finals = [tr.final[0] for tr in scene.plain.values()]
    deep = scene.minima[local_minima.settled_in(scene.rolling, EXP)]
    assert list(scene.balls).index(EXP.stalled_start) in over and len(over) >= 4
    assert all(k in over for k, w in enumerate(finals) if np.isclose(w, deep))
    # at its end it sits on them, drawn over them
    assert all(ball.z_index > b.z_index for b in balls)


def test_the_step_counter_stands_clear_of_the_curve():
    """The counter's line ("momentum step t = 200", at its widest) stands COUNTER_CLEAR or more
    from everything on the curve: the curve, its start rings, every ball (their centres ride
    it; the momentum ball is the largest). Left of the legend by 2.0 it sat on the curve and on
    the start ring at w = -3.5."""
    from scenes.local_minima import COUNTER_APART, COUNTER_CLEAR, MOMENTUM_BALL

    scene = rendered(LocalMinima)
    line = [scene.step_whose, scene.step_read]
    x0, x1 = min(m.get_left()[0] for m in line), max(m.get_right()[0] for m in line)
    y0, y1 = min(m.get_bottom()[1] for m in line), max(m.get_top()[1] for m in line)
    ws = np.linspace(*EXP.surface.window[0], 4001)
    c = np.array(scene.ax.c2p(ws, EXP.surface(ws)), dtype=float).reshape(3, -1).T
    gap = np.hypot(np.maximum.reduce([x0 - c[:, 0], c[:, 0] - x1, 0 * ws]),
                   np.maximum.reduce([y0 - c[:, 1], c[:, 1] - y1, 0 * ws]))
    assert COUNTER_CLEAR >= 0.3
    assert gap.min() - MOMENTUM_BALL >= COUNTER_CLEAR, ws[int(np.argmin(gap))]
    rings = [r.get_center() for r in scene.rings]
    assert all(np.hypot(max(x0 - x, x - x1, 0), max(y0 - y, y - y1, 0)) > COUNTER_CLEAR
               for x, y, _ in rings)
    # and apart from the legend it stands beside, on its first row (at 0.8 left of it as it
    # read t = 0, "t = 200" came 10 px from the legend's dot: one line)
    assert COUNTER_APART >= 0.5 and scene.key.get_left()[0] - x1 >= COUNTER_APART - 0.02
    assert abs(scene.step_read.get_y() - scene.key.get_y()) < 0.05


def test_the_momentum_ball_never_crosses_a_word():
    """No moving object crosses text: along its whole run (sampled finer than the drawing's
    PATH_SAMPLES per step) the momentum ball stays clear of every depth label, the count over
    the deepest minimum and the note under the stalled ball; the deepest minimum's label (which
    it rolled over, its top just under the ball's resting centre) PATH_CLEAR under its swings
    there, its foot 12 px or more above the plot's; the count COUNT_CLEAR from it (the ball
    came down the slope 0.5 px under the count's lower left corner)."""
    from scenes.local_minima import COUNT_CLEAR, PATH_CLEAR

    scene = rendered(LocalMinima)
    ball = scene.momentum_ball
    r = ball.width / 2
    words = [*scene.min_labels, *scene.shared, scene.stall_note]
    boxes = [(w.get_left()[0], w.get_right()[0], w.get_bottom()[1], w.get_top()[1])
             for w in words]
    deep = scene.min_labels[int(np.argmin(scene.depths))]
    steps = np.linspace(0, EXP.momentum_steps, EXP.momentum_steps * 50 + 1)
    wf = np.array([ball_point(scene.rolling, v) for v in steps])
    centres = np.array(scene.ax.c2p(wf[:, 0], wf[:, 1]), dtype=float).reshape(3, -1).T
    # the ball drawn where its updater puts it: the same centres, read back at some steps
    before = scene.mstep.get_value()
    try:
        for k in range(0, len(steps), len(steps) // 20):
            scene.mstep.set_value(steps[k])
            ball.update()
            assert ball.get_center() == pytest.approx(centres[k], abs=1e-9)
    finally:
        scene.mstep.set_value(before)
        ball.update()
    x, y = centres[:, 0], centres[:, 1]
    least = count_least = np.inf
    for k, (x0, x1, y0, y1) in enumerate(boxes):
        gap = np.hypot(np.maximum.reduce([x0 - x, x - x1, 0 * x]),
                       np.maximum.reduce([y0 - y, y - y1, 0 * y])) - r
        assert gap.min() > 0, (steps[int(np.argmin(gap))], k)
        if words[k] is deep:
            least = gap.min()
        if words[k] is scene.shared[0]:
            count_least = gap.min()
    assert least >= PATH_CLEAR - 0.01
    assert COUNT_CLEAR >= 0.15 and count_least >= COUNT_CLEAR - 0.01
    foot = scene.ax.c2p(0, scene.ax.y_range[0])[1]
    assert (deep.get_bottom()[1] - foot) * 480 / 8 >= 12
