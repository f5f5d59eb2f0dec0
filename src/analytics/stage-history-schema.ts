import { z } from 'zod';

/**
 * The first time a conversation reached each funnel stage (DESIGN.md "Analytics definitions"):
 * `lead` (email known), `mql`, `sql` as scored, `booked` (the first meeting's booking time),
 * and `canceled` (when its meeting was canceled; cleared when a meeting is booked again).
 * A stage once reached stays reached, even when a later correction scores the lead lower, so
 * a period's figures never change when recomputed. Conversations stored before it read as `{}`.
 */
export const StageHistorySchema = z.object({
  lead: z.iso.datetime().optional(),
  mql: z.iso.datetime().optional(),
  sql: z.iso.datetime().optional(),
  booked: z.iso.datetime().optional(),
  canceled: z.iso.datetime().optional(),
});
export type StageHistory = z.infer<typeof StageHistorySchema>;
