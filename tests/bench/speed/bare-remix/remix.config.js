/**
 * The reference of the speed benchmark: a bare Remix v2 app with the same compiler, future flags
 * and HTTP stack as Mosaic, and one page whose loader returns 20 items. tests/bench/speed/ssr.ts
 * builds it into tests/.tmp/bench-bare, three folders below Mosaic's own configuration, whose
 * settings it takes but for the routes.
 */
import mosaic from "../../../remix.config.js";

/** @type {import('@remix-run/dev').AppConfig} */
export default {
  serverModuleFormat: mosaic.serverModuleFormat,
  serverPlatform: mosaic.serverPlatform,
  serverDependenciesToBundle: mosaic.serverDependenciesToBundle,
  future: mosaic.future,
};
