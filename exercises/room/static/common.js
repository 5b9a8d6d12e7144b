// Shared by the participant and facilitator pages (no library: everything is served by
// the room). Text from participants is only ever set with textContent; markup comes from
// the server, which renders the banks' Markdown with raw HTML shown as text.
"use strict";

const Room = {
  code: location.pathname.split("/")[2] || "",
  api(path) { return `/r/${encodeURIComponent(this.code)}/api/${path}`; },

  el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (value === false || value === null || value === undefined) continue;
      if (key === "text") node.textContent = value;
      else if (key === "html") node.innerHTML = value;  // server-rendered markup only
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children.flat()) if (child) node.append(child);
    return node;
  },

  async request(method, path, body, headers = {}) {
    const options = { method, headers: { ...headers }, cache: "no-store" };
    if (body !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    const response = await fetch(this.api(path), options);
    let data = {};
    try { data = await response.json(); } catch (e) { data = {}; }
    if (!response.ok) {
      const error = new Error(data.error || `HTTP ${response.status}`);
      error.status = response.status;
      throw error;
    }
    return data;
  },

  // Server-Sent Events: the server sends a version whenever something changes; reconnect
  // by ourselves if the browser gives up (a restarted server, a phone waking up).
  listen(query, onChange, onStatus) {
    let source = null;
    let retry = null;
    const connect = () => {
      if (source) source.close();
      source = new EventSource(this.api("events") + query);
      source.onopen = () => { onStatus(true); onChange(); };
      source.onmessage = () => onChange();
      source.onerror = () => {
        onStatus(false);
        if (source.readyState === EventSource.CLOSED && !retry) {
          retry = setTimeout(() => { retry = null; connect(); }, 1500);
        }
      };
    };
    connect();
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") { connect(); }
    });
  },
};
