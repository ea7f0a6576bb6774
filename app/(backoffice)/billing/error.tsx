'use client';

import { LoadError } from '@/components/ui/load-error';

export default function BillingError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <LoadError what="Billing" {...props} />;
}
