// Appended to the start-up module by scripts/trunk_post_build.py.
// Registers the service worker (not from file://) and offers a new version
// to the app, which shows a notice; the new version takes over only when
// the user accepts, and the page reloads whole, so two versions never mix.
if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  const offer = (worker) => {
    window.wengangUpdateReady = true;
    dispatchEvent(new CustomEvent('wengang:update-ready'));
    addEventListener('wengang:update-accept', () => worker.postMessage('skip-waiting'), { once: true });
  };
  navigator.serviceWorker.register('./sw.js').then((registration) => {
    if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
      });
    });
  }).catch((e) => console.warn('service worker not registered:', e));
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (window.wengangUpdateReady && !reloading) {
      reloading = true;
      location.reload();
    }
  });
}
