// Progress in one bank (one module): which exercises have a complete answer in this
// browser's localStorage. Computed here, from this browser only; nothing is sent.
// A stored status is not trusted: each stored answer is checked again, with the
// exercise's own checking (checking.js) and the part of its spec that checking needs.

function isDone(ex, record) {
  if (!record || !ex.check || !CHECKS[ex.check.type]) return false;
  const check = graded(ex.check, CHECKS[ex.check.type]);
  try { return check(ex.check, record.answer).status !== "invalid"; } catch (e) { return false; }
}

function render({ model, el }) {
  const spec = model.get("spec");
  const headingId = uid("progress");
  const meter = h("progress", { max: String(spec.exercises.length), "aria-labelledby": headingId });
  const summary = h("p", { class: "cx-progress-summary", role: "status", "aria-live": "polite" });
  const list = h("ul", { class: "cx-progress-list" });
  let confirming = false;
  const reset = button("Reset progress", () => {
    if (!confirming) {
      confirming = true;
      reset.textContent = "Confirm: erase my answers in this module";
      return;
    }
    spec.exercises.forEach((ex) => { store(ex.ref).clear(); store(`${ex.ref}#draft`).clear(); });
    confirming = false;
    reset.textContent = "Reset progress";
    summary.textContent = `Progress reset. ${summary.textContent}`;
  });
  const root = h("section", { class: "cx-exercise cx-progress", "data-exercise-type": "progress",
    "data-exercise-ref": spec.ref, "aria-labelledby": headingId }, [
    h("p", { class: "cx-kicker", id: headingId, text: `Your progress: ${spec.title}` }),
    meter, summary, list,
    h("p", { class: "cx-hint", text: "Kept only in this browser. Resetting erases your answers to these exercises here." }),
    h("div", { class: "cx-actions" }, [reset]),
  ]);
  el.replaceChildren(root);

  function update() {
    let done = 0;
    list.replaceChildren(...spec.exercises.map((ex) => {
      const finished = isDone(ex, store(ex.ref, (answer) => ex.check && answerFits(ex.check, answer)).load());
      done += finished ? 1 : 0;
      return h("li", { "data-done": String(finished), "data-ref": ex.ref }, [
        h("span", { class: "cx-mark", "aria-hidden": "true", text: finished ? "✓" : "○" }),
        ` ${ex.title} `, h("span", { class: "cx-state", text: finished ? "(done)" : "(not done)" })]);
    }));
    meter.value = done;
    summary.textContent = `${done} of ${spec.exercises.length} exercises done.`;
  }
  update();
  window.addEventListener(CHANGE_EVENT, update);
  window.addEventListener("storage", update);
  return () => { window.removeEventListener(CHANGE_EVENT, update); window.removeEventListener("storage", update); };
}

export default { render };
