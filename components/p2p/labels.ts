import type { P2pStatus } from '@/lib/p2p/model';

export const CHANNEL_LABELS: Record<string, string> = { smoney: 'S-Money', manifest: 'Manifest', backoffice: 'Back office' };

export const channelLabel = (channel: string) => CHANNEL_LABELS[channel] ?? channel;

/** A transfer in these states may still change by itself (commit, settlement, expiry). */
export const isFinalStatus = (status: P2pStatus | string) => status !== 'created' && status !== 'pending';
