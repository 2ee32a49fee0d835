import { describe, expect, it } from "vitest";
import { wasm as sqliteBase64 } from "@prisma/client/runtime/query_compiler_bg.sqlite.wasm-base64.mjs";
import { compilerReadOnce } from "~/services/query-compiler-wasm.server";

type Loader = { getQueryCompilerWasmModule: () => Promise<unknown>; getRuntime: () => Promise<unknown> };

function generated() {
  const calls = { module: 0 };
  const compilerWasm: Loader = {
    getRuntime: async () => ({}),
    getQueryCompilerWasmModule: async () => {
      calls.module += 1;
      return null;
    },
  };
  return { calls, config: { clientVersion: "x", compilerWasm } };
}

describe("the query compiler read from its file", () => {
  it.each(["sqlite", "postgresql"] as const)(
    "gives Prisma's %s client the compiler its own loader would, without importing it",
    async (engine) => {
      const { calls, config } = generated();
      const overridden = compilerReadOnce(engine).__internal.configOverride(config);
      expect(overridden.clientVersion).toBe("x");
      expect(overridden.compilerWasm.getRuntime).toBe(config.compilerWasm.getRuntime);
      const module = (await overridden.compilerWasm.getQueryCompilerWasmModule()) as WebAssembly.Module;
      expect(module).toBeInstanceOf(WebAssembly.Module);
      expect(calls.module).toBe(0);
      expect(WebAssembly.Module.exports(module).map((e) => e.name)).toContain("__wbg_querycompiler_free");
    },
  );

  it("compiles the very bytes of the generated module", async () => {
    const { config } = generated();
    const module = (await compilerReadOnce("sqlite")
      .__internal.configOverride(config)
      .compilerWasm.getQueryCompilerWasmModule()) as WebAssembly.Module;
    const expected = new WebAssembly.Module(Buffer.from(sqliteBase64, "base64"));
    expect(WebAssembly.Module.exports(module)).toEqual(WebAssembly.Module.exports(expected));
    expect(WebAssembly.Module.imports(module)).toEqual(WebAssembly.Module.imports(expected));
  });

  it("leaves a configuration it does not know as it is", () => {
    const config = { clientVersion: "x" };
    expect(compilerReadOnce("sqlite").__internal.configOverride(config)).toBe(config);
  });
});
