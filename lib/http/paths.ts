/**
 * S-Money paths are case-insensitive (`/api/v1.1/ClientDebts/{Id}/Status`). Next's routes are not,
 * so the proxy rewrites the resource segments to lower case; ids (odd positions) keep their case.
 * PayCaddy paths under `/api/v1` are case-insensitive too (`/api/v1/WalletCredits/ChangeWalletLimit`):
 * there its known resource names are lowered wherever they stand, and ids keep their case.
 * Returns null when the path is already canonical.
 */
export function canonicalApiPath(pathname: string): string | null {
  const match = /^\/api\/v1\.1\/(.+)$/i.exec(pathname);
  if (!match) return canonicalPayCaddyPath(pathname);
  const segments = match[1]!.split('/');
  const canonical = segments.map((s, i) => (i % 2 === 0 ? s.toLowerCase() : s));
  const path = `/api/v1.1/${canonical.join('/')}`;
  return path === pathname ? null : path;
}

const PAYCADDY_SEGMENTS = new Set(['walletcredits', 'changewalletlimit', 'draws', 'reportpaycredits', 'reportpaycreditscapital', 'checkcredit', 'internallimit']);

function canonicalPayCaddyPath(pathname: string): string | null {
  const match = /^\/api\/v1\/(.+)$/i.exec(pathname);
  if (!match) return null;
  const segments = match[1]!.split('/').map((s) => (PAYCADDY_SEGMENTS.has(s.toLowerCase()) ? s.toLowerCase() : s));
  const path = `/api/v1/${segments.join('/')}`;
  return path === pathname ? null : path;
}
