"""How the fixtures in this folder were made (kept for review; the files themselves are the corpus).

Run from anywhere: python tests/hostile/validation/make_fixtures.py. Paths are relative to this file."""
import json
from pathlib import Path
V = Path(__file__).resolve().parent
for d in ("banks", "sources/case", "sources/glossary", "sources/agenda", "sources/roles", "banks-yaml-extension", "data"):
    (V / d).mkdir(parents=True, exist_ok=True)

def bank(name, comment, body):
    (V / "banks" / f"{name}.yml").write_text(f"# {comment}\nbank: {name}\ntitle: Hostile fixture\nexercises:\n{body}", encoding="utf-8")

NUM = "  - id: q\n    type: numeric\n    prompt: How many states signed?\n"
bank("nan-answer", "A numeric answer of NaN: no answer can ever be right.",
     NUM + "    answer: .nan\n    tolerance: 1\n    explanation: Because.\n")
bank("infinite-tolerance", "A tolerance of infinity: every answer is right.",
     NUM + "    answer: 41\n    tolerance: .inf\n    explanation: Because.\n")
bank("negative-infinity-in-data", "A data table with minus infinity in a row.",
     NUM + "    data:\n      columns: [year, count]\n      rows:\n        - [2005, 3]\n        - [2006, -.inf]\n"
     "    answer_from: {column: count, aggregate: max}\n    tolerance: 0\n    explanation: Because.\n")
bank("duplicate-key", "The same key twice in one exercise: YAML keeps the last prompt silently.",
     "  - id: q\n    type: reflection\n    prompt: The prompt the author reviewed.\n    model_answer: A model.\n"
     "    prompt: A prompt pasted later, which YAML would keep.\n")
(V / "banks" / "duplicate-top-key.yml").write_text(
    "# The bank's title given twice.\nbank: duplicate-top-key\ntitle: First title\nexercises:\n"
    "  - id: q\n    type: reflection\n    prompt: Why?\n    model_answer: Because.\ntitle: Second title\n", encoding="utf-8")
bank("ordering-duplicate", "The same item twice in an ordering: two right answers, one checked as wrong.",
     "  - id: q\n    type: ordering\n    prompt: Put these in order.\n    items:\n      - text: The Genocide Convention\n"
     "      - text: The Rome Statute\n      - text: the genocide  convention\n    explanation: 1948, 1998.\n")
bank("categorize-duplicate", "The same statement in two categories.",
     "  - id: q\n    type: categorize\n    prompt: Sort these.\n    categories: [Pillar One, Pillar Two]\n    items:\n"
     "      - text: States protect their populations.\n        category: Pillar One\n        feedback: The state's own duty.\n"
     "      - text: Others help states build capacity.\n        category: Pillar Two\n        feedback: Assistance.\n"
     "      - text: States protect their populations.\n        category: Pillar Two\n        feedback: Contradicts the first.\n")
bank("option-duplicate", "The same option twice in a single choice.",
     "  - id: q\n    type: single_choice\n    prompt: Which year?\n    options:\n      - text: '1948'\n        correct: true\n"
     "        feedback: Yes.\n      - text: '1998'\n        feedback: No.\n      - text: '1948'\n        feedback: No (the same text, marked wrong).\n")
bank("unknown-source", "A source key that no BibTeX file of the book has.",
     "  - id: q\n    type: reflection\n    prompt: Why?\n    model_answer: Because.\n    sources:\n      - unga2005worldsummit\n"
     "      - nobody2099invented\n")
bank("huge-prompt", "A prompt longer than the stated maximum (5000 characters).",
     "  - id: q\n    type: reflection\n    prompt: >-\n" + "".join("      " + "lorem ipsum " * 8 + "\n" for _ in range(60))
     + "    model_answer: Because.\n")
bank("long-title", "A bank title longer than the stated maximum (200 characters).", "")
(V / "banks" / "long-title.yml").write_text(
    "# A bank title longer than the stated maximum (200 characters).\nbank: long-title\ntitle: " + "Very long " * 25
    + "\nexercises:\n  - id: q\n    type: reflection\n    prompt: Why?\n    model_answer: Because.\n", encoding="utf-8")
bank("long-id", "An exercise id longer than 64 characters.",
     "  - id: " + "a" * 70 + "\n    type: reflection\n    prompt: Why?\n    model_answer: Because.\n")
bank("min-words-unreachable", "A reflection asking for more words than the answer box can hold.",
     "  - id: q\n    type: reflection\n    prompt: Why?\n    model_answer: Because.\n    min_words: 1000000\n")
(V / "banks" / "billion-laughs.yml").write_bytes(
    b"# A 'billion laughs': 400 bytes of nested aliases that expand to 10^9 values.\n"
    b"a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    b"d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
    b"g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n")
(V / "banks" / "self-alias.yml").write_text("# An anchor that refers to itself (an endless structure).\nbank: &x [*x]\n", encoding="utf-8")
(V / "banks" / "many-aliases.yml").write_text(
    "# More aliases than any bank needs (the limit is 100).\nbank: many-aliases\nnote: &n x\nlist: [" + ", ".join(["*n"] * 150) + "]\n",
    encoding="utf-8")
(V / "banks" / "deep-nesting.yml").write_text(
    "# Nesting 5000 levels deep (a parser's recursion runs out).\nbank: deep-nesting\nexercises: " + "[" * 5000 + "]" * 5000 + "\n",
    encoding="utf-8")
(V / "banks" / "non-utf8.yml").write_bytes(
    "# A bank saved in Latin-1, not UTF-8.\nbank: non-utf8\ntitle: Hostile fixture\nexercises:\n  - id: q\n    type: reflection\n"
    "    prompt: Was ist Völkermord?\n    model_answer: Because.\n".encode("latin-1"))
(V / "banks" / "syntax-error.yml").write_text(
    "# A YAML syntax error: a tab and an unclosed bracket.\nbank: syntax-error\ntitle: Hostile fixture\nexercises: [\n  - id: q\n",
    encoding="utf-8")
(V / "banks" / "too-large.yml").write_text(
    "# A bank file over the stated limit of 200000 bytes.\nbank: too-large\n" + ("# padding padding padding padding padding\n" * 5000),
    encoding="utf-8")
bank("wrong-type-tolerance", "A tolerance given as text.",
     NUM + "    answer: 41\n    tolerance: about two\n    explanation: Because.\n")
(V / "banks-yaml-extension" / "forgotten.yaml").write_text(
    "# A bank saved as .yaml: it used to be skipped without a word.\nbank: forgotten\ntitle: Hostile fixture\nexercises:\n"
    "  - id: q\n    type: reflection\n    prompt: Why?\n    model_answer: Because.\n", encoding="utf-8")

# --- other YAML sources: cases, glossaries, agendas, roles
case = ("id: {id}\ntitle: A case\nperiod: April 1994\nbackground: Text.\nwarning_signs: Text.\nresponse: Text.\nprevention: Text.\n")
S = V / "sources"
(S / "case" / "duplicate-key.yml").write_text("# A case box whose background is given twice.\n"
    + case.format(id="duplicate-key").replace("response: Text.\n", "response: Text.\nbackground: A second background.\n"), encoding="utf-8")
(S / "case" / "billion-laughs.yml").write_text("# A case box with an alias bomb in its title.\nid: billion-laughs\n"
    "a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\ntitle: *e\n", encoding="utf-8")
(S / "case" / "non-utf8.yml").write_bytes(("# A case box in Latin-1.\n" + case.format(id="non-utf8").replace("period: April 1994", "period: avril à juillet 1994")).encode("latin-1"))
(S / "case" / "huge-field.yml").write_text("# A case box with a 6000-character background.\n"
    + case.format(id="huge-field").replace("background: Text.", "background: " + "x" * 6000), encoding="utf-8")
(S / "glossary" / "duplicate-key.yml").write_text("# A glossary entry with its definition twice.\n- term: genocide\n  definition: One.\n"
    "  ja: ジェノサイド\n  ja_source: standard usage\n  definition: Two.\n", encoding="utf-8")
(S / "glossary" / "nan.yml").write_text("# A glossary term that YAML reads as a number (NaN).\n- term: .nan\n  definition: One.\n"
    "  ja: ジェノサイド\n  ja_source: standard usage\n", encoding="utf-8")
(S / "agenda" / "deep-nesting.yml").write_text("# An agenda nested 200 levels deep.\nid: deep-nesting\ntitle: Deep\nmaterials: "
    + "[" * 200 + "]" * 200 + "\n", encoding="utf-8")
(S / "agenda" / "infinite-minutes.yml").write_text("# An activity lasting infinitely long.\nid: infinite-minutes\ntitle: A session\n"
    "start: '10:00'\nparticipants: Ten.\nroom: A room.\nmaterials: [Paper]\nactivities:\n  - title: Talk\n    minutes: .inf\n    what: Talking.\n",
    encoding="utf-8")
(S / "roles" / "duplicate-key.yml").write_text("# A roles file whose id is given twice.\nid: duplicate-key\ntitle: Roles\nid: other\n", encoding="utf-8")
(S / "roles" / "many-aliases.yml").write_text("# A roles file with 200 aliases.\nid: many-aliases\nx: &x y\nroles: ["
    + ", ".join(["*x"] * 200) + "]\n", encoding="utf-8")

# --- data: a small valid package (data/base) and variants that replace one of its files
D = V / "data"
base = D / "base"
base.mkdir(parents=True, exist_ok=True)
package = {
    "name": "hostile-base", "title": "A small valid package the variants spoil",
    "resources": [
        {"name": "countries", "path": "countries.csv", "format": "csv", "encoding": "utf-8",
         "schema": {"fields": [{"name": "iso3", "type": "string", "constraints": {"required": True, "pattern": "[A-Z]{3}"}},
                               {"name": "name", "type": "string", "constraints": {"required": True}}],
                    "primaryKey": ["iso3"]}},
        {"name": "events", "path": "events.csv", "format": "csv", "encoding": "utf-8",
         "schema": {"fields": [{"name": "event_id", "type": "string", "constraints": {"required": True}},
                               {"name": "iso3", "type": "string"},
                               {"name": "year", "type": "integer", "constraints": {"minimum": 1900, "maximum": 2030}},
                               {"name": "kind", "type": "string", "constraints": {"enum": ["genocide", "politicide"]}},
                               {"name": "deaths", "type": "number", "constraints": {"minimum": 0}},
                               {"name": "date", "type": "date"},
                               {"name": "ongoing", "type": "boolean"}],
                    "primaryKey": ["event_id"],
                    "foreignKeys": [{"fields": "iso3", "reference": {"resource": "countries", "fields": "iso3"}}]}},
    ]}
(base / "datapackage.json").write_text(json.dumps(package, indent=2) + "\n", encoding="utf-8")
(base / "countries.csv").write_text("iso3,name\nRWA,Rwanda\nKHM,Cambodia\nBIH,Bosnia and Herzegovina\n", encoding="utf-8")
EVENTS = ("event_id,iso3,year,kind,deaths,date,ongoing\n"
          "rwa-1994,RWA,1994,genocide,500000,1994-04-07,false\n"
          "khm-1975,KHM,1975,politicide,1700000,1975-04-17,false\n"
          "bih-1995,BIH,1995,genocide,8000,1995-07-11,false\n")
(base / "events.csv").write_text(EVENTS, encoding="utf-8")

def variant(name, filename, text, comment=None):
    (D / name).mkdir(exist_ok=True)
    data = text.encode("latin-1") if isinstance(text, str) and name.endswith("latin1") else text
    (D / name / filename).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))

def events_with(line_no, new_line):  # replace line N (1-based) of events.csv
    lines = EVENTS.splitlines()
    lines[line_no - 1] = new_line
    return "\n".join(lines) + "\n"

variant("extra-column", "events.csv", EVENTS.replace("ongoing\n", "ongoing,payload\n", 1).replace("false\n", "false,x\n"))
variant("missing-column", "events.csv", "\n".join(",".join(row.split(",")[:-1]) for row in EVENTS.splitlines()) + "\n")
variant("duplicate-primary-key", "events.csv", EVENTS + "rwa-1994,RWA,1994,genocide,1,1994-04-08,false\n")
variant("unknown-country", "events.csv", events_with(3, "khm-1975,XYZ,1975,politicide,1700000,1975-04-17,false"))
variant("year-out-of-range", "events.csv", events_with(2, "rwa-1994,RWA,19940,genocide,500000,1994-04-07,false"))
variant("negative-deaths", "events.csv", events_with(4, "bih-1995,BIH,1995,genocide,-8000,1995-07-11,false"))
variant("enum-not-allowed", "events.csv", events_with(2, "rwa-1994,RWA,1994,<script>,500000,1994-04-07,false"))
variant("truncated-row", "events.csv", events_with(3, "khm-1975,KHM,1975,politicide"))
variant("truncated-date", "events.csv", events_with(4, "bih-1995,BIH,1995,genocide,8000,1995-07,false"))
variant("truncated-integer", "events.csv", events_with(2, "rwa-1994,RWA,19x,genocide,500000,1994-04-07,false"))
variant("nan-number", "events.csv", events_with(3, "khm-1975,KHM,1975,politicide,NaN,1975-04-17,false"))
variant("bad-boolean", "events.csv", events_with(4, "bih-1995,BIH,1995,genocide,8000,1995-07-11,maybe"))
variant("missing-required", "countries.csv", "iso3,name\nRWA,Rwanda\nKHM,\nBIH,Bosnia and Herzegovina\n")
variant("unclosed-quote", "events.csv", EVENTS + 'x-1,RWA,1994,genocide,"5,1994-04-07,false\n')
variant("csv-latin1", "countries.csv", "iso3,name\nRWA,Rwanda\nKHM,Cambodge\nCIV,Côte d'Ivoire\n".encode("latin-1"))
pkg = json.dumps(package, indent=2)
variant("datapackage-trailing-comma", "datapackage.json", pkg.replace('"format": "csv"', '"format": "csv",,', 1))
variant("datapackage-deep-nesting", "datapackage.json", "[" * 100000 + "]" * 100000)
variant("datapackage-not-an-object", "datapackage.json", '["resources"]\n')
variant("datapackage-path-traversal", "datapackage.json", pkg.replace('"path": "events.csv"', '"path": "../../../etc/passwd"'))
variant("datapackage-no-fields", "datapackage.json", pkg.replace('"schema": {\n        "fields": [\n          {\n            "name": "iso3"', '"schema": {\n        "felds": [\n          {\n            "name": "iso3"', 1))
variant("datapackage-latin1", "datapackage.json", pkg.replace("A small valid package", "Un petit paquet validé").encode("latin-1"))
