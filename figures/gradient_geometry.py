"""Tangents and gradients

Left: a curve f(x) and its tangent at x = {x0}. Near the point the tangent and the curve
agree, so a small step dx changes f by df = f′(x) dx, where f′({x0}) = {slope} is the slope of
the tangent. Middle: a bowl-shaped surface f(x, y) and its tangent plane at (x, y) = ({px},
{py}). The plane has one slope per direction, the partial derivatives ∂f/∂x = {m1} and ∂f/∂y =
{m2}: the bowl's two cuts through the point, along x and along y, drawn bold, each touch
the plane there at its slope along them. So a small step changes f by df = (∂f/∂x) dx +
(∂f/∂y) dy. Together the two slopes form the gradient ∇f = (∂f/∂x, ∂f/∂y). Right: the square
outlined on the bowl round the point,
seen from above, at equal scales on x and y (the point a dot in all three panels): the gradient
points straight uphill, at a right angle (marked) to the contour through the point, and the
descent direction −∇f, the same arrow turned round, of the same length, straight downhill. Both
arrows are drawn at {scale} times ∇f. (Here f is any function, as the book's cost J is one:
one notation in all three panels, x and y its inputs, f its value, the height of the curve and
of the surface.)

Alt: Left, a U-shaped curve with a straight tangent line touching it at one point, and a right
triangle under the tangent with legs labelled dx and df. Middle, a lit, meshed three-dimensional
bowl with a see-through tangent plane touching it at one point, marked by a dot, the mesh left
out under the plane; the bowl's two cross-sections through the point drawn as bold curves across
the bowl, named "cut along x" and "cut along y" on thin leaders, and a thin square outlined on
the bowl round the point. Right, headed "From above: a right angle" and ∇f = ({m1}, {m2}): that
square seen from above, a contour map around the same dot, the contour line through it drawn
bold and nearly level; an arrow points up from the point and an arrow of the same length points
down, named ∇f and −∇f beside their heads, and a right-angle mark sits between the contour line
and the gradient.
"""

import numpy as np
from matplotlib import colormaps
from matplotlib.colors import Normalize, to_hex
from mpl_toolkits.mplot3d import proj3d

from gdcore import surfaces
from gdviz import mpl as gm
from gdviz import numbers
from gdviz import theme as th
from gdviz.cost_surface import lit_surface

#: Layout choices: where the tangent touches the curve (left) and the surface (right).
X0 = 3.0
DX = 3.0  # the run of the slope triangle on the left: its legs long enough to name
WINDOW = ((-8.0, 8.0), (-0.8, 1.4))  # the part of gdcore's valley bowl drawn
POINT = (-4.5, 0.5)  # on the bowl's far wall, seen from the front; ±∇f inside the window
PLANE_HALF = (3.0, 0.7)  # half-sizes of the tangent-plane patch in x and y (cut at the window)
ARROW_SCALE = 0.3  # the arrows are drawn at this multiple of ∇f
#: The slope f'(X0) in its shortest form to this many significant digits: 0.3 (exact: no zero
#: padded).
SLOPE_SIG = 3
#: ∂f/∂x and ∂f/∂y, a pair, to one number of decimals: (−0.45, 2.50)
GRAD_PLACES = 2
#: Where each arrow's name stands from its tip (points): beside the head, off the shaft.
NAME_OFFSET = (7.0, -6.0)
#: Their halo (points), of the band under them: wide enough that a level line stops clear of
#: the minus of −∇f (at 0.75 one ran into it and read as part of it); under a page label's.
NAME_HALO = 1.4
ZOOM = 1.0  # half-size of the square (x, y) window of the contour view: both arrows fit
#: The three panels' widths (curve, surface, view from above): balanced, the surface box wide
#: enough to read, the square view from above as wide as the panels are tall.
GRID_WIDTHS = (1.0, 1.2, 1.3)
#: The line of the square the view from above shows, in muted: its outline on the bowl and its
#: frame (points), the same line in both: the width of every axes' spines (the theme's), so the
#: view is framed as the other maps are, not in a heavier box of its own.
SQUARE_WIDTH = 0.7
#: The bowl's grid (points a side): fine cells, painted back to front one by one.
GRID = 64
#: The cuts, bold curves on the bowl (points, as wide as the curve of the left panel), and the
#: tangent plane, one see-through sheet (its opacity): the bowl shows through, its mesh not.
CUT_WIDTH = 1.6
PLANE_ALPHA = 0.45
#: The names of the bowl's two cuts through the point on the 3-D panel.
CUT_NAMES = {"cut-x-name": "cut along $x$", "cut-y-name": "cut along $y$"}
#: Where each name stands from its cut's upper end (points): above the bowl's rim, off its mesh,
#: up from the x cut and up right of the y cut.
CUT_NAME_AT = ((-4.0, 26.0), (22.0, 6.0))
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
VIEW_ELEV, VIEW_AZIM = 40, -48
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


def one_line(ax, gid):
    """The line of `ax` with that gid."""
    (line,) = [ln for ln in ax.lines if ln.get_gid() == gid]
    return line


def _surface(ax, theme):
    """The bowl and its tangent plane at POINT, with the bowl's two cuts through the point (their
    slopes ∂f/∂x and ∂f/∂y are the plane's): context for the view from above, where ±∇f are
    drawn (in 3-D their directions and right angle would not read)."""
    bowl = surfaces.valley
    (x0, x1), (y0, y1) = WINDOW
    ax.computed_zorder = False  # the opaque bowl, then what sits on it
    X, Y = np.meshgrid(np.linspace(x0, x1, GRID), np.linspace(y0, y1, GRID))
    Z = bowl(X, Y)
    px, py = POINT
    pz = bowl.value(POINT)
    hx, hy = PLANE_HALF
    # the patch's offsets from the point, kept inside the window
    ax0, ax1 = max(-hx, x0 - px), min(hx, x1 - px)
    ay0, ay1 = max(-hy, y0 - py), min(hy, y1 - py)

    def under_plane(x, y):
        return (x > px + ax0) & (x < px + ax1) & (y > py + ay0) & (y < py + ay1)

    # the house surface (as every cost surface: lit by the one light, a quad mesh of every
    # mesh_every-th grid line, faces and mesh painted back to front cell by cell, so no face
    # of the far wall is drawn over the floor), coloured by f as its view from above is
    # (linear); no mesh under the see-through plane, which would read as lines on it
    gm.keep_colouring(ax, float(Z.min()), float(Z.max()), log=False)
    surf = lit_surface(ax, theme, X, Y, Z, (float(Z.min()), float(Z.max())), hidden=True,
                       log=False, bare=under_plane)
    surf.set_zorder(2)
    gm.keep_colouring(ax, float(Z.min()), float(Z.max()), log=False)  # the view from above's

    # The tangent plane z = pz + (∂f/∂x) dx + (∂f/∂y) dy over a patch: one solid see-through
    # sheet, its edge drawn; the bowl's two cuts through the point, along x and along y, drawn
    # across the whole window, bold, show where it touches (each cut's slope there is the
    # plane's along it).
    DXg, DYg = np.meshgrid(np.linspace(ax0, ax1, 2), np.linspace(ay0, ay1, 2))
    plane = ax.plot_surface(px + DXg, py + DYg, bowl.tangent(POINT, DXg, DYg), color=theme.accent,
                            alpha=PLANE_ALPHA, linewidth=0, shade=False, zorder=4)
    plane.set_gid("tangent-plane")
    plane.set_rasterized(True)
    ex = np.array([ax0, ax1, ax1, ax0, ax0])
    ey = np.array([ay0, ay0, ay1, ay1, ay0])
    ax.plot(px + ex, py + ey, bowl.tangent(POINT, ex, ey), color=theme.accent, linewidth=0.9,
            zorder=5, gid="plane-edge")
    cx = np.linspace(x0, x1, 120)
    cy = np.linspace(y0, y1, 60)
    ax.plot(cx, py + 0 * cx, bowl(cx, py + 0 * cx), color=theme.text, linewidth=CUT_WIDTH,
            zorder=6, gid="cut-x", path_effects=gm.casing(theme))
    ax.plot(px + 0 * cy, cy, bowl(px + 0 * cy, cy), color=theme.text, linewidth=CUT_WIDTH,
            zorder=6, gid="cut-y", path_effects=gm.casing(theme))
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
    ax.set_xticks([-5.0, 0.0, 5.0])
    ax.set_yticks([-1.0, 0.0, 1.0])
    ax.set_zticks([0.0, 4.0, 8.0])
    ax.set_xlabel("$x$", labelpad=-6)
    ax.set_ylabel("$y$", labelpad=-6)
    ax.set_zlabel("$f$", labelpad=-10)
    ax.tick_params(axis="both", pad=-3, labelsize=theme.small_size)
    gm.clear_panes(ax, theme)


def _name_cuts(ax, theme):
    """Each cut named beyond its upper end, in ink as it is drawn, on a thin leader: clear of the
    plane, the dot and the square's outline (once the 3-D view, its limits and its place on the
    page are set, so the ends are projected where they are drawn)."""
    for gid, (ha, off) in (("cut-x-name", ("right", CUT_NAME_AT[0])),
                           ("cut-y-name", ("left", CUT_NAME_AT[1]))):
        xs, ys, zs = (np.asarray(v) for v in one_line(ax, gid[:-5]).get_data_3d())
        top = int(np.argmax(zs))
        u, v, _ = proj3d.proj_transform(xs[top], ys[top], zs[top], ax.get_proj())
        ax.annotate(CUT_NAMES[gid], (u, v), xytext=off, textcoords="offset points", ha=ha,
                    va="center", color=theme.text, fontsize=theme.small_size, zorder=11,
                    gid=gid, arrowprops=dict(arrowstyle="-", color=theme.muted, linewidth=0.6,
                                             shrinkA=1.5, shrinkB=1.5))


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
    zs = bowl(*np.meshgrid(np.linspace(*WINDOW[0], GRID), np.linspace(*WINDOW[1], GRID)))
    band = lambda x, y: Normalize(float(zs.min()), float(zs.max()))(bowl(x, y))  # noqa: E731
    for sign, colour, label in ((1, theme.text, r"$\nabla f$"),
                                (-1, theme.accent, r"$-\nabla f$")):
        tip = point + sign * ARROW_SCALE * g  # the same arrow as in the middle panel
        ax.annotate("", xy=tuple(tip), xytext=POINT, zorder=6, gid=f"flat{sign:+d}",
                    arrowprops=dict(arrowstyle="-|>,head_length=0.6,head_width=0.3",
                                    color=colour, linewidth=2.0, shrinkA=0, shrinkB=0))
        # named at its tip, inside the map, beside the head (∇f to its left, −∇f to its
        # right, off the shaft and the contour): on a halo of the band it stands on, so the
        # level lines stop short of the letters and the map shows round them
        ground = to_hex(colormaps[theme.cost_map.cmap](band(*tip)))
        ax.annotate(label, tuple(tip), xytext=(-sign * NAME_OFFSET[0], NAME_OFFSET[1]),
                    textcoords="offset points", ha="right" if sign > 0 else "left",
                    va="center", color=colour, fontsize=theme.font_size + 1,
                    gid=f"flat-label{sign:+d}", zorder=8,
                    path_effects=gm.halo(theme, width=NAME_HALO, ground=ground))
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
    _name_cuts(ax3, theme)
    return fig


if __name__ == "__main__":
    gm.main(__file__)
