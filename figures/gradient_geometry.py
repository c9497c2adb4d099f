"""Tangents and gradients

Left: a curve y = f(x) and its tangent at x = {x0:g}. Near the point the tangent and the curve
agree, so a small step dx changes y by dy = m dx, where m = f'({x0:g}) = {slope:.2f} is the slope
of the tangent. Right: a bowl-shaped surface z = f(x, y) and its tangent plane at
(x, y) = ({px:g}, {py:g}). The plane has one slope per direction, m1 = ∂f/∂x = {m1:.2f} and
m2 = ∂f/∂y = {m2:.2f}, so a small step changes z by dz = m1 dx + m2 dy. Together the two slopes
form the gradient ∇f = (m1, m2), drawn in the (x, y) plane below the point, across the contour
lines: it points straight uphill, and the descent direction −∇f straight downhill.

Alt: Left, a U-shaped curve with a straight tangent line touching it at one point, and a small
right triangle under the tangent with legs labelled dx and dy = m dx. Right, a translucent
three-dimensional bowl with a flat square tangent plane touching it at one point; on the floor of
the box, contour ellipses and two arrows from the point's shadow: the gradient, pointing uphill
across the ellipses, and the descent arrow, minus the gradient, pointing downhill.
"""

import numpy as np
from mpl_toolkits.mplot3d import proj3d

from gdcore import surfaces
from gdviz import mpl as gm

#: Layout choices: where the tangent touches the curve (left) and the surface (right).
X0 = 3.0
DX = 1.6  # the run of the slope triangle on the left
WINDOW = ((-8.0, 8.0), (-1.8, 1.8))  # the part of gdcore's valley bowl drawn
POINT = (-4.5, 0.8)
PLANE_HALF = (2.4, 0.55)  # half-sizes of the tangent-plane patch in x and y
ARROW_SCALE = 0.3  # the arrows are drawn at this multiple of ∇f
Z_FLOOR = -5.0


def facts() -> dict:
    bowl = surfaces.valley
    g = bowl.grad(POINT)
    return dict(x0=X0, slope=bowl.grad((X0, 0.0))[0], px=POINT[0], py=POINT[1],
                m1=g[0], m2=g[1])


def _curve(ax, theme):
    """The cut y = f(x) = valley(x, 0) with its tangent and slope triangle."""
    bowl = surfaces.valley
    lo, hi = WINDOW[0]
    xs = np.linspace(lo, hi, 200)
    y0 = bowl.value((X0, 0.0))
    m = bowl.grad((X0, 0.0))[0]
    gm.style_axes(ax, theme)
    ax.plot(xs, bowl(xs, 0.0), color=theme.data, linewidth=1.6, label="$y = f(x)$", zorder=2)
    tx = np.array([X0 - 1.1 * DX, X0 + 1.6 * DX])
    ax.plot(tx, bowl.tangent((X0, 0.0), tx - X0, 0.0), color=theme.accent, linewidth=1.3, zorder=3,
            label=f"tangent at $x = {X0:g}$, slope $m = {m:.2f}$")
    # The slope triangle below the tangent: run dx, rise dy = m dx.
    x1, y1 = X0 + DX, float(bowl.tangent((X0, 0.0), DX, 0.0))
    ax.plot([X0, x1, x1], [y0, y0, y1], color=theme.text, linewidth=0.9, zorder=3)
    ax.plot([X0], [y0], "o", color=theme.accent, markersize=5, zorder=4)
    ax.annotate("$dx$", (X0 + DX / 2, y0), xytext=(0, -4), textcoords="offset points",
                ha="center", va="top", color=theme.text, fontsize=theme.font_size)
    ax.annotate(r"$dy = m\,dx$", (x1, (y0 + y1) / 2), xytext=(4, 0),
                textcoords="offset points", ha="left", va="center", color=theme.text,
                fontsize=theme.font_size)
    ax.set_xlim(lo, hi)
    ax.set_ylim(-0.2, 1.25 * float(bowl(hi, 0.0)))
    ax.set_xlabel("$x$")
    ax.set_ylabel("$y$")
    ax.set_title("a curve and its tangent")
    ax.legend(loc="upper left", handlelength=1.4)


def _surface(ax, theme):
    """The bowl, its tangent plane at POINT, and ±∇f in the (x, y) plane below."""
    bowl = surfaces.valley
    (x0, x1), (y0, y1) = WINDOW
    ax.computed_zorder = False  # floor, then the translucent bowl, then what sits on it
    X, Y = np.meshgrid(np.linspace(x0, x1, 60), np.linspace(y0, y1, 60))
    Z = bowl(X, Y)
    surf = ax.plot_surface(X, Y, Z, cmap=theme.surface_cmap, linewidth=0, alpha=0.5,
                           rcount=40, ccount=40, antialiased=False, zorder=2)
    surf.set_rasterized(True)
    cs = ax.contour(X, Y, Z, levels=8, zdir="z", offset=Z_FLOOR, colors=theme.muted,
                    linewidths=0.5, zorder=1)
    cs.set_rasterized(True)

    px, py = POINT
    pz = bowl.value(POINT)
    m1, m2 = bowl.grad(POINT)
    # The tangent plane z = pz + m1 dx + m2 dy over a small patch.
    hx, hy = PLANE_HALF
    DXg, DYg = np.meshgrid(np.linspace(-hx, hx, 2), np.linspace(-hy, hy, 2))
    plane = ax.plot_surface(px + DXg, py + DYg, bowl.tangent(POINT, DXg, DYg), color=theme.accent,
                            alpha=0.6, linewidth=0.8, edgecolor=theme.accent, shade=False,
                            zorder=4)
    plane.set_rasterized(True)
    ax.plot([px], [py], [pz], "o", color=theme.accent, markersize=5, zorder=10)
    ax.plot([px, px], [py, py], [Z_FLOOR, pz], color=theme.text, linestyle=":", linewidth=1.0,
            zorder=3)

    ax.view_init(elev=26, azim=-58)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_zlim(Z_FLOOR, float(Z.max()))
    ax.set_box_aspect((1.3, 1, 0.8), zoom=0.88)

    # ±∇f in the (x, y) plane below the point, as 2-D arrows between projected points
    # (mplot3d's own arrowheads vanish when seen edge-on).
    gx, gy = ARROW_SCALE * m1, ARROW_SCALE * m2
    proj = ax.get_proj()
    base = proj3d.proj_transform(px, py, Z_FLOOR, proj)[:2]
    grad_label = rf"gradient $\nabla f = (m_1, m_2) = ({m1:.2f}, {m2:.2f})$"
    for sign, colour, label in ((1, theme.error, grad_label),
                                (-1, theme.good, r"descent $-\nabla f$")):
        tip = proj3d.proj_transform(px + sign * gx, py + sign * gy, Z_FLOOR, proj)[:2]
        ax.annotate("", xy=tip, xytext=base, zorder=6, gid=f"arrow{sign:+d}",
                    arrowprops=dict(arrowstyle="-|>,head_length=0.5,head_width=0.25",
                                    color=colour, linewidth=1.8, shrinkA=0, shrinkB=0))
        ax.plot([], [], color=colour, linewidth=1.8, label=label)
    ax.legend(loc="upper left", bbox_to_anchor=(-0.02, 1.0), handlelength=1.4, borderaxespad=0)

    ax.set_title("a surface and its tangent plane\n" + r"$dz = m_1\,dx + m_2\,dy$",
                 linespacing=1.5)
    ax.set_xticks([-5.0, 0.0, 5.0])
    ax.set_yticks([-1.0, 0.0, 1.0])
    ax.set_zticks([0.0, 5.0, 10.0])
    ax.set_xlabel("$x$", labelpad=-6)
    ax.set_ylabel("$y$", labelpad=-6)
    ax.set_zlabel("$z$", labelpad=-8)
    ax.tick_params(axis="both", pad=-3, labelsize=theme.small_size)
    gm.clear_panes(ax, theme)


def make_figure(theme):
    fig = gm.new_figure(theme, height=3.2)
    gs = fig.add_gridspec(1, 2, width_ratios=(1, 1.2))
    ax = fig.add_subplot(gs[0])
    ax3 = fig.add_subplot(gs[1], projection="3d")
    _curve(ax, theme)
    _surface(ax3, theme)
    return fig


if __name__ == "__main__":
    gm.main(__file__)
