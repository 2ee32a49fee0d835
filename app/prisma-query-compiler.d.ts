// The glue modules of Prisma's WebAssembly query compiler, which ship without types; only the
// class app/services/query-plans.server.ts wraps is named.
declare module "@prisma/client/runtime/query_compiler_bg.sqlite.mjs" {
  export const QueryCompiler: { prototype: object };
}
declare module "@prisma/client/runtime/query_compiler_bg.postgresql.mjs" {
  export const QueryCompiler: { prototype: object };
}
