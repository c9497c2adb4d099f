"""The backprop-loop scene (frames: test_scene_frames.py): its numbers and edges against gdcore."""

import numpy as np
import pytest
from frames import WATCHERS, rendered
from manim import DecimalNumber, ManimColor

from gdcore import nn
from gdviz import equations
from gdviz.colors import rgb
from gdviz.manim_theme import digit_px
from gdviz.numbers import latex
from gdviz.theme import DARK, LIGHT, contrast
from scenes.backprop_loop import (
    DELTA_HOLD,
    DELTA_SWAP,
    DW_DB_GAP,
    GRAD,
    LR,
    OUT,
    REST_WIDTH,
    SIZES,
    VALUE_CLEAR_PX,
    W_HI,
    W_LO,
    WORK_PLACES,
    WORKED,
    BackpropLoop,
    X,
    Y,
    activation_look,
)

#: Scene units per pixel at 480p (the frame is 8 units tall), and Cairo's stroke width unit.
UNIT_PX, STROKE_UNIT = 8 / 480, 0.01


def _gdcore():
    net = nn.init_mlp(SIZES, "sigmoid", "sigmoid", seed=0, scale=1.0)
    return net, nn.sgd_step(net, X, Y, LR)


def test_backward_shows_gdcores_gradients():
    scene = rendered(BackpropLoop, upto="backward")
    net, _ = _gdcore()
    gW, gb = nn.backprop(net, X, Y)
    m = scene.net
    # error terms in the neurons: delta of a neuron = dL/db (one example)
    for l in (1, 2):
        for i in range(SIZES[l]):
            assert m.value_of((l, i)) == gb[l - 1][i]
    # edge widths grow linearly with |dL/dw|, and the matrices show dL/dW
    g = m.edge_values(gW)
    np.testing.assert_allclose(m.edge_width, W_LO + (W_HI - W_LO) * np.abs(g) / np.abs(g).max())
    for l, group in enumerate(scene.mats):
        shown = [e.get_value() for e in group[1].get_entries()]
        np.testing.assert_allclose(shown, gW[l].ravel(), atol=0)
        # set larger than the tick numbers: digits over 14 px tall at 480p
        assert all(digit_px(e) >= 14 for e in group[1].get_entries())
    # the worked edge: a·δ from the printed a and δ prints the printed ∂J/∂w
    (la, ka), (ld, jd) = WORKED
    acts = nn.forward(net, X)
    a, d, g, p = acts[la][0][ka], gb[ld - 1][jd], gW[la][jd, ka], WORK_PLACES
    assert a * d == pytest.approx(g)
    assert f"{float(f'{a:.{p}f}') * float(f'{d:.{p}f}'):.{p}f}" == f"{g:.{p}f}"
    assert f"{a:.{p}f} \\times {d:.{p}f} = {g:.{p}f}" in scene.work[1].tex_string
    # the backward pass's maths at least the worked update's size (its rule, the chain rule's
    # numbers, the hidden layer's rule); the rule's superscripts (l − 1) and (l), TeX's script
    # size of it, with digits 12 px tall at 480p (at 38 they were 11 px)
    from scenes.backprop_loop import PANEL_MATHS, RULE_SIZE, SCRIPT, WORKED_SIZE

    assert PANEL_MATHS >= WORKED_SIZE and RULE_SIZE >= WORKED_SIZE
    rule = scene.eq[0]
    assert rule.tex_string == equations.tex_numbered("backprop-grad", OUT, one_example=True)
    assert rule.font_size == pytest.approx(RULE_SIZE)
    assert digit_px(rule) * SCRIPT >= 12
    for m in (*scene.work, *scene.hidden_rule):
        assert m.font_size >= WORKED_SIZE - 1e-9, m.tex_string
    # the hidden layer's rule, two lines (wider than the panel on one), a clear line (24 px)
    # from the targets' labels
    first, rest = (m.tex_string for m in scene.hidden_rule)
    assert first + rest.removeprefix("{}") == equations.tex("backprop-hidden")
    assert rest.startswith(r"{}\odot")
    assert scene.hidden_rule.get_left()[0] - scene.targets.get_right()[0] >= 0.4
    # the panel stays 0.4 clear of the frame's edges (24 px at 480p), the network too
    for m in (scene.work, scene.mats, scene.eq, scene.net, scene.head, scene.hidden_rule):
        assert m.get_left()[0] >= -7.111 + 0.4 and m.get_right()[0] <= 7.111 - 0.4


def test_update_shows_gdcores_changes_and_the_worked_edge():
    scene = rendered(BackpropLoop, upto="update")
    net, new = _gdcore()
    gW, gb = nn.backprop(net, X, Y)
    # the ΔW matrices are gdcore's update, new weights minus old, entry by entry; beside each,
    # Δb: gdcore's new biases minus old, −α δ
    assert "weights and biases" in scene.head.original_text
    # (as worked from the printed gradients and error terms: −α times each printed entry, so
    # within α half a unit of the last place of gdcore's exact change)
    p, half = WORK_PLACES, LR * 0.5 * 10**-WORK_PLACES + 1e-12
    for l, (gw_group, gb_group) in enumerate(scene.dmats):
        shown = [e.get_value() for e in gw_group[1].get_entries()]
        np.testing.assert_allclose(shown, (new.weights[l] - net.weights[l]).ravel(), rtol=0,
                                   atol=half)
        np.testing.assert_allclose(shown, np.round(-LR * np.round(gW[l], p), p).ravel(),
                                   atol=1e-12)
        shown_b = [e.get_value() for e in gb_group[1].get_entries()]
        np.testing.assert_allclose(shown_b, new.biases[l] - net.biases[l], rtol=0, atol=half)
        np.testing.assert_allclose(shown_b, np.round(-LR * np.round(gb[l], p), p), atol=1e-12)
        # under, not over, and set apart, each under its own name as the equations write
        # them, the = signs on one vertical: never one augmented matrix [ΔW | Δb]
        assert gw_group.get_bottom()[1] - gb_group.get_top()[1] >= DW_DB_GAP - 1e-9
        assert gb_group[0].get_right()[0] == pytest.approx(gw_group[0].get_right()[0])
        assert gw_group[0].tex_string == rf"\Delta W^{{({l + 1})}} ="
        assert gb_group[0].tex_string == rf"\Delta b^{{({l + 1})}} ="
        assert gb_group[0].get_right()[0] < gb_group[1].get_left()[0]
        # a change is written in ink with its sign
        for group in (gw_group, gb_group):
            for e in group[1].get_entries():
                assert e.get_color() == ManimColor(scene.theme.text)
        assert gb_group.get_right()[0] <= 7.111 - 0.4
        # no text over text: each row clear of the targets' labels beside the outputs
        for lab in scene.targets:
            apart = (gw_group.get_left()[0] - lab.get_right()[0],
                     lab.get_bottom()[1] - gw_group.get_top()[1],
                     gw_group.get_bottom()[1] - lab.get_top()[1])
            assert max(apart) >= 0.1, apart
    # the worked edge: w - α·∂J/∂w = w_new, with the numbers shown
    (la, ka), (_, jd) = WORKED
    w0, w1, g = net.weights[la][jd, ka], new.weights[la][jd, ka], gW[la][jd, ka]
    assert w0 - LR * g == pytest.approx(w1)
    tex = scene.w_line.tex_string
    # the key moment, large: the largest maths beside the network (digits 16 px tall at 480p,
    # the matrices' 14), inside the frame's margin, written as the rule w := w − α ∂J/∂w
    assert digit_px(scene.w_line) >= 16
    # in two lines, the result under the rule (on one it was wider than the panel, 5.7 units,
    # and reached 24 px from the frame's edge): 32 px or more in from it
    from scenes.backprop_loop import PANEL_W

    assert scene.w_line.get_right()[0] <= 7.111 - 32 * 8 / 480
    assert scene.w_line.width <= PANEL_W
    assert tex.startswith(rf"w^{{({la + 1})}}_{{{jd + 1}{ka + 1}}} &:= ")
    assert tex.count(r"\\") == 1 and r"\\ &= " in tex
    for v in (w0, g, w1):
        assert f"{v:.{WORK_PLACES}f}" in tex
    # the printed numbers add up: w − α g computed from the printed w and g prints w_new
    p = WORK_PLACES
    assert f"{float(f'{w0:.{p}f}') - LR * float(f'{g:.{p}f}'):.{p}f}" == f"{w1:.{p}f}"
    # every ΔW and Δb entry at the gradients' precision: −α times the printed entry
    for l, row in enumerate(scene.dmats):
        for group in row:
            assert group[1].get_entries()[0].num_decimal_places == p
        # what is printed is the product of what is printed: −α × 0.092 = −0.184, not the
        # exact change's −0.183
        shown = np.array([e.get_value() for e in row[0][1].get_entries()])
        printed_g = np.array([float(f"{v:.{p}f}") for v in gW[l].ravel()])
        assert [f"{v:.{p}f}" for v in shown] == [f"{-LR * v:.{p}f}" for v in printed_g]
    # the edges: widths ∝ |w_new|, colours by the sign of w_new, the key naming w
    wtop = max(float(np.abs(w).max()) for w in (*net.weights, *new.weights))
    w = scene.net.edge_values(new.weights)
    np.testing.assert_allclose(scene.net.edge_width, W_LO + (W_HI - W_LO) * np.abs(w) / wtop)
    np.testing.assert_allclose(scene.net.edge_rgb, [c.to_rgb() for c in scene.sign_colours(w)])
    assert [k[1].tex_string for k in scene.key] == ["w > 0", "w < 0"]
    # the ΔW entries stand a clear space apart: at least 8 px between neighbouring columns
    for gw_group, _ in scene.dmats:
        entries = gw_group[1].get_entries()
        cols = gw_group[1].get_columns()
        for left, right in zip(cols, cols[1:]):
            gap = min(r.get_left()[0] for r in right) - max(e.get_right()[0] for e in left)
            assert gap >= 8 * UNIT_PX, gap / UNIT_PX
        assert len(entries) == sum(len(c) for c in cols)


def test_the_update_draws_each_change_on_its_edge():
    """Between the gradients and the weights after, the edges show the change itself, gdcore's
    Δw = w_new − w: width ∝ |Δw| (the largest change W_HI), coloured by its sign in the sign
    colours (one colour, one sign) under the key of Δw; the weights before (the forward pass)
    and after are drawn at the weights' one scale under the key of w, and the note after says
    how small the changes are."""
    from scenes.backprop_loop import CHANGE_HOLD

    scene = rendered(BackpropLoop, upto="update")
    net, new = _gdcore()
    m = scene.net
    dw = m.edge_values([b - a for a, b in zip(net.weights, new.weights)])
    want_w = W_LO + (W_HI - W_LO) * np.abs(dw) / np.abs(dw).max()
    want_rgb = [c.to_rgb() for c in scene.sign_colours(dw)]
    assert {v > 0 for v in dw} == {True, False}  # both colours drawn
    notes = [n for n in scene.notes if n is not None]
    changes = [k for k, n in enumerate(notes)
               if np.allclose(n[2], want_w) and np.allclose(n[3], want_rgb)]
    assert changes, "no play ends with the edges showing Δw"
    assert {notes[k][4] for k in changes} == {r"\Delta w > 0"}  # keyed Δw while they show
    assert len(changes) >= 2  # turned to, then held (a wait of CHANGE_HOLD)
    # the worked update, read: written slowly, then held, never over the video check's 2 s of
    # stillness
    from scenes.backprop_loop import WORKED_IN

    assert WORKED_IN >= 2.0 and 1.5 <= CHANGE_HOLD < 2.0
    # the weights before, then the change, then the weights after, in that order
    wtop = max(float(np.abs(w).max()) for w in (*net.weights, *new.weights))
    before = W_LO + (W_HI - W_LO) * np.abs(m.edge_values(net.weights)) / wtop
    after = W_LO + (W_HI - W_LO) * np.abs(m.edge_values(new.weights)) / wtop
    k_before = max(k for k, n in enumerate(notes[:changes[0]]) if np.allclose(n[2], before))
    k_after = min(k for k, n in enumerate(notes) if k > changes[-1] and np.allclose(n[2], after))
    assert notes[k_before][4] == notes[k_after][4] == "w > 0"
    # the largest change, in the note after, gdcore's 0.191 written for people
    assert round(float(np.abs(dw).max()), 3) == 0.191 and scene.dw_top == "0.19"
    assert r"the largest $|\Delta w| = 0.19$" in scene.note.original_text


def test_last_frame_is_the_updated_network():
    scene = rendered(BackpropLoop)
    net, new = _gdcore()
    acts = [a[0] for a in nn.forward(new, X)]
    for (l, i), num in scene.net.values.items():
        assert num.get_value() == acts[l][i]
    wtop = max(float(np.abs(w).max()) for w in (*net.weights, *new.weights))
    w = scene.net.edge_values(new.weights)
    np.testing.assert_allclose(scene.net.edge_width, W_LO + (W_HI - W_LO) * np.abs(w) / wtop)
    assert nn.loss(new, X, Y) < nn.loss(net, X, Y)
    assert scene.r["loss_after"] == nn.loss(new, X, Y)


def _segment_hits_box(a, b, box, steps=400) -> bool:
    """Whether the segment a-b passes through the box (x0, y0, x1, y1)."""
    x0, y0, x1, y1 = box
    for s in np.linspace(0.0, 1.0, steps):
        x, y = a[0] + s * (b[0] - a[0]), a[1] + s * (b[1] - a[1])
        if x0 <= x <= x1 and y0 <= y <= y1:
            return True
    return False


def test_worked_edge_labelled_with_a_leader_before_and_after():
    scene = rendered(BackpropLoop, upto="update")
    net, new = _gdcore()
    (la, ka), (_, jd) = WORKED
    tag, num = scene.tag, scene.tag[1]
    # the label read gdcore's weight before the update, and reads it after, each written as
    # the worked line writes it (one change: the old number swapped for the new)
    p, line = WORK_PLACES, scene.w_line.tex_string
    before, after = latex(net.weights[la][jd, ka], p), latex(new.weights[la][jd, ka], p)
    assert (scene.tag_before.tex_string, num.tex_string) == (before, after)
    assert before != after
    assert f"{before} - " in line and line.endswith(f"= {after}")
    assert before == "1.304" and after == "1.156"  # worked by hand from gdcore's values
    assert tag[0].tex_string.startswith("w")
    # in clear room, under the layers' heads (12 px and more), crossing no edge (its own
    # included) and no neuron (6 px and more clear of every outline)
    m = scene.net
    box = (tag.get_left()[0], tag.get_bottom()[1], tag.get_right()[0], tag.get_top()[1])
    assert min(h.get_bottom()[1] for h in scene.heads.values()) - box[3] >= 0.2
    for e in m.edge_ids:
        p, q = (np.asarray(x)[:2] for x in m.edge(e).get_start_and_end())
        assert not _segment_hits_box(p, q, box), e
    for n in m.neuron_ids:
        c = m.point(*n)[:2]
        nearest = np.clip(c, box[:2], box[2:])
        assert np.linalg.norm(c - nearest) > m.radius + 0.1, n
    # its short leader (under 60 px at 480p) runs from its left end to the worked edge, just
    # short of the edge's ink at its widest (W_HI), and passes over no other edge nor neuron
    s, t = (np.asarray(x)[:2] for x in scene.leader.get_start_and_end())
    assert np.linalg.norm(s - np.array(tag.get_left()[:2])) < 0.1
    assert np.linalg.norm(t - s) < 1.0
    a, b = (np.asarray(p)[:2] for p in m.edge(WORKED).get_start_and_end())
    u = (b - a) / np.linalg.norm(b - a)
    off = abs(float(np.cross(u, t - a)))  # the tip's distance from the edge's centre line
    assert 0.5 * STROKE_UNIT * W_HI < off < 0.5 * STROKE_UNIT * W_HI + 0.15
    assert 0 < float(np.dot(t - a, u)) < np.linalg.norm(b - a)
    for k in np.linspace(0.0, 1.0, 200):
        x = s + k * (t - s)
        for n in m.neuron_ids:
            assert np.linalg.norm(x - m.point(*n)[:2]) > m.radius + 0.1, n
        for e in m.edge_ids:
            if e == WORKED:
                continue
            p, q = (np.asarray(y)[:2] for y in m.edge(e).get_start_and_end())
            v = (q - p) / np.linalg.norm(q - p)
            along = float(np.dot(x - p, v))
            if 0 <= along <= np.linalg.norm(q - p):
                assert abs(float(np.cross(v, x - p))) > 0.5 * STROKE_UNIT * W_HI, e
    others = [*scene.heads.values(), scene.targets, scene.note, scene.title, scene.head,
              scene.eq, scene.key, *m.values.values()]
    for o in others:
        clear = (o.get_right()[0] < box[0] or o.get_left()[0] > box[2]
                 or o.get_top()[1] < box[1] or o.get_bottom()[1] > box[3])
        assert clear, o


def _values_inside(scene):
    """Every value shown in a neuron lies inside its circle's outline, VALUE_CLEAR_PX clear."""
    m = scene.net
    assert m.values
    for n, num in m.values.items():
        c = m.point(*n)[:2]
        corners = [num.get_corner(d)[:2] for d in ((-1, -1, 0), (-1, 1, 0), (1, -1, 0), (1, 1, 0))]
        far = max(float(np.linalg.norm(q - c)) for q in corners)
        inner = m.radius - 0.5 * STROKE_UNIT * m.stroke_width[m._n_index[n]]
        assert (inner - far) / UNIT_PX >= VALUE_CLEAR_PX, (n, num.get_value())


@pytest.mark.parametrize("upto", ("backward", "update", None))
def test_every_value_fits_inside_its_circle(upto):
    scene = rendered(BackpropLoop, **({} if upto is None else {"upto": upto}))
    _values_inside(scene)
    # every value the network computes at one precision, the worked numbers' (a = 0.515 as in
    # a·δ); the inputs as people write them (1 and 0.5)
    values = scene.net.values
    assert [values[n].num_decimal_places for n in scene.net.layer_neurons(0)] == [0, 1]
    for (l, _), num in values.items():
        assert l == 0 or num.num_decimal_places == WORK_PLACES


def test_activation_fills_keep_their_values_legible():
    net, new = _gdcore()
    for theme in (LIGHT, DARK):
        for acts in (nn.forward(net, X), nn.forward(new, X)):
            for a in acts[1:]:
                fills, inks = activation_look(theme, a[0])
                for f, ink in zip(fills, inks):
                    assert contrast(f, ink) >= 7.0, (theme.name, f, ink)
                    # each theme's own scale: greys between its page and its text, nearer the
                    # page, the value in the text's ink (never dark numerals on near-white
                    # discs on the dark page)
                    assert ink == theme.text, (theme.name, f, ink)
                    assert contrast(f, theme.background) < contrast(f, theme.text), f
                # a neutral ramp (no edge's hue), darker or lighter as a grows
                assert all(abs(c[0] - c[1]) < 0.02 and abs(c[1] - c[2]) < 0.02
                           for c in map(rgb, fills))
                lum = [contrast(f, theme.background) for f in fills]
                assert np.all(np.diff(np.array(lum)[np.argsort(a[0])]) >= 0)
    # after each forward pass (the first's values, 0.515 among them, held 11 s from the error
    # to the backward pass; the last frame's): the circles filled and their values inked as
    # activation_look says, each value in the ink its fill needs
    for upto, net_ in (("error", net), (None, new)):
        scene = rendered(BackpropLoop, **({} if upto is None else {"upto": upto}))
        acts, m = [a[0] for a in nn.forward(net_, X)], scene.net
        for l in (1, 2):
            fills, inks = activation_look(scene.theme, acts[l])
            for i, (f, ink) in enumerate(zip(fills, inks)):
                np.testing.assert_allclose(m.fill_rgb[m._n_index[(l, i)]], rgb(f))
                num = m.values[(l, i)]
                assert num.get_value() == acts[l][i]
                assert num.get_color().to_hex().lower() == ink.lower()
                assert contrast(num.get_color().to_hex(), f) >= 7.0
    scene = rendered(BackpropLoop)
    acts, m = [a[0] for a in nn.forward(new, X)], scene.net
    for l in (1, 2):
        fills, inks = activation_look(scene.theme, acts[l])
        for i, (f, ink) in enumerate(zip(fills, inks)):
            np.testing.assert_allclose(m.fill_rgb[m._n_index[(l, i)]], rgb(f))
            assert m.values[(l, i)].get_color().to_hex().lower() == ink.lower()


def test_the_key_names_what_the_edges_show():
    """While every edge shows its gradient the key is the gradient's sign key alone (blue
    ∂J/∂w > 0, rust ∂J/∂w < 0, the weights' pair): the sign key of w is gone, not left faint;
    each edge takes the colour of its gradient's sign (both drawn), never the error's red; and
    the key of w is back with the weights after the update."""
    gone = rendered(BackpropLoop, upto="backward")
    t, m = gone.theme, gone.net
    assert gone.key in gone.mobjects
    assert [k[1].tex_string for k in gone.key] == [rf"{GRAD} > 0", rf"{GRAD} < 0"]
    assert [k[0].get_color() for k in gone.key] == gone.sign_colours([1.0, -1.0])
    net, _ = _gdcore()
    g = m.edge_values(nn.backprop(net, X, Y)[0])
    assert {v > 0 for v in g} == {True, False}
    np.testing.assert_allclose(m.edge_rgb, [c.to_rgb() for c in gone.sign_colours(g)])
    assert not any(np.allclose(c, rgb(t.error)) for c in m.edge_rgb)
    back = rendered(BackpropLoop, upto="update")
    assert back.key in back.mobjects
    assert all(s.get_stroke_opacity() == 1.0 for s in back.key.family_members_with_points()
               if s.get_stroke_width() > 0)


@pytest.mark.parametrize("upto", ("backward", "update"))
def test_the_first_cost_stays_parked_in_view(upto):
    """J = C₁ = gdcore's cost, kept in the top left corner from the backward pass on, clear of
    the title and 24 px inside the frame."""
    scene = rendered(BackpropLoop, upto=upto)
    net, _ = _gdcore()
    assert scene.loss0 in scene.mobjects
    assert f"{nn.loss(net, X, Y):.3f}" in scene.loss0.tex_string
    assert scene.loss0.get_left()[0] >= -64 / 9 + 0.4 - 1e-9
    assert scene.loss0.get_top()[1] <= 4 - 0.4 + 1e-9
    assert scene.loss0.get_right()[0] < scene.title.get_left()[0]


def _shown_maths(scene) -> tuple[str, ...]:
    """The LaTeX of every piece of maths on screen (drawn with some ink), each once (not again
    for the parts of a MathTex that carry its string)."""
    out = []
    maths = [m for m in scene.get_mobject_family_members()
             if getattr(m, "tex_string", None) is not None]
    parts = {id(p) for m in maths for p in m.get_family()[1:]}
    for m in maths:
        tex = m.tex_string
        if id(m) in parts:
            continue
        ink = [max(p.get_fill_opacity(), p.get_stroke_opacity())
               for p in m.family_members_with_points()]
        if ink and max(ink) > 0:
            out.append(tex)
    return tuple(out)


def _edge_looks(scene):
    """What each edge may show, by name: its width and colour for the weights before ("w")
    and after ("w_new") at their one scale, for its gradient ("g") and its change ("dw") each
    at its own (the largest W_HI), all in the sign colours, and at rest ("rest", muted)."""
    net, new = _gdcore()
    m = scene.net
    wtop = max(float(np.abs(w).max()) for w in (*net.weights, *new.weights))
    looks = {}
    for name, mats, top in (("w", net.weights, wtop), ("w_new", new.weights, wtop),
                            ("g", nn.backprop(net, X, Y)[0], None),
                            ("dw", [b - a for a, b in zip(net.weights, new.weights)], None)):
        v = m.edge_values(mats)
        top = np.abs(v).max() if top is None else top
        looks[name] = (W_LO + (W_HI - W_LO) * np.abs(v) / top,
                       np.array([c.to_rgb() for c in scene.sign_colours(v)]))
    looks["rest"] = (np.full(len(m.edge_ids), REST_WIDTH),
                     np.tile(rgb(scene.theme.muted), (len(m.edge_ids), 1)))
    return looks


def _edge_shows(looks, widths, colours) -> list:
    """The name of the look each edge has (None for none of them)."""
    out = []
    for k in range(len(widths)):
        out.append(next((name for name, (w, c) in looks.items()
                         if np.isclose(widths[k], w[k]) and np.allclose(colours[k], c[k])),
                        None))
    return out


def _watch(scene):
    """After a play: whether the worked edge shows its gradient, whether the rule
    ∂J/∂w = a·δ is on screen, the edges, the sign key, the maths on screen, the step's
    heading and the neurons past the inputs that show a number (None before the network is
    drawn)."""
    net = getattr(scene, "net", None)
    if net is None or net.edge_group not in scene.get_mobject_family_members():
        return None
    k = net._e_index[WORKED]
    g = _edge_looks(scene)["g"]
    red = (np.isclose(net.edge_width[k], g[0][k]) and np.allclose(net.edge_rgb[k], g[1][k]))
    rule = equations.tex_numbered("backprop-grad", OUT, one_example=True)
    shown = any(getattr(m, "tex_string", None) == rule
                for m in scene.get_mobject_family_members())
    key = getattr(scene, "key", None)
    key = key[0][1].tex_string if key is not None and key in scene.mobjects else None
    head = getattr(scene, "head", None)
    numbers = [mob for mob in scene.get_mobject_family_members()
               if isinstance(mob, DecimalNumber)
               and max((p.get_fill_opacity() for p in mob.family_members_with_points()),
                       default=0.0) > 0]
    valued = sorted({n for n in net.neuron_ids if n[0] > 0 for mob in numbers
                     if np.linalg.norm(mob.get_center() - net.point(*n)) < net.radius})
    return (red, shown, net.edge_width.copy(), net.edge_rgb.copy(), key, _shown_maths(scene),
            None if head is None else head.original_text, valued)


WATCHERS[BackpropLoop] = _watch


def _runs(flags) -> int:
    """How many separate stretches of True a sequence holds."""
    flags = [False, *flags]
    return sum(1 for a, b in zip(flags, flags[1:]) if b and not a)


def test_the_worked_gradient_and_its_rule_arrive_once_and_stay_while_used():
    """No out-and-back: the worked edge takes its gradient once (the first drawn) and keeps
    it until the update; the rule ∂J/∂w = a·δ comes once and stays until the update."""
    scene = rendered(BackpropLoop, upto="backward")
    red, shown = zip(*(n[:2] for n in scene.notes if n is not None))
    assert _runs(red) == 1 and red[-1]
    assert _runs(shown) == 1 and shown[-1]
    # the edge is red from the play that first shows the rule on: the two arrive together
    assert red.index(True) - shown.index(True) in (0, 1)


def test_the_example_index_and_the_layer_index_never_clash():
    """One example, so the equations sheet's per-example cost Cᵢ is J: the video writes J only
    (no second cost symbol), and a numbered C₁ beside the layers' a⁽¹⁾ is never written, in the
    video nor in the still; the last layer is written (2), as the layers are labelled: L is
    never shown undefined."""
    from figures.backprop_loop import __doc__ as still_doc

    scene = rendered(BackpropLoop)
    words = [w for section in scene.caption_log for _, _, w in section["words"]]
    assert not [w for w in words if "C_i" in w]
    # the cost in one form, J = ½‖a⁽²⁾ − y‖², in step 2 as in step 5
    assert equations.tex_numbered("per-example-cost", OUT, one_example=True) in words
    assert equations.tex_numbered("per-example-cost", OUT) not in words
    assert equations.tex_numbered("backprop-delta", OUT) in words
    assert not [w for w in words if "C_1" in w or "C₁" in w or "(L)" in w]
    assert "C₁" not in still_doc and "J = Cᵢ" in still_doc


def test_one_cost_symbol_on_screen():
    """The cost is written J throughout, never Cᵢ (one example: the per-example cost is J).
    Never two readouts of J at once: the parked J fades with the update's panel, and the costs
    before and after are compared under one J (J = 0.543 → 0.340)."""
    import re

    scene = rendered(BackpropLoop)
    shown = [n[5] for n in scene.notes if n is not None]
    for k, s in enumerate(shown):
        assert not [t for t in s if "C_i" in t], (k, s)
        assert not [t for t in s if "(L)" in t], (k, s)
        readouts = [t for t in s if re.fullmatch(r"J = -?[0-9.]+", t)]
        assert len(readouts) == len(set(readouts)), (k, readouts)
    seen = {t for s in shown for t in s}
    assert r"J = 0.543" in seen and any(r"\partial J" in t for t in seen)
    end = scene.notes[-1][5]
    assert [t for t in end if re.fullmatch(r"J = -?[0-9.]+", t)] == ["J = 0.543"]
    assert "0.340" in end
    # through the second forward pass no value of J is on screen: the parked one is stale
    again = scene.caption_log[-1]["start"]
    during = [n[5] for n, t0 in zip(scene.notes, scene.starts) if n is not None and t0 >= again]
    # (the last four plays: the comparison, its words, the hold, the closing hold)
    assert len(during) > 5 and scene.closing > 0
    assert not any(re.fullmatch(r"J = -?[0-9.]+", t) for s in during[:-4] for t in s)


def test_the_output_errors_are_the_slow_held_key_moment():
    """The outputs' δ⁽ᴸ⁾ swap in over a play longer than any play of the forward pass and
    stay on screen, unchanged, at least 3 s before the chain rule's numbers are set."""
    scene = rendered(BackpropLoop, upto="backward")
    words = [(t, w) for section in scene.caption_log for t, _, w in section["words"]]
    k = next(k for k, (_, w) in enumerate(words) if w == r"\delta^{(2)}")
    held = words[k + 1][0] - words[k][0]
    assert held >= 3.0 and held == pytest.approx(DELTA_SWAP + DELTA_HOLD)
    starts, lengths = np.array(scene.starts), np.array(scene.lengths)
    in_forward = lengths[starts < scene.caption_log[1]["start"]]
    assert DELTA_SWAP > in_forward.max()


def test_the_forward_passes_formula_is_set_at_the_worked_updates_size():
    """a = σ(Σ wⱼxⱼ + b), σ(z) = 1/(1 + e⁻ᶻ), too wide for the panel at the worked update's
    size, is set at that size in two lines (one relation each), not shrunk to the panel's
    width (29.5: digits 11 px and lower-case letters 8 px tall at 480p); inside the margin and
    right of the targets' column."""
    from scenes.backprop_loop import LINE_BREAK, PANEL_MATHS, PANEL_W, WORKED_SIZE

    scene = rendered(BackpropLoop, upto="forward")
    lines = scene.eq[0]
    whole = equations.tex_numbered("sigmoid-neuron", OUT, one_example=True)
    assert [m.tex_string for m in lines] == whole.split(LINE_BREAK) and len(lines) == 2
    for m in lines:
        assert m.font_size == pytest.approx(PANEL_MATHS) and PANEL_MATHS >= WORKED_SIZE
        assert m.get_left()[0] >= scene.net.get_right()[0] and m.width <= PANEL_W
        assert m.get_right()[0] <= 64 / 9 - 0.4
    assert lines[0].get_bottom()[1] > lines[1].get_top()[1]


def test_layer_heads_read_and_stand_clear_of_their_neurons():
    scene = rendered(BackpropLoop, upto="forward")
    m = scene.net
    for l, head in scene.heads.items():
        assert digit_px(head) >= 14  # the house measure, a digit at its size, at 480p
        top = max(float(m.neuron(l, i).get_top()[1]) for i in range(SIZES[l]))
        assert head.get_bottom()[1] - top >= 0.2, l  # 12 px of page between head and circle
        assert abs(head.get_x() - m.point(l, 0)[0]) < 1e-9  # over its own column


def test_the_forward_passes_ink_front_is_keyed_while_it_runs():
    """The forward pass's front runs in ink, which the sign key does not name: a key "forward
    pass" with an ink swatch stands on the sign key's line, right of it, inside the frame,
    while the forward pass runs, and leaves with it."""
    scene = rendered(BackpropLoop, upto="forward")
    key, sign = scene.fkey, scene.key
    assert key in scene.mobjects and key[1].original_text == "forward pass"
    assert key[0].get_color().to_hex().lower() == scene.theme.text.lower()
    assert key.get_left()[0] > sign.get_right()[0] + 0.3
    assert abs(key[0].get_y() - sign[0][0].get_y()) < 1e-6
    assert key.get_bottom()[1] >= -4 + 0.4 and key.get_right()[0] <= 64 / 9 - 0.4
    assert key not in rendered(BackpropLoop, upto="error").mobjects


def test_the_hidden_activations_give_way_to_their_error_terms():
    """No glyph drawn through another: each hidden value fades out whole, then its δ
    (gdcore's) fades in in its place, and the label a⁽¹⁾ likewise into δ⁽¹⁾, in one play
    (out_then_in): the two are never seen at once."""
    from manim import FadeIn, FadeOut

    from scenes.backprop_loop import OUT_IN_GAP

    scene = rendered(BackpropLoop, upto="backward")
    net, _ = _gdcore()
    _, gb = nn.backprop(net, X, Y)
    acts = nn.forward(net, X)[1][0]
    morph = scene.hidden_morph
    assert len(morph) == 2 * (SIZES[1] + 1)
    pairs = list(zip(morph[::2], morph[1::2]))
    assert all(type(o) is FadeOut and type(n) is FadeIn for o, n in pairs)
    for i, (out, into) in enumerate(pairs[:-1]):
        assert out.mobject.get_value() == acts[i]  # from the activation a⁽¹⁾ …
        assert into.mobject is scene.net.values[(1, i)]  # … to its δ⁽¹⁾ in that circle
        assert into.mobject.get_value() == gb[0][i]
    out, into = pairs[-1]
    assert out.mobject.tex_string == "a^{(1)}" and into.mobject is scene.heads[1]
    assert OUT_IN_GAP > 0
    for out, into in pairs:
        # the old one wholly gone before the new one starts to show
        assert out.rate_func(0.5 - OUT_IN_GAP / 2) == 1 and into.rate_func(0.5) == 0
        for a in np.linspace(0, 1, 61):
            assert out.rate_func(a) == 1 or into.rate_func(a) == 0, a
    assert scene.heads[1].tex_string == r"\delta^{(1)}"


def test_one_update_row_at_a_time_clear_of_the_network():
    """The update's pairs (ΔW⁽ˡ⁾ and Δb⁽ˡ⁾ of one layer) come one at a time in one place: the
    one left at the end is the last layer's turn; each pair stands in the right-hand text
    column, a clear line (24 px at 480p) right of the targets' labels and under the worked
    update line, 12 px from the last output's circle, and a clear line right of the note under
    the network (under y₂ its name began 10 px after the note's end): inside the frame's
    margin."""
    scene = rendered(BackpropLoop, upto="update")
    (la, _), _ = WORKED
    assert scene.dmat_shown is scene.dmats[[l for l in range(len(scene.dmats)) if l != la][-1]]
    ys = {round(float(row[0][0].get_y()), 6) for row in scene.dmats}
    assert len(ys) == 1
    last = scene.net.neuron(len(SIZES) - 1, SIZES[-1] - 1)

    def apart(a, b):
        return max(a.get_left()[0] - b.get_right()[0], b.get_left()[0] - a.get_right()[0],
                   a.get_bottom()[1] - b.get_top()[1], b.get_bottom()[1] - a.get_top()[1])

    line = 24 * 8 / 480 - 1e-9
    for row in scene.dmats:
        for lab in scene.targets:
            assert apart(row, lab) >= line, (lab, apart(row, lab))
        assert apart(row, last) >= 12 * 8 / 480 - 1e-9
        assert row.get_bottom()[1] >= -4 + 24 * 8 / 480
    for row in scene.dmats:
        assert row.get_left()[0] - scene.targets.get_right()[0] >= line
        assert scene.w_line.get_bottom()[1] - row.get_top()[1] >= line
        assert row.get_left()[0] - scene.note.get_right()[0] >= line
        assert row.get_right()[0] <= 64 / 9 - 32 * 8 / 480


def test_inputs_targets_and_cost_written_for_people_in_ink():
    """The inputs as people write them (1 and 0.5, never 1.000 and 0.500); the targets and
    the cost in ink: red is the error's (its δ and gradients) alone."""
    scene = rendered(BackpropLoop, upto="error")
    t, m = scene.theme, scene.net
    shown = [m.values[n] for n in m.layer_neurons(0)]
    assert [num.num_decimal_places for num in shown] == [0, 1]
    assert [round(num.get_value(), 6) for num in shown] == [1.0, 0.5]
    for mob in (*scene.targets, scene.loss0):
        assert mob.get_color().to_hex().lower() == t.text.lower()


def test_one_quantity_on_the_edges_at_a_time_under_its_key():
    """After every play each edge shows one quantity, and all edges the same one (or rest):
    the weights before, then (the weights' key and note gone as the backward pass is named)
    rest, the gradients edge by edge as they are found, the changes, the weights after; the
    key always names what is drawn, and while the edges rest there is no key at all."""
    scene = rendered(BackpropLoop)
    looks = _edge_looks(scene)
    keys = {"w": "w > 0", "w_new": "w > 0", "g": rf"{GRAD} > 0", "dw": r"\Delta w > 0"}
    seen = []
    for n in scene.notes:
        if n is None:
            continue
        shows = _edge_shows(looks, n[2], n[3])
        assert None not in shows, shows
        drawn = set(shows) - {"rest"}
        assert len(drawn) <= 1, drawn
        what = drawn.pop() if drawn else "rest"
        assert n[4] == keys.get(what), (what, n[4])
        if not seen or seen[-1] != what:
            seen.append(what)
    assert seen == ["w", "rest", "g", "dw", "w_new"]


def test_the_error_terms_leave_before_the_update():
    """The neurons' δ mean nothing to the update (it uses the gradients, on the edges and in
    the matrices): from the play that names the update on, no neuron past the inputs shows a
    number and no label δ⁽ˡ⁾ stands over a layer, until the second forward pass writes its
    activations; while the backward pass ends, every one of them showed its δ."""
    scene = rendered(BackpropLoop)
    notes = [n for n in scene.notes if n is not None]
    heads = [n[6] or "" for n in notes]
    # the play that names the update is the last noted under the backward pass's heading (a
    # step's heading is kept once its play is over)
    k = max(i for i, h in enumerate(heads) if h.startswith("3"))
    assert equations.tex_numbered("update-w", OUT, one_example=True) in notes[k][5]
    update = [notes[k], *(n for n, h in zip(notes, heads) if h.startswith("4"))]
    assert len(update) > 4
    for n in update:
        assert n[7] == [], n[7]
        assert not [t for t in n[5] if t.startswith(r"\delta^{(")], n[5]
    hidden = [n for n in scene.net.neuron_ids if n[0] > 0]
    assert notes[k - 1][7] == hidden
    assert {r"\delta^{(1)}", r"\delta^{(2)}"} <= set(notes[k - 1][5])
