"""The cost surface J(m, b): a shaded, lit surface the camera orbits once, the minimum marked.

The surface is gdviz.fast_surface's raster layer (one ImageMobject redrawn each frame from the
projected grid of gdcore's costs), under vector axes m, b, J whose labels stay upright.
Render alone with: manim -ql scenes/mse_surface.py MseSurface
"""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    UR,
    BackgroundRectangle,
    Dot,
    FadeIn,
    VGroup,
    Write,
    linear,
)

from gdcore import data, regression
from gdviz import equations, views
from gdviz.cost_surface_scene import GRID, build_axes, build_surface, build_view
from gdviz.fast_surface import visible
from gdviz.manim_theme import ThemedScene, sections


class MseSurface(ThemedScene):
    orbit_seconds = 14.0

    def setup(self):
        super().setup()
        self.x, self.y = data.regression_points()
        self.m_star, self.b_star = regression.least_squares(self.x, self.y)
        self.j_star = regression.cost(self.m_star, self.b_star, self.x, self.y)
        self.j_top = float(regression.cost_grid(self.x, self.y, views.M_RANGE, views.B_RANGE,
                                                GRID)[2].max())
        self.view = build_view(self.j_top)

    def cost(self, m, b):
        return regression.cost(m, b, self.x, self.y)

    # -- pieces --------------------------------------------------------------------

    def minimum_marker(self):
        """A dot at (m*, b*, J*) following the camera, hidden while the surface covers it."""
        t = self.theme
        point = np.array([[self.m_star, self.b_star, self.j_star]])
        dot = Dot(radius=0.09, color=t.good, stroke_color=t.background, stroke_width=1.5)
        label = self.text("minimum", 24, t.text)
        box = BackgroundRectangle(label, color=t.background, fill_opacity=0.8, buff=0.06)
        tag = VGroup(box, label)

        def follow(group):
            p = self.view.project(point)[0][0]
            seen = bool(visible(self.view, point, self.cost)[0])
            dot.move_to(p).set_opacity(1.0 if seen else 0.0)
            tag.next_to(p, UR, buff=0.12)
            label.set_opacity(1.0 if seen else 0.0)
            box.set_fill(opacity=0.8 if seen else 0.0)
            return group

        marker = VGroup(dot, tag)
        follow(marker)
        marker.add_updater(follow)
        return marker

    # -- sections ------------------------------------------------------------------

    def section_surface(self):
        t = self.theme
        title = self.text("The cost surface J(m, b)", 34).to_edge(UP, buff=0.3)
        eq = self.tex(equations.tex("cost"), 28).to_corner(UP + LEFT, buff=0.35).shift(0.9 * DOWN)
        self.surface = build_surface(t, self.view, self.x, self.y)
        self.axes = build_axes(t, self.view)
        # both start invisible (no flash of the surface before the title), then fade in
        appear = [self.surface.fade_in(), self.axes.fade_in()]
        self.add(self.surface)  # the raster layer lies under everything else
        self.play(Write(title), FadeIn(eq))
        self.play(*appear, run_time=1.5)

    def section_minimum(self):
        t = self.theme
        self.marker = self.minimum_marker()
        rows = VGroup(
            self.text("least squares", 24, t.muted),
            self.tex(rf"m^* = {self.m_star:.3f}", 30, t.good),
            self.tex(rf"b^* = {self.b_star:.3f}", 30, t.good),
            self.tex(rf"J^* = {self.j_star:.4f}", 30, t.good),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.18)
        rows.to_edge(RIGHT, buff=0.4).shift(1.2 * UP)
        self.play(FadeIn(self.marker, scale=0.5), FadeIn(rows, shift=0.2 * LEFT))
        self.wait(1.0)

    def section_orbit(self):
        self.orbit(self.orbit_seconds)
        self.wait(1.0)

    def orbit(self, seconds: float, turn: float = 360.0):
        """One turn of the camera about the J axis, back to the figure's view."""
        self.play(self.view.theta.animate.increment_value(turn), run_time=seconds,
                  rate_func=linear)

    SECTIONS = sections(section_surface, section_minimum, section_orbit)
