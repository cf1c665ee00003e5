#!/usr/bin/env node
// `khaosat` command: runs the bundled CLI (built by `npm run build:node`, which `npm install` runs).
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const bundle = join(__dirname, '..', 'dist', 'electron', 'cli.cjs');
if (!existsSync(bundle)) {
  process.stderr.write('khaosat: the CLI is not built yet; run `npm run build:node` in the KhaoSat folder\n');
  process.exit(1);
}
require(bundle);
