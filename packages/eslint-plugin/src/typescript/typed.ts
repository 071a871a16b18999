/**
 * Type information, when the file is linted with a TypeScript program (typed linting): which
 * literals are generated pod spec types, and the values of expressions the evaluator cannot follow
 * (calls into other files, enum members) read from their literal types.
 */
import { createRequire } from 'node:module';
import type * as TS from 'typescript';
import type { TSESTree } from '@typescript-eslint/types';
import { typedSpecNames } from './sites.js';
import { scalar, unknown, type Node, type ObjectEntry, type StaticValue } from './static-value.js';
import type { TypeFacts } from './evaluate.js';

interface ParserServices {
  program?: TS.Program | null;
  esTreeNodeToTSNodeMap?: { get(node: Node): TS.Node | undefined };
}

const generatedFile = /[\\/]imports[\\/]k8s(\.d)?\.ts$/;
const maxTypeDepth = 4;

export interface TypedSearch extends TypeFacts {
  specTypeName(node: TSESTree.ObjectExpression): string | undefined;
}

/** Type facts for a file, or undefined when it is linted without a program. */
export function typedSearch(parserServices: unknown): TypedSearch | undefined {
  const services = parserServices as ParserServices | undefined;
  const program = services?.program;
  const map = services?.esTreeNodeToTSNodeMap;
  if (!program || !map) return undefined;
  const ts = createRequire(import.meta.url)('typescript') as typeof TS;
  const checker = program.getTypeChecker();

  const generatedName = (type: TS.Type | undefined): string | undefined => {
    if (!type) return undefined;
    if (type.isUnion()) {
      for (const member of type.types) {
        const name = generatedName(member);
        if (name) return name;
      }
      return undefined;
    }
    const symbol = type.aliasSymbol ?? type.getSymbol();
    if (!symbol || !typedSpecNames.has(symbol.getName())) return undefined;
    const generated = (symbol.declarations ?? []).some((declaration) => generatedFile.test(declaration.getSourceFile().fileName));
    return generated ? symbol.getName() : undefined;
  };

  const fromType = (type: TS.Type, node: Node, depth: number): StaticValue => {
    if (type.isStringLiteral() || type.isNumberLiteral()) return scalar(type.value, node);
    if (type.flags & ts.TypeFlags.BooleanLiteral) return scalar((type as unknown as { intrinsicName: string }).intrinsicName === 'true', node);
    if (type.flags & ts.TypeFlags.Null) return scalar(null, node);
    if (type.flags & ts.TypeFlags.Undefined) return { kind: 'undefined', node };
    if (depth >= maxTypeDepth || type.isUnion() || !(type.flags & ts.TypeFlags.Object)) return unknown(node);
    if (checker.isTupleType(type)) {
      return { kind: 'array', items: checker.getTypeArguments(type as TS.TypeReference).map((item) => fromType(item, node, depth + 1)), node };
    }
    if (checker.isArrayType(type) || type.getCallSignatures().length > 0) return unknown(node);
    const entries: ObjectEntry[] = [];
    for (const property of checker.getPropertiesOfType(type)) {
      const optional = (property.flags & ts.SymbolFlags.Optional) !== 0;
      const value = optional ? unknown(node) : fromType(checker.getTypeOfSymbol(property), node, depth + 1);
      entries.push({ key: property.getName(), value, keyNode: node, entryNode: node, valueNode: node });
    }
    return { kind: 'object', entries, node };
  };

  return {
    specTypeName(node) {
      const tsNode = map.get(node);
      return tsNode ? generatedName(checker.getContextualType(tsNode as TS.Expression)) : undefined;
    },
    valueFromType(node) {
      if (node.type === 'ObjectExpression' || node.type === 'ArrayExpression') return undefined;
      const tsNode = map.get(node);
      if (!tsNode) return undefined;
      const value = fromType(checker.getTypeAtLocation(tsNode), node, 0);
      return value.kind === 'unknown' ? undefined : value;
    },
  };
}
