"""Render the Markdown of exercise specs to HTML safely.

Raw HTML in a spec is escaped (shown as text, never run), and links may only use
http(s), mailto or relative URLs: markdown-it's own link validation drops
``javascript:``, ``vbscript:`` and ``data:`` URLs.
"""
from functools import lru_cache

from markdown_it import MarkdownIt

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": True})


@lru_cache(maxsize=4096)
def to_html(text: str) -> str:
    return _md.render(text).strip()


@lru_cache(maxsize=4096)
def to_inline_html(text: str) -> str:
    """For short fields (option labels): no wrapping <p>."""
    return _md.renderInline(text).strip()
