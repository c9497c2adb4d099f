"""A fast shaded 3-D surface for Manim's Cairo renderer, in a plain 2-D scene.

Stock Manim draws a `Surface` as one VMobject per face and depth-sorts them every frame
(about 4.5 frames per second for 32×32 faces on a 2-core machine). Here the projection is
done by hand and the surface is a raster layer:

* `View3D` holds the camera (elevation-like phi and azimuth theta, as ValueTrackers, in
  ThreeDCamera's convention) and maps data coordinates (x, y, z) into a box of given scene
  lengths, rotates them and projects them orthographically onto the frame.
* `ShadedSurface` is ONE ImageMobject. Each frame it projects the grid's vertices (numpy),
  sorts the quads back to front (one argsort), and fills them as polygons into an RGBA image
  with PIL at twice the pixel resolution, then halves it (antialiased edges, no seams: each
  quad is drawn with an outline of its own colour). Its colours are given once, per vertex (the
  caller's: gdviz.cost_surface.lit_colors, the stills' lit cost map); an optional mesh of grid
  lines is drawn in the same painter's order, so nearer quads hide it as they hide faces.
* `visible` tells whether points drawn as vectors on top (a ball, a path) are hidden by the
  surface, by marching from each point towards the camera through the height function itself.
* `Axes3D` draws three labelled axes on the box edges nearest the camera, with tick numbers and
  labels that keep their orientation (always upright and readable) while the camera moves.

Every height drawn comes from the grid the caller gives (gdcore's numbers); nothing here
computes a cost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from manim import (
    DEGREES,
    DL,
    DR,
    LEFT,
    RESAMPLING_ALGORITHMS,
    RIGHT,
    UL,
    UP,
    UR,
    ImageMobject,
    MathTex,
    UpdateFromAlphaFunc,
    ValueTracker,
    VGroup,
    VMobject,
    config,
)
from manim.utils.color import ManimColor
from PIL import Image, ImageDraw

from . import numbers
from .manim_theme import TICK_SIZE

# ------------------------------------------------------------------------------ the camera


def rotation(phi: float, theta: float) -> np.ndarray:
    """ThreeDCamera's rotation (angles in radians): Rx(−phi) · Rz(−theta − 90°).

    Applied to a box point p, (R p)[:2] is its place on the screen and (R p)[2] its depth
    (larger is nearer the camera). phi = 0 looks straight down; theta is the azimuth.
    """
    a = -theta - np.pi / 2
    rz = np.array([[np.cos(a), -np.sin(a), 0.0], [np.sin(a), np.cos(a), 0.0], [0.0, 0.0, 1.0]])
    c, s = np.cos(-phi), np.sin(-phi)
    rx = np.array([[1.0, 0.0, 0.0], [0.0, c, -s], [0.0, s, c]])
    return rx @ rz


class View3D:
    """Data coordinates → a box of scene lengths `lengths` centred at the origin → the screen.

    ranges: ((x0, x1), (y0, y1), (z0, z1)) of the data; center: the scene point the box's
    centre projects to; phi, theta: the camera in degrees (views.py: phi = 90° − elevation,
    theta = azimuth), held in ValueTrackers so animations can move them.
    """

    def __init__(self, ranges, lengths, center=(0.0, 0.0), phi: float = 60.0,
                 theta: float = -60.0):
        self.ranges = np.asarray(ranges, dtype=np.float64)
        self.lengths = np.asarray(lengths, dtype=np.float64)
        self.center = np.array([center[0], center[1], 0.0], dtype=np.float64)
        self.phi = ValueTracker(phi)
        self.theta = ValueTracker(theta)

    def angles(self) -> tuple[float, float]:
        """(phi, theta) in radians."""
        return self.phi.get_value() * DEGREES, self.theta.get_value() * DEGREES

    def matrix(self) -> np.ndarray:
        return rotation(*self.angles())

    def to_box(self, pts) -> np.ndarray:
        """Data points (N, 3) → box coordinates (N, 3) (scene units, box centred at 0)."""
        p = np.atleast_2d(np.asarray(pts, dtype=np.float64))
        lo, hi = self.ranges[:, 0], self.ranges[:, 1]
        return ((p - (lo + hi) / 2) / (hi - lo)) * self.lengths

    def from_box(self, q) -> np.ndarray:
        q = np.atleast_2d(np.asarray(q, dtype=np.float64))
        lo, hi = self.ranges[:, 0], self.ranges[:, 1]
        return q / self.lengths * (hi - lo) + (lo + hi) / 2

    def project(self, pts) -> tuple[np.ndarray, np.ndarray]:
        """Data points (N, 3) → (scene points (N, 3) with z = 0, depth (N,), nearer larger)."""
        q = self.to_box(pts) @ self.matrix().T
        out = q.copy()
        out[:, 2] = 0.0
        return out + self.center, q[:, 2]

    def p(self, x, y, z) -> np.ndarray:
        """One data point → its scene point."""
        return self.project([[x, y, z]])[0][0]

    def toward_camera(self) -> np.ndarray:
        """The unit vector from the scene towards the camera, in box coordinates."""
        return self.matrix().T @ np.array([0.0, 0.0, 1.0])


# ------------------------------------------------------------------------------ the surface


def merge_cells(rows: int, cols: int, cell_rgb, blocks: Sequence[int], tol: float):
    """The grid's cells (rows − 1 by cols − 1, colours cell_rgb in 0..1) drawn as fewer quads:
    each block of blocks[0] × blocks[0] cells is one quad (its corners the grid's vertices, its
    colour the mean of its cells') where no cell's colour differs from that mean by more than
    `tol` in any channel; else it is split into blocks of the next size, down to the cells
    themselves (blocks ends with 1). The grid stays fine where the colours change fast (the
    valley), the quads few where they do not.

    Returns the quads (vertex indices, counter-clockwise as the cells'), their colours, and for
    each cell the index of the quad it lies in."""
    nr, nc = rows - 1, cols - 1
    grid_rgb = np.asarray(cell_rgb, dtype=np.float64).reshape(nr, nc, 3)
    owner = np.full(nr * nc, -1, dtype=int)
    quads, colours = [], []

    def visit(i, j, level):
        s = blocks[level]
        i1, j1 = min(i + s, nr), min(j + s, nc)
        block = grid_rgb[i:i1, j:j1]
        mean = block.mean(axis=(0, 1))
        if level == len(blocks) - 1 or np.abs(block - mean).max() <= tol:
            owner[(np.arange(i, i1)[:, None] * nc + np.arange(j, j1)[None, :]).ravel()] = len(quads)
            quads.append((i * cols + j, i * cols + j1, i1 * cols + j1, i1 * cols + j))
            colours.append(mean)
            return
        step = blocks[level + 1]
        for ii in range(i, i1, step):
            for jj in range(j, j1, step):
                visit(ii, jj, level + 1)

    for i in range(0, nr, blocks[0]):
        for j in range(0, nc, blocks[0]):
            visit(i, j, 0)
    return np.array(quads, dtype=int), np.array(colours), owner


def quad_rings(quads, cols: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """The vertices round each quad (corners (i, j), (i, j1), (i1, j1), (i1, j) as vertex
    indices of a grid `cols` wide): its corners and, along its edges, the grid's vertices that
    are a corner of another quad (where a finer quad meets it: no crack at that vertex), in
    order round it; grouped by their number: [(quad indices, rings)]."""
    quads = np.asarray(quads, dtype=int)
    corner = np.zeros(int(quads.max()) + 1, dtype=bool)
    corner[quads.ravel()] = True
    by_length: dict[int, tuple[list, list]] = {}
    for k, (a, _, c, _) in enumerate(quads.tolist()):
        (i, j), (i1, j1) = divmod(a, cols), divmod(c, cols)
        round_it = ([(i, jj) for jj in range(j, j1)] + [(ii, j1) for ii in range(i, i1)]
                    + [(i1, jj) for jj in range(j1, j, -1)] + [(ii, j) for ii in range(i1, i, -1)])
        ring = [r * cols + q for r, q in round_it if corner[r * cols + q]]
        group = by_length.setdefault(len(ring), ([], []))
        group[0].append(k)
        group[1].append(ring)
    return [(np.array(ks), np.array(rings)) for _, (ks, rings) in sorted(by_length.items())]


class ShadedSurface(ImageMobject):
    """The height field Z over the grid (X, Y) (meshgrid 'xy' order: rows follow Y), drawn in
    `view` as ONE ImageMobject covering the scene rectangle `region` = (centre x, centre y,
    width, height), redrawn every frame by its updater (painter's algorithm on the quads).

    `colors` (rows × cols × 3, 0..1) are per-vertex; a quad takes the mean of its four. The
    image is opaque, filled with `background` (the scene's background colour) around the
    surface, so nothing may lie under it; draw everything else on top.
    Set `live = False` to freeze the image (no redraw).
    """

    def __init__(self, view: View3D, X, Y, Z, colors, region, background="#FFFFFF",
                 supersample: int = 2, pixels_per_unit: float | None = None,
                 mesh_colors=None, mesh_every: int = 5, mesh_px: float = 1.0, rim_color=None,
                 rim_px: float = 1.5, mesh_step: int = 1, blocks: Sequence[int] = (1,),
                 block_tol: float = 2.0,
                 **kwargs):
        self.view = view
        self.X = np.asarray(X, dtype=np.float64)
        self.Y = np.asarray(Y, dtype=np.float64)
        self.Z = np.asarray(Z, dtype=np.float64)
        self.vertices = np.stack([self.X.ravel(), self.Y.ravel(), self.Z.ravel()], axis=1)
        rows, cols = self.Z.shape
        i, j = np.meshgrid(np.arange(rows - 1), np.arange(cols - 1), indexing="ij")
        base = (i * cols + j).ravel()
        #: vertex indices of each quad, counter-clockwise in the grid
        self.quads = np.stack([base, base + 1, base + cols + 1, base + cols], axis=1)
        rgb = np.asarray(colors, dtype=np.float64).reshape(-1, 3)
        quad_rgb = rgb[self.quads].mean(axis=1)
        #: the drawn quad each grid cell lies in (the cell itself unless merged into a block)
        self.cell_owner = np.arange(len(self.quads))
        if tuple(blocks) != (1,):
            self.quads, quad_rgb, self.cell_owner = merge_cells(
                rows, cols, quad_rgb, blocks, block_tol / 255)
        #: each quad drawn as the ring of all the grid's vertices round it (a merged quad's edges
        #: pass through the vertices of the finer quads beside it: no crack between them), in
        #: groups of one ring length: (quad indices, rings)
        self._rings = quad_rings(self.quads, cols)
        #: where each quad's ring stands in the groups, one after the other
        self._ring_at = np.empty(len(self.quads), dtype=int)
        self._ring_at[np.concatenate([k for k, _ in self._rings])] = np.arange(len(self.quads))
        self.quad_colors = [tuple(c) for c in np.round(quad_rgb * 255).astype(int).tolist()]
        ink = ImageDraw.Draw(Image.new("RGB", (1, 1))).draw.draw_ink
        self._inks = [ink(c) for c in self.quad_colors]
        # The mesh (optional): grid lines every mesh_every vertices (and the grid's last line),
        # as vertex pairs; each edge is drawn right after the nearer of the (one or two) quads
        # it borders, so nearer quads hide it exactly as they hide faces.
        self.mesh_edges = np.zeros((0, 2), dtype=int)
        if mesh_colors is not None:
            on_row = [i for i in range(rows) if i % mesh_every == 0 or i == rows - 1]
            on_col = [j for j in range(cols) if j % mesh_every == 0 or j == cols - 1]
            edges, owners = [], []
            nr, nc = rows - 1, cols - 1
            for i in on_row:  # along x, between (i, j) and (i, j + mesh_step)
                for j in range(0, nc, mesh_step):
                    j1 = min(j + mesh_step, nc)
                    edges.append((i * cols + j, i * cols + j1))
                    owners.append([ii * nc + jj for ii in (i - 1, i) if 0 <= ii < nr
                                   for jj in range(j, j1)])
            for j in on_col:  # along y, between (i, j) and (i + mesh_step, j)
                for i in range(0, nr, mesh_step):
                    i1 = min(i + mesh_step, nr)
                    edges.append((i * cols + j, i1 * cols + j))
                    owners.append([ii * nc + jj for jj in (j - 1, j) if 0 <= jj < nc
                                   for ii in range(i, i1)])
            self.mesh_edges = np.array(edges, dtype=int)
            #: the quads each edge borders (the cells along it, on either side, or the blocks
            #: they lie in), padded by repeating its first
            width = max(len(o) for o in owners)
            self.mesh_owners = self.cell_owner[
                np.array([o + o[:1] * (width - len(o)) for o in owners], dtype=int)]
            mrgb = np.asarray(mesh_colors, dtype=np.float64).reshape(-1, 3)
            edge_rgb = np.round(mrgb[self.mesh_edges].mean(axis=1) * 255).astype(int)
            self._mesh_inks = [ink(tuple(c)) for c in edge_rgb.tolist()]
        # The rim (optional, with the mesh): the grid's four boundary lines drawn in
        # `rim_color`, rim_px wide, in the mesh's painter's order, so the surface's edge reads
        # where its colours run near the page's (a map's frame, in 3-D)
        self._mesh_widths = [None] * len(self.mesh_edges)
        if rim_color is not None and len(self.mesh_edges):
            a, b = self.mesh_edges[:, 0], self.mesh_edges[:, 1]
            ia, ja, ib, jb = a // cols, a % cols, b // cols, b % cols
            self.rim = (((ia == ib) & np.isin(ia, (0, rows - 1)))
                        | ((ja == jb) & np.isin(ja, (0, cols - 1))))
            rim_ink = ink(tuple(int(round(255 * c)) for c in ManimColor(rim_color).to_rgb()))
            rim_width = max(1, int(round(supersample * rim_px * config.pixel_height / 480)))
            for e in np.flatnonzero(self.rim):
                self._mesh_inks[e] = rim_ink
                self._mesh_widths[e] = rim_width
        self.background = tuple(int(round(255 * c)) for c in ManimColor(background).to_rgb())
        self.region = tuple(float(v) for v in region)
        ppu = pixels_per_unit or config.pixel_width / config.frame_width
        self.ss = int(supersample)
        self.px_w = max(2, int(round(self.region[2] * ppu)))
        self.px_h = max(2, int(round(self.region[3] * ppu)))
        self.scale_px = np.array([self.px_w / self.region[2], self.px_h / self.region[3]])
        self.mesh_width = max(1, int(round(self.ss * mesh_px * config.pixel_height / 480)))
        self.live = True
        #: the image's opacity (ImageMobject's own fades do not survive a redraw); see fade_in
        self.opacity = 1.0
        super().__init__(np.zeros((self.px_h, self.px_w, 4), dtype=np.uint8), **kwargs)
        self.stretch_to_fit_width(self.region[2])
        self.stretch_to_fit_height(self.region[3])
        self.move_to([self.region[0], self.region[1], 0.0])
        # The image has the camera's pixel density already: nearest is exact and many times
        # faster than the default bicubic warp of Camera.display_image_mobject.
        self.set_resampling_algorithm(RESAMPLING_ALGORITHMS["nearest"])
        self.redraw()
        self.add_updater(lambda m: m.redraw() if m.live else None)

    def screen_quads(self) -> tuple[np.ndarray, np.ndarray]:
        """Projected vertices in supersampled pixels (V, 2), and the quads' back-to-front order."""
        pts, depth = self.view.project(self.vertices)
        cx, cy, w, h = self.region
        px = np.empty((len(pts), 2))
        px[:, 0] = (pts[:, 0] - (cx - w / 2)) * self.scale_px[0] * self.ss
        px[:, 1] = ((cy + h / 2) - pts[:, 1]) * self.scale_px[1] * self.ss
        order = np.argsort(depth[self.quads].mean(axis=1), kind="stable")  # far first
        return px, order

    def ring_coords(self, px, order) -> list:
        """The flat pixel coordinates of each quad's ring (quad_rings), in `order`."""
        if len(self._rings) == 1:
            k, ring = self._rings[0]
            return px[ring[np.argsort(k)][order]].reshape(len(order), -1).tolist()
        flat = []
        for k, ring in self._rings:
            flat += px[ring].reshape(len(k), -1).tolist()
        return [flat[i] for i in self._ring_at[order].tolist()]

    def render_rgba(self) -> np.ndarray:
        """The surface as it looks from the view's current camera: (px_h, px_w, 4) uint8."""
        px, order = self.screen_quads()
        coords = self.ring_coords(px, order)
        inks = self._inks
        # Opaque, on the scene's background colour: the supersampled edges blend into it, and
        # halving an RGB image is several times faster than an RGBA one.
        img = Image.new("RGB", (self.px_w * self.ss, self.px_h * self.ss), self.background)
        poly = ImageDraw.Draw(img).draw.draw_polygon
        if len(self.mesh_edges):
            self._draw_with_mesh(img, px, order, coords)
        else:
            for k, c in zip(order.tolist(), coords):
                poly(c, inks[k], 1)  # filled, boundary pixels included: no seams between quads
        if self.ss > 1:
            img = img.reduce(self.ss)
        rgba = np.asarray(img.convert("RGBA"))
        if self.opacity < 1.0:
            rgba = rgba.copy()
            rgba[..., 3] = int(round(255 * max(0.0, self.opacity)))
        return rgba

    def _draw_with_mesh(self, img, px, order, coords):
        """Quads back to front, each mesh edge right after the nearer quad it borders."""
        # quads left out of `order` (CutSurface's) rank −1: an edge none of whose quads is
        # drawn is not drawn either
        rank = np.full(len(self.quads), -1, dtype=int)
        rank[order] = np.arange(len(order))
        owner_rank = rank[self.mesh_owners].max(axis=1)
        drawn = np.flatnonzero(owner_rank >= 0)
        edge_order = drawn[np.argsort(owner_rank[drawn], kind="stable")]
        # after how many quads each edge is drawn
        after = np.searchsorted(owner_rank[edge_order], np.arange(len(order)), side="right")
        ends = px[self.mesh_edges[edge_order]].reshape(len(edge_order), 4).tolist()
        draw = ImageDraw.Draw(img).draw
        poly, line = draw.draw_polygon, draw.draw_lines
        inks, minks, width = self._inks, self._mesh_inks, self.mesh_width
        widths = self._mesh_widths
        eo = edge_order.tolist()
        e = 0
        for k, c, stop in zip(order.tolist(), coords, after.tolist()):
            poly(c, inks[k], 1)  # filled, boundary pixels included: no seams between quads
            while e < stop:
                line(ends[e], minks[eo[e]], widths[eo[e]] or width)
                e += 1

    def redraw(self):
        self.pixel_array = self.render_rgba()
        return self

    def fade_in(self, **kwargs) -> UpdateFromAlphaFunc:
        """An animation fading the surface in (it keeps redrawing as the camera moves)."""
        self.opacity = 0.0

        def step(mob, alpha):
            mob.opacity = alpha
            mob.redraw()

        return UpdateFromAlphaFunc(self, step, **kwargs)

    def heights_at(self, x, y) -> np.ndarray:
        """The drawn surface's height at data points (x, y): bilinear in the grid cell (exact
        at the grid's vertices, which hold the caller's z)."""
        xs, ys = self.X[0], self.Y[:, 0]
        x = np.asarray(x, dtype=np.float64)
        y = np.asarray(y, dtype=np.float64)
        i = np.clip(np.searchsorted(ys, y) - 1, 0, len(ys) - 2)
        j = np.clip(np.searchsorted(xs, x) - 1, 0, len(xs) - 2)
        ty = (y - ys[i]) / (ys[i + 1] - ys[i])
        tx = (x - xs[j]) / (xs[j + 1] - xs[j])
        z = self.Z
        return ((1 - ty) * ((1 - tx) * z[i, j] + tx * z[i, j + 1])
                + ty * ((1 - tx) * z[i + 1, j] + tx * z[i + 1, j + 1]))


class CutSurface(ShadedSurface):
    """A ShadedSurface cut along the line y = cut (`cut` a ValueTracker, in data units): the
    part on one side removed (with keep_above, y < cut goes), the cut edge drawn at the heights
    `height(x, cut)` (the caller's function: its numbers, not an interpolation). Moving the
    tracker sweeps the cut across the surface; a cut outside the grid's y range removes nothing.
    """

    def __init__(self, view: View3D, X, Y, Z, colors, region, height: Callable,
                 cut: ValueTracker, keep_above: bool = True, **kwargs):
        self.edge_height = height
        self.cut = cut
        self.keep_above = keep_above
        super().__init__(view, X, Y, Z, colors, region, **kwargs)

    def cut_vertices(self) -> tuple[np.ndarray, np.ndarray]:
        """The grid's vertices with those beyond the cut moved onto it (at its true heights),
        and the mask of the moved ones."""
        c = float(self.cut.get_value())
        v = np.stack([self.X.ravel(), self.Y.ravel(), self.Z.ravel()], axis=1)
        beyond = v[:, 1] < c if self.keep_above else v[:, 1] > c
        if beyond.any():
            v[beyond, 1] = c
            v[beyond, 2] = self.edge_height(v[beyond, 0], c)
        return v, beyond

    def screen_quads(self) -> tuple[np.ndarray, np.ndarray]:
        """As ShadedSurface's, without the quads wholly beyond the cut."""
        self.vertices, beyond = self.cut_vertices()
        px, order = super().screen_quads()
        gone = beyond[self.quads].all(axis=1)
        return px, order[~gone[order]]


def set_polylines(mob, polylines):
    """Make mob's points the polylines given (screen points; those of one point are skipped):
    what a line drawn on the surface and following the camera is redrawn with each frame."""
    mob.clear_points()
    for line in polylines:
        if len(line) > 1:
            mob.start_new_path(line[0])
            mob.add_points_as_corners(line[1:])
    return mob


def visible(view: View3D, pts, height: Callable, samples: int = 160,
            bias: float = 0.03) -> np.ndarray:
    """For data points (N, 3) on or above the surface z = height(x, y): True where the ray
    from the point towards the camera stays above the surface inside the data window.

    `bias` (box units) is the distance along the ray that is not tested, so a point lying on the
    surface is not hidden by the surface at its own foot.
    """
    q = view.to_box(pts)
    d = view.toward_camera()
    span = float(np.linalg.norm(view.lengths))
    t = bias + np.linspace(0.0, span, samples)
    ray = q[:, None, :] + t[None, :, None] * d  # (N, S, 3)
    data = view.from_box(ray.reshape(-1, 3)).reshape(ray.shape)
    (x0, x1), (y0, y1) = view.ranges[0], view.ranges[1]
    inside = (data[..., 0] >= x0) & (data[..., 0] <= x1) & (data[..., 1] >= y0) & (
        data[..., 1] <= y1)
    under = np.zeros(inside.shape, dtype=bool)
    if inside.any():
        zs = np.asarray(height(data[..., 0][inside], data[..., 1][inside]), dtype=np.float64)
        under[inside] = data[..., 2][inside] < zs
    return ~under.any(axis=1)


# ------------------------------------------------------------------------------ the axes


#: A tick above the view's range (Axes3D.top) fades in while the axis grows over this fraction of
#: the range's height below it.
TOP_FADE = 0.05


#: With Axes3D's inset_ends, how far (scene units, along the axis) past its end's tick a floor
#: axis's end number starts, inwards.
END_INSET = 0.08


class Axes3D(VGroup):
    """Three axes on the box edges nearest the camera (x and y on the floor z = z0, z upright
    at the floor corner furthest left on the screen), with ticks, tick numbers and axis labels
    that stay upright. Rebuilt from the view's camera by `update_from_view` (its updater)."""

    def __init__(self, view: View3D, ticks: Sequence[Sequence[float]], labels: Sequence[str],
                 color, text_color, number_size: float = TICK_SIZE, label_size: float = 34,
                 stroke_width: float = 2.5, apart: bool = False,
                 label_gap: float = 0.55, inset_ends: bool = False,
                 label_at_end: float | None = None):
        """With `apart`, each floor axis's numbers stand out from their own axis (square to it
        on the floor, away from the box), so the corner the two floor axes share carries both
        axes' numbers, one beside each axis, and the upright axis's label stands clear above
        its last number; without it the numbers stand out from the box's centre and the
        second axis's number at the shared corner is left out. `label_gap` (scene units) sets
        the floor axes' labels out from their ticks (and, beyond its default, the upright
        axis's label up from its top). With `inset_ends` (and `apart`), a floor axis's end
        number at a corner another axis starts from (the floor axes' shared corner, the upright
        axis's foot) is moved along its axis, inwards, until its box lies END_INSET past the
        tick (measured along the axis): it stands wholly inside its axis's end, so the two
        numbers at the shared corner stand on either side of it and the one at the upright
        axis's foot stands clear of that axis's column of numbers.
        With `label_at_end` (scene units) each floor axis's label
        stands that far past its far end (the end of its last tick), on the axis's line:
        anchored to its axis, however the camera turns."""
        super().__init__()
        self.inset_ends = inset_ends
        self.label_gap = label_gap
        self.label_at_end = label_at_end
        #: the upright axis's label right of its top (beside it) rather than above it (without
        #: `apart`): its last number, left of the axis, stays clear of it
        self.upright_label_right = False
        self.view = view
        self.apart = apart
        self.ticks = [list(t) for t in ticks]
        self.color, self.text_color = color, text_color
        self.lines = VMobject(stroke_color=color, stroke_width=stroke_width)
        self.tick_marks = VMobject(stroke_color=color, stroke_width=stroke_width)
        number_size = max(number_size, TICK_SIZE)  # the house minimum
        # the house's one tick form (numbers.tick: 0.5, 1, never 0.5, 1.0), as the stills'
        self.numbers = [VGroup(*(MathTex(numbers.tick(v, "latex"), font_size=number_size,
                                         color=text_color)
                                 for v in tk)) for tk in self.ticks]
        self.labels = VGroup(*(MathTex(s, font_size=label_size, color=text_color)
                               for s in labels))
        self.add(self.lines, self.tick_marks, *self.numbers, self.labels)
        #: the axes' opacity (not `fade`, which is Mobject's own method): the updater sets every
        #: part's opacity from it (see fade_in)
        self.shown = 1.0
        #: (axis, tick index) -> a ValueTracker of that tick number's own opacity (times
        #: `shown`): a number a moving object passes over can make way for it
        self.number_opacity: dict[tuple[int, int], ValueTracker] = {}
        #: where the upright axis ends (a z value; None: the top of the view's range). Above the
        #: range, the surface seen from a low camera can rise higher on the screen than the axis
        #: at its front corner: a higher top (with its tick) keeps the axis above it. A tick
        #: number above the range fades in as the axis grows towards it.
        self.top: float | None = None
        self.update_from_view()
        self.add_updater(lambda m: m.update_from_view())

    def edges(self):
        """(x-axis edge y value, y-axis edge x value, z-axis corner (x, y)) for this camera."""
        (x0, x1), (y0, y1), (z0, _) = self.view.ranges
        d = self.view.toward_camera()
        y_edge = y1 if d[1] > 0 else y0
        x_edge = x1 if d[0] > 0 else x0
        corners = [(a, b) for a in (x0, x1) for b in (y0, y1)]
        scr = [self.view.p(a, b, z0)[0] for a, b in corners]
        return y_edge, x_edge, corners[int(np.argmin(scr))]

    def update_from_view(self):
        v = self.view
        (x0, x1), (y0, y1), (z0, z1) = v.ranges
        y_edge, x_edge, (cx, cy) = self.edges()
        centre = v.center
        z_top = z1 if self.top is None else self.top
        segs = [(v.p(x0, y_edge, z0), v.p(x1, y_edge, z0)),
                (v.p(x_edge, y0, z0), v.p(x_edge, y1, z0)),
                (v.p(cx, cy, z0), v.p(cx, cy, z_top))]
        self.lines.clear_points()
        for a, b in segs:
            self.lines.start_new_path(a)
            self.lines.add_line_to(b)
        self.tick_marks.clear_points()
        tick_len = 0.12
        for axis, (a, b) in enumerate(segs):
            ticks, nums = self.ticks[axis], self.numbers[axis]
            for i, (val, num) in enumerate(zip(ticks, nums)):
                if axis == 0:
                    data_pt = (val, y_edge, z0)
                elif axis == 1:
                    data_pt = (x_edge, val, z0)
                else:
                    data_pt = (cx, cy, val)
                p = v.p(*data_pt)
                if axis < 2 and self.apart:  # square to the axis on the floor, outward
                    out = self._outward(axis, val, y_edge, x_edge, p)
                elif axis < 2:  # floor axes: ticks and numbers point away from the box
                    out = p - centre
                    out[1] = min(out[1], 0.0) - 0.4
                    out = out / np.linalg.norm(out)
                else:  # the upright axis: to the left
                    out = LEFT.astype(np.float64)
                # a tick above the range: its number fades in over the axis's last TOP_FADE
                # before it, its tick mark once the axis reaches it
                grown = 1.0 if axis < 2 or val <= z1 else float(
                    np.clip(1.0 - (val - z_top) / (TOP_FADE * (z1 - z0)), 0.0, 1.0))
                if axis < 2 or val <= z_top + 1e-9 * (z1 - z0):
                    self.tick_marks.start_new_path(p)
                    self.tick_marks.add_line_to(p + tick_len * out)
                num.move_to(p + out * (tick_len + 0.12 + 0.5 * _extent(num, out)))
                if axis < 2 and self.apart and self.inset_ends:
                    lo, hi = (x0, x1) if axis == 0 else (y0, y1)
                    at = (val, y_edge) if axis == 0 else (x_edge, val)
                    shared = np.allclose(at, (x_edge, y_edge)) or np.allclose(at, (cx, cy))
                    if shared and (np.isclose(val, lo) or np.isclose(val, hi)):
                        inward = (b - a) if np.isclose(val, lo) else (a - b)
                        inward = inward / np.linalg.norm(inward)
                        corners = np.array([num.get_corner(c) for c in (UL, UR, DL, DR)])
                        near = float(((corners - p) @ inward).min())
                        num.shift(inward * max(END_INSET - near, 0.0))
                # the y axis's number at the corner it shares with the x axis would sit on
                # the x axis's last number: leave it out
                hide = axis == 1 and np.isclose(val, y_edge) and not self.apart
                own = self.number_opacity.get((axis, i))
                own = 1.0 if own is None else float(own.get_value())
                num.set_opacity(0.0 if hide else self.shown * grown * own)
            label = self.labels[axis]
            if axis < 2 and self.label_at_end is not None:
                along = np.asarray(b - a, dtype=np.float64)
                along[2] = 0.0
                along = along / np.linalg.norm(along)
                label.move_to(b + along * (self.label_at_end + 0.5 * _extent(label, along)))
            elif axis < 2:
                mid = (a + b) / 2
                out = mid - centre
                out[1] = min(out[1], 0.0) - 0.4
                out = out / np.linalg.norm(out)
                label.move_to(mid + out * (tick_len + self.label_gap
                                           + 0.5 * _extent(label, out)))
            elif self.upright_label_right:  # beside the axis's top, clear of its numbers
                label.next_to(b, RIGHT, buff=0.2)
            elif self.apart:
                label.next_to(b, UP, buff=0.25 + max(self.label_gap - 0.55, 0.0))
            else:
                label.next_to(b, UP, buff=0.15).shift(0.2 * LEFT)
        self.labels.set_opacity(self.shown)
        self.lines.set_stroke(opacity=self.shown)
        self.tick_marks.set_stroke(opacity=self.shown)
        return self

    def _outward(self, axis: int, val: float, y_edge: float, x_edge: float, p: np.ndarray):
        """The screen direction, at the tick p, of the floor direction square to the axis and
        away from the box."""
        (x0, x1), (y0, y1), (z0, _) = self.view.ranges
        if axis == 0:
            q = self.view.p(val, y_edge + (1 if np.isclose(y_edge, y1) else -1) * (y1 - y0), z0)
        else:
            q = self.view.p(x_edge + (1 if np.isclose(x_edge, x1) else -1) * (x1 - x0), val, z0)
        out = np.asarray(q, dtype=np.float64) - p
        out[2] = 0.0
        return out / np.linalg.norm(out)

    def fade_in(self, **kwargs) -> UpdateFromAlphaFunc:
        """An animation fading the axes in (FadeIn would be undone by the updater, which sets
        each number's opacity every frame): nothing of them shows before it starts."""
        self.shown = 0.0
        self.update_from_view()

        def step(mob, alpha):
            mob.shown = alpha
            mob.update_from_view()

        return UpdateFromAlphaFunc(self, step, **kwargs)


def _extent(mob, direction) -> float:
    """The width of mob measured along the unit vector direction (its bounding box)."""
    return abs(direction[0]) * mob.width + abs(direction[1]) * mob.height


__all__ = ["rotation", "View3D", "ShadedSurface", "CutSurface", "visible", "Axes3D"]
