'use client';

import { LoadError } from '@/components/ui/load-error';

export default function DebtsError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <LoadError what="Client debts" {...props} />;
}
