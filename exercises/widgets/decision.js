// Decision scenario: branching choices, each with a consequence, ending in a debrief.
// The answer is the list of choices made (indices at each step).

function render({ model, el }) {
  const spec = model.get("spec");
  const ui = frame(el, spec, { correct: t("verdict.sound"), incorrect: t("verdict.costly") });
  const saved = exerciseStore(spec);
  const verdict = graded(spec, checkDecision);
  const pathList = h("ol", { class: "cx-path", "aria-label": t("ui.decisions_so_far") });
  const stage = h("div", { class: "cx-node", tabindex: "-1" });
  ui.body.append(pathList, stage);
  let path = [];

  function draw(focus) {
    let node = spec.nodes[spec.start];
    pathList.replaceChildren();
    for (const choice of path) {
      const picked = node.choices[choice];
      pathList.append(h("li", { class: "cx-step" }, [
        h("p", { class: "cx-step-choice" }, [h("strong", { text: t("ui.you_chose") }), h("span", { html: picked.html })]),
        h("div", { class: "cx-step-consequence", html: picked.consequence_html })]));
      node = spec.nodes[picked.next];
    }
    pathList.hidden = path.length === 0;
    stage.replaceChildren(h("div", { class: "cx-node-text", html: node.text_html }));
    if (node.ending) {
      const outcome = verdict(spec, path);
      ui.announce(outcome.status, outcome.feedback);
    } else {
      ui.announce("none");
      stage.append(h("div", { class: "cx-choices", role: "group", "aria-label": t("ui.your_options") },
        node.choices.map((choice, i) => h("button", { type: "button", class: "cx-button cx-choice", html: choice.html,
          onclick: () => choose(i) }))));
    }
    if (focus) stage.focus();
  }

  function choose(i) {
    path = [...path, i];
    const outcome = verdict(spec, path);
    let kept;
    if (outcome.status === "invalid") kept = saved.save(path, null);
    else { kept = saved.save(path, outcome); reportAnswer(model, path); }
    draw(true);
    if (!kept) ui.unsaved(null);
  }

  ui.actions.append(button(t("ui.start_again"), () => { path = []; resetAll(ui, model, saved); draw(true); }));
  const previous = saved.load();
  if (previous) {  // its shape checked: a path of choices that exist
    path = previous.answer;
    try { draw(); return; } catch (e) { path = []; }
  }
  draw();
}

export default { render, check: checkDecision };
