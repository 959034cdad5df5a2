#!/usr/bin/env node
// Runs the kotae CLI from the TypeScript sources (tsx compiles on the fly), so the command is
// always the code in this checkout; no build step between an edit and a script that uses it.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli/index.ts');
