// Small browser helpers the Blazor components call through IJSRuntime.
window.traceExplorer = {
  // The latency report's print button; the print stylesheet hides navigation.
  print: function () {
    window.print();
  },

  // A Plotly chart is drawn at the width of the screen; paper is narrower and the print stylesheet scales each chart
  // down to it (svg width 100%). Scaling needs a viewBox, which Plotly does not set: every chart gets one at its drawn
  // size, again after each redraw (a resize, a new figure), and once more as printing starts. A chart calls this when
  // it is drawn; the call fits every chart drawn so far, as one may call before Plotly has set up its element.
  fitChartsToPrint: function () {
    document.querySelectorAll(".chart-view .js-plotly-plot").forEach(function (plot) {
      const fit = function () {
        plot.querySelectorAll("svg.main-svg").forEach(function (svg) {
          const width = svg.getAttribute("width");
          const height = svg.getAttribute("height");
          if (width && height) {
            svg.setAttribute("viewBox", "0 0 " + width + " " + height);
            svg.setAttribute("preserveAspectRatio", "xMinYMin meet");
          }
        });
      };
      fit();
      if (!plot.traceExplorerFitsPrint && typeof plot.on === "function") {
        plot.traceExplorerFitsPrint = true;
        ["plotly_afterplot", "plotly_relayout", "plotly_react"].forEach(function (name) { plot.on(name, fit); });
      }
    });
  },

  // Resolves true when the text reached the clipboard; false when the browser refused (no permission, insecure origin).
  copyText: async function (text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      return false;
    }
  },

  // The dark-mode choice outlives the page; null when the user never chose.
  getDarkMode: function () {
    const stored = localStorage.getItem("traceExplorer.darkMode");
    return stored === null ? null : stored === "true";
  },

  // Also in a cookie, so that the server paints the next page in the chosen theme from its first byte (no flash).
  setDarkMode: function (dark) {
    localStorage.setItem("traceExplorer.darkMode", String(dark));
    document.cookie = "traceexplorer-dark=" + String(dark) + "; path=/; max-age=31536000; SameSite=Lax";
  },

  // A per-browser setting (the runs list's columns); null when never set or when storage is unavailable.
  getSetting: function (name) {
    try {
      return localStorage.getItem("traceExplorer." + name);
    } catch {
      return null;
    }
  },

  setSetting: function (name, value) {
    try {
      localStorage.setItem("traceExplorer." + name, value);
    } catch {
      // Private modes may refuse storage: the choice then lasts for this page only.
    }
  },

  // Scrolls a virtualized list so the row at this index (of fixed height) is in view, centred when it was off screen.
  scrollRowIntoView: function (containerId, index, rowHeight) {
    const container = document.getElementById(containerId);
    if (!container) return;
    const top = index * rowHeight;
    if (top < container.scrollTop || top + rowHeight > container.scrollTop + container.clientHeight) {
      container.scrollTop = Math.max(0, top - container.clientHeight / 2);
    }
  },

  // Scrolls a container (not the page) so its first element matching the selector is in view, below whatever the
  // child's scroll-margin-top leaves room for (a sticky title), as scrollIntoView would. A container that runs past
  // the bottom of the window counts as ending there.
  scrollChildIntoView: function (containerId, selector) {
    const container = document.getElementById(containerId);
    const child = container && container.querySelector(selector);
    if (!child) return;
    const margin = parseFloat(getComputedStyle(child).scrollMarginTop) || 8;
    const box = container.getBoundingClientRect(), at = child.getBoundingClientRect();
    if (at.top < box.top + margin || at.bottom > Math.min(box.bottom, window.innerHeight)) {
      container.scrollTop += at.top - box.top - margin;
    }
  },

  elementWidth: function (id) {
    const element = document.getElementById(id);
    return element ? element.getBoundingClientRect().width : 0;
  }
};

window.addEventListener("beforeprint", window.traceExplorer.fitChartsToPrint);
window.matchMedia("print").addEventListener("change", function (query) {
  if (query.matches) window.traceExplorer.fitChartsToPrint();
});
