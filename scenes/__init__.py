"""Manim scenes, one module per animation of the catalog, in chapter order."""
