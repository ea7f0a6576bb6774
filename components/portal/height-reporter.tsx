'use client';

import { useEffect } from 'react';

/**
 * Tells the page that frames the portal how tall the portal is, so its iframe can size itself:
 * `{type: 'ducat:portal:height', height}` by postMessage to the parent, on load and on every
 * change of size. The height is not secret, and frame-ancestors already limits who frames us.
 */
export function HeightReporter() {
  useEffect(() => {
    if (window.parent === window) return;
    let last = -1;
    const post = () => {
      const height = Math.ceil(document.documentElement.scrollHeight);
      if (height === last) return;
      last = height;
      window.parent.postMessage({ type: 'ducat:portal:height', height, path: location.pathname }, '*');
    };
    post();
    const observer = new ResizeObserver(post);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);
  return null;
}
