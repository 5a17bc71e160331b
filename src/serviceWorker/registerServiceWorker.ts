// Registers the service worker once the page has loaded, so its install (fetching the app shell)
// never competes with the page's own first load.
export function registerServiceWorker(): void {
  if (!("serviceWorker" in navigator)) return;
  const register = () => {
    // updateViaCache "none": the browser asks the server for sw.js on every check, never its HTTP cache.
    navigator.serviceWorker.register("/sw.js", { updateViaCache: "none" }).catch(() => {
      // Without a worker the site works as before, only not offline.
    });
  };
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
}
