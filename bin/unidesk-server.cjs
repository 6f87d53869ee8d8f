#!/usr/bin/env node
'use strict';
// The central sync server, bundled by `npm run build` (src-server/server.main.ts).
require('../dist/server/server.cjs');
