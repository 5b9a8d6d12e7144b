"""The course plan lists the modules of the table of contents it is built with."""
from exercises.site.agenda import load_agenda, total_minutes
from exercises.toc import course_toc, read_toc, resolve
from exercises.site.course_plan import plan_markdown, toc_modules


def test_plan_follows_the_table_of_contents():
    toc = read_toc()
    folders = toc_modules(toc)
    assert len(folders) == 10 and folders[0] == "01-foundations"
    custom = course_toc(resolve(["6", "foundations"], toc), toc)
    assert toc_modules(custom) == ["06-japans-aspiration", "01-foundations"]


def test_plan_rows_and_session_agenda():
    md = plan_markdown(["06-japans-aspiration", "01-foundations"])
    assert "{doc}`/book/modules/06-japans-aspiration/index`" in md
    assert md.index("06-japans-aspiration") < md.index("01-foundations")
    assert "04-responsibility-to-protect" not in md
    minutes = total_minutes(load_agenda("module-session"))
    assert f"({minutes} minutes)" in md and minutes == 90


def test_plan_numbers_each_session_by_its_module():
    md = plan_markdown(["06-japans-aspiration", "01-foundations"])
    plan = md[:md.index("```\n")]
    rows = [line for line in plan.splitlines() if line.startswith("* - ")][1:]
    assert rows == ["* - 6", "* - 1"]  # not "1, 2": session, deck and handout share the module's number
    assert "`slides/06-japans-aspiration/`, `handouts/06-japans-aspiration.pdf`" in md
