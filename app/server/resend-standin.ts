import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

/**
 * A local stand-in for Resend's HTTP API, spoken to by the real `resend` SDK. Development uses
 * it as the mailbox (GET /_mailbox lists what was sent); tests read from it and make it fail on
 * purpose. It checks what Resend checks that matters to Mosaic: a bearer key, the required
 * fields, and the Idempotency-Key (a repeated key returns the first message's id).
 */
export type SentEmail = {
  id: string;
  from: string;
  to: string[];
  subject: string;
  html?: string;
  text?: string;
  idempotencyKey?: string;
  createdAt: string;
};

export type ResendStandIn = {
  url: string;
  port: number;
  messages: () => SentEmail[];
  /** Answer the next `count` sends with this HTTP status, as an outage would. */
  failNext: (count: number, status?: number) => void;
  requests: () => number;
  clear: () => void;
  close: () => Promise<void>;
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

export async function startResendStandIn(options: { port?: number; directory?: string } = {}): Promise<ResendStandIn> {
  const file = options.directory ? path.join(options.directory, "mailbox.json") : undefined;
  let messages: SentEmail[] = file && existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as SentEmail[]) : [];
  let failures: { count: number; status: number } = { count: 0, status: 500 };
  let requestCount = 0;

  const persist = () => {
    if (!file || !options.directory) return;
    mkdirSync(options.directory, { recursive: true });
    writeFileSync(file, JSON.stringify(messages.slice(-200)));
  };

  const accept = (raw: unknown, idempotencyKey: string | undefined): SentEmail | string => {
    const body = raw as Partial<Record<string, unknown>>;
    const to = typeof body.to === "string" ? [body.to] : Array.isArray(body.to) ? body.to.map(String) : [];
    if (typeof body.from !== "string" || !body.from) return "The `from` field is missing.";
    if (to.length === 0) return "The `to` field is missing.";
    if (typeof body.subject !== "string" || !body.subject) return "The `subject` field is missing.";
    if (idempotencyKey) {
      const earlier = messages.find((m) => m.idempotencyKey === idempotencyKey);
      if (earlier) return earlier;
    }
    const message: SentEmail = {
      id: randomUUID(),
      from: body.from,
      to,
      subject: body.subject,
      html: typeof body.html === "string" ? body.html : undefined,
      text: typeof body.text === "string" ? body.text : undefined,
      idempotencyKey,
      createdAt: new Date().toISOString(),
    };
    messages.push(message);
    return message;
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://standin");
    if (url.pathname === "/_mailbox") {
      if (req.method === "DELETE") {
        messages = [];
        persist();
        return json(res, 200, { ok: true });
      }
      return json(res, 200, { data: [...messages].reverse() });
    }
    requestCount += 1;
    if (!/^Bearer \S+/.test(req.headers.authorization ?? "")) {
      return json(res, 401, {
        statusCode: 401,
        name: "missing_api_key",
        message: "Missing API key in the authorization header.",
      });
    }
    if (req.method !== "POST" || (url.pathname !== "/emails" && url.pathname !== "/emails/batch")) {
      return json(res, 404, { statusCode: 404, name: "not_found", message: "The requested endpoint does not exist." });
    }
    if (failures.count > 0) {
      failures.count -= 1;
      return json(res, failures.status, {
        statusCode: failures.status,
        name: "internal_server_error",
        message: "Stand-in outage.",
      });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readBody(req));
    } catch {
      return json(res, 422, { statusCode: 422, name: "validation_error", message: "Invalid JSON body." });
    }
    const key = typeof req.headers["idempotency-key"] === "string" ? req.headers["idempotency-key"] : undefined;
    const items = url.pathname === "/emails/batch" ? (Array.isArray(parsed) ? parsed : []) : [parsed];
    const results = items.map((item, index) => accept(item, key && items.length > 1 ? `${key}#${index}` : key));
    const problem = results.find((r): r is string => typeof r === "string");
    if (problem) return json(res, 422, { statusCode: 422, name: "validation_error", message: problem });
    persist();
    const ids = (results as SentEmail[]).map((m) => ({ id: m.id }));
    return json(res, 200, url.pathname === "/emails/batch" ? { data: ids } : ids[0]);
  });

  // Idle connections stay open until the client closes them. With a timeout here, a request sent
  // on a kept-alive connection just as the timeout fires is reset (ECONNRESET), which a busy
  // machine makes likely.
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    messages: () => [...messages],
    failNext: (count, status = 500) => {
      failures = { count, status };
    },
    requests: () => requestCount,
    clear: () => {
      messages = [];
      persist();
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
