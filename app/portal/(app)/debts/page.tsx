import type { Metadata } from 'next';
import { DebtsList } from '@/components/debts/debts-list';

export const metadata: Metadata = { title: 'Client debts' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default function PortalDebtsPage({ searchParams }: { searchParams: SearchParams }) {
  return <DebtsList searchParams={searchParams} basePath="/portal/debts" />;
}
