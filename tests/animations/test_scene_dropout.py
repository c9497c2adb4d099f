"""The dropout scene: each step's greyed neurons are gdcore's masks."""

import numpy as np
import pytest
from frames import WATCHERS, rendered
from manim import Circle, ManimColor

from gdcore import nn
from gdcore.networks import DROPOUT
from gdviz import colors
from gdviz.theme import FADED_CONTRAST, contrast
from scenes.dropout import (
    COUNTERS_AT,
    FADED_OPACITY,
    FADED_WIDTH,
    FINAL_HOLD,
    GRID_CLEAR,
    GRID_FADED_WIDTH,
    ROW_LINES,
    STEPS,
    Dropout,
    _switch,
    dropped_color,
)


@pytest.mark.parametrize("step", [1, STEPS])
def test_dropped_neurons_are_gdcores_mask(step):
    scene = rendered(Dropout, upto=f"step-{step}")
    masks = nn.dropout_masks(DROPOUT.sizes, DROPOUT.p_drop, DROPOUT.steps, DROPOUT.seed)[step - 1]
    dropped = {(h + 1, int(i)) for h, m in enumerate(masks) for i in np.flatnonzero(~m)}
    net = scene.net
    grey = {n for n, op in zip(net.neuron_ids, net.stroke_opacity) if op < 1}
    assert grey == dropped
    for (a, b), line in zip(net.edge_ids, net.edge_group):
        assert line.get_stroke_opacity() == (0.0 if a in dropped or b in dropped else 1.0)
    assert scene.step_num.get_value() == step
    assert scene.k_num.get_value() == sum(int(m.sum()) for m in masks)
    # dropped: its own outline hidden, a thin faded solid one shown (the still's: absent, never
    # dashed); kept: no faded outline, its own in the accent; input and output neurons keep
    # a solid outline in the text colour, as in the still (never a grey one like the dropped)
    t = scene.theme
    for n, ring in scene.faded.items():
        assert isinstance(ring, Circle) and not ring.submobjects  # one solid outline
        assert ring.get_stroke_width() == pytest.approx(FADED_WIDTH)
        assert FADED_WIDTH < net.stroke_width.min()
        assert ring.get_stroke_color() == dropped_color(t)
        # the still's faded colour, at its one contrast (4:1) in both themes
        assert np.allclose(colors.rgb(ring.get_stroke_color()), t.faded(), atol=1 / 255)
        got = contrast(ring.get_stroke_color().to_hex(), t.background)
        assert FADED_CONTRAST == 4.0 and got == pytest.approx(FADED_CONTRAST, abs=0.05)
        assert ring.get_stroke_opacity() == (FADED_OPACITY if n in dropped else 0.0)
        # filled with the page above the edges: no line is seen passing through a dropped one
        assert ring.get_fill_opacity() == (1.0 if n in dropped else 0.0)
        assert ring.get_fill_color() == ManimColor(t.background)
        assert ring.z_index > max(line.z_index for line in net.edge_group)
    for n, op, rgb in zip(net.neuron_ids, net.stroke_opacity, net.stroke_rgb):
        if n in dropped:
            assert op == 0.0
        else:
            assert op == 1.0
            hidden = 0 < n[0] < len(DROPOUT.sizes) - 1
            assert np.allclose(rgb, colors.rgb(t.accent if hidden else t.text))
    # the mask landed at full strength: every kept edge of every layer is lit, none other
    for rgb, op in zip(net.edge_rgb, net.edge_opacity):
        if op > 0:
            assert np.allclose(rgb, colors.rgb(t.accent))
    assert {a[0] for (a, _b), op in zip(net.edge_ids, net.edge_opacity) if op > 0} == \
        set(range(len(DROPOUT.sizes) - 1))


def test_the_network_fills_the_frame_between_title_and_margin():
    """The network is the subject: it spans the height between the title and the 24 px
    margin, and each neuron is at least 40 px across at 480p (8 units = 480 px)."""
    scene = rendered(Dropout, upto="step-1")
    net, px = scene.net, 480 / 8
    assert 2 * net.radius * px >= 40
    top, bottom = scene.title.get_bottom()[1], -4 + 24 / px
    assert net.get_top()[1] < top and net.get_bottom()[1] >= bottom - 1e-9
    assert net.get_height() >= 0.9 * (top - bottom)
    # clear of the note on its left and the counters on its right
    assert scene.note.get_right()[0] < net.get_left()[0] - 0.5
    assert net.get_right()[0] < scene.counter.get_left()[0] - 0.5
    assert net.get_right()[0] < scene.kept_line.get_left()[0] - 0.5


def test_note_stands_clear_of_the_edge_and_the_sweep_has_its_key():
    scene = rendered(Dropout, upto="step-1")
    assert scene.note.get_left()[0] >= -64 / 9 + 36 / 60 - 1e-9  # 36 px in at 480p
    assert scene.sweep_key in scene.mobjects
    # true to its colours: the input and output neurons, grey, are not in it
    key = " ".join(line.original_text for line in scene.sweep_key)
    assert key == "orange: the hidden neurons kept this step and their edges"
    assert scene.sweep_key[0].get_color().to_hex().lower() == scene.theme.accent.lower()
    assert scene.net.get_right()[0] < scene.sweep_key.get_left()[0] - 0.5
    assert scene.sweep_key.get_bottom()[1] >= -4 + 24 / 60


def _segment_distance(p, a, b) -> float:
    """The distance from point p to the segment a-b (2-D)."""
    ab, ap = b - a, p - a
    u = np.clip(np.dot(ap, ab) / np.dot(ab, ab), 0.0, 1.0)
    return float(np.linalg.norm(ap - u * ab))


def test_it_ends_on_the_four_thinned_networks_two_by_two():
    """The closing picture: every step's thinned network (gdcore's masks) in a 2x2 grid in
    reading order, with room: each the big network drawn anew, its layers spread sideways (its
    edges flatter than the big one's), its neurons 22 px across and 14 px apart in a layer
    (kept under the title they stood 8 px apart), no edge within GRID_CLEAR (3 px, ink to ink)
    of a neuron it does not join (the steepest passed within a pixel of the neuron beside the
    one it leaves), its step over its count of kept neurons on its left a clear line (24 px)
    from it, the two lines 12 px apart; the title gone, the grid inside the 24 px margin, its
    rows 24 px and more apart; held no longer than FINAL_HOLD (<= 1.8 s)."""
    scene = rendered(Dropout, upto=f"step-{STEPS}")
    assert FINAL_HOLD <= 1.8
    masks = nn.dropout_masks(DROPOUT.sizes, DROPOUT.p_drop, DROPOUT.steps, DROPOUT.seed)
    rows = scene.snaps
    assert len(rows) == STEPS == 4
    shown = set(scene.get_mobject_family_members())
    assert scene.net not in shown and all(row[0] in shown for row in rows)
    px = 480 / 8
    big = scene.net
    assert GRID_CLEAR >= 3
    for s, (row, label, step) in enumerate(zip(rows, scene.row_labels, masks)):
        net, faded = row[0], row[1:]
        dropped = {(h + 1, int(i)) for h, m in enumerate(step) for i in np.flatnonzero(~m)}
        assert {n for n, op in zip(net.neuron_ids, net.stroke_opacity) if op < 1} == dropped
        shown = {n for n, d in zip(scene.faded, faded) if d.get_stroke_opacity() > 0}
        assert shown == dropped
        # the big network's, spread sideways: its layers farther apart, for the distance
        # between two neurons of a layer, than the big one's; neurons 22 px and more across,
        # 14 px and more apart in a layer (under the title they stood 8 px apart)
        def spread(n):
            xs = sorted({round(c.get_x(), 6) for c in n.neuron_group})
            ys = sorted({round(c.get_y(), 6) for c in n.neuron_group})
            return np.diff(xs).min() / np.diff(ys).min(), np.diff(ys).min()
        assert spread(net)[0] > 1.2 * spread(big)[0]
        assert net.neuron_ids == big.neuron_ids and net.edge_ids == big.edge_ids
        assert np.allclose(net.edge_width, big.edge_width * ROW_LINES)
        for circle in (*net.neuron_group, *faded):
            assert circle.width * px >= 22 and circle.width == pytest.approx(circle.height)
            assert (spread(net)[1] - circle.width) * px >= 14
        # every edge, drawn or not, 3 px and more clear of every neuron it does not join, ink
        # to ink: the distance from its centre line to the neuron's centre, less the radius
        # and half the outline's width and the edge's (a stroke width w is 0.01 w units)
        radius = net.neuron_group[0].width / 2
        ring = max(net.stroke_width.max(), GRID_FADED_WIDTH) * 0.01 / 2
        centres = {n: c.get_center()[:2] for n, c in zip(net.neuron_ids, net.neuron_group)}
        for (a, b), line, w in zip(net.edge_ids, net.edge_group, net.edge_width):
            ends = line.get_start()[:2], line.get_end()[:2]
            assert np.linalg.norm(ends[0] - centres[a]) == pytest.approx(radius, abs=1e-6)
            for n, c in centres.items():
                if n not in (a, b):
                    gap = _segment_distance(c, *ends) - radius - ring - w * 0.01 / 2
                    assert gap * px >= GRID_CLEAR, (a, b, n, gap * px)
        for n, d in zip(scene.faded, faded):
            assert d.get_center() == pytest.approx(net.neuron(*n).get_center())
        # each dropped outline as wide as the kept ones (thinner, it vanished on the dark
        # page at this size), ringed by the page (3 px at 480p); the others' rings unseen
        for n, d in zip(scene.faded, faded):
            assert d.get_stroke_width() == GRID_FADED_WIDTH >= net.stroke_width.max()
            assert d.get_stroke_width(background=True) * 0.01 / 2 * px >= 3
            assert d.get_stroke_color(background=True).to_hex().lower() == \
                scene.theme.background.lower()
            assert d.get_stroke_opacity(background=True) == (1.0 if n in dropped else 0.0)
        assert row.get_center() == pytest.approx(scene.row_place(s), abs=1e-9)
        # reading order: steps 1 and 2 on top, 3 and 4 under them
        assert scene.row_place(s)[0] == scene.row_place(s % 2)[0]
        assert scene.row_place(s)[1] == scene.row_place(2 * (s // 2))[1]
        # the heading on its network's left, a clear line from it (24 px and more), its two
        # lines 12 px and more apart, its letters 12 px
        assert label[0].original_text == f"step {s + 1}"
        kept = sum(int(m.sum()) for m in step)
        assert label[1].original_text == f"{kept} kept"
        assert label.get_center()[1] == pytest.approx(row.get_center()[1], abs=0.1)
        assert (row.get_left()[0] - label.get_right()[0]) * px >= 24 - 1e-6
        assert (label[0].get_bottom()[1] - label[1].get_top()[1]) * px >= 12 - 1e-6
        assert label[1].height * px >= 12
        # inside the frame's 24 px margin
        for m in (row, label):
            assert m.get_left()[0] >= -64 / 9 + 24 / px and m.get_right()[0] <= 64 / 9 - 24 / px
            assert m.get_bottom()[1] >= -4 + 24 / px - 1e-9
            assert m.get_top()[1] <= 4 - 24 / px + 1e-9
    r = rows
    # the rows and the columns stand apart (24 px and more, farther than a layer's neurons),
    # a heading three times and more nearer its own network than the one beside it
    assert (r[0].get_bottom()[1] - r[2].get_top()[1]) * px >= 24
    assert (scene.row_labels[1].get_left()[0] - r[0].get_right()[0]) > \
        3 * (r[1].get_left()[0] - scene.row_labels[1].get_right()[0])
    # only the four networks and their labels remain: the title, known by then, has left
    for gone in (scene.title, scene.note, scene.counter, scene.kept_line, scene.sweep_key):
        assert gone not in scene.mobjects or gone.get_fill_opacity() == 0


def test_the_step_and_count_turn_as_the_new_mask_comes_in():
    """The counters turn on the first frame of the change of mask, never after it: turned at
    its end, they named the old mask while the new one was being drawn."""
    assert COUNTERS_AT == 0.0
    scene = rendered(Dropout, upto="step-2")
    num = scene.step_num.copy()
    old = int(num.get_value())
    _switch(num, old + 1, at=COUNTERS_AT).interpolate_mobject(0.0)
    assert num.get_value() == old + 1


def _watch(scene):
    """After a play of the steps: ("mask", the step shown, the neurons drawn dropped by their
    outline, those drawn faded, the edges drawn, the kept count shown or None). After a play
    of the closing row: (the big network shown, the steps whose small networks are shown, the
    counters and the title shown)."""
    if "net" not in scene.__dict__ or scene.step < 0:
        return None
    if len(scene.__dict__.get("snaps", ())) < STEPS:
        net = scene.net
        out = frozenset(n for n, op in zip(net.neuron_ids, net.stroke_opacity) if op < 1)
        faded = frozenset(n for n, d in scene.faded.items() if d.get_stroke_opacity() > 0)
        edges = frozenset(e for e, op in zip(net.edge_ids, net.edge_opacity) if op > 0)
        count = int(scene.k_num.get_value()) if scene.kept_line in scene.mobjects else None
        lit = frozenset(e for e, op, rgb in zip(net.edge_ids, net.edge_opacity, net.edge_rgb)
                        if op > 0 and np.allclose(rgb, colors.rgb(scene.theme.accent)))
        return ("mask", int(scene.step_num.get_value()), out, faded, edges, count, lit,
                _seen(scene, scene.counter))
    shown = set(scene.get_mobject_family_members())

    def seen(m):
        return _seen(scene, m, shown)
    return (scene.net in shown, tuple(s for s, snap in enumerate(scene.snaps)
                                      if snap[0] in shown),
            seen(scene.counter), seen(scene.title))


def _seen(scene, m, shown=None) -> bool:
    """Whether any part of m is on screen, not wholly transparent."""
    shown = set(scene.get_mobject_family_members()) if shown is None else shown
    return any(k in shown and max(k.get_fill_opacity(), k.get_stroke_opacity()) > 0
               for k in m.family_members_with_points())


WATCHERS[Dropout] = _watch


def _dropped(step: int) -> frozenset:
    masks = nn.dropout_masks(DROPOUT.sizes, DROPOUT.p_drop, DROPOUT.steps, DROPOUT.seed)[step]
    return frozenset((h + 1, int(i)) for h, m in enumerate(masks) for i in np.flatnonzero(~m))


def test_each_mask_turns_into_the_next_in_one_move():
    """From one step's mask to the next only the neurons that differ change, all in one move:
    those dropped anew go out as those restored come back. At the end of every play the
    neurons drawn dropped are one of gdcore's masks, drawn alike by both outlines, with
    exactly the edges of the neurons kept, every one of them lit, the first mask's as every
    later one's (it landed with its kept edges in the quiet grey, lit only by a sweep after);
    the step number shown is that mask's step and the count of kept neurons on screen counts
    it."""
    notes = [n for n in rendered(Dropout).notes if n is not None and n[0] == "mask"]
    hidden = sum(DROPOUT.sizes[1:-1])
    masks = [_dropped(s) for s in range(STEPS)]
    for _, step, out, faded, edges, count, lit, _ in notes:
        assert out == faded
        assert edges == {(a, b) for (a, b) in scene_edges() if a not in out and b not in out}
        if count is not None:
            assert out == masks[step - 1]
            assert count == hidden - len(out)
            assert lit == edges
    # the first mask, a hidden layer at a time: as each lands, its kept neurons' edges from
    # the layer before are lit (the last hidden layer's to the outputs too), no edge is quiet
    # once both its layers have their mask
    first = [n for n in notes if n[1] == 1 and n[5] is None and n[2]]
    assert [max(l for l, _ in n[2]) for n in first] == [1, 2]
    for n, h in zip(first, (1, 2)):
        assert n[6] == {e for e in n[4] if e[1][0] <= h or h == 2}
    for s in range(1, STEPS):
        old, new = masks[s - 1], masks[s]
        assert old != new and len(old ^ new) < hidden
        # the plays from the end of step s to the end of step s + 1: one change
        during = [[n[2] for n in notes if n[1] == s][-1], *(n[2] for n in notes if n[1] == s + 1)]
        changes = [(b - a, a - b) for a, b in zip(during, during[1:]) if a != b]
        assert changes == [(new - old, old - new)]
        # straight from the old thinned network to the new: every kept edge lit throughout
        assert all(n[6] == n[4] for n in notes if n[1] == s + 1)


def scene_edges():
    return rendered(Dropout).net.edge_ids


def test_the_closing_grid_comes_in_the_order_of_the_steps():
    """One change at a time: the big network leaves first, with the title (a network coming in
    over it was a tangle of circles and edges), then steps 1, 2, 3 and 4 come in, one per play;
    the counters stay until step 1 comes in, so that the page never stands empty (cleared
    whole before the grid came in, it did for 0.4 s, its last ink gone in one frame)."""
    seen = [n for n in rendered(Dropout).notes if n is not None and n[0] != "mask"]
    changes = [n for p, n in zip([None, *seen], seen) if n != p]
    assert changes == [(False, (), True, False),
                       *((False, tuple(range(k)), False, False) for k in range(1, STEPS + 1))]


def test_the_count_of_kept_neurons_stays_from_the_first_mask_on():
    """Once the first mask has landed, the count of kept neurons never leaves before the
    closing row: its number turns in place."""
    notes = [n for n in rendered(Dropout).notes if n is not None and n[0] == "mask"]
    first = next(k for k, n in enumerate(notes) if n[5] is not None)
    assert all(n[5] is not None for n in notes[first:])
    assert {n[5] for n in notes[first:]} >= set(DROPOUT.kept_counts())


def test_within_a_change_of_mask_each_edge_fades_one_way():
    """Within a change of the mask each edge moves one way only: those of the neurons going out
    fade out, those of the neurons restored come in, the rest stay (each part made from the
    look on screen, the last part faded the going edges in again and out once more)."""
    scene = rendered(Dropout, upto="step-2")
    net = scene.net
    saved = net.style_state()
    rings = {n: (r.get_stroke_opacity(), r.get_fill_opacity()) for n, r in scene.faded.items()}
    before, after = set(scene.dropped(1)), set(scene.dropped(2))
    anim = scene.mask_to(after, after - before, before - after)
    seen = []
    try:
        anim.scene = None  # played by hand, outside a scene
        anim.begin()
        for a in np.linspace(0, 1, 61):
            anim.interpolate(a)
            seen.append(net.edge_opacity.copy())
    finally:
        net.load_state(saved)
        for n, (stroke, fill) in rings.items():
            scene.faded[n].set_stroke(opacity=stroke).set_fill(opacity=fill)
    seen = np.array(seen)
    d = np.diff(seen, axis=0)
    assert np.all((d <= 1e-9).all(axis=0) | (d >= -1e-9).all(axis=0))
    want = [0.0 if a in after or b in after else 1.0 for a, b in net.edge_ids]
    assert np.allclose(seen[0], saved["edge_opacity"]) and np.allclose(seen[-1], want)
    assert before != after and (seen[0] != seen[-1]).sum() > 0


def test_the_step_counter_comes_in_with_the_first_change_of_mask():
    """The step's name comes in with the first hidden layer's change, never in a play of its
    own (alone, it was 0.4 s in which only the counter moved): the first play after which it
    is seen has dropped neurons already, those of the first hidden layer only."""
    notes = [n for n in rendered(Dropout).notes if n is not None and n[0] == "mask"]
    first = next(n for n in notes if n[7])
    assert first[1] == 1
    assert first[2] and {layer for layer, _ in first[2]} == {1}
    assert first[2] == {n for n in _dropped(0) if n[0] == 1}


def test_the_closing_shows_what_its_caption_says():
    """The closing, read against gdcore: on screen at the end only the four thinned networks and
    their headings (the big network, its faded outlines, the counters, their key, the note and
    the title gone, nothing left faint); each network one of gdcore's masks, in the order of the
    steps, no two alike (the caption's "four different networks": the changes of mask compare
    neighbours only); the caption names them so, and its counts of hidden neurons kept are the
    headings', in that order."""
    import re

    from gdviz.numbers import word

    scene = rendered(Dropout)
    masks = [_dropped(s) for s in range(STEPS)]
    hidden = sum(DROPOUT.sizes[1:-1])
    kept = [hidden - len(m) for m in masks]
    assert kept == list(DROPOUT.kept_counts())
    # what is seen: the grid and its headings, nothing else
    grid = {m for part in (*scene.snaps, *scene.row_labels) for m in part.get_family()}
    seen = {m for m in scene.get_mobject_family_members() if m.has_points()
            and max(m.get_fill_opacity(), m.get_stroke_opacity()) > 0}
    assert seen and seen <= grid, {type(m).__name__ for m in seen - grid}
    # the networks drawn: each its step's mask, no two alike
    drawn = [frozenset(n for n, op in zip(snap[0].neuron_ids, snap[0].stroke_opacity) if op < 1)
             for snap in scene.snaps]
    assert drawn == masks and len(set(drawn)) == STEPS
    # the caption says as much: the four networks, different, and the headings' counts in order
    said = Dropout.captions()[f"step-{STEPS}"][-1]
    assert said.count(f"{word(STEPS)} different networks") == 1
    assert said.startswith(f"The {word(STEPS)} steps' thinned networks, two by two")
    assert [int(k) for k in re.findall(r"\d+", said)] == kept
    heads = [int(label[1].original_text.split()[0]) for label in scene.row_labels]
    assert heads == kept
