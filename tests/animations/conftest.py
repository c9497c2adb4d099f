"""Scene tests draw only the frames they compare (frames.install_lazy_drawing), and a scene
rendered outside a frame test draws at 720p, not at Manim's default 1080p (less than half the
pixels to fill and compare): a test that counts pixels scales its counts to the frame drawn."""

from frames import install_lazy_drawing
from manim import config

install_lazy_drawing()
config.pixel_width, config.pixel_height = 1280, 720
