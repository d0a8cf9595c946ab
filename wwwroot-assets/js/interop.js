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
  }
};
