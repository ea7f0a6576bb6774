import type { TaskList } from 'graphile-worker';
import { z } from 'zod';
import { attemptDelivery } from '@/lib/webhooks/deliver';
import { DELIVERY_TASK } from '@/lib/webhooks/outbox';
import { expireOverdueP2ps, SETTLE_TASK, settleP2p } from '@/lib/p2p/verified';
import { BULK_TASK, markBulkFailed, runBulkOperation } from '@/lib/bulk/operations';
import { RETRY_TASK } from '@/lib/transfers/model';
import { retryTransfer } from '@/lib/transfers/service';
import { CREDIT_CYCLE_TASK, runDueCreditCycles } from '@/lib/credit/cycle';

const deliveryPayload = z.object({ partnerId: z.string(), deliveryId: z.string() });
const transferPayload = z.object({ partnerId: z.string(), transferId: z.string() });
const bulkPayload = z.object({ partnerId: z.string(), bulkId: z.string() });

/** Every job Ducat runs, by name. Handlers are thin: the work lives in lib/. */
export const taskList: TaskList = {
  [DELIVERY_TASK]: async (payload, helpers) => {
    const { partnerId, deliveryId } = deliveryPayload.parse(payload);
    const outcome = await attemptDelivery({
      partnerId,
      deliveryId,
      attempt: helpers.job.attempts,
      maxAttempts: helpers.job.max_attempts,
    });
    // Throwing makes graphile-worker retry with exponential backoff.
    if (outcome === 'retry') throw new Error(`webhook delivery ${deliveryId} failed; will retry`);
  },
  [SETTLE_TASK]: async (payload) => {
    const { partnerId, transferId } = transferPayload.parse(payload);
    await settleP2p(partnerId, transferId);
  },
  [BULK_TASK]: async (payload, helpers) => {
    const { partnerId, bulkId } = bulkPayload.parse(payload);
    try {
      await runBulkOperation(partnerId, bulkId);
    } catch (e) {
      if (helpers.job.attempts >= helpers.job.max_attempts) await markBulkFailed(partnerId, bulkId, e);
      throw e;
    }
  },
  [RETRY_TASK]: async (payload) => {
    const { partnerId, transferId } = transferPayload.parse(payload);
    await retryTransfer(partnerId, transferId);
  },
  expire_p2p: async () => {
    await expireOverdueP2ps();
  },
  // Credit wallets: cut dates (interest, statement, line regenerated) and blocking for non-payment.
  [CREDIT_CYCLE_TASK]: async () => {
    await runDueCreditCycles();
  },
};

/** Recurring jobs (graphile-worker crontab syntax). */
export const crontab = ['* * * * * expire_p2p ?max=1', `*/5 * * * * ${CREDIT_CYCLE_TASK} ?max=1`].join('\n');
