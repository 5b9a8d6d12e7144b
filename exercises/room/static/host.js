// The facilitator's page: the join address and QR code for the projector, every question
// with open / close / reveal, live results, moderation of text entries, the simulation's
// commit, the exports, ending the room and deleting its data. Every call carries the
// token (from the address's #token=..., kept in this tab's sessionStorage only). Its words
// are the room's strings in the room's language: t(key, values) from /messages/<lang>.js.
"use strict";

(function () {
  const { el } = Room;
  const main = document.getElementById("host");
  if (!main) return;
  document.body.classList.add("host");
  const KEY = `room:${Room.code}:token`;
  const fromHash = new URLSearchParams(location.hash.slice(1)).get("token");
  if (fromHash) {
    sessionStorage.setItem(KEY, fromHash);
    history.replaceState(null, "", location.pathname);
  }
  let token = sessionStorage.getItem(KEY) || "";
  let presenting = null;
  // a question's or a text entry's state, as a word
  const STATES = { ready: "room.state.ready", open: "room.state.open", closed: "room.state.closed",
    pending: "room.state.pending", shown: "room.state.shown", hidden: "room.state.hidden" };
  const auth = () => ({ "X-Room-Token": token });
  const status = el("p", { class: "connection", role: "status" });
  const top = el("div", { class: "host-top" });
  const tools = el("div", { class: "host-tools actions" });
  const list = el("div", { id: "questions" });
  main.replaceChildren(el("h1", { text: t("room.host_title") }), status, top, tools, list);

  function askToken(message) {
    const input = el("input", { type: "password", id: "token", autocomplete: "off" });
    const form = el("form", { class: "card" }, el("p", { text: message }),
      el("label", { for: "token", text: t("room.host.token_label") }), input,
      el("p", {}, el("button", { type: "submit", text: t("room.host.continue") })));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      token = input.value.trim();
      sessionStorage.setItem(KEY, token);
      form.remove();
      refresh();
    });
    list.replaceChildren(form);
  }

  async function act(path, body) {
    try {
      await Room.request("POST", path, body, auth());
      await refresh();
    } catch (err) {
      status.textContent = err.message;
    }
  }

  async function download(path, filename) {
    status.textContent = t("room.host.preparing", { file: filename });
    const response = await fetch(Room.api(path), { headers: auth(), cache: "no-store" });
    if (!response.ok) { status.textContent = t("room.host.export_failed", { status: response.status }); return; }
    const url = URL.createObjectURL(await response.blob());
    const link = el("a", { href: url, download: filename });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    status.textContent = t("room.host.downloaded", { file: filename });
  }

  let drawnTop = false;
  function drawTop(data) {
    if (drawnTop) { top.querySelector(".count").textContent = t("room.host.joined", { n: data.participants }); return; }
    drawnTop = true;
    top.replaceChildren(
      el("img", { src: `/r/${encodeURIComponent(Room.code)}/qr.svg`, alt: t("room.host.qr_alt") }),
      el("div", {}, el("p", { text: t("room.host.join_on_phone") }), el("p", { class: "join-url", text: data.join_url }),
        el("p", { class: "count", text: t("room.host.joined", { n: data.participants }) })));
    tools.replaceChildren(
      el("button", { type: "button", class: "secondary", text: t("room.host.download_csv"),
        onclick: () => download("host/results.csv", `room-${Room.code}.csv`) }),
      el("button", { type: "button", class: "secondary", text: t("room.host.download_pdf"),
        onclick: () => download("host/summary.pdf", `room-${Room.code}-summary.pdf`) }),
      el("button", { type: "button", class: "secondary", text: t("room.host.end"),
        onclick: () => confirm(t("room.host.end_confirm")) && act("host/end", {}) }),
      el("button", { type: "button", class: "secondary", text: t("room.host.delete"),
        onclick: () => confirm(t("room.host.delete_confirm"))
          && act("host/delete", {}) }));
  }

  function questionCard(q) {
    const id = "h-" + q.qid.replace(/[^a-z0-9]/gi, "-");
    const badge = el("span", { class: "badge" + (q.state === "open" ? " open" : ""),
      text: t(STATES[q.state]) });
    const buttons = el("div", { class: "actions" });
    const add = (label, body) => buttons.append(el("button", { type: "button", class: "secondary", text: label,
      "data-action": body.action, onclick: () => act("host/question", { qid: q.qid, ...body }) }));
    if (q.state !== "open") add(t("room.host.open"), { action: "open" }); else add(t("room.host.close"), { action: "close" });
    if (q.kind !== "text" && q.kind !== "floor") {
      if (q.revealed) add(t("room.host.hide_results"), { action: "hide" }); else add(t("room.host.reveal"), { action: "reveal" });
    }
    buttons.append(el("button", { type: "button", class: "secondary", text: presenting === q.qid ? t("room.host.stop_presenting") : t("room.host.present"),
      onclick: () => { presenting = presenting === q.qid ? null : q.qid; refresh(); } }));
    const card = el("section", { class: "card" + (presenting === q.qid ? " presented" : ""), id,
      "aria-labelledby": id + "-t" },
      el("h2", { id: id + "-t" }, `${q.title} `, badge),
      el("details", {}, el("summary", { text: t("room.host.prompt") }), el("div", { html: q.prompt_html })), buttons);
    if (q.kind === "simulation") {
      q.history.forEach((h, i) => card.append(el("p", { class: "history" }, t("room.host.round", { n: i + 1 }),
        el("span", { html: h.choice_html }))));
      card.append(el("div", { html: q.node.text_html }));
      if (q.node.final) {
        card.append(el("div", { html: q.node.debrief_html }),
          el("button", { type: "button", class: "secondary", text: t("room.host.restart"),
            onclick: () => act("host/question", { qid: q.qid, action: "restart" }) }));
      } else {
        const commits = el("div", { class: "actions" });
        q.node.choices_html.forEach((c, i) => {
          const votes = q.results && q.results.counts ? q.results.counts[i] : 0;
          const label = el("span", { html: c }).textContent;
          const commit = t("room.host.commit", { n: i + 1, votes });
          commits.append(el("button", { type: "button", "data-commit": String(i),
            text: commit, title: label, "aria-label": `${commit}: ${label}`,
            onclick: () => act("host/question", { qid: q.qid, action: "commit", choice: i }) }));
        });
        card.append(commits);
      }
    }
    if (q.results) {
      card.append(el("p", { class: "count", text: t(q.kind === "text" || q.kind === "floor"
        ? "room.host.entries_count" : "room.host.answers_count", { n: q.results.count }) }));
      if (q.results.svg) card.append(el("div", { class: "chart", html: q.results.svg }));
      if (q.expected_text && q.kind === "estimate") card.append(el("p", { text: t("room.data", { value: q.expected_text }) }));
    }
    if (q.entries) {
      card.append(el("ul", { class: "entries" }, q.entries.map((e) => el("li",
        { class: e.state === "pending" ? "entry-pending" : "" },
        el("span", { class: "text", text: e.text }),
        el("span", { class: "badge", text: `${t(STATES[e.state])} · ${e.votes} ▲` }),
        e.state !== "shown" ? el("button", { type: "button", class: "secondary", text: t("room.host.show"),
          onclick: () => act("host/entry", { eid: e.eid, action: "show" }) }) : "",
        e.state !== "hidden" ? el("button", { type: "button", class: "secondary", text: t("room.host.hide"),
          onclick: () => act("host/entry", { eid: e.eid, action: "hide" }) }) : "",
        el("button", { type: "button", class: "secondary", text: t("room.host.delete_entry"),
          onclick: () => act("host/entry", { eid: e.eid, action: "delete" }) })))));
    }
    return card;
  }

  let busy = false;
  let again = false;
  async function refresh() {
    if (!token) { askToken(t("room.host.needs_token")); return; }
    if (busy) { again = true; return; }
    busy = true;
    try {
      const data = await Room.request("GET", "host/state", undefined, auth());
      drawTop(data);
      document.body.classList.toggle("presenting", presenting !== null);
      if (data.ended) status.textContent = t("room.host.ended");
      const focused = document.activeElement && document.activeElement.closest("section.card");
      const focusId = focused ? focused.id : null;
      list.replaceChildren(...data.questions.map(questionCard));
      if (focusId) { const again = document.getElementById(focusId); if (again) again.querySelector("button").focus(); }
    } catch (err) {
      if (err.status === 403) { token = ""; askToken(err.message); }
      else if (err.status === 404) { list.replaceChildren(el("p", { text: t("room.host.deleted") })); }
      else status.textContent = t("room.reconnecting");
    } finally {
      busy = false;
      if (again) { again = false; refresh(); }
    }
  }

  Room.listen("?host=1", refresh, (up) => { status.textContent = t(up ? "room.connected" : "room.reconnecting"); });
})();
