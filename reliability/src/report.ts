/**
 * Runs the corpus in this process and prints its report as JSON: `tsx src/report.ts <layer>…`. Tests start it as
 * a child process, so the corpus's load and its heap snapshots never block the test runner's own worker.
 */
import { type LayerName, layers, measure } from "./run.js"

const names = process.argv.slice(2).filter((name): name is LayerName => name in layers)
const report = await measure({ layers: names.length > 0 ? names : ["undici"] })
console.log(JSON.stringify(report))
process.exit(0)
