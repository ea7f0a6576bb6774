// The back office's credit wallets list inside the portal's frame: its links and filters stay in
// the portal (linkBase), the services pin the partner's own tenant.
export { default, metadata } from '@/app/(backoffice)/credit/page';
