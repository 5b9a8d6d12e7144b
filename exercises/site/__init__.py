"""The book's Sphinx side: the extension (``exercises.site.sphinx_ext``, named in
``_config.yml``), its directives (case boxes, glossary, agendas, roles, objectives map,
course plan, teaching notes), the datasheets, the charts and the named figures that data
pages and decks show, the module texts read from the pages, and the execution cache's
inputs.

Imports: the engine (``exercises`` and its modules at the root) only; never the kit, the
room or the development tools (``tests/unit/test_layout.py`` checks).
"""
