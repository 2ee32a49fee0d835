/// <reference types="@remix-run/dev" />

import "@remix-run/node";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
  interface AppLoadContext {
    /** the Content-Security-Policy nonce of this response */
    cspNonce: string;
    /** the client's address, as Express sees it behind trusted proxies */
    ip: string;
  }
}
