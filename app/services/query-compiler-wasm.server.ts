/**
 * Prisma's generated client loads its query compiler (WebAssembly) by importing a module whose
 * one export is the compiler in base64, 2.4 MB of text. A module is never let go, so that
 * module's source and its export, two strings of 2.4 MB each, would stay in the server's memory
 * for its whole life beside the compiled compiler, which is all Mosaic needs once it has it.
 *
 * `compilerReadOnce` gives the client the same bytes read from the same file instead, as text
 * that is let go once compiled. It reaches the compiler through the client's configuration
 * (`__internal.configOverride`, Prisma's hook for its own tests); should a future Prisma change
 * the file or the configuration, the client's own loader is used as before.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Engine } from "./engine";

type CompilerWasm = { getQueryCompilerWasmModule: () => Promise<unknown> };
type ClientConfig = { compilerWasm?: CompilerWasm };

const require = createRequire(import.meta.url);

async function compiledFromFile(engine: Engine, generated: CompilerWasm) {
  let file: Buffer;
  try {
    file = await readFile(require.resolve(`@prisma/client/runtime/query_compiler_bg.${engine}.wasm-base64.mjs`));
  } catch {
    return generated.getQueryCompilerWasmModule();
  }
  // `const wasm = "…";` and its export: the base64 is what stands between the first two quotes.
  const start = file.indexOf('"') + 1;
  const end = file.indexOf('"', start);
  if (start === 0 || end < 0) return generated.getQueryCompilerWasmModule();
  return new WebAssembly.Module(Buffer.from(file.toString("latin1", start, end), "base64"));
}

/** The client option that has `engine`'s query compiler read from its file rather than imported. */
export function compilerReadOnce(engine: Engine) {
  return {
    __internal: {
      configOverride<C>(config: C): C {
        const generated = (config as ClientConfig).compilerWasm;
        if (typeof generated?.getQueryCompilerWasmModule !== "function") return config;
        return {
          ...config,
          compilerWasm: { ...generated, getQueryCompilerWasmModule: () => compiledFromFile(engine, generated) },
        };
      },
    },
  };
}
