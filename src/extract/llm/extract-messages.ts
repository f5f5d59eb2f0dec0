import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { Config } from '../../config/config-schema.js';
import type { TemplateVars } from '../../prompts/template-vars.js';
import { alternateRoles } from '../../llm/alternate-roles.js';
import { recentTurns } from '../../llm/recent-turns.js';
import { SLOT_GOALS } from '../../llm/slot-goals.js';
import type { ExtractInput } from '../extractor.js';
import { localToday, toIsoDate } from '../rules/timeline-bucket.js';
import { fieldDefinitions } from './extraction-schema.js';

/**
 * The variables of prompts/extract-system.hbs for one message: only code-owned values (config,
 * the clock in the visitor's validated time zone, the slot asked, the field definitions);
 * nothing the visitor typed.
 */
export function extractSystemVars(
  input: ExtractInput,
  config: Pick<Config, 'company' | 'fiscalYearEndMonth'>,
): TemplateVars<'extract-system'> {
  const now = new Date(input.now);
  const tz = input.visitor.timezone;
  const month = new Intl.DateTimeFormat('en-US', { month: 'long', timeZone: 'UTC' }).format(
    Date.UTC(2000, config.fiscalYearEndMonth - 1, 15),
  );
  return {
    company: config.company.name,
    agentName: config.company.agentName,
    today: toIsoDate(localToday(now, tz)),
    weekday: new Intl.DateTimeFormat('en-US', { weekday: 'long', timeZone: tz }).format(now),
    timezone: tz,
    fiscalYearEnd: month,
    expecting: input.expecting === null ? null : SLOT_GOALS[input.expecting],
    fields: fieldDefinitions(),
  };
}

/**
 * The chat messages of one extraction request: the system prompt, the recent turns as user
 * (visitor, screened) and assistant (agent) messages, then the message to extract from, last.
 * Visitor text only ever goes into user messages, and roles strictly alternate (`alternateRoles`).
 */
export function extractMessages(input: ExtractInput, system: string): ChatCompletionMessageParam[] {
  const recent = [...input.recent];
  // The shell stores the visitor's message before extracting, so it may already end `recent`.
  const last = recent.at(-1);
  if (last?.role === 'visitor' && last.text === input.text) recent.pop();
  return alternateRoles(system, [...recentTurns(recent), { role: 'user', content: input.text }]);
}
