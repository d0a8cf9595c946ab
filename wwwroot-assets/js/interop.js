// Small browser helpers the Blazor components call through IJSRuntime.
window.traceExplorer = {
  // The latency report's print button; the print stylesheet hides navigation.
  print: function () {
    window.print();
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

  setDarkMode: function (dark) {
    localStorage.setItem("traceExplorer.darkMode", String(dark));
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

  // Scrolls a container (not the page) so its first element matching the selector is in view.
  scrollChildIntoView: function (containerId, selector) {
    const container = document.getElementById(containerId);
    const child = container && container.querySelector(selector);
    if (!child) return;
    const box = container.getBoundingClientRect(), at = child.getBoundingClientRect();
    if (at.top < box.top || at.bottom > box.bottom) {
      container.scrollTop += at.top - box.top - 8;
    }
  },

  elementWidth: function (id) {
    const element = document.getElementById(id);
    return element ? element.getBoundingClientRect().width : 0;
  }
};
