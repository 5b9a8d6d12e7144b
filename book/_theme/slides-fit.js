// Slide decks: shrink the text of a slide that is taller than the 16:9 stage, down to
// 60 per cent; what still does not fit scrolls. Runs on each slide as it is shown.
(function () {
  function fit(slide) {
    if (!slide || slide.dataset.fitted) return;
    const height = Reveal.getConfig().height;
    let scale = 1;
    while (slide.scrollHeight > height && scale > 0.6) {
      scale -= 0.05;
      slide.style.fontSize = scale.toFixed(2) + "em";
    }
    if (slide.scrollHeight > height) slide.classList.add("deck-scroll");
    slide.dataset.fitted = "1";
  }
  Reveal.on("ready", (event) => fit(event.currentSlide));
  Reveal.on("slidechanged", (event) => fit(event.currentSlide));
})();
