// Single choice: one correct option, feedback for every option.

function render(props) {
  renderChoices(props, {
    type: "radio", role: "radiogroup", check: checkSingleChoice,
    chosen: (inputs) => inputs.findIndex((input) => input.checked),
  });
}

export default { render, check: checkSingleChoice };
