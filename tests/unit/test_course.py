"""The course builder: module names resolve; unknown ones are refused by name."""
from __future__ import annotations

import pytest

from exercises.toc import UnknownModule, course_toc, module_names, read_toc, resolve


@pytest.fixture(scope="module")
def toc():
    return read_toc()


def test_a_module_can_be_named_by_folder_slug_or_number(toc):
    assert resolve(["01-foundations", "responsibility-to-protect", "6", "06"], toc) == \
        ["01-foundations", "04-responsibility-to-protect", "06-japans-aspiration"]
    assert len(set(module_names(toc).values())) == 10


def test_an_unknown_module_is_named_and_the_valid_ones_listed(toc):
    with pytest.raises(UnknownModule) as caught:
        resolve(["foundations", "atlantis"], toc)
    assert "unknown module 'atlantis'" in str(caught.value)
    assert "01-foundations" in str(caught.value) and "10-case-studies" in str(caught.value)
    with pytest.raises(UnknownModule, match="no module chosen"):
        resolve([], toc)


def test_the_custom_toc_keeps_front_and_back_matter_and_only_the_chosen_modules(toc):
    custom = course_toc(["04-responsibility-to-protect", "01-foundations"], toc)
    captions = [p["caption"] for p in custom["parts"]]
    assert captions == [p["caption"] for p in toc["parts"]]
    modules = next(p for p in custom["parts"] if p["caption"] == "Modules")["chapters"]
    assert [m["file"] for m in modules] == ["book/modules/04-responsibility-to-protect/index",
                                          "book/modules/01-foundations/index"]
    assert modules[0].get("sections"), "a chosen module keeps its pages"
    assert toc != custom and len(next(p for p in toc["parts"] if p["caption"] == "Modules")["chapters"]) == 10
