"""The teaching kit, built from the book's sources: slide decks, printable handouts and
exercise sheets (and the local browser that prints them), LMS export, custom courses and
the credits they carry.

Imports: the engine and the site (a deck shows the site's figures, a handout its glossary
and roles); never the room or the development tools (``tests/unit/test_layout.py``
checks).
"""
