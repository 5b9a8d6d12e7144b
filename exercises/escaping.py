"""One escaping rule per boundary: authored or data text crosses into a page, a deck, an
export or a printout only through these helpers, so no text runs as code anywhere.

- text into HTML element content: :func:`html_text` (``&``, ``<``, ``>`` as entities);
- a value into JSON inside ``<script>``: :func:`json_in_script` (``<``, ``>`` and ``&``
  as ``\\u003c``-style escapes, so no ``</script>``, ``<!--`` or ``]]>`` in any case or
  spacing can end or confuse the script element; ``JSON.parse`` reads the same value);
- plain text into MyST Markdown: :func:`myst_text` (every ASCII punctuation character
  backslash-escaped, lines joined, so roles, links, HTML and block syntax show as typed);
- a URL into a Markdown link: :func:`url_problem` says why a URL is refused (only
  absolute http(s) URLs with a host are allowed) and :func:`myst_link` writes the link
  with the characters that could close it percent-encoded;
- text into a spreadsheet cell (CSV, XLSX): :func:`spreadsheet_cell` (a leading ``=``,
  ``+``, ``-``, ``@``, tab or carriage return defused with a quote, so no formula runs);
- text into XML: :func:`xml_problem` finds the characters XML 1.0 cannot hold (control
  characters, lone surrogates, U+FFFE/U+FFFF); ElementTree escapes the rest.

MyST Markdown fields (documented as such in their JSON schema) are parsed by MyST, whose
raw HTML and unsafe links are made inert on the parsed nodes
(:func:`exercises.site.directives.inert`); Markdown in exercise specs goes through
:mod:`exercises.markdown` (raw HTML escaped).
"""
from __future__ import annotations

import html
import json
import re
import string
from urllib.parse import quote, urlsplit

_JSON_SCRIPT = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def json_in_script(value) -> str:
    """``value`` as JSON safe to place between ``<script ...>`` and ``</script>``."""
    return json.dumps(value).translate(_JSON_SCRIPT)


def html_message(key: str, lang: str | None = None, **values) -> str:
    """A program string (``exercises/messages.json`` in ``lang``, default the current
    language) with its values filled in, as HTML text: values are escaped with the rest."""
    from .i18n import message
    return html.escape(message(key, lang, **values))


def html_markup_message(key: str, lang: str | None = None, **markup) -> str:
    """A program string as HTML: its text escaped, then ``markup`` (HTML the caller made, or
    numbers) put into its placeholders as it is."""
    from .i18n import messages
    return html.escape(messages(lang)[key]).format(**markup)


def html_text(text) -> str:
    """Text (or any value, as ``str``) as the text of an HTML element (``&``, ``<``, ``>``
    as entities; quotes stay as typed, so "the state's" still reads so where an LMS shows
    the text escaped once more)."""
    return html.escape(str(text), quote=False)


_MYST_PUNCTUATION = {c: "\\" + c for c in string.punctuation}


def myst_text(text: str) -> str:
    """Plain text for MyST Markdown, on one line, shown exactly as typed."""
    return " ".join(str(text).split()).translate(str.maketrans(_MYST_PUNCTUATION))


def url_problem(url: str) -> str | None:
    """Why ``url`` may not be linked, or None when it is an absolute http(s) URL."""
    if any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in url):
        return f"{url!r} is not a URL: it holds spaces or control characters"
    try:
        parts = urlsplit(url)
    except ValueError as err:
        return f"{url!r} is not a URL: {err}"
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return f"{url!r} is not an http(s) URL (only http:// and https:// links are allowed)"
    return None


def safe_url(url: str) -> str:
    """An allowed URL (see :func:`url_problem`, else ValueError) with every character that
    could end a Markdown link or an HTML attribute percent-encoded."""
    problem = url_problem(url)
    if problem:
        raise ValueError(problem)
    return quote(url, safe="/:?#@!$&'*+,;=%~-._")


def myst_link(text: str, url: str) -> str:
    """A MyST link showing ``text`` (plain) and going to ``url`` (see :func:`safe_url`)."""
    return f"[{myst_text(text)}](<{safe_url(url)}>)"


# XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
_XML_ILLEGAL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_problem(text: str) -> str | None:
    """What in ``text`` XML 1.0 cannot hold (with its position), or None."""
    m = _XML_ILLEGAL.search(text)
    if not m:
        return None
    return (f"character U+{ord(m.group()):04X} at position {m.start() + 1} cannot be exported "
            f"(XML allows no control characters but tab and line breaks)")


SPREADSHEET_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value) -> str:
    """Text for one spreadsheet cell (CSV or XLSX); a leading = + - @ (or tab, carriage
    return) is defused with a quote, so a spreadsheet shows the text instead of running it
    as a formula (``=HYPERLINK(...)`` stays text)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(SPREADSHEET_FORMULA_PREFIXES) else text
