"""The course's charts, by name: one definition shown on a module's data page and in its
slide deck, so the two never differ.

    from exercises.site.figures import show_figure
    show_figure("responsibility-to-protect/gc-counts")    # a code cell on a data page

    ```{course-figure} responsibility-to-protect/gc-counts
    ```                                                   # a slide in the module's deck

Each module's charts are in ``exercises/figures/<module slug, with _>.py``: functions
decorated with ``@figure("name")`` that take no arguments and return
``(altair chart, alt text)``. The alt text says what the chart shows, numbers included.
A chart is named ``<module slug>/<name>``, the module slug being its bank's name.

Every text a chart shows (titles, axis and legend titles, category labels, alt text) is a
program string, ``fig.<module>.<figure>.<part>`` in ``exercises/messages.json``, so the
Japanese edition (``COURSE_LANG=ja``) draws the same chart in Japanese; country names come
from the countries dataset's column for the language (``name_en``, ``name_ja``).
"""
from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable

import altair as alt
import pandas as pd

from ...datasets import load
from ...i18n import current, message

Figure = Callable[[], "tuple[alt.Chart, str]"]
_REGISTRY: dict[str, Figure] = {}


def figure(name: str) -> Callable[[Figure], Figure]:
    """Register the decorated function as ``<module slug>/<name>``."""
    def register(func: Figure) -> Figure:
        slug = func.__module__.rsplit(".", 1)[-1].replace("_", "-")
        key = f"{slug}/{name}"
        if key in _REGISTRY:
            raise ValueError(f"two figures are named {key!r}")
        _REGISTRY[key] = func
        return func
    return register


def year_axis(field: str, title: str, years, *, pad: float = 0.5, **axis) -> alt.X:
    """An x axis of years (or EWP editions) that keeps the gaps between them: quantitative,
    not ordinal, so 1994 -> 2005 is eleven times as wide as 2005 -> 2006. ``years`` are the
    values drawn (ticks at each of them while there are at most 12, else round years)."""
    values = sorted({float(y) for y in years})
    if not values:
        raise ValueError(f"no years to draw on the {field!r} axis")
    ticks = [int(v) if v.is_integer() else v for v in values] if len(values) <= 12 else alt.Undefined
    return alt.X(f"{field}:Q", title=title,
                 scale=alt.Scale(domain=[values[0] - pad, values[-1] + pad], nice=False, zero=False),
                 axis=alt.Axis(format="d", values=ticks, tickMinStep=1, labelFlush=False, **axis))


def bar_size(chart_width: int, years, *, share: float = 0.8, pad: float = 0.5) -> float:
    """The width in pixels of a bar one year wide (``share`` of it) on a :func:`year_axis`."""
    values = sorted({float(y) for y in years})
    return share * chart_width / (values[-1] - values[0] + 2 * pad)


def year_groups(frame: pd.DataFrame, year: str, group: str, order: list, *, share: float = 0.8) -> pd.DataFrame:
    """Grouped bars on a :func:`year_axis`: each row gets ``x_start``/``x_end`` (in years), its
    group's slot in ``order`` within the ``share`` of the year its bars fill."""
    unknown = sorted(set(frame[group].astype(str)) - set(order))
    if unknown:
        raise ValueError(f"{group} values {unknown} have no place in the grouped bars")
    slot = frame[group].astype(str).map({g: k for k, g in enumerate(order)})
    width = share / len(order)
    out = frame.copy()
    out["x_start"] = out[year].astype(float) - share / 2 + slot * width
    out["x_end"] = out["x_start"] + width * 0.95
    return out


def country_names(iso3s) -> dict[str, str]:
    """ISO3 code -> the country's name in the course's language (countries.csv ``name_<lang>``)."""
    countries = load("countries").set_index("iso3")
    column = f"name_{current()}"
    return {iso: str(countries.loc[iso, column]) for iso in iso3s}


def and_list(items: list[str]) -> str:
    """"a, b and c" (in Japanese "a、b、c")."""
    items = [str(i) for i in items]
    if len(items) < 2:
        return "".join(items)
    return message("fig.list_sep").join(items[:-1]) + message("fig.and") + items[-1]


def number_word(n: int) -> str:
    """A small count as said in a sentence ("five"; in Japanese the digits)."""
    return message("fig.number_words").split(",")[n]


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 11th... (in Japanese 1位, 2位...)."""
    key = ("fig.ordinal_th" if 10 <= n % 100 <= 20
           else {1: "fig.ordinal_st", 2: "fig.ordinal_nd", 3: "fig.ordinal_rd"}.get(n % 10, "fig.ordinal_th"))
    return f"{n}{message(key)}"


def month_year(when: str) -> str:
    """"2003-12" -> "December 2003" (in Japanese 2003年12月)."""
    month = int(when[5:7])
    return message("fig.month_year", month=message("fig.months").split(",")[month - 1], year=when[:4])


def _load_all() -> None:
    for info in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{info.name}")


def names() -> list[str]:
    _load_all()
    return sorted(_REGISTRY)


def chart(name: str) -> tuple[alt.Chart, str]:
    """The chart named ``name`` and its alt text; an unknown name lists the known ones."""
    _load_all()
    if name not in _REGISTRY:
        raise KeyError(f"no figure named {name!r}; known figures: {', '.join(sorted(_REGISTRY))}")
    made, alt_text = _REGISTRY[name]()
    if not alt_text.strip():
        raise ValueError(f"figure {name!r} has no alt text")
    return made, alt_text


def svg(name: str) -> tuple[str, str]:
    """The chart as SVG markup, with its alt text (for slide decks and handouts)."""
    import vl_convert as vlc
    made, alt_text = chart(name)
    return vlc.vegalite_to_svg(made.to_json()), alt_text


def show_figure(name: str):
    """Display the named chart in a notebook or built page (a static, accessible SVG)."""
    from ..charts import svg_figure
    return svg_figure(*chart(name))
