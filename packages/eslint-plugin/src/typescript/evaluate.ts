/**
 * A small static evaluator for the TypeScript that builds pod specs: literals, objects and arrays
 * (with spreads), `const` variables, `as`/`satisfies`/`!`, template strings, member access into known
 * objects, cdk8s-plus enum members, and calls of local helper functions (parameters bound to the
 * arguments). Anything else is `unknown`. With type information, an unknown expression whose type is
 * a literal (or an object of known members) still gives that value.
 */
import type { Scope, SourceCode } from 'eslint';
import type { TSESTree } from '@typescript-eslint/types';
import { cdk8sPlusModule, generatedK8sMember, valueWrappers } from './generated-k8s.js';
import { scalar, unknown, type Node, type ObjectEntry, type StaticValue } from './static-value.js';

/** Where an imported name comes from: the module and the member path inside it. */
export interface QualifiedName {
  source: string;
  names: string[];
}

/** What type information adds; absent without a TypeScript program. */
export interface TypeFacts {
  valueFromType(node: Node): StaticValue | undefined;
}

type Env = Map<Scope.Variable, StaticValue>;
type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

const maxDepth = 40;

/** cdk8s-plus enums whose members are plain Kubernetes strings. */
const plusEnums: Record<string, Record<string, string>> = {
  ContainerRestartPolicy: { ALWAYS: 'Always' },
  RestartPolicy: { ALWAYS: 'Always', ON_FAILURE: 'OnFailure', NEVER: 'Never' },
};

function unwrapExpression(node: Node): Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
        current = current.expression;
        break;
      case 'ChainExpression':
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

export class Evaluator {
  /** Object literals already read as part of a pod spec site (so the typed search skips them). */
  readonly consumed = new Set<Node>();
  private readonly active = new Set<Node>();

  constructor(
    private readonly sourceCode: SourceCode,
    private readonly types: TypeFacts | undefined,
  ) {}

  evaluate(node: Node, env: Env = new Map(), depth = 0): StaticValue {
    if (depth > maxDepth || this.active.has(node)) return unknown(node);
    this.active.add(node);
    try {
      const value = this.evaluateInner(node, env, depth + 1);
      if (value.kind === 'unknown' && this.types) return this.types.valueFromType(node) ?? value;
      return value;
    } finally {
      this.active.delete(node);
    }
  }

  private evaluateInner(node: Node, env: Env, depth: number): StaticValue {
    const expression = unwrapExpression(node);
    switch (expression.type) {
      case 'Literal': {
        const value = expression.value;
        if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return scalar(value, node);
        return unknown(node);
      }
      case 'TemplateLiteral': {
        let text = expression.quasis[0]?.value.cooked ?? '';
        for (let i = 0; i < expression.expressions.length; i++) {
          const part = this.evaluate(expression.expressions[i]!, env, depth);
          if (part.kind !== 'scalar') return unknown(node);
          text += String(part.value) + (expression.quasis[i + 1]?.value.cooked ?? '');
        }
        return scalar(text, node);
      }
      case 'UnaryExpression': {
        const argument = this.evaluate(expression.argument, env, depth);
        if (argument.kind === 'scalar' && typeof argument.value === 'number') {
          if (expression.operator === '-') return scalar(-argument.value, node);
          if (expression.operator === '+') return scalar(argument.value, node);
        }
        return unknown(node);
      }
      case 'ObjectExpression':
        return this.object(expression, env, depth);
      case 'ArrayExpression':
        return this.array(expression, env, depth);
      case 'Identifier':
        return this.identifier(expression, node, env, depth);
      case 'MemberExpression':
        return this.member(expression, node, env, depth);
      case 'CallExpression':
        return this.call(expression, node, env, depth);
      case 'ConditionalExpression': {
        const test = this.evaluate(expression.test, env, depth);
        if (test.kind === 'scalar' || test.kind === 'undefined') {
          const truthy = test.kind === 'scalar' && Boolean(test.value);
          return this.evaluate(truthy ? expression.consequent : expression.alternate, env, depth);
        }
        return unknown(node);
      }
      default:
        return unknown(node);
    }
  }

  private object(expression: TSESTree.ObjectExpression, env: Env, depth: number): StaticValue {
    this.consumed.add(expression);
    const entries: ObjectEntry[] = [];
    const put = (entry: ObjectEntry) => {
      const at = entries.findIndex((other) => other.key === entry.key);
      if (at >= 0) entries[at] = entry;
      else entries.push(entry);
    };
    for (const property of expression.properties) {
      if (property.type === 'SpreadElement') {
        const spread = this.evaluate(property.argument, env, depth);
        if (spread.kind === 'object') spread.entries.forEach(put);
        else if (spread.kind === 'undefined' || (spread.kind === 'scalar' && spread.value === null)) continue;
        else return unknown(expression);
        continue;
      }
      if (property.kind !== 'init' || property.method) return unknown(expression);
      const key = this.propertyKey(property, env, depth);
      if (key === undefined) return unknown(expression);
      const valueNode = property.value;
      put({ key, value: this.evaluate(valueNode, env, depth), keyNode: property.key, entryNode: property, valueNode });
    }
    return { kind: 'object', entries, node: expression };
  }

  private propertyKey(property: TSESTree.Property, env: Env, depth: number): string | undefined {
    if (!property.computed) {
      if (property.key.type === 'Identifier') return property.key.name;
      if (property.key.type === 'Literal') return String(property.key.value);
      return undefined;
    }
    const key = this.evaluate(property.key, env, depth);
    return key.kind === 'scalar' && (typeof key.value === 'string' || typeof key.value === 'number') ? String(key.value) : undefined;
  }

  private array(expression: TSESTree.ArrayExpression, env: Env, depth: number): StaticValue {
    const items: StaticValue[] = [];
    for (const element of expression.elements) {
      if (element === null) {
        items.push({ kind: 'undefined', node: expression });
      } else if (element.type === 'SpreadElement') {
        const spread = this.evaluate(element.argument, env, depth);
        if (spread.kind !== 'array') return unknown(expression);
        items.push(...spread.items);
      } else {
        items.push(this.evaluate(element, env, depth));
      }
    }
    return { kind: 'array', items, node: expression };
  }

  /** A variable's only value: a `const` (or a `let` never written again) with an initializer. */
  private identifier(expression: TSESTree.Identifier, node: Node, env: Env, depth: number): StaticValue {
    if (expression.name === 'undefined') return { kind: 'undefined', node };
    const variable = this.variable(expression);
    if (!variable) return unknown(node);
    const bound = env.get(variable);
    if (bound) return bound;
    const init = singleInitializer(variable);
    if (!init) return unknown(node);
    return relocateScalar(this.evaluate(init, env, depth), node);
  }

  private member(expression: TSESTree.MemberExpression, node: Node, env: Env, depth: number): StaticValue {
    const qualified = this.qualifiedName(expression);
    if (qualified && cdk8sPlusModule.test(qualified.source)) {
      const [enumName, member] = qualified.names.slice(-2);
      const value = enumName !== undefined && member !== undefined ? plusEnums[enumName]?.[member] : undefined;
      if (value !== undefined) return scalar(value, node);
    }
    const object = this.evaluate(expression.object, env, depth);
    const key = expression.computed ? this.evaluate(expression.property, env, depth) : expression.property.type === 'Identifier' ? scalar(expression.property.name, node) : unknown(node);
    if (key.kind !== 'scalar') return unknown(node);
    if (object.kind === 'object') {
      const entry = object.entries.find((candidate) => candidate.key === String(key.value));
      return entry ? relocateScalar(entry.value, node) : unknown(node);
    }
    if (object.kind === 'array' && typeof key.value === 'number') return object.items[key.value] ?? unknown(node);
    return unknown(node);
  }

  /** A call of a local helper: its returned expression, evaluated with the parameters bound. */
  private call(expression: TSESTree.CallExpression, node: Node, env: Env, depth: number): StaticValue {
    if (expression.callee.type === 'MemberExpression') return this.wrapperCall(expression, node, env, depth);
    if (expression.callee.type !== 'Identifier') return unknown(node);
    const fn = this.functionOf(expression.callee);
    if (!fn) return unknown(node);
    const returned = returnedExpression(fn);
    if (!returned) return unknown(node);
    const scope = this.sourceCode.scopeManager?.acquire(fn as never);
    if (!scope) return unknown(node);
    const inner: Env = new Map(env);
    fn.params.forEach((param, index) => {
      const target = param.type === 'AssignmentPattern' ? param.left : param;
      if (target.type !== 'Identifier') return;
      const variable = scope.set.get(target.name);
      if (!variable) return;
      const argument = expression.arguments[index];
      let value: StaticValue;
      if (argument && argument.type !== 'SpreadElement') value = this.evaluate(argument, env, depth);
      else if (!argument && param.type === 'AssignmentPattern') value = this.evaluate(param.right, inner, depth);
      else if (!argument) value = { kind: 'undefined', node };
      else value = unknown(node);
      if (value.kind === 'undefined' && param.type === 'AssignmentPattern') value = this.evaluate(param.right, inner, depth);
      inner.set(variable, value);
    });
    // Fields written inside the helper are reported at the call: that is where they land in this pod spec.
    return relocate(this.evaluate(returned, inner, depth), fn, expression);
  }

  /** `k8s.IntOrString.fromNumber(8080)`, `Quantity.fromString('100m')`: the wrapped literal, as synthesized. */
  private wrapperCall(expression: TSESTree.CallExpression, node: Node, env: Env, depth: number): StaticValue {
    const [className, method, ...rest] = generatedK8sMember(this.qualifiedName(expression.callee)) ?? [];
    const wanted = className !== undefined && method !== undefined && rest.length === 0 ? valueWrappers[className]?.[method] : undefined;
    const argument = expression.arguments[0];
    if (!wanted || expression.arguments.length !== 1 || !argument || argument.type === 'SpreadElement') return unknown(node);
    const value = this.evaluate(argument, env, depth);
    return value.kind === 'scalar' && typeof value.value === wanted ? scalar(value.value, node) : unknown(node);
  }

  private functionOf(callee: TSESTree.Identifier): FunctionNode | undefined {
    const variable = this.variable(callee);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!def) return undefined;
    if (def.type === 'FunctionName') return def.node as FunctionNode;
    const init = singleInitializer(variable!);
    const fn = init ? unwrapExpression(init as Node) : undefined;
    return fn && (fn.type === 'ArrowFunctionExpression' || fn.type === 'FunctionExpression') ? fn : undefined;
  }

  variable(identifier: TSESTree.Identifier): Scope.Variable | undefined {
    let scope: Scope.Scope | null = this.sourceCode.getScope(identifier as never);
    while (scope) {
      const found = scope.set.get(identifier.name);
      if (found) return found;
      scope = scope.upper;
    }
    return undefined;
  }

  /** `k8s.KubeDeployment`, `kplus.k8s.KubePod`, `ContainerRestartPolicy.ALWAYS`: the import behind a name. */
  qualifiedName(node: Node): QualifiedName | undefined {
    const expression = unwrapExpression(node);
    if (expression.type === 'Identifier') {
      const def = this.variable(expression)?.defs[0];
      if (def?.type !== 'ImportBinding') return undefined;
      const declaration = def.parent as TSESTree.ImportDeclaration;
      const specifier = def.node as TSESTree.ImportClause;
      const source = String(declaration.source.value);
      if (specifier.type === 'ImportNamespaceSpecifier') return { source, names: [] };
      if (specifier.type === 'ImportDefaultSpecifier') return { source, names: ['default'] };
      const imported = specifier.imported.type === 'Identifier' ? specifier.imported.name : String(specifier.imported.value);
      return { source, names: [imported] };
    }
    if (expression.type === 'MemberExpression' && !expression.computed && expression.property.type === 'Identifier') {
      const object = this.qualifiedName(expression.object);
      return object ? { source: object.source, names: [...object.names, expression.property.name] } : undefined;
    }
    return undefined;
  }
}

function singleInitializer(variable: Scope.Variable): Node | undefined {
  if (variable.defs.length !== 1) return undefined;
  const def = variable.defs[0]!;
  if (def.type !== 'Variable') return undefined;
  const declarator = def.node as TSESTree.VariableDeclarator;
  if (declarator.id.type !== 'Identifier' || !declarator.init) return undefined;
  const declaration = def.parent as TSESTree.VariableDeclaration;
  if (declaration.kind !== 'const' && variable.references.some((reference) => reference.isWrite() && !reference.init)) return undefined;
  return declarator.init;
}

/** The expression a helper returns: an arrow's body, or a body of declarations and one final return. */
function returnedExpression(fn: FunctionNode): Node | undefined {
  // `declare function` has no body: its value, if any, comes from its type.
  if (fn.async || fn.generator || !fn.body) return undefined;
  if (fn.body.type !== 'BlockStatement') return fn.body;
  const statements = fn.body.body;
  const last = statements[statements.length - 1];
  if (last?.type !== 'ReturnStatement' || !last.argument) return undefined;
  const onlyDeclarations = statements.slice(0, -1).every((statement) => statement.type === 'VariableDeclaration' && statement.kind === 'const');
  return onlyDeclarations ? last.argument : undefined;
}

/** A scalar read through a name is reported where the name is used. */
function relocateScalar(value: StaticValue, node: Node): StaticValue {
  return value.kind === 'scalar' || value.kind === 'unknown' ? { ...value, node } : value;
}

function inside(node: Node, container: Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}

function relocate(value: StaticValue, fn: Node, call: Node): StaticValue {
  const move = (node: Node) => (inside(node, fn) ? call : node);
  switch (value.kind) {
    case 'object':
      return {
        kind: 'object',
        node: move(value.node),
        entries: value.entries.map((entry) => ({
          ...entry,
          value: relocate(entry.value, fn, call),
          keyNode: move(entry.keyNode),
          entryNode: move(entry.entryNode),
          valueNode: move(entry.valueNode),
        })),
      };
    case 'array':
      return { kind: 'array', node: move(value.node), items: value.items.map((item) => relocate(item, fn, call)) };
    default:
      return { ...value, node: move(value.node) };
  }
}
