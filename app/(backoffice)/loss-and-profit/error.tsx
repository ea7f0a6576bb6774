'use client';

import { LoadError } from '@/components/ui/load-error';

export default function LossAndProfitError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <LoadError what="Loss and profit" {...props} />;
}
