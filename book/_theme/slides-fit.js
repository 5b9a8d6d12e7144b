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

// {room-results} slides: while a live room runs on this laptop (make room), show the
// question's chart from it, refreshed every two seconds; otherwise the placeholder stays.
(function () {
  function refresh() {
    document.querySelectorAll("figure.room-results[data-room-src]").forEach((figure) => {
      const probe = new Image();
      probe.onload = () => {
        const img = figure.querySelector("img");
        img.src = probe.src;
        img.hidden = false;
        figure.querySelector(".room-placeholder").hidden = true;
      };
      probe.onerror = () => {
        figure.querySelector("img").hidden = true;
        figure.querySelector(".room-placeholder").hidden = false;
      };
      probe.src = figure.dataset.roomSrc + "?t=" + Date.now();
    });
  }
  if (document.querySelector("figure.room-results")) {
    refresh();
    setInterval(refresh, 2000);
  }
})();
