// Categorize: sort statements into categories, with one labelled select per
// statement (keyboard and screen-reader friendly; no dragging).

function render({ model, el }) {
  const spec = model.get("spec");
  const ui = frame(el, spec);
  const saved = exerciseStore(spec);
  const verdict = graded(spec, checkCategorize);
  const group = uid("cat");
  const list = h("ol", { class: "cx-sort", "aria-labelledby": ui.promptId });
  ui.body.append(list);

  const selects = spec.items.map((item, i) => {
    const textId = `${group}-${i}-text`;
    const select = h("select", { id: `${group}-${i}`, "aria-labelledby": `${group}-${i}-label ${textId}` },
      [h("option", { value: "", text: t("ui.choose") }),
       ...spec.categories.map((name, c) => h("option", { value: String(c), text: name }))]);
    list.append(h("li", { class: "cx-sort-item" }, [
      h("span", { class: "cx-sort-text", id: textId, html: item.html }),
      h("span", { class: "cx-sort-choice" }, [
        h("label", { for: select.id, id: `${group}-${i}-label`, text: t("ui.category") }), select]),
    ]));
    return select;
  });

  const answer = () => selects.map((s) => (s.value === "" ? null : Number(s.value)));
  ui.actions.append(
    button(actionLabel(spec, t("ui.check_answer")), () => submit(ui, model, saved, verdict, spec, answer()), true),
    button(t("ui.reset"), () => {
      selects.forEach((s) => { s.value = ""; });
      resetAll(ui, model, saved);
      selects[0].focus();
    }),
  );

  const previous = saved.load();
  if (previous && Array.isArray(previous.answer)) {
    previous.answer.forEach((c, i) => { if (selects[i] && isIndex(c, spec.categories.length)) selects[i].value = String(c); });
    const outcome = verdict(spec, previous.answer);
    ui.announce(outcome.status, outcome.feedback);
  }
}

export default { render, check: checkCategorize };
