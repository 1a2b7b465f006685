// Embeds the wengang self-check app in a portal's page.
//
//   import { embed } from 'https://APP/embed/wengang-embed.js';
//   embed(document.getElementById('refund-check'), {
//     appUrl: 'https://APP/',
//     prefill: { applicant: { name: '…', credit_code: '…' } },
//     onSubmission: (submission) => upload(submission),
//   });
//
// Protocol (window.postMessage, always with an explicit target origin):
//   app → portal  { type: 'wengang:ready', protocol: 1, version }
//                 { type: 'wengang:height', height }          (CSS pixels)
//                 { type: 'wengang:submission', submission }  (wengang.submission/2)
//   portal → app  { type: 'wengang:prefill', application }    (a partial application)
// Each side accepts messages only from the other's origin: the portal from
// appUrl's origin, the app from the origins in its allow-list
// (<meta name="wengang-allowed-parents"> in the app's index.html).
export const PROTOCOL = 1;

export function embed(container, { appUrl, prefill, onReady, onSubmission, onHeight, title } = {}) {
  const url = new URL(appUrl, location.href);
  const appOrigin = url.origin;
  const iframe = document.createElement('iframe');
  iframe.src = url.href;
  iframe.title = title ?? '稳岗返还自助预审 · Job-retention refund pre-check';
  iframe.setAttribute('allow', 'clipboard-write');
  iframe.style.width = '100%';
  iframe.style.border = '0';
  iframe.style.minHeight = '480px';

  const listener = (event) => {
    if (event.origin !== appOrigin || event.source !== iframe.contentWindow) return;
    const message = event.data ?? {};
    switch (message.type) {
      case 'wengang:ready':
        if (prefill) iframe.contentWindow.postMessage({ type: 'wengang:prefill', application: prefill }, appOrigin);
        onReady?.(message);
        break;
      case 'wengang:height':
        if (Number.isFinite(message.height)) iframe.style.height = `${Math.ceil(message.height)}px`;
        onHeight?.(message.height);
        break;
      case 'wengang:submission':
        onSubmission?.(message.submission);
        break;
      default:
        break;
    }
  };
  window.addEventListener('message', listener);
  container.appendChild(iframe);
  return {
    iframe,
    /** Sends more known fields later (e.g. after the portal's own login). */
    prefill(application) {
      iframe.contentWindow?.postMessage({ type: 'wengang:prefill', application }, appOrigin);
    },
    destroy() {
      window.removeEventListener('message', listener);
      iframe.remove();
    },
  };
}
