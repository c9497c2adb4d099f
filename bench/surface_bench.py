"""Frames per second of the mse-surface orbit at 720p: stock Manim Surface (32×32) against
gdviz.fast_surface's raster surface, in one run.

How it is measured: each scene is rendered in-process through the Scene API with the Cairo
renderer at medium quality (1280×720, 30 fps), write_to_movie False, caching off. The scene
first builds its surface and axes (not timed), then plays one camera orbit of ORBIT_SECONDS
(a linear turn of the azimuth, theta += 360°); the wall-clock time of that play() call is
measured with time.perf_counter (wall clock) and time.process_time (this process's CPU time,
which other processes sharing the 2 cores do not inflate); fps = frames rendered / seconds.
Both scenes draw the same J(m, b) over m ∈ [−2, 4], b ∈ [−6, 8] from gdcore, coloured
viridis on log J, with axes.

Run: .venv/bin/python bench/surface_bench.py [orbit seconds, default 4]
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "src")]

import numpy as np  # noqa: E402
from manim import (  # noqa: E402
    DEGREES,
    ManimColor,
    Surface,
    ThreeDAxes,
    ThreeDScene,
    config,
    linear,
    tempconfig,
)

from gdcore import data, regression  # noqa: E402
from gdviz import views  # noqa: E402
from gdviz.cost_surface_scene import BOX, build_axes, build_surface  # noqa: E402
from scenes.mse_surface import MseSurface  # noqa: E402

ORBIT_SECONDS = float(sys.argv[1]) if len(sys.argv) > 1 else 4.0
RESULTS: dict[str, tuple[float, float]] = {}


class StockOrbit(ThreeDScene):
    """The same surface as stock Manim draws it: Surface, 32×32 faces, ThreeDAxes."""

    def construct(self):
        from matplotlib import colormaps

        x, y = data.regression_points()
        (m0, m1), (b0, b1) = views.M_RANGE, views.B_RANGE
        _, _, J = regression.cost_grid(x, y, views.M_RANGE, views.B_RANGE, 200)
        j_top, j_lo = float(J.max()), float(J[J > 0].min())
        sx, sy, sz = BOX[0] / (m1 - m0), BOX[1] / (b1 - b0), BOX[2] / j_top

        def point(u, v):
            return np.array([(u - (m0 + m1) / 2) * sx, (v - (b0 + b1) / 2) * sy,
                             (regression.cost(u, v, x, y) - j_top / 2) * sz])

        surf = Surface(point, u_range=[m0, m1], v_range=[b0, b1], resolution=(32, 32),
                       stroke_width=0.3, fill_opacity=1.0)
        cmap = colormaps["viridis"]
        for face in surf:  # viridis on log J, one colour per face
            c = face.get_center()
            j = c[2] / sz + j_top / 2
            t = np.log(max(j, j_lo) / j_lo) / np.log(j_top / j_lo)
            face.set_fill(color=ManimColor.from_rgb(cmap(float(np.clip(t, 0, 1)))[:3]), opacity=1.0)
        axes = ThreeDAxes(x_range=[-3, 3, 1], y_range=[-3, 3, 1], z_range=[-2, 2, 1],
                          x_length=BOX[0], y_length=BOX[1], z_length=BOX[2])
        self.set_camera_orientation(phi=(90 - views.VIEW_ELEV) * DEGREES,
                                    theta=views.VIEW_AZIM * DEGREES)
        self.add(axes, surf)
        t0, c0 = time.perf_counter(), time.process_time()
        self.move_camera(theta=(views.VIEW_AZIM + 360) * DEGREES, run_time=ORBIT_SECONDS,
                         rate_func=linear)
        RESULTS["stock"] = (time.perf_counter() - t0, time.process_time() - c0)


class FastOrbit(MseSurface):
    """mse-surface's own orbit: the raster surface under the vector axes."""

    def construct(self):
        t = self.theme
        self.surface = build_surface(t, self.view, self.x, self.y)
        self.axes = build_axes(t, self.view)
        self.add(self.surface, self.axes, self.minimum_marker())
        t0, c0 = time.perf_counter(), time.process_time()
        self.orbit(ORBIT_SECONDS)
        RESULTS["fast"] = (time.perf_counter() - t0, time.process_time() - c0)


def measure(scene_cls) -> float:
    with tempconfig({"quality": "medium_quality", "write_to_movie": False,
                     "disable_caching": True, "preview": False, "save_last_frame": False,
                     "verbosity": "WARNING", "progress_bar": "none"}):
        frames = int(round(ORBIT_SECONDS * config.frame_rate))
        size = f"{config.pixel_width}x{config.pixel_height}"
        scene = scene_cls()
        scene.render()
    key = "stock" if scene_cls is StockOrbit else "fast"
    wall, cpu = RESULTS[key]
    print(f"{scene_cls.__name__:>11}: {frames} frames at {size} in {wall:6.2f} s wall "
          f"= {frames / wall:6.2f} fps; {cpu:6.2f} s CPU = {frames / cpu:6.2f} fps")
    return frames / wall, frames / cpu


def main() -> None:
    print(f"mse-surface orbit, {ORBIT_SECONDS:g} s of animation, Cairo renderer, "
          "render only (write_to_movie False)")
    stock = measure(StockOrbit)
    fast = measure(FastOrbit)
    for i, what in enumerate(("wall clock", "CPU time (this process)")):
        print(f"{what}: stock Surface 32x32 {stock[i]:.2f} fps | fast_surface {fast[i]:.2f} "
              f"fps | ratio {fast[i] / stock[i]:.1f}x")
    print(f"load average during the run: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
