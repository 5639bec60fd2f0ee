import { version } from '../../../package.json';

// What the CLI says about itself (`--version`, SARIF's tool driver). The version comes from
// package.json, inlined by the bundler, so the published `dist/cli.js` needs nothing beside it.

export const TOOL_NAME = 'decision-memos';
export const TOOL_VERSION: string = version;
export const TOOL_INFORMATION_URI = 'https://github.com/decision-memos/decision-memos';
