// Risk-assessment worksheet: rate a case on each risk factor, see a running summary,
// then compare with a reference assessment and its reasoning.

function render({ model, el }) {
  const spec = model.get("spec");
  const ui = frame(el, spec, { correct: t("verdict.close"), incorrect: t("verdict.different") });
  const saved = exerciseStore(spec);
  const verdict = graded(spec, checkRiskAssessment);
  const group = uid("risk");
  const list = h("ol", { class: "cx-factors" });
  const summary = h("div", { class: "cx-summary" });
  const comparison = h("div", { class: "cx-comparison", hidden: true });
  ui.body.append(
    h("div", { class: "cx-case" }, [h("p", { class: "cx-kicker", text: t("ui.the_case") }), h("div", { html: spec.case_html })]),
    h("p", { class: "cx-hint", text: t("ui.rate_each", { scale: spec.scale.join(t("ui.list_separator")) }) }),
    list, summary, comparison);

  const selects = spec.factors.map((factor, i) => {
    const select = h("select", { id: `${group}-${i}`, onchange: update },
      [h("option", { value: "", text: t("ui.not_rated") }), ...spec.scale.map((name, r) => h("option", { value: String(r), text: name }))]);
    list.append(h("li", { class: "cx-factor" }, [
      h("div", { class: "cx-factor-name" }, [h("label", { for: select.id, text: factor.name }),
        factor.description_html ? h("div", { class: "cx-factor-desc", html: factor.description_html }) : ""]),
      select]));
    return select;
  });
  const ratings = () => selects.map((s) => (s.value === "" ? null : Number(s.value)));

  function update() {
    const r = ratings();
    const rated = r.filter((v) => v !== null).length;
    const rows = spec.scale.map((name, level) => {
      const names = spec.factors.filter((f, i) => r[i] === level).map((f) => f.name);
      return h("li", {}, [h("strong", { text: `${name}: ${names.length}` }), names.length ? ` (${names.join("; ")})` : ""]);
    }).reverse();
    summary.replaceChildren(h("p", { class: "cx-kicker", text: t("ui.your_summary") }),
      h("p", { text: t("ui.factors_rated", { rated, n: spec.factors.length }) }), h("ul", {}, rows));
    comparison.hidden = true;
  }

  function compare() {
    const outcome = submit(ui, model, saved, verdict, spec, ratings());
    if (outcome.status === "invalid" || spec.graded) return;
    const r = ratings();
    comparison.replaceChildren(h("p", { class: "cx-kicker", text: t("ui.reference_assessment") }),
      h("ol", {}, spec.factors.map((f, i) => h("li", { class: "cx-reference" }, [
        h("p", {}, [h("strong", { text: f.name }), h("br"),
          t("ui.you_reference", { yours: spec.scale[r[i]], reference: spec.scale[f.reference] })]),
        h("div", { html: f.reasoning_html })]))));
    comparison.hidden = false;
  }

  ui.actions.append(button(t(spec.graded ? "ui.save_ratings" : "ui.compare_reference"), compare, true),
    button(t("ui.reset"), () => { selects.forEach((s) => { s.value = ""; }); update(); resetAll(ui, model, saved); selects[0].focus(); }));

  const previous = saved.load();
  if (previous && Array.isArray(previous.answer)) {
    previous.answer.forEach((v, i) => { if (selects[i] && isIndex(v, spec.scale.length)) selects[i].value = String(v); });
    update();
    if (verdict(spec, previous.answer).status !== "invalid") compare();
  } else {
    update();
  }
}

export default { render, check: checkRiskAssessment };
