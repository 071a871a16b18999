/** Shared types of the sidecar-lint core. Every front door (CLI, ESLint, cdk8s, Rego host) speaks these. */
export {};
//# sourceMappingURL=types.js.map