"""One more weight, ten times the guesses: the 10×10 grid (100) beside the 10×10×10 lattice
(1,000), and the camera orbiting the lattice so its depth reads.

The points are gdcore.sampling.grid_points; the counts gdcore.sampling.guess_count. The lattice
is projected by gdviz.fast_surface.View3D each frame and drawn as a few depth layers (far to
near: fainter and smaller to darker and larger), each ONE VMobject of many small discs.
Render alone with: manim -ql scenes/sampling_grid_3d.py SamplingGrid3d
"""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Circle,
    Create,
    Dot,
    FadeIn,
    VGroup,
    VMobject,
    Write,
    linear,
)
from manim.utils.color import ManimColor

from gdcore import sampling
from gdviz.colors import mix
from gdviz.fast_surface import Axes3D, View3D, set_polylines
from gdviz.manim_theme import ThemedScene, sections, themed_axes

(BINS,) = sampling.SAMPLING_GRID_3D.bins
LOW, HIGH = 0.0, 1.0
#: The camera of figures/sampling_grid_3d.py (elevation 16°, azimuth −50°) in Manim's angles.
PHI0, THETA0 = 90.0 - 16.0, -50.0
SIDE_2D = 4.0
CUBE = 3.3  # scene length of each edge of the lattice's cube
CUBE_CENTER = (3.4, -0.55)
LAYERS = 8  # depth layers of the lattice
RADIUS = 0.05  # of a lattice point at middle depth


class SamplingGrid3d(ThemedScene):
    orbit_seconds = 14.0

    def setup(self):
        super().setup()
        self.points2 = sampling.grid_points(BINS, 2, LOW, HIGH)
        self.points3 = sampling.grid_points(BINS, 3, LOW, HIGH)
        self.counts = {d: sampling.guess_count(BINS, d) for d in (2, 3)}
        self.view = View3D(((LOW, HIGH),) * 3, (CUBE,) * 3, CUBE_CENTER, PHI0, THETA0)

    # -- pieces --------------------------------------------------------------------

    def title(self, dims: int, anchor):
        count = f"{self.counts[dims]:,}"
        head = self.text(f"{dims} weights: {count} guesses", 28)
        eq = self.tex(rf"{BINS}^{dims} = {count}".replace(",", "{,}"), 32, self.theme.data)
        group = VGroup(head, eq).arrange(DOWN, buff=0.2)
        return group.move_to(anchor)

    def lattice(self) -> VGroup:
        """LAYERS VMobjects, far to near, re-filled from the camera every frame."""
        t = self.theme
        far = mix(t.background, t.data, 0.18)
        layers = VGroup(*(
            VMobject(stroke_width=0, fill_opacity=1.0,
                     fill_color=ManimColor.from_rgb(mix(far, t.data, (k + 0.5) / LAYERS)))
            for k in range(LAYERS)))
        unit = Circle(radius=1.0).points  # one disc's outline, to be scaled and moved

        def draw(group):
            scr, depth = self.view.project(self.points3)
            span = np.ptp(depth) or 1.0
            d = (depth - depth.min()) / span  # 0 far .. 1 near
            layer = np.minimum((d * LAYERS).astype(int), LAYERS - 1)
            radius = RADIUS * (0.55 + 0.9 * d)
            self.drawn = scr
            for k, mob in enumerate(group):
                sel = np.flatnonzero(layer == k)
                if len(sel) == 0:
                    mob.clear_points()
                    continue
                pts = scr[sel, None, :] + radius[sel, None, None] * unit[None, :, :]
                mob.points = pts.reshape(-1, 3)
            return group

        draw(layers)
        layers.add_updater(draw)
        return layers

    def cube_edges(self) -> VMobject:
        """The cube's twelve edges, thin, carrying the perspective."""
        edges = VMobject(stroke_color=self.theme.muted, stroke_width=1.5, stroke_opacity=0.6)
        segs = []
        for a in range(3):
            for u in (LOW, HIGH):
                for v in (LOW, HIGH):
                    seg = np.zeros((2, 3))
                    seg[:, a] = (LOW, HIGH)
                    seg[:, (a + 1) % 3] = u
                    seg[:, (a + 2) % 3] = v
                    segs.append(seg)
        segs = np.array(segs)

        def draw(e):
            return set_polylines(e, (self.view.project(seg)[0] for seg in segs))

        draw(edges)
        edges.add_updater(draw)
        return edges

    # -- sections ------------------------------------------------------------------

    def section_grid(self):
        t = self.theme
        title = self.text("One more weight: ten times the guesses", 32).to_edge(UP, buff=0.4)
        ax = themed_axes(t, [LOW, HIGH, 0.5], [LOW, HIGH, 0.5], SIDE_2D, SIDE_2D, "w_1", "w_2")
        ax.shift(np.array([-3.6, -0.65, 0]) - ax.c2p(0.5, 0.5))
        frame = VMobject(color=t.muted, stroke_width=2).set_points_as_corners(
            [ax.c2p(LOW, HIGH), ax.c2p(HIGH, HIGH), ax.c2p(HIGH, LOW)])
        dots = VGroup(*(Dot(ax.c2p(*p), radius=0.06, color=t.data) for p in self.points2))
        self.ax2 = ax
        self.dots2 = dots
        head = self.title(2, [ax.c2p(0.5, 0)[0], 2.35, 0])
        self.play(Write(title))
        self.play(Create(ax), Create(frame), FadeIn(head[0]))
        self.play(FadeIn(dots, lag_ratio=0.02), run_time=2.0)
        self.play(Write(head[1]))

    def section_lattice(self):
        t = self.theme
        self.edges = self.cube_edges()
        self.axes3 = Axes3D(self.view, ([0, 0.5, 1], [0, 0.5, 1], [0.5, 1]),
                            ("w_1", "w_2", "w_3"), t.muted, t.text, places=None)
        self.layers = self.lattice()
        head = self.title(3, [CUBE_CENTER[0], 2.35, 0])
        self.play(Create(self.edges), self.axes3.fade_in(), FadeIn(head[0]))
        self.play(FadeIn(self.layers), run_time=2.0)
        self.play(Write(head[1]))

    def section_orbit(self):
        self.play(self.view.theta.animate.increment_value(360.0), run_time=self.orbit_seconds,
                  rate_func=linear)
        self.wait(1.0)

    SECTIONS = sections(section_grid, section_lattice, section_orbit)


__all__ = ["SamplingGrid3d", "LEFT", "RIGHT"]
