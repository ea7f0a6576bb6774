export * from './partners';
export * from './identity';
export * from './customers';
export * from './ledger';
export * from './audit';
export * from './webhooks';
export * from './p2p';
export * from './debts';
