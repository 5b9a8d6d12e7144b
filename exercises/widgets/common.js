// Shared by every exercise type: this file is prepended to each type's module.
// All HTML handed to `html()` was rendered by the Python side with raw HTML escaped.

const STORE_PREFIX = "course-exercises:v1:";
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

// Answers stay in this browser (localStorage); nothing is ever sent anywhere.
function store(ref) {
  const key = STORE_PREFIX + ref;
  return {
    load() {
      try { return JSON.parse(window.localStorage.getItem(key)); } catch (e) { return null; }
    },
    save(value) {
      try { window.localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode */ }
    },
    clear() {
      try { window.localStorage.removeItem(key); } catch (e) { /* private mode */ }
    },
  };
}

// Tell the kernel (when there is one) what the learner answered. On the static
// site there is no kernel, and the widget must work all the same.
function reportAnswer(model, value) {
  try {
    model.set("answer", value);
    model.save_changes();
  } catch (e) { /* static page: no kernel to tell */ }
}

// The frame every exercise shares: heading, prompt, body, actions and an
// aria-live region that announces feedback to screen readers.
function frame(el, spec) {
  const headingId = uid("title");
  const promptId = uid("prompt");
  const root = h("section", {
    class: "cx-exercise",
    "data-exercise-type": spec.type,
    "data-exercise-ref": spec.ref,
    "aria-labelledby": headingId,
  });
  root.append(
    h("p", { class: "cx-kicker", id: headingId, text: spec.title ? `Exercise: ${spec.title}` : "Exercise" }),
    h("div", { class: "cx-prompt", id: promptId, html: spec.prompt_html }),
  );
  const body = h("div", { class: "cx-body" });
  const actions = h("div", { class: "cx-actions" });
  const feedback = h("div", { class: "cx-feedback", role: "status", "aria-live": "polite", "data-status": "none" });
  root.append(body, actions, feedback);
  el.replaceChildren(root);

  const LABELS = { correct: "Correct.", incorrect: "Not quite.", invalid: "" };
  return {
    root, body, actions, promptId,
    announce(status, html) {
      feedback.dataset.status = status;
      feedback.replaceChildren();
      if (!status || status === "none") return;
      const label = LABELS[status];
      if (label) feedback.append(h("strong", { class: "cx-verdict", text: label }), " ");
      feedback.append(h("div", { class: "cx-explanation", html }));
    },
  };
}
