import { z } from 'zod';
import { isKnownHelper } from './handlebars-env.js';

type Program = hbs.AST.Program;
type Schema = z.core.$ZodType;
type Node = hbs.AST.Node;

/** What a template's variable holds, as far as the check needs to know. */
type Shape =
  | { kind: 'object'; fields: Readonly<Record<string, Schema>> }
  | { kind: 'list'; item: Schema }
  | { kind: 'value' };

/** One level of scope: the root variables, or the item of an `#each`, or the object of a `#with`. */
type Frame = { schema: Schema; inEach: boolean; blockParams: Map<string, Schema | null> };

/** A variable problem in the template body; `line` is the body's line. */
export type VarIssue = { line: number; message: string };

const EACH_DATA = new Set(['index', 'first', 'last', 'key']);
/** The scope inside a block whose argument is already reported: accept anything, report once. */
const ANYTHING = z.any();

/**
 * Walks a parsed template and reports every variable the schema does not declare, every
 * unknown helper, partials and misuse of lists. Inside `#each list`, the item's fields,
 * `this` and `@index`/`@first`/`@last` are in scope; `../x` and `@root.x` reach outer scopes.
 * @example checkTemplateVars(Handlebars.parse('{{budgt}}'), z.object({ budget: z.string() }))
 * // [{ line: 1, message: 'unknown variable "budgt"' }]
 */
export function checkTemplateVars(program: Program, schema: Schema): VarIssue[] {
  const issues: VarIssue[] = [];
  const report = (node: Node, message: string): void => {
    const line = node.loc?.start.line ?? 1;
    if (!issues.some((i) => i.line === line && i.message === message))
      issues.push({ line, message });
  };
  walkProgram(program, [{ schema, inEach: false, blockParams: new Map() }], report);
  return issues;
}

type Report = (node: Node, message: string) => void;

function walkProgram(program: Program | undefined, stack: Frame[], report: Report): void {
  for (const statement of program?.body ?? []) walkStatement(statement, stack, report);
}

function walkStatement(node: Node, stack: Frame[], report: Report): void {
  if (node.type === 'Decorator' || node.type === 'DecoratorBlock')
    return report(node, 'decorators are not supported');
  if (isMustache(node)) {
    if (!isPath(node.path)) return;
    const name = node.path.original;
    if (isHelperCall(node.path, node.params, node.hash))
      return walkArgs(node.params, node.hash, stack, report);
    if (node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0)
      return report(node, `unknown helper "${name}"`);
    const shape = resolve(node.path, stack, report);
    if (shape?.kind === 'list')
      report(node, `"${name}" is a list: use {{#each ${name}}} ... {{/each}} or {{list ${name}}}`);
    if (shape?.kind === 'object')
      report(node, `"${name}" is a group of values: print one of its fields`);
    return;
  }
  if (isBlock(node)) {
    const helper = node.path.original;
    if (!isKnownHelper(helper) || node.path.data || node.path.depth > 0) {
      report(node, `unknown block helper "#${helper}": use #if, #unless, #each or #with`);
      return;
    }
    walkArgs(node.params, node.hash, stack, report);
    const first = node.params[0];
    // Already reported by walkArgs when unknown; here only its shape matters.
    const argSchema = first && isPath(first) ? schemaAt(first, stack) : undefined;
    const argShape = argSchema === undefined ? undefined : shapeOf(argSchema);
    const params = node.program?.blockParams ?? [];
    let inner = stack;
    if (helper === 'each') {
      if (argShape && argShape.kind !== 'list')
        report(node, `#each needs a list, and "${pathName(first)}" is not one`);
      const item = argShape?.kind === 'list' ? argShape.item : ANYTHING;
      inner = [
        ...stack,
        { schema: item, inEach: true, blockParams: blockParamMap(params, [item, null]) },
      ];
    } else if (helper === 'with') {
      if (argShape && argShape.kind !== 'object')
        report(node, `#with needs a group of values, and "${pathName(first)}" is not one`);
      const target = argShape?.kind === 'object' && argSchema ? argSchema : ANYTHING;
      inner = [
        ...stack,
        { schema: target, inEach: false, blockParams: blockParamMap(params, [target]) },
      ];
    }
    walkProgram(node.program, inner, report);
    // The else branch of #each / #with runs in the outer scope.
    walkProgram(node.inverse, stack, report);
    return;
  }
  if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') {
    report(node, 'partials ({{> name}}) are not supported');
  }
}

function walkArgs(
  params: hbs.AST.Expression[],
  hash: hbs.AST.Hash | undefined,
  stack: Frame[],
  report: Report,
): void {
  const args = [...params, ...(hash?.pairs.map((p) => p.value) ?? [])];
  for (const arg of args) {
    if (isPath(arg)) resolve(arg, stack, report);
    else if (isSubExpression(arg)) {
      if (!isKnownHelper(arg.path.original)) report(arg, `unknown helper "${arg.path.original}"`);
      walkArgs(arg.params, arg.hash, stack, report);
    }
  }
}

/** Finds what a path points at; reports and returns undefined when it points nowhere. */
function resolve(path: hbs.AST.PathExpression, stack: Frame[], report: Report): Shape | undefined {
  const schema = schemaAt(path, stack, report);
  return schema === undefined ? undefined : shapeOf(schema);
}

function schemaAt(
  path: hbs.AST.PathExpression,
  stack: Frame[],
  report?: Report,
): Schema | undefined {
  const fail = (message: string): undefined => {
    report?.(path, message);
    return undefined;
  };
  let parts = path.parts;
  let frame: Frame | undefined;
  if (path.data) {
    const [head, ...rest] = parts;
    if (head === 'root') {
      frame = stack[0];
      parts = rest;
    } else if (head !== undefined && EACH_DATA.has(head)) {
      return stack.some((f) => f.inEach)
        ? z.union([z.number(), z.boolean(), z.string()])
        : fail(`@${head} only works inside {{#each}}`);
    } else {
      return fail(`unknown variable "${path.original}"`);
    }
  } else {
    frame = stack[stack.length - 1 - path.depth];
    if (!frame) return fail(`"${path.original}" goes above the template's variables`);
    const head = parts[0];
    // Block params (`{{#each slots as |slot|}}`) shadow fields, innermost first.
    const named = path.depth === 0 && head !== undefined ? findBlockParam(head, stack) : undefined;
    if (named !== undefined) {
      if (named === null)
        return parts.length === 1 ? z.number() : fail(`unknown variable "${path.original}"`);
      return walkParts(named, parts.slice(1), path.original, fail);
    }
  }
  if (!frame) return fail(`unknown variable "${path.original}"`);
  return walkParts(frame.schema, parts, path.original, fail);
}

function walkParts(
  start: Schema,
  parts: string[],
  original: string,
  fail: (m: string) => undefined,
): Schema | undefined {
  let current = start;
  for (const part of parts) {
    if (current === ANYTHING) return ANYTHING;
    const shape = shapeOf(current);
    const next = shape.kind === 'object' ? shape.fields[part] : undefined;
    if (next === undefined) return fail(`unknown variable "${original}"`);
    current = next;
  }
  return current;
}

function findBlockParam(name: string, stack: Frame[]): Schema | null | undefined {
  for (let i = stack.length - 1; i >= 0; i--) {
    const frame = stack[i];
    if (frame?.blockParams.has(name)) return frame.blockParams.get(name);
  }
  return undefined;
}

function blockParamMap(names: string[], schemas: (Schema | null)[]): Map<string, Schema | null> {
  return new Map(names.map((n, i) => [n, schemas[i] ?? null]));
}

/** Sees through nullable/optional/default wrappers to the object, list or plain value inside. */
function shapeOf(schema: Schema): Shape {
  if (
    schema instanceof z.ZodNullable ||
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodDefault
  ) {
    return shapeOf(schema.unwrap());
  }
  if (schema instanceof z.ZodObject) return { kind: 'object', fields: schema.shape };
  if (schema instanceof z.ZodArray) return { kind: 'list', item: schema.element };
  return { kind: 'value' };
}

function isHelperCall(
  path: hbs.AST.PathExpression,
  params: unknown[],
  hash: hbs.AST.Hash | undefined,
): boolean {
  const named = !path.data && path.depth === 0 && isKnownHelper(path.original);
  return named && (params.length > 0 || (hash?.pairs.length ?? 0) > 0 || path.original === 'list');
}

function pathName(node: hbs.AST.Expression | undefined): string {
  return node && isPath(node) ? node.original : '?';
}

// Handlebars' AST types share a loose `type: string`; these guards narrow them.
function isMustache(n: Node): n is hbs.AST.MustacheStatement {
  return n.type === 'MustacheStatement';
}
function isBlock(n: Node): n is hbs.AST.BlockStatement {
  return n.type === 'BlockStatement';
}
function isPath(n: Node): n is hbs.AST.PathExpression {
  return n.type === 'PathExpression';
}
function isSubExpression(n: Node): n is hbs.AST.SubExpression {
  return n.type === 'SubExpression';
}
