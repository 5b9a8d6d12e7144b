// Multiple select: any number of correct options, feedback on every option that
// was chosen or should have been.

function render(props) {
  renderChoices(props, {
    type: "checkbox", role: "group", hint: t("ui.choose_every"), check: checkMultipleSelect,
    chosen: (inputs) => inputs.flatMap((input, i) => (input.checked ? [i] : [])),
  });
}

export default { render, check: checkMultipleSelect };
