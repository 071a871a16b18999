// RuleTester (ESLint's and typescript-eslint's) runs its cases through these hooks.
import * as vitest from 'vitest';
import { RuleTester as EslintRuleTester } from 'eslint';
import { RuleTester as TsRuleTester } from '@typescript-eslint/rule-tester';

Object.assign(EslintRuleTester, { describe: vitest.describe, it: vitest.it, itOnly: vitest.it.only });
TsRuleTester.afterAll = vitest.afterAll;
TsRuleTester.describe = vitest.describe;
TsRuleTester.it = vitest.it;
TsRuleTester.itOnly = vitest.it.only;
