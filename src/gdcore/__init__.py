"""gdcore: the numbers behind every figure and animation of the chapter.

Pure numpy, float64, seeded. Nothing here draws: the figures and scenes read from it.
Modules: data, regression, surfaces, optimizers, descent, sampling, nn, and the experiments
the pictures show (each a named, frozen definition with its reasons): races, local_minima,
cost_descent, networks, training_procedure.
"""

__version__ = "0.1.0"
