'use client';

import { LoadError } from '@/components/ui/load-error';

export default function TransfersError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <LoadError what="Program transfers" {...props} />;
}
