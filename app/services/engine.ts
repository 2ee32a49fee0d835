/** The database engine a DATABASE_URL names: PostgreSQL for postgres(ql)://, else SQLite (file:). */
export type Engine = "sqlite" | "postgresql";

export function engineOf(url: string): Engine {
  return /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}
