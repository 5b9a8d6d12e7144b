"""Development tools, not used by the book or the kit: the benchmark (``make benchmark``).

Imports: anything in the package; nothing imports it (``tests/unit/test_layout.py``
checks).
"""
