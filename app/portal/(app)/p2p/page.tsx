import type { Metadata } from 'next';
import { P2pList } from '@/components/p2p/p2p-list';

export const metadata: Metadata = { title: 'P2P transfers' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default function PortalP2pPage({ searchParams }: { searchParams: SearchParams }) {
  return <P2pList searchParams={searchParams} basePath="/portal/p2p" />;
}
