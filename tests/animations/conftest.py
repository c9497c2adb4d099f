"""Scene tests draw only the frames they compare (frames.install_lazy_drawing)."""

from frames import install_lazy_drawing

install_lazy_drawing()
