// My work: download this browser's answers as one JSON file (format course-answers, see
// exercises/handin.py and exercises/schema/handin.schema.json), and load such a file here.
// Nothing leaves the browser unless the learner saves the file. Loading merges: an answer
// only in the file is taken; where this browser has a different one the learner chooses,
// exercise by exercise; nothing is overwritten silently. Answers the page cannot take are
// listed with the reason (another course, an unknown exercise, a changed exercise, a
// broken answer).

// Every user-visible string comes from the program's catalogue: t("handin.<key>", {values}).


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
    return { error: t("handin.not_answers", { file }) };
  }
  if (data.course !== spec.course) return { error: t("handin.other_course", { file, course: String(data.course).slice(0, 80) }) };
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
      plan.refused.push(spec.all_refs.includes(ref) ? t("handin.elsewhere", { title: ref }) : t("handin.unknown", { ref }));
      continue;
    }
    const answer = fromStorage(item.answer);
    if (counts.get(ref) > 1) { if (!plan.refused.some((r) => r.startsWith(`${ex.title}:`))) plan.refused.push(t("handin.twice", { title: ex.title })); continue; }
    if (item.version !== ex.version) { plan.refused.push(t("handin.changed", { title: ex.title })); continue; }
    if (!ex.check || !answerFits(ex.check, answer)) { plan.refused.push(t("handin.broken", { title: ex.title })); continue; }
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

const when = (at) => (at ? new Date(at).toLocaleString() : t("handin.unknown_time"));

// The controls, for a progress list (`spec.scope` is its bank) or the My work page ("course").
function handinControls(spec) {
  const nameId = uid("name");
  const idId = uid("id");
  const fileId = uid("file");
  const nameInput = h("input", { type: "text", id: nameId, autocomplete: "name", maxlength: "200", class: "cx-who" });
  const idInput = h("input", { type: "text", id: idId, autocomplete: "off", maxlength: "100", class: "cx-who" });
  const status = h("div", { class: "cx-handin-status", role: "status", "aria-live": "polite" });
  const say = (...nodes) => status.replaceChildren(...nodes);

  const download = button(spec.scope === "course" ? t("handin.download_course") : t("handin.download"), () => {
    const learner = { name: nameInput.value.trim(), id: idInput.value.trim() };
    if (!learner.name && !learner.id) { say(h("p", { text: t("handin.need_who") })); nameInput.focus(); return; }
    const data = answersFile(spec, learner);
    if (!data.answers.length) { say(h("p", { text: t("handin.nothing") })); return; }
    const stamp = data.saved.slice(0, 10);
    const file = `answers-${spec.scope}-${stamp}.json`;
    const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
    const link = h("a", { href: url, download: file, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    say(h("p", { text: t("handin.downloaded", { file, count: data.answers.length }) }));
  }, true, { "data-action": "download" });

  const picker = h("input", { type: "file", id: fileId, accept: ".json,application/json", class: "cx-file" });
  picker.addEventListener("change", async () => {
    const chosen = picker.files && picker.files[0];
    picker.value = "";
    if (!chosen) return;
    const file = chosen.name.slice(0, 120);
    if (chosen.size > spec.max_bytes) { say(h("p", { text: t("handin.too_big", { file, size: chosen.size, limit: spec.max_bytes }) })); return; }
    let data;
    try { data = JSON.parse(await chosen.text()); } catch (e) { say(h("p", { text: t("handin.not_json", { file }) })); return; }
    const plan = planLoad(spec, data, file);
    if (plan.error) { say(h("p", { text: plan.error })); return; }
    plan.take.forEach(keep);
    const report = [h("p", { text: t("handin.loaded", { count: plan.take.length, file }) })];
    if (plan.same) report.push(h("p", { text: t("handin.same", { count: plan.same }) }));
    if (plan.refused.length) {
      report.push(h("p", { text: t("handin.refused_head") }),
        h("ul", { class: "cx-refused" }, plan.refused.map((reason) => h("li", { text: reason }))));
    }
    if (plan.conflicts.length) report.push(conflictForm(plan.conflicts, say));
    if (plan.take.length) report.push(h("p", { class: "cx-hint", text: t("handin.reload") }));
    say(...report);
  });

  return h("section", { class: "cx-handin", "aria-label": t("handin.heading") }, [
    h("p", { class: "cx-kicker", text: t("handin.heading") }),
    h("p", { class: "cx-hint", text: t("handin.intro") }),
    h("div", { class: "cx-field" }, [h("label", { for: nameId, text: t("handin.name") }), " ", nameInput]),
    h("div", { class: "cx-field" }, [h("label", { for: idId, text: t("handin.id") }), " ", idInput]),
    h("p", { class: "cx-hint", text: t("handin.who_hint") }),
    h("div", { class: "cx-actions" }, [download]),
    h("div", { class: "cx-field" }, [h("label", { for: fileId, text: t("handin.load") }), " ", picker]),
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
        h("div", { class: "cx-option" }, [here, h("label", { for: `${group}-here`, text: t("handin.keep_here", { when: when(c.here.at) }) })]),
        h("div", { class: "cx-option" }, [file, h("label", { for: `${group}-file`, text: t("handin.take_file", { when: when(c.at) }) })])]),
    };
  });
  const apply = button(t("handin.apply"), () => {
    const taken = rows.filter((r) => r.file.checked);
    taken.forEach((r) => keep(r.c));
    say(h("p", { text: t("handin.applied", { taken: taken.length, kept: rows.length - taken.length }) }),
      h("p", { class: "cx-hint", text: t("handin.reload") }));
  }, true, { "data-action": "apply" });
  return h("div", { class: "cx-conflicts" }, [h("p", { text: t("handin.conflicts_head") }), ...rows.map((r) => r.node), apply]);
}
