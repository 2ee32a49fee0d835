/**
 * The reference of the speed benchmark: a bare Remix v2 app with the same compiler, future flags
 * and HTTP stack as Mosaic, and one page whose loader returns 20 items. tests/bench/speed/ssr.ts
 * builds it into tests/.tmp and serves it beside Mosaic's production build.
 */
/** @type {import('@remix-run/dev').AppConfig} */
export default {
  serverModuleFormat: "esm",
  serverPlatform: "node",
  serverDependenciesToBundle: [],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_singleFetch: true,
    v3_lazyRouteDiscovery: true,
  },
};
