"""gdrender: the catalog of every target and the machinery that renders it (render.py)."""
