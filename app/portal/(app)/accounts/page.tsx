// The back office's page, inside the portal's frame: same query, same tenant checks in the services.
export { default, metadata } from '@/app/(backoffice)/accounts/page';
