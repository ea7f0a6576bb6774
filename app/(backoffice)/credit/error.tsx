'use client';

import { LoadError } from '@/components/ui/load-error';

export default function CreditError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <LoadError what="Credit wallets" {...props} />;
}
