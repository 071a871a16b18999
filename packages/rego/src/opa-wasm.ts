/**
 * The opa-wasm SDK. Its ESM entry re-exports only `loadPolicy` by name; the synchronous loader the
 * engine needs (instances are made on demand, per target) is on its default export, the CommonJS
 * module. A static import, so the bundler can inline it.
 */
import * as opaModule from '@open-policy-agent/opa-wasm';

export const opaWasm = (opaModule as unknown as { default?: typeof opaModule }).default ?? opaModule;
