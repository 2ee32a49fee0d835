// The glue modules of Prisma's WebAssembly query compiler, which ship without types; only the
// class app/services/query-plans.server.ts wraps is named.
declare module "@prisma/client/runtime/query_compiler_bg.sqlite.mjs" {
  export const QueryCompiler: { prototype: object };
}
declare module "@prisma/client/runtime/query_compiler_bg.postgresql.mjs" {
  export const QueryCompiler: { prototype: object };
}
// The compiler itself, in base64 (read by tests/unit/query-compiler-wasm.test.ts).
declare module "@prisma/client/runtime/query_compiler_bg.sqlite.wasm-base64.mjs" {
  export const wasm: string;
}
