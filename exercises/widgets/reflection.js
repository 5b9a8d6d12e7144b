// Reflection: free text kept in this browser as it is typed; a model answer is
// revealed on request (none when graded). There is no right answer, so the verdict is "Saved."

function render({ model, el }) {
  const spec = model.get("spec");
  const ui = frame(el, spec);
  const saved = store(spec.ref);
  const verdict = graded(spec, checkReflection);
  const draft = store(`${spec.ref}#draft`);
  const id = uid("text");
  const area = h("textarea", { id, class: "cx-textarea", rows: 6, "aria-describedby": `${id}-note` });
  const note = h("p", { class: "cx-hint", id: `${id}-note`,
    text: "What you write stays in this browser; it is never sent anywhere." });
  const modelId = uid("model");
  const modelAnswer = h("div", { class: "cx-model", id: modelId, hidden: true }, [
    h("p", { class: "cx-kicker", text: "Model answer" }), h("div", { html: spec.model_answer_html })]);
  const reveal = button("Show model answer", () => {
    modelAnswer.hidden = !modelAnswer.hidden;
    reveal.textContent = modelAnswer.hidden ? "Show model answer" : "Hide model answer";
    reveal.setAttribute("aria-expanded", String(!modelAnswer.hidden));
  }, false, { "aria-expanded": "false", "aria-controls": modelId });
  area.addEventListener("input", () => draft.save(area.value, null));
  ui.body.append(h("label", { for: id, text: "Your reflection" }), area, note);
  ui.actions.append(
    button("Save reflection", () => submit(ui, model, saved, verdict, spec, area.value), true),
    ...(spec.model_answer_html ? [reveal] : []),  // a graded reflection has none
    button("Clear", () => { area.value = ""; draft.clear(); resetAll(ui, model, saved); area.focus(); }),
  );
  if (spec.model_answer_html) ui.root.insertBefore(modelAnswer, ui.root.lastChild);

  const previous = saved.load();
  const text = draft.load();
  area.value = text && typeof text.answer === "string" ? text.answer : (previous ? previous.answer : "") || "";
  if (previous && typeof previous.answer === "string") {
    const outcome = verdict(spec, previous.answer);
    ui.announce(outcome.status, outcome.feedback);
  }
}

export default { render, check: checkReflection };
