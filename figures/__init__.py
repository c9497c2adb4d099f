"""One script per still figure; each module's docstring is its title, caption and alt text."""
