// The browser's checking, one function per exercise type: the mirror of
// exercises/checking.py. Both are run over tests/cases/<type>.yml and must agree on
// status and feedback text. Specs here are client specs (see widgets/client.py):
// Markdown already rendered to safe HTML by Python, expected values already computed.

// `t(key, values)`, the program's strings in the page's language: see common.js.
// score (0 to 1): the share of the marks; by default 1 when correct, else 0.
const result = (status, feedback, correct, score) => {
  const right = correct === undefined ? status === "correct" : correct;
  return { status, correct: right, feedback, score: score === undefined ? (right ? 1 : 0) : score };
};
// exercises/checking.py: multiple_select_score and percent (the same rule and rounding)
const multipleSelectScore = (options, chosen) => {
  const nRight = options.filter((o) => o.correct).length;
  const right = [...chosen].filter((i) => options[i].correct).length;
  return Math.max(0, (right - (chosen.size - right)) / nRight);
};
const percent = (score) => Math.floor(score * 100 + 0.5 + 1e-9);
const esc = (text) => String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const para = (text) => `<p>${esc(text)}</p>`;
const items = (rows) => (rows.length ? `<ul>${rows.map((row) => `<li>${row}</li>`).join("")}</ul>` : "");
const isIndex = (value, length) => Number.isInteger(value) && value >= 0 && value < length;
const formatNumber = (value, decimals) =>
  value.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

function checkSingleChoice(spec, answer) {
  if (!isIndex(answer, spec.options.length)) {
    return result("invalid", t("check.choose_one", { n: spec.options.length }));
  }
  const option = spec.options[answer];
  return result(option.correct ? "correct" : "incorrect", option.feedback_html);
}

function checkMultipleSelect(spec, answer) {
  const n = spec.options.length;
  if (!Array.isArray(answer) || !answer.length || new Set(answer).size !== answer.length
      || !answer.every((i) => isIndex(i, n))) {
    return result("invalid", t("check.choose_at_least_one"));
  }
  const chosen = new Set(answer);
  const right = spec.options.filter((o, i) => o.correct === chosen.has(i)).length;
  const notes = spec.options.flatMap((o, i) => (chosen.has(i) || o.correct
    ? [`<strong>${t(chosen.has(i) ? "check.chosen" : "check.not_chosen")}: ${o.html}.</strong> ${o.feedback_html}`] : []));
  const score = multipleSelectScore(spec.options, chosen);
  return result(right === n ? "correct" : "incorrect",
    para(t("check.options_judged", { right, n, percent: percent(score) })) + items(notes), undefined, score);
}

function checkOrdering(spec, answer) {
  const n = spec.items.length;
  const sorted = Array.isArray(answer) ? [...answer].sort((a, b) => a - b) : [];
  if (!Array.isArray(answer) || !answer.every(Number.isInteger) || sorted.length !== n
      || sorted.some((v, i) => v !== i)) {
    return result("invalid", t("check.order_all", { n }));
  }
  const placed = answer.filter((item, position) => item === position).length;
  return result(placed === n ? "correct" : "incorrect",
    para(t("check.items_placed", { placed, n })) + spec.explanation_html);
}

function checkCategorize(spec, answer) {
  const n = spec.items.length;
  if (!Array.isArray(answer) || answer.length !== n || !answer.every((c) => isIndex(c, spec.categories.length))) {
    return result("invalid", t("check.categorize_all", { n }));
  }
  const wrong = spec.items.filter((item, i) => answer[i] !== item.category);
  const notes = wrong.map((item) => `<strong>${esc(spec.categories[item.category])}:</strong> ${item.feedback_html}`);
  return result(wrong.length ? "incorrect" : "correct",
    para(t("check.categorized", { right: n - wrong.length, n })) + items(notes) + spec.explanation_html);
}

function checkNumeric(spec, answer) {
  if (typeof answer !== "number" || !Number.isFinite(answer)) return result("invalid", t("check.enter_number"));
  if (Math.abs(answer - spec.expected) <= spec.tolerance + 1e-9) {
    const unit = spec.unit ? ` ${spec.unit}` : "";
    return result("correct", para(t("check.value_is", { value: spec.expected_text, unit })) + spec.explanation_html);
  }
  return result("incorrect", para(t(answer > spec.expected ? "check.too_high" : "check.too_low")) + spec.hint_html);
}

const QUESTION_CHECKS = { single_choice: checkSingleChoice, numeric: checkNumeric };

function checkDataExplorer(spec, answer) {
  const n = spec.questions.length;
  const invalid = result("invalid", t("check.answer_all", { n }));
  if (!Array.isArray(answer) || answer.length !== n || answer.some((a) => a === null || a === undefined)) return invalid;
  const results = spec.questions.map((q, i) => QUESTION_CHECKS[q.type](q, answer[i]));
  if (results.some((r) => r.status === "invalid")) return invalid;
  const right = results.filter((r) => r.correct).length;
  return result(right === n ? "correct" : "incorrect", para(t("check.questions_right", { right, n })));
}

function checkRiskAssessment(spec, answer) {
  const n = spec.factors.length;
  if (!Array.isArray(answer) || answer.length !== n || !answer.every((r) => isIndex(r, spec.scale.length))) {
    return result("invalid", t("check.rate_all", { n }));
  }
  const apart = spec.factors.filter((f, i) => Math.abs(answer[i] - f.reference) > spec.tolerance);
  const notes = apart.map((f) => `<strong>${esc(f.name)}:</strong> `
    + esc(t("check.rated", { rated: spec.scale[answer[spec.factors.indexOf(f)]], reference: spec.scale[f.reference] })));
  return result(apart.length ? "incorrect" : "correct",
    para(t("check.ratings_within", { tolerance: spec.tolerance, close: n - apart.length, n }))
    + items(notes));
}

function checkDecision(spec, answer) {
  const invalid = result("invalid", t("check.make_choice"));
  if (!Array.isArray(answer) || !answer.every(Number.isInteger)) return invalid;
  let node = spec.nodes[spec.start];
  for (const choice of answer) {
    if (node.ending || !isIndex(choice, node.choices.length)) return invalid;
    node = spec.nodes[node.choices[choice].next];
  }
  if (!node.ending) return invalid;
  return result(node.sound ? "correct" : "incorrect", node.debrief_html);
}

// exercises/checking.py word_count: three CJK characters (no spaces in Japanese) count as one word
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]/g;
function wordCount(text) {
  if (typeof text !== "string") return 0;
  const cjk = (text.match(CJK) || []).length;
  return text.replace(CJK, " ").split(/\s+/).filter(Boolean).length + Math.floor((cjk + 2) / 3);
}

function checkReflection(spec, answer) {
  const needed = Math.max(1, spec.min_words);
  const words = wordCount(answer);
  if (words < needed) return result("invalid", t("check.write_at_least", { needed, words }));
  return result("submitted", para(t("check.saved_reflection", { words })), false);
}

// Every type's checking by name (the progress list re-checks stored answers with these).
const CHECKS = {
  single_choice: checkSingleChoice, multiple_select: checkMultipleSelect, ordering: checkOrdering,
  categorize: checkCategorize, numeric: checkNumeric, data_explorer: checkDataExplorer,
  risk_assessment: checkRiskAssessment, decision: checkDecision, reflection: checkReflection,
};

// The shape a stored answer may have, complete or not, for each type: what a widget
// restores. Anything else read from storage counts as "not answered".
const isNumber = (value) => typeof value === "number" && Number.isFinite(value);
const indicesOrNull = (answer, n, k) => Array.isArray(answer) && answer.length === n
  && answer.every((v) => v === null || isIndex(v, k));

function decisionPathFits(spec, path) {
  if (!Array.isArray(path)) return false;
  let node = spec.nodes[spec.start];
  for (const choice of path) {
    if (!node || node.ending || !Array.isArray(node.choices) || !isIndex(choice, node.choices.length)) return false;
    node = spec.nodes[node.choices[choice].next];
  }
  return Boolean(node);
}

const ANSWER_SHAPES = {
  single_choice: (spec, a) => isIndex(a, spec.options.length),
  multiple_select: (spec, a) => Array.isArray(a) && a.every((i) => isIndex(i, spec.options.length)),
  ordering: (spec, a) => checkOrdering(spec, a).status !== "invalid",
  categorize: (spec, a) => indicesOrNull(a, spec.items.length, spec.categories.length),
  numeric: (spec, a) => isNumber(a),
  data_explorer: (spec, a) => Array.isArray(a) && a.length === spec.questions.length
    && a.every((v, n) => v === null || (spec.questions[n].type === "single_choice"
      ? isIndex(v, spec.questions[n].options.length) : isNumber(v))),
  risk_assessment: (spec, a) => indicesOrNull(a, spec.factors.length, spec.scale.length),
  decision: decisionPathFits,
  reflection: (spec, a) => typeof a === "string",
};

function answerFits(spec, answer) {
  const fits = ANSWER_SHAPES[spec.type];
  try { return Boolean(fits && fits(spec, answer)); } catch (e) { return false; }
}
