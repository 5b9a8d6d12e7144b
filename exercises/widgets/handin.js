// My work: download this browser's answers as one JSON file (format course-answers, see
// exercises/handin.py and exercises/schema/handin.schema.json), and load such a file here.
// Nothing leaves the browser unless the learner saves the file. Loading merges: an answer
// only in the file is taken; where this browser has a different one the learner chooses,
// exercise by exercise; nothing is overwritten silently. Answers the page cannot take are
// listed with the reason (another course, an unknown exercise, a changed exercise, a
// broken answer).

// Every user-visible string of this file ({name} placeholders are filled by fill()).
const HANDIN_TEXT = {
  heading: "Move or hand in your work",
  intro: "Download your answers as a file to hand in to your instructor or to continue on another "
    + "device, then load that file there. The file stays on your device unless you send it.",
  name: "Your name",
  id: "Student number (as your course platform knows it)",
  who_hint: "Kept only in the file you download.",
  download: "Download my answers",
  download_course: "Download my answers (whole course)",
  downloaded: "Downloaded {file} with {count} answers.",
  nothing: "There are no answers in this browser to download yet.",
  need_who: "Enter your name or your student number first: your instructor needs it to mark your work.",
  load: "Load answers from a file",
  too_big: "{file} is not loaded: it is {size} bytes, and a file of answers is at most {limit} bytes.",
  not_json: "{file} is not loaded: it is not a file of answers (it cannot be read as JSON).",
  not_answers: "{file} is not loaded: it is not a file of answers from this course's site.",
  other_course: "{file} is not loaded: it holds answers to another course ({course}).",
  loaded: "Loaded {count} answers from {file}.",
  same: "{count} answers were already here.",
  refused_head: "Not loaded, with the reason:",
  unknown: "{ref}: no such exercise in this course.",
  elsewhere: "{title}: belongs to another module. Load the file on the My work page to take every module's answers.",
  changed: "{title}: the exercise has changed since this answer was given, so it cannot be checked against it.",
  broken: "{title}: the answer in the file does not fit this exercise.",
  twice: "{title}: answered twice in the file; neither answer was loaded.",
  conflicts_head: "These exercises have a different answer here and in the file. Choose which to keep:",
  keep_here: "Keep this browser's answer ({when})",
  take_file: "Take the file's answer ({when})",
  unknown_time: "time not recorded",
  apply: "Apply my choices",
  applied: "Done: {taken} answers taken from the file, {kept} kept from this browser.",
  reload: "Reload the page to see the loaded answers in the exercises themselves.",
};

const fill = (text, values) => text.replace(/\{(\w+)\}/g, (m, key) => (key in values ? String(values[key]) : m));

// The answers of `exercises` stored in this browser, as the file's list.
function storedAnswers(exercises) {
  const out = [];
  for (const ex of exercises) {
    const record = store(ex.ref, (answer) => ex.check && answerFits(ex.check, answer)).load();
    if (!record) continue;
    out.push({ exercise: ex.ref, title: ex.title, version: ex.version, answer: record.answer, answered: record.at });
  }
  return out;
}

function answersFile(spec, learner) {
  return {
    format: spec.format, version: 1, course: spec.course, scope: spec.scope,
    learner, saved: new Date().toISOString(), answers: storedAnswers(spec.exercises),
  };
}

const sameAnswer = (a, b) => JSON.stringify(a) === JSON.stringify(b);

// What loading `data` (parsed JSON) into this page would do: answers to take, conflicts
// to decide, and refusals with their reasons. `spec.all_refs`: every exercise of the course.
function planLoad(spec, data, file) {
  if (!data || typeof data !== "object" || Array.isArray(data) || data.format !== spec.format
      || !Array.isArray(data.answers)) {
    return { error: fill(HANDIN_TEXT.not_answers, { file }) };
  }
  if (data.course !== spec.course) return { error: fill(HANDIN_TEXT.other_course, { file, course: String(data.course).slice(0, 80) }) };
  const byRef = new Map(spec.exercises.map((ex) => [ex.ref, ex]));
  const counts = new Map();
  for (const item of data.answers) {
    if (item && typeof item.exercise === "string") counts.set(item.exercise, (counts.get(item.exercise) || 0) + 1);
  }
  const plan = { take: [], conflicts: [], refused: [], same: 0 };
  for (const item of data.answers) {
    const ref = item && typeof item.exercise === "string" ? item.exercise.slice(0, 200) : "?";
    const ex = byRef.get(ref);
    if (!ex) {
      plan.refused.push(spec.all_refs.includes(ref) ? fill(HANDIN_TEXT.elsewhere, { title: ref }) : fill(HANDIN_TEXT.unknown, { ref }));
      continue;
    }
    const answer = fromStorage(item.answer);
    if (counts.get(ref) > 1) { if (!plan.refused.some((r) => r.startsWith(`${ex.title}:`))) plan.refused.push(fill(HANDIN_TEXT.twice, { title: ex.title })); continue; }
    if (item.version !== ex.version) { plan.refused.push(fill(HANDIN_TEXT.changed, { title: ex.title })); continue; }
    if (!ex.check || !answerFits(ex.check, answer)) { plan.refused.push(fill(HANDIN_TEXT.broken, { title: ex.title })); continue; }
    const at = typeof item.answered === "string" && !Number.isNaN(Date.parse(item.answered)) ? item.answered : null;
    const here = store(ref, (a) => answerFits(ex.check, a)).load();
    const entry = { ex, answer, at };
    if (!here) plan.take.push(entry);
    else if (sameAnswer(here.answer, answer)) plan.same += 1;
    else plan.conflicts.push({ ...entry, here });
  }
  return plan;
}

function keep(entry) {
  const { ex, answer, at } = entry;
  let outcome = { status: "invalid" };
  try { outcome = graded(ex.check, CHECKS[ex.check.type])(ex.check, answer); } catch (e) { /* kept as invalid */ }
  return store(ex.ref).save(answer, outcome, at || new Date().toISOString());
}

const when = (at) => (at ? new Date(at).toLocaleString() : HANDIN_TEXT.unknown_time);

// The controls, for a progress list (`spec.scope` is its bank) or the My work page ("course").
function handinControls(spec) {
  const nameId = uid("name");
  const idId = uid("id");
  const fileId = uid("file");
  const nameInput = h("input", { type: "text", id: nameId, autocomplete: "name", maxlength: "200", class: "cx-who" });
  const idInput = h("input", { type: "text", id: idId, autocomplete: "off", maxlength: "100", class: "cx-who" });
  const status = h("div", { class: "cx-handin-status", role: "status", "aria-live": "polite" });
  const say = (...nodes) => status.replaceChildren(...nodes);

  const download = button(spec.scope === "course" ? HANDIN_TEXT.download_course : HANDIN_TEXT.download, () => {
    const learner = { name: nameInput.value.trim(), id: idInput.value.trim() };
    if (!learner.name && !learner.id) { say(h("p", { text: HANDIN_TEXT.need_who })); nameInput.focus(); return; }
    const data = answersFile(spec, learner);
    if (!data.answers.length) { say(h("p", { text: HANDIN_TEXT.nothing })); return; }
    const stamp = data.saved.slice(0, 10);
    const file = `answers-${spec.scope}-${stamp}.json`;
    const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
    const link = h("a", { href: url, download: file, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    say(h("p", { text: fill(HANDIN_TEXT.downloaded, { file, count: data.answers.length }) }));
  }, true, { "data-action": "download" });

  const picker = h("input", { type: "file", id: fileId, accept: ".json,application/json", class: "cx-file" });
  picker.addEventListener("change", async () => {
    const chosen = picker.files && picker.files[0];
    picker.value = "";
    if (!chosen) return;
    const file = chosen.name.slice(0, 120);
    if (chosen.size > spec.max_bytes) { say(h("p", { text: fill(HANDIN_TEXT.too_big, { file, size: chosen.size, limit: spec.max_bytes }) })); return; }
    let data;
    try { data = JSON.parse(await chosen.text()); } catch (e) { say(h("p", { text: fill(HANDIN_TEXT.not_json, { file }) })); return; }
    const plan = planLoad(spec, data, file);
    if (plan.error) { say(h("p", { text: plan.error })); return; }
    plan.take.forEach(keep);
    const report = [h("p", { text: fill(HANDIN_TEXT.loaded, { count: plan.take.length, file }) })];
    if (plan.same) report.push(h("p", { text: fill(HANDIN_TEXT.same, { count: plan.same }) }));
    if (plan.refused.length) {
      report.push(h("p", { text: HANDIN_TEXT.refused_head }),
        h("ul", { class: "cx-refused" }, plan.refused.map((reason) => h("li", { text: reason }))));
    }
    if (plan.conflicts.length) report.push(conflictForm(plan.conflicts, say));
    if (plan.take.length) report.push(h("p", { class: "cx-hint", text: HANDIN_TEXT.reload }));
    say(...report);
  });

  return h("section", { class: "cx-handin", "aria-label": HANDIN_TEXT.heading }, [
    h("p", { class: "cx-kicker", text: HANDIN_TEXT.heading }),
    h("p", { class: "cx-hint", text: HANDIN_TEXT.intro }),
    h("div", { class: "cx-field" }, [h("label", { for: nameId, text: HANDIN_TEXT.name }), " ", nameInput]),
    h("div", { class: "cx-field" }, [h("label", { for: idId, text: HANDIN_TEXT.id }), " ", idInput]),
    h("p", { class: "cx-hint", text: HANDIN_TEXT.who_hint }),
    h("div", { class: "cx-actions" }, [download]),
    h("div", { class: "cx-field" }, [h("label", { for: fileId, text: HANDIN_TEXT.load }), " ", picker]),
    status,
  ]);
}

// One choice per conflicting exercise, this browser's answer chosen by default.
function conflictForm(conflicts, say) {
  const rows = conflicts.map((c) => {
    const group = uid("conflict");
    const here = h("input", { type: "radio", name: group, id: `${group}-here`, value: "here", checked: true });
    const file = h("input", { type: "radio", name: group, id: `${group}-file`, value: "file" });
    return {
      c, file,
      node: h("fieldset", { class: "cx-conflict", "data-ref": c.ex.ref }, [h("legend", { text: c.ex.title }),
        h("div", { class: "cx-option" }, [here, h("label", { for: `${group}-here`, text: fill(HANDIN_TEXT.keep_here, { when: when(c.here.at) }) })]),
        h("div", { class: "cx-option" }, [file, h("label", { for: `${group}-file`, text: fill(HANDIN_TEXT.take_file, { when: when(c.at) }) })])]),
    };
  });
  const apply = button(HANDIN_TEXT.apply, () => {
    const taken = rows.filter((r) => r.file.checked);
    taken.forEach((r) => keep(r.c));
    say(h("p", { text: fill(HANDIN_TEXT.applied, { taken: taken.length, kept: rows.length - taken.length }) }),
      h("p", { class: "cx-hint", text: HANDIN_TEXT.reload }));
  }, true, { "data-action": "apply" });
  return h("div", { class: "cx-conflicts" }, [h("p", { text: HANDIN_TEXT.conflicts_head }), ...rows.map((r) => r.node), apply]);
}
