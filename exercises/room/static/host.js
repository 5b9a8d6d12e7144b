// The facilitator's page: the join address and QR code for the projector, every question
// with open / close / reveal, live results, moderation of text entries, the simulation's
// commit, the exports, ending the room and deleting its data. Every call carries the
// token (from the address's #token=..., kept in this tab's sessionStorage only).
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
  const auth = () => ({ "X-Room-Token": token });
  const status = el("p", { class: "connection", role: "status" });
  const top = el("div", { class: "host-top" });
  const tools = el("div", { class: "host-tools actions" });
  const list = el("div", { id: "questions" });
  main.replaceChildren(el("h1", { text: "Live room: facilitator" }), status, top, tools, list);

  function askToken(message) {
    const input = el("input", { type: "password", id: "token", autocomplete: "off" });
    const form = el("form", { class: "card" }, el("p", { text: message }),
      el("label", { for: "token", text: "Facilitator token (printed when the room started)" }), input,
      el("p", {}, el("button", { type: "submit", text: "Continue" })));
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
    status.textContent = "Preparing " + filename + "…";
    const response = await fetch(Room.api(path), { headers: auth(), cache: "no-store" });
    if (!response.ok) { status.textContent = "Could not export (" + response.status + ")."; return; }
    const url = URL.createObjectURL(await response.blob());
    const link = el("a", { href: url, download: filename });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    status.textContent = "Downloaded " + filename + ".";
  }

  let drawnTop = false;
  function drawTop(data) {
    if (drawnTop) { top.querySelector(".count").textContent = `${data.participants} joined`; return; }
    drawnTop = true;
    top.replaceChildren(
      el("img", { src: `/r/${encodeURIComponent(Room.code)}/qr.svg`, alt: "QR code of the join address" }),
      el("div", {}, el("p", { text: "Join on your phone:" }), el("p", { class: "join-url", text: data.join_url }),
        el("p", { class: "count", text: `${data.participants} joined` })));
    tools.replaceChildren(
      el("button", { type: "button", class: "secondary", text: "Download results (CSV)",
        onclick: () => download("host/results.csv", `room-${Room.code}.csv`) }),
      el("button", { type: "button", class: "secondary", text: "Download summary (PDF)",
        onclick: () => download("host/summary.pdf", `room-${Room.code}-summary.pdf`) }),
      el("button", { type: "button", class: "secondary", text: "End the room",
        onclick: () => confirm("End the room? Participants can no longer answer.") && act("host/end", {}) }),
      el("button", { type: "button", class: "secondary", text: "Delete the room's data",
        onclick: () => confirm("Delete every answer and entry of this room? This cannot be undone.")
          && act("host/delete", {}) }));
  }

  function questionCard(q) {
    const id = "h-" + q.qid.replace(/[^a-z0-9]/gi, "-");
    const badge = el("span", { class: "badge" + (q.state === "open" ? " open" : ""),
      text: q.state === "ready" ? "not opened" : q.state });
    const buttons = el("div", { class: "actions" });
    const add = (label, body) => buttons.append(el("button", { type: "button", class: "secondary", text: label,
      "data-action": body.action, onclick: () => act("host/question", { qid: q.qid, ...body }) }));
    if (q.state !== "open") add("Open", { action: "open" }); else add("Close", { action: "close" });
    if (q.kind !== "text" && q.kind !== "floor") {
      if (q.revealed) add("Hide results", { action: "hide" }); else add("Reveal", { action: "reveal" });
    }
    buttons.append(el("button", { type: "button", class: "secondary", text: presenting === q.qid ? "Stop presenting" : "Present",
      onclick: () => { presenting = presenting === q.qid ? null : q.qid; refresh(); } }));
    const card = el("section", { class: "card" + (presenting === q.qid ? " presented" : ""), id,
      "aria-labelledby": id + "-t" },
      el("h2", { id: id + "-t" }, `${q.title} `, badge),
      el("details", {}, el("summary", { text: "Prompt" }), el("div", { html: q.prompt_html })), buttons);
    if (q.kind === "simulation") {
      q.history.forEach((h, i) => card.append(el("p", { class: "history" }, `Round ${i + 1}: `,
        el("span", { html: h.choice_html }))));
      card.append(el("div", { html: q.node.text_html }));
      if (q.node.final) {
        card.append(el("div", { html: q.node.debrief_html }),
          el("button", { type: "button", class: "secondary", text: "Restart the simulation",
            onclick: () => act("host/question", { qid: q.qid, action: "restart" }) }));
      } else {
        const commits = el("div", { class: "actions" });
        q.node.choices_html.forEach((c, i) => {
          const votes = q.results && q.results.counts ? q.results.counts[i] : 0;
          const label = el("span", { html: c }).textContent;
          commits.append(el("button", { type: "button", "data-commit": String(i),
            text: `Commit ${i + 1} (${votes} votes)`, title: label, "aria-label": `Commit ${i + 1} (${votes} votes): ${label}`,
            onclick: () => act("host/question", { qid: q.qid, action: "commit", choice: i }) }));
        });
        card.append(commits);
      }
    }
    if (q.results) {
      card.append(el("p", { class: "count", text: `${q.results.count} ${q.kind === "text" || q.kind === "floor"
        ? "entries" : "answers"}` }));
      if (q.results.svg) card.append(el("div", { class: "chart", html: q.results.svg }));
      if (q.expected_text && q.kind === "estimate") card.append(el("p", { text: "The data: " + q.expected_text }));
    }
    if (q.entries) {
      card.append(el("ul", { class: "entries" }, q.entries.map((e) => el("li",
        { class: e.state === "pending" ? "entry-pending" : "" },
        el("span", { class: "text", text: e.text }),
        el("span", { class: "badge", text: `${e.state} · ${e.votes} ▲` }),
        e.state !== "shown" ? el("button", { type: "button", class: "secondary", text: "Show",
          onclick: () => act("host/entry", { eid: e.eid, action: "show" }) }) : "",
        e.state !== "hidden" ? el("button", { type: "button", class: "secondary", text: "Hide",
          onclick: () => act("host/entry", { eid: e.eid, action: "hide" }) }) : "",
        el("button", { type: "button", class: "secondary", text: "Delete",
          onclick: () => act("host/entry", { eid: e.eid, action: "delete" }) })))));
    }
    return card;
  }

  let busy = false;
  let again = false;
  async function refresh() {
    if (!token) { askToken("This page needs the facilitator's token."); return; }
    if (busy) { again = true; return; }
    busy = true;
    try {
      const data = await Room.request("GET", "host/state", undefined, auth());
      drawTop(data);
      document.body.classList.toggle("presenting", presenting !== null);
      if (data.ended) status.textContent = "The room has ended. Download the results, then delete its data.";
      const focused = document.activeElement && document.activeElement.closest("section.card");
      const focusId = focused ? focused.id : null;
      list.replaceChildren(...data.questions.map(questionCard));
      if (focusId) { const again = document.getElementById(focusId); if (again) again.querySelector("button").focus(); }
    } catch (err) {
      if (err.status === 403) { token = ""; askToken(err.message); }
      else if (err.status === 404) { list.replaceChildren(el("p", { text: "The room's data has been deleted." })); }
      else status.textContent = "Reconnecting…";
    } finally {
      busy = false;
      if (again) { again = false; refresh(); }
    }
  }

  Room.listen("?host=1", refresh, (up) => { if (!up) status.textContent = "Reconnecting…"; else status.textContent = "Connected."; });
})();
