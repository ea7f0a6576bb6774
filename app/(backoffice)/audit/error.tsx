'use client';

import { LoadError } from '@/components/ui/load-error';

export default function AuditError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <LoadError what="Audit log" {...props} />;
}
