// Progress in one bank (one module), or the whole course on the My work page: which
// exercises have an answer in this browser's localStorage, and in what state. Computed
// here, from this browser only; nothing is sent. A stored status is not trusted: each
// stored answer is checked again, with the exercise's own checking (checking.js) and the
// part of its spec that checking needs. Each item links to its exercise, in page order.

// Every new user-visible string of this file ({name} placeholders).

// The state of one exercise: none, correct, incorrect, submitted (a graded exercise: the
// instructor marks it) or saved (a reflection: nothing to check it against on the page).
function stateOf(ex, record) {
  if (!record || !ex.check || !CHECKS[ex.check.type]) return "none";
  const check = graded(ex.check, CHECKS[ex.check.type]);
  try {
    const status = check(ex.check, record.answer).status;
    if (status === "submitted" && !ex.check.graded) return "saved";
    return status === "invalid" ? "none" : status;
  } catch (e) { return "none"; }
}

const MARKS = { correct: "✓", incorrect: "✗", submitted: "✉", saved: "✎", none: "○" };

function render({ model, el }) {
  const spec = model.get("spec");
  const headingId = uid("progress");
  const meter = h("progress", { max: String(spec.exercises.length), "aria-labelledby": headingId });
  const summary = h("p", { class: "cx-progress-summary", role: "status", "aria-live": "polite" });
  const list = h("ul", { class: "cx-progress-list" });
  let confirming = false;
  const reset = button(t("progress.reset"), () => {
    if (!confirming) {
      confirming = true;
      reset.textContent = t("progress.confirm");
      return;
    }
    spec.exercises.forEach((ex) => { store(ex.ref).clear(); store(`${ex.ref}#draft`).clear(); });
    confirming = false;
    reset.textContent = t("progress.reset");
    summary.textContent = t("progress.was_reset", { summary: summary.textContent });
  });
  const anyGraded = spec.exercises.some((ex) => ex.check && ex.check.graded);
  const root = h("section", { class: "cx-exercise cx-progress", "data-exercise-type": "progress",
    "data-exercise-ref": spec.ref, "aria-labelledby": headingId }, [
    h("p", { class: "cx-kicker", id: headingId, text: t("progress.title", { title: spec.title }) }),
    meter, summary, list,
    anyGraded ? h("p", { class: "cx-hint", text: t("progress.graded_next") }) : "",
    h("p", { class: "cx-hint", text: t("progress.kept") }),
    h("div", { class: "cx-actions" }, [reset]),
    handinControls(spec),
  ]);
  el.replaceChildren(root);

  function update() {
    const counts = { correct: 0, incorrect: 0, submitted: 0, saved: 0, none: 0 };
    list.replaceChildren(...spec.exercises.map((ex) => {
      const state = stateOf(ex, store(ex.ref, (answer) => ex.check && answerFits(ex.check, answer)).load());
      counts[state] += 1;
      const title = ex.href ? h("a", { href: ex.href, text: ex.title }) : ex.title;
      return h("li", { "data-done": String(state !== "none"), "data-state": state, "data-ref": ex.ref }, [
        h("span", { class: "cx-mark", "aria-hidden": "true", text: MARKS[state] }),
        " ", title, " ", h("span", { class: "cx-state", text: t("progress.state", { state: t(`progress.state_${state}`) }) })]);
    }));
    const done = spec.exercises.length - counts.none;
    meter.value = done;
    summary.textContent = t("progress.summary", { done, total: spec.exercises.length, right: counts.correct,
      wrong: counts.incorrect, submitted: counts.submitted, saved: counts.saved });
  }
  update();
  window.addEventListener(CHANGE_EVENT, update);
  window.addEventListener("storage", update);
  return () => { window.removeEventListener(CHANGE_EVENT, update); window.removeEventListener("storage", update); };
}

export default { render };
