'use client';

import { useEffect } from 'react';

/**
 * Tells the page that frames the portal how tall the portal is, so its iframe can size itself:
 * `{type: 'ducat:portal:height', height, path}` by postMessage to the parent, on load and on every
 * change of size. It measures the portal's root element, not the document: the document is never
 * shorter than the iframe, so it could grow but never shrink. The height is not secret, and
 * frame-ancestors already limits who frames the portal.
 */
export function HeightReporter() {
  useEffect(() => {
    if (window.parent === window) return;
    const root = document.querySelector<HTMLElement>('[data-portal-root]') ?? document.body;
    let last = -1;
    const post = () => {
      const height = Math.ceil(root.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      window.parent.postMessage({ type: 'ducat:portal:height', height, path: location.pathname }, '*');
    };
    post();
    const observer = new ResizeObserver(post);
    observer.observe(root);
    return () => observer.disconnect();
  }, []);
  return null;
}
