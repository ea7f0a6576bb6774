import { manifestPage } from './schemas/manifest';
import type { P2pTransfer } from '@/lib/p2p/model';

/** The Manifest dialect: snake_case, cents, `{data, pagination}` lists. */
export function manifestP2p(t: P2pTransfer) {
  return {
    id: t.id,
    status: t.status,
    source: t.source,
    destination: t.destination,
    amount_in_cents: t.amount,
    description: t.description,
    expires_at: t.expiresAt?.toISOString() ?? null,
    failed_commits: t.failedCommits,
    user_data: t.userData,
    ...(t.status === 'error' ? { error_reason: t.errorReason } : {}),
    created_at: t.createdAt.toISOString(),
    updated_at: t.updatedAt.toISOString(),
  };
}

export { manifestPage };

export function pageQuery(req: Request) {
  const q = new URL(req.url).searchParams;
  return manifestPage.parse({ page: q.get('page') ?? undefined, page_size: q.get('page_size') ?? undefined });
}

export function manifestList(result: { data: P2pTransfer[]; total: number; page: number; pageSize: number }) {
  return { data: result.data.map(manifestP2p), pagination: { page: result.page, page_size: result.pageSize, total: result.total } };
}
