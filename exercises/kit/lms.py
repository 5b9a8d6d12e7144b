"""Export the exercise banks to learning management systems: Moodle XML, and QTI 1.2
packages that Canvas imports.

    python -m exercises lms [--out _build/lms]        (or: make lms)

writes ``moodle/<bank>.xml`` and ``canvas/<bank>.zip`` for every bank, plus a
``README.txt`` listing what could not be exported. Single choice, multiple select,
numeric (its expected value computed as the widget computes it), ordering and
categorize (both as matching questions) and reflection (as an essay with the model
answer for graders) carry over. Data explorers, risk worksheets and decision scenarios
are interactive: they stay on the course site and are listed as skipped.

A question that refers to a chart or a table carries it (:mod:`exercises.kit.exhibits`):
the chart as a PNG image (Moodle: a ``<file>`` in the question text, ``@@PLUGINFILE@@``;
Canvas: ``images/`` in the package, ``$IMS-CC-FILEBASE$``) above the prompt, with the data it
shows as an HTML table. One whose chart or table is shown only on its page is left out and
listed in ``README.txt``. Questions are named by their readable titles; the exercise's id is
kept as Moodle's ``idnumber`` and in the QTI item's ``ident``.
The output is written to a temporary folder and moved into place whole.

Each boundary has its escaping: HTML made from Markdown is rendered by exercises.markdown
(raw HTML shown as text); plain text an LMS may show as HTML (a category name in a QTI
``mattext`` of type text/html or in a Moodle matching answer, the bank's title in
Moodle's category path) is escaped with :func:`exercises.escaping.html_text`;
ElementTree escapes all of it for XML. A character XML cannot hold (a control character
in a prompt) is refused before anything is written, as a SpecError naming the bank's
file, line and field.
"""
from __future__ import annotations

import base64
import html
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree as ET

from .. import i18n
from ..markdown import to_html, to_inline_html
from .exhibits import Exhibit, exhibit, readable_title, refers_to_data
from ..answer_key import categories, numeric_answer, order
from ..escaping import html_text, xml_problem
from ..specs import Bank, load_banks
from ..private_keys import require_all
from ..yaml_data import SpecError, field_name, line_for, parse_yaml
from ..paths import kit_output
from .output import replacing

OUT = kit_output("lms")
QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
MANIFEST_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"


@dataclass
class Question:
    """One question in a form both Moodle and QTI can express."""
    name: str
    kind: str                   # choice | numerical | matching | essay
    text: str                   # HTML
    choices: list = field(default_factory=list)   # (html, fraction 0..100 or negative, feedback html)
    single: bool = True
    value: float = 0.0
    tolerance: float = 0.0
    pairs: list = field(default_factory=list)     # (item html, answer text: plain)
    feedback: str = ""          # general feedback / model answer (HTML)
    title: str = ""             # the readable name an LMS lists it by (plain text)
    exhibit: Exhibit | None = None   # its chart and data, shown above the prompt

    def image_name(self) -> str:
        return f"{self.name}.png"

    def text_with(self, image_src: str | None) -> str:
        """The question's HTML with its exhibit above it (the image at ``image_src``)."""
        if not self.exhibit:
            return self.text
        image = (f'<p><img src="{html.escape(image_src, quote=True)}" alt="{html.escape(self.exhibit.alt, quote=True)}"'
                 ' width="600"></p>'
                 if self.exhibit.has_chart and image_src else "")
        return f'<div class="exhibit">{image}{self.exhibit.table_html}</div>{self.text}'


def _choice(ex: dict) -> Question:
    single = ex["type"] == "single_choice"
    n_right = sum(1 for o in ex["options"] if o.get("correct"))
    choices = []
    for o in ex["options"]:
        # multiple select: checking.multiple_select_score, each right choice earns its share, each wrong one loses as much
        right_share, wrong_share = (100.0, 0.0) if single else (100.0 / n_right, -100.0 / n_right)
        fraction = right_share if o.get("correct") else wrong_share
        choices.append((to_inline_html(o["text"]), round(fraction, 5), to_html(o["feedback"])))
    return Question(ex["id"], "choice", to_html(ex["prompt"]), choices=choices, single=single)


def question_for(ex: dict) -> Question | None:
    """The exportable form of an exercise, or None for interactive-only types."""
    kind = ex["type"]
    if kind in ("single_choice", "multiple_select"):
        return _choice(ex)
    if kind == "numeric":
        unit = f" (in {ex['unit']})" if ex.get("unit") else ""
        value, tolerance, _ = numeric_answer(ex)
        return Question(ex["id"], "numerical", to_html(ex["prompt"] + unit), value=value,
                        tolerance=tolerance, feedback=to_html(ex.get("explanation", "")) if ex.get("explanation") else "")
    if kind == "ordering":
        pairs = [(to_inline_html(text), ordinal) for ordinal, text in order(ex)]
        return Question(ex["id"], "matching", to_html(ex["prompt"] + "\n\nGive each item its place in the order."),
                        pairs=pairs, feedback=to_html(ex["explanation"]) if ex.get("explanation") else "")
    if kind == "categorize":
        pairs = [(to_inline_html(text), category) for text, category in categories(ex)]
        return Question(ex["id"], "matching", to_html(ex["prompt"]), pairs=pairs,
                        feedback=to_html(ex["explanation"]) if ex.get("explanation") else "")
    if kind == "reflection":
        return Question(ex["id"], "essay", to_html(ex["prompt"]), feedback=to_html(ex["model_answer"]))
    return None


# ------------------------------------------------------------------ Moodle XML

def _text(parent, tag: str, html: str, **attrs) -> ET.Element:
    el = ET.SubElement(parent, tag, {"format": "html", **attrs} if tag != "name" else attrs)
    ET.SubElement(el, "text").text = html
    return el


def moodle_category(title: str) -> str:
    """The bank's category path: Moodle shows a category name as HTML and splits the path
    at ``/`` (a name's own slash is written ``//``)."""
    return "$course$/" + html_text(" ".join(title.split())).replace("/", "//")


def moodle_xml(bank: Bank, questions: list[Question]) -> bytes:
    quiz = ET.Element("quiz")
    category = ET.SubElement(quiz, "question", type="category")
    ET.SubElement(ET.SubElement(category, "category"), "text").text = moodle_category(bank.title)
    for q in questions:
        kind = {"choice": "multichoice", "numerical": "numerical", "matching": "matching", "essay": "essay"}[q.kind]
        el = ET.SubElement(quiz, "question", type=kind)
        _text(el, "name", html_text(q.title or q.name))  # plain text Moodle may show as HTML
        text = _text(el, "questiontext", q.text_with(f"@@PLUGINFILE@@/{q.image_name()}"))
        if q.exhibit and q.exhibit.has_chart:
            ET.SubElement(text, "file", name=q.image_name(), path="/",
                          encoding="base64").text = base64.b64encode(q.exhibit.png).decode("ascii")
        ET.SubElement(el, "idnumber").text = q.name
        if q.feedback and q.kind != "essay":
            _text(el, "generalfeedback", q.feedback)
        if q.kind == "choice":
            ET.SubElement(el, "single").text = "true" if q.single else "false"
            ET.SubElement(el, "shuffleanswers").text = "true"
            ET.SubElement(el, "answernumbering").text = "abc"
            for html, fraction, feedback in q.choices:
                answer = _text(el, "answer", html, fraction=f"{fraction:g}")
                _text(answer, "feedback", feedback)
        elif q.kind == "numerical":
            answer = ET.SubElement(el, "answer", fraction="100")
            ET.SubElement(answer, "text").text = f"{q.value:g}"
            ET.SubElement(answer, "tolerance").text = f"{q.tolerance:g}"
        elif q.kind == "matching":
            ET.SubElement(el, "shuffleanswers").text = "true"
            for html, answer in q.pairs:
                sub = _text(el, "subquestion", html)
                # plain text that Moodle may show as HTML (a category name): escaped
                ET.SubElement(ET.SubElement(sub, "answer"), "text").text = html_text(answer)
        elif q.kind == "essay":
            ET.SubElement(el, "responseformat").text = "editor"
            _text(el, "graderinfo", q.feedback)
    ET.indent(quiz)
    return ET.tostring(quiz, encoding="utf-8", xml_declaration=True)


# ------------------------------------------------------------------ QTI 1.2 (Canvas)

def _meta(parent, pairs: dict) -> None:
    meta = ET.SubElement(parent, "qtimetadata")
    for label, entry in pairs.items():
        f = ET.SubElement(meta, "qtimetadatafield")
        ET.SubElement(f, "fieldlabel").text = label
        ET.SubElement(f, "fieldentry").text = entry


def _material(parent, html: str) -> None:
    ET.SubElement(ET.SubElement(parent, "material"), "mattext", texttype="text/html").text = html


def _score(resproc, condition_builder, value: str, action: str = "Set") -> None:
    cond = ET.SubElement(resproc, "respcondition", {"continue": "No" if action == "Set" else "Yes"})
    condition_builder(ET.SubElement(cond, "conditionvar"))
    ET.SubElement(cond, "setvar", action=action, varname="SCORE").text = value


IMAGES = "images"
QTI_TYPES = {"choice": None, "numerical": "numerical_question", "matching": "matching_question",
             "essay": "essay_question"}


def qti_assessment(bank: Bank, questions: list[Question]) -> bytes:
    root = ET.Element("questestinterop", xmlns=QTI_NS)
    assessment = ET.SubElement(root, "assessment", ident=f"course-{bank.name}", title=bank.title)
    section = ET.SubElement(assessment, "section", ident="root_section")
    for q in questions:
        qtype = QTI_TYPES[q.kind] or ("multiple_choice_question" if q.single else "multiple_answers_question")
        item = ET.SubElement(section, "item", ident=f"{bank.name}-{q.name}", title=q.title or q.name)
        _meta(ET.SubElement(item, "itemmetadata"), {"question_type": qtype, "points_possible": "1.0"})
        presentation = ET.SubElement(item, "presentation")
        _material(presentation, q.text_with(f"$IMS-CC-FILEBASE$/{IMAGES}/{q.image_name()}"))
        resproc = ET.SubElement(item, "resprocessing")
        ET.SubElement(ET.SubElement(resproc, "outcomes"), "decvar", maxvalue="100", minvalue="0",
                      varname="SCORE", vartype="Decimal")
        if q.kind == "choice":
            lid = ET.SubElement(presentation, "response_lid", ident="response1",
                                rcardinality="Single" if q.single else "Multiple")
            render = ET.SubElement(lid, "render_choice")
            for i, (html, _, _) in enumerate(q.choices):
                _material(ET.SubElement(render, "response_label", ident=f"c{i}"), html)
            right = [f"c{i}" for i, (_, fraction, _) in enumerate(q.choices) if fraction > 0]
            wrong = [f"c{i}" for i, (_, fraction, _) in enumerate(q.choices) if fraction <= 0]

            if q.single:
                def all_right(var, right=right, wrong=wrong):
                    both = ET.SubElement(var, "and")
                    for ident in right:
                        ET.SubElement(both, "varequal", respident="response1").text = ident
                    for ident in wrong:
                        ET.SubElement(ET.SubElement(both, "not"), "varequal", respident="response1").text = ident
                _score(resproc, all_right, "100")
            else:  # checking.multiple_select_score (Canvas: "partial credit with penalty"); SCORE >= 0
                share = f"{100 / len(right):.4f}"
                for ident in right + wrong:
                    _score(resproc, lambda var, ident=ident: ET.SubElement(
                        var, "varequal", respident="response1").__setattr__("text", ident),
                        share, "Add" if ident in right else "Subtract")
        elif q.kind == "numerical":
            fib = ET.SubElement(presentation, "response_str", ident="response1", rcardinality="Single")
            ET.SubElement(ET.SubElement(fib, "render_fib", fibtype="Decimal"), "response_label", ident="answer1")

            def within(var, q=q):
                both = ET.SubElement(var, "and")
                ET.SubElement(both, "vargte", respident="response1").text = f"{q.value - q.tolerance:g}"
                ET.SubElement(both, "varlte", respident="response1").text = f"{q.value + q.tolerance:g}"
            _score(resproc, within, "100")
        elif q.kind == "matching":
            answers = sorted({answer for _, answer in q.pairs}, key=[a for _, a in q.pairs].index)
            share = f"{100 / len(q.pairs):.4f}"
            for i, (html, answer) in enumerate(q.pairs):
                lid = ET.SubElement(presentation, "response_lid", ident=f"response_{i}")
                _material(lid, html)
                render = ET.SubElement(lid, "render_choice")
                for j, option in enumerate(answers):  # a category name or an ordinal: plain text
                    _material(ET.SubElement(render, "response_label", ident=f"m{j}"), html_text(option))
                target = f"m{answers.index(answer)}"
                _score(resproc, lambda var, i=i, target=target: ET.SubElement(
                    var, "varequal", respident=f"response_{i}").__setattr__("text", target), share, "Add")
        elif q.kind == "essay":
            fib = ET.SubElement(presentation, "response_str", ident="response1", rcardinality="Single")
            ET.SubElement(ET.SubElement(fib, "render_fib"), "response_label", ident="answer1", rshuffle="No")
        if q.feedback:
            item_feedback = ET.SubElement(item, "itemfeedback", ident="general_fb")
            ET.SubElement(ET.SubElement(item_feedback, "flow_mat"), "material")
            item_feedback[0][0].append(ET.Element("mattext", texttype="text/html"))
            item_feedback[0][0][0].text = q.feedback
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def qti_package(bank: Bank, questions: list[Question]) -> bytes:
    """A zip Canvas imports: imsmanifest.xml and the assessment."""
    href = f"{bank.name}/{bank.name}.xml"
    manifest = ET.Element("manifest", identifier=f"course-{bank.name}-manifest", xmlns=MANIFEST_NS)
    metadata = ET.SubElement(manifest, "metadata")
    ET.SubElement(metadata, "schema").text = "IMS Content"
    ET.SubElement(metadata, "schemaversion").text = "1.1.3"
    ET.SubElement(manifest, "organizations")
    resource = ET.SubElement(ET.SubElement(manifest, "resources"), "resource",
                             identifier=f"res-{bank.name}", type="imsqti_xmlv1p2", href=href)
    ET.SubElement(resource, "file", href=href)
    images = [(f"{IMAGES}/{q.image_name()}", q.exhibit.png) for q in questions if q.exhibit and q.exhibit.has_chart]
    for path, _ in images:
        web = ET.SubElement(manifest.find("resources"), "resource", identifier=f"res-{path.replace('/', '-')}",
                            type="webcontent", href=path)
        ET.SubElement(web, "file", href=path)
    ET.indent(manifest)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("imsmanifest.xml", ET.tostring(manifest, encoding="utf-8", xml_declaration=True))
        z.writestr(href, qti_assessment(bank, questions))
        for path, png in images:
            z.writestr(path, png)
    return buffer.getvalue()


def _strings(value, at: tuple = ()):
    """Every string in a spec, with where it is: (path, text)."""
    if isinstance(value, str):
        yield at, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*at, key))
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _strings(item, (*at, i))


def check_exportable(bank: Bank) -> None:
    """A SpecError (file, line, field) for the first text XML cannot hold, if any."""
    where = [(("title",), bank.title)] + [
        (("exercises", i, *at), text) for i, ex in enumerate(bank.exercises) for at, text in _strings(ex)]
    for at, text in where:
        problem = xml_problem(text)
        if problem:
            try:
                lines = parse_yaml(bank.path.read_text(encoding="utf-8"), bank.path)[1]
            except (OSError, SpecError):
                lines = {}
            raise SpecError(bank.path, line_for(lines, at), field_name(at), problem)


def export(out: Path | None = None, banks: dict[str, Bank] | None = None, lang: str | None = None) -> dict[str, dict]:
    """Write every bank; return {bank: {"exported": [...], "skipped": [(id, type)]}}.

    ``lang`` (default: the current language) is the language of the questions (the banks are
    translated when loaded) and of README.txt; ``out`` defaults to that language's
    :func:`exercises.paths.kit_output` (``_build/lms``, ``_build/ja/lms``).
    A bank holding text XML cannot carry raises SpecError before anything is written."""
    with i18n.language(lang) as lang:
        return _export(kit_output("lms", lang) if out is None else out, banks)


def _export(out: Path, banks: dict[str, Bank] | None) -> dict[str, dict]:
    banks = load_banks() if banks is None else banks
    require_all(banks)  # a graded exercise's key kept out of the repository must be given
    for bank in banks.values():
        check_exportable(bank)
    summary = {}
    with replacing(out, "lms") as tmp:
        (tmp / "moodle").mkdir()
        (tmp / "canvas").mkdir()
        for name, bank in banks.items():
            questions, skipped, no_exhibit = [], [], []
            for ex in bank.exercises:
                q = question_for(ex)
                if q is None:
                    skipped.append((ex["id"], ex["type"]))
                    continue
                q.title = readable_title(ex)
                if refers_to_data(ex):
                    q.exhibit = exhibit(ex, f"{name}/{ex['id']}")
                    if q.exhibit is None:  # its chart or table is only on its page
                        no_exhibit.append((ex["id"], q.title))
                        continue
                questions.append(q)
            # Moodle's matching questions need at least three different answers
            moodle = [q for q in questions if q.kind != "matching" or len({a for _, a in q.pairs}) >= 3]
            summary[name] = {"exported": [q.name for q in questions], "skipped": skipped, "no_exhibit": no_exhibit,
                             "not_in_moodle": [q.name for q in questions if q not in moodle]}
            if moodle:
                (tmp / "moodle" / f"{name}.xml").write_bytes(moodle_xml(bank, moodle))
            if questions:
                (tmp / "canvas" / f"{name}.zip").write_bytes(qti_package(bank, questions))
        none = "  " + i18n.message("kit.lms.none")
        lines = [*i18n.message("kit.lms.readme_intro").splitlines(), "", i18n.message("kit.lms.readme_skipped")]
        lines += [f"  {bank}/{ex_id} ({kind})" for bank, s in summary.items() for ex_id, kind in s["skipped"]] or [none]
        lines += ["", *i18n.message("kit.lms.readme_no_exhibit").splitlines()]
        lines += [f"  {bank}/{ex_id} ({title})" for bank, s in summary.items() for ex_id, title in s["no_exhibit"]] \
            or [none]
        lines += ["", *i18n.message("kit.lms.readme_not_in_moodle").splitlines()]
        lines += [f"  {bank}/{q}" for bank, s in summary.items() for q in s["not_in_moodle"]] or [none]
        (tmp / "README.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return summary
