import type { Metadata } from 'next';
import { PortalMessage } from '@/components/portal/portal-message';

export const metadata: Metadata = { title: 'Link expired' };

const MESSAGES: Record<string, { title: string; text: string }> = {
  used: { title: 'This link was already used', text: 'A portal link opens once. Reload the page in your app to get a new one.' },
  expired: { title: 'This link has expired', text: 'Portal links are valid for a limited time. Reload the page in your app to get a new one.' },
  ended: { title: 'Your portal session has ended', text: 'Reload the page in your app to open the portal again.' },
  unknown: { title: 'This link is not valid', text: 'Check that the whole link was copied, or reload the page in your app to get a new one.' },
};

/** Where an expired, used or unknown one-time link (or an ended session) lands: a clear message. */
export default async function PortalExpiredPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).reason;
  const message = MESSAGES[typeof raw === 'string' ? raw : 'unknown'] ?? MESSAGES.unknown!;
  return <PortalMessage title={message.title}>{message.text}</PortalMessage>;
}
