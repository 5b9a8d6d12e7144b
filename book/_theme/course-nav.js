// Phone and tablet navigation (below 992 px). pydata-sphinx-theme opens its sidebar
// drawers (<dialog> elements) only from the first .primary-toggle / .secondary-toggle in
// the page, which sphinx-book-theme hides on narrow screens; the visible buttons in the
// article header got no handler, so a tap showed only a tooltip. A click on any other
// toggle (tap, mouse, or Enter/Space on the focused button) is passed to the first one.
document.addEventListener("click", (event) => {
  const button = event.target.closest?.(".primary-toggle, .secondary-toggle");
  if (!button) return;
  const kind = button.classList.contains("primary-toggle") ? ".primary-toggle" : ".secondary-toggle";
  const handled = document.querySelector(kind);
  if (!handled || handled === button) return;
  event.preventDefault();
  button.focus();  // the theme gives focus back to the element focused when it opened
  handled.click();
});
