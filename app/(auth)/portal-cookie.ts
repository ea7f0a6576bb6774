/**
 * The embedded portal's session carrier: a CHIPS cookie (`Partitioned; SameSite=None; Secure`),
 * so it is sent inside the partner's third-party iframe (and only there: the partition is the
 * partner's site), limited to /portal. Edge-safe: the proxy reads it too.
 */
export const PORTAL_COOKIE = 'ducat_portal';
export const PORTAL_COOKIE_PATH = '/portal';

export function portalCookieHeader(value: string, expiresAt: Date): string {
  return [
    `${PORTAL_COOKIE}=${value}`,
    `Path=${PORTAL_COOKIE_PATH}`,
    `Expires=${expiresAt.toUTCString()}`,
    'HttpOnly',
    'Secure',
    'SameSite=None',
    'Partitioned',
  ].join('; ');
}

export function clearPortalCookieHeader(): string {
  return `${PORTAL_COOKIE}=; Path=${PORTAL_COOKIE_PATH}; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; SameSite=None; Partitioned`;
}

/** The request header proxy.ts sets on portal requests (components/portal/link-base.ts reads it). */
export const PORTAL_REQUEST_HEADER = 'x-ducat-portal';
