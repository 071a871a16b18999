/** The tool's version, kept equal to package.json's by a test (a bundle cannot read package.json). */
export const toolVersion = '0.1.0';
export const toolName = 'sidecar-lint';
export const informationUri = 'https://github.com/sidecar-lint/sidecar-lint';
