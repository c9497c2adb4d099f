"""The scene tests' one piece of frame scaffolding: scene variants, rendering, frame comparison.

A variant is a scene class with some class attributes set (upto = a section name, a race's
STAGES, ...). compare_last_frame renders a variant's last frame and compares it with the
committed control frame control_data/<module>/<module>_<frame>_frame.npz, through Manim's
frames_comparison (so --set_test and --show_diff work as for any frames test).
"""

from __future__ import annotations

import types
from pathlib import Path

from manim.utils.testing.frames_comparison import frames_comparison


def variant(scene_cls: type, **attrs) -> type:
    """scene_cls with the class attributes attrs (none: scene_cls itself)."""
    if not attrs:
        return scene_cls
    return type(f"{scene_cls.__name__}Variant", (scene_cls,), attrs)


def rendered(scene_cls: type, **attrs):
    """A variant of scene_cls rendered without writing a file: its mobjects hold the drawing."""
    scene = variant(scene_cls, **attrs)(skip_animations=True)
    scene.render()
    return scene


def compare_last_frame(scene_cls: type, module: str, frame: str, request, tmp_path,
                       **attrs) -> None:
    """Compare the last frame of variant(scene_cls, **attrs) with its control frame."""
    cls = variant(scene_cls, **attrs)

    def construct(scene):
        cls.construct(scene)

    # frames_comparison names the control file after the function and finds its directory
    # from the function's module globals (__module_test__, __file__).
    globals_ = {"__module_test__": module, "__file__": str(Path(__file__).resolve())}
    test = types.FunctionType(construct.__code__, globals_, f"test_{module}_{frame}_frame",
                              None, construct.__closure__)
    frames_comparison(base_scene=cls)(test)(request=request, tmp_path=tmp_path)
