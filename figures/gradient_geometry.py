"""Tangents and gradients

Left: a curve f(x) and its tangent at x = {x0}. Near the point the tangent and the curve
agree, so a small step dx changes f by df = f′(x) dx, where f′({x0}) = {slope} is the slope of
the tangent. Middle: a bowl-shaped surface f(x, y) and its tangent plane at (x, y) = ({px},
{py}). The plane has one slope per direction, the partial derivatives ∂f/∂x = {m1} and ∂f/∂y =
{m2}: the plane's two lines through the point touch the bowl's two cuts through it, along x and
along y. So a small step changes f by df = (∂f/∂x) dx + (∂f/∂y) dy. Together the two slopes
form the gradient ∇f = (∂f/∂x, ∂f/∂y). Right: the square outlined on the bowl round the point,
seen from above, at equal scales on x and y (the point a dot in all three panels): the gradient
points straight uphill, at a right angle (marked) to the contour through the point, and the
descent direction −∇f, the same arrow turned round, of the same length, straight downhill. Both
arrows are drawn at {scale} times ∇f. (Here f is any function, as the book's cost J is one:
one notation in all three panels, x and y its inputs, f its value, the height of the curve and
of the surface.)

Alt: Left, a U-shaped curve with a straight tangent line touching it at one point, and a right
triangle under the tangent with legs labelled dx and df. Middle, an opaque, meshed
three-dimensional bowl with a see-through tangent plane touching it at one point, marked by a
dot, two lines across the plane touching the bowl's cross-sections through the point, which
are named "cut along x" and "cut along y" on thin leaders, and a thin square outlined
on the bowl round the point. Right, headed "From above: a right angle" and ∇f = ({m1}, {m2}):
that square seen from above, a contour map around the same dot, the contour line through it
drawn bold and nearly level; an arrow points up from the point and an arrow of the same length
points down, named ∇f and −∇f right of the map on thin leaders, and a right-angle mark sits
between the contour line and the gradient.
"""

import numpy as np
from matplotlib.transforms import blended_transform_factory
from mpl_toolkits.mplot3d import proj3d

from gdcore import surfaces
from gdviz import mpl as gm
from gdviz import numbers
from gdviz import theme as th
from gdviz.colors import mix
from gdviz.cost_surface import lit_colors

#: Layout choices: where the tangent touches the curve (left) and the surface (right).
X0 = 3.0
DX = 3.0  # the run of the slope triangle on the left: its legs long enough to name
WINDOW = ((-8.0, 8.0), (-1.4, 1.4))  # the part of gdcore's valley bowl drawn
POINT = (-4.5, 0.5)  # on the bowl's far wall, seen from the front; ±∇f inside the window
PLANE_HALF = (3.0, 0.7)  # half-sizes of the tangent-plane patch in x and y (cut at the window)
ARROW_SCALE = 0.3  # the arrows are drawn at this multiple of ∇f
#: The slope f'(X0) in its shortest form to this many significant digits: 0.3 (exact: no zero
#: padded).
SLOPE_SIG = 3
#: ∂f/∂x and ∂f/∂y, a pair, to one number of decimals: (−0.45, 2.50)
GRAD_PLACES = 2
#: Where each arrow's leader meets it, a share of its length from the point: past the
#: right-angle mark, short of the head.
NAME_AT = 0.7
#: The names' left edge, a share of the view's width from its left (1 is its frame).
NAME_X = 1.04
#: How far below that point each name stands, a share of the view's half-size.
NAME_DROP = 0.3
ZOOM = 1.0  # half-size of the square (x, y) window of the contour view: both arrows fit
#: The three panels' widths (curve, surface, view from above): balanced, the surface box wide
#: enough to read, the square view from above as wide as the panels are tall.
GRID_WIDTHS = (1.0, 1.2, 1.3)
#: The line of the square the view from above shows, in muted: its outline on the bowl and its
#: frame (points), the same line in both: the width of every axes' spines (the theme's), so the
#: view is framed as the other maps are, not in a heavier box of its own.
SQUARE_WIDTH = 0.7
#: The bowl's mesh: lines a side, their width (points) and ink (a share of the muted grey
#: over the page); the bowl's two cuts through the point (points), thinner than the tangents.
#: At 16 lines and 0.55 of the grey the mesh read as a dense net under the plane, the cuts
#: and their names' leaders; 12 at 0.35 keep the bowl's shape and leave those to read.
MESH_LINES, MESH_WIDTH, MESH_INK = 12, 0.12, 0.35
CUT_WIDTH = 0.8
#: The names of the bowl's two cuts through the point on the 3-D panel.
CUT_NAMES = {"cut-x-name": "cut along $x$", "cut-y-name": "cut along $y$"}
#: Where each name stands from its cut's upper end (points): above the bowl's rim, off its mesh,
#: up from the x cut and up right of the y cut.
CUT_NAME_AT = ((-4.0, 30.0), (18.0, 20.0))
#: The view from above's levels over the bowl's whole span of z (its colours the bowl's): as
#: many as keep a few level lines inside its small square.
VIEW_LEVELS = 28
WSPACE = 0.45
#: Room above the frames (two-line titles) and below them (tick numbers, axis label), inches;
#: the frames as tall as the square view from above is wide, so all three share top and
#: bottom and the figure's height follows.
TOP_ROOM, BOTTOM_ROOM = 0.5, 0.48
#: How far (a fraction of the figure's width) the 3-D box is moved left of its cell's centre.
BOX_SHIFT = 0.05
#: The bowl's camera and box: from the front and above, the point on the far wall in view;
#: zoomed so the drawn box spans about the height of its neighbours' frames.
VIEW_ELEV, VIEW_AZIM = 36, -48
BOX_ASPECT = (1.3, 1, 0.85)
BOX_ZOOM = 1.12


def facts() -> dict:
    bowl = surfaces.valley
    g = bowl.grad(POINT)
    n = numbers.text
    return dict(x0=n(X0), slope=n(bowl.grad((X0, 0.0))[0], sig=SLOPE_SIG), px=n(POINT[0]),
                py=n(POINT[1]), m1=n(g[0], places=GRAD_PLACES), m2=n(g[1], places=GRAD_PLACES),
                scale=n(ARROW_SCALE))


def view_square(bowl, n: int = 40) -> tuple[np.ndarray, np.ndarray]:
    """The view from above's window (POINT ± ZOOM), as (x, y) round its edge, cut at the bowl's
    WINDOW: where the 3-D panel outlines it on the bowl."""
    (x0, x1), (y0, y1) = WINDOW
    px, py = POINT
    lx, hx = max(px - ZOOM, x0), min(px + ZOOM, x1)
    ly, hy = max(py - ZOOM, y0), min(py + ZOOM, y1)
    e = np.linspace(0.0, 1.0, n)
    xs = np.concatenate([lx + (hx - lx) * e, np.full(n, hx), hx - (hx - lx) * e, np.full(n, lx)])
    ys = np.concatenate([np.full(n, ly), ly + (hy - ly) * e, np.full(n, hy), hy - (hy - ly) * e])
    return xs, ys


def _curve(ax, theme):
    """The cut y = f(x) = valley(x, 0) with its tangent and slope triangle."""
    bowl = surfaces.valley
    lo, hi = WINDOW[0]
    xs = np.linspace(lo, hi, 200)
    y0 = bowl.value((X0, 0.0))
    m = bowl.grad((X0, 0.0))[0]
    gm.style_axes(ax, theme)
    # a function, not data: drawn in ink (the data blue is for data points only)
    ax.plot(xs, bowl(xs, 0.0), color=theme.text, linewidth=1.6, label="$f(x)$", zorder=2,
            gid="curve")
    tx = np.array([X0 - 0.75 * DX, X0 + 1.45 * DX])
    ax.plot(tx, bowl.tangent((X0, 0.0), tx - X0, 0.0), color=theme.accent, linewidth=1.3, zorder=3,
            label=f"tangent at $x = {X0:g}$, "
            f"slope $f'({X0:g}) = {numbers.latex(m, sig=SLOPE_SIG)}$")
    # The slope triangle below the tangent: run dx, rise df = f'(x) dx.
    x1, y1 = X0 + DX, float(bowl.tangent((X0, 0.0), DX, 0.0))
    ax.plot([X0, x1, x1], [y0, y0, y1], color=theme.text, linewidth=0.9, zorder=3)
    ax.plot([X0], [y0], **{**theme.marker("current"), "zorder": 4}, gid="curve-touch")
    # the legs named beside them, in the page's clear space (df = f'(x) dx is the title's)
    ax.annotate("$dx$", (X0 + 0.6 * DX, y0), xytext=(0, -3), textcoords="offset points",
                ha="center", va="top", color=theme.text, fontsize=theme.font_size, gid="dx")
    ax.annotate("$df$", (x1, (y0 + y1) / 2), xytext=(4, 0), textcoords="offset points",
                ha="left", va="center", color=theme.text, fontsize=theme.font_size, gid="dy")
    ax.set_xlim(lo, hi)
    # the curve leaves through the top edge, inside the x range: cut cleanly by the frame
    ax.set_ylim(-0.2, 0.92 * float(bowl(hi, 0.0)))
    ax.set_yticks([0, 1, 2])  # none at the top edge, under the two-line title
    ax.set_xlabel("$x$")
    ax.set_ylabel("$f$")  # its value, as the bowl's height: y is an input in the other panels
    # named beside its left branch, between the y = 1 and y = 2 rules, the x = -5 rule stopping
    # short of the letters
    ax.annotate("$f(x)$", (-5.6, float(bowl(-5.6, 0.0))), xytext=(5, 0),
                textcoords="offset points", ha="left", va="center", color=theme.text,
                fontsize=theme.font_size, gid="curve-name", path_effects=gm.halo(theme))


def _face_means(rgb, count):
    """`rgb` (per grid vertex) with each face plot_surface draws at `count` faces a side
    coloured by the mean over its vertices, at its first corner (where plot_surface takes a
    face's colour): each face the colour of its middle, not of one corner."""
    out = rgb.copy()
    cuts = [[*range(0, n - 1, max(int(np.ceil(n / count)), 1)), n - 1] for n in rgb.shape[:2]]
    for r0, r1 in zip(cuts[0][:-1], cuts[0][1:]):
        for c0, c1 in zip(cuts[1][:-1], cuts[1][1:]):
            out[r0, c0] = rgb[r0:r1 + 1, c0:c1 + 1].mean(axis=(0, 1))
    return out


def _surface(ax, theme):
    """The bowl and its tangent plane at POINT, with the bowl's two cuts through the point and
    their tangents (the slopes ∂f/∂x and ∂f/∂y): context for the view from above, where ±∇f
    are drawn (in 3-D their directions and right angle would not read)."""
    bowl = surfaces.valley
    (x0, x1), (y0, y1) = WINDOW
    ax.computed_zorder = False  # the opaque bowl, then what sits on it
    # a fine mesh of small faces: mplot3d sorts faces by their centres, and large faces of the
    # steep front rim would be drawn behind the floor of the bowl (a notch cut in the rim)
    X, Y = np.meshgrid(np.linspace(x0, x1, 64), np.linspace(y0, y1, 64))
    Z = bowl(X, Y)
    # coloured by f as its view from above is (linear), lit as every cost surface is (the
    # theme's SurfaceLook: each f in its map's colour where level, shaded where a slope turns
    # it from the light); the mesh light and sparse (MESH_LINES a side, half-way from the page
    # to the muted grey): the bowl's shape, not a dark net under the plane and the lines at
    # the point
    fills = _face_means(lit_colors(Z, theme.cost_map, (float(Z.min()), float(Z.max())),
                                   aspect=BOX_ASPECT, level_true=True, log=False), MESH_LINES)
    surf = ax.plot_surface(X, Y, Z, facecolors=fills, shade=False, rcount=MESH_LINES,
                           ccount=MESH_LINES, antialiased=False, zorder=2)
    surf.set_edgecolor(mix(theme.background, theme.muted, MESH_INK))
    surf.set_linewidth(MESH_WIDTH)
    surf.set_rasterized(True)
    gm.keep_colouring(ax, float(Z.min()), float(Z.max()), log=False)  # the view from above's

    px, py = POINT
    pz = bowl.value(POINT)
    # The tangent plane z = pz + (∂f/∂x) dx + (∂f/∂y) dy over a small patch, seen through
    # (the bowl shows under it), its edge drawn; the bowl's two cuts through the point, along
    # x and along y, and their tangents in the plane (slopes ∂f/∂x, ∂f/∂y) show where it
    # touches.
    hx, hy = PLANE_HALF
    # the patch's offsets from the point, kept inside the window
    ax0, ax1 = max(-hx, x0 - px), min(hx, x1 - px)
    ay0, ay1 = max(-hy, y0 - py), min(hy, y1 - py)
    DXg, DYg = np.meshgrid(np.linspace(ax0, ax1, 2), np.linspace(ay0, ay1, 2))
    plane = ax.plot_surface(px + DXg, py + DYg, bowl.tangent(POINT, DXg, DYg), color=theme.accent,
                            alpha=0.25, linewidth=0, shade=False, zorder=4)
    plane.set_gid("tangent-plane")
    plane.set_rasterized(True)
    ex = np.array([ax0, ax1, ax1, ax0, ax0])
    ey = np.array([ay0, ay0, ay1, ay1, ay0])
    ax.plot(px + ex, py + ey, bowl.tangent(POINT, ex, ey), color=theme.accent, linewidth=0.9,
            zorder=5, gid="plane-edge")
    cx = np.linspace(ax0, ax1, 40)
    cy = np.linspace(ay0, ay1, 40)
    ax.plot(px + cx, py + 0 * cx, bowl(px + cx, py + 0 * cx), color=theme.text,
            linewidth=CUT_WIDTH, zorder=5, gid="cut-x")
    ax.plot(px + 0 * cy, py + cy, bowl(px + 0 * cy, py + cy), color=theme.text,
            linewidth=CUT_WIDTH, zorder=5, gid="cut-y")
    for gid, (u, v) in (("slope-x", (cx[[0, -1]], 0 * cx[[0, -1]])),
                        ("slope-y", (0 * cy[[0, -1]], cy[[0, -1]]))):
        ax.plot(px + u, py + v, bowl.tangent(POINT, u, v), color=theme.accent, linewidth=1.4,
                zorder=6, gid=gid)
    # the point, the same dot as in the other panels; round it, on the bowl, the square the
    # view from above shows, in its frame's line (as descent-3d outlines its floor view's
    # window on its surface): the 3-D panel is its context
    ax.plot([px], [py], [pz], **{**theme.marker("current"), "zorder": 10}, gid="touch")
    wx, wy = view_square(bowl)
    # uncased (a casing drew it as a grey-and-white channel among the lines at the point): over
    # the light mesh its line reads as the right panel's frame does
    ax.plot(wx, wy, bowl(wx, wy), color=theme.muted, linewidth=SQUARE_WIDTH, zorder=3,
            gid="view-square")

    ax.view_init(elev=VIEW_ELEV, azim=VIEW_AZIM)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_zlim(float(Z.min()), float(Z.max()))
    ax.set_box_aspect(BOX_ASPECT, zoom=BOX_ZOOM)
    # each cut named beyond its upper end, in ink as it is drawn, on a thin leader: clear of
    # the plane, the dot and the square's outline (once the 3-D view and its limits are set,
    # so the ends are projected where they are drawn)
    for gid, (x, y), (ha, off) in (("cut-x-name", (px + ax0, py), ("right", CUT_NAME_AT[0])),
                                   ("cut-y-name", (px, py + ay1), ("left", CUT_NAME_AT[1]))):
        u, v, _ = proj3d.proj_transform(x, y, float(bowl(x, y)), ax.get_proj())
        ax.annotate(CUT_NAMES[gid], (u, v), xytext=off, textcoords="offset points", ha=ha,
                    va="center", color=theme.text, fontsize=theme.small_size, zorder=11,
                    gid=gid, arrowprops=dict(arrowstyle="-", color=theme.muted, linewidth=0.6,
                                             shrinkA=1.5, shrinkB=1.5))
    ax.set_xticks([-5.0, 0.0, 5.0])
    ax.set_yticks([-1.0, 0.0, 1.0])
    ax.set_zticks([0.0, 4.0, 8.0])
    ax.set_xlabel("$x$", labelpad=-6)
    ax.set_ylabel("$y$", labelpad=-6)
    ax.set_zlabel("$f$", labelpad=-10)
    ax.tick_params(axis="both", pad=-3, labelsize=theme.small_size)
    gm.clear_panes(ax, theme)


def _contour_view(ax, theme, ax3):
    """Seen from above, at equal scales: the square outlined on the bowl on ax3, in the bowl's
    colours there (one colour, one z in both), the contour through the point (bold), and ∇f
    and −∇f at ARROW_SCALE times their length, the gradient at a right angle to the
    contour."""
    bowl = surfaces.valley
    px, py = POINT
    xs = np.linspace(px - ZOOM, px + ZOOM, 160)
    ys = np.linspace(py - ZOOM, py + ZOOM, 160)
    X, Y = np.meshgrid(xs, ys)
    Z = bowl(X, Y)
    gm.inset_map(ax, ax3, theme, X, Y, Z, levels=VIEW_LEVELS)
    pz = bowl.value(POINT)
    # the contour through the point only: the level's other branch, across the valley floor,
    # is left to the thin level lines (drawn bold, it read as a second object)
    floor = surfaces.valley.minimum[1]
    near = np.ma.masked_where((Y - floor) * (py - floor) < 0, Z)
    own = ax.contour(X, Y, near, levels=[pz], colors=theme.text, linewidths=1.4, zorder=4)
    own.set_gid("point-contour")
    point = np.asarray(POINT, dtype=float)
    g = np.asarray(bowl.grad(POINT), dtype=float)
    u = g / np.linalg.norm(g)
    t = np.array([-u[1], u[0]])  # along the contour
    for sign, colour, label in ((1, theme.text, r"$\nabla f$"),
                                (-1, theme.accent, r"$-\nabla f$")):
        tip = point + sign * ARROW_SCALE * g  # the same arrow as in the middle panel
        ax.annotate("", xy=tuple(tip), xytext=POINT, zorder=6, gid=f"flat{sign:+d}",
                    arrowprops=dict(arrowstyle="-|>,head_length=0.6,head_width=0.3",
                                    color=colour, linewidth=2.0, shrinkA=0, shrinkB=0))
        # named off the map (every gap of a map holds a level line: a name there stands on
        # one), right of its frame, on a thin leader down to its shaft (falling across the
        # level lines, so it never reads as one of them)
        at = point + NAME_AT * sign * ARROW_SCALE * g
        ax.annotate(label, tuple(at), xytext=(NAME_X, at[1] - NAME_DROP * ZOOM),
                    textcoords=blended_transform_factory(ax.transAxes, ax.transData),
                    ha="left", va="center", color=colour, fontsize=theme.font_size + 1,
                    gid=f"flat-label{sign:+d}", annotation_clip=False,
                    arrowprops=dict(arrowstyle="-", color=theme.muted, linewidth=0.6,
                                    shrinkA=3.0, shrinkB=2.0))
    # the right angle between the contour's tangent and the gradient
    r = 0.16 * ZOOM
    corner = np.array([point + r * t, point + r * (t + u), point + r * u])
    ax.plot(corner[:, 0], corner[:, 1], color=theme.text, linewidth=1.0, gid="right-angle",
            zorder=5)
    ax.plot([px], [py], **{**theme.marker("current"), "zorder": 7})
    ax.set_aspect("equal")
    ax.set_xlim(px - ZOOM, px + ZOOM)
    ax.set_ylim(py - ZOOM, py + ZOOM)
    ax.set_xlabel("$x$")
    ax.set_ylabel("$y$")
    ax.set_xticks([-5.0, -4.5, -4.0])
    ax.set_yticks([0.0, 0.5, 1.0])
    for spine in ax.spines.values():  # framed as a map is: the square outlined on the bowl
        spine.set(visible=True, color=theme.muted, linewidth=SQUARE_WIDTH)


def make_figure(theme):
    fig = gm.new_figure(theme, height=3.0)
    fig.set_layout_engine("none")  # the panels where the grid puts them, under one title line
    gs = fig.add_gridspec(1, 3, width_ratios=GRID_WIDTHS, left=0.075, right=0.955, wspace=WSPACE)
    # the square view's side is its cell's width: the frames take that height
    w_in = fig.get_size_inches()[0]
    side = gs[2].get_position(fig).width * w_in
    h_in = side + TOP_ROOM + BOTTOM_ROOM
    fig.set_size_inches(w_in, h_in)
    gs.update(bottom=BOTTOM_ROOM / h_in, top=1 - TOP_ROOM / h_in)
    ax = fig.add_subplot(gs[0])
    ax3 = fig.add_subplot(gs[1], projection="3d")
    ax2 = fig.add_subplot(gs[2])
    # the 3-D box set left into the room its cell leaves beside the curve's panel: its z ticks
    # and label stand clear of the right panel's y label and tick numbers
    pos = ax3.get_position()
    ax3.set_position([pos.x0 - BOX_SHIFT, pos.y0, pos.width, pos.height])
    _curve(ax, theme)
    _surface(ax3, theme)
    _contour_view(ax2, theme, ax3)
    m = surfaces.valley.grad((X0, 0.0))[0]
    g = surfaces.valley.grad(POINT)
    n = numbers.latex
    # the three titles on one line, each over its panel, a formula under each
    # the slope written as the derivative: m is the line's slope everywhere else in the book
    titles = (("a curve and its tangent",
               rf"$df = f'(x)\,dx$, $f'({X0:g}) = {n(m, sig=SLOPE_SIG)}$"),
              ("a surface and its tangent plane",
               r"$df = (\partial f/\partial x)\,dx + (\partial f/\partial y)\,dy$"),
              ("from above: a right angle",
               rf"$\nabla f = ({n(g[0], places=GRAD_PLACES)}, {n(g[1], places=GRAD_PLACES)})$"))
    for k, (a, (title, formula)) in enumerate(zip((ax, ax3, ax2), titles)):
        a.set_title(th.title(title) + "\n" + formula, gid=f"title{k}")
    # the 3-D axes' title set on the others' line, and centred over its cell (the box is set
    # left of it), clear of the curve's title
    fig.draw_without_rendering()
    y, x = 1.0, 0.5 + BOX_SHIFT / ax3.get_position().width
    for _ in range(3):  # the title's own extent moves the 3-D box a little: settle it
        shift = ax.title.get_window_extent().y1 - ax3.title.get_window_extent().y1
        y += shift / ax3.get_window_extent().height
        ax3.set_title(ax3.get_title(), gid="title1", x=x, y=y)
        fig.draw_without_rendering()
    return fig


if __name__ == "__main__":
    gm.main(__file__)
