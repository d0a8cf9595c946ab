// Small browser helpers the Blazor components call through IJSRuntime.
window.traceExplorer = {
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
  }
};
