// Ordering: put items in order with "Move up" / "Move down" buttons (keyboard
// operable; no dragging needed). The answer is the item indices in the chosen order.

function render({ model, el }) {
  const spec = model.get("spec");
  const ui = frame(el, spec);
  const saved = exerciseStore(spec);
  const verdict = graded(spec, checkOrdering);
  const list = h("ol", { class: "cx-order", "aria-labelledby": ui.promptId });
  const moves = h("p", { class: "cx-sr-only", role: "status", "aria-live": "polite" });
  ui.body.append(h("p", { class: "cx-hint", text: t("ui.order_hint") }), list, moves);
  const plain = (html) => { const d = h("div", { html }); return d.textContent.trim(); };

  const previous = saved.load();
  let order = previous && verdict(spec, previous.answer).status !== "invalid" ? [...previous.answer] : [...spec.start];

  function draw(focus) {
    list.replaceChildren(...order.map((item, position) => {
      const name = plain(spec.items[item].html);
      const up = button(t("ui.up"), () => move(position, -1, "up"), false,
        { "aria-label": t("ui.move_up", { name }), disabled: position === 0, "data-move": "up" });
      const down = button(t("ui.down"), () => move(position, 1, "down"), false,
        { "aria-label": t("ui.move_down", { name }), disabled: position === order.length - 1, "data-move": "down" });
      return h("li", { class: "cx-order-item", "data-item": item }, [
        h("span", { class: "cx-order-text", html: spec.items[item].html }),
        h("span", { class: "cx-order-buttons" }, [up, down]),
      ]);
    }));
    if (focus) {
      const [position, direction] = focus;
      const row = list.children[position];
      const target = row.querySelector(`[data-move="${direction}"]:not([disabled])`) || row.querySelector("button:not([disabled])");
      target.focus();
    }
  }

  function move(position, delta, direction) {
    const to = position + delta;
    [order[position], order[to]] = [order[to], order[position]];
    ui.announce("none");
    draw([to, direction]);
    moves.textContent = t("ui.moved", { item: plain(spec.items[order[to]].html), position: to + 1, n: order.length });
  }

  ui.actions.append(
    button(actionLabel(spec, t("ui.check_order")), () => submit(ui, model, saved, verdict, spec, [...order]), true),
    button(t("ui.reset"), () => {
      order = [...spec.start];
      draw();
      resetAll(ui, model, saved);
      list.querySelector("button:not([disabled])").focus();
    }),
  );
  draw();
  if (previous && verdict(spec, previous.answer).status !== "invalid") {
    const outcome = verdict(spec, order);
    ui.announce(outcome.status, outcome.feedback);
  }
}

export default { render, check: checkOrdering };
