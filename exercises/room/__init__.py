"""The live room: the facilitator's laptop runs a workshop's interactive moments (polls
from the exercise banks, estimates, discussion questions, the module 9 policy simulation
as a group decision, questions from the floor) with no cloud, no accounts and no names.

    python -m exercises room --module 4          # or: make room MODULE=4

- :mod:`.store`     the data layer (SQLite in WAL mode; PostgreSQL given a URL)
- :mod:`.questions` the room's questions, made from a module's bank and deck texts, and
                    the server-side validation of every answer
- :mod:`.results`   live results (SVG charts), the CSV export and the one-page summary
- :mod:`.server`    the Starlette app (participants, facilitator, Server-Sent Events)
- :mod:`.cli`       start, export and delete a room
- ``static/``       the pages' own JavaScript and CSS (nothing is loaded from elsewhere)

Imports: the engine and the kit (the discussion questions come through the kit's decks,
the PDF is printed with the kit's browser); never the site or the development tools
(``tests/unit/test_layout.py`` checks).
"""
