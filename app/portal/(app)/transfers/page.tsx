import type { Metadata } from 'next';
import { TransfersList } from '@/components/transfers/transfers-list';

export const metadata: Metadata = { title: 'Program transfers' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default function PortalTransfersPage({ searchParams }: { searchParams: SearchParams }) {
  return <TransfersList searchParams={searchParams} basePath="/portal/transfers" />;
}
