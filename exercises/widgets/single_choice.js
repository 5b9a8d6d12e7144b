// Single choice: one correct option, feedback for every option.
// Mirrors exercises/checking.py: check_single_choice.

function checkSingleChoice(spec, answer) {
  const option = spec.options[answer];
  if (!Number.isInteger(answer) || !option) {
    return { status: "invalid", correct: false, feedback: `Choose one of the ${spec.options.length} options.` };
  }
  return { status: option.correct ? "correct" : "incorrect", correct: option.correct, feedback: option.feedback_html };
}

function render({ model, el }) {
  const spec = model.get("spec");
  const ui = frame(el, spec);
  const saved = store(spec.ref);
  const group = uid("choice");

  const inputs = spec.options.map((option, i) => {
    const id = `${group}-${i}`;
    const input = h("input", { type: "radio", name: group, id, value: String(i) });
    ui.body.append(h("div", { class: "cx-option" }, [input, h("label", { for: id, html: option.html })]));
    return input;
  });
  ui.body.setAttribute("role", "radiogroup");
  ui.body.setAttribute("aria-labelledby", ui.promptId);

  const chosen = () => inputs.findIndex((input) => input.checked);
  const show = (answer) => {
    const result = checkSingleChoice(spec, answer);
    ui.announce(result.status, result.feedback);
    return result;
  };

  const checkButton = h("button", { type: "button", class: "cx-button cx-primary", text: "Check answer",
    onclick: () => {
      const answer = chosen();
      const result = show(answer);
      if (result.status !== "invalid") {
        saved.save({ answer, correct: result.correct });
        reportAnswer(model, answer);
      }
    } });
  const resetButton = h("button", { type: "button", class: "cx-button", text: "Reset",
    onclick: () => {
      inputs.forEach((input) => { input.checked = false; });
      ui.announce("none");
      saved.clear();
      reportAnswer(model, null);
      inputs[0].focus();
    } });
  ui.actions.append(checkButton, resetButton);

  const previous = saved.load();
  if (previous && Number.isInteger(previous.answer) && inputs[previous.answer]) {
    inputs[previous.answer].checked = true;
    show(previous.answer);
  }
}

export default { render };
