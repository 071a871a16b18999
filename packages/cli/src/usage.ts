/** The --help text. */
export const usage = `Usage: sidecar-lint [options] [paths...]

Lint Kubernetes manifests for native sidecar containers, for your cluster versions and feature gates.
Paths: files, directories (*.yaml, *.yml, *.json, recursively; node_modules and .git skipped),
globs; "-" reads stdin; no paths: the current directory.

Target:
  --kube-version <v>             1.31, v1.31, 1.31.4 or a range 1.29-1.33 (default: 1.31-1.35)
  --feature-gates <Name=bool,..> kube-apiserver syntax, e.g. SidecarContainers=true
  --field-validation <mode>      strict (default, as kubectl) or warn
  --kubelet-version <v>          the oldest kubelet minor (default: the API server's)
  -c, --config <path>            config file (default: the nearest .sidecar-lint.yaml/.yml/.json)
  --rule <id>=<severity>         off, info, warning or error; repeatable
  --check-syntax                 also parse documents that cannot hold a pod spec

Output:
  -f, --format <name>            stylish (default), json, sarif, github or junit
  -o, --output-file <path>       write the report to a file
  --max-warnings <n>             exit 1 when there are more warnings than n

Fixing:
  --fix                          apply certain fixes to the files (stdin: print the fixed text)
  --fix-suggestions              also apply suggestions (they change behaviour)
  --fix-dry-run                  print a unified diff of what --fix would change; write nothing

Engine:
  --engine <core|rego>           core (default); rego: the compiled Rego policies
  --policy <file.wasm>           extra compiled Rego policies, repeatable (with --engine rego)

Information:
  --list-rules                   the rules (with --format json: their metadata as JSON)
  --print-config <file>          the resolved config and target for a file, as JSON
  -v, --version                  the version
  -h, --help                     this text

Environment:
  NO_COLOR                       never colour the stylish output
  SIDECAR_LINT_WORKERS=<n>       worker threads for large inputs (default: automatic from 64 MB; 0: none)

Exit: 0 no errors (and warnings within --max-warnings), 1 errors found, 2 usage or config error
or unreadable path, 130 interrupted.
`;
