// Runs after require.js and before the widget manager: point every widget module
// and the manager's icon fonts at the copies this site serves itself (no CDN).
// The manager finds its fonts relative to its modules' require.js URLs, so those
// module ids are mapped to the folder that holds the fonts.
(function () {
  var base = new URL(".", document.currentScript.src).href; // .../_static/course-vendor/
  window.__jupyter_widgets_assets_path__ = base + "html-manager/";
  window.requirejs.config({
    paths: {
      anywidget: base + "anywidget/index",
      "@jupyter-widgets": base + "html-manager",
      "@jupyter-widgets/html-manager/dist": base + "html-manager",
    },
  });
})();
