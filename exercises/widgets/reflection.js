// Reflection: free text kept in this browser as it is typed; a model answer is
// revealed on request (none when graded). There is no right answer, so the verdict is "Saved."
// (and, when the browser refuses to keep the text, "Not saved" with a copy and a download).

const MAX_REFLECTION_CHARS = 20000;  // the schema's min_words maximum (1000) fits well within it

function render({ model, el }) {
  const spec = model.get("spec");
  const ui = frame(el, spec);
  const saved = exerciseStore(spec);
  const verdict = graded(spec, checkReflection);
  const draft = store(`${spec.ref}#draft`, (text) => typeof text === "string");
  const id = uid("text");
  const area = h("textarea", { id, class: "cx-textarea", rows: 6, maxlength: MAX_REFLECTION_CHARS,
    "aria-describedby": `${id}-note` });
  const note = h("p", { class: "cx-hint", id: `${id}-note`,
    text: t("ui.reflection_private") });
  const modelId = uid("model");
  const modelAnswer = h("div", { class: "cx-model", id: modelId, hidden: true }, [
    h("p", { class: "cx-kicker", text: t("ui.model_answer") }), h("div", { html: spec.model_answer_html })]);
  const reveal = button(t("ui.show_model"), () => {
    modelAnswer.hidden = !modelAnswer.hidden;
    reveal.textContent = t(modelAnswer.hidden ? "ui.show_model" : "ui.hide_model");
    reveal.setAttribute("aria-expanded", String(!modelAnswer.hidden));
  }, false, { "aria-expanded": "false", "aria-controls": modelId });
  const text = () => area.value;
  let warned = false;  // the draft is kept as it is typed; say once if the browser refuses it
  area.addEventListener("input", () => {
    if (draft.save(area.value, null)) warned = false;
    else if (!warned) { warned = true; ui.unsaved(text); }
  });
  ui.body.append(h("label", { for: id, text: t("ui.your_reflection") }), area, note);
  ui.actions.append(
    button(t("ui.save_reflection"), () => submit(ui, model, saved, verdict, spec, area.value, text), true),
    ...(spec.model_answer_html ? [reveal] : []),  // a graded reflection has none
    button(t("ui.clear"), () => { area.value = ""; draft.clear(); resetAll(ui, model, saved); area.focus(); }),
  );
  if (spec.model_answer_html) ui.root.insertBefore(modelAnswer, ui.root.lastChild);

  const previous = saved.load();  // shapes checked: text or nothing
  const typed = draft.load();
  area.value = typed ? typed.answer : (previous ? previous.answer : "");
  if (previous) {
    const outcome = verdict(spec, previous.answer);
    ui.announce(outcome.status, outcome.feedback);
  }
}

export default { render, check: checkReflection };
