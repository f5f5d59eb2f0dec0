import { candidate, type Candidate } from '../../lead/field-paths.js';
import { authorityCueLevel } from './authority-cue-level.js';
import { OWNS_BY_TITLE } from './authority-phrases.js';
import { findRole } from './find-role.js';
import { levelForTitle, normalizeText, NOT_BUYING, SELLING_TO_US } from './lexicon.js';
import type { RuleContext, RuleResult } from './rule-context.js';

/**
 * `authority.role` (as the visitor said it) and `authority.level`. Researcher cues (student,
 * job seeker, "just curious") beat first-person decision cues ("I sign off", "the budget's
 * mine"), which beat influence cues ("I'd take it to our CEO", "owner would decide"); without
 * cues the title decides (titles joined by "/" or "&" give the strongest of their levels).
 * Outside the authority question a role needs a title word, and a level needs a role or an
 * explicit first-person decision ("I sign off") or a sign of no buying role (a vendor pitching).
 * @example authorityRule("I'm a product manager, I'd bring it to my VP", ctx) // role + influencer
 */
export function authorityRule(input: string, ctx: RuleContext): RuleResult {
  const text = normalizeText(input);
  const answering = ctx.expecting === 'authority';
  const role = findRole(text, answering);
  const titleLevel = role ? levelForTitle(role.value) : null;
  const cue = authorityCueLevel(text, answering || role !== null, titleLevel);
  // A vendor or job seeker who said so before ("we want to sell our services to your company")
  // keeps no buying role when their title comes later ("Senior recruiter.").
  const saidNotBuying =
    answering &&
    cue === null &&
    ctx.earlier !== undefined &&
    (SELLING_TO_US.test(ctx.earlier) || NOT_BUYING.test(ctx.earlier));
  let level = saidNotBuying ? 'researcher' : (cue ?? titleLevel);
  // Outside the authority question a level with no role ("shortlisting tools to take to our CFO",
  // a vendor's pitch) would fill the authority slot, and the question that gets the role would
  // never come: the authority question asks, and its answer gives both.
  if (!answering && role === null) level = null;
  // A title said in passing ("I'm the marketing director at ...") does not say who signs: only
  // owners, founders and the C-suite do by title alone. For the rest, outside the authority
  // question, keep the role and let the authority question ask who decides.
  if (
    !answering &&
    cue === null &&
    level !== 'researcher' &&
    role !== null &&
    !OWNS_BY_TITLE.test(role.value)
  )
    level = null;
  const candidates: (Candidate | null)[] = [];
  if (role) candidates.push(candidate('authority.role', role.value, role.raw));
  if (level) candidates.push(candidate('authority.level', level, role?.raw ?? text));
  return { candidates: candidates.filter((c): c is Candidate => c !== null) };
}
