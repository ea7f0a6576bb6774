import type { Metadata } from 'next';
import { DebtsList } from '@/components/debts/debts-list';

export const metadata: Metadata = { title: 'Client debts' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default function DebtsPage({ searchParams }: { searchParams: SearchParams }) {
  return <DebtsList searchParams={searchParams} />;
}
