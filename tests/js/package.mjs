// Shared by the tests: the built Node.js package (`cargo xtask js`), the repository
// paths, and the `idpool` CLI the answers are compared with.
import { createRequire } from "node:module";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Reads a repository file as text. */
export const read = (relative) => readFileSync(path.join(root, relative), "utf8");

const packageDir = process.env.IDPOOL_JS_NODE ?? path.join(root, "target", "js", "node");
if (!existsSync(path.join(packageDir, "package.json"))) {
  throw new Error(`no package in ${packageDir}: run \`cargo xtask js\` first`);
}

/** The package, loaded as a Node user would: `require` of its folder. */
export const idpool = createRequire(import.meta.url)(packageDir);

/** The debug CLI binary; `cargo xtask test js` builds it. */
export const idpoolBin = process.env.IDPOOL_BIN ?? path.join(root, "target", "debug", "idpool");
