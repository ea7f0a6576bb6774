'use client';

import { LoadError } from '@/components/ui/load-error';

export default function P2pError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <LoadError what="P2P transfers" {...props} />;
}
