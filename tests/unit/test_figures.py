"""Every named figure renders to SVG with alt text; an unknown name lists the known ones."""
import pytest

from exercises.site import figures


@pytest.mark.parametrize("name", figures.names())
def test_figure_renders_with_alt_text(name):
    svg, alt_text = figures.svg(name)
    assert svg.lstrip().startswith("<svg") and "</svg>" in svg
    assert len(alt_text) > 40, "alt text should say what the chart shows"


def test_unknown_figure_lists_known_ones():
    with pytest.raises(KeyError) as err:
        figures.chart("responsibility-to-protect/no-such-chart")
    assert "responsibility-to-protect/gc-counts" in str(err.value)


def test_figures_are_named_by_module():
    from exercises.specs import load_banks
    banks = set(load_banks())
    assert figures.names(), "no figures registered"
    for name in figures.names():
        assert name.split("/")[0] in banks, f"{name}: the part before / must be a module's bank name"
