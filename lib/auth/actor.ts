/** Who is calling a service: a logged-in person, a partner's API key, or Ducat itself (jobs). */
export type StaffRole = 'admin' | 'finance' | 'manager';
export type Role = StaffRole | 'partner';

export type Actor =
  | { type: 'user'; id: string; role: StaffRole; partnerId: null; ip?: string | null }
  | { type: 'user'; id: string; role: 'partner'; partnerId: string; ip?: string | null }
  | { type: 'api_key'; id: string; role: 'partner'; partnerId: string; ip?: string | null }
  | { type: 'system'; id: string; role: 'system'; partnerId: null; ip?: null };

export type ApiKeyActor = Extract<Actor, { type: 'api_key' }>;

export const systemActor = (job: string): Actor => ({ type: 'system', id: job, role: 'system', partnerId: null });

export const isStaffRole = (role: string): role is StaffRole =>
  role === 'admin' || role === 'finance' || role === 'manager';
