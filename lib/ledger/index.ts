export { postTransaction, type Posting, type PostingInput, type EntryInput } from './post';
export { placeHold, releaseHold, captureHold } from './holds';
export { reconcileLedger, type Reconciliation } from './reconcile';
export { openPartnerAccounts, openCustomerWallet, partnerAccount, lockAccountsInOrder } from './accounts';
