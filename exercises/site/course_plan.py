"""A course's plan: one class session per module of the course being built.

``{course-plan}`` lists the modules in the book's table of contents (so a custom course
from ``make course`` lists only its own), each with its objectives, exercises, discussion
questions and slide deck, and then the session agenda every module follows,
``book/agendas/module-session.yml``: change its minutes there and the plan follows.
"""
from __future__ import annotations

from pathlib import Path

from docutils import nodes

from .agenda import agenda_markdown, load_agenda, total_minutes
from ..toc import MODULE_FILE, read_toc
from .directives import MarkdownDirective
from .module_text import module_text
from ..specs import load_banks
from ..paths import BOOK_DIR
from ..i18n import message

SESSION_AGENDA = "module-session"


def toc_modules(toc: dict) -> list[str]:
    """The module folders of a table of contents, in its order."""
    return [m["folder"] for part in toc["parts"] for ch in part.get("chapters", [])
            if (m := MODULE_FILE.match(ch["file"]))]


def plan_markdown(folders: list[str]) -> str:
    session = load_agenda(SESSION_AGENDA)
    banks = load_banks()
    out = ["```{list-table}", ":header-rows: 1", ":widths: 8 34 10 10 12 26", "",
           *(f"{'* -' if i == 0 else '  -'} {message(key)}" for i, key in enumerate((
               "plan.module", "plan.title", "plan.objectives", "plan.exercises", "plan.discussion",
               "plan.materials")))]
    # one numbering: a module's number names its session, its deck and its handout
    for folder in folders:
        text = module_text(folder)
        bank = banks.get(folder.split("-", 1)[1])
        out += [f"* - {int(folder.split('-', 1)[0])}", f"  - {{doc}}`/book/modules/{folder}/index`",
                f"  - {len(text.objectives)}", f"  - {len(bank.exercises) if bank else 0}",
                f"  - {len(text.discussion_questions)}", f"  - `slides/{folder}/`, `handouts/{folder}.pdf`"]
    total = total_minutes(session)
    out += ["```", "", message("plan.session", minutes=total), "", agenda_markdown(session)]
    return "\n".join(out)


class CoursePlanDirective(MarkdownDirective):
    def run(self) -> list[nodes.Node]:
        toc_path = Path(self.env.srcdir) / self.config.external_toc_path
        self.env.note_dependency(str(toc_path))
        self.env.note_dependency(str(BOOK_DIR / "agendas"
                                     / f"{SESSION_AGENDA}.yml"))
        return self.render(plan_markdown(toc_modules(read_toc(toc_path))))
