import { SectionTabs } from '@/components/ui/section-tabs';

const TABS = [
  { key: 'keys', href: '/portal/developers', label: 'API keys and webhooks' },
  { key: 'deliveries', href: '/portal/developers/deliveries', label: 'Delivery log' },
  { key: 'reference', href: '/portal/developers/reference', label: 'API reference' },
] as const;

export function DevelopersTabs({ current }: { current: (typeof TABS)[number]['key'] }) {
  return <SectionTabs label="Developers" tabs={[...TABS]} current={current} accentClass="border-[var(--portal-accent)]" />;
}
