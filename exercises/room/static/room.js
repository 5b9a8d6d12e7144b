// The participant's page: join (anonymously unless the facilitator asks for a name),
// follow the open questions live, answer. The participant id stays in localStorage, so a
// phone that sleeps or reloads resumes as the same participant; an answer that could not
// be sent is kept and sent again until the server acknowledges it. Its words are the room's
// strings in the room's language: t(key, values) from /messages/<lang>.js.
"use strict";

(function () {
  const { el } = Room;
  const main = document.getElementById("room");
  if (!main || !Room.code) return;
  const KEY = `room:${Room.code}:`;
  let pid = localStorage.getItem(KEY + "pid");
  let pending = JSON.parse(localStorage.getItem(KEY + "pending") || "{}");
  let state = null;
  const cards = new Map();
  const status = el("p", { class: "connection", role: "status" });
  const list = el("div", { id: "questions" });
  const intro = el("p", { text: t("room.intro") });
  main.replaceChildren(el("h1", { text: t("room.title") }), intro, status, list);

  const headers = () => (pid ? { "X-Participant": pid } : {});

  function savePending() { localStorage.setItem(KEY + "pending", JSON.stringify(pending)); }

  async function join(name) {
    const data = await Room.request("POST", "join", name === undefined ? {} : { name }, headers());
    pid = data.pid;
    localStorage.setItem(KEY + "pid", pid);
  }

  function askName() {
    return new Promise((resolve) => {
      const input = el("input", { type: "text", id: "name", maxlength: "40", autocomplete: "off" });
      const form = el("form", { class: "card" },
        el("label", { for: "name", text: t("room.name_label") }), input,
        el("p", {}, el("button", { type: "submit", text: t("room.join") })));
      form.addEventListener("submit", (e) => { e.preventDefault(); form.remove(); resolve(input.value); });
      list.before(form);
      input.focus();
    });
  }

  async function refresh() {
    try {
      state = await Room.request("GET", "state", undefined, headers());
    } catch (err) {
      if (err.status === 404 || err.status === 410) {
        main.replaceChildren(el("h1", { text: t("room.title") }), el("p", { text: err.message }));
      }
      return;
    }
    render();
  }

  function mine(qid, round) {
    const found = state.mine.find((a) => a.qid === qid && a.round === round);
    return found ? found.value : undefined;
  }

  function render() {
    if (state.ended) {
      list.replaceChildren(el("p", { class: "card", text: t("room.ended") }));
      cards.clear();
      return;
    }
    const seen = new Set();
    state.questions.forEach((q) => {
      const sig = [q.qid, q.state, q.round || 0, q.revealed].join("|");
      let card = cards.get(q.qid);
      if (!card || card.sig !== sig) {
        const fresh = buildCard(q);
        fresh.sig = sig;
        if (card) card.node.replaceWith(fresh.node); else list.append(fresh.node);
        cards.set(q.qid, fresh);
        card = fresh;
      }
      card.update(q);
      seen.add(q.qid);
    });
    for (const [qid, card] of cards) {
      if (!seen.has(qid)) { card.node.remove(); cards.delete(qid); }
    }
    intro.hidden = state.questions.length > 0;
  }

  function buildCard(q) {
    const id = "q" + Math.random().toString(36).slice(2, 8);
    const note = el("p", { class: "status", role: "status", "aria-live": "polite" });
    const results = el("div", { class: "results" });
    const extra = el("div", { class: "extra" });
    const node = el("section", { class: "card", "aria-labelledby": id + "-title" },
      el("h2", { id: id + "-title", text: q.title }), el("div", { class: "prompt", html: q.prompt_html }));
    const round = q.round || 0;
    if (q.kind === "simulation") {
      q.history.forEach((h, i) => node.append(el("div", { class: "history" },
        el("p", { text: t("room.round_chose", { n: i + 1 }) }), el("p", { html: h.choice_html }),
        el("div", { html: h.consequence_html }))));
      node.append(el("div", { html: q.node.text_html }));
      if (q.node.final) node.append(el("div", { class: "debrief", html: q.node.debrief_html }));
    }
    let form = null;
    if (q.state === "open" && !(q.kind === "simulation" && q.node.final)) {
      form = buildForm(q, id, round, note);
      node.append(form);
    } else if (q.state === "closed") {
      node.append(el("p", { class: "status", text: t("room.closed") }));
    }
    node.append(note, results, extra);
    const answered = mine(q.qid, round);
    if (answered !== undefined || pending[q.qid + "|" + round]) {
      note.textContent = t(pending[q.qid + "|" + round] ? "room.sending_answer" : "room.answer_saved");
      note.className = "status ok";
    }
    return {
      node,
      update(fresh) {
        if (fresh.svg !== undefined) {
          results.replaceChildren(el("div", { html: fresh.svg }));
          if (fresh.expected_text) results.append(el("p", { text: t("room.data", { value: fresh.expected_text }) }));
        } else if (fresh.kind === "estimate" && fresh.expected_text) {
          results.replaceChildren(el("p", { text: t("room.data", { value: fresh.expected_text }) }));
        }
        if (fresh.entries) renderEntries(fresh, extra);
      },
    };
  }

  function renderEntries(q, box) {
    const items = q.entries.map((e) => {
      const voted = state.upvoted.includes(e.eid);
      const button = el("button", { type: "button", class: "secondary", disabled: voted || q.state !== "open",
        text: t("room.upvote", { n: e.votes }) });
      button.addEventListener("click", async () => {
        button.disabled = true;
        try { await Room.request("POST", "upvote", { eid: e.eid }, headers()); } catch (err) { button.disabled = false; }
      });
      return el("li", {}, el("span", { class: "text", text: e.text }), button);
    });
    box.replaceChildren(items.length ? el("h3", { text: t("room.shown_by_facilitator") }) : "",
      items.length ? el("ul", { class: "entries" }, items) : "");
  }

  function choiceList(q, id, name, type, labels, chosen) {
    return el("fieldset", {}, el("legend", { text: t(type === "radio" ? "room.choose_one" : "room.choose_all") }),
      labels.map((label, i) => el("label", { class: "choice", for: `${id}-${i}` },
        el("input", { type, name, id: `${id}-${i}`, value: String(i),
          checked: Array.isArray(chosen) ? chosen.includes(i) : chosen === i }),
        el("span", { html: label }))));
  }

  function buildForm(q, id, round, note) {
    const form = el("form", { novalidate: true });
    const previous = mine(q.qid, round);
    let read;
    if (q.kind === "single" || q.kind === "multiple" || q.kind === "simulation") {
      const labels = q.kind === "simulation" ? q.node.choices_html : q.options_html;
      const type = q.kind === "multiple" ? "checkbox" : "radio";
      form.append(choiceList(q, id, id, type, labels, previous));
      read = () => {
        const chosen = [...form.querySelectorAll("input:checked")].map((i) => Number(i.value));
        return type === "radio" ? (chosen.length ? chosen[0] : null) : chosen;
      };
    } else if (q.kind === "ordering") {
      let order = Array.isArray(previous) ? previous.slice() : q.shown.slice();
      const ol = el("ol", { class: "order", "aria-label": t("room.order_label") });
      const draw = (focus) => {
        ol.replaceChildren(...order.map((item, pos) => {
          const text = el("span", { html: q.items_html[item] });
          const up = el("button", { type: "button", class: "secondary", "aria-label": t("room.move_up", { item: text.textContent }),
            text: "↑", disabled: pos === 0 });
          const down = el("button", { type: "button", class: "secondary",
            "aria-label": t("room.move_down", { item: text.textContent }), text: "↓", disabled: pos === order.length - 1 });
          up.addEventListener("click", () => { [order[pos - 1], order[pos]] = [order[pos], order[pos - 1]]; draw([item, "up"]); });
          down.addEventListener("click", () => { [order[pos + 1], order[pos]] = [order[pos], order[pos + 1]]; draw([item, "down"]); });
          if (focus && focus[0] === item) setTimeout(() => (focus[1] === "up" && !up.disabled ? up : down).focus());
          return el("li", {}, text, up, down);
        }));
      };
      draw();
      form.append(ol);
      read = () => order.slice();
    } else if (q.kind === "categorize") {
      q.items_html.forEach((item, i) => {
        const select = el("select", { id: `${id}-${i}` }, el("option", { value: "", text: t("room.choose_category") }),
          q.categories.map((c, k) => el("option", { value: String(k), text: c,
            selected: Array.isArray(previous) && previous[i] === k })));
        form.append(el("p", {}, el("label", { for: `${id}-${i}`, html: item }), select));
      });
      read = () => [...form.querySelectorAll("select")].map((s) => (s.value === "" ? null : Number(s.value)));
    } else if (q.kind === "estimate") {
      const input = el("input", { type: "number", id: `${id}-n`, step: "any", inputmode: "decimal",
        value: previous === undefined ? "" : String(previous) });
      form.append(el("label", { for: `${id}-n`, text: q.unit ? t("room.estimate_unit", { unit: q.unit }) : t("room.estimate") }), input);
      read = () => (input.value.trim() === "" ? null : Number(input.value));
    } else {  // text, floor
      const area = el("textarea", { id: `${id}-t`, maxlength: "500" });
      form.append(el("label", { for: `${id}-t`,
        text: t(q.kind === "floor" ? "room.floor_label" : "room.text_label") }), area);
      read = () => area.value;
    }
    const button = el("button", { type: "submit", text: t(q.kind === "simulation" ? "room.vote" : "room.send") });
    form.append(el("p", {}, button));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const value = read();
      if (q.kind === "text" || q.kind === "floor") {
        note.className = "status";
        note.textContent = t("room.sending");
        try {
          await Room.request("POST", "entry", { qid: q.qid, text: value }, headers());
          form.querySelector("textarea").value = "";
          note.textContent = t("room.sent");
          note.className = "status ok";
        } catch (err) {
          note.textContent = err.status ? err.message : t("room.send_failed");
          note.className = "status error";
        }
        return;
      }
      pending[q.qid + "|" + round] = { qid: q.qid, round, value };
      savePending();
      note.className = "status";
      note.textContent = t("room.sending_answer");
      await flush(note);
    });
    return form;
  }

  // send every answer not yet acknowledged; network errors keep it for the next try
  let flushing = false;
  async function flush(note) {
    if (flushing) return;
    flushing = true;
    try {
      for (const [key, body] of Object.entries(pending)) {
        const card = cards.get(body.qid);
        const target = note || (card && card.node.querySelector(".status"));
        try {
          await Room.request("POST", "answer", body, headers());
          delete pending[key];
          savePending();
          if (target) { target.textContent = t("room.answer_saved"); target.className = "status ok"; }
        } catch (err) {
          if (!err.status) continue;  // offline or the server restarting: try again later
          if (err.status === 401) { await join(); continue; }
          delete pending[key];
          savePending();
          if (target) { target.textContent = err.message; target.className = "status error"; }
        }
      }
    } finally {
      flushing = false;
    }
  }
  setInterval(() => { if (Object.keys(pending).length) flush(); }, 2000);

  async function start() {
    try {
      if (!pid) {
        const first = await Room.request("GET", "state");
        await join(first.ask_name ? await askName() : undefined);
      } else {
        await join();  // the server confirms a known id (or gives a new one if the room forgot it)
      }
    } catch (err) {
      if (err.status === 404 || err.status === 410) {  // no such room, or it has ended
        main.replaceChildren(el("h1", { text: t("room.title") }), el("p", { text: err.message }));
        return;
      }
      status.textContent = err.status ? err.message : t("room.unreachable");
      setTimeout(start, 2000);
      return;
    }
    Room.listen("", () => { refresh(); flush(); }, (up) => {
      status.textContent = t(up ? "room.connected" : "room.reconnecting");
    });
  }
  start();
})();
