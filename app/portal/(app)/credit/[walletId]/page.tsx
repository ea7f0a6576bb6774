// The back office's wallet page inside the portal's frame: the partner records payments and asks
// for limit raises (which Ducat staff approve); blocking stays with Ducat.
export { default, metadata } from '@/app/(backoffice)/credit/[walletId]/page';
