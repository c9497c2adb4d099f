"""What the network, sampling and equation figures show, read back from their artists."""

from __future__ import annotations

import inspect
import itertools
import re
from functools import cache

import numpy as np
import pytest
from figure_baselines import figure
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.colors import to_rgba
from matplotlib.lines import Line2D
from matplotlib.text import Text
from mpl_toolkits.mplot3d import proj3d

from gdcore import data, nn, sampling
from gdcore.networks import BACKPROP, CONNECTION_TWEAK, DROPOUT
from gdviz import equations, numbers, views
from gdviz import mpl as gm
from gdviz import network_draw as nd
from gdviz import theme as th
from gdviz.colors import mix
from gdviz.network_layout import LOOP_LAYOUT, SIGN_STRENGTH, layout, sign_color
from gdviz.vision import CVD, seen

THEMES = ("light", "dark")
NAMES = ("connection_tweak", "tiny_networks", "mnist_network", "backprop_loop", "dropout",
         "gradient_check", "sampling_grid_2d", "sampling_grid_3d", "guess_explosion",
         "lonely_space", "equations")


@cache
def mod(name):
    return gm.load(f"figures.{name}")


def fig(name, theme):
    return figure(name, theme)


def texts(f_or_ax) -> list[str]:
    return [t.get_text() for t in f_or_ax.findobj(Text) if t.get_visible()]


def alltext(f_or_ax) -> str:
    return "\n".join(texts(f_or_ax))


def collections(ax, gid):
    return [c for c in ax.collections if isinstance(c, LineCollection) and c.get_gid() == gid]


def same_color(a, b) -> bool:
    return np.allclose(to_rgba(a)[:3], to_rgba(b)[:3], atol=1e-3)


def n_segments(ax, gid) -> int:
    return sum(len(c.get_segments()) for c in collections(ax, gid))


# --- every figure ---------------------------------------------------------------------------
@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("theme", THEMES)
def test_builds_at_text_width_without_overlaps(name, theme):
    f = fig(name, theme)
    t = th.get(theme)
    w, h = f.get_size_inches()
    assert w == pytest.approx(t.text_width) and 0 < h <= t.max_height
    assert same_color(f.get_facecolor(), t.background)
    if theme == "light":  # same geometry in both themes: measure once
        FigureCanvasAgg(f)
        assert gm.text_overlaps(f) == []


@pytest.mark.parametrize("name", NAMES)
def test_words_are_filled_from_facts(name):
    doc = gm.doc_of(mod(name))
    assert doc.title and doc.caption and doc.alt
    assert "{" not in doc.caption + doc.alt and "}" not in doc.caption + doc.alt


# --- connection-tweak -----------------------------------------------------------------------
@pytest.mark.parametrize("theme", THEMES)
def test_connection_tweak_highlights_exactly_the_downstream_neurons(theme):
    m, t = CONNECTION_TWEAK, th.get(theme)
    ax = fig("connection_tweak", theme).axes[0]
    circles = nd.drawn_neurons(ax)
    assert len(circles) == sum(m.sizes) == 31
    # the changed neurons ringed in ink (a neutral outline, never a colour of the Δa ramp)
    lit = {n for n, c in circles.items() if same_color(c.get_edgecolor(), t.text)}
    expected = nn.downstream(m.sizes, m.layer, m.j, m.i)
    assert lit == set(expected) == set(m.run()[1])
    assert (m.layer + 1, m.j) in lit and all((3, k) in lit for k in range(m.sizes[3]))
    # the edges: the tweaked one, its neuron's 8 outgoing ones, all 8 x 5 of the last layer
    assert n_segments(ax, "edge-tweak") == 1
    assert n_segments(ax, "edges-change") == m.sizes[2] + m.sizes[2] * m.sizes[3]
    assert n_segments(ax, "edges-quiet") == nn.weight_count(m.sizes) - 1 - 48
    (tw,) = collections(ax, "edge-tweak")
    assert same_color(tw.get_colors()[0], t.accent)


@pytest.mark.parametrize("theme", THEMES)
def test_connection_tweak_fill_follows_the_activation_change(theme):
    m, t = CONNECTION_TWEAK, th.get(theme)
    f = fig("connection_tweak", theme)
    circles = nd.drawn_neurons(f.axes[0])
    net = nn.init_mlp(m.sizes, seed=m.seed)
    changes = nn.activation_changes(net, m.x_input, m.layer, m.j, m.i, m.delta)
    lit = sorted(m.run()[1], key=lambda n: changes[n[0]][n[1]])
    bg = np.array(to_rgba(t.background)[:3])
    dist = [np.linalg.norm(np.array(circles[n].get_facecolor()[:3]) - bg) for n in lit]
    assert np.all(np.diff(dist) >= -1e-9)  # bigger change, stronger fill
    # from the faintest tint that still reads (3:1) through the accent to the accent taken
    # towards the text colour: deepened in print, lifted on the dark page
    ct = mod("connection_tweak")
    deep = np.array(to_rgba(mix(t.accent, t.text, ct.RAMP_DEEP if theme == "light"
                                else ct.RAMP_LIFT))[:3])
    assert max(dist) == pytest.approx(np.linalg.norm(deep - bg), abs=1e-6)
    # the ramp spans lightness on both pages: the most and the least changed fills differ
    # 4:1 (on the dark page brown to tan, 3.6:1, read the downstream neurons alike)
    ends = [tuple(circles[n].get_facecolor()[:3]) for n in (lit[0], lit[-1])]
    assert th.contrast(*ends) >= 4.0
    cbar_ax = f.axes[1]
    assert "Delta a" in cbar_ax.get_ylabel()
    vals = [changes[l][k] for l, k in lit]
    low = 10.0 ** np.floor(np.log10(min(vals)))
    assert cbar_ax.get_ylim() == pytest.approx((low, max(vals)))
    # every highlighted neuron reads as a mark: its fill keeps 3:1 (WCAG) against the page,
    # the least changed one (second hidden layer, sixth neuron) too
    fills = {n: th.contrast(tuple(circles[n].get_facecolor()[:3]), t.background) for n in lit}
    assert min(fills.values()) >= th.LINE_CONTRAST
    assert fills[lit[0]] == pytest.approx(th.LINE_CONTRAST, abs=0.05) and lit[0] == (2, 5)
    # one tick per decade, from the decade under the least change, as powers of ten
    labels = [x.get_text() for x in cbar_ax.get_yticklabels()]
    assert labels == ["$10^{-3}$", "$10^{-2}$", "$10^{-1}$"]


# --- tiny-networks --------------------------------------------------------------------------
@pytest.mark.parametrize("theme", THEMES)
def test_tiny_networks(theme):
    f = fig("tiny_networks", theme)
    axes = f.axes
    assert len(axes) == 2
    for ax, n in zip(axes, (2, 3)):
        assert len(nd.drawn_neurons(ax)) == n + 1
        assert n_segments(ax, "edges") == n == nn.weight_count([n, 1])
        words = texts(ax)
        for i in range(1, n + 1):
            assert f"$w_{i}$" in words and f"$x_{i}$" in words
        assert f"$w_{n + 1}$" not in words
        assert ax.get_title() == f"{n} inputs, {n} weights"
        # every neuron neutral (no role colour: nothing is highlighted)
        t = th.get(theme)
        assert all(same_color(c.get_edgecolor(), t.muted) for c in nd.drawn_neurons(ax).values())
        # the edges as every sparse network's (dropout's): EDGE, thinner than a ring, in muted
        (edges,) = collections(ax, "edges")
        assert set(edges.get_linewidths()) == {nd.EDGE} and nd.EDGE < nd.RING
        assert same_color(edges.get_edgecolor()[0], t.muted)
        # each weight's name lies nearer its own edge than any other edge
        lay = mod("tiny_networks")._layout((n, 1))
        for i in range(n):
            (lab,) = [x for x in ax.texts if x.get_gid() == f"w{i + 1}"]
            p = np.array(lab.get_position())
            d = []
            for k in range(n):
                a_, b_ = (np.array(q) for q in lay.segment(((0, k), (1, 0))))
                u = np.clip(np.dot(p - a_, b_ - a_) / np.dot(b_ - a_, b_ - a_), 0, 1)
                d.append(np.linalg.norm(p - (a_ + u * (b_ - a_))))
            assert int(np.argmin(d)) == i
            # and on its outer side: above an edge that falls to the output or runs level,
            # below one that rises to it, in both networks alike
            a_, b_ = (np.array(q) for q in lay.segment(((0, i), (1, 0))))
            edge_y = a_[1] + (p[0] - a_[0]) / (b_[0] - a_[0]) * (b_[1] - a_[1])
            if a_[1] < b_[1] - 1e-9:
                assert lab.get_va() == "top" and p[1] < edge_y
            else:
                assert lab.get_va() == "bottom" and p[1] > edge_y
        (formula,) = [x for x in ax.texts if x.get_gid() == "formula"]
        assert "b" not in formula.get_text().replace("$", "").split("=")[-1]
        # the house's model form, f(x) = … (equations' model-vector)
        assert formula.get_text().startswith("$f(x) =")
        assert equations.tex("model-vector").startswith("f(x) =")
        # the formula in ink, at the text size, as the network's own names
        (formula,) = [x for x in ax.texts if x.get_gid() == "formula"]
        assert same_color(formula.get_color(), t.text)
        assert formula.get_fontsize() == t.font_size
    # each network fills its half of the page: its drawing spans most of the half's width
    f.canvas.draw()
    for ax in f.axes:
        ink = [c.get_window_extent() for c in nd.drawn_neurons(ax).values()]
        span = max(b.x1 for b in ink) - min(b.x0 for b in ink)
        assert span > 0.85 * f.bbox.width / 2


# --- mnist-network --------------------------------------------------------------------------
@pytest.mark.parametrize("theme", THEMES)
def test_mnist_network_counts(theme):
    ax = fig("mnist_network", theme).axes[0]
    s = alltext(ax)
    w0, w1 = nn.layer_weight_counts([784, 15, 10])
    p = nn.parameter_count([784, 15, 10])
    # the sums set as maths: ×, + and = in the maths face, the separators braced
    assert f"$784 \\times 15 = {w0:,}$ weights".replace(",", "{,}") in s and "11{,}760" in s
    assert "$15 \\times 10 = 150$ weights" in s and w1 == 150
    assert "×" not in s
    n_w = nn.weight_count([784, 15, 10])
    assert p - n_w == 25 and n_w == w0 + w1 == 11_910
    assert "784 inputs" in s and "15 hidden" in s and "10 outputs" in s
    # one sum, no equation nested in brackets: the weights, then the biases to the total
    (total,) = [x.get_text() for x in ax.texts if x.get_gid() == "total"]
    # the biases added in words ("plus 25"), not a sign set as a binary operator on nothing
    assert total == "$11{,}760 + 150 = 11{,}910$ weights; plus $25$ biases: $11{,}935$ parameters"
    assert (w0, w1, n_w, p) == (11_760, 150, 11_910, 11_935)
    assert "(" not in total and "11{,}935" in total
    # each column's name on one line under the network (the house network style)
    low = min(c.center[1] - c.radius for c in nd.drawn_neurons(ax).values())
    for l in range(3):
        (lab,) = [x for x in ax.texts if x.get_gid() == f"layer-{l}"]
        assert lab.get_position()[1] == pytest.approx(low - nd.LABEL_GAP)
    circles = nd.drawn_neurons(ax)
    assert len(circles) == 16 + 15 + 10
    assert not any(n[0] == 0 and 8 <= n[1] < 776 for n in circles)  # the input layer is elided
    dots = [c for c in ax.patches if (c.get_gid() or "").startswith("dots-0")]
    assert len(dots) == 3
    # every hidden and output neuron's bias a small ink disc just off its ring at its upper
    # right, clear of the outline (none for the inputs), never an italic b (the line's
    # intercept), keyed
    t = th.get(theme)
    mod = gm.load("figures.mnist_network")
    biases = {x.get_gid(): x for x in ax.patches if (x.get_gid() or "").startswith("bias-")}
    want = {f"bias-{l}-{i}" for (l, i) in circles if l > 0}
    assert set(biases) == want and len(want) == 15 + 10 == p - n_w
    assert not [x for x in ax.texts if "$b$" in x.get_text()]
    # points per layout unit on the page (the figure as laid out for its baseline)
    a, b = ax.transData.transform([(0.0, 0.0), (1.0, 0.0)])
    pt = (b[0] - a[0]) * 72 / ax.figure.dpi
    assert len({x.radius for x in biases.values()}) == 1  # one size
    for g, x in biases.items():
        _, l, i = g.split("-")
        ring = circles[int(l), int(i)]
        off = np.asarray(x.center) - np.asarray(ring.center)
        assert off / np.linalg.norm(off) == pytest.approx(np.asarray(mod.BADGE_AT), abs=1e-4)
        assert x.radius == pytest.approx(mod.BADGE * ring.radius)
        # clear of its ring's outline by a point and more of page past the stroke (at 0.6 pt
        # it all but touched the ring, in the notch it made with the next one up), and at least
        # twice as far from every other ring's: it reads as its own ring's, not a glitch
        stroke = ring.get_linewidth() / 2 / pt
        own = np.linalg.norm(off) - x.radius - ring.radius - stroke
        assert own * pt >= 0.8
        for other in circles.values():
            if other is not ring:
                gap = np.linalg.norm(np.asarray(x.center) - np.asarray(other.center))
                assert gap - x.radius - other.radius - stroke >= 2 * own
        assert same_color(x.get_facecolor(), t.text)
    # the key's disc as large on the page as the drawn ones
    disc = key.legend_handles[0] if (key := ax.get_legend()) else None
    assert disc.get_markersize() == pytest.approx(2 * next(iter(biases.values())).radius * pt,
                                                  abs=0.1)
    key = ax.get_legend()
    assert [x.get_text() for x in key.get_texts()] == [
        "a neuron\u2019s bias",
        "every neuron connects to every neuron\nof the next layer; drawn for one in five"]
    # the connections: no fading stubs (they read as a haze), no mesh of all of them (a moiré
    # of diamonds); a fixed sample drawn whole, the full fan of every mod.SAMPLE_EVERY-th drawn
    # neuron of a column, lines of the muted colour that read on the page, keyed as drawn
    lay = layout([784, 15, 10], width=12.0, height=6.4, max_shown=mod.MAX_SHOWN,
                 radius=mod.RADIUS)
    assert not collections(ax, "edges") and not collections(ax, "edges-layer")
    assert not [p for p in ax.patches if p.get_gid() == "edges-wash"]
    (sample,) = collections(ax, "edges-sample")
    fans = {(l, i) for l in range(2) for i in lay.shown[l][::mod.SAMPLE_EVERY]}
    assert len(fans) == 4 + 3  # inputs 0, 5, 10, 15 of the 16 drawn; hidden 0, 5, 10
    want = [e for e in lay.edges if e[0] in fans]
    assert len(want) == 4 * 15 + 3 * 10 < len(lay.edges) / 4
    np.testing.assert_allclose(np.array(sample.get_segments()), lay.segments(want, trim=True))
    assert all(same_color(c[:3], t.muted) for c in sample.get_edgecolor())
    a = mod.SAMPLE_ALPHA_DARK if theme == "dark" else mod.SAMPLE_ALPHA
    assert sample.get_alpha() == a < 1
    assert max(sample.get_linewidths()) == mod.SAMPLE_WIDTH < nd.EDGE
    assert th.contrast(mix(t.background, t.muted, a), t.background) >= 2.0
    edge_key = key.legend_handles[1]
    assert same_color(edge_key.get_color(), t.muted) and edge_key.get_alpha() == a
    assert mod.SAMPLE_EVERY == 5
    assert "every neuron connects to every neuron of the next layer, drawn for one in five" in (
        " ".join(mod.__doc__.split()))


# --- backprop-loop --------------------------------------------------------------------------
@pytest.mark.parametrize("theme", THEMES)
def test_backprop_loop_storyboard(theme):
    m = BACKPROP
    axes = fig("backprop_loop", theme).axes
    assert len(axes) == 4
    titles = [ax.get_title(loc="left") for ax in axes]
    for k, word in enumerate(("Forward", "Error", "Backward", "Update")):
        assert titles[k].startswith(f"{k + 1}") and word in titles[k]
    r = m.run()
    net = nn.init_mlp(m.sizes, "sigmoid", "sigmoid", seed=m.seed, scale=m.scale)
    acts = nn.forward(net, m.x)
    # 1: the activations of a real forward pass, in the neurons
    words = texts(axes[0])
    for a in acts:
        for v in a[0]:
            assert f"{v:.3f}" in words  # one precision: the worked sum's (panel 3)
    # 2: outputs against targets, and the loss
    s2 = alltext(axes[1])
    assert f"{nn.loss(net, m.x, m.y):.3f}" in s2 and "target" in s2
    # 3: the error terms (dJ/db for one example) from backprop
    gW, gb = nn.backprop(net, m.x, m.y)
    words = texts(axes[2])
    for d in gb:
        for v in d:
            assert f"{v:.3f}".replace("-", "\u2212") in words
    widths = collections(axes[2], "edges")[0].get_linewidths()
    grads = [abs(gW[a[0]][b[1], a[1]]) for a, b in layout(m.sizes).edges]
    assert np.argmax(widths) == np.argmax(grads)
    # 4: one gradient step lowers the loss; new activations shown
    after = nn.loss(nn.sgd_step(net, m.x, m.y, m.lr), m.x, m.y)
    assert after < nn.loss(net, m.x, m.y) and after == pytest.approx(r["loss_after"])
    s4 = alltext(axes[3])
    assert f"{r['loss_before']:.3f}" in s4 and f"{after:.3f}" in s4
    for v in r["new_acts"][2]:
        assert f"{v:.3f}" in texts(axes[3])


@pytest.mark.parametrize("theme", THEMES)
def test_backprop_loop_values_clear_their_rings(theme):
    """Every neuron's value, the signed ones (−0.142) the widest, stands inside its ring with
    room each side: at most 4/5 of the ring's width."""
    f = fig("backprop_loop", theme)
    f.canvas.draw()
    n = 0
    for ax in f.axes:
        rings = list(nd.drawn_neurons(ax).values())
        for t in ax.texts:
            if not re.fullmatch(r"\u2212?\d\.\d{3}", t.get_text()):
                continue
            (ring,) = [c for c in rings if np.allclose(c.center, t.get_position())]
            assert t.get_window_extent().width <= 0.8 * ring.get_window_extent().width
            n += 1
    assert n == 3 * 7 + 5  # a, a, new a in every neuron; δ in the hidden and output ones


@pytest.mark.parametrize("theme", THEMES)
def test_backprop_loop_signs_worked_edge_and_update(theme):
    """Weights drawn by their sign in the video's colours (network_layout.sign_color: blue for
    w ≥ 0, rust below), with a key in those colours; the backward panel draws each gradient
    likewise by its sign (never the error's red, which is the error terms'), keyed ∂J/∂w, and
    the chain rule worked on one edge with gdcore's numbers, in ink, that edge in its
    gradient's sign colour as every gradient; the update panel draws each Δw (width |Δw|,
    colour its sign) dashed, as its key, so a change never reads as a weight; only the neurons
    whose values changed are ringed, in ink; the notes muted."""
    m, t = BACKPROP, th.get(theme)
    axes = fig("backprop_loop", theme).axes
    r = m.run()
    lay = layout(m.sizes)
    lay_drawn = layout(m.sizes, **LOOP_LAYOUT)
    W0, W1 = r["net"].weights, r["new"].weights
    dW, gW = [b - a for a, b in zip(W0, W1)], r["grad_W"]
    plus, minus = sign_color(t, 1.0), sign_color(t, -1.0)
    assert same_color(plus, mix(t.background, t.data, SIGN_STRENGTH))
    assert same_color(minus, mix(t.background, t.signs[1], SIGN_STRENGTH))
    assert t.signs[1] != t.accent
    assert same_color(sign_color(t, 0.0), plus) and same_color(sign_color(t, -1e-9), minus)
    for ax, mats in ((axes[0], W0), (axes[2], gW), (axes[3], dW)):
        lc = collections(ax, "edges")[0]
        vals = [float(mats[a[0]][b[1], a[1]]) for a, b in lay.edges]
        assert {v >= 0 for v in vals} == {True, False}  # both signs drawn
        for c, (_, dash), v in zip(lc.get_colors(), lc.get_linestyles(), vals):
            assert same_color(c, plus if v >= 0 else minus)
            assert (dash is None) == (mats is not dW)  # a weight solid, a change dashed
    (la, ka), (lb, jd) = m.worked
    assert same_color(collections(axes[2], "worked")[0].get_colors()[0],
                      sign_color(t, gW[la][jd, ka]))
    (worked_sum,) = [x for x in axes[2].texts if x.get_text().startswith("on the edge")]
    assert same_color(worked_sum.get_color(), t.text)
    # the worked change in its sign's colour, at its |Δw| width, dashed: one encoding in panel
    # 4; the halo under it sets it apart
    (la, ka), (lb, jd) = m.worked
    (worked,) = collections(axes[3], "worked")
    assert same_color(worked.get_colors()[0], sign_color(t, dW[la][jd, ka]))
    assert worked.get_linestyles()[0][1] is not None
    drawn = collections(axes[3], "edges")[0]
    assert worked.get_linewidths()[0] == pytest.approx(
        drawn.get_linewidths()[lay.edges.index(m.worked)])
    # the new cost a readout in ink (the good green is the chosen setting's)
    (cost,) = [x for x in axes[3].texts if x.get_text().startswith("$J =")]
    assert same_color(cost.get_color(), t.text)
    # the key: each sign's colour, then its words
    for k, what in ((0, "w"), (2, r"\partial J/\partial w"), (3, r"\Delta w")):
        key = [ln for ln in axes[k].lines if ln.get_gid() == "sign-key"]
        assert len(key) == 2
        assert same_color(key[0].get_color(), plus) and same_color(key[1].get_color(), minus)
        assert {ln.get_linestyle() for ln in key} == {"--" if k == 3 else "-"}
        words = [x.get_text() for x in axes[k].texts]
        assert f"${what} > 0$" in words and f"${what} < 0$" in words
    for k, word in ((0, "width"), (2, "width"), (3, "width"), (3, "was")):
        (note, *_) = [x for x in axes[k].texts if x.get_text().startswith(word)]
        assert same_color(note.get_color(), t.muted)
    # each width key on the key row over its network, as the sign key: never in the notes'
    # column beside the outputs
    top = lay_drawn.bounds()[3]
    for k in (0, 2, 3):
        (key,) = [x for x in axes[k].texts if x.get_gid() == "width-key"]
        assert key.get_position()[1] > top
        assert key.get_position()[0] <= lay_drawn.layer_x[-1] + lay_drawn.radius + 1e-9
    widths = collections(axes[3], "edges")[0].get_linewidths()
    assert np.argmax(widths) == np.argmax([abs(v) for v in
                                           (float(dW[a[0]][b[1], a[1]]) for a, b in lay.edges)])
    (la, ka), (lb, jd) = m.worked
    assert collections(axes[2], "worked") and collections(axes[3], "worked")
    s3 = alltext(axes[2])
    a, d = r["acts"][la][ka], r["delta"][la][jd]
    assert a * d == pytest.approx(r["grad_W"][la][jd, ka])
    for v in (a, d, a * d):
        assert f"{v:.3f}" in s3
    s4 = alltext(axes[3])
    assert f"{W0[la][jd, ka]:.3f}" in s4 and f"{W1[la][jd, ka]:.3f}" in s4
    rings = nd.drawn_neurons(axes[3])
    for n, circ in rings.items():
        assert same_color(circ.get_edgecolor(), t.muted if n[0] == 0 else t.text)


@pytest.mark.parametrize("theme", THEMES)
def test_weight_sign_colours_read_on_the_page_and_in_every_vision(theme):
    """The two sign colours of the backprop-loop still and video: each a line's contrast off
    the page, and apart from each other by twice MIN_CVD_DISTANCE in normal vision and the
    three simulated deficiencies; the negative one is not the accent (the current path's
    orange): MIN_OPT_DISTANCE from it in normal vision, MIN_CVD_DISTANCE from every mark role
    (as drawn, mixed towards the page) in every vision."""
    t = th.get(theme)
    plus, minus = sign_color(t, 1.0), sign_color(t, -1.0)
    for c in (plus, minus):
        assert th.contrast(tuple(c), t.background) >= th.LINE_CONTRAST
    for cvd in CVD:
        a, b = seen(np.array([plus, minus]), cvd)
        assert np.linalg.norm(a - b) >= 2 * th.MIN_CVD_DISTANCE, cvd
        for role in th.MARK_ROLES:
            r = seen(np.array([mix(t.background, t.role(role), SIGN_STRENGTH)]), cvd)[0]
            assert np.linalg.norm(b - r) >= th.MIN_CVD_DISTANCE, (cvd, role)
    accent = seen(np.array([mix(t.background, t.accent, SIGN_STRENGTH)]))[0]
    assert np.linalg.norm(seen(np.array([minus]))[0] - accent) >= th.MIN_OPT_DISTANCE


# --- dropout --------------------------------------------------------------------------------
@pytest.mark.parametrize("theme", THEMES)
def test_dropout_panels_follow_the_seeded_masks(theme):
    m = DROPOUT
    axes = fig("dropout", theme).axes
    masks = nn.dropout_masks(m.sizes, m.p_drop, m.steps, m.seed)
    assert len(axes) == m.steps >= 3
    assert len({tuple(np.concatenate(step)) for step in masks}) == m.steps  # all different
    for ax, step in zip(axes, masks):
        circles = nd.drawn_neurons(ax)
        assert len(circles) == sum(m.sizes)
        # a dropped neuron: the faded outline, thinner than any other; every outline solid
        # (a dash is a difference, theme.LINE_STYLES)
        fade = th.get(theme).faded()
        dropped = {n for n, c in circles.items() if same_color(c.get_edgecolor(), fade)}
        assert {c.get_linestyle() for c in circles.values()} == {"solid"}
        thin = max(circles[n].get_linewidth() for n in dropped)
        assert thin < min(c.get_linewidth() for n, c in circles.items() if n not in dropped)
        expected = {(h + 1, i) for h, mk in enumerate(step) for i in np.flatnonzero(~mk)}
        assert dropped == expected
        kept = [m.sizes[0], *(int(mk.sum()) for mk in step), m.sizes[-1]]
        assert n_segments(ax, "edges") == sum(a * b for a, b in zip(kept[:-1], kept[1:]))
        assert f"{sum(kept[1:-1])} of 12 hidden kept" in ax.get_title()
        # every kept neuron, inputs and outputs too, the family's plain neuron (nd.RING in
        # muted), never the bold ink ring of a descent's start nor the accent: only a dropped
        # one is faded
        t_ = th.get(theme)
        assert all(same_color(c.get_edgecolor(), t_.muted) and c.get_linewidth() == nd.RING
                   for n, c in circles.items() if n not in dropped)
        # a dropped neuron is cut out of the edges: an opaque disc of page colour, wider than
        # the neuron, lies over every edge and under the faded ring, so no line touches it
        t = th.get(theme)
        halos = {p.get_gid(): p for p in ax.patches if (p.get_gid() or "").startswith("halo-")}
        assert set(halos) == {f"halo-{l}-{i}" for l, i in expected}
        (edges,) = collections(ax, "edges")
        for l, i in expected:
            h, c = halos[f"halo-{l}-{i}"], circles[(l, i)]
            assert same_color(h.get_facecolor(), t.background) and h.get_facecolor()[3] == 1
            assert edges.get_zorder() < h.get_zorder() < c.get_zorder()
            assert h.center == c.center and h.radius > 1.1 * c.radius
        # and crossed out: a × of two strokes in the faded ring's colour and width, inside it
        for l, i in expected:
            c = circles[(l, i)]
            strokes = [ln for ln in ax.lines if (ln.get_gid() or "").startswith(f"cross-{l}-{i}-")]
            assert len(strokes) == 2
            for ln in strokes:
                assert same_color(ln.get_color(), fade) and ln.get_linewidth() == c.get_linewidth()
                xy = ln.get_xydata()
                assert np.allclose(xy.mean(axis=0), c.center)
                assert np.all(np.hypot(*(xy - c.center).T) < c.radius)
                assert ln.get_zorder() > c.get_zorder()
        assert not [ln for ln in ax.lines if (ln.get_gid() or "").startswith("cross-")
                    and tuple(map(int, ln.get_gid().split("-")[1:3])) not in expected]
        # the layers named under each network, as the family's
        assert [x.get_text() for x in sorted(
            (x for x in ax.texts if (x.get_gid() or "").startswith("layer-")),
            key=lambda x: x.get_gid())] == ["4 inputs", "6 hidden", "6 hidden", "2 outputs"]
    # a key names kept and dropped neurons, each drawn as the panels draw it
    (key,) = axes[0].figure.legends
    assert [x.get_text() for x in key.get_texts()] == ["kept", "dropped"]
    kept_key, dropped_key = key.legend_handles
    circles = nd.drawn_neurons(axes[-1])
    (l, i), *_ = sorted(expected)
    dropped, kept = circles[(l, i)], circles[next(n for n in circles if 0 < n[0] < 3
                                                  and n not in expected)]
    for swatch, drawn in ((kept_key, kept), (dropped_key, dropped)):
        assert same_color(swatch.get_edgecolor(), drawn.get_edgecolor())
        assert swatch.get_linestyle() == drawn.get_linestyle()
        assert swatch.get_linewidth() == drawn.get_linewidth()
    assert dropped_key.get_linewidth() < kept_key.get_linewidth()
    # the two panels of a row stand apart: a gutter wider than a column's pitch between them
    f = axes[0].figure
    f.canvas.draw()

    def span(ax):
        boxes = [c.get_window_extent() for c in nd.drawn_neurons(ax).values()]
        return min(b.x0 for b in boxes), max(b.x1 for b in boxes)

    left, right = span(axes[0]), span(axes[1])
    xs = sorted({c.get_window_extent().x0 for c in nd.drawn_neurons(axes[0]).values()})
    assert right[0] - left[1] > 1.2 * (xs[1] - xs[0])


@pytest.mark.parametrize("theme", THEMES)
def test_dropout_rows_stand_apart(theme):
    """A row's lowest neurons stand clear of the next row's titles: the gap between them is
    more than the gap between a title and its own network."""
    f = fig("dropout", theme)
    f.canvas.draw()
    top, low = f.axes[:2], f.axes[2:]

    def ink(ax):
        boxes = [c.get_window_extent() for c in nd.drawn_neurons(ax).values()]
        return min(b.y0 for b in boxes), max(b.y1 for b in boxes)

    for upper, lower in zip(top, low):
        title = lower.title.get_window_extent()
        between = ink(upper)[0] - title.y1
        own = title.y0 - ink(lower)[1]
        assert between > 1.5 * own and between > 0.04 * f.bbox.height


@pytest.mark.parametrize("theme", THEMES)
def test_dropout_dropped_outline_reads_as_a_mark(theme):
    """The faded outline of a dropped neuron keeps the 3:1 floor of a mark against the page
    (WCAG 2.1, theme.LINE_CONTRAST), at the one faded contrast (theme.FADED_CONTRAST, 4:1, the
    video's too), and stays lighter than a plain (muted) neuron's ring."""
    t = th.get(theme)
    axes = fig("dropout", theme).axes
    circles = nd.drawn_neurons(axes[0])
    fade = t.faded()
    dropped = [c for c in circles.values() if same_color(c.get_edgecolor(), fade)]
    assert dropped
    for c in dropped:
        rgb = to_rgba(c.get_edgecolor())[:3]
        assert th.contrast(rgb, t.background) >= th.LINE_CONTRAST - 0.01
        assert th.contrast(rgb, t.background) == pytest.approx(th.FADED_CONTRAST, abs=0.05)
        assert th.FADED_CONTRAST == 4.0
        assert th.contrast(rgb, t.background) < th.contrast(t.muted, t.background)


@pytest.mark.parametrize("theme", THEMES)
def test_dropout_edges_end_at_their_rims_and_clear_every_other_neuron(theme):
    """Each drawn edge starts and ends on the rims of the two neurons it joins, and passes
    every other neuron (kept or dropped) at least CLEARANCE radii from its centre."""
    clearance = mod("dropout").CLEARANCE
    assert clearance >= 1.5
    for ax in fig("dropout", theme).axes:
        circles = nd.drawn_neurons(ax)
        centres = {n: np.asarray(c.center) for n, c in circles.items()}
        r = next(iter(circles.values())).radius
        (edges,) = collections(ax, "edges")
        for a, b in edges.get_segments():
            ends = [min(centres, key=lambda n, p=p: np.hypot(*(centres[n] - p))) for p in (a, b)]
            assert ends[0][0] + 1 == ends[1][0]  # joins neighbouring layers
            for p, n in zip((a, b), ends):
                assert np.hypot(*(p - centres[n])) == pytest.approx(r, rel=1e-6)
            d = b - a
            for n, c in centres.items():
                if n in ends:
                    continue
                s = np.clip(np.dot(c - a, d) / np.dot(d, d), 0, 1)
                assert np.hypot(*(a + s * d - c)) >= clearance * r, (n, ends)


# --- gradient-check -------------------------------------------------------------------------
@pytest.mark.parametrize("theme", THEMES)
def test_gradient_check_panels(theme):
    m = mod("gradient_check")
    axes = fig("gradient_check", theme).axes
    X, Y = data.two_moons(n=m.N_SAMPLES, seed=m.SEED)
    gc = nn.gradient_check(nn.init_mlp(m.SIZES, seed=m.SEED), X, Y)
    (pts,) = [c for c in axes[0].collections if isinstance(c, PathCollection)]
    # the gradients' sizes, on a plain log scale: both estimates of one sign, weight by weight
    assert np.allclose(pts.get_offsets(), np.abs(np.column_stack([gc.analytic, gc.numeric])))
    assert np.all(np.sign(gc.analytic) == np.sign(gc.numeric))
    (errs,) = [c for c in axes[1].collections if isinstance(c, PathCollection)]
    assert np.allclose(errs.get_offsets()[:, 1], gc.per_weight)
    assert np.all(gc.per_weight < m.TOL)
    assert axes[1].get_yscale() == "log"
    # the passes a dot plot (on a log axis a bar's length says nothing): each method's dots at
    # its passes, the pair of each network joined, their ratio written
    fd, bp = ([c for c in axes[2].collections if c.get_gid() == g][0]
              for g in ("central", "backprop"))
    p_small, p_big = nn.parameter_count(m.SIZES), nn.parameter_count([784, 15, 10])
    assert list(fd.get_offsets()[:, 1]) == [2 * p_small, 2 * p_big] and 2 * p_big == 23870
    assert list(bp.get_offsets()[:, 1]) == [2, 2]
    assert not axes[2].patches
    assert [x.get_text() for x in axes[2].texts if x.get_gid() == "ratio"] == [
        f"\u00d7 {p_small}", f"\u00d7 {p_big:,}"]
    f = axes[0].figure
    s = alltext(axes[2])
    assert "23,870" in s and "central differences" in s and "backpropagation" in s
    # three panels of one width; words, not abbreviations
    widths = [ax.get_position().width for ax in axes]
    assert max(widths) - min(widths) < 1e-3
    assert "params" not in s.replace("parameters", "")
    assert axes[1].get_title() == "Error per parameter"
    # the gradients' sizes span five decades, from 5.1e-6 to 0.55: a plain log scale on both
    # axes (a symmetric log scale, linear within 10^-5 of 0, read as a broken one), the sizes
    # named in the title, every point inside the axes
    assert axes[0].get_xscale() == axes[0].get_yscale() == "log"
    assert np.abs(gc.analytic).min() == pytest.approx(5.09e-6, rel=1e-2)
    assert np.abs(gc.analytic).max() == pytest.approx(0.549, rel=1e-2)
    lo, hi = axes[0].get_xlim()
    assert axes[0].get_ylim() == (lo, hi)
    assert lo < np.abs(pts.get_offsets()).min() and np.abs(pts.get_offsets()).max() < hi
    assert axes[0].get_title() == r"Same gradient, $|\partial J/\partial w_k|$"
    assert "same sign in\nall 31 of 31" in alltext(axes[0])
    # the central difference named with its step h, gdcore's (the formula is the caption's)
    h = inspect.signature(nn.gradient_check).parameters["h"].default
    assert h == m.STEP_H and axes[0].get_ylabel() == "central difference, $h = 10^{-5}$"
    assert axes[0].get_xlabel() == "backpropagation"
    # the two-line label stands off the page's left edge, by more than the layout's own pad
    f.canvas.draw()
    label = axes[0].yaxis.label.get_window_extent()
    assert label.x0 - f.bbox.x0 >= 0.015 * f.bbox.width
    # roles: the threshold a muted note, the passes muted and ink (no error red, no good green)
    t = th.get(theme)
    (thr,) = [ln for ln in axes[1].lines if ln.get_linestyle() == ":"]  # a reference, dotted
    assert same_color(thr.get_color(), t.muted)
    assert same_color(fd.get_facecolor()[0], t.muted) and same_color(bp.get_facecolor()[0],
                                                                      t.text)
    # each panel keys its own marks: the passes' dots in their panel, never a figure-wide key
    # that would name the other panels' blue dots; the parameters' dots named in theirs
    assert not f.legends and axes[2].get_legend() is not None
    assert [x.get_text() for x in axes[2].get_legend().get_texts()] == [
        "central differences", "backpropagation"]
    assert "one dot per $w_k$" in alltext(axes[0])
    # one set of ticks on both gradient axes: every other decade numbered, 10^-5, 10^-3 and
    # 10^-1, the decades between ticked unnumbered
    f.canvas.draw()
    for axis in (axes[0].xaxis, axes[0].yaxis):
        assert np.allclose(axis.get_ticklocs(), [1e-5, 1e-3, 1e-1])
        assert np.allclose(sorted(axis.get_minorticklocs()), [1e-4, 1e-2, 1e0])
        assert [t.get_text() for t in axis.get_ticklabels(minor=True)] == ["", "", ""]
    # one dot: the left and middle panels' the house data dot, one size, on its halo
    assert same_color(pts.get_facecolor()[0], t.data) and same_color(errs.get_facecolor()[0],
                                                                     t.data)
    assert pts.get_sizes()[0] == errs.get_sizes()[0] == m.DOT
    assert errs.get_edgecolor()[0] == pytest.approx(pts.get_edgecolor()[0])
    assert same_color(errs.get_edgecolor()[0], t.background)
    # the dots: no vertical rules through them, no minor ticks (every decade numbered)
    assert not any(g.get_visible() for g in axes[2].xaxis.get_gridlines())
    assert len(axes[2].yaxis.get_minorticklocs()) == 0


# --- sampling grids -------------------------------------------------------------------------
@pytest.mark.parametrize("theme", THEMES)
def test_sampling_grid_2d(theme):
    axes = fig("sampling_grid_2d", theme).axes
    assert len(axes) == 2
    for ax, bins, count in zip(axes, (10, 100), (100, 10_000)):
        (sc,) = ax.collections
        assert len(sc.get_offsets()) == count == sampling.guess_count(bins, 2)
        assert np.allclose(sc.get_offsets(), sampling.grid_points(bins, 2))
        assert ax.get_title() == f"{bins} × {bins} = {count:,} guesses"
        assert ax.get_xlabel() == "$w_1$" and ax.get_ylabel() == "$w_2$"
    # the dense grid kept as vector dots (no raster to beat against the print's screen), each
    # dot snapped to a whole pixel in a PNG; the outer dots clear of the frame on every side
    assert not axes[1].collections[0].get_rasterized() and axes[1].collections[0].get_snap()
    for ax in axes:
        for lo, hi in (ax.get_xlim(), ax.get_ylim()):
            assert (0 - lo) >= 0.015 and (hi - 1) >= 0.015
            assert hi - lo == pytest.approx(np.subtract(*ax.get_xlim()[::-1]))  # square
    # one scale in both panels, the frame where sampling-grid-3d's flat grid has it
    assert axes[0].get_xlim() == axes[1].get_xlim() and axes[0].get_ylim() == axes[1].get_ylim()
    for lo, hi in (axes[0].get_xlim(), axes[0].get_ylim()):
        assert -lo == pytest.approx(views.GRID_MARGIN, abs=0.003)
        assert hi - 1 == pytest.approx(views.GRID_MARGIN, abs=0.003)
    # at the PNG's dpi the dense dots stand a whole number of pixels apart, in x and in y
    t = th.get(theme)
    f = axes[1].figure
    dpi = f.get_dpi()
    f.set_dpi(t.dpi)
    f.draw_without_rendering()
    px = axes[1].transData.transform(axes[1].collections[0].get_offsets())
    f.set_dpi(dpi)
    for d in (np.diff(np.unique(np.round(px[:, k], 6))) for k in (0, 1)):
        assert len(d) == 99 and np.allclose(d, round(d[0])) and round(d[0]) >= 3
    for ax in axes:  # guesses are not data: the neutral colour; ticks in their shortest form
        assert same_color(ax.collections[0].get_facecolor()[0], t.muted)
        assert [x.get_text() for x in ax.get_xticklabels()] == ["0", "0.5", "1"]
        assert ax.title.get_fontsize() == t.title_size


@pytest.mark.parametrize("theme", THEMES)
def test_sampling_grid_3d(theme):
    f = fig("sampling_grid_3d", theme)
    ax2, ax3 = f.axes
    assert ax3.name == "3d" and ax2.name != "3d"
    (sc2,) = ax2.collections
    assert len(sc2.get_offsets()) == 100
    (sc3,) = [c for c in ax3.collections if isinstance(c, PathCollection)]
    xs, ys, zs = (np.asarray(v) for v in sc3._offsets3d)
    assert len(xs) == 1000 == sampling.guess_count(10, 3)
    pts = np.column_stack([xs, ys, zs])
    ref = sampling.grid_points(10, 3)
    assert np.allclose(pts[np.lexsort(pts.T[::-1])], ref[np.lexsort(ref.T[::-1])])
    assert [ax3.get_xlabel(), ax3.get_ylabel(), ax3.get_zlabel()] == ["$w_1$", "$w_2$", "$w_3$"]
    # one title scheme in both sampling stills: the bins per axis multiplied out
    assert ax3.get_title() == "10 × 10 × 10 = 1,000 guesses"
    assert ax2.get_title() == "10 × 10 = 100 guesses"
    # the flat grid drawn as sampling-grid-2d draws it: its frame set off the guesses
    assert ax2.get_xlim() == ax2.get_ylim() == (-views.GRID_MARGIN, 1 + views.GRID_MARGIN)
    assert 5 <= ax3.elev <= 40 and ax3.azim % 90 != 0  # turned so the depth reads
    sizes = sc3.get_sizes()
    assert sizes.max() > 3 * sizes.min()  # nearer points drawn larger
    t = th.get(theme)
    assert same_color(sc2.get_facecolor()[0], t.muted)  # guesses, not data
    for axis in (ax3.xaxis, ax3.yaxis, ax3.zaxis):  # the house clear panes
        assert tuple(axis.pane.get_facecolor())[3] == 0
    # w1 numbered from 0 to 1, as the flat grid is, w2 and w3 from their middles: no axis's
    # 0.0 at a corner where the axis before it ends (w1's 1.0 and w2's 0.0 stood on one line
    # there, w2's 1.0 over w3's 0.0); every number and label on the page, none over another,
    # and no two axes' numbers on one line unless half the panel apart
    for axis, ticks in zip((ax3.xaxis, ax3.yaxis, ax3.zaxis), ([0, 0.5, 1], [0.5, 1], [0.5, 1])):
        assert list(axis.get_ticklocs()) == ticks
        assert [x.get_text() for x in axis.get_ticklabels()] == [f"{v:g}" for v in ticks]
    assert gm.axes3d_tick_gap(ax3) >= 10.0  # points
    f.canvas.draw()
    numbers = [(k, tick.label1.get_window_extent())
               for k, axis in enumerate((ax3.xaxis, ax3.yaxis, ax3.zaxis))
               for tick in axis.majorTicks if tick.label1.get_visible()
               and tick.label1.get_text()]
    for (i, a), (j, b) in itertools.combinations(numbers, 2):
        if i != j and min(a.y1, b.y1) > max(a.y0, b.y0):  # on one line
            assert max(a.x0 - b.x1, b.x0 - a.x1) > 0.5 * ax3.bbox.width
    # a faint grid on the floor w3 = 0, a line under each row of the lattice both ways, under
    # the dots: the columns stand on it
    floor = [ln for ln in ax3.lines if ln.get_gid() == "floor-grid"]
    rows = np.unique(sampling.grid_points(10, 1)[:, 0])
    assert len(floor) == 2 * len(rows)
    for ln in floor:
        x, y, z = (np.asarray(v) for v in ln.get_data_3d())
        assert np.all(z == 0) and ln.get_alpha() < 1 and ln.get_zorder() < sc3.get_zorder()
    drawn = sorted(float(x[0]) for ln in floor for x in [np.asarray(ln.get_data_3d()[0])]
                   if np.ptp(x) == 0)
    np.testing.assert_allclose(drawn, rows)
    assert gm.text_overlaps(f) == []
    page = f.bbox.padded(-4)  # 4 px of margin at 100 dpi
    shown = [x for ax in (ax2, ax3) for x in ax.findobj(Text) if x.get_visible() and x.get_text()]
    assert len(shown) >= 2 * 3 + 2 + (2 + 2 + 2) + 3 + 2
    for x in shown:
        assert page.contains(*x.get_window_extent().p0), x.get_text()
        assert page.contains(*x.get_window_extent().p1), x.get_text()
    # the two titles on one line
    assert ax2.title.get_window_extent().y0 == pytest.approx(ax3.title.get_window_extent().y0,
                                                             abs=1.5)
    for ax in (ax2, ax3):
        assert ax.title.get_fontsize() == t.title_size
    # the cube fills its panel: its eight corners, projected, span most of the panel's width
    # and its height, under the title, and it stands about as tall as the flat grid's frame
    # beside it
    corners = np.array(list(itertools.product((0.0, 1.0), repeat=3)))
    px, py, _ = proj3d.proj_transform(*corners.T, ax3.get_proj())
    cube = ax3.transData.transform(np.c_[px, py])
    span = cube.max(axis=0) - cube.min(axis=0)
    assert span[0] >= 0.9 * ax3.bbox.width and span[1] >= 0.95 * ax3.bbox.height
    assert span[1] >= 0.95 * ax2.bbox.height
    assert cube[:, 1].max() < ax3.title.get_window_extent().y0
    # depth cues: a mild perspective camera, no pane grid or pane edges through the lattice,
    # the nearer dots larger and stronger (the farthest still a third of the way to the ink)
    assert 1 < ax3._focal_length < 3 and not ax3._draw_grid
    for axis in (ax3.xaxis, ax3.yaxis, ax3.zaxis):
        assert tuple(axis.pane.get_edgecolor())[3] == 0
    mod = gm.load("figures.sampling_grid_3d")
    depth = mod._depth(pts)
    sizes_by_depth = sizes[np.argsort(depth)]
    assert np.all(np.diff(sizes_by_depth) >= -1e-12)
    page = np.array(to_rgba(t.background)[:3])
    ink = [np.abs(np.asarray(c[:3]) - page).sum() for c in sc3.get_facecolors()]
    assert np.all(np.diff(np.array(ink)[np.argsort(depth)]) >= -1e-9)  # nearer: stronger
    assert min(ink) > 0.25 * max(ink)
    # all twelve edges of the cube: the three at the far corner fainter, under the dots
    far_corner = corners[np.argmin((corners - 0.5) @ mod._view())]
    edges = [ln for ln in ax3.lines if ln.get_gid() == "cube-edge"]
    far = [ln for ln in ax3.lines if ln.get_gid() == "cube-edge-far"]
    assert len(edges) == 9 and len(far) == 3
    for ln in edges:
        ends = np.array(ln.get_data_3d()).T
        assert not any(np.allclose(e, far_corner) for e in ends)
    for ln in far:
        ends = np.array(ln.get_data_3d()).T
        assert any(np.allclose(e, far_corner) for e in ends)
        assert ln.get_alpha() < edges[0].get_alpha() and ln.get_zorder() < sc3.get_zorder()
    # balanced: the flat grid's square as tall as the cube's panel, their middles level
    assert ax2.bbox.height == pytest.approx(ax3.bbox.height, rel=0.03)
    assert (ax2.bbox.y0 + ax2.bbox.y1) / 2 == pytest.approx((ax3.bbox.y0 + ax3.bbox.y1) / 2,
                                                           abs=0.02 * f.bbox.height)


# --- guess-explosion ------------------------------------------------------------------------
@pytest.mark.parametrize("theme", THEMES)
def test_guess_explosion(theme):
    ax = fig("guess_explosion", theme).axes[0]
    assert ax.get_xscale() == "log" and ax.get_yscale() == "log"
    curve = max(ax.lines, key=lambda ln: len(ln.get_xdata()))
    d, e = curve.get_xdata(), curve.get_ydata()
    assert np.allclose(e, [sampling.guess_count_log10(10, int(k)) for k in d])
    assert d.max() > 11935
    # the line ends inside the plot: short of its right edge and under its top
    x1, y1 = ax.get_xlim()[1], ax.get_ylim()[1]
    assert d.max() < x1 / 1.2 and e.max() < y1 / 1.2
    points = {float(ln.get_xdata()[0]): float(ln.get_ydata()[0]) for ln in ax.lines
              if len(ln.get_xdata()) == 1}
    for k in (2, 3, 11935):
        assert points[k] == pytest.approx(sampling.guess_count_log10(10, k))
    atoms = [ln for ln in ax.lines if len(ln.get_ydata()) == 2
             and np.allclose(ln.get_ydata(), sampling.ATOMS_LOG10)]
    assert len(atoms) == 1
    s = alltext(ax)
    assert "100 guesses" in s and "1,000 guesses" in s and "11,935 parameters" in s
    assert "$10^{11935}$" in s and "$10^{80}$" in s and "{,}" not in s  # powers, no separator
    # nor in the words: a power is a superscript (10¹¹⁹³⁵) or "10 to the power 11935", its
    # exponent never split by a thousands separator
    doc = gm.doc_of(gm.load("figures.guess_explosion"))
    for words in (doc.caption, doc.alt):
        assert "10¹¹⁹³⁵" in words or "power 11935" in words
        split = r"[⁰-⁹¹²³],[⁰-⁹¹²³]|\^\{?[\d,]*,|powers? [\d, and]*\d,\d"
        assert not re.search(split, words), words
        assert "^" not in words
    labels = [t.get_text() for t in ax.get_yticklabels()]
    # the vertical axis holds the power of ten of the count, log-scaled: each tick reads as the
    # number of guesses it stands for, a power of ten; the label names the quantity and says
    # that the evenly spaced ticks grow the exponent tenfold
    ticks = ax.get_yticks()
    assert labels == [numbers.power10(round(v), "mathtext") for v in ticks]
    assert labels == ["$10^{1}$", "$10^{10}$", "$10^{100}$", "$10^{1000}$", "$10^{10000}$"]
    # the level rules at every tick but 10^100, which the atoms' line (10^80) replaces
    rules = [ln for ln in ax.lines if ln.get_gid() == "level-rule"]
    assert sorted(float(ln.get_ydata()[0]) for ln in rules) == [1, 10, 1000, 10000]
    assert not any(g.get_visible() for g in ax.get_ygridlines())
    assert ax.yaxis._major_tick_kw.get("gridOn") is False
    assert ax.get_ylabel().split("\n") == ["guesses at 10 bins per axis",
                                            "(each tick: the exponent × 10)"]
    t = th.get(theme)
    for k in (2, 3, 11935):  # the house mark of a point
        (ln,) = [ln for ln in ax.lines if len(ln.get_xdata()) == 1 and ln.get_xdata()[0] == k]
        assert same_color(ln.get_markerfacecolor(), t.accent)
        assert ln.get_marker() == th.MARKERS["current"].marker
    # the crossing is no point of the model's: no dot, a dotted reading line from the atoms'
    # line down to the parameter axis at 80, where the curve meets the atoms' line, named there
    cross = mod("guess_explosion")._crossing()
    assert cross not in points
    (drop,) = [ln for ln in ax.lines if ln.get_gid() == "crossing"]
    assert np.allclose(drop.get_xdata(), cross) and drop.get_linestyle() == ":"
    assert drop.get_ydata()[0] <= ax.get_ylim()[0]
    assert drop.get_ydata()[1] == pytest.approx(sampling.guess_count_log10(10, cross))
    (name,) = [a for a in ax.texts if a.get_gid() == "crossing-label"]
    assert name.get_text() == f"{cross} parameters"
    assert name.xy == pytest.approx((cross, sampling.ATOMS_LOG10))
    # the atoms' words under their line, on no grid line
    f = ax.figure
    f.canvas.draw()
    (atoms_text,) = [x for x in ax.texts if "atoms" in x.get_text()]
    box = atoms_text.get_window_extent()
    line_y = ax.transData.transform((1, sampling.ATOMS_LOG10))[1]
    assert box.y1 < line_y
    for v in ax.get_yticks():
        assert not box.y0 < ax.transData.transform((1, v))[1] < box.y1
    doc = gm.doc_of(mod("guess_explosion"))
    e = round(sampling.guess_count_log10(sampling.GUESS_EXPLOSION.bins, 11935))
    assert e == 11935 and mod("guess_explosion")._crossing() == 80
    assert "10¹¹⁹³⁵ guesses" in doc.caption and "10⁸⁰ atoms" in doc.caption
    assert "10 to the power 11935" in doc.alt and "10 to the power 80" in doc.alt
    assert "^" not in doc.caption + doc.alt and "11,935 guesses" not in doc.caption
    assert "power of ten" in doc.caption and "power of ten of the number of guesses" in doc.alt
    assert "10¹⁰⁰⁰⁰" in doc.caption


# --- lonely-space ---------------------------------------------------------------------------
@pytest.mark.parametrize("theme", THEMES)
def test_lonely_space(theme):
    m, t = mod("lonely_space"), th.get(theme)
    ax = fig("lonely_space", theme).axes[1]
    # the shell in ink, no role's colour (not the accent, the current position and path)
    (main,) = [ln for ln in ax.lines if len(ln.get_xdata()) > 10
               and same_color(ln.get_color(), t.text)]
    d = main.get_xdata()
    assert np.allclose(main.get_ydata(), 100 * sampling.eggshell_share(0.05, d))
    assert main.get_ydata()[0] == pytest.approx(5.0) and main.get_ydata()[-1] > 99.99
    # sampled finely by gdcore (the share is defined for real d), not at whole d only: no
    # corners at d = 2 and 3 on the log axis
    assert np.allclose(d, sampling.eggshell_curve(0.05, m.D_MAX)[0])
    assert np.sum((d > 2) & (d < 3)) >= 10
    d50, d99 = m.first_dim_above(0.05, 0.5), m.first_dim_above(0.05, 0.99)
    assert sampling.eggshell_share(0.05, d50) > 0.5 > sampling.eggshell_share(0.05, d50 - 1)
    assert sampling.eggshell_share(0.05, d99) > 0.99 > sampling.eggshell_share(0.05, d99 - 1)
    points = [ln for ln in ax.lines if len(ln.get_xdata()) == 1]
    marks = {float(ln.get_xdata()[0]) for ln in points}
    assert marks == {2, 3, d50, d99}
    # each mark on a ring of page under the curves; the thin grey curve under the wide main
    # one, so that where both reach 100 % (d ≳ 90) one line reads, not a muddy double line;
    # the dots over both
    (other,) = [ln for ln in ax.lines if len(ln.get_xdata()) > 10 and ln is not main]
    (h,) = [ln for ln in ax.lines if ln.get_gid() == "halo"]
    assert set(h.get_xdata()) == marks
    assert np.allclose(h.get_ydata(), 100 * sampling.eggshell_share(0.05, h.get_xdata()))
    assert h.get_zorder() < other.get_zorder() < main.get_zorder()
    assert same_color(other.get_color(), t.muted)
    assert other.get_linewidth() < main.get_linewidth()
    assert all(other.get_zorder() < ln.get_zorder() for ln in points)
    assert same_color(h.get_color(), t.background)
    assert h.get_markersize() > th.MARKERS["current"].size
    s = alltext(ax)
    assert f"$d = 2$: {100 * sampling.eggshell_share(0.05, 2):.1f} %" in s
    assert f"$d = {d50}$" in s and f"$d = {d99}$" in s
    assert ax.get_ylim()[1] >= 100
    # the axis ends at 200 dimensions, where both shells hold 100 % (no long flat stretch)
    assert (m.EPS, m.EPS_OTHER, m.LEVELS, m.D_MAX) == (0.05, 0.10, (0.5, 0.99), 200)
    assert ax.get_xlim()[1] == 200 and 200 in ax.get_xticks()
    assert (d50, d99) == (14, 90)  # 1 − 0.95^14 = 0.512, 1 − 0.95^90 = 0.990
    for ln in points:  # the house mark of a point
        assert same_color(ln.get_markerfacecolor(), t.text)
        assert ln.get_marker() == th.MARKERS["current"].marker
    doc = gm.doc_of(m)
    assert "(1 − ε)ᵈ" in doc.caption and "^" not in doc.caption + doc.alt
    assert f"d = {d50} (51.2 %)" in doc.alt and f"d = {d99} (99.0 %)" in doc.alt
    # "5 %" one way, with a word space, in the note and in the legend; both panels titled
    f2 = fig("lonely_space", theme)
    note = alltext(f2.axes[0])
    legend = " ".join(x.get_text() for x in ax.get_legend().get_texts())
    assert "5 % of the radius" in note and "5$ % of the radius" in legend and r"\," not in legend
    for a in f2.axes:
        assert a.get_title() and a.title.get_fontsize() == t.title_size
    # the two titles on one line
    f2.canvas.draw()
    left, right = (a.title.get_window_extent().y0 for a in f2.axes)
    assert left == pytest.approx(right, abs=1.0)


# --- equations ------------------------------------------------------------------------------
def test_equation_rows_leave_no_column_empty_between_two_cells():
    """A cell that ends short of a column line but, with the gap, would push the next cell past
    it would leave that column empty: the next cell starts a row of its own, on the one grid
    (never a second grid of fewer, wider columns)."""
    m = mod("equations")
    cell = lambda w: (None, None, w, 0.1, 0.0)  # noqa: E731
    # 3 columns of 2 in: a 1.9 in cell plus the 0.3 in gap would skip the middle column
    rows = m._flow([cell(1.9), cell(1.5)], 6.0, 3)
    assert [[x for x, _ in r] for r in rows] == [[0.0], [0.0]]
    assert not m._skips(rows, 6.0, 3)
    assert m._skips([[(0.0, cell(1.9)), (4.0, cell(1.5))]], 6.0, 3)
    # cells that fit their columns, or span two, keep the three
    assert [[x for x, _ in r] for r in m._flow([cell(1.5), cell(1.5), cell(1.5)], 6.0, 3)] == \
        [[0.0, 2.0, 4.0]]
    assert [[x for x, _ in r] for r in m._flow([cell(2.5), cell(1.5)], 6.0, 3)] ==\
        [[0.0, 4.0]]


@pytest.mark.parametrize("theme", THEMES)
def test_equation_sheet_has_every_equation_under_its_name_by_group(theme):
    t = th.get(theme)
    # a sheet of its own: its texts are measured below, which a save of the shared one outside
    # the theme's style (another test's) would have left measured in other faces
    f = gm.build(mod("equations"), t)
    by_gid = {x.get_gid(): x for x in f.texts}
    for key, eq in equations.EQUATIONS.items():
        tex, name = by_gid[f"eq-{key}"], by_gid[f"name-{key}"]
        assert tex.get_text() == equations.mathtext_tight(key, operators=True)
        assert " ".join(name.get_text().split()) == eq.shown_name  # on one or two lines
        assert name.get_text().count("\n") <= 1
        assert name.get_position()[0] == tex.get_position()[0]  # the name heads its equation
        assert name.get_position()[1] > tex.get_position()[1]
        assert name.get_fontsize() == t.small_size and same_color(name.get_color(), t.muted)
    m = mod("equations")
    # read down the left column of groups, then the right one, row by row, left to right:
    # the groups in their reading order (equations.GROUPS), each group's equations in grouped()'s
    eqs = [x for x in f.texts if (x.get_gid() or "").startswith("eq-")]
    names = [x for x in f.texts if (x.get_gid() or "").startswith("name-")]
    col_w = m.column_width(t)
    column = lambda x: int((x.get_position()[0] * t.text_width - m.SIDE_IN) // col_w)  # noqa: E731
    read = sorted(names, key=lambda x: (column(x), -round(x.get_position()[1], 3),
                                        x.get_position()[0]))
    by_group = dict(equations.grouped())
    sheet_groups = list(equations.GROUPS)  # in their reading order, down one column then on
    assert [x.get_gid()[5:] for x in read] == [e.key for g in sheet_groups for e in by_group[g]]
    # the right column starts at COLUMN_BREAK, a group running on there under its name again
    assert [x.get_gid()[5:] for x in read if column(x) == 1][0] == m.COLUMN_BREAK
    assert {column(x) for x in read} == {0, 1}
    broken = equations.EQUATIONS[m.COLUMN_BREAK].group
    order = [f"group-{g}" for g in sheet_groups]
    order.insert(order.index(f"group-{broken}") + 1, f"group-{broken}-continued")
    heads = sorted((x for x in f.texts if (x.get_gid() or "").startswith("group-")),
                   key=lambda x: (column(x), -x.get_position()[1]))
    assert [h.get_gid() for h in heads] == order
    titles = [th.title(g) for g in sheet_groups]
    titles.insert(titles.index(th.title(broken)) + 1, th.title(broken) + " (continued)")
    assert [h.get_text() for h in heads] == titles
    # each group's name heads it, flush left over its first row, on a rule that runs from the
    # name to its column's right edge, level with the name's capitals; above the next group's
    firsts = [by_gid["name-" + (m.COLUMN_BREAK if h.get_gid().endswith("-continued")
                                else by_group[h.get_gid()[6:]][0].key)] for h in heads]
    with gm.themed(t):  # measured in the house faces, as rendered
        f.canvas.draw()
        head_boxes = [h.get_window_extent() for h in heads]
    rules = [a for a in f.artists if a.get_gid() == "group-rule"]
    assert len(rules) == len(equations.GROUPS) + 1
    for h, bb, rule, first in zip(heads, head_boxes, rules, firsts):
        assert h.get_position()[1] > first.get_position()[1]
        assert h.get_position()[0] == pytest.approx(first.get_position()[0])
        (x0, x1), (y0, y1) = rule.get_xdata(), rule.get_ydata()
        assert y0 == y1 and x0 > h.get_position()[0] + 0.25 / t.text_width
        right = m.SIDE_IN + (column(h) + 1) * col_w + column(h) * m.GUTTER_IN
        assert x1 == pytest.approx(right / t.text_width)
        assert bb.y0 < y0 * f.bbox.height < bb.y1
    assert x1 == pytest.approx(1 - m.SIDE_IN / t.text_width)  # the last column's, the margin
    # a group stands further from the one before it than its rows from each other, and a
    # row from the next further than a name from its equation
    assert m.GROUP_GAP_IN > m.ROW_GAP_IN >= 2 * m.NAME_GAP_IN and m.NAME_GAP_IN >= 0.03
    # every equation starts on one of its column's GRID_COLUMNS lines, under its name
    for g in sheet_groups:
        for e in by_group[g]:
            x = by_gid[f"eq-{e.key}"].get_position()[0] * t.text_width
            x -= m.SIDE_IN + column(by_gid[f"eq-{e.key}"]) * (col_w + m.GUTTER_IN)
            unit = col_w / m.GRID_COLUMNS
            assert abs(x / unit - round(x / unit)) < 1e-6 and -1e-9 < x < col_w, e.key
    assert not [x.get_gid() for x in names if "\n" in x.get_text()]  # every name one line
    # every text inside the page by the sheet's margin (SIDE_IN at the sides, MARGIN_IN at the
    # top and bottom); no two texts overlap
    page = f.bbox
    with gm.themed(t):  # measured in the house faces, as rendered
        boxes = {x: x.get_window_extent() for x in f.texts}
    for bb in boxes.values():
        assert bb.x0 >= page.x0 + m.SIDE_IN * f.dpi - 1 and bb.x1 <= page.x1 - m.SIDE_IN * f.dpi
        assert bb.y0 >= page.y0 + m.MARGIN_IN * f.dpi - 1
        assert bb.y1 <= page.y1 - m.MARGIN_IN * f.dpi + 1
    texts = list(boxes.values())
    assert not [(a, b) for i, a in enumerate(texts) for b in texts[i + 1:] if a.overlaps(b)]
    # set as LaTeX would: tight double bars, no loose script, a thin space each side of Σ
    assert by_gid["name-l2-penalty"].get_text() == "the L2-regularised cost"  # as titles write it
    sheet = "".join(x.get_text() for x in eqs)
    assert r"\left\|" not in sheet and sheet.count(r"\Vert") == 2
    assert "_{t-1}" not in sheet and "_{t{-}1}" in sheet and r"\!\top" in sheet
    assert r"\dfrac{1}{n}\,\sum_{i=1}^{n}\, C_i" in by_gid["eq-half-mse-loss"].get_text()
    assert r"\dfrac{\lambda}{2}\,\sum_{k{\geq}1}\, w_k^2" in by_gid["eq-l2-penalty"].get_text()
    assert r"\sum_{i=1}^{n} (" in by_gid["eq-cost"].get_text()  # none before a bracket
    # the sheet is what its alt text says, in its order
    assert gm.doc_of(m).alt == equations.sheet_alt(m.N_COLUMNS, m.COLUMN_BREAK)
    assert "read down the left one first" in gm.doc_of(m).alt


@pytest.mark.parametrize("theme", THEMES)
def test_equation_sheet_sets_its_rows_by_their_white(theme):
    """A row's equations on one baseline, its names on one line NAME_GAP_IN over its tallest
    equation (one name-to-baseline distance for all its cells), the next row's names ROW_GAP_IN
    under its deepest descent, a group's last row GROUP_GAP_IN over the next group's name; the
    two columns level. (Set one distance under their names in every row, the sheet's tallest
    ascent, a flat equation stood 0.16 in under its name and 0.07 in over the next row's.)"""
    t = th.get(theme)
    m = mod("equations")
    f = gm.build(m, t)
    by_gid = {x.get_gid(): x for x in f.texts}
    total = f.get_figheight()
    with gm.themed(t):
        f.canvas.draw()
        box = {k: x.get_window_extent() for k, x in by_gid.items()}
    dpi = f.dpi
    from_top = lambda x: (1 - x.get_position()[1]) * total  # noqa: E731
    ascent = {k: (box[f"eq-{k}"].y1 - (1 - from_top(by_gid[f"eq-{k}"]) / total)
                  * f.bbox.height) / dpi for k in equations.EQUATIONS}
    depth = {k: ((1 - from_top(by_gid[f"eq-{k}"]) / total) * f.bbox.height
                 - box[f"eq-{k}"].y0) / dpi for k in equations.EQUATIONS}
    drop = {k: from_top(by_gid[f"eq-{k}"]) - from_top(by_gid[f"name-{k}"])
            for k in equations.EQUATIONS}
    # a name's foot (va bottom) to its equation's baseline (va baseline)
    assert {by_gid[f"name-{k}"].get_va() for k in drop} == {"bottom"}
    assert {by_gid[f"eq-{k}"].get_va() for k in drop} == {"baseline"}
    name_h = box["name-sgd"].height / dpi  # a name's line
    col_w = m.column_width(t)
    column = lambda k: int((by_gid[f"eq-{k}"].get_position()[0] * t.text_width  # noqa: E731
                            - m.SIDE_IN) // col_w)
    # the rows, down each column: (column, group, baseline) -> keys
    rows = {}
    for g, eqs in equations.grouped():
        for e in eqs:
            at = (column(e.key), g, round(from_top(by_gid[f"eq-{e.key}"]), 6))
            rows.setdefault(at, []).append(e.key)
    for keys in rows.values():
        # one name line and one distance in a row: its tallest ascent and NAME_GAP_IN
        assert np.ptp([drop[k] for k in keys]) < 1e-9, keys
        assert drop[keys[0]] == pytest.approx(m.NAME_GAP_IN + max(ascent[k] for k in keys),
                                              abs=1.5 / dpi), keys
    # flat and deep rows alike: the white under a name is NAME_GAP_IN over its row's tallest
    # (it was 0.035 in over Adadelta's step and 0.16 in over SGD)
    gaps = {k: (box[f"eq-{k}"].y1 - box[f"name-{k}"].y0) / -dpi for k in drop}
    assert max(min(gaps[k] for k in keys) for keys in rows.values()) == pytest.approx(
        m.NAME_GAP_IN, abs=1.5 / dpi)
    assert gaps["sgd"] == pytest.approx(m.NAME_GAP_IN, abs=1.5 / dpi)
    # the next row's names ROW_GAP_IN under a row's deepest descent; the next group's name
    # GROUP_GAP_IN under it
    order = sorted(rows, key=lambda r: (r[0], r[2]))  # down each column
    ends = {}
    for above, below in zip(order, order[1:]):
        end = above[2] + max(depth[k] for k in rows[above])
        ends[above[0]] = max(ends.get(above[0], 0.0), end)
        if above[0] != below[0]:
            continue
        top = below[2] - drop[rows[below][0]] - name_h
        if above[1] == below[1]:
            assert top - end == pytest.approx(m.ROW_GAP_IN, abs=1.5 / dpi), (above, below)
        else:
            head = from_top(by_gid[f"group-{below[1]}"])  # va top
            assert head - end == pytest.approx(m.GROUP_GAP_IN, abs=1.5 / dpi), (above, below)
    last = order[-1]
    ends[last[0]] = last[2] + max(depth[k] for k in rows[last])
    # the sheet ends MARGIN_IN under its longer column, the two level within a flat row
    assert total == pytest.approx(max(ends.values()) + m.MARGIN_IN, abs=1.5 / dpi)
    assert abs(ends[0] - ends[1]) < 0.25
    assert total < 6.0 < t.max_height  # 7.41 in when one distance and pitch ruled every row
    # every text, scripts aside, at 7.5 pt or more
    assert min(x.get_fontsize() for x in f.texts) >= 7.5 == m.EQ_SIZE_SHEET
    # a group stands further from the one before it than its rows from each other, and a
    # row from the next further than a name from its equation
    assert m.GROUP_GAP_IN > m.ROW_GAP_IN >= 2 * m.NAME_GAP_IN and m.NAME_GAP_IN >= 0.03


@pytest.mark.parametrize("theme", THEMES)
def test_equation_files_one_tight_figure_each(theme):
    t = th.get(theme)
    extra = mod("equations").extra_figures(t)
    assert set(extra) == set(equations.EQUATIONS)
    widths = []
    for key, f in extra.items():
        (txt,) = f.texts
        assert txt.get_text() == equations.mathtext_tight(key, operators=True)
        w, h = f.get_size_inches()
        assert w < t.text_width and h < 1.0
        if theme == "light":
            bb = txt.get_window_extent(FigureCanvasAgg(f).get_renderer())
            assert bb.width / f.dpi == pytest.approx(w - 2 * mod("equations").PAD_IN, abs=0.02)
        assert same_color(f.get_facecolor(), t.background)
        widths.append(w)
    assert len(set(np.round(widths, 2))) > 10  # sized to the content


def test_no_figure_draws_an_unlabelled_line_of_one_point_twice():
    # guards the read-back helpers above: single-point Line2D marks are unique per x
    for name in ("guess_explosion", "lonely_space"):
        ax = [a for a in fig(name, "light").axes if a.lines][-1]
        xs = [float(ln.get_xdata()[0]) for ln in ax.lines
              if isinstance(ln, Line2D) and len(ln.get_xdata()) == 1]
        assert len(xs) == len(set(xs))


# --- one network style ----------------------------------------------------------------------
NETWORKS = ("mnist_network", "connection_tweak", "backprop_loop", "dropout", "tiny_networks")


@pytest.mark.parametrize("theme", THEMES)
def test_every_network_still_draws_one_network_style(theme):
    t = th.get(theme)
    rings = {}
    for name in NETWORKS:
        f = fig(name, theme)
        for ax in f.axes:
            for n, c in nd.drawn_neurons(ax).items():
                w = c.get_linewidth()
                rings.setdefault(w, set()).add(name)
                # a plain neuron: a RING in muted on the page; a strong ring says something
                if same_color(c.get_edgecolor(), t.muted):
                    assert w == nd.RING, (name, n, w)
                    assert same_color(c.get_facecolor(), t.background) or name in (
                        "connection_tweak",)
                else:
                    assert w in (nd.RING_STRONG, nd.RING_FAINT), (name, n, w)
    assert set(rings) <= {nd.RING, nd.RING_STRONG, nd.RING_FAINT}
    # every still's plain neuron the same ring (dropout's kept neurons too)
    assert set(rings[nd.RING]) == set(NETWORKS)
    # the layers' names, where a still names them: on one line under the network, LABEL_GAP
    # under its lowest circle, centred on each column, small, in ink
    named = 0
    for name in NETWORKS:
        for ax in fig(name, theme).axes:
            labels = sorted((x for x in ax.texts if (x.get_gid() or "").startswith("layer-")),
                            key=lambda x: x.get_gid())
            if not labels:
                continue
            named += 1
            circles = nd.drawn_neurons(ax)
            low = min(c.center[1] - c.radius for c in circles.values())
            xs = sorted({round(c.center[0], 9) for c in circles.values()})
            for label, x in zip(labels, xs):
                assert label.get_position() == pytest.approx((x, low - nd.LABEL_GAP))
                assert label.get_va() == "top" and label.get_ha() == "center"
                assert label.get_fontsize() == t.small_size
                assert same_color(label.get_color(), t.text)
            assert len(labels) == len(xs)
    assert named >= 2
