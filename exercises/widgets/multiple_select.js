// Multiple select: any number of correct options, feedback on every option that
// was chosen or should have been.

function render({ model, el }) {
  const spec = model.get("spec");
  const ui = frame(el, spec);
  const saved = store(spec.ref);
  const inputs = choiceInputs(ui.body, spec.options, "checkbox");
  ui.body.setAttribute("role", "group");
  ui.body.setAttribute("aria-labelledby", ui.promptId);
  ui.body.prepend(h("p", { class: "cx-hint", text: "Choose every option that applies." }));

  const chosen = () => inputs.flatMap((input, i) => (input.checked ? [i] : []));
  ui.actions.append(
    button("Check answer", () => submit(ui, model, saved, checkMultipleSelect, spec, chosen()), true),
    button("Reset", () => {
      inputs.forEach((input) => { input.checked = false; });
      resetAll(ui, model, saved);
      inputs[0].focus();
    }),
  );

  const previous = saved.load();
  if (previous && Array.isArray(previous.answer)) {
    previous.answer.forEach((i) => { if (inputs[i]) inputs[i].checked = true; });
    const outcome = checkMultipleSelect(spec, previous.answer);
    ui.announce(outcome.status, outcome.feedback);
  }
}

export default { render, check: checkMultipleSelect };
