#!/usr/bin/env node
// The `notion-effect` executable inside the workspace, where the package is its TypeScript sources: runs
// `src/bin.ts` through tsx (Node 20 cannot run `.ts` files). The published package's executable is `dist/bin.js`
// (`publishConfig.bin`), plain JavaScript.
import { register } from "tsx/esm/api"

register()
await import("../src/bin.ts")
