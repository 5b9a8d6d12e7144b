// Draws a built page's exercises from the widget state saved in the page: no kernel, no
// widget manager, no require.js. Every interactive element of this course is an
// anywidget (an ES module with render()), so this small shim replaces the 3.6 MB
// @jupyter-widgets/html-manager. In Jupyter, Colab or Binder, anywidget's own front end
// runs the same modules. The page keeps each widget's code and style once
// (exercises/site/widget_state.py): a model names the pieces they are joined from.
(function () {
  "use strict";
  const STATE = 'script[type="application/vnd.jupyter.widget-state+json"]';
  const VIEW = 'script[type="application/vnd.jupyter.widget-view+json"]';

  function makeModel(state) {
    const listeners = new Map();
    const fire = (event, ...args) => (listeners.get(event) || []).forEach((cb) => cb(...args));
    return {
      get: (name) => state[name],
      set(name, value) {
        const old = state[name];
        state[name] = value;
        fire(`change:${name}`, value, old);
        fire("change");
      },
      save_changes() {},  // a static page has no kernel to tell
      send() {},
      on(event, cb) {
        if (!listeners.has(event)) listeners.set(event, []);
        listeners.get(event).push(cb);
      },
      off(event, cb) {
        if (!event) return listeners.clear();
        listeners.set(event, cb ? (listeners.get(event) || []).filter((f) => f !== cb) : []);
      },
      widget_manager: null,
    };
  }

  const widgets = new Map();  // model_id -> Promise<{ widget, model }>
  const modules = new Map();  // ES module text -> Promise<module>, one per distinct module
  const styles = new Set();

  function joinPieces(state, pieces) {
    for (const field of ["_esm", "_css"]) {
      const ids = state[`${field}_pieces`];
      if (Array.isArray(ids)) state[field] = ids.map((i) => pieces[i]).join("");
    }
  }

  function importModule(text) {
    if (!modules.has(text)) {
      const url = URL.createObjectURL(new Blob([text], { type: "text/javascript" }));
      modules.set(text, import(url).finally(() => URL.revokeObjectURL(url)));
    }
    return modules.get(text);
  }

  function load(entry) {
    const state = entry.state;
    if (state._css && !styles.has(state._css)) {
      const style = document.createElement("style");
      style.textContent = state._css;
      document.head.append(style);
      styles.add(state._css);
    }
    return importModule(state._esm).then(async (mod) => {
      let widget = mod.default ?? mod;
      if (typeof widget === "function") widget = await widget();
      const model = makeModel(state);
      if (widget.initialize) await widget.initialize({ model });
      return { widget, model };
    });
  }

  async function renderView(script, models) {
    const { model_id } = JSON.parse(script.textContent);
    const entry = models[model_id];
    const area = document.createElement("div");
    area.className = "widget-subarea";
    script.parentElement.insertBefore(area, script);
    if (!entry || entry.model_module !== "anywidget") {
      area.textContent = "This interactive element runs only in Jupyter.";
      return;
    }
    if (!widgets.has(model_id)) widgets.set(model_id, load(entry));
    const { widget, model } = await widgets.get(model_id);
    const el = document.createElement("div");
    area.append(el);
    await widget.render({ model, el });
  }

  function renderAll() {
    const stateScript = document.querySelector(STATE);
    const saved = stateScript ? JSON.parse(stateScript.textContent) : {};
    const models = saved.state || {};
    const pieces = saved.course_pieces || [];
    Object.values(models).forEach((entry) => entry.state && joinPieces(entry.state, pieces));
    const views = [...document.querySelectorAll(VIEW)].map((script) =>
      renderView(script, models).catch((err) => console.error("exercise failed to render:", err)));
    // Once every exercise is drawn (or has failed, saying so), the page says so: <html
    // data-exercises="drawn">, for scripts and tests that need the exercises in place.
    Promise.all(views).then(() => { document.documentElement.dataset.exercises = "drawn"; });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", renderAll);
  else renderAll();
})();
