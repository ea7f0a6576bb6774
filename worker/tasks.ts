import type { TaskList } from 'graphile-worker';
import { z } from 'zod';
import { attemptDelivery } from '@/lib/webhooks/deliver';
import { DELIVERY_TASK } from '@/lib/webhooks/outbox';

const deliveryPayload = z.object({ partnerId: z.string(), deliveryId: z.string() });

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
};
