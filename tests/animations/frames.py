"""The scene tests' one piece of frame scaffolding: scene variants, rendering, frame comparison.

A variant is a scene class with some class attributes set (upto = a section name, a race's
STAGES, ...). compare_last_frame renders a variant's last frame and compares it with the
committed control frame control_data/<module>/<module>_<frame>_frame.npz, through Manim's
frames_comparison (so --set_test and --show_diff work as for any frames test).

A rendered variant is kept (per process, per theme; the last few) with the sizes its words had
after every play (record_text_px), so the value and rules tests of a scene read the
drawing that its frame test compared instead of rendering it again: the scene tests
run frame tests first and keep each scene's tests on one worker (tests/conftest.py).
A whole scene keeps, as it passes the end of each section but its last, a copy of itself and
(in its frame test) the frame it draws then: the variant stopped there (upto=the section) is
not rendered again, for its frame test nor for its value tests.

While a scene plays with skip_animations, Manim draws every play's static image and last frame
although no frame is kept; the tests draw only the frames they compare (install_lazy_drawing).

Pops (record_pops): within a play every change is continuous (a fade, a transform, a tracker
moving), so an object can only vanish at once between two plays, when it is removed, or when
the next play begins by hiding it (a FadeIn of what is shown). A variant compares the objects
shown at the end of each play with those shown when the next play has begun; where some are
gone it draws both moments and measures the ink lost as the videos' check does
(gdrender.videocheck.ink_lost).
"""

from __future__ import annotations

import copy
import dataclasses
import os
import types
from collections import OrderedDict
from pathlib import Path

import numpy as np
from manim import (
    DEFAULT_WAIT_TIME,
    Camera,
    DecimalNumber,
    MarkupText,
    Scene,
    SingleStringMathTex,
    Text,
    VMobject,
)
from manim.mobject.types.image_mobject import AbstractImageMobject
from manim.renderer.cairo_renderer import CairoRenderer
from manim.utils.testing.frames_comparison import frames_comparison

from gdrender.videocheck import ink_lost
from gdviz.manim_theme import digit_px

#: Rendered variants kept: a scene's frame and value tests run one after the other.
KEPT = 8
_kept: OrderedDict[tuple, object] = OrderedDict()
#: The ends of the sections of the last whole scene rendered in this process: the key of the
#: variant stopped there (upto=the section) -> (the scene as it was then, its last frame as
#: frames_comparison draws it, when rendered by a frame test; else None).
_ends: dict[tuple, tuple[object, np.ndarray | None]] = {}


TEXT_TYPES = (Text, MarkupText, SingleStringMathTex, DecimalNumber)


def _visible(mob) -> bool:
    return any(max(m.get_fill_opacity(), m.get_stroke_opacity()) > 0
               for m in mob.family_members_with_points())


def _text_mobjects(mobjects):
    """The outermost text mobjects among mobjects' families (a DecimalNumber, not its digits)."""
    out = []

    def walk(m):
        if isinstance(m, TEXT_TYPES):
            out.append(m)
            return
        for s in m.submobjects:
            walk(s)

    for m in mobjects:
        walk(m)
    return out


def _label(m) -> str:
    if isinstance(m, DecimalNumber):
        return f"{type(m).__name__} {m.get_value():g}"
    s = getattr(m, "original_text", None) or getattr(m, "tex_string", None) or ""
    return f"{type(m).__name__} {s[:30]!r}"


def record_text_px(scene) -> None:
    """scene.text_px: {id: (smallest digit height in px at 480p, what it is)} over the text
    mobjects the scene has shown, visible, so far (gdviz.manim_theme.digit_px)."""
    seen = scene.__dict__.setdefault("text_px", {})
    for m in _text_mobjects(scene.mobjects):
        if m.height <= 0 or not _visible(m):
            continue
        px = digit_px(m)
        if id(m) not in seen or px < seen[id(m)][0]:
            seen[id(m)] = (px, _label(m))


#: Manim units per pixel at 480p (the frame is 8 units tall).
UNIT_PX = 480 / 8


def _screen_points(scene, m) -> np.ndarray:
    """m's points where the camera draws them (a 3-D camera projects them; a 2-D one draws them
    where they are), in Manim units of the frame."""
    camera = scene.renderer.camera
    if hasattr(camera, "project_points"):
        return camera.transform_points_pre_display(m, m.points)
    return m.points


def _backdrop(m, points, half_w, half_h) -> bool:
    """Whether m is a backdrop (a veil of the page's colour over the scene): a fill with no
    stroke drawn, over the whole frame; it is a page, no mark near the frame's edge."""
    stroke = m.stroke_rgbas[:, 3].max() if len(m.stroke_rgbas) else 0.0
    return (stroke == 0 or m.get_stroke_width() == 0) and bool(
        (points[:, 0].min() <= -half_w) and (points[:, 0].max() >= half_w)
        and (points[:, 1].min() <= -half_h) and (points[:, 1].max() >= half_h))


def record_margins(scene, shown) -> None:
    """scene.margin_px: the smallest distance in px at 480p from a visible mobject's drawn points
    (shown: _shown(scene)) to the frame's edge over the plays so far, and what it was:
    (px, description)."""
    half_w, half_h = scene.camera.frame_width / 2, scene.camera.frame_height / 2
    worst = scene.__dict__.get("margin_px", (np.inf, ""))
    for m, _, _, top in shown.values():
        if not isinstance(m, VMobject):
            continue
        p = _screen_points(scene, m)
        p = p[np.isfinite(p).all(axis=1)]
        if not len(p) or _backdrop(m, p, half_w, half_h):
            continue
        gap = min(half_w - np.abs(p[:, 0]).max(), half_h - np.abs(p[:, 1]).max())
        if gap * UNIT_PX < worst[0]:
            worst = (gap * UNIT_PX, f"{_label(top)} / {type(m).__name__} "
                     f"after play {getattr(scene, 'plays_begun', 0)}")
    scene.margin_px = worst


def _alphas(m) -> tuple[float, float]:
    """How opaque a mobject with points is drawn: its most opaque fill and stroke (an image's
    most opaque pixel as both)."""
    if hasattr(m, "pixel_array"):
        a = float(m.pixel_array[..., 3].max()) / 255 if m.pixel_array.size else 0.0
        return a, a
    return tuple(float(r[:, 3].max()) if len(r) else 0.0 for r in (m.fill_rgbas, m.stroke_rgbas))


def _shown(scene) -> dict[int, tuple[object, tuple[float, float], int, object]]:
    """id -> (mobject, (fill, stroke) opacity, a hash of its points, the scene's mobject it is
    part of) of every drawn mobject of the scene that can be seen."""
    out = {}
    for top in scene.mobjects:
        for m in top.get_family():
            if isinstance(m, VMobject) and len(m.points) or isinstance(m, AbstractImageMobject):
                alphas = _alphas(m)
                if max(alphas) > 0:
                    out[id(m)] = (m, alphas, hash(m.points.tobytes()), top)
    return out


#: Size of the frames drawn to measure a pop (half of 480p: ink is averaged over blocks anyway).
POP_FRAME = (427, 240)


def _grey(scene, mobjects) -> np.ndarray:
    camera = scene.__dict__.get("pop_camera")
    if camera is None:
        camera = scene.pop_camera = Camera(pixel_width=POP_FRAME[0], pixel_height=POP_FRAME[1],
                                           background_color=scene.camera.background_color)
    camera.reset()
    camera.capture_mobjects(mobjects)
    return np.asarray(camera.get_image().convert("L"))


def record_pops(scene) -> None:
    """When a play has begun: scene.pops gets (play number, share of the ink lost since the
    previous play ended, what vanished) if anything shown then is gone or faded to under half."""
    before, scene.shown_at_end = scene.__dict__.get("shown_at_end"), None
    scene.__dict__.setdefault("pops", [])
    scene.plays_begun = scene.__dict__.get("plays_begun", 0) + 1
    if not before:
        return
    now = _shown(scene)
    gone = [(m, alphas, where) for k, (m, alphas, where, _) in before.items()
            if k not in now or max(now[k][1]) < max(alphas) / 2]
    # an object replaced by a copy where it was (a still ghost of it) has not vanished
    twins = {where for _, _, where, _ in now.values()}
    gone = [(m, alphas) for m, alphas, where in gone if where not in twins]
    if not gone:
        return
    after = _grey(scene, scene.mobjects)
    # the moment before: what vanished drawn again as it was then
    present = {id(m) for top in scene.mobjects for m in top.get_family()}
    dimmed = [(m, alphas) for m, alphas in gone
              if id(m) in present and not hasattr(m, "pixel_array")]
    saved = [(m, m.fill_rgbas.copy(), m.stroke_rgbas.copy()) for m, _ in dimmed]
    for m, (fill, stroke) in dimmed:
        if len(m.fill_rgbas):
            m.fill_rgbas[:, 3] = fill
        if len(m.stroke_rgbas):
            m.stroke_rgbas[:, 3] = stroke
    try:
        then = _grey(scene, [*scene.mobjects, *(m for m, _ in gone if id(m) not in present)])
    finally:
        for m, fill, stroke in saved:
            m.fill_rgbas, m.stroke_rgbas = fill, stroke
    names = sorted({type(m).__name__ for m, _ in gone})
    scene.pops.append((scene.plays_begun, ink_lost(then, after), ", ".join(names)))


#: What a scene's value tests note after every play (its test module registers it):
#: scene class -> function(scene) -> a note, kept in order in scene.notes.
WATCHERS: dict[type, object] = {}


def variant(scene_cls: type, **attrs) -> type:
    """scene_cls with the class attributes attrs, recording its text sizes after every play
    and wait (record_text_px), how near the frame's edge anything came (record_margins), what
    vanishes between plays (record_pops), what WATCHERS note of it after every play
    (scene.notes), and when each play starts and how long it lasts (scene.starts,
    scene.lengths; a wait is a play), so that a value test reads them from the drawing its
    frame test rendered.

    Its clock (scene.time, which the captions' log reads) runs at the video's times: a frame
    test plays at one frame a second, which makes a play as long as its frames (a 0.5 s fade
    lasts 1 s), so the clock adds up the plays' own run times instead."""
    watch = WATCHERS.get(scene_cls)

    def get_run_time(self, animations):
        self._length = max(a.run_time for a in animations)  # before the frame rate rounds it
        return super(cls, self).get_run_time(animations)

    def wait(self, duration=DEFAULT_WAIT_TIME, *args, **kwargs):
        self._waited = duration  # before the frame rate rounds it
        super(cls, self).wait(duration, *args, **kwargs)

    def play(self, *args, **kwargs):
        super(cls, self).play(*args, **kwargs)
        length = self.__dict__.pop("_waited", None) or self._length
        self.__dict__.setdefault("lengths", []).append(length)
        if watch is not None:
            self.__dict__.setdefault("notes", []).append(watch(self))
        record_text_px(self)
        self.shown_at_end = _shown(self)
        record_margins(self, self.shown_at_end)

    def begin_animations(self):
        super(cls, self).begin_animations()
        record_pops(self)

    body = {"play": play, "wait": wait, "get_run_time": get_run_time,
            "begin_animations": begin_animations,
            "time": property(lambda self: sum(self.__dict__.get("lengths", ()))),
            "starts": property(lambda self: [sum(self.lengths[:k])
                                             for k in range(len(self.lengths))]), **attrs}
    if not attrs and getattr(scene_cls, "SECTIONS", ()):
        *before, last = scene_cls.SECTIONS  # the last one ends with the scene
        body["SECTIONS"] = (*(dataclasses.replace(s, play=_keeping_end(scene_cls, s))
                              for s in before), last)
    cls = type(f"{scene_cls.__name__}Variant", (scene_cls,), body)
    return cls


#: What a copy of a scene shares with it: its machinery, which is no part of the drawing.
SHARED = ("renderer", "manager", "queue", "time_progression", "theme", "pop_camera", "animations")


def _shared(scene) -> list:
    return [scene.__dict__[k] for k in SHARED if k in scene.__dict__]


def _keeping_end(scene_cls: type, section):
    """section's play, then the scene kept as the variant stopped after it ends (upto=its
    name): what it reads (a copy) and, in a frame test, what it draws. A whole scene rendered
    once so serves its frame and value tests of every section's end (_ends)."""
    def play(scene, *args):
        section.play(scene, *args)
        record_text_px(scene)
        renderer, frame = scene.renderer, None
        if getattr(renderer, "keeps_section_frames", False):
            # drawn as compare_last_frame draws the last frame: every mobject, each once
            renderer.static_image = None
            frame = draw_frame(renderer, scene, list(scene.mobjects))
        end = copy.deepcopy(scene, {id(x): x for x in _shared(scene)})
        end.renderer = renderer
        end.moving_mobjects = list(end.mobjects)
        _ends[_key(scene_cls, {"upto": section.name})] = end, frame

    return play


def _key(scene_cls: type, attrs: dict) -> tuple:
    return (scene_cls, os.environ.get("GD_THEME", "light"),
            tuple(sorted((k, repr(v)) for k, v in attrs.items())))


def _keep(key: tuple, scene) -> None:
    _kept[key] = scene
    _kept.move_to_end(key)
    while len(_kept) > KEPT:
        _kept.popitem(last=False)


def rendered(scene_cls: type, own: bool = False, **attrs):
    """A variant of scene_cls rendered without writing a file: its mobjects hold the drawing
    (the one its frame test rendered, if that ran in this process; `own`: a copy of it drawn by
    a renderer of its own, so that a pixel count does not depend on which test ran first, the
    frame test drawing at its own resolution, and the test may change it)."""
    key = _key(scene_cls, {**attrs, "own": True} if own else attrs)
    if key not in _kept and own and _key(scene_cls, attrs) in _kept:
        _keep(key, _redrawn(_kept[_key(scene_cls, attrs)]))
    if key not in _kept and not own and set(attrs) == {"upto"}:
        if key not in _ends:  # the whole scene, keeping every section's end
            rendered(scene_cls)
        if key in _ends:
            _keep(key, _ends[key][0])
    if key not in _kept:
        if not attrs:  # the ends of its sections replace the last scene's
            _ends.clear()
        scene = variant(scene_cls, **attrs)(skip_animations=True)
        scene.render()
        record_text_px(scene)
        _keep(key, scene)
    return _kept[key]


def _redrawn(scene):
    """A copy of scene, drawn by a renderer of its own at the configuration's resolution, as
    when rendered itself: a frame test's scene draws at the resolution of its control frames."""
    copied = copy.deepcopy(scene, {id(x): x for x in _shared(scene) if x is not scene.renderer})
    copied.renderer = CairoRenderer(camera_class=scene.camera_class, skip_animations=True)
    copied.camera.background_color = scene.camera.background_color
    return copied


def draw_frame(renderer, scene, mobjects=None) -> np.ndarray:
    """The frame the renderer draws of mobjects (the scene's, by default) as they are now."""
    renderer.draws = True
    try:
        renderer.update_frame(scene, mobjects)
        return renderer.get_frame()
    finally:
        renderer.draws = False


def draw(scene) -> np.ndarray:
    """The scene's mobjects as they are now, drawn by its camera (RGB, 0-255)."""
    return np.asarray(draw_frame(scene.renderer, scene))[..., :3].astype(int)


def compare_last_frame(scene_cls: type, module: str, frame: str, request, tmp_path,
                       **attrs) -> None:
    """Compare the last frame of variant(scene_cls, **attrs) with its control frame.

    A section's end drawn while the whole scene was rendered by its frame test in this process
    is that frame (_ends), unless the control data is being written."""
    key, keep, record, skipping = _key(scene_cls, attrs), _keep, record_text_px, skip
    end = None if request.config.getoption("--set_test") else _ends.get(key)
    if end is not None and end[1] is not None:
        pixels = end[1]
        keep(key, end[0])

        def construct(scene):
            scene.renderer.get_frame = pixels.copy

        return _compare(construct, Scene, module, frame, request, tmp_path)

    cls = variant(scene_cls, **attrs)
    if not attrs:
        _ends.clear()

    def construct(scene):
        # frames_comparison hands the scene a renderer of its own, which does not skip: every
        # play would be stepped and drawn at one frame a second; the last frame is the same
        # when each play is taken to its end at once, as every other test renders a scene
        skipping(scene.renderer)
        scene.renderer.keeps_section_frames = True
        cls.construct(scene)
        record(scene)
        # The last frame, drawn by frames_comparison after this returns: every mobject as it
        # is at the end (ThemedScene.construct makes them all "moving"), each drawn once.
        scene.renderer.draws = True
        scene.renderer.static_image = None
        keep(key, scene)

    _compare(construct, cls, module, frame, request, tmp_path)


def skip(renderer) -> None:
    """Make a renderer take each play to its end at once (its last frame drawn only when asked,
    install_lazy_drawing), as Scene(skip_animations=True) makes the renderer it builds."""
    renderer.skip_animations = renderer._original_skipping_status = True


def _compare(construct, base_scene: type, module: str, frame: str, request, tmp_path) -> None:
    """frames_comparison of the last frame of base_scene played by construct(scene) with the
    control frame control_data/<module>/<module>_<frame>_frame.npz."""
    # frames_comparison names the control file after the function and finds its directory
    # from the function's module globals (__module_test__, __file__).
    globals_ = {"__module_test__": module, "__file__": str(Path(__file__).resolve())}
    test = types.FunctionType(construct.__code__, globals_, f"test_{module}_{frame}_frame",
                              None, construct.__closure__)
    frames_comparison(base_scene=base_scene)(test)(request=request, tmp_path=tmp_path)


def install_lazy_drawing() -> None:
    """While a renderer skips animations it draws nothing unless asked (renderer.draws)."""
    update_frame = CairoRenderer.update_frame

    def lazy_update_frame(self, scene, *args, **kwargs):
        if self.skip_animations and not getattr(self, "draws", False):
            return
        update_frame(self, scene, *args, **kwargs)

    CairoRenderer.update_frame = lazy_update_frame
