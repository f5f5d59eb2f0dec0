import { Router } from 'express';
import { z } from 'zod';
import { formatIssues } from '../config/load-config.js';
import { AppError } from '../errors/app-error.js';
import type { LlmParts } from '../extract/llm/create-llm-parts.js';
import { tokensPerTurn } from '../llm/llm-usage.js';
import { requireAdmin } from './require-admin.js';

const UsageQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(50) });

/**
 * `GET /admin/llm/usage?limit=50` (behind ADMIN_TOKEN): what LLM mode costs and how it goes:
 * the model and base URL, the circuit breaker's state, the last model error, the process
 * totals (calls, tokens with cached input, latency, failures by kind, fallbacks, screened
 * messages), the mean tokens per turn (input, cached input, output) and the most
 * recently active conversations' usage, newest first. In rules mode: `{ mode: "rules" }` and
 * nothing to count.
 *
 * @example app.use(createLlmUsageRouter({ adminToken, llm }));
 */
export function createLlmUsageRouter(deps: {
  adminToken: string | null;
  llm: Pick<LlmParts, 'usage' | 'breaker' | 'gate' | 'setup'> | null;
}): Router {
  const router = Router();
  router.use('/admin/llm', requireAdmin(deps.adminToken));
  router.get('/admin/llm/usage', (req, res) => {
    const query = UsageQuery.safeParse(req.query);
    if (!query.success)
      throw new AppError('BAD_REQUEST', `invalid query: ${formatIssues(query.error)}`);
    const { llm } = deps;
    if (llm === null) {
      res.json({ mode: 'rules', totals: null, conversations: [] });
      return;
    }
    res.json({
      mode: 'llm',
      model: llm.setup.model,
      baseUrl: llm.setup.baseUrl,
      breaker: llm.breaker.state(),
      lastFailure: llm.gate.lastFailure(),
      totals: llm.usage.total(),
      tokensPerTurn: tokensPerTurn(llm.usage.total()),
      conversations: llm.usage.recent(query.data.limit),
    });
  });
  return router;
}
