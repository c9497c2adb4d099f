"""gdviz: the look shared by every figure and scene (theme, equations, drawing helpers).

It draws what gdcore computes; it computes nothing of its own.
"""
