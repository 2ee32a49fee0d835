// The reference's HTTP server: Express with compression, static files and Remix's request
// handler, as Mosaic's app/server/app.ts has them, without Mosaic's own middleware.
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import path from "node:path";
import process from "node:process";
import { pathToFileURL } from "node:url";

const dir = process.argv[2];
const build = await import(pathToFileURL(path.join(dir, "build/index.js")).href);
const app = express();
app.disable("x-powered-by");
app.use(compression());
app.use("/build", express.static(path.join(dir, "public/build"), { immutable: true, maxAge: "1y" }));
app.all("*", createRequestHandler({ build, mode: "production" }));
const server = app.listen(Number(process.env.PORT), "127.0.0.1", () => process.send?.("listening"));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
