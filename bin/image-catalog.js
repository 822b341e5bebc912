#!/usr/bin/env node
// Runs the TypeScript CLI in a checkout (`npx image-catalog ...`) through tsx's loader.
import { register } from 'tsx/esm/api';

register();
await import('../provider/cli/main.ts');
