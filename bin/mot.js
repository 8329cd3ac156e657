#!/usr/bin/env node
// mot's entry point: runs the built CLI (npm run build writes dist/).
import { main } from '../dist/cli.js';

const code = await main(process.argv);
process.exit(code);
