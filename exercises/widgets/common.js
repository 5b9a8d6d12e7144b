// Shared by every exercise type: this file is prepended to each type's module.
// All HTML handed to `html()` was rendered by the Python side with raw HTML escaped.

// The program's strings: MESSAGES (key -> template with {name} placeholders) and t(key, values)
// are put before this file by exercises/widgets/__init__.py (exercises/i18n.py browser_script),
// from exercises/messages.json, in the page's language.
const STORE_PREFIX = "course-exercises:v1:";
const CHANGE_EVENT = "course-exercises:change";
let uidCounter = 0;

function uid(prefix) {
  uidCounter += 1;
  return `cx-${prefix}-${Date.now().toString(36)}-${uidCounter}`;
}

function h(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (key === "text") node.textContent = value;
    else if (key === "html") node.innerHTML = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children) node.append(child);
  return node;
}

function button(text, onclick, primary = false, attrs = {}) {
  return h("button", { type: "button", class: primary ? "cx-button cx-primary" : "cx-button", text, onclick, ...attrs });
}

const STATUSES = ["correct", "incorrect", "submitted", "invalid"];

// A value read from storage, copied so that none of its keys can reach a prototype:
// objects become null-prototype objects (a key "__proto__" or "length" is just a key),
// numbers must be finite, and anything nested deeper than 8 levels is dropped.
function fromStorage(value, depth = 0) {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (depth > 8 || typeof value !== "object") return null;
  if (Array.isArray(value)) return value.map((v) => fromStorage(v, depth + 1));
  const copy = Object.create(null);
  for (const [key, v] of Object.entries(value)) copy[key] = fromStorage(v, depth + 1);
  return copy;
}

// Answers stay in this browser (localStorage); nothing is ever sent anywhere.
// Every change is announced on `window` so progress widgets on the page update.
// `fits(answer)` says whether a stored answer has the shape the exercise expects; a
// record that does not fit, or is not a record at all, reads as "not answered" (null).
// `save` returns false when the browser did not keep the answer (storage full or blocked).
function store(ref, fits = () => true) {
  const key = STORE_PREFIX + ref;
  const changed = () => window.dispatchEvent(new CustomEvent(CHANGE_EVENT, { detail: { ref } }));
  return {
    load() {
      let raw;
      try { raw = JSON.parse(window.localStorage.getItem(key)); } catch (e) { return null; }
      if (!raw || typeof raw !== "object" || Array.isArray(raw) || !Object.hasOwn(raw, "answer")) return null;
      const record = Object.create(null);
      record.answer = fromStorage(raw.answer);
      record.status = STATUSES.includes(raw.status) ? raw.status : "invalid";
      record.at = typeof raw.at === "string" && !Number.isNaN(Date.parse(raw.at)) ? raw.at : null;
      return fits(record.answer) ? record : null;
    },
    // `at`: when the answer was given (ISO 8601; now unless a loaded file says otherwise)
    save(answer, outcome, at = new Date().toISOString()) {
      const record = { answer, status: outcome ? outcome.status : "invalid", at };
      let kept = true;
      try {
        window.localStorage.setItem(key, JSON.stringify(record));
      } catch (e) {
        kept = false;  // quota exceeded, or storage blocked (private mode, settings)
      }
      changed();
      return kept;
    },
    clear() {
      try { window.localStorage.removeItem(key); } catch (e) { /* private mode */ }
      changed();
    },
  };
}

// The store of one exercise, whose reads are checked against its answer shape.
const exerciseStore = (spec) => store(spec.ref, (answer) => answerFits(spec, answer));

// When the browser did not keep an answer: say so where the learner is looking, and for
// text offer to copy it or download it, so nothing written is lost.
function keepPanel(ref, text) {
  const panel = h("div", { class: "cx-unsaved", role: "alert" }, [
    h("p", {}, [h("strong", { text: t("ui.not_saved") }), t("ui.not_saved_why")])]);
  if (text) {
    const done = h("span", { class: "cx-hint", role: "status" });
    const link = h("a", { class: "cx-button", download: `${ref.replace(/[^A-Za-z0-9_-]+/g, "-")}.txt`, href: "#",
      text: t("ui.download_text") });
    link.addEventListener("click", () => {
      link.href = `data:text/plain;charset=utf-8,${encodeURIComponent(text())}`;
    });
    const copy = button(t("ui.copy_text"), async () => {
      try {
        await navigator.clipboard.writeText(text());
        done.textContent = t("ui.copied");
      } catch (e) {
        done.textContent = t("ui.copy_refused");
      }
    });
    panel.append(h("p", {}, [t("ui.keep_copy"), copy, " ", link, done]));
  }
  return panel;
}

// Tell the kernel (when there is one) what the learner answered. On the static
// site there is no kernel, and the widget must work all the same.
function reportAnswer(model, value) {
  try {
    model.set("answer", value);
    model.save_changes();
  } catch (e) { /* static page: no kernel to tell */ }
}

const VERDICTS = { correct: t("verdict.correct"), incorrect: t("verdict.incorrect"), submitted: t("verdict.saved"),
  invalid: "" };

// A live region that announces feedback to screen readers: one per exercise (in
// the frame), and one per question where an exercise has several.
function statusRegion(labels = {}) {
  const node = h("div", { class: "cx-feedback", role: "status", "aria-live": "polite", "data-status": "none" });
  return {
    node,
    announce(status, html) {
      node.dataset.status = status || "none";
      node.replaceChildren();
      if (!status || status === "none") return;
      const label = labels[status] ?? VERDICTS[status];
      if (label) node.append(h("strong", { class: "cx-verdict", text: label }), " ");
      node.append(h("div", { class: "cx-explanation", html }));
    },
  };
}

// Graded exercises (spec.graded): the instructor marks them, so the page has no answer
// to check against. The type's own check still says whether an answer is complete; a
// complete one is recorded as "submitted", saved for the instructor.
const GRADED_LABEL = t("verdict.graded");
const gradedNote = () => `<p>${esc(t("ui.graded_kept"))}</p>`;

function graded(spec, check) {
  if (!spec.graded) return check;
  return (s, answer) => {
    const outcome = check(s, answer);
    return outcome.status === "invalid" ? outcome : { status: "submitted", correct: false, feedback: gradedNote() };
  };
}

// The main button's label: "Save answer" where there is nothing to check against.
const actionLabel = (spec, label) => (spec.graded ? t("ui.save_answer") : label);

// In the instructor edition, the answer key beneath the exercise.
function answerKey(spec) {
  if (!spec.answer_key_html) return null;
  const id = uid("key");
  return h("aside", { class: "cx-answer-key", "aria-labelledby": id }, [
    h("p", { class: "cx-kicker", id, text: spec.title ? t("ui.answer_key_title", { title: spec.title }) : t("ui.answer_key") }),
    h("div", { html: spec.answer_key_html })]);
}

// The frame every exercise shares: heading, prompt, body, actions and feedback.
// `labels` overrides the verdict words for a type (e.g. a decision's ending).
function frame(el, spec, labels = {}) {
  if (spec.graded) labels = { ...labels, submitted: GRADED_LABEL };
  const headingId = uid("title");
  const promptId = uid("prompt");
  const root = h("section", {
    id: spec.anchor || null,
    class: "cx-exercise",
    "data-exercise-type": spec.type,
    "data-exercise-ref": spec.ref,
    "aria-labelledby": headingId,
  });
  root.append(
    h("p", { class: "cx-kicker", id: headingId, text: spec.title ? t("ui.exercise_title", { title: spec.title }) : t("ui.exercise") }),
    h("div", { class: "cx-prompt", id: promptId, html: spec.prompt_html }),
  );
  if (spec.graded) {
    root.dataset.graded = "true";
    root.append(h("p", { class: "cx-graded-note" }, [h("strong", { text: t("ui.graded") }), t("ui.graded_note")]));
  }
  const body = h("div", { class: "cx-body" });
  const actions = h("div", { class: "cx-actions" });
  const feedback = statusRegion(labels);
  root.append(body, actions, feedback.node);
  const key = answerKey(spec);
  el.replaceChildren(...(key ? [root, key] : [root]));
  // a progress list links here (page.html#exercise-bank--id): the widget is drawn after
  // the browser looked for the target, so scroll to it now
  if (spec.anchor && window.location.hash === `#${spec.anchor}`) {
    requestAnimationFrame(() => root.scrollIntoView({ block: "start" }));
  }
  let panel = null;
  const dropPanel = () => { if (panel) panel.remove(); panel = null; };
  return {
    root, body, actions, promptId,
    announce(status, html) { dropPanel(); feedback.announce(status, html); },
    unsaved(text) {  // the answer was checked but not kept: no "Saved." left on screen
      feedback.announce("none");
      dropPanel();
      panel = keepPanel(spec.ref, text);
      root.append(panel);
    },
  };
}

// The usual cycle: check the current answer, show the verdict, remember it, tell the
// kernel. Returns the result. Invalid answers are shown but not recorded.
// If the browser does not keep the answer, the learner is told instead of the verdict
// "Saved."; `text()` (for free text) offers the answer to copy or download.
function submit(ui, model, saved, check, spec, answer, text = null) {
  const outcome = check(spec, answer);
  ui.announce(outcome.status, outcome.feedback);
  if (outcome.status !== "invalid") {
    if (!saved.save(answer, outcome)) ui.unsaved(text);
    reportAnswer(model, answer);
  }
  return outcome;
}

function resetAll(ui, model, saved) {
  ui.announce("none");
  saved.clear();
  reportAnswer(model, null);
}

// A labelled text field for a number ("1,234.5" is read as 1234.5; blank is null).
function numberField(id, unit) {
  const input = h("input", { type: "text", inputmode: "decimal", id, class: "cx-number", autocomplete: "off" });
  const field = h("div", { class: "cx-field" }, [h("label", { for: id, text: t("ui.your_answer") }), " ", input,
    unit ? h("span", { class: "cx-unit", text: ` ${unit}` }) : ""]);
  const value = () => {
    const text = input.value.trim().replace(/,/g, "");
    return text === "" || Number.isNaN(Number(text)) ? null : Number(text);
  };
  return { field, input, value };
}

// Radio buttons or checkboxes for a list of options ({html}), appended to `container`.
// Inputs are returned in the spec's order (input i is option i, its value "i"); the page
// shows them in `order` (the client spec mixes them, see client.py choice_order).
function choiceInputs(container, options, type, order = options.map((_, i) => i)) {
  const group = uid("choice");
  const rows = options.map((option, i) => {
    const id = `${group}-${i}`;
    const input = h("input", { type, name: group, id, value: String(i) });
    return { input, row: h("div", { class: "cx-option" }, [input, h("label", { for: id, html: option.html })]) };
  });
  order.forEach((i) => container.append(rows[i].row));
  return rows.map((r) => r.input);
}

// Single choice and multiple select: options as radio buttons or checkboxes, Check and
// Reset buttons, and this browser's last answer restored. `chosen(inputs)` reads the answer.
function renderChoices({ model, el }, { type, role, hint, check, chosen }) {
  const spec = model.get("spec");
  const ui = frame(el, spec);
  const saved = exerciseStore(spec);
  check = graded(spec, check);
  const inputs = choiceInputs(ui.body, spec.options, type, spec.order);
  ui.body.setAttribute("role", role);
  ui.body.setAttribute("aria-labelledby", ui.promptId);
  if (hint) ui.body.prepend(h("p", { class: "cx-hint", text: hint }));

  ui.actions.append(
    button(actionLabel(spec, t("ui.check_answer")), () => submit(ui, model, saved, check, spec, chosen(inputs)), true),
    button(t("ui.reset"), () => {
      inputs.forEach((input) => { input.checked = false; });
      resetAll(ui, model, saved);
      inputs[spec.order ? spec.order[0] : 0].focus();
    }),
  );

  const previous = saved.load();  // its shape checked: indices of these options
  if (previous) {
    [].concat(previous.answer).forEach((i) => { inputs[i].checked = true; });
    const outcome = check(spec, previous.answer);
    ui.announce(outcome.status, outcome.feedback);
  }
}
