"""pybtex finds its plugins (styles, name formats, label styles) by reading every installed
package's metadata, again on each use: about 7 ms a time, and the book's bibliography
uses them some 1,300 times in a build (about 10 s of each build's 37). The installed
packages do not change while a build runs, so :func:`remember_lookups` makes pybtex keep
what it has found. Plugins registered at run time (``pybtex.plugin.register_plugin``) are
still looked up first, each time, as pybtex does."""
from __future__ import annotations

import functools

import pybtex.plugin


def remember_lookups() -> None:
    """Have pybtex look each plugin up in the installed packages once per process."""
    lookup = pybtex.plugin.entry_points
    if not hasattr(lookup, "cache_info"):
        pybtex.plugin.entry_points = functools.cache(lookup)
