"""Screenshots at phone width (390 x 844, issue 18) of a module page, a data page (at its
first chart) and the open menu, written to tests/artefacts/ for the pull request and for
a person to look at. Each is checked first: nothing wider than the screen, and the menu
open and holding links."""
from __future__ import annotations

from pathlib import Path

ARTEFACTS = Path(__file__).resolve().parents[1] / "artefacts"
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 1, "is_mobile": True, "has_touch": True}
MODULE = "book/modules/04-responsibility-to-protect/origins.html"
DATA = "book/modules/05-early-warning/ewp-data.html"
OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def shoot(page, name: str) -> Path:
    ARTEFACTS.mkdir(exist_ok=True)
    path = ARTEFACTS / f"phone-{name}.png"
    page.screenshot(path=str(path))
    assert path.stat().st_size > 5000, f"{path} is nearly empty"
    return path


def test_phone_screenshots(open_page):
    page, log = open_page(MODULE, **PHONE)
    assert page.evaluate(OVERFLOW) <= 0, "the module page is wider than the phone"
    shoot(page, "module-page")

    page.locator(".primary-toggle:visible").first.tap()
    page.wait_for_function("document.querySelector('#pst-primary-sidebar-modal').open")
    page.wait_for_timeout(400)  # the drawer's slide-in
    box = page.locator("#pst-primary-sidebar-modal").bounding_box()
    assert box and box["x"] >= -1 and box["width"] >= 250, box
    assert page.locator("#pst-primary-sidebar-modal a:visible").count() >= 10
    shoot(page, "menu-open")
    assert not log.problems()

    page, log = open_page(DATA, **PHONE)
    assert page.evaluate(OVERFLOW) <= 0, "the data page is wider than the phone"
    page.locator("figure.course-chart").first.scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -60)")
    shoot(page, "data-page")
    assert not log.problems()
