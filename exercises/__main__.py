"""Command line: ``python -m exercises <command>``, or ``course <command>`` once the package
is installed (``pip install .``). The Makefile's targets call these.

  book        validate the banks and data, then build the site (strict) into _build/html
              (the instructor edition: --edition instructor, into _build/instructor)
  serve       serve the built site on http://127.0.0.1:8000, the Japanese edition (when
              built) under /ja/, as they are published
  i18n        update the translation catalogues after an English change (update), or print
              how much is translated and out of date per module and kind (status)
  validate    load and validate every exercise bank (or the bank files given)
  validate-data  validate the data package (data/datapackage.json and its CSVs)
  lms         export the banks for Moodle (XML) and Canvas (QTI) into _build/lms/
  course      build a custom course from chosen modules into _build/courses/<name>/
  slides      build the modules' slide decks into _build/slides/
  handouts    printable handouts, answer keys and role cards (PDF) into _build/handouts/
  kit         a venue kit: the site, decks, handouts, agendas and workshop materials in one
              folder and a zip under _build/kit/ that open from the disk with no install
  instructor-kit  the instructor edition, handouts with answer keys and the LMS export in
              _build/kit/instructor-kit.zip (from parts already built; make instructor-kit)
  marks       mark a folder of hand-in files: a marking sheet (CSV, XLSX), gradebooks for
              Moodle and Canvas, and a report of every file or answer not counted
  room        run a live room for a module on this laptop (polls, estimates, the simulation,
              questions from the floor); --export and --delete a room's data
  clean       remove the build output under _build, keeping every edition's execution cache
              and the live rooms' database (_build/room)
  keys        keep the graded exercises' answer keys out of the repository: move them into a
              private file (export FILE), or check that file against the banks (check FILE)

  --keys FILE (before the command; or COURSE_KEYS=FILE) gives the commands a keys file.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="course", description="The course's commands (see README.md).")
    parser.add_argument("--keys", type=Path, default=None, metavar="FILE",
                        help="the answer keys kept out of the repository (course keys export); or set COURSE_KEYS")
    sub = parser.add_subparsers(dest="command", required=True)
    book = sub.add_parser("book", help="validate the banks and data, then build the site (strict)")
    book.add_argument("--edition", default=None, help="student (default) or instructor; or set COURSE_EDITION")
    book.add_argument("--lang", default=None, help="en (default) or ja; or set COURSE_LANG")
    book.add_argument("--draft", action="store_true",
                      help="a translated edition with what is translated so far (the rest in English)")
    serve = sub.add_parser("serve", help="serve the built site on 127.0.0.1 (the Japanese edition under ja/)")
    serve.add_argument("--edition", default=None, help="student (default) or instructor; or set COURSE_EDITION")
    serve.add_argument("--port", type=int, default=8000)
    i18n = sub.add_parser("i18n", help="translation catalogues: update them after an English change, or their status")
    i18n.add_argument("action", choices=["update", "status"])
    i18n.add_argument("--lang", default="ja", help="the language (default: ja)")
    i18n.add_argument("--no-pages", action="store_true", help="update: skip the pages and the decks (no Sphinx gettext build)")
    check = sub.add_parser("validate", help="load and validate every exercise bank")
    check.add_argument("banks", nargs="*", type=Path, help="bank files or folders (default: exercises/banks)")
    check_data = sub.add_parser("validate-data", help="validate the data package (schema, rows, keys, cross-checks)")
    check_data.add_argument("--package", type=Path, default=None, help="datapackage.json (default: data/datapackage.json)")
    lms = sub.add_parser("lms", help="export the banks for Moodle (XML) and Canvas (QTI)")
    lms.add_argument("--out", default=None, help="output folder (default: _build/lms; _build/ja/lms in Japanese)")
    lms.add_argument("--lang", default=None, help="en or ja (default: COURSE_LANG, else en)")
    course = sub.add_parser("course", help="build a custom course from chosen modules")
    course.add_argument("modules", nargs="*", help="module names, e.g. foundations 4 06-japans-aspiration")
    course.add_argument("--name", help="the course's folder name (default: the module numbers)")
    course.add_argument("--lang", default=None, help="en or ja (default: COURSE_LANG, else en)")
    slides = sub.add_parser("slides", help="build the modules' slide decks (reveal.js)")
    slides.add_argument("modules", nargs="*", help="module names (default: every module with a deck)")
    slides.add_argument("--out", default=None, help="output folder (default: _build/slides; _build/ja/slides in Japanese)")
    slides.add_argument("--lang", default=None, help="en or ja (default: COURSE_LANG, else en)")
    handouts = sub.add_parser("handouts", help="printable handouts, answer keys and role cards (PDF)")
    handouts.add_argument("modules", nargs="*", help="module names (default: every module)")
    handouts.add_argument("--out", default=None, help="output folder (default: _build/handouts; _build/ja/handouts in Japanese)")
    handouts.add_argument("--lang", default=None, help="en or ja (default: COURSE_LANG, else en)")
    kit = sub.add_parser("kit", help="a venue kit that opens from the disk (site, decks, handouts, agendas)")
    kit.add_argument("modules", nargs="*", help="modules for the decks and handouts (default: every module)")
    kit.add_argument("--out", default=None, help="output folder (default: _build/kit/venue-kit; a zip beside it)")
    kit.add_argument("--site", default=None, help="the built student site to copy (default: _build/html, built if missing)")
    kit.add_argument("--tables", type=int, default=None,
                     help="parallel capstone tables for name cards and rotation grids (default: the workshop file's)")
    sub.add_parser("instructor-kit", help="the instructor edition, handouts and LMS export in one zip "
                   "(from parts already built: make instructor-kit builds them)")
    marks = sub.add_parser("marks", help="mark a folder of hand-in files (marking sheet, Moodle and Canvas gradebooks)")
    marks.add_argument("submissions", type=Path, help="the folder of hand-ins (e.g. a Moodle or Canvas download, unzipped)")
    marks.add_argument("--out", default=None, help="output folder (default: _build/marks)")
    marks.add_argument("--deadline", default=None,
                       help="answers given after this time are not counted (ISO 8601, e.g. 2026-12-20T23:59+09:00)")
    sub.add_parser("clean", help="remove build output, keeping the execution caches and the live rooms' data")
    keys = sub.add_parser("keys", help="keep the graded exercises' answer keys in a private file outside the repository")
    keys.add_argument("action", choices=["export", "check"],
                      help="export: move the keys into FILE and out of the banks; check: the banks read with FILE")
    keys.add_argument("file", type=Path, help="the keys file (outside the repository)")
    room = sub.add_parser("room", help="run a live room for a module (participants join from their phones)")
    from .room.cli import add_arguments
    add_arguments(room)
    args = parser.parse_args(argv)
    if args.keys:  # the pages' kernels and every loader read it from the environment
        import os
        from .private_keys import VARIABLE
        os.environ[VARIABLE] = str(args.keys.expanduser().resolve())
    if args.command == "room":  # imports only what a room needs, so it starts (and restarts) fast
        return COMMANDS["room"](args)
    from .datasets import DataError
    from .edition import EditionError
    from .i18n import LanguageError
    from .kit.fonts import FontMissing
    from .kit.handouts import PrintError
    from .kit.output import OutputError
    from .kit.slides import SlidesError
    from .kit.marks import MarksError
    from .kit.venue import KitError
    from .keys_export import ExportError
    from .private_keys import KeysMissing
    from .toc import UnknownModule
    from .yaml_data import SpecError
    try:
        return COMMANDS[args.command](args)
    except (UnknownModule, EditionError, LanguageError) as err:  # a name: the message lists the valid ones
        print(f"error: {err}", file=sys.stderr)
        return 2
    except (SpecError, SlidesError, PrintError, OutputError, FontMissing, KitError, MarksError,
            ExportError, KeysMissing) as err:  # each names the file or the exercise
        print(f"error: {err}", file=sys.stderr)
        return 1
    except DataError as err:  # one line per problem: file:line: field: message
        print("error: " + "\nerror: ".join(err.problems), file=sys.stderr)
        return 1


def validate(args) -> int:
    from .specs import load_bank, load_banks
    banks = {}
    for given in args.banks or [None]:
        if given is None or given.is_dir():
            banks.update(load_banks(*([given] if given else [])))
        else:
            bank = load_bank(given)
            banks[bank.name] = bank
    print(f"{sum(len(b.exercises) for b in banks.values())} exercises in {len(banks)} banks are valid")
    return 0


def book(args) -> int:
    import os
    import subprocess
    from . import book_config, edition, i18n
    from .paths import ROOT, site_output
    name = edition.check(args.edition) if args.edition else edition.current()
    lang = i18n.check(args.lang) if args.lang else i18n.current()
    validate(argparse.Namespace(banks=[]))
    validate_data(argparse.Namespace(package=None))
    if name == "instructor":  # it shows every key: those kept out of the repository must be given
        from .private_keys import require_all
        from .specs import load_banks
        require_all(load_banks())
    output = site_output(name, lang)
    options = ["--path-output", str(output)] if output != ROOT else []
    if lang != i18n.SOURCE_LANGUAGE:
        problems = [] if args.draft else _translation_problems(lang)
        if problems:
            print("error: the " + i18n.LANGUAGES[lang] + " edition is not fully translated "
                  "(course i18n status shows the rest):\n  " + "\n  ".join(problems), file=sys.stderr)
            return 1
        options += ["--config", str(book_config.derived(output, lang, draft=args.draft))]
    jupyter_book = str(Path(sys.executable).parent / "jupyter-book")
    done = subprocess.run([jupyter_book, "build", str(ROOT), "-W", "-n", "--keep-going", *options],
                          env={**os.environ, edition.VARIABLE: name, i18n.VARIABLE: lang})
    if done.returncode:
        print(f"error: the strict build failed (exit {done.returncode}); the warnings above say where",
              file=sys.stderr)
        return done.returncode
    site = output / "_build" / "html"
    flags = " ".join(f for f in (f"EDITION={name}" if name != "student" else "",
                                 f"LANG={lang}" if lang != "en" else "") if f)
    print(f"Open {site / 'index.html'} (or run: make serve{' ' + flags if flags else ''})")
    return 0


def _translation_problems(lang: str) -> list[str]:
    """What the YAML sources and the program's strings lack (the pages are checked by the build)."""
    from .catalogues import required_complete, status
    table = status(lang)
    return required_complete({key: count for key, count in table.items() if key[1] != "pages"})


def serve(args) -> int:
    import time
    from . import edition, i18n
    from .kit.browser import serve as serving
    from .paths import site_output
    name = edition.check(args.edition) if args.edition else edition.current()
    sites = {lang: site_output(name, lang) / "_build" / "html" for lang in i18n.LANGUAGES}
    if not (sites["en"] / "index.html").exists():
        print(f"error: no site in {sites['en']}; run make book{' EDITION=instructor' if name != 'student' else ''} "
              "first", file=sys.stderr)
        return 1
    mounts = {"ja/": sites["ja"]} if (sites["ja"] / "index.html").exists() else {}
    with serving(sites["en"], mounts, port=args.port) as url:
        lang = i18n.current()
        print(f"Serving {url}{'ja/' if lang == 'ja' and mounts else ''} (English at /"
              f"{', Japanese at /ja/' if mounts else '; no Japanese edition built (make book LANG=ja)'}); "
              "Ctrl-C stops", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            return 0


def translations(args) -> int:
    from . import catalogues, i18n
    lang = i18n.check(args.lang)
    if args.action == "update":
        written = catalogues.update(lang, pages=not args.no_pages)
        print(f"{len(written)} catalogues brought up to date under {i18n.LOCALES_DIR / lang}")
        return 0
    table = catalogues.status(lang)
    print(catalogues.report(table))
    problems = catalogues.required_complete(table)
    if problems:
        print("\nnot complete (the strict build needs these):\n  " + "\n  ".join(problems))
    return 0


def validate_data(args) -> int:
    from .datasets import PACKAGE, names, validate
    package = args.package or PACKAGE
    validate(package)
    print(f"the data package is valid ({len(names(package))} datasets)")
    return 0


def _lang(args) -> str:
    """The language a kit command works in: ``--lang``, else COURSE_LANG, else English."""
    from . import i18n
    return i18n.check(args.lang) if args.lang else i18n.current()


def lms(args) -> int:
    from .kit.lms import export
    from .paths import kit_output
    lang = _lang(args)
    out = Path(args.out) if args.out else kit_output("lms", lang)
    summary = export(out, lang=lang)
    done = sum(len(s["exported"]) for s in summary.values())
    skipped = sum(len(s["skipped"]) for s in summary.values())
    print(f"exported {done} questions from {len(summary)} banks into {out} "
          f"({skipped} interactive exercises stay on the site; see {out / 'README.txt'})")
    return 0


def course(args) -> int:
    from .kit.course import build
    html = build(args.modules, args.name, lang=_lang(args))
    print(f"Open {html / 'index.html'}; slides: {html.parent.parent / 'slides' / 'index.html'}")
    return 0


def slides(args) -> int:
    from .toc import module_names, read_toc, resolve
    from .kit.slides import build, deck_folders
    folders = resolve(args.modules, read_toc()) if args.modules else None
    index = build(folders, Path(args.out) if args.out else None, lang=_lang(args))
    if folders is None:
        without = sorted(set(module_names(read_toc()).values()) - set(deck_folders()))
        if without:
            print(f"note: no deck yet for {', '.join(without)}", file=sys.stderr)
    print(f"Open {index} (from the disk, or serve {index.parent}); in a deck, S opens the speaker notes")
    return 0


def handouts(args) -> int:
    from .kit.handouts import build
    from .paths import kit_output
    lang = _lang(args)
    out = Path(args.out) if args.out else kit_output("handouts", lang)
    files = build(args.modules, out, lang=lang)
    print(f"wrote {len(files)} PDFs into {out}; open {out / 'index.html'}")
    return 0


def kit(args) -> int:
    from .kit.venue import OUT, SITE, build
    out = Path(args.out) if args.out else OUT
    index = build(args.modules, out, site=Path(args.site) if args.site else SITE, tables=args.tables)
    print(f"Open {index} (from the disk, no install); copy {out} or {out.with_suffix('.zip')} to the venue")
    return 0


def instructor_kit(args) -> int:
    from .kit.instructor import OUT, build
    index = build()
    print(f"Open {index}; the zip is {OUT.with_suffix('.zip')} (it holds answer keys: keep it from students)")
    return 0


def marks(args) -> int:
    from .handin import HandInError, timestamp
    from .kit.marks import OUT, MarksError, mark
    try:
        deadline = timestamp(args.deadline, "--deadline") if args.deadline else None
    except HandInError as err:
        raise MarksError(str(err)) from None
    out = Path(args.out) if args.out else OUT
    summary = mark(args.submissions, out, deadline)
    print(f"marked {len(summary.marked)} hand-ins into {out}; {len(summary.refused)} files refused, "
          f"{len(summary.duplicates)} earlier hand-ins not counted, {len(summary.problems)} answers not counted "
          f"(see {out / 'report.txt'})")
    return 0


def room(args) -> int:
    from .room.cli import main as room_main
    return room_main(args)


def keys(args) -> int:
    import os
    from . import keys_export, private_keys
    from .specs import load_banks
    if args.action == "export":
        moved = keys_export.export(args.file)
        total = sum(moved.values())
        print(f"{total} graded exercises' keys moved into {args.file.expanduser().resolve()} "
              f"({', '.join(f'{bank}: {n}' for bank, n in moved.items()) or 'none left in the banks'}). "
              "Keep that file out of the repository; give it to the commands with KEYS=file or COURSE_KEYS=file.")
        return 0
    os.environ[private_keys.VARIABLE] = str(args.file.expanduser().resolve())
    banks = load_banks()
    private_keys.require_all(banks)
    kept = sum(1 for bank in banks.values() for ex in bank.exercises if ex.get("key") == private_keys.MARKER)
    print(f"{kept} graded exercises read their keys from {args.file}; every bank is valid with them")
    return 0


def clean(args) -> int:
    from .paths import BUILD_DIR, CLEAN_KEEPS, clean_build
    removed = clean_build()
    print(f"removed {len(removed)} build outputs from {BUILD_DIR} (kept every edition's execution cache "
          f"and {', '.join(k for k in CLEAN_KEEPS if k != '.jupyter_cache')}/, the live rooms' data)")
    return 0


COMMANDS = {"clean": clean, "keys": keys, "book": book, "validate": validate, "validate-data": validate_data,
            "lms": lms, "course": course, "slides": slides, "handouts": handouts, "kit": kit,
            "instructor-kit": instructor_kit, "marks": marks, "room": room, "i18n": translations, "serve": serve}

if __name__ == "__main__":
    sys.exit(main())
