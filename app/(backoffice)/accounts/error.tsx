'use client';

import { LoadError } from '@/components/ui/load-error';

export default function AccountsError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <LoadError what="Accounts" {...props} />;
}
