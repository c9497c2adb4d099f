"""The connection-tweak scene (frames: test_scene_frames.py): the lit cone against gdcore."""

import numpy as np
import pytest
from frames import WATCHERS, rendered

from gdcore import nn
from gdcore.networks import CONNECTION_TWEAK
from gdviz.colors import activation_fill, activation_step, rgb
from gdviz.network_mobject import NetworkMobject
from gdviz.theme import contrast
from scenes.connection_tweak import (
    AGAIN_TIME,
    BACK_TIME,
    DELTA,
    GHOST_PITCH,
    LAYER,
    NUDGE_TIME,
    SIZES,
    SWITCH_TIME,
    X_INPUT,
    ConnectionTweak,
    I,
    J,
    tweak_says,
)


def _lit(scene) -> set:
    bg = rgb(scene.theme.background)
    return {n for n, f in zip(scene.net.neuron_ids, scene.net.fill_rgb) if not np.allclose(f, bg)}


def test_brightened_set_is_gdcores_changed_activations():
    scene = rendered(ConnectionTweak)
    net = scene.net
    base = nn.init_mlp(SIZES, seed=0)
    assert scene.w.get_value() == base.weights[LAYER][J, I] + DELTA
    changed = nn.changed_activations(base, X_INPUT, LAYER, J, I, DELTA)
    assert _lit(scene) == set(changed)
    # the fills grow with gdcore's |Δa|, and what the Circles show is what the arrays hold
    d = net.neuron_values(nn.activation_changes(base, X_INPUT, LAYER, J, I, DELTA))
    k = [net._n_index[n] for n in sorted(changed)]
    strength = np.linalg.norm(net.fill_rgb[k] - rgb(scene.theme.background), axis=1)
    order = np.argsort(d[k])
    assert np.all(np.diff(strength[order]) >= -1e-12)
    for circ, f in zip(net.neuron_group, net.fill_rgb):
        np.testing.assert_allclose(circ.get_fill_color().to_rgb(), f, atol=1e-2)
    # nothing outside the cone changed: neurons and edges look as on a fresh network
    fresh = NetworkMobject(scene.theme, SIZES, net.layout.width, net.layout.height,
                           unit=net.unit, center=net.origin, edge_color=net.edge_rgb[0],
                           edge_width=1.2)
    down = nn.downstream(SIZES, LAYER, J, I)
    for n in net.neuron_ids:
        if n not in down:
            a, b = net._n_index[n], fresh._n_index[n]
            for key in ("fill_rgb", "stroke_rgb", "stroke_width", "stroke_opacity"):
                np.testing.assert_array_equal(getattr(net, key)[a], getattr(fresh, key)[b])
    _, cone_edges = net.cone(down, (LAYER, I))
    for e in net.edge_ids:
        if e not in cone_edges:
            a = net._e_index[e]
            np.testing.assert_array_equal(net.edge_rgb[a], fresh.edge_rgb[a])
            assert net.edge_width[a] == fresh.edge_width[a]
    # the live output values are the tweaked network's forward pass
    outs = nn.forward(base.with_weight(LAYER, J, I, base.weights[LAYER][J, I] + DELTA),
                      X_INPUT)[-1][0]
    np.testing.assert_allclose([o.get_value() for o in scene.outs], outs, atol=1e-12)
    # and the change of each output beside it is the tweaked minus the untouched forward pass
    before = nn.forward(base, X_INPUT)[-1][0]
    np.testing.assert_allclose([d.get_value() for d in scene.moves], outs - before, atol=1e-12)
    # numbers aligned on the decimal point: one right edge per column
    for col in (scene.outs, scene.moves):
        assert np.ptp([n.get_right()[0] for n in col]) < 1e-6


def test_forward_pass_fills_follow_gdcores_activations():
    """After the wave every neuron is filled by its a from gdcore on one continuous scale for
    every layer, from the network's least a to its largest (−1.165 … 1.000), so one grey is one
    value of a wherever it is seen: the sigmoid hidden layers' a (0.32 to 0.74) each their own
    grey, visibly apart; the fill's distance from the page grows with a, in the text's grey,
    never an accent."""
    scene = rendered(ConnectionTweak, upto="network")
    net, theme = scene.net, scene.theme
    acts = nn.forward(nn.init_mlp(SIZES, seed=0), X_INPUT)
    a = net.neuron_values(acts)
    fills = scene.forward_fills
    strength = np.linalg.norm(fills - rgb(theme.background), axis=1)
    last = len(SIZES) - 1
    hidden = np.array([0 < n[0] < last for n in net.neuron_ids])
    lo, hi = scene.a_range
    assert (lo, hi) == (a.min(), a.max()) and not hasattr(scene, "hidden_range")
    assert (round(lo, 3), hi) == (-1.165, 1.0)
    order = np.argsort(a)
    assert np.all(np.diff(strength[order]) >= -1e-12)
    np.testing.assert_allclose(fills, activation_fill(theme, a, lo, hi), atol=1e-12)
    # continuous: the hidden layers' sixteen a in sixteen greys (five flat bins put them in
    # two), the lightest and darkest of them visibly apart
    assert len({tuple(np.round(f, 6)) for f in fills[hidden]}) == hidden.sum() == 16
    h = fills[hidden][np.argsort(a[hidden])]
    assert contrast(tuple(h[0]), tuple(h[-1])) >= 1.4
    # the key: the ramp as one smooth bar from the fill of lo to that of hi, ticked at round
    # values written in their shortest form, and it says it is every layer's
    bar, _, ticks = scene.a_key[1]
    ends = activation_fill(theme, [lo, hi], lo, hi)
    np.testing.assert_allclose([c.to_rgb() for c in bar.get_fill_colors()], ends, atol=1e-2)
    labels = [m for m in ticks if hasattr(m, "tex_string")]
    assert [m.tex_string for m in labels] == ["-1", "-0.5", "0", "0.5", "1"]
    assert all(p.get_right()[0] + 0.1 < q.get_left()[0] for p, q in zip(labels, labels[1:]))
    assert scene.a_key[0][1].text.replace(" ", "") == "(onescale,everylayer)"
    # greys between page and text: each fill on the segment from the page to the text
    page, text = rgb(theme.background), rgb(theme.text)
    s = (fills - page) @ (text - page) / np.dot(text - page, text - page)
    np.testing.assert_allclose(fills, page + s[:, None] * (text - page), atol=1e-12)
    # and the circles on screen show them to the end of the forward pass
    for circ, f in zip(net.neuron_group, fills):
        np.testing.assert_allclose(circ.get_fill_color().to_rgb(), f, atol=1e-2)


def test_tweaks_one_at_a_time_with_gdcores_output_changes():
    scene = rendered(ConnectionTweak)
    ex = CONNECTION_TWEAK
    assert ex.tweaks == (0.5, 0.0, 1.0)
    assert len(scene.tweak_record) == len(ex.tweaks)
    for (w, moves, signed), offset in zip(scene.tweak_record, ex.tweaks):
        assert w == pytest.approx(scene.w0 + offset, abs=1e-12)
        np.testing.assert_allclose(moves, ex.output_changes(offset), atol=1e-12)
        # a change that rounds to nothing is written 0.000, never +0.000
        assert signed == [round(m, 3) != 0 for m in moves]
    assert not any(scene.tweak_record[1][2])  # back at the start: every change unsigned


def test_output_changes_are_the_forward_pass_difference():
    ex = CONNECTION_TWEAK
    base = nn.init_mlp(SIZES, seed=0)
    w0 = base.weights[LAYER][J, I]
    for offset in ex.tweaks:
        after = nn.forward(base.with_weight(LAYER, J, I, w0 + offset), X_INPUT)[-1][0]
        np.testing.assert_allclose(ex.output_changes(offset),
                                   after - nn.forward(base, X_INPUT)[-1][0], atol=1e-15)
    # the magnitudes of the full nudge are those of activation_changes at the output layer
    np.testing.assert_allclose(np.abs(ex.output_changes(DELTA)),
                               nn.activation_changes(base, X_INPUT, LAYER, J, I, DELTA)[-1],
                               atol=1e-15)


def test_tweak_words_say_the_step_and_the_largest_output_change():
    ex = CONNECTION_TWEAK
    w0 = 0.432
    assert tweak_says(1, 0.5, w0) == ("1. nudge: $w + 0.5$",
                                      "outputs move by up to 0.020")
    assert tweak_says(2, 0.0, w0) == ("2. back to $w = 0.432$",
                                      r"the outputs return: every $\Delta a = 0$")
    # the larger nudge after the first gives both largest changes
    assert tweak_says(3, 1.0, w0)[1] == "outputs move by up to 0.037 (0.020 at $w + 0.5$)"
    # and those numbers are gdcore's
    assert round(float(np.abs(ex.output_changes(0.5)).max()), 3) == 0.020
    assert round(float(np.abs(ex.output_changes(1.0)).max()), 3) == 0.037


def test_forward_pass_writes_the_outputs_before_the_readouts_come_one_by_one():
    """The forward pass ends with the outputs' a on screen; Δa and w wait for the highlight."""
    scene = rendered(ConnectionTweak, upto="network")
    family = set(scene.get_mobject_family_members())
    assert all(o in family for o in scene.outs) and scene.a_head in family
    assert not any(m in family for m in scene.moves) and scene.d_head not in family
    np.testing.assert_allclose([o.get_value() for o in scene.outs],
                               nn.forward(nn.init_mlp(SIZES, seed=0), X_INPUT)[-1][0],
                               atol=1e-12)


def test_the_weight_on_top_the_note_lights_the_cone_and_the_output_layer_named_linear():
    scene = rendered(ConnectionTweak)
    net = scene.net
    # the highlighted weight is drawn after every other edge (and the wave's lit copies, 0.5)
    tweak = net.edge(scene.connection)
    assert all(tweak.z_index > e.z_index for e in net.edge_group if e is not tweak)
    assert tweak.z_index > 0.5
    # the note has no leader across the edges: the cone it names lights up as it comes in
    assert not hasattr(scene, "leader")
    assert scene.note.text.replace(" ", "") == "changes:theneuronitfeedsandeverylaterone"
    # gdcore's network has sigmoid hidden layers and a linear output layer: the names say so
    base = nn.init_mlp(SIZES, seed=0)
    assert (base.activation, base.output_activation) == ("sigmoid", "identity")
    assert scene.layer_kinds == ("", "sigmoid", "sigmoid", "linear")
    assert scene.names[-1].text.replace(" ", "") == "5outputs(linear)"
    # the colour bar: a log scale from its true left end, D_LOW = 0.0001 (written there), to
    # the largest change, ticked at the round powers of ten inside it (gdcore's changes at the
    # full nudge run from 0.001 to 0.16); no 0 patched on, no break
    from scenes.connection_tweak import D_LOW

    assert D_LOW == 1e-4 and not hasattr(scene, "bar_break")
    bar, _, ticks = scene.d_key[1]
    words = [m.text for m in ticks if hasattr(m, "text")]
    assert words == ["0.0001", "0.001", "0.01", "0.1"]
    xs = [m.get_x() for m in ticks if hasattr(m, "text")]
    assert xs[0] == pytest.approx(bar.get_left()[0])
    assert xs[0] < xs[1] < xs[2] < xs[3] < bar.get_right()[0]
    np.testing.assert_allclose(np.diff(xs), np.diff(xs)[0], atol=1e-6)  # a log scale
    # no change (and only no change, at the full nudge) is the page's colour: the bar's end
    assert scene.brightness([np.zeros(n) for n in SIZES]).max() == 0
    moved = np.concatenate(nn.activation_changes(nn.init_mlp(SIZES, seed=0), X_INPUT, LAYER,
                                                 J, I, DELTA))
    assert moved[moved > 0].min() > D_LOW


def test_column_heads_alike_and_readable():
    """The heads of the a and Δa columns: one colour (the text's), one size, on one baseline,
    their letters at least 12 px tall at 480p (8 units = 480 px)."""
    scene = rendered(ConnectionTweak)
    a, d = scene.a_head, scene.d_head
    assert a.get_color().to_hex().lower() == d.get_color().to_hex().lower() == \
        scene.theme.text.lower()
    assert a.font_size == pytest.approx(d.font_size)
    assert abs(a.get_bottom()[1] - d.get_bottom()[1]) < 1e-9
    assert a.height * 480 / 8 >= 12


def test_activation_steps_are_equal_bins():
    assert list(activation_step([-1.0, -0.61, -0.59, 0.0, 0.99, 1.0, 3.0], -1.0, 1.0, 5)) == \
        [0, 0, 1, 2, 4, 4, 4]
    with pytest.raises(ValueError):
        activation_step([0.5], 0.0, 1.0, 1)


def _watch(scene):
    """After a play, once the fills exist: (the forward pass's fills shown, the activations'
    key shown, the |Δa| key shown), then what a tweak changes: the weight (its readout and its
    edge's width), for each layer after the weight the look of its neurons and of the cone's
    edges into it, and the outputs' numbers (a and Δa)."""
    fills = scene.__dict__.get("forward_fills")
    if fills is None:
        return None
    net = scene.net
    shown = set(scene.get_mobject_family_members())
    k = net._e_index[scene.connection]
    weight = (round(scene.w.get_value(), 9), round(float(net.edge(scene.connection)
                                                          .get_stroke_width()), 6))
    layers = tuple(
        (tuple(np.round(net.fill_rgb[[net._n_index[n] for n in net.layer_neurons(l)]], 6)
               .ravel()),
         tuple(np.round(net.edge_rgb[[i for i, e in enumerate(net.edge_ids)
                                      if e[1][0] == l and i != k]], 6).ravel()))
        for l in range(LAYER + 1, len(SIZES)))
    outputs = tuple(round(float(m.get_value()), 9) for m in (*scene.outs, *scene.moves))
    return (bool(np.allclose(net.fill_rgb, fills)), scene.a_key in shown,
            getattr(scene, "d_key", None) in shown, weight, *layers, outputs,
            _forward_pass_of_w(scene) if _readouts_shown(scene, shown) else None)


def _readouts_shown(scene, shown) -> bool:
    """Whether every readout of the tweaks is on screen (the hidden layers' largest |Δa|
    come last, after the |Δa| key and the highlight)."""
    return "hidden_max" in scene.__dict__ and scene.hidden_max[0] in shown


def _forward_pass_of_w(scene) -> bool:
    """Whether everything on screen is gdcore's forward pass with the weight shown: the
    neurons' fills and the cone's edges (cone_look), the hidden layers' largest |Δa| and the
    outputs' a and Δa (their updaters run), at the w the tracker and its readout hold."""
    net, w = scene.net, scene.w.get_value()
    for m in (*scene.outs, *scene.moves, *scene.hidden_max, scene.w_read):
        m.update()
    now = net.style_state()
    scene.cone_look(net, w)
    want = net.style_state()
    net.load_state(now, apply=False)
    base = nn.init_mlp(SIZES, seed=0)
    before = nn.forward(base, X_INPUT)[-1][0]
    after = nn.forward(base.with_weight(LAYER, J, I, w), X_INPUT)[-1][0]
    changes = nn.activation_changes(base, X_INPUT, LAYER, J, I, w - scene.w0)
    return (all(np.allclose(now[k], want[k], atol=1e-9) for k in ("fill_rgb", "edge_rgb"))
            and np.allclose([o.get_value() for o in scene.outs], after, atol=1e-12)
            and np.allclose([d.get_value() for d in scene.moves], after - before, atol=1e-12)
            and np.allclose([h[-1].get_value() for h in scene.hidden_max],
                            [c.max() for c in changes[1:-1]], atol=1e-12)
            and scene.w_read[-1].get_value() == pytest.approx(w, abs=1e-12))


WATCHERS[ConnectionTweak] = _watch


def test_the_fills_clear_as_the_keys_swap_in_one_beat():
    """The forward pass's words fade out as the fills fade to the page, slowly (at least
    0.8 s), while the activations' key gives way to the |Δa| key, in one play: at its end the
    fills are the page's, the old key gone and the new one shown, and it stays; the weight's
    edge is picked out only in the play after."""
    scene = rendered(ConnectionTweak)
    notes = [(n, length) for n, length in zip(scene.notes, scene.lengths) if n is not None]
    # (the notes begin after the first play that follows the forward pass: the fade)
    assert (notes[0][0][:3], notes[0][1]) == ((False, False, True), SWITCH_TIME)
    assert SWITCH_TIME >= 0.8
    assert all(n[:3] == (False, False, True) for n, _ in notes)


def test_each_tweak_moves_the_weight_and_everything_after_it_together():
    """What is on screen is always the forward pass of the w shown: a tweak is one play in
    which the weight (its number and its edge), every later layer's fills and edges and the
    outputs' numbers change together; no other play of the tweaks changes any of them, and at
    the end of every play the fills and numbers are gdcore's with the weight shown."""
    scene = rendered(ConnectionTweak)
    kept = [(n[3:-1], n[-1], length) for n, length in zip(scene.notes, scene.lengths)
            if n is not None and n[-1] is not None]
    assert all(ok for _, ok, _ in kept)
    moved = [(len([i for i in range(len(p)) if p[i] != q[i]]), length)
             for (p, _, _), (q, _, length) in zip(kept, kept[1:])]
    everything = 1 + (len(SIZES) - 1 - LAYER) + 1
    assert [m for m, _ in moved if m] == [everything] * len(CONNECTION_TWEAK.tweaks)
    assert [length for m, length in moved if m] == pytest.approx(
        [NUDGE_TIME, BACK_TIME, AGAIN_TIME])
    # the weight's edge widens with |w|: at the last tweak wider than at the start
    assert scene.net.edge(scene.connection).get_stroke_width() == pytest.approx(
        scene.weight_width(scene.w0 + CONNECTION_TWEAK.tweaks[-1]))
    assert scene.weight_width(scene.w0 + 1.0) > scene.weight_width(scene.w0) + 2


def test_a_tweak_plays_the_weight_and_nothing_else():
    """A tweak is one play of one animation, the weight's move with everything following it:
    no pulse runs along the cone's edges meanwhile (one did, never named on screen, a dark
    wedge sweeping over fills that had already changed)."""
    scene = rendered(ConnectionTweak)
    played = []
    scene.play = lambda *anims, **kw: played.append(anims)
    try:
        scene.tweak(scene.w.get_value())
    finally:
        del scene.play
    assert len(played) == 1 and len(played[0]) == 1
    assert played[0][0].mobject is scene.net


def test_halfway_through_a_tweak_the_readouts_are_the_forward_pass_of_the_w_shown():
    """Inside a tweak's play, too: at any moment of the weight's move the fills, the hidden
    layers' largest |Δa| and the outputs' numbers are gdcore's with the weight shown."""
    scene = rendered(ConnectionTweak)
    w_end = scene.w.get_value()
    move = scene.follow(scene.w0 + 0.3, run_time=1.0)
    try:
        for alpha in (0.2, 0.5, 0.9):
            move.interpolate_mobject(alpha)
            assert scene.w0 + 0.3 < scene.w.get_value() < w_end
            assert _forward_pass_of_w(scene)
    finally:
        move.interpolate_mobject(0.0)
    assert scene.w.get_value() == w_end
    assert _forward_pass_of_w(scene)


def test_the_hidden_layers_largest_change_is_written_over_each_layer():
    """Over each hidden layer its largest |Δa| (gdcore), on one line over it whatever its
    digits, clear of the neurons and the title's readouts, at least TICK_SIZE, the two lines
    24 px and more apart."""
    scene = rendered(ConnectionTweak)
    net = scene.net
    changes = nn.activation_changes(nn.init_mlp(SIZES, seed=0), X_INPUT, LAYER, J, I,
                                    CONNECTION_TWEAK.tweaks[-1])
    assert [round(h[-1].get_value(), 3) for h in scene.hidden_max] == [0.158, 0.028]
    for l, h in enumerate(scene.hidden_max, start=1):
        assert h[-1].get_value() == pytest.approx(changes[l].max(), abs=1e-12)
        assert h.get_left()[0] < net.point(l, 0)[0] < h.get_right()[0]
        assert h[-1].get_y() == pytest.approx(h[0].get_y(), abs=1e-6)  # one line
        assert h[-1].get_left()[0] > h[0].get_right()[0]
        # 12 px and more clear of the top neuron's rim (at 480p: 60 px a unit)
        assert h.get_bottom()[1] >= net.point(l, 0)[1] + net.radius + 12 / 60 - 1e-9
        assert h.get_top()[1] < scene.w_read.get_bottom()[1]
    assert scene.hidden_max[1].get_left()[0] - scene.hidden_max[0].get_right()[0] >= 24 / 60


def test_the_nudge_comes_soon_and_is_the_slowest_play():
    """The set-up (network, forward pass, readouts, key) lasts at most 12 s before the first
    nudge of the weight, which is more than twice as long as any play of the set-up and the
    longest play of the video, the only one so long; the way back is quicker than the nudge,
    and so is the larger nudge after it (its staging is the first's)."""
    scene = rendered(ConnectionTweak)
    lengths = np.array(scene.lengths)
    nudges = np.flatnonzero(np.isclose(lengths, NUDGE_TIME))
    assert len(nudges) == 1
    first = nudges[0]
    assert lengths[:first].sum() <= 12.0
    assert NUDGE_TIME > 2 * lengths[:first].max()
    assert NUDGE_TIME == lengths.max()
    assert BACK_TIME < NUDGE_TIME / 2 and AGAIN_TIME < 2 / 3 * NUDGE_TIME


def test_the_first_nudges_changes_are_kept_beside_the_second():
    """After the first nudge its Δa column stays, in grey and no longer live, one column right
    of the live one, headed by its nudge, clear of the frame's right edge (24 px at 480p); at
    the end the live column holds the larger nudge's changes beside it."""
    scene = rendered(ConnectionTweak)
    ex = CONNECTION_TWEAK
    ghost = scene.ghost
    np.testing.assert_allclose([g.get_value() for g in ghost], ex.output_changes(0.5),
                               atol=1e-12)
    np.testing.assert_allclose([m.get_value() for m in scene.moves], ex.output_changes(1.0),
                               atol=1e-12)
    assert not any(g.updaters for g in ghost)
    muted = scene.theme.muted.lower()
    assert all(g.get_color().to_hex().lower() == muted for g in ghost)
    for g, m in zip(ghost, scene.moves):
        assert g.get_right()[0] == pytest.approx(m.get_right()[0] + GHOST_PITCH, abs=1e-6)
        assert g.get_y() == pytest.approx(m.get_y(), abs=1e-6)
    family = set(scene.get_mobject_family_members())
    assert all(g in family for g in ghost) and scene.ghost_head in family
    right = scene.camera.frame_width / 2 - 24 * 8 / 480
    assert max(g.get_right()[0] for g in ghost) < right
    assert scene.ghost_head.get_right()[0] < right
    assert abs(scene.ghost_head.get_bottom()[1] - scene.a_head.get_bottom()[1]) < 1e-9
    # clear of the live column's head (12 px and more at 480p), and the words over them all
    # inside the margin
    assert scene.ghost_head.get_left()[0] - scene.d_head.get_right()[0] >= 16 * 8 / 480
    assert scene.ghost_head.get_right()[0] < right
    assert scene.tweak_lines.get_right()[0] < right
    # the network and the table centred as one group: the inputs' name as far from the left
    # edge as the table's last head from the right, both more than 24 px in
    left_gap = scene.names[0].get_left()[0] + scene.camera.frame_width / 2
    right_gap = scene.camera.frame_width / 2 - max(ghost.get_right()[0],
                                                   scene.ghost_head.get_right()[0])
    assert min(left_gap, right_gap) > 24 * 8 / 480
    assert abs(left_gap - right_gap) < 6 * 8 / 480
    # the step said on its own line, beside w; what the outputs did under their table
    what, then = scene.tweak_lines
    assert what.get_bottom()[1] > scene.net.get_top()[1]
    assert then.get_top()[1] < min(o.get_bottom()[1] for o in scene.outs)
    assert then.get_left()[0] == pytest.approx(scene.outs.get_left()[0], abs=0.05)


def test_the_table_is_set_in_one_size():
    """The outputs' a, their changes Δa and the kept nudge's changes in one size (digits at
    least 12 px tall at 480p), the heads a and Δa in one size: colour, not size, marks
    the changes; the kept nudge's head w + 0.5 at theirs (its w 12 px tall at 480p); each
    column right-aligned, three decimals (so lined up on the decimal point), the widest number
    24 px and more clear of the next column."""
    scene = rendered(ConnectionTweak)
    sizes = {round(n.font_size, 6) for n in (*scene.outs, *scene.moves, *scene.ghost)}
    assert len(sizes) == 1
    assert min(n.height for n in scene.outs) * 480 / 8 >= 12
    assert scene.ghost_head.font_size == pytest.approx(scene.a_head.font_size)
    assert scene.a_head.font_size == pytest.approx(scene.d_head.font_size)
    w = scene.ghost_head[0][0]  # the letter w
    assert w.height * 480 / 8 >= 12
    columns = (scene.outs, scene.moves, scene.ghost)
    for col in columns:
        assert {n.num_decimal_places for n in col} == {3}
        assert max(n.get_right()[0] for n in col) - min(n.get_right()[0] for n in col) < 1e-6
    for left, right in zip(columns, columns[1:]):
        gap = min(r.get_left()[0] for r in right) - max(n.get_right()[0] for n in left)
        assert gap * 480 / 8 >= 24
