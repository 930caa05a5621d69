// Cold start from a bundle, in a fresh process: `node coldbundle.mjs <bundle.mjs> <base url>` imports the bundle
// (one file, every dependency inlined) and makes its first `users.list`; prints JSON.
const started = performance.now()
const [file, base] = process.argv.slice(2)
const { usersList } = await import(file)
const loaded = performance.now()
const list = await usersList(base)
if (list.results.length !== 100) throw new Error(`${file}: ${list.results.length} users`)
console.log(JSON.stringify({ ms: performance.now() - started, loadMs: loaded - started }))
process.exit(0)
